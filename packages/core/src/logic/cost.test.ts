import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { LogicBudget } from './budget.js';
import { DEFAULT_LIMITS, LogicEngine } from './compile.js';
import { LogicBudgetError, LogicCostError, LogicError } from './errors.js';

const engine = new LogicEngine();
const range = (n: number) => Array.from({ length: n }, (_, i) => i);

function refusal(expression: unknown, compiler = engine): LogicCostError {
  try {
    compiler.compile(expression);
  } catch (error) {
    expect(error).toBeInstanceOf(LogicCostError);
    return error as LogicCostError;
  }
  throw new Error('expected the expression to be refused');
}

/** `levels` reduces nested, each over a literal list of `size` numbers, adding up the inner results. */
function nestedReduce(levels: number, size: number): unknown {
  let expression: unknown = { '+': [{ var: 'accumulator' }, 1] };
  for (let level = 0; level < levels; level++) {
    const body = level === 0 ? expression : { '+': [{ var: 'accumulator' }, expression] };
    expression = { reduce: [range(size), body, 0] };
  }
  return expression;
}

describe('static cost bound', () => {
  it('refuses nested iterations whose steps multiply beyond maxSteps, at the loop that crosses it', () => {
    const error = refusal(nestedReduce(4, 1000));
    expect(error.measure).toBe('steps');
    expect(error.limit).toBe(DEFAULT_LIMITS.maxSteps);
    expect(error.bound).toBeGreaterThan(DEFAULT_LIMITS.maxSteps);
    // The two inner loops (10⁶ iterations) already cross the limit: the error points at the second one.
    expect(error.path).toBe('reduce[1].+[1].reduce[1].+[1].reduce');
    expect(error.reason).toMatch(
      /^'reduce' here may need up to [\d,]+ steps per evaluation \(limit 1,000,000\)/,
    );
    expect(error.reasonVi).toMatch(
      /^'reduce' ở đây có thể cần tới [\d.]+ bước tính mỗi lần đánh giá \(giới hạn 1\.000\.000\)/,
    );
  });

  it('accepts the same loops when they stay within the limit, and states their bound', () => {
    const compiled = engine.compile(nestedReduce(2, 100));
    expect(compiled.stepBound).toBeGreaterThan(10_000);
    expect(compiled.stepBound).toBeLessThanOrEqual(DEFAULT_LIMITS.maxSteps);
    expect(compiled({})).toBe(100 * 100);
  });

  it('refuses nested map over literals (the out-of-memory case)', () => {
    const error = refusal({ map: [range(1000), { map: [range(1000), { map: [range(1000), 1] }] }] });
    expect(error.path).toBe('map[1].map');
  });

  it('refuses a list that doubles at each step of a reduce, at the merge that builds it', () => {
    const error = refusal({
      reduce: [range(40), { merge: [{ var: 'accumulator' }, { var: 'accumulator' }] }, [1]],
    });
    expect(error).toMatchObject({
      measure: 'elements',
      path: 'reduce[1].merge',
      limit: DEFAULT_LIMITS.maxBuiltSize,
    });
    const nested = refusal({ reduce: [range(40), [{ var: 'accumulator' }, { var: 'accumulator' }], []] });
    expect(nested).toMatchObject({ measure: 'elements', path: 'reduce[1]' });
    expect(nested.reason).toMatch(/^this array may build a list of/);
  });

  it('refuses a text that grows with cat inside a reduce', () => {
    const long = refusal({ reduce: [range(30), { cat: [{ var: 'accumulator' }, 'x'.repeat(5000)] }, ''] });
    expect(long).toMatchObject({ measure: 'characters', path: 'reduce[1].cat', bound: 100_024 });
    expect(long.reason).toBe("'cat' here may build a text of up to 100,024 characters (limit 100,000)");
    // Many short appends: copying the text at every step costs more steps than the limit first.
    const many = refusal({ reduce: [range(1000), { cat: [{ var: 'accumulator' }, 'x'.repeat(200)] }, ''] });
    expect(many).toMatchObject({ measure: 'steps', path: 'reduce', exact: false });
    expect(many.reason).toMatch(/^'reduce' here may need more than [\d,]+ steps/);
  });

  it('reads data lists as at most dataArrayBound long, and a lower bound is an option', () => {
    const overlap = {
      reduce: [
        { var: 'a' },
        { '+': [{ var: 'accumulator' }, { if: [{ in: [{ var: 'current' }, ['y', 'z']] }, 1, 0] }] },
        0,
      ],
    };
    const compiled = engine.compile(overlap);
    expect(compiled({ a: ['x', 'y', 'z'] })).toBe(2);
    const strict = new LogicEngine({ limits: { dataArrayBound: 10 } }).compile(overlap);
    expect(strict.stepBound).toBeLessThan(compiled.stepBound / 5);
    expect(engine.compile(overlap, { maxSteps: 2_000_000 }).stepBound).toBe(compiled.stepBound);
    expect(() => engine.compile(overlap, { maxSteps: 100 })).toThrow(LogicCostError);
  });

  it('accepts deep but cheap expressions', () => {
    let deep: unknown = true;
    for (let i = 0; i < 60; i++) deep = { '!!': [deep] };
    expect(engine.compile(deep)({})).toBe(true);
    let ifs: unknown = 1;
    for (let i = 0; i < 60; i++) ifs = { if: [{ '>': [{ var: 'x' }, i] }, ifs, { '+': [{ var: 'x' }, i] }] };
    expect(engine.compile(ifs)({ x: 100 })).toBe(1);
  });
});

describe('runtime step budget', () => {
  it('stops an evaluation that the data makes longer than the bound assumed', () => {
    // Data lists are assumed to hold strings and numbers: the bound counts no iteration over their elements.
    const compiled = engine.compile({
      map: [{ var: 'list' }, { map: [{ var: '' }, { map: [{ var: '' }, 1] }] }],
    });
    expect(compiled.stepBound).toBeLessThan(10_000);
    const inner = range(200);
    const middle = new Array(200).fill(inner);
    const list = new Array(200).fill(middle); // 8 million elements, a few kilobytes in memory
    let error: unknown;
    try {
      compiled({ list });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(LogicBudgetError);
    expect(error).toBeInstanceOf(LogicError);
    expect(error).toMatchObject({ code: 'logic-budget-exceeded', limit: DEFAULT_LIMITS.maxRuntimeSteps });
    expect((error as LogicBudgetError).path).toBe('map[1].map[1].map');
    expect((error as LogicBudgetError).reasonVi).toContain('hạn mức 10.000.000 bước tính');
  });

  it('shares one budget across calls, and counts deterministically', () => {
    const compiled = engine.compile({ reduce: [{ var: 'list' }, { '+': [{ var: 'accumulator' }, 1] }, 0] });
    const budget = new LogicBudget(1_000);
    expect(compiled({ list: range(10) }, undefined, budget)).toBe(10);
    const once = budget.used;
    expect(once).toBeGreaterThan(10);
    compiled({ list: range(10) }, undefined, budget);
    expect(budget.used).toBe(2 * once);
    expect(() => compiled({ list: range(1000) }, undefined, budget)).toThrow(LogicBudgetError);
  });

  it('walks a list shared with itself a billion times over without hanging', () => {
    // 30 doublings by reference: 2³⁰ elements when written out, a few hundred bytes in memory.
    let shared: unknown[] = [1];
    for (let i = 0; i < 30; i++) shared = [shared, shared];
    const compiled = new LogicEngine({ limits: { dataArrayBound: 2 } }).compile({ cat: [{ var: 'x' }] });
    expect(() => compiled({ x: shared })).toThrow(LogicBudgetError);
  });

  it('ignores a third argument that is not a budget (a function passed to Array.prototype.map)', () => {
    const compiled = engine.compile({ '+': [{ var: '' }, 1] });
    expect([1, 2].map(compiled as (value: unknown, index: number, all: unknown) => unknown)).toEqual([2, 3]);
  });
});

// Soundness: for random expressions and data within dataArrayBound and dataStringBound, the steps an
// evaluation charges never exceed the bound the compiler stated.
const text = fc.string({ maxLength: 40 });
const value = fc.oneof(
  fc.integer({ min: -5, max: 1000 }),
  fc.double({ min: -10, max: 10, noNaN: true, noDefaultInfinity: true }),
  fc.boolean(),
  fc.constant(null),
  text,
  fc.array(fc.oneof(text, fc.integer()), { maxLength: 30 }),
);
const data = fc.dictionary(fc.constantFrom('a', 'b', 'c', 'd'), value);
const literalList = fc.array(fc.oneof(fc.integer({ min: 0, max: 9 }), fc.constantFrom('x', 'yy', '')), {
  maxLength: 20,
});

const { expression } = fc.letrec<{ expression: unknown }>((tie) => ({
  expression: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    value,
    literalList,
    fc.constantFrom('a', 'b', 'c', 'd', '', 'current', 'accumulator', 'a.0', 'current.0').map((path) => ({
      var: path,
    })),
    fc
      .tuple(
        fc.constantFrom('==', '===', '!=', '>', '<=', '%', '-', '/', 'in', 'substr', '!', '!!'),
        tie('expression'),
        tie('expression'),
      )
      .map(([op, x, y]) => ({ [op]: [x, y] })),
    fc
      .tuple(
        fc.constantFrom('and', 'or', '+', '*', 'min', 'max', 'cat', 'merge', 'if', 'missing'),
        fc.array(tie('expression'), { minLength: 1, maxLength: 4 }),
      )
      .map(([op, args]) => ({ [op]: args })),
    fc.array(tie('expression'), { maxLength: 3 }),
    fc
      .tuple(fc.constantFrom('map', 'filter', 'all', 'some', 'none'), tie('expression'), tie('expression'))
      .map(([op, list, logic]) => ({ [op]: [list, logic] })),
    fc
      .tuple(tie('expression'), tie('expression'), tie('expression'))
      .map(([list, logic, initial]) => ({ reduce: [list, logic, initial] })),
    fc.tuple(tie('expression'), tie('expression')).map(([need, keys]) => ({ missing_some: [need, keys] })),
    fc.tuple(tie('expression'), tie('expression')).map(([path, fallback]) => ({ var: [path, fallback] })),
  ),
}));

describe('the static bound holds at run time', () => {
  it('for random expressions and data within the data bounds', () => {
    const bounded = new LogicEngine({ limits: { dataArrayBound: 30, dataStringBound: 40 } });
    let checked = 0;
    fc.assert(
      fc.property(expression, data, (rule, input) => {
        let compiled: ReturnType<LogicEngine['compile']>;
        try {
          compiled = bounded.compile(rule);
        } catch (error) {
          if (error instanceof LogicError) return; // refused (too costly, or e.g. a '__proto__' path)
          throw error;
        }
        const budget = new LogicBudget(Number.MAX_SAFE_INTEGER);
        try {
          compiled(input, undefined, budget);
        } catch (error) {
          if (!(error instanceof LogicError)) throw error;
        }
        checked++;
        expect(budget.used).toBeLessThanOrEqual(compiled.stepBound);
      }),
      { numRuns: 3000 },
    );
    expect(checked).toBeGreaterThan(2000);
  });
});
