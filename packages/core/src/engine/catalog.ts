import type { RegisteredEdition, RegisteredOverlay } from '../editions/registry.js';
import type { ResolvedIndicator } from '../editions/resolve.js';
import { requiredTargetRefs } from '../editions/rule-logic.js';
import { isDerived, parseYearKey, targetYearKeys } from '../editions/targets.js';
import { EditionNotFoundError } from '../errors.js';
import {
  type Citation,
  COMMUNE_GROUPS,
  type CommuneGroup,
  type Confidence,
  type LegalDocument,
  type LocalizedText,
  type Rationale,
  REGIONS,
  type Region,
} from '../schema/common.js';
import type { Comparator, Edition, Measure, Overlay } from '../schema/edition.js';
import type { RulesetInfo } from '../schema/provenance.js';
import { today } from '../util/dates.js';
import type { Engine } from './engine.js';
import type { Tier } from './lower.js';

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

/** A target cell as a table row: one per region or commune group, and per year where the table varies by year. */
export interface TargetRow {
  /** The region of the row (null when the targets do not vary by region). */
  region: Region | null;
  /** The commune group of the row (null when the targets do not vary by group). */
  group: CommuneGroup | null;
  /** First year of the row's years (null when the target does not vary by year). */
  year: number | null;
  /** The years the row covers as written in the table: `2023`, `2022-2025` or `2026-` (null: every year). */
  years: string | null;
  value: number | boolean | null;
  /** The comparator that applies with this value. */
  comparator: Comparator | null;
  confidence: Confidence;
  /** The value is an assumed lower bound of the real target. */
  bound: boolean;
  verified: boolean;
  rationale: Rationale | null;
  source: string | null;
  quote: string | null;
  citation: Citation;
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
  /** Stands for indicators not yet known (a whole criterion as the commune assesses it). */
  placeholder: boolean;
  citation: Citation;
  confidence: Confidence;
  verified: boolean;
  rationale: Rationale | null;
  source: string | null;
  quote: string | null;
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
  /** What a commune must give for its targets to be found. */
  dimensions: { region: boolean; group: boolean };
  communeGroups: Edition['communeGroups'] | null;
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

/** The fields every ruleset file has, as a summary. */
function identity(data: Edition | Overlay, hash: string) {
  return {
    id: data.id,
    family: data.family,
    level: data.level,
    edition: data.edition,
    name: data.name,
    effective: { from: data.effective.from, to: data.effective.to ?? null },
    jurisdiction: data.jurisdiction,
    basis: data.basis,
    hash,
    notes: data.notes ?? null,
  };
}

export function listRulesets(engine: Engine): RulesetSummary[] {
  const summaries: RulesetSummary[] = [];
  for (const entry of engine.rulesets().editions) {
    const data = entry.data;
    summaries.push({
      ...identity(data, entry.hash),
      kind: 'edition',
      amends: entry.amends,
      extends: [],
      requires: data.requires?.level ?? null,
      coverage: data.coverage ?? null,
      framework: data.framework ?? null,
    });
  }
  for (const entry of engine.rulesets().overlays) {
    summaries.push({
      ...identity(entry.data, entry.hash),
      kind: 'overlay',
      amends: null,
      extends: [...entry.extends],
      requires: null,
      coverage: null,
      framework: null,
    });
  }
  return summaries.sort(
    (a, b) =>
      a.level.localeCompare(b.level) ||
      a.effective.from.localeCompare(b.effective.from) ||
      a.id.localeCompare(b.id),
  );
}

function targetRows(tier: Tier, indicator: ResolvedIndicator, asOfYear: number): TargetRow[] {
  if (!indicator.national) return [];
  const specs = [indicator.national, ...(indicator.province ? [indicator.province] : [])];
  const derived = tier.derived[indicator.index];
  const dependsOn = [
    ...new Set(
      [...(derived?.national?.reads ?? []), ...(derived?.province?.reads ?? [])].map(
        (slot) => tier.chain.keys[slot] as string,
      ),
    ),
  ];
  let keys = [...new Set(specs.flatMap((spec) => targetYearKeys(spec.target)))];
  // Derived targets take their years from the tier they refer to.
  for (const spec of specs) {
    if (!isDerived(spec.target)) continue;
    for (const ref of requiredTargetRefs(spec.target.logic)) {
      const other = tier.requires
        ?.find(ref.level)
        ?.edition.indicators.find((candidate) => candidate.id === ref.indicator);
      if (other?.national) keys = [...new Set([...keys, ...targetYearKeys(other.national.target)])];
    }
  }
  keys.sort();
  // A target computed from a required tier's varies as that tier's does: ask the whole chain.
  const chain = tier.chain;
  const places: Array<{ region: Region | null; group: CommuneGroup | null }> = chain.needsGroup
    ? COMMUNE_GROUPS.map((group) => ({ region: null, group }))
    : chain.needsRegion
      ? REGIONS.map((region) => ({ region, group: null }))
      : [{ region: null, group: null }];
  const rows: TargetRow[] = [];
  for (const place of places) {
    for (const key of keys.length > 0 ? keys : [null]) {
      const year = key === null ? null : parseYearKey(key).from;
      const base = {
        region: place.region,
        group: place.group,
        year,
        years: key,
        comparator: indicator.comparator,
        origin: indicator.province ? ('province' as const) : indicator.origin,
      };
      if (dependsOn.length > 0) {
        const provenance = indicator.national.provenance;
        rows.push({
          ...base,
          value: null,
          confidence: provenance.confidence,
          bound: false,
          verified: provenance.confidence === 'official',
          rationale: provenance.rationale ?? null,
          source: provenance.source ?? null,
          quote: provenance.quote ?? null,
          citation: provenance.citation,
          dependsOn,
          reason: {
            vi: `tính từ số liệu ${dependsOn.join(', ')}`,
            en: `computed from ${dependsOn.join(', ')}`,
          },
        });
        continue;
      }
      const cell = tier.resolveTarget(
        indicator,
        { declared: place.region, categories: [], group: place.group, year: year ?? asOfYear },
        null,
      );
      rows.push({
        ...base,
        value: cell.value,
        comparator: cell.comparator ?? indicator.comparator,
        confidence: cell.confidence,
        bound: cell.bound,
        verified: cell.confidence === 'official',
        rationale: cell.rationale,
        source: cell.source,
        quote: cell.quote,
        citation: cell.citation,
        origin: cell.origin,
        dependsOn: null,
        reason: cell.reason,
      });
    }
  }
  return rows;
}

/** The detail of a lowered tier: its indicators with their target tables. */
export function describeTier(tier: Tier, asOf: string): RulesetDetail {
  const edition = tier.edition;
  const year = Number(asOf.slice(0, 4));
  return {
    ruleset: edition.info,
    framework: edition.edition.framework ?? null,
    notes: edition.edition.notes ?? null,
    requires: edition.requires,
    asOf,
    dimensions: edition.dimensions,
    communeGroups: edition.edition.communeGroups ?? null,
    measures: Object.fromEntries(edition.measures),
    categories: { ...(edition.edition.categories ?? {}) },
    regionRules: edition.regionRules.map((rule) => ({ ...rule })),
    criteria: edition.criteria.map((criterion) => ({
      id: criterion.id,
      name: criterion.name,
      group: criterion.group,
      indicators: criterion.indicators.map((i) => (edition.indicators[i] as ResolvedIndicator).id),
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
        unit: indicator.measure ? (edition.measures.get(indicator.measure)?.unit ?? null) : null,
        applicableIf: indicator.applicableIf !== undefined,
        placeholder: indicator.placeholder,
        citation: provenance.citation,
        confidence: provenance.confidence,
        verified: provenance.confidence === 'official',
        rationale: provenance.rationale ?? null,
        source: provenance.source ?? null,
        quote: provenance.quote ?? null,
        origin: indicator.province ? 'province' : indicator.origin,
        targets: targetRows(tier, indicator, year),
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
  return describeTier(engine.chain(level, asOf, options.province ?? null).main, asOf);
}

/** The detail of one registered edition or overlay by id, resolved on its first day in force. */
export function getRulesetById(engine: Engine, id: string): RulesetDetail {
  const entry = engine.ruleset(id);
  if (!entry) {
    const known = listRulesets(engine).map((summary) => summary.id);
    throw new EditionNotFoundError({
      vi: `không có bộ tiêu chí nào mã '${id}'. Các mã: ${known.join(', ')}`,
      en: `unknown ruleset '${id}'. Known: ${known.join(', ')}`,
    });
  }
  if (entry.kind === 'edition') {
    const asOf = entry.data.effective.from;
    return describeTier(engine.chainOf(engine.resolveEntries(entry, []), asOf, null).main, asOf);
  }
  const overlay = entry as RegisteredOverlay;
  const base = engine.ruleset(overlay.extends[0] as string) as RegisteredEdition;
  // ISO dates: the later of the two (text comparison).
  const from = [base.data.effective.from, overlay.data.effective.from].sort()[1] as string;
  return describeTier(
    engine.chainOf(engine.resolveEntries(base, [overlay]), from, overlay.data.jurisdiction.province).main,
    from,
  );
}
