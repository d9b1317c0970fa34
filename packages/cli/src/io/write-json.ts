/**
 * JSON output of `ntm evaluate`: `--format json`, a report of the evaluations (compact by default, full with
 * `--explain full`) and the rows that could not be evaluated; `--format jsonl`, one evaluation per line. Both
 * are written as the communes are evaluated.
 */
import { compactEvaluation, type Evaluation } from '@nongthonmoi/core';
import type { RowProblem } from './types.js';

/** How much of each evaluation is written: the compact form (see @nongthonmoi/core's schema) or all of it. */
export type Explain = 'compact' | 'full';

/** One evaluation as one line of JSON, with the row it came from first. */
export function evaluationJson(evaluation: Evaluation, row: number, explain: Explain): string {
  const data =
    explain === 'compact'
      ? compactEvaluation(evaluation)
      : typeof evaluation.toJSON === 'function'
        ? evaluation.toJSON()
        : evaluation;
  return JSON.stringify({ row, ...data });
}

/** The items of a batch of the report's `evaluations` list (to be joined to the others with `,\n    `). */
export function jsonReportItems(
  evaluations: readonly Evaluation[],
  rows: readonly number[],
  explain: Explain,
): string {
  return evaluations
    .map((evaluation, i) => evaluationJson(evaluation, rows[i] as number, explain))
    .join(',\n    ');
}

/** JSON lines: one evaluation a line. */
export function jsonLines(
  evaluations: readonly Evaluation[],
  rows: readonly number[],
  explain: Explain,
): string {
  let text = '';
  for (let i = 0; i < evaluations.length; i++)
    text += `${evaluationJson(evaluations[i] as Evaluation, rows[i] as number, explain)}\n`;
  return text;
}

/** What the report says before its evaluations (they follow, then {@link jsonReportEnd}). */
export function jsonReportStart(head: {
  level: string;
  asOf: string;
  file: string;
  explain: Explain;
}): string {
  const opening = JSON.stringify(head, null, 2);
  return `${opening.slice(0, -2)},\n  "evaluations": [`;
}

/** Between two items of the evaluations list (before the first: `first`). */
export function jsonReportSeparator(first: boolean): string {
  return first ? '\n    ' : ',\n    ';
}

/** The end of the report: the counts and the problems, known once every row is read. */
export function jsonReportEnd(input: {
  rows: number;
  evaluated: number;
  problems: readonly RowProblem[];
}): string {
  const badRows = new Set(input.problems.map((problem) => `${problem.file}:${problem.row}`));
  const counts = { rows: input.rows, evaluated: input.evaluated, rowsWithProblems: badRows.size };
  return `${input.evaluated > 0 ? '\n  ' : ''}],\n  "counts": ${JSON.stringify(counts)},\n  "problems": ${JSON.stringify(input.problems, null, 2).replace(/\n/g, '\n  ')}\n}\n`;
}

export interface JsonReport {
  level: string;
  asOf: string;
  file: string;
  /** Rows evaluated / rows with problems. */
  counts: { rows: number; evaluated: number; rowsWithProblems: number };
  /** Each evaluation with the row it came from. */
  evaluations: Array<{ row: number } & Evaluation>;
  problems: RowProblem[];
}

export function toJsonReport(input: {
  level: string;
  asOf: string;
  file: string;
  rows: number;
  evaluations: readonly Evaluation[];
  evaluationRows: readonly number[];
  problems: readonly RowProblem[];
}): JsonReport {
  const badRows = new Set(input.problems.map((problem) => `${problem.file}:${problem.row}`));
  return {
    level: input.level,
    asOf: input.asOf,
    file: input.file,
    counts: { rows: input.rows, evaluated: input.evaluations.length, rowsWithProblems: badRows.size },
    evaluations: input.evaluations.map((evaluation, index) => {
      const json = (
        typeof (evaluation as { toJSON?: () => Evaluation }).toJSON === 'function'
          ? (evaluation as unknown as { toJSON: () => Evaluation }).toJSON()
          : evaluation
      ) as Evaluation;
      return { row: input.evaluationRows[index] as number, ...json };
    }),
    problems: [...input.problems],
  };
}

export function writeJson(value: unknown): string {
  return `${JSON.stringify(value, null, 2)}\n`;
}
