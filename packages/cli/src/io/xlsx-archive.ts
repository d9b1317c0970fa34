/**
 * An .xlsx file is a zip archive of XML parts. Before any part is read, this module reads the archive's
 * directory and refuses too many parts, a part or a total whose declared uncompressed size is over the limits,
 * a part compressed beyond the ratio limit (a zip bomb), encrypted parts and unknown compression methods,
 * without inflating anything. Then each part is inflated with its declared size as a hard cap: a part that
 * unpacks to more than it declares is refused as soon as it does (never more memory than declared). Small parts
 * (the workbook, its styles, its shared strings) are inflated whole; a worksheet a piece at a time
 * ({@link XlsxArchive.pieces}), so that reading it takes constant memory whatever its size.
 *
 * See docs/security.md for the limits and their reasons.
 */
import { createInflateRaw, inflateRawSync } from 'node:zlib';
import type { Lang } from '../i18n.js';
import { formatBytes, tr } from '../messages.js';
import { escapeControls } from '../safe-text.js';
import { LIMITS } from './limits.js';
import { shownFile } from './text.js';
import { InputError } from './types.js';

interface Entry {
  name: string;
  method: number;
  flags: number;
  compressedSize: number;
  size: number;
  localOffset: number;
}

const EOCD = 0x06054b50;
const EOCD64_LOCATOR = 0x07064b50;
const EOCD64 = 0x06064b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;
const MAX32 = 0xffffffff;

class Unreadable extends Error {}

function view(bytes: Uint8Array): DataView {
  return new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

/** The archive's directory: one entry per part, with its declared sizes (zip64 sizes included). */
function readDirectory(bytes: Uint8Array): Entry[] {
  const data = view(bytes);
  const u16 = (at: number) => data.getUint16(at, true);
  const u32 = (at: number) => data.getUint32(at, true);
  const u64 = (at: number) => Number(data.getBigUint64(at, true));
  const need = (at: number, length: number) => {
    if (at < 0 || at + length > bytes.length) throw new Unreadable();
  };
  let end = -1;
  for (let at = bytes.length - 22; at >= 0 && at >= bytes.length - 22 - 65_535; at--) {
    if (u32(at) === EOCD) {
      end = at;
      break;
    }
  }
  if (end < 0) throw new Unreadable();
  let count = u16(end + 10);
  let offset = u32(end + 16);
  if ((count === 0xffff || offset === MAX32) && end >= 20 && u32(end - 20) === EOCD64_LOCATOR) {
    const at = u64(end - 12);
    need(at, 56);
    if (u32(at) !== EOCD64) throw new Unreadable();
    count = u64(at + 32);
    offset = u64(at + 48);
  }
  if (count > LIMITS.zipEntries) throw Object.assign(new Unreadable(), { count });
  const entries: Entry[] = [];
  let at = offset;
  for (let i = 0; i < count; i++) {
    need(at, 46);
    if (u32(at) !== CENTRAL) throw new Unreadable();
    const nameLength = u16(at + 28);
    const extraLength = u16(at + 30);
    const commentLength = u16(at + 32);
    need(at + 46, nameLength + extraLength);
    const entry: Entry = {
      name: Buffer.from(bytes.subarray(at + 46, at + 46 + nameLength)).toString('utf8'),
      flags: u16(at + 8),
      method: u16(at + 10),
      compressedSize: u32(at + 20),
      size: u32(at + 24),
      localOffset: u32(at + 42),
    };
    // Zip64: the sizes and offset that do not fit in 32 bits are in the extra field 0x0001, in this order.
    let extra = at + 46 + nameLength;
    const extraEnd = extra + extraLength;
    while (extra + 4 <= extraEnd) {
      const id = u16(extra);
      const length = u16(extra + 2);
      if (id === 0x0001) {
        let field = extra + 4;
        for (const key of ['size', 'compressedSize', 'localOffset'] as const) {
          if (entry[key] === MAX32 && field + 8 <= extra + 4 + length) {
            entry[key] = u64(field);
            field += 8;
          }
        }
      }
      extra += 4 + length;
    }
    entries.push(entry);
    at = extraEnd + commentLength;
  }
  return entries;
}

/** The compressed bytes of `entry`, found through its local header. */
function entryData(bytes: Uint8Array, entry: Entry): Uint8Array {
  const data = view(bytes);
  const at = entry.localOffset;
  if (at + 30 > bytes.length || data.getUint32(at, true) !== LOCAL) throw new Unreadable();
  const start = at + 30 + data.getUint16(at + 26, true) + data.getUint16(at + 28, true);
  if (start + entry.compressedSize > bytes.length) throw new Unreadable();
  return bytes.subarray(start, start + entry.compressedSize);
}

/** One part of the archive, as its directory declares it. */
export interface ArchivePart {
  readonly name: string;
  /** Declared uncompressed size. */
  readonly size: number;
}

const PIECE = 256 * 1024;

/** The checked archive of an .xlsx file: see the module's description. */
export class XlsxArchive {
  readonly #bytes: Uint8Array;
  readonly #file: string;
  readonly #lang: Lang;
  readonly #entries = new Map<string, Entry>();
  readonly #folded = new Map<string, Entry>();

  private constructor(bytes: Uint8Array, file: string, lang: Lang, entries: readonly Entry[]) {
    this.#bytes = bytes;
    this.#file = file;
    this.#lang = lang;
    for (const entry of entries) {
      if (entry.name.endsWith('/')) continue;
      this.#entries.set(entry.name, entry);
      if (!this.#folded.has(entry.name.toLowerCase())) this.#folded.set(entry.name.toLowerCase(), entry);
    }
  }

  /**
   * Checks the archive of an .xlsx file against the limits, inflating nothing. Throws {@link InputError} with
   * the reason.
   */
  static open(bytes: Uint8Array, file: string, lang: Lang = 'vi'): XlsxArchive {
    const shown = shownFile(file);
    if (bytes[0] === 0xd0 && bytes[1] === 0xcf && bytes[2] === 0x11 && bytes[3] === 0xe0) {
      throw new InputError(file, tr(lang, 'xlsx.oleFile', { file: shown }));
    }
    let entries: Entry[];
    try {
      entries = readDirectory(bytes);
    } catch (error) {
      const count = (error as { count?: number }).count;
      if (count !== undefined) {
        throw new InputError(
          file,
          tr(lang, 'zip.tooManyEntries', { file: shown, count, limit: LIMITS.zipEntries }),
        );
      }
      throw unreadable(file, lang);
    }
    // Declared sizes first: nothing is inflated from an archive that admits to being too large.
    let total = 0;
    for (const entry of entries) {
      if (entry.size > LIMITS.zipEntryBytes) {
        throw new InputError(
          file,
          tr(lang, 'zip.entryTooLarge', {
            file: shown,
            entry: escapeControls(entry.name.slice(0, 100)),
            size: formatBytes(entry.size, lang),
            limit: formatBytes(LIMITS.zipEntryBytes, lang),
          }),
        );
      }
      total += entry.size;
    }
    if (total > LIMITS.zipTotalBytes) {
      throw new InputError(
        file,
        tr(lang, 'zip.totalTooLarge', {
          file: shown,
          size: formatBytes(total, lang),
          limit: formatBytes(LIMITS.zipTotalBytes, lang),
        }),
      );
    }
    for (const entry of entries) {
      const ratio = entry.size / Math.max(1, entry.compressedSize);
      if (entry.size > LIMITS.zipRatioFloorBytes && ratio > LIMITS.zipRatio) {
        throw new InputError(
          file,
          tr(lang, 'zip.ratio', {
            file: shown,
            entry: escapeControls(entry.name.slice(0, 100)),
            ratio: Math.round(ratio),
            limit: LIMITS.zipRatio,
          }),
        );
      }
      // Encrypted parts, or compression methods other than stored and deflate: not a workbook Excel wrote.
      if ((entry.flags & 1) !== 0 || (entry.method !== 0 && entry.method !== 8)) throw unreadable(file, lang);
    }
    return new XlsxArchive(bytes, file, lang, entries);
  }

  /** The part named `name` (compared exactly, then without case), if the archive has it. */
  part(name: string): ArchivePart | undefined {
    return this.#entries.get(name) ?? this.#folded.get(name.toLowerCase());
  }

  /** A part inflated whole (for the small parts: workbook, relationships, styles, shared strings). */
  bytes(part: ArchivePart): Uint8Array {
    const entry = part as Entry;
    try {
      const data = entryData(this.#bytes, entry);
      if (entry.method === 0) {
        if (data.length !== entry.size) throw new Unreadable();
        return data;
      }
      // The declared size is a hard cap: a part that unpacks to more stops here, at that size.
      return inflateRawSync(data, { maxOutputLength: Math.max(1, entry.size) });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE') throw this.#sizeLies(entry);
      throw unreadable(this.#file, this.#lang);
    }
  }

  /** A part inflated a piece at a time, never past its declared size. */
  async *pieces(part: ArchivePart): AsyncGenerator<Uint8Array> {
    const entry = part as Entry;
    let data: Uint8Array;
    try {
      data = entryData(this.#bytes, entry);
    } catch {
      throw unreadable(this.#file, this.#lang);
    }
    if (entry.method === 0) {
      if (data.length !== entry.size) throw unreadable(this.#file, this.#lang);
      for (let at = 0; at < data.length; at += PIECE) yield data.subarray(at, at + PIECE);
      return;
    }
    const inflater = createInflateRaw({ chunkSize: PIECE });
    inflater.end(data);
    let total = 0;
    try {
      for await (const piece of inflater as AsyncIterable<Buffer>) {
        total += piece.length;
        if (total > entry.size) throw this.#sizeLies(entry);
        yield piece;
      }
    } catch (error) {
      if (error instanceof InputError) throw error;
      throw unreadable(this.#file, this.#lang);
    } finally {
      inflater.destroy();
    }
  }

  #sizeLies(entry: Entry): InputError {
    return new InputError(
      this.#file,
      tr(this.#lang, 'zip.sizeLies', {
        file: shownFile(this.#file),
        entry: escapeControls(entry.name.slice(0, 100)),
        declared: formatBytes(entry.size, this.#lang),
      }),
    );
  }
}

function unreadable(file: string, lang: Lang): InputError {
  return new InputError(file, tr(lang, 'xlsx.unreadable', { file: shownFile(file) }));
}
