/**
 * The data of a district review, built once from core's views and rendered by every output (terminal
 * summary, HTML, Excel, JSON): the summary (`summarize`), progress since the previous snapshot (`compare`),
 * the outlook of every gap by the deadline (`forecast`), the dossiers (`reviewDossiers`), the gaps of each
 * commune with their owner (`gapItems`), why undecided communes are undecided, and the rows that could not be
 * used. Nothing here decides met or not met: the engine did.
 */
import {
  type Confidence,
  compare,
  compareOutlooks,
  type DistrictSummary,
  type DossierReport,
  type DossierRow,
  type Evaluation,
  type ForecastReport,
  forecast,
  type GapForecast,
  type GapItem,
  gapItems,
  type IndicatorChange,
  type LocalizedText,
  type Outlook,
  type ProgressReport,
  type RulesetInfo,
  reviewDossiers,
  summarize,
  type TierOutlook,
  type TierStatus,
  tiers,
  type UndecidedCause,
} from '@nongthonmoi/core';
import type { Lang } from './i18n.js';
import type { DossierField, DossierRead } from './io/read-dossier.js';
import type { DateSource } from './io/snapshot-date.js';
import { fold } from './io/text.js';
import type { RowProblem } from './io/types.js';
import { type Owners, ownerOf } from './owners.js';
import { type ChangeWord, causeOf, changeWord, DEFAULT_TIME_ZONE } from './review-words.js';

/** One indicator a commune has not met, or could not be judged on (core's gap item), with who and when. */
export interface GapRow extends GapItem {
  communeId: string;
  communeName: string;
  /** Who answers for it (owners.csv), or null. */
  owner: string | null;
  /** The forecast's outlook for this gap (null without a deadline). */
  outlook: Outlook | null;
  /** When the target is reached at the current pace (null when it is not, or without a deadline). */
  projected: string | null;
  /** Change per day at the current pace, and the pace needed to close the gap by the deadline. */
  ratePerDay: number | null;
  requiredRatePerDay: number | null;
}

/** One snapshot (lần rà soát) of the review: the day its figures describe and where that day came from. */
export interface SnapshotInfo {
  asOf: string;
  file: string;
  /** `option` (--as-of / --previous-as-of), `data` (its date column), `file-name`, or `today`. */
  dateSource: DateSource;
  communes: number;
}

/**
 * Where a commune stands and what holds it back: its own unmet indicators, missing data (the commune can
 * supply it), targets that are not officially known (nobody can fix them with data), or nothing.
 */
export interface CommuneStanding {
  id: string;
  name: string;
  status: TierStatus;
  criteriaMet: number;
  criteriaTotal: number;
  /**
   * `met`; `own-gaps` (indicators not met, over the tier and its prerequisites); else why it is undecided:
   * `unknown-target` (blocked only by targets not officially known: its data is complete), `missing-data`
   * or `both`.
   */
  blockedBy: 'met' | 'own-gaps' | UndecidedCause;
  /** Indicators not met / whose data is missing / whose target is unknown, over all its tiers. */
  unmet: number;
  missingData: number;
  unknownTargets: number;
  /** The forecast's outlook (null without a deadline). */
  outlook: TierOutlook | null;
  /** Complete dossiers out of the tier's criteria (null without a dossier file). */
  dossiers: { complete: number; total: number } | null;
}

/** Communes meeting one criterion at each snapshot (aligned with `snapshots`; null where not assessed). */
export interface CriterionHistory {
  level: string;
  id: string;
  name: LocalizedText;
  met: Array<number | null>;
  assessed: Array<number | null>;
}

export interface ReviewData {
  lang: Lang;
  /** e.g. "Huyện Nam Trực, tỉnh Nam Định" when every commune shares it; else null. */
  place: string | null;
  level: string;
  asOf: string;
  generatedAt: string;
  /** The IANA time zone times are shown in (Asia/Ho_Chi_Minh by default). */
  timeZone: string;
  /** The banner of illustrative (made-up) data, or null for real data. */
  illustrative: LocalizedText | null;
  files: { current: string; previous: string[]; owners: string | null; dossier: string | null };
  /** Every snapshot, oldest first; the current one is the last. */
  snapshots: SnapshotInfo[];
  /** The latest earlier snapshot's date: what progress is measured from. */
  previousAsOf: string | null;
  /** Evaluations as plain JSON (what the report embeds). */
  evaluations: Evaluation[];
  /** The latest earlier snapshot's evaluations. */
  previous: Evaluation[] | null;
  summary: DistrictSummary;
  progress: ProgressReport | null;
  deadline: string | null;
  forecast: ForecastReport | null;
  dossiers: DossierReport | null;
  communes: CommuneStanding[];
  /** Indicators not met (all tiers), commune by commune. */
  gaps: GapRow[];
  /** Indicators that could not be judged: missing data (the commune can fix it) or unknown target (it cannot). */
  notJudged: GapRow[];
  criteriaHistory: CriterionHistory[];
  /** Rows of the input files (data, dossiers) that were not used, with why. */
  problems: RowProblem[];
  rulesets: RulesetInfo[];
  /** Ids in owners.csv that name no criterion or indicator of the evaluated tiers. */
  unknownOwnerIds: string[];
  /** How many applicable targets are not official, over all communes and tiers. */
  unverifiedTargets: number;
  /** Applicable targets by confidence, over all communes and tiers. */
  confidence: Record<Confidence, number>;
}

function plain(evaluation: Evaluation): Evaluation {
  return typeof evaluation.toJSON === 'function' ? evaluation.toJSON() : evaluation;
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

/** An earlier snapshot: its file, date, and evaluations under the same tier and options. */
export interface SnapshotInput {
  file: string;
  asOf: string;
  dateSource?: DateSource;
  evaluations: readonly Evaluation[];
}

export interface ReviewInput {
  lang?: Lang;
  level: string;
  /** The current snapshot's date. */
  asOf: string;
  /** How the current date was found (default `option`). */
  dateSource?: DateSource;
  evaluations: readonly Evaluation[];
  /** Earlier snapshots, in any order. */
  snapshots?: readonly SnapshotInput[];
  /** One earlier snapshot (the form of earlier versions; `snapshots` is preferred). */
  previous?: readonly Evaluation[] | null;
  previousAsOf?: string | null;
  /** The day every gap should be closed by, YYYY-MM-DD: adds the forecast. */
  deadline?: string | null;
  /** Days after the deadline that count as "at risk" rather than "off track" (default 30). */
  margin?: number;
  /** The dossier file, as read by `readDossier`. */
  dossier?: DossierRead | null;
  owners?: Owners | null;
  problems?: readonly RowProblem[];
  files: { current: string; previous?: string | readonly string[] | null; owners?: string | null };
  /** Province names by id, to write "tỉnh Nam Định" rather than the id. */
  provinceNames?: ReadonlyMap<string, string>;
  now?: Date;
  /** IANA time zone for the times shown (default Asia/Ho_Chi_Minh). */
  timeZone?: string;
  /** Illustrative (made-up) data: true for the standard banner, or the banner's own text. */
  illustrative?: boolean | LocalizedText | null;
}

export const ILLUSTRATIVE_BANNER: LocalizedText = {
  vi: 'DỮ LIỆU MINH HỌA — không phải số liệu chính thức; chỉ để thử công cụ.',
  en: 'ILLUSTRATIVE DATA — not official figures; for trying the tool only.',
};

/** Dossier rows that name a commune by its name (as people type "Nam Mỹ") get its id, when one commune has it. */
function withCommuneIds(rows: readonly DossierRow[], evaluations: readonly Evaluation[]): DossierRow[] {
  const ids = new Set(evaluations.map((e) => e.commune.id));
  const byName = new Map<string, string | null>();
  for (const evaluation of evaluations) {
    const key = fold(evaluation.commune.name);
    byName.set(key, byName.has(key) ? null : evaluation.commune.id);
  }
  return rows.map((row) => {
    if (ids.has(row.commune)) return row;
    const id = byName.get(fold(row.commune));
    return id ? { ...row, commune: id } : row;
  });
}

const DOSSIER_FIELDS: Record<string, DossierField> = {
  commune: 'commune',
  criterion: 'criterion',
  status: 'status',
  updated: 'updated',
  owner: 'owner',
  note: 'note',
};

function dossierProblems(
  report: DossierReport,
  read: DossierRead,
  rows: readonly DossierRow[],
): RowProblem[] {
  return report.problems.map((problem) => {
    const row = rows[problem.row];
    const field = problem.field ? DOSSIER_FIELDS[problem.field] : undefined;
    const value = problem.value === null || problem.value === undefined ? '' : String(problem.value);
    return {
      file: read.file,
      row: read.sourceRows[problem.row] ?? null,
      column: field ? (read.headers[field] ?? field) : '',
      value: field === 'commune' && row ? (read.rows[problem.row]?.commune ?? value) : value,
      reason: problem.reason.en ?? problem.reason.vi,
      reasonVi: problem.reason.vi,
      communeId: row?.commune ?? null,
    };
  });
}

/** Communes meeting each criterion (every tier) in one snapshot. */
function criterionCounts(evaluations: readonly Evaluation[]): Map<string, { met: number; assessed: number }> {
  const counts = new Map<string, { met: number; assessed: number }>();
  for (const evaluation of evaluations) {
    for (const tier of tiers(evaluation)) {
      for (const criterion of tier.criteria) {
        const key = `${tier.level}\u0000${criterion.id}`;
        const count = counts.get(key) ?? { met: 0, assessed: 0 };
        count.assessed++;
        if (criterion.status === 'met') count.met++;
        counts.set(key, count);
      }
    }
  }
  return counts;
}

export function buildReview(input: ReviewInput): ReviewData {
  const lang = input.lang ?? 'vi';
  const evaluations = input.evaluations.map(plain);
  const owners = input.owners ?? null;
  const legacyFiles = input.files.previous;
  const earlier: SnapshotInput[] = [...(input.snapshots ?? [])];
  if (input.previous) {
    earlier.push({
      file: typeof legacyFiles === 'string' ? legacyFiles : (legacyFiles?.[0] ?? ''),
      asOf: input.previousAsOf ?? input.asOf,
      dateSource: 'option',
      evaluations: input.previous,
    });
  }
  earlier.sort((a, b) => a.asOf.localeCompare(b.asOf));
  const history = earlier.map((snapshot) => ({ ...snapshot, evaluations: snapshot.evaluations.map(plain) }));
  const latest = history[history.length - 1] ?? null;
  const previous = latest ? latest.evaluations : null;

  const deadline = input.deadline ?? null;
  const outlook = deadline
    ? forecast(
        [
          ...history.map((snapshot) => ({ asOf: snapshot.asOf, evaluations: snapshot.evaluations })),
          { asOf: input.asOf, evaluations },
        ],
        { deadline, ...(input.margin !== undefined ? { margin: input.margin } : {}) },
      )
    : null;
  const forecastOf = new Map<string, GapForecast>();
  for (const commune of outlook?.communes ?? []) {
    for (const gap of commune.gaps)
      forecastOf.set(`${commune.id}\u0000${gap.level}\u0000${gap.indicator}`, gap);
  }

  let dossiers: DossierReport | null = null;
  const problems: RowProblem[] = [...(input.problems ?? [])];
  if (input.dossier) {
    const rows = withCommuneIds(input.dossier.rows, evaluations);
    dossiers = reviewDossiers(evaluations, rows);
    problems.push(...input.dossier.problems, ...dossierProblems(dossiers, input.dossier, rows));
  }
  const dossierOf = new Map(dossiers?.communes.map((commune) => [commune.id, commune]) ?? []);
  const forecastCommune = new Map(outlook?.communes.map((commune) => [commune.id, commune]) ?? []);

  const gaps: GapRow[] = [];
  const notJudged: GapRow[] = [];
  const communes: CommuneStanding[] = [];
  const knownIds = new Set<string>();
  const rulesets = new Map<string, RulesetInfo>();
  const confidence: Record<Confidence, number> = { official: 0, secondary: 0, assumed: 0, unknown: 0 };
  let unverifiedTargets = 0;
  for (const evaluation of evaluations) {
    for (const tier of tiers(evaluation)) {
      rulesets.set(tier.ruleset.hash, tier.ruleset);
      unverifiedTargets += tier.counts.unverifiedTargets;
      for (const level of Object.keys(confidence) as Confidence[]) {
        confidence[level] += tier.counts.confidence?.[level] ?? 0;
      }
      for (const criterion of tier.criteria) {
        knownIds.add(criterion.id);
        for (const indicator of criterion.indicators) knownIds.add(indicator.id);
      }
    }
    const { id, name } = evaluation.commune;
    const items = gapItems(evaluation);
    const row = (item: GapItem): GapRow => {
      const pace = forecastOf.get(`${id}\u0000${item.level}\u0000${item.indicator}`);
      return {
        ...item,
        communeId: id,
        communeName: name,
        owner: ownerOf(owners, item.level, item.criterion, item.indicator),
        outlook: pace?.outlook ?? null,
        projected: pace?.projected ?? null,
        ratePerDay: pace?.ratePerDay ?? null,
        requiredRatePerDay: pace?.requiredRatePerDay ?? null,
      };
    };
    gaps.push(...items.unmet.map(row));
    notJudged.push(...items.undecided.map(row));
    const missingData = items.undecided.filter((item) => item.status === 'missing').length;
    const unknownTargets = items.undecided.length - missingData;
    const dossier = dossierOf.get(id);
    communes.push({
      id,
      name,
      status: evaluation.status,
      criteriaMet: evaluation.counts.criteriaMet,
      criteriaTotal: evaluation.counts.criteriaTotal,
      blockedBy:
        evaluation.status === 'met'
          ? 'met'
          : items.unmet.length > 0
            ? 'own-gaps'
            : (evaluation.undecided?.cause ?? causeOf(missingData, unknownTargets) ?? 'unknown-target'),
      unmet: items.unmet.length,
      missingData,
      unknownTargets,
      outlook: forecastCommune.get(id)?.outlook ?? null,
      dossiers: dossier
        ? { complete: dossier.completeness.complete, total: dossier.completeness.total }
        : null,
    });
  }

  const snapshots: SnapshotInfo[] = [
    ...history.map((snapshot) => ({
      asOf: snapshot.asOf,
      file: snapshot.file,
      dateSource: snapshot.dateSource ?? 'option',
      communes: snapshot.evaluations.length,
    })),
    {
      asOf: input.asOf,
      file: input.files.current,
      dateSource: input.dateSource ?? 'option',
      communes: evaluations.length,
    },
  ];
  const counts = [
    ...history.map((snapshot) => criterionCounts(snapshot.evaluations)),
    criterionCounts(evaluations),
  ];
  const criteriaHistory: CriterionHistory[] = [];
  const seen = new Set<string>();
  for (const evaluation of evaluations) {
    for (const tier of tiers(evaluation)) {
      for (const criterion of tier.criteria) {
        const key = `${tier.level}\u0000${criterion.id}`;
        if (seen.has(key)) continue;
        seen.add(key);
        criteriaHistory.push({
          level: tier.level,
          id: criterion.id,
          name: criterion.name,
          met: counts.map((count) => count.get(key)?.met ?? null),
          assessed: counts.map((count) => count.get(key)?.assessed ?? null),
        });
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
  const illustrative =
    input.illustrative === true
      ? ILLUSTRATIVE_BANNER
      : input.illustrative && typeof input.illustrative === 'object'
        ? input.illustrative
        : null;
  return {
    lang,
    place: placeOf(named, lang),
    level: input.level,
    asOf: input.asOf,
    generatedAt: (input.now ?? new Date()).toISOString(),
    timeZone: input.timeZone ?? DEFAULT_TIME_ZONE,
    illustrative,
    files: {
      current: input.files.current,
      previous: history.map((snapshot) => snapshot.file),
      owners: input.files.owners ?? owners?.file ?? null,
      dossier: input.dossier?.file ?? null,
    },
    snapshots,
    previousAsOf: latest?.asOf ?? null,
    evaluations,
    previous,
    summary: summarize(evaluations),
    progress: previous ? compare(previous, evaluations) : null,
    deadline,
    forecast: outlook,
    dossiers,
    communes,
    gaps,
    notJudged,
    criteriaHistory,
    problems,
    rulesets: [...rulesets.values()],
    unknownOwnerIds: owners
      ? [...new Set(owners.rules.map((r) => r.id).filter((id) => !knownIds.has(id)))]
      : [],
    unverifiedTargets,
    confidence,
  };
}

/** Orders gaps for a meeting: worst outlook first, then the earliest projected date, then by commune. */
export function compareGaps(a: GapRow, b: GapRow): number {
  const outlook = a.outlook && b.outlook ? compareOutlooks(a.outlook, b.outlook) : 0;
  return (
    outlook ||
    (a.projected ?? '\uffff').localeCompare(b.projected ?? '\uffff') ||
    a.communeName.localeCompare(b.communeName, 'vi')
  );
}

/**
 * Gaps grouped by owner (unassigned last), for the "who does what" part of the report; within an owner, in
 * the meeting's order (off-track first, see {@link compareGaps}) when there is a forecast.
 */
export function gapsByOwner(review: ReviewData): Array<{ owner: string | null; gaps: GapRow[] }> {
  const groups = new Map<string | null, GapRow[]>();
  for (const gap of review.gaps) {
    const list = groups.get(gap.owner) ?? [];
    list.push(gap);
    groups.set(gap.owner, list);
  }
  return [...groups.entries()]
    .sort(([a], [b]) => (a === null ? 1 : b === null ? -1 : a.localeCompare(b, 'vi')))
    .map(([owner, gaps]) => ({ owner, gaps: review.forecast ? [...gaps].sort(compareGaps) : gaps }));
}

/**
 * The direction of each indicator change since the previous snapshot, relative to its target (see
 * `changeWord`): the comparator is read from the current evaluation of the same commune and tier.
 */
export function changeWords(review: ReviewData): Map<IndicatorChange, ChangeWord> {
  const comparators = new Map<string, GapRow['comparator']>();
  for (const evaluation of review.evaluations) {
    for (const tier of tiers(evaluation)) {
      for (const criterion of tier.criteria) {
        for (const indicator of criterion.indicators) {
          comparators.set(
            `${evaluation.commune.id}\u0000${tier.level}\u0000${indicator.id}`,
            indicator.comparator,
          );
        }
      }
    }
  }
  const words = new Map<IndicatorChange, ChangeWord>();
  for (const commune of review.progress?.communes ?? []) {
    for (const change of commune.indicators) {
      words.set(
        change,
        changeWord(
          change,
          comparators.get(`${commune.id}\u0000${change.level}\u0000${change.indicator}`) ?? null,
        ),
      );
    }
  }
  return words;
}
