import type { CommuneRow, DistrictSummary, Evaluation } from '@nongthonmoi/core/review';
import { html, nothing, type PropertyDeclarations, type PropertyValues, type TemplateResult } from 'lit';
import { styleMap } from 'lit/directives/style-map.js';
import { defineElement } from '../internal/define-once.js';
import { errorLines, problemCode } from '../internal/errors.js';
import { formatDate, formatNumber, localized, plain } from '../internal/format.js';
import { BOARD_MESSAGES, type BoardMessages } from '../internal/i18n-board.js';
import { NtmElement } from '../internal/ntm-element.js';
import type { NtmErrorDetail } from '../ntm-scorecard/ntm-scorecard.js';
import { NtmScorecard } from '../ntm-scorecard/ntm-scorecard.js';
import { type BoardData, BoardDataController, type BoardReady } from './board-data.js';
import { type BoardSort, BoardViewController, STATUSES, type TierStatus } from './board-view.js';
import { styles } from './ntm-district-board.styles.js';
import { RowWindowController } from './row-window.js';

export type { BoardSort, TierStatus } from './board-view.js';

/** Detail of the `ntm-commune-select` event. */
export interface NtmCommuneSelectDetail {
  /** The commune's id. */
  id: string;
  /** Position of the evaluation in `evaluations`. */
  index: number;
  evaluation: Evaluation;
}

/** Detail of the `ntm-filter-change` event. */
export interface NtmFilterChangeDetail {
  /** The search text (`query`). */
  query: string;
  /** The statuses shown (`status-filter`); empty: all. */
  statuses: TierStatus[];
  /** Communes listed after the filter. */
  shown: number;
  /** Communes on the board. */
  total: number;
}

/** Detail of the `ntm-sort-change` event. */
export interface NtmSortChangeDetail {
  sort: BoardSort;
  direction: 'asc' | 'desc';
}

const BLOCKERS_SHOWN = 5;
// Column widths (em) of the fixed table layout: laying out thousands of rows stays linear, and every row is
// one line high (the row window relies on it).
const LEADING_EM = 12 + 12 + 4.5;
const PREREQUISITE_EM = 12;
const CHANGE_EM = 13;
const CRITERION_EM = 2.3;
const GLYPHS: Record<string, string> = { met: '✔', 'not-met': '✘', incomplete: '◐' };
const percentFormats = new Map<string, Intl.NumberFormat>();

/** A share as a whole percentage in the page's locale ("81%"). */
function percent(share: number, locale: string): string {
  let format = percentFormats.get(locale);
  if (!format) {
    format = new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 0 });
    percentFormats.set(locale, format);
  }
  return format.format(share);
}

/**
 * The district (or province) view for a progress-review meeting: a communes × criteria matrix built with core's
 * `summarize` (and `compare` against a previous review), with the number of communes meeting each criterion,
 * the criteria that hold most communes back, sorting, a search by name and a filter by result, and each
 * commune's scorecard one click away.
 *
 * Up to `virtualize-above` communes (40: a district) every row is drawn. Longer lists, up to a whole country, draw only
 * the rows in view and draw the others as the table scrolls; every row stays reachable by scrolling and by
 * keyboard (↑ ↓ Page Up/Down Home End on a commune), is announced with its position (`aria-rowcount`,
 * `aria-rowindex`), and printing prints every row.
 *
 * Limits: up to 20,000 evaluations and 100 criteria per commune; a longer list shows the error state.
 *
 * @summary Communes × criteria matrix of a district or province, for review meetings.
 * @tagname ntm-district-board
 *
 * @fires {CustomEvent<NtmCommuneSelectDetail>} ntm-commune-select - A commune was chosen (click or keyboard). Cancel it (`preventDefault()`) to keep the built-in detail view closed, e.g. to route to your own page.
 * @fires {CustomEvent<NtmFilterChangeDetail>} ntm-filter-change - The user changed the search text or the result filter (after the list was updated).
 * @fires {CustomEvent<NtmSortChangeDetail>} ntm-sort-change - The user changed the order.
 * @fires {CustomEvent<NtmErrorDetail>} ntm-error - The evaluations cannot be shown: malformed, too many, or unreadable (a getter or Proxy that throws).
 *
 * @csspart base - The wrapper of the board.
 * @csspart header - Title, totals and progress since the previous review.
 * @csspart totals - Communes meeting the standard and the average of criteria met.
 * @csspart progress - The change since the previous review.
 * @csspart blockers - The list of criteria holding most communes back.
 * @csspart filters - The search box and the result filter.
 * @csspart search - The search box (`<input type="search">`).
 * @csspart status-filter - A button of the result filter (pressed: `[aria-pressed="true"]`).
 * @csspart result-count - The number of communes listed ("12/3.300 xã"), announced politely.
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
 * @csspart message - The empty, no-match or error message.
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
    query: { reflect: true },
    statusFilter: { attribute: 'status-filter', reflect: true },
    noDetail: { type: Boolean, attribute: 'no-detail' },
    headingLevel: { type: Number, attribute: 'heading-level' },
    virtualizeAbove: { type: Number, attribute: 'virtualize-above' },
    theme: { reflect: true },
    selected_: { state: true, attribute: false },
    active_: { state: true, attribute: false },
  };

  /** The evaluations of the communes (core's objects or their JSON), one per commune; up to 20,000. */
  evaluations: Evaluation[] = [];

  /** The evaluations of the previous review, to show progress (matched by commune id and tier). */
  previous: Evaluation[] | null = null;

  /** Row order: `criteria` (criteria met), `name` (commune name) or `input` (as given). */
  sort: BoardSort = 'criteria';

  /** Sort direction: `desc` (default for criteria) or `asc`. */
  sortDirection: 'asc' | 'desc' = 'desc';

  /**
   * Lists only the communes whose name contains every word of this text, ignoring case and
   * diacritics: "nam my" finds "Nam Mỹ". Set by the search box; a portal can set it too.
   */
  query = '';

  /**
   * Lists only the communes with these results: space-separated `met`, `not-met`, `incomplete` (empty: all).
   * Set by the filter buttons; a portal can set it too.
   */
  statusFilter = '';

  /** Do not open the built-in detail view on selection (the event still fires). */
  noDetail = false;

  /** Level of the board's heading (2 by default). */
  headingLevel = 2;

  /**
   * Boards with more communes than this draw only the rows in view (and those next to them), and draw the
   * others as the table scrolls. Up to it, every row is in the DOM. 0 windows every board.
   */
  virtualizeAbove = 40;

  /** Colour scheme: `light`, `dark`, or unset to follow the system. */
  theme: 'light' | 'dark' | null = null;

  /** @internal Index (in `evaluations`) of the commune shown in the detail view. */
  private selected_: number | null = null;
  /** @internal Index of the row holding the keyboard's tab stop. */
  private active_: number | null = null;

  /** @internal */
  private readonly data_ = new BoardDataController(this);
  /** @internal */
  private readonly view_ = new BoardViewController(this, () => {
    const data = this.data_.data;
    return { rows: data.state === 'ready' ? data.rows : [], locale: this.messages.locale };
  });
  /** @internal */
  private readonly window_ = new RowWindowController(this, {
    scroller: () => this.renderRoot.querySelector<HTMLElement>('.table-wrap'),
    body: () => this.renderRoot.querySelector<HTMLTableSectionElement>('tbody'),
    threshold: () => (Number.isFinite(this.virtualizeAbove) ? this.virtualizeAbove : 40),
    flush: () => this.performUpdate(),
  });
  /** @internal The data and filter the window was last sized for: another list starts from the top. */
  private listedData_: BoardData | null = null;
  /** @internal */
  private listedFilter_ = '';
  /** @internal */
  private reported_: BoardData | null = null;
  /** @internal */
  private renderFailed_ = false;

  constructor() {
    super();
    // The detail view shows <ntm-scorecard>: make sure it is defined, once.
    defineElement('ntm-scorecard', NtmScorecard);
  }

  /** The board's strings in the current language. */
  private get strings_(): BoardMessages {
    return BOARD_MESSAGES[this.lang_];
  }

  private get ready_(): BoardReady | null {
    const data = this.data_.data;
    return data.state === 'ready' ? data : null;
  }

  /** Opens the scorecard of the commune with this id (the first match). Returns false when there is none. */
  showCommune(id: string): boolean {
    this.data_.hostUpdate(); // `evaluations` may have been set in the same task
    const index = this.ready_?.rows.findIndex((row) => row.id === id) ?? -1;
    if (index < 0) return false;
    this.selected_ = index;
    this.focusBack_();
    return true;
  }

  private focusBack_(): void {
    this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>('.back')?.focus());
  }

  /** Closes the detail view and shows the board. */
  showBoard(): void {
    const selected = this.selected_;
    if (selected === null) return;
    this.selected_ = null;
    const position = this.view_.order.indexOf(selected);
    if (position >= 0) this.focusRow_(position);
  }

  /**
   * Resolves when the board has settled: the row window draws the rows in view in a second update (once it
   * knows where the table is), and `updateComplete` waits for it.
   */
  protected override async getUpdateComplete(): Promise<boolean> {
    let complete = await super.getUpdateComplete();
    for (let guard = 0; !complete && guard < 10; guard++) complete = await super.getUpdateComplete();
    return complete;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('evaluations')) this.renderFailed_ = false;
  }

  override update(changed: PropertyValues<this>): void {
    // The controllers' hostUpdate has run: size the window for the list now shown.
    const data = this.data_.data;
    const filter = `${this.query}\u0000${this.statusFilter}`;
    this.window_.setCount(
      this.view_.order.length,
      data !== this.listedData_ || filter !== this.listedFilter_,
    );
    this.listedData_ = data;
    this.listedFilter_ = filter;
    // Rows are drawn by position: a focused commune scrolled out of the window would see its button given to
    // another commune. The focus goes to the scrolling table instead (the keyboard stays in the board).
    const focused = (this.renderRoot as ShadowRoot | undefined)?.activeElement;
    if (focused?.classList.contains('commune')) {
      const position = this.view_.order.indexOf(Number(focused.getAttribute('data-index')));
      if (position < this.window_.start || position >= this.window_.end)
        this.renderRoot.querySelector<HTMLElement>('.table-wrap')?.focus({ preventScroll: true });
    }
    const rows = this.ready_?.rows.length ?? 0;
    if (this.selected_ !== null && this.selected_ >= rows) this.selected_ = null;
    super.update(changed);
  }

  protected override updated(): void {
    const data = this.data_.data;
    if (data !== this.reported_) {
      this.reported_ = data;
      if (data.state === 'error') {
        const { problem } = data;
        this.reportError_(
          problemCode(problem),
          errorLines({ code: '', issues: [], problem }, this.messages, true),
        );
      }
    }
  }

  private reportError_(code: string, [headline, lines]: [string, string[]]): void {
    this.dispatchEvent(
      new CustomEvent<NtmErrorDetail>('ntm-error', {
        detail: { code, message: [headline, ...lines].join(': ') },
        bubbles: true,
        composed: true,
      }),
    );
  }

  private setSort_(sort: BoardSort): void {
    if (this.sort === sort) {
      this.sortDirection = this.sortDirection === 'asc' ? 'desc' : 'asc';
    } else {
      this.sort = sort;
      this.sortDirection = sort === 'name' ? 'asc' : 'desc';
    }
    this.dispatchEvent(
      new CustomEvent<NtmSortChangeDetail>('ntm-sort-change', {
        detail: { sort: this.sort, direction: this.sortDirection },
        bubbles: true,
        composed: true,
      }),
    );
  }

  private filterChanged_(): void {
    this.updateComplete.then(() =>
      this.dispatchEvent(
        new CustomEvent<NtmFilterChangeDetail>('ntm-filter-change', {
          detail: {
            query: this.query,
            statuses: [...this.view_.statuses],
            shown: this.view_.order.length,
            total: this.ready_?.rows.length ?? 0,
          },
          bubbles: true,
          composed: true,
        }),
      ),
    );
  }

  private readonly onSearch_ = (event: Event) => {
    this.query = (event.target as HTMLInputElement).value;
    this.filterChanged_();
  };

  private toggleStatus_(status: TierStatus): void {
    const on = new Set(this.view_.statuses);
    if (!on.delete(status)) on.add(status);
    this.statusFilter = STATUSES.filter((item) => on.has(item)).join(' ');
    this.filterChanged_();
  }

  private select_(index: number): void {
    const row = this.ready_?.rows[index];
    if (!row) return;
    let evaluation: Evaluation;
    try {
      evaluation = this.evaluations[index] as Evaluation;
    } catch {
      return;
    }
    const event = new CustomEvent<NtmCommuneSelectDetail>('ntm-commune-select', {
      detail: { id: row.id, index, evaluation },
      bubbles: true,
      composed: true,
      cancelable: true,
    });
    const proceed = this.dispatchEvent(event);
    if (proceed && !this.noDetail) {
      this.selected_ = index;
      this.focusBack_();
    }
  }

  /** Moves the keyboard's tab stop to the row at `position`, draws it, focuses it and scrolls it into view. */
  private async focusRow_(position: number): Promise<void> {
    const index = this.view_.order[position];
    if (index === undefined) return;
    this.active_ = index;
    this.window_.reveal(position);
    await this.updateComplete;
    const button = this.renderRoot.querySelector<HTMLElement>(`button.commune[data-index="${index}"]`);
    button?.focus({ preventScroll: true });
    const row = button?.closest('tr');
    if (row) {
      // Clear of the sticky header and footer.
      row.style.scrollMargin = `${this.window_.headHeight}px 0 ${this.window_.footHeight}px`;
      row.scrollIntoView({ block: 'nearest', inline: 'nearest' });
      row.style.scrollMargin = '';
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

  private readonly onRowKey_ = (event: KeyboardEvent) => {
    const button = (event.target as Element).closest?.('button.commune');
    if (!button || event.altKey || event.metaKey) return;
    const order = this.view_.order;
    const position = order.indexOf(Number(button.getAttribute('data-index')));
    const page = Math.max(1, this.window_.visibleEnd - this.window_.visibleStart - 1);
    const target = {
      ArrowDown: position + 1,
      ArrowUp: position - 1,
      PageDown: position + page,
      PageUp: position - page,
      Home: 0,
      End: order.length - 1,
    }[event.key];
    if (target === undefined || position < 0) return;
    event.preventDefault();
    this.focusRow_(Math.max(0, Math.min(order.length - 1, target)));
  };

  private readonly onRowFocus_ = (event: FocusEvent) => {
    const button = (event.target as Element).closest?.('button.commune');
    if (button) this.active_ = Number(button.getAttribute('data-index'));
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
    if (!this.renderFailed_) {
      try {
        return this.renderContent_();
      } catch {
        // Values that pass the checks and then throw when read again (a getter, a Proxy): the error state.
        this.renderFailed_ = true;
        this.updateComplete.then(() => this.reportError_('render', [this.messages.errors.render, []]));
      }
    }
    return this.renderError_({ code: 'render', issues: [] });
  }

  private renderError_(error: Parameters<typeof errorLines>[0]): TemplateResult {
    const [headline, lines] = errorLines(error, this.messages, true);
    return html`<div class="message error" part="message" role="alert">
      <p class="title">${this.messages.errorTitle}</p>
      <p>${headline}</p>
      ${lines.length > 0 ? html`<ul>${lines.map((line) => html`<li>${line}</li>`)}</ul>` : nothing}
    </div>`;
  }

  private renderContent_(): TemplateResult {
    const data = this.data_.data;
    if (data.state === 'error')
      return this.renderError_({ code: 'malformed', issues: [], problem: data.problem });
    if (data.state === 'empty') {
      return html`<div class="message" part="message" role="status">${this.strings_.empty}</div>`;
    }
    const selected = this.selected_ !== null ? this.evaluations[this.selected_] : undefined;
    return html`<div class="board" part="base" lang=${this.lang_}>
      <div class="overview" ?hidden=${!!selected}>
        ${this.renderHeader_(data.summary, data)} ${this.renderBlockers_(data.summary, data)}
        ${this.renderFilters_(data)} ${this.renderTable_(data)}
      </div>
      ${selected ? this.renderDetail_(selected, data) : nothing}
    </div>`;
  }

  private tierLabel_(level: string | null): string {
    if (!level) return '';
    return this.messages.tiers[level] ?? plain(level);
  }

  private renderHeader_(summary: DistrictSummary, data: BoardReady): TemplateResult {
    const m = this.messages;
    const totals = summary.totals;
    const progress = data.progress;
    return html`<header class="header" part="header">
      <div role="heading" aria-level=${this.headingLevelOf_(0)} class="title">${this.strings_.title}</div>
      <p class="subtitle">${this.strings_.caption(this.tierLabel_(summary.level), formatDate(summary.asOf, m))}</p>
      <p class="totals" part="totals">
        ${this.strings_.totals(formatNumber(totals.met, m), formatNumber(totals.communes, m), formatNumber(totals.averageCriteriaMet, m))}
      </p>
      ${
        progress
          ? html`<p class="progress" part="progress">
            ${this.strings_.progress(...([progress.totals.improved, progress.totals.worsened, progress.totals.newlyMet, progress.totals.noLongerMet].map((n) => formatNumber(n, m)) as [string, string, string, string]))}
          </p>`
          : nothing
      }
    </header>`;
  }

  private renderBlockers_(summary: DistrictSummary, data: BoardReady): TemplateResult | typeof nothing {
    const m = this.messages;
    const blockers = summary.blockers.slice(0, BLOCKERS_SHOWN);
    if (blockers.length === 0) return nothing;
    return html`<section class="blockers" part="blockers">
      <div role="heading" aria-level=${this.headingLevelOf_(1)} class="blockers-title">${this.strings_.blockersTitle}</div>
      <ol>
        ${blockers.map(
          (blocker) => html`<li class=${data.highlighted.has(blocker.id) ? 'highlighted' : ''}>
            <strong>${m.criterion(plain(blocker.id))}. ${localized(blocker.name, this.lang_)}</strong>:
            ${this.strings_.blocker(formatNumber(blocker.communes, m), formatNumber(blocker.notMet, m), formatNumber(blocker.incomplete, m))}
          </li>`,
        )}
      </ol>
    </section>`;
  }

  private renderFilters_(data: BoardReady): TemplateResult {
    const m = this.messages;
    const s = this.strings_;
    const view = this.view_;
    const shown = view.order.length;
    const total = data.rows.length;
    return html`<div class="filters" part="filters">
        <label class="search no-print">
          <span class="search-label">${s.search}</span>
          <input
            type="search"
            part="search"
            autocomplete="off"
            spellcheck="false"
            placeholder=${s.searchHint}
            .value=${this.query ?? ''}
            @input=${this.onSearch_}
          />
        </label>
        <div class="status-filter no-print" role="group" aria-label=${s.filterByResult}>
          ${STATUSES.map(
            (status) => html`<button
              type="button"
              class="chip s-${status}"
              part="status-filter"
              aria-pressed=${view.statuses.includes(status) ? 'true' : 'false'}
              @click=${() => this.toggleStatus_(status)}
            >
              <span class="glyph" aria-hidden="true"></span>${m.criterionStatus[status]}
              <span class="chip-count">${formatNumber(view.counts[status], m)}</span>
            </button>`,
          )}
        </div>
        <p class="result-count" part="result-count" role="status">
          ${s.shown(formatNumber(shown, m), formatNumber(total, m), shown < total)}
        </p>
      </div>`;
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

  private renderTable_(data: BoardReady): TemplateResult {
    const m = this.messages;
    const s = this.strings_;
    const lang = this.lang_;
    const { summary, rows, highlighted } = data;
    const columns = summary.criteria;
    let tiers = 0; // prerequisite tiers shown side by side, on one line
    for (const row of rows) tiers = Math.max(tiers, row.prerequisites.length);
    const showPrerequisites = tiers > 0;
    const showProgress = !!data.progress;
    const leading = 3 + (showPrerequisites ? 1 : 0) + (showProgress ? 1 : 0);
    const order = this.view_.order;
    const count = order.length;
    const { start, end } = this.window_;
    const pitch = this.window_.pitch;
    const positions = order.slice(start, end);
    // The keyboard's tab stop: the active row when it is drawn, else the first row in view.
    const activePosition = this.active_ === null ? -1 : order.indexOf(this.active_);
    const tabStop =
      activePosition >= start && activePosition < end
        ? this.active_
        : order[Math.max(start, Math.min(this.window_.visibleStart, end - 1))];
    // One template per status, shared by every cell: lit only compares it when a row is drawn again.
    const cells: Record<string, TemplateResult> = {};
    for (const status of STATUSES) {
      cells[status] =
        html`<td class="cell s-${status}" part="cell cell-${status}"><span role="img" aria-label=${m.criterionStatus[status]}>${GLYPHS[status]}</span></td>`;
    }
    const empty = html`<td class="cell" part="cell"></td>`;
    const spacer = (height: number) =>
      height > 0
        ? html`<tr class="spacer" aria-hidden="true"><td colspan=${leading + columns.length} style=${`height:${height}px`}></td></tr>`
        : nothing;
    const width =
      LEADING_EM + tiers * PREREQUISITE_EM + (showProgress ? CHANGE_EM : 0) + columns.length * CRITERION_EM;
    return html`<div class="table-wrap" part="table-wrapper" role="region" aria-labelledby="caption" tabindex="0">
        <table part="table" aria-rowcount=${Math.max(count, 1) + 2} style=${styleMap({ width: `${width}em` })}>
          <caption id="caption">
            ${s.caption(this.tierLabel_(summary.level), formatDate(summary.asOf, m))}
          </caption>
          <colgroup>
            <col class="w-commune" /><col class="w-status" /><col class="w-num" />
            ${showPrerequisites ? html`<col style=${`width:${tiers * PREREQUISITE_EM}em`} />` : nothing}
            ${showProgress ? html`<col class="w-change" />` : nothing}
            ${columns.map((column) => html`<col class="w-crit ${highlighted.has(column.id) ? 'blocker' : ''}" />`)}
          </colgroup>
          <thead>
            <tr aria-rowindex="1">
              ${this.sortHeader_('name', s.commune, 'commune-col')}
              <th scope="col">${s.result}</th>
              ${this.sortHeader_('criteria', s.criteriaMet, 'num')}
              ${showPrerequisites ? html`<th scope="col">${s.prerequisites}</th>` : nothing}
              ${showProgress ? html`<th scope="col">${s.change}</th>` : nothing}
              ${columns.map((column) => {
                const blocker = highlighted.has(column.id);
                const id = plain(column.id);
                const name = localized(column.name, lang);
                return html`<th
                  scope="col"
                  class="crit ${blocker ? 'blocker' : ''}"
                  part=${blocker ? 'column-header column-header-blocker' : 'column-header'}
                  title=${`${m.criterion(id)}. ${name}`}
                >
                  <span class="crit-name"><span class="crit-id">${id}</span> ${name}</span>
                  ${blocker ? html`<span class="flag" aria-hidden="true">⚑</span><span class="sr-only"> (${s.blockerMark})</span>` : nothing}
                </th>`;
              })}
            </tr>
          </thead>
          <tbody @click=${this.onTableClick_} @keydown=${this.onRowKey_} @focusin=${this.onRowFocus_}>
            ${spacer(start * pitch)}
            ${positions.map((index, offset) => {
              const row = rows[index] as CommuneRow;
              const criteria = row.criteria;
              const name = plain(row.name);
              return html`<tr data-index=${index} aria-rowindex=${start + offset + 2} part="row">
                  <th scope="row" class="commune-col">
                    <button type="button" class="commune" part="commune-button" data-index=${index} tabindex=${index === tabStop ? '0' : '-1'} title=${name}>${name}</button>
                  </th>
                  <td class="status s-${row.status}"><span class="glyph" aria-hidden="true"></span>${m.criterionStatus[row.status]}</td>
                  <td class="num">${row.criteriaMet}/${row.criteriaTotal}</td>
                  ${showPrerequisites ? this.renderPrerequisites_(row) : nothing}
                  ${showProgress ? this.renderChange_(data, index, row.id) : nothing}
                  ${columns.map((column) => cells[criteria[column.id] as string] ?? empty)}
                </tr>`;
            })}
            ${spacer((count - end) * pitch)}
            ${
              count === 0
                ? html`<tr class="no-match" aria-rowindex="2"><td colspan=${leading + columns.length} part="message">${s.noMatch}</td></tr>`
                : nothing
            }
          </tbody>
          <tfoot>
            <tr aria-rowindex=${Math.max(count, 1) + 2}>
              <th scope="row" colspan=${leading}>${count < rows.length ? s.countRowAll(formatNumber(rows.length, m)) : s.countRow}</th>
              ${columns.map((column) => {
                const cls = `count ${highlighted.has(column.id) ? 'blocker' : ''}`;
                const counted = `${formatNumber(column.met, m)}/${formatNumber(column.total, m)}`;
                // "5/8" fits a criterion's column; "2.673/3.300" does not: the share is shown, the count read.
                return column.total < 100
                  ? html`<td class=${cls} part="count">${counted}<span class="sr-only">${s.countSuffix}</span></td>`
                  : html`<td class="${cls} share" part="count" title=${counted}>
                      <span aria-hidden="true">${percent(column.met / column.total, m.locale)}</span><span class="sr-only">${counted}${s.countSuffix}</span>
                    </td>`;
              })}
            </tr>
          </tfoot>
        </table>
      </div>`;
  }

  private renderPrerequisites_(row: CommuneRow): TemplateResult {
    const m = this.messages;
    return html`<td class="prereq">${row.prerequisites.map(
      (tier) =>
        html`<span class="s-${tier.status}"><span class="glyph" aria-hidden="true"></span>${m.tierShort[tier.level] ?? plain(tier.level)}: ${m.criterionStatus[tier.status]}</span>`,
    )}</td>`;
  }

  private renderChange_(data: BoardReady, index: number, id: string): TemplateResult {
    const m = this.messages;
    const progress = data.progressByKey.get(data.keys[index] as string);
    if (!progress) {
      return html`<td class="change">${data.added.has(id) ? this.strings_.added : ''}</td>`;
    }
    const delta = progress.criteriaMetAfter - progress.criteriaMetBefore;
    const signed = delta > 0 ? `+${delta}` : delta < 0 ? `−${-delta}` : '±0';
    return html`<td class="change dir-${progress.direction}">
      ${m.direction[progress.direction]} <span class="muted">(${this.strings_.criteriaDelta(signed)})</span>
    </td>`;
  }

  private renderDetail_(evaluation: Evaluation, data: BoardReady): TemplateResult {
    const key = data.keys[this.selected_ as number] as string;
    const previous = data.previousByKey.get(key) ?? null;
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
    'ntm-filter-change': CustomEvent<NtmFilterChangeDetail>;
    'ntm-sort-change': CustomEvent<NtmSortChangeDetail>;
  }
}
