/**
 * Every `vi` text of a ruleset (names, rationales, notes, coverage notes, labels…) is what a Vietnamese user
 * reads first: it must be Vietnamese, not an English sentence copied into the `vi` slot. This scans every
 * bundled ruleset and the example overlay for common English words.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const RULESET_DIRS = [
  new URL('../rules/', import.meta.url),
  new URL('../../../examples/province-overlay/', import.meta.url),
];

/**
 * Common English words that are not Vietnamese words when written without diacritics (so "to", "an", "in",
 * "than" or "ma", which are, stay out).
 */
const ENGLISH_WORDS = [
  'the',
  'of',
  'and',
  'is',
  'are',
  'was',
  'were',
  'not',
  'for',
  'with',
  'from',
  'which',
  'that',
  'this',
  'these',
  'by',
  'has',
  'have',
  'only',
  'per',
  'or',
  'but',
  'its',
  'should',
  'would',
  'where',
  'when',
  'target',
  'targets',
  'level',
  'levels',
  'value',
  'values',
  'found',
  'unknown',
  'confirmed',
  'unconfirmed',
  'recalled',
  'recollection',
  'wording',
  'source',
  'national',
  'province',
  'provincial',
  'region',
  'regions',
  'indicator',
  'indicators',
  'criterion',
  'criteria',
  'commune',
  'communes',
  'reported',
  'assumed',
  'encoded',
  'placeholder',
  'used',
  'known',
  'whole',
  'other',
  'each',
  'every',
  'met',
  'read',
  'seen',
  'illustration',
];

const ENGLISH = new RegExp(`(?<![\\p{L}\\p{N}])(${ENGLISH_WORDS.join('|')})(?![\\p{L}\\p{N}])`, 'iu');

export interface EnglishInVietnamese {
  path: string;
  word: string;
  text: string;
}

/** The `vi` strings of a JSON value that contain a common English word (URLs are ignored). */
export function englishInVietnamese(value: unknown, path = ''): EnglishInVietnamese[] {
  const found: EnglishInVietnamese[] = [];
  const stack: Array<{ value: unknown; path: string }> = [{ value, path }];
  while (stack.length > 0) {
    const { value: node, path: at } = stack.pop() as { value: unknown; path: string };
    if (Array.isArray(node)) {
      node.forEach((item, i) => {
        stack.push({ value: item, path: `${at}[${i}]` });
      });
    } else if (node && typeof node === 'object') {
      for (const [key, child] of Object.entries(node)) {
        const childPath = at ? `${at}.${key}` : key;
        if (key === 'vi' && typeof child === 'string') {
          const match = child.replace(/https?:\/\/\S+/g, '').match(ENGLISH);
          if (match) found.push({ path: childPath, word: match[1] as string, text: child });
        } else stack.push({ value: child, path: childPath });
      }
    }
  }
  return found;
}

function rulesetFiles(dir: URL): URL[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.json'))
    .map((entry) => new URL(`${entry.parentPath}/${entry.name}`, 'file://'));
}

describe('Vietnamese texts of the rulesets', () => {
  it('finds an English sentence in a vi slot, and passes a Vietnamese one', () => {
    const file = {
      criteria: [
        {
          rationale: { vi: 'Wording recalled in the reference', en: 'Wording recalled in the reference' },
          notes: { vi: 'Mức 2016–2020 của 1980/QĐ-TTg; xem https://example.org/the-source', en: '…' },
          name: { vi: 'Có sản phẩm OCOP; điểm wifi, internet, VietGAP', en: 'OCOP product' },
        },
      ],
    };
    expect(englishInVietnamese(file)).toEqual([
      { path: 'criteria[0].rationale.vi', word: 'Wording', text: 'Wording recalled in the reference' },
    ]);
  });

  const files = RULESET_DIRS.flatMap(rulesetFiles);

  it('scans every bundled ruleset and the example overlay', () => {
    expect(files.length).toBeGreaterThanOrEqual(10);
  });

  for (const file of files) {
    const name = file.pathname.replace(/^.*\/(rules|examples)\//, '$1/');
    it(`${name}: no English in a vi text`, () => {
      const found = englishInVietnamese(JSON.parse(readFileSync(file, 'utf8')));
      const lines = found.map((f) => `  ${f.path}: "${f.word}" in «${f.text.slice(0, 120)}»`);
      expect(lines, `English words in Vietnamese texts of ${name}:\n${lines.join('\n')}`).toEqual([]);
    });
  }
});
