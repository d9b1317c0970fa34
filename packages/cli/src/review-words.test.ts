import type { IndicatorChange } from '@nongthonmoi/core';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  actualText,
  changeWord,
  daysLeftWords,
  formatDate,
  formatDateTime,
  shorten,
  targetText,
  wrapWords,
} from './review-words.js';

function change(before: unknown, after: unknown, status = 'met'): IndicatorChange {
  return {
    level: 'ntm',
    criterion: '10',
    indicator: '10',
    name: { vi: 'Thu nhập', en: 'Income' },
    before: { status, actual: before, target: 64, gap: null },
    after: { status, actual: after, target: 64, gap: null },
    direction: 'changed',
    gapChange: null,
    unit: null,
  } as IndicatorChange;
}

describe('review words', () => {
  it('names a change by its direction relative to the target, never just "changed"', () => {
    // 81,5 → 83,2 million đồng while already met: further above a ≥ target is progress.
    expect(changeWord(change(81.5, 83.2), '>=')).toBe('improved');
    expect(changeWord(change(83.2, 81.5), '>=')).toBe('worsened');
    // A ceiling (poverty ≤ 6 %): falling is progress.
    expect(changeWord(change(5.5, 4.8), '<=')).toBe('improved');
    expect(changeWord(change(null, 90, 'missing'), '>=')).toBe('new-data');
    expect(changeWord(change(90, null, 'missing'), '>=')).toBe('data-lost');
    expect(changeWord({ ...change(1, 2), direction: 'worsened' }, '>=')).toBe('worsened');
  });

  it('shortens at a word boundary with an ellipsis, never in the middle of a word', () => {
    const name = 'Đạt tiêu chí 17 (Môi trường) theo Bộ tiêu chí xã NTM nâng cao';
    expect(shorten(name, 40)).toBe('Đạt tiêu chí 17 (Môi trường) theo Bộ…');
    expect(shorten('ngắn', 40)).toBe('ngắn');
    fc.assert(
      fc.property(
        fc.array(fc.stringMatching(/^[a-zàáạảãđê]{1,8}$/), { minLength: 1, maxLength: 12 }),
        fc.integer({ min: 10, max: 60 }),
        (words, max) => {
          const text = words.join(' ');
          const short = shorten(text, max);
          expect([...short].length).toBeLessThanOrEqual(Math.max(max, [...(words[0] as string)].length + 1));
          if (short !== text) {
            const kept = short.slice(0, -1).split(' ');
            // Every word kept is a whole word of the text, except a single word longer than the room.
            const whole = kept.every((word, i) => word === words[i]);
            expect(whole || kept.length === 1).toBe(true);
          }
        },
      ),
    );
  });

  it('wraps at word boundaries', () => {
    expect(wrapWords('Chỉ vướng vì chưa có mức chỉ tiêu chính thức', 20)).toEqual([
      'Chỉ vướng vì chưa có',
      'mức chỉ tiêu chính',
      'thức',
    ]);
  });

  it("dates in the reader's style, times with their zone and offset", () => {
    expect(formatDate('2023-11-15', 'vi')).toBe('15/11/2023');
    expect(formatDate('2023-11-15', 'en')).toBe('15 Nov 2023');
    expect(formatDateTime('2023-11-16T02:30:00Z', 'vi')).toBe('16/11/2023 09:30 (GMT+7, Asia/Ho_Chi_Minh)');
    expect(formatDateTime('2023-11-16T02:30:00Z', 'en', 'Europe/Paris')).toBe(
      '2023-11-16 03:30 (GMT+1, Europe/Paris)',
    );
    expect(formatDateTime('2023-11-16T02:30:00Z', 'en', 'UTC')).toBe('2023-11-16 02:30 (GMT+0, UTC)');
    expect(daysLeftWords(46, 'vi')).toBe('còn 46 ngày');
    expect(daysLeftWords(0, 'vi')).toBe('đến hạn hôm nay');
    expect(daysLeftWords(-3, 'en')).toBe('3 days past the deadline');
  });

  it('says which part of a composite indicator failed, and marks targets that are not official', () => {
    const composite = {
      actual: null,
      target: null,
      comparator: null,
      unit: null,
      requirement: { vi: 'Tỷ lệ trẻ 6 tuổi vào lớp 1 ≥ 98 %; đạt chuẩn PCGD mầm non', en: '…' },
      confidence: 'official' as const,
      status: 'not-met',
      reason: {
        vi: 'Trẻ 6 tuổi vào lớp 1 (%): 80 % / cần ≥ 98 %; Đạt chuẩn PCGD mầm non trẻ 5 tuổi: Không / cần Có',
        en: '…',
      },
    };
    expect(actualText(composite, 'vi')).toBe(
      'Trẻ 6 tuổi vào lớp 1 (%): 80 % / cần ≥ 98 %; Đạt chuẩn PCGD mầm non trẻ 5 tuổi: Không / cần Có',
    );
    const percent = {
      ...composite,
      actual: 93.2,
      target: 95,
      comparator: '>=' as const,
      unit: { vi: '%', en: '%' },
      requirement: null,
      reason: null,
    };
    expect(targetText({ ...percent, confidence: 'official' }, 'vi')).toBe('≥ 95 %');
    expect(targetText({ ...percent, confidence: 'secondary' }, 'vi')).toBe('≥ 95 %*');
    expect(targetText({ ...percent, confidence: 'assumed' }, 'vi')).toBe('≥ 95 %**');
    expect(targetText({ ...percent, target: null, confidence: 'unknown' }, 'vi')).toBe('chưa xác định');
  });
});
