/**
 * A ruleset workbook as data, between the rule file and the spreadsheet: the information fields and the rows of
 * every sheet, each row with the number the spreadsheet shows for it (for messages). The writer lays a book
 * out; the reader fills one from a file; `flatten` and `assemble` turn rule files into books and back.
 */
import { deepStrictEqual } from 'node:assert';
import type { Citation, Confidence, Rationale } from '@nongthonmoi/core';
import type { SheetId } from './layout.js';
import type { SheetCell } from './vocabulary.js';

export interface BookRow {
  /** The row as the spreadsheet numbers it (the header of the target sheet is row 2, of the others row 1). */
  row: number;
  cells: Record<string, SheetCell>;
}

export interface Book {
  /** The information fields by key, with the row they are on. */
  info: Map<string, { row: number; value: SheetCell }>;
  targets: BookRow[];
  /** The other sheets; a sheet the file does not have (a CSV) is absent. */
  lists: Partial<Record<Exclude<SheetId, 'targets'>, BookRow[]>>;
  /** The title shown above the target table (not read back). */
  title?: string;
}

/** First data row of the target sheet (row 1: title, row 2: header) and of the other sheets. */
export const TARGETS_FIRST_ROW = 3;
export const LIST_FIRST_ROW = 2;

/** The provenance of a value: how sure, which source, which sentence, why. */
export interface Provenance {
  confidence?: Confidence | undefined;
  source?: string | undefined;
  quote?: string | undefined;
  rationale?: Rationale | undefined;
}

export const PROVENANCE_FIELDS = ['confidence', 'source', 'quote', 'rationale'] as const;
export type ProvenanceField = (typeof PROVENANCE_FIELDS)[number];

/** One target row's provenance, and whether the row has a value (unknown values have no confidence). */
export interface RowProvenance extends Provenance {
  known: boolean;
}

/**
 * The provenance an indicator (or an overlay's target entry) is taken to have from its rows when the
 * technical "common" columns are empty: the confidence of its first row that has a value and a confidence
 * ("unknown" when no row has a value), and each other field of its first row when every row has that field.
 * The writer fills the common columns exactly where a file differs from this, so that reading gives the file
 * back.
 */
export function deriveCommon(rows: readonly RowProvenance[]): Provenance {
  const common: Provenance = {};
  const confident = rows.find((row) => row.known && row.confidence !== undefined);
  if (confident) common.confidence = confident.confidence;
  else if (!rows.some((row) => row.known)) common.confidence = 'unknown';
  for (const field of ['source', 'quote', 'rationale'] as const) {
    if (rows.length > 0 && rows.every((row) => row[field] !== undefined)) {
      (common as Record<string, unknown>)[field] = rows[0]?.[field];
    }
  }
  return common;
}

export function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  try {
    deepStrictEqual(a, b);
    return true;
  } catch {
    return false;
  }
}

/** A citation's four parts as cells of a row. */
export function citationCells(citation: Citation | undefined): Record<string, SheetCell> {
  return {
    document: citation?.document ?? null,
    part: citation?.part ?? null,
    item: citation?.item ?? null,
    guidance: citation?.guidance ?? null,
  };
}
