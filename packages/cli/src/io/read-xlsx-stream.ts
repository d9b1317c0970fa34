/**
 * Reads a worksheet a row at a time, straight from the XML in the archive (see xml-scan.ts), in memory that
 * does not depend on its size: the workbook's small parts (sheet list, styles, shared strings) are read whole,
 * the sheet is inflated and scanned twice, a piece at a time. The first pass finds the merged ranges (written
 * after the rows) and checks that the part unpacks to what it declares; the second reads the rows, which are
 * turned into communes as they come.
 *
 * A cell holds what exceljs made of it when ntm loaded whole workbooks with it (read-xlsx.ts), so that a file
 * reads as it did: the corpus tests compare the two readers. A cell covered by a merged range is empty in the
 * header rows and, in a data row, an error when the range holds a value (reading it as empty would silently
 * drop the value; repeating it would be a guess).
 */
import type { Lang } from '../i18n.js';
import { tr } from '../messages.js';
import { escapeControls } from '../safe-text.js';
import type { RawCell } from './cells.js';
import {
  COMMUNE_FIELDS,
  type Column,
  type Dictionary,
  findHeaderRow,
  HEADER_SEARCH_ROWS,
  looksLikeHeader,
  mapHeaders,
} from './columns.js';
import { LIMITS } from './limits.js';
import { excelDate, fromValue, isDateValueFormat, type XlsxOptions, type XlsxValue } from './read-xlsx.js';
import { IdRegister, type PendingRow, screenRow } from './rows.js';
import type { CommuneSource, ReadBatch } from './source.js';
import { shownFile } from './text.js';
import { InputError, type RowProblem } from './types.js';
import { type ArchivePart, XlsxArchive } from './xlsx-archive.js';
import { attribute, XmlError, type XmlHandler, XmlScanner } from './xml-scan.js';

/** Excel's built-in number formats that exceljs knew by id (the others are defined in styles.xml). */
const BUILT_IN_FORMATS: Readonly<Record<number, string>> = {
  1: '0',
  2: '0.00',
  3: '#,##0',
  4: '#,##0.00',
  9: '0%',
  10: '0.00%',
  11: '0.00E+00',
  12: '# ?/?',
  13: '# ??/??',
  14: 'mm-dd-yy',
  15: 'd-mmm-yy',
  16: 'd-mmm',
  17: 'mmm-yy',
  18: 'h:mm AM/PM',
  19: 'h:mm:ss AM/PM',
  20: 'h:mm',
  21: 'h:mm:ss',
  22: 'm/d/yy "h":mm',
  37: '#,##0 ;(#,##0)',
  38: '#,##0 ;[Red](#,##0)',
  39: '#,##0.00 ;(#,##0.00)',
  40: '#,##0.00 ;[Red](#,##0.00)',
  45: 'mm:ss',
  46: '[h]:mm:ss',
  47: 'mmss.0',
  48: '##0.0E+0',
  49: '@',
};

/** `_x000D_` and the like: characters Excel escapes in shared strings and rich text. */
function unescapeExcel(text: string): string {
  return text.indexOf('_x') < 0
    ? text
    : text.replace(/_x([0-9A-F]{4})_/g, (_, hex: string) => String.fromCharCode(Number.parseInt(hex, 16)));
}

/** Reads a small part whole with a handler. */
function scanPart(archive: XlsxArchive, part: ArchivePart, handler: XmlHandler): void {
  const scanner = new XmlScanner(handler);
  scanner.push(new TextDecoder('utf-8', { fatal: true }).decode(archive.bytes(part)));
  scanner.end();
}

/** Collects the text of the elements a handler is inside of, while it wants it. */
class TextSink {
  wantsText = false;
  value = '';
  start(): void {
    this.wantsText = true;
    this.value = '';
  }
  text(text: string): void {
    this.value += text;
  }
  stop(): string {
    this.wantsText = false;
    return this.value;
  }
}

interface SheetEntry {
  name: string;
  part: ArchivePart;
}

interface Workbook {
  sheets: SheetEntry[];
  date1904: boolean;
}

/** The sheets in workbook order (those whose part exists: chart sheets and missing parts are left out). */
function readWorkbook(archive: XlsxArchive): Workbook {
  const workbookPart = archive.part('xl/workbook.xml');
  const relsPart = archive.part('xl/_rels/workbook.xml.rels');
  if (!workbookPart || !relsPart) throw new XmlError('no workbook part');
  const targets = new Map<string, string>();
  scanPart(archive, relsPart, {
    wantsText: false,
    open(name, attributes) {
      if (name !== 'Relationship') return;
      const id = attribute(attributes, 'Id');
      const target = attribute(attributes, 'Target');
      if (id !== null && target !== null) targets.set(id, target);
    },
    text() {},
    close() {},
  });
  const sheets: SheetEntry[] = [];
  let date1904 = false;
  scanPart(archive, workbookPart, {
    wantsText: false,
    open(name, attributes) {
      if (name === 'workbookPr') {
        const value = attribute(attributes, 'date1904');
        date1904 = value === '1' || value === 'true';
      } else if (name === 'sheet') {
        const sheetName = attribute(attributes, 'name');
        const target = targets.get(attribute(attributes, 'id') ?? '');
        if (sheetName === null || target === undefined || !/worksheets\//i.test(target)) return;
        const part = archive.part(`xl/${target.replace(/^(\s|\/xl\/)+/, '')}`);
        if (part) sheets.push({ name: sheetName, part });
      }
    },
    text() {},
    close() {},
  });
  return { sheets, date1904 };
}

/** The number format of each cell style (`s` of a cell), by style index. */
function readStyles(archive: XlsxArchive): Array<string | undefined> {
  const part = archive.part('xl/styles.xml');
  if (!part) return [];
  const codes = new Map<number, string>();
  const styles: Array<string | undefined> = [];
  let inCellXfs = false;
  scanPart(archive, part, {
    wantsText: false,
    open(name, attributes, empty) {
      if (name === 'numFmt') {
        const id = Number(attribute(attributes, 'numFmtId'));
        const code = attribute(attributes, 'formatCode');
        if (Number.isInteger(id) && code !== null) codes.set(id, code);
      } else if (name === 'cellXfs' && !empty) inCellXfs = true;
      else if (name === 'xf' && inCellXfs) {
        const id = Number(attribute(attributes, 'numFmtId') ?? 0);
        styles.push(id ? (codes.get(id) ?? BUILT_IN_FORMATS[id]) : undefined);
      }
    },
    text() {},
    close(name) {
      if (name === 'cellXfs') inCellXfs = false;
    },
  });
  return styles;
}

type SharedString = string | { richText: Array<{ text: string }> };

/** The shared strings (text cells point to them), within the limit on their number. */
function readSharedStrings(archive: XlsxArchive, file: string, lang: Lang): SharedString[] {
  const part = archive.part('xl/sharedStrings.xml');
  if (!part) return [];
  const strings: SharedString[] = [];
  const sink = new TextSink();
  let plain: string | null = null;
  let runs: Array<{ text: string }> | null = null;
  let inRun = false;
  let inPhonetic = false;
  scanPart(archive, part, {
    get wantsText() {
      return sink.wantsText;
    },
    open(name, _attributes, empty) {
      if (name === 'si') {
        if (strings.length >= LIMITS.xlsxCells) {
          throw new InputError(
            file,
            tr(lang, 'zip.tooManyStrings', { file: shownFile(file), limit: LIMITS.xlsxCells }),
          );
        }
        plain = null;
        runs = null;
        if (empty) strings.push('');
        return;
      }
      if (empty) return;
      if (name === 'rPh') inPhonetic = true;
      else if (name === 'r' && !inPhonetic) {
        inRun = true;
        runs ??= [];
      } else if (name === 't' && !inPhonetic) sink.start();
    },
    text(text) {
      sink.text(text);
    },
    close(name) {
      if (name === 'si') {
        strings.push(runs ? { richText: runs } : (plain ?? ''));
        return;
      }
      if (name === 'rPh') inPhonetic = false;
      else if (name === 'r' && inRun) inRun = false;
      else if (name === 't' && sink.wantsText) {
        const text = unescapeExcel(sink.stop());
        if (inRun) (runs as Array<{ text: string }>).push({ text });
        else plain = text;
      }
    },
  });
  return strings;
}

/** "AB12" → column 28, row 12 (1-based); null when it is not a cell reference. */
function cellAt(reference: string): { column: number; row: number } | null {
  const match = /^\$?([A-Za-z]{1,3})\$?(\d{1,7})$/.exec(reference);
  if (!match) return null;
  let column = 0;
  for (const char of (match[1] as string).toUpperCase()) column = column * 26 + (char.charCodeAt(0) - 64);
  return { column, row: Number(match[2]) };
}

function address(column: number, row: number): string {
  let letters = '';
  for (let n = column; n > 0; n = Math.floor((n - 1) / 26))
    letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  return `${letters}${row}`;
}

interface MergedRange {
  top: number;
  left: number;
  bottom: number;
  right: number;
  master: string;
}

/** Bytes that may be part of an XML name (and a namespace prefix). */
function isNameByte(byte: number | undefined): boolean {
  return (
    byte !== undefined &&
    ((byte >= 0x30 && byte <= 0x39) ||
      (byte >= 0x41 && byte <= 0x5a) ||
      (byte >= 0x61 && byte <= 0x7a) ||
      byte === 0x2d ||
      byte === 0x2e ||
      byte === 0x5f)
  );
}

/**
 * Where the tag holding the name found at `at` starts (`<mergeCells` or `<x:mergeCells`), or -1 when the name
 * is not a tag's: the byte "<" cannot occur inside a text or an attribute value.
 */
function tagStart(bytes: Uint8Array, at: number): number {
  if (bytes[at - 1] === 0x3c) return at - 1;
  if (bytes[at - 1] !== 0x3a) return -1;
  let i = at - 2;
  while (i >= 0 && at - i < 40 && isNameByte(bytes[i])) i--;
  return i >= 0 && i < at - 2 && bytes[i] === 0x3c ? i : -1;
}

/**
 * Pass one over the sheet: inflates it (the inflation refuses a part larger than declared), counts its cells
 * with content (by their closing tags: cells holding only a style are written `<c …/>`) and finds its merged
 * ranges, written after the rows. Only the bytes from `<mergeCells` on are decoded.
 */
async function surveySheet(
  archive: XlsxArchive,
  part: ArchivePart,
): Promise<{ ranges: MergedRange[]; cells: number }> {
  const marker = Buffer.from('mergeCells');
  let cellEnd: Buffer | null = null;
  let cells = 0;
  let carry: Buffer = Buffer.alloc(0);
  let tail: string[] | null = null;
  const decoder = new TextDecoder('utf-8', { fatal: true });
  for await (const piece of archive.pieces(part)) {
    if (tail) {
      tail.push(decoder.decode(piece, { stream: true }));
      continue;
    }
    const bytes =
      carry.length > 0
        ? Buffer.concat([carry, piece])
        : Buffer.from(piece.buffer, piece.byteOffset, piece.length);
    // The root element says whether the names have a prefix (`<x:worksheet`): the cells close with `</x:c>`.
    cellEnd ??= Buffer.from(
      `</${/<([\w.-]+:)?worksheet\b/.exec(bytes.subarray(0, 4096).toString('latin1'))?.[1] ?? ''}c>`,
    );
    const from = carry.length;
    for (
      let at = bytes.indexOf(cellEnd, Math.max(0, from - cellEnd.length + 1));
      at >= 0;
      at = bytes.indexOf(cellEnd, at + 1)
    ) {
      if (at + cellEnd.length > from) cells++;
    }
    let start = -1;
    for (let at = bytes.indexOf(marker); at >= 0 && start < 0; at = bytes.indexOf(marker, at + 1)) {
      start = tagStart(bytes, at);
    }
    if (start >= 0) {
      tail = [decoder.decode(bytes.subarray(start), { stream: true })];
      continue;
    }
    carry = Buffer.from(bytes.subarray(Math.max(0, bytes.length - 64)));
  }
  if (!tail) return { ranges: [], cells };
  const text = tail.join('') + decoder.decode();
  const ranges: MergedRange[] = [];
  for (const match of text.matchAll(/<(?:[\w.-]+:)?mergeCell\s([^>]*?)\/?>/g)) {
    const ref = attribute(match[1] as string, 'ref');
    if (ref === null) continue;
    const [from, to] = ref.split(':');
    const a = cellAt(from ?? '');
    const b = to === undefined ? a : cellAt(to);
    if (!a || !b) continue;
    const top = Math.min(a.row, b.row);
    const left = Math.min(a.column, b.column);
    ranges.push({
      top,
      left,
      bottom: Math.max(a.row, b.row),
      right: Math.max(a.column, b.column),
      master: address(left, top),
    });
  }
  return { ranges, cells };
}

/** The cells covered by merged ranges (each range but its top-left cell), row by row. */
class Coverage {
  readonly #ranges: MergedRange[];
  /** Sorted, disjoint row intervals holding at least one covered cell. */
  readonly #rows: Array<[number, number]>;
  #next = 0;
  readonly area: number;

  constructor(ranges: MergedRange[]) {
    this.#ranges = ranges.filter((range) => range.bottom > range.top || range.right > range.left);
    this.area = this.#ranges.reduce((sum, r) => sum + (r.bottom - r.top + 1) * (r.right - r.left + 1), 0);
    const intervals = this.#ranges
      .map((r): [number, number] => [r.right > r.left ? r.top : r.top + 1, r.bottom])
      .sort((a, b) => a[0] - b[0]);
    const merged: Array<[number, number]> = [];
    for (const interval of intervals) {
      const last = merged[merged.length - 1];
      if (last && interval[0] <= last[1] + 1) last[1] = Math.max(last[1], interval[1]);
      else merged.push([interval[0], interval[1]]);
    }
    this.#rows = merged;
  }

  get empty(): boolean {
    return this.#ranges.length === 0;
  }

  /** Whether `address` is the top-left cell of a range (whose value the covered cells would show). */
  isMaster(column: number, row: number): boolean {
    return this.#ranges.some((r) => r.left === column && r.top === row);
  }

  /** The covered cells of row `row`: column → the range's top-left cell. */
  covered(row: number): Map<number, MergedRange> | null {
    let cells: Map<number, MergedRange> | null = null;
    for (const range of this.#ranges) {
      if (row < range.top || row > range.bottom) continue;
      for (let column = range.left; column <= range.right; column++) {
        if (row === range.top && column === range.left) continue;
        cells ??= new Map();
        cells.set(column, range);
      }
    }
    return cells;
  }

  /** The rows with covered cells after `after` and before `before`, in order (rows asked for in order). */
  *rowsBetween(after: number, before: number): Generator<number> {
    while (this.#next < this.#rows.length) {
      const [from, to] = this.#rows[this.#next] as [number, number];
      if (to <= after) {
        this.#next++;
        continue;
      }
      for (let row = Math.max(from, after + 1); row <= to && row < before; row++) yield row;
      if (to < before) this.#next++;
      else return;
    }
  }
}

/** One row of the sheet: its cells by 0-based column (sparse). */
interface SheetRow {
  row: number;
  cells: RawCell[];
}

/**
 * Pass two's handler: turns the sheet's XML into rows of raw cells, as they complete. The header rows' covered
 * cells are empty; the data rows' are errors when their range holds a value.
 */
class SheetReader implements XmlHandler {
  readonly rows: SheetRow[] = [];
  finished = false;
  readonly #sink = new TextSink();
  readonly #strings: SharedString[];
  readonly #styles: Array<string | undefined>;
  readonly #date1904: boolean;
  readonly #coverage: Coverage;
  readonly #firstData: () => number;
  readonly #lang: Lang;
  /** The values of the ranges' top-left cells, by address, as met. */
  readonly #masters = new Map<string, RawCell>();
  #inSheetData = false;
  #row = 0;
  #current: RawCell[] | null = null;
  #column = 0;
  // The cell being read.
  #style: string | undefined;
  #type: string | null = null;
  #formula: string | null = null;
  #shareType: string | null = null;
  #ref: string | null = null;
  #value: string | undefined;
  /** A `<v>` element was there, even empty (a formula whose result is empty text). */
  #hasValue = false;
  #inline: { plain: string | undefined; runs: Array<{ text: string }> | null } | null = null;
  #inRun = false;
  #inPhonetic = false;
  #reading: 'f' | 'v' | 't' | null = null;

  constructor(options: {
    strings: SharedString[];
    styles: Array<string | undefined>;
    date1904: boolean;
    coverage: Coverage;
    firstData: () => number;
    lang: Lang;
  }) {
    this.#strings = options.strings;
    this.#styles = options.styles;
    this.#date1904 = options.date1904;
    this.#coverage = options.coverage;
    this.#firstData = options.firstData;
    this.#lang = options.lang;
  }

  get wantsText(): boolean {
    return this.#sink.wantsText;
  }

  text(text: string): void {
    this.#sink.text(text);
  }

  open(name: string, attributes: string, empty: boolean): void {
    if (!this.#inSheetData) {
      if (name === 'sheetData' && !empty) this.#inSheetData = true;
      return;
    }
    switch (name) {
      case 'row': {
        const number = Number(attribute(attributes, 'r') ?? this.#row + 1);
        if (!Number.isInteger(number) || number <= this.#row) throw new XmlError('rows out of order');
        this.#coveredRowsBefore(number);
        this.#row = number;
        this.#column = 0;
        this.#current = [];
        if (empty) this.#endRow();
        return;
      }
      case 'c': {
        const reference = attribute(attributes, 'r');
        const at = reference === null ? null : cellAt(reference);
        if (reference !== null && (!at || at.row !== this.#row)) throw new XmlError('cell outside its row');
        const column = at ? at.column : this.#column + 1;
        if (column <= this.#column) throw new XmlError('cells out of order');
        this.#column = column;
        const style = Number(attribute(attributes, 's') ?? 0);
        // Style 0 is the default: exceljs gave its cells no number format.
        this.#style = style ? this.#styles[style] : undefined;
        this.#type = attribute(attributes, 't');
        this.#formula = null;
        this.#shareType = null;
        this.#ref = null;
        this.#value = undefined;
        this.#hasValue = false;
        this.#inline = null;
        if (empty) this.#endCell();
        return;
      }
      case 'f':
        this.#shareType = attribute(attributes, 't');
        this.#ref = attribute(attributes, 'ref');
        this.#formula = '';
        if (!empty) {
          this.#reading = 'f';
          this.#sink.start();
        }
        return;
      case 'v':
        this.#hasValue = true;
        if (!empty) {
          this.#reading = 'v';
          this.#sink.start();
        }
        return;
      case 'is':
        this.#inline = { plain: undefined, runs: null };
        return;
      case 'rPh':
        if (!empty) this.#inPhonetic = true;
        return;
      case 'r':
        if (this.#inline && !this.#inPhonetic && !empty) {
          this.#inRun = true;
          this.#inline.runs ??= [];
        }
        return;
      case 't':
        if (this.#inline && !this.#inPhonetic && !empty) {
          this.#reading = 't';
          this.#sink.start();
        }
        return;
    }
  }

  close(name: string): void {
    if (!this.#inSheetData) return;
    switch (name) {
      case 'sheetData':
        this.#inSheetData = false;
        this.#coveredRowsBefore(Number.POSITIVE_INFINITY);
        this.finished = true;
        return;
      case 'row':
        this.#endRow();
        return;
      case 'c':
        this.#endCell();
        return;
      case 'f':
      case 'v':
        if (this.#reading === name) {
          const text = this.#sink.stop();
          if (name === 'f') this.#formula = text;
          // exceljs kept the text only when there was some (an empty <v/> is no value).
          // Outside formulas an empty <v/> is no value, as it was for exceljs.
          else if (text !== '') this.#value = text;
          this.#reading = null;
        }
        return;
      case 't':
        if (this.#reading === 't' && this.#inline) {
          const text = this.#sink.stop();
          this.#reading = null;
          // Rich text runs are unescaped like shared strings; plain inline text was kept as written.
          if (this.#inRun) (this.#inline.runs as Array<{ text: string }>).push({ text: unescapeExcel(text) });
          else this.#inline.plain = (this.#inline.plain ?? '') + text;
        }
        return;
      case 'r':
        this.#inRun = false;
        return;
      case 'rPh':
        this.#inPhonetic = false;
        return;
    }
  }

  /** The cell just read, as exceljs modelled it (see XlsxValue). */
  #valueOf(): XlsxValue {
    const text = this.#value;
    const type = this.#type;
    const numFmt = this.#style;
    if ((this.#formula !== null && this.#formula !== '') || this.#shareType !== null) {
      // A stored result of 0, FALSE or empty text is a result (exceljs dropped them, and ntm called such a
      // formula "never calculated").
      let result: XlsxValue;
      if (text === undefined && this.#hasValue && type === 'str') result = '';
      else if (text !== undefined) {
        if (type === 'str') result = text;
        else if (type === 'b') result = Number.parseInt(text, 10) !== 0;
        else if (type === 'e') result = { error: text };
        else {
          result = Number.parseFloat(text);
          if (isDateValueFormat(numFmt)) result = excelDate(result, this.#date1904);
        }
      }
      const formula = this.#formula || undefined;
      return this.#shareType === 'shared' && this.#ref === null
        ? { sharedFormula: true, result }
        : { formula, result };
    }
    if (this.#inline) {
      if (this.#inline.runs) return { richText: this.#inline.runs };
      return this.#inline.plain;
    }
    if (text === undefined) return undefined;
    switch (type) {
      case 's': {
        const index = Number.parseInt(text, 10);
        const shared = this.#strings[index];
        if (shared === undefined) throw new XmlError('no such shared string');
        return shared;
      }
      case 'str':
        return text;
      case 'inlineStr':
        return undefined;
      case 'b':
        return Number.parseInt(text, 10) !== 0;
      case 'e':
        return { error: text };
      default: {
        const number = Number.parseFloat(text);
        return isDateValueFormat(numFmt) ? excelDate(number, this.#date1904) : number;
      }
    }
  }

  #endCell(): void {
    if (!this.#current) return;
    const value = this.#valueOf();
    if (value === undefined) return;
    const cell = fromValue(value, this.#style, false, this.#lang);
    if (!this.#coverage.empty && this.#coverage.isMaster(this.#column, this.#row)) {
      this.#masters.set(address(this.#column, this.#row), cell);
    }
    this.#current[this.#column - 1] = cell;
  }

  #endRow(): void {
    const cells = this.#current;
    this.#current = null;
    if (!cells) return;
    const covered = this.#coverage.empty ? null : this.#coverage.covered(this.#row);
    if (covered) this.#cover(cells, covered, this.#row);
    if (cells.length > 0) this.rows.push({ row: this.#row, cells });
  }

  /** Rows that exist only through merged ranges (every cell covered), before row `before`. */
  #coveredRowsBefore(before: number): void {
    if (this.#coverage.empty) return;
    for (const row of this.#coverage.rowsBetween(this.#row, before)) {
      const cells: RawCell[] = [];
      this.#cover(cells, this.#coverage.covered(row) as Map<number, MergedRange>, row);
      if (cells.length > 0) this.rows.push({ row, cells });
    }
  }

  #cover(cells: RawCell[], covered: Map<number, MergedRange>, row: number): void {
    const data = row >= this.#firstData();
    for (const [column, range] of covered) {
      cells[column - 1] = data ? this.#coveredCell(range) : { kind: 'empty' };
    }
  }

  #coveredCell(range: MergedRange): RawCell {
    const shown = this.#masters.get(range.master) ?? { kind: 'empty' };
    if (shown.kind === 'empty' || (shown.kind === 'text' && shown.text.trim() === ''))
      return { kind: 'empty' };
    return {
      kind: 'error',
      error: tr(this.#lang, 'cell.mergedShown', { master: range.master }),
      reason: tr(this.#lang, 'cell.merged', { master: range.master }),
    };
  }
}

function textOf(cell: RawCell | undefined): string {
  if (!cell) return '';
  switch (cell.kind) {
    case 'text':
      return cell.text;
    case 'number':
      return String(cell.value);
    case 'boolean':
      return String(cell.value);
    default:
      return '';
  }
}

/** The merged ranges starting on the header row, as the message names them ("A1:C1"). */
function mergedHeaders(ranges: readonly MergedRange[], headerRow: number): string[] {
  return ranges
    .filter((range) => range.top === headerRow && (range.right > range.left || range.bottom > headerRow))
    .map((range) => {
      // Where its first covered cell is, row by row: the order the ranges were met in.
      const [row, column] =
        range.right > range.left ? [headerRow, range.left + 1] : [headerRow + 1, range.left];
      return { range, first: row * 100_000 + column };
    })
    .sort((a, b) => a.first - b.first)
    .map(({ range }) => `${range.master}:${address(range.right, Math.min(range.bottom, headerRow + 1))}`);
}

/**
 * Opens a workbook's sheet for reading a batch of rows at a time: the archive is checked, the merged ranges
 * found and the header read. Throws {@link InputError} when the file cannot be used.
 */
export async function openXlsx(
  bytes: Uint8Array,
  file: string,
  dictionary: Dictionary,
  options: XlsxOptions = {},
): Promise<CommuneSource> {
  const lang = options.lang ?? 'vi';
  const shown = shownFile(file);
  const unreadable = () => new InputError(file, tr(lang, 'xlsx.unreadable', { file: shown }));
  /** Runs a step that reads XML: a malformed part makes the workbook unreadable. */
  const reading = async <T>(step: () => T | Promise<T>): Promise<T> => {
    try {
      return await step();
    } catch (error) {
      // A malformed part, or text that is not UTF-8.
      if (
        error instanceof XmlError ||
        (error as { code?: string }).code === 'ERR_ENCODING_INVALID_ENCODED_DATA'
      )
        throw unreadable();
      throw error;
    }
  };
  const archive = XlsxArchive.open(bytes, file, lang);
  const workbook = await reading(() => readWorkbook(archive));
  const names = workbook.sheets.map((sheet) => sheet.name);
  const sheet = options.sheet
    ? workbook.sheets.find((candidate) => candidate.name === options.sheet)
    : workbook.sheets[0];
  if (!sheet) {
    throw new InputError(
      file,
      options.sheet
        ? tr(lang, 'xlsx.noSheetNamed', {
            file: shown,
            sheet: escapeControls(options.sheet),
            names: names.map((name) => escapeControls(name)).join(', '),
          })
        : tr(lang, 'xlsx.noSheet', { file: shown }),
    );
  }
  const sheetName = escapeControls(sheet.name);
  const styles = await reading(() => readStyles(archive));
  const strings = await reading(() => readSharedStrings(archive, file, lang));
  const survey = await reading(() => surveySheet(archive, sheet.part));
  const ranges = survey.ranges;
  const coverage = new Coverage(ranges);
  // Merged ranges count by their area (exceljs created each of their cells): refused before any row is read.
  if (survey.cells + coverage.area > LIMITS.xlsxCells) {
    throw new InputError(file, tr(lang, 'zip.tooManyCells', { file: shown, limit: LIMITS.xlsxCells }));
  }

  // Every row is read as data until the header is found (see below).
  let first = 1;
  const reader = new SheetReader({
    strings,
    styles,
    date1904: workbook.date1904,
    coverage,
    firstData: () => first,
    lang,
  });
  const scanner = new XmlScanner(reader);
  const decoder = new TextDecoder('utf-8', { fatal: true });
  const pieces = archive.pieces(sheet.part);
  let consumed = 0;
  /** Reads the sheet until `enough` holds or it ends; false when it ended. */
  const readUntil = async (enough: () => boolean): Promise<boolean> => {
    while (!enough()) {
      if (reader.finished) return false;
      const next = await pieces.next();
      if (next.done) {
        await reading(() => scanner.end());
        if (!reader.finished) throw unreadable();
        return false;
      }
      consumed += next.value.length;
      await reading(() => scanner.push(decoder.decode(next.value, { stream: true })));
      // The rows are all read: the rest of the part (merged ranges, layout) was read in pass one.
      if (reader.finished) {
        scanner.stop();
        await pieces.return(undefined);
      }
    }
    return true;
  };

  // The header: row 1, or the first row that reads as one past title rows (or the row given), then the row
  // under it (the template's key row, or data). Every row up to there is read first; they are read as data
  // rows (a covered cell hiding a value is an error), which for the header rows' texts is the same as empty.
  const searched = Math.max(HEADER_SEARCH_ROWS, options.headerRow ?? 0);
  await readUntil(() => reader.rows.some((row) => row.row > searched + 1));
  const head = reader.rows.filter((row) => row.row <= searched + 1);
  const lastRow = reader.rows.at(-1)?.row ?? 0;
  const rowCells = (number: number) => head.find((row) => row.row === number)?.cells ?? [];
  const rowTexts = (number: number): string[] | null =>
    number > lastRow ? null : rowCells(number).map((cell) => textOf(cell));
  const headerRow = options.headerRow ?? findHeaderRow(rowTexts, dictionary);
  if (options.headerRow !== undefined && headerRow > lastRow) {
    throw new InputError(
      file,
      tr(lang, 'header.rowBeyond', { file: shown, sheet: sheetName, row: headerRow, rows: lastRow }),
    );
  }
  const width = Math.max(rowCells(headerRow).length, rowCells(headerRow + 1).length);
  const labels = Array.from({ length: width }, (_, i) => textOf(rowCells(headerRow)[i]));
  if (labels.every((label) => label.trim() === '')) {
    throw new InputError(
      file,
      options.headerRow !== undefined
        ? tr(lang, 'header.rowEmpty', { file: shown, sheet: sheetName, row: headerRow })
        : tr(lang, 'xlsx.headerEmpty', { file: shown, sheet: sheetName }),
    );
  }
  const second = Array.from({ length: width }, (_, i) => textOf(rowCells(headerRow + 1)[i]));
  const fields = new Set<string>(COMMUNE_FIELDS);
  const keyRow =
    second[0]?.trim() === 'id' &&
    second.every((key) => key.trim() === '' || fields.has(key.trim()) || dictionary.measures.has(key.trim()));
  const headers = keyRow ? second : labels;
  const mapped = mapHeaders(headers, dictionary, {
    ignoreUnknown: options.ignoreUnknownColumns ?? false,
    lang,
  });
  const headerProblems = mapped.problems;
  if (headerProblems.length > 0) {
    if (options.headerRow === undefined && !looksLikeHeader(headers, dictionary)) {
      headerProblems.push({ column: '', reason: tr(lang, 'header.rowHint') });
    }
    const merged = mergedHeaders(ranges, headerRow);
    if (merged.length > 0) {
      headerProblems.push({
        column: '',
        reason: tr(lang, 'xlsx.mergedHeader', { ranges: merged.join(', ') }),
      });
    }
    throw new InputError(
      file,
      tr(lang, 'xlsx.headerProblems', { file: shown, sheet: sheetName }),
      headerProblems,
    );
  }
  if (keyRow) {
    // Messages name the columns as the user sees them: by their label in the header row.
    for (const column of mapped.columns) {
      const label = labels[column.index]?.trim();
      if (label) column.header = label;
    }
  }
  first = headerRow + (keyRow ? 2 : 1);
  // The rows above the first data row (title rows, the header, the key row) are not data.
  while (reader.rows.length > 0 && (reader.rows[0] as SheetRow).row < first) reader.rows.shift();

  let columns: Column[] = mapped.columns;
  const ids = new IdRegister();
  let rows = 0;
  const unnamed = (index: number): Column => ({
    index,
    header: tr(lang, 'column.unnamed', { n: index + 1 }),
    target: { kind: 'ignored' },
    unnamed: true,
  });

  const source: CommuneSource = {
    file,
    lang,
    dictionary,
    bytes: bytes.length,
    format: 'xlsx',
    unit: 'row',
    get columns() {
      return columns;
    },
    ignoredColumns: mapped.ignored,
    sheet: sheet.name,
    headerRow,
    get rows() {
      return rows;
    },
    get progress() {
      return sheet.part.size === 0 ? 1 : Math.min(1, consumed / sheet.part.size);
    },
    async *batches(size: number): AsyncGenerator<ReadBatch> {
      let pending: PendingRow[] = [];
      let problems: RowProblem[] = [];
      // The columns as they are when the batch is handed over (cells beyond the header may have added some).
      const batch = (): ReadBatch => ({ communes: [], pending, columns, problems });
      try {
        yield* rowsOf();
      } finally {
        await pieces.return(undefined);
      }
      async function* rowsOf(): AsyncGenerator<ReadBatch> {
        for (;;) {
          const more = await readUntil(() => reader.rows.length > 0);
          for (const { row, cells } of reader.rows.splice(0)) {
            if (row < first) continue;
            // Cells beyond the header are under unnamed columns: a value there is a problem of its row.
            if (cells.length > columns.length) {
              columns = [...columns];
              for (let index = columns.length; index < cells.length; index++) columns.push(unnamed(index));
            }
            const screened = screenRow(cells, columns, row, ids, lang);
            if (screened === null) continue;
            if (++rows > LIMITS.dataRows) {
              throw new InputError(
                file,
                tr(lang, 'read.tooManyRows', { file: shown, limit: LIMITS.dataRows }),
              );
            }
            pending.push({ ...screened, cells });
            if (pending.length >= size) {
              yield batch();
              pending = [];
              problems = [];
            }
          }
          if (!more) break;
        }
        if (pending.length > 0 || problems.length > 0) yield batch();
      }
    },
    async close() {
      await pieces.return(undefined);
    },
  };
  return source;
}
