/**
 * Lints the published packages as npm will see them (run after `pnpm build`):
 *
 * - publint --strict in each package (it packs with pnpm: exports, files, types, sideEffects, bin…);
 * - @arethetypeswrong/cli on the tarball that `pnpm pack` writes (workspace:* rewritten, publishConfig applied),
 *   with the profile that matches what the package offers: core ships ESM and CommonJS, so every resolution
 *   mode must pass (`strict`, node10 included); scorecard and cli are ESM-only, so `esm-only` (a `require()`
 *   of them is expected to fail).
 *
 *   tsx consumers/check-packages.ts
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describeRun, run } from './lib/exec.js';
import { PACKAGES, type PackageKey, packPackages, ROOT } from './lib/workspace.js';

const PROFILE: Record<PackageKey, 'strict' | 'node16' | 'esm-only'> = {
  core: 'strict',
  scorecard: 'esm-only',
  cli: 'esm-only',
};

const bin = (name: string) => join(ROOT, 'node_modules', '.bin', name);
const started = performance.now();
const temp = mkdtempSync(join(tmpdir(), 'ntm-check-packages-'));
const results: { name: string; tool: string; ok: boolean; ms: number }[] = [];

try {
  const tarballs = await packPackages(temp);
  for (const key of PACKAGES) {
    const cwd = join(ROOT, 'packages', key);
    const checks = [
      { tool: 'publint --strict', command: bin('publint'), args: ['--strict'] },
      {
        tool: `attw --profile ${PROFILE[key]}`,
        command: bin('attw'),
        args: [tarballs[key].file, '--profile', PROFILE[key], '--format', 'table-flipped'],
      },
    ];
    for (const check of checks) {
      const result = await run(check.command, check.args, {
        cwd,
        timeoutMs: 120_000,
        env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0' },
      });
      const ok = result.code === 0;
      results.push({ name: tarballs[key].name, tool: check.tool, ok, ms: result.ms });
      process.stdout.write(
        `\n${ok ? 'ok  ' : 'FAIL'}  ${tarballs[key].name}: ${check.tool} (${(result.ms / 1000).toFixed(1)} s)\n`,
      );
      process.stdout.write(`${ok ? result.stdout.trim() : describeRun(result)}\n`);
    }
  }
} catch (error) {
  const output = (error as { output?: string }).output;
  process.stdout.write(`\nFAIL  ${(error as Error).message}\n${output ?? ''}\n`);
  results.push({ name: 'pack', tool: 'pnpm pack', ok: false, ms: 0 });
} finally {
  rmSync(temp, { recursive: true, force: true });
}

const failed = results.filter((r) => !r.ok);
process.stdout.write(
  `\ncheck:packages: ${failed.length ? `${failed.length} FAILED (${failed.map((r) => `${r.name} ${r.tool}`).join('; ')})` : `all ${results.length} checks passed`} in ${((performance.now() - started) / 1000).toFixed(1)} s\n`,
);
process.exit(failed.length ? 1 : 0);
