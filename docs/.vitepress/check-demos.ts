// Checks the BUILT documentation site in headless Chromium, in both languages (Vietnamese at the root, English
// under /en/): the demo pages load the scorecard's standalone bundle and render <ntm-scorecard> and
// <ntm-district-board> with the Nam Trực data, the form evaluates a commune in the browser, no page scrolls
// sideways at 1366 px and 390 px, the language switcher leads to a page that exists, and every #anchor of the
// written pages exists. Prints one line per check (PASS / FAIL / XFAIL) and exits with 1 when any check fails.
//
//   pnpm docs:build && tsx docs/.vitepress/check-demos.ts [--screenshots .tmp/docs-screenshots] [--dist <dir>]
//   tsx docs/.vitepress/check-demos.ts --url http://localhost:5173/     (a running `vitepress dev docs`)
//
// Serves the built site with a small static server on a free port (nothing else is contacted: requests to
// other origins are refused and reported), and uses Debian's Chromium (/usr/bin/chromium, or $CHROMIUM).
// Screenshots of the checked pages (both languages, 1366 px and 390 px) go to the --screenshots folder.
import { existsSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, posix, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Locator, Page } from 'playwright';
import { launchChromium, type StaticSite, serveStatic } from './browser.js';

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, '..', '..');

function option(name: string, fallback: string): string {
  const index = process.argv.indexOf(name);
  return index >= 0 && process.argv[index + 1] ? (process.argv[index + 1] as string) : fallback;
}

const dist = resolve(root, option('--dist', join('docs', '.vitepress', 'dist')));
const shots = resolve(root, option('--screenshots', join('.tmp', 'docs-screenshots')));
const base = (process.env.NTM_DOCS_BASE ?? '/').replace(/\/?$/, '/');
const TIMEOUT = 30_000;

const running = process.argv.includes('--url') ? new URL(option('--url', '')) : null;
if (!running && !existsSync(join(dist, 'index.html'))) {
  console.error(`FAIL no built site in ${dist}: run the docs build first`);
  process.exit(1);
}
mkdirSync(shots, { recursive: true });

const served: StaticSite | null = running ? null : await serveStatic(dist, { base });
const origin = running ? running.origin : (served as StaticSite).origin;
const sitePath = running ? running.pathname.replace(/\/?$/, '/') : base;
const site = (path: string) => `${origin}${sitePath}${path.replace(/^\//, '')}`;

const browser = await launchChromium();

let failures = 0;
async function check(name: string, run: () => Promise<string | undefined>): Promise<void> {
  const started = performance.now();
  try {
    const detail = await run();
    console.log(`PASS ${name} (${Math.round(performance.now() - started)} ms)${detail ? `: ${detail}` : ''}`);
  } catch (error) {
    failures++;
    console.log(`FAIL ${name}: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`);
  }
}

interface Watched {
  page: Page;
  /** Console errors, page errors, failed and foreign requests. */
  problems: string[];
  requests: string[];
}

async function open(
  path: string,
  options: { dark?: boolean; width?: number; hideNav?: boolean } = {},
): Promise<Watched> {
  const width = options.width ?? 1280;
  const context = await browser.newContext({
    viewport: { width, height: 900 },
    colorScheme: options.dark ? 'dark' : 'light',
    isMobile: width < 600,
    hasTouch: width < 600,
  });
  const page = await context.newPage();
  const watched: Watched = { page, problems: [], requests: [] };
  await page.route('**/*', (route) => {
    const url = route.request().url();
    if (url.startsWith(origin) || url.startsWith('blob:') || url.startsWith('data:')) return route.continue();
    watched.problems.push(`request outside the site: ${url}`);
    return route.abort();
  });
  page.on('request', (request) => watched.requests.push(request.url()));
  page.on('console', (message) => {
    if (message.type() === 'error') watched.problems.push(`console: ${message.text()}`);
  });
  page.on('pageerror', (error) => watched.problems.push(`page error: ${error.message}`));
  page.on('requestfailed', (request) => watched.problems.push(`failed: ${request.url()}`));
  page.on('response', (response) => {
    if (response.status() >= 400) watched.problems.push(`HTTP ${response.status()}: ${response.url()}`);
  });
  await page.goto(site(path), { waitUntil: 'load' });
  // The fixed navigation bar would cover the top of element screenshots.
  if (options.hideNav !== false) {
    await page.addStyleTag({ content: '.VPNav, .VPLocalNav { visibility: hidden !important; }' });
  }
  return watched;
}

/** The text of an element's shadow root, and of the shadow roots inside it, in document order. */
async function shadowText(locator: Locator): Promise<string> {
  // No named function inside: tsx would wrap it in a helper that the page does not have.
  return locator.evaluate((element) => {
    let text = '';
    const stack: Node[] = element.shadowRoot ? [element.shadowRoot] : [];
    while (stack.length > 0) {
      const node = stack.pop() as Node;
      if (node.nodeType === Node.TEXT_NODE) text += node.textContent ?? '';
      stack.push(...[...node.childNodes].reverse());
      if (node instanceof Element && node.shadowRoot) stack.push(node.shadowRoot);
    }
    return text.replace(/\s+/g, ' ');
  });
}

async function waitForShadowText(locator: Locator, pattern: RegExp): Promise<string> {
  const deadline = Date.now() + TIMEOUT;
  let text = '';
  while (Date.now() < deadline) {
    if ((await locator.count()) > 0) {
      text = await shadowText(locator.first());
      if (pattern.test(text)) return text;
    }
    await new Promise((done) => setTimeout(done, 100));
  }
  throw new Error(
    `no ${pattern} in the shadow DOM after ${TIMEOUT / 1000} s (text: "${text.slice(0, 200)}")`,
  );
}

function noProblems(watched: Watched): void {
  if (watched.problems.length > 0) throw new Error(watched.problems.join('; '));
}

async function htmlLang(page: Page): Promise<string> {
  return page.evaluate(() => document.documentElement.lang);
}

/** How the two languages of the site differ, for the checks. */
const LOCALES = {
  vi: {
    prefix: '',
    criteriaMet: /\d+\/\d+ tiêu chí đạt/,
    previous: /So với kỳ trước \(15\/11\/2023\)/,
    communesMet: /\d+\/\d+ xã đạt chuẩn[^.;]*/,
    otherLang: 'en',
    otherCriteriaMet: /criteria met/,
    evaluate: 'Đánh giá',
    language: 'Ngôn ngữ',
  },
  en: {
    prefix: 'en/',
    criteriaMet: /\d+\/\d+ criteria met/,
    previous: /Compared with the previous review \(15 November 2023\)/,
    communesMet: /\d+\/\d+ communes? (?:meet|met)[^.;]*/,
    otherLang: 'vi',
    otherCriteriaMet: /tiêu chí đạt/,
    evaluate: 'Evaluate',
    language: 'Language',
  },
} as const;
type Lang = keyof typeof LOCALES;

// 1. Nam Trực: the scorecard and the board from precomputed evaluations, in each language.
for (const lang of ['vi', 'en'] as const) {
  const locale = LOCALES[lang];
  const namTruc = await open(`${locale.prefix}demos/nam-truc.html`);
  const card = namTruc.page.locator('ntm-scorecard').first();
  const board = namTruc.page.locator('ntm-district-board').first();
  await check(`${lang} nam-truc: the page and its controls are in ${lang}`, async () => {
    const pageLang = await htmlLang(namTruc.page);
    if (pageLang !== lang) throw new Error(`<html lang="${pageLang}">`);
    const label = await namTruc.page.locator('.ntm-demo label').nth(1).textContent();
    if (!label?.includes(locale.language)) throw new Error(`the language control reads "${label?.trim()}"`);
    return undefined;
  });
  await check(`${lang} nam-truc: <ntm-scorecard> renders Nam Mỹ in ${lang}`, async () => {
    const text = await waitForShadowText(card, locale.criteriaMet);
    if (!text.includes('Nam Mỹ')) throw new Error('the scorecard does not name Nam Mỹ');
    if (!locale.previous.test(text)) throw new Error('no comparison with the review of 15/11/2023');
    await card.screenshot({ path: join(shots, `${lang}-nam-truc-scorecard.png`) });
    return locale.criteriaMet.exec(text)?.[0];
  });
  await check(`${lang} nam-truc: <ntm-district-board> renders 8 communes`, async () => {
    const text = await waitForShadowText(board, locale.communesMet);
    const rows = await board.evaluate(
      (element) => element.shadowRoot?.querySelectorAll('tbody tr').length ?? 0,
    );
    if (rows !== 8) throw new Error(`${rows} rows instead of 8`);
    await board.screenshot({ path: join(shots, `${lang}-nam-truc-board.png`) });
    return `${rows} rows; ${locale.communesMet.exec(text)?.[0] ?? ''}`.trim();
  });
  await check(`${lang} nam-truc: the board switches language and opens a commune`, async () => {
    await namTruc.page
      .locator('.ntm-demo')
      .nth(1)
      .locator('select[name="lang"]')
      .selectOption(locale.otherLang);
    await waitForShadowText(board, locale.otherCriteriaMet);
    await board.evaluate((element) =>
      (element as HTMLElement & { showCommune(id: string): boolean }).showCommune('nam-my'),
    );
    const text = await waitForShadowText(board, /Nam Mỹ/);
    await board.screenshot({ path: join(shots, `${lang}-nam-truc-board-detail-${locale.otherLang}.png`) });
    if (!text.includes('Nam Mỹ')) throw new Error('the detail view does not show Nam Mỹ');
    return undefined;
  });
  await check(`${lang} nam-truc: no console error, no failed or foreign request`, async () => {
    noProblems(namTruc);
    const bundle = namTruc.requests.filter((url) => url.endsWith('/demo/ntm-scorecard.js')).length;
    if (bundle !== 1) throw new Error(`the bundle was requested ${bundle} times`);
    if (namTruc.requests.some((url) => url.includes('ntm-scorecard-evaluate.js'))) {
      throw new Error('the engine was downloaded for precomputed results');
    }
    return 'bundle loaded once, engine not loaded';
  });
  await namTruc.page.context().close();
}

// 2. The form: src mode, with a blob: URL of the commune's JSON. The whole sequence in Vietnamese, the
// essentials in English.
for (const lang of ['vi', 'en'] as const) {
  const locale = LOCALES[lang];
  const form = await open(`${locale.prefix}demos/evaluate-a-commune.html`);
  const formCard = form.page.locator('ntm-scorecard').first();
  const status = form.page.locator('.ntm-demo-status code').first();
  const evaluate = form.page.getByRole('button', { name: locale.evaluate, exact: true });
  await check(`${lang} evaluate-a-commune: evaluates the default commune in the browser`, async () => {
    const text = await waitForShadowText(formCard, locale.criteriaMet);
    await status.filter({ hasText: 'ntm-load' }).waitFor({ timeout: TIMEOUT });
    if (!form.requests.some((url) => url.endsWith('/demo/ntm-scorecard-evaluate.js'))) {
      throw new Error('the engine file was not fetched');
    }
    const src = await formCard.evaluate((element) => (element as HTMLElement & { src: string | null }).src);
    if (!src?.startsWith('blob:')) throw new Error(`src is ${src}`);
    await form.page.screenshot({ path: join(shots, `${lang}-evaluate-a-commune.png`), fullPage: true });
    return `${await status.textContent()}; ${locale.criteriaMet.exec(text)?.[0]}`;
  });
  await check(`${lang} evaluate-a-commune: the form labels name each unit once`, async () => {
    const labels = await form.page
      .locator('.ntm-demo-form fieldset')
      .nth(1)
      .locator('label')
      .allTextContents();
    if (labels.length === 0) throw new Error('no measure fields');
    const repeated = labels.filter((label) => /(\([^()]+\))\s*\1/.test(label));
    if (repeated.length > 0) throw new Error(`unit repeated in: ${repeated.join(' | ')}`);
    return `${labels.length} fields`;
  });
  await check(`${lang} evaluate-a-commune: a changed input changes the result`, async () => {
    await form.page.locator('input[name="health_insurance_pct"]').fill('90');
    await evaluate.click();
    const text = await waitForShadowText(formCard, /90 %|90,0 %/);
    return /(Thực tế|Actual): 90[^MA]*/.exec(text)?.[0];
  });
  if (lang === 'vi') {
    await check('vi evaluate-a-commune: a percentage of 130 is refused by the engine', async () => {
      await form.page.locator('input[name="health_insurance_pct"]').fill('130');
      await evaluate.click();
      await status.filter({ hasText: 'invalid-commune' }).waitFor({ timeout: TIMEOUT });
      await formCard.screenshot({ path: join(shots, 'vi-evaluate-a-commune-invalid.png') });
      return (await status.textContent()) ?? undefined;
    });
    await check('vi evaluate-a-commune: kiểu mẫu in Nam Định uses the province target', async () => {
      await form.page.locator('input[name="health_insurance_pct"]').fill('96');
      await form.page.locator('select[name="level"]').selectOption('kieu-mau');
      await evaluate.click();
      await status.filter({ hasText: 'ntm-load' }).waitFor({ timeout: TIMEOUT });
      const text = await shadowText(formCard);
      if (!/23\/2022\/QĐ-UBND/.test(text)) throw new Error('no reference to 23/2022/QĐ-UBND');
      return (await status.textContent()) ?? undefined;
    });
    await check('vi evaluate-a-commune: nâng cao in 2026 names the framework in force', async () => {
      await form.page.locator('select[name="level"]').selectOption('nang-cao');
      await form.page.locator('input[name="as-of"]').fill('2026-03-01');
      await evaluate.click();
      await status.filter({ hasText: 'edition-not-found' }).waitFor({ timeout: TIMEOUT });
      const text = await shadowText(formCard);
      if (!text.includes('51/2025/QĐ-TTg')) throw new Error('the error does not name 51/2025/QĐ-TTg');
      return undefined;
    });
  }
  await check(`${lang} evaluate-a-commune: no console error, no failed or foreign request`, async () => {
    noProblems(form);
    return undefined;
  });
  await form.page.context().close();
}

// 3. No sideways scrolling of the page: the demo pages at a desktop width and a phone width, in both
// languages, once the elements have rendered. Screenshots of the first screen go to the screenshots folder.
async function horizontalOverflow(page: Page): Promise<{ scrollWidth: number; clientWidth: number }> {
  return page.evaluate(() => ({
    scrollWidth: document.documentElement.scrollWidth,
    clientWidth: document.documentElement.clientWidth,
  }));
}

for (const lang of ['vi', 'en'] as const) {
  const locale = LOCALES[lang];
  for (const width of [1366, 390]) {
    for (const demo of ['nam-truc', 'evaluate-a-commune'] as const) {
      await check(`${lang} ${demo} at ${width} px: the page does not scroll sideways`, async () => {
        const watched = await open(`${locale.prefix}demos/${demo}.html`, { width, hideNav: false });
        try {
          await waitForShadowText(watched.page.locator('ntm-scorecard').first(), locale.criteriaMet);
          if (demo === 'nam-truc') {
            await waitForShadowText(watched.page.locator('ntm-district-board').first(), locale.communesMet);
          }
          await watched.page.screenshot({ path: join(shots, `${lang}-${demo}-${width}.png`) });
          const size = await horizontalOverflow(watched.page);
          const detail = `scrollWidth ${size.scrollWidth} px, clientWidth ${size.clientWidth} px`;
          if (size.scrollWidth <= size.clientWidth) return detail;
          throw new Error(`the page scrolls sideways: ${detail}`);
        } finally {
          await watched.page.context().close();
        }
      });
    }
  }
}

// 4. The language switcher leads to the same page in the other language when it exists, to that language's
// home page otherwise (the criteria catalog is bilingual at the root; the API reference is English only).
await check('language switcher: counterpart pages, or the other home page', async () => {
  const cases: Array<[path: string, lang: Lang, target: string]> = [
    ['analysts.html', 'vi', '/en/analysts'],
    ['en/analysts.html', 'en', '/analysts'],
    ['getting-started/index.html', 'vi', '/en/getting-started/'],
    ['criteria/index.html', 'vi', '/en/'],
    ['en/api/index.html', 'en', '/'],
  ];
  for (const [path, lang, target] of cases) {
    const watched = await open(path, { hideNav: false });
    try {
      const pageLang = await htmlLang(watched.page);
      if (pageLang !== lang) throw new Error(`${path}: <html lang="${pageLang}">, expected ${lang}`);
      const hrefs = await watched.page
        .locator('.VPNavBarTranslations a')
        .evaluateAll((links) => links.map((link) => link.getAttribute('href')));
      const expected = `${sitePath}${target.slice(1)}`.replace(/\/$/, '/');
      const matches = hrefs.some(
        (href) => href !== null && href.replace(/\.html$/, '') === expected.replace(/\.html$/, ''),
      );
      if (!matches)
        throw new Error(`${path}: the switcher links to ${hrefs.join(', ')}, expected ${expected}`);
      noProblems(watched);
    } finally {
      await watched.page.context().close();
    }
  }
  return `${cases.length} pages`;
});

// 5. The other pages render (home in both languages, a criteria page, the API reference), in dark mode for one.
await check('pages: home (both languages), criteria catalog, API reference, ntm commands', async () => {
  const checked: string[] = [];
  for (const [path, text, lang] of [
    ['index.html', 'Bộ tiêu chí nông thôn mới', 'vi'],
    ['en/index.html', 'Nông thôn mới criteria as code', 'en'],
    ['criteria/index.html', 'vn/xa-nang-cao/2021-2025', 'vi'],
    ['en/api/scorecard/classes/NtmScorecard.html', 'CSS parts', 'en'],
    ['en/api/ntm-commands.html', 'ntm evaluate', 'en'],
  ] as const) {
    const dark = path === 'index.html';
    const watched = await open(path, { dark });
    try {
      await watched.page.waitForFunction((t) => document.body.textContent?.includes(t), text, {
        timeout: TIMEOUT,
      });
    } catch {
      throw new Error(`${path} does not contain "${text}"`);
    }
    if ((await htmlLang(watched.page)) !== lang) throw new Error(`${path}: <html lang> is not ${lang}`);
    const shot = path.replace(/\.html$/, '').replace(/\//g, '-');
    await watched.page.screenshot({ path: join(shots, `page-${shot}${dark ? '-dark' : ''}.png`) });
    noProblems(watched);
    await watched.page.context().close();
    checked.push(path);
  }
  return `${checked.length} pages`;
});

// 6. Every #anchor that a written page links to exists (VitePress checks pages, not anchors; headings, and so
// anchors, differ between the languages). Generated pages (API reference, criteria catalog) are left to their
// generators.
await check('links: every #anchor of the written pages exists', async () => {
  if (running) return 'skipped against a running server';
  const files = (readdirSync(dist, { recursive: true, encoding: 'utf8' }) as string[])
    .filter((file) => file.endsWith('.html'))
    .map((file) => file.split(sep).join('/'));
  const ids = new Map<string, Set<string>>();
  for (const file of files) {
    const html = readFileSync(join(dist, file), 'utf8');
    ids.set(file, new Set([...html.matchAll(/\sid="([^"]+)"/g)].map((match) => match[1] as string)));
  }
  const missing: string[] = [];
  let links = 0;
  for (const file of files) {
    if (/^(en\/api|criteria|assets)\//.test(file) || file === '404.html') continue;
    const html = readFileSync(join(dist, file), 'utf8');
    const content = html.slice(html.indexOf('<main'), html.indexOf('</main>'));
    for (const [, raw] of content.matchAll(/href="([^"]*#[^"]+)"/g)) {
      const href = (raw as string).replace(/&amp;/g, '&');
      if (/^[a-z]+:/i.test(href)) continue;
      const [path = '', fragment = ''] = href.split('#');
      let target = path === '' ? file : posix.normalize(posix.join(posix.dirname(`/${file}`), path)).slice(1);
      if (path.startsWith('/')) target = path.slice(sitePath.length);
      if (target === '' || target.endsWith('/')) target += 'index.html';
      if (!target.endsWith('.html')) target += '.html';
      links++;
      if (!ids.get(target)?.has(decodeURIComponent(fragment))) missing.push(`${file} → ${href}`);
    }
  }
  if (missing.length > 0) throw new Error(`${missing.length} missing: ${missing.slice(0, 10).join('; ')}`);
  return `${links} anchor links`;
});

await browser.close();
await served?.close();
console.log(
  failures === 0
    ? `docs:check passed; screenshots in ${shots}`
    : `docs:check FAILED: ${failures} check(s); screenshots in ${shots}`,
);
process.exit(failures === 0 ? 0 : 1);
