/** Defines `<ntm-district-board>` (and `<ntm-scorecard>`, which its detail view shows). Entry `@nongthonmoi/scorecard/ntm-district-board`. */
import '../ntm-scorecard/define.js';
import { defineElement } from '../internal/define-once.js';
import { NtmDistrictBoard } from './ntm-district-board.js';

export type { BoardSort, NtmCommuneSelectDetail } from './ntm-district-board.js';
export { NtmDistrictBoard };

defineElement('ntm-district-board', NtmDistrictBoard);
