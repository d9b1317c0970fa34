/**
 * CSV reader: UTF-8 with or without BOM (UTF-16 with BOM too, as Excel's "Unicode text" writes it), comma,
 * semicolon or tab separated, detected from the header line. One row per commune; row numbers are the
 * spreadsheet's (header = row 1). Line endings may be mixed (CRLF, LF, a lone CR): each ends a row.
 */
import { parse } from 'csv-parse/sync';
import type { Lang } from '../i18n.js';
import { type MessageId, tr } from '../messages.js';
import { isExcelError } from './cells.js';
import {
  type Dictionary,
  findHeaderRow,
  HEADER_SEARCH_ROWS,
  looksLikeHeader,
  mapHeaders,
} from './columns.js';
import { LIMITS } from './limits.js';
import { buildCommune, IdRegister, normalizeId } from './rows.js';
import { shownFile } from './text.js';
import { InputError, type ReadCommune, type ReadResult, type RowProblem } from './types.js';

export interface CsvOptions {
  ignoreUnknownColumns?: boolean;
  lang?: Lang;
  /** The header row (from 1); by default the first row, or the first that reads as a header past title rows. */
  headerRow?: number;
}

/**
 * Why `bytes` are not text at all (a workbook or another binary file, UTF-16 without its byte-order mark),
 * judged from the first 4 KB: NUL bytes and control characters do not occur in CSV or JSON text.
 */
export function notTextReason(bytes: Uint8Array, file: string, lang: Lang = 'vi'): string | null {
  const shown = shownFile(file);
  if (bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04) {
    return tr(lang, 'text.zip', { file: shown });
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
    return tr(lang, 'text.utf16NoBom', { file: shown });
  }
  if (nulEven + nulOdd > 0 || control > head.length / 100) return tr(lang, 'text.binary', { file: shown });
  return null;
}

/** Decodes the bytes of a text file; refuses what is not UTF-8 instead of showing garbled names. */
export function decodeText(bytes: Uint8Array, file: string, lang: Lang = 'vi'): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes.subarray(2));
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes.subarray(2));
  const binary = notTextReason(bytes, file, lang);
  if (binary) throw new InputError(file, binary);
  const start = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(start));
  } catch {
    throw new InputError(file, tr(lang, 'text.notUtf8', { file: shownFile(file) }));
  }
}

/**
 * The separator of the header line: the most frequent of `,` `;` and tab outside quotes (comma on a tie). Lines
 * with none (a title above the header) are passed over.
 */
export function detectDelimiter(text: string): ',' | ';' | '\t' {
  const counts = { ',': 0, ';': 0, '\t': 0 };
  let quoted = false;
  let lines = 0;
  let previous = '';
  for (const char of text) {
    if (char === '"') quoted = !quoted;
    else if (!quoted && (char === '\n' || char === '\r')) {
      // A title line with no separator at all ("Báo cáo năm 2023") says nothing: the next line decides.
      if (counts[','] + counts[';'] + counts['\t'] > 0) break;
      if (!(char === '\n' && previous === '\r') && ++lines >= HEADER_SEARCH_ROWS) break;
    } else if (!quoted && char in counts) counts[char as keyof typeof counts]++;
    previous = char;
  }
  if (counts[';'] > counts[','] && counts[';'] >= counts['\t']) return ';';
  if (counts['\t'] > counts[','] && counts['\t'] > counts[';']) return '\t';
  return ',';
}

/**
 * The first line (from 1) with more than `limit` fields, or null. The parser builds every record as an array,
 * and one line of millions of separators would exhaust the memory before any check could run, so the text is
 * scanned first: one pass, quotes respected (a doubled quote toggles twice).
 */
export function lineOverColumnLimit(text: string, delimiter: string, limit: number): number | null {
  const separator = delimiter.charCodeAt(0);
  let quoted = false;
  let fields = 1;
  let line = 1;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code === 34) quoted = !quoted;
    else if (quoted) continue;
    else if (code === separator) {
      if (++fields > limit) return line;
    } else if (code === 10 || code === 13) {
      if (code === 13 && text.charCodeAt(i + 1) === 10) i++;
      fields = 1;
      line++;
    }
  }
  return null;
}

const CSV_ERRORS: Record<string, MessageId> = {
  CSV_QUOTE_NOT_CLOSED: 'csv.quoteNotClosed',
  CSV_INVALID_CLOSING_QUOTE: 'csv.badClosingQuote',
  CSV_NON_TRIMABLE_CHAR_AFTER_CLOSING_QUOTE: 'csv.badClosingQuote',
  INVALID_OPENING_QUOTE: 'csv.badQuote',
};

/**
 * The records of a CSV text, within the limits: the separator detected from the header line, every line
 * ending a row, at most {@link LIMITS.columns} fields a line (checked before parsing) and
 * {@link LIMITS.csvRecords} lines. A text that is not valid CSV is an {@link InputError} naming the line and why.
 * Shared by the readers of commune data, owners and dossiers.
 */
export function csvRecords(
  text: string,
  file: string,
  lang: Lang = 'vi',
  /** Commune data: find the header row past title rows (or take the one given), with the data dictionary. */
  header?: { row?: number | undefined; dictionary: Dictionary },
): { records: string[][]; delimiter: ',' | ';' | '\t'; headerRow: number } {
  const shown = shownFile(file);
  const delimiter = detectDelimiter(text);
  const wide = lineOverColumnLimit(text, delimiter, LIMITS.columns);
  if (wide !== null) {
    throw new InputError(
      file,
      tr(lang, 'read.tooManyColumns', { file: shown, line: wide, limit: LIMITS.columns }),
    );
  }
  const parseOptions = {
    delimiter,
    // Every line ending ends a row, even when a file mixes them (rows pasted from another system): the
    // parser would otherwise keep the first one it meets and merge the rows that end differently.
    record_delimiter: ['\r\n', '\n', '\r'],
    relax_column_count: true,
    skip_empty_lines: false,
    trim: false,
  };
  const parsed = <T>(run: () => T): T => {
    try {
      return run();
    } catch (error) {
      const info = error as { lines?: number; code?: string };
      const id = info.code ? CSV_ERRORS[info.code] : undefined;
      const why = id
        ? tr(lang, id as 'csv.quoteNotClosed')
        : tr(lang, 'csv.otherError', { code: info.code ?? 'ERROR' });
      throw new InputError(file, tr(lang, 'csv.invalid', { file: shown, line: info.lines ?? null, why }));
    }
  };
  let headerRow = 1;
  let fromLine = 1;
  if (header) {
    // The first rows, to find the header row (past title rows) and the line it starts on.
    const head = parsed(
      () =>
        parse(text, {
          ...parseOptions,
          info: true,
          to: Math.max(HEADER_SEARCH_ROWS, header.row ?? 0),
        }) as unknown as Array<{ record: string[]; info: { lines: number } }>,
    );
    headerRow = header.row ?? findHeaderRow((n) => head[n - 1]?.record ?? null, header.dictionary);
    if (header.row !== undefined && head.length < headerRow) {
      throw new InputError(
        file,
        tr(lang, 'header.rowBeyond', { file: shown, sheet: null, row: headerRow, rows: head.length }),
      );
    }
    // The rows from the header on, parsed from its line: title rows above it are not read again (and, shorter
    // than the header, they would make the parser build an error object for every row of the file).
    fromLine = headerRow > 1 ? (head[headerRow - 2]?.info.lines ?? 0) + 1 : 1;
  }
  const records = parsed(
    () => parse(text, { ...parseOptions, from_line: fromLine, to: LIMITS.csvRecords + 1 }) as string[][],
  );
  if (records.length > LIMITS.csvRecords) {
    throw new InputError(file, tr(lang, 'read.tooManyLines', { file: shown, limit: LIMITS.csvRecords }));
  }
  return { records, delimiter, headerRow };
}

export function readCsvText(
  text: string,
  file: string,
  dictionary: Dictionary,
  options: CsvOptions = {},
): ReadResult {
  const lang = options.lang ?? 'vi';
  const shown = shownFile(file);
  const { records, delimiter, headerRow } = csvRecords(text, file, lang, {
    row: options.headerRow,
    dictionary,
  });
  const header = records[0];
  if (options.headerRow !== undefined && header?.every((cell) => cell.trim() === '')) {
    throw new InputError(file, tr(lang, 'header.rowEmpty', { file: shown, sheet: null, row: headerRow }));
  }
  if (!header || header.every((cell) => cell.trim() === '')) {
    throw new InputError(file, tr(lang, 'csv.empty', { file: shown }));
  }
  const {
    columns,
    problems: headerProblems,
    ignored,
  } = mapHeaders(header, dictionary, {
    ignoreUnknown: options.ignoreUnknownColumns ?? false,
    lang,
  });
  if (headerProblems.length > 0) {
    if (options.headerRow === undefined && !looksLikeHeader(header, dictionary)) {
      headerProblems.push({ column: '', reason: tr(lang, 'header.rowHint') });
    }
    throw new InputError(file, tr(lang, 'header.problems', { file: shown }), headerProblems);
  }
  const problems: RowProblem[] = [];
  const communes: ReadCommune[] = [];
  const ids = new IdRegister();
  const idIndex = columns.find((c) => c.target.kind === 'field' && c.target.field === 'id')?.index ?? -1;
  let rows = 0;
  const count = () => {
    if (++rows > LIMITS.dataRows) {
      throw new InputError(file, tr(lang, 'read.tooManyRows', { file: shown, limit: LIMITS.dataRows }));
    }
  };
  for (let i = 1; i < records.length; i++) {
    const record = records[i] as string[];
    // The row as the spreadsheet numbers it: records[0] is the header row.
    const row = headerRow + i;
    const idText = record[idIndex]?.trim() ?? '';
    // A comment row ("# …" in the id column) may hold anything, separators included.
    if (idText.startsWith('#') && !isExcelError(idText)) continue;
    if (record.length > header.length && record.slice(header.length).some((cell) => cell.trim() !== '')) {
      problems.push({
        file,
        row,
        column: tr(lang, 'column.unnamed', { n: header.length + 1 }),
        value: record.slice(header.length).join(delimiter),
        reason: tr(lang, 'row.extraCells', { cells: record.length, columns: header.length }),
        communeId: normalizeId(idText) || null,
      });
      count();
      continue;
    }
    const cells = record.map((text) => ({ kind: 'text' as const, text }));
    const result = buildCommune(cells, columns, { file, row, dictionary, ids, problems, lang });
    if (result === null) continue;
    count();
    if (result !== 'invalid') communes.push(result);
  }
  return {
    file,
    format: 'csv',
    unit: 'row',
    communes,
    problems,
    rows,
    columns,
    ignoredColumns: ignored,
    headerRow,
  };
}
