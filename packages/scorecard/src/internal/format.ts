import type { Messages } from './i18n.js';
import type { Problem } from './validate.js';

/** A `{vi, en}` text as core writes it; tolerant of a plain string or nothing. */
export type Localized = { vi?: string; en?: string } | string | null | undefined;

const numberFormats = new Map<string, Intl.NumberFormat>();
const dateFormats = new Map<string, Intl.DateTimeFormat>();
const listFormats = new Map<string, Intl.ListFormat>();

function numberFormat(locale: string): Intl.NumberFormat {
  let format = numberFormats.get(locale);
  if (!format) {
    format = new Intl.NumberFormat(locale, { maximumFractionDigits: 2 });
    numberFormats.set(locale, format);
  }
  return format;
}

// Embedding, override and isolate controls (LRE…RLO, LRI…PDI): in a name they could reorder the text around it.
const BIDI_CONTROLS = /[\u202a-\u202e\u2066-\u2069]/g;

/**
 * A string from the data, with bidi controls shown as `\u202E` rather than obeyed: a commune named
 * `"\u202Eabc"` cannot turn the element's own text around, and the reader sees that the name carries one.
 */
export function plain(value: unknown): string {
  return (typeof value === 'string' ? value : value == null ? '' : String(value)).replace(
    BIDI_CONTROLS,
    (control) => `\\u${control.charCodeAt(0).toString(16).toUpperCase()}`,
  );
}

/** Picks the text of the page language, falling back to the other one. */
export function localized(text: Localized, lang: 'vi' | 'en'): string {
  if (text === null || text === undefined) return '';
  return plain(typeof text === 'string' ? text : lang === 'en' ? (text.en ?? text.vi) : (text.vi ?? text.en));
}

/** A `Problem` in words: `result.criteria[3].status: phải là một trong các giá trị met, not-met, incomplete`. */
export function describeProblem(problem: Problem, messages: Messages): string {
  const words = messages.problem;
  const { expected, limit } = problem;
  const what = problem.unreadable
    ? words.unreadable
    : limit !== undefined
      ? words.tooMany(formatNumber(problem.count ?? 0, messages), formatNumber(limit, messages))
      : Array.isArray(expected)
        ? words.oneOf(expected.join(', '))
        : words.expected[expected ?? 'object'];
  return `${plain(problem.path)}: ${what}`;
}

/** A number in the page's locale: `85,5` in Vietnamese, `85.5` in English. */
export function formatNumber(value: number, messages: Messages): string {
  return numberFormat(messages.locale).format(value);
}

/** A number with its unit: `85,5 %`, `83 triệu đồng/người/năm`. */
export function formatQuantity(value: number, unit: string, messages: Messages): string {
  const number = formatNumber(value, messages);
  return unit ? `${number} ${unit}` : number;
}

/** An ISO date (YYYY-MM-DD) as `08/03/2022` (vi) or `8 March 2022` (en); anything else unchanged. */
export function formatDate(iso: string | null | undefined, messages: Messages): string {
  if (!iso) return '';
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!match) return plain(iso);
  let format = dateFormats.get(messages.locale);
  if (!format) {
    format = new Intl.DateTimeFormat(
      messages.locale,
      messages.locale.startsWith('vi')
        ? { day: '2-digit', month: '2-digit', year: 'numeric', timeZone: 'UTC' }
        : { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' },
    );
    dateFormats.set(messages.locale, format);
  }
  return format.format(new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]))));
}

export function formatList(items: readonly string[], messages: Messages): string {
  let format = listFormats.get(messages.locale);
  if (!format) {
    format = new Intl.ListFormat(messages.locale, { type: 'conjunction', style: 'narrow' });
    listFormats.set(messages.locale, format);
  }
  return format.format(items);
}

/** An indicator value (actual or target) in words. */
export function formatValue(value: unknown, unit: string, messages: Messages): string {
  if (value === null || value === undefined) return messages.noData;
  if (typeof value === 'boolean') return value ? messages.yes : messages.no;
  if (typeof value === 'number') return formatQuantity(value, unit, messages);
  if (Array.isArray(value)) {
    return value.length === 0 ? messages.noneSelected : formatList(value.map(plain), messages);
  }
  return plain(value);
}

const COMPARATOR_SIGNS: Record<string, string> = {
  '>=': '≥',
  '>': '>',
  '<=': '≤',
  '<': '<',
  '==': '=',
  '!=': '≠',
};

/** A target with its comparator: `≥ 95 %`; a yes/no target as `Có`/`Không`. */
export function formatTarget(
  target: unknown,
  comparator: string | null,
  unit: string,
  messages: Messages,
): string {
  if (target === null || target === undefined) return '—';
  if (typeof target === 'boolean') {
    const text = target ? messages.yes : messages.no;
    return comparator === '!=' ? `≠ ${text}` : text;
  }
  const value = formatValue(target, unit, messages);
  const sign = comparator ? COMPARATOR_SIGNS[comparator] : undefined;
  return sign && sign !== '=' ? `${sign} ${value}` : value;
}

/** The unit of a gap: percentage points for a percentage. */
export function gapUnit(unit: string, messages: Messages): string {
  return unit === '%' ? messages.percentagePoints : unit;
}

/**
 * The gap in words, from core's signed `gap` (negative = short of the target) and comparator:
 * "còn thiếu 2,5 điểm %", "vượt mức trần 1,5 điểm %", "còn thiếu 3 triệu đồng/người/năm".
 * The status is core's; this only says how far.
 */
export function formatGap(
  gap: number | null | undefined,
  comparator: string | null,
  status: string,
  unit: string,
  messages: Messages,
): string {
  if (typeof gap !== 'number' || !Number.isFinite(gap)) return '';
  const amount = formatQuantity(Math.abs(gap), gapUnit(unit, messages), messages);
  const ceiling = comparator === '<=' || comparator === '<';
  if (status === 'not-met') {
    if (comparator === '==' || comparator === '!=') return messages.gapOff(amount);
    return ceiling ? messages.gapOverCeiling(amount) : messages.gapShort(amount);
  }
  if (status === 'met') {
    if (gap === 0) return messages.gapExact;
    if (comparator === '==' || comparator === '!=') return '';
    return ceiling ? messages.gapBelowCeiling(amount) : messages.gapAbove(amount);
  }
  return '';
}

/** Only http(s) links are rendered as links (a `javascript:` URL in data must never become one). */
export function safeUrl(url: unknown): string | null {
  if (typeof url !== 'string') return null;
  try {
    const parsed = new URL(url, 'https://invalid.example/');
    if (parsed.origin === 'https://invalid.example') return null;
    return parsed.protocol === 'https:' || parsed.protocol === 'http:' ? parsed.href : null;
  } catch {
    return null;
  }
}
