/**
 * Shape and size checks for evaluations handed to the elements (class instances from core or plain JSON). They
 * check only what rendering relies on, so a malformed, hostile or oversized result becomes a readable message
 * inside the element instead of an exception on the page or a frozen tab. They never judge a status: statuses
 * are core's. Problems are data (`Problem`), worded in the page's language when shown (i18n.ts).
 */

/**
 * Largest results the elements draw; beyond them the element shows its error state. Real data is far below:
 * 19 criteria and about 60 indicators per tier, 3 tiers, 10,000 communes in the largest historical file.
 */
export const LIMITS = {
  /** Criteria in one tier of a result. */
  criteria: 100,
  /** Indicators in one criterion. */
  indicators: 200,
  /** Indicators in a result, its prerequisite tiers and its recognition conditions together. */
  resultIndicators: 2000,
  /** Tiers in a result: itself, its prerequisites (nested) and its recognition conditions. */
  tiers: 8,
  /** Evaluations on one `<ntm-district-board>` (and in its `previous`). */
  communes: 20_000,
} as const;

export const TIER = ['met', 'not-met', 'incomplete'];
const INDICATOR = [...TIER.slice(0, 2), 'missing', 'not-applicable', 'not-evaluable'];

export type Check = 'string' | 'number' | 'object' | 'array' | 'text' | string[];

/** What is wrong where: a wrong type, more items than a limit allows, or a value that threw when read. */
export interface Problem {
  /** Where, from the property: `result.criteria[3].status`. */
  path: string;
  expected?: Check;
  /** A limit of `LIMITS` exceeded: how many there are, and the limit. */
  count?: number;
  limit?: number;
  /** Reading the value threw (a getter or a Proxy). */
  unreadable?: boolean;
}

export function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function fits(value: unknown, check: Check): boolean {
  if (Array.isArray(check)) return check.includes(value as string);
  if (check === 'object') return isObject(value);
  if (check === 'array') return Array.isArray(value);
  if (check === 'text')
    return typeof value === 'string' || (isObject(value) && typeof (value.vi ?? value.en) === 'string');
  return typeof value === check;
}

const keysOf = new Map<string, string[]>();

/** The first of `checks` (`[path, check]`, path relative to `value`) that fails. Throws what a getter throws. */
export function firstProblem(value: unknown, at: string, checks: Array<[string, Check]>): Problem | null {
  if (!isObject(value)) return { path: at, expected: 'object' };
  for (const [path, check] of checks) {
    let keys = keysOf.get(path);
    if (!keys) {
      keys = path.split('.');
      keysOf.set(path, keys);
    }
    let item: unknown = value;
    for (const key of keys) item = isObject(item) ? item[key] : undefined;
    if (!fits(item, check)) return { path: `${at}.${path}`, expected: check };
  }
  return null;
}

/** `count` items where `limit` are allowed. */
export function tooMany(path: string, count: number, limit: number): Problem | null {
  return count > limit ? { path, count, limit } : null;
}

/**
 * Runs a check that reads untrusted objects: a getter or a Proxy trap that throws becomes a problem at `path`
 * instead of an exception.
 */
export function guarded(path: string, check: () => Problem | null): Problem | null {
  try {
    return check();
  } catch {
    return { path, unreadable: true };
  }
}

export const EVALUATION: Array<[string, Check]> = [
  ['commune.name', 'string'],
  ['status', TIER],
  ['level', 'string'],
  ['ruleset', 'object'],
  ['counts.criteriaMet', 'number'],
  ['counts.criteriaTotal', 'number'],
];

/** Counts shared by the tiers of one result, against `LIMITS.tiers` and `LIMITS.resultIndicators`. */
interface Budget {
  tiers: number;
  indicators: number;
}

function tierProblem(value: unknown, at: string, budget: Budget): Problem | null {
  const problem = firstProblem(value, at, EVALUATION);
  if (problem) return problem;
  if (++budget.tiers > LIMITS.tiers) return { path: at, count: budget.tiers, limit: LIMITS.tiers };
  const evaluation = value as Record<string, unknown>;
  const criteria = evaluation.criteria;
  if (!Array.isArray(criteria)) return { path: `${at}.criteria`, expected: 'array' };
  const prerequisites = evaluation.prerequisites ?? [];
  if (!Array.isArray(prerequisites)) return { path: `${at}.prerequisites`, expected: 'array' };
  const size = tooMany(`${at}.criteria`, criteria.length, LIMITS.criteria);
  if (size) return size;
  for (let c = 0; c < criteria.length; c++) {
    const path = `${at}.criteria[${c}]`;
    const criterion = criteria[c];
    const found = firstProblem(criterion, path, [
      ['id', 'string'],
      ['name', 'text'],
      ['status', TIER],
      ['indicators', 'array'],
    ]);
    if (found) return found;
    const indicators = criterion.indicators as unknown[];
    budget.indicators += indicators.length;
    const many =
      tooMany(`${path}.indicators`, indicators.length, LIMITS.indicators) ??
      tooMany(at, budget.indicators, LIMITS.resultIndicators);
    if (many) return many;
    for (let i = 0; i < indicators.length; i++) {
      const inner = firstProblem(indicators[i], `${path}.indicators[${i}]`, [
        ['id', 'string'],
        ['name', 'text'],
        ['status', INDICATOR],
      ]);
      if (inner) return inner;
    }
  }
  for (let p = 0; p < prerequisites.length; p++) {
    const found = tierProblem(prerequisites[p], `${at}.prerequisites[${p}]`, budget);
    if (found) return found;
  }
  return evaluation.recognition ? tierProblem(evaluation.recognition, `${at}.recognition`, budget) : null;
}

/**
 * The first problem found in `value` as an evaluation (shape, sizes, values that throw when read), or null.
 * Never throws.
 */
export function evaluationProblem(value: unknown, at = 'result'): Problem | null {
  return guarded(at, () => tierProblem(value, at, { tiers: 0, indicators: 0 }));
}
