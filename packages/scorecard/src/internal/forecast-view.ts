/**
 * What the elements show of a forecast (core's `forecast()`, `@nongthonmoi/core/review`): the deadline and the days
 * left, outlooks in words, each gap's projected date; the checks of a forecast handed to them; and these strings
 * in both languages. A module of its own: `<ntm-scorecard>` imports it on demand, only when given a `forecast`.
 * Days are the forecast's (`daysLeft`, from its latest review), never the clock's.
 */
import {
  type CommuneForecast,
  compareOutlooks,
  type Evaluation,
  type ForecastReport,
  type GapForecast,
  OUTLOOKS,
  type OutlookCounts,
  TIER_OUTLOOKS,
  type TierOutlook,
} from '@nongthonmoi/core/review';
import { html, nothing, type TemplateResult } from 'lit';
import { formatDate, formatNumber } from './format.js';
import type { Lang, Messages } from './i18n.js';
import { type Check, firstProblem, guarded, LIMITS, type Problem, tooMany } from './validate.js';

export interface ForecastText {
  /** The deadline and the days left from the forecast's review date (`from`); `n` is `|days|`, formatted. */
  deadline: (date: string, days: number, n: string, from: string) => string;
  outlookLabel: string;
  /** Outlooks, worst first. */
  outlooks: Record<TierOutlook, string>;
  projected: (date: string) => string;
  notAtThisPace: string;
  unchanged: string;
  lastChanged: (date: string) => string;
  oneReview: string;
}

export const FORECAST_TEXT: Readonly<Record<Lang, ForecastText>> = {
  vi: {
    deadline: (date, days, n, from) =>
      `Hạn hoàn thành: ${date} · ${days > 0 ? `còn ${n} ngày (tính từ ${from})` : days < 0 ? `đã quá hạn ${n} ngày (tính đến ${from})` : `đến hạn vào ngày đánh giá ${from}`}`,
    outlookLabel: 'Triển vọng đến hạn',
    outlooks: {
      'off-track': 'Không kịp hạn',
      stalled: 'Đứng yên',
      'at-risk': 'Nguy cơ trễ hạn',
      'needs-action': 'Cần hành động',
      'insufficient-data': 'Chưa đủ số kỳ',
      'missing-data': 'Thiếu số liệu',
      'unknown-target': 'Chờ mức chỉ tiêu',
      'on-track': 'Kịp hạn',
      met: 'Đã đạt',
    },
    projected: (date) => `dự kiến đạt ngày ${date}`,
    notAtThisPace: 'với tốc độ hiện nay không đạt được',
    unchanged: 'không thay đổi qua các kỳ',
    lastChanged: (date) => `thay đổi lần cuối ${date}`,
    oneReview: 'mới có số liệu của một kỳ, chưa tính được tốc độ',
  },
  en: {
    deadline: (date, days, n, from) =>
      `Deadline: ${date} · ${days > 0 ? `${n} ${days === 1 ? 'day' : 'days'} left (from ${from})` : days < 0 ? `${n} ${days === -1 ? 'day' : 'days'} past (as of ${from})` : `due on the review date, ${from}`}`,
    outlookLabel: 'Outlook by the deadline',
    outlooks: {
      'off-track': 'Off track',
      stalled: 'Stalled',
      'at-risk': 'At risk',
      'needs-action': 'Needs action',
      'insufficient-data': 'Too few reviews',
      'missing-data': 'Missing data',
      'unknown-target': 'Target pending',
      'on-track': 'On track',
      met: 'Met',
    },
    projected: (date) => `projected to be met on ${date}`,
    notAtThisPace: 'not reached at the current pace',
    unchanged: 'unchanged across the reviews',
    lastChanged: (date) => `last changed ${date}`,
    oneReview: 'values from one review only: no pace yet',
  },
};

/** Outlooks that add nothing next to a status that says the same ("Thiếu số liệu", "Chưa có mức…"). */
const SAID_BY_STATUS = new Set<string>(['missing-data', 'unknown-target', 'met']);

/**
 * The first problem of a forecast's header (`asOf`, `deadline`, `daysLeft`, `communes`), or null. Its communes
 * are checked one by one with `communeForecastProblem` by whoever reads them. Never throws.
 */
export function forecastProblem(value: unknown, at = 'forecast'): Problem | null {
  return guarded(at, () => {
    const problem = firstProblem(value, at, [
      ['asOf', 'string'],
      ['deadline', 'string'],
      ['daysLeft', 'number'],
      ['communes', 'array'],
    ]);
    return (
      problem ??
      tooMany(`${at}.communes`, (value as { communes: unknown[] }).communes.length, LIMITS.communes)
    );
  });
}

const COMMUNE_FORECAST: Array<[string, Check]> = [
  ['id', 'string'],
  ['level', 'string'],
  ['outlook', TIER_OUTLOOKS as string[]],
  ['gaps', 'array'],
  ...OUTLOOKS.map((outlook): [string, Check] => [`counts.${outlook}`, 'number']),
];
const GAP_FORECAST: Array<[string, Check]> = [
  ['level', 'string'],
  ['criterion', 'string'],
  ['indicator', 'string'],
  ['outlook', OUTLOOKS as string[]],
];

/** The first problem of one commune of a forecast (`ForecastReport.communes[i]`), or null. Never throws. */
export function communeForecastProblem(value: unknown, at: string): Problem | null {
  return guarded(at, () => {
    const problem = firstProblem(value, at, COMMUNE_FORECAST);
    if (problem) return problem;
    const gaps = (value as { gaps: unknown[] }).gaps;
    const many = tooMany(`${at}.gaps`, gaps.length, LIMITS.resultIndicators);
    if (many) return many;
    for (let g = 0; g < gaps.length; g++) {
      const found = firstProblem(gaps[g], `${at}.gaps[${g}]`, GAP_FORECAST);
      if (found) return found;
    }
    return null;
  });
}

/** What a forecast says about one commune: its outlook, and its gaps by tier, criterion and indicator. */
export interface Outlooks {
  report: ForecastReport;
  /** The commune in the forecast (null: the forecast does not hold it, only the deadline is shown). */
  commune: CommuneForecast | null;
  /** By `level\0criterion\0indicator`. */
  gaps: Map<string, GapForecast>;
  /** The worst outlook of each criterion's gaps, by `level\0criterion`. */
  criteria: Map<string, TierOutlook>;
}

/** Finds `evaluation`'s commune in `report` and indexes its gaps; null for a forecast that cannot be read. */
export function outlooksOf(report: unknown, evaluation: Evaluation): Outlooks | null {
  if (forecastProblem(report)) return null;
  try {
    const forecast = report as ForecastReport;
    const outlooks: Outlooks = { report: forecast, commune: null, gaps: new Map(), criteria: new Map() };
    const index = forecast.communes.findIndex(
      (commune) => commune?.id === evaluation.commune.id && commune.level === evaluation.level,
    );
    const commune = forecast.communes[index];
    if (commune && !communeForecastProblem(commune, `forecast.communes[${index}]`)) {
      outlooks.commune = commune;
      for (const gap of commune.gaps) {
        outlooks.gaps.set(`${gap.level}\u0000${gap.criterion}\u0000${gap.indicator}`, gap);
        const key = `${gap.level}\u0000${gap.criterion}`;
        const worst = outlooks.criteria.get(key);
        if (!worst || compareOutlooks(gap.outlook, worst) < 0) outlooks.criteria.set(key, gap.outlook);
      }
    }
    return outlooks;
  } catch {
    // Values that throw when read: the forecast is left out, like a previous review that cannot be compared.
    return null;
  }
}

/** Gaps per outlook in words, worst first, without the zeros: "2 không kịp hạn · 1 cần hành động". */
export function outlookCounts(counts: OutlookCounts, m: Messages, lang: Lang): string {
  const names = FORECAST_TEXT[lang].outlooks;
  return OUTLOOKS.filter((outlook) => counts[outlook] > 0)
    .map((outlook) => `${formatNumber(counts[outlook], m)} ${names[outlook].toLocaleLowerCase(m.locale)}`)
    .join(' · ');
}

/** "Hạn hoàn thành: 31/12/2023 · còn 91 ngày (tính từ 01/10/2023)". */
export function deadlineText(report: ForecastReport, m: Messages, lang: Lang): string {
  const days = report.daysLeft;
  return FORECAST_TEXT[lang].deadline(
    formatDate(report.deadline, m),
    days,
    formatNumber(Math.abs(days), m),
    formatDate(report.asOf, m),
  );
}

/** The scorecard's deadline line and the commune's outlook with its gaps per outlook. */
export function renderSummary({ report, commune }: Outlooks, m: Messages, lang: Lang): TemplateResult {
  const text = FORECAST_TEXT[lang];
  const counts = commune ? outlookCounts(commune.counts, m, lang) : '';
  return html`<div class="forecast">
    <p part="deadline">${deadlineText(report, m, lang)}</p>
    ${
      commune
        ? html`<p class="o-${commune.outlook}" part="outlook outlook-${commune.outlook}">
          ${text.outlookLabel}: <strong class="outlook">${text.outlooks[commune.outlook]}</strong>
          ${counts ? html`<span class="muted">(${counts})</span>` : nothing}
        </p>`
        : nothing
    }
  </div>`;
}

/** The worst outlook of a criterion's gaps, in its heading (unless its status says the same). */
export function renderCriterionOutlook(
  outlook: TierOutlook | undefined,
  lang: Lang,
): TemplateResult | typeof nothing {
  return outlook && !SAID_BY_STATUS.has(outlook)
    ? html`<span class="outlook o-${outlook}" part="outlook outlook-${outlook}">${FORECAST_TEXT[lang].outlooks[outlook]}</span>`
    : nothing;
}

/** A gap's outlook, with its projected date or why there is none. */
export function renderGap(
  gap: GapForecast | undefined,
  m: Messages,
  lang: Lang,
): TemplateResult | typeof nothing {
  if (!gap || SAID_BY_STATUS.has(gap.outlook)) return nothing;
  const text = FORECAST_TEXT[lang];
  const outlook = gap.outlook;
  const date = (value: unknown) => (typeof value === 'string' ? formatDate(value, m) : '');
  const projected = date(gap.projected);
  const changed = date(gap.lastChanged);
  const detail = projected
    ? text.projected(projected)
    : outlook === 'off-track'
      ? text.notAtThisPace
      : outlook === 'insufficient-data'
        ? text.oneReview
        : outlook === 'needs-action' && changed
          ? text.lastChanged(changed)
          : text.unchanged;
  return html`<p class="o-${outlook}" part="forecast forecast-${outlook}">
    <strong class="outlook">${text.outlooks[outlook]}</strong>: ${detail}
  </p>`;
}
