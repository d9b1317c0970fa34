/**
 * Options as people type them, through the REAL `ntm` binary: levels and provinces by name (with or without
 * diacritics), dates as 15/11/2023, a date that does not exist, a province merged away on the date, no
 * edition of the level today; title rows above the header (found, or given with --header-row); a percentage
 * typed as a fraction; and the same in English with --lang en or NTM_LANG=en.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { getRuleset } from '@nongthonmoi/core';
import { describe, expect, it } from 'vitest';
import { today } from '../src/pipeline.js';
import { buildWorkbook } from './corpus-build.js';
import { ntm, PACKAGE, tempDir, writeText } from './helpers.js';

const FIXTURE = join(PACKAGE, 'test', 'fixtures', 'communes-vi-semicolon-bom.csv');
const dir = tempDir();

interface JsonOut {
  level: string;
  asOf: string;
  evaluations: Array<{ row: number; commune: { id: string; province?: string }; status: string }>;
  problems: unknown[];
}

async function evaluateJson(args: string[]): Promise<{ code: number; stderr: string; json: JsonOut | null }> {
  const run = await ntm(['evaluate', ...args, '--format', 'json']);
  return {
    code: run.code,
    stderr: run.stderr,
    json: run.code === 2 ? null : (JSON.parse(run.stdout) as JsonOut),
  };
}

/** The results without what may differ between two runs of the same evaluation (none should). */
function statuses(json: JsonOut | null): string[] {
  return (json?.evaluations ?? []).map((e) => `${e.row}:${e.commune.id}:${e.status}`);
}

describe('levels, provinces and dates as people type them', () => {
  it('accepts a level by its Vietnamese name, a province by its name and a day-first date', async () => {
    // The parsers' own tests (src/commands/options.test.ts) check many more spellings.
    const [canonical, typed] = await Promise.all([
      evaluateJson([FIXTURE, '--level', 'nang-cao', '--as-of', '2023-11-15', '--province', 'nam-dinh']),
      evaluateJson([FIXTURE, '--level', 'nâng cao', '--as-of', '15/11/2023', '--province', 'Nam Định']),
    ]);
    expect(canonical.code).toBe(0);
    expect(typed.stderr).toBe('');
    expect(typed.code).toBe(0);
    expect(typed.json?.level).toBe('nang-cao');
    expect(typed.json?.asOf).toBe('2023-11-15');
    expect(statuses(typed.json)).toEqual(statuses(canonical.json));
  });

  it('reads the other levels by name too: "kiểu mẫu", "Nông thôn mới"', async () => {
    const [model, rules] = await Promise.all([
      evaluateJson([FIXTURE, '--level', 'kiểu mẫu', '--as-of', '15-11-2023']),
      ntm(['rules', 'show', 'Nông thôn mới', '--as-of', '15/11/2023', '--format', 'json']),
    ]);
    expect(model.json?.level).toBe('kieu-mau');
    expect(model.json?.asOf).toBe('2023-11-15');
    expect(rules.code).toBe(0);
    expect((JSON.parse(rules.stdout) as { ruleset: { level: string } }).ruleset.level).toBe('ntm');
  });

  it('lists the levels with their Vietnamese names for a wrong level, with no province as example', async () => {
    const run = await ntm(['evaluate', FIXTURE, '--level', 'nang cap', '--as-of', '15/11/2023']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(
      'ntm: --level "nang cap" không dùng được: không có cấp này (có phải nang-cao?)',
    );
    expect(run.stderr).toContain(
      'các cấp: ntm (Xã nông thôn mới), nang-cao (Xã nông thôn mới nâng cao), kieu-mau (Xã nông thôn mới kiểu mẫu)',
    );
    expect(run.stderr).not.toContain('nam-dinh');
  });

  it('tells that a date does not exist, instead of asking for a format', async () => {
    const [iso, month] = await Promise.all([
      ntm(['evaluate', FIXTURE, '--level', 'ntm', '--as-of', '2023-11-31']),
      ntm(['evaluate', FIXTURE, '--level', 'ntm', '--as-of', '11/15/2023']),
    ]);
    expect(iso.code).toBe(2);
    expect(iso.stderr).toBe(
      'ntm: --as-of "2023-11-31" không dùng được: ngày 31/11/2023 không tồn tại: tháng 11/2023 chỉ có 30 ngày\n' +
        '(thêm --help để xem cách dùng và ví dụ)\n',
    );
    expect(month.code).toBe(2);
    expect(month.stderr).toContain('không có tháng 15: ngày được ghi theo thứ tự ngày/tháng/năm');
  });

  it("names the province a merged province became part of (core's message), and accepts that one", async () => {
    const [gone, merged] = await Promise.all([
      ntm(['evaluate', FIXTURE, '--level', 'ntm', '--province', 'Nam Định', '--as-of', '2026-03-01']),
      ntm(['rules', 'show', 'ntm', '--province', 'Ninh Bình', '--as-of', '01/03/2026']),
    ]);
    expect(gone.code).toBe(2);
    expect(gone.stderr).toBe(
      'ntm: tỉnh Nam Định (nam-dinh) không còn từ ngày 01/07/2025: đã hợp nhất vào tỉnh Ninh Bình (ninh-binh); hãy dùng mã ninh-binh\n',
    );
    expect(merged.code).toBe(0);
    expect(merged.stdout).toContain('vn/xa-ntm/2026-2030');
  });

  it('suggests the province for a typo in its name', async () => {
    const run = await ntm(['evaluate', FIXTURE, '--level', 'ntm', '--province', 'Nam Dinhh']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('không nhận ra tỉnh (có phải nam-dinh?)');
  });
});

function nangCaoInForceToday(): boolean {
  try {
    getRuleset('nang-cao', { asOf: today() });
    return true;
  } catch {
    return false;
  }
}

describe('no edition of the level today (no --as-of)', () => {
  it.skipIf(nangCaoInForceToday())(
    'says it in Vietnamese, in short: the dates the level covers, the levels of today, a date to give',
    async () => {
      const run = await ntm(['template', '--level', 'nâng cao', '--out', join(dir, 'mau.xlsx')]);
      const day = today().split('-').reverse().join('/');
      expect(run.code).toBe(2);
      expect(run.stderr).toBe(
        `ntm: Ngày ${day} không có bộ tiêu chí cấp 'nang-cao' nào có hiệu lực. Cấp này có hiệu lực: 08/03/2022 – 29/02/2024 (318/QĐ-TTg); 01/03/2024 – 14/02/2026 (211/QĐ-TTg).\n` +
          `  Các cấp có hiệu lực ngày ${day}: ntm (Bộ tiêu chí quốc gia về xã nông thôn mới giai đoạn 2026–2030).\n` +
          `  Không ghi --as-of nên ngày đánh giá là hôm nay (${day}); để đánh giá theo bộ tiêu chí cũ, hãy ghi ngày, ví dụ --as-of 14/02/2026.\n`,
      );
    },
  );

  it('with --as-of, says which dates the level covers without the hint about today', async () => {
    const run = await ntm(['evaluate', FIXTURE, '--level', 'ntm', '--as-of', '01/01/2021']);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/^ntm: Ngày 01\/01\/2021 không có bộ tiêu chí cấp 'ntm' nào có hiệu lực/);
    expect(run.stderr).not.toContain('Không ghi --as-of');
  });
});

describe('title rows above the header', () => {
  const header = ['Mã xã', 'Tên xã', 'Tỉnh', 'Tỷ lệ tham gia BHYT (%)', 'Tỷ lệ nghèo đa chiều (%)'];

  it('finds the header under a merged title in a workbook and says which row it took', async () => {
    const file = join(dir, 'tieu-de.xlsx');
    writeFileSync(
      file,
      await buildWorkbook({
        sheets: [
          {
            name: 'Số liệu',
            rows: [
              ['BÁO CÁO SỐ LIỆU NÔNG THÔN MỚI NĂM 2023', null, null, null, null],
              ['Huyện Nam Trực, tỉnh Nam Định'],
              null,
              header,
              ['13690', 'Nam Mỹ', 'Nam Định', 92.5, 1.2],
              ['13693', 'Nam Thắng', 'nam-dinh', 96, 0.8],
            ],
            merges: ['A1:E1', 'A2:C2'],
          },
        ],
      }),
    );
    const [run, beyond] = await Promise.all([
      evaluateJson([file, '--level', 'ntm', '--as-of', '15/11/2023']),
      ntm(['validate', file, '--header-row', '30']),
    ]);
    expect(run.code).toBe(0);
    expect(run.stderr).toBe(
      `ntm: ${file}, trang "Số liệu": lấy dòng 4 làm dòng tiêu đề; bỏ qua 3 dòng phía trên (tên bảng, ghi chú)\n`,
    );
    expect(run.json?.evaluations.map((e) => [e.row, e.commune.id, e.commune.province])).toEqual([
      [5, '13690', 'nam-dinh'],
      [6, '13693', 'nam-dinh'],
    ]);
    expect(beyond.code).toBe(2);
    expect(beyond.stderr).toContain('trang "Số liệu": không có dòng 30 (--header-row); trang có 6 dòng');
  });

  it('finds it in a CSV whose title line has no separator, and takes --header-row when given', async () => {
    const file = writeText(
      dir,
      'tieu-de.csv',
      `BÁO CÁO SỐ LIỆU NĂM 2023\nHuyện Nam Trực\n${header.join(';')}\n13690;Nam Mỹ;Nam Định;92,5;1,2\n`,
    );
    const [found, given, wrong] = await Promise.all([
      ntm(['validate', file]),
      ntm(['validate', file, '--header-row', '3']),
      ntm(['validate', file, '--header-row', '2']),
    ]);
    expect(found.code).toBe(0);
    expect(found.stderr).toContain('lấy dòng 3 làm dòng tiêu đề; bỏ qua 2 dòng phía trên');
    expect(found.stdout).toContain('tieu-de.csv: 1 dòng, 2 cột chỉ tiêu; không có lỗi');
    expect(given.code).toBe(0);
    expect(given.stdout).toBe(found.stdout);
    expect(wrong.code).toBe(2);
    expect(wrong.stderr).toContain('"Huyện Nam Trực": cột không nhận ra');
  });

  it('keeps row 1 when nothing below reads as a header, and says how to give the header row', async () => {
    const file = writeText(dir, 'khong-tieu-de.csv', 'Số liệu năm 2023;;\nxã;ghi chú;khác\n1;A;B\n');
    const run = await ntm(['validate', file]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('"Số liệu năm 2023": cột không nhận ra');
    expect(run.stderr).toContain('hãy ghi --header-row với số của dòng đó');
  });

  it('refuses a --header-row past the end of the file or on an empty row', async () => {
    const file = writeText(dir, 'ngan.csv', `${header.join(';')}\n\n13690;Nam Mỹ;Nam Định;92,5;1,2\n`);
    const [beyond, empty] = await Promise.all([
      ntm(['validate', file, '--header-row', '9']),
      ntm(['validate', file, '--header-row', '2']),
    ]);
    expect(beyond.code).toBe(2);
    expect(beyond.stderr).toContain('ngan.csv: không có dòng 9 (--header-row); tệp có 3 dòng');
    expect(empty.stderr).toContain('ngan.csv: dòng 2 (--header-row) để trống, không phải dòng tiêu đề');
  });
});

describe('a percentage typed as a fraction', () => {
  it('is read as written and flagged with its file, row and column (exit code unchanged)', async () => {
    const file = writeText(
      dir,
      'phan-so.csv',
      [
        'Mã xã;Tên xã;Tỷ lệ tham gia BHYT (%);Tỷ lệ nghèo đa chiều (%)',
        '1;Nam Mỹ;92,5;2,5',
        '2;Nam Thắng;0,955;0,8',
        '3;Điền Xá;96;3,1',
        '',
      ].join('\n'),
    );
    const out = join(dir, 'phan-so.json');
    const run = await ntm([
      'evaluate',
      file,
      '--level',
      'ntm',
      '--as-of',
      '15/11/2023',
      '--province',
      'Nam Định',
      '--explain',
      'full',
      '--out',
      out,
    ]);
    expect(run.code).toBe(0);
    // The poverty rate 0,8 % among 2,5 and 3,1 is a real small percentage: not flagged.
    expect(run.stderr.split('\n').filter((line) => line.includes('cảnh báo'))).toEqual([
      `ntm: cảnh báo: ${file}, dòng 3 (xã 2), cột "Tỷ lệ tham gia BHYT (%)": "0,955" 0,955 có thể là tỷ lệ viết dạng phân số (95,5 %?): các giá trị khác của cột đều lớn hơn 1 (92,5–96); ntm vẫn đọc là 0,955 %, nếu là 95,5 % hãy ghi 95,5`,
    ]);
    const json = JSON.parse(readFileSync(out, 'utf8')) as { evaluations: unknown[]; problems: unknown[] };
    expect(json.problems).toEqual([]);
    expect(JSON.stringify(json.evaluations[1])).toContain('"measure":"health_insurance_pct"');
    expect(JSON.stringify(json.evaluations[1])).toMatch(
      /"measure":"health_insurance_pct"[^}]*"actual":0\.955/,
    );
  });
});

describe('English with --lang en or NTM_LANG=en', () => {
  it('gives the help, the usage errors and the warnings in English', async () => {
    const file = writeText(dir, 'fraction.csv', 'id,name,health_insurance_pct\n1,A,92.5\n2,B,0.955\n');
    const [help, usage] = await Promise.all([
      ntm(['evaluate', '--help', '--lang', 'en']),
      ntm(['validate', file, '--as-of', '2023-11-31'], { env: { NTM_LANG: 'en' } }),
    ]);
    expect(help.stdout).toContain('Usage: ntm evaluate [options] <file>');
    expect(help.stdout).toContain('Examples:');
    expect(help.stdout).toContain('--as-of <date>');
    expect(usage.code).toBe(2);
    expect(usage.stderr).toContain("ntm: option '--as-of' argument '2023-11-31' is invalid.");
    expect(usage.stderr).toContain('the date 2023-11-31 does not exist: month 11 of 2023 has 30 days');
    const read = await ntm(['validate', file, '--lang', 'en']);
    expect(read.code).toBe(0);
    expect(read.stderr).toContain(
      `ntm: warning: ${file}, row 3 (commune 2), column "health_insurance_pct": "0.955" 0.955 may be a percentage written as a fraction (95.5 %?)`,
    );
  });
});
