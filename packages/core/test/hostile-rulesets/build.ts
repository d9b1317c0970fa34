// Writes the hostile-ruleset corpus (issue 16): rules that must be refused at load, or stopped at run time,
// instead of hanging the engine or running it out of memory. Run after changing a case:
//
//   pnpm --filter @nongthonmoi/core exec tsx test/hostile-rulesets/build.ts && pnpm format
//
// The files are committed (as `pnpm format` lays them out); hostile-rulesets.test.ts loads every one of them.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const HERE = dirname(fileURLToPath(import.meta.url));
const range = (n: number) => Array.from({ length: n }, (_, i) => i);
const acc = { var: 'accumulator' };

/** `levels` reduces nested, each over a literal list of `size` numbers: about size^levels steps. */
function nestedReduce(levels: number, size: number): unknown {
  let expression: unknown = { '+': [acc, { var: 'current' }] };
  for (let level = 0; level < levels; level++) {
    expression = { reduce: [range(size), level === 0 ? expression : { '+': [acc, expression] }, 0] };
  }
  return expression;
}

const MEASURES = {
  score: { label: { vi: 'Điểm', en: 'Score' }, type: 'number', min: 0, max: 1000 },
  fields: {
    label: { vi: 'Lĩnh vực nổi trội', en: 'Outstanding fields' },
    type: 'enum',
    multiple: true,
    values: ['san-xuat', 'giao-duc', 'van-hoa', 'y-te', 'moi-truong'].map((id) => ({
      id,
      label: { vi: id, en: id },
    })),
  },
};

type Indicator = Record<string, unknown>;

function indicator(id: string, fields: Indicator): Indicator {
  return {
    id,
    name: { vi: `Chỉ tiêu thử ${id}`, en: `Test indicator ${id}` },
    ...fields,
    citation: { document: '1/QĐ-HOSTILE', item: id },
    confidence: 'assumed',
    rationale: { vi: 'Trường hợp thử nghiệm độc hại (issue 16)', en: 'Hostile test case (issue 16)' },
  };
}

const logicTest = (id: string, logic: unknown) => indicator(id, { test: { logic } });
const withCondition = (id: string, applicableIf: unknown) =>
  indicator(id, { test: { measure: 'score', op: '>=', target: 50 }, applicableIf });
const derivedTarget = (id: string, logic: unknown) =>
  indicator(id, { test: { measure: 'score', op: '>=', target: { logic } } });

function edition(name: string, indicators: Indicator[], extra: Record<string, unknown> = {}): object {
  return {
    id: `test/hostile-${name}/2024`,
    family: `test/hostile-${name}`,
    level: `hostile-${name}`,
    edition: '2024 (hostile test)',
    name: { vi: `Bộ tiêu chí thử tấn công: ${name}`, en: `Hostile test ruleset: ${name}` },
    effective: { from: '2024-01-01' },
    jurisdiction: 'national',
    basis: [{ number: '1/QĐ-HOSTILE', title: 'Thử nghiệm', issuer: 'Test', date: '2024-01-01' }],
    groups: [{ id: 'chung', name: { vi: 'Chung', en: 'General' } }],
    measures: MEASURES,
    criteria: [{ id: '1', name: { vi: 'Thử', en: 'Test' }, group: 'chung', indicators }],
    ...extra,
  };
}

const cases: Record<string, object> = {
  // The case of issue 16: ~10¹² steps in 12 KB, which passed `ntm validate` and then never finished.
  'nested-reduce-logic.json': edition('nested-reduce-logic', [logicTest('1.1', nestedReduce(4, 1000))]),
  'nested-reduce-applicable-if.json': edition('nested-reduce-applicable-if', [
    withCondition('1.1', { '>': [nestedReduce(4, 1000), 0] }),
  ]),
  'nested-reduce-derived-target.json': edition('nested-reduce-derived-target', [
    derivedTarget('1.1', nestedReduce(4, 1000)),
  ]),
  // Nested map building lists: ran out of memory (4.3 GB) before.
  'nested-map-out-of-memory.json': edition('nested-map-out-of-memory', [
    logicTest('1.1', {
      all: [{ map: [range(1000), { map: [range(1000), { map: [range(1000), 1] }] }] }, true],
    }),
  ]),
  // A text that grows at every step of a reduce.
  'cat-growing-text.json': edition('cat-growing-text', [
    withCondition('1.1', {
      '>': [{ substr: [{ reduce: [range(50), { cat: [acc, 'x'.repeat(5000)] }, ''] }, -1] }, ''],
    }),
  ]),
  // A list merged with itself: 2^40 elements after 40 steps.
  'merge-doubling.json': edition('merge-doubling', [
    derivedTarget('1.1', { reduce: [range(40), { merge: [acc, acc] }, [1]] }),
  ]),
  // The same with an array literal: [[…], […]] nested 40 deep, each level twice.
  'array-doubling.json': edition('array-doubling', [
    logicTest('1.1', { '!!': [{ reduce: [range(40), [acc, acc], []] }] }),
  ]),
  // A data list (counted as up to dataArrayBound values) times a literal list of 1,000.
  'data-list-times-literal.json': edition('data-list-times-literal', [
    logicTest('1.1', { '!!': [{ reduce: [{ var: 'fields' }, { merge: [acc, range(1000)] }, []] }] }),
  ]),
  // Each expression within the limit, together far beyond what one commune's evaluation may cost.
  'file-total.json': edition(
    'file-total',
    range(12).map((i) => logicTest(`1.${i + 1}`, { '>': [nestedReduce(2, 310), 0] })),
  ),
  // A multi-choice measure longer than the lists the bound assumes.
  'many-choices-measure.json': edition(
    'many-choices-measure',
    [logicTest('1.1', { '!!': [{ var: 'choices' }] })],
    {
      measures: {
        ...MEASURES,
        choices: {
          label: { vi: 'Nhiều lựa chọn', en: 'Many choices' },
          type: 'enum',
          multiple: true,
          values: range(101).map((i) => ({ id: `lua-chon-${i}`, label: { vi: `${i}`, en: `${i}` } })),
        },
      },
    },
  ),
  // A province overlay with a costly computed target.
  'overlay-derived-target.json': {
    id: 'provinces/nam-dinh/hostile-overlay',
    family: 'provinces/nam-dinh/hostile-overlay',
    level: 'ntm',
    edition: '2024 (hostile test)',
    name: { vi: 'Bộ tiêu chí tỉnh thử tấn công', en: 'Hostile province overlay' },
    jurisdiction: { province: 'nam-dinh' },
    extends: 'vn/xa-ntm/2021-2025',
    effective: { from: '2023-01-01', to: '2024-02-29' },
    basis: [{ number: '1/QĐ-HOSTILE', title: 'Thử nghiệm', issuer: 'Test', date: '2023-01-01' }],
    targets: [
      {
        indicator: '15.1',
        target: { logic: nestedReduce(3, 1000) },
        citation: { document: '1/QĐ-HOSTILE', item: '15.1' },
        confidence: 'assumed',
        rationale: { vi: 'Trường hợp thử nghiệm độc hại (issue 16)', en: 'Hostile test case (issue 16)' },
      },
    ],
  },
  // Must load: deep but cheap expressions, loops within the limits.
  'deep-but-cheap.json': edition('deep-but-cheap', [
    // One argument without brackets: 60 operators deep is 60 levels of JSON (the file may nest 100).
    logicTest(
      '1.1',
      range(60).reduce<unknown>((inner) => ({ '!!': inner }), { '>=': [{ var: 'score' }, 1] }),
    ),
    withCondition(
      '1.2',
      range(40).reduce<unknown>((inner, i) => ({ if: [{ '>': [{ var: 'score' }, i] }, inner, false] }), true),
    ),
    derivedTarget('1.3', {
      '+': [
        10,
        {
          reduce: [
            { var: 'fields' },
            { '+': [acc, { if: [{ in: [{ var: 'current' }, ['y-te']] }, 2, 1] }] },
            0,
          ],
        },
      ],
    }),
    logicTest('1.4', { '>': [nestedReduce(2, 100), 0] }),
  ]),
};

// Only the runtime budget can stop this one: each `requiredTarget` call computes the required tier's target
// again (about 800,000 steps), and the loop asks for it 1,000 times. Neither expression is costly on its own.
const requiredTier = edition('required-base', [derivedTarget('1', { '-': [nestedReduce(2, 300), 0] })]);
const requiringTier = edition(
  'required-loop',
  [
    withCondition('1.1', {
      some: [range(1000), { '>': [{ requiredTarget: ['hostile-required-base', '1'] }, 1e15] }],
    }),
  ],
  { requires: { level: 'hostile-required-base' } },
);

function write(path: string, data: object): void {
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, `${JSON.stringify(data)}\n`);
}

for (const [file, data] of Object.entries(cases)) write(join(HERE, file), data);
write(join(HERE, 'required-target-loop', '1-required.json'), requiredTier);
write(join(HERE, 'required-target-loop', '2-requiring.json'), requiringTier);
