/**
 * Shape checks for evaluations handed to the elements (class instances from core or plain JSON). They check
 * only what rendering relies on, so a malformed result becomes a readable message inside the element instead
 * of an exception on the page. They never judge a status: statuses are core's.
 */

export const TIER = ['met', 'not-met', 'incomplete'];
const INDICATOR = [...TIER.slice(0, 2), 'missing', 'not-applicable', 'not-evaluable'];

export type Check = 'string' | 'number' | 'object' | 'array' | 'text' | string[];

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

/** The first of `checks` (`[path, check]`, path relative to `value`) that fails, as `path: expected …`. */
export function firstProblem(value: unknown, at: string, checks: Array<[string, Check]>): string | null {
  if (!isObject(value)) return `${at}: expected an object`;
  for (const [path, check] of checks) {
    let item: unknown = value;
    for (const key of path.split('.')) item = isObject(item) ? item[key] : undefined;
    if (!fits(item, check)) {
      return `${at}.${path}: expected ${Array.isArray(check) ? `one of ${check.join(', ')}` : `a ${check}`}`;
    }
  }
  return null;
}

export const EVALUATION: Array<[string, Check]> = [
  ['commune.name', 'string'],
  ['status', TIER],
  ['level', 'string'],
  ['ruleset', 'object'],
  ['counts.criteriaMet', 'number'],
  ['counts.criteriaTotal', 'number'],
];

/** The first problem found in `value` as an evaluation, as `path: what was expected`, or null. */
export function evaluationProblem(value: unknown, at = 'result', depth = 0): string | null {
  const problem = firstProblem(value, at, EVALUATION);
  if (problem) return problem;
  const evaluation = value as Record<string, unknown>;
  let criteria: unknown;
  try {
    criteria = evaluation.criteria;
  } catch {
    criteria = null;
  }
  if (!Array.isArray(criteria)) return `${at}.criteria: expected an array`;
  const prerequisites = evaluation.prerequisites ?? [];
  if (!Array.isArray(prerequisites)) return `${at}.prerequisites: expected an array`;
  for (const [c, criterion] of criteria.entries()) {
    const path = `${at}.criteria[${c}]`;
    const found = firstProblem(criterion, path, [
      ['id', 'string'],
      ['name', 'text'],
      ['status', TIER],
      ['indicators', 'array'],
    ]);
    if (found) return found;
    for (const [i, indicator] of (criterion.indicators as unknown[]).entries()) {
      const inner = firstProblem(indicator, `${path}.indicators[${i}]`, [
        ['id', 'string'],
        ['name', 'text'],
        ['status', INDICATOR],
      ]);
      if (inner) return inner;
    }
  }
  if (depth > 8) return null;
  for (const [p, tier] of prerequisites.entries()) {
    const found = evaluationProblem(tier, `${at}.prerequisites[${p}]`, depth + 1);
    if (found) return found;
  }
  return evaluation.recognition
    ? evaluationProblem(evaluation.recognition, `${at}.recognition`, depth + 1)
    : null;
}
