import * as z from 'zod';
import { RulesetFileSchema } from './edition.js';

/** The JSON Schema of ruleset files, generated from the zod schema (committed as edition.schema.json). */
export function rulesetJsonSchema(): Record<string, unknown> {
  const schema = z.toJSONSchema(RulesetFileSchema, {
    target: 'draft-2020-12',
    unrepresentable: 'any',
    io: 'input',
  });
  return {
    ...schema,
    $id: 'https://unpkg.com/@nongthonmoi/core/edition.schema.json',
    title: 'Nông thôn mới ruleset (edition, amendment or province overlay)',
    description:
      'Generated from packages/core/src/schema/edition.ts by `pnpm --filter @nongthonmoi/core schema`. Do not edit by hand.',
  };
}
