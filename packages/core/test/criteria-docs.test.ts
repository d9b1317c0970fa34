import { describe, expect, it } from 'vitest';
import {
  DOCS_DIR,
  generateCriteriaDocs,
  loadCatalog,
  REGENERATE,
  readCommittedDocs,
  slugOf,
} from '../scripts/gen-criteria-docs.js';
import { getRuleset, listRulesets } from '../src/index.js';

const generated = generateCriteriaDocs();

describe('criteria catalog (docs/criteria)', () => {
  it('is up to date with the rule files', () => {
    const committed = readCommittedDocs();
    const missing = [...generated.keys()].filter((name) => !committed.has(name));
    const stale = [...generated.keys()].filter(
      (name) => committed.has(name) && committed.get(name) !== generated.get(name),
    );
    const extra = [...committed.keys()].filter((name) => !generated.has(name));
    const problems = [
      ...missing.map((name) => `missing: ${name}`),
      ...stale.map((name) => `out of date: ${name}`),
      ...extra.map((name) => `no longer generated: ${name}`),
    ];
    if (problems.length > 0) {
      throw new Error(
        `docs/criteria (${DOCS_DIR}) does not match the rule files:\n  ${problems.join('\n  ')}\nrun \`${REGENERATE}\``,
      );
    }
  });

  it('is deterministic', () => {
    expect(generateCriteriaDocs()).toEqual(generated);
    for (const content of generated.values()) expect(content).not.toMatch(/\d{4}-\d{2}-\d{2}T\d{2}:/);
  });

  it('has one page per edition and overlay, listed in the index with its coverage note', () => {
    const index = generated.get('index.md') as string;
    for (const summary of listRulesets()) {
      const page = generated.get(`${slugOf(summary.id)}.md`);
      expect(page, summary.id).toBeDefined();
      expect(index).toContain(`(${slugOf(summary.id)}.md)`);
      if (summary.coverage) {
        expect(page).toContain(summary.coverage.note.vi);
        expect(index).toContain(summary.coverage.note.en);
      }
    }
  });

  it('shows every criterion and indicator of an edition with its citation', () => {
    const page = generated.get('vn-xa-ntm-2021-2025.md') as string;
    const detail = getRuleset('ntm', { asOf: '2022-03-08' });
    for (const criterion of detail.criteria)
      expect(page).toContain(`Tiêu chí _(criterion)_ ${criterion.id}. `);
    for (const indicator of detail.indicators) {
      expect(page).toContain(`#### ${indicator.id}. ${indicator.name.vi}`);
      expect(page).toContain(indicator.citation.document);
    }
    // Regions as columns, years as rows for income.
    expect(page).toMatch(/\| Năm _\(year\)_ \| TDMNPB \| ĐBSH \| BTB \| DHNTB \| TN \| ĐNB \| ĐBSCL \|/);
    expect(page).toContain('| 2022 | ≥ 36 ⚠ | ≥ 50 ⚠ |');
  });

  it('marks the cells a province sets', () => {
    const page = generated.get('provinces-nam-dinh-xa-kieu-mau-2022.md') as string;
    expect(page).toContain('| 2023 | ≥ 83 ⚠ † |');
    expect(page).toContain('KM.3-ND.4');
  });

  it('has a diff page per pair of consecutive editions and per overlay and national edition', () => {
    const names = [...generated.keys()].filter((name) => name.startsWith('diff-'));
    expect(names).toEqual(
      expect.arrayContaining([
        'diff-vn-xa-ntm-2021-2025--vn-xa-ntm-2024.md',
        'diff-vn-xa-ntm-2024--vn-xa-ntm-2026-2030.md',
        'diff-vn-xa-nang-cao-2021-2025--vn-xa-nang-cao-2024.md',
        'diff-vn-xa-kieu-mau-2021-2025--provinces-nam-dinh-xa-kieu-mau-2022.md',
        'diff-vn-xa-ntm-2021-2025--provinces-quang-binh-xa-ntm-2022.md',
        'diff-vn-xa-ntm-2024--provinces-quang-binh-xa-ntm-2022.md',
      ]),
    );
    expect(names).toHaveLength(loadCatalog().diffs.length);
  });

  it('lists every unverified or unknown target of a full edition in pending-verification.md', () => {
    const page = generated.get('pending-verification.md') as string;
    const detail = getRuleset('ntm', { asOf: '2022-03-08' });
    const pending = detail.indicators.filter(
      (indicator) =>
        (indicator.targets.length === 0 && !indicator.verified) ||
        indicator.targets.some((row) => !row.verified || row.value === null),
    );
    const section = page.slice(page.indexOf('## vn/xa-ntm/2021-2025'), page.indexOf('## vn/xa-ntm/2024'));
    for (const indicator of pending) expect(section).toContain(`| ${indicator.id}. `);
    expect(section).toContain(`${pending.length} chỉ tiêu`);
  });
});
