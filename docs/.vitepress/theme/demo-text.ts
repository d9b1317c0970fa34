// The words of the demo components in the site's two languages. The page's locale (VitePress `lang`) picks
// them; the elements themselves follow their own `lang` attribute, which the reader may switch.
export type DemoLang = 'vi' | 'en';

/** The demo language of a VitePress locale's `lang` ('vi', 'en', 'en-US'…). */
export function demoLang(lang: string): DemoLang {
  return lang.toLowerCase().startsWith('en') ? 'en' : 'vi';
}

export interface DemoText {
  loadFailed: string;
  loadingBoard: string;
  loadingForm: string;
  commune: string;
  language: string;
  comparePrevious: string;
  selectFired: (id: string) => string;
  assessment: string;
  communeName: string;
  level: string;
  asOf: string;
  province: string;
  region: string;
  none: string;
  scorecardLanguage: string;
  measures: string;
  yes: string;
  no: string;
  noData: string;
  evaluate: string;
  reset: string;
  evaluating: string;
  loaded: (status: string, met: number, total: number) => string;
  notANumber: (label: string, input: string) => string;
  source: string;
  levels: Record<'ntm' | 'nang-cao' | 'kieu-mau', string>;
}

export const DEMO_TEXT: Record<DemoLang, DemoText> = {
  vi: {
    loadFailed: 'Không tải được phần minh họa:',
    loadingBoard: 'Đang tải thư viện hiển thị và kết quả đánh giá…',
    loadingForm: 'Đang tải thư viện hiển thị và biểu mẫu…',
    commune: 'Xã',
    language: 'Ngôn ngữ',
    comparePrevious: 'So với kỳ rà soát 15/11/2023',
    selectFired: (id) =>
      `đã phát cho xã ${id}: bảng mở phiếu của xã. Gọi event.preventDefault() để mở trang riêng của cổng thông tin.`,
    assessment: 'Đánh giá',
    communeName: 'Tên xã',
    level: 'Cấp',
    asOf: 'Ngày đánh giá',
    province: 'Tỉnh',
    region: 'Vùng',
    none: '— không chọn —',
    scorecardLanguage: 'Ngôn ngữ của phiếu',
    measures: 'Số liệu chính (để trống nếu chưa có số liệu)',
    yes: 'Có',
    no: 'Không',
    noData: '— chưa có số liệu',
    evaluate: 'Đánh giá',
    reset: 'Khôi phục',
    evaluating: 'Đang đánh giá…',
    loaded: (status, met, total) => `ntm-load: ${status}, đạt ${met}/${total} tiêu chí`,
    notANumber: (label, input) => `${label}: «${input}» không phải là số`,
    source: 'Thẻ HTML và dữ liệu JSON của xã (thuộc tính src)',
    levels: { ntm: 'Xã nông thôn mới', 'nang-cao': 'Xã NTM nâng cao', 'kieu-mau': 'Xã NTM kiểu mẫu' },
  },
  en: {
    loadFailed: 'The demo could not load:',
    loadingBoard: 'Loading the scorecard bundle and the evaluations…',
    loadingForm: 'Loading the scorecard bundle and the form…',
    commune: 'Commune',
    language: 'Language',
    comparePrevious: 'Compare with the review of 15/11/2023',
    selectFired: (id) =>
      `fired for ${id}: the board opened its scorecard. Call event.preventDefault() to route to your own page instead.`,
    assessment: 'Assessment',
    communeName: 'Commune name',
    level: 'Tier',
    asOf: 'Assessment date',
    province: 'Province',
    region: 'Region',
    none: '— none —',
    scorecardLanguage: 'Scorecard language',
    measures: 'Key measures (leave empty when there is no data)',
    yes: 'Yes',
    no: 'No',
    noData: '— no data',
    evaluate: 'Evaluate',
    reset: 'Reset',
    evaluating: 'Evaluating…',
    loaded: (status, met, total) => `ntm-load: ${status}, ${met}/${total} criteria met`,
    notANumber: (label, input) => `${label}: "${input}" is not a number`,
    source: 'The element and the commune JSON given as src',
    levels: {
      ntm: 'NTM commune (nông thôn mới)',
      'nang-cao': 'Advanced NTM commune (nâng cao)',
      'kieu-mau': 'Model NTM commune (kiểu mẫu)',
    },
  },
};
