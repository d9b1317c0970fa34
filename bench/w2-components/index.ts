// W2 "components": <ntm-scorecard> and <ntm-district-board> in real Chromium (/usr/bin/chromium through
// playwright; nothing is downloaded). A page served from 127.0.0.1 loads the built standalone bundle
// (packages/scorecard/dist/standalone/) and evaluations precomputed in Node by core's evaluateMany over the W1
// synthetic communes (nâng cao 2021–2025 with its NTM prerequisite: 19 criteria shown, the prerequisite's 19 in
// a collapsed panel, 85 indicators), serialised with JSON.stringify. The timing happens inside the page
// (bench/w2-components/page.js): performance.now() around setting the property, to `updateComplete` and to the
// end of the next frame; a fresh element each run; warm-up, then repetitions interleaved across the element and
// its two baselines measured in the same page (a bare Lit element and plain DOM building the same rows).
// Issue 15 adds a country of 3,300 communes on <ntm-district-board>: its first paint against plain DOM drawing
// only the rows in view, and the long tasks (> 50 ms, Chromium's Long Tasks API) while scrolling through every
// row, sorting and filtering.
import { existsSync, readFileSync, realpathSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { dirname, extname, join, normalize, sep } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { evaluateMany } from '@nongthonmoi/core';
import { generateCommunes } from '../w1-engine/generate.js';
import { loadRules } from '../w1-engine/rules.js';
import { W1_AS_OF, W1_LEVEL } from '../w1-engine/setup.js';
import {
  ms,
  type Skipped,
  type Stat,
  type SummaryRow,
  statOf,
  type TargetRow,
  times,
  verdict,
} from '../workload.js';
import { bundleSizes, kB, SCORECARD_ROOT, type SizeRow, sizeTargets } from './sizes.js';

export const STANDALONE_DIR = join(SCORECARD_ROOT, 'dist/standalone');
export const CHROMIUM = process.env.NTM_BENCH_CHROMIUM ?? '/usr/bin/chromium';
/** The launch arguments of /work/shared/toolchain.md, plus a `gc()` in the page for a GC between runs. */
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--js-flags=--expose-gc',
];
const PAGE_JS = fileURLToPath(new URL('./page.js', import.meta.url));
const VIEWPORT = { width: 1280, height: 800 };
/** Issue 6: the 300-commune board renders in under 100 ms. */
export const BOARD_TARGET_MS = 100;
export const BOARD_TARGET_COMMUNES = 300;
/** Issue 15: the country (3,300 communes since July 2025), the ratios the targets allow, the long-task limit. */
export const COUNTRY_TARGET_COMMUNES = 3300;
export const RATIO_TARGET = 1.5;
export const LONG_TASK_MS = 50;
/** Issue 15: a page of 100 scorecards within 1.5× of plain DOM. */
export const SCORECARDS_TARGET = 100;
/** Rows the plain DOM baseline of the country board draws: the element's first window (row-window.ts). */
const VISIBLE_BASELINE_ROWS = 30;

export interface W2Options {
  /** Communes on the district board (300 in the target). */
  communes: number;
  /** Communes on the country board (3,300 in the target). */
  countryCommunes: number;
  /** Scorecards on one page. */
  scorecards: number;
  reps: number;
  warmup: number;
  seed: number;
  /** Instrumented runs for the phase breakdown (0: none). */
  breakdownRuns: number;
  /** Repetitions of the country board's scrolling, sorting and filtering runs. */
  interactionReps: number;
  /** Also draw every row of the 300-commune board in the DOM, as for printing (information). */
  fullBoard: boolean;
}

type Variant = 'element' | 'element-all' | 'lit' | 'dom' | 'dom-visible';
const VARIANT_NAMES: Record<Variant, string> = {
  element: 'the element',
  'element-all': '(info) every row in the DOM',
  lit: 'baseline: bare Lit element',
  dom: 'baseline: plain DOM',
  'dom-visible': 'baseline: plain DOM, rows in view',
};

interface Sample {
  renderMs: number;
  frameMs: number;
  indicators?: number;
  rowsRendered?: number;
  rowsAtFrame?: number;
  /** Rows the table lists (aria-rowcount − 2 for the element; its rows for a baseline). */
  rowsAll?: number;
  visibleRows?: number;
}

/** One run of scrolling, sorting or filtering the country board. */
interface InteractionSample {
  ms: number;
  longTasks: number;
  longestTaskMs: number;
  frames: number;
  longestFrameMs: number;
  /** The 90th percentile of the gaps between frames. */
  p90FrameMs: number;
  /** Sorting, filtering: the slowest step (one sort, one key) to the end of its frame. */
  slowestMs?: number;
  /** Scrolling: the last row was drawn at the end; sorting: back to the first order; filtering: rows found. */
  reachedLast: number;
  rowsDrawn?: number;
}

export interface W2Interaction {
  id: string;
  name: string;
  size: string;
  samples: InteractionSample[];
  /** Long tasks: the most in one run, and the longest of all runs. */
  longTasks: number;
  longestTaskMs: number;
  /** Median over the runs: the whole run, its longest frame, its 90th-percentile frame, its slowest step. */
  ms: number;
  longestFrameMs: number;
  p90FrameMs: number;
  slowestMs: number | null;
}

export interface W2VariantResult {
  variant: Variant;
  name: string;
  samples: Sample[];
  /** To `updateComplete`: template and DOM commit. */
  render: Stat;
  /** To the end of the next frame (style, layout, paint). */
  frame: Stat;
}

export interface W2Case {
  id: string;
  name: string;
  size: string;
  variants: W2VariantResult[];
}

type GatedRun = Sample & {
  phases: {
    willUpdate: number;
    render: number;
    update: number;
    performUpdate: number;
    updates: number;
  } | null;
  counters: { script: number; style: number; layout: number; other: number };
};

export interface W2Breakdown {
  id: string;
  name: string;
  /**
   * Medians over the instrumented runs (ms). The element's lit steps (null for baselines): willUpdate and the
   * reactive controllers (performUpdate − update: the board's summarize, sort, filter, and its row window's
   * measuring after the update), render (template values), commit (update − render: lit writing the DOM),
   * updates per run.
   */
  willUpdateMs: number | null;
  controllersMs: number | null;
  renderMs: number | null;
  commitMs: number | null;
  updateCount: number | null;
  /**
   * Chromium's counters over the timed part (Performance.getMetrics): JavaScript, style recalculation, layout,
   * and the rest of the main thread's task time (paint, GC, parsing, …).
   */
  scriptMs: number;
  styleMs: number;
  layoutMs: number;
  otherMs: number;
  frameMs: number;
}

export interface W2Report {
  workload: 'w2-components';
  status: 'done';
  options: W2Options;
  level: string;
  asOf: string;
  browser: { executable: string; version: string; userAgent: string; viewport: number[]; gc: boolean };
  data: { evaluations: number; jsonBytes: number; evaluateMs: number; perEvaluationBytes: number };
  sizes: SizeRow[];
  cases: W2Case[];
  interactions: W2Interaction[];
  board: { visibleRows: number; rowsAtFirstFrame: number; countryRowsAtFirstFrame: number | null };
  breakdown: W2Breakdown[];
  targets: TargetRow[];
}

// ---- the page's server ----------------------------------------------------------------------------------------

const TYPES: Record<string, string> = {
  '.js': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.html': 'text/html; charset=utf-8',
};

/** lit's packages (the versions the scorecard depends on), for the Lit baseline's import map. */
function litPackages(): Record<string, string> {
  const lit = realpathSync(join(SCORECARD_ROOT, 'node_modules/lit'));
  const siblings = dirname(lit);
  const at = (name: string) => realpathSync(join(siblings, name));
  return {
    lit,
    'lit-html': at('lit-html'),
    'lit-element': at('lit-element'),
    '@lit/reactive-element': at('@lit/reactive-element'),
  };
}

function pageHtml(packages: Record<string, string>): string {
  const imports: Record<string, string> = {};
  for (const name of Object.keys(packages)) {
    imports[name] = `/pkg/${name}/index.js`;
    imports[`${name}/`] = `/pkg/${name}/`;
  }
  imports['@lit/reactive-element'] = '/pkg/@lit/reactive-element/reactive-element.js';
  imports['lit-html'] = '/pkg/lit-html/lit-html.js';
  return `<!doctype html>
<html lang="vi">
<head>
<meta charset="utf-8">
<title>nongthonmoi bench W2</title>
<link rel="icon" href="data:,">
<script type="importmap">${JSON.stringify({ imports })}</script>
<style>body { margin: 0; font-family: system-ui, sans-serif; } #stage > div { contain: none; }</style>
</head>
<body>
<div id="stage"></div>
<script type="module" src="/bench/page.js"></script>
</body>
</html>`;
}

/** Serves the page, the bundle, lit and the data; only files under the given roots. */
async function serve(data: string): Promise<{ server: Server; origin: string }> {
  const packages = litPackages();
  const html = pageHtml(packages);
  const mounts: Array<[string, string]> = [
    ['/standalone/', STANDALONE_DIR],
    ...Object.entries(packages).map(([name, dir]): [string, string] => [`/pkg/${name}/`, dir]),
  ];
  const server = createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://127.0.0.1');
    const send = (status: number, type: string, body: string | Buffer) => {
      response.writeHead(status, { 'content-type': type, 'cache-control': 'no-store' });
      response.end(body);
    };
    if (url.pathname === '/') return send(200, TYPES['.html'] as string, html);
    if (url.pathname === '/bench/page.js') return send(200, TYPES['.js'] as string, readFileSync(PAGE_JS));
    if (url.pathname === '/data/evaluations.json') return send(200, TYPES['.json'] as string, data);
    for (const [prefix, dir] of mounts) {
      if (!url.pathname.startsWith(prefix)) continue;
      const file = normalize(join(dir, decodeURIComponent(url.pathname.slice(prefix.length))));
      if (!file.startsWith(dir + sep) || !existsSync(file)) break;
      return send(200, TYPES[extname(file)] ?? 'application/octet-stream', readFileSync(file));
    }
    send(404, 'text/plain', 'not found');
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address() as AddressInfo;
  return { server, origin: `http://127.0.0.1:${port}` };
}

// ---- the run ----------------------------------------------------------------------------------------------------

interface CaseSpec {
  id: string;
  name: string;
  size: string;
  spec: Record<string, unknown>;
  variants: Variant[];
}

export function w2Missing(): string | null {
  if (!existsSync(join(STANDALONE_DIR, 'ntm-scorecard.js')))
    return 'packages/scorecard is not built (dist/standalone/ntm-scorecard.js is absent: run `pnpm --filter @nongthonmoi/scorecard build`)';
  if (!existsSync(CHROMIUM))
    return `no Chromium at ${CHROMIUM} (apt-get install -y chromium, or set NTM_BENCH_CHROMIUM)`;
  return null;
}

export async function runW2(options: W2Options, log: (line: string) => void): Promise<W2Report | Skipped> {
  const missing = w2Missing();
  if (missing) {
    log(`W2 components: skipped: ${missing}`);
    return { workload: 'w2-components', status: 'skipped', reason: missing };
  }
  const sizes = bundleSizes();

  // Evaluations precomputed in Node, one JSON text each (the page parses them afresh for every run).
  const rules = loadRules(W1_LEVEL, W1_AS_OF);
  const count = Math.max(options.communes, options.scorecards, 2);
  const communes = generateCommunes(rules, { communes: count, seed: options.seed });
  const started = performance.now();
  const batch = evaluateMany(communes, { level: W1_LEVEL, asOf: W1_AS_OF });
  const evaluateMs = performance.now() - started;
  if (batch.errors.length > 0) throw new Error(`W2: core rejected ${batch.errors.length} communes`);
  const texts = batch.results.map((evaluation) => JSON.stringify(evaluation));
  const data = JSON.stringify(texts);
  const jsonBytes = texts.reduce((sum, text) => sum + Buffer.byteLength(text), 0);

  const { chromium } = await import('playwright');
  const { server, origin } = await serve(data);
  let browser: Awaited<ReturnType<typeof chromium.launch>> | null = null;
  try {
    browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS, headless: true });
    const page = await browser.newPage({ viewport: VIEWPORT });
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    page.on('console', (message) => {
      if (message.type() === 'error') errors.push(`${message.text()} (${message.location().url})`);
    });
    await page.goto(`${origin}/`);
    await page.waitForFunction('document.documentElement.dataset.benchReady === "true"', null, {
      timeout: 30_000,
    });
    const loaded = (await page.evaluate('window.ntmBench.load()')) as {
      evaluations: number;
      gc: boolean;
      userAgent: string;
      viewport: number[];
    };
    const measure = async (spec: Record<string, unknown>): Promise<Sample> => {
      const result = (await page.evaluate(`window.ntmBench.measure(${JSON.stringify(spec)})`)) as Sample;
      if (errors.length > 0)
        throw new Error(`W2: the page reported errors: ${errors.slice(0, 3).join(' | ')}`);
      return result;
    };
    const n = (value: number) => value.toLocaleString('en-US');
    log(
      `W2 components: Chromium ${browser.version()} (${CHROMIUM}), viewport ${VIEWPORT.width}×${VIEWPORT.height}, ` +
        `${n(count)} evaluations (${W1_LEVEL} + prerequisite, ${(jsonBytes / texts.length / 1024).toFixed(0)} KiB of JSON each), ` +
        `${options.warmup} warm-up + ${options.reps} repetitions, interleaved${loaded.gc ? ', GC between runs' : ''}`,
    );

    const all: Variant[] = ['element', 'lit', 'dom'];
    const country = options.countryCommunes;
    const specs: CaseSpec[] = [
      {
        id: 'scorecard',
        name: '1 <ntm-scorecard>: first render (19 criteria + NTM prerequisite, 85 indicators)',
        size: '1 card',
        spec: { measure: 'scorecards', count: 1 },
        variants: all,
      },
      {
        id: 'scorecards',
        name: `${n(options.scorecards)} <ntm-scorecard> on one page: first render`,
        size: `${n(options.scorecards)} cards`,
        spec: { measure: 'scorecards', count: options.scorecards },
        variants: all,
      },
      {
        id: 'board',
        name: `<ntm-district-board>, ${n(options.communes)} communes: the whole board drawn`,
        size: `${n(options.communes)} rows`,
        spec: { measure: 'board', communes: options.communes },
        variants: options.fullBoard ? [...all, 'element-all'] : all,
      },
      {
        id: 'board-country',
        name: `<ntm-district-board>, ${n(country)} communes: first paint`,
        size: `${n(country)} rows`,
        spec: { measure: 'board', communes: country, visibleRows: VISIBLE_BASELINE_ROWS },
        variants: ['element', 'dom-visible'],
      },
      {
        id: 'scorecard-update',
        name: '<ntm-scorecard> re-render: `result` set to another commune',
        size: '1 card',
        spec: { measure: 'scorecardUpdate' },
        variants: all,
      },
      {
        id: 'board-sort',
        name: `<ntm-district-board> re-render: \`sort\` = name (${n(options.communes)} rows)`,
        size: `${n(options.communes)} rows`,
        spec: { measure: 'boardSort', communes: options.communes },
        variants: all,
      },
    ];

    const cases: W2Case[] = [];
    for (const item of specs) {
      const caseStarted = performance.now();
      const samples = new Map<Variant, Sample[]>(item.variants.map((variant) => [variant, []]));
      for (let w = 0; w < options.warmup; w++)
        for (const variant of item.variants) await measure({ ...item.spec, variant });
      for (let rep = 0; rep < options.reps; rep++)
        for (let k = 0; k < item.variants.length; k++) {
          const variant = item.variants[(k + rep) % item.variants.length] as Variant;
          (samples.get(variant) as Sample[]).push(await measure({ ...item.spec, variant }));
        }
      const variants = item.variants.map((variant): W2VariantResult => {
        const list = samples.get(variant) as Sample[];
        return {
          variant,
          name: VARIANT_NAMES[variant],
          samples: list,
          render: statOf(list.map((s) => s.renderMs)),
          frame: statOf(list.map((s) => s.frameMs)),
        };
      });
      checkSamples(item, variants, options);
      cases.push({ id: item.id, name: item.name, size: item.size, variants });
      const element = variants[0] as W2VariantResult;
      log(
        `  ${item.id}: element ${ms(element.frame.medianMs)} ms to frame (min ${ms(element.frame.minMs)})` +
          ` [${((performance.now() - caseStarted) / 1000).toFixed(1)} s]`,
      );
    }

    // The country board in use: long tasks while scrolling through every row, sorting and filtering.
    const interactionSpecs: Array<{ id: string; name: string; spec: Record<string, unknown> }> = [
      {
        id: 'board-scroll',
        name: `<ntm-district-board>, ${n(country)} communes: scroll through every row (1.5 screens a frame), jump to the top and the end`,
        spec: { measure: 'boardScroll', communes: country },
      },
      {
        id: 'board-sort-country',
        name: `<ntm-district-board>, ${n(country)} communes: sort by name, reverse, by criteria met`,
        spec: { measure: 'boardSortCountry', communes: country },
      },
      {
        id: 'board-filter',
        name: `<ntm-district-board>, ${n(country)} communes: type "thu nghiem 12" in the search box, then filter "chưa đạt"`,
        spec: { measure: 'boardFilter', communes: country, query: 'thu nghiem 12' },
      },
    ];
    const interactions: W2Interaction[] = [];
    for (const item of interactionSpecs) {
      const started = performance.now();
      const samples: InteractionSample[] = [];
      for (let rep = 0; rep < options.interactionReps; rep++)
        samples.push((await measure(item.spec)) as unknown as InteractionSample);
      if (samples.some((sample) => sample.reachedLast !== 1))
        throw new Error(`W2 ${item.id}: the run did not end where it should: ${JSON.stringify(samples)}`);
      const slowest = samples.map((sample) => sample.slowestMs);
      interactions.push({
        id: item.id,
        name: item.name,
        size: `${n(country)} rows`,
        samples,
        longTasks: Math.max(...samples.map((sample) => sample.longTasks)),
        longestTaskMs: Math.max(...samples.map((sample) => sample.longestTaskMs)),
        ms: statOf(samples.map((sample) => sample.ms)).medianMs,
        longestFrameMs: statOf(samples.map((sample) => sample.longestFrameMs)).medianMs,
        p90FrameMs: statOf(samples.map((sample) => sample.p90FrameMs)).medianMs,
        slowestMs: slowest.every((value) => typeof value === 'number')
          ? statOf(slowest as number[]).medianMs
          : null,
      });
      const last = interactions.at(-1) as W2Interaction;
      log(
        `  ${item.id}: ${last.longTasks} long task(s) in the worst run (longest ${ms(last.longestTaskMs)} ms), ` +
          `longest frame ${ms(last.longestFrameMs)} ms [${((performance.now() - started) / 1000).toFixed(1)} s]`,
      );
    }

    // Where the time goes (after the timed runs): lit's lifecycle steps of the element, timed by wrapping them,
    // and Chromium's own counters (script, style, layout) read through the DevTools protocol around the timed
    // part of each run (the page waits at a gate after its set-up).
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Performance.enable');
    const counters = async (): Promise<Record<string, number>> => {
      const { metrics } = await cdp.send('Performance.getMetrics');
      return Object.fromEntries(metrics.map((metric) => [metric.name, metric.value * 1000]));
    };
    const gated = async (spec: Record<string, unknown>): Promise<GatedRun> => {
      const pending = page.evaluate(`window.ntmBench.measure(${JSON.stringify({ ...spec, gate: true })})`);
      await page.waitForFunction('document.documentElement.dataset.benchGate === "waiting"');
      const before = await counters();
      await page.evaluate('document.documentElement.dataset.benchGate = ""; window.ntmBenchRelease()');
      const result = (await pending) as GatedRun;
      const after = await counters();
      const delta = (name: string) => (after[name] ?? 0) - (before[name] ?? 0);
      if (errors.length > 0)
        throw new Error(`W2: the page reported errors: ${errors.slice(0, 3).join(' | ')}`);
      const script = delta('ScriptDuration');
      const style = delta('RecalcStyleDuration');
      const layout = delta('LayoutDuration');
      const task = delta('TaskDuration') - delta('DevToolsCommandDuration');
      return {
        ...result,
        counters: { script, style, layout, other: Math.max(0, task - script - style - layout) },
      };
    };
    const breakdown: W2Breakdown[] = [];
    const items: Array<[string, string, Record<string, unknown>]> = [
      ['scorecard', '1 <ntm-scorecard>', { kind: 'scorecard', count: 1, variant: 'element' }],
      [
        'board',
        `<ntm-district-board>, ${n(options.communes)} communes`,
        { kind: 'board', communes: options.communes, variant: 'element' },
      ],
      [
        'board-country',
        `<ntm-district-board>, ${n(country)} communes`,
        { kind: 'board', communes: country, variant: 'element' },
      ],
      [
        'board-country-dom',
        `baseline: plain DOM, ${n(country)} communes, ${VISIBLE_BASELINE_ROWS} rows in view`,
        { kind: 'board', communes: country, variant: 'dom-visible', visibleRows: VISIBLE_BASELINE_ROWS },
      ],
      [
        'board-dom',
        `baseline: plain DOM board, ${n(options.communes)} rows`,
        { kind: 'board', communes: options.communes, variant: 'dom' },
      ],
    ];
    if (options.fullBoard)
      items.splice(2, 0, [
        'board-all',
        `(info) <ntm-district-board>, ${n(options.communes)} communes, every row in the DOM`,
        { kind: 'board', communes: options.communes, variant: 'element-all' },
      ]);
    for (const [id, name, spec] of options.breakdownRuns === 0 ? [] : items) {
      const runs: GatedRun[] = [];
      for (let rep = 0; rep < options.breakdownRuns; rep++)
        runs.push(await gated({ measure: 'breakdown', ...spec }));
      const med = (pick: (run: GatedRun) => number) => statOf(runs.map(pick)).medianMs;
      const phases = runs.every((run) => run.phases !== null);
      const phase = (pick: (p: NonNullable<GatedRun['phases']>) => number) =>
        phases ? med((run) => pick(run.phases as NonNullable<GatedRun['phases']>)) : null;
      breakdown.push({
        id,
        name,
        willUpdateMs: phase((p) => p.willUpdate),
        controllersMs: phase((p) => p.performUpdate - p.update - p.willUpdate),
        renderMs: phase((p) => p.render),
        commitMs: phase((p) => p.update - p.render),
        updateCount: phase((p) => p.updates),
        scriptMs: med((run) => run.counters.script),
        styleMs: med((run) => run.counters.style),
        layoutMs: med((run) => run.counters.layout),
        otherMs: med((run) => run.counters.other),
        frameMs: med((run) => run.frameMs),
      });
    }
    await cdp.detach();

    const caseOf = (id: string) => cases.find((c) => c.id === id) as W2Case;
    const variantOf = (c: W2Case, variant: Variant) => c.variants.find((v) => v.variant === variant);
    const boardElement = variantOf(caseOf('board'), 'element') as W2VariantResult;
    const countryElement = variantOf(caseOf('board-country'), 'element') as W2VariantResult;
    const boardInfo = {
      visibleRows: statOf(boardElement.samples.map((s) => s.visibleRows ?? 0)).medianMs,
      rowsAtFirstFrame: statOf(boardElement.samples.map((s) => s.rowsAtFrame ?? 0)).medianMs,
      countryRowsAtFirstFrame: statOf(countryElement.samples.map((s) => s.rowsAtFrame ?? 0)).medianMs,
    };
    const atBoard = options.communes === BOARD_TARGET_COMMUNES;
    const atCountry = country === COUNTRY_TARGET_COMMUNES;
    const judgedAt = (at: boolean, size: number, target: number) =>
      at ? '' : ` (on ${n(size)} communes: judged at ${n(target)} only)`;
    /** A ratio target: the element's frame time over a baseline's, median and fastest runs. */
    const ratioTarget = (
      description: string,
      element: W2VariantResult,
      baseline: W2VariantResult | undefined,
      judged: boolean,
      note: string,
    ): TargetRow => {
      const median = baseline ? element.frame.medianMs / baseline.frame.medianMs : Number.NaN;
      const fastest = baseline ? element.frame.minMs / baseline.frame.minMs : Number.NaN;
      return {
        workload: 'W2',
        description: `${description} ≤ ${RATIO_TARGET}× ${baseline?.name.replace('baseline: ', '') ?? 'baseline'}`,
        measured: `${median.toFixed(2)}× (${ms(element.frame.medianMs)} / ${ms(baseline?.frame.medianMs ?? null)} ms); ${fastest.toFixed(2)}×${note}`,
        pass: judged && baseline ? median <= RATIO_TARGET : null,
        passFromMin: judged && baseline ? fastest <= RATIO_TARGET : null,
      };
    };
    const scorecardsCase = caseOf('scorecards');
    const interactionTarget = (item: W2Interaction | undefined, what: string): TargetRow => ({
      workload: 'W2',
      description: `<ntm-district-board> with ${n(COUNTRY_TARGET_COMMUNES)} communes: no task over ${LONG_TASK_MS} ms while ${what}`,
      measured: item
        ? `${item.longTasks} long task(s) in the worst of ${item.samples.length} runs, longest ${ms(item.longestTaskMs)} ms; frames: 90 % within ${ms(item.p90FrameMs)} ms, longest ${ms(item.longestFrameMs)} ms${judgedAt(atCountry, country, COUNTRY_TARGET_COMMUNES)}`
        : 'not run',
      pass: item && atCountry ? item.longTasks === 0 : null,
      passFromMin: item && atCountry ? Math.min(...item.samples.map((s) => s.longTasks)) === 0 : null,
    });
    const interaction = (id: string) => interactions.find((item) => item.id === id);
    const targets: TargetRow[] = [
      ...sizeTargets(sizes),
      {
        workload: 'W2',
        description: `<ntm-district-board> with ${n(BOARD_TARGET_COMMUNES)} communes, first paint < ${BOARD_TARGET_MS} ms (issue 6)`,
        measured: `${ms(boardElement.frame.medianMs)} ms; ${ms(boardElement.frame.minMs)} ms${judgedAt(atBoard, options.communes, BOARD_TARGET_COMMUNES)}`,
        pass: atBoard ? boardElement.frame.medianMs < BOARD_TARGET_MS : null,
        passFromMin: atBoard ? boardElement.frame.minMs < BOARD_TARGET_MS : null,
      },
      ratioTarget(
        `<ntm-district-board> with ${n(BOARD_TARGET_COMMUNES)} communes, the whole board drawn (every row listed, those in view painted)`,
        boardElement,
        variantOf(caseOf('board'), 'dom'),
        atBoard,
        judgedAt(atBoard, options.communes, BOARD_TARGET_COMMUNES),
      ),
      ratioTarget(
        `<ntm-district-board> with ${n(COUNTRY_TARGET_COMMUNES)} communes, first paint`,
        countryElement,
        variantOf(caseOf('board-country'), 'dom-visible'),
        atCountry,
        judgedAt(atCountry, country, COUNTRY_TARGET_COMMUNES),
      ),
      interactionTarget(interaction('board-scroll'), 'scrolling through every row'),
      interactionTarget(interaction('board-sort-country'), 'sorting'),
      interactionTarget(interaction('board-filter'), 'searching and filtering'),
      ratioTarget(
        `${n(SCORECARDS_TARGET)} <ntm-scorecard> on one page`,
        variantOf(scorecardsCase, 'element') as W2VariantResult,
        variantOf(scorecardsCase, 'dom'),
        options.scorecards === SCORECARDS_TARGET,
        judgedAt(options.scorecards === SCORECARDS_TARGET, options.scorecards, SCORECARDS_TARGET),
      ),
    ];

    return {
      workload: 'w2-components',
      status: 'done',
      options,
      level: W1_LEVEL,
      asOf: W1_AS_OF,
      browser: {
        executable: CHROMIUM,
        version: browser.version(),
        userAgent: loaded.userAgent,
        viewport: loaded.viewport,
        gc: loaded.gc,
      },
      data: {
        evaluations: texts.length,
        jsonBytes,
        evaluateMs: Math.round(evaluateMs),
        perEvaluationBytes: Math.round(jsonBytes / texts.length),
      },
      sizes,
      cases,
      interactions,
      board: boardInfo,
      breakdown,
      targets,
    };
  } finally {
    await browser?.close();
    await new Promise((done) => server.close(done));
  }
}

/** Every run must have drawn what it should: all indicators, all rows, the new commune, the new order. */
function checkSamples(item: CaseSpec, variants: readonly W2VariantResult[], options: W2Options): void {
  for (const variant of variants)
    for (const sample of variant.samples) {
      const fail = (what: string) => {
        throw new Error(`W2 ${item.id} (${variant.variant}): ${what}: ${JSON.stringify(sample)}`);
      };
      if (item.id === 'scorecard' || item.id === 'scorecards') {
        const count = item.id === 'scorecard' ? 1 : options.scorecards;
        if ((sample.indicators ?? 0) < 58 * count) fail('indicators missing');
      }
      if (item.id === 'scorecard-update' && sample.indicators !== 1) fail('the new commune is not shown');
      if ((item.id === 'board' || item.id === 'board-sort') && sample.rowsAll !== options.communes)
        fail('rows missing (or the order did not change)');
      if (item.id === 'board' && variant.variant === 'element-all' && sample.rowsAtFrame !== options.communes)
        fail('rows missing from the DOM');
      if (item.id === 'board-country') {
        const expected = variant.variant === 'dom-visible' ? VISIBLE_BASELINE_ROWS : options.countryCommunes;
        if (variant.variant === 'dom-visible' ? sample.rowsAtFrame !== expected : sample.rowsAll !== expected)
          fail('rows missing');
      }
      // The element's first frame must show rows wherever the table shows rows.
      if (
        (item.id === 'board' || item.id === 'board-country') &&
        variant.variant === 'element' &&
        (sample.visibleRows ?? 0) < 3
      )
        fail('no rows in view');
    }
}

// ---- output -------------------------------------------------------------------------------------------------------

/** The W2 tables, as printed. */
export function formatW2(report: W2Report): string[] {
  const lines: string[] = [];
  const header = [
    'case'.padEnd(62),
    'variant'.padEnd(34),
    'render ms'.padStart(10),
    'min'.padStart(7),
    'frame ms'.padStart(9),
    'min'.padStart(7),
    'vs Lit'.padStart(7),
    'vs DOM'.padStart(7),
  ].join(' ');
  lines.push(header, '-'.repeat(header.length));
  for (const c of report.cases) {
    const lit = c.variants.find((v) => v.variant === 'lit');
    const dom = c.variants.find((v) => v.variant === 'dom' || v.variant === 'dom-visible');
    c.variants.forEach((v, index) => {
      lines.push(
        [
          (index === 0 ? c.name : '').padEnd(62),
          v.name.padEnd(34),
          ms(v.render.medianMs).padStart(10),
          ms(v.render.minMs).padStart(7),
          ms(v.frame.medianMs).padStart(9),
          ms(v.frame.minMs).padStart(7),
          (v.variant.startsWith('element') ? times(v.frame.medianMs, lit?.frame.medianMs) : '').padStart(7),
          (v.variant.startsWith('element') ? times(v.frame.medianMs, dom?.frame.medianMs) : '').padStart(7),
        ].join(' '),
      );
    });
  }
  lines.push(
    'render: property set → updateComplete (template + DOM commit); frame: → end of the next frame (rAF, then a task:',
    'style, layout, paint included). vs Lit / vs DOM: frame time over the baseline’s (for the country board: plain',
    `DOM drawing the ${VISIBLE_BASELINE_ROWS} first rows in the same order, with a spacer for the others).`,
    `board: windowed above virtualize-above (40): ${report.board.rowsAtFirstFrame} of ${report.options.communes} rows drawn in the first frame (${report.board.countryRowsAtFirstFrame ?? '—'} of ${report.options.countryCommunes}), ${report.board.visibleRows} in view (${report.browser.viewport.join('×')}).`,
  );
  if (report.interactions.length > 0) {
    lines.push(
      '',
      `the country board in use (long tasks: > ${LONG_TASK_MS} ms on the main thread, Long Tasks API):`,
    );
    for (const item of report.interactions)
      lines.push(
        `  ${item.name}: ${item.samples.length} run(s), median ${ms(item.ms)} ms; long tasks ${item.longTasks} in the worst run` +
          `${item.longTasks > 0 ? ` (longest ${ms(item.longestTaskMs)} ms)` : ''}; frames: 90 % within ${ms(item.p90FrameMs)} ms, longest ${ms(item.longestFrameMs)} ms` +
          `${item.slowestMs !== null ? `; slowest step to its frame ${ms(item.slowestMs)} ms` : ''}`,
      );
  }
  if (report.breakdown.length > 0) {
    lines.push(
      '',
      'where the time goes (instrumented runs, medians, ms; Chromium counters over the timed part):',
    );
    for (const b of report.breakdown)
      lines.push(
        `  ${b.name}: to frame ${ms(b.frameMs)}; ` +
          `script ${ms(b.scriptMs)}, style ${ms(b.styleMs)}, layout ${ms(b.layoutMs)}, other (paint, GC…) ${ms(b.otherMs)}` +
          (b.willUpdateMs !== null
            ? `; lit: willUpdate ${ms(b.willUpdateMs)}, controllers ${ms(b.controllersMs)}${b.id.startsWith('board') ? ' (checks, summarize, order, row window)' : ''}, render ${ms(b.renderMs)}, DOM commit ${ms(b.commitMs)}, ${b.updateCount} update(s)`
            : ''),
      );
  }
  lines.push('', 'bundle sizes (entry + static imports; gzip -9 per file; kB = 1,024 bytes):');
  for (const row of report.sizes)
    lines.push(
      `  ${row.name.padEnd(72)} ${kB(row.minBytes).padStart(9)} min ${kB(row.gzipBytes).padStart(8)} gzip  ${row.files.length} file(s)`,
    );
  for (const target of report.targets)
    lines.push(
      `  ${verdict(target.pass).padEnd(4)} ${target.description}: ${target.measured}${target.pass !== null && target.pass !== target.passFromMin ? ` (noisy: fastest run says ${verdict(target.passFromMin)})` : ''}`,
    );
  return lines;
}

/** W2's lines of the summary table. */
export function summaryW2(report: W2Report): SummaryRow[] {
  const rows: SummaryRow[] = [];
  for (const c of report.cases) {
    const lit = c.variants.find((v) => v.variant === 'lit');
    const dom = c.variants.find((v) => v.variant === 'dom' || v.variant === 'dom-visible');
    const versus = (stat: Stat) =>
      [
        lit ? `${times(stat.medianMs, lit.frame.medianMs)} Lit` : '',
        dom
          ? `${times(stat.medianMs, dom.frame.medianMs)} ${dom.variant === 'dom' ? 'DOM' : 'DOM (rows in view)'}`
          : '',
      ]
        .filter(Boolean)
        .join(', ');
    for (const v of c.variants.filter((variant) => variant.variant.startsWith('element')))
      rows.push({
        workload: 'W2',
        measurement: v.variant === 'element' ? c.name : `${c.name}, ${v.name}`,
        size: c.size,
        medianMs: v.frame.medianMs,
        minMs: v.frame.minMs,
        cpuMs: null,
        versus: versus(v.frame),
      });
  }
  for (const item of report.interactions)
    rows.push({
      workload: 'W2',
      measurement: item.name,
      size: item.size,
      medianMs: item.ms,
      minMs: Math.min(...item.samples.map((sample) => sample.ms)),
      cpuMs: null,
      versus: `${item.longTasks} long task(s) (worst run); frames: 90 % ≤ ${ms(item.p90FrameMs)} ms, longest ${ms(item.longestFrameMs)} ms`,
    });
  for (const row of report.sizes)
    rows.push({
      workload: 'W2',
      measurement: `size: ${row.name}`,
      size: `${row.files.length} file(s)`,
      medianMs: null,
      minMs: null,
      cpuMs: null,
      versus: `${kB(row.gzipBytes)} gzip, ${kB(row.minBytes)} min`,
    });
  return rows;
}
