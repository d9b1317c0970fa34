/**
 * Reads the cells of the target sheet into typed rows, reporting every cell that cannot be read (by sheet, row
 * and column). What a row means (a criterion, a target cell, a new indicator) is decided by `assemble`.
 */
import type { Comparator, Confidence, Rationale } from '@nongthonmoi/core';
import type { Lang } from '../i18n.js';
import { tr } from '../messages.js';
import type { BookRow } from './book.js';
import { TARGETS } from './layout.js';
import type { Place as CellPlace, Problems } from './problems.js';
import {
  cellError,
  cellText,
  isEmpty,
  isNone,
  type Parsed,
  type Place,
  parseComparator,
  parseConfidence,
  parseJsonCell,
  parsePlace,
  parseYears,
  parseYesNo,
  type SheetCell,
} from './vocabulary.js';

export interface Common {
  confidence?: Confidence | 'none';
  source?: string | 'none';
  quote?: string | 'none';
  rationale?: Rationale | 'none';
}

export interface TargetRow {
  row: number;
  cells: Record<string, SheetCell>;
  ruleset: string | null;
  criterion: string | null;
  indicator: string | null;
  text: string | null;
  unit: string | null;
  op: Comparator | 'met' | null;
  place: Place;
  years: string | null;
  confidence: Confidence | null;
  bound: boolean | null;
  document: string | null;
  part: string | null;
  item: string | null;
  guidance: string | null;
  source: string | null;
  quote: string | null;
  rationale: Rationale | null;
  nameEn: string | null;
  measure: string | null;
  logic: unknown;
  requirementEn: string | null;
  formula: unknown;
  applicableIf: unknown;
  placeholder: boolean | null;
  notesVi: string | null;
  notesEn: string | null;
  groupId: string | null;
  common: Common;
}

export const HEADERS: Record<string, string> = Object.fromEntries(
  TARGETS.columns.map((column) => [column.key, column.header]),
);

/** Reads cells of one sheet, reporting problems at their sheet, row and column. */
export class CellReader {
  constructor(
    readonly sheet: string,
    readonly headers: Record<string, string>,
    readonly problems: Problems,
    readonly lang: Lang,
  ) {}

  place(row: BookRow, key: string): CellPlace {
    return {
      sheet: this.sheet,
      row: row.row,
      column: this.headers[key] ?? key,
      value: row.cells[key] ?? null,
    };
  }

  /** Rows with a cell that could not be read: what they mean is not checked further (no cascade of problems). */
  readonly failedRows = new Set<number>();

  fail(row: BookRow, key: string, reason: string): null {
    this.problems.add(this.place(row, key), reason);
    this.failedRows.add(row.row);
    return null;
  }

  /** Free text as written (kept whole), or null when empty. */
  text(row: BookRow, key: string): string | null {
    const cell = row.cells[key] ?? null;
    if (isEmpty(cell)) return null;
    const error = cellError(cell, this.lang);
    if (error) return this.fail(row, key, error);
    if (cell instanceof Date) return this.fail(row, key, tr(this.lang, 'rt.notText'));
    return cellText(cell);
  }

  /** An identifier or a word from a list: trimmed text, or null when empty. */
  word(row: BookRow, key: string): string | null {
    return this.text(row, key)?.trim() || null;
  }

  parsed<T>(row: BookRow, key: string, parse: (text: string) => Parsed<T>): T | null {
    const text = this.word(row, key);
    if (text === null) return null;
    const result = parse(text);
    return result.ok ? result.value : this.fail(row, key, result.reason);
  }

  cell<T>(row: BookRow, key: string, parse: (cell: SheetCell) => Parsed<T>): T | null {
    const cell = row.cells[key] ?? null;
    const error = isEmpty(cell) ? null : cellError(cell, this.lang);
    if (error) return this.fail(row, key, error);
    const result = parse(cell);
    return result.ok ? result.value : this.fail(row, key, result.reason);
  }

  url(row: BookRow, key: string): string | null {
    const text = this.word(row, key);
    if (text === null) return null;
    return /^https?:\/\/\S+$/.test(text) ? text : this.fail(row, key, tr(this.lang, 'rt.url'));
  }
}

const ID = /^[A-Za-z0-9]+([.-][A-Za-z0-9]+)*$/;
const MEASURE_KEY = /^[a-z][a-z0-9_]*$/;

function rationaleOf(reader: CellReader, row: BookRow, vi: string, en: string): Rationale | null {
  const textVi = reader.text(row, vi);
  const textEn = reader.text(row, en);
  if (textVi === null) {
    if (textEn !== null) reader.fail(row, en, tr(reader.lang, 'rt.rationaleEnOnly'));
    return null;
  }
  return textEn === null ? { vi: textVi } : { vi: textVi, en: textEn };
}

function commonOf(reader: CellReader, row: BookRow): Common {
  const common: Common = {};
  const raw = (key: string) => reader.word(row, key);
  const confidence = raw('commonConfidence');
  if (confidence !== null) {
    if (isNone(confidence)) common.confidence = 'none';
    else {
      const parsed = parseConfidence(confidence, reader.lang);
      if (parsed.ok) common.confidence = parsed.value;
      else reader.fail(row, 'commonConfidence', parsed.reason);
    }
  }
  const source = raw('commonSource');
  if (source !== null)
    common.source = isNone(source) ? 'none' : (reader.url(row, 'commonSource') ?? undefined);
  const quoteText = reader.text(row, 'commonQuote');
  if (quoteText !== null) common.quote = isNone(quoteText) ? 'none' : quoteText;
  const vi = reader.text(row, 'commonRationaleVi');
  if (vi !== null && isNone(vi)) common.rationale = 'none';
  else {
    const rationale = rationaleOf(reader, row, 'commonRationaleVi', 'commonRationaleEn');
    if (rationale) common.rationale = rationale;
  }
  for (const key of Object.keys(common) as Array<keyof Common>)
    if (common[key] === undefined) delete common[key];
  return common;
}

const INLINE_COMPARATOR = /^\s*(≥|>=|=>|≤|<=|=<|≠|!=|<>|>|<|=)\s*(\S.*)$/;

/**
 * "≥ 64" typed in the target column: the comparator goes to its column (when that one is empty or says the
 * same), the number stays. A comparator that contradicts the column is reported.
 */
function splitInlineComparator(
  reader: CellReader,
  row: BookRow,
): { row: BookRow; op: Comparator | 'met' | null } {
  const { lang } = reader;
  const op = reader.parsed(row, 'op', (text) => parseComparator(text, lang));
  const value = row.cells.value;
  const inline = typeof value === 'string' ? INLINE_COMPARATOR.exec(value) : null;
  if (!inline) return { row, op };
  const typed = parseComparator(inline[1] as string, lang);
  if (!typed.ok) return { row, op };
  if (op !== null && op !== typed.value) {
    reader.fail(row, 'value', tr(lang, 'rt.inlineComparator', { column: HEADERS.op ?? '' }));
    return { row, op };
  }
  return { row: { row: row.row, cells: { ...row.cells, value: inline[2] as string } }, op: typed.value };
}

/** Reads one row of the target sheet. */
export function parseTargetRow(reader: CellReader, given: BookRow): TargetRow {
  const { lang } = reader;
  const { row, op } = splitInlineComparator(reader, given);
  const id = (key: string) => {
    const text = reader.word(row, key);
    if (text === null) return null;
    return ID.test(text) ? text : reader.fail(row, key, tr(lang, 'rt.id'));
  };
  const measure = reader.word(row, 'measure');
  return {
    row: row.row,
    cells: row.cells,
    ruleset: reader.word(row, 'ruleset'),
    criterion: id('criterion'),
    indicator: id('indicator'),
    text: reader.text(row, 'text'),
    unit: reader.word(row, 'unit'),
    op,
    place: reader.parsed(row, 'place', (text) => parsePlace(text, lang)) ?? { kind: 'none' },
    years: reader.parsed(row, 'years', (text) => parseYears(text, lang)),
    confidence: reader.parsed(row, 'confidence', (text) => parseConfidence(text, lang)),
    bound: reader.cell(row, 'bound', (cell) => parseYesNo(cell, lang)),
    document: reader.word(row, 'document'),
    part: reader.text(row, 'part'),
    item: reader.text(row, 'item'),
    guidance: reader.text(row, 'guidance'),
    source: reader.url(row, 'source'),
    quote: reader.text(row, 'quote'),
    rationale: rationaleOf(reader, row, 'rationaleVi', 'rationaleEn'),
    nameEn: reader.text(row, 'nameEn'),
    measure:
      measure === null || MEASURE_KEY.test(measure)
        ? measure
        : reader.fail(row, 'measure', tr(lang, 'rt.measureKey')),
    logic: reader.cell(row, 'logic', (cell) => parseJsonCell(cell, lang)) ?? undefined,
    requirementEn: reader.text(row, 'requirementEn'),
    formula: reader.cell(row, 'formula', (cell) => parseJsonCell(cell, lang)) ?? undefined,
    applicableIf: reader.cell(row, 'applicableIf', (cell) => parseJsonCell(cell, lang)) ?? undefined,
    placeholder: reader.cell(row, 'placeholder', (cell) => parseYesNo(cell, lang)),
    notesVi: reader.text(row, 'notesVi'),
    notesEn: reader.text(row, 'notesEn'),
    groupId: reader.word(row, 'groupId'),
    common: commonOf(reader, row),
  };
}

/** True when a row of the target sheet holds nothing at all (it is skipped). */
export function isBlankRow(row: BookRow): boolean {
  return Object.values(row.cells).every((cell) => isEmpty(cell ?? null));
}
