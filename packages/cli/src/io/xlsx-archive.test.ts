import { unzipSync, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { prepareXlsxArchive, trimSheetXml } from './xlsx-archive.js';

describe('trimSheetXml', () => {
  it('drops cells that hold only a style and rows left empty, keeps every cell with a value', () => {
    const xml =
      '<worksheet><sheetData>' +
      '<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" s="2"/></row>' +
      '<row r="2" ht="15" customHeight="1"><c r="A2" s="1"/><c r="B2" s="1"></c></row>' +
      '<row r="3"/>' +
      '<row r="4"><c r="C4"><f>1+1</f><v>2</v></c></row>' +
      '<row r="5"><c r="A5" t="inlineStr"><is><t>x</t></is></c></row>' +
      '</sheetData><mergeCells count="1"><mergeCell ref="A7:C9"/></mergeCells>' +
      '<dataValidations count="1"><dataValidation sqref="A1:XFD1048576"><formula1>0</formula1></dataValidation></dataValidations>' +
      '<conditionalFormatting sqref="A1:A9"><cfRule type="expression"/></conditionalFormatting>' +
      '<extLst><ext uri="x"/></extLst></worksheet>';
    const trimmed = trimSheetXml(xml);
    expect(trimmed.xml).toBe(
      '<worksheet><sheetData>' +
        '<row r="1"><c r="A1" t="s"><v>0</v></c></row>' +
        '<row r="4"><c r="C4"><f>1+1</f><v>2</v></c></row>' +
        '<row r="5"><c r="A5" t="inlineStr"><is><t>x</t></is></c></row>' +
        '</sheetData><mergeCells count="1"><mergeCell ref="A7:C9"/></mergeCells></worksheet>',
    );
    expect(trimmed).toMatchObject({ rows: 3, cells: 3, merged: 9 });
    // <cols> and <col> are not cells.
    expect(trimSheetXml('<cols><col min="1" max="3"/></cols>').xml).toBe(
      '<cols><col min="1" max="3"/></cols>',
    );
  });

  it('counts a merged range by its area', () => {
    expect(trimSheetXml('<mergeCell ref="A1:XFD1048576"/>').merged).toBe(16_384 * 1_048_576);
    expect(trimSheetXml('<mergeCell ref="$B$2:$B$3"/><mergeCell ref="D4"/>').merged).toBe(3);
  });
});

describe('prepareXlsxArchive', () => {
  const sheet =
    '<worksheet><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>id</t></is></c><c r="B1" s="1"/></row></sheetData></worksheet>';

  it('returns an uncompressed archive of the same parts, the sheets trimmed', () => {
    const archive = zipSync({
      'xl/worksheets/sheet1.xml': new TextEncoder().encode(sheet),
      'xl/workbook.xml': new TextEncoder().encode('<workbook/>'),
    });
    const parts = unzipSync(prepareXlsxArchive(archive, 'a.xlsx'));
    expect(Object.keys(parts).sort()).toEqual(['xl/workbook.xml', 'xl/worksheets/sheet1.xml']);
    expect(new TextDecoder().decode(parts['xl/worksheets/sheet1.xml'])).not.toContain('B1');
  });

  it('refuses what is not a zip archive, and encrypted parts', () => {
    expect(() => prepareXlsxArchive(new TextEncoder().encode('id,name\n'), 'a.xlsx')).toThrow(
      /a\.xlsx không phải sổ Excel \.xlsx đọc được/,
    );
    const archive = Buffer.from(zipSync({ 'a.xml': new Uint8Array(10) }));
    const central = archive.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]));
    archive.writeUInt16LE(archive.readUInt16LE(central + 8) | 1, central + 8);
    expect(() => prepareXlsxArchive(archive, 'a.xlsx', 'en')).toThrow(
      /a\.xlsx is not a readable \.xlsx workbook/,
    );
  });
});
