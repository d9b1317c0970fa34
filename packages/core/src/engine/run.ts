import {
  type CompiledIndicator,
  OP_EQ,
  OP_GE,
  OP_GT,
  OP_LE,
  OP_LT,
  type Plan,
  type RulesetInfo,
  type TargetVector,
} from '../editions/compile.js';
import type { RuleContext } from '../editions/rule-logic.js';
import type { ResolvedTarget } from '../editions/targets.js';
import { truthy } from '../logic/truthy.js';
import type { Region } from '../schema/common.js';
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

// Statuses are kept as small integers in typed arrays; result objects are built only when read.
export const MET = 0;
export const NOT_MET = 1;
export const MISSING = 2;
export const NOT_APPLICABLE = 3;
export const NOT_EVALUABLE = 4;
export const INDICATOR_STATUS: readonly IndicatorStatus[] = [
  'met',
  'not-met',
  'missing',
  'not-applicable',
  'not-evaluable',
];
export const C_MET = 0;
export const C_NOT_MET = 1;
export const C_INCOMPLETE = 2;
export const CRITERION_STATUS: readonly CriterionStatus[] = ['met', 'not-met', 'incomplete'];

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

/** Evaluates one validated commune against a plan (and, first, the plans it requires). */
export function runPlan(
  plan: Plan,
  commune: ValidCommune,
  declaredRegion: Region,
  options: RunOptions,
): EvaluationRecord {
  const regionBasis = applyRegionRules(plan, declaredRegion, commune.categories);
  const region = regionBasis ? regionBasis.applied : declaredRegion;
  const prerequisites = plan.requires ? [runPlan(plan.requires, commune, declaredRegion, options)] : [];
  const vector = plan.vector(region, options.year);
  const edition = plan.edition;
  const indicators = edition.indicators;
  const values = commune.values;
  const statuses = new Uint8Array(indicators.length);
  let perCommune: Array<ResolvedTarget | undefined> | null = null;
  let context: RuleContext | undefined;
  const targets = vector.values;
  const verified = vector.verified;
  const requireVerified = options.requireVerified;

  for (let i = 0; i < indicators.length; i++) {
    const indicator = indicators[i] as CompiledIndicator;
    if (indicator.applicable) {
      if (anyMissing(values, indicator.applicableVars)) {
        statuses[i] = MISSING;
        continue;
      }
      context ??= contextFor(plan, region, options.year, values);
      if (!truthy(indicator.applicable(values, context))) {
        statuses[i] = NOT_APPLICABLE;
        continue;
      }
    }
    if (indicator.logic) {
      if (anyMissing(values, indicator.logicVars)) statuses[i] = MISSING;
      else if (requireVerified && verified[i] === 0) statuses[i] = NOT_EVALUABLE;
      else {
        context ??= contextFor(plan, region, options.year, values);
        statuses[i] = truthy(indicator.logic(values, context)) ? MET : NOT_MET;
      }
      continue;
    }
    let actual = values[indicator.measure as string];
    if (actual === undefined || actual === null) {
      statuses[i] = MISSING;
      continue;
    }
    let target = targets[i];
    let isVerified = verified[i] === 1;
    if (target === undefined) {
      const cell = plan.resolveTarget(indicator, region, options.year, values);
      perCommune ??= [];
      perCommune[i] = cell;
      target = cell.value;
      isVerified = cell.verified;
      if (target === null && cell.reason?.includes('which is missing')) {
        statuses[i] = MISSING;
        continue;
      }
    }
    if (target === null || (requireVerified && !isVerified)) {
      statuses[i] = NOT_EVALUABLE;
      continue;
    }
    if (indicator.countsList) actual = (actual as unknown[]).length;
    statuses[i] = compare(indicator.opCode, actual as number | boolean, target) ? MET : NOT_MET;
  }

  const criteria = edition.criteria;
  const criterionStatuses = new Uint8Array(criteria.length);
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
    for (const i of (criteria[c] as { indicators: number[] }).indicators) {
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
    criterionStatuses[c] = status;
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
    region,
    regionBasis,
    options,
    vector,
    statuses,
    criterionStatuses,
    perCommune,
    prerequisites,
    counts,
    status,
  );
}

function anyMissing(values: Record<string, unknown>, keys: readonly string[]): boolean {
  for (const key of keys) {
    const value = values[key];
    if (value === undefined || value === null) return true;
  }
  return false;
}

function contextFor(plan: Plan, region: Region, year: number, values: Record<string, unknown>): RuleContext {
  return {
    requiredTarget: (level, id) => {
      const required = plan.requires?.find(level);
      const indicator = required?.edition.indicators.find((candidate) => candidate.id === id);
      if (!required || !indicator?.national) return null;
      return required.resolveTarget(indicator, region, year, values).value;
    },
  };
}

const internals = new WeakMap<object, EvaluationRecord>();

/** The compact record behind an evaluation, for the review functions' fast path (null for plain objects). */
export function recordOf(evaluation: unknown): EvaluationRecord | null {
  if (!evaluation || typeof evaluation !== 'object') return null;
  return internals.get(evaluation) ?? null;
}

/**
 * An evaluation held compactly: statuses in typed arrays, targets shared per region and year. The detailed
 * `criteria` objects are built on first read (and then kept), so a dashboard that reads only statuses and
 * counts never pays for them. `toJSON()` gives the full result with a stable key order.
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
  /** @internal */ readonly statuses: Uint8Array;
  /** @internal */ readonly criterionStatuses: Uint8Array;
  /** @internal */ readonly values: Record<string, unknown>;
  readonly #vector: TargetVector;
  readonly #perCommune: Array<ResolvedTarget | undefined> | null;
  #criteria: CriterionResult[] | null = null;

  constructor(
    plan: Plan,
    commune: ValidCommune,
    region: Region,
    regionBasis: RegionBasis | null,
    options: RunOptions,
    vector: TargetVector,
    statuses: Uint8Array,
    criterionStatuses: Uint8Array,
    perCommune: Array<ResolvedTarget | undefined> | null,
    prerequisites: EvaluationRecord[],
    counts: EvaluationCounts,
    status: TierStatus,
  ) {
    this.commune = {
      id: commune.id,
      name: commune.name,
      province: commune.province,
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
    this.criterionStatuses = criterionStatuses;
    this.values = commune.values;
    this.#vector = vector;
    this.#perCommune = perCommune;
    internals.set(this, this);
  }

  get criteria(): CriterionResult[] {
    if (!this.#criteria) {
      const edition = this.plan.edition;
      this.#criteria = edition.criteria.map((criterion) => ({
        id: criterion.id,
        name: criterion.name,
        group: criterion.group,
        status: CRITERION_STATUS[this.criterionStatuses[criterion.index] as number] as CriterionStatus,
        indicators: criterion.indicators.map((i) => this.indicator(i)),
      }));
    }
    return this.#criteria;
  }

  /** The target that applied to indicator `i` (shared cell or this commune's own). */
  targetCell(i: number): ResolvedTarget | null {
    const indicator = this.plan.edition.indicators[i] as CompiledIndicator;
    if (!indicator.national) return null;
    return (
      this.#perCommune?.[i] ??
      this.#vector.cells[i] ??
      this.plan.resolveTarget(indicator, this.region, this.year, this.values)
    );
  }

  /** Builds the result object of indicator `i`. */
  indicator(i: number): IndicatorResult {
    const indicator = this.plan.edition.indicators[i] as CompiledIndicator;
    const status = this.statuses[i] as number;
    const cell = this.targetCell(i);
    const provenance = cell ?? indicator.provenance;
    const raw = indicator.measure ? this.values[indicator.measure] : undefined;
    const actual = raw === undefined || raw === null ? null : (raw as IndicatorResult['actual']);
    const target = cell ? cell.value : null;
    let gap: number | null = null;
    if ((status === MET || status === NOT_MET) && typeof target === 'number' && indicator.opCode !== -1) {
      const compared = indicator.countsList ? (actual as unknown[]).length : actual;
      if (typeof compared === 'number' && indicator.opCode !== 5)
        gap = gapOf(indicator.opCode, compared, target);
    }
    let reason: string | null = null;
    if (status === MISSING) reason = this.#missingReason(indicator);
    else if (status === NOT_APPLICABLE)
      reason = 'does not apply to this commune: its condition of applicability is not met';
    else if (status === NOT_EVALUABLE) {
      reason =
        target === null
          ? (cell?.reason ?? 'no target known')
          : 'the target is not verified against a source, and requireVerified is on';
    }
    return {
      id: indicator.id,
      name: indicator.name,
      measure: indicator.measure,
      status: INDICATOR_STATUS[status] as IndicatorStatus,
      actual,
      target,
      requirement: indicator.requirement,
      comparator: indicator.comparator,
      unit: indicator.unit,
      gap,
      citation: provenance.citation,
      verified: provenance.verified,
      basis: provenance.basis,
      source: provenance.source ?? null,
      origin: provenance.origin,
      originRuleset: provenance.ruleset,
      reason,
    };
  }

  #missingReason(indicator: CompiledIndicator): string {
    const keys = [
      ...indicator.applicableVars,
      ...indicator.logicVars,
      ...(indicator.measure ? [indicator.measure] : []),
      ...(indicator.national?.derivedVars ?? []),
    ];
    const missing = [...new Set(keys)].filter(
      (key) => this.values[key] === undefined || this.values[key] === null,
    );
    return `no value for ${missing.join(', ')}`;
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
      criteria: this.criteria,
    };
    if (this.recognition) json.recognition = this.recognition.toJSON();
    return json;
  }
}
