// The elements make no network request other than the `src` they are given; with a precomputed `result`
// they make none at all and never load core's engine (the on-demand modules).
import { describe, expect, it, vi } from 'vitest';
import { evaluateDistrict, evaluateSample, mount, shadow, text, until } from '../test/helpers.js';
import './index.js';

const SAMPLE_URL = new URL('../../../examples/sample-commune/commune.json', import.meta.url).href;

function recordResources(): { entries: PerformanceResourceTiming[]; stop: () => void } {
  const entries: PerformanceResourceTiming[] = [];
  const observer = new PerformanceObserver((list) => {
    entries.push(...(list.getEntries() as PerformanceResourceTiming[]));
  });
  observer.observe({ type: 'resource' });
  return {
    entries,
    stop: () => {
      entries.push(...(observer.takeRecords() as PerformanceResourceTiming[]));
      observer.disconnect();
    },
  };
}

describe('network', () => {
  it('makes no request at all when given results', async () => {
    const fetchSpy = vi.spyOn(window, 'fetch');
    const resources = recordResources();
    const card = await mount('ntm-scorecard', { result: evaluateSample(), expanded: true });
    const board = await mount('ntm-district-board', {
      evaluations: evaluateDistrict(8),
      previous: evaluateDistrict(8),
    });
    shadow(board).querySelector<HTMLButtonElement>('tbody button')?.click();
    await board.updateComplete;
    await card.updateComplete;
    await new Promise((resolve) => setTimeout(resolve, 100));
    resources.stop();
    expect(fetchSpy).not.toHaveBeenCalled();
    expect(resources.entries.map((entry) => entry.name)).toEqual([]);
    fetchSpy.mockRestore();
  });

  it('downloads the English strings only for a page in English', async () => {
    const resources = recordResources();
    const names = () => resources.entries.map((entry) => entry.name);
    const card = await mount('ntm-scorecard', { result: evaluateSample(), expanded: true });
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(names().filter((name) => name.includes('i18n-en'))).toEqual([]);
    card.setAttribute('lang', 'en');
    await card.updateComplete;
    expect(text(shadow(card).querySelector('[part~="verdict"]'))).toContain('criteria met');
    resources.stop();
    expect(names().some((name) => name.includes('/i18n-en.'))).toBe(true);
    // The board's English strings are the board's: a scorecard does not load them. (The forecast view is
    // loaded statically by the board, which this page imports; scripts/size.mjs checks that the scorecard's
    // element build does not load it up front.)
    expect(names().some((name) => name.includes('i18n-board-en'))).toBe(false);
    // Only modules of this package: nothing from another origin.
    for (const name of names()) expect(new URL(name).origin).toBe(location.origin);
  });

  it('fetches only its src in src mode (besides its own on-demand modules)', async () => {
    const fetchSpy = vi.spyOn(window, 'fetch');
    const resources = recordResources();
    const card = await mount(
      'ntm-scorecard',
      {},
      { src: SAMPLE_URL, level: 'nang-cao', 'as-of': '2023-11-15' },
    );
    await until(() => !!card.evaluation, 10000, 'the evaluation');
    await new Promise((resolve) => setTimeout(resolve, 100));
    resources.stop();
    expect(fetchSpy).toHaveBeenCalledTimes(1);
    expect(String(fetchSpy.mock.calls[0]?.[0])).toBe(SAMPLE_URL);
    const data = resources.entries.filter(
      (entry) => entry.initiatorType !== 'script' && entry.initiatorType !== 'other',
    );
    expect(data.map((entry) => entry.name)).toEqual([SAMPLE_URL]);
    // Everything else is JavaScript served by this package (and core, which it loads on demand).
    for (const entry of resources.entries) expect(new URL(entry.name).origin).toBe(location.origin);
    fetchSpy.mockRestore();
  });
});
