/**
 * The words of a ruleset workbook, both ways: how a value is written in a cell (`format…`) and how a cell an
 * official typed is read back (`parse…`). Every `parse` accepts what its `format` writes (so a table round
 * trips exactly) and the other ways people type the same thing: "≥" or ">=", "64" or "64,5", "2022–2025" or
 * "2022-2025", "từ 2026", "chính thức", "ĐBSH" or "Đồng bằng sông Hồng"…
 */
import {
  COMMUNE_GROUP_NAMES,
  COMMUNE_GROUPS,
  CONFIDENCE_NAMES,
  type CommuneGroup,
  type Comparator,
  type Confidence,
  REGION_NAMES,
  REGIONS,
  type Region,
} from '@nongthonmoi/core';
import type { Lang } from '../i18n.js';
import { parseNumber } from '../io/cells.js';
import { fold, plainSpaces } from '../io/text.js';
import { tr } from '../messages.js';

/** A cell as read from a sheet: text, a number, a yes/no, a date, or an error the cell shows. */
export type SheetCell = null | string | number | boolean | Date | { error: string; reason?: string };

export type Parsed<T> = { ok: true; value: T } | { ok: false; reason: string };
const ok = <T>(value: T): Parsed<T> => ({ ok: true, value });
const fail = <T>(reason: string): Parsed<T> => ({ ok: false, reason });

/** The text of a cell ('' when empty); numbers as JavaScript writes them. */
export function cellText(cell: SheetCell): string {
  if (cell === null) return '';
  if (typeof cell === 'string') return cell;
  if (typeof cell === 'number' || typeof cell === 'boolean') return String(cell);
  if (cell instanceof Date) return cell.toISOString().slice(0, 10);
  return cell.error;
}

export function isEmpty(cell: SheetCell): boolean {
  return cell === null || (typeof cell === 'string' && plainSpaces(cell).trim() === '');
}

/** The reason a cell holding an error (or a formula without a result) cannot be read, if it does. */
export function cellError(cell: SheetCell, lang: Lang): string | null {
  if (cell && typeof cell === 'object' && !(cell instanceof Date)) {
    return cell.reason ?? tr(lang, 'rt.cellError', { error: cell.error });
  }
  return null;
}

// ---------------------------------------------------------------------------------------------------------
// Comparators

const SYMBOLS: Record<Comparator, string> = {
  '>=': '≥',
  '>': '>',
  '<=': '≤',
  '<': '<',
  '==': '=',
  '!=': '≠',
};

/** The word "Đạt" in the comparator column: a yes/no indicator that must be met, or a composite test. */
export const MET = 'Đạt';

export function formatComparator(op: Comparator): string {
  return SYMBOLS[op];
}

const COMPARATOR_WORDS: ReadonlyMap<string, Comparator | 'met'> = new Map([
  ['≥', '>='],
  ['>=', '>='],
  ['=>', '>='],
  ['≧', '>='],
  ['>', '>'],
  ['≤', '<='],
  ['<=', '<='],
  ['=<', '<='],
  ['≦', '<='],
  ['<', '<'],
  ['=', '=='],
  ['==', '=='],
  ['≠', '!='],
  ['!=', '!='],
  ['<>', '!='],
]);

export function parseComparator(text: string, lang: Lang): Parsed<Comparator | 'met'> {
  const plain = plainSpaces(text).replace(/\s+/g, '');
  const found = COMPARATOR_WORDS.get(plain);
  if (found) return ok(found);
  if (fold(text) === 'dat') return ok('met');
  return fail(tr(lang, 'rt.comparator'));
}

// ---------------------------------------------------------------------------------------------------------
// Confidence

export function formatConfidence(confidence: Confidence): string {
  return CONFIDENCE_NAMES[confidence].vi;
}

const CONFIDENCE_WORDS: ReadonlyMap<string, Confidence> = new Map([
  ['chinh thuc', 'official'],
  ['official', 'official'],
  ['nguon thu cap', 'secondary'],
  ['thu cap', 'secondary'],
  ['secondary', 'secondary'],
  ['secondary source', 'secondary'],
  ['gia dinh', 'assumed'],
  ['uoc tinh', 'assumed'],
  ['assumed', 'assumed'],
  ['chua co muc', 'unknown'],
  ['chua co', 'unknown'],
  ['chua biet', 'unknown'],
  ['unknown', 'unknown'],
]);

export function parseConfidence(text: string, lang: Lang): Parsed<Confidence> {
  const found = CONFIDENCE_WORDS.get(fold(text));
  return found ? ok(found) : fail(tr(lang, 'rt.confidence'));
}

// ---------------------------------------------------------------------------------------------------------
// Region or commune group of a target cell

export type Place =
  | { kind: 'none' }
  | { kind: 'region'; region: Region }
  | { kind: 'group'; group: CommuneGroup }
  | { kind: 'region-default' }
  | { kind: 'group-default' };

export const OTHER_REGIONS = 'Các vùng còn lại';
export const OTHER_GROUPS = 'Các nhóm xã còn lại';

export function formatPlace(place: Place): string | null {
  switch (place.kind) {
    case 'none':
      return null;
    case 'region':
      return REGION_NAMES[place.region].vi;
    case 'group':
      return COMMUNE_GROUP_NAMES[place.group].vi;
    case 'region-default':
      return OTHER_REGIONS;
    case 'group-default':
      return OTHER_GROUPS;
  }
}

/** Every region and group, and the two "others", as the list of the place column. */
export const PLACE_CHOICES: readonly string[] = [
  ...REGIONS.map((region) => REGION_NAMES[region].vi),
  OTHER_REGIONS,
  ...COMMUNE_GROUPS.map((group) => COMMUNE_GROUP_NAMES[group].vi),
  OTHER_GROUPS,
];

const PLACE_WORDS: ReadonlyMap<string, Place> = (() => {
  const words = new Map<string, Place>();
  for (const region of REGIONS) {
    const place: Place = { kind: 'region', region };
    words.set(fold(region), place);
    words.set(fold(REGION_NAMES[region].vi), place);
    words.set(fold(`vùng ${REGION_NAMES[region].vi}`), place);
    words.set(fold(REGION_NAMES[region].en), place);
  }
  COMMUNE_GROUPS.forEach((group, i) => {
    const place: Place = { kind: 'group', group };
    for (const word of [
      group,
      COMMUNE_GROUP_NAMES[group].vi,
      COMMUNE_GROUP_NAMES[group].en,
      `nhóm ${i + 1}`,
    ]) {
      words.set(fold(word), place);
    }
  });
  for (const word of [OTHER_REGIONS, 'vùng khác', 'các vùng khác', 'other regions']) {
    words.set(fold(word), { kind: 'region-default' });
  }
  for (const word of [OTHER_GROUPS, 'nhóm khác', 'các nhóm khác', 'nhóm xã khác', 'other groups']) {
    words.set(fold(word), { kind: 'group-default' });
  }
  return words;
})();

export function parsePlace(text: string, lang: Lang): Parsed<Place> {
  if (plainSpaces(text).trim() === '') return ok({ kind: 'none' });
  const found = PLACE_WORDS.get(fold(text));
  return found ? ok(found) : fail(tr(lang, 'rt.place'));
}

/** A key that tells two cells of one indicator apart: the same region or group. */
export function placeKey(place: Place): string {
  switch (place.kind) {
    case 'region':
      return place.region;
    case 'group':
      return place.group;
    default:
      return place.kind;
  }
}

// ---------------------------------------------------------------------------------------------------------
// Years: `2023`, `2022-2025`, `2026-` in the rule files

export function formatYears(key: string | null): string | null {
  if (key === null) return null;
  const [from, to] = key.split('-');
  if (to === undefined) return from as string;
  if (to === '') return `từ ${from}`;
  return `${from}–${to}`;
}

export function parseYears(text: string, lang: Lang): Parsed<string | null> {
  const plain = plainSpaces(text).trim();
  if (plain === '') return ok(null);
  const single = /^(\d{4})$/.exec(plain);
  if (single) return ok(single[1] as string);
  const span = /^(\d{4})\s*[-–—]\s*(\d{4})$/.exec(plain);
  if (span) {
    if (Number(span[2]) <= Number(span[1])) return fail(tr(lang, 'rt.yearsBackwards'));
    return ok(`${span[1]}-${span[2]}`);
  }
  const folded = fold(plain);
  const open =
    /^(?:tu nam |tu |from )?(\d{4})(?: tro di| tro ve sau| onwards| and later)?$/.exec(folded) ??
    /^(\d{4})\s*[-–—]$/.exec(plain);
  if (open && (folded !== open[1] || /[-–—]$/.test(plain))) return ok(`${open[1]}-`);
  return fail(tr(lang, 'rt.years'));
}

// ---------------------------------------------------------------------------------------------------------
// Yes/no cells

export const YES = 'Có';
export const NO = 'Không';

const YES_WORDS = new Set(['co', 'yes', 'true', 'x', 'dung', '1']);
const NO_WORDS = new Set(['khong', 'no', 'false', '0', 'sai']);

/** A yes/no cell: `Có` is true, `Không` false, empty nothing. */
export function parseYesNo(cell: SheetCell, lang: Lang): Parsed<boolean | null> {
  if (isEmpty(cell)) return ok(null);
  if (typeof cell === 'boolean') return ok(cell);
  const word = fold(cellText(cell));
  if (YES_WORDS.has(word)) return ok(true);
  if (NO_WORDS.has(word)) return ok(false);
  return fail(tr(lang, 'rt.yesNo'));
}

/** Targets of yes/no measures. */
export const MET_WORD = 'Đạt';
export const NOT_MET_WORD = 'Không đạt';
const TRUE_TARGETS = new Set(['dat', 'co', 'true', 'yes']);
const FALSE_TARGETS = new Set(['khong dat', 'chua dat', 'khong', 'false', 'no']);

export function formatBooleanTarget(value: boolean): string {
  return value ? MET_WORD : NOT_MET_WORD;
}

export function parseBooleanTarget(cell: SheetCell, lang: Lang): Parsed<boolean | null> {
  if (isEmpty(cell)) return ok(null);
  if (typeof cell === 'boolean') return ok(cell);
  const word = fold(cellText(cell));
  if (TRUE_TARGETS.has(word)) return ok(true);
  if (FALSE_TARGETS.has(word)) return ok(false);
  return fail(tr(lang, 'rt.notBoolean'));
}

// ---------------------------------------------------------------------------------------------------------
// Numbers

/**
 * A number as text that reads back as the same number in a CSV: JavaScript's digits, with one more 0 when
 * exactly three decimals would look like a thousands separator ("1.2340", never "1.234").
 */
export function formatNumberText(value: number): string {
  let text = String(value);
  if (/e/i.test(text)) {
    // Digits, never an exponent (a spreadsheet reads "1e-7" as text, the Vietnamese rules refuse it).
    text = Math.abs(value) >= 1 ? BigInt(value).toString() : value.toFixed(20).replace(/0+$/, '');
  }
  return /^-?\d+\.\d{3}$/.test(text) ? `${text}0` : text;
}

const NUMBER_SPEC = { type: 'number', label: { vi: '', en: '' } } as const;

/** A number typed in a cell: "64", "64,5", "64.5", a number cell. */
export function parseNumberCell(cell: SheetCell, lang: Lang): Parsed<number | null> {
  if (isEmpty(cell)) return ok(null);
  if (typeof cell === 'number') return Number.isFinite(cell) ? ok(cell) : fail(tr(lang, 'cell.tooLarge'));
  if (typeof cell !== 'string') return fail(tr(lang, 'rt.plainNumber'));
  const result = parseNumber(cell, NUMBER_SPEC, lang);
  if (!result.ok) return fail(result.reason);
  return ok(result.value as number | null);
}

// ---------------------------------------------------------------------------------------------------------
// Dates: written dd/mm/yyyy, read as that, as yyyy-mm-dd, or as a date cell

export function formatDate(iso: string | null | undefined): string | null {
  if (!iso) return null;
  const [year, month, day] = iso.split('-');
  return `${day}/${month}/${year}`;
}

function realDate(year: number, month: number, day: number): string | null {
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) {
    return null;
  }
  return date.toISOString().slice(0, 10);
}

export function parseDateCell(cell: SheetCell, lang: Lang): Parsed<string | null> {
  if (isEmpty(cell)) return ok(null);
  if (cell instanceof Date) {
    const iso = realDate(cell.getUTCFullYear(), cell.getUTCMonth() + 1, cell.getUTCDate());
    return iso ? ok(iso) : fail(tr(lang, 'rt.date'));
  }
  const text = plainSpaces(cellText(cell)).trim();
  const vietnamese = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(text);
  const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  const date = vietnamese
    ? realDate(Number(vietnamese[3]), Number(vietnamese[2]), Number(vietnamese[1]))
    : iso
      ? realDate(Number(iso[1]), Number(iso[2]), Number(iso[3]))
      : null;
  return date ? ok(date) : fail(tr(lang, 'rt.date'));
}

// ---------------------------------------------------------------------------------------------------------
// JSON expressions (composite tests, computed targets, applicability)

export function formatJson(value: unknown): string | null {
  return value === undefined ? null : JSON.stringify(value);
}

export function parseJsonCell(cell: SheetCell, lang: Lang): Parsed<unknown> {
  if (isEmpty(cell)) return ok(undefined);
  try {
    return ok(JSON.parse(cellText(cell)));
  } catch (error) {
    return fail(tr(lang, 'rt.json', { why: (error as Error).message }));
  }
}

// ---------------------------------------------------------------------------------------------------------
// Fixed lists of the other sheets

/** A list of words for a fixed set of values: the first word of each is the one written. */
export class Choices<T extends string | boolean> {
  readonly #words = new Map<string, T>();
  readonly #written = new Map<T, string>();

  constructor(entries: ReadonlyArray<readonly [T, readonly string[]]>) {
    for (const [value, words] of entries) {
      this.#written.set(value, words[0] as string);
      for (const word of words) this.#words.set(fold(word), value);
      if (typeof value === 'string') this.#words.set(fold(value), value);
    }
  }

  format(value: T): string {
    return this.#written.get(value) ?? String(value);
  }

  /** The words written, for a validation list. */
  get list(): string[] {
    return [...this.#written.values()];
  }

  parse(text: string, lang: Lang): Parsed<T> {
    const found = this.#words.get(fold(text));
    if (found !== undefined) return ok(found);
    return fail(tr(lang, 'rt.choice', { allowed: this.list.join(', ') }));
  }
}

export const MEASURE_TYPES = new Choices([
  ['percent', ['tỷ lệ (%)', 'tỷ lệ', 'phần trăm', '%']],
  ['number', ['số', 'số thực', 'number']],
  ['money', ['tiền (triệu đồng)', 'tiền', 'triệu đồng', 'money']],
  ['count', ['số đếm', 'số nguyên', 'đếm', 'count']],
  ['boolean', ['có/không', 'có không', 'đạt/không đạt', 'yes/no', 'boolean']],
  ['enum', ['lựa chọn', 'danh sách', 'chọn', 'enum']],
] as const);

export type RulesetKind = 'edition' | 'amendment' | 'overlay';

export const KINDS = new Choices<RulesetKind | 'pending'>([
  ['edition', ['Bộ tiêu chí quốc gia', 'bộ tiêu chí', 'edition', 'bản đầy đủ']],
  ['amendment', ['Văn bản sửa đổi', 'sửa đổi', 'amendment']],
  ['overlay', ['Bộ tiêu chí của tỉnh', 'của tỉnh', 'tỉnh', 'overlay']],
  ['pending', ['Bảng mức cần đối chiếu', 'cần đối chiếu', 'pending']],
]);

export const NATIONAL = 'toàn quốc';

export const COVERAGE = new Choices([
  [true, ['Đầy đủ', 'đủ', 'complete', 'có']],
  [false, ['Chưa đầy đủ', 'chưa đủ', 'incomplete', 'không']],
] as const);

export const PENDING_MODES = new Choices([
  ['correction', ['Bản sửa của bộ tiêu chí (cùng mã)', 'bản sửa', 'sửa', 'correction', 'corrected edition']],
  ['overlay', ['Bộ tiêu chí của tỉnh (chỉ nâng mức)', 'bộ tiêu chí của tỉnh', 'của tỉnh', 'tỉnh', 'overlay']],
] as const);

export const CONFIDENCE_CHOICES: readonly string[] = (
  ['official', 'secondary', 'assumed', 'unknown'] as const
).map(formatConfidence);
export const COMPARATOR_CHOICES: readonly string[] = [...Object.values(SYMBOLS), MET];

/** The marker of a common value that is deliberately absent (technical columns). */
export const NONE = '(không có)';

export function isNone(text: string): boolean {
  return fold(text) === fold(NONE) || fold(text) === 'khong co';
}
