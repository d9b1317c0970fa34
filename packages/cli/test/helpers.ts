/**
 * Runs the REAL `ntm` binary: `node --import tsx --conditions=@nongthonmoi/source src/bin.ts`, i.e. the
 * sources of the CLI and of core, in a child process, exactly as a user's shell would (stdin closed, stdout
 * a pipe). Set NTM_TEST_BIN=dist to run the built packages/cli/dist/bin.js instead (after `pnpm build`).
 */
import { type ChildProcess, execFile, spawn } from 'node:child_process';
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

/** The node arguments that start the binary (before its own arguments). */
export function ntmNodeArgs(): string[] {
  return process.env.NTM_TEST_BIN === 'dist'
    ? [join(PACKAGE, 'dist', 'bin.js')]
    : [
        '--import',
        pathToFileURL(require.resolve('tsx')).href,
        '--conditions=@nongthonmoi/source',
        join(PACKAGE, 'src', 'bin.ts'),
      ];
}

/** The environment the binary runs in: no colours, as on CI, plus `env`. */
export function ntmEnv(env: Record<string, string> = {}): NodeJS.ProcessEnv {
  return { ...process.env, NO_COLOR: '1', CI: 'true', ...env };
}

/**
 * Starts the binary and leaves it running (for signals and concurrent runs): the child, and a promise of its
 * exit code (or signal), stdout and stderr.
 */
export function spawnNtm(
  args: string[],
  options: { cwd?: string; env?: Record<string, string>; shell?: string } = {},
): { child: ChildProcess; done: Promise<Run & { signal: NodeJS.Signals | null }> } {
  // `shell`: a POSIX shell prefix run before the binary (e.g. "ulimit -f 64"), through sh -c.
  const command = options.shell
    ? spawn(
        '/bin/sh',
        ['-c', `${options.shell}; exec "$0" "$@"`, process.execPath, ...ntmNodeArgs(), ...args],
        {
          cwd: options.cwd ?? PACKAGE,
          env: ntmEnv(options.env),
        },
      )
    : spawn(process.execPath, [...ntmNodeArgs(), ...args], {
        cwd: options.cwd ?? PACKAGE,
        env: ntmEnv(options.env),
      });
  let stdout = '';
  let stderr = '';
  command.stdout?.setEncoding('utf8').on('data', (chunk: string) => {
    stdout += chunk;
  });
  command.stderr?.setEncoding('utf8').on('data', (chunk: string) => {
    stderr += chunk;
  });
  const done = new Promise<Run & { signal: NodeJS.Signals | null }>((resolve) => {
    command.on('close', (code, signal) => resolve({ code: code ?? 99, signal, stdout, stderr }));
  });
  return { child: command, done };
}

export function ntm(
  args: string[],
  options: { cwd?: string; env?: Record<string, string> } = {},
): Promise<Run> {
  const nodeArgs = ntmNodeArgs();
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [...nodeArgs, ...args],
      {
        cwd: options.cwd ?? PACKAGE,
        env: ntmEnv(options.env),
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
