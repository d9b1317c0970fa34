// What every workload hands back to bench/run.ts: its report (any shape, written to the JSON results), the rows
// it contributes to the one printed table, and its targets with PASS/MISS.
import { median } from './harness.js';

export interface Skipped {
  workload: string;
  status: 'skipped';
  reason: string;
}

export interface Stat {
  medianMs: number;
  minMs: number;
}

export function statOf(values: readonly number[]): Stat {
  return { medianMs: median(values), minMs: Math.min(...values) };
}

/** One line of the summary table. */
export interface SummaryRow {
  workload: 'W1' | 'W2' | 'W3';
  measurement: string;
  /** What one run processes (communes, rows, elements), as printed. */
  size: string;
  medianMs: number | null;
  minMs: number | null;
  cpuMs: number | null;
  /** The ratio against the baseline measured in the same run, in words ("1.9× lit"), or a note. */
  versus: string;
}

/** A target of issue 6 and how the run did. */
export interface TargetRow {
  workload: 'W1' | 'W2' | 'W3';
  description: string;
  /** The measured value in words (median; fastest runs). */
  measured: string;
  /** Verdict from medians; null when it could not be judged (variant not run, size other than the target's). */
  pass: boolean | null;
  /** Verdict from the fastest runs (on a busy machine it can differ from the median's). */
  passFromMin: boolean | null;
}

/** Milliseconds, with one decimal under 100 ms. */
export function ms(value: number | null): string {
  if (value === null || !Number.isFinite(value)) return '—';
  return value.toLocaleString('en-US', {
    minimumFractionDigits: value < 100 ? 1 : 0,
    maximumFractionDigits: value < 100 ? 1 : 0,
  });
}

/** `a` as a multiple of `b` ("2.4×"), or "—". */
export function times(a: number | null | undefined, b: number | null | undefined): string {
  if (a == null || b == null || b <= 0) return '—';
  const r = a / b;
  return `${r.toFixed(r < 10 ? 2 : 1)}×`;
}

/** The verdict as printed. */
export function verdict(pass: boolean | null): string {
  return pass === null ? 'n/a' : pass ? 'PASS' : 'MISS';
}
