/**
 * An edition with its province overlays applied, as plain data: every indicator with the national target
 * table and, where a province set one, the province's; the region rules; the measures. No compiled code and
 * no engine structures: the engine lowers this into its execution plan (engine/lower.ts).
 */
import type { LocalizedText, Region } from '../schema/common.js';
import type {
  Comparator,
  Criterion,
  Edition,
  Indicator,
  Measure,
  Overlay,
  RegionRule,
  Target,
} from '../schema/edition.js';
import type { RegionBasis, RulesetInfo } from '../schema/provenance.js';
import { canonicalJson } from '../util/canonical-json.js';
import { sha256Hex } from '../util/sha256.js';
import type { RegisteredEdition, RegisteredOverlay } from './registry.js';
import { isGroupTable, isRegionTable, type TargetProvenance } from './targets.js';

/** A target table with the provenance its cells inherit. */
export interface TargetSpec {
  target: Target;
  provenance: TargetProvenance;
}

export interface ResolvedIndicator {
  index: number;
  id: string;
  name: LocalizedText;
  criterionIndex: number;
  /** The measure compared with the target, or null for a composite (logic) test. */
  measure: string | null;
  comparator: Comparator | null;
  /** A composite test's expression (JSON-logic), or null. */
  logic: unknown;
  requirement: LocalizedText | null;
  applicableIf: unknown;
  /** The national target table (null for a composite test). */
  national: TargetSpec | null;
  /** A province's stricter table for the same test, if any. */
  province: TargetSpec | null;
  /** The indicator's own provenance (what a composite test reports). */
  provenance: TargetProvenance;
  placeholder: boolean;
  notes: LocalizedText | null;
  origin: 'national' | 'province';
}

export interface ResolvedCriterion {
  index: number;
  id: string;
  name: LocalizedText;
  group: { id: string; name: LocalizedText };
  /** Indices into `indicators`. */
  indicators: number[];
}

export interface ResolvedEdition {
  info: RulesetInfo;
  /** The national edition as registered (amendments applied). */
  edition: Edition;
  overlays: readonly Overlay[];
  requires: string | null;
  regionRules: readonly RegionRule[];
  measures: ReadonlyMap<string, Measure>;
  criteria: ResolvedCriterion[];
  indicators: ResolvedIndicator[];
  /** What a commune must say for its targets to be found: its region, its commune group. */
  dimensions: { region: boolean; group: boolean };
}

function provenanceOf(
  indicator: Indicator,
  origin: 'national' | 'province',
  ruleset: string,
): TargetProvenance {
  return {
    confidence: indicator.confidence,
    source: indicator.source,
    quote: indicator.quote,
    rationale: indicator.rationale,
    citation: indicator.citation,
    origin,
    ruleset,
  };
}

/** Applies province overlays to a national edition (tightening only; the registry checked that). */
export function resolveEdition(
  entry: RegisteredEdition,
  overlays: readonly RegisteredOverlay[],
): ResolvedEdition {
  const edition = entry.data;
  const measures = new Map<string, Measure>(Object.entries(edition.measures));
  for (const overlay of overlays) {
    for (const [key, measure] of Object.entries(overlay.data.measures)) measures.set(key, measure);
  }
  const groups = new Map(edition.groups.map((group) => [group.id, group]));
  for (const overlay of overlays) for (const group of overlay.data.groups ?? []) groups.set(group.id, group);

  const criteria: ResolvedCriterion[] = [];
  const indicators: ResolvedIndicator[] = [];
  const byCriterion = new Map<string, ResolvedCriterion>();
  const addCriterion = (criterion: Criterion): ResolvedCriterion => {
    const resolved: ResolvedCriterion = {
      index: criteria.length,
      id: criterion.id,
      name: criterion.name,
      group: groups.get(criterion.group) ?? {
        id: criterion.group,
        name: { vi: criterion.group, en: criterion.group },
      },
      indicators: [],
    };
    criteria.push(resolved);
    byCriterion.set(criterion.id, resolved);
    return resolved;
  };
  const addIndicator = (
    criterion: ResolvedCriterion,
    indicator: Indicator,
    origin: 'national' | 'province',
    ruleset: string,
  ): void => {
    const provenance = provenanceOf(indicator, origin, ruleset);
    const test = indicator.test;
    const compare = 'measure' in test;
    criterion.indicators.push(indicators.length);
    indicators.push({
      index: indicators.length,
      id: indicator.id,
      name: indicator.name,
      criterionIndex: criterion.index,
      measure: compare ? test.measure : null,
      comparator: compare ? test.op : null,
      logic: compare ? null : test.logic,
      requirement: compare ? null : (test.description ?? null),
      applicableIf: indicator.applicableIf,
      national: compare ? { target: test.target, provenance } : null,
      province: null,
      provenance,
      placeholder: indicator.placeholder === true,
      notes: indicator.notes ?? null,
      origin,
    });
  };
  for (const criterion of edition.criteria) {
    const resolved = addCriterion(criterion);
    for (const indicator of criterion.indicators) addIndicator(resolved, indicator, 'national', edition.id);
  }
  for (const overlay of overlays) {
    const data = overlay.data;
    for (const criterion of data.criteria ?? []) {
      const resolved = addCriterion(criterion);
      for (const indicator of criterion.indicators) addIndicator(resolved, indicator, 'province', data.id);
    }
    const added = new Map<string, Array<Indicator & { criterion: string }>>();
    for (const indicator of data.indicators ?? []) {
      const list = added.get(indicator.criterion) ?? [];
      list.push(indicator);
      added.set(indicator.criterion, list);
    }
    for (const [criterionId, list] of added) {
      const criterion = byCriterion.get(criterionId) as ResolvedCriterion;
      // Indicators supplied for a criterion encoded only as a placeholder replace the placeholder: its
      // target was unknown, so nothing is loosened.
      criterion.indicators = criterion.indicators.filter(
        (i) => !(indicators[i] as ResolvedIndicator).placeholder,
      );
      for (const { criterion: _criterion, ...indicator } of list) {
        addIndicator(criterion, indicator, 'province', data.id);
      }
    }
    const defaults = data.defaults ?? {};
    for (const override of data.targets ?? []) {
      const target = indicators.find((indicator) => indicator.id === override.indicator);
      if (!target) continue;
      target.province = {
        target: override.target as Target,
        provenance: {
          comparator: override.op ?? null,
          confidence: override.confidence ?? defaults.confidence ?? 'unknown',
          source: override.source ?? defaults.source,
          quote: override.quote ?? defaults.quote,
          rationale: override.rationale ?? defaults.rationale,
          citation: override.citation ?? defaults.citation ?? target.provenance.citation,
          origin: 'province',
          ruleset: data.id,
        },
      };
    }
  }
  // Drop placeholders left orphaned by a replacement (they are not in any criterion any more).
  const used = new Set(criteria.flatMap((criterion) => criterion.indicators));
  const kept = indicators.filter((indicator) => used.has(indicator.index));
  if (kept.length !== indicators.length) {
    const renumber = new Map(kept.map((indicator, i) => [indicator.index, i]));
    kept.forEach((indicator, i) => {
      indicator.index = i;
    });
    for (const criterion of criteria) {
      criterion.indicators = criterion.indicators.map((i) => renumber.get(i) as number);
    }
  }
  // An edition that declares commune groups is keyed by group even where a table does not (yet) vary by it:
  // its communes must say their group.
  const dimensions = { region: false, group: edition.communeGroups !== undefined };
  for (const indicator of kept) {
    for (const spec of [indicator.national, indicator.province]) {
      if (!spec) continue;
      if (isRegionTable(spec.target)) dimensions.region = true;
      if (isGroupTable(spec.target)) dimensions.group = true;
    }
  }
  const hash =
    overlays.length === 0
      ? entry.hash
      : sha256Hex(canonicalJson([entry.hash, ...overlays.map((overlay) => overlay.hash)]));
  return {
    info: {
      id: edition.id,
      family: edition.family,
      level: edition.level,
      edition: edition.edition,
      name: edition.name,
      effective: { from: edition.effective.from, to: edition.effective.to ?? null },
      jurisdiction: edition.jurisdiction,
      basis: edition.basis,
      hash,
      overlays: overlays.map((overlay) => ({
        id: overlay.data.id,
        province: overlay.data.jurisdiction.province,
        edition: overlay.data.edition,
        basis: overlay.data.basis,
        hash: overlay.hash,
      })),
      coverage: edition.coverage ?? null,
    },
    edition,
    overlays: overlays.map((overlay) => overlay.data),
    requires: edition.requires?.level ?? null,
    regionRules: edition.regionRules ?? [],
    measures,
    criteria,
    indicators: kept,
    dimensions,
  };
}

/**
 * The region whose targets a commune uses, after the edition's category rules (318/QĐ-TTg Art. 1,
 * 211/QĐ-TTg): the first rule naming one of the commune's categories wins. Null when no rule applies.
 */
export function applyRegionRules(
  regionRules: readonly RegionRule[],
  declared: Region,
  categories: readonly string[],
): RegionBasis | null {
  if (categories.length === 0) return null;
  for (const rule of regionRules) {
    const category = rule.categories.find((item) => categories.includes(item));
    if (category) {
      return { declared, applied: rule.region, category, reason: rule.reason, citation: rule.citation };
    }
  }
  return null;
}
