import {
  type Citation,
  COMMUNE_GROUP_NAMES,
  type CommuneGroup,
  type Confidence,
  confidenceRank,
  type LocalizedText,
  type Rationale,
  REGION_NAMES,
  type Region,
} from '../schema/common.js';
import type { Comparator, Target } from '../schema/edition.js';
import type { ResolvedTarget } from '../schema/provenance.js';

export type { ResolvedTarget };

/** Provenance inherited by every cell of one target table (the indicator's, or an overlay target's). */
export interface TargetProvenance {
  comparator?: Comparator | null | undefined;
  confidence: Confidence;
  source?: string | undefined;
  quote?: string | undefined;
  rationale?: Rationale | undefined;
  citation: Citation;
  origin: 'national' | 'province';
  ruleset: string;
}

/** Where a commune stands for a target lookup: the region and group whose targets it uses, and the year. */
export interface TargetKey {
  region: Region | null;
  group: CommuneGroup | null;
  year: number;
}

export function isDerived(target: Target): target is { logic: unknown } {
  return !!target && typeof target === 'object' && 'logic' in target;
}

export function isRegionTable(
  target: unknown,
): target is { byRegion: Partial<Record<Region, unknown>>; default?: unknown } {
  return !!target && typeof target === 'object' && 'byRegion' in target;
}

export function isGroupTable(
  target: unknown,
): target is { byGroup: Partial<Record<CommuneGroup, unknown>>; default?: unknown } {
  return !!target && typeof target === 'object' && 'byGroup' in target;
}

export function isYearTable(target: unknown): target is { byYear: Record<string, unknown> } {
  return !!target && typeof target === 'object' && 'byYear' in target;
}

/** The years a year key covers: `2023`, `2022-2025`, or `2026-` (that year and every later one). */
export function parseYearKey(key: string): { from: number; to: number } {
  const [from, to] = key.split('-');
  return {
    from: Number(from),
    to: to === undefined ? Number(from) : to === '' ? Number.POSITIVE_INFINITY : Number(to),
  };
}

/** The entry of a year table that covers `year`, if any. */
export function yearEntry(byYear: Record<string, unknown>, year: number): unknown {
  const exact = String(year);
  if (Object.hasOwn(byYear, exact)) return byYear[exact];
  for (const key of Object.keys(byYear)) {
    const range = parseYearKey(key);
    if (year >= range.from && year <= range.to) return byYear[key];
  }
  return undefined;
}

/** The dimensions a target table varies by. */
export function targetDimensions(target: Target): { region: boolean; group: boolean } {
  return { region: isRegionTable(target), group: isGroupTable(target) };
}

function describeYears(byYear: Record<string, unknown>): string {
  return Object.keys(byYear)
    .sort()
    .map((key) => key.replace(/-$/, '–').replace('-', '–'))
    .join(', ');
}

/**
 * Looks a static target up for a region, group and year. Returns `undefined` for a derived target (an
 * expression), which the engine computes itself.
 */
export function lookupTarget(
  target: Target,
  key: TargetKey,
  provenance: TargetProvenance,
): ResolvedTarget | undefined {
  if (isDerived(target)) return undefined;
  let entry: unknown = target;
  if (isRegionTable(entry)) {
    const region = key.region;
    entry = region !== null && Object.hasOwn(entry.byRegion, region) ? entry.byRegion[region] : entry.default;
    if (entry === undefined)
      return {
        ...cell(null, provenance),
        absent: true,
        reason: {
          vi: `không quy định cho vùng ${region ? REGION_NAMES[region].vi : '(chưa rõ)'}`,
          en: `not set for region ${region ? REGION_NAMES[region].en : '(unknown)'}`,
        },
      };
  } else if (isGroupTable(entry)) {
    const group = key.group;
    entry = group !== null && Object.hasOwn(entry.byGroup, group) ? entry.byGroup[group] : entry.default;
    if (entry === undefined)
      return {
        ...cell(null, provenance),
        absent: true,
        reason: {
          vi: `không quy định cho ${group ? COMMUNE_GROUP_NAMES[group].vi.toLowerCase() : 'nhóm xã này'}`,
          en: `not set for ${group ? COMMUNE_GROUP_NAMES[group].en.toLowerCase() : 'this commune group'}`,
        },
      };
  }
  if (isYearTable(entry)) {
    const byYear = entry.byYear;
    const found = yearEntry(byYear, key.year);
    if (found === undefined) {
      return {
        ...cell(null, provenance),
        confidence: 'unknown',
        reason: {
          vi: `chưa có mức cho năm ${key.year}: bảng mức có các năm ${describeYears(byYear)}`,
          en: `no target for ${key.year}: the table covers ${describeYears(byYear)}`,
        },
      };
    }
    entry = found;
  }
  if (entry && typeof entry === 'object') {
    const c = entry as {
      value: number | boolean | null;
      confidence?: Confidence;
      source?: string;
      quote?: string;
      rationale?: Rationale;
      bound?: true;
    };
    const resolved = cell(c.value, {
      ...provenance,
      confidence: c.confidence ?? provenance.confidence,
      source: c.source ?? provenance.source,
      quote: c.quote ?? provenance.quote,
      rationale: c.rationale ?? provenance.rationale,
    });
    resolved.bound = c.bound === true;
    if (c.value === null) {
      resolved.confidence = 'unknown';
      const where = key.group
        ? {
            vi: COMMUNE_GROUP_NAMES[key.group].vi.toLowerCase(),
            en: COMMUNE_GROUP_NAMES[key.group].en.toLowerCase(),
          }
        : key.region
          ? { vi: `vùng ${REGION_NAMES[key.region].vi}`, en: `the ${REGION_NAMES[key.region].en}` }
          : { vi: 'xã này', en: 'this commune' };
      const why = resolved.rationale;
      resolved.reason = {
        vi: `chưa có mức chỉ tiêu chính thức cho ${where.vi}${why ? `: ${why.vi}` : ''}`,
        en: `no target known for ${where.en}${why ? `: ${why.en ?? why.vi}` : ''}`,
      };
    }
    return resolved;
  }
  return cell(entry as number | boolean, provenance);
}

function cell(value: number | boolean | null, provenance: TargetProvenance): ResolvedTarget {
  return provenanceCell(provenance, value, value === null ? 'unknown' : provenance.confidence, false, null);
}

/** A resolved target with the provenance it inherits and the given value, confidence, bound and reason. */
export function provenanceCell(
  provenance: TargetProvenance,
  value: number | boolean | null,
  confidence: Confidence,
  bound: boolean,
  reason: LocalizedText | null,
): ResolvedTarget {
  return {
    value,
    confidence,
    bound,
    source: provenance.source ?? null,
    quote: provenance.quote ?? null,
    rationale: provenance.rationale ?? null,
    citation: provenance.citation,
    origin: provenance.origin,
    ruleset: provenance.ruleset,
    reason,
    comparator: provenance.comparator ?? null,
  };
}

/** Year keys named anywhere in a target table (empty when it does not vary by year), sorted. */
export function targetYearKeys(target: Target): string[] {
  const keys = new Set<string>();
  const visit = (entry: unknown) => {
    if (isYearTable(entry)) for (const key of Object.keys(entry.byYear)) keys.add(key);
  };
  if (isRegionTable(target)) {
    Object.values(target.byRegion).forEach(visit);
    visit(target.default);
  } else if (isGroupTable(target)) {
    Object.values(target.byGroup).forEach(visit);
    visit(target.default);
  } else visit(target);
  return [...keys].sort();
}

/**
 * Representative years of a target table: the first year of every key, and the year after a closed range
 * (where the value may change). Enough to compare two tables year by year.
 */
export function targetYears(target: Target): number[] {
  const years = new Set<number>();
  for (const key of targetYearKeys(target)) {
    const range = parseYearKey(key);
    years.add(range.from);
    if (Number.isFinite(range.to)) years.add(range.to + 1);
  }
  return [...years].sort((a, b) => a - b);
}

/** The lower of two confidence levels. */
export function weakest(a: Confidence, b: Confidence): Confidence {
  return confidenceRank(a) <= confidenceRank(b) ? a : b;
}

/**
 * True when the test (candidateOp, candidate) demands at least as much as (referenceOp, reference):
 * a higher floor, a lower ceiling, or the same bound made strict (≥ 85 → > 85).
 */
export function isAtLeastAsStrict(
  candidateOp: Comparator,
  candidate: number | boolean,
  referenceOp: Comparator,
  reference: number | boolean,
): boolean {
  if (typeof candidate !== 'number' || typeof reference !== 'number') {
    return candidateOp === referenceOp && candidate === reference;
  }
  const floor = (op: Comparator) => op === '>=' || op === '>';
  const ceiling = (op: Comparator) => op === '<=' || op === '<';
  if (floor(referenceOp)) {
    if (!floor(candidateOp)) return false;
    return (
      candidate > reference || (candidate === reference && (candidateOp === '>' || referenceOp === '>='))
    );
  }
  if (ceiling(referenceOp)) {
    if (!ceiling(candidateOp)) return false;
    return (
      candidate < reference || (candidate === reference && (candidateOp === '<' || referenceOp === '<='))
    );
  }
  return candidateOp === referenceOp && candidate === reference;
}

/** Which comparators a province may put in place of the national one. */
export function allowedProvinceOps(national: Comparator): Comparator[] {
  switch (national) {
    case '>=':
      return ['>=', '>'];
    case '<=':
      return ['<=', '<'];
    default:
      return [national];
  }
}

/** Of two targets for the same test, the one that demands more (a province overlay never loosens). */
export function stricter(op: Comparator, national: ResolvedTarget, province: ResolvedTarget): ResolvedTarget {
  if (province.absent || province.value === null) return national;
  if (national.value === null) return province;
  return isAtLeastAsStrict(
    province.comparator ?? op,
    province.value,
    national.comparator ?? op,
    national.value,
  )
    ? province
    : national;
}
