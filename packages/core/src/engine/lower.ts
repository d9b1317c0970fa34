/**
 * Lowering: a chain of resolved editions (the assessed tier, the tiers it requires, and optionally the
 * recognition conditions) becomes the execution plan the loop in execute.ts runs: measures laid out by
 * position, comparators and flags in typed arrays, expressions compiled to closures, and target vectors
 * computed once per region/group/year and shared by every commune.
 */
import {
  applyRegionRules,
  type ResolvedEdition,
  type ResolvedIndicator,
  type TargetSpec,
} from '../editions/resolve.js';
import { type RuleContext, ruleLogic } from '../editions/rule-logic.js';
import {
  isDerived,
  lookupTarget,
  provenanceCell,
  stricter,
  type TargetKey,
  weakest,
} from '../editions/targets.js';
import { LogicBudget } from '../logic/budget.js';
import type { CompiledExpression } from '../logic/compile.js';
import { LogicError } from '../logic/errors.js';
import type { IndicatorLayout, ResultLayout } from '../result/layout.js';
import { type EvaluationRecord, OP_CODES } from '../result/record.js';
import {
  COMMUNE_GROUPS,
  type CommuneGroup,
  type Confidence,
  confidenceRank,
  type LocalizedText,
  REGIONS,
  type Region,
} from '../schema/common.js';
import type { Comparator } from '../schema/edition.js';
import type { ResolvedTarget } from '../schema/provenance.js';
import { explainer } from './explain.js';
import type { MeasureDictionary, MeasureEntry } from './measures.js';

export const FLAG_APPLICABLE = 1;
export const FLAG_COUNTS_LIST = 2;
/** The indicator's expressions ask the required tier for targets (`requiredTarget`). */
export const FLAG_CONTEXT = 4;
/** A placeholder for indicators not yet known: failing it is certain, meeting it decides nothing. */
export const FLAG_PLACEHOLDER = 8;

/** Where a commune stands for target lookups. */
export interface Placement {
  /** The commune's own region (null when unknown and not needed). */
  declared: Region | null;
  categories: readonly string[];
  group: CommuneGroup | null;
  year: number;
}

/** Targets of every indicator of a tier for one placement; `undefined` marks a per-commune target. */
export interface TargetVector {
  values: Array<number | boolean | null | undefined>;
  cells: Array<ResolvedTarget | undefined>;
  /** Confidence rank of each target (3 official … 0 unknown). */
  rank: Uint8Array;
  /** 1 where the target is an assumed lower bound (or a placeholder). */
  bound: Uint8Array;
  /** Comparator codes, where a province made one stricter (≥ → >). */
  ops: Int8Array;
  /** Per-commune targets already computed, by indicator and by the values they depend on. */
  memo: Map<number, Map<unknown, ResolvedTarget>>;
}

interface DerivedTarget {
  expression: CompiledExpression;
  /** Positions of the measures it reads. */
  reads: Int32Array;
}

/** One tier of a chain, lowered. */
export class Tier {
  readonly edition: ResolvedEdition;
  readonly requires: Tier | null;
  readonly chain: Chain;
  readonly count: number;
  readonly op: Int8Array;
  readonly slot: Int32Array;
  readonly flags: Uint8Array;
  readonly applicable: Array<CompiledExpression | null>;
  readonly applicableReads: Int32Array[];
  readonly logic: Array<CompiledExpression | null>;
  readonly logicReads: Int32Array[];
  /** Confidence rank of each composite test (its own provenance). */
  readonly logicRank: Uint8Array;
  readonly derived: Array<{ national: DerivedTarget | null; province: DerivedTarget | null } | null>;
  /** Criterion of each position: start offsets into `members`. */
  readonly criterionStart: Int32Array;
  readonly members: Int32Array;
  readonly layout: ResultLayout;
  readonly #vectors = new Map<number | string, TargetVector>();
  readonly #ruleCategories: ReadonlySet<string>;

  constructor(edition: ResolvedEdition, requires: Tier | null, chain: Chain) {
    this.edition = edition;
    this.requires = requires;
    this.chain = chain;
    const indicators = edition.indicators;
    const n = indicators.length;
    this.count = n;
    this.op = new Int8Array(n).fill(-1);
    this.slot = new Int32Array(n).fill(-1);
    this.flags = new Uint8Array(n);
    this.applicable = new Array(n).fill(null);
    this.applicableReads = new Array(n);
    this.logic = new Array(n).fill(null);
    this.logicReads = new Array(n);
    this.logicRank = new Uint8Array(n);
    this.derived = new Array(n).fill(null);
    const empty = new Int32Array(0);
    const reads = (expression: CompiledExpression) =>
      Int32Array.from(expression.vars, (key) => chain.position(key));
    for (const indicator of indicators) {
      const i = indicator.index;
      let flags = 0;
      if (indicator.applicableIf !== undefined) {
        const compiled = ruleLogic.compile(indicator.applicableIf);
        this.applicable[i] = compiled;
        this.applicableReads[i] = reads(compiled);
        flags |= FLAG_APPLICABLE;
        if (compiled.usesOperator('requiredTarget')) flags |= FLAG_CONTEXT;
      } else this.applicableReads[i] = empty;
      if (indicator.measure !== null) {
        this.slot[i] = chain.position(indicator.measure);
        this.op[i] = OP_CODES[indicator.comparator as Comparator];
        if (chain.entry(indicator.measure).measure.multiple) flags |= FLAG_COUNTS_LIST;
        this.logicReads[i] = empty;
        const national = derivedOf(indicator.national, reads);
        const province = derivedOf(indicator.province, reads);
        if (national || province) {
          this.derived[i] = { national, province };
          if ([national, province].some((d) => d?.expression.usesOperator('requiredTarget')))
            flags |= FLAG_CONTEXT;
        }
      } else {
        const compiled = ruleLogic.compile(indicator.logic);
        this.logic[i] = compiled;
        this.logicReads[i] = reads(compiled);
        this.logicRank[i] = confidenceRank(indicator.provenance.confidence);
        if (compiled.usesOperator('requiredTarget')) flags |= FLAG_CONTEXT;
      }
      if (indicator.placeholder) flags |= FLAG_PLACEHOLDER;
      this.flags[i] = flags;
    }
    this.criterionStart = new Int32Array(edition.criteria.length + 1);
    const members: number[] = [];
    edition.criteria.forEach((criterion, c) => {
      this.criterionStart[c] = members.length;
      members.push(...criterion.indicators);
    });
    this.criterionStart[edition.criteria.length] = members.length;
    this.members = Int32Array.from(members);
    this.#ruleCategories = new Set([
      ...edition.regionRules.flatMap((rule) => rule.categories),
      ...(requires ? requires.#ruleCategories : []),
    ]);
    this.layout = this.#layout();
  }

  /** The tier of `level` in this chain (this one or one it requires). */
  find(level: string): Tier | null {
    let tier: Tier | null = this;
    while (tier && tier.edition.info.level !== level) tier = tier.requires;
    return tier;
  }

  /** The region whose targets this tier uses, after its category rules. */
  regionOf(placement: Placement): Region | null {
    if (placement.declared === null) return null;
    return (
      applyRegionRules(this.edition.regionRules, placement.declared, placement.categories)?.applied ??
      placement.declared
    );
  }

  vector(placement: Placement): TargetVector {
    const regionIndex = placement.declared === null ? 7 : REGIONS.indexOf(placement.declared);
    const groupIndex = placement.group === null ? 3 : COMMUNE_GROUPS.indexOf(placement.group);
    let key: number | string = (regionIndex * 4 + groupIndex) * 100_000 + placement.year;
    if (placement.categories.length > 0) {
      const relevant = placement.categories.filter((category) => this.#ruleCategories.has(category));
      if (relevant.length > 0) key = `${key}|${[...relevant].sort().join(',')}`;
    }
    let vector = this.#vectors.get(key);
    if (!vector) {
      vector = this.#buildVector(placement);
      if (this.#vectors.size < 10_000) this.#vectors.set(key, vector);
    }
    return vector;
  }

  #buildVector(placement: Placement): TargetVector {
    const n = this.count;
    const vector: TargetVector = {
      values: new Array(n),
      cells: new Array(n),
      rank: new Uint8Array(n),
      bound: new Uint8Array(n),
      ops: Int8Array.from(this.op),
      memo: new Map(),
    };
    for (const indicator of this.edition.indicators) {
      const i = indicator.index;
      if (!indicator.national) {
        vector.values[i] = null;
        vector.rank[i] = this.logicRank[i] as number;
        continue;
      }
      const derived = this.derived[i];
      if (
        derived &&
        ((derived.national?.reads.length ?? 0) > 0 || (derived.province?.reads.length ?? 0) > 0)
      ) {
        vector.values[i] = undefined;
        continue;
      }
      setCell(vector, i, this.resolveTarget(indicator, placement, null), this.flags[i] as number);
    }
    return vector;
  }

  /**
   * A target that depends on the commune's own values, memoised by those values: communes with the same
   * number of schools share one resolved target instead of recomputing it.
   */
  perCommuneTarget(
    vector: TargetVector,
    i: number,
    placement: Placement,
    values: readonly unknown[],
    budget: LogicBudget,
  ): ResolvedTarget {
    let byValue = vector.memo.get(i);
    if (!byValue) {
      byValue = new Map();
      vector.memo.set(i, byValue);
    }
    const derived = this.derived[i] as { national: DerivedTarget | null; province: DerivedTarget | null };
    const wanted = [...(derived.national?.reads ?? []), ...(derived.province?.reads ?? [])];
    const key =
      wanted.length === 1 ? values[wanted[0] as number] : JSON.stringify(wanted.map((slot) => values[slot]));
    let cell = byValue.get(key);
    if (!cell) {
      cell = this.resolveTarget(this.edition.indicators[i] as ResolvedIndicator, placement, values, budget);
      if (byValue.size < 10_000) byValue.set(key, cell);
    }
    return cell;
  }

  /**
   * The target that applies to one indicator (with a commune's values when the target depends on them).
   * Expressions, and the required tiers' targets they ask for, take their steps from `budget` (a commune's
   * evaluation passes its own and gets the error when it runs out). Without one, the lookup has a budget of
   * its own, and an expression that fails gives an unknown target with the reason: the same every time.
   */
  resolveTarget(
    indicator: ResolvedIndicator,
    placement: Placement,
    values: readonly unknown[] | null,
    budget?: LogicBudget,
  ): ResolvedTarget {
    if (!budget) {
      try {
        return this.resolveTarget(
          indicator,
          placement,
          values,
          new LogicBudget(ruleLogic.limits.maxRuntimeSteps),
        );
      } catch (error) {
        if (!(error instanceof LogicError)) throw error;
        return provenanceCell((indicator.national as TargetSpec).provenance, null, 'unknown', false, {
          vi: `không tính được mức chỉ tiêu: ${error.reasonVi}${error.path ? ` (tại ${error.path})` : ''}`,
          en: `the target could not be computed: ${error.reason}${error.path ? ` (at ${error.path})` : ''}`,
        });
      }
    }
    const key: TargetKey = { region: this.regionOf(placement), group: placement.group, year: placement.year };
    const derived = this.derived[indicator.index];
    const national = this.#resolveSpec(
      indicator.national as TargetSpec,
      derived?.national ?? null,
      indicator,
      key,
      placement,
      values,
      budget,
    );
    if (!indicator.province) return national;
    const province = this.#resolveSpec(
      indicator.province,
      derived?.province ?? null,
      indicator,
      key,
      placement,
      values,
      budget,
    );
    return stricter(indicator.comparator as Comparator, national, province);
  }

  /** What rule expressions may ask of this tier while a commune is evaluated (with its step budget). */
  context(placement: Placement, values: readonly unknown[], budget: LogicBudget): RuleContext {
    return {
      requiredTarget: (level, id) => {
        const tier = this.requires?.find(level) ?? null;
        const required = tier?.edition.indicators.find((candidate) => candidate.id === id);
        if (!tier || !required?.national) return null;
        return tier.resolveTarget(required, placement, values, budget).value;
      },
    };
  }

  #resolveSpec(
    spec: TargetSpec,
    derived: DerivedTarget | null,
    indicator: ResolvedIndicator,
    key: TargetKey,
    placement: Placement,
    values: readonly unknown[] | null,
    budget: LogicBudget,
  ): ResolvedTarget {
    const fixed = lookupTarget(spec.target, key, spec.provenance);
    if (fixed) return fixed;
    let confidence: Confidence = spec.provenance.confidence;
    let bound = false;
    let reason: LocalizedText | null = null;
    const context: RuleContext = {
      // The required tier's own target for this commune: with its own region (a khu vực III commune's
      // nâng cao level is the TDMNPB one) and the same year.
      requiredTarget: (level, id) => {
        const tier = this.requires?.find(level) ?? null;
        const required = tier?.edition.indicators.find((candidate) => candidate.id === id);
        if (!tier || !required?.national) {
          reason = {
            vi: `cấp yêu cầu trước '${level}' không có chỉ tiêu ${id} vào ngày này`,
            en: `the required tier '${level}' has no indicator ${id} on this date`,
          };
          confidence = 'unknown';
          return null;
        }
        const cell = tier.resolveTarget(required, placement, values, budget);
        confidence = weakest(confidence, cell.confidence);
        if (cell.bound) bound = true;
        if (cell.value === null) {
          reason = {
            vi: `chưa có mức của chỉ tiêu ${id} cấp ${level}: ${cell.reason?.vi ?? ''}`,
            en: `the ${level} target of indicator ${id} is not known: ${cell.reason?.en ?? ''}`,
          };
        }
        return cell.value;
      },
    };
    const expression = (derived as DerivedTarget).expression;
    for (const slot of (derived as DerivedTarget).reads) {
      if (values?.[slot] === undefined) {
        const name = this.chain.keys[slot] as string;
        return provenanceCell(spec.provenance, null, 'unknown', false, {
          vi: `mức chỉ tiêu phụ thuộc số liệu '${name}', chưa có`,
          en: `the target depends on '${name}', which is missing`,
        });
      }
    }
    const raw = expression(values ? this.chain.valuesObject(values) : {}, context, budget);
    const value =
      typeof raw === 'number' && Number.isFinite(raw)
        ? roundTarget(raw)
        : typeof raw === 'boolean'
          ? raw
          : null;
    if (reason || value === null) {
      return provenanceCell(
        spec.provenance,
        null,
        'unknown',
        false,
        reason ?? {
          vi: `biểu thức tính mức của chỉ tiêu ${indicator.id} không cho ra số`,
          en: `the target expression of ${indicator.id} gave no number`,
        },
      );
    }
    return provenanceCell(spec.provenance, value, confidence, bound, null);
  }

  /** The static step bound of this tier's expressions (and of the tiers it requires), for one commune. */
  get stepBound(): number {
    let steps = this.requires?.stepBound ?? 0;
    for (let i = 0; i < this.count; i++) {
      steps += (this.applicable[i]?.stepBound ?? 0) + (this.logic[i]?.stepBound ?? 0);
      const derived = this.derived[i];
      steps +=
        (derived?.national?.expression.stepBound ?? 0) + (derived?.province?.expression.stepBound ?? 0);
    }
    return steps;
  }

  #layout(): ResultLayout {
    const edition = this.edition;
    const chain = this.chain;
    const indicators: IndicatorLayout[] = edition.indicators.map((indicator) => {
      const i = indicator.index;
      const derived = this.derived[i];
      const reads = [
        ...(this.applicableReads[i] as Int32Array),
        ...(this.logicReads[i] as Int32Array),
        ...((this.slot[i] as number) >= 0 ? [this.slot[i] as number] : []),
        ...(derived?.national?.reads ?? []),
        ...(derived?.province?.reads ?? []),
      ];
      const measure = indicator.measure === null ? null : chain.entry(indicator.measure).measure;
      return {
        index: i,
        id: indicator.id,
        name: indicator.name,
        criterionIndex: indicator.criterionIndex,
        measure: indicator.measure,
        slot: this.slot[i] as number,
        reads,
        comparator: indicator.comparator,
        countsList: ((this.flags[i] as number) & FLAG_COUNTS_LIST) !== 0,
        unit: measure?.unit ?? null,
        requirement: indicator.requirement,
        placeholder: indicator.placeholder,
        provenance: {
          confidence: indicator.provenance.confidence,
          source: indicator.provenance.source ?? null,
          quote: indicator.provenance.quote ?? null,
          rationale: indicator.provenance.rationale ?? null,
          citation: indicator.provenance.citation,
          origin: indicator.provenance.origin,
          ruleset: indicator.provenance.ruleset,
        },
      };
    });
    const explainers = edition.indicators.map((indicator) =>
      indicator.logic === null ? null : explainer(indicator.logic, (key) => chain.entry(key).measure),
    );
    return {
      info: edition.info,
      criteria: edition.criteria.map((criterion) => ({
        index: criterion.index,
        id: criterion.id,
        name: criterion.name,
        group: criterion.group,
        indicators: criterion.indicators,
      })),
      indicators,
      measureKeys: chain.keys,
      measureLabels: chain.labels,
      targetOf: (record: EvaluationRecord, i: number) => {
        const indicator = edition.indicators[i] as ResolvedIndicator;
        if (!indicator.national) return null;
        const placement: Placement = {
          declared: record.regionBasis?.declared ?? record.region,
          categories: record.regionBasis ? [record.regionBasis.category] : [],
          group: record.group,
          year: record.year,
        };
        return this.resolveTarget(indicator, placement, record.values);
      },
      explain: (record: EvaluationRecord, i: number) =>
        explainers[i]?.(chain.valuesObject(record.values)) ?? null,
    };
  }
}

function derivedOf(
  spec: TargetSpec | null,
  reads: (expression: CompiledExpression) => Int32Array,
): DerivedTarget | null {
  if (!spec || !isDerived(spec.target)) return null;
  const expression = ruleLogic.compile(spec.target.logic);
  return { expression, reads: reads(expression) };
}

function setCell(vector: TargetVector, i: number, cell: ResolvedTarget, flags: number): void {
  vector.values[i] = cell.value;
  vector.cells[i] = cell;
  vector.rank[i] = confidenceRank(cell.confidence);
  vector.bound[i] = cell.bound || (flags & FLAG_PLACEHOLDER) !== 0 ? 1 : 0;
  if (cell.comparator) vector.ops[i] = OP_CODES[cell.comparator];
}

/** Targets computed by expressions (e.g. 1.1 × 50) are rounded to remove binary noise (55.000000000000014). */
export function roundTarget(value: number): number {
  return Math.round(value * 1e9) / 1e9;
}

/**
 * A chain lowered for one date and province: the assessed tier with the tiers it requires, optionally the
 * recognition conditions, and the layout of the measures they read (every commune's values are loaded once,
 * by position, for all of them).
 */
export class Chain {
  readonly dictionary: MeasureDictionary;
  /** Dictionary slot → position in this chain's values (-1: the chain does not read that measure). */
  readonly positionOf: Int32Array;
  readonly entries: MeasureEntry[] = [];
  readonly keys: string[] = [];
  readonly labels: LocalizedText[] = [];
  readonly main: Tier;
  readonly recognition: Tier | null;
  /** Whether any tier's targets vary by region / by commune group. */
  readonly needsRegion: boolean;
  readonly needsGroup: boolean;
  /** The keys of the last commune read, and their positions (see read-commune.ts). */
  readonly seenKeys: string[] = [];
  readonly seenPositions: number[] = [];

  constructor(
    dictionary: MeasureDictionary,
    tiers: readonly ResolvedEdition[],
    recognition: ResolvedEdition | null,
  ) {
    this.dictionary = dictionary;
    this.positionOf = new Int32Array(dictionary.entries.length).fill(-1);
    // tiers: the assessed one first, then each one it requires.
    let requires: Tier | null = null;
    for (let k = tiers.length - 1; k >= 0; k--)
      requires = new Tier(tiers[k] as ResolvedEdition, requires, this);
    this.main = requires as Tier;
    this.recognition = recognition ? new Tier(recognition, null, this) : null;
    const all = [...tiers, ...(recognition ? [recognition] : [])];
    this.needsRegion = all.some((edition) => edition.dimensions.region);
    this.needsGroup = all.some((edition) => edition.dimensions.group);
  }

  /**
   * The step budget of one commune's evaluation against this chain: what its expressions may need by their
   * static bounds, plus one expression's worth (`maxSteps`) for targets of a required tier asked for more than
   * once, whose cost is not part of any expression's bound: a `requiredTarget` in a loop is what it stops.
   */
  budget(): LogicBudget {
    this.#steps ??= ruleLogic.limits.maxSteps + this.main.stepBound + (this.recognition?.stepBound ?? 0);
    return new LogicBudget(this.#steps);
  }
  #steps: number | undefined;

  /** Position of a measure in this chain's values, added on first use. */
  position(key: string): number {
    const entry = this.entry(key);
    let position = this.positionOf[entry.slot] as number;
    if (position < 0) {
      position = this.entries.length;
      this.positionOf[entry.slot] = position;
      this.entries.push(entry);
      this.keys.push(key);
      this.labels.push(entry.measure.label);
    }
    return position;
  }

  entry(key: string): MeasureEntry {
    const entry = this.dictionary.get(key);
    if (!entry) throw new Error(`unknown measure '${key}'`);
    return entry;
  }

  /** The values by measure key (what expressions read), from values by position. */
  valuesObject(values: readonly unknown[]): Record<string, unknown> {
    const object: Record<string, unknown> = {};
    for (let p = 0; p < values.length; p++) {
      const value = values[p];
      if (value !== undefined) object[this.keys[p] as string] = value;
    }
    return object;
  }
}
