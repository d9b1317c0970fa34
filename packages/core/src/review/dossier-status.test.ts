import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  DOSSIER_STATUS_WORDS,
  DOSSIER_STATUSES,
  type DossierStatus,
  foldWords,
  parseDossierStatus,
} from './dossier-status.js';

const statusOf = (text: unknown) => {
  const parsed = parseDossierStatus(text);
  return parsed.ok ? parsed.status : parsed.problem.code;
};

describe('parseDossierStatus', () => {
  it('reads the words people type, in Vietnamese and English', () => {
    const expected: Array<[string, DossierStatus]> = [
      ['chưa có', 'missing'],
      ['chưa', 'missing'],
      ['không', 'missing'],
      ['missing', 'missing'],
      ['đang hoàn thiện', 'in-progress'],
      ['đang làm', 'in-progress'],
      ['dở dang', 'in-progress'],
      ['in progress', 'in-progress'],
      ['in-progress', 'in-progress'],
      ['đã đủ', 'complete'],
      ['đủ', 'complete'],
      ['hoàn thành', 'complete'],
      ['xong', 'complete'],
      ['có', 'complete'],
      ['complete', 'complete'],
    ];
    for (const [text, status] of expected) expect([text, statusOf(text)]).toEqual([text, status]);
  });

  it('ignores case, diacritics, extra spaces and punctuation around the words', () => {
    expect(statusOf('ĐÃ ĐỦ')).toBe('complete');
    expect(statusOf('da du')).toBe('complete');
    expect(statusOf('  Dang   hoan thien. ')).toBe('in-progress');
    expect(statusOf('CHUA CO')).toBe('missing');
    expect(statusOf('Do dang')).toBe('in-progress');
    expect(statusOf('In_Progress')).toBe('in-progress');
    // Decomposed Unicode (as some Mac spreadsheets save it) reads the same.
    expect(statusOf('đã đủ'.normalize('NFD'))).toBe('complete');
  });

  it('refuses an empty cell and any other word with a reason in Vietnamese and English, never guessing', () => {
    for (const empty of ['', '   ', '-', null, undefined]) {
      const parsed = parseDossierStatus(empty);
      expect(parsed.ok).toBe(false);
      if (!parsed.ok) expect(parsed.problem.code).toBe('empty-status');
    }
    const unknown = parseDossierStatus('gần xong');
    expect(unknown).toMatchObject({ ok: false, problem: { code: 'unknown-status', value: 'gần xong' } });
    if (!unknown.ok) {
      expect(unknown.problem.reason.vi).toContain('«gần xong» không phải trạng thái hồ sơ');
      expect(unknown.problem.reason.en).toContain('is not a dossier status');
    }
    expect(statusOf('hoàn thiện')).toBe('unknown-status');
    expect(statusOf('ok')).toBe('unknown-status');
    expect(statusOf(true)).toBe('unknown-status');
    expect(statusOf(1)).toBe('unknown-status');
  });

  it('suggests the closest word for a typo but does not apply it', () => {
    const parsed = parseDossierStatus('hoàn thnh');
    expect(parsed).toMatchObject({
      ok: false,
      problem: { code: 'unknown-status', suggestion: 'hoàn thành' },
    });
    if (!parsed.ok) expect(parsed.problem.reason.vi).toContain('có phải «hoàn thành»?');
    // Too short to tell apart: "ko" is one letter from "có" but usually means "không".
    expect(parseDossierStatus('ko')).toMatchObject({ ok: false, problem: { suggestion: null } });
    // "Almost done" is not a typo of "done".
    expect(parseDossierStatus('gần xong')).toMatchObject({ ok: false, problem: { suggestion: null } });
    expect(parseDossierStatus('dang lamm')).toMatchObject({ ok: false, problem: { suggestion: 'đang làm' } });
    expect(parseDossierStatus('misisng')).toMatchObject({ ok: false, problem: { suggestion: null } });
  });

  it('reads every documented word under any casing and without diacritics (property)', () => {
    const words = DOSSIER_STATUSES.flatMap((status) =>
      DOSSIER_STATUS_WORDS[status].map((word) => [word, status] as const),
    );
    fc.assert(
      fc.property(
        fc.constantFrom(...words),
        fc.array(fc.boolean(), { minLength: 20, maxLength: 20 }),
        fc.boolean(),
        ([word, status], upper, strip) => {
          const cased = [...word].map((ch, i) => (upper[i % 20] ? ch.toUpperCase() : ch)).join('');
          const text = strip ? foldWords(cased) : ` ${cased} `;
          expect(statusOf(text)).toBe(status);
        },
      ),
    );
  });

  it('never throws, and accepts only text that folds to a documented word (property)', () => {
    const folded = new Set(
      DOSSIER_STATUSES.flatMap((status) => [status, ...DOSSIER_STATUS_WORDS[status]].map(foldWords)),
    );
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.jsonValue()), (value) => {
        const parsed = parseDossierStatus(value);
        if (parsed.ok) {
          expect(typeof value).toBe('string');
          expect(folded.has(foldWords(value as string))).toBe(true);
        } else {
          expect(parsed.problem.reason.vi.length).toBeGreaterThan(0);
          expect(parsed.problem.reason.en.length).toBeGreaterThan(0);
        }
      }),
    );
  });
});
