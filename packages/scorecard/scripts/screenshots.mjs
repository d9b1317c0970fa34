// Screenshots of the portal example for docs/portal-integrators.md (docs/images/*.png), taken with
// Playwright and the system Chromium. Needs a build (`pnpm build`) and examples/portal-embed/evaluations.json.
//   node scripts/screenshots.mjs
import { existsSync, mkdirSync } from 'node:fs';
import { chromium } from 'playwright';
import { serve } from '../../../examples/portal-embed/serve.mjs';

const out = new URL('../../../docs/images/', import.meta.url);
mkdirSync(out, { recursive: true });
if (!existsSync(new URL('../../../examples/portal-embed/evaluations.json', import.meta.url))) {
  throw new Error('run examples/portal-embed/make-data.ts first');
}

const server = await serve(0);
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
  args: [
    '--headless',
    '--no-sandbox',
    '--disable-gpu',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
  ],
});
try {
  const page = await browser.newPage({ viewport: { width: 1180, height: 900 }, deviceScaleFactor: 1 });
  page.on('console', (message) => {
    if (message.type() === 'error') console.error('page:', message.text());
  });
  await page.goto(`${server.url}/examples/portal-embed/`);
  await page.waitForFunction(() => document.getElementById('board')?.shadowRoot?.querySelector('tbody tr'));

  const board = page.locator('#board');
  await board.screenshot({ path: new URL('board.png', out).pathname });

  // The scorecard with a not-met criterion open: the meter, the gap and the citation.
  const card = page.locator('#card');
  await card.locator('.card > .groups .criterion.s-not-met button').first().click();
  await card.screenshot({ path: new URL('scorecard.png', out).pathname });

  // The board's detail view, in English and dark.
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.evaluate(() => document.documentElement.setAttribute('lang', 'en'));
  await board.locator('tbody tr button').nth(2).click();
  await board.locator('ntm-scorecard .card > .groups .criterion.s-not-met button').first().click();
  await page.evaluate(() => {
    const section = document.getElementById('board')?.closest('section');
    if (section) section.style.background = '#0d1117';
  });
  await board.screenshot({ path: new URL('board-detail-en-dark.png', out).pathname });
  console.log(`screenshots written to ${out.pathname}`);
} finally {
  await browser.close();
  server.close();
}
