/**
 * Renders the task pane in headless Chromium with fake services and fake findings: it must fit
 * 320 px without sideways scrolling, pass axe's serious checks, jump to a finding's cell on click,
 * filter, and make no request outside its own origin when office.js finds no Office host.
 * STYRKOLL_SCREENSHOT=1 also writes docs/taskpane.png (320 px and 450 px side by side).
 */
import { createServer, type Server } from 'node:http';
import { mkdirSync, readFileSync, existsSync, copyFileSync } from 'node:fs';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import webpack from 'webpack';
import { chromium, type Browser, type Page } from 'playwright-core';

const root = path.resolve(__dirname, '..', '..');
const out = path.join(root, 'test', '.out', 'taskpane-preview');
const officeJs = path.join(root, 'node_modules', '@microsoft', 'office-js', 'dist');

function build(): Promise<void> {
  const compiler = webpack({
    mode: 'development',
    devtool: false,
    entry: { preview: path.join(root, 'taskpane', 'preview', 'preview.ts') },
    output: { path: out, filename: '[name].js' },
    resolve: { extensions: ['.ts', '.js'] },
    module: { rules: [{ test: /\.ts$/, exclude: /node_modules/, use: { loader: 'ts-loader', options: { transpileOnly: true, compilerOptions: { module: 'esnext' } } } }] },
  });
  return new Promise((resolve, reject) =>
    compiler.run((err, stats) => {
      if (err || stats?.hasErrors()) reject(err ?? new Error(stats!.toString('errors-only')));
      else compiler.close(() => resolve());
    }),
  );
}

const TYPES: Record<string, string> = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.css': 'text/css', '.png': 'image/png' };

/** Both widths side by side, from the two screenshots. */
function compareHtml(): string {
  const img = (w: number) => {
    const data = readFileSync(path.join(root, 'test', '.out', `taskpane-${w}.png`)).toString('base64');
    return `<figure><figcaption>${w} px</figcaption><img src="data:image/png;base64,${data}" width="${w}" alt=""></figure>`;
  };
  return `<!doctype html><html lang="sv"><head><meta charset="utf-8"><style>body{margin:0;padding:16px;background:#e8e8e8;display:flex;align-items:flex-start;gap:24px;font:12px 'Segoe UI',sans-serif;color:#616161}figure{margin:0}img{display:block;margin-top:6px;border:1px solid #d1d1d1}</style></head><body>${img(320)}${img(450)}</body></html>`;
}

function resolveFile(url: string): string | null {
  const p = decodeURIComponent(new URL(url, 'http://x').pathname);
  if (p === '/preview.html') return path.join(root, 'taskpane', 'preview', 'preview.html');
  if (p === '/preview.js') return path.join(out, 'preview.js');
  if (p === '/taskpane.css') return path.join(root, 'taskpane', 'taskpane.css');
  if (/^\/assets\/icon-\d+\.png$/.test(p)) return path.join(root, p);
  if (p.startsWith('/office-js/') && !p.includes('..')) return path.join(officeJs, p.slice('/office-js/'.length));
  return null;
}

let server: Server;
let origin: string;
let browser: Browser;

beforeAll(async () => {
  mkdirSync(out, { recursive: true });
  await build();
  server = createServer((req, res) => {
    if (req.url === '/compare.html') {
      res.writeHead(200, { 'content-type': TYPES['.html'] }).end(compareHtml());
      return;
    }
    const file = resolveFile(req.url ?? '/');
    if (!file || !existsSync(file)) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { 'content-type': TYPES[path.extname(file)] ?? 'application/octet-stream' }).end(readFileSync(file));
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--no-sandbox', '--headless', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
  });
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await new Promise((r) => server?.close(r));
});

async function open(width: number, query = ''): Promise<{ page: Page; requests: string[] }> {
  const page = await browser.newPage({ viewport: { width, height: 900 } });
  const requests: string[] = [];
  page.on('request', (r) => requests.push(r.url()));
  await page.goto(`${origin}/preview.html${query}`);
  await page.waitForFunction(() => window.preview?.ready === true, undefined, { timeout: 30_000 });
  return { page, requests };
}

describe('task pane in Chromium', () => {
  it.each([320, 450])('fits %i px without sideways scrolling and shows every finding grouped', async (width) => {
    const { page } = await open(width);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBe(0);
    expect(await page.locator('.finding').count()).toBe(9);
    expect(await page.locator('.group-title').allTextContents()).toEqual(['Budget', 'Mål', 'Mål och medel', 'Röd tråd', 'Årshjul', 'Indata']);
    expect(await page.locator('.tile-count').allTextContents()).toEqual(['3', '4', '2']);
    await page.screenshot({ path: path.join(root, 'test', '.out', `taskpane-${width}.png`), clip: { x: 0, y: 0, width, height: 1100 }, fullPage: true });
    await page.close();
  });

  it('selects the cell of a clicked finding', async () => {
    const { page } = await open(320);
    await page.locator('.finding-button', { hasText: 'Äldreomsorg' }).click();
    expect(await page.evaluate(() => window.preview.selected)).toEqual(['Budget!F17']);
    await page.close();
  });

  it('filters by text, severity and nämnd', async () => {
    const { page } = await open(320);
    await page.fill('.search-input', 'simhall');
    expect(await page.locator('.finding').count()).toBe(1);
    await page.fill('.search-input', '');
    await page.click('.chip-info');
    await page.click('.chip-varning');
    expect(await page.locator('.finding').count()).toBe(3);
    await page.click('.chip-info');
    await page.click('.chip-varning');
    await page.selectOption('.filters select', 'Socialnämnden');
    expect(await page.locator('.finding').count()).toBe(2);
    expect(await page.locator('.filter-status').textContent()).toBe('Visar 2 av 9 fynd');
    await page.close();
  });

  it('saves the settings form and refuses a threshold that is not a number', async () => {
    const { page } = await open(320);
    await page.click('#tab-installningar');
    expect(await page.inputValue('#threshold-0')).toBe('3');
    await page.screenshot({ path: path.join(root, 'test', '.out', 'taskpane-settings.png') });
    await page.fill('#threshold-1', 'fem');
    await page.click('.settings button[type=submit]');
    expect(await page.locator('.form-feedback.error').textContent()).toContain('måste vara ett tal');
    await page.fill('#threshold-1', '4,5');
    await page.selectOption('#profile', 'flen');
    await page.click('.settings button[type=submit]');
    expect(await page.evaluate(() => window.preview.saved)).toEqual([{ profile: 'flen', thresholds: { 'Tröskel varning %': 3, 'Tröskel fel %': 4.5 } }]);
    await page.close();
  });

  it('creates reports for the chosen nämnder through the ReportService', async () => {
    const { page } = await open(320);
    await page.click('#tab-rapporter');
    await page.uncheck('input[value="Tekniska nämnden"]');
    await page.check('input[value="workbooks"]');
    await page.click('.report-form button[type=submit]');
    await page.waitForSelector('.report-feedback .message-bar.success');
    await page.screenshot({ path: path.join(root, 'test', '.out', 'taskpane-reports.png'), fullPage: true });
    const reports = (await page.evaluate(() => window.preview.reports)) as { mode: string; namnder: string[] }[];
    expect(reports.map((r) => [r.mode, r.namnder.length])).toEqual([['workbooks', 3]]);
    await page.close();
  });

  it('shows what was read in a folded Inläst section and Koppla kolumner with what was recognised', async () => {
    const { page } = await open(320);
    expect(await page.locator('.message-area .message-bar.success').count()).toBe(1);
    const inlast = page.locator('details.inlast');
    expect(await inlast.evaluate((d) => (d as HTMLDetailsElement).open)).toBe(false);
    await inlast.locator('summary').click();
    expect(await inlast.locator('li').allTextContents()).toEqual(['Budget: bladet Budget (hittat efter namnet), rubrikrad 1, rad 2–40: 39 budgetrader.', 'Enhet: tkr (Belopp i i bladet Inställningar).']);
    const koppla = page.locator('details.koppla');
    expect(await koppla.evaluate((d) => (d as HTMLDetailsElement).open)).toBe(false);
    await koppla.locator('summary').click();
    expect(await page.inputValue('#koppla-blad')).toBe('Budget');
    expect(await page.inputValue('#koppla-budget')).toBe('Budget');
    expect(await page.inputValue('#koppla-utfall')).toBe('Utfall');
    expect(await page.inputValue('#koppla-typ')).toBe('');
    expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBe(0);
    await page.close();
  });

  it('with no budget data: a red message with the suggestion, never "klar"; Koppla kolumner saves and checks again', async () => {
    const { page } = await open(320, '?budget=no');
    expect(await page.locator('.message-area .message-bar.success').count()).toBe(0);
    const bar = page.locator('.message-area .message-bar.error');
    expect(await bar.locator('.message-title').textContent()).toBe('Ingen budgetdata hittades');
    expect(await bar.textContent()).toContain('Döp bladet med budgetraderna till Budget');
    expect(await page.locator('.all-clear').count()).toBe(0);
    // Inläst and Koppla kolumner are open at once: they are what to look at next.
    expect(await page.locator('details.inlast').evaluate((d) => (d as HTMLDetailsElement).open)).toBe(true);
    expect(await page.locator('details.inlast li').first().textContent()).toContain('Inte läst: bladet Blad1');
    expect(await page.locator('details.koppla').evaluate((d) => (d as HTMLDetailsElement).open)).toBe(true);
    expect(await page.locator('.koppla-status').textContent()).toContain('Ingen budget kändes igen');
    await bar.getByRole('button', { name: 'Koppla kolumner' }).click();
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('koppla-blad');
    expect(await page.inputValue('#koppla-rubrikrad')).toBe('3');
    expect(await page.locator('#koppla-budget option').allTextContents()).toEqual(['(ingen)', 'A: Ansvar', 'B: Ansvar (T)', 'C: Årsbudget', 'D: Ack. utfall', 'E: Helårsbedömning', 'F: Notering']);
    // Without a Budget column it cannot be read: said next to the button, nothing saved.
    await page.click('.koppla-form button[type=submit]');
    expect(await page.locator('.koppla .form-feedback.error').textContent()).toContain('Välj kolumnen för Budget');
    expect(await page.evaluate(() => window.preview.mappings)).toEqual([]);
    await page.selectOption('#koppla-budget', 'Årsbudget');
    await page.selectOption('#koppla-utfall', 'Ack. utfall');
    await page.selectOption('#koppla-prognos', 'Helårsbedömning');
    await page.selectOption('#koppla-namnd', 'Ansvar (T)');
    await page.screenshot({ path: path.join(root, 'test', '.out', 'taskpane-koppla.png'), fullPage: true });
    await page.click('.koppla-form button[type=submit]');
    await page.waitForSelector('.message-area .message-bar.success');
    expect(await page.evaluate(() => window.preview.mappings)).toEqual([{ sheet: 'Blad1', headerRow: 3, columns: { budget: 'Årsbudget', utfall: 'Ack. utfall', prognos: 'Helårsbedömning', namnd: 'Ansvar (T)' } }]);
    expect(await page.evaluate(() => window.preview.checks)).toBe(2);
    expect(await page.locator('.koppla .form-feedback.ok').textContent()).toContain('Sparat i Inställningar');
    // The saved mapping is what the form shows now, and it can be removed again.
    expect(await page.inputValue('#koppla-budget')).toBe('Årsbudget');
    await page.getByRole('button', { name: 'Ta bort kopplingen' }).click();
    await page.waitForSelector('.koppla .form-feedback.ok:has-text("borttagen")');
    expect(await page.evaluate(() => window.preview.mappings.slice(1))).toEqual([{ sheet: null, headerRow: null, columns: {} }]);
    expect(await page.evaluate(() => window.preview.checks)).toBe(3);
    expect(await page.locator('.message-area .message-bar.error .message-title').textContent()).toBe('Ingen budgetdata hittades');
    await page.close();
  });

  it.each(['', '?budget=no'])('has no serious accessibility violations (axe-core) %s', async (query) => {
    const { page } = await open(320, query);
    await page.evaluate(() => document.querySelectorAll('details').forEach((d) => ((d as HTMLDetailsElement).open = true)));
    await page.addScriptTag({ path: require.resolve('axe-core/axe.min.js') });
    const violations = await page.evaluate(async () => {
      const r = await (window as unknown as { axe: { run(): Promise<{ violations: { id: string; impact: string }[] }> } }).axe.run();
      return r.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id);
    });
    expect(violations).toEqual([]);
    await page.close();
  });

  it('outside Office, the real office.js reports no host: standalone, with a file picker and no outside request', async () => {
    const { page, requests } = await open(320, '?host=standalone');
    expect(await page.evaluate(() => window.preview.host)).toBe('standalone');
    expect(await page.locator('label[for=file]').textContent()).toContain('Välj arbetsbok');
    expect(await page.locator('.btn-large').isDisabled()).toBe(true);
    await page.setInputFiles('#file', { name: 'budget.xlsx', mimeType: 'application/octet-stream', buffer: Buffer.from('PK') });
    await page.waitForFunction(() => !(document.querySelector('.btn-large') as HTMLButtonElement).disabled);
    expect(await page.locator('.file-name').textContent()).toBe('budget.xlsx');
    expect(requests.length).toBeGreaterThan(0);
    expect(requests.filter((u) => !u.startsWith(origin))).toEqual([]);
    await page.close();
  });

  it('renders both widths side by side for the docs', async () => {
    const page = await browser.newPage({ viewport: { width: 850, height: 600 } });
    await page.goto(`${origin}/compare.html`);
    const file = path.join(root, 'test', '.out', 'taskpane.png');
    await page.screenshot({ path: file, fullPage: true });
    if (process.env.STYRKOLL_SCREENSHOT) copyFileSync(file, path.join(root, 'docs', 'taskpane.png'));
    expect(readFileSync(file).subarray(1, 4).toString()).toBe('PNG');
    await page.close();
  });
});
