/**
 * The hostile-ruleset corpus of core (packages/core/test/hostile-rulesets/) through the real `ntm` binary: a
 * rules file too costly to evaluate is refused by `ntm validate` and by `ntm evaluate --ruleset`, with the
 * reason in Vietnamese; a rule that only the runtime budget stops makes its communes row errors.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ntm, REPO, tempDir, writeText } from './helpers.js';

const CORPUS = join(REPO, 'packages', 'core', 'test', 'hostile-rulesets');
const corpus = (name: string) => join(CORPUS, name);

describe('hostile rulesets through the CLI', () => {
  it('validate refuses costly expressions in a logic test, a condition and a computed target, in Vietnamese', async () => {
    const run = await ntm([
      'validate',
      corpus('nested-reduce-logic.json'),
      corpus('nested-reduce-applicable-if.json'),
      corpus('nested-reduce-derived-target.json'),
      corpus('deep-but-cheap.json'),
    ]);
    expect(run.code).toBe(1); // validate: 1 = problems found (2 is for files it cannot read)
    for (const [file, where] of [
      ['nested-reduce-logic.json', 'test.logic'],
      ['nested-reduce-applicable-if.json', 'applicableIf.>[0]'],
      ['nested-reduce-derived-target.json', 'test.target.logic'],
    ] as const) {
      expect(run.stderr).toContain(
        `${corpus(file)} tại criteria[0].indicators[0].${where}.reduce[1].+[1].reduce[1].+[1].reduce: 'reduce' ở đây có thể cần tới `,
      );
      expect(run.stderr).toContain(`ntm: ${corpus(file)}: 1 lỗi trong bộ tiêu chí`);
    }
    expect(run.stderr).toMatch(/bước tính mỗi lần đánh giá \(giới hạn 1\.000\.000\)/);
    expect(run.stdout).toContain(
      `${corpus('deep-but-cheap.json')}: hợp lệ (bộ tiêu chí quốc gia test/hostile-deep-but-cheap/2024`,
    );
  });

  it('evaluate --ruleset refuses a costly rules file before reading any data (exit 2)', async () => {
    const run = await ntm([
      'evaluate',
      join(REPO, 'examples', 'sample-commune', 'commune.json'),
      '--level',
      'ntm',
      '--as-of',
      '2023-11-15',
      '--ruleset',
      corpus('merge-doubling.json'),
    ]);
    expect(run.code).toBe(2);
    expect(run.stderr).toBe(
      `ntm: một tệp bộ tiêu chí bị từ chối:\n  ${corpus('merge-doubling.json')} tại criteria[0].indicators[0].test.target.logic.reduce[1].merge: 'merge' ở đây có thể tạo danh sách tới 196.606 phần tử (giới hạn 100.000)\n`,
    );
    expect(run.stdout).toBe('');
  });

  it('a rule stopped by the runtime budget makes its communes row errors naming the indicator', async () => {
    const dir = tempDir();
    const communes = writeText(
      dir,
      'communes.json',
      JSON.stringify([
        { id: 'xa-1', name: 'Xã 1', region: 'dbsh', values: { score: 60, fields: ['y-te'] } },
        { id: 'xa-2', name: 'Xã 2', region: 'dbsh', values: { score: 5, fields: [] } },
      ]),
    );
    const run = await ntm([
      'evaluate',
      communes,
      '--level',
      'hostile-required-loop',
      '--as-of',
      '2024-06-01',
      '--ruleset',
      corpus('required-target-loop/1-required.json'),
      '--ruleset',
      corpus('required-target-loop/2-requiring.json'),
    ]);
    expect(run.code).toBe(1);
    for (const [item, id] of [
      [1, 'xa-1'],
      [2, 'xa-2'],
    ]) {
      expect(run.stderr).toContain(
        `${communes}, mục ${item} (xã ${id}): Không tính được chỉ tiêu 1.1 (test/hostile-required-loop/2024) cho xã ${id}: đã dừng tính: biểu thức cần nhiều hơn hạn mức `,
      );
    }
    expect(run.stderr).toContain('(tại applicableIf.some[1].>[0].requiredTarget)');
    expect(run.stderr).not.toMatch(/unexpected|at .*\.ts:\d+/);
  });
});
