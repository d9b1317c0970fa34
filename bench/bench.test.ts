// The correctness check behind the W1 comparison: on the same communes, every variant (core, hand-written in
// both forms, json-logic-js, json-rules-engine) must give every indicator and every tier the same status,
// and the hand-written full results must carry the same targets, gaps, citations and counts as core.
// No timing here: `pnpm bench` measures.
import { evaluateMany } from '@nongthonmoi/core';
import { describe, expect, it } from 'vitest';
import { generateCommunes } from './w1-engine/generate.js';
import { handFull } from './w1-engine/handwritten.js';
import { STATUS_NAMES } from './w1-engine/rules.js';
import { disagreements, setupW1, statusViews } from './w1-engine/setup.js';

const context = setupW1();
const communes = generateCommunes(context.rules, { communes: 50, seed: 6 });

describe('W1 benchmark variants', () => {
  it('uses the full nâng cao edition with its NTM prerequisite', () => {
    expect(context.rules.tiers.map((tier) => tier.level)).toEqual(['ntm', 'nang-cao']);
    expect(context.rules.all.length).toBeGreaterThan(80);
  });

  it('generates the same communes for the same seed, with met, unmet and missing values', () => {
    expect(generateCommunes(context.rules, { communes: 50, seed: 6 })).toEqual(communes);
    const views = evaluateMany(communes, context.options);
    expect(views.errors).toEqual([]);
    const seen = new Set<string>();
    for (const evaluation of views.results)
      for (const tier of [...evaluation.prerequisites, evaluation])
        for (const criterion of tier.criteria)
          for (const indicator of criterion.indicators) seen.add(indicator.status);
    expect([...seen].sort()).toEqual([...STATUS_NAMES].sort());
  });

  it('gives the same pass/fail to every indicator and tier in every variant', async () => {
    const views = await statusViews(context, communes);
    expect(views.map((view) => view.variant)).toEqual([
      'core',
      'core summarize',
      'hand-written (objects)',
      'hand-written (pass/fail)',
      'json-logic-js',
      'json-rules-engine',
    ]);
    expect(disagreements(context.rules, communes, views)).toEqual([]);
  });

  it('builds the same result objects by hand as core (targets, gaps, citations, reasons, counts)', () => {
    const core = evaluateMany(communes, context.options).results.map((evaluation) =>
      JSON.parse(JSON.stringify(evaluation)),
    );
    const hand = handFull(context.hand, communes).map((evaluation) => JSON.parse(JSON.stringify(evaluation)));
    expect(hand).toEqual(JSON.parse(JSON.stringify(core)));
  });
});
