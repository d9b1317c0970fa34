// W1 set-up (rules and competitors, built once) and the agreement check that makes the comparison fair:
// every variant must give every indicator of every commune the same status.
import type { EvaluateOptions, Evaluation } from '@nongthonmoi/core';
import { coreDashboard, coreFull } from './core.js';
import type { BenchCommune } from './generate.js';
import { type HandTables, handFull, handPassFail, handTables } from './handwritten.js';
import { type JsonLogicRules, jsonLogicPassFail, jsonLogicRules } from './json-logic.js';
import {
  type BenchRules,
  loadRules,
  STATUS_CODE,
  STATUS_NAMES,
  type StatusName,
  W1_RULESETS,
} from './rules.js';
import { type RulesEngines, rulesEnginePassFail, rulesEngines } from './rules-engine.js';
import { TIER_STATUS_NAMES } from './tally.js';

/** The W1 job: the full nâng cao 2021–2025 edition with its NTM prerequisite. */
export const W1_LEVEL = 'nang-cao';
export const W1_AS_OF = '2023-11-15';

export interface W1Context {
  rules: BenchRules;
  options: EvaluateOptions;
  hand: HandTables;
  jsonLogic: JsonLogicRules;
  rulesEngine: RulesEngines;
}

export function setupW1(level = W1_LEVEL, asOf = W1_AS_OF): W1Context {
  const rules = loadRules(level, asOf);
  return {
    rules,
    options: { level, asOf, rulesets: W1_RULESETS },
    hand: handTables(rules),
    jsonLogic: jsonLogicRules(rules),
    rulesEngine: rulesEngines(rules),
  };
}

/** Per commune: the status of every indicator (rules.all order) and of every tier. */
export interface StatusView {
  variant: string;
  indicators: Uint8Array[];
  tiers: string[][];
}

function fromEvaluations(variant: string, rules: BenchRules, evaluations: readonly Evaluation[]): StatusView {
  const index = new Map(rules.all.map((indicator, i) => [indicator.key, i]));
  const indicators: Uint8Array[] = [];
  const tiers: string[][] = [];
  for (const evaluation of evaluations) {
    const statuses = new Uint8Array(rules.all.length).fill(255);
    const tierStatuses: string[] = [];
    const visit = (e: Evaluation): void => {
      for (const prerequisite of e.prerequisites) visit(prerequisite);
      tierStatuses.push(e.status);
      for (const criterion of e.criteria)
        for (const indicator of criterion.indicators) {
          const i = index.get(`${e.level}:${indicator.id}`);
          if (i === undefined) throw new Error(`${variant}: unexpected indicator ${e.level}:${indicator.id}`);
          statuses[i] = STATUS_CODE[indicator.status as StatusName];
        }
    };
    visit(evaluation);
    indicators.push(statuses);
    tiers.push(tierStatuses);
  }
  return { variant, indicators, tiers };
}

function fromRows(
  variant: string,
  rows: ReadonlyArray<{ statuses: Uint8Array; tiers: Uint8Array }>,
): StatusView {
  return {
    variant,
    indicators: rows.map((row) => row.statuses),
    tiers: rows.map((row) => [...row.tiers].map((t) => TIER_STATUS_NAMES[t] as string)),
  };
}

/** Runs every variant on `communes` and returns what each says about every indicator. */
export async function statusViews(
  context: W1Context,
  communes: readonly BenchCommune[],
): Promise<StatusView[]> {
  const { rules } = context;
  const core = coreFull(communes, context.options);
  if (core.batch.errors.length > 0)
    throw new Error(`core rejected ${core.batch.errors.length} communes: ${core.batch.errors[0]?.message}`);
  const dashboard = coreDashboard(communes, context.options);
  return [
    fromEvaluations('core', rules, core.batch.results),
    {
      variant: 'core summarize',
      indicators: [],
      tiers: dashboard.summary.communes.map((row) => [...row.prerequisites.map((p) => p.status), row.status]),
    },
    fromEvaluations('hand-written (objects)', rules, handFull(context.hand, communes)),
    fromRows('hand-written (pass/fail)', handPassFail(context.hand, communes).rows),
    fromRows('json-logic-js', jsonLogicPassFail(context.jsonLogic, communes).rows),
    fromRows('json-rules-engine', (await rulesEnginePassFail(context.rulesEngine, communes)).rows),
  ];
}

/** Every disagreement with the first view (core), as readable lines; empty when all agree. */
export function disagreements(
  rules: BenchRules,
  communes: readonly BenchCommune[],
  views: readonly StatusView[],
): string[] {
  const [reference, ...others] = views as [StatusView, ...StatusView[]];
  const lines: string[] = [];
  for (const view of others) {
    for (let c = 0; c < communes.length; c++) {
      const id = (communes[c] as BenchCommune).id;
      const mine = view.indicators[c];
      if (mine) {
        for (let i = 0; i < rules.all.length; i++) {
          if (mine[i] !== reference.indicators[c]?.[i])
            lines.push(
              `${view.variant}: commune ${id} ${rules.all[i]?.key}: ${STATUS_NAMES[mine[i] as number] ?? 'absent'}, core says ${STATUS_NAMES[reference.indicators[c]?.[i] as number]}`,
            );
        }
      } else if (view.indicators.length > 0) lines.push(`${view.variant}: no result for commune ${id}`);
      const tiers = view.tiers[c]?.join('/');
      if (tiers !== reference.tiers[c]?.join('/'))
        lines.push(
          `${view.variant}: commune ${id} tiers ${tiers}, core says ${reference.tiers[c]?.join('/')}`,
        );
    }
  }
  return lines;
}
