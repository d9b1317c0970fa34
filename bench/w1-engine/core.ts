// (a) @nongthonmoi/core, on the two paths, and the reader both full-path variants share.
import {
  type BatchResult,
  type DistrictSummary,
  type EvaluateOptions,
  type Evaluation,
  evaluateMany,
  summarize,
} from '@nongthonmoi/core';
import type { BenchCommune } from './generate.js';

/**
 * Reads every indicator result of every evaluation and of its prerequisites (status, target, gap, citation),
 * as a report or an export would. Returns a checksum so the work cannot be optimised away.
 */
export function readFull(evaluations: readonly Evaluation[]): number {
  let sum = 0;
  const visit = (evaluation: Evaluation): void => {
    for (const prerequisite of evaluation.prerequisites) visit(prerequisite);
    for (const criterion of evaluation.criteria) {
      for (const indicator of criterion.indicators) {
        if (indicator.status === 'met') sum += 1;
        if (typeof indicator.target === 'number') sum += indicator.target;
        if (indicator.gap !== null) sum += indicator.gap;
        if (indicator.citation.document.length > 0) sum += 1;
      }
    }
  };
  for (const evaluation of evaluations) visit(evaluation);
  return sum;
}

export interface CoreFull {
  batch: BatchResult;
  checksum: number;
}

/** Full path: evaluate the batch, then read every result. */
export function coreFull(communes: readonly BenchCommune[], options: EvaluateOptions): CoreFull {
  const batch = evaluateMany(communes, options);
  return { batch, checksum: readFull(batch.results) };
}

export interface CoreDashboard {
  batch: BatchResult;
  summary: DistrictSummary;
}

/** Dashboard path: evaluate the batch, then `summarize` (per-criterion columns, blockers, gaps per commune). */
export function coreDashboard(communes: readonly BenchCommune[], options: EvaluateOptions): CoreDashboard {
  const batch = evaluateMany(communes, options);
  return { batch, summary: summarize(batch.results) };
}

/** Not a target: evaluateMany alone, reading each tier's status and counts (to split the dashboard time). */
export function coreEvaluateOnly(communes: readonly BenchCommune[], options: EvaluateOptions) {
  const batch = evaluateMany(communes, options);
  let sum = 0;
  for (const evaluation of batch.results) {
    if (evaluation.status === 'met') sum++;
    sum += evaluation.counts.indicatorsMet;
    for (const prerequisite of evaluation.prerequisites) sum += prerequisite.counts.indicatorsMet;
  }
  return { batch, checksum: sum };
}
