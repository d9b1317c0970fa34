/**
 * Option values as people type them: a level by its id or its name ("nâng cao", "NTM kiểu mẫu"), a date as
 * 15/11/2023, 15-11-2023 or 2023-11-15, a province or a region by id or name with or without diacritics (the
 * same readers the data columns use). Each parser returns the canonical value or throws commander's
 * InvalidArgumentError with a reason in the user's language; commander frames it with the option and value.
 *
 * The checks that need several options at once (a province that no longer exists on the date, no edition of
 * the level on the date) run before the command does: see {@link checkRuleOptions}.
 */
import {
  EditionNotFoundError,
  getEngine,
  getRuleset,
  listProvinces,
  listRulesets,
  REGIONS,
  regionOfProvince,
} from '@nongthonmoi/core';
import { InvalidArgumentError } from 'commander';
import { type Lang, TIER_NAMES, t } from '../i18n.js';
import { parseProvince, parseRegion } from '../io/columns.js';
import { closest, fold } from '../io/text.js';
import { tr } from '../messages.js';
import { today } from '../pipeline.js';
import { escapeControls } from '../safe-text.js';

/** A mistake in how the command was called (exit code 2). */
export class UsageError extends Error {
  override name = 'UsageError';
}

// -----------------------------------------------------------------------------------------------------------
// Dates

const YEAR_FIRST = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})$/;
const DAY_FIRST = /^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})$/;

function daysIn(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/**
 * A date as Vietnamese users write it (15/11/2023, 15-11-2023, 15.11.2023: day first) or as ISO (2023-11-15),
 * as YYYY-MM-DD. A date that does not exist (31/11/2023) is told so, with the number of days of its month.
 */
export function parseDate(value: string, lang: Lang = 'vi'): string {
  const text = value.trim();
  const yearFirst = YEAR_FIRST.exec(text);
  const dayFirst = yearFirst ? null : DAY_FIRST.exec(text);
  if (!yearFirst && !dayFirst) throw new InvalidArgumentError(tr(lang, 'option.dateFormat'));
  const [year, month, day] = yearFirst
    ? [Number(yearFirst[1]), Number(yearFirst[2]), Number(yearFirst[3])]
    : [Number(dayFirst?.[3]), Number(dayFirst?.[2]), Number(dayFirst?.[1])];
  if (year < 1900 || year > 2200) throw new InvalidArgumentError(tr(lang, 'option.dateYear', { year }));
  if (month < 1 || month > 12) throw new InvalidArgumentError(tr(lang, 'option.dateMonth', { month }));
  if (day < 1) throw new InvalidArgumentError(tr(lang, 'option.dateFormat'));
  const days = daysIn(year, month);
  if (day > days) throw new InvalidArgumentError(tr(lang, 'option.dateDay', { day, month, year, days }));
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

// -----------------------------------------------------------------------------------------------------------
// Levels

/** Names people use for the levels, besides the id and the names in TIER_NAMES (compared folded). */
const LEVEL_ALIASES: Record<string, readonly string[]> = {
  ntm: ['nong thon moi', 'xa nong thon moi', 'xa ntm', 'xa dat chuan nong thon moi', 'new rural'],
  'nang-cao': [
    'nang cao',
    'ntm nang cao',
    'nong thon moi nang cao',
    'xa ntm nang cao',
    'nc',
    'advanced',
    'advanced new rural',
  ],
  'kieu-mau': [
    'kieu mau',
    'ntm kieu mau',
    'nong thon moi kieu mau',
    'xa ntm kieu mau',
    'km',
    'model',
    'model new rural',
  ],
  'cong-nhan': ['cong nhan', 'dieu kien cong nhan', 'recognition'],
};

/** The bundled levels, the usual ones first (ntm, nâng cao, kiểu mẫu, công nhận), then any other. */
export function knownLevels(): string[] {
  const levels = getEngine().levels();
  const order = Object.keys(TIER_NAMES);
  return [...levels].sort((a, b) => {
    const ia = order.indexOf(a);
    const ib = order.indexOf(b);
    return (ia < 0 ? order.length : ia) - (ib < 0 ? order.length : ib) || a.localeCompare(b);
  });
}

/** "ntm (Xã nông thôn mới), nang-cao (Xã nông thôn mới nâng cao), …": the levels with their names. */
export function levelList(lang: Lang, levels: readonly string[] = knownLevels()): string {
  return levels
    .map((level) => (TIER_NAMES[level] ? `${level} (${t(TIER_NAMES[level], lang)})` : level))
    .join(', ');
}

let levelIndex: Map<string, string> | null = null;

/** Folded name → level id, for every bundled level. */
function levelNames(): Map<string, string> {
  if (levelIndex) return levelIndex;
  levelIndex = new Map();
  for (const level of knownLevels()) {
    const names = [level, ...(LEVEL_ALIASES[level] ?? [])];
    const tier = TIER_NAMES[level];
    if (tier) names.push(tier.vi, tier.en);
    for (const name of names) {
      const folded = fold(name);
      if (!levelIndex.has(folded)) levelIndex.set(folded, level);
    }
  }
  return levelIndex;
}

/** A level id: lower-case ASCII words joined by hyphens (as core requires). */
const LEVEL_ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/**
 * A level by its id or its name, in any case, with or without diacritics: "nâng cao", "NTM kiểu mẫu",
 * "Xã nông thôn mới nâng cao" → its id. An id that no bundled edition has is kept: a --ruleset file may
 * define it (see {@link checkRuleOptions} for the check when none is given). Anything else is refused with
 * the list of levels and their names.
 */
export function parseLevel(value: string, lang: Lang = 'vi'): string {
  const names = levelNames();
  const found = names.get(fold(value));
  if (found) return found;
  if (LEVEL_ID.test(value)) return value;
  throw new InvalidArgumentError(levelProblem(value, lang));
}

/** Why `value` is no level: the nearest name as a hint, and every level with its name. */
export function levelProblem(value: string, lang: Lang): string {
  const names = levelNames();
  const near = closest(value, names.keys());
  return tr(lang, 'option.levelUnknown', {
    hint: near === null ? null : (names.get(near) ?? null),
    levels: levelList(lang),
  });
}

// -----------------------------------------------------------------------------------------------------------
// Provinces, regions, choices, numbers

/** A province by id or name, with or without diacritics, as in a data column ("Nam Định", "nam dinh"). */
export function parseProvinceOption(value: string, lang: Lang = 'vi'): string {
  const result = parseProvince(value, lang);
  if (!result.ok) throw new InvalidArgumentError(result.reason);
  return result.value;
}

/** A region by id or name, as in a data column ("dbsh", "Đồng bằng sông Hồng"). */
export function parseRegionOption(value: string, lang: Lang = 'vi'): string {
  const result = parseRegion(value, lang);
  if (!result.ok) throw new InvalidArgumentError(result.reason);
  return result.value;
}

/** The region ids, for help texts. */
export const REGION_IDS = REGIONS.join(', ');

/** One of `choices`, compared without case; refused with the list. */
export function choiceParser(choices: readonly string[], lang: Lang): (value: string) => string {
  return (value) => {
    const found = choices.find((choice) => choice === value.trim().toLowerCase());
    if (found === undefined)
      throw new InvalidArgumentError(tr(lang, 'option.choice', { choices: choices.join(', ') }));
    return found;
  };
}

/** A whole number from `min` to `max`. */
export function wholeNumberParser(min: number, max: number, lang: Lang): (value: string) => number {
  return (value) => {
    const n = Number(value.trim());
    if (value.trim() === '' || !Number.isInteger(n) || n < min || n > max) {
      throw new InvalidArgumentError(tr(lang, 'option.wholeNumber', { min, max }));
    }
    return n;
  };
}

// -----------------------------------------------------------------------------------------------------------
// Checks across options, before the command runs

export interface RuleOptionValues {
  level?: string | undefined;
  /** Where the level was given: `--level` (default), or the command's argument (`ntm rules show <cấp>`). */
  levelGiven?: 'option' | 'argument';
  asOf?: string | undefined;
  province?: string | undefined;
  ruleset?: readonly string[] | undefined;
  /**
   * The command takes its dates from the data when `asOf` is not given (`ntm review`): the checks that need
   * the date (a province that no longer exists, an edition in force) wait until the date is known.
   */
  datesFromData?: boolean;
}

/**
 * A date near `asOf` on which an edition of `level` is in force (the last day of the latest one that ended
 * before, or the first day of the next one), for the hint of a message; null when the level has no edition.
 */
function nearestEditionDate(level: string, asOf: string): string | null {
  const dates: string[] = [];
  for (const summary of listRulesets()) {
    if (summary.kind !== 'edition' || summary.level !== level) continue;
    if (summary.effective.to && summary.effective.to < asOf) dates.push(summary.effective.to);
    if (summary.effective.from > asOf) dates.push(summary.effective.from);
  }
  const distance = (date: string) => Math.abs(Date.parse(date) - Date.parse(asOf));
  return dates.sort((a, b) => distance(a) - distance(b))[0] ?? null;
}

/**
 * Core's "no edition in force" message, shortened to what answers the question (which dates the level
 * covers, which levels exist on the date), plus, when no --as-of was given, that the date was today and a
 * date to give instead.
 */
export function editionNotFoundText(
  error: EditionNotFoundError,
  lang: Lang,
  context: { level?: string | undefined; asOf?: string | undefined; asOfGiven?: boolean } = {},
): string {
  const lines = (lang === 'en' ? error.localized.en : error.localized.vi).split('\n').slice(0, 2);
  if (context.asOfGiven === false && context.asOf) {
    const example = context.level ? nearestEditionDate(context.level, context.asOf) : null;
    lines.push(tr(lang, 'option.asOfToday', { today: context.asOf, example }));
  }
  return lines.join('\n');
}

/**
 * The checks that need several options: a province that does not exist on the date (core's message names the
 * province it merged into), a level no bundled edition has (unless a --ruleset file may define it), and no
 * edition of the level in force on the date. Throws {@link UsageError} in the user's language.
 */
export function checkRuleOptions(values: RuleOptionValues, lang: Lang): void {
  const asOf = values.asOf ?? today();
  const custom = (values.ruleset?.length ?? 0) > 0;
  const dateKnown = values.asOf !== undefined || !values.datesFromData;
  if (
    dateKnown &&
    values.province &&
    !listProvinces(asOf).some((province) => province.id === values.province)
  ) {
    const resolved = regionOfProvince(values.province, asOf);
    if ('message' in resolved)
      throw new UsageError(lang === 'en' ? resolved.message.en : resolved.message.vi);
  }
  if (!values.level || custom) return;
  if (!knownLevels().includes(values.level)) {
    const value = escapeControls(values.level);
    const why = levelProblem(values.level, lang);
    throw new UsageError(
      values.levelGiven === 'argument'
        ? tr(lang, 'commander.invalidArgumentValue', { name: tr(lang, 'placeholder.level'), value, why })
        : tr(lang, 'commander.invalidOptionValue', { flags: '--level', value, why }),
    );
  }
  if (!dateKnown) return;
  try {
    getRuleset(values.level, { asOf });
  } catch (error) {
    if (!(error instanceof EditionNotFoundError)) throw error;
    throw new UsageError(
      editionNotFoundText(error, lang, { level: values.level, asOf, asOfGiven: values.asOf !== undefined }),
    );
  }
}
