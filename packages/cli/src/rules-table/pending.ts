/**
 * The workbook of targets pending verification (`ntm rules pending`) and its import. The workbook lists, in the
 * layout of `ntm rules export`, every target row of every ruleset whose confidence is not "official", each
 * with its ruleset in the first column. An office fills in what it knows and may delete the rows it leaves:
 * a row that is absent keeps its value. Its information sheet says what importing makes:
 *
 * - "Bản sửa của bộ tiêu chí (cùng mã)" (the default): every ruleset with a changed row is written again with
 *   the same id, the rows merged into it (a file that replaces the bundled one when given with --ruleset);
 * - "Bộ tiêu chí của tỉnh (chỉ nâng mức)": the changed rows of each national ruleset become a province overlay
 *   (province and decision from the information sheet), checked like any overlay: it may only raise targets.
 *
 * Indicators new to a ruleset, written for a criterion that has a placeholder, replace the placeholder.
 */
import { canonicalRuleset, type Edition, type Engine, listProvinces } from '@nongthonmoi/core';
import type { Lang } from '../i18n.js';
import { tr } from '../messages.js';
import { assemble } from './assemble.js';
import { type Book, type BookRow, LIST_FIRST_ROW, sameValue, TARGETS_FIRST_ROW } from './book.js';
import { flatten, kindOf, type RulesetFileJson, targetRows } from './flatten.js';
import { INFO_FIELDS, INFO_SHEET, TARGETS } from './layout.js';
import { type PathIndex, quote, type TableProblem } from './problems.js';
import {
  cellText,
  formatConfidence,
  formatDate,
  isEmpty,
  KINDS,
  PENDING_MODES,
  parseDateCell,
  parsePlace,
  parseYears,
  placeKey,
  type SheetCell,
  YES,
} from './vocabulary.js';

type Files = ReadonlyArray<{ file: string; ruleset: RulesetFileJson }>;

function baseOf(file: RulesetFileJson, national: (id: string) => Edition | null): Edition | null {
  if ('extends' in file)
    return national(Array.isArray(file.extends) ? (file.extends[0] as string) : file.extends);
  if ('amends' in file) return national(file.amends);
  return null;
}

const OFFICIAL = formatConfidence('official');

/** The pending workbook: every non-official target row of every ruleset, with the criterion rows around them. */
export function pendingBook(engine: Engine, files: Files): { book: Book; rulesets: number } {
  const national = (id: string) => {
    const entry = engine.ruleset(id);
    return entry?.kind === 'edition' ? (entry.data as Edition) : null;
  };
  const rows: Array<Record<string, SheetCell>> = [];
  let rulesets = 0;
  for (const { ruleset } of files) {
    const all = targetRows(ruleset, baseOf(ruleset, national));
    const pending = all.filter((row) => row.indicator && row.confidence !== OFFICIAL);
    if (pending.length === 0) continue;
    rulesets++;
    const criteria = new Set(pending.map((row) => row.criterion));
    rows.push(
      ...all.filter((row) => (!row.indicator && criteria.has(row.criterion)) || pending.includes(row)),
    );
  }
  const info: Book['info'] = new Map();
  const fields: Array<[string, SheetCell]> = [
    ['kind', KINDS.format('pending')],
    ['pending.mode', PENDING_MODES.format('correction')],
  ];
  let i = 0;
  for (const [key, value] of fields) info.set(key, { row: LIST_FIRST_ROW + i++, value });
  return {
    book: {
      info,
      targets: rows.map((cells, j) => ({ row: TARGETS_FIRST_ROW + j, cells })),
      lists: {},
      title: `Các mức chỉ tiêu cần đối chiếu (${rows.filter((row) => row.indicator).length} dòng): điền mức chính thức, nguồn và câu trích rồi gửi lại`,
    },
    rulesets,
  };
}

// ---------------------------------------------------------------------------------------------------------
// Import

export interface PendingResult {
  id: string;
  ruleset: RulesetFileJson;
  index: PathIndex;
}

function text(cell: SheetCell | undefined): string {
  return isEmpty(cell ?? null) ? '' : cellText(cell as SheetCell).trim();
}

/** The key that matches a pending row with the row of the ruleset it corrects. */
function rowKey(cells: Record<string, SheetCell>, lang: Lang): string {
  const indicator = text(cells.indicator);
  if (!indicator) return `criterion|${text(cells.criterion)}`;
  const place = parsePlace(text(cells.place), lang);
  const years = parseYears(text(cells.years), lang);
  return [
    'indicator',
    indicator,
    place.ok ? placeKey(place.value) : text(cells.place),
    years.ok ? (years.value ?? '') : text(cells.years),
  ].join('|');
}

const COMPARED = [
  'value',
  'op',
  'place',
  'years',
  'confidence',
  'bound',
  'document',
  'part',
  'item',
  'guidance',
  'source',
  'quote',
  'rationaleVi',
  'rationaleEn',
  'formula',
  'text',
  'unit',
  'measure',
];

function differs(a: Record<string, SheetCell>, b: Record<string, SheetCell>): boolean {
  return COMPARED.some((key) => text(a[key]) !== text(b[key]));
}

interface Merged {
  rows: BookRow[];
  /** Pending rows that change their row or add one. */
  changed: BookRow[];
  /** Ids of indicators the ruleset did not have. */
  added: Set<string>;
  /** Placeholders replaced by new indicators: criterion → placeholder id. */
  replaced: Array<{ criterion: string; placeholder: string }>;
}

/** The ruleset's own rows with the pending rows put in their place (new ones after their indicator). */
function merge(base: Array<Record<string, SheetCell>>, pending: readonly BookRow[], lang: Lang): Merged {
  // Rows of the ruleset carry row 0: they are not rows of the workbook being read.
  const rows: BookRow[] = base.map((cells) => ({ row: 0, cells }));
  const known = new Set(base.map((cells) => text(cells.indicator)).filter(Boolean));
  const changed: BookRow[] = [];
  const added = new Set<string>();
  for (const row of pending) {
    const key = rowKey(row.cells, lang);
    const at = rows.findIndex((candidate) => rowKey(candidate.cells, lang) === key);
    if (at >= 0) {
      if (differs(row.cells, (rows[at] as BookRow).cells)) changed.push(row);
      rows[at] = row;
      continue;
    }
    changed.push(row);
    const indicator = text(row.cells.indicator);
    const criterion = text(row.cells.criterion);
    if (indicator && !known.has(indicator)) added.add(indicator);
    const last = (predicate: (candidate: BookRow) => boolean) => {
      for (let i = rows.length - 1; i >= 0; i--) if (predicate(rows[i] as BookRow)) return i;
      return -1;
    };
    let position = indicator ? last((candidate) => text(candidate.cells.indicator) === indicator) : -1;
    if (position < 0) position = last((candidate) => text(candidate.cells.criterion) === criterion);
    rows.splice(position < 0 ? rows.length : position + 1, 0, row);
  }
  // New indicators of a criterion replace its placeholders.
  const replaced: Array<{ criterion: string; placeholder: string }> = [];
  const criteriaWithNew = new Set(
    rows.filter((row) => added.has(text(row.cells.indicator))).map((row) => text(row.cells.criterion)),
  );
  const kept = rows.filter((row) => {
    const placeholder = text(row.cells.placeholder) === YES && criteriaWithNew.has(text(row.cells.criterion));
    if (placeholder && !replaced.some((item) => item.placeholder === text(row.cells.indicator))) {
      replaced.push({ criterion: text(row.cells.criterion), placeholder: text(row.cells.indicator) });
    }
    return !placeholder;
  });
  return { rows: kept, changed, added, replaced };
}

export interface PendingImport {
  results: PendingResult[];
  problems: TableProblem[];
  notices: string[];
}

/** Reads a filled pending workbook: the corrected rulesets, or the province overlays (see the module comment). */
export function importPending(
  book: Book,
  options: { lang: Lang; files: Files; national: (id: string) => Edition | null },
): PendingImport {
  const { lang, files, national } = options;
  const problems: TableProblem[] = [];
  const notices: string[] = [];
  const info = (key: string) => book.info.get(key);
  const infoProblem = (key: string, reason: string) =>
    problems.push({
      sheet: INFO_SHEET,
      row: info(key)?.row ?? null,
      column: 'Giá trị',
      value: text(info(key)?.value),
      reason,
    });
  const modeText = text(info('pending.mode')?.value);
  const parsedMode = modeText ? PENDING_MODES.parse(modeText, lang) : null;
  if (parsedMode && !parsedMode.ok)
    infoProblem('pending.mode', tr(lang, 'rt.pendingMode', { shown: quote(modeText) }));
  const mode = parsedMode?.ok ? parsedMode.value : 'correction';
  const byRuleset = new Map<string, BookRow[]>();
  for (const row of book.targets) {
    if (Object.values(row.cells).every((cell) => isEmpty(cell ?? null))) continue;
    const id = text(row.cells.ruleset);
    if (!id) {
      problems.push({
        sheet: TARGETS.name,
        row: row.row,
        column: TARGETS.columns[0]?.header ?? '',
        value: '',
        reason: tr(lang, 'rt.required'),
      });
      continue;
    }
    byRuleset.set(id, [...(byRuleset.get(id) ?? []), row]);
  }
  const province = mode === 'overlay' ? overlayIdentity(book, lang, infoProblem) : null;
  const results: PendingResult[] = [];
  for (const [id, pending] of byRuleset) {
    const entry = files.find((file) => file.ruleset.id === id);
    if (!entry) {
      const first = pending[0] as BookRow;
      problems.push({
        sheet: TARGETS.name,
        row: first.row,
        column: TARGETS.columns[0]?.header ?? '',
        value: id,
        reason: tr(lang, 'rt.unknownRuleset', { id, known: files.map((file) => file.ruleset.id).join(', ') }),
      });
      continue;
    }
    const file = entry.ruleset;
    const base = baseOf(file, national);
    const flat = flatten(file, base);
    const merged = merge(targetRows(file, base), pending, lang);
    for (const item of merged.replaced)
      notices.push(tr(lang, 'rt.placeholderReplaced', { ...item, ruleset: id }));
    if (merged.changed.length === 0) continue;
    if (mode === 'correction' || kindOf(file) === 'overlay') {
      const assembled = assemble({ ...flat, targets: merged.rows }, { lang, national });
      problems.push(
        ...assembled.problems.list.map((problem) =>
          problem.row === 0 ? { ...problem, row: null } : problem,
        ),
      );
      notices.push(...assembled.notices);
      if (!assembled.ruleset || assembled.problems.count > 0) continue;
      const canonical = canonicalRuleset(file, { national: kindOf(file) === 'overlay' ? base : null });
      if (sameValue(assembled.ruleset, canonical)) continue;
      results.push({ id, ruleset: assembled.ruleset, index: assembled.index });
      continue;
    }
    if (!province) continue;
    const overlay = overlayBook(file, merged, province, flat);
    const assembled = assemble(overlay, { lang, national });
    problems.push(...assembled.problems.list);
    notices.push(...assembled.notices);
    if (assembled.ruleset && assembled.problems.count === 0) {
      results.push({ id: assembled.ruleset.id, ruleset: assembled.ruleset, index: assembled.index });
    }
  }
  return { results, problems, notices };
}

interface ProvinceDecision {
  province: string;
  provinceName: string;
  number: string;
  title: string;
  issuer: string;
  date: string;
  effective: string | null;
  url: string | null;
}

function overlayIdentity(
  book: Book,
  lang: Lang,
  infoProblem: (key: string, reason: string) => void,
): ProvinceDecision | null {
  const value = (key: string) => text(book.info.get(key)?.value);
  let ok = true;
  const need = (key: string) => {
    const found = value(key);
    if (!found) {
      ok = false;
      infoProblem(
        key,
        tr(lang, 'rt.pendingNeeds', { field: INFO_FIELDS.find((field) => field.key === key)?.label ?? key }),
      );
    }
    return found;
  };
  const provinceId = need('pending.province');
  const record = listProvinces().find((item) => item.id === provinceId);
  if (provinceId && !record) {
    ok = false;
    infoProblem('pending.province', tr(lang, 'province.unknown', { hint: null }));
  }
  const date = (key: string, required: boolean) => {
    const cell = book.info.get(key)?.value ?? null;
    if (isEmpty(cell)) {
      if (required) need(key);
      return null;
    }
    const parsed = parseDateCell(cell, lang);
    if (!parsed.ok) {
      ok = false;
      infoProblem(key, parsed.reason);
      return null;
    }
    return parsed.value;
  };
  const decision = {
    province: provinceId,
    provinceName: record?.name ?? provinceId,
    number: need('pending.document'),
    title: need('pending.title'),
    issuer: need('pending.issuer'),
    date: date('pending.date', true) ?? '',
    effective: date('pending.effective', false),
    url: value('pending.url') || null,
  };
  return ok ? decision : null;
}

/** The changed rows of a national ruleset as the book of a province overlay that extends it. */
function overlayBook(file: RulesetFileJson, merged: Merged, decision: ProvinceDecision, flat: Book): Book {
  const tail = (id: string) => id.replace(/^vn\//, '').replace(/\//g, '-');
  const id = `provinces/${decision.province}/${tail(file.id)}`;
  const from = [file.effective.from, decision.effective ?? file.effective.from].sort()[1] as string;
  const fields: Array<[string, SheetCell]> = [
    ['kind', KINDS.format('overlay')],
    ['id', id],
    ['family', `provinces/${decision.province}/${tail(file.family)}`],
    ['level', file.level],
    ['edition', file.edition],
    ['name.vi', `${file.name.vi}: mức của tỉnh ${decision.provinceName}`],
    ['name.en', `${file.name.en}: ${decision.provinceName} targets`],
    ['jurisdiction', decision.province],
    ['extends', file.id],
    ['effective.from', formatDate(from)],
    ['effective.to', formatDate(file.effective.to ?? null)],
    ['defaults.document', decision.number],
  ];
  const info: Book['info'] = new Map(
    fields.map(([key, value], i) => [key, { row: LIST_FIRST_ROW + i, value }]),
  );
  // The rows of the national ruleset the office left as they were say where a changed row comes from.
  const baseRows = new Map(targetRows(file, null).map((cells) => [`${text(cells.indicator)}`, cells]));
  const targets: BookRow[] = merged.changed
    .filter((row) => text(row.cells.indicator))
    .map((row) => {
      const cells: Record<string, SheetCell> = { ...row.cells, ruleset: id };
      for (const key of [
        'commonConfidence',
        'commonSource',
        'commonQuote',
        'commonRationaleVi',
        'commonRationaleEn',
      ]) {
        delete cells[key];
      }
      const original = baseRows.get(text(row.cells.indicator));
      const sameCitation =
        original &&
        ['document', 'part', 'item', 'guidance'].every((key) => text(original[key]) === text(cells[key]));
      if (sameCitation) for (const key of ['document', 'part', 'item', 'guidance']) cells[key] = null;
      return { row: row.row, cells };
    });
  return {
    info,
    targets,
    lists: {
      ...Object.fromEntries(Object.keys(flat.lists).map((key) => [key, []])),
      basis: [
        {
          row: LIST_FIRST_ROW,
          cells: {
            number: decision.number,
            title: decision.title,
            issuer: decision.issuer,
            date: formatDate(decision.date),
            effective: decision.effective ? formatDate(decision.effective) : null,
            url: decision.url,
          },
        },
      ],
    },
  };
}
