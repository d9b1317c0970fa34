/**
 * Every string the elements show, in Vietnamese (default) and English. Numbers, dates and lists are formatted
 * with Intl in `format.ts`; the functions here only place already formatted values in sentences.
 */

export type Lang = 'vi' | 'en';

type IndicatorStatusKey = 'met' | 'not-met' | 'missing' | 'not-applicable' | 'not-evaluable';
type TierStatusKey = 'met' | 'not-met' | 'incomplete';
type DirectionKey = 'improved' | 'worsened' | 'changed' | 'unchanged';

export interface Messages {
  /** BCP 47 locale given to Intl. */
  locale: string;
  indicatorStatus: Record<IndicatorStatusKey, string>;
  criterionStatus: Record<TierStatusKey, string>;
  /** Noun phrase of each known tier, used in verdicts ("Đạt chuẩn …"). */
  tiers: Record<string, string>;
  /** Short tier names for table cells. */
  tierShort: Record<string, string>;
  regions: Record<string, string>;
  verdict: (status: TierStatusKey, tier: string) => string;
  prerequisite: (tier: string) => string;
  recognition: string;
  criteriaMet: (met: number, total: number) => string;
  indicatorsMet: (met: number, total: number) => string;
  indicatorsMissing: (n: number) => string;
  indicatorsNotEvaluable: (n: number) => string;
  unverifiedTargets: (n: number) => string;
  criterion: (id: string) => string;
  rulesetLabel: string;
  basisLabel: string;
  documentDate: (number: string, date: string) => string;
  asOfLabel: string;
  regionLabel: string;
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
  unverifiedTarget: string;
  unverifiedBasis: string;
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
    missing: 'Chưa có số liệu',
    'not-applicable': 'Không áp dụng',
    'not-evaluable': 'Không đánh giá được',
  },
  criterionStatus: { met: 'Đạt', 'not-met': 'Chưa đạt', incomplete: 'Chưa đủ dữ liệu' },
  tiers: {
    ntm: 'xã nông thôn mới',
    'nang-cao': 'xã nông thôn mới nâng cao',
    'kieu-mau': 'xã nông thôn mới kiểu mẫu',
    'cong-nhan': 'điều kiện công nhận',
  },
  tierShort: { ntm: 'NTM', 'nang-cao': 'NTM nâng cao', 'kieu-mau': 'NTM kiểu mẫu', 'cong-nhan': 'Công nhận' },
  regions: {
    tdmnpb: 'Trung du và miền núi phía Bắc',
    dbsh: 'Đồng bằng sông Hồng',
    btb: 'Bắc Trung Bộ',
    dhntb: 'Duyên hải Nam Trung Bộ',
    tn: 'Tây Nguyên',
    dnb: 'Đông Nam Bộ',
    dbscl: 'Đồng bằng sông Cửu Long',
  },
  verdict: (status, tier) =>
    status === 'met'
      ? `Đạt chuẩn ${tier}`
      : status === 'not-met'
        ? `Chưa đạt chuẩn ${tier}`
        : `Chưa đủ dữ liệu để kết luận (chuẩn ${tier})`,
  prerequisite: (tier) => `Điều kiện: đạt chuẩn ${tier}`,
  recognition: 'Điều kiện công nhận',
  criteriaMet: (met, total) => `${met}/${total} tiêu chí đạt`,
  indicatorsMet: (met, total) => `${met}/${total} chỉ tiêu đạt`,
  indicatorsMissing: (n) => `${n} chỉ tiêu chưa có số liệu`,
  indicatorsNotEvaluable: (n) => `${n} chỉ tiêu không đánh giá được`,
  unverifiedTargets: (n) => `${n} chỉ tiêu dùng mức chưa kiểm chứng`,
  criterion: (id) => `Tiêu chí ${id}`,
  rulesetLabel: 'Bộ tiêu chí',
  basisLabel: 'Căn cứ',
  documentDate: (number, date) => `${number} ngày ${date}`,
  asOfLabel: 'Thời điểm đánh giá',
  regionLabel: 'Vùng',
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
  unverifiedTarget: 'Mức chưa kiểm chứng',
  unverifiedBasis: 'Cơ sở của mức',
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
    missing: 'No data',
    'not-applicable': 'Not applicable',
    'not-evaluable': 'Cannot be assessed',
  },
  criterionStatus: { met: 'Met', 'not-met': 'Not met', incomplete: 'Incomplete data' },
  tiers: {
    ntm: 'new-rural commune',
    'nang-cao': 'advanced new-rural commune',
    'kieu-mau': 'model new-rural commune',
    'cong-nhan': 'recognition conditions',
  },
  tierShort: { ntm: 'NTM', 'nang-cao': 'Advanced NTM', 'kieu-mau': 'Model NTM', 'cong-nhan': 'Recognition' },
  regions: {
    tdmnpb: 'Northern midlands and mountains',
    dbsh: 'Red River Delta',
    btb: 'North Central',
    dhntb: 'South Central Coast',
    tn: 'Central Highlands',
    dnb: 'South East',
    dbscl: 'Mekong Delta',
  },
  verdict: (status, tier) =>
    status === 'met'
      ? `Meets the ${tier} standard`
      : status === 'not-met'
        ? `Does not yet meet the ${tier} standard`
        : `Not enough data to decide (${tier} standard)`,
  prerequisite: (tier) => `Prerequisite: ${tier} standard`,
  recognition: 'Recognition conditions',
  criteriaMet: (met, total) => `${met}/${total} criteria met`,
  indicatorsMet: (met, total) => `${met}/${total} indicators met`,
  indicatorsMissing: (n) => `${n} ${n === 1 ? 'indicator' : 'indicators'} without data`,
  indicatorsNotEvaluable: (n) => `${n} ${n === 1 ? 'indicator' : 'indicators'} cannot be assessed`,
  unverifiedTargets: (n) =>
    `${n} ${n === 1 ? 'indicator uses an unverified target' : 'indicators use unverified targets'}`,
  criterion: (id) => `Criterion ${id}`,
  rulesetLabel: 'Criteria set',
  basisLabel: 'Legal basis',
  documentDate: (number, date) => `${number} of ${date}`,
  asOfLabel: 'Assessed as of',
  regionLabel: 'Region',
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
  unverifiedTarget: 'Unverified target',
  unverifiedBasis: 'Basis of the target',
  reason: 'Reason',
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
