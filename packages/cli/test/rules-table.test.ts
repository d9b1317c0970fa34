/**
 * `ntm rules export / import / pending` through the real binary: the round trip, an edited target that
 * changes a verdict, problems by sheet, row and column, unusable files, overlays that loosen, the pending
 * workbook (corrected rulesets and province overlays), and the province-2026-table example.
 */
import { execFile } from 'node:child_process';
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { BUNDLED_RULESETS } from '@nongthonmoi/core';
import ExcelJS from 'exceljs';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { ntm, REPO, sampleCommune, tempDir } from './helpers.js';
import { fullEdition, fullOverlay } from './rulesets.js';

// Several runs of the binary per test: on a shared, busy machine a test may take minutes (no time is asserted).
vi.setConfig({ testTimeout: 300_000 });

const dir = tempDir();
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const path = (name: string) => join(dir, name);
const json = (name: string) => JSON.parse(readFileSync(path(name), 'utf8'));
const write = (name: string, data: unknown) => {
  writeFileSync(path(name), JSON.stringify(data, null, 2));
  return path(name);
};
const edition = write('full-edition.json', fullEdition());
const overlay = write('full-overlay.json', fullOverlay());

type Cells = Record<string, string | number | null>;

/** Opens a workbook as an official would, changes it, and saves it under another name. */
async function editWorkbook(
  from: string,
  to: string,
  change: (sheets: {
    rows: (sheet: string) => Array<{ get: (column: string) => unknown; set: (cells: Cells) => void }>;
    add: (sheet: string, cells: Cells) => void;
    field: (key: string, value: string) => void;
  }) => void,
): Promise<void> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(path(from));
  const headerRow = (sheet: ExcelJS.Worksheet) => (sheet.name === 'Mức chỉ tiêu' ? 2 : 1);
  const headers = (sheet: ExcelJS.Worksheet) => {
    const map = new Map<string, number>();
    sheet.getRow(headerRow(sheet)).eachCell((cell, column) => map.set(String(cell.value), column));
    return map;
  };
  const setCells = (sheet: ExcelJS.Worksheet, row: ExcelJS.Row, cells: Cells) => {
    const map = headers(sheet);
    for (const [name, value] of Object.entries(cells)) row.getCell(map.get(name) as number).value = value;
  };
  change({
    rows: (name) => {
      const sheet = workbook.getWorksheet(name) as ExcelJS.Worksheet;
      const map = headers(sheet);
      const rows: Array<{ get: (column: string) => unknown; set: (cells: Cells) => void }> = [];
      sheet.eachRow((row, number) => {
        if (number <= headerRow(sheet)) return;
        rows.push({
          get: (column) => row.getCell(map.get(column) as number).value,
          set: (cells) => setCells(sheet, row, cells),
        });
      });
      return rows;
    },
    add: (name, cells) => {
      const sheet = workbook.getWorksheet(name) as ExcelJS.Worksheet;
      setCells(sheet, sheet.getRow(sheet.rowCount + 1), cells);
    },
    field: (key, value) => {
      (workbook.getWorksheet('Thông tin chung') as ExcelJS.Worksheet).eachRow((row) => {
        if (row.getCell(3).value === key) row.getCell(2).value = value;
      });
    },
  });
  await workbook.xlsx.writeFile(path(to));
}

it('export, import and pending have --help with examples', async () => {
  const runs = await Promise.all(
    ['export', 'import', 'pending'].map((command) => ntm(['rules', command, '--help'])),
  );
  for (const run of runs) {
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('Ví dụ:');
    expect(run.stdout).toMatch(/ntm rules (export|import|pending) /);
  }
});

describe('ntm rules export, then ntm rules import', () => {
  it('gives back the same rule file, from the workbook and from its CSV', async () => {
    const exported = await ntm([
      'rules',
      'export',
      'test/bang-day-du/2030',
      '--ruleset',
      edition,
      '--out',
      path('full.xlsx'),
    ]);
    expect(exported.stderr).toMatch(
      /đã ghi .*full\.xlsx: bảng tiêu chí test\/bang-day-du\/2030, 16 dòng mức, 11 trang/,
    );
    expect(exported.code).toBe(0);
    const imported = await ntm([
      'rules',
      'import',
      path('full.xlsx'),
      '--ruleset',
      edition,
      '--out',
      path('full.json'),
    ]);
    expect(imported.stderr).toMatch(
      /đã ghi .*full\.json: Bộ tiêu chí quốc gia test\/bang-day-du\/2030, đã kiểm tra hợp lệ/,
    );
    expect(imported.code).toBe(0);
    expect(json('full.json')).toEqual(fullEdition());

    const bundled = BUNDLED_RULESETS.find(
      (entry) => (entry as { ruleset: { id: string } }).ruleset.id === 'vn/xa-kieu-mau/2021-2025',
    ) as { ruleset: unknown };
    const csv = await ntm([
      'rules',
      'export',
      'vn/xa-kieu-mau/2021-2025',
      '--format',
      'csv',
      '--out',
      path('km.csv'),
    ]);
    expect(csv.stderr).toMatch(/tệp CSV chỉ có bảng mức/);
    expect(readFileSync(path('km.csv'), 'utf8').split('\n')[0]).toMatch(
      /^\ufeffBộ tiêu chí,Tiêu chí,Chỉ tiêu,Nội dung,/,
    );
    const back = await ntm(['rules', 'import', path('km.csv'), '--out', path('km.json')]);
    expect(back.code).toBe(0);
    expect(json('km.json')).toEqual(bundled.ruleset);
  });

  it('an edited target changes a verdict through ntm evaluate --ruleset, which says it replaces the bundled ruleset', async () => {
    const communes = path('communes.json');
    writeFileSync(communes, JSON.stringify([sampleCommune()]));
    const evaluate = (extra: string[]) =>
      ntm([
        'evaluate',
        communes,
        '--level',
        'ntm',
        '--as-of',
        '2023-06-01',
        '--format',
        'json',
        '--explain',
        'full',
        ...extra,
      ]);
    const before = await evaluate([]);
    expect(before.code).toBe(0);
    type Result = { id: string; status: string; actual: unknown; comparator: string | null };
    const indicators = (run: { stdout: string }): Result[] =>
      JSON.parse(run.stdout).evaluations[0].criteria.flatMap(
        (criterion: { indicators: Result[] }) => criterion.indicators,
      );
    await ntm(['rules', 'export', 'vn/xa-ntm/2021-2025', '--out', path('ntm.xlsx')]);
    // An indicator the commune gave data for, whose official target is not known yet (one row in the table).
    let chosen: Result | undefined;
    let rowsOf = 0;
    await editWorkbook('ntm.xlsx', 'ntm-filled.xlsx', ({ rows }) => {
      const targetRows = rows('Mức chỉ tiêu');
      chosen = indicators(before).find((indicator) => {
        const mine = targetRows.filter((row) => row.get('Chỉ tiêu') === indicator.id);
        return (
          indicator.status === 'not-evaluable' &&
          indicator.comparator === '>=' &&
          typeof indicator.actual === 'number' &&
          mine.length === 1 &&
          mine[0]?.get('Mức') === null
        );
      });
      const mine = targetRows.filter((row) => row.get('Chỉ tiêu') === chosen?.id);
      rowsOf = mine.length;
      mine[0]?.set({
        Mức: Math.max(0, (chosen?.actual as number) - 1),
        'Mức độ tin cậy': 'chính thức',
        'Nguồn (đường dẫn)': 'https://example.gov.vn/bang-chinh-thuc',
        'Trích dẫn': 'mức đọc trong bảng chính thức (thử nghiệm)',
      });
    });
    expect(chosen, 'an indicator of the sample commune without a known target').toBeDefined();
    expect(rowsOf).toBe(1);
    const imported = await ntm([
      'rules',
      'import',
      path('ntm-filled.xlsx'),
      '--out',
      path('ntm-corrected.json'),
    ]);
    expect(imported.code).toBe(0);
    const after = await evaluate(['--ruleset', path('ntm-corrected.json')]);
    expect(after.code).toBe(0);
    expect(after.stderr).toContain(
      'ntm: bộ tiêu chí vn/xa-ntm/2021-2025 được thay bằng tệp --ruleset cùng mã trong lần chạy này',
    );
    expect(indicators(after).find((indicator) => indicator.id === chosen?.id)?.status).toBe('met');
    const english = await ntm([
      'rules',
      'show',
      'ntm',
      '--as-of',
      '2023-06-01',
      '--ruleset',
      path('ntm-corrected.json'),
      '--lang',
      'en',
    ]);
    expect(english.stderr).toContain(
      'ntm: ruleset vn/xa-ntm/2021-2025 is replaced by the --ruleset file of the same id for this run',
    );
  });
});

describe('ntm rules import reports problems and never writes a file it refused', () => {
  it('names the sheet, row and column of each problem, in Vietnamese or English (exit 1)', async () => {
    await ntm([
      'rules',
      'export',
      'test/bang-day-du/2030',
      '--ruleset',
      edition,
      '--out',
      path('bad-base.xlsx'),
    ]);
    await editWorkbook('bad-base.xlsx', 'bad.xlsx', ({ rows, field }) => {
      const roads = rows('Mức chỉ tiêu').filter((row) => row.get('Chỉ tiêu') === '1.1');
      roads[1]?.set({ Mức: 'khoảng 90', Năm: '2032-2031' });
      rows('Mức chỉ tiêu')
        .find((row) => row.get('Chỉ tiêu') === '2.3')
        ?.set({ 'Mức độ tin cậy': 'chắc chắn' });
      rows('Số liệu')[0]?.set({ Kiểu: 'số lớn' });
      field('effective.from', '31/02/2030');
    });
    writeFileSync(path('kept.json'), '{"kept": true}');
    const run = await ntm([
      'rules',
      'import',
      path('bad.xlsx'),
      '--ruleset',
      edition,
      '--out',
      path('kept.json'),
      '--errors',
      path('loi.csv'),
    ]);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(
      /bad\.xlsx, trang "Mức chỉ tiêu", dòng 5, cột "Mức": "khoảng 90" chỉ tiêu này so sánh số/,
    );
    expect(run.stderr).toMatch(
      /bad\.xlsx, trang "Mức chỉ tiêu", dòng 5, cột "Năm": "2032-2031" năm cuối đứng trước năm đầu/,
    );
    expect(run.stderr).toMatch(
      /trang "Mức chỉ tiêu", dòng \d+, cột "Mức độ tin cậy": "chắc chắn" không phải mức độ tin cậy/,
    );
    expect(run.stderr).toMatch(/trang "Số liệu", dòng 2, cột "Kiểu": "số lớn" không có trong danh sách/);
    expect(run.stderr).toMatch(
      /trang "Thông tin chung", dòng \d+, cột "Giá trị": "31\/02\/2030" không phải ngày/,
    );
    expect(run.stderr).toMatch(/ntm: .*bad\.xlsx: 5 lỗi; chưa ghi tệp nào/);
    expect(readFileSync(path('kept.json'), 'utf8')).toBe('{"kept": true}');
    const errors = readFileSync(path('loi.csv'), 'utf8');
    expect(errors).toMatch(/^\ufefffile,row,column,value,reason,commune_id/);
    expect(errors.trim().split(/\r?\n/)).toHaveLength(6);
    const english = await ntm([
      'rules',
      'import',
      path('bad.xlsx'),
      '--ruleset',
      edition,
      '--out',
      path('kept.json'),
      '--lang',
      'en',
    ]);
    expect(english.stderr).toMatch(
      /bad\.xlsx, sheet "Mức chỉ tiêu", row 5, column "Mức": "khoảng 90" this indicator compares numbers/,
    );
    expect(english.stderr).toMatch(/5 problems; nothing was written/);
  });

  it('refuses a province target looser than the national one, naming its row', async () => {
    await ntm([
      'rules',
      'export',
      'provinces/ninh-binh/thu-nghiem-2031',
      '--ruleset',
      edition,
      '--ruleset',
      overlay,
      '--out',
      path('tinh.xlsx'),
    ]);
    let row = 0;
    await editWorkbook('tinh.xlsx', 'tinh-loose.xlsx', ({ rows }) => {
      const all = rows('Mức chỉ tiêu');
      const group2 = all.find(
        (item) => item.get('Chỉ tiêu') === '1.1' && item.get('Vùng / nhóm xã') === 'Xã nhóm 2',
      );
      group2?.set({ Mức: 70 });
      row = all.indexOf(group2 as (typeof all)[number]) + 3;
    });
    const run = await ntm([
      'rules',
      'import',
      path('tinh-loose.xlsx'),
      '--ruleset',
      edition,
      '--out',
      path('tinh.json'),
    ]);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(
      `tinh-loose.xlsx, trang "Mức chỉ tiêu", dòng ${row}, cột "Mức": "70" chỉ tiêu 1.1 (xã nhóm 2, năm 2030): mức của tỉnh > 70 thấp hơn mức quốc gia ≥ 80 của test/bang-day-du/2030`,
    );
    expect(existsSync(path('tinh.json'))).toBe(false);
  });

  it('an unusable file is exit 2: not a table of ntm, an unknown column, a missing file', async () => {
    await ntm(['template', '--level', 'ntm', '--as-of', '2023-06-01', '--out', path('mau.xlsx')]);
    const template = await ntm(['rules', 'import', path('mau.xlsx'), '--out', path('x.json')]);
    expect(template.code).toBe(2);
    expect(template.stderr).toMatch(/không có trang "Mức chỉ tiêu"/);
    writeFileSync(
      path('lạ.csv'),
      '\ufeffBộ tiêu chí,Tiêu chí,Chỉ tiêu,Mức,Ngun (đường dẫn)\nvn/xa-ntm/2021-2025,1,1.1,Đạt,\n',
    );
    const column = await ntm(['rules', 'import', path('lạ.csv'), '--out', path('x.json')]);
    expect(column.code).toBe(2);
    expect(column.stderr).toMatch(
      /cột "Ngun \(đường dẫn\)" không thuộc bảng tiêu chí \(có phải "Nguồn \(đường dẫn\)"\?\)/,
    );
    const missing = await ntm(['rules', 'import', path('khong-co.xlsx'), '--out', path('x.json')]);
    expect(missing.code).toBe(2);
    const same = await ntm([
      'rules',
      'export',
      'vn/xa-ntm/2021-2025',
      '--ruleset',
      edition,
      '--out',
      edition,
    ]);
    expect(same.code).toBe(2);
    expect(JSON.parse(readFileSync(edition, 'utf8'))).toEqual(fullEdition());
  });
});

describe('ntm rules pending', () => {
  it('lists every target that is not official; filled in, it makes corrected rulesets or a province overlay', async () => {
    const pending = await ntm(['rules', 'pending', '--ruleset', edition, '--out', path('pending.xlsx')]);
    expect(pending.code).toBe(0);
    expect(pending.stderr).toMatch(/đã ghi .*pending\.xlsx: \d+ mức chưa chính thức của \d+ bộ tiêu chí/);
    const unchanged = await ntm([
      'rules',
      'import',
      path('pending.xlsx'),
      '--ruleset',
      edition,
      '--out-dir',
      path('none'),
    ]);
    expect(unchanged.stderr).toMatch(/không có mức nào thay đổi/);
    expect(unchanged.code).toBe(0);
    expect(existsSync(path('none'))).toBe(false);

    const fill =
      (mode: 'correction' | 'overlay') => (sheets: Parameters<Parameters<typeof editWorkbook>[2]>[0]) => {
        const mine = sheets
          .rows('Mức chỉ tiêu')
          .filter((row) => row.get('Bộ tiêu chí') === 'test/bang-day-du/2030');
        expect(mine.some((row) => row.get('Chỉ tiêu') === '2.3')).toBe(false);
        mine
          .find((row) => row.get('Chỉ tiêu') === '2.5')
          ?.set({
            Mức: 4,
            'Mức độ tin cậy': 'chính thức',
            'Nguồn (đường dẫn)': 'https://example.gov.vn/2-5',
          });
        sheets.add('Mức chỉ tiêu', {
          'Bộ tiêu chí': 'test/bang-day-du/2030',
          'Tiêu chí': '1',
          'Chỉ tiêu': '1.5',
          'Nội dung': 'Có quy hoạch chi tiết',
          'So sánh': '=',
          Mức: 'Đạt',
          'Mức độ tin cậy': 'chính thức',
          'Căn cứ: văn bản': '1/2030/QĐ-TTg',
          'Nguồn (đường dẫn)': 'https://example.gov.vn/1-5',
        });
        if (mode === 'overlay') {
          sheets.field('pending.mode', 'Bộ tiêu chí của tỉnh (chỉ nâng mức)');
          sheets.field('pending.province', 'ninh-binh');
          sheets.field('pending.document', '7/2031/QĐ-UBND');
          sheets.field('pending.title', 'Mức chỉ tiêu của tỉnh (thử nghiệm)');
          sheets.field('pending.issuer', 'Ủy ban nhân dân tỉnh Ninh Bình');
          sheets.field('pending.date', '02/01/2031');
        }
      };
    await editWorkbook('pending.xlsx', 'pending-filled.xlsx', fill('correction'));
    const corrected = await ntm([
      'rules',
      'import',
      path('pending-filled.xlsx'),
      '--ruleset',
      edition,
      '--out-dir',
      path('sua'),
    ]);
    expect(corrected.code).toBe(0);
    expect(corrected.stderr).toMatch(/các chỉ tiêu mới của tiêu chí 1 thay chỉ tiêu giữ chỗ 1\.2/);
    const file = JSON.parse(readFileSync(path('sua/test/bang-day-du/2030.json'), 'utf8'));
    const ids = file.criteria[0].indicators.map((indicator: { id: string }) => indicator.id);
    expect(ids).toEqual(['1.1', '1.3', '1.4', '1.5']);
    expect(file.criteria[1].indicators[4]).toMatchObject({
      id: '2.5',
      test: { target: 4 },
      confidence: 'official',
    });

    await editWorkbook('pending.xlsx', 'pending-province.xlsx', fill('overlay'));
    const province = await ntm([
      'rules',
      'import',
      path('pending-province.xlsx'),
      '--ruleset',
      edition,
      '--out-dir',
      path('tinh'),
    ]);
    expect(province.code).toBe(0);
    const made = JSON.parse(
      readFileSync(path('tinh/provinces/ninh-binh/test-bang-day-du-2030.json'), 'utf8'),
    );
    expect(made).toMatchObject({
      jurisdiction: { province: 'ninh-binh' },
      extends: 'test/bang-day-du/2030',
      basis: [{ number: '7/2031/QĐ-UBND', date: '2031-01-02' }],
      defaults: { citation: { document: '7/2031/QĐ-UBND' } },
      targets: [
        { indicator: '2.5', target: 4, confidence: 'official', source: 'https://example.gov.vn/2-5' },
      ],
      indicators: [{ id: '1.5', criterion: '1', test: { op: '==', target: true } }],
    });
  });
});

it('the province-2026-table example runs: one table by commune group, three communes, three targets', async () => {
  const folder = join(REPO, 'examples', 'province-2026-table');
  const require = createRequire(import.meta.url);
  const run = await new Promise<{ code: number; stdout: string; stderr: string }>((resolve) => {
    execFile(
      process.execPath,
      ['--import', require.resolve('tsx'), '--conditions=@nongthonmoi/source', join(folder, 'chay-vi-du.ts')],
      { cwd: folder, env: { ...process.env, NO_COLOR: '1' }, encoding: 'utf8' },
      (error, stdout, stderr) => resolve({ code: error ? Number(error.code ?? 99) : 0, stdout, stderr }),
    );
  });
  expect(run.stderr).toBe('');
  expect(run.code).toBe(0);
  expect(run.stdout).toContain('GIÁ TRỊ MINH HỌA, KHÔNG PHẢI MỨC CHÍNH THỨC');
  expect(run.stdout).toMatch(
    /\$ ntm rules import bang-tieu-chi-2026-minh-hoa\.xlsx --out ket-qua\/bo-tieu-chi-2026-minh-hoa\.json/,
  );
  expect(run.stdout).toMatch(/Xã nhóm 1 +mức ≥ 90 triệu đồng +→ Chưa đạt/);
  expect(run.stdout).toMatch(/Xã nhóm 2 +mức ≥ 75 triệu đồng +→ Đạt/);
  expect(run.stdout).toMatch(/Xã nhóm 3 +mức ≥ 60 triệu đồng +→ Đạt/);
});
