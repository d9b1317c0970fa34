// How to read a worksheet a row at a time: the measurement behind the CLI's choice (docs/performance.md, W3).
// On the W3 workbook (the W1 communes, same seed), in one process, interleaved, after a warm-up: the time to
// visit every cell's value with
//   - exceljs loading the whole workbook (what ntm did before),
//   - exceljs's streaming reader (WorkbookReader),
//   - saxes (the SAX parser exceljs uses) over the sheet's XML, inflated as a stream by node:zlib,
//   - ntm's own scanner (packages/cli/src/io/xml-scan.ts) over the same stream,
// and, for scale, csv-parse reading the same data as CSV. Heap growth is not compared (every variant but the
// first is a stream).
//
//   tsx --conditions=@nongthonmoi/source bench/w3-cli/xlsx-readers.ts [rows=10000] [reps=5]
import { readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { createInflateRaw } from 'node:zlib';
import { median } from '../harness.js';
import { generateCommunes } from '../w1-engine/generate.js';
import { loadRules } from '../w1-engine/rules.js';
import { W1_AS_OF, W1_LEVEL } from '../w1-engine/setup.js';
import { resolveFromCli, writeCsv, writeXlsx } from './files.js';

const rows = Number(process.argv[2] ?? 10_000);
const reps = Number(process.argv[3] ?? 5);
const dir = tmpdir();
const xlsx = join(dir, `ntm-readers-${process.pid}.xlsx`);
const csv = join(dir, `ntm-readers-${process.pid}.csv`);
const rules = loadRules(W1_LEVEL, W1_AS_OF);
const communes = generateCommunes(rules, { communes: rows, seed: 20231115 });
writeCsv(csv, communes, Object.keys(rules.measures));
await writeXlsx(xlsx, communes, Object.keys(rules.measures));

/** The little of exceljs used here (it is a dependency of packages/cli, not of the bench). */
interface ExcelRow {
  eachCell(visit: () => void): void;
}
interface ExcelModule {
  Workbook: new () => {
    xlsx: { load(data: Buffer): Promise<unknown> };
    worksheets: Array<{ eachRow(visit: (row: ExcelRow) => void): void }>;
  };
  stream: {
    xlsx: {
      WorkbookReader: new (file: string, options: object) => AsyncIterable<AsyncIterable<ExcelRow>>;
    };
  };
}
/** ntm's scanner, from the CLI's sources. */
interface Scanner {
  push(text: string): void;
  end(): void;
}
type ScannerClass = new (handler: {
  readonly wantsText: boolean;
  open(name: string, attributes: string, empty: boolean): void;
  text(text: string): void;
  close(name: string): void;
}) => Scanner;

const fromExcel = createRequire(resolveFromCli('exceljs'));
const excelModule = (await import(pathToFileURL(resolveFromCli('exceljs')).href)) as {
  default?: ExcelModule;
} & ExcelModule;
const Excel = excelModule.default ?? excelModule;
const { XmlScanner } = (await import(
  new URL('../../packages/cli/src/io/xml-scan.ts', import.meta.url).href
)) as { XmlScanner: ScannerClass };
/** saxes, as exceljs depends on it (the bench does not): the little of its API used here. */
interface Saxes {
  on(event: 'opentag' | 'closetag', handler: (tag: { name: string }) => void): void;
  on(event: 'text', handler: (text: string) => void): void;
  write(text: string): void;
  close(): void;
}
const { SaxesParser } = fromExcel('saxes') as { SaxesParser: new () => Saxes };
const { parse } = (await import(pathToFileURL(resolveFromCli('csv-parse/sync')).href)) as {
  parse: (text: string, options: object) => string[][];
};

/** The worksheet's compressed bytes, inflated as a stream (as the CLI reads it). */
function sheetStream(): AsyncIterable<Buffer> {
  const bytes = readFileSync(xlsx);
  // The stored and compressed sizes come from fflate's listing; the data from the local header.
  const name = 'xl/worksheets/sheet1.xml';
  let at = bytes.indexOf(Buffer.from(name));
  while (at >= 0 && bytes.readUInt32LE(at - 30) !== 0x04034b50) at = bytes.indexOf(Buffer.from(name), at + 1);
  const start = at + name.length + bytes.readUInt16LE(at - 2);
  const inflater = createInflateRaw({ chunkSize: 256 * 1024 });
  inflater.end(bytes.subarray(start));
  return inflater;
}

const variants: Record<string, () => Promise<number>> = {
  'exceljs: load the whole workbook': async () => {
    const workbook = new Excel.Workbook();
    await workbook.xlsx.load(readFileSync(xlsx));
    let cells = 0;
    workbook.worksheets[0]?.eachRow((row) =>
      row.eachCell(() => {
        cells++;
      }),
    );
    return cells;
  },
  'exceljs: streaming reader (WorkbookReader)': async () => {
    const reader = new Excel.stream.xlsx.WorkbookReader(xlsx, { worksheets: 'emit', sharedStrings: 'cache' });
    let cells = 0;
    for await (const sheet of reader) {
      for await (const row of sheet) {
        row.eachCell(() => {
          cells++;
        });
      }
    }
    return cells;
  },
  'saxes over the inflated stream': async () => {
    const parser = new SaxesParser();
    let cells = 0;
    let inValue = false;
    parser.on('opentag', (tag) => {
      if (tag.name === 'v') inValue = true;
    });
    parser.on('text', () => {
      if (inValue) cells++;
    });
    parser.on('closetag', (tag) => {
      if (tag.name === 'v') inValue = false;
    });
    const decoder = new TextDecoder();
    for await (const piece of sheetStream()) parser.write(decoder.decode(piece, { stream: true }));
    parser.close();
    return cells;
  },
  "ntm's scanner (xml-scan.ts) over the inflated stream": async () => {
    let cells = 0;
    let inValue = false;
    const scanner = new XmlScanner({
      get wantsText() {
        return inValue;
      },
      open(name, _attributes, empty) {
        if (name === 'v' && !empty) inValue = true;
      },
      text() {
        cells++;
      },
      close(name) {
        if (name === 'v') inValue = false;
      },
    });
    const decoder = new TextDecoder();
    for await (const piece of sheetStream()) scanner.push(decoder.decode(piece, { stream: true }));
    scanner.end();
    return cells;
  },
  'csv-parse: the same data as CSV (for scale)': async () =>
    parse(readFileSync(csv, 'utf8'), { relax_column_count: true }).reduce(
      (sum, record) => sum + record.filter(Boolean).length,
      0,
    ),
};

const times = new Map<string, number[]>(Object.keys(variants).map((name) => [name, []]));
const counts = new Map<string, number>();
const names = Object.keys(variants);
for (let rep = -1; rep < reps; rep++) {
  for (let k = 0; k < names.length; k++) {
    const name = names[(k + Math.max(0, rep)) % names.length] as string;
    const started = performance.now();
    counts.set(name, await (variants[name] as () => Promise<number>)());
    if (rep >= 0) times.get(name)?.push(performance.now() - started);
  }
}
rmSync(xlsx, { force: true });
rmSync(csv, { force: true });
console.log(
  `${rows.toLocaleString('en-US')} rows (workbook and CSV of the W3 data), ${reps} repetitions after a warm-up, interleaved; median (min) ms, values visited:`,
);
for (const name of names) {
  const list = times.get(name) as number[];
  console.log(
    `  ${name.padEnd(54)} ${median(list).toFixed(0).padStart(7)} (${Math.min(...list).toFixed(0)})  ${counts.get(name)?.toLocaleString('en-US')}`,
  );
}
