/**
 * Row windowing for the board's table: which rows (positions in the sorted, filtered list) are in the DOM.
 *
 * - `all`: lists up to the host's threshold draw every row (the screen reader's table commands and the
 *   browser's find reach them all).
 * - `window`: longer lists draw the rows in view plus a margin, with a spacer above and below standing for the
 *   rest, so that the table scrolls as if every row were there. Rows have one height (one line each), measured
 *   on the rendered rows; what is in view is read from the scrolling wrapper, the page's viewport and any
 *   scrolling ancestor, on each scroll and resize, and the new rows are drawn before the next frame.
 * - `print`: from `beforeprint` (or print media) to `afterprint`, every row, so that a printout is complete.
 *
 * A reactive controller: the host reads `start`/`end` when it renders and calls `reveal()` to bring a row
 * into the window (keyboard navigation).
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';

/** Rows drawn above and below those in view. */
const OVERSCAN = 4;
/** Height of a row until one is measured: 2.5em at the table's 14 px (ntm-district-board.styles.ts). */
const ROW_ESTIMATE_PX = 35;

/** Rows drawn before anything is measured: a screenful. */
function initialRows(): number {
  return Math.max(10, Math.min(60, Math.ceil((globalThis.innerHeight || 800) / ROW_ESTIMATE_PX)));
}

export type WindowMode = 'all' | 'window' | 'print';

export interface RowWindowOptions {
  /** The scrolling wrapper of the table. */
  scroller: () => HTMLElement | null;
  /** The table body holding the rows (`tr[data-index]`) and the spacers. */
  body: () => HTMLTableSectionElement | null;
  /** Lists longer than this are windowed. */
  threshold: () => number;
  /** Renders now, synchronously (before printing). */
  flush: () => void;
}

export class RowWindowController implements ReactiveController {
  /** First position drawn. */
  start = 0;
  /** Position after the last one drawn. */
  end = 0;
  /** The positions in view (as last measured), for Page Up / Page Down and the keyboard's entry point. */
  visibleStart = 0;
  visibleEnd = 0;
  /** Heights of the sticky header and footer (as last measured): rows scrolled into view must clear them. */
  headHeight = 0;
  footHeight = 0;

  private count_ = 0;
  private printing_ = false;
  /** Height of a row in CSS pixels; 0 until measured. */
  private pitch_ = 0;
  private pinned_: number | null = null;
  private scroller_: HTMLElement | null = null;
  private resize_: ResizeObserver | null = null;
  private printQuery_: MediaQueryList | null = null;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly options: RowWindowOptions,
  ) {
    host.addController(this);
  }

  get mode(): WindowMode {
    if (this.printing_) return 'print';
    return this.count_ > Math.max(0, this.options.threshold()) ? 'window' : 'all';
  }

  /** Height of a row in CSS pixels (an estimate until measured): the spacers are drawn with it. */
  get pitch(): number {
    return this.pitch_ || ROW_ESTIMATE_PX;
  }

  /**
   * Sets the number of rows of the list. `reset` (a new list, another filter) starts again from the top;
   * otherwise (another order) the window stays where it is.
   */
  setCount(count: number, reset: boolean): void {
    this.count_ = count;
    if (this.mode !== 'window') {
      this.start = 0;
      this.end = count;
      return;
    }
    let size = this.end - this.start;
    if (reset) {
      this.pinned_ = null;
      const scroller = this.scroller_;
      if (scroller && this.visibleStart > 0) scroller.scrollTop = 0;
      this.start = 0;
      // Another filter of the same board: as many rows as were in view. A new board draws no row at first:
      // laid out without them, it tells where its table starts and so which rows are in view; they are drawn
      // next, before the first frame.
      size = this.pitch_ ? this.visibleEnd - this.visibleStart + OVERSCAN : 0;
      this.visibleEnd -= this.visibleStart;
      this.visibleStart = 0;
    }
    this.start = Math.max(0, Math.min(this.start, count - size));
    this.end = Math.min(count, this.start + size);
  }

  /** Makes sure the row at `position` is drawn (it is then scrolled into view by the host). */
  reveal(position: number): void {
    if (this.mode !== 'window') return;
    this.pinned_ = position;
    const scroller = this.scroller_;
    const body = this.options.body();
    const pitch = this.pitch_;
    if (scroller && body && pitch && scroller.scrollHeight > scroller.clientHeight) {
      // Scroll the wrapper about there now; the host's scrollIntoView() then settles it exactly.
      const rows = body.querySelector<HTMLElement>(':scope > tr[data-index]');
      const origin =
        (rows ? rows.getBoundingClientRect().top - this.start * pitch : body.getBoundingClientRect().top) -
        scroller.getBoundingClientRect().top +
        scroller.scrollTop;
      const head = body.parentElement?.querySelector('thead')?.getBoundingClientRect().height ?? 0;
      const target = origin + position * pitch;
      if (position < this.visibleStart) scroller.scrollTop = target - head;
      else if (position >= this.visibleEnd)
        scroller.scrollTop = target + pitch - scroller.clientHeight + this.footHeight_();
    }
    if (position < this.start || position >= this.end) {
      const size = Math.max(this.end - this.start, initialRows());
      this.start = Math.max(0, Math.min(position - (size >> 1), this.count_ - size));
      this.end = Math.min(this.count_, this.start + size);
    }
    this.host.requestUpdate();
  }

  hostConnected(): void {
    addEventListener('beforeprint', this.onBeforePrint_);
    addEventListener('afterprint', this.onAfterPrint_);
    addEventListener('resize', this.onScroll_, { passive: true });
    // Scrolling of the page or of any scrolling ancestor in the light DOM moves the rows in view.
    document.addEventListener('scroll', this.onScroll_, { capture: true, passive: true });
    this.printQuery_ = typeof matchMedia === 'function' ? matchMedia('print') : null;
    this.printQuery_?.addEventListener('change', this.onPrintMedia_);
    if (typeof ResizeObserver === 'function') this.resize_ = new ResizeObserver(this.onScroll_);
    if (this.printQuery_?.matches) this.printing_ = true;
  }

  hostDisconnected(): void {
    removeEventListener('beforeprint', this.onBeforePrint_);
    removeEventListener('afterprint', this.onAfterPrint_);
    removeEventListener('resize', this.onScroll_);
    document.removeEventListener('scroll', this.onScroll_, { capture: true });
    this.printQuery_?.removeEventListener('change', this.onPrintMedia_);
    this.resize_?.disconnect();
    this.resize_ = null;
    this.scroller_?.removeEventListener('scroll', this.onScroll_);
    this.scroller_ = null;
  }

  hostUpdated(): void {
    const scroller = this.options.scroller();
    if (scroller !== this.scroller_) {
      this.scroller_?.removeEventListener('scroll', this.onScroll_);
      this.resize_?.disconnect();
      this.scroller_ = scroller;
      scroller?.addEventListener('scroll', this.onScroll_, { passive: true });
      if (scroller) this.resize_?.observe(scroller);
    }
    this.measure_();
  }

  private readonly onScroll_ = (): void => {
    // A scroll (the user's, or the host's scrollIntoView after `reveal`) ends the pin: what is in view rules.
    this.pinned_ = null;
    this.measure_();
  };

  private readonly onBeforePrint_ = (): void => this.setPrinting_(true);
  private readonly onAfterPrint_ = (): void => this.setPrinting_(false);
  private readonly onPrintMedia_ = (event: MediaQueryListEvent): void => this.setPrinting_(event.matches);

  private setPrinting_(printing: boolean): void {
    if (printing === this.printing_) return;
    this.printing_ = printing;
    if (printing) {
      this.start = 0;
      this.end = this.count_;
      this.host.requestUpdate();
      // The printout is laid out right after `beforeprint`: every row must be in the DOM by then.
      this.options.flush();
    } else {
      this.setCount(this.count_, false);
      this.host.requestUpdate();
    }
  }

  private footHeight_(): number {
    return this.options.body()?.parentElement?.querySelector('tfoot')?.getBoundingClientRect().height ?? 0;
  }

  /** Reads the row height and what is in view; moves the window when the rows in view are not all drawn. */
  private measure_(): void {
    const scroller = this.scroller_;
    const body = this.options.body();
    if (this.mode !== 'window' || !scroller || !body) return;
    const rows = body.querySelectorAll<HTMLElement>(':scope > tr[data-index]');
    const first = rows[0];
    const last = rows[rows.length - 1];
    let firstTop: number;
    let pitch = this.pitch;
    let repaint = false;
    if (first && last) {
      firstTop = first.getBoundingClientRect().top;
      const span = last.getBoundingClientRect().bottom - firstTop;
      if (span <= 0) return; // not laid out (hidden, detached): keep the window
      pitch = span / rows.length;
      // The spacers were drawn with the previous (or an assumed) height: draw them again when it was off.
      repaint = Math.abs(pitch - this.pitch) > 0.5;
      this.pitch_ = pitch;
    } else {
      // No row drawn yet: the body starts where row `start` would.
      const box = body.getBoundingClientRect();
      if (box.height <= 0 && this.count_ > 0) return;
      firstTop = box.top;
    }
    // Reads only: a write here (a style, a custom property) would make the next read lay the table out again.
    const head = body.parentElement?.querySelector('thead')?.getBoundingClientRect().height ?? 0;
    const foot = this.footHeight_();
    this.headHeight = head;
    this.footHeight = foot;
    const box = scroller.getBoundingClientRect();
    let top = box.top + head;
    let bottom = box.bottom - foot;
    const viewport = innerHeight || bottom - top;
    if (box.bottom > 0 && box.top < viewport) {
      top = Math.max(top, 0);
      bottom = Math.min(bottom, viewport);
    } else {
      // Off screen: prepare the rows that will show first when it scrolls into view.
      bottom = top + Math.min(bottom - top, viewport);
    }
    const origin = firstTop - this.start * pitch;
    const count = this.count_;
    const from = Math.max(0, Math.min(count, Math.floor((top - origin) / pitch)));
    const to = Math.max(from, Math.min(count, Math.ceil((bottom - origin) / pitch)));
    this.visibleStart = from;
    this.visibleEnd = to;
    // The rows that must be drawn: those in view, and the one the keyboard is moving to.
    let needFrom = from;
    let needTo = to;
    const pinned = this.pinned_;
    if (pinned !== null && pinned < count) {
      needFrom = Math.min(needFrom, pinned);
      needTo = Math.max(needTo, pinned + 1);
    }
    // A jump past every drawn row (a fling, Page Down far away) draws the rows in view only: the next one
    // will not reuse a margin either, and the frame stays short. Slower scrolling keeps a margin each side.
    const jump = needFrom >= this.end || needTo <= this.start;
    const margin = jump ? 0 : OVERSCAN;
    const start = Math.max(0, needFrom - margin);
    const end = Math.min(count, needTo + margin);
    // Redraw only when a needed row is missing, or when the window has grown far too big.
    const inside = needFrom >= this.start && needTo <= this.end;
    const oversized = this.end - this.start > end - start + 4 * OVERSCAN;
    if (inside && !oversized) {
      if (repaint) this.host.requestUpdate();
      return;
    }
    this.start = start;
    this.end = end;
    this.host.requestUpdate();
  }
}
