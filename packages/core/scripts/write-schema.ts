// Regenerates edition.schema.json from the zod schema. The test src/schema/json-schema.test.ts fails when they drift.
import { writeFileSync } from 'node:fs';
import { rulesetJsonSchema } from '../src/schema/json-schema.js';

const target = new URL('../edition.schema.json', import.meta.url);
writeFileSync(target, `${JSON.stringify(rulesetJsonSchema(), null, 2)}\n`);
console.log(`wrote ${target.pathname}`);
