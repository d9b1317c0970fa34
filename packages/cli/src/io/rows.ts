/** Builds communes from spreadsheet rows (CSV and Excel share this). */
import type { Commune, MeasureValue } from '@nongthonmoi/core';
import type { Lang } from '../i18n.js';
import { tr } from '../messages.js';
import { escapeControls } from '../safe-text.js';
import { isExcelError, parseCell, type RawCell } from './cells.js';
import {
  type Column,
  type Dictionary,
  parseCategories,
  parseGroup,
  parseProvince,
  parseRegion,
} from './columns.js';
import { dayOfCell } from './snapshot-date.js';
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
function textOf(cell: RawCell, lang: Lang): { ok: true; value: string } | { ok: false; reason: string } {
  switch (cell.kind) {
    case 'text':
      // A CSV export writes an Excel error cell as its text: "#N/A" is not an id (nor a "#" comment).
      if (isExcelError(cell.text)) {
        return { ok: false, reason: tr(lang, 'cell.spreadsheetError', { error: cell.text.trim() }) };
      }
      return { ok: true, value: normalizeId(cell.text) };
    case 'number':
      return { ok: true, value: String(cell.value) };
    case 'empty':
      return { ok: true, value: '' };
    case 'error':
      return {
        ok: false,
        reason: cell.reason ?? tr(lang, 'cell.spreadsheetError', { error: escapeControls(cell.error) }),
      };
    case 'date':
      return { ok: false, reason: tr(lang, 'row.dateNotText') };
    case 'boolean':
      return { ok: false, reason: tr(lang, 'row.booleanNotText') };
  }
}

/**
 * A commune id (or another commune text field) as every reader keeps it: trimmed and in Unicode NFC. Two ids
 * that look the same are the same id, whichever file or tool they came from.
 */
export function normalizeId(text: string): string {
  return text.trim().normalize('NFC');
}

/**
 * Tracks the ids already seen in a file, so that a repeated id is an error on the later rows.
 * Returns the row where the id first appeared, or null. Ids are compared once trimmed and in Unicode NFC.
 */
export class IdRegister {
  readonly #first = new Map<string, number>();
  claim(id: string, row: number): number | null {
    const key = normalizeId(id);
    const first = this.#first.get(key);
    if (first !== undefined) return first;
    this.#first.set(key, row);
    return null;
  }
}

/** What buildCommune needs to know about a header row, worked out once per file. */
interface RowPlan {
  id: Column | undefined;
  name: Column | undefined;
  /** Columns with a meaning (fields and measures), in header order. */
  active: Column[];
  measures: Column[];
  /** Columns whose header is empty, by index: a value under one is an error. */
  unnamed: Map<number, Column>;
}

const plans = new WeakMap<readonly Column[], RowPlan>();

function planOf(columns: readonly Column[]): RowPlan {
  let plan = plans.get(columns);
  if (!plan) {
    const field = (name: string) =>
      columns.find((column) => column.target.kind === 'field' && column.target.field === name);
    plan = {
      id: field('id'),
      name: field('name'),
      active: columns.filter((column) => column.target.kind !== 'ignored'),
      measures: columns.filter((column) => column.target.kind === 'measure'),
      unnamed: new Map(columns.filter((column) => column.unnamed).map((column) => [column.index, column])),
    };
    plans.set(columns, plan);
  }
  return plan;
}

/** What reading a row in file order decides: the row is kept, with its id and whether that id came before. */
export interface ScreenedRow {
  /** The row as the spreadsheet shows it. */
  row: number;
  /** The row's id when it has a usable one. */
  communeId: string | null;
  /** The row where the id first appeared, when it is a repeat. */
  duplicateOf: number | null;
}

/**
 * A row with its cells, screened but not yet converted: the work that can be done on another thread. A CSV
 * row travels as its texts (lighter to send than cells).
 */
export interface PendingRow extends ScreenedRow {
  cells: readonly (RawCell | undefined)[] | readonly string[];
}

/** The cells of a pending row (a CSV row's texts as text cells). */
export function cellsOf(pending: PendingRow): readonly (RawCell | undefined)[] {
  const cells = pending.cells;
  if (cells.length > 0 && typeof cells[0] === 'string') {
    return (cells as readonly string[]).map((text) => ({ kind: 'text' as const, text }));
  }
  return cells as readonly (RawCell | undefined)[];
}

/**
 * The part of reading a row that must follow the file's order: whether the row is skipped (null: empty, or an
 * id starting with "#", which marks comments and the template's example row), and claiming its id (a repeated
 * id is an error on the later rows). Cheap: no cell is converted.
 */
export function screenRow(
  cells: readonly (RawCell | undefined)[],
  columns: readonly Column[],
  row: number,
  ids: IdRegister,
  lang: Lang = 'vi',
): ScreenedRow | null {
  if (isEmptyRow(cells)) return null;
  const plan = planOf(columns);
  const idCell = plan.id ? (cells[plan.id.index] ?? EMPTY) : EMPTY;
  const idText = textOf(idCell, lang);
  const communeId = idText.ok && idText.value !== '' ? idText.value : null;
  if (communeId?.startsWith('#')) return null;
  // A row with no id, no name and no measure value is blank, even if a province or district was pre-filled.
  if (
    isBlank(idCell) &&
    (!plan.name || isBlank(cells[plan.name.index])) &&
    plan.measures.every((column) => isBlank(cells[column.index]))
  ) {
    return null;
  }
  const duplicateOf = communeId !== null && plan.id ? (ids.claim(communeId, row) ?? null) : null;
  return { row, communeId, duplicateOf };
}

/**
 * Turns one screened row into a commune, or reports every problem it has (in the order of the columns, a
 * repeated id last). `cells` may be sparse (an Excel row holds only its non-empty cells): the work is
 * proportional to the cells present and the columns with a meaning, never to the width of the sheet.
 */
export function convertRow(
  cells: readonly (RawCell | undefined)[],
  columns: readonly Column[],
  screened: ScreenedRow,
  context: {
    file: string;
    dictionary: Dictionary;
    problems: RowProblem[];
    unit?: 'row' | 'item';
    lang?: Lang;
  },
): ReadCommune | 'invalid' {
  const lang = context.lang ?? 'vi';
  const { file, dictionary, problems } = context;
  const { row, communeId } = screened;
  const plan = planOf(columns);
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
  let asOf: string | undefined;
  if (plan.unnamed.size > 0) {
    cells.forEach((cell, index) => {
      const column = plan.unnamed.get(index);
      if (column && cell && !isBlank(cell)) add(column.header, cell, tr(lang, 'row.valueWithoutHeader'));
    });
  }
  for (const column of plan.active) {
    const cell = cells[column.index] ?? EMPTY;
    const target = column.target;
    if (target.kind === 'ignored') continue;
    if (target.kind === 'measure') {
      const result = parseCell(cell, target.measure, lang);
      if (!result.ok) add(column.header, cell, result.reason);
      else if (result.value !== null) values[target.key] = result.value;
      continue;
    }
    if (target.field === 'asOf') {
      // The day the figures describe: a date cell, or text such as 15/11/2023 (not part of the commune).
      if (isBlank(cell)) continue;
      const day = dayOfCell(cell);
      if (day) asOf = day;
      else add(column.header, cell, tr(lang, 'row.notADate'));
      continue;
    }
    const text = textOf(cell, lang);
    if (!text.ok) {
      add(column.header, cell, text.reason);
      continue;
    }
    const value = text.value;
    switch (target.field) {
      case 'id':
        if (value === '') add(column.header, cell, tr(lang, 'row.idEmpty'));
        else commune.id = value;
        break;
      case 'name':
        if (value === '') add(column.header, cell, tr(lang, 'row.nameEmpty'));
        else commune.name = value;
        break;
      case 'district':
        if (value !== '') commune.district = value;
        break;
      case 'province':
        if (value !== '') {
          const province = parseProvince(value, lang);
          if (province.ok) commune.province = province.value;
          else add(column.header, cell, province.reason);
        }
        break;
      case 'region':
        if (value !== '') {
          const region = parseRegion(value, lang);
          if (region.ok) commune.region = region.value;
          else add(column.header, cell, region.reason);
        }
        break;
      case 'group':
        if (value !== '') {
          const group = parseGroup(value, lang);
          if (group.ok) commune.group = group.value;
          else add(column.header, cell, group.reason);
        }
        break;
      case 'categories':
        if (value !== '') {
          const categories = parseCategories(value, dictionary, lang);
          if (categories.ok) commune.categories = categories.value;
          else add(column.header, cell, categories.reason);
        }
        break;
    }
  }
  if (screened.duplicateOf !== null && communeId !== null && plan.id) {
    add(
      plan.id.header,
      communeId,
      tr(lang, 'row.duplicateId', {
        id: escapeControls(communeId),
        unit: context.unit ?? 'row',
        first: screened.duplicateOf,
      }),
    );
  }
  if (problems.length > before) return 'invalid';
  commune.values = values;
  return asOf ? { row, commune: commune as Commune, asOf } : { row, commune: commune as Commune };
}

/** Converts pending rows, in order: the good ones as communes, the others' problems into `problems`. */
export function convertRows(
  pending: readonly PendingRow[],
  columns: readonly Column[],
  context: {
    file: string;
    dictionary: Dictionary;
    problems: RowProblem[];
    unit?: 'row' | 'item';
    lang?: Lang;
  },
): ReadCommune[] {
  const communes: ReadCommune[] = [];
  for (const row of pending) {
    const result = convertRow(cellsOf(row), columns, row, context);
    if (result !== 'invalid') communes.push(result);
  }
  return communes;
}

/**
 * Turns one row into a commune, or reports every problem it has. Returns null for rows to skip (empty, or
 * an id starting with "#", which marks comments and the template's example row). `cells` may be sparse (an
 * Excel row holds only its non-empty cells): the work is proportional to the cells present and the columns
 * with a meaning, never to the width of the sheet.
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
    lang?: Lang;
  },
): ReadCommune | null | 'invalid' {
  const screened = screenRow(cells, columns, context.row, context.ids, context.lang);
  if (!screened) return null;
  return convertRow(cells, columns, screened, context);
}
