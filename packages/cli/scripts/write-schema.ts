// Regenerates review.schema.json from the zod schema of `ntm review --out review.json`.
// The test src/review-document.test.ts fails when they drift.
import { writeFileSync } from 'node:fs';
import { reviewJsonSchema } from '../src/review-document.js';

const target = new URL('../review.schema.json', import.meta.url);
writeFileSync(target, `${JSON.stringify(reviewJsonSchema(), null, 2)}\n`);
console.log(`wrote ${target.pathname}`);
