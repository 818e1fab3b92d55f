import * as http from 'node:http';
import { existsSync, promises as fs } from 'node:fs';
import type { AddressInfo } from 'node:net';
import * as path from 'node:path';
import { packageRoot } from '../node/rule-files';

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
  '.xml': 'application/xml; charset=utf-8',
  '.xlsx': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  '.map': 'application/json; charset=utf-8',
};

/**
 * What the browser may load: only this origin (the page, its scripts, the check worker, office.js),
 * plus blob: and data: for downloads and inline images. No request can leave for another origin.
 */
export const CONTENT_SECURITY_POLICY =
  "default-src 'self'; img-src 'self' data: blob:; style-src 'self' 'unsafe-inline'; connect-src 'self' blob:; worker-src 'self' blob:; frame-ancestors 'none'";

/** The plain page (no office.js); taskpane.html is the Excel add-in's page. */
export const STANDALONE_PAGE = 'index.html';

/**
 * The Host header names this server only: 127.0.0.1, localhost or [::1] with its own port.
 * Anything else (a DNS rebinding attack names the attacker's host) is refused.
 */
export function isOwnHost(host: string | undefined, port: number): boolean {
  if (!host) return false;
  const h = host.trim().toLowerCase();
  return [`127.0.0.1:${port}`, `localhost:${port}`, `[::1]:${port}`].includes(h);
}

/** Where webpack writes the pages (taskpane.html, the scripts, office-js/). */
export function addinDir(): string {
  return path.join(packageRoot(), 'dist', 'addin');
}

/**
 * Serves the built page (dist/addin/) on the loopback interface only. The page makes no request
 * to any other origin; the Content-Security-Policy says so to the browser as well.
 */
export function createStaticServer(root: string): http.Server {
  const base = path.resolve(root);
  const server = http.createServer(async (req, res) => {
    const port = (server.address() as AddressInfo | null)?.port ?? -1;
    if (!isOwnHost(req.headers.host, port)) {
      res
        .writeHead(421, { 'Content-Type': 'text/plain; charset=utf-8', 'Content-Security-Policy': CONTENT_SECURITY_POLICY })
        .end(`Fel värdnamn: Styrkoll svarar bara på http://127.0.0.1:${port}/ (eller localhost).`);
      return;
    }
    try {
      const url = new URL(req.url ?? '/', 'http://127.0.0.1');
      let rel = decodeURIComponent(url.pathname);
      if (rel.endsWith('/')) rel += STANDALONE_PAGE;
      const file = path.resolve(base, `.${rel}`);
      if (!file.startsWith(base + path.sep)) {
        res.writeHead(403).end('Förbjuden sökväg');
        return;
      }
      const body = await fs.readFile(file);
      res.writeHead(200, {
        'Content-Type': MIME[path.extname(file)] ?? 'application/octet-stream',
        'Content-Security-Policy': CONTENT_SECURITY_POLICY,
        'X-Content-Type-Options': 'nosniff',
        'Referrer-Policy': 'no-referrer',
        'Cache-Control': 'no-cache',
      });
      res.end(body);
    } catch {
      res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' }).end('Hittades inte');
    }
  });
  return server;
}

/** `npm run serve`: the built page on 127.0.0.1, port from PORT (or the first argument), default 3000. */
export function main(): void {
  const raw = process.env.PORT ?? process.argv[2] ?? '3000';
  const port = Number(raw);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    process.stderr.write(`Ogiltig port: ${raw}. Ange ett heltal mellan 1 och 65535, till exempel PORT=3000.\n`);
    process.exit(2);
  }
  const root = addinDir();
  if (!existsSync(path.join(root, STANDALONE_PAGE))) {
    process.stderr.write(`Sidan är inte byggd (${path.join(root, STANDALONE_PAGE)} saknas). Kör npm run build först.\n`);
    process.exit(1);
  }
  const server = createStaticServer(root);
  server.on('error', (e: NodeJS.ErrnoException) => {
    const why = e.code === 'EADDRINUSE' ? `porten ${port} används redan – välj en annan, till exempel PORT=3001 npm run serve` : e.message;
    process.stderr.write(`Kan inte starta servern: ${why}.\n`);
    process.exit(1);
  });
  server.listen(port, '127.0.0.1', () => {
    const actual = (server.address() as AddressInfo).port;
    process.stdout.write(`Styrkoll körs på http://127.0.0.1:${actual}/ – öppna adressen i webbläsaren. Filen lämnar aldrig din dator. Avsluta med Ctrl+C.\n`);
  });
}

if (require.main === module) main();
