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
import { type Entry, entryData, readDirectory, Unreadable } from './zip-directory.js';

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
