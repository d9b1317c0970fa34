import { BUNDLED_RULESETS, type Edition, Engine } from '@nongthonmoi/core';
import { describe, expect, it } from 'vitest';
import { assemble } from './assemble.js';
import { readCsvBook, targetsCsv } from './csv.js';
import { flatten, type RulesetFileJson } from './flatten.js';
import { buildWorkbook, readWorkbookBook } from './workbook.js';

const engine = new Engine(BUNDLED_RULESETS);
const national = (id: string): Edition | null => {
  const entry = engine.ruleset(id);
  return entry?.kind === 'edition' ? (entry.data as Edition) : null;
};
const bundled = BUNDLED_RULESETS as ReadonlyArray<{ file: string; ruleset: RulesetFileJson }>;

function nationalOf(file: RulesetFileJson): Edition | null {
  if ('extends' in file)
    return national(Array.isArray(file.extends) ? (file.extends[0] as string) : file.extends);
  if ('amends' in file) return national(file.amends);
  return null;
}

describe('round trip', () => {
  it.each(bundled.map((entry) => [entry.file, entry.ruleset] as const))(
    '%s through xlsx',
    async (_, file) => {
      const book = flatten(file, nationalOf(file));
      const workbook = await buildWorkbook(book, { guide: ['x'] });
      const bytes = new Uint8Array(await workbook.xlsx.writeBuffer());
      const read = await readWorkbookBook(bytes, 'x.xlsx', 'vi');
      const result = assemble(read, { lang: 'vi', national });
      expect(result.problems.list).toEqual([]);
      expect(result.ruleset).toEqual(file);
    },
  );
  it.each(bundled.map((entry) => [entry.file, entry.ruleset] as const))('%s through csv', (_, file) => {
    const book = flatten(file, nationalOf(file));
    const csv = targetsCsv(book.targets);
    const read = readCsvBook(new TextEncoder().encode(csv), 'x.csv', 'vi');
    const result = assemble(read, { lang: 'vi', national, frame: file });
    expect(result.problems.list).toEqual([]);
    expect(result.ruleset).toEqual(file);
  });
});
