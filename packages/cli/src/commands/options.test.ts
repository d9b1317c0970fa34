import { getRuleset } from '@nongthonmoi/core';
import { InvalidArgumentError } from 'commander';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  checkRuleOptions,
  choiceParser,
  levelList,
  parseDate,
  parseLevel,
  parseProvinceOption,
  parseRegionOption,
  UsageError,
  wholeNumberParser,
} from './options.js';

/** The message a parser throws for `value`. */
function refusal(parse: (value: string) => unknown, value: string): string {
  try {
    parse(value);
  } catch (error) {
    expect(error).toBeInstanceOf(InvalidArgumentError);
    return (error as Error).message;
  }
  throw new Error(`${value} was accepted`);
}

describe('dates as people type them', () => {
  it('reads day-first dates with /, - or . and ISO dates', () => {
    for (const text of [
      '15/11/2023',
      '15-11-2023',
      '15.11.2023',
      '2023-11-15',
      '2023/11/15',
      ' 15/11/2023 ',
    ]) {
      expect(parseDate(text), text).toBe('2023-11-15');
    }
    expect(parseDate('5/1/2024')).toBe('2024-01-05');
    expect(parseDate('29/02/2024')).toBe('2024-02-29');
  });

  it('says that a date does not exist, with the days of its month', () => {
    expect(refusal(parseDate, '2023-11-31')).toBe(
      'ngày 31/11/2023 không tồn tại: tháng 11/2023 chỉ có 30 ngày',
    );
    expect(refusal(parseDate, '29/02/2023')).toBe(
      'ngày 29/2/2023 không tồn tại: tháng 2/2023 chỉ có 28 ngày',
    );
    expect(refusal((v) => parseDate(v, 'en'), '2023-02-29')).toBe(
      'the date 2023-02-29 does not exist: month 2 of 2023 has 28 days',
    );
    expect(refusal(parseDate, '11/15/2023')).toContain('không có tháng 15');
  });

  it('asks for a date when the text is none', () => {
    for (const text of ['', 'hôm nay', '2023-11', '15/11/23', '00/11/2023', '2023-11-15T00:00']) {
      expect(refusal(parseDate, text), text).toBe(
        'cần một ngày như 15/11/2023 (ngày/tháng/năm) hoặc 2023-11-15',
      );
    }
    expect(refusal(parseDate, '15/11/1023')).toContain('năm 1023 nằm ngoài');
  });

  it('reads back every real date in both spellings (property)', () => {
    fc.assert(
      fc.property(
        fc.date({ min: new Date('1950-01-01'), max: new Date('2150-12-31'), noInvalidDate: true }),
        (d) => {
          const iso = d.toISOString().slice(0, 10);
          const [year, month, day] = iso.split('-');
          expect(parseDate(iso)).toBe(iso);
          expect(parseDate(`${day}/${month}/${year}`)).toBe(iso);
          expect(parseDate(`${Number(day)}-${Number(month)}-${year}`)).toBe(iso);
        },
      ),
    );
  });
});

describe('levels as people type them', () => {
  it('reads a level by its id or its name, in any case, with or without diacritics', () => {
    const spellings: Record<string, string[]> = {
      ntm: ['ntm', 'NTM', 'nông thôn mới', 'Xã nông thôn mới', 'xa NTM'],
      'nang-cao': [
        'nang-cao',
        'nâng cao',
        'NÂNG CAO',
        'nang cao',
        'NTM nâng cao',
        'Xã nông thôn mới nâng cao',
      ],
      'kieu-mau': ['kieu-mau', 'kiểu mẫu', 'Kiểu Mẫu', 'kieu mau', 'xã NTM kiểu mẫu', 'model'],
      'cong-nhan': ['cong-nhan', 'công nhận', 'Điều kiện công nhận'],
    };
    for (const [level, names] of Object.entries(spellings)) {
      for (const name of names) expect(parseLevel(name), name).toBe(level);
    }
  });

  it('keeps an id no bundled edition has (a --ruleset file may define it)', () => {
    expect(parseLevel('xa-thi-diem')).toBe('xa-thi-diem');
  });

  it('refuses anything else with the nearest level and every level with its name, never a province', () => {
    const message = refusal(parseLevel, 'nâng ca');
    expect(message).toBe(`không có cấp này (có phải nang-cao?); các cấp: ${levelList('vi')}`);
    expect(levelList('vi')).toContain('ntm (Xã nông thôn mới), nang-cao (Xã nông thôn mới nâng cao)');
    expect(message).not.toContain('nam-dinh');
    expect(refusal(parseLevel, 'Xã loại 1')).toMatch(/^không có cấp này; các cấp: ntm/);
  });
});

describe('provinces, regions, choices and numbers', () => {
  it('reads a province by id or name, as data columns do', () => {
    for (const text of ['nam-dinh', 'Nam Định', 'nam dinh', 'NAM ĐỊNH', 'Nam Đinh']) {
      expect(parseProvinceOption(text), text).toBe('nam-dinh');
    }
    expect(parseProvinceOption('Ninh Bình')).toBe('ninh-binh');
    expect(refusal(parseProvinceOption, 'Nam Dinhh')).toContain('có phải nam-dinh?');
  });

  it('reads a region by id or name', () => {
    expect(parseRegionOption('dbsh')).toBe('dbsh');
    expect(parseRegionOption('Đồng bằng sông Hồng')).toBe('dbsh');
    expect(refusal(parseRegionOption, 'mekong')).toContain('không nhận ra vùng');
  });

  it('checks choices and whole numbers in the user language', () => {
    expect(choiceParser(['vi', 'en'], 'vi')('EN')).toBe('en');
    expect(refusal(choiceParser(['vi', 'en'], 'vi'), 'fr')).toBe('cần một trong: vi, en');
    expect(wholeNumberParser(1, 100, 'vi')('7')).toBe(7);
    for (const text of ['0', '101', '2,5', 'ba', '']) {
      expect(refusal(wholeNumberParser(1, 100, 'vi'), text), text).toBe('cần một số nguyên từ 1 đến 100');
    }
  });
});

describe('checks across options, before a command runs', () => {
  function usage(values: Parameters<typeof checkRuleOptions>[0], lang: 'vi' | 'en' = 'vi'): string {
    try {
      checkRuleOptions(values, lang);
    } catch (error) {
      expect(error).toBeInstanceOf(UsageError);
      return (error as Error).message;
    }
    return '';
  }

  it("gives core's message for a province that no longer exists on the date", () => {
    expect(usage({ level: 'ntm', province: 'nam-dinh', asOf: '2026-03-01' })).toBe(
      'tỉnh Nam Định (nam-dinh) không còn từ ngày 01/07/2025: đã hợp nhất vào tỉnh Ninh Bình (ninh-binh); hãy dùng mã ninh-binh',
    );
    expect(usage({ level: 'ntm', province: 'nam-dinh', asOf: '2026-03-01' }, 'en')).toContain(
      'it merged into Ninh Bình (ninh-binh)',
    );
    expect(usage({ level: 'ntm', province: 'ninh-binh', asOf: '2026-03-01' })).toBe('');
    expect(usage({ level: 'ntm', province: 'nam-dinh', asOf: '2023-11-15' })).toBe('');
  });

  it('refuses a level no edition has, unless a --ruleset file may define it', () => {
    expect(usage({ level: 'xa-thi-diem', asOf: '2023-11-15' })).toContain(
      '--level "xa-thi-diem" không dùng được',
    );
    expect(usage({ level: 'xa-thi-diem', asOf: '2023-11-15', ruleset: ['x.json'] })).toBe('');
  });

  it("shortens core's message when no edition is in force, and says a date to give when it was today", () => {
    const given = usage({ level: 'ntm', asOf: '2021-01-01' });
    expect(given.split('\n')).toHaveLength(1);
    expect(given).toMatch(
      /^Ngày 01\/01\/2021 không có bộ tiêu chí cấp 'ntm' nào có hiệu lực\. Cấp này có hiệu lực: /,
    );
    let inForceToday = true;
    try {
      getRuleset('kieu-mau');
    } catch {
      inForceToday = false;
    }
    if (!inForceToday) {
      const today = usage({ level: 'kieu-mau' }).split('\n');
      expect(today).toHaveLength(3);
      expect(today[2]).toMatch(
        /^Không ghi --as-of nên ngày đánh giá là hôm nay \(.+\); .* --as-of 14\/02\/2026\.$/,
      );
    }
  });
});
