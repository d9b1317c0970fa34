/**
 * Builds the corpus files that are not committed as they are: workbooks (from a JSON description of their
 * cells, in test/corpus/*.xlsx.json), text in other encodings, raw bytes, and text too long to review.
 * See test/corpus/README.md.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { PACKAGE } from './helpers.js';

export const CORPUS = join(PACKAGE, 'test', 'corpus');

/**
 * A cell of a workbook description: a plain JSON value (text, number, boolean, null = empty), or
 * `{ formula, result? }` (no `result`: a formula never calculated), `{ error: "#N/A" }`, `{ date: "2023-11-15" }`,
 * `{ value?, numFmt }` (a number format, e.g. "0.0%" or "dd/mm/yyyy"). `numFmt` also applies to formulas.
 */
export type CellSpec =
  | string
  | number
  | boolean
  | null
  | { formula: string; result?: CellSpec; numFmt?: string }
  | { error: string }
  | { date: string }
  | { value?: string | number | boolean; numFmt: string };

export interface WorkbookSpec {
  sheets: Array<{
    name: string;
    /** Row i of the list is row i + 1 of the sheet; `null` is an empty row. */
    rows: Array<CellSpec[] | null>;
    /** Merged ranges, e.g. "A1:C1". */
    merges?: string[];
  }>;
}

/** How to make a corpus file at test time (one of the forms). */
export type BuildSpec =
  /** A workbook from its description; `truncate`: keep only this fraction of the bytes (a corrupt file). */
  | { xlsx: string; truncate?: number }
  /**
   * Text lines, joined by `eol` (default "\n", with a final one), written in `encoding`. `{{text x N}}` in a
   * line stands for `text` repeated N times.
   */
  | { lines: string[]; eol?: string; encoding?: 'utf-8' | 'latin1' | 'utf-16le' | 'utf-16le-bom' }
  /** Raw bytes, in hexadecimal (spaces ignored). */
  | { hex: string };

type Value = ExcelJS.CellValue;

function cellValue(spec: CellSpec): { value: Value; numFmt?: string } {
  if (spec === null || typeof spec !== 'object') return { value: spec };
  if ('formula' in spec) {
    const result = spec.result === undefined ? undefined : cellValue(spec.result).value;
    const value = (
      result === undefined ? { formula: spec.formula } : { formula: spec.formula, result }
    ) as Value;
    return spec.numFmt ? { value, numFmt: spec.numFmt } : { value };
  }
  if ('error' in spec) return { value: { error: spec.error } as Value };
  if ('date' in spec) return { value: new Date(`${spec.date}T00:00:00Z`) };
  return { value: spec.value ?? null, numFmt: spec.numFmt };
}

export async function buildWorkbook(spec: WorkbookSpec): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  for (const sheetSpec of spec.sheets) {
    const sheet = workbook.addWorksheet(sheetSpec.name);
    sheetSpec.rows.forEach((cells, index) => {
      if (!cells) return;
      const row = sheet.getRow(index + 1);
      cells.forEach((cellSpec, column) => {
        const { value, numFmt } = cellValue(cellSpec);
        const cell = row.getCell(column + 1);
        if (value !== null && value !== undefined) cell.value = value;
        if (numFmt) cell.numFmt = numFmt;
      });
      row.commit();
    });
    for (const range of sheetSpec.merges ?? []) sheet.mergeCells(range);
  }
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

function expand(line: string): string {
  return line.replace(/\{\{(.+?) x (\d+)\}\}/g, (_, text: string, times: string) =>
    text.repeat(Number(times)),
  );
}

export function encodeText(spec: Extract<BuildSpec, { lines: string[] }>): Uint8Array {
  const eol = spec.eol ?? '\n';
  const text = spec.lines.map(expand).join(eol) + eol;
  switch (spec.encoding ?? 'utf-8') {
    case 'latin1':
      if ([...text].some((char) => char.charCodeAt(0) > 0xff)) {
        throw new Error('the text has characters that Latin-1 cannot hold');
      }
      return Buffer.from(text, 'latin1');
    case 'utf-16le':
      return Buffer.from(text, 'utf16le');
    case 'utf-16le-bom':
      return Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
    default:
      return Buffer.from(text, 'utf8');
  }
}

/** Writes the file `name` into `dir` as `spec` says, and returns its path. */
export async function buildFile(spec: BuildSpec, dir: string, name: string): Promise<string> {
  let bytes: Uint8Array;
  if ('xlsx' in spec) {
    const description = JSON.parse(readFileSync(join(CORPUS, spec.xlsx), 'utf8')) as WorkbookSpec;
    bytes = await buildWorkbook(description);
    if (spec.truncate !== undefined) bytes = bytes.subarray(0, Math.floor(bytes.length * spec.truncate));
  } else if ('lines' in spec) {
    bytes = encodeText(spec);
  } else {
    bytes = Buffer.from(spec.hex.replace(/\s+/g, ''), 'hex');
  }
  const path = join(dir, name);
  writeFileSync(path, bytes);
  return path;
}
