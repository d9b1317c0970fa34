// W2 "components": <ntm-scorecard> and <ntm-district-board> in real Chromium (/usr/bin/chromium through
// playwright; nothing is downloaded). A page served from 127.0.0.1 loads the built standalone bundle
// (packages/scorecard/dist/standalone/) and evaluations precomputed in Node by core's evaluateMany over the W1
// synthetic communes (nâng cao 2021–2025 with its NTM prerequisite: 19 criteria shown, the prerequisite's 19 in
// a collapsed panel, 85 indicators), serialised with JSON.stringify. The timing happens inside the page
// (bench/w2-components/page.js): performance.now() around setting the property, to `updateComplete` and to the
// end of the next frame; a fresh element each run; warm-up, then repetitions interleaved across the element and
// its two baselines measured in the same page (a bare Lit element and plain DOM building the same rows).
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
/** The board's rows per chunk in the informative variant: about a screenful, so its first frame can come early. */
const SMALL_CHUNK = 25;

export interface W2Options {
  /** Communes on the district board (300 in the target). */
  communes: number;
  /** Scorecards on one page. */
  scorecards: number;
  reps: number;
  warmup: number;
  seed: number;
  /** Instrumented runs for the phase breakdown (0: none). */
  breakdownRuns: number;
  /** Also run the board with small chunks (information: what chunking costs). */
  smallChunks: boolean;
}

type Variant = 'element' | 'element-small-chunks' | 'lit' | 'dom';
const VARIANT_NAMES: Record<Variant, string> = {
  element: 'the element',
  'element-small-chunks': `(info) chunk-size=${SMALL_CHUNK}`,
  lit: 'baseline: bare Lit element',
  dom: 'baseline: plain DOM',
};
/** What the page runs for a variant. */
const PAGE_VARIANT: Record<Variant, Record<string, unknown>> = {
  element: { variant: 'element' },
  'element-small-chunks': { variant: 'element', chunkSize: SMALL_CHUNK },
  lit: { variant: 'lit' },
  dom: { variant: 'dom' },
};

interface Sample {
  renderMs: number;
  frameMs: number;
  allRenderMs?: number;
  allFrameMs?: number;
  indicators?: number;
  rowsRendered?: number;
  rowsAtFrame?: number;
  rowsAll?: number;
  visibleRows?: number;
}

export interface W2VariantResult {
  variant: Variant;
  name: string;
  samples: Sample[];
  /** To `updateComplete`: template and DOM commit (for the board: its first chunk of rows). */
  render: Stat;
  /** To the end of the next frame (style, layout, paint). */
  frame: Stat;
  /** Board only: until every row is in the DOM, and until their frame. */
  allRender?: Stat;
  allFrame?: Stat;
}

export interface W2Case {
  id: string;
  name: string;
  size: string;
  variants: W2VariantResult[];
}

type GatedRun = Sample & {
  phases: { willUpdate: number; render: number; update: number; updates: number } | null;
  counters: { script: number; style: number; layout: number; other: number };
};

export interface W2Breakdown {
  id: string;
  name: string;
  /**
   * Medians over the instrumented runs (ms). The element's lit steps (null for baselines): willUpdate (its own
   * computations), render (template values), commit (update − render: lit writing the DOM), updates per run.
   */
  willUpdateMs: number | null;
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
  allFrameMs: number | null;
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
  board: { visibleRows: number; rowsAtFirstFrame: number; rowsInFirstChunk: number };
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
        name: `<ntm-district-board>, ${n(options.communes)} communes: first render`,
        size: `${n(options.communes)} rows`,
        spec: { measure: 'board', communes: options.communes },
        variants: options.smallChunks ? ['element', 'lit', 'dom', 'element-small-chunks'] : all,
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
        for (const variant of item.variants) await measure({ ...item.spec, ...PAGE_VARIANT[variant] });
      for (let rep = 0; rep < options.reps; rep++)
        for (let k = 0; k < item.variants.length; k++) {
          const variant = item.variants[(k + rep) % item.variants.length] as Variant;
          (samples.get(variant) as Sample[]).push(await measure({ ...item.spec, ...PAGE_VARIANT[variant] }));
        }
      const variants = item.variants.map((variant): W2VariantResult => {
        const list = samples.get(variant) as Sample[];
        const result: W2VariantResult = {
          variant,
          name: VARIANT_NAMES[variant],
          samples: list,
          render: statOf(list.map((s) => s.renderMs)),
          frame: statOf(list.map((s) => s.frameMs)),
        };
        if (list.every((s) => s.allFrameMs !== undefined)) {
          result.allRender = statOf(list.map((s) => s.allRenderMs as number));
          result.allFrame = statOf(list.map((s) => s.allFrameMs as number));
        }
        return result;
      });
      checkSamples(item, variants, options);
      cases.push({ id: item.id, name: item.name, size: item.size, variants });
      const element = variants[0] as W2VariantResult;
      log(
        `  ${item.id}: element ${ms(element.frame.medianMs)} ms to frame (min ${ms(element.frame.minMs)})` +
          (element.allFrame ? `, all rows ${ms(element.allFrame.medianMs)} ms` : '') +
          ` [${((performance.now() - caseStarted) / 1000).toFixed(1)} s]`,
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
        'board-lit',
        `baseline: bare Lit board, ${n(options.communes)} rows`,
        { kind: 'board', communes: options.communes, variant: 'lit' },
      ],
      [
        'board-dom',
        `baseline: plain DOM board, ${n(options.communes)} rows`,
        { kind: 'board', communes: options.communes, variant: 'dom' },
      ],
    ];
    for (const [id, name, spec] of options.breakdownRuns === 0 ? [] : items) {
      const runs: GatedRun[] = [];
      for (let rep = 0; rep < options.breakdownRuns; rep++)
        runs.push(await gated({ measure: 'breakdown', ...spec }));
      const med = (pick: (run: GatedRun) => number) => statOf(runs.map(pick)).medianMs;
      const phases = runs.every((run) => run.phases !== null);
      breakdown.push({
        id,
        name,
        willUpdateMs: phases ? med((run) => run.phases?.willUpdate ?? 0) : null,
        renderMs: phases ? med((run) => run.phases?.render ?? 0) : null,
        commitMs: phases ? med((run) => (run.phases?.update ?? 0) - (run.phases?.render ?? 0)) : null,
        updateCount: phases ? med((run) => run.phases?.updates ?? 0) : null,
        scriptMs: med((run) => run.counters.script),
        styleMs: med((run) => run.counters.style),
        layoutMs: med((run) => run.counters.layout),
        otherMs: med((run) => run.counters.other),
        frameMs: med((run) => run.frameMs),
        allFrameMs: runs.every((run) => run.allFrameMs !== undefined)
          ? med((run) => run.allFrameMs as number)
          : null,
      });
    }
    await cdp.detach();

    const boardCase = cases.find((c) => c.id === 'board') as W2Case;
    const boardElement = boardCase.variants[0] as W2VariantResult;
    const boardInfo = {
      visibleRows: statOf(boardElement.samples.map((s) => s.visibleRows ?? 0)).medianMs,
      rowsAtFirstFrame: statOf(boardElement.samples.map((s) => s.rowsAtFrame ?? 0)).medianMs,
      rowsInFirstChunk: statOf(boardElement.samples.map((s) => s.rowsRendered ?? 0)).medianMs,
    };
    const atTarget = options.communes === BOARD_TARGET_COMMUNES;
    const boardTarget = (what: string, stat: Stat): TargetRow => ({
      workload: 'W2',
      description: `<ntm-district-board> with ${n(BOARD_TARGET_COMMUNES)} communes, ${what} < ${BOARD_TARGET_MS} ms`,
      measured: `${ms(stat.medianMs)} ms; ${ms(stat.minMs)} ms${atTarget ? '' : ` (on ${n(options.communes)} communes: judged at ${BOARD_TARGET_COMMUNES} only)`}`,
      pass: atTarget ? stat.medianMs < BOARD_TARGET_MS : null,
      passFromMin: atTarget ? stat.minMs < BOARD_TARGET_MS : null,
    });
    const targets: TargetRow[] = [
      ...sizeTargets(sizes),
      boardTarget(
        `first paint (visible rows: first frame, ${boardInfo.rowsAtFirstFrame} rows drawn, ${boardInfo.visibleRows} in view)`,
        boardElement.frame,
      ),
      boardTarget('all rows painted', boardElement.allFrame ?? boardElement.frame),
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
    }
}

// ---- output -------------------------------------------------------------------------------------------------------

/** The W2 tables, as printed. */
export function formatW2(report: W2Report): string[] {
  const lines: string[] = [];
  const header = [
    'case'.padEnd(62),
    'variant'.padEnd(28),
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
    const dom = c.variants.find((v) => v.variant === 'dom');
    c.variants.forEach((v, index) => {
      lines.push(
        [
          (index === 0 ? c.name : '').padEnd(62),
          v.name.padEnd(28),
          ms(v.render.medianMs).padStart(10),
          ms(v.render.minMs).padStart(7),
          ms(v.frame.medianMs).padStart(9),
          ms(v.frame.minMs).padStart(7),
          (v.variant.startsWith('element') ? times(v.frame.medianMs, lit?.frame.medianMs) : '').padStart(7),
          (v.variant.startsWith('element') ? times(v.frame.medianMs, dom?.frame.medianMs) : '').padStart(7),
        ].join(' '),
      );
      if (v.allFrame && v.allRender)
        lines.push(
          [
            ''.padEnd(62),
            '  … all rows (chunked)'.padEnd(28),
            ms(v.allRender.medianMs).padStart(10),
            ms(v.allRender.minMs).padStart(7),
            ms(v.allFrame.medianMs).padStart(9),
            ms(v.allFrame.minMs).padStart(7),
            times(v.allFrame.medianMs, lit?.frame.medianMs).padStart(7),
            times(v.allFrame.medianMs, dom?.frame.medianMs).padStart(7),
          ].join(' '),
        );
    });
  }
  lines.push(
    'render: property set → updateComplete (template + DOM commit; the board: its first chunk of rows); frame: → end of',
    'the next frame (rAF, then a task: style, layout, paint included). vs Lit / vs DOM: frame time over the baseline’s.',
    `board: ${report.board.rowsInFirstChunk} rows in the first chunk, ${report.board.rowsAtFirstFrame} drawn in the first frame, ${report.board.visibleRows} of them in view (${report.browser.viewport.join('×')}).`,
  );
  if (report.breakdown.length > 0) {
    lines.push(
      '',
      'where the time goes (instrumented runs, medians, ms; Chromium counters over the timed part):',
    );
    for (const b of report.breakdown)
      lines.push(
        `  ${b.name}: to frame ${ms(b.frameMs)}${b.allFrameMs !== null ? `, all rows ${ms(b.allFrameMs)}` : ''}; ` +
          `script ${ms(b.scriptMs)}, style ${ms(b.styleMs)}, layout ${ms(b.layoutMs)}, other (paint, GC…) ${ms(b.otherMs)}` +
          (b.willUpdateMs !== null
            ? `; lit: willUpdate ${ms(b.willUpdateMs)}${b.id === 'board' ? ' (summarize, order)' : ''}, render ${ms(b.renderMs)}, DOM commit ${ms(b.commitMs)}, ${b.updateCount} update(s)`
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
    const element = c.variants.find((v) => v.variant === 'element') as W2VariantResult;
    const lit = c.variants.find((v) => v.variant === 'lit');
    const dom = c.variants.find((v) => v.variant === 'dom');
    const versus = (stat: Stat) =>
      `${times(stat.medianMs, lit?.frame.medianMs)} Lit, ${times(stat.medianMs, dom?.frame.medianMs)} DOM`;
    rows.push({
      workload: 'W2',
      measurement: `${c.name}${element.allFrame ? ', first paint' : ''}`,
      size: c.size,
      medianMs: element.frame.medianMs,
      minMs: element.frame.minMs,
      cpuMs: null,
      versus: versus(element.frame),
    });
    const small = c.variants.find((v) => v.variant === 'element-small-chunks');
    if (small)
      rows.push({
        workload: 'W2',
        measurement: `${c.name}, first paint, ${small.name}`,
        size: c.size,
        medianMs: small.frame.medianMs,
        minMs: small.frame.minMs,
        cpuMs: null,
        versus: versus(small.frame),
      });
    if (element.allFrame)
      rows.push({
        workload: 'W2',
        measurement: `${c.name}, all rows painted`,
        size: c.size,
        medianMs: element.allFrame.medianMs,
        minMs: element.allFrame.minMs,
        cpuMs: null,
        versus: versus(element.allFrame),
      });
  }
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
