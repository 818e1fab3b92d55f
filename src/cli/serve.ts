import * as http from 'node:http';
import { promises as fs } from 'node:fs';
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
 * Serves the built page (dist/) on the loopback interface only. The page makes no request to
 * any other origin; the Content-Security-Policy says so to the browser as well.
 */
export function createStaticServer(root: string): http.Server {
  const base = path.resolve(root);
  return http.createServer(async (req, res) => {
    try {
      const url = new URL(req.url ?? '/', 'http://127.0.0.1');
      let rel = decodeURIComponent(url.pathname);
      if (rel.endsWith('/')) rel += 'taskpane.html';
      const file = path.resolve(base, `.${rel}`);
      if (!file.startsWith(base + path.sep)) {
        res.writeHead(403).end('Förbjuden sökväg');
        return;
      }
      const body = await fs.readFile(file);
      res.writeHead(200, {
        'Content-Type': MIME[path.extname(file)] ?? 'application/octet-stream',
        'Content-Security-Policy': "default-src 'self'; img-src 'self' data: blob:; style-src 'self' 'unsafe-inline'; connect-src 'self' blob:; worker-src 'self' blob:",
        'Cache-Control': 'no-cache',
      });
      res.end(body);
    } catch {
      res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' }).end('Hittades inte');
    }
  });
}

if (require.main === module) {
  const port = Number(process.env.PORT ?? process.argv[2] ?? 3000);
  const root = path.join(packageRoot(), 'dist');
  const server = createStaticServer(root);
  server.listen(port, '127.0.0.1', () => {
    process.stdout.write(`Styrkoll körs på http://127.0.0.1:${port}/ – allt stannar i din webbläsare. Avsluta med Ctrl+C.\n`);
  });
}
