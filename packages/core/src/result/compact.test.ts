/**
 * Compact evaluations: expand(compact(e)) is e, for every YAML test case and the sample commune at every tier
 * (the JSON text of the compact form included), and the compact form is what its schema says.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { isScalar, parseDocument, visit } from 'yaml';
import {
  CompactEvaluationError,
  CompactEvaluationSchema,
  compactEvaluation,
  type EvaluateOptions,
  type Evaluation,
  evaluate,
  evaluateMany,
  expandEvaluation,
} from '../index.js';

const CASES = new URL('../../test-cases/', import.meta.url);

function yaml(url: URL): unknown {
  const doc = parseDocument(readFileSync(url, 'utf8'));
  // Map keys as written ("17.10" stays a string), as the case runner reads them.
  visit(doc, {
    Pair(_, pair) {
      if (isScalar(pair.key) && typeof pair.key.value !== 'string') {
        pair.key.value = pair.key.source ?? String(pair.key.value);
      }
    },
  });
  return doc.toJS();
}

interface Case {
  name: string;
  options: EvaluateOptions;
  fixtures?: string[];
  commune: Record<string, unknown>;
  expectError?: unknown;
}

/** Every YAML test case that evaluates (not those expecting an error), with its fixtures applied. */
function yamlCases(): Array<{ title: string; commune: unknown; options: EvaluateOptions }> {
  const fixtures = yaml(new URL('_fixtures.yaml', CASES)) as Record<string, Record<string, unknown>>;
  const cases: Array<{ title: string; commune: unknown; options: EvaluateOptions }> = [];
  for (const folder of readdirSync(CASES, { withFileTypes: true }).filter((entry) => entry.isDirectory())) {
    for (const name of readdirSync(new URL(`${folder.name}/`, CASES)).filter((n) => n.endsWith('.yaml'))) {
      for (const item of yaml(new URL(`${folder.name}/${name}`, CASES)) as Case[]) {
        if (item.expectError) continue;
        const fromFixtures = Object.assign({}, ...(item.fixtures ?? []).map((id) => fixtures[id]));
        const values = { ...fromFixtures, ...((item.commune.values ?? {}) as Record<string, unknown>) };
        cases.push({
          title: `${folder.name}/${name}: ${item.name}`,
          commune: { ...item.commune, values },
          options: item.options,
        });
      }
    }
  }
  return cases;
}

const plain = (value: unknown) => JSON.parse(JSON.stringify(value));

/** compact → JSON text → expand, against the original's plain data. */
function roundTrip(evaluation: Evaluation, rulesets?: EvaluateOptions['rulesets']): void {
  const compact = compactEvaluation(evaluation);
  expect(CompactEvaluationSchema.safeParse(compact).error).toBeUndefined();
  const expanded = expandEvaluation(JSON.parse(JSON.stringify(compact)), rulesets ? { rulesets } : {});
  expect(expanded.toJSON?.()).toEqual(evaluation.toJSON?.());
  expect(plain(expanded)).toEqual(plain(evaluation));
  // From the expanded result, the same compact form again.
  expect(plain(compactEvaluation(expanded))).toEqual(plain(compact));
}

const sample = JSON.parse(
  readFileSync(new URL('../../../../examples/sample-commune/commune.json', import.meta.url), 'utf8'),
);

describe('compact evaluations: expand(compact(e)) = e', () => {
  const cases = yamlCases();
  it('finds the YAML cases', () => {
    expect(cases.length).toBeGreaterThan(50);
  });
  for (const item of cases) {
    it(item.title, () => {
      roundTrip(evaluate(item.commune, item.options), item.options.rulesets);
    });
  }

  const demo: Array<[string, EvaluateOptions]> = [
    ['ntm 2023', { level: 'ntm', asOf: '2023-11-15' }],
    ['nâng cao 2023 with recognition', { level: 'nang-cao', asOf: '2023-11-15', recognition: true }],
    ['kiểu mẫu 2023 (Nam Định overlay)', { level: 'kieu-mau', asOf: '2023-11-15', province: 'nam-dinh' }],
    [
      'nâng cao 2023, official targets only',
      { level: 'nang-cao', asOf: '2023-11-15', requireVerified: true },
    ],
    ['nâng cao 2024', { level: 'nang-cao', asOf: '2024-06-30' }],
    ['ntm 2026 (commune groups)', { level: 'ntm', asOf: '2026-03-01' }],
  ];
  for (const [title, options] of demo) {
    it(`the sample commune: ${title}`, () => {
      // Nam Định merged into Ninh Bình in 2025; the 2026 edition sets targets by commune group.
      const commune = options.asOf?.startsWith('2026')
        ? { ...sample, province: 'ninh-binh', group: 'nhom-2' }
        : sample;
      roundTrip(evaluate(commune, options));
    });
  }

  it('a batch whose communes miss data, meet and fail, with categories moving their region', () => {
    const communes = [
      sample,
      { ...sample, id: 'b', values: {} },
      { ...sample, id: 'c', categories: ['xa-dac-biet-kho-khan'] },
      { ...sample, id: 'd', values: { ...sample.values, health_insurance_pct: 10 } },
    ];
    const batch = evaluateMany(communes, { level: 'nang-cao', asOf: '2023-11-15' });
    expect(batch.errors).toEqual([]);
    for (const evaluation of batch.results) roundTrip(evaluation);
  });
});

describe('compactEvaluation', () => {
  const evaluation = evaluate(sample, { level: 'nang-cao', asOf: '2023-11-15' });
  const compact = compactEvaluation(evaluation);

  it('keeps statuses, values and gaps by id, the counts, and one reference to each ruleset', () => {
    expect(compact.status).toBe(evaluation.status);
    expect(compact.ruleset).toEqual({ id: evaluation.ruleset.id, hash: evaluation.ruleset.hash });
    expect(compact.counts).toEqual(evaluation.counts);
    // Criteria by status and undecided ones by cause, each listed once, in the rules' order.
    const byStatus = (['met', 'not-met', 'incomplete'] as const).flatMap((status) =>
      (compact.criteria[status] ?? []).map((id): [string, string] => [id, status]),
    );
    expect(new Map(byStatus)).toEqual(new Map(evaluation.criteria.map((c) => [c.id, c.status])));
    expect(byStatus).toHaveLength(evaluation.criteria.length);
    const byCause = (['missing-data', 'unknown-target', 'both'] as const).flatMap((cause) =>
      (compact.undecidedCriteria[cause] ?? []).map((id): [string, string] => [id, cause]),
    );
    expect(new Map(byCause)).toEqual(
      new Map(
        evaluation.criteria.flatMap(
          (c): Array<[string, string]> => (c.undecided ? [[c.id, c.undecided.cause]] : []),
        ),
      ),
    );
    for (const criterion of evaluation.criteria) {
      for (const indicator of criterion.indicators) {
        expect(compact.indicators[indicator.id]).toEqual([indicator.status, indicator.actual, indicator.gap]);
        const listed = (['secondary', 'assumed', 'unknown'] as const).filter((level) =>
          compact.confidence[level]?.includes(indicator.id),
        );
        expect(listed).toEqual(indicator.confidence === 'official' ? [] : [indicator.confidence]);
      }
    }
    expect(compact.prerequisites.map((tier) => tier.level)).toEqual(['ntm']);
  });

  it('reads plain data the same way as engine records (only the uncompared values need a record)', () => {
    const { values: _values, ...fromRecord } = compact;
    expect(plain(compactEvaluation(plain(evaluation)))).toEqual(plain(fromRecord));
  });

  it('is a few kilobytes where the full result is tens', () => {
    const compactBytes = JSON.stringify(compact).length;
    const fullBytes = JSON.stringify(evaluation).length;
    expect(compactBytes * 10).toBeLessThan(fullBytes);
  });
});

describe('expandEvaluation refuses what it cannot rebuild exactly', () => {
  const evaluation = evaluate(sample, { level: 'nang-cao', asOf: '2023-11-15' });
  const compact = plain(compactEvaluation(evaluation));
  const failure = (value: unknown, options = {}) => {
    try {
      expandEvaluation(value, options);
    } catch (error) {
      return error as CompactEvaluationError;
    }
    throw new Error('expected expandEvaluation to throw');
  };

  it('data that is not a compact evaluation (a full one included)', () => {
    for (const value of [null, 42, {}, plain(evaluation), { ...compact, indicators: { '1.1': ['met'] } }]) {
      const error = failure(value);
      expect(error).toBeInstanceOf(CompactEvaluationError);
      expect(error.code).toBe('invalid-compact-evaluation');
      expect(error.localized.vi).toMatch(/^không phải kết quả đánh giá rút gọn/);
    }
  });

  it('a result evaluated with other rules (another hash), naming both', () => {
    const error = failure({ ...compact, ruleset: { ...compact.ruleset, hash: '0'.repeat(64) } });
    expect(error.code).toBe('ruleset-mismatch');
    expect(error.message).toContain(evaluation.ruleset.id);
    expect(error.localized.vi).toContain('hãy dùng đúng các tệp bộ tiêu chí');
  });

  it('an indicator left out, or one the rules do not have', () => {
    const [first, ...others] = Object.entries(compact.indicators);
    const [id, entry] = first as [string, unknown];
    const rest = Object.fromEntries(others);
    expect(failure({ ...compact, indicators: rest }).code).toBe('invalid-compact-evaluation');
    const renamed = { ...rest, '99.9': entry };
    expect(failure({ ...compact, indicators: renamed }).message).toContain(`indicator ${id} is missing`);
  });
});
