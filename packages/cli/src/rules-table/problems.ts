/**
 * Problems found while reading a ruleset workbook, each named by sheet, row (as the spreadsheet numbers it) and
 * column header, and where in the rule file each row's content lands, so that a problem core finds in the
 * assembled file (by JSON path) is reported at the row and column it came from.
 */
import type { RulesetIssue } from '@nongthonmoi/core';
import type { Lang } from '../i18n.js';
import { quote } from '../io/cells.js';
import type { RowProblem } from '../io/types.js';
import { formatPath } from './paths.js';
import { cellText, type SheetCell } from './vocabulary.js';

export interface TableProblem {
  sheet: string;
  /** Null for a problem of the file as a whole. */
  row: number | null;
  /** The column header as the sheet shows it ('' when the problem is the row's). */
  column: string;
  value: string;
  reason: string;
}

export interface Place {
  sheet: string;
  row: number;
  column: string;
  value?: SheetCell;
}

/** Where each part of the assembled rule file comes from (JSON path → sheet, row, column). */
export class PathIndex {
  readonly #places = new Map<string, Place>();

  set(path: ReadonlyArray<string | number> | string, place: Place): void {
    const key = typeof path === 'string' ? path : formatPath(path);
    if (!this.#places.has(key)) this.#places.set(key, place);
  }

  /** The place of `path`, or of its closest recorded parent. */
  find(path: string): Place | null {
    let current = path;
    for (;;) {
      const found = this.#places.get(current);
      if (found) return found;
      const cut = Math.max(current.lastIndexOf('.'), current.lastIndexOf('['));
      if (cut <= 0) return this.#places.get('') ?? null;
      current = current.slice(0, cut);
    }
  }
}

export class Problems {
  readonly list: TableProblem[] = [];

  add(place: Place, reason: string): void {
    this.list.push({
      sheet: place.sheet,
      row: place.row,
      column: place.column,
      value: place.value === undefined || place.value === null ? '' : cellText(place.value),
      reason,
    });
  }

  addFile(sheet: string, reason: string): void {
    this.list.push({ sheet, row: null, column: '', value: '', reason });
  }

  get count(): number {
    return this.list.length;
  }
}

/** A core issue (from parseRuleset or the registry) at the row its path came from. */
export function issueProblem(
  issue: RulesetIssue,
  index: PathIndex,
  lang: Lang,
  fallbackSheet: string,
): TableProblem {
  const place = index.find(issue.path);
  const reason = lang === 'en' ? issue.reason : (issue.reasonVi ?? issue.reason);
  const where = issue.path && !place ? ` (${issue.path})` : '';
  return {
    sheet: place?.sheet ?? fallbackSheet,
    row: place?.row ?? null,
    column: place?.column ?? '',
    value: place?.value === undefined || place?.value === null ? '' : cellText(place.value),
    reason: `${reason}${where}`,
  };
}

/** As the CLI's row problems, for the shared printer and errors.csv: the sheet goes with the file name. */
export function asRowProblems(problems: readonly TableProblem[], file: string, lang: Lang): RowProblem[] {
  return problems.map((problem) => ({
    file: problem.sheet ? `${file}, ${lang === 'en' ? 'sheet' : 'trang'} "${problem.sheet}"` : file,
    row: problem.row,
    column: problem.column,
    value: problem.value,
    reason: problem.reason,
    communeId: null,
  }));
}

export { quote };
