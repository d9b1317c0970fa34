import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { LIMITS } from './limits.js';
import { readDossierCsv, readDossierJson, readDossierXlsx } from './read-dossier.js';
import { InputError } from './types.js';

const HEADER = 'Mã xã,Tên xã,Tiêu chí,Tên tiêu chí,Trạng thái hồ sơ,Ngày cập nhật,Người phụ trách,Ghi chú';

describe('dossier files', () => {
  it('reads a CSV as people fill it: the words they type, dates day first, comment rows, a row-number column', () => {
    const read = readDossierCsv(
      [
        `STT,${HEADER}`,
        '#,# DỮ LIỆU MINH HỌA,,,,,,,',
        '1,nam-my,Nam Mỹ,14,Y tế,Đã đủ,15/11/2023,Trạm Y tế xã,',
        '2,nam-my,Nam Mỹ,TC 17,Môi trường,dang lam,2023-11-10,,thiếu biên bản',
        '3,,Nam Thắng,15,Hành chính công,xong,,,',
        '',
      ].join('\r\n'),
      'ho-so.csv',
    );
    expect(read.problems).toEqual([]);
    expect(read.ignoredColumns).toEqual([]);
    expect(read.rows).toEqual([
      {
        commune: 'nam-my',
        criterion: '14',
        status: 'complete',
        updated: '2023-11-15',
        owner: 'Trạm Y tế xã',
      },
      {
        commune: 'nam-my',
        criterion: '17',
        status: 'in-progress',
        updated: '2023-11-10',
        note: 'thiếu biên bản',
      },
      // Named by its name: the review matches it with the commune's id.
      { commune: 'Nam Thắng', criterion: '15', status: 'complete' },
    ]);
    expect(read.sourceRows).toEqual([3, 4, 5]);
  });

  it('reports every cell it cannot use with its row, column, value and a Vietnamese reason; keeps the rest', () => {
    const read = readDossierCsv(
      [
        HEADER,
        'nam-my,,14,,gần xong,,,',
        ',,17,,Đã đủ,,,',
        'nam-my,,,,Đã đủ,,,',
        'nam-my,,18,,đã đủ,31/11/2023,,',
        'nam-my,,19,,,,,',
      ].join('\n'),
      'ho-so.csv',
    );
    const lines = read.problems.map((p) => `${p.row} ${p.column} "${p.value}": ${p.reasonVi ?? p.reason}`);
    expect(lines).toEqual([
      '2 Trạng thái hồ sơ "gần xong": «gần xong» không phải trạng thái hồ sơ; ghi «chưa có», «đang hoàn thiện» hoặc «đã đủ».',
      '3 Mã xã "": mã xã để trống',
      '4 Tiêu chí "": tiêu chí để trống',
      '5 Ngày cập nhật "31/11/2023": ngày cập nhật không phải một ngày có thật (ghi dạng 15/11/2023 hoặc 2023-11-15); bỏ qua ngày này, vẫn dùng dòng',
      '6 Trạng thái hồ sơ "": Trạng thái hồ sơ đang để trống; ghi «chưa có», «đang hoàn thiện» hoặc «đã đủ».',
    ]);
    // The row with a bad date is used without its date.
    expect(read.rows).toEqual([{ commune: 'nam-my', criterion: '18', status: 'complete' }]);
    const english = readDossierCsv([HEADER, 'nam-my,,14,,gần xong,,,'].join('\n'), 'ho-so.csv', 'en');
    expect(english.problems[0]?.reason).toMatch(/is not a dossier status/);
  });

  it('refuses a file without the columns it needs, naming what it found', () => {
    expect(() => readDossierCsv('Xã,Hồ sơ\nnam-my,đủ\n', 'ho-so.csv')).toThrow(
      /ho-so\.csv: thiếu cột "Tiêu chí".*tệp có: "Xã", "Hồ sơ"/,
    );
    expect(() => readDossierCsv('Mã xã,Tiêu chí,Trạng thái,Tình trạng\n', 'ho-so.csv')).toThrow(InputError);
    try {
      readDossierCsv('Mã xã,Tiêu chí,Trạng thái,Tình trạng\n', 'ho-so.csv');
    } catch (error) {
      expect((error as InputError).problems[0]?.reason).toBe(
        'cột "Tình trạng" có cùng ý nghĩa với cột "Trạng thái"',
      );
    }
    expect(() => readDossierCsv('', 'ho-so.csv')).toThrow(/ho-so\.csv rỗng/);
  });

  it('keeps the limits of commune data: columns per line', () => {
    const wide = `${HEADER}${',x'.repeat(LIMITS.columns)}\n`;
    expect(() => readDossierCsv(wide, 'ho-so.csv')).toThrow(/dòng 1: có hơn 16\.384 cột/);
  });

  it('reads JSON rows with English or Vietnamese keys', () => {
    const read = readDossierJson(
      JSON.stringify({
        dossiers: [
          { commune: 'nam-my', criterion: 14, status: 'complete', updated: '2023-11-15' },
          { 'Mã xã': 'nam-my', 'Tiêu chí': '17', 'Trạng thái hồ sơ': 'Chưa có', extra: 1 },
          'not a row',
        ],
      }),
      'ho-so.json',
    );
    expect(read.rows).toEqual([
      { commune: 'nam-my', criterion: '14', status: 'complete', updated: '2023-11-15' },
      { commune: 'nam-my', criterion: '17', status: 'missing' },
    ]);
    expect(read.ignoredColumns).toEqual(['extra']);
    expect(read.problems).toMatchObject([{ row: 3, reason: expect.stringMatching(/phải là một đối tượng/) }]);
    expect(() => readDossierJson('{"rows": []}', 'ho-so.json')).toThrow(/cần một mảng các dòng hồ sơ/);
  });

  it('reads a workbook: its "Hồ sơ" sheet, numbers as criteria, date cells', async () => {
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet('Hướng dẫn').addRow(['đọc trước']);
    const sheet = workbook.addWorksheet('Hồ sơ');
    sheet.addRow(HEADER.split(','));
    sheet.addRow([
      'nam-my',
      'Nam Mỹ',
      14,
      'Y tế',
      'Đã đủ',
      new Date(Date.UTC(2023, 10, 15)),
      'Trạm Y tế xã',
      null,
    ]);
    sheet.addRow(['nam-my', 'Nam Mỹ', 17, 'Môi trường', 'Đã đủ?', null, null, null]);
    const bytes = new Uint8Array(await workbook.xlsx.writeBuffer());
    const read = await readDossierXlsx(bytes, 'ho-so.xlsx');
    expect(read.problems).toEqual([]);
    expect(read.rows).toEqual([
      {
        commune: 'nam-my',
        criterion: '14',
        status: 'complete',
        updated: '2023-11-15',
        owner: 'Trạm Y tế xã',
      },
      { commune: 'nam-my', criterion: '17', status: 'complete' },
    ]);
    expect(read.sourceRows).toEqual([2, 3]);
  });
});
