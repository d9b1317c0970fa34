import type { Comparator } from '@nongthonmoi/core';
import { describe, expect, it } from 'vitest';
import { fold } from '../io/text.js';
import { LIST_SHEETS, TARGETS } from './layout.js';
import {
  CONFIDENCE_CHOICES,
  formatComparator,
  formatDate,
  formatNumberText,
  formatPlace,
  formatYears,
  MEASURE_TYPES,
  PLACE_CHOICES,
  parseBooleanTarget,
  parseComparator,
  parseConfidence,
  parseDateCell,
  parseNumberCell,
  parsePlace,
  parseYears,
  parseYesNo,
} from './vocabulary.js';
import { headerLookup } from './workbook.js';

const value = <T>(result: { ok: true; value: T } | { ok: false; reason: string }): T | string =>
  result.ok ? result.value : `! ${result.reason}`;

describe('what is written reads back as the same value', () => {
  it.each((['>=', '>', '<=', '<', '==', '!='] as Comparator[]).map((op) => [op]))('comparator %s', (op) => {
    expect(value(parseComparator(formatComparator(op), 'vi'))).toBe(op);
  });
  it.each([['2023'], ['2022-2025'], ['2026-']])('years %s', (key) => {
    expect(value(parseYears(formatYears(key) as string, 'vi'))).toBe(key);
  });
  it.each(PLACE_CHOICES.map((place) => [place]))('place %s', (place) => {
    expect(formatPlace(value(parsePlace(place, 'vi')) as never)).toBe(place);
  });
  it.each(CONFIDENCE_CHOICES.map((word) => [word]))('confidence %s', (word) => {
    expect(value(parseConfidence(word, 'vi'))).toMatch(/^(official|secondary|assumed|unknown)$/);
  });
  it.each([[64], [64.5], [1.234], [-1.5], [0.1 + 0.2], [1e-7], [-3.5e-9], [2e21], [123456789.125]])(
    'number %s in a CSV',
    (n) => {
      expect(value(parseNumberCell(formatNumberText(n), 'vi'))).toBe(n);
    },
  );
  it.each([['2022-03-08'], ['2026-02-15'], ['2000-02-29']])('date %s', (iso) => {
    expect(value(parseDateCell(formatDate(iso), 'vi'))).toBe(iso);
  });
  it.each(MEASURE_TYPES.list.map((word) => [word]))('measure type %s', (word) => {
    expect(MEASURE_TYPES.format(value(MEASURE_TYPES.parse(word, 'vi')) as never)).toBe(word);
  });
});

describe('values typed the way people type them', () => {
  it.each([
    ['>=', '>='],
    ['≥', '>='],
    ['=>', '>='],
    ['≤', '<='],
    ['<=', '<='],
    [' < ', '<'],
    ['=', '=='],
    ['≠', '!='],
    ['<>', '!='],
    ['Đạt', 'met'],
    ['đạt', 'met'],
  ])('comparator %j', (text, op) => {
    expect(value(parseComparator(text, 'vi'))).toBe(op);
  });
  it.each([
    ['64', 64],
    ['64,5', 64.5],
    ['64.5', 64.5],
    [' 100 ', 100],
    ['', null],
  ])('number %j', (text, n) => {
    expect(value(parseNumberCell(text, 'vi'))).toBe(n);
  });
  it('refuses a number that could be read two ways, and text', () => {
    expect(value(parseNumberCell('1.234', 'vi'))).toMatch(/^! .*không rõ nghĩa/);
    expect(value(parseNumberCell('khoảng 60', 'vi'))).toMatch(/^! /);
  });
  it.each([
    ['2022–2025', '2022-2025'],
    ['2022 - 2025', '2022-2025'],
    ['2022—2025', '2022-2025'],
    ['từ 2026', '2026-'],
    ['Từ năm 2026', '2026-'],
    ['2026 trở đi', '2026-'],
    ['2026-', '2026-'],
    ['2026–', '2026-'],
    ['', null],
  ])('years %j', (text, key) => {
    expect(value(parseYears(text, 'vi'))).toBe(key);
  });
  it('refuses years that are not a year or run backwards', () => {
    expect(value(parseYears('2025-2022', 'vi'))).toMatch(/năm cuối đứng trước năm đầu/);
    expect(value(parseYears('năm nay', 'vi'))).toMatch(/không phải năm/);
  });
  it.each([
    ['ĐBSH', { kind: 'region', region: 'dbsh' }],
    ['đồng bằng sông hồng', { kind: 'region', region: 'dbsh' }],
    ['Vùng Tây Nguyên', { kind: 'region', region: 'tn' }],
    ['Nhóm 1', { kind: 'group', group: 'nhom-1' }],
    ['nhom-3', { kind: 'group', group: 'nhom-3' }],
    ['Xã nhóm 2', { kind: 'group', group: 'nhom-2' }],
    ['vùng khác', { kind: 'region-default' }],
    ['Các nhóm xã còn lại', { kind: 'group-default' }],
    ['', { kind: 'none' }],
  ])('place %j', (text, place) => {
    expect(value(parsePlace(text, 'vi'))).toEqual(place);
  });
  it.each([
    ['chính thức', 'official'],
    ['Chinh thuc', 'official'],
    ['nguồn thứ cấp', 'secondary'],
    ['thứ cấp', 'secondary'],
    ['giả định', 'assumed'],
    ['chưa có', 'unknown'],
    ['chưa có mức', 'unknown'],
  ])('confidence %j', (text, confidence) => {
    expect(value(parseConfidence(text, 'vi'))).toBe(confidence);
  });
  it.each([
    ['Đạt', true],
    ['có', true],
    ['Không đạt', false],
    ['chưa đạt', false],
    ['', null],
  ])('yes/no target %j', (text, result) => {
    expect(value(parseBooleanTarget(text, 'vi'))).toBe(result);
  });
  it.each([
    ['Có', true],
    ['x', true],
    ['Không', false],
    [true, true],
    ['', null],
  ])('yes/no cell %j', (cell, result) => {
    expect(value(parseYesNo(cell, 'vi'))).toBe(result);
  });
  it.each([
    ['08/03/2022', '2022-03-08'],
    ['8/3/2022', '2022-03-08'],
    ['2022-03-08', '2022-03-08'],
  ])('date %j', (text, iso) => {
    expect(value(parseDateCell(text, 'vi'))).toBe(iso);
  });
  it('reads a date cell as its calendar day, and refuses a day that does not exist', () => {
    expect(value(parseDateCell(new Date(Date.UTC(2026, 1, 15)), 'vi'))).toBe('2026-02-15');
    expect(value(parseDateCell('31/02/2026', 'vi'))).toMatch(/^! /);
  });
});

describe('the layout', () => {
  it.each([TARGETS, ...LIST_SHEETS].map((spec) => [spec.name, spec] as const))(
    'sheet %s: every header and alias names one column only, and every header has a note',
    (_, spec) => {
      const seen = new Map<string, string>();
      for (const column of spec.columns) {
        for (const word of [column.header, column.key, ...(column.aliases ?? [])]) {
          const owner = seen.get(fold(word));
          expect(owner === undefined || owner === column.key, `"${word}" also names ${owner}`).toBe(true);
          seen.set(fold(word), column.key);
        }
        expect(column.note.length).toBeGreaterThan(10);
      }
      expect(headerLookup(spec).size).toBe(seen.size);
    },
  );
});
