/**
 * Data-driven test cases (in the manner of OpenFisca's YAML tests).
 *
 * Every `test-cases/<folder>/<file>.yaml` holds a list of cases; each case evaluates one commune with
 * `evaluate()` and checks the parts of the result it names. `test-cases/_fixtures.yaml` holds named value
 * sets a case can start from (`fixtures: [ntm-2021-2025-met]`); the commune's own values override them.
 * The format is described in `test-cases/README.md` and checked here with zod, so that a typo in a case file
 * fails loudly instead of silently asserting nothing.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { isScalar, parseDocument, visit } from 'yaml';
import { z } from 'zod';
import {
  type CriterionResult,
  type Evaluation,
  evaluate,
  type IndicatorResult,
  REGIONS,
} from '../src/index.js';

const ROOT = new URL('../test-cases/', import.meta.url);
const FIXTURES_FILE = '_fixtures.yaml';

const TierStatus = z.enum(['met', 'not-met', 'incomplete']);
const IndicatorStatus = z.enum(['met', 'not-met', 'missing', 'not-applicable', 'not-evaluable']);
const Region = z.enum(REGIONS);
const Comparator = z.enum(['>=', '>', '<=', '<', '==', '!=']);
const Scalar = z.union([z.number(), z.boolean(), z.string(), z.null()]);

/** Expected fields of one IndicatorResult (a subset). `reason` and `rationale` are matched as substrings. */
const IndicatorExpectation = z
  .object({
    status: IndicatorStatus.optional(),
    actual: z.union([Scalar, z.array(z.string())]).optional(),
    target: z.union([z.number(), z.boolean(), z.null()]).optional(),
    gap: z.union([z.number(), z.null()]).optional(),
    comparator: z.union([Comparator, z.null()]).optional(),
    verified: z.boolean().optional(),
    confidence: z.enum(['official', 'secondary', 'assumed', 'unknown']).optional(),
    bound: z.boolean().optional(),
    origin: z.enum(['national', 'province']).optional(),
    originRuleset: z.string().optional(),
    source: z.union([z.string(), z.null()]).optional(),
    rationale: z.string().optional().describe('substring of the rationale (vi or en)'),
    reason: z
      .union([z.string(), z.null()])
      .optional()
      .describe('substring of the result reason (vi or en), or null'),
    requirement: z.string().optional().describe('substring of the requirement (vi or en)'),
  })
  .strict()
  .refine((value) => Object.keys(value).length > 0, 'an indicator expectation must check something');

const RegionBasisExpectation = z.union([
  z.null(),
  z
    .object({
      declared: Region.optional(),
      applied: Region.optional(),
      category: z.string().optional(),
      reason: z.string().optional().describe('substring of the reason (vi or en)'),
      citation: z
        .object({ document: z.string().optional(), part: z.string().optional(), item: z.string().optional() })
        .strict()
        .optional(),
    })
    .strict(),
]);

const CountsExpectation = z
  .object({
    criteriaMet: z.number().int(),
    criteriaTotal: z.number().int(),
    indicatorsMet: z.number().int(),
    indicatorsTotal: z.number().int(),
    indicatorsNotMet: z.number().int(),
    indicatorsMissing: z.number().int(),
    indicatorsNotEvaluable: z.number().int(),
    indicatorsNotApplicable: z.number().int(),
    unverifiedTargets: z.number().int(),
    confidence: z
      .object({
        official: z.number().int(),
        secondary: z.number().int(),
        assumed: z.number().int(),
        unknown: z.number().int(),
      })
      .partial()
      .strict(),
  })
  .partial()
  .strict();

/** Why a tier is undecided (subset match), or null for a decided tier. */
const UndecidedExpectation = z.union([
  z.null(),
  z
    .object({
      cause: z.enum(['missing-data', 'unknown-target', 'both']),
      missingData: z.number().int(),
      unknownTargets: z.number().int(),
    })
    .partial()
    .strict()
    .refine((value) => Object.keys(value).length > 0, 'an undecided expectation must check something'),
]);

const Expectation = z
  .object({
    status: TierStatus.optional(),
    undecided: UndecidedExpectation.optional(),
    region: Region.optional(),
    group: z.union([z.enum(['nhom-1', 'nhom-2', 'nhom-3']), z.null()]).optional(),
    year: z.number().int().optional(),
    regionBasis: RegionBasisExpectation.optional(),
    ruleset: z
      .object({
        id: z.string().optional(),
        edition: z.string().optional(),
        basis: z.string().optional().describe('number of the main legal act, e.g. 51/2025/QĐ-TTg'),
        overlays: z.array(z.string()).optional().describe('ids of the overlays applied, in order'),
      })
      .strict()
      .optional(),
    counts: CountsExpectation.optional(),
    criteria: z.record(z.string(), z.enum(['met', 'not-met', 'incomplete'])).optional(),
    criteriaUndecided: z
      .record(z.string(), UndecidedExpectation)
      .optional()
      .describe('why a criterion is undecided, by criterion id ("<level>:<id>" for another tier)'),
    indicators: z.record(z.string(), IndicatorExpectation).optional(),
    prerequisites: z.record(z.string(), TierStatus).optional(),
    recognition: TierStatus.optional(),
  })
  .strict()
  .refine((value) => Object.keys(value).length > 0, 'expect must check something');

const ErrorExpectation = z
  .object({
    name: z.string(),
    code: z.string().optional(),
    message: z.union([z.string(), z.array(z.string()).min(1)]).optional(),
  })
  .strict();

const Case = z
  .object({
    name: z.string().min(1),
    skip: z.string().min(1).optional().describe('why the case is skipped (the rule data is known to differ)'),
    options: z.object({ level: z.string() }).catchall(z.unknown()),
    fixtures: z.array(z.string()).min(1).optional(),
    commune: z.record(z.string(), z.unknown()),
    expect: Expectation.optional(),
    expectError: ErrorExpectation.optional(),
  })
  .strict()
  .refine((value) => (value.expect === undefined) !== (value.expectError === undefined), {
    message: 'give exactly one of expect and expectError',
  });
type Case = z.infer<typeof Case>;

const CaseFile = z.array(Case).min(1, 'a case file holds at least one case');
const Fixtures = z.record(
  z.string().regex(/^[a-z0-9-]+$/),
  z.record(z.string(), z.union([Scalar, z.array(z.string())])),
);

/** Parses YAML keeping every map key as written (so `17.10` stays "17.10", not the number 17.1). */
function parseYaml(text: string, file: string): unknown {
  const doc = parseDocument(text, { prettyErrors: true });
  if (doc.errors.length > 0) throw new Error(`${file}: ${doc.errors.map((e) => e.message).join('\n')}`);
  visit(doc, {
    Pair(_, pair) {
      if (isScalar(pair.key) && typeof pair.key.value !== 'string') {
        pair.key.value = pair.key.source ?? String(pair.key.value);
      }
    },
  });
  return doc.toJS();
}

function issuesOf(error: z.ZodError): string {
  return error.issues.map((issue) => `  at ${issue.path.join('.') || '(root)'}: ${issue.message}`).join('\n');
}

interface LoadedFile {
  label: string;
  cases: Case[] | null;
  problem: string | null;
}

function loadFixtures(): Record<string, Record<string, unknown>> {
  const parsed = Fixtures.safeParse(
    parseYaml(readFileSync(new URL(FIXTURES_FILE, ROOT), 'utf8'), FIXTURES_FILE),
  );
  if (!parsed.success) throw new Error(`${FIXTURES_FILE} is malformed:\n${issuesOf(parsed.error)}`);
  return parsed.data;
}

function loadCaseFiles(fixtures: Record<string, unknown>): LoadedFile[] {
  const files: LoadedFile[] = [];
  const folders = readdirSync(ROOT, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort();
  for (const folder of folders) {
    const names = readdirSync(new URL(`${folder}/`, ROOT))
      .filter((name) => name.endsWith('.yaml') || name.endsWith('.yml'))
      .sort();
    if (names.length === 0) files.push({ label: folder, cases: null, problem: 'folder holds no case file' });
    for (const name of names) {
      const label = `${folder}/${name.replace(/\.ya?ml$/, '')}`;
      try {
        const raw = parseYaml(readFileSync(new URL(`${folder}/${name}`, ROOT), 'utf8'), label);
        const parsed = CaseFile.safeParse(raw);
        if (!parsed.success) {
          files.push({ label, cases: null, problem: `malformed case file:\n${issuesOf(parsed.error)}` });
          continue;
        }
        const problems: string[] = [];
        const seen = new Set<string>();
        parsed.data.forEach((item, i) => {
          if (seen.has(item.name)) problems.push(`  [${i}] duplicate case name '${item.name}'`);
          seen.add(item.name);
          for (const fixture of item.fixtures ?? []) {
            if (!Object.hasOwn(fixtures, fixture))
              problems.push(`  [${i}] unknown fixture '${fixture}' (see ${FIXTURES_FILE})`);
          }
        });
        files.push({
          label,
          cases: problems.length > 0 ? null : parsed.data,
          problem: problems.length > 0 ? `malformed case file:\n${problems.join('\n')}` : null,
        });
      } catch (error) {
        files.push({ label, cases: null, problem: (error as Error).message });
      }
    }
  }
  return files;
}

/** The evaluations of a result by level: the assessed tier, its prerequisite chain, and recognition. */
function tiers(result: Evaluation): Map<string, Evaluation> {
  const map = new Map<string, Evaluation>();
  const visitTier = (evaluation: Evaluation) => {
    if (!map.has(evaluation.level)) map.set(evaluation.level, evaluation);
    for (const prerequisite of evaluation.prerequisites) visitTier(prerequisite);
  };
  visitTier(result);
  if (result.recognition) map.set(result.recognition.level, result.recognition);
  return map;
}

/** Splits "<level>:<id>" (a prerequisite or recognition tier) from "<id>" (the assessed tier). */
function locate(result: Evaluation, key: string): { tier: Evaluation; id: string } {
  const colon = key.indexOf(':');
  if (colon < 0) return { tier: result, id: key };
  const level = key.slice(0, colon);
  const tier = tiers(result).get(level);
  if (!tier) {
    throw new Error(`no tier '${level}' in the result (tiers: ${[...tiers(result).keys()].join(', ')})`);
  }
  return { tier, id: key.slice(colon + 1) };
}

function findIndicator(result: Evaluation, key: string): IndicatorResult {
  const { tier, id } = locate(result, key);
  const all = tier.criteria.flatMap((criterion) => criterion.indicators);
  const found = all.find((indicator) => indicator.id === id);
  if (!found) {
    throw new Error(
      `no indicator '${id}' in ${tier.level} (${tier.ruleset.id}); indicators: ${all.map((i) => i.id).join(', ')}`,
    );
  }
  return found;
}

function findCriterion(result: Evaluation, key: string): CriterionResult {
  const { tier, id } = locate(result, key);
  const found = tier.criteria.find((criterion) => criterion.id === id);
  if (!found) {
    throw new Error(
      `no criterion '${id}' in ${tier.level}; criteria: ${tier.criteria.map((c) => c.id).join(', ')}`,
    );
  }
  return found;
}

/** Numbers are compared to 9 decimal places. */
function closeNumbers(value: unknown): unknown {
  if (typeof value === 'number') return expect.closeTo(value, 9);
  if (Array.isArray(value)) return value.map(closeNumbers);
  return value;
}

function localizedContains(text: { vi: string; en: string } | null, part: string): boolean {
  return !!text && (text.vi.includes(part) || text.en.includes(part));
}

function checkIndicator(
  actual: IndicatorResult,
  expected: z.infer<typeof IndicatorExpectation>,
  key: string,
) {
  const { reason, rationale, requirement, ...exact } = expected;
  const shape: Record<string, unknown> = {};
  for (const [field, value] of Object.entries(exact)) shape[field] = closeNumbers(value);
  expect(actual, `indicator ${key}`).toMatchObject(shape);
  if (reason === null) expect(actual.reason, `indicator ${key}: reason`).toBeNull();
  else if (reason !== undefined) {
    expect(
      localizedContains(actual.reason, reason),
      `indicator ${key}: reason ${JSON.stringify(actual.reason)} should contain '${reason}'`,
    ).toBe(true);
  }
  if (rationale !== undefined) {
    const text = actual.rationale ? `${actual.rationale.vi}\n${actual.rationale.en ?? ''}` : '';
    expect(text, `indicator ${key}: rationale`).toContain(rationale);
  }
  if (requirement !== undefined) {
    expect(
      localizedContains(actual.requirement, requirement),
      `indicator ${key}: requirement ${JSON.stringify(actual.requirement)} should contain '${requirement}'`,
    ).toBe(true);
  }
}

function check(result: Evaluation, expected: z.infer<typeof Expectation>): void {
  if (expected.status !== undefined) expect(result.status, 'status').toBe(expected.status);
  if (expected.undecided === null) expect(result.undecided, 'undecided').toBeNull();
  else if (expected.undecided !== undefined) {
    expect(result.undecided, 'undecided').toMatchObject(expected.undecided);
  }
  if (expected.region !== undefined) expect(result.region, 'region').toBe(expected.region);
  if (expected.group !== undefined) expect(result.group, 'group').toBe(expected.group);
  if (expected.year !== undefined) expect(result.year, 'year').toBe(expected.year);
  if (expected.regionBasis === null) expect(result.regionBasis, 'regionBasis').toBeNull();
  else if (expected.regionBasis !== undefined) {
    const { reason, ...rest } = expected.regionBasis;
    expect(result.regionBasis, 'regionBasis').not.toBeNull();
    expect(result.regionBasis, 'regionBasis').toMatchObject(rest);
    if (reason !== undefined) {
      expect(
        localizedContains(result.regionBasis?.reason ?? null, reason),
        `regionBasis.reason should contain '${reason}'`,
      ).toBe(true);
    }
  }
  if (expected.ruleset) {
    const { id, edition, basis, overlays } = expected.ruleset;
    if (id !== undefined) expect(result.ruleset.id, 'ruleset.id').toBe(id);
    if (edition !== undefined) expect(result.ruleset.edition, 'ruleset.edition').toBe(edition);
    if (basis !== undefined) expect(result.ruleset.basis[0]?.number, 'ruleset.basis').toBe(basis);
    if (overlays !== undefined) {
      expect(
        result.ruleset.overlays.map((overlay) => overlay.id),
        'ruleset.overlays',
      ).toEqual(overlays);
    }
  }
  if (expected.counts) expect(result.counts, 'counts').toMatchObject(expected.counts);
  for (const [key, status] of Object.entries(expected.criteria ?? {})) {
    expect(findCriterion(result, key).status, `criterion ${key}`).toBe(status);
  }
  for (const [key, undecided] of Object.entries(expected.criteriaUndecided ?? {})) {
    const criterion = findCriterion(result, key);
    if (undecided === null) expect(criterion.undecided, `criterion ${key}: undecided`).toBeNull();
    else expect(criterion.undecided, `criterion ${key}: undecided`).toMatchObject(undecided);
  }
  for (const [key, indicator] of Object.entries(expected.indicators ?? {})) {
    checkIndicator(findIndicator(result, key), indicator, key);
  }
  for (const [level, status] of Object.entries(expected.prerequisites ?? {})) {
    const tier = tiers(result).get(level);
    expect(tier && tier !== result ? tier.level : null, `prerequisite tier '${level}'`).toBe(level);
    expect(tier?.status, `prerequisite ${level}`).toBe(status);
  }
  if (expected.recognition !== undefined) {
    expect(result.recognition, 'recognition (set options.recognition: true)').toBeDefined();
    expect(result.recognition?.status, 'recognition status').toBe(expected.recognition);
  }
}

function run(item: Case, fixtures: Record<string, Record<string, unknown>>): void {
  const fromFixtures = Object.assign({}, ...(item.fixtures ?? []).map((name) => fixtures[name]));
  const ownValues = (item.commune.values ?? {}) as Record<string, unknown>;
  const commune = { ...item.commune, values: { ...fromFixtures, ...ownValues } };
  if (item.expectError) {
    const { name, code, message } = item.expectError;
    let thrown: unknown = null;
    try {
      evaluate(commune, item.options as Parameters<typeof evaluate>[1]);
    } catch (error) {
      thrown = error;
    }
    expect(thrown, `expected ${name} to be thrown`).toBeInstanceOf(Error);
    const error = thrown as Error & { code?: string };
    expect(error.name, error.message).toBe(name);
    if (code !== undefined) expect(error.code).toBe(code);
    for (const part of typeof message === 'string' ? [message] : (message ?? [])) {
      expect(error.message).toContain(part);
    }
    return;
  }
  // Plain data (what JSON.stringify writes): results may be lazy views that matchers should not walk.
  const result = JSON.parse(
    JSON.stringify(evaluate(commune, item.options as Parameters<typeof evaluate>[1])),
  );
  check(result as Evaluation, item.expect as z.infer<typeof Expectation>);
}

const fixtures = loadFixtures();
const files = loadCaseFiles(fixtures);

describe('test cases', () => {
  it('finds case files', () => {
    expect(files.length).toBeGreaterThan(0);
  });
  for (const file of files) {
    if (!file.cases) {
      it(`${file.label}: case file is well-formed`, () => {
        throw new Error(`${file.label}: ${file.problem}`);
      });
      continue;
    }
    for (const item of file.cases) {
      const title = `${file.label}: ${item.name}`;
      if (item.skip) it.skip(`${title} [skipped: ${item.skip}]`, () => run(item, fixtures));
      else it(title, () => run(item, fixtures));
    }
  }
});
