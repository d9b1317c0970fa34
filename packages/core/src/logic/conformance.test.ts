import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { LogicEngine } from './compile.js';

type Case = [rule: unknown, data: unknown, expected: unknown];
const suite: Array<string | Case> = JSON.parse(
  readFileSync(new URL('../../test/conformance/jsonlogic-tests.json', import.meta.url), 'utf8'),
);

describe('JsonLogic conformance suite', () => {
  const engine = new LogicEngine();
  let section = '';
  const cases: Array<{ name: string; rule: unknown; data: unknown; expected: unknown }> = [];
  for (const entry of suite) {
    if (typeof entry === 'string') {
      section = entry.replace(/^#\s*/, '');
      continue;
    }
    const [rule, data, expected] = entry;
    cases.push({
      name: `${section}: ${JSON.stringify(rule)} with ${JSON.stringify(data)}`,
      rule,
      data,
      expected,
    });
  }

  it('has all 278 cases', () => {
    expect(cases).toHaveLength(278);
  });

  it.each(cases)('$name', ({ rule, data, expected }) => {
    expect(engine.compile(rule)(data)).toEqual(expected);
  });
});
