/**
 * The directory of a zip archive (an .xlsx file), read without inflating anything: its parts with their declared
 * sizes (zip64 included), and where each part's compressed bytes are. Shared by the streaming archive
 * (xlsx-archive.ts) and the whole-workbook preparation (xlsx-archive-whole.ts).
 */
import { LIMITS } from './limits.js';

export interface Entry {
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

/** The archive is not a zip file ntm can read (the caller says so in the user's language). */
export class Unreadable extends Error {}

function view(bytes: Uint8Array): DataView {
  return new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

/** The archive's directory: one entry per part, with its declared sizes (zip64 sizes included). */
export function readDirectory(bytes: Uint8Array): Entry[] {
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
export function entryData(bytes: Uint8Array, entry: Entry): Uint8Array {
  const data = view(bytes);
  const at = entry.localOffset;
  if (at + 30 > bytes.length || data.getUint32(at, true) !== LOCAL) throw new Unreadable();
  const start = at + 30 + data.getUint16(at + 26, true) + data.getUint16(at + 28, true);
  if (start + entry.compressedSize > bytes.length) throw new Unreadable();
  return bytes.subarray(start, start + entry.compressedSize);
}
