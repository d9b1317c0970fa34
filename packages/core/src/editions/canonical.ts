/**
 * The canonical form of a ruleset file: the same rules, written without redundancy, so that a file can be
 * turned into a table (one row per target cell, with the provenance that applies to it) and back without
 * losing or inventing anything. `ntm rules export` / `ntm rules import` reproduce a canonical file exactly.
 *
 * Every step below keeps the meaning of the file (what the engine resolves for every commune):
 *
 * - a target cell does not repeat the provenance it inherits: a `confidence`, `source`, `quote` or `rationale`
 *   equal to its indicator's (or, in an overlay or amendment, its entry's, after `defaults`) is left out;
 * - an unknown cell (`value: null`) does not say `confidence: "unknown"`: an unknown value has no other;
 * - a cell that is only a value is written as the bare value (`64`, not `{ "value": 64 }`);
 * - a target that is a single cell (no table) has its provenance on its indicator (or entry), where the
 *   catalog reads it: the cell carries none of its own, and an unknown single cell makes the indicator's
 *   confidence "unknown" (a value that is not known has no other). What is resolved for a commune does not
 *   change; the indicator's summary in the catalog then says what its only value says;
 * - an entry of `targets` does not repeat a field of the file's `defaults`;
 * - an overlay entry's `op` differs from the national comparator (given `national`, the edition it extends);
 * - `effective.to: null` is left out (both mean "in force until replaced").
 */
import type { Edition } from '../schema/edition.js';
import { isDerived, isGroupTable, isRegionTable, isYearTable } from './targets.js';

const PROVENANCE = ['confidence', 'source', 'quote', 'rationale'] as const;
const ENTRY_FIELDS = ['citation', ...PROVENANCE] as const;

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type JsonObject = { [key: string]: Json };

/** Deep equality of two JSON values (key order does not matter). */
export function jsonEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a)) {
    const other = b as unknown[];
    return a.length === other.length && a.every((item, i) => jsonEqual(item, other[i]));
  }
  const keysA = Object.keys(a);
  const keysB = Object.keys(b);
  if (keysA.length !== keysB.length) return false;
  return keysA.every(
    (key) => Object.hasOwn(b, key) && jsonEqual((a as JsonObject)[key], (b as JsonObject)[key]),
  );
}

function isObject(value: unknown): value is JsonObject {
  return !!value && typeof value === 'object' && !Array.isArray(value);
}

/** A cell of a target table in canonical form, given the provenance it inherits. */
function canonicalCell(cell: Json, parent: Partial<Record<string, Json | undefined>>): Json {
  if (!isObject(cell)) return cell;
  const out: JsonObject = { ...cell };
  if (out.value === null && out.confidence === 'unknown') delete out.confidence;
  for (const field of PROVENANCE) {
    if (Object.hasOwn(out, field) && parent[field] !== undefined && jsonEqual(out[field], parent[field])) {
      delete out[field];
    }
  }
  const keys = Object.keys(out);
  if (keys.length === 1 && keys[0] === 'value' && out.value !== null) return out.value as Json;
  return out;
}

function canonicalEntry(entry: Json, parent: Partial<Record<string, Json | undefined>>): Json {
  if (isYearTable(entry)) {
    const byYear: JsonObject = {};
    for (const [key, cell] of Object.entries(entry.byYear)) byYear[key] = canonicalCell(cell as Json, parent);
    return { ...(entry as JsonObject), byYear };
  }
  return canonicalCell(entry, parent);
}

/** A target (cell, year table, region or group table, computed target) in canonical form. */
function canonicalTarget(target: Json, parent: Partial<Record<string, Json | undefined>>): Json {
  if (!isObject(target) || isDerived(target as never)) return target;
  for (const dimension of ['byRegion', 'byGroup'] as const) {
    if (dimension === 'byRegion' ? !isRegionTable(target) : !isGroupTable(target)) continue;
    const table: JsonObject = { ...target };
    const cells: JsonObject = {};
    for (const [key, entry] of Object.entries(target[dimension] as JsonObject)) {
      cells[key] = canonicalEntry(entry, parent);
    }
    table[dimension] = cells;
    if (Object.hasOwn(target, 'default')) table.default = canonicalEntry(target.default as Json, parent);
    return table;
  }
  return canonicalEntry(target, parent);
}

/** A target that is one cell: a value, or a cell object (not a table, not computed). */
function isSingleCell(target: Json): boolean {
  return (
    !isObject(target) ||
    (!isDerived(target as never) && !isRegionTable(target) && !isGroupTable(target) && !isYearTable(target))
  );
}

/**
 * Moves the provenance of a single-cell target up to its owner (indicator or entry), in place; an unknown
 * cell makes the owner's confidence "unknown".
 */
function liftSingleCell(owner: JsonObject, target: Json): Json {
  if (!isSingleCell(target) || !isObject(target)) return target;
  const cell: JsonObject = { ...target };
  for (const field of PROVENANCE) {
    if (Object.hasOwn(cell, field)) {
      owner[field] = cell[field] as Json;
      delete cell[field];
    }
  }
  if (cell.value === null) owner.confidence = 'unknown';
  return cell;
}

function canonicalIndicator(indicator: Json): Json {
  if (!isObject(indicator) || !isObject(indicator.test) || !Object.hasOwn(indicator.test, 'target')) {
    return indicator;
  }
  const out: JsonObject = { ...indicator };
  const lifted = liftSingleCell(out, indicator.test.target as Json);
  const parent = Object.fromEntries(PROVENANCE.map((field) => [field, out[field]]));
  out.test = { ...indicator.test, target: canonicalTarget(lifted, parent) };
  return out;
}

function nationalComparators(national: Edition | null | undefined): Map<string, string> {
  const ops = new Map<string, string>();
  for (const criterion of national?.criteria ?? []) {
    for (const indicator of criterion.indicators) {
      if ('op' in indicator.test) ops.set(indicator.id, indicator.test.op);
    }
  }
  return ops;
}

export interface CanonicalOptions {
  /**
   * The national edition an overlay extends (its first `extends`), so that an `op` equal to the national
   * comparator is left out. Without it, overlay comparators are kept as written.
   */
  national?: Edition | null;
}

/**
 * The canonical form of a ruleset file (edition, amendment or overlay), as a new object; the input is not
 * changed. See the module comment for what it does; it never changes what the file means.
 */
export function canonicalRuleset<T>(file: T, options: CanonicalOptions = {}): T {
  if (!isObject(file)) return file;
  const out: JsonObject = { ...file };
  if (isObject(out.effective) && out.effective.to === null) {
    const { to: _to, ...effective } = out.effective;
    out.effective = effective;
  }
  const criteria = (list: Json | undefined): Json | undefined =>
    Array.isArray(list)
      ? list.map((criterion) =>
          isObject(criterion) && Array.isArray(criterion.indicators)
            ? { ...criterion, indicators: criterion.indicators.map(canonicalIndicator) }
            : criterion,
        )
      : list;
  if (Object.hasOwn(out, 'criteria')) out.criteria = criteria(out.criteria) as Json;
  if (Array.isArray(out.indicators)) out.indicators = out.indicators.map(canonicalIndicator);
  if (Array.isArray(out.targets)) {
    const defaults = isObject(out.defaults) ? out.defaults : {};
    const ops = nationalComparators(options.national);
    out.targets = out.targets.map((entry) => {
      if (!isObject(entry)) return entry;
      const next: JsonObject = { ...entry };
      const lifted = liftSingleCell(next, entry.target as Json);
      const parent = Object.fromEntries(PROVENANCE.map((field) => [field, next[field] ?? defaults[field]]));
      next.target = canonicalTarget(lifted, parent);
      for (const field of ENTRY_FIELDS) {
        if (
          Object.hasOwn(next, field) &&
          defaults[field] !== undefined &&
          jsonEqual(next[field], defaults[field])
        ) {
          delete next[field];
        }
      }
      if (typeof next.op === 'string' && ops.get(String(next.indicator)) === next.op) delete next.op;
      return next;
    });
  }
  return out as T;
}

/** True when `file` is already in canonical form (see {@link canonicalRuleset}). */
export function isCanonicalRuleset(file: unknown, options: CanonicalOptions = {}): boolean {
  return jsonEqual(canonicalRuleset(file, options), file);
}
