import type { CompiledCriterion, CompiledIndicator } from '../editions/compile.js';
import type { ResolvedTarget } from '../editions/targets.js';
import type { Evaluation, IndicatorResult } from '../engine/types.js';

/**
 * What the review functions read from an evaluation held compactly by the engine. Declared here, by type
 * only, so that `@nongthonmoi/core/review` works without loading the engine: evaluations that arrive as
 * plain JSON (in a browser, from a file) take the ordinary path.
 */
export interface FastRecord extends Evaluation {
  readonly plan: {
    readonly edition: {
      readonly indicators: readonly CompiledIndicator[];
      readonly criteria: readonly CompiledCriterion[];
    };
  };
  readonly statuses: Uint8Array;
  criterionStatus(c: number): number;
  targetCell(i: number): ResolvedTarget | null;
  actual(i: number): IndicatorResult['actual'];
  gap(i: number): number | null;
}

let accessor: ((evaluation: unknown) => FastRecord | null) | null = null;

/** Called once by the engine when it loads. */
export function registerFastRecord(read: (evaluation: unknown) => FastRecord | null): void {
  accessor = read;
}

/** The compact record behind an evaluation, or null for a plain object (or when no engine is loaded). */
export function fastRecordOf(evaluation: unknown): FastRecord | null {
  if (!accessor || !evaluation || typeof evaluation !== 'object') return null;
  return accessor(evaluation);
}
