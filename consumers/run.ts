/**
 * Consumer tests: build and pack @nongthonmoi/core, /scorecard and /cli, install the tarballs with npm into
 * fresh throwaway projects outside the repository, and use them as real users do (Node ESM and CJS, strict
 * TypeScript, a Vite build and a static page in Chromium, the `ntm` CLI through npx). See consumers/README.md.
 *
 *   tsx consumers/run.ts [--skip-build] [--keep] [--only node,types,cli,vite,static] [--jobs 3]
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, sep } from 'node:path';
import { parseArgs } from 'node:util';
import type { Browser } from 'playwright';
import { launchChromium } from './lib/browser.js';
import { ConsumerStopped, log, skipped, step, summary } from './lib/report.js';
import { buildPackages, createProject, packPackages, ROOT, type Tarballs } from './lib/workspace.js';
import { CONSUMERS, type Consumer, type Context } from './suites.js';

const { values: args } = parseArgs({
  options: {
    'skip-build': { type: 'boolean', default: false },
    keep: { type: 'boolean', default: false },
    only: { type: 'string' },
    jobs: { type: 'string', default: process.env.NTM_CONSUMERS_JOBS ?? '3' },
    help: { type: 'boolean', short: 'h', default: false },
  },
});

if (args.help) {
  process.stdout.write(
    `Usage: tsx consumers/run.ts [--skip-build] [--keep] [--only ${CONSUMERS.map((c) => c.name).join(',')}] [--jobs N]\n\n` +
      `${CONSUMERS.map((c) => `  ${c.name.padEnd(8)} ${c.what}`).join('\n')}\n`,
  );
  process.exit(0);
}

const selected = args.only
  ? args.only.split(',').map((name) => {
      const consumer = CONSUMERS.find((c) => c.name === name.trim());
      if (!consumer) {
        process.stderr.write(
          `unknown consumer "${name}"; known: ${CONSUMERS.map((c) => c.name).join(', ')}\n`,
        );
        process.exit(2);
      }
      return consumer;
    })
  : CONSUMERS;
const jobs = Math.max(1, Number.parseInt(args.jobs ?? '3', 10) || 3);

const started = performance.now();
const tempRoot = mkdtempSync(join(tmpdir(), 'ntm-consumers-'));
let browser: Promise<Browser> | null = null;

async function cleanUp(): Promise<void> {
  if (browser) await (await browser.catch(() => null))?.close();
  browser = null;
  if (args.keep) log('setup', `kept ${tempRoot}`);
  else rmSync(tempRoot, { recursive: true, force: true });
}

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    process.stdout.write(`\n${signal}: cleaning up ${tempRoot}\n`);
    void cleanUp().finally(() => process.exit(130));
  });
}

async function runConsumer(consumer: Consumer, ctx: Context): Promise<void> {
  try {
    const project = await step(
      consumer.name,
      `npm install ${consumer.spec.tarballs.join(' + ')} tarballs`,
      () => createProject(tempRoot, consumer.spec, ctx.tarballs),
    );
    await consumer.run(project, ctx);
  } catch (error) {
    if (!(error instanceof ConsumerStopped)) throw error;
  }
}

/** Runs the consumers `jobs` at a time. */
async function pool(consumers: Consumer[], ctx: Context): Promise<void> {
  const queue = [...consumers];
  const worker = async () => {
    for (let next = queue.shift(); next; next = queue.shift()) await runConsumer(next, ctx);
  };
  await Promise.all(Array.from({ length: Math.min(jobs, consumers.length) }, worker));
}

async function main(): Promise<number> {
  log('setup', `temp dir ${tempRoot}`);
  // A node_modules above the temp dir would let a consumer resolve packages it did not install.
  const parents = tempRoot.split(sep).map((_, i, parts) => join(sep, ...parts.slice(0, i), 'node_modules'));
  const leaking = parents.filter((dir) => existsSync(dir));
  let tarballs: Tarballs;
  try {
    await step('setup', 'no node_modules above the temp dir, not inside the repository', async () => {
      if (leaking.length > 0 || tempRoot.startsWith(ROOT)) {
        throw new Error(`consumers could resolve packages from ${leaking.join(', ') || ROOT}; set TMPDIR`);
      }
    });
    if (args['skip-build']) skipped('setup', 'pnpm -r build', '--skip-build');
    else await step('setup', 'pnpm -r build (packages/*)', buildPackages);
    tarballs = await step('setup', 'pnpm -r pack, check tarball contents', () =>
      packPackages(join(tempRoot, 'tarballs')),
    );
  } catch (error) {
    if (error instanceof ConsumerStopped) return 1;
    throw error;
  }
  const ctx: Context = {
    tempRoot,
    tarballs,
    browser: () => {
      browser ??= launchChromium();
      return browser;
    },
  };
  await pool(selected, ctx);
  return 0;
}

let code = 1;
try {
  code = await main();
} catch (error) {
  process.stdout.write(`\nunexpected error in the runner:\n${(error as Error).stack ?? String(error)}\n`);
  code = 1;
} finally {
  await cleanUp();
}
const { failed, text } = summary(performance.now() - started);
process.stdout.write(text);
process.exit(failed > 0 || code !== 0 ? 1 : 0);
