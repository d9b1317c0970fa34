/**
 * Every string the elements show, in Vietnamese (default) and English. Numbers, dates and lists are formatted
 * with Intl in `format.ts`; the functions here only place already formatted values in sentences.
 */

export type Lang = 'vi' | 'en';

import type { Confidence, TierOutlook, UndecidedCause } from '@nongthonmoi/core/review';

type IndicatorStatusKey = 'met' | 'not-met' | 'missing' | 'not-applicable' | 'not-evaluable';
type TierStatusKey = 'met' | 'not-met' | 'incomplete';
type DirectionKey = 'improved' | 'worsened' | 'changed' | 'unchanged';

export interface Messages {
  /** BCP 47 locale given to Intl. */
  locale: string;
  indicatorStatus: Record<IndicatorStatusKey, string>;
  /** `incomplete` is the word for a result that does not say why (core's `undecided` missing). */
  criterionStatus: Record<TierStatusKey, string>;
  /** Why a tier or criterion is undecided (core's `undecided.cause`). */
  undecided: Record<UndecidedCause, string>;
  /** The counts of `undecided`, in a verdict: what to do about each. */
  missingWhy: (n: number) => string;
  unknownWhy: (n: number) => string;
  /** The same, short, next to a criterion. */
  missingShort: (n: number) => string;
  unknownShort: (n: number) => string;
  /** Noun phrase of each known tier, used in verdicts ("Đạt chuẩn …"). */
  tiers: Record<string, string>;
  /** Short tier names for table cells. */
  tierShort: Record<string, string>;
  verdict: (status: TierStatusKey, tier: string) => string;
  prerequisite: (tier: string) => string;
  recognition: string;
  criteriaMet: (met: number, total: number) => string;
  indicatorsMet: (met: number, total: number) => string;
  criterion: (id: string) => string;
  rulesetLabel: string;
  basisLabel: string;
  documentDate: (number: string, date: string) => string;
  asOfLabel: string;
  regionLabel: string;
  groupLabel: string;
  regionBasis: (declared: string, applied: string) => string;
  overlaysLabel: string;
  coverageIncomplete: string;
  actual: string;
  target: string;
  ceiling: string;
  requirement: string;
  yes: string;
  no: string;
  noData: string;
  noneSelected: string;
  gapShort: (amount: string) => string;
  gapOverCeiling: (amount: string) => string;
  gapOff: (amount: string) => string;
  gapAbove: (amount: string) => string;
  gapBelowCeiling: (amount: string) => string;
  gapExact: string;
  /** Unit of a gap measured in percent: percentage points. */
  percentagePoints: string;
  meterText: (actual: string, target: string) => string;
  citation: string;
  guidance: string;
  source: string;
  provinceTarget: string;
  provinceTargetBy: (document: string) => string;
  /** How sure a target is, as said next to it: an assumption is never shown as the law. */
  confidence: Record<Confidence, string>;
  /** Before a tier's counts by confidence. */
  confidenceSummary: string;
  /** The target is an assumed lower bound. */
  bound: string;
  boundShort: string;
  /** A placeholder: a whole criterion as the commune assesses it. */
  placeholder: string;
  selfAssessed: string;
  basis: string;
  reason: string;
  /** The deadline and the days left, counted from the forecast's review date (`from`), never from the clock. */
  deadline: (date: string, days: number, daysText: string, from: string) => string;
  outlookLabel: string;
  /** Outlooks of a forecast (core's `forecast`), worst first. */
  outlooks: Record<TierOutlook, string>;
  projected: (date: string) => string;
  notAtThisPace: string;
  unchanged: string;
  lastChanged: (date: string) => string;
  oneReview: string;
  direction: Record<DirectionKey, string>;
  was: (value: string) => string;
  criterionWas: (status: string) => string;
  previousReview: (date: string) => string;
  criteriaChange: (before: number, after: number) => string;
  rulesetChanged: string;
  expandAll: string;
  collapseAll: string;
  showCriteria: string;
  loading: string;
  evaluating: string;
  empty: string;
  errorTitle: string;
  /** How a `Problem` (validate.ts) is worded after its path. */
  problem: {
    expected: Record<'object' | 'array' | 'string' | 'number' | 'text', string>;
    oneOf: (values: string) => string;
    tooMany: (count: string, limit: string) => string;
    unreadable: string;
  };
  errors: {
    badUrl: (src: string) => string;
    http: (src: string, status: number) => string;
    network: (src: string) => string;
    badJson: (src: string) => string;
    noLevel: string;
    invalidCommune: string;
    evaluation: string;
    loadCore: string;
    malformed: string;
    malformedList: string;
    tooLarge: string;
    unreadable: string;
    render: string;
  };
}

const vi: Messages = {
  locale: 'vi-VN',
  indicatorStatus: {
    met: 'Đạt',
    'not-met': 'Chưa đạt',
    missing: 'Thiếu số liệu',
    'not-applicable': 'Không áp dụng',
    'not-evaluable': 'Chưa có mức chính thức',
  },
  criterionStatus: { met: 'Đạt', 'not-met': 'Chưa đạt', incomplete: 'Chưa đủ căn cứ' },
  undecided: {
    'missing-data': 'Thiếu số liệu',
    'unknown-target': 'Chưa có mức chỉ tiêu chính thức',
    both: 'Thiếu số liệu; chưa có mức chỉ tiêu chính thức',
  },
  missingWhy: (n) => `Thiếu số liệu: ${n} chỉ tiêu, xã cần bổ sung`,
  unknownWhy: (n) =>
    `Chưa có mức chỉ tiêu chính thức: ${n} chỉ tiêu, số liệu của xã không thay đổi được điều này`,
  missingShort: (n) => `${n} thiếu số liệu`,
  unknownShort: (n) => `${n} chưa có mức`,
  tiers: {
    ntm: 'xã nông thôn mới',
    'nang-cao': 'xã nông thôn mới nâng cao',
    'kieu-mau': 'xã nông thôn mới kiểu mẫu',
    'cong-nhan': 'điều kiện công nhận',
  },
  tierShort: { ntm: 'NTM', 'nang-cao': 'NTM nâng cao', 'kieu-mau': 'NTM kiểu mẫu', 'cong-nhan': 'Công nhận' },
  verdict: (status, tier) =>
    status === 'met'
      ? `Đạt chuẩn ${tier}`
      : status === 'not-met'
        ? `Chưa đạt chuẩn ${tier}`
        : `Chưa kết luận được về chuẩn ${tier}`,
  prerequisite: (tier) => `Điều kiện: đạt chuẩn ${tier}`,
  recognition: 'Điều kiện công nhận',
  criteriaMet: (met, total) => `${met}/${total} tiêu chí đạt`,
  indicatorsMet: (met, total) => `${met}/${total} chỉ tiêu đạt`,
  criterion: (id) => `Tiêu chí ${id}`,
  rulesetLabel: 'Bộ tiêu chí',
  basisLabel: 'Căn cứ',
  documentDate: (number, date) => `${number} ngày ${date}`,
  asOfLabel: 'Thời điểm đánh giá',
  regionLabel: 'Vùng',
  groupLabel: 'Nhóm xã',
  regionBasis: (declared, applied) => `Xã thuộc vùng ${declared} nhưng áp dụng mức của vùng ${applied}`,
  overlaysLabel: 'Mức do tỉnh quy định',
  coverageIncomplete: 'Bộ tiêu chí chưa được mã hóa đầy đủ',
  actual: 'Thực tế',
  target: 'Mức yêu cầu',
  ceiling: 'Mức trần',
  requirement: 'Yêu cầu',
  yes: 'Có',
  no: 'Không',
  noData: 'chưa có số liệu',
  noneSelected: '(không có)',
  gapShort: (amount) => `còn thiếu ${amount}`,
  gapOverCeiling: (amount) => `vượt mức trần ${amount}`,
  gapOff: (amount) => `chênh ${amount} so với mức yêu cầu`,
  gapAbove: (amount) => `cao hơn mức yêu cầu ${amount}`,
  gapBelowCeiling: (amount) => `thấp hơn mức trần ${amount}`,
  gapExact: 'đúng bằng mức yêu cầu',
  percentagePoints: 'điểm %',
  meterText: (actual, target) => `${actual}, mức yêu cầu ${target}`,
  citation: 'Trích dẫn',
  guidance: 'hướng dẫn',
  source: 'Nguồn',
  provinceTarget: 'Mức do tỉnh quy định',
  provinceTargetBy: (document) => `Mức do tỉnh quy định (${document})`,
  confidence: {
    official: 'Mức chính thức',
    secondary: 'Mức theo nguồn thứ cấp, chưa đối chiếu với văn bản gốc',
    assumed: 'Mức giả định, không phải mức ghi trong văn bản',
    unknown: 'Chưa có mức chỉ tiêu chính thức',
  },
  confidenceSummary: 'Độ tin cậy của mức chỉ tiêu',
  bound: 'Mức tối thiểu: đạt mức này chưa phải là đạt chỉ tiêu',
  boundShort: 'tối thiểu',
  placeholder:
    'Chỉ tiêu giữ chỗ: cả tiêu chí theo kết quả tự đánh giá của xã, vì các chỉ tiêu và mức chính thức chưa được nhập; xã báo đạt thì chưa kết luận được',
  selfAssessed: 'Xã tự đánh giá',
  basis: 'Cơ sở của mức',
  reason: 'Lý do',
  deadline: (date, days, n, from) =>
    `Hạn hoàn thành: ${date} · ${days > 0 ? `còn ${n} ngày (tính từ ${from})` : days < 0 ? `đã quá hạn ${n} ngày (tính đến ${from})` : `đến hạn vào ngày đánh giá ${from}`}`,
  outlookLabel: 'Triển vọng đến hạn',
  outlooks: {
    'off-track': 'Không kịp hạn',
    stalled: 'Đứng yên',
    'at-risk': 'Nguy cơ trễ hạn',
    'needs-action': 'Cần hành động',
    'insufficient-data': 'Chưa đủ số kỳ',
    'missing-data': 'Thiếu số liệu',
    'unknown-target': 'Chờ mức chỉ tiêu',
    'on-track': 'Kịp hạn',
    met: 'Đã đạt',
  },
  projected: (date) => `dự kiến đạt ngày ${date}`,
  notAtThisPace: 'với tốc độ hiện nay không đạt được',
  unchanged: 'không thay đổi qua các kỳ',
  lastChanged: (date) => `thay đổi lần cuối ${date}`,
  oneReview: 'mới có số liệu của một kỳ, chưa tính được tốc độ',
  direction: {
    improved: '▲ Cải thiện',
    worsened: '▼ Giảm',
    changed: '◆ Thay đổi',
    unchanged: '= Không đổi',
  },
  was: (value) => `kỳ trước: ${value}`,
  criterionWas: (status) => `kỳ trước: ${status}`,
  previousReview: (date) => `So với kỳ trước (${date})`,
  criteriaChange: (before, after) => `${before} → ${after} tiêu chí đạt`,
  rulesetChanged: 'Hai kỳ dùng bộ tiêu chí hoặc mức khác nhau',
  expandAll: 'Mở tất cả',
  collapseAll: 'Thu gọn tất cả',
  showCriteria: 'Xem các tiêu chí',
  loading: 'Đang tải dữ liệu xã…',
  evaluating: 'Đang đánh giá…',
  empty: 'Chưa có kết quả để hiển thị.',
  errorTitle: 'Không hiển thị được kết quả',
  problem: {
    expected: {
      object: 'phải là một đối tượng',
      array: 'phải là một danh sách',
      string: 'phải là một chuỗi ký tự',
      number: 'phải là một số',
      text: 'phải là một chuỗi ký tự hoặc {vi, en}',
    },
    oneOf: (values) => `phải là một trong các giá trị ${values}`,
    tooMany: (count, limit) => `có ${count} mục, vượt giới hạn ${limit}`,
    unreadable: 'không đọc được (đọc giá trị thì gặp lỗi)',
  },
  errors: {
    badUrl: (src) => `Địa chỉ dữ liệu không hợp lệ: ${src}`,
    http: (src, status) => `Không tải được dữ liệu xã (HTTP ${status}) từ ${src}`,
    network: (src) => `Không kết nối được tới ${src}`,
    badJson: (src) => `Tệp ${src} không phải JSON hợp lệ`,
    noLevel: 'Thiếu thuộc tính level (hạng cần đánh giá, ví dụ ntm, nang-cao, kieu-mau)',
    invalidCommune: 'Dữ liệu xã không hợp lệ',
    evaluation: 'Không đánh giá được xã',
    loadCore: 'Không tải được bộ đánh giá',
    malformed: 'Kết quả đánh giá không đúng định dạng',
    malformedList: 'Danh sách kết quả không đúng định dạng',
    tooLarge: 'Dữ liệu quá lớn để hiển thị',
    unreadable: 'Không đọc được kết quả đánh giá',
    render: 'Kết quả có phần không hiển thị được',
  },
};

const en: Messages = {
  locale: 'en-GB',
  indicatorStatus: {
    met: 'Met',
    'not-met': 'Not met',
    missing: 'Missing data',
    'not-applicable': 'Not applicable',
    'not-evaluable': 'No official target',
  },
  criterionStatus: { met: 'Met', 'not-met': 'Not met', incomplete: 'Undecided' },
  undecided: {
    'missing-data': 'Missing data',
    'unknown-target': 'No official target yet',
    both: 'Missing data; no official target yet',
  },
  missingWhy: (n) =>
    `Missing data: ${n} ${n === 1 ? 'indicator' : 'indicators'}, to be supplied by the commune`,
  unknownWhy: (n) =>
    `No official target yet: ${n} ${n === 1 ? 'indicator' : 'indicators'}; no data from the commune can change this`,
  missingShort: (n) => `${n} missing data`,
  unknownShort: (n) => `${n} without a target`,
  tiers: {
    ntm: 'new-rural commune',
    'nang-cao': 'advanced new-rural commune',
    'kieu-mau': 'model new-rural commune',
    'cong-nhan': 'recognition conditions',
  },
  tierShort: { ntm: 'NTM', 'nang-cao': 'Advanced NTM', 'kieu-mau': 'Model NTM', 'cong-nhan': 'Recognition' },
  verdict: (status, tier) =>
    status === 'met'
      ? `Meets the ${tier} standard`
      : status === 'not-met'
        ? `Does not yet meet the ${tier} standard`
        : `Cannot yet decide on the ${tier} standard`,
  prerequisite: (tier) => `Prerequisite: ${tier} standard`,
  recognition: 'Recognition conditions',
  criteriaMet: (met, total) => `${met}/${total} criteria met`,
  indicatorsMet: (met, total) => `${met}/${total} indicators met`,
  criterion: (id) => `Criterion ${id}`,
  rulesetLabel: 'Criteria set',
  basisLabel: 'Legal basis',
  documentDate: (number, date) => `${number} of ${date}`,
  asOfLabel: 'Assessed as of',
  regionLabel: 'Region',
  groupLabel: 'Commune group',
  regionBasis: (declared, applied) =>
    `The commune is in the ${declared} region but uses the targets of ${applied}`,
  overlaysLabel: 'Targets set by the province',
  coverageIncomplete: 'This criteria set is not fully encoded',
  actual: 'Actual',
  target: 'Target',
  ceiling: 'Ceiling',
  requirement: 'Requirement',
  yes: 'Yes',
  no: 'No',
  noData: 'no data',
  noneSelected: '(none)',
  gapShort: (amount) => `${amount} short of the target`,
  gapOverCeiling: (amount) => `${amount} over the ceiling`,
  gapOff: (amount) => `${amount} off the required value`,
  gapAbove: (amount) => `${amount} above the target`,
  gapBelowCeiling: (amount) => `${amount} below the ceiling`,
  gapExact: 'exactly at the target',
  percentagePoints: 'percentage points',
  meterText: (actual, target) => `${actual}, target ${target}`,
  citation: 'Citation',
  guidance: 'guidance',
  source: 'Source',
  provinceTarget: 'Target set by the province',
  provinceTargetBy: (document) => `Target set by the province (${document})`,
  confidence: {
    official: 'Official target',
    secondary: 'Target from a secondary source, not checked against the original text',
    assumed: 'Assumed target, not a value written in the law',
    unknown: 'No official target yet',
  },
  confidenceSummary: 'Confidence of the targets',
  bound: 'Lower bound: meeting it does not mean the indicator is met',
  boundShort: 'lower bound',
  placeholder:
    'Placeholder: the whole criterion as the commune assesses it, because its official indicators and targets are not imported yet; a commune reporting it met cannot be decided yet',
  selfAssessed: 'Self-assessed by the commune',
  basis: 'Basis of the target',
  reason: 'Reason',
  deadline: (date, days, n, from) =>
    `Deadline: ${date} · ${days > 0 ? `${n} ${days === 1 ? 'day' : 'days'} left (from ${from})` : days < 0 ? `${n} ${days === -1 ? 'day' : 'days'} past (as of ${from})` : `due on the review date, ${from}`}`,
  outlookLabel: 'Outlook by the deadline',
  outlooks: {
    'off-track': 'Off track',
    stalled: 'Stalled',
    'at-risk': 'At risk',
    'needs-action': 'Needs action',
    'insufficient-data': 'Too few reviews',
    'missing-data': 'Missing data',
    'unknown-target': 'Target pending',
    'on-track': 'On track',
    met: 'Met',
  },
  projected: (date) => `projected to be met on ${date}`,
  notAtThisPace: 'not reached at the current pace',
  unchanged: 'unchanged across the reviews',
  lastChanged: (date) => `last changed ${date}`,
  oneReview: 'values from one review only: no pace yet',
  direction: {
    improved: '▲ Improved',
    worsened: '▼ Worse',
    changed: '◆ Changed',
    unchanged: '= Unchanged',
  },
  was: (value) => `previously ${value}`,
  criterionWas: (status) => `previously: ${status}`,
  previousReview: (date) => `Compared with the previous review (${date})`,
  criteriaChange: (before, after) => `${before} → ${after} criteria met`,
  rulesetChanged: 'The two reviews used different criteria or targets',
  expandAll: 'Expand all',
  collapseAll: 'Collapse all',
  showCriteria: 'Show the criteria',
  loading: 'Loading commune data…',
  evaluating: 'Evaluating…',
  empty: 'No result to show.',
  errorTitle: 'The result cannot be shown',
  problem: {
    expected: {
      object: 'expected an object',
      array: 'expected an array',
      string: 'expected a string',
      number: 'expected a number',
      text: 'expected a string or {vi, en}',
    },
    oneOf: (values) => `expected one of ${values}`,
    tooMany: (count, limit) => `${count} items, more than the limit of ${limit}`,
    unreadable: 'could not be read (reading it threw an error)',
  },
  errors: {
    badUrl: (src) => `Invalid data address: ${src}`,
    http: (src, status) => `Could not load the commune data (HTTP ${status}) from ${src}`,
    network: (src) => `Could not connect to ${src}`,
    badJson: (src) => `${src} is not valid JSON`,
    noLevel: 'The level attribute is missing (tier to assess, e.g. ntm, nang-cao, kieu-mau)',
    invalidCommune: 'The commune data is not valid',
    evaluation: 'The commune could not be evaluated',
    loadCore: 'The evaluation engine could not be loaded',
    malformed: 'The evaluation result is malformed',
    malformedList: 'The list of results is malformed',
    tooLarge: 'Too much data to show',
    unreadable: 'The evaluation result could not be read',
    render: 'Part of the result could not be shown',
  },
};

export const MESSAGES: Readonly<Record<Lang, Messages>> = { vi, en };

/**
 * The language of an element: its own `lang` attribute or its nearest ancestor's, across shadow roots.
 * English for any `en*` tag, Vietnamese otherwise.
 */
export function resolveLang(element: Element): Lang {
  let node: Node | null = element;
  while (node) {
    if (node.nodeType === 1) {
      const value = (node as Element).getAttribute('lang');
      if (value) return value.toLowerCase().startsWith('en') ? 'en' : 'vi';
    }
    node = node.parentNode ?? (node instanceof ShadowRoot ? node.host : null);
  }
  return 'vi';
}
