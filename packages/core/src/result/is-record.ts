import type { EvaluationRecord } from './record.js';

/**
 * Whether a value is an engine record (the review functions then read its typed arrays directly). Checked by
 * shape, not with `instanceof`, and kept apart from the record class, so that pages which only show plain
 * results (the review entry, the elements) never bundle the class and its views.
 */
export function isRecord(value: unknown): value is EvaluationRecord {
  return (
    value !== null &&
    typeof value === 'object' &&
    typeof (value as EvaluationRecord).statusOf === 'function' &&
    (value as EvaluationRecord).layout !== undefined
  );
}
