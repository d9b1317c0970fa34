import { zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { InputError } from './types.js';
import { XlsxArchive } from './xlsx-archive.js';

const encode = (text: string) => new TextEncoder().encode(text);

async function all(pieces: AsyncIterable<Uint8Array>): Promise<{ text: string; count: number }> {
  const parts: Buffer[] = [];
  for await (const piece of pieces) parts.push(Buffer.from(piece));
  return { text: Buffer.concat(parts).toString('utf8'), count: parts.length };
}

describe('XlsxArchive', () => {
  const sheet = `<worksheet><sheetData>${Array.from({ length: 40_000 }, (_, i) => `<row r="${i + 1}"><c r="A${i + 1}"><v>${(i * 7919) % 100_003}</v></c></row>`).join('')}</sheetData></worksheet>`;

  it('finds parts by name (exactly, then without case) and inflates them whole or a piece at a time', async () => {
    for (const level of [0, 6] as const) {
      const archive = XlsxArchive.open(
        zipSync(
          { 'xl/worksheets/sheet1.xml': encode(sheet), 'xl/workbook.xml': encode('<workbook/>') },
          { level },
        ),
        'a.xlsx',
      );
      const part = archive.part('xl/worksheets/sheet1.xml');
      expect(part?.size).toBe(sheet.length);
      expect(archive.part('XL/Workbook.xml')?.name).toBe('xl/workbook.xml');
      expect(archive.part('xl/styles.xml')).toBeUndefined();
      expect(Buffer.from(archive.bytes(part as NonNullable<typeof part>)).toString('utf8')).toBe(sheet);
      const read = await all(archive.pieces(part as NonNullable<typeof part>));
      expect(read.text).toBe(sheet);
      expect(read.count).toBeGreaterThan(1);
    }
  });

  it('refuses what is not a zip archive, and encrypted parts', () => {
    expect(() => XlsxArchive.open(encode('id,name\n'), 'a.xlsx')).toThrow(
      /a\.xlsx không phải sổ Excel \.xlsx đọc được/,
    );
    const archive = Buffer.from(zipSync({ 'a.xml': new Uint8Array(10) }));
    const central = archive.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]));
    archive.writeUInt16LE(archive.readUInt16LE(central + 8) | 1, central + 8);
    expect(() => XlsxArchive.open(archive, 'a.xlsx', 'en')).toThrow(
      /a\.xlsx is not a readable \.xlsx workbook/,
    );
  });

  it('stops a part that unpacks to more than it declares, whole or in pieces', async () => {
    const bytes = Buffer.from(zipSync({ 'xl/worksheets/sheet1.xml': encode(sheet) }, { level: 6 }));
    // Declare 1,000 bytes in the directory and in the local header.
    const central = bytes.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]));
    bytes.writeUInt32LE(1000, central + 24);
    bytes.writeUInt32LE(1000, 22);
    const archive = XlsxArchive.open(bytes, 'a.xlsx');
    const part = archive.part('xl/worksheets/sheet1.xml') as NonNullable<ReturnType<typeof archive.part>>;
    expect(() => archive.bytes(part)).toThrow(/giải nén ra nhiều hơn kích thước 1\.000 byte/);
    await expect(all(archive.pieces(part))).rejects.toThrow(InputError);
    await expect(all(archive.pieces(part))).rejects.toThrow(/giải nén ra nhiều hơn kích thước 1\.000 byte/);
  });
});
