/**
 * `ntm evaluate` at scale, through the REAL binary: csv, json and jsonl written as the communes are evaluated
 * (the temporary file grows during the run, and Ctrl-C leaves nothing that looks complete), `--jobs N` giving
 * the same bytes, problems and exit code as `--jobs 1`, and the compact JSON expanding back to `--explain full`.
 */
import { mkdirSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import {
  CompactEvaluationError,
  CompactEvaluationSchema,
  type Evaluation,
  expandEvaluation,
} from '@nongthonmoi/core';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ntm, REPO, sampleCommune, spawnNtm, tempDir, vietnameseCell, writeText } from './helpers.js';

const dir = tempDir();
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const OPTIONS = ['--level', 'nang-cao', '--as-of', '2023-11-15'];

/**
 * `rows` communes from the sample commune, each with its values nudged so that they meet, fail and miss
 * targets differently; every 97th row has a cell that cannot be read, every 89th a region that contradicts
 * its province (the engine refuses it): problems of both kinds, spread over the batches.
 */
function communesFile(rows: number): string {
  const sample = sampleCommune();
  const keys = Object.keys(sample.values);
  const lines = [['id', 'name', 'province', 'region', 'district', ...keys].join(';')];
  for (let row = 2; row <= rows + 1; row++) {
    const cells = keys.map((key, k) => {
      const value = sample.values[key];
      if ((row + k) % 13 === 0) return '';
      if (typeof value === 'number') return vietnameseCell(Math.max(0, value - ((row * (k + 3)) % 17)));
      if (typeof value === 'boolean') return vietnameseCell((row + k) % 5 === 0 ? !value : value);
      return vietnameseCell(value);
    });
    if (row % 97 === 0) cells[2] = 'chưa rõ';
    lines.push(
      [`x${row}`, `Xã ${row}`, 'nam-dinh', row % 89 === 0 ? 'btb' : '', 'Nam Trực', ...cells].join(';'),
    );
  }
  return `\ufeff${lines.join('\r\n')}\r\n`;
}

let data: string;
/** Fewer rows for the full explanations (about 100 KB a commune). */
let small: string;
beforeAll(() => {
  data = writeText(dir, 'communes.csv', communesFile(1500));
  small = writeText(dir, 'small.csv', communesFile(400));
});

const read = (name: string) => readFileSync(join(dir, name));

describe('--jobs N writes what --jobs 1 writes', () => {
  for (const [format, extra] of [
    ['csv', []],
    ['json', []],
    ['json', ['--explain', 'full']],
    ['jsonl', []],
  ] as const) {
    it(`--format ${format} ${extra.join(' ')}: the same bytes, problems and exit code with 1, 2 and 3 threads`, async () => {
      const tag = `${format}${extra.length}`;
      const runs = await Promise.all(
        [1, 2, 3].map((jobs) =>
          ntm([
            'evaluate',
            extra.length > 0 ? small : data,
            ...OPTIONS,
            '--format',
            format,
            ...extra,
            '--jobs',
            String(jobs),
            '--out',
            join(dir, `${tag}-${jobs}.out`),
            '--errors',
            join(dir, `${tag}-${jobs}.errors.csv`),
          ]),
        ),
      );
      const [one, ...others] = runs as [(typeof runs)[number], ...typeof runs];
      expect(one.code, one.stderr).toBe(1);
      expect(one.stderr).toMatch(/dòng 97 \(xã x97\)/);
      expect(one.stderr).toMatch(
        /dòng 89 \(xã x89\), cột "region": "btb" vùng btb mâu thuẫn với tỉnh Nam Định/,
      );
      const output = read(`${tag}-1.out`);
      const errors = read(`${tag}-1.errors.csv`);
      expect(output.length).toBeGreaterThan(100_000);
      expect(errors.toString('utf8').split('\r\n').length).toBeGreaterThan(5);
      others.forEach((run, k) => {
        const jobs = k + 2;
        expect(run.code).toBe(one.code);
        expect(run.stderr.replaceAll(`${tag}-${jobs}`, `${tag}-1`)).toBe(one.stderr);
        expect(read(`${tag}-${jobs}.out`).equals(output), `${tag} with --jobs ${jobs}`).toBe(true);
        expect(read(`${tag}-${jobs}.errors.csv`).equals(errors)).toBe(true);
      });
    });
  }

  it('an Excel file gives the same bytes with 1 and 2 threads', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Số liệu');
    const text = communesFile(600)
      .replace(/^\ufeff/, '')
      .trimEnd()
      .split('\r\n');
    for (const line of text) sheet.addRow(line.split(';'));
    const file = join(dir, 'communes.xlsx');
    await workbook.xlsx.writeFile(file);
    const [one, two] = await Promise.all(
      [1, 2].map((jobs) =>
        ntm(['evaluate', file, ...OPTIONS, '--jobs', String(jobs), '--out', join(dir, `xlsx-${jobs}.csv`)]),
      ),
    );
    expect(one?.code, one?.stderr).toBe(1);
    expect(two?.code).toBe(1);
    expect(read('xlsx-2.csv').equals(read('xlsx-1.csv'))).toBe(true);
  });

  it('--jobs takes a whole number from 1 to 64, with the reason in Vietnamese (English with --lang en)', async () => {
    const [zero, many, english] = await Promise.all([
      ntm(['evaluate', data, ...OPTIONS, '--format', 'csv', '--jobs', '0']),
      ntm(['evaluate', data, ...OPTIONS, '--format', 'csv', '--jobs', '2.5']),
      ntm(['evaluate', data, ...OPTIONS, '--format', 'csv', '--jobs', 'many', '--lang', 'en']),
    ]);
    for (const run of [zero, many]) {
      expect(run.code).toBe(2);
      expect(run.stderr).toContain('cần một số nguyên từ 1 đến 64');
    }
    expect(english.code).toBe(2);
    expect(english.stderr).toContain('expected a whole number from 1 to 64');
  });
});

describe('results are written as the communes are evaluated', () => {
  let big: string;
  beforeAll(() => {
    big = writeText(dir, 'big.csv', communesFile(8000));
  });

  const temporaries = (folder: string) => readdirSync(folder).filter((name) => name.includes('.ntm-'));

  for (const [format, jobs] of [
    ['json', '1'],
    ['jsonl', '2'],
  ] as const) {
    it(`--format ${format} --jobs ${jobs}: the temporary file grows during the run; SIGINT leaves no output and no temporary file`, async () => {
      const folder = join(dir, `interrupted-${format}`);
      const out = join(folder, `out.${format}`);
      mkdirSync(folder);
      writeText(folder, 'keep.txt', 'earlier file');
      const { child, done } = spawnNtm([
        'evaluate',
        big,
        ...OPTIONS,
        '--format',
        format,
        '--jobs',
        jobs,
        '--out',
        out,
      ]);
      try {
        // Streamed: results reach the disk (the output flushes every MiB) long before the run ends.
        const end = Date.now() + 120_000;
        let grown = 0;
        while (Date.now() < end) {
          const [temporary] = temporaries(folder);
          grown = temporary ? statSync(join(folder, temporary)).size : 0;
          if (grown > 0 || child.exitCode !== null) break;
          await new Promise((resolve) => setTimeout(resolve, 25));
        }
        expect(grown, 'the temporary file grew while the run went on').toBeGreaterThan(0);
        child.kill('SIGINT');
        const run = await done;
        expect(run.code, run.stderr).toBe(130);
        expect(run.stderr).toContain('ntm: đã dừng (SIGINT); các tệp đang ghi dở đã được xóa');
        expect(readdirSync(folder)).toEqual(['keep.txt']);
      } finally {
        child.kill('SIGKILL');
      }
    }, 180_000);
  }

  it('--format jsonl: one evaluation a line, the same as the json report holds; json to stdout too', async () => {
    const [lines, report, stdout] = await Promise.all([
      ntm(['evaluate', data, ...OPTIONS, '--out', join(dir, 'all.jsonl')]),
      ntm(['evaluate', data, ...OPTIONS, '--out', join(dir, 'all.json')]),
      ntm(['evaluate', data, ...OPTIONS, '--format', 'json']),
    ]);
    expect(lines.code, lines.stderr).toBe(1);
    expect(report.code, report.stderr).toBe(1);
    const json = JSON.parse(read('all.json').toString('utf8'));
    const items = read('all.jsonl')
      .toString('utf8')
      .split('\n')
      .filter(Boolean)
      .map((line) => JSON.parse(line));
    expect(items).toEqual(json.evaluations);
    expect(json.explain).toBe('compact');
    expect(json.counts).toEqual({
      rows: 1500,
      evaluated: items.length,
      rowsWithProblems: 1500 - items.length,
    });
    expect(JSON.parse(stdout.stdout)).toEqual({ ...json, file: data });
  });

  it('--explain is for json and jsonl only', async () => {
    const run = await ntm(['evaluate', data, ...OPTIONS, '--format', 'csv', '--explain', 'full']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('--explain chỉ dùng với --format json hoặc jsonl');
  });
});

describe('compact JSON: expandEvaluation rebuilds --explain full', () => {
  const nam = join(REPO, 'examples', 'nam-truc-2023', 'data-2023-12-31.csv');
  const overlay = join(REPO, 'examples', 'province-overlay', 'nam-dinh-xa-ntm-minh-hoa.json');

  async function both(
    args: string[],
  ): Promise<{ compact: Array<Record<string, unknown>>; full: Evaluation[] }> {
    const [compact, full] = await Promise.all([
      ntm(['evaluate', nam, ...args, '--format', 'json']),
      ntm(['evaluate', nam, ...args, '--format', 'json', '--explain', 'full']),
    ]);
    expect(compact.code, compact.stderr).toBe(0);
    expect(full.code, full.stderr).toBe(0);
    return { compact: JSON.parse(compact.stdout).evaluations, full: JSON.parse(full.stdout).evaluations };
  }

  it('the demo data (Nam Trực 2023), nâng cao with recognition: every commune, ≤ 6 KB each', async () => {
    const { compact, full } = await both(['--level', 'nang-cao', '--as-of', '2023-12-31', '--recognition']);
    expect(compact.length).toBe(8);
    compact.forEach((record, i) => {
      expect(CompactEvaluationSchema.safeParse(record).error).toBeUndefined();
      expect(JSON.stringify(record).length).toBeLessThanOrEqual(6 * 1024);
      const { row, ...expected } = full[i] as Evaluation & { row: number };
      expect(record.row).toBe(row);
      expect(JSON.parse(JSON.stringify(expandEvaluation(record)))).toEqual(expected);
    });
  });

  it('with a province overlay given by --ruleset: expanded with the same ruleset, refused without it', async () => {
    const { compact, full } = await both(['--level', 'ntm', '--as-of', '2023-12-31', '--ruleset', overlay]);
    const rulesets = [JSON.parse(readFileSync(overlay, 'utf8'))];
    compact.forEach((record, i) => {
      const { row: _row, ...expected } = full[i] as Evaluation & { row: number };
      expect(JSON.parse(JSON.stringify(expandEvaluation(record, { rulesets })))).toEqual(expected);
    });
    const first = compact[0] as Record<string, unknown>;
    expect(() => expandEvaluation(first)).toThrow(CompactEvaluationError);
    expect(() => expandEvaluation(first)).toThrow(/evaluated with vn\/xa-ntm\/2021-2025/);
  });
});
