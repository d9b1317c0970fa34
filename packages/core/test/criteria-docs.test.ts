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
    // Regions as columns, year spans as rows for income: one row, as the (assumed) bounds do not change.
    expect(page).toMatch(/\| Năm _\(year\)_ \| TDMNPB \| ĐBSH \| BTB \| DHNTB \| TN \| ĐNB \| ĐBSCL \|/);
    expect(page).toContain('| 2022–2025 | ≥ 36 (tối thiểu) ⚠ | ≥ 50 (tối thiểu) ⚠ |');
  });

  it('shows each value with its confidence, source and quote, and year spans where they change', () => {
    const page = generated.get('vn-xa-nang-cao-2021-2025.md') as string;
    for (const word of ['✔ chính thức', '◑ nguồn thứ cấp', '⚠ giả định', '— chưa có mức', '(tối thiểu)']) {
      expect(page).toContain(word);
    }
    expect(page).toContain('| 2022 | ≥ 36 (tối thiểu) ⚠ | ≥ 64 ◑ |');
    expect(page).toContain('| 2023 | ≥ 36 (tối thiểu) ⚠ | ≥ 68 ◑ |');
    expect(page).toContain('| 2024–2025 | ≥ 36 (tối thiểu) ⚠ | ≥ 68 (tối thiểu) ⚠ |');
    expect(page).toMatch(
      /- ĐBSH 2022, 2023: ◑ nguồn thứ cấp .* — «…năm 2022 từ 64 triệu đồng\/người trở lên/,
    );
    expect(page).toContain('<https://thongkethaibinh.gov.vn/');
    expect(page).toContain('giữ chỗ _(placeholder)_');
  });

  it('shows commune groups as columns and their definitions for an edition keyed by group', () => {
    const page = generated.get('vn-xa-ntm-2026-2030.md') as string;
    expect(page).toContain('## Nhóm xã _(commune groups)_');
    for (const group of ['nhom-1', 'nhom-2', 'nhom-3']) expect(page).toContain(`| \`${group}\` (Xã nhóm`);
    expect(page).toContain('| Mức _(target)_ | giữ chỗ _(placeholder)_ ? |');
    expect(page).toContain('Mọi nhóm xã _(all commune groups)_');
    expect(page).toContain('ntm rules import');
  });

  it('marks the cells a province sets', () => {
    const page = generated.get('provinces-nam-dinh-xa-kieu-mau-2022.md') as string;
    expect(page).toContain('| 2023 | ≥ 83 ◑ † |');
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

  it('lists every target that is not official in pending-verification.md, under its confidence', () => {
    const page = generated.get('pending-verification.md') as string;
    const section = (title: string, next: string | null) =>
      page.slice(page.indexOf(`## ${title}`), next ? page.indexOf(`## ${next}`) : undefined);
    const sections = {
      placeholder: section('Chỉ tiêu giữ chỗ', 'Chưa có mức'),
      unknown: section('Chưa có mức', 'Mức giả định'),
      assumed: section('Mức giả định', 'Mức theo nguồn thứ cấp'),
      secondary: section('Mức theo nguồn thứ cấp', null),
    };
    for (const text of Object.values(sections)) expect(text).toContain('**Cần cung cấp _(to supply)_:**');
    const inNtm = (text: string) =>
      text.slice(
        text.indexOf('### vn/xa-ntm/2021-2025'),
        text.indexOf('### ', text.indexOf('### vn/xa-ntm/2021-2025') + 4),
      );
    for (const level of ['nang-cao', 'ntm'] as const) {
      const detail = getRuleset(level, { asOf: '2023-03-08' });
      for (const indicator of detail.indicators) {
        const kinds = new Set(
          indicator.placeholder
            ? ['placeholder']
            : indicator.targets.length === 0
              ? [indicator.confidence]
              : indicator.targets.map((row) => (row.value === null ? 'unknown' : row.confidence)),
        );
        for (const kind of kinds) {
          if (kind === 'official') continue;
          const text = sections[kind as keyof typeof sections];
          expect(text, `${level} ${indicator.id} (${kind})`).toContain(`| ${indicator.id}. `);
        }
      }
    }
    // 17.1 has no known target; income is an assumed lower bound; 3.1 is secondary.
    expect(inNtm(sections.unknown)).toContain('| 17.1. ');
    expect(inNtm(sections.assumed)).toMatch(/\| 10\. Thu nhập .*\| ≥ 50 \(tối thiểu\) \|/);
    expect(inNtm(sections.secondary)).toContain('| 3.1. ');
    expect(inNtm(sections.secondary)).not.toContain('| 17.1. ');
  });
});
