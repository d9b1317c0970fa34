// Screenshots of the meeting report for the documentation (docs/images/review-*.png), taken in Debian's
// Chromium from out/report.html as `review.ts` writes it. Regenerate them after changing the report:
//
//   pnpm --filter @nongthonmoi/example-nam-truc-2023 run screenshots
//
// Prints the page's size at each width (its height at 390 px is the phone layout's length).
import { existsSync, mkdirSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Page } from 'playwright';

const here = dirname(fileURLToPath(import.meta.url));
const report = join(here, 'out', 'report.html');
const images = join(here, '..', '..', 'docs', 'images');
if (!existsSync(report)) {
  console.error(`${relative(process.cwd(), report)} is missing: run review.ts first (pnpm demo)`);
  process.exit(1);
}
mkdirSync(images, { recursive: true });

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking'],
});

async function open(width: number, height: number): Promise<Page> {
  // A reader in Vietnam: the page shows its times in the reader's own zone.
  const page = await browser.newPage({
    viewport: { width, height },
    deviceScaleFactor: 1,
    timezoneId: 'Asia/Ho_Chi_Minh',
    locale: 'vi-VN',
  });
  // Nothing leaves the machine: the report is one file.
  await page.route('**/*', (route) =>
    /^(file|blob|data):/.test(route.request().url()) ? route.continue() : route.abort(),
  );
  await page.goto(`file://${report}`);
  await page.waitForLoadState('load');
  const size = await page.evaluate(() => ({
    width: document.documentElement.scrollWidth,
    height: document.documentElement.scrollHeight,
  }));
  console.log(`${width} px: page ${size.width} × ${size.height} px`);
  return page;
}

const shots: string[] = [];
const shot = async (page: Page, name: string, selector?: string) => {
  const path = join(images, name);
  if (selector) await page.locator(selector).screenshot({ path });
  else await page.screenshot({ path });
  shots.push(relative(process.cwd(), path));
};

const desktop = await open(1366, 900);
await shot(desktop, 'review-desktop.png');
await shot(desktop, 'review-forecast.png', '#forecast');
await shot(desktop, 'review-dossiers.png', '#dossiers');
await desktop.close();

const phone = await open(390, 844);
await shot(phone, 'review-phone.png');
await phone.close();

await browser.close();
console.log(`wrote ${shots.join(', ')}`);
