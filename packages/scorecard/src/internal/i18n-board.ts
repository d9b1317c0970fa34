/**
 * The strings of `<ntm-district-board>`, in Vietnamese and English (the shared ones and the scorecard's are in
 * i18n.ts). A file of their own so that a page with only `<ntm-scorecard>` does not download them.
 */
import type { Lang } from './i18n.js';

export interface BoardMessages {
  title: string;
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
  /** Numbers are formatted already, like every count below. */
  blocker: (communes: string, notMet: string, incomplete: string) => string;
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
  blocker: (communes, notMet, incomplete) =>
    `${communes} xã (${notMet} chưa đạt, ${incomplete} chưa đủ dữ liệu)`,
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

const en: BoardMessages = {
  title: 'Progress board',
  caption: (level, date) => `Results for ${level}${date ? `, as of ${date}` : ''}`,
  commune: 'Commune',
  result: 'Result',
  criteriaMet: 'Criteria met',
  change: 'Since last review',
  prerequisites: 'Prerequisite',
  countSuffix: ' communes met',
  countRow: 'Communes meeting',
  countRowAll: (total) => `Communes meeting (of all ${total})`,
  blockersTitle: 'Criteria holding most communes back',
  blocker: (communes, notMet, incomplete) =>
    `${communes} ${communes === '1' ? 'commune' : 'communes'} (${notMet} not met, ${incomplete} incomplete)`,
  blockerMark: 'holds most communes back',
  totals: (met, total, average) =>
    `${met}/${total} communes meet the standard; ${average} criteria met on average`,
  progress: (improved, worsened, newlyMet, noLongerMet) =>
    `Since the last review: ${improved} improved, ${worsened} worse, ${newlyMet} newly meet the standard, ${noLongerMet} no longer meet it`,
  sortBy: 'Sort',
  sortCriteria: 'by criteria met',
  sortName: 'by commune name',
  back: 'Back to the board',
  search: 'Find a commune',
  searchHint: 'Commune name, with or without diacritics',
  filterByResult: 'Filter by result',
  shown: (shown, total, filtered) =>
    filtered ? `Showing ${shown} of ${total} communes` : `${total} communes`,
  noMatch: 'No commune matches the search and the filter.',
  empty: 'No commune results yet.',
  added: 'new',
  criteriaDelta: (delta) => `${delta} criteria`,
};

export const BOARD_MESSAGES: Readonly<Record<Lang, BoardMessages>> = { vi, en };
