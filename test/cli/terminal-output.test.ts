/**
 * No byte from a workbook or from Kolada reaches the terminal as a control sequence, and a closed
 * pipe is no crash. Workbooks are built with exceljs with cells holding ESC ] 0 (window title),
 * ESC [ 31 m (colour), OSC 52 (clipboard), C1, DEL and bidi overrides; check, report, collect and
 * kolada run as a user would, in their own processes.
 */
import { spawn } from 'node:child_process';
import { promises as fs } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import ExcelJS from 'exceljs';
import { SnapshotBuilder } from '../builders/snapshot-builder';
import type { CellValue } from '../../src/core/snapshot';
import { escapeControls, oneLine } from '../../src/cli/terminal-text';
import { hedemoraData, startFakeKolada } from '../kolada/fake-kolada';
import { BIN, REPO, looksLikeStackTrace, runCli } from './run-cli';

const ESC = '\u001b';
const HOSTILE = `Ond${ESC}]0;kapad titel\u0007${ESC}[31mröd${ESC}[0m${ESC}]52;c;ZWNobyBoYWNrZWQ=\u0007\u009b31m\u007f\u202eesrever\u202c\u2066x\u2069\r\nrad två`;
/** Anything a terminal may read as a control (the newline excepted), raw. */
// eslint-disable-next-line no-control-regex
const RAW_CONTROL = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;

let dir: string;

/**
 * XML cannot hold C0 controls: Excel stores them as _xHHHH_ in the cell text (ECMA-376
 * ST_Xstring), which the reader decodes. exceljs writes strings as given, so they are encoded here.
 */
// eslint-disable-next-line no-control-regex
const ooxmlText = (v: CellValue) => (typeof v === 'string' ? v.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g, (ch) => `_x${ch.charCodeAt(0).toString(16).padStart(4, '0').toUpperCase()}_`) : v);

async function writeWorkbook(file: string, b: SnapshotBuilder): Promise<void> {
  const wb = new ExcelJS.Workbook();
  for (const s of b.build().sheets) {
    const ws = wb.addWorksheet(s.name.replace(/[\u0000-\u001f]/g, ''));
    s.rows.forEach((cells, r) => cells.forEach((v, c) => {
      if (v !== null) ws.getCell(r + 1, c + 1).value = ooxmlText(v) as ExcelJS.CellValue;
    }));
  }
  await wb.xlsx.writeFile(file);
}

/** The clean workbook with hostile text where the CLI prints it: Kommun, a nämnd, a goal, a comment. */
function hostileBuilder(): SnapshotBuilder {
  const b = SnapshotBuilder.clean();
  b.setting('Kommun', HOSTILE);
  // A budget row whose nämnd is unknown elsewhere, with hostile text: findings name it.
  b.addRow('Budget', [`Nämnd ${HOSTILE}`, HOSTILE, '5110 Löner', 'Kostnad', 100, 900, 900, HOSTILE] as CellValue[]);
  return b;
}

beforeAll(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'sk-terminal-'));
  await writeWorkbook(path.join(dir, 'ond.xlsx'), hostileBuilder());
});

afterAll(async () => {
  if (dir) await fs.rm(dir, { recursive: true, force: true });
});

describe('the sanitizer', () => {
  test('escapes C0, DEL, C1 and bidi characters; keeps newlines; oneLine flattens them', () => {
    expect(escapeControls(`a${ESC}[31mb\u202ec\u007f\u009b\nd\te`)).toBe('a\\x1b[31mb\\u202ec\\u007f\\u009b\nd\\x09e');
    expect(oneLine('rad ett\r\nrad två\rtre\nfyra\u2028fem')).toBe('rad ett rad två tre fyra fem');
    expect(RAW_CONTROL.test(oneLine(HOSTILE))).toBe(false);
    expect(oneLine('Hedemora kommun – 12 500 kr, åäö')).toBe('Hedemora kommun – 12 500 kr, åäö');
  });

  test('JSON text stays valid JSON with the same values after escaping', () => {
    const json = JSON.stringify([{ message: HOSTILE }], null, 2);
    // JSON.stringify escapes C0 (ESC as \u001b) but leaves DEL, C1 and bidi raw.
    expect(json).toContain('\\u001b');
    expect(RAW_CONTROL.test(json)).toBe(true);
    const safe = escapeControls(json);
    expect(RAW_CONTROL.test(safe)).toBe(false);
    expect(JSON.parse(safe)).toEqual([{ message: HOSTILE }]);
  });
});

describe('no raw control byte reaches stdout or stderr', () => {
  const expectClean = (run: { stdout: string; stderr: string }) => {
    expect(RAW_CONTROL.test(run.stdout)).toBe(false);
    expect(RAW_CONTROL.test(run.stderr)).toBe(false);
    expect(looksLikeStackTrace(run.stderr)).toBe(false);
  };

  test('check: the summary shows the hostile text escaped, each finding on one line', async () => {
    const run = await runCli(['check', path.join(dir, 'ond.xlsx'), '--all', '-q']);
    expect(run.code).toBe(0);
    expectClean(run);
    expect(run.stdout).toContain('kontroll av Ond\\x1b]0;kapad titel\\x07\\x1b[31mröd\\x1b[0m\\x1b]52;c;ZWNobyBoYWNrZWQ=\\x07\\u009b31m\\u202eesrever\\u202c\\u2066x\\u2069 rad två');
    // Every line that names the hostile nämnd holds all of it: nothing broke the line.
    const lines = run.stdout.split('\n').filter((l) => l.includes('Ond\\x1b'));
    expect(lines.length).toBeGreaterThan(1);
    for (const l of lines.filter((x) => x.includes('Nämnd Ond'))) expect(l).toContain('rad två');
  });

  test('check --json: valid JSON with the original text, no raw control byte', async () => {
    const run = await runCli(['check', path.join(dir, 'ond.xlsx'), '--json']);
    expect(run.code).toBe(0);
    expectClean(run);
    const findings = JSON.parse(run.stdout) as { message: string }[];
    expect(findings.some((f) => f.message.includes(`${ESC}]0;kapad titel`))).toBe(true);
  });

  test('report and collect: nämnd names and summaries escaped', async () => {
    const reports = path.join(dir, 'rapport.xlsx');
    const report = await runCli(['report', path.join(dir, 'ond.xlsx'), '--type', 'delarsrapport', '-o', reports]);
    expect([report.code, report.stderr]).toEqual([0, '']);
    expectClean(report);
    expect(report.stdout).toContain('Nämnd Ond\\x1b]0;kapad titel');
    // The copy with the report sheets, returned as it is: collect names what is missing per nämnd.
    const collect = await runCli(['collect', reports, '--into', path.join(dir, 'ond.xlsx'), '-o', path.join(dir, 'samlad.xlsx')]);
    expect([collect.code, collect.stderr]).toEqual([0, '']);
    expectClean(collect);
    expect(collect.stdout).toContain('Ond\\x1b]0;kapad titel');
  });

  test('kolada: a title from the server with control sequences, and a huge one, are escaped and cut', async () => {
    const data = hedemoraData([]);
    data.municipalities.find((m) => m.id === '0020')!.title = `${HOSTILE} ${'x'.repeat(1_000_000)}`;
    const server = await startFakeKolada(data);
    try {
      const b = SnapshotBuilder.clean().removeSheet('Indikatorer');
      b.addSheet('Indikatorer', [
        ['ID', 'Mål-ID', 'Indikator', 'Kolada-ID', 'Utgångsvärde', 'Utgångsår', 'Målvärde', 'Målår', 'Utfall', 'Utfallsår', 'Riktning'],
        ['I1', 'IM1', 'Kommunindex', 'U00401', 51, 2022, 60, 2026, 52, 2024, 'Högre är bättre'],
      ]);
      const file = path.join(dir, 'kolada.xlsx');
      await writeWorkbook(file, b);
      const run = await runCli(['kolada', file, '-o', path.join(dir, 'kolada-ut.xlsx'), '--kolada-url', server.url, '--cache-dir', path.join(dir, 'cache')]);
      expect(run.code).toBe(0);
      expectClean(run);
      const line = run.stdout.split('\n').find((l) => l.includes('Län (Ond'))!;
      expect(line).toContain('Län (Ond\\x1b]0;kapad titel');
      // The 1 000 000 x's were cut to a title of 300 characters.
      expect(line.length).toBeLessThan(600);
      expect(line).toContain('…');
    } finally {
      await server.close();
    }
  });
});

describe('a closed pipe', () => {
  /** Runs the CLI with stdout into a pipe that is destroyed after the first line. */
  function firstLineOnly(args: string[]): Promise<{ code: number | null; signal: string | null; first: string; stderr: string }> {
    return new Promise((resolve) => {
      const child = spawn(process.execPath, [BIN, ...args], { cwd: REPO, stdio: ['ignore', 'pipe', 'pipe'] });
      let first = '';
      let stderr = '';
      child.stdout.setEncoding('utf8').on('data', (d: string) => {
        first += d;
        if (first.includes('\n')) {
          first = first.slice(0, first.indexOf('\n'));
          child.stdout.destroy();
        }
      });
      child.stderr.setEncoding('utf8').on('data', (d) => (stderr += d));
      const timer = setTimeout(() => child.kill('SIGKILL'), 60_000);
      child.on('close', (code, signal) => {
        clearTimeout(timer);
        resolve({ code, signal, first, stderr });
      });
    });
  }

  /** A workbook with 3 000 overspent rows: far more output than a pipe buffers (64 KB). */
  let big: string;
  beforeAll(async () => {
    big = path.join(dir, 'stor.xlsx');
    const b = SnapshotBuilder.clean();
    for (let i = 0; i < 3000; i++) b.addRow('Budget', [`Nämnd ${i}`, `Verksamhet ${i}`, '5110 Löner', 'Kostnad', 100, 900, 900, null]);
    await writeWorkbook(big, b);
  });

  test.each([
    ['rules', ['rules'], 0],
    ['check --all (one large write)', ['check', 'BIG', '--all', '-q'], 0],
    ['check --json', ['check', 'BIG', '--json'], 0],
    ['collect', ['collect', 'BIG', '--into', 'BIG', '-o', 'OUT'], 0],
    ['help', ['--help'], 0],
  ])('%s: ends quietly with the code the work earned', async (_name, args, code) => {
    const out = path.join(dir, `ut-${Math.random().toString(36).slice(2)}.xlsx`);
    const run = await firstLineOnly(args.map((a) => (a === 'BIG' ? big : a === 'OUT' ? out : a)));
    expect(run.first.length).toBeGreaterThan(0);
    expect(run.stderr).toBe('');
    expect(run.signal).toBeNull();
    expect(run.code).toBe(code);
  });

  test('check -o with the pipe closed still writes the output file', async () => {
    const out = path.join(dir, 'kontroll-pipe.xlsx');
    const run = await firstLineOnly(['check', big, '--all', '-q', '-o', out]);
    expect([run.code, run.stderr]).toEqual([0, '']);
    expect((await fs.stat(out)).size).toBeGreaterThan(0);
  });

  test('the exit code --fail-on earned is kept, with no stack trace', async () => {
    const run = await firstLineOnly(['check', big, '--all', '-q', '--fail-on', 'fel']);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(1);
  });
});
