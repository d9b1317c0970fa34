/**
 * The district review report as ONE self-contained HTML file: evaluations embedded as JSON, the scorecard
 * web components inlined in a <script type="module"> when their bundle is available, and plain HTML tables
 * for everything (they are what prints on A4 and what shows when scripts cannot run). Nothing is loaded
 * from the network.
 */
import type { CriterionStatus, Evaluation, TierStatus } from '@nongthonmoi/core';
import {
  DIRECTION,
  formatGap,
  formatNumber,
  formatTarget,
  formatValue,
  indicatorStatus,
  type Lang,
  SYMBOL,
  t,
  tierName,
  tierShort,
  tierStatus,
} from '../i18n.js';
import { type GapRow, gapsByOwner, type ReviewData } from '../review.js';
import { escapeControls, escapeControlsDeep } from '../safe-text.js';
import type { ScorecardBundle } from './scorecard-bundle.js';

export function escapeHtml(value: unknown): string {
  return String(value ?? '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

/**
 * Text in the page: HTML-escaped, and with control and bidi characters shown as escapes (`\u202E`), so that a
 * name from the data can neither reorder what the reader sees nor hide text.
 */
const h = (value: unknown): string => escapeHtml(escapeControls(String(value ?? ''), { keepLines: true }));

/** JSON that is safe inside a <script> element (no "</script>", no "<!--"). */
export function scriptJson(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}

/** Module code that is safe inside a <script> element. */
function scriptCode(code: string): string {
  return code.replace(/<\/(script)/gi, '<\\/$1').replace(/<!--/g, '<\\!--');
}

function isoDate(iso: string, lang: Lang): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  if (!match) return iso;
  return lang === 'en' ? `${match[1]}-${match[2]}-${match[3]}` : `${match[3]}/${match[2]}/${match[1]}`;
}

function tiersOf(evaluation: Evaluation): Evaluation[] {
  return [...evaluation.prerequisites.flatMap(tiersOf), evaluation];
}

function statusClass(status: TierStatus | CriterionStatus | string): string {
  return status === 'met' ? 'ok' : status === 'not-met' ? 'no' : 'na';
}

function badge(status: TierStatus, lang: Lang): string {
  return `<span class="badge ${statusClass(status)}">${SYMBOL[status]} ${h(tierStatus(status, lang))}</span>`;
}

const WORDS = {
  vi: {
    title: (tier: string) => `Báo cáo rà soát tiêu chí ${tier}`,
    asOf: 'Ngày đánh giá',
    previous: 'So với số liệu ngày',
    rules: 'Bộ tiêu chí áp dụng',
    overview: 'Tổng quan',
    communes: 'Số xã',
    met: 'Đạt',
    notMet: 'Chưa đạt',
    incomplete: 'Chưa đủ căn cứ',
    average: 'Bình quân tiêu chí đạt',
    board: 'Bảng tổng hợp tiêu chí theo xã',
    commune: 'Xã',
    result: 'Kết quả',
    criteriaMet: 'Tiêu chí đạt',
    legend: 'Ký hiệu: ✔ đạt · ✘ chưa đạt · ? chưa đủ căn cứ (thiếu số liệu hoặc chưa xác định được mức).',
    criteriaNames: 'Tên tiêu chí',
    gaps: 'Chỉ tiêu chưa đạt và phần còn thiếu',
    noGaps: 'Không có chỉ tiêu nào chưa đạt.',
    tier: 'Cấp',
    criterion: 'Tiêu chí',
    indicator: 'Chỉ tiêu',
    actual: 'Hiện trạng',
    target: 'Mục tiêu',
    gap: 'Còn thiếu',
    owner: 'Phụ trách',
    unassigned: 'Chưa phân công',
    notJudged: 'Chỉ tiêu chưa đánh giá được',
    notEvaluableIntro: (n: number, k: number) =>
      `${n} lượt chỉ tiêu (${k} chỉ tiêu) không đánh giá được vì mức mục tiêu chưa xác định hoặc chưa được kiểm chứng trong bộ tiêu chí đã mã hóa. Số liệu của xã không khắc phục được; cần đối chiếu văn bản hướng dẫn của bộ, ngành, tỉnh. Vì vậy nhiều xã có kết quả "chưa đủ căn cứ" dù số liệu đầy đủ.`,
    missingIntro: (n: number) => `${n} lượt chỉ tiêu thiếu số liệu: cần bổ sung vào tệp dữ liệu.`,
    unverifiedNote: (n: number) =>
      `${n} lượt chỉ tiêu được đánh giá theo mức chưa kiểm chứng với văn bản gốc (đánh dấu *): kết quả chỉ để tham khảo, chưa thay thế thẩm định chính thức.`,
    reason: 'Lý do',
    affected: 'Xã liên quan',
    missingData: 'Thiếu số liệu',
    unknownTarget: 'Chưa xác định được mức',
    progress: 'Tiến độ so với lần trước',
    before: 'Lần trước',
    now: 'Lần này',
    trend: 'Xu hướng',
    newlyMetCriteria: 'Tiêu chí mới đạt',
    lostCriteria: 'Tiêu chí không còn đạt',
    progressTotals: (p: NonNullable<ReviewData['progress']>['totals']) =>
      `${p.improved} xã tiến bộ, ${p.worsened} xã đi xuống, ${p.unchanged + p.changed} xã không đổi hoặc chỉ đổi số liệu; ${p.newlyMet} xã mới đạt chuẩn; ${p.gapsClosed} khoảng cách được thu hẹp, ${p.gapsWidened} bị nới rộng.`,
    indicatorChanges: 'Chỉ tiêu thay đổi',
    criteriaProgress: 'Số xã đạt từng tiêu chí',
    added: 'Xã mới có trong lần này',
    removed: 'Xã không còn trong lần này',
    rulesetChanged: 'bộ tiêu chí khác lần trước',
    byOwner: 'Việc còn lại theo đơn vị phụ trách',
    cards: 'Phiếu đánh giá từng xã',
    problems: 'Dòng dữ liệu chưa đánh giá được',
    problemsIntro: 'Các dòng sau có lỗi nên chưa được đánh giá; các dòng khác vẫn được đánh giá bình thường.',
    file: 'Tệp',
    row: 'Dòng',
    column: 'Cột',
    value: 'Giá trị',
    generated: 'Lập lúc',
    data: 'Dữ liệu',
    interactive: 'Bản tương tác (phiếu điện tử) có trong tệp này; khi in chỉ in các bảng.',
    noInteractive: (why: string) => `Không kèm phiếu tương tác (${why}); các bảng dưới đây đầy đủ nội dung.`,
    disclaimer:
      'Báo cáo do công cụ ntm lập tự động từ số liệu nhập; không thay thế hồ sơ thẩm định, công nhận theo quy định.',
    criteriaOf: (tier: string) => `Các tiêu chí ${tier} chưa đạt`,
    allMet: 'Tất cả tiêu chí đạt',
    unverified: '* mức chưa kiểm chứng',
    prerequisite: 'Cấp nền',
  },
  en: {
    title: (tier: string) => `Criteria review: ${tier}`,
    asOf: 'Assessment date',
    previous: 'Compared with data of',
    rules: 'Rules applied',
    overview: 'Overview',
    communes: 'Communes',
    met: 'Met',
    notMet: 'Not met',
    incomplete: 'Incomplete',
    average: 'Average criteria met',
    board: 'Criteria by commune',
    commune: 'Commune',
    result: 'Result',
    criteriaMet: 'Criteria met',
    legend: 'Legend: ✔ met · ✘ not met · ? incomplete (missing data or unknown target).',
    criteriaNames: 'Criteria',
    gaps: 'Indicators not met and what is left',
    noGaps: 'No indicator is unmet.',
    tier: 'Tier',
    criterion: 'Criterion',
    indicator: 'Indicator',
    actual: 'Actual',
    target: 'Target',
    gap: 'Gap',
    owner: 'Owner',
    unassigned: 'Unassigned',
    notJudged: 'Indicators that could not be judged',
    notEvaluableIntro: (n: number, k: number) =>
      `${n} indicator results (${k} indicators) could not be judged because the target is unknown or unverified in the encoded rules. The communes' data cannot fix this; check the ministries' and the province's guidance. This is why many communes are "incomplete" even with complete data.`,
    missingIntro: (n: number) => `${n} indicator results lack data: add it to the data file.`,
    unverifiedNote: (n: number) =>
      `${n} indicator results used a target not yet checked against its source (marked *): indicative only, not an official appraisal.`,
    reason: 'Reason',
    affected: 'Communes',
    missingData: 'No data',
    unknownTarget: 'Target unknown',
    progress: 'Progress since the previous review',
    before: 'Before',
    now: 'Now',
    trend: 'Trend',
    newlyMetCriteria: 'Criteria newly met',
    lostCriteria: 'Criteria no longer met',
    progressTotals: (p: NonNullable<ReviewData['progress']>['totals']) =>
      `${p.improved} communes improved, ${p.worsened} worsened, ${p.unchanged + p.changed} unchanged or with data changes only; ${p.newlyMet} newly met the tier; ${p.gapsClosed} gaps narrowed, ${p.gapsWidened} widened.`,
    indicatorChanges: 'Indicators that changed',
    criteriaProgress: 'Communes meeting each criterion',
    added: 'Communes new in this review',
    removed: 'Communes no longer in this review',
    rulesetChanged: 'rules differ from last time',
    byOwner: 'Remaining work by owner',
    cards: 'Commune scorecards',
    problems: 'Rows that could not be evaluated',
    problemsIntro: 'These rows have errors and were not evaluated; the other rows were.',
    file: 'File',
    row: 'Row',
    column: 'Column',
    value: 'Value',
    generated: 'Generated',
    data: 'Data',
    interactive: 'Interactive scorecards are included; printing prints the tables.',
    noInteractive: (why: string) => `No interactive scorecards (${why}); the tables below are complete.`,
    disclaimer:
      'Generated by the ntm tool from the data entered; it does not replace the official appraisal and recognition files.',
    criteriaOf: (tier: string) => `${tier} criteria not met`,
    allMet: 'All criteria met',
    unverified: '* unverified target',
    prerequisite: 'Prerequisite',
  },
} as const;

type Words = (typeof WORDS)['vi'] | (typeof WORDS)['en'];

const CSS = `
:root { --ok: #1b7f3b; --ok-bg: #e3f4e8; --no: #b3261e; --no-bg: #fbe4e2; --na: #8a5a00; --na-bg: #fdf0d5;
  --line: #c9ced6; --muted: #5b6470; font-family: "Segoe UI", Roboto, "Noto Sans", Arial, sans-serif; }
body { margin: 0 auto; max-width: 1200px; padding: 16px 24px 48px; color: #1d232b; line-height: 1.45; }
h1 { font-size: 1.5rem; margin: 0 0 4px; } h2 { font-size: 1.2rem; margin: 28px 0 8px; border-bottom: 2px solid #1d232b; padding-bottom: 2px; }
h3 { font-size: 1rem; margin: 16px 0 6px; }
.meta { color: var(--muted); margin: 2px 0; }
table { border-collapse: collapse; width: 100%; margin: 6px 0 12px; font-size: 0.9rem; }
th, td { border: 1px solid var(--line); padding: 3px 6px; vertical-align: top; text-align: left; }
th { background: #eef1f5; }
td.num, th.num { text-align: right; white-space: nowrap; }
td.c, th.c { text-align: center; padding: 3px 2px; }
.matrix td.c { width: 1.6em; font-weight: 600; }
.ok { color: var(--ok); } .no { color: var(--no); } .na { color: var(--na); }
td.ok { background: var(--ok-bg); } td.no { background: var(--no-bg); } td.na { background: var(--na-bg); }
.badge { display: inline-block; padding: 0 6px; border-radius: 8px; font-weight: 600; white-space: nowrap; }
.badge.ok { background: var(--ok-bg); } .badge.no { background: var(--no-bg); } .badge.na { background: var(--na-bg); }
.cards { display: flex; gap: 12px; flex-wrap: wrap; margin: 8px 0; }
.card { border: 1px solid var(--line); border-radius: 6px; padding: 8px 14px; min-width: 120px; }
.card b { display: block; font-size: 1.6rem; }
.note { background: #f5f7fa; border-left: 4px solid var(--na); padding: 6px 10px; margin: 8px 0; }
.legend { color: var(--muted); font-size: 0.85rem; }
.names { columns: 2; font-size: 0.85rem; color: var(--muted); margin: 0; padding-left: 18px; }
.commune { margin: 12px 0 20px; }
.commune h3 { margin-bottom: 2px; }
.star { color: var(--na); }
html.static .interactive { display: none; }
html.enhanced .fallback-screen { display: none; }
ntm-district-board, ntm-scorecard { display: block; margin: 8px 0 16px; }
footer { margin-top: 32px; color: var(--muted); font-size: 0.85rem; border-top: 1px solid var(--line); padding-top: 8px; }
@page { size: A4 portrait; margin: 12mm 10mm; }
@media print {
  body { max-width: none; padding: 0; font-size: 9.5pt; }
  .interactive { display: none !important; }
  html.enhanced .fallback-screen { display: block !important; }
  html.enhanced table.fallback-screen { display: table !important; }
  h2 { break-after: avoid; } h3 { break-after: avoid; }
  thead { display: table-header-group; }
  tr, .card, .note { break-inside: avoid; }
  .commune { break-inside: avoid-page; }
  section.page { break-before: page; }
  table { font-size: 8.5pt; }
  th { background: #eef1f5 !important; -webkit-print-color-adjust: exact; print-color-adjust: exact; }
  td.ok, td.no, td.na, .badge { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
}
`;

function rulesetLine(review: ReviewData): string {
  return review.rulesets
    .map((ruleset) => {
      const basis = ruleset.basis[0]?.number;
      const overlays = ruleset.overlays.map(
        (overlay) => ` + ${h(overlay.id)}${overlay.basis[0] ? ` (${h(overlay.basis[0].number)})` : ''}`,
      );
      return `${h(t(ruleset.name, review.lang))} — <code>${h(ruleset.id)}</code>${basis ? ` (${h(basis)})` : ''}${overlays.join('')}`;
    })
    .join('<br>');
}

function gapCells(gap: GapRow, lang: Lang): string {
  const target = formatTarget(gap.target, gap.comparator, gap.unit, gap.requirement, lang);
  return `<td>${h(formatValue(gap.actual, gap.unit, lang))}</td><td>${h(target)}${gap.verified ? '' : ' <span class="star" title="unverified">*</span>'}</td><td class="num">${h(formatGap(gap.gap, gap.unit, lang))}</td>`;
}

function overview(review: ReviewData, w: Words): string {
  const { totals } = review.summary;
  const lang = review.lang;
  const notEvaluable = review.notJudged.filter((g) => g.status === 'not-evaluable');
  const missing = review.notJudged.filter((g) => g.status === 'missing');
  const notes: string[] = [];
  if (notEvaluable.length > 0) {
    notes.push(
      w.notEvaluableIntro(
        notEvaluable.length,
        new Set(notEvaluable.map((g) => `${g.level}:${g.indicator}`)).size,
      ),
    );
  }
  if (missing.length > 0) notes.push(w.missingIntro(missing.length));
  if (review.unverifiedTargets > 0) notes.push(w.unverifiedNote(review.unverifiedTargets));
  return `<section id="overview"><h2>${h(w.overview)}</h2>
<div class="cards">
<div class="card"><b>${totals.communes}</b>${h(w.communes)}</div>
<div class="card ok"><b>${totals.met}</b>${h(w.met)}</div>
<div class="card no"><b>${totals.notMet}</b>${h(w.notMet)}</div>
<div class="card na"><b>${totals.incomplete}</b>${h(w.incomplete)}</div>
<div class="card"><b>${h(formatNumber(totals.averageCriteriaMet, lang))}</b>${h(w.average)}</div>
</div>
${notes.map((note) => `<p class="note">${h(note)}</p>`).join('\n')}
</section>`;
}

function matrix(review: ReviewData, w: Words, hasBundle: boolean): string {
  const lang = review.lang;
  const columns: Array<{ level: string; id: string; name: string }> = [];
  const seen = new Set<string>();
  for (const evaluation of review.evaluations) {
    // The assessed tier first, then its prerequisites.
    for (const tier of [evaluation, ...tiersOf(evaluation).slice(0, -1).reverse()]) {
      for (const criterion of tier.criteria) {
        const key = `${tier.level}:${criterion.id}`;
        if (seen.has(key)) continue;
        seen.add(key);
        columns.push({ level: tier.level, id: criterion.id, name: t(criterion.name, lang) });
      }
    }
  }
  const levels = [...new Set(columns.map((c) => c.level))];
  const multi = levels.length > 1;
  const head1 = multi
    ? `<tr><th rowspan="2">${h(w.commune)}</th><th rowspan="2">${h(w.result)}</th><th rowspan="2" class="num">${h(w.criteriaMet)}</th>${levels
        .map(
          (level) =>
            `<th class="c" colspan="${columns.filter((c) => c.level === level).length}">${h(tierName(level, lang))}</th>`,
        )
        .join('')}</tr>`
    : '';
  const head2 = `<tr>${multi ? '' : `<th>${h(w.commune)}</th><th>${h(w.result)}</th><th class="num">${h(w.criteriaMet)}</th>`}${columns
    .map((c) => `<th class="c" title="${h(`${c.id}. ${c.name}`)}">${h(c.id)}</th>`)
    .join('')}</tr>`;
  const body = review.evaluations
    .map((evaluation) => {
      const byKey = new Map<string, CriterionStatus>();
      for (const tier of tiersOf(evaluation)) {
        for (const criterion of tier.criteria) byKey.set(`${tier.level}:${criterion.id}`, criterion.status);
      }
      const prereq = evaluation.prerequisites
        .map(
          (p) =>
            `<br><small>${h(tierShort(p.level, lang))}: ${SYMBOL[p.status]} ${p.counts.criteriaMet}/${p.counts.criteriaTotal}</small>`,
        )
        .join('');
      return `<tr><td>${h(evaluation.commune.name)}</td><td>${badge(evaluation.status, lang)}${prereq}</td><td class="num">${evaluation.counts.criteriaMet}/${evaluation.counts.criteriaTotal}</td>${columns
        .map((c) => {
          const status = byKey.get(`${c.level}:${c.id}`);
          return status
            ? `<td class="c ${statusClass(status)}" title="${h(`${c.id}. ${c.name}: ${tierStatus(status, lang)}`)}">${SYMBOL[status]}</td>`
            : '<td class="c"></td>';
        })
        .join('')}</tr>`;
    })
    .join('\n');
  const names = levels
    .map(
      (level) =>
        `${multi ? `<h3>${h(tierName(level, lang))}</h3>` : ''}<ol class="names">${columns
          .filter((c) => c.level === level)
          .map((c) => `<li value="${/^\d+$/.test(c.id) ? c.id : ''}">${h(c.id)}. ${h(c.name)}</li>`)
          .join('')}</ol>`,
    )
    .join('');
  return `<section id="board"><h2>${h(w.board)}</h2>
${hasBundle ? `<div class="interactive"><ntm-district-board lang="${lang}" theme="light" heading-level="3"></ntm-district-board></div>` : ''}
<div class="${hasBundle ? 'fallback-screen' : ''}">
<table class="matrix"><thead>${head1}${head2}</thead><tbody>
${body}
</tbody></table>
<p class="legend">${h(w.legend)}</p>
<details open><summary>${h(w.criteriaNames)}</summary>${names}</details>
</div>
</section>`;
}

function gapsSection(review: ReviewData, w: Words): string {
  const lang = review.lang;
  const owners = review.files.owners !== null;
  if (review.gaps.length === 0)
    return `<section id="gaps"><h2>${h(w.gaps)}</h2><p>${h(w.noGaps)}</p></section>`;
  const byCommune = new Map<string, GapRow[]>();
  for (const gap of review.gaps) {
    const list = byCommune.get(gap.communeId) ?? [];
    list.push(gap);
    byCommune.set(gap.communeId, list);
  }
  const rows = [...byCommune.values()]
    .map((gaps) =>
      gaps
        .map(
          (gap, i) =>
            `<tr>${i === 0 ? `<td rowspan="${gaps.length}">${h(gap.communeName)}</td>` : ''}<td>${h(tierShort(gap.level, lang))}</td><td>${h(gap.criterion)}. ${h(t(gap.criterionName, lang))}</td><td>${h(gap.indicator)} ${h(t(gap.name, lang))}</td>${gapCells(gap, lang)}${owners ? `<td>${h(gap.owner ?? w.unassigned)}</td>` : ''}</tr>`,
        )
        .join('\n'),
    )
    .join('\n');
  return `<section id="gaps" class="page"><h2>${h(w.gaps)}</h2>
<table class="gaps"><thead><tr><th>${h(w.commune)}</th><th>${h(w.tier)}</th><th>${h(w.criterion)}</th><th>${h(w.indicator)}</th><th>${h(w.actual)}</th><th>${h(w.target)}</th><th class="num">${h(w.gap)}</th>${owners ? `<th>${h(w.owner)}</th>` : ''}</tr></thead>
<tbody>
${rows}
</tbody></table>
<p class="legend">${h(w.unverified)}</p>
</section>`;
}

function notJudgedSection(review: ReviewData, w: Words): string {
  if (review.notJudged.length === 0) return '';
  const lang = review.lang;
  const groups = new Map<string, { gap: GapRow; communes: string[] }>();
  for (const gap of review.notJudged) {
    const key = `${gap.status}|${gap.level}|${gap.indicator}`;
    const group = groups.get(key) ?? { gap, communes: [] };
    group.communes.push(gap.communeName);
    groups.set(key, group);
  }
  const ordered = [...groups.values()].sort(
    (a, b) => a.gap.status.localeCompare(b.gap.status) || b.communes.length - a.communes.length,
  );
  const all = review.evaluations.length;
  const rows = ordered
    .map(({ gap, communes }) => {
      const reason = gap.status === 'missing' ? w.missingData : w.unknownTarget;
      const who =
        communes.length === all && all > 1
          ? `${lang === 'en' ? 'all' : 'tất cả'} (${all})`
          : communes.join(', ');
      return `<tr><td>${h(tierShort(gap.level, lang))}</td><td>${h(gap.indicator)} ${h(t(gap.name, lang))}</td><td class="${gap.status === 'missing' ? 'no' : 'na'}">${h(reason)}${gap.reason ? `<br><small>${h(t(gap.reason, lang))}</small>` : ''}</td><td>${h(who)}</td></tr>`;
    })
    .join('\n');
  return `<section id="not-judged"><h2>${h(w.notJudged)}</h2>
<table><thead><tr><th>${h(w.tier)}</th><th>${h(w.indicator)}</th><th>${h(w.reason)}</th><th>${h(w.affected)}</th></tr></thead><tbody>
${rows}
</tbody></table></section>`;
}

function progressSection(review: ReviewData, w: Words): string {
  const progress = review.progress;
  if (!progress) return '';
  const lang = review.lang;
  const communeRows = progress.communes
    .map((c) => {
      const gained = c.criteria
        .filter((x) => x.after === 'met' && x.before !== 'met')
        .map((x) => `${tierShort(x.level, lang)} ${x.id}`);
      const lost = c.criteria
        .filter((x) => x.before === 'met' && x.after !== 'met')
        .map((x) => `${tierShort(x.level, lang)} ${x.id}`);
      return `<tr><td>${h(c.name)}${c.rulesetChanged ? ` <small>(${h(w.rulesetChanged)})</small>` : ''}</td><td>${badge(c.before, lang)} ${c.criteriaMetBefore}</td><td>${badge(c.after, lang)} ${c.criteriaMetAfter}</td><td class="${c.direction === 'improved' ? 'ok' : c.direction === 'worsened' ? 'no' : ''}">${h(t(DIRECTION[c.direction], lang))}</td><td>${h(gained.join(', '))}</td><td>${h(lost.join(', '))}</td></tr>`;
    })
    .join('\n');
  const changes = progress.communes
    .flatMap((c) =>
      c.indicators.filter((i) => i.direction !== 'unchanged').map((i) => ({ commune: c.name, change: i })),
    )
    .map(
      ({ commune, change }) =>
        `<tr><td>${h(commune)}</td><td>${h(tierShort(change.level, lang))}</td><td>${h(change.indicator)} ${h(t(change.name, lang))}</td><td>${h(formatValue(change.before.actual, change.unit, lang))} <small>(${h(indicatorStatus(change.before.status, lang))})</small></td><td>${h(formatValue(change.after.actual, change.unit, lang))} <small>(${h(indicatorStatus(change.after.status, lang))})</small></td><td class="${change.direction === 'improved' ? 'ok' : change.direction === 'worsened' ? 'no' : ''}">${h(t(DIRECTION[change.direction], lang))}</td></tr>`,
    )
    .join('\n');
  const criteria = progress.criteria
    .filter((c) => c.metBefore !== c.metAfter)
    .map(
      (c) =>
        `<tr><td>${h(tierShort(c.level, lang))}</td><td>${h(c.id)}. ${h(t(c.name, lang))}</td><td class="num">${c.metBefore}</td><td class="num">${c.metAfter}</td></tr>`,
    )
    .join('\n');
  const extra = [
    progress.added.length > 0
      ? `<p>${h(w.added)}: ${h(progress.added.map((c) => c.name).join(', '))}</p>`
      : '',
    progress.removed.length > 0
      ? `<p>${h(w.removed)}: ${h(progress.removed.map((c) => c.name).join(', '))}</p>`
      : '',
  ].join('');
  return `<section id="progress" class="page"><h2>${h(w.progress)}${review.previousAsOf ? ` (${h(isoDate(review.previousAsOf, lang))} → ${h(isoDate(review.asOf, lang))})` : ''}</h2>
<p>${h(w.progressTotals(progress.totals))}</p>${extra}
<table><thead><tr><th>${h(w.commune)}</th><th>${h(w.before)}</th><th>${h(w.now)}</th><th>${h(w.trend)}</th><th>${h(w.newlyMetCriteria)}</th><th>${h(w.lostCriteria)}</th></tr></thead><tbody>
${communeRows}
</tbody></table>
${criteria ? `<h3>${h(w.criteriaProgress)}</h3><table><thead><tr><th>${h(w.tier)}</th><th>${h(w.criterion)}</th><th class="num">${h(w.before)}</th><th class="num">${h(w.now)}</th></tr></thead><tbody>\n${criteria}\n</tbody></table>` : ''}
${changes ? `<h3>${h(w.indicatorChanges)}</h3><table><thead><tr><th>${h(w.commune)}</th><th>${h(w.tier)}</th><th>${h(w.indicator)}</th><th>${h(w.before)}</th><th>${h(w.now)}</th><th>${h(w.trend)}</th></tr></thead><tbody>\n${changes}\n</tbody></table>` : ''}
</section>`;
}

function ownersSection(review: ReviewData, w: Words): string {
  if (review.files.owners === null) return '';
  const lang = review.lang;
  const groups = gapsByOwner(review);
  const body = groups
    .map(
      ({ owner, gaps }) => `<h3>${h(owner ?? w.unassigned)} (${gaps.length})</h3>
<table><thead><tr><th>${h(w.commune)}</th><th>${h(w.tier)}</th><th>${h(w.indicator)}</th><th>${h(w.actual)}</th><th>${h(w.target)}</th><th class="num">${h(w.gap)}</th></tr></thead><tbody>
${gaps
  .map(
    (gap) =>
      `<tr><td>${h(gap.communeName)}</td><td>${h(tierShort(gap.level, lang))}</td><td>${h(gap.indicator)} ${h(t(gap.name, lang))}</td>${gapCells(gap, lang)}</tr>`,
  )
  .join('\n')}
</tbody></table>`,
    )
    .join('\n');
  return `<section id="owners" class="page"><h2>${h(w.byOwner)}</h2>
${body || `<p>${h(w.noGaps)}</p>`}
</section>`;
}

function communeCard(
  evaluation: Evaluation,
  index: number,
  review: ReviewData,
  w: Words,
  hasBundle: boolean,
): string {
  const lang = review.lang;
  const tiers = tiersOf(evaluation).reverse();
  const lines = tiers
    .map((tier) => {
      const open = tier.criteria.filter((c) => c.status !== 'met');
      const label = `${tierName(tier.level, lang)}: ${SYMBOL[tier.status]} ${tierStatus(tier.status, lang)}, ${tier.counts.criteriaMet}/${tier.counts.criteriaTotal} ${lang === 'en' ? 'criteria' : 'tiêu chí'}`;
      if (open.length === 0) return `<p><b>${h(label)}</b> — ${h(w.allMet)}</p>`;
      const rows = open
        .flatMap((criterion) =>
          criterion.indicators
            .filter((i) => i.status !== 'met' && i.status !== 'not-applicable')
            .map(
              (i) =>
                `<tr><td>${h(criterion.id)}</td><td>${h(i.id)} ${h(t(i.name, lang))}</td><td class="${statusClass(i.status === 'not-met' ? 'not-met' : 'incomplete')}">${h(indicatorStatus(i.status, lang))}</td><td>${h(formatValue(i.actual, i.unit, lang))}</td><td>${h(formatTarget(i.target, i.comparator, i.unit, i.requirement, lang))}${i.verified ? '' : ' <span class="star">*</span>'}</td><td class="num">${h(formatGap(i.gap, i.unit, lang))}</td></tr>`,
            ),
        )
        .join('\n');
      return `<p><b>${h(label)}</b></p><table><thead><tr><th>${h(w.criterion)}</th><th>${h(w.indicator)}</th><th>${h(w.result)}</th><th>${h(w.actual)}</th><th>${h(w.target)}</th><th class="num">${h(w.gap)}</th></tr></thead><tbody>
${rows}
</tbody></table>`;
    })
    .join('\n');
  return `<article class="commune" id="commune-${h(evaluation.commune.id)}">
<h3>${h(evaluation.commune.name)} <small>(${h(evaluation.commune.id)})</small> ${badge(evaluation.status, lang)}</h3>
${hasBundle ? `<div class="interactive"><ntm-scorecard lang="${lang}" theme="light" heading-level="4" data-index="${index}"></ntm-scorecard></div>` : ''}
<div class="${hasBundle ? 'fallback-screen' : ''}">${lines}</div>
</article>`;
}

function problemsSection(review: ReviewData, w: Words): string {
  if (review.problems.length === 0) return '';
  return `<section id="problems"><h2>${h(w.problems)}</h2><p>${h(w.problemsIntro)}</p>
<table><thead><tr><th>${h(w.file)}</th><th class="num">${h(w.row)}</th><th>${h(w.column)}</th><th>${h(w.value)}</th><th>${h(w.reason)}</th></tr></thead><tbody>
${review.problems
  .map(
    (p) =>
      `<tr><td>${h(p.file)}</td><td class="num">${h(p.row ?? '')}</td><td>${h(p.column)}</td><td>${h(p.value)}</td><td>${h(p.reason)}</td></tr>`,
  )
  .join('\n')}
</tbody></table></section>`;
}

/** The page script: hands the embedded evaluations to the elements once they are defined. */
const WIRING = `
const data = JSON.parse(document.getElementById('ntm-data').textContent);
const names = ['ntm-district-board', 'ntm-scorecard'];
const defined = Promise.all(names.map((name) => customElements.whenDefined(name)));
const late = new Promise((resolve) => setTimeout(() => resolve('timeout'), 4000));
Promise.race([defined, late]).then((outcome) => {
  if (outcome === 'timeout') return;
  const board = document.querySelector('ntm-district-board');
  if (board) {
    board.evaluations = data.evaluations;
    if (data.previous) board.previous = data.previous;
  }
  const key = (e) => e.commune.id + '\u0000' + e.level;
  const before = new Map((data.previous || []).map((e) => [key(e), e]));
  for (const card of document.querySelectorAll('ntm-scorecard[data-index]')) {
    const result = data.evaluations[Number(card.dataset.index)];
    card.result = result;
    const previous = before.get(key(result));
    if (previous) card.previous = previous;
  }
  document.documentElement.classList.replace('static', 'enhanced');
});
`;

/** Loader for a bundle split into chunks: each module becomes a blob: URL, imports rewritten to them. */
const CHUNK_LOADER = `
const modules = JSON.parse(document.getElementById('ntm-modules').textContent);
const urls = {};
const load = (name) => {
  if (urls[name]) return urls[name];
  let code = modules[name];
  for (const other of Object.keys(modules)) {
    if (other !== name && code.includes(other)) code = code.split(JSON.stringify(other)).join(JSON.stringify(load(other)));
  }
  urls[name] = URL.createObjectURL(new Blob([code], { type: 'text/javascript' }));
  return urls[name];
};
import(load('./ntm-scorecard.js'));
`;

function bundleScripts(bundle: ScorecardBundle | null): string {
  if (!bundle) return '';
  if (Object.keys(bundle.chunks).length === 0) {
    return `<script type="module" id="ntm-scorecard-bundle">\n${scriptCode(bundle.code)}\n</script>`;
  }
  const modules = { ...bundle.chunks, './ntm-scorecard.js': bundle.code };
  return `<script type="application/json" id="ntm-modules">${scriptJson(modules)}</script>
<script type="module" id="ntm-scorecard-bundle">${CHUNK_LOADER}</script>`;
}

export interface HtmlOptions {
  bundle: ScorecardBundle | null;
  /** Why there is no bundle (shown in the footer). */
  bundleReason?: string;
}

export function renderReviewHtml(review: ReviewData, options: HtmlOptions): string {
  const lang = review.lang;
  const w: Words = WORDS[lang];
  const hasBundle = options.bundle !== null;
  const title = w.title(tierName(review.level, lang));
  const embedded = {
    level: review.level,
    asOf: review.asOf,
    previousAsOf: review.previousAsOf,
    generatedAt: review.generatedAt,
    files: review.files,
    evaluations: review.evaluations,
    previous: review.previous,
    problems: review.problems,
  };
  const cards = review.evaluations.map((e, i) => communeCard(e, i, review, w, hasBundle)).join('\n');
  return `<!doctype html>
<html lang="${lang}" class="static">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="ntm (@nongthonmoi/cli)">
<title>${h(title)}${review.place ? ` — ${h(review.place)}` : ''}</title>
<style>${CSS}</style>
</head>
<body>
<header>
<h1>${h(title)}</h1>
${review.place ? `<p class="meta">${h(review.place)}</p>` : ''}
<p class="meta">${h(w.asOf)}: <b>${h(isoDate(review.asOf, lang))}</b>${review.previous ? ` · ${h(w.previous)} ${h(isoDate(review.previousAsOf ?? review.asOf, lang))}` : ''}</p>
<p class="meta">${h(w.rules)}: ${rulesetLine(review)}</p>
<p class="meta">${h(hasBundle ? w.interactive : w.noInteractive(options.bundleReason ?? 'bundle not found'))}</p>
</header>
${overview(review, w)}
${matrix(review, w, hasBundle)}
${gapsSection(review, w)}
${notJudgedSection(review, w)}
${progressSection(review, w)}
${ownersSection(review, w)}
<section id="communes" class="page"><h2>${h(w.cards)}</h2>
${cards}
</section>
${problemsSection(review, w)}
<footer>
<p>${h(w.generated)}: ${h(review.generatedAt.replace('T', ' ').slice(0, 16))} UTC · ${h(w.data)}: ${h(review.files.current)}${review.files.previous ? `, ${h(review.files.previous)}` : ''}${review.files.owners ? `, ${h(review.files.owners)}` : ''}</p>
<p>${h(w.disclaimer)}</p>
</footer>
<script type="application/json" id="ntm-data">${scriptJson(escapeControlsDeep(embedded))}</script>
${bundleScripts(options.bundle)}
${hasBundle ? `<script type="module">${WIRING}</script>` : ''}
</body>
</html>
`;
}
