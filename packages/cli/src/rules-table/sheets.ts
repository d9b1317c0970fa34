/**
 * The sheets of a ruleset workbook other than the target sheet: legal basis, measures and their values,
 * criterion groups, commune groups, categories, region rules and framework levels, each read into its part of
 * the rule file, with problems at their sheet, row and column. A sheet the book does not have (a CSV) gives
 * `undefined`: the part then comes from the ruleset the table belongs to.
 */
import type { Citation, LocalizedText, Measure } from '@nongthonmoi/core';
import type { Lang } from '../i18n.js';
import { tr } from '../messages.js';
import type { Book, BookRow } from './book.js';
import {
  BASIS,
  CATEGORIES,
  COMMUNE_GROUPS_SHEET,
  GROUPS,
  LEVELS,
  MEASURES,
  REGION_RULES,
  type SheetSpec,
  VALUES,
} from './layout.js';
import { CellReader } from './parse-rows.js';
import type { PathIndex, Problems } from './problems.js';
import type { Json } from './target-rows.js';
import {
  isEmpty,
  MEASURE_TYPES,
  parseConfidence,
  parseDateCell,
  parseNumberCell,
  parsePlace,
  parseYesNo,
} from './vocabulary.js';

export function listRows(book: Book, spec: SheetSpec): BookRow[] | undefined {
  const rows = book.lists[spec.id as keyof Book['lists']];
  return rows?.filter((row) => !Object.values(row.cells).every((cell) => isEmpty(cell ?? null)));
}

function headersOf(spec: SheetSpec): Record<string, string> {
  return Object.fromEntries(spec.columns.map((column) => [column.key, column.header]));
}

export class ListReader extends CellReader {
  constructor(spec: SheetSpec, problems: Problems, lang: Lang) {
    super(spec.name, headersOf(spec), problems, lang);
  }

  required(row: BookRow, key: string): string {
    const text = this.text(row, key);
    if (text === null) {
      this.fail(row, key, tr(this.lang, 'rt.required'));
      return '';
    }
    return text;
  }

  localized(
    row: BookRow,
    vi: string,
    en: string,
    english: (vi: string, en: string | null) => LocalizedText,
  ): LocalizedText {
    return english(this.required(row, vi), this.text(row, en));
  }

  optionalLocalized(
    row: BookRow,
    vi: string,
    en: string,
    english: (vi: string, en: string | null) => LocalizedText,
  ): LocalizedText | undefined {
    const text = this.text(row, vi);
    return text === null ? undefined : english(text, this.text(row, en));
  }

  number(row: BookRow, key: string): number | undefined {
    return this.cell(row, key, (cell) => parseNumberCell(cell, this.lang)) ?? undefined;
  }

  citation(row: BookRow): Citation {
    const citation: Citation = { document: this.required(row, 'document') };
    const part = this.text(row, 'part');
    const item = this.text(row, 'item');
    const guidance = this.text(row, 'guidance');
    if (part !== null) citation.part = part;
    if (item !== null) citation.item = item;
    if (guidance !== null) citation.guidance = guidance;
    return citation;
  }
}

function duplicate(
  reader: ListReader,
  seen: Map<string, number>,
  row: BookRow,
  key: string,
  value: string,
): boolean {
  const first = seen.get(value);
  if (first !== undefined) {
    reader.fail(row, key, tr(reader.lang, 'rt.duplicateKey', { key: value, first }));
    return true;
  }
  seen.set(value, row.row);
  return false;
}

/** What reading the sheets needs: where problems go, where paths are recorded, the language. */
export interface SheetContext {
  book: Book;
  problems: Problems;
  index: PathIndex;
  lang: Lang;
  /** A name with its English version, the Vietnamese one standing in (and counted) when there is none. */
  english: (vi: string, en: string | null | undefined) => LocalizedText;
}

export function readBasis(ctx: SheetContext): Json[] | undefined {
  const rows = listRows(ctx.book, BASIS);
  if (!rows) return undefined;
  const { lang } = ctx;
  const reader = new ListReader(BASIS, ctx.problems, lang);
  return rows.map((row, i) => {
    ctx.index.set(`basis[${i}]`, reader.place(row, 'number'));
    const doc: Json = {
      number: reader.required(row, 'number').trim(),
      title: reader.required(row, 'title'),
      issuer: reader.required(row, 'issuer'),
      date: reader.cell(row, 'date', (cell) => parseDateCell(cell, lang)),
    };
    if (doc.date === null) reader.required(row, 'date');
    const effective = reader.cell(row, 'effective', (cell) => parseDateCell(cell, lang));
    if (effective) doc.effective = effective;
    const url = reader.url(row, 'url');
    if (url) doc.url = url;
    return doc;
  });
}

/** The measures, with the values of the choice measures. */
export function readMeasures(ctx: SheetContext): Record<string, Measure> | undefined {
  const rows = listRows(ctx.book, MEASURES);
  if (!rows) return undefined;
  const { lang, english } = ctx;
  const measures: Record<string, Measure> = {};
  const reader = new ListReader(MEASURES, ctx.problems, lang);
  const seen = new Map<string, number>();
  for (const row of rows) {
    const key = reader.word(row, 'key');
    if (key === null) {
      reader.fail(row, 'key', tr(lang, 'rt.required'));
      continue;
    }
    if (!/^[a-z][a-z0-9_]*$/.test(key)) {
      reader.fail(row, 'key', tr(lang, 'rt.measureKey'));
      continue;
    }
    if (duplicate(reader, seen, row, 'key', key)) continue;
    ctx.index.set(`measures.${key}`, reader.place(row, 'key'));
    const type = reader.parsed(row, 'type', (text) => MEASURE_TYPES.parse(text, lang));
    if (type === null) reader.required(row, 'type');
    const measure: Json = {
      label: reader.localized(row, 'labelVi', 'labelEn', english),
      type: type ?? 'number',
    };
    const unit = reader.optionalLocalized(row, 'unitVi', 'unitEn', english);
    if (unit) measure.unit = unit;
    const min = reader.number(row, 'min');
    const max = reader.number(row, 'max');
    if (min !== undefined) measure.min = min;
    if (max !== undefined) measure.max = max;
    const multiple = reader.cell(row, 'multiple', (cell) => parseYesNo(cell, lang));
    if (multiple !== null) measure.multiple = multiple;
    const description = reader.optionalLocalized(row, 'descriptionVi', 'descriptionEn', english);
    if (description) measure.description = description;
    measures[key] = measure as unknown as Measure;
  }
  const values = new ListReader(VALUES, ctx.problems, lang);
  for (const row of listRows(ctx.book, VALUES) ?? []) {
    const key = values.word(row, 'measure');
    const id = values.word(row, 'id');
    if (key === null || id === null) {
      values.fail(row, key === null ? 'measure' : 'id', tr(lang, 'rt.required'));
      continue;
    }
    const measure = measures[key] as (Measure & { values?: unknown[] }) | undefined;
    if (!measure) {
      values.fail(row, 'measure', tr(lang, 'rt.valuesWithoutMeasure', { measure: key }));
      continue;
    }
    if (measure.type !== 'enum') {
      values.fail(row, 'measure', tr(lang, 'rt.notEnum', { measure: key }));
      continue;
    }
    measure.values ??= [];
    const list = measure.values;
    ctx.index.set(`measures.${key}.values[${list.length}]`, values.place(row, 'id'));
    list.push({ id, label: values.localized(row, 'nameVi', 'nameEn', english) });
  }
  return measures;
}

export function readGroups(ctx: SheetContext): Json[] | undefined {
  const rows = listRows(ctx.book, GROUPS);
  if (!rows) return undefined;
  const reader = new ListReader(GROUPS, ctx.problems, ctx.lang);
  const seen = new Map<string, number>();
  return rows
    .filter((row) => !duplicate(reader, seen, row, 'id', reader.word(row, 'id') ?? ''))
    .map((row, i) => {
      ctx.index.set(`groups[${i}]`, reader.place(row, 'id'));
      return {
        id: reader.required(row, 'id').trim(),
        name: reader.localized(row, 'nameVi', 'nameEn', ctx.english),
      };
    });
}

export function readCommuneGroups(ctx: SheetContext): Json | undefined {
  const rows = listRows(ctx.book, COMMUNE_GROUPS_SHEET);
  if (!rows) return undefined;
  const { lang, english } = ctx;
  const reader = new ListReader(COMMUNE_GROUPS_SHEET, ctx.problems, lang);
  const out: Json = {};
  for (const row of rows) {
    const place = reader.parsed(row, 'group', (text) => parsePlace(text, lang));
    if (place?.kind !== 'group') {
      if (place) reader.fail(row, 'group', tr(lang, 'rt.place'));
      else reader.required(row, 'group');
      continue;
    }
    ctx.index.set(`communeGroups.${place.group}`, reader.place(row, 'group'));
    const definition: Json = {
      name: reader.localized(row, 'nameVi', 'nameEn', english),
      definition: reader.localized(row, 'definitionVi', 'definitionEn', english),
      citation: reader.citation(row),
      confidence:
        reader.parsed(row, 'confidence', (text) => parseConfidence(text, lang)) ??
        reader.required(row, 'confidence'),
    };
    const source = reader.url(row, 'source');
    if (source) definition.source = source;
    const quoted = reader.text(row, 'quote');
    if (quoted) definition.quote = quoted;
    out[place.group] = definition;
  }
  return out;
}

export function readCategories(ctx: SheetContext): Json | undefined {
  const rows = listRows(ctx.book, CATEGORIES);
  if (!rows) return undefined;
  const reader = new ListReader(CATEGORIES, ctx.problems, ctx.lang);
  const out: Json = {};
  for (const row of rows) {
    const id = reader.word(row, 'id');
    if (id === null) {
      reader.fail(row, 'id', tr(ctx.lang, 'rt.required'));
      continue;
    }
    ctx.index.set(`categories.${id}`, reader.place(row, 'id'));
    out[id] = reader.localized(row, 'nameVi', 'nameEn', ctx.english);
  }
  return out;
}

export function readRegionRules(ctx: SheetContext): Json[] | undefined {
  const rows = listRows(ctx.book, REGION_RULES);
  if (!rows) return undefined;
  const { lang } = ctx;
  const reader = new ListReader(REGION_RULES, ctx.problems, lang);
  return rows.map((row, i) => {
    ctx.index.set(`regionRules[${i}]`, reader.place(row, 'categories'));
    const place = reader.parsed(row, 'region', (text) => parsePlace(text, lang));
    if (place && place.kind !== 'region') reader.fail(row, 'region', tr(lang, 'rt.place'));
    if (!place) reader.required(row, 'region');
    return {
      categories: reader
        .required(row, 'categories')
        .split(/[;,]/)
        .map((part) => part.trim())
        .filter(Boolean),
      region: place?.kind === 'region' ? place.region : '',
      reason: reader.localized(row, 'reasonVi', 'reasonEn', ctx.english),
      citation: reader.citation(row),
    };
  });
}

/** The levels of the framework (its id and name are on the information sheet). */
export function readLevels(ctx: SheetContext): Json[] {
  const reader = new ListReader(LEVELS, ctx.problems, ctx.lang);
  return (listRows(ctx.book, LEVELS) ?? []).map((row, i) => {
    ctx.index.set(`framework.levels[${i}]`, reader.place(row, 'level'));
    const encoded = reader.cell(row, 'encoded', (cell) => parseYesNo(cell, ctx.lang));
    if (encoded === null) reader.required(row, 'encoded');
    return {
      level: reader.required(row, 'level').trim(),
      name: reader.localized(row, 'nameVi', 'nameEn', ctx.english),
      encoded: encoded ?? false,
    };
  });
}
