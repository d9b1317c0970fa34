/**
 * An overlay may only raise national targets. Core's registry says which entry of `targets` loosens one, with
 * the region or group and year; this module finds the row of that cell and says, in the user's language,
 * which value is looser than which.
 */
import { COMMUNE_GROUP_NAMES, REGION_NAMES, type RulesetIssue } from '@nongthonmoi/core';
import type { Lang } from '../i18n.js';
import { tr } from '../messages.js';
import type { RulesetFileJson } from './flatten.js';
import { issueProblem, type PathIndex, type TableProblem } from './problems.js';
import { formatComparator } from './vocabulary.js';

const SYMBOL = (op: string): string => formatComparator(op as never) ?? op;

/** The cells of a target table: their path suffix, region or group key ('default' for the others) and years. */
function cellsOf(target: unknown): Array<{ suffix: string; place: string | null; years: string | null }> {
  const out: Array<{ suffix: string; place: string | null; years: string | null }> = [];
  const entry = (value: unknown, prefix: string, place: string | null) => {
    if (value && typeof value === 'object' && 'byYear' in value) {
      for (const key of Object.keys((value as { byYear: Record<string, unknown> }).byYear)) {
        out.push({ suffix: `${prefix}.byYear.${key}`, place, years: key });
      }
    } else out.push({ suffix: prefix, place, years: null });
  };
  if (target && typeof target === 'object' && ('byRegion' in target || 'byGroup' in target)) {
    const dimension = 'byRegion' in target ? 'byRegion' : 'byGroup';
    const table = target as Record<string, Record<string, unknown>>;
    for (const [key, value] of Object.entries(table[dimension] ?? {}))
      entry(value, `.${dimension}.${key}`, key);
    if ('default' in target) entry(table.default, '.default', 'default');
  } else entry(target, '', null);
  return out;
}

function covers(key: string, year: number): boolean {
  const [from, to] = key.split('-');
  const end = to === undefined ? Number(from) : to === '' ? Number.POSITIVE_INFINITY : Number(to);
  return year >= Number(from) && year <= end;
}

/** The cell of an entry an issue's "(region dbsh, year 2030)" / "(nhom-1)" speaks of. */
function cellOfIssue(
  cells: ReturnType<typeof cellsOf>,
  where: string,
): ReturnType<typeof cellsOf>[number] | undefined {
  let place: string | null = null;
  let year: number | null = null;
  for (const part of where.split(', ')) {
    const region = /^region (\w+)$/.exec(part);
    const yearMatch = /^year (\d+)$/.exec(part);
    if (region) place = region[1] as string;
    else if (yearMatch) year = Number(yearMatch[1]);
    else place = part;
  }
  const atPlace = cells.filter((cell) => cell.place === place);
  const candidates =
    atPlace.length > 0 ? atPlace : cells.filter((cell) => cell.place === 'default' || cell.place === null);
  return (
    candidates.find((cell) => year === null || cell.years === null || covers(cell.years, year)) ??
    candidates[0]
  );
}

function whereText(where: string, lang: Lang): string {
  return where
    .split(', ')
    .map((part) => {
      const region = /^region (\w+)$/.exec(part);
      if (region) {
        const names = REGION_NAMES[region[1] as keyof typeof REGION_NAMES];
        return names ? (lang === 'en' ? names.en : `vùng ${names.vi}`) : part;
      }
      const year = /^year (\d+)$/.exec(part);
      if (year) return lang === 'en' ? part : `năm ${year[1]}`;
      const group = COMMUNE_GROUP_NAMES[part as keyof typeof COMMUNE_GROUP_NAMES];
      if (group) return lang === 'en' ? group.en : group.vi.toLowerCase();
      return part;
    })
    .join(', ');
}

/** Core's English reason of a loosening, in the user's language (the English text when it is not one). */
export function looseningReason(reason: string, lang: Lang): string {
  const looser =
    /^indicator (\S+) \((.+?)\): the province target (\S+) (\S+) is looser than the national target (\S+) (\S+) of (\S+);/.exec(
      reason,
    );
  if (looser) {
    return tr(lang, 'rt.loosens', {
      indicator: looser[1] as string,
      where: whereText(looser[2] as string, lang),
      province: `${SYMBOL(looser[3] as string)} ${looser[4]}`,
      national: `${SYMBOL(looser[5] as string)} ${looser[6]}`,
      base: looser[7] as string,
    });
  }
  const empty =
    /^indicator (\S+) \((.+?)\): the province leaves the target empty where (\S+) sets (\S+) (\S+)$/.exec(
      reason,
    );
  if (empty) {
    return tr(lang, 'rt.leavesEmpty', {
      indicator: empty[1] as string,
      where: whereText(empty[2] as string, lang),
      national: `${SYMBOL(empty[4] as string)} ${empty[5]}`,
      base: empty[3] as string,
    });
  }
  const comparator =
    /^indicator (\S+): the comparator (\S+) is not a tightening of the national (\S+) \(allowed: (.+)\)$/.exec(
      reason,
    );
  if (comparator) {
    return tr(lang, 'rt.comparatorLooser', {
      indicator: comparator[1] as string,
      op: SYMBOL(comparator[2] as string),
      national: SYMBOL(comparator[3] as string),
      allowed: (comparator[4] as string).split(', ').map(SYMBOL).join(', '),
    });
  }
  return reason;
}

/**
 * The rows of an overlay entry that loosen a national target, for the registry's issues on `targets[i].target`
 * (each names its region or group and year): one problem per row, in the user's language. Null for another
 * kind of issue (it is reported as it is).
 */
export function narrowLoosening(
  issues: readonly RulesetIssue[],
  ruleset: RulesetFileJson,
  index: PathIndex,
  lang: Lang,
): TableProblem[] | null {
  const first = issues[0] as RulesetIssue;
  const match = /^targets\[(\d+)\]\.target$/.exec(first.path);
  const entry = match && 'targets' in ruleset ? ruleset.targets?.[Number(match[1])] : undefined;
  if (!match || !entry) {
    if (!first.path.startsWith('targets[')) return null;
    return issues.map((issue) =>
      issueProblem(
        { ...issue, reason: looseningReason(issue.reason, lang), reasonVi: undefined },
        index,
        lang,
        '',
      ),
    );
  }
  const cells = cellsOf(entry.target);
  const byPath = new Map<string, RulesetIssue[]>();
  for (const issue of issues) {
    const where = /^indicator \S+ \((.+?)\):/.exec(issue.reason)?.[1] ?? '';
    const cell = cellOfIssue(cells, where);
    const path = `${issue.path}${cell?.suffix ?? ''}`;
    byPath.set(path, [...(byPath.get(path) ?? []), issue]);
  }
  return [...byPath.entries()].map(([path, list]) => {
    const reason = looseningReason((list[0] as RulesetIssue).reason, lang);
    const more = list.length > 1 ? tr(lang, 'rt.moreCases', { count: list.length - 1 }) : '';
    return issueProblem(
      { ...(list[0] as RulesetIssue), path, reason: `${reason}${more}`, reasonVi: undefined },
      index,
      lang,
      '',
    );
  });
}
