/**
 * The one loop that decides met / not met: a commune's values (already loaded by position, see
 * read-commune.ts) against a lowered tier, then the tiers it requires, into compact records.
 */

import type { ResolvedIndicator } from '../editions/resolve.js';
import { applyRegionRules } from '../editions/resolve.js';
import type { RuleContext } from '../editions/rule-logic.js';
import { RuleEvaluationError } from '../errors.js';
import type { LogicBudget } from '../logic/budget.js';
import { LogicBudgetError, LogicError } from '../logic/errors.js';
import { truthy } from '../logic/truthy.js';
import {
  EvaluationRecord,
  OP_CODES,
  OP_EQ,
  OP_GE,
  OP_GT,
  OP_LE,
  OP_LT,
  undecidedOf,
} from '../result/record.js';
import {
  C_INCOMPLETE,
  C_MET,
  C_NOT_MET,
  MET,
  MISSING,
  NOT_APPLICABLE,
  NOT_EVALUABLE,
  NOT_MET,
} from '../result/status.js';
import type { EvaluationCounts, RequiredConfidence, TierStatus } from '../result/types.js';
import { confidenceRank } from '../schema/common.js';
import type { ResolvedTarget } from '../schema/provenance.js';
import { FLAG_APPLICABLE, FLAG_CONTEXT, FLAG_COUNTS_LIST, type Placement, type Tier } from './lower.js';

export interface RunContext {
  asOf: string;
  year: number;
  minConfidence: RequiredConfidence;
  /** Confidence rank a target needs to count (3 official, 2 secondary, 1 assumed). */
  minRank: number;
}

/** What the loop needs of one commune. */
export interface LoadedCommune {
  info: EvaluationRecord['commune'];
  /** Values by the chain's positions (undefined = missing). */
  values: unknown[];
  /** The input's values object, as expressions read it. */
  object: Record<string, unknown>;
  placement: Placement;
  /** The steps its rule expressions may take, shared by every tier (see Chain.budget). */
  budget: LogicBudget;
  /** Where the statuses of its records are stored. */
  statuses: StatusStore;
}

/** Statuses of many records in one typed array, handed out in slices. */
export interface StatusStore {
  array: Uint8Array;
  used: number;
}

/**
 * Room for `size` statuses: its start in `store.array`, which is replaced by a larger new array when full
 * (records keep the array they were written in). Stores grow from 256 bytes to 64 KiB a piece.
 */
function reserve(store: StatusStore, size: number): number {
  if (store.used + size > store.array.length) {
    store.array = new Uint8Array(Math.max(size, Math.min(65_536, Math.max(256, store.array.length * 2))));
    store.used = 0;
  }
  const base = store.used;
  store.used += size;
  return base;
}

/** A rule expression that failed for a commune (e.g. ran out of its step budget), as an error naming the indicator. */
function ruleFailure(
  error: unknown,
  tier: Tier,
  i: number,
  expression: 'applicableIf' | 'test.logic' | 'target',
  communeId: string,
): unknown {
  if (!(error instanceof LogicError)) return error;
  const indicator = tier.edition.indicators[i] as ResolvedIndicator;
  return new RuleEvaluationError({
    code: error instanceof LogicBudgetError ? 'logic-budget-exceeded' : 'rule-evaluation-failed',
    communeId,
    indicator: indicator.id,
    ruleset: indicator.provenance.ruleset,
    expression,
    path: error.path,
    reason: { en: error.reason, vi: error.reasonVi },
  });
}

function compare(opCode: number, actual: number | boolean, target: number | boolean): boolean {
  switch (opCode) {
    case OP_GE:
      return actual >= target;
    case OP_GT:
      return actual > target;
    case OP_LE:
      return actual <= target;
    case OP_LT:
      return actual < target;
    case OP_EQ:
      return actual === target;
    default:
      return actual !== target;
  }
}

function anyMissing(values: readonly unknown[], reads: Int32Array): boolean {
  for (let k = 0; k < reads.length; k++) if (values[reads[k] as number] === undefined) return true;
  return false;
}

const NO_PREREQUISITES: EvaluationRecord[] = [];

/** Evaluates one loaded commune against a tier and, first, the tiers it requires. */
export function execute(tier: Tier, commune: LoadedCommune, run: RunContext): EvaluationRecord {
  const prerequisites = tier.requires ? [execute(tier.requires, commune, run)] : NO_PREREQUISITES;
  const placement = commune.placement;
  const vector = tier.vector(placement);
  const values = commune.values;
  const n = tier.count;
  const criteriaCount = tier.criterionStart.length - 1;
  // Indicator statuses then criterion statuses, in the batch's shared status store (one typed array for many
  // communes: allocating a small typed array per record would cost more than evaluating it).
  const base = reserve(commune.statuses, n + criteriaCount);
  const statuses = commune.statuses.array;
  const { slot: slots, flags, applicable, applicableReads, logic, logicReads, logicRank } = tier;
  const { values: targets, rank, bound, ops } = vector;
  const minRank = run.minRank;
  const budget = commune.budget;
  let perCommune: Array<ResolvedTarget | undefined> | null = null;
  let context: RuleContext | undefined;

  for (let i = 0; i < n; i++) {
    const flag = flags[i] as number;
    if (flag & FLAG_APPLICABLE) {
      if (anyMissing(values, applicableReads[i] as Int32Array)) {
        statuses[base + i] = MISSING;
        continue;
      }
      if (flag & FLAG_CONTEXT) context ??= tier.context(placement, values, budget);
      let applies: unknown;
      try {
        applies = (applicable[i] as NonNullable<(typeof applicable)[number]>)(
          commune.object,
          context,
          budget,
        );
      } catch (error) {
        throw ruleFailure(error, tier, i, 'applicableIf', commune.info.id);
      }
      if (!truthy(applies)) {
        statuses[base + i] = NOT_APPLICABLE;
        continue;
      }
    }
    const slot = slots[i] as number;
    if (slot < 0) {
      // A composite test: its own provenance says how sure it is.
      if (anyMissing(values, logicReads[i] as Int32Array)) statuses[base + i] = MISSING;
      else if ((logicRank[i] as number) < minRank) statuses[base + i] = NOT_EVALUABLE;
      else {
        if (flag & FLAG_CONTEXT) context ??= tier.context(placement, values, budget);
        let passed: unknown;
        try {
          passed = (logic[i] as NonNullable<(typeof logic)[number]>)(commune.object, context, budget);
        } catch (error) {
          throw ruleFailure(error, tier, i, 'test.logic', commune.info.id);
        }
        statuses[base + i] = truthy(passed) ? MET : NOT_MET;
      }
      continue;
    }
    let actual = values[slot];
    if (actual === undefined) {
      statuses[base + i] = MISSING;
      continue;
    }
    let target = targets[i];
    let targetRank = rank[i] as number;
    let isBound = bound[i] as number;
    let op = ops[i] as number;
    if (target === undefined) {
      const derived = tier.derived[i];
      if (
        (derived?.national && anyMissing(values, derived.national.reads)) ||
        (derived?.province && anyMissing(values, derived.province.reads))
      ) {
        statuses[base + i] = MISSING;
        continue;
      }
      let cell: ResolvedTarget;
      try {
        cell = tier.perCommuneTarget(vector, i, placement, values, budget);
      } catch (error) {
        throw ruleFailure(error, tier, i, 'target', commune.info.id);
      }
      perCommune ??= [];
      perCommune[i] = cell;
      target = cell.value;
      targetRank = confidenceRank(cell.confidence);
      isBound = cell.bound ? 1 : 0;
      if (cell.comparator) op = OP_CODES[cell.comparator];
    }
    if (target === null || (targetRank < minRank && !isBound)) {
      statuses[base + i] = NOT_EVALUABLE;
      continue;
    }
    if (flag & FLAG_COUNTS_LIST) actual = (actual as unknown[]).length;
    const passed = compare(op, actual as number | boolean, target);
    // A bound (or a placeholder) can only prove a failure: meeting it says nothing of the real target.
    statuses[base + i] = isBound ? (passed ? NOT_EVALUABLE : NOT_MET) : passed ? MET : NOT_MET;
  }

  // Counted in locals (one pass over the criteria), then written once into the counts object.
  let met = 0;
  let total = 0;
  let notMetCount = 0;
  let missing = 0;
  let notEvaluable = 0;
  let notApplicable = 0;
  let criteriaMet = 0;
  const byRank = [0, 0, 0, 0];
  let anyNotMet = false;
  let anyIncomplete = false;
  const members = tier.members;
  const starts = tier.criterionStart;
  for (let c = 0; c < criteriaCount; c++) {
    let notMet = false;
    let incomplete = false;
    for (let k = starts[c] as number, end = starts[c + 1] as number; k < end; k++) {
      const i = members[k] as number;
      const status = statuses[base + i];
      if (status === NOT_APPLICABLE) {
        notApplicable++;
        continue;
      }
      total++;
      const cell = perCommune === null ? undefined : perCommune[i];
      const level = cell ? confidenceRank(cell.confidence) : (rank[i] as number);
      byRank[level] = (byRank[level] as number) + 1;
      if (status === MET) met++;
      else if (status === NOT_MET) {
        notMetCount++;
        notMet = true;
      } else {
        if (status === MISSING) missing++;
        else notEvaluable++;
        incomplete = true;
      }
    }
    // Every applicable indicator must be met; one that is not decides, whatever else is missing.
    const status = notMet ? C_NOT_MET : incomplete ? C_INCOMPLETE : C_MET;
    statuses[base + n + c] = status;
    if (status === C_MET) criteriaMet++;
    else if (status === C_NOT_MET) anyNotMet = true;
    else anyIncomplete = true;
  }
  const counts: EvaluationCounts = {
    criteriaMet,
    criteriaTotal: criteriaCount,
    indicatorsMet: met,
    indicatorsTotal: total,
    indicatorsNotMet: notMetCount,
    indicatorsMissing: missing,
    indicatorsNotEvaluable: notEvaluable,
    indicatorsNotApplicable: notApplicable,
    unverifiedTargets: total - (byRank[3] as number),
    confidence: {
      official: byRank[3] as number,
      secondary: byRank[2] as number,
      assumed: byRank[1] as number,
      unknown: byRank[0] as number,
    },
  };
  let missingData = missing;
  let unknownTargets = notEvaluable;
  for (const prerequisite of prerequisites) {
    if (prerequisite.status === 'not-met') anyNotMet = true;
    else if (prerequisite.status === 'incomplete') anyIncomplete = true;
    missingData += prerequisite.undecided?.missingData ?? 0;
    unknownTargets += prerequisite.undecided?.unknownTargets ?? 0;
  }
  const status: TierStatus = anyNotMet ? 'not-met' : anyIncomplete ? 'incomplete' : 'met';
  // In an incomplete tier no criterion is failed, so every undecided indicator holds the verdict back.
  const undecided = status === 'incomplete' ? undecidedOf(missingData, unknownTargets) : null;
  const regionBasis =
    placement.declared !== null && placement.categories.length > 0
      ? applyRegionRules(tier.edition.regionRules, placement.declared, placement.categories)
      : null;
  return new EvaluationRecord({
    layout: tier.layout,
    commune: commune.info,
    status,
    undecided,
    asOf: run.asOf,
    year: run.year,
    region: regionBasis ? regionBasis.applied : placement.declared,
    regionBasis,
    group: placement.group,
    minConfidence: run.minConfidence,
    prerequisites,
    counts,
    statuses,
    base,
    values,
    cells: vector.cells,
    perCommune,
  });
}
