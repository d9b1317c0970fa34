/** docs/security.md lists every limit of the CLI with its value: the table and src/io/limits.ts agree. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { LIMITS } from '../../src/io/limits.js';
import { formatBytes } from '../../src/messages.js';
import { REPO } from '../helpers.js';

const count = (n: number) => n.toLocaleString('en-US');

it('docs/security.md gives every limit its value', () => {
  const docs = readFileSync(join(REPO, 'docs', 'security.md'), 'utf8');
  const rows: Array<[string, string]> = [
    ['Size of one input file', formatBytes(LIMITS.inputBytes, 'en')],
    ['Bytes read from a pipe or a device', formatBytes(LIMITS.inputBytes, 'en')],
    ['Data rows in one file', count(LIMITS.dataRows)],
    ['Lines of a CSV file', count(LIMITS.csvRecords)],
    ['Columns of a row', count(LIMITS.columns)],
    ['Characters in one header cell', count(LIMITS.headerLength)],
    ['Nesting of one JSON item', `${LIMITS.jsonDepth} levels`],
    ['Parts of an `.xlsx` archive', count(LIMITS.zipEntries)],
    ['Uncompressed size of one part', formatBytes(LIMITS.zipEntryBytes, 'en')],
    ['Uncompressed size of all the parts', formatBytes(LIMITS.zipTotalBytes, 'en')],
    [
      `Compression ratio of one part larger than ${formatBytes(LIMITS.zipRatioFloorBytes, 'en')}`,
      `${LIMITS.zipRatio}:1`,
    ],
    ['Cells with content', count(LIMITS.xlsxCells)],
    ['Shared strings', count(LIMITS.xlsxCells)],
  ];
  const table = docs.split('\n').filter((line) => line.startsWith('| '));
  for (const [label, value] of rows) {
    const row = table.find((line) => line.startsWith(`| ${label}`));
    expect(row, label).toBeDefined();
    expect(row?.split(' | ')[1], label).toBe(value);
  }
  expect(docs).toContain(`${count(LIMITS.excelCellLength)} characters in a cell`);
});
