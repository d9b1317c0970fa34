// `pnpm bench`: the benchmark suite (issue 6). W1 (engine, in process), W2 (the web components in Chromium) and
// W3 (the `ntm` CLI end to end); each workload prints its details, then one summary table with every workload's
// measurements and the targets (PASS/MISS), and bench/results/latest.json gets everything. W2 and W3 report
// themselves skipped when their package is not built (or Chromium is absent).
// Never fails because a target is missed; fails (exit 1) only on a broken set-up.
//
//   pnpm bench                      W1 on 10,000 communes, W2, W3 on 10,000 rows and 100,000 (10–15 minutes on 2 busy cores)
//   pnpm bench --quick              W1 on 1,000 communes, W2 10 cards × 2 reps, W3 on 1,000 rows (under a minute)
//   pnpm bench --workloads w2,w3    only some workloads
//   pnpm bench --workloads w1 --communes 100000 --variants core-full,hand-full,core-dashboard,hand-passfail
//
// Run with --expose-gc (the root script does) for GC between runs and retained memory per commune.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { fmt, hasGc } from './harness.js';
import { formatW1, runW1, summaryW1, VARIANTS, type W1Options } from './w1-engine/index.js';
import { formatW2, runW2, summaryW2, type W2Options } from './w2-components/index.js';
import {
  formatW3,
  type InputKind,
  type OutputFormat,
  runW3,
  summaryW3,
  type W3Options,
} from './w3-cli/index.js';
import { ms, type SummaryRow, type TargetRow, verdict } from './workload.js';

const WORKLOADS = ['w1', 'w2', 'w3'] as const;
type Workload = (typeof WORKLOADS)[number];

const HELP = `pnpm bench [options]
  --quick                     smaller and fewer: W1 1,000 communes, 3 repetitions; W2 10 scorecards,
                              2 repetitions; W3 1,000 rows, 1 repetition (under a minute in all)
  --workloads w1,w2,w3        which workloads to run (default: all three)
  --seed N                    data seed of every workload (default 20231115)
  --out FILE                  where to write the JSON results (default bench/results/latest.json)

W1 engine (in process):
  --communes N                communes (default 10,000; quick 1,000)
  --reps N                    timed repetitions per variant (default 7; quick 3)
  --warmup N                  warm-up runs per variant (default 2; quick 1)
  --rules-engine-subset N     communes json-rules-engine runs on (default 500; quick 200)
  --agreement N               communes checked for agreement before timing (default 200; quick 100)
  --variants a,b,…            only these W1 variants: ${Object.keys(VARIANTS).join(', ')}
  --no-memory                 skip the retained-memory measurement

W2 components (Chromium, packages/scorecard/dist/standalone):
  --board-communes N          communes on <ntm-district-board> (default 300, the target's size)
  --country-communes N        communes on the country board (default 3,300, the target's size)
  --scorecards N              <ntm-scorecard> elements on one page (default 100; quick 10)
  --w2-reps N                 repetitions per variant (default 7; quick 2)
  --w2-warmup N               warm-up runs per variant (default 1; quick 0)
  --w2-interaction-reps N     runs of scrolling, sorting and filtering the country board (default 3; quick 1)
                              (quick also skips the phase breakdown and the every-row-in-the-DOM board)

W3 CLI (node packages/cli/dist/bin.js evaluate):
  --cli-rows N                rows in the CSV and XLSX files (default 10,000; quick 1,000)
  --cli-reps N                repetitions per case (default 3; quick 1)
  --cli-warmup N              warm-up runs per case (default 0)
  --cli-inputs csv,xlsx       input files (default both)
  --cli-formats csv,json      outputs (default both; JSON is compact, ~5 KB per commune)
  --cli-scale-rows N          rows of the scale phase's CSV (CSV → csv, default threads and --jobs 1:
                              peak RSS and speed-up; default 100,000, judged there only; quick 10,000; 0: none)
  --cli-scale-reps N          repetitions of each scale case (default 2; quick 1)
  --profile                   also run each CLI case once under node --cpu-prof and print the hot functions
  --keep-files                keep W3's temporary directory (inputs, profiles)`;

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

/** SHA-256 of a package's built JavaScript (dist/**\/*.js), or null when it is not built: which build W2/W3 ran. */
function distHash(root: string): string | null {
  const dist = join(root, 'dist');
  if (!existsSync(dist)) return null;
  const hash = createHash('sha256');
  const walk = (dir: string): void => {
    for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) =>
      a.name < b.name ? -1 : 1,
    )) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.name.endsWith('.js'))
        hash
          .update(`${relative(root, path)}\0`)
          .update(readFileSync(path))
          .update('\0');
    }
  };
  walk(dist);
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
      workloads: { type: 'string' },
      'board-communes': { type: 'string' },
      'country-communes': { type: 'string' },
      'w2-interaction-reps': { type: 'string' },
      scorecards: { type: 'string' },
      'w2-reps': { type: 'string' },
      'w2-warmup': { type: 'string' },
      'cli-rows': { type: 'string' },
      'cli-reps': { type: 'string' },
      'cli-warmup': { type: 'string' },
      'cli-inputs': { type: 'string' },
      'cli-formats': { type: 'string' },
      'cli-scale-rows': { type: 'string' },
      'cli-scale-reps': { type: 'string' },
      profile: { type: 'boolean', default: false },
      'keep-files': { type: 'boolean', default: false },
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
  const list = <T extends string>(name: string, value: string | undefined, known: readonly T[]): T[] => {
    if (value === undefined) return [...known];
    const items = value
      .split(',')
      .map((item) => item.trim().toLowerCase())
      .filter(Boolean);
    for (const item of items)
      if (!known.includes(item as T))
        throw new Error(`--${name}: unknown '${item}'; known: ${known.join(', ')}`);
    return [...new Set(items)] as T[];
  };
  const workloads = list<Workload>('workloads', values.workloads, WORKLOADS);
  const w2: W2Options = {
    communes: Math.max(1, positive('board-communes', values['board-communes'], 300)),
    countryCommunes: Math.max(1, positive('country-communes', values['country-communes'], 3300)),
    interactionReps: Math.max(
      1,
      positive('w2-interaction-reps', values['w2-interaction-reps'], quick ? 1 : 3),
    ),
    scorecards: Math.max(1, positive('scorecards', values.scorecards, quick ? 10 : 100)),
    reps: Math.max(1, positive('w2-reps', values['w2-reps'], quick ? 2 : 7)),
    warmup: positive('w2-warmup', values['w2-warmup'], quick ? 0 : 1),
    seed: options.seed,
    breakdownRuns: quick ? 0 : 5,
    fullBoard: !quick,
  };
  const w3: W3Options = {
    rows: Math.max(1, positive('cli-rows', values['cli-rows'], quick ? 1000 : 10_000)),
    reps: Math.max(1, positive('cli-reps', values['cli-reps'], quick ? 1 : 3)),
    warmup: positive('cli-warmup', values['cli-warmup'], 0),
    seed: options.seed,
    inputs: list<InputKind>('cli-inputs', values['cli-inputs'], ['csv', 'xlsx']),
    formats: list<OutputFormat>('cli-formats', values['cli-formats'], ['csv', 'json']),
    profile: values.profile,
    keep: values['keep-files'],
    scaleRows: positive('cli-scale-rows', values['cli-scale-rows'], quick ? 10_000 : 100_000),
    scaleReps: Math.max(1, positive('cli-scale-reps', values['cli-scale-reps'], quick ? 1 : 2)),
  };
  const here = dirname(fileURLToPath(import.meta.url));
  const out = resolve(values.out ?? resolve(here, 'results/latest.json'));

  const started = performance.now();
  const date = new Date().toISOString();
  const cpu = cpus();
  const machine = `${cpu.length} × ${cpu[0]?.model.trim() ?? 'unknown CPU'}, ${fmt(totalmem() / 2 ** 30, 1)} GiB`;
  // tsx's own loader flags (`--require <tsx>`, `--import <tsx>`) are left out: the command as typed, roughly.
  const execArgv = process.execArgv.filter(
    (arg, i, all) =>
      !arg.includes('tsx') && !(/^--(require|import)$/.test(arg) && all[i + 1]?.includes('tsx')),
  );
  const command = `${process.argv0} ${[...execArgv, ...process.argv.slice(1)].join(' ')}`;
  const load = () => loadavg().map((value) => Math.round(value * 100) / 100);
  const loadAtStart = load();
  console.log(
    `nongthonmoi bench — ${date}, Node ${process.version} (${process.platform}/${process.arch}), ${machine}, load average ${loadAtStart.join(' / ')} (1 / 5 / 15 min)`,
  );
  const coreSource = sourceHash(resolve(here, '../packages/core'));
  console.log(`  packages/core sources ${coreSource} (SHA-256 of src/ and rules/, tests excluded)`);
  const builds = {
    scorecardDist: distHash(resolve(here, '../packages/scorecard')),
    cliDist: distHash(resolve(here, '../packages/cli')),
  };
  console.log(
    `  builds: packages/scorecard/dist ${builds.scorecardDist ?? 'absent'}, packages/cli/dist ${builds.cliDist ?? 'absent'} (SHA-256 of dist/**/*.js)`,
  );
  if (!hasGc)
    console.log(
      '  note: run with --expose-gc (as `pnpm bench` does) for GC between runs and retained memory',
    );

  const log = (line: string) => console.log(line);
  const rows: SummaryRow[] = [];
  const targets: TargetRow[] = [];
  const failures: string[] = [];
  /** Wall time of each workload (s). */
  const seconds: Record<string, number> = {};
  const notSelected = (workload: string) => ({ workload, status: 'not selected' as const });
  /** Runs one workload; a broken set-up is reported, the others still run, and the exit code is 1. */
  const attempt = async <T>(
    name: string,
    work: () => Promise<T>,
  ): Promise<T | { workload: string; status: 'failed'; reason: string }> => {
    const began = performance.now();
    try {
      const result = await work();
      seconds[name] = Math.round((performance.now() - began) / 100) / 10;
      return result;
    } catch (error) {
      const reason = error instanceof Error ? (error.stack ?? error.message) : String(error);
      console.error(`${name} FAILED: ${reason}`);
      failures.push(name);
      return { workload: name, status: 'failed', reason };
    }
  };

  const w1Report = workloads.includes('w1')
    ? await attempt('w1-engine', async () => {
        const report = await runW1(options, log);
        console.log('');
        for (const line of formatW1(report)) console.log(line);
        console.log('');
        const summary = summaryW1(report);
        rows.push(...summary.rows);
        targets.push(...summary.targets);
        return report;
      })
    : notSelected('w1-engine');
  const w2Report = workloads.includes('w2')
    ? await attempt('w2-components', async () => {
        const report = await runW2(w2, log);
        if (report.status === 'done') {
          console.log('');
          for (const line of formatW2(report)) console.log(line);
          console.log('');
          rows.push(...summaryW2(report));
          targets.push(...report.targets);
        }
        return report;
      })
    : notSelected('w2-components');
  const w3Report = workloads.includes('w3')
    ? await attempt('w3-cli', async () => {
        const report = await runW3(w3, log);
        if (report.status === 'done') {
          console.log('');
          for (const line of formatW3(report)) console.log(line);
          console.log('');
          rows.push(...summaryW3(report));
          targets.push(...report.targets);
        }
        return report;
      })
    : notSelected('w3-cli');

  const total = (performance.now() - started) / 1000;
  const loadAtEnd = load();
  for (const line of summaryTable(rows, targets)) console.log(line);
  for (const report of [w1Report, w2Report, w3Report])
    if ('status' in report && (report.status === 'skipped' || report.status === 'failed'))
      console.log(
        `${report.workload}: ${report.status}${report.status === 'skipped' ? `: ${report.reason}` : ' (see above)'}`,
      );
  console.log(
    `\nTotal ${fmt(total, 1)} s (${Object.entries(seconds)
      .map(([name, s]) => `${name} ${fmt(s, 1)} s`)
      .join(', ')}); load average at the end ${loadAtEnd.join(' / ')} on ${cpu.length} CPUs.`,
  );

  const report = {
    schema: 2,
    workloads,
    date,
    command,
    node: process.version,
    v8: process.versions.v8,
    platform: `${process.platform}/${process.arch}`,
    machine: { cpus: cpu.length, model: cpu[0]?.model.trim() ?? null, memoryBytes: totalmem() },
    loadAverage: { start: loadAtStart, end: loadAtEnd },
    exposeGc: hasGc,
    coreSource,
    builds,
    seconds: Math.round(total * 10) / 10,
    workloadSeconds: seconds,
    w1: w1Report,
    w2: w2Report,
    w3: w3Report,
    summary: { rows, targets },
  };
  mkdirSync(dirname(out), { recursive: true });
  writeFileSync(`${out}.tmp`, `${JSON.stringify(report, null, 2)}\n`);
  renameSync(`${out}.tmp`, out);
  console.log(`Results written to ${out}`);
  if (failures.length > 0) {
    console.error(`Broken set-up in: ${failures.join(', ')}`);
    process.exitCode = 1;
  }
}

/** The one table: every workload's measurements, then every target with its verdict. */
function summaryTable(rows: readonly SummaryRow[], targets: readonly TargetRow[]): string[] {
  const width = Math.min(90, Math.max(20, ...rows.map((row) => row.measurement.length)));
  const header = [
    'workload'.padEnd(8),
    'measurement'.padEnd(width),
    'size'.padStart(16),
    'median ms'.padStart(10),
    'min ms'.padStart(9),
    'cpu ms'.padStart(9),
    '  vs baseline (same run)',
  ].join(' ');
  const lines = [
    'Summary (all workloads; W2 times are to the end of the frame)',
    header,
    '-'.repeat(header.length),
  ];
  for (const row of rows)
    lines.push(
      [
        row.workload.padEnd(8),
        row.measurement.padEnd(width),
        row.size.padStart(16),
        ms(row.medianMs).padStart(10),
        ms(row.minMs).padStart(9),
        ms(row.cpuMs).padStart(9),
        `  ${row.versus}`,
      ].join(' '),
    );
  if (targets.length > 0) {
    lines.push('', 'Targets (median; fastest runs). A MISS never fails the run.');
    for (const target of targets)
      lines.push(
        `  ${verdict(target.pass).padEnd(4)} ${target.workload} ${target.description}: ${target.measured}${
          target.pass !== null && target.passFromMin !== target.pass
            ? ` (noisy: the fastest runs say ${verdict(target.passFromMin)})`
            : ''
        }`,
      );
  }
  return lines;
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? (error.stack ?? error.message) : error);
  process.exitCode = 1;
});
