/**
 * The date of a snapshot (the day its figures describe): from the data's own date column, else from a date
 * in the file name (`data-2023-11-15.csv`, `so-lieu-15.11.2023.xlsx`). A review never states a date it does
 * not know: when neither gives one, the caller asks for it.
 */
import { basename, extname } from 'node:path';
import type { RawCell } from './cells.js';
import type { ReadResult } from './types.js';

/** A calendar day as YYYY-MM-DD, or null when the numbers name no real day (2023-11-31). */
export function isoDay(year: number, month: number, day: number): string | null {
  if (year < 1900 || year > 9999 || month < 1 || month > 12 || day < 1 || day > 31) return null;
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return null;
  return date.toISOString().slice(0, 10);
}

/**
 * A date as people type it in a cell: `2023-11-15`, `15/11/2023`, `15-11-2023`, `15.11.2023` (day first, as
 * in Vietnam), or null.
 */
export function parseDayText(text: string): string | null {
  const value = text.trim();
  let match = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(value);
  if (match) return isoDay(Number(match[1]), Number(match[2]), Number(match[3]));
  match = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(value);
  if (match) return isoDay(Number(match[3]), Number(match[2]), Number(match[1]));
  return null;
}

/** The day in a cell: an Excel date, or text such as 15/11/2023; null when the cell holds no real day. */
export function dayOfCell(cell: RawCell): string | null {
  if (cell.kind === 'date') {
    return isoDay(cell.value.getUTCFullYear(), cell.value.getUTCMonth() + 1, cell.value.getUTCDate());
  }
  return cell.kind === 'text' ? parseDayText(cell.text) : null;
}

export type NameDate =
  | { kind: 'date'; date: string }
  | { kind: 'none' }
  /** Several different dates, or digits shaped like a date that name no real day. */
  | { kind: 'unclear'; found: string[] };

/**
 * The date written in a file name: `YYYY-MM-DD`, `YYYY_MM_DD`, `YYYY.MM.DD`, `YYYYMMDD`, or day first
 * `DD-MM-YYYY` (`_` and `.` too). One date, possibly repeated, is the answer; two different ones, or a shape
 * that is not a real day, are unclear.
 */
export function dateInFileName(file: string): NameDate {
  const name = basename(file, extname(file));
  const found = new Set<string>();
  const shapes: string[] = [];
  const patterns: Array<[RegExp, (m: RegExpExecArray) => [number, number, number]]> = [
    [/(?<!\d)(\d{4})[-_.](\d{2})[-_.](\d{2})(?!\d)/g, (m) => [Number(m[1]), Number(m[2]), Number(m[3])]],
    [/(?<!\d)(\d{2})[-_.](\d{2})[-_.](\d{4})(?!\d)/g, (m) => [Number(m[3]), Number(m[2]), Number(m[1])]],
    [/(?<!\d)((?:19|20)\d{2})(\d{2})(\d{2})(?!\d)/g, (m) => [Number(m[1]), Number(m[2]), Number(m[3])]],
  ];
  for (const [pattern, parts] of patterns) {
    for (const match of name.matchAll(pattern)) {
      const [year, month, day] = parts(match as RegExpExecArray);
      const date = isoDay(year, month, day);
      if (date) found.add(date);
      else shapes.push(match[0]);
    }
  }
  if (found.size === 1 && shapes.length === 0) return { kind: 'date', date: [...found][0] as string };
  if (found.size === 0 && shapes.length === 0) return { kind: 'none' };
  return { kind: 'unclear', found: [...found, ...shapes] };
}

export type DataDate =
  | { kind: 'date'; date: string }
  | { kind: 'none' }
  /** Rows of one file give different dates. */
  | { kind: 'mixed'; dates: Array<{ date: string; row: number }> };

/** The date the rows of a file carry in their date column (all rows must agree), or none. */
export function dateInData(read: ReadResult): DataDate {
  const first = new Map<string, number>();
  if (read.asOf) first.set(read.asOf, 0);
  for (const commune of read.communes) {
    if (commune.asOf && !first.has(commune.asOf)) first.set(commune.asOf, commune.row);
  }
  if (first.size === 0) return { kind: 'none' };
  if (first.size === 1) return { kind: 'date', date: [...first.keys()][0] as string };
  return { kind: 'mixed', dates: [...first.entries()].map(([date, row]) => ({ date, row })) };
}

/** Where a snapshot's date came from, for the messages that state it. */
export type DateSource = 'option' | 'data' | 'file-name' | 'today';
