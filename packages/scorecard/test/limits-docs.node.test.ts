/**
 * The security page lists every limit of the elements with its value, in Vietnamese (docs/security.md) and in
 * English (docs/en/security.md): both tables and LIMITS (validate.ts) agree.
 */
import { readFileSync } from 'node:fs';
import { expect, it } from 'vitest';
import { LIMITS } from '../src/internal/validate.js';

type Lang = 'vi' | 'en';

const LABELS: Record<Lang, { heading: string; rows: Array<[string, number | string]> }> = {
  vi: {
    heading: '## Giới hạn do các thẻ web áp đặt',
    rows: [
      ['Số tiêu chí trong một cấp của một kết quả', LIMITS.criteria],
      ['Số chỉ tiêu trong một tiêu chí', LIMITS.indicators],
      ['Số chỉ tiêu trong một kết quả', LIMITS.resultIndicators],
      ['Số cấp trong một kết quả', LIMITS.tiers],
      ['Số kết quả trên một bảng huyện', LIMITS.communes],
      ['Số kết quả kỳ trước trên một bảng huyện', LIMITS.communes],
      ['Số xã trong một `forecast`', LIMITS.communes],
      ['Số chỉ tiêu còn thiếu của một xã trong `forecast`', LIMITS.resultIndicators],
      ['Dung lượng tệp mà `<ntm-scorecard src>` tải về', `${LIMITS.srcBytes / 1024 / 1024} MiB`],
    ],
  },
  en: {
    heading: '## Limits the web components enforce',
    rows: [
      ['Criteria in one tier of a result', LIMITS.criteria],
      ['Indicators in one criterion', LIMITS.indicators],
      ['Indicators in one result', LIMITS.resultIndicators],
      ['Tiers in one result', LIMITS.tiers],
      ['Evaluations on one board', LIMITS.communes],
      ['Evaluations of the previous review', LIMITS.communes],
      ['Communes in a `forecast`', LIMITS.communes],
      ['Gaps of one commune in a `forecast`', LIMITS.resultIndicators],
      ['Size of the file `<ntm-scorecard src>` fetches', `${LIMITS.srcBytes / 1024 / 1024} MiB`],
    ],
  },
};

it.each([
  ['security.md', 'vi'],
  ['en/security.md', 'en'],
] as const)('docs/%s gives every limit of the elements its value', (page, lang) => {
  const docs = readFileSync(new URL(`../../../docs/${page}`, import.meta.url), 'utf8');
  const { heading, rows } = LABELS[lang];
  const start = docs.indexOf(heading);
  expect(start, heading).toBeGreaterThan(-1);
  const section = docs.slice(start, docs.indexOf('\n## ', start + 1));
  const table = section.split('\n').filter((line) => line.startsWith('| '));
  for (const [label, value] of rows) {
    const expected =
      typeof value === 'number' ? value.toLocaleString(lang === 'en' ? 'en-US' : 'vi-VN') : value;
    const row = table.find((line) => line.startsWith(`| ${label}`));
    expect(row, label).toBeDefined();
    expect(row?.split(' | ')[1], label).toBe(expected);
  }
});
