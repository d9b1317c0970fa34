import type { Citation, CommuneGroup, Confidence, LocalizedText, Region } from '../schema/common.js';
import type { Comparator } from '../schema/edition.js';
import type { RulesetDetail, TargetRow } from './catalog.js';

export interface TargetChange {
  indicator: string;
  region: Region | null;
  group: CommuneGroup | null;
  year: number | null;
  from: number | boolean | null;
  to: number | boolean | null;
  fromConfidence: Confidence | null;
  toConfidence: Confidence | null;
  fromOrigin: 'national' | 'province' | null;
  toOrigin: 'national' | 'province' | null;
}

/** What changed from one edition (or overlay) to another, indicator by indicator. */
export interface RulesetDiff {
  from: { id: string; edition: string; hash: string };
  to: { id: string; edition: string; hash: string };
  criteriaAdded: Array<{ id: string; name: LocalizedText }>;
  criteriaRemoved: Array<{ id: string; name: LocalizedText }>;
  criteriaRenamed: Array<{ id: string; from: LocalizedText; to: LocalizedText }>;
  indicatorsAdded: Array<{ id: string; criterion: string; name: LocalizedText }>;
  indicatorsRemoved: Array<{ id: string; criterion: string; name: LocalizedText }>;
  indicatorsRenamed: Array<{ id: string; from: LocalizedText; to: LocalizedText }>;
  comparatorsChanged: Array<{ indicator: string; from: Comparator | null; to: Comparator | null }>;
  /** Targets whose value, confidence or origin changed, per region or group and year. */
  targetsChanged: TargetChange[];
  citationsChanged: Array<{ indicator: string; from: Citation; to: Citation }>;
  regionRulesChanged: { from: RulesetDetail['regionRules']; to: RulesetDetail['regionRules'] } | null;
  measuresAdded: string[];
  measuresRemoved: string[];
  /** True when nothing above changed. */
  identical: boolean;
}

const json = (value: unknown) => JSON.stringify(value);

function rowKey(row: TargetRow): string {
  return `${row.region ?? ''}|${row.group ?? ''}|${row.year ?? ''}`;
}

export function diffDetails(a: RulesetDetail, b: RulesetDetail): RulesetDiff {
  const criteriaA = new Map(a.criteria.map((criterion) => [criterion.id, criterion]));
  const criteriaB = new Map(b.criteria.map((criterion) => [criterion.id, criterion]));
  const indicatorsA = new Map(a.indicators.map((indicator) => [indicator.id, indicator]));
  const indicatorsB = new Map(b.indicators.map((indicator) => [indicator.id, indicator]));
  const diff: RulesetDiff = {
    from: { id: a.ruleset.id, edition: a.ruleset.edition, hash: a.ruleset.hash },
    to: { id: b.ruleset.id, edition: b.ruleset.edition, hash: b.ruleset.hash },
    criteriaAdded: b.criteria.filter((c) => !criteriaA.has(c.id)).map(({ id, name }) => ({ id, name })),
    criteriaRemoved: a.criteria.filter((c) => !criteriaB.has(c.id)).map(({ id, name }) => ({ id, name })),
    criteriaRenamed: [],
    indicatorsAdded: b.indicators
      .filter((i) => !indicatorsA.has(i.id))
      .map(({ id, criterion, name }) => ({ id, criterion, name })),
    indicatorsRemoved: a.indicators
      .filter((i) => !indicatorsB.has(i.id))
      .map(({ id, criterion, name }) => ({ id, criterion, name })),
    indicatorsRenamed: [],
    comparatorsChanged: [],
    targetsChanged: [],
    citationsChanged: [],
    regionRulesChanged:
      json(a.regionRules) === json(b.regionRules) ? null : { from: a.regionRules, to: b.regionRules },
    measuresAdded: Object.keys(b.measures).filter((key) => !Object.hasOwn(a.measures, key)),
    measuresRemoved: Object.keys(a.measures).filter((key) => !Object.hasOwn(b.measures, key)),
    identical: false,
  };
  for (const criterion of b.criteria) {
    const old = criteriaA.get(criterion.id);
    if (old && json(old.name) !== json(criterion.name))
      diff.criteriaRenamed.push({ id: criterion.id, from: old.name, to: criterion.name });
  }
  for (const indicator of b.indicators) {
    const old = indicatorsA.get(indicator.id);
    if (!old) continue;
    if (json(old.name) !== json(indicator.name))
      diff.indicatorsRenamed.push({ id: indicator.id, from: old.name, to: indicator.name });
    if (old.comparator !== indicator.comparator) {
      diff.comparatorsChanged.push({
        indicator: indicator.id,
        from: old.comparator,
        to: indicator.comparator,
      });
    }
    if (json(old.citation) !== json(indicator.citation)) {
      diff.citationsChanged.push({ indicator: indicator.id, from: old.citation, to: indicator.citation });
    }
    const rowsA = new Map(old.targets.map((row) => [rowKey(row), row]));
    const rowsB = new Map(indicator.targets.map((row) => [rowKey(row), row]));
    for (const key of new Set([...rowsA.keys(), ...rowsB.keys()])) {
      const before = rowsA.get(key);
      const after = rowsB.get(key);
      if (
        before &&
        after &&
        before.value === after.value &&
        before.confidence === after.confidence &&
        before.origin === after.origin
      ) {
        continue;
      }
      const sample = (after ?? before) as TargetRow;
      diff.targetsChanged.push({
        indicator: indicator.id,
        region: sample.region,
        group: sample.group,
        year: sample.year,
        from: before?.value ?? null,
        to: after?.value ?? null,
        fromConfidence: before?.confidence ?? null,
        toConfidence: after?.confidence ?? null,
        fromOrigin: before?.origin ?? null,
        toOrigin: after?.origin ?? null,
      });
    }
  }
  diff.identical =
    diff.criteriaAdded.length +
      diff.criteriaRemoved.length +
      diff.criteriaRenamed.length +
      diff.indicatorsAdded.length +
      diff.indicatorsRemoved.length +
      diff.indicatorsRenamed.length +
      diff.comparatorsChanged.length +
      diff.targetsChanged.length +
      diff.citationsChanged.length +
      diff.measuresAdded.length +
      diff.measuresRemoved.length ===
      0 && diff.regionRulesChanged === null;
  return diff;
}
