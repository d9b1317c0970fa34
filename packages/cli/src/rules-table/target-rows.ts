/**
 * The target sheet read into a rule file's criteria, indicators and `targets` entries: each indicator from its
 * rows (one per target cell), the provenance of each cell and of the indicator (see `deriveCommon`), and every
 * row that does not fit (two places at once, a missing comparator, a column that differs between the rows of
 * one indicator…) reported at its sheet, row and column.
 */
import type { Citation, Comparator, Indicator, LocalizedText, Measure } from '@nongthonmoi/core';
import type { Lang } from '../i18n.js';
import { tr } from '../messages.js';
import { type Book, deriveCommon, type Provenance, type RowProvenance, sameValue } from './book.js';
import { COMPUTED } from './flatten.js';
import { TARGETS } from './layout.js';
import { CellReader, HEADERS, isBlankRow, parseTargetRow, type TargetRow } from './parse-rows.js';
import { PathIndex, Problems, quote } from './problems.js';
import {
  cellText,
  formatComparator,
  formatPlace,
  isEmpty,
  MEASURE_TYPES,
  parseBooleanTarget,
  parseNumberCell,
  placeKey,
} from './vocabulary.js';

export type Json = Record<string, unknown>;

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

export function shownValue(value: unknown): string {
  if (value === null || value === undefined) return '(trống)';
  return quote(typeof value === 'string' ? value : JSON.stringify(value));
}

const COMMON_COLUMN: Record<string, string> = {
  confidence: 'commonConfidence',
  source: 'commonSource',
  quote: 'commonQuote',
  rationale: 'commonRationaleVi',
};

/** Reads the rows of the target sheet into criteria, indicators and the entries of an overlay or amendment. */
export class TargetAssembler {
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
    readonly lang: Lang,
  ) {
    this.reader = new CellReader(TARGETS.name, HEADERS, this.problems, lang);
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
    // "95 %" in the target column is 95.
    const plain = typeof cell === 'string' ? cell.replace(/\s*%\s*$/, '') : cell;
    const parsed = parseNumberCell(plain, this.lang);
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
