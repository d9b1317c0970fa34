/**
 * Every string the elements show, in Vietnamese (default; the English ones are in i18n-en.ts, loaded on demand).
 * Numbers, dates and lists are formatted with Intl in `format.ts`; the functions here only place already
 * formatted values in sentences.
 */

export type Lang = 'vi' | 'en';

import type { Confidence, UndecidedCause } from '@nongthonmoi/core/review';

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
  /**
   * The counts of `undecided`, in a verdict: what to do about each. `inPrerequisites`: how many of them are
   * in the prerequisite tiers (core counts those too), so that the tier's own counts below still add up.
   */
  missingWhy: (n: number, inPrerequisites?: number) => string;
  unknownWhy: (n: number, inPrerequisites?: number) => string;
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
    srcTooLarge: (src: string) => string;
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
  missingWhy: (n, p) =>
    `Thiếu số liệu: ${n} chỉ tiêu${p ? `, trong đó ${p} thuộc phần điều kiện` : ''}, xã cần bổ sung`,
  unknownWhy: (n, p) =>
    `Chưa có mức chỉ tiêu chính thức: ${n} chỉ tiêu${p ? `, trong đó ${p} thuộc phần điều kiện` : ''} (không phải do xã thiếu số liệu)`,
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
    'Chỉ tiêu giữ chỗ: cả tiêu chí theo tự đánh giá của xã, chờ nhập các chỉ tiêu và mức chính thức',
  selfAssessed: 'Xã tự đánh giá',
  basis: 'Cơ sở của mức',
  reason: 'Lý do',
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
    srcTooLarge: (src) => `Tệp ${src} nặng hơn 10 MiB, vượt giới hạn cho một tệp dữ liệu xã`,
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

/** The strings of each language: Vietnamese always; English once loaded (`loadEnglish`). */
export const MESSAGES: { vi: Messages; en?: Messages } = { vi };

let english: Promise<void> | null = null;

/**
 * Loads the English strings, once. They are a module of their own, imported on demand: a page in Vietnamese
 * never downloads them (in the element build; the standalone bundle holds them inline and loads them at once).
 */
export function loadEnglish(): Promise<void> {
  english ??= import('./i18n-en.js').then(
    (module) => {
      MESSAGES.en = module.en;
    },
    (error: unknown) => {
      english = null; // tried again at the next change of language
      throw error;
    },
  );
  return english;
}

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
