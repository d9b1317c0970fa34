import { OptionsError } from '../errors.js';
import type { Evaluation, IndicatorResult, IndicatorStatus, TierStatus } from '../result/types.js';
import type { LocalizedText } from '../schema/common.js';
import type { Comparator } from '../schema/edition.js';
import { dayNumber, isoDate, LAST_DAY } from './iso-days.js';
import { type DayValue, daysToTarget, isOrderComparator, meets, slopePerDay, tidy } from './trend.js';

/**
 * What the pace says about one gap (an indicator not met in the latest snapshot). In {@link OUTLOOKS}
 * order, worst first:
 *
 * - `off-track`: a numeric gap that moves away from its target, does not move on average, or at its pace
 *   reaches the target more than `margin` days after the deadline;
 * - `stalled`: a numeric gap whose value has not changed at all across the snapshots;
 * - `at-risk`: a numeric gap that at its pace reaches the target after the deadline, but within `margin` days;
 * - `needs-action`: a yes/no, multiple-choice or composite (logic) indicator not met, or a number compared
 *   with `==`/`!=`: no pace can be read, it closes only when someone acts;
 * - `insufficient-data`: a numeric gap with a value in only one snapshot (e.g. a commune new to the review,
 *   or whose earlier data was missing): no pace yet;
 * - `missing-data`: the commune's data for the indicator is missing (status `missing`);
 * - `unknown-target`: the target is unknown or not official (status `not-evaluable`);
 * - `on-track`: a numeric gap that at its pace reaches the target on or before the deadline.
 */
export type Outlook =
  | 'off-track'
  | 'stalled'
  | 'at-risk'
  | 'needs-action'
  | 'insufficient-data'
  | 'missing-data'
  | 'unknown-target'
  | 'on-track';

/** The outlook of a tier, a commune or a criterion: the worst outlook of its gaps, or `met` when it has none. */
export type TierOutlook = Outlook | 'met';

/**
 * Every outlook, worst first: the order in which a tier's outlook is chosen and in which a meeting goes
 * through the gaps. Gaps a pace says will not close come first, then those that close only by action or
 * whose pace is not known yet, then those that cannot be judged, and last those that will close in time.
 */
export const OUTLOOKS: readonly Outlook[] = Object.freeze([
  'off-track',
  'stalled',
  'at-risk',
  'needs-action',
  'insufficient-data',
  'missing-data',
  'unknown-target',
  'on-track',
]);

/** {@link OUTLOOKS} followed by `met`. */
export const TIER_OUTLOOKS: readonly TierOutlook[] = Object.freeze([...OUTLOOKS, 'met' as const]);

const RANK = new Map<TierOutlook, number>(TIER_OUTLOOKS.map((outlook, index) => [outlook, index]));

/**
 * Orders outlooks worst first (off-track before on-track, anything before `met`), for `Array.prototype.sort`.
 * Sorting gaps by outlook and then by `projected` (ISO dates sort as text) gives the meeting's agenda.
 */
export function compareOutlooks(a: TierOutlook, b: TierOutlook): number {
  return (RANK.get(a) as number) - (RANK.get(b) as number);
}

/** The number of gaps (or communes) per outlook; every key is present. */
export type OutlookCounts = Record<Outlook, number>;

/** The number of communes per outlook, `met` included; every key is present. */
export type TierOutlookCounts = Record<TierOutlook, number>;

/** One review: the evaluations of a district (or any set of communes) on one date. */
export interface Snapshot {
  /** The date of the review, ISO `YYYY-MM-DD`. The forecast places the evaluations on this date. */
  asOf: string;
  /** Evaluations as the engine returns them, or the same as plain JSON. */
  evaluations: readonly Evaluation[];
}

export interface ForecastOptions {
  /** The date every gap should be closed by, ISO `YYYY-MM-DD`. */
  deadline: string;
  /** Days after the deadline in which a projected date is `at-risk` rather than `off-track`. Default 30. */
  margin?: number | undefined;
}

/** One value of a numeric indicator in one snapshot. */
export interface ForecastPoint {
  asOf: string;
  value: number;
}

/** One indicator not met in the latest snapshot, with its pace and outlook. */
export interface GapForecast {
  /** Tier the indicator belongs to (the assessed one, or a prerequisite). */
  level: string;
  criterion: string;
  indicator: string;
  name: LocalizedText;
  /** Status in the latest snapshot. */
  status: Exclude<IndicatorStatus, 'met' | 'not-applicable'>;
  /** Value in the latest snapshot. */
  actual: IndicatorResult['actual'];
  /** Target in the latest snapshot (targets that changed between snapshots are read from the latest). */
  target: IndicatorResult['target'];
  comparator: Comparator | null;
  unit: LocalizedText | null;
  outlook: Outlook;
  /**
   * Numeric gaps: the values the pace is fitted on, oldest first. Every snapshot in which the commune has a
   * number for this indicator (of the same measure as in the latest snapshot) counts, whatever its status
   * then. Empty for other gaps.
   */
  series: ForecastPoint[];
  /**
   * Change per day of the least-squares line through `series` (in the indicator's unit; positive = rising).
   * Null when fewer than two values are known or the gap is not numeric.
   */
  ratePerDay: number | null;
  /**
   * Whether the pace moves the value towards the target (`toward`), away from it (`away`) or not at all
   * (`flat`). Null when `ratePerDay` is null.
   */
  trend: 'toward' | 'away' | 'flat' | null;
  /**
   * The date the target is reached when the latest value moves on at `ratePerDay`; null when the pace does not
   * move towards the target, is unknown, or would reach it only after 9999-12-31.
   */
  projected: string | null;
  /**
   * The change per day needed from the latest value to reach the target on the deadline (in the indicator's
   * unit, signed like `ratePerDay`). Null for non-numeric gaps and when the deadline is not after the latest snapshot.
   */
  requiredRatePerDay: number | null;
  /**
   * The latest snapshot in which the indicator's status or value differed from the previous snapshot that
   * held it; null when it never changed across the snapshots.
   */
  lastChanged: string | null;
}

/** A tier of one commune in the latest snapshot (the assessed tier, or a prerequisite). */
export interface TierForecast {
  level: string;
  status: TierStatus;
  criteriaMet: number;
  criteriaTotal: number;
  /** The worst outlook of the tier's gaps (in {@link OUTLOOKS} order), or `met`. */
  outlook: TierOutlook;
  /** The tier's gaps per outlook. */
  counts: OutlookCounts;
}

/** One commune of the latest snapshot. */
export interface CommuneForecast {
  id: string;
  name: string;
  /** The assessed tier. */
  level: string;
  status: TierStatus;
  /** The worst outlook over the assessed tier and its prerequisites (a tier needs its prerequisites), or `met`. */
  outlook: TierOutlook;
  /** Gaps per outlook, over the assessed tier and its prerequisites. */
  counts: OutlookCounts;
  /** Prerequisite tiers first, the assessed tier last. */
  tiers: TierForecast[];
  /** Indicators not met in the latest snapshot, in the editions' order (prerequisite tiers first). */
  gaps: GapForecast[];
  /** The assessed tier in every snapshot that holds the commune at that tier, oldest first: for a timeline. */
  history: Array<{ asOf: string; status: TierStatus; criteriaMet: number; criteriaTotal: number }>;
}

/** One criterion of one tier across the communes of the latest snapshot. */
export interface CriterionForecast {
  level: string;
  id: string;
  name: LocalizedText;
  /** Communes assessed on this criterion in the latest snapshot. */
  assessed: number;
  /** The worst outlook among those communes, or `met` when they all meet it. */
  outlook: TierOutlook;
  /** Gaps (indicators) per outlook, over all communes. */
  gaps: OutlookCounts;
  /** Communes per outlook, each counted once under its worst outlook on this criterion (`met` when it has no gap). */
  communes: TierOutlookCounts;
}

/** The outlook of every gap of the latest snapshot. Plain data: `JSON.stringify` keeps all of it. */
export interface ForecastReport {
  /** The latest snapshot's date: the forecast looks ahead from it. */
  asOf: string;
  /** Every snapshot's date, oldest first. */
  snapshots: string[];
  deadline: string;
  margin: number;
  /** Days from `asOf` to the deadline (negative once the deadline has passed). */
  daysLeft: number;
  /** One entry per evaluation of the latest snapshot, in its order. */
  communes: CommuneForecast[];
  /** One entry per criterion of the tiers assessed in the latest snapshot (prerequisite tiers included), in the editions' order. */
  criteria: CriterionForecast[];
  totals: {
    communes: number;
    /** Gaps per outlook, over all communes. */
    gaps: OutlookCounts;
    /** Communes per outlook (their worst over all their tiers). */
    communesByOutlook: TierOutlookCounts;
  };
}

const DEFAULT_MARGIN = 30;

/** A snapshot with its day number, and its evaluations by commune id. */
interface DatedSnapshot {
  asOf: string;
  day: number;
  evaluations: readonly Evaluation[];
  byCommune: Map<string, Evaluation[]>;
}

/** One appearance of an indicator of one commune in one snapshot. */
interface Sighting {
  asOf: string;
  day: number;
  indicator: IndicatorResult;
}

function zeroCounts(): OutlookCounts {
  return Object.fromEntries(OUTLOOKS.map((outlook) => [outlook, 0])) as OutlookCounts;
}

function zeroTierCounts(): TierOutlookCounts {
  return Object.fromEntries(TIER_OUTLOOKS.map((outlook) => [outlook, 0])) as TierOutlookCounts;
}

function worse(a: TierOutlook, b: TierOutlook): TierOutlook {
  return compareOutlooks(a, b) <= 0 ? a : b;
}

function checkEvaluation(value: unknown, where: string): asserts value is Evaluation {
  const evaluation = value as Evaluation | null;
  const ok =
    !!evaluation &&
    typeof evaluation === 'object' &&
    typeof evaluation.level === 'string' &&
    typeof evaluation.status === 'string' &&
    !!evaluation.commune &&
    typeof evaluation.commune.id === 'string' &&
    !!evaluation.counts &&
    Array.isArray(evaluation.criteria) &&
    Array.isArray(evaluation.prerequisites);
  if (!ok) throw new OptionsError(`forecast: ${where} is not an evaluation`);
  evaluation.prerequisites.forEach((prerequisite, index) => {
    checkEvaluation(prerequisite, `${where}, prerequisite ${index}`);
  });
}

function readSnapshots(snapshots: readonly Snapshot[]): DatedSnapshot[] {
  if (!Array.isArray(snapshots as unknown) || snapshots.length === 0)
    throw new OptionsError('forecast expects a non-empty array of snapshots { asOf, evaluations }');
  const seen = new Map<number, number>();
  const dated = snapshots.map((snapshot, index): DatedSnapshot => {
    const day = dayNumber(snapshot?.asOf);
    if (day === null)
      throw new OptionsError(
        `forecast: snapshot ${index} has no valid date asOf (YYYY-MM-DD): ${JSON.stringify(snapshot?.asOf)}`,
      );
    const other = seen.get(day);
    if (other !== undefined)
      throw new OptionsError(`forecast: snapshots ${other} and ${index} have the same date ${snapshot.asOf}`);
    seen.set(day, index);
    if (!Array.isArray(snapshot.evaluations as unknown))
      throw new OptionsError(`forecast: snapshot ${snapshot.asOf} has no array of evaluations`);
    const byCommune = new Map<string, Evaluation[]>();
    snapshot.evaluations.forEach((evaluation, position) => {
      checkEvaluation(evaluation, `snapshot ${snapshot.asOf}, item ${position}`);
      const same = byCommune.get(evaluation.commune.id);
      if (!same) byCommune.set(evaluation.commune.id, [evaluation]);
      else if (same.some((other) => other.level === evaluation.level))
        throw new OptionsError(
          `forecast: snapshot ${snapshot.asOf} holds commune ${evaluation.commune.id} twice at tier ${evaluation.level}`,
        );
      else same.push(evaluation);
    });
    return { asOf: snapshot.asOf, day, evaluations: snapshot.evaluations, byCommune };
  });
  return dated.sort((a, b) => a.day - b.day);
}

/** Finds tiers and indicators of the communes in the snapshots, building each index once. */
class Lookup {
  readonly #tiers = new Map<Evaluation, Evaluation[]>();
  readonly #indicators = new Map<Evaluation, Map<string, IndicatorResult>>();

  /** Prerequisite tiers first (deepest first), the evaluation itself last; each level once. */
  tiers(evaluation: Evaluation): Evaluation[] {
    let tiers = this.#tiers.get(evaluation);
    if (!tiers) {
      const levels = new Set<string>();
      const found: Evaluation[] = [];
      const visit = (tier: Evaluation) => {
        for (const prerequisite of tier.prerequisites) visit(prerequisite);
        if (levels.has(tier.level)) return;
        levels.add(tier.level);
        found.push(tier);
      };
      visit(evaluation);
      tiers = found;
      this.#tiers.set(evaluation, tiers);
    }
    return tiers;
  }

  /** The commune's tier at `level` in a snapshot: from an evaluation assessed at that level, else a prerequisite. */
  tier(snapshot: DatedSnapshot, communeId: string, level: string): Evaluation | null {
    const evaluations = snapshot.byCommune.get(communeId);
    if (!evaluations) return null;
    const assessed = evaluations.find((evaluation) => evaluation.level === level);
    if (assessed) return assessed;
    for (const evaluation of evaluations) {
      const tier = this.tiers(evaluation).find((candidate) => candidate.level === level);
      if (tier) return tier;
    }
    return null;
  }

  indicator(tier: Evaluation, id: string): IndicatorResult | null {
    let index = this.#indicators.get(tier);
    if (!index) {
      index = new Map();
      for (const criterion of tier.criteria)
        for (const indicator of criterion.indicators) index.set(indicator.id, indicator);
      this.#indicators.set(tier, index);
    }
    return index.get(id) ?? null;
  }
}

function copyActual(actual: IndicatorResult['actual']): IndicatorResult['actual'] {
  return Array.isArray(actual) ? [...actual] : actual;
}

/** The latest snapshot at which the indicator's status or value differed from its previous sighting. */
function lastChange(sightings: readonly Sighting[]): string | null {
  let changed: string | null = null;
  for (let i = 1; i < sightings.length; i++) {
    const before = (sightings[i - 1] as Sighting).indicator;
    const after = (sightings[i] as Sighting).indicator;
    if (before.status !== after.status || JSON.stringify(before.actual) !== JSON.stringify(after.actual))
      changed = (sightings[i] as Sighting).asOf;
  }
  return changed;
}

interface Horizon {
  latestDay: number;
  deadlineDay: number;
  margin: number;
  daysLeft: number;
}

/** Pace, projection and outlook of one indicator not met in the latest snapshot. */
function forecastGap(
  level: string,
  criterion: string,
  indicator: IndicatorResult,
  sightings: readonly Sighting[],
  horizon: Horizon,
): GapForecast {
  const gap: GapForecast = {
    level,
    criterion,
    indicator: indicator.id,
    name: indicator.name,
    status: indicator.status as GapForecast['status'],
    actual: copyActual(indicator.actual),
    target: indicator.target,
    comparator: indicator.comparator,
    unit: indicator.unit,
    outlook: 'needs-action',
    series: [],
    ratePerDay: null,
    trend: null,
    projected: null,
    requiredRatePerDay: null,
    lastChanged: lastChange(sightings),
  };
  if (indicator.status === 'missing') {
    gap.outlook = 'missing-data';
    return gap;
  }
  if (indicator.status === 'not-evaluable') {
    gap.outlook = 'unknown-target';
    return gap;
  }
  const { actual, target, comparator } = indicator;
  // A pace only makes sense for a number that has to rise or fall to a numeric target it does not meet yet.
  if (
    typeof actual !== 'number' ||
    typeof target !== 'number' ||
    !Number.isFinite(actual) ||
    !Number.isFinite(target) ||
    !isOrderComparator(comparator) ||
    meets(actual, target, comparator)
  ) {
    return gap;
  }
  const points: DayValue[] = [];
  for (const sighting of sightings) {
    const value = sighting.indicator.actual;
    // Values of another measure (an edition that reused the indicator id for something else) are not comparable.
    if (
      typeof value !== 'number' ||
      !Number.isFinite(value) ||
      sighting.indicator.measure !== indicator.measure
    )
      continue;
    points.push({ day: sighting.day, value });
    gap.series.push({ asOf: sighting.asOf, value });
  }
  if (horizon.daysLeft > 0) gap.requiredRatePerDay = tidy((target - actual) / horizon.daysLeft);
  if (points.length < 2) {
    gap.outlook = 'insufficient-data';
    return gap;
  }
  if (points.every((point) => point.value === (points[0] as DayValue).value)) {
    gap.outlook = 'stalled';
    gap.ratePerDay = 0;
    gap.trend = 'flat';
    return gap;
  }
  const rate = slopePerDay(points);
  const rising = comparator === '>=' || comparator === '>';
  gap.ratePerDay = rate;
  gap.trend = rate === 0 ? 'flat' : rate > 0 === rising ? 'toward' : 'away';
  const days = daysToTarget(actual, target, comparator, rate);
  const projectedDay = days === null ? null : horizon.latestDay + days;
  if (projectedDay === null || projectedDay > LAST_DAY) {
    gap.outlook = 'off-track';
    return gap;
  }
  gap.projected = isoDate(projectedDay);
  gap.outlook =
    projectedDay <= horizon.deadlineDay
      ? 'on-track'
      : projectedDay <= horizon.deadlineDay + horizon.margin
        ? 'at-risk'
        : 'off-track';
  return gap;
}

/**
 * Looks ahead from the latest of several reviews: for every commune of the latest snapshot and every
 * indicator it does not meet there (in the assessed tier and its prerequisites), the pace of the last
 * months and whether the gap will close by `deadline` at that pace.
 *
 * - Numeric indicators (a number compared with `>=`, `>`, `<=` or `<` to a numeric target): the pace is the
 *   slope of the least-squares line through the commune's values in every snapshot (not only the last two),
 *   in units per day. From the latest value at that pace the target is reached on `projected`; the outlook
 *   is `on-track` (by the deadline), `at-risk` (within `margin` days after it), `off-track` (later, or
 *   never at this pace), `stalled` (the value never changed) or `insufficient-data` (a value in one
 *   snapshot only). The latest snapshot's target and comparator apply; for `<=` and `<` the value must fall.
 * - Yes/no, multiple-choice and composite indicators are `needs-action`, with the date they last changed.
 * - Indicators that cannot be judged are `missing-data` (the commune's data is missing) or
 *   `unknown-target` (the target is unknown or not official); they are never forecast.
 *
 * Communes are matched across snapshots by `commune.id`, indicators by tier level and indicator id; a
 * commune may be absent from some snapshots. Snapshots may come in any order (their dates must differ).
 * Each commune, tier and criterion gets the worst outlook of its gaps ({@link OUTLOOKS} order) and the
 * number of gaps per outlook. Pure: the clock is never read, days are counted in UTC, and the result is
 * plain data.
 *
 * Throws `OptionsError` when the snapshots or options are malformed (no snapshot, a date that is not
 * `YYYY-MM-DD`, two snapshots on one date, a commune twice at one tier in one snapshot, a negative margin).
 *
 * @example
 * Households using electricity safely (indicator 4.2, target ≥ 98 %) at 94 % on 1 April, 95.8 % on 1 July
 * and 96.6 % on 1 October 2023 (evaluations from `evaluateMany`, or the same as JSON):
 * ```ts
 * import { forecast } from '@nongthonmoi/core/review';
 *
 * const report = forecast(
 *   [
 *     { asOf: '2023-04-01', evaluations: april },
 *     { asOf: '2023-07-01', evaluations: july },
 *     { asOf: '2023-10-01', evaluations: october },
 *   ],
 *   { deadline: '2023-12-31' },
 * );
 * report.daysLeft; // 91
 * const gap = report.communes[0].gaps.find((g) => g.indicator === '4.2');
 * gap.ratePerDay; // 0.0141975554405: the fitted line rises ≈ 0.43 points a month
 * gap.projected; // '2024-01-08': 1.4 points to go ÷ 0.0142 a day = 98.6 → 99 days after 1 October
 * gap.outlook; // 'at-risk': 8 days after the deadline, within the 30-day margin
 * gap.requiredRatePerDay; // 0.0153846153846 (1.4 ÷ 91): the pace that would close it by 31 December
 * ```
 */
export function forecast(snapshots: readonly Snapshot[], options: ForecastOptions): ForecastReport {
  const deadlineDay = dayNumber(options?.deadline);
  if (deadlineDay === null)
    throw new OptionsError(
      `forecast: deadline must be a date YYYY-MM-DD, got ${JSON.stringify(options?.deadline)}`,
    );
  const margin = options.margin ?? DEFAULT_MARGIN;
  if (typeof margin !== 'number' || !Number.isInteger(margin) || margin < 0)
    throw new OptionsError(
      `forecast: margin must be a whole number of days ≥ 0, got ${JSON.stringify(margin)}`,
    );
  const ordered = readSnapshots(snapshots);
  const latest = ordered[ordered.length - 1] as DatedSnapshot;
  const horizon: Horizon = {
    latestDay: latest.day,
    deadlineDay,
    margin,
    daysLeft: deadlineDay - latest.day,
  };
  const lookup = new Lookup();
  const criteria = new Map<string, CriterionForecast>();
  const totals: ForecastReport['totals'] = {
    communes: 0,
    gaps: zeroCounts(),
    communesByOutlook: zeroTierCounts(),
  };
  const communes: CommuneForecast[] = [];

  for (const evaluation of latest.evaluations) {
    const communeId = evaluation.commune.id;
    const commune: CommuneForecast = {
      id: communeId,
      name: evaluation.commune.name,
      level: evaluation.level,
      status: evaluation.status,
      outlook: 'met',
      counts: zeroCounts(),
      tiers: [],
      gaps: [],
      history: [],
    };
    for (const tier of lookup.tiers(evaluation)) {
      const tierForecast: TierForecast = {
        level: tier.level,
        status: tier.status,
        criteriaMet: tier.counts.criteriaMet,
        criteriaTotal: tier.counts.criteriaTotal,
        outlook: 'met',
        counts: zeroCounts(),
      };
      // The same tier in the earlier snapshots, oldest first (the latest is `tier` itself).
      const earlier = ordered
        .slice(0, -1)
        .map((snapshot) => ({ snapshot, tier: lookup.tier(snapshot, communeId, tier.level) }));
      for (const criterion of tier.criteria) {
        const key = `${tier.level}\u0000${criterion.id}`;
        let column = criteria.get(key);
        if (!column) {
          column = {
            level: tier.level,
            id: criterion.id,
            name: criterion.name,
            assessed: 0,
            outlook: 'met',
            gaps: zeroCounts(),
            communes: zeroTierCounts(),
          };
          criteria.set(key, column);
        }
        column.assessed++;
        let criterionOutlook: TierOutlook = 'met';
        for (const indicator of criterion.indicators) {
          if (indicator.status === 'met' || indicator.status === 'not-applicable') continue;
          const sightings: Sighting[] = [];
          for (const { snapshot, tier: then } of earlier) {
            const seen = then ? lookup.indicator(then, indicator.id) : null;
            if (seen) sightings.push({ asOf: snapshot.asOf, day: snapshot.day, indicator: seen });
          }
          sightings.push({ asOf: latest.asOf, day: latest.day, indicator });
          const gap = forecastGap(tier.level, criterion.id, indicator, sightings, horizon);
          commune.gaps.push(gap);
          commune.counts[gap.outlook]++;
          tierForecast.counts[gap.outlook]++;
          column.gaps[gap.outlook]++;
          totals.gaps[gap.outlook]++;
          tierForecast.outlook = worse(tierForecast.outlook, gap.outlook);
          criterionOutlook = worse(criterionOutlook, gap.outlook);
        }
        column.communes[criterionOutlook]++;
        column.outlook = worse(column.outlook, criterionOutlook);
      }
      commune.outlook = worse(commune.outlook, tierForecast.outlook);
      commune.tiers.push(tierForecast);
    }
    for (const snapshot of ordered) {
      const tier = snapshot === latest ? evaluation : lookup.tier(snapshot, communeId, evaluation.level);
      if (!tier) continue;
      commune.history.push({
        asOf: snapshot.asOf,
        status: tier.status,
        criteriaMet: tier.counts.criteriaMet,
        criteriaTotal: tier.counts.criteriaTotal,
      });
    }
    totals.communes++;
    totals.communesByOutlook[commune.outlook]++;
    communes.push(commune);
  }

  return {
    asOf: latest.asOf,
    snapshots: ordered.map((snapshot) => snapshot.asOf),
    deadline: options.deadline,
    margin,
    daysLeft: horizon.daysLeft,
    communes,
    criteria: [...criteria.values()],
    totals,
  };
}
