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
import { fold, plainSpaces, preview } from './text.js';

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

function unitOf(measure: MeasureSpec): string {
  if (measure.type === 'percent') return ' %';
  const unit = measure.unit?.vi;
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
export function checkNumber(value: number, measure: MeasureSpec): string | null {
  if (Number.isNaN(value)) return 'not a number';
  if (!Number.isFinite(value)) return 'the number is too large';
  if (measure.type === 'count' && !Number.isInteger(value)) return `expected a whole number, got ${value}`;
  const unit = unitOf(measure);
  const min = minOf(measure);
  const max = maxOf(measure);
  if (value < min) return `${value}${unit} is below the smallest valid value ${min}${unit}`;
  if (value > max) return `${value}${unit} is above the largest valid value ${max}${unit}`;
  return null;
}

function numberResult(value: number, measure: MeasureSpec): CellResult {
  const reason = checkNumber(value, measure);
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

/** A cell's text for a message: quoted, and shortened when it is long. */
export function quote(text: string): string {
  return JSON.stringify(preview(text));
}

/**
 * Reads a number written as text, with the Vietnamese conventions above. `measure` decides whether a
 * percent sign and thousands separators are allowed, and settles "1.234" when its range allows one reading.
 */
export function parseNumber(input: string, measure: MeasureSpec): CellResult {
  let text = plainSpaces(input)
    .trim()
    .replace(/\u2212/g, '-');
  if (text === '') return ok(null);
  const shown = quote(input.trim());
  if (text.startsWith('=')) {
    return fail(`${shown} is a formula, not its result: save the values (a CSV keeps no calculated result)`);
  }
  let percent = false;
  const percentMatch = /^(.*?)\s*%$/.exec(text);
  if (percentMatch) {
    percent = true;
    text = (percentMatch[1] as string).trim();
    if (measure.type !== 'percent') {
      const unit = measure.unit?.vi ? ` (its unit is ${measure.unit.vi})` : '';
      return fail(`${shown} has a percent sign, but this measure is not a percentage${unit}`);
    }
  }
  if (text === '-' || text === '–' || text === '—') {
    return fail(`${shown} is ambiguous (missing or zero?): leave the cell empty when the value is not known`);
  }
  let sign = 1;
  if (text.startsWith('-') || text.startsWith('+')) {
    if (text.startsWith('-')) sign = -1;
    text = text.slice(1).trim();
  }
  if (/^\d+$/.test(text)) return numberResult(sign * Number(text), measure);
  if (/^[\d.,\s]*\d[\d.,\s]*[eE][+-]?\d+$/.test(text)) {
    return fail(`${shown} is in scientific notation; write the number in full`);
  }
  if (DATE_LIKE.test(text) && !percent) {
    return fail(`${shown} looks like a date, not a number`);
  }
  if (!/^[\d][\d.,\s]*$/.test(text) || !/\d$/.test(text)) {
    return fail(`${shown} is not a number${measure.type === 'percent' ? ' (e.g. 85, 85,5 or 85,5 %)' : ''}`);
  }
  const money = measure.type === 'money';
  const grouped = (value: number): CellResult => {
    if (!money) {
      return fail(
        `${shown} uses thousands separators, which are read only in money columns; write ${value} without separators`,
      );
    }
    return numberResult(sign * value, measure);
  };
  // Spaces: only as thousands separators, in groups of three ("1 234 567", "1 234,5").
  if (/\s/.test(text)) {
    const match = /^(\d{1,3}(?: \d{3})+)(?:[.,](\d+))?$/.exec(text);
    if (!match) return fail(`${shown}: spaces inside a number are read only between groups of three digits`);
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
    if (!match) return fail(`${shown} mixes "." and "," in a way that is not a number`);
    const whole = (match[1] as string).replace(/[.,]/g, '');
    return grouped(Number(`${whole}.${match[2]}`));
  }
  const separator = dots > 0 ? '.' : ',';
  const count = dots + commas;
  const parts = text.split(separator);
  if (count > 1) {
    // "1.234.567": only thousands grouping has several separators of one kind.
    if (!parts.slice(1).every((part) => part.length === 3) || (parts[0] as string).length > 3) {
      return fail(`${shown} has several "${separator}" but is not grouped by thousands`);
    }
    return grouped(Number(parts.join('')));
  }
  const [whole, fraction] = parts as [string, string];
  if (whole === '' || fraction === '') return fail(`${shown} is not a number`);
  const asDecimal = sign * Number(`${whole}.${fraction}`);
  if (fraction.length === 3 && /^[1-9]\d{0,2}$/.test(whole)) {
    // "1.234": thousands separator or decimal separator? Settled only when the measure's range rules one out.
    const asThousands = sign * Number(`${whole}${fraction}`);
    const decimalFits = fits(asDecimal, measure);
    const thousandsFits = fits(asThousands, measure);
    if (decimalFits && thousandsFits) {
      return fail(
        `${shown} is ambiguous: ${asThousands} ("${separator}" as thousands separator) or ${whole},${fraction} ("${separator}" as decimal separator); write ${asThousands} for the first, or ${whole},${fraction}0 for the second`,
      );
    }
    if (thousandsFits) return grouped(Math.abs(asThousands));
  }
  return numberResult(asDecimal, measure);
}

/** Reads a yes/no cell. */
export function parseBoolean(input: string): CellResult {
  const text = plainSpaces(input).trim();
  if (text === '') return ok(null);
  const word = fold(text);
  if (TRUE_WORDS.has(word)) return ok(true);
  if (FALSE_WORDS.has(word)) return ok(false);
  if (word === 'x' || word === 'v') {
    return fail(
      `${quote(text)} is ambiguous (some sheets mark "yes" with it, others "no"): write Có or Không`,
    );
  }
  return fail(`expected Có or Không (also Đạt/Chưa đạt, true/false, yes/no, 1/0), got ${quote(text)}`);
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
export function parseEnum(input: string, measure: MeasureSpec): CellResult {
  const text = plainSpaces(input).trim();
  if (text === '') return ok(null);
  let lookup = lookups.get(measure);
  if (!lookup) {
    lookup = enumLookup(measure);
    lookups.set(measure, lookup);
  }
  const allowed = (measure.values ?? []).map((item) => `${item.id} (${item.label.vi})`).join(', ');
  const one = (part: string): string | null => lookup.get(part) ?? lookup.get(fold(part)) ?? null;
  if (!measure.multiple) {
    const id = one(text);
    return id ? ok(id) : fail(`unknown value ${quote(text)}; expected one of ${allowed}`);
  }
  if (EMPTY_LIST_WORDS.has(fold(text))) return ok([]);
  const parts = (text.includes(';') ? text.split(';') : text.split(','))
    .map((part) => part.trim())
    .filter((part) => part !== '');
  const ids: string[] = [];
  for (const part of parts) {
    const id = one(part);
    if (!id) return fail(`unknown value ${quote(part)}; expected values among ${allowed}`);
    if (ids.includes(id)) return fail(`the list names ${id} twice`);
    ids.push(id);
  }
  return ok(ids);
}

function describeDate(date: Date): string {
  return Number.isNaN(date.getTime()) ? 'an invalid date' : date.toISOString().slice(0, 10);
}

/**
 * Turns one cell into a value for `measure`. A plain string is read as typed text (CSV); a {@link RawCell}
 * carries what a spreadsheet stored (number, boolean, date, error).
 */
export function parseCell(cell: RawCell | string | null | undefined, measure: MeasureSpec): CellResult {
  if (cell === null || cell === undefined) return ok(null);
  const raw: RawCell = typeof cell === 'string' ? { kind: 'text', text: cell } : cell;
  switch (raw.kind) {
    case 'empty':
      return ok(null);
    case 'error':
      return fail(raw.reason ?? `the cell holds the spreadsheet error ${raw.error}`);
    case 'date':
      return fail(
        `the cell holds a date (${describeDate(raw.value)}), not a ${measure.type === 'boolean' ? 'yes/no value' : 'value'}: the spreadsheet formatted the number as a date; format the column as Number and retype it`,
      );
    case 'text':
      if (isExcelError(raw.text)) return fail(`the cell holds the spreadsheet error ${raw.text.trim()}`);
      if (measure.type === 'boolean') return parseBoolean(raw.text);
      if (measure.type === 'enum') return parseEnum(raw.text, measure);
      return parseNumber(raw.text, measure);
    case 'boolean':
      if (measure.type === 'boolean') return ok(raw.value);
      return fail(
        `expected a ${measure.type === 'enum' ? 'value from the list' : 'number'}, got ${raw.value}`,
      );
    case 'number': {
      if (measure.type === 'boolean') {
        if (raw.value === 1) return ok(true);
        if (raw.value === 0) return ok(false);
        return fail(`expected Có or Không (or 1/0), got the number ${raw.value}`);
      }
      if (measure.type === 'enum') return parseEnum(String(raw.value), measure);
      if (raw.percentFormat) {
        if (measure.type !== 'percent') {
          return fail(
            `the cell is formatted as a percentage (${tidy(raw.value * 100)} %), but this measure is not a percentage`,
          );
        }
        return numberResult(tidy(raw.value * 100), measure);
      }
      return numberResult(raw.value, measure);
    }
  }
}

/** Shows a parsed value back in the spreadsheet's words (for messages). */
export function showValue(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'boolean') return value ? 'Có' : 'Không';
  if (Array.isArray(value)) return value.join('; ');
  return preview(value);
}

/** Checks a value that is already typed (JSON input): no text conversion, only type and range. */
export function checkValue(value: unknown, measure: MeasureSpec): string | null {
  if (value === null || value === undefined) return null;
  switch (measure.type) {
    case 'boolean':
      return typeof value === 'boolean' ? null : `expected true or false, got ${preview(value)}`;
    case 'enum': {
      const ids = new Set((measure.values ?? []).map((item) => item.id));
      const list = [...ids].join(', ');
      if (measure.multiple) {
        if (!Array.isArray(value)) return `expected a list of values among ${list}, got ${preview(value)}`;
        for (const item of value) {
          if (typeof item !== 'string' || !ids.has(item))
            return `unknown value ${preview(item)}; expected ${list}`;
        }
        if (new Set(value).size !== value.length) return 'the list repeats a value';
        return null;
      }
      return typeof value === 'string' && ids.has(value)
        ? null
        : `expected one of ${list}, got ${preview(value)}`;
    }
    default:
      if (typeof value !== 'number') {
        return `expected a number, got ${typeof value === 'string' ? `the text ${quote(value)} (JSON values are not converted: write 85.5, not "85,5")` : preview(value)}`;
      }
      return checkNumber(value, measure);
  }
}
