// (b) The naive approach: the same rules written as plain JSON-logic, one rule per indicator per region, applied
// with json-logic-js. Each rule returns the indicator's status as text, with the same semantics as core:
// missing data first, then the condition of applicability, then the comparison; an unknown target (null)
// skips the comparison and gives "not-evaluable".

import { REGIONS, type Region } from '@nongthonmoi/core';
import jsonLogic from 'json-logic-js';
import type { BenchCommune } from './generate.js';
import {
  appliedRegion,
  type BenchIndicator,
  type BenchRules,
  STATUS_CODE,
  type StatusName,
} from './rules.js';
import { type PassFailDashboard, Tally } from './tally.js';

type Rule = jsonLogic.RulesLogic;

/** Strict comparison for == and != (core compares with === and !==). */
const OPS: Record<string, string> = { '>=': '>=', '>': '>', '<=': '<=', '<': '<', '==': '===', '!=': '!==' };

function ruleFor(indicator: BenchIndicator, region: Region): Rule {
  let test: unknown[];
  if (indicator.logic !== null) {
    test = [{ missing: indicator.logicVars }, 'missing', indicator.logic, 'met', 'not-met'];
  } else {
    const measure = indicator.measure as string;
    const target = indicator.targets?.[region].value ?? null;
    test =
      target === null
        ? [{ missing: [measure] }, 'missing', 'not-evaluable']
        : [
            { missing: [measure] },
            'missing',
            { [OPS[indicator.comparator as string] as string]: [{ var: measure }, target] },
            'met',
            'not-met',
          ];
  }
  if (indicator.applicableIf !== null) {
    test = [
      { missing: indicator.applicableVars },
      'missing',
      { '!': [indicator.applicableIf] },
      'not-applicable',
      ...test,
    ];
  }
  return { if: test } as unknown as Rule;
}

export interface JsonLogicRules {
  rules: BenchRules;
  /** One rule per indicator (`BenchRules.all` order), per region. */
  byRegion: Record<Region, Rule[]>;
}

export function jsonLogicRules(rules: BenchRules): JsonLogicRules {
  const byRegion = {} as Record<Region, Rule[]>;
  for (const region of REGIONS) byRegion[region] = rules.all.map((indicator) => ruleFor(indicator, region));
  return { rules, byRegion };
}

/** Status of every indicator, into `out`. */
export function jsonLogicStatuses(compiled: JsonLogicRules, commune: BenchCommune, out: Uint8Array): void {
  const region = appliedRegion(compiled.rules, commune.region, commune.categories);
  const list = compiled.byRegion[region];
  for (let i = 0; i < list.length; i++) {
    out[i] = STATUS_CODE[jsonLogic.apply(list[i] as Rule, commune.values) as StatusName];
  }
}

/** Pass/fail per indicator for every commune, then the dashboard tally. */
export function jsonLogicPassFail(
  compiled: JsonLogicRules,
  communes: readonly BenchCommune[],
): PassFailDashboard {
  const tally = new Tally(compiled.rules);
  const n = compiled.rules.all.length;
  for (const commune of communes) {
    const statuses = new Uint8Array(n);
    jsonLogicStatuses(compiled, commune, statuses);
    tally.add(commune.id, statuses);
  }
  return tally.finish();
}
