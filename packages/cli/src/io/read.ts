/** Reads a data file of any supported format (by extension, or by its first bytes), within {@link LIMITS}. */
import { constants } from 'node:fs';
import { type FileHandle, open } from 'node:fs/promises';
import { extname } from 'node:path';
import type { Lang } from '../i18n.js';
import { formatBytes, tr } from '../messages.js';
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

/**
 * Opens a CSV, Excel or JSON file for reading its communes a batch at a time (see source.ts). The header is
 * read and checked here: throws {@link InputError} when the file cannot be used.
 */
export async function openCommunes(
  file: string,
  dictionary: Dictionary,
  options: ReadOptions = {},
): Promise<CommuneSource> {
  const lang = options.lang ?? 'vi';
  const bytes = await readBytes(file, { lang });
  const format = options.format ?? detectFormat(file, bytes, lang);
  const ignoreUnknownColumns = options.ignoreUnknownColumns ?? false;
  switch (format) {
    case 'csv':
      return openCsv(bytes, file, dictionary, { ignoreUnknownColumns, lang });
    case 'json':
      return sourceOf(
        readJsonText(decodeText(bytes, file, lang), file, dictionary, { ignoreUnknownColumns, lang }),
      );
    case 'xlsx':
      return openXlsx(bytes, file, dictionary, {
        ignoreUnknownColumns,
        lang,
        ...(options.sheet !== undefined ? { sheet: options.sheet } : {}),
      });
  }
}

/** Reads communes from a CSV, Excel or JSON file. Throws {@link InputError} when the file cannot be used. */
export async function readCommunes(
  file: string,
  dictionary: Dictionary,
  options: ReadOptions = {},
): Promise<ReadResult> {
  return collect(await openCommunes(file, dictionary, options));
}
