// `pnpm bench`: the benchmark suite (issue 6). Runs W1 (engine) now, W2 (components) and W3 (CLI) when their
// packages are built; prints a table with PASS/MISS against the targets and writes bench/results/latest.json.
// Never fails because a target is missed; fails only on a broken set-up.
//
//   pnpm bench                      10,000 communes, 7 repetitions (a few minutes at most)
//   pnpm bench --quick              1,000 communes, 3 repetitions (under a minute)
//   pnpm bench --communes 100000 --variants core-full,hand-full,core-dashboard,hand-passfail
//
// Run with --expose-gc (the root script does) for GC between runs and retained memory per commune.
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { fmt, hasGc } from './harness.js';
import { formatW1, runW1, VARIANTS, type W1Options } from './w1-engine/index.js';
import { runW2 } from './w2-components.js';
import { runW3 } from './w3-cli.js';

const HELP = `pnpm bench [options]
  --quick                     1,000 communes, 3 repetitions, 1 warm-up, json-rules-engine on 200
  --communes N                communes in W1 (default 10,000)
  --reps N                    timed repetitions per variant (default 7)
  --warmup N                  warm-up runs per variant (default 2)
  --seed N                    data seed (default 20231115)
  --rules-engine-subset N     communes json-rules-engine runs on (default 500)
  --agreement N               communes checked for agreement before timing (default 200)
  --variants a,b,…            only these W1 variants: ${Object.keys(VARIANTS).join(', ')}
  --no-memory                 skip the retained-memory measurement
  --out FILE                  where to write the JSON results (default bench/results/latest.json)`;

/** SHA-256 of a package's sources and rules (no git needed): which core a result file measured. */
function sourceHash(root: string): string {
  const hash = createHash('sha256');
  const walk = (dir: string): void => {
    for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) =>
      a.name < b.name ? -1 : 1,
    )) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (/\.(ts|json)$/.test(entry.name) && !entry.name.endsWith('.test.ts'))
        hash
          .update(`${relative(root, path)}\0`)
          .update(readFileSync(path))
          .update('\0');
    }
  };
  for (const dir of ['src', 'rules']) walk(join(root, dir));
  return hash.digest('hex').slice(0, 16);
}

function positive(name: string, value: string | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  const n = Number(value.replaceAll('_', '').replaceAll(',', ''));
  if (!Number.isInteger(n) || n < 0) throw new Error(`--${name} expects a whole number, got '${value}'`);
  return n;
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      quick: { type: 'boolean', default: false },
      communes: { type: 'string' },
      reps: { type: 'string' },
      warmup: { type: 'string' },
      seed: { type: 'string' },
      'rules-engine-subset': { type: 'string' },
      agreement: { type: 'string' },
      variants: { type: 'string' },
      'no-memory': { type: 'boolean', default: false },
      out: { type: 'string' },
      help: { type: 'boolean', default: false },
    },
    strict: true,
  });
  if (values.help) {
    console.log(HELP);
    return;
  }
  const quick = values.quick;
  const variants = values.variants ? values.variants.split(',').map((id) => id.trim()) : [];
  for (const id of variants)
    if (!(id in VARIANTS))
      throw new Error(`unknown variant '${id}'; known: ${Object.keys(VARIANTS).join(', ')}`);
  const options: W1Options = {
    communes: positive('communes', values.communes, quick ? 1000 : 10_000),
    reps: Math.max(1, positive('reps', values.reps, quick ? 3 : 7)),
    warmup: positive('warmup', values.warmup, quick ? 1 : 2),
    seed: positive('seed', values.seed, 20231115),
    rulesEngineSubset: Math.max(
      1,
      positive('rules-engine-subset', values['rules-engine-subset'], quick ? 200 : 500),
    ),
    agreementSample: positive('agreement', values.agreement, quick ? 100 : 200),
    variants,
    memory: !values['no-memory'],
  };
  const here = dirname(fileURLToPath(import.meta.url));
  const out = resolve(values.out ?? resolve(here, 'results/latest.json'));

  const started = performance.now();
  const date = new Date().toISOString();
  const cpu = cpus();
  const machine = `${cpu.length} × ${cpu[0]?.model.trim() ?? 'unknown CPU'}, ${fmt(totalmem() / 2 ** 30, 1)} GiB`;
  const command = `${process.argv0} ${[...process.execArgv.filter((arg) => !arg.includes('tsx')), ...process.argv.slice(1)].join(' ')}`;
  console.log(
    `nongthonmoi bench — ${date}, Node ${process.version} (${process.platform}/${process.arch}), ${machine}`,
  );
  const coreSource = sourceHash(resolve(here, '../packages/core'));
  console.log(`  packages/core sources ${coreSource} (SHA-256 of src/ and rules/, tests excluded)`);
  if (!hasGc)
    console.log(
      '  note: run with --expose-gc (as `pnpm bench` does) for GC between runs and retained memory',
    );

  const log = (line: string) => console.log(line);
  const w1 = await runW1(options, log);
  console.log('');
  for (const line of formatW1(w1)) console.log(line);
  console.log('');
  const w2 = await runW2(log);
  const w3 = await runW3(log);
  const seconds = (performance.now() - started) / 1000;
  console.log(`\nTotal ${fmt(seconds, 1)} s.`);

  const report = {
    schema: 1,
    date,
    command,
    node: process.version,
    v8: process.versions.v8,
    platform: `${process.platform}/${process.arch}`,
    machine: { cpus: cpu.length, model: cpu[0]?.model.trim() ?? null, memoryBytes: totalmem() },
    exposeGc: hasGc,
    coreSource,
    seconds: Math.round(seconds * 10) / 10,
    w1,
    w2,
    w3,
  };
  mkdirSync(dirname(out), { recursive: true });
  writeFileSync(`${out}.tmp`, `${JSON.stringify(report, null, 2)}\n`);
  renameSync(`${out}.tmp`, out);
  console.log(`Results written to ${out}`);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? (error.stack ?? error.message) : error);
  process.exitCode = 1;
});
