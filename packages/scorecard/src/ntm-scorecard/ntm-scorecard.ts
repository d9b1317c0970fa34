import {
  COMMUNE_GROUP_NAMES,
  CONFIDENCE_LEVELS,
  CONFIDENCE_NAMES,
  type CommuneProgress,
  type Confidence,
  type CriterionChange,
  type CriterionResult,
  compare,
  type Evaluation,
  type ForecastReport,
  type IndicatorChange,
  type IndicatorResult,
  REGION_NAMES,
  type Undecided,
} from '@nongthonmoi/core/review';
import { html, nothing, type PropertyDeclarations, type PropertyValues, type TemplateResult } from 'lit';
import { styleMap } from 'lit/directives/style-map.js';
import { errorLines, problemCode } from '../internal/errors.js';
import type { Outlooks } from '../internal/forecast-view.js';
import {
  formatDate,
  formatGap,
  formatNumber,
  formatTarget,
  formatValue,
  type Localized,
  localized,
  nameIn,
  plain,
  safeUrl,
} from '../internal/format.js';
import type { Messages } from '../internal/i18n.js';
import { icon } from '../internal/icons.js';
import type { SrcFailure } from '../internal/load-src.js';
import { NtmElement } from '../internal/ntm-element.js';
import { evaluationProblem } from '../internal/validate.js';
import { styles } from './ntm-scorecard.styles.js';
import { SrcController } from './src-controller.js';

/** Detail of the `ntm-load` event. */
export interface NtmLoadDetail {
  evaluation: Evaluation;
}

/** Detail of the `ntm-error` event. */
export interface NtmErrorDetail {
  code: string;
  message: string;
}

/** Why nothing can be shown; worded when drawn, so that it follows `lang`. */
type ErrorState = SrcFailure;

/** The confidence of an indicator's target, from core (results from before graded confidence: `verified`). */
function confidenceOf(indicator: IndicatorResult): Confidence {
  const confidence = indicator.confidence;
  return Object.hasOwn(CONFIDENCE_NAMES, confidence)
    ? confidence
    : indicator.verified
      ? 'official'
      : 'assumed';
}

interface Changes {
  progress: CommuneProgress | null;
  previousAsOf: string;
  indicators: Map<string, IndicatorChange>;
  criteria: Map<string, CriterionChange>;
}

/** The forecast's view (forecast-view.ts), loaded on demand by the first scorecard given a `forecast`. */
let forecastView: typeof import('../internal/forecast-view.js') | null = null;
/** The required tiers, nearest first (NTM kiểu mẫu → NTM nâng cao → NTM), with their disclosure-key prefix. */
function prerequisitesOf(evaluation: Evaluation, prefix = ''): Array<[Evaluation, string]> {
  return (evaluation.prerequisites ?? []).flatMap((tier, index): Array<[Evaluation, string]> => {
    const key = `${prefix}p${index}/`;
    return [[tier, key], ...prerequisitesOf(tier, key)];
  });
}

/** Rounded-up "nice" bound of a bar scale (1, 2, 2.5, 5 × 10ⁿ). */
function niceCeil(value: number): number {
  if (value <= 0) return 1;
  const power = 10 ** Math.floor(Math.log10(value));
  for (const step of [1, 2, 2.5, 5, 10]) if (step * power >= value) return step * power;
  return 10 * power;
}

/**
 * The result of one commune against one tier of the Nông thôn mới criteria: verdict, the count of criteria
 * met, each criterion with its indicators (actual against target, the gap in words, how sure the target is, the
 * legal citation), the prerequisite tiers, what changed since a previous review, and, given a `forecast`, the
 * deadline and whether each gap closes by it at its pace.
 *
 * An undecided tier or criterion says why, with the counts (core's `undecided`): the commune's data is missing
 * ("Thiếu số liệu": the commune can supply it), the official targets are not known ("Chưa có mức chỉ tiêu
 * chính thức": no data can settle it), or both. Each target shows its confidence (chính thức, nguồn thứ cấp,
 * giả định, chưa có mức), whether it is only a lower bound, its basis, source and quote: an assumption is
 * never shown as the law.
 *
 * Give it a precomputed `result` (an evaluation from `@nongthonmoi/core`, as an object or parsed JSON), or a
 * `src` URL of a commune's data with a `level`: the element then loads core on demand and evaluates in the
 * browser. It never judges a status itself: every status, target and gap shown is core's.
 *
 * @summary Scorecard of one commune against the Nông thôn mới criteria.
 * @tagname ntm-scorecard
 *
 * @fires {CustomEvent<NtmLoadDetail>} ntm-load - A commune loaded from `src` was evaluated (or a result loaded from `src` was accepted).
 * @fires {CustomEvent<NtmErrorDetail>} ntm-error - The result could not be shown: bad `src`, HTTP error, invalid data, malformed result.
 *
 * @csspart base - The card wrapping everything.
 * @csspart header - Commune name and place, criteria set, legal basis, date, region and commune group.
 * @csspart title - The commune name.
 * @csspart ruleset - The criteria set and its legal basis.
 * @csspart verdict - The overall result with the count of criteria met.
 * @csspart verdict-met - The verdict when the tier is met.
 * @csspart verdict-not-met - The verdict when the tier is not met.
 * @csspart verdict-incomplete - The verdict when the tier cannot be decided yet.
 * @csspart undecided - Why the tier cannot be decided: missing data, unknown targets, with the counts.
 * @csspart confidence-summary - A tier's targets counted by confidence.
 * @csspart prerequisite - A required tier (e.g. "Điều kiện: đạt chuẩn NTM") with its result.
 * @csspart progress - The change since the previous review.
 * @csspart toolbar - The expand-all / collapse-all buttons.
 * @csspart group - A group of criteria.
 * @csspart criterion - One criterion (also `criterion-met`, `criterion-not-met`, `criterion-incomplete`).
 * @csspart criterion-toggle - The button that expands a criterion.
 * @csspart indicators - The list of a criterion's indicators.
 * @csspart indicator - One indicator (also `indicator-met`, `indicator-not-met`, `indicator-missing`, `indicator-not-applicable`, `indicator-not-evaluable`).
 * @csspart meter - The bar of actual value against the target.
 * @csspart meter-fill - The filled part of the bar.
 * @csspart meter-target - The target marker on the bar.
 * @csspart gap - The distance to the target in words.
 * @csspart change - The direction of change since the previous review.
 * @csspart citation - The legal citation of an indicator.
 * @csspart badge - A status badge.
 * @csspart marker - A marker for a province target or a region rule.
 * @csspart confidence - How sure an indicator's target is (also `confidence-official`, `confidence-secondary`, `confidence-assumed`, `confidence-unknown`), with its basis.
 * @csspart quote - The sentence of the source that states a target.
 * @csspart deadline - The forecast's deadline and the days left ("còn 46 ngày"), counted from its review date.
 * @csspart outlook - The outlook of the commune (next to the deadline) or of a criterion (in its heading), also `outlook-<outlook>`.
 * @csspart forecast - A gap's outlook and projected date (also `forecast-<outlook>`: `forecast-off-track`, `forecast-stalled`, `forecast-at-risk`, `forecast-needs-action`, `forecast-insufficient-data`, `forecast-on-track`).
 * @csspart message - The loading, empty or error message.
 * @csspart error - The error message.
 *
 * @cssproperty --ntm-color-met - Colour of "met" (default green).
 * @cssproperty --ntm-color-not-met - Colour of "not met" (default red).
 * @cssproperty --ntm-color-incomplete - Colour of "incomplete data" (default amber).
 * @cssproperty --ntm-color-missing - Colour of "no data".
 * @cssproperty --ntm-color-not-applicable - Colour of "not applicable".
 * @cssproperty --ntm-color-not-evaluable - Colour of "cannot be assessed".
 * @cssproperty --ntm-color-unverified - Colour of the marker of targets that are not official (secondary, assumed, unknown).
 * @cssproperty --ntm-color-missing-data - Colour of "missing data" as the cause of an undecided result (default: the incomplete colour).
 * @cssproperty --ntm-color-unknown-target - Colour of "no official target" as the cause of an undecided result (default: the not-evaluable colour).
 * @cssproperty --ntm-color-off-track - Colour of the off-track and stalled outlooks (default: the not-met colour).
 * @cssproperty --ntm-color-at-risk - Colour of the at-risk outlook (default: the incomplete colour).
 * @cssproperty --ntm-color-on-track - Colour of the on-track outlook (default: the met colour).
 * @cssproperty --ntm-color-province - Colour of the province-target marker.
 * @cssproperty --ntm-color-text - Text colour.
 * @cssproperty --ntm-color-muted - Secondary text colour.
 * @cssproperty --ntm-color-background - Background colour.
 * @cssproperty --ntm-color-surface - Background of panels.
 * @cssproperty --ntm-color-border - Border colour.
 * @cssproperty --ntm-color-focus - Focus ring colour.
 * @cssproperty --ntm-color-link - Link colour.
 * @cssproperty --ntm-color-target - Colour of the target marker on bars.
 * @cssproperty --ntm-color-track - Colour of the empty part of bars.
 * @cssproperty --ntm-font-family - Font family.
 * @cssproperty --ntm-font-size - Base font size.
 * @cssproperty --ntm-radius - Corner radius.
 */
export class NtmScorecard extends NtmElement {
  static override styles = styles;

  static override properties: PropertyDeclarations = {
    result: { attribute: false },
    previous: { attribute: false },
    forecast: { attribute: false },
    src: {},
    level: {},
    asOf: { attribute: 'as-of' },
    region: {},
    province: {},
    requireVerified: { type: Boolean, attribute: 'require-verified' },
    expanded: { type: Boolean },
    headingLevel: { type: Number, attribute: 'heading-level' },
    theme: { reflect: true },
    open_: { state: true, attribute: false },
  };

  /** A precomputed evaluation (core's object or its JSON). Takes precedence over `src`. */
  result: Evaluation | null = null;

  /** The evaluation of the same commune and tier at the previous review, to show the direction of change. */
  previous: Evaluation | null = null;

  /**
   * A forecast from core's `forecast()` (`@nongthonmoi/core/review`) whose latest review holds this commune:
   * shows the deadline and the days left from that review ("còn 46 ngày"), the commune's outlook, and next to
   * each gap its outlook and projected date. A forecast that does not hold the commune shows the deadline only;
   * a malformed one is left out.
   */
  forecast: ForecastReport | null = null;

  /** URL of a commune's data (JSON) to evaluate in the browser; core is then loaded on demand. */
  src: string | null = null;

  /** Tier to assess in `src` mode: `ntm`, `nang-cao`, `kieu-mau`, … */
  level: string | null = null;

  /** Assessment date (YYYY-MM-DD) in `src` mode: picks the edition in force and the target year. */
  asOf: string | null = null;

  /** Region for communes whose data carry none (`src` mode). */
  region: string | null = null;

  /** Province for communes whose data carry none; selects its overlay (`src` mode). */
  province: string | null = null;

  /** Count only official targets; others are not evaluable (`src` mode, for official use). */
  requireVerified = false;

  /** Show every criterion expanded. */
  expanded = false;

  /** Level of the commune-name heading (2 by default); the other headings follow it. */
  headingLevel = 2;

  /** Colour scheme: `light`, `dark`, or unset to follow the system (`prefers-color-scheme`). */
  theme: 'light' | 'dark' | null = null;

  /** @internal */
  private open_ = new Set<string>();

  /** @internal `src` mode: the current request, its phase and its outcome. */
  private readonly loader_ = new SrcController(this, {
    loaded: (evaluation) =>
      this.dispatchEvent(
        new CustomEvent<NtmLoadDetail>('ntm-load', { detail: { evaluation }, bubbles: true, composed: true }),
      ),
    failed: (error) => this.report_(error),
  });
  /** @internal What is wrong with `result`, or what could not be drawn. */
  private problem_: ErrorState | null = null;
  /** @internal */
  private view_: Evaluation | null = null;
  /** @internal */
  private viewSource_: Evaluation | null = null;
  /** @internal */
  private changes_: Changes | null = null;
  /** @internal */
  private outlooks_: Outlooks | null = null;

  /** The evaluation shown (the `result`, or the one computed from `src`), or null. */
  get evaluation(): Evaluation | null {
    return this.view_;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('expanded') && changed.get('expanded') !== undefined) this.open_ = new Set();
  }

  override update(changed: PropertyValues<this>): void {
    // After the loader's hostUpdate: the evaluation of `src` is the current request's.
    const source = this.result ?? this.loader_.evaluation;
    const renewed = changed.has('result') || source !== this.viewSource_;
    if (renewed) this.computeView_(source);
    if (renewed || changed.has('previous')) this.computeChanges_();
    if (renewed || changed.has('forecast')) this.computeOutlooks_();
    super.update(changed);
  }

  private computeView_(source: Evaluation | null): void {
    this.viewSource_ = source;
    this.view_ = null;
    this.problem_ = null;
    const problem = this.result && evaluationProblem(this.result);
    if (problem) this.report_({ code: problemCode(problem), problem, issues: [] });
    else this.view_ = source;
  }

  private computeChanges_(): void {
    this.changes_ = null;
    const view = this.view_;
    if (!view || !this.previous) return;
    try {
      if (evaluationProblem(this.previous, 'previous')) return;
      const progress = compare([this.previous], [view]).communes[0] ?? null;
      const indicators = new Map<string, IndicatorChange>();
      const criteria = new Map<string, CriterionChange>();
      for (const change of progress?.indicators ?? [])
        indicators.set(`${change.level}\u0000${change.criterion}\u0000${change.indicator}`, change);
      for (const change of progress?.criteria ?? [])
        criteria.set(`${change.level}\u0000${change.id}`, change);
      this.changes_ = { progress, previousAsOf: plain(this.previous.asOf), indicators, criteria };
    } catch {
      // A previous review that cannot be compared only loses the arrows, never the scorecard.
    }
  }

  /** Finds this commune in `forecast` (loading the forecast's view first, once). */
  private computeOutlooks_(): void {
    this.outlooks_ = null;
    const view = this.view_;
    if (!view || !this.forecast) return;
    if (forecastView) {
      this.outlooks_ = forecastView.outlooksOf(this.forecast, view);
      return;
    }
    this.load(import('../internal/forecast-view.js')).then(
      (module) => {
        forecastView = module;
        this.computeOutlooks_();
        this.requestUpdate();
      },
      () => {
        // The module could not be loaded (offline): the scorecard is shown without the forecast.
      },
    );
  }

  /** Keeps `error` to show it (as data: worded when drawn, in the page's language) and fires `ntm-error`. */
  private report_(error: ErrorState): void {
    const [headline, lines] = errorLines(error, this.messages);
    if (error.problem || error.code === 'render') this.problem_ = error;
    this.dispatchEvent(
      new CustomEvent<NtmErrorDetail>('ntm-error', {
        detail: { code: error.code, message: [headline, ...lines].join(': ') },
        bubbles: true,
        composed: true,
      }),
    );
  }

  // ---- rendering -------------------------------------------------------------------------------------------

  private heading_(
    offset: number,
    content: unknown,
    cls: string,
    part?: string,
    id?: string,
  ): TemplateResult {
    const level = Math.min(6, Math.max(1, Math.round(this.headingLevel || 2) + offset));
    return html`<div role="heading" aria-level=${level} class=${cls} part=${part ?? nothing} id=${id ?? nothing}>${content}</div>`;
  }

  private tierName_(evaluation: Evaluation): string {
    return this.messages.tiers[evaluation.level] ?? localized(evaluation.ruleset?.name, this.lang_);
  }

  private toggle_(key: string): void {
    const open = new Set(this.open_);
    const isOpen = this.isOpen_(key);
    if (this.expanded) {
      // In `expanded` mode the set holds the criteria the user closed.
      if (isOpen) open.add(key);
      else open.delete(key);
    } else if (isOpen) open.delete(key);
    else open.add(key);
    this.open_ = open;
  }

  private isOpen_(key: string): boolean {
    return this.expanded ? !this.open_.has(key) : this.open_.has(key);
  }

  private setAll_(open: boolean): void {
    const evaluation = this.view_;
    if (!evaluation) return;
    const keys = new Set<string>();
    const tiers: Array<[Evaluation, string]> = [[evaluation, ''], ...prerequisitesOf(evaluation)];
    if (evaluation.recognition) tiers.push([evaluation.recognition, 'r/']);
    for (const [tier, prefix] of tiers) {
      if (prefix) keys.add(`${prefix}tier`);
      for (const criterion of tier.criteria) keys.add(`${prefix}${criterion.id}`);
    }
    this.open_ = this.expanded === open ? new Set() : keys;
  }

  override render(): TemplateResult {
    try {
      return this.renderContent_();
    } catch {
      // Last line of defence: a result that passed the checks but still cannot be drawn (e.g. a getter that
      // throws on its second read). Reported once per result, after this update.
      const error: ErrorState = { code: 'render', issues: [] };
      if (this.problem_?.code !== 'render') {
        this.problem_ = error;
        this.updateComplete.then(() => this.report_(error));
      }
      return this.renderError_(error);
    }
  }

  private renderContent_(): TemplateResult {
    const m = this.messages;
    const loader = this.loader_;
    const error = this.problem_ ?? loader.error;
    if (error) return this.renderError_(error);
    const evaluation = this.view_;
    if (!evaluation) {
      if (loader.busy) {
        return html`<div class="message loading" part="message" role="status" aria-live="polite">
          <span class="spinner" aria-hidden="true"></span>${loader.phase === 'loading' ? m.loading : m.evaluating}
        </div>`;
      }
      return html`<div class="message" part="message" role="status">${m.empty}</div>`;
    }
    const counts = evaluation.counts;
    const verdict = m.verdict(evaluation.status, this.tierName_(evaluation));
    return html`<article class="card" part="base" aria-labelledby="title" lang=${this.lang_}>
      ${this.renderHeader_(evaluation)}
      <section class="verdict s-${evaluation.status} ${this.causeClass_(evaluation.undecided)}" part="verdict verdict-${evaluation.status}" aria-label=${verdict}>
        <span class="verdict-icon" aria-hidden="true">${icon(evaluation.status)}</span>
        <div>
          <p class="verdict-text">${verdict}</p>
          ${this.renderUndecided_(evaluation)}
          <p class="verdict-count">${m.criteriaMet(counts.criteriaMet, counts.criteriaTotal)}</p>
          ${this.renderCounts_(evaluation)}
        </div>
      </section>
      ${this.outlooks_ && forecastView ? forecastView.renderSummary(this.outlooks_, m, this.lang_) : nothing}
      ${this.renderProgress_()}
      ${prerequisitesOf(evaluation).map(([tier, prefix]) => this.renderPrerequisite_(tier, prefix, m.prerequisite(this.tierName_(tier))))}
      ${evaluation.recognition ? this.renderPrerequisite_(evaluation.recognition, 'r/', m.recognition) : nothing}
      <div class="toolbar no-print" part="toolbar">
        <button type="button" @click=${() => this.setAll_(true)}>${m.expandAll}</button>
        <button type="button" @click=${() => this.setAll_(false)}>${m.collapseAll}</button>
      </div>
      ${this.renderCriteria_(evaluation, '', 1)}
    </article>`;
  }

  private renderError_(error: ErrorState): TemplateResult {
    const m = this.messages;
    const [headline, lines] = errorLines(error, m);
    return html`<div class="message error" part="message error" role="alert">
      <p class="title">${m.errorTitle}</p>
      <p>${headline}</p>
      ${lines.length > 0 ? html`<ul>${lines.map((line) => html`<li>${line}</li>`)}</ul>` : nothing}
    </div>`;
  }

  /** Why a tier cannot be decided, one line per cause with its count and what can be done about it. */
  private renderUndecided_(tier: Evaluation): TemplateResult | typeof nothing {
    const undecided = tier.undecided;
    if (!undecided) return nothing;
    const m = this.messages;
    // Core counts the prerequisite tiers' undecided indicators too: say how many, as the counts below are the
    // tier's own ("32 chưa có mức" above "20 chưa có mức" would not add up otherwise).
    const own = (count: unknown) => (typeof count === 'number' ? count : null);
    const beyond = (total: number, count: number | null) =>
      count !== null && total > count ? total - count : 0;
    const lines = [];
    if (undecided.missingData > 0) {
      const n = undecided.missingData;
      lines.push(m.missingWhy(n, beyond(n, own(tier.counts?.indicatorsMissing))));
    }
    if (undecided.unknownTargets > 0) {
      const n = undecided.unknownTargets;
      lines.push(m.unknownWhy(n, beyond(n, own(tier.counts?.indicatorsNotEvaluable))));
    }
    return html`<ul class="undecided" part="undecided">${lines.map((line) => html`<li>${line}</li>`)}</ul>`;
  }

  /** The colour of why a tier or criterion is undecided (`s-unknown-target`…), over the status's. */
  private causeClass_(undecided: Undecided | null | undefined): string {
    const cause = undecided?.cause;
    return cause && Object.hasOwn(this.messages.undecided, cause) ? `s-${cause}` : '';
  }

  /** The status word of a tier or criterion: for an undecided one, why (core's `undecided.cause`). */
  private statusWord_(status: string, undecided: Undecided | null | undefined): string {
    const m = this.messages;
    const cause = undecided?.cause;
    return status === 'incomplete' && cause && Object.hasOwn(m.undecided, cause)
      ? m.undecided[cause]
      : (m.criterionStatus[status as keyof Messages['criterionStatus']] ?? plain(status));
  }

  /** A tier's indicators: met, undecided by cause, and its targets by confidence. */
  private renderCounts_(tier: Evaluation): TemplateResult {
    const m = this.messages;
    const counts = tier.counts;
    const parts = [m.indicatorsMet(counts.indicatorsMet ?? 0, counts.indicatorsTotal ?? 0)];
    if (counts.indicatorsMissing) parts.push(m.missingShort(counts.indicatorsMissing));
    if (counts.indicatorsNotEvaluable) parts.push(m.unknownShort(counts.indicatorsNotEvaluable));
    const confidence = counts.confidence;
    const levels = confidence ? CONFIDENCE_LEVELS.filter((level) => confidence[level] > 0) : [];
    return html`<p class="verdict-detail muted small">${parts.join(' · ')}</p>
      ${
        levels.length > 0
          ? html`<p class="muted small" part="confidence-summary">
            ${m.confidenceSummary}: ${levels.map((level) => `${formatNumber(confidence[level], m)} ${CONFIDENCE_NAMES[level][this.lang_]}`).join(' · ')}
          </p>`
          : nothing
      }`;
  }

  private renderHeader_(evaluation: Evaluation): TemplateResult {
    const m = this.messages;
    const lang = this.lang_;
    const { commune, ruleset } = evaluation;
    // District (data from before the 2025 reform) and province; core's `province` is a slug, never shown.
    const place = [commune.district, commune.provinceName].filter(Boolean).map(plain).join(', ');
    const basis = Array.isArray(ruleset.basis) ? ruleset.basis : [];
    const overlays = Array.isArray(ruleset.overlays) ? ruleset.overlays : [];
    const regionName = (region: string) => nameIn(REGION_NAMES, region, lang);
    return html`<header class="header" part="header">
      ${this.heading_(0, plain(commune.name), 'title', 'title', 'title')}
      ${place ? html`<p class="place">${place}</p>` : nothing}
      <dl class="facts" part="ruleset">
        <div>
          <dt>${m.rulesetLabel}</dt>
          <dd>${localized(ruleset.name, lang)}${ruleset.edition ? html` <span class="muted">(${plain(ruleset.edition)})</span>` : nothing}</dd>
        </div>
        ${
          basis.length > 0
            ? html`<div>
              <dt>${m.basisLabel}</dt>
              <dd>${basis.map((document, index) => {
                const label = m.documentDate(plain(document.number), formatDate(document.date, m));
                const href = safeUrl(document.url);
                return html`${index > 0 ? '; ' : ''}${href ? html`<a href=${href} rel="noopener noreferrer" target="_blank">${label}</a>` : label}${document.title ? html` <span class="muted doc-title">${plain(document.title)}</span>` : nothing}`;
              })}</dd>
            </div>`
            : nothing
        }
        ${
          overlays.length > 0
            ? html`<div>
              <dt>${m.overlaysLabel}</dt>
              <dd>${overlays.map(
                (overlay, index) =>
                  html`${index > 0 ? '; ' : ''}${plain(overlay.basis?.[0] ? `${m.documentDate(overlay.basis[0].number, formatDate(overlay.basis[0].date, m))} (${overlay.basis[0].issuer})` : overlay.province)}`,
              )}</dd>
            </div>`
            : nothing
        }
        <div>
          <dt>${m.asOfLabel}</dt>
          <dd>${formatDate(evaluation.asOf, m)}</dd>
        </div>
        ${
          evaluation.region
            ? html`<div>
              <dt>${m.regionLabel}</dt>
              <dd>${regionName(evaluation.region)}</dd>
            </div>`
            : nothing
        }
        ${
          evaluation.group
            ? html`<div>
              <dt>${m.groupLabel}</dt>
              <dd>${nameIn(COMMUNE_GROUP_NAMES, evaluation.group, lang)}</dd>
            </div>`
            : nothing
        }
      </dl>
      ${
        evaluation.regionBasis
          ? html`<p class="note region-basis" part="marker">
            ${m.regionBasis(regionName(evaluation.regionBasis.declared), regionName(evaluation.regionBasis.applied))}:
            ${localized(evaluation.regionBasis.reason as Localized, lang)}
            <span class="muted">(${this.citationText_(evaluation.regionBasis.citation)})</span>
          </p>`
          : nothing
      }
      ${
        ruleset.coverage && ruleset.coverage.complete === false
          ? html`<p class="note coverage"><strong>${m.coverageIncomplete}.</strong> ${localized(ruleset.coverage.note as Localized, lang)}</p>`
          : nothing
      }
    </header>`;
  }

  private renderProgress_(): TemplateResult | typeof nothing {
    const changes = this.changes_;
    if (!changes?.progress) return nothing;
    const m = this.messages;
    const { progress } = changes;
    return html`<p class="progress dir-${progress.direction}" part="progress">
      <span>${m.previousReview(formatDate(changes.previousAsOf, m))}:</span>
      <strong class="change">${m.direction[progress.direction]}</strong>
      <span>${m.criteriaChange(progress.criteriaMetBefore, progress.criteriaMetAfter)}</span>
      ${progress.rulesetChanged ? html`<span class="muted">(${m.rulesetChanged})</span>` : nothing}
    </p>`;
  }

  private renderPrerequisite_(tier: Evaluation, prefix: string, title: string): TemplateResult {
    const m = this.messages;
    const key = `${prefix}tier`;
    const open = this.isOpen_(key);
    const panel = `panel-${prefix.replace(/[^a-z0-9]/gi, '_')}`;
    return html`<section class="prerequisite s-${tier.status} ${this.causeClass_(tier.undecided)}" part="prerequisite">
      ${this.heading_(1, title, 'prerequisite-title')}
      <p class="prerequisite-line">
        ${this.badge_(tier.status, this.statusWord_(tier.status, tier.undecided), this.causeClass_(tier.undecided))}
        <span>${m.criteriaMet(tier.counts.criteriaMet, tier.counts.criteriaTotal)}</span>
        <span class="muted">${localized(tier.ruleset?.name, this.lang_)}${tier.ruleset?.basis?.[0] ? ` — ${plain(tier.ruleset.basis[0].number)}` : ''}</span>
      </p>
      ${this.renderUndecided_(tier)} ${this.renderCounts_(tier)}
      <button type="button" class="disclosure no-print" aria-expanded=${open ? 'true' : 'false'} aria-controls=${panel} @click=${() => this.toggle_(key)}>
        <span class="chevron" aria-hidden="true">${icon('chevron')}</span>${m.showCriteria}
      </button>
      <div id=${panel} class="panel" ?hidden=${!open}>${this.renderCriteria_(tier, prefix, 2)}</div>
    </section>`;
  }

  private renderCriteria_(evaluation: Evaluation, prefix: string, depth: number): TemplateResult {
    const lang = this.lang_;
    const groups: Array<{ id: string; name: Localized; criteria: CriterionResult[] }> = [];
    for (const criterion of evaluation.criteria) {
      const id = criterion.group?.id ?? '';
      let group = groups[groups.length - 1];
      if (!group || group.id !== id) {
        group = { id, name: criterion.group?.name, criteria: [] };
        groups.push(group);
      }
      group.criteria.push(criterion);
    }
    return html`<div class="groups">
      ${groups.map(
        (group) => html`<section class="group" part="group">
          ${group.name ? this.heading_(depth, localized(group.name, lang), 'group-title') : nothing}
          <ul class="criteria" role="list">
            ${group.criteria.map((criterion) => this.renderCriterion_(evaluation, criterion, prefix, depth + 1))}
          </ul>
        </section>`,
      )}
    </div>`;
  }

  /** `cause`: the class of why an undecided tier is undecided (its colour), as on the verdict and criteria. */
  private badge_(status: string, label: string, cause = ''): TemplateResult {
    return html`<span class="badge s-${status} ${cause}" part="badge">${icon(status)}<span>${label}</span></span>`;
  }

  private renderCriterion_(
    evaluation: Evaluation,
    criterion: CriterionResult,
    prefix: string,
    depth: number,
  ): TemplateResult {
    const m = this.messages;
    const key = `${prefix}${criterion.id}`;
    const open = this.isOpen_(key);
    const panel = `panel-${key.replace(/[^a-z0-9]/gi, '_')}`;
    const applicable = criterion.indicators.filter((indicator) => indicator.status !== 'not-applicable');
    const met = applicable.filter((indicator) => indicator.status === 'met').length;
    const key_ = `${evaluation.level}\u0000${criterion.id}`;
    const change = this.changes_?.criteria.get(key_);
    const outlook = this.outlooks_?.criteria.get(key_);
    const undecided = criterion.undecided;
    const count = [m.indicatorsMet(met, applicable.length)];
    if (undecided?.missingData) count.push(m.missingShort(undecided.missingData));
    if (undecided?.unknownTargets) count.push(m.unknownShort(undecided.unknownTargets));
    return html`<li class="criterion s-${criterion.status} ${this.causeClass_(undecided)}" part="criterion criterion-${criterion.status}">
      ${this.heading_(
        depth,
        html`<button type="button" class="criterion-toggle" part="criterion-toggle" aria-expanded=${open ? 'true' : 'false'} aria-controls=${panel} @click=${() => this.toggle_(key)}>
          <span class="chevron no-print" aria-hidden="true">${icon('chevron')}</span>
          <span class="criterion-icon" aria-hidden="true">${icon(criterion.status)}</span>
          <span class="criterion-name">${m.criterion(plain(criterion.id))}. ${localized(criterion.name, this.lang_)}</span>
          <span class="criterion-status">${this.statusWord_(criterion.status, undecided)}</span>
          <span class="criterion-count muted">${count.join(' · ')}</span>
          ${outlook && forecastView ? forecastView.renderCriterionOutlook(outlook, this.lang_) : nothing}
          ${change ? html`<span class="change dir-${change.direction}" part="change">${m.direction[change.direction]}<span class="muted"> (${m.criterionWas(m.criterionStatus[change.before])})</span></span>` : nothing}
        </button>`,
        'criterion-heading',
      )}
      <div id=${panel} class="panel" ?hidden=${!open}>
        <ul class="indicators" part="indicators" role="list">
          ${criterion.indicators.map((indicator) => this.renderIndicator_(evaluation, criterion, indicator))}
        </ul>
      </div>
    </li>`;
  }

  private citationText_(citation: IndicatorResult['citation'] | undefined): string {
    if (!citation) return '';
    const m = this.messages;
    const main = [citation.document, citation.part, citation.item].filter(Boolean).map(plain).join(', ');
    return citation.guidance ? `${main}; ${m.guidance} ${plain(citation.guidance)}` : main;
  }

  private renderIndicator_(
    evaluation: Evaluation,
    criterion: CriterionResult,
    indicator: IndicatorResult,
  ): TemplateResult {
    const m = this.messages;
    const lang = this.lang_;
    const unit = localized(indicator.unit as Localized, lang);
    const status = indicator.status;
    const confidence = confidenceOf(indicator);
    // A placeholder stands for a whole criterion as the commune assesses it: it has a value but no real target.
    const placeholder = confidence === 'unknown' && indicator.target != null;
    const ceiling = indicator.comparator === '<=' || indicator.comparator === '<';
    const requirement = indicator.requirement ? localized(indicator.requirement as Localized, lang) : '';
    const composite = !!requirement && indicator.target === null;
    const actualText =
      placeholder && typeof indicator.actual === 'boolean'
        ? m.criterionStatus[indicator.actual ? 'met' : 'not-met']
        : formatValue(indicator.actual, unit, m);
    const targetText = formatTarget(indicator.target, indicator.comparator, unit, m);
    // Said next to the value too: a target that is not official never reads as the law.
    const targetNote =
      confidence === 'official' || indicator.target == null
        ? ''
        : ` (${indicator.bound ? `${m.boundShort}, ` : ''}${CONFIDENCE_NAMES[confidence][lang]})`;
    const gap = formatGap(indicator.gap, indicator.comparator, status, unit, m);
    const key = `${evaluation.level}\u0000${criterion.id}\u0000${indicator.id}`;
    const change = this.changes_?.indicators.get(key);
    const overlay =
      indicator.origin === 'province'
        ? evaluation.ruleset.overlays?.find((item) => item.id === indicator.originRuleset)
        : undefined;
    const source = safeUrl(indicator.source);
    const reason =
      indicator.reason && !placeholder && status !== 'met' && status !== 'not-met'
        ? localized(indicator.reason as Localized, lang)
        : '';
    // Core's reason for an unknown target repeats the target's basis: said once.
    let rationale = localized(indicator.rationale as Localized, lang);
    if (reason.includes(rationale)) rationale = '';
    const showActual = !composite || indicator.actual !== null || status === 'missing';
    return html`<li class="indicator s-${status}" part="indicator indicator-${status}">
      <div class="indicator-head">
        <span class="indicator-name"><span class="indicator-id">${plain(indicator.id)}</span> ${localized(indicator.name, lang)}</span>
        ${this.badge_(status, m.indicatorStatus[status])}
      </div>
      <dl class="values">
        ${
          showActual
            ? html`<div>
              <dt>${placeholder ? m.selfAssessed : m.actual}:</dt>
              <dd class=${indicator.actual === null ? 'no-data' : ''}>${actualText}</dd>
            </div>`
            : nothing
        }
        ${
          placeholder
            ? nothing
            : composite
              ? html`<div class="requirement">
                <dt>${m.requirement}:</dt>
                <dd>${requirement}</dd>
              </div>`
              : html`<div>
                <dt>${ceiling ? m.ceiling : m.target}:</dt>
                <dd>${targetText}<span class="muted">${targetNote}</span></dd>
              </div>`
        }
      </dl>
      ${this.renderMeter_(indicator, unit, actualText, targetText)}
      ${gap ? html`<p class="gap" part="gap">${gap}</p>` : nothing}
      ${this.outlooks_ && forecastView ? forecastView.renderGap(this.outlooks_.gaps.get(key), m, lang) : nothing}
      ${
        change
          ? html`<p class="change dir-${change.direction}" part="change">
            ${m.direction[change.direction]}
            <span class="muted">(${m.was(formatValue(change.before.actual, unit, m))}${change.before.status !== change.after.status ? `, ${m.indicatorStatus[change.before.status]}` : ''})</span>
          </p>`
          : nothing
      }
      ${
        indicator.origin === 'province'
          ? html`<p class="marker province" part="marker">
            <span>${overlay?.basis?.[0] ? m.provinceTargetBy(plain(overlay.basis[0].number)) : m.provinceTarget}</span>
          </p>`
          : nothing
      }
      <div class="conf c-${confidence}" part="confidence confidence-${confidence}">
        <p><strong>${placeholder ? m.placeholder : m.confidence[confidence]}</strong>${indicator.bound ? ` · ${m.bound}` : ''}</p>
        ${rationale ? html`<p>${m.basis}: ${rationale}</p>` : nothing}
        ${indicator.quote ? html`<blockquote part="quote">“${plain(indicator.quote)}”</blockquote>` : nothing}
      </div>
      ${reason ? html`<p class="reason">${m.reason}: ${reason}</p>` : nothing}
      <p class="citation" part="citation">
        ${m.citation}: ${this.citationText_(indicator.citation)}${
          source
            ? html` · <a href=${source} rel="noopener noreferrer" target="_blank">${m.source}</a>`
            : nothing
        }
      </p>
    </li>`;
  }

  private renderMeter_(
    indicator: IndicatorResult,
    unit: string,
    actualText: string,
    targetText: string,
  ): TemplateResult | typeof nothing {
    const actual = Array.isArray(indicator.actual) ? indicator.actual.length : indicator.actual;
    const target = indicator.target;
    if (typeof actual !== 'number' || typeof target !== 'number') return nothing;
    if (indicator.status !== 'met' && indicator.status !== 'not-met') return nothing;
    const high = Math.max(actual, target);
    const max = unit === '%' && high <= 100 ? 100 : niceCeil(high * 1.2);
    const min = Math.min(0, actual, target);
    const span = max - min || 1;
    const position = (value: number) => `${(((value - min) / span) * 100).toFixed(2)}%`;
    return html`<div
      class="meter"
      part="meter"
      role="meter"
      aria-label=${localized(indicator.name, this.lang_)}
      aria-valuemin=${min}
      aria-valuemax=${max}
      aria-valuenow=${actual}
      aria-valuetext=${this.messages.meterText(actualText, targetText)}
    >
      <div class="meter-fill" part="meter-fill" style=${styleMap({ width: position(actual) })}></div>
      <div class="meter-target" part="meter-target" style=${styleMap({ left: position(target) })}></div>
    </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'ntm-scorecard': NtmScorecard;
  }
  interface GlobalEventHandlersEventMap {
    'ntm-load': CustomEvent<NtmLoadDetail>;
    'ntm-error': CustomEvent<NtmErrorDetail>;
  }
}
