/**
 * An evaluation held compactly: statuses in one typed array, the commune's values by position, targets shared
 * per region/group and year. The detailed `criteria` are light views built on first read (result/views.ts),
 * so a dashboard that reads only statuses and counts never pays for a million objects. `toJSON()` gives the
 * full result as plain data with a stable key order.
 */
import type { LocalizedText } from '../schema/common.js';
import { CONFIDENCE_NAMES, type CommuneGroup, confidenceRank, type Region } from '../schema/constants.js';
import type { RegionBasis, ResolvedTarget, RulesetInfo } from '../schema/provenance.js';
import type { IndicatorLayout, ResultLayout } from './layout.js';
import { C_INCOMPLETE, MET, MISSING, NOT_APPLICABLE, NOT_EVALUABLE, NOT_MET } from './status.js';
import type {
  CriterionResult,
  Evaluation,
  EvaluationCounts,
  IndicatorResult,
  RequiredConfidence,
  TierStatus,
  Undecided,
} from './types.js';
import { CriterionView, criterionToJSON } from './views.js';

/** Node's console.log and util.inspect print the plain result instead of a class instance. */
const INSPECT = Symbol.for('nodejs.util.inspect.custom');

export const OP_GE = 0;
export const OP_GT = 1;
export const OP_LE = 2;
export const OP_LT = 3;
export const OP_EQ = 4;
export const OP_NE = 5;
export const OP_CODES = {
  '>=': OP_GE,
  '>': OP_GT,
  '<=': OP_LE,
  '<': OP_LT,
  '==': OP_EQ,
  '!=': OP_NE,
} as const;

/** Signed distance to the target: negative when short of it (or above a ceiling). Rounded to remove binary noise. */
export function gapOf(opCode: number, actual: number, target: number): number {
  const raw = opCode === OP_LE || opCode === OP_LT ? target - actual : actual - target;
  return Math.round(raw * 1e9) / 1e9;
}

export interface RecordInit {
  layout: ResultLayout;
  commune: Evaluation['commune'];
  status: TierStatus;
  undecided: Undecided | null;
  asOf: string;
  year: number;
  region: Region | null;
  regionBasis: RegionBasis | null;
  group: CommuneGroup | null;
  minConfidence: RequiredConfidence;
  prerequisites: EvaluationRecord[];
  counts: EvaluationCounts;
  statuses: Uint8Array;
  /** Where this record's statuses start in `statuses`. */
  base: number;
  values: readonly unknown[];
  cells: ReadonlyArray<ResolvedTarget | undefined>;
  perCommune: ReadonlyArray<ResolvedTarget | undefined> | null;
}

const NO_TARGET: LocalizedText = { vi: 'chưa có mức chỉ tiêu chính thức', en: 'no official target known' };

export class EvaluationRecord implements Evaluation {
  readonly commune: Evaluation['commune'];
  readonly status: TierStatus;
  readonly undecided: Undecided | null;
  readonly level: string;
  readonly asOf: string;
  readonly year: number;
  readonly region: Region | null;
  readonly regionBasis: RegionBasis | null;
  readonly group: CommuneGroup | null;
  readonly minConfidence: RequiredConfidence;
  readonly requireVerified: boolean;
  readonly ruleset: RulesetInfo;
  readonly prerequisites: EvaluationRecord[];
  readonly counts: EvaluationCounts;
  recognition?: EvaluationRecord | undefined;
  /** @internal */ readonly layout: ResultLayout;
  /**
   * @internal Indicator statuses, then criterion statuses, from `base` on: the array is shared by the records
   * of a batch. Read them with `statusOf(i)` and `criterionStatus(c)`.
   */
  readonly statuses: Uint8Array;
  /** @internal */ readonly base: number;
  /** @internal The commune's values, by the layout's measure positions (undefined = missing). */
  readonly values: readonly unknown[];
  readonly #cells: ReadonlyArray<ResolvedTarget | undefined>;
  readonly #perCommune: ReadonlyArray<ResolvedTarget | undefined> | null;
  #criteria: CriterionResult[] | null = null;

  constructor(init: RecordInit) {
    this.commune = init.commune;
    this.status = init.status;
    this.undecided = init.undecided;
    this.level = init.layout.info.level;
    this.asOf = init.asOf;
    this.year = init.year;
    this.region = init.region;
    this.regionBasis = init.regionBasis;
    this.group = init.group;
    this.minConfidence = init.minConfidence;
    this.requireVerified = init.minConfidence === 'official';
    this.ruleset = init.layout.info;
    this.prerequisites = init.prerequisites;
    this.counts = init.counts;
    this.layout = init.layout;
    this.statuses = init.statuses;
    this.base = init.base;
    this.values = init.values;
    this.#cells = init.cells;
    this.#perCommune = init.perCommune;
  }

  get criteria(): CriterionResult[] {
    if (!this.#criteria) {
      const criteria = this.layout.criteria;
      const views: CriterionResult[] = new Array(criteria.length);
      for (let c = 0; c < criteria.length; c++) views[c] = new CriterionView(this, c);
      this.#criteria = views;
    }
    return this.#criteria;
  }

  /** @internal Status code of indicator `i`. */
  statusOf(i: number): number {
    return this.statuses[this.base + i] as number;
  }

  /** @internal Status code of criterion `c`. */
  criterionStatus(c: number): number {
    return this.statuses[this.base + this.layout.indicators.length + c] as number;
  }

  /** @internal Why criterion `c` is incomplete, or null. */
  criterionUndecided(c: number): Undecided | null {
    if (this.criterionStatus(c) !== C_INCOMPLETE) return null;
    let missingData = 0;
    let unknownTargets = 0;
    for (const i of (this.layout.criteria[c] as { indicators: readonly number[] }).indicators) {
      const status = this.statuses[this.base + i];
      if (status === MISSING) missingData++;
      else if (status === NOT_EVALUABLE) unknownTargets++;
    }
    return undecidedOf(missingData, unknownTargets);
  }

  /** @internal The target that applied to indicator `i` (shared cell, this commune's own, or computed now). */
  targetCell(i: number): ResolvedTarget | null {
    const cell = this.#perCommune?.[i] ?? this.#cells[i];
    if (cell) return cell;
    return this.layout.targetOf(this, i);
  }

  /** @internal The value compared for indicator `i` (null when missing or for a composite test). */
  actual(i: number): IndicatorResult['actual'] {
    const slot = (this.layout.indicators[i] as IndicatorLayout).slot;
    const value = slot < 0 ? undefined : this.values[slot];
    return value === undefined ? null : (value as IndicatorResult['actual']);
  }

  /** @internal Signed gap of indicator `i`, or null. */
  gap(i: number): number | null {
    const status = this.statuses[this.base + i];
    if (status !== MET && status !== NOT_MET) return null;
    const indicator = this.layout.indicators[i] as IndicatorLayout;
    if (indicator.slot < 0) return null;
    const cell = this.targetCell(i);
    const comparator = cell?.comparator ?? indicator.comparator;
    if (!comparator || comparator === '!=' || !cell || typeof cell.value !== 'number') return null;
    const raw = this.values[indicator.slot];
    const compared = indicator.countsList ? (raw as unknown[]).length : raw;
    return typeof compared === 'number' ? gapOf(OP_CODES[comparator], compared, cell.value) : null;
  }

  /** @internal Why indicator `i` is not met, missing, not applicable or not evaluable (null otherwise). */
  reason(i: number): LocalizedText | null {
    const status = this.statuses[this.base + i];
    const indicator = this.layout.indicators[i] as IndicatorLayout;
    if (status === MISSING) {
      const missing = [...new Set(indicator.reads)].filter((slot) => this.values[slot] === undefined);
      const keys = missing.map((slot) => this.layout.measureKeys[slot] as string);
      const labels = missing.map((slot) => this.layout.measureLabels[slot] as LocalizedText);
      return {
        vi: `thiếu số liệu: ${labels.map((label) => label.vi).join('; ')}`,
        en: `no value for ${keys.join(', ')}`,
      };
    }
    if (status === NOT_APPLICABLE) {
      return {
        vi: 'không áp dụng với xã này (điều kiện áp dụng của chỉ tiêu không thỏa mãn)',
        en: 'does not apply to this commune: its condition of applicability is not met',
      };
    }
    if (status === NOT_MET) {
      if (indicator.slot < 0) return this.layout.explain(this, i);
      const cell = this.targetCell(i);
      if (cell?.bound) {
        return {
          vi: 'chưa đạt cả mức tối thiểu giả định (mức chính thức chưa rõ nhưng không thấp hơn mức này)',
          en: 'short even of the assumed lower bound (the official target is unknown but no lower than this)',
        };
      }
      return null;
    }
    if (status === NOT_EVALUABLE) {
      const cell = indicator.slot < 0 ? null : this.targetCell(i);
      const confidence = cell ? cell.confidence : indicator.provenance.confidence;
      if (cell && cell.value === null) return cell.reason ?? NO_TARGET;
      if (confidence === 'unknown') {
        const why = indicator.provenance.rationale;
        return {
          vi: `${NO_TARGET.vi}${why ? `: ${why.vi}` : ''}`,
          en: `${NO_TARGET.en}${why ? `: ${why.en ?? why.vi}` : ''}`,
        };
      }
      if (cell?.bound && confidenceRank(confidence) >= confidenceRank(this.minConfidence)) {
        return {
          vi: `đạt mức tối thiểu giả định ${String(cell.value)}, nhưng mức chính thức chưa rõ (có thể cao hơn)`,
          en: `meets the assumed lower bound ${String(cell.value)}, but the official target is unknown (it may be higher)`,
        };
      }
      const have = CONFIDENCE_NAMES[confidence];
      const want = CONFIDENCE_NAMES[this.minConfidence];
      return {
        vi: `mức chỉ tiêu mới có độ tin cậy "${have.vi}", chưa đạt yêu cầu "${want.vi}" của lần đánh giá này`,
        en: `the target's confidence is "${have.en}", below the "${want.en}" this evaluation requires`,
      };
    }
    return null;
  }

  [INSPECT](): Evaluation {
    return this.toJSON();
  }

  /** The full result as plain data with a stable key order (what JSON.stringify writes). */
  toJSON(): Evaluation {
    const json: Evaluation = {
      commune: { ...this.commune },
      status: this.status,
      undecided: this.undecided,
      level: this.level,
      asOf: this.asOf,
      year: this.year,
      region: this.region,
      regionBasis: this.regionBasis,
      group: this.group,
      minConfidence: this.minConfidence,
      requireVerified: this.requireVerified,
      ruleset: this.ruleset,
      prerequisites: this.prerequisites.map((prerequisite) => prerequisite.toJSON()),
      counts: { ...this.counts, confidence: { ...this.counts.confidence } },
      criteria: this.criteria.map(criterionToJSON),
    };
    if (this.recognition) json.recognition = this.recognition.toJSON();
    return json;
  }
}

/** The cause of an undecided tier or criterion from its counts (null when nothing is undecided). */
export function undecidedOf(missingData: number, unknownTargets: number): Undecided | null {
  if (missingData === 0 && unknownTargets === 0) return null;
  return {
    cause:
      missingData > 0 && unknownTargets > 0 ? 'both' : missingData > 0 ? 'missing-data' : 'unknown-target',
    missingData,
    unknownTargets,
  };
}
