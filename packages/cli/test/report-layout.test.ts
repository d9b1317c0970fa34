/**
 * The HTML report as its readers see it, in Debian's Chromium: the Nam Trực meeting report (written by the
 * real binary, with the scorecards when their bundle is built) on a 390 px phone and a 1366 px screen. The
 * page never scrolls sideways (wide tables scroll inside their own box), the summary comes first, and on a
 * phone the communes and the long lists start closed.
 */
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { type Browser, chromium } from 'playwright';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ntm, REPO, tempDir } from './helpers.js';

const dir = tempDir();
const example = join(REPO, 'examples', 'nam-truc-2023');
const report = join(dir, 'report.html');
let browser: Browser;

beforeAll(async () => {
  const run = await ntm(
    [
      'review',
      join(example, 'data-2023-11-15.csv'),
      '--level',
      'nang-cao',
      '--province',
      'nam-dinh',
      '--previous',
      join(example, 'data-2023-08-15.csv'),
      '--previous',
      join(example, 'data-2023-10-01.csv'),
      '--deadline',
      '2023-12-31',
      '--dossier',
      join(example, 'ho-so-2023-11-15.csv'),
      '--owners',
      join(example, 'owners.csv'),
      '--illustrative',
      '--out',
      report,
    ],
    { cwd: dir },
  );
  expect(run.code, run.stderr).toBe(0);
  browser = await chromium.launch({
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--no-first-run',
      '--disable-background-networking',
    ],
  });
});

afterAll(async () => {
  await browser?.close();
  rmSync(dir, { recursive: true, force: true });
});

async function open(width: number) {
  const page = await browser.newPage({ viewport: { width, height: 900 } });
  const foreign: string[] = [];
  await page.route('**/*', (route) => {
    const url = route.request().url();
    if (url.startsWith('file:') || url.startsWith('blob:') || url.startsWith('data:'))
      return route.continue();
    foreign.push(url);
    return route.abort();
  });
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  await page.goto(`file://${report}`);
  // The scorecards are wired once their elements are defined (when the bundle was inlined).
  const bundled = readFileSync(report, 'utf8').includes('id="ntm-scorecard-bundle"');
  if (bundled) await page.waitForSelector('html.enhanced', { timeout: 20_000 });
  const layout = await page.evaluate(() => {
    const root = document.documentElement;
    const top = (selector: string) => document.querySelector(selector)?.getBoundingClientRect().top ?? -1;
    return {
      scrollWidth: root.scrollWidth,
      clientWidth: root.clientWidth,
      height: root.scrollHeight,
      summary: top('#summary'),
      matrix: top('#matrix'),
      communesOpen: [...document.querySelectorAll('details.commune')].filter(
        (d) => (d as HTMLDetailsElement).open,
      ).length,
      communes: document.querySelectorAll('details.commune').length,
      listsOpen: [...document.querySelectorAll('details[data-wide-open]')].filter(
        (d) => (d as HTMLDetailsElement).open,
      ).length,
      lists: document.querySelectorAll('details[data-wide-open]').length,
    };
  });
  return { page, layout, foreign, errors };
}

describe('the report in Chromium', () => {
  it('on a 390 px phone: no sideways scrolling, the summary first, communes and long lists closed', async () => {
    const { page, layout, foreign, errors } = await open(390);
    expect(layout.scrollWidth).toBeLessThanOrEqual(layout.clientWidth);
    expect(layout.summary).toBeLessThan(layout.matrix);
    expect(layout.communes).toBe(8);
    expect(layout.communesOpen).toBe(0);
    expect(layout.lists).toBeGreaterThan(0);
    expect(layout.listsOpen).toBe(0);
    expect(foreign).toEqual([]);
    expect(errors).toEqual([]);
    // The wide matrix scrolls inside its own box.
    const box = await page.evaluate(() => {
      const scroller = document.querySelector('#matrix .scroll') as HTMLElement;
      return { inner: scroller.scrollWidth, outer: scroller.clientWidth };
    });
    expect(box.inner).toBeGreaterThan(box.outer);
    await page.close();
  });

  it('on a 1366 px screen: no sideways scrolling, lists open, every commune openable', async () => {
    const { page, layout, errors } = await open(1366);
    expect(layout.scrollWidth).toBeLessThanOrEqual(layout.clientWidth);
    expect(layout.listsOpen).toBe(layout.lists);
    expect(errors).toEqual([]);
    await page.click('details.commune summary');
    expect(
      await page.evaluate(() => (document.querySelector('details.commune') as HTMLDetailsElement).open),
    ).toBe(true);
    await page.close();
  });

  it('prints every commune: sections closed on screen open for printing', async () => {
    const { page } = await open(390);
    await page.emulateMedia({ media: 'print' });
    await page.evaluate(() => window.dispatchEvent(new Event('beforeprint')));
    const closed = await page.evaluate(
      () => [...document.querySelectorAll('details')].filter((d) => !d.open).length,
    );
    expect(closed).toBe(0);
    await page.close();
  });
});

it('the scorecard bundle, when built, is inlined (else the report says the tables are complete)', () => {
  const html = readFileSync(report, 'utf8');
  const bundle = join(REPO, 'packages', 'scorecard', 'dist', 'standalone', 'ntm-scorecard.js');
  expect(html.includes('id="ntm-scorecard-bundle"')).toBe(existsSync(bundle));
});
