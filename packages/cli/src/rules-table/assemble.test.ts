import { BUNDLED_RULESETS, type Edition, Engine } from '@nongthonmoi/core';
import { describe, expect, it } from 'vitest';
import { fixtureRulesets, fullEdition, fullOverlay } from '../../test/rulesets.js';
import { validateAssembled } from '../commands/rules-table.js';
import { assemble } from './assemble.js';
import type { Book, BookRow } from './book.js';
import { flatten, type RulesetFileJson } from './flatten.js';
import type { SheetCell } from './vocabulary.js';

const rulesets = fixtureRulesets();
const engine = new Engine(rulesets, { base: BUNDLED_RULESETS });
const national = (id: string): Edition | null => {
  const entry = engine.ruleset(id);
  return entry?.kind === 'edition' ? (entry.data as Edition) : null;
};

function editionBook(): Book {
  return flatten(fullEdition() as RulesetFileJson, null);
}

/** The row of `indicator` (the n-th one), to change as an official would. */
function row(book: Book, indicator: string, n = 0): BookRow {
  const found = book.targets.filter((item) => item.cells.indicator === indicator)[n];
  if (!found) throw new Error(`no row ${n} of ${indicator}`);
  return found;
}

function edit(target: BookRow, cells: Record<string, SheetCell>): void {
  Object.assign(target.cells, cells);
}

function problemsOf(book: Book) {
  return assemble(book, { lang: 'vi', national }).problems.list.map((problem) => ({
    sheet: problem.sheet,
    row: problem.row,
    column: problem.column,
    reason: problem.reason,
  }));
}

describe('import reports every problem by sheet, row and column, in Vietnamese', () => {
  it('cells that cannot be read', () => {
    const book = editionBook();
    const roads = row(book, '1.1', 1);
    const income = row(book, '2.2', 2);
    edit(roads, { value: 'khoảng 90', op: '~', years: '2032-2031' });
    edit(income, { confidence: 'chắc chắn', source: 'www.bao.vn', place: 'Miền Trung' });
    expect(problemsOf(book)).toEqual(
      expect.arrayContaining([
        {
          sheet: 'Mức chỉ tiêu',
          row: roads.row,
          column: 'So sánh',
          reason: expect.stringMatching(/không phải phép so sánh/),
        },
        { sheet: 'Mức chỉ tiêu', row: roads.row, column: 'Năm', reason: 'năm cuối đứng trước năm đầu' },
        {
          sheet: 'Mức chỉ tiêu',
          row: roads.row,
          column: 'Mức',
          reason: expect.stringMatching(/mức phải là số/),
        },
        {
          sheet: 'Mức chỉ tiêu',
          row: income.row,
          column: 'Mức độ tin cậy',
          reason: expect.stringMatching(/không phải mức độ tin cậy/),
        },
        {
          sheet: 'Mức chỉ tiêu',
          row: income.row,
          column: 'Nguồn (đường dẫn)',
          reason: expect.stringMatching(/http/),
        },
        {
          sheet: 'Mức chỉ tiêu',
          row: income.row,
          column: 'Vùng / nhóm xã',
          reason: expect.stringMatching(/không phải vùng hay nhóm xã/),
        },
      ]),
    );
  });

  it('rows that do not fit together, naming the other row', () => {
    const book = editionBook();
    const first = row(book, '1.1', 0);
    const twice = row(book, '1.1', 1);
    edit(twice, { years: '2030' });
    const wording = row(book, '2.2', 1);
    edit(wording, { text: 'Thu nhập (lời văn khác)' });
    const mixed = row(book, '2.2', 2);
    edit(mixed, { place: 'Nhóm 2' });
    const problems = problemsOf(book);
    expect(problems).toContainEqual({
      sheet: 'Mức chỉ tiêu',
      row: twice.row,
      column: 'Năm',
      reason: `chỉ tiêu 1.1 đã có một dòng cho cùng vùng/nhóm xã và năm ở dòng ${first.row}`,
    });
    expect(problems).toContainEqual({
      sheet: 'Mức chỉ tiêu',
      row: wording.row,
      column: 'Nội dung',
      reason: expect.stringMatching(
        /thuộc về cả chỉ tiêu 2.2.*dòng \d+ ghi "Thu nhập theo vùng", dòng này ghi "Thu nhập \(lời văn khác\)"/,
      ),
    });
    expect(problems).toContainEqual(
      expect.objectContaining({
        row: mixed.row,
        column: 'Vùng / nhóm xã',
        reason: expect.stringMatching(/trộn vùng, nhóm xã/),
      }),
    );
  });

  it('provenance that does not fit its value', () => {
    const book = editionBook();
    const unknown = row(book, '1.1', 4);
    edit(unknown, { confidence: 'chính thức' });
    const known = row(book, '2.3');
    edit(known, { confidence: 'chưa có mức' });
    const problems = problemsOf(book);
    expect(problems).toContainEqual(
      expect.objectContaining({
        row: unknown.row,
        column: 'Mức độ tin cậy',
        reason: expect.stringMatching(/mức để trống/),
      }),
    );
    expect(problems).toContainEqual(
      expect.objectContaining({
        row: known.row,
        column: 'Mức độ tin cậy',
        reason: expect.stringMatching(/không thể là "chưa có mức"/),
      }),
    );
  });

  it("core's checks of the assembled file, at the row the value came from", () => {
    const book = editionBook();
    const official = row(book, '2.3');
    edit(official, { source: null });
    const found = assemble(book, { lang: 'vi', national });
    expect(found.problems.list).toEqual([]);
    const problems = validateAssembled(
      found.ruleset as RulesetFileJson,
      'bang.json',
      found.index,
      rulesets,
      'vi',
    );
    expect(problems).toContainEqual(
      expect.objectContaining({
        sheet: 'Mức chỉ tiêu',
        row: official.row,
        reason: expect.stringMatching(/cần địa chỉ \(URL\) của nguồn/),
      }),
    );
  });

  it('a criterion without its row, a unit that belongs to a declared measure', () => {
    const book = editionBook();
    const added = { ...row(book, '2.3'), row: 99 };
    added.cells = { ...added.cells, criterion: '9', indicator: '9.1', text: 'Chỉ tiêu mới' };
    book.targets.push(added);
    const unit = row(book, '1.1', 0);
    edit(unit, { unit: 'triệu đồng' });
    const problems = problemsOf(book);
    expect(problems).toContainEqual(
      expect.objectContaining({
        row: 99,
        column: 'Tiêu chí',
        reason: expect.stringMatching(/tiêu chí 9 chưa có dòng tiêu chí/),
      }),
    );
    expect(problems).toContainEqual(
      expect.objectContaining({
        row: unit.row,
        column: 'Đơn vị',
        reason: expect.stringMatching(/đơn vị thuộc về số liệu tn_roads_pct/),
      }),
    );
  });

  it('the other sheets', () => {
    const book = editionBook();
    const from = book.info.get('effective.from') as { row: number; value: SheetCell };
    from.value = '31/02/2030';
    const measure = book.lists.measures?.[0] as BookRow;
    measure.cells.type = 'số lớn';
    const problems = problemsOf(book);
    expect(problems).toContainEqual(
      expect.objectContaining({
        sheet: 'Thông tin chung',
        row: from.row,
        column: 'Giá trị',
        reason: expect.stringMatching(/không phải ngày/),
      }),
    );
    expect(problems).toContainEqual(
      expect.objectContaining({
        sheet: 'Số liệu',
        row: measure.row,
        column: 'Kiểu',
        reason: expect.stringMatching(/không có trong danh sách/),
      }),
    );
  });

  it('an overlay row may not change what belongs to the national edition, nor loosen a national target', () => {
    const book = flatten(fullOverlay() as RulesetFileJson, national('test/bang-day-du/2030'));
    const wording = row(book, '1.1', 0);
    edit(wording, { text: 'Đường (tỉnh viết lại)' });
    expect(problemsOf(book)).toContainEqual(
      expect.objectContaining({
        row: wording.row,
        column: 'Nội dung',
        reason: expect.stringMatching(/lấy từ bộ tiêu chí test\/bang-day-du\/2030/),
      }),
    );
    const loose = flatten(fullOverlay() as RulesetFileJson, national('test/bang-day-du/2030'));
    const group2 = row(loose, '1.1', 2);
    edit(group2, { value: 70 });
    const found = assemble(loose, { lang: 'vi', national });
    expect(found.problems.list).toEqual([]);
    const problems = validateAssembled(
      found.ruleset as RulesetFileJson,
      'tinh.json',
      found.index,
      rulesets,
      'vi',
    );
    expect(problems).toContainEqual({
      sheet: 'Mức chỉ tiêu',
      row: group2.row,
      column: 'Mức',
      value: '70',
      reason:
        'chỉ tiêu 1.1 (xã nhóm 2, năm 2030): mức của tỉnh > 70 thấp hơn mức quốc gia ≥ 80 của test/bang-day-du/2030; bộ tiêu chí của tỉnh chỉ được nâng mức, không được hạ (và 4 năm hoặc bộ tiêu chí khác)',
    });
    // Only that row: the other cells of the entry raise their targets.
    expect(problems.filter((problem) => problem.row !== group2.row)).toEqual([]);
  });
});

describe('values typed the way people type them', () => {
  it('reads "≥ 64" with the comparator in the target cell, "95 %", "64,5", "2022 - 2025" and "từ 2026"', () => {
    const book = editionBook();
    edit(row(book, '2.3'), { op: null, value: '≥ 3' });
    edit(row(book, '2.4'), { value: '-1,5 %' });
    edit(row(book, '2.2', 0), { years: '2030 - 2031', value: '64,1230' });
    edit(row(book, '2.2', 1), { years: 'Từ năm 2032' });
    const found = assemble(book, { lang: 'vi', national });
    expect(found.problems.list).toEqual([]);
    const indicators = (found.ruleset as Edition).criteria[1]?.indicators ?? [];
    expect(indicators[2]?.test).toMatchObject({ op: '>=', target: 3 });
    expect(indicators[3]?.test).toMatchObject({ target: -1.5 });
    expect((found.ruleset as Edition).criteria[1]?.indicators[1]).toEqual(
      fullEdition().criteria[1]?.indicators[1],
    );
  });

  it('refuses a comparator in the target cell that contradicts the comparator column', () => {
    const book = editionBook();
    const contradiction = row(book, '2.3');
    edit(contradiction, { op: '≥', value: '≤ 3' });
    expect(problemsOf(book)).toContainEqual(
      expect.objectContaining({
        row: contradiction.row,
        column: 'Mức',
        reason: expect.stringMatching(/khác cột "So sánh"/),
      }),
    );
  });
});

describe('new indicators', () => {
  it('declares the measure of a new indicator from its row, and says so', () => {
    const book = editionBook();
    const template = row(book, '2.3');
    book.targets.push(
      {
        row: 90,
        cells: {
          ...template.cells,
          indicator: '2.9',
          text: 'Tỷ lệ hộ dùng điện (mới)',
          unit: '%',
          op: '≥',
          value: '95,5',
          measure: null,
          nameEn: null,
        },
      },
      {
        row: 91,
        cells: {
          ...template.cells,
          indicator: '2.10',
          text: 'Có đội tự quản (mới)',
          unit: null,
          op: '=',
          value: 'Đạt',
          measure: null,
          nameEn: null,
        },
      },
    );
    const found = assemble(book, { lang: 'vi', national });
    expect(found.problems.list).toEqual([]);
    const criterion = (found.ruleset as Edition).criteria[1];
    expect(criterion?.indicators.at(-2)).toMatchObject({
      id: '2.9',
      test: { measure: 'chi_tieu_2_9', op: '>=', target: 95.5 },
    });
    expect(found.ruleset?.measures).toMatchObject({
      chi_tieu_2_9: { label: { vi: 'Tỷ lệ hộ dùng điện (mới)' }, type: 'percent', unit: { vi: '%' } },
      chi_tieu_2_10: { type: 'boolean' },
    });
    expect(found.notices.join('')).toMatch(/số liệu mới chi_tieu_2_9 .*kiểu tỷ lệ \(%\).* dòng 90/);
    expect(found.notices.join('')).toMatch(/4 tên chưa có bản tiếng Anh/);
  });
});
