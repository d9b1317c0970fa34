/**
 * Evaluation in the browser, for `<ntm-scorecard src="…">`. This module is loaded only by dynamic `import()`,
 * so a portal that passes precomputed results never downloads core's engine and bundled rules.
 */
import { type Evaluation, evaluate, NtmError } from '@nongthonmoi/core';

export interface EvaluateRequest {
  level: string;
  asOf?: string | undefined;
  region?: string | undefined;
  province?: string | undefined;
  requireVerified?: boolean | undefined;
}

/** A failure to evaluate, with core's error code and its details in both languages. */
export interface EvaluateFailure {
  code: string;
  message: string;
  /** What core refused (each field of a commune, or its message), in Vietnamese and English. */
  issues: Array<{ vi: string; en: string }>;
}

export type EvaluateOutcome = { ok: true; evaluation: Evaluation } | { ok: false; error: EvaluateFailure };

const text = (value: unknown): string => (typeof value === 'string' ? value : '');

/**
 * Core's details in both languages: each field a commune's data got wrong (`reason`, `reasonVi`), or the
 * message of another error (`localized`), or its English message when it has no other.
 */
function issuesOf(error: unknown): EvaluateFailure['issues'] {
  const issues = (error as { issues?: unknown }).issues;
  if (Array.isArray(issues) && issues.length > 0) {
    return issues.slice(0, 20).map((issue) => {
      if (issue && typeof issue === 'object') {
        const { field, reason, reasonVi } = issue as {
          field?: unknown;
          reason?: unknown;
          reasonVi?: unknown;
        };
        const where = text(field) ? `${text(field)}: ` : '';
        return { vi: where + (text(reasonVi) || text(reason)), en: where + text(reason) };
      }
      return { vi: String(issue), en: String(issue) };
    });
  }
  const localized = (error as { localized?: { vi?: unknown; en?: unknown } }).localized;
  if (localized && text(localized.vi))
    return [{ vi: text(localized.vi), en: text(localized.en) || text(localized.vi) }];
  const message = error instanceof Error ? error.message : String(error);
  return [{ vi: message, en: message }];
}

/** Evaluates `commune` with core; never throws. */
export function evaluateCommune(commune: unknown, request: EvaluateRequest): EvaluateOutcome {
  try {
    const options: Parameters<typeof evaluate>[1] = { level: request.level };
    if (request.asOf) options.asOf = request.asOf;
    if (request.region) options.region = request.region as NonNullable<typeof options.region>;
    if (request.province) options.province = request.province;
    if (request.requireVerified) options.requireVerified = true;
    return { ok: true, evaluation: evaluate(commune, options) };
  } catch (error) {
    return {
      ok: false,
      error: {
        code: error instanceof NtmError ? error.code : 'EVALUATION_FAILED',
        message: error instanceof Error ? error.message : String(error),
        issues: issuesOf(error),
      },
    };
  }
}
