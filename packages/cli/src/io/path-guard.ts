/**
 * Outputs never destroy inputs: before a command writes anything, every output path is compared with every
 * input path and with the other outputs, by real path (symlinks, `./x`, `../dir/x` resolved) and by device and
 * inode (hard links), and a clash is refused with a message naming both options and the file. The folder of
 * each output must exist, and an output must not be a folder.
 */
import { realpathSync, statSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import type { Lang } from '../i18n.js';
import { tr } from '../messages.js';
import { escapeControls } from '../safe-text.js';

/** One path a command was given, and the option it was given with (for messages), e.g. `--out`. */
export interface PathRole {
  /** The option as the user typed it (`--out`, `--previous`), or a name for a positional argument. */
  option: string;
  path: string;
}

export interface GuardRequest {
  inputs: ReadonlyArray<PathRole | null | undefined>;
  outputs: ReadonlyArray<PathRole | null | undefined>;
}

/** The paths a command must not write are refused with this error (exit code 2), before anything is written. */
export class PathClashError extends Error {
  override name = 'PathClashError';
}

interface Identity {
  /** The real path (for a file that does not exist yet: its folder's real path and its name). */
  real: string;
  /** `dev:ino` when the file exists. */
  node: string | null;
  /**
   * True for regular files (and files that do not exist yet). Writing to a device or a pipe (/dev/null,
   * /dev/stdout) replaces no file, so such outputs are not compared.
   */
  regular: boolean;
}

function identityOf(path: string): Identity | null {
  try {
    const stat = statSync(path);
    return { real: realpathSync(path), node: `${stat.dev}:${stat.ino}`, regular: stat.isFile() };
  } catch {
    return null;
  }
}

function shown(path: string): string {
  return `"${escapeControls(path)}"`;
}

/** Where an output will be written: its identity, or why it cannot be written there. */
function outputIdentity(role: PathRole, lang: Lang): Identity {
  const existing = identityOf(role.path);
  if (existing) {
    if (statSync(role.path).isDirectory()) {
      throw new PathClashError(
        tr(lang, 'guard.outputIsFolder', {
          option: role.option,
          path: shown(role.path),
          example: escapeControls(join(role.path, lang === 'en' ? 'results.xlsx' : 'ket-qua.xlsx')),
        }),
      );
    }
    return existing;
  }
  const folder = dirname(resolve(role.path));
  let folderStat: ReturnType<typeof statSync>;
  try {
    folderStat = statSync(folder);
  } catch {
    throw new PathClashError(
      tr(lang, 'guard.folderMissing', { option: role.option, path: shown(role.path), folder: shown(folder) }),
    );
  }
  if (!folderStat.isDirectory()) {
    throw new PathClashError(
      tr(lang, 'guard.parentNotFolder', {
        option: role.option,
        path: shown(role.path),
        folder: shown(folder),
      }),
    );
  }
  return { real: join(realpathSync(folder), basename(role.path)), node: null, regular: true };
}

function same(a: Identity, b: Identity): boolean {
  return a.real === b.real || (a.node !== null && a.node === b.node);
}

/**
 * Refuses (throws {@link PathClashError}) any output that is the same file as an input or as another output,
 * an output in a folder that does not exist, and an output that is a folder. Inputs that do not exist are left
 * to the readers, which say so. Run it before opening any output.
 */
export function guardPaths(request: GuardRequest, lang: Lang): void {
  const inputs = request.inputs.filter((role): role is PathRole => !!role);
  const outputs = request.outputs.filter((role): role is PathRole => !!role);
  const inputIds = inputs.map((role) => ({ role, id: identityOf(role.path) }));
  const seen: Array<{ role: PathRole; id: Identity }> = [];
  for (const role of outputs) {
    const id = outputIdentity(role, lang);
    if (!id.regular) continue;
    for (const input of inputIds) {
      if (input.id && same(id, input.id)) {
        throw new PathClashError(
          tr(lang, 'guard.outputIsInput', {
            output: role.option,
            outputPath: shown(role.path),
            input: input.role.option,
            inputPath: shown(input.role.path),
          }),
        );
      }
    }
    const clash = seen.find((other) => same(id, other.id));
    if (clash) {
      throw new PathClashError(
        tr(lang, 'guard.outputsClash', {
          first: clash.role.option,
          firstPath: shown(clash.role.path),
          second: role.option,
          secondPath: shown(role.path),
        }),
      );
    }
    seen.push({ role, id });
  }
}
