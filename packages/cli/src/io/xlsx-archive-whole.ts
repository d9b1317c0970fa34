/**
 * The small workbooks ntm reads whole with the Excel library (dossiers, rules tables; commune data is read as
 * a stream by read-xlsx-stream.ts over xlsx-archive.ts). The library inflates every part and builds every row
 * and cell in memory. Before it sees a workbook, this module:
 *
 * - reads the archive's directory and refuses too many parts, a part or a total whose declared uncompressed
 *   size is over the limits, and a part compressed beyond the ratio limit (a zip bomb), before inflating
 *   anything;
 * - inflates each part with its declared size as a hard cap, so that a part that unpacks to more than it
 *   declares is refused as soon as it does (never more memory than declared);
 * - trims each worksheet to its content: cells with no value (a style only) and rows with no such cell are
 *   dropped, and data validations and conditional formats (which the library expands cell by cell, and which
 *   ntm never reads) are removed, so that a sheet of a million formatted empty rows costs nothing;
 * - refuses a workbook whose sheets hold more than {@link LIMITS.xlsxCells} cells with content (merged ranges
 *   counted by their area: the library creates each of their cells);
 * - hands the library a rebuilt, uncompressed archive of the checked parts.
 *
 * It is also the archive preparation the test oracle of the streaming reader uses (test/oracle/xlsx-exceljs.ts).
 * See docs/security.md for the limits and their reasons.
 */
import { inflateRawSync } from 'node:zlib';
import { type Zippable, zipSync } from 'fflate';
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

/** What a worksheet holds once trimmed to its content. */
export interface TrimmedSheet {
  xml: string;
  /** Rows with at least one cell with content. */
  rows: number;
  /** Cells with content. */
  cells: number;
  /** Cells covered by merged ranges (the library creates each). */
  merged: number;
}

function columnNumber(letters: string): number {
  let n = 0;
  for (const char of letters) n = n * 26 + (char.charCodeAt(0) - 64);
  return n;
}

/**
 * A worksheet's XML without what ntm never reads and the Excel library would still build: cells holding only
 * a style, rows left with no cell, data validations, conditional formats and extensions.
 */
export function trimSheetXml(xml: string): TrimmedSheet {
  const trimmed = xml
    .replace(/<dataValidations\b[^>]*\/>|<dataValidations\b[\s\S]*?<\/dataValidations>/g, '')
    .replace(/<conditionalFormatting\b[\s\S]*?<\/conditionalFormatting>/g, '')
    .replace(/<extLst\b[^>]*\/>|<extLst\b[\s\S]*?<\/extLst>/g, '')
    .replace(/<c\b[^>]*\/>|<c\b[^>]*>\s*<\/c>/g, '')
    .replace(/<row\b[^>]*\/>|<row\b[^>]*>\s*<\/row>/g, '');
  const count = (pattern: RegExp) => {
    let n = 0;
    pattern.lastIndex = 0;
    while (pattern.exec(trimmed) !== null) n++;
    return n;
  };
  let merged = 0;
  for (const match of trimmed.matchAll(
    /<mergeCell\b[^>]*\bref="\$?([A-Z]{1,3})\$?(\d+)(?::\$?([A-Z]{1,3})\$?(\d+))?"/g,
  )) {
    const [, c1, r1, c2, r2] = match as unknown as [
      string,
      string,
      string,
      string | undefined,
      string | undefined,
    ];
    const width = Math.abs(columnNumber(c2 ?? c1) - columnNumber(c1)) + 1;
    const height = Math.abs(Number(r2 ?? r1) - Number(r1)) + 1;
    merged += width * height;
  }
  return { xml: trimmed, rows: count(/<row\b/g), cells: count(/<c\b/g), merged };
}

const WORKSHEET = /^xl\/worksheets\/[^/]+\.xml$/i;
const SHARED_STRINGS = /^xl\/sharedStrings\.xml$/i;

/**
 * Checks the archive of an .xlsx file against the limits and returns the archive to hand to the Excel library
 * (its parts checked, its worksheets trimmed, uncompressed). Throws {@link InputError} with the reason.
 */
export function prepareXlsxArchive(bytes: Uint8Array, file: string, lang: Lang = 'vi'): Uint8Array {
  const shown = shownFile(file);
  const unreadable = () => new InputError(file, tr(lang, 'xlsx.unreadable', { file: shown }));
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
    throw unreadable();
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
    if ((entry.flags & 1) !== 0 || (entry.method !== 0 && entry.method !== 8)) throw unreadable();
  }
  const parts: Zippable = {};
  let cells = 0;
  for (const entry of entries) {
    if (entry.name.endsWith('/')) continue;
    let content: Uint8Array;
    try {
      const data = entryData(bytes, entry);
      if (entry.method === 0) {
        if (data.length !== entry.size) throw new Unreadable();
        content = data;
      } else {
        // The declared size is a hard cap: a part that unpacks to more stops here, at that size.
        content = inflateRawSync(data, { maxOutputLength: Math.max(1, entry.size) });
      }
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE') {
        throw new InputError(
          file,
          tr(lang, 'zip.sizeLies', {
            file: shown,
            entry: escapeControls(entry.name.slice(0, 100)),
            declared: formatBytes(entry.size, lang),
          }),
        );
      }
      throw unreadable();
    }
    if (WORKSHEET.test(entry.name)) {
      const sheet = trimSheetXml(
        Buffer.from(content.buffer, content.byteOffset, content.byteLength).toString('utf8'),
      );
      cells += sheet.cells + sheet.merged;
      if (cells > LIMITS.xlsxCells) {
        throw new InputError(file, tr(lang, 'zip.tooManyCells', { file: shown, limit: LIMITS.xlsxCells }));
      }
      content = Buffer.from(sheet.xml, 'utf8');
    } else if (SHARED_STRINGS.test(entry.name)) {
      // Every shared string is an object in memory; more strings than the cell limit serve no cell.
      const text = Buffer.from(content.buffer, content.byteOffset, content.byteLength).toString('utf8');
      let strings = 0;
      const pattern = /<si\b/g;
      while (pattern.exec(text) !== null) {
        if (++strings > LIMITS.xlsxCells) {
          throw new InputError(
            file,
            tr(lang, 'zip.tooManyStrings', { file: shown, limit: LIMITS.xlsxCells }),
          );
        }
      }
    }
    parts[entry.name] = [content, { level: 0 }];
  }
  return zipSync(parts, { level: 0 });
}
