// Regenerates edition.schema.json and compact-evaluation.schema.json from the zod schemas. The tests
// src/schema/json-schema.test.ts and src/schema/compact.test.ts fail when they drift.
import { writeFileSync } from 'node:fs';
import { compactEvaluationJsonSchema } from '../src/schema/compact.js';
import { rulesetJsonSchema } from '../src/schema/json-schema.js';

for (const [name, schema] of [
  ['edition.schema.json', rulesetJsonSchema()],
  ['compact-evaluation.schema.json', compactEvaluationJsonSchema()],
] as const) {
  const target = new URL(`../${name}`, import.meta.url);
  writeFileSync(target, `${JSON.stringify(schema, null, 2)}\n`);
  console.log(`wrote ${target.pathname}`);
}
