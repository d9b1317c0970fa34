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
  blockersTitle: string;
  blocker: (communes: number, notMet: number, incomplete: number) => string;
  blockerMark: string;
  totals: (met: number, total: number, average: string) => string;
  progress: (improved: number, worsened: number, newlyMet: number, noLongerMet: number) => string;
  sortBy: string;
  sortCriteria: string;
  sortName: string;
  back: string;
  rendering: (shown: number, total: number) => string;
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
  rendering: (shown, total) => `Đang hiển thị ${shown}/${total} xã…`,
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
  blockersTitle: 'Criteria holding most communes back',
  blocker: (communes, notMet, incomplete) =>
    `${communes} ${communes === 1 ? 'commune' : 'communes'} (${notMet} not met, ${incomplete} incomplete)`,
  blockerMark: 'holds most communes back',
  totals: (met, total, average) =>
    `${met}/${total} communes meet the standard; ${average} criteria met on average`,
  progress: (improved, worsened, newlyMet, noLongerMet) =>
    `Since the last review: ${improved} improved, ${worsened} worse, ${newlyMet} newly meet the standard, ${noLongerMet} no longer meet it`,
  sortBy: 'Sort',
  sortCriteria: 'by criteria met',
  sortName: 'by commune name',
  back: 'Back to the board',
  rendering: (shown, total) => `Showing ${shown}/${total} communes…`,
  empty: 'No commune results yet.',
  added: 'new',
  criteriaDelta: (delta) => `${delta} criteria`,
};

export const BOARD_MESSAGES: Readonly<Record<Lang, BoardMessages>> = { vi, en };
