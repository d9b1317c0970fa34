/**
 * Evaluations in compact form (schema/compact.ts): what a file of many results keeps of each commune, a few
 * kilobytes instead of the full explanation. `compactEvaluation` writes it; `rebuildEvaluation` turns it back
 * into the full evaluation with the layouts of the rules it was evaluated with (the engine's side of that is
 * `expandEvaluation` in the package's entry point). Nothing is evaluated again: statuses and counts come from
 * the compact form, names, targets, citations and reasons from the rules.
 */
import { NtmError } from '../errors.js';
import type { Confidence, LocalizedText } from '../schema/common.js';
import type { CompactEvaluation, CompactTier } from '../schema/compact.js';
import type { ResolvedTarget } from '../schema/provenance.js';
import { isRecord } from './is-record.js';
import type { IndicatorLayout, ResultLayout } from './layout.js';
import { EvaluationRecord } from './record.js';
import { C_INCOMPLETE, CRITERION_STATUS, INDICATOR_STATUS } from './status.js';
import type { CriterionStatus, Evaluation, IndicatorResult, UndecidedCause } from './types.js';

export type { CompactEvaluation, CompactTier };

type IndicatorEntry = CompactTier['indicators'][string];
type ByConfidence = CompactTier['confidence'];
type ByStatus = CompactTier['criteria'];
type ByCause = CompactTier['undecidedCriteria'];

/** Appends `id` to the list `key` of `lists`, creating it: the grouped lists of the compact form. */
function addTo<K extends string>(lists: Partial<Record<K, string[]>>, key: K, id: string): void {
  const list = lists[key];
  if (list) list.push(id);
  else lists[key] = [id];
}

/** The lists in the order of `keys` (the schema's order), whichever was filled first. */
function ordered<K extends string>(
  lists: Partial<Record<K, string[]>>,
  keys: readonly K[],
): Partial<Record<K, string[]>> {
  const out: Partial<Record<K, string[]>> = {};
  for (const key of keys) if (lists[key]) out[key] = lists[key];
  return out;
}

/** A compact evaluation cannot be used: it is malformed, or it was evaluated with other rules. */
export class CompactEvaluationError extends NtmError {
  override name = 'CompactEvaluationError';
  /** The message in Vietnamese and English (`message` is the English). */
  readonly localized: LocalizedText;
  constructor(code: 'invalid-compact-evaluation' | 'ruleset-mismatch', message: LocalizedText) {
    super(code, message.en);
    this.localized = message;
  }
}

function duplicate(kind: 'criterion' | 'indicator', id: string, level: string): CompactEvaluationError {
  return new CompactEvaluationError('invalid-compact-evaluation', {
    vi: `${kind === 'criterion' ? 'tiêu chí' : 'chỉ tiêu'} ${id} xuất hiện hai lần ở cấp ${level}`,
    en: `${kind} ${id} appears twice in tier ${level}`,
  });
}

/** The criteria's statuses of a compact tier, by id; a criterion listed twice is an error. */
function statusById(tier: CompactTier): Map<string, CriterionStatus> {
  const byId = new Map<string, CriterionStatus>();
  for (const status of CRITERION_STATUS) {
    for (const id of tier.criteria[status] ?? []) {
      if (byId.has(id)) throw duplicate('criterion', id, tier.level);
      byId.set(id, status);
    }
  }
  return byId;
}

/** One tier in compact form, read through the result contract (any `Evaluation`, plain data included). */
function compactTier(tier: Evaluation): CompactTier {
  const seen = new Set<string>();
  const criteria: ByStatus = {};
  const undecidedCriteria: ByCause = {};
  const addCriterion = (id: string, status: CriterionStatus, cause: UndecidedCause | null) => {
    if (seen.has(id)) throw duplicate('criterion', id, tier.level);
    seen.add(id);
    addTo(criteria, status, id);
    if (cause) addTo(undecidedCriteria, cause, id);
  };
  const indicators: Record<string, IndicatorEntry> = {};
  const confidence: ByConfidence = {};
  const addIndicator = (id: string, entry: IndicatorEntry, level: Confidence) => {
    if (Object.hasOwn(indicators, id)) throw duplicate('indicator', id, tier.level);
    indicators[id] = entry;
    if (level !== 'official') addTo(confidence, level, id);
  };
  if (isRecord(tier)) {
    // An engine record: read its typed arrays directly instead of building a view per indicator.
    const layout = tier.layout;
    for (let c = 0; c < layout.criteria.length; c++) {
      const criterion = layout.criteria[c] as ResultLayout['criteria'][number];
      const status = tier.criterionStatus(c);
      const cause = status === C_INCOMPLETE ? (tier.criterionUndecided(c)?.cause ?? null) : null;
      addCriterion(criterion.id, CRITERION_STATUS[status] as CriterionStatus, cause);
      for (const i of criterion.indicators) {
        const indicator = layout.indicators[i] as IndicatorLayout;
        const entry: IndicatorEntry = [
          INDICATOR_STATUS[tier.statusOf(i)] as IndicatorResult['status'],
          tier.actual(i),
          tier.gap(i),
        ];
        addIndicator(indicator.id, entry, (tier.targetCell(i) ?? indicator.provenance).confidence);
      }
    }
  } else {
    for (const criterion of tier.criteria) {
      addCriterion(criterion.id, criterion.status, criterion.undecided?.cause ?? null);
      for (const indicator of criterion.indicators) {
        addIndicator(indicator.id, [indicator.status, indicator.actual, indicator.gap], indicator.confidence);
      }
    }
  }
  const counts = tier.counts;
  return {
    level: tier.level,
    status: tier.status,
    undecided: tier.undecided ? { ...tier.undecided } : null,
    region: tier.region,
    regionBasis: tier.regionBasis ? { ...tier.regionBasis } : null,
    ruleset: { id: tier.ruleset.id, hash: tier.ruleset.hash },
    counts: { ...counts, confidence: { ...counts.confidence } },
    criteria: ordered(criteria, CRITERION_STATUS),
    undecidedCriteria: ordered(undecidedCriteria, ['missing-data', 'unknown-target', 'both'] as const),
    indicators,
    confidence: ordered(confidence, ['secondary', 'assumed', 'unknown'] as const),
    prerequisites: tier.prerequisites.map(compactTier),
  };
}

/** Every tier of a record: itself, the tiers it requires, and the recognition conditions. */
function recordTiers(record: EvaluationRecord): EvaluationRecord[] {
  const all: EvaluationRecord[] = [];
  const visit = (tier: EvaluationRecord) => {
    all.push(tier);
    for (const prerequisite of tier.prerequisites) visit(prerequisite);
  };
  visit(record);
  if (record.recognition) visit(record.recognition);
  return all;
}

/**
 * The values an engine record's rules read that no indicator compares (a condition of applicability, a
 * composite test, a computed target): without them the reasons of those indicators could not be rebuilt.
 */
function uncomparedValues(record: EvaluationRecord): Record<string, unknown> | null {
  const compared = new Set<number>();
  for (const tier of recordTiers(record)) {
    for (const indicator of tier.layout.indicators) if (indicator.slot >= 0) compared.add(indicator.slot);
  }
  let values: Record<string, unknown> | null = null;
  const keys = record.layout.measureKeys;
  for (let slot = 0; slot < record.values.length; slot++) {
    const value = record.values[slot];
    if (value === undefined || compared.has(slot)) continue;
    values ??= {};
    values[keys[slot] as string] = value;
  }
  return values;
}

/**
 * The compact form of an evaluation (see schema/compact.ts): a few kilobytes per commune. From an engine
 * result it keeps everything `expandEvaluation` needs to rebuild the full result exactly; from plain data
 * (an evaluation read back from JSON) it keeps what that data shows.
 */
export function compactEvaluation(evaluation: Evaluation): CompactEvaluation {
  const { prerequisites, ...tier } = compactTier(evaluation);
  const compact: CompactEvaluation = {
    commune: { ...evaluation.commune },
    level: tier.level,
    asOf: evaluation.asOf,
    status: tier.status,
    undecided: tier.undecided,
    region: tier.region,
    regionBasis: tier.regionBasis,
    group: evaluation.group,
    minConfidence: evaluation.minConfidence,
    ruleset: tier.ruleset,
    counts: tier.counts,
    criteria: tier.criteria,
    undecidedCriteria: tier.undecidedCriteria,
    indicators: tier.indicators,
    confidence: tier.confidence,
    prerequisites,
  };
  if (evaluation.recognition) compact.recognition = compactTier(evaluation.recognition);
  if (isRecord(evaluation)) {
    const values = uncomparedValues(evaluation);
    if (values) compact.values = values as CompactEvaluation['values'];
  }
  return compact;
}

/**
 * The rules an evaluation was made with, as the result layer needs them: the layout of each tier (the assessed
 * one first, then each tier it requires; the recognition conditions apart) and the target that applied to one
 * indicator for this commune (its region, categories, group and year, and its values).
 */
export interface EvaluationRules {
  tiers: readonly ResultLayout[];
  /** The recognition conditions, when the evaluation asked for them. */
  recognition: ResultLayout | null;
  targetOf(layout: ResultLayout, index: number, values: readonly unknown[]): ResolvedTarget | null;
}

/**
 * Where a compact evaluation's commune stands for its targets: its own region and the categories that moved
 * a tier to another region's targets. The categories that triggered no rule in any tier change no target, so
 * these reproduce every tier's choice (and the targets a tier asks of the tiers it requires).
 */
export function placementOf(compact: CompactEvaluation): {
  declared: CompactEvaluation['region'];
  categories: string[];
} {
  const all: CompactTier[] = [];
  const visit = (tier: CompactTier) => {
    all.push(tier);
    for (const prerequisite of tier.prerequisites) visit(prerequisite);
  };
  visit(compact);
  if (compact.recognition) visit(compact.recognition);
  const bases = all.flatMap((tier) => (tier.regionBasis ? [tier.regionBasis] : []));
  return {
    declared: bases[0]?.declared ?? compact.region,
    categories: [...new Set(bases.map((basis) => basis.category))],
  };
}

function invalid(vi: string, en: string): CompactEvaluationError {
  return new CompactEvaluationError('invalid-compact-evaluation', { vi, en });
}

function sameValue(a: unknown, b: unknown): boolean {
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((x, i) => x === b[i]);
  return a === b;
}

/**
 * The full evaluation a compact one stands for, given the rules it was evaluated with (the caller finds them:
 * `expandEvaluation`). Checks that every tier was evaluated with exactly these rules (same
 * ruleset id and hash, same criteria and indicators). The result is an engine record: its details are built
 * when read, and `toJSON()` gives the same data as the original evaluation's.
 */
export function rebuildEvaluation(compact: CompactEvaluation, rules: EvaluationRules): EvaluationRecord {
  const main = rules.tiers[0];
  if (!main) throw invalid('không có bộ tiêu chí để dựng lại kết quả', 'no rules to rebuild the result with');
  const keys = main.measureKeys;
  const values: unknown[] = new Array(keys.length);
  const positions = new Map(keys.map((key, slot) => [key, slot]));
  for (const [key, value] of Object.entries(compact.values ?? {})) {
    const slot = positions.get(key);
    if (slot === undefined) {
      throw invalid(
        `bộ tiêu chí không đọc số liệu '${key}' mà kết quả rút gọn ghi lại`,
        `the rules do not read '${key}', which the compact result holds`,
      );
    }
    values[slot] = value;
  }
  const year = Number(compact.asOf.slice(0, 4));
  const cellsOf: Array<[EvaluationRecord, Array<ResolvedTarget | undefined>]> = [];

  const build = (
    tier: CompactTier,
    layout: ResultLayout,
    next: readonly ResultLayout[],
  ): EvaluationRecord => {
    if (tier.ruleset.id !== layout.info.id || tier.ruleset.hash !== layout.info.hash) {
      throw new CompactEvaluationError('ruleset-mismatch', {
        vi: `cấp ${tier.level} của kết quả rút gọn được đánh giá theo ${tier.ruleset.id} (mã băm ${tier.ruleset.hash.slice(0, 12)}…), khác với bộ tiêu chí được cung cấp: ${layout.info.id} (${layout.info.hash.slice(0, 12)}…); hãy dùng đúng các tệp bộ tiêu chí đã dùng khi đánh giá`,
        en: `tier ${tier.level} of the compact result was evaluated with ${tier.ruleset.id} (hash ${tier.ruleset.hash.slice(0, 12)}…), not with the rules given: ${layout.info.id} (${layout.info.hash.slice(0, 12)}…); give the ruleset files used for the evaluation`,
      });
    }
    const n = layout.indicators.length;
    const statuses = new Uint8Array(n + layout.criteria.length);
    const criterionStatus = statusById(tier);
    if (Object.keys(tier.indicators).length !== n || criterionStatus.size !== layout.criteria.length) {
      throw invalid(
        `cấp ${tier.level}: số tiêu chí hoặc chỉ tiêu khác với bộ tiêu chí ${layout.info.id}`,
        `tier ${tier.level}: not the criteria and indicators of ${layout.info.id}`,
      );
    }
    for (const indicator of layout.indicators) {
      const entry = Object.hasOwn(tier.indicators, indicator.id) ? tier.indicators[indicator.id] : undefined;
      if (!entry) {
        throw invalid(
          `cấp ${tier.level}: thiếu chỉ tiêu ${indicator.id}`,
          `tier ${tier.level}: indicator ${indicator.id} is missing`,
        );
      }
      statuses[indicator.index] = INDICATOR_STATUS.indexOf(entry[0]);
      const actual = entry[1];
      if (indicator.slot >= 0 && actual !== null) {
        const known = values[indicator.slot];
        if (known !== undefined && !sameValue(known, actual)) {
          throw invalid(
            `cấp ${tier.level}, chỉ tiêu ${indicator.id}: giá trị khác với giá trị của cùng số liệu ở chỉ tiêu khác`,
            `tier ${tier.level}, indicator ${indicator.id}: a value other than the same measure's elsewhere`,
          );
        }
        values[indicator.slot] = actual;
      }
    }
    for (const criterion of layout.criteria) {
      const status = criterionStatus.get(criterion.id);
      if (!status) {
        throw invalid(
          `cấp ${tier.level}: thiếu tiêu chí ${criterion.id}`,
          `tier ${tier.level}: criterion ${criterion.id} is missing`,
        );
      }
      statuses[n + criterion.index] = CRITERION_STATUS.indexOf(status);
    }
    const [required, ...rest] = next;
    if (tier.prerequisites.length !== (required ? 1 : 0)) {
      throw invalid(
        `cấp ${tier.level}: các cấp yêu cầu trước không khớp với bộ tiêu chí`,
        `tier ${tier.level}: its required tiers do not match the rules`,
      );
    }
    const prerequisites = required ? [build(tier.prerequisites[0] as CompactTier, required, rest)] : [];
    const cells: Array<ResolvedTarget | undefined> = new Array(n);
    const record = new EvaluationRecord({
      layout,
      commune: { ...compact.commune },
      status: tier.status,
      undecided: tier.undecided ? { ...tier.undecided } : null,
      asOf: compact.asOf,
      year,
      region: tier.region,
      regionBasis: tier.regionBasis ? { ...tier.regionBasis } : null,
      group: compact.group,
      minConfidence: compact.minConfidence,
      prerequisites,
      counts: { ...tier.counts, confidence: { ...tier.counts.confidence } },
      statuses,
      base: 0,
      values,
      cells,
      perCommune: null,
    });
    cellsOf.push([record, cells]);
    return record;
  };

  const record = build(compact, main, rules.tiers.slice(1));
  if (compact.recognition) {
    if (!rules.recognition) {
      throw invalid(
        'kết quả rút gọn có điều kiện công nhận nhưng bộ tiêu chí không có',
        'the compact result has recognition conditions but the rules have none',
      );
    }
    record.recognition = build(compact.recognition, rules.recognition, []);
  }
  // Targets once every value is known (a computed target reads the commune's values).
  for (const [tier, cells] of cellsOf) {
    for (let i = 0; i < cells.length; i++) cells[i] = rules.targetOf(tier.layout, i, values) ?? undefined;
  }
  return record;
}
