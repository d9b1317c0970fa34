import type { z } from 'zod';
import { RulesetError, type RulesetIssue } from '../errors.js';
import { formatNumber, LogicCostError, LogicError } from '../logic/errors.js';
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

/**
 * Limits on the raw JSON of a ruleset file, checked before any schema work; and `maxExpressionSteps`, the
 * static step bounds of all the file's expressions added up (what evaluating one commune against the file
 * may cost at most; each expression on its own is also held to the logic engine's `maxSteps`).
 */
export const FILE_LIMITS = Object.freeze({
  maxDepth: 100,
  maxNodes: 500_000,
  maxArrayLength: 10_000,
  maxExpressionSteps: 10_000_000,
});

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
  const add: AddIssue = (path, reason, reasonVi) =>
    issues.push(reasonVi === undefined ? { file, path, reason } : { file, path, reason, reasonVi });
  const measures = data.measures;
  checkMeasureBounds(measures, add);
  const steps: FileSteps = { remaining: FILE_LIMITS.maxExpressionSteps, reported: false };
  const groups = new Set<string>();
  const groupList = 'groups' in data ? (data.groups ?? []) : [];
  groupList.forEach((group, i) => {
    if (groups.has(group.id))
      add(`groups[${i}].id`, `duplicate group id '${group.id}'`, `mã nhóm '${group.id}' bị lặp`);
    groups.add(group.id);
  });
  const criterionIds = new Set<string>();
  const indicatorIds = new Set<string>();
  const checkIndicator = (indicator: Indicator, path: string) => {
    if (indicatorIds.has(indicator.id))
      add(`${path}.id`, `duplicate indicator id '${indicator.id}'`, `mã chỉ tiêu '${indicator.id}' bị lặp`);
    indicatorIds.add(indicator.id);
    checkIndicatorContent(indicator, path, measures, add, steps);
  };
  const criteria = 'criteria' in data ? (data.criteria ?? []) : [];
  criteria.forEach((criterion, i) => {
    const path = `criteria[${i}]`;
    if (criterionIds.has(criterion.id))
      add(`${path}.id`, `duplicate criterion id '${criterion.id}'`, `mã tiêu chí '${criterion.id}' bị lặp`);
    criterionIds.add(criterion.id);
    if (parsed.kind === 'edition' && !groups.has(criterion.group)) {
      add(`${path}.group`, `unknown group '${criterion.group}'`, `không có nhóm '${criterion.group}'`);
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
        add(
          `targets[${i}].citation`,
          'a target needs a citation (its own, or defaults.citation)',
          'mức chỉ tiêu cần trích dẫn văn bản (citation, hoặc defaults.citation)',
        );
      }
      if (!provenance.confidence) {
        add(
          `targets[${i}].confidence`,
          'a target needs a confidence (its own, or defaults.confidence)',
          'mức chỉ tiêu cần ghi độ tin cậy (confidence, hoặc defaults.confidence)',
        );
      }
      checkTarget(
        override.target,
        `targets[${i}].target`,
        { ...provenance, confidence: provenance.confidence ?? 'unknown' },
        null,
        add,
        steps,
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
        add(
          `regionRules[${i}].categories[${j}]`,
          `category '${category}' is not declared in categories`,
          `loại xã '${category}' chưa được khai báo trong categories`,
        );
      }
    }
  });
}

type AddIssue = (path: string, reason: string, reasonVi?: string) => void;

/** What is left of the file's step budget (FILE_LIMITS.maxExpressionSteps), and whether it was exceeded. */
interface FileSteps {
  remaining: number;
  reported: boolean;
}

/**
 * Rule expressions are bounded on the assumption that a measure's list holds at most `dataArrayBound`
 * values of at most `dataStringBound` characters (see LogicLimits): measures that allow more are refused,
 * so that the assumption holds for every commune the engine accepts.
 */
function checkMeasureBounds(measures: Edition['measures'], add: AddIssue): void {
  const { dataArrayBound, dataStringBound } = ruleLogic.limits;
  for (const [key, measure] of Object.entries(measures ?? {})) {
    const values = measure.values ?? [];
    if (measure.multiple && values.length > dataArrayBound) {
      add(
        `measures.${key}.values`,
        `a multi-choice measure may have at most ${dataArrayBound} values (the cost of rule expressions is bounded with this length), found ${values.length}`,
        `số liệu nhiều lựa chọn chỉ được có tối đa ${dataArrayBound} giá trị (chi phí của biểu thức quy tắc được giới hạn theo độ dài này), ở đây có ${values.length}`,
      );
    }
    values.forEach((value, i) => {
      if (value.id.length > dataStringBound) {
        add(
          `measures.${key}.values[${i}].id`,
          `a value id may be at most ${dataStringBound} characters long, found ${value.id.length}`,
          `mã giá trị chỉ được dài tối đa ${dataStringBound} ký tự, ở đây dài ${value.id.length}`,
        );
      }
    });
  }
}

function checkIndicatorContent(
  indicator: Indicator,
  path: string,
  measures: Edition['measures'],
  add: AddIssue,
  steps: FileSteps,
): void {
  const test = indicator.test;
  if ('measure' in test) {
    const measure = measures[test.measure];
    if (!measure) {
      add(
        `${path}.test.measure`,
        `measure '${test.measure}' is not declared in measures`,
        `số liệu '${test.measure}' chưa được khai báo trong measures`,
      );
    } else {
      const isBoolean = measure.type === 'boolean';
      if (isBoolean && test.op !== '==' && test.op !== '!=') {
        add(
          `${path}.test.op`,
          `a yes/no measure can only be compared with == or !=, not ${test.op}`,
          `số liệu có/không chỉ so sánh được bằng == hoặc !=, không phải ${test.op}`,
        );
      }
      if (measure.type === 'enum' && !measure.multiple) {
        add(
          `${path}.test`,
          'a single-choice enum measure needs a logic test',
          'số liệu chọn một giá trị cần phép thử logic',
        );
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
      steps,
      measures,
    );
    if (indicator.placeholder && indicator.confidence !== 'unknown') {
      add(
        `${path}.confidence`,
        'a placeholder stands for indicators not yet known: its confidence is "unknown"',
        'chỉ tiêu tạm (placeholder) đứng thay các chỉ tiêu chưa biết: độ tin cậy của nó là "unknown"',
      );
    }
  } else {
    checkExpression(test.logic, `${path}.test.logic`, measures, add, steps);
  }
  if (indicator.applicableIf !== undefined) {
    checkExpression(indicator.applicableIf, `${path}.applicableIf`, measures, add, steps);
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
    add(
      path,
      `an unknown target (null) has confidence "unknown", not "${cell.confidence}"`,
      `mức chưa biết (null) có độ tin cậy "unknown", không phải "${cell.confidence}"`,
    );
  }
  if (cell.value !== null && confidence === 'unknown') {
    add(
      path,
      'a target with a value cannot have confidence "unknown": use "assumed" and say why in rationale',
      'mức đã có giá trị thì không thể có độ tin cậy "unknown": hãy dùng "assumed" và ghi lý do (rationale)',
    );
  }
  if ((confidence === 'official' || confidence === 'secondary') && !source) {
    add(
      path,
      `a target of ${confidence} confidence needs the URL of the source that states it (source)`,
      `mức có độ tin cậy "${confidence}" cần địa chỉ (URL) của nguồn ghi mức đó (source)`,
    );
  }
  if ((confidence === 'assumed' || cell.value === null) && !rationale) {
    add(
      path,
      cell.value === null
        ? 'an unknown target (null) needs a rationale saying why'
        : 'an assumed target needs a rationale saying what it rests on',
      cell.value === null
        ? 'mức chưa biết (null) cần ghi lý do (rationale)'
        : 'mức giả định cần ghi căn cứ của nó (rationale)',
    );
  }
  if (cell.bound && confidence !== 'assumed') {
    add(
      path,
      'only an assumed target can be a bound ("bound": true)',
      'chỉ mức giả định mới được đánh dấu là mức tối thiểu ("bound": true)',
    );
  }
}

function checkTarget(
  target: Target,
  path: string,
  provenance: Provenance,
  expected: 'boolean' | 'number' | null,
  add: AddIssue,
  steps: FileSteps,
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
          add(
            `${entryPath}.byYear.${range.key}`,
            `the years ${range.key} overlap ${before.key}`,
            `các năm ${range.key} trùng với ${before.key}`,
          );
        }
      }
      for (const [year, cell] of Object.entries(entry.byYear)) checkCell(cell, `${entryPath}.byYear.${year}`);
    } else checkCell(entry, entryPath);
  };
  if (isDerived(target)) {
    checkExpression(target.logic, `${path}.logic`, measures ?? null, add, steps);
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
  steps: FileSteps,
): void {
  const limit = ruleLogic.limits.maxSteps;
  const at = (error: LogicError) => (error.path ? `${path}.${error.path}` : path);
  try {
    // Held to what is left of the file's budget too, so that analysing a hostile file stays bounded.
    const compiled = ruleLogic.compile(expression, {
      maxSteps: Math.min(limit, Math.max(steps.remaining, 0)),
    });
    steps.remaining -= compiled.stepBound;
    if (compiled.dynamicVars) {
      add(
        path,
        'computed var paths are not allowed in rules: name the measure',
        'quy tắc không được dùng đường dẫn var tính toán: hãy ghi rõ tên số liệu',
      );
    }
    if (measures) {
      for (const key of compiled.vars) {
        if (!Object.hasOwn(measures, key)) {
          add(
            path,
            `var '${key}' is not a declared measure`,
            `var '${key}' không phải số liệu đã khai báo trong measures`,
          );
        }
      }
    }
  } catch (error) {
    if (!(error instanceof LogicError)) throw error;
    if (error instanceof LogicCostError && error.measure === 'steps' && error.limit < limit) {
      // Over what is left of the file's budget: reported once, at the expression that crosses it (with its
      // own error if it is too costly on its own); the file is refused either way.
      if (steps.reported) return;
      steps.reported = true;
      let own: number;
      try {
        own = ruleLogic.compile(expression).stepBound;
      } catch (ownError) {
        if (!(ownError instanceof LogicError)) throw ownError;
        add(at(ownError), ownError.reason, ownError.reasonVi);
        return;
      }
      const total = FILE_LIMITS.maxExpressionSteps;
      add(
        path,
        `with the expressions before it, the expressions of this file may need more than ${formatNumber(total, 'en')} steps to evaluate one commune (this one: up to ${formatNumber(own, 'en')})`,
        `cộng với các biểu thức đứng trước, các biểu thức của tệp này có thể cần hơn ${formatNumber(total, 'vi')} bước tính cho mỗi xã (biểu thức này: tới ${formatNumber(own, 'vi')})`,
      );
      return;
    }
    add(at(error), error.reason, error.reasonVi);
  }
}
