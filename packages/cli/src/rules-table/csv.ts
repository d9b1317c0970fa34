/**
 * The target table as CSV (UTF-8 with a BOM, so that Excel shows Vietnamese; comma separated): the header row
 * and one row per criterion and target cell, every column of the target sheet. A CSV holds only the table: on
 * import, everything else (header, basis, measures…) comes from the ruleset named in its "Bộ tiêu chí" column.
 */
import { parse } from 'csv-parse/sync';
import type { Lang } from '../i18n.js';
import { decodeText, detectDelimiter } from '../io/read-csv.js';
import { shownFile } from '../io/text.js';
import { InputError } from '../io/types.js';
import { toCsv } from '../io/write-csv.js';
import { tr } from '../messages.js';
import type { Book, BookRow } from './book.js';
import { TARGETS } from './layout.js';
import { formatNumberText, type SheetCell } from './vocabulary.js';
import { mapHeader } from './workbook.js';

export function targetsCsv(rows: readonly BookRow[]): string {
  const header = TARGETS.columns.map((column) => column.header);
  const body = rows.map((row) =>
    TARGETS.columns.map((column) => {
      const value = row.cells[column.key];
      return typeof value === 'number' ? formatNumberText(value) : (value ?? null);
    }),
  );
  return toCsv([header, ...body]);
}

/** Undoes the guard the CSV writer puts before text that a spreadsheet would run as a formula. */
function unguard(text: string): string {
  return /^'[=+\-@]/.test(text) ? text.slice(1) : text;
}

/** Reads a target table CSV into a book with no information sheet and no other sheets. */
export function readCsvBook(bytes: Uint8Array, file: string, lang: Lang): Book {
  const text = decodeText(bytes, file, lang);
  let records: string[][];
  try {
    records = parse(text, {
      delimiter: detectDelimiter(text),
      record_delimiter: ['\r\n', '\n', '\r'],
      relax_column_count: true,
      skip_empty_lines: false,
    }) as string[][];
  } catch (error) {
    throw new InputError(
      file,
      tr(lang, 'csv.invalid', {
        file: shownFile(file),
        line: (error as { lines?: number }).lines ?? null,
        why: tr(lang, 'csv.otherError', { code: (error as { code?: string }).code ?? 'ERROR' }),
      }),
    );
  }
  const header = records[0] ?? [];
  const columns = mapHeader(header, TARGETS, { file, sheet: TARGETS.name, lang });
  const targets: BookRow[] = records.slice(1).map((record, i) => {
    const cells: Record<string, SheetCell> = {};
    for (const [index, key] of columns) {
      const value = record[index];
      cells[key] = value === undefined || value === '' ? null : unguard(value);
    }
    return { row: i + 2, cells };
  });
  return { info: new Map(), targets, lists: {} };
}
