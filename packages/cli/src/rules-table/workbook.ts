/**
 * A book as an Excel workbook, and back. The target sheet comes first (title row, header row with a note on
 * every cell, frozen header and ids, validation lists, criterion rows in bold, the technical columns in grey
 * at the right, set up to print on A4 landscape without them); then the guide, the information sheet and the
 * other sheets; a hidden sheet holds the validation lists.
 */
import type { Lang } from '../i18n.js';
import { type Excel as ExcelJS, loadExcel } from '../io/excel.js';
import { loadWorkbook, rawCell } from '../io/read-xlsx.js';
import { closest, fold, shownFile } from '../io/text.js';
import { InputError } from '../io/types.js';
import { tr } from '../messages.js';
import { escapeControls } from '../safe-text.js';
import { type Book, type BookRow, LIST_FIRST_ROW, TARGETS_FIRST_ROW } from './book.js';
import {
  type ColumnSpec,
  GUIDE_SHEET,
  INFO_FIELDS,
  INFO_SHEET,
  LIST_SHEETS,
  LISTS_SHEET,
  requiredColumns,
  type SheetSpec,
  TARGETS,
} from './layout.js';
import type { SheetCell } from './vocabulary.js';

const COLOURS = {
  head: 'FFDDE7F0',
  technical: 'FFE4E4E4',
  technicalText: 'FF595959',
  criterion: 'FFF3F6E8',
  title: 'FF1F3B57',
  example: 'FFFFF2CC',
};

function fill(argb: string): ExcelJS.Fill {
  return { type: 'pattern', pattern: 'solid', fgColor: { argb } };
}

function letter(n: number): string {
  let s = '';
  let x = n;
  while (x > 0) {
    const r = (x - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    x = Math.floor((x - 1) / 26);
  }
  return s;
}

/** Points per line of wrapped 11-point text, and the tallest row Excel allows. */
const LINE_HEIGHT = 14.5;
const MAX_HEIGHT = 409;

/**
 * The height a row needs for its wrapped text: spreadsheet programs do not grow a row written with wrapped
 * cells on opening, so the text would be cut. Estimated from the characters per column width.
 */
function rowHeight(row: BookRow, columns: readonly ColumnSpec[]): number {
  let lines = 1;
  for (const column of columns) {
    const value = row.cells[column.key];
    if (typeof value !== 'string' || value === '') continue;
    const perLine = Math.max(4, Math.floor(column.width * 1.2));
    const needed = value
      .split('\n')
      .reduce((sum, part) => sum + Math.max(1, Math.ceil(part.length / perLine)), 0);
    lines = Math.max(lines, needed);
  }
  return Math.min(MAX_HEIGHT, Math.round(lines * LINE_HEIGHT + 3));
}

type Validations = { add(range: string, validation: ExcelJS.DataValidation): void };

function validations(sheet: ExcelJS.Worksheet): Validations {
  return (sheet as unknown as { dataValidations: Validations }).dataValidations;
}

/** The hidden sheet of lists: one column per list, referenced by the validations (no 255-character limit). */
class Lists {
  readonly #columns = new Map<string, string>();
  constructor(readonly sheet: ExcelJS.Worksheet) {}

  range(values: readonly string[]): string {
    const key = values.join('\u0000');
    const known = this.#columns.get(key);
    if (known) return known;
    const column = this.#columns.size + 1;
    values.forEach((value, i) => {
      this.sheet.getCell(i + 1, column).value = value;
    });
    const range = `'${LISTS_SHEET}'!$${letter(column)}$1:$${letter(column)}$${values.length}`;
    this.#columns.set(key, range);
    return range;
  }
}

function listValidation(lists: Lists, values: readonly string[]): ExcelJS.DataValidation {
  return {
    type: 'list',
    allowBlank: true,
    formulae: [lists.range(values)],
    showErrorMessage: true,
    errorStyle: 'warning',
    errorTitle: 'Giá trị ngoài danh sách',
    error: `Nên chọn một giá trị trong danh sách: ${values.slice(0, 8).join(', ')}${values.length > 8 ? '…' : ''}`,
  };
}

/** Rows prepared with validation below the last one, for the rows an office adds. */
const SPARE_ROWS = 500;

function styleHeader(cell: ExcelJS.Cell, column: ColumnSpec): void {
  cell.font = { bold: true, color: column.technical ? { argb: COLOURS.technicalText } : undefined };
  cell.fill = fill(column.technical ? COLOURS.technical : COLOURS.head);
  cell.alignment = { vertical: 'middle', horizontal: 'center', wrapText: true };
  cell.border = { bottom: { style: 'thin' } };
  cell.note = column.note;
}

function writeCell(cell: ExcelJS.Cell, value: SheetCell): void {
  if (value === null || value === undefined) return;
  if (value instanceof Date || typeof value === 'object') cell.value = String(value);
  else cell.value = value;
}

/** Columns, formats and validations of a sheet laid out from `spec` (header on `headerRow`). */
function layoutColumns(
  sheet: ExcelJS.Worksheet,
  spec: SheetSpec,
  headerRow: number,
  lastRow: number,
  lists: Lists,
): void {
  const header = sheet.getRow(headerRow);
  spec.columns.forEach((column, i) => {
    const cell = header.getCell(i + 1);
    cell.value = column.header;
    styleHeader(cell, column);
    const sheetColumn = sheet.getColumn(i + 1);
    sheetColumn.width = column.width;
    if (column.technical) sheetColumn.outlineLevel = 1;
    if (column.text) sheetColumn.numFmt = '@';
    if (column.list) {
      validations(sheet).add(
        `${letter(i + 1)}${headerRow + 1}:${letter(i + 1)}${lastRow + SPARE_ROWS}`,
        listValidation(lists, column.list),
      );
    }
  });
  header.height = 32;
}

function writeRows(sheet: ExcelJS.Worksheet, spec: SheetSpec, rows: readonly BookRow[]): void {
  for (const row of rows) {
    const sheetRow = sheet.getRow(row.row);
    spec.columns.forEach((column, i) => {
      const value = row.cells[column.key];
      if (value !== undefined) writeCell(sheetRow.getCell(i + 1), value);
    });
  }
}

function printSetup(
  sheet: ExcelJS.Worksheet,
  options: { titleRows?: string; area?: string; title: string },
): void {
  sheet.pageSetup = {
    ...sheet.pageSetup,
    paperSize: 9,
    orientation: 'landscape',
    fitToPage: true,
    fitToWidth: 1,
    fitToHeight: 0,
    margins: { left: 0.4, right: 0.4, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 },
    ...(options.titleRows ? { printTitlesRow: options.titleRows } : {}),
    ...(options.area ? { printArea: options.area } : {}),
  };
  sheet.headerFooter = {
    oddHeader: `&L&8${options.title.replace(/&/g, '&&').slice(0, 200)}`,
    oddFooter: '&L&8ntm rules export&R&8Trang &P / &N',
  };
}

export interface WriteOptions {
  /** Lines of the guide sheet. */
  guide: readonly string[];
  /** Highlight every target row (an example workbook whose values are not official). */
  highlight?: boolean;
}

/** The workbook of a book. */
export async function buildWorkbook(book: Book, options: WriteOptions): Promise<ExcelJS.Workbook> {
  const { Workbook } = await loadExcel();
  const workbook = new Workbook();
  workbook.creator = 'ntm (@nongthonmoi/cli)';
  workbook.title = book.title ?? TARGETS.name;
  const targets = workbook.addWorksheet(TARGETS.name, {
    views: [{ state: 'frozen', xSplit: 3, ySplit: 2, activeCell: 'D3' }],
    properties: { outlineProperties: { summaryRight: false } } as ExcelJS.WorksheetProperties,
  });
  const guide = workbook.addWorksheet(GUIDE_SHEET);
  const info = workbook.addWorksheet(INFO_SHEET, { views: [{ state: 'frozen', ySplit: 1 }] });
  const listSheets = LIST_SHEETS.map((spec) => ({
    spec,
    sheet: workbook.addWorksheet(spec.name, { views: [{ state: 'frozen', ySplit: 1 }] }),
  }));
  const listsSheet = workbook.addWorksheet(LISTS_SHEET, { state: 'hidden' });
  const lists = new Lists(listsSheet);

  // The target sheet.
  const mainColumns = TARGETS.columns.filter((column) => !column.technical).length;
  const lastRow = Math.max(TARGETS_FIRST_ROW, ...book.targets.map((row) => row.row));
  const title = targets.getRow(1);
  title.getCell(1).value = book.title ?? TARGETS.name;
  title.font = { bold: true, size: 13, color: { argb: COLOURS.title } };
  title.height = 24;
  targets.mergeCells(1, 1, 1, mainColumns);
  layoutColumns(targets, TARGETS, 2, lastRow, lists);
  writeRows(targets, TARGETS, book.targets);
  const wrap = new Set(['text', 'place', 'item', 'quote', 'rationaleVi', 'rationaleEn']);
  for (const row of book.targets) {
    const sheetRow = targets.getRow(row.row);
    const criterionRow = !row.cells.indicator;
    TARGETS.columns.forEach((column, i) => {
      const cell = sheetRow.getCell(i + 1);
      cell.alignment = {
        vertical: 'top',
        wrapText: wrap.has(column.key),
        ...(column.key === 'op' || column.key === 'value' ? { horizontal: 'center' as const } : {}),
      };
      if (criterionRow) {
        cell.fill = fill(COLOURS.criterion);
        if (column.key === 'criterion' || column.key === 'text') cell.font = { bold: true };
      } else if (options.highlight && !column.technical) cell.fill = fill(COLOURS.example);
    });
    sheetRow.height = rowHeight(
      row,
      TARGETS.columns.filter((column) => wrap.has(column.key)),
    );
  }
  targets.autoFilter = { from: { row: 2, column: 1 }, to: { row: 2, column: TARGETS.columns.length } };
  printSetup(targets, {
    titleRows: '1:2',
    area: `A$1:${letter(mainColumns)}$${lastRow}`, // exceljs puts a $ before each column
    title: book.title ?? TARGETS.name,
  });

  // The guide.
  const guideColumn: ColumnSpec = { key: 'line', header: '', note: '', width: 100 };
  guide.getColumn(1).width = guideColumn.width;
  options.guide.forEach((line, i) => {
    const cell = guide.getCell(i + 1, 1);
    cell.value = line;
    cell.alignment = { wrapText: true, vertical: 'top' };
    if (i === 0) cell.font = { bold: true, size: 13 };
    else if (/^\d+\. /.test(line)) cell.font = { bold: true };
    const heading = i === 0 || /^\d+\. /.test(line);
    guide.getRow(i + 1).height =
      rowHeight({ row: i + 1, cells: { line } }, [guideColumn]) + (heading ? 8 : 2);
  });
  printSetup(guide, { title: GUIDE_SHEET });

  // The information sheet: label, value, key.
  info.columns = [
    { header: 'Trường', width: 34 },
    { header: 'Giá trị', width: 80 },
    { header: 'Mã trường', width: 24 },
  ];
  info.getRow(1).eachCell((cell, column) => {
    styleHeader(cell, {
      key: '',
      header: '',
      width: 0,
      technical: column === 3,
      note:
        column === 1
          ? 'Tên trường (để đọc).'
          : column === 2
            ? 'Giá trị của trường. Để trống khi không có.'
            : '[Kỹ thuật] Mã của trường: ntm đọc trường theo mã này. Không sửa.',
    });
  });
  const fieldRows = new Map<string, number>();
  const pending = book.info.has('pending.mode');
  const shown = INFO_FIELDS.filter((field) =>
    pending ? field.pending || field.key === 'kind' : !field.pending,
  );
  shown.forEach((field, i) => {
    const rowNumber = LIST_FIRST_ROW + i;
    fieldRows.set(field.key, rowNumber);
    const row = info.getRow(rowNumber);
    row.getCell(1).value = field.label;
    row.getCell(1).note = field.note;
    writeCell(row.getCell(2), book.info.get(field.key)?.value ?? null);
    row.getCell(2).numFmt = '@';
    row.getCell(2).alignment = { wrapText: true, vertical: 'top' };
    row.getCell(3).value = field.key;
    row.getCell(3).font = { color: { argb: COLOURS.technicalText }, size: 9 };
    row.getCell(1).alignment = { vertical: 'top' };
    row.getCell(3).alignment = { vertical: 'top' };
    row.height = rowHeight({ row: rowNumber, cells: { value: book.info.get(field.key)?.value ?? null } }, [
      { key: 'value', header: '', note: '', width: 80 },
    ]);
    if (field.list) validations(info).add(`B${rowNumber}`, listValidation(lists, field.list));
  });
  printSetup(info, { title: INFO_SHEET });

  // The other sheets.
  for (const { spec, sheet } of listSheets) {
    const rows = book.lists[spec.id as keyof Book['lists']] ?? [];
    const last = Math.max(LIST_FIRST_ROW, ...rows.map((row) => row.row));
    layoutColumns(sheet, spec, 1, last, lists);
    writeRows(sheet, spec, rows);
    for (const row of rows) {
      const sheetRow = sheet.getRow(row.row);
      sheetRow.eachCell((cell) => {
        cell.alignment = { vertical: 'top', wrapText: true };
      });
      sheetRow.height = rowHeight(row, spec.columns);
    }
    printSetup(sheet, { titleRows: '1:1', title: spec.name });
  }
  workbook.views = [
    { x: 0, y: 0, width: 20000, height: 12000, firstSheet: 0, activeTab: 0, visibility: 'visible' },
  ] as ExcelJS.WorkbookView[];
  return workbook;
}

// ---------------------------------------------------------------------------------------------------------
// Reading

function sheetCell(cell: ExcelJS.Cell, lang: Lang): SheetCell {
  const raw = rawCell(cell, true, lang);
  switch (raw.kind) {
    case 'empty':
      return null;
    case 'text':
      return raw.text;
    case 'number':
      return raw.percentFormat ? Number.parseFloat((raw.value * 100).toPrecision(12)) : raw.value;
    case 'boolean':
      return raw.value;
    case 'date':
      return raw.value;
    case 'error':
      return raw.reason ? { error: raw.error, reason: raw.reason } : { error: raw.error };
  }
}

/** Header text → column key, for a sheet's spec (headers and their aliases, folded). */
export function headerLookup(spec: SheetSpec): Map<string, string> {
  const lookup = new Map<string, string>();
  for (const column of spec.columns) {
    lookup.set(fold(column.header), column.key);
    lookup.set(fold(column.key), column.key);
    for (const alias of column.aliases ?? []) lookup.set(fold(alias), column.key);
  }
  return lookup;
}

/**
 * The columns of a header row by key. Throws when a header is not a column of the sheet (a typo would lose
 * its cells) or appears twice.
 */
export function mapHeader(
  headers: readonly string[],
  spec: SheetSpec,
  where: { file: string; sheet: string; lang: Lang },
): Map<number, string> {
  const lookup = headerLookup(spec);
  const columns = new Map<number, string>();
  const used = new Map<string, string>();
  const problems: Array<{ column: string; reason: string }> = [];
  headers.forEach((header, i) => {
    const text = header.trim();
    if (text === '') return;
    const key = lookup.get(fold(text));
    if (!key) {
      const hint = closest(
        text,
        spec.columns.map((column) => column.header),
      );
      problems.push({
        column: text,
        reason: tr(where.lang, 'rt.unknownColumn', {
          file: shownFile(where.file),
          sheet: escapeControls(where.sheet),
          column: escapeControls(text),
          hint,
        }),
      });
      return;
    }
    if (used.has(key)) {
      problems.push({
        column: text,
        reason: tr(where.lang, 'rt.sameColumn', {
          file: shownFile(where.file),
          sheet: escapeControls(where.sheet),
          column: escapeControls(text),
        }),
      });
      return;
    }
    used.set(key, text);
    columns.set(i, key);
  });
  const missing = requiredColumns(spec).filter((key) => !used.has(key));
  const names = missing.map((key) => `"${spec.columns.find((column) => column.key === key)?.header ?? key}"`);
  const shown = { file: shownFile(where.file), sheet: escapeControls(where.sheet) };
  if (problems.length > 0) {
    if (names.length > 0)
      problems.push({
        column: '',
        reason: tr(where.lang, 'rt.noHeader', { ...shown, missing: names.join(', ') }),
      });
    throw new InputError(where.file, tr(where.lang, 'rt.headerProblems', shown), problems);
  }
  if (names.length > 0) {
    throw new InputError(where.file, tr(where.lang, 'rt.noHeader', { ...shown, missing: names.join(', ') }));
  }
  return columns;
}

function findSheet(workbook: ExcelJS.Workbook, name: string): ExcelJS.Worksheet | undefined {
  return workbook.worksheets.find((sheet) => fold(sheet.name) === fold(name));
}

function rowTexts(sheet: ExcelJS.Worksheet, rowNumber: number, lang: Lang): string[] {
  const row = sheet.getRow(rowNumber);
  const texts: string[] = [];
  for (let c = 1; c <= sheet.columnCount; c++) {
    const cell = sheetCell(row.getCell(c), lang);
    texts.push(typeof cell === 'string' ? cell : cell === null ? '' : String(cell));
  }
  return texts;
}

/** The header row of a sheet: the first of its first rows holding every required column. */
function headerRowOf(sheet: ExcelJS.Worksheet, spec: SheetSpec, lang: Lang): number | null {
  const lookup = headerLookup(spec);
  for (let r = 1; r <= Math.min(10, sheet.rowCount); r++) {
    const keys = new Set(rowTexts(sheet, r, lang).map((text) => lookup.get(fold(text))));
    if (spec.required.every((key) => keys.has(key))) return r;
  }
  return null;
}

function readSheet(
  sheet: ExcelJS.Worksheet,
  spec: SheetSpec,
  where: { file: string; lang: Lang },
): BookRow[] {
  const headerRow = headerRowOf(sheet, spec, where.lang);
  if (headerRow === null) {
    const missing = spec.required.map(
      (key) => `"${spec.columns.find((column) => column.key === key)?.header}"`,
    );
    throw new InputError(
      where.file,
      tr(where.lang, 'rt.noHeader', {
        file: shownFile(where.file),
        sheet: escapeControls(sheet.name),
        missing: missing.join(', '),
      }),
    );
  }
  const columns = mapHeader(rowTexts(sheet, headerRow, where.lang), spec, { ...where, sheet: sheet.name });
  const rows: BookRow[] = [];
  sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    if (rowNumber <= headerRow) return;
    const cells: Record<string, SheetCell> = {};
    for (const [index, key] of columns) cells[key] = sheetCell(row.getCell(index + 1), where.lang);
    rows.push({ row: rowNumber, cells });
  });
  return rows;
}

function readInfo(sheet: ExcelJS.Worksheet | undefined, lang: Lang): Book['info'] {
  const info: Book['info'] = new Map();
  if (!sheet) return info;
  const byLabel = new Map(INFO_FIELDS.map((field) => [fold(field.label), field.key]));
  sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    if (rowNumber === 1) return;
    const label = sheetCell(row.getCell(1), lang);
    const keyCell = sheetCell(row.getCell(3), lang);
    const key =
      typeof keyCell === 'string' && keyCell.trim() !== ''
        ? keyCell.trim()
        : typeof label === 'string'
          ? (byLabel.get(fold(label)) ?? label.trim())
          : null;
    if (!key) return;
    info.set(key, { row: rowNumber, value: sheetCell(row.getCell(2), lang) });
  });
  return info;
}

/** Reads a ruleset workbook (.xlsx) into a book. Throws InputError when it is not one. */
export async function readWorkbookBook(bytes: Uint8Array, file: string, lang: Lang): Promise<Book> {
  const workbook = await loadWorkbook(bytes, file, lang);
  const targets = findSheet(workbook, TARGETS.name);
  if (!targets) {
    throw new InputError(
      file,
      tr(lang, 'rt.noTargetSheet', {
        file: shownFile(file),
        sheet: TARGETS.name,
        names: workbook.worksheets.map((sheet) => escapeControls(sheet.name)).join(', '),
      }),
    );
  }
  const where = { file, lang };
  const lists: Book['lists'] = {};
  for (const spec of LIST_SHEETS) {
    const sheet = findSheet(workbook, spec.name);
    lists[spec.id as keyof Book['lists']] = sheet && sheet.rowCount > 0 ? readSheet(sheet, spec, where) : [];
  }
  return {
    info: readInfo(findSheet(workbook, INFO_SHEET), lang),
    targets: readSheet(targets, TARGETS, where),
    lists,
  };
}
