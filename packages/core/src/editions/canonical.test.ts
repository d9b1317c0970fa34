import { describe, expect, it } from 'vitest';
import { getRulesetById } from '../engine/catalog.js';
import { Engine } from '../engine/engine.js';
import { BUNDLED_RULESETS } from '../rules.js';
import type { Edition } from '../schema/edition.js';
import { canonicalRuleset, isCanonicalRuleset, jsonEqual } from './canonical.js';

const bundled = BUNDLED_RULESETS as ReadonlyArray<{ file: string; ruleset: Record<string, unknown> }>;
const engine = new Engine(BUNDLED_RULESETS);

/** The national edition an overlay extends first (amendments applied), as the registry holds it. */
function nationalOf(file: Record<string, unknown>): Edition | null {
  if (!('extends' in file)) return null;
  const id = Array.isArray(file.extends) ? (file.extends[0] as string) : (file.extends as string);
  const entry = engine.ruleset(id);
  return entry?.kind === 'edition' ? entry.data : null;
}

/**
 * What the engine resolves for a ruleset: its criteria, indicators and every target row with its value and
 * provenance (hashes aside, and the summary provenance of an indicator, which canonical form may align with
 * its only cell).
 */
function resolvedOf(rulesets: ReadonlyArray<{ file: string; ruleset: unknown }>, id: string) {
  const detail = getRulesetById(new Engine(rulesets), id);
  return {
    ...detail,
    ruleset: {
      ...detail.ruleset,
      hash: '',
      overlays: detail.ruleset.overlays.map((o) => ({ ...o, hash: '' })),
    },
    indicators: detail.indicators.map(
      ({ confidence: _c, verified: _v, rationale: _r, source: _s, quote: _q, ...indicator }) => indicator,
    ),
  };
}

describe('canonicalRuleset', () => {
  it.each(bundled.map((entry) => [entry.file, entry] as const))(
    '%s is in canonical form (what `ntm rules import` writes back)',
    (_, entry) => {
      expect(canonicalRuleset(entry.ruleset, { national: nationalOf(entry.ruleset) })).toEqual(entry.ruleset);
      expect(isCanonicalRuleset(entry.ruleset, { national: nationalOf(entry.ruleset) })).toBe(true);
    },
  );

  it.each(bundled.map((entry) => [entry.file, entry] as const))(
    'keeps the meaning of %s: the engine resolves the same targets',
    (_, entry) => {
      const id = entry.ruleset.id as string;
      const canonical = canonicalRuleset(entry.ruleset, { national: nationalOf(entry.ruleset) });
      const replaced = bundled.map((item) =>
        item === entry ? { file: item.file, ruleset: canonical } : item,
      );
      expect(resolvedOf(replaced, id)).toEqual(resolvedOf(bundled, id));
    },
  );

  it('drops only what a cell, an entry or a period repeats', () => {
    const rationale = { vi: 'Theo bảng của tỉnh', en: 'From the province table' };
    const overlay = {
      id: 'provinces/x/y',
      effective: { from: '2022-01-01', to: null },
      defaults: { citation: { document: '1/QĐ-UBND' }, confidence: 'official', source: 'https://a.vn/1' },
      targets: [
        {
          indicator: '2.1',
          op: '>=',
          citation: { document: '1/QĐ-UBND' },
          confidence: 'official',
          target: {
            byRegion: {
              dbsh: { value: 90, confidence: 'official', source: 'https://a.vn/1' },
              btb: { value: 80, source: 'https://b.vn/2', rationale },
              tn: { value: null, confidence: 'unknown', rationale },
            },
            default: { byYear: { '2022-': { value: 70 } } },
          },
        },
      ],
    };
    const national = {
      criteria: [{ indicators: [{ id: '2.1', test: { measure: 'm', op: '>=', target: 50 } }] }],
    } as unknown as Edition;
    expect(canonicalRuleset(overlay, { national })).toEqual({
      id: 'provinces/x/y',
      effective: { from: '2022-01-01' },
      defaults: overlay.defaults,
      targets: [
        {
          indicator: '2.1',
          target: {
            byRegion: {
              dbsh: 90,
              btb: { value: 80, source: 'https://b.vn/2', rationale },
              tn: { value: null, rationale },
            },
            default: { byYear: { '2022-': 70 } },
          },
        },
      ],
    });
    // The input is left as it was; a stricter comparator than the national one is kept.
    expect(overlay.targets[0]?.op).toBe('>=');
    const stricter = { ...overlay, targets: [{ ...overlay.targets[0], op: '>' }] };
    expect((canonicalRuleset(stricter, { national }).targets[0] as { op?: string }).op).toBe('>');
  });

  it('keeps the provenance of a single-cell target on its indicator', () => {
    const rationale = { vi: 'Chưa có văn bản' };
    const edition = {
      criteria: [
        {
          indicators: [
            {
              id: '1',
              test: {
                measure: 'm',
                op: '>=',
                target: { value: 64, confidence: 'secondary', source: 'https://a.vn' },
              },
              confidence: 'assumed',
              rationale,
            },
            {
              id: '2',
              test: { measure: 'm', op: '>=', target: { value: null } },
              confidence: 'assumed',
              rationale,
            },
          ],
        },
      ],
    };
    expect(canonicalRuleset(edition).criteria[0]?.indicators).toEqual([
      {
        id: '1',
        test: { measure: 'm', op: '>=', target: 64 },
        confidence: 'secondary',
        rationale,
        source: 'https://a.vn',
      },
      {
        id: '2',
        test: { measure: 'm', op: '>=', target: { value: null } },
        confidence: 'unknown',
        rationale,
      },
    ]);
  });

  it('compares JSON values whatever the key order', () => {
    expect(jsonEqual({ a: 1, b: [1, { c: 2 }] }, { b: [1, { c: 2 }], a: 1 })).toBe(true);
    expect(jsonEqual({ a: 1 }, { a: 1, b: undefined })).toBe(false);
    expect(jsonEqual([1, 2], [2, 1])).toBe(false);
    expect(jsonEqual(null, {})).toBe(false);
  });
});
