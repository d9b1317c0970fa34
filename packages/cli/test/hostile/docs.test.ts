/**
 * The security page lists every limit of the CLI with its value, in English (docs/en/security.md) and in
 * Vietnamese (docs/security.md): both tables and src/io/limits.ts agree.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { LIMITS } from '../../src/io/limits.js';
import { formatBytes } from '../../src/messages.js';
import { REPO } from '../helpers.js';

type Lang = 'vi' | 'en';

function expectLimits(page: string, lang: Lang, labels: Record<string, [string, string]>): void {
  const docs = readFileSync(join(REPO, 'docs', page), 'utf8');
  const table = docs.split('\n').filter((line) => line.startsWith('| '));
  for (const [key, [label, value]] of Object.entries(labels)) {
    const row = table.find((line) => line.startsWith(`| ${label}`));
    expect(row, `${page}: ${key}`).toBeDefined();
    expect(row?.split(' | ')[1], `${page}: ${key}`).toBe(value);
  }
  const cell = LIMITS.excelCellLength.toLocaleString(lang === 'en' ? 'en-US' : 'vi-VN');
  expect(docs).toContain(lang === 'en' ? `${cell} characters in a cell` : `tối đa ${cell} ký tự`);
}

function limits(lang: Lang) {
  const count = (n: number) => n.toLocaleString(lang === 'en' ? 'en-US' : 'vi-VN');
  const bytes = (n: number) => formatBytes(n, lang);
  return {
    inputBytes: bytes(LIMITS.inputBytes),
    dataRows: count(LIMITS.dataRows),
    csvRecords: count(LIMITS.csvRecords),
    columns: count(LIMITS.columns),
    headerLength: count(LIMITS.headerLength),
    jsonDepth: `${LIMITS.jsonDepth} ${lang === 'en' ? 'levels' : 'cấp'}`,
    zipEntries: count(LIMITS.zipEntries),
    zipEntryBytes: bytes(LIMITS.zipEntryBytes),
    zipTotalBytes: bytes(LIMITS.zipTotalBytes),
    zipRatio: `${LIMITS.zipRatio}:1`,
    xlsxCells: count(LIMITS.xlsxCells),
  };
}

it('docs/en/security.md gives every limit its value', () => {
  const value = limits('en');
  expectLimits('en/security.md', 'en', {
    inputBytes: ['Size of one input file', value.inputBytes],
    pipeBytes: ['Bytes read from a pipe or a device', value.inputBytes],
    dataRows: ['Data rows in one file', value.dataRows],
    csvRecords: ['Lines of a CSV file', value.csvRecords],
    columns: ['Columns of a row', value.columns],
    headerLength: ['Characters in one header cell', value.headerLength],
    jsonDepth: ['Nesting of one JSON item', value.jsonDepth],
    zipEntries: ['Parts of an `.xlsx` archive', value.zipEntries],
    zipEntryBytes: ['Uncompressed size of one part', value.zipEntryBytes],
    zipTotalBytes: ['Uncompressed size of all the parts', value.zipTotalBytes],
    zipRatio: [
      `Compression ratio of one part larger than ${formatBytes(LIMITS.zipRatioFloorBytes, 'en')}`,
      value.zipRatio,
    ],
    xlsxCells: ['Cells with content', value.xlsxCells],
    sharedStrings: ['Shared strings', value.xlsxCells],
  });
});

it('docs/security.md (Vietnamese) gives every limit the same value', () => {
  const value = limits('vi');
  expectLimits('security.md', 'vi', {
    inputBytes: ['Dung lượng một tệp đầu vào', value.inputBytes],
    pipeBytes: ['Số byte đọc từ một đường ống', value.inputBytes],
    dataRows: ['Số dòng số liệu trong một tệp', value.dataRows],
    csvRecords: ['Số dòng của tệp CSV', value.csvRecords],
    columns: ['Số cột của một dòng', value.columns],
    headerLength: ['Số ký tự của một ô tiêu đề', value.headerLength],
    jsonDepth: ['Độ lồng của một mục JSON', value.jsonDepth],
    zipEntries: ['Số thành phần của tệp nén `.xlsx`', value.zipEntries],
    zipEntryBytes: ['Dung lượng sau giải nén của một thành phần', value.zipEntryBytes],
    zipTotalBytes: ['Tổng dung lượng sau giải nén', value.zipTotalBytes],
    zipRatio: [
      `Tỷ lệ nén của một thành phần lớn hơn ${formatBytes(LIMITS.zipRatioFloorBytes, 'vi')}`,
      value.zipRatio,
    ],
    xlsxCells: ['Số ô có nội dung', value.xlsxCells],
    sharedStrings: ['Số chuỗi dùng chung', value.xlsxCells],
  });
});
