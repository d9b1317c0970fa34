/**
 * Nothing hung: the REAL binary reads every hostile input within the documented limits (src/io/limits.ts,
 * docs/security.md) and says which limit was hit, in Vietnamese, with exit 2; or reads it correctly when the
 * file is big but harmless (a million formatted empty rows, a huge data validation range).
 */
import { execFileSync, spawn } from 'node:child_process';
import { mkdirSync, readFileSync, truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LIMITS } from '../../src/io/limits.js';
import { ntm } from '../helpers.js';
import {
  addParts,
  afterRows,
  COLUMNS,
  communesCsv,
  communesWorkbook,
  declareSize,
  editSheet,
  emptyRows,
  nested,
  scratchDir,
  write,
} from './build.js';

const OPTIONS = ['--level', 'ntm', '--as-of', '2023-11-15', '--province', 'nam-dinh'];
const MiB = 1024 * 1024;

interface JsonOut {
  counts: { rows: number; evaluated: number; rowsWithProblems: number };
  evaluations: Array<{ row: number; commune: { id: string } }>;
  problems: Array<{ row: number | null; column: string; reason: string }>;
}

/** Runs `evaluate` with JSON output; the parsed output when there is one. */
async function evaluate(dir: string, file: string, extra: string[] = []) {
  const out = join(dir, `${file}.out.json`);
  const run = await ntm(['evaluate', file, ...OPTIONS, '--format', 'json', '--out', out, ...extra], {
    cwd: dir,
  });
  let json: JsonOut | null = null;
  try {
    json = JSON.parse(readFileSync(out, 'utf8')) as JsonOut;
  } catch {
    json = null;
  }
  return { ...run, json };
}

/** Whatever the input: no stack trace, short lines, the "ntm:" prefix on a refusal. */
function tidy(run: { code: number; stderr: string }): void {
  expect(run.stderr).not.toMatch(/\n\s+at .+:\d+:\d+|unexpected error|lỗi không mong đợi/);
  for (const line of run.stderr.split('\n')) expect(line.length).toBeLessThanOrEqual(1000);
  if (run.code === 2) expect(run.stderr).toMatch(/^ntm: /);
}

describe.concurrent('files that are not files', () => {
  it('/dev/zero as the data file: refused from its first block, not read forever', async () => {
    const run = await ntm(['evaluate', '/dev/zero', ...OPTIONS]);
    expect(run.code).toBe(2);
    expect(run.stderr).toBe(
      'ntm: /dev/zero là tệp nhị phân, không phải văn bản: cần văn bản CSV (hoặc JSON), hoặc sổ Excel .xlsx\n',
    );
  });

  it('a folder as the data file, or as --previous', async () => {
    const dir = scratchDir();
    mkdirSync(join(dir, 'data'));
    write(dir, 'ok.csv', communesCsv(2));
    const [folder, previous] = await Promise.all([
      ntm(['validate', 'data'], { cwd: dir }),
      ntm(['review', 'ok.csv', ...OPTIONS, '--previous', 'data', '--out', 'r.html'], { cwd: dir }),
    ]);
    expect(folder.code).toBe(2);
    expect(folder.stderr).toBe('ntm: không đọc được data: đây là một thư mục, không phải tệp\n');
    expect(previous.code).toBe(2);
    expect(previous.stderr).toBe('ntm: không đọc được data: đây là một thư mục, không phải tệp\n');
  });

  it('a FIFO: read to its end when a writer sends the data; read as empty, not waited on, without a writer', async () => {
    const dir = scratchDir();
    const fifo = join(dir, 'pipe.csv');
    execFileSync('mkfifo', [fifo]);
    const lonely = await ntm(['validate', fifo]);
    expect(lonely.code).toBe(2);
    expect(lonely.stderr).toMatch(/pipe\.csv rỗng: cần một dòng tiêu đề/);
    // A writer waiting for a reader (as `cat data > pipe` does) sends everything, then closes: read to the end.
    write(dir, 'data.csv', communesCsv(4));
    const writer = spawn('/bin/sh', ['-c', 'cat data.csv > pipe.csv'], { cwd: dir });
    const run = await ntm(['validate', fifo]);
    writer.kill();
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toContain('pipe.csv: 4 dòng');
  });

  it('a file over the size limit: refused by its size, naming the limit (not "not UTF-8")', async () => {
    const dir = scratchDir();
    const big = join(dir, 'big.csv');
    writeFileSync(big, '');
    truncateSync(big, LIMITS.inputBytes + 10 * MiB); // sparse: nothing is written to the disk
    const [vi, en] = await Promise.all([
      ntm(['validate', big]),
      ntm(['evaluate', big, ...OPTIONS, '--lang', 'en']),
    ]);
    expect(vi.code).toBe(2);
    expect(vi.stderr).toBe(
      `ntm: ${big} nặng 266 MiB, vượt giới hạn 256 MiB cho một tệp đầu vào: hãy chia thành nhiều tệp nhỏ hơn (ví dụ theo huyện)\n`,
    );
    expect(en.code).toBe(2);
    expect(en.stderr).toContain('is 266 MiB, over the limit of 256 MiB for one input file');
  });
});

describe.concurrent('workbooks that unpack to too much', () => {
  const cases: Array<{ what: string; make: () => Promise<Uint8Array>; message: string }> = [
    {
      what: 'a sheet that declares 4 GiB (refused before anything is inflated)',
      make: async () => declareSize(await communesWorkbook(), 'xl/worksheets/sheet1.xml', 0xffff_fff0),
      message:
        'phần "xl/worksheets/sheet1.xml" khi giải nén nặng 4 GiB, vượt giới hạn 256 MiB cho một phần của sổ tính',
    },
    {
      what: 'a sheet that unpacks to more than it declares (the inflation stops at the declared size)',
      make: async () =>
        declareSize(
          editSheet(await communesWorkbook(), (xml) => afterRows(xml, `<!--${' '.repeat(8 * MiB)}-->`)),
          'xl/worksheets/sheet1.xml',
          1000,
        ),
      message: 'phần "xl/worksheets/sheet1.xml" giải nén ra nhiều hơn kích thước 1.000 byte ghi trong tệp',
    },
    {
      what: 'a part compressed 1000:1 (a zip bomb)',
      make: async () =>
        addParts(await communesWorkbook(), { 'xl/media/padding.bin': new Uint8Array(4 * MiB) }),
      message: 'phần "xl/media/padding.bin" nén với tỷ lệ',
    },
    {
      what: 'parts whose sizes add up to more than the total limit',
      make: async () => {
        let workbook = addParts(await communesWorkbook(), {
          'xl/media/a.bin': new Uint8Array(1000).fill(7),
          'xl/media/b.bin': new Uint8Array(1000).fill(7),
          'xl/media/c.bin': new Uint8Array(1000).fill(7),
        });
        for (const name of ['a', 'b', 'c'])
          workbook = declareSize(workbook, `xl/media/${name}.bin`, 200 * MiB);
        return workbook;
      },
      message: 'khi giải nén nặng 600 MiB, vượt giới hạn 512 MiB cho cả sổ tính',
    },
    {
      what: 'more parts than a workbook has',
      make: async () => {
        const parts: Record<string, Uint8Array> = {};
        for (let i = 0; i <= LIMITS.zipEntries; i++) parts[`xl/media/p${i}.bin`] = new Uint8Array([i % 256]);
        return addParts(await communesWorkbook(), parts);
      },
      message: 'thành phần nén, vượt giới hạn 10.000: không phải một sổ tính thông thường',
    },
    {
      what: 'a merged range over the whole sheet (the library would create 17 billion cells)',
      make: async () =>
        editSheet(await communesWorkbook(), (xml) =>
          afterRows(xml, '<mergeCells count="1"><mergeCell ref="A5:XFD1048576"/></mergeCells>'),
        ),
      message: 'có hơn 2.000.000 ô có nội dung (tính cả các ô bị gộp)',
    },
    {
      what: 'more cells with content than the limit',
      make: async () =>
        editSheet(await communesWorkbook(), (xml) => {
          const rows: string[] = [];
          for (let r = 4; r < 4 + 500_001; r++) {
            rows.push(
              `<row r="${r}"><c r="A${r}"><v>1</v></c><c r="B${r}"><v>2</v></c><c r="C${r}"><v>3</v></c><c r="D${r}"><v>4</v></c></row>`,
            );
          }
          return xml.replace('</sheetData>', `${rows.join('')}</sheetData>`);
        }),
      message: 'có hơn 2.000.000 ô có nội dung',
    },
    {
      what: 'an old .xls or a password-protected workbook (an OLE file)',
      make: async () => Buffer.concat([Buffer.from('d0cf11e0a1b11ae1', 'hex'), Buffer.alloc(4096)]),
      message: 'là tệp Excel kiểu cũ (.xls) hoặc sổ được đặt mật khẩu',
    },
  ];
  for (const c of cases) {
    it(`${c.what}: refused, exit 2`, async () => {
      const dir = scratchDir();
      write(dir, 'hostile.xlsx', await c.make());
      const run = await evaluate(dir, 'hostile.xlsx');
      tidy(run);
      expect(run.code, run.stderr).toBe(2);
      expect(run.stderr).toContain(c.message);
      expect(run.stderr.split('\n').filter(Boolean)).toHaveLength(1);
      expect(run.json).toBeNull();
    });
  }

  it('a sheet of 1 048 576 formatted empty rows: read at once, the empty rows skipped', async () => {
    const dir = scratchDir();
    const workbook = editSheet(await communesWorkbook(3), (xml) => emptyRows(xml, 5, 1_048_572));
    write(dir, 'empty-rows.xlsx', workbook);
    const run = await evaluate(dir, 'empty-rows.xlsx');
    tidy(run);
    expect(run.code, run.stderr).toBe(0);
    expect(run.json?.counts).toEqual({ rows: 3, evaluated: 3, rowsWithProblems: 0 });
  });

  it('a data validation over the whole sheet (expanded cell by cell by the library): ignored, the data read', async () => {
    const dir = scratchDir();
    const validation =
      '<dataValidations count="1"><dataValidation type="whole" allowBlank="1" sqref="A2:XFD1048576"><formula1>0</formula1></dataValidation></dataValidations>';
    write(
      dir,
      'validation.xlsx',
      editSheet(await communesWorkbook(2), (xml) => afterRows(xml, validation)),
    );
    const run = await evaluate(dir, 'validation.xlsx');
    tidy(run);
    expect(run.code, run.stderr).toBe(0);
    expect(run.json?.counts.evaluated).toBe(2);
  });
});

describe.concurrent('data within bounds', () => {
  it('JSON: one commune nested 5,000 deep is a row error naming the item; the others are evaluated', async () => {
    const dir = scratchDir();
    const good = (id: string) => ({ id, name: `Xã ${id}`, values: { health_insurance_pct: 90 } });
    const text = `[${JSON.stringify(good('a'))},{"id":"deep","name":"Sâu","values":{"health_insurance_pct":${nested(5000)}}},${JSON.stringify(good('b'))},${nested(100_000)},${JSON.stringify(good('c'))}]`;
    write(dir, 'deep.json', text);
    const run = await evaluate(dir, 'deep.json');
    tidy(run);
    expect(run.code, run.stderr).toBe(1);
    expect(run.json?.evaluations.map((e) => e.commune.id)).toEqual(['a', 'b', 'c']);
    expect(run.json?.counts).toEqual({ rows: 5, evaluated: 3, rowsWithProblems: 2 });
    expect(run.stderr).toMatch(
      /deep\.json, mục 2 \(xã deep\): mục lồng sâu quá 32 cấp \(tại values\.health_insurance_pct\[0\]\[0\]/,
    );
    expect(run.stderr).toMatch(/deep\.json, mục 4: cần một đối tượng xã/);
  });

  it('JSON: ids are trimmed and in NFC like in spreadsheets; " xã-1 " repeats "xã-1" (both items named)', async () => {
    const dir = scratchDir();
    const commune = (id: string) => ({ id, name: 'A', values: {} });
    write(
      dir,
      'ids.json',
      JSON.stringify([commune('xã-1'), commune(' xã-1 '), commune('xã-1'.normalize('NFD')), commune('x2 ')]),
    );
    const run = await evaluate(dir, 'ids.json');
    expect(run.code).toBe(1);
    expect(run.json?.evaluations.map((e) => e.commune.id)).toEqual(['xã-1', 'x2']);
    expect(run.stderr).toMatch(/ids\.json, mục 2 \(xã xã-1\), cột "id": "xã-1" mã xã xã-1 trùng với mục 1/);
    expect(run.stderr).toMatch(/ids\.json, mục 3 \(xã xã-1\), cột "id": "xã-1" mã xã xã-1 trùng với mục 1/);
  });

  it('16,384 columns, with and without --ignore-unknown-columns: answered at once (linear header matching)', async () => {
    const dir = scratchDir();
    const headers = ['id', 'name', ...Array.from({ length: LIMITS.columns - 2 }, (_, i) => `cot ${i}`)];
    write(dir, 'wide.csv', `${headers.join(',')}\nc1,A${','.repeat(LIMITS.columns - 2)}\n`);
    const [refused, ignored] = await Promise.all([
      evaluate(dir, 'wide.csv'),
      evaluate(dir, 'wide.csv', ['--ignore-unknown-columns']),
    ]);
    tidy(refused);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('"cot 0": cột không nhận ra');
    expect(refused.stderr).toContain(
      `và ${(LIMITS.columns - 2 - 50).toLocaleString('vi-VN')} cột khác cũng không nhận ra`,
    );
    tidy(ignored);
    expect(ignored.code, ignored.stderr).toBe(0);
    expect(ignored.stderr).toMatch(/đã bỏ qua các cột: "cot 0", .* và 16\.362 cột khác\n/);
  });

  it('more columns than Excel has: refused before the rows are split', async () => {
    const dir = scratchDir();
    write(dir, 'wider.csv', `id,name${',x'.repeat(LIMITS.columns)}\n`);
    const run = await evaluate(dir, 'wider.csv');
    expect(run.code).toBe(2);
    expect(run.stderr).toBe(
      'ntm: wider.csv, dòng 1: có hơn 16.384 cột, vượt giới hạn 16.384 cột (cũng là giới hạn của Excel)\n',
    );
  });

  it('a 1 MB header cell, with and without --ignore-unknown-columns: no comparison with every name', async () => {
    const dir = scratchDir();
    write(dir, 'long-header.csv', `id,name,${'Tỷ lệ '.repeat(180_000).trim()}\nc1,A,90\n`);
    const [refused, ignored] = await Promise.all([
      evaluate(dir, 'long-header.csv'),
      evaluate(dir, 'long-header.csv', ['--ignore-unknown-columns']),
    ]);
    tidy(refused);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(
      /"Tỷ lệ Tỷ lệ .*…": tiêu đề dài 1\.079\.999 ký tự, quá giới hạn 1\.000 ký tự/,
    );
    tidy(ignored);
    expect(ignored.code).toBe(0);
    expect(ignored.json?.counts.evaluated).toBe(1);
  });

  it('more data rows than the limit: refused, saying so, before anything is evaluated', async () => {
    const dir = scratchDir();
    write(dir, 'many.csv', communesCsv(LIMITS.dataRows + 1));
    const run = await evaluate(dir, 'many.csv');
    expect(run.code).toBe(2);
    expect(run.stderr).toBe(
      'ntm: many.csv có hơn 200.000 dòng dữ liệu, vượt giới hạn cho một tệp: hãy chia thành nhiều tệp nhỏ hơn (ví dụ theo tỉnh)\n',
    );
  });

  it('line endings mixed in one file (CRLF, LF, a lone CR): every line is a row', async () => {
    const dir = scratchDir();
    const lines = communesCsv(8).split('\n').filter(Boolean);
    const endings = ['\r\n', '\r\n', '\n', '\r', '\n', '\r\n', '\r', '\n', '\n'];
    write(dir, 'mixed.csv', lines.map((line, i) => `${line}${endings[i]}`).join(''));
    const run = await evaluate(dir, 'mixed.csv');
    expect(run.code, run.stderr).toBe(0);
    expect(run.json?.evaluations.map((e) => [e.commune.id, e.row])).toEqual(
      Array.from({ length: 8 }, (_, i) => [`c${i + 2}`, i + 2]),
    );
    expect(COLUMNS).toContain('health_insurance_pct');
  });
});
