import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { OptionsError } from '../errors.js';
import { evaluateMany } from '../index.js';
import type { CriterionStatus, Evaluation } from '../result/types.js';
import { type DossierRow, reviewDossiers } from './dossier.js';
import { DOSSIER_STATUSES, type DossierStatus } from './dossier-status.js';

/** A plain evaluation (as JSON) of commune `id` whose criteria have the given statuses. */
function plain(id: string, criteria: Record<string, CriterionStatus>, level = 'ntm'): Evaluation {
  const list = Object.entries(criteria).map(([criterion, status]) => ({
    id: criterion,
    name: { vi: `Tiêu chí ${criterion}`, en: `Criterion ${criterion}` },
    group: { id: 'g', name: { vi: 'Nhóm', en: 'Group' } },
    status,
    indicators: [],
  }));
  const met = list.filter((c) => c.status === 'met').length;
  return JSON.parse(
    JSON.stringify({
      commune: { id, name: `Xã ${id}`, province: null, provinceName: null, district: null },
      status: met === list.length ? 'met' : 'not-met',
      level,
      asOf: '2023-11-16',
      year: 2023,
      region: 'dbsh',
      regionBasis: null,
      requireVerified: false,
      ruleset: { id: 'test', hash: 'h' },
      prerequisites: [],
      counts: { criteriaMet: met, criteriaTotal: list.length },
      criteria: list,
    }),
  ) as Evaluation;
}

const evaluations = [
  plain('A', { '1': 'met', '2': 'met', '7': 'not-met', '17': 'incomplete' }),
  plain('B', { '1': 'met', '2': 'not-met', '7': 'met', '17': 'met' }),
];

describe('reviewDossiers', () => {
  const rows: DossierRow[] = [
    { commune: 'A', criterion: '1', status: 'complete', updated: '2023-11-02', owner: 'Nguyễn Văn A' },
    { commune: 'A', criterion: '2', status: 'in-progress', owner: 'Trần Thị B', note: 'thiếu biên bản' },
    { commune: 'A', criterion: '7', status: 'complete' },
    { commune: 'A', criterion: '17', status: 'complete' },
    { commune: 'B', criterion: '1', status: 'missing' },
    { commune: 'B', criterion: '2', status: 'complete' },
    { commune: 'B', criterion: '7', status: 'complete' },
  ];
  const report = reviewDossiers(evaluations, rows);
  const [a, b] = report.communes;

  it('finds criteria met in the field whose dossier is not complete, absent rows included', () => {
    expect(a?.metIncomplete.map((e) => [e.criterion, e.dossier])).toEqual([['2', 'in-progress']]);
    expect(b?.metIncomplete.map((e) => [e.criterion, e.dossier])).toEqual([
      ['1', 'missing'],
      ['17', null],
    ]);
    expect(a?.metIncomplete[0]).toEqual({
      criterion: '2',
      name: { vi: 'Tiêu chí 2', en: 'Criterion 2' },
      criterionStatus: 'met',
      dossier: 'in-progress',
      updated: null,
      owner: 'Trần Thị B',
      note: 'thiếu biên bản',
      row: 1,
    });
  });

  it('finds complete dossiers for criteria not met (a sign of wrong data) or not confirmed', () => {
    expect(a?.completeNotMet.map((e) => [e.criterion, e.criterionStatus])).toEqual([['7', 'not-met']]);
    expect(a?.completeUnconfirmed.map((e) => [e.criterion, e.criterionStatus])).toEqual([
      ['17', 'incomplete'],
    ]);
    expect(b?.completeNotMet.map((e) => e.criterion)).toEqual(['2']);
    expect(b?.completeUnconfirmed).toEqual([]);
  });

  it('counts completeness per commune, per criterion and in total', () => {
    expect(a?.completeness).toEqual({ complete: 3, total: 4, label: '3/4' });
    expect(b?.completeness).toEqual({ complete: 2, total: 4, label: '2/4' });
    expect(b?.noRow.map((e) => e.criterion)).toEqual(['17']);
    expect(a?.counts).toEqual({
      complete: 3,
      inProgress: 1,
      missing: 0,
      noRow: 0,
      metIncomplete: 1,
      completeNotMet: 1,
      completeUnconfirmed: 1,
    });
    expect(report.criteria.map((c) => c.id)).toEqual(['1', '2', '7', '17']);
    expect(report.criteria[0]).toMatchObject({
      level: 'ntm',
      id: '1',
      communes: 2,
      complete: 1,
      missing: 1,
      metIncomplete: 1,
      communesMetIncomplete: ['B'],
      communesCompleteNotMet: [],
    });
    expect(report.criteria[3]).toMatchObject({
      noRow: 1,
      communesMetIncomplete: ['B'],
      communesCompleteNotMet: [],
      communesCompleteUnconfirmed: ['A'],
    });
    expect(report.totals).toEqual({
      communes: 2,
      criteria: 8,
      complete: 5,
      inProgress: 1,
      missing: 1,
      noRow: 1,
      metIncomplete: 3,
      completeNotMet: 2,
      completeUnconfirmed: 1,
    });
    expect(report.problems).toEqual([]);
  });

  it('reports rows it cannot use, with their position, in Vietnamese and English', () => {
    const withProblems = reviewDossiers(evaluations, [
      { commune: 'C', criterion: '1', status: 'complete' },
      { commune: 'Xã a', criterion: '1', status: 'complete' },
      { commune: 'A', criterion: '18', status: 'complete' },
      { commune: 'A', criterion: '1', status: 'đã đủ' as DossierStatus },
      { commune: 'A', criterion: '2', status: 'complete', updated: '02/11/2023' },
      { commune: 'A', criterion: '2', status: 'missing', owner: 42 as unknown as string },
      null as unknown as DossierRow,
      { commune: '', criterion: '1', status: 'complete' },
      { commune: 'B', criterion: 7 as unknown as string, status: 'complete' },
      { commune: ' B ', criterion: ' 7 ', status: 'complete' },
      { commune: 'B', criterion: 'TC 17', status: 'complete' },
      { commune: 'B', criterion: 'Tiêu chí 7.', status: 'complete' },
    ]);
    expect(withProblems.problems.map((p) => [p.row, p.code, p.field, p.suggestion])).toEqual([
      [0, 'unknown-commune', 'commune', null],
      [1, 'unknown-commune', 'commune', 'A'],
      [2, 'unknown-criterion', 'criterion', null],
      [3, 'invalid-status', 'status', null],
      [4, 'invalid-date', 'updated', null],
      [5, 'duplicate-row', null, null],
      [5, 'invalid-row', 'owner', null],
      [6, 'invalid-row', null, null],
      [7, 'invalid-row', 'commune', null],
      [8, 'invalid-row', 'criterion', null],
      [10, 'unknown-criterion', 'criterion', '17'],
      [11, 'unknown-criterion', 'criterion', '7'],
    ]);
    expect(withProblems.problems[0]?.reason).toEqual({
      vi: 'Không có xã mã «C» trong kết quả đánh giá; bỏ qua dòng này.',
      en: 'No evaluated commune has the id "C"; the row is left out.',
    });
    expect(withProblems.problems[1]?.reason.vi).toContain('có phải «A»?');
    expect(withProblems.problems[5]?.replaces).toBe(4);
    // The later duplicate is used; surrounding spaces in ids are ignored.
    const a = withProblems.communes[0];
    expect(a?.criteria.find((e) => e.criterion === '2')).toMatchObject({
      dossier: 'missing',
      row: 5,
      owner: null,
    });
    expect(withProblems.communes[1]?.criteria.find((e) => e.criterion === '7')).toMatchObject({
      dossier: 'complete',
      row: 9,
    });
  });

  it('refuses what is not a list, and a commune evaluated twice', () => {
    expect(() => reviewDossiers({} as unknown as Evaluation[], [])).toThrow(OptionsError);
    expect(() => reviewDossiers(evaluations, {} as unknown as DossierRow[])).toThrow(OptionsError);
    expect(() => reviewDossiers([{} as Evaluation], [])).toThrow(/item 0 is not an evaluation/);
    expect(() => reviewDossiers([evaluations[0] as Evaluation, evaluations[0] as Evaluation], [])).toThrow(
      /commune A has two evaluations/,
    );
  });

  it('is plain data: a JSON round trip keeps all of it', () => {
    expect(JSON.parse(JSON.stringify(report))).toEqual(report);
  });
});

describe('reviewDossiers on evaluations from the engine', () => {
  const fixtures = parse(
    readFileSync(new URL('../../test-cases/_fixtures.yaml', import.meta.url), 'utf8'),
  ) as Record<string, Record<string, unknown>>;
  const batch = evaluateMany(
    [
      { id: 'nam-thang', name: 'Xã Nam Thắng', region: 'dbsh', values: { ...fixtures['ntm-2021-2025-met'] } },
      {
        id: 'nam-hoa',
        name: 'Xã Nam Hoa',
        region: 'dbsh',
        values: { ...fixtures['ntm-2021-2025-met'], has_rural_market_or_trading_place: false },
      },
    ],
    { level: 'ntm', asOf: '2023-11-16' },
  );
  const rows: DossierRow[] = [
    ...['1', '3', '4', '5', '6', '8', '9', '10', '11', '13', '15', '16', '18', '19'].map((criterion) => ({
      commune: 'nam-thang',
      criterion,
      status: 'complete' as const,
    })),
    { commune: 'nam-thang', criterion: '7', status: 'in-progress' },
    { commune: 'nam-hoa', criterion: '7', status: 'complete' },
  ];

  it('matches rows with the 19 criteria of the assessed tier', () => {
    const report = reviewDossiers(batch.results, rows);
    const [namThang, namHoa] = report.communes;
    expect(namThang?.completeness.label).toBe('14/19');
    expect(namThang?.metIncomplete.map((e) => e.criterion)).toEqual(['7']);
    expect(namHoa?.completeNotMet.map((e) => [e.criterion, e.criterionStatus])).toEqual([['7', 'not-met']]);
    expect(namHoa?.completeness.label).toBe('1/19');
    expect(report.problems).toEqual([]);
    // Same answer from the engine's objects and from their JSON.
    expect(reviewDossiers(JSON.parse(JSON.stringify(batch.results)), rows)).toEqual(report);
  });
});

describe('reviewDossiers properties', () => {
  const ids = ['A', 'B', 'C'];
  const criteria = ['1', '2', '7', '17'];
  const row = fc.record(
    {
      commune: fc.constantFrom(...ids, 'Z'),
      criterion: fc.constantFrom(...criteria, '99'),
      status: fc.constantFrom<DossierStatus | 'bad'>(...DOSSIER_STATUSES, 'bad'),
      updated: fc.constantFrom('2023-11-02', 'hôm qua', undefined),
    },
    { requiredKeys: ['commune', 'criterion', 'status'] },
  );
  const statuses = fc.constantFrom<CriterionStatus>('met', 'not-met', 'incomplete');
  const communes = fc.uniqueArray(
    fc.record({ id: fc.constantFrom(...ids), statuses: fc.array(statuses, { minLength: 4, maxLength: 4 }) }),
    { selector: (c) => c.id, minLength: 1 },
  );

  it('uses or reports every row, and counts every criterion of every commune once', () => {
    fc.assert(
      fc.property(communes, fc.array(row, { maxLength: 25 }), (list, rows) => {
        const evaluated = list.map((c) =>
          plain(c.id, Object.fromEntries(criteria.map((id, i) => [id, c.statuses[i] as CriterionStatus]))),
        );
        const report = reviewDossiers(evaluated, rows as DossierRow[]);
        const used = new Set(
          report.communes.flatMap((c) => c.criteria.map((e) => e.row)).filter((r) => r !== null),
        );
        const leftOut = new Set(
          report.problems
            .filter((p) => p.code !== 'invalid-date' && p.code !== 'duplicate-row')
            .map((p) => p.row),
        );
        const replaced = new Set(report.problems.map((p) => p.replaces).filter((r) => r !== null));
        rows.forEach((_, index) => {
          expect(used.has(index) || leftOut.has(index) || replaced.has(index)).toBe(true);
        });
        for (const commune of report.communes) {
          const { complete, inProgress, missing, noRow } = commune.counts;
          expect(complete + inProgress + missing + noRow).toBe(commune.criteria.length);
          expect(commune.completeness.total).toBe(criteria.length);
          for (const entry of commune.metIncomplete) {
            expect(entry.criterionStatus).toBe('met');
            expect(entry.dossier).not.toBe('complete');
          }
          for (const entry of commune.completeNotMet) {
            expect(entry.criterionStatus).toBe('not-met');
            expect(entry.dossier).toBe('complete');
          }
          // Every complete dossier of a criterion not met is in exactly one of the two lists.
          const flagged = commune.criteria.filter(
            (e) => e.dossier === 'complete' && e.criterionStatus !== 'met',
          );
          expect(commune.completeNotMet.length + commune.completeUnconfirmed.length).toBe(flagged.length);
        }
        expect(report.totals.criteria).toBe(report.communes.length * criteria.length);
        expect(report.criteria.reduce((sum, c) => sum + c.metIncomplete, 0)).toBe(
          report.totals.metIncomplete,
        );
      }),
    );
  });
});
