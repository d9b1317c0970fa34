import { LogicError } from './errors.js';
import { truthy } from './truthy.js';

/** A compiled expression: plain closures, no interpretation at run time. `context` is passed to custom operators. */
export type Evaluator = (data: unknown, context?: unknown) => unknown;

export interface CompiledExpression extends Evaluator {
  /** Literal `var` paths the expression reads (static analysis; `""` is the whole data). */
  readonly vars: readonly string[];
  /** True when some `var` or `missing` path is computed at run time, so `vars` may be incomplete. */
  readonly dynamicVars: boolean;
  /** True when the expression uses the operator `name`. */
  usesOperator(name: string): boolean;
}

/** A custom operator: receives its arguments already evaluated, plus the caller's context. */
export interface OperatorDefinition {
  evaluate(args: unknown[], context: unknown): unknown;
  /** Compile-time check of the raw arguments; return a reason to refuse the expression. */
  check?(args: readonly unknown[]): string | undefined;
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
}

export const DEFAULT_LIMITS: Readonly<LogicLimits> = Object.freeze({
  maxDepth: 64,
  maxNodes: 10_000,
  maxArrayLength: 1_000,
  maxStringLength: 10_000,
});

/** Operators of the JsonLogic spec that are refused on purpose, with the reason given to rule authors. */
export const REFUSED_OPERATORS: Readonly<Record<string, string>> = Object.freeze({
  log: "operator 'log' is not allowed: rules must not write to the console",
  method: "operator 'method' is not allowed: rules must not call methods of the data",
});

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

function child(path: string, segment: string | number): string {
  if (typeof segment === 'number') return `${path}[${segment}]`;
  return path ? `${path}.${segment}` : segment;
}

interface CompileState {
  operators: Set<string>;
  nodes: number;
  vars: Set<string>;
  dynamicVars: boolean;
}

/**
 * A JSON-logic engine with its own operator registry. Expressions are validated against an allow-list
 * and size limits, then compiled once into closures. Nothing here touches process-wide state.
 */
export class LogicEngine {
  readonly limits: Readonly<LogicLimits>;
  readonly #custom = new Map<string, OperatorDefinition>();

  constructor(
    options: { operators?: Record<string, OperatorDefinition>; limits?: Partial<LogicLimits> } = {},
  ) {
    this.limits = Object.freeze({ ...DEFAULT_LIMITS, ...options.limits });
    for (const [name, definition] of Object.entries(options.operators ?? {}))
      this.addOperator(name, definition);
  }

  /** Adds an operator to this engine only. Standard and refused operators cannot be replaced. */
  addOperator(name: string, definition: OperatorDefinition): void {
    if (!/^[A-Za-z_][A-Za-z0-9_-]*$/.test(name)) throw new LogicError('', `invalid operator name '${name}'`);
    if (SPECIAL_FORMS.has(name) || hasOwn.call(STANDARD, name) || hasOwn.call(REFUSED_OPERATORS, name)) {
      throw new LogicError('', `operator '${name}' is built in and cannot be redefined`);
    }
    this.#custom.set(name, definition);
  }

  /** The operators this engine accepts. */
  operators(): string[] {
    return [...STANDARD_OPERATORS, ...this.#custom.keys()].sort();
  }

  /** Validates and compiles an expression; throws {@link LogicError} naming the path and the reason. */
  compile(expression: unknown): CompiledExpression {
    const state: CompileState = { operators: new Set(), nodes: 0, vars: new Set(), dynamicVars: false };
    const inner = this.#compile(expression, '', 0, state);
    const compiled = ((data: unknown, context?: unknown) => {
      try {
        return inner(data, context);
      } catch (error) {
        if (error instanceof LogicError) throw error;
        throw new LogicError('', `evaluation failed: ${(error as Error).message}`);
      }
    }) as Evaluator & { vars: readonly string[]; dynamicVars: boolean; usesOperator(name: string): boolean };
    compiled.vars = Object.freeze([...state.vars]);
    compiled.dynamicVars = state.dynamicVars;
    compiled.usesOperator = (name: string) => state.operators.has(name);
    return compiled;
  }

  #compile(node: unknown, path: string, depth: number, state: CompileState): Evaluator {
    if (++state.nodes > this.limits.maxNodes) {
      throw new LogicError(path, `expression has more than ${this.limits.maxNodes} nodes`);
    }
    if (depth > this.limits.maxDepth) {
      throw new LogicError(path, `expression is nested deeper than ${this.limits.maxDepth} levels`);
    }
    const kind = typeof node;
    if (node === null || kind === 'number' || kind === 'boolean') {
      if (kind === 'number' && !Number.isFinite(node)) throw new LogicError(path, 'numbers must be finite');
      return () => node;
    }
    if (kind === 'string') {
      if ((node as string).length > this.limits.maxStringLength) {
        throw new LogicError(path, `string longer than ${this.limits.maxStringLength} characters`);
      }
      return () => node;
    }
    if (Array.isArray(node)) {
      if (node.length > this.limits.maxArrayLength) {
        throw new LogicError(path, `array longer than ${this.limits.maxArrayLength} elements`);
      }
      const items = node.map((item, index) => this.#compile(item, child(path, index), depth + 1, state));
      return (data, context) => items.map((item) => item(data, context));
    }
    if (kind !== 'object') throw new LogicError(path, `a ${kind} is not JSON`);
    const proto = Object.getPrototypeOf(node);
    if (proto !== Object.prototype && proto !== null)
      throw new LogicError(path, 'only plain JSON objects are allowed');
    const keys = Object.keys(node as object);
    if (keys.length !== 1) {
      throw new LogicError(
        path,
        `an operation must have exactly one key (the operator), found ${keys.length}`,
      );
    }
    const operator = keys[0] as string;
    const raw = (node as Record<string, unknown>)[operator];
    const args = Array.isArray(raw) ? raw : [raw];
    const here = child(path, operator);
    state.operators.add(operator);
    if (args.length > this.limits.maxArrayLength) {
      throw new LogicError(here, `more than ${this.limits.maxArrayLength} arguments`);
    }
    if (hasOwn.call(REFUSED_OPERATORS, operator))
      throw new LogicError(here, REFUSED_OPERATORS[operator] as string);
    if ((MIN_ARGS[operator] ?? 0) > args.length) {
      throw new LogicError(here, `operator '${operator}' needs at least ${MIN_ARGS[operator]} argument(s)`);
    }
    const argPath = (index: number) => (Array.isArray(raw) ? child(here, index) : here);
    const sub = (index: number): Evaluator =>
      index < args.length ? this.#compile(args[index], argPath(index), depth + 1, state) : () => undefined;

    if (SPECIAL_FORMS.has(operator)) return this.#special(operator, args, sub, argPath, state);

    const custom = this.#custom.get(operator);
    if (custom) {
      const reason = custom.check?.(args);
      if (reason) throw new LogicError(here, reason);
      const compiledArgs = args.map((_, index) => sub(index));
      return (data, context) =>
        custom.evaluate(
          compiledArgs.map((arg) => arg(data, context)),
          context,
        );
    }
    const eager = hasOwn.call(STANDARD, operator) ? STANDARD[operator] : undefined;
    if (!eager) throw new LogicError(here, `unknown operator '${operator}'`);
    const compiledArgs = args.map((_, index) => sub(index));
    if (compiledArgs.length === 2) {
      const [a, b] = compiledArgs as [Evaluator, Evaluator];
      return (data, context) => eager([a(data, context), b(data, context)]);
    }
    return (data, context) => eager(compiledArgs.map((arg) => arg(data, context)));
  }

  #special(
    operator: string,
    args: unknown[],
    sub: (index: number) => Evaluator,
    argPath: (index: number) => string,
    state: CompileState,
  ): Evaluator {
    switch (operator) {
      case 'var': {
        const fallback = args.length > 1 ? sub(1) : () => null;
        const target = args[0];
        if (target === undefined || target === null || typeof target !== 'object') {
          state.nodes++;
          const segments = splitPath(target);
          if (segments === null) {
            state.vars.add('');
            return (data) => data;
          }
          const bad = segments.find((segment) => FORBIDDEN_SEGMENTS.has(segment));
          if (bad) throw new LogicError(argPath(0), `'var' may not read '${bad}'`);
          state.vars.add(segments.join('.'));
          if (segments.length === 1) {
            const key = segments[0] as string;
            return (data, context) => {
              const value = ownProperty(data, key);
              return value === undefined ? (fallback(data, context) ?? null) : value;
            };
          }
          return (data, context) => {
            const value = readPath(data, segments, undefined);
            return value === undefined ? (fallback(data, context) ?? null) : value;
          };
        }
        state.dynamicVars = true;
        const computed = sub(0);
        return (data, context) => {
          const value = readVar(data, computed(data, context), undefined);
          return value === undefined ? (fallback(data, context) ?? null) : value;
        };
      }
      case 'missing': {
        const compiledArgs = args.map((_, index) => sub(index));
        this.#noteMissingVars(args, state);
        return (data, context) => {
          const values = compiledArgs.map((arg) => arg(data, context));
          const keys = Array.isArray(values[0]) ? (values[0] as unknown[]) : values;
          return missingKeys(data, keys);
        };
      }
      case 'missing_some': {
        const need = sub(0);
        const options = sub(1);
        if (Array.isArray(args[1])) this.#noteMissingVars(args[1], state);
        else state.dynamicVars = true;
        return (data, context) => {
          const keys = options(data, context);
          const list = Array.isArray(keys) ? keys : [keys];
          const missing = missingKeys(data, list);
          return list.length - missing.length >= (need(data, context) as number) ? [] : missing;
        };
      }
      case 'if':
      case '?:': {
        const branches = args.map((_, index) => sub(index));
        return (data, context) => {
          let i = 0;
          for (; i < branches.length - 1; i += 2) {
            if (truthy((branches[i] as Evaluator)(data, context)))
              return (branches[i + 1] as Evaluator)(data, context);
          }
          if (branches.length === i + 1) return (branches[i] as Evaluator)(data, context);
          return null;
        };
      }
      case 'and':
      case 'or': {
        const operands = args.map((_, index) => sub(index));
        const stopOn = operator === 'or';
        return (data, context) => {
          let current: unknown;
          for (const operand of operands) {
            current = operand(data, context);
            if (truthy(current) === stopOn) return current;
          }
          return current;
        };
      }
      default: {
        // filter, map, reduce, all, none, some: the second argument runs once per element.
        const source = sub(0);
        const scoped = sub(1);
        const initial = args.length > 2 ? sub(2) : null;
        return scopedOperator(operator, source, scoped, initial);
      }
    }
  }

  #noteMissingVars(args: unknown[], state: CompileState): void {
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

function scopedOperator(
  operator: string,
  source: Evaluator,
  scoped: Evaluator,
  initial: Evaluator | null,
): Evaluator {
  switch (operator) {
    case 'filter':
      return (data, context) => {
        const items = source(data, context);
        return Array.isArray(items) ? items.filter((item) => truthy(scoped(item, context))) : [];
      };
    case 'map':
      return (data, context) => {
        const items = source(data, context);
        return Array.isArray(items) ? items.map((item) => scoped(item, context)) : [];
      };
    case 'reduce':
      return (data, context) => {
        const items = source(data, context);
        const start = initial ? initial(data, context) : null;
        if (!Array.isArray(items)) return start;
        return items.reduce((accumulator, current) => scoped({ current, accumulator }, context), start);
      };
    case 'all':
      return (data, context) => {
        const items = source(data, context);
        if (!Array.isArray(items) || items.length === 0) return false;
        return items.every((item) => truthy(scoped(item, context)));
      };
    case 'none':
      return (data, context) => {
        const items = source(data, context);
        if (!Array.isArray(items) || items.length === 0) return true;
        return !items.some((item) => truthy(scoped(item, context)));
      };
    default:
      return (data, context) => {
        const items = source(data, context);
        if (!Array.isArray(items) || items.length === 0) return false;
        return items.some((item) => truthy(scoped(item, context)));
      };
  }
}
