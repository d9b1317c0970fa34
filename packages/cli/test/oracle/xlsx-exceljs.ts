/**
 * The Excel reader ntm had before it read workbooks as a stream: the whole workbook loaded with exceljs, after
 * the archive checks of src/io/xlsx-archive-whole.ts. Kept as the oracle the streaming reader (src/io/
 * read-xlsx-stream.ts) is compared with: on the corpus and on generated workbooks, both must read the same
 * communes, problems, rows and columns.
 * This is main's exceljs reader as it was when the branch merged (header row found past title rows, or given).
 */
import type { Lang } from '../../src/i18n.js';
import type { RawCell } from '../../src/io/cells.js';
import {
  COMMUNE_FIELDS,
  type Dictionary,
  findHeaderRow,
  looksLikeHeader,
  mapHeaders,
} from '../../src/io/columns.js';
import { type Excel as ExcelJS, loadExcel } from '../../src/io/excel.js';
import { LIMITS } from '../../src/io/limits.js';
import { buildCommune, IdRegister } from '../../src/io/rows.js';
import { shownFile } from '../../src/io/text.js';
import { InputError, type ReadCommune, type ReadResult, type RowProblem } from '../../src/io/types.js';
import { prepareXlsxArchive } from '../../src/io/xlsx-archive-whole.js';
import { tr } from '../../src/messages.js';
import { escapeControls } from '../../src/safe-text.js';

export interface XlsxOptions {
  sheet?: string;
  ignoreUnknownColumns?: boolean;
  lang?: Lang;
  /** The header row (from 1); by default row 1, or the first that reads as a header past title rows. */
  headerRow?: number;
}

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

type Value = ExcelJS.CellValue;

function fromValue(value: Value, numFmt: string | undefined, inFormula: boolean, lang: Lang): RawCell {
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
  if (typeof value === 'object') {
    if ('error' in value) return { kind: 'error', error: String(value.error) };
    if ('formula' in value || 'sharedFormula' in value) {
      const result = (value as { result?: Value }).result;
      if (result === undefined) {
        const formula = (value as { formula?: string }).formula;
        return {
          kind: 'error',
          error: formula ? `=${formula}` : 'formula',
          reason: tr(lang, 'cell.formulaNoResult'),
        };
      }
      return fromValue(result, numFmt, true, lang);
    }
    if ('richText' in value) return { kind: 'text', text: value.richText.map((part) => part.text).join('') };
    if ('hyperlink' in value) {
      const text = (value as { text: unknown }).text;
      if (typeof text === 'string') return { kind: 'text', text };
      if (text && typeof text === 'object' && 'richText' in text) {
        return {
          kind: 'text',
          text: (text as ExcelJS.CellRichTextValue).richText.map((p) => p.text).join(''),
        };
      }
    }
  }
  return { kind: 'text', text: String(value) };
}

/** 1 = ExcelJS.ValueType.Merge: a cell covered by a merged range (not its top-left "master" cell). */
function isCovered(cell: ExcelJS.Cell): boolean {
  return (cell.type as number) === 1;
}

/**
 * The raw content of one Excel cell. A cell covered by a merged range is empty, except in data rows
 * (`mergedIsError`) when the range holds a value: reading it as empty would silently drop the value (or let
 * --province stand in for a merged province), and repeating it would be a guess, so it is an error.
 */
export function rawCell(cell: ExcelJS.Cell, mergedIsError = false, lang: Lang = 'vi'): RawCell {
  if (isCovered(cell)) {
    const master = cell.master;
    if (!mergedIsError || master === cell) return { kind: 'empty' };
    const shown = fromValue(master.value, master.numFmt, false, lang);
    if (shown.kind === 'empty' || (shown.kind === 'text' && shown.text.trim() === ''))
      return { kind: 'empty' };
    return {
      kind: 'error',
      error: tr(lang, 'cell.mergedShown', { master: master.address }),
      reason: tr(lang, 'cell.merged', { master: master.address }),
    };
  }
  return fromValue(cell.value, cell.numFmt, false, lang);
}

function textOf(cell: RawCell): string {
  switch (cell.kind) {
    case 'text':
      return cell.text;
    case 'number':
      return String(cell.value);
    case 'boolean':
      return String(cell.value);
    default:
      return '';
  }
}

/** The merged ranges that start on the header row (as "A1:C1"), found from the cells they cover. */
function mergedHeaders(sheet: ExcelJS.Worksheet, width: number, headerRow = 1): string[] {
  const ranges = new Map<string, string>();
  for (const rowNumber of [headerRow, headerRow + 1]) {
    const row = sheet.getRow(rowNumber);
    for (let c = 1; c <= width; c++) {
      const cell = row.getCell(c);
      if (isCovered(cell) && Number(cell.master.row) === headerRow) {
        ranges.set(cell.master.address, `${cell.master.address}:${cell.address}`);
      }
    }
  }
  return [...ranges.values()];
}

/**
 * Loads a workbook for reading: its archive is checked against the limits and trimmed first (see
 * xlsx-archive.ts), then handed to the Excel library.
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

export async function readXlsx(
  bytes: Uint8Array,
  file: string,
  dictionary: Dictionary,
  options: XlsxOptions = {},
): Promise<ReadResult> {
  const lang = options.lang ?? 'vi';
  const shown = shownFile(file);
  const workbook = await loadWorkbook(bytes, file, lang);
  const names = workbook.worksheets.map((sheet) => sheet.name);
  const sheet = options.sheet ? workbook.getWorksheet(options.sheet) : workbook.worksheets[0];
  if (!sheet) {
    throw new InputError(
      file,
      options.sheet
        ? tr(lang, 'xlsx.noSheetNamed', {
            file: shown,
            sheet: escapeControls(options.sheet),
            names: names.map((name) => escapeControls(name)).join(', '),
          })
        : tr(lang, 'xlsx.noSheet', { file: shown }),
    );
  }
  const sheetName = escapeControls(sheet.name);
  const width = sheet.columnCount;
  /** Every cell of a header row, up to the sheet's width (header rows are read whole). */
  const headerCells = (rowNumber: number): RawCell[] => {
    const row = sheet.getRow(rowNumber);
    const cells: RawCell[] = [];
    for (let c = 1; c <= width; c++) cells.push(rawCell(row.getCell(c), false, lang));
    return cells;
  };
  /** The cells of a data row that hold something, at their positions (a sparse array). */
  const dataCells = (row: ExcelJS.Row): RawCell[] => {
    const cells: RawCell[] = [];
    row.eachCell({ includeEmpty: false }, (cell, column) => {
      cells[column - 1] = rawCell(cell, true, lang);
    });
    return cells;
  };
  /** The texts of the cells of a row that hold something, at their positions (to find the header row). */
  const rowTexts = (rowNumber: number): string[] | null => {
    if (rowNumber > sheet.rowCount) return null;
    const texts: string[] = [];
    sheet.getRow(rowNumber).eachCell({ includeEmpty: false }, (cell, column) => {
      texts[column - 1] = textOf(rawCell(cell, false, lang));
    });
    return texts;
  };
  const headerRow = options.headerRow ?? findHeaderRow(rowTexts, dictionary);
  if (options.headerRow !== undefined && headerRow > sheet.rowCount) {
    throw new InputError(
      file,
      tr(lang, 'header.rowBeyond', {
        file: shown,
        sheet: sheetName,
        row: headerRow,
        rows: sheet.rowCount,
      }),
    );
  }
  const labels = headerCells(headerRow).map(textOf);
  if (labels.every((label) => label.trim() === '')) {
    throw new InputError(
      file,
      options.headerRow !== undefined
        ? tr(lang, 'header.rowEmpty', { file: shown, sheet: sheetName, row: headerRow })
        : tr(lang, 'xlsx.headerEmpty', { file: shown, sheet: sheetName }),
    );
  }
  // The template's key row: the row under the header starts with "id" and holds only field names and keys.
  const second = headerCells(headerRow + 1).map(textOf);
  const fields = new Set<string>(COMMUNE_FIELDS);
  const keyRow =
    second[0]?.trim() === 'id' &&
    second.every((key) => key.trim() === '' || fields.has(key.trim()) || dictionary.measures.has(key.trim()));
  const headers = keyRow ? second : labels;
  const {
    columns,
    problems: headerProblems,
    ignored,
  } = mapHeaders(headers, dictionary, {
    ignoreUnknown: options.ignoreUnknownColumns ?? false,
    lang,
  });
  if (headerProblems.length > 0) {
    if (options.headerRow === undefined && !looksLikeHeader(headers, dictionary)) {
      headerProblems.push({ column: '', reason: tr(lang, 'header.rowHint') });
    }
    const merged = mergedHeaders(sheet, width, headerRow);
    if (merged.length > 0) {
      headerProblems.push({
        column: '',
        reason: tr(lang, 'xlsx.mergedHeader', { ranges: merged.join(', ') }),
      });
    }
    throw new InputError(
      file,
      tr(lang, 'xlsx.headerProblems', { file: shown, sheet: sheetName }),
      headerProblems,
    );
  }
  if (keyRow) {
    // Messages name the columns as the user sees them: by their label in row 1.
    for (const column of columns) {
      const label = labels[column.index]?.trim();
      if (label) column.header = label;
    }
  }
  const problems: RowProblem[] = [];
  const communes: ReadCommune[] = [];
  const ids = new IdRegister();
  let rows = 0;
  const first = headerRow + (keyRow ? 2 : 1);
  // Only the rows that exist: a sheet whose last row is 1 048 576 is not read a million times.
  sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    if (rowNumber < first) return;
    const result = buildCommune(dataCells(row), columns, {
      file,
      row: rowNumber,
      dictionary,
      ids,
      problems,
      lang,
    });
    if (result === null) return;
    if (++rows > LIMITS.dataRows) {
      throw new InputError(file, tr(lang, 'read.tooManyRows', { file: shown, limit: LIMITS.dataRows }));
    }
    if (result !== 'invalid') communes.push(result);
  });
  return {
    file,
    format: 'xlsx',
    unit: 'row',
    communes,
    problems,
    rows,
    columns,
    ignoredColumns: ignored,
    sheet: sheet.name,
    headerRow,
  };
}
