/** Reads a data file of any supported format (by extension, or by its first bytes). */
import { readFile } from 'node:fs/promises';
import { extname } from 'node:path';
import type { Dictionary } from './columns.js';
import { decodeText, readCsvText } from './read-csv.js';
import { readJsonText } from './read-json.js';
import { readXlsx } from './read-xlsx.js';
import { InputError, type InputFormat, type ReadResult } from './types.js';

export interface ReadOptions {
  /** Excel: the sheet to read (default: the first). */
  sheet?: string;
  /** Skip columns that are neither commune fields nor known measures instead of refusing the file. */
  ignoreUnknownColumns?: boolean;
  /** Force the format instead of guessing it from the extension. */
  format?: InputFormat;
}

/** The format of a file from its extension, or its first bytes when the extension says nothing. */
export function detectFormat(file: string, bytes: Uint8Array): InputFormat {
  const extension = extname(file).toLowerCase();
  if (extension === '.csv' || extension === '.tsv' || extension === '.txt') return 'csv';
  if (extension === '.xlsx' || extension === '.xlsm') return 'xlsx';
  if (extension === '.json') return 'json';
  if (extension === '.xls' || extension === '.ods') {
    throw new InputError(file, `${file}: ${extension} files are not read; save the workbook as .xlsx`);
  }
  if (bytes[0] === 0x50 && bytes[1] === 0x4b) return 'xlsx';
  let i = bytes[0] === 0xef ? 3 : 0;
  while (
    i < bytes.length &&
    (bytes[i] === 0x20 || bytes[i] === 0x0a || bytes[i] === 0x0d || bytes[i] === 0x09)
  )
    i++;
  if (bytes[i] === 0x5b || bytes[i] === 0x7b) return 'json';
  return 'csv';
}

export async function readBytes(file: string): Promise<Uint8Array> {
  try {
    return await readFile(file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const why =
      code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'it is a folder' : (error as Error).message;
    throw new InputError(file, `cannot read ${file}: ${why}`);
  }
}

/** Reads communes from a CSV, Excel or JSON file. Throws {@link InputError} when the file cannot be used. */
export async function readCommunes(
  file: string,
  dictionary: Dictionary,
  options: ReadOptions = {},
): Promise<ReadResult> {
  const bytes = await readBytes(file);
  const format = options.format ?? detectFormat(file, bytes);
  const ignoreUnknownColumns = options.ignoreUnknownColumns ?? false;
  switch (format) {
    case 'csv':
      return readCsvText(decodeText(bytes, file), file, dictionary, { ignoreUnknownColumns });
    case 'json':
      return readJsonText(decodeText(bytes, file), file, dictionary, { ignoreUnknownColumns });
    case 'xlsx':
      return readXlsx(bytes, file, dictionary, {
        ignoreUnknownColumns,
        ...(options.sheet !== undefined ? { sheet: options.sheet } : {}),
      });
  }
}
