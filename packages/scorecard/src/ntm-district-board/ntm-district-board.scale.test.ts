// <ntm-district-board> at province and country scale (issue 15): rows drawn in a window, every row reachable
// by scrolling and by keyboard, announced with its position, found by search and filter, all printed.
import type { Evaluation } from '@nongthonmoi/core';
import axe from 'axe-core';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cdp, page, userEvent } from 'vitest/browser';
import { manyEvaluations, mount, nextFrame, shadow, text, until } from '../../test/helpers.js';
import '../index.js';
import type { NtmDistrictBoard, NtmFilterChangeDetail, NtmSortChangeDetail } from './ntm-district-board.js';

const COUNTRY = 3300;
let evaluations: Evaluation[] = [];

function rows(board: NtmDistrictBoard): HTMLTableRowElement[] {
  return [...shadow(board).querySelectorAll<HTMLTableRowElement>('tbody tr[data-index]')];
}

function wrap(board: NtmDistrictBoard): HTMLElement {
  return shadow(board).querySelector('.table-wrap') as HTMLElement;
}

const rowIndexes = (board: NtmDistrictBoard) =>
  rows(board).map((row) => Number(row.getAttribute('aria-rowindex')));
const names = (board: NtmDistrictBoard) => rows(board).map((row) => text(row.querySelector('th')));

/**
 * Scrolls the table (brought into the page's view first: rows below the page's viewport are not in view,
 * and are not drawn without a margin) and waits until the board has drawn what came into view.
 */
async function scrollTable(board: NtmDistrictBoard, top: number): Promise<void> {
  wrap(board).scrollIntoView({ block: 'start' });
  wrap(board).scrollTop = top;
  await nextFrame();
  await board.updateComplete;
}

/**
 * The row is drawn and inside the visible part of the table (below the sticky header, above the footer) and of
 * the page.
 */
function inView(board: NtmDistrictBoard, row: Element | null | undefined): boolean {
  if (!row) return false;
  const rect = row.getBoundingClientRect();
  if (rect.top < 0 || rect.bottom > innerHeight) return false;
  const box = wrap(board).getBoundingClientRect();
  const head = shadow(board).querySelector('thead')?.getBoundingClientRect().height ?? 0;
  const foot = shadow(board).querySelector('tfoot')?.getBoundingClientRect().height ?? 0;
  return rect.top >= box.top + head - 1 && rect.bottom <= box.bottom - foot + 1;
}

function focusedName(board: NtmDistrictBoard): string {
  return text(shadow(board).activeElement);
}

async function axeViolations(element: Element): Promise<string[]> {
  const results = await axe.run(element, { resultTypes: ['violations'] });
  return results.violations.map(
    (violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`,
  );
}

beforeEach(async () => {
  await page.viewport(1280, 800);
  if (evaluations.length === 0) evaluations = manyEvaluations(COUNTRY);
});

afterEach(async () => {
  await cdp().send('Emulation.setEmulatedMedia', { media: '' });
});

describe('<ntm-district-board> with 3,300 communes', () => {
  it('draws the rows in view only, announced with aria-rowcount and aria-rowindex', async () => {
    const board = await mount('ntm-district-board', { evaluations, sort: 'input' });
    await nextFrame();
    const table = shadow(board).querySelector('table') as HTMLTableElement;
    expect(table.getAttribute('aria-rowcount')).toBe(String(COUNTRY + 2));
    expect(shadow(board).querySelector('thead tr')?.getAttribute('aria-rowindex')).toBe('1');
    expect(shadow(board).querySelector('tfoot tr')?.getAttribute('aria-rowindex')).toBe(String(COUNTRY + 2));
    const drawn = rows(board);
    expect(drawn.length).toBeGreaterThan(5);
    expect(drawn.length).toBeLessThan(60);
    expect(rowIndexes(board)).toEqual(drawn.map((_, i) => i + 2));
    expect(names(board).slice(0, 2)).toEqual(['Xã Nam Mỹ 1', 'Xã Đồng Tâm 1']);
    // The spacer below stands for the rows not drawn: the table scrolls as if they were there.
    const spacer = shadow(board).querySelector('tbody tr.spacer:last-child') as HTMLElement;
    expect(spacer.getAttribute('aria-hidden')).toBe('true');
    const pitch =
      (drawn.at(-1) as HTMLElement).getBoundingClientRect().bottom -
      (drawn[0] as HTMLElement).getBoundingClientRect().top;
    expect(spacer.getBoundingClientRect().height).toBeCloseTo(
      (pitch / drawn.length) * (COUNTRY - drawn.length),
      -1,
    );
    expect(text(shadow(board).querySelector('[part~="result-count"]'))).toBe('3.300 xã');
    // Counts too long for a criterion's column: the share is shown, the count is read and in the tooltip.
    const count = shadow(board).querySelector('tfoot td.count') as HTMLElement;
    expect(count.getAttribute('title')).toMatch(/^\d{1,3}(\.\d{3})?\/3\.300$/);
    expect(text(count)).toMatch(/^\d{1,3}%\d{1,3}(\.\d{3})?\/3\.300 xã đạt$/);
    expect(count.scrollWidth).toBeLessThanOrEqual(count.clientWidth);
    expect(text(shadow(board).querySelector('[part~="totals"]'))).toMatch(/^\d+\/3\.300 xã đạt chuẩn/);
  });

  it('reaches the last row by scrolling, and the middle, drawing the rows in view each time', async () => {
    const board = await mount('ntm-district-board', { evaluations, sort: 'input' });
    await nextFrame();
    await scrollTable(board, wrap(board).scrollHeight);
    const last = rows(board).at(-1);
    expect(last?.getAttribute('aria-rowindex')).toBe(String(COUNTRY + 1));
    expect(text(last?.querySelector('th'))).toBe(evaluations[COUNTRY - 1]?.commune.name);
    expect(inView(board, last)).toBe(true);
    expect(rows(board).length).toBeLessThan(60);
    await scrollTable(board, wrap(board).scrollHeight / 2);
    const visible = rows(board).filter((row) => inView(board, row));
    expect(visible.length).toBeGreaterThan(3);
    const positions = visible.map((row) => Number(row.getAttribute('aria-rowindex')) - 2);
    expect(positions[0]).toBeGreaterThan(COUNTRY * 0.4);
    expect(positions.at(-1)).toBeLessThan(COUNTRY * 0.6);
    // Consecutive, and each row shows the commune at its position.
    expect(positions).toEqual(positions.map((_, i) => (positions[0] as number) + i));
    for (const row of visible) {
      const position = Number(row.getAttribute('aria-rowindex')) - 2;
      expect(text(row.querySelector('th'))).toBe(evaluations[position]?.commune.name);
    }
  });

  it('moves through every row by keyboard: arrows, Page Up/Down, Home, End; focus follows', async () => {
    const board = await mount('ntm-district-board', { evaluations, sort: 'input' });
    await nextFrame();
    // One tab stop for the rows: the table's region, then the first commune.
    const buttons = [...shadow(board).querySelectorAll<HTMLButtonElement>('button.commune')];
    expect(buttons.filter((button) => button.tabIndex === 0)).toHaveLength(1);
    buttons[0]?.focus();
    await userEvent.keyboard('{ArrowDown}');
    await board.updateComplete;
    expect(focusedName(board)).toBe('Xã Đồng Tâm 1');
    await userEvent.keyboard('{End}');
    await board.updateComplete;
    await nextFrame();
    const last = evaluations[COUNTRY - 1]?.commune.name as string;
    expect(focusedName(board)).toBe(last);
    const lastRow = shadow(board).activeElement?.closest('tr');
    expect(lastRow?.getAttribute('aria-rowindex')).toBe(String(COUNTRY + 1));
    expect(inView(board, lastRow)).toBe(true);
    await userEvent.keyboard('{PageUp}');
    await board.updateComplete;
    await nextFrame();
    const up = shadow(board).activeElement?.closest('tr');
    const page = COUNTRY + 1 - Number(up?.getAttribute('aria-rowindex'));
    expect(page).toBeGreaterThan(2);
    expect(inView(board, up)).toBe(true);
    await userEvent.keyboard('{PageDown}');
    await board.updateComplete;
    expect(focusedName(board)).toBe(last);
    await userEvent.keyboard('{ArrowDown}'); // stays on the last row
    await board.updateComplete;
    expect(focusedName(board)).toBe(last);
    await userEvent.keyboard('{ArrowUp}');
    await board.updateComplete;
    expect(focusedName(board)).toBe(evaluations[COUNTRY - 2]?.commune.name);
    await userEvent.keyboard('{Home}');
    await board.updateComplete;
    await nextFrame();
    expect(focusedName(board)).toBe('Xã Nam Mỹ 1');
    expect(inView(board, shadow(board).activeElement?.closest('tr'))).toBe(true);
    // The tab stop stays on the row the keyboard left; Enter opens it.
    expect(shadow(board).querySelectorAll('button.commune[tabindex="0"]')).toHaveLength(1);
    await userEvent.keyboard('{Enter}');
    await board.updateComplete;
    expect(shadow(board).querySelector('ntm-scorecard')?.result).toBe(evaluations[0]);
  });

  it('keeps the keyboard in the board when the focused row scrolls out of the window', async () => {
    const board = await mount('ntm-district-board', { evaluations, sort: 'input' });
    await nextFrame();
    rows(board)[0]?.querySelector('button')?.focus();
    await scrollTable(board, wrap(board).scrollHeight / 2);
    expect(shadow(board).activeElement).toBe(wrap(board));
  });

  it('sorts 3,300 rows by name and by criteria met, and reports it', async () => {
    const board = await mount('ntm-district-board', { evaluations });
    const sorts: NtmSortChangeDetail[] = [];
    board.addEventListener('ntm-sort-change', (event) => sorts.push(event.detail));
    const collator = new Intl.Collator('vi-VN', { sensitivity: 'base', numeric: true });
    const byName = evaluations.map((e) => e.commune.name).sort(collator.compare);
    (shadow(board).querySelector('thead th button') as HTMLButtonElement).click();
    await board.updateComplete;
    expect(board.getAttribute('sort')).toBe('name');
    expect(names(board).slice(0, 5)).toEqual(byName.slice(0, 5));
    await scrollTable(board, wrap(board).scrollHeight);
    expect(names(board).at(-1)).toBe(byName.at(-1));
    board.sortDirection = 'desc';
    await board.updateComplete;
    await scrollTable(board, 0);
    expect(names(board)[0]).toBe(byName.at(-1));
    expect(sorts).toEqual([{ sort: 'name', direction: 'asc' }]);
    board.sort = 'criteria';
    await board.updateComplete;
    const met = rows(board).map((row) => Number(text(row.querySelector('td.num')).split('/')[0]));
    expect(met).toEqual([...met].sort((a, b) => b - a));
  });

  it('finds communes by name without diacritics or case, filters by result, and says how many', async () => {
    const board = await mount('ntm-district-board', { evaluations, sort: 'input' });
    const changes: NtmFilterChangeDetail[] = [];
    board.addEventListener('ntm-filter-change', (event) => changes.push(event.detail));
    const input = shadow(board).querySelector('input[type="search"]') as HTMLInputElement;
    expect(input.labels?.[0] && text(input.labels[0])).toContain('Tìm xã');
    await userEvent.type(input, 'nam my');
    await board.updateComplete;
    const found = evaluations.filter((e) => e.commune.name.startsWith('Xã Nam Mỹ'));
    expect(found.length).toBe(413);
    expect(board.getAttribute('query')).toBe('nam my');
    const count = shadow(board).querySelector('[part~="result-count"]') as HTMLElement;
    expect(count.getAttribute('role')).toBe('status');
    expect(text(count)).toBe(`Hiển thị ${found.length}/3.300 xã`);
    expect(text(shadow(board).querySelector('tfoot th'))).toBe('Số xã đạt (trong cả 3.300 xã)');
    expect(shadow(board).querySelector('table')?.getAttribute('aria-rowcount')).toBe(
      String(found.length + 2),
    );
    expect(names(board).every((name) => name.startsWith('Xã Nam Mỹ'))).toBe(true);
    await until(() => changes.at(-1)?.query === 'nam my', 2000, 'the filter event');
    expect(changes.at(-1)).toEqual({ query: 'nam my', statuses: [], shown: found.length, total: COUNTRY });
    // Upper case, and a commune number.
    board.query = 'NAM MY 12';
    await board.updateComplete;
    const twelve = found.map((e) => e.commune.name).filter((name) => name.split(' ').at(-1)?.includes('12'));
    expect(twelve).toContain('Xã Nam Mỹ 129');
    expect(names(board)).toEqual(twelve);
    board.query = 'dong tam';
    await board.updateComplete;
    expect(names(board)[0]).toBe('Xã Đồng Tâm 1');
    // By result, with the buttons (aria-pressed), together with the search.
    const notMet = [...shadow(board).querySelectorAll<HTMLButtonElement>('[part~="status-filter"]')].find(
      (b) => text(b).startsWith('Chưa đạt'),
    ) as HTMLButtonElement;
    const expectedNotMet = evaluations.filter((e) => e.status === 'not-met').length;
    expect(text(notMet)).toBe(`Chưa đạt ${new Intl.NumberFormat('vi-VN').format(expectedNotMet)}`);
    notMet.click();
    await board.updateComplete;
    expect(notMet.getAttribute('aria-pressed')).toBe('true');
    expect(board.getAttribute('status-filter')).toBe('not-met');
    const shownStatuses = rows(board).map((row) => row.querySelector('td.status')?.className);
    expect(shownStatuses.every((cls) => cls?.includes('s-not-met'))).toBe(true);
    const both = evaluations.filter(
      (e) => e.status === 'not-met' && e.commune.name.startsWith('Xã Đồng Tâm'),
    );
    expect(text(count)).toBe(`Hiển thị ${both.length}/3.300 xã`);
    await until(() => changes.at(-1)?.statuses.length === 1, 2000, 'the filter event');
    expect(changes.at(-1)).toMatchObject({ statuses: ['not-met'], shown: both.length });
    // A portal drives it with attributes too; nothing matches: a message in the table.
    board.setAttribute('query', 'không có xã này');
    await board.updateComplete;
    expect(rows(board)).toHaveLength(0);
    expect(text(shadow(board).querySelector('.no-match'))).toBe(
      'Không có xã nào khớp với tìm kiếm và bộ lọc.',
    );
    expect(text(count)).toBe('Hiển thị 0/3.300 xã');
    board.query = '';
    board.statusFilter = '';
    await board.updateComplete;
    expect(text(count)).toBe('3.300 xã');
  });

  it('prints every row (print media and beforeprint), then draws a window again', async () => {
    const printed = evaluations.slice(0, 500); // fewer than the country: drawing them all is the slow part
    const board = await mount('ntm-district-board', { evaluations: printed, sort: 'input' });
    await nextFrame();
    expect(rows(board).length).toBeLessThan(60);
    await cdp().send('Emulation.setEmulatedMedia', { media: 'print' });
    await until(() => rows(board).length === printed.length, 20_000, 'every row');
    expect(rowIndexes(board)).toEqual(printed.map((_, i) => i + 2));
    expect(shadow(board).querySelector('tr.spacer')).toBeNull();
    expect(getComputedStyle(wrap(board)).overflow).toBe('visible');
    await cdp().send('Emulation.setEmulatedMedia', { media: '' });
    await until(() => rows(board).length < 60, 20_000, 'the window again');
    // The browser's own print dialog: `beforeprint` draws every row before the printout is laid out.
    window.dispatchEvent(new Event('beforeprint'));
    expect(rows(board).length).toBe(printed.length);
    window.dispatchEvent(new Event('afterprint'));
    await until(() => rows(board).length < 60, 20_000, 'the window again');
  }, 60_000);

  it('has no axe violations, windowed, filtered and scrolled', async () => {
    const board = await mount('ntm-district-board', { evaluations });
    await nextFrame();
    expect(await axeViolations(board)).toEqual([]);
    await scrollTable(board, wrap(board).scrollHeight / 3);
    board.statusFilter = 'not-met incomplete';
    board.query = 'hai duong';
    await board.updateComplete;
    expect(await axeViolations(board)).toEqual([]);
    board.query = 'không có';
    await board.updateComplete;
    expect(await axeViolations(board)).toEqual([]);
  });

  it('draws every row of lists up to virtualize-above', async () => {
    const board = await mount('ntm-district-board', { evaluations: evaluations.slice(0, 40) });
    expect(rows(board)).toHaveLength(40);
    expect(shadow(board).querySelector('tr.spacer')).toBeNull();
    board.virtualizeAbove = 0;
    await board.updateComplete;
    await nextFrame();
    await board.updateComplete;
    expect(rows(board).length).toBeLessThan(30);
    expect(shadow(board).querySelector('tr.spacer')).not.toBeNull();
    board.virtualizeAbove = 5000;
    board.evaluations = evaluations.slice(0, 400);
    await board.updateComplete;
    expect(rows(board)).toHaveLength(400);
  });
});
