/**
 * End-to-end tests of the `ntm` binary on real files (written here, or kept in test/fixtures): inputs in CSV,
 * Excel and JSON, every output format, the review report, the template, rules and validate, exit codes.
 */

import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expandEvaluation } from '@nongthonmoi/core';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { unshareRepeated } from '../src/io/shared-json.js';
import {
  ntm,
  PACKAGE,
  REPO,
  type Run,
  type SampleCommune,
  sampleCommune,
  tempDir,
  vietnameseCell,
  writeText,
} from './helpers.js';

const FIXTURE = join(PACKAGE, 'test', 'fixtures', 'communes-vi-semicolon-bom.csv');
const AS_OF = '2023-11-15';
const dir = tempDir();
let sample: SampleCommune;
let keys: string[];

/** A CSV (comma separated, measure keys as headers) of the sample commune with some cells replaced. */
function csvOf(
  rows: Array<{ id: string; name: string; cells?: Record<string, string> }>,
  extraHeader: string[] = [],
): string {
  const header = ['id', 'name', 'province', 'district', ...keys, ...extraHeader];
  const lines = rows.map((row) =>
    [
      row.id,
      row.name,
      'nam-dinh',
      'Nam Trực',
      ...keys.map((key) => row.cells?.[key] ?? vietnameseCell(sample.values[key])),
      ...extraHeader.map(() => ''),
    ]
      .map((cell) => (/[",\n]/.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell))
      .join(','),
  );
  return `${[header.join(','), ...lines].join('\n')}\n`;
}

interface JsonOut {
  counts: { rows: number; evaluated: number; rowsWithProblems: number };
  /** Compact evaluations (the default of --format json). */
  evaluations: Array<{ row: number; commune: { id: string; name: string }; status: string }>;
  problems: Array<{ file: string; row: number; column: string; value: string; reason: string }>;
}

/** The value an evaluation compared for `measure`: read from the full evaluation its compact form stands for. */
function actualOf(compact: JsonOut['evaluations'][number], measure: string): unknown {
  const evaluation = expandEvaluation(compact);
  for (const tier of [evaluation, ...evaluation.prerequisites]) {
    for (const criterion of tier.criteria) {
      for (const indicator of criterion.indicators)
        if (indicator.measure === measure) return indicator.actual;
    }
  }
  return undefined;
}

beforeAll(() => {
  sample = sampleCommune();
  keys = Object.keys(sample.values);
});

describe('help', () => {
  it('every command has --help with examples, exit code 0', async () => {
    const commands = [
      ['evaluate'],
      ['review'],
      ['template'],
      ['validate'],
      ['rules', 'list'],
      ['rules', 'show'],
      ['rules', 'diff'],
    ];
    const runs = await Promise.all(commands.map((command) => ntm([...command, '--help'])));
    runs.forEach((run, i) => {
      expect(run.code, commands[i]?.join(' ')).toBe(0);
      expect(run.stdout).toContain('Ví dụ:');
      expect(run.stdout).toContain('ntm ');
    });
  });

  it('usage errors exit with 2', async () => {
    const [noLevel, badDate, unknownOption, regionAndProvince] = await Promise.all([
      ntm(['evaluate', FIXTURE]),
      ntm(['evaluate', FIXTURE, '--level', 'ntm', '--as-of', '2023-13-45']),
      ntm(['evaluate', FIXTURE, '--level', 'ntm', '--frobnicate']),
      ntm(['evaluate', FIXTURE, '--level', 'ntm', '--region', 'dbsh', '--province', 'nam-dinh']),
    ]);
    expect(noLevel.code).toBe(2);
    expect(noLevel.stderr).toMatch(/--level/);
    expect(badDate.code).toBe(2);
    expect(badDate.stderr).toMatch(/không có tháng 13/);
    expect(unknownOption.code).toBe(2);
    expect(regionAndProvince.code).toBe(2);
    expect(unknownOption.stderr).toMatch(/không có tùy chọn --frobnicate/);
    expect(regionAndProvince.stderr).toMatch(/không ghi được cả --region và --province/);
  });
});

describe('evaluate: CSV', () => {
  it('reads a BOM + semicolon CSV with Vietnamese headers, decimal commas and "%" (exit 0)', async () => {
    const run = await ntm(['evaluate', FIXTURE, '--level', 'nang-cao', '--as-of', AS_OF, '--format', 'json']);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const out = JSON.parse(run.stdout) as JsonOut;
    expect(out.counts).toEqual({ rows: 3, evaluated: 3, rowsWithProblems: 0 });
    const [namMy, namThang, dienXa] = out.evaluations;
    expect(namMy?.commune.name).toBe('Nam Mỹ');
    expect(namMy?.row).toBe(2);
    expect(actualOf(namMy as never, 'health_insurance_pct')).toBe(92.5);
    expect(actualOf(namThang as never, 'health_insurance_pct')).toBe(96.5);
    expect(actualOf(namThang as never, 'households_sorting_waste_pct')).toBe(52.5);
    expect(actualOf(dienXa as never, 'income_per_capita_mvnd')).toBe(58.25);
    expect(actualOf(dienXa as never, 'has_valid_ocop_product')).toBe(false);
  });

  it('prints a Vietnamese table by default and an English one with --lang en', async () => {
    const [vi, en] = await Promise.all([
      ntm(['evaluate', FIXTURE, '--level', 'nang-cao', '--as-of', AS_OF]),
      ntm(['evaluate', FIXTURE, '--level', 'nang-cao', '--as-of', AS_OF, '--lang', 'en']),
    ]);
    expect(vi.code).toBe(0);
    expect(vi.stdout).toContain('Tiêu chí chưa đạt');
    expect(vi.stdout).toMatch(/Nam Mỹ\s+✘ Chưa đạt/);
    expect(vi.stdout).toMatch(/NTM ✘ 14\/19/);
    expect(vi.stdout).toContain('chưa đánh giá được');
    expect(vi.stdout).not.toContain('\x1b[');
    expect(en.stdout).toContain('Criteria not met');
    expect(en.stdout).toContain('communes:');
  });

  it('reports bad rows with file, spreadsheet row, column, value and reason; evaluates the rest (exit 1)', async () => {
    const file = writeText(
      dir,
      'bad-rows.csv',
      csvOf([
        { id: '1', name: 'Tốt 1' },
        { id: '2', name: 'Sai phần trăm', cells: { health_insurance_pct: '92,5x' } },
        { id: '3', name: 'Tốt 2', cells: { health_insurance_pct: '97 %' } },
        { id: '1', name: 'Trùng mã' },
        {
          id: '5',
          name: 'Nhiều lỗi',
          cells: {
            income_per_capita_mvnd: '60%',
            has_valid_ocop_product: 'x',
            public_green_land_m2_per_person: '1.234',
          },
        },
      ]),
    );
    const errors = join(dir, 'errors.csv');
    const out = join(dir, 'bad-rows.json');
    const run = await ntm([
      'evaluate',
      file,
      '--level',
      'nang-cao',
      '--as-of',
      AS_OF,
      '--out',
      out,
      '--errors',
      errors,
    ]);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(
      /bad-rows\.csv, dòng 3 \(xã 2\), cột "health_insurance_pct": "92,5x" .*không phải là số/,
    );
    expect(run.stderr).toMatch(/dòng 5 \(xã 1\), cột "id": "1" mã xã 1 trùng với dòng 2/);
    expect(run.stderr).toMatch(
      /dòng 6 \(xã 5\), cột "income_per_capita_mvnd": "60%" .*không phải tỷ lệ phần trăm/,
    );
    expect(run.stderr).toMatch(/dòng 6 .*"has_valid_ocop_product": "x" .*không rõ nghĩa/);
    expect(run.stderr).toMatch(/dòng 6 .*"public_green_land_m2_per_person": "1.234" .*không rõ nghĩa/);
    const json = JSON.parse(readFileSync(out, 'utf8')) as JsonOut;
    expect(json.evaluations.map((e) => [e.commune.id, e.row])).toEqual([
      ['1', 2],
      ['3', 4],
    ]);
    expect(json.problems.length).toBe(5);
    const rows = parse(readFileSync(errors, 'utf8'), { bom: true, columns: true }) as Array<
      Record<string, string>
    >;
    expect(rows.length).toBe(5);
    expect(rows[0]).toMatchObject({
      row: '3',
      column: 'health_insurance_pct',
      value: '92,5x',
      commune_id: '2',
    });
    expect(rows.map((r) => r.row)).toEqual(['3', '5', '6', '6', '6']);
  });

  it('refuses unknown columns (exit 2) unless --ignore-unknown-columns', async () => {
    const file = writeText(
      dir,
      'unknown-column.csv',
      csvOf([{ id: '1', name: 'A' }], ['health_insurance_pc']),
    );
    const refused = await ntm(['evaluate', file, '--level', 'ntm', '--as-of', AS_OF]);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(
      /"health_insurance_pc": cột không nhận ra \(có phải "health_insurance_pct"\?\)/,
    );
    const ignored = await ntm([
      'evaluate',
      file,
      '--level',
      'ntm',
      '--as-of',
      AS_OF,
      '--ignore-unknown-columns',
    ]);
    expect(ignored.code).toBe(0);
    expect(ignored.stderr).toContain('đã bỏ qua các cột: "health_insurance_pc"');
  });

  it('writes CSV results, one row per commune', async () => {
    const run = await ntm(['evaluate', FIXTURE, '--level', 'nang-cao', '--as-of', AS_OF, '--format', 'csv']);
    expect(run.code).toBe(0);
    const rows = parse(run.stdout, { bom: true, columns: true }) as Array<Record<string, string>>;
    expect(rows.map((r) => r.id)).toEqual(['13690', '13693', '13696']);
    expect(rows[0]).toMatchObject({
      level: 'nang-cao',
      status: 'not-met',
      criteria_total: '19',
      ntm_status: 'not-met',
    });
    expect(rows[0]?.['nang-cao:14']).toBe('not-met');
    expect(rows[0]?.['ntm:1']).toBe('met');
  });

  it('exits 2 for a missing file, an unknown level, or no edition in force', async () => {
    const [missing, level, old] = await Promise.all([
      ntm(['evaluate', join(dir, 'nope.csv'), '--level', 'ntm']),
      ntm(['evaluate', FIXTURE, '--level', 'sieu-mau', '--as-of', AS_OF]),
      ntm(['evaluate', FIXTURE, '--level', 'nang-cao', '--as-of', '2015-01-01']),
    ]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/không đọc được .*nope\.csv: không có tệp này/);
    expect(level.code).toBe(2);
    expect(old.code).toBe(2);
  });
});

describe('evaluate: Excel', () => {
  let workbookFile: string;
  beforeAll(async () => {
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet('Ghi chú').addRow(['not this sheet']);
    const sheet = workbook.addWorksheet('Số liệu');
    sheet.addRow(['id', 'name', 'province', ...keys]);
    const values = (overrides: Record<string, ExcelJS.CellValue> = {}) =>
      keys.map((key) => (key in overrides ? overrides[key] : (sample.values[key] as ExcelJS.CellValue)));
    sheet.addRow([
      '13690',
      'Công thức',
      'nam-dinh',
      ...values({ health_insurance_pct: { formula: '90+6.5', result: 96.5 } }),
    ]);
    sheet.addRow(['13693', 'Ô lỗi', 'nam-dinh', ...values({ health_insurance_pct: { error: '#DIV/0!' } })]);
    sheet.addRow([
      '13696',
      'Ô ngày',
      'nam-dinh',
      ...values({ permanent_houses_pct: new Date(Date.UTC(2023, 10, 15)) }),
    ]);
    const percentRow = sheet.addRow([
      '13699',
      'Định dạng %',
      'nam-dinh',
      ...values({ health_insurance_pct: 0.955 }),
    ]);
    percentRow.getCell(4 + keys.indexOf('health_insurance_pct')).numFmt = '0.0%';
    sheet.addRow([13702, 'Mã số', 'nam-dinh', ...values({ has_valid_ocop_product: 'Không' })]);
    workbookFile = join(dir, 'communes.xlsx');
    await workbook.xlsx.writeFile(workbookFile);
  });

  it('uses cached formula results, reads % formats, refuses error and date cells (exit 1)', async () => {
    const run = await ntm([
      'evaluate',
      workbookFile,
      '--sheet',
      'Số liệu',
      '--level',
      'nang-cao',
      '--as-of',
      AS_OF,
      '--format',
      'json',
    ]);
    expect(run.code).toBe(1);
    const out = JSON.parse(run.stdout) as JsonOut;
    expect(out.evaluations.map((e) => e.commune.id)).toEqual(['13690', '13699', '13702']);
    expect(actualOf(out.evaluations[0] as never, 'health_insurance_pct')).toBe(96.5);
    expect(actualOf(out.evaluations[1] as never, 'health_insurance_pct')).toBe(95.5);
    expect(actualOf(out.evaluations[2] as never, 'has_valid_ocop_product')).toBe(false);
    expect(run.stderr).toMatch(
      /communes\.xlsx, dòng 3 \(xã 13693\), cột "health_insurance_pct": "#DIV\/0!" ô chứa lỗi bảng tính #DIV\/0!/,
    );
    expect(run.stderr).toMatch(
      /dòng 4 \(xã 13696\), cột "permanent_houses_pct": "2023-11-15" ô chứa ngày tháng/,
    );
  });

  it('reads the first sheet by default and names the sheets when --sheet is wrong (exit 2)', async () => {
    const [first, wrong] = await Promise.all([
      ntm(['evaluate', workbookFile, '--level', 'ntm', '--as-of', AS_OF]),
      ntm(['evaluate', workbookFile, '--sheet', 'Sheet9', '--level', 'ntm', '--as-of', AS_OF]),
    ]);
    expect(first.code).toBe(2);
    expect(first.stderr).toMatch(/"not this sheet": cột không nhận ra/);
    expect(wrong.code).toBe(2);
    expect(wrong.stderr).toContain('không có trang tính tên "Sheet9"; các trang của tệp: Ghi chú, Số liệu');
  });

  it('writes an Excel workbook of the results', async () => {
    const out = join(dir, 'results.xlsx');
    const run = await ntm(['evaluate', FIXTURE, '--level', 'nang-cao', '--as-of', AS_OF, '--out', out]);
    expect(run.code).toBe(0);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(out);
    expect(workbook.worksheets.map((s) => s.name)).toEqual([
      'Tổng hợp',
      'Tổng hợp NTM',
      'Chỉ tiêu chưa đạt',
      'Chưa đủ căn cứ',
      'Thông tin',
    ]);
    const matrix = workbook.getWorksheet('Tổng hợp') as ExcelJS.Worksheet;
    expect(matrix.getRow(1).getCell(1).value).toBe('Mã xã');
    expect(matrix.getRow(2).getCell(2).value).toBe('Nam Mỹ');
    expect(matrix.getRow(2).getCell(3).value).toBe('Chưa đạt');
    // Three communes, then the totals row.
    expect(matrix.rowCount).toBe(5);
    expect(matrix.getRow(5).getCell(2).value).toBe('Số xã đạt (/3)');
  });
});

describe('evaluate: JSON', () => {
  it('reads an array or { communes } (exit 0) and refuses text values (exit 1)', async () => {
    const commune = { ...sample, id: 'j1' };
    const array = writeText(dir, 'array.json', JSON.stringify([commune]));
    const wrapped = writeText(
      dir,
      'wrapped.json',
      JSON.stringify({ communes: [commune, { ...commune, id: 'j2' }] }),
    );
    const text = writeText(
      dir,
      'text.json',
      JSON.stringify([
        commune,
        { ...commune, id: 'j3', values: { ...commune.values, health_insurance_pct: '92,5' } },
      ]),
    );
    const [a, w, t] = (await Promise.all(
      [array, wrapped, text].map((file) =>
        ntm(['evaluate', file, '--level', 'ntm', '--as-of', AS_OF, '--format', 'json']),
      ),
    )) as [Run, Run, Run];
    expect(a.code).toBe(0);
    expect((JSON.parse(a.stdout) as JsonOut).counts.evaluated).toBe(1);
    expect(w.code).toBe(0);
    expect((JSON.parse(w.stdout) as JsonOut).counts.evaluated).toBe(2);
    expect(t.code).toBe(1);
    expect(t.stderr).toMatch(
      /text\.json, mục 2 \(xã j3\), cột "values.health_insurance_pct": "92,5" cần một số/,
    );
  });
});

describe('review', () => {
  let previous: string;
  let current: string;
  let owners: string;
  beforeAll(() => {
    previous = writeText(
      dir,
      'data-2023-11-15.csv',
      csvOf([
        {
          id: '1',
          name: 'Nam Mỹ',
          cells: { health_insurance_pct: '88', households_sorting_waste_pct: '30' },
        },
        { id: '2', name: 'Nam Thắng', cells: { health_insurance_pct: '90' } },
      ]),
    );
    current = writeText(
      dir,
      'data-2023-12-31.csv',
      csvOf([
        {
          id: '1',
          name: 'Nam Mỹ',
          cells: { health_insurance_pct: '93,5', households_sorting_waste_pct: '55' },
        },
        { id: '2', name: 'Nam Thắng', cells: { health_insurance_pct: '96' } },
        { id: '3', name: 'Lỗi', cells: { health_insurance_pct: '#N/A' } },
      ]),
    );
    owners = writeText(
      dir,
      'owners.csv',
      '\ufeffTiêu chí,Phụ trách,Cấp\n14,Trạm Y tế xã,nâng cao\n"17",Phòng Tài nguyên và Môi trường,\n14,Phòng Giáo dục,NTM\n',
    );
  });

  async function html(
    env: Record<string, string> = {},
  ): Promise<{ code: number; text: string; stderr: string }> {
    const out = join(dir, `report-${Object.keys(env).length}.html`);
    const run = await ntm(
      [
        'review',
        current,
        '--level',
        'nang-cao',
        '--as-of',
        '2023-12-31',
        '--previous',
        previous,
        '--owners',
        owners,
        '--out',
        out,
      ],
      { env },
    );
    return { code: run.code, text: existsSync(out) ? readFileSync(out, 'utf8') : '', stderr: run.stderr };
  }

  function embedded(text: string): { evaluations: unknown[]; previous: unknown[]; problems: unknown[] } {
    const match = /<script type="application\/json" id="ntm-data">([\s\S]*?)<\/script>/.exec(text);
    expect(match).not.toBeNull();
    // The repeated parts of the evaluations are written once (shared-json.ts); the page decodes them so.
    return unshareRepeated(JSON.parse(match?.[1] as string)) as ReturnType<typeof embedded>;
  }

  function noNetwork(text: string): void {
    expect(text).not.toMatch(/<(script|img|iframe|link)[^>]+(src|href)=["']?(https?:)?\/\//i);
    expect(text).not.toMatch(/<link\b/i);
    expect(text).not.toMatch(/@import|url\(\s*["']?https?:/i);
    expect(text).not.toMatch(/href=["']https?:/i);
  }

  it('writes one self-contained HTML file without the scorecard bundle: static tables (exit 1 for the bad row)', async () => {
    const { code, text, stderr } = await html({ NTM_SCORECARD_BUNDLE: 'none' });
    expect(code).toBe(1);
    expect(stderr).toMatch(/data-2023-12-31\.csv, dòng 4 \(xã 3\), cột "health_insurance_pct": "#N\/A"/);
    const data = embedded(text);
    expect(data.evaluations).toHaveLength(2);
    expect(data.previous).toHaveLength(2);
    expect(data.problems).toHaveLength(1);
    noNetwork(text);
    expect(text).not.toContain('<ntm-scorecard');
    expect(text).toContain('<table class="matrix">');
    expect(text).toContain('Chỉ tiêu chưa đạt và phần còn thiếu');
    expect(text).toContain('Tiến độ từ 15/11/2023 đến 31/12/2023');
    expect(text).toContain('Việc còn lại theo đơn vị phụ trách');
    expect(text).toContain('Trạm Y tế xã');
    expect(text).toContain('Chỉ tiêu chưa đánh giá được');
    expect(text).toContain('@media print');
    expect(text).toContain('size: A4');
    expect(text).toContain('Huyện Nam Trực, tỉnh Nam Định');
  });

  it('inlines the scorecard bundle in a module script when it exists', async () => {
    const bundle = join(REPO, 'packages', 'scorecard', 'dist', 'standalone', 'ntm-scorecard.js');
    const fake = writeText(
      dir,
      'fake-bundle.js',
      "customElements.define('ntm-scorecard', class extends HTMLElement {});\n// </script> inside\n",
    );
    const { code, text } = await html({ NTM_SCORECARD_BUNDLE: existsSync(bundle) ? bundle : fake });
    expect(code).toBe(1);
    expect(text).toMatch(/<script type="module" id="ntm-scorecard-bundle">/);
    // One matrix (the report's own table); each commune's section holds its interactive scorecard.
    expect(text).not.toContain('<ntm-district-board');
    const page = text.replace(/<script[\s\S]*?<\/script>/g, '');
    expect(page.match(/<ntm-scorecard /g)).toHaveLength(2);
    expect(text.match(/<\/script>/g)?.length).toBe(text.match(/<script\b/g)?.length);
    noNetwork(text);
    expect(embedded(text).evaluations).toHaveLength(2);
  });

  it('writes the review workbook: matrix, gaps (with owners), progress', async () => {
    const out = join(dir, 'review.xlsx');
    const run = await ntm([
      'review',
      current,
      '--level',
      'nang-cao',
      '--as-of',
      '2023-12-31',
      '--previous',
      previous,
      '--owners',
      owners,
      '--out',
      out,
    ]);
    expect(run.code).toBe(1);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(out);
    const names = workbook.worksheets.map((s) => s.name);
    expect(names).toEqual(
      expect.arrayContaining(['Tổng hợp', 'Chỉ tiêu chưa đạt', 'Tiến độ', 'Theo phụ trách', 'Dòng lỗi']),
    );
    const gaps = workbook.getWorksheet('Chỉ tiêu chưa đạt') as ExcelJS.Worksheet;
    const header = (gaps.getRow(1).values as unknown[]).slice(1);
    expect(header).toContain('Phụ trách');
    const ownerColumn = header.indexOf('Phụ trách') + 1;
    const owned = new Set<unknown>();
    gaps.eachRow((row, n) => {
      if (n > 1) owned.add(row.getCell(ownerColumn).value);
    });
    expect([...owned]).toEqual(expect.arrayContaining(['Phòng Giáo dục']));
    const progress = workbook.getWorksheet('Tiến độ') as ExcelJS.Worksheet;
    expect(progress.rowCount).toBe(3);
    expect(progress.getRow(2).getCell(2).value).toBe('Nam Mỹ');
  });
});

describe('template', () => {
  it('writes a data-entry workbook that ntm reads back (hidden key row, validation, notes, example row)', async () => {
    const out = join(dir, 'template.xlsx');
    const run = await ntm([
      'template',
      '--level',
      'kieu-mau',
      '--as-of',
      AS_OF,
      '--province',
      'nam-dinh',
      '--out',
      out,
      '--rows',
      '10',
    ]);
    expect(run.code).toBe(0);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(out);
    const sheet = workbook.worksheets[0] as ExcelJS.Worksheet;
    expect(sheet.getRow(1).getCell(1).value).toBe('Mã xã');
    expect(sheet.getRow(2).hidden).toBe(true);
    const keyRow = (sheet.getRow(2).values as unknown[]).slice(1) as string[];
    expect(keyRow.slice(0, 4)).toEqual(['id', 'name', 'province', 'district']);
    for (const key of [
      'health_insurance_pct',
      'smart_village_count',
      'outstanding_fields',
      'smart_hamlet_free_wifi_points',
    ]) {
      expect(keyRow).toContain(key);
    }
    const col = (key: string) => keyRow.indexOf(key) + 1;
    expect(sheet.getRow(1).getCell(col('health_insurance_pct')).value).toBe('Tỷ lệ tham gia BHYT (%)');
    const note = sheet.getRow(1).getCell(col('health_insurance_pct')).note;
    expect(JSON.stringify(note)).toMatch(/health_insurance_pct.*Mục tiêu: ≥ 95 %/);
    expect(sheet.getRow(3).getCell(1).value).toBe('#vi-du');
    expect(sheet.getRow(4).getCell(col('health_insurance_pct')).dataValidation).toMatchObject({
      type: 'decimal',
      operator: 'between',
      formulae: [0, 100],
    });
    expect(sheet.getRow(4).getCell(col('has_valid_ocop_product')).dataValidation).toMatchObject({
      type: 'list',
      formulae: ['"Có,Không"'],
    });
    expect(workbook.worksheets[1]?.name).toBe('Hướng dẫn');

    // Fill one commune the way an analyst would, and evaluate the file.
    const row = sheet.getRow(4);
    row.getCell(1).value = '13690';
    row.getCell(2).value = 'Nam Mỹ';
    for (const key of keys)
      if (col(key) > 0) row.getCell(col(key)).value = vietnameseCell(sample.values[key]);
    row.getCell(col('smart_village_count')).value = 2;
    row.getCell(col('outstanding_fields')).value = 'Giáo dục; Văn hóa';
    row.getCell(col('income_per_capita_mvnd')).value = '85,5';
    const filled = join(dir, 'filled.xlsx');
    await workbook.xlsx.writeFile(filled);
    const evaluated = await ntm([
      'evaluate',
      filled,
      '--level',
      'kieu-mau',
      '--as-of',
      AS_OF,
      '--format',
      'json',
    ]);
    expect(evaluated.stderr).toBe('');
    expect(evaluated.code).toBe(0);
    const out2 = JSON.parse(evaluated.stdout) as JsonOut;
    expect(out2.evaluations).toHaveLength(1);
    expect(out2.evaluations[0]?.row).toBe(4);
    expect(actualOf(out2.evaluations[0] as never, 'outstanding_fields')).toEqual(['giao-duc', 'van-hoa']);
    expect(actualOf(out2.evaluations[0] as never, 'income_per_capita_mvnd')).toBe(85.5);
  });
});

describe('rules and validate', () => {
  const overlay = join(REPO, 'examples', 'province-overlay', 'nam-dinh-xa-ntm-minh-hoa.json');

  it('lists, shows and compares editions', async () => {
    const [list, show, diff] = await Promise.all([
      ntm(['rules', 'list']),
      ntm(['rules', 'show', 'kieu-mau', '--as-of', AS_OF, '--province', 'nam-dinh']),
      ntm(['rules', 'diff', 'vn/xa-kieu-mau/2021-2025', 'provinces/nam-dinh/xa-kieu-mau-2022']),
    ]);
    expect(list.code).toBe(0);
    expect(list.stdout).toContain('vn/xa-nang-cao/2021-2025');
    expect(list.stdout).toContain('provinces/nam-dinh/xa-kieu-mau-2022');
    expect(show.code).toBe(0);
    expect(show.stdout).toContain('provinces/nam-dinh/xa-kieu-mau-2022');
    expect(show.stdout).toMatch(
      /KM\.2[\s\S]*income_per_capita_mvnd: ≥ 83 triệu đồng\/người\/năm \* \[tỉnh\]/,
    );
    // The marks of the review reports: * secondary, ** assumed, ? a requirement whose wording is not known.
    expect(show.stdout).toContain('(* = theo nguồn thứ cấp, chưa đối chiếu văn bản gốc; ** = giả định');
    expect(show.stdout).toMatch(/smart_village_count: ≥ 1 thôn \*\n/);
    expect(diff.code).toBe(0);
    expect(diff.stdout).toContain('KM.3-ND.1');
    expect(diff.stdout).toMatch(/KM\.2/);
  });

  it('validates ruleset files by their shape, reporting every problem', async () => {
    const broken = writeText(
      dir,
      'broken-overlay.json',
      JSON.stringify({
        id: 'provinces/nam-dinh/bad',
        family: 'provinces/nam-dinh/bad',
        level: 'ntm',
        edition: '2023',
        name: { vi: 'x', en: 'x' },
        jurisdiction: { province: 'nam-dinh' },
        extends: 'vn/xa-ntm/2021-2025',
        effective: { from: '2023-01-01' },
        basis: [],
        targets: [
          { indicator: '15.1', target: 'cao', citation: { document: 'x' }, verified: false, basis: 'x' },
        ],
      }),
    );
    const [bad, good] = await Promise.all([
      ntm(['validate', broken]),
      existsSync(overlay) ? ntm(['validate', overlay]) : null,
    ]);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/broken-overlay\.json tại basis/);
    expect(bad.stderr).toMatch(/broken-overlay\.json tại targets\[0\]/);
    if (good) {
      expect(good.stderr).toBe('');
      expect(good.code).toBe(0);
      expect(good.stdout).toMatch(
        /: hợp lệ \(bộ tiêu chí riêng của tỉnh provinces\/nam-dinh\/xa-ntm-minh-hoa, cấp ntm/,
      );
    }
  });

  it('validates data files: every problem of every row', async () => {
    const file = writeText(
      dir,
      'validate.csv',
      csvOf([
        { id: '1', name: 'A', cells: { health_insurance_pct: '101', school_count: '2,5' } },
        { id: '2', name: 'B' },
      ]),
    );
    const [problems, clean] = await Promise.all([
      ntm(['validate', file]),
      ntm(['validate', FIXTURE, '--level', 'nang-cao', '--as-of', AS_OF]),
    ]);
    expect(problems.code).toBe(1);
    expect(problems.stderr).toMatch(/dòng 2 .*"health_insurance_pct": "101" 101 % lớn hơn/);
    expect(problems.stderr).toMatch(/dòng 2 .*"school_count": "2,5" cần một số nguyên/);
    expect(problems.stderr).toMatch(/2 lỗi ở 1 dòng/);
    expect(clean.code).toBe(0);
    expect(clean.stdout).toMatch(/3 dòng, 87 cột chỉ tiêu; không có lỗi/);
  });
});

it('the Nam Trực example data fit the measures of every tier they are used for', async () => {
  const folder = join(REPO, 'examples', 'nam-truc-2023');
  const run = await ntm(
    [
      'validate',
      join(folder, 'data-2023-11-15.csv'),
      join(folder, 'data-2023-12-31.csv'),
      '--level',
      'kieu-mau',
      '--as-of',
      AS_OF,
    ],
    { cwd: folder },
  );
  expect(run.stderr).toBe('');
  expect(run.code).toBe(0);
  expect(run.stdout).toMatch(/data-2023-11-15\.csv: 8 dòng, 93 cột chỉ tiêu; không có lỗi/);
});

it('keeps the fixture honest: BOM, semicolons, Vietnamese labels', () => {
  const bytes = readFileSync(FIXTURE);
  expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const header = bytes.toString('utf8').split(/\r?\n/)[0] as string;
  expect(header).toContain(';Tỷ lệ tham gia BHYT (%);');
  writeFileSync(join(dir, 'touch'), '');
});
