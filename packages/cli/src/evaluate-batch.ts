/**
 * The work on one batch of rows, the same in the main thread and in a worker (evaluate-worker.ts): convert
 * their cells (the costliest part of reading: numbers, percentages, yes/no words), evaluate the communes, and
 * write the good ones in the output's format. The text is built where the evaluation is, so that only rows,
 * text and problems travel between threads; the bytes are the same whichever thread wrote them.
 */
import {
  type BatchError,
  type Commune,
  type EvaluateOptions,
  type Evaluation,
  evaluateMany,
} from '@nongthonmoi/core';
import type { Lang } from './i18n.js';
import { addPercentSpreads, type PercentSpreads } from './io/cells.js';
import { type Column, type Dictionary, dictionaryFor } from './io/columns.js';
import { convertRows, type PendingRow } from './io/rows.js';
import type { RowProblem } from './io/types.js';
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
  /** The file the rows come from, for their problems. */
  read: { file: string; unit: 'row' | 'item'; lang: Lang };
  /** The percent measures of the file's columns: their spreads are gathered for the fraction warnings. */
  percentKeys: string[];
}

export interface BatchInput {
  /** Communes already built (from JSON), in file order. */
  communes: Commune[];
  /** The row of each commune. */
  rows: number[];
  /** Rows still to convert (from CSV or Excel), in file order, and the columns they are read with. */
  pending: PendingRow[];
  columns: readonly Column[];
}

export interface BatchResult {
  /** The evaluated communes written in the output's format (for `json`, items to join with the others). */
  text: string;
  /** The rows evaluated, in order. */
  evaluated: number[];
  /** The rows handed to the engine, in order (`errors` point into it). */
  attempted: number[];
  /** The communes the engine could not evaluate (`index` into `attempted`). */
  errors: BatchError[];
  /** The problems of the rows that could not be converted. */
  problems: RowProblem[];
  /** The spread of the batch's percent values (see `percentFractionWarnings`). */
  spreads: PercentSpreads;
}

const dictionaries = new WeakMap<BatchSetup, Dictionary>();

export function evaluateBatch(setup: BatchSetup, input: BatchInput): BatchResult {
  let communes = input.communes;
  let attempted = input.rows;
  const problems: RowProblem[] = [];
  if (input.pending.length > 0) {
    let dictionary = dictionaries.get(setup);
    if (!dictionary) {
      dictionary = dictionaryFor(setup.engine.rulesets ?? []);
      dictionaries.set(setup, dictionary);
    }
    const converted = convertRows(input.pending, input.columns, { ...setup.read, dictionary, problems });
    communes = [...communes, ...converted.map((item) => item.commune)];
    attempted = [...attempted, ...converted.map((item) => item.row)];
  }
  const spreads = addPercentSpreads(
    {},
    setup.percentKeys,
    communes.map((commune, i) => ({ row: attempted[i] as number, commune })),
  );
  const batch = evaluateMany(communes, setup.engine);
  const failed = new Set(batch.errors.map((error) => error.index));
  const evaluated: number[] = [];
  for (let i = 0; i < attempted.length; i++) if (!failed.has(i)) evaluated.push(attempted[i] as number);
  const evaluations: Evaluation[] = batch.results;
  const output = setup.output;
  const text =
    output.format === 'csv'
      ? resultsCsvRows(output.layout, evaluations, evaluated)
      : output.format === 'jsonl'
        ? jsonLines(evaluations, evaluated, output.explain)
        : jsonReportItems(evaluations, evaluated, output.explain);
  return { text, evaluated, attempted, errors: batch.errors, problems, spreads };
}
