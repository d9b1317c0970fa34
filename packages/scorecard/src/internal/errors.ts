/** The elements' error states in words: the headline and the details, in the page's language. */
import { describeProblem, plain } from './format.js';
import type { Messages } from './i18n.js';
import type { SrcFailure } from './load-src.js';
import type { Problem } from './validate.js';

/** The error code of a result's problem (the `code` of `ntm-error`). */
export function problemCode(problem: Problem): string {
  return problem.limit ? 'too-large' : problem.unreadable ? 'unreadable-result' : 'malformed-result';
}

/** The message of each error code without a problem (`evaluation`: any other code, e.g. core's). */
const HEADLINES: Record<string, keyof Messages['errors']> = {
  'bad-url': 'badUrl',
  network: 'network',
  http: 'http',
  'bad-json': 'badJson',
  'no-level': 'noLevel',
  'load-core': 'loadCore',
  'invalid-commune': 'invalidCommune',
  render: 'render',
};

/** The headline and details of an error, in the page's language. */
export function errorLines(error: SrcFailure, m: Messages, list = false): [string, string[]] {
  const e = m.errors;
  const { problem } = error;
  const message = e[HEADLINES[error.code] ?? 'evaluation'];
  const headline = problem
    ? problem.limit
      ? e.tooLarge
      : problem.unreadable
        ? e.unreadable
        : list
          ? e.malformedList
          : e.malformed
    : typeof message === 'function'
      ? message(plain(error.src), error.status ?? 0)
      : message;
  return [headline, problem ? [describeProblem(problem, m)] : error.issues.map(plain)];
}
