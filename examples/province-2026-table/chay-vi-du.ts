// The whole example, as a province office runs it (GIÁ TRỊ MINH HỌA, KHÔNG PHẢI MỨC CHÍNH THỨC):
//   1. ntm rules import bang-tieu-chi-2026-minh-hoa.xlsx --out ket-qua/bo-tieu-chi-2026-minh-hoa.json
//   2. ntm evaluate xa-2026-minh-hoa.csv --level ntm --as-of 2026-06-30 --ruleset ket-qua/… --format json --explain full
//   3. the same indicator, side by side for the three commune groups: same data, different targets.
//
// Run from the repository root:  pnpm --filter @nongthonmoi/example-province-2026-table run example
// Exit code 0 when every step worked and the verdicts are those the README shows, 1 otherwise.
import { mkdirSync, readFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { formatTarget, formatValue, main } from '@nongthonmoi/cli';
import type { Evaluation } from '@nongthonmoi/core';

const here = dirname(fileURLToPath(import.meta.url));
// The commands run in the example's folder, with the paths an office would type.
process.chdir(here);
mkdirSync('ket-qua', { recursive: true });
const table = 'bang-tieu-chi-2026-minh-hoa.xlsx';
const ruleset = 'ket-qua/bo-tieu-chi-2026-minh-hoa.json';
const data = 'xa-2026-minh-hoa.csv';
const results = 'ket-qua/danh-gia-2026.json';
const AS_OF = '2026-06-30';

const say = (line = '') => console.log(line);

/** Runs `ntm …` as a user would, showing the command and what it says on stderr. */
async function ntm(args: string[]): Promise<void> {
  say(`$ ntm ${args.join(' ')}`);
  let stderr = '';
  const code = await main(['node', 'ntm', ...args], {
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => {
      stderr += text;
    },
  });
  for (const line of stderr.trimEnd().split('\n')) if (line) say(`  ${line}`);
  if (code !== 0) {
    console.error(`ntm ${args[0]} ${args[1] ?? ''}: exit code ${code}`);
    process.exit(1);
  }
}

say('VÍ DỤ: BẢNG TIÊU CHÍ 2026–2030 THEO NHÓM XÃ (GIÁ TRỊ MINH HỌA, KHÔNG PHẢI MỨC CHÍNH THỨC)');
say();
await ntm(['rules', 'import', table, '--out', ruleset]);
await ntm([
  'evaluate',
  data,
  '--level',
  'ntm',
  '--as-of',
  AS_OF,
  '--ruleset',
  ruleset,
  '--format',
  'json',
  // Every name, target and citation (the default compact form keeps statuses, values and gaps).
  '--explain',
  'full',
  '--out',
  results,
]);
say();

const report = JSON.parse(readFileSync(results, 'utf8')) as { evaluations: Evaluation[] };
const communes = report.evaluations;
const groupName = (group: string | null) =>
  group ? `Xã ${group.replace('nhom-', 'nhóm ')}` : '(không nhóm)';
const status = (value: string) =>
  ({ met: 'Đạt', 'not-met': 'Chưa đạt', incomplete: 'Chưa đủ căn cứ' })[value] ?? value;

// The indicators whose target differs by group: same data in the three communes, three targets.
const first = communes[0] as Evaluation;
for (const criterion of first.criteria) {
  for (const indicator of criterion.indicators) {
    const rows = communes.map((commune) => {
      const found = commune.criteria
        .flatMap((item) => item.indicators)
        .find((item) => item.id === indicator.id) as (typeof commune.criteria)[number]['indicators'][number];
      return { commune, found };
    });
    const targets = new Set(rows.map(({ found }) => JSON.stringify(found.target)));
    if (targets.size < 2) continue;
    const actual = formatValue(indicator.actual as number, indicator.unit, 'vi');
    say(`Chỉ tiêu ${indicator.id}. ${indicator.name.vi}: cùng số liệu ${actual} ở cả ba xã`);
    for (const { commune, found } of rows) {
      const target = formatTarget(found.target as number, found.comparator, found.unit, null, 'vi');
      say(`  ${groupName(commune.group).padEnd(11)} mức ${target.padEnd(16)} → ${status(found.status)}`);
    }
  }
}
say();
say('Kết quả (GIÁ TRỊ MINH HỌA):');
for (const commune of communes) {
  const met = commune.criteria.filter((criterion) => criterion.status === 'met').length;
  say(
    `  ${commune.commune.name.padEnd(24)} ${groupName(commune.group).padEnd(11)} ${status(commune.status).padEnd(9)} ${met}/${commune.criteria.length} tiêu chí đạt`,
  );
}

// The verdicts the README shows: a change in the table or the engine that alters them fails the example.
const expected: Record<string, string> = { 'nhom-1': 'not-met', 'nhom-2': 'met', 'nhom-3': 'met' };
const wrong = communes.filter((commune) => expected[commune.group ?? ''] !== commune.status);
if (communes.length !== 3 || wrong.length > 0) {
  console.error(`unexpected verdicts: ${communes.map((c) => `${c.group}=${c.status}`).join(', ')}`);
  process.exit(1);
}
