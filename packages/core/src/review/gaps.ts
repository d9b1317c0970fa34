/**
 * The small shared pieces every view of evaluations needs (the CLI's reports, the scorecard, portals):
 * the tiers of an evaluation, comparator symbols, gap rounding, and the gap rows of a commune. Built here
 * once; the CLI and the elements reuse them.
 */

import { isRecord } from '../result/is-record.js';
import type { IndicatorLayout } from '../result/layout.js';
import { INDICATOR_STATUS, MET, NOT_APPLICABLE, NOT_MET } from '../result/status.js';
import type { Evaluation, IndicatorResult, IndicatorStatus } from '../result/types.js';
import type { Confidence, LocalizedText } from '../schema/common.js';
import type { Comparator } from '../schema/edition.js';

/** Signs of the comparators as people write them. */
export const COMPARATOR_SYMBOLS: Readonly<Record<Comparator, string>> = Object.freeze({
  '>=': '≥',
  '>': '>',
  '<=': '≤',
  '<': '<',
  '==': '=',
  '!=': '≠',
});

/**
 * Rounds a gap or a difference of values to remove binary noise (0.1 + 0.2 → 0.3), the same way the engine
 * rounds the gaps it reports.
 *
 * @example roundGap(95.4 - 93.2) // 2.2
 */
export function roundGap(value: number): number {
  return Math.round(value * 1e9) / 1e9;
}

/**
 * The tiers of an evaluation, the prerequisites first and the assessed tier last.
 *
 * @example tiers(nangCao).map((t) => t.level) // ['ntm', 'nang-cao']
 */
export function tiers(evaluation: Evaluation): Evaluation[] {
  const list: Evaluation[] = [];
  const visit = (tier: Evaluation) => {
    for (const prerequisite of tier.prerequisites) visit(prerequisite);
    list.push(tier);
  };
  visit(evaluation);
  return list;
}

/** An indicator a commune has not (yet) met, or that could not be judged, with what is left to do. */
export interface GapItem {
  /** Tier the indicator belongs to (the assessed one, or a prerequisite). */
  level: string;
  criterion: string;
  criterionName: LocalizedText;
  indicator: string;
  name: LocalizedText;
  status: IndicatorStatus;
  actual: IndicatorResult['actual'];
  target: number | boolean | null;
  comparator: Comparator | null;
  requirement: LocalizedText | null;
  unit: LocalizedText | null;
  gap: number | null;
  confidence: Confidence;
  verified: boolean;
  reason: LocalizedText | null;
}

/**
 * The gaps of one evaluation and its prerequisites: indicators not met (`unmet`), and indicators that could
 * not be judged (`undecided`: the commune's data is missing, or the target is unknown), in the order of the
 * tiers (prerequisites first) and of the editions.
 */
export function gapItems(evaluation: Evaluation): { unmet: GapItem[]; undecided: GapItem[] } {
  const unmet: GapItem[] = [];
  const undecided: GapItem[] = [];
  for (const tier of tiers(evaluation)) collect(tier, unmet, undecided);
  return { unmet, undecided };
}

function collect(tier: Evaluation, unmet: GapItem[], undecided: GapItem[]): void {
  if (isRecord(tier)) {
    // Fast path: read the compact statuses, build objects only for what is left to do.
    const { indicators, criteria } = tier.layout;
    for (let i = 0; i < indicators.length; i++) {
      const status = tier.statusOf(i);
      if (status === MET || status === NOT_APPLICABLE) continue;
      const indicator = indicators[i] as IndicatorLayout;
      const criterion = criteria[indicator.criterionIndex] as { id: string; name: LocalizedText };
      const cell = tier.targetCell(i);
      const confidence = cell ? cell.confidence : indicator.provenance.confidence;
      (status === NOT_MET ? unmet : undecided).push({
        level: tier.level,
        criterion: criterion.id,
        criterionName: criterion.name,
        indicator: indicator.id,
        name: indicator.name,
        status: INDICATOR_STATUS[status] as IndicatorStatus,
        actual: tier.actual(i),
        target: cell ? cell.value : null,
        comparator: cell?.comparator ?? indicator.comparator,
        requirement: indicator.requirement,
        unit: indicator.unit,
        gap: status === NOT_MET ? tier.gap(i) : null,
        confidence,
        verified: confidence === 'official',
        reason: tier.reason(i),
      });
    }
    return;
  }
  for (const criterion of tier.criteria) {
    for (const indicator of criterion.indicators) {
      if (indicator.status === 'met' || indicator.status === 'not-applicable') continue;
      (indicator.status === 'not-met' ? unmet : undecided).push({
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
        confidence: indicator.confidence ?? (indicator.verified ? 'official' : 'assumed'),
        verified: indicator.verified,
        reason: indicator.reason,
      });
    }
  }
}
