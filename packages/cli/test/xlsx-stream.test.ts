/**
 * The streaming Excel reader (src/io/read-xlsx-stream.ts) reads what the whole-workbook reader ntm had before
 * (exceljs, kept as the oracle in test/oracle/) read: on every workbook of the corpus, the hostile workbooks
 * that are read, and generated workbooks (numbers, text, shared and inline strings, rich text, formulas with
 * and without results, errors, dates, number formats, merged ranges, blank and comment rows, a template key
 * row), the same communes, problems, rows and columns, or the same refusal.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import fc from 'fast-check';
import { unzipSync, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { type Column, dictionaryFor } from '../src/io/columns.js';
import { readXlsx } from '../src/io/read-xlsx.js';
import { InputError, type ReadResult } from '../src/io/types.js';
import { buildWorkbook, type CellSpec, CORPUS, type WorkbookSpec } from './corpus-build.js';
import { afterRows, communesWorkbook, editSheet, emptyRows } from './hostile/build.js';
import { readXlsx as readWithExcelJS } from './oracle/xlsx-exceljs.js';

const dictionary = dictionaryFor();

type Outcome =
  | { read: Omit<ReadResult, 'columns'> & { columns: Column[] } }
  | { error: string; problems: unknown };

/** Columns without the unnamed ones after the last named column (the old reader padded to the sheet's width). */
function trimmed(columns: readonly Column[]): Column[] {
  let end = columns.length;
  while (end > 0 && columns[end - 1]?.unnamed) end--;
  return columns.slice(0, end).map((column) => ({ ...column }));
}

async function outcome(
  read: typeof readXlsx,
  bytes: Uint8Array,
  options: Parameters<typeof readXlsx>[3] = {},
): Promise<Outcome> {
  try {
    const result = await read(bytes, 'book.xlsx', dictionary, options);
    return { read: { ...result, columns: trimmed(result.columns) } };
  } catch (error) {
    if (!(error instanceof InputError)) throw error;
    return { error: error.message, problems: error.problems };
  }
}

async function expectSameReading(bytes: Uint8Array, options: Parameters<typeof readXlsx>[3] = {}) {
  const [streamed, loaded] = await Promise.all([
    outcome(readXlsx, bytes, options),
    outcome(readWithExcelJS, bytes, options),
  ]);
  expect(streamed).toEqual(loaded);
  return streamed;
}

const corpusWorkbooks = readdirSync(CORPUS).filter((name) => name.endsWith('.xlsx.json'));

describe('streaming Excel reader = the exceljs reader', () => {
  it('finds the corpus workbooks', () => {
    expect(corpusWorkbooks.length).toBeGreaterThanOrEqual(5);
  });

  for (const name of corpusWorkbooks) {
    it(`corpus: ${name}`, async () => {
      const spec = JSON.parse(readFileSync(join(CORPUS, name), 'utf8')) as WorkbookSpec;
      const bytes = await buildWorkbook(spec);
      await expectSameReading(bytes);
      await expectSameReading(bytes, { lang: 'en', ignoreUnknownColumns: true });
      for (const sheet of spec.sheets) await expectSameReading(bytes, { sheet: sheet.name });
      await expectSameReading(bytes, { sheet: 'Không có' });
    });
  }

  it('hostile workbooks that are read: formatted empty rows, a data validation over the sheet', async () => {
    const many = editSheet(await communesWorkbook(3), (xml) => emptyRows(xml, 5, 20_000));
    const validation = editSheet(await communesWorkbook(2), (xml) =>
      afterRows(
        xml,
        '<dataValidations count="1"><dataValidation type="whole" sqref="A2:XFD1048576"><formula1>0</formula1></dataValidation></dataValidations>',
      ),
    );
    for (const bytes of [many, validation]) {
      const read = await expectSameReading(bytes);
      expect('read' in read && read.read.communes.length).toBeGreaterThan(0);
    }
  });

  it('a truncated or corrupt workbook is refused the same way', async () => {
    const good = await communesWorkbook(30);
    await expectSameReading(good.subarray(0, Math.floor(good.length * 0.6)));
    const parts = unzipSync(good);
    parts['xl/worksheets/sheet1.xml'] = new TextEncoder().encode(
      '<worksheet><sheetData><row r="1"><c r="A1"',
    );
    await expectSameReading(zipSync(parts));
  });

  it('a workbook written by exceljs as a stream (inline strings, as the benchmark writes)', async () => {
    const chunks: Buffer[] = [];
    const { PassThrough } = await import('node:stream');
    const stream = new PassThrough();
    stream.on('data', (chunk: Buffer) => chunks.push(chunk));
    const writer = new ExcelJS.stream.xlsx.WorkbookWriter({ stream });
    const sheet = writer.addWorksheet('Số liệu');
    sheet.addRow(['id', 'name', 'region', 'health_insurance_pct', 'has_valid_ocop_product']).commit();
    for (let i = 1; i <= 50; i++)
      sheet.addRow([`c${i}`, `Xã ${i} & "con"`, 'dbsh', 80 + (i % 20), i % 2 ? 'Có' : 'Không']).commit();
    sheet.commit();
    await writer.commit();
    const read = await expectSameReading(Buffer.concat(chunks));
    expect('read' in read && read.read.communes).toHaveLength(50);
  });

  // Generated workbooks: header cells from the dictionary, cells of every kind, merged ranges.
  const measureHeaders = [
    'health_insurance_pct',
    'income_per_capita_mvnd',
    'has_valid_ocop_product',
    'school_count',
  ];
  const cellArbitrary: fc.Arbitrary<CellSpec> = fc.oneof(
    fc.constant(null),
    fc.integer({ min: -5, max: 120 }),
    fc.double({ min: 0, max: 200, noNaN: true }).map((n) => Math.round(n * 1000) / 1000),
    fc.constantFrom('Có', 'Không', '85,5', '85 %', '  ', '#N/A', '=1+1', 'x', '1.234', '12,500', '_x000D_a'),
    fc.boolean(),
    fc.record({
      value: fc.double({ min: 0, max: 2, noNaN: true }),
      numFmt: fc.constantFrom('0%', '0.0%', 'dd/mm/yyyy', '#,##0', '"%"0'),
    }),
    // Results that are not 0, FALSE or "" (exceljs dropped those: see below).
    fc.record({
      formula: fc.constant('A1+1'),
      result: fc.oneof(fc.integer({ min: 1, max: 100 }), fc.constant('Có'), fc.constant(true)),
    }),
    fc.record({ formula: fc.constant('B2*2') }),
    fc.record({ error: fc.constantFrom('#DIV/0!', '#REF!', '#VALUE!') }),
    fc.record({ date: fc.constantFrom('2023-11-15', '1999-01-01') }),
  );
  const idArbitrary = fc.oneof(
    fc.integer({ min: 1, max: 40 }).map(String),
    fc.constantFrom('# ghi chú', '', ' 7 ', '#N/A'),
  );
  const workbookArbitrary = fc
    .record({
      keyRow: fc.boolean(),
      rows: fc.array(
        fc.option(
          fc.tuple(idArbitrary, fc.string({ maxLength: 6 }), ...measureHeaders.map(() => cellArbitrary)),
          {
            nil: null,
          },
        ),
        { minLength: 1, maxLength: 12 },
      ),
      merges: fc.array(
        fc.tuple(
          fc.integer({ min: 1, max: 6 }),
          fc.integer({ min: 2, max: 14 }),
          fc.integer({ min: 0, max: 2 }),
          fc.integer({ min: 0, max: 2 }),
        ),
        { maxLength: 3 },
      ),
      extra: fc.option(fc.tuple(fc.integer({ min: 0, max: 11 }), fc.constantFrom('ghi chú', 5)), {
        nil: null,
      }),
    })
    .map(({ keyRow, rows, merges, extra }): WorkbookSpec => {
      const header = ['Mã xã', 'Tên xã', ...measureHeaders];
      const sheetRows: Array<CellSpec[] | null> = keyRow
        ? [header, ['id', 'name', ...measureHeaders]]
        : [header];
      rows.forEach((row, index) => {
        if (!row) {
          sheetRows.push(null);
          return;
        }
        const cells: CellSpec[] = [...row];
        if (extra && extra[0] === index) cells.push(null, extra[1]);
        sheetRows.push(cells);
      });
      // Ranges that do not overlap: the k-th in columns 2k+1 and 2k+2.
      const letter = (n: number) => String.fromCharCode(64 + n);
      const ranges = merges
        .map(([, row, wide, high], k) => {
          const left = 2 * k + 1;
          return `${letter(left)}${row}:${letter(left + Math.min(wide, 1))}${row + high}`;
        })
        .filter((range) => !/^([A-Z]+\d+):\1$/.test(range));
      return { sheets: [{ name: 'Số liệu', rows: sheetRows, merges: ranges }] };
    });

  it('generated workbooks', async () => {
    await fc.assert(
      fc.asyncProperty(workbookArbitrary, async (spec) => {
        const bytes = await buildWorkbook(spec);
        await expectSameReading(bytes);
      }),
      { numRuns: 60, seed: 20231115 },
    );
  }, 120_000);
});

describe('streaming Excel reader: what only it reads', () => {
  it('a formula whose stored result is 0, FALSE or empty text has that result (exceljs dropped them)', async () => {
    const bytes = await buildWorkbook({
      sheets: [
        {
          name: 'Số liệu',
          rows: [
            ['id', 'name', 'school_count', 'has_valid_ocop_product', 'district'],
            [
              '1',
              'Xã 1',
              { formula: 'A1-1', result: 0 },
              { formula: '1=2', result: false },
              { formula: '""', result: '' },
            ],
          ],
        },
      ],
    });
    const streamed = await readXlsx(bytes, 'book.xlsx', dictionary);
    expect(streamed.problems).toEqual([]);
    expect(streamed.communes[0]?.commune.values).toEqual({ school_count: 0, has_valid_ocop_product: false });
    const loaded = await readWithExcelJS(bytes, 'book.xlsx', dictionary);
    expect(loaded.problems.map((p) => p.column)).toEqual([
      'school_count',
      'has_valid_ocop_product',
      'district',
    ]);
  });

  /** A workbook from hand-written parts (what other programs than Excel write). */
  function workbook(sheetXml: string, extra: Record<string, string> = {}): Uint8Array {
    const encode = (text: string) => new TextEncoder().encode(text);
    return zipSync({
      'xl/workbook.xml': encode(
        '<?xml version="1.0"?><x:workbook xmlns:x="urn:x" xmlns:r="urn:r"><x:sheets><x:sheet name="Data" sheetId="1" r:id="rId1"/></x:sheets></x:workbook>',
      ),
      'xl/_rels/workbook.xml.rels': encode(
        '<Relationships><Relationship Id="rId1" Type="worksheet" Target="worksheets/sheet1.xml"/></Relationships>',
      ),
      'xl/worksheets/sheet1.xml': encode(sheetXml),
      ...Object.fromEntries(Object.entries(extra).map(([name, text]) => [name, encode(text)])),
    });
  }

  it('namespace prefixes, CDATA, entities, comments, cells without references', async () => {
    const xml =
      '<?xml version="1.0" encoding="UTF-8"?><!-- made by a script --><x:worksheet xmlns:x="urn:x"><x:sheetData>' +
      '<x:row r="1"><x:c t="inlineStr"><x:is><x:t>id</x:t></x:is></x:c><x:c t="inlineStr"><x:is><x:t>name</x:t></x:is></x:c><x:c t="inlineStr"><x:is><x:t>health_insurance_pct</x:t></x:is></x:c></x:row>' +
      '<x:row><x:c t="str"><x:v>a&amp;1</x:v></x:c><x:c t="str"><x:v><![CDATA[Xã <Một>]]></x:v></x:c><x:c><x:v>95.5</x:v></x:c></x:row>' +
      "<x:row r='3'><x:c r='A3' t='str'><x:v>b&#x32;</x:v></x:c><x:c r='B3' t='str'><x:v>Hai &lt;2&gt;</x:v></x:c><x:c r='C3'><x:v>90</x:v></x:c></x:row>" +
      '</x:sheetData></x:worksheet>';
    const read = await readXlsx(workbook(xml), 'book.xlsx', dictionary);
    expect(read.problems).toEqual([]);
    expect(read.communes.map((c) => [c.row, c.commune.id, c.commune.name, c.commune.values])).toEqual([
      [2, 'a&1', 'Xã <Một>', { health_insurance_pct: 95.5 }],
      [3, 'b2', 'Hai <2>', { health_insurance_pct: 90 }],
    ]);
  });

  it('refuses a document type declaration, an unknown entity and rows out of order', async () => {
    const head = '<worksheet><sheetData><row r="1"><c t="str"><v>id</v></c><c t="str"><v>name</v></c></row>';
    for (const xml of [
      `<!DOCTYPE x [<!ENTITY a "b">]>${head}</sheetData></worksheet>`,
      `${head}<row r="2"><c t="str"><v>&a;</v></c></row></sheetData></worksheet>`,
      `${head}<row r="3"/><row r="2"/></sheetData></worksheet>`,
    ]) {
      await expect(readXlsx(workbook(xml), 'book.xlsx', dictionary)).rejects.toThrow(
        /book\.xlsx không phải sổ Excel \.xlsx đọc được/,
      );
    }
  });
});
