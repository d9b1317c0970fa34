import type { z } from 'zod';
import { RulesetError, type RulesetIssue } from '../errors.js';
import { LogicError } from '../logic/errors.js';
import type { Confidence, Rationale } from '../schema/common.js';
import {
  type Amendment,
  type Edition,
  type Indicator,
  type Overlay,
  schemaFor,
  type Target,
} from '../schema/edition.js';
import { ruleLogic } from './rule-logic.js';
import { isDerived, isGroupTable, isRegionTable, isYearTable, parseYearKey } from './targets.js';

/** Limits on the raw JSON of a ruleset file, checked before any schema work. */
export const FILE_LIMITS = Object.freeze({ maxDepth: 100, maxNodes: 500_000, maxArrayLength: 10_000 });

const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

export type ParsedRuleset =
  | { kind: 'edition'; file: string; data: Edition }
  | { kind: 'amendment'; file: string; data: Amendment }
  | { kind: 'overlay'; file: string; data: Overlay };

export function formatPath(path: ReadonlyArray<PropertyKey>): string {
  let out = '';
  for (const segment of path) {
    if (typeof segment === 'number') out += `[${segment}]`;
    else out += out ? `.${String(segment)}` : String(segment);
  }
  return out;
}

/**
 * Walks untrusted JSON iteratively (no recursion, so no stack overflow) and refuses what no ruleset needs:
 * prototype keys, non-JSON values, and sizes beyond FILE_LIMITS (a cycle ends at the depth limit).
 */
export function guardJson(input: unknown, file: string): void {
  const stack: Array<{ value: unknown; path: PropertyKey[] }> = [{ value: input, path: [] }];
  let nodes = 0;
  const fail = (path: PropertyKey[], reason: string): never => {
    throw new RulesetError([{ file, path: formatPath(path), reason }]);
  };
  while (stack.length > 0) {
    const { value, path } = stack.pop() as { value: unknown; path: PropertyKey[] };
    if (++nodes > FILE_LIMITS.maxNodes) fail(path, `file has more than ${FILE_LIMITS.maxNodes} values`);
    if (path.length > FILE_LIMITS.maxDepth) fail(path, `nested deeper than ${FILE_LIMITS.maxDepth} levels`);
    if (value === null) continue;
    const kind = typeof value;
    if (kind === 'string' || kind === 'boolean') continue;
    if (kind === 'number') {
      if (!Number.isFinite(value)) fail(path, 'numbers must be finite');
      continue;
    }
    if (kind !== 'object') fail(path, `a ${kind} is not JSON`);
    if (Array.isArray(value)) {
      if (value.length > FILE_LIMITS.maxArrayLength) {
        fail(path, `array of ${value.length} elements (more than ${FILE_LIMITS.maxArrayLength})`);
      }
      for (let i = value.length - 1; i >= 0; i--) stack.push({ value: value[i], path: [...path, i] });
      continue;
    }
    const proto = Object.getPrototypeOf(value);
    if (proto !== Object.prototype && proto !== null) fail(path, 'only plain JSON objects are allowed');
    for (const key of Object.keys(value as object)) {
      if (FORBIDDEN_KEYS.has(key)) fail([...path, key], `the key '${key}' is not allowed`);
      stack.push({ value: (value as Record<string, unknown>)[key], path: [...path, key] });
    }
  }
}

/** Validates one ruleset file on its own (shape, ids, measures, expressions). Cross-file checks are the registry's. */
export function parseRuleset(input: unknown, fileName?: string): ParsedRuleset {
  const file =
    fileName ??
    (input && typeof input === 'object' && typeof (input as { id?: unknown }).id === 'string'
      ? (input as { id: string }).id
      : '(ruleset)');
  if (!input || typeof input !== 'object' || Array.isArray(input)) {
    throw new RulesetError([{ file, path: '', reason: 'a ruleset must be a JSON object' }]);
  }
  guardJson(input, file);
  const schema = schemaFor(input);
  const result = (schema as z.ZodType).safeParse(input);
  if (!result.success) {
    throw new RulesetError(
      result.error.issues.map((issue) => ({ file, path: formatPath(issue.path), reason: issue.message })),
    );
  }
  const issues: RulesetIssue[] = [];
  const parsed: ParsedRuleset =
    schema === schemaFor({ extends: 1 })
      ? { kind: 'overlay', file, data: result.data as Overlay }
      : schema === schemaFor({ amends: 1 })
        ? { kind: 'amendment', file, data: result.data as Amendment }
        : { kind: 'edition', file, data: result.data as Edition };
  checkContent(parsed, issues);
  if (issues.length > 0) throw new RulesetError(issues);
  return parsed;
}

function checkContent(parsed: ParsedRuleset, issues: RulesetIssue[]): void {
  const { file, data } = parsed;
  const add = (path: string, reason: string) => issues.push({ file, path, reason });
  const measures = data.measures;
  const groups = new Set<string>();
  const groupList = 'groups' in data ? (data.groups ?? []) : [];
  groupList.forEach((group, i) => {
    if (groups.has(group.id)) add(`groups[${i}].id`, `duplicate group id '${group.id}'`);
    groups.add(group.id);
  });
  const criterionIds = new Set<string>();
  const indicatorIds = new Set<string>();
  const checkIndicator = (indicator: Indicator, path: string) => {
    if (indicatorIds.has(indicator.id)) add(`${path}.id`, `duplicate indicator id '${indicator.id}'`);
    indicatorIds.add(indicator.id);
    checkIndicatorContent(indicator, path, measures, add);
  };
  const criteria = 'criteria' in data ? (data.criteria ?? []) : [];
  criteria.forEach((criterion, i) => {
    const path = `criteria[${i}]`;
    if (criterionIds.has(criterion.id)) add(`${path}.id`, `duplicate criterion id '${criterion.id}'`);
    criterionIds.add(criterion.id);
    if (parsed.kind === 'edition' && !groups.has(criterion.group)) {
      add(`${path}.group`, `unknown group '${criterion.group}'`);
    }
    for (const [j, indicator] of criterion.indicators.entries())
      checkIndicator(indicator, `${path}.indicators[${j}]`);
  });
  if (parsed.kind === 'overlay') {
    for (const [i, indicator] of (parsed.data.indicators ?? []).entries())
      checkIndicator(indicator, `indicators[${i}]`);
  }
  if ('targets' in data) {
    const defaults = data.defaults ?? {};
    (data.targets ?? []).forEach((override, i) => {
      const provenance = {
        confidence: override.confidence ?? defaults.confidence,
        source: override.source ?? defaults.source,
        rationale: override.rationale ?? defaults.rationale,
      };
      if (!override.citation && !defaults.citation) {
        add(`targets[${i}].citation`, 'a target needs a citation (its own, or defaults.citation)');
      }
      if (!provenance.confidence) {
        add(`targets[${i}].confidence`, 'a target needs a confidence (its own, or defaults.confidence)');
      }
      checkTarget(
        override.target,
        `targets[${i}].target`,
        { ...provenance, confidence: provenance.confidence ?? 'unknown' },
        null,
        add,
      );
    });
  }
  if (parsed.kind === 'edition' && parsed.data.requires?.level === parsed.data.level) {
    add('requires.level', `an edition cannot require its own level '${parsed.data.level}'`);
  }
  const categories = data.categories ?? {};
  ('regionRules' in data ? (data.regionRules ?? []) : []).forEach((rule, i) => {
    for (const [j, category] of rule.categories.entries()) {
      if (!Object.hasOwn(categories, category)) {
        add(`regionRules[${i}].categories[${j}]`, `category '${category}' is not declared in categories`);
      }
    }
  });
}

type AddIssue = (path: string, reason: string) => void;

function checkIndicatorContent(
  indicator: Indicator,
  path: string,
  measures: Edition['measures'],
  add: AddIssue,
): void {
  const test = indicator.test;
  if ('measure' in test) {
    const measure = measures[test.measure];
    if (!measure) {
      add(`${path}.test.measure`, `measure '${test.measure}' is not declared in measures`);
    } else {
      const isBoolean = measure.type === 'boolean';
      if (isBoolean && test.op !== '==' && test.op !== '!=') {
        add(`${path}.test.op`, `a yes/no measure can only be compared with == or !=, not ${test.op}`);
      }
      if (measure.type === 'enum' && !measure.multiple) {
        add(`${path}.test`, 'a single-choice enum measure needs a logic test');
      }
    }
    checkTarget(
      test.target,
      `${path}.test.target`,
      // A placeholder's value ("the criterion is met as a whole") is known; what it stands for is not.
      indicator.placeholder
        ? { ...indicator, confidence: 'assumed', rationale: indicator.rationale }
        : indicator,
      measure?.type === 'boolean' ? 'boolean' : 'number',
      add,
      measures,
    );
    if (indicator.placeholder && indicator.confidence !== 'unknown') {
      add(
        `${path}.confidence`,
        'a placeholder stands for indicators not yet known: its confidence is "unknown"',
      );
    }
  } else {
    checkExpression(test.logic, `${path}.test.logic`, measures, add);
  }
  if (indicator.applicableIf !== undefined) {
    checkExpression(indicator.applicableIf, `${path}.applicableIf`, measures, add);
  }
  if ('measure' in test) return;
  // A composite test has no target table: its provenance is the indicator's own.
  checkProvenance(
    { ...indicator, value: indicator.confidence === 'unknown' ? null : true },
    { confidence: indicator.confidence },
    path,
    add,
  );
}

interface Provenance {
  confidence?: Confidence | undefined;
  source?: string | undefined;
  rationale?: Rationale | undefined;
}

/**
 * The integrity rules of provenance, for one cell with what it inherits: a claim of an official or secondary
 * value names its source; an assumed or unknown value says why; only an assumed value may be a bound.
 */
function checkProvenance(
  cell: { value: unknown; bound?: unknown } & Provenance,
  inherited: Provenance,
  path: string,
  add: AddIssue,
): void {
  const confidence =
    cell.value === null ? (cell.confidence ?? 'unknown') : (cell.confidence ?? inherited.confidence);
  const source = cell.source ?? inherited.source;
  const rationale = cell.rationale ?? inherited.rationale;
  if (cell.value === null && cell.confidence !== undefined && cell.confidence !== 'unknown') {
    add(path, `an unknown target (null) has confidence "unknown", not "${cell.confidence}"`);
  }
  if (cell.value !== null && confidence === 'unknown') {
    add(
      path,
      'a target with a value cannot have confidence "unknown": use "assumed" and say why in rationale',
    );
  }
  if ((confidence === 'official' || confidence === 'secondary') && !source) {
    add(path, `a target of ${confidence} confidence needs the URL of the source that states it (source)`);
  }
  if ((confidence === 'assumed' || cell.value === null) && !rationale) {
    add(
      path,
      cell.value === null
        ? 'an unknown target (null) needs a rationale saying why'
        : 'an assumed target needs a rationale saying what it rests on',
    );
  }
  if (cell.bound && confidence !== 'assumed') {
    add(path, 'only an assumed target can be a bound ("bound": true)');
  }
}

function checkTarget(
  target: Target,
  path: string,
  provenance: Provenance,
  expected: 'boolean' | 'number' | null,
  add: AddIssue,
  measures?: Edition['measures'],
): void {
  const checkCell = (entry: unknown, cellPath: string) => {
    const isObject = !!entry && typeof entry === 'object';
    const cell = (isObject ? entry : { value: entry }) as { value: unknown; bound?: unknown } & Provenance;
    if (cell.value !== null && expected && typeof cell.value !== expected) {
      add(
        cellPath,
        `target ${JSON.stringify(cell.value)} is a ${typeof cell.value}, the measure needs a ${expected}`,
      );
    }
    checkProvenance(cell, provenance, cellPath, add);
  };
  const checkEntry = (entry: unknown, entryPath: string) => {
    if (isYearTable(entry)) {
      const ranges = Object.keys(entry.byYear)
        .map((key) => ({ key, ...parseYearKey(key) }))
        .sort((a, b) => a.from - b.from);
      for (let i = 1; i < ranges.length; i++) {
        const before = ranges[i - 1] as (typeof ranges)[number];
        const range = ranges[i] as (typeof ranges)[number];
        if (range.from <= before.to) {
          add(`${entryPath}.byYear.${range.key}`, `the years ${range.key} overlap ${before.key}`);
        }
      }
      for (const [year, cell] of Object.entries(entry.byYear)) checkCell(cell, `${entryPath}.byYear.${year}`);
    } else checkCell(entry, entryPath);
  };
  if (isDerived(target)) {
    checkExpression(target.logic, `${path}.logic`, measures ?? null, add);
    if (
      (provenance.confidence === 'official' || provenance.confidence === 'secondary') &&
      !provenance.source
    ) {
      add(
        path,
        `a target of ${provenance.confidence} confidence needs the URL of the source that states it (source)`,
      );
    }
  } else if (isRegionTable(target)) {
    for (const [region, entry] of Object.entries(target.byRegion))
      checkEntry(entry, `${path}.byRegion.${region}`);
    if (target.default !== undefined) checkEntry(target.default, `${path}.default`);
  } else if (isGroupTable(target)) {
    for (const [group, entry] of Object.entries(target.byGroup))
      checkEntry(entry, `${path}.byGroup.${group}`);
    if (target.default !== undefined) checkEntry(target.default, `${path}.default`);
  } else checkEntry(target, path);
}

function checkExpression(
  expression: unknown,
  path: string,
  measures: Edition['measures'] | null,
  add: AddIssue,
): void {
  try {
    const compiled = ruleLogic.compile(expression);
    if (compiled.dynamicVars) add(path, 'computed var paths are not allowed in rules: name the measure');
    if (measures) {
      for (const key of compiled.vars) {
        if (!Object.hasOwn(measures, key)) add(path, `var '${key}' is not a declared measure`);
      }
    }
  } catch (error) {
    if (!(error instanceof LogicError)) throw error;
    add(error.path ? `${path}.${error.path}` : path, error.reason);
  }
}
