import type { CompiledIndicator, Plan, RulesetInfo } from '../editions/compile.js';
import type { RegisteredEdition, RegisteredOverlay } from '../editions/registry.js';
import { targetYears } from '../editions/targets.js';
import { EditionNotFoundError } from '../errors.js';
import {
  type Citation,
  type LegalDocument,
  type LocalizedText,
  REGIONS,
  type Region,
} from '../schema/common.js';
import type { Comparator, Edition, Measure } from '../schema/edition.js';
import { today } from '../util/dates.js';
import type { Engine } from './engine.js';

/** One line of `listRulesets()`. */
export interface RulesetSummary {
  id: string;
  kind: 'edition' | 'overlay';
  family: string;
  level: string;
  edition: string;
  name: LocalizedText;
  effective: { from: string; to: string | null };
  jurisdiction: 'national' | { province: string };
  basis: LegalDocument[];
  /** For an amendment: the edition it was built from. */
  amends: string | null;
  /** For an overlay: the national edition(s) it tightens. */
  extends: string[];
  requires: string | null;
  hash: string;
  coverage: { complete: boolean; note: LocalizedText } | null;
  /** The national framework the edition belongs to, with all its levels (encoded or not). */
  framework: Edition['framework'] | null;
  notes: LocalizedText | null;
}

/** A target cell as a table row: one per region, and per year where the table varies by year. */
export interface TargetRow {
  region: Region;
  /** Null when the target does not vary by year. */
  year: number | null;
  value: number | boolean | null;
  /** The comparator that applies with this value. */
  comparator: Comparator | null;
  verified: boolean;
  basis: string;
  source: string | null;
  origin: 'national' | 'province';
  /** Set when the target is computed from the commune's own data. */
  dependsOn: string[] | null;
  reason: LocalizedText | null;
}

export interface IndicatorDetail {
  id: string;
  criterion: string;
  name: LocalizedText;
  measure: string | null;
  /** The indicator's comparator (a province row may be stricter: see each target row). */
  comparator: Comparator | null;
  requirement: LocalizedText | null;
  unit: LocalizedText | null;
  applicableIf: boolean;
  citation: Citation;
  verified: boolean;
  basis: string;
  source: string | null;
  origin: 'national' | 'province';
  targets: TargetRow[];
  notes: LocalizedText | null;
}

export interface RulesetDetail {
  ruleset: RulesetInfo;
  framework: Edition['framework'] | null;
  notes: LocalizedText | null;
  requires: string | null;
  /** The date used to resolve the required tiers and year tables. */
  asOf: string;
  measures: Record<string, Measure>;
  categories: Record<string, LocalizedText>;
  regionRules: Array<{ categories: string[]; region: Region; reason: LocalizedText; citation: Citation }>;
  criteria: Array<{
    id: string;
    name: LocalizedText;
    group: { id: string; name: LocalizedText };
    indicators: string[];
  }>;
  indicators: IndicatorDetail[];
}

export function listRulesets(engine: Engine): RulesetSummary[] {
  const summaries: RulesetSummary[] = [];
  for (const entry of engine.registry.editions()) {
    const data = entry.data;
    summaries.push({
      id: data.id,
      kind: 'edition',
      family: data.family,
      level: data.level,
      edition: data.edition,
      name: data.name,
      effective: { from: data.effective.from, to: data.effective.to ?? null },
      jurisdiction: data.jurisdiction,
      basis: data.basis,
      amends: entry.amends,
      extends: [],
      requires: data.requires?.level ?? null,
      hash: entry.hash,
      coverage: data.coverage ?? null,
      framework: data.framework ?? null,
      notes: data.notes ?? null,
    });
  }
  for (const entry of engine.registry.overlays()) {
    const data = entry.data;
    summaries.push({
      id: data.id,
      kind: 'overlay',
      family: data.family,
      level: data.level,
      edition: data.edition,
      name: data.name,
      effective: { from: data.effective.from, to: data.effective.to ?? null },
      jurisdiction: data.jurisdiction,
      basis: data.basis,
      amends: null,
      extends: [...entry.extends],
      requires: null,
      hash: entry.hash,
      coverage: null,
      framework: null,
      notes: data.notes ?? null,
    });
  }
  return summaries.sort(
    (a, b) =>
      a.level.localeCompare(b.level) ||
      a.effective.from.localeCompare(b.effective.from) ||
      a.id.localeCompare(b.id),
  );
}

function targetRows(plan: Plan, indicator: CompiledIndicator, asOfYear: number): TargetRow[] {
  if (!indicator.national) return [];
  const sources = [indicator.national, ...(indicator.province ? [indicator.province] : [])];
  const dependsOn = [...new Set(sources.flatMap((source) => source.derivedVars))];
  let years = [...new Set(sources.flatMap((source) => targetYears(source.target)))].sort();
  // Derived targets take their years from the tier they refer to.
  for (const source of sources) {
    for (const ref of source.refs) {
      const required = plan.requires?.find(ref.level);
      const other = required?.edition.indicators.find((candidate) => candidate.id === ref.indicator);
      if (other?.national) years = [...new Set([...years, ...targetYears(other.national.target)])].sort();
    }
  }
  const rows: TargetRow[] = [];
  for (const region of REGIONS) {
    for (const year of years.length > 0 ? years : [null]) {
      if (dependsOn.length > 0) {
        rows.push({
          region,
          year,
          value: null,
          comparator: indicator.comparator,
          verified: indicator.national.provenance.verified,
          basis: indicator.national.provenance.basis,
          source: indicator.national.provenance.source ?? null,
          origin: indicator.province ? 'province' : indicator.origin,
          dependsOn,
          reason: { vi: `tính từ ${dependsOn.join(', ')}`, en: `computed from ${dependsOn.join(', ')}` },
        });
        continue;
      }
      const cell = plan.resolveTarget(
        indicator,
        { declared: region, categories: [] },
        year ?? asOfYear,
        null,
      );
      rows.push({
        region,
        year,
        value: cell.value,
        comparator: cell.comparator ?? indicator.comparator,
        verified: cell.verified,
        basis: cell.basis,
        source: cell.source,
        origin: cell.origin,
        dependsOn: null,
        reason: cell.reason,
      });
    }
  }
  return rows;
}

export function describePlan(plan: Plan, asOf: string): RulesetDetail {
  const edition = plan.edition;
  const year = Number(asOf.slice(0, 4));
  return {
    ruleset: edition.info,
    framework: edition.edition.framework ?? null,
    notes: edition.edition.notes ?? null,
    requires: edition.requires,
    asOf,
    measures: Object.fromEntries(edition.measures),
    categories: { ...(edition.edition.categories ?? {}) },
    regionRules: edition.regionRules.map((rule) => ({ ...rule })),
    criteria: edition.criteria.map((criterion) => ({
      id: criterion.id,
      name: criterion.name,
      group: criterion.group,
      indicators: criterion.indicators.map((i) => (edition.indicators[i] as CompiledIndicator).id),
    })),
    indicators: edition.indicators.map((indicator) => {
      const provenance =
        indicator.province?.provenance ?? indicator.national?.provenance ?? indicator.provenance;
      return {
        id: indicator.id,
        criterion: (edition.criteria[indicator.criterionIndex] as { id: string }).id,
        name: indicator.name,
        measure: indicator.measure,
        comparator: indicator.comparator,
        requirement: indicator.requirement,
        unit: indicator.unit,
        applicableIf: indicator.applicable !== null,
        citation: provenance.citation,
        verified: provenance.verified,
        basis: provenance.basis,
        source: provenance.source ?? null,
        origin: indicator.province ? 'province' : indicator.origin,
        targets: targetRows(plan, indicator, year),
        notes: indicator.notes,
      };
    }),
  };
}

/** The edition of `level` in force on `asOf` (today by default), with a province's overlays applied. */
export function getRuleset(
  engine: Engine,
  level: string,
  options: { asOf?: string; province?: string } = {},
): RulesetDetail {
  const asOf = options.asOf ?? today();
  return describePlan(engine.plan(level, asOf, options.province ?? null), asOf);
}

/** The detail of one registered edition or overlay by id, resolved on its first day in force. */
export function getRulesetById(engine: Engine, id: string): RulesetDetail {
  const entry = engine.registry.get(id);
  if (!entry) {
    const known = listRulesets(engine).map((summary) => summary.id);
    throw new EditionNotFoundError(`unknown ruleset '${id}'. Known: ${known.join(', ')}`);
  }
  const asOf = entry.data.effective.from;
  if (entry.kind === 'edition')
    return describePlan(engine.planFor(entry as RegisteredEdition, [], asOf, null), asOf);
  const overlay = entry as RegisteredOverlay;
  const base = engine.registry.get(overlay.extends[0] as string) as RegisteredEdition;
  // ISO dates: the later of the two (text comparison).
  const from = [base.data.effective.from, asOf].sort()[1] as string;
  return describePlan(engine.planFor(base, [overlay], from, overlay.data.jurisdiction.province), from);
}
