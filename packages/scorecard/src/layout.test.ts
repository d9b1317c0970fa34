// Issue 12: the elements never make the page scroll sideways. Screen-reader-only text used to be absolutely
// positioned with no positioned ancestor and escaped the table's scroller: the report at 390 px became 1,137 px
// wide, a 320 px portal sidebar 1,795 px, the docs demo overflowed at 1366 px. Every visually hidden element is
// now pinned inside its element; these pages must have no horizontal overflow.
import type { Evaluation } from '@nongthonmoi/core';
import { beforeEach, describe, expect, it } from 'vitest';
import { cdp, page } from 'vitest/browser';
import {
  evaluateDistrict,
  evaluateSample,
  manyEvaluations,
  mount,
  nextFrame,
  shadow,
} from '../test/helpers.js';
import './index.js';

let district: Evaluation[] = [];
let province: Evaluation[] = [];

beforeEach(() => {
  if (district.length === 0) {
    district = evaluateDistrict(8);
    province = manyEvaluations(300);
  }
  document.body.style.margin = '0';
});

function pageOverflow(): { scrollWidth: number; clientWidth: number } {
  const root = document.documentElement;
  return { scrollWidth: root.scrollWidth, clientWidth: root.clientWidth };
}

/**
 * No horizontal overflow of the page, with the board's own visually hidden text, and with one more placed where
 * the faulty pattern escaped: in a plain cell at the far end of a row (the pattern, not just today's markup).
 */
async function expectNoOverflow(board: HTMLElement & { updateComplete: Promise<unknown> }): Promise<void> {
  await board.updateComplete;
  await nextFrame();
  expect(shadow(board).querySelectorAll('.sr-only').length).toBeGreaterThan(0);
  expect(pageOverflow().scrollWidth).toBeLessThanOrEqual(pageOverflow().clientWidth);
  const probe = document.createElement('span');
  probe.className = 'sr-only';
  probe.textContent = 'Chưa đủ dữ liệu';
  shadow(board).querySelector('tbody tr[data-index] td.cell:last-child')?.append(probe);
  await nextFrame();
  try {
    expect(pageOverflow().scrollWidth).toBeLessThanOrEqual(pageOverflow().clientWidth);
  } finally {
    probe.remove();
  }
}

function sidebarLayout(): HTMLElement {
  const layout = document.createElement('div');
  layout.style.cssText = 'display: flex; gap: 16px';
  const aside = document.createElement('aside');
  aside.style.cssText = 'width: 320px; flex: none; padding: 8px; box-sizing: border-box';
  const main = document.createElement('main');
  main.textContent = 'Portal content';
  layout.append(aside, main);
  document.body.append(layout);
  return aside;
}

describe('no horizontal page overflow', () => {
  for (const [label, list] of [
    ['8 communes', () => district],
    ['300 communes (windowed)', () => province],
  ] as const) {
    it(`a board in a 320 px portal sidebar, ${label}`, async () => {
      await page.viewport(1024, 768);
      const board = await mount(
        'ntm-district-board',
        { evaluations: list(), previous: list() },
        {},
        sidebarLayout(),
      );
      await expectNoOverflow(board);
      // Scrolled sideways and down inside its own scroller: still nothing leaks out.
      const wrap = shadow(board).querySelector('.table-wrap') as HTMLElement;
      wrap.scrollLeft = wrap.scrollWidth;
      wrap.scrollTop = wrap.scrollHeight / 2;
      await expectNoOverflow(board);
    });

    it(`a report page at 390 px, ${label}`, async () => {
      await page.viewport(390, 844);
      const board = await mount('ntm-district-board', { evaluations: list(), previous: list() });
      await expectNoOverflow(board);
    });

    it(`a page at 1366 px with the docs' layout (sidebar, 688 px column), ${label}, board and scorecard`, async () => {
      await page.viewport(1366, 768);
      const column = document.createElement('div');
      column.style.cssText = 'max-width: 688px; margin: 0 auto 0 400px';
      document.body.append(column);
      const card = await mount('ntm-scorecard', { result: evaluateSample(), expanded: true }, {}, column);
      const board = await mount('ntm-district-board', { evaluations: list() }, {}, column);
      await expectNoOverflow(board);
      await card.updateComplete;
      expect(pageOverflow().scrollWidth).toBeLessThanOrEqual(pageOverflow().clientWidth);
    });
  }

  it('a scorecard at 320 px, in its error state and in print', async () => {
    await page.viewport(320, 700);
    const card = await mount('ntm-scorecard', { result: evaluateSample(), expanded: true });
    await nextFrame();
    expect(pageOverflow().scrollWidth).toBeLessThanOrEqual(pageOverflow().clientWidth);
    card.result = { commune: { name: 'x'.repeat(400) }, status: 'nope' } as unknown as Evaluation;
    await card.updateComplete;
    await nextFrame();
    expect(pageOverflow().scrollWidth).toBeLessThanOrEqual(pageOverflow().clientWidth);
    await cdp().send('Emulation.setEmulatedMedia', { media: 'print' });
    try {
      card.result = evaluateSample();
      await card.updateComplete;
      await nextFrame();
      expect(pageOverflow().scrollWidth).toBeLessThanOrEqual(pageOverflow().clientWidth);
    } finally {
      await cdp().send('Emulation.setEmulatedMedia', { media: '' });
    }
  });
});
