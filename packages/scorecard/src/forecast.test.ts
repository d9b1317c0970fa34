// Issue 13: both elements given core's `forecast()` show the deadline and the days left (from the forecast,
// never from the clock); the board adds an outlook column and marks the cells of criteria that will not close
// in time; the scorecard shows each gap's outlook and projected date.
import type { Evaluation } from '@nongthonmoi/core';
import {
  type ForecastReport,
  forecast,
  type GapForecast,
  OUTLOOKS,
  TIER_OUTLOOKS,
} from '@nongthonmoi/core/review';
import axe from 'axe-core';
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  DEADLINE,
  evaluateSample,
  mount,
  REVIEWS,
  reviewDistrict,
  shadow,
  text,
  toJson,
} from '../test/helpers.js';
import './index.js';
import type { NtmDistrictBoard } from './ntm-district-board/ntm-district-board.js';
import type { NtmScorecard } from './ntm-scorecard/ntm-scorecard.js';

const OUTLOOK_WORDS: Record<string, string> = {
  'off-track': 'Không kịp hạn',
  stalled: 'Đứng yên',
  'at-risk': 'Nguy cơ trễ hạn',
  'needs-action': 'Cần hành động',
  'insufficient-data': 'Chưa đủ số kỳ',
  'missing-data': 'Thiếu số liệu',
  'unknown-target': 'Chờ mức chỉ tiêu',
  'on-track': 'Kịp hạn',
  met: 'Đã đạt',
};

const vn = new Intl.NumberFormat('vi-VN');
const viDate = (iso: string) => iso.split('-').reverse().join('/');

/** "1 đứng yên · 1 nguy cơ trễ hạn · 12 chờ mức chỉ tiêu", from core's counts. */
function countsText(counts: Record<string, number>): string {
  return OUTLOOKS.filter((outlook) => (counts[outlook] ?? 0) > 0)
    .map((outlook) => `${vn.format(counts[outlook] as number)} ${OUTLOOK_WORDS[outlook]?.toLowerCase()}`)
    .join(' · ');
}

async function axeViolations(element: Element): Promise<string[]> {
  const results = await axe.run(element, { resultTypes: ['violations'] });
  return results.violations.map(
    (violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`,
  );
}

function indicator(card: NtmScorecard, id: string): HTMLElement {
  const found = [...shadow(card).querySelectorAll<HTMLElement>('.card > .groups .indicator')].find(
    (item) => text(item.querySelector('.indicator-id')) === id,
  );
  if (!found) throw new Error(`indicator ${id} not found`);
  return found;
}

function rows(board: NtmDistrictBoard): HTMLTableRowElement[] {
  return [...shadow(board).querySelectorAll<HTMLTableRowElement>('tbody tr[data-index]')];
}

afterEach(() => {
  vi.useRealTimers();
});

describe('<ntm-scorecard> with a forecast', () => {
  it('shows the deadline and the days left, the commune’s outlook, and each gap’s outlook and projected date', async () => {
    // Days come from the forecast, never from the clock: the page's clock says 2031.
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2031-06-01T00:00:00Z'));
    const { evaluations, forecast: report } = reviewDistrict(8);
    expect(report.daysLeft).toBe(91);
    const result = evaluations[0] as Evaluation; // electricity stalled, poverty late
    const commune = report.communes[0];
    const card = await mount('ntm-scorecard', { result, forecast: report, expanded: true });
    const root = shadow(card);
    expect(text(root.querySelector('[part~="deadline"]'))).toBe(
      'Hạn hoàn thành: 31/12/2023 · còn 91 ngày (tính từ 01/10/2023)',
    );
    const outlook = root.querySelector('.forecast [part~="outlook"]') as HTMLElement;
    expect(commune?.outlook).toBe('stalled');
    expect(outlook.getAttribute('part')).toBe('outlook outlook-stalled');
    expect(text(outlook)).toBe(
      `Triển vọng đến hạn: Đứng yên (${countsText(commune?.counts as Record<string, number>)})`,
    );
    const gaps = commune?.gaps ?? [];
    const byId = (id: string) =>
      gaps.find((gap) => gap.level === 'ntm' && gap.indicator === id) as GapForecast;
    expect(byId('4.2').outlook).toBe('stalled');
    expect(text(indicator(card, '4.2').querySelector('[part~="forecast"]'))).toBe(
      'Đứng yên: không thay đổi qua các kỳ',
    );
    const poverty = byId('11');
    expect(poverty.outlook).toBe('at-risk');
    const line = indicator(card, '11').querySelector('[part~="forecast"]') as HTMLElement;
    expect(line.getAttribute('part')).toBe('forecast forecast-at-risk');
    expect(text(line)).toBe(`Nguy cơ trễ hạn: dự kiến đạt ngày ${viDate(poverty.projected as string)}`);
    // Every gap a pace can judge is shown; those its status already explains are not repeated.
    for (const gap of gaps) {
      const shown = indicator(card, gap.indicator).querySelector('[part~="forecast"]');
      if (gap.outlook === 'missing-data' || gap.outlook === 'unknown-target') expect(shown).toBeNull();
      else expect(text(shown)).toMatch(new RegExp(`^${OUTLOOK_WORDS[gap.outlook]}: `));
    }
    // The criterion's worst outlook in its heading (not for criteria whose status already says why).
    const electricity = [...root.querySelectorAll('.card > .groups .criterion')].find((c) =>
      text(c.querySelector('.criterion-name')).startsWith('Tiêu chí 4.'),
    );
    expect(text(electricity?.querySelector('.criterion-toggle [part~="outlook"]'))).toBe('Đứng yên');
    const transport = [...root.querySelectorAll('.card > .groups .criterion')].find((c) =>
      text(c.querySelector('.criterion-name')).startsWith('Tiêu chí 2.'),
    );
    expect(transport?.querySelector('[part~="outlook"]')).toBeNull();
  });

  it('words every outlook and a deadline already passed, in Vietnamese and English', async () => {
    const { evaluations, forecast: report } = reviewDistrict(8);
    // Pattern 3: universal preschool not met, never changed (needs action); pattern 1: electricity on track.
    const card = await mount('ntm-scorecard', { result: evaluations[3], forecast: report, expanded: true });
    expect(text(indicator(card, '14.1').querySelector('[part~="forecast"]'))).toBe(
      'Cần hành động: không thay đổi qua các kỳ',
    );
    const onTrack = report.communes[1]?.gaps.find((gap) => gap.indicator === '4.2') as GapForecast;
    expect(onTrack.outlook).toBe('on-track');
    card.result = evaluations[1] as Evaluation;
    await card.updateComplete;
    expect(text(indicator(card, '4.2').querySelector('[part~="forecast"]'))).toBe(
      `Kịp hạn: dự kiến đạt ngày ${viDate(onTrack.projected as string)}`,
    );
    const late = forecast(
      REVIEWS.map((asOf) => ({ asOf, evaluations: asOf === REVIEWS[2] ? evaluations : [] })),
      { deadline: '2023-09-01' },
    );
    expect(late.daysLeft).toBe(-30);
    card.forecast = late;
    await card.updateComplete;
    expect(text(shadow(card).querySelector('[part~="deadline"]'))).toBe(
      'Hạn hoàn thành: 01/09/2023 · đã quá hạn 30 ngày (tính đến 01/10/2023)',
    );
    // A single review: no pace for numbers yet.
    expect(text(indicator(card, '4.2').querySelector('[part~="forecast"]'))).toBe(
      'Chưa đủ số kỳ: mới có số liệu của một kỳ, chưa tính được tốc độ',
    );
    card.setAttribute('lang', 'en');
    await card.updateComplete;
    expect(text(shadow(card).querySelector('[part~="deadline"]'))).toBe(
      'Deadline: 1 September 2023 · 30 days past (as of 1 October 2023)',
    );
    expect(text(indicator(card, '4.2').querySelector('[part~="forecast"]'))).toBe(
      'Too few reviews: values from one review only: no pace yet',
    );
    card.forecast = report;
    await card.updateComplete;
    expect(text(shadow(card).querySelector('[part~="deadline"]'))).toBe(
      'Deadline: 31 December 2023 · 91 days left (from 1 October 2023)',
    );
    expect(text(indicator(card, '4.2').querySelector('[part~="forecast"]'))).toMatch(
      /^On track: projected to be met on \d+ \w+ 2023$/,
    );
  });

  it('shows only the deadline for a commune the forecast does not hold, and leaves out a forecast it cannot read', async () => {
    const { forecast: report } = reviewDistrict(8);
    const errors: string[] = [];
    document.addEventListener('ntm-error', (event) => errors.push(event.detail.code));
    const card = await mount('ntm-scorecard', { result: evaluateSample(), forecast: report });
    expect(text(shadow(card).querySelector('[part~="deadline"]'))).toContain('còn 91 ngày');
    expect(shadow(card).querySelector('.forecast [part~="outlook"]')).toBeNull();
    const throwing = new Proxy(
      {},
      {
        get() {
          throw new Error('trap');
        },
      },
    );
    const malformed: unknown[] = [
      { communes: 'none' },
      { ...report, daysLeft: 'soon' },
      throwing,
      { ...report, communes: [{ ...report.communes[0], gaps: [{ outlook: 'maybe' }] }] },
      { ...report, communes: { length: 30_000 } },
    ];
    const good = reviewDistrict(8).evaluations[0] as Evaluation;
    for (const value of malformed) {
      card.result = good;
      card.forecast = value as ForecastReport;
      await card.updateComplete;
      const root = shadow(card);
      expect(root.querySelector('[part~="verdict"]')).not.toBeNull();
      expect(root.querySelector('[role="alert"]')).toBeNull();
      // A malformed commune still leaves the deadline of a well-formed report; anything else, nothing at all.
      expect(root.querySelector('[part~="forecast"]')).toBeNull();
      expect(root.querySelector('.forecast [part~="outlook"]')).toBeNull();
    }
    expect(errors).toEqual([]);
  });

  it('has no axe violations with a forecast, light and dark, Vietnamese and English', async () => {
    const { evaluations, forecast: report } = reviewDistrict(8);
    const card = await mount('ntm-scorecard', { result: evaluations[0], forecast: report, expanded: true });
    expect(await axeViolations(card)).toEqual([]);
    card.theme = 'dark';
    card.setAttribute('lang', 'en');
    await card.updateComplete;
    expect(await axeViolations(card)).toEqual([]);
  });
});

describe('<ntm-district-board> with a forecast', () => {
  it('shows the deadline, communes per outlook, an outlook column, and marks the cells that will not close in time', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2019-01-01T00:00:00Z'));
    const { evaluations, previous, forecast: report } = reviewDistrict(8);
    const board = await mount('ntm-district-board', {
      evaluations,
      previous,
      forecast: report,
      sort: 'input',
    });
    const root = shadow(board);
    expect(text(root.querySelector('[part~="deadline"]'))).toBe(
      'Hạn hoàn thành: 31/12/2023 · còn 91 ngày (tính từ 01/10/2023)',
    );
    const byOutlook = report.totals.communesByOutlook;
    expect(text(root.querySelector('[part~="outlook-totals"]'))).toBe(
      `Triển vọng đến hạn: ${TIER_OUTLOOKS.filter((o) => byOutlook[o] > 0)
        .map((o) => `${byOutlook[o]} xã ${OUTLOOK_WORDS[o]?.toLowerCase()}`)
        .join(' · ')}`,
    );
    const header = [...root.querySelectorAll('thead th')].map((th) => text(th));
    expect(header.some((label) => label.startsWith('Triển vọng đến hạn'))).toBe(true);
    const criteria = evaluations[0]?.criteria.map((c) => c.id) ?? [];
    let marked = 0;
    for (const [index, row] of rows(board).entries()) {
      const commune = report.communes[index];
      if (!commune) throw new Error('no forecast');
      const cell = row.querySelector('td.outlook-col') as HTMLElement;
      const count = commune.outlook === 'met' ? '' : ` (${commune.counts[commune.outlook]})`;
      expect(text(cell.querySelector('[part~="outlook"]'))).toBe(OUTLOOK_WORDS[commune.outlook]);
      expect(text(cell)).toBe(`${OUTLOOK_WORDS[commune.outlook]}${count}: ${countsText(commune.counts)}`);
      expect(cell.title).toBe(countsText(commune.counts));
      // A criterion is marked when one of its gaps (assessed tier) is off track or stalled, and only then.
      const late = new Map<string, string>();
      for (const gap of commune.gaps) {
        if (gap.level !== commune.level) continue;
        if (
          gap.outlook === 'off-track' ||
          (gap.outlook === 'stalled' && late.get(gap.criterion) !== 'off-track')
        )
          late.set(gap.criterion, gap.outlook);
      }
      for (const [c, td] of [...row.querySelectorAll('td.cell')].entries()) {
        const outlook = late.get(criteria[c] as string);
        expect(td.classList.contains('late')).toBe(!!outlook);
        expect((td.getAttribute('part') ?? '').includes('cell-off-track')).toBe(!!outlook);
        const glyph = td.querySelector('[role="img"]');
        if (outlook) {
          marked++;
          expect(text(glyph)).toMatch(/!$/);
          expect(glyph?.getAttribute('aria-label')).toMatch(
            new RegExp(`; ${OUTLOOK_WORDS[outlook]?.toLowerCase()}$`),
          );
        } else expect(text(glyph)).not.toContain('!');
      }
    }
    expect(marked).toBe(2); // electricity stalled in Nam Mỹ, off track in Hải Đường
    expect(text(root.querySelector('[part~="legend"]'))).toContain(
      '! có chỉ tiêu không kịp hạn với tốc độ hiện nay',
    );
  });

  it('sorts by outlook, worst first, and passes the forecast to the detail view', async () => {
    const { evaluations, forecast: report } = reviewDistrict(8);
    const board = await mount('ntm-district-board', { evaluations, forecast: report });
    const sorts: string[] = [];
    board.addEventListener('ntm-sort-change', (event) =>
      sorts.push(`${event.detail.sort}/${event.detail.direction}`),
    );
    const button = [...shadow(board).querySelectorAll<HTMLButtonElement>('thead button.sort')].find((b) =>
      text(b).startsWith('Triển vọng đến hạn'),
    ) as HTMLButtonElement;
    button.click();
    await board.updateComplete;
    expect(sorts).toEqual(['outlook/asc']);
    expect(board.getAttribute('sort')).toBe('outlook');
    expect(button.closest('th')?.getAttribute('aria-sort')).toBe('ascending');
    const rank = (name: string) => {
      const commune = report.communes.find((c) => c.name === name);
      return TIER_OUTLOOKS.indexOf(commune?.outlook ?? 'met');
    };
    const order = rows(board).map((row) => rank(text(row.querySelector('th'))));
    expect(order).toEqual([...order].sort((a, b) => a - b));
    expect(order[0]).toBe(0); // off track first
    button.click();
    await board.updateComplete;
    const reversed = rows(board).map((row) => rank(text(row.querySelector('th'))));
    expect(reversed).toEqual([...reversed].sort((a, b) => b - a));
    // The commune's scorecard shows the same deadline and its gaps' outlooks.
    const first = rows(board)[0]?.querySelector<HTMLButtonElement>('button.commune');
    first?.click();
    await board.updateComplete;
    const card = shadow(board).querySelector('ntm-scorecard') as NtmScorecard;
    await card.updateComplete;
    expect(text(shadow(card).querySelector('[part~="deadline"]'))).toContain('còn 91 ngày');
    expect(shadow(card).querySelector('.forecast [part~="outlook"]')).not.toBeNull();
  });

  it('leaves out a forecast it cannot read, and shows the board', async () => {
    const { evaluations, forecast: report } = reviewDistrict(8);
    const errors: string[] = [];
    document.addEventListener('ntm-error', (event) => errors.push(event.detail.code));
    for (const value of [
      { ...report, communes: [{ ...report.communes[0], outlook: 'soon' }] },
      { ...report, deadline: 31 },
      'forecast',
    ]) {
      const board = await mount('ntm-district-board', { evaluations, forecast: value as ForecastReport });
      expect(rows(board)).toHaveLength(8);
      expect(shadow(board).querySelector('[part~="deadline"]')).toBeNull();
      expect(shadow(board).querySelector('td.outlook-col')).toBeNull();
      expect(shadow(board).querySelector('td.cell.late')).toBeNull();
    }
    expect(errors).toEqual([]);
    // Plain JSON, as a portal gets it over HTTP, works like core's object.
    const board = await mount('ntm-district-board', {
      evaluations: toJson(evaluations),
      forecast: toJson(report),
    });
    expect(shadow(board).querySelectorAll('td.outlook-col')).toHaveLength(8);
  });

  it('has no axe violations with a forecast, light and dark, Vietnamese and English', async () => {
    const { evaluations, previous, forecast: report } = reviewDistrict(8);
    const board = await mount('ntm-district-board', { evaluations, previous, forecast: report });
    expect(await axeViolations(board)).toEqual([]);
    board.theme = 'dark';
    board.setAttribute('lang', 'en');
    await board.updateComplete;
    expect(text(shadow(board).querySelector('[part~="deadline"]'))).toBe(
      `Deadline: 31 December 2023 · 91 days left (from 1 October 2023)`,
    );
    expect(await axeViolations(board)).toEqual([]);
  });
});

describe('the forecast used by these tests', () => {
  it('has a deadline after its latest review and gaps of every kind the elements show', () => {
    const { forecast: report } = reviewDistrict(8);
    expect(report.deadline).toBe(DEADLINE);
    const outlooks = new Set(report.communes.flatMap((c) => c.gaps.map((gap) => gap.outlook)));
    for (const outlook of [
      'off-track',
      'stalled',
      'at-risk',
      'needs-action',
      'on-track',
      'missing-data',
      'unknown-target',
    ])
      expect(outlooks.has(outlook as GapForecast['outlook'])).toBe(true);
  });
});
