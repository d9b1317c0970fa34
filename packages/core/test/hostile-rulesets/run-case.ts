// Runs one case of the hostile-ruleset corpus inside a worker thread (see hostile-rulesets.test.ts, which
// kills the worker when a case takes too long): loads the files as the engine does, then evaluates communes.
import { parentPort } from 'node:worker_threads';
import {
  BUNDLED_RULESETS,
  Engine,
  parseRuleset,
  RuleEvaluationError,
  RulesetError,
  type RulesetIssue,
} from '../../src/index.js';

export interface CaseFile {
  file: string;
  text: string;
}

export interface CaseOutcome {
  /** Issues of parseRuleset on each file on its own (what `ntm validate` checks first). */
  parsed: RulesetIssue[];
  /** Issues of building an engine over the bundled rulesets and the case's files. */
  loaded: RulesetIssue[];
  /** When the files loaded: what evaluating communes gave. */
  evaluated: {
    level: string;
    batch: { results: string[]; errors: Array<{ index: number; communeId: string | null; message: string }> };
    single: { status: string } | { error: string; code: string; fields: Record<string, unknown> };
  } | null;
}

const communes = [
  { id: 'xa-1', name: 'Xã 1', region: 'dbsh', province: 'nam-dinh', values: { score: 60, fields: ['y-te'] } },
  { id: 'xa-2', name: 'Xã 2', region: 'dbsh', province: 'nam-dinh', values: { score: 5, fields: [] } },
  'not a commune',
];

function issuesOf(run: () => unknown): RulesetIssue[] {
  try {
    run();
    return [];
  } catch (error) {
    if (error instanceof RulesetError) return [...error.issues];
    throw error;
  }
}

export function runCase(files: readonly CaseFile[]): CaseOutcome {
  const inputs = files.map(({ file, text }) => ({
    file,
    ruleset: JSON.parse(text) as Record<string, unknown>,
  }));
  const parsed = inputs.flatMap((input) => issuesOf(() => parseRuleset(input.ruleset, input.file)));
  let engine: Engine | null = null;
  const loaded = issuesOf(() => {
    engine = new Engine([...BUNDLED_RULESETS, ...inputs]);
  });
  if (!engine) return { parsed, loaded, evaluated: null };
  const last = (inputs.at(-1) as { ruleset: Record<string, unknown> }).ruleset;
  const overlay = 'extends' in last;
  const level = last.level as string;
  const options = { level, asOf: overlay ? '2023-06-01' : '2024-06-01' };
  const batch = (engine as Engine).evaluateMany(communes, options);
  let single: NonNullable<CaseOutcome['evaluated']>['single'];
  try {
    single = { status: (engine as Engine).evaluate(communes[0], options).status };
  } catch (error) {
    if (!(error instanceof RuleEvaluationError)) throw error;
    const { indicator, ruleset, expression, path, communeId } = error;
    single = {
      error: error.name,
      code: error.code,
      fields: { indicator, ruleset, expression, path, communeId, messageVi: error.messageVi },
    };
  }
  return {
    parsed,
    loaded,
    evaluated: {
      level,
      batch: {
        results: batch.results.map((result) => result.status),
        errors: batch.errors.map(({ index, communeId, message }) => ({ index, communeId, message })),
      },
      single,
    },
  };
}

parentPort?.on('message', ({ id, files }: { id: number; files: CaseFile[] }) => {
  try {
    parentPort?.postMessage({ id, outcome: runCase(files) });
  } catch (error) {
    parentPort?.postMessage({ id, crash: String((error as Error).stack ?? error) });
  }
});
