import { existsSync } from 'node:fs';
import { type Browser, chromium, type Page } from 'playwright';
import { CheckError } from './exec.js';

/** Debian's Chromium: nothing here downloads a browser. Override with CHROMIUM_PATH. */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export async function launchChromium(): Promise<Browser> {
  if (!existsSync(CHROMIUM)) {
    throw new CheckError(
      `Chromium not found at ${CHROMIUM}`,
      'Install it with `apt-get install -y chromium`, or set CHROMIUM_PATH.',
    );
  }
  return chromium.launch({ executablePath: CHROMIUM, args: ARGS, headless: true, timeout: 60_000 });
}

/** A page that records what it logged, threw and fetched, to explain a failure. */
export interface WatchedPage {
  page: Page;
  /** Every URL the page requested. */
  requests: string[];
  /** Console messages, page errors and failed requests, in order. */
  events: string[];
  /** The page's record, for a failure message. */
  describe(): string;
  close(): Promise<void>;
}

export async function openPage(browser: Browser, url: string): Promise<WatchedPage> {
  const context = await browser.newContext({ locale: 'vi-VN', serviceWorkers: 'block' });
  const page = await context.newPage();
  const requests: string[] = [];
  const events: string[] = [];
  page.on('request', (request) => requests.push(request.url()));
  page.on('console', (message) => events.push(`console.${message.type()}: ${message.text()}`));
  page.on('pageerror', (error) => events.push(`pageerror: ${error.stack ?? error.message}`));
  page.on('requestfailed', (request) =>
    events.push(`requestfailed: ${request.url()} (${request.failure()?.errorText ?? '?'})`),
  );
  page.on('response', (response) => {
    if (response.status() >= 400) events.push(`HTTP ${response.status()}: ${response.url()}`);
  });
  const watched: WatchedPage = {
    page,
    requests,
    events,
    describe: () =>
      [
        `--- page ${url}`,
        `requests:\n${requests.map((r) => `  ${r}`).join('\n') || '  (none)'}`,
        `console, errors and failed requests:\n${events.map((e) => `  ${e}`).join('\n') || '  (none)'}`,
      ].join('\n'),
    close: () => context.close(),
  };
  try {
    await page.goto(url, { waitUntil: 'load', timeout: 30_000 });
  } catch (error) {
    throw new CheckError(`could not load ${url}: ${(error as Error).message}`, watched.describe());
  }
  return watched;
}

/**
 * The visible text of an element's shadow root (nested shadow roots included, styles left out), with
 * whitespace collapsed. Empty string when the element or its shadow root is missing.
 */
// Kept as source text: tsx (esbuild) wraps named functions in a `__name` helper that does not exist in the page.
const SHADOW_TEXT = `(selector) => {
  const element = document.querySelector(selector);
  if (!element || !element.shadowRoot) return '';
  const parts = [];
  const walk = (node) => {
    if (node.nodeType === Node.TEXT_NODE) parts.push(node.textContent || '');
    if (node instanceof Element) {
      if (node.localName === 'style' || node.localName === 'script') return;
      if (node.shadowRoot) walk(node.shadowRoot);
    }
    for (const child of Array.from(node.childNodes)) walk(child);
  };
  walk(element.shadowRoot);
  return parts.join(' ').replace(/\\s+/g, ' ').trim();
}`;

export function shadowText(page: Page, selector: string): Promise<string> {
  return page.evaluate(`(${SHADOW_TEXT})(${JSON.stringify(selector)})`) as Promise<string>;
}

/** Waits until the element's shadow text matches; throws a readable CheckError (with the page's record) otherwise. */
export async function waitForShadowText(
  watched: WatchedPage,
  selector: string,
  expected: string | RegExp,
  timeoutMs = 20_000,
): Promise<string> {
  const deadline = Date.now() + timeoutMs;
  let text = '';
  for (;;) {
    text = await shadowText(watched.page, selector);
    const ok = typeof expected === 'string' ? text.includes(expected) : expected.test(text);
    if (ok) return text;
    if (Date.now() > deadline) break;
    await new Promise((resolve) => setTimeout(resolve, 150));
  }
  const defined = await watched.page.evaluate((sel) => {
    const element = document.querySelector(sel);
    return {
      present: !!element,
      defined: element ? !!customElements.get(element.localName) : false,
      shadow: !!element?.shadowRoot,
    };
  }, selector);
  throw new CheckError(
    `${selector} never showed ${JSON.stringify(String(expected))} within ${timeoutMs / 1000} s ` +
      `(element ${defined.present ? 'present' : 'missing'}, ${defined.defined ? 'defined' : 'NOT defined'}, ` +
      `${defined.shadow ? 'has a shadow root' : 'no shadow root'})`,
    [`--- shadow text of ${selector}\n${text.slice(0, 1500) || '(empty)'}`, watched.describe()].join('\n'),
  );
}
