/**
 * Atomic outputs: every file a command writes is first written to a temporary file in the same folder, and
 * renamed over the target only when it is complete (flushed and synced to disk). An interrupted run (Ctrl-C,
 * SIGTERM, a crash, a full disk, a write error) leaves the earlier file as it was and no temporary file behind;
 * two runs writing the same file at once each rename a complete file, so one complete file wins.
 *
 * Use: `const out = await openOutput(path, { option: '--out', lang })`, then `await out.write(chunk)` any
 * number of times, then `await out.commit()`, or `await out.abort()` on failure. `writeOutput` does the three
 * for content already in memory. The process-wide cleanup on signals and at exit is installed once by the
 * binary ({@link installSignalCleanup}).
 */
import { randomBytes } from 'node:crypto';
import { unlinkSync } from 'node:fs';
import { type FileHandle, open, realpath, rename, stat, unlink } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { Writable } from 'node:stream';
import type { Lang } from '../i18n.js';
import { type MessageId, tr } from '../messages.js';
import { escapeControls } from '../safe-text.js';

/** An output could not be written (full disk, no permission, missing folder…): exit code 2. */
export class OutputError extends Error {
  override name = 'OutputError';
  readonly code: string | undefined;
  constructor(message: string, code?: string) {
    super(message);
    this.code = code;
  }
}

export interface Output {
  /** The path as given. */
  readonly path: string;
  /** The option it was given with, for messages (`--out`). */
  readonly option: string;
  /** The temporary file being written, or null when the target is a device or a pipe (written directly). */
  readonly temporaryPath: string | null;
  /** Appends `chunk` (buffered; written in large blocks). */
  write(chunk: string | Uint8Array): Promise<void>;
  /**
   * A Node.js Writable over {@link write}, for writers that want a stream (a streaming workbook writer,
   * `stream.pipeline`). Ending it does not commit: call `commit()` once the writer has finished.
   */
  writable(): Writable;
  /** Flushes, syncs and renames the temporary file over the target. After it, abort() does nothing. */
  commit(): Promise<void>;
  /** Removes the temporary file; the target is left as it was. Safe to call twice, or after commit(). */
  abort(): Promise<void>;
}

export interface OutputOptions {
  /** The option the path was given with, for messages (default `--out`). */
  option?: string;
  lang?: Lang;
}

/** Temporary files not yet committed or aborted, for the cleanup on signals and at exit. */
const pending = new Set<string>();

/** Paths of the temporary files of outputs still being written. */
export function pendingTemporaryFiles(): string[] {
  return [...pending];
}

/** Removes every pending temporary file, synchronously (signal handlers and the `exit` event cannot wait). */
export function removePendingTemporaryFilesSync(): void {
  for (const path of pending) {
    try {
      unlinkSync(path);
    } catch {
      // Already gone.
    }
  }
  pending.clear();
}

const WHY: Record<string, MessageId> = {
  ENOSPC: 'output.diskFull',
  EFBIG: 'output.fileTooLarge',
  EDQUOT: 'output.quota',
  EACCES: 'output.denied',
  EPERM: 'output.denied',
  EROFS: 'output.readOnly',
  ENOENT: 'output.missingFolder',
  ENOTDIR: 'output.missingFolder',
  EISDIR: 'output.isFolder',
};

function outputError(error: unknown, path: string, option: string, lang: Lang): OutputError {
  if (error instanceof OutputError) return error;
  const code = (error as NodeJS.ErrnoException)?.code;
  const id = code ? WHY[code] : undefined;
  const why = id
    ? tr(lang, id as 'output.diskFull')
    : tr(lang, 'output.system', { code: code ?? String((error as Error)?.message ?? error) });
  return new OutputError(tr(lang, 'output.failed', { option, path: `"${escapeControls(path)}"`, why }), code);
}

/** Where the content goes: the real file behind a symlink (so that the link keeps working), or the path. */
async function targetOf(path: string): Promise<{ target: string; direct: boolean; mode: number | null }> {
  try {
    const info = await stat(path);
    if (info.isDirectory()) {
      throw Object.assign(new Error('is a folder'), { code: 'EISDIR' });
    }
    // A device or a pipe (/dev/null, /dev/stdout, a FIFO) is written directly: it cannot be replaced.
    if (!info.isFile()) return { target: path, direct: true, mode: null };
    return { target: await realpath(path), direct: false, mode: info.mode & 0o7777 };
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    return { target: resolve(path), direct: false, mode: null };
  }
}

function temporaryPathFor(target: string): string {
  // Hidden, in the same folder (a rename never crosses file systems), unique per process and call; the name is
  // kept short enough for the 255-byte limit of most file systems.
  const name = basename(target).slice(0, 80);
  return join(dirname(target), `.${name}.ntm-${process.pid}-${randomBytes(4).toString('hex')}.tmp`);
}

const BLOCK = 1024 * 1024;

/** Opens an output: see the module's description. Throws {@link OutputError} when it cannot be created. */
export async function openOutput(path: string, options: OutputOptions = {}): Promise<Output> {
  const option = options.option ?? '--out';
  const lang = options.lang ?? 'vi';
  let handle: FileHandle;
  let temporary: string | null = null;
  let target: string;
  try {
    const where = await targetOf(path);
    target = where.target;
    if (where.direct) {
      handle = await open(target, 'w');
    } else {
      temporary = temporaryPathFor(target);
      handle = await open(temporary, 'wx', where.mode ?? 0o666);
      pending.add(temporary);
      // Keep the mode of the file being replaced (open() applies the umask).
      if (where.mode !== null) await handle.chmod(where.mode);
    }
  } catch (error) {
    if (temporary) await removeTemporary(temporary);
    throw outputError(error, path, option, lang);
  }
  let buffered: Buffer[] = [];
  let size = 0;
  let state: 'open' | 'committed' | 'aborted' = 'open';

  const flush = async () => {
    if (size === 0) return;
    const data = buffered.length === 1 ? (buffered[0] as Buffer) : Buffer.concat(buffered, size);
    buffered = [];
    size = 0;
    await handle.write(data);
  };
  const fail = async (error: unknown): Promise<never> => {
    await abort();
    throw outputError(error, path, option, lang);
  };
  const abort = async () => {
    if (state !== 'open') return;
    state = 'aborted';
    buffered = [];
    size = 0;
    await handle.close().catch(() => {});
    if (temporary) await removeTemporary(temporary);
  };
  const output: Output = {
    path,
    option,
    temporaryPath: temporary,
    async write(chunk) {
      if (state !== 'open') throw new Error(`output ${path} is already ${state}`);
      const data = typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : Buffer.from(chunk);
      buffered.push(data);
      size += data.length;
      if (size >= BLOCK) {
        try {
          await flush();
        } catch (error) {
          await fail(error);
        }
      }
    },
    async commit() {
      if (state !== 'open') throw new Error(`output ${path} is already ${state}`);
      try {
        await flush();
        // On disk before it replaces the earlier file: a power cut must not leave an empty file in its place.
        if (temporary) await handle.sync();
        await handle.close();
        if (temporary) {
          await rename(temporary, target);
          pending.delete(temporary);
        }
        state = 'committed';
      } catch (error) {
        await fail(error);
      }
    },
    abort,
    writable() {
      return new Writable({
        write(chunk: Buffer | string, _encoding, done) {
          output.write(chunk).then(() => done(), done);
        },
      });
    },
  };
  return output;
}

async function removeTemporary(path: string): Promise<void> {
  pending.delete(path);
  await unlink(path).catch(() => {});
}

/** Writes `content` to `path` atomically (open, write, commit; the temporary file is removed on failure). */
export async function writeOutput(
  path: string,
  content: string | Uint8Array,
  options: OutputOptions = {},
): Promise<void> {
  const output = await openOutput(path, options);
  try {
    await output.write(content);
    await output.commit();
  } finally {
    await output.abort();
  }
}

/** Exit codes of a run stopped by a signal, as shells report them (128 + the signal's number). */
export const SIGNAL_EXIT: Record<'SIGINT' | 'SIGTERM' | 'SIGHUP', number> = {
  SIGHUP: 129,
  SIGINT: 130,
  SIGTERM: 143,
};

let installed = false;

/**
 * For the `ntm` process: on SIGINT (Ctrl-C), SIGTERM and SIGHUP, remove the temporary files of the outputs
 * being written, say so, and exit with 128 + the signal's number; at exit (a crash included), remove any
 * temporary file left. Installed once.
 */
export function installSignalCleanup(
  lang: Lang,
  say: (text: string) => void = (text) => process.stderr.write(text),
): void {
  if (installed) return;
  installed = true;
  process.on('exit', removePendingTemporaryFilesSync);
  for (const signal of Object.keys(SIGNAL_EXIT) as Array<keyof typeof SIGNAL_EXIT>) {
    process.once(signal, () => {
      removePendingTemporaryFilesSync();
      try {
        say(tr(lang, 'output.interrupted', { signal }));
      } catch {
        // stderr may be gone (a closed terminal): the cleanup is what matters.
      }
      process.exit(SIGNAL_EXIT[signal]);
    });
  }
}
