import {
  type CommuneProgress,
  type CommuneRow,
  compare,
  type DistrictSummary,
  type Evaluation,
  type ProgressReport,
  summarize,
} from '@nongthonmoi/core/review';
import { html, nothing, type PropertyDeclarations, type PropertyValues, type TemplateResult } from 'lit';
import { styleMap } from 'lit/directives/style-map.js';
import { defineElement } from '../internal/define-once.js';
import { formatDate, formatNumber, localized } from '../internal/format.js';
import { BOARD_MESSAGES, type BoardMessages } from '../internal/i18n-board.js';
import { NtmElement } from '../internal/ntm-element.js';
import { EVALUATION, firstProblem, TIER } from '../internal/validate.js';
import { NtmScorecard } from '../ntm-scorecard/ntm-scorecard.js';
import { styles } from './ntm-district-board.styles.js';

/** Detail of the `ntm-commune-select` event. */
export interface NtmCommuneSelectDetail {
  /** The commune's id. */
  id: string;
  /** Position of the evaluation in `evaluations`. */
  index: number;
  evaluation: Evaluation;
}

export type BoardSort = 'criteria' | 'name' | 'input';

const STATUS_RANK: Record<string, number> = { met: 2, incomplete: 1, 'not-met': 0 };
const BLOCKERS_SHOWN = 5;
// Column widths (em) of the fixed table layout: laying out hundreds of rows stays linear.
const LEADING_EM = 10.5 + 7.5 + 4.5;
const WIDE_EM = 7;
const CRITERION_EM = 2.3;
const BLOCKERS_HIGHLIGHTED = 3;

function keyOf(id: string, level: string): string {
  return `${id}\u0000${level}`;
}

/**
 * A lighter check for the district board: what `summarize` and the matrix read. Core's own evaluations build
 * `criteria` lazily: it is left alone for them (reading it for hundreds of communes would build every indicator).
 */
function boardItemProblem(value: unknown, at: string): string | null {
  const problem = firstProblem(value, at, [
    ['commune.id', 'string'],
    ...EVALUATION,
    ['ruleset.hash', 'string'],
    ['prerequisites', 'array'],
  ]);
  if (problem || Object.getPrototypeOf(value) !== Object.prototype) return problem;
  const criteria = (value as { criteria?: unknown }).criteria;
  if (!Array.isArray(criteria)) return `${at}.criteria: expected an array`;
  for (const [c, criterion] of criteria.entries()) {
    const found = firstProblem(criterion, `${at}.criteria[${c}]`, [
      ['id', 'string'],
      ['status', TIER],
      ['indicators', 'array'],
    ]);
    if (found) return found;
  }
  return null;
}

/**
 * The district view for a progress-review meeting: a communes × criteria matrix built with core's
 * `summarize` (and `compare` against a previous review), with the number of communes meeting each criterion,
 * the criteria that hold most communes back, sorting, and each commune's scorecard one click away.
 *
 * Rows are rendered in chunks, so hundreds of communes never freeze the page.
 *
 * @summary Communes × criteria matrix of a district, for review meetings.
 * @tagname ntm-district-board
 *
 * @fires {CustomEvent<NtmCommuneSelectDetail>} ntm-commune-select - A commune was chosen (click or keyboard). Cancel it (`preventDefault()`) to keep the built-in detail view closed, e.g. to route to your own page.
 *
 * @csspart base - The wrapper of the board.
 * @csspart header - Title, totals and progress since the previous review.
 * @csspart totals - Communes meeting the standard and the average of criteria met.
 * @csspart progress - The change since the previous review.
 * @csspart blockers - The list of criteria holding most communes back.
 * @csspart table-wrapper - The scrolling container of the table.
 * @csspart table - The communes × criteria table.
 * @csspart column-header - A criterion's column header (also `column-header-blocker` for the blockers).
 * @csspart row - A commune's row.
 * @csspart commune-button - The button that opens a commune's scorecard.
 * @csspart cell - A commune × criterion cell (also `cell-met`, `cell-not-met`, `cell-incomplete`).
 * @csspart count - The count of communes meeting a criterion ("5/8 xã đạt").
 * @csspart sort-button - A sortable column's button.
 * @csspart detail - The built-in detail view of one commune.
 * @csspart back-button - The button back from the detail view to the board.
 * @csspart scorecard - The `<ntm-scorecard>` of the detail view (style it further through its own parts with `::part` on the element).
 * @csspart message - The empty or error message.
 *
 * @cssproperty --ntm-color-met - Colour of "met".
 * @cssproperty --ntm-color-not-met - Colour of "not met".
 * @cssproperty --ntm-color-incomplete - Colour of "incomplete data".
 * @cssproperty --ntm-color-blocker - Background of the columns of the criteria holding most communes back.
 * @cssproperty --ntm-color-text - Text colour.
 * @cssproperty --ntm-color-muted - Secondary text colour.
 * @cssproperty --ntm-color-background - Background colour.
 * @cssproperty --ntm-color-surface - Background of headers and panels.
 * @cssproperty --ntm-color-border - Border colour.
 * @cssproperty --ntm-color-focus - Focus ring colour.
 * @cssproperty --ntm-font-family - Font family.
 * @cssproperty --ntm-font-size - Base font size.
 * @cssproperty --ntm-radius - Corner radius.
 * @cssproperty --ntm-board-max-height - Height of the scrolling table (default 75vh); the header row stays in view.
 */
export class NtmDistrictBoard extends NtmElement {
  static override styles = styles;

  static override properties: PropertyDeclarations = {
    evaluations: { attribute: false },
    previous: { attribute: false },
    sort: { reflect: true },
    sortDirection: { attribute: 'sort-direction', reflect: true },
    noDetail: { type: Boolean, attribute: 'no-detail' },
    headingLevel: { type: Number, attribute: 'heading-level' },
    chunkSize: { type: Number, attribute: 'chunk-size' },
    theme: { reflect: true },
    selected_: { state: true, attribute: false },
    limit_: { state: true, attribute: false },
  };

  /** The evaluations of the district's communes (core's objects or their JSON), one per commune. */
  evaluations: Evaluation[] = [];

  /** The evaluations of the previous review, to show progress (matched by commune id and tier). */
  previous: Evaluation[] | null = null;

  /** Row order: `criteria` (criteria met), `name` (commune name) or `input` (as given). */
  sort: BoardSort = 'criteria';

  /** Sort direction: `desc` (default for criteria) or `asc`. */
  sortDirection: 'asc' | 'desc' = 'desc';

  /** Do not open the built-in detail view on selection (the event still fires). */
  noDetail = false;

  /** Level of the board's heading (2 by default). */
  headingLevel = 2;

  /** Rows rendered per frame. */
  chunkSize = 100;

  /** Colour scheme: `light`, `dark`, or unset to follow the system. */
  theme: 'light' | 'dark' | null = null;

  /** @internal */
  private selected_: number | null = null;
  /** @internal */
  private limit_ = 0;

  /** @internal */
  private summary_: DistrictSummary | null = null;
  /** @internal */
  private progress_: ProgressReport | null = null;
  /** @internal */
  private progressByKey_ = new Map<string, CommuneProgress>();
  /** @internal */
  private previousByKey_ = new Map<string, Evaluation>();
  /** @internal */
  private addedKeys_ = new Set<string>();
  /** @internal */
  private error_: string | null = null;
  /** @internal */
  private order_: number[] = [];
  /** @internal */
  private orderLang_ = '';
  /** @internal */
  private highlighted_ = new Set<string>();
  /** @internal */
  private frame_ = 0;
  /** @internal */
  private focusAfterUpdate_: 'back' | number | null = null;
  private readonly onBeforePrint_ = () => {
    if (this.summary_ && this.limit_ < this.summary_.communes.length) {
      this.limit_ = this.summary_.communes.length;
      this.performUpdate();
    }
  };

  constructor() {
    super();
    // The detail view shows <ntm-scorecard>: make sure it is defined, once.
    defineElement('ntm-scorecard', NtmScorecard);
  }

  override connectedCallback(): void {
    super.connectedCallback();
    window.addEventListener('beforeprint', this.onBeforePrint_);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    window.removeEventListener('beforeprint', this.onBeforePrint_);
    this.cancelFrame_();
  }

  /** The board's strings in the current language. */
  private get strings_(): BoardMessages {
    return BOARD_MESSAGES[this.lang_];
  }

  /** Opens the scorecard of the commune with this id (the first match). Returns false when there is none. */
  showCommune(id: string): boolean {
    const index = this.evaluations.findIndex((evaluation) => evaluation?.commune?.id === id);
    if (index < 0) return false;
    this.selected_ = index;
    this.focusAfterUpdate_ = 'back';
    return true;
  }

  /** Closes the detail view and shows the board. */
  showBoard(): void {
    if (this.selected_ === null) return;
    this.focusAfterUpdate_ = this.selected_;
    this.selected_ = null;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('evaluations') || changed.has('previous')) this.computeSummary_();
    if (
      changed.has('evaluations') ||
      changed.has('sort') ||
      changed.has('sortDirection') ||
      this.orderLang_ !== this.lang_
    ) {
      this.computeOrder_();
    }
    if (changed.has('evaluations')) {
      this.limit_ = Math.min(this.order_.length, Math.max(1, this.chunkSize || 100));
      if (this.selected_ !== null && this.selected_ >= this.order_.length) this.selected_ = null;
    }
  }

  protected override updated(): void {
    const total = this.order_.length;
    if (this.limit_ < total && !this.frame_) {
      const next = () => {
        this.frame_ = 0;
        this.limit_ = Math.min(total, this.limit_ + Math.max(1, this.chunkSize || 100));
      };
      // A macrotask, not requestAnimationFrame: frames are throttled in hidden tabs and iframes, and the
      // page stays responsive between chunks either way.
      this.frame_ = setTimeout(next, 0) as unknown as number;
    }
    const focus = this.focusAfterUpdate_;
    if (focus !== null) {
      this.focusAfterUpdate_ = null;
      const target =
        focus === 'back'
          ? this.renderRoot.querySelector<HTMLElement>('.back')
          : this.renderRoot.querySelector<HTMLElement>(`button[data-index="${focus}"]`);
      target?.focus();
    }
  }

  private cancelFrame_(): void {
    if (this.frame_) {
      clearTimeout(this.frame_);
      this.frame_ = 0;
    }
  }

  private computeSummary_(): void {
    this.summary_ = null;
    this.progress_ = null;
    this.progressByKey_ = new Map();
    this.previousByKey_ = new Map();
    this.addedKeys_ = new Set();
    this.error_ = null;
    this.highlighted_ = new Set();
    const evaluations = this.evaluations;
    if (!Array.isArray(evaluations)) {
      this.error_ = 'evaluations: expected an array';
      return;
    }
    for (let index = 0; index < evaluations.length; index++) {
      const problem = boardItemProblem(evaluations[index], `evaluations[${index}]`);
      if (problem) {
        this.error_ = problem;
        return;
      }
    }
    try {
      this.summary_ = summarize(evaluations);
    } catch (error) {
      this.error_ = error instanceof Error ? error.message : String(error);
      return;
    }
    const blockers = this.summary_.blockers;
    const cut = blockers[Math.min(BLOCKERS_HIGHLIGHTED, blockers.length) - 1]?.communes ?? Infinity;
    for (const blocker of blockers) if (blocker.communes >= cut) this.highlighted_.add(blocker.id);
    const previous = this.previous;
    if (Array.isArray(previous) && previous.length > 0) {
      try {
        if (previous.some((item, index) => boardItemProblem(item, `previous[${index}]`))) {
          throw new Error('malformed previous');
        }
        this.progress_ = compare(previous, evaluations);
        for (const progress of this.progress_.communes) {
          this.progressByKey_.set(keyOf(progress.id, progress.level), progress);
        }
        for (const item of previous) this.previousByKey_.set(keyOf(item.commune.id, item.level), item);
        for (const item of this.progress_.added) this.addedKeys_.add(item.id);
      } catch {
        // Progress is optional: a previous review that cannot be compared only hides the change column.
        this.progress_ = null;
      }
    }
  }

  private computeOrder_(): void {
    const rows = this.summary_?.communes ?? [];
    const order = rows.map((_, index) => index);
    const collator = new Intl.Collator(this.messages.locale, { sensitivity: 'base', numeric: true });
    const byName = (a: number, b: number) =>
      collator.compare((rows[a] as CommuneRow).name, (rows[b] as CommuneRow).name) || a - b;
    const sign = this.sortDirection === 'asc' ? 1 : -1;
    if (this.sort === 'name') {
      order.sort((a, b) => sign * byName(a, b));
    } else if (this.sort !== 'input') {
      order.sort((a, b) => {
        const ra = rows[a] as CommuneRow;
        const rb = rows[b] as CommuneRow;
        return (
          sign * (ra.criteriaMet - rb.criteriaMet) ||
          sign * ((STATUS_RANK[ra.status] ?? 0) - (STATUS_RANK[rb.status] ?? 0)) ||
          byName(a, b)
        );
      });
    }
    this.order_ = order;
    this.orderLang_ = this.lang_;
  }

  private setSort_(sort: BoardSort): void {
    if (this.sort === sort) {
      this.sortDirection = this.sortDirection === 'asc' ? 'desc' : 'asc';
    } else {
      this.sort = sort;
      this.sortDirection = sort === 'name' ? 'asc' : 'desc';
    }
  }

  private select_(index: number): void {
    const evaluation = this.evaluations[index];
    if (!evaluation) return;
    const event = new CustomEvent<NtmCommuneSelectDetail>('ntm-commune-select', {
      detail: { id: evaluation.commune.id, index, evaluation },
      bubbles: true,
      composed: true,
      cancelable: true,
    });
    const proceed = this.dispatchEvent(event);
    if (proceed && !this.noDetail) {
      this.selected_ = index;
      this.focusAfterUpdate_ = 'back';
    }
  }

  private readonly onTableClick_ = (event: Event) => {
    const target = event.target as Element | null;
    const row = target?.closest?.('tr[data-index]');
    if (!row) return;
    // Let links and selections inside a row behave normally.
    if (target?.closest('a')) return;
    const selection = typeof getSelection === 'function' ? getSelection() : null;
    if (selection && !selection.isCollapsed && !target?.closest('button')) return;
    this.select_(Number(row.getAttribute('data-index')));
  };

  private readonly onDetailKey_ = (event: KeyboardEvent) => {
    if (event.key === 'Escape') {
      event.stopPropagation();
      this.showBoard();
    }
  };

  // ---- rendering -------------------------------------------------------------------------------------------

  private headingLevelOf_(offset: number): number {
    return Math.min(6, Math.max(1, Math.round(this.headingLevel || 2) + offset));
  }

  override render(): TemplateResult {
    const m = this.messages;
    if (this.error_) {
      return html`<div class="message error" part="message" role="alert">
        <p class="title">${m.errorTitle}</p>
        <p>${m.errors.malformedList}</p>
        <ul><li>${this.error_}</li></ul>
      </div>`;
    }
    const summary = this.summary_;
    if (!summary || summary.communes.length === 0) {
      return html`<div class="message" part="message" role="status">${this.strings_.empty}</div>`;
    }
    const selected = this.selected_ !== null ? this.evaluations[this.selected_] : undefined;
    return html`<div class="board" part="base" lang=${this.lang_}>
      <div class="overview" ?hidden=${!!selected}>
        ${this.renderHeader_(summary)} ${this.renderBlockers_(summary)} ${this.renderTable_(summary)}
      </div>
      ${selected ? this.renderDetail_(selected) : nothing}
    </div>`;
  }

  private tierLabel_(level: string | null): string {
    const m = this.messages;
    if (!level) return '';
    return m.tiers[level] ?? level;
  }

  private renderHeader_(summary: DistrictSummary): TemplateResult {
    const m = this.messages;
    const totals = summary.totals;
    const progress = this.progress_;
    return html`<header class="header" part="header">
      <div role="heading" aria-level=${this.headingLevelOf_(0)} class="title">${this.strings_.title}</div>
      <p class="subtitle">${this.strings_.caption(this.tierLabel_(summary.level), formatDate(summary.asOf, m))}</p>
      <p class="totals" part="totals">
        ${this.strings_.totals(totals.met, totals.communes, formatNumber(totals.averageCriteriaMet, m))}
      </p>
      ${
        progress
          ? html`<p class="progress" part="progress">
            ${this.strings_.progress(progress.totals.improved, progress.totals.worsened, progress.totals.newlyMet, progress.totals.noLongerMet)}
          </p>`
          : nothing
      }
    </header>`;
  }

  private renderBlockers_(summary: DistrictSummary): TemplateResult | typeof nothing {
    const m = this.messages;
    const blockers = summary.blockers.slice(0, BLOCKERS_SHOWN);
    if (blockers.length === 0) return nothing;
    return html`<section class="blockers" part="blockers">
      <div role="heading" aria-level=${this.headingLevelOf_(1)} class="blockers-title">${this.strings_.blockersTitle}</div>
      <ol>
        ${blockers.map(
          (blocker) => html`<li class=${this.highlighted_.has(blocker.id) ? 'highlighted' : ''}>
            <strong>${m.criterion(blocker.id)}. ${localized(blocker.name, this.lang_)}</strong>:
            ${this.strings_.blocker(blocker.communes, blocker.notMet, blocker.incomplete)}
          </li>`,
        )}
      </ol>
    </section>`;
  }

  private sortHeader_(sort: BoardSort, label: string, cls: string): TemplateResult {
    const active = this.sort === sort;
    const ariaSort = active ? (this.sortDirection === 'asc' ? 'ascending' : 'descending') : 'none';
    return html`<th scope="col" class=${cls} aria-sort=${ariaSort}>
      <button type="button" class="sort" part="sort-button" @click=${() => this.setSort_(sort)}>
        ${label}<span class="sort-mark" aria-hidden="true">${active ? (this.sortDirection === 'asc' ? '▲' : '▼') : '↕'}</span>
        <span class="sr-only">, ${this.strings_.sortBy} ${sort === 'name' ? this.strings_.sortName : this.strings_.sortCriteria}</span>
      </button>
    </th>`;
  }

  private renderTable_(summary: DistrictSummary): TemplateResult {
    const m = this.messages;
    const lang = this.lang_;
    const rows = summary.communes;
    const showPrerequisites = rows.some((row) => row.prerequisites.length > 0);
    const showProgress = !!this.progress_;
    const leading = 3 + (showPrerequisites ? 1 : 0) + (showProgress ? 1 : 0);
    const shown = Math.min(this.limit_, this.order_.length);
    return html`<div class="table-wrap" part="table-wrapper" role="region" aria-labelledby="caption" tabindex="0">
        <table
          part="table"
          style=${styleMap({ width: `${LEADING_EM + (leading - 3) * WIDE_EM + summary.criteria.length * CRITERION_EM}em` })}
        >
          <caption id="caption">
            ${this.strings_.caption(this.tierLabel_(summary.level), formatDate(summary.asOf, m))}
          </caption>
          <colgroup>
            <col class="w-commune" /><col class="w-status" /><col class="w-num" />
            ${showPrerequisites ? html`<col class="w-wide" />` : nothing}
            ${showProgress ? html`<col class="w-wide" />` : nothing}
            ${summary.criteria.map((column) => html`<col class="w-crit ${this.highlighted_.has(column.id) ? 'blocker' : ''}" />`)}
          </colgroup>
          <thead>
            <tr>
              ${this.sortHeader_('name', this.strings_.commune, 'commune-col')}
              <th scope="col">${this.strings_.result}</th>
              ${this.sortHeader_('criteria', this.strings_.criteriaMet, 'num')}
              ${showPrerequisites ? html`<th scope="col">${this.strings_.prerequisites}</th>` : nothing}
              ${showProgress ? html`<th scope="col">${this.strings_.change}</th>` : nothing}
              ${summary.criteria.map((column) => {
                const blocker = this.highlighted_.has(column.id);
                const name = localized(column.name, lang);
                return html`<th
                  scope="col"
                  class="crit ${blocker ? 'blocker' : ''}"
                  part=${blocker ? 'column-header column-header-blocker' : 'column-header'}
                  title=${`${m.criterion(column.id)}. ${name}`}
                >
                  <span class="crit-name"><span class="crit-id">${column.id}</span> ${name}</span>
                  ${blocker ? html`<span class="flag" aria-hidden="true">⚑</span><span class="sr-only"> (${this.strings_.blockerMark})</span>` : nothing}
                </th>`;
              })}
            </tr>
          </thead>
          <tbody @click=${this.onTableClick_}>
            ${this.order_
              .slice(0, shown)
              .map((index) =>
                this.renderRow_(rows[index] as CommuneRow, index, summary, showPrerequisites, showProgress),
              )}
          </tbody>
          <tfoot>
            <tr>
              <th scope="row" colspan=${leading}>${this.strings_.countRow}</th>
              ${summary.criteria.map(
                (column) =>
                  html`<td class="count ${this.highlighted_.has(column.id) ? 'blocker' : ''}" part="count">
                    ${column.met}/${column.total}<span class="sr-only">${this.strings_.countSuffix}</span>
                  </td>`,
              )}
            </tr>
          </tfoot>
        </table>
      </div>
      ${
        shown < this.order_.length
          ? html`<p class="rendering no-print" role="status">${this.strings_.rendering(shown, this.order_.length)}</p>`
          : nothing
      }`;
  }

  private renderRow_(
    row: CommuneRow,
    index: number,
    summary: DistrictSummary,
    showPrerequisites: boolean,
    showProgress: boolean,
  ): TemplateResult {
    const m = this.messages;
    const evaluation = this.evaluations[index] as Evaluation;
    const key = keyOf(row.id, evaluation.level);
    return html`<tr data-index=${index} part="row">
      <th scope="row" class="commune-col">
        <button type="button" class="commune" part="commune-button" data-index=${index}>${row.name}</button>
      </th>
      <td class="status s-${row.status}"><span class="glyph" aria-hidden="true"></span>${m.criterionStatus[row.status]}</td>
      <td class="num">${row.criteriaMet}/${row.criteriaTotal}</td>
      ${
        showPrerequisites
          ? html`<td class="prereq">${row.prerequisites.map(
              (tier) =>
                html`<span class="s-${tier.status}"><span class="glyph" aria-hidden="true"></span>${m.tierShort[tier.level] ?? tier.level}: ${m.criterionStatus[tier.status]}</span>`,
            )}</td>`
          : nothing
      }
      ${showProgress ? this.renderChange_(key, row.id) : nothing}
      ${summary.criteria.map((column) => {
        const status = row.criteria[column.id];
        return status
          ? html`<td class="cell s-${status}"><span class="sr-only">${m.criterionStatus[status]}</span></td>`
          : html`<td class="cell"></td>`;
      })}
    </tr>`;
  }

  private renderChange_(key: string, id: string): TemplateResult {
    const m = this.messages;
    const progress = this.progressByKey_.get(key);
    if (!progress) {
      return html`<td class="change">${this.addedKeys_.has(id) ? this.strings_.added : ''}</td>`;
    }
    const delta = progress.criteriaMetAfter - progress.criteriaMetBefore;
    const signed = delta > 0 ? `+${delta}` : delta < 0 ? `−${-delta}` : '±0';
    return html`<td class="change dir-${progress.direction}">
      ${m.direction[progress.direction]} <span class="muted">(${this.strings_.criteriaDelta(signed)})</span>
    </td>`;
  }

  private renderDetail_(evaluation: Evaluation): TemplateResult {
    const previous = this.previousByKey_.get(keyOf(evaluation.commune.id, evaluation.level)) ?? null;
    return html`<div class="detail" part="detail" @keydown=${this.onDetailKey_}>
      <button type="button" class="back no-print" part="back-button" @click=${() => this.showBoard()}>
        <span aria-hidden="true">←</span>${this.strings_.back}
      </button>
      <ntm-scorecard
        part="scorecard"
        .result=${evaluation}
        .previous=${previous}
        lang=${this.lang_}
        theme=${this.theme ?? nothing}
        heading-level=${this.headingLevelOf_(0)}
      ></ntm-scorecard>
    </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'ntm-district-board': NtmDistrictBoard;
  }
  interface GlobalEventHandlersEventMap {
    'ntm-commune-select': CustomEvent<NtmCommuneSelectDetail>;
  }
}
