/**
 * What an evaluation record needs to know about the rules it was evaluated with, as plain data plus two
 * callbacks: built once per edition by the engine (engine/lower.ts), shared by every record of that edition.
 * Declared here so that the result layer (and the review functions above it) never import the engine.
 */
import type { Citation, Confidence, LocalizedText, Rationale } from '../schema/common.js';
import type { Comparator } from '../schema/edition.js';
import type { ResolvedTarget, RulesetInfo } from '../schema/provenance.js';
import type { EvaluationRecord } from './record.js';

export interface IndicatorLayout {
  index: number;
  id: string;
  name: LocalizedText;
  criterionIndex: number;
  /** Measure compared with the target, or null for a composite test. */
  measure: string | null;
  /** Position of that measure in a record's `values`, or -1. */
  slot: number;
  /** Every position the indicator reads (its measure, its condition, its test, a computed target). */
  reads: readonly number[];
  comparator: Comparator | null;
  /** A multiple-choice measure: its number of entries is compared. */
  countsList: boolean;
  unit: LocalizedText | null;
  requirement: LocalizedText | null;
  /** Stands for indicators not yet known (a whole criterion as the commune assessed it). */
  placeholder: boolean;
  /** Provenance of a composite test (it has no target cell). */
  provenance: {
    confidence: Confidence;
    source: string | null;
    quote: string | null;
    rationale: Rationale | null;
    citation: Citation;
    origin: 'national' | 'province';
    ruleset: string;
  };
}

export interface CriterionLayout {
  index: number;
  id: string;
  name: LocalizedText;
  group: { id: string; name: LocalizedText };
  /** Indices into `indicators`. */
  indicators: readonly number[];
}

export interface ResultLayout {
  info: RulesetInfo;
  criteria: readonly CriterionLayout[];
  indicators: readonly IndicatorLayout[];
  /** Measure key of each position of a record's `values`. */
  measureKeys: readonly string[];
  /** Measure label of each position (for messages). */
  measureLabels: readonly LocalizedText[];
  /** The target of indicator `i` for a record, when the record did not keep it (computed on demand). */
  targetOf(record: EvaluationRecord, i: number): ResolvedTarget | null;
  /** For a composite test that is not met: which parts failed, with their values. */
  explain(record: EvaluationRecord, i: number): LocalizedText | null;
}
