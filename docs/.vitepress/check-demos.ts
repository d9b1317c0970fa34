// Checks the BUILT documentation site in headless Chromium: the demo pages load the scorecard's standalone
// bundle and render <ntm-scorecard> and <ntm-district-board> with the Nam Trực data, and the form evaluates a
// commune in the browser. Prints one line per check (PASS / FAIL) and exits with 1 when any check fails.
//
//   pnpm docs:build && tsx docs/.vitepress/check-demos.ts [--screenshots .tmp/docs-screenshots] [--dist <dir>]
//   tsx docs/.vitepress/check-demos.ts --url http://localhost:5173/     (a running `vitepress dev docs`)
//
// Serves docs/.vitepress/dist with a small static server on a free port (nothing else is contacted: requests
// to other origins are refused and reported), and uses Debian's Chromium (/usr/bin/chromium, or $CHROMIUM).
import { createReadStream, existsSync, mkdirSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { dirname, extname, join, normalize, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Locator, type Page } from 'playwright';

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

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
};

// A static server for the built site, with VitePress's URL forms (/page, /page.html, /dir/).
const server = createServer((request, response) => {
  const url = new URL(request.url ?? '/', 'http://localhost');
  let path = decodeURIComponent(url.pathname);
  if (!path.startsWith(base)) {
    response.writeHead(404).end();
    return;
  }
  path = `/${path.slice(base.length)}`;
  let file = normalize(join(dist, path));
  if (!file.startsWith(dist + sep) && file !== dist) {
    response.writeHead(403).end();
    return;
  }
  if (existsSync(file) && statSync(file).isDirectory()) file = join(file, 'index.html');
  else if (!existsSync(file) && existsSync(`${file}.html`)) file = `${file}.html`;
  if (!existsSync(file)) {
    response.writeHead(404, { 'content-type': TYPES['.html'] });
    createReadStream(join(dist, '404.html')).pipe(response);
    return;
  }
  response.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' });
  createReadStream(file).pipe(response);
});
if (!running) await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
const origin = running ? running.origin : `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
const sitePath = running ? running.pathname.replace(/\/?$/, '/') : base;
const site = (path: string) => `${origin}${sitePath}${path.replace(/^\//, '')}`;

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
  args: [
    '--headless',
    '--no-sandbox',
    '--disable-gpu',
    '--disable-quic',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
  ],
});

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

async function open(path: string, options: { dark?: boolean } = {}): Promise<Watched> {
  const context = await browser.newContext({
    viewport: { width: 1280, height: 900 },
    colorScheme: options.dark ? 'dark' : 'light',
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
  await page.addStyleTag({ content: '.VPNav, .VPLocalNav { visibility: hidden !important; }' });
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

// 1. Nam Trực: the scorecard and the board from precomputed evaluations.
const namTruc = await open('demos/nam-truc.html');
const card = namTruc.page.locator('ntm-scorecard').first();
const board = namTruc.page.locator('ntm-district-board').first();
await check('nam-truc: <ntm-scorecard> renders Nam Mỹ', async () => {
  const text = await waitForShadowText(card, /tiêu chí đạt/);
  if (!text.includes('Nam Mỹ')) throw new Error('the scorecard does not name Nam Mỹ');
  if (!/kỳ trước \(15\/11\/2023\)/i.test(text))
    throw new Error('no comparison with the review of 15/11/2023');
  await card.screenshot({ path: join(shots, 'nam-truc-scorecard.png') });
  return /\d+\/\d+ tiêu chí đạt/.exec(text)?.[0];
});
await check('nam-truc: <ntm-district-board> renders 8 communes', async () => {
  const text = await waitForShadowText(board, /tiêu chí đạt/);
  const rows = await board.evaluate(
    (element) => element.shadowRoot?.querySelectorAll('tbody tr').length ?? 0,
  );
  if (rows !== 8) throw new Error(`${rows} rows instead of 8`);
  await board.screenshot({ path: join(shots, 'nam-truc-board.png') });
  return `${rows} rows; ${/\d+\/\d+ xã đạt chuẩn[^.;]*/.exec(text)?.[0] ?? ''}`.trim();
});
await check('nam-truc: the board opens a commune, in English', async () => {
  await namTruc.page.locator('.ntm-demo').nth(1).locator('select').first().selectOption('en');
  await waitForShadowText(board, /criteria met/);
  await board.evaluate((element) =>
    (element as HTMLElement & { showCommune(id: string): boolean }).showCommune('nam-my'),
  );
  const text = await waitForShadowText(board, /Back to|Nam Mỹ/);
  await board.screenshot({ path: join(shots, 'nam-truc-board-detail-en.png') });
  if (!text.includes('Nam Mỹ')) throw new Error('the detail view does not show Nam Mỹ');
  return undefined;
});
await check('nam-truc: no console error, no failed or foreign request', async () => {
  noProblems(namTruc);
  const bundle = namTruc.requests.filter((url) => url.endsWith('/demo/ntm-scorecard.js')).length;
  if (bundle !== 1) throw new Error(`the bundle was requested ${bundle} times`);
  if (namTruc.requests.some((url) => url.includes('ntm-scorecard-evaluate.js'))) {
    throw new Error('the engine was downloaded for precomputed results');
  }
  return 'bundle loaded once, engine not loaded';
});
await namTruc.page.context().close();

// 2. The form: src mode, with a blob: URL of the commune's JSON.
const form = await open('demos/evaluate-a-commune.html');
const formCard = form.page.locator('ntm-scorecard').first();
const status = form.page.locator('.ntm-demo-status code').first();
await check('evaluate-a-commune: evaluates the default commune in the browser', async () => {
  const text = await waitForShadowText(formCard, /tiêu chí đạt/);
  await status.filter({ hasText: 'ntm-load' }).waitFor({ timeout: TIMEOUT });
  if (!form.requests.some((url) => url.endsWith('/demo/ntm-scorecard-evaluate.js'))) {
    throw new Error('the engine file was not fetched');
  }
  const src = await formCard.evaluate((element) => (element as HTMLElement & { src: string | null }).src);
  if (!src?.startsWith('blob:')) throw new Error(`src is ${src}`);
  await form.page.screenshot({ path: join(shots, 'evaluate-a-commune.png'), fullPage: true });
  return `${await status.textContent()}; ${/\d+\/\d+ tiêu chí đạt/.exec(text)?.[0]}`;
});
await check('evaluate-a-commune: a changed input changes the result', async () => {
  await form.page.locator('input[name="health_insurance_pct"]').fill('90');
  await form.page.getByRole('button', { name: /evaluate/i }).click();
  const text = await waitForShadowText(formCard, /90 %|90,0 %/);
  return /Thực tế: 90[^M]*/.exec(text)?.[0];
});
await check('evaluate-a-commune: a percentage of 130 is refused by the engine', async () => {
  await form.page.locator('input[name="health_insurance_pct"]').fill('130');
  await form.page.getByRole('button', { name: /evaluate/i }).click();
  await status.filter({ hasText: 'invalid-commune' }).waitFor({ timeout: TIMEOUT });
  await formCard.screenshot({ path: join(shots, 'evaluate-a-commune-invalid.png') });
  return (await status.textContent()) ?? undefined;
});
await check('evaluate-a-commune: kiểu mẫu in Nam Định uses the province target', async () => {
  await form.page.locator('input[name="health_insurance_pct"]').fill('96');
  await form.page.locator('select[name="level"]').selectOption('kieu-mau');
  await form.page.getByRole('button', { name: /evaluate/i }).click();
  await status.filter({ hasText: 'ntm-load' }).waitFor({ timeout: TIMEOUT });
  const text = await shadowText(formCard);
  if (!/23\/2022\/QĐ-UBND/.test(text)) throw new Error('no reference to 23/2022/QĐ-UBND');
  return (await status.textContent()) ?? undefined;
});
await check('evaluate-a-commune: nâng cao in 2026 names the framework in force', async () => {
  await form.page.locator('select[name="level"]').selectOption('nang-cao');
  await form.page.locator('input[name="as-of"]').fill('2026-03-01');
  await form.page.getByRole('button', { name: /evaluate/i }).click();
  await status.filter({ hasText: 'edition-not-found' }).waitFor({ timeout: TIMEOUT });
  const text = await shadowText(formCard);
  if (!text.includes('51/2025/QĐ-TTg')) throw new Error('the error does not name 51/2025/QĐ-TTg');
  return undefined;
});
await check('evaluate-a-commune: no console error, no failed or foreign request', async () => {
  noProblems(form);
  return undefined;
});
await form.page.context().close();

// 3. The other pages render (home, a criteria page, the API reference), in dark mode for one.
await check('pages: home, criteria catalog, API reference, ntm commands', async () => {
  const checked: string[] = [];
  for (const [path, text] of [
    ['index.html', 'Nông thôn mới'],
    ['criteria/index.html', 'vn/xa-nang-cao/2021-2025'],
    ['api/scorecard/classes/NtmScorecard.html', 'CSS parts'],
    ['api/ntm-commands.html', 'ntm evaluate'],
  ] as const) {
    const watched = await open(path, { dark: path === 'index.html' });
    try {
      await watched.page.waitForFunction((t) => document.body.textContent?.includes(t), text, {
        timeout: TIMEOUT,
      });
    } catch {
      throw new Error(`${path} does not contain "${text}"`);
    }
    const shot = path.replace(/\.html$/, '').replace(/\//g, '-');
    await watched.page.screenshot({
      path: join(shots, `page-${shot}${path === 'index.html' ? '-dark' : ''}.png`),
    });
    noProblems(watched);
    await watched.page.context().close();
    checked.push(path);
  }
  return `${checked.length} pages`;
});

await browser.close();
if (server.listening) server.close();
console.log(
  failures === 0
    ? `docs:check passed; screenshots in ${shots}`
    : `docs:check FAILED: ${failures} check(s); screenshots in ${shots}`,
);
process.exit(failures === 0 ? 0 : 1);
