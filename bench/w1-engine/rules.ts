// The rules every W1 variant uses, read once from @nongthonmoi/core so that all variants (core, json-logic-js,
// json-rules-engine, hand-written) apply the same thresholds. Targets, comparators, measures and citations
// come from the public `getRuleset()`; `applicableIf` and composite (`logic`) tests are not in that detail,
// so they are read from the edition in force (`engine.resolve`, amendments already applied).
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import {
  type Citation,
  type Comparator,
  type Confidence,
  getEngine,
  getRuleset,
  type IndicatorDetail,
  type LocalizedText,
  type Measure,
  type Rationale,
  REGIONS,
  type Region,
  type RulesetDetail,
  type RulesetInfo,
  type RulesetInput,
} from '@nongthonmoi/core';

/**
 * The rules of the W1 workload, frozen: the NTM and nâng cao 2021–2025 editions as they were when the
 * benchmark targets were set (bench/w1-engine/frozen-rules/, in the current rule format). They replace the
 * bundled editions of the same ids, so that ratios stay comparable from one session to the next while the
 * bundled content is re-graded and completed (lower bounds, placeholders).
 */
export const W1_RULESETS: RulesetInput[] = ['xa-ntm-2021-2025.json', 'xa-nang-cao-2021-2025.json'].map(
  (name) => {
    const file = fileURLToPath(new URL(`./frozen-rules/${name}`, import.meta.url));
    return { file, ruleset: JSON.parse(readFileSync(file, 'utf8')) as unknown };
  },
);

/** Indicator statuses as small integers, in core's order. */
export const MET = 0;
export const NOT_MET = 1;
export const MISSING = 2;
export const NOT_APPLICABLE = 3;
export const NOT_EVALUABLE = 4;
export const STATUS_NAMES = ['met', 'not-met', 'missing', 'not-applicable', 'not-evaluable'] as const;
export type StatusName = (typeof STATUS_NAMES)[number];
export const STATUS_CODE: Readonly<Record<StatusName, number>> = {
  met: MET,
  'not-met': NOT_MET,
  missing: MISSING,
  'not-applicable': NOT_APPLICABLE,
  'not-evaluable': NOT_EVALUABLE,
};

/** The target of one indicator for one region in the assessed year, with what core reports with it. */
export interface RegionTarget {
  value: number | boolean | null;
  confidence: Confidence;
  bound: boolean;
  rationale: Rationale | null;
  source: string | null;
  quote: string | null;
  origin: 'national' | 'province';
  /** Why the target is null (core's wording), else null. */
  reason: { vi: string; en: string } | null;
}

export interface BenchIndicator {
  /** `${level}:${id}`, unique across the tiers. */
  key: string;
  level: string;
  id: string;
  criterion: string;
  /** Index of the criterion in its tier. */
  criterionIndex: number;
  name: LocalizedText;
  measure: string | null;
  comparator: Comparator | null;
  requirement: LocalizedText | null;
  unit: LocalizedText | null;
  citation: Citation;
  confidence: Confidence;
  rationale: Rationale | null;
  source: string | null;
  quote: string | null;
  origin: 'national' | 'province';
  originRuleset: string;
  /** JSON-logic condition of applicability, or null. */
  applicableIf: unknown;
  applicableVars: string[];
  /** JSON-logic composite test (no single target), or null. */
  logic: unknown;
  logicVars: string[];
  /** One target per region (null for a composite test). */
  targets: Record<Region, RegionTarget> | null;
}

export interface BenchCriterion {
  id: string;
  name: LocalizedText;
  group: { id: string; name: LocalizedText };
  /** Indices into the tier's `indicators`. */
  indicators: number[];
}

export interface BenchTier {
  level: string;
  rulesetId: string;
  ruleset: RulesetInfo;
  /** Position of this tier's first indicator in `BenchRules.all`. */
  offset: number;
  /** This tier's category rules (each tier words its own reason). */
  regionRules: RulesetDetail['regionRules'];
  criteria: BenchCriterion[];
  indicators: BenchIndicator[];
}

export interface BenchRules {
  asOf: string;
  year: number;
  /** Prerequisite tiers first, the assessed tier last (the order core evaluates them in). */
  tiers: BenchTier[];
  /** Every measure of every tier. */
  measures: Record<string, Measure>;
  regionRules: RulesetDetail['regionRules'];
  /** Every indicator of every tier, in tier order. */
  all: BenchIndicator[];
}

/** The `var` names an expression reads (JSON-logic `{"var": "x"}` or `{"var": ["x", default]}`). */
export function varsOf(expression: unknown): string[] {
  const vars = new Set<string>();
  const visit = (node: unknown): void => {
    if (Array.isArray(node)) node.forEach(visit);
    else if (node && typeof node === 'object') {
      for (const [key, value] of Object.entries(node)) {
        if (key === 'var') {
          const name = Array.isArray(value) ? value[0] : value;
          if (typeof name === 'string' && name !== '') vars.add(name);
        } else visit(value);
      }
    }
  };
  visit(expression);
  return [...vars];
}

interface RawIndicator {
  id: string;
  test: { measure?: string; logic?: unknown };
  applicableIf?: unknown;
}

function rawIndicators(level: string, asOf: string): Map<string, RawIndicator> {
  const edition = getEngine(W1_RULESETS).resolve(level, asOf, null);
  const map = new Map<string, RawIndicator>();
  for (const indicator of edition.indicators) {
    map.set(indicator.id, {
      id: indicator.id,
      test: indicator.measure ? { measure: indicator.measure } : { logic: indicator.logic },
      ...(indicator.applicableIf !== undefined ? { applicableIf: indicator.applicableIf } : {}),
    });
  }
  return map;
}

function regionTargets(detail: IndicatorDetail, year: number): Record<Region, RegionTarget> {
  const out = {} as Record<Region, RegionTarget>;
  for (const region of REGIONS) {
    const rows = detail.targets.filter((row) => row.region === region);
    const row = rows.find((candidate) => candidate.year === year) ?? rows.find((c) => c.year === null);
    if (!row) throw new Error(`bench: indicator ${detail.id} has no target row for ${region} in ${year}`);
    if (row.dependsOn)
      throw new Error(`bench: indicator ${detail.id} has a per-commune target; W1 does not model those`);
    if (row.bound)
      throw new Error(`bench: indicator ${detail.id} has a bound target; W1 does not model those`);
    out[region] = {
      value: row.value,
      confidence: row.confidence,
      bound: row.bound,
      rationale: row.rationale,
      source: row.source,
      quote: row.quote,
      origin: row.origin,
      reason: row.reason,
    };
  }
  return out;
}

function tierOf(detail: RulesetDetail, year: number): BenchTier {
  const level = detail.ruleset.level;
  const raw = rawIndicators(level, detail.asOf);
  const criterionIndex = new Map(detail.criteria.map((criterion, index) => [criterion.id, index]));
  const indicators: BenchIndicator[] = detail.indicators.map((indicator) => {
    const source = raw.get(indicator.id);
    if (!source) throw new Error(`bench: indicator ${indicator.id} not found in the ${level} edition`);
    if (indicator.origin !== 'national') throw new Error('bench: W1 uses national editions only');
    const applicableIf = source.applicableIf ?? null;
    if (indicator.applicableIf !== (applicableIf !== null))
      throw new Error(`bench: applicability of ${indicator.id} disagrees between detail and edition`);
    const logic = source.test.logic ?? null;
    return {
      key: `${level}:${indicator.id}`,
      level,
      id: indicator.id,
      criterion: indicator.criterion,
      criterionIndex: criterionIndex.get(indicator.criterion) as number,
      name: indicator.name,
      measure: indicator.measure,
      comparator: indicator.comparator,
      requirement: indicator.requirement,
      unit: indicator.unit,
      citation: indicator.citation,
      confidence: indicator.confidence,
      rationale: indicator.rationale,
      source: indicator.source,
      quote: indicator.quote,
      origin: indicator.origin,
      originRuleset: detail.ruleset.id,
      applicableIf,
      applicableVars: applicableIf === null ? [] : varsOf(applicableIf),
      logic,
      logicVars: logic === null ? [] : varsOf(logic),
      targets: indicator.measure ? regionTargets(indicator, year) : null,
    };
  });
  const position = new Map(indicators.map((indicator, index) => [indicator.id, index]));
  return {
    level,
    rulesetId: detail.ruleset.id,
    ruleset: detail.ruleset,
    offset: 0,
    regionRules: detail.regionRules,
    criteria: detail.criteria.map((criterion) => ({
      id: criterion.id,
      name: criterion.name,
      group: criterion.group,
      indicators: criterion.indicators.map((id) => position.get(id) as number),
    })),
    indicators,
  };
}

/** The assessed tier on `asOf` and every tier it requires, with targets for the year of `asOf`. */
export function loadRules(level: string, asOf: string): BenchRules {
  const year = Number(asOf.slice(0, 4));
  const details: RulesetDetail[] = [];
  let next: string | null = level;
  while (next) {
    const detail = getRuleset(next, { asOf, rulesets: W1_RULESETS });
    details.unshift(detail);
    next = detail.requires;
  }
  const tiers = details.map((detail) => tierOf(detail, year));
  let offset = 0;
  for (const tier of tiers) {
    tier.offset = offset;
    offset += tier.indicators.length;
  }
  // The competitors pick one region per commune for all tiers; core picks it per tier. Same result only if
  // the tiers move the same categories to the same regions, which is checked here rather than assumed.
  const mapping = (rules: RulesetDetail['regionRules']) =>
    JSON.stringify(rules.map((rule) => [rule.categories, rule.region]));
  for (const detail of details)
    if (mapping(detail.regionRules) !== mapping((details[0] as RulesetDetail).regionRules))
      throw new Error('bench: the tiers move communes to different regions; W1 does not model that');
  const measures: Record<string, Measure> = {};
  for (const detail of details) Object.assign(measures, detail.measures);
  for (const tier of tiers) {
    for (const indicator of tier.indicators) {
      const measure = indicator.measure ? measures[indicator.measure] : undefined;
      if (measure?.type === 'enum')
        throw new Error(`bench: ${indicator.key} tests an enum measure; W1 does not model those`);
    }
  }
  return {
    asOf,
    year,
    tiers,
    measures,
    regionRules: (details[details.length - 1] as RulesetDetail).regionRules,
    all: tiers.flatMap((tier) => tier.indicators),
  };
}

/** The region whose targets apply to a commune (the edition's category rules, e.g. 318 Art. 1). */
export function appliedRegion(rules: BenchRules, region: Region, categories: readonly string[] | undefined) {
  if (!categories || categories.length === 0) return region;
  for (const rule of rules.regionRules) {
    if (rule.categories.some((category) => categories.includes(category))) return rule.region;
  }
  return region;
}
