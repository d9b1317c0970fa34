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

/** A failure to evaluate, with core's error code and issues when core refused the data. */
export interface EvaluateFailure {
  code: string;
  message: string;
  issues: string[];
}

export type EvaluateOutcome = { ok: true; evaluation: Evaluation } | { ok: false; error: EvaluateFailure };

function issuesOf(error: unknown): string[] {
  const issues = (error as { issues?: unknown }).issues;
  if (!Array.isArray(issues)) return [];
  return issues.slice(0, 20).map((issue) => {
    if (issue && typeof issue === 'object') {
      const { field, reason } = issue as { field?: unknown; reason?: unknown };
      const where = typeof field === 'string' ? field : '';
      const what = typeof reason === 'string' ? reason : '';
      return where ? `${where}: ${what}` : what;
    }
    return String(issue);
  });
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
