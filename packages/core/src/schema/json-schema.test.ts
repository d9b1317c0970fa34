import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { rulesetJsonSchema } from './json-schema.js';

describe('edition.schema.json', () => {
  it('matches the zod schema (run `pnpm --filter @nongthonmoi/core schema` after changing it)', () => {
    const committed = JSON.parse(readFileSync(new URL('../../edition.schema.json', import.meta.url), 'utf8'));
    expect(committed).toEqual(rulesetJsonSchema());
  });
});
