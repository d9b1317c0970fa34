// (d) What a developer would write by hand: a tight loop over a per-region threshold table (the same targets
// as core, read from getRuleset), with the few conditions of applicability and the composite test written as
// plain TypeScript. Two variants: pass/fail only (for the dashboard path), and building the same result objects
// as core (status, actual, target, gap, citation, provenance, reason) for the full path.
// No validation of the input: this is the practical upper bound, not a safe implementation.
import type {
  CriterionResult,
  Evaluation,
  EvaluationCounts,
  IndicatorResult,
  Region,
  RegionBasis,
} from '@nongthonmoi/core';
import { REGIONS } from '@nongthonmoi/core';
import type { BenchCommune } from './generate.js';
import {
  type BenchIndicator,
  type BenchRules,
  MET,
  MISSING,
  NOT_APPLICABLE,
  NOT_EVALUABLE,
  NOT_MET,
  STATUS_NAMES,
} from './rules.js';
import { type PassFailDashboard, Tally } from './tally.js';

type Values = Record<string, unknown>;

// Hand-written conditions of applicability and composite tests, by indicator key. Their thresholds are the
// edition's (5.b/5.c: more than 3 schools; 14.1: 318/QĐ-TTg tiêu chí 14.1); the agreement test in
// bench.test.ts fails if they drift from the rules.
const APPLIES: Record<string, (v: Values) => boolean> = {
  'ntm:5.b': (v) => (v.school_count as number) > 3,
  'ntm:5.c': (v) => (v.school_count as number) <= 3,
  'ntm:13.4': (v) => !!v.has_craft_village,
};
const COMPOSITE: Record<string, (v: Values) => boolean> = {
  'ntm:14.1': (v) =>
    (v.grade1_enrolment_age6_pct as number) >= 98 &&
    v.universal_preschool_age5_met === true &&
    (v.universal_primary_level as number) >= 2 &&
    (v.universal_lower_secondary_level as number) >= 2 &&
    (v.literacy_level as number) >= 2,
};

const RANK = { official: 3, secondary: 2, assumed: 1, unknown: 0 } as const;
const CONFIDENCE = ['unknown', 'assumed', 'secondary', 'official'] as const;
const GE = 0;
const GT = 1;
const LE = 2;
const LT = 3;
const EQ = 4;
const NE = 5;
const OPS: Record<string, number> = { '>=': GE, '>': GT, '<=': LE, '<': LT, '==': EQ, '!=': NE };

export interface HandTables {
  rules: BenchRules;
  indicators: BenchIndicator[];
  measure: string[];
  op: Int8Array;
  applies: Array<((v: Values) => boolean) | null>;
  applicableVars: string[][];
  composite: Array<((v: Values) => boolean) | null>;
  logicVars: string[][];
  /** Targets per region (null = unknown: not evaluable). */
  targets: Record<Region, Array<number | boolean | null>>;
  /** Confidence of the target, per region (its rank: 3 official … 0 unknown). */
  rank: Record<Region, Uint8Array>;
}

export function handTables(rules: BenchRules): HandTables {
  const indicators = rules.all;
  const tables: HandTables = {
    rules,
    indicators,
    measure: indicators.map((indicator) => indicator.measure ?? ''),
    op: Int8Array.from(indicators.map((indicator) => OPS[indicator.comparator ?? ''] ?? -1)),
    applies: indicators.map((indicator) => {
      if (indicator.applicableIf === null) return null;
      const fn = APPLIES[indicator.key];
      if (!fn) throw new Error(`hand-written: no applicability written for ${indicator.key}`);
      return fn;
    }),
    applicableVars: indicators.map((indicator) => indicator.applicableVars),
    composite: indicators.map((indicator) => {
      if (indicator.logic === null) return null;
      const fn = COMPOSITE[indicator.key];
      if (!fn) throw new Error(`hand-written: no composite test written for ${indicator.key}`);
      return fn;
    }),
    logicVars: indicators.map((indicator) => indicator.logicVars),
    targets: {} as HandTables['targets'],
    rank: {} as HandTables['rank'],
  };
  for (const region of REGIONS) {
    tables.targets[region] = indicators.map((indicator) => indicator.targets?.[region].value ?? null);
    tables.rank[region] = Uint8Array.from(
      indicators.map(
        (indicator) => RANK[indicator.targets ? indicator.targets[region].confidence : indicator.confidence],
      ),
    );
  }
  return tables;
}

function anyMissing(v: Values, keys: string[]): boolean {
  for (let k = 0; k < keys.length; k++) {
    const value = v[keys[k] as string];
    if (value === undefined || value === null) return true;
  }
  return false;
}

type RegionRule = BenchRules['regionRules'][number];

/** The edition's category rule that moves a commune to another region's targets, if any. */
function regionRuleOf(regionRules: readonly RegionRule[], commune: BenchCommune): RegionRule | null {
  const categories = commune.categories;
  if (!categories || categories.length === 0) return null;
  for (const rule of regionRules)
    for (const category of rule.categories) if (categories.includes(category)) return rule;
  return null;
}

function regionOf(rules: BenchRules, commune: BenchCommune): Region {
  return regionRuleOf(rules.regionRules, commune)?.region ?? commune.region;
}

/** Status of every indicator of every tier, into `out`. */
export function handStatuses(t: HandTables, commune: BenchCommune, region: Region, out: Uint8Array): void {
  const v = commune.values as Values;
  const targets = t.targets[region];
  const n = out.length;
  for (let i = 0; i < n; i++) {
    const applies = t.applies[i];
    if (applies) {
      if (anyMissing(v, t.applicableVars[i] as string[])) {
        out[i] = MISSING;
        continue;
      }
      if (!applies(v)) {
        out[i] = NOT_APPLICABLE;
        continue;
      }
    }
    const composite = t.composite[i];
    if (composite) {
      out[i] = anyMissing(v, t.logicVars[i] as string[]) ? MISSING : composite(v) ? MET : NOT_MET;
      continue;
    }
    const actual = v[t.measure[i] as string] as number | boolean | null | undefined;
    if (actual === undefined || actual === null) {
      out[i] = MISSING;
      continue;
    }
    const target = targets[i] as number | boolean | null;
    if (target === null) {
      out[i] = NOT_EVALUABLE;
      continue;
    }
    let ok: boolean;
    switch (t.op[i]) {
      case GE:
        ok = actual >= target;
        break;
      case GT:
        ok = actual > target;
        break;
      case LE:
        ok = actual <= target;
        break;
      case LT:
        ok = actual < target;
        break;
      case EQ:
        ok = actual === target;
        break;
      default:
        ok = actual !== target;
    }
    out[i] = ok ? MET : NOT_MET;
  }
}

/** Dashboard path: pass/fail per indicator, then the tally. */
export function handPassFail(t: HandTables, communes: readonly BenchCommune[]): PassFailDashboard {
  const tally = new Tally(t.rules);
  const n = t.indicators.length;
  for (const commune of communes) {
    const statuses = new Uint8Array(n);
    handStatuses(t, commune, regionOf(t.rules, commune), statuses);
    tally.add(commune.id, statuses);
  }
  return tally.finish();
}

const NOT_APPLICABLE_REASON = {
  vi: 'không áp dụng với xã này (điều kiện áp dụng của chỉ tiêu không thỏa mãn)',
  en: 'does not apply to this commune: its condition of applicability is not met',
};
const NO_TARGET = { vi: 'chưa có mức chỉ tiêu chính thức', en: 'no official target known' };
const TIER = ['met', 'not-met', 'incomplete'] as const;

function undecidedOf(missingData: number, unknownTargets: number): Evaluation['undecided'] {
  if (missingData === 0 && unknownTargets === 0) return null;
  return {
    cause:
      missingData > 0 && unknownTargets > 0 ? 'both' : missingData > 0 ? 'missing-data' : 'unknown-target',
    missingData,
    unknownTargets,
  };
}

function gapOf(op: number, actual: number, target: number): number {
  const raw = op === LE || op === LT ? target - actual : actual - target;
  return Math.round(raw * 1e9) / 1e9;
}

function missingReason(
  indicator: BenchIndicator,
  v: Values,
  measures: BenchRules['measures'],
): { vi: string; en: string } {
  const keys = [...indicator.applicableVars, ...indicator.logicVars];
  if (indicator.measure) keys.push(indicator.measure);
  const missing = [...new Set(keys)].filter((key) => v[key] === undefined || v[key] === null);
  return {
    vi: `thiếu số liệu: ${missing.map((key) => measures[key]?.label.vi ?? key).join('; ')}`,
    en: `no value for ${missing.join(', ')}`,
  };
}

/** Which parts of the composite test 14.1 failed, in core's words. */
function compositeReason(indicator: BenchIndicator, v: Values, measures: BenchRules['measures']) {
  if (indicator.key !== 'ntm:14.1') return null;
  const parts: Array<[string, string, number | boolean]> = [
    ['grade1_enrolment_age6_pct', '>=', 98],
    ['universal_preschool_age5_met', '==', true],
    ['universal_primary_level', '>=', 2],
    ['universal_lower_secondary_level', '>=', 2],
    ['literacy_level', '>=', 2],
  ];
  const show = (value: unknown, key: string, lang: 'vi' | 'en') => {
    if (typeof value === 'boolean')
      return value ? (lang === 'vi' ? 'Có' : 'Yes') : lang === 'vi' ? 'Không' : 'No';
    const text = lang === 'vi' ? String(value).replace('.', ',') : String(value);
    const unit = measures[key]?.unit?.[lang] ?? (measures[key]?.type === 'percent' ? '%' : '');
    return unit ? `${text} ${unit}` : text;
  };
  const failed = parts.filter(([key, op, target]) =>
    op === '>=' ? !((v[key] as number) >= (target as number)) : v[key] !== target,
  );
  const say = (lang: 'vi' | 'en') =>
    failed
      .map(([key, op, target]) => {
        const label = measures[key]?.label[lang] ?? key;
        const want = op === '>=' ? `≥ ${show(target, key, lang)}` : show(target, key, lang);
        return `${label}: ${show(v[key], key, lang)} / ${lang === 'vi' ? 'cần' : 'needs'} ${want}`;
      })
      .join('; ');
  return failed.length === 0 ? null : { vi: say('vi'), en: say('en') };
}

/** Full path: the same result objects as core (one `Evaluation` per commune, its prerequisite inside). */
export function handFull(t: HandTables, communes: readonly BenchCommune[]): Evaluation[] {
  const { rules } = t;
  const statuses = new Uint8Array(t.indicators.length);
  const out: Evaluation[] = new Array(communes.length);
  for (let c = 0; c < communes.length; c++) {
    const commune = communes[c] as BenchCommune;
    const v = commune.values as Values;
    const region = regionOf(rules, commune);
    handStatuses(t, commune, region, statuses);
    const rank = t.rank[region];
    let previous: Evaluation | null = null;
    let previousStatus: Evaluation['status'] = 'met';
    for (const tier of rules.tiers) {
      let regionBasis: RegionBasis | null = null;
      const rule = regionRuleOf(tier.regionRules, commune); // each tier words its own reason
      if (rule) {
        const category = rule.categories.find((item) => commune.categories?.includes(item)) as string;
        regionBasis = {
          declared: commune.region,
          applied: region,
          category,
          reason: rule.reason,
          citation: rule.citation,
        };
      }
      const counts: EvaluationCounts = {
        criteriaMet: 0,
        criteriaTotal: tier.criteria.length,
        indicatorsMet: 0,
        indicatorsTotal: 0,
        indicatorsNotMet: 0,
        indicatorsMissing: 0,
        indicatorsNotEvaluable: 0,
        indicatorsNotApplicable: 0,
        unverifiedTargets: 0,
        confidence: { official: 0, secondary: 0, assumed: 0, unknown: 0 },
      };
      let missingData: number = previous?.undecided?.missingData ?? 0;
      let unknownTargets: number = previous?.undecided?.unknownTargets ?? 0;
      let anyNotMet: boolean = previousStatus === 'not-met';
      let anyIncomplete: boolean = previousStatus === 'incomplete';
      const criteria: CriterionResult[] = new Array(tier.criteria.length);
      for (let k = 0; k < tier.criteria.length; k++) {
        const criterion = tier.criteria[k] as (typeof tier.criteria)[number];
        let notMet = false;
        let incomplete = false;
        let criterionMissing = 0;
        let criterionUnknown = 0;
        const results: IndicatorResult[] = new Array(criterion.indicators.length);
        for (let j = 0; j < criterion.indicators.length; j++) {
          const i = tier.offset + (criterion.indicators[j] as number);
          const indicator = t.indicators[i] as BenchIndicator;
          const status = statuses[i] as number;
          const cell = indicator.targets ? indicator.targets[region] : null;
          const target = cell ? cell.value : null;
          const raw = indicator.measure ? v[indicator.measure] : undefined;
          const actual = raw === undefined || raw === null ? null : (raw as number | boolean);
          let gap: number | null = null;
          let reason: { vi: string; en: string } | null = null;
          if (status === MET || status === NOT_MET) {
            const op = t.op[i] as number;
            if (typeof target === 'number' && typeof actual === 'number' && op !== NE && op !== -1)
              gap = gapOf(op, actual, target);
            if (status === NOT_MET && indicator.logic !== null)
              reason = compositeReason(indicator, v, rules.measures);
          } else if (status === MISSING) reason = missingReason(indicator, v, rules.measures);
          else if (status === NOT_APPLICABLE) reason = NOT_APPLICABLE_REASON;
          else reason = target === null ? (cell?.reason ?? NO_TARGET) : null;
          const confidence = cell ? cell.confidence : indicator.confidence;
          results[j] = {
            id: indicator.id,
            name: indicator.name,
            measure: indicator.measure,
            status: STATUS_NAMES[status] as IndicatorResult['status'],
            actual,
            target: target as number | boolean | null,
            requirement: indicator.requirement,
            comparator: indicator.comparator,
            unit: indicator.unit,
            gap,
            citation: indicator.citation,
            confidence,
            bound: false,
            verified: confidence === 'official',
            rationale: cell ? cell.rationale : indicator.rationale,
            source: cell ? cell.source : indicator.source,
            quote: cell ? cell.quote : indicator.quote,
            origin: cell ? cell.origin : indicator.origin,
            originRuleset: indicator.originRuleset,
            reason,
          };
          if (status === NOT_APPLICABLE) {
            counts.indicatorsNotApplicable++;
            continue;
          }
          counts.indicatorsTotal++;
          const level = CONFIDENCE[rank[i] as number] as keyof EvaluationCounts['confidence'];
          counts.confidence[level]++;
          if (level !== 'official') counts.unverifiedTargets++;
          if (status === MET) counts.indicatorsMet++;
          else if (status === NOT_MET) {
            counts.indicatorsNotMet++;
            notMet = true;
          } else {
            if (status === MISSING) {
              counts.indicatorsMissing++;
              criterionMissing++;
            } else {
              counts.indicatorsNotEvaluable++;
              criterionUnknown++;
            }
            incomplete = true;
          }
        }
        const status = notMet ? 1 : incomplete ? 2 : 0;
        if (status === 0) counts.criteriaMet++;
        else if (status === 1) anyNotMet = true;
        else anyIncomplete = true;
        missingData += criterionMissing;
        unknownTargets += criterionUnknown;
        criteria[k] = {
          id: criterion.id,
          name: criterion.name,
          group: criterion.group,
          status: TIER[status] as CriterionResult['status'],
          undecided: status === 2 ? undecidedOf(criterionMissing, criterionUnknown) : null,
          indicators: results,
        };
      }
      const tierStatus: Evaluation['status'] = anyNotMet ? 'not-met' : anyIncomplete ? 'incomplete' : 'met';
      previous = {
        commune: {
          id: commune.id,
          name: commune.name,
          province: null,
          provinceName: null,
          district: commune.district,
        },
        status: tierStatus,
        undecided: tierStatus === 'incomplete' ? undecidedOf(missingData, unknownTargets) : null,
        level: tier.level,
        asOf: rules.asOf,
        year: rules.year,
        region,
        regionBasis,
        group: null,
        minConfidence: 'assumed',
        requireVerified: false,
        ruleset: tier.ruleset,
        prerequisites: previous ? [previous] : [],
        counts,
        criteria,
      };
      previousStatus = previous.status;
    }
    out[c] = previous as Evaluation;
  }
  return out;
}
