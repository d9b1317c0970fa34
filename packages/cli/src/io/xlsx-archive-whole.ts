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
import { type Entry, entryData, readDirectory, Unreadable } from './zip-directory.js';

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
