/**
 * `<ntm-scorecard src>`: fetches the data, then shows a precomputed result as is or evaluates a commune with
 * core. Loaded on demand by dynamic `import()`, like core itself: a portal that passes `result` downloads
 * neither.
 */
import type { Evaluation } from '@nongthonmoi/core';
import type { Messages } from './i18n.js';

export interface SrcRequest {
  src: string;
  level: string | null;
  asOf?: string | undefined;
  region?: string | undefined;
  province?: string | undefined;
  requireVerified?: boolean | undefined;
}

export interface SrcFailure {
  code: string;
  message: string;
  issues: string[];
}

export type SrcOutcome = { ok: true; evaluation: Evaluation } | { ok: false; error: SrcFailure } | null;

function fail(code: string, message: string, issues: string[] = []): SrcOutcome {
  return { ok: false, error: { code, message, issues } };
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
  messages: Messages,
  signal: AbortSignal,
  onEvaluate: () => void,
  check: (value: unknown) => string | null,
): Promise<SrcOutcome> {
  const { src } = request;
  const errors = messages.errors;
  let url: URL;
  try {
    url = new URL(src, document.baseURI);
  } catch {
    return fail('bad-url', errors.badUrl(src));
  }
  if (!['http:', 'https:', 'data:', 'blob:', 'file:'].includes(url.protocol)) {
    return fail('bad-url', errors.badUrl(src));
  }
  let response: Response;
  try {
    response = await fetch(url.href, { signal, credentials: 'same-origin' });
  } catch {
    return signal.aborted ? null : fail('network', errors.network(src));
  }
  if (signal.aborted) return null;
  if (!response.ok) return fail('http', errors.http(response.status, src));
  let data: unknown;
  try {
    data = JSON.parse(await response.text());
  } catch {
    return signal.aborted ? null : fail('bad-json', errors.badJson(src));
  }
  if (signal.aborted) return null;
  if (looksLikeEvaluation(data)) {
    // A precomputed result: shown as is, core is not needed.
    const problem = check(data);
    return problem
      ? fail('malformed-result', errors.malformed, [problem])
      : { ok: true, evaluation: data as Evaluation };
  }
  if (!request.level) return fail('no-level', errors.noLevel);
  onEvaluate();
  let core: typeof import('./load-core.js');
  try {
    core = await import('./load-core.js');
  } catch (error) {
    return signal.aborted ? null : fail('load-core', errors.loadCore, [String(error)]);
  }
  if (signal.aborted) return null;
  const outcome = core.evaluateCommune(data, { ...request, level: request.level });
  if (outcome.ok) return outcome;
  const { error } = outcome;
  return fail(
    error.code,
    error.code === 'invalid-commune' ? errors.invalidCommune : errors.evaluation,
    error.issues.length > 0 ? error.issues : [error.message],
  );
}
