/**
 * The strings of `<ntm-district-board>`, in Vietnamese and English (the shared ones and the scorecard's are in
 * i18n.ts). A file of their own so that a page with only `<ntm-scorecard>` does not download them.
 */
import type { Kind } from '../ntm-district-board/board-data.js';
import type { Lang } from './i18n.js';

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
  /** A number of communes with a result, for the blockers: `${n} chưa đạt`. */
  blockerPart: Record<'not-met' | 'missing-data' | 'unknown-target' | 'undecided', (n: string) => string>;
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
  blockerPart: {
    'not-met': (n) => `${n} chưa đạt`,
    'missing-data': (n) => `${n} thiếu số liệu`,
    'unknown-target': (n) => `${n} chờ mức chỉ tiêu`,
    undecided: (n) => `${n} chưa đủ căn cứ`,
  },
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
  titleOf: (place) => `Progress board: ${place}`,
  kinds: {
    met: 'Met',
    'not-met': 'Not met',
    'missing-data': 'Missing data',
    'unknown-target': 'Target pending',
    both: 'Missing data, target',
    undecided: 'Undecided',
  },
  legend: {
    met: 'met',
    'not-met': 'not met',
    'missing-data': "the commune's data is missing",
    'unknown-target': "waiting for the official target (the commune's data is complete)",
    both: 'missing data and waiting for the target',
    undecided: 'undecided (the result does not say why)',
    late: 'a gap will not close by the deadline at its current pace',
  },
  legendTitle: 'Key',
  late: 'off track',
  outlook: 'Outlook by the deadline',
  sortOutlook: 'by outlook, worst first',
  outlookTotals: (parts) => `Outlook by the deadline: ${parts}`,
  communesWith: (n, outlook) => `${n} ${outlook}`,
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
  blocker: (communes, parts) => `${communes} ${communes === '1' ? 'commune' : 'communes'} (${parts})`,
  blockerPart: {
    'not-met': (n) => `${n} not met`,
    'missing-data': (n) => `${n} missing data`,
    'unknown-target': (n) => `${n} target pending`,
    undecided: (n) => `${n} undecided`,
  },
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
