/**
 * `@nongthonmoi/core/review`: district views built from evaluations, without the engine or the rules.
 * For pages that receive evaluations (e.g. as JSON) and only show them.
 *
 * @packageDocumentation
 */

export type {
  CriterionResult,
  CriterionStatus,
  Evaluation,
  EvaluationCounts,
  IndicatorResult,
  IndicatorStatus,
  RegionBasis,
  RequiredConfidence,
  RulesetInfo,
  TierStatus,
  Undecided,
  UndecidedCause,
} from '../result/types.js';
export type { CommuneGroup, Confidence, Region } from '../schema/constants.js';
export {
  COMMUNE_GROUP_NAMES,
  COMMUNE_GROUPS,
  CONFIDENCE_LEVELS,
  CONFIDENCE_NAMES,
  REGION_NAMES,
  REGIONS,
} from '../schema/constants.js';
export type {
  CommuneProgress,
  CriterionChange,
  Direction,
  IndicatorChange,
  ProgressReport,
} from './compare.js';
export { compare } from './compare.js';
export type {
  CommuneDossier,
  CriterionDossier,
  DossierCounts,
  DossierEntry,
  DossierProblem,
  DossierReport,
  DossierRow,
} from './dossier.js';
export { reviewDossiers } from './dossier.js';
export type { DossierStatus, DossierStatusParse, DossierStatusProblem } from './dossier-status.js';
export { DOSSIER_STATUS_WORDS, DOSSIER_STATUSES, parseDossierStatus } from './dossier-status.js';
export type {
  CommuneForecast,
  CriterionForecast,
  ForecastOptions,
  ForecastPoint,
  ForecastReport,
  GapForecast,
  Outlook,
  OutlookCounts,
  Snapshot,
  TierForecast,
  TierOutlook,
  TierOutlookCounts,
} from './forecast.js';
export { compareOutlooks, forecast, OUTLOOKS, TIER_OUTLOOKS } from './forecast.js';
export { COMPARATOR_SYMBOLS, type GapItem, gapItems, roundGap, tiers } from './gaps.js';
export type { CommuneRow, CriterionColumn, DistrictSummary } from './summarize.js';
export { summarize } from './summarize.js';
