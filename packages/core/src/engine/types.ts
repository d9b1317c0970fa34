import type { RulesetInfo } from '../editions/compile.js';
import type { Citation, LocalizedText, Region } from '../schema/common.js';
import type { Comparator } from '../schema/edition.js';

export type { RulesetInfo };

/** `not-evaluable`: the target is unknown, or unverified under `requireVerified`; data cannot fix it. */
export type IndicatorStatus = 'met' | 'not-met' | 'missing' | 'not-applicable' | 'not-evaluable';
export type CriterionStatus = 'met' | 'not-met' | 'incomplete';
export type TierStatus = 'met' | 'not-met' | 'incomplete';

export interface IndicatorResult {
  id: string;
  name: LocalizedText;
  /** Measure compared with the target, or null for a composite (logic) test. */
  measure: string | null;
  status: IndicatorStatus;
  /** The commune's value (null when missing). For a multiple-choice measure, the list. */
  actual: number | boolean | string | string[] | null;
  /** The target for this commune's region and year; reported even when the value is missing. */
  target: number | boolean | null;
  /** The requirement in words, for composite tests that have no single target. */
  requirement: LocalizedText | null;
  comparator: Comparator | null;
  unit: LocalizedText | null;
  /** Signed distance to the target in the indicator's unit: negative = short of it. Null where meaningless. */
  gap: number | null;
  citation: Citation;
  /** Whether a source read by the maintainers states this target. */
  verified: boolean;
  /** What the target rests on. */
  basis: string;
  source: string | null;
  /** Who set the target that applied: the national edition or a province overlay. */
  origin: 'national' | 'province';
  /** Id of the ruleset file that set it. */
  originRuleset: string;
  /** Why the indicator is missing, not applicable or not evaluable. */
  reason: LocalizedText | null;
}

export interface CriterionResult {
  id: string;
  name: LocalizedText;
  group: { id: string; name: LocalizedText };
  status: CriterionStatus;
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
  /** Applicable indicators whose target no read source confirms. */
  unverifiedTargets: number;
}

/** Why the commune used another region's targets (e.g. 318 Art. 1, 211/QĐ-TTg). */
export interface RegionBasis {
  /** The commune's own region. */
  declared: Region;
  /** The region whose targets applied. */
  applied: Region;
  /** The commune category that triggered the rule. */
  category: string;
  reason: LocalizedText;
  citation: Citation;
}

/** The evaluation of one commune against one tier (with its prerequisite tiers). */
export interface Evaluation {
  commune: {
    id: string;
    name: string;
    /** Province id (ASCII slug) and its Vietnamese name on the assessment date. */
    province: string | null;
    provinceName: string | null;
    district: string | null;
  };
  status: TierStatus;
  level: string;
  asOf: string;
  /** Year whose targets applied (the year of `asOf`). */
  year: number;
  /** Region whose targets applied. */
  region: Region;
  regionBasis: RegionBasis | null;
  requireVerified: boolean;
  ruleset: RulesetInfo;
  prerequisites: Evaluation[];
  counts: EvaluationCounts;
  criteria: CriterionResult[];
  /** Recognition conditions (18/2022/QĐ-TTg), when requested with `recognition: true`. */
  recognition?: Evaluation | undefined;
}
