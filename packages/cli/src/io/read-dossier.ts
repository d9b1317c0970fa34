/**
 * The dossier file (hồ sơ) of a review: one row per commune × criterion with the dossier's state, read from
 * CSV, Excel or JSON with the same limits and the same row/column problem reporting as commune data. Columns
 * (Vietnamese or English headers, any case, with or without diacritics): Mã xã (or Xã, Tên xã), Tiêu chí,
 * Trạng thái hồ sơ, and optionally Ngày cập nhật, Người phụ trách, Ghi chú. A row whose commune starts with
 * `#` is a comment (the template's example row). Matching rows with the evaluation is core's
 * `reviewDossiers`; this module only reads the cells.
 */
import { type DossierRow, parseDossierStatus } from '@nongthonmoi/core';
import type { Lang } from '../i18n.js';
import { tr } from '../messages.js';
import { normalizeCriterionId } from '../owners.js';
import { escapeControls } from '../safe-text.js';
import type { RawCell } from './cells.js';
import { LIMITS } from './limits.js';
import { detectFormat, readBytes } from './read.js';
import { csvRecords, decodeText } from './read-csv.js';
import { parseJsonList, pathDeeperThan } from './read-json.js';
import { loadWorkbook, rawCell } from './read-xlsx.js';
import { cellText, isEmptyRow, normalizeId } from './rows.js';
import { dayOfCell } from './snapshot-date.js';
import { fold, preview, shownFile } from './text.js';
import { InputError, type InputFormat, type RowProblem } from './types.js';

export type DossierField = 'commune' | 'name' | 'criterion' | 'status' | 'updated' | 'owner' | 'note';

/** Headers accepted for each column, folded (see `fold`). */
const ALIASES: Record<DossierField, string[]> = {
  commune: ['ma xa', 'id', 'ma', 'ma so', 'commune', 'commune id', 'xa'],
  name: ['ten xa', 'name', 'commune name'],
  criterion: ['tieu chi', 'tc', 'ma tieu chi', 'so tieu chi', 'criterion', 'criterion id'],
  status: [
    'trang thai ho so',
    'trang thai',
    'tinh trang ho so',
    'tinh trang',
    'ho so',
    'status',
    'dossier',
    'dossier status',
  ],
  updated: ['ngay cap nhat', 'cap nhat', 'ngay', 'updated', 'update date', 'date'],
  owner: ['nguoi phu trach', 'phu trach', 'can bo phu trach', 'don vi phu trach', 'owner', 'responsible'],
  note: ['ghi chu', 'note', 'notes', 'comment'],
};

/** Headers written in the template (`ntm template --dossier`). */
export const DOSSIER_HEADERS: Record<DossierField, { vi: string; en: string }> = {
  commune: { vi: 'Mã xã', en: 'Commune id' },
  name: { vi: 'Tên xã', en: 'Commune name' },
  criterion: { vi: 'Tiêu chí', en: 'Criterion' },
  status: { vi: 'Trạng thái hồ sơ', en: 'Dossier status' },
  updated: { vi: 'Ngày cập nhật', en: 'Updated' },
  owner: { vi: 'Người phụ trách', en: 'Owner' },
  note: { vi: 'Ghi chú', en: 'Note' },
};

/**
 * Columns that are not data: the row numbers people add to every Vietnamese table, and the criterion's name
 * the template writes beside its number (for reading).
 */
const ROW_NUMBER_HEADERS = new Set([
  'stt',
  'tt',
  'so tt',
  'so thu tu',
  'no',
  '#',
  'ten tieu chi',
  'criterion name',
]);

const FIELD_BY_HEADER = new Map<string, DossierField>();
for (const [field, aliases] of Object.entries(ALIASES) as Array<[DossierField, string[]]>) {
  for (const alias of aliases) FIELD_BY_HEADER.set(alias, field);
  FIELD_BY_HEADER.set(fold(DOSSIER_HEADERS[field].vi), field);
  FIELD_BY_HEADER.set(fold(DOSSIER_HEADERS[field].en), field);
}

export interface DossierRead {
  file: string;
  format: InputFormat;
  /** `row` for CSV and Excel (the spreadsheet's numbers, header = 1), `item` for JSON (from 1). */
  unit: 'row' | 'item';
  /** The rows read, in file order; their status is parsed, their commune and criterion trimmed. */
  rows: DossierRow[];
  /** Where each of `rows` is in the file (same order). */
  sourceRows: number[];
  /** The header (or JSON key) of each column found, as written: for messages about a row's cell. */
  headers: Partial<Record<DossierField, string>>;
  /** Cells that could not be used, by row: the row is left out (bad commune, criterion or status) or kept. */
  problems: RowProblem[];
  /** Columns that are not dossier columns (listed on stderr, not an error). */
  ignoredColumns: string[];
}

interface Layout {
  /** Position of each field's column. */
  index: Partial<Record<DossierField, number>>;
  headers: Partial<Record<DossierField, string>>;
  ignored: string[];
}

function layoutOf(header: readonly string[], file: string, lang: Lang): Layout {
  const layout: Layout = { index: {}, headers: {}, ignored: [] };
  const problems: Array<{ column: string; reason: string }> = [];
  header.forEach((text, index) => {
    const folded = fold(text);
    if (folded === '' || ROW_NUMBER_HEADERS.has(folded)) return;
    const field = FIELD_BY_HEADER.get(folded);
    if (!field) {
      layout.ignored.push(text.trim());
      return;
    }
    const first = layout.headers[field];
    if (first !== undefined) {
      problems.push({
        column: text,
        reason: tr(lang, 'dossier.duplicateColumn', { header: `"${text.trim()}"`, first: `"${first}"` }),
      });
      return;
    }
    layout.index[field] = index;
    layout.headers[field] = text.trim();
  });
  const shown = shownFile(file);
  if (problems.length > 0) throw new InputError(file, tr(lang, 'header.problems', { file: shown }), problems);
  const missing =
    layout.index.commune === undefined && layout.index.name === undefined
      ? tr(lang, 'dossier.columnCommune')
      : layout.index.criterion === undefined
        ? tr(lang, 'dossier.columnCriterion')
        : layout.index.status === undefined
          ? tr(lang, 'dossier.columnStatus')
          : null;
  if (missing) {
    const found = header.filter((h) => h.trim() !== '').map((h) => `"${escapeControls(preview(h.trim()))}"`);
    throw new InputError(
      file,
      tr(lang, 'dossier.columns', {
        file: shown,
        missing,
        found: found.join(', ') || tr(lang, 'owners.nothing'),
      }),
    );
  }
  return layout;
}

function isBlank(cell: RawCell | undefined): boolean {
  return !cell || cell.kind === 'empty' || (cell.kind === 'text' && cell.text.trim() === '');
}

/** The text of an id-like cell (a commune id may be a number in Excel), or null when it cannot be one. */
function idText(cell: RawCell): string | null {
  if (cell.kind === 'text') return normalizeId(cell.text);
  if (cell.kind === 'number') return String(cell.value);
  return null;
}

/** Reads one row into `out` (or reports why it cannot be used). Returns false for rows to skip. */
function readRow(
  cellOf: (field: DossierField) => RawCell | undefined,
  where: { file: string; row: number; headers: Partial<Record<DossierField, string>>; lang: Lang },
  out: { rows: DossierRow[]; sourceRows: number[]; problems: RowProblem[] },
): void {
  const { file, row, headers, lang } = where;
  const idCell = cellOf('commune');
  const nameCell = cellOf('name');
  const commune = !isBlank(idCell)
    ? idText(idCell as RawCell)
    : !isBlank(nameCell)
      ? idText(nameCell as RawCell)
      : '';
  if (commune?.startsWith('#')) return;
  const before = out.problems.length;
  const add = (field: DossierField, cell: RawCell | undefined, reason: string, reasonVi?: string) =>
    out.problems.push({
      file,
      row,
      column: headers[field] ?? field,
      value: cell ? cellText(cell) : '',
      reason,
      ...(reasonVi ? { reasonVi } : {}),
      communeId: commune || null,
    });
  if (commune === null)
    add(idCell && !isBlank(idCell) ? 'commune' : 'name', idCell ?? nameCell, tr(lang, 'dossier.notText'));
  else if (commune === '') add('commune', idCell, tr(lang, 'dossier.communeEmpty'));
  const criterionCell = cellOf('criterion');
  const criterion = isBlank(criterionCell) ? '' : idText(criterionCell as RawCell);
  if (criterion === null) add('criterion', criterionCell, tr(lang, 'dossier.notText'));
  else if (criterion === '') add('criterion', criterionCell, tr(lang, 'dossier.criterionEmpty'));
  const statusCell = cellOf('status');
  const status = parseDossierStatus(
    statusCell && statusCell.kind === 'text'
      ? statusCell.text
      : isBlank(statusCell)
        ? null
        : cellText(statusCell as RawCell),
  );
  if (!status.ok)
    add('status', statusCell, status.problem.reason.en ?? status.problem.reason.vi, status.problem.reason.vi);
  if (out.problems.length > before || !status.ok || !commune || !criterion) return;
  const entry: DossierRow = {
    commune,
    criterion: normalizeCriterionId(criterion),
    status: status.status,
  };
  const updatedCell = cellOf('updated');
  if (!isBlank(updatedCell)) {
    const cell = updatedCell as RawCell;
    const day = dayOfCell(cell);
    if (day) entry.updated = day;
    else add('updated', cell, tr(lang, 'dossier.notADate'));
  }
  for (const field of ['owner', 'note'] as const) {
    const cell = cellOf(field);
    if (isBlank(cell)) continue;
    const text = cellText(cell as RawCell).trim();
    if (text) entry[field] = text.normalize('NFC');
  }
  out.rows.push(entry);
  out.sourceRows.push(row);
}

function tooManyRows(file: string, lang: Lang): InputError {
  return new InputError(
    file,
    tr(lang, 'read.tooManyRows', { file: shownFile(file), limit: LIMITS.dataRows }),
  );
}

export function readDossierCsv(text: string, file: string, lang: Lang = 'vi'): DossierRead {
  const shown = shownFile(file);
  const { records } = csvRecords(text, file, lang);
  const header = records[0];
  if (!header || header.every((cell) => cell.trim() === '')) {
    throw new InputError(file, tr(lang, 'dossier.empty', { file: shown }));
  }
  const layout = layoutOf(header, file, lang);
  const out = { rows: [] as DossierRow[], sourceRows: [] as number[], problems: [] as RowProblem[] };
  let count = 0;
  for (let i = 1; i < records.length; i++) {
    const cells: RawCell[] = (records[i] as string[]).map((text) => ({ kind: 'text', text }));
    if (isEmptyRow(cells)) continue;
    if (++count > LIMITS.dataRows) throw tooManyRows(file, lang);
    readRow(
      (field) => {
        const index = layout.index[field];
        return index === undefined ? undefined : cells[index];
      },
      { file, row: i + 1, headers: layout.headers, lang },
      out,
    );
  }
  return {
    file,
    format: 'csv',
    unit: 'row',
    ...out,
    headers: layout.headers,
    ignoredColumns: layout.ignored,
  };
}

/** The sheet a dossier workbook keeps its rows on: one named "Hồ sơ" (or "Dossiers"), else the first. */
const SHEET_NAMES = new Set(['ho so', 'dossier', 'dossiers']);

export async function readDossierXlsx(
  bytes: Uint8Array,
  file: string,
  lang: Lang = 'vi',
): Promise<DossierRead> {
  const shown = shownFile(file);
  const workbook = await loadWorkbook(bytes, file, lang);
  const sheet =
    workbook.worksheets.find((candidate) => SHEET_NAMES.has(fold(candidate.name))) ?? workbook.worksheets[0];
  if (!sheet) throw new InputError(file, tr(lang, 'xlsx.noSheet', { file: shown }));
  const width = Math.min(sheet.columnCount, LIMITS.columns);
  const headerRow = sheet.getRow(1);
  const header: string[] = [];
  for (let c = 1; c <= width; c++) {
    const cell = rawCell(headerRow.getCell(c), false, lang);
    header.push(cell.kind === 'text' ? cell.text : cell.kind === 'number' ? String(cell.value) : '');
  }
  if (header.every((text) => text.trim() === '')) {
    throw new InputError(
      file,
      tr(lang, 'xlsx.headerEmpty', { file: shown, sheet: escapeControls(sheet.name) }),
    );
  }
  const layout = layoutOf(header, file, lang);
  const out = { rows: [] as DossierRow[], sourceRows: [] as number[], problems: [] as RowProblem[] };
  let count = 0;
  sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    if (rowNumber < 2) return;
    const cells: RawCell[] = [];
    row.eachCell({ includeEmpty: false }, (cell, column) => {
      cells[column - 1] = rawCell(cell, true, lang);
    });
    if (isEmptyRow(cells)) return;
    if (++count > LIMITS.dataRows) throw tooManyRows(file, lang);
    readRow(
      (field) => {
        const index = layout.index[field];
        return index === undefined ? undefined : cells[index];
      },
      { file, row: rowNumber, headers: layout.headers, lang },
      out,
    );
  });
  return {
    file,
    format: 'xlsx',
    unit: 'row',
    ...out,
    headers: layout.headers,
    ignoredColumns: layout.ignored,
  };
}

function jsonCell(value: unknown): RawCell {
  if (value === null || value === undefined) return { kind: 'empty' };
  if (typeof value === 'string') return { kind: 'text', text: value };
  if (typeof value === 'number') return { kind: 'number', value };
  if (typeof value === 'boolean') return { kind: 'boolean', value };
  return { kind: 'error', error: preview(JSON.stringify(value) ?? '') };
}

export function readDossierJson(text: string, file: string, lang: Lang = 'vi'): DossierRead {
  const { list } = parseJsonList(text, file, 'dossiers', lang);
  if (list.length > LIMITS.dataRows) throw tooManyRows(file, lang);
  const out = { rows: [] as DossierRow[], sourceRows: [] as number[], problems: [] as RowProblem[] };
  const headers: Partial<Record<DossierField, string>> = {};
  const ignored = new Set<string>();
  list.forEach((item, index) => {
    const row = index + 1;
    if (!item || typeof item !== 'object' || Array.isArray(item) || pathDeeperThan(item, 2) !== null) {
      out.problems.push({
        file,
        row,
        column: '',
        value: preview(JSON.stringify(item) ?? String(item)),
        reason: tr(lang, 'dossier.notAnObject'),
        communeId: null,
      });
      return;
    }
    const byField = new Map<DossierField, unknown>();
    const keys = new Map<DossierField, string>();
    for (const [key, value] of Object.entries(item)) {
      const field = FIELD_BY_HEADER.get(fold(key)) ?? (key in ALIASES ? (key as DossierField) : undefined);
      if (!field) {
        ignored.add(key);
        continue;
      }
      byField.set(field, value);
      keys.set(field, key);
    }
    readRow(
      (field) => (byField.has(field) ? jsonCell(byField.get(field)) : undefined),
      { file, row, headers: Object.fromEntries(keys), lang },
      out,
    );
    for (const [field, key] of keys) headers[field] ??= key;
  });
  return { file, format: 'json', unit: 'item', ...out, headers, ignoredColumns: [...ignored] };
}

/** Reads a dossier file of any supported format (by extension, or its first bytes). */
export async function readDossier(file: string, lang: Lang = 'vi'): Promise<DossierRead> {
  const bytes = await readBytes(file, { lang });
  switch (detectFormat(file, bytes, lang)) {
    case 'csv':
      return readDossierCsv(decodeText(bytes, file, lang), file, lang);
    case 'json':
      return readDossierJson(decodeText(bytes, file, lang), file, lang);
    case 'xlsx':
      return readDossierXlsx(bytes, file, lang);
  }
}
