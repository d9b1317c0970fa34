/** Defines `<ntm-scorecard>` only (entry `@nongthonmoi/scorecard/ntm-scorecard`). */
import { defineElement } from '../internal/define-once.js';
import { NtmScorecard } from './ntm-scorecard.js';

export type { NtmErrorDetail, NtmLoadDetail } from './ntm-scorecard.js';
export { NtmScorecard };

defineElement('ntm-scorecard', NtmScorecard);
