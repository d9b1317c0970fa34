import { describe, expect, it } from 'vitest';
import { advanced, base, overlay } from '../../test/fixtures/index.js';
import { CommuneValidationError, EditionNotFoundError, OptionsError } from '../errors.js';
import { Engine } from './engine.js';

const engine = new Engine([base(), advanced(), overlay()]);
const commune = (values: Record<string, unknown>, extra: Record<string, unknown> = {}) => ({
  id: 'X1',
  name: 'Xã Thử',
  region: 'dbsh',
  values,
  ...extra,
});
const full = {
  insurance_pct: 92,
  stunting_pct: 10,
  income_mvnd: 60,
  has_market: true,
  has_craft_village: false,
  school_count: 4,
  schools_level1_pct: 75,
};

describe('evaluate', () => {
  it('meets the tier when every applicable indicator is met', () => {
    const result = engine.evaluate(commune(full), { level: 'co-ban', asOf: '2023-06-01' });
    expect(result.status).toBe('met');
    expect(result.counts).toMatchObject({
      criteriaMet: 3,
      criteriaTotal: 3,
      indicatorsMet: 5,
      indicatorsTotal: 5,
      indicatorsNotApplicable: 1,
    });
    const craft = result.criteria[2]?.indicators[1];
    expect(craft).toMatchObject({ id: '3.2', status: 'not-applicable', actual: null });
  });

  it('reports a signed gap in the indicator unit, with the target and its provenance', () => {
    const result = engine.evaluate(commune({ ...full, insurance_pct: 87.5, stunting_pct: 18 }), {
      level: 'co-ban',
      asOf: '2023-06-01',
    });
    const [insurance, stunting] = result.criteria[0]?.indicators ?? [];
    expect(insurance).toMatchObject({
      status: 'not-met',
      actual: 87.5,
      target: 90,
      gap: -2.5,
      comparator: '>=',
      verified: true,
    });
    expect(stunting).toMatchObject({
      status: 'not-met',
      target: 16.5,
      gap: -1.5,
      verified: false,
      confidence: 'assumed',
      rationale: { vi: 'Press summary only', en: 'Press summary only' },
    });
    expect(result.status).toBe('not-met');
  });

  it('meets a target exactly at the boundary and misses it just short', () => {
    const at = engine.evaluate(commune({ ...full, insurance_pct: 90 }), {
      level: 'co-ban',
      asOf: '2023-06-01',
    });
    expect(at.criteria[0]?.indicators[0]).toMatchObject({ status: 'met', gap: 0 });
    const short = engine.evaluate(commune({ ...full, insurance_pct: 89.9 }), {
      level: 'co-ban',
      asOf: '2023-06-01',
    });
    expect(short.criteria[0]?.indicators[0]).toMatchObject({ status: 'not-met', gap: -0.1 });
  });

  it('treats missing data as incomplete, never met, and still reports the target', () => {
    const { insurance_pct: _, ...rest } = full;
    const result = engine.evaluate(commune({ ...rest, has_market: null }), {
      level: 'co-ban',
      asOf: '2023-06-01',
    });
    expect(result.status).toBe('incomplete');
    expect(result.criteria[0]?.indicators[0]).toMatchObject({
      status: 'missing',
      target: 90,
      gap: null,
      reason: { vi: expect.stringContaining('thiếu số liệu'), en: 'no value for insurance_pct' },
    });
    expect(result.counts.indicatorsMissing).toBe(2);
  });

  it('lets a definite failure decide the tier even when other data is missing', () => {
    const result = engine.evaluate(commune({ insurance_pct: 50 }), { level: 'co-ban', asOf: '2023-06-01' });
    expect(result.status).toBe('not-met');
  });

  it('picks targets by region and year', () => {
    const y2022 = engine.evaluate(commune({ ...full, income_mvnd: 52 }), {
      level: 'co-ban',
      asOf: '2022-12-31',
    });
    expect(y2022.criteria[1]?.indicators[0]).toMatchObject({ target: 50, status: 'met', verified: false });
    const y2023 = engine.evaluate(commune({ ...full, income_mvnd: 52 }), {
      level: 'co-ban',
      asOf: '2023-01-01',
    });
    expect(y2023.criteria[1]?.indicators[0]).toMatchObject({
      target: 55,
      status: 'not-met',
      gap: -3,
      verified: true,
      source: 'https://example.org/2023',
    });
    const btb = engine.evaluate(commune({ ...full, income_mvnd: 52 }, { region: 'btb' }), {
      level: 'co-ban',
      asOf: '2023-01-01',
    });
    expect(btb.criteria[1]?.indicators[0]).toMatchObject({ target: 45, status: 'met' });
  });

  it('reports an unknown target as not evaluable, and the tier as incomplete', () => {
    const result = engine.evaluate(commune(full, { region: 'btb' }), { level: 'co-ban', asOf: '2023-06-01' });
    expect(result.criteria[0]?.indicators[1]).toMatchObject({ status: 'not-evaluable', target: null });
    expect(result.criteria[0]?.indicators[1]?.reason?.en).toContain('not found');
    expect(result.status).toBe('incomplete');
  });

  it('treats unverified targets as not evaluable under requireVerified', () => {
    const result = engine.evaluate(commune(full), {
      level: 'co-ban',
      asOf: '2022-06-01',
      requireVerified: true,
    });
    expect(result.criteria[1]?.indicators[0]).toMatchObject({
      status: 'not-evaluable',
      target: 50,
      verified: false,
    });
    expect(result.status).toBe('incomplete');
    expect(result.counts.unverifiedTargets).toBe(2);
  });

  it('applies the category rule: a category commune uses the TDMNPB targets and says why', () => {
    const result = engine.evaluate(
      commune({ ...full, stunting_pct: 20 }, { categories: ['xa-dac-biet-kho-khan'] }),
      {
        level: 'co-ban',
        asOf: '2023-06-01',
      },
    );
    expect(result.region).toBe('tdmnpb');
    expect(result.regionBasis).toMatchObject({
      declared: 'dbsh',
      applied: 'tdmnpb',
      category: 'xa-dac-biet-kho-khan',
    });
    expect(result.criteria[0]?.indicators[1]).toMatchObject({ target: 24, status: 'met' });
  });

  it('computes targets that depend on the commune (schools) and applies "if any" indicators', () => {
    const few = engine.evaluate(
      commune({
        ...full,
        school_count: 3,
        schools_level1_pct: 60,
        has_craft_village: true,
        craft_plan: false,
      }),
      {
        level: 'co-ban',
        asOf: '2023-06-01',
      },
    );
    const infra = few.criteria[2]?.indicators ?? [];
    expect(infra[2]).toMatchObject({ target: 50, status: 'met', gap: 10 });
    expect(infra[1]).toMatchObject({ status: 'not-met', actual: false, target: true, gap: null });
    const unknownCount = engine.evaluate(commune({ ...full, school_count: null }), {
      level: 'co-ban',
      asOf: '2023-06-01',
    });
    expect(unknownCount.criteria[2]?.indicators[2]).toMatchObject({
      status: 'missing',
      reason: { vi: expect.stringContaining('thiếu số liệu'), en: 'no value for school_count' },
    });
  });
});

describe('tiers', () => {
  it('requires the lower tier and derives a target from it (1.1 × income level)', () => {
    const result = engine.evaluate(
      commune({ ...full, insurance_pct: 96, income_mvnd: 60, fields: ['giao-duc'] }),
      {
        level: 'nang-cao-test',
        asOf: '2023-06-01',
      },
    );
    expect(result.prerequisites).toHaveLength(1);
    expect(result.prerequisites[0]?.status).toBe('met');
    expect(result.criteria[1]?.indicators[0]).toMatchObject({
      target: 60.5,
      status: 'not-met',
      gap: -0.5,
      verified: true,
    });
    expect(result.criteria[2]?.indicators[0]).toMatchObject({
      actual: ['giao-duc'],
      target: 1,
      status: 'met',
      gap: 0,
    });
    expect(result.status).toBe('not-met');
  });

  it('is not met when the prerequisite tier is not met, even if its own criteria are', () => {
    const result = engine.evaluate(
      commune({ ...full, insurance_pct: 96, has_market: false, income_mvnd: 70, fields: ['van-hoa'] }),
      {
        level: 'nang-cao-test',
        asOf: '2023-06-01',
      },
    );
    expect(result.counts.criteriaMet).toBe(3);
    expect(result.prerequisites[0]?.status).toBe('not-met');
    expect(result.status).toBe('not-met');
  });

  it('marks a derived target unverified when the level it builds on is unverified', () => {
    const result = engine.evaluate(commune({ ...full, income_mvnd: 60 }, { region: 'btb' }), {
      level: 'nang-cao-test',
      asOf: '2023-06-01',
    });
    expect(result.criteria[1]?.indicators[0]).toMatchObject({ target: 49.5, verified: false });
  });
});

describe('province overlays', () => {
  it('raises targets and adds indicators, and says where each target comes from', () => {
    const result = engine.evaluate(
      commune(
        { ...full, insurance_pct: 96, income_mvnd: 80, fields: ['giao-duc'], wifi_points: 0 },
        { province: 'nam-dinh' },
      ),
      {
        level: 'nang-cao-test',
        asOf: '2023-06-01',
      },
    );
    expect(result.ruleset.overlays.map((o) => o.id)).toEqual(['test/provinces/nam-dinh/nang-cao-2022']);
    const [health, income, fields] = result.criteria;
    expect(health?.indicators[0]).toMatchObject({ target: 97, origin: 'province', status: 'not-met' });
    expect(income?.indicators[0]).toMatchObject({ target: 83, origin: 'province', gap: -3 });
    expect(fields?.indicators.map((i) => i.id)).toEqual(['3', '3.ND']);
    expect(fields?.indicators[1]).toMatchObject({ status: 'not-met', origin: 'province' });
  });

  it('keeps the national target where it is stricter than the province (derived targets)', () => {
    // 2022: national 1.1 × 50 = 55; province 72 → province applies.
    const result = engine.evaluate(commune({ ...full, income_mvnd: 70 }, { province: 'nam-dinh' }), {
      level: 'nang-cao-test',
      asOf: '2022-07-01',
    });
    expect(result.criteria[1]?.indicators[0]).toMatchObject({ target: 72, origin: 'province' });
  });

  it('does not apply an overlay before it takes effect', () => {
    const result = engine.evaluate(commune({ ...full }, { province: 'nam-dinh' }), {
      level: 'nang-cao-test',
      asOf: '2022-03-01',
    });
    expect(result.ruleset.overlays).toEqual([]);
    expect(result.ruleset.hash).toMatch(/^[0-9a-f]{64}$/);
  });
});

describe('validation and batches', () => {
  it('rejects wrong types, out-of-range values and typos, naming commune, field, value and reason', () => {
    const attempt = () =>
      engine.evaluate(commune({ insurance_pct: 130, has_market: 'Có', insurence_pct: 5 }), {
        level: 'co-ban',
        asOf: '2023-01-01',
      });
    expect(attempt).toThrow(CommuneValidationError);
    try {
      attempt();
    } catch (error) {
      const issues = (error as CommuneValidationError).issues;
      expect(issues).toEqual([
        expect.objectContaining({
          communeId: 'X1',
          field: 'values.insurance_pct',
          value: 130,
          reason: expect.stringContaining('above the largest valid value 100'),
        }),
        expect.objectContaining({
          field: 'values.has_market',
          value: 'Có',
          reason: expect.stringContaining('expected true or false'),
        }),
        expect.objectContaining({
          field: 'values.insurence_pct',
          reason: "unknown measure 'insurence_pct' (did you mean 'insurance_pct'?)",
        }),
      ]);
    }
  });

  it('does not coerce numeric text', () => {
    expect(() =>
      engine.evaluate(commune({ insurance_pct: '85,5' }), { level: 'co-ban', asOf: '2023-01-01' }),
    ).toThrow(/not converted by the engine/);
  });

  it('keeps every good commune of a batch and reports each bad one', () => {
    const batch = [
      commune(full),
      null,
      'text',
      commune({ insurance_pct: -1 }, { id: 'X2' }),
      commune(full, { id: 'X3', region: undefined }),
    ];
    const { results, errors } = engine.evaluateMany(batch, { level: 'co-ban', asOf: '2023-01-01' });
    expect(results.length + errors.length).toBe(batch.length);
    expect(results.map((r) => r.commune.id)).toEqual(['X1']);
    expect(errors.map((e) => [e.index, e.communeId, e.issues[0]?.field])).toEqual([
      [1, null, ''],
      [2, null, ''],
      [3, 'X2', 'values.insurance_pct'],
      [4, 'X3', 'region'],
    ]);
  });

  it('uses the batch region for communes that have none, and checks region against province', () => {
    const { results } = engine.evaluateMany([commune(full, { region: undefined })], {
      level: 'co-ban',
      asOf: '2023-01-01',
      region: 'btb',
    });
    expect(results[0]?.region).toBe('btb');
    expect(() =>
      engine.evaluate(commune(full, { region: 'tn', province: 'nam-dinh' }), {
        level: 'co-ban',
        asOf: '2023-01-01',
      }),
    ).toThrow(/contradicts province Nam Định/);
  });

  it('never uses an edition that is not in force, and lists the editions', () => {
    expect(() => engine.evaluate(commune(full), { level: 'co-ban', asOf: '2024-01-01' })).toThrow(
      EditionNotFoundError,
    );
    expect(() => engine.evaluate(commune(full), { level: 'co-ban', asOf: '2024-01-01' })).toThrow(
      /test\/xa-co-ban\/2022 \(1\/QĐ-TEST\): 2022-01-01 – 2023-12-31/,
    );
    expect(() => engine.evaluate(commune(full), { level: 'nope', asOf: '2023-01-01' })).toThrow(
      /Unknown level 'nope'. Known levels: co-ban, nang-cao-test/,
    );
  });

  it('rejects bad options', () => {
    expect(() => engine.evaluate(commune(full), { level: 'co-ban', asOf: '2023-02-30' })).toThrow(
      OptionsError,
    );
    expect(() => engine.evaluate(commune(full), { level: 'co-ban', asof: '2023-02-01' } as never)).toThrow(
      /Unrecognized key/,
    );
  });
});

describe('results as data', () => {
  it('serialises deterministically with a stable key order', () => {
    const a = JSON.stringify(engine.evaluate(commune(full), { level: 'nang-cao-test', asOf: '2023-06-01' }));
    const b = JSON.stringify(
      new Engine([base(), advanced(), overlay()]).evaluate(commune(full), {
        level: 'nang-cao-test',
        asOf: '2023-06-01',
      }),
    );
    expect(a).toBe(b);
    expect(Object.keys(JSON.parse(a))).toEqual([
      'commune',
      'status',
      'undecided',
      'level',
      'asOf',
      'year',
      'region',
      'regionBasis',
      'group',
      'minConfidence',
      'requireVerified',
      'ruleset',
      'prerequisites',
      'counts',
      'criteria',
    ]);
  });
});

describe('hostile commune objects', () => {
  const options = { level: 'co-ban', asOf: '2023-06-01' } as const;
  const throwing = {
    id: 'T1',
    name: 'Xã Thử',
    region: 'dbsh',
    get values(): Record<string, unknown> {
      throw new Error('getter exploded');
    },
  };
  const proxy = new Proxy(
    { id: 'T2', name: 'Xã Thử', region: 'dbsh', values: full },
    {
      ownKeys() {
        throw new Error('proxy exploded');
      },
    },
  );
  const valuesProxy = commune(
    new Proxy(
      { ...full },
      {
        get() {
          throw new Error('value getter exploded');
        },
      },
    ),
  );

  it('keeps its promise in evaluateMany: results + errors = input, nothing thrown', () => {
    const batch = engine.evaluateMany([commune(full), throwing, proxy, valuesProxy, commune(full)], options);
    expect(batch.results).toHaveLength(2);
    expect(batch.errors.map((error) => error.index)).toEqual([1, 2, 3]);
    for (const error of batch.errors) {
      expect(error.issues[0]?.reasonVi).toMatch(/không đọc được dữ liệu xã|không hợp lệ/);
    }
  });

  it('throws an NtmError (not the raw exception) from evaluate', () => {
    expect(() => engine.evaluate(throwing, options)).toThrow(/could not be read|invalid/i);
  });
});
