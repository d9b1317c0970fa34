import { describe, expect, it } from 'vitest';
import { advanced, base, overlay } from '../../test/fixtures/index.js';
import { RulesetError } from '../errors.js';
import { Registry } from './registry.js';

function issuesOf(run: () => unknown): Array<{ file: string; path: string; reason: string }> {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(RulesetError);
    return [...(error as RulesetError).issues];
  }
  throw new Error('expected a RulesetError');
}

function deep(depth: number): string {
  return `${'{"and":['.repeat(depth)}true${']}'.repeat(depth)}`;
}

describe('Registry refuses hostile or invalid rulesets', () => {
  it('accepts the valid fixtures', () => {
    const registry = new Registry([base(), advanced(), overlay()]);
    expect(registry.levels()).toEqual(['co-ban', 'nang-cao-test']);
  });

  it('refuses prototype keys anywhere, without polluting Object.prototype', () => {
    const hostile = JSON.parse(
      JSON.stringify(base()).replace('"insurance_pct":{', '"__proto__":{"polluted":true},"insurance_pct":{'),
    );
    const issues = issuesOf(() => new Registry([{ file: 'proto.json', ruleset: hostile }]));
    expect(issues[0]).toMatchObject({
      file: 'proto.json',
      path: 'measures.__proto__',
      reason: "the key '__proto__' is not allowed",
    });
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it.each([
    ['__proto__', { var: '__proto__.polluted' }, "'var' may not read '__proto__'"],
    ['constructor', { var: 'constructor' }, "'var' may not read 'constructor'"],
    ['unknown operator', { eval: ['1'] }, "unknown operator 'eval'"],
    ['refused operator', { log: [1] }, "operator 'log' is not allowed"],
    ['method', { method: ['x', 'toString'] }, "operator 'method' is not allowed"],
  ])('refuses %s in an expression, naming the path', (_, logic, reason) => {
    const file = base();
    const criteria = file.criteria as Array<{ indicators: Array<Record<string, unknown>> }>;
    (criteria[2]?.indicators[1] as Record<string, unknown>).applicableIf = { and: [true, logic] };
    const issues = issuesOf(() => new Registry([{ file: 'x.json', ruleset: file }]));
    expect(issues[0]?.path).toMatch(/^criteria\[2\]\.indicators\[1\]\.applicableIf\.and\[1\]/);
    expect(issues[0]?.reason).toContain(reason);
  });

  it('refuses expressions nested 10,000 deep in bounded time, without a stack overflow', () => {
    const file = base();
    const criteria = file.criteria as Array<{ indicators: Array<Record<string, unknown>> }>;
    (criteria[2]?.indicators[1] as Record<string, unknown>).applicableIf = JSON.parse(deep(10_000));
    const started = Date.now();
    const issues = issuesOf(() => new Registry([{ file: 'deep.json', ruleset: file }]));
    expect(issues[0]?.reason).toMatch(/nested deeper than 100 levels/);
    expect(Date.now() - started).toBeLessThan(5_000); // generous: the point is "no hang", not speed
  });

  it('refuses arrays of a million elements', () => {
    const file = base();
    const criteria = file.criteria as Array<{ indicators: Array<Record<string, unknown>> }>;
    (criteria[2]?.indicators[1] as Record<string, unknown>).applicableIf = {
      in: [1, new Array(1_000_000).fill(0)],
    };
    const issues = issuesOf(() => new Registry([{ file: 'big.json', ruleset: file }]));
    expect(issues[0]).toMatchObject({
      path: 'criteria[2].indicators[1].applicableIf.in[1]',
      reason: expect.stringContaining('1000000 elements'),
    });
  });

  it('refuses expressions beyond the logic limits that fit the file limits', () => {
    const file = base();
    const criteria = file.criteria as Array<{ indicators: Array<Record<string, unknown>> }>;
    (criteria[2]?.indicators[1] as Record<string, unknown>).applicableIf = JSON.parse(
      `${'{"!":'.repeat(80)}true${'}'.repeat(80)}`,
    );
    const issues = issuesOf(() => new Registry([{ file: 'deep.json', ruleset: file }]));
    expect(issues[0]?.reason).toMatch(/nested deeper than 64 levels/);
  });

  it('refuses objects that refer to themselves', () => {
    const file = base();
    (file as Record<string, unknown>).notes = { vi: 'x', en: 'y' };
    ((file as Record<string, Record<string, unknown>>).notes as Record<string, unknown>).self = file;
    expect(issuesOf(() => new Registry([file]))[0]?.reason).toMatch(/nested deeper than 100 levels/);
  });

  it('refuses a cycle of requires', () => {
    const a = { ...base(), requires: { level: 'nang-cao-test' } };
    const issues = issuesOf(() => new Registry([{ file: 'a.json', ruleset: a }, advanced()]));
    expect(issues.map((issue) => issue.reason)).toContainEqual(expect.stringContaining('requires itself'));
  });

  it('refuses duplicate criterion and indicator ids', () => {
    const file = base();
    const criteria = file.criteria as Array<
      Record<string, unknown> & { indicators: Array<Record<string, unknown>> }
    >;
    criteria.push(structuredClone(criteria[0]) as never);
    const issues = issuesOf(() => new Registry([{ file: 'dup.json', ruleset: file }]));
    expect(issues).toContainEqual(
      expect.objectContaining({ path: 'criteria[3].id', reason: "duplicate criterion id '1'" }),
    );
    expect(issues).toContainEqual(
      expect.objectContaining({
        path: 'criteria[3].indicators[0].id',
        reason: "duplicate indicator id '1.1'",
      }),
    );
  });

  it('refuses two editions of one level in force on the same day', () => {
    const second = { ...base(), id: 'test/xa-co-ban/2023', effective: { from: '2023-06-01' } };
    const issues = issuesOf(() => new Registry([base(), { file: 'second.json', ruleset: second }]));
    expect(issues[0]).toMatchObject({
      file: 'second.json',
      path: 'effective',
      reason: expect.stringContaining('overlaps test/xa-co-ban/2022'),
    });
  });

  it('refuses malformed dates', () => {
    const file = { ...base(), effective: { from: '2022-02-30' } };
    expect(issuesOf(() => new Registry([file]))[0]).toMatchObject({
      path: 'effective.from',
      reason: 'not a real calendar date',
    });
    const swapped = { ...base(), effective: { from: '2023-01-01', to: '2022-01-01' } };
    expect(issuesOf(() => new Registry([swapped]))[0]).toMatchObject({
      path: 'effective.to',
      reason: '`to` is before `from`',
    });
  });

  it('refuses an overlay that loosens a national target, naming indicator, national and province values', () => {
    const loose = overlay();
    (loose.targets as Array<Record<string, unknown>>)[1] = {
      ...(loose.targets as Array<Record<string, unknown>>)[1],
      target: 93,
    };
    const issues = issuesOf(() => new Registry([base(), advanced(), { file: 'loose.json', ruleset: loose }]));
    expect(issues[0]).toMatchObject({ file: 'loose.json', path: 'targets[1].target' });
    expect(issues[0]?.reason).toContain('indicator 1.1');
    expect(issues[0]?.reason).toContain('province target >= 93 is looser than the national target >= 95');
  });

  it('lets an overlay make a comparator strict (≥ 95 → > 95) but not reverse it', () => {
    const strict = overlay();
    (strict.targets as Array<Record<string, unknown>>)[1] = {
      ...(strict.targets as Array<Record<string, unknown>>)[1],
      op: '>',
      target: 95,
    };
    expect(() => new Registry([base(), advanced(), strict])).not.toThrow();
    const reversed = overlay();
    (reversed.targets as Array<Record<string, unknown>>)[1] = {
      ...(reversed.targets as Array<Record<string, unknown>>)[1],
      op: '<=',
      target: 99,
    };
    const issues = issuesOf(
      () => new Registry([base(), advanced(), { file: 'rev.json', ruleset: reversed }]),
    );
    expect(issues[0]).toMatchObject({
      path: 'targets[1].op',
      reason: expect.stringContaining('not a tightening of the national >='),
    });
  });

  it('refuses an overlay of an edition that does not exist, and unknown fields', () => {
    const orphan = { ...overlay(), extends: 'test/none' };
    expect(issuesOf(() => new Registry([orphan]))[0]?.reason).toContain(
      "extends 'test/none', which is not a registered national edition",
    );
    const typo = { ...base(), critera: [] };
    expect(issuesOf(() => new Registry([typo]))[0]).toMatchObject({
      reason: expect.stringContaining('critera'),
    });
  });

  it.each(['official', 'secondary'])('refuses a target of %s confidence without a source', (confidence) => {
    const file = base();
    const criteria = file.criteria as Array<{ indicators: Array<Record<string, unknown>> }>;
    const first = criteria[0]?.indicators[0] as Record<string, unknown>;
    first.confidence = confidence;
    delete first.source;
    expect(issuesOf(() => new Registry([file]))[0]).toMatchObject({
      path: 'criteria[0].indicators[0].test.target',
      reason: `a target of ${confidence} confidence needs the URL of the source that states it (source)`,
    });
  });

  it('refuses an overlay target claiming official confidence without a source', () => {
    const file = overlay() as Record<string, unknown>;
    const targets = file.targets as Array<Record<string, unknown>>;
    (targets[0] as Record<string, unknown>).confidence = 'official';
    delete (targets[0] as Record<string, unknown>).source;
    const issues = issuesOf(
      () => new Registry([base(), advanced(), { file: 'overlay.json', ruleset: file }]),
    );
    expect(issues.map((issue) => issue.reason)).toContain(
      'a target of official confidence needs the URL of the source that states it (source)',
    );
  });

  it('refuses an assumed target without a rationale, and a bound that is not assumed', () => {
    const file = base();
    const criteria = file.criteria as Array<{ indicators: Array<Record<string, unknown>> }>;
    const first = criteria[0]?.indicators[0] as Record<string, unknown>;
    first.confidence = 'assumed';
    delete first.rationale;
    const test = first.test as Record<string, unknown>;
    test.target = { value: 90, bound: true, confidence: 'secondary', source: 'https://example.org/a' };
    const reasons = issuesOf(() => new Registry([file])).map((issue) => issue.reason);
    expect(reasons).toContain('only an assumed target can be a bound ("bound": true)');
  });

  it('leaves the registry unchanged when a batch is refused', () => {
    const registry = new Registry([base()]);
    expect(() => registry.add([advanced(), { ...overlay(), extends: 'nope' }])).toThrow(RulesetError);
    expect(registry.levels()).toEqual(['co-ban']);
  });
});
