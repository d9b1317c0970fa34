import {
  type CommuneProgress,
  type CriterionChange,
  type CriterionResult,
  compare,
  type Evaluation,
  type IndicatorChange,
  type IndicatorResult,
} from '@nongthonmoi/core/review';
import { html, nothing, type PropertyDeclarations, type PropertyValues, type TemplateResult } from 'lit';
import { styleMap } from 'lit/directives/style-map.js';
import { errorLines, problemCode } from '../internal/errors.js';
import {
  formatDate,
  formatGap,
  formatTarget,
  formatValue,
  type Localized,
  localized,
  plain,
  safeUrl,
} from '../internal/format.js';
import { icon } from '../internal/icons.js';
import type { SrcFailure, SrcOutcome } from '../internal/load-src.js';
import { NtmElement } from '../internal/ntm-element.js';
import { evaluationProblem } from '../internal/validate.js';
import { styles } from './ntm-scorecard.styles.js';

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

interface Changes {
  progress: CommuneProgress | null;
  previousAsOf: string;
  indicators: Map<string, IndicatorChange>;
  criteria: Map<string, CriterionChange>;
}

const SRC_PROPERTIES = ['src', 'level', 'asOf', 'region', 'province', 'requireVerified'] as const;

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
 * met, each criterion with its indicators (actual against target, the gap in words, the legal citation), the
 * prerequisite tiers, and what changed since a previous review.
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
 * @csspart header - Commune name, criteria set, legal basis, date and region.
 * @csspart title - The commune name.
 * @csspart ruleset - The criteria set and its legal basis.
 * @csspart verdict - The overall result with the count of criteria met.
 * @csspart verdict-met - The verdict when the tier is met.
 * @csspart verdict-not-met - The verdict when the tier is not met.
 * @csspart verdict-incomplete - The verdict when data is missing to decide.
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
 * @csspart marker - A marker for a province target or an unverified target.
 * @csspart message - The loading, empty or error message.
 * @csspart error - The error message.
 *
 * @cssproperty --ntm-color-met - Colour of "met" (default green).
 * @cssproperty --ntm-color-not-met - Colour of "not met" (default red).
 * @cssproperty --ntm-color-incomplete - Colour of "incomplete data" (default amber).
 * @cssproperty --ntm-color-missing - Colour of "no data".
 * @cssproperty --ntm-color-not-applicable - Colour of "not applicable".
 * @cssproperty --ntm-color-not-evaluable - Colour of "cannot be assessed".
 * @cssproperty --ntm-color-unverified - Colour of the unverified-target marker.
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
    src: {},
    level: {},
    asOf: { attribute: 'as-of' },
    region: {},
    province: {},
    requireVerified: { type: Boolean, attribute: 'require-verified' },
    expanded: { type: Boolean },
    headingLevel: { type: Number, attribute: 'heading-level' },
    theme: { reflect: true },
    loaded_: { state: true, attribute: false },
    phase_: { state: true, attribute: false },
    error_: { state: true, attribute: false },
    open_: { state: true, attribute: false },
  };

  /** A precomputed evaluation (core's object or its JSON). Takes precedence over `src`. */
  result: Evaluation | null = null;

  /** The evaluation of the same commune and tier at the previous review, to show the direction of change. */
  previous: Evaluation | null = null;

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

  /** Treat targets no source confirms as not evaluable (`src` mode, for official use). */
  requireVerified = false;

  /** Show every criterion expanded. */
  expanded = false;

  /** Level of the commune-name heading (2 by default); the other headings follow it. */
  headingLevel = 2;

  /** Colour scheme: `light`, `dark`, or unset to follow the system (`prefers-color-scheme`). */
  theme: 'light' | 'dark' | null = null;

  /** @internal */
  private loaded_: Evaluation | null = null;
  /** @internal */
  private phase_: 'idle' | 'loading' | 'evaluating' | 'ready' | 'error' = 'idle';
  /** @internal */
  private error_: ErrorState | null = null;
  /** @internal */
  private open_ = new Set<string>();

  /** @internal */
  private view_: Evaluation | null = null;
  /** @internal */
  private viewSource_: Evaluation | null = null;
  /** @internal */
  private changes_: Changes | null = null;
  /** @internal */
  private loadToken_ = 0;
  /** @internal */
  private abort_: AbortController | null = null;

  /** The evaluation shown (the `result`, or the one computed from `src`), or null. */
  get evaluation(): Evaluation | null {
    return this.view_;
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.abort_?.abort();
  }

  override connectedCallback(): void {
    super.connectedCallback();
    // A load aborted by a disconnection restarts when the element comes back.
    if (this.src && this.phase_ === 'loading' && this.abort_?.signal.aborted) this.startLoad_();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (SRC_PROPERTIES.some((key) => changed.has(key))) {
      if (this.src && !this.result) this.startLoad_();
      else if (!this.src) this.cancelLoad_();
    }
    if (changed.has('result') && this.result && this.phase_ !== 'idle' && !this.src) this.cancelLoad_();
    if (
      changed.has('result') ||
      changed.has('previous') ||
      (this.result ?? this.loaded_) !== this.viewSource_
    ) {
      this.computeView_();
    }
    if (changed.has('expanded') && changed.get('expanded') !== undefined) this.open_ = new Set();
  }

  private cancelLoad_(): void {
    this.loadToken_++;
    this.abort_?.abort();
    this.abort_ = null;
    this.loaded_ = null;
    if (this.phase_ !== 'idle') {
      this.phase_ = 'idle';
      this.error_ = null;
    }
  }

  private computeView_(): void {
    const candidate = this.result ?? this.loaded_;
    this.viewSource_ = candidate;
    this.view_ = null;
    this.changes_ = null;
    if (this.result) {
      const problem = evaluationProblem(this.result);
      if (problem) {
        this.setError_({ code: problemCode(problem), problem, issues: [] });
        return;
      }
      if (this.error_?.problem || this.error_?.code === 'render') this.error_ = null;
    }
    if (!candidate) return;
    this.view_ = candidate;
    if (this.previous) {
      try {
        if (evaluationProblem(this.previous, 'previous')) throw 0;
        const report = compare([this.previous], [candidate]);
        const progress = report.communes[0] ?? null;
        const indicators = new Map<string, IndicatorChange>();
        const criteria = new Map<string, CriterionChange>();
        for (const change of progress?.indicators ?? []) {
          indicators.set(`${change.level}\u0000${change.criterion}\u0000${change.indicator}`, change);
        }
        for (const change of progress?.criteria ?? [])
          criteria.set(`${change.level}\u0000${change.id}`, change);
        this.changes_ = { progress, previousAsOf: plain(this.previous.asOf), indicators, criteria };
      } catch {
        // A previous review that cannot be compared only loses the arrows, never the scorecard.
        this.changes_ = null;
      }
    }
  }

  private setError_(error: ErrorState): void {
    const [headline, lines] = errorLines(error, this.messages);
    this.error_ = error;
    this.phase_ = 'error';
    this.dispatchEvent(
      new CustomEvent<NtmErrorDetail>('ntm-error', {
        detail: { code: error.code, message: [headline, ...lines].join(': ') },
        bubbles: true,
        composed: true,
      }),
    );
  }

  private startLoad_(): void {
    this.load_().catch((error: unknown) => {
      this.setError_({ code: 'internal', issues: [String(error)] });
    });
  }

  private async load_(): Promise<void> {
    const token = ++this.loadToken_;
    this.abort_?.abort();
    const controller = new AbortController();
    this.abort_ = controller;
    this.loaded_ = null;
    this.error_ = null;
    this.phase_ = 'loading';
    let outcome: SrcOutcome;
    try {
      const { loadSrc } = await import('../internal/load-src.js');
      outcome = await loadSrc(
        {
          src: this.src ?? '',
          level: this.level,
          asOf: this.asOf ?? undefined,
          region: this.region ?? undefined,
          province: this.province ?? undefined,
          requireVerified: this.requireVerified,
        },
        controller.signal,
        () => {
          if (token === this.loadToken_) this.phase_ = 'evaluating';
        },
        evaluationProblem,
        problemCode,
      );
    } catch (error) {
      outcome = { ok: false, error: { code: 'load-core', issues: [String(error)] } };
    }
    if (token !== this.loadToken_ || !outcome) return;
    if (!outcome.ok) {
      this.setError_(outcome.error);
      return;
    }
    const { evaluation } = outcome;
    this.loaded_ = evaluation;
    this.phase_ = 'ready';
    this.dispatchEvent(
      new CustomEvent<NtmLoadDetail>('ntm-load', { detail: { evaluation }, bubbles: true, composed: true }),
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
      if (this.error_?.code !== 'render') this.updateComplete.then(() => this.setError_(error));
      return this.renderError_(error);
    }
  }

  private renderContent_(): TemplateResult {
    const m = this.messages;
    if (this.error_ && (this.phase_ === 'error' || this.error_.problem || this.error_.code === 'render')) {
      return this.renderError_(this.error_);
    }
    const evaluation = this.view_;
    if (!evaluation) {
      if (this.phase_ === 'loading' || this.phase_ === 'evaluating') {
        return html`<div class="message loading" part="message" role="status" aria-live="polite">
          <span class="spinner" aria-hidden="true"></span>${this.phase_ === 'loading' ? m.loading : m.evaluating}
        </div>`;
      }
      return html`<div class="message" part="message" role="status">${m.empty}</div>`;
    }
    const counts = evaluation.counts;
    return html`<article class="card" part="base" aria-labelledby="title" lang=${this.lang_}>
      ${this.renderHeader_(evaluation)}
      <section class="verdict s-${evaluation.status}" part="verdict verdict-${evaluation.status}" aria-label=${m.verdict(evaluation.status, this.tierName_(evaluation))}>
        <span class="verdict-icon" aria-hidden="true">${icon(evaluation.status)}</span>
        <div>
          <p class="verdict-text">${m.verdict(evaluation.status, this.tierName_(evaluation))}</p>
          <p class="verdict-count">${m.criteriaMet(counts.criteriaMet, counts.criteriaTotal)}</p>
          <p class="verdict-detail">${this.countsDetail_(evaluation)}</p>
        </div>
      </section>
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

  private countsDetail_(evaluation: Evaluation): string {
    const m = this.messages;
    const counts = evaluation.counts;
    const parts = [m.indicatorsMet(counts.indicatorsMet ?? 0, counts.indicatorsTotal ?? 0)];
    if (counts.indicatorsMissing) parts.push(m.indicatorsMissing(counts.indicatorsMissing));
    if (counts.indicatorsNotEvaluable) parts.push(m.indicatorsNotEvaluable(counts.indicatorsNotEvaluable));
    if (counts.unverifiedTargets) parts.push(m.unverifiedTargets(counts.unverifiedTargets));
    return parts.join(' · ');
  }

  private renderHeader_(evaluation: Evaluation): TemplateResult {
    const m = this.messages;
    const lang = this.lang_;
    const { commune, ruleset } = evaluation;
    // The province is a slug in core's result (e.g. nam-dinh): not shown until core gives its name.
    const place = plain(commune.district);
    const basis = Array.isArray(ruleset.basis) ? ruleset.basis : [];
    const overlays = Array.isArray(ruleset.overlays) ? ruleset.overlays : [];
    const regionName = (region: string) => m.regions[region] ?? plain(region);
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
    return html`<section class="prerequisite s-${tier.status}" part="prerequisite">
      ${this.heading_(1, title, 'prerequisite-title')}
      <p class="prerequisite-line">
        ${this.badge_(tier.status, m.criterionStatus[tier.status])}
        <span>${m.criteriaMet(tier.counts.criteriaMet, tier.counts.criteriaTotal)}</span>
        <span class="muted">${localized(tier.ruleset?.name, this.lang_)}${tier.ruleset?.basis?.[0] ? ` — ${plain(tier.ruleset.basis[0].number)}` : ''}</span>
      </p>
      <p class="muted small">${this.countsDetail_(tier)}</p>
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

  private badge_(status: string, label: string): TemplateResult {
    return html`<span class="badge s-${status}" part="badge">${icon(status)}<span>${label}</span></span>`;
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
    const change = this.changes_?.criteria.get(`${evaluation.level}\u0000${criterion.id}`);
    return html`<li class="criterion s-${criterion.status}" part="criterion criterion-${criterion.status}">
      ${this.heading_(
        depth,
        html`<button type="button" class="criterion-toggle" part="criterion-toggle" aria-expanded=${open ? 'true' : 'false'} aria-controls=${panel} @click=${() => this.toggle_(key)}>
          <span class="chevron no-print" aria-hidden="true">${icon('chevron')}</span>
          <span class="criterion-icon" aria-hidden="true">${icon(criterion.status)}</span>
          <span class="criterion-name">${m.criterion(plain(criterion.id))}. ${localized(criterion.name, this.lang_)}</span>
          <span class="criterion-status">${m.criterionStatus[criterion.status]}</span>
          <span class="criterion-count muted">${m.indicatorsMet(met, applicable.length)}</span>
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
    const ceiling = indicator.comparator === '<=' || indicator.comparator === '<';
    const requirement = indicator.requirement ? localized(indicator.requirement as Localized, lang) : '';
    const composite = !!requirement && indicator.target === null;
    const actualText = formatValue(indicator.actual, unit, m);
    const targetText = formatTarget(indicator.target, indicator.comparator, unit, m);
    const gap = formatGap(indicator.gap, indicator.comparator, status, unit, m);
    const change = this.changes_?.indicators.get(
      `${evaluation.level}\u0000${criterion.id}\u0000${indicator.id}`,
    );
    const overlay =
      indicator.origin === 'province'
        ? evaluation.ruleset.overlays?.find((item) => item.id === indicator.originRuleset)
        : undefined;
    const source = safeUrl(indicator.source);
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
              <dt>${m.actual}:</dt>
              <dd class=${indicator.actual === null ? 'no-data' : ''}>${actualText}</dd>
            </div>`
            : nothing
        }
        ${
          composite
            ? html`<div class="requirement">
              <dt>${m.requirement}:</dt>
              <dd>${requirement}</dd>
            </div>`
            : html`<div>
              <dt>${ceiling ? m.ceiling : m.target}:</dt>
              <dd>${targetText}</dd>
            </div>`
        }
      </dl>
      ${this.renderMeter_(indicator, unit, actualText, targetText)}
      ${gap ? html`<p class="gap" part="gap">${gap}</p>` : nothing}
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
      ${
        indicator.verified === false
          ? html`<p class="marker unverified" part="marker">
            <span aria-hidden="true">⚠</span><span><strong>${m.unverifiedTarget}.</strong> ${m.unverifiedBasis}: ${plain(indicator.rationale ? (this.lang_ === 'en' ? (indicator.rationale.en ?? indicator.rationale.vi) : indicator.rationale.vi) : '')}</span>
          </p>`
          : nothing
      }
      ${
        indicator.reason && status !== 'met' && status !== 'not-met'
          ? html`<p class="reason">${m.reason}: ${localized(indicator.reason as Localized, lang)}</p>`
          : nothing
      }
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
