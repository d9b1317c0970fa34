/**
 * Hostile files for test/hostile/*.test.ts, made at test time in a temporary folder (never committed): big
 * data, workbooks whose archive lies about its sizes or unpacks a million empty rows, deep JSON, wide headers.
 */
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { unzipSync, type Zippable, zipSync } from 'fflate';
import { afterAll } from 'vitest';
import { buildWorkbook, type CellSpec } from '../corpus-build.js';
import { tempDir } from '../helpers.js';

/**
 * A temporary folder for one test, removed when the test file is done (the hostile files and the outputs
 * they produce take up to tens of megabytes).
 */
export function scratchDir(): string {
  const dir = tempDir();
  scratch.push(dir);
  return dir;
}

const scratch: string[] = [];
afterAll(() => {
  for (const dir of scratch.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** Measures of the NTM edition of 2023 used in the generated rows (a percentage and a money column). */
export const COLUMNS = ['id', 'name', 'health_insurance_pct', 'income_per_capita_mvnd'];

/** A CSV of `rows` good communes (semicolon separated, decimal commas), each with an id `c<row>`. */
export function communesCsv(rows: number, options: { eol?: string } = {}): string {
  const lines = [COLUMNS.join(';')];
  for (let row = 2; row <= rows + 1; row++) {
    lines.push(`c${row};Xã ${row};${50 + (row % 50)};${40 + (row % 30)},5`);
  }
  const eol = options.eol ?? '\n';
  return `${lines.join(eol)}${eol}`;
}

export function write(dir: string, name: string, content: string | Uint8Array): string {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
}

/** A small good workbook: the header and `rows` communes on its first sheet ("Số liệu"). */
export async function communesWorkbook(rows = 2): Promise<Uint8Array> {
  const cells: CellSpec[][] = [COLUMNS];
  for (let row = 2; row <= rows + 1; row++) cells.push([`c${row}`, `Xã ${row}`, 90 + (row % 10), 55.5]);
  return buildWorkbook({ sheets: [{ name: 'Số liệu', rows: cells }] });
}

const SHEET = 'xl/worksheets/sheet1.xml';

/** The workbook with its first sheet's XML rewritten by `edit`, re-compressed (deflate). */
export function editSheet(workbook: Uint8Array, edit: (xml: string) => string): Uint8Array {
  const parts = unzipSync(workbook);
  const xml = Buffer.from(parts[SHEET] as Uint8Array).toString('utf8');
  const files: Zippable = {};
  for (const [name, data] of Object.entries(parts)) files[name] = data;
  files[SHEET] = Buffer.from(edit(xml), 'utf8');
  return zipSync(files, { level: 6 });
}

/** Adds `xml` to the worksheet right after its rows. */
export function afterRows(xml: string, addition: string): string {
  return xml.replace('</sheetData>', `</sheetData>${addition}`);
}

/**
 * `count` rows holding only formatted empty cells after the data (as a sheet whose whole columns were
 * formatted down to row 1 048 576 looks): each row has a height and two cells with a style and no value.
 */
export function emptyRows(xml: string, from: number, count: number): string {
  const rows: string[] = [];
  for (let r = from; r < from + count; r++) {
    rows.push(
      `<row r="${r}" spans="1:4" ht="15" customHeight="1"><c r="A${r}" s="1"/><c r="B${r}" s="1"/></row>`,
    );
  }
  return xml.replace('</sheetData>', `${rows.join('')}</sheetData>`);
}

/** The archive with parts added: `names` → content. */
export function addParts(workbook: Uint8Array, parts: Record<string, Uint8Array>): Uint8Array {
  const files: Zippable = { ...unzipSync(workbook) };
  for (const [name, data] of Object.entries(parts)) files[name] = data;
  return zipSync(files, { level: 6 });
}

/**
 * The archive with the uncompressed size of part `name` declared as `size` in its central directory entry
 * and local header (the compressed data unchanged): an archive that lies about what it unpacks to.
 */
export function declareSize(workbook: Uint8Array, name: string, size: number): Uint8Array {
  const bytes = Buffer.from(workbook);
  const target = Buffer.from(name, 'utf8');
  let patched = 0;
  for (let at = 0; at + 46 < bytes.length; at++) {
    const signature = bytes.readUInt32LE(at);
    if (signature === 0x02014b50) {
      const length = bytes.readUInt16LE(at + 28);
      if (bytes.subarray(at + 46, at + 46 + length).equals(target)) {
        bytes.writeUInt32LE(size, at + 24);
        patched++;
      }
    } else if (signature === 0x04034b50) {
      const length = bytes.readUInt16LE(at + 26);
      if (bytes.subarray(at + 30, at + 30 + length).equals(target)) {
        bytes.writeUInt32LE(size, at + 22);
        patched++;
      }
    }
  }
  if (patched === 0) throw new Error(`no part ${name} in the archive`);
  return bytes;
}

/** A JSON value nested `depth` levels deep (arrays in arrays), written without recursion. */
export function nested(depth: number): string {
  return `${'['.repeat(depth)}${']'.repeat(depth)}`;
}
