// Builds the documentation site as a fresh clone would, then checks it: the working tree's files (tracked and
// untracked, without what .gitignore excludes: no node_modules, no dist/, no build-tsc/, no generated API
// reference) are copied to a temporary folder, installed there from the pnpm store, and `pnpm docs:build` and
// `pnpm docs:check` run in it. A docs build that only works after something else was built in the tree (as
// TypeDoc did after `tsc -b`) fails here. Part of `pnpm test`.
//
//   tsx docs/.vitepress/fresh-build.ts [--keep]      (--keep: leave the temporary folder, and print its path)
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, lstatSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, '..', '..');
const keep = process.argv.includes('--keep');
const started = performance.now();

function step(message: string): void {
  console.log(`[docs:fresh] ${message} (${((performance.now() - started) / 1000).toFixed(1)} s)`);
}

function run(command: string, args: string[], cwd: string): void {
  const result = spawnSync(command, args, { cwd, stdio: 'inherit', env: process.env });
  if (result.status !== 0) {
    throw new Error(`${command} ${args.join(' ')} failed in ${cwd} (exit ${result.status ?? result.signal})`);
  }
}

const listed = spawnSync('git', ['ls-files', '--cached', '--others', '--exclude-standard', '-z'], {
  cwd: root,
  encoding: 'utf8',
  maxBuffer: 64 * 1024 * 1024,
});
if (listed.status !== 0) {
  console.error(
    `[docs:fresh] git ls-files failed: ${listed.stderr.trim()} (this check needs a git checkout)`,
  );
  process.exit(1);
}
const files = listed.stdout
  .split('\0')
  .filter((file) => file !== '')
  // Deleted but not yet committed, or a submodule: not part of a checkout of the working tree.
  .filter((file) => existsSync(join(root, file)) && lstatSync(join(root, file)).isFile());

const copy = mkdtempSync(join(tmpdir(), 'ntm-docs-fresh-'));
let failed = false;
try {
  for (const file of files) {
    mkdirSync(dirname(join(copy, file)), { recursive: true });
    copyFileSync(join(root, file), join(copy, file));
  }
  step(`copied ${files.length} files of the working tree to ${copy}`);
  run('pnpm', ['install', '--frozen-lockfile', '--prefer-offline'], copy);
  step('installed');
  run('pnpm', ['docs:build'], copy);
  step('built the site');
  run('pnpm', ['docs:check', '--screenshots', join(root, '.tmp', 'docs-screenshots')], copy);
  step('checked the site');
} catch (error) {
  failed = true;
  console.error(`[docs:fresh] ${error instanceof Error ? error.message : String(error)}`);
} finally {
  if (keep) step(`kept ${copy}`);
  else rmSync(copy, { recursive: true, force: true });
}
process.exit(failed ? 1 : 0);
