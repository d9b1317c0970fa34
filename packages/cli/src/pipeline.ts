/**
 * Read a data file, evaluate every good row, and keep every problem with the row it came from.
 * This is what the commands (and the examples, through the programmatic API) run.
 */
import {
  type BatchError,
  type Evaluation,
  evaluateMany,
  type Region,
  type RulesetInput,
} from '@nongthonmoi/core';
import { type Dictionary, dictionaryFor } from './io/columns.js';
import { type ReadOptions, readCommunes } from './io/read.js';
import type { ReadResult, RowProblem } from './io/types.js';
import { tr } from './messages.js';

export interface EvaluateFileOptions extends ReadOptions {
  level: string;
  /** Assessment date, YYYY-MM-DD (default: today). */
  asOf?: string;
  /** Region for rows that carry none. */
  region?: Region;
  /** Province for rows that carry none (selects its overlay). */
  province?: string;
  requireVerified?: boolean;
  recognition?: boolean;
  /** Extra rulesets (province overlays, amendments), as parsed JSON or `{ file, ruleset }`. */
  rulesets?: RulesetInput[];
  /** Called after each chunk of the batch: for a progress bar. */
  onProgress?: (done: number, total: number) => void;
}

export interface FileEvaluation {
  read: ReadResult;
  /** One per good row, in file order. */
  evaluations: Evaluation[];
  /** The row of each evaluation (same order). */
  rows: number[];
  /** Problems found reading the file and evaluating its rows, by row. */
  problems: RowProblem[];
  /** The assessment date used. */
  asOf: string;
}

/** Today on this machine's calendar, YYYY-MM-DD. */
export function today(): string {
  const now = new Date();
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

const CHUNK = 250;

function columnFor(read: ReadResult, field: string, options: EvaluateFileOptions): string {
  if (read.format === 'json') return field;
  const key = field.startsWith('values.') ? field.slice('values.'.length) : null;
  for (const column of read.columns) {
    const target = column.target;
    if (key !== null && target.kind === 'measure' && target.key === key) return column.header;
    if (key === null && target.kind === 'field' && target.field === field) return column.header;
  }
  // A region coming from the province column, or a field with no column of its own.
  if (field === 'region') {
    const province = read.columns.find((c) => c.target.kind === 'field' && c.target.field === 'province');
    if (province) return province.header;
  }
  return field || tr(options.lang ?? 'vi', 'column.commune');
}

function engineProblems(
  read: ReadResult,
  error: BatchError,
  row: number,
  options: EvaluateFileOptions,
): RowProblem[] {
  return error.issues.map((issue) => ({
    file: read.file,
    row,
    column: columnFor(read, issue.field, options),
    value:
      issue.value === null || issue.value === undefined
        ? ''
        : typeof issue.value === 'string'
          ? issue.value
          : JSON.stringify(issue.value),
    reason: issue.reason,
    ...(issue.reasonVi ? { reasonVi: issue.reasonVi } : {}),
    communeId: issue.communeId ?? error.communeId,
  }));
}

/**
 * Evaluates the communes of an already read file, one chunk per step (so that a caller can let the event loop
 * run between chunks: Ctrl-C is then handled at once, not after the whole batch).
 */
function* evaluationSteps(read: ReadResult, options: EvaluateFileOptions): Generator<void, FileEvaluation> {
  const asOf = options.asOf ?? today();
  const engineOptions = {
    level: options.level,
    asOf,
    ...(options.region ? { region: options.region } : {}),
    ...(options.province ? { province: options.province } : {}),
    ...(options.requireVerified ? { requireVerified: true } : {}),
    ...(options.recognition ? { recognition: true } : {}),
    ...(options.rulesets && options.rulesets.length > 0 ? { rulesets: options.rulesets } : {}),
  };
  const evaluations: Evaluation[] = [];
  const rows: number[] = [];
  const problems: RowProblem[] = [...read.problems];
  const total = read.communes.length;
  if (total === 0) {
    // Still check the options (unknown level, no edition in force) so that mistakes are not silent.
    evaluateMany([], engineOptions);
  }
  for (let start = 0; start < total; start += CHUNK) {
    const slice = read.communes.slice(start, start + CHUNK);
    const batch = evaluateMany(
      slice.map((item) => item.commune),
      engineOptions,
    );
    const failed = new Map<number, BatchError>(batch.errors.map((error) => [error.index, error]));
    let next = 0;
    slice.forEach((item, index) => {
      const error = failed.get(index);
      if (error) problems.push(...engineProblems(read, error, item.row, options));
      else {
        evaluations.push(batch.results[next++] as Evaluation);
        rows.push(item.row);
      }
    });
    options.onProgress?.(Math.min(start + CHUNK, total), total);
    yield;
  }
  problems.sort((a, b) => (a.row ?? 0) - (b.row ?? 0));
  return { read, evaluations, rows, problems, asOf };
}

/** Evaluates the communes of an already read file. Throws core's OptionsError/EditionNotFoundError. */
export function evaluateRead(read: ReadResult, options: EvaluateFileOptions): FileEvaluation {
  const steps = evaluationSteps(read, options);
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

/** Reads `file` (CSV, Excel or JSON) and evaluates every good row, letting the event loop run between chunks. */
export async function evaluateFile(file: string, options: EvaluateFileOptions): Promise<FileEvaluation> {
  const dictionary: Dictionary = dictionaryFor(options.rulesets ?? []);
  const read = await readCommunes(file, dictionary, options);
  const steps = evaluationSteps(read, options);
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
    await new Promise((resolve) => setImmediate(resolve));
  }
}
