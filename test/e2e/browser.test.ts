/**
 * The standalone page (Styrkoll without Excel) end to end in Debian's Chromium: the built
 * dist/addin served exactly as `npm run serve` serves it. The page must find what the CLI finds,
 * produce the same files, work with the keyboard and by drag and drop, pass axe, and never ask
 * anything of another origin. Screenshots go to test/.out/e2e/.
 */
import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { unzipSync } from 'fflate';
import type { Page } from 'playwright-core';
import { CATEGORIES } from '../../src/core/finding';
import { FINDING_HEADERS, KONTROLL_SHEET_NAME } from '../../src/core/kontroll';
import { PRIVACY_TEXT } from '../../taskpane/pane/pane';
import { execFileSync } from 'node:child_process';
import { driftRows } from '../builders/driftredovisning';
import { EXAMPLE, OUT, ROOT, cliError, cliFindings, cliReportFiles, key, runCheck, shownFindings, startHarness, type Harness, type JsonFinding } from './browser-harness';

jest.setTimeout(120_000);

let harness: Harness;
const reference = () => cliFindings(EXAMPLE);

beforeAll(async () => {
  harness = await startHarness();
}, 120_000);

afterAll(async () => {
  await harness?.close();
});

async function chooseWithFileChooser(page: Page, file: string): Promise<void> {
  const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.locator('label[for=file]').click()]);
  await chooser.setFiles(file);
  await page.waitForFunction((name) => document.querySelector('.file-name')?.textContent === name, path.basename(file));
}

/**
 * axe-core is evaluated through the DevTools protocol: page.addScriptTag would add an inline
 * <script>, which the page's Content-Security-Policy rightly refuses (script-src 'self').
 */
async function axeSerious(page: Page): Promise<string[]> {
  await page.evaluate(`${readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8')}\n;void 0`);
  return page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(): Promise<{ violations: { id: string; impact: string; nodes: unknown[] }[] }> } }).axe;
    const r = await axe.run();
    return r.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id} (${v.nodes.length})`);
  });
}

/** Every cell value of every sheet, as exceljs reads it (formulas by their result). */
function sheetValues(ws: ExcelJS.Worksheet): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  ws.eachRow({ includeEmpty: false }, (row) =>
    row.eachCell({ includeEmpty: false }, (cell) => {
      const v = cell.value as unknown;
      out[cell.address] = v && typeof v === 'object' && 'result' in (v as object) ? (v as { result: unknown }).result : v;
    }),
  );
  return out;
}

async function loadXlsx(bytes: Buffer | Uint8Array): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
  return wb;
}

/** A workbook of the given sheets written with exceljs (the title bold, as exports have it). */
async function writeXlsx(file: string, sheets: { name: string; rows: (string | number | null)[][] }[]): Promise<string> {
  const wb = new ExcelJS.Workbook();
  for (const s of sheets) {
    const ws = wb.addWorksheet(s.name);
    s.rows.forEach((row, r) => row.forEach((v, c) => {
      if (v !== null && v !== '') ws.getCell(r + 1, c + 1).value = v;
    }));
    ws.getCell(1, 1).font = { bold: true, size: 14 };
    ws.getColumn(1).width = 34;
  }
  const out = path.join(OUT, file);
  await wb.xlsx.writeFile(out);
  return out;
}

/** `styrkoll check <file> --json` with more arguments (--sheet, --map, --rubrikrad). */
function cliFindingsWith(file: string, args: string[]): JsonFinding[] {
  const out = execFileSync(process.execPath, [path.join(ROOT, 'bin', 'styrkoll.js'), 'check', file, '--json', ...args], { cwd: ROOT, encoding: 'utf8' });
  return JSON.parse(out) as JsonFinding[];
}

/** An export whose headers Styrkoll does not know: found only through Koppla kolumner. */
const UNKNOWN_EXPORT = [
  ['Uppföljning per ansvar, augusti 2025'],
  [],
  ['Ansvar', 'Enhet', 'Tilldelat', 'Bokfört', 'Bedömt helår', 'Notering'],
  ['Socialnämnden', 'Hemtjänst', 96_400_000, 64_900_000, 104_700_000, ''],
  ['Socialnämnden', 'Särskilt boende', 154_200_000, 101_800_000, 153_100_000, ''],
  ['Kultur- och fritidsnämnden', 'Bibliotek', 9_800_000, 6_100_000, 9_700_000, ''],
];

describe('standalone page in Chromium', () => {
  let page: Page;

  afterEach(async () => {
    await page?.close();
  });

  it('loads outside Excel with a file picker, a drop zone and the privacy promise', async () => {
    page = await harness.open(1280, 900);
    await expect(page.locator('.privacy').textContent()).resolves.toBe(PRIVACY_TEXT);
    expect(await page.locator('label[for=file]').textContent()).toContain('Välj arbetsbok');
    expect(await page.locator('label[for=file]').isVisible()).toBe(true);
    expect(await page.getByRole('button', { name: 'Kontrollera budget' }).isDisabled()).toBe(true);
    expect(await page.locator('.download-bar').isVisible()).toBe(false);
    await page.screenshot({ path: path.join(OUT, 'screenshot-before.png'), fullPage: true });
    await page.setViewportSize({ width: 320, height: 800 });
    expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBe(0);
    await page.screenshot({ path: path.join(OUT, 'screenshot-before-320.png') });
  });

  it('checks the example chosen with the file chooser and shows exactly the CLI --json findings', async () => {
    const expected = reference();
    expect(expected.length).toBeGreaterThan(0);
    page = await harness.open(1280, 900);
    await chooseWithFileChooser(page, EXAMPLE);
    await runCheck(page);
    expect(await page.locator('.message-area .message-bar.success').count()).toBe(1);

    const shown = await shownFindings(page);
    expect(shown.map(key).sort()).toEqual(expected.map(key).sort());
    // Each item shows its rule and, where it has one, its place as Blad!Cell.
    for (const f of shown) {
      expect(f.text).toContain(f.rule);
      if (f.sheet && f.cell) expect(f.text).toContain(`${f.sheet}!${f.cell}`);
    }
    // Grouped as in Excel: the fixed category order, each group's count as its badge.
    const order = CATEGORIES.filter((c) => expected.some((f) => f.category === c));
    expect(await page.locator('.group-title').count()).toBe(order.length);
    const badges = await page.locator('.group > summary .badge').allTextContents();
    expect(badges).toEqual(order.map((c) => String(expected.filter((f) => f.category === c).length)));
    expect(await page.locator('.filter-status').textContent()).toBe(`${expected.length} fynd`);

    // Same filtering as in Excel: severity chips.
    await page.click('.chip-info');
    await page.click('.chip-varning');
    expect(await page.locator('.finding').count()).toBe(expected.filter((f) => f.severity === 'fel').length);
    await page.click('.chip-info');
    await page.click('.chip-varning');

    await page.screenshot({ path: path.join(OUT, 'screenshot-after.png'), fullPage: true, clip: { x: 0, y: 0, width: 1280, height: 1500 } });
    await page.setViewportSize({ width: 320, height: 800 });
    expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBe(0);
    await page.screenshot({ path: path.join(OUT, 'screenshot-after-320.png') });
    if (process.env.STYRKOLL_SCREENSHOT) {
      copyFileSync(path.join(OUT, 'screenshot-before.png'), path.join(ROOT, 'docs', 'screenshot-before.png'));
      copyFileSync(path.join(OUT, 'screenshot-after.png'), path.join(ROOT, 'docs', 'screenshot-after.png'));
    }
  });

  it('downloads the checked workbook: a Kontroll sheet with one row per finding, the original values unchanged', async () => {
    const expected = reference();
    page = await harness.open();
    await chooseWithFileChooser(page, EXAMPLE);
    await runCheck(page);
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Ladda ner kontrollerad arbetsbok' }).click()]);
    expect(download.suggestedFilename()).toBe('hedemora-delarsrapport-2025-08-kontroll.xlsx');
    const file = path.join(OUT, download.suggestedFilename());
    await download.saveAs(file);
    await page.waitForSelector('.download-status:has-text("Laddades ner som")');

    const checked = await loadXlsx(readFileSync(file));
    const original = await loadXlsx(readFileSync(EXAMPLE));
    const kontroll = checked.getWorksheet(KONTROLL_SHEET_NAME);
    expect(kontroll).toBeDefined();

    // The findings table: the header row, then one row per finding (Regel, Blad, Cell columns).
    let header = 0;
    kontroll!.eachRow((row, n) => {
      if (!header && row.getCell(1).value === FINDING_HEADERS[0] && row.getCell(2).value === FINDING_HEADERS[1]) header = n;
    });
    expect(header).toBeGreaterThan(0);
    const col = (name: (typeof FINDING_HEADERS)[number]) => FINDING_HEADERS.indexOf(name) + 1;
    const text = (v: unknown) => (v && typeof v === 'object' && 'text' in (v as object) ? String((v as { text: unknown }).text) : v == null ? '' : String(v));
    const rows: string[] = [];
    for (let n = header + 1; n <= kontroll!.rowCount; n++) {
      const r = kontroll!.getRow(n);
      const rule = text(r.getCell(col('Regel')).value);
      if (rule) rows.push(key({ rule, sheet: text(r.getCell(col('Blad')).value) || null, cell: text(r.getCell(col('Cell')).value) || null }));
    }
    expect(rows.sort()).toEqual(expected.map(key).sort());

    // Every original sheet is still there with the same values.
    for (const ws of original.worksheets) {
      const copy = checked.getWorksheet(ws.name);
      expect(copy).toBeDefined();
      expect(sheetValues(copy!)).toEqual(sheetValues(ws));
    }
  });

  it('makes one workbook per nämnd as downloads and as rapporter-<typ>.zip, the same files as the CLI', async () => {
    page = await harness.open();
    await chooseWithFileChooser(page, EXAMPLE);
    await runCheck(page);
    await page.click('#tab-rapporter');
    const type = 'delarsrapport';
    await page.selectOption('#template', type);
    const namnder = await page.locator('input[name=namnd]').evaluateAll((els) => els.map((e) => (e as HTMLInputElement).value));
    expect(namnder.length).toBeGreaterThan(1);
    await page.getByRole('button', { name: 'Skapa rapporter' }).click();
    await page.waitForSelector('.report-feedback .message-bar.success', { timeout: 60_000 });
    await page.screenshot({ path: path.join(OUT, 'reports.png'), fullPage: true });

    const [zipDownload] = await Promise.all([page.waitForEvent('download'), page.locator('a.download-all').click()]);
    expect(zipDownload.suggestedFilename()).toBe(`rapporter-${type}.zip`);
    const zipFile = path.join(OUT, zipDownload.suggestedFilename());
    await zipDownload.saveAs(zipFile);
    const entries = unzipSync(readFileSync(zipFile));
    expect(Object.keys(entries).sort()).toEqual(cliReportFiles(EXAMPLE, type));
    expect(Object.keys(entries)).toHaveLength(namnder.length);

    // Each workbook holds one sheet, for its own nämnd (named in its title row).
    const owners: string[] = [];
    for (const [name, bytes] of Object.entries(entries)) {
      const wb = await loadXlsx(bytes);
      expect([name, wb.worksheets.length]).toEqual([name, 1]);
      const cells = Object.values(sheetValues(wb.worksheets[0])).map(String);
      const owner = namnder.filter((n) => cells.some((c) => c.includes(`– ${n}`)));
      expect([name, owner.length]).toEqual([name, 1]);
      owners.push(owner[0]);
    }
    expect(owners.sort()).toEqual([...namnder].sort());

    // A single nämnd's link downloads that workbook alone.
    const first = page.locator('a.file-link').first();
    const [one] = await Promise.all([page.waitForEvent('download'), first.click()]);
    expect(Object.keys(entries)).toContain(one.suggestedFilename());
  });

  it('works with the keyboard: Tab reaches the file control and the button, Enter runs the check', async () => {
    const expected = reference();
    page = await harness.open(1280, 900);
    const focused = () => page.evaluate(() => {
      const el = document.activeElement as HTMLElement | null;
      return el ? `${el.tagName.toLowerCase()}${el.id ? '#' + el.id : ''}${el.textContent ? ':' + el.textContent.trim() : ''}` : '';
    });
    const tabTo = async (want: (f: string) => boolean) => {
      for (let i = 0; i < 10; i++) {
        await page.keyboard.press('Tab');
        if (want(await focused())) return true;
      }
      return false;
    };
    // Listening first: Playwright turns on its file-dialog interception asynchronously.
    const chooserShown = page.waitForEvent('filechooser');
    expect(await tabTo((f) => f === 'input#file')).toBe(true);
    // The focused file control opens the file dialog from the keyboard.
    await page.keyboard.press('Enter');
    const chooser = await chooserShown;
    await chooser.setFiles(EXAMPLE);
    await page.waitForFunction(() => !(document.querySelector('.btn-large') as HTMLButtonElement).disabled);
    expect(await tabTo((f) => f === 'button:Kontrollera budget')).toBe(true);
    await page.keyboard.press('Enter');
    await page.waitForSelector('.message-area .message-bar.success', { timeout: 60_000 });
    expect(await page.locator('.finding').count()).toBe(expected.length);
  });

  it('accepts a workbook dropped on the drop zone', async () => {
    const expected = reference();
    page = await harness.open(1280, 900);
    const base64 = readFileSync(EXAMPLE).toString('base64');
    await page.evaluate(
      ({ data, name }) => {
        const bytes = Uint8Array.from(atob(data), (c) => c.charCodeAt(0));
        const dt = new DataTransfer();
        dt.items.add(new File([bytes], name, { type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' }));
        const zone = document.querySelector('.drop-zone')!;
        for (const type of ['dragenter', 'dragover', 'drop']) zone.dispatchEvent(new DragEvent(type, { dataTransfer: dt, bubbles: true, cancelable: true }));
      },
      { data: base64, name: path.basename(EXAMPLE) },
    );
    await page.waitForFunction((name) => document.querySelector('.file-name')?.textContent === name, path.basename(EXAMPLE));
    await runCheck(page);
    expect((await shownFindings(page)).map(key).sort()).toEqual(expected.map(key).sort());
  });

  it('has no serious or critical accessibility violations before and after a check (axe-core)', async () => {
    page = await harness.open(1280, 900);
    expect(await axeSerious(page)).toEqual([]);
    await chooseWithFileChooser(page, EXAMPLE);
    await runCheck(page);
    expect(await page.locator('.finding').count()).toBeGreaterThan(0);
    expect(await axeSerious(page)).toEqual([]);
  });

  it('shows the budget and indicator pictures for a chosen nämnd as SVG images with a text alternative and a table; axe finds nothing serious', async () => {
    page = await harness.open(1280, 1000);
    await chooseWithFileChooser(page, EXAMPLE);
    await runCheck(page);
    await page.getByRole('tab', { name: 'Rapporter' }).click();
    const select = page.locator('#charts-namnd');
    await select.focus();
    await select.selectOption('Omsorgsnämnden');
    const budget = page.getByRole('img', { name: 'Budget och helårsprognos per verksamhet – Omsorgsnämnden' });
    await budget.waitFor();
    // The text alternative says what the picture shows, and is shown as its caption too.
    const description = await budget.evaluate((svg) => svg.querySelector('desc')?.textContent ?? '');
    expect(description).toMatch(/^\S+ av \S+ verksamheter har prognos över budget; störst underskott: .+, −[\d\u00a0]+ tkr\.$/);
    expect(await page.locator('.chart-caption').first().textContent()).toBe(description);
    const images = page.locator('.charts svg[role=img]');
    const indicators = await page.locator('.charts svg[role=img] title').allTextContents();
    expect(indicators.length).toBeGreaterThan(1);
    expect(indicators.slice(1).every((t) => /^I\d+: /.test(t))).toBe(true);
    expect(await images.count()).toBe(indicators.length);
    // Every image is named by its own title and described by its own desc.
    const labelled = await images.evaluateAll((svgs) => svgs.every((svg) => (svg.getAttribute('aria-labelledby') ?? '').split(' ').every((id) => document.getElementById(id)?.closest('svg') === svg)));
    expect(labelled).toBe(true);
    // The values as a table, opened with the keyboard.
    const summary = page.locator('.chart-table summary').first();
    await summary.focus();
    await page.keyboard.press('Enter');
    const rows = page.locator('.chart-table').first().locator('tbody tr');
    await rows.first().waitFor();
    expect(await rows.count()).toBe(await page.locator('.charts svg[role=img]').first().locator('rect[data-series=budget]').count());
    expect(await axeSerious(page)).toEqual([]);
    // A viewport tall enough that nothing scrolls (the tab bar sticks to the top when it does).
    await page.setViewportSize({ width: 560, height: 4000 });
    await page.evaluate(() => window.scrollTo(0, 0));
    const top = await page.locator('.charts').boundingBox();
    const second = await page.locator('.charts figure').nth(1).boundingBox();
    await page.screenshot({ path: path.join(OUT, 'pane-charts.png'), clip: { x: top!.x, y: top!.y, width: top!.width, height: second!.y + second!.height - top!.y } });
    if (process.env.STYRKOLL_SCREENSHOT) copyFileSync(path.join(OUT, 'pane-charts.png'), path.join(ROOT, 'docs', 'pane-charts.png'));
    // Another nämnd, other pictures.
    await select.selectOption('Bildningsnämnden');
    await page.getByRole('img', { name: 'Budget och helårsprognos per verksamhet – Bildningsnämnden' }).waitFor();
  });

  it('says in Swedish why an unreadable file cannot be checked, as the CLI does', async () => {
    const bad = path.join(OUT, 'inte-en-arbetsbok.xlsx');
    writeFileSync(bad, 'Det här är ingen arbetsbok, bara text.\n');
    const cli = cliError(bad);
    page = await harness.open();
    await chooseWithFileChooser(page, bad);
    await runCheck(page);
    const detail = (await page.locator('.message-area .message-bar.error').textContent()) ?? '';
    expect(detail).toContain('Kontrollen misslyckades');
    const message = detail.replace('Kontrollen misslyckades', '').trim();
    expect(message.length).toBeGreaterThan(10);
    expect(cli).toContain(message);
    expect(await page.locator('.download-bar').isVisible()).toBe(false);
  });

  it('keeps the profile and thresholds in this browser (localStorage)', async () => {
    page = await harness.open();
    await page.click('#tab-installningar');
    await page.selectOption('#profile', 'flen');
    await page.fill('#threshold-0', '7,5');
    await page.click('.settings button[type=submit]');
    await page.waitForSelector('.form-feedback.ok');
    await page.reload();
    await page.waitForSelector('#app[data-ready="standalone"]');
    await page.click('#tab-installningar');
    expect(await page.inputValue('#profile')).toBe('flen');
    expect(await page.inputValue('#threshold-0')).toBe('7,5');
    const stored = JSON.parse((await page.evaluate(() => localStorage.getItem('styrkoll.settings'))) ?? 'null');
    expect(stored.profile).toBe('flen');
    expect(Object.values(stored.thresholds)).toEqual([7.5]);
    await page.evaluate(() => localStorage.removeItem('styrkoll.settings'));
  });

  it('checks a Driftredovisning export found by its content: the deficits, the Inläst section and what Koppla kolumner recognised', async () => {
    const file = await writeXlsx('driftredovisning.xlsx', [{ name: 'Driftredovisning', rows: driftRows() }]);
    const expected = cliFindings(file);
    // The two overruns: IT och digitalisering (row 8) and Skolskjuts (row 13), in tkr.
    const deficits = expected.filter((f) => f.category === 'budget' && f.severity !== 'info');
    expect(deficits.map((f) => f.namnd)).toEqual(expect.arrayContaining(['Kommunstyrelsen', 'Barn- och utbildningsnämnden']));
    page = await harness.open(1280, 900);
    await chooseWithFileChooser(page, file);
    await runCheck(page);
    expect(await page.locator('.message-area .message-bar.success').count()).toBe(1);
    expect((await shownFindings(page)).map(key).sort()).toEqual(expected.map(key).sort());
    const rows = (await shownFindings(page)).filter((f) => f.sheet === 'Driftredovisning').map((f) => f.cell.replace(/^[A-Z]+/, ''));
    expect(rows).toEqual(expect.arrayContaining(['8', '13']));

    const inlast = page.locator('details.inlast');
    expect(await inlast.evaluate((d) => (d as HTMLDetailsElement).open)).toBe(false);
    await inlast.locator('summary').click();
    const lines = await inlast.locator('li').allTextContents();
    expect(lines[0]).toContain('bladet Driftredovisning (hittat efter innehållet), rubrikrad 5');
    expect(lines.some((l) => l.startsWith('Enhet: tkr'))).toBe(true);

    await page.locator('details.koppla summary').click();
    expect(await page.inputValue('#koppla-blad')).toBe('Driftredovisning');
    expect(await page.inputValue('#koppla-rubrikrad')).toBe('5');
    expect(await page.inputValue('#koppla-budget')).toBe('Budget 2025');
    expect(await page.inputValue('#koppla-utfall')).toBe('Utfall jan-aug 2025');
    expect(await page.inputValue('#koppla-prognos')).toBe('Prognos helår 2025');
    expect(await page.inputValue('#koppla-verksamhet')).toBe('Verksamhet');
    expect(await page.locator('.koppla .hint', { hasText: 'bara för den här sessionen' }).count()).toBe(1);
    expect(await axeSerious(page)).toEqual([]);

    await page.setViewportSize({ width: 480, height: 900 });
    expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBe(0);
    const shot = path.join(OUT, 'koppla-kolumner.png');
    // From the top of the page to the end of the Koppla kolumner form (page coordinates).
    const bottom = await page.locator('details.koppla').evaluate((d) => d.getBoundingClientRect().bottom + window.scrollY);
    await page.screenshot({ path: shot, fullPage: true, clip: { x: 0, y: 0, width: 480, height: Math.ceil(bottom + 12) } });
    if (process.env.STYRKOLL_SCREENSHOT) copyFileSync(shot, path.join(ROOT, 'docs', 'koppla-kolumner.png'));
  });

  it('a workbook with no budget data is red, not klar; Koppla kolumner maps it for the session, as --sheet and --map do', async () => {
    const file = await writeXlsx('okand-export.xlsx', [{ name: 'Blad1', rows: UNKNOWN_EXPORT }]);
    page = await harness.open(1280, 900);
    await chooseWithFileChooser(page, file);
    await runCheck(page);
    expect(await page.locator('.message-area .message-bar.success').count()).toBe(0);
    const bar = page.locator('.message-area .message-bar.error');
    expect(await bar.locator('.message-title').textContent()).toBe('Ingen budgetdata hittades');
    expect(await bar.textContent()).toContain('Koppla kolumner i Styrkoll-fönstret');
    expect(await page.locator('details.inlast').evaluate((d) => (d as HTMLDetailsElement).open)).toBe(true);
    expect(await page.locator('details.inlast li').allTextContents()).toEqual(expect.arrayContaining([expect.stringContaining('Inte läst: bladet Blad1')]));
    expect(await page.locator('.finding[data-rule="IN-BLAD-SAKNAS"]').count()).toBe(1);

    await bar.getByRole('button', { name: 'Koppla kolumner' }).click();
    expect(await page.inputValue('#koppla-rubrikrad')).toBe('3');
    await page.selectOption('#koppla-budget', 'Tilldelat');
    await page.selectOption('#koppla-utfall', 'Bokfört');
    await page.selectOption('#koppla-prognos', 'Bedömt helår');
    await page.selectOption('#koppla-namnd', 'Ansvar');
    await page.selectOption('#koppla-verksamhet', 'Enhet');
    await page.click('.koppla-form button[type=submit]');
    await page.waitForSelector('.message-area .message-bar.success', { timeout: 60_000 });
    const expected = cliFindingsWith(file, ['--sheet', 'Blad1', '--rubrikrad', '3', '--map', 'Budget=Tilldelat;Utfall=Bokfört;Prognos=Bedömt helår;Nämnd=Ansvar;Verksamhet=Enhet']);
    expect(expected.some((f) => f.sheet === 'Blad1' && f.category === 'budget')).toBe(true);
    expect((await shownFindings(page)).map(key).sort()).toEqual(expected.map(key).sort());
    // The rows to write into Inställningar to keep it in the file.
    expect(await page.locator('.koppla-table tbody tr').evaluateAll((trs) => trs.map((tr) => tr.textContent))).toEqual([
      'BudgetbladBlad1', 'Rubrikrad3', 'Kolumn BudgetTilldelat', 'Kolumn UtfallBokfört', 'Kolumn PrognosBedömt helår', 'Kolumn NämndAnsvar', 'Kolumn VerksamhetEnhet',
    ]);
    // Checked again, the mapping still holds; a new file starts without it.
    await runCheck(page);
    expect((await shownFindings(page)).map(key).sort()).toEqual(expected.map(key).sort());
    await chooseWithFileChooser(page, EXAMPLE);
    await chooseWithFileChooser(page, file);
    await runCheck(page);
    expect(await page.locator('.message-area .message-bar.error .message-title').textContent()).toBe('Ingen budgetdata hittades');
  });

  it('asked nothing of any origin but the test server (blob: and data: aside)', () => {
    const requests = harness.requests;
    // The recording sees the page, its scripts and the worker's script.
    expect(requests.some((u) => u === `${harness.origin}/`)).toBe(true);
    expect(requests.some((u) => /\/styrkoll-kontroll\.[0-9a-f]+\.js$/.test(u))).toBe(true);
    const outside = [...new Set(requests)].filter((u) => !u.startsWith(`${harness.origin}/`) && !u.startsWith('blob:') && !u.startsWith('data:'));
    expect(outside).toEqual([]);
  });
});
