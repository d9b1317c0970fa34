/** The elements' error states in words: the headline and the details, in the page's language. */
import { describeProblem, plain } from './format.js';
import type { Messages } from './i18n.js';
import type { SrcFailure } from './load-src.js';
import type { Problem } from './validate.js';

/** The error code of a result's problem (the `code` of `ntm-error`). */
export function problemCode(problem: Problem): string {
  return problem.limit ? 'too-large' : problem.unreadable ? 'unreadable-result' : 'malformed-result';
}

/** The headline and details of an error, in the page's language. */
export function errorLines(error: SrcFailure, m: Messages, list = false): [string, string[]] {
  const e = m.errors;
  const src = plain(error.src);
  const { problem } = error;
  const headline = problem
    ? problem.limit
      ? e.tooLarge
      : problem.unreadable
        ? e.unreadable
        : list
          ? e.malformedList
          : e.malformed
    : (
        {
          'bad-url': () => e.badUrl(src),
          network: () => e.network(src),
          http: () => e.http(error.status ?? 0, src),
          'bad-json': () => e.badJson(src),
          'no-level': () => e.noLevel,
          'load-core': () => e.loadCore,
          'invalid-commune': () => e.invalidCommune,
          render: () => e.render,
        }[error.code] ?? (() => e.evaluation)
      )();
  return [headline, problem ? [describeProblem(problem, m)] : error.issues.map(plain)];
}
