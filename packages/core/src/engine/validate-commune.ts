/**
 * The slow path of input validation: when the engine's one-pass read of a commune (engine/read-commune.ts)
 * refuses it, this lists every problem, each with the field, the value and the reason in both languages.
 */
import type { CommuneIssue } from '../errors.js';
import { COMMUNE_GROUPS, type LocalizedText, REGIONS } from '../schema/common.js';
import { closest } from '../util/suggest.js';
import { type MeasureDictionary, problemOf } from './measures.js';

const REGION_SET = new Set<string>(REGIONS);
const GROUP_SET = new Set<string>(COMMUNE_GROUPS);
export const COMMUNE_KEYS = new Set([
  'id',
  'name',
  'region',
  'province',
  'district',
  'group',
  'categories',
  'values',
]);

/** A value shortened for messages (a 100 000-character cell must not fill the screen). */
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

function kindOf(value: unknown): LocalizedText {
  if (value === null) return { vi: 'null', en: 'null' };
  if (value === undefined) return { vi: 'không có', en: 'nothing' };
  if (Array.isArray(value)) return { vi: 'một danh sách', en: 'a list' };
  if (typeof value === 'string')
    return { vi: `chữ ${JSON.stringify(show(value))}`, en: `the text ${JSON.stringify(show(value))}` };
  return { vi: typeof value === 'object' ? 'một đối tượng' : String(value), en: `a ${typeof value}` };
}

/**
 * Lists every problem of a commune object. `isProvince` says whether a province id exists at all (whether it
 * exists on the assessment date is the engine's question).
 */
export function communeIssues(
  input: unknown,
  index: number,
  dictionary: MeasureDictionary,
  categories: ReadonlySet<string>,
  isProvince: (id: string) => boolean,
  /** The positions the evaluated chain reads, when known: values of other measures are not checked. */
  positionOf: Int32Array | null = null,
): CommuneIssue[] {
  if (!input || typeof input !== 'object' || Array.isArray(input)) {
    const got = kindOf(input);
    return [
      {
        index,
        communeId: null,
        field: '',
        value: show(input),
        reason: `expected a commune object, got ${got.en}`,
        reasonVi: `cần một đối tượng xã, nhận được ${got.vi}`,
      },
    ];
  }
  const raw = input as Record<string, unknown>;
  const id = typeof raw.id === 'string' && raw.id.trim().length > 0 ? raw.id : null;
  const issues: CommuneIssue[] = [];
  const add = (field: string, value: unknown, message: LocalizedText) =>
    issues.push({
      index,
      communeId: id,
      field,
      value: show(value),
      reason: message.en,
      reasonVi: message.vi,
    });
  if (id === null) {
    const got = kindOf(raw.id);
    add('id', raw.id, {
      vi: `cần một mã xã (chữ, không rỗng), nhận được ${got.vi}`,
      en: `expected a non-empty text id, got ${got.en}`,
    });
  }
  if (typeof raw.name !== 'string' || raw.name.trim().length === 0) {
    const got = kindOf(raw.name);
    add('name', raw.name, {
      vi: `cần tên xã (không rỗng), nhận được ${got.vi}`,
      en: `expected a non-empty name, got ${got.en}`,
    });
  }
  for (const key of Object.keys(raw)) {
    if (!COMMUNE_KEYS.has(key)) {
      const known = [...COMMUNE_KEYS].join(', ');
      add(key, raw[key], {
        vi: `trường '${key}' không có trong dữ liệu xã (các trường: ${known})`,
        en: `unknown field '${key}' (expected ${known})`,
      });
    }
  }
  const region = raw.region ?? null;
  if (region !== null && (typeof region !== 'string' || !REGION_SET.has(region))) {
    add('region', region, {
      vi: `vùng không hợp lệ; các vùng: ${REGIONS.join(', ')}`,
      en: `unknown region; expected one of ${REGIONS.join(', ')}`,
    });
  }
  const group = raw.group ?? null;
  if (group !== null && (typeof group !== 'string' || !GROUP_SET.has(group))) {
    add('group', group, {
      vi: `nhóm xã không hợp lệ; các nhóm: ${COMMUNE_GROUPS.join(', ')}`,
      en: `unknown commune group; expected one of ${COMMUNE_GROUPS.join(', ')}`,
    });
  }
  const province = raw.province ?? null;
  if (province !== null && (typeof province !== 'string' || !isProvince(province))) {
    add('province', province, {
      vi: 'mã tỉnh không tồn tại (cần mã ASCII như nam-dinh, ninh-binh)',
      en: 'unknown province id (expected an ASCII slug such as nam-dinh)',
    });
  }
  const district = raw.district ?? null;
  if (district !== null && typeof district !== 'string')
    add('district', district, { vi: 'cần chữ', en: 'expected text' });
  if (raw.categories !== undefined && raw.categories !== null) {
    if (!Array.isArray(raw.categories)) {
      add('categories', raw.categories, {
        vi: 'cần một danh sách mã loại xã',
        en: 'expected a list of category ids',
      });
    } else {
      raw.categories.forEach((category, i) => {
        if (typeof category !== 'string' || !categories.has(category)) {
          const hint = typeof category === 'string' ? closest(category, categories) : null;
          const known = [...categories].join(', ');
          add(`categories[${i}]`, category, {
            vi: `loại xã không có trong bộ tiêu chí${hint ? ` (có phải '${hint}'?)` : ''}; các loại: ${known}`,
            en: `unknown commune category${hint ? ` (did you mean '${hint}'?)` : ''}; known: ${known}`,
          });
        }
      });
    }
  }
  const values = raw.values;
  if (!values || typeof values !== 'object' || Array.isArray(values)) {
    const got = kindOf(values);
    add('values', values, {
      vi: `cần một đối tượng số liệu, nhận được ${got.vi}`,
      en: `expected an object of measure values, got ${got.en}`,
    });
    return issues;
  }
  const proto = Object.getPrototypeOf(values);
  if (proto !== Object.prototype && proto !== null) {
    add('values', '[object]', { vi: 'cần một đối tượng JSON thường', en: 'expected a plain object' });
    return issues;
  }
  for (const key of Object.keys(values)) {
    const value = (values as Record<string, unknown>)[key];
    const entry = dictionary.get(key);
    if (!entry) {
      const hint = closest(key, dictionary.keys);
      add(`values.${key}`, value, {
        vi: `không có số liệu nào tên '${key}'${hint ? ` (có phải '${hint}'?)` : ''}`,
        en: `unknown measure '${key}'${hint ? ` (did you mean '${hint}'?)` : ''}`,
      });
      continue;
    }
    if (value === null || value === undefined) continue;
    if (positionOf && (positionOf[entry.slot] as number) < 0) continue;
    const problem = problemOf(entry, value);
    if (problem) add(`values.${key}`, value, problem);
  }
  return issues;
}
