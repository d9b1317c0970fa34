/**
 * JSON reader: an array of communes, or `{ "communes": [...] }`, in the engine's own format. Values must
 * already be typed (85.5, true, ["giao-duc"]): JSON text is not converted the way spreadsheet cells are.
 */
import type { Commune } from '@nongthonmoi/core';
import { checkValue, isExcelError } from './cells.js';
import { COMMUNE_FIELDS, type Dictionary } from './columns.js';
import { IdRegister } from './rows.js';
import { closest } from './text.js';
import { InputError, type ReadCommune, type ReadResult, type RowProblem } from './types.js';

export interface JsonOptions {
  ignoreUnknownColumns?: boolean;
}

function show(value: unknown): string {
  if (value === undefined) return '';
  const text =
    typeof value === 'string' ? value : typeof value === 'number' ? String(value) : JSON.stringify(value);
  return text.length > 80 ? `${text.slice(0, 77)}…` : text;
}

export function readJsonText(
  text: string,
  file: string,
  dictionary: Dictionary,
  options: JsonOptions = {},
): ReadResult {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    throw new InputError(file, `${file} is not valid JSON: ${(error as Error).message}`);
  }
  const list = Array.isArray(data)
    ? data
    : data && typeof data === 'object' && Array.isArray((data as { communes?: unknown }).communes)
      ? (data as { communes: unknown[] }).communes
      : null;
  if (!list) {
    throw new InputError(file, `${file}: expected an array of communes or an object { "communes": [...] }`);
  }
  const problems: RowProblem[] = [];
  const communes: ReadCommune[] = [];
  const ids = new IdRegister();
  const ignored = new Set<string>();
  const fields = new Set<string>(COMMUNE_FIELDS);
  fields.add('values');
  let rows = 0;
  list.forEach((item, index) => {
    const row = index + 1;
    const before = problems.length;
    const record = item as Record<string, unknown>;
    const communeId =
      item && typeof item === 'object' && typeof record.id === 'string' && record.id !== ''
        ? record.id
        : null;
    const add = (column: string, value: unknown, reason: string) =>
      problems.push({ file, row, column, value: show(value), reason, communeId });
    if (!item || typeof item !== 'object' || Array.isArray(item)) {
      rows++;
      add('', item, 'expected a commune object { id, name, province or region, values }');
      return;
    }
    if (communeId?.startsWith('#') && !isExcelError(communeId)) return;
    rows++;
    if (communeId !== null && isExcelError(communeId)) {
      add('id', communeId, `the id holds the spreadsheet error ${communeId.trim()}`);
    }
    const values = record.values;
    if (values === undefined || values === null || typeof values !== 'object' || Array.isArray(values)) {
      add(
        'values',
        values,
        `expected "values": { "measure_key": value, … }${values === undefined ? ' (the item has none; {} when no value is known)' : ''}`,
      );
    }
    let kept: Record<string, unknown> | undefined;
    if (values && typeof values === 'object' && !Array.isArray(values)) {
      kept = {};
      for (const [key, value] of Object.entries(values)) {
        const measure = dictionary.measures.get(key);
        if (!measure) {
          if (options.ignoreUnknownColumns) {
            ignored.add(`values.${key}`);
            continue;
          }
          const hint = closest(key, dictionary.measures.keys());
          add(`values.${key}`, value, `unknown measure${hint ? ` (did you mean ${hint}?)` : ''}`);
          continue;
        }
        const reason = checkValue(value, measure);
        if (reason) add(`values.${key}`, value, reason);
        else kept[key] = value;
      }
    }
    const commune: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(record)) {
      if (key === 'values') continue;
      if (!fields.has(key)) {
        if (options.ignoreUnknownColumns) ignored.add(key);
        else add(key, value, `unknown field; expected ${[...fields].join(', ')}`);
        continue;
      }
      commune[key] = value;
    }
    commune.values = kept ?? values;
    if (communeId !== null) {
      const first = ids.claim(communeId, row);
      if (first !== null) {
        add(
          'id',
          communeId,
          `duplicate commune id ${communeId} (first in item ${first}); this item is not evaluated`,
        );
      }
    }
    if (problems.length === before) communes.push({ row, commune: commune as Commune });
  });
  return {
    file,
    format: 'json',
    unit: 'item',
    communes,
    problems,
    rows,
    columns: [],
    ignoredColumns: [...ignored],
  };
}
