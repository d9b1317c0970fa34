/**
 * `<ntm-scorecard src>`: fetches the data, then shows a precomputed result as is or evaluates a commune with
 * core. Loaded on demand by dynamic `import()`, like core itself: a portal that passes `result` downloads
 * neither.
 */
import type { Evaluation } from '@nongthonmoi/core';
import type { Problem } from './validate.js';

export interface SrcRequest {
  src: string;
  level: string | null;
  asOf?: string | undefined;
  region?: string | undefined;
  province?: string | undefined;
  requireVerified?: boolean | undefined;
}

/** A failure, as data: the element words it in the page's language when it draws it (and again on a change of `lang`). */
export interface SrcFailure {
  code: string;
  /** Details as given by core (its own words), or the exception of a failed import. */
  issues: string[];
  src?: string;
  /** HTTP status, for `http`. */
  status?: number;
  /** What is wrong with a precomputed result. */
  problem?: Problem;
}

export type SrcOutcome = { ok: true; evaluation: Evaluation } | { ok: false; error: SrcFailure } | null;

function fail(
  code: string,
  detail: Omit<SrcFailure, 'code' | 'issues'> & { issues?: string[] } = {},
): SrcOutcome {
  return { ok: false, error: { code, issues: [], ...detail } };
}

function looksLikeEvaluation(value: unknown): boolean {
  return (
    typeof value === 'object' &&
    value !== null &&
    'counts' in value &&
    'criteria' in value &&
    'status' in value &&
    'ruleset' in value
  );
}

/**
 * Loads `request.src` and evaluates it. Never throws; resolves to null when `signal` was aborted (a newer
 * request replaced this one). `onEvaluate` is called before core is loaded; `check` is the shape check of
 * a precomputed result (passed in, so that this chunk does not share a module with the element's).
 */
export async function loadSrc(
  request: SrcRequest,
  signal: AbortSignal,
  onEvaluate: () => void,
  check: (value: unknown) => Problem | null,
  code: (problem: Problem) => string,
): Promise<SrcOutcome> {
  const { src } = request;
  let url: URL;
  try {
    url = new URL(src, document.baseURI);
  } catch {
    return fail('bad-url', { src });
  }
  if (!['http:', 'https:', 'data:', 'blob:', 'file:'].includes(url.protocol)) {
    return fail('bad-url', { src });
  }
  let response: Response;
  try {
    response = await fetch(url.href, { signal, credentials: 'same-origin' });
  } catch {
    return signal.aborted ? null : fail('network', { src });
  }
  if (signal.aborted) return null;
  if (!response.ok) return fail('http', { src, status: response.status });
  let data: unknown;
  try {
    data = JSON.parse(await response.text());
  } catch {
    return signal.aborted ? null : fail('bad-json', { src });
  }
  if (signal.aborted) return null;
  if (looksLikeEvaluation(data)) {
    // A precomputed result: shown as is, core is not needed.
    const problem = check(data);
    return problem ? fail(code(problem), { problem }) : { ok: true, evaluation: data as Evaluation };
  }
  if (!request.level) return fail('no-level');
  onEvaluate();
  let core: typeof import('./load-core.js');
  try {
    core = await import('./load-core.js');
  } catch (error) {
    return signal.aborted ? null : fail('load-core', { issues: [String(error)] });
  }
  if (signal.aborted) return null;
  const outcome = core.evaluateCommune(data, { ...request, level: request.level });
  if (outcome.ok) return outcome;
  const { error } = outcome;
  return fail(error.code, { issues: error.issues.length > 0 ? error.issues : [error.message] });
}
