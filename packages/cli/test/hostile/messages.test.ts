/**
 * Vietnamese first: every message of the catalogue has a Vietnamese and an English text, the Vietnamese ones
 * hold no English sentence, and what the readers say about the whole hostile-data corpus, in the default
 * language, holds none either. `--lang en` and `NTM_LANG=en` switch to English.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Io } from '../../src/commands/common.js';
import { defaultLang, langFromArgv, MESSAGES, type MessageId, tr } from '../../src/messages.js';
import { main } from '../../src/program.js';
import { type BuildSpec, buildFile, CORPUS } from '../corpus-build.js';
import { ntm } from '../helpers.js';
import { scratchDir } from './build.js';

/**
 * Common English words that a Vietnamese message must not contain. Left out on purpose: words that are also
 * Vietnamese ("an" as in "an toàn"), the commune fields named in messages (id, name, region, values…), and
 * literal values the user may type (true, false, yes, no). Words in capitals are literals too (#VALUE!, TRUE).
 */
const ENGLISH = new Set(
  (
    'the is are was not longer expected got column columns row rows file files value number numbers ' +
    'unknown empty duplicate header headers sheet sheets cell cells cannot has have with and or of in to this ' +
    'that must found missing invalid error errors too large long read line lines item items commune communes ' +
    'measure measures separator than more only but use write save open limit over folder already which when ' +
    'where does should please instead mean did you your it its be been for from at by as'
  ).split(' '),
);

/** The English words in `text`, once quoted values ("…") and the names given in `skip` are taken out. */
function englishWords(text: string, skip: readonly string[] = []): string[] {
  let rest = text;
  for (const name of skip) rest = rest.split(name).join(' ');
  rest = rest.replace(/"(?:[^"\\]|\\.)*"/g, ' ');
  // An option's name (--previous-as-of) is what the user types, not an English sentence.
  rest = rest.replace(/--[a-z][a-z-]*/g, ' ');
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
    expect(englishWords('a.csv: the header row has problems')).toEqual(['the', 'header', 'row', 'has']);
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
