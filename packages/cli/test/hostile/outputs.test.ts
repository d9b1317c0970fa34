/**
 * Nothing lost: the REAL binary never writes over an input, refuses two outputs that are one file, writes each
 * output atomically (Ctrl-C, SIGTERM, a full disk: the earlier file stays, no temporary file is left), and two
 * runs writing one file leave one complete file.
 */
import { execFileSync } from 'node:child_process';
import {
  closeSync,
  linkSync,
  mkdirSync,
  openSync,
  readdirSync,
  readFileSync,
  symlinkSync,
  writeSync,
} from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { ntm, spawnNtm } from '../helpers.js';
import { communesCsv, communesWorkbook, scratchDir, write } from './build.js';

const OPTIONS = ['--level', 'ntm', '--as-of', '2023-11-15', '--province', 'nam-dinh'];

/** Every file in `dir` and under its sub-folders, with its content: what a refused run must leave as it was. */
function snapshot(dir: string): Record<string, string> {
  const files: Record<string, string> = {};
  for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (entry.isFile()) {
      const path = join(entry.parentPath, entry.name);
      files[path] = readFileSync(path).toString('base64');
    }
  }
  return files;
}

const temporaries = (dir: string) => readdirSync(dir).filter((name) => name.includes('.ntm-'));

/** Polls until `check` holds (at most `seconds`). */
async function until(check: () => boolean, seconds = 60): Promise<void> {
  const end = Date.now() + seconds * 1000;
  while (!check()) {
    if (Date.now() > end) throw new Error('timed out waiting');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

describe.concurrent('outputs never destroy inputs', () => {
  interface Clash {
    what: string;
    /** Files to make in the case's folder: name → content. */
    files: Record<string, string | Uint8Array>;
    /** Links to make: name → target (`hard:` for a hard link). */
    links?: Record<string, string>;
    args: string[];
    /** What the message names: both options and the file. */
    names: string[];
  }
  const csv = communesCsv(3);
  const cases: Clash[] = [
    {
      what: 'evaluate --out is the data file',
      files: { 'data.csv': csv },
      args: ['evaluate', 'data.csv', ...OPTIONS, '--format', 'csv', '--out', 'data.csv'],
      names: ['--out "data.csv"', 'tệp dữ liệu "data.csv"'],
    },
    {
      what: 'evaluate --out is a symlink to the data file',
      files: { 'data.csv': csv },
      links: { 'link.csv': 'data.csv' },
      args: ['evaluate', 'data.csv', ...OPTIONS, '--out', 'link.csv'],
      names: ['--out "link.csv"', 'tệp dữ liệu "data.csv"'],
    },
    {
      what: 'evaluate --out is a hard link to the data file',
      files: { 'data.csv': csv },
      links: { 'hard.csv': 'hard:data.csv' },
      args: ['evaluate', 'data.csv', ...OPTIONS, '--out', 'hard.csv'],
      names: ['--out "hard.csv"', 'tệp dữ liệu "data.csv"'],
    },
    {
      what: 'evaluate --out spelled ./x and ../dir/x',
      files: { 'data.csv': csv, 'sub/keep.txt': 'x' },
      args: ['evaluate', 'sub/../data.csv', ...OPTIONS, '--format', 'json', '--out', './data.csv'],
      names: ['--out "./data.csv"', 'tệp dữ liệu "sub/../data.csv"'],
    },
    {
      what: 'evaluate --errors is the data file',
      files: { 'data.csv': csv },
      args: ['evaluate', 'data.csv', ...OPTIONS, '--out', 'out.json', '--errors', 'data.csv'],
      names: ['--errors "data.csv"', 'tệp dữ liệu "data.csv"'],
    },
    {
      what: 'evaluate --out and --errors are one file',
      files: { 'data.csv': csv },
      args: ['evaluate', 'data.csv', ...OPTIONS, '--out', 'x.csv', '--errors', './x.csv'],
      names: ['--out "x.csv"', '--errors "./x.csv"', 'mỗi kết quả cần một tệp riêng'],
    },
    {
      what: 'evaluate --out is a --ruleset file',
      files: { 'data.csv': csv, 'overlay.json': '{}' },
      args: [
        'evaluate',
        'data.csv',
        ...OPTIONS,
        '--ruleset',
        'overlay.json',
        '--format',
        'json',
        '--out',
        'overlay.json',
      ],
      names: ['--out "overlay.json"', '--ruleset "overlay.json"'],
    },
    {
      what: 'review --out is the --previous snapshot',
      files: { 'data.csv': csv, 'previous.html': csv },
      args: ['review', 'data.csv', ...OPTIONS, '--previous', 'previous.html', '--out', 'previous.html'],
      names: ['--out "previous.html"', '--previous "previous.html"'],
    },
    {
      what: 'review --errors is the --owners file',
      files: { 'data.csv': csv, 'owners.csv': 'criterion,owner\n17,Phòng TN&MT\n' },
      args: [
        'review',
        'data.csv',
        ...OPTIONS,
        '--owners',
        'owners.csv',
        '--out',
        'r.html',
        '--errors',
        'owners.csv',
      ],
      names: ['--errors "owners.csv"', '--owners "owners.csv"'],
    },
    {
      what: 'review --out is the data workbook',
      files: { 'data.xlsx': 'workbook' },
      args: ['review', 'data.xlsx', ...OPTIONS, '--out', 'data.xlsx'],
      names: ['--out "data.xlsx"', 'tệp dữ liệu "data.xlsx"'],
    },
    {
      what: 'template --out is the --communes workbook',
      files: { 'communes.xlsx': 'workbook' },
      links: { 'same.xlsx': 'communes.xlsx' },
      args: ['template', ...OPTIONS, '--communes', 'communes.xlsx', '--out', 'same.xlsx'],
      names: ['--out "same.xlsx"', '--communes "communes.xlsx"'],
    },
    {
      what: 'validate --errors is the second data file',
      files: { 'a.csv': csv, 'b.csv': csv },
      args: ['validate', 'a.csv', 'b.csv', '--errors', 'b.csv'],
      names: ['--errors "b.csv"', 'tệp dữ liệu "b.csv"'],
    },
    {
      what: 'validate --errors is a --ruleset file (English)',
      files: { 'a.csv': csv, 'r.json': '{}' },
      args: ['validate', 'a.csv', '--ruleset', 'r.json', '--errors', 'r.json', '--lang', 'en'],
      names: ['--errors "r.json"', '--ruleset "r.json"', 'are the same file: ntm never overwrites an input'],
    },
  ];
  for (const c of cases) {
    it(`${c.what}: refused (exit 2), naming both and the file, before anything is written`, async () => {
      const dir = scratchDir();
      for (const [name, content] of Object.entries(c.files)) {
        mkdirSync(join(dir, name, '..'), { recursive: true });
        write(dir, name, content === 'workbook' ? await communesWorkbook() : content);
      }
      for (const [name, target] of Object.entries(c.links ?? {})) {
        if (target.startsWith('hard:')) linkSync(join(dir, target.slice(5)), join(dir, name));
        else symlinkSync(target, join(dir, name));
      }
      const before = snapshot(dir);
      const run = await ntm(c.args, { cwd: dir });
      expect(run.code, run.stderr).toBe(2);
      for (const part of c.names) expect(run.stderr).toContain(part);
      expect(run.stderr).toMatch(/^ntm: /);
      expect(run.stderr.split('\n').filter(Boolean)).toHaveLength(1);
      // Every file as it was, nothing new (no output, no temporary file).
      expect(snapshot(dir)).toEqual(before);
    });
  }

  it('an --out in a missing folder, or a folder as --out: one short line, exit 2', async () => {
    const dir = scratchDir();
    write(dir, 'data.csv', csv);
    mkdirSync(join(dir, 'results'));
    const [missing, folder, english] = await Promise.all([
      ntm(['evaluate', 'data.csv', ...OPTIONS, '--out', 'nowhere/out.csv'], { cwd: dir }),
      ntm(['evaluate', 'data.csv', ...OPTIONS, '--out', 'results'], { cwd: dir }),
      ntm(['review', 'data.csv', ...OPTIONS, '--out', 'nowhere/r.html', '--lang', 'en'], { cwd: dir }),
    ]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(
      /^ntm: --out "nowhere\/out\.csv": thư mục ".*nowhere" không tồn tại; hãy tạo thư mục trước/,
    );
    expect(folder.code).toBe(2);
    expect(folder.stderr).toBe(
      'ntm: --out "results" là một thư mục: hãy ghi cả tên tệp, ví dụ results/ket-qua.xlsx\n',
    );
    expect(english.code).toBe(2);
    expect(english.stderr).toMatch(/^ntm: --out "nowhere\/r\.html": the folder ".*nowhere" does not exist/);
    for (const run of [missing, folder, english]) expect(run.stderr).not.toMatch(/\n\s+at /);
  });
});

describe('atomic writes (the real binary)', () => {
  /**
   * A FIFO as the data file, held open by the test with part of a file written: the binary has opened its
   * outputs (their temporary files exist) and waits for the rest of its input, so that the signal surely
   * arrives in the middle of the run.
   */
  function stalledInput(dir: string): { path: string; close: () => void } {
    const path = join(dir, 'slow.csv');
    execFileSync('mkfifo', [path]);
    const fd = openSync(path, 'r+');
    writeSync(fd, 'id;name;health_insurance_pct\nc2;Xã 2;90\n');
    return { path, close: () => closeSync(fd) };
  }

  for (const [signal, code, command] of [
    ['SIGINT', 130, 'evaluate'],
    ['SIGTERM', 143, 'review'],
  ] as const) {
    it(`${signal} during a run: exit ${code}, the earlier ${command} output intact, no temporary file left`, async () => {
      const dir = scratchDir();
      const input = stalledInput(dir);
      const out = command === 'evaluate' ? 'out.json' : 'report.html';
      const earlier = command === 'evaluate' ? '{"earlier": "good"}\n' : '<p>earlier report</p>\n';
      write(dir, out, earlier);
      write(dir, 'errors.csv', 'file,row\n');
      const { child, done } = spawnNtm(
        [command, input.path, ...OPTIONS, '--out', out, '--errors', 'errors.csv'],
        { cwd: dir },
      );
      try {
        await until(() => temporaries(dir).length === 2);
        child.kill(signal);
        const run = await done;
        expect(run.code, run.stderr).toBe(code);
        expect(run.stderr).toContain(`ntm: đã dừng (${signal}); các tệp đang ghi dở đã được xóa`);
        expect(readFileSync(join(dir, out), 'utf8')).toBe(earlier);
        expect(readFileSync(join(dir, 'errors.csv'), 'utf8')).toBe('file,row\n');
        expect(temporaries(dir)).toEqual([]);
      } finally {
        input.close();
        child.kill('SIGKILL');
      }
    });
  }

  it('a write error in the middle (the file size limit, as a full disk): exit 2, the earlier file intact, no temporary file', async () => {
    const dir = scratchDir();
    write(dir, 'data.csv', communesCsv(3000));
    write(dir, 'out.json', '{"earlier": "good"}\n');
    // The shell's file size limit (in blocks of 512 or 1024 bytes): the results are several megabytes.
    const { done } = spawnNtm(['evaluate', 'data.csv', ...OPTIONS, '--format', 'json', '--out', 'out.json'], {
      cwd: dir,
      shell: 'ulimit -f 200',
    });
    const run = await done;
    expect(run.code, run.stderr).toBe(2);
    expect(run.stderr).toBe(
      'ntm: không ghi được --out "out.json": tệp vượt kích thước tối đa mà hệ thống cho phép; tệp cũ (nếu có) được giữ nguyên\n',
    );
    expect(readFileSync(join(dir, 'out.json'), 'utf8')).toBe('{"earlier": "good"}\n');
    expect(temporaries(dir)).toEqual([]);
  });

  it.runIf(process.platform === 'linux')('a full disk (/dev/full): exit 2, a short message', async () => {
    const dir = scratchDir();
    write(dir, 'data.csv', communesCsv(50));
    const run = await ntm(['evaluate', 'data.csv', ...OPTIONS, '--format', 'csv', '--out', '/dev/full'], {
      cwd: dir,
    });
    expect(run.code).toBe(2);
    expect(run.stderr).toBe(
      'ntm: không ghi được --out "/dev/full": đĩa đã đầy; tệp cũ (nếu có) được giữ nguyên\n',
    );
  });

  for (const format of ['json', 'csv'] as const) {
    it(`two runs writing one --out (${format}) at once: one complete file wins, no temporary file`, async () => {
      const dir = scratchDir();
      write(dir, 'small.csv', communesCsv(400));
      write(dir, 'large.csv', communesCsv(700));
      const out = `results.${format}`;
      const runs = ['small.csv', 'large.csv'].map(
        (file) =>
          spawnNtm(['evaluate', file, ...OPTIONS, '--format', format, '--out', out], { cwd: dir }).done,
      );
      const [small, large] = await Promise.all(runs);
      expect(small?.code, small?.stderr).toBe(0);
      expect(large?.code, large?.stderr).toBe(0);
      const text = readFileSync(join(dir, out), 'utf8');
      const count =
        format === 'json'
          ? (JSON.parse(text) as { counts: { evaluated: number } }).counts.evaluated
          : (parse(text, { bom: true, columns: true }) as unknown[]).length;
      expect([400, 700]).toContain(count);
      expect(temporaries(dir)).toEqual([]);
    });
  }
});
