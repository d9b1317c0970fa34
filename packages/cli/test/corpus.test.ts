/**
 * The hostile-data corpus (test/corpus, described in its README.md): runs the REAL `ntm` binary on every file
 * and checks what test/corpus/expectations.json says: the exit code; every problem with its row (as the
 * spreadsheet shows it), column header and reason, on stderr, in --errors and in the JSON output, and no
 * other problem; the values read from the good rows; and rows in = rows evaluated + rows rejected.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { type Evaluation, expandEvaluation } from '@nongthonmoi/core';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { type BuildSpec, buildFile, CORPUS } from './corpus-build.js';
import { ntm, tempDir } from './helpers.js';

interface ExpectedProblem {
  row: number;
  column: string;
  reason: string;
}

interface Case {
  file: string;
  what: string;
  build?: BuildSpec;
  command?: 'evaluate' | 'validate';
  args?: string[];
  exit: 0 | 1 | 2;
  rows?: number;
  evaluated?: number[];
  problems?: ExpectedProblem[];
  read?: Record<
    string,
    { commune?: Record<string, string>; region?: string; values?: Record<string, unknown> }
  >;
  message?: string[];
  fixture?: { bom?: boolean; crlf?: boolean; nfd?: boolean };
  maxLineLength?: number;
}

interface Expectations {
  options: string[];
  cases: Case[];
}

interface JsonOut {
  counts: { rows: number; evaluated: number; rowsWithProblems: number };
  /** Compact evaluations (the default of --format json): expanded with core to read their values. */
  evaluations: Array<{ row: number; region: string; commune: Record<string, unknown> }>;
  problems: Array<{ row: number | null; column: string; value: string; reason: string }>;
}

const expectations = JSON.parse(readFileSync(join(CORPUS, 'expectations.json'), 'utf8')) as Expectations;
const dir = tempDir();
/** Lines on stderr stay readable: no line longer than this, whatever the input. */
const MAX_LINE = 1000;

/** The value an evaluation used for `measure` (in the tier itself or a required tier), or undefined. */
function actualOf(tier: Evaluation, measure: string): unknown {
  for (const criterion of tier.criteria) {
    for (const indicator of criterion.indicators) if (indicator.measure === measure) return indicator.actual;
  }
  for (const prerequisite of tier.prerequisites) {
    const value = actualOf(prerequisite, measure);
    if (value !== undefined) return value;
  }
  return undefined;
}

const nfc = (text: string) => text.normalize('NFC');
const key = (p: { row: number | null; column: string }) => nfc(`${p.row}|${p.column}`);

function caseName(c: Case): string {
  const how = [c.command === 'validate' ? 'validate' : '', ...(c.args ?? [])].filter(Boolean).join(' ');
  return `${c.file}${how ? ` (${how})` : ''}: ${c.what}`;
}

async function inputOf(c: Case, index: number): Promise<string> {
  if (!c.build) return join(CORPUS, c.file);
  const caseDir = join(dir, String(index));
  mkdirSync(caseDir, { recursive: true });
  return buildFile(c.build, caseDir, c.file);
}

describe.concurrent('hostile-data corpus', () => {
  expectations.cases.forEach((c, index) => {
    it(caseName(c), async ({ expect }) => {
      const file = await inputOf(c, index);
      const out = join(dir, `${index}-out.json`);
      const errors = join(dir, `${index}-errors.csv`);
      const command = c.command ?? 'evaluate';
      const run = await ntm([
        command,
        file,
        ...expectations.options,
        ...(command === 'evaluate' ? ['--format', 'json', '--out', out] : []),
        '--errors',
        errors,
        ...(c.args ?? []),
      ]);
      const stderr = nfc(run.stderr);
      const context = `${c.file}\n--- stderr:\n${run.stderr.slice(0, 4000)}`;
      expect(run.code, context).toBe(c.exit);

      // Whatever the input: no crash, no stack trace, no binary or control characters echoed, short lines.
      expect(stderr, context).not.toMatch(/unexpected error|\n\s+at .+:\d+:\d+/);
      // biome-ignore lint/suspicious/noControlCharactersInRegex: looking for control characters
      expect(stderr, context).not.toMatch(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/);
      for (const line of stderr.split('\n')) {
        expect(line.length, line.slice(0, 200)).toBeLessThanOrEqual(c.maxLineLength ?? MAX_LINE);
      }
      for (const part of c.message ?? []) expect(stderr, context).toContain(nfc(part));

      if (c.exit === 2) {
        // The file could not be used at all: a message, and nothing written.
        expect(stderr).toMatch(/^ntm: /m);
        expect(existsSync(out)).toBe(false);
        return;
      }

      // Every expected problem, with its row, column and reason: on stderr, and in errors.csv.
      const expected = c.problems ?? [];
      const unit = file.endsWith('.json') ? 'mục' : 'dòng';
      const lines = stderr.split('\n');
      for (const problem of expected) {
        const start = `${nfc(file)}, ${unit} ${problem.row}`;
        const column = problem.column ? `, cột "${nfc(problem.column)}":` : ':';
        const found = lines.some(
          (line) =>
            line.startsWith(start) &&
            /^[ ,(:]/.test(line.slice(start.length)) &&
            line.includes(column) &&
            line.includes(nfc(problem.reason)),
        );
        expect(found, `no line for ${JSON.stringify(problem)}\n${context}`).toBe(true);
      }
      const errorRows = parse(readFileSync(errors, 'utf8'), { bom: true, columns: true }) as Array<
        Record<string, string>
      >;
      const fromCsv = errorRows.map((r) => ({
        row: r.row === '' ? null : Number(r.row),
        column: r.column as string,
        reason: r.reason as string,
      }));
      // Exactly the expected problems: none missing, none more.
      expect(fromCsv.map(key).sort()).toEqual(expected.map(key).sort());
      for (const problem of expected) {
        expect(
          fromCsv.some((p) => key(p) === key(problem) && nfc(p.reason).includes(nfc(problem.reason))),
          JSON.stringify(problem),
        ).toBe(true);
      }
      const rejected = new Set(expected.map((p) => p.row)).size;
      const evaluatedRows = c.evaluated ?? [];

      if (command === 'validate') {
        // The summary gives the rows read; rows in = rows without problems (evaluated) + rows rejected.
        const summary = /: (\d+) dòng, /.exec(stderr + nfc(run.stdout));
        expect(summary, context).not.toBeNull();
        expect(Number(summary?.[1])).toBe(c.rows);
        expect(Number(summary?.[1])).toBe(evaluatedRows.length + rejected);
        return;
      }

      const json = JSON.parse(readFileSync(out, 'utf8')) as JsonOut;
      expect(json.problems.map(key).sort()).toEqual(expected.map(key).sort());
      // Rows in = rows evaluated + rows rejected, and every good row is evaluated.
      expect(json.counts.rows).toBe(c.rows);
      expect(json.evaluations.map((e) => e.row)).toEqual(evaluatedRows);
      expect(json.counts.evaluated).toBe(evaluatedRows.length);
      expect(json.counts.rowsWithProblems).toBe(rejected);
      expect(json.counts.rows).toBe(json.counts.evaluated + json.counts.rowsWithProblems);
      const bad = new Set(expected.map((p) => p.row));
      expect(evaluatedRows.filter((row) => bad.has(row))).toEqual([]);

      // What was read from the good rows.
      for (const [row, read] of Object.entries(c.read ?? {})) {
        const evaluation = json.evaluations.find((e) => e.row === Number(row));
        expect(evaluation, `row ${row} evaluated`).toBeDefined();
        if (!evaluation) continue;
        if (read.commune) expect(evaluation.commune).toMatchObject(read.commune);
        if (read.region) expect(evaluation.region).toBe(read.region);
        for (const [measure, value] of Object.entries(read.values ?? {})) {
          expect(actualOf(expandEvaluation(evaluation), measure), `row ${row}, ${measure}`).toEqual(value);
        }
      }
    });
  });
});

describe('the corpus itself', () => {
  const committed = readdirSync(CORPUS).filter(
    (name) => name !== 'README.md' && name !== 'expectations.json' && !name.endsWith('.xlsx.json'),
  );
  const readme = readFileSync(join(CORPUS, 'README.md'), 'utf8');

  it('every committed file has a case, every case a line in the README', () => {
    const files = new Set(expectations.cases.map((c) => c.file));
    expect(committed.filter((name) => !files.has(name))).toEqual([]);
    for (const c of expectations.cases) {
      expect(readme, c.file).toContain(`\`${c.file}\``);
      if (!c.build) expect(committed, c.file).toContain(c.file);
      if (c.build && 'xlsx' in c.build) expect(readme).toContain(`\`${c.build.xlsx}\``);
    }
  });

  it('the fixtures are what they claim to be (BOM, CRLF, NFD), even after an editor or git touched them', async () => {
    for (const [index, c] of expectations.cases.entries()) {
      if (!c.fixture) continue;
      const bytes = readFileSync(await inputOf(c, 1000 + index));
      const text = bytes.toString('utf8');
      if (c.fixture.bom !== undefined) {
        expect(bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf, c.file).toBe(c.fixture.bom);
      }
      if (c.fixture.crlf) {
        expect(text, c.file).toContain('\r\n');
        expect(text.replace(/\r\n/g, ''), c.file).not.toMatch(/\n/);
      }
      if (c.fixture.nfd) {
        expect(text, c.file).not.toBe(text.normalize('NFC'));
        expect(text, c.file).toContain('xã');
        expect(text, c.file).toContain('xã'.normalize('NFD'));
      }
    }
  });

  it('covers every item of the hostile-data list', () => {
    const all = JSON.stringify(expectations.cases) + readme;
    for (const topic of [
      'BOM',
      'semicolon',
      'decimal comma',
      '85%',
      '85 %',
      'thousands separators',
      'yes/no',
      'formula',
      '#DIV/0!',
      '#N/A',
      'date',
      'merged header',
      'empty lines',
      'duplicate',
      'unknown column',
      'out of range',
      'UTF-16',
      'Latin-1',
      'CRLF',
      'line break',
      'header and no data',
      'empty file',
      'PNG',
      'truncated',
      'neither an array',
      '__proto__',
      'never calculated',
      'NFD',
      'long',
      'more cells than headers',
      'contradict',
    ]) {
      expect(all, topic).toContain(topic);
    }
    expect(basename(CORPUS)).toBe('corpus');
  });
});
