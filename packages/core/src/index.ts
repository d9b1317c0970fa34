/**
 * @nongthonmoi/core: Vietnam's New Rural Development (Nông thôn mới) commune criteria as versioned,
 * declarative rules, and an engine that evaluates communes against them with explained results.
 *
 * @packageDocumentation
 */

import type { RulesetInput } from './editions/registry.js';
import {
  getRuleset as catalogGet,
  listRulesets as catalogList,
  getRulesetById,
  type RulesetDetail,
  type RulesetSummary,
} from './engine/catalog.js';
import { diffDetails, type RulesetDiff } from './engine/diff.js';
import { type BatchResult, Engine, type EvaluateOptions } from './engine/engine.js';
import type { CompiledExpression } from './logic/compile.js';
import { LogicEngine } from './logic/compile.js';
import {
  type CompactEvaluation,
  CompactEvaluationError,
  type EvaluationRules,
  placementOf,
  rebuildEvaluation,
} from './result/compact.js';
import type { ResultLayout } from './result/layout.js';
import type { Evaluation } from './result/types.js';
import { BUNDLED_RULESETS } from './rules.js';
import { CompactEvaluationSchema } from './schema/compact.js';

export type { CanonicalOptions } from './editions/canonical.js';
export { canonicalRuleset, isCanonicalRuleset } from './editions/canonical.js';
export { FILE_LIMITS, parseRuleset } from './editions/parse.js';
export type { ProvinceRecord } from './editions/provinces.js';
export { listProvinces, regionOfProvince } from './editions/provinces.js';
export type { RulesetInput } from './editions/registry.js';
export type { IndicatorDetail, RulesetDetail, RulesetSummary, TargetRow } from './engine/catalog.js';
export type { RulesetDiff, TargetChange } from './engine/diff.js';
export type { BatchError, BatchResult, EvaluateOptions, MeasureInfo } from './engine/engine.js';
export { Engine, EvaluateOptionsSchema } from './engine/engine.js';
export type { CommuneIssue, RulesetIssue } from './errors.js';
export {
  CommuneValidationError,
  EditionNotFoundError,
  EvaluationError,
  NtmError,
  OptionsError,
  RuleEvaluationError,
  RulesetError,
} from './errors.js';
export { LogicBudget } from './logic/budget.js';
export type {
  CompiledExpression,
  CompileOptions,
  LogicLimits,
  OperatorDefinition,
  Reason,
} from './logic/compile.js';
export { DEFAULT_LIMITS, LogicEngine, REFUSED_OPERATORS, STANDARD_OPERATORS } from './logic/compile.js';
export type { CostMeasure } from './logic/errors.js';
export { LogicBudgetError, LogicCostError, LogicError } from './logic/errors.js';
export { CompactEvaluationError, compactEvaluation } from './result/compact.js';
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
} from './result/types.js';
export type {
  CommuneProgress,
  CriterionChange,
  Direction,
  IndicatorChange,
  ProgressReport,
} from './review/compare.js';
export { compare } from './review/compare.js';
export type {
  CommuneDossier,
  CriterionDossier,
  DossierCounts,
  DossierEntry,
  DossierProblem,
  DossierReport,
  DossierRow,
} from './review/dossier.js';
export { reviewDossiers } from './review/dossier.js';
export type { DossierStatus, DossierStatusParse, DossierStatusProblem } from './review/dossier-status.js';
export { DOSSIER_STATUS_WORDS, DOSSIER_STATUSES, parseDossierStatus } from './review/dossier-status.js';
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
} from './review/forecast.js';
export { compareOutlooks, forecast, OUTLOOKS, TIER_OUTLOOKS } from './review/forecast.js';
export { COMPARATOR_SYMBOLS, type GapItem, gapItems, roundGap, tiers } from './review/gaps.js';
export type { CommuneRow, CriterionColumn, DistrictSummary } from './review/summarize.js';
export { summarize } from './review/summarize.js';
export { BUNDLED_RULESETS } from './rules.js';
export type {
  Citation,
  CommuneGroup,
  Confidence,
  LegalDocument,
  LocalizedText,
  Rationale,
  Region,
} from './schema/common.js';
export {
  COMMUNE_GROUP_NAMES,
  COMMUNE_GROUPS,
  CONFIDENCE_LEVELS,
  CONFIDENCE_NAMES,
  REGION_NAMES,
  REGIONS,
} from './schema/common.js';
export type { Commune, MeasureValue } from './schema/commune.js';
export { CommuneSchema } from './schema/commune.js';
export type { CompactEvaluation, CompactTier } from './schema/compact.js';
export { CompactEvaluationSchema, compactEvaluationJsonSchema } from './schema/compact.js';
export type {
  Amendment,
  Comparator,
  Edition,
  Indicator,
  Measure,
  Overlay,
  RulesetFile,
  Target,
} from './schema/edition.js';
export {
  AmendmentSchema,
  EditionSchema,
  OverlaySchema,
  RulesetFileSchema,
} from './schema/edition.js';
export type { ResolvedTarget } from './schema/provenance.js';

let defaultEngine: Engine | null = null;
const customEngines = new WeakMap<readonly unknown[], Engine>();

/**
 * The engine over the bundled rulesets (built on first use), or one that adds `rulesets` to them. A ruleset
 * whose id is the id of a bundled one replaces it (a corrected table): `engine.replaced` lists those ids.
 */
export function getEngine(rulesets?: readonly RulesetInput[]): Engine {
  if (rulesets && rulesets.length > 0) {
    let engine = customEngines.get(rulesets);
    if (!engine) {
      engine = new Engine(rulesets, { base: BUNDLED_RULESETS });
      customEngines.set(rulesets, engine);
    }
    return engine;
  }
  defaultEngine ??= new Engine(BUNDLED_RULESETS);
  return defaultEngine;
}

/**
 * Evaluates one commune against the tier `options.level` in force on `options.asOf`.
 * Throws `CommuneValidationError` when the data does not fit the edition's measures.
 */
export function evaluate(commune: unknown, options: EvaluateOptions): Evaluation {
  return getEngine(options?.rulesets).evaluate(commune, options);
}

/** Evaluates a batch; invalid communes become errors and never stop the rest. */
export function evaluateMany(communes: readonly unknown[], options: EvaluateOptions): BatchResult {
  return getEngine(options?.rulesets).evaluateMany(communes, options);
}

/** Every edition and overlay known (bundled plus `rulesets`). */
export function listRulesets(options: { rulesets?: readonly RulesetInput[] } = {}): RulesetSummary[] {
  return catalogList(getEngine(options.rulesets));
}

/** The edition of `level` in force on `asOf` with its measures, criteria, indicators and target tables. */
export function getRuleset(
  level: string,
  options: { asOf?: string; province?: string; rulesets?: readonly RulesetInput[] } = {},
): RulesetDetail {
  return catalogGet(getEngine(options.rulesets), level, options);
}

/** What changed between two editions (or an edition and an overlay), given by id or as details. */
export function diffRulesets(
  a: string | RulesetDetail,
  b: string | RulesetDetail,
  options: { rulesets?: readonly RulesetInput[] } = {},
): RulesetDiff {
  const engine = getEngine(options.rulesets);
  const detail = (x: string | RulesetDetail) => (typeof x === 'string' ? getRulesetById(engine, x) : x);
  return diffDetails(detail(a), detail(b));
}

/**
 * The full evaluation a compact one stands for (`compactEvaluation`, `ntm evaluate --format json`), rebuilt
 * from the rules it was evaluated with: nothing is evaluated again. Give the same extra `rulesets` as for the
 * evaluation. Throws `CompactEvaluationError` when the data is not a compact evaluation (`code`
 * 'invalid-compact-evaluation') or was evaluated with other rules ('ruleset-mismatch'), and
 * `EditionNotFoundError` when no edition of its level is in force on its date.
 */
export function expandEvaluation(
  compact: unknown,
  options: { rulesets?: readonly RulesetInput[] } = {},
): Evaluation {
  const parsed = CompactEvaluationSchema.safeParse(compact);
  if (!parsed.success) {
    const lines = parsed.error.issues
      .slice(0, 5)
      .map((issue) => `${issue.path.join('.') || '(root)'}: ${issue.message}`);
    throw new CompactEvaluationError('invalid-compact-evaluation', {
      vi: `không phải kết quả đánh giá rút gọn: ${lines.join('; ')}`,
      en: `not a compact evaluation: ${lines.join('; ')}`,
    });
  }
  const data: CompactEvaluation = parsed.data;
  const chain = getEngine(options.rulesets).chain(
    data.level,
    data.asOf,
    data.commune.province,
    data.recognition !== undefined,
  );
  // Each tier's targets for this commune, looked up as the evaluation did (see placementOf).
  const tiers = new Map<ResultLayout, NonNullable<typeof chain.recognition>>();
  for (let tier: typeof chain.main | null = chain.main; tier; tier = tier.requires)
    tiers.set(tier.layout, tier);
  if (chain.recognition) tiers.set(chain.recognition.layout, chain.recognition);
  const placement = {
    ...placementOf(data),
    group: data.group,
    year: Number(data.asOf.slice(0, 4)),
  };
  const rules: EvaluationRules = {
    tiers: [...tiers.keys()].filter((layout) => layout !== chain.recognition?.layout),
    recognition: chain.recognition?.layout ?? null,
    targetOf: (layout, index, values) => {
      const tier = tiers.get(layout);
      const indicator = tier?.edition.indicators[index];
      return tier && indicator?.national ? tier.resolveTarget(indicator, placement, values) : null;
    },
  };
  return rebuildEvaluation(data, rules);
}

const expressionEngine = new LogicEngine();

/**
 * Validates and compiles one JSON-logic expression under the engine's allow-list and limits (including the
 * static bound of its cost, `DEFAULT_LIMITS.maxSteps`). Throws `LogicError` naming the path inside the
 * expression and the reason. Each call of the result is bounded by a step budget (`LogicBudget`).
 */
export function compileExpression(expression: unknown): CompiledExpression {
  return expressionEngine.compile(expression);
}
