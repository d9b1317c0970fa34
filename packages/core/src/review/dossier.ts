import { OptionsError } from '../errors.js';
import type { CriterionStatus, Evaluation } from '../result/types.js';
import type { LocalizedText } from '../schema/common.js';
import { closest } from '../util/suggest.js';
import { DOSSIER_STATUSES, type DossierStatus, foldWords } from './dossier-status.js';
import { dayNumber } from './iso-days.js';

/** One row of a dossier list: where the dossier (hồ sơ) of one criterion of one commune stands. */
export interface DossierRow {
  /** The commune's id, as in its evaluation. */
  commune: string;
  /** The criterion's id in the commune's assessed tier (e.g. `17`). */
  criterion: string;
  /** Read words people type with `parseDossierStatus`. */
  status: DossierStatus;
  /** When the dossier was last updated, ISO `YYYY-MM-DD`. */
  updated?: string | null | undefined;
  /** Who answers for it (người phụ trách). */
  owner?: string | null | undefined;
  note?: string | null | undefined;
}

/** One criterion of one commune: its status in the evaluation and its dossier. */
export interface DossierEntry {
  criterion: string;
  name: LocalizedText;
  /** The criterion's status in the evaluation (the engine's verdict). */
  criterionStatus: CriterionStatus;
  /** The dossier's status, or null when no row names this criterion. */
  dossier: DossierStatus | null;
  updated: string | null;
  owner: string | null;
  note: string | null;
  /** Position (0-based) of the row used in the input list; null when there is none. */
  row: number | null;
}

/** How many criteria are in each dossier state. */
export interface DossierCounts {
  complete: number;
  inProgress: number;
  missing: number;
  /** Criteria no row names. */
  noRow: number;
  /** Criteria met whose dossier is not complete (in progress, missing, or no row). */
  metIncomplete: number;
  /** Criteria with a complete dossier that the evaluation finds not met: a sign of wrong data. */
  completeNotMet: number;
  /** Criteria with a complete dossier that the evaluation cannot confirm (missing data or an unknown target). */
  completeUnconfirmed: number;
}

/** The dossiers of one commune, against the criteria of its assessed tier. */
export interface CommuneDossier {
  id: string;
  name: string;
  /** The assessed tier, whose criteria the dossiers are matched with. */
  level: string;
  /** Criteria with a complete dossier out of all criteria of the tier; `label` reads e.g. `14/19`. */
  completeness: { complete: number; total: number; label: string };
  counts: DossierCounts;
  /** Every criterion of the tier, in the edition's order. */
  criteria: DossierEntry[];
  /** Met in the field, but the dossier is not complete (or absent): the risk at recognition. */
  metIncomplete: DossierEntry[];
  /** Dossier complete, but the evaluation finds the criterion not met: check the data (or the dossier). */
  completeNotMet: DossierEntry[];
  /**
   * Dossier complete, but the evaluation cannot confirm the criterion (status `incomplete`: some data is
   * missing or a target is unknown).
   */
  completeUnconfirmed: DossierEntry[];
  /** Criteria no row names. */
  noRow: DossierEntry[];
}

/** One criterion (of one tier) across communes. */
export interface CriterionDossier extends DossierCounts {
  level: string;
  id: string;
  name: LocalizedText;
  /** Communes assessed on this criterion. */
  communes: number;
  /** Ids of the communes where it is met but its dossier is not complete. */
  communesMetIncomplete: string[];
  /** Ids of the communes where its dossier is complete but it is not met. */
  communesCompleteNotMet: string[];
  /** Ids of the communes where its dossier is complete but the evaluation cannot confirm it. */
  communesCompleteUnconfirmed: string[];
}

/** A row that was refused or only partly used; `reason` is ready to show, in Vietnamese and English. */
export interface DossierProblem {
  /** Position (0-based) of the row in the input list. */
  row: number;
  /**
   * - `invalid-row`: not an object, or `commune`/`criterion` is not text, or `owner`/`note` is not text
   *   (that field is left out; the rest of the row is used);
   * - `unknown-commune`: no evaluation has this commune id (the row is left out);
   * - `unknown-criterion`: the commune's assessed tier has no such criterion (the row is left out);
   * - `invalid-status`: `status` is not one of {@link DOSSIER_STATUSES} (the row is left out);
   * - `invalid-date`: `updated` is not a date `YYYY-MM-DD` (the date is left out; the rest is used);
   * - `duplicate-row`: an earlier row names the same commune and criterion; this later row is used.
   */
  code:
    | 'invalid-row'
    | 'unknown-commune'
    | 'unknown-criterion'
    | 'invalid-status'
    | 'invalid-date'
    | 'duplicate-row';
  field: 'commune' | 'criterion' | 'status' | 'updated' | 'owner' | 'note' | null;
  value: unknown;
  /** A known id close to a mistyped one (or the id of a commune given by name); never applied. */
  suggestion: string | null;
  /** For `duplicate-row`: the earlier row this one replaces. */
  replaces: number | null;
  reason: LocalizedText;
}

/** Dossiers against evaluations, for the review meeting. Plain data. */
export interface DossierReport {
  /** One entry per evaluation, in input order. */
  communes: CommuneDossier[];
  /** One entry per criterion of the assessed tiers, in the editions' order. */
  criteria: CriterionDossier[];
  totals: DossierCounts & {
    communes: number;
    /** Commune × criterion pairs. */
    criteria: number;
  };
  /** Rows refused or partly used, in row order. */
  problems: DossierProblem[];
}

function zeroCounts(): DossierCounts {
  return {
    complete: 0,
    inProgress: 0,
    missing: 0,
    noRow: 0,
    metIncomplete: 0,
    completeNotMet: 0,
    completeUnconfirmed: 0,
  };
}

function count(counts: DossierCounts, entry: DossierEntry): void {
  if (entry.dossier === 'complete') counts.complete++;
  else if (entry.dossier === 'in-progress') counts.inProgress++;
  else if (entry.dossier === 'missing') counts.missing++;
  else counts.noRow++;
  if (isMetIncomplete(entry)) counts.metIncomplete++;
  if (isCompleteNotMet(entry)) counts.completeNotMet++;
  if (isCompleteUnconfirmed(entry)) counts.completeUnconfirmed++;
}

function isMetIncomplete(entry: DossierEntry): boolean {
  return entry.criterionStatus === 'met' && entry.dossier !== 'complete';
}

function isCompleteNotMet(entry: DossierEntry): boolean {
  return entry.criterionStatus === 'not-met' && entry.dossier === 'complete';
}

function isCompleteUnconfirmed(entry: DossierEntry): boolean {
  return entry.criterionStatus === 'incomplete' && entry.dossier === 'complete';
}

function isEvaluation(value: unknown): value is Evaluation {
  const evaluation = value as Evaluation | null;
  return (
    !!evaluation &&
    typeof evaluation === 'object' &&
    typeof evaluation.level === 'string' &&
    !!evaluation.commune &&
    typeof evaluation.commune.id === 'string' &&
    Array.isArray(evaluation.criteria)
  );
}

function shown(value: unknown): string {
  const text = typeof value === 'string' ? value : String(JSON.stringify(value));
  return text.length > 60 ? `${text.slice(0, 59)}…` : text;
}

/** A value inside a Vietnamese message. */
function quote(value: unknown): string {
  return `«${shown(value)}»`;
}

/** A value inside an English message. */
function quoteEn(value: unknown): string {
  return `"${shown(value)}"`;
}

/** The criterion meant by "TC 17", "Tiêu chí 17" or "17." when the tier has criterion `17`. */
function criterionHint(text: string, evaluation: Evaluation): string | null {
  const bare = foldWords(text)
    .replace(/^(tieu chi|tc)\s*/, '')
    .replace(/ /g, '.');
  return (
    evaluation.criteria.find((criterion) => foldWords(criterion.id).replace(/ /g, '.') === bare)?.id ?? null
  );
}

/** A dossier row after checking, ready to attach to its criterion. */
interface AcceptedRow {
  row: number;
  status: DossierStatus;
  updated: string | null;
  owner: string | null;
  note: string | null;
}

/**
 * Puts a dossier list (one row per commune × criterion) next to the evaluations: for each commune, the
 * criteria **met in the field whose dossier is not complete** (the risk when the commune is put forward
 * for recognition), the criteria whose dossier is complete but that the evaluation finds not met (a sign
 * of wrong data) or cannot confirm (missing data, unknown target), the criteria no row names, and the
 * dossier completeness ("14/19"); the same counts per criterion and in total.
 *
 * Rows are matched with each commune's assessed tier, by commune id and criterion id (surrounding spaces
 * ignored). Rows naming an unknown commune or criterion, or with a status that is not one of
 * {@link DOSSIER_STATUSES}, are reported in `problems` with their position and left out; when two rows name
 * the same commune and criterion, the later one is used and reported. Nothing is dropped silently.
 *
 * Throws `OptionsError` when `evaluations` or `rows` is not an array, or a commune has two evaluations.
 *
 * @example
 * ```ts
 * import { parseDossierStatus, reviewDossiers } from '@nongthonmoi/core/review';
 *
 * parseDossierStatus('dở dang'); // { ok: true, status: 'in-progress' }
 * // Nam Thắng meets criterion 15 (health) but not 7 (it has no rural market):
 * const report = reviewDossiers(evaluations, [
 *   { commune: 'nam-thang', criterion: '15', status: 'in-progress', owner: 'Trần Văn B' },
 *   { commune: 'nam-thang', criterion: '7', status: 'complete', updated: '2023-11-02' },
 * ]);
 * const namThang = report.communes[0];
 * namThang.metIncomplete; // 15 (dossier in progress), then every other met criterion (no row)
 * namThang.completeNotMet; // [{ criterion: '7', criterionStatus: 'not-met', dossier: 'complete', … }]
 * namThang.completeness.label; // '1/19'
 * ```
 */
export function reviewDossiers(
  evaluations: readonly Evaluation[],
  rows: readonly DossierRow[],
): DossierReport {
  if (!Array.isArray(evaluations as unknown))
    throw new OptionsError('reviewDossiers expects an array of evaluations');
  if (!Array.isArray(rows as unknown))
    throw new OptionsError('reviewDossiers expects an array of dossier rows');
  const byId = new Map<string, Evaluation>();
  evaluations.forEach((evaluation, index) => {
    if (!isEvaluation(evaluation))
      throw new OptionsError(`reviewDossiers: item ${index} is not an evaluation`);
    if (byId.has(evaluation.commune.id))
      throw new OptionsError(`reviewDossiers: commune ${evaluation.commune.id} has two evaluations`);
    byId.set(evaluation.commune.id, evaluation);
  });
  const byName = new Map<string, string>();
  for (const evaluation of evaluations) byName.set(foldWords(evaluation.commune.name), evaluation.commune.id);

  const problems: DossierProblem[] = [];
  const problem = (
    row: number,
    code: DossierProblem['code'],
    field: DossierProblem['field'],
    value: unknown,
    reason: LocalizedText,
    extra: { suggestion?: string | null; replaces?: number | null } = {},
  ) => {
    problems.push({
      row,
      code,
      field,
      value: value === undefined ? null : value,
      suggestion: extra.suggestion ?? null,
      replaces: extra.replaces ?? null,
      reason,
    });
  };
  const optionalText = (index: number, field: 'owner' | 'note', value: unknown): string | null => {
    if (value === undefined || value === null) return null;
    if (typeof value !== 'string') {
      const vi = field === 'owner' ? 'người phụ trách' : 'ghi chú';
      problem(index, 'invalid-row', field, value, {
        vi: `Cột ${vi} phải là chữ, không phải ${quote(value)}; bỏ qua ô này.`,
        en: `The ${field} must be text, not ${quoteEn(value)}; the cell is ignored.`,
      });
      return null;
    }
    return value.trim() || null;
  };

  // commune id → criterion id → the row used
  const accepted = new Map<string, Map<string, AcceptedRow>>();
  rows.forEach((input, index) => {
    if (!input || typeof input !== 'object') {
      problem(index, 'invalid-row', null, input, {
        vi: 'Dòng hồ sơ phải có xã, tiêu chí và trạng thái.',
        en: 'A dossier row needs a commune, a criterion and a status.',
      });
      return;
    }
    const row = input as DossierRow;
    if (typeof row.commune !== 'string' || row.commune.trim() === '') {
      problem(index, 'invalid-row', 'commune', row.commune, {
        vi: 'Thiếu mã xã.',
        en: 'The commune id is missing.',
      });
      return;
    }
    if (typeof row.criterion !== 'string' || row.criterion.trim() === '') {
      problem(index, 'invalid-row', 'criterion', row.criterion, {
        vi: 'Thiếu mã tiêu chí.',
        en: 'The criterion id is missing.',
      });
      return;
    }
    const communeId = row.commune.trim();
    const criterionId = row.criterion.trim();
    const evaluation = byId.get(communeId);
    if (!evaluation) {
      // Short ids are all close to each other: only a name or a longer id gives a useful hint.
      const suggestion =
        byName.get(foldWords(communeId)) ?? (communeId.length >= 4 ? closest(communeId, byId.keys()) : null);
      problem(
        index,
        'unknown-commune',
        'commune',
        row.commune,
        {
          vi: `Không có xã mã ${quote(communeId)} trong kết quả đánh giá${suggestion ? ` (có phải «${suggestion}»?)` : ''}; bỏ qua dòng này.`,
          en: `No evaluated commune has the id ${quoteEn(communeId)}${suggestion ? ` (did you mean "${suggestion}"?)` : ''}; the row is left out.`,
        },
        { suggestion },
      );
      return;
    }
    if (!evaluation.criteria.some((criterion) => criterion.id === criterionId)) {
      const suggestion = criterionHint(criterionId, evaluation);
      problem(
        index,
        'unknown-criterion',
        'criterion',
        row.criterion,
        {
          vi: `Xã ${quote(communeId)} (${evaluation.level}) không có tiêu chí ${quote(criterionId)}${suggestion ? ` (có phải «${suggestion}»?)` : ''}; bỏ qua dòng này.`,
          en: `Commune ${quoteEn(communeId)} (${evaluation.level}) has no criterion ${quoteEn(criterionId)}${suggestion ? ` (did you mean "${suggestion}"?)` : ''}; the row is left out.`,
        },
        { suggestion },
      );
      return;
    }
    if (!DOSSIER_STATUSES.includes(row.status)) {
      problem(index, 'invalid-status', 'status', row.status, {
        vi: `${quote(row.status)} không phải trạng thái hồ sơ (missing, in-progress, complete); bỏ qua dòng này.`,
        en: `${quoteEn(row.status)} is not a dossier status (missing, in-progress, complete); the row is left out.`,
      });
      return;
    }
    let updated: string | null = null;
    if (row.updated !== undefined && row.updated !== null && row.updated !== '') {
      if (dayNumber(row.updated) === null) {
        problem(index, 'invalid-date', 'updated', row.updated, {
          vi: `Ngày cập nhật ${quote(row.updated)} không phải ngày dạng NNNN-TT-NN; bỏ qua ngày này.`,
          en: `The update date ${quoteEn(row.updated)} is not a date YYYY-MM-DD; the date is ignored.`,
        });
      } else {
        updated = row.updated as string;
      }
    }
    let ofCommune = accepted.get(communeId);
    if (!ofCommune) {
      ofCommune = new Map();
      accepted.set(communeId, ofCommune);
    }
    const earlier = ofCommune.get(criterionId);
    if (earlier) {
      problem(
        index,
        'duplicate-row',
        null,
        null,
        {
          vi: `Xã ${quote(communeId)}, tiêu chí ${quote(criterionId)} đã có ở một dòng trước; dùng dòng này (dòng sau cùng).`,
          en: `Commune ${quoteEn(communeId)}, criterion ${quoteEn(criterionId)} already has an earlier row; this later row is used.`,
        },
        { replaces: earlier.row },
      );
    }
    ofCommune.set(criterionId, {
      row: index,
      status: row.status,
      updated,
      owner: optionalText(index, 'owner', row.owner),
      note: optionalText(index, 'note', row.note),
    });
  });

  const criteria = new Map<string, CriterionDossier>();
  const totals: DossierReport['totals'] = { communes: 0, criteria: 0, ...zeroCounts() };
  const communes = evaluations.map((evaluation): CommuneDossier => {
    const ofCommune = accepted.get(evaluation.commune.id);
    const commune: CommuneDossier = {
      id: evaluation.commune.id,
      name: evaluation.commune.name,
      level: evaluation.level,
      completeness: { complete: 0, total: 0, label: '' },
      counts: zeroCounts(),
      criteria: [],
      metIncomplete: [],
      completeNotMet: [],
      completeUnconfirmed: [],
      noRow: [],
    };
    for (const criterion of evaluation.criteria) {
      const row = ofCommune?.get(criterion.id);
      const entry: DossierEntry = {
        criterion: criterion.id,
        name: criterion.name,
        criterionStatus: criterion.status,
        dossier: row?.status ?? null,
        updated: row?.updated ?? null,
        owner: row?.owner ?? null,
        note: row?.note ?? null,
        row: row?.row ?? null,
      };
      commune.criteria.push(entry);
      if (isMetIncomplete(entry)) commune.metIncomplete.push(entry);
      if (isCompleteNotMet(entry)) commune.completeNotMet.push(entry);
      if (isCompleteUnconfirmed(entry)) commune.completeUnconfirmed.push(entry);
      if (!row) commune.noRow.push(entry);
      count(commune.counts, entry);
      count(totals, entry);
      totals.criteria++;
      const key = `${evaluation.level}\u0000${criterion.id}`;
      let column = criteria.get(key);
      if (!column) {
        column = {
          level: evaluation.level,
          id: criterion.id,
          name: criterion.name,
          communes: 0,
          ...zeroCounts(),
          communesMetIncomplete: [],
          communesCompleteNotMet: [],
          communesCompleteUnconfirmed: [],
        };
        criteria.set(key, column);
      }
      column.communes++;
      count(column, entry);
      if (isMetIncomplete(entry)) column.communesMetIncomplete.push(commune.id);
      if (isCompleteNotMet(entry)) column.communesCompleteNotMet.push(commune.id);
      if (isCompleteUnconfirmed(entry)) column.communesCompleteUnconfirmed.push(commune.id);
    }
    const total = commune.criteria.length;
    commune.completeness = {
      complete: commune.counts.complete,
      total,
      label: `${commune.counts.complete}/${total}`,
    };
    totals.communes++;
    return commune;
  });
  return { communes, criteria: [...criteria.values()], totals, problems };
}
