/**
 * The district review report as ONE self-contained HTML file. A summary first (where each commune stands and
 * what holds it back, the outlook by the deadline, the dossiers), then the communes × criteria matrix, the
 * agenda of gaps, what could not be judged and why, progress with small inline SVG pictures, the work of each
 * owner, and every commune in a collapsed section (its interactive scorecard when the scorecard bundle is
 * available). Everything is plain HTML and inline SVG: it prints on A4, reads on a 390 px phone, and loads
 * nothing from the network.
 */

import {
  type CriterionStatus,
  type DossierStatus,
  type Evaluation,
  type TierOutlook,
  tiers,
  type UndecidedCause,
} from '@nongthonmoi/core';
import {
  formatGap,
  formatNumber,
  formatValue,
  indicatorStatus,
  type Lang,
  SYMBOL,
  t,
  tierName,
  tierShort,
  tierStatus,
} from '../i18n.js';
import { changeWords, compareGaps, type GapRow, gapsByOwner, type ReviewData } from '../review.js';
import {
  actualText,
  causeName,
  changeClass,
  changeName,
  communeChangeWord,
  confidenceLegend,
  daysLeftWords,
  dossierName,
  formatDate,
  formatDateTime,
  OUTLOOK_HELP,
  OUTLOOK_SHORT,
  outlookClass,
  outlookName,
  shownIndicatorId,
  targetText,
} from '../review-words.js';
import { escapeControls, escapeControlsDeep } from '../safe-text.js';
import type { ScorecardBundle } from './scorecard-bundle.js';
import { shareRepeated, UNSHARE_SOURCE } from './shared-json.js';
import { barSvg, timelineFloor, timelineSvg } from './svg-charts.js';

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

const WORDS = {
  vi: {
    title: (tier: string) => `Rà soát tiêu chí ${tier.charAt(0).toLowerCase()}${tier.slice(1)}`,
    dataOf: 'Số liệu ngày',
    earlier: 'Các lần rà soát trước',
    deadline: 'Hạn hoàn thành',
    contents: 'Nội dung',
    summary: 'Tóm tắt',
    communes: 'Số xã',
    met: 'Đạt',
    notMet: 'Chưa đạt',
    incomplete: 'Chưa đủ căn cứ',
    average: 'Bình quân tiêu chí đạt',
    daysLeft: 'Thời gian còn lại',
    heldBack: 'Vì sao chưa đạt',
    onlyTargets:
      'Chỉ vướng vì chưa có mức chỉ tiêu chính thức — số liệu của xã đã đủ; cần văn bản hướng dẫn, không cần xã bổ sung',
    missingData: 'Thiếu số liệu của xã — cần bổ sung',
    ownGaps: 'Vướng chỉ tiêu chưa đạt của chính xã',
    allMet: 'Đã đạt chuẩn',
    matrix: 'Bảng tổng hợp tiêu chí theo xã',
    prerequisiteMatrix: (tier: string) => `Điều kiện: ${tier}`,
    commune: 'Xã',
    result: 'Kết quả',
    criteriaMet: 'Tiêu chí đạt',
    outlook: 'Triển vọng',
    dossier: 'Hồ sơ đủ',
    totalsRow: 'Số xã đạt',
    legend: 'Ký hiệu',
    legendMet: 'đạt',
    legendNotMet: 'chưa đạt',
    legendMissing: 'chưa đủ căn cứ vì thiếu số liệu',
    legendUnknown: 'chưa đủ căn cứ vì chưa có mức chỉ tiêu chính thức',
    legendLate: 'chưa đạt và không kịp hạn theo tốc độ hiện nay',
    legendDossier: 'đạt nhưng hồ sơ chưa đủ',
    criteriaNames: 'Tên tiêu chí',
    forecast: 'Dự báo đến hạn',
    forecastIntro: (n: number, margin: number) =>
      `Tốc độ của mỗi chỉ tiêu là đường thẳng khớp nhất qua số liệu của ${n} lần rà soát; "có nguy cơ trễ hạn" là đạt sau hạn không quá ${margin} ngày. Dự báo chỉ để ưu tiên công việc, không phải kết luận.`,
    agenda: 'Các chỉ tiêu chưa đạt, xếp theo mức cần đôn đốc',
    indicator: 'Chỉ tiêu',
    actual: 'Hiện trạng',
    target: 'Mục tiêu',
    gap: 'Còn thiếu',
    history: 'Các lần rà soát',
    pace: 'Tốc độ / tháng',
    paceNeeded: 'cần',
    projected: 'Dự kiến đạt',
    owner: 'Phụ trách',
    unassigned: 'Chưa phân công',
    timelines: 'Số tiêu chí đạt qua các lần rà soát',
    dossiers: 'Hồ sơ tiêu chí',
    dossierIntro: (complete: number, total: number) =>
      `${complete}/${total} lượt tiêu chí có hồ sơ đã đủ. Rủi ro lớn nhất khi thẩm định: tiêu chí đạt ngoài thực tế nhưng hồ sơ chưa đủ.`,
    metIncomplete: 'Đạt nhưng hồ sơ chưa đủ',
    completeNotMet: 'Hồ sơ đủ nhưng tiêu chí chưa đạt (kiểm tra lại số liệu)',
    completeUnconfirmed: 'Hồ sơ đủ, tiêu chí chưa đủ căn cứ',
    gaps: 'Chỉ tiêu chưa đạt và phần còn thiếu',
    noGaps: 'Không có chỉ tiêu nào chưa đạt.',
    tier: 'Cấp',
    criterion: 'Tiêu chí',
    notJudged: 'Chỉ tiêu chưa đánh giá được',
    unknownTargets: 'Chưa có mức chỉ tiêu chính thức',
    unknownTargetsIntro: (n: number, k: number) =>
      `${k} chỉ tiêu (${n} lượt) chưa có mức chính thức trong bộ tiêu chí đã mã hóa. Số liệu của xã không khắc phục được: cần đối chiếu văn bản hướng dẫn của bộ, ngành, tỉnh (nhập bằng ntm rules import). Xã vướng các chỉ tiêu này có kết quả "chưa đủ căn cứ" dù số liệu đầy đủ.`,
    missingIntro: (n: number) => `${n} lượt chỉ tiêu thiếu số liệu: xã cần bổ sung vào tệp dữ liệu.`,
    reason: 'Lý do',
    affected: 'Xã',
    all: (n: number) => `tất cả (${n})`,
    progress: 'Tiến độ',
    progressSince: (from: string, to: string) => `Tiến độ từ ${from} đến ${to}`,
    before: 'Lần trước',
    now: 'Lần này',
    trend: 'Chiều hướng',
    newlyMetCriteria: 'Tiêu chí mới đạt',
    lostCriteria: 'Tiêu chí không còn đạt',
    progressTotals: (p: NonNullable<ReviewData['progress']>['totals']) =>
      `${p.improved} xã tiến bộ, ${p.worsened} xã đi xuống, ${p.unchanged + p.changed} xã không đổi số tiêu chí đạt; ${p.newlyMet} xã mới đạt chuẩn; ${p.gapsClosed} khoảng cách được thu hẹp, ${p.gapsWidened} bị nới rộng.`,
    indicatorChanges: 'Chỉ tiêu thay đổi so với lần trước',
    criteriaProgress: 'Số xã đạt từng tiêu chí',
    barLegend: 'Thanh đậm: số xã đạt lần này; vạch mảnh bên dưới: lần trước.',
    steady: (n: number) => `${n} tiêu chí khác: tất cả xã đều đạt ở mọi lần rà soát.`,
    list: (n: number) => `Danh sách (${n})`,
    outlookLegend: 'Giải thích các mức triển vọng và dấu * **',
    added: 'Xã mới có trong lần này',
    removed: 'Xã không còn trong lần này',
    rulesetChanged: 'bộ tiêu chí khác lần trước',
    byOwner: 'Việc còn lại theo đơn vị phụ trách',
    cards: 'Từng xã',
    cardsHint: 'Bấm vào tên xã để xem chi tiết.',
    openAll: 'Mở tất cả',
    allCriteriaMet: 'Tất cả tiêu chí đạt',
    problems: 'Dòng dữ liệu chưa dùng được',
    problemsIntro: 'Các dòng sau có lỗi nên chưa được dùng; các dòng khác vẫn được đánh giá bình thường.',
    file: 'Tệp',
    row: 'Dòng',
    column: 'Cột',
    value: 'Giá trị',
    about: 'Căn cứ và độ tin cậy',
    rules: 'Bộ tiêu chí áp dụng',
    confidenceCounts: (c: ReviewData['confidence']) =>
      `Mức chỉ tiêu đã dùng: ${c.official} lượt chính thức, ${c.secondary} lượt theo nguồn thứ cấp (*), ${c.assumed} lượt giả định (**), ${c.unknown} lượt chưa có mức.`,
    generated: 'Lập lúc',
    data: 'Dữ liệu',
    interactive: 'Mỗi xã có phiếu đánh giá tương tác; khi in chỉ in các bảng.',
    noInteractive: 'Không kèm phiếu tương tác; các bảng dưới đây đầy đủ nội dung.',
    disclaimer:
      'Báo cáo do công cụ ntm lập tự động từ số liệu nhập; không thay thế hồ sơ thẩm định, công nhận theo quy định.',
    prerequisite: 'Điều kiện',
    status: 'Tình trạng',
    perMonth: '/tháng',
  },
  en: {
    title: (tier: string) => `Criteria review: ${tier}`,
    dataOf: 'Data of',
    earlier: 'Earlier reviews',
    deadline: 'Deadline',
    contents: 'Contents',
    summary: 'Summary',
    communes: 'Communes',
    met: 'Met',
    notMet: 'Not met',
    incomplete: 'Undecided',
    average: 'Average criteria met',
    daysLeft: 'Time left',
    heldBack: 'What holds communes back',
    onlyTargets:
      'Only targets with no official value — their data is complete: guidance is needed, not more data',
    missingData: "The commune's data is missing — to be supplied",
    ownGaps: 'Their own indicators not met',
    allMet: 'Met',
    matrix: 'Criteria by commune',
    prerequisiteMatrix: (tier: string) => `Prerequisite: ${tier}`,
    commune: 'Commune',
    result: 'Result',
    criteriaMet: 'Criteria met',
    outlook: 'Outlook',
    dossier: 'Dossiers',
    totalsRow: 'Communes meeting it',
    legend: 'Legend',
    legendMet: 'met',
    legendNotMet: 'not met',
    legendMissing: 'undecided: data missing',
    legendUnknown: 'undecided: no official target',
    legendLate: 'not met and off track at the current pace',
    legendDossier: 'met, dossier incomplete',
    criteriaNames: 'Criteria',
    forecast: 'Outlook by the deadline',
    forecastIntro: (n: number, margin: number) =>
      `Each indicator's pace is the line that best fits its values over ${n} reviews; "at risk" means reached within ${margin} days after the deadline. The outlook sets priorities; it is not a verdict.`,
    agenda: 'Indicators not met, most urgent first',
    indicator: 'Indicator',
    actual: 'Actual',
    target: 'Target',
    gap: 'Gap',
    history: 'Reviews',
    pace: 'Pace / month',
    paceNeeded: 'needed',
    projected: 'Projected',
    owner: 'Owner',
    unassigned: 'Unassigned',
    timelines: 'Criteria met at each review',
    dossiers: 'Dossiers',
    dossierIntro: (complete: number, total: number) =>
      `${complete}/${total} commune criteria have a complete dossier. The main risk at appraisal: criteria met in the field whose dossier is not complete.`,
    metIncomplete: 'Met, dossier incomplete',
    completeNotMet: 'Dossier complete, criterion not met (check the data)',
    completeUnconfirmed: 'Dossier complete, criterion undecided',
    gaps: 'Indicators not met and what is left',
    noGaps: 'No indicator is unmet.',
    tier: 'Tier',
    criterion: 'Criterion',
    notJudged: 'Indicators that could not be judged',
    unknownTargets: 'No official target',
    unknownTargetsIntro: (n: number, k: number) =>
      `${k} indicators (${n} results) have no official target in the encoded rules. The communes' data cannot fix this: the ministries' and the province's guidance is needed (import it with ntm rules import). Communes held back by them are "undecided" even with complete data.`,
    missingIntro: (n: number) =>
      `${n} indicator results lack data: the communes must add it to the data file.`,
    reason: 'Reason',
    affected: 'Communes',
    all: (n: number) => `all (${n})`,
    progress: 'Progress',
    progressSince: (from: string, to: string) => `Progress from ${from} to ${to}`,
    before: 'Before',
    now: 'Now',
    trend: 'Direction',
    newlyMetCriteria: 'Criteria newly met',
    lostCriteria: 'Criteria no longer met',
    progressTotals: (p: NonNullable<ReviewData['progress']>['totals']) =>
      `${p.improved} communes improved, ${p.worsened} worsened, ${p.unchanged + p.changed} met as many criteria as before; ${p.newlyMet} newly met the tier; ${p.gapsClosed} gaps narrowed, ${p.gapsWidened} widened.`,
    indicatorChanges: 'Indicators that changed since the previous review',
    criteriaProgress: 'Communes meeting each criterion',
    barLegend: 'Thick bar: communes meeting it now; thin mark below: before.',
    steady: (n: number) => `${n} other criteria: met by every commune at every review.`,
    list: (n: number) => `List (${n})`,
    outlookLegend: 'What the outlooks and the * ** marks mean',
    added: 'Communes new in this review',
    removed: 'Communes no longer in this review',
    rulesetChanged: 'rules differ from last time',
    byOwner: 'Remaining work by owner',
    cards: 'Each commune',
    cardsHint: "Select a commune's name for its details.",
    openAll: 'Open all',
    allCriteriaMet: 'All criteria met',
    problems: 'Rows that could not be used',
    problemsIntro: 'These rows have errors and were not used; the other rows were.',
    file: 'File',
    row: 'Row',
    column: 'Column',
    value: 'Value',
    about: 'Sources and confidence',
    rules: 'Rules applied',
    confidenceCounts: (c: ReviewData['confidence']) =>
      `Targets used: ${c.official} official, ${c.secondary} from secondary sources (*), ${c.assumed} assumed (**), ${c.unknown} unknown.`,
    generated: 'Generated',
    data: 'Data',
    interactive: 'Each commune has an interactive scorecard; printing prints the tables.',
    noInteractive: 'No interactive scorecards; the tables below are complete.',
    disclaimer:
      'Generated by the ntm tool from the data entered; it does not replace the official appraisal and recognition files.',
    prerequisite: 'Prerequisite',
    status: 'Status',
    perMonth: '/month',
  },
} as const;

type Words = (typeof WORDS)['vi'] | (typeof WORDS)['en'];

const CSS = `
:root { --ok: #1b7f3b; --ok-bg: #d9f0df; --no: #b3261e; --no-bg: #fadcd8; --warn: #8a5a00; --warn-bg: #fcebc7;
  --na: #3f4f66; --na-bg: #e3e8f0; --line: #c9ced6; --muted: #5b6470; --ink: #1d232b;
  font-family: "Segoe UI", Roboto, "Noto Sans", Arial, sans-serif; }
* { box-sizing: border-box; }
body { margin: 0 auto; max-width: 1200px; padding: 16px 24px 48px; color: var(--ink); line-height: 1.45; overflow-wrap: break-word; }
h1 { font-size: 1.5rem; margin: 0 0 4px; }
h2 { font-size: 1.2rem; margin: 28px 0 8px; border-bottom: 2px solid var(--ink); padding-bottom: 2px; }
h3 { font-size: 1rem; margin: 16px 0 6px; }
.meta { color: var(--muted); margin: 2px 0; }
.banner { background: #fff3c4; border: 2px solid #c99a00; color: #5a4200; font-weight: 700; padding: 6px 10px; margin: 0 0 10px; border-radius: 4px; }
nav.toc { margin: 8px 0 0; font-size: .9rem; }
nav.toc a { margin-right: 12px; white-space: nowrap; }
.scroll { overflow-x: auto; max-width: 100%; }
table { border-collapse: collapse; width: 100%; margin: 6px 0 12px; font-size: .9rem; }
th, td { border: 1px solid var(--line); padding: 3px 6px; vertical-align: top; text-align: left; }
th { background: #eef1f5; }
td.num, th.num { text-align: right; white-space: nowrap; }
td.nw { white-space: nowrap; }
.ok { color: var(--ok); } .no { color: var(--no); } .warn { color: var(--warn); } .na { color: var(--na); }
.chip { display: inline-block; padding: 0 7px; border-radius: 9px; font-weight: 600; font-size: .85em; white-space: nowrap; }
.chip.ok { background: var(--ok-bg); } .chip.no { background: var(--no-bg); } .chip.warn { background: var(--warn-bg); } .chip.na { background: var(--na-bg); }
.cards { display: grid; grid-template-columns: repeat(auto-fill, minmax(150px, 1fr)); gap: 10px; margin: 8px 0; }
.card { border: 1px solid var(--line); border-radius: 6px; padding: 8px 12px; }
.card b { display: block; font-size: 1.6rem; line-height: 1.2; }
.note { background: #f5f7fa; border-left: 4px solid var(--na); padding: 6px 10px; margin: 8px 0; }
.held { margin: 6px 0; padding-left: 20px; }
.held li { margin: 4px 0; }
.legend { color: var(--muted); font-size: .85rem; }
.legend .c { display: inline-block; min-width: 1.8em; text-align: center; font-weight: 700; margin-right: 3px; }
.small { font-size: .85rem; color: var(--muted); }
table.matrix { width: auto; font-size: .85rem; }
.matrix td, .matrix th { padding: 2px 4px; }
.matrix th.crit { vertical-align: bottom; padding: 4px 2px; font-weight: 500; }
.matrix th.crit span { display: inline-block; writing-mode: vertical-rl; transform: rotate(180deg); max-height: 13em; white-space: normal; line-height: 1.15; font-size: .78rem; text-align: left; }
.matrix th.crit b { display: block; font-size: .8rem; }
.matrix td.c { text-align: center; font-weight: 700; min-width: 1.9em; }
.matrix .name { position: sticky; left: 0; background: #fff; z-index: 1; white-space: nowrap; }
.matrix thead .name { background: #eef1f5; }
.matrix tfoot td { background: #f5f7fa; font-weight: 600; text-align: center; }
.matrix tfoot th.name { text-align: left; background: #f5f7fa; white-space: normal; }
td.st-met, .legend .st-met { background: var(--ok-bg); color: var(--ok); }
td.st-not-met, .legend .st-not-met { background: var(--no-bg); color: var(--no); }
td.st-missing-data, td.st-both, .legend .st-missing-data { background: var(--warn-bg); color: var(--warn); }
td.st-unknown-target, .legend .st-unknown-target { background: var(--na-bg); color: var(--na); }
td.doc, .legend .doc { outline: 2px dashed var(--warn); outline-offset: -4px; }
sup.late { color: var(--no); font-weight: 800; }
.names { columns: 2 18em; font-size: .85rem; color: var(--muted); margin: 4px 0; padding-left: 22px; }
.timelines { display: grid; grid-template-columns: repeat(auto-fill, minmax(230px, 1fr)); gap: 10px; }
.timelines figure { margin: 0; border: 1px solid var(--line); border-radius: 6px; padding: 6px 8px; }
.timelines figcaption { font-weight: 600; font-size: .9rem; }
svg.timeline { width: 100%; height: auto; display: block; }
svg .goal { stroke: var(--ok); stroke-dasharray: 4 3; } svg .base { stroke: var(--line); }
svg .deadline { stroke: var(--no); stroke-width: 1.5; stroke-dasharray: 3 2; }
svg .deadline-label { fill: var(--no); font-size: 10px; font-weight: 600; }
svg .series { fill: none; stroke: #2b5fab; stroke-width: 2; }
svg .point { fill: #2b5fab; } svg .point.now { fill: #fff; stroke: #2b5fab; stroke-width: 2; }
svg .value { font-size: 10px; fill: var(--ink); font-weight: 600; } svg .axis { font-size: 9px; fill: var(--muted); }
svg.bar { width: 120px; height: 14px; vertical-align: middle; }
svg.bar .track { fill: #edf0f4; } svg.bar .now { fill: var(--ok); } svg.bar .before { fill: var(--muted); }
details.commune { border: 1px solid var(--line); border-radius: 6px; margin: 6px 0; padding: 0 10px; }
details.commune > summary { cursor: pointer; padding: 8px 0; font-weight: 600; list-style-position: outside; }
details.commune > summary .small { font-weight: 400; }
details.commune[open] > summary { border-bottom: 1px solid var(--line); margin-bottom: 6px; }
details.more { margin: 6px 0; }
details.more > summary { cursor: pointer; }
details.more > summary > h3 { display: inline; }
button.open-all { font: inherit; font-size: .85rem; padding: 2px 10px; margin: 0 0 6px; }
html.static .interactive { display: none; }
html.enhanced .fallback-screen { display: none; }
ntm-scorecard { display: block; margin: 8px 0 16px; }
footer { margin-top: 32px; color: var(--muted); font-size: .85rem; border-top: 1px solid var(--line); padding-top: 8px; }
@media (max-width: 640px) {
  body { padding: 10px 12px 32px; }
  h1 { font-size: 1.25rem; } h2 { font-size: 1.08rem; margin-top: 22px; }
  .cards { grid-template-columns: repeat(2, minmax(0, 1fr)); gap: 6px; }
  .card { padding: 6px 8px; } .card b { font-size: 1.3rem; }
  table { font-size: .8rem; }
  nav.toc a { display: inline-block; margin: 2px 10px 2px 0; }
  .names { columns: 1; }
  .matrix .word, .matrix .opt { display: none; }
  table.stack { font-size: .85rem; }
  table.stack thead { display: none; }
  table.stack, table.stack tbody, table.stack tr, table.stack td { display: block; width: 100%; }
  table.stack tr { border: 1px solid var(--line); border-radius: 6px; margin: 0 0 8px; padding: 4px 8px; }
  table.stack td { border: none; padding: 1px 0; text-align: left; white-space: normal; }
  table.stack td[data-label]::before { content: attr(data-label) ": "; color: var(--muted); font-size: .85em; }
  table.stack td:empty { display: none; }
}
@page { size: A4 landscape; margin: 10mm; }
@media print {
  body { max-width: none; padding: 0; font-size: 9.5pt; }
  nav.toc, button.open-all, .interactive { display: none !important; }
  html.enhanced .fallback-screen { display: block !important; }
  h2 { break-after: avoid; } h3 { break-after: avoid; }
  thead { display: table-header-group; }
  tr, .card, .note, figure { break-inside: avoid; }
  section.page { break-before: page; }
  table { font-size: 8.5pt; }
  .scroll { overflow: visible; }
  details.commune { border: none; padding: 0; }
  th, td, .chip, .banner, svg { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
}
`;

/** A table wrapped in a box that scrolls sideways on a narrow screen instead of the whole page. */
function scroll(table: string): string {
  return `<div class="scroll">${table}</div>`;
}

interface Col {
  label: string;
  cls?: string;
}

type Cell = string | { html: string; cls?: string };

/**
 * A table whose rows become cards on a phone: each cell carries its column's name (`data-label`), shown
 * before it when the columns no longer fit side by side. Cells are HTML (already escaped).
 */
function table(cols: readonly Col[], rows: readonly (readonly Cell[])[], cls = ''): string {
  const head = cols.map((c) => `<th${c.cls ? ` class="${c.cls}"` : ''}>${h(c.label)}</th>`).join('');
  const body = rows
    .map(
      (row) =>
        `<tr>${row
          .map((cell, i) => {
            const col = cols[i];
            const html = typeof cell === 'string' ? cell : cell.html;
            const classes = [col?.cls, typeof cell === 'string' ? undefined : cell.cls]
              .filter(Boolean)
              .join(' ');
            return `<td${classes ? ` class="${classes}"` : ''}${col?.label ? ` data-label="${h(col.label)}"` : ''}>${html}</td>`;
          })
          .join('')}</tr>`,
    )
    .join('\n');
  return scroll(
    `<table class="stack${cls ? ` ${cls}` : ''}"><thead><tr>${head}</tr></thead><tbody>\n${body}\n</tbody></table>`,
  );
}

/**
 * A part that is open on a wide screen and in print, and closed on a phone until the reader opens it (the
 * page script opens it on wide screens; without scripts it starts closed).
 */
function more(summary: string, content: string): string {
  return `<details class="more" data-wide-open><summary>${summary}</summary>\n${content}\n</details>`;
}

function chip(outlook: TierOutlook, lang: Lang): string {
  return `<span class="chip ${outlookClass(outlook)}" title="${h(`${outlookName(outlook, lang)}: ${t(OUTLOOK_HELP[outlook], lang)}`)}">${h(t(OUTLOOK_SHORT[outlook], lang))}</span>`;
}

function statusClass(status: string): 'ok' | 'no' | 'na' {
  return status === 'met' ? 'ok' : status === 'not-met' ? 'no' : 'na';
}

/**
 * A result as a chip. An undecided result says why (on hover, and by its glyph: ◇ when only official targets are
 * missing, ? when data is).
 */
function badge(status: CriterionStatus, lang: Lang, undecided?: { cause: UndecidedCause } | null): string {
  const cause = status === 'incomplete' ? (undecided?.cause ?? null) : null;
  const title = `${tierStatus(status, lang)}${cause ? ` (${causeName(cause, lang)})` : ''}`;
  const glyph = cause === 'unknown-target' ? '◇' : SYMBOL[status];
  return `<span class="chip ${statusClass(status)}" title="${h(title)}">${glyph}<span class="word"> ${h(tierStatus(status, lang))}</span></span>`;
}

/** A pace per day as a pace per month ("+0,43"), which people can picture. */
function perMonth(rate: number | null, lang: Lang): string {
  if (rate === null) return '';
  const monthly = Math.round(rate * 30.44 * 100) / 100;
  return `${monthly > 0 ? '+' : ''}${formatNumber(monthly, lang)}`;
}

function rulesetLine(review: ReviewData): string {
  return review.rulesets
    .map((ruleset) => {
      const basis = ruleset.basis[0]?.number;
      const overlays = ruleset.overlays.map(
        (overlay) => ` + ${h(overlay.province)}${overlay.basis[0] ? ` (${h(overlay.basis[0].number)})` : ''}`,
      );
      return `${h(t(ruleset.name, review.lang))}${basis ? ` (${h(basis)})` : ''}${overlays.join('')}`;
    })
    .join('<br>');
}

function header(review: ReviewData, w: Words): string {
  const lang = review.lang;
  const earlier = review.snapshots.slice(0, -1);
  const facts = [
    `${h(w.dataOf)} <b>${h(formatDate(review.asOf, lang))}</b>`,
    earlier.length > 0
      ? `${h(w.earlier)}: ${earlier.map((s) => h(formatDate(s.asOf, lang))).join(', ')}`
      : '',
    review.deadline
      ? `${h(w.deadline)}: <b>${h(formatDate(review.deadline, lang))}</b> — ${h(daysLeftWords(review.forecast?.daysLeft ?? 0, lang))}`
      : '',
  ].filter(Boolean);
  const sections = [
    ['summary', w.summary],
    ['matrix', w.matrix],
    ...(review.forecast ? [['forecast', w.forecast]] : [['gaps', w.gaps]]),
    ...(review.dossiers ? [['dossiers', w.dossiers]] : []),
    ...(review.notJudged.length > 0 ? [['not-judged', w.notJudged]] : []),
    ...(review.snapshots.length > 1 ? [['progress', w.progress]] : []),
    ...(review.files.owners ? [['owners', w.byOwner]] : []),
    ['communes', w.cards],
    ...(review.problems.length > 0 ? [['problems', w.problems]] : []),
  ];
  return `<header>
${review.illustrative ? `<p class="banner" role="note">${h(t(review.illustrative, lang))}</p>` : ''}
<h1>${h(w.title(tierName(review.level, lang)))}</h1>
${review.place ? `<p class="meta">${h(review.place)}</p>` : ''}
<p class="meta">${facts.join(' · ')}</p>
<nav class="toc" aria-label="${h(w.contents)}">${sections.map(([id, label]) => `<a href="#${id}">${h(label)}</a>`).join(' ')}</nav>
</header>`;
}

function summarySection(review: ReviewData, w: Words): string {
  const lang = review.lang;
  const { totals } = review.summary;
  const cards = [
    `<div class="card"><b>${totals.communes}</b>${h(w.communes)}</div>`,
    `<div class="card ok"><b>${totals.met}</b>${h(w.met)}</div>`,
    `<div class="card no"><b>${totals.notMet}</b>${h(w.notMet)}</div>`,
    `<div class="card na"><b>${totals.incomplete}</b>${h(w.incomplete)}</div>`,
    `<div class="card"><b>${h(formatNumber(totals.averageCriteriaMet, lang))}</b>${h(w.average)}</div>`,
    ...(review.forecast
      ? [
          `<div class="card ${review.forecast.daysLeft < 0 ? 'no' : ''}"><b>${h(formatNumber(Math.abs(review.forecast.daysLeft), lang))}</b>${h(review.forecast.daysLeft < 0 ? daysLeftWords(review.forecast.daysLeft, lang) : `${lang === 'en' ? 'days left' : 'ngày còn lại'}`)}</div>`,
        ]
      : []),
  ];
  const group = (label: string, names: string[], cls: string) =>
    names.length > 0 ? `<li><span class="${cls}"><b>${h(label)}</b></span>: ${h(names.join(', '))}</li>` : '';
  const held = [
    group(
      w.onlyTargets,
      review.communes.filter((c) => c.blockedBy === 'unknown-target').map((c) => c.name),
      'na',
    ),
    group(
      w.missingData,
      review.communes
        .filter((c) => c.blockedBy === 'missing-data' || c.blockedBy === 'both')
        .map((c) => c.name),
      'warn',
    ),
    group(
      w.ownGaps,
      review.communes.filter((c) => c.blockedBy === 'own-gaps').map((c) => c.name),
      'no',
    ),
    group(
      w.allMet,
      review.communes.filter((c) => c.blockedBy === 'met').map((c) => c.name),
      'ok',
    ),
  ].join('');
  const outlook = review.forecast
    ? `<p>${h(w.forecast)}: ${Object.entries(review.forecast.totals.gaps)
        // Gaps that cannot be judged are told with their cause above, not as an outlook.
        .filter(([o, n]) => n > 0 && o !== 'unknown-target' && o !== 'missing-data')
        .map(([o, n]) => `${chip(o as TierOutlook, lang)} ${n}`)
        .join(' ')}</p>`
    : '';
  const dossiers = review.dossiers
    ? `<p>${h(w.dossiers)}: ${h(w.dossierIntro(review.dossiers.totals.complete, review.dossiers.totals.criteria))} <b>${h(w.metIncomplete)}: ${review.dossiers.totals.metIncomplete}</b>; ${h(w.completeNotMet)}: ${review.dossiers.totals.completeNotMet}.</p>`
    : '';
  return `<section id="summary"><h2>${h(w.summary)}</h2>
<div class="cards">${cards.join('')}</div>
<h3>${h(w.heldBack)}</h3>
<ul class="held">${held}</ul>
${outlook}
${dossiers}
</section>`;
}

interface Column {
  level: string;
  id: string;
  name: string;
}

/** The criteria of each tier, the assessed tier first, then its prerequisites (deepest last). */
function columnsByTier(evaluations: readonly Evaluation[], lang: Lang): Map<string, Column[]> {
  const byTier = new Map<string, Column[]>();
  const seen = new Set<string>();
  for (const evaluation of evaluations) {
    for (const tier of tiers(evaluation).reverse()) {
      const list = byTier.get(tier.level) ?? [];
      for (const criterion of tier.criteria) {
        const key = `${tier.level}:${criterion.id}`;
        if (seen.has(key)) continue;
        seen.add(key);
        list.push({ level: tier.level, id: criterion.id, name: t(criterion.name, lang) });
      }
      byTier.set(tier.level, list);
    }
  }
  return byTier;
}

function matrixSection(review: ReviewData, w: Words): string {
  const lang = review.lang;
  const byTier = columnsByTier(review.evaluations, lang);
  const standing = new Map(review.communes.map((c) => [c.id, c]));
  // The worst outlook of each commune's gaps per criterion, and dossier states, for the cells' marks.
  const late = new Set(
    review.gaps
      .filter((g) => g.outlook === 'off-track' || g.outlook === 'stalled')
      .map((g) => `${g.communeId}\u0000${g.level}\u0000${g.criterion}`),
  );
  const dossierOf = new Map<string, string>();
  for (const commune of review.dossiers?.communes ?? []) {
    for (const entry of commune.metIncomplete)
      dossierOf.set(`${commune.id}\u0000${entry.criterion}`, dossierName(entry.dossier, lang));
  }
  const gapTitle = new Map<string, string[]>();
  for (const gap of [...review.gaps, ...review.notJudged]) {
    const key = `${gap.communeId}\u0000${gap.level}\u0000${gap.criterion}`;
    const list = gapTitle.get(key) ?? [];
    list.push(
      `${gap.indicator} ${t(gap.name, lang)}: ${actualText(gap, lang) || indicatorStatus(gap.status, lang)} / ${targetText(gap, lang)}`,
    );
    gapTitle.set(key, list);
  }
  const tables = [...byTier.entries()].map(([level, columns], index) => {
    const assessed = index === 0;
    const head = `<tr><th class="name">${h(w.commune)}</th>${assessed ? `<th>${h(w.result)}</th><th class="num">${h(w.criteriaMet)}</th>${review.forecast ? `<th class="opt">${h(w.outlook)}</th>` : ''}${review.dossiers ? `<th class="num opt">${h(w.dossier)}</th>` : ''}` : `<th>${h(w.result)}</th>`}${columns
      .map(
        (c) =>
          `<th class="crit" title="${h(`${c.id}. ${c.name}`)}" scope="col"><span><b>${h(c.id)}</b>${h(c.name)}</span></th>`,
      )
      .join('')}</tr>`;
    const metCount = new Map<string, number>();
    const body = review.evaluations
      .map((evaluation) => {
        const tier = tiers(evaluation).find((x) => x.level === level);
        const commune = standing.get(evaluation.commune.id);
        const statusCells = assessed
          ? `<td>${badge(evaluation.status, lang, evaluation.undecided)}</td><td class="num">${evaluation.counts.criteriaMet}/${evaluation.counts.criteriaTotal}</td>${review.forecast ? `<td class="opt">${commune?.outlook ? chip(commune.outlook, lang) : ''}</td>` : ''}${review.dossiers ? `<td class="num opt">${commune?.dossiers ? `${commune.dossiers.complete}/${commune.dossiers.total}` : ''}</td>` : ''}`
          : `<td>${tier ? `${badge(tier.status, lang, tier.undecided)} <span class="small">${tier.counts.criteriaMet}/${tier.counts.criteriaTotal}</span>` : ''}</td>`;
        const cells = columns
          .map((c) => {
            const criterion = tier?.criteria.find((x) => x.id === c.id);
            if (!criterion) return '<td class="c"></td>';
            const key = `${evaluation.commune.id}\u0000${level}\u0000${c.id}`;
            if (criterion.status === 'met') metCount.set(c.id, (metCount.get(c.id) ?? 0) + 1);
            const cause =
              criterion.status === 'incomplete' ? (criterion.undecided?.cause ?? 'unknown-target') : null;
            const cls = cause ? `st-${cause}` : `st-${criterion.status}`;
            const glyph = cause === 'unknown-target' ? '◇' : SYMBOL[criterion.status];
            const doc =
              assessed && criterion.status === 'met'
                ? dossierOf.get(`${evaluation.commune.id}\u0000${c.id}`)
                : undefined;
            const words = [
              `${evaluation.commune.name} — ${c.id}. ${c.name}: ${tierStatus(criterion.status, lang)}${cause ? ` (${causeName(cause, lang)})` : ''}`,
              ...(gapTitle.get(key) ?? []),
              ...(late.has(key) ? [outlookName('off-track', lang)] : []),
              ...(doc ? [`${w.dossier}: ${doc}`] : []),
            ];
            return `<td class="c ${cls}${doc ? ' doc' : ''}" title="${h(words.join('\n'))}">${glyph}${late.has(key) ? '<sup class="late">!</sup>' : ''}</td>`;
          })
          .join('');
        return `<tr><th class="name" scope="row"><a href="#commune-${h(evaluation.commune.id)}">${h(evaluation.commune.name)}</a></th>${statusCells}${cells}</tr>`;
      })
      .join('\n');
    const blanks = assessed
      ? `<td></td><td></td>${review.forecast ? '<td class="opt"></td>' : ''}${review.dossiers ? '<td class="opt"></td>' : ''}`
      : '<td></td>';
    const foot = `<tr><th class="name" scope="row">${h(w.totalsRow)} (/${review.evaluations.length})</th>${blanks}${columns.map((c) => `<td>${metCount.get(c.id) ?? 0}</td>`).join('')}</tr>`;
    return `${assessed ? '' : `<h3>${h(w.prerequisiteMatrix(tierName(level, lang)))}</h3>`}${scroll(`<table class="matrix"><thead>${head}</thead><tbody>\n${body}\n</tbody><tfoot>${foot}</tfoot></table>`)}`;
  });
  const legend = `<p class="legend">${h(w.legend)}: <span class="c st-met">✔</span>${h(w.legendMet)} · <span class="c st-not-met">✘</span>${h(w.legendNotMet)} · <span class="c st-missing-data">?</span>${h(w.legendMissing)} · <span class="c st-unknown-target">◇</span>${h(w.legendUnknown)}${review.forecast ? ` · <span class="c st-not-met">✘<sup class="late">!</sup></span>${h(w.legendLate)}` : ''}${review.dossiers ? ` · <span class="c st-met doc">✔</span>${h(w.legendDossier)}` : ''}</p>`;
  const names = [...byTier.entries()]
    .map(
      ([level, columns]) =>
        `${byTier.size > 1 ? `<b>${h(tierName(level, lang))}</b>` : ''}<ol class="names">${columns
          .map(
            (c) =>
              `<li${/^\d+$/.test(c.id) ? ` value="${c.id}"` : ''}>${/^\d+$/.test(c.id) ? '' : `${h(c.id)}. `}${h(c.name)}</li>`,
          )
          .join('')}</ol>`,
    )
    .join('');
  return `<section id="matrix"><h2>${h(w.matrix)}</h2>
${tables.join('\n')}
${legend}
<details><summary>${h(w.criteriaNames)}</summary>${names}</details>
</section>`;
}

/** A target in a cell: kept on one line when short ("≥ 95 %**"), wrapped when it is a sentence. */
function targetCell(gap: GapRow, lang: Lang): Cell {
  const text = targetText(gap, lang);
  return { html: h(text), cls: [...text].length <= 14 ? 'nw' : '' };
}

/** The commune's value, with its history under it when there is more than one snapshot. */
function valueCell(gap: GapRow, series: string | undefined, lang: Lang): string {
  return `${h(actualText(gap, lang))}${series ? `<br><span class="small">${h(series)}</span>` : ''}`;
}

function indicatorLabel(gap: GapRow, lang: Lang, multi: boolean): string {
  const id = shownIndicatorId(gap.indicator);
  return `${multi ? `${h(tierShort(gap.level, lang))} ` : ''}${id ? `${h(id)} ` : ''}${h(t(gap.name, lang))}`;
}

/** Values of each numeric gap across the snapshots ("89,5 → 90,8"), by commune, tier and indicator. */
function seriesByGap(review: ReviewData): Map<string, string> {
  const lang = review.lang;
  const series = new Map<string, string>();
  for (const commune of review.forecast?.communes ?? []) {
    for (const gap of commune.gaps) {
      if (gap.series.length > 1) {
        series.set(
          `${commune.id}\u0000${gap.level}\u0000${gap.indicator}`,
          gap.series.map((p) => formatNumber(p.value, lang)).join(' → '),
        );
      }
    }
  }
  return series;
}

/** The gaps, most urgent first, with their history, pace, projected date and owner. */
function forecastSection(review: ReviewData, w: Words): string {
  const report = review.forecast;
  if (!report) return '';
  const lang = review.lang;
  const multi = review.evaluations.some((e) => e.prerequisites.length > 0);
  const owners = review.files.owners !== null;
  const series = seriesByGap(review);
  const agenda = [...review.gaps].sort(compareGaps);
  const cols: Col[] = [
    { label: w.outlook },
    { label: w.commune },
    { label: w.indicator },
    { label: w.actual },
    { label: w.target },
    { label: w.gap, cls: 'num' },
    { label: w.pace, cls: 'num' },
    { label: w.projected },
    ...(owners ? [{ label: w.owner }] : []),
  ];
  const rows = agenda.map((gap) => [
    gap.outlook ? chip(gap.outlook, lang) : '',
    h(gap.communeName),
    indicatorLabel(gap, lang, multi),
    valueCell(gap, series.get(`${gap.communeId}\u0000${gap.level}\u0000${gap.indicator}`), lang),
    targetCell(gap, lang),
    h(formatGap(gap.gap, gap.unit, lang)),
    gap.ratePerDay !== null
      ? `${perMonth(gap.ratePerDay, lang)}${gap.requiredRatePerDay !== null ? ` <span class="small">(${h(w.paceNeeded)} ${perMonth(gap.requiredRatePerDay, lang)})</span>` : ''}`
      : '',
    h(formatDate(gap.projected, lang)),
    ...(owners ? [h(gap.owner ?? w.unassigned)] : []),
  ]);
  const floor = timelineFloor(
    report.communes.flatMap((commune) => commune.history.map((p) => p.criteriaMet)),
    Math.max(
      0,
      ...report.communes.map((commune) => commune.history[commune.history.length - 1]?.criteriaTotal ?? 0),
    ),
  );
  const figures = report.communes
    .map((commune) => {
      const points = commune.history.map((p) => ({ asOf: p.asOf, met: p.criteriaMet }));
      const total = commune.history[commune.history.length - 1]?.criteriaTotal ?? 0;
      const label = `${commune.name}: ${points.map((p) => `${formatDate(p.asOf, lang)} ${p.met}/${total}`).join(', ')}; ${w.deadline} ${formatDate(report.deadline, lang)}`;
      return `<figure><figcaption>${h(commune.name)} ${chip(commune.outlook, lang)}</figcaption>${timelineSvg({ points, total, deadline: report.deadline, lang, label, floor })}</figure>`;
    })
    .join('\n');
  const helpList = (
    ['off-track', 'stalled', 'at-risk', 'needs-action', 'insufficient-data', 'on-track'] as const
  )
    .map((o) => `${chip(o, lang)} ${h(outlookName(o, lang))}: ${h(t(OUTLOOK_HELP[o], lang))}`)
    .join('<br>');
  return `<section id="forecast" class="page"><h2>${h(w.forecast)} ${h(formatDate(report.deadline, lang))} — ${h(daysLeftWords(report.daysLeft, lang))}</h2>
<p class="small">${h(w.forecastIntro(report.snapshots.length, report.margin))}</p>
<h3>${h(w.agenda)}</h3>
${agenda.length > 0 ? table(cols, rows, 'agenda') : `<p>${h(w.noGaps)}</p>`}
${more(h(w.outlookLegend), `<p class="legend">${helpList}<br>${h(confidenceLegend(lang))}</p>`)}
<h3>${h(w.timelines)}</h3>
<div class="timelines">
${figures}
</div>
</section>`;
}

function gapsSection(review: ReviewData, w: Words): string {
  if (review.forecast) return '';
  const lang = review.lang;
  const owners = review.files.owners !== null;
  const multi = review.evaluations.some((e) => e.prerequisites.length > 0);
  if (review.gaps.length === 0)
    return `<section id="gaps"><h2>${h(w.gaps)}</h2><p>${h(w.noGaps)}</p></section>`;
  const cols: Col[] = [
    { label: w.commune },
    { label: w.indicator },
    { label: w.actual },
    { label: w.target },
    { label: w.gap, cls: 'num' },
    ...(owners ? [{ label: w.owner }] : []),
  ];
  const rows = review.gaps.map((gap) => [
    h(gap.communeName),
    indicatorLabel(gap, lang, multi),
    h(actualText(gap, lang)),
    targetCell(gap, lang),
    h(formatGap(gap.gap, gap.unit, lang)),
    ...(owners ? [h(gap.owner ?? w.unassigned)] : []),
  ]);
  return `<section id="gaps" class="page"><h2>${h(w.gaps)}</h2>
${table(cols, rows, 'gaps')}
<p class="legend">${h(confidenceLegend(lang))}</p>
</section>`;
}

function dossierSection(review: ReviewData, w: Words): string {
  const report = review.dossiers;
  if (!report) return '';
  const lang = review.lang;
  const list = (
    entries: ReadonlyArray<{
      criterion: string;
      name: { vi: string; en: string };
      dossier: DossierStatus | null;
    }>,
    withState: boolean,
  ) =>
    entries
      .map(
        (e) =>
          `<span title="${h(`${e.criterion}. ${t(e.name, lang)}`)}">${h(e.criterion)}${withState ? ` <span class="small">(${h(dossierName(e.dossier, lang).toLowerCase())})</span>` : ''}</span>`,
      )
      .join(', ');
  const cols: Col[] = [
    { label: w.commune },
    { label: w.dossier, cls: 'num' },
    { label: '' },
    { label: w.metIncomplete },
    { label: w.completeNotMet },
    { label: w.completeUnconfirmed },
  ];
  const rows = report.communes.map((c) => [
    h(c.name),
    `${c.completeness.complete}/${c.completeness.total}`,
    barSvg({
      value: c.completeness.complete,
      before: null,
      total: c.completeness.total,
      label: `${c.name}: ${c.completeness.label}`,
    }),
    { html: list(c.metIncomplete, true), cls: c.metIncomplete.length > 0 ? 'warn' : '' },
    { html: list(c.completeNotMet, false), cls: c.completeNotMet.length > 0 ? 'no' : '' },
    list(c.completeUnconfirmed, false),
  ]);
  return `<section id="dossiers" class="page"><h2>${h(w.dossiers)}</h2>
<p>${h(w.dossierIntro(report.totals.complete, report.totals.criteria))}</p>
${table(cols, rows, 'dossiers')}
</section>`;
}

function notJudgedSection(review: ReviewData, w: Words): string {
  if (review.notJudged.length === 0) return '';
  const lang = review.lang;
  const multi = review.evaluations.some((e) => e.prerequisites.length > 0);
  const all = review.evaluations.length;
  const unknown = review.notJudged.filter((g) => g.status === 'not-evaluable');
  const missing = review.notJudged.filter((g) => g.status === 'missing');
  const parts: string[] = [];
  if (unknown.length > 0) {
    const groups = new Map<string, { gap: GapRow; communes: string[] }>();
    for (const gap of unknown) {
      const key = `${gap.level}|${gap.indicator}`;
      const group = groups.get(key) ?? { gap, communes: [] };
      group.communes.push(gap.communeName);
      groups.set(key, group);
    }
    const rows = [...groups.values()].map(({ gap, communes }) => [
      indicatorLabel(gap, lang, multi),
      gap.reason ? h(t(gap.reason, lang)) : '',
      h(communes.length === all && all > 1 ? w.all(all) : communes.join(', ')),
    ]);
    parts.push(`<h3 class="na">${h(w.unknownTargets)}</h3>
<p class="note">${h(w.unknownTargetsIntro(unknown.length, groups.size))}</p>
${more(h(w.list(groups.size)), table([{ label: w.indicator }, { label: w.reason }, { label: w.affected }], rows))}`);
  }
  if (missing.length > 0) {
    const owners = review.files.owners !== null;
    const rows = missing.map((gap) => [
      h(gap.communeName),
      indicatorLabel(gap, lang, multi),
      gap.reason ? h(t(gap.reason, lang)) : '',
      ...(owners ? [h(gap.owner ?? w.unassigned)] : []),
    ]);
    parts.push(`<h3 class="warn">${h(indicatorStatus('missing', lang))}</h3>
<p class="note">${h(w.missingIntro(missing.length))}</p>
${more(h(w.list(missing.length)), table([{ label: w.commune }, { label: w.indicator }, { label: w.reason }, ...(owners ? [{ label: w.owner }] : [])], rows))}`);
  }
  return `<section id="not-judged"><h2>${h(w.notJudged)}</h2>
${parts.join('\n')}
</section>`;
}

function progressSection(review: ReviewData, w: Words): string {
  const progress = review.progress;
  if (!progress || !review.previousAsOf) return '';
  const lang = review.lang;
  const multi = review.evaluations.some((e) => e.prerequisites.length > 0);
  const label = (level: string, id: string) => `${multi ? `${tierShort(level, lang)} ` : ''}${id}`;
  const communeRows = progress.communes.map((c) => {
    const gained = c.criteria
      .filter((x) => x.after === 'met' && x.before !== 'met')
      .map((x) => label(x.level, x.id));
    const lost = c.criteria
      .filter((x) => x.before === 'met' && x.after !== 'met')
      .map((x) => label(x.level, x.id));
    const word = communeChangeWord(c.direction);
    return [
      `${h(c.name)}${c.rulesetChanged ? ` <span class="small">(${h(w.rulesetChanged)})</span>` : ''}`,
      `${badge(c.before, lang)} ${c.criteriaMetBefore}`,
      `${badge(c.after, lang)} ${c.criteriaMetAfter}`,
      { html: h(changeName(word, lang)), cls: changeClass(word) },
      h(gained.join(', ')),
      h(lost.join(', ')),
    ];
  });
  const words = changeWords(review);
  const changes = progress.communes
    .flatMap((c) => c.indicators.map((change) => ({ commune: c, change })))
    .map(({ commune, change }) => ({ commune, change, word: words.get(change) ?? 'other' }))
    .filter(({ word }) => word !== 'unchanged')
    .map(({ commune, change, word }) => [
      h(commune.name),
      `${shownIndicatorId(change.indicator) ? `${h(label(change.level, change.indicator))} ` : multi ? `${h(tierShort(change.level, lang))} ` : ''}${h(t(change.name, lang))}`,
      h(formatValue(change.before.actual, change.unit, lang) || indicatorStatus(change.before.status, lang)),
      h(formatValue(change.after.actual, change.unit, lang) || indicatorStatus(change.after.status, lang)),
      { html: h(changeName(word, lang)), cls: changeClass(word) },
    ]);
  const snapshots = review.snapshots;
  // Criteria every commune met at every snapshot are summed up in one line; the others get a bar.
  const moving = review.criteriaHistory.filter((c) =>
    c.met.some((n, i) => n !== null && n !== c.assessed[i]),
  );
  const steady = review.criteriaHistory.length - moving.length;
  const bars = moving.map((c) => {
    const now = c.met[c.met.length - 1] ?? 0;
    const before = c.met.length > 1 ? (c.met[c.met.length - 2] ?? null) : null;
    const total = c.assessed[c.assessed.length - 1] ?? 0;
    const history = c.met.map((n, i) => `${formatDate(snapshots[i]?.asOf, lang)}: ${n ?? '–'}`).join(', ');
    return [
      `${h(label(c.level, c.id))}. ${h(t(c.name, lang))}`,
      barSvg({ value: now, before, total, label: `${c.id}. ${t(c.name, lang)} — ${history}` }),
      `<b>${now}</b>/${total}`,
      h(c.met.map((n) => n ?? '–').join(' → ')),
    ];
  });
  const extra = [
    progress.added.length > 0
      ? `<p>${h(w.added)}: ${h(progress.added.map((c) => c.name).join(', '))}</p>`
      : '',
    progress.removed.length > 0
      ? `<p>${h(w.removed)}: ${h(progress.removed.map((c) => c.name).join(', '))}</p>`
      : '',
  ].join('');
  return `<section id="progress" class="page"><h2>${h(w.progressSince(formatDate(review.previousAsOf, lang), formatDate(review.asOf, lang)))}</h2>
<p>${h(w.progressTotals(progress.totals))}</p>${extra}
${table([{ label: w.commune }, { label: w.before }, { label: w.now }, { label: w.trend }, { label: w.newlyMetCriteria }, { label: w.lostCriteria }], communeRows)}
${more(
  `<h3>${h(w.criteriaProgress)}</h3>`,
  `<p class="legend">${h(w.barLegend)}${steady > 0 ? ` ${h(w.steady(steady))}` : ''}</p>
${bars.length > 0 ? table([{ label: w.criterion }, { label: '' }, { label: w.now, cls: 'num' }, { label: `${w.history} (${snapshots.map((s) => formatDate(s.asOf, lang)).join(' → ')})` }], bars, 'bars') : ''}`,
)}
${changes.length > 0 ? more(`<h3>${h(w.indicatorChanges)} (${changes.length})</h3>`, table([{ label: w.commune }, { label: w.indicator }, { label: w.before }, { label: w.now }, { label: w.trend }], changes)) : ''}
</section>`;
}

function ownersSection(review: ReviewData, w: Words): string {
  if (review.files.owners === null) return '';
  const lang = review.lang;
  const multi = review.evaluations.some((e) => e.prerequisites.length > 0);
  const forecast = review.forecast !== null;
  const cols: Col[] = [
    ...(forecast ? [{ label: w.outlook }] : []),
    { label: w.commune },
    { label: w.indicator },
    { label: w.actual },
    { label: w.target },
    { label: w.gap, cls: 'num' },
    ...(forecast ? [{ label: w.projected }] : []),
  ];
  const body = gapsByOwner(review)
    .map(({ owner, gaps }) => {
      const rows = gaps.map((gap) => [
        ...(forecast ? [gap.outlook ? chip(gap.outlook, lang) : ''] : []),
        h(gap.communeName),
        indicatorLabel(gap, lang, multi),
        h(actualText(gap, lang)),
        targetCell(gap, lang),
        h(formatGap(gap.gap, gap.unit, lang)),
        ...(forecast ? [h(formatDate(gap.projected, lang))] : []),
      ]);
      return more(`<h3>${h(owner ?? w.unassigned)} (${gaps.length})</h3>`, table(cols, rows));
    })
    .join('\n');
  return `<section id="owners" class="page"><h2>${h(w.byOwner)}</h2>
${body || `<p>${h(w.noGaps)}</p>`}
</section>`;
}

/** What every commune's section looks up, computed once per report (not once per commune). */
interface CommuneLookups {
  /** The value series of a gap, by commune, level and indicator. */
  series: Map<string, string>;
  /** Each commune's gaps and not-judged indicators, by commune id, in the review's order. */
  gapsByCommune: Map<string, ReviewData['gaps']>;
}

function communeLookups(review: ReviewData): CommuneLookups {
  const gapsByCommune = new Map<string, ReviewData['gaps']>();
  for (const gap of [...review.gaps, ...review.notJudged]) {
    const list = gapsByCommune.get(gap.communeId);
    if (list) list.push(gap);
    else gapsByCommune.set(gap.communeId, [gap]);
  }
  return { series: seriesByGap(review), gapsByCommune };
}

function communeSection(
  evaluation: Evaluation,
  index: number,
  review: ReviewData,
  w: Words,
  hasBundle: boolean,
  { series, gapsByCommune }: CommuneLookups,
): string {
  const lang = review.lang;
  const standing = review.communes[index];
  const held = standing
    ? [
        standing.unmet > 0 ? `${standing.unmet} ${lang === 'en' ? 'not met' : 'chỉ tiêu chưa đạt'}` : '',
        standing.missingData > 0 ? `${standing.missingData} ${causeName('missing-data', lang)}` : '',
        standing.unknownTargets > 0 ? `${standing.unknownTargets} ${causeName('unknown-target', lang)}` : '',
      ].filter(Boolean)
    : [];
  const ownGaps = gapsByCommune.get(evaluation.commune.id) ?? [];
  const cols: Col[] = [
    { label: w.criterion },
    { label: w.indicator },
    { label: w.status },
    { label: w.actual },
    { label: w.target },
    { label: w.gap, cls: 'num' },
    ...(review.forecast ? [{ label: w.outlook }] : []),
  ];
  const blocks = tiers(evaluation)
    .reverse()
    .map((tier) => {
      const label = `${tier === evaluation ? '' : `${w.prerequisite}: `}${tierName(tier.level, lang)} — ${tierStatus(tier.status, lang)}, ${tier.counts.criteriaMet}/${tier.counts.criteriaTotal} ${lang === 'en' ? 'criteria' : 'tiêu chí'}${tier.undecided ? ` (${causeName(tier.undecided.cause, lang)})` : ''}`;
      const gaps = ownGaps.filter((g) => g.level === tier.level);
      if (gaps.length === 0) return `<p><b>${h(label)}</b> — ${h(w.allCriteriaMet)}</p>`;
      // Indicators under their criterion, each criterion named once.
      let criterion = '';
      const rows = gaps.map((gap) => {
        const first = gap.criterion !== criterion;
        criterion = gap.criterion;
        const cls = gap.status === 'not-met' ? 'no' : gap.status === 'missing' ? 'warn' : 'na';
        return [
          first ? `${h(gap.criterion)}. ${h(t(gap.criterionName, lang))}` : '',
          `${shownIndicatorId(gap.indicator) ? `${h(gap.indicator)} ` : ''}${h(t(gap.name, lang))}`,
          { html: h(indicatorStatus(gap.status, lang)), cls },
          valueCell(gap, series.get(`${gap.communeId}\u0000${gap.level}\u0000${gap.indicator}`), lang),
          targetCell(gap, lang),
          h(formatGap(gap.gap, gap.unit, lang)),
          ...(review.forecast
            ? [
                `${gap.outlook && gap.status === 'not-met' ? chip(gap.outlook, lang) : ''}${gap.projected ? ` ${h(formatDate(gap.projected, lang))}` : ''}`,
              ]
            : []),
        ];
      });
      return `<p><b>${h(label)}</b></p>${table(cols, rows)}`;
    })
    .join('\n');
  return `<details class="commune" id="commune-${h(evaluation.commune.id)}">
<summary>${h(evaluation.commune.name)} ${badge(evaluation.status, lang, evaluation.undecided)} <span class="small">${evaluation.counts.criteriaMet}/${evaluation.counts.criteriaTotal}${held.length > 0 ? ` · ${h(held.join(' · '))}` : ''}</span>${standing?.outlook && standing.outlook !== 'met' ? ` ${chip(standing.outlook, lang)}` : ''}</summary>
${hasBundle ? `<div class="interactive"><ntm-scorecard lang="${lang}" theme="light" heading-level="3" data-index="${index}"></ntm-scorecard></div>` : ''}
<div class="${hasBundle ? 'fallback-screen' : ''}">${blocks}</div>
</details>`;
}

function problemsSection(review: ReviewData, w: Words): string {
  if (review.problems.length === 0) return '';
  const lang = review.lang;
  const rows = review.problems.map((p) => [
    h(p.file),
    h(p.row ?? ''),
    h(p.column),
    h(p.value),
    h(lang === 'en' ? p.reason : (p.reasonVi ?? p.reason)),
  ]);
  return `<section id="problems"><h2>${h(w.problems)}</h2><p>${h(w.problemsIntro)}</p>
${table([{ label: w.file }, { label: w.row, cls: 'num' }, { label: w.column }, { label: w.value }, { label: w.reason }], rows)}
</section>`;
}

function aboutSection(review: ReviewData, w: Words, hasBundle: boolean): string {
  const lang = review.lang;
  return `<section id="about"><h2>${h(w.about)}</h2>
<p>${h(w.rules)}:<br>${rulesetLine(review)}</p>
<p>${h(w.confidenceCounts(review.confidence))}</p>
<p class="legend">${h(confidenceLegend(lang))}</p>
<p class="small">${h(hasBundle ? w.interactive : w.noInteractive)}</p>
</section>`;
}

/**
 * The page script: hands the embedded evaluations (their repeated parts written once, see shared-json.ts) to the
 * scorecards once they are defined.
 */
const WIRING = `
${UNSHARE_SOURCE}
const data = unshareRepeated(JSON.parse(document.getElementById('ntm-data').textContent));
const late = new Promise((resolve) => setTimeout(() => resolve('timeout'), 4000));
Promise.race([customElements.whenDefined('ntm-scorecard'), late]).then((outcome) => {
  if (outcome === 'timeout') return;
  const key = (e) => e.commune.id + '\\u0000' + e.level;
  const before = new Map((data.previous || []).map((e) => [key(e), e]));
  for (const card of document.querySelectorAll('ntm-scorecard[data-index]')) {
    const result = data.evaluations[Number(card.dataset.index)];
    card.result = result;
    const previous = before.get(key(result));
    if (previous) card.previous = previous;
    if (data.forecast && 'forecast' in card) card.forecast = data.forecast;
  }
  document.documentElement.classList.replace('static', 'enhanced');
});
`;

/**
 * Opens every commune for printing (a closed section would print as one line), shows times in the reader's
 * own time zone when it is not the one the report was written in, and the "open all" button.
 */
const PAGE = `
const sections = () => document.querySelectorAll('details.commune');
window.addEventListener('beforeprint', () => { for (const d of document.querySelectorAll('details')) d.open = true; });
if (window.matchMedia('(min-width: 641px)').matches) {
  for (const d of document.querySelectorAll('details[data-wide-open]')) d.open = true;
}
for (const button of document.querySelectorAll('button.open-all')) {
  button.hidden = false;
  button.addEventListener('click', () => { const open = [...sections()].some((d) => !d.open); for (const d of sections()) d.open = open; });
}
const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
for (const time of document.querySelectorAll('time[data-zone]')) {
  if (!zone || zone === time.dataset.zone) continue;
  const parts = new Intl.DateTimeFormat('en-GB', { timeZone: zone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZoneName: 'shortOffset' }).formatToParts(new Date(time.dateTime));
  const part = (type) => (parts.find((p) => p.type === type) || {}).value || '';
  const day = document.documentElement.lang === 'en' ? part('year') + '-' + part('month') + '-' + part('day') : part('day') + '/' + part('month') + '/' + part('year');
  time.textContent = day + ' ' + part('hour') + ':' + part('minute') + ' (' + (part('timeZoneName') === 'GMT' ? 'GMT+0' : part('timeZoneName')) + ', ' + zone + ')';
}
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
  /** Why there is no bundle (kept for callers; the reason is printed on stderr, not in the page). */
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
    deadline: review.deadline,
    generatedAt: review.generatedAt,
    files: review.files,
    snapshots: review.snapshots,
    evaluations: review.evaluations,
    previous: review.previous,
    forecast: review.forecast,
    dossiers: review.dossiers,
    problems: review.problems,
  };
  const lookups = communeLookups(review);
  const communes = review.evaluations
    .map((e, i) => communeSection(e, i, review, w, hasBundle, lookups))
    .join('\n');
  const files = [
    review.files.current,
    ...review.files.previous,
    review.files.owners,
    review.files.dossier,
  ].filter((file): file is string => !!file);
  return `<!doctype html>
<html lang="${lang}" class="static">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="ntm (@nongthonmoi/cli)">
<title>${h(title)}${review.place ? ` — ${h(review.place)}` : ''}${review.illustrative ? ` (${lang === 'en' ? 'illustrative data' : 'dữ liệu minh họa'})` : ''}</title>
<style>${CSS}</style>
</head>
<body>
${header(review, w)}
${summarySection(review, w)}
${matrixSection(review, w)}
${forecastSection(review, w)}
${gapsSection(review, w)}
${dossierSection(review, w)}
${notJudgedSection(review, w)}
${progressSection(review, w)}
${ownersSection(review, w)}
<section id="communes" class="page"><h2>${h(w.cards)}</h2>
<p class="small">${h(w.cardsHint)} <button type="button" class="open-all" hidden>${h(w.openAll)}</button></p>
${communes}
</section>
${problemsSection(review, w)}
${aboutSection(review, w, hasBundle)}
<footer>
${review.illustrative ? `<p><b>${h(t(review.illustrative, lang))}</b></p>` : ''}
<p>${h(w.generated)}: <time datetime="${h(review.generatedAt)}" data-zone="${h(review.timeZone)}">${h(formatDateTime(review.generatedAt, lang, review.timeZone))}</time> · ${h(w.data)}: ${h(files.join(', '))}</p>
<p>${h(w.disclaimer)}</p>
</footer>
<script type="application/json" id="ntm-data">${scriptJson(escapeControlsDeep(shareRepeated(embedded)))}</script>
<script type="module">${PAGE}</script>
${bundleScripts(options.bundle)}
${hasBundle ? `<script type="module">${WIRING}</script>` : ''}
</body>
</html>
`;
}
