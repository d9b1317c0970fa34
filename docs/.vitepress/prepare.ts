// Generates everything the documentation site needs before `vitepress build docs` / `vitepress dev docs`:
//
//   docs/public/demo/   the BUILT standalone bundle of @nongthonmoi/scorecard (both files), the Nam Trực
//                       evaluations (2023-12-31, previous 2023-11-15) and the data of the "evaluate a
//                       commune" form
//   docs/en/api/        the API reference (TypeDoc + typedoc-plugin-markdown) and the `ntm` command
//                       reference (each command's --help), in English
//
// All of it is generated and git-ignored. Run from the repository root, after building the scorecard:
//
//   pnpm --filter @nongthonmoi/scorecard build
//   tsx --conditions=@nongthonmoi/source docs/.vitepress/prepare.ts [--skip-api]
import { copyFileSync, existsSync, mkdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  type Evaluation,
  evaluateMany,
  getRuleset,
  listProvinces,
  REGION_NAMES,
  REGIONS,
  summarize,
} from '@nongthonmoi/core';
import { Application } from 'typedoc';
// The CLI is not a dependency of the workspace root: its programmatic API is imported from its sources.
import { buildProgram, dictionaryFor, type ReadResult, readCommunes } from '../../packages/cli/src/index.js';
import {
  COMMUNE_FORM_FILE,
  type CommuneFormData,
  type FormField,
  NAM_TRUC_FILE,
  type NamTrucData,
  SCORECARD_FILES,
} from './theme/demo-data.js';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '..', '..');
const docs = join(root, 'docs');
const demo = join(docs, 'public', 'demo');
const api = join(docs, 'en', 'api');
const started = performance.now();

function step(message: string): void {
  console.log(`[docs:prepare] ${message} (${((performance.now() - started) / 1000).toFixed(1)} s)`);
}

function fail(message: string): never {
  console.error(`[docs:prepare] ${message}`);
  process.exit(1);
}

// 1. The standalone bundle, as built: the demos load exactly what a portal would copy.
const standalone = join(root, 'packages', 'scorecard', 'dist', 'standalone');
rmSync(demo, { recursive: true, force: true });
mkdirSync(demo, { recursive: true });
for (const file of SCORECARD_FILES) {
  const from = join(standalone, file);
  if (!existsSync(from)) {
    fail(`${relative(root, from)} is missing: run \`pnpm --filter @nongthonmoi/scorecard build\` first`);
  }
  copyFileSync(from, join(demo, file));
}
step(`copied ${SCORECARD_FILES.join(', ')} to ${relative(root, demo)}`);

// 2. The Nam Trực sample data, read by the CLI's reader and evaluated by core. Each snapshot is evaluated on
// its own date; both dates fall under the same editions and target year, which is checked below, so the
// progress the elements show comes from the data and not from a change of rules.
const OPTIONS = { level: 'nang-cao', asOf: '2023-12-31', province: 'nam-dinh' } as const;
const PREVIOUS_AS_OF = '2023-11-15';
const dictionary = dictionaryFor();
const sample = join(root, 'examples', 'nam-truc-2023');

async function evaluateSnapshot(
  file: string,
  asOf: string,
): Promise<{ read: ReadResult; evaluations: Evaluation[] }> {
  const read = await readCommunes(join(sample, file), dictionary);
  if (read.problems.length > 0) {
    fail(
      `${file}: ${read.problems.map((p) => `row ${p.row}, ${p.column}: ${p.reason}`).join('; ')} (the demo data must read cleanly)`,
    );
  }
  const batch = evaluateMany(
    read.communes.map((row) => row.commune),
    { ...OPTIONS, asOf },
  );
  if (batch.errors.length > 0) fail(`${file}: ${batch.errors.map((error) => error.message).join('; ')}`);
  return { read, evaluations: batch.results };
}

const current = await evaluateSnapshot('data-2023-12-31.csv', OPTIONS.asOf);
const previous = await evaluateSnapshot('data-2023-11-15.csv', PREVIOUS_AS_OF);
const rules = (e: Evaluation): string[] => [e, ...e.prerequisites].map((t) => `${t.ruleset.hash}/${t.year}`);
for (const [i, evaluation] of current.evaluations.entries()) {
  const before = previous.evaluations[i];
  if (!before || rules(before).join() !== rules(evaluation).join()) {
    fail(`${evaluation.commune.id}: the two snapshots were evaluated under different rules or target years`);
  }
}
const namTruc: NamTrucData = {
  note: 'DỮ LIỆU MINH HỌA (SYNTHETIC): examples/nam-truc-2023, not official figures of Nam Trực district.',
  ...OPTIONS,
  current: { file: 'data-2023-12-31.csv', asOf: OPTIONS.asOf, evaluations: current.evaluations },
  previous: { file: 'data-2023-11-15.csv', asOf: PREVIOUS_AS_OF, evaluations: previous.evaluations },
};
writeFileSync(join(demo, NAM_TRUC_FILE), JSON.stringify(namTruc));
const summary = summarize(current.evaluations);
step(
  `${NAM_TRUC_FILE}: ${current.evaluations.length} communes (+ ${previous.evaluations.length} previous), ` +
    `${(statSync(join(demo, NAM_TRUC_FILE)).size / 1024).toFixed(0)} KiB; totals ${JSON.stringify(summary.totals)}`,
);

// 3. The form: a complete commune to start from (Nam Mỹ, December), and the measures the reader can change,
// with their labels, types, units and ranges from the bundled rules.
const template = current.read.communes.find((row) => row.commune.id === 'nam-my')?.commune;
if (!template) fail('data-2023-12-31.csv has no commune nam-my');
const FIELD_KEYS: Array<[string, string]> = [
  ['nang-cao', 'income_per_capita_mvnd'],
  ['ntm', 'multidimensional_poverty_pct'],
  ['nang-cao', 'health_insurance_pct'],
  ['nang-cao', 'e_health_book_pct'],
  ['nang-cao', 'telemedicine_users_pct'],
  ['ntm', 'stunting_under5_pct'],
  ['nang-cao', 'piped_water_households_pct'],
  ['ntm', 'households_sorting_waste_pct'],
  ['nang-cao', 'has_valid_ocop_product'],
  ['kieu-mau', 'smart_village_count'],
];
const rulesets = new Map<string, ReturnType<typeof getRuleset>>();
const fields: FormField[] = FIELD_KEYS.map(([level, key]) => {
  let ruleset = rulesets.get(level);
  if (!ruleset) {
    ruleset = getRuleset(level, { asOf: OPTIONS.asOf, province: OPTIONS.province });
    rulesets.set(level, ruleset);
  }
  const measure = ruleset.measures[key];
  if (!measure) fail(`measure ${key} is not in the ${level} edition in force on ${OPTIONS.asOf}`);
  const value = template.values[key];
  return {
    key,
    label: measure.label,
    type: measure.type,
    unit: measure.unit ?? null,
    min: measure.min ?? null,
    max: measure.max ?? null,
    value: typeof value === 'number' || typeof value === 'boolean' ? value : null,
  };
});
const form: CommuneFormData = {
  template: {
    id: 'xa-minh-hoa',
    name: 'Xã minh họa',
    district: template.district ?? null,
    values: template.values,
  },
  fields,
  provinces: listProvinces().map((p) => ({ id: p.id, name: p.name, from: p.from ?? null, to: p.to ?? null })),
  regions: REGIONS.map((id) => ({ id, name: REGION_NAMES[id] })),
  defaults: OPTIONS,
};
writeFileSync(join(demo, COMMUNE_FORM_FILE), JSON.stringify(form));
step(`${COMMUNE_FORM_FILE}: ${fields.length} fields, ${form.provinces.length} provinces`);

if (process.argv.includes('--skip-api')) {
  step('skipped the API reference (--skip-api)');
  process.exit(0);
}

// 4. The API reference: TypeDoc with typedoc-plugin-markdown (options in typedoc.json next to this file).
const app = await Application.bootstrapWithPlugins({ options: join(here, 'typedoc.json') });
const project = await app.convert();
if (!project || app.logger.hasErrors()) fail('TypeDoc failed (see the errors above)');
await app.generateOutputs(project);
if (app.logger.hasErrors()) fail('TypeDoc could not write the API reference');
step(`API reference in ${relative(root, api)} (${app.logger.warningCount} TypeDoc warnings)`);

// 5. The `ntm` command reference: every command's --help, as the CLI prints it.
const chunks: string[] = [];
const program = buildProgram({ stdout: (text) => chunks.push(text), stderr: (text) => chunks.push(text) });
const sections: string[] = [];
type Command = ReturnType<typeof buildProgram>;
function helpOf(command: Command, path: string[]): void {
  command.configureHelp({ helpWidth: 80 }); // as in an 80-column terminal
  chunks.length = 0;
  command.outputHelp();
  const name = ['ntm', ...path].join(' ');
  sections.push(
    `## \`${name}\` {#${['ntm', ...path].join('-')}}\n\n\`\`\`text\n${chunks.join('').trimEnd()}\n\`\`\`\n`,
  );
  for (const sub of command.commands) helpOf(sub, [...path, sub.name()]);
}
helpOf(program, []);
writeFileSync(
  join(api, 'ntm-commands.md'),
  `<!-- Generated by docs/.vitepress/prepare.ts from the CLI's own help (buildProgram). Do not edit. -->\n\n` +
    `# \`ntm\` command reference\n\n` +
    `The help of every command of \`@nongthonmoi/cli\`, exactly as \`ntm <command> --help\` prints it. ` +
    `For what the commands are for, the input file and the Vietnamese number rules, read ` +
    `[\`ntm\` for analysts](../analysts.md).\n\n${sections.join('\n')}`,
);
step(`ntm-commands.md: ${sections.length} commands`);
