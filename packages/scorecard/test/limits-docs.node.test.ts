// docs/security.md lists every limit of the elements with its value: the table and LIMITS (validate.ts) agree.
import { readFileSync } from 'node:fs';
import { expect, it } from 'vitest';
import { LIMITS } from '../src/internal/validate.js';

const count = (n: number) => n.toLocaleString('en-US');

it('docs/security.md gives every limit of the elements its value', () => {
  const docs = readFileSync(new URL('../../../docs/security.md', import.meta.url), 'utf8');
  const section = docs.slice(docs.indexOf('## Limits the web components enforce'));
  const table = section.split('\n').filter((line) => line.startsWith('| '));
  const rows: Array<[string, string]> = [
    ['Criteria in one tier of a result', count(LIMITS.criteria)],
    ['Indicators in one criterion', count(LIMITS.indicators)],
    ['Indicators in one result', count(LIMITS.resultIndicators)],
    ['Tiers in one result', count(LIMITS.tiers)],
    ['Evaluations on one board', count(LIMITS.communes)],
    ['Evaluations of the previous review', count(LIMITS.communes)],
    ['Communes in a `forecast`', count(LIMITS.communes)],
    ['Gaps of one commune in a `forecast`', count(LIMITS.resultIndicators)],
    ['Size of the file `<ntm-scorecard src>` fetches', `${LIMITS.srcBytes / 1024 / 1024} MiB`],
  ];
  for (const [label, value] of rows) {
    const row = table.find((line) => line.startsWith(`| ${label}`));
    expect(row, label).toBeDefined();
    expect(row?.split(' | ')[1], label).toBe(value);
  }
});
