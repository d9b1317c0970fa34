// (c) A common general rules engine: json-rules-engine, one engine per region with one rule per indicator (the
// same thresholds, the same conditions of applicability and composite test, translated from JSON-logic).
// A rule's event says "met" (or "applies"); what the engine has no notion of (a missing value, an unknown
// target) is decided from the facts, as a user of the engine would, with core's order of precedence.
import { REGIONS, type Region } from '@nongthonmoi/core';
import { Engine, type Event, type RuleProperties, type TopLevelCondition } from 'json-rules-engine';
import type { BenchCommune } from './generate.js';
import {
  appliedRegion,
  type BenchRules,
  MET,
  MISSING,
  NOT_APPLICABLE,
  NOT_EVALUABLE,
  NOT_MET,
} from './rules.js';
import { type PassFailDashboard, Tally } from './tally.js';

const OPERATORS: Record<string, string> = {
  '>=': 'greaterThanInclusive',
  '>': 'greaterThan',
  '<=': 'lessThanInclusive',
  '<': 'lessThan',
  '==': 'equal',
  '===': 'equal',
  '!=': 'notEqual',
  '!==': 'notEqual',
};

type Nested = TopLevelCondition | { fact: string; operator: string; value: unknown };

/** Translates the JSON-logic used in the rule files (and/or/!, comparisons of a var with a constant). */
export function toCondition(expression: unknown): Nested {
  if (!expression || typeof expression !== 'object' || Array.isArray(expression))
    throw new Error(`rules-engine: cannot translate ${JSON.stringify(expression)}`);
  const [op, args] = Object.entries(expression)[0] as [string, unknown];
  if (op === 'var' && typeof args === 'string') return { fact: args, operator: 'equal', value: true };
  const list = Array.isArray(args) ? args : [args];
  if (op === 'and') return { all: list.map(toCondition) };
  if (op === 'or') return { any: list.map(toCondition) };
  if (op === '!') return { not: toCondition(list[0]) };
  const operator = OPERATORS[op];
  const [a, b] = list as [unknown, unknown];
  const fact = a && typeof a === 'object' && 'var' in a ? (a as { var: unknown }).var : undefined;
  if (!operator || typeof fact !== 'string' || (typeof b !== 'number' && typeof b !== 'boolean'))
    throw new Error(`rules-engine: cannot translate ${JSON.stringify(expression)}`);
  return { fact, operator, value: b };
}

function topLevel(condition: Nested): TopLevelCondition {
  return 'fact' in condition ? { all: [condition] } : condition;
}

export interface RulesEngines {
  rules: BenchRules;
  byRegion: Record<Region, Engine>;
}

export function rulesEngines(rules: BenchRules): RulesEngines {
  const byRegion = {} as Record<Region, Engine>;
  for (const region of REGIONS) {
    const list: RuleProperties[] = [];
    rules.all.forEach((indicator, k) => {
      if (indicator.applicableIf !== null)
        list.push({
          name: `applies ${indicator.key}`,
          conditions: topLevel(toCondition(indicator.applicableIf)),
          event: { type: 'applies', params: { k } },
        });
      if (indicator.logic !== null) {
        list.push({
          name: indicator.key,
          conditions: topLevel(toCondition(indicator.logic)),
          event: { type: 'met', params: { k } },
        });
        return;
      }
      const target = indicator.targets?.[region].value ?? null;
      if (target === null) return; // unknown target: no rule, not evaluable
      list.push({
        name: indicator.key,
        conditions: {
          all: [
            {
              fact: indicator.measure as string,
              operator: OPERATORS[indicator.comparator as string] as string,
              value: target,
            },
          ],
        },
        event: { type: 'met', params: { k } },
      });
    });
    byRegion[region] = new Engine(list, { allowUndefinedFacts: true });
  }
  return { rules, byRegion };
}

function missing(values: Record<string, unknown>, keys: readonly string[]): boolean {
  return keys.some((key) => values[key] === undefined || values[key] === null);
}

/** Status of every indicator, into `out`. */
export async function rulesEngineStatuses(
  engines: RulesEngines,
  commune: BenchCommune,
  out: Uint8Array,
): Promise<void> {
  const region = appliedRegion(engines.rules, commune.region, commune.categories);
  const { events } = await engines.byRegion[region].run(commune.values);
  const n = out.length;
  const met = new Uint8Array(n);
  const applies = new Uint8Array(n);
  for (const event of events as Event[]) {
    const k = (event.params as { k: number }).k;
    if (event.type === 'met') met[k] = 1;
    else applies[k] = 1;
  }
  const values = commune.values;
  const all = engines.rules.all;
  for (let k = 0; k < n; k++) {
    const indicator = all[k] as BenchRules['all'][number];
    if (indicator.applicableIf !== null) {
      if (missing(values, indicator.applicableVars)) {
        out[k] = MISSING;
        continue;
      }
      if (!applies[k]) {
        out[k] = NOT_APPLICABLE;
        continue;
      }
    }
    if (indicator.logic !== null) {
      out[k] = missing(values, indicator.logicVars) ? MISSING : met[k] ? MET : NOT_MET;
      continue;
    }
    if (missing(values, [indicator.measure as string])) out[k] = MISSING;
    else if ((indicator.targets?.[region].value ?? null) === null) out[k] = NOT_EVALUABLE;
    else out[k] = met[k] ? MET : NOT_MET;
  }
}

/** Pass/fail per indicator for every commune (one engine run each, in sequence), then the tally. */
export async function rulesEnginePassFail(
  engines: RulesEngines,
  communes: readonly BenchCommune[],
): Promise<PassFailDashboard> {
  const tally = new Tally(engines.rules);
  const n = engines.rules.all.length;
  for (const commune of communes) {
    const statuses = new Uint8Array(n);
    await rulesEngineStatuses(engines, commune, statuses);
    tally.add(commune.id, statuses);
  }
  return tally.finish();
}
