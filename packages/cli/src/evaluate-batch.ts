/**
 * The work on one batch of communes, the same in the main thread and in a worker (evaluate-worker.ts):
 * evaluate them, and write the good ones in the output's format. The text is built where the evaluation is,
 * so that only text and the row errors travel between threads; the bytes are the same whichever thread
 * wrote them.
 */
import {
  type BatchError,
  type Commune,
  type EvaluateOptions,
  type Evaluation,
  evaluateMany,
} from '@nongthonmoi/core';
import { type ResultsCsvLayout, resultsCsvRows } from './io/write-csv.js';
import { type Explain, jsonLines, jsonReportItems } from './io/write-json.js';

/** The output a batch is written for. */
export type BatchOutput =
  | { format: 'csv'; layout: ResultsCsvLayout }
  | { format: 'json' | 'jsonl'; explain: Explain };

/** What every batch of one run shares: the engine's options and the output (plain data: sent to workers). */
export interface BatchSetup {
  engine: EvaluateOptions;
  output: BatchOutput;
}

export interface BatchInput {
  communes: Commune[];
  /** The row of each commune. */
  rows: number[];
}

export interface BatchResult {
  /** The evaluated communes written in the output's format (for `json`, items to join with the others). */
  text: string;
  /** The rows evaluated, in order. */
  evaluated: number[];
  /** The communes that could not be evaluated (`index` into the batch). */
  errors: BatchError[];
}

export function evaluateBatch(setup: BatchSetup, input: BatchInput): BatchResult {
  const batch = evaluateMany(input.communes, setup.engine);
  const failed = new Set(batch.errors.map((error) => error.index));
  const evaluated: number[] = [];
  for (let i = 0; i < input.rows.length; i++) if (!failed.has(i)) evaluated.push(input.rows[i] as number);
  const evaluations: Evaluation[] = batch.results;
  const output = setup.output;
  const text =
    output.format === 'csv'
      ? resultsCsvRows(output.layout, evaluations, evaluated)
      : output.format === 'jsonl'
        ? jsonLines(evaluations, evaluated, output.explain)
        : jsonReportItems(evaluations, evaluated, output.explain);
  return { text, evaluated, errors: batch.errors };
}
