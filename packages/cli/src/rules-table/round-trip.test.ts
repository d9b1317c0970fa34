import { BUNDLED_RULESETS, type Edition, Engine } from '@nongthonmoi/core';
import { describe, expect, it } from 'vitest';
import { commonProvenanceEdition, fixtureRulesets, fullEdition } from '../../test/rulesets.js';
import { assemble } from './assemble.js';
import type { Book } from './book.js';
import { readCsvBook, targetsCsv } from './csv.js';
import { flatten, type RulesetFileJson } from './flatten.js';
import { buildWorkbook, readWorkbookBook } from './workbook.js';

const fixtures = fixtureRulesets() as ReadonlyArray<{ file: string; ruleset: RulesetFileJson }>;
const engine = new Engine(fixtures, { base: BUNDLED_RULESETS });
const national = (id: string): Edition | null => {
  const entry = engine.ruleset(id);
  return entry?.kind === 'edition' ? (entry.data as Edition) : null;
};

function baseOf(file: RulesetFileJson): Edition | null {
  if ('extends' in file)
    return national(Array.isArray(file.extends) ? (file.extends[0] as string) : file.extends);
  if ('amends' in file) return national(file.amends);
  return null;
}

async function throughWorkbook(book: Book): Promise<Book> {
  const workbook = await buildWorkbook(book, { guide: ['Hướng dẫn'] });
  return readWorkbookBook(new Uint8Array(await workbook.xlsx.writeBuffer()), 'bang.xlsx', 'vi');
}

const cases = [
  ...(BUNDLED_RULESETS as ReadonlyArray<{ file: string; ruleset: RulesetFileJson }>),
  ...fixtures,
].map((entry) => [entry.file, entry.ruleset] as const);

describe('a ruleset exported as a workbook and imported back is the same file', () => {
  it.each(cases)('%s, through .xlsx', async (_, file) => {
    const read = await throughWorkbook(flatten(file, baseOf(file)));
    const result = assemble(read, { lang: 'vi', national });
    expect(result.problems.list).toEqual([]);
    expect(result.ruleset).toEqual(file);
  });

  it.each(cases)('%s, through the CSV of its targets', (_, file) => {
    const csv = targetsCsv(flatten(file, baseOf(file)).targets);
    const read = readCsvBook(new TextEncoder().encode(csv), 'bang.csv', 'vi');
    const result = assemble(read, { lang: 'vi', national, frame: file });
    expect(result.problems.list).toEqual([]);
    expect(result.ruleset).toEqual(file);
  });
});

it('refuses a table with a deleted column, which would silently drop what it held', () => {
  const csv = targetsCsv(flatten(fullEdition() as RulesetFileJson, null).targets);
  const [header, ...rows] = csv.split('\r\n');
  const columns = (header as string).split(',');
  const without = columns.indexOf('Mã số liệu');
  const cut = (line: string) =>
    line
      .split(',')
      .filter((_, i) => i !== without)
      .join(',');
  // Only rows without commas inside quoted cells are kept, so that the cut stays simple.
  const simple = rows.filter((line) => !line.includes('"'));
  const text = [cut(header as string), ...simple.map(cut)].join('\r\n');
  expect(() => readCsvBook(new TextEncoder().encode(text), 'bang.csv', 'vi')).toThrow(
    /thiếu các cột "Mã số liệu". Đừng xóa cột của bảng \(có thể ẩn cột\)/,
  );
});

describe('the target rows an official reads', () => {
  const rows = flatten(fullEdition() as RulesetFileJson, null).targets.map((row) => row.cells);
  const of = (indicator: string) => rows.filter((row) => row.indicator === indicator);

  it('has one row per criterion and per target cell, with the provenance that applies to it', () => {
    expect(rows[0]).toMatchObject({ criterion: '1', text: 'Kinh tế thử nghiệm', groupId: 'kinh-te' });
    expect(of('1.1').map((row) => [row.place, row.years, row.value, row.confidence, row.bound])).toEqual([
      ['Xã nhóm 1', '2030', 90, 'chính thức', null],
      ['Xã nhóm 1', '2031–2032', 92.5, 'chính thức', null],
      ['Xã nhóm 1', 'từ 2033', 95, 'giả định', 'Có'],
      ['Xã nhóm 2', null, 80, 'chính thức', null],
      ['Các nhóm xã còn lại', null, null, 'chưa có mức', null],
    ]);
    // Each row shows its own source, or the indicator's where it has none.
    expect(of('1.1').map((row) => row.source)).toEqual([
      'https://example.gov.vn/van-ban/1-2030',
      'https://example.gov.vn/van-ban/1-2030',
      'https://example.gov.vn/van-ban/1-2030',
      'https://bao.example.vn/80',
      'https://example.gov.vn/van-ban/1-2030',
    ]);
    expect(of('1.1')[0]).toMatchObject({ op: '≥', unit: '%', document: '1/2030/QĐ-TTg', part: 'Phụ lục I' });
  });

  it('writes yes/no targets as Đạt, composite tests with their requirement, computed targets as words', () => {
    expect(of('1.2')[0]).toMatchObject({
      op: '=',
      value: 'Đạt',
      confidence: 'chưa có mức',
      placeholder: 'Có',
    });
    expect(of('1.3')[0]).toMatchObject({ op: 'Đạt', value: 'Loại A, hoặc ít nhất 3 điểm' });
    expect(JSON.parse(of('1.3')[0]?.logic as string)).toEqual({
      or: [{ '==': [{ var: 'tn_kind' }, 'loai-a'] }, { '>=': [{ var: 'tn_count' }, 3] }],
    });
    expect(of('2.1')[0]).toMatchObject({
      value: 'tính theo công thức',
      formula: '{"*":[1.1,{"var":"tn_count"}]}',
    });
    expect(of('2.2').map((row) => [row.place, row.years, row.value])).toEqual([
      ['Đồng bằng sông Hồng', '2030–2031', 64.123],
      ['Đồng bằng sông Hồng', 'từ 2032', 70],
      ['Trung du và miền núi phía Bắc', null, 40],
      ['Các vùng còn lại', null, 55],
    ]);
  });

  it("fills the technical common columns only where the indicator's provenance differs from its first row", () => {
    expect(rows.every((row) => row.commonRationaleVi === undefined)).toBe(true);
    const common = flatten(commonProvenanceEdition() as RulesetFileJson, null).targets.filter(
      (row) => row.cells.indicator === '1.1',
    );
    expect(common.map((row) => row.cells.rationaleVi)).toEqual([
      'Riêng nhóm 1',
      'Riêng nhóm 2',
      'Riêng nhóm 3',
    ]);
    expect(common.every((row) => row.cells.commonRationaleVi === 'Chung của chỉ tiêu')).toBe(true);
  });
});
