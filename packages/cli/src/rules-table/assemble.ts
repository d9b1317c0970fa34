/**
 * A workbook book back into a rule file: the exact inverse of `flatten` for a file in canonical form, and a
 * careful reader of what officials type. Every cell that cannot be read, and every row that does not fit the
 * ruleset (two criteria for one indicator, a missing comparator, a place twice…), is reported by sheet, row
 * and column; the file is built only when there is none. Core then validates the file (`parseRuleset`, the
 * registry), and its issues come back to the rows through the path index.
 */
import type { Citation, Edition, Indicator } from '@nongthonmoi/core';
import type { Lang } from '../i18n.js';
import { tr } from '../messages.js';
import type { Book, Provenance } from './book.js';
import { kindOf, type RulesetFileJson } from './flatten.js';
import { INFO_FIELDS, INFO_SHEET } from './layout.js';
import type { TargetRow } from './parse-rows.js';
import { type PathIndex, type Problems, quote } from './problems.js';
import {
  readBasis,
  readCategories,
  readCommuneGroups,
  readGroups,
  readLevels,
  readMeasures,
  readRegionRules,
  type SheetContext,
} from './sheets.js';
import { type Json, shownValue, TargetAssembler } from './target-rows.js';
import {
  COVERAGE,
  cellText,
  isEmpty,
  KINDS,
  NATIONAL,
  parseConfidence,
  parseDateCell,
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

/** Reads a book into a rule file (see the module comment). */
export function assemble(book: Book, options: AssembleOptions): Assembled {
  const a = new TargetAssembler(book, options.lang);
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

  // The other sheets (a CSV has none: they come from the frame).
  const sheets: SheetContext = { book, problems: a.problems, index: a.index, lang, english };
  const frameJson = (frame ?? null) as Json | null;
  const basis: unknown = readBasis(sheets) ?? frameJson?.basis;
  a.measures = readMeasures(sheets) ?? { ...(frame?.measures ?? {}) };
  const measureKeysBefore = new Set(Object.keys(a.measures));
  const groups: unknown = readGroups(sheets) ?? frameJson?.groups;
  const communeGroups: unknown = readCommuneGroups(sheets) ?? frameJson?.communeGroups;
  const categories: unknown = readCategories(sheets) ?? frameJson?.categories;
  const regionRules: unknown = readRegionRules(sheets) ?? frameJson?.regionRules;
  let framework: unknown = frameJson?.framework;
  if (hasInfo) {
    framework = undefined;
    const id = infoWord('framework.id');
    if (id !== null) {
      const note = infoText('framework.note.vi');
      framework = {
        id,
        name: english(infoRequired('framework.name.vi'), infoText('framework.name.en')),
        levels: readLevels(sheets),
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
