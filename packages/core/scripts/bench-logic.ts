// Micro-benchmark of compiled JSON-logic expressions and of the engine's hot path (issue 16: the runtime step
// budget must not slow the common case). Not a test: prints nanoseconds per call, medians of several rounds.
//
//   pnpm --filter @nongthonmoi/core exec tsx --conditions=@nongthonmoi/source scripts/bench-logic.ts
//   BASELINE=/path/to/old/logic/compile.ts … scripts/bench-logic.ts   (also times another copy of the
//   compiler in the same process and prints the ratio, so machine noise affects both alike)
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { evaluateMany } from '../src/index.js';
import { LogicEngine } from '../src/logic/compile.js';

interface Compiler {
  compile(expression: unknown): (data: unknown, context?: unknown) => unknown;
}

const ROUNDS = 7;
const CALLS = 2_000_000;

const expressions: Record<string, { expression: unknown; data: unknown }> = {
  // Indicator 13.1 of the NTM 2021–2025 edition: the typical composite test.
  'composite (13.1)': {
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
  'applicableIf (school_count > 3)': {
    expression: { '>': [{ var: 'school_count' }, 3] },
    data: { school_count: 4 },
  },
  'reduce over a 9-value list': {
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

function time(run: () => void, calls: number): number {
  const start = performance.now();
  run();
  return ((performance.now() - start) * 1e6) / calls;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] as number;
}

async function main(): Promise<void> {
  const compilers: Array<[string, Compiler]> = [['current', new LogicEngine()]];
  if (process.env.BASELINE) {
    const module = await import(pathToFileURL(process.env.BASELINE).href);
    compilers.push(['baseline', new module.LogicEngine()]);
  }
  console.log(`JSON-logic, ns per call (median of ${ROUNDS} rounds of ${CALLS.toLocaleString('en')} calls)`);
  for (const [name, { expression, data }] of Object.entries(expressions)) {
    const samples = new Map<string, number[]>(compilers.map(([label]) => [label, []]));
    const compiled = compilers.map(([label, compiler]) => [label, compiler.compile(expression)] as const);
    for (let round = 0; round < ROUNDS; round++) {
      // Alternate the compilers within each round, so that both see the same machine load.
      for (const [label, run] of compiled) {
        let sink = 0;
        const ns = time(() => {
          for (let i = 0; i < CALLS; i++) if (run(data)) sink++;
        }, CALLS);
        if (sink < 0) console.log(sink);
        samples.get(label)?.push(ns);
      }
    }
    const current = median(samples.get('current') as number[]);
    const baseline = samples.has('baseline') ? median(samples.get('baseline') as number[]) : null;
    console.log(
      `  ${name.padEnd(34)} current ${current.toFixed(1).padStart(6)} ns` +
        (baseline === null
          ? ''
          : `   baseline ${baseline.toFixed(1).padStart(6)} ns   current/baseline ${(current / baseline).toFixed(3)}`),
    );
  }

  const commune = JSON.parse(
    readFileSync(new URL('../../../examples/sample-commune/commune.json', import.meta.url), 'utf8'),
  );
  const communes = Array.from({ length: 10_000 }, (_, i) => ({
    ...commune,
    id: `x-${i}`,
    values: { ...commune.values, school_count: i % 7, grade1_enrolment_age6_pct: 90 + (i % 11) },
  }));
  const options = { level: 'kieu-mau', asOf: '2023-11-15' };
  evaluateMany(communes.slice(0, 500), options); // warm-up and compile
  const engine: number[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    const start = performance.now();
    const { results, errors } = evaluateMany(communes, options);
    engine.push(performance.now() - start);
    if (results.length + errors.length !== communes.length) throw new Error('lost communes');
  }
  console.log(
    `engine evaluateMany, 10,000 communes at kieu-mau (with its ntm and nang-cao prerequisites): median ${median(engine).toFixed(1)} ms (${engine.map((ms) => ms.toFixed(0)).join(', ')})`,
  );
}

await main();
