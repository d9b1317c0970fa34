/** JSON output of `ntm evaluate --format json`: the full evaluations, and the rows that could not be evaluated. */
import type { Evaluation } from '@nongthonmoi/core';
import type { RowProblem } from './types.js';

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

/**
 * The report as a sequence of text chunks, one evaluation at a time: 10 000 full evaluations do not fit in
 * one JavaScript string, so the report is streamed.
 */
export function* jsonReportChunks(input: Parameters<typeof toJsonReport>[0]): Generator<string> {
  const badRows = new Set(input.problems.map((problem) => `${problem.file}:${problem.row}`));
  const head = {
    level: input.level,
    asOf: input.asOf,
    file: input.file,
    counts: { rows: input.rows, evaluated: input.evaluations.length, rowsWithProblems: badRows.size },
  };
  const opening = JSON.stringify(head, null, 2);
  yield `${opening.slice(0, -2)},\n  "evaluations": [`;
  for (let i = 0; i < input.evaluations.length; i++) {
    const evaluation = input.evaluations[i] as Evaluation;
    const json = (
      typeof (evaluation as { toJSON?: () => Evaluation }).toJSON === 'function'
        ? (evaluation as unknown as { toJSON: () => Evaluation }).toJSON()
        : evaluation
    ) as Evaluation;
    yield `${i === 0 ? '\n' : ',\n'}    ${JSON.stringify({ row: input.evaluationRows[i], ...json })}`;
  }
  yield `${input.evaluations.length > 0 ? '\n  ' : ''}],\n  "problems": ${JSON.stringify(input.problems, null, 2).replace(/\n/g, '\n  ')}\n}\n`;
}

export function writeJson(value: unknown): string {
  return `${JSON.stringify(value, null, 2)}\n`;
}
