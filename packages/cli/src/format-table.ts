/** The terminal summary of `ntm evaluate` (format `table`): one line per commune, then the totals. */
import type { Evaluation } from '@nongthonmoi/core';
import { type Lang, SYMBOL, t, tierName, tierShort, tierStatus } from './i18n.js';
import { escapeControls } from './safe-text.js';

export interface TableOptions {
  lang: Lang;
  /** ANSI colours (only on a terminal, and never with NO_COLOR). */
  color?: boolean;
  /** The data file, for the title. */
  file?: string;
}

const COLOR = {
  met: '\x1b[32m',
  'not-met': '\x1b[31m',
  incomplete: '\x1b[33m',
  reset: '\x1b[0m',
  dim: '\x1b[2m',
};

/** Display width of a string (one column per code point once composed; no wide characters expected). */
function width(text: string): number {
  return [...text.normalize('NFC')].length;
}

function pad(text: string, size: number): string {
  return text + ' '.repeat(Math.max(0, size - width(text)));
}

function tiersOf(evaluation: Evaluation): Evaluation[] {
  return [...evaluation.prerequisites.flatMap(tiersOf), evaluation];
}

function criteriaWith(evaluation: Evaluation, status: 'not-met' | 'incomplete', lang: Lang): string {
  const parts: string[] = [];
  for (const tier of tiersOf(evaluation).reverse()) {
    const ids = tier.criteria.filter((c) => c.status === status).map((c) => c.id);
    if (ids.length === 0) continue;
    parts.push(tier === evaluation ? ids.join(', ') : `${tierShort(tier.level, lang)}: ${ids.join(', ')}`);
  }
  return parts.join(' · ');
}

export function formatTable(evaluations: readonly Evaluation[], options: TableOptions): string {
  const { lang } = options;
  const paint = (status: string, text: string) =>
    options.color ? `${COLOR[status as keyof typeof COLOR] ?? ''}${text}${COLOR.reset}` : text;
  const vi = lang === 'vi';
  const lines: string[] = [];
  const first = evaluations[0];
  if (first) {
    const rules = [first.ruleset.id, ...first.ruleset.overlays.map((o) => o.id)].join(' + ');
    lines.push(
      escapeControls(
        vi
          ? `${tierName(first.level, lang)} — ngày đánh giá ${first.asOf} — bộ tiêu chí ${rules} (${first.ruleset.basis[0]?.number ?? ''})`
          : `${tierName(first.level, lang)} — assessed on ${first.asOf} — rules ${rules} (${first.ruleset.basis[0]?.number ?? ''})`,
      ),
    );
    lines.push('');
  }
  const header = vi
    ? ['Mã', 'Xã', 'Kết quả', 'TC đạt', 'Tiêu chí chưa đạt', 'Chưa đủ căn cứ']
    : ['Id', 'Commune', 'Result', 'Met', 'Criteria not met', 'Incomplete'];
  const rows = evaluations.map((e) => {
    const prerequisites = e.prerequisites
      .map(
        (p) =>
          `${tierShort(p.level, lang)} ${SYMBOL[p.status]} ${p.counts.criteriaMet}/${p.counts.criteriaTotal}`,
      )
      .join(' ');
    return {
      status: e.status,
      // Ids and names come from the data: an escape sequence in one must not move the cursor or hide a row.
      cells: [
        e.commune.id,
        e.commune.name,
        `${SYMBOL[e.status]} ${tierStatus(e.status, lang)}${prerequisites ? ` (${prerequisites})` : ''}`,
        `${e.counts.criteriaMet}/${e.counts.criteriaTotal}`,
        criteriaWith(e, 'not-met', lang) || '—',
        criteriaWith(e, 'incomplete', lang) || '—',
      ].map((cell) => escapeControls(cell)),
    };
  });
  const widths = header.map((title, i) =>
    Math.max(width(title), ...rows.map((r) => width(r.cells[i] as string))),
  );
  const limit = [12, 30, 40, 7, 40, 60];
  const clip = (text: string, i: number) => {
    const max = limit[i] as number;
    return width(text) > max ? `${[...text].slice(0, max - 1).join('')}…` : text;
  };
  const sizes = widths.map((w, i) => Math.min(w, limit[i] as number));
  const line = (cells: string[], status?: string) =>
    cells
      .map((cell, i) => {
        const text = pad(clip(cell, i), sizes[i] as number);
        return i === 2 && status ? paint(status, text) : text;
      })
      .join('  ')
      .trimEnd();
  lines.push(line(header));
  lines.push(sizes.map((s) => '─'.repeat(s)).join('  '));
  for (const row of rows) lines.push(line(row.cells, row.status));
  lines.push('');
  const met = evaluations.filter((e) => e.status === 'met').length;
  const notMet = evaluations.filter((e) => e.status === 'not-met').length;
  const incomplete = evaluations.length - met - notMet;
  const notEvaluable = evaluations.reduce(
    (sum, e) => sum + tiersOf(e).reduce((s, tier) => s + tier.counts.indicatorsNotEvaluable, 0),
    0,
  );
  const missing = evaluations.reduce(
    (sum, e) => sum + tiersOf(e).reduce((s, tier) => s + tier.counts.indicatorsMissing, 0),
    0,
  );
  const unverified = evaluations.reduce(
    (sum, e) => sum + tiersOf(e).reduce((s, tier) => s + tier.counts.unverifiedTargets, 0),
    0,
  );
  lines.push(
    vi
      ? `${evaluations.length} xã: ${met} đạt, ${notMet} chưa đạt, ${incomplete} chưa đủ căn cứ.`
      : `${evaluations.length} communes: ${met} met, ${notMet} not met, ${incomplete} incomplete.`,
  );
  if (notEvaluable > 0) {
    lines.push(
      vi
        ? `Lưu ý: ${notEvaluable} lượt chỉ tiêu chưa đánh giá được vì mức mục tiêu chưa xác định (hoặc chưa kiểm chứng) trong bộ tiêu chí đã mã hóa; số liệu xã không khắc phục được.`
        : `Note: ${notEvaluable} indicator results could not be judged because the target is unknown (or unverified) in the encoded rules; the communes' data cannot fix that.`,
    );
  }
  if (missing > 0) {
    lines.push(
      vi
        ? `${missing} lượt chỉ tiêu thiếu số liệu (ô trống): cần bổ sung.`
        : `${missing} indicator results lack data (empty cells): fill them in.`,
    );
  }
  if (unverified > 0) {
    lines.push(
      vi
        ? `${unverified} lượt chỉ tiêu dùng mức chưa kiểm chứng với văn bản gốc (dùng --require-verified để coi là chưa đủ căn cứ).`
        : `${unverified} indicator results used a target not checked against its source (--require-verified treats them as not judged).`,
    );
  }
  const names = new Map<string, string>();
  for (const e of evaluations) {
    for (const tier of tiersOf(e)) {
      for (const c of tier.criteria) {
        if (c.status !== 'met')
          names.set(`${tier === e ? '' : `${tierShort(tier.level, lang)} `}${c.id}`, t(c.name, lang));
      }
    }
  }
  if (names.size > 0) {
    lines.push('');
    lines.push(vi ? 'Tiêu chí:' : 'Criteria:');
    for (const [id, name] of [...names.entries()].sort(([a], [b]) =>
      a.localeCompare(b, 'en', { numeric: true }),
    )) {
      lines.push(escapeControls(`  ${id}. ${name}`));
    }
  }
  return `${lines.join('\n')}\n`;
}
