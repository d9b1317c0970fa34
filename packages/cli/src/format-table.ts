/**
 * Terminal summaries: `ntm evaluate` (format `table`: one line per commune, then the totals) and `ntm review`
 * (where each commune stands and why, the outlook by the deadline, the dossiers). Long labels are shortened at
 * a word boundary with an ellipsis, or wrapped; never cut in the middle of a word.
 */
import { type Evaluation, tiers, type UndecidedCause } from '@nongthonmoi/core';
import { formatGap, type Lang, SYMBOL, t, tierName, tierShort, tierStatus } from './i18n.js';
import { compareGaps, type GapRow, type ReviewData } from './review.js';
import {
  actualText,
  causeName,
  confidenceLegend,
  daysLeftWords,
  dossierName,
  formatDate,
  OUTLOOK_SHORT,
  outlookName,
  shorten,
  shownIndicatorId,
  targetText,
  wrapWords,
} from './review-words.js';
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

/** Lines of a table whose cells are shortened at word boundaries to their column's limit. */
function table(
  header: string[],
  rows: Array<{ cells: string[]; status?: string }>,
  limits: number[],
  paint: (status: string, text: string) => string,
  paintColumn: number,
): string[] {
  const clip = (text: string, i: number) => shorten(text, limits[i] ?? 80);
  const sizes = header.map((title, i) =>
    Math.max(width(clip(title, i)), ...rows.map((r) => width(clip(r.cells[i] as string, i)))),
  );
  const line = (cells: string[], status?: string) =>
    cells
      .map((cell, i) => {
        const text = pad(clip(cell, i), sizes[i] as number);
        return i === paintColumn && status ? paint(status, text) : text;
      })
      .join('  ')
      .trimEnd();
  return [
    line(header),
    sizes.map((s) => '─'.repeat(s)).join('  '),
    ...rows.map((r) => line(r.cells, r.status)),
  ];
}

/** Criteria of `status` over the tiers (the assessed tier first), e.g. "14, 17 · NTM: 6". */
function criteriaWith(evaluation: Evaluation, status: 'not-met' | 'incomplete', lang: Lang): string {
  const parts: string[] = [];
  for (const tier of tiers(evaluation).reverse()) {
    const ids = tier.criteria.filter((c) => c.status === status).map((c) => c.id);
    if (ids.length === 0) continue;
    parts.push(tier === evaluation ? ids.join(', ') : `${tierShort(tier.level, lang)}: ${ids.join(', ')}`);
  }
  return parts.join(' · ');
}

/** Undecided criteria grouped by cause: "2, 12 (chưa có mức chỉ tiêu chính thức) · 17 (thiếu số liệu)". */
function undecidedCriteria(evaluation: Evaluation, lang: Lang): string {
  const byCause = new Map<UndecidedCause, string[]>();
  for (const tier of tiers(evaluation).reverse()) {
    for (const criterion of tier.criteria) {
      if (criterion.status !== 'incomplete') continue;
      const cause = criterion.undecided?.cause ?? 'unknown-target';
      const ids = byCause.get(cause) ?? [];
      ids.push(tier === evaluation ? criterion.id : `${tierShort(tier.level, lang)} ${criterion.id}`);
      byCause.set(cause, ids);
    }
  }
  return [...byCause.entries()]
    .map(([cause, ids]) => `${ids.join(', ')} (${causeName(cause, lang)})`)
    .join(' · ');
}

function counted(
  evaluations: readonly Evaluation[],
  key: 'indicatorsNotEvaluable' | 'indicatorsMissing' | 'unverifiedTargets',
): number {
  return evaluations.reduce((sum, e) => sum + tiers(e).reduce((s, tier) => s + tier.counts[key], 0), 0);
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
    ? ['Mã', 'Xã', 'Kết quả', 'TC đạt', 'Tiêu chí chưa đạt', 'Chưa đủ căn cứ (vì sao)']
    : ['Id', 'Commune', 'Result', 'Met', 'Criteria not met', 'Undecided (why)'];
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
        undecidedCriteria(e, lang) || '—',
      ].map((cell) => escapeControls(cell)),
    };
  });
  lines.push(...table(header, rows, [12, 30, 40, 7, 40, 70], paint, 2));
  lines.push('');
  const met = evaluations.filter((e) => e.status === 'met').length;
  const notMet = evaluations.filter((e) => e.status === 'not-met').length;
  const incomplete = evaluations.length - met - notMet;
  const notEvaluable = counted(evaluations, 'indicatorsNotEvaluable');
  const missing = counted(evaluations, 'indicatorsMissing');
  const unverified = counted(evaluations, 'unverifiedTargets');
  lines.push(
    vi
      ? `${evaluations.length} xã: ${met} đạt, ${notMet} chưa đạt, ${incomplete} chưa đủ căn cứ.`
      : `${evaluations.length} communes: ${met} met, ${notMet} not met, ${incomplete} undecided.`,
  );
  if (notEvaluable > 0) {
    lines.push(
      vi
        ? `Lưu ý: ${notEvaluable} lượt chỉ tiêu chưa đánh giá được vì chưa có mức chỉ tiêu chính thức; số liệu của xã không khắc phục được.`
        : `Note: ${notEvaluable} indicator results could not be judged because no official target is known; the communes' data cannot fix that.`,
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
        ? `${unverified} lượt chỉ tiêu dùng mức chưa phải chính thức (nguồn thứ cấp hoặc giả định; --require-verified coi là chưa đủ căn cứ).`
        : `${unverified} indicator results used a target that is not official (secondary or assumed; --require-verified treats them as not judged).`,
    );
  }
  const names = new Map<string, string>();
  for (const e of evaluations) {
    for (const tier of tiers(e)) {
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

const REVIEW_WIDTH = 100;

/** A line that may be long, wrapped at word boundaries with `indent` before its continuation lines. */
function wrapped(text: string, indent: string, first = ''): string[] {
  return wrapWords(text, REVIEW_WIDTH - indent.length).map((line, i) => `${i === 0 ? first : indent}${line}`);
}

/** One gap as a line of the agenda: commune, indicator, value / target, gap, projected date, owner. */
function gapLine(gap: GapRow, lang: Lang, multi: boolean): string {
  const vi = lang === 'vi';
  const actual = actualText(gap, lang) || (vi ? 'không đạt' : 'not met');
  const left = formatGap(gap.gap, gap.unit, lang);
  const when = gap.projected
    ? vi
      ? ` — dự kiến đạt ${formatDate(gap.projected, lang)}`
      : ` — projected ${formatDate(gap.projected, lang)}`
    : '';
  const owner = gap.owner ? ` → ${gap.owner}` : '';
  const id = `${multi ? `${tierShort(gap.level, lang)} ` : ''}${shownIndicatorId(gap.indicator)}`.trim();
  return `${gap.communeName} · ${id ? `${id} ` : ''}${shorten(t(gap.name, lang), 60)}: ${actual} / ${vi ? 'cần' : 'target'} ${targetText(gap, lang)}${left ? ` (${left})` : ''}${when}${owner}`;
}

/**
 * The terminal summary of `ntm review`: the meeting's answers in a screenful. Where each commune stands and
 * what holds it back (its own gaps, missing data, or targets nobody knows yet), the outlook of the gaps by the
 * deadline (off-track first), the dossiers at risk, and how sure the targets are.
 */
export function formatReviewSummary(review: ReviewData, options: { color?: boolean } = {}): string {
  const lang = review.lang;
  const vi = lang === 'vi';
  const paint = (status: string, text: string) =>
    options.color ? `${COLOR[status as keyof typeof COLOR] ?? ''}${text}${COLOR.reset}` : text;
  const lines: string[] = [];
  const multi =
    new Set(review.gaps.map((g) => g.level)).size > 1 ||
    review.evaluations.some((e) => e.prerequisites.length > 0);
  lines.push(
    `${vi ? 'Rà soát' : 'Review'}: ${tierName(review.level, lang)}${review.place ? ` — ${review.place}` : ''}`,
  );
  if (review.illustrative) lines.push(`*** ${t(review.illustrative, lang)} ***`);
  const earlier = review.snapshots.slice(0, -1).map((s) => formatDate(s.asOf, lang));
  const when = [
    `${vi ? 'Số liệu ngày' : 'Data of'} ${formatDate(review.asOf, lang)}`,
    earlier.length > 0 ? `${vi ? 'các lần trước' : 'earlier'}: ${earlier.join(', ')}` : '',
    review.deadline
      ? `${vi ? 'hạn' : 'deadline'} ${formatDate(review.deadline, lang)} (${daysLeftWords(review.forecast?.daysLeft ?? 0, lang)})`
      : '',
  ].filter(Boolean);
  lines.push(when.join(' · '));
  lines.push('');

  const header = vi
    ? [
        'Xã',
        'Kết quả',
        'TC đạt',
        'Vướng',
        ...(review.forecast ? ['Triển vọng'] : []),
        ...(review.dossiers ? ['Hồ sơ đủ'] : []),
      ]
    : [
        'Commune',
        'Result',
        'Met',
        'Held back by',
        ...(review.forecast ? ['Outlook'] : []),
        ...(review.dossiers ? ['Dossiers'] : []),
      ];
  const heldBack = (c: ReviewData['communes'][number]): string => {
    const parts: string[] = [];
    if (c.unmet > 0) parts.push(vi ? `${c.unmet} chỉ tiêu chưa đạt` : `${c.unmet} not met`);
    if (c.missingData > 0)
      parts.push(vi ? `${c.missingData} thiếu số liệu` : `${c.missingData} data missing`);
    if (c.unknownTargets > 0)
      parts.push(
        vi ? `${c.unknownTargets} chưa có mức chính thức` : `${c.unknownTargets} no official target`,
      );
    return parts.join('; ') || '—';
  };
  const rows = review.communes.map((c) => ({
    status: c.status,
    cells: [
      c.name,
      `${SYMBOL[c.status]} ${tierStatus(c.status, lang)}`,
      `${c.criteriaMet}/${c.criteriaTotal}`,
      heldBack(c),
      ...(review.forecast ? [c.outlook ? t(OUTLOOK_SHORT[c.outlook], lang) : ''] : []),
      ...(review.dossiers ? [c.dossiers ? `${c.dossiers.complete}/${c.dossiers.total}` : ''] : []),
    ].map((cell) => escapeControls(cell)),
  }));
  lines.push(...table(header, rows, [24, 18, 7, 48, 28, 9], paint, 1));
  lines.push('');

  const { totals } = review.summary;
  lines.push(
    vi
      ? `${totals.communes} xã: ${totals.met} đạt, ${totals.notMet} chưa đạt, ${totals.incomplete} chưa đủ căn cứ.`
      : `${totals.communes} communes: ${totals.met} met, ${totals.notMet} not met, ${totals.incomplete} undecided.`,
  );
  const groups: Array<[string, string[]]> = [
    [
      vi
        ? 'Chỉ vướng vì chưa có mức chỉ tiêu chính thức (số liệu của xã đã đủ; cần văn bản hướng dẫn, không cần xã bổ sung)'
        : 'Held back only by targets with no official value (their data is complete: guidance is needed, not data)',
      review.communes.filter((c) => c.blockedBy === 'unknown-target').map((c) => c.name),
    ],
    [
      vi ? 'Thiếu số liệu của xã (cần bổ sung)' : 'Data missing (the commune must supply it)',
      review.communes
        .filter((c) => c.blockedBy === 'missing-data' || c.blockedBy === 'both')
        .map((c) => c.name),
    ],
    [
      vi ? 'Vướng chỉ tiêu chưa đạt của chính xã' : 'Held back by their own unmet indicators',
      review.communes.filter((c) => c.blockedBy === 'own-gaps').map((c) => c.name),
    ],
  ];
  for (const [label, names] of groups) {
    if (names.length > 0) lines.push(...wrapped(`${label}: ${names.join(', ')}.`, '    ', '  - '));
  }

  if (review.forecast) {
    const report = review.forecast;
    lines.push('');
    // Gaps that cannot be judged are counted with their cause further down, not as an outlook.
    const counts = Object.entries(report.totals.gaps)
      .filter(([outlook, n]) => n > 0 && outlook !== 'unknown-target' && outlook !== 'missing-data')
      .map(
        ([outlook, n]) =>
          `${n} ${outlookName(outlook as keyof typeof report.totals.gaps, lang).toLowerCase()}`,
      );
    lines.push(
      ...wrapped(
        `${vi ? 'Dự báo đến hạn' : 'Outlook by'} ${formatDate(report.deadline, lang)} (${daysLeftWords(report.daysLeft, lang)}${vi ? ', theo tốc độ qua' : ', at the pace over'} ${report.snapshots.length} ${vi ? 'lần rà soát' : 'reviews'}): ${counts.join(', ') || (vi ? 'không còn chỉ tiêu nào' : 'nothing left')}.`,
        '  ',
      ),
    );
    const agenda = review.gaps.filter((g) => g.outlook && g.outlook !== 'on-track').sort(compareGaps);
    for (const outlook of ['off-track', 'stalled', 'at-risk', 'insufficient-data'] as const) {
      const items = agenda.filter((g) => g.outlook === outlook);
      if (items.length === 0) continue;
      lines.push(`  ${outlookName(outlook, lang)} (${items.length}):`);
      for (const gap of items)
        lines.push(...wrapped(escapeControls(gapLine(gap, lang, multi)), '      ', '    - '));
    }
    // Yes/no and composite gaps have no pace: one line per commune, with who acts.
    const actions = agenda.filter((g) => g.outlook === 'needs-action');
    if (actions.length > 0) {
      lines.push(`  ${outlookName('needs-action', lang)} (${actions.length}):`);
      const byCommune = new Map<string, GapRow[]>();
      for (const gap of actions)
        byCommune.set(gap.communeName, [...(byCommune.get(gap.communeName) ?? []), gap]);
      for (const [commune, gaps] of byCommune) {
        const items = gaps.map((g) => {
          const id = shownIndicatorId(g.indicator) || shorten(t(g.name, lang), 40);
          return `${multi ? `${tierShort(g.level, lang)} ` : ''}${id}${g.owner ? ` (${g.owner})` : ''}`;
        });
        lines.push(...wrapped(escapeControls(`${commune}: ${items.join('; ')}`), '      ', '    - '));
      }
    }
    const onTrack = review.gaps.filter((g) => g.outlook === 'on-track').length;
    if (onTrack > 0) {
      lines.push(
        vi
          ? `  ${outlookName('on-track', lang)}: ${onTrack} chỉ tiêu (chi tiết trong báo cáo).`
          : `  ${outlookName('on-track', lang)}: ${onTrack} indicators (details in the report).`,
      );
    }
  } else if (review.gaps.length > 0) {
    lines.push('');
    lines.push(vi ? 'Chỉ tiêu chưa đạt:' : 'Indicators not met:');
    for (const gap of review.gaps)
      lines.push(...wrapped(escapeControls(gapLine(gap, lang, multi)), '    ', '  - '));
  }

  if (review.dossiers) {
    const d = review.dossiers;
    lines.push('');
    lines.push(
      ...wrapped(
        vi
          ? `Hồ sơ: ${d.totals.complete}/${d.totals.criteria} tiêu chí ${dossierName('complete', lang).toLowerCase()}; ${d.totals.metIncomplete} tiêu chí đạt nhưng hồ sơ chưa đủ; ${d.totals.completeNotMet} hồ sơ đủ nhưng tiêu chí chưa đạt (cần kiểm tra số liệu).`
          : `Dossiers: ${d.totals.complete}/${d.totals.criteria} criteria complete; ${d.totals.metIncomplete} criteria met with an incomplete dossier; ${d.totals.completeNotMet} complete dossiers whose criterion is not met (check the data).`,
        '  ',
      ),
    );
    for (const commune of d.communes) {
      // Met but not ready, by the dossier's state: the ones in hand first, the ones nobody listed last.
      const byState = new Map<string, string[]>();
      for (const state of ['in-progress', 'missing', null] as const) {
        const ids = commune.metIncomplete.filter((e) => e.dossier === state).map((e) => e.criterion);
        if (ids.length > 0) byState.set(dossierName(state, lang).toLowerCase(), ids);
      }
      const met = [...byState.entries()].map(([state, ids], i) =>
        i === 0
          ? `${vi ? 'đạt nhưng hồ sơ' : 'met, dossier'} ${state}: ${ids.join(', ')}`
          : `${state}: ${ids.join(', ')}`,
      );
      const parts = [
        ...(commune.completeNotMet.length > 0
          ? [
              `${vi ? 'hồ sơ đủ nhưng chưa đạt' : 'complete but not met'}: ${commune.completeNotMet.map((e) => e.criterion).join(', ')}`,
            ]
          : []),
        ...met,
      ];
      if (parts.length > 0) {
        lines.push(...wrapped(escapeControls(`${commune.name} — ${parts.join('; ')}`), '      ', '  - '));
      }
    }
  }

  const undecided = review.notJudged;
  if (undecided.length > 0) {
    lines.push('');
    const unknown = [
      ...new Set(
        undecided
          .filter((g) => g.status === 'not-evaluable')
          .map((g) => `${multi ? `${tierShort(g.level, lang)} ` : ''}${g.indicator}`),
      ),
    ];
    const missing = undecided.filter((g) => g.status === 'missing').length;
    const parts = [
      unknown.length > 0
        ? vi
          ? `${unknown.length} chỉ tiêu chưa có mức chỉ tiêu chính thức (${unknown.join(', ')}): số liệu của xã không khắc phục được`
          : `${unknown.length} indicators with no official target (${unknown.join(', ')}): no data can fix them`
        : '',
      missing > 0
        ? vi
          ? `${missing} lượt chỉ tiêu thiếu số liệu: xã cần bổ sung`
          : `${missing} indicator results with data missing: the communes must supply them`
        : '',
    ].filter(Boolean);
    lines.push(...wrapped(`${vi ? 'Chưa đánh giá được' : 'Not judged'}: ${parts.join('; ')}.`, '  '));
  }
  if (review.unverifiedTargets > 0) {
    lines.push(...wrapped(confidenceLegend(lang), '  '));
  }
  if (review.problems.length > 0) {
    lines.push('');
    lines.push(
      vi
        ? `${review.problems.length} lỗi ở các tệp đầu vào (liệt kê ở trên và trong báo cáo).`
        : `${review.problems.length} problems in the input files (listed above and in the report).`,
    );
  }
  return `${lines.join('\n')}\n`;
}
