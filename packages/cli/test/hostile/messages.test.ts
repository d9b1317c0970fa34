/**
 * Vietnamese first: every message of the catalogue has a Vietnamese and an English text, the Vietnamese ones
 * hold no English sentence, and what the readers say about the whole hostile-data corpus, in the default
 * language, holds none either. `--lang en` and `NTM_LANG=en` switch to English.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { getRuleset } from '@nongthonmoi/core';
import type { Command } from 'commander';
import { describe, expect, it } from 'vitest';
import type { Io } from '../../src/commands/common.js';
import { defaultLang, langFromArgv, MESSAGES, type MessageId, tr } from '../../src/messages.js';
import { today } from '../../src/pipeline.js';
import { buildProgram, main } from '../../src/program.js';
import { type BuildSpec, buildFile, CORPUS } from '../corpus-build.js';
import { ntm, PACKAGE } from '../helpers.js';
import { scratchDir } from './build.js';

/**
 * Common English words that a Vietnamese message must not contain. Left out on purpose: words that are also
 * Vietnamese ("an" as in "an toàn", "in" as in "in ra"), the commune fields named in messages (id, name,
 * region, values…), and literal values the user may type (true, false, yes, no, text, table). Words in
 * capitals are literals too (#VALUE!, TRUE).
 */
const ENGLISH = new Set(
  (
    'the is are was not longer expected got column columns row rows file files value number numbers ' +
    'unknown empty duplicate header headers sheet sheets cell cells cannot has have with and or of to this ' +
    'that must found missing invalid error errors too large long read line lines item items commune communes ' +
    'measure measures separator than more only but use write save open limit over folder already which when ' +
    'where does should please instead mean did you your it its be been for from at by as ' +
    'usage options option command commands argument arguments help display output default choices print ' +
    'version required specified allowed many data date level tier edition editions ruleset overlay amendment ' +
    'target targets indicator indicators criteria criterion report check show list give add also each every ' +
    'workbook template today exists exist key type unit label kind effective jurisdiction basis wrote ' +
    'problem problems added removed changed'
  ).split(' '),
);

/**
 * The English words in `text`, once quoted values ("…"), what the user types as it is (option flags, ids,
 * file names, dates, lists such as `criterion,owner`: any word with punctuation inside it), `ntm …` commands
 * and the names given in `skip` are taken out.
 */
function englishWords(text: string, skip: readonly string[] = []): string[] {
  let rest = text;
  for (const name of skip) rest = rest.split(name).join(' ');
  rest = rest
    .replace(/"(?:[^"\\]|\\.)*"/g, ' ')
    .replace(/`[^`]*`/g, ' ')
    .replace(/\bntm(?: [a-z][a-z-]*(?=[\s:,.;)]|$))*/g, ' ')
    .split(/\s+/)
    .filter((token) => !/[\p{L}\d][-./,_[\]<>=|:@\\]+[\p{L}\d]/u.test(token) && !token.startsWith('-'))
    .join(' ');
  return rest
    .split(/[^\p{L}_]+/u)
    .filter((word) => word !== '' && !word.includes('_') && word !== word.toUpperCase())
    .filter((word) => ENGLISH.has(word.toLowerCase()));
}

/** Any parameter: text for names, so that every branch that shows a parameter shows it. */
const anyParams = new Proxy({}, { get: () => 'X' }) as never;

describe('the message catalogue', () => {
  const ids = Object.keys(MESSAGES) as MessageId[];

  it('has a Vietnamese and an English text for every message', () => {
    expect(ids.length).toBeGreaterThan(100);
    for (const id of ids) {
      const vi = (tr as (lang: 'vi' | 'en', id: MessageId, params: never) => string)('vi', id, anyParams);
      const en = (tr as (lang: 'vi' | 'en', id: MessageId, params: never) => string)('en', id, anyParams);
      expect(vi, id).not.toBe('');
      expect(en, id).not.toBe('');
    }
  });

  it('holds no English sentence in its Vietnamese texts', () => {
    const found: string[] = [];
    for (const id of ids) {
      const vi = (tr as (lang: 'vi', id: MessageId, params: never) => string)('vi', id, anyParams);
      const words = englishWords(vi);
      if (words.length > 0) found.push(`${id}: ${words.join(', ')} in «${vi}»`);
    }
    expect(found).toEqual([]);
  });

  it('the scan itself finds English', () => {
    expect(englishWords('a.csv: the header row has problems')).toEqual([
      'the',
      'header',
      'row',
      'has',
      'problems',
    ]);
    expect(englishWords('error: unknown option --as-of <ngày> (did you mean --as-of?)')).toEqual([
      'error',
      'unknown',
      'option',
      'did',
      'you',
      'mean',
    ]);
    expect(englishWords('Usage: ntm rules show [options] <level>')).toEqual(['Usage', 'options', 'level']);
    expect(englishWords('mã xã "the id" trùng; an toàn', ['a.csv'])).toEqual([]);
  });

  it('takes the language from --lang, else NTM_LANG, else Vietnamese', () => {
    expect(defaultLang({})).toBe('vi');
    expect(defaultLang({ NTM_LANG: 'en' })).toBe('en');
    expect(defaultLang({ NTM_LANG: 'en_GB.UTF-8' })).toBe('en');
    expect(defaultLang({ NTM_LANG: 'fr' })).toBe('vi');
    expect(langFromArgv(['evaluate', 'x', '--lang', 'en'], {})).toBe('en');
    expect(langFromArgv(['evaluate', 'x', '--lang=vi'], { NTM_LANG: 'en' })).toBe('vi');
    expect(langFromArgv(['evaluate', 'x'], { NTM_LANG: 'en' })).toBe('en');
  });
});

interface Case {
  file: string;
  build?: BuildSpec;
}

describe('the readers in the default language, on the whole hostile corpus', () => {
  const cases = (JSON.parse(readFileSync(join(CORPUS, 'expectations.json'), 'utf8')) as { cases: Case[] })
    .cases;
  const dir = scratchDir();

  it('say everything in Vietnamese (file, row, column, reason), with no English sentence', async () => {
    const found: string[] = [];
    const seen = new Set<string>();
    for (const [index, c] of cases.entries()) {
      if (seen.has(c.file)) continue;
      seen.add(c.file);
      let file = join(CORPUS, c.file);
      if (c.build) {
        const caseDir = join(dir, String(index));
        mkdirSync(caseDir);
        file = await buildFile(c.build, caseDir, c.file);
      }
      let stderr = '';
      const io: Io = { stdout: () => {}, stderr: (text) => (stderr += text) };
      // Without --level: only what the readers and the cell parser say (the engine's words are core's).
      await main(['node', 'ntm', 'validate', file], io);
      for (const line of stderr.split('\n').filter(Boolean)) {
        const words = englishWords(line, [file]);
        if (words.length > 0) found.push(`${c.file}: ${words.join(', ')} in «${line.slice(0, 300)}»`);
      }
    }
    expect(seen.size).toBeGreaterThan(40);
    expect(found).toEqual([]);
  });
});

describe.concurrent('switching to English (the real binary)', () => {
  const bad = 'id,name,health_insurance_pct\n1,A,abc\n1,B,90\n';

  it('NTM_LANG=en gives English reasons; --lang vi wins over it', async () => {
    const dir = scratchDir();
    const file = join(dir, 'bad.csv');
    writeFileSync(file, bad);
    const [english, vietnamese, byDefault] = await Promise.all([
      ntm(['validate', file], { env: { NTM_LANG: 'en' } }),
      ntm(['validate', file, '--lang', 'vi'], { env: { NTM_LANG: 'en' } }),
      ntm(['validate', file], { env: { NTM_LANG: '' } }),
    ]);
    expect(english.stderr).toContain(
      'bad.csv, row 2 (commune 1), column "health_insurance_pct": "abc" "abc" is not a number',
    );
    expect(english.stderr).toContain('duplicate commune id 1 (first on row 2');
    expect(vietnamese.stderr).toContain(
      'bad.csv, dòng 2 (xã 1), cột "health_insurance_pct": "abc" "abc" không phải là số',
    );
    expect(byDefault.stderr).toBe(vietnamese.stderr);
    expect(englishWords(byDefault.stderr, [file])).toEqual([]);
  });
});

/** Every command of the program, as the words typed to reach it (`['rules', 'show']`). */
function commandPaths(command: Command, prefix: string[] = []): string[][] {
  return command.commands.flatMap((sub) => {
    const path = [...prefix, sub.name()];
    return [path, ...commandPaths(sub, path)];
  });
}

/** Runs `ntm args…` in this process, as the binary would, and keeps what it writes. */
async function run(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const io: Io = { stdout: (text) => (stdout += text), stderr: (text) => (stderr += text) };
  const code = await main(['node', 'ntm', ...args], io);
  return { code, stdout, stderr };
}

const FIXTURE = join(PACKAGE, 'test', 'fixtures', 'communes-vi-semicolon-bom.csv');
const PROGRAM = buildProgram(undefined, undefined, 'vi');
/** Command names are typed as they are, in both languages. */
const COMMAND_NAMES = [...new Set(commandPaths(PROGRAM).flat()), 'help'];

/** A mistake of each kind, and a part of what ntm must say about it in Vietnamese. */
const MISTAKES: Array<{ args: string[]; says: string }> = [
  { args: [], says: 'Cách dùng: ntm' },
  { args: ['rules'], says: 'Cách dùng: ntm rules' },
  { args: ['evaluat'], says: 'không có lệnh evaluat (có phải evaluate?)' },
  { args: ['evaluate', FIXTURE], says: 'thiếu tùy chọn bắt buộc --level <cấp>' },
  { args: ['evaluate', '--level', 'ntm'], says: 'thiếu tham số <tệp>' },
  { args: ['evaluate', FIXTURE, 'x.csv', '--level', 'ntm'], says: 'thừa tham số cho lệnh evaluate' },
  { args: ['evaluate', FIXTURE, '--level', 'ntm', '--frobnicate'], says: 'không có tùy chọn --frobnicate' },
  { args: ['evaluate', FIXTURE, '--level', 'ntm', '--formt', 'json'], says: '(có phải --format?)' },
  {
    args: ['evaluate', FIXTURE, '--level', 'ntm', '--as-of'],
    says: 'tùy chọn --as-of <ngày> cần một giá trị',
  },
  { args: ['evaluate', FIXTURE, '--level', 'ntm', '--format', 'pdf'], says: 'cần một trong: table, json' },
  { args: ['evaluate', FIXTURE, '--level', 'ntm', '--lang', 'fr'], says: 'cần một trong: vi, en' },
  { args: ['evaluate', FIXTURE, '--level', 'nâng ca'], says: 'không có cấp này (có phải nang-cao?)' },
  { args: ['evaluate', FIXTURE, '--level', 'xyz'], says: 'các cấp: ntm (Xã nông thôn mới)' },
  { args: ['evaluate', FIXTURE, '--level', 'ntm', '--as-of', '2023-11-31'], says: 'không tồn tại' },
  { args: ['evaluate', FIXTURE, '--level', 'ntm', '--as-of', '15/13/2023'], says: 'không có tháng 13' },
  {
    args: ['evaluate', FIXTURE, '--level', 'ntm', '--as-of', 'hôm qua'],
    says: 'cần một ngày như 15/11/2023',
  },
  { args: ['evaluate', FIXTURE, '--level', 'ntm', '--province', 'Nam Dihn'], says: 'không nhận ra tỉnh' },
  {
    args: ['evaluate', FIXTURE, '--level', 'ntm', '--province', 'Nam Định', '--as-of', '2026-03-01'],
    says: 'đã hợp nhất vào tỉnh Ninh Bình',
  },
  {
    args: ['evaluate', FIXTURE, '--level', 'ntm', '--region', 'dbsh', '--province', 'nam-dinh'],
    says: 'không ghi được cả --region và --province',
  },
  { args: ['evaluate', FIXTURE, '--level', 'ntm', '--region', 'mekong'], says: 'không nhận ra vùng' },
  { args: ['evaluate', FIXTURE, '--level', 'ntm', '--header-row', '0'], says: 'cần một số nguyên từ 1' },
  {
    args: ['evaluate', FIXTURE, '--level', 'ntm', '--as-of', '2023-11-15', '--format', 'xlsx'],
    says: '--format xlsx tạo ra một sổ tính',
  },
  {
    args: ['template', '--level', 'ntm', '--as-of', '2023-11-15', '--out', 'mau.csv'],
    says: 'phải có đuôi .xlsx',
  },
  { args: ['template', '--level', 'ntm', '--rows', 'nhiều', '--out', 'mau.xlsx'], says: 'cần một số nguyên' },
  {
    args: ['review', FIXTURE, '--level', 'ntm', '--as-of', '2023-11-15', '--out', 'bao-cao.pdf'],
    says: 'phải có đuôi .html, .xlsx',
  },
  { args: ['rules', 'show', 'kiu mau'], says: 'có phải kieu-mau?' },
  { args: ['rules', 'show', 'xyz'], says: '<cấp> "xyz" không dùng được: không có cấp này' },
  { args: ['rules', 'diff', 'vn/xa-ntm/2024'], says: 'thiếu tham số <đến>' },
  { args: ['rules', 'diff', 'vn/xa-ntm/2024', 'vn/khong-co'], says: 'không có bộ tiêu chí nào mã' },
  { args: ['validate'], says: 'thiếu tham số <tệp>' },
  {
    args: ['validate', FIXTURE, '--level', 'ntm', '--as-of', '2021-01-01'],
    says: 'không có bộ tiêu chí cấp',
  },
];

/** True when no edition of nâng cao is in force today (from 15/02/2026 the 2026–2030 framework has none). */
function noNangCaoToday(): boolean {
  try {
    getRuleset('nang-cao', { asOf: today() });
    return false;
  } catch {
    return true;
  }
}

describe('the command line in the default language', () => {
  it('prints the help of every command in Vietnamese, with no English sentence', async () => {
    const paths = commandPaths(PROGRAM);
    expect(paths.length).toBeGreaterThanOrEqual(7);
    const found: string[] = [];
    for (const path of [[], ...paths]) {
      const help = await run([...path, '--help']);
      expect(help.code, path.join(' ')).toBe(0);
      expect(help.stdout).toContain('Cách dùng:');
      if (path.length > 0 && path[0] !== 'rules') expect(help.stdout, path.join(' ')).toContain('Ví dụ:');
      for (const line of help.stdout.split('\n')) {
        const words = englishWords(line, COMMAND_NAMES);
        if (words.length > 0) found.push(`ntm ${path.join(' ')} --help: ${words.join(', ')} in «${line}»`);
      }
    }
    expect(found).toEqual([]);
  });

  it('says every usage mistake in Vietnamese (exit code 2), with no English sentence', async () => {
    const found: string[] = [];
    for (const mistake of MISTAKES) {
      const result = await run(mistake.args);
      const shown = `ntm ${mistake.args.join(' ')}`;
      expect(result.code, shown).toBe(2);
      expect(result.stderr, shown).toContain(mistake.says);
      expect(result.stderr, shown).not.toMatch(/error:|YYYY-MM-DD|Allowed choices/);
      for (const line of result.stderr.split('\n')) {
        const words = englishWords(line, [FIXTURE, ...COMMAND_NAMES]);
        if (words.length > 0) found.push(`${shown}: ${words.join(', ')} in «${line}»`);
      }
    }
    expect(found).toEqual([]);
  });

  it('prints what the commands write (tables, lists, summaries, status lines) with no English sentence', async () => {
    const overlay = join(
      PACKAGE,
      '..',
      '..',
      'examples',
      'province-overlay',
      'nam-dinh-xa-ntm-minh-hoa.json',
    );
    const dir = scratchDir();
    const found: string[] = [];
    for (const args of [
      ['rules', 'list'],
      ['rules', 'show', 'nâng cao', '--as-of', '15/11/2023', '--province', 'Nam Định', '--measures'],
      ['rules', 'diff', 'vn/xa-kieu-mau/2021-2025', 'provinces/nam-dinh/xa-kieu-mau-2022'],
      ['validate', FIXTURE, overlay],
      ['evaluate', FIXTURE, '--level', 'nâng cao', '--as-of', '15/11/2023'],
      ['evaluate', FIXTURE, '--level', 'ntm', '--as-of', '15/11/2023', '--out', join(dir, 'ket-qua.csv')],
      ['template', '--level', 'ntm', '--as-of', '15/11/2023', '--out', join(dir, 'mau.xlsx')],
    ]) {
      const result = await run(args);
      expect(result.code, args.join(' ')).toBeLessThan(2);
      for (const line of `${result.stdout}\n${result.stderr}`.split('\n')) {
        const words = englishWords(line, [FIXTURE, overlay, dir, ...COMMAND_NAMES]);
        if (words.length > 0) found.push(`ntm ${args.join(' ')}: ${words.join(', ')} in «${line}»`);
      }
    }
    expect(found).toEqual([]);
  });

  it.runIf(noNangCaoToday())(
    'without --as-of, says in short which levels exist today and which dates the level covers',
    async () => {
      const result = await run(['evaluate', FIXTURE, '--level', 'nâng cao']);
      expect(result.code).toBe(2);
      const lines = result.stderr.trim().split('\n');
      const day = today().split('-').reverse().join('/');
      expect(lines[0]).toMatch(new RegExp(`^ntm: Ngày ${day} không có bộ tiêu chí cấp 'nang-cao'`));
      expect(lines[0]).toContain('08/03/2022 – 29/02/2024 (318/QĐ-TTg)');
      expect(lines[1]).toContain(`Các cấp có hiệu lực ngày ${day}: ntm`);
      expect(lines[2]).toContain('Không ghi --as-of nên ngày đánh giá là hôm nay');
      expect(lines[2]).toContain('--as-of 14/02/2026');
      expect(lines.length).toBe(3);
      expect(englishWords(result.stderr, [FIXTURE])).toEqual([]);
    },
  );
});
