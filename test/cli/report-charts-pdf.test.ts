/**
 * The charts as they print: both examples' per-nämnd reports, and a checked workbook's Kontroll
 * sheet, converted to PDF by LibreOffice. A chart's title and legend are text in no cell of the
 * workbook, so finding them on a page of the PDF means LibreOffice drew the chart there. Each
 * nämnd's budget chart, and a chart per indicator with a baseline and a target, must be there.
 * LibreOffice and poppler must be installed: a missing tool fails the test.
 */
import { execFile, execFileSync } from 'node:child_process';
import { existsSync, promises as fs } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { promisify } from 'node:util';
import { buildModel } from '../../src/core';
import { listNamnder, reportFileName, reportYear } from '../../src/core/report';
import { namndPictures } from '../../src/core/report/chart-data';
import { readWorkbook } from '../../src/xlsx/read';
import { REPO, runCli } from './run-cli';

const run = promisify(execFile);

function onPath(cmd: string): boolean {
  try {
    return execFileSync('which', [cmd], { encoding: 'utf8' }).trim() !== '';
  } catch {
    return false;
  }
}

let tmp: string;
beforeAll(async () => {
  tmp = await fs.mkdtemp(path.join(os.tmpdir(), 'sk-charts-pdf-'));
  for (const tool of ['soffice', 'pdftotext']) expect({ tool, found: onPath(tool) }).toEqual({ tool, found: true });
});
afterAll(async () => {
  await fs.rm(tmp, { recursive: true, force: true });
});

async function toPdf(files: string[], outdir: string): Promise<void> {
  const profile = path.join(tmp, 'lo-profile');
  await run('soffice', ['--headless', '--norestore', `-env:UserInstallation=file://${profile}`, '--convert-to', 'pdf', '--outdir', outdir, ...files], { timeout: 170_000 });
}

/** The PDF's pages as text, whitespace flattened. */
async function pages(pdf: string): Promise<string[]> {
  const { stdout } = await run('pdftotext', [pdf, '-'], { maxBuffer: 50_000_000 });
  return stdout.split('\f').map((p) => p.replace(/\s+/g, ' '));
}

/** Every cell text of a workbook, flattened: the chart texts must not be among them. */
async function cellText(file: string): Promise<string> {
  const snap = await readWorkbook(new Uint8Array(await fs.readFile(file)));
  return snap.sheets.flatMap((s) => s.rows.flatMap((r) => r.map((c) => (c === null || c === undefined ? '' : String(c))))).join(' ').replace(/\s+/g, ' ');
}

const EXAMPLES = [
  { file: 'examples/hedemora-delarsrapport-2025-08.xlsx', type: 'delarsrapport' },
  { file: 'examples/flen-namndrapport-2-2025.xlsx', type: 'namndrapport-2' },
];

describe.each(EXAMPLES)('charts in the reports of $file', ({ file, type }) => {
  test('every nämnd report prints its budget chart and one chart per indicator, drawn by LibreOffice', async () => {
    const input = path.join(REPO, file);
    const dir = path.join(tmp, type);
    const r = await runCli(['report', input, '--type', type, '--per-namnd', dir], { timeoutMs: 90_000 });
    expect({ code: r.code, stderr: r.stderr }).toEqual({ code: 0, stderr: '' });
    const model = buildModel(await readWorkbook(new Uint8Array(await fs.readFile(input)))).model;
    const namnder = listNamnder(model);
    const xlsx = namnder.map((n) => path.join(dir, reportFileName(n)));
    for (const x of xlsx) expect(existsSync(x)).toBe(true);
    const pdfDir = path.join(dir, 'pdf');
    await toPdf(xlsx, pdfDir);

    let budgetCharts = 0;
    let indicatorCharts = 0;
    for (const [i, namnd] of namnder.entries()) {
      const pdf = path.join(pdfDir, path.basename(xlsx[i]).replace(/\.xlsx$/, '.pdf'));
      expect(existsSync(pdf)).toBe(true);
      const text = await pages(pdf);
      const cells = await cellText(xlsx[i]);
      const pictures = namndPictures(model, namnd, reportYear(model));
      if (pictures.budget.length) {
        const title = `Budget och helårsprognos per verksamhet – ${namnd}`;
        expect(cells).not.toContain(title);
        const page = text.find((p) => p.includes(title));
        expect({ namnd, budgetChart: page !== undefined }).toEqual({ namnd, budgetChart: true });
        // Drawn, not just titled: the axis title and the legend are on the same page.
        expect(page).toContain(`Nettokostnad (${pictures.unit})`);
        expect(page).toMatch(/Helårsprognos.*Budget|Budget.*Helårsprognos/);
        budgetCharts++;
      }
      const legends = text.join(' ').split('Linjen mot målvärdet (i fas)').length - 1;
      expect(cells).not.toContain('Linjen mot målvärdet (i fas)');
      // At least one legend per indicator chart (LibreOffice may set a legend's text more than once).
      expect({ namnd, enoughLegends: legends >= pictures.indicators.length }).toEqual({ namnd, enoughLegends: true });
      for (const ind of pictures.indicators) {
        const start = `${ind.id}: ${ind.text.split(' ')[0]}`;
        expect({ namnd, indicator: ind.id, shown: text.some((p) => p.includes(start)) }).toEqual({ namnd, indicator: ind.id, shown: true });
      }
      indicatorCharts += pictures.indicators.length;
    }
    expect(budgetCharts).toBeGreaterThan(0);
    expect(indicatorCharts).toBeGreaterThan(0);
  }, 240_000);
});

test('the Kontroll sheet of check -o prints its findings chart', async () => {
  const out = path.join(tmp, 'kontroll.xlsx');
  const r = await runCli(['check', path.join(REPO, 'examples/hedemora-delarsrapport-2025-08.xlsx'), '-o', out], { timeoutMs: 90_000 });
  expect(r.code).toBe(0);
  const pdfDir = path.join(tmp, 'kontroll-pdf');
  await toPdf([out], pdfDir);
  const text = await pages(path.join(pdfDir, 'kontroll.pdf'));
  expect(await cellText(out)).not.toContain('Fynd per område och allvar');
  const page = text.find((p) => p.includes('Fynd per område och allvar'));
  expect(page).toBeDefined();
  expect(page).toContain('Antal fynd');
  expect(page).toContain('Styrkoll – kontroll av Hedemora kommun');
}, 240_000);
