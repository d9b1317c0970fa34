// Puts the bundled rule files in canonical form (see src/editions/canonical.ts), so that `ntm rules import`
// of their exported workbooks gives them back exactly. `--check` only lists the files that are not (exit 1).
// After writing, run `pnpm format` so that the files keep the repository's JSON layout.
import { readFileSync, writeFileSync } from 'node:fs';
import { canonicalRuleset, isCanonicalRuleset } from '../src/editions/canonical.js';
import { Engine } from '../src/engine/engine.js';
import { BUNDLED_RULESETS } from '../src/rules.js';
import type { Edition } from '../src/schema/edition.js';

const check = process.argv.includes('--check');
const engine = new Engine(BUNDLED_RULESETS);
const root = new URL('../', import.meta.url);
let differing = 0;
for (const { file } of BUNDLED_RULESETS as ReadonlyArray<{ file: string }>) {
  const url = new URL(file, root);
  const ruleset = JSON.parse(readFileSync(url, 'utf8')) as Record<string, unknown>;
  const extended = Array.isArray(ruleset.extends) ? ruleset.extends[0] : ruleset.extends;
  const entry = typeof extended === 'string' ? engine.ruleset(extended) : undefined;
  const options = { national: entry?.kind === 'edition' ? (entry.data as Edition) : null };
  if (isCanonicalRuleset(ruleset, options)) continue;
  differing++;
  if (check) {
    console.log(`not canonical: ${file}`);
    continue;
  }
  writeFileSync(url, `${JSON.stringify(canonicalRuleset(ruleset, options), null, 2)}\n`);
  console.log(`rewrote ${file}`);
}
if (differing === 0) console.log('every bundled rule file is in canonical form');
else if (!check) console.log('now run `pnpm format` to lay the rewritten files out');
process.exitCode = check && differing > 0 ? 1 : 0;
