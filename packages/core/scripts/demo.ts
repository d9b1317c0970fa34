// Evaluates the bundled sample commune against NTM nâng cao (with its NTM prerequisite) and prints the result.
// Run from the repository root with `pnpm demo`.
import { readFileSync } from 'node:fs';
import { type Evaluation, evaluate } from '../src/index.js';

const file = new URL('../../../examples/sample-commune/commune.json', import.meta.url);
const commune = JSON.parse(readFileSync(file, 'utf8'));
const level = process.argv[2] ?? 'nang-cao';
const asOf = process.argv[3] ?? '2023-11-15';
const result = evaluate(commune, { level, asOf });

const STATUS: Record<string, string> = {
  met: '✔ đạt',
  'not-met': '✘ chưa đạt',
  incomplete: '? thiếu dữ liệu',
};
const number = new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 2 });

function show(evaluation: Evaluation, indent = ''): void {
  for (const prerequisite of evaluation.prerequisites) show(prerequisite, `${indent}  `);
  const { counts, ruleset } = evaluation;
  console.log(`${indent}${ruleset.name.vi} — ${ruleset.basis[0]?.number} (${ruleset.edition})`);
  console.log(
    `${indent}  ${STATUS[evaluation.status]}: ${counts.criteriaMet}/${counts.criteriaTotal} tiêu chí đạt, ${counts.indicatorsMet}/${counts.indicatorsTotal} chỉ tiêu đạt; ${counts.unverifiedTargets} chỉ tiêu dùng mức chưa kiểm chứng`,
  );
  for (const criterion of evaluation.criteria) {
    if (criterion.status === 'met') continue;
    console.log(`${indent}  Tiêu chí ${criterion.id} ${criterion.name.vi}: ${STATUS[criterion.status]}`);
    for (const indicator of criterion.indicators) {
      if (indicator.status === 'met' || indicator.status === 'not-applicable') continue;
      const unit = indicator.unit?.vi ?? '';
      const target =
        indicator.target === null
          ? '—'
          : typeof indicator.target === 'number'
            ? `${indicator.comparator} ${number.format(indicator.target)} ${unit}`
            : indicator.target
              ? 'Đạt'
              : 'Không';
      const actual =
        indicator.actual === null
          ? 'chưa có số liệu'
          : typeof indicator.actual === 'number'
            ? `${number.format(indicator.actual)} ${unit}`
            : String(indicator.actual);
      const gap =
        indicator.gap !== null ? ` (còn thiếu ${number.format(Math.abs(indicator.gap))} ${unit})` : '';
      console.log(
        `${indent}    ${indicator.id} ${indicator.name.vi.slice(0, 70)}: ${actual} / mục tiêu ${target}${gap}${indicator.verified ? '' : ' [mức chưa kiểm chứng]'}`,
      );
    }
  }
}

console.log(`${commune.name} — đánh giá ${level} ngày ${asOf}, vùng ${result.region}\n`);
show(result);
console.log(`\nKết quả: ${STATUS[result.status]}`);
