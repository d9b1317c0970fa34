import {
  type CompiledCriterion,
  type CompiledIndicator,
  FLAG_APPLICABLE,
  FLAG_COUNTS_LIST,
  FLAG_NEEDS_CONTEXT,
  OP_CODES,
  OP_EQ,
  OP_GE,
  OP_GT,
  OP_LE,
  OP_LT,
  OP_NE,
  type Placement,
  type Plan,
  type RulesetInfo,
  type TargetVector,
} from '../editions/compile.js';
import { type RuleContext, ruleLogic } from '../editions/rule-logic.js';
import type { ResolvedTarget } from '../editions/targets.js';
import { RuleEvaluationError } from '../errors.js';
import { LogicBudget } from '../logic/budget.js';
import type { CompiledExpression } from '../logic/compile.js';
import { LogicBudgetError, LogicError } from '../logic/errors.js';
import { truthy } from '../logic/truthy.js';
import type { LocalizedText, Region } from '../schema/common.js';
import type {
  CriterionResult,
  CriterionStatus,
  Evaluation,
  EvaluationCounts,
  IndicatorResult,
  IndicatorStatus,
  RegionBasis,
  TierStatus,
} from './types.js';
import type { ValidCommune } from './validate-commune.js';

/** Node's console.log and util.inspect print the plain result instead of an empty class instance. */
const INSPECT = Symbol.for('nodejs.util.inspect.custom');

import { registerFastRecord } from '../review/fast-path.js';
import {
  C_INCOMPLETE,
  C_MET,
  C_NOT_MET,
  CRITERION_STATUS,
  INDICATOR_STATUS,
  MET,
  MISSING,
  NOT_APPLICABLE,
  NOT_EVALUABLE,
  NOT_MET,
} from './status-codes.js';

export interface RunOptions {
  asOf: string;
  year: number;
  requireVerified: boolean;
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

/** Signed distance to the target: negative when short of it (or above a ceiling). */
export function gapOf(opCode: number, actual: number, target: number): number {
  const raw = opCode === OP_LE || opCode === OP_LT ? target - actual : actual - target;
  return Math.round(raw * 1e9) / 1e9;
}

/** The region whose targets apply, after the edition's category rules (318 Art. 1, 211/QĐ-TTg). */
function applyRegionRules(plan: Plan, declared: Region, categories: readonly string[]): RegionBasis | null {
  if (categories.length === 0) return null;
  for (const rule of plan.edition.regionRules) {
    const category = rule.categories.find((item) => categories.includes(item));
    if (category) {
      return { declared, applied: rule.region, category, reason: rule.reason, citation: rule.citation };
    }
  }
  return null;
}

const planSteps = new WeakMap<Plan, number>();

/** The static step bounds of the expressions a plan (with the tiers it requires) runs for one commune. */
function stepBoundOf(plan: Plan): number {
  let steps = planSteps.get(plan);
  if (steps === undefined) {
    steps = plan.requires ? stepBoundOf(plan.requires) : 0;
    for (const indicator of plan.edition.indicators) {
      steps += (indicator.applicable?.stepBound ?? 0) + (indicator.logic?.stepBound ?? 0);
      steps += (indicator.national?.derived?.stepBound ?? 0) + (indicator.province?.derived?.stepBound ?? 0);
    }
    planSteps.set(plan, steps);
  }
  return steps;
}

/**
 * The step budget of one commune's evaluation against these plans: what their expressions (conditions, logic
 * tests, computed targets) may need by their static bounds, plus `maxSteps` (one expression's worth) for
 * targets of a required tier asked for more than once: the cost of another tier's target is not part of an
 * expression's bound, so `requiredTarget` in a loop is what this budget stops. A runaway rule thus costs each
 * commune at most about a million steps beyond what the rules may legitimately need.
 */
export function communeBudget(plans: readonly Plan[]): LogicBudget {
  let steps = ruleLogic.limits.maxSteps;
  for (const plan of plans) steps += stepBoundOf(plan);
  return new LogicBudget(steps);
}

/** The error of a rule expression that failed for a commune (e.g. ran out of budget), naming the indicator. */
function ruleFailure(
  error: unknown,
  indicator: CompiledIndicator,
  expression: 'applicableIf' | 'test.logic' | 'target',
  commune: ValidCommune,
): unknown {
  if (!(error instanceof LogicError)) return error;
  return new RuleEvaluationError({
    code: error instanceof LogicBudgetError ? 'logic-budget-exceeded' : 'rule-evaluation-failed',
    communeId: commune.id,
    indicator: indicator.id,
    ruleset: indicator.provenance.ruleset,
    expression,
    path: error.path,
    reason: { en: error.reason, vi: error.reasonVi },
  });
}

function evaluateRule(
  rule: CompiledExpression,
  indicator: CompiledIndicator,
  expression: 'applicableIf' | 'test.logic',
  commune: ValidCommune,
  context: RuleContext | undefined,
  budget: LogicBudget,
): unknown {
  try {
    return rule(commune.values, context, budget);
  } catch (error) {
    throw ruleFailure(error, indicator, expression, commune);
  }
}

function communeTarget(
  plan: Plan,
  vector: TargetVector,
  indicator: CompiledIndicator,
  placement: Placement,
  year: number,
  commune: ValidCommune,
  budget: LogicBudget,
): ResolvedTarget {
  try {
    return plan.perCommuneTarget(vector, indicator, placement, year, commune.slots, commune.values, budget);
  } catch (error) {
    throw ruleFailure(error, indicator, 'target', commune);
  }
}

/**
 * Evaluates one validated commune against a plan (and, first, the plans it requires). Rule expressions
 * share `budget`; one that fails throws {@link RuleEvaluationError} naming the indicator.
 */
export function runPlan(
  plan: Plan,
  commune: ValidCommune,
  declaredRegion: Region,
  options: RunOptions,
  budget: LogicBudget = communeBudget([plan]),
): EvaluationRecord {
  const regionBasis =
    commune.categories.length > 0 ? applyRegionRules(plan, declaredRegion, commune.categories) : null;
  const region = regionBasis ? regionBasis.applied : declaredRegion;
  const prerequisites = plan.requires
    ? [runPlan(plan.requires, commune, declaredRegion, options, budget)]
    : NO_PREREQUISITES;
  const placement: Placement = { declared: declaredRegion, categories: commune.categories };
  const vector = plan.vector(placement, options.year);
  const edition = plan.edition;
  const indicators = edition.indicators;
  const slots = commune.slots;
  const values = commune.values;
  const count = indicators.length;
  const criteria = edition.criteria;
  // One array for both: indicator statuses first, then criterion statuses.
  const statuses = new Uint8Array(count + criteria.length);
  let perCommune: Array<ResolvedTarget | undefined> | null = null;
  let context: RuleContext | undefined;
  const targets = vector.values;
  const verified = vector.verified;
  const requireVerified = options.requireVerified;

  const { slot: measureSlots, flags } = edition.hot;
  const ops = vector.ops;
  for (let i = 0; i < count; i++) {
    const flag = flags[i] as number;
    const slot = measureSlots[i] as number;
    if (flag === 0 && slot >= 0) {
      // The common case: one measure compared with a shared target.
      const actual = slots[slot];
      const target = targets[i];
      if (actual === undefined) statuses[i] = MISSING;
      else if (target !== undefined) {
        if (target === null || (requireVerified && verified[i] === 0)) statuses[i] = NOT_EVALUABLE;
        else statuses[i] = compare(ops[i] as number, actual as number | boolean, target) ? MET : NOT_MET;
      } else {
        const indicator = indicators[i] as CompiledIndicator;
        if (anyMissing(slots, indicator.derivedSlots)) {
          statuses[i] = MISSING;
          continue;
        }
        const cell = communeTarget(plan, vector, indicator, placement, options.year, commune, budget);
        perCommune ??= [];
        perCommune[i] = cell;
        const op = cell.comparator ? OP_CODES[cell.comparator] : (ops[i] as number);
        if (cell.value === null || (requireVerified && !cell.verified)) statuses[i] = NOT_EVALUABLE;
        else statuses[i] = compare(op, actual as number | boolean, cell.value) ? MET : NOT_MET;
      }
      continue;
    }
    const indicator = indicators[i] as CompiledIndicator;
    if (flag & FLAG_APPLICABLE) {
      if (anyMissing(slots, indicator.applicableSlots)) {
        statuses[i] = MISSING;
        continue;
      }
      if (flag & FLAG_NEEDS_CONTEXT) context ??= plan.context(placement, options.year, values, budget);
      const applicable = evaluateRule(
        indicator.applicable as CompiledExpression,
        indicator,
        'applicableIf',
        commune,
        context,
        budget,
      );
      if (!truthy(applicable)) {
        statuses[i] = NOT_APPLICABLE;
        continue;
      }
    }
    if (slot < 0) {
      if (anyMissing(slots, indicator.logicSlots)) statuses[i] = MISSING;
      else if (requireVerified && verified[i] === 0) statuses[i] = NOT_EVALUABLE;
      else {
        if (flag & FLAG_NEEDS_CONTEXT) context ??= plan.context(placement, options.year, values, budget);
        const passed = evaluateRule(
          indicator.logic as CompiledExpression,
          indicator,
          'test.logic',
          commune,
          context,
          budget,
        );
        statuses[i] = truthy(passed) ? MET : NOT_MET;
      }
      continue;
    }
    let actual = slots[slot];
    if (actual === undefined) {
      statuses[i] = MISSING;
      continue;
    }
    let target = targets[i];
    let isVerified = verified[i] === 1;
    let op = ops[i] as number;
    if (target === undefined) {
      if (anyMissing(slots, indicator.derivedSlots)) {
        statuses[i] = MISSING;
        continue;
      }
      const cell = communeTarget(plan, vector, indicator, placement, options.year, commune, budget);
      perCommune ??= [];
      perCommune[i] = cell;
      target = cell.value;
      isVerified = cell.verified;
      if (cell.comparator) op = OP_CODES[cell.comparator];
    }
    if (target === null || (requireVerified && !isVerified)) {
      statuses[i] = NOT_EVALUABLE;
      continue;
    }
    if (flag & FLAG_COUNTS_LIST) actual = (actual as unknown[]).length;
    statuses[i] = compare(op, actual as number | boolean, target) ? MET : NOT_MET;
  }

  const counts: EvaluationCounts = {
    criteriaMet: 0,
    criteriaTotal: criteria.length,
    indicatorsMet: 0,
    indicatorsTotal: 0,
    indicatorsNotMet: 0,
    indicatorsMissing: 0,
    indicatorsNotEvaluable: 0,
    indicatorsNotApplicable: 0,
    unverifiedTargets: 0,
  };
  let anyNotMet = false;
  let anyIncomplete = false;
  for (let c = 0; c < criteria.length; c++) {
    let notMet = false;
    let incomplete = false;
    for (const i of (criteria[c] as CompiledCriterion).indicators) {
      const status = statuses[i];
      if (status === NOT_APPLICABLE) {
        counts.indicatorsNotApplicable++;
        continue;
      }
      counts.indicatorsTotal++;
      const cell = perCommune?.[i];
      if (!(cell ? cell.verified : verified[i] === 1)) counts.unverifiedTargets++;
      if (status === MET) counts.indicatorsMet++;
      else if (status === NOT_MET) {
        counts.indicatorsNotMet++;
        notMet = true;
      } else {
        if (status === MISSING) counts.indicatorsMissing++;
        else counts.indicatorsNotEvaluable++;
        incomplete = true;
      }
    }
    // Every applicable indicator must be met; one that is not decides, whatever else is missing.
    const status = notMet ? C_NOT_MET : incomplete ? C_INCOMPLETE : C_MET;
    statuses[count + c] = status;
    if (status === C_MET) counts.criteriaMet++;
    else if (status === C_NOT_MET) anyNotMet = true;
    else anyIncomplete = true;
  }
  for (const prerequisite of prerequisites) {
    if (prerequisite.status === 'not-met') anyNotMet = true;
    else if (prerequisite.status === 'incomplete') anyIncomplete = true;
  }
  const status: TierStatus = anyNotMet ? 'not-met' : anyIncomplete ? 'incomplete' : 'met';
  return new EvaluationRecord(
    plan,
    commune,
    placement,
    region,
    regionBasis,
    options,
    vector,
    statuses,
    perCommune,
    prerequisites,
    counts,
    status,
  );
}

const NO_PREREQUISITES: EvaluationRecord[] = [];

function anyMissing(slots: readonly unknown[], wanted: readonly number[]): boolean {
  for (const slot of wanted) if (slots[slot] === undefined) return true;
  return false;
}

const NO_TARGET: LocalizedText = { vi: 'chưa có mức mục tiêu', en: 'no target known' };
const UNVERIFIED: LocalizedText = {
  vi: 'mức mục tiêu chưa được kiểm chứng với nguồn, và đang bật chế độ chỉ dùng mức đã kiểm chứng (requireVerified)',
  en: 'the target is not verified against a source, and requireVerified is on',
};

/**
 * An evaluation held compactly: statuses in one typed array, targets shared per region and year. The
 * detailed `criteria` are light views built on first read: each indicator result reads its fields from the
 * record when asked, so a dashboard that reads only statuses and counts never pays for a million objects.
 * `toJSON()` gives the full result as plain data with a stable key order.
 */
export class EvaluationRecord implements Evaluation {
  readonly commune: Evaluation['commune'];
  readonly status: TierStatus;
  readonly level: string;
  readonly asOf: string;
  readonly year: number;
  readonly region: Region;
  readonly regionBasis: RegionBasis | null;
  readonly requireVerified: boolean;
  readonly ruleset: RulesetInfo;
  readonly prerequisites: EvaluationRecord[];
  readonly counts: EvaluationCounts;
  recognition?: EvaluationRecord | undefined;
  /** @internal */ readonly plan: Plan;
  /** @internal Indicator statuses, then criterion statuses. */ readonly statuses: Uint8Array;
  /** @internal */ readonly slots: readonly unknown[];
  readonly #vector: TargetVector;
  readonly #perCommune: Array<ResolvedTarget | undefined> | null;
  #criteria: CriterionResult[] | null = null;

  readonly #placement: Placement;

  constructor(
    plan: Plan,
    commune: ValidCommune,
    placement: Placement,
    region: Region,
    regionBasis: RegionBasis | null,
    options: RunOptions,
    vector: TargetVector,
    statuses: Uint8Array,
    perCommune: Array<ResolvedTarget | undefined> | null,
    prerequisites: EvaluationRecord[],
    counts: EvaluationCounts,
    status: TierStatus,
  ) {
    this.commune = commune.info ?? {
      id: commune.id,
      name: commune.name,
      province: commune.province,
      provinceName: null,
      district: commune.district,
    };
    this.status = status;
    this.level = plan.edition.info.level;
    this.asOf = options.asOf;
    this.year = options.year;
    this.region = region;
    this.regionBasis = regionBasis;
    this.requireVerified = options.requireVerified;
    this.ruleset = plan.edition.info;
    this.prerequisites = prerequisites;
    this.counts = counts;
    this.plan = plan;
    this.statuses = statuses;
    this.slots = commune.slots;
    this.#vector = vector;
    this.#perCommune = perCommune;
    this.#placement = placement;
  }

  get criteria(): CriterionResult[] {
    if (!this.#criteria) {
      const edition = this.plan.edition;
      const views: CriterionResult[] = new Array(edition.criteria.length);
      for (let c = 0; c < edition.criteria.length; c++)
        views[c] = new CriterionView(this, edition.criteria[c] as CompiledCriterion);
      this.#criteria = views;
    }
    return this.#criteria;
  }

  /** @internal Status code of criterion `c`. */
  criterionStatus(c: number): number {
    return this.statuses[this.plan.edition.indicators.length + c] as number;
  }

  /** @internal The target that applied to indicator `i` (shared cell or this commune's own). */
  targetCell(i: number): ResolvedTarget | null {
    const cell = this.#perCommune?.[i] ?? this.#vector.cells[i];
    if (cell) return cell;
    const indicator = this.plan.edition.indicators[i] as CompiledIndicator;
    if (!indicator.national) return null;
    return this.plan.resolveTarget(indicator, this.#placement, this.year, this.#valuesObject());
  }

  /** @internal The value compared for indicator `i` (null when missing or for a logic test). */
  actual(i: number): IndicatorResult['actual'] {
    const slot = (this.plan.edition.indicators[i] as CompiledIndicator).slot;
    const value = slot < 0 ? undefined : this.slots[slot];
    return value === undefined ? null : (value as IndicatorResult['actual']);
  }

  /** @internal Signed gap of indicator `i`, or null. */
  gap(i: number): number | null {
    const status = this.statuses[i];
    if (status !== MET && status !== NOT_MET) return null;
    const indicator = this.plan.edition.indicators[i] as CompiledIndicator;
    const cell = this.targetCell(i);
    const opCode = cell?.comparator ? OP_CODES[cell.comparator] : indicator.opCode;
    if (indicator.slot < 0 || opCode === OP_NE) return null;
    const target = cell ? cell.value : null;
    if (typeof target !== 'number') return null;
    const raw = this.slots[indicator.slot];
    const compared = indicator.countsList ? (raw as unknown[]).length : raw;
    return typeof compared === 'number' ? gapOf(opCode, compared, target) : null;
  }

  /** @internal Why indicator `i` is missing, not applicable or not evaluable (null otherwise). */
  reason(i: number): LocalizedText | null {
    const status = this.statuses[i];
    const indicator = this.plan.edition.indicators[i] as CompiledIndicator;
    if (status === MISSING) {
      const keys = [
        ...indicator.applicableSlots,
        ...indicator.logicSlots,
        ...(indicator.slot >= 0 ? [indicator.slot] : []),
        ...indicator.derivedSlots,
      ];
      const names = this.plan.edition.measureKeys;
      const missing = [...new Set(keys)]
        .filter((slot) => this.slots[slot] === undefined)
        .map((slot) => names[slot]);
      return { vi: `chưa có số liệu: ${missing.join(', ')}`, en: `no value for ${missing.join(', ')}` };
    }
    if (status === NOT_APPLICABLE) {
      return {
        vi: 'không áp dụng với xã này (điều kiện áp dụng của chỉ tiêu không thỏa mãn)',
        en: 'does not apply to this commune: its condition of applicability is not met',
      };
    }
    if (status === NOT_EVALUABLE) {
      const cell = this.targetCell(i);
      if (cell && cell.value === null) return cell.reason ?? NO_TARGET;
      return UNVERIFIED;
    }
    return null;
  }

  #valuesObject(): Record<string, unknown> {
    const values: Record<string, unknown> = {};
    const names = this.plan.edition.measureKeys;
    this.slots.forEach((value, slot) => {
      if (value !== undefined) values[names[slot] as string] = value;
    });
    return values;
  }

  [INSPECT](): Evaluation {
    return this.toJSON();
  }

  /** The full result as plain data with a stable key order (what JSON.stringify writes). */
  toJSON(): Evaluation {
    const json: Evaluation = {
      commune: { ...this.commune },
      status: this.status,
      level: this.level,
      asOf: this.asOf,
      year: this.year,
      region: this.region,
      regionBasis: this.regionBasis,
      requireVerified: this.requireVerified,
      ruleset: this.ruleset,
      prerequisites: this.prerequisites.map((prerequisite) => prerequisite.toJSON()),
      counts: { ...this.counts },
      criteria: this.criteria.map((criterion) => (criterion as CriterionView).toJSON()),
    };
    if (this.recognition) json.recognition = this.recognition.toJSON();
    return json;
  }
}

/** A criterion of an evaluation, read from the record. */
class CriterionView implements CriterionResult {
  readonly #record: EvaluationRecord;
  readonly #criterion: CompiledCriterion;
  #indicators: IndicatorResult[] | null = null;

  constructor(record: EvaluationRecord, criterion: CompiledCriterion) {
    this.#record = record;
    this.#criterion = criterion;
  }
  // Test tools and loggers may call these getters on a bare copy of the prototype: answer undefined then.
  get id(): string {
    return #criterion in this ? this.#criterion.id : (undefined as never);
  }
  get name(): LocalizedText {
    return #criterion in this ? this.#criterion.name : (undefined as never);
  }
  get group(): CriterionResult['group'] {
    return #criterion in this ? this.#criterion.group : (undefined as never);
  }
  get status(): CriterionStatus {
    if (!(#record in this)) return undefined as never;
    return CRITERION_STATUS[this.#record.criterionStatus(this.#criterion.index)] as CriterionStatus;
  }
  get indicators(): IndicatorResult[] {
    if (!(#record in this)) return undefined as never;
    if (!this.#indicators) {
      const list = this.#criterion.indicators;
      const views: IndicatorResult[] = new Array(list.length);
      for (let k = 0; k < list.length; k++) views[k] = new IndicatorView(this.#record, list[k] as number);
      this.#indicators = views;
    }
    return this.#indicators;
  }
  [INSPECT](): CriterionResult {
    return this.toJSON();
  }
  toJSON(): CriterionResult {
    if (!(#record in this)) return { ...(this as object) } as CriterionResult;
    return {
      id: this.id,
      name: this.name,
      group: this.group,
      status: this.status,
      indicators: this.indicators.map((indicator) => (indicator as IndicatorView).toJSON()),
    };
  }
}

/** An indicator result, read from the record on access (two fields per object instead of seventeen). */
class IndicatorView implements IndicatorResult {
  readonly #record: EvaluationRecord;
  readonly #index: number;

  constructor(record: EvaluationRecord, index: number) {
    this.#record = record;
    this.#index = index;
  }
  // Test tools and loggers may call these getters on a bare copy of the prototype: answer undefined then.
  get #indicator(): CompiledIndicator {
    return this.#record.plan.edition.indicators[this.#index] as CompiledIndicator;
  }
  get #provenance(): ResolvedTarget | CompiledIndicator['provenance'] {
    return this.#record.targetCell(this.#index) ?? this.#indicator.provenance;
  }
  get id(): string {
    return #record in this ? this.#indicator.id : (undefined as never);
  }
  get name(): LocalizedText {
    return #record in this ? this.#indicator.name : (undefined as never);
  }
  get measure(): string | null {
    return #record in this ? this.#indicator.measure : (undefined as never);
  }
  get status(): IndicatorStatus {
    if (!(#record in this)) return undefined as never;
    return INDICATOR_STATUS[this.#record.statuses[this.#index] as number] as IndicatorStatus;
  }
  get actual(): IndicatorResult['actual'] {
    return #record in this ? this.#record.actual(this.#index) : (undefined as never);
  }
  get target(): number | boolean | null {
    if (!(#record in this)) return undefined as never;
    const cell = this.#record.targetCell(this.#index);
    return cell ? cell.value : null;
  }
  get requirement(): LocalizedText | null {
    return #record in this ? this.#indicator.requirement : (undefined as never);
  }
  get comparator(): IndicatorResult['comparator'] {
    if (!(#record in this)) return undefined as never;
    return this.#record.targetCell(this.#index)?.comparator ?? this.#indicator.comparator;
  }
  get unit(): LocalizedText | null {
    return #record in this ? this.#indicator.unit : (undefined as never);
  }
  get gap(): number | null {
    return #record in this ? this.#record.gap(this.#index) : (undefined as never);
  }
  get citation(): IndicatorResult['citation'] {
    return #record in this ? this.#provenance.citation : (undefined as never);
  }
  get verified(): boolean {
    return #record in this ? this.#provenance.verified : (undefined as never);
  }
  get basis(): string {
    return #record in this ? this.#provenance.basis : (undefined as never);
  }
  get source(): string | null {
    return #record in this ? (this.#provenance.source ?? null) : (undefined as never);
  }
  get origin(): 'national' | 'province' {
    return #record in this ? this.#provenance.origin : (undefined as never);
  }
  get originRuleset(): string {
    return #record in this ? this.#provenance.ruleset : (undefined as never);
  }
  get reason(): LocalizedText | null {
    return #record in this ? this.#record.reason(this.#index) : (undefined as never);
  }
  [INSPECT](): IndicatorResult {
    return this.toJSON();
  }
  toJSON(): IndicatorResult {
    if (!(#record in this)) return { ...(this as object) } as IndicatorResult;
    return {
      id: this.id,
      name: this.name,
      measure: this.measure,
      status: this.status,
      actual: this.actual,
      target: this.target,
      requirement: this.requirement,
      comparator: this.comparator,
      unit: this.unit,
      gap: this.gap,
      citation: this.citation,
      verified: this.verified,
      basis: this.basis,
      source: this.source,
      origin: this.origin,
      originRuleset: this.originRuleset,
      reason: this.reason,
    };
  }
}

// The review functions read compact records directly when the engine that made them is loaded.
registerFastRecord((evaluation) => (evaluation instanceof EvaluationRecord ? evaluation : null));
