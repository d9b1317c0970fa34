import { type Evaluation, summarize } from '@nongthonmoi/core';
import axe from 'axe-core';
import { describe, expect, it, onTestFinished } from 'vitest';
import { userEvent } from 'vitest/browser';
import { evaluateDistrict, evaluateSample, mount, shadow, text, toJson } from '../../test/helpers.js';
import '../index.js';
import type { NtmDistrictBoard } from './ntm-district-board.js';

function rows(board: NtmDistrictBoard): HTMLTableRowElement[] {
  return [...shadow(board).querySelectorAll<HTMLTableRowElement>('tbody tr[data-index]')];
}

function clickButton(container: Element | null | undefined): void {
  const button = container?.querySelector('button');
  if (!button) throw new Error('no button');
  button.click();
}

/** Criterion ids in column order. */
function criterionIds(evaluations: Evaluation[]): string[] {
  return summarize(evaluations).criteria.map((column) => column.id);
}

function names(board: NtmDistrictBoard): string[] {
  return rows(board).map((row) => text(row.querySelector('th')));
}

async function axeViolations(element: Element): Promise<string[]> {
  const results = await axe.run(element, { resultTypes: ['violations'] });
  return results.violations.map(
    (violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`,
  );
}

describe('<ntm-district-board>', () => {
  it('is a communes × criteria table with headers, scopes and a count per column', async () => {
    const evaluations = evaluateDistrict(8);
    const summary = summarize(evaluations);
    const board = await mount('ntm-district-board', { evaluations });
    const root = shadow(board);
    const table = root.querySelector('table') as HTMLTableElement;
    expect(text(table.caption)).toBe('Kết quả đánh giá xã nông thôn mới nâng cao, thời điểm 15/11/2023');
    const headers = [...table.querySelectorAll('thead th')];
    expect(headers.every((th) => th.getAttribute('scope') === 'col')).toBe(true);
    expect(table.querySelectorAll('thead th.crit').length).toBe(19);
    expect(rows(board).length).toBe(8);
    for (const row of rows(board)) {
      expect(row.querySelector('th')?.getAttribute('scope')).toBe('row');
      expect(row.querySelectorAll('td.cell').length).toBe(19);
    }
    const counts = [...table.querySelectorAll('tfoot td.count')].map((td) => text(td));
    expect(counts).toEqual(summary.criteria.map((column) => `${column.met}/${column.total} xã đạt`));
    expect(summary.totals.averageCriteriaMet).toBe(0.38);
    expect(text(root.querySelector('[part~="totals"]'))).toBe(
      '0/8 xã đạt chuẩn; bình quân 0,38 tiêu chí đạt/xã',
    );
  });

  it('shows each cell’s status as core gave it, with text for screen readers', async () => {
    const evaluations = evaluateDistrict(8);
    const summary = summarize(evaluations);
    const board = await mount('ntm-district-board', { evaluations, sort: 'input' });
    for (const [r, row] of rows(board).entries()) {
      const commune = summary.communes[r];
      for (const [c, cell] of [...row.querySelectorAll('td.cell')].entries()) {
        const status = commune?.criteria[summary.criteria[c]?.id as string];
        expect(cell.classList.contains(`s-${status}`)).toBe(true);
        // The glyph is an image to screen readers, named by the status word.
        const glyph = cell.querySelector('[role="img"]');
        expect(glyph?.getAttribute('aria-label')).toBe(
          { met: 'Đạt', 'not-met': 'Chưa đạt', incomplete: 'Chưa đủ dữ liệu' }[status as string],
        );
        expect(text(glyph)).toBe({ met: '✔', 'not-met': '✘', incomplete: '◐' }[status as string]);
      }
      expect(text(row.querySelector('td.num'))).toBe(`${commune?.criteriaMet}/19`);
    }
  });

  it('highlights the criteria that hold most communes back (summary.blockers)', async () => {
    const evaluations = evaluateDistrict(8);
    const { blockers } = summarize(evaluations);
    const board = await mount('ntm-district-board', { evaluations });
    const root = shadow(board);
    const highlighted = [...root.querySelectorAll('thead th.crit.blocker')].map((th) =>
      text(th.querySelector('.crit-id')),
    );
    // Highlighted: every criterion blocking at least as many communes as the third blocker, in column order.
    const cut = blockers[2]?.communes ?? 0;
    expect(highlighted).toEqual(
      criterionIds(evaluations).filter((id) => blockers.some((b) => b.id === id && b.communes >= cut)),
    );
    expect(text(root.querySelector('thead th.crit.blocker'))).toContain('cản trở nhiều xã nhất');
    const list = [...root.querySelectorAll('[part~="blockers"] li')].map((li) => text(li));
    // Income (10) fails in every commune: 45–64 million VND, against the ĐBSH level of 68 in 2023.
    expect(blockers[0]).toMatchObject({ id: '10', communes: 8, notMet: 8, incomplete: 0 });
    expect(list[0]).toBe('Tiêu chí 10. Thu nhập: 8 xã (8 chưa đạt, 0 chưa đủ dữ liệu)');
    const second = blockers[1];
    expect(list[1]).toBe(
      `Tiêu chí ${second?.id}. ${second?.name.vi}: ${second?.communes} xã (${second?.notMet} chưa đạt, ${second?.incomplete} chưa đủ dữ liệu)`,
    );
  });

  it('sorts by criteria met and by name, with aria-sort', async () => {
    const evaluations = evaluateDistrict(12);
    const board = await mount('ntm-district-board', { evaluations });
    const met = () => rows(board).map((row) => Number(text(row.querySelector('td.num')).split('/')[0]));
    const counts = met();
    expect(counts).toEqual([...counts].sort((a, b) => b - a));
    const [nameHeader, , criteriaHeader] = [...shadow(board).querySelectorAll('thead th')];
    expect(criteriaHeader?.getAttribute('aria-sort')).toBe('descending');
    clickButton(nameHeader);
    await board.updateComplete;
    expect(nameHeader?.getAttribute('aria-sort')).toBe('ascending');
    expect(criteriaHeader?.getAttribute('aria-sort')).toBe('none');
    const expected = evaluations
      .map((e) => e.commune.name)
      .sort(new Intl.Collator('vi', { numeric: true }).compare);
    expect(names(board)).toEqual(expected);
    clickButton(nameHeader);
    await board.updateComplete;
    expect(names(board)).toEqual([...expected].reverse());
    clickButton(criteriaHeader);
    await board.updateComplete;
    expect(met()).toEqual(counts);
    expect(board.getAttribute('sort')).toBe('criteria');
  });

  it('fires ntm-commune-select on click and keyboard, opens the scorecard and comes back', async () => {
    const evaluations = evaluateDistrict(8);
    const board = await mount('ntm-district-board', { evaluations, sort: 'input' });
    const selected: Array<{ id: string; evaluation: Evaluation }> = [];
    board.addEventListener('ntm-commune-select', (event) => selected.push(event.detail));
    rows(board)[2]?.querySelector<HTMLElement>('td.num')?.click();
    await board.updateComplete;
    expect(selected.map((s) => s.id)).toEqual([evaluations[2]?.commune.id]);
    expect(selected[0]?.evaluation).toBe(evaluations[2]);
    const root = shadow(board);
    const card = root.querySelector('ntm-scorecard');
    expect(card?.result).toBe(evaluations[2]);
    expect((root.querySelector('.overview') as HTMLElement).hidden).toBe(true);
    const back = root.querySelector('[part~="back-button"]') as HTMLButtonElement;
    expect(root.activeElement).toBe(back);
    await card?.updateComplete;
    expect(text(card?.shadowRoot?.querySelector('[part~="title"]'))).toBe('Xã Thử 3');
    await userEvent.keyboard('{Enter}');
    await board.updateComplete;
    expect(root.querySelector('ntm-scorecard')).toBeNull();
    expect(root.activeElement).toBe(rows(board)[2]?.querySelector('button'));
    // Keyboard: Enter on the focused commune button, Escape back.
    const button = rows(board)[5]?.querySelector('button') as HTMLButtonElement;
    button.focus();
    await userEvent.keyboard('{Enter}');
    await board.updateComplete;
    expect(selected.map((s) => s.id)).toEqual([evaluations[2]?.commune.id, evaluations[5]?.commune.id]);
    expect(root.querySelector('ntm-scorecard')?.result).toBe(evaluations[5]);
    await userEvent.keyboard('{Escape}');
    await board.updateComplete;
    expect(root.querySelector('ntm-scorecard')).toBeNull();
  });

  it('keeps its detail view closed when the event is cancelled, or with no-detail', async () => {
    const board = await mount('ntm-district-board', { evaluations: evaluateDistrict(3) });
    board.addEventListener('ntm-commune-select', (event) => event.preventDefault(), { once: true });
    clickButton(rows(board)[0]);
    await board.updateComplete;
    expect(shadow(board).querySelector('ntm-scorecard')).toBeNull();
    board.noDetail = true;
    clickButton(rows(board)[0]);
    await board.updateComplete;
    expect(shadow(board).querySelector('ntm-scorecard')).toBeNull();
    board.noDetail = false;
    expect(board.showCommune(board.evaluations[1]?.commune.id as string)).toBe(true);
    await board.updateComplete;
    expect(shadow(board).querySelector('ntm-scorecard')?.result).toBe(board.evaluations[1]);
    board.showBoard();
    await board.updateComplete;
    expect(shadow(board).querySelector('ntm-scorecard')).toBeNull();
    expect(board.showCommune('nope')).toBe(false);
  });

  it('shows progress against a previous review (core’s compare), also in the detail view', async () => {
    const previous = evaluateDistrict(4, { asOf: '2023-05-15' }).map(toJson);
    previous[1] = toJson(evaluateSample({}, { asOf: '2023-05-15' }, { id: 'x0002', name: 'Xã Thử 2' }));
    const evaluations = evaluateDistrict(5);
    const board = await mount('ntm-district-board', { evaluations, previous, sort: 'input' });
    const root = shadow(board);
    expect(text(root.querySelector('[part~="progress"]'))).toMatch(
      /^So với kỳ trước: \d+ xã tiến bộ, \d+ xã giảm/,
    );
    const changes = rows(board).map((row) => text(row.querySelector('td.change')));
    expect(changes[4]).toBe('mới');
    expect(changes[0]).toBe('= Không đổi (±0 tiêu chí)');
    expect(changes[1]).toMatch(/^[▲▼=◆]/);
    clickButton(rows(board)[1]);
    await board.updateComplete;
    const card = root.querySelector('ntm-scorecard');
    await card?.updateComplete;
    expect(text(card?.shadowRoot?.querySelector('[part~="progress"]'))).toContain(
      'So với kỳ trước (15/05/2023)',
    );
  });

  it('switches to English and back', async () => {
    const board = await mount('ntm-district-board', { evaluations: evaluateDistrict(8) }, { lang: 'en' });
    const root = shadow(board);
    expect(text(root.querySelector('caption'))).toBe(
      'Results for advanced new-rural commune, as of 15 November 2023',
    );
    expect(text(root.querySelector('tfoot td.count'))).toMatch(/^\d\/8 communes met$/);
    expect(text(root.querySelector('[part~="totals"]'))).toBe(
      '0/8 communes meet the standard; 0.38 criteria met on average',
    );
    board.setAttribute('lang', 'vi');
    await board.updateComplete;
    expect(text(root.querySelector('tfoot th'))).toBe('Số xã đạt');
  });

  it('shows empty and malformed lists inside the element', async () => {
    const board = await mount('ntm-district-board');
    expect(text(shadow(board).querySelector('[part~="message"]'))).toBe('Chưa có kết quả của xã nào.');
    board.evaluations = [
      evaluateSample(),
      { commune: { id: 'a', name: 'B' }, status: 'ok' } as unknown as Evaluation,
    ];
    await board.updateComplete;
    const alert = text(shadow(board).querySelector('[role="alert"]'));
    expect(alert).toContain('Danh sách kết quả không đúng định dạng');
    expect(alert).toContain('evaluations[1].status: phải là một trong các giá trị met, not-met, incomplete');
    board.evaluations = 'nope' as unknown as Evaluation[];
    await board.updateComplete;
    expect(text(shadow(board).querySelector('[role="alert"]'))).toContain(
      'evaluations: phải là một danh sách',
    );
    board.setAttribute('lang', 'en');
    await board.updateComplete;
    const english = text(shadow(board).querySelector('[role="alert"]'));
    expect(english).toContain('The result cannot be shown');
    expect(english).toContain('The list of results is malformed');
    expect(english).toContain('evaluations: expected an array');
    board.evaluations = [];
    await board.updateComplete;
    expect(text(shadow(board).querySelector('[part~="message"]'))).toBe('No commune results yet.');
  });

  it('renders hostile commune names as text', async () => {
    const evaluations = evaluateDistrict(2).map(toJson);
    (evaluations[0] as Evaluation).commune.name = '<img src=x onerror="window.__pwned=1">';
    const board = await mount('ntm-district-board', { evaluations, sort: 'input' });
    expect(shadow(board).querySelector('img')).toBeNull();
    expect(names(board)[0]).toBe('<img src=x onerror="window.__pwned=1">');
  });

  it('shows its error state, and fires ntm-error, for lists whose values throw when read', async () => {
    const codes: string[] = [];
    const controller = new AbortController();
    document.addEventListener('ntm-error', (event) => codes.push(event.detail.code), controller);
    onTestFinished(() => controller.abort());
    const board = await mount('ntm-district-board');
    const alertText = () => text(shadow(board).querySelector('[role="alert"]'));
    // A Proxy that throws on every read, as the list and as an item.
    const trap = {
      get() {
        throw new Error('trap');
      },
    };
    board.evaluations = new Proxy([], trap) as unknown as Evaluation[];
    await board.updateComplete;
    expect(alertText()).toContain('Không đọc được kết quả đánh giá');
    expect(alertText()).toContain('evaluations: không đọc được');
    board.evaluations = [toJson(evaluateSample()), new Proxy({}, trap) as Evaluation];
    await board.updateComplete;
    expect(alertText()).toContain('evaluations: không đọc được');
    // A getter that throws on its second read: the checks pass, core's summarize reads it again.
    const item = toJson(evaluateSample());
    const criteria = item.criteria;
    let reads = 0;
    Object.defineProperty(item, 'criteria', {
      get() {
        if (++reads > 1) throw new Error('second read');
        return criteria;
      },
    });
    board.evaluations = [item];
    await board.updateComplete;
    expect(alertText()).toContain('Không đọc được kết quả đánh giá');
    // A revoked Proxy, then a good list again.
    const { proxy, revoke } = Proxy.revocable(toJson(evaluateSample()), {});
    revoke();
    board.evaluations = [proxy];
    await board.updateComplete;
    expect(alertText()).toContain('evaluations: không đọc được');
    board.evaluations = evaluateDistrict(3);
    await board.updateComplete;
    expect(shadow(board).querySelector('[role="alert"]')).toBeNull();
    expect(rows(board)).toHaveLength(3);
    expect(codes).toEqual([
      'unreadable-result',
      'unreadable-result',
      'unreadable-result',
      'unreadable-result',
    ]);
  });

  it('refuses lists beyond its documented sizes, at once', async () => {
    const codes: string[] = [];
    const controller = new AbortController();
    document.addEventListener('ntm-error', (event) => codes.push(event.detail.code), controller);
    onTestFinished(() => controller.abort());
    const one = toJson(evaluateSample());
    const board = await mount('ntm-district-board', { evaluations: new Array(20_001).fill(one) });
    expect(text(shadow(board).querySelector('[role="alert"]'))).toContain('Dữ liệu quá lớn để hiển thị');
    expect(text(shadow(board).querySelector('[role="alert"]'))).toContain(
      'evaluations: có 20.001 mục, vượt giới hạn 20.000',
    );
    const wide = toJson(evaluateSample());
    const criterion = wide.criteria[0] as Evaluation['criteria'][number];
    wide.criteria = Array.from({ length: 20_000 }, (_, i) => ({ ...criterion, id: `c${i}` }));
    board.evaluations = [wide];
    await board.updateComplete;
    expect(text(shadow(board).querySelector('[role="alert"]'))).toContain(
      'evaluations[0].criteria: có 20.000 mục, vượt giới hạn 100',
    );
    board.setAttribute('lang', 'en');
    await board.updateComplete;
    expect(text(shadow(board).querySelector('[role="alert"]'))).toContain(
      'evaluations[0].criteria: 20,000 items, more than the limit of 100',
    );
    await board.updateComplete;
    expect(codes).toEqual(['too-large', 'too-large']);
  });

  it('shows bidi controls in names as visible codes, so they cannot reorder its text', async () => {
    const evaluations = evaluateDistrict(2).map(toJson);
    (evaluations[0] as Evaluation).commune.name = 'Xã \u202EỹM maN';
    for (const evaluation of evaluations) {
      const criterion = evaluation.criteria.find((c) => c.id === '2') as Evaluation['criteria'][number];
      criterion.name = { vi: 'Giao \u202Ethông', en: 'Transport' };
    }
    const board = await mount('ntm-district-board', { evaluations, sort: 'input' });
    const all = shadow(board).textContent ?? '';
    expect(all).not.toMatch(/[\u202a-\u202e\u2066-\u2069]/);
    expect(names(board)[0]).toBe('Xã \\u202EỹM maN');
    const blocker = [...shadow(board).querySelectorAll('[part~="blockers"] li')].find((li) =>
      text(li).startsWith('Tiêu chí 2.'),
    );
    expect(text(blocker)).toMatch(/^Tiêu chí 2\. Giao \\u202Ethông: 2 xã/);
  });

  it('has no axe violations, on the board and in the detail view, light and dark', async () => {
    const board = await mount('ntm-district-board', {
      evaluations: evaluateDistrict(8),
      previous: evaluateDistrict(8, { asOf: '2023-05-15' }),
    });
    expect(await axeViolations(board)).toEqual([]);
    board.theme = 'dark';
    await board.updateComplete;
    expect(await axeViolations(board)).toEqual([]);
    board.theme = null;
    clickButton(rows(board)[0]);
    await board.updateComplete;
    await shadow(board).querySelector('ntm-scorecard')?.updateComplete;
    expect(await axeViolations(board)).toEqual([]);
  });
});
