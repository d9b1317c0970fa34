/**
 * The strings of `<ntm-district-board>` in Vietnamese (the English ones are in i18n-board-en.ts, loaded on demand;
 * the shared ones and the scorecard's are in i18n.ts). A file of their own so that a page with only
 * `<ntm-scorecard>` does not download them.
 */
import type { Kind } from '../ntm-district-board/board-data.js';

export interface BoardMessages {
  title: string;
  /** The title with the place the communes share ("Nam Trực, Nam Định"). */
  titleOf: (place: string) => string;
  /** What a row or a cell shows, short (the filter buttons use the same words). */
  kinds: Record<Kind, string>;
  /** What each mark of the table means, after its glyph. */
  legend: Record<Kind | 'late', string>;
  legendTitle: string;
  /** A cell's mark for a gap that will not close by the deadline at its pace. */
  late: string;
  outlook: string;
  sortOutlook: string;
  /** Communes per outlook, numbers formatted, worst first. */
  outlookTotals: (parts: string) => string;
  communesWith: (n: string, outlook: string) => string;
  caption: (level: string, date: string) => string;
  commune: string;
  result: string;
  criteriaMet: string;
  change: string;
  prerequisites: string;
  /** Follows "5/8" in a column count, for screen readers. */
  countSuffix: string;
  countRow: string;
  /** The count row while a search or filter hides some communes: the counts are still the whole board's. */
  countRowAll: (total: string) => string;
  blockersTitle: string;
  /** Numbers are formatted already, like every count below; `parts` lists the results ("3 chưa đạt, 2 thiếu số liệu"). */
  blocker: (communes: string, parts: string) => string;
  blockerMark: string;
  /** Numbers are formatted already ("3.300"). */
  totals: (met: string, total: string, average: string) => string;
  progress: (improved: string, worsened: string, newlyMet: string, noLongerMet: string) => string;
  sortBy: string;
  sortCriteria: string;
  sortName: string;
  back: string;
  search: string;
  searchHint: string;
  filterByResult: string;
  /** The communes listed, numbers formatted; `filtered` when the search or the filter hides some. */
  shown: (shown: string, total: string, filtered: boolean) => string;
  noMatch: string;
  empty: string;
  added: string;
  criteriaDelta: (delta: string) => string;
}

const vi: BoardMessages = {
  title: 'Bảng tổng hợp tiến độ',
  titleOf: (place) => `Bảng tổng hợp tiến độ: ${place}`,
  kinds: {
    met: 'Đạt',
    'not-met': 'Chưa đạt',
    'missing-data': 'Thiếu số liệu',
    'unknown-target': 'Chờ mức chỉ tiêu',
    both: 'Thiếu số liệu, chờ mức',
    undecided: 'Chưa đủ căn cứ',
  },
  legend: {
    met: 'đạt',
    'not-met': 'chưa đạt',
    'missing-data': 'thiếu số liệu của xã',
    'unknown-target': 'chờ mức chỉ tiêu chính thức (số liệu của xã đã đủ)',
    both: 'thiếu số liệu và chờ mức chỉ tiêu',
    undecided: 'chưa đủ căn cứ (kết quả không nêu lý do)',
    late: 'có chỉ tiêu không kịp hạn với tốc độ hiện nay',
  },
  legendTitle: 'Ký hiệu',
  late: 'không kịp hạn',
  outlook: 'Triển vọng đến hạn',
  sortOutlook: 'theo triển vọng, xấu nhất trước',
  outlookTotals: (parts) => `Triển vọng đến hạn: ${parts}`,
  communesWith: (n, outlook) => `${n} xã ${outlook}`,
  caption: (level, date) => `Kết quả đánh giá ${level}${date ? `, thời điểm ${date}` : ''}`,
  commune: 'Xã',
  result: 'Kết quả',
  criteriaMet: 'Tiêu chí đạt',
  change: 'So với kỳ trước',
  prerequisites: 'Điều kiện',
  countSuffix: ' xã đạt',
  countRow: 'Số xã đạt',
  countRowAll: (total) => `Số xã đạt (trong cả ${total} xã)`,
  blockersTitle: 'Tiêu chí cản trở nhiều xã nhất',
  blocker: (communes, parts) => `${communes} xã (${parts})`,
  blockerMark: 'cản trở nhiều xã nhất',
  totals: (met, total, average) => `${met}/${total} xã đạt chuẩn; bình quân ${average} tiêu chí đạt/xã`,
  progress: (improved, worsened, newlyMet, noLongerMet) =>
    `So với kỳ trước: ${improved} xã tiến bộ, ${worsened} xã giảm, ${newlyMet} xã mới đạt chuẩn, ${noLongerMet} xã không còn đạt`,
  sortBy: 'Sắp xếp',
  sortCriteria: 'theo số tiêu chí đạt',
  sortName: 'theo tên xã',
  back: 'Quay lại bảng tổng hợp',
  search: 'Tìm xã',
  searchHint: 'Tên xã, gõ có dấu hoặc không',
  filterByResult: 'Lọc theo kết quả',
  shown: (shown, total, filtered) => (filtered ? `Hiển thị ${shown}/${total} xã` : `${total} xã`),
  noMatch: 'Không có xã nào khớp với tìm kiếm và bộ lọc.',
  empty: 'Chưa có kết quả của xã nào.',
  added: 'mới',
  criteriaDelta: (delta) => `${delta} tiêu chí`,
};

/** The board's strings of each language: Vietnamese always; English once loaded (`loadBoardEnglish`). */
export const BOARD_MESSAGES: { vi: BoardMessages; en?: BoardMessages } = { vi };

let english: Promise<void> | null = null;

/** Loads the board's English strings, once (see `loadEnglish` in i18n.ts). */
export function loadBoardEnglish(): Promise<void> {
  english ??= import('./i18n-board-en.js').then(
    (module) => {
      BOARD_MESSAGES.en = module.boardEn;
    },
    (error: unknown) => {
      english = null;
      throw error;
    },
  );
  return english;
}
