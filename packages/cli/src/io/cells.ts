/**
 * The cell parser: turns one spreadsheet cell into a measure value (number, boolean, enum id or list, or
 * null for a missing value). The engine never converts text, so every reader goes through here.
 *
 * Rules (documented in docs/analysts.md, "Vietnamese number rules"):
 * - An empty cell (or only spaces) is a missing value (null).
 * - Decimal comma or decimal point: "85,5" = "85.5" = 85.5.
 * - A percent sign ("85%", "85 %", "85,5%") is allowed on percent measures only; it is an error elsewhere.
 * - Thousands separators ("1.234.567", "1 234", "1.234,5", "1,234.5") are read in money columns only.
 * - "1.234" / "12,500" (one separator followed by exactly three digits) may be a thousands separator or a
 *   decimal one: it is an error naming both readings, unless the measure's own range rules one out (a
 *   percentage cannot be 1 234, so "12,345" in a percent column is 12.345).
 * - Yes/no: "Có"/"Không", "Đạt"/"Chưa đạt"/"Không đạt", true/false, yes/no, 1/0 (accents and case are
 *   ignored). "x" is refused: some sheets mark "yes" with it, others "no".
 * - Enums: the value's id or its Vietnamese or English label; several values (multiple-choice measures)
 *   separated by ";" or ",". "Không"/"none" is the empty list.
 * - Excel cells: numbers as they are (a cell formatted as a percentage, 0.855 shown as 85.5 %, is 85.5);
 *   error cells (#DIV/0!, #N/A…) and dates are errors, never numbers.
 */
import type { Measure, MeasureValue } from '@nongthonmoi/core';
import type { Lang } from '../i18n.js';
import { tr } from '../messages.js';
import { escapeControls } from '../safe-text.js';
import { fold, plainSpaces, preview } from './text.js';
import type { ReadResult, RowProblem } from './types.js';

/** A cell as a reader found it, before it is given a meaning. */
export type RawCell =
  | { kind: 'empty' }
  | { kind: 'text'; text: string }
  /** `percentFormat`: the spreadsheet shows the number as a percentage (Excel stores 85 % as 0.85). */
  | { kind: 'number'; value: number; percentFormat?: boolean }
  | { kind: 'boolean'; value: boolean }
  | { kind: 'date'; value: Date }
  /**
   * An Excel error value such as #DIV/0! (`error`), or a cell that cannot be read for another reason
   * (a formula without a stored result, a merged cell): `error` is what the cell shows, `reason` says why.
   */
  | { kind: 'error'; error: string; reason?: string };

export type CellResult = { ok: true; value: MeasureValue } | { ok: false; reason: string };

const ok = (value: MeasureValue): CellResult => ({ ok: true, value });
const fail = (reason: string): CellResult => ({ ok: false, reason });

/** The measure fields the parser needs (a subset of core's `Measure`). */
export type MeasureSpec = Pick<Measure, 'type' | 'min' | 'max' | 'values' | 'multiple' | 'unit' | 'label'>;

const TRUE_WORDS = new Set(['co', 'dat', 'true', 'yes', '1', 'dung']);
const FALSE_WORDS = new Set(['khong', 'chua dat', 'khong dat', 'false', 'no', '0', 'chua', 'sai']);
const EMPTY_LIST_WORDS = new Set(['khong', 'none']);

function unitOf(measure: MeasureSpec, lang: Lang): string {
  if (measure.type === 'percent') return ' %';
  const unit = lang === 'en' ? measure.unit?.en || measure.unit?.vi : measure.unit?.vi;
  return unit ? ` ${unit}` : '';
}

/** Tidies floating-point noise (0.855 × 100 = 85.49999999999999 → 85.5). */
function tidy(value: number): number {
  return Number.parseFloat(value.toPrecision(12));
}

function minOf(measure: MeasureSpec): number {
  return (
    measure.min ??
    (measure.type === 'percent' || measure.type === 'count' || measure.type === 'money'
      ? 0
      : Number.NEGATIVE_INFINITY)
  );
}

function maxOf(measure: MeasureSpec): number {
  return measure.max ?? (measure.type === 'percent' ? 100 : Number.POSITIVE_INFINITY);
}

/** Why `value` does not fit the measure's range and type, or null. */
export function checkNumber(value: number, measure: MeasureSpec, lang: Lang = 'vi'): string | null {
  if (Number.isNaN(value)) return tr(lang, 'cell.notANumber');
  if (!Number.isFinite(value)) return tr(lang, 'cell.tooLarge');
  if (measure.type === 'count' && !Number.isInteger(value)) {
    return tr(lang, 'cell.notWhole', { value: String(value) });
  }
  const unit = unitOf(measure, lang);
  const min = minOf(measure);
  const max = maxOf(measure);
  if (value < min) return tr(lang, 'cell.belowMin', { value: String(value), min: String(min), unit });
  if (value > max) return tr(lang, 'cell.aboveMax', { value: String(value), max: String(max), unit });
  return null;
}

function numberResult(value: number, measure: MeasureSpec, lang: Lang): CellResult {
  const reason = checkNumber(value, measure, lang);
  return reason ? fail(reason) : ok(value);
}

function fits(value: number, measure: MeasureSpec): boolean {
  return checkNumber(value, measure) === null;
}

const DATE_LIKE = /^\d{1,4}[/-]\d{1,2}[/-]\d{1,4}$/;

/** Excel's error values, as a CSV export writes them (`#N/A`, `#DIV/0!`…). */
const EXCEL_ERRORS =
  /^#(?:NULL!|DIV\/0!|VALUE!|REF!|NAME\?|NUM!|N\/A|GETTING_DATA|SPILL!|CALC!|FIELD!|BLOCKED!|CONNECT!|BUSY!|UNKNOWN!|EXTERNAL!|PYTHON!)$/i;

/** True when `text` is an Excel error value written out as text (a CSV export of an error cell). */
export function isExcelError(text: string): boolean {
  return EXCEL_ERRORS.test(text.trim());
}

/**
 * A cell's text for a message: quoted, shortened when it is long, and with control and bidi characters shown
 * as escapes (JSON.stringify escapes C0 controls; C1 and bidi characters are made visible too).
 */
export function quote(text: string): string {
  return escapeControls(JSON.stringify(preview(text)));
}

/**
 * Reads a number written as text, with the Vietnamese conventions above. `measure` decides whether a
 * percent sign and thousands separators are allowed, and settles "1.234" when its range allows one reading.
 */
export function parseNumber(input: string, measure: MeasureSpec, lang: Lang = 'vi'): CellResult {
  let text = plainSpaces(input)
    .trim()
    .replace(/\u2212/g, '-');
  if (text === '') return ok(null);
  const shown = quote(input.trim());
  if (text.startsWith('=')) return fail(tr(lang, 'cell.formula', { shown }));
  let percent = false;
  const percentMatch = /^(.*?)\s*%$/.exec(text);
  if (percentMatch) {
    percent = true;
    text = (percentMatch[1] as string).trim();
    if (measure.type !== 'percent') {
      const unit = (lang === 'en' ? measure.unit?.en || measure.unit?.vi : measure.unit?.vi) ?? '';
      return fail(tr(lang, 'cell.percentSignNotPercent', { shown, unit }));
    }
  }
  if (text === '-' || text === '–' || text === '—') return fail(tr(lang, 'cell.dash', { shown }));
  let sign = 1;
  if (text.startsWith('-') || text.startsWith('+')) {
    if (text.startsWith('-')) sign = -1;
    text = text.slice(1).trim();
  }
  if (/^\d+$/.test(text)) return numberResult(sign * Number(text), measure, lang);
  if (/^[\d.,\s]*\d[\d.,\s]*[eE][+-]?\d+$/.test(text)) return fail(tr(lang, 'cell.scientific', { shown }));
  if (DATE_LIKE.test(text) && !percent) return fail(tr(lang, 'cell.dateLike', { shown }));
  if (!/^[\d][\d.,\s]*$/.test(text) || !/\d$/.test(text)) {
    return fail(tr(lang, 'cell.notANumberShown', { shown, percent: measure.type === 'percent' }));
  }
  const money = measure.type === 'money';
  const grouped = (value: number): CellResult => {
    if (!money) return fail(tr(lang, 'cell.groupedNotMoney', { shown, value: String(value) }));
    return numberResult(sign * value, measure, lang);
  };
  // Spaces: only as thousands separators, in groups of three ("1 234 567", "1 234,5").
  if (/\s/.test(text)) {
    const match = /^(\d{1,3}(?: \d{3})+)(?:[.,](\d+))?$/.exec(text);
    if (!match) return fail(tr(lang, 'cell.spaces', { shown }));
    const whole = (match[1] as string).replace(/ /g, '');
    return grouped(Number(match[2] ? `${whole}.${match[2]}` : whole));
  }
  const dots = (text.match(/\./g) ?? []).length;
  const commas = (text.match(/,/g) ?? []).length;
  if (dots > 0 && commas > 0) {
    // Both: the last one is the decimal separator, the other groups thousands ("1.234,5" or "1,234.5").
    const vietnamese = /^(\d{1,3}(?:\.\d{3})+),(\d+)$/.exec(text);
    const english = /^(\d{1,3}(?:,\d{3})+)\.(\d+)$/.exec(text);
    const match = vietnamese ?? english;
    if (!match) return fail(tr(lang, 'cell.mixedSeparators', { shown }));
    const whole = (match[1] as string).replace(/[.,]/g, '');
    return grouped(Number(`${whole}.${match[2]}`));
  }
  const separator = dots > 0 ? '.' : ',';
  const count = dots + commas;
  const parts = text.split(separator);
  if (count > 1) {
    // "1.234.567": only thousands grouping has several separators of one kind.
    if (!parts.slice(1).every((part) => part.length === 3) || (parts[0] as string).length > 3) {
      return fail(tr(lang, 'cell.badGrouping', { shown, separator }));
    }
    return grouped(Number(parts.join('')));
  }
  const [whole, fraction] = parts as [string, string];
  if (whole === '' || fraction === '') {
    return fail(tr(lang, 'cell.notANumberShown', { shown, percent: false }));
  }
  const asDecimal = sign * Number(`${whole}.${fraction}`);
  if (fraction.length === 3 && /^[1-9]\d{0,2}$/.test(whole)) {
    // "1.234": thousands separator or decimal separator? Settled only when the measure's range rules one out.
    const asThousands = sign * Number(`${whole}${fraction}`);
    const decimalFits = fits(asDecimal, measure);
    const thousandsFits = fits(asThousands, measure);
    if (decimalFits && thousandsFits) {
      return fail(
        tr(lang, 'cell.ambiguousSeparator', {
          shown,
          thousands: String(asThousands),
          decimal: `${whole},${fraction}`,
          separator,
          decimalWritten: `${whole},${fraction}0`,
        }),
      );
    }
    if (thousandsFits) return grouped(Math.abs(asThousands));
  }
  return numberResult(asDecimal, measure, lang);
}

/** Reads a yes/no cell. */
export function parseBoolean(input: string, lang: Lang = 'vi'): CellResult {
  const text = plainSpaces(input).trim();
  if (text === '') return ok(null);
  const word = fold(text);
  if (TRUE_WORDS.has(word)) return ok(true);
  if (FALSE_WORDS.has(word)) return ok(false);
  if (word === 'x' || word === 'v') return fail(tr(lang, 'cell.booleanAmbiguous', { shown: quote(text) }));
  return fail(tr(lang, 'cell.booleanExpected', { shown: quote(text) }));
}

function enumLookup(measure: MeasureSpec): Map<string, string> {
  const lookup = new Map<string, string>();
  for (const item of measure.values ?? []) {
    lookup.set(item.id, item.id);
    lookup.set(fold(item.id), item.id);
    lookup.set(fold(item.label.vi), item.id);
    lookup.set(fold(item.label.en), item.id);
  }
  return lookup;
}

const lookups = new WeakMap<object, Map<string, string>>();

/** Reads an enum cell: ids or labels; for a multiple-choice measure, a list separated by ";" or ",". */
export function parseEnum(input: string, measure: MeasureSpec, lang: Lang = 'vi'): CellResult {
  const text = plainSpaces(input).trim();
  if (text === '') return ok(null);
  let lookup = lookups.get(measure);
  if (!lookup) {
    lookup = enumLookup(measure);
    lookups.set(measure, lookup);
  }
  const allowed = (measure.values ?? [])
    .map((item) => `${item.id} (${lang === 'en' ? item.label.en || item.label.vi : item.label.vi})`)
    .join(', ');
  const one = (part: string): string | null => lookup.get(part) ?? lookup.get(fold(part)) ?? null;
  if (!measure.multiple) {
    const id = one(text);
    return id ? ok(id) : fail(tr(lang, 'cell.enumUnknown', { shown: quote(text), allowed }));
  }
  if (EMPTY_LIST_WORDS.has(fold(text))) return ok([]);
  const parts = (text.includes(';') ? text.split(';') : text.split(','))
    .map((part) => part.trim())
    .filter((part) => part !== '');
  const ids: string[] = [];
  for (const part of parts) {
    const id = one(part);
    if (!id) return fail(tr(lang, 'cell.enumUnknownInList', { shown: quote(part), allowed }));
    if (ids.includes(id)) return fail(tr(lang, 'cell.enumTwice', { id }));
    ids.push(id);
  }
  return ok(ids);
}

function describeDate(date: Date, lang: Lang): string {
  return Number.isNaN(date.getTime()) ? tr(lang, 'cell.invalidDate') : date.toISOString().slice(0, 10);
}

/**
 * Turns one cell into a value for `measure`. A plain string is read as typed text (CSV); a {@link RawCell}
 * carries what a spreadsheet stored (number, boolean, date, error).
 */
export function parseCell(
  cell: RawCell | string | null | undefined,
  measure: MeasureSpec,
  lang: Lang = 'vi',
): CellResult {
  if (cell === null || cell === undefined) return ok(null);
  const raw: RawCell = typeof cell === 'string' ? { kind: 'text', text: cell } : cell;
  switch (raw.kind) {
    case 'empty':
      return ok(null);
    case 'error':
      return fail(raw.reason ?? tr(lang, 'cell.spreadsheetError', { error: escapeControls(raw.error) }));
    case 'date':
      return fail(
        tr(lang, 'cell.dateInCell', {
          date: describeDate(raw.value, lang),
          boolean: measure.type === 'boolean',
        }),
      );
    case 'text':
      if (isExcelError(raw.text)) {
        return fail(tr(lang, 'cell.spreadsheetError', { error: raw.text.trim() }));
      }
      if (measure.type === 'boolean') return parseBoolean(raw.text, lang);
      if (measure.type === 'enum') return parseEnum(raw.text, measure, lang);
      return parseNumber(raw.text, measure, lang);
    case 'boolean':
      if (measure.type === 'boolean') return ok(raw.value);
      return fail(
        tr(lang, 'cell.booleanGiven', { value: raw.value ? 'TRUE' : 'FALSE', list: measure.type === 'enum' }),
      );
    case 'number': {
      if (measure.type === 'boolean') {
        if (raw.value === 1) return ok(true);
        if (raw.value === 0) return ok(false);
        return fail(tr(lang, 'cell.numberForBoolean', { value: String(raw.value) }));
      }
      if (measure.type === 'enum') return parseEnum(String(raw.value), measure, lang);
      if (raw.percentFormat) {
        if (measure.type !== 'percent') {
          return fail(tr(lang, 'cell.percentFormatNotPercent', { percent: String(tidy(raw.value * 100)) }));
        }
        return numberResult(tidy(raw.value * 100), measure, lang);
      }
      return numberResult(raw.value, measure, lang);
    }
  }
}

/** Shows a parsed value back in the spreadsheet's words (for messages). */
export function showValue(value: unknown, lang: Lang = 'vi'): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'boolean')
    return value ? (lang === 'en' ? 'Yes' : 'Có') : lang === 'en' ? 'No' : 'Không';
  if (Array.isArray(value)) return value.join('; ');
  return preview(value);
}

/** A typed JSON value for a message: shortened, quoted when it is text, control characters made visible. */
function shownValue(value: unknown): string {
  return typeof value === 'string' ? quote(value) : escapeControls(preview(value));
}

/** Checks a value that is already typed (JSON input): no text conversion, only type and range. */
export function checkValue(value: unknown, measure: MeasureSpec, lang: Lang = 'vi'): string | null {
  if (value === null || value === undefined) return null;
  switch (measure.type) {
    case 'boolean':
      return typeof value === 'boolean'
        ? null
        : tr(lang, 'json.expectedBoolean', { shown: shownValue(value) });
    case 'enum': {
      const ids = new Set((measure.values ?? []).map((item) => item.id));
      const list = [...ids].join(', ');
      if (measure.multiple) {
        if (!Array.isArray(value)) return tr(lang, 'json.expectedList', { list, shown: shownValue(value) });
        for (const item of value) {
          if (typeof item !== 'string' || !ids.has(item)) {
            return tr(lang, 'json.unknownListValue', { shown: shownValue(item), list });
          }
        }
        if (new Set(value).size !== value.length) return tr(lang, 'json.listRepeats');
        return null;
      }
      return typeof value === 'string' && ids.has(value)
        ? null
        : tr(lang, 'json.expectedOneOf', { list, shown: shownValue(value) });
    }
    default:
      if (typeof value !== 'number') {
        return typeof value === 'string'
          ? tr(lang, 'json.expectedNumberGotText', { shown: quote(value) })
          : tr(lang, 'json.expectedNumber', { shown: shownValue(value) });
      }
      return checkNumber(value, measure, lang);
  }
}

const plainNumbers: Record<Lang, Intl.NumberFormat> = {
  vi: new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 6, useGrouping: false }),
  en: new Intl.NumberFormat('en-GB', { maximumFractionDigits: 6, useGrouping: false }),
};

/** A number as the reader writes it: decimal comma in Vietnamese (0,955), point in English. */
function shownNumber(value: number, lang: Lang): string {
  return plainNumbers[lang].format(value);
}

/**
 * What the percentage-as-fraction check needs of a percent column, gathered in one pass (a batch at a time
 * when a file is streamed, in whichever thread converted the rows): the fractions (few), and the range of the
 * other values. Plain data, so that a worker's can be sent back and merged.
 */
export interface PercentSpread {
  low: number;
  high: number;
  fractions: Array<{ row: number; id: string; value: number }>;
}

/** Spreads by measure key. */
export type PercentSpreads = Record<string, PercentSpread>;

/** Adds communes (with their rows) to the spreads of the percent measures `keys`. */
export function addPercentSpreads(
  spreads: PercentSpreads,
  keys: readonly string[],
  communes: ReadonlyArray<{ row: number; commune: { id: string; values?: Record<string, unknown> } }>,
): PercentSpreads {
  for (const key of keys) {
    let spread = spreads[key];
    for (const { row, commune } of communes) {
      const value = commune.values?.[key];
      if (typeof value !== 'number') continue;
      spread ??= spreads[key] = {
        low: Number.POSITIVE_INFINITY,
        high: Number.NEGATIVE_INFINITY,
        fractions: [],
      };
      if (value > 0 && value < 1) spread.fractions.push({ row, id: commune.id, value });
      else {
        if (value < spread.low) spread.low = value;
        if (value > spread.high) spread.high = value;
      }
    }
  }
  return spreads;
}

/** Merges `more` into `into` (a batch's spreads into the file's). */
export function mergePercentSpreads(into: PercentSpreads, more: PercentSpreads): void {
  for (const [key, spread] of Object.entries(more)) {
    const known = into[key];
    if (!known) {
      into[key] = { low: spread.low, high: spread.high, fractions: [...spread.fractions] };
      continue;
    }
    known.low = Math.min(known.low, spread.low);
    known.high = Math.max(known.high, spread.high);
    for (const fraction of spread.fractions) known.fractions.push(fraction);
  }
}

/** The percent columns of a file, by measure key, with the header the user knows them by (JSON: the field). */
export function percentColumns(
  read: Pick<ReadResult, 'columns' | 'format'>,
  measures: ReadonlyMap<string, Pick<Measure, 'type'>>,
): Map<string, string> {
  const columns = new Map<string, string>();
  for (const column of read.columns) {
    if (column.target.kind === 'measure' && column.target.measure.type === 'percent') {
      columns.set(column.target.key, column.header);
    }
  }
  if (read.format === 'json') {
    for (const [key, measure] of measures) if (measure.type === 'percent') columns.set(key, `values.${key}`);
  }
  return columns;
}

/**
 * Percentages typed as fractions. In a percent column whose other values are all above 1, a value between 0
 * and 1 that is at least ten times smaller than all of them and whose hundredfold lies among them (0,955 with
 * 92,5 and 96,5 around it) is most likely 95,5 % written the way Excel stores a percentage. ntm does not guess:
 * the value is kept as written (0,955 %) and a warning names the file, row and column. A small percentage that
 * is meant (0,8 % of households among 2,5 and 3,1; 0,5 % among values from 1,5 to 99,5) is not flagged.
 */
export function percentFractionWarnings(
  read: ReadResult,
  measures: ReadonlyMap<string, Pick<Measure, 'type'>>,
  lang: Lang = 'vi',
): RowProblem[] {
  const columns = percentColumns(read, measures);
  const spreads = addPercentSpreads({}, [...columns.keys()], read.communes);
  return spreadWarnings(spreads, columns, read.file, lang);
}

/** The warnings of {@link percentFractionWarnings} from the spreads of a file's percent `columns`. */
export function spreadWarnings(
  spreads: PercentSpreads,
  columns: ReadonlyMap<string, string>,
  file: string,
  lang: Lang = 'vi',
): RowProblem[] {
  const warnings: RowProblem[] = [];
  for (const [key, header] of columns) {
    const spread = spreads[key];
    if (!spread) continue;
    const { fractions, low, high } = spread;
    if (fractions.length === 0 || high === Number.NEGATIVE_INFINITY || !(low > 1)) continue;
    for (const item of fractions) {
      const percent = Number.parseFloat((item.value * 100).toPrecision(12));
      // A fraction stands far below every other value, and its hundredfold among them.
      if (item.value * 10 > low || percent < low / 2 || percent > high * 1.5) continue;
      const value = shownNumber(item.value, lang);
      warnings.push({
        file,
        row: item.row,
        column: header,
        value,
        reason: tr(lang, 'percent.fraction', {
          value,
          percent: shownNumber(percent, lang),
          others:
            low === high ? shownNumber(low, lang) : `${shownNumber(low, lang)}–${shownNumber(high, lang)}`,
        }),
        communeId: item.id,
      });
    }
  }
  return warnings.sort((a, b) => (a.row ?? 0) - (b.row ?? 0));
}
