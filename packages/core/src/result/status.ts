import type { CriterionStatus, IndicatorStatus, TierStatus } from './types.js';

// Statuses are kept as small integers in typed arrays; result objects are built only when read.
export const MET = 0;
export const NOT_MET = 1;
export const MISSING = 2;
export const NOT_APPLICABLE = 3;
export const NOT_EVALUABLE = 4;
export const INDICATOR_STATUS: readonly IndicatorStatus[] = [
  'met',
  'not-met',
  'missing',
  'not-applicable',
  'not-evaluable',
];
export const C_MET = 0;
export const C_NOT_MET = 1;
export const C_INCOMPLETE = 2;
export const CRITERION_STATUS: readonly CriterionStatus[] = ['met', 'not-met', 'incomplete'];
export const TIER_STATUS: readonly TierStatus[] = ['met', 'not-met', 'incomplete'];
