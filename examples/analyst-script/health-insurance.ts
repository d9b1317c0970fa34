// A short analyst script on core alone: read a CSV whose headers are measure keys or Vietnamese labels,
// evaluate every commune for NTM nâng cao, and list how far each one is from the health-insurance target.
//
//   npx tsx --conditions=@nongthonmoi/source health-insurance.ts ../nam-truc-2023/data-2023-12-31.csv
//
// It converts cells itself, with deliberately simple rules (decimal comma, "Có"/"Không", "%"), to show what
// the engine expects: typed values. The `ntm` command line does this properly (ambiguity checks, Excel,
// error reports by row); use it, or @nongthonmoi/cli's `readCommunes`, for real work.
import { readFileSync } from 'node:fs';
import { type Commune, evaluateMany, getRuleset, type MeasureValue } from '@nongthonmoi/core';
import { parse } from 'csv-parse/sync';

const file = process.argv[2];
if (!file) {
  console.error('usage: health-insurance.ts <data.csv> [as-of YYYY-MM-DD]');
  process.exit(2);
}
const asOf = process.argv[3] ?? '2023-12-31';

// Measure keys and labels of NTM nâng cao and of NTM, which it requires.
const measures = { ...getRuleset('ntm', { asOf }).measures, ...getRuleset('nang-cao', { asOf }).measures };
const keyOfHeader = new Map<string, string>();
for (const [key, measure] of Object.entries(measures)) {
  keyOfHeader.set(key, key);
  keyOfHeader.set(measure.label.vi, key);
}
const FIELDS: Record<string, 'id' | 'name' | 'province' | 'district'> = {
  id: 'id',
  'Mã xã': 'id',
  name: 'name',
  'Tên xã': 'name',
  province: 'province',
  Tỉnh: 'province',
  district: 'district',
  Huyện: 'district',
};

function toValue(text: string, type: string): MeasureValue {
  const cell = text.trim();
  if (cell === '') return null;
  if (type === 'boolean') return cell === 'Có' ? true : cell === 'Không' ? false : null;
  if (type === 'enum') return cell.split(';').map((part) => part.trim());
  return Number(cell.replace('%', '').trim().replace(',', '.'));
}

const rows = parse(readFileSync(file), { bom: true, columns: true, skip_empty_lines: true }) as Array<
  Record<string, string>
>;
const communes: Commune[] = [];
for (const row of rows) {
  const commune: Commune = { id: '', name: '', values: {} };
  for (const [header, cell] of Object.entries(row)) {
    const field = FIELDS[header];
    if (field) {
      commune[field] = cell;
      continue;
    }
    const key = keyOfHeader.get(header);
    const measure = key ? measures[key] : undefined;
    if (key && measure && measure.type !== 'enum') commune.values[key] = toValue(cell, measure.type);
  }
  if (!commune.id.startsWith('#')) communes.push(commune);
}

const { results, errors } = evaluateMany(communes, { level: 'nang-cao', asOf });
for (const error of errors) console.error(error.message);
console.log(`BHYT (chỉ tiêu 14.1 NTM nâng cao), ngày ${asOf}:`);
for (const evaluation of results) {
  const indicator = evaluation.criteria.flatMap((c) => c.indicators).find((i) => i.id === '14.1');
  if (!indicator) continue;
  const gap = indicator.gap !== null && indicator.gap < 0 ? `còn thiếu ${-indicator.gap} điểm %` : 'đạt';
  console.log(
    `  ${evaluation.commune.name.padEnd(12)} ${String(indicator.actual).padStart(5)} % / ≥ ${indicator.target} %  ${gap}`,
  );
}
process.exitCode = errors.length > 0 ? 1 : 0;
