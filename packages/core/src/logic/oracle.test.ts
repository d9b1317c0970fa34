import fc from 'fast-check';
import jsonLogic from 'json-logic-js';
import { describe, expect, it } from 'vitest';
import { LogicEngine } from './compile.js';
import { LogicError } from './errors.js';

// json-logic-js is the reference implementation: on the operators both support, the compiled closures must
// give the same answer for random expressions over random data.
const engine = new LogicEngine();
const keys = ['a', 'b', 'c', 'd'];

const scalar = fc.oneof(
  fc.integer({ min: -5, max: 5 }),
  fc.double({ min: -10, max: 10, noNaN: true, noDefaultInfinity: true }),
  fc.boolean(),
  fc.constant(null),
  fc.constantFrom('', '0', '1', 'x', 'a'),
);

const data = fc.record(
  { a: scalar, b: scalar, c: fc.array(scalar, { maxLength: 4 }), d: fc.record({ a: scalar }) },
  { requiredKeys: [] },
);

const { expression } = fc.letrec<{ expression: unknown }>((tie) => ({
  expression: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    scalar,
    fc.constantFrom(...keys, 'd.a', 'c.0', 'c.1').map((path) => ({ var: path })),
    fc.tuple(fc.constantFrom(...keys), scalar).map(([path, fallback]) => ({ var: [path, fallback] })),
    fc
      .tuple(
        fc.constantFrom('==', '===', '!=', '!==', '>', '>=', '<', '<=', '%', '-', '/', 'in'),
        tie('expression'),
        tie('expression'),
      )
      .map(([op, x, y]) => ({ [op]: [x, y] })),
    fc
      .tuple(
        fc.constantFrom('and', 'or', '+', '*', 'min', 'max', 'cat', 'merge', 'if', '?:'),
        fc.array(tie('expression'), { minLength: 1, maxLength: 4 }),
      )
      .map(([op, args]) => ({ [op]: args })),
    fc.tuple(fc.constantFrom('!', '!!'), tie('expression')).map(([op, x]) => ({ [op]: [x] })),
    fc
      .tuple(fc.constantFrom('map', 'filter', 'all', 'some', 'none'), tie('expression'))
      .map(([op, logic]) => ({ [op]: [{ var: 'c' }, logic] })),
    fc
      .tuple(tie('expression'), tie('expression'))
      .map(([logic, initial]) => ({ reduce: [{ var: 'c' }, logic, initial] })),
    fc.array(fc.constantFrom(...keys, 'd.a'), { maxLength: 3 }).map((list) => ({ missing: list })),
    fc
      .tuple(fc.integer({ min: 0, max: 3 }), fc.array(fc.constantFrom(...keys), { maxLength: 3 }))
      .map(([n, list]) => ({ missing_some: [n, list] })),
  ),
}));

function outcome(run: () => unknown): { value: unknown } | { threw: true } {
  try {
    return { value: run() };
  } catch {
    return { threw: true };
  }
}

describe('compiled expressions agree with json-logic-js', () => {
  it('on random expressions and data', () => {
    fc.assert(
      fc.property(expression, data, (rule, input) => {
        const expected = outcome(() => jsonLogic.apply(rule as never, input));
        const actual = outcome(() => engine.compile(rule)(input));
        if ('threw' in expected) return; // the reference itself fails: nothing to compare
        expect(actual).toEqual(expected);
      }),
      { numRuns: 5000 },
    );
  });

  it('never throws anything but LogicError, whatever the input', () => {
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 6 }), fc.jsonValue({ maxDepth: 3 }), (rule, input) => {
        try {
          engine.compile(rule)(input);
        } catch (error) {
          expect(error).toBeInstanceOf(LogicError);
        }
      }),
      { numRuns: 5000 },
    );
  });
});
