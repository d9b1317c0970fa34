// Regenerates the element screenshots of the documentation (docs/images/*.png) in both languages, from the
// same files the demo pages use: the built standalone bundle of @nongthonmoi/scorecard and the Nam Trực
// evaluations that prepare.ts writes into docs/public/demo/.
//
//   pnpm docs:screenshots                       (builds the scorecard, prepares the demo files, then this)
//   tsx docs/.vitepress/screenshots.ts [--out docs/images]
//
// Each picture is an element on a small page served from 127.0.0.1 and shot in Debian's Chromium
// (/usr/bin/chromium, or $CHROMIUM); nothing else is contacted. The elements are driven through their public
// API only (properties, showCommune(), the documented CSS parts), so the script keeps working when their
// insides change.
import { existsSync, mkdirSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Locator, Page } from 'playwright';
import { launchChromium, serveStatic } from './browser.js';
import { NAM_TRUC_FILE, SCORECARD_FILES } from './theme/demo-data.js';

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, '..', '..');
const publicDir = join(root, 'docs', 'public');

function option(name: string, fallback: string): string {
  const index = process.argv.indexOf(name);
  return index >= 0 && process.argv[index + 1] ? (process.argv[index + 1] as string) : fallback;
}
const out = resolve(root, option('--out', join('docs', 'images')));

type Lang = 'vi' | 'en';
type Layout = 'card' | 'board' | 'sidebar';

const SIDEBAR_TEXT: Record<Lang, { site: string; title: string; body: string; aside: string }> = {
  vi: {
    site: 'Cổng thông tin điện tử huyện Nam Trực',
    title: 'Tin hoạt động',
    body: 'Sáng 16/11/2023, Ban Chỉ đạo các chương trình mục tiêu quốc gia huyện họp rà soát tiến độ xây dựng xã nông thôn mới nâng cao của tám xã. Bảng bên phải cập nhật kết quả đánh giá mới nhất của từng xã.',
    aside: 'Tiến độ xây dựng NTM nâng cao',
  },
  en: {
    site: 'Nam Trực district portal',
    title: 'News',
    body: 'On 16 November 2023 the district steering committee reviewed the progress of its eight communes towards the advanced new-rural standard. The table on the right shows the latest evaluation of each commune.',
    aside: 'Advanced NTM progress',
  },
};

/** A page with one layout of the elements, in one language (fed with the Nam Trực data by its script). */
function harness(layout: Layout, lang: Lang): string {
  const text = SIDEBAR_TEXT[lang];
  const body =
    layout === 'card'
      ? '<main class="wide"><ntm-scorecard id="card" heading-level="2"></ntm-scorecard></main>'
      : layout === 'board'
        ? '<main class="wide"><ntm-district-board id="board" heading-level="2"></ntm-district-board></main>'
        : `<header>${text.site}</header>
           <div class="portal">
             <main><h1>${text.title}</h1><p>${text.body}</p></main>
             <aside id="sidebar"><h2>${text.aside}</h2><ntm-district-board id="board" heading-level="3"></ntm-district-board></aside>
           </div>`;
  return `<!doctype html>
<html lang="${lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>nongthonmoi screenshots</title>
<style>
  body { margin: 0; padding: 16px; font-family: system-ui, sans-serif; background: #fff; color: #1f2328; }
  @media (prefers-color-scheme: dark) { body { background: #0d1117; color: #e6edf3; } }
  .wide { max-width: 1100px; }
  header { padding: 12px 16px; background: #2e7d32; color: #fff; font-weight: 600; }
  .portal { display: flex; gap: 24px; align-items: flex-start; }
  .portal main { flex: 1; min-width: 0; }
  aside { width: 320px; flex: none; padding: 12px; box-sizing: border-box; border: 1px solid #d0d7de; background: #f6f8fa; }
  aside h2 { margin: 0 0 8px; font-size: 1rem; }
</style>
<script type="module" src="/demo/${SCORECARD_FILES[0]}"></script>
<script type="module">
  const data = await (await fetch('/demo/${NAM_TRUC_FILE}')).json();
  await Promise.all([customElements.whenDefined('ntm-scorecard'), customElements.whenDefined('ntm-district-board')]);
  const find = (list) => list.find((e) => e.commune.id === '${COMMUNE}');
  const card = document.getElementById('card');
  if (card) { card.result = find(data.current.evaluations); card.previous = find(data.previous.evaluations); }
  const board = document.getElementById('board');
  if (board) { board.evaluations = data.current.evaluations; board.previous = data.previous.evaluations; }
  document.body.dataset.ready = 'true';
</script>
</head>
<body>${body}</body>
</html>`;
}

/** The commune shown: one with criteria not met, so that an open criterion shows a gap and its citation. */
const COMMUNE = 'dien-xa';

const LAYOUTS: Layout[] = ['card', 'board', 'sidebar'];
const LANGS: Lang[] = ['vi', 'en'];
const pages: Record<string, string> = {};
for (const layout of LAYOUTS)
  for (const lang of LANGS) pages[`/__shots/${layout}-${lang}.html`] = harness(layout, lang);

for (const file of [SCORECARD_FILES[0], NAM_TRUC_FILE]) {
  if (!existsSync(join(publicDir, 'demo', file))) {
    console.error(
      `screenshots: docs/public/demo/${file} is missing: run \`pnpm docs:screenshots\` (or the scorecard build and \`pnpm docs:prepare\`) first`,
    );
    process.exit(1);
  }
}
mkdirSync(out, { recursive: true });

const site = await serveStatic(publicDir, { pages });
const browser = await launchChromium();
const written: string[] = [];

async function open(layout: Layout, lang: Lang, options: { width: number; dark?: boolean }): Promise<Page> {
  const page = await browser.newPage({
    viewport: { width: options.width, height: 900 },
    deviceScaleFactor: 1,
    colorScheme: options.dark ? 'dark' : 'light',
  });
  await page.route('**/*', (route) =>
    route.request().url().startsWith(site.origin) ? route.continue() : route.abort(),
  );
  page.on('pageerror', (error) => console.error(`page error (${layout}, ${lang}): ${error.message}`));
  await page.goto(`${site.origin}/__shots/${layout}-${lang}.html`);
  await page.waitForSelector('body[data-ready="true"]');
  return page;
}

/** Waits until the board shows its eight communes. */
async function boardReady(board: Locator): Promise<void> {
  await board.locator('tbody tr').nth(7).waitFor();
}

/**
 * Opens the last visible criterion that is not met (through the documented parts): for Điền Xá, criterion 14
 * (health), whose indicators show a meter, a gap in words and a citation.
 */
async function openUnmetCriterion(scope: Locator): Promise<void> {
  await scope
    .locator('[part~="criterion-not-met"] [part~="criterion-toggle"]')
    .filter({ visible: true })
    .last()
    .click();
}

async function shoot(locator: Locator, name: string): Promise<void> {
  const path = join(out, name);
  await locator.screenshot({ path, animations: 'disabled' });
  written.push(relative(root, path));
}

try {
  for (const lang of LANGS) {
    const suffix = lang === 'vi' ? '' : '-en';

    const cardPage = await open('card', lang, { width: 1180 });
    const card = cardPage.locator('#card');
    await card.locator('[part~="criterion"]').first().waitFor({ state: 'attached' });
    await openUnmetCriterion(card);
    await shoot(card, `scorecard${suffix}.png`);
    await cardPage.close();

    const boardPage = await open('board', lang, { width: 1180 });
    const board = boardPage.locator('#board');
    await boardReady(board);
    await shoot(board, `board${suffix}.png`);
    await boardPage.close();

    // The board's detail view of one commune, dark.
    const darkPage = await open('board', lang, { width: 1180, dark: true });
    const darkBoard = darkPage.locator('#board');
    await boardReady(darkBoard);
    await darkBoard.evaluate(
      (element, id) => (element as HTMLElement & { showCommune(id: string): boolean }).showCommune(id),
      COMMUNE,
    );
    const detail = darkBoard.locator('ntm-scorecard');
    await detail.locator('[part~="criterion"]').first().waitFor({ state: 'attached' });
    await openUnmetCriterion(detail);
    await shoot(darkBoard, `board-detail${lang === 'vi' ? '' : '-en'}-dark.png`);
    await darkPage.close();

    // A portal page with the board in a 320 px sidebar.
    const sidebarPage = await open('sidebar', lang, { width: 1100 });
    await boardReady(sidebarPage.locator('#board'));
    await shoot(sidebarPage.locator('#sidebar'), `board-sidebar${suffix}.png`);
    await sidebarPage.close();
  }
  console.log(`screenshots: wrote ${written.join(', ')}`);
} finally {
  await browser.close();
  await site.close();
}
