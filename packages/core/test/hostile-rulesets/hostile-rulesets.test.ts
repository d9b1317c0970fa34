// The hostile-ruleset corpus (issue 16): every case is loaded as the engine loads rules, in a worker thread
// that is killed when a case takes longer than CASE_LIMIT_MS or more than 512 MB of heap, so a regression fails
// the case instead of hanging or crashing the suite. That limit is a safety net, not a timing assertion.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { afterAll, describe, expect, it } from 'vitest';
import { DEFAULT_LIMITS, FILE_LIMITS } from '../../src/index.js';
import type { CaseFile, CaseOutcome } from './run-case.js';

const HERE = fileURLToPath(new URL('.', import.meta.url));
const CASE_LIMIT_MS = 10_000;

/** Cases refused when loaded: the first issue's path (inside the file) and reasons. */
const REFUSED: Record<string, { path: string; reason: RegExp; reasonVi: RegExp }> = {
  'nested-reduce-logic.json': {
    path: 'criteria[0].indicators[0].test.logic.reduce[1].+[1].reduce[1].+[1].reduce',
    reason: /^'reduce' here may need up to [\d,]+ steps per evaluation \(limit 1,000,000\)/,
    reasonVi: /^'reduce' ở đây có thể cần tới [\d.]+ bước tính mỗi lần đánh giá \(giới hạn 1\.000\.000\)/,
  },
  'nested-reduce-applicable-if.json': {
    path: 'criteria[0].indicators[0].applicableIf.>[0].reduce[1].+[1].reduce[1].+[1].reduce',
    reason: /may need up to [\d,]+ steps/,
    reasonVi: /bước tính/,
  },
  'nested-reduce-derived-target.json': {
    path: 'criteria[0].indicators[0].test.target.logic.reduce[1].+[1].reduce[1].+[1].reduce',
    reason: /may need up to [\d,]+ steps/,
    reasonVi: /bước tính/,
  },
  'nested-map-out-of-memory.json': {
    path: 'criteria[0].indicators[0].test.logic.all[0].map[1].map',
    reason: /^'map' here may need up to [\d,]+ steps/,
    reasonVi: /^'map' ở đây/,
  },
  'cat-growing-text.json': {
    path: 'criteria[0].indicators[0].applicableIf.>[0].substr[0].reduce[1].cat',
    reason: /^'cat' here may build a text of up to [\d,]+ characters \(limit 100,000\)$/,
    reasonVi: /^'cat' ở đây có thể tạo chuỗi tới [\d.]+ ký tự \(giới hạn 100\.000\)$/,
  },
  'merge-doubling.json': {
    path: 'criteria[0].indicators[0].test.target.logic.reduce[1].merge',
    reason: /^'merge' here may build a list of up to [\d,]+ elements \(limit 100,000\)$/,
    reasonVi: /^'merge' ở đây có thể tạo danh sách tới [\d.]+ phần tử/,
  },
  'array-doubling.json': {
    path: 'criteria[0].indicators[0].test.logic.!![0].reduce[1]',
    reason: /^this array may build a list of up to [\d,]+ elements/,
    reasonVi: /^mảng này có thể tạo danh sách/,
  },
  'data-list-times-literal.json': {
    path: 'criteria[0].indicators[0].test.logic.!![0].reduce',
    reason: /^'reduce' here may need more than [\d,]+ steps/,
    reasonVi: /^'reduce' ở đây có thể cần hơn [\d.]+ bước tính/,
  },
  'file-total.json': {
    path: 'criteria[0].indicators[11].test.logic',
    reason:
      /^with the expressions before it, the expressions of this file may need more than 10,000,000 steps to evaluate one commune \(this one: up to [\d,]+\)$/,
    reasonVi: /^cộng với các biểu thức đứng trước, .* hơn 10\.000\.000 bước tính cho mỗi xã/,
  },
  'many-choices-measure.json': {
    path: 'measures.choices.values',
    reason: /^a multi-choice measure may have at most 100 values .*found 101$/,
    reasonVi: /^số liệu nhiều lựa chọn chỉ được có tối đa 100 giá trị/,
  },
  'overlay-derived-target.json': {
    path: 'targets[0].target.logic.reduce[1].+[1].reduce',
    reason: /may need up to [\d,]+ steps/,
    reasonVi: /bước tính/,
  },
};

/** Cases that load, and evaluate communes normally. */
const ACCEPTED = new Set(['deep-but-cheap.json']);

/** Cases that load (no expression is too costly on its own) and that only the runtime budget stops. */
const STOPPED_AT_RUN_TIME = new Set(['required-target-loop']);

function caseFiles(name: string): CaseFile[] {
  const path = join(HERE, name);
  const files = statSync(path).isDirectory()
    ? readdirSync(path)
        .filter((file) => file.endsWith('.json'))
        .sort()
        .map((file) => join(name, file))
    : [name];
  return files.map((file) => ({ file, text: readFileSync(join(HERE, file), 'utf8') }));
}

/** One worker runs the cases in turn; one that overruns is terminated and the next case gets a new one. */
class CaseRunner {
  #worker: Worker | null = null;
  #next = 0;

  run(files: CaseFile[]): Promise<CaseOutcome> {
    this.#worker ??= new Worker(new URL('./worker.mjs', import.meta.url), {
      resourceLimits: { maxOldGenerationSizeMb: 512 },
    });
    const worker = this.#worker;
    const id = this.#next++;
    return new Promise((resolve, reject) => {
      const stop = (error: Error) => {
        clearTimeout(timer);
        worker.off('message', onMessage);
        worker.off('error', stop);
        if (this.#worker === worker) this.#worker = null;
        void worker.terminate();
        reject(error);
      };
      const timer = setTimeout(
        () => stop(new Error(`the case did not finish within ${CASE_LIMIT_MS / 1000} s: killed`)),
        CASE_LIMIT_MS,
      );
      const onMessage = (message: { id: number; outcome?: CaseOutcome; crash?: string }) => {
        if (message.id !== id) return;
        clearTimeout(timer);
        worker.off('message', onMessage);
        worker.off('error', stop);
        if (message.crash) reject(new Error(message.crash));
        else resolve(message.outcome as CaseOutcome);
      };
      worker.on('message', onMessage);
      worker.on('error', stop);
      worker.postMessage({ id, files });
    });
  }

  async close(): Promise<void> {
    await this.#worker?.terminate();
    this.#worker = null;
  }
}

const runner = new CaseRunner();
afterAll(() => runner.close());

const CASES = readdirSync(HERE)
  .filter((name) => name.endsWith('.json') || statSync(join(HERE, name)).isDirectory())
  .sort();

describe('hostile-ruleset corpus', () => {
  it('has an expectation for every case in the folder', () => {
    const expected = [...Object.keys(REFUSED), ...ACCEPTED, ...STOPPED_AT_RUN_TIME].sort();
    expect(CASES).toEqual(expected);
  });

  it.each(Object.entries(REFUSED))(
    'refuses %s when loaded, naming the path and the bound',
    async (name, expected) => {
      const files = caseFiles(name);
      const outcome = await runner.run(files);
      // parseRuleset (what `ntm validate` runs first) refuses the file on its own; an engine over the bundled
      // rulesets and this file is refused with the same issue, and nothing is evaluated.
      expect(outcome.parsed).toHaveLength(1);
      expect(outcome.loaded).toEqual(outcome.parsed);
      expect(outcome.evaluated).toBeNull();
      expect(outcome.parsed[0]).toMatchObject({ file: name, path: expected.path });
      expect(outcome.parsed[0]?.reason).toMatch(expected.reason);
      expect(outcome.parsed[0]?.reasonVi).toMatch(expected.reasonVi);
    },
    CASE_LIMIT_MS + 5_000,
  );

  it.each([...ACCEPTED])(
    'accepts %s and evaluates communes with it',
    async (name) => {
      const outcome = await runner.run(caseFiles(name));
      expect(outcome.parsed).toEqual([]);
      expect(outcome.loaded).toEqual([]);
      expect(outcome.evaluated?.batch.results).toEqual(['met', 'not-met']);
      expect(outcome.evaluated?.batch.errors.map((error) => error.index)).toEqual([2]);
      expect(outcome.evaluated?.single).toEqual({ status: 'met' });
    },
    CASE_LIMIT_MS + 5_000,
  );

  it(
    'stops requiredTarget in a loop at run time: the commune becomes an error naming the indicator',
    async () => {
      const outcome = await runner.run(caseFiles('required-target-loop'));
      expect(outcome.parsed).toEqual([]);
      expect(outcome.loaded).toEqual([]);
      const evaluated = outcome.evaluated as NonNullable<CaseOutcome['evaluated']>;
      // evaluateMany keeps its promise: every commune is a result or an error, none is lost.
      expect(evaluated.batch.results).toEqual([]);
      expect(evaluated.batch.errors.map((error) => [error.index, error.communeId])).toEqual([
        [0, 'xa-1'],
        [1, 'xa-2'],
        [2, null],
      ]);
      for (const error of evaluated.batch.errors.slice(0, 2)) {
        expect(error.message).toMatch(
          /^Indicator 1\.1 \(test\/hostile-required-loop\/2024\) could not be evaluated for commune xa-\d: evaluation stopped: it needed more than its budget of [\d,]+ steps \(at applicableIf\.some\[1\]\.>\[0\]\.requiredTarget\)$/,
        );
      }
      expect(evaluated.single).toMatchObject({
        error: 'RuleEvaluationError',
        code: 'logic-budget-exceeded',
        fields: {
          indicator: '1.1',
          ruleset: 'test/hostile-required-loop/2024',
          expression: 'applicableIf',
          path: 'some[1].>[0].requiredTarget',
          communeId: 'xa-1',
        },
      });
      expect((evaluated.single as { fields: Record<string, unknown> }).fields.messageVi).toMatch(
        /^Không tính được chỉ tiêu 1\.1 .* cho xã xa-1: đã dừng tính: biểu thức cần nhiều hơn hạn mức [\d.]+ bước tính/,
      );
    },
    CASE_LIMIT_MS + 5_000,
  );

  it('documents the limits it tests', () => {
    expect(DEFAULT_LIMITS).toMatchObject({ maxSteps: 1_000_000, maxBuiltSize: 100_000, dataArrayBound: 100 });
    expect(FILE_LIMITS.maxExpressionSteps).toBe(10_000_000);
  });
});
