/** Builds communes from spreadsheet rows (CSV and Excel share this). */
import type { Commune, MeasureValue } from '@nongthonmoi/core';
import { isExcelError, parseCell, type RawCell } from './cells.js';
import { type Column, type Dictionary, parseCategories, parseProvince, parseRegion } from './columns.js';
import type { ReadCommune, RowProblem } from './types.js';

const EMPTY: RawCell = { kind: 'empty' };

/** The cell as the user wrote it, for messages. */
export function cellText(cell: RawCell): string {
  switch (cell.kind) {
    case 'empty':
      return '';
    case 'text':
      return cell.text;
    case 'number':
      return cell.percentFormat
        ? `${Number.parseFloat((cell.value * 100).toPrecision(12))}%`
        : String(cell.value);
    case 'boolean':
      return cell.value ? 'TRUE' : 'FALSE';
    case 'date':
      return Number.isNaN(cell.value.getTime()) ? 'date' : cell.value.toISOString().slice(0, 10);
    case 'error':
      return cell.error;
  }
}

function isBlank(cell: RawCell | undefined): boolean {
  return !cell || cell.kind === 'empty' || (cell.kind === 'text' && cell.text.trim() === '');
}

/** True for rows with nothing in them. */
export function isEmptyRow(cells: readonly (RawCell | undefined)[]): boolean {
  return cells.every(isBlank);
}

/**
 * The text of a commune field (id, name, province…), trimmed and in Unicode NFC, so that "xã" typed with a
 * combining accent (NFD, as some Mac and web tools write it) is the same text as the precomposed one.
 */
function textOf(cell: RawCell): { ok: true; value: string } | { ok: false; reason: string } {
  switch (cell.kind) {
    case 'text':
      // A CSV export writes an Excel error cell as its text: "#N/A" is not an id (nor a "#" comment).
      if (isExcelError(cell.text)) {
        return { ok: false, reason: `the cell holds the spreadsheet error ${cell.text.trim()}` };
      }
      return { ok: true, value: cell.text.trim().normalize('NFC') };
    case 'number':
      return { ok: true, value: String(cell.value) };
    case 'empty':
      return { ok: true, value: '' };
    case 'error':
      return { ok: false, reason: cell.reason ?? `the cell holds the spreadsheet error ${cell.error}` };
    case 'date':
      return { ok: false, reason: 'the cell holds a date, not text' };
    case 'boolean':
      return { ok: false, reason: 'the cell holds TRUE/FALSE, not text' };
  }
}

/**
 * Tracks the ids already seen in a file, so that a repeated id is an error on the later rows.
 * Returns the row where the id first appeared, or null. Ids are compared in Unicode NFC: two ids that look
 * the same are the same id.
 */
export class IdRegister {
  readonly #first = new Map<string, number>();
  claim(id: string, row: number): number | null {
    const key = id.normalize('NFC');
    const first = this.#first.get(key);
    if (first !== undefined) return first;
    this.#first.set(key, row);
    return null;
  }
}

/**
 * Turns one row into a commune, or reports every problem it has. Returns null for rows to skip (empty, or
 * an id starting with "#", which marks comments and the template's example row).
 */
export function buildCommune(
  cells: readonly (RawCell | undefined)[],
  columns: readonly Column[],
  context: {
    file: string;
    row: number;
    dictionary: Dictionary;
    ids: IdRegister;
    problems: RowProblem[];
    unit?: 'row' | 'item';
  },
): ReadCommune | null | 'invalid' {
  if (isEmptyRow(cells)) return null;
  const { file, row, dictionary, problems } = context;
  const idColumn = columns.find((column) => column.target.kind === 'field' && column.target.field === 'id');
  const idCell = idColumn ? (cells[idColumn.index] ?? EMPTY) : EMPTY;
  const idText = textOf(idCell);
  const communeId = idText.ok && idText.value !== '' ? idText.value : null;
  if (communeId?.startsWith('#')) return null;
  // A row with no id, no name and no measure value is blank, even if a province or district was pre-filled.
  const nameColumn = columns.find(
    (column) => column.target.kind === 'field' && column.target.field === 'name',
  );
  if (
    isBlank(idCell) &&
    (!nameColumn || isBlank(cells[nameColumn.index])) &&
    columns.every((column) => column.target.kind !== 'measure' || isBlank(cells[column.index]))
  ) {
    return null;
  }
  const before = problems.length;
  const add = (column: string, cell: RawCell | string, reason: string) =>
    problems.push({
      file,
      row,
      column,
      value: typeof cell === 'string' ? cell : cellText(cell),
      reason,
      communeId,
    });
  const commune: Record<string, unknown> = {};
  const values: Record<string, MeasureValue> = {};
  for (const column of columns) {
    const cell = cells[column.index] ?? EMPTY;
    const target = column.target;
    if (target.kind === 'ignored') {
      if (column.header.startsWith('(column ') && !isBlank(cell)) {
        add(column.header, cell, 'the cell has a value but its column has no header');
      }
      continue;
    }
    if (target.kind === 'measure') {
      const result = parseCell(cell, target.measure);
      if (!result.ok) add(column.header, cell, result.reason);
      else if (result.value !== null) values[target.key] = result.value;
      continue;
    }
    const text = textOf(cell);
    if (!text.ok) {
      add(column.header, cell, text.reason);
      continue;
    }
    const value = text.value;
    switch (target.field) {
      case 'id':
        if (value === '') add(column.header, cell, 'the commune id is empty');
        else commune.id = value;
        break;
      case 'name':
        if (value === '') add(column.header, cell, 'the commune name is empty');
        else commune.name = value;
        break;
      case 'district':
        if (value !== '') commune.district = value;
        break;
      case 'province':
        if (value !== '') {
          const province = parseProvince(value);
          if (province.ok) commune.province = province.value;
          else add(column.header, cell, province.reason);
        }
        break;
      case 'region':
        if (value !== '') {
          const region = parseRegion(value);
          if (region.ok) commune.region = region.value;
          else add(column.header, cell, region.reason);
        }
        break;
      case 'categories':
        if (value !== '') {
          const categories = parseCategories(value, dictionary);
          if (categories.ok) commune.categories = categories.value;
          else add(column.header, cell, categories.reason);
        }
        break;
    }
  }
  if (communeId !== null && idColumn) {
    const first = context.ids.claim(communeId, row);
    if (first !== null) {
      add(
        idColumn.header,
        communeId,
        `duplicate commune id ${communeId} (first on ${context.unit ?? 'row'} ${first}); this ${context.unit ?? 'row'} is not evaluated`,
      );
    }
  }
  if (problems.length > before) return 'invalid';
  commune.values = values;
  return { row, commune: commune as Commune };
}
