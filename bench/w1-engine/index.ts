// W1 "engine": N seeded communes against the full nâng cao 2021–2025 edition with its NTM prerequisite, in six
// compared variants (and one for information) measured in the same process, interleaved; ratios against
// baselines measured in the same run.
import { performance } from 'node:perf_hooks';
import {
  fmt,
  hasGc,
  retainedPerCommune,
  type Timing,
  timeVariants,
  timingOf,
  type Variant,
} from '../harness.js';
import type { SummaryRow, TargetRow } from '../workload.js';
import { coreDashboard, coreEvaluateOnly, coreFull, readFull } from './core.js';
import { type BenchCommune, generateCommunes } from './generate.js';
import { handFull, handPassFail } from './handwritten.js';
import { jsonLogicPassFail } from './json-logic.js';
import { STATUS_NAMES } from './rules.js';
import { rulesEnginePassFail } from './rules-engine.js';
import { disagreements, setupW1, statusViews } from './setup.js';

export interface W1Options {
  communes: number;
  reps: number;
  warmup: number;
  seed: number;
  /** Communes json-rules-engine runs on (it is slow); its throughput is per commune, so it scales. */
  rulesEngineSubset: number;
  /** Communes checked for agreement before timing. */
  agreementSample: number;
  /** Variant ids to run (all when empty). */
  variants: readonly string[];
  memory: boolean;
}

/** Variant ids, names and the path(s) each belongs to. */
export const VARIANTS = {
  'core-full': { name: '@nongthonmoi/core: evaluateMany + read every result', paths: ['full'] },
  'hand-full': { name: 'hand-written TS, same result objects', paths: ['full'] },
  'core-dashboard': { name: '@nongthonmoi/core: evaluateMany + summarize', paths: ['dashboard'] },
  'core-evaluate': { name: '(info) core: evaluateMany only, statuses + counts', paths: ['dashboard'] },
  'hand-passfail': { name: 'hand-written TS, pass/fail + tally', paths: ['dashboard'] },
  'json-logic': { name: 'json-logic-js apply, pass/fail + tally', paths: ['full', 'dashboard'] },
  'rules-engine': { name: 'json-rules-engine run, pass/fail + tally', paths: ['dashboard'] },
} as const;
export type VariantId = keyof typeof VARIANTS;

export interface TargetCheck {
  id: string;
  path: 'full' | 'dashboard';
  description: string;
  /** The measured ratio (see `unit`), from medians; null when a variant was not run. */
  value: number | null;
  /** The same ratio from the fastest runs. */
  valueFromMin: number | null;
  threshold: number;
  /** The verdict from the fastest runs (on a busy machine it can differ from the median's). */
  passFromMin: boolean | null;
  /**
   * `speedup`: competitor time / core time, must be ≥ threshold; `slowdown`: core / baseline, ≤ threshold;
   * `memory`: core's retained bytes / the baseline's, ≤ threshold.
   */
  unit: 'speedup' | 'slowdown' | 'memory';
  pass: boolean | null;
}

export interface W1Report {
  workload: 'w1-engine';
  level: string;
  asOf: string;
  rulesets: string[];
  indicators: number;
  options: W1Options;
  dataset: {
    communes: number;
    seed: number;
    generateMs: number;
    regions: Record<string, number>;
    indicatorStatuses: Record<string, number>;
    tierStatuses: Record<string, number>;
  };
  agreement: { communes: number; variants: string[]; disagreements: number; sample: string[] };
  timings: Array<Timing & { name: string; paths: readonly string[] }>;
  targets: TargetCheck[];
  /** The hand-written pass/fail loop against the competitors: the ceiling of the dashboard targets. */
  ceiling: { handVsJsonLogic: number | null; handVsRulesEngine: number | null };
}

const ratio = (a: number, b: number) => Math.round((a / b) * 100) / 100;

/** How many times faster `fast` is than `slow`, per commune, from medians (null if either did not run). */
function speedupOf(timings: Map<string, Timing>, fast: string, slow: string): number | null {
  const a = timings.get(fast);
  const b = timings.get(slow);
  return a && b ? ratio(b.perCommuneUs, a.perCommuneUs) : null;
}

function checks(timings: Map<string, Timing>): TargetCheck[] {
  const perCommune = (id: string, key: 'medianMs' | 'minMs') => {
    const t = timings.get(id);
    return t ? t[key] / t.communes : null;
  };
  const make = (
    id: string,
    path: 'full' | 'dashboard',
    description: string,
    core: string,
    other: string,
    unit: 'speedup' | 'slowdown',
    threshold: number,
  ): TargetCheck => {
    const compute = (key: 'medianMs' | 'minMs') => {
      const c = perCommune(core, key);
      const o = perCommune(other, key);
      if (c === null || o === null) return null;
      return unit === 'speedup' ? ratio(o, c) : ratio(c, o);
    };
    const verdict = (value: number | null) =>
      value === null ? null : unit === 'speedup' ? value >= threshold : value <= threshold;
    const value = compute('medianMs');
    const valueFromMin = compute('minMs');
    return {
      id,
      path,
      description,
      value,
      valueFromMin,
      threshold,
      unit,
      pass: verdict(value),
      passFromMin: verdict(valueFromMin),
    };
  };
  return [
    make(
      'dashboard-vs-json-logic',
      'dashboard',
      'core ≥ 10× faster than json-logic-js',
      'core-dashboard',
      'json-logic',
      'speedup',
      10,
    ),
    make(
      'dashboard-vs-rules-engine',
      'dashboard',
      'core ≥ 50× faster than json-rules-engine',
      'core-dashboard',
      'rules-engine',
      'speedup',
      50,
    ),
    make(
      'dashboard-vs-hand',
      'dashboard',
      'core within 1.5× of hand-written pass/fail',
      'core-dashboard',
      'hand-passfail',
      'slowdown',
      1.5,
    ),
    make(
      'full-vs-hand',
      'full',
      'core within 1.5× of hand-written (same objects)',
      'core-full',
      'hand-full',
      'slowdown',
      1.5,
    ),
    make(
      'full-vs-json-logic',
      'full',
      'core faster than json-logic-js',
      'core-full',
      'json-logic',
      'speedup',
      1,
    ),
    memoryCheck(timings),
  ];
}

/**
 * Memory: what `evaluateMany`'s results retain per commune (statuses and counts read, as a dashboard does),
 * against what the hand-written result objects retain, at most 1.5×. Measured once per variant, not per run,
 * so the median and the "fastest" value are the same.
 */
function memoryCheck(timings: Map<string, Timing>): TargetCheck {
  const core = timings.get('core-evaluate')?.retainedBytesPerCommune ?? null;
  const hand = timings.get('hand-full')?.retainedBytesPerCommune ?? null;
  const value = core === null || hand === null ? null : ratio(core, hand);
  const pass = value === null ? null : value <= 1.5;
  return {
    id: 'memory-vs-hand',
    path: 'full',
    description: 'evaluateMany retains at most 1.5× the memory of hand-written result objects',
    value,
    valueFromMin: value,
    threshold: 1.5,
    unit: 'memory',
    pass,
    passFromMin: pass,
  };
}

/** Statuses core gives the dataset, counted (a separate function so the results are freed before timing). */
function describeData(context: ReturnType<typeof setupW1>, communes: readonly BenchCommune[]) {
  const indicatorStatuses: Record<string, number> = {};
  const tierStatuses: Record<string, number> = {};
  const regions: Record<string, number> = {};
  const probe = coreFull(communes, context.options);
  if (probe.batch.errors.length > 0)
    throw new Error(`core rejected ${probe.batch.errors.length} communes: ${probe.batch.errors[0]?.message}`);
  for (const commune of communes) regions[commune.region] = (regions[commune.region] ?? 0) + 1;
  for (const evaluation of probe.batch.results) {
    const chain = [...evaluation.prerequisites, evaluation];
    const key = chain.map((e) => `${e.level} ${e.status}`).join(', ');
    tierStatuses[key] = (tierStatuses[key] ?? 0) + 1;
    for (const e of chain)
      for (const criterion of e.criteria)
        for (const indicator of criterion.indicators)
          indicatorStatuses[indicator.status] = (indicatorStatuses[indicator.status] ?? 0) + 1;
  }
  return { indicatorStatuses, tierStatuses, regions };
}

export async function runW1(options: W1Options, log: (line: string) => void): Promise<W1Report> {
  const context = setupW1();
  const { rules } = context;
  const started = performance.now();
  const communes = generateCommunes(rules, { communes: options.communes, seed: options.seed });
  const generateMs = performance.now() - started;
  const subset = communes.slice(0, Math.min(options.rulesEngineSubset, communes.length));
  log(
    `W1 engine: ${fmt(communes.length)} communes (seed ${options.seed}, generated in ${fmt(generateMs)} ms), ` +
      `${rules.tiers.map((tier) => tier.rulesetId).join(' + ')}, ${rules.all.length} indicators, asOf ${rules.asOf}`,
  );

  // The data: what core says about it (the mix every variant works through).
  const { indicatorStatuses, tierStatuses, regions } = describeData(context, communes);
  const cells = Object.values(indicatorStatuses).reduce((a, b) => a + b, 0);
  log(
    `  data: ${STATUS_NAMES.map((name) => `${name} ${fmt((100 * (indicatorStatuses[name] ?? 0)) / cells, 1)} %`).join(', ')} of ${fmt(cells)} indicator results`,
  );
  log(
    `  tiers: ${Object.entries(tierStatuses)
      .sort((a, b) => b[1] - a[1])
      .map(([key, n]) => `${key}: ${fmt((100 * n) / communes.length, 1)} %`)
      .join('; ')}`,
  );

  // Fairness first: every variant must say the same about every indicator.
  const sample = communes.slice(0, Math.min(options.agreementSample, communes.length));
  const views = await statusViews(context, sample);
  const wrong = disagreements(rules, sample, views);
  if (sample.length === 0) log('  agreement: skipped (--agreement 0)');
  else
    log(
      wrong.length === 0
        ? `  agreement: all ${views.length} variants give the same status to each of ${rules.all.length} indicators (and each tier) on ${fmt(sample.length)} communes`
        : `  agreement: ${wrong.length} DISAGREEMENTS on ${fmt(sample.length)} communes, e.g. ${wrong.slice(0, 3).join('; ')}`,
    );

  const all: Record<VariantId, Variant> = {
    'core-full': {
      id: 'core-full',
      communes: communes.length,
      run: () => coreFull(communes, context.options),
    },
    'hand-full': {
      id: 'hand-full',
      communes: communes.length,
      run: () => {
        const evaluations = handFull(context.hand, communes);
        return { evaluations, checksum: readFull(evaluations) };
      },
    },
    'core-dashboard': {
      id: 'core-dashboard',
      communes: communes.length,
      run: () => coreDashboard(communes, context.options),
    },
    'core-evaluate': {
      id: 'core-evaluate',
      communes: communes.length,
      run: () => coreEvaluateOnly(communes, context.options),
    },
    'hand-passfail': {
      id: 'hand-passfail',
      communes: communes.length,
      run: () => handPassFail(context.hand, communes),
    },
    'json-logic': {
      id: 'json-logic',
      communes: communes.length,
      run: () => jsonLogicPassFail(context.jsonLogic, communes),
    },
    'rules-engine': {
      id: 'rules-engine',
      communes: subset.length,
      run: () => rulesEnginePassFail(context.rulesEngine, subset),
    },
  };
  const selected = (Object.keys(all) as VariantId[]).filter(
    (id) => options.variants.length === 0 || options.variants.includes(id),
  );
  const variants = selected.map((id) => all[id]);
  log(
    `  timing ${variants.length} variants: ${options.warmup} warm-up + ${options.reps} interleaved repetitions each` +
      (selected.includes('rules-engine')
        ? `; json-rules-engine on the first ${fmt(subset.length)} communes`
        : ''),
  );
  const runs = await timeVariants(variants, {
    warmup: options.warmup,
    reps: options.reps,
    onRep: (rep) => log(`    repetition ${rep}/${options.reps} done`),
  });
  const timings = new Map<string, Timing>();
  for (const variant of variants) {
    const retained = options.memory && hasGc ? await retainedPerCommune(variant) : null;
    timings.set(variant.id, timingOf(variant, runs.get(variant.id) ?? [], retained));
  }
  return {
    workload: 'w1-engine',
    level: context.options.level,
    asOf: rules.asOf,
    rulesets: rules.tiers.map((tier) => tier.rulesetId),
    indicators: rules.all.length,
    options,
    dataset: {
      communes: communes.length,
      seed: options.seed,
      generateMs: Math.round(generateMs),
      regions,
      indicatorStatuses,
      tierStatuses,
    },
    agreement: {
      communes: sample.length,
      variants: views.map((view) => view.variant),
      disagreements: wrong.length,
      sample: wrong.slice(0, 20),
    },
    timings: selected
      .filter((id) => timings.has(id))
      .map((id) => ({ ...(timings.get(id) as Timing), name: VARIANTS[id].name, paths: VARIANTS[id].paths })),
    targets: checks(timings),
    ceiling: {
      handVsJsonLogic: speedupOf(timings, 'hand-passfail', 'json-logic'),
      handVsRulesEngine: speedupOf(timings, 'hand-passfail', 'rules-engine'),
    },
  };
}

/** The W1 table and target lines, as printed. */
export function formatW1(report: W1Report): string[] {
  const lines: string[] = [];
  const byId = new Map(report.timings.map((t) => [t.id, t]));
  const header = [
    'path'.padEnd(10),
    'variant'.padEnd(54),
    'communes'.padStart(9),
    'median ms'.padStart(11),
    'min ms'.padStart(10),
    'cpu ms'.padStart(10),
    'gc %'.padStart(5),
    'communes/s'.padStart(12),
    'vs core'.padStart(15),
    'retained/commune'.padStart(17),
  ].join(' ');
  lines.push(header, '-'.repeat(header.length));
  const rows: Array<[string, VariantId, VariantId]> = [
    ['full', 'core-full', 'core-full'],
    ['full', 'hand-full', 'core-full'],
    ['full', 'json-logic', 'core-full'],
    ['dashboard', 'core-dashboard', 'core-dashboard'],
    ['dashboard', 'core-evaluate', 'core-dashboard'],
    ['dashboard', 'hand-passfail', 'core-dashboard'],
    ['dashboard', 'json-logic', 'core-dashboard'],
    ['dashboard', 'rules-engine', 'core-dashboard'],
  ];
  for (const [path, id, coreId] of rows) {
    const t = byId.get(id);
    if (!t) continue;
    const core = byId.get(coreId);
    let versus = '—';
    if (core && id === 'core-evaluate')
      versus = `${fmt((100 * t.perCommuneUs) / core.perCommuneUs)} % of core`;
    else if (core && id !== coreId) {
      const r = t.perCommuneUs / core.perCommuneUs;
      versus = r >= 1 ? `core ${fmt(r, r < 10 ? 2 : 1)}× faster` : `core ${fmt(1 / r, 2)}× slower`;
    }
    const scaled = id === 'rules-engine' ? ' *' : '';
    lines.push(
      [
        path.padEnd(10),
        (VARIANTS[id].name + scaled).padEnd(54),
        fmt(t.communes).padStart(9),
        fmt(t.medianMs, 1).padStart(11),
        fmt(t.minMs, 1).padStart(10),
        fmt(t.cpuMedianMs, 1).padStart(10),
        fmt(100 * t.gcShare).padStart(5),
        fmt(t.throughput).padStart(12),
        versus.padStart(15),
        (t.retainedBytesPerCommune === null
          ? 'n/a'
          : `${fmt(t.retainedBytesPerCommune / 1024, 1)} KiB`
        ).padStart(17),
      ].join(' '),
    );
  }
  if (byId.has('rules-engine'))
    lines.push(
      `* json-rules-engine is slow: it ran on the first ${fmt(byId.get('rules-engine')?.communes ?? 0)} communes; its communes/s and ratio are per commune, i.e. scaled to the full run.`,
    );
  if (byId.has('json-logic'))
    lines.push(
      'json-logic-js is one measurement shown on both paths; it computes pass/fail per indicator (and the tally), not the full result objects.',
    );
  lines.push(
    'median/min: wall time of one run over all its communes; cpu: median CPU time of the process (all threads, GC included);',
    'gc %: share of the median run spent in GC pauses (allocation and retained results cost there).',
  );
  lines.push(
    '',
    'Targets (ratios from medians; from the fastest runs in brackets). A MISS never fails the run.',
  );
  for (const target of report.targets) {
    if (target.value === null) {
      lines.push(`  n/a   ${target.path}: ${target.description} (a variant was not run)`);
      continue;
    }
    const speed = (value: number) =>
      value >= 1 ? `${fmt(value, 2)}× faster` : `${fmt(1 / value, 2)}× SLOWER`;
    const fromMin = target.valueFromMin ?? 0;
    const measured =
      target.unit === 'memory'
        ? `core retains ${fmt(target.value, 2)}× its memory`
        : target.unit === 'slowdown'
          ? `core takes ${fmt(target.value, 2)}× its time (${fmt(fromMin, 2)}×)`
          : `core is ${speed(target.value)} (${speed(fromMin)})`;
    const noisy =
      target.passFromMin !== target.pass
        ? ` (noisy: the fastest runs say ${target.passFromMin ? 'PASS' : 'MISS'})`
        : '';
    lines.push(
      `  ${target.pass ? 'PASS' : 'MISS'}  ${target.path}: ${target.description}: ${measured}${noisy}`,
    );
  }
  const { handVsJsonLogic, handVsRulesEngine } = report.ceiling;
  if (handVsJsonLogic !== null || handVsRulesEngine !== null)
    lines.push(
      `  context: the hand-written pass/fail loop (the practical upper bound) is ${handVsJsonLogic === null ? 'n/a' : `${fmt(handVsJsonLogic, 2)}×`} faster than json-logic-js and ${handVsRulesEngine === null ? 'n/a' : `${fmt(handVsRulesEngine, 1)}×`} faster than json-rules-engine here.`,
    );
  return lines;
}

/** W1's lines of the summary table (each variant once, compared with core on its path) and its targets. */
export function summaryW1(report: W1Report): { rows: SummaryRow[]; targets: TargetRow[] } {
  const byId = new Map(report.timings.map((t) => [t.id, t]));
  const order: Array<[VariantId, VariantId]> = [
    ['core-full', 'core-full'],
    ['hand-full', 'core-full'],
    ['json-logic', 'core-full'],
    ['core-dashboard', 'core-dashboard'],
    ['core-evaluate', 'core-dashboard'],
    ['hand-passfail', 'core-dashboard'],
    ['rules-engine', 'core-dashboard'],
  ];
  const rows: SummaryRow[] = [];
  for (const [id, coreId] of order) {
    const t = byId.get(id);
    if (!t) continue;
    const core = byId.get(coreId);
    let versus = '';
    if (core && id !== coreId) {
      const r = t.perCommuneUs / core.perCommuneUs;
      versus =
        id === 'core-evaluate'
          ? `${fmt(100 * r)} % of ${coreId}`
          : r >= 1
            ? `${coreId} ${fmt(r, r < 10 ? 2 : 1)}× faster`
            : `${coreId} ${fmt(1 / r, 2)}× slower`;
    }
    rows.push({
      workload: 'W1',
      measurement: `${VARIANTS[id].paths.join('/')}: ${VARIANTS[id].name}`,
      size: `${fmt(t.communes)} communes`,
      medianMs: t.medianMs,
      minMs: t.minMs,
      cpuMs: t.cpuMedianMs,
      versus,
    });
  }
  const targets: TargetRow[] = report.targets.map((target) => {
    const describe = (value: number | null) =>
      value === null
        ? 'n/a'
        : target.unit === 'memory'
          ? `core retains ${fmt(value, 2)}× its memory`
          : target.unit === 'slowdown'
            ? `core takes ${fmt(value, 2)}× its time`
            : value >= 1
              ? `core ${fmt(value, 2)}× faster`
              : `core ${fmt(1 / value, 2)}× slower`;
    return {
      workload: 'W1',
      description: `${target.path}: ${target.description}`,
      measured:
        target.value === null
          ? 'a variant was not run'
          : `${describe(target.value)}; ${describe(target.valueFromMin)}`,
      pass: target.pass,
      passFromMin: target.passFromMin,
    };
  });
  return { rows, targets };
}
