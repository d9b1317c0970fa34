/**
 * CSV reader: UTF-8 with or without BOM (UTF-16 with BOM too, as Excel's "Unicode text" writes it), comma,
 * semicolon or tab separated, detected from the header line. One row per commune; row numbers are the
 * spreadsheet's (header = row 1). Line endings may be mixed (CRLF, LF, a lone CR): each ends a row.
 *
 * `openCsv` reads a file a batch of rows at a time (decoding and parsing as it goes, in memory that does not
 * grow with the file); `readCsvText` reads a whole text. Both turn records into communes the same way.
 */
import { Readable } from 'node:stream';
import { parse as parseStream } from 'csv-parse';
import { parse } from 'csv-parse/sync';
import type { Lang } from '../i18n.js';
import { type MessageId, tr } from '../messages.js';
import { isExcelError } from './cells.js';
import {
  type Column,
  type Dictionary,
  findHeaderRow,
  HEADER_SEARCH_ROWS,
  looksLikeHeader,
  mapHeaders,
} from './columns.js';
import { LIMITS } from './limits.js';
import { convertRows, IdRegister, normalizeId, type PendingRow, screenRow } from './rows.js';
import type { CommuneSource, ReadBatch } from './source.js';
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

/** {@link lineOverColumnLimit} for a text read in pieces. */
export class ColumnLimitScanner {
  readonly #separator: number;
  readonly #limit: number;
  #quoted = false;
  #fields = 1;
  #line = 1;
  /** The previous piece ended with CR: an LF starting this one ends the same line. */
  #afterCr = false;

  constructor(delimiter: string, limit: number) {
    this.#separator = delimiter.charCodeAt(0);
    this.#limit = limit;
  }

  /** The first line (from 1) over the limit so far, or null. */
  push(text: string): number | null {
    let i = 0;
    if (this.#afterCr && text.charCodeAt(0) === 10) i = 1;
    this.#afterCr = false;
    for (; i < text.length; i++) {
      const code = text.charCodeAt(i);
      if (code === 34) this.#quoted = !this.#quoted;
      else if (this.#quoted) continue;
      else if (code === this.#separator) {
        if (++this.#fields > this.#limit) return this.#line;
      } else if (code === 10 || code === 13) {
        if (code === 13) {
          if (i + 1 === text.length) this.#afterCr = true;
          else if (text.charCodeAt(i + 1) === 10) i++;
        }
        this.#fields = 1;
        this.#line++;
      }
    }
    return null;
  }
}

const CSV_ERRORS: Record<string, MessageId> = {
  CSV_QUOTE_NOT_CLOSED: 'csv.quoteNotClosed',
  CSV_INVALID_CLOSING_QUOTE: 'csv.badClosingQuote',
  CSV_NON_TRIMABLE_CHAR_AFTER_CLOSING_QUOTE: 'csv.badClosingQuote',
  INVALID_OPENING_QUOTE: 'csv.badQuote',
};

/** The parser's options for a file whose header line uses `delimiter`. */
function parserOptions(delimiter: string) {
  return {
    delimiter,
    // Every line ending ends a row, even when a file mixes them (rows pasted from another system): the parser
    // would otherwise keep the first one it meets and merge the rows that end differently.
    record_delimiter: ['\r\n', '\n', '\r'],
    relax_column_count: true,
    skip_empty_lines: false,
    trim: false,
  };
}

/** The parser's error as the user's message. */
function parseError(error: unknown, file: string, lang: Lang): InputError {
  const info = error as { lines?: number; code?: string };
  const id = info.code ? CSV_ERRORS[info.code] : undefined;
  const why = id
    ? tr(lang, id as 'csv.quoteNotClosed')
    : tr(lang, 'csv.otherError', { code: info.code ?? 'ERROR' });
  return new InputError(
    file,
    tr(lang, 'csv.invalid', { file: shownFile(file), line: info.lines ?? null, why }),
  );
}

function tooManyColumns(file: string, line: number, lang: Lang): InputError {
  return new InputError(
    file,
    tr(lang, 'read.tooManyColumns', { file: shownFile(file), line, limit: LIMITS.columns }),
  );
}

/** The first records of a text with the line each ends on (to find the header row and where it starts). */
type HeadRecords = Array<{ record: string[]; info: { lines: number } }>;

/** How many first records the header is looked for in. */
function headSearchRows(headerRow: number | undefined): number {
  return Math.max(HEADER_SEARCH_ROWS, headerRow ?? 0);
}

/**
 * The header row among the first records (past title rows, or the one given), and the line the records from
 * it on start at: title rows above it are not parsed again (shorter than the header, they would make the
 * parser build an error object for every row of the file).
 */
function headerAmong(
  head: HeadRecords,
  file: string,
  lang: Lang,
  header: { row?: number | undefined; dictionary: Dictionary },
): { headerRow: number; fromLine: number } {
  const headerRow = header.row ?? findHeaderRow((n) => head[n - 1]?.record ?? null, header.dictionary);
  if (header.row !== undefined && head.length < headerRow) {
    throw new InputError(
      file,
      tr(lang, 'header.rowBeyond', { file: shownFile(file), sheet: null, row: headerRow, rows: head.length }),
    );
  }
  return { headerRow, fromLine: headerRow > 1 ? (head[headerRow - 2]?.info.lines ?? 0) + 1 : 1 };
}

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
  const delimiter = detectDelimiter(text);
  const wide = lineOverColumnLimit(text, delimiter, LIMITS.columns);
  if (wide !== null) throw tooManyColumns(file, wide, lang);
  const options = parserOptions(delimiter);
  const parsed = <T>(run: () => T): T => {
    try {
      return run();
    } catch (error) {
      throw parseError(error, file, lang);
    }
  };
  let headerRow = 1;
  let fromLine = 1;
  if (header) {
    const head = parsed(
      () => parse(text, { ...options, info: true, to: headSearchRows(header.row) }) as unknown as HeadRecords,
    );
    ({ headerRow, fromLine } = headerAmong(head, file, lang, header));
  }
  const records = parsed(
    () => parse(text, { ...options, from_line: fromLine, to: LIMITS.csvRecords + 1 }) as string[][],
  );
  if (records.length > LIMITS.csvRecords) {
    throw new InputError(
      file,
      tr(lang, 'read.tooManyLines', { file: shownFile(file), limit: LIMITS.csvRecords }),
    );
  }
  return { records, delimiter, headerRow };
}

/** Turns a CSV file's records into communes (the header first), for both readers. */
class CsvRows {
  readonly columns: Column[];
  readonly ignored: string[];
  readonly headerRow: number;
  rows = 0;
  /** The spreadsheet's number of the last record read (the header's at first). */
  #row: number;
  #records = 1;
  readonly #header: string[];
  readonly #delimiter: string;
  readonly #idIndex: number;
  readonly #ids = new IdRegister();
  readonly #file: string;
  readonly #dictionary: Dictionary;
  readonly #lang: Lang;

  constructor(
    header: string[] | undefined,
    headerRow: number,
    delimiter: string,
    file: string,
    dictionary: Dictionary,
    options: CsvOptions,
  ) {
    const lang = options.lang ?? 'vi';
    const shown = shownFile(file);
    const blank = !header || header.every((cell) => cell.trim() === '');
    if (blank && options.headerRow !== undefined) {
      throw new InputError(file, tr(lang, 'header.rowEmpty', { file: shown, sheet: null, row: headerRow }));
    }
    if (!header || blank) throw new InputError(file, tr(lang, 'csv.empty', { file: shown }));
    const mapped = mapHeaders(header, dictionary, {
      ignoreUnknown: options.ignoreUnknownColumns ?? false,
      lang,
    });
    if (mapped.problems.length > 0) {
      if (options.headerRow === undefined && !looksLikeHeader(header, dictionary)) {
        mapped.problems.push({ column: '', reason: tr(lang, 'header.rowHint') });
      }
      throw new InputError(file, tr(lang, 'header.problems', { file: shown }), mapped.problems);
    }
    this.columns = mapped.columns;
    this.ignored = mapped.ignored;
    this.headerRow = headerRow;
    this.#row = headerRow;
    this.#header = header;
    this.#delimiter = delimiter;
    this.#idIndex =
      mapped.columns.find((c) => c.target.kind === 'field' && c.target.field === 'id')?.index ?? -1;
    this.#file = file;
    this.#dictionary = dictionary;
    this.#lang = lang;
  }

  #count(): void {
    if (++this.rows > LIMITS.dataRows) {
      throw new InputError(
        this.#file,
        tr(this.#lang, 'read.tooManyRows', { file: shownFile(this.#file), limit: LIMITS.dataRows }),
      );
    }
  }

  /**
   * The next record (after the header): a row to convert, or problems, or nothing for a blank or comment row.
   * Only what must follow the file's order is done here (see `screenRow`).
   */
  read(record: string[], pending: PendingRow[], problems: RowProblem[]): void {
    const file = this.#file;
    const lang = this.#lang;
    if (++this.#records > LIMITS.csvRecords) {
      throw new InputError(
        file,
        tr(lang, 'read.tooManyLines', { file: shownFile(file), limit: LIMITS.csvRecords }),
      );
    }
    // The row as the spreadsheet numbers it (title rows above the header count).
    const row = ++this.#row;
    const header = this.#header;
    const idText = record[this.#idIndex]?.trim() ?? '';
    // A comment row ("# …" in the id column) may hold anything, separators included.
    if (idText.startsWith('#') && !isExcelError(idText)) return;
    if (record.length > header.length && record.slice(header.length).some((cell) => cell.trim() !== '')) {
      problems.push({
        file,
        row,
        column: tr(lang, 'column.unnamed', { n: header.length + 1 }),
        value: record.slice(header.length).join(this.#delimiter),
        reason: tr(lang, 'row.extraCells', { cells: record.length, columns: header.length }),
        communeId: normalizeId(idText) || null,
      });
      this.#count();
      return;
    }
    const cells = record.map((text) => ({ kind: 'text' as const, text }));
    const screened = screenRow(cells, this.columns, row, this.#ids, lang);
    if (screened === null) return;
    this.#count();
    pending.push({ ...screened, cells: record });
  }

  /** Converts rows read by {@link read}. */
  convert(pending: readonly PendingRow[], problems: RowProblem[]): ReadCommune[] {
    return convertRows(pending, this.columns, {
      file: this.#file,
      dictionary: this.#dictionary,
      problems,
      lang: this.#lang,
    });
  }
}

/** Reads the communes of a whole CSV text. */
export function readCsvText(
  text: string,
  file: string,
  dictionary: Dictionary,
  options: CsvOptions = {},
): ReadResult {
  const lang = options.lang ?? 'vi';
  const { records, delimiter, headerRow } = csvRecords(text, file, lang, {
    row: options.headerRow,
    dictionary,
  });
  const reader = new CsvRows(records[0], headerRow, delimiter, file, dictionary, options);
  const problems: RowProblem[] = [];
  const pending: PendingRow[] = [];
  for (let i = 1; i < records.length; i++) reader.read(records[i] as string[], pending, problems);
  const communes = reader.convert(pending, problems);
  problems.sort((a, b) => (a.row ?? 0) - (b.row ?? 0));
  return {
    file,
    format: 'csv',
    unit: 'row',
    communes,
    problems,
    rows: reader.rows,
    columns: reader.columns,
    ignoredColumns: reader.ignored,
    headerRow,
  };
}

const PIECE = 1024 * 1024;

/** The text of a file's bytes, a piece at a time (UTF-8, or UTF-16 with its byte-order mark). */
async function* decodePieces(
  input: CsvInput,
  file: string,
  lang: Lang,
  read: (bytes: number) => void,
): AsyncGenerator<string> {
  const head = input.head;
  let decoder: TextDecoder;
  let skip = 0;
  if (head[0] === 0xff && head[1] === 0xfe) {
    decoder = new TextDecoder('utf-16le');
    skip = 2;
  } else if (head[0] === 0xfe && head[1] === 0xff) {
    decoder = new TextDecoder('utf-16be');
    skip = 2;
  } else {
    const binary = notTextReason(head, file, lang);
    if (binary) throw new InputError(file, binary);
    decoder = new TextDecoder('utf-8', { fatal: true });
    if (head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf) skip = 3;
  }
  let total = 0;
  try {
    for await (const piece of input.pieces()) {
      const from = Math.max(0, skip - total);
      total += piece.length;
      read(total);
      const text = decoder.decode(from > 0 ? piece.subarray(from) : piece, { stream: true });
      if (text.length > 0) yield text;
    }
    const rest = decoder.decode();
    if (rest.length > 0 || total <= skip) yield rest;
  } catch (error) {
    if (error instanceof InputError) throw error;
    throw new InputError(file, tr(lang, 'text.notUtf8', { file: shownFile(file) }));
  }
}

/** A CSV file's bytes, a piece at a time (see `InputPieces` in read.ts). */
export interface CsvInput {
  size: number;
  /** Its first bytes: the encoding is told from them. */
  head: Uint8Array;
  pieces(): AsyncIterable<Uint8Array>;
  close?(): Promise<void>;
}

/** The bytes of a CSV file already in memory, as a {@link CsvInput}. */
export function csvInputOf(bytes: Uint8Array): CsvInput {
  return {
    size: bytes.length,
    head: bytes.subarray(0, 64 * 1024),
    async *pieces() {
      for (let at = 0; at < bytes.length; at += PIECE) yield bytes.subarray(at, at + PIECE);
    },
  };
}

/**
 * Opens a CSV file for reading a batch of rows at a time: the text is decoded, checked (no line over the
 * column limit) and parsed a piece at a time. The header is found and read here: throws {@link InputError}
 * when the file cannot be used.
 */
export async function openCsv(
  input: CsvInput,
  file: string,
  dictionary: Dictionary,
  options: CsvOptions = {},
): Promise<CommuneSource> {
  const lang = options.lang ?? 'vi';
  let consumed = 0;
  const pieces = decodePieces(input, file, lang, (at) => {
    consumed = at;
  });
  // The first rows, read whole: the separator, the header row (past title rows) and the line it starts on
  // come from them. One record more than searched is parsed, so that the last one searched is complete.
  const searched = headSearchRows(options.headerRow);
  let head = '';
  let ended = false;
  let found: { records: HeadRecords; delimiter: ',' | ';' | '\t' } | null = null;
  while (!found) {
    const next = await pieces.next();
    if (next.done) ended = true;
    else head += next.value;
    if (!ended && !/[\r\n]/.test(head)) continue;
    const delimiter = detectDelimiter(head);
    const wide = lineOverColumnLimit(head, delimiter, LIMITS.columns);
    if (wide !== null) throw tooManyColumns(file, wide, lang);
    try {
      const records = parse(head, {
        ...parserOptions(delimiter),
        info: true,
        to: searched + 1,
      }) as unknown as HeadRecords;
      if (ended || records.length > searched) found = { records, delimiter };
    } catch (error) {
      // A quoted value the piece cut: read on, unless the text is complete.
      if (ended) throw parseError(error, file, lang);
    }
  }
  const { delimiter } = found;
  const { headerRow, fromLine } = headerAmong(found.records.slice(0, searched), file, lang, {
    row: options.headerRow,
    dictionary,
  });
  const scanner = new ColumnLimitScanner(delimiter, LIMITS.columns);
  async function* checked(): AsyncGenerator<string> {
    const wideHead = scanner.push(head);
    if (wideHead !== null) throw tooManyColumns(file, wideHead, lang);
    yield head;
    for await (const piece of pieces) {
      const wide = scanner.push(piece);
      if (wide !== null) throw tooManyColumns(file, wide, lang);
      yield piece;
    }
  }
  const parser = parseStream({ ...parserOptions(delimiter), from_line: fromLine, to: LIMITS.csvRecords + 1 });
  const text = Readable.from(checked(), { objectMode: false });
  let failure: unknown = null;
  text.on('error', (error) => {
    failure = error;
    parser.destroy(error);
  });
  text.pipe(parser);
  const records = parser[Symbol.asyncIterator]() as AsyncIterator<string[]>;
  const next = async (): Promise<IteratorResult<string[]>> => {
    try {
      return await records.next();
    } catch (error) {
      if (failure instanceof InputError) throw failure;
      if (error instanceof InputError) throw error;
      throw parseError(error, file, lang);
    }
  };
  const first = await next();
  const reader = new CsvRows(
    first.done ? undefined : first.value,
    headerRow,
    delimiter,
    file,
    dictionary,
    options,
  );
  return {
    file,
    lang,
    dictionary,
    bytes: input.size,
    format: 'csv',
    unit: 'row',
    columns: reader.columns,
    ignoredColumns: reader.ignored,
    headerRow,
    get rows() {
      return reader.rows;
    },
    get progress() {
      return input.size === 0 ? 1 : Math.min(1, consumed / input.size);
    },
    async *batches(size: number): AsyncGenerator<ReadBatch> {
      let pending: PendingRow[] = [];
      let problems: RowProblem[] = [];
      const batch = (): ReadBatch => ({ communes: [], pending, columns: reader.columns, problems });
      try {
        for (let record = await next(); !record.done; record = await next()) {
          reader.read(record.value, pending, problems);
          if (pending.length >= size) {
            yield batch();
            pending = [];
            problems = [];
          }
        }
      } finally {
        text.destroy();
        parser.destroy();
        await pieces.return(undefined);
        await input.close?.();
      }
      if (pending.length > 0 || problems.length > 0) yield batch();
    },
    async close() {
      text.destroy();
      parser.destroy();
      await input.close?.();
    },
  };
}

/** Reads a whole CSV file's bytes. */
export function readCsv(
  bytes: Uint8Array,
  file: string,
  dictionary: Dictionary,
  options: CsvOptions = {},
): ReadResult {
  return readCsvText(decodeText(bytes, file, options.lang), file, dictionary, options);
}
