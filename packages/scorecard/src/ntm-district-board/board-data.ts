/**
 * The board's data: from `evaluations` (and `previous`) to core's `summarize` (and `compare`), checked first so
 * that a malformed, oversized or hostile list becomes the board's error state. A reactive controller: it
 * recomputes when the host is given another list, and only then.
 */
import {
  type CommuneProgress,
  type CommuneRow,
  compare,
  type DistrictSummary,
  type Evaluation,
  type ProgressReport,
  summarize,
} from '@nongthonmoi/core/review';
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import {
  type Check,
  EVALUATION,
  firstProblem,
  guarded,
  isObject,
  LIMITS,
  type Problem,
  TIER,
  tooMany,
} from '../internal/validate.js';

/** How many of the criteria holding most communes back are highlighted. */
const BLOCKERS_HIGHLIGHTED = 3;

const ITEM: Array<[string, Check]> = [
  ['commune.id', 'string'],
  ...EVALUATION,
  ['ruleset.hash', 'string'],
  ['prerequisites', 'array'],
];
const CRITERION: Array<[string, Check]> = [
  ['id', 'string'],
  ['status', TIER],
  ['indicators', 'array'],
];

export function keyOf(id: string, level: string): string {
  return `${id}\u0000${level}`;
}

/**
 * A lighter check than the scorecard's: what `summarize` and the matrix read. Core's own evaluations build
 * `criteria` lazily: it is left alone for them (reading it for thousands of communes would build every
 * indicator). Throws what a getter throws.
 */
function itemProblem(value: unknown, at: string): Problem | null {
  const problem = wellFormed(value) ? null : firstProblem(value, at, ITEM);
  if (problem || Object.getPrototypeOf(value) !== Object.prototype) return problem;
  const criteria = (value as { criteria?: unknown }).criteria;
  if (!Array.isArray(criteria)) return { path: `${at}.criteria`, expected: 'array' };
  const many = tooMany(`${at}.criteria`, criteria.length, LIMITS.criteria);
  if (many) return many;
  for (let c = 0; c < criteria.length; c++) {
    const criterion = criteria[c];
    // The common case without building paths; the generic check words the problem.
    if (
      isObject(criterion) &&
      typeof criterion.id === 'string' &&
      TIER.includes(criterion.status as string) &&
      Array.isArray(criterion.indicators)
    )
      continue;
    return firstProblem(criterion, `${at}.criteria[${c}]`, CRITERION);
  }
  return null;
}

/** `ITEM` checked without building paths: the common case, for thousands of evaluations. */
function wellFormed(value: unknown): boolean {
  if (!isObject(value)) return false;
  const { commune, counts, ruleset } = value as Record<string, Record<string, unknown>>;
  return (
    isObject(commune) &&
    typeof commune.id === 'string' &&
    typeof commune.name === 'string' &&
    TIER.includes(value.status as string) &&
    typeof value.level === 'string' &&
    isObject(ruleset) &&
    typeof ruleset.hash === 'string' &&
    isObject(counts) &&
    typeof counts.criteriaMet === 'number' &&
    typeof counts.criteriaTotal === 'number' &&
    Array.isArray(value.prerequisites)
  );
}

function listProblem(list: unknown, at: string): Problem | null {
  if (!Array.isArray(list)) return { path: at, expected: 'array' };
  const many = tooMany(at, list.length, LIMITS.communes);
  if (many) return many;
  for (let index = 0; index < list.length; index++) {
    const problem = itemProblem(list[index], `${at}[${index}]`);
    if (problem) return problem;
  }
  return null;
}

export interface BoardReady {
  state: 'ready';
  summary: DistrictSummary;
  /** `summary.communes`: one row per evaluation, in input order. */
  rows: readonly CommuneRow[];
  /** `id` + tier of each row, to find its progress and its previous evaluation. */
  keys: readonly string[];
  progress: ProgressReport | null;
  progressByKey: Map<string, CommuneProgress>;
  previousByKey: Map<string, Evaluation>;
  /** Ids of the communes absent from the previous review. */
  added: Set<string>;
  /** Ids of the criteria highlighted as holding most communes back. */
  highlighted: Set<string>;
}

export type BoardData = { state: 'empty' } | { state: 'error'; problem: Problem } | BoardReady;

interface DataHost extends ReactiveControllerHost {
  evaluations: unknown;
  previous: unknown;
}

export class BoardDataController implements ReactiveController {
  /** What the board shows: nothing yet, an error, or the summary. */
  data: BoardData = { state: 'empty' };
  private evaluations_: unknown = undefined;
  private previous_: unknown = undefined;

  constructor(private readonly host: DataHost) {
    host.addController(this);
  }

  hostUpdate(): void {
    const { evaluations, previous } = this.host;
    if (evaluations === this.evaluations_ && previous === this.previous_) return;
    this.evaluations_ = evaluations;
    this.previous_ = previous;
    this.data = computeData(evaluations, previous);
  }
}

function computeData(evaluations: unknown, previous: unknown): BoardData {
  let ready: BoardReady | null = null;
  const problem = guarded('evaluations', () => {
    const found = listProblem(evaluations, 'evaluations');
    if (found) return found;
    const list = evaluations as Evaluation[];
    if (list.length === 0) return null;
    const summary = summarize(list);
    const columns = tooMany('evaluations[].criteria', summary.criteria.length, LIMITS.criteria);
    if (columns) return columns;
    const rows = summary.communes;
    const keys = rows.map((row, index) => keyOf(row.id, (list[index] as Evaluation).level));
    const blockers = summary.blockers;
    const cut = blockers[Math.min(BLOCKERS_HIGHLIGHTED, blockers.length) - 1]?.communes ?? Infinity;
    const highlighted = new Set(blockers.filter((blocker) => blocker.communes >= cut).map((b) => b.id));
    ready = {
      state: 'ready',
      summary,
      rows,
      keys,
      progress: null,
      progressByKey: new Map(),
      previousByKey: new Map(),
      added: new Set(),
      highlighted,
    };
    return null;
  });
  if (problem) return { state: 'error', problem };
  if (!ready) return { state: 'empty' };
  addProgress(ready, evaluations as Evaluation[], previous);
  return ready;
}

/** Progress is optional: a previous review that cannot be compared only hides the change column. */
function addProgress(ready: BoardReady, evaluations: Evaluation[], previous: unknown): void {
  if (!Array.isArray(previous) || previous.length === 0) return;
  try {
    if (listProblem(previous, 'previous')) return;
    const progress = compare(previous as Evaluation[], evaluations);
    const progressByKey = new Map<string, CommuneProgress>();
    const previousByKey = new Map<string, Evaluation>();
    for (const item of progress.communes) progressByKey.set(keyOf(item.id, item.level), item);
    for (const item of previous as Evaluation[]) previousByKey.set(keyOf(item.commune.id, item.level), item);
    Object.assign(ready, {
      progress,
      progressByKey,
      previousByKey,
      added: new Set(progress.added.map((item) => item.id)),
    });
  } catch {
    // A previous list whose values throw when read: no progress, as for any list that cannot be compared.
  }
}
