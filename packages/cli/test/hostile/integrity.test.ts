/**
 * What the user sees is what the data says: control characters and bidi overrides from data and rule files are
 * shown as escapes in the terminal, the HTML report and the workbooks (the JSON and CSV results keep the
 * value); Excel's cell limit is respected with a visible mark and a warning; no stack trace reaches the user.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { type Io, processIo } from '../../src/commands/common.js';
import { main } from '../../src/program.js';
import { ntm, REPO } from '../helpers.js';
import { scratchDir, write } from './build.js';

const OPTIONS = ['--level', 'ntm', '--as-of', '2023-11-15', '--province', 'nam-dinh'];
const ESC = '\u001b';
/** Moves the cursor one line up and erases it: printed raw, it hides the line above. */
const HIDE_LINE = `${ESC}[1A${ESC}[2K`;
const RLO = '\u202e';
// biome-ignore lint/suspicious/noControlCharactersInRegex: looking for control characters
const RAW_CONTROLS = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/;

function hostileCsv(): string {
  return [
    'id;name;health_insurance_pct',
    `x1${HIDE_LINE};Xã ${RLO}gnál;90`,
    `x2;${'Dài '.repeat(9000)};abc${ESC}[31m`,
    'x3;Bình thường;95',
  ].join('\n');
}

describe.concurrent('control and bidi characters', () => {
  it('the evaluate table and the problem lines show them as escapes', async () => {
    const dir = scratchDir();
    write(dir, 'hostile.csv', hostileCsv());
    const run = await ntm(['evaluate', 'hostile.csv', ...OPTIONS], { cwd: dir });
    expect(run.code).toBe(1);
    expect(run.stdout).not.toMatch(RAW_CONTROLS);
    expect(run.stderr).not.toMatch(RAW_CONTROLS);
    // The id column is 12 characters wide: the escape is shown, then cut.
    expect(run.stdout).toContain('x1\\u001B[1A');
    expect(run.stdout).toContain('Xã \\u202Egnál');
    expect(run.stderr).toContain('hostile.csv, dòng 3 (xã x2), cột "health_insurance_pct": "abc\\u001b[31m"');
  });

  it('the JSON results keep the values themselves', async () => {
    const dir = scratchDir();
    write(dir, 'hostile.csv', hostileCsv());
    const run = await ntm(['evaluate', 'hostile.csv', ...OPTIONS, '--format', 'json', '--out', 'out.json'], {
      cwd: dir,
    });
    expect(run.code).toBe(1);
    const json = JSON.parse(readFileSync(join(dir, 'out.json'), 'utf8')) as {
      evaluations: Array<{ commune: { id: string; name: string } }>;
    };
    expect(json.evaluations[0]?.commune).toMatchObject({ id: `x1${HIDE_LINE}`, name: `Xã ${RLO}gnál` });
  });

  it('rules list and rules show escape names from a --ruleset file', async () => {
    const dir = scratchDir();
    const overlay = JSON.parse(
      readFileSync(join(REPO, 'examples', 'province-overlay', 'nam-dinh-xa-ntm-minh-hoa.json'), 'utf8'),
    );
    overlay.name.vi = `Bộ tiêu chí ${HIDE_LINE}${RLO}ẩn`;
    overlay.indicators[0].name.vi = `Chỉ tiêu ${ESC}]0;tiêu đề cửa sổ${'\u0007'} thêm`;
    write(dir, 'overlay.json', JSON.stringify(overlay));
    const [list, show] = await Promise.all([
      ntm(['rules', 'list', '--ruleset', 'overlay.json'], { cwd: dir }),
      ntm(
        [
          'rules',
          'show',
          'ntm',
          '--as-of',
          '2023-06-01',
          '--province',
          'nam-dinh',
          '--ruleset',
          'overlay.json',
        ],
        {
          cwd: dir,
        },
      ),
    ]);
    expect(list.code, list.stderr).toBe(0);
    expect(show.code, show.stderr).toBe(0);
    for (const run of [list, show]) expect(run.stdout).not.toMatch(RAW_CONTROLS);
    expect(list.stdout).toContain('Bộ tiêu chí \\u001B[1A\\u001B[2K\\u202Eẩn');
    expect(show.stdout).toContain('Chỉ tiêu \\u001B]0;tiêu đề cửa sổ\\u0007 thêm');
  });

  it('the HTML report shows them as escapes; no raw bidi control anywhere in the page', async () => {
    const dir = scratchDir();
    write(dir, 'hostile.csv', hostileCsv());
    const run = await ntm(['review', 'hostile.csv', ...OPTIONS, '--out', 'report.html'], { cwd: dir });
    expect(run.code).toBe(1);
    const html = readFileSync(join(dir, 'report.html'), 'utf8');
    expect(html).not.toMatch(/[\u202a-\u202e\u2066-\u2069]/);
    // biome-ignore lint/suspicious/noControlCharactersInRegex: looking for control characters
    expect(html).not.toMatch(/\u001b/);
    expect(html).toContain('Xã \\u202Egnál');
  });

  it('the workbook: escapes, and text over 32,767 characters cut with a mark and a warning naming the cell', async () => {
    const dir = scratchDir();
    write(
      dir,
      'hostile.csv',
      hostileCsv().replace('Dài '.repeat(9000), 'x'.repeat(40_000)).replace('abc\u001b[31m', '91'),
    );
    const run = await ntm(['evaluate', 'hostile.csv', ...OPTIONS, '--out', 'results.xlsx'], { cwd: dir });
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr).toContain(
      'ntm: cảnh báo: results.xlsx, trang "Tổng hợp", dòng 3, cột B: nội dung dài 40.000 ký tự, vượt giới hạn 32.767 ký tự một ô của Excel; đã cắt bớt (đánh dấu "…[đã cắt bớt]")\n',
    );
    expect(run.stderr).toMatch(/ntm: cảnh báo: thêm \d+ ô khác cũng vượt giới hạn và đã được cắt bớt\n/);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(join(dir, 'results.xlsx'));
    const matrix = workbook.getWorksheet('Tổng hợp');
    const long = String(matrix?.getRow(3).getCell(2).value);
    expect(long).toHaveLength(32_767);
    expect(long.endsWith('x…[đã cắt bớt]')).toBe(true);
    expect(matrix?.getRow(2).getCell(1).value).toBe('x1\\u001B[1A\\u001B[2K');
    expect(matrix?.getRow(2).getCell(2).value).toBe('Xã \\u202Egnál');
  });
});

describe('unexpected errors', () => {
  /** An Io whose stdout fails as a broken program would: the error is not one ntm expects. */
  function brokenIo(): Io & { errors: string } {
    const io = {
      errors: '',
      stdout: () => {
        throw new TypeError("Cannot read properties of undefined (reading 'x')");
      },
      stderr: (text: string) => {
        io.errors += text;
      },
    };
    return io;
  }
  const argv = (...args: string[]) => ['node', 'ntm', 'rules', 'list', ...args];

  it('a short Vietnamese message with exit 2, the stack trace only with --debug', async () => {
    const plain = brokenIo();
    expect(await main(argv(), plain)).toBe(2);
    expect(plain.errors).toBe(
      'ntm: lỗi không mong đợi (TypeError). Đây là lỗi của ntm, không phải của dữ liệu; chưa có tệp kết quả nào bị thay đổi. Chạy lại với --debug để xem chi tiết, và gửi chi tiết đó cho nhóm phát triển.\n',
    );
    const debug = brokenIo();
    expect(await main(argv('--debug'), debug)).toBe(2);
    expect(debug.errors).toMatch(
      /^ntm: lỗi không mong đợi \(TypeError\)[^\n]*\nTypeError: Cannot read properties[^\n]*\n\s+at /,
    );
    const english = brokenIo();
    expect(await main(argv('--lang', 'en'), english)).toBe(2);
    expect(english.errors).toMatch(
      /^ntm: unexpected error \(TypeError\)\. .*Run again with --debug to see the details/,
    );
  });

  it('stderr of the process shows control characters as escapes, whatever wrote them', () => {
    const written: string[] = [];
    const original = process.stderr.write.bind(process.stderr);
    process.stderr.write = ((text: string) => {
      written.push(text);
      return true;
    }) as typeof process.stderr.write;
    try {
      processIo.stderr(`ntm: ${HIDE_LINE}x\n`);
    } finally {
      process.stderr.write = original;
    }
    expect(written).toEqual(['ntm: \\u001B[1A\\u001B[2Kx\n']);
  });
});
