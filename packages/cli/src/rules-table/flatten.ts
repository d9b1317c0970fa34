/**
 * A rule file (edition, amendment or overlay) as a workbook book: one row per criterion and per target cell,
 * each row showing the provenance that applies to its value; the header, the legal basis, the measures and
 * everything else on their own sheets. `assemble` reads such a book back into the same file: the two are
 * written together so that a file in canonical form (core's `canonicalRuleset`) survives the round trip.
 */
import type {
  Amendment,
  Citation,
  Comparator,
  Edition,
  Indicator,
  LocalizedText,
  Measure,
  Overlay,
  Rationale,
  Target,
} from '@nongthonmoi/core';
import {
  type Book,
  type BookRow,
  citationCells,
  deriveCommon,
  LIST_FIRST_ROW,
  type Provenance,
  type RowProvenance,
  sameValue,
  TARGETS_FIRST_ROW,
} from './book.js';
import { LIST_SHEETS } from './layout.js';
import {
  COVERAGE,
  formatBooleanTarget,
  formatComparator,
  formatConfidence,
  formatDate,
  formatJson,
  formatPlace,
  formatYears,
  KINDS,
  MEASURE_TYPES,
  MET,
  NATIONAL,
  NO,
  NONE,
  type Place,
  type RulesetKind,
  type SheetCell,
  YES,
} from './vocabulary.js';

export type RulesetFileJson = Edition | Amendment | Overlay;

/** The words shown in the Mức column of a computed target. */
export const COMPUTED = 'tính theo công thức';

export function kindOf(file: RulesetFileJson): RulesetKind {
  if ('extends' in file) return 'overlay';
  if ('amends' in file) return 'amendment';
  return 'edition';
}

interface CellLike {
  value: number | boolean | null;
  bound?: true;
  confidence?: Provenance['confidence'];
  source?: string;
  quote?: string;
  rationale?: Rationale;
}

function asCell(cell: unknown): CellLike {
  return cell !== null && typeof cell === 'object' ? (cell as CellLike) : { value: cell as number | boolean };
}

/** Every cell of a static target table with its region or group and its years, in the file's order. */
export function targetCells(target: Target): Array<{ place: Place; years: string | null; cell: CellLike }> {
  const out: Array<{ place: Place; years: string | null; cell: CellLike }> = [];
  const entry = (value: unknown, place: Place) => {
    if (value && typeof value === 'object' && 'byYear' in value) {
      for (const [years, cell] of Object.entries((value as { byYear: Record<string, unknown> }).byYear)) {
        out.push({ place, years, cell: asCell(cell) });
      }
    } else out.push({ place, years: null, cell: asCell(value) });
  };
  if (target && typeof target === 'object' && 'byRegion' in target) {
    for (const [region, value] of Object.entries(target.byRegion)) {
      entry(value, { kind: 'region', region } as Place);
    }
    if (target.default !== undefined) entry(target.default, { kind: 'region-default' });
  } else if (target && typeof target === 'object' && 'byGroup' in target) {
    for (const [group, value] of Object.entries(target.byGroup))
      entry(value, { kind: 'group', group } as Place);
    if (target.default !== undefined) entry(target.default, { kind: 'group-default' });
  } else entry(target, { kind: 'none' });
  return out;
}

function text(value: LocalizedText | undefined, lang: 'vi' | 'en'): SheetCell {
  return value?.[lang] ?? null;
}

function provenanceCells(p: Provenance, known: boolean): Record<string, SheetCell> {
  return {
    confidence: known ? (p.confidence ? formatConfidence(p.confidence) : null) : formatConfidence('unknown'),
    source: p.source ?? null,
    quote: p.quote ?? null,
    rationaleVi: p.rationale?.vi ?? null,
    rationaleEn: p.rationale?.en ?? null,
  };
}

/** The technical "common" columns: the parent's provenance where it differs from what its rows give. */
function commonCells(parent: Provenance, rows: readonly RowProvenance[]): Record<string, SheetCell> {
  const derived = deriveCommon(rows);
  const cells: Record<string, SheetCell> = {};
  const put = (
    field: keyof Provenance,
    write: (value: never) => Record<string, SheetCell>,
    none: string[],
  ) => {
    if (sameValue(parent[field], derived[field])) return;
    if (parent[field] === undefined) for (const key of none) cells[key] = NONE;
    else Object.assign(cells, write(parent[field] as never));
  };
  put('confidence', (c) => ({ commonConfidence: formatConfidence(c) }), ['commonConfidence']);
  put('source', (s) => ({ commonSource: s }), ['commonSource']);
  put('quote', (q) => ({ commonQuote: q }), ['commonQuote']);
  put('rationale', (r: Rationale) => ({ commonRationaleVi: r.vi, commonRationaleEn: r.en ?? null }), [
    'commonRationaleVi',
  ]);
  return cells;
}

function effective(cell: CellLike, parent: Provenance): RowProvenance {
  return {
    known: cell.value !== null,
    confidence: cell.value === null ? undefined : (cell.confidence ?? parent.confidence),
    source: cell.source ?? parent.source,
    quote: cell.quote ?? parent.quote,
    rationale: cell.rationale ?? parent.rationale,
  };
}

interface IndicatorContext {
  ruleset: string;
  criterion: string;
  /** The indicator as the file writes it, or null for an overlay's or amendment's entry (target only). */
  indicator: Indicator | null;
  id: string;
  /** Comparator, measure and wording as they apply (an entry takes them from the national edition). */
  op: Comparator | null;
  measure: string | null;
  measureDef: Measure | undefined;
  name: LocalizedText | undefined;
  target: Target | null;
  parent: Provenance;
  citation: Citation | undefined;
}

function valueCell(value: number | boolean | null): SheetCell {
  if (value === null) return null;
  return typeof value === 'boolean' ? formatBooleanTarget(value) : value;
}

/** The rows of one indicator (or one target entry): one per target cell, one for a composite or computed test. */
function indicatorRows(context: IndicatorContext): Array<Record<string, SheetCell>> {
  const { indicator } = context;
  const shared: Record<string, SheetCell> = {
    ruleset: context.ruleset,
    criterion: context.criterion,
    indicator: context.id,
    text: text(context.name, 'vi'),
    unit: context.measureDef?.unit?.vi ?? null,
    op: context.op ? formatComparator(context.op) : null,
    measure: context.measure,
    ...citationCells(context.citation),
  };
  if (indicator) {
    Object.assign(shared, {
      nameEn: indicator.name.en,
      applicableIf: formatJson(indicator.applicableIf),
      placeholder: indicator.placeholder ? YES : null,
      notesVi: text(indicator.notes, 'vi'),
      notesEn: text(indicator.notes, 'en'),
    });
    if (!('measure' in indicator.test)) {
      Object.assign(shared, {
        op: MET,
        logic: formatJson(indicator.test.logic),
        requirementEn: text(indicator.test.description, 'en'),
      });
    }
  }
  const target = context.target;
  if (target === null || (target && typeof target === 'object' && 'logic' in target)) {
    // A composite test or a computed target: one row, with the indicator's own provenance.
    const row = {
      ...shared,
      ...provenanceCells(context.parent, true),
      value:
        target === null
          ? indicator && !('measure' in indicator.test)
            ? (indicator.test.description?.vi ?? null)
            : null
          : COMPUTED,
      formula: target === null ? null : formatJson((target as { logic: unknown }).logic),
    };
    return [row];
  }
  const cells = targetCells(target);
  const provenances = cells.map(({ cell }) => effective(cell, context.parent));
  const common = commonCells(context.parent, provenances);
  return cells.map(({ place, years, cell }, i) => ({
    ...shared,
    value: valueCell(cell.value),
    place: formatPlace(place),
    years: formatYears(years),
    bound: cell.bound ? YES : null,
    ...provenanceCells(provenances[i] as RowProvenance, cell.value !== null),
    ...common,
  }));
}

function indicatorProvenance(indicator: Indicator): Provenance {
  return {
    confidence: indicator.confidence,
    source: indicator.source,
    quote: indicator.quote,
    rationale: indicator.rationale,
  };
}

function ownIndicatorRows(
  ruleset: string,
  criterion: string,
  indicator: Indicator,
  measures: Record<string, Measure>,
): Array<Record<string, SheetCell>> {
  const test = indicator.test;
  const compact = 'measure' in test;
  return indicatorRows({
    ruleset,
    criterion,
    indicator,
    id: indicator.id,
    op: compact ? test.op : null,
    measure: compact ? test.measure : null,
    measureDef: compact ? measures[test.measure] : undefined,
    name: indicator.name,
    target: compact ? test.target : null,
    parent: indicatorProvenance(indicator),
    citation: indicator.citation,
  });
}

function criterionRow(
  ruleset: string,
  criterion: { id: string; name: LocalizedText; group: string },
): Record<string, SheetCell> {
  return {
    ruleset,
    criterion: criterion.id,
    text: criterion.name.vi,
    nameEn: criterion.name.en,
    groupId: criterion.group,
  };
}

function nationalIndicators(
  national: Edition | null,
): Map<string, { indicator: Indicator; criterion: string }> {
  const map = new Map<string, { indicator: Indicator; criterion: string }>();
  for (const criterion of national?.criteria ?? []) {
    for (const indicator of criterion.indicators)
      map.set(indicator.id, { indicator, criterion: criterion.id });
  }
  return map;
}

/** The target rows of a file. `national`: the edition an overlay extends or an amendment amends. */
export function targetRows(
  file: RulesetFileJson,
  national: Edition | null,
): Array<Record<string, SheetCell>> {
  const rows: Array<Record<string, SheetCell>> = [];
  const measures = { ...(national?.measures ?? {}), ...(file.measures ?? {}) };
  const id = file.id;
  if ('criteria' in file && !('extends' in file)) {
    for (const criterion of file.criteria) {
      rows.push(criterionRow(id, criterion));
      for (const indicator of criterion.indicators)
        rows.push(...ownIndicatorRows(id, criterion.id, indicator, measures));
    }
    return rows;
  }
  const byId = nationalIndicators(national);
  const defaults = 'defaults' in file ? (file.defaults ?? {}) : {};
  for (const entry of 'targets' in file ? (file.targets ?? []) : []) {
    const base = byId.get(entry.indicator);
    const test = base?.indicator.test;
    const compact = !!test && 'measure' in test;
    const parent: Provenance = {
      confidence: entry.confidence ?? defaults.confidence,
      source: entry.source ?? defaults.source,
      quote: entry.quote ?? defaults.quote,
      rationale: entry.rationale ?? defaults.rationale,
    };
    const own = 'op' in entry ? (entry.op as Comparator | undefined) : undefined;
    const op = own ?? (compact ? (test as { op: Comparator }).op : null);
    rows.push(
      ...indicatorRows({
        ruleset: id,
        criterion: base?.criterion ?? '',
        indicator: null,
        id: entry.indicator,
        op,
        measure: compact ? (test as { measure: string }).measure : null,
        measureDef: compact ? measures[(test as { measure: string }).measure] : undefined,
        name: base?.indicator.name,
        target: entry.target as Target,
        parent,
        citation: entry.citation ?? defaults.citation,
      }),
    );
  }
  if ('extends' in file) {
    for (const indicator of file.indicators ?? []) {
      const { criterion, ...rest } = indicator;
      rows.push(...ownIndicatorRows(id, criterion, rest as Indicator, measures));
    }
    for (const criterion of file.criteria ?? []) {
      rows.push(criterionRow(id, criterion));
      for (const indicator of criterion.indicators)
        rows.push(...ownIndicatorRows(id, criterion.id, indicator, measures));
    }
  }
  return rows;
}

const number =
  (row: number) =>
  (cells: Record<string, SheetCell>, i: number): BookRow => ({
    row: row + i,
    cells,
  });

/** Everything but the target rows: the information fields and the other sheets. */
function infoOf(file: RulesetFileJson): Map<string, SheetCell> {
  const info = new Map<string, SheetCell>();
  const set = (key: string, value: SheetCell | undefined) => {
    if (value !== undefined && value !== null) info.set(key, value);
  };
  set('kind', KINDS.format(kindOf(file)));
  set('id', file.id);
  set('family', file.family);
  set('level', file.level);
  set('edition', file.edition);
  set('name.vi', file.name.vi);
  set('name.en', file.name.en);
  set('jurisdiction', file.jurisdiction === 'national' ? NATIONAL : file.jurisdiction.province);
  if ('extends' in file) {
    set(
      'extends',
      Array.isArray(file.extends)
        ? `${file.extends.join('; ')}${file.extends.length === 1 ? ';' : ''}`
        : file.extends,
    );
  }
  if ('amends' in file) set('amends', file.amends);
  set('effective.from', formatDate(file.effective.from));
  set('effective.to', formatDate(file.effective.to ?? null));
  if ('requires' in file && file.requires) {
    set('requires.level', file.requires.level);
    set('requires.note.vi', file.requires.note?.vi);
    set('requires.note.en', file.requires.note?.en);
  }
  if ('coverage' in file && file.coverage) {
    set('coverage.complete', COVERAGE.format(file.coverage.complete));
    set('coverage.note.vi', file.coverage.note.vi);
    set('coverage.note.en', file.coverage.note.en);
  }
  set('notes.vi', file.notes?.vi);
  set('notes.en', file.notes?.en);
  if ('defaults' in file && file.defaults) {
    const d = file.defaults;
    set('defaults.document', d.citation?.document);
    set('defaults.part', d.citation?.part);
    set('defaults.item', d.citation?.item);
    set('defaults.guidance', d.citation?.guidance);
    set('defaults.confidence', d.confidence ? formatConfidence(d.confidence) : undefined);
    set('defaults.source', d.source);
    set('defaults.quote', d.quote);
    set('defaults.rationale.vi', d.rationale?.vi);
    set('defaults.rationale.en', d.rationale?.en);
  }
  if ('framework' in file && file.framework) {
    set('framework.id', file.framework.id);
    set('framework.name.vi', file.framework.name.vi);
    set('framework.name.en', file.framework.name.en);
    set('framework.note.vi', file.framework.note?.vi);
    set('framework.note.en', file.framework.note?.en);
  }
  set('$schema', file.$schema);
  // Parts present without content: an empty list or object is not the same as none (an amendment's
  // `regionRules: []` removes every rule; `defaults: {}` and `communeGroups: {}` are kept as written).
  const present: string[] = [];
  const record = file as unknown as Record<string, unknown>;
  for (const key of [
    'measures',
    'categories',
    'regionRules',
    'communeGroups',
    'groups',
    'targets',
    'indicators',
    'criteria',
    'defaults',
  ]) {
    const value = record[key];
    if (value === undefined) continue;
    const empty = Array.isArray(value)
      ? value.length === 0
      : value !== null && typeof value === 'object' && Object.keys(value).length === 0;
    if (empty) present.push(key);
  }
  if ('framework' in file && file.framework && file.framework.levels.length === 0)
    present.push('framework.levels');
  set('present', present.length > 0 ? present.join(', ') : undefined);
  return info;
}

function citationRow(citation: Citation): Record<string, SheetCell> {
  return citationCells(citation);
}

/** A rule file as a book. `national`: the edition an overlay extends or an amendment amends (for its rows). */
export function flatten(file: RulesetFileJson, national: Edition | null): Book {
  const info = new Map<string, { row: number; value: SheetCell }>();
  [...infoOf(file)].forEach(([key, value], i) => {
    info.set(key, { row: LIST_FIRST_ROW + i, value });
  });
  const measures = Object.entries(file.measures ?? {});
  const lists: Book['lists'] = {
    basis: file.basis
      .map((doc) => ({
        number: doc.number,
        title: doc.title,
        issuer: doc.issuer,
        date: formatDate(doc.date),
        effective: formatDate(doc.effective ?? null),
        url: doc.url ?? null,
      }))
      .map(number(LIST_FIRST_ROW)),
    measures: measures
      .map(([key, m]) => ({
        key,
        labelVi: m.label.vi,
        labelEn: m.label.en,
        type: MEASURE_TYPES.format(m.type),
        unitVi: m.unit?.vi ?? null,
        unitEn: m.unit?.en ?? null,
        min: m.min ?? null,
        max: m.max ?? null,
        multiple: m.multiple === undefined ? null : m.multiple ? YES : NO,
        descriptionVi: m.description?.vi ?? null,
        descriptionEn: m.description?.en ?? null,
      }))
      .map(number(LIST_FIRST_ROW)),
    values: measures
      .flatMap(([key, m]) =>
        (m.values ?? []).map((value) => ({
          measure: key,
          id: value.id,
          nameVi: value.label.vi,
          nameEn: value.label.en,
        })),
      )
      .map(number(LIST_FIRST_ROW)),
    groups: ('groups' in file ? (file.groups ?? []) : [])
      .map((group) => ({ id: group.id, nameVi: group.name.vi, nameEn: group.name.en }))
      .map(number(LIST_FIRST_ROW)),
    communeGroups: Object.entries('communeGroups' in file ? (file.communeGroups ?? {}) : {})
      .map(([group, definition]) => ({
        group: formatPlace({ kind: 'group', group } as Place),
        nameVi: definition.name.vi,
        nameEn: definition.name.en,
        definitionVi: definition.definition.vi,
        definitionEn: definition.definition.en,
        ...citationRow(definition.citation),
        confidence: formatConfidence(definition.confidence),
        source: definition.source ?? null,
        quote: (definition as { quote?: string }).quote ?? null,
      }))
      .map(number(LIST_FIRST_ROW)),
    categories: Object.entries(file.categories ?? {})
      .map(([id, name]) => ({ id, nameVi: name.vi, nameEn: name.en }))
      .map(number(LIST_FIRST_ROW)),
    regionRules: ('regionRules' in file ? (file.regionRules ?? []) : [])
      .map((rule) => ({
        categories: rule.categories.join('; '),
        region: formatPlace({ kind: 'region', region: rule.region }),
        reasonVi: rule.reason.vi,
        reasonEn: rule.reason.en,
        ...citationRow(rule.citation),
      }))
      .map(number(LIST_FIRST_ROW)),
    levels: ('framework' in file && file.framework ? file.framework.levels : [])
      .map((level) => ({
        level: level.level,
        nameVi: level.name.vi,
        nameEn: level.name.en,
        encoded: level.encoded ? YES : NO,
      }))
      .map(number(LIST_FIRST_ROW)),
  };
  // Every sheet is written, even empty: an office may add a measure, a group or a region rule.
  for (const sheet of LIST_SHEETS) lists[sheet.id as keyof Book['lists']] ??= [];
  return {
    info,
    targets: targetRows(file, national).map(number(TARGETS_FIRST_ROW)),
    lists,
    title: `Bảng tiêu chí ${file.id}: ${file.name.vi}`,
  };
}
