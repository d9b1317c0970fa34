// W3 input files: the W1 synthetic communes (bench/w1-engine/generate.ts, same seed) written as a CSV and an
// Excel workbook whose headers are the commune fields and the measure keys, as a district office would fill
// `ntm template`. Yes/no values are written "Có"/"Không", blanks as empty cells.

import { writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { BenchCommune } from '../w1-engine/generate.js';

/** Where the CLI's own dependencies (exceljs, csv-parse) are resolved from: the bench does not depend on them. */
export const CLI_PACKAGE_JSON = fileURLToPath(new URL('../../packages/cli/package.json', import.meta.url));
const fromCli = createRequire(CLI_PACKAGE_JSON);

/** The path of a dependency of packages/cli, as `node -e` and `import()` can load it. */
export function resolveFromCli(specifier: string): string {
  return fromCli.resolve(specifier);
}

const FIELDS = ['id', 'name', 'region', 'district', 'categories'] as const;

type Cell = string | number | null;

function rowOf(commune: BenchCommune, keys: readonly string[]): Cell[] {
  const row: Cell[] = [
    commune.id,
    commune.name,
    commune.region,
    commune.district,
    commune.categories?.join(', ') ?? null,
  ];
  for (const key of keys) {
    const value = commune.values[key];
    row.push(
      value === undefined || value === null
        ? null
        : typeof value === 'boolean'
          ? value
            ? 'Có'
            : 'Không'
          : value,
    );
  }
  return row;
}

function csvCell(value: Cell): string {
  if (value === null) return '';
  const text = String(value);
  return /[",\n\r;]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** The header row: commune fields, then every measure key. */
export function headersOf(keys: readonly string[]): string[] {
  return [...FIELDS, ...keys];
}

/** Writes the communes as UTF-8 CSV (comma, CRLF, with a BOM as Excel writes it); returns its size in bytes. */
export function writeCsv(file: string, communes: readonly BenchCommune[], keys: readonly string[]): number {
  const lines = [headersOf(keys).join(',')];
  for (const commune of communes) lines.push(rowOf(commune, keys).map(csvCell).join(','));
  const text = `\ufeff${lines.join('\r\n')}\r\n`;
  writeFileSync(file, text);
  return Buffer.byteLength(text);
}

interface WorkbookWriter {
  addWorksheet(name: string): {
    addRow(values: Cell[]): { commit(): void };
    commit(): void;
  };
  commit(): Promise<void>;
}
interface ExcelModule {
  stream: { xlsx: { WorkbookWriter: new (options: { filename: string }) => WorkbookWriter } };
}

/** Writes the communes as .xlsx with exceljs (a dependency of packages/cli), numbers as numbers. */
export async function writeXlsx(
  file: string,
  communes: readonly BenchCommune[],
  keys: readonly string[],
): Promise<void> {
  const loaded = (await import(pathToFileURL(resolveFromCli('exceljs')).href)) as {
    default?: ExcelModule;
  } & ExcelModule;
  const excel = loaded.default ?? loaded;
  const workbook = new excel.stream.xlsx.WorkbookWriter({ filename: file });
  const sheet = workbook.addWorksheet('Số liệu');
  sheet.addRow(headersOf(keys)).commit();
  for (const commune of communes) sheet.addRow(rowOf(commune, keys)).commit();
  sheet.commit();
  await workbook.commit();
}
