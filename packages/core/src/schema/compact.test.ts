import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { compactEvaluationJsonSchema } from './compact.js';

describe('compact-evaluation.schema.json', () => {
  it('matches the zod schema (run `pnpm --filter @nongthonmoi/core schema` after changing it)', () => {
    const committed = JSON.parse(
      readFileSync(new URL('../../compact-evaluation.schema.json', import.meta.url), 'utf8'),
    );
    expect(committed).toEqual(compactEvaluationJsonSchema());
  });
});
