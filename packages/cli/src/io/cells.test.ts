import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  type CellResult,
  checkValue,
  isExcelError,
  type MeasureSpec,
  parseBoolean,
  parseCell,
  parseEnum,
  parseNumber,
  percentFractionWarnings,
} from './cells.js';
import type { ReadResult } from './types.js';

const label = { vi: 'x', en: 'x' };
const percent: MeasureSpec = { type: 'percent', label };
const money: MeasureSpec = { type: 'money', label, unit: { vi: 'triệu đồng/người/năm', en: 'million VND' } };
const count: MeasureSpec = { type: 'count', label };
const number: MeasureSpec = { type: 'number', label, unit: { vi: 'm²/người', en: 'm²/person' } };
const level: MeasureSpec = { type: 'number', label, min: 0, max: 3 };
const yesNo: MeasureSpec = { type: 'boolean', label };
const fields: MeasureSpec = {
  type: 'enum',
  label,
  multiple: true,
  values: [
    { id: 'giao-duc', label: { vi: 'Giáo dục', en: 'Education' } },
    { id: 'van-hoa', label: { vi: 'Văn hóa', en: 'Culture' } },
    { id: 'du-lich', label: { vi: 'Du lịch', en: 'Tourism' } },
  ],
};
const single: MeasureSpec = { ...fields, multiple: false };

function value(result: CellResult): unknown {
  if (!result.ok) throw new Error(`expected a value, got: ${result.reason}`);
  return result.value;
}

function reason(result: CellResult): string {
  if (result.ok) throw new Error(`expected an error, got ${JSON.stringify(result.value)}`);
  return result.reason;
}

describe('numbers', () => {
  it('reads plain integers and decimals with a comma or a point', () => {
    expect(value(parseNumber('85', percent))).toBe(85);
    expect(value(parseNumber('85,5', percent))).toBe(85.5);
    expect(value(parseNumber('85.5', percent))).toBe(85.5);
    expect(value(parseNumber(' 0,5 ', percent))).toBe(0.5);
    expect(value(parseNumber('0,125', number))).toBe(0.125);
    expect(value(parseNumber('1,2345', number))).toBe(1.2345);
    expect(value(parseNumber('083', percent))).toBe(83);
  });

  it('treats empty cells (and only spaces, no-break spaces) as missing', () => {
    expect(value(parseNumber('', percent))).toBeNull();
    expect(value(parseNumber('   ', percent))).toBeNull();
    expect(value(parseNumber('\u00a0', percent))).toBeNull();
  });

  it('reads a percent sign on percent measures, with or without a space', () => {
    expect(value(parseNumber('85%', percent))).toBe(85);
    expect(value(parseNumber('85 %', percent))).toBe(85);
    expect(value(parseNumber('85,5%', percent))).toBe(85.5);
    expect(value(parseNumber('85,5\u00a0%', percent))).toBe(85.5);
  });

  it('refuses a percent sign on a measure that is not a percentage', () => {
    expect(reason(parseNumber('50%', money))).toMatch(/không phải tỷ lệ phần trăm.*triệu đồng/);
    expect(reason(parseNumber('2 %', count))).toMatch(/không phải tỷ lệ phần trăm/);
    expect(reason(parseNumber('50%', money, 'en'))).toMatch(/not a percentage.*million VND/);
  });

  it('reads thousands separators in money columns when unambiguous', () => {
    expect(value(parseNumber('1.234,5', money))).toBe(1234.5);
    expect(value(parseNumber('1,234.5', money))).toBe(1234.5);
    expect(value(parseNumber('1 234', money))).toBe(1234);
    expect(value(parseNumber('1\u00a0234,5', money))).toBe(1234.5);
    expect(value(parseNumber('1.234.567', money))).toBe(1234567);
    expect(value(parseNumber('1,234,567', money))).toBe(1234567);
  });

  it('names the ambiguity of "1.234" instead of guessing', () => {
    const message = reason(parseNumber('1.234', money));
    expect(message).toMatch(/không rõ nghĩa/);
    expect(message).toContain('1234');
    expect(message).toContain('1,234');
    expect(reason(parseNumber('12,500', money))).toMatch(/không rõ nghĩa/);
    expect(reason(parseNumber('12,500', money, 'en'))).toMatch(/ambiguous/);
    expect(reason(parseNumber('1,234', number))).toMatch(/không rõ nghĩa/);
  });

  it('settles "12,345" when the measure\'s range allows one reading only', () => {
    // 12 345 % is impossible: only the decimal reading remains.
    expect(value(parseNumber('12,345', percent))).toBe(12.345);
    // 1.234 hamlets is impossible (not whole), 1234 needs a thousands separator: refused either way.
    expect(reason(parseNumber('1.234', count))).toMatch(/phân cách hàng nghìn.*cột tiền/);
    // Levels are 0–3: 2,125 can only be a decimal.
    expect(value(parseNumber('2,125', level))).toBe(2.125);
  });

  it('refuses thousands separators outside money columns', () => {
    expect(reason(parseNumber('1 234', count))).toMatch(/cột tiền/);
    expect(reason(parseNumber('1.234.567', number))).toMatch(/cột tiền/);
    expect(reason(parseNumber('1.234,5', number))).toMatch(/cột tiền/);
    expect(reason(parseNumber('1.234,5', number, 'en'))).toMatch(/money columns/);
  });

  it('refuses malformed grouping and mixed separators', () => {
    expect(reason(parseNumber('1.23.4', money))).toMatch(/không chia thành các nhóm hàng nghìn/);
    expect(reason(parseNumber('12 34', money))).toMatch(/nhóm ba chữ số/);
    expect(reason(parseNumber('1,234,5.6', money))).toMatch(/trộn/);
    expect(reason(parseNumber('1.2,3', money))).toMatch(/trộn/);
  });

  it('refuses text, dates, scientific notation, dashes and "x"', () => {
    expect(reason(parseNumber('abc', percent))).toMatch(/không phải là số/);
    expect(reason(parseNumber('abc', percent, 'en'))).toMatch(/not a number/);
    expect(reason(parseNumber('15/11/2023', percent))).toMatch(/ngày tháng/);
    expect(reason(parseNumber('2023-11-15', number))).toMatch(/ngày tháng/);
    expect(reason(parseNumber('1e3', number))).toMatch(/lũy thừa/);
    expect(reason(parseNumber('1,5E+2', number))).toMatch(/lũy thừa/);
    expect(reason(parseNumber('-', percent))).toMatch(/không rõ nghĩa/);
    expect(reason(parseNumber('x', percent))).toMatch(/không phải là số/);
    expect(reason(parseNumber('85,', percent))).toMatch(/không phải là số/);
    expect(reason(parseNumber(',5', percent))).toMatch(/không phải là số/);
  });

  it('checks the range and whole numbers', () => {
    expect(reason(parseNumber('100,5', percent))).toMatch(/lớn hơn giá trị hợp lệ lớn nhất 100 %/);
    expect(reason(parseNumber('-1', percent))).toMatch(/nhỏ hơn giá trị hợp lệ nhỏ nhất 0 %/);
    expect(reason(parseNumber('−1', money))).toMatch(/nhỏ hơn/);
    expect(reason(parseNumber('−1', money, 'en'))).toMatch(/below the smallest valid value 0 million VND/);
    expect(reason(parseNumber('2,5', count))).toMatch(/số nguyên/);
    expect(reason(parseNumber('4', level))).toMatch(/lớn hơn giá trị hợp lệ lớn nhất 3/);
    expect(value(parseNumber('-3', number))).toBe(-3);
  });

  it('reads any integer written plainly, and its Vietnamese decimal form', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 10_000_000 }),
        fc.integer({ min: 0, max: 99 }),
        (whole, cents) => {
          const fraction = String(cents).padStart(2, '0');
          expect(value(parseNumber(String(whole), money))).toBe(whole);
          expect(value(parseNumber(`${whole},${fraction}`, money))).toBeCloseTo(whole + cents / 100, 6);
          const grouped = whole.toLocaleString('de-DE');
          if (grouped.includes('.')) {
            expect(value(parseNumber(`${grouped},${fraction}`, money))).toBeCloseTo(whole + cents / 100, 6);
          }
        },
      ),
    );
  });
});

describe('yes/no', () => {
  it('reads Vietnamese and English words, any case, with or without accents', () => {
    for (const text of ['Có', 'có', 'CÓ', 'co', 'Đạt', 'dat', 'true', 'TRUE', 'yes', 'Yes', '1', 'Đúng']) {
      expect(value(parseBoolean(text))).toBe(true);
    }
    for (const text of [
      'Không',
      'không',
      'khong',
      'Chưa đạt',
      'chua dat',
      'Không đạt',
      'false',
      'FALSE',
      'no',
      '0',
    ]) {
      expect(value(parseBoolean(text))).toBe(false);
    }
  });

  it('treats an empty cell as missing', () => {
    expect(value(parseBoolean(''))).toBeNull();
    expect(value(parseBoolean('  '))).toBeNull();
  });

  it('refuses "x" as ambiguous and other text as unknown', () => {
    expect(reason(parseBoolean('x'))).toMatch(/không rõ nghĩa/);
    expect(reason(parseBoolean('X'))).toMatch(/không rõ nghĩa/);
    expect(reason(parseBoolean('X', 'en'))).toMatch(/ambiguous/);
    expect(reason(parseBoolean('maybe'))).toMatch(/cần ghi Có hoặc Không/);
    expect(reason(parseBoolean('2'))).toMatch(/cần ghi Có hoặc Không/);
    expect(reason(parseBoolean('2', 'en'))).toMatch(/expected Có or Không/);
  });
});

describe('enums', () => {
  it('reads ids and labels, several separated by ";" or ","', () => {
    expect(value(parseEnum('giao-duc; van-hoa', fields))).toEqual(['giao-duc', 'van-hoa']);
    expect(value(parseEnum('giao-duc,van-hoa', fields))).toEqual(['giao-duc', 'van-hoa']);
    expect(value(parseEnum('Giáo dục; Văn hóa', fields))).toEqual(['giao-duc', 'van-hoa']);
    expect(value(parseEnum('giao duc', fields))).toEqual(['giao-duc']);
    expect(value(parseEnum('Tourism', fields))).toEqual(['du-lich']);
    expect(value(parseEnum('Du lịch', single))).toBe('du-lich');
  });

  it('reads "Không" as the empty list, and an empty cell as missing', () => {
    expect(value(parseEnum('Không', fields))).toEqual([]);
    expect(value(parseEnum('', fields))).toBeNull();
  });

  it('refuses unknown and repeated values', () => {
    expect(reason(parseEnum('giao-duc; the-thao', fields))).toMatch(
      /giá trị "the-thao" không có trong danh sách/,
    );
    expect(reason(parseEnum('giao-duc; Giáo dục', fields))).toMatch(/hai lần/);
    expect(reason(parseEnum('giao-duc; van-hoa', single))).toMatch(/không có trong danh sách/);
    expect(reason(parseEnum('giao-duc; van-hoa', single, 'en'))).toMatch(/unknown value.*Education/);
  });
});

describe('spreadsheet cells', () => {
  it('reads numbers as stored, and percentage-formatted numbers as percentages', () => {
    expect(value(parseCell({ kind: 'number', value: 92.5 }, percent))).toBe(92.5);
    expect(value(parseCell({ kind: 'number', value: 0.855, percentFormat: true }, percent))).toBe(85.5);
    expect(reason(parseCell({ kind: 'number', value: 0.5, percentFormat: true }, money))).toMatch(
      /định dạng phần trăm/,
    );
  });

  it('turns error cells and dates into errors, never numbers', () => {
    expect(reason(parseCell({ kind: 'error', error: '#DIV/0!' }, percent))).toMatch(/#DIV\/0!/);
    expect(reason(parseCell({ kind: 'date', value: new Date('2023-11-15T00:00:00Z') }, percent))).toMatch(
      /ngày tháng \(2023-11-15\)/,
    );
    expect(reason(parseCell({ kind: 'date', value: new Date('2023-11-15T00:00:00Z') }, yesNo))).toMatch(
      /ngày tháng.*Có\/Không/,
    );
  });

  it('reads Excel error values exported as text (#N/A in a CSV) as errors, and formulas as text as errors', () => {
    for (const text of ['#N/A', '#DIV/0!', '#REF!', '#VALUE!', '#NAME?', '#NUM!', '#NULL!', ' #n/a ']) {
      expect(isExcelError(text)).toBe(true);
      expect(reason(parseCell(text, percent))).toMatch(/lỗi bảng tính #/);
      expect(reason(parseCell(text, yesNo))).toMatch(/lỗi bảng tính #/);
      expect(reason(parseCell(text, yesNo, 'en'))).toMatch(/spreadsheet error #/);
    }
    expect(isExcelError('#vi-du')).toBe(false);
    expect(isExcelError('#N/A note')).toBe(false);
    expect(reason(parseCell('=90+6.5', percent))).toMatch(/là công thức, không phải kết quả/);
    expect(reason(parseCell({ kind: 'error', error: '=C2+1', reason: 'no stored result' }, percent))).toBe(
      'no stored result',
    );
  });

  it('keeps messages short whatever the length of the cell', () => {
    expect(reason(parseCell('a'.repeat(50_000), percent)).length).toBeLessThan(200);
    expect(reason(parseCell('b'.repeat(50_000), yesNo)).length).toBeLessThan(200);
    expect(reason(parseCell('9'.repeat(5_000), percent))).toBe('số quá lớn');
    expect(reason(parseCell('9'.repeat(5_000), percent, 'en'))).toBe('the number is too large');
  });

  it('reads booleans and 1/0 in yes/no columns, and refuses them elsewhere', () => {
    expect(value(parseCell({ kind: 'boolean', value: true }, yesNo))).toBe(true);
    expect(value(parseCell({ kind: 'number', value: 0 }, yesNo))).toBe(false);
    expect(reason(parseCell({ kind: 'number', value: 2 }, yesNo))).toMatch(/Có hoặc Không/);
    expect(reason(parseCell({ kind: 'boolean', value: true }, percent))).toMatch(/cần một số/);
  });

  it('reads text cells with the text rules, and empty cells as missing', () => {
    expect(value(parseCell('85,5 %', percent))).toBe(85.5);
    expect(value(parseCell({ kind: 'text', text: 'Có' }, yesNo))).toBe(true);
    expect(value(parseCell({ kind: 'empty' }, percent))).toBeNull();
    expect(value(parseCell(null, percent))).toBeNull();
  });
});

describe('typed JSON values', () => {
  it('accepts typed values and refuses text for numbers', () => {
    expect(checkValue(85.5, percent)).toBeNull();
    expect(checkValue(null, percent)).toBeNull();
    expect(checkValue('85,5', percent)).toMatch(/không được chuyển đổi/);
    expect(checkValue('85,5', percent, 'en')).toMatch(/not converted/);
    expect(checkValue(101, percent)).toMatch(/lớn hơn/);
    expect(checkValue(['giao-duc'], fields)).toBeNull();
    expect(checkValue(['giao-duc', 'giao-duc'], fields)).toMatch(/lặp lại/);
    expect(checkValue('Có', yesNo)).toMatch(/true hoặc false/);
  });
});

describe('percentages typed as fractions', () => {
  const health = { type: 'percent' as const, label: { vi: 'BHYT', en: 'BHYT' } };
  function readOf(values: number[]): ReadResult {
    return {
      file: 'x.csv',
      format: 'csv',
      unit: 'row',
      communes: values.map((value, i) => ({
        row: i + 2,
        commune: { id: String(i + 1), name: `X${i}`, values: { health_insurance_pct: value } },
      })),
      problems: [],
      rows: values.length,
      columns: [
        {
          index: 2,
          header: 'Tỷ lệ BHYT (%)',
          target: { kind: 'measure', key: 'health_insurance_pct', measure: health as never },
        },
      ],
      ignoredColumns: [],
    };
  }
  const measures = new Map([['health_insurance_pct', health]]);

  it('flags a fraction among values above 1, with its row and column, keeping the value', () => {
    const warnings = percentFractionWarnings(readOf([92.5, 0.955, 96]), measures);
    expect(warnings).toEqual([
      {
        file: 'x.csv',
        row: 3,
        column: 'Tỷ lệ BHYT (%)',
        value: '0,955',
        reason:
          '0,955 có thể là tỷ lệ viết dạng phân số (95,5 %?): các giá trị khác của cột đều lớn hơn 1 (92,5–96); ntm vẫn đọc là 0,955 %, nếu là 95,5 % hãy ghi 95,5',
        communeId: '2',
      },
    ]);
    expect(percentFractionWarnings(readOf([92.5, 0.955]), measures, 'en')[0]?.reason).toContain(
      '0.955 may be a percentage written as a fraction (95.5 %?)',
    );
  });

  it('does not flag small percentages that are meant, or columns without values above 1', () => {
    expect(percentFractionWarnings(readOf([2.5, 0.8, 3.1]), measures)).toEqual([]);
    expect(percentFractionWarnings(readOf([1.5, 0.5, 50, 99.5]), measures)).toEqual([]);
    expect(percentFractionWarnings(readOf([0.9, 0.955, 0.96]), measures)).toEqual([]);
    expect(percentFractionWarnings(readOf([92.5, 0, 0.955]), measures)).toEqual([]);
    expect(percentFractionWarnings(readOf([92.5, 1, 96]), measures)).toEqual([]);
  });

  it('reads JSON values by their field', () => {
    const json: ReadResult = { ...readOf([92.5, 0.955]), format: 'json', unit: 'item', columns: [] };
    expect(percentFractionWarnings(json, measures)[0]).toMatchObject({
      row: 3,
      column: 'values.health_insurance_pct',
    });
  });
});
