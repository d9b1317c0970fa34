import { type Citation, type LocalizedText, REGION_NAMES, type Region } from '../schema/common.js';
import type { Comparator, Target } from '../schema/edition.js';

/** One resolved target with its provenance, as reported in results. */
export interface ResolvedTarget {
  value: number | boolean | null;
  verified: boolean;
  source: string | null;
  basis: string;
  citation: Citation;
  /** `national` or `province`: who set the value that applies. */
  origin: 'national' | 'province';
  /** Id of the ruleset file that set it. */
  ruleset: string;
  /** Why the value is null, when it is. */
  reason: LocalizedText | null;
  /** The comparator that applies with this value (a province may make ≥ into >). */
  comparator: Comparator | null;
  /** True when the ruleset sets no value here (a province table that skips a region). */
  absent?: boolean;
}

export interface TargetProvenance {
  comparator?: Comparator | null | undefined;
  verified: boolean;
  source?: string | undefined;
  basis: string;
  citation: Citation;
  origin: 'national' | 'province';
  ruleset: string;
}

export function isDerived(target: Target): target is { logic: unknown } {
  return !!target && typeof target === 'object' && 'logic' in target;
}

/**
 * Looks a static target up for a region and a year. Returns `undefined` for a derived target (an expression),
 * which the engine computes itself.
 */
export function lookupTarget(
  target: Target,
  region: Region,
  year: number,
  provenance: TargetProvenance,
): ResolvedTarget | undefined {
  if (isDerived(target)) return undefined;
  let entry: unknown = target;
  if (entry && typeof entry === 'object' && 'byRegion' in entry) {
    const table = entry as { byRegion: Partial<Record<Region, unknown>>; default?: unknown };
    entry = Object.hasOwn(table.byRegion, region) ? table.byRegion[region] : table.default;
    if (entry === undefined)
      return {
        ...cell(null, provenance),
        absent: true,
        reason: { vi: `không quy định cho vùng ${region}`, en: `not set for region ${region}` },
      };
  }
  if (entry && typeof entry === 'object' && 'byYear' in entry) {
    const byYear = (entry as { byYear: Record<string, unknown> }).byYear;
    const key = String(year);
    if (!Object.hasOwn(byYear, key)) {
      const years = Object.keys(byYear).sort();
      return {
        ...cell(null, provenance),
        reason: {
          vi: `chưa có mức cho năm ${year}: bảng mức có các năm ${years[0]}–${years[years.length - 1]}`,
          en: `no target for ${year}: the table covers ${years[0]}–${years[years.length - 1]}`,
        },
      };
    }
    entry = byYear[key];
  }
  if (entry && typeof entry === 'object') {
    const c = entry as {
      value: number | boolean | null;
      verified?: boolean;
      source?: string;
      basis?: string;
    };
    const resolved = cell(c.value, {
      ...provenance,
      // An unknown value is never "verified", whatever the indicator says of its other cells.
      verified: c.value === null ? false : (c.verified ?? provenance.verified),
      source: c.source ?? provenance.source,
      basis: c.basis ?? provenance.basis,
    });
    if (c.value === null) {
      resolved.reason = {
        vi: `chưa có mức mục tiêu cho vùng ${REGION_NAMES[region].vi}: ${resolved.basis}`,
        en: `no target known for the ${REGION_NAMES[region].en}: ${resolved.basis}`,
      };
    }
    return resolved;
  }
  return cell(entry as number | boolean, provenance);
}

function cell(value: number | boolean | null, provenance: TargetProvenance): ResolvedTarget {
  return {
    value,
    verified: provenance.verified,
    source: provenance.source ?? null,
    basis: provenance.basis,
    citation: provenance.citation,
    origin: provenance.origin,
    ruleset: provenance.ruleset,
    reason: null,
    comparator: provenance.comparator ?? null,
  };
}

/** Years named anywhere in a target table (empty when it does not vary by year). */
export function targetYears(target: Target): number[] {
  const years = new Set<number>();
  const visit = (entry: unknown) => {
    if (entry && typeof entry === 'object' && 'byYear' in entry) {
      for (const year of Object.keys((entry as { byYear: object }).byYear)) years.add(Number(year));
    }
  };
  if (target && typeof target === 'object' && 'byRegion' in target) {
    Object.values(target.byRegion).forEach(visit);
    visit(target.default);
  } else visit(target);
  return [...years].sort();
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
