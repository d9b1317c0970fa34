import { OptionsError } from '../errors.js';
import type {
  CriterionStatus,
  Evaluation,
  IndicatorResult,
  IndicatorStatus,
  TierStatus,
} from '../result/types.js';
import type { LocalizedText } from '../schema/common.js';
import { roundGap, tiers } from './gaps.js';

export type Direction = 'improved' | 'worsened' | 'unchanged' | 'changed';

export interface IndicatorChange {
  level: string;
  criterion: string;
  indicator: string;
  name: LocalizedText;
  before: {
    status: IndicatorStatus;
    actual: IndicatorResult['actual'];
    target: IndicatorResult['target'];
    gap: number | null;
  };
  after: {
    status: IndicatorStatus;
    actual: IndicatorResult['actual'];
    target: IndicatorResult['target'];
    gap: number | null;
  };
  /** improved: now met, or closer to the target; worsened: the reverse; changed: not comparable (e.g. new data). */
  direction: Direction;
  /** after.gap − before.gap, when both are numbers (positive = closer to or further past the target). */
  gapChange: number | null;
  unit: LocalizedText | null;
}

export interface CriterionChange {
  level: string;
  id: string;
  name: LocalizedText;
  before: CriterionStatus;
  after: CriterionStatus;
  direction: Direction;
}

export interface CommuneProgress {
  id: string;
  name: string;
  level: string;
  before: TierStatus;
  after: TierStatus;
  criteriaMetBefore: number;
  criteriaMetAfter: number;
  direction: Direction;
  /** The two evaluations used different rules (edition, overlay or a corrected target). */
  rulesetChanged: boolean;
  criteria: CriterionChange[];
  /** Indicators whose status, value or gap changed. */
  indicators: IndicatorChange[];
}

export interface ProgressReport {
  communes: CommuneProgress[];
  /** Communes only in the current review. */
  added: Array<{ id: string; name: string }>;
  /** Communes only in the previous review. */
  removed: Array<{ id: string; name: string }>;
  totals: {
    communes: number;
    improved: number;
    worsened: number;
    unchanged: number;
    /** Communes whose data changed in ways that are neither better nor worse (e.g. new data, no new criterion). */
    changed: number;
    newlyMet: number;
    noLongerMet: number;
    gapsClosed: number;
    gapsWidened: number;
  };
  /** Communes meeting each criterion, before and after. */
  criteria: Array<{ level: string; id: string; name: LocalizedText; metBefore: number; metAfter: number }>;
}

const INDICATOR_RANK: Record<IndicatorStatus, number> = {
  met: 2,
  'not-met': 1,
  missing: 0,
  'not-evaluable': 0,
  'not-applicable': -1,
};
// "Incomplete" ranks above "not met": nothing is known to fail any more, only data or targets are missing.
const CRITERION_RANK: Record<CriterionStatus, number> = { met: 2, incomplete: 1, 'not-met': 0 };

function byRank(before: number, after: number): Direction {
  return after > before ? 'improved' : after < before ? 'worsened' : 'unchanged';
}

function keyOf(evaluation: Evaluation): string {
  return `${evaluation.commune.id}\u0000${evaluation.level}`;
}

function same(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

function indicatorDirection(before: IndicatorResult, after: IndicatorResult): Direction {
  if (before.status === after.status) {
    if (before.gap !== null && after.gap !== null && before.status === 'not-met') {
      return byRank(before.gap, after.gap);
    }
    return same(before.actual, after.actual) ? 'unchanged' : 'changed';
  }
  if (before.status === 'not-applicable' || after.status === 'not-applicable') return 'changed';
  if (INDICATOR_RANK[before.status] === 0 && INDICATOR_RANK[after.status] === 0) return 'changed';
  if (INDICATOR_RANK[before.status] === 0 || INDICATOR_RANK[after.status] === 0) {
    return after.status === 'met' ? 'improved' : before.status === 'met' ? 'worsened' : 'changed';
  }
  return byRank(INDICATOR_RANK[before.status], INDICATOR_RANK[after.status]);
}

/**
 * A commune's progress as people read it: more criteria met (over all tiers) is better; on a tie, more
 * indicators closer to their target; otherwise "changed" if anything moved.
 */
function communeDirection(progress: CommuneProgress): Direction {
  const gained = progress.criteria.filter((c) => c.after === 'met' && c.before !== 'met').length;
  const lost = progress.criteria.filter((c) => c.before === 'met' && c.after !== 'met').length;
  if (gained !== lost) return gained > lost ? 'improved' : 'worsened';
  const better = progress.indicators.filter((i) => i.direction === 'improved').length;
  const worse = progress.indicators.filter((i) => i.direction === 'worsened').length;
  if (better !== worse) return better > worse ? 'improved' : 'worsened';
  return progress.indicators.length > 0 ? 'changed' : 'unchanged';
}

/**
 * Progress between two reviews of the same communes (matched by commune id and tier): criteria and
 * indicators whose status changed, and gaps that closed or widened.
 */
export function compare(previous: readonly Evaluation[], current: readonly Evaluation[]): ProgressReport {
  if (!Array.isArray(previous as unknown) || !Array.isArray(current as unknown))
    throw new OptionsError('compare expects two arrays of evaluations');
  const before = new Map<string, Evaluation>(previous.map((evaluation) => [keyOf(evaluation), evaluation]));
  const matched = new Set<string>();
  const communes: CommuneProgress[] = [];
  const added: ProgressReport['added'] = [];
  const totals: ProgressReport['totals'] = {
    communes: 0,
    improved: 0,
    worsened: 0,
    unchanged: 0,
    changed: 0,
    newlyMet: 0,
    noLongerMet: 0,
    gapsClosed: 0,
    gapsWidened: 0,
  };
  const criteriaCounts = new Map<string, ProgressReport['criteria'][number]>();
  const countCriteria = (evaluation: Evaluation, field: 'metBefore' | 'metAfter') => {
    for (const tier of tiers(evaluation)) {
      for (const criterion of tier.criteria) {
        const key = `${tier.level}\u0000${criterion.id}`;
        let entry = criteriaCounts.get(key);
        if (!entry) {
          entry = { level: tier.level, id: criterion.id, name: criterion.name, metBefore: 0, metAfter: 0 };
          criteriaCounts.set(key, entry);
        }
        if (criterion.status === 'met') entry[field]++;
      }
    }
  };
  for (const evaluation of current) {
    const key = keyOf(evaluation);
    const old = before.get(key);
    if (!old) {
      added.push({ id: evaluation.commune.id, name: evaluation.commune.name });
      continue;
    }
    matched.add(key);
    countCriteria(old, 'metBefore');
    countCriteria(evaluation, 'metAfter');
    const progress: CommuneProgress = {
      id: evaluation.commune.id,
      name: evaluation.commune.name,
      level: evaluation.level,
      before: old.status,
      after: evaluation.status,
      criteriaMetBefore: old.counts.criteriaMet,
      criteriaMetAfter: evaluation.counts.criteriaMet,
      direction: 'unchanged',
      rulesetChanged:
        tiers(old)
          .map((t) => t.ruleset.hash)
          .join() !==
        tiers(evaluation)
          .map((t) => t.ruleset.hash)
          .join(),
      criteria: [],
      indicators: [],
    };
    const oldTiers = new Map<string, Evaluation>(tiers(old).map((tier) => [tier.level, tier]));
    for (const tier of tiers(evaluation)) {
      const oldTier = oldTiers.get(tier.level);
      if (!oldTier) continue;
      const oldCriteria = new Map<string, Evaluation['criteria'][number]>(
        oldTier.criteria.map((criterion) => [criterion.id, criterion]),
      );
      for (const criterion of tier.criteria) {
        const oldCriterion = oldCriteria.get(criterion.id);
        if (!oldCriterion) continue;
        if (oldCriterion.status !== criterion.status) {
          progress.criteria.push({
            level: tier.level,
            id: criterion.id,
            name: criterion.name,
            before: oldCriterion.status,
            after: criterion.status,
            direction: byRank(CRITERION_RANK[oldCriterion.status], CRITERION_RANK[criterion.status]),
          });
        }
        const oldIndicators = new Map<string, IndicatorResult>(
          oldCriterion.indicators.map((indicator) => [indicator.id, indicator]),
        );
        for (const indicator of criterion.indicators) {
          const oldIndicator = oldIndicators.get(indicator.id);
          if (!oldIndicator) continue;
          const direction = indicatorDirection(oldIndicator, indicator);
          if (
            direction === 'unchanged' &&
            oldIndicator.status === indicator.status &&
            same(oldIndicator.actual, indicator.actual) &&
            oldIndicator.target === indicator.target
          ) {
            continue;
          }
          const gapChange =
            oldIndicator.gap !== null && indicator.gap !== null
              ? roundGap(indicator.gap - oldIndicator.gap)
              : null;
          if (direction === 'improved') totals.gapsClosed++;
          if (direction === 'worsened') totals.gapsWidened++;
          progress.indicators.push({
            level: tier.level,
            criterion: criterion.id,
            indicator: indicator.id,
            name: indicator.name,
            before: {
              status: oldIndicator.status,
              actual: oldIndicator.actual,
              target: oldIndicator.target,
              gap: oldIndicator.gap,
            },
            after: {
              status: indicator.status,
              actual: indicator.actual,
              target: indicator.target,
              gap: indicator.gap,
            },
            direction,
            gapChange,
            unit: indicator.unit,
          });
        }
      }
    }
    progress.direction = communeDirection(progress);
    totals.communes++;
    totals[progress.direction]++;
    if (old.status !== 'met' && evaluation.status === 'met') totals.newlyMet++;
    if (old.status === 'met' && evaluation.status !== 'met') totals.noLongerMet++;
    communes.push(progress);
  }
  const removed = previous
    .filter((evaluation) => !matched.has(keyOf(evaluation)))
    .map((evaluation) => ({ id: evaluation.commune.id, name: evaluation.commune.name }));
  return { communes, added, removed, totals, criteria: [...criteriaCounts.values()] };
}
