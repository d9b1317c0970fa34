/**
 * Communes read from a file a batch at a time, in file order: what lets `ntm evaluate` write each result as
 * soon as its row is evaluated, in memory that does not grow with the file. {@link collect} reads a whole
 * source into a {@link ReadResult} (what the review commands, which need every commune, use).
 */
import type { Lang } from '../i18n.js';
import type { Column, Dictionary } from './columns.js';
import { convertRows, type PendingRow } from './rows.js';
import type { InputFormat, ReadCommune, ReadResult, RowProblem } from './types.js';

/**
 * Rows read since the previous batch, in file order: communes already built (JSON), rows screened but not
 * yet converted (CSV, Excel: their cells are converted where the batch is evaluated, see `convertRows`), and
 * the problems found reading them.
 */
export interface ReadBatch {
  communes: ReadCommune[];
  pending: PendingRow[];
  /** The columns the pending rows are read with. */
  columns: readonly Column[];
  problems: RowProblem[];
}

export interface CommuneSource {
  readonly file: string;
  /** The language of the problems' reasons. */
  readonly lang: Lang;
  /** What the cells are read with (measures, categories). */
  readonly dictionary: Dictionary;
  /** The file's size in bytes. */
  readonly bytes: number;
  readonly format: InputFormat;
  /** `row` for CSV and Excel, `item` for JSON: how row numbers are meant. */
  readonly unit: 'row' | 'item';
  /**
   * The columns of the header. An Excel row with cells beyond the header adds unnamed columns (a value
   * under one is a problem of its row): read this once the batches are done for the complete list.
   */
  readonly columns: Column[];
  /** Headers ignored under --ignore-unknown-columns. */
  readonly ignoredColumns: string[];
  /** For Excel: the sheet read. */
  readonly sheet?: string;
  /** CSV and Excel: the header row (from 1; more when title rows above it were skipped). */
  readonly headerRow?: number;
  /** JSON `{ "asOf": …, "communes": [...] }`: the day the whole file describes. */
  readonly asOf?: string;
  /** Data rows read so far (not counting the header, empty rows and # comments); all of them once done. */
  readonly rows: number;
  /** How much of the file has been read, from 0 to 1 (for a progress bar). */
  readonly progress: number;
  /** The rows, about `size` good communes a batch; problems with the file itself are thrown (InputError). */
  batches(size: number): AsyncGenerator<ReadBatch>;
  /** Releases the file when the batches were not read to their end. */
  close(): Promise<void>;
}

/** Batches of an already read file (JSON, whose text is parsed whole) of `bytes` bytes. */
export function sourceOf(read: ReadResult, bytes: number, dictionary: Dictionary, lang: Lang): CommuneSource {
  let done = 0;
  return {
    file: read.file,
    lang,
    dictionary,
    bytes,
    format: read.format,
    unit: read.unit,
    columns: read.columns,
    ignoredColumns: read.ignoredColumns,
    ...(read.sheet !== undefined ? { sheet: read.sheet } : {}),
    ...(read.headerRow !== undefined ? { headerRow: read.headerRow } : {}),
    ...(read.asOf !== undefined ? { asOf: read.asOf } : {}),
    rows: read.rows,
    get progress() {
      return read.communes.length === 0 ? 1 : done / read.communes.length;
    },
    async *batches(size: number) {
      const batch = (communes: ReadCommune[], problems: RowProblem[]): ReadBatch => ({
        communes,
        pending: [],
        columns: read.columns,
        problems,
      });
      yield batch(read.communes.slice(0, size), read.problems);
      for (done = Math.min(size, read.communes.length); done < read.communes.length; done += size) {
        yield batch(read.communes.slice(done, done + size), []);
      }
      done = read.communes.length;
    },
    async close() {},
  };
}

/** The communes of a batch: those built, and the pending rows converted (their problems added to the batch's). */
export function communesOf(source: CommuneSource, batch: ReadBatch): ReadCommune[] {
  if (batch.pending.length === 0) return batch.communes;
  return convertRows(batch.pending, batch.columns, {
    file: source.file,
    dictionary: source.dictionary,
    problems: batch.problems,
    unit: source.unit,
    lang: source.lang,
  });
}

/** Reads a whole source, converting every row here. */
export async function collect(source: CommuneSource, size = 1000): Promise<ReadResult> {
  const communes: ReadCommune[] = [];
  const problems: RowProblem[] = [];
  for await (const batch of source.batches(size)) {
    for (const commune of communesOf(source, batch)) communes.push(commune);
    for (const problem of batch.problems) problems.push(problem);
  }
  // Problems found converting a row come after those found reading the next ones: put them back in row order.
  problems.sort((a, b) => (a.row ?? 0) - (b.row ?? 0));
  return {
    file: source.file,
    format: source.format,
    unit: source.unit,
    communes,
    problems,
    rows: source.rows,
    columns: source.columns,
    ignoredColumns: source.ignoredColumns,
    ...(source.sheet !== undefined ? { sheet: source.sheet } : {}),
    ...(source.headerRow !== undefined ? { headerRow: source.headerRow } : {}),
    ...(source.asOf !== undefined ? { asOf: source.asOf } : {}),
  };
}
