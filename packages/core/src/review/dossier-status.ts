import type { LocalizedText } from '../schema/common.js';

/** Where a criterion's dossier (hồ sơ) stands: none yet, being put together, or complete. */
export type DossierStatus = 'missing' | 'in-progress' | 'complete';

export const DOSSIER_STATUSES: readonly DossierStatus[] = Object.freeze([
  'missing',
  'in-progress',
  'complete',
]);

/**
 * The words accepted for each status, as people type them in a dossier sheet. They are matched whole,
 * ignoring case, diacritics (`da du` = `đã đủ`), spaces, hyphens and punctuation around them; any other
 * word is a problem, never a guess.
 */
export const DOSSIER_STATUS_WORDS: Readonly<Record<DossierStatus, readonly string[]>> = Object.freeze({
  missing: Object.freeze(['chưa có', 'chưa', 'chưa làm', 'không', 'không có', 'missing']),
  'in-progress': Object.freeze(['đang hoàn thiện', 'đang làm', 'dở dang', 'in progress']),
  complete: Object.freeze([
    'đã đủ',
    'đủ',
    'hoàn thành',
    'đã hoàn thành',
    'xong',
    'đã xong',
    'có',
    'đã có',
    'complete',
    'completed',
    'done',
  ]),
});

/** Why a status cell was refused. `reason` is ready to show, in Vietnamese and English. */
export interface DossierStatusProblem {
  code: 'empty-status' | 'unknown-status';
  /** The cell as given. */
  value: unknown;
  /** The accepted word one letter away from a mistyped one, to show as "did you mean …?"; never applied. */
  suggestion: string | null;
  reason: LocalizedText;
}

export type DossierStatusParse =
  | { ok: true; status: DossierStatus }
  | { ok: false; problem: DossierStatusProblem };

/** Lower case, without diacritics (đ → d), words separated by single spaces: how the words are compared. */
export function foldWords(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

const BY_FOLDED = new Map<string, { status: DossierStatus; word: string }>();
for (const status of DOSSIER_STATUSES) {
  for (const word of DOSSIER_STATUS_WORDS[status]) BY_FOLDED.set(foldWords(word), { status, word });
}
for (const status of DOSSIER_STATUSES) BY_FOLDED.set(foldWords(status), { status, word: status });

/** Whether one insertion, deletion or substitution turns `a` into `b`. */
function oneEditApart(a: string, b: string): boolean {
  if (Math.abs(a.length - b.length) > 1) return false;
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  const tail = (x: string, from: number) => x.slice(from);
  return tail(a, i + 1) === tail(b, i + 1) || tail(a, i + 1) === tail(b, i) || tail(a, i) === tail(b, i + 1);
}

const ACCEPTED: LocalizedText = {
  vi: '«chưa có», «đang hoàn thiện» hoặc «đã đủ»',
  en: '"missing", "in progress" or "complete"',
};

/**
 * Reads a dossier status as typed in a sheet: `chưa có`, `đang hoàn thiện`, `đã đủ` and the other words of
 * {@link DOSSIER_STATUS_WORDS}, in any case, with or without diacritics, or the English `missing`,
 * `in progress`, `complete`. An empty cell or any other word gives a problem with a reason to show.
 *
 * @example
 * ```ts
 * parseDossierStatus('Đã đủ'); // { ok: true, status: 'complete' }
 * parseDossierStatus('dang lam'); // { ok: true, status: 'in-progress' }
 * parseDossierStatus('đã đủ?'); // { ok: true, status: 'complete' } (punctuation around words is ignored)
 * parseDossierStatus('gần xong'); // { ok: false, problem: { code: 'unknown-status', … } }
 * ```
 */
export function parseDossierStatus(value: unknown): DossierStatusParse {
  const text = typeof value === 'string' ? value : null;
  const folded = text === null ? '' : foldWords(text);
  if (value === null || value === undefined || (text !== null && folded === '')) {
    return {
      ok: false,
      problem: {
        code: 'empty-status',
        value: value ?? null,
        suggestion: null,
        reason: {
          vi: `Trạng thái hồ sơ đang để trống; ghi ${ACCEPTED.vi}.`,
          en: `The dossier status is empty; write ${ACCEPTED.en}.`,
        },
      },
    };
  }
  const known = BY_FOLDED.get(folded);
  if (known) return { ok: true, status: known.status };
  // Only a one-letter slip gets a hint: "gần xong" (almost done) is two letters from "đã xong" (done), and
  // short words are all close to each other ("ko", short for "không", is one letter from "có").
  const near =
    folded.length >= 4 ? [...BY_FOLDED.keys()].find((word) => oneEditApart(folded, word)) : undefined;
  const suggestion = near === undefined ? null : (BY_FOLDED.get(near)?.word ?? null);
  const shown = text === null ? JSON.stringify(value) : `«${text.trim()}»`;
  return {
    ok: false,
    problem: {
      code: 'unknown-status',
      value,
      suggestion,
      reason: {
        vi: `${shown} không phải trạng thái hồ sơ; ghi ${ACCEPTED.vi}${suggestion ? ` (có phải «${suggestion}»?)` : ''}.`,
        en: `${shown} is not a dossier status; write ${ACCEPTED.en}${suggestion ? ` (did you mean "${suggestion}"?)` : ''}.`,
      },
    },
  };
}
