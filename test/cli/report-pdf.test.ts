/**
 * A nämnd's report as it prints: the per-nämnd workbook from `styrkoll report` converted to PDF by
 * LibreOffice and page 1 rendered to PNG. The PDF text holds the nämnd's name and its goals and
 * no other nämnd's name. LibreOffice must be installed: a missing soffice fails the test.
 */
import { execFile, execFileSync } from 'node:child_process';
import { existsSync, promises as fs } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { promisify } from 'node:util';
import { buildModel } from '../../src/core';
import { listNamnder, sameNamnd } from '../../src/core/report';
import { readWorkbook } from '../../src/xlsx/read';
import { reportFileName as fileNameFor } from '../../src/core/report';
import { REPO, runCli } from './run-cli';

const HEDEMORA = path.join(REPO, 'examples/hedemora-delarsrapport-2025-08.xlsx');
const NAMND = 'Omsorgsnämnden';

function onPath(cmd: string): string | null {
  try {
    return execFileSync('which', [cmd], { encoding: 'utf8' }).trim() || null;
  } catch {
    return null;
  }
}

let tmp: string;
beforeAll(async () => {
  tmp = await fs.mkdtemp(path.join(os.tmpdir(), 'sk-report-pdf-'));
});
afterAll(async () => {
  await fs.rm(tmp, { recursive: true, force: true });
});

test('a per-nämnd report converts to a PDF with its own nämnd and goals only', async () => {
  for (const tool of ['soffice', 'pdftoppm', 'pdftotext']) {
    expect({ tool, found: onPath(tool) !== null }).toEqual({ tool, found: true });
  }
  const input = path.join(tmp, 'hedemora.xlsx');
  await fs.copyFile(HEDEMORA, input);
  const dir = path.join(tmp, 'ut');
  const run = await runCli(['report', input, '--type', 'delarsrapport', '--per-namnd', dir], { timeoutMs: 90_000 });
  expect({ code: run.code, stderr: run.stderr }).toEqual({ code: 0, stderr: '' });
  const xlsx = path.join(dir, fileNameFor(NAMND));
  expect(existsSync(xlsx)).toBe(true);

  const profile = path.join(tmp, 'lo-profile');
  await promisify(execFile)(
    'soffice',
    ['--headless', '--norestore', `-env:UserInstallation=file://${profile}`, '--convert-to', 'pdf', '--outdir', tmp, xlsx],
    { timeout: 90_000 },
  );
  const pdf = path.join(tmp, fileNameFor(NAMND).replace(/\.xlsx$/, '.pdf'));
  expect(existsSync(pdf)).toBe(true);

  await promisify(execFile)('pdftoppm', ['-png', '-r', '60', '-f', '1', '-l', '1', pdf, path.join(tmp, 'sida')]);
  const png = (await fs.readdir(tmp)).find((f) => /^sida-0*1\.png$/.test(f));
  expect(png).toBeDefined();
  expect((await fs.stat(path.join(tmp, png!))).size).toBeGreaterThan(1000);

  const { stdout: text } = await promisify(execFile)('pdftotext', ['-layout', pdf, '-'], { maxBuffer: 10_000_000 });
  const flat = text.replace(/\s+/g, ' ');
  const model = buildModel(await readWorkbook(new Uint8Array(await fs.readFile(input)))).model;
  const goals = (model.goals?.items ?? []).filter((g) => sameNamnd(g.namnd, NAMND));
  expect(flat).toContain(NAMND);
  // A goal short enough not to be wrapped mid-phrase.
  const goal = goals.map((g) => g.text).sort((a, b) => a.length - b.length)[0];
  expect(flat).toContain(goal);
  for (const other of listNamnder(model).filter((n) => !sameNamnd(n, NAMND))) expect({ other, found: flat.includes(other) }).toEqual({ other, found: false });
  // The ids in the hidden column A are not printed.
  expect(flat).not.toMatch(/#h=[0-9a-f]{8}/);
}, 150_000);
