/**
 * Tells an engine record from a plain evaluation (e.g. JSON) without importing the record class, so that the
 * review functions (summarize, compare, gap lists) do not pull the engine's result classes into a page that
 * only shows JSON results (the scorecard's standalone bundle).
 */
import type { EvaluationRecord } from './record.js';

/** Set on `EvaluationRecord.prototype` (record.ts). */
export const RECORD = Symbol('EvaluationRecord');

/** Whether a value is an engine record (the review functions then read its typed arrays directly). */
export function isRecord(value: unknown): value is EvaluationRecord {
  return typeof value === 'object' && value !== null && (value as { [RECORD]?: unknown })[RECORD] === true;
}
