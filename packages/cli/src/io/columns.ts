/**
 * Column headers → commune fields and measures. A header may be the measure key (`health_insurance_pct`) or
 * its Vietnamese (or English) label ("Tỷ lệ tham gia BHYT (%)"), compared without case, accents or
 * punctuation. A header that matches two measures, or none, is an error.
 */
import {
  COMMUNE_GROUP_NAMES,
  COMMUNE_GROUPS,
  type CommuneGroup,
  getEngine,
  listProvinces,
  type Measure,
  REGION_NAMES,
  REGIONS,
  type Region,
  type RulesetInput,
} from '@nongthonmoi/core';
import type { Lang } from '../i18n.js';
import { tr } from '../messages.js';
import { escapeControls } from '../safe-text.js';
import { LIMITS } from './limits.js';
import { closest, fold, preview } from './text.js';

export const COMMUNE_FIELDS = [
  'id',
  'name',
  'region',
  'province',
  'district',
  'categories',
  'group',
  'asOf',
] as const;
export type CommuneField = (typeof COMMUNE_FIELDS)[number];

/** Headers accepted for the commune's own fields (folded), besides the field name itself. */
const FIELD_ALIASES: Record<CommuneField, string[]> = {
  id: ['id', 'ma', 'ma xa', 'ma so', 'ma dvhc', 'code', 'commune id'],
  name: ['name', 'ten', 'ten xa', 'xa', 'commune', 'commune name'],
  region: ['region', 'vung', 'vung kinh te'],
  province: ['province', 'tinh', 'tinh thanh pho', 'tinh tp'],
  district: ['district', 'huyen', 'quan huyen'],
  categories: ['categories', 'loai xa', 'phan loai'],
  // The commune group of 51/2025/QĐ-TTg ("nhóm xã"), whose targets the 2026–2030 criteria use.
  group: ['group', 'nhom xa', 'nhom', 'commune group', 'phan nhom xa'],
  // The day the figures describe (used by `ntm review` to date a snapshot; not part of the commune).
  asOf: ['as of', 'asof', 'date', 'ngay so lieu', 'ngay bao cao', 'ngay danh gia', 'thoi diem so lieu'],
};

/** Vietnamese headers written in templates for the commune's fields. */
export const FIELD_LABELS: Record<CommuneField, { vi: string; en: string }> = {
  id: { vi: 'Mã xã', en: 'Commune id' },
  name: { vi: 'Tên xã', en: 'Commune name' },
  region: { vi: 'Vùng', en: 'Region' },
  province: { vi: 'Tỉnh', en: 'Province' },
  district: { vi: 'Huyện', en: 'District' },
  categories: { vi: 'Loại xã', en: 'Categories' },
  asOf: { vi: 'Ngày số liệu', en: 'Data date' },
  group: { vi: 'Nhóm xã', en: 'Commune group' },
};

export type ColumnTarget =
  | { kind: 'field'; field: CommuneField }
  | { kind: 'measure'; key: string; measure: Measure }
  | { kind: 'ignored' };

export interface Column {
  /** 0-based position in the row. */
  index: number;
  /** The header as written (for messages), or "(cột 5)" for a column without one. */
  header: string;
  target: ColumnTarget;
  /** True for a column whose header is empty. */
  unnamed?: boolean;
}

export interface HeaderProblem {
  column: string;
  reason: string;
}

/** What a data file may contain: the measures of every known edition and overlay, and the categories. */
export interface Dictionary {
  measures: ReadonlyMap<string, Measure>;
  categories: ReadonlyMap<string, { vi: string; en: string }>;
  /** Folded label → measure keys having it. */
  labels: ReadonlyMap<string, string[]>;
  /** The ruleset files loaded with --rulesets (passed on to the engine). */
  rulesets: readonly RulesetInput[];
  /** What an unknown header is compared with for a suggestion: keys, Vietnamese labels, commune fields. */
  headerCandidates: readonly string[];
}

const dictionaries = new WeakMap<object, Dictionary>();
const NO_RULESETS: readonly RulesetInput[] = [];

/** The dictionary of every measure known to the engine (bundled rulesets plus `rulesets`). */
export function dictionaryFor(rulesets: readonly RulesetInput[] = NO_RULESETS): Dictionary {
  const cacheKey = rulesets.length > 0 ? rulesets : NO_RULESETS;
  const cached = dictionaries.get(cacheKey);
  if (cached) return cached;
  const engine = getEngine(rulesets.length > 0 ? rulesets : undefined);
  const measures = new Map<string, Measure>();
  for (const [key, measure] of engine.measures()) measures.set(key, measure);
  const labels = new Map<string, string[]>();
  const addLabel = (text: string, key: string) => {
    const folded = fold(text);
    if (!folded) return;
    const keys = labels.get(folded) ?? [];
    if (!keys.includes(key)) keys.push(key);
    labels.set(folded, keys);
  };
  for (const [key, measure] of measures) {
    addLabel(measure.label.vi, key);
    addLabel(measure.label.en, key);
  }
  const dictionary: Dictionary = {
    measures,
    categories: new Map(engine.categories()),
    labels,
    rulesets,
    headerCandidates: [
      ...measures.keys(),
      ...[...measures.values()].map((m) => m.label.vi),
      ...COMMUNE_FIELDS,
    ],
  };
  dictionaries.set(cacheKey, dictionary);
  return dictionary;
}

const FIELD_BY_ALIAS = new Map<string, CommuneField>();
for (const field of COMMUNE_FIELDS) {
  for (const alias of FIELD_ALIASES[field]) FIELD_BY_ALIAS.set(alias, field);
  FIELD_BY_ALIAS.set(fold(FIELD_LABELS[field].vi), field);
  FIELD_BY_ALIAS.set(fold(FIELD_LABELS[field].en), field);
}

/** A header as messages show it: shortened, control and bidi characters made visible. */
export function shownHeader(header: string): string {
  return escapeControls(preview(header));
}

/**
 * What one header means, or why it means nothing. `hint: false` skips the "did you mean" suggestion (the only
 * part whose cost grows with the header's length and the dictionary's size).
 */
export function resolveHeader(
  header: string,
  dictionary: Dictionary,
  options: { lang?: Lang; hint?: boolean } = {},
): { target: ColumnTarget } | { reason: string } {
  const lang = options.lang ?? 'vi';
  const text = header.trim();
  if (text.length > LIMITS.headerLength) {
    return { reason: tr(lang, 'header.tooLong', { length: text.length, limit: LIMITS.headerLength }) };
  }
  const measure = dictionary.measures.get(text);
  if (measure) return { target: { kind: 'measure', key: text, measure } };
  const folded = fold(text);
  const field = FIELD_BY_ALIAS.get(folded);
  if (field) return { target: { kind: 'field', field } };
  const byKey = dictionary.measures.get(folded.replace(/ /g, '_'));
  if (byKey) return { target: { kind: 'measure', key: folded.replace(/ /g, '_'), measure: byKey } };
  const keys = dictionary.labels.get(folded);
  if (keys && keys.length === 1) {
    const key = keys[0] as string;
    return { target: { kind: 'measure', key, measure: dictionary.measures.get(key) as Measure } };
  }
  if (keys && keys.length > 1) {
    return { reason: tr(lang, 'header.several', { keys: keys.join(', ') }) };
  }
  const hint = options.hint === false ? null : closest(text, dictionary.headerCandidates);
  return {
    reason: tr(lang, 'header.unknown', {
      hint: hint === null ? null : escapeControls(hint),
      fields: COMMUNE_FIELDS.join(', '),
    }),
  };
}

/** Unknown headers reported one by one (with a suggestion each); the others are counted in one more line. */
const LISTED_UNKNOWN_HEADERS = 50;

/**
 * Maps a header row. Empty headers over empty columns are ignored; unknown headers are problems unless
 * `ignoreUnknown`; two headers for the same field or measure, or no id/name column, are problems. The work is
 * linear in the header row's size: suggestions are made for the first unknown headers only.
 */
export function mapHeaders(
  headers: readonly string[],
  dictionary: Dictionary,
  options: { ignoreUnknown?: boolean; lang?: Lang } = {},
): { columns: Column[]; problems: HeaderProblem[]; ignored: string[] } {
  const lang = options.lang ?? 'vi';
  const columns: Column[] = [];
  const problems: HeaderProblem[] = [];
  const ignored: string[] = [];
  const seen = new Map<string, string>();
  let unknown = 0;
  headers.forEach((raw, index) => {
    const header = raw.trim();
    if (header === '') {
      columns.push({
        index,
        header: tr(lang, 'column.unnamed', { n: index + 1 }),
        target: { kind: 'ignored' },
        unnamed: true,
      });
      return;
    }
    const listed = !options.ignoreUnknown && unknown < LISTED_UNKNOWN_HEADERS;
    const resolved = resolveHeader(header, dictionary, { lang, hint: listed });
    if ('reason' in resolved) {
      if (options.ignoreUnknown) ignored.push(header);
      else if (listed) problems.push({ column: header, reason: resolved.reason });
      unknown++;
      columns.push({ index, header, target: { kind: 'ignored' } });
      return;
    }
    const id =
      resolved.target.kind === 'field'
        ? `field:${resolved.target.field}`
        : `measure:${resolved.target.kind === 'measure' ? resolved.target.key : ''}`;
    const first = seen.get(id);
    if (first !== undefined) {
      problems.push({
        column: header,
        reason: tr(lang, 'header.sameColumn', {
          first: shownHeader(first),
          meaning: id.split(':')[1] as string,
        }),
      });
      columns.push({ index, header, target: { kind: 'ignored' } });
      return;
    }
    seen.set(id, header);
    columns.push({ index, header, target: resolved.target });
  });
  if (!options.ignoreUnknown && unknown > LISTED_UNKNOWN_HEADERS) {
    problems.push({
      column: '',
      reason: tr(lang, 'header.moreUnknown', { count: unknown - LISTED_UNKNOWN_HEADERS }),
    });
  }
  for (const field of ['id', 'name'] as const) {
    if (!seen.has(`field:${field}`)) {
      problems.push({
        column: '',
        reason: tr(lang, 'header.missingField', {
          field,
          accepted: [field, FIELD_LABELS[field][lang === 'en' ? 'en' : 'vi'], FIELD_LABELS[field].vi]
            .filter((v, i, all) => all.indexOf(v) === i)
            .join(', '),
        }),
      });
    }
  }
  return { columns, problems, ignored };
}

/** The rows searched for the header when the first row is not one (title rows above it). */
export const HEADER_SEARCH_ROWS = 20;

/** A row's non-empty cells, and how many of them name a commune field or a measure. */
export function headerMatch(
  cells: readonly (string | undefined)[],
  dictionary: Dictionary,
): { filled: number; known: number } {
  let filled = 0;
  let known = 0;
  for (const cell of cells) {
    if (cell === undefined || cell.trim() === '') continue;
    filled++;
    if ('target' in resolveHeader(cell, dictionary, { hint: false })) known++;
  }
  return { filled, known };
}

/**
 * True when a row reads as a header: at least two of its cells, and most of its non-empty ones, name a commune
 * field or a measure. A title ("BÁO CÁO SỐ LIỆU NÔNG THÔN MỚI NĂM 2023"), a note or a data row does not.
 */
export function looksLikeHeader(cells: readonly (string | undefined)[], dictionary: Dictionary): boolean {
  const { filled, known } = headerMatch(cells, dictionary);
  return known >= 2 && known * 2 > filled;
}

/**
 * The header row of a sheet from its first rows (`rowAt(n)`, n from 1, null past the end): row 1 when it
 * reads as a header, else the first of the next {@link HEADER_SEARCH_ROWS} rows that does (the title rows
 * above it are skipped), else row 1 (whose problems are then reported). `rowAt` is called only as far as
 * needed: a file whose first row is its header is read as before.
 */
export function findHeaderRow(
  rowAt: (n: number) => readonly (string | undefined)[] | null,
  dictionary: Dictionary,
): number {
  const first = rowAt(1);
  if (!first || looksLikeHeader(first, dictionary)) return 1;
  for (let n = 2; n <= HEADER_SEARCH_ROWS; n++) {
    const row = rowAt(n);
    if (!row) break;
    if (looksLikeHeader(row, dictionary)) return n;
  }
  return 1;
}

let provinceIndex: Map<string, string[]> | null = null;
let provinceIds: string[] | null = null;

/** Reads a province cell: its id (`nam-dinh`) or its name ("Nam Định"). */
export function parseProvince(
  text: string,
  lang: Lang = 'vi',
): { ok: true; value: string } | { ok: false; reason: string } {
  const value = text.trim();
  if (!provinceIndex) {
    provinceIndex = new Map();
    for (const province of listProvinces()) {
      for (const key of [province.id, fold(province.name), fold(province.id)]) {
        const ids = provinceIndex.get(key) ?? [];
        if (!ids.includes(province.id)) ids.push(province.id);
        provinceIndex.set(key, ids);
      }
    }
  }
  const ids = provinceIndex.get(value) ?? provinceIndex.get(fold(value)) ?? [];
  if (ids.length === 1) return { ok: true, value: ids[0] as string };
  if (ids.length > 1) return { ok: false, reason: tr(lang, 'province.ambiguous', { ids: ids.join(', ') }) };
  provinceIds ??= [...provinceIndex.keys()].filter((key) => /^[a-z-]+$/.test(key));
  const hint = closest(value, provinceIds);
  return { ok: false, reason: tr(lang, 'province.unknown', { hint }) };
}

/** Reads a region cell: its id (`dbsh`) or its name ("Đồng bằng sông Hồng"). */
export function parseRegion(
  text: string,
  lang: Lang = 'vi',
): { ok: true; value: Region } | { ok: false; reason: string } {
  const value = fold(text);
  for (const region of REGIONS) {
    const names = REGION_NAMES[region];
    if (value === region || value === fold(names.vi) || value === fold(names.en))
      return { ok: true, value: region };
  }
  return { ok: false, reason: tr(lang, 'region.unknown', { regions: REGIONS.join(', ') }) };
}

/** Reads a commune group cell: nhom-1, "Xã nhóm 1", "Nhóm 1", 1 (51/2025/QĐ-TTg). */
export function parseGroup(
  text: string,
  lang: Lang = 'vi',
): { ok: true; value: CommuneGroup } | { ok: false; reason: string } {
  const value = fold(text);
  for (const [i, group] of COMMUNE_GROUPS.entries()) {
    const names = COMMUNE_GROUP_NAMES[group];
    const words = [group, names.vi, names.en, `nhom ${i + 1}`, `group ${i + 1}`, String(i + 1)];
    if (words.some((word) => fold(word) === value)) return { ok: true, value: group };
  }
  return { ok: false, reason: tr(lang, 'group.unknown') };
}

/** Reads a categories cell: ids or labels separated by ";" or ",". */
export function parseCategories(
  text: string,
  dictionary: Dictionary,
  lang: Lang = 'vi',
): { ok: true; value: string[] } | { ok: false; reason: string } {
  const parts = (text.includes(';') ? text.split(';') : text.split(','))
    .map((part) => part.trim())
    .filter((part) => part !== '');
  const ids: string[] = [];
  for (const part of parts) {
    let found: string | null = dictionary.categories.has(part) ? part : null;
    if (!found) {
      for (const [id, label] of dictionary.categories) {
        if (fold(id) === fold(part) || fold(label.vi) === fold(part) || fold(label.en) === fold(part))
          found = id;
      }
    }
    if (!found) {
      return {
        ok: false,
        reason: tr(lang, 'category.unknown', {
          part: escapeControls(preview(part)),
          known: [...dictionary.categories.keys()].join(', '),
        }),
      };
    }
    if (!ids.includes(found)) ids.push(found);
  }
  return { ok: true, value: ids };
}
