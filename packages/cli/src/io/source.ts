/**
 * Communes read from a file a batch at a time, in file order: what lets `ntm evaluate` write each result as
 * soon as its row is evaluated, in memory that does not grow with the file. {@link collect} reads a whole
 * source into a {@link ReadResult} (what the review commands, which need every commune, use).
 */
import type { Column } from './columns.js';
import type { InputFormat, ReadCommune, ReadResult, RowProblem } from './types.js';

/** Rows read since the previous batch: the good ones as communes, the others as problems. */
export interface ReadBatch {
  communes: ReadCommune[];
  problems: RowProblem[];
}

export interface CommuneSource {
  readonly file: string;
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
export function sourceOf(read: ReadResult, bytes: number): CommuneSource {
  let done = 0;
  return {
    file: read.file,
    bytes,
    format: read.format,
    unit: read.unit,
    columns: read.columns,
    ignoredColumns: read.ignoredColumns,
    ...(read.sheet !== undefined ? { sheet: read.sheet } : {}),
    rows: read.rows,
    get progress() {
      return read.communes.length === 0 ? 1 : done / read.communes.length;
    },
    async *batches(size: number) {
      yield { communes: read.communes.slice(0, size), problems: read.problems };
      for (done = Math.min(size, read.communes.length); done < read.communes.length; done += size) {
        yield { communes: read.communes.slice(done, done + size), problems: [] };
      }
      done = read.communes.length;
    },
    async close() {},
  };
}

/** Reads a whole source. */
export async function collect(source: CommuneSource, size = 1000): Promise<ReadResult> {
  const communes: ReadCommune[] = [];
  const problems: RowProblem[] = [];
  for await (const batch of source.batches(size)) {
    for (const commune of batch.communes) communes.push(commune);
    for (const problem of batch.problems) problems.push(problem);
  }
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
  };
}
