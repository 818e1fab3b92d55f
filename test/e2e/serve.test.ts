/**
 * `npm run serve` (dist/src/cli/serve.js): serves dist/addin on 127.0.0.1 with the page at "/",
 * prints the URL, sends the Content-Security-Policy with every file and never leaves its folder.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { request } from 'node:http';
import path from 'node:path';
import { ADDIN, ROOT, requireBuild, startHarness } from './browser-harness';

/** A GET with a chosen Host header (fetch does not let a caller set it). */
function getWithHost(url: string, host: string): Promise<{ status: number; body: string; csp: string }> {
  return new Promise((resolve, reject) => {
    const req = request(url, { headers: { Host: host } }, (res) => {
      let body = '';
      res.setEncoding('utf8').on('data', (d) => (body += d));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body, csp: String(res.headers['content-security-policy'] ?? '') }));
    });
    req.on('error', reject);
    req.end();
  });
}

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
  expect(await res.text()).toBe(readFileSync(path.join(ADDIN, 'index.html'), 'utf8'));
  const csp = res.headers.get('content-security-policy') ?? '';
  expect(csp).toContain("default-src 'self'");
  expect(csp).toContain("worker-src 'self' blob:");
  expect(csp).toContain("frame-ancestors 'none'");
});

/** Microsoft's CDN copy of office.js, which the add-in's pages must load (production requirement). */
const OFFICE_JS_CDN = 'https://appsforoffice.microsoft.com/lib/1/hosted/office.js';

it('the plain page does not include office.js; the add-in pages load it from Microsoft\'s CDN', () => {
  const plain = readFileSync(path.join(ADDIN, 'index.html'), 'utf8');
  const addin = readFileSync(path.join(ADDIN, 'taskpane.html'), 'utf8');
  const commands = readFileSync(path.join(ADDIN, 'commands.html'), 'utf8');
  expect(plain).not.toMatch(/office\.js/i);
  const scripts = (html: string) => [...html.matchAll(/<script[^>]*\ssrc=["']?([^"' >]+)/g)].map((m) => m[1]);
  for (const page of [addin, commands]) {
    expect(scripts(page)).toContain(OFFICE_JS_CDN);
    // No copy from the add-in's own origin any more.
    expect(scripts(page).filter((s) => /office/i.test(s) && s !== OFFICE_JS_CDN)).toEqual([]);
  }
  expect(existsSync(path.join(ADDIN, 'office-js'))).toBe(false);
  // The same pane script in both.
  const script = (html: string) => /src=["']?(taskpane\.[0-9a-f]+\.js)/.exec(html)?.[1];
  expect(script(plain)).toBeDefined();
  expect(script(plain)).toBe(script(addin));
});

it('the add-in page opened with no network (CDN unreachable) still starts, standalone', async () => {
  const harness = await startHarness();
  try {
    const cdn: string[] = [];
    await harness.context.route('https://appsforoffice.microsoft.com/**', (route) => {
      cdn.push(route.request().url());
      return route.abort('internetdisconnected');
    });
    const page = await harness.context.newPage();
    await page.goto(`${harness.origin}/taskpane.html`);
    await page.waitForSelector('#app[data-ready="standalone"]', { timeout: 30_000 });
    expect(await page.evaluate(() => typeof (globalThis as { Office?: unknown }).Office)).toBe('undefined');
    expect(await page.locator('label[for=file]').textContent()).toContain('Välj arbetsbok');
    // The page asked for office.js (or the CSP refused it before asking); it never got it.
    expect(cdn.every((u) => u === OFFICE_JS_CDN)).toBe(true);
  } finally {
    await harness.close();
  }
});

it('answers only requests for its own host (127.0.0.1, localhost, [::1] with its port)', async () => {
  const port = new URL(url).port;
  for (const host of [`127.0.0.1:${port}`, `localhost:${port}`, `[::1]:${port}`, `LOCALHOST:${port}`]) {
    expect([host, (await getWithHost(url, host)).status]).toEqual([host, 200]);
  }
  // DNS rebinding names the attacker's host; a wrong port or no port is refused too.
  for (const host of [`evil.example:${port}`, 'evil.example', `127.0.0.1:${Number(port) + 1}`, '127.0.0.1', `127.0.0.1.nip.io:${port}`]) {
    const res = await getWithHost(url, host);
    expect([host, res.status]).toEqual([host, 421]);
    expect(res.body).toBe(`Fel värdnamn: Styrkoll svarar bara på http://127.0.0.1:${port}/ (eller localhost).`);
    expect(res.body).not.toContain('<html');
  }
});

it('the plain page in Chromium asks nothing of any host but the loopback server, and never loads office.js', async () => {
  const harness = await startHarness();
  try {
    const page = await harness.open();
    const errors: string[] = [];
    page.on('console', (m) => (m.type() === 'error' ? errors.push(m.text()) : undefined));
    await page.waitForTimeout(500);
    // Started (open() waits for data-ready="standalone") with no Office at all.
    expect(await page.evaluate(() => typeof (globalThis as { Office?: unknown }).Office)).toBe('undefined');
    const requests = [...new Set(harness.requests)];
    expect(requests).toContain(`${harness.origin}/`);
    const elsewhere = requests.filter((u) => !u.startsWith('blob:') && !u.startsWith('data:') && !['127.0.0.1', 'localhost', '[::1]'].includes(new URL(u).hostname));
    expect(elsewhere).toEqual([]);
    expect(requests.filter((u) => /office/i.test(u))).toEqual([]);
    expect(errors).toEqual([]);
  } finally {
    await harness.close();
  }
});

it('serves the page\'s scripts and refuses paths outside dist/addin', async () => {
  const html = readFileSync(path.join(ADDIN, 'index.html'), 'utf8');
  const script = /src=["']?(taskpane\.[0-9a-f]+\.js)/.exec(html)![1];
  const js = await fetch(`${url}${script}`);
  expect([js.status, js.headers.get('content-type')]).toEqual([200, 'text/javascript; charset=utf-8']);
  expect((await fetch(`${url}..%2f..%2fpackage.json`)).status).toBe(403);
  expect((await fetch(`${url}finns-inte.js`)).status).toBe(404);
});
