/**
 * The fast path of input validation, fused with loading: one pass over a commune's values both checks each
 * value the chain reads and stores it by position. Values of measures the chain does not read are only checked
 * to be known measures. Anything wrong returns null, and the caller lists the problems with
 * validate-commune.ts.
 */
import { COMMUNE_GROUPS, type CommuneGroup, REGIONS, type Region } from '../schema/common.js';
import type { Chain } from './lower.js';
import { accepts, KIND_NUMBER, type MeasureEntry } from './measures.js';
import { COMMUNE_KEYS } from './validate-commune.js';

const REGION_SET: ReadonlySet<string> = new Set(REGIONS);
const GROUP_SET: ReadonlySet<string> = new Set(COMMUNE_GROUPS);

/** The fields of a commune object, checked. */
export interface CommuneFields {
  id: string;
  name: string;
  region: Region | null;
  province: string | null;
  district: string | null;
  group: CommuneGroup | null;
  categories: readonly string[];
  values: Record<string, unknown>;
}

const NO_CATEGORIES: readonly string[] = [];

/** Checks the fields of a commune object (not its values). Null when anything is wrong. */
export function readFields(
  input: unknown,
  categories: ReadonlySet<string>,
  isProvince: (id: string) => boolean,
): CommuneFields | null {
  if (!input || typeof input !== 'object' || Array.isArray(input)) return null;
  const raw = input as Record<string, unknown>;
  for (const key in raw) if (!COMMUNE_KEYS.has(key)) return null;
  const { id, name, values } = raw;
  if (typeof id !== 'string' || id.trim().length === 0) return null;
  if (typeof name !== 'string' || name.trim().length === 0) return null;
  const region = raw.region ?? null;
  if (region !== null && (typeof region !== 'string' || !REGION_SET.has(region))) return null;
  const group = raw.group ?? null;
  if (group !== null && (typeof group !== 'string' || !GROUP_SET.has(group))) return null;
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
  return {
    id,
    name,
    region: region as Region | null,
    province: province as string | null,
    district: district as string | null,
    group: group as CommuneGroup | null,
    categories: (list as string[] | null) ?? NO_CATEGORIES,
    values: values as Record<string, unknown>,
  };
}

/**
 * Checks and loads the values the chain reads, by position, in one pass over the commune's keys. Null when a
 * key is unknown or a value is invalid. Communes of one file share their keys in the same order, so the
 * position of the key at each place is remembered from the previous commune and only looked up when it
 * differs: a string comparison instead of a dictionary lookup per key.
 */
export function loadValues(values: Record<string, unknown>, chain: Chain): unknown[] | null {
  const loaded: unknown[] = new Array(chain.entries.length);
  const seenKeys = chain.seenKeys;
  const seenPositions = chain.seenPositions;
  const entries = chain.entries;
  let j = 0;
  for (const key in values) {
    let position: number;
    if (seenKeys[j] === key) position = seenPositions[j] as number;
    else {
      const entry = chain.dictionary.get(key);
      if (entry === undefined) return null;
      position = chain.positionOf[entry.slot] as number;
      seenKeys[j] = key;
      seenPositions[j] = position;
    }
    j++;
    // Values of measures the chain does not read are not checked: they cannot change its verdicts.
    if (position < 0) continue;
    const value = values[key];
    if (value === null || value === undefined) continue;
    const entry = entries[position] as MeasureEntry;
    if (entry.kind === KIND_NUMBER) {
      if (typeof value !== 'number' || !(value >= entry.min && value <= entry.max)) return null;
    } else if (!accepts(entry, value)) return null;
    loaded[position] = value;
  }
  return loaded;
}
