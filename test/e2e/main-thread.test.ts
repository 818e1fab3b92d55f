/**
 * A 100 000-line budget checked on the standalone page: the work runs in the Web Worker, the page
 * shows the worker's progress and ends with as many findings as `styrkoll check --json`. The
 * longest main-thread task during the check (PerformanceObserver 'longtask') is written to the
 * test output and test/.out/e2e/main-thread.json; no timing is asserted (shared, noisy machine).
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { benchSpec, ensureWorkbook } from '../../bench/generate';
import { OUT, cliFindings, startHarness, type Harness } from './browser-harness';

const LINES = 100_000;

let harness: Harness;
let page: Page | undefined;

beforeAll(async () => {
  harness = await startHarness();
}, 120_000);

afterAll(async () => {
  await page?.close();
  await harness?.close();
});

/**
 * Installed before the page's scripts: every long task, every progress text shown, and the
 * gaps between animation frames (finer than the 50 ms long-task threshold).
 */
function observe(): void {
  const w = window as unknown as { longTasks: { start: number; duration: number }[]; progressTexts: string[]; frames: number[] };
  w.longTasks = [];
  w.progressTexts = [];
  w.frames = [];
  const frame = (t: number) => {
    w.frames.push(t);
    requestAnimationFrame(frame);
  };
  requestAnimationFrame(frame);
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) w.longTasks.push({ start: e.startTime, duration: e.duration });
  }).observe({ type: 'longtask', buffered: true });
  new MutationObserver(() => {
    const label = document.querySelector('.progress-area:not([hidden]) .progress-label')?.textContent;
    if (label && w.progressTexts[w.progressTexts.length - 1] !== label) w.progressTexts.push(label);
  }).observe(document, { subtree: true, childList: true, characterData: true });
}

it(`checks a ${LINES.toLocaleString('sv-SE')}-line workbook in the worker, with as many findings as the CLI`, async () => {
  const { file } = await ensureWorkbook(benchSpec(LINES));
  const expected = cliFindings(file).length;
  expect(expected).toBeGreaterThan(0);

  page = await harness.open(1280, 900, observe);
  await page.setInputFiles('#file', file);
  await page.waitForFunction((name) => document.querySelector('.file-name')?.textContent === name, path.basename(file));
  const start = await page.evaluate(() => performance.now());
  await page.getByRole('button', { name: 'Kontrollera budget' }).click();
  await page.waitForSelector('.message-area .message-bar', { timeout: 600_000 });
  const end = await page.evaluate(() => performance.now());
  expect(await page.locator('.message-area .message-bar.success').count()).toBe(1);

  const status = (await page.locator('.filter-status').textContent()) ?? '';
  expect(Number(status.replace(/\D/g, ''))).toBe(expected);
  const tiles = await page.locator('.tile-count').allTextContents();
  expect(tiles.reduce((n, t) => n + Number(t.replace(/\D/g, '')), 0)).toBe(expected);
  // The rules' progress came from the worker while it ran.
  const texts = await page.evaluate(() => (window as unknown as { progressTexts: string[] }).progressTexts);
  expect(texts.some((t) => /^Kör regler \(/.test(t))).toBe(true);

  const tasks = await page.evaluate(() => (window as unknown as { longTasks: { start: number; duration: number }[] }).longTasks);
  const during = tasks.filter((t) => t.start >= start && t.start <= end);
  const longest = during.reduce((m, t) => Math.max(m, t.duration), 0);
  const frames = (await page.evaluate(() => (window as unknown as { frames: number[] }).frames)).filter((t) => t >= start && t <= end);
  const longestFrameGap = frames.slice(1).reduce((m, t, i) => Math.max(m, t - frames[i]), 0);
  const report = {
    lines: LINES,
    findings: expected,
    checkMs: Math.round(end - start),
    longTasksDuringCheck: during.length,
    longestTaskMs: Math.round(longest),
    longTaskDurationsMs: during.map((t) => Math.round(t.duration)),
    /** When each long task started, in ms after the click (the check ends at checkMs). */
    longTaskStartsMs: during.map((t) => Math.round(t.start - start)),
    framesDuringCheck: frames.length,
    longestFrameGapMs: Math.round(longestFrameGap),
    progressTexts: texts.length,
  };
  writeFileSync(path.join(OUT, 'main-thread.json'), `${JSON.stringify(report, null, 2)}\n`);
  // The Long Tasks API reports tasks of 50 ms or more only.
  const longestText = during.length === 0 ? 'none of 50 ms or more' : `${report.longestTaskMs} ms`;
  console.log(
    `Longest main-thread task during the ${LINES}-line check: ${longestText} (${during.length} long tasks in ${report.checkMs} ms; ` +
      `longest gap between frames ${report.longestFrameGapMs} ms over ${frames.length} frames; ${expected} findings).`,
  );
}, 900_000);
