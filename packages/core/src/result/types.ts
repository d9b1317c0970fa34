/**
 * The evaluation contract: what `evaluate` returns and what the review functions, the scorecard and the CLI
 * read. Results of the engine are compact records implementing these interfaces; `toJSON()` (and
 * `JSON.stringify`) gives the same shape as plain data.
 */
import type {
  Citation,
  CommuneGroup,
  Confidence,
  LocalizedText,
  Rationale,
  Region,
} from '../schema/common.js';
import type { Comparator } from '../schema/edition.js';
import type { RegionBasis, RulesetInfo } from '../schema/provenance.js';

export type { RegionBasis, RulesetInfo };

/**
 * - `met` / `not-met`: decided.
 * - `missing`: the commune's data needed for the indicator is missing.
 * - `not-applicable`: the indicator does not apply to this commune (a condition "nếu có").
 * - `not-evaluable`: the target is unknown, only a lower bound is known and the commune meets it, or the
 *   target is below the confidence asked for (`minConfidence`, `requireVerified`); the commune's data cannot
 *   fix it.
 */
export type IndicatorStatus = 'met' | 'not-met' | 'missing' | 'not-applicable' | 'not-evaluable';
export type CriterionStatus = 'met' | 'not-met' | 'incomplete';
export type TierStatus = 'met' | 'not-met' | 'incomplete';

/** A confidence level a caller may require of targets (`unknown` is never enough). */
export type RequiredConfidence = Exclude<Confidence, 'unknown'>;

/**
 * Why a tier or criterion could not be decided. `missing-data`: the commune's own data is missing (ask the
 * commune); `unknown-target`: the official target is not known (no data can fix it); `both`.
 */
export type UndecidedCause = 'missing-data' | 'unknown-target' | 'both';

export interface Undecided {
  cause: UndecidedCause;
  /** Applicable indicators whose data is missing. */
  missingData: number;
  /** Applicable indicators whose target is unknown (or not sure enough). */
  unknownTargets: number;
}

export interface IndicatorResult {
  id: string;
  name: LocalizedText;
  /** Measure compared with the target, or null for a composite (logic) test. */
  measure: string | null;
  status: IndicatorStatus;
  /** The commune's value (null when missing). For a multiple-choice measure, the list. */
  actual: number | boolean | string | string[] | null;
  /** The target for this commune's region or group and year; reported even when the value is missing. */
  target: number | boolean | null;
  /** The requirement in words, for composite tests that have no single target. */
  requirement: LocalizedText | null;
  comparator: Comparator | null;
  unit: LocalizedText | null;
  /** Signed distance to the target in the indicator's unit: negative = short of it. Null where meaningless. */
  gap: number | null;
  citation: Citation;
  /** How sure the toolkit is of the target (see {@link Confidence}). */
  confidence: Confidence;
  /** The target is an assumed lower bound of the real one (failing it is certain; meeting it is not). */
  bound: boolean;
  /** `confidence === 'official'` (kept for compatibility). */
  verified: boolean;
  /** Why the target is what it is. */
  rationale: Rationale | null;
  /** URL of the document that states the target. */
  source: string | null;
  /** The sentence of the source that states it. */
  quote: string | null;
  /** Who set the target that applied: the national edition or a province overlay. */
  origin: 'national' | 'province';
  /** Id of the ruleset file that set it. */
  originRuleset: string;
  /**
   * Why the indicator is not met, missing, not applicable or not evaluable, in words; for a composite test
   * that is not met, which parts failed with their values.
   */
  reason: LocalizedText | null;
}

export interface CriterionResult {
  id: string;
  name: LocalizedText;
  group: { id: string; name: LocalizedText };
  status: CriterionStatus;
  /** Why the criterion is incomplete (null when met or not met). */
  undecided: Undecided | null;
  indicators: IndicatorResult[];
}

export interface EvaluationCounts {
  criteriaMet: number;
  criteriaTotal: number;
  /** Applicable indicators met / applicable indicators. */
  indicatorsMet: number;
  indicatorsTotal: number;
  indicatorsNotMet: number;
  indicatorsMissing: number;
  indicatorsNotEvaluable: number;
  indicatorsNotApplicable: number;
  /** Applicable indicators whose target is not official (`confidence !== 'official'`). */
  unverifiedTargets: number;
  /** Applicable indicators by the confidence of their target. */
  confidence: Record<Confidence, number>;
}

/** The evaluation of one commune against one tier (with its prerequisite tiers). */
export interface Evaluation {
  commune: {
    id: string;
    name: string;
    /** Province id (ASCII slug) and its Vietnamese name on the assessment date. */
    province: string | null;
    provinceName: string | null;
    /** District, for data from before the 2025 reform (two-level local government has none). */
    district: string | null;
  };
  status: TierStatus;
  /**
   * Why the tier (with its prerequisites) is incomplete: the commune's data is missing, the official
   * targets are unknown, or both, with counts. Null when the tier is met or not met.
   */
  undecided: Undecided | null;
  level: string;
  asOf: string;
  /** Year whose targets applied (the year of `asOf`). */
  year: number;
  /** Region whose targets applied (null when the edition's targets do not vary by region). */
  region: Region | null;
  regionBasis: RegionBasis | null;
  /** Commune group whose targets applied (51/2025/QĐ-TTg), or null. */
  group: CommuneGroup | null;
  /** Lowest confidence of target that counted: others were not evaluable. */
  minConfidence: RequiredConfidence;
  /** `minConfidence === 'official'` (kept for compatibility). */
  requireVerified: boolean;
  ruleset: RulesetInfo;
  prerequisites: Evaluation[];
  counts: EvaluationCounts;
  criteria: CriterionResult[];
  /** Recognition conditions (18/2022/QĐ-TTg), when requested with `recognition: true`. */
  recognition?: Evaluation | undefined;
  /** The full result as plain data (what `JSON.stringify` writes). */
  toJSON?(): Evaluation;
}
