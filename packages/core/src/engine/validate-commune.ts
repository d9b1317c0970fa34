import type { CommuneIssue } from '../errors.js';
import type { Region } from '../schema/common.js';
import { REGIONS } from '../schema/common.js';
import type { Measure } from '../schema/edition.js';
import { closest } from '../util/suggest.js';

export interface ValidCommune {
  id: string;
  name: string;
  region: Region | null;
  province: string | null;
  district: string | null;
  categories: readonly string[];
  values: Record<string, unknown>;
  /** The values by measure index (see {@link MeasureIndex}); absent and null are both undefined. */
  slots: unknown[];
  /** What results say of the commune (shared by the results of all its tiers). */
  info?: {
    id: string;
    name: string;
    province: string | null;
    provinceName: string | null;
    district: string | null;
  };
}

const KIND_NUMBER = 0;
const KIND_COUNT = 1;
const KIND_BOOLEAN = 2;
const KIND_ENUM = 3;
const KIND_ENUM_LIST = 4;

/**
 * The data dictionary of an engine as arrays indexed by measure, so that the hot path validates and reads
 * values by position instead of by name.
 */
export class MeasureIndex {
  readonly keys: string[] = [];
  readonly index = new Map<string, number>();
  readonly checks: ValueCheck[] = [];
  readonly #kind: number[] = [];
  readonly #min: number[] = [];
  readonly #max: number[] = [];
  readonly #allowed: Array<Set<string> | null> = [];

  constructor(measures: Iterable<[string, Measure]>) {
    for (const [key, measure] of measures) {
      this.index.set(key, this.keys.length);
      this.keys.push(key);
      this.checks.push(valueCheck(key, measure));
      const numericMin =
        measure.type === 'percent' || measure.type === 'count' || measure.type === 'money' ? 0 : -Infinity;
      this.#min.push(measure.min ?? numericMin);
      this.#max.push(measure.max ?? (measure.type === 'percent' ? 100 : Infinity));
      this.#kind.push(
        measure.type === 'boolean'
          ? KIND_BOOLEAN
          : measure.type === 'enum'
            ? measure.multiple
              ? KIND_ENUM_LIST
              : KIND_ENUM
            : measure.type === 'count'
              ? KIND_COUNT
              : KIND_NUMBER,
      );
      this.#allowed.push(measure.values ? new Set(measure.values.map((item) => item.id)) : null);
    }
  }

  slot(key: string): number {
    const slot = this.index.get(key);
    if (slot === undefined) throw new Error(`unknown measure '${key}'`);
    return slot;
  }

  /** True when the value fits the measure (the same rules as `checks`, without building a message). */
  accepts(slot: number, value: unknown): boolean {
    switch (this.#kind[slot]) {
      case KIND_NUMBER:
        return (
          typeof value === 'number' &&
          value >= (this.#min[slot] as number) &&
          value <= (this.#max[slot] as number)
        );
      case KIND_COUNT:
        return (
          typeof value === 'number' &&
          Number.isInteger(value) &&
          value >= (this.#min[slot] as number) &&
          value <= (this.#max[slot] as number)
        );
      case KIND_BOOLEAN:
        return typeof value === 'boolean';
      default:
        return this.checks[slot]?.(value) === null;
    }
  }
}

/** Checks one value against its measure; returns the reason it is invalid, or null. */
export type ValueCheck = (value: unknown) => string | null;

const REGION_SET = new Set<string>(REGIONS);
const COMMUNE_KEYS = new Set(['id', 'name', 'region', 'province', 'district', 'categories', 'values']);

export function show(value: unknown): unknown {
  if (typeof value === 'string' && value.length > 80) return `${value.slice(0, 77)}…`;
  if (value && typeof value === 'object') {
    try {
      const text = JSON.stringify(value);
      return text.length > 80 ? `${text.slice(0, 77)}…` : value;
    } catch {
      return '[unserialisable]';
    }
  }
  return value;
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'string') return `the text ${JSON.stringify(show(value))}`;
  if (typeof value === 'number' && !Number.isFinite(value)) return String(value);
  return `a ${typeof value}`;
}

/** Builds the check for one measure (done once per registry, not per commune). */
export function valueCheck(key: string, measure: Measure): ValueCheck {
  const min =
    measure.min ??
    (measure.type === 'percent' || measure.type === 'count' || measure.type === 'money' ? 0 : -Infinity);
  const max = measure.max ?? (measure.type === 'percent' ? 100 : Infinity);
  const unit = measure.type === 'percent' ? ' %' : '';
  switch (measure.type) {
    case 'boolean':
      return (value) =>
        typeof value === 'boolean'
          ? null
          : `expected true or false (yes/no), got ${describe(value)}${typeof value === 'string' ? ': text is not converted by the engine; the CLI reads "Có"/"Không"' : ''}`;
    case 'enum': {
      const allowed = new Set((measure.values ?? []).map((item) => item.id));
      const list = [...allowed].join(', ');
      const one = (value: unknown) =>
        typeof value === 'string' && allowed.has(value)
          ? null
          : `expected one of ${list}, got ${describe(value)}`;
      if (!measure.multiple) return one;
      return (value) => {
        if (!Array.isArray(value)) return `expected a list of values among ${list}, got ${describe(value)}`;
        if (value.length > allowed.size)
          return `the list has ${value.length} entries, more than the ${allowed.size} allowed values`;
        for (const item of value) {
          const reason = one(item);
          if (reason) return reason;
        }
        if (new Set(value).size !== value.length) return 'the list repeats a value';
        return null;
      };
    }
    default:
      return (value) => {
        if (typeof value !== 'number') {
          const hint =
            typeof value === 'string'
              ? ': text such as "85,5" or "85%" is not converted by the engine; convert it when reading the file'
              : '';
          return `expected a number, got ${describe(value)}${hint}`;
        }
        if (!Number.isFinite(value)) return `expected a finite number, got ${value}`;
        if (measure.type === 'count' && !Number.isInteger(value))
          return `expected a whole number, got ${value}`;
        if (value < min) return `${value}${unit} is below the smallest valid value ${min}${unit} of ${key}`;
        if (value > max) return `${value}${unit} is above the largest valid value ${max}${unit} of ${key}`;
        return null;
      };
  }
}

/**
 * Validates a commune against the data dictionary. Returns the issues (empty = valid). Values are checked
 * as given: strings are never coerced to numbers here.
 */
export function validateCommune(
  input: unknown,
  index: number,
  measures: MeasureIndex,
  categories: ReadonlySet<string>,
  isProvince: (id: string) => boolean,
): { commune: ValidCommune; issues: null } | { commune: null; issues: CommuneIssue[] } {
  if (!input || typeof input !== 'object' || Array.isArray(input)) {
    return {
      commune: null,
      issues: [
        {
          index,
          communeId: null,
          field: '',
          value: show(input),
          reason: `expected a commune object, got ${describe(input)}`,
        },
      ],
    };
  }
  const raw = input as Record<string, unknown>;
  const id = typeof raw.id === 'string' && raw.id.length > 0 ? raw.id : null;
  const issues: CommuneIssue[] = [];
  const add = (field: string, value: unknown, reason: string) =>
    issues.push({ index, communeId: id, field, value: show(value), reason });
  if (id === null) add('id', raw.id, `expected a non-empty text id, got ${describe(raw.id)}`);
  if (typeof raw.name !== 'string' || raw.name.length === 0)
    add('name', raw.name, `expected a non-empty name, got ${describe(raw.name)}`);
  for (const key of Object.keys(raw)) {
    if (!COMMUNE_KEYS.has(key))
      add(key, raw[key], `unknown field '${key}' (expected ${[...COMMUNE_KEYS].join(', ')})`);
  }
  const region = raw.region ?? null;
  if (region !== null && (typeof region !== 'string' || !REGION_SET.has(region))) {
    add('region', region, `unknown region; expected one of ${REGIONS.join(', ')}`);
  }
  const province = raw.province ?? null;
  if (province !== null && (typeof province !== 'string' || !isProvince(province))) {
    add('province', province, 'unknown province id (expected an ASCII slug such as nam-dinh)');
  }
  const district = raw.district ?? null;
  if (district !== null && typeof district !== 'string') add('district', district, 'expected text');
  let communeCategories: readonly string[] = [];
  if (raw.categories !== undefined && raw.categories !== null) {
    if (!Array.isArray(raw.categories)) add('categories', raw.categories, 'expected a list of category ids');
    else {
      communeCategories = raw.categories as string[];
      raw.categories.forEach((category, i) => {
        if (typeof category !== 'string' || !categories.has(category)) {
          const hint = typeof category === 'string' ? closest(category, categories) : null;
          add(
            `categories[${i}]`,
            category,
            `unknown commune category${hint ? ` (did you mean '${hint}'?)` : ''}; known: ${[...categories].join(', ')}`,
          );
        }
      });
    }
  }
  const values = raw.values;
  if (!values || typeof values !== 'object' || Array.isArray(values)) {
    add('values', values, `expected an object of measure values, got ${describe(values)}`);
  } else {
    const proto = Object.getPrototypeOf(values);
    if (proto !== Object.prototype && proto !== null) add('values', '[object]', 'expected a plain object');
    for (const key of Object.keys(values)) {
      const value = (values as Record<string, unknown>)[key];
      const slot = measures.index.get(key);
      const check = slot === undefined ? undefined : measures.checks[slot];
      if (!check) {
        const hint = closest(key, measures.keys);
        add(`values.${key}`, value, `unknown measure '${key}'${hint ? ` (did you mean '${hint}'?)` : ''}`);
        continue;
      }
      if (value === null || value === undefined) continue;
      const reason = check(value);
      if (reason) add(`values.${key}`, value, reason);
    }
  }
  if (issues.length > 0) return { commune: null, issues };
  const slots: unknown[] = new Array(measures.keys.length);
  for (const key of Object.keys(values as object)) {
    const value = (values as Record<string, unknown>)[key];
    if (value !== null && value !== undefined) slots[measures.slot(key)] = value;
  }
  return {
    commune: {
      slots,
      id: id as string,
      name: raw.name as string,
      region: region as Region | null,
      province: province as string | null,
      district: district as string | null,
      categories: communeCategories,
      values: values as Record<string, unknown>,
    },
    issues: null,
  };
}

/**
 * Validates a commune and lays its values out by measure index. Returns null when anything is wrong:
 * the caller then runs {@link validateCommune} to list every problem.
 */
export function acceptCommune(
  input: unknown,
  measures: MeasureIndex,
  categories: ReadonlySet<string>,
  isProvince: (id: string) => boolean,
): ValidCommune | null {
  if (!input || typeof input !== 'object' || Array.isArray(input)) return null;
  const raw = input as Record<string, unknown>;
  for (const key in raw) if (!COMMUNE_KEYS.has(key)) return null;
  const { id, name, values } = raw;
  if (typeof id !== 'string' || id.length === 0 || typeof name !== 'string' || name.length === 0) return null;
  const region = raw.region ?? null;
  if (region !== null && (typeof region !== 'string' || !REGION_SET.has(region))) return null;
  const province = raw.province ?? null;
  if (province !== null && (typeof province !== 'string' || !isProvince(province))) return null;
  const district = raw.district ?? null;
  if (district !== null && typeof district !== 'string') return null;
  const list = raw.categories ?? null;
  if (list !== null) {
    if (!Array.isArray(list)) return null;
    for (const category of list) if (typeof category !== 'string' || !categories.has(category)) return null;
  }
  if (!values || typeof values !== 'object' || Array.isArray(values)) return null;
  const proto = Object.getPrototypeOf(values);
  if (proto !== Object.prototype && proto !== null) return null;
  const slots: unknown[] = new Array(measures.keys.length);
  const index = measures.index;
  for (const key in values) {
    const slot = index.get(key);
    if (slot === undefined) return null;
    const value = (values as Record<string, unknown>)[key];
    if (value === null || value === undefined) continue;
    if (!measures.accepts(slot, value)) return null;
    slots[slot] = value;
  }
  return {
    id,
    name,
    region: region as Region | null,
    province: province as string | null,
    district: district as string | null,
    categories: (list as string[] | null) ?? [],
    values: values as Record<string, unknown>,
    slots,
  };
}
