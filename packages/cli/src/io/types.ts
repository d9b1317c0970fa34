import type { Commune } from '@nongthonmoi/core';
import type { Column } from './columns.js';

export type InputFormat = 'csv' | 'xlsx' | 'json';

/** One problem with one cell (or one row) of an input file. */
export interface RowProblem {
  file: string;
  /**
   * The row as the spreadsheet shows it (header = row 1); for JSON, the item's position from 1.
   * Null for a problem with the file's header.
   */
  row: number | null;
  /** The column header as written in the file (for JSON, the field, e.g. `values.health_insurance_pct`). */
  column: string;
  /** The cell as written. */
  value: string;
  reason: string;
  /** The reason in Vietnamese, when the core gives one (shown instead of `reason` in Vietnamese). */
  reasonVi?: string;
  /** The commune's id, when the row has one. */
  communeId: string | null;
}

/** A commune read from a file, with where it came from. */
export interface ReadCommune {
  row: number;
  commune: Commune;
  /** The day the row's figures describe, from the data's date column ("Ngày số liệu"), YYYY-MM-DD. */
  asOf?: string;
}

export interface ReadResult {
  file: string;
  format: InputFormat;
  /** `row` for CSV and Excel, `item` for JSON: how `row` numbers are meant. */
  unit: 'row' | 'item';
  communes: ReadCommune[];
  problems: RowProblem[];
  /** Data rows seen (not counting the header, empty rows and rows whose id starts with #). */
  rows: number;
  columns: Column[];
  /** Headers ignored under --ignore-unknown-columns. */
  ignoredColumns: string[];
  /** For Excel: the sheet read. */
  sheet?: string;
  /** JSON `{ "asOf": "2023-11-15", "communes": [...] }`: the day the whole file describes. */
  asOf?: string;
  /**
   * CSV and Excel: the row read as the header (from 1). It is 1 unless title rows above the header were
   * skipped (found automatically, or given with --header-row).
   */
  headerRow?: number;
  /**
   * Values read as written but probably not meant so (a percentage typed as a fraction, 0.955 among values
   * above 1): warnings, not problems; the row is evaluated with the value as written.
   */
  warnings?: RowProblem[];
}

/** The file cannot be read at all (missing, wrong format, bad header): exit code 2. */
export class InputError extends Error {
  override name = 'InputError';
  readonly file: string;
  readonly problems: ReadonlyArray<{ column: string; reason: string }>;
  constructor(
    file: string,
    message: string,
    problems: ReadonlyArray<{ column: string; reason: string }> = [],
  ) {
    super(message);
    this.file = file;
    this.problems = problems;
  }
}
