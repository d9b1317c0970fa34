/**
 * A workbook book back into a rule file: the exact inverse of `flatten` for a file in canonical form, and a
 * careful reader of what officials type. Every cell that cannot be read, and every row that does not fit the
 * ruleset (two criteria for one indicator, a missing comparator, a place twice…), is reported by sheet, row
 * and column; the file is built only when there is none. Core then validates the file (`parseRuleset`, the
 * registry), and its issues come back to the rows through the path index.
 */
import type { Citation, Comparator, Edition, Indicator, LocalizedText, Measure } from '@nongthonmoi/core';
import type { Lang } from '../i18n.js';
import { tr } from '../messages.js';
import {
  type Book,
  type BookRow,
  deriveCommon,
  type Provenance,
  type RowProvenance,
  sameValue,
} from './book.js';
import { COMPUTED, kindOf, type RulesetFileJson } from './flatten.js';
import {
  BASIS,
  CATEGORIES,
  COMMUNE_GROUPS_SHEET,
  GROUPS,
  INFO_FIELDS,
  INFO_SHEET,
  LEVELS,
  MEASURES,
  REGION_RULES,
  type SheetSpec,
  TARGETS,
  VALUES,
} from './layout.js';
import { CellReader, HEADERS, isBlankRow, parseTargetRow, type TargetRow } from './parse-rows.js';
import { PathIndex, Problems, quote } from './problems.js';
import {
  COVERAGE,
  cellText,
  formatBooleanTarget,
  formatComparator,
  formatPlace,
  isEmpty,
  KINDS,
  MEASURE_TYPES,
  MET,
  NATIONAL,
  parseBooleanTarget,
  parseConfidence,
  parseDateCell,
  parseNumberCell,
  parsePlace,
  parseYesNo,
  placeKey,
  type RulesetKind,
  type SheetCell,
} from './vocabulary.js';

export interface AssembleOptions {
  lang: Lang;
  /**
   * The rule file whose target table the book is, when the book has no information sheet (a CSV): everything
   * the table does not hold (header, basis, measures…) is taken from it.
   */
  frame?: RulesetFileJson | null;
  /** The national edition of an id (amendments applied), for the rows of an overlay or an amendment. */
  national: (id: string) => Edition | null;
}

export interface Assembled {
  ruleset: RulesetFileJson | null;
  kind: RulesetKind | null;
  problems: Problems;
  index: PathIndex;
  /** Lines for stderr: measures declared from the table, English names filled in, placeholders kept. */
  notices: string[];
}

type Json = Record<string, unknown>;

const IDENTITY = [
  '$schema',
  'id',
  'family',
  'level',
  'edition',
  'name',
  'jurisdiction',
  'effective',
  'basis',
  'measures',
  'categories',
  'notes',
];

/** The parts each kind of rule file has (the schema's keys). */
const PARTS: Record<RulesetKind, ReadonlySet<string>> = {
  edition: new Set([
    ...IDENTITY,
    'requires',
    'regionRules',
    'communeGroups',
    'framework',
    'coverage',
    'groups',
    'criteria',
  ]),
  amendment: new Set([...IDENTITY, 'amends', 'regionRules', 'defaults', 'targets', 'framework', 'coverage']),
  overlay: new Set([...IDENTITY, 'extends', 'defaults', 'targets', 'indicators', 'groups', 'criteria']),
};

/** What the rows of one indicator share, read once from its first row and checked on the others. */
const SHARED_COLUMNS = [
  'criterion',
  'text',
  'unit',
  'op',
  'measure',
  'nameEn',
  'logic',
  'requirementEn',
  'applicableIf',
  'placeholder',
  'document',
  'part',
  'item',
  'guidance',
  'notesVi',
  'notesEn',
  'common',
] as const;

function rowValueFor(row: TargetRow, key: (typeof SHARED_COLUMNS)[number]): unknown {
  return row[key];
}

function shownValue(value: unknown): string {
  if (value === null || value === undefined) return '(trống)';
  return quote(typeof value === 'string' ? value : JSON.stringify(value));
}

const COMMON_COLUMN: Record<string, string> = {
  confidence: 'commonConfidence',
  source: 'commonSource',
  quote: 'commonQuote',
  rationale: 'commonRationaleVi',
};

class Assembler {
  readonly problems = new Problems();
  readonly index = new PathIndex();
  readonly notices: string[] = [];
  readonly reader: CellReader;
  englishFilled = 0;
  /** Measures of the file (from the sheet or the frame), then those declared from the table. */
  measures: Record<string, Measure> = {};
  declared = new Set<string>();
  /** Measures of the national edition (an overlay's or amendment's rows compare those). */
  nationalMeasures: Record<string, Measure> = {};

  constructor(
    readonly book: Book,
    readonly options: AssembleOptions,
  ) {
    this.reader = new CellReader(TARGETS.name, HEADERS, this.problems, options.lang);
  }

  get lang(): Lang {
    return this.options.lang;
  }

  at(row: TargetRow, key: string) {
    return { sheet: TARGETS.name, row: row.row, column: HEADERS[key] ?? key, value: row.cells[key] ?? null };
  }

  fail(row: TargetRow, key: string, reason: string): void {
    this.problems.add(this.at(row, key), reason);
  }

  /** A cell of `row` that cannot be read: reported, and the row's indicator is not checked further. */
  unreadable(row: TargetRow, key: string, reason: string): void {
    this.fail(row, key, reason);
    this.reader.failedRows.add(row.row);
  }

  english(vi: string, en: string | null | undefined): LocalizedText {
    if (en) return { vi, en };
    this.englishFilled++;
    return { vi, en: vi };
  }

  // -------------------------------------------------------------------------------------------------------
  // Rows of one indicator

  /** Checks that the columns every row of an indicator shares agree; reports the rows that differ. */
  checkShared(rows: readonly TargetRow[], skip: ReadonlySet<string> = new Set()): void {
    const first = rows[0] as TargetRow;
    for (const row of rows.slice(1)) {
      for (const key of SHARED_COLUMNS) {
        if (skip.has(key)) continue;
        const a = rowValueFor(first, key);
        const b = rowValueFor(row, key);
        if (sameValue(a ?? null, b ?? null)) continue;
        const column = key === 'common' ? this.commonColumnOf(first.common, row.common) : key;
        this.fail(
          row,
          column,
          tr(this.lang, 'rt.differs', {
            indicator: first.indicator ?? '',
            first: first.row,
            shown: shownValue(key === 'common' ? row.cells[column] : row.cells[key]),
            other: shownValue(key === 'common' ? first.cells[column] : first.cells[key]),
          }),
        );
      }
    }
  }

  commonColumnOf(a: object, b: object): string {
    for (const field of ['confidence', 'source', 'quote', 'rationale'] as const) {
      if (!sameValue((a as Json)[field], (b as Json)[field])) return COMMON_COLUMN[field] as string;
    }
    return 'commonConfidence';
  }

  /**
   * The provenance of the indicator (or entry) and of each of its cells. `defaults`: what an empty cell of an
   * overlay's or amendment's target row stands for.
   */
  provenance(
    rows: readonly TargetRow[],
    values: ReadonlyArray<number | boolean | null>,
    defaults: Provenance,
  ): { parent: Provenance; own: Provenance[] } {
    const rowProvenance: RowProvenance[] = rows.map((row, i) => ({
      known: values[i] !== null,
      confidence: values[i] === null ? undefined : (row.confidence ?? defaults.confidence),
      source: row.source ?? defaults.source,
      quote: row.quote ?? defaults.quote,
      rationale: row.rationale ?? defaults.rationale,
    }));
    const derived = deriveCommon(rowProvenance);
    const common = (rows[0] as TargetRow).common;
    const parent: Provenance = {};
    for (const field of ['confidence', 'source', 'quote', 'rationale'] as const) {
      const given = common[field];
      const value = given === undefined ? derived[field] : given === 'none' ? undefined : given;
      if (value !== undefined) (parent as Record<string, unknown>)[field] = value;
    }
    const own = rowProvenance.map((row, i) => {
      const cell: Provenance = {};
      for (const field of ['confidence', 'source', 'quote', 'rationale'] as const) {
        const value = row[field];
        if (value !== undefined && !sameValue(value, parent[field]))
          (cell as Record<string, unknown>)[field] = value;
      }
      const source = rows[i] as TargetRow;
      if (values[i] === null && source.confidence !== null && source.confidence !== 'unknown') {
        this.fail(source, 'confidence', tr(this.lang, 'rt.nullConfidence'));
      }
      return cell;
    });
    return { parent, own };
  }

  /** The target value of a row, read for the measure's type. */
  value(row: TargetRow, boolean: boolean): number | boolean | null {
    const cell = row.cells.value ?? null;
    if (boolean) {
      const parsed = parseBooleanTarget(cell, this.lang);
      if (!parsed.ok) {
        this.unreadable(row, 'value', parsed.reason);
        return null;
      }
      if (parsed.value === null && row.op === 'met') return true;
      return parsed.value;
    }
    const parsed = parseNumberCell(cell, this.lang);
    if (!parsed.ok) {
      // A number written the wrong way gets the number rules' reason; words get what the column needs.
      const text = cellText(cell);
      const reason = /^[\d\s.,%+-]+$/.test(text.trim()) ? parsed.reason : tr(this.lang, 'rt.notNumber');
      this.unreadable(row, 'value', reason);
      return null;
    }
    return parsed.value;
  }

  /**
   * The target of a compact test from its rows: one cell, a year table, or a table by region or group.
   * Records the path of every cell.
   */
  target(
    rows: readonly TargetRow[],
    path: string,
    boolean: boolean,
    defaults: Provenance,
  ): { target: unknown; parent: Provenance } | null {
    const values = rows.map((row) => this.value(row, boolean));
    if (rows.some((row) => this.reader.failedRows.has(row.row))) return null;
    const { parent, own } = this.provenance(rows, values, defaults);
    const cells = rows.map((row, i) => {
      const value = values[i] as number | boolean | null;
      const cell: Json = { value, ...own[i] };
      if (row.bound) cell.bound = true;
      if (value !== null && row.confidence === 'unknown' && !row.placeholder) {
        this.fail(row, 'confidence', tr(this.lang, 'rt.valueUnknown'));
      }
      return Object.keys(cell).length === 1 && value !== null ? value : cell;
    });
    const families = new Set(
      rows.map((row) =>
        row.place.kind === 'none' ? 'none' : row.place.kind.startsWith('region') ? 'region' : 'group',
      ),
    );
    const first = rows[0] as TargetRow;
    if (families.size > 1) {
      const odd = rows.find((row) => row.place.kind !== first.place.kind) ?? first;
      this.fail(odd, 'place', tr(this.lang, 'rt.mixedPlaces', { indicator: first.indicator ?? '' }));
      return null;
    }
    const family = [...families][0];
    const entryOf = (indices: number[], entryPath: string, place: string): unknown => {
      const withYears = indices.filter((i) => (rows[i] as TargetRow).years !== null);
      if (withYears.length > 0 && withYears.length < indices.length) {
        const odd = rows[indices.find((i) => (rows[i] as TargetRow).years === null) as number] as TargetRow;
        this.fail(odd, 'years', tr(this.lang, 'rt.mixedYears', { indicator: first.indicator ?? '', place }));
        return undefined;
      }
      if (withYears.length === 0) {
        const [index, ...others] = indices;
        for (const other of others) {
          this.fail(
            rows[other] as TargetRow,
            'place',
            tr(this.lang, 'rt.duplicateCell', {
              indicator: first.indicator ?? '',
              first: (rows[index as number] as TargetRow).row,
            }),
          );
        }
        this.record(entryPath, rows[index as number] as TargetRow, 'value');
        return cells[index as number];
      }
      const byYear: Json = {};
      const seen = new Map<string, number>();
      for (const i of indices) {
        const row = rows[i] as TargetRow;
        const key = row.years as string;
        if (seen.has(key)) {
          this.fail(
            row,
            'years',
            tr(this.lang, 'rt.duplicateCell', {
              indicator: first.indicator ?? '',
              first: seen.get(key) as number,
            }),
          );
          continue;
        }
        seen.set(key, row.row);
        byYear[key] = cells[i];
        this.record(`${entryPath}.byYear.${key}`, row, 'value');
      }
      this.record(entryPath, rows[indices[0] as number] as TargetRow, 'value');
      return { byYear };
    };
    const all = rows.map((_, i) => i);
    if (family === 'none') return { target: entryOf(all, path, ''), parent };
    const dimension = family === 'region' ? 'byRegion' : 'byGroup';
    const groups = new Map<string, number[]>();
    for (const i of all) {
      const key = placeKey((rows[i] as TargetRow).place);
      groups.set(key, [...(groups.get(key) ?? []), i]);
    }
    const table: Json = { [dimension]: {} };
    for (const [key, indices] of groups) {
      const place = formatPlace((rows[indices[0] as number] as TargetRow).place) ?? '';
      if (key.endsWith('-default')) table.default = entryOf(indices, `${path}.default`, place);
      else (table[dimension] as Json)[key] = entryOf(indices, `${path}.${dimension}.${key}`, place);
    }
    this.record(path, first, 'value');
    return { target: table, parent };
  }

  record(path: string, row: TargetRow, key: string): void {
    this.index.set(path, this.at(row, key));
  }

  citation(row: TargetRow, defaults: Citation | undefined): Citation | undefined {
    if (row.document === null) {
      if (row.part !== null || row.item !== null || row.guidance !== null) {
        this.fail(row, 'document', tr(this.lang, 'rt.documentMissing'));
      }
      return defaults;
    }
    const citation: Citation = { document: row.document };
    if (row.part !== null) citation.part = row.part;
    if (row.item !== null) citation.item = row.item;
    if (row.guidance !== null) citation.guidance = row.guidance;
    return citation;
  }

  /** The measure a new or own indicator compares, declaring it from the row when the file does not have it. */
  measureOf(rows: readonly TargetRow[]): { key: string; measure: Measure } | null {
    const first = rows[0] as TargetRow;
    const key =
      first.measure ?? `chi_tieu_${(first.indicator ?? '').toLowerCase().replace(/[^a-z0-9]+/g, '_')}`;
    const known = this.measures[key] ?? this.nationalMeasures[key];
    if (known) {
      const unit = known.unit?.vi ?? null;
      if (first.unit !== null && unit !== first.unit && !(known.type === 'percent' && first.unit === '%')) {
        this.fail(
          first,
          'unit',
          tr(this.lang, 'rt.unitMismatch', { measure: key, unit: unit ?? '—', shown: quote(first.unit) }),
        );
      }
      return { key, measure: known };
    }
    // A measure the file does not declare: declared from the row (wording, unit, comparator, target).
    const boolean =
      first.op === 'met' ||
      rows.some((row) => {
        const parsed = parseBooleanTarget(row.cells.value ?? null, this.lang);
        return parsed.ok && parsed.value !== null;
      });
    const type: Measure['type'] = boolean ? 'boolean' : first.unit === '%' ? 'percent' : 'number';
    const label = this.english(first.text ?? key, first.nameEn);
    const measure: Measure = { label, type };
    if (first.unit !== null && type !== 'boolean') measure.unit = { vi: first.unit, en: first.unit };
    this.measures[key] = measure;
    this.declared.add(key);
    this.notices.push(
      tr(this.lang, 'rt.measureDeclared', {
        key,
        label: label.vi,
        type: MEASURE_TYPES.format(type),
        row: first.row,
      }),
    );
    return { key, measure };
  }

  /** An indicator the file itself defines (an edition's, or one an overlay adds), from its rows. */
  /**
   * When a row of an indicator has a cell that cannot be read, only its targets are still read (to report them
   * too); the rest would report the consequences of the first problem.
   */
  broken(rows: readonly TargetRow[], measure: string | null): boolean {
    if (!rows.some((row) => this.reader.failedRows.has(row.row))) return false;
    const first = rows[0] as TargetRow;
    if (first.logic === undefined && first.formula === undefined) {
      const known = measure ? (this.measures[measure] ?? this.nationalMeasures[measure]) : undefined;
      const boolean = known ? known.type === 'boolean' : first.op === 'met';
      for (const row of rows) this.value(row, boolean);
    }
    return true;
  }

  indicator(rows: readonly TargetRow[], path: string): Indicator | null {
    const first = rows[0] as TargetRow;
    if (this.broken(rows, first.measure)) return null;
    this.checkShared(rows);
    this.record(path, first, 'indicator');
    if (first.text === null) this.fail(first, 'text', tr(this.lang, 'rt.required'));
    const name = this.english(first.text ?? '', first.nameEn);
    this.record(`${path}.name`, first, 'text');
    let test: Json;
    let parent: Provenance;
    const single = (what: 'rt.whatLogic' | 'rt.whatFormula') => {
      for (const row of rows.slice(1)) {
        this.fail(
          row,
          'indicator',
          tr(this.lang, 'rt.singleRow', { indicator: first.indicator ?? '', what: tr(this.lang, what) }),
        );
      }
    };
    if (first.logic !== undefined) {
      single('rt.whatLogic');
      const vi =
        first.cells.value === undefined || isEmpty(first.cells.value) ? null : cellText(first.cells.value);
      test = { logic: first.logic };
      if (vi !== null) test.description = this.english(vi, first.requirementEn);
      this.record(`${path}.test.logic`, first, 'logic');
      this.record(`${path}.test`, first, 'logic');
      parent = this.provenance([first], [true], {}).parent;
    } else {
      if (first.op === null)
        this.fail(first, 'op', tr(this.lang, 'rt.noComparator', { indicator: first.indicator ?? '' }));
      const measure = this.measureOf(rows);
      const op: Comparator = first.op === 'met' || first.op === null ? '==' : first.op;
      this.record(`${path}.test.measure`, first, 'measure');
      this.record(`${path}.test.op`, first, 'op');
      const built = this.targetOf(rows, `${path}.test.target`, measure?.measure.type === 'boolean', {});
      if (!built || !measure) return null;
      test = { measure: measure.key, op, target: built.target };
      parent = built.parent;
    }
    const indicator: Json = { id: first.indicator, name, test };
    if (first.applicableIf !== undefined) {
      indicator.applicableIf = first.applicableIf;
      this.record(`${path}.applicableIf`, first, 'applicableIf');
    }
    const citation = this.citation(first, undefined);
    if (!citation) this.fail(first, 'document', tr(this.lang, 'rt.required'));
    indicator.citation = citation;
    this.record(`${path}.citation`, first, 'document');
    this.putProvenance(indicator, parent, path, first);
    if (first.placeholder) indicator.placeholder = true;
    if (first.notesVi !== null) indicator.notes = this.english(first.notesVi, first.notesEn);
    return indicator as unknown as Indicator;
  }

  putProvenance(target: Json, provenance: Provenance, path: string, row: TargetRow): void {
    for (const field of ['confidence', 'source', 'quote', 'rationale'] as const) {
      if (provenance[field] !== undefined) target[field] = provenance[field];
      this.record(`${path}.${field}`, row, field === 'rationale' ? 'rationaleVi' : field);
    }
  }

  /** The target of rows: a computed one (one row with a formula) or a table. */
  targetOf(
    rows: readonly TargetRow[],
    path: string,
    boolean: boolean,
    defaults: Provenance,
  ): { target: unknown; parent: Provenance } | null {
    const first = rows[0] as TargetRow;
    if (first.formula !== undefined) {
      for (const row of rows.slice(1)) {
        this.fail(
          row,
          'indicator',
          tr(this.lang, 'rt.singleRow', {
            indicator: first.indicator ?? '',
            what: tr(this.lang, 'rt.whatFormula'),
          }),
        );
      }
      const shown = first.cells.value;
      if (!isEmpty(shown ?? null) && cellText(shown ?? '').trim() !== COMPUTED) {
        this.fail(first, 'value', tr(this.lang, 'rt.formulaAndValue'));
      }
      this.record(path, first, 'formula');
      const { parent } = this.provenance([first], [true], defaults);
      return { target: { logic: first.formula }, parent };
    }
    for (const row of rows) {
      if (row.formula !== undefined) this.fail(row, 'formula', tr(this.lang, 'rt.formulaAndValue'));
    }
    return this.target(rows, path, boolean, defaults);
  }

  // -------------------------------------------------------------------------------------------------------
  // The target sheet as criteria, indicators and entries

  rows(): TargetRow[] {
    const rows: TargetRow[] = [];
    for (const row of this.book.targets) {
      if (isBlankRow(row)) continue;
      const parsed = parseTargetRow(this.reader, row);
      if (parsed.criterion === null && parsed.indicator === null) {
        this.fail(parsed, 'criterion', tr(this.lang, 'rt.noIndicatorOrCriterion'));
        continue;
      }
      rows.push(parsed);
    }
    return rows;
  }

  /** Rows by indicator (in order of first appearance) and the criterion rows, checking ids. */
  group(rows: readonly TargetRow[], rulesetId: string | null) {
    const indicators = new Map<string, TargetRow[]>();
    const criteria = new Map<string, TargetRow>();
    const criterionOrder: string[] = [];
    const indicatorCriterion = new Map<string, TargetRow>();
    // The column says which ruleset a row belongs to. A table renamed on its information sheet (a national
    // table made into a province's) keeps the old id on every row: that is fine; rows of two rulesets are not.
    const named = new Set(rows.map((row) => row.ruleset).filter((id): id is string => id !== null));
    const mixed = named.size > 1;
    for (const row of rows) {
      if (mixed && rulesetId && row.ruleset !== null && row.ruleset !== rulesetId) {
        this.fail(
          row,
          'ruleset',
          tr(this.lang, 'rt.rulesetMismatch', { shown: quote(row.ruleset), id: rulesetId }),
        );
      }
      if (row.criterion !== null && !criterionOrder.includes(row.criterion))
        criterionOrder.push(row.criterion);
      if (row.indicator === null) {
        const criterion = row.criterion as string;
        const known = criteria.get(criterion);
        if (known) {
          this.fail(
            row,
            'text',
            tr(this.lang, 'rt.criterionDiffers', {
              criterion,
              first: known.row,
              shown: shownValue(row.text),
              other: shownValue(known.text),
            }),
          );
        } else criteria.set(criterion, row);
        continue;
      }
      const list = indicators.get(row.indicator) ?? [];
      list.push(row);
      indicators.set(row.indicator, list);
      const seen = indicatorCriterion.get(row.indicator);
      if (!seen) indicatorCriterion.set(row.indicator, row);
      else if (seen.criterion !== row.criterion) {
        this.fail(
          row,
          'criterion',
          tr(this.lang, 'rt.indicatorTwoCriteria', {
            indicator: row.indicator,
            first: seen.row,
            criterion: seen.criterion ?? '',
          }),
        );
      }
    }
    return { indicators, criteria, criterionOrder };
  }

  criterionOf(
    criterion: string,
    row: TargetRow | undefined,
    firstIndicatorRow: TargetRow | undefined,
    indicatorsOf: (criterion: string, path: string) => Indicator[],
    path: string,
    groupIds: readonly string[],
  ): Json | null {
    if (!row) {
      if (firstIndicatorRow)
        this.fail(firstIndicatorRow, 'criterion', tr(this.lang, 'rt.criterionRowMissing', { criterion }));
      return null;
    }
    this.record(path, row, 'criterion');
    this.record(`${path}.name`, row, 'text');
    this.record(`${path}.group`, row, 'groupId');
    if (row.text === null) this.fail(row, 'text', tr(this.lang, 'rt.required'));
    let group = row.groupId;
    if (group === null && groupIds.length === 1) group = groupIds[0] as string;
    if (group === null) this.fail(row, 'groupId', tr(this.lang, 'rt.required'));
    const indicators = indicatorsOf(criterion, `${path}.indicators`);
    if (indicators.length === 0)
      this.fail(row, 'indicator', tr(this.lang, 'rt.criterionEmpty', { criterion }));
    return { id: criterion, name: this.english(row.text ?? '', row.nameEn), group, indicators };
  }

  /** An edition's criteria, each with its indicators, in the order of the sheet. */
  editionCriteria(rows: readonly TargetRow[], rulesetId: string | null, groupIds: readonly string[]): Json[] {
    const { indicators, criteria, criterionOrder } = this.group(rows, rulesetId);
    const out: Json[] = [];
    criterionOrder.forEach((criterion) => {
      const path = `criteria[${out.length}]`;
      const members = [...indicators.entries()].filter(
        ([, list]) => (list[0] as TargetRow).criterion === criterion,
      );
      const built = this.criterionOf(
        criterion,
        criteria.get(criterion),
        members[0]?.[1][0],
        (_, indicatorsPath) =>
          members
            .map(([, list], j) => this.indicator(list, `${indicatorsPath}[${j}]`))
            .filter((indicator): indicator is Indicator => indicator !== null),
        path,
        groupIds,
      );
      if (built) out.push(built);
    });
    this.notePlaceholders(out);
    return out;
  }

  /** A criterion that has a placeholder next to indicators new to the file is noted (it cannot be decided). */
  notePlaceholders(criteria: readonly Json[]): void {
    for (const criterion of criteria) {
      const list = criterion.indicators as Indicator[];
      const placeholder = list.find((indicator) => indicator.placeholder);
      const fresh = list.some(
        (indicator) =>
          !indicator.placeholder && 'measure' in indicator.test && this.declared.has(indicator.test.measure),
      );
      if (placeholder && fresh) {
        this.notices.push(
          tr(this.lang, 'rt.placeholderKept', {
            criterion: String(criterion.id),
            placeholder: placeholder.id,
          }),
        );
      }
    }
  }

  /** The entries of an overlay's or amendment's `targets` for the rows of national indicators. */
  entry(
    rows: readonly TargetRow[],
    national: Indicator,
    nationalCriterion: string,
    baseId: string,
    path: string,
    defaults: Provenance & { citation?: Citation },
    overlay: boolean,
  ): Json | null {
    const first = rows[0] as TargetRow;
    if (this.broken(rows, 'measure' in national.test ? national.test.measure : null)) return null;
    this.checkShared(rows);
    this.record(path, first, 'indicator');
    this.record(`${path}.indicator`, first, 'indicator');
    const test = national.test;
    if (!('measure' in test)) {
      this.fail(
        first,
        'indicator',
        tr(this.lang, 'rt.logicInOverlay', { indicator: national.id, base: baseId }),
      );
      return null;
    }
    const measure = this.nationalMeasures[test.measure] ?? this.measures[test.measure];
    // Columns that belong to the national edition: shown for reading, never changed here.
    const owned: Array<[string, unknown, unknown]> = [
      ['criterion', first.criterion, nationalCriterion],
      ['text', first.text, national.name.vi],
      ['measure', first.measure, test.measure],
      ['unit', first.unit, measure?.unit?.vi ?? null],
    ];
    for (const [key, shown, expected] of owned) {
      if (
        shown !== null &&
        shown !== expected &&
        !(key === 'unit' && shown === '%' && measure?.type === 'percent')
      ) {
        this.fail(
          first,
          key,
          tr(this.lang, 'rt.baseOwned', {
            base: baseId,
            shown: shownValue(shown),
            expected: shownValue(expected),
          }),
        );
      }
    }
    const entry: Json = { indicator: national.id };
    const op = first.op === 'met' ? '==' : first.op;
    if (op !== null && op !== test.op) {
      if (overlay) entry.op = op;
      else
        this.fail(
          first,
          'op',
          tr(this.lang, 'rt.baseOwned', {
            base: baseId,
            shown: formatComparator(op),
            expected: formatComparator(test.op),
          }),
        );
    }
    this.record(`${path}.op`, first, 'op');
    const built = this.targetOf(rows, `${path}.target`, measure?.type === 'boolean', defaults);
    if (!built) return null;
    entry.target = built.target;
    const citation = this.citation(first, defaults.citation);
    if (citation && !sameValue(citation, defaults.citation)) entry.citation = citation;
    this.record(`${path}.citation`, first, 'document');
    for (const field of ['confidence', 'source', 'quote', 'rationale'] as const) {
      const value = built.parent[field];
      if (value !== undefined && !sameValue(value, defaults[field])) entry[field] = value;
      this.record(`${path}.${field}`, first, field === 'rationale' ? 'rationaleVi' : field);
    }
    return entry;
  }
}

// ---------------------------------------------------------------------------------------------------------
// The other sheets

function listRows(book: Book, spec: SheetSpec): BookRow[] | undefined {
  const rows = book.lists[spec.id as keyof Book['lists']];
  return rows?.filter((row) => !Object.values(row.cells).every((cell) => isEmpty(cell ?? null)));
}

function headersOf(spec: SheetSpec): Record<string, string> {
  return Object.fromEntries(spec.columns.map((column) => [column.key, column.header]));
}

class ListReader extends CellReader {
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

// ---------------------------------------------------------------------------------------------------------

/** Reads a book into a rule file (see the module comment). */
export function assemble(book: Book, options: AssembleOptions): Assembled {
  const a = new Assembler(book, options);
  const { lang } = options;
  const frame = options.frame ?? null;
  const english = (vi: string, en: string | null | undefined) => a.english(vi, en);
  const infoPlace = (key: string) => ({
    sheet: INFO_SHEET,
    row: book.info.get(key)?.row ?? 0,
    column: 'Giá trị',
    value: book.info.get(key)?.value ?? null,
  });
  const infoText = (key: string): string | null => {
    const value = book.info.get(key)?.value ?? null;
    if (isEmpty(value)) return null;
    return cellText(value as SheetCell);
  };
  const infoWord = (key: string) => infoText(key)?.trim() || null;
  const infoRequired = (key: string): string => {
    const value = infoText(key);
    if (value === null) {
      a.problems.add(
        infoPlace(key),
        `${INFO_FIELDS.find((f) => f.key === key)?.label ?? key}: ${tr(lang, 'rt.required')}`,
      );
      return '';
    }
    return value;
  };
  const infoDate = (key: string): string | null => {
    const value = book.info.get(key)?.value ?? null;
    const parsed = parseDateCell(value, lang);
    if (!parsed.ok) {
      a.problems.add(infoPlace(key), parsed.reason);
      return null;
    }
    return parsed.value;
  };
  const hasInfo = book.info.size > 0;
  for (const key of book.info.keys()) {
    if (!INFO_FIELDS.some((field) => field.key === key)) {
      a.problems.add(infoPlace(key), tr(lang, 'rt.infoUnknownField', { shown: quote(key) }));
    }
  }
  for (const field of INFO_FIELDS) a.index.set(field.key, infoPlace(field.key));
  a.index.set('effective', infoPlace('effective.from'));
  a.index.set('effective.to', infoPlace('effective.to'));
  a.index.set('name', infoPlace('name.vi'));

  // The header of the file: from the information sheet, or (a CSV) from the frame.
  let kind: RulesetKind | null = frame ? kindOf(frame) : null;
  const header: Json = {};
  const present = new Set(
    (infoText('present') ?? '')
      .split(',')
      .map((part) => part.trim())
      .filter(Boolean),
  );
  if (hasInfo) {
    const kindText = infoWord('kind');
    const parsedKind = kindText === null ? null : KINDS.parse(kindText, lang);
    if (!parsedKind?.ok || parsedKind.value === 'pending') {
      a.problems.add(infoPlace('kind'), tr(lang, 'rt.infoKind', { shown: quote(kindText ?? '') }));
    } else kind = parsedKind.value;
    const schema = infoText('$schema');
    if (schema !== null) header.$schema = schema;
    header.id = infoRequired('id').trim();
    header.family = infoRequired('family').trim();
    header.level = infoRequired('level').trim();
    header.edition = infoRequired('edition');
    header.name = english(infoRequired('name.vi'), infoText('name.en'));
    const jurisdiction = infoWord('jurisdiction');
    header.jurisdiction =
      kind === 'overlay'
        ? { province: jurisdiction ?? '' }
        : jurisdiction === null || jurisdiction === NATIONAL
          ? 'national'
          : jurisdiction;
    if (kind === 'overlay') {
      const text = infoRequired('extends');
      const parts = text.split(';').map((part) => part.trim());
      header.extends = parts.length === 1 ? (parts[0] as string) : parts.filter(Boolean);
    }
    if (kind === 'amendment') header.amends = infoRequired('amends').trim();
    const requires = infoWord('requires.level');
    if (requires !== null) {
      const note = infoText('requires.note.vi');
      header.requires =
        note === null
          ? { level: requires }
          : { level: requires, note: english(note, infoText('requires.note.en')) };
    }
    const from = infoDate('effective.from');
    if (from === null && infoText('effective.from') === null) infoRequired('effective.from');
    const to = infoDate('effective.to');
    header.effective = to === null ? { from } : { from, to };
  } else if (frame) {
    const frameJson = frame as unknown as Json;
    for (const key of [
      '$schema',
      'id',
      'family',
      'level',
      'edition',
      'name',
      'jurisdiction',
      'extends',
      'amends',
      'requires',
      'effective',
    ]) {
      if (frameJson[key] !== undefined) header[key] = frameJson[key];
    }
  }
  if (kind === null)
    return { ruleset: null, kind: null, problems: a.problems, index: a.index, notices: a.notices };

  // The legal basis.
  let basis: unknown = (frame as Json | null)?.basis;
  const basisRows = listRows(book, BASIS);
  if (basisRows) {
    const reader = new ListReader(BASIS, a.problems, lang);
    basis = basisRows.map((row, i) => {
      a.index.set(`basis[${i}]`, reader.place(row, 'number'));
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

  // Measures and their values.
  const measureRows = listRows(book, MEASURES);
  if (measureRows) {
    const reader = new ListReader(MEASURES, a.problems, lang);
    const seen = new Map<string, number>();
    for (const row of measureRows) {
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
      a.index.set(`measures.${key}`, reader.place(row, 'key'));
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
      a.measures[key] = measure as unknown as Measure;
    }
    const valueRows = listRows(book, VALUES) ?? [];
    const values = new ListReader(VALUES, a.problems, lang);
    for (const row of valueRows) {
      const key = values.word(row, 'measure');
      const id = values.word(row, 'id');
      if (key === null || id === null) {
        values.fail(row, key === null ? 'measure' : 'id', tr(lang, 'rt.required'));
        continue;
      }
      const measure = a.measures[key] as (Measure & { values?: unknown[] }) | undefined;
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
      a.index.set(`measures.${key}.values[${list.length}]`, values.place(row, 'id'));
      list.push({ id, label: values.localized(row, 'nameVi', 'nameEn', english) });
    }
  } else if (frame?.measures) {
    a.measures = { ...frame.measures };
  }
  const measureKeysBefore = new Set(Object.keys(a.measures));

  // Criterion groups, commune groups, categories, region rules, framework levels.
  const simpleList = (spec: SheetSpec, fallback: unknown) => {
    const rows = listRows(book, spec);
    return rows === undefined ? { rows: undefined, fallback } : { rows, fallback };
  };
  const groupSheet = simpleList(GROUPS, (frame as Json | null)?.groups);
  let groups: unknown = groupSheet.fallback;
  if (groupSheet.rows) {
    const reader = new ListReader(GROUPS, a.problems, lang);
    const seen = new Map<string, number>();
    groups = groupSheet.rows
      .filter((row) => !duplicate(reader, seen, row, 'id', reader.word(row, 'id') ?? ''))
      .map((row, i) => {
        a.index.set(`groups[${i}]`, reader.place(row, 'id'));
        return {
          id: reader.required(row, 'id').trim(),
          name: reader.localized(row, 'nameVi', 'nameEn', english),
        };
      });
  }
  const communeSheet = simpleList(COMMUNE_GROUPS_SHEET, (frame as Json | null)?.communeGroups);
  let communeGroups: unknown = communeSheet.fallback;
  if (communeSheet.rows) {
    const reader = new ListReader(COMMUNE_GROUPS_SHEET, a.problems, lang);
    const out: Json = {};
    for (const row of communeSheet.rows) {
      const place = reader.parsed(row, 'group', (text) => parsePlace(text, lang));
      if (place?.kind !== 'group') {
        if (place) reader.fail(row, 'group', tr(lang, 'rt.place'));
        else reader.required(row, 'group');
        continue;
      }
      a.index.set(`communeGroups.${place.group}`, reader.place(row, 'group'));
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
    communeGroups = out;
  }
  const categorySheet = simpleList(CATEGORIES, (frame as Json | null)?.categories);
  let categories: unknown = categorySheet.fallback;
  if (categorySheet.rows) {
    const reader = new ListReader(CATEGORIES, a.problems, lang);
    const out: Json = {};
    for (const row of categorySheet.rows) {
      const id = reader.word(row, 'id');
      if (id === null) {
        reader.fail(row, 'id', tr(lang, 'rt.required'));
        continue;
      }
      a.index.set(`categories.${id}`, reader.place(row, 'id'));
      out[id] = reader.localized(row, 'nameVi', 'nameEn', english);
    }
    categories = out;
  }
  const ruleSheet = simpleList(REGION_RULES, (frame as Json | null)?.regionRules);
  let regionRules: unknown = ruleSheet.fallback;
  if (ruleSheet.rows) {
    const reader = new ListReader(REGION_RULES, a.problems, lang);
    regionRules = ruleSheet.rows.map((row, i) => {
      a.index.set(`regionRules[${i}]`, reader.place(row, 'categories'));
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
        reason: reader.localized(row, 'reasonVi', 'reasonEn', english),
        citation: reader.citation(row),
      };
    });
  }
  let framework: unknown = (frame as Json | null)?.framework;
  if (hasInfo) {
    framework = undefined;
    const id = infoWord('framework.id');
    if (id !== null) {
      const reader = new ListReader(LEVELS, a.problems, lang);
      const levels = (listRows(book, LEVELS) ?? []).map((row, i) => {
        a.index.set(`framework.levels[${i}]`, reader.place(row, 'level'));
        const encoded = reader.cell(row, 'encoded', (cell) => parseYesNo(cell, lang));
        if (encoded === null) reader.required(row, 'encoded');
        return {
          level: reader.required(row, 'level').trim(),
          name: reader.localized(row, 'nameVi', 'nameEn', english),
          encoded: encoded ?? false,
        };
      });
      const note = infoText('framework.note.vi');
      framework = {
        id,
        name: english(infoRequired('framework.name.vi'), infoText('framework.name.en')),
        levels,
        ...(note === null ? {} : { note: english(note, infoText('framework.note.en')) }),
      };
      a.index.set('framework', infoPlace('framework.id'));
    }
  }

  // Defaults of an overlay or amendment.
  let defaults: Json | undefined = (frame as Json | null)?.defaults as Json | undefined;
  if (hasInfo) {
    defaults = {};
    const document = infoWord('defaults.document');
    if (document !== null) {
      const citation: Json = { document };
      for (const part of ['part', 'item', 'guidance']) {
        const value = infoText(`defaults.${part}`);
        if (value !== null) citation[part] = value;
      }
      defaults.citation = citation;
    }
    const confidence = infoWord('defaults.confidence');
    if (confidence !== null) {
      const parsed = parseConfidence(confidence, lang);
      if (parsed.ok) defaults.confidence = parsed.value;
      else a.problems.add(infoPlace('defaults.confidence'), parsed.reason);
    }
    const source = infoWord('defaults.source');
    if (source !== null) {
      if (/^https?:\/\/\S+$/.test(source)) defaults.source = source;
      else a.problems.add(infoPlace('defaults.source'), tr(lang, 'rt.url'));
    }
    const quoteText = infoText('defaults.quote');
    if (quoteText !== null) defaults.quote = quoteText;
    const rationale = infoText('defaults.rationale.vi');
    if (rationale !== null) {
      const en = infoText('defaults.rationale.en');
      defaults.rationale = en === null ? { vi: rationale } : { vi: rationale, en };
    }
    if (Object.keys(defaults).length === 0 && !present.has('defaults')) defaults = undefined;
    a.index.set('defaults', infoPlace('defaults.document'));
  }
  const defaultProvenance: Provenance & { citation?: Citation } = (defaults ?? {}) as Provenance & {
    citation?: Citation;
  };

  // The target sheet.
  const rows = a.rows();
  const rulesetId = typeof header.id === 'string' ? header.id : null;
  const body: Json = {};
  const groupIds = Array.isArray(groups) ? (groups as Array<{ id: string }>).map((group) => group.id) : [];
  if (kind === 'edition') {
    body.criteria = a.editionCriteria(rows, rulesetId, groupIds);
  } else {
    const baseId =
      kind === 'amendment'
        ? String(header.amends ?? '')
        : Array.isArray(header.extends)
          ? String(header.extends[0] ?? '')
          : String(header.extends ?? '');
    const national = baseId ? options.national(baseId) : null;
    if (!national) {
      a.problems.addFile(INFO_SHEET, tr(lang, 'rt.baseMissing', { id: baseId }));
      return { ruleset: null, kind, problems: a.problems, index: a.index, notices: a.notices };
    }
    a.nationalMeasures = { ...national.measures };
    const nationalIndicators = new Map<string, { indicator: Indicator; criterion: string }>();
    for (const criterion of national.criteria) {
      for (const indicator of criterion.indicators)
        nationalIndicators.set(indicator.id, { indicator, criterion: criterion.id });
    }
    const nationalCriteria = new Map(national.criteria.map((criterion) => [criterion.id, criterion]));
    const { indicators, criteria, criterionOrder } = a.group(rows, rulesetId);
    const targets: Json[] = [];
    const added: Array<{ criterion: string; rows: TargetRow[] }> = [];
    for (const [id, list] of indicators) {
      const base = nationalIndicators.get(id);
      if (base) {
        const entry = a.entry(
          list,
          base.indicator,
          base.criterion,
          baseId,
          `targets[${targets.length}]`,
          defaultProvenance,
          kind === 'overlay',
        );
        if (entry) targets.push(entry);
        continue;
      }
      if (kind === 'amendment') {
        a.fail(list[0] as TargetRow, 'indicator', tr(lang, 'rt.notInBase', { indicator: id, base: baseId }));
        continue;
      }
      added.push({ criterion: (list[0] as TargetRow).criterion ?? '', rows: list });
    }
    if (targets.length > 0 || present.has('targets')) body.targets = targets;
    if (kind === 'overlay') {
      // Criterion rows of national criteria are shown for reading; the others are the overlay's own criteria.
      for (const [id, row] of criteria) {
        const known = nationalCriteria.get(id);
        if (known && row.text !== null && row.text !== known.name.vi) {
          a.fail(
            row,
            'text',
            tr(lang, 'rt.baseOwned', {
              base: baseId,
              shown: shownValue(row.text),
              expected: shownValue(known.name.vi),
            }),
          );
        }
      }
      const ownCriteria = criterionOrder.filter(
        (id) =>
          !nationalCriteria.has(id) && (criteria.has(id) || added.some((item) => item.criterion === id)),
      );
      const extra: Json[] = [];
      const indicatorsOf = (criterion: string, path: string) =>
        added
          .filter((item) => item.criterion === criterion)
          .map((item, j) => a.indicator(item.rows, `${path}[${j}]`))
          .filter((indicator): indicator is Indicator => indicator !== null);
      const addedToNational = added.filter((item) => nationalCriteria.has(item.criterion));
      const addedIndicators = addedToNational
        .map((item, i) => {
          const indicator = a.indicator(item.rows, `indicators[${i}]`);
          return indicator ? { ...indicator, criterion: item.criterion } : null;
        })
        .filter((indicator) => indicator !== null);
      for (const id of ownCriteria) {
        const allGroups = [...groupIds, ...national.groups.map((group) => group.id)];
        const built = a.criterionOf(
          id,
          criteria.get(id),
          added.find((item) => item.criterion === id)?.rows[0],
          indicatorsOf,
          `criteria[${extra.length}]`,
          allGroups,
        );
        if (built) extra.push(built);
      }
      if (addedIndicators.length > 0 || present.has('indicators')) body.indicators = addedIndicators;
      if (extra.length > 0 || present.has('criteria')) body.criteria = extra;
    }
  }
  if (a.englishFilled > 0) a.notices.push(tr(lang, 'rt.englishFilled', { count: a.englishFilled }));

  // The file, in the order rule files are written.
  const out: Json = { ...header };
  const put = (key: string, value: unknown, presentKey = key) => {
    if (value === undefined) return;
    const empty = Array.isArray(value)
      ? value.length === 0
      : value !== null && typeof value === 'object' && Object.keys(value).length === 0;
    if (empty && hasInfo && !present.has(presentKey)) return;
    out[key] = value;
  };
  if (hasInfo) {
    out.basis = basis;
    put('framework', framework);
    put('communeGroups', communeGroups);
    put('categories', categories);
    put('regionRules', regionRules);
    const coverage = infoWord('coverage.complete');
    if (coverage !== null) {
      const parsed = COVERAGE.parse(coverage, lang);
      if (!parsed.ok) a.problems.add(infoPlace('coverage.complete'), parsed.reason);
      out.coverage = {
        complete: parsed.ok ? parsed.value : false,
        note: english(infoRequired('coverage.note.vi'), infoText('coverage.note.en')),
      };
      a.index.set('coverage', infoPlace('coverage.complete'));
    }
    const notes = infoText('notes.vi');
    if (notes !== null) out.notes = english(notes, infoText('notes.en'));
    put('defaults', defaults);
    put('groups', groups);
  } else if (frame) {
    const frameJson = frame as unknown as Json;
    for (const key of [
      'basis',
      'framework',
      'communeGroups',
      'categories',
      'regionRules',
      'coverage',
      'notes',
      'defaults',
      'groups',
    ]) {
      if (frameJson[key] !== undefined) out[key] = frameJson[key];
    }
  }
  const declared = Object.keys(a.measures).some((key) => !measureKeysBefore.has(key));
  if (hasInfo || declared || frame?.measures !== undefined) put('measures', a.measures);
  Object.assign(out, body);
  // A workbook turned from one kind into another (a national table made into a province's) keeps parts its
  // new kind has no place for: they are left out, and said.
  const dropped: string[] = [];
  for (const key of Object.keys(out)) {
    if (PARTS[kind].has(key)) continue;
    const value = out[key];
    const empty =
      value === undefined ||
      (Array.isArray(value)
        ? value.length === 0
        : !!value && typeof value === 'object' && Object.keys(value).length === 0);
    if (!empty) dropped.push(key);
    delete out[key];
  }
  if (dropped.length > 0) {
    a.notices.push(tr(lang, 'rt.partsIgnored', { kind: KINDS.format(kind), parts: dropped.join(', ') }));
  }
  if (!hasInfo && frame) {
    // A CSV keeps the frame's parts it does not hold, in the frame's order.
    const ordered: Json = {};
    for (const key of Object.keys(frame)) if (out[key] !== undefined) ordered[key] = out[key];
    for (const key of Object.keys(out)) if (!(key in ordered)) ordered[key] = out[key];
    return {
      ruleset: ordered as unknown as RulesetFileJson,
      kind,
      problems: a.problems,
      index: a.index,
      notices: a.notices,
    };
  }
  return {
    ruleset: out as unknown as RulesetFileJson,
    kind,
    problems: a.problems,
    index: a.index,
    notices: a.notices,
  };
}

export { formatBooleanTarget, MET };
