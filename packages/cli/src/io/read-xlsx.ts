/**
 * Excel reader (.xlsx): the first sheet, or the one named with --sheet. Row 1 is the header, unless title rows
 * come first: then the first row that reads as a header (or the row given with --header-row). When the row
 * under the header holds measure keys (the hidden key row of `ntm template`), the keys are used and data
 * starts on the row after it.
 * Formulas count with their stored (cached) result; error cells and dates are errors.
 *
 * This module says what a cell holds (the rules below); read-xlsx-stream.ts reads the workbook, a row at a
 * time. The rules are those ntm applied when it read workbooks with exceljs, which the tests compare with.
 */

import type { Lang } from '../i18n.js';
import { tr } from '../messages.js';
import type { RawCell } from './cells.js';
import type { Dictionary } from './columns.js';
import { type Excel as ExcelJS, loadExcel } from './excel.js';
import { openXlsx } from './read-xlsx-stream.js';
import { collect } from './source.js';
import { shownFile } from './text.js';
import { InputError, type ReadResult } from './types.js';
import { prepareXlsxArchive } from './xlsx-archive-whole.js';

export interface XlsxOptions {
  sheet?: string;
  ignoreUnknownColumns?: boolean;
  lang?: Lang;
  /** The header row (from 1); by default row 1, or the first that reads as a header past title rows. */
  headerRow?: number;
}

/**
 * What a cell holds, as exceljs modelled it (the reader builds the same values): a number, text, a boolean, a
 * date (a number under a date format), an error, rich text, or a formula with its stored result.
 */
export type XlsxValue =
  | null
  | undefined
  | number
  | string
  | boolean
  | Date
  | { error: string }
  | { richText: ReadonlyArray<{ text: string }> }
  | { formula?: string | undefined; sharedFormula?: true; result?: XlsxValue };

/** Strips the parts of a number format that are literal text, so that only real placeholders remain. */
function formatCodes(numFmt: string | undefined): string {
  if (!numFmt) return '';
  return numFmt
    .replace(/"[^"]*"/g, '')
    .replace(/\\./g, '')
    .replace(/\[[^\]]*\]/g, '');
}

export function isPercentFormat(numFmt: string | undefined): boolean {
  return formatCodes(numFmt).includes('%');
}

export function isDateFormat(numFmt: string | undefined): boolean {
  const codes = formatCodes(numFmt).toLowerCase();
  if (codes === '' || codes === 'general' || codes === '@') return false;
  return /[dmyhs]/.test(codes);
}

/** Whether a number under this format is a date, as exceljs (and so ntm until now) decided it. */
export function isDateValueFormat(numFmt: string | undefined): boolean {
  if (!numFmt) return false;
  return /[ymdhMsb]+/.test(numFmt.replace(/\[[^\]]*]/g, '').replace(/"[^"]*"/g, ''));
}

/** An Excel date serial as a date (1900 or 1904 date system). */
export function excelDate(serial: number, date1904: boolean): Date {
  return new Date(Math.round((serial - 25569 + (date1904 ? 1462 : 0)) * 24 * 3600 * 1000));
}

/** The raw content of a cell from its value and number format. */
export function fromValue(
  value: XlsxValue,
  numFmt: string | undefined,
  inFormula: boolean,
  lang: Lang,
): RawCell {
  if (value === null || value === undefined) return { kind: 'empty' };
  if (typeof value === 'number') {
    if (inFormula && isDateFormat(numFmt)) {
      return { kind: 'date', value: new Date(Math.round((value - 25569) * 86_400_000)) };
    }
    return isPercentFormat(numFmt)
      ? { kind: 'number', value, percentFormat: true }
      : { kind: 'number', value };
  }
  if (typeof value === 'string') return { kind: 'text', text: value };
  if (typeof value === 'boolean') return { kind: 'boolean', value };
  if (value instanceof Date) return { kind: 'date', value };
  if ('error' in value) return { kind: 'error', error: String(value.error) };
  if ('richText' in value) return { kind: 'text', text: value.richText.map((part) => part.text).join('') };
  if (value.result === undefined) {
    return {
      kind: 'error',
      error: value.formula ? `=${value.formula}` : 'formula',
      reason: tr(lang, 'cell.formulaNoResult'),
    };
  }
  return fromValue(value.result, numFmt, true, lang);
}

// ---------------------------------------------------------------------------------------------------------
// Small workbooks read whole with exceljs (dossiers, rules tables): the same rules for what a cell holds.

/** An exceljs cell value as an {@link XlsxValue}: a hyperlink is its text; anything unknown its text. */
function exceljsValue(value: ExcelJS.CellValue): XlsxValue {
  if (value === null || value === undefined) return value;
  if (typeof value !== 'object' || value instanceof Date) return value;
  if ('error' in value || 'richText' in value || 'formula' in value || 'sharedFormula' in value) {
    const result = (value as { result?: ExcelJS.CellValue }).result;
    if ('formula' in value || 'sharedFormula' in value) {
      return {
        ...(value as object),
        result: result === undefined ? undefined : exceljsValue(result),
      } as XlsxValue;
    }
    return value as XlsxValue;
  }
  if ('hyperlink' in value) {
    const text = (value as { text: unknown }).text;
    if (typeof text === 'string') return text;
    if (text && typeof text === 'object' && 'richText' in text) {
      return { richText: (text as ExcelJS.CellRichTextValue).richText };
    }
  }
  return String(value);
}

/** 1 = ExcelJS.ValueType.Merge: a cell covered by a merged range (not its top-left "master" cell). */
function isCovered(cell: ExcelJS.Cell): boolean {
  return (cell.type as number) === 1;
}

/**
 * The raw content of one Excel cell read by exceljs. A cell covered by a merged range is empty, except in data
 * rows (`mergedIsError`) when the range holds a value: reading it as empty would silently drop the value, and
 * repeating it would be a guess, so it is an error.
 */
export function rawCell(cell: ExcelJS.Cell, mergedIsError = false, lang: Lang = 'vi'): RawCell {
  if (isCovered(cell)) {
    const master = cell.master;
    if (!mergedIsError || master === cell) return { kind: 'empty' };
    const shown = fromValue(exceljsValue(master.value), master.numFmt, false, lang);
    if (shown.kind === 'empty' || (shown.kind === 'text' && shown.text.trim() === ''))
      return { kind: 'empty' };
    return {
      kind: 'error',
      error: tr(lang, 'cell.mergedShown', { master: master.address }),
      reason: tr(lang, 'cell.merged', { master: master.address }),
    };
  }
  return fromValue(exceljsValue(cell.value), cell.numFmt, false, lang);
}

/**
 * Loads a small workbook whole (a dossier, a rules table): its archive is checked against the limits and
 * trimmed first (see xlsx-archive.ts), then handed to exceljs. Commune data is read as a stream instead
 * (read-xlsx-stream.ts).
 */
export async function loadWorkbook(
  bytes: Uint8Array,
  file: string,
  lang: Lang = 'vi',
): Promise<ExcelJS.Workbook> {
  const archive = prepareXlsxArchive(bytes, file, lang);
  const { Workbook } = await loadExcel();
  const workbook = new Workbook();
  try {
    await workbook.xlsx.load(archive as unknown as ArrayBuffer);
  } catch {
    throw new InputError(file, tr(lang, 'xlsx.unreadable', { file: shownFile(file) }));
  }
  return workbook;
}

/** Reads a whole workbook's sheet (the review commands; `ntm evaluate` reads it a batch at a time). */
export async function readXlsx(
  bytes: Uint8Array,
  file: string,
  dictionary: Dictionary,
  options: XlsxOptions = {},
): Promise<ReadResult> {
  return collect(await openXlsx(bytes, file, dictionary, options));
}
