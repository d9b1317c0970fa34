import { LogicBudget, spend, spendOnContent } from './budget.js';
import {
  asList,
  BOOLEAN,
  charSteps,
  contentSteps,
  type DataShapes,
  dataShapes,
  elementOf,
  join,
  joinAll,
  listOf,
  literal,
  merged,
  readAnyShape,
  readShape,
  repeated,
  SCALAR,
  type Scope,
  type Shape,
  sameShape,
  scalar,
} from './cost.js';
import { LogicBudgetError, LogicCostError, LogicError } from './errors.js';
import { truthy } from './truthy.js';

/**
 * A compiled expression: plain closures, no interpretation at run time. `context` is passed to custom
 * operators; `budget` bounds the steps of this call (a fresh one of `limits.maxRuntimeSteps` when omitted).
 */
export type Evaluator = (data: unknown, context?: unknown, budget?: LogicBudget) => unknown;

export interface CompiledExpression extends Evaluator {
  /**
   * Literal `var` and `missing` paths the expression reads from the data (static analysis; `""` is the whole
   * data). Paths inside the body of `map`, `filter`, `reduce`, `all`, `some` and `none` read the element
   * (or `current` and `accumulator`), not the data, and are not listed.
   */
  readonly vars: readonly string[];
  /** True when some path read from the data is computed at run time, so `vars` may be incomplete. */
  readonly dynamicVars: boolean;
  /**
   * Upper bound of the steps one evaluation takes (see {@link LogicLimits.maxSteps}), for data within
   * `dataArrayBound` and `dataStringBound`. At most the `maxSteps` it was compiled with.
   */
  readonly stepBound: number;
  /** True when the expression uses the operator `name`. */
  usesOperator(name: string): boolean;
}

/** A reason in English, or in English and Vietnamese. */
export type Reason = string | { en: string; vi: string };

/** A custom operator: receives its arguments already evaluated, plus the caller's context. */
export interface OperatorDefinition {
  evaluate(args: unknown[], context: unknown): unknown;
  /** Compile-time check of the raw arguments; return a reason to refuse the expression. */
  check?(args: readonly unknown[]): Reason | undefined;
}

export interface LogicLimits {
  /** Deepest nesting of operators and arrays. */
  maxDepth: number;
  /** Most nodes (operators, literals, array elements) in one expression. */
  maxNodes: number;
  /** Longest array literal. */
  maxArrayLength: number;
  /** Longest string literal, in UTF-16 code units. */
  maxStringLength: number;
  /**
   * Most steps one evaluation may take, by the compiler's static upper bound: an expression whose bound is
   * larger is refused when compiled. A step is one operation (each node of the expression, once per element
   * for the body of `map`, `filter`, `reduce`, `all`, `some`, `none`), one array element read or built, or
   * 16 characters read or built. The bound multiplies through nested iterations and follows the sizes of the
   * lists and texts the expression can build.
   */
  maxSteps: number;
  /**
   * Largest value an operator may build, by the static bound: elements (at every depth) of a list built by
   * `map`, `filter`, `merge` or an array with computed elements; characters of a text built by `cat`.
   */
  maxBuiltSize: number;
  /** Steps one call may take at run time when the caller passes no budget (the second line of defence). */
  maxRuntimeSteps: number;
  /**
   * Longest list the static bound assumes a `var` of the data can return (its elements are assumed to be
   * scalars or strings). Rules can only read measures: the ruleset loader refuses multi-choice measures with
   * more allowed values. Longer data lists are still bounded at run time by the step budget.
   */
  dataArrayBound: number;
  /** Longest string, in UTF-16 code units, the static bound assumes the data holds (see `dataArrayBound`). */
  dataStringBound: number;
}

/**
 * The defaults. The worst expression they accept (about a million steps) evaluates in tens of
 * milliseconds; the rules bundled with the package need at most a few thousand steps per expression.
 */
export const DEFAULT_LIMITS: Readonly<LogicLimits> = Object.freeze({
  maxDepth: 64,
  maxNodes: 10_000,
  maxArrayLength: 1_000,
  maxStringLength: 10_000,
  maxSteps: 1_000_000,
  maxBuiltSize: 100_000,
  maxRuntimeSteps: 10_000_000,
  dataArrayBound: 100,
  dataStringBound: 100,
});

/** Options of one {@link LogicEngine.compile} call. */
export interface CompileOptions {
  /** A lower step limit for this expression (e.g. what is left of a file's budget). */
  maxSteps?: number;
}

/** Operators of the JsonLogic spec that are refused on purpose, with the reason given to rule authors. */
export const REFUSED_OPERATORS: Readonly<Record<string, string>> = Object.freeze({
  log: "operator 'log' is not allowed: rules must not write to the console",
  method: "operator 'method' is not allowed: rules must not call methods of the data",
});

const REFUSED_OPERATORS_VI: Readonly<Record<string, string>> = {
  log: "không được dùng toán tử 'log': quy tắc không được ghi ra console",
  method: "không được dùng toán tử 'method': quy tắc không được gọi phương thức của dữ liệu",
};

/** Path segments that `var` never follows, so rules cannot reach an object's prototype. */
const FORBIDDEN_SEGMENTS = new Set(['__proto__', 'constructor', 'prototype']);

const hasOwn = Object.prototype.hasOwnProperty;

/** Reads one own property; returns undefined for anything inherited or forbidden. */
function ownProperty(container: unknown, key: string): unknown {
  if (container === null || container === undefined) return undefined;
  const kind = typeof container;
  if (kind !== 'object' && kind !== 'string') return undefined;
  if (FORBIDDEN_SEGMENTS.has(key)) return undefined;
  return hasOwn.call(container, key) ? (container as Record<string, unknown>)[key] : undefined;
}

/** `var` semantics of the JsonLogic spec, restricted to own properties. */
function readPath(data: unknown, segments: readonly string[], notFound: unknown): unknown {
  let current = data;
  for (const segment of segments) {
    if (current === null || current === undefined) return notFound;
    current = ownProperty(current, segment);
    if (current === undefined) return notFound;
  }
  return current;
}

function splitPath(path: unknown): string[] | null {
  if (path === undefined || path === null || path === '') return null;
  return String(path).split('.');
}

function readVar(data: unknown, path: unknown, notFound: unknown): unknown {
  const segments = splitPath(path);
  return segments === null ? data : readPath(data, segments, notFound);
}

type Eager = (args: unknown[]) => unknown;

// The standard operators, with json-logic-js 2.0.5's semantics (the reference implementation).
const STANDARD: Record<string, Eager> = {
  // biome-ignore lint/suspicious/noDoubleEquals: JsonLogic's == is JavaScript's loose equality
  '==': (a) => a[0] == a[1],
  '===': (a) => a[0] === a[1],
  // biome-ignore lint/suspicious/noDoubleEquals: as above
  '!=': (a) => a[0] != a[1],
  '!==': (a) => a[0] !== a[1],
  // biome-ignore lint/suspicious/noExplicitAny: JsonLogic compares with JavaScript's own coercions
  '>': (a) => (a[0] as any) > (a[1] as any),
  // biome-ignore lint/suspicious/noExplicitAny: as above
  '>=': (a) => (a[0] as any) >= (a[1] as any),
  // biome-ignore lint/suspicious/noExplicitAny: as above
  '<': ([x, y, z]: any[]) => (z === undefined ? x < y : x < y && y < z),
  // biome-ignore lint/suspicious/noExplicitAny: as above
  '<=': ([x, y, z]: any[]) => (z === undefined ? x <= y : x <= y && y <= z),
  '!!': (a) => truthy(a[0]),
  '!': (a) => !truthy(a[0]),
  '%': (a) => (a[0] as number) % (a[1] as number),
  // Only strings and arrays have indexOf in JSON; an empty string is "nothing to search", as in json-logic-js.
  in: ([needle, haystack]) =>
    (typeof haystack === 'string' && haystack !== '') || Array.isArray(haystack)
      ? (haystack as string).indexOf(needle as string) !== -1
      : false,
  cat: (a) => a.join(''),
  substr: ([source, start, end]) => {
    const text = String(source);
    if ((end as number) < 0) {
      const rest = text.substr(start as number);
      return rest.substr(0, rest.length + (end as number));
    }
    return text.substr(start as number, end as number);
  },
  '+': (a) =>
    a.reduce((x: number, y) => Number.parseFloat(x as unknown as string) + Number.parseFloat(y as string), 0),
  '*': (a) => a.reduce((x, y) => Number.parseFloat(x as string) * Number.parseFloat(y as string)),
  '-': ([x, y]) => (y === undefined ? -(x as number) : (x as number) - (y as number)),
  '/': ([x, y]) => (x as number) / (y as number),
  min: (a) => Math.min(...(a as number[])),
  max: (a) => Math.max(...(a as number[])),
  merge: (a) => a.reduce((x: unknown[], y) => x.concat(y), []),
};

const SPECIAL_FORMS = new Set([
  'var',
  'missing',
  'missing_some',
  'if',
  '?:',
  'and',
  'or',
  'filter',
  'map',
  'reduce',
  'all',
  'none',
  'some',
]);

/** Names of the operators every engine supports (the JsonLogic spec minus `log` and `method`). */
export const STANDARD_OPERATORS: readonly string[] = Object.freeze(
  [...SPECIAL_FORMS, ...Object.keys(STANDARD)].sort(),
);

const MIN_ARGS: Record<string, number> = { '*': 1, substr: 1, missing_some: 2 };

/** Standard operators that only test the truthiness of their argument: they never read its content. */
const TRUTHY_ONLY = new Set(['!', '!!']);
const BOOLEAN_RESULT = new Set(['==', '===', '!=', '!==', '>', '>=', '<', '<=', '!', '!!', 'in']);

function child(path: string, segment: string | number): string {
  if (typeof segment === 'number') return `${path}[${segment}]`;
  return path ? `${path}.${segment}` : segment;
}

type Run = (data: unknown, context: unknown, budget: LogicBudget) => unknown;

interface Outcome {
  readonly shape: Shape;
  /** Steps beyond one pass over the nodes (iterations, content read, values built). */
  readonly steps: number;
}

/** The static bound of a node, given what `var` reads where it is evaluated. */
type Analyse = (scope: Scope) => Outcome;

/** One compiled node: its closure, and its cost. */
interface Node {
  readonly run: Run;
  readonly analyse: Analyse;
  /** A literal, or an array of literals. */
  readonly constant: boolean;
  /** Its bound depends on what `var` reads in its scope (else it is computed once). */
  readonly readsScope: boolean;
}

const NULL_OUTCOME: Outcome = { shape: SCALAR, steps: 0 };
const ABSENT: Node = { run: () => undefined, analyse: () => NULL_OUTCOME, constant: true, readsScope: false };
const DATA_SCOPE: Scope = { kind: 'data' };

function node(run: Run, analyse: Analyse, readsScope: boolean, constant = false): Node {
  if (readsScope) return { run, analyse, constant, readsScope };
  let cached: Outcome | null = null;
  return { run, analyse: (scope) => (cached ??= analyse(scope)), constant, readsScope };
}

interface CompileState {
  operators: Set<string>;
  nodes: number;
  /** Steps of one pass over the nodes compiled so far: what a call charges on entry. */
  cost: number;
  vars: Set<string>;
  dynamicVars: boolean;
  /** How many iteration bodies enclose the node being compiled (0: `var` reads the data). */
  bodies: number;
  /** `cost` of the whole expression, known once every node is compiled (the analysis runs after). */
  entry: number;
  maxSteps: number;
}

function reasonOf(reason: Reason): [string, string] {
  return typeof reason === 'string' ? [reason, reason] : [reason.en, reason.vi];
}

/**
 * A JSON-logic engine with its own operator registry. Expressions are validated against an allow-list, size
 * limits and a static bound of their cost, then compiled once into closures that count their steps against a
 * budget. Nothing here touches process-wide state.
 */
export class LogicEngine {
  readonly limits: Readonly<LogicLimits>;
  readonly #custom = new Map<string, OperatorDefinition>();
  readonly #data: DataShapes;

  constructor(
    options: { operators?: Record<string, OperatorDefinition>; limits?: Partial<LogicLimits> } = {},
  ) {
    this.limits = Object.freeze({ ...DEFAULT_LIMITS, ...options.limits });
    this.#data = dataShapes(this.limits.dataArrayBound, this.limits.dataStringBound);
    for (const [name, definition] of Object.entries(options.operators ?? {}))
      this.addOperator(name, definition);
  }

  /** Adds an operator to this engine only. Standard and refused operators cannot be replaced. */
  addOperator(name: string, definition: OperatorDefinition): void {
    if (!/^[A-Za-z_][A-Za-z0-9_-]*$/.test(name))
      throw new LogicError('', `invalid operator name '${name}'`, `tên toán tử '${name}' không hợp lệ`);
    if (SPECIAL_FORMS.has(name) || hasOwn.call(STANDARD, name) || hasOwn.call(REFUSED_OPERATORS, name)) {
      throw new LogicError(
        '',
        `operator '${name}' is built in and cannot be redefined`,
        `toán tử '${name}' có sẵn, không định nghĩa lại được`,
      );
    }
    this.#custom.set(name, definition);
  }

  /** The operators this engine accepts. */
  operators(): string[] {
    return [...STANDARD_OPERATORS, ...this.#custom.keys()].sort();
  }

  /**
   * Validates and compiles an expression; throws {@link LogicError} naming the path and the reason
   * ({@link LogicCostError} when its static cost bound exceeds the limits).
   */
  compile(expression: unknown, options: CompileOptions = {}): CompiledExpression {
    const state: CompileState = {
      operators: new Set(),
      nodes: 0,
      cost: 0,
      vars: new Set(),
      dynamicVars: false,
      bodies: 0,
      entry: 0,
      maxSteps: options.maxSteps ?? this.limits.maxSteps,
    };
    const root = this.#compile(expression, '', 0, state);
    state.entry = state.cost;
    const stepBound = state.entry + root.analyse(DATA_SCOPE).steps;
    if (stepBound > state.maxSteps) {
      throw new LogicCostError('', '', 'steps', stepBound, state.maxSteps, true);
    }
    const entry = state.entry;
    const run = root.run;
    const maxRuntimeSteps = this.limits.maxRuntimeSteps;
    const compiled = ((data: unknown, context?: unknown, budget?: LogicBudget) => {
      // Anything but a budget (e.g. an index, when the function is passed to Array.prototype.map) is ignored.
      // (The class test first: it is much cheaper than instanceof.)
      const steps =
        budget !== undefined &&
        budget !== null &&
        (budget.constructor === LogicBudget || budget instanceof LogicBudget)
          ? budget
          : new LogicBudget(maxRuntimeSteps);
      steps.remaining -= entry;
      if (steps.remaining < 0) throw new LogicBudgetError('', steps.limit);
      try {
        return run(data, context, steps);
      } catch (error) {
        if (error instanceof LogicError) throw error;
        const message = (error as Error).message;
        throw new LogicError('', `evaluation failed: ${message}`, `lỗi khi tính biểu thức: ${message}`);
      }
    }) as Evaluator & {
      vars: readonly string[];
      dynamicVars: boolean;
      stepBound: number;
      usesOperator(name: string): boolean;
    };
    compiled.vars = Object.freeze([...state.vars]);
    compiled.dynamicVars = state.dynamicVars;
    compiled.stepBound = stepBound;
    compiled.usesOperator = (name: string) => state.operators.has(name);
    return compiled;
  }

  #checkSteps(steps: number, path: string, operator: string, state: CompileState): void {
    const bound = state.entry + steps;
    if (bound > state.maxSteps)
      throw new LogicCostError(path, operator, 'steps', bound, state.maxSteps, true);
  }

  #checkBuilt(size: number, measure: 'elements' | 'characters', path: string, operator: string): void {
    const limit = this.limits.maxBuiltSize;
    if (size > limit) throw new LogicCostError(path, operator, measure, size, limit, true);
  }

  #compile(value: unknown, path: string, depth: number, state: CompileState): Node {
    const limits = this.limits;
    if (++state.nodes > limits.maxNodes) {
      throw new LogicError(
        path,
        `expression has more than ${limits.maxNodes} nodes`,
        `biểu thức có hơn ${limits.maxNodes} nút`,
      );
    }
    state.cost++;
    if (depth > limits.maxDepth) {
      throw new LogicError(
        path,
        `expression is nested deeper than ${limits.maxDepth} levels`,
        `biểu thức lồng sâu hơn ${limits.maxDepth} cấp`,
      );
    }
    const kind = typeof value;
    if (value === null || kind === 'number' || kind === 'boolean' || kind === 'string') {
      if (kind === 'number' && !Number.isFinite(value))
        throw new LogicError(path, 'numbers must be finite', 'số phải là số hữu hạn');
      if (kind === 'string' && (value as string).length > limits.maxStringLength) {
        throw new LogicError(
          path,
          `string longer than ${limits.maxStringLength} characters`,
          `chuỗi dài hơn ${limits.maxStringLength} ký tự`,
        );
      }
      const outcome: Outcome = { shape: literal(value as string | number | boolean | null), steps: 0 };
      return { run: () => value, analyse: () => outcome, constant: true, readsScope: false };
    }
    if (Array.isArray(value)) {
      if (value.length > limits.maxArrayLength) {
        throw new LogicError(
          path,
          `array longer than ${limits.maxArrayLength} elements`,
          `mảng dài hơn ${limits.maxArrayLength} phần tử`,
        );
      }
      const items = value.map((item, index) => this.#compile(item, child(path, index), depth + 1, state));
      const runs = items.map((item) => item.run);
      const constant = items.every((item) => item.constant);
      return node(
        (data, context, budget) => runs.map((item) => item(data, context, budget)),
        (scope) => {
          let steps = 0;
          const shapes = items.map((item) => {
            const outcome = item.analyse(scope);
            steps += outcome.steps;
            return outcome.shape;
          });
          const shape = listOf(shapes);
          // A literal list is as large as the file says; one with computed elements may grow.
          if (!constant) this.#checkBuilt(shape.elements, 'elements', path, '[]');
          return { shape, steps };
        },
        items.some((item) => item.readsScope),
        constant,
      );
    }
    if (kind !== 'object') {
      throw new LogicError(path, `a ${kind} is not JSON`, `giá trị kiểu ${kind} không phải JSON`);
    }
    const proto = Object.getPrototypeOf(value);
    if (proto !== Object.prototype && proto !== null)
      throw new LogicError(path, 'only plain JSON objects are allowed', 'chỉ chấp nhận đối tượng JSON thuần');
    const keys = Object.keys(value as object);
    if (keys.length !== 1) {
      throw new LogicError(
        path,
        `an operation must have exactly one key (the operator), found ${keys.length}`,
        `mỗi phép toán phải có đúng một khóa (tên toán tử), ở đây có ${keys.length}`,
      );
    }
    const operator = keys[0] as string;
    const raw = (value as Record<string, unknown>)[operator];
    const args = Array.isArray(raw) ? raw : [raw];
    const here = child(path, operator);
    state.operators.add(operator);
    if (args.length > limits.maxArrayLength) {
      throw new LogicError(
        here,
        `more than ${limits.maxArrayLength} arguments`,
        `hơn ${limits.maxArrayLength} đối số`,
      );
    }
    if (hasOwn.call(REFUSED_OPERATORS, operator)) {
      throw new LogicError(
        here,
        REFUSED_OPERATORS[operator] as string,
        REFUSED_OPERATORS_VI[operator] as string,
      );
    }
    if ((MIN_ARGS[operator] ?? 0) > args.length) {
      throw new LogicError(
        here,
        `operator '${operator}' needs at least ${MIN_ARGS[operator]} argument(s)`,
        `toán tử '${operator}' cần ít nhất ${MIN_ARGS[operator]} đối số`,
      );
    }
    const argPath = (index: number) => (Array.isArray(raw) ? child(here, index) : here);
    const sub = (index: number): Node =>
      index < args.length ? this.#compile(args[index], argPath(index), depth + 1, state) : ABSENT;

    if (SPECIAL_FORMS.has(operator)) return this.#special(operator, args, sub, argPath, here, state);

    const custom = this.#custom.get(operator);
    if (custom) {
      const reason = custom.check?.(args);
      if (reason) throw new LogicError(here, ...reasonOf(reason));
      const nodes = args.map((_, index) => sub(index));
      const runs = nodes.map((item) => item.run);
      const result = this.#data.field; // assumed: a custom operator returns a value like the data's
      return node(
        (data, context, budget) => {
          const values = runs.map((arg) => arg(data, context, budget));
          try {
            return custom.evaluate(values, context);
          } catch (error) {
            // An error from an expression the operator evaluated (e.g. another tier's target): report it here.
            if (error instanceof LogicBudgetError) throw new LogicBudgetError(here, error.limit);
            if (error instanceof LogicError) throw new LogicError(here, error.reason, error.reasonVi);
            throw error;
          }
        },
        (scope) => {
          let steps = 0;
          for (const item of nodes) steps += item.analyse(scope).steps;
          this.#checkSteps(steps, here, operator, state);
          return { shape: result, steps };
        },
        nodes.some((item) => item.readsScope),
      );
    }
    const eager = hasOwn.call(STANDARD, operator) ? STANDARD[operator] : undefined;
    if (!eager) {
      throw new LogicError(here, `unknown operator '${operator}'`, `toán tử '${operator}' không được hỗ trợ`);
    }
    const nodes = args.map((_, index) => sub(index));
    return node(
      eagerRun(operator, eager, nodes, here),
      (scope) => {
        let steps = 0;
        const shapes = nodes.map((item) => {
          const outcome = item.analyse(scope);
          steps += outcome.steps;
          return outcome.shape;
        });
        let shape: Shape;
        if (operator === 'merge') {
          shape = merged(shapes);
          for (const arg of shapes) steps += arg.length + 1;
          this.#checkBuilt(shape.elements, 'elements', here, operator);
        } else if (operator === 'cat' || operator === 'substr') {
          let chars = 0;
          for (const arg of shapes) {
            steps += contentSteps(arg);
            chars += arg.chars;
          }
          if (operator === 'substr') chars = (shapes[0] as Shape).chars;
          else this.#checkBuilt(chars, 'characters', here, operator);
          steps += charSteps(chars);
          shape = scalar(chars);
        } else {
          if (!TRUTHY_ONLY.has(operator)) for (const arg of shapes) steps += contentSteps(arg);
          // `*` of one argument returns that argument unchanged (JavaScript's reduce without a start).
          shape = BOOLEAN_RESULT.has(operator)
            ? BOOLEAN
            : operator === '*' && shapes.length === 1
              ? join(shapes[0] as Shape, SCALAR)
              : SCALAR;
        }
        this.#checkSteps(steps, here, operator, state);
        return { shape, steps };
      },
      nodes.some((item) => item.readsScope),
    );
  }

  #special(
    operator: string,
    args: unknown[],
    sub: (index: number) => Node,
    argPath: (index: number) => string,
    here: string,
    state: CompileState,
  ): Node {
    const data = this.#data;
    switch (operator) {
      case 'var': {
        const fallbackNode = args.length > 1 ? sub(1) : null;
        const fallback: Run = fallbackNode ? fallbackNode.run : () => null;
        const withFallback = (scope: Scope, found: Shape): Outcome => {
          if (!fallbackNode) return { shape: join(found, SCALAR), steps: 0 };
          const outcome = fallbackNode.analyse(scope);
          return { shape: joinAll([found, outcome.shape], SCALAR), steps: outcome.steps };
        };
        const target = args[0];
        if (target === undefined || target === null || typeof target !== 'object') {
          state.nodes++;
          const segments = splitPath(target);
          if (segments === null) {
            if (state.bodies === 0) state.vars.add('');
            return node(
              (data) => data,
              (scope) => ({ shape: readShape(scope, null, data), steps: 0 }),
              true,
            );
          }
          const bad = segments.find((segment) => FORBIDDEN_SEGMENTS.has(segment));
          if (bad)
            throw new LogicError(argPath(0), `'var' may not read '${bad}'`, `'var' không được đọc '${bad}'`);
          if (state.bodies === 0) state.vars.add(segments.join('.'));
          state.cost += segments.length; // one step per property read
          const analyse = (scope: Scope) => withFallback(scope, readShape(scope, segments, data));
          if (segments.length === 1) {
            const key = segments[0] as string;
            return node(
              (data, context, budget) => {
                const value = ownProperty(data, key);
                return value === undefined ? (fallback(data, context, budget) ?? null) : value;
              },
              analyse,
              true,
            );
          }
          return node(
            (data, context, budget) => {
              const value = readPath(data, segments, undefined);
              return value === undefined ? (fallback(data, context, budget) ?? null) : value;
            },
            analyse,
            true,
          );
        }
        if (state.bodies === 0) state.dynamicVars = true;
        const computed = sub(0);
        const computedRun = computed.run;
        return node(
          (data, context, budget) => {
            const path = computedRun(data, context, budget);
            spendOnContent(budget, path, here);
            const value = readVar(data, path, undefined);
            return value === undefined ? (fallback(data, context, budget) ?? null) : value;
          },
          (scope) => {
            const path = computed.analyse(scope);
            const outcome = withFallback(scope, readAnyShape(scope, data));
            const steps = path.steps + contentSteps(path.shape) + outcome.steps;
            this.#checkSteps(steps, here, operator, state);
            return { shape: outcome.shape, steps };
          },
          true,
        );
      }
      case 'missing': {
        const nodes = args.map((_, index) => sub(index));
        const runs = nodes.map((item) => item.run);
        this.#noteMissingVars(args, state);
        return node(
          (data, context, budget) => {
            const values = runs.map((arg) => arg(data, context, budget));
            const keys = Array.isArray(values[0]) ? (values[0] as unknown[]) : values;
            spendOnContent(budget, keys, here);
            return missingKeys(data, keys);
          },
          (scope) => {
            let steps = 0;
            const shapes = nodes.map((item) => {
              const outcome = item.analyse(scope);
              steps += outcome.steps;
              return outcome.shape;
            });
            const keys = shapes.length > 0 ? join(asList(shapes[0] as Shape), listOf(shapes)) : listOf([]);
            steps += contentSteps(keys);
            this.#checkSteps(steps, here, operator, state);
            return { shape: asList(keys), steps };
          },
          nodes.some((item) => item.readsScope),
        );
      }
      case 'missing_some': {
        const need = sub(0);
        const options = sub(1);
        const needRun = need.run;
        const optionsRun = options.run;
        if (Array.isArray(args[1])) this.#noteMissingVars(args[1], state);
        else if (state.bodies === 0) state.dynamicVars = true;
        return node(
          (data, context, budget) => {
            const keys = optionsRun(data, context, budget);
            const list = Array.isArray(keys) ? keys : [keys];
            spendOnContent(budget, list, here);
            const missing = missingKeys(data, list);
            const wanted = needRun(data, context, budget);
            spendOnContent(budget, wanted, here);
            return list.length - missing.length >= (wanted as number) ? [] : missing;
          },
          (scope) => {
            const wanted = need.analyse(scope);
            const keys = options.analyse(scope);
            const list = join(asList(keys.shape), listOf([keys.shape]));
            const steps = wanted.steps + keys.steps + contentSteps(list) + contentSteps(wanted.shape);
            this.#checkSteps(steps, here, operator, state);
            return { shape: asList(list), steps };
          },
          need.readsScope || options.readsScope,
        );
      }
      case 'if':
      case '?:':
      case 'and':
      case 'or': {
        const nodes = args.map((_, index) => sub(index));
        const runs = nodes.map((item) => item.run);
        return node(
          operator === 'and' || operator === 'or' ? logicalRun(operator, runs) : conditionalRun(runs),
          (scope) => {
            // Any operand may be the result (conditions too, for `and`/`or`): join them all, and null.
            let steps = 0;
            let shape = SCALAR;
            for (const item of nodes) {
              const outcome = item.analyse(scope);
              steps += outcome.steps;
              shape = join(shape, outcome.shape);
            }
            this.#checkSteps(steps, here, operator, state);
            return { shape, steps };
          },
          nodes.some((item) => item.readsScope),
        );
      }
      default:
        return this.#scoped(operator, args, sub, here, state);
    }
  }

  /** filter, map, reduce, all, none, some: the second argument runs once per element of the first. */
  #scoped(
    operator: string,
    args: unknown[],
    sub: (index: number) => Node,
    here: string,
    state: CompileState,
  ): Node {
    const source = sub(0);
    const before = state.cost;
    state.bodies++;
    const body = sub(1);
    state.bodies--;
    // Charged per element before the loop runs: one pass over the body's nodes, and the element itself.
    const perItem = state.cost - before + 1;
    const initial = args.length > 2 ? sub(2) : null;
    const run = scopedRun(operator, source.run, body.run, initial ? initial.run : null, perItem, here);
    const readsScope = source.readsScope || (initial?.readsScope ?? false);
    if (operator === 'reduce') {
      return node(
        run,
        (scope) => {
          const list = source.analyse(scope);
          const start = initial ? initial.analyse(scope) : NULL_OUTCOME;
          let steps = list.steps + start.steps;
          let accumulator = start.shape;
          const count = list.shape.length;
          const current = elementOf(list.shape);
          // The accumulator may grow at each step (a list merged with itself doubles): follow it step by
          // step until it stops changing, then every remaining step costs the same. Each step followed
          // costs at least two steps of the bound, so the analysis stops within maxSteps / 2 of them.
          for (let step = 1; step <= count; step++) {
            const outcome = body.analyse({ kind: 'reduce', current, accumulator });
            const perStep = perItem + outcome.steps;
            steps += perStep;
            const next = join(accumulator, outcome.shape);
            if (sameShape(next, accumulator)) {
              steps += (count - step) * perStep;
              break;
            }
            accumulator = next;
            if (step < count && state.entry + steps > state.maxSteps) {
              const estimate = state.entry + steps + (count - step) * perStep;
              throw new LogicCostError(here, operator, 'steps', estimate, state.maxSteps, false);
            }
          }
          this.#checkSteps(steps, here, operator, state);
          return { shape: accumulator, steps };
        },
        readsScope,
      );
    }
    return node(
      run,
      (scope) => {
        const list = source.analyse(scope);
        const count = list.shape.length;
        let steps = list.steps;
        let result: Shape = operator === 'map' || operator === 'filter' ? listOf([]) : BOOLEAN;
        if (count > 0) {
          const outcome = body.analyse({ kind: 'element', element: elementOf(list.shape) });
          steps += count * (perItem + outcome.steps);
          this.#checkSteps(steps, here, operator, state);
          if (operator === 'map') {
            result = repeated(count, outcome.shape);
            this.#checkBuilt(result.elements, 'elements', here, operator);
          } else if (operator === 'filter') result = asList(list.shape);
        }
        return { shape: result, steps };
      },
      readsScope,
    );
  }

  #noteMissingVars(args: unknown[], state: CompileState): void {
    if (state.bodies > 0) return; // `missing` in a body looks into the element
    const keys = args.length === 1 && Array.isArray(args[0]) ? args[0] : args;
    for (const key of keys) {
      if (typeof key === 'string' || typeof key === 'number') {
        const segments = String(key).split('.');
        if (segments.some((segment) => FORBIDDEN_SEGMENTS.has(segment))) continue;
        state.vars.add(String(key));
      } else state.dynamicVars = true;
    }
  }
}

function missingKeys(data: unknown, keys: readonly unknown[]): unknown[] {
  const missing: unknown[] = [];
  for (const key of keys) {
    const value = readVar(data, key, null);
    if (value === null || value === '') missing.push(key);
  }
  return missing;
}

/**
 * The closure of a standard operator, charging for what it reads and builds. Constant arguments are not
 * charged at run time: their cost is exact in the static bound, and the budget guards against data.
 */
function eagerRun(operator: string, eager: Eager, nodes: readonly Node[], here: string): Run {
  const args = nodes.map((item) => item.run);
  const charged = nodes.map((item) => !item.constant);
  if (operator === 'merge') {
    return (data, context, budget) => {
      const values = args.map((arg) => arg(data, context, budget));
      let length = 0;
      for (const value of values) length += Array.isArray(value) ? value.length : 1;
      spend(budget, length, here);
      return eager(values);
    };
  }
  if (operator === 'cat' || operator === 'substr') {
    return (data, context, budget) => {
      const values = args.map((arg) => arg(data, context, budget));
      for (let i = 0; i < values.length; i++) if (charged[i]) spendOnContent(budget, values[i], here);
      const text = eager(values) as string;
      spendOnContent(budget, text, here);
      return text;
    };
  }
  if (TRUTHY_ONLY.has(operator) || !charged.includes(true)) {
    if (args.length === 2) {
      const [a, b] = args as [Run, Run];
      return (data, context, budget) => eager([a(data, context, budget), b(data, context, budget)]);
    }
    return (data, context, budget) => eager(args.map((arg) => arg(data, context, budget)));
  }
  if (args.length === 1) {
    const [a] = args as [Run];
    return (data, context, budget) => {
      const x = a(data, context, budget);
      spendOnContent(budget, x, here);
      return eager([x]);
    };
  }
  if (args.length === 2) {
    const [a, b] = args as [Run, Run];
    const [chargeA, chargeB] = charged as [boolean, boolean];
    return (data, context, budget) => {
      const x = a(data, context, budget);
      const y = b(data, context, budget);
      // Numbers and booleans, the common case, cost nothing to read: no call for them.
      if (chargeA && typeof x !== 'number' && typeof x !== 'boolean') spendOnContent(budget, x, here);
      if (chargeB && typeof y !== 'number' && typeof y !== 'boolean') spendOnContent(budget, y, here);
      return eager([x, y]);
    };
  }
  return (data, context, budget) => {
    const values = args.map((arg) => arg(data, context, budget));
    for (let i = 0; i < values.length; i++) if (charged[i]) spendOnContent(budget, values[i], here);
    return eager(values);
  };
}

function conditionalRun(branches: readonly Run[]): Run {
  return (data, context, budget) => {
    let i = 0;
    for (; i < branches.length - 1; i += 2) {
      if (truthy((branches[i] as Run)(data, context, budget)))
        return (branches[i + 1] as Run)(data, context, budget);
    }
    if (branches.length === i + 1) return (branches[i] as Run)(data, context, budget);
    return null;
  };
}

function logicalRun(operator: 'and' | 'or', operands: readonly Run[]): Run {
  const stopOn = operator === 'or';
  return (data, context, budget) => {
    let current: unknown;
    for (const operand of operands) {
      current = operand(data, context, budget);
      if (truthy(current) === stopOn) return current;
    }
    return current;
  };
}

/** The loop of a scoped operator; the whole loop is charged before it starts (`perItem` per element). */
function scopedRun(
  operator: string,
  source: Run,
  scoped: Run,
  initial: Run | null,
  perItem: number,
  here: string,
): Run {
  switch (operator) {
    case 'filter':
      return (data, context, budget) => {
        const items = source(data, context, budget);
        if (!Array.isArray(items)) return [];
        spend(budget, items.length * perItem, here);
        return items.filter((item) => truthy(scoped(item, context, budget)));
      };
    case 'map':
      return (data, context, budget) => {
        const items = source(data, context, budget);
        if (!Array.isArray(items)) return [];
        spend(budget, items.length * perItem, here);
        return items.map((item) => scoped(item, context, budget));
      };
    case 'reduce':
      return (data, context, budget) => {
        const items = source(data, context, budget);
        const start = initial ? initial(data, context, budget) : null;
        if (!Array.isArray(items)) return start;
        spend(budget, items.length * perItem, here);
        return items.reduce(
          (accumulator, current) => scoped({ current, accumulator }, context, budget),
          start,
        );
      };
    case 'all':
      return (data, context, budget) => {
        const items = source(data, context, budget);
        if (!Array.isArray(items) || items.length === 0) return false;
        spend(budget, items.length * perItem, here);
        return items.every((item) => truthy(scoped(item, context, budget)));
      };
    case 'none':
      return (data, context, budget) => {
        const items = source(data, context, budget);
        if (!Array.isArray(items) || items.length === 0) return true;
        spend(budget, items.length * perItem, here);
        return !items.some((item) => truthy(scoped(item, context, budget)));
      };
    default:
      return (data, context, budget) => {
        const items = source(data, context, budget);
        if (!Array.isArray(items) || items.length === 0) return false;
        spend(budget, items.length * perItem, here);
        return items.some((item) => truthy(scoped(item, context, budget)));
      };
  }
}
