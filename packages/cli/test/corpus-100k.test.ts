/**
 * The 100 000-row case of the hostile-data corpus (see test/corpus/README.md): a CSV generated here, 100 000
 * communes × a few measures of the NTM nâng cao edition in force on 2023-11-15, with bad cells at known rows.
 * The real binary evaluates it; every bad row is reported with its row number and every other row is
 * evaluated. The results are written as CSV (one row per commune): the full JSON of 100 000 evaluations would
 * be several gigabytes.
 */
import { readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { getRuleset } from '@nongthonmoi/core';
import { parse } from 'csv-parse/sync';
import { afterAll, expect, it } from 'vitest';
import { ntm, tempDir } from './helpers.js';

const AS_OF = '2023-11-15';
const ROWS = 100_000;
/** The input and the results take about 150 MB: removed afterwards. */
const dir = tempDir();
afterAll(() => rmSync(dir, { recursive: true, force: true }));

it('100 000 rows: every bad row reported with its row number, every good row evaluated', async () => {
  const measures = Object.entries(getRuleset('nang-cao', { asOf: AS_OF, province: 'nam-dinh' }).measures);
  const pick = (type: string, count: number) =>
    measures
      .filter(([, measure]) => measure.type === type)
      .map(([key]) => key)
      .slice(0, count);
  const percents = pick('percent', 3);
  const [money] = pick('money', 1);
  const booleans = pick('boolean', 2);
  expect(percents).toHaveLength(3);
  expect(money).toBeDefined();
  expect(booleans).toHaveLength(2);
  const keys = [...percents, money as string, ...booleans];

  // Spreadsheet row → [column, cell, reason]: the bad cells, at known places (first and last rows included).
  const bad = new Map<number, [string, string, string]>([
    [2, [percents[0] as string, '101', 'lớn hơn giá trị hợp lệ lớn nhất 100 %']],
    [33_334, [booleans[0] as string, 'x', 'không rõ nghĩa']],
    [50_001, ['id', 'c2', 'mã xã c2 trùng với dòng 2']],
    [77_777, [money as string, '60%', 'không phải tỷ lệ phần trăm']],
    [ROWS + 1, [percents[1] as string, '85,5x', 'không phải là số']],
  ]);
  const lines = [['id', 'name', 'district', ...keys].join(';')];
  for (let row = 2; row <= ROWS + 1; row++) {
    const cells: Record<string, string> = {
      id: `c${row}`,
      [percents[0] as string]: String(50 + (row % 50)),
      [percents[1] as string]: `${row % 100},5`,
      [percents[2] as string]: `${row % 101} %`,
      [money as string]: `${40 + (row % 30)},25`,
      [booleans[0] as string]: row % 2 ? 'Có' : 'Không',
      [booleans[1] as string]: row % 3 ? 'Đạt' : 'Chưa đạt',
    };
    const [column, cell] = bad.get(row) ?? [];
    if (column) cells[column] = cell as string;
    lines.push([cells.id, `Xã ${row}`, 'Nam Trực', ...keys.map((key) => cells[key])].join(';'));
  }
  const file = join(dir, 'communes-100k.csv');
  writeFileSync(file, `\ufeff${lines.join('\r\n')}\r\n`);
  const out = join(dir, 'results.csv');
  const errors = join(dir, 'errors.csv');

  const started = Date.now();
  const run = await ntm([
    'evaluate',
    file,
    '--level',
    'nang-cao',
    '--as-of',
    AS_OF,
    '--province',
    'nam-dinh',
    '--format',
    'csv',
    '--out',
    out,
    '--errors',
    errors,
  ]);
  const seconds = (Date.now() - started) / 1000;
  expect(run.code, run.stderr.slice(0, 2000)).toBe(1);
  console.info(`ntm evaluate, ${ROWS} rows: ${seconds.toFixed(1)} s; results ${statSync(out).size} bytes`);

  // Every bad cell: its row, column and reason, and nothing else.
  const problems = parse(readFileSync(errors, 'utf8'), { bom: true, columns: true }) as Array<
    Record<string, string>
  >;
  expect(problems.map((p) => [Number(p.row), p.column])).toEqual(
    [...bad].map(([row, [column]]) => [row, column]),
  );
  for (const problem of problems) {
    const [, cell, reason] = bad.get(Number(problem.row)) ?? [];
    expect(problem.value).toBe(cell);
    expect(problem.reason).toContain(reason);
  }
  for (const [row, [column]] of bad) expect(run.stderr).toMatch(new RegExp(`, dòng ${row} .*"${column}"`));
  expect(run.stderr).toContain(
    `${bad.size} dòng có lỗi, không được đánh giá; đã đánh giá ${new Intl.NumberFormat('vi-VN').format(ROWS - bad.size)} xã`,
  );

  // Rows in = rows evaluated + rows rejected; the evaluated rows are exactly the good ones, in file order.
  const results = readFileSync(out, 'utf8').split('\r\n').slice(1, -1);
  expect(results.length).toBe(ROWS - bad.size);
  expect(results.length + bad.size).toBe(ROWS);
  // id, name, province, district, row: plain text here (no quotes), so the first fields split on commas.
  let expected = 2;
  for (const line of results) {
    while (bad.has(expected)) expected++;
    const [id, , , , row] = line.split(',', 5);
    if (Number(row) !== expected || id !== `c${expected}`) {
      expect(line.slice(0, 60)).toMatch(
        new RegExp(`^c${expected},Xã ${expected},[^,]*,Nam Trực,${expected},`),
      );
    }
    expected++;
  }
  expect(expected).toBe(ROWS + 1);
}, 300_000);
