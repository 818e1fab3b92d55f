/**
 * Shared set-up for the standalone page's browser tests: the built page (dist/addin) served by
 * `npm run serve`'s own createStaticServer on a random loopback port, Debian's Chromium with a
 * fresh profile, every request recorded, and the CLI as the reference for findings.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { createStaticServer } from '../../src/cli/serve';

export const ROOT = path.resolve(__dirname, '..', '..');
export const ADDIN = path.join(ROOT, 'dist', 'addin');
export const OUT = path.join(ROOT, 'test', '.out', 'e2e');
export const EXAMPLE = path.join(ROOT, 'examples', 'hedemora-delarsrapport-2025-08.xlsx');
const CLI = path.join(ROOT, 'bin', 'styrkoll.js');

/** The public --json finding shape (the keys the tests compare). */
export interface JsonFinding {
  rule: string;
  category: string;
  severity: string;
  sheet: string | null;
  cell: string | null;
  namnd: string | null;
  message: string;
}

/** Fails with what to do when the page or the CLI has not been built. */
export function requireBuild(): void {
  if (!existsSync(path.join(ADDIN, 'taskpane.html'))) {
    throw new Error(`${ADDIN}/taskpane.html is missing: run \`npm run build\` first (\`npm test\` does).`);
  }
  // The check worker is its own script; a build from before the standalone page has none.
  if (!readdirSync(ADDIN).some((f) => /^styrkoll-kontroll\.[0-9a-f]+\.js$/.test(f))) {
    throw new Error(`${ADDIN} has no check worker script (styrkoll-kontroll.*.js): it is stale, run \`npm run build\`.`);
  }
  if (!existsSync(path.join(ROOT, 'dist', 'src', 'cli', 'main.js'))) {
    throw new Error('dist/src/cli/main.js is missing: run `npm run build` first.');
  }
}

/** `styrkoll check <file> --json`, the reference the page must agree with. */
export function cliFindings(file: string): JsonFinding[] {
  const out = execFileSync(process.execPath, [CLI, 'check', file, '--json'], { cwd: ROOT, maxBuffer: 512 * 1024 * 1024, encoding: 'utf8' });
  return JSON.parse(out) as JsonFinding[];
}

/** The CLI's one-line error for a file it refuses (stderr, non-zero exit). */
export function cliError(file: string): string {
  const r = spawnSync(process.execPath, [CLI, 'check', file, '--json'], { cwd: ROOT, encoding: 'utf8' });
  if (r.status === 0) throw new Error(`the CLI accepted ${file}`);
  return r.stderr.trim();
}

/** `styrkoll report <file> --type <typ> --per-namnd <dir>`: the file names it writes. */
export function cliReportFiles(file: string, type: string): string[] {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'styrkoll-e2e-report-'));
  try {
    execFileSync(process.execPath, [CLI, 'report', file, '--type', type, '--per-namnd', dir], { cwd: ROOT, encoding: 'utf8' });
    return readdirSync(dir).sort();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export interface Harness {
  origin: string;
  context: BrowserContext;
  /** Every URL any page, worker or the context asked for. */
  requests: string[];
  /** A new page on the served page; `init` runs before any of the page's own scripts. */
  open(width?: number, height?: number, init?: () => void): Promise<Page>;
  close(): Promise<void>;
}

export async function startHarness(): Promise<Harness> {
  requireBuild();
  mkdirSync(OUT, { recursive: true });
  const server: Server = createStaticServer(ADDIN);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const profile = mkdtempSync(path.join(os.tmpdir(), 'styrkoll-e2e-profile-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: '/usr/bin/chromium',
    headless: true,
    acceptDownloads: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-sync'],
  });
  const requests: string[] = [];
  // Both the route (sees every request the context makes, workers included) and the events.
  await context.route('**/*', (route) => {
    requests.push(route.request().url());
    return route.continue();
  });
  context.on('request', (r) => requests.push(r.url()));

  return {
    origin,
    context,
    requests,
    async open(width = 1280, height = 900, init?: () => void) {
      const page = await context.newPage();
      await page.setViewportSize({ width, height });
      if (init) await page.addInitScript(init);
      page.on('request', (r) => requests.push(r.url()));
      page.on('worker', (w) => requests.push(w.url()));
      await page.goto(`${origin}/`);
      await page.waitForSelector('#app[data-ready="standalone"]', { timeout: 30_000 });
      return page;
    },
    async close() {
      await context.close();
      await new Promise((r) => server.close(r));
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

/** The findings on the page, one per list item: rule, sheet and cell as the page shows them. */
export async function shownFindings(page: Page): Promise<{ rule: string; sheet: string; cell: string; text: string }[]> {
  return page.locator('.finding').evaluateAll((items) =>
    items.map((li) => ({
      rule: (li as HTMLElement).dataset.rule ?? '',
      sheet: (li as HTMLElement).dataset.sheet ?? '',
      cell: (li as HTMLElement).dataset.cell ?? '',
      text: li.textContent ?? '',
    })),
  );
}

/** Runs the check with the button and waits for its result message. */
export async function runCheck(page: Page, timeout = 60_000): Promise<void> {
  await page.getByRole('button', { name: 'Kontrollera budget' }).click();
  await page.waitForSelector('.message-area .message-bar', { timeout });
}

export const key = (f: { rule: string; sheet: string | null; cell: string | null }) => `${f.rule}|${f.sheet ?? ''}|${f.cell ?? ''}`;
