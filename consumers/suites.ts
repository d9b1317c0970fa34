/**
 * The consumers: each is a throwaway project that installs the packed tarballs with npm and uses them the way
 * one kind of user does. A consumer is a list of steps; the first failing step stops that consumer only.
 */
import { deepStrictEqual } from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from 'playwright';
import { openPage, type WatchedPage, waitForShadowText } from './lib/browser.js';
import { CheckError, describeRun, type ExecResult, mustRun } from './lib/exec.js';
import { step } from './lib/report.js';
import { serveStatic } from './lib/serve.js';
import { type Project, type ProjectSpec, ROOT, type Tarballs } from './lib/workspace.js';

export interface Context {
  tempRoot: string;
  tarballs: Tarballs;
  /** Started on first use and shared by the browser consumers. */
  browser(): Promise<Browser>;
}

export interface Consumer {
  name: string;
  what: string;
  spec: ProjectSpec;
  run(project: Project, ctx: Context): Promise<void>;
}

const SAMPLE_COMMUNE = join(ROOT, 'examples', 'sample-commune', 'commune.json');
const SAMPLE_CSV = join(ROOT, 'examples', 'nam-truc-2023', 'data-2023-11-15.csv');
const STATUSES = new Set(['met', 'not-met', 'incomplete']);

function parseJson<T>(result: ExecResult, what: string): T {
  try {
    return JSON.parse(result.stdout) as T;
  } catch (error) {
    throw new CheckError(`${what} is not JSON: ${(error as Error).message}`, describeRun(result));
  }
}

function check(condition: unknown, message: string, output = ''): asserts condition {
  if (!condition) throw new CheckError(message, output);
}

/** Fails on uncaught errors in the page: a rendered element next to a thrown error is not a pass. */
function noPageErrors(watched: WatchedPage): void {
  const errors = watched.events.filter((e) => e.startsWith('pageerror'));
  check(errors.length === 0, `the page threw ${errors.length} error(s)`, watched.describe());
}

async function withPage<T>(
  ctx: Context,
  root: string,
  path: string,
  fn: (watched: WatchedPage, url: string) => Promise<T>,
): Promise<T> {
  const server = await serveStatic(root);
  const browser = await ctx.browser();
  const watched = await openPage(browser, `${server.url}${path}`);
  try {
    return await fn(watched, server.url);
  } finally {
    await watched.close();
    await server.close();
  }
}

interface Digest {
  resolved: { core: string; review: string };
  status: string;
  counts: { criteriaMet: number; criteriaTotal: number };
  criteria: string[];
  batch: { results: number; errors: number };
  [key: string]: unknown;
}

const node: Consumer = {
  name: 'node',
  what: 'Node ESM and CommonJS evaluate the sample commune; @nongthonmoi/core/review loads in both',
  spec: {
    name: 'node',
    type: 'commonjs',
    fixtures: ['node'],
    copy: [[SAMPLE_COMMUNE, 'commune.json']],
    tarballs: ['core'],
  },
  async run(project) {
    const esm = await step('node', 'ESM: import { evaluate } from "@nongthonmoi/core"', async () => {
      const result = await mustRun('node', ['esm.mjs'], { cwd: project.dir, env: project.env });
      const digest = parseJson<Digest>(result, 'esm.mjs output');
      check(digest.resolved.core.endsWith('/dist/index.js'), `import resolved to ${digest.resolved.core}`);
      check(
        digest.resolved.review.endsWith('/dist/review.js'),
        `review resolved to ${digest.resolved.review}`,
      );
      check(STATUSES.has(digest.status), `unexpected status ${digest.status}`, result.stdout);
      check(
        digest.counts.criteriaTotal > 0 && digest.criteria.length === digest.counts.criteriaTotal,
        'no criteria evaluated',
        result.stdout,
      );
      check(digest.batch.results === 2 && digest.batch.errors === 0, 'evaluateMany failed', result.stdout);
      return digest;
    });
    await step('node', 'CJS: require("@nongthonmoi/core"), same results as ESM', async () => {
      const result = await mustRun('node', ['cjs.cjs'], { cwd: project.dir, env: project.env });
      const digest = parseJson<Digest>(result, 'cjs.cjs output');
      check(digest.resolved.core.endsWith('/dist/index.cjs'), `require resolved to ${digest.resolved.core}`);
      check(
        digest.resolved.review.endsWith('/dist/review.cjs'),
        `review resolved to ${digest.resolved.review}`,
      );
      const { resolved: _a, ...fromCjs } = digest;
      const { resolved: _b, ...fromEsm } = esm;
      try {
        deepStrictEqual(fromCjs, fromEsm);
      } catch (error) {
        throw new CheckError('the CommonJS build gives other results than the ESM build', String(error));
      }
    });
  },
};

const types: Consumer = {
  name: 'types',
  what: 'strict TypeScript 5.9 type-checks the public API and the elements under bundler, node16 and node10',
  spec: {
    name: 'types',
    type: 'module',
    fixtures: ['types'],
    tarballs: ['core', 'scorecard'],
    registry: ['typescript@5.9.3'],
  },
  async run(project) {
    const tsc = join(project.dir, 'node_modules', 'typescript', 'bin', 'tsc');
    const configs = [
      ['moduleResolution "bundler"', 'tsconfig.bundler.json'],
      ['moduleResolution "node16" (ESM and a .cts)', 'tsconfig.node16.json'],
      ['moduleResolution "node10" (legacy, skipLibCheck)', 'tsconfig.node10.json'],
    ] as const;
    // Independent: type-check them side by side.
    const results = await Promise.allSettled(
      configs.map(([label, config]) =>
        step('types', `tsc --noEmit, ${label}`, () =>
          mustRun('node', [tsc, '-p', config, '--pretty', 'false'], {
            cwd: project.dir,
            env: project.env,
            timeoutMs: 180_000,
          }),
        ),
      ),
    );
    const failed = results.find((r) => r.status === 'rejected');
    if (failed) throw (failed as PromiseRejectedResult).reason;
  },
};

const vite: Consumer = {
  name: 'vite',
  what: 'a Vite 8 production build using the element build renders a real evaluation in Chromium',
  spec: {
    name: 'vite',
    type: 'module',
    fixtures: ['vite'],
    copy: [[SAMPLE_COMMUNE, 'commune.json']],
    tarballs: ['core', 'scorecard'],
    registry: ['vite@8.3.8'],
  },
  async run(project, ctx) {
    await step('vite', 'vite build', async () => {
      await mustRun('npx', ['--yes=false', 'vite', 'build'], {
        cwd: project.dir,
        env: project.env,
        timeoutMs: 180_000,
      });
      check(existsSync(join(project.dir, 'dist', 'index.html')), 'vite build wrote no dist/index.html');
    });
    await step('vite', 'Chromium: scorecard shows "N/M tiêu chí đạt", board renders, lang switch', () =>
      withPage(ctx, join(project.dir, 'dist'), '/', async (watched) => {
        const card = await waitForShadowText(watched, '#card', 'tiêu chí đạt');
        const evaluation = (await watched.page.evaluate(
          () => (window as unknown as { __consumer: unknown }).__consumer,
        )) as { counts: { criteriaMet: number; criteriaTotal: number } };
        const expected = `${evaluation.counts.criteriaMet}/${evaluation.counts.criteriaTotal} tiêu chí đạt`;
        check(card.includes(expected), `the scorecard does not show "${expected}"`, card.slice(0, 1500));
        await waitForShadowText(watched, '#board', 'xã đạt');
        // Another update cycle through lit (the element build's mangled names must not shadow lit's own).
        await watched.page.evaluate(() => {
          for (const element of document.querySelectorAll('ntm-scorecard, ntm-district-board')) {
            element.setAttribute('lang', 'en');
          }
        });
        await waitForShadowText(watched, '#card', 'criteria met');
        noPageErrors(watched);
      }),
    );
  },
};

const staticPage: Consumer = {
  name: 'static',
  what: 'a plain HTML page with only the standalone bundle renders a scorecard, a board and a `src` scorecard',
  spec: {
    name: 'static',
    type: 'module',
    fixtures: ['static'],
    copy: [[SAMPLE_COMMUNE, 'commune.json']],
    tarballs: ['core', 'scorecard'],
  },
  async run(project, ctx) {
    await step('static', 'precompute evaluations.json with core in Node', () =>
      mustRun('node', ['make-data.mjs'], { cwd: project.dir, env: project.env }),
    );
    await step('static', 'Chromium: board, precomputed scorecard and `src` scorecard render', () =>
      withPage(ctx, project.dir, '/index.html', async (watched, origin) => {
        await waitForShadowText(watched, '#board', /\d+\/3 xã đạt/);
        await waitForShadowText(watched, '#card', 'tiêu chí đạt');
        await waitForShadowText(watched, '#from-src', 'tiêu chí đạt', 30_000);
        const errors = await watched.page.evaluate(
          () => (window as unknown as { __errors: unknown[] }).__errors,
        );
        check(errors.length === 0, 'ntm-error fired', JSON.stringify(errors, null, 2));
        noPageErrors(watched);
        const bundleDir = `${origin}/node_modules/@nongthonmoi/scorecard/dist/standalone/`;
        const scripts = watched.requests.filter((url) => /\.m?js(\?|$)/.test(url));
        const foreign = scripts.filter((url) => !url.startsWith(bundleDir));
        check(
          foreign.length === 0,
          'the page loaded scripts other than the standalone bundle',
          `${foreign.join('\n')}\n${watched.describe()}`,
        );
        const offsite = watched.requests.filter((url) => !url.startsWith(origin) && !url.startsWith('data:'));
        check(offsite.length === 0, 'the page made requests to other hosts', offsite.join('\n'));
      }),
    );
  },
};

const cli: Consumer = {
  name: 'cli',
  what: 'the `ntm` bin from the tarball runs with only its dependencies: --help, evaluate CSV, review HTML',
  spec: {
    name: 'cli',
    type: 'commonjs',
    fixtures: [],
    copy: [[SAMPLE_CSV, 'communes.csv']],
    tarballs: ['core', 'scorecard', 'cli'],
  },
  async run(project, ctx) {
    const npx = (args: string[], okCodes = [0]) =>
      mustRun('npx', ['--yes=false', ...args], {
        cwd: project.dir,
        env: project.env,
        okCodes,
        timeoutMs: 120_000,
      });
    await step('cli', 'no build tooling installed (only runtime dependencies)', async () => {
      const dev = ['typescript', 'tsup', 'tsx', 'vitest', 'esbuild', '@types/cli-progress'].filter((dep) =>
        existsSync(join(project.dir, 'node_modules', dep)),
      );
      check(dev.length === 0, `development packages were installed: ${dev.join(', ')}`);
    });
    await step('cli', 'npx ntm --help', async () => {
      const result = await npx(['ntm', '--help']);
      check(result.stdout.includes('Usage: ntm'), 'no usage text', describeRun(result));
    });
    await step('cli', 'npx @nongthonmoi/cli --help, --version', async () => {
      const help = await npx(['@nongthonmoi/cli', '--help']);
      check(help.stdout.includes('Usage: ntm'), 'no usage text', describeRun(help));
      const result = await npx(['@nongthonmoi/cli', '--version']);
      const version = ctx.tarballs.cli.version;
      check(result.stdout.trim() === version, `printed "${result.stdout.trim()}", expected ${version}`);
    });
    await step('cli', 'npx ntm evaluate communes.csv --level nang-cao … --format json', async () => {
      const result = await npx([
        'ntm',
        'evaluate',
        'communes.csv',
        '--level',
        'nang-cao',
        '--as-of',
        '2023-11-15',
        '--province',
        'nam-dinh',
        '--format',
        'json',
      ]);
      const output = parseJson<{
        counts: { rows: number; evaluated: number; rowsWithProblems: number };
        evaluations: { status: string; commune: { id: string } }[];
      }>(result, 'ntm evaluate --format json');
      check(output.counts.evaluated > 0, 'no commune evaluated', result.stdout.slice(0, 2000));
      check(
        output.evaluations.length === output.counts.evaluated,
        `${output.evaluations.length} evaluations for ${output.counts.evaluated} evaluated rows`,
      );
      const bad = output.evaluations.filter((e) => !STATUSES.has(e.status));
      check(
        bad.length === 0,
        `unexpected statuses: ${bad.map((e) => `${e.commune.id}=${e.status}`).join(', ')}`,
      );
    });
    await step('cli', 'npx ntm review → report.html with the scorecard bundle inlined', async () => {
      const result = await npx([
        'ntm',
        'review',
        'communes.csv',
        '--level',
        'nang-cao',
        '--as-of',
        '2023-11-15',
        '--province',
        'nam-dinh',
        '--out',
        'report.html',
      ]);
      const html = readFileSync(join(project.dir, 'report.html'), 'utf8');
      check(
        html.includes('id="ntm-scorecard-bundle"') && html.includes('customElements'),
        'the report does not inline @nongthonmoi/scorecard (was it resolved at run time?)',
        describeRun(result),
      );
    });
    await step('cli', "Chromium: the report renders each commune's scorecard offline", () =>
      withPage(ctx, project.dir, '/report.html', async (watched, origin) => {
        await waitForShadowText(watched, 'ntm-scorecard', 'tiêu chí đạt');
        noPageErrors(watched);
        const fetched = watched.requests.filter(
          (url) => url !== `${origin}/report.html` && !url.startsWith('data:'),
        );
        check(fetched.length === 0, 'the self-contained report fetched other files', fetched.join('\n'));
      }),
    );
  },
};

export const CONSUMERS: Consumer[] = [node, types, cli, vite, staticPage];
