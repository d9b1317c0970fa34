// Micro-benchmark of compiled JSON-logic expressions and of the engine's hot path (issue 16: the runtime step
// budget must not slow the common case). Not a test: prints times per call, medians of several rounds.
//
//   pnpm --filter @nongthonmoi/core exec tsx --conditions=@nongthonmoi/source scripts/bench-logic.ts
//
// To compare with another version of core in the same process (so machine noise affects both alike), point
// BASELINE at the package folder of that version, e.g. one extracted with
//   git archive <commit> packages/core | tar -x -C /tmp/base
//   ln -s "$PWD/packages/core/node_modules" /tmp/base/packages/core/node_modules
//   BASELINE=/tmp/base/packages/core … scripts/bench-logic.ts
// Rounds alternate between the two; the ratio printed is the median of the per-round ratios.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import * as current from '../src/index.js';

type Compile = (expression: unknown) => (data: unknown) => unknown;
type EvaluateMany = (
  communes: unknown[],
  options: { level: string; asOf: string },
) => {
  results: unknown[];
  errors: unknown[];
};
interface Version {
  compile: Compile;
  evaluateMany: EvaluateMany;
}

const ROUNDS = 15;
const CALLS = 500_000;

const expressions: Record<string, { expression: unknown; data: unknown }> = {
  // Indicator 13.1 of the NTM 2021–2025 edition: the typical composite test.
  'composite test (13.1)': {
    expression: {
      and: [
        { '>=': [{ var: 'grade1_enrolment_age6_pct' }, 98] },
        { '==': [{ var: 'universal_preschool_age5_met' }, true] },
        { '>=': [{ var: 'universal_primary_level' }, 2] },
        { '>=': [{ var: 'universal_lower_secondary_level' }, 2] },
        { '>=': [{ var: 'literacy_level' }, 2] },
      ],
    },
    data: {
      grade1_enrolment_age6_pct: 99,
      universal_preschool_age5_met: true,
      universal_primary_level: 3,
      universal_lower_secondary_level: 2,
      literacy_level: 2,
    },
  },
  'condition (school_count > 3)': {
    expression: { '>': [{ var: 'school_count' }, 3] },
    data: { school_count: 4 },
  },
  'reduce over a 5-value list': {
    expression: {
      reduce: [
        { var: 'outstanding_fields' },
        { '+': [{ var: 'accumulator' }, { if: [{ in: [{ var: 'current' }, ['giao-duc', 'y-te']] }, 2, 1] }] },
        0,
      ],
    },
    data: { outstanding_fields: ['san-xuat', 'giao-duc', 'van-hoa', 'y-te', 'moi-truong'] },
  },
};

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] as number;
}

/** Runs `measure` for each version in turn, ROUNDS times; medians and the median per-round ratio. */
function compare(versions: Array<[string, () => number]>): string {
  const samples = versions.map(() => [] as number[]);
  for (let round = 0; round < ROUNDS; round++) {
    versions.forEach(([, measure], i) => {
      samples[i]?.push(measure());
    });
  }
  const parts = versions.map(
    ([label], i) =>
      `${label} ${median(samples[i] as number[])
        .toFixed(1)
        .padStart(7)}`,
  );
  if (versions.length === 2) {
    const baseline = samples[1] as number[];
    const ratios = (samples[0] as number[]).map((value, round) => value / (baseline[round] as number));
    parts.push(`current/baseline ${median(ratios).toFixed(3)}`);
  }
  return parts.join('   ');
}

async function main(): Promise<void> {
  const versions: Array<[string, Version]> = [
    ['current', { compile: (e) => current.compileExpression(e), evaluateMany: current.evaluateMany }],
  ];
  if (process.env.BASELINE) {
    const base = await import(pathToFileURL(join(process.env.BASELINE, 'src', 'index.ts')).href);
    versions.push(['baseline', { compile: base.compileExpression, evaluateMany: base.evaluateMany }]);
  }

  console.log(`JSON-logic, ns per call (median of ${ROUNDS} rounds of ${CALLS.toLocaleString('en')} calls)`);
  for (const [name, { expression, data }] of Object.entries(expressions)) {
    const runs = versions.map(([label, version]) => {
      const compiled = version.compile(expression);
      return [
        label,
        () => {
          let sink = 0;
          const start = performance.now();
          for (let i = 0; i < CALLS; i++) if (compiled(data)) sink++;
          const ns = ((performance.now() - start) * 1e6) / CALLS;
          return sink < 0 ? -1 : ns;
        },
      ] as [string, () => number];
    });
    console.log(`  ${name.padEnd(30)} ${compare(runs)}`);
  }

  const commune = JSON.parse(
    readFileSync(new URL('../../../examples/sample-commune/commune.json', import.meta.url), 'utf8'),
  );
  const communes = Array.from({ length: 5_000 }, (_, i) => ({
    ...commune,
    id: `x-${i}`,
    values: { ...commune.values, school_count: i % 7, grade1_enrolment_age6_pct: 90 + (i % 11) },
  }));
  const options = { level: 'kieu-mau', asOf: '2023-11-15' };
  const engines = versions.map(([label, version]) => {
    version.evaluateMany(communes.slice(0, 500), options); // warm-up, compiles the editions
    return [
      label,
      () => {
        const start = performance.now();
        const { results, errors } = version.evaluateMany(communes, options);
        if (results.length + errors.length !== communes.length) throw new Error('lost communes');
        return performance.now() - start;
      },
    ] as [string, () => number];
  });
  console.log(
    `engine evaluateMany, 5,000 communes at kieu-mau (with ntm and nang-cao), ms:\n  ${''.padEnd(30)} ${compare(engines)}`,
  );
}

await main();
