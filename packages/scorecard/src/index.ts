/**
 * @nongthonmoi/scorecard: web components that show Nông thôn mới results from `@nongthonmoi/core`.
 *
 * Importing this module defines `<ntm-scorecard>` and `<ntm-district-board>` (once: a second copy on the page
 * keeps the first definition). To define only one, import `@nongthonmoi/scorecard/ntm-scorecard` or
 * `@nongthonmoi/scorecard/ntm-district-board`.
 *
 * @packageDocumentation
 */
import './ntm-scorecard/define.js';
import './ntm-district-board/define.js';

export { defineElement } from './internal/define-once.js';
export type { Lang } from './internal/i18n.js';
export type {
  BoardSort,
  BoardStatus,
  NtmCommuneSelectDetail,
  NtmFilterChangeDetail,
  NtmSortChangeDetail,
} from './ntm-district-board/ntm-district-board.js';
export { NtmDistrictBoard } from './ntm-district-board/ntm-district-board.js';
export type { NtmErrorDetail, NtmLoadDetail } from './ntm-scorecard/ntm-scorecard.js';
export { NtmScorecard } from './ntm-scorecard/ntm-scorecard.js';
