import { spawn } from 'node:child_process';
import { delimiter } from 'node:path';

export interface ExecResult {
  command: string;
  cwd: string;
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
  ms: number;
}

/** A failed check. `output` (command lines, stdout, stderr, page logs) is printed under the failure. */
export class CheckError extends Error {
  constructor(
    message: string,
    readonly output = '',
  ) {
    super(message);
    this.name = 'CheckError';
  }
}

export function describeRun(result: ExecResult): string {
  const status = result.signal ? `killed by ${result.signal}` : `exit ${result.code}`;
  return [
    `$ ${result.command}   (in ${result.cwd}; ${status}; ${(result.ms / 1000).toFixed(1)} s)`,
    section('stdout', result.stdout),
    section('stderr', result.stderr),
  ]
    .filter(Boolean)
    .join('\n');
}

/** The last `maxLines` lines of a stream, labelled; empty when the stream was empty. */
export function section(label: string, text: string, maxLines = 60): string {
  const trimmed = text.trimEnd();
  if (!trimmed) return '';
  const lines = trimmed.split('\n');
  const shown = lines.length > maxLines ? lines.slice(-maxLines) : lines;
  const cut = lines.length > maxLines ? ` (last ${maxLines} of ${lines.length} lines)` : '';
  return `--- ${label}${cut}\n${shown.join('\n')}`;
}

/**
 * The environment of a consumer: the user's, without what pnpm, tsx or the workspace put there. No
 * `node_modules/.bin` of the repository on PATH, no NODE_PATH/NODE_OPTIONS, no npm_* variables of the
 * running script, so a consumer finds only what its own `npm install` gave it.
 */
export function consumerEnv(repoRoot: string): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  const keep = new Set(['npm_config_registry', 'npm_config_cache', 'npm_config_userconfig']);
  for (const [key, value] of Object.entries(process.env)) {
    if (value === undefined) continue;
    if (/^(npm|pnpm)_/i.test(key) && !keep.has(key.toLowerCase())) continue;
    if (key === 'NODE_PATH' || key === 'NODE_OPTIONS' || key === 'TSX_TSCONFIG_PATH') continue;
    env[key] = value;
  }
  env.PATH = (process.env.PATH ?? '')
    .split(delimiter)
    .filter((dir) => dir && !dir.startsWith(repoRoot) && !dir.includes('node_modules'))
    .join(delimiter);
  env.NO_COLOR = '1';
  env.FORCE_COLOR = '0';
  env.CI = env.CI ?? '1';
  return env;
}

export interface ExecOptions {
  cwd: string;
  env?: NodeJS.ProcessEnv;
  timeoutMs?: number;
  /** Exit codes counted as success (default [0]). */
  okCodes?: number[];
}

/** Runs a command without a shell, capturing its output. Resolves even on failure: see `mustRun`. */
export function run(command: string, args: readonly string[], options: ExecOptions): Promise<ExecResult> {
  const started = performance.now();
  const display = [command, ...args.map((arg) => (/[\s"'$]/.test(arg) ? JSON.stringify(arg) : arg))].join(
    ' ',
  );
  return new Promise((resolve) => {
    const child = spawn(command, args, {
      cwd: options.cwd,
      env: options.env ?? process.env,
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: process.platform !== 'win32',
    });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on('data', (chunk: Buffer) => out.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => err.push(chunk));
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      // The whole process group: npm and npx start children of their own.
      try {
        if (child.pid !== undefined) process.kill(-child.pid, 'SIGKILL');
      } catch {
        child.kill('SIGKILL');
      }
    }, options.timeoutMs ?? 120_000);
    const finish = (code: number | null, signal: NodeJS.Signals | null, extra = '') => {
      clearTimeout(timer);
      const stderr = Buffer.concat(err).toString('utf8') + extra;
      resolve({
        command: display,
        cwd: options.cwd,
        code,
        signal,
        stdout: Buffer.concat(out).toString('utf8'),
        stderr: timedOut ? `${stderr}\n[timed out after ${(options.timeoutMs ?? 120_000) / 1000} s]` : stderr,
        ms: performance.now() - started,
      });
    };
    child.on('error', (error) => finish(null, null, `\n[could not start: ${error.message}]`));
    child.on('close', (code, signal) => finish(code, signal));
  });
}

/** Runs a command and throws a CheckError with its output unless it exits with an accepted code. */
export async function mustRun(
  command: string,
  args: readonly string[],
  options: ExecOptions,
): Promise<ExecResult> {
  const result = await run(command, args, options);
  const ok = result.code !== null && (options.okCodes ?? [0]).includes(result.code);
  if (!ok) {
    throw new CheckError(
      `\`${result.command}\` failed (${result.signal ? `killed by ${result.signal}` : `exit ${result.code}`})`,
      describeRun(result),
    );
  }
  return result;
}
