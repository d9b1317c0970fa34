/**
 * CSV reader: UTF-8 with or without BOM (UTF-16 with BOM too, as Excel's "Unicode text" writes it), comma,
 * semicolon or tab separated, detected from the header line. One row per commune; row numbers are the
 * spreadsheet's (header = row 1).
 */
import { parse } from 'csv-parse/sync';
import { isExcelError } from './cells.js';
import { type Dictionary, mapHeaders } from './columns.js';
import { buildCommune, IdRegister } from './rows.js';
import { InputError, type ReadCommune, type ReadResult, type RowProblem } from './types.js';

export interface CsvOptions {
  ignoreUnknownColumns?: boolean;
}

/**
 * Why `bytes` are not text at all (a workbook or another binary file, UTF-16 without its byte-order mark),
 * judged from the first 4 KB: NUL bytes and control characters do not occur in CSV or JSON text.
 */
function notText(bytes: Uint8Array, file: string): string | null {
  if (bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04) {
    return `${file} is a zip archive, not text: an Excel workbook with another extension? Rename it to .xlsx`;
  }
  const head = bytes.subarray(0, 4096);
  let nulEven = 0;
  let nulOdd = 0;
  let control = 0;
  head.forEach((byte, i) => {
    if (byte === 0) {
      if (i % 2 === 0) nulEven++;
      else nulOdd++;
    } else if ((byte < 0x20 && byte !== 0x09 && byte !== 0x0a && byte !== 0x0d) || byte === 0x7f) control++;
  });
  const half = head.length / 2;
  if (half >= 2 && (nulOdd > half * 0.6 || nulEven > half * 0.6) && nulOdd + nulEven < half * 1.2) {
    return `${file} looks like UTF-16 text without a byte-order mark: save it as "CSV UTF-8"`;
  }
  if (nulEven + nulOdd > 0 || control > head.length / 100) {
    return `${file} is a binary file, not text: expected CSV (or JSON) text, or an .xlsx workbook`;
  }
  return null;
}

/** Decodes the bytes of a text file; refuses what is not UTF-8 instead of showing garbled names. */
export function decodeText(bytes: Uint8Array, file: string): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes.subarray(2));
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes.subarray(2));
  const binary = notText(bytes, file);
  if (binary) throw new InputError(file, binary);
  const start = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(start));
  } catch {
    throw new InputError(
      file,
      `${file} is not UTF-8 text (an old Excel "CSV" in the Windows code page?): save it as "CSV UTF-8" or as .xlsx`,
    );
  }
}

/** The separator of the header line: the most frequent of `,` `;` and tab outside quotes (comma on a tie). */
export function detectDelimiter(text: string): ',' | ';' | '\t' {
  const counts = { ',': 0, ';': 0, '\t': 0 };
  let quoted = false;
  for (const char of text) {
    if (char === '"') quoted = !quoted;
    else if (!quoted && (char === '\n' || char === '\r')) break;
    else if (!quoted && char in counts) counts[char as keyof typeof counts]++;
  }
  if (counts[';'] > counts[','] && counts[';'] >= counts['\t']) return ';';
  if (counts['\t'] > counts[','] && counts['\t'] > counts[';']) return '\t';
  return ',';
}

export function readCsvText(
  text: string,
  file: string,
  dictionary: Dictionary,
  options: CsvOptions = {},
): ReadResult {
  const delimiter = detectDelimiter(text);
  let records: string[][];
  try {
    records = parse(text, {
      delimiter,
      relax_column_count: true,
      skip_empty_lines: false,
      trim: false,
    }) as string[][];
  } catch (error) {
    const info = error as { lines?: number; message: string };
    throw new InputError(
      file,
      `${file} is not valid CSV${info.lines ? ` (line ${info.lines})` : ''}: ${info.message}`,
    );
  }
  const header = records[0];
  if (!header || header.every((cell) => cell.trim() === '')) {
    throw new InputError(
      file,
      `${file} is empty: expected a header row (id, name, then one column per measure)`,
    );
  }
  const {
    columns,
    problems: headerProblems,
    ignored,
  } = mapHeaders(header, dictionary, {
    ignoreUnknown: options.ignoreUnknownColumns ?? false,
  });
  if (headerProblems.length > 0) {
    throw new InputError(file, `${file}: the header row has problems`, headerProblems);
  }
  const problems: RowProblem[] = [];
  const communes: ReadCommune[] = [];
  const ids = new IdRegister();
  const idIndex = columns.find((c) => c.target.kind === 'field' && c.target.field === 'id')?.index ?? -1;
  let rows = 0;
  for (let i = 1; i < records.length; i++) {
    const record = records[i] as string[];
    const row = i + 1;
    const cells = record.map((text) => ({ kind: 'text' as const, text }));
    const idText = record[idIndex]?.trim() ?? '';
    // A comment row ("# …" in the id column) may hold anything, separators included.
    if (idText.startsWith('#') && !isExcelError(idText)) continue;
    if (record.length > header.length && record.slice(header.length).some((cell) => cell.trim() !== '')) {
      problems.push({
        file,
        row,
        column: `(column ${header.length + 1})`,
        value: record.slice(header.length).join(delimiter),
        reason: `the row has ${record.length} cells but the header has ${header.length} columns (a separator inside an unquoted value?)`,
        communeId: idText.normalize('NFC') || null,
      });
      rows++;
      continue;
    }
    const result = buildCommune(cells, columns, { file, row, dictionary, ids, problems });
    if (result === null) continue;
    rows++;
    if (result !== 'invalid') communes.push(result);
  }
  return { file, format: 'csv', unit: 'row', communes, problems, rows, columns, ignoredColumns: ignored };
}

export function readCsv(
  bytes: Uint8Array,
  file: string,
  dictionary: Dictionary,
  options: CsvOptions = {},
): ReadResult {
  return readCsvText(decodeText(bytes, file), file, dictionary, options);
}
