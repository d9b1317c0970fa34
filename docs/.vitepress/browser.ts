// What the docs' browser scripts share (check-demos.ts, screenshots.ts): a static file server on 127.0.0.1 that
// answers VitePress's URL forms, and Debian's Chromium launched headless with no network of its own.
import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, sep } from 'node:path';
import { type Browser, chromium } from 'playwright';

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

export interface StaticSite {
  server: Server;
  /** http://127.0.0.1:port */
  origin: string;
  close(): Promise<void>;
}

/**
 * Serves `root` under `base` ('/' or '/nongthonmoi/'), with VitePress's URL forms (/page, /page.html, /dir/) and
 * its 404.html. `pages` adds generated pages (path → HTML), e.g. a harness page for the elements.
 */
export async function serveStatic(
  root: string,
  options: { base?: string; pages?: Record<string, string> } = {},
): Promise<StaticSite> {
  const base = (options.base ?? '/').replace(/\/?$/, '/');
  const server = createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://localhost');
    let path = decodeURIComponent(url.pathname);
    const page = options.pages?.[path];
    if (page !== undefined) {
      response.writeHead(200, { 'content-type': TYPES['.html'] }).end(page);
      return;
    }
    if (!path.startsWith(base)) {
      response.writeHead(404).end();
      return;
    }
    path = `/${path.slice(base.length)}`;
    let file = normalize(join(root, path));
    if (!file.startsWith(root + sep) && file !== root) {
      response.writeHead(403).end();
      return;
    }
    if (existsSync(file) && statSync(file).isDirectory()) file = join(file, 'index.html');
    else if (!existsSync(file) && existsSync(`${file}.html`)) file = `${file}.html`;
    if (!existsSync(file)) {
      const notFound = join(root, '404.html');
      response.writeHead(404, { 'content-type': TYPES['.html'] });
      if (existsSync(notFound)) createReadStream(notFound).pipe(response);
      else response.end();
      return;
    }
    response.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' });
    createReadStream(file).pipe(response);
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    server,
    origin,
    close: () => new Promise<void>((done) => server.close(() => done())),
  };
}

/** Debian's Chromium (/usr/bin/chromium, or $CHROMIUM), headless; nothing is downloaded. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
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
}
