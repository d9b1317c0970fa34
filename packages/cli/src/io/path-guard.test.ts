import { linkSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { guardPaths, PathClashError } from './path-guard.js';

const dir = mkdtempSync(join(tmpdir(), 'ntm-guard-test-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const data = join(dir, 'data.csv');
writeFileSync(data, 'id,name\n');
mkdirSync(join(dir, 'sub'));
const link = join(dir, 'link.csv');
symlinkSync(data, link);
const hard = join(dir, 'hard.csv');
linkSync(data, hard);

const input = { option: 'tệp dữ liệu', path: data };
const refuse = (output: string, inputs = [input], lang: 'vi' | 'en' = 'vi') => {
  try {
    guardPaths({ inputs, outputs: [{ option: '--out', path: output }] }, lang);
  } catch (error) {
    expect(error).toBeInstanceOf(PathClashError);
    return (error as Error).message;
  }
  throw new Error(`${output} was not refused`);
};

describe('guardPaths', () => {
  it('refuses an output that is an input, however the path is spelled', () => {
    for (const output of [
      data,
      link,
      hard,
      join(dir, 'sub', '..', 'data.csv'),
      relative(process.cwd(), data),
      `${dir}/./data.csv`,
    ]) {
      expect(refuse(output)).toMatch(
        /^--out ".*" và tệp dữ liệu ".*data\.csv" là cùng một tệp: ntm không bao giờ ghi đè/,
      );
    }
    expect(refuse(link, [input], 'en')).toMatch(
      /^--out ".*link\.csv" and tệp dữ liệu ".*" are the same file/,
    );
  });

  it('refuses two outputs that are one file, naming both options', () => {
    const out = join(dir, 'out.csv');
    expect(() =>
      guardPaths(
        {
          inputs: [input],
          outputs: [
            { option: '--out', path: out },
            { option: '--errors', path: `${dir}/sub/../out.csv` },
          ],
        },
        'vi',
      ),
    ).toThrow(/^--out ".*out\.csv" và --errors ".*out\.csv" là cùng một tệp: mỗi kết quả cần một tệp riêng/);
  });

  it('refuses an output in a missing folder, under a file, or that is a folder', () => {
    expect(refuse(join(dir, 'missing', 'out.csv'))).toMatch(/thư mục ".*missing" không tồn tại/);
    expect(refuse(join(data, 'out.csv'))).toMatch(/là một tệp, không phải thư mục/);
    expect(refuse(join(dir, 'sub'))).toMatch(
      /là một thư mục: hãy ghi cả tên tệp, ví dụ .*sub\/ket-qua\.xlsx/,
    );
  });

  it('accepts new files, other files, missing inputs and device outputs', () => {
    expect(() =>
      guardPaths(
        {
          inputs: [input, { option: '--previous', path: join(dir, 'not-there.csv') }, null],
          outputs: [
            { option: '--out', path: join(dir, 'new.csv') },
            { option: '--errors', path: '/dev/null' },
            undefined,
          ],
        },
        'vi',
      ),
    ).not.toThrow();
    // Writing to /dev/stdout or /dev/null replaces no file, even when stdin is the same terminal.
    expect(() =>
      guardPaths(
        {
          inputs: [{ option: 'tệp dữ liệu', path: '/dev/null' }],
          outputs: [
            { option: '--out', path: '/dev/null' },
            { option: '--errors', path: '/dev/null' },
          ],
        },
        'vi',
      ),
    ).not.toThrow();
  });

  it('shows control characters in names as escapes', () => {
    const odd = join(dir, 'a\u001b[2Kb.csv');
    writeFileSync(odd, 'x');
    expect(refuse(odd, [{ option: 'tệp dữ liệu', path: odd }])).toContain('a\\u001B[2Kb.csv');
  });
});
