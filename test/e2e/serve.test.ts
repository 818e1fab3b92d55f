/**
 * `npm run serve` (dist/src/cli/serve.js): serves dist/addin on 127.0.0.1 with the page at "/",
 * prints the URL, sends the Content-Security-Policy with every file and never leaves its folder.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { ADDIN, ROOT, requireBuild } from './browser-harness';

let child: ChildProcess;
let url: string;

beforeAll(async () => {
  requireBuild();
  child = spawn(process.execPath, [path.join(ROOT, 'dist', 'src', 'cli', 'serve.js')], { env: { ...process.env, PORT: '0' }, stdio: ['ignore', 'pipe', 'pipe'] });
  url = await new Promise<string>((resolve, reject) => {
    let out = '';
    child.stdout!.on('data', (d: Buffer) => {
      out += d.toString();
      const m = /http:\/\/127\.0\.0\.1:\d+\//.exec(out);
      if (m) resolve(m[0]);
    });
    child.on('exit', (code) => reject(new Error(`serve exited with ${code}: ${out}`)));
  });
});

afterAll(() => {
  child?.kill();
});

it('prints a loopback URL and serves the built page there, with its Content-Security-Policy', async () => {
  expect(url).toMatch(/^http:\/\/127\.0\.0\.1:[1-9]\d*\/$/);
  const res = await fetch(url);
  expect(res.status).toBe(200);
  expect(await res.text()).toBe(readFileSync(path.join(ADDIN, 'taskpane.html'), 'utf8'));
  const csp = res.headers.get('content-security-policy') ?? '';
  expect(csp).toContain("default-src 'self'");
  expect(csp).toContain("worker-src 'self' blob:");
});

it('serves the page\'s scripts and refuses paths outside dist/addin', async () => {
  const html = readFileSync(path.join(ADDIN, 'taskpane.html'), 'utf8');
  const script = /src=["']?(taskpane\.[0-9a-f]+\.js)/.exec(html)![1];
  const js = await fetch(`${url}${script}`);
  expect([js.status, js.headers.get('content-type')]).toEqual([200, 'text/javascript; charset=utf-8']);
  expect((await fetch(`${url}..%2f..%2fpackage.json`)).status).toBe(403);
  expect((await fetch(`${url}finns-inte.js`)).status).toBe(404);
});
