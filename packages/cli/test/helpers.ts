/**
 * Runs the REAL `ntm` binary: `node --import tsx --conditions=@nongthonmoi/source src/bin.ts`, i.e. the
 * sources of the CLI and of core, in a child process, exactly as a user's shell would (stdin closed, stdout
 * a pipe). Set NTM_TEST_BIN=dist to run the built packages/cli/dist/bin.js instead (after `pnpm build`).
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export const PACKAGE = fileURLToPath(new URL('..', import.meta.url));
export const REPO = join(PACKAGE, '..', '..');
const require = createRequire(import.meta.url);

export interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

export function ntm(
  args: string[],
  options: { cwd?: string; env?: Record<string, string> } = {},
): Promise<Run> {
  const useDist = process.env.NTM_TEST_BIN === 'dist';
  const nodeArgs = useDist
    ? [join(PACKAGE, 'dist', 'bin.js')]
    : [
        '--import',
        pathToFileURL(require.resolve('tsx')).href,
        '--conditions=@nongthonmoi/source',
        join(PACKAGE, 'src', 'bin.ts'),
      ];
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [...nodeArgs, ...args],
      {
        cwd: options.cwd ?? PACKAGE,
        env: { ...process.env, NO_COLOR: '1', CI: 'true', ...options.env },
        maxBuffer: 64 * 1024 * 1024,
        encoding: 'utf8',
      },
      (error, stdout, stderr) => {
        const code = error ? (typeof error.code === 'number' ? error.code : 99) : 0;
        resolve({ code, stdout, stderr });
      },
    );
  });
}

export function tempDir(): string {
  return mkdtempSync(join(tmpdir(), 'ntm-cli-test-'));
}

export interface SampleCommune {
  id: string;
  name: string;
  province: string;
  district: string;
  values: Record<string, number | boolean | string | string[]>;
}

/** The repository's sample commune (Nam Mỹ, illustrative data), with all NTM and NTM nâng cao measures. */
export function sampleCommune(): SampleCommune {
  return JSON.parse(readFileSync(join(REPO, 'examples', 'sample-commune', 'commune.json'), 'utf8'));
}

/** A cell as a Vietnamese analyst would type it: decimal comma, Có/Không. */
export function vietnameseCell(value: unknown): string {
  if (typeof value === 'boolean') return value ? 'Có' : 'Không';
  if (typeof value === 'number') return String(value).replace('.', ',');
  if (Array.isArray(value)) return value.join('; ');
  return String(value ?? '');
}

export function writeText(dir: string, name: string, text: string): string {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}
