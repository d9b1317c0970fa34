/**
 * Read a data file, evaluate every good row, and keep every problem with the row it came from.
 * This is what the commands (and the examples, through the programmatic API) run.
 *
 * `evaluateFile` holds every evaluation (the review formats need them all); `openEvaluation` reads, evaluates
 * and hands back the written results a batch at a time, in memory that does not grow with the file, on worker
 * threads when asked (`jobs`).
 */
import {
  type BatchError,
  type EvaluateOptions,
  type Evaluation,
  evaluateMany,
  type Region,
  type RulesetInput,
} from '@nongthonmoi/core';
import type { BatchResult, BatchSetup } from './evaluate-batch.js';
import { mergePercentSpreads, type PercentSpreads, percentColumns, spreadWarnings } from './io/cells.js';
import { type Column, type Dictionary, dictionaryFor } from './io/columns.js';
import { openCommunes, type ReadOptions, readCommunes } from './io/read.js';
import type { CommuneSource } from './io/source.js';
import type { InputFormat, ReadResult, RowProblem } from './io/types.js';
import { type ResultsCsvLayout, resultsCsvLayout } from './io/write-csv.js';
import type { Explain } from './io/write-json.js';
import { defaultJobs, type Evaluator, InlineEvaluator, WorkerPool } from './jobs.js';
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

/** What naming a problem's column needs to know of the file. */
type FileColumns = Pick<ReadResult, 'file' | 'format' | 'columns'>;

function columnFor(read: FileColumns, field: string, options: EvaluateFileOptions): string {
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
  read: FileColumns,
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
function engineOptionsOf(options: EvaluateFileOptions, asOf: string): EvaluateOptions {
  return {
    level: options.level,
    asOf,
    ...(options.region ? { region: options.region } : {}),
    ...(options.province ? { province: options.province } : {}),
    ...(options.requireVerified ? { requireVerified: true } : {}),
    ...(options.recognition ? { recognition: true } : {}),
    ...(options.rulesets && options.rulesets.length > 0 ? { rulesets: options.rulesets } : {}),
  };
}

function* evaluationSteps(read: ReadResult, options: EvaluateFileOptions): Generator<void, FileEvaluation> {
  const asOf = options.asOf ?? today();
  const engineOptions = engineOptionsOf(options, asOf);
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

export interface EvaluationStreamOptions extends EvaluateFileOptions {
  /** The format the results are written in, as each batch is evaluated. */
  output: 'csv' | 'json' | 'jsonl';
  /** For json and jsonl: compact evaluations (default) or full ones. */
  explain?: Explain;
  /**
   * Worker threads to evaluate on (1: none, the main thread). Default: the machine's processors for a file of
   * {@link PARALLEL_FROM_BYTES} or more, none for a smaller one (starting threads costs more than it saves).
   */
  jobs?: number;
}

/** Files from this size on are evaluated on worker threads by default. */
export const PARALLEL_FROM_BYTES = 1024 * 1024;

/** One evaluated batch, in file order. */
export interface EvaluatedBatch {
  /** The batch's results, written in the output's format (for json: items of the evaluations list). */
  text: string;
  /** Communes in the text. */
  evaluated: number;
}

export interface EvaluationStream {
  /** The file being read (its columns, rows read so far, and so on). */
  readonly source: CommuneSource;
  readonly asOf: string;
  /** The results CSV's columns (for its header), when the output is CSV. */
  readonly csvLayout: ResultsCsvLayout | null;
  /** The worker threads evaluating (0: the main thread). */
  readonly threads: number;
  /** Communes evaluated so far. */
  readonly evaluated: number;
  /** The batches as they are evaluated, in file order. */
  results(): AsyncGenerator<EvaluatedBatch>;
  /** Every problem found, by row: complete once `results` is done. */
  problems(): RowProblem[];
  /** Values read as written but probably not meant so (percentages typed as fractions): once `results` is done. */
  warnings(): RowProblem[];
  /** Stops the worker threads. */
  close(): Promise<void>;
}

/**
 * Opens a file for evaluation a batch at a time (see {@link EvaluationStream}). The file's header and the
 * options are checked here: throws InputError, or core's OptionsError / EditionNotFoundError.
 */
export async function openEvaluation(
  file: string,
  options: EvaluationStreamOptions,
): Promise<EvaluationStream> {
  const dictionary: Dictionary = dictionaryFor(options.rulesets ?? []);
  const source = await openCommunes(file, dictionary, options);
  const asOf = options.asOf ?? today();
  const engine = engineOptionsOf(options, asOf);
  try {
    // Mistakes in the options (unknown level, no edition in force) stop the run before anything is written.
    evaluateMany([], engine);
  } catch (error) {
    await source.close();
    throw error;
  }
  const csvLayout =
    options.output === 'csv'
      ? resultsCsvLayout({
          level: options.level,
          asOf,
          ...(options.province ? { province: options.province } : {}),
          ...(options.rulesets ? { rulesets: options.rulesets } : {}),
        })
      : null;
  const percents = percentColumns(source, dictionary.measures);
  const setup: BatchSetup = {
    engine,
    percentKeys: [...percents.keys()],
    read: { file: source.file, unit: source.unit, lang: source.lang },
    output: csvLayout
      ? { format: 'csv', layout: csvLayout }
      : { format: options.output === 'jsonl' ? 'jsonl' : 'json', explain: options.explain ?? 'compact' },
  };
  const jobs = options.jobs ?? (source.bytes >= PARALLEL_FROM_BYTES ? defaultJobs() : 1);
  const evaluator: Evaluator = jobs > 1 ? new WorkerPool(jobs, setup) : new InlineEvaluator(setup);
  const problems: RowProblem[] = [];
  const spreads: PercentSpreads = {};
  let evaluated = 0;
  let sorted = false;
  const columns: FileColumns = {
    file: source.file,
    format: source.format as InputFormat,
    get columns(): Column[] {
      return source.columns;
    },
  };

  async function* results(): AsyncGenerator<EvaluatedBatch> {
    const inFlight: Array<Promise<BatchResult>> = [];
    const take = async (): Promise<EvaluatedBatch> => {
      const done = await (inFlight.shift() as Promise<BatchResult>);
      problems.push(...done.problems);
      mergePercentSpreads(spreads, done.spreads);
      for (const error of done.errors) {
        problems.push(...engineProblems(columns, error, done.attempted[error.index] as number, options));
      }
      evaluated += done.evaluated.length;
      if (options.onProgress && source.progress > 0) {
        options.onProgress(source.rows, Math.max(source.rows, Math.round(source.rows / source.progress)));
      }
      return { text: done.text, evaluated: done.evaluated.length };
    };
    for await (const batch of source.batches(CHUNK)) {
      problems.push(...batch.problems);
      if (batch.communes.length === 0 && batch.pending.length === 0) continue;
      const result = evaluator.run({
        communes: batch.communes.map((item) => item.commune),
        rows: batch.communes.map((item) => item.row),
        pending: batch.pending,
        columns: batch.columns,
      });
      // Awaited in order below; a failure meanwhile must not count as unhandled.
      result.catch(() => {});
      inFlight.push(result);
      while (inFlight.length >= evaluator.capacity) yield await take();
    }
    while (inFlight.length > 0) yield await take();
  }

  return {
    source,
    asOf,
    csvLayout,
    threads: jobs > 1 ? jobs : 0,
    get evaluated() {
      return evaluated;
    },
    results,
    problems() {
      if (!sorted) {
        problems.sort((a, b) => (a.row ?? 0) - (b.row ?? 0));
        sorted = true;
      }
      return problems;
    },
    warnings: () => spreadWarnings(spreads, percents, source.file, source.lang),
    close: async () => {
      await source.close();
      await evaluator.close();
    },
  };
}
