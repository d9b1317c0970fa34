/**
 * The board's data: from `evaluations` (and `previous`) to core's `summarize` (and `compare`), checked first so
 * that a malformed, oversized or hostile list becomes the board's error state; and the optional `forecast`,
 * indexed by commune. A reactive controller: it recomputes when the host is given another list or forecast,
 * and only then.
 */
import {
  type CommuneForecast,
  type CommuneProgress,
  type CommuneRow,
  compare,
  type DistrictSummary,
  type Evaluation,
  type ForecastReport,
  type ProgressReport,
  summarize,
  TIER_OUTLOOKS,
  type Undecided,
} from '@nongthonmoi/core/review';
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { communeForecastProblem, forecastProblem } from '../internal/forecast-view.js';
import { plain } from '../internal/format.js';
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

/**
 * What a row or a cell shows: met, not met, or why it is undecided (core's `undecided.cause`): the commune's
 * data is missing, the official targets are unknown, or both. `undecided` when the result does not say why
 * (results from before `undecided`).
 */
export type Kind = 'met' | 'not-met' | 'missing-data' | 'unknown-target' | 'both' | 'undecided';

const CAUSES = ['missing-data', 'unknown-target', 'both'];

/** The kind of a tier or criterion with this status and `undecided`. */
export function kindOf(status: string, undecided: Undecided | null | undefined): Kind {
  if (status !== 'incomplete') return status as Kind;
  const cause = isObject(undecided) ? undecided.cause : undefined;
  return CAUSES.includes(cause as string) ? (cause as Kind) : 'undecided';
}

/**
 * How many of the criteria holding most communes back are highlighted, and listed. Both count first the communes
 * that can act on the criterion (not met, or their data missing): a criterion held back only by targets nobody
 * has published yet is listed after them and never highlighted, so a district is not sent after it.
 */
const BLOCKERS_HIGHLIGHTED = 3;
const BLOCKERS_SHOWN = 5;

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
  /** What each row shows (its tier's status, or why it is undecided). */
  kinds: readonly Kind[];
  /** The kind of each undecided criterion of row `index` (the others are their status), read when drawn. */
  cellKinds: (index: number) => Record<string, Kind>;
  /**
   * The criteria holding most communes back, at most `BLOCKERS_SHOWN`: core's `summary.blockers` with their
   * undecided communes by cause, those the communes can act on (not met, missing data) first.
   */
  blockers: readonly Blocker[];
  /** The district and province all the communes share, or only the province, or '' (from the data). */
  place: string;
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

export type Blocker = DistrictSummary['blockers'][number] & {
  causes: Record<'missing-data' | 'unknown-target' | 'undecided', number>;
  /** Communes that can act on it: not met, or undecided with data of theirs missing. */
  actionable: number;
};

export type BoardData = { state: 'empty' } | { state: 'error'; problem: Problem } | BoardReady;

/** Outlooks whose gaps will not close by the deadline at their pace: their cells are marked. */
export type Late = 'off-track' | 'stalled';

/** The forecast, matched to the rows. */
export interface BoardForecast {
  report: ForecastReport;
  /** The commune's forecast of each row (by position), or undefined. */
  communes: ReadonlyArray<CommuneForecast | undefined>;
  /** Per row, the criteria of its assessed tier with a gap that will not close at its pace. */
  late: ReadonlyArray<Map<string, Late> | undefined>;
  /** Rank of each row's outlook, worst first (`TIER_OUTLOOKS`); rows the forecast does not hold come last. */
  ranks: Int8Array;
}

interface DataHost extends ReactiveControllerHost {
  evaluations: unknown;
  previous: unknown;
  forecast: unknown;
}

export class BoardDataController implements ReactiveController {
  /** What the board shows: nothing yet, an error, or the summary. */
  data: BoardData = { state: 'empty' };
  /** The forecast matched to the rows; null without one, or when it cannot be read. */
  forecast: BoardForecast | null = null;
  private evaluations_: unknown = undefined;
  private previous_: unknown = undefined;
  private forecast_: unknown = undefined;

  constructor(private readonly host: DataHost) {
    host.addController(this);
  }

  hostUpdate(): void {
    const { evaluations, previous, forecast } = this.host;
    const renewed = evaluations !== this.evaluations_ || previous !== this.previous_;
    if (renewed) {
      this.evaluations_ = evaluations;
      this.previous_ = previous;
      this.data = computeData(evaluations, previous);
    }
    if (renewed || forecast !== this.forecast_) {
      this.forecast_ = forecast;
      const data = this.data;
      this.forecast = data.state === 'ready' && forecast ? matchForecast(forecast, data) : null;
    }
  }
}

/** The outlook of each row from `forecast`, or null when it cannot be read (it is then left out, like `previous`). */
function matchForecast(value: unknown, data: BoardReady): BoardForecast | null {
  if (forecastProblem(value)) return null;
  const report = value as ForecastReport;
  try {
    const byKey = new Map<string, CommuneForecast>();
    const list = report.communes;
    for (let index = 0; index < list.length; index++) {
      const commune = list[index] as CommuneForecast;
      if (communeForecastProblem(commune, `forecast.communes[${index}]`)) return null;
      byKey.set(keyOf(commune.id, commune.level), commune);
    }
    const count = data.rows.length;
    const communes = data.keys.map((key) => byKey.get(key));
    const late: Array<Map<string, Late> | undefined> = new Array(count);
    const ranks = new Int8Array(count).fill(TIER_OUTLOOKS.length);
    communes.forEach((commune, index) => {
      if (!commune) return;
      ranks[index] = TIER_OUTLOOKS.indexOf(commune.outlook);
      for (const gap of commune.gaps) {
        if (gap.level !== commune.level || (gap.outlook !== 'off-track' && gap.outlook !== 'stalled'))
          continue;
        const marks = late[index] ?? new Map<string, Late>();
        late[index] = marks;
        if (marks.get(gap.criterion) !== 'off-track') marks.set(gap.criterion, gap.outlook);
      }
    });
    return { report, communes, late, ranks };
  } catch {
    return null;
  }
}

/** The kinds of the undecided criteria of one evaluation. Throws what a getter throws. */
function criterionKinds(evaluation: Evaluation): Record<string, Kind> {
  const kinds: Record<string, Kind> = {};
  for (const criterion of evaluation.criteria)
    if (criterion.status === 'incomplete') kinds[criterion.id] = kindOf('incomplete', criterion.undecided);
  return kinds;
}

/** The district and province all the communes share (names, never slugs), or only the province, or ''. */
function placeOf(list: Evaluation[]): string {
  const first = list[0]?.commune;
  let district = first?.district ?? null;
  let province = first?.provinceName ?? null;
  for (const { commune } of list) {
    if (commune.district !== district) district = null;
    if (commune.provinceName !== province) province = null;
    if (!district && !province) break;
  }
  return [district, province]
    .filter((name) => typeof name === 'string' && name)
    .map(plain)
    .join(', ');
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
    const kinds = rows.map((row) => kindOf(row.status, row.undecided));
    // Built on first read, per row: a windowed board reads the rows it draws (and those of the blockers).
    const cellKindsCache: Array<Record<string, Kind>> = [];
    const cellKinds = (index: number) => {
      let found = cellKindsCache[index];
      if (!found) {
        found = criterionKinds(list[index] as Evaluation);
        cellKindsCache[index] = found;
      }
      return found;
    };
    const ranked = summary.blockers.map((blocker): Blocker => {
      const causes = { 'missing-data': 0, 'unknown-target': 0, undecided: 0 };
      if (blocker.incomplete > 0) {
        rows.forEach((row, index) => {
          if (row.criteria[blocker.id] !== 'incomplete') return;
          const kind = cellKinds(index)[blocker.id] ?? 'undecided';
          causes[kind === 'both' ? 'missing-data' : (kind as keyof typeof causes)]++;
        });
      }
      // An undecided result that does not say why may be missing data: counted as actionable.
      return { ...blocker, causes, actionable: blocker.notMet + causes['missing-data'] + causes.undecided };
    });
    // Stable: among equals, core's order (most communes, then most not met).
    ranked.sort((a, b) => b.actionable - a.actionable);
    const actionable = ranked.filter((blocker) => blocker.actionable > 0);
    const cut = actionable[Math.min(BLOCKERS_HIGHLIGHTED, actionable.length) - 1]?.actionable ?? Infinity;
    const highlighted = new Set(actionable.filter((blocker) => blocker.actionable >= cut).map((b) => b.id));
    const blockers = ranked.slice(0, BLOCKERS_SHOWN);
    ready = {
      state: 'ready',
      summary,
      rows,
      kinds,
      cellKinds,
      blockers,
      place: placeOf(list),
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
