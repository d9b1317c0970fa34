import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { OptionsError } from '../errors.js';
import { evaluateMany } from '../index.js';
import type { Evaluation, IndicatorResult, IndicatorStatus } from '../result/types.js';
import type { Comparator } from '../schema/edition.js';
import {
  compareOutlooks,
  type ForecastReport,
  forecast,
  type GapForecast,
  OUTLOOKS,
  type Snapshot,
  TIER_OUTLOOKS,
} from './forecast.js';

// Plain evaluations, shaped like `JSON.parse(JSON.stringify(evaluation))`, built from a few indicators.

interface IndicatorSpec {
  id: string;
  criterion?: string;
  actual: IndicatorResult['actual'];
  target?: IndicatorResult['target'];
  comparator?: Comparator | null;
  /** Defaults to the comparison of `actual` with `target`, or `missing` when `actual` is null. */
  status?: IndicatorStatus;
  measure?: string | null;
}

function compareValues(actual: unknown, target: unknown, comparator: Comparator | null): boolean {
  if (typeof actual === 'number' && typeof target === 'number') {
    if (comparator === '>=') return actual >= target;
    if (comparator === '>') return actual > target;
    if (comparator === '<=') return actual <= target;
    if (comparator === '<') return actual < target;
  }
  return comparator === '!=' ? actual !== target : actual === target;
}

function indicator(spec: IndicatorSpec): IndicatorResult {
  const target = spec.target === undefined ? null : spec.target;
  const comparator =
    spec.comparator === undefined ? (typeof target === 'number' ? '>=' : '==') : spec.comparator;
  const status: IndicatorStatus =
    spec.status ??
    (spec.actual === null ? 'missing' : compareValues(spec.actual, target, comparator) ? 'met' : 'not-met');
  return {
    id: spec.id,
    name: { vi: `Chỉ tiêu ${spec.id}`, en: `Indicator ${spec.id}` },
    measure: spec.measure === undefined ? `m_${spec.id}` : spec.measure,
    status,
    actual: spec.actual,
    target,
    requirement: null,
    comparator,
    unit: typeof target === 'number' ? { vi: '%', en: '%' } : null,
    gap: null,
    citation: { document: 'qd-318-2022', article: 'Phụ lục I' } as IndicatorResult['citation'],
    confidence: 'official',
    bound: false,
    verified: true,
    rationale: null,
    source: null,
    quote: null,
    origin: 'national',
    originRuleset: 'test/edition',
    reason: null,
  };
}

function tierEvaluation(
  commune: string,
  level: string,
  specs: readonly IndicatorSpec[],
  prerequisites: Evaluation[] = [],
): Evaluation {
  const byCriterion = new Map<string, IndicatorResult[]>();
  for (const spec of specs) {
    const criterion = spec.criterion ?? spec.id.split('.')[0] ?? spec.id;
    byCriterion.set(criterion, [...(byCriterion.get(criterion) ?? []), indicator(spec)]);
  }
  const criteria = [...byCriterion].map(([id, indicators]) => {
    const applicable = indicators.filter((i) => i.status !== 'not-applicable');
    const status = applicable.some((i) => i.status === 'not-met')
      ? ('not-met' as const)
      : applicable.every((i) => i.status === 'met')
        ? ('met' as const)
        : ('incomplete' as const);
    return {
      id,
      name: { vi: `Tiêu chí ${id}`, en: `Criterion ${id}` },
      group: { id: 'g', name: { vi: 'Nhóm', en: 'Group' } },
      status,
      undecided: null,
      indicators,
    };
  });
  const all = criteria.flatMap((c) => c.indicators);
  const statuses = [...criteria.map((c) => c.status), ...prerequisites.map((p) => p.status)];
  const status = statuses.includes('not-met')
    ? ('not-met' as const)
    : statuses.every((s) => s === 'met')
      ? ('met' as const)
      : ('incomplete' as const);
  return {
    commune: { id: commune, name: `Xã ${commune}`, province: null, provinceName: null, district: null },
    status,
    undecided: null,
    level,
    asOf: '2023-01-01',
    year: 2023,
    region: 'dbsh',
    regionBasis: null,
    group: null,
    minConfidence: 'assumed',
    requireVerified: false,
    ruleset: { id: `test/${level}`, hash: 'h' } as Evaluation['ruleset'],
    prerequisites,
    counts: {
      criteriaMet: criteria.filter((c) => c.status === 'met').length,
      criteriaTotal: criteria.length,
      indicatorsMet: all.filter((i) => i.status === 'met').length,
      indicatorsTotal: all.filter((i) => i.status !== 'not-applicable').length,
      indicatorsNotMet: all.filter((i) => i.status === 'not-met').length,
      indicatorsMissing: all.filter((i) => i.status === 'missing').length,
      indicatorsNotEvaluable: all.filter((i) => i.status === 'not-evaluable').length,
      indicatorsNotApplicable: all.filter((i) => i.status === 'not-applicable').length,
      unverifiedTargets: 0,
      confidence: { official: all.length, secondary: 0, assumed: 0, unknown: 0 },
    },
    criteria,
  };
}

/** A plain NTM evaluation of commune `id` with the given indicators. */
function ntm(id: string, specs: readonly IndicatorSpec[]): Evaluation {
  return tierEvaluation(id, 'ntm', specs);
}

/** One numeric indicator "15.1" (≥ target unless said otherwise) for commune A over dated values. */
function series(
  points: ReadonlyArray<readonly [string, number | null]>,
  target: number,
  comparator: Comparator = '>=',
): Snapshot[] {
  return points.map(([asOf, actual]) => ({
    asOf,
    evaluations: [ntm('A', [{ id: '15.1', actual, target, comparator }])],
  }));
}

function onlyGap(report: ForecastReport): GapForecast {
  const gaps = report.communes.flatMap((c) => c.gaps);
  expect(gaps).toHaveLength(1);
  return gaps[0] as GapForecast;
}

const WORKED_EXAMPLE: Array<[string, number]> = [
  ['2023-04-01', 91],
  ['2023-07-01', 92.8],
  ['2023-10-01', 93.6],
];

describe('forecast: numeric indicators', () => {
  it('fits the pace over every snapshot and projects the date from the latest value (the worked example)', () => {
    const report = forecast(series(WORKED_EXAMPLE, 95), { deadline: '2023-12-31' });
    expect(report).toMatchObject({
      asOf: '2023-10-01',
      snapshots: ['2023-04-01', '2023-07-01', '2023-10-01'],
      deadline: '2023-12-31',
      margin: 30,
      daysLeft: 91,
    });
    const gap = onlyGap(report);
    // Days 0, 91, 183; least squares: Σdx·dy / Σdx² = 237.7333… / 16744.6667 = 0.0141975…
    expect(gap).toMatchObject({
      level: 'ntm',
      criterion: '15',
      indicator: '15.1',
      status: 'not-met',
      actual: 93.6,
      target: 95,
      comparator: '>=',
      series: [
        { asOf: '2023-04-01', value: 91 },
        { asOf: '2023-07-01', value: 92.8 },
        { asOf: '2023-10-01', value: 93.6 },
      ],
      ratePerDay: 0.0141975554405,
      trend: 'toward',
      // 1.4 / 0.0141975 = 98.6 → 99 days after 1 October.
      projected: '2024-01-08',
      // 8 days late, within the 30-day margin.
      outlook: 'at-risk',
      requiredRatePerDay: 0.0153846153846,
      lastChanged: '2023-10-01',
    });
    // The last two snapshots alone (0.8 in 92 days) would say 161 days: off-track. All three count.
    expect(
      forecast(series(WORKED_EXAMPLE.slice(1), 95), { deadline: '2023-12-31' }).communes[0]?.gaps[0],
    ).toMatchObject({ projected: '2024-03-10', outlook: 'off-track' });
  });

  it('places the projected date against the deadline and the margin, both inclusive', () => {
    // From 94 at +0.1 a day, ≥ 95 is reached 10 days after the latest snapshot: 2023-01-21.
    const points: Array<[string, number]> = [
      ['2023-01-01', 92],
      ['2023-01-11', 94],
    ];
    const outlook = (deadline: string, margin?: number) =>
      onlyGap(forecast(series(points, 95), { deadline, margin })).outlook;
    expect(onlyGap(forecast(series(points, 95), { deadline: '2023-01-21' }))).toMatchObject({
      ratePerDay: 0.2,
      projected: '2023-01-16',
    });
    expect(outlook('2023-01-16')).toBe('on-track');
    expect(outlook('2023-01-15')).toBe('at-risk');
    expect(outlook('2022-12-17')).toBe('at-risk');
    expect(outlook('2022-12-16')).toBe('off-track');
    expect(outlook('2023-01-15', 0)).toBe('off-track');
    expect(outlook('2023-01-14', 2)).toBe('at-risk');
  });

  it('counts whole days: ≥ is reached on the day the line meets the target, > only the day after', () => {
    const points: Array<[string, number]> = [
      ['2023-01-01', 93],
      ['2023-01-11', 94],
    ];
    expect(onlyGap(forecast(series(points, 95, '>='), { deadline: '2023-12-31' })).projected).toBe(
      '2023-01-21',
    );
    expect(onlyGap(forecast(series(points, 95, '>'), { deadline: '2023-12-31' })).projected).toBe(
      '2023-01-22',
    );
    // > with the value sitting on the target: not met yet, one step over it is needed.
    expect(
      onlyGap(
        forecast(
          series(
            [
              ['2023-01-01', 94],
              ['2023-01-11', 95],
            ],
            95,
            '>',
          ),
          { deadline: '2023-12-31' },
        ),
      ).projected,
    ).toBe('2023-01-12');
  });

  it('reads a ceiling (≤, <) as a value that has to fall', () => {
    const falling = onlyGap(
      forecast(
        series(
          [
            ['2023-01-01', 9],
            ['2023-04-01', 8],
            ['2023-07-01', 7],
          ],
          6,
          '<=',
        ),
        { deadline: '2023-12-31' },
      ),
    );
    expect(falling).toMatchObject({ trend: 'toward', outlook: 'on-track', projected: '2023-09-30' });
    expect(falling.ratePerDay).toBeLessThan(0);
    expect(falling.requiredRatePerDay).toBeLessThan(0);
    const rising = onlyGap(
      forecast(
        series(
          [
            ['2023-01-01', 7],
            ['2023-07-01', 8],
          ],
          6,
          '<',
        ),
        { deadline: '2023-12-31' },
      ),
    );
    expect(rising).toMatchObject({ trend: 'away', outlook: 'off-track', projected: null });
  });

  it('says off-track, never on-track, for a value moving away from its target', () => {
    const gap = onlyGap(
      forecast(
        series(
          [
            ['2023-01-01', 90],
            ['2023-06-01', 88],
          ],
          95,
        ),
        { deadline: '2030-01-01' },
      ),
    );
    expect(gap).toMatchObject({ trend: 'away', projected: null, outlook: 'off-track' });
    expect(gap.ratePerDay).toBeLessThan(0);
  });

  it('says stalled when the value never changed, and off-track when it changed but goes nowhere on average', () => {
    const stalled = onlyGap(
      forecast(
        series(
          [
            ['2023-01-01', 90],
            ['2023-04-01', 90],
            ['2023-07-01', 90],
          ],
          95,
        ),
        { deadline: '2023-12-31' },
      ),
    );
    expect(stalled).toMatchObject({
      outlook: 'stalled',
      ratePerDay: 0,
      trend: 'flat',
      projected: null,
      lastChanged: null,
    });
    const flat = onlyGap(
      forecast(
        series(
          [
            ['2023-01-01', 90],
            ['2023-01-11', 92],
            ['2023-01-21', 90],
          ],
          95,
        ),
        { deadline: '2023-12-31' },
      ),
    );
    expect(flat).toMatchObject({
      outlook: 'off-track',
      ratePerDay: 0,
      trend: 'flat',
      projected: null,
      lastChanged: '2023-01-21',
    });
  });

  it('needs two values: one usable value is insufficient-data, with the pace still required', () => {
    const gap = onlyGap(
      forecast(
        series(
          [
            ['2023-01-01', null],
            ['2023-07-01', 90],
          ],
          95,
        ),
        { deadline: '2023-12-31' },
      ),
    );
    expect(gap).toMatchObject({
      outlook: 'insufficient-data',
      series: [{ asOf: '2023-07-01', value: 90 }],
      ratePerDay: null,
      trend: null,
      projected: null,
      requiredRatePerDay: 0.0273224043716, // 5 points in 183 days
      lastChanged: '2023-07-01',
    });
    // A single snapshot is allowed: everything numeric is insufficient-data.
    const single = forecast(series([['2023-07-01', 90]], 95), { deadline: '2023-12-31' });
    expect(onlyGap(single).outlook).toBe('insufficient-data');
  });

  it('fits on every snapshot the commune appears in, skipping the ones it is absent from', () => {
    const snapshots = series(WORKED_EXAMPLE, 95);
    const middle = snapshots[1] as Snapshot;
    snapshots[1] = { asOf: middle.asOf, evaluations: [ntm('B', [{ id: '15.1', actual: 50, target: 95 }])] };
    const gap = onlyGap(forecast(snapshots, { deadline: '2023-12-31' }));
    expect(gap.series).toEqual([
      { asOf: '2023-04-01', value: 91 },
      { asOf: '2023-10-01', value: 93.6 },
    ]);
    expect(gap.ratePerDay).toBe(0.0142076502732); // 2.6 / 183
  });

  it('uses the latest target and comparator when the target changed between snapshots', () => {
    const snapshots: Snapshot[] = [
      { asOf: '2022-10-01', evaluations: [ntm('A', [{ id: '10', actual: 45, target: 47 }])] },
      { asOf: '2023-10-01', evaluations: [ntm('A', [{ id: '10', actual: 49, target: 50 }])] },
    ];
    const gap = onlyGap(forecast(snapshots, { deadline: '2023-12-31' }));
    // +4 in 365 days; 1 to go → 92 days → 2024-01-01: one day late.
    expect(gap).toMatchObject({ target: 50, projected: '2024-01-01', outlook: 'at-risk' });
  });

  it('ignores values of another measure that reused the indicator id', () => {
    const snapshots: Snapshot[] = [
      {
        asOf: '2023-01-01',
        evaluations: [ntm('A', [{ id: '9.2', actual: 20, target: 85, measure: 'old' }])],
      },
      {
        asOf: '2023-07-01',
        evaluations: [ntm('A', [{ id: '9.2', actual: 80, target: 85, measure: 'new' }])],
      },
    ];
    expect(onlyGap(forecast(snapshots, { deadline: '2023-12-31' }))).toMatchObject({
      outlook: 'insufficient-data',
      series: [{ asOf: '2023-07-01', value: 80 }],
    });
  });

  it('reports no projected date past 9999-12-31', () => {
    const gap = onlyGap(
      forecast(
        series(
          [
            ['2023-01-01', 0],
            ['2023-01-02', 1e-6],
          ],
          1e6,
        ),
        { deadline: '2023-12-31' },
      ),
    );
    expect(gap).toMatchObject({ trend: 'toward', projected: null, outlook: 'off-track' });
  });

  it('counts days left from the latest snapshot, negative after the deadline, with no pace then required', () => {
    const report = forecast(series(WORKED_EXAMPLE, 95), { deadline: '2023-09-01' });
    expect(report.daysLeft).toBe(-30);
    expect(onlyGap(report)).toMatchObject({ outlook: 'off-track', requiredRatePerDay: null });
    expect(forecast(series(WORKED_EXAMPLE, 95), { deadline: '2023-10-01' }).daysLeft).toBe(0);
  });
});

describe('forecast: indicators without a pace', () => {
  const snapshots: Snapshot[] = [
    {
      asOf: '2023-01-01',
      evaluations: [
        ntm('A', [
          { id: '7', actual: null, target: true },
          { id: '8.1', actual: false, target: true },
          { id: '17.3', actual: null, target: null, measure: null, comparator: null, status: 'not-met' },
          { id: '12.1', actual: 80, target: null, status: 'not-evaluable' },
          { id: '2.2', actual: null, target: 100 },
          { id: '14.1', actual: 1, target: 2, comparator: '==' },
        ]),
      ],
    },
    {
      asOf: '2023-07-01',
      evaluations: [
        ntm('A', [
          { id: '7', actual: false, target: true },
          { id: '8.1', actual: false, target: true },
          { id: '17.3', actual: null, target: null, measure: null, comparator: null, status: 'not-met' },
          { id: '12.1', actual: 85, target: null, status: 'not-evaluable' },
          { id: '2.2', actual: null, target: 100 },
          { id: '14.1', actual: 1, target: 2, comparator: '==' },
        ]),
      ],
    },
  ];
  const report = forecast(snapshots, { deadline: '2023-12-31' });
  const gaps = new Map((report.communes[0]?.gaps ?? []).map((gap) => [gap.indicator, gap]));

  it('marks yes/no, composite and equality tests needs-action, with the date they last changed', () => {
    expect(gaps.get('7')).toMatchObject({ outlook: 'needs-action', lastChanged: '2023-07-01', series: [] });
    expect(gaps.get('8.1')).toMatchObject({ outlook: 'needs-action', lastChanged: null });
    expect(gaps.get('17.3')).toMatchObject({ outlook: 'needs-action', lastChanged: null });
    expect(gaps.get('14.1')).toMatchObject({ outlook: 'needs-action', requiredRatePerDay: null });
  });

  it('lists missing data and unknown targets as such, never forecast', () => {
    expect(gaps.get('2.2')).toMatchObject({
      status: 'missing',
      outlook: 'missing-data',
      ratePerDay: null,
      projected: null,
      series: [],
    });
    expect(gaps.get('12.1')).toMatchObject({
      status: 'not-evaluable',
      outlook: 'unknown-target',
      ratePerDay: null,
      projected: null,
      series: [],
      lastChanged: '2023-07-01',
    });
  });

  it('gives the tier the worst outlook of its gaps and counts every outlook', () => {
    expect(report.communes[0]).toMatchObject({
      outlook: 'needs-action',
      counts: {
        'off-track': 0,
        stalled: 0,
        'at-risk': 0,
        'needs-action': 4,
        'insufficient-data': 0,
        'missing-data': 1,
        'unknown-target': 1,
        'on-track': 0,
      },
    });
  });
});

describe('forecast: communes, tiers and criteria', () => {
  const prerequisite = (electricity: number, market: boolean) =>
    tierEvaluation('A', 'ntm', [
      { id: '4.2', actual: electricity, target: 98 },
      { id: '7', actual: market, target: true },
    ]);
  const nangCao = (electricity: number, market: boolean, insurance: number) =>
    tierEvaluation(
      'A',
      'nang-cao',
      [{ id: '14.1', actual: insurance, target: 95 }],
      [prerequisite(electricity, market)],
    );
  const snapshots: Snapshot[] = [
    {
      asOf: '2023-04-01',
      evaluations: [
        nangCao(96, false, 90),
        ntm('B', [
          { id: '4.2', actual: 99, target: 98 },
          { id: '7', actual: true, target: true },
        ]),
      ],
    },
    {
      asOf: '2023-10-01',
      evaluations: [
        nangCao(97, false, 96),
        ntm('B', [
          { id: '4.2', actual: 97, target: 98 },
          { id: '7', actual: true, target: true },
        ]),
        ntm('C', [
          { id: '4.2', actual: 99, target: 98 },
          { id: '7', actual: true, target: true },
        ]),
      ],
    },
  ];
  const report = forecast(snapshots, { deadline: '2023-12-31' });

  it('forecasts the prerequisite tiers too, and gives the commune their worst outlook', () => {
    const a = report.communes[0];
    expect(a).toMatchObject({ id: 'A', name: 'Xã A', level: 'nang-cao', status: 'not-met' });
    expect(a?.tiers.map((tier) => [tier.level, tier.outlook])).toEqual([
      ['ntm', 'off-track'],
      ['nang-cao', 'met'],
    ]);
    // 4.2: 96 → 97 in 183 days, 1 more point takes 183 days: off-track; 7 (market): needs-action.
    expect(a?.gaps.map((gap) => [gap.level, gap.indicator, gap.outlook])).toEqual([
      ['ntm', '4.2', 'off-track'],
      ['ntm', '7', 'needs-action'],
    ]);
    expect(a?.tiers[0]?.counts).toMatchObject({ 'off-track': 1, 'needs-action': 1 });
    expect(a?.outlook).toBe('off-track');
  });

  it('gives a commune with no gap the outlook met, and keeps the snapshots it appears in as history', () => {
    expect(report.communes.map((c) => [c.id, c.outlook])).toEqual([
      ['A', 'off-track'],
      ['B', 'off-track'],
      ['C', 'met'],
    ]);
    expect(report.communes[1]?.history).toEqual([
      { asOf: '2023-04-01', status: 'met', criteriaMet: 2, criteriaTotal: 2 },
      { asOf: '2023-10-01', status: 'not-met', criteriaMet: 1, criteriaTotal: 2 },
    ]);
    expect(report.communes[2]?.history).toHaveLength(1);
  });

  it('counts each criterion across communes: gaps per outlook and communes under their worst', () => {
    const byKey = new Map(report.criteria.map((c) => [`${c.level}/${c.id}`, c]));
    expect([...byKey.keys()]).toEqual(['ntm/4', 'ntm/7', 'nang-cao/14']);
    expect(byKey.get('ntm/4')).toMatchObject({ assessed: 3, outlook: 'off-track' });
    expect(byKey.get('ntm/4')?.gaps['off-track']).toBe(2);
    expect(byKey.get('ntm/4')?.communes).toMatchObject({ 'off-track': 2, met: 1 });
    expect(byKey.get('ntm/7')?.communes).toMatchObject({ 'needs-action': 1, met: 2 });
    expect(byKey.get('nang-cao/14')?.communes).toMatchObject({ met: 1 });
    expect(report.totals).toMatchObject({ communes: 3 });
    expect(report.totals.gaps).toMatchObject({ 'off-track': 2, 'needs-action': 1 });
    expect(report.totals.communesByOutlook).toMatchObject({ 'off-track': 2, met: 1 });
  });

  it('is plain data: a JSON round trip keeps all of it', () => {
    expect(JSON.parse(JSON.stringify(report))).toEqual(report);
  });
});

describe('forecast: refused input', () => {
  const good = series(WORKED_EXAMPLE, 95);
  const refuses = (snapshots: unknown, options: unknown, message: RegExp) => {
    expect(() => forecast(snapshots as Snapshot[], options as { deadline: string })).toThrow(OptionsError);
    expect(() => forecast(snapshots as Snapshot[], options as { deadline: string })).toThrow(message);
  };

  it('refuses malformed snapshots and options with a message naming the problem', () => {
    refuses([], { deadline: '2023-12-31' }, /non-empty array/);
    refuses(null, { deadline: '2023-12-31' }, /non-empty array/);
    refuses(good, { deadline: '31/12/2023' }, /deadline must be a date/);
    refuses(good, undefined, /deadline must be a date/);
    refuses(good, { deadline: '2023-02-30' }, /deadline must be a date/);
    refuses(good, { deadline: '2023-12-31', margin: -1 }, /margin/);
    refuses(good, { deadline: '2023-12-31', margin: 1.5 }, /margin/);
    refuses(
      [...good, { asOf: '2023-4-1', evaluations: [] }],
      { deadline: '2023-12-31' },
      /snapshot 3 .*date/,
    );
    refuses([...good, { ...good[0] }], { deadline: '2023-12-31' }, /snapshots 0 and 3 have the same date/);
    refuses([{ asOf: '2023-01-01', evaluations: {} }], { deadline: '2023-12-31' }, /array of evaluations/);
    refuses(
      [{ asOf: '2023-01-01', evaluations: [{}] }],
      { deadline: '2023-12-31' },
      /item 0 is not an evaluation/,
    );
    const twice = [ntm('A', []), ntm('A', [])];
    refuses([{ asOf: '2023-01-01', evaluations: twice }], { deadline: '2023-12-31' }, /commune A twice/);
  });
});

// Evaluations from the engine on the bundled rules (NTM 2021–2025, Đồng bằng sông Hồng).
const fixtures = parse(
  readFileSync(new URL('../../test-cases/_fixtures.yaml', import.meta.url), 'utf8'),
) as Record<string, Record<string, unknown>>;
const meetsNtm = fixtures['ntm-2021-2025-met'] as Record<string, unknown>;

function engineSnapshot(asOf: string, values: Record<string, Record<string, unknown>>): Snapshot {
  const communes = Object.entries(values).map(([id, own]) => ({
    id,
    name: `Xã ${id}`,
    region: 'dbsh',
    values: { ...meetsNtm, ...own },
  }));
  const batch = evaluateMany(communes, { level: 'ntm', asOf });
  expect(batch.errors).toEqual([]);
  return { asOf, evaluations: batch.results };
}

describe('forecast on evaluations from the engine', () => {
  const snapshots = [
    engineSnapshot('2022-10-01', {
      'nam-thang': {
        households_safe_electricity_pct: 94,
        multidimensional_poverty_pct: 8.4,
        has_rural_market_or_trading_place: false,
        income_per_capita_mvnd: 44,
      },
    }),
    engineSnapshot('2023-04-01', {
      'nam-thang': {
        households_safe_electricity_pct: 95.8,
        multidimensional_poverty_pct: 7.9,
        has_rural_market_or_trading_place: false,
        income_per_capita_mvnd: 46,
      },
      'nam-hoa': { employment_rate_pct: null },
    }),
    engineSnapshot('2023-10-01', {
      'nam-thang': {
        households_safe_electricity_pct: 96.6,
        multidimensional_poverty_pct: 7.6,
        has_rural_market_or_trading_place: false,
        income_per_capita_mvnd: 48,
        public_green_land_m2_per_person: null,
      },
      'nam-hoa': {},
    }),
  ];

  it('forecasts numeric gaps, floors and ceilings, and lists the rest', () => {
    const report = forecast(snapshots, { deadline: '2023-12-31' });
    const namThang = report.communes.find((commune) => commune.id === 'nam-thang');
    const byId = new Map(namThang?.gaps.map((gap) => [gap.indicator, gap]));
    expect(byId.get('4.2')).toMatchObject({ target: 98, trend: 'toward' });
    expect(byId.get('11')).toMatchObject({
      comparator: '<=',
      target: 6,
      trend: 'toward',
      outlook: 'off-track',
    });
    expect(byId.get('7')).toMatchObject({ outlook: 'needs-action', lastChanged: null });
    expect(byId.get('17.4')).toMatchObject({ outlook: 'missing-data', lastChanged: '2023-10-01' });
    // Targets the engine reports as unknown for the region are listed, never forecast.
    expect([...byId.values()].filter((gap) => gap.outlook === 'unknown-target').length).toBeGreaterThan(0);
    for (const gap of byId.values()) expect(gap.status).not.toBe('met');
    // Income: the target rises from one year to the next; the latest one applies.
    const income = byId.get('10');
    expect(income?.target).toBe(
      snapshots[2]?.evaluations[0]?.criteria.find((c) => c.id === '10')?.indicators[0]?.target,
    );
    expect(income?.series.map((point) => point.value)).toEqual([44, 46, 48]);
  });

  it('gives the same forecast for the engine objects and their JSON', () => {
    const asJson = snapshots.map((snapshot) => JSON.parse(JSON.stringify(snapshot)) as Snapshot);
    const options = { deadline: '2023-12-31' };
    expect(forecast(asJson, options)).toEqual(forecast(snapshots, options));
  });
});

// Properties over plain evaluations of one commune with one numeric indicator.
const DAY = 86_400_000;
const isoOf = (day: number) => new Date(Date.UTC(2023, 0, 1) + day * DAY).toISOString().slice(0, 10);
const comparators = fc.constantFrom<Comparator>('>=', '>', '<=', '<');
const value = fc.double({ min: -1000, max: 1000, noNaN: true, noDefaultInfinity: true });
const dated = (values: readonly number[], days: readonly number[]) =>
  values.map((v, i) => [isoOf(days[i] as number), v] as [string, number]);
const seriesInput = fc
  .uniqueArray(fc.integer({ min: 0, max: 2000 }), { minLength: 1, maxLength: 6 })
  .chain((days) =>
    fc.record({
      days: fc.constant([...days].sort((a, b) => a - b)),
      values: fc.array(value, { minLength: days.length, maxLength: days.length }),
      target: value,
      comparator: comparators,
      deadline: fc.integer({ min: 0, max: 4000 }),
    }),
  );

describe('forecast properties', () => {
  it('never lists a target already met as a gap', () => {
    fc.assert(
      fc.property(seriesInput, ({ days, values, target, comparator, deadline }) => {
        const report = forecast(series(dated(values, days), target, comparator), {
          deadline: isoOf(deadline),
        });
        const latest = values[values.length - 1] as number;
        const met = compareValues(latest, target, comparator);
        expect(report.communes[0]?.gaps.length).toBe(met ? 0 : 1);
        expect(report.communes[0]?.outlook === 'met').toBe(met);
      }),
    );
  });

  it('gives the same answer whatever the order of the snapshots', () => {
    fc.assert(
      fc.property(seriesInput, fc.nat(), ({ days, values, target, comparator, deadline }, seed) => {
        const snapshots = series(dated(values, days), target, comparator);
        const options = { deadline: isoOf(deadline) };
        const expected = forecast(snapshots, options);
        expect(forecast([...snapshots].reverse(), options)).toEqual(expected);
        const shuffled = [...snapshots].sort(
          (a, b) => ((a.asOf.charCodeAt(9) * 31 + seed) % 7) - ((b.asOf.charCodeAt(9) * 31 + seed) % 7),
        );
        expect(forecast(shuffled, options)).toEqual(expected);
      }),
    );
  });

  it('never puts a series moving away from its target on track', () => {
    fc.assert(
      fc.property(
        seriesInput.filter(({ days }) => days.length >= 2),
        fc.double({ min: 0.001, max: 50, noNaN: true }),
        ({ days, target, comparator, deadline }, step) => {
          const rising = comparator === '>=' || comparator === '>';
          // Starts short of the target and moves away from it at every snapshot.
          const start = rising ? target - 1 : target + 1;
          const values = days.map((_, i) => (rising ? start - i * step : start + i * step));
          const gap = onlyGap(
            forecast(series(dated(values, days), target, comparator), { deadline: isoOf(deadline) }),
          );
          expect(gap.trend).toBe('away');
          expect(gap.outlook).toBe('off-track');
        },
      ),
    );
  });

  it('calls a constant series short of its target stalled, and a copy of the latest snapshot keeps it stalled', () => {
    fc.assert(
      fc.property(
        seriesInput.filter(({ days }) => days.length >= 2),
        ({ days, target, comparator, deadline }) => {
          const rising = comparator === '>=' || comparator === '>';
          const values = days.map(() => (rising ? target - 3 : target + 3));
          const snapshots = series(dated(values, days), target, comparator);
          expect(onlyGap(forecast(snapshots, { deadline: isoOf(deadline) })).outlook).toBe('stalled');
          const latest = snapshots[snapshots.length - 1] as Snapshot;
          const again = {
            asOf: isoOf((days[days.length - 1] as number) + 30),
            evaluations: latest.evaluations,
          };
          expect(onlyGap(forecast([...snapshots, again], { deadline: isoOf(deadline) })).outlook).toBe(
            'stalled',
          );
        },
      ),
    );
  });

  it('never gives a worse outlook for a later deadline', () => {
    fc.assert(
      fc.property(seriesInput, fc.nat({ max: 1000 }), fc.nat({ max: 60 }), (input, extra, margin) => {
        const snapshots = series(dated(input.values, input.days), input.target, input.comparator);
        const early = forecast(snapshots, { deadline: isoOf(input.deadline), margin });
        const late = forecast(snapshots, { deadline: isoOf(input.deadline + extra), margin });
        early.communes[0]?.gaps.forEach((gap, i) => {
          expect(
            compareOutlooks(late.communes[0]?.gaps[i]?.outlook ?? 'met', gap.outlook),
          ).toBeGreaterThanOrEqual(0);
        });
      }),
    );
  });

  it('adds up: counts per outlook match the gaps, criteria count every commune once', () => {
    const commune = fc.record({
      id: fc.constantFrom('A', 'B', 'C'),
      electricity: fc.option(value, { nil: null }),
      poverty: fc.option(value, { nil: null }),
      market: fc.option(fc.boolean(), { nil: null }),
    });
    fc.assert(
      fc.property(
        fc.array(fc.uniqueArray(commune, { selector: (c) => c.id, maxLength: 3 }), {
          minLength: 1,
          maxLength: 4,
        }),
        fc.integer({ min: 0, max: 4000 }),
        (rounds, deadline) => {
          const snapshots = rounds.map((communes, i) => ({
            asOf: isoOf(i * 90),
            evaluations: communes.map((c) =>
              ntm(c.id, [
                { id: '4.2', actual: c.electricity, target: 98 },
                { id: '11', actual: c.poverty, target: 6, comparator: '<=' },
                { id: '7', actual: c.market, target: true },
              ]),
            ),
          }));
          const report = forecast(snapshots, { deadline: isoOf(deadline) });
          let gaps = 0;
          for (const c of report.communes) {
            const counted = OUTLOOKS.reduce((sum, outlook) => sum + c.counts[outlook], 0);
            expect(counted).toBe(c.gaps.length);
            expect(c.outlook).toBe(c.gaps.map((g) => g.outlook).sort(compareOutlooks)[0] ?? 'met');
            gaps += counted;
          }
          expect(OUTLOOKS.reduce((sum, outlook) => sum + report.totals.gaps[outlook], 0)).toBe(gaps);
          for (const criterion of report.criteria) {
            expect(TIER_OUTLOOKS.reduce((sum, outlook) => sum + criterion.communes[outlook], 0)).toBe(
              criterion.assessed,
            );
            expect(criterion.assessed).toBe(report.communes.length);
          }
        },
      ),
    );
  });
});
