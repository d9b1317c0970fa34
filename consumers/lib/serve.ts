import { createReadStream, statSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, resolve, sep } from 'node:path';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
};

export interface StaticServer {
  url: string;
  /** Paths requested so far, in order, with the status served. */
  log: { path: string; status: number }[];
  close(): Promise<void>;
}

/** A tiny static file server over `root` on 127.0.0.1 and a free port, the way a portal serves files. */
export function serveStatic(rootDir: string): Promise<StaticServer> {
  const root = resolve(rootDir);
  const log: StaticServer['log'] = [];
  const server = createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://127.0.0.1');
    const send = (status: number, body: string) => {
      log.push({ path: url.pathname, status });
      response.writeHead(status, { 'content-type': 'text/plain; charset=utf-8' }).end(body);
    };
    let path = normalize(join(root, decodeURIComponent(url.pathname)));
    if (path !== root && !path.startsWith(root + sep)) return send(403, 'forbidden');
    try {
      if (statSync(path).isDirectory()) path = join(path, 'index.html');
      if (!statSync(path).isFile()) return send(404, 'not found');
    } catch {
      return send(404, 'not found');
    }
    log.push({ path: url.pathname, status: 200 });
    response.writeHead(200, {
      'content-type': TYPES[extname(path)] ?? 'application/octet-stream',
      'cache-control': 'no-store',
    });
    createReadStream(path).pipe(response);
  });
  return new Promise((resolvePromise, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      resolvePromise({
        url: `http://127.0.0.1:${port}`,
        log,
        close: () =>
          new Promise<void>((done) => {
            server.closeAllConnections();
            server.close(() => done());
          }),
      });
    });
  });
}
