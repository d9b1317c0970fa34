/**
 * The data of a district review: summary (core `summarize`), progress (core `compare`), the gaps of each
 * commune with their owner, and the rows that could not be evaluated. Both report writers (HTML and Excel)
 * render this.
 */
import {
  type Comparator,
  compare,
  type DistrictSummary,
  type Evaluation,
  type IndicatorStatus,
  type LocalizedText,
  type ProgressReport,
  type RulesetInfo,
  summarize,
} from '@nongthonmoi/core';
import type { Lang } from './i18n.js';
import type { RowProblem } from './io/types.js';
import { type Owners, ownerOf } from './owners.js';

/** One indicator a commune has not met, or could not be judged on. */
export interface GapRow {
  communeId: string;
  communeName: string;
  level: string;
  criterion: string;
  criterionName: LocalizedText;
  indicator: string;
  name: LocalizedText;
  status: IndicatorStatus;
  actual: number | boolean | string | string[] | null;
  target: number | boolean | null;
  comparator: Comparator | null;
  requirement: LocalizedText | null;
  unit: LocalizedText | null;
  gap: number | null;
  verified: boolean;
  reason: LocalizedText | null;
  owner: string | null;
}

export interface ReviewData {
  lang: Lang;
  /** e.g. "Huyện Nam Trực, tỉnh Nam Định" when every commune shares it; else null. */
  place: string | null;
  level: string;
  asOf: string;
  generatedAt: string;
  files: { current: string; previous: string | null; owners: string | null };
  previousAsOf: string | null;
  /** Evaluations as plain JSON (what the report embeds). */
  evaluations: Evaluation[];
  previous: Evaluation[] | null;
  summary: DistrictSummary;
  progress: ProgressReport | null;
  /** Indicators not met (all tiers), commune by commune. */
  gaps: GapRow[];
  /** Indicators that could not be judged: missing data (the commune can fix it) or unknown target (it cannot). */
  notJudged: GapRow[];
  /** Rows of the input files that were not evaluated, with why. */
  problems: RowProblem[];
  rulesets: RulesetInfo[];
  /** Ids in owners.csv that name no criterion or indicator of the evaluated tiers. */
  unknownOwnerIds: string[];
  /** How many applicable targets rest on no verified source, over all communes and tiers. */
  unverifiedTargets: number;
}

function plain(evaluation: Evaluation): Evaluation {
  const withJson = evaluation as Evaluation & { toJSON?: () => Evaluation };
  return typeof withJson.toJSON === 'function' ? withJson.toJSON() : evaluation;
}

function tiersOf(evaluation: Evaluation): Evaluation[] {
  return [...evaluation.prerequisites.flatMap(tiersOf), evaluation];
}

function placeOf(evaluations: readonly Evaluation[], lang: Lang): string | null {
  const districts = new Set(evaluations.map((e) => e.commune.district ?? ''));
  const provinces = new Set(evaluations.map((e) => e.commune.province ?? ''));
  const district = districts.size === 1 ? [...districts][0] : '';
  const province = provinces.size === 1 ? [...provinces][0] : '';
  const parts: string[] = [];
  if (district) parts.push(lang === 'en' ? `${district} district` : `Huyện ${district}`);
  if (province) parts.push(lang === 'en' ? `province ${province}` : `tỉnh ${province}`);
  return parts.length > 0 ? parts.join(', ') : null;
}

export interface ReviewInput {
  lang?: Lang;
  level: string;
  asOf: string;
  evaluations: readonly Evaluation[];
  previous?: readonly Evaluation[] | null;
  previousAsOf?: string | null;
  owners?: Owners | null;
  problems?: readonly RowProblem[];
  files: { current: string; previous?: string | null; owners?: string | null };
  /** Province names by id, to write "tỉnh Nam Định" rather than the id. */
  provinceNames?: ReadonlyMap<string, string>;
  now?: Date;
}

export function buildReview(input: ReviewInput): ReviewData {
  const lang = input.lang ?? 'vi';
  const evaluations = input.evaluations.map(plain);
  const previous = input.previous ? input.previous.map(plain) : null;
  const owners = input.owners ?? null;
  const gaps: GapRow[] = [];
  const notJudged: GapRow[] = [];
  const knownIds = new Set<string>();
  const rulesets = new Map<string, RulesetInfo>();
  let unverifiedTargets = 0;
  for (const evaluation of evaluations) {
    for (const tier of tiersOf(evaluation)) {
      rulesets.set(tier.ruleset.hash, tier.ruleset);
      unverifiedTargets += tier.counts.unverifiedTargets;
      for (const criterion of tier.criteria) {
        knownIds.add(criterion.id);
        for (const indicator of criterion.indicators) {
          knownIds.add(indicator.id);
          if (indicator.status === 'met' || indicator.status === 'not-applicable') continue;
          const row: GapRow = {
            communeId: evaluation.commune.id,
            communeName: evaluation.commune.name,
            level: tier.level,
            criterion: criterion.id,
            criterionName: criterion.name,
            indicator: indicator.id,
            name: indicator.name,
            status: indicator.status,
            actual: indicator.actual,
            target: indicator.target,
            comparator: indicator.comparator,
            requirement: indicator.requirement,
            unit: indicator.unit,
            gap: indicator.gap,
            verified: indicator.verified,
            reason: indicator.reason,
            owner: ownerOf(owners, tier.level, criterion.id, indicator.id),
          };
          (indicator.status === 'not-met' ? gaps : notJudged).push(row);
        }
      }
    }
  }
  const names = input.provinceNames;
  const named = names
    ? evaluations.map((e) => ({
        ...e,
        commune: {
          ...e.commune,
          province: e.commune.province ? (names.get(e.commune.province) ?? e.commune.province) : null,
        },
      }))
    : evaluations;
  return {
    lang,
    place: placeOf(named, lang),
    level: input.level,
    asOf: input.asOf,
    generatedAt: (input.now ?? new Date()).toISOString(),
    files: {
      current: input.files.current,
      previous: input.files.previous ?? null,
      owners: input.files.owners ?? owners?.file ?? null,
    },
    previousAsOf: input.previousAsOf ?? null,
    evaluations,
    previous,
    summary: summarize(evaluations),
    progress: previous ? compare(previous, evaluations) : null,
    gaps,
    notJudged,
    problems: [...(input.problems ?? [])],
    rulesets: [...rulesets.values()],
    unknownOwnerIds: owners
      ? [...new Set(owners.rules.map((r) => r.id).filter((id) => !knownIds.has(id)))]
      : [],
    unverifiedTargets,
  };
}

/** Gaps grouped by owner (unassigned last), for the "who does what" part of the report. */
export function gapsByOwner(review: ReviewData): Array<{ owner: string | null; gaps: GapRow[] }> {
  const groups = new Map<string | null, GapRow[]>();
  for (const gap of review.gaps) {
    const list = groups.get(gap.owner) ?? [];
    list.push(gap);
    groups.set(gap.owner, list);
  }
  return [...groups.entries()]
    .sort(([a], [b]) => (a === null ? 1 : b === null ? -1 : a.localeCompare(b, 'vi')))
    .map(([owner, gaps]) => ({ owner, gaps }));
}
