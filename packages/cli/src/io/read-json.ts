/**
 * JSON reader: an array of communes, or `{ "communes": [...] }`, in the engine's own format. Values must
 * already be typed (85.5, true, ["giao-duc"]): JSON text is not converted the way spreadsheet cells are.
 * An item nested deeper than {@link LIMITS.jsonDepth} levels is a row error (the others are read), and ids are
 * trimmed and put in Unicode NFC, as in the spreadsheet readers.
 */
import type { Commune } from '@nongthonmoi/core';
import type { Lang } from '../i18n.js';
import { tr } from '../messages.js';
import { escapeControls } from '../safe-text.js';
import { checkValue, isExcelError } from './cells.js';
import { COMMUNE_FIELDS, type Dictionary } from './columns.js';
import { LIMITS } from './limits.js';
import { IdRegister, normalizeId } from './rows.js';
import { parseDayText } from './snapshot-date.js';
import { closest, shownFile } from './text.js';
import { InputError, type ReadCommune, type ReadResult, type RowProblem } from './types.js';

export interface JsonOptions {
  ignoreUnknownColumns?: boolean;
  lang?: Lang;
}

/** A value as the problem's `value` keeps it: text as is, anything else as JSON, shortened. */
function show(value: unknown): string {
  if (value === undefined) return '';
  let text: string;
  try {
    text =
      typeof value === 'string' ? value : typeof value === 'number' ? String(value) : JSON.stringify(value);
  } catch {
    text = '…';
  }
  return text.length > 80 ? `${text.slice(0, 77)}…` : text;
}

/**
 * Where `value` goes deeper than `limit` levels (the item itself is level 1), as a path such as
 * `values.x[0][0]`, or null. Iterative: a value nested a million levels deep cannot overflow the stack.
 */
export function pathDeeperThan(value: unknown, limit: number): string | null {
  const stack: Array<{ value: unknown; depth: number; path: string }> = [{ value, depth: 1, path: '' }];
  while (stack.length > 0) {
    const { value: current, depth, path } = stack.pop() as (typeof stack)[number];
    if (current === null || typeof current !== 'object') continue;
    if (depth > limit) return path || '(item)';
    if (Array.isArray(current)) {
      current.forEach((item, index) => {
        stack.push({ value: item, depth: depth + 1, path: `${path}[${index}]` });
      });
    } else {
      for (const [key, item] of Object.entries(current)) {
        const name = escapeControls(key.length > 40 ? `${key.slice(0, 39)}…` : key);
        stack.push({ value: item, depth: depth + 1, path: path ? `${path}.${name}` : name });
      }
    }
  }
  return null;
}

/** Why V8 refused the text, in the user's language: where the syntax error is, or that the text ends early. */
export function jsonSyntaxWhy(error: Error, text: string, lang: Lang): string {
  const position = /position (\d+)/.exec(error.message);
  if (position) {
    const offset = Number(position[1]);
    const before = text.slice(0, offset);
    const line = before.split(/\r\n|\n|\r/).length;
    const column = offset - Math.max(before.lastIndexOf('\n'), before.lastIndexOf('\r'));
    return tr(lang, 'json.syntaxAt', { line, column });
  }
  if (/end of (JSON )?input/i.test(error.message)) return tr(lang, 'json.endsEarly');
  return tr(lang, 'json.syntax');
}

/**
 * Parses a JSON data file whose items are either the whole document (an array) or the array under `key`
 * (`{ "communes": [...] }`, `{ "dossiers": [...] }`). A syntax error or another shape is an InputError in `lang`.
 */
export function parseJsonList(
  text: string,
  file: string,
  key: 'communes' | 'dossiers',
  lang: Lang,
): { data: unknown; list: unknown[] } {
  const shown = shownFile(file);
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    throw new InputError(
      file,
      tr(lang, 'json.invalid', { file: shown, why: jsonSyntaxWhy(error as Error, text, lang) }),
    );
  }
  const list = Array.isArray(data)
    ? data
    : data && typeof data === 'object' && Array.isArray((data as Record<string, unknown>)[key])
      ? ((data as Record<string, unknown>)[key] as unknown[])
      : null;
  if (!list) {
    throw new InputError(
      file,
      tr(lang, key === 'communes' ? 'json.notAList' : 'dossier.notAList', { file: shown }),
    );
  }
  return { data, list };
}

export function readJsonText(
  text: string,
  file: string,
  dictionary: Dictionary,
  options: JsonOptions = {},
): ReadResult {
  const lang = options.lang ?? 'vi';
  const shown = shownFile(file);
  const { data, list } = parseJsonList(text, file, 'communes', lang);
  // `{ "asOf": "2023-11-15", "communes": [...] }`: the day the whole file describes.
  const fileAsOf = Array.isArray(data) ? undefined : (data as { asOf?: unknown }).asOf;
  const fileDay = typeof fileAsOf === 'string' ? parseDayText(fileAsOf) : null;
  if (fileAsOf !== undefined && fileDay === null) {
    throw new InputError(file, `${shown}: "asOf": ${show(fileAsOf)}: ${tr(lang, 'row.notADate')}`);
  }
  if (list.length > LIMITS.dataRows) {
    throw new InputError(file, tr(lang, 'read.tooManyRows', { file: shown, limit: LIMITS.dataRows }));
  }
  const problems: RowProblem[] = [];
  const communes: ReadCommune[] = [];
  const ids = new IdRegister();
  const ignored = new Set<string>();
  const fields = new Set<string>(COMMUNE_FIELDS);
  fields.add('values');
  const fieldList = [...fields].join(', ');
  // One suggestion per unknown key: a file repeating a typo on every item compares it once.
  const hints = new Map<string, string | null>();
  const hintFor = (key: string) => {
    if (!hints.has(key)) hints.set(key, closest(key, dictionary.measures.keys()));
    return hints.get(key) ?? null;
  };
  let rows = 0;
  list.forEach((item, index) => {
    const row = index + 1;
    const before = problems.length;
    const record = item as Record<string, unknown>;
    const isObject = !!item && typeof item === 'object' && !Array.isArray(item);
    const communeId =
      isObject && typeof record.id === 'string' && normalizeId(record.id) !== ''
        ? normalizeId(record.id)
        : null;
    const add = (column: string, value: unknown, reason: string) =>
      problems.push({ file, row, column, value: show(value), reason, communeId });
    if (!isObject) {
      rows++;
      add('', pathDeeperThan(item, LIMITS.jsonDepth) ? '' : item, tr(lang, 'json.notACommune'));
      return;
    }
    if (communeId?.startsWith('#') && !isExcelError(communeId)) return;
    rows++;
    const deep = pathDeeperThan(item, LIMITS.jsonDepth);
    if (deep !== null) {
      add('', '', tr(lang, 'json.tooDeep', { limit: LIMITS.jsonDepth, path: deep }));
      return;
    }
    if (communeId !== null && isExcelError(communeId)) {
      add('id', communeId, tr(lang, 'json.idSpreadsheetError', { id: communeId }));
    }
    const values = record.values;
    if (values === undefined || values === null || typeof values !== 'object' || Array.isArray(values)) {
      add('values', values, tr(lang, 'json.expectedValues', { none: values === undefined }));
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
          const hint = hintFor(key);
          add(`values.${key}`, value, tr(lang, 'json.unknownMeasure', { hint }));
          continue;
        }
        const reason = checkValue(value, measure, lang);
        if (reason) add(`values.${key}`, value, reason);
        else kept[key] = value;
      }
    }
    const commune: Record<string, unknown> = {};
    let asOf: string | undefined;
    for (const [key, value] of Object.entries(record)) {
      if (key === 'values') continue;
      if (key === 'asOf') {
        const day = typeof value === 'string' ? parseDayText(value) : null;
        if (day) asOf = day;
        else add(key, value, tr(lang, 'row.notADate'));
        continue;
      }
      if (!fields.has(key)) {
        if (options.ignoreUnknownColumns) ignored.add(key);
        else add(key, value, tr(lang, 'json.unknownField', { fields: fieldList }));
        continue;
      }
      commune[key] = value;
    }
    if (communeId !== null) commune.id = communeId;
    commune.values = kept ?? values;
    if (communeId !== null) {
      const first = ids.claim(communeId, row);
      if (first !== null) {
        add(
          'id',
          communeId,
          tr(lang, 'row.duplicateId', { id: escapeControls(communeId), unit: 'item', first }),
        );
      }
    }
    if (problems.length === before)
      communes.push({ row, commune: commune as Commune, ...(asOf ? { asOf } : {}) });
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
    ...(fileDay ? { asOf: fileDay } : {}),
  };
}
