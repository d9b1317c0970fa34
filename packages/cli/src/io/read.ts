/** Reads a data file of any supported format (by extension, or by its first bytes), within {@link LIMITS}. */
import { constants } from 'node:fs';
import { type FileHandle, open } from 'node:fs/promises';
import { extname } from 'node:path';
import type { Lang } from '../i18n.js';
import { formatBytes, tr } from '../messages.js';
import { percentFractionWarnings } from './cells.js';
import type { Dictionary } from './columns.js';
import { LIMITS } from './limits.js';
import { decodeText, notTextReason, openCsv } from './read-csv.js';
import { readJsonText } from './read-json.js';
import { openXlsx } from './read-xlsx-stream.js';
import { type CommuneSource, collect, sourceOf } from './source.js';
import { shownFile } from './text.js';
import { InputError, type InputFormat, type ReadResult } from './types.js';

export interface ReadOptions {
  /** Excel: the sheet to read (default: the first). */
  sheet?: string;
  /** Skip columns that are neither commune fields nor known measures instead of refusing the file. */
  ignoreUnknownColumns?: boolean;
  /** Force the format instead of guessing it from the extension. */
  format?: InputFormat;
  /** Language of the problems' reasons and of the errors (default Vietnamese). */
  lang?: Lang;
  /**
   * CSV and Excel: the header row (from 1). By default row 1, or, when title rows come first, the first row
   * whose cells mostly name commune fields and measures.
   */
  headerRow?: number;
}

/** The format of a file from its extension, or its first bytes when the extension says nothing. */
export function detectFormat(file: string, bytes: Uint8Array, lang: Lang = 'vi'): InputFormat {
  const extension = extname(file).toLowerCase();
  if (extension === '.csv' || extension === '.tsv' || extension === '.txt') return 'csv';
  if (extension === '.xlsx' || extension === '.xlsm') return 'xlsx';
  if (extension === '.json') return 'json';
  if (extension === '.xls' || extension === '.ods') {
    throw new InputError(file, tr(lang, 'read.oldFormat', { file: shownFile(file), extension }));
  }
  if (bytes[0] === 0x50 && bytes[1] === 0x4b) return 'xlsx';
  let i = bytes[0] === 0xef ? 3 : 0;
  while (
    i < bytes.length &&
    (bytes[i] === 0x20 || bytes[i] === 0x0a || bytes[i] === 0x0d || bytes[i] === 0x09)
  )
    i++;
  if (bytes[i] === 0x5b || bytes[i] === 0x7b) return 'json';
  return 'csv';
}

function openError(error: unknown, file: string, lang: Lang): InputError {
  const code = (error as NodeJS.ErrnoException).code ?? 'EIO';
  const shown = shownFile(file);
  if (code === 'ENOENT' || code === 'ENOTDIR')
    return new InputError(file, tr(lang, 'read.missing', { file: shown }));
  if (code === 'EISDIR') return new InputError(file, tr(lang, 'read.folder', { file: shown }));
  if (code === 'EACCES' || code === 'EPERM')
    return new InputError(file, tr(lang, 'read.denied', { file: shown }));
  return new InputError(file, tr(lang, 'read.failed', { file: shown, code }));
}

const CHUNK = 64 * 1024;
const sleep = (ms: number) => new Promise((done) => setTimeout(done, ms));

/**
 * Reads a pipe or a device (a FIFO, `/dev/stdin`, `/dev/zero`) up to `limit` bytes. The descriptor is
 * non-blocking, so that a FIFO with no writer reads as empty instead of hanging; a stream that is not text
 * (`/dev/zero`, `/dev/urandom`) is refused from its first block.
 */
async function readStream(handle: FileHandle, file: string, limit: number, lang: Lang): Promise<Uint8Array> {
  const parts: Buffer[] = [];
  let total = 0;
  let checked = false;
  for (;;) {
    const block = Buffer.allocUnsafe(CHUNK);
    let bytesRead: number;
    try {
      ({ bytesRead } = await handle.read(block, 0, CHUNK, null));
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'EAGAIN') {
        await sleep(10);
        continue;
      }
      throw openError(error, file, lang);
    }
    if (bytesRead === 0) break;
    parts.push(block.subarray(0, bytesRead));
    total += bytesRead;
    if (total > limit) {
      throw new InputError(
        file,
        tr(lang, 'read.streamTooLarge', { file: shownFile(file), limit: formatBytes(limit, lang) }),
      );
    }
    if (!checked && total >= 4096) {
      checked = true;
      const head = Buffer.concat(parts, total);
      const isZip = head[0] === 0x50 && head[1] === 0x4b;
      const reason = isZip ? null : notTextReason(head, file, lang);
      if (reason) throw new InputError(file, reason);
    }
  }
  return Buffer.concat(parts, total);
}

/**
 * The bytes of `file`, refusing (with {@link InputError}) a missing file, a folder, and anything larger than
 * `limit` (default {@link LIMITS.inputBytes}): a regular file by its size before reading it, a pipe or a device
 * as soon as that much has been read.
 */
export async function readBytes(
  file: string,
  options: { lang?: Lang; limit?: number } = {},
): Promise<Uint8Array> {
  const lang = options.lang ?? 'vi';
  const limit = options.limit ?? LIMITS.inputBytes;
  let handle: FileHandle;
  try {
    handle = await open(file, constants.O_RDONLY | constants.O_NONBLOCK);
  } catch (error) {
    throw openError(error, file, lang);
  }
  try {
    const info = await handle.stat();
    if (info.isDirectory()) throw new InputError(file, tr(lang, 'read.folder', { file: shownFile(file) }));
    if (!info.isFile()) return await readStream(handle, file, limit, lang);
    const tooLarge = (size: number) =>
      new InputError(
        file,
        tr(lang, 'read.tooLarge', {
          file: shownFile(file),
          size: formatBytes(size, lang),
          limit: formatBytes(limit, lang),
        }),
      );
    if (info.size > limit) throw tooLarge(info.size);
    let bytes: Buffer;
    try {
      bytes = await handle.readFile();
    } catch (error) {
      throw openError(error, file, lang);
    }
    // The file may have grown since it was measured.
    if (bytes.length > limit) throw tooLarge(bytes.length);
    return bytes;
  } finally {
    await handle.close().catch(() => {});
  }
}

/** A file's bytes for a reader that takes them a piece at a time. */
export interface InputPieces {
  /** The size in bytes (for a pipe or a device: what was read). */
  size: number;
  /** The first bytes (up to 64 KiB): what the format and the encoding are told from. */
  head: Uint8Array;
  /** Every byte, from the first, a piece at a time; the file is closed at the end. */
  pieces(): AsyncGenerator<Uint8Array>;
  /** Closes the file if `pieces` was not read to its end. */
  close(): Promise<void>;
}

const PIECE = 1024 * 1024;

/**
 * A regular file opened for reading a piece at a time (a CSV of a whole country need not be in memory at
 * once), with the checks of {@link readBytes}; a pipe or a device is read whole first. Throws
 * {@link InputError}.
 */
async function openPieces(file: string, lang: Lang): Promise<InputPieces> {
  const limit = LIMITS.inputBytes;
  let handle: FileHandle;
  try {
    handle = await open(file, constants.O_RDONLY | constants.O_NONBLOCK);
  } catch (error) {
    throw openError(error, file, lang);
  }
  let closed = false;
  const close = async () => {
    if (closed) return;
    closed = true;
    await handle.close().catch(() => {});
  };
  try {
    const info = await handle.stat();
    if (info.isDirectory()) throw new InputError(file, tr(lang, 'read.folder', { file: shownFile(file) }));
    if (!info.isFile()) {
      const bytes = await readStream(handle, file, limit, lang);
      await close();
      return {
        size: bytes.length,
        head: bytes.subarray(0, 64 * 1024),
        async *pieces() {
          for (let at = 0; at < bytes.length; at += PIECE) yield bytes.subarray(at, at + PIECE);
        },
        close,
      };
    }
    const tooLarge = (size: number) =>
      new InputError(
        file,
        tr(lang, 'read.tooLarge', {
          file: shownFile(file),
          size: formatBytes(size, lang),
          limit: formatBytes(limit, lang),
        }),
      );
    if (info.size > limit) throw tooLarge(info.size);
    const read = async (length: number, position: number): Promise<Uint8Array> => {
      const buffer = Buffer.allocUnsafe(length);
      try {
        const { bytesRead } = await handle.read(buffer, 0, length, position);
        return buffer.subarray(0, bytesRead);
      } catch (error) {
        throw openError(error, file, lang);
      }
    };
    const head = await read(Math.min(info.size, 64 * 1024), 0);
    return {
      size: info.size,
      head,
      async *pieces() {
        try {
          let position = 0;
          for (;;) {
            const piece = await read(PIECE, position);
            if (piece.length === 0) break;
            position += piece.length;
            // The file may have grown since it was measured.
            if (position > limit) throw tooLarge(position);
            yield piece;
          }
        } finally {
          await close();
        }
      },
      close,
    };
  } catch (error) {
    await close();
    throw error;
  }
}

/**
 * Opens a CSV, Excel or JSON file for reading its communes a batch at a time (see source.ts). The header is
 * read and checked here: throws {@link InputError} when the file cannot be used. A CSV is read from the disk
 * as it is parsed; an Excel or JSON file is read whole first (an archive's directory is at its end).
 */
export async function openCommunes(
  file: string,
  dictionary: Dictionary,
  options: ReadOptions = {},
): Promise<CommuneSource> {
  const lang = options.lang ?? 'vi';
  const input = await openPieces(file, lang);
  const ignoreUnknownColumns = options.ignoreUnknownColumns ?? false;
  try {
    const format = options.format ?? detectFormat(file, input.head, lang);
    const headerRow = options.headerRow !== undefined ? { headerRow: options.headerRow } : {};
    if (format === 'csv') {
      return await openCsv(input, file, dictionary, { ignoreUnknownColumns, lang, ...headerRow });
    }
    const parts: Uint8Array[] = [];
    for await (const piece of input.pieces()) parts.push(piece);
    const bytes = parts.length === 1 ? (parts[0] as Uint8Array) : Buffer.concat(parts);
    if (format === 'json') {
      return sourceOf(
        readJsonText(decodeText(bytes, file, lang), file, dictionary, { ignoreUnknownColumns, lang }),
        bytes.length,
        dictionary,
        lang,
      );
    }
    return await openXlsx(bytes, file, dictionary, {
      ignoreUnknownColumns,
      lang,
      ...headerRow,
      ...(options.sheet !== undefined ? { sheet: options.sheet } : {}),
    });
  } catch (error) {
    await input.close();
    throw error;
  }
}

/** Reads communes from a CSV, Excel or JSON file. Throws {@link InputError} when the file cannot be used. */
export async function readCommunes(
  file: string,
  dictionary: Dictionary,
  options: ReadOptions = {},
): Promise<ReadResult> {
  const source = await openCommunes(file, dictionary, options);
  const read = await collect(source);
  const warnings = percentFractionWarnings(read, dictionary.measures, source.lang);
  return warnings.length > 0 ? { ...read, warnings: [...(read.warnings ?? []), ...warnings] } : read;
}
