import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CommuneValidationError } from '../errors.js';
import { compare, evaluate, evaluateMany, getRuleset, summarize } from '../index.js';
import type { Measure } from '../schema/edition.js';

// Property tests over the bundled editions: whatever the input, the engine answers with a result or a
// structured error; results are deterministic; overlays only tighten; reviews add up.
const asOf = '2023-11-15';
const detail = getRuleset('kieu-mau', { asOf, province: 'nam-dinh' });
const measures: Record<string, Measure> = {
  ...getRuleset('ntm', { asOf }).measures,
  ...getRuleset('nang-cao', { asOf }).measures,
  ...detail.measures,
};
const keys = Object.keys(measures);

function valueFor(measure: Measure): fc.Arbitrary<unknown> {
  switch (measure.type) {
    case 'boolean':
      return fc.boolean();
    case 'enum': {
      const ids = (measure.values ?? []).map((value) => value.id);
      return measure.multiple
        ? fc.uniqueArray(fc.constantFrom(...ids), { maxLength: ids.length })
        : fc.constantFrom(...ids);
    }
    case 'count':
      return fc.integer({ min: measure.min ?? 0, max: Math.min(measure.max ?? 50, 50) });
    case 'percent':
      return fc.double({ min: measure.min ?? 0, max: measure.max ?? 100, noNaN: true });
    default:
      return fc.double({ min: measure.min ?? 0, max: Math.min(measure.max ?? 200, 200), noNaN: true });
  }
}

const validValues = fc.record(
  Object.fromEntries(keys.map((key) => [key, fc.option(valueFor(measures[key] as Measure), { freq: 6 })])),
  { requiredKeys: [] },
);
const region = fc.constantFrom('tdmnpb', 'dbsh', 'btb', 'dhntb', 'tn', 'dnb', 'dbscl');
const validCommune = fc.record({
  id: fc.string({ minLength: 1, maxLength: 8 }).filter((text) => text.trim().length > 0),
  name: fc.string({ minLength: 1, maxLength: 20 }).filter((text) => text.trim().length > 0),
  region,
  values: validValues,
});

describe('engine properties', () => {
  it('never throws on arbitrary JSON as a commune: a result or a structured error', () => {
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 4 }), (input) => {
        try {
          evaluate(input, { level: 'nang-cao', asOf });
        } catch (error) {
          expect(error).toBeInstanceOf(CommuneValidationError);
          expect((error as CommuneValidationError).issues.length).toBeGreaterThan(0);
        }
      }),
      { numRuns: 500 },
    );
  });

  it('never throws on arbitrary values under known measure keys', () => {
    const anyValues = fc.dictionary(fc.constantFrom(...keys), fc.jsonValue({ maxDepth: 2 }), { maxKeys: 10 });
    fc.assert(
      fc.property(anyValues, (values) => {
        const { results, errors } = evaluateMany([{ id: 'x', name: 'x', region: 'dbsh', values }], {
          level: 'kieu-mau',
          asOf,
        });
        expect(results.length + errors.length).toBe(1);
        if (results[0]) JSON.stringify(results[0]);
      }),
      { numRuns: 500 },
    );
  });

  it('is deterministic: same commune and options give byte-identical JSON', () => {
    fc.assert(
      fc.property(validCommune, (commune) => {
        const a = JSON.stringify(evaluate(commune, { level: 'nang-cao', asOf }));
        const b = JSON.stringify(evaluate(structuredClone(commune), { level: 'nang-cao', asOf }));
        expect(a).toBe(b);
      }),
      { numRuns: 200 },
    );
  });

  it('a province overlay never makes a commune pass what the national edition fails', () => {
    fc.assert(
      fc.property(validCommune, (commune) => {
        const national = evaluate({ ...commune, region: 'dbsh' }, { level: 'kieu-mau', asOf });
        const province = evaluate(
          { ...commune, region: undefined, province: 'nam-dinh' },
          { level: 'kieu-mau', asOf },
        );
        expect(province.ruleset.overlays.length).toBeGreaterThan(0);
        if (national.status !== 'met') expect(province.status).not.toBe('met');
        const nationalStatus = new Map(
          national.criteria.flatMap((c) => c.indicators.map((i) => [i.id, i.status])),
        );
        for (const criterion of province.criteria) {
          for (const indicator of criterion.indicators) {
            if (indicator.status === 'met' && nationalStatus.has(indicator.id)) {
              expect(['met', 'not-evaluable']).toContain(nationalStatus.get(indicator.id));
            }
          }
        }
      }),
      { numRuns: 200 },
    );
  });

  it('summarize and compare add up: no commune lost, counts consistent', () => {
    fc.assert(
      fc.property(
        fc.array(validCommune, { minLength: 1, maxLength: 12 }),
        fc.array(validCommune, { maxLength: 12 }),
        (before, after) => {
          const unique = <T extends { id: string }>(list: T[]) =>
            list.filter((c, i) => list.findIndex((d) => d.id === c.id) === i);
          const previous = evaluateMany(unique(before), { level: 'nang-cao', asOf }).results;
          const current = evaluateMany(unique(after), { level: 'nang-cao', asOf }).results;
          const summary = summarize(current);
          expect(summary.communes).toHaveLength(current.length);
          expect(summary.totals.met + summary.totals.notMet + summary.totals.incomplete).toBe(current.length);
          for (const column of summary.criteria) {
            expect(column.met + column.notMet + column.incomplete).toBe(column.total);
            expect(column.total).toBe(current.length);
          }
          const plain = summarize(JSON.parse(JSON.stringify(current)));
          expect(JSON.stringify(plain)).toBe(JSON.stringify(summary));
          const progress = compare(previous, current);
          expect(progress.communes.length + progress.added.length).toBe(current.length);
          expect(progress.communes.length + progress.removed.length).toBe(previous.length);
          expect(
            progress.totals.improved +
              progress.totals.worsened +
              progress.totals.unchanged +
              progress.totals.changed,
          ).toBe(progress.communes.length);
        },
      ),
      { numRuns: 60 },
    );
  });
});
