import type { MeasureIndex } from '../engine/validate-commune.js';
import { LogicBudget } from '../logic/budget.js';
import type { CompiledExpression } from '../logic/compile.js';
import { LogicError } from '../logic/errors.js';
import type { LegalDocument, LocalizedText, Region } from '../schema/common.js';
import type { Comparator, Edition, Indicator, Measure, RegionRule, Target } from '../schema/edition.js';
import { canonicalJson } from '../util/canonical-json.js';
import { sha256Hex } from '../util/sha256.js';
import type { RegisteredEdition, RegisteredOverlay } from './registry.js';
import { type RuleContext, requiredTargetRefs, ruleLogic } from './rule-logic.js';
import { lookupTarget, type ResolvedTarget, stricter, type TargetProvenance } from './targets.js';

export const OP_GE = 0;
export const OP_GT = 1;
export const OP_LE = 2;
export const OP_LT = 3;
export const OP_EQ = 4;
export const OP_NE = 5;
export const FLAG_APPLICABLE = 1;
export const FLAG_COUNTS_LIST = 2;
export const FLAG_NEEDS_CONTEXT = 4;

function usesRequiredTarget(indicator: CompiledIndicator): boolean {
  const expressions = [indicator.applicable, indicator.logic].filter(
    (e): e is CompiledExpression => e !== null,
  );
  return expressions.some((expression) => expression.usesOperator('requiredTarget'));
}

const REGION_INDEX: Record<Region, number> = {
  tdmnpb: 0,
  dbsh: 1,
  btb: 2,
  dhntb: 3,
  tn: 4,
  dnb: 5,
  dbscl: 6,
};
export const OP_CODES: Readonly<Record<Comparator, number>> = {
  '>=': OP_GE,
  '>': OP_GT,
  '<=': OP_LE,
  '<': OP_LT,
  '==': OP_EQ,
  '!=': OP_NE,
};

interface TargetSource {
  target: Target;
  provenance: TargetProvenance;
  /** Compiled when the target is an expression. */
  derived: CompiledExpression | null;
  /** Measures the expression reads (a per-commune target when non-empty). */
  derivedVars: readonly string[];
  refs: ReadonlyArray<{ level: string; indicator: string }>;
}

export interface CompiledIndicator {
  index: number;
  id: string;
  name: LocalizedText;
  criterionIndex: number;
  /** Measure compared with the target (compact tests), or null for a logic test. */
  measure: string | null;
  /** Its position in the engine's measure index (-1 for a logic test). */
  slot: number;
  /** Slots of the measures the applicability condition, the logic test and a per-commune target read. */
  applicableSlots: number[];
  logicSlots: number[];
  derivedSlots: number[];
  measureDef: Measure | null;
  comparator: Comparator | null;
  opCode: number;
  /** A multiple-choice enum: its length is compared. */
  countsList: boolean;
  logic: CompiledExpression | null;
  logicVars: readonly string[];
  requirement: LocalizedText | null;
  applicable: CompiledExpression | null;
  applicableVars: readonly string[];
  national: TargetSource | null;
  province: TargetSource | null;
  /** Provenance of a logic test (no target value). */
  provenance: TargetProvenance;
  unit: LocalizedText | null;
  notes: LocalizedText | null;
  origin: 'national' | 'province';
}

export interface CompiledCriterion {
  index: number;
  id: string;
  name: LocalizedText;
  group: { id: string; name: LocalizedText };
  /** Indices into `indicators`. */
  indicators: number[];
}

/** What a result says about the rules it was evaluated with. */
export interface RulesetInfo {
  id: string;
  family: string;
  level: string;
  edition: string;
  name: LocalizedText;
  effective: { from: string; to: string | null };
  jurisdiction: 'national' | { province: string };
  basis: LegalDocument[];
  /** SHA-256 of the edition and its overlays as applied: two results with the same hash used the same rules. */
  hash: string;
  overlays: Array<{ id: string; province: string; edition: string; basis: LegalDocument[]; hash: string }>;
  coverage: { complete: boolean; note: LocalizedText } | null;
}

/** An edition with its province overlays applied, compiled once into closures and indexed arrays. */
export class CompiledEdition {
  readonly info: RulesetInfo;
  readonly edition: Edition;
  readonly requires: string | null;
  readonly regionRules: readonly RegionRule[];
  readonly criteria: CompiledCriterion[] = [];
  readonly indicators: CompiledIndicator[] = [];
  readonly measures = new Map<string, Measure>();
  /** Indicators whose target depends on the commune's own values. */
  readonly hasPerCommuneTargets: boolean;
  /** The hot loop's view of the indicators, as typed arrays (see engine/run.ts). */
  readonly hot: {
    /** Comparator code, or -1 for a logic test. */
    op: Int8Array;
    /** Slot of the compared measure, or -1. */
    slot: Int32Array;
    /** FLAG_* bits. */
    flags: Uint8Array;
  };

  readonly #measureIndex: MeasureIndex;
  /** Measure keys by slot (the engine's measure index). */
  readonly measureKeys: readonly string[];

  constructor(entry: RegisteredEdition, overlays: readonly RegisteredOverlay[], measureIndex: MeasureIndex) {
    this.#measureIndex = measureIndex;
    this.measureKeys = measureIndex.keys;
    const edition = entry.data;
    this.edition = edition;
    this.requires = edition.requires?.level ?? null;
    this.regionRules = edition.regionRules ?? [];
    for (const [key, measure] of Object.entries(edition.measures)) this.measures.set(key, measure);
    for (const overlay of overlays) {
      for (const [key, measure] of Object.entries(overlay.data.measures)) this.measures.set(key, measure);
    }
    const groups = new Map(edition.groups.map((group) => [group.id, group]));
    for (const overlay of overlays)
      for (const group of overlay.data.groups ?? []) groups.set(group.id, group);

    const byCriterion = new Map<string, CompiledCriterion>();
    const addCriterion = (criterion: Edition['criteria'][number]) => {
      const compiled: CompiledCriterion = {
        index: this.criteria.length,
        id: criterion.id,
        name: criterion.name,
        group: groups.get(criterion.group) ?? {
          id: criterion.group,
          name: { vi: criterion.group, en: criterion.group },
        },
        indicators: [],
      };
      this.criteria.push(compiled);
      byCriterion.set(criterion.id, compiled);
      return compiled;
    };
    const addIndicator = (
      criterion: CompiledCriterion,
      indicator: Indicator,
      origin: 'national' | 'province',
      ruleset: string,
    ) => {
      const compiled = this.#compileIndicator(indicator, criterion.index, origin, ruleset);
      criterion.indicators.push(compiled.index);
    };
    for (const criterion of edition.criteria) {
      const compiled = addCriterion(criterion);
      for (const indicator of criterion.indicators) addIndicator(compiled, indicator, 'national', edition.id);
    }
    for (const overlay of overlays) {
      for (const criterion of overlay.data.criteria ?? []) {
        const compiled = addCriterion(criterion);
        for (const indicator of criterion.indicators)
          addIndicator(compiled, indicator, 'province', overlay.data.id);
      }
      for (const { criterion, ...indicator } of overlay.data.indicators ?? []) {
        addIndicator(byCriterion.get(criterion) as CompiledCriterion, indicator, 'province', overlay.data.id);
      }
      for (const override of overlay.data.targets ?? []) {
        const target = this.indicators.find((indicator) => indicator.id === override.indicator);
        if (!target) continue;
        target.province = targetSource(override.target as Target, {
          comparator: override.op ?? null,
          verified: override.verified,
          source: override.source,
          basis: override.basis,
          citation: override.citation,
          origin: 'province',
          ruleset: overlay.data.id,
        });
      }
    }
    for (const indicator of this.indicators) {
      const keys = new Set([
        ...(indicator.national?.derivedVars ?? []),
        ...(indicator.province?.derivedVars ?? []),
      ]);
      indicator.derivedSlots = [...keys].map((key) => measureIndex.slot(key));
    }
    const count = this.indicators.length;
    this.hot = { op: new Int8Array(count), slot: new Int32Array(count), flags: new Uint8Array(count) };
    for (const indicator of this.indicators) {
      const i = indicator.index;
      this.hot.op[i] = indicator.opCode;
      this.hot.slot[i] = indicator.slot;
      this.hot.flags[i] =
        (indicator.applicable ? FLAG_APPLICABLE : 0) |
        (indicator.countsList ? FLAG_COUNTS_LIST : 0) |
        (usesRequiredTarget(indicator) ? FLAG_NEEDS_CONTEXT : 0);
    }
    this.hasPerCommuneTargets = this.indicators.some(
      (indicator) =>
        (indicator.national?.derivedVars.length ?? 0) > 0 ||
        (indicator.province?.derivedVars.length ?? 0) > 0,
    );
    const hash =
      overlays.length === 0
        ? entry.hash
        : sha256Hex(canonicalJson([entry.hash, ...overlays.map((overlay) => overlay.hash)]));
    this.info = {
      id: edition.id,
      family: edition.family,
      level: edition.level,
      edition: edition.edition,
      name: edition.name,
      effective: { from: edition.effective.from, to: edition.effective.to ?? null },
      jurisdiction: edition.jurisdiction,
      basis: edition.basis,
      hash,
      overlays: overlays.map((overlay) => ({
        id: overlay.data.id,
        province: overlay.data.jurisdiction.province,
        edition: overlay.data.edition,
        basis: overlay.data.basis,
        hash: overlay.hash,
      })),
      coverage: edition.coverage ?? null,
    };
  }

  #compileIndicator(
    indicator: Indicator,
    criterionIndex: number,
    origin: 'national' | 'province',
    ruleset: string,
  ): CompiledIndicator {
    const provenance: TargetProvenance = {
      verified: indicator.verified,
      source: indicator.source,
      basis: indicator.basis,
      citation: indicator.citation,
      origin,
      ruleset,
    };
    const test = indicator.test;
    const applicable =
      indicator.applicableIf === undefined ? null : ruleLogic.compile(indicator.applicableIf);
    const base = {
      index: this.indicators.length,
      id: indicator.id,
      name: indicator.name,
      criterionIndex,
      applicable,
      applicableVars: applicable ? applicable.vars : [],
      applicableSlots: applicable ? applicable.vars.map((key) => this.#measureIndex.slot(key)) : [],
      derivedSlots: [],
      provenance,
      notes: indicator.notes ?? null,
      origin,
      province: null,
    };
    let compiled: CompiledIndicator;
    if ('measure' in test) {
      const measureDef = this.measures.get(test.measure) ?? null;
      compiled = {
        ...base,
        measure: test.measure,
        slot: this.#measureIndex.slot(test.measure),
        logicSlots: [],
        measureDef,
        comparator: test.op,
        opCode: OP_CODES[test.op],
        countsList: !!measureDef?.multiple,
        logic: null,
        logicVars: [],
        requirement: null,
        national: targetSource(test.target, provenance),
        unit: measureDef?.unit ?? null,
      };
    } else {
      const logic = ruleLogic.compile(test.logic);
      compiled = {
        ...base,
        measure: null,
        slot: -1,
        logicSlots: logic.vars.map((key) => this.#measureIndex.slot(key)),
        measureDef: null,
        comparator: null,
        opCode: -1,
        countsList: false,
        logic,
        logicVars: logic.vars,
        requirement: test.description ?? null,
        national: null,
        unit: null,
      };
    }
    this.indicators.push(compiled);
    return compiled;
  }
}

function targetSource(target: Target, provenance: TargetProvenance): TargetSource {
  if (target && typeof target === 'object' && 'logic' in target) {
    const derived = ruleLogic.compile(target.logic);
    return { target, provenance, derived, derivedVars: derived.vars, refs: requiredTargetRefs(target.logic) };
  }
  return { target, provenance, derived: null, derivedVars: [], refs: [] };
}

/** Targets of every indicator for one region and year; `undefined` marks a per-commune target. */
export interface TargetVector {
  values: Array<number | boolean | null | undefined>;
  cells: Array<ResolvedTarget | undefined>;
  verified: Uint8Array;
  /** Comparator codes, where a province made one stricter (≥ → >). */
  ops: Int8Array;
  /** Per-commune targets already computed, by indicator and by the values they depend on. */
  memo: Map<number, Map<unknown, ResolvedTarget>>;
}

/**
 * Where a commune stands for target lookups: its own region, and its categories (which may move it, tier by
 * tier, to another region's targets: 318 Art. 1, 211/QĐ-TTg).
 */
export interface Placement {
  declared: Region;
  categories: readonly string[];
}

/**
 * An edition chain resolved for one date and province: the edition, and the plan of the tier it requires.
 * Target vectors are computed once per placement and year and shared by every commune.
 */
export class Plan {
  readonly edition: CompiledEdition;
  readonly requires: Plan | null;
  readonly #vectors = new Map<number | string, TargetVector>();
  /** Categories that any region rule of this chain looks at. */
  readonly #relevantCategories: Set<string>;

  constructor(edition: CompiledEdition, requires: Plan | null) {
    this.edition = edition;
    this.requires = requires;
    this.#relevantCategories = new Set([
      ...edition.regionRules.flatMap((rule) => rule.categories),
      ...(requires ? requires.#relevantCategories : []),
    ]);
  }

  /** The plan of `level` in this chain (this one or a required tier). */
  find(level: string): Plan | null {
    let plan: Plan | null = this;
    while (plan && plan.edition.info.level !== level) plan = plan.requires;
    return plan;
  }

  /** The region whose targets this tier uses for a commune, after its category rules. */
  regionFor(placement: Placement): Region {
    if (placement.categories.length > 0) {
      for (const rule of this.edition.regionRules) {
        if (rule.categories.some((category) => placement.categories.includes(category))) return rule.region;
      }
    }
    return placement.declared;
  }

  vector(placement: Placement, year: number): TargetVector {
    let key: number | string = REGION_INDEX[placement.declared] * 100_000 + year;
    if (placement.categories.length > 0) {
      const relevant = placement.categories.filter((category) => this.#relevantCategories.has(category));
      if (relevant.length > 0) key = `${key}|${[...relevant].sort().join(',')}`;
    }
    let vector = this.#vectors.get(key);
    if (!vector) {
      vector = this.#buildVector(placement, year);
      this.#vectors.set(key, vector);
    }
    return vector;
  }

  #buildVector(placement: Placement, year: number): TargetVector {
    const indicators = this.edition.indicators;
    const vector: TargetVector = {
      values: new Array(indicators.length),
      cells: new Array(indicators.length),
      verified: new Uint8Array(indicators.length),
      ops: Int8Array.from(this.edition.hot.op),
      memo: new Map(),
    };
    for (const indicator of indicators) {
      if (!indicator.national) {
        vector.values[indicator.index] = null;
        vector.verified[indicator.index] = indicator.provenance.verified ? 1 : 0;
        continue;
      }
      const perCommune =
        indicator.national.derivedVars.length > 0 || (indicator.province?.derivedVars.length ?? 0) > 0;
      if (perCommune) {
        vector.values[indicator.index] = undefined;
        continue;
      }
      const cell = this.resolveTarget(indicator, placement, year, null);
      vector.values[indicator.index] = cell.value;
      vector.cells[indicator.index] = cell;
      vector.verified[indicator.index] = cell.verified ? 1 : 0;
      if (cell.comparator) vector.ops[indicator.index] = OP_CODES[cell.comparator];
    }
    return vector;
  }

  /**
   * A target that depends on the commune's own values, memoised by those values: communes with the same
   * number of schools share one resolved target instead of recomputing it.
   */
  perCommuneTarget(
    vector: TargetVector,
    indicator: CompiledIndicator,
    placement: Placement,
    year: number,
    slots: readonly unknown[],
    values: Record<string, unknown>,
    budget?: LogicBudget,
  ): ResolvedTarget {
    let byValue = vector.memo.get(indicator.index);
    if (!byValue) {
      byValue = new Map();
      vector.memo.set(indicator.index, byValue);
    }
    const wanted = indicator.derivedSlots;
    const key =
      wanted.length === 1 ? slots[wanted[0] as number] : JSON.stringify(wanted.map((slot) => slots[slot]));
    let cell = byValue.get(key);
    if (!cell) {
      cell = this.resolveTarget(indicator, placement, year, values, budget);
      if (byValue.size < 10_000) byValue.set(key, cell);
    }
    return cell;
  }

  /**
   * The target that applies to one indicator (with a commune's values when the target depends on them).
   * Expressions, and the required tiers' targets they ask for, take their steps from `budget` (a commune's
   * evaluation passes its own, and gets the error when it runs out). Without one, the lookup has a budget of
   * its own, and an expression that fails gives an unknown target with the reason: the same every time.
   */
  resolveTarget(
    indicator: CompiledIndicator,
    placement: Placement,
    year: number,
    values: Record<string, unknown> | null,
    budget?: LogicBudget,
  ): ResolvedTarget {
    if (!budget) {
      try {
        return this.resolveTarget(
          indicator,
          placement,
          year,
          values,
          new LogicBudget(ruleLogic.limits.maxRuntimeSteps),
        );
      } catch (error) {
        if (!(error instanceof LogicError)) throw error;
        const cell = provenanceCell((indicator.national as TargetSource).provenance, false);
        cell.reason = {
          vi: `không tính được mức mục tiêu: ${error.reasonVi}${error.path ? ` (tại ${error.path})` : ''}`,
          en: `the target could not be computed: ${error.reason}${error.path ? ` (at ${error.path})` : ''}`,
        };
        return cell;
      }
    }
    const region = this.regionFor(placement);
    const national = this.#resolveSource(
      indicator.national as TargetSource,
      indicator,
      region,
      placement,
      year,
      values,
      budget,
    );
    if (!indicator.province) return national;
    const province = this.#resolveSource(
      indicator.province,
      indicator,
      region,
      placement,
      year,
      values,
      budget,
    );
    return stricter(indicator.comparator as Comparator, national, province);
  }

  /** What rule expressions may ask of this plan while a commune is evaluated (with its step budget). */
  context(
    placement: Placement,
    year: number,
    values: Record<string, unknown> | null,
    budget?: LogicBudget,
  ): RuleContext {
    return {
      requiredTarget: (level, id) => {
        const plan = this.requires?.find(level) ?? null;
        const required = plan?.edition.indicators.find((candidate) => candidate.id === id);
        if (!plan || !required?.national) return null;
        return plan.resolveTarget(required, placement, year, values, budget).value;
      },
    };
  }

  #resolveSource(
    source: TargetSource,
    indicator: CompiledIndicator,
    region: Region,
    placement: Placement,
    year: number,
    values: Record<string, unknown> | null,
    budget: LogicBudget,
  ): ResolvedTarget {
    const staticCell = lookupTarget(source.target, region, year, source.provenance);
    if (staticCell) return staticCell;
    const derived = source.derived as CompiledExpression;
    let verified = source.provenance.verified;
    let reason: LocalizedText | null = null;
    const context: RuleContext = {
      // The required tier's own target for this commune: with its own region (a khu vực III commune's
      // nâng cao level is the TDMNPB one) and the same year.
      requiredTarget: (level, id) => {
        const plan = this.requires?.find(level) ?? null;
        const required = plan?.edition.indicators.find((candidate) => candidate.id === id);
        if (!plan || !required?.national) {
          reason = {
            vi: `cấp yêu cầu trước '${level}' không có chỉ tiêu ${id} vào ngày này`,
            en: `the required tier '${level}' has no indicator ${id} on this date`,
          };
          verified = false;
          return null;
        }
        const cell = plan.resolveTarget(required, placement, year, values, budget);
        if (!cell.verified) verified = false;
        if (cell.value === null) {
          reason = {
            vi: `chưa có mức của chỉ tiêu ${id} cấp ${level}: ${cell.reason?.vi ?? cell.basis}`,
            en: `the ${level} target of indicator ${id} is not known: ${cell.reason?.en ?? cell.basis}`,
          };
        }
        return cell.value;
      },
    };
    for (const key of source.derivedVars) {
      if (values?.[key] === null || values?.[key] === undefined) {
        return {
          ...provenanceCell(source.provenance, verified),
          value: null,
          reason: {
            vi: `mức mục tiêu phụ thuộc '${key}', chưa có số liệu`,
            en: `the target depends on '${key}', which is missing`,
          },
        };
      }
    }
    const raw = derived(values ?? {}, context, budget);
    const value =
      typeof raw === 'number' && Number.isFinite(raw)
        ? roundTarget(raw)
        : typeof raw === 'boolean'
          ? raw
          : null;
    const cell = provenanceCell(source.provenance, verified);
    cell.value = reason ? null : value;
    cell.reason =
      reason ??
      (value === null
        ? {
            vi: `biểu thức mức của ${indicator.id} không cho ra số`,
            en: `the target expression of ${indicator.id} gave no number`,
          }
        : null);
    return cell;
  }
}

function provenanceCell(provenance: TargetProvenance, verified: boolean): ResolvedTarget {
  return {
    value: null,
    verified,
    source: provenance.source ?? null,
    basis: provenance.basis,
    citation: provenance.citation,
    origin: provenance.origin,
    ruleset: provenance.ruleset,
    reason: null,
    comparator: provenance.comparator ?? null,
  };
}

/** Targets computed by expressions (e.g. 1.1 × 50) are rounded to remove binary noise (55.000000000000014). */
export function roundTarget(value: number): number {
  return Math.round(value * 1e9) / 1e9;
}
