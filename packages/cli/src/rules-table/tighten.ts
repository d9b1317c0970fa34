/**
 * An overlay may only raise national targets. Core's registry says which entry of `targets` loosens one; this
 * module finds the rows: it checks each cell of that entry on its own against the national edition (with the
 * same registry), and says in the user's language which value is looser than which.
 */
import {
  COMMUNE_GROUP_NAMES,
  getEngine,
  REGION_NAMES,
  RulesetError,
  type RulesetInput,
  type RulesetIssue,
} from '@nongthonmoi/core';
import type { Lang } from '../i18n.js';
import { tr } from '../messages.js';
import type { RulesetFileJson } from './flatten.js';
import { issueProblem, type PathIndex, type TableProblem } from './problems.js';
import { formatComparator } from './vocabulary.js';

const SYMBOL = (op: string) => {
  try {
    return formatComparator(op as never) ?? op;
  } catch {
    return op;
  }
};

/** Cells of a target with their path suffix and a target holding that cell alone. */
function singleCells(target: unknown): Array<{ suffix: string; target: unknown }> {
  const out: Array<{ suffix: string; target: unknown }> = [];
  const entry = (value: unknown, prefix: string, wrap: (inner: unknown) => unknown) => {
    if (value && typeof value === 'object' && 'byYear' in value) {
      for (const [key, cell] of Object.entries((value as { byYear: Record<string, unknown> }).byYear)) {
        out.push({ suffix: `${prefix}.byYear.${key}`, target: wrap({ byYear: { [key]: cell } }) });
      }
    } else out.push({ suffix: prefix, target: wrap(value) });
  };
  if (target && typeof target === 'object' && ('byRegion' in target || 'byGroup' in target)) {
    const dimension = 'byRegion' in target ? 'byRegion' : 'byGroup';
    const table = target as Record<string, Record<string, unknown>>;
    for (const [key, value] of Object.entries(table[dimension] ?? {})) {
      entry(value, `.${dimension}.${key}`, (inner) => ({ [dimension]: { [key]: inner } }));
    }
    if ('default' in target)
      entry(table.default, '.default', (inner) => ({ [dimension]: {}, default: inner }));
  } else entry(target, '', (inner) => inner);
  return out;
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

/** At most this many cells of one entry are checked one by one; beyond, the entry's first row is named. */
const MAX_CELLS = 200;

/**
 * The rows of an overlay entry that loosen a national target, for a registry issue on `targets[i].target`;
 * null when the issue is of another kind (it is then reported as it is).
 */
export function narrowLoosening(
  issue: RulesetIssue,
  ruleset: RulesetFileJson,
  name: string,
  others: readonly RulesetInput[],
  index: PathIndex,
  lang: Lang,
): TableProblem[] | null {
  const translated = { ...issue, reason: looseningReason(issue.reason, lang), reasonVi: undefined };
  delete translated.reasonVi;
  const match = /^targets\[(\d+)\]\.target$/.exec(issue.path);
  if (!match || !('extends' in ruleset)) {
    return issue.path.startsWith('targets[') ? [issueProblem(translated, index, lang, '')] : null;
  }
  const i = Number(match[1]);
  const entry = ruleset.targets?.[i];
  if (!entry) return null;
  const cells = singleCells(entry.target);
  if (cells.length <= 1 || cells.length > MAX_CELLS) return [issueProblem(translated, index, lang, '')];
  const problems: TableProblem[] = [];
  for (const cell of cells) {
    const reduced = { ...ruleset, targets: [{ ...entry, target: cell.target }] } as RulesetFileJson;
    delete (reduced as { indicators?: unknown }).indicators;
    delete (reduced as { criteria?: unknown }).criteria;
    try {
      getEngine([...others, { file: name, ruleset: reduced }]);
    } catch (error) {
      if (!(error instanceof RulesetError)) throw error;
      for (const found of error.issues) {
        if (found.file !== name || !found.path.startsWith('targets[0].target')) continue;
        problems.push(
          issueProblem(
            {
              ...found,
              path: `targets[${i}].target${cell.suffix}`,
              reason: looseningReason(found.reason, lang),
            },
            index,
            lang,
            '',
          ),
        );
      }
    }
  }
  return problems.length > 0 ? problems : [issueProblem(translated, index, lang, '')];
}
