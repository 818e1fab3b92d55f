/**
 * Hostile packages through the built CLI, each in its own process: `check -o` and `report -o` on
 * every attack file built by test/xlsx/read/support/hostile-packages.ts. For each run: it ends
 * within 30 s, its peak RSS stays under 1 GB (GNU time's "maximum resident set size", which covers
 * the read and write workers as they are threads of the process; without /usr/bin/time, VmHWM from
 * /proc polled until exit), it exits 0/1/2 with at most one Swedish line on standard error and no
 * stack trace, the input is unchanged, no output is written when it is refused, and an output that
 * is written holds the package that was checked (every sheet of the input reads back the same).
 */
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { readWorkbookSync } from '../../src/xlsx/read/read-workbook';
import * as h from '../xlsx/read/support/hostile-packages';
import { BIN, REPO } from './run-cli';

const TIME = '/usr/bin/time';
const MAX_SECONDS = 30;
const MAX_RSS_MB = 1024;

interface Attack {
  name: string;
  build: () => Uint8Array;
  /** The refusal's message, or 'written' for a file that is checked and written. */
  expect: RegExp | 'written';
}

const DUPLICATE = /^Filen innehåller två delar med samma namn \(.*xl.worksheets.sheet1\.xml.*\) – den kan vara manipulerad\. Spara om den i Excel/;

const ATTACKS: Attack[] = [
  // The writer's: parts the reader never reads.
  { name: 'styles.xml: kommentar på 1 GB, falsk storlek i katalogen', build: () => h.stylesCommentBomb(1024, 'false'), expect: /^Filen packas upp till orimligt mycket data \(xl\/styles\.xml\)/ },
  { name: 'styles.xml: kommentar på 1 000 MB, sann storlek', build: () => h.stylesCommentBomb(1000, 'true'), expect: /xl\/styles\.xml/ },
  { name: '[Content_Types].xml: en miljon nivåer (17 KB packad)', build: () => h.deepContentTypes(1_000_000), expect: /\(\[Content_Types\]\.xml\)/ },
  { name: '[Content_Types].xml: 200 000 nivåer, olika namn', build: () => h.deepContentTypesVaried(200_000), expect: /^Arbetsboken har XML som är nästlad djupare än 256 nivåer \(\[Content_Types\]\.xml\)/ },
  // Reader and writer must see one package.
  { name: 'två delar xl/worksheets/sheet1.xml', build: () => h.duplicateSheet('xl/worksheets/sheet1.xml'), expect: DUPLICATE },
  { name: 'xl/worksheets/Sheet1.xml bredvid sheet1.xml', build: () => h.duplicateSheet('xl/worksheets/Sheet1.xml'), expect: DUPLICATE },
  { name: 'xl\\worksheets\\sheet1.xml bredvid xl/worksheets/sheet1.xml', build: () => h.duplicateSheet('xl\\worksheets\\sheet1.xml'), expect: DUPLICATE },
  // The reader's.
  { name: 'zipbomb: bladet säger nästan 4 GB', build: () => h.sheetZipBomb(), expect: /^Filen är för stor att kontrollera/ },
  { name: 'entitetsbomb (DOCTYPE) i bladet', build: () => h.sheetEntities(), expect: /^Arbetsboken innehåller otillåten XML \(DOCTYPE\/ENTITY i xl\/worksheets\/sheet1\.xml\)/ },
  { name: 'bladet nästlat en miljon nivåer', build: () => h.sheetDeepNesting(1_000_000), expect: /^Arbetsboken har XML som är nästlad djupare än 256 nivåer \(xl\/worksheets\/sheet1\.xml\)/ },
  { name: 'bladet utfyllt med 400 MB blanksteg i ett svep', build: () => h.paddedSheet(400, 'run'), expect: /^Arbetsboken har en text eller kommentar längre än 16[\s\u00a0]777[\s\u00a0]216 tecken \(xl\/worksheets\/sheet1\.xml\)/ },
  { name: 'bladet utfyllt med 400 MB blanksteg och tomma element', build: () => h.paddedSheet(400, 'elements'), expect: /^Bladet xl\/worksheets\/sheet1\.xml är orimligt stort för sitt innehåll/ },
  { name: '10 miljoner delade textsträngar', build: () => h.manySharedStrings(10_000_000), expect: /^Filen är för stor att kontrollera \(antal delade textsträngar/ },
  { name: 'ett blad med 16 384 kolumner', build: () => h.sixteenThousandColumns(), expect: 'written' },
  { name: 'den vanliga arbetsboken (kontroll)', build: () => h.plainWorkbook(), expect: 'written' },
];

const COMMANDS: { name: string; args: (input: string, output: string) => string[] }[] = [
  { name: 'check -o', args: (input, output) => ['check', input, '-o', output, '--quiet'] },
  { name: 'report -o', args: (input, output) => ['report', input, '--type', 'delarsrapport', '-o', output] },
];

interface Measured {
  code: number | null;
  stderr: string;
  seconds: number;
  peakRssMb: number;
}

function kbToMb(kb: number): number {
  return Math.round(kb / 1024);
}

/** Runs the CLI with GNU time (-f %M into a file of its own), or polls /proc/<pid>/status for VmHWM. */
function measure(args: string[], dir: string): Promise<Measured> {
  const useTime = existsSync(TIME);
  const timeFile = path.join(dir, 'time.txt');
  const [cmd, argv] = useTime ? [TIME, ['-f', '%M', '-o', timeFile, process.execPath, BIN, ...args]] : [process.execPath, [BIN, ...args]];
  const started = Date.now();
  return new Promise((resolve) => {
    const child = spawn(cmd, argv, { cwd: REPO, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    let hwmKb = 0;
    child.stderr.setEncoding('utf8').on('data', (d) => (stderr += d));
    const poll = useTime
      ? undefined
      : setInterval(() => {
          try {
            const m = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${child.pid}/status`, 'utf8'));
            if (m) hwmKb = Math.max(hwmKb, Number(m[1]));
          } catch {
            // gone
          }
        }, 20);
    const killer = setTimeout(() => child.kill('SIGKILL'), (MAX_SECONDS + 30) * 1000);
    child.on('close', (code) => {
      clearTimeout(killer);
      if (poll) clearInterval(poll);
      const seconds = (Date.now() - started) / 1000;
      if (useTime) {
        const lines = readFileSync(timeFile, 'utf8').trim().split('\n');
        hwmKb = Number(lines[lines.length - 1]);
      }
      resolve({ code, stderr, seconds, peakRssMb: kbToMb(hwmKb) });
    });
  });
}

const sha = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');

/** Every sheet of `input` as the reader reads it, compared with the same sheet in `output`. */
function expectSameSheets(input: string, output: string): void {
  const before = readWorkbookSync(new Uint8Array(readFileSync(input)));
  const after = readWorkbookSync(new Uint8Array(readFileSync(output)));
  for (const sheet of before.sheets) {
    const written = after.sheets.find((s) => s.name === sheet.name);
    expect(written).toBeDefined();
    expect(written!.rows).toEqual(sheet.rows);
  }
}

let dir: string;
const files = new Map<string, string>();
const report: string[] = [];

beforeAll(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'styrkoll-hostile-'));
  ATTACKS.forEach((a, i) => {
    const file = path.join(dir, `attack-${i}.xlsx`);
    writeFileSync(file, a.build());
    files.set(a.name, file);
  });
});

afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
  // One line per run, for the record (npx jest test/cli/hostile-packages.test.ts --verbose shows them).
  if (process.env.STYRKOLL_HOSTILE_REPORT) process.stdout.write(`${report.join('\n')}\n`);
});

describe.each(COMMANDS)('$name', ({ name: command, args }) => {
  it.each(ATTACKS)('$name', async (attack) => {
    const input = files.get(attack.name)!;
    const output = path.join(dir, `out-${command.replace(/\W/g, '')}-${path.basename(input)}`);
    const hash = sha(input);
    const run = await measure(args(input, output), dir);
    report.push(`${command} | ${attack.name} | exit ${run.code} | ${run.seconds.toFixed(2)} s | ${run.peakRssMb} MB | ${run.stderr.trim()}`);

    expect(run.seconds).toBeLessThan(MAX_SECONDS);
    expect(run.peakRssMb).toBeGreaterThan(0);
    expect(run.peakRssMb).toBeLessThan(MAX_RSS_MB);
    expect([0, 1, 2]).toContain(run.code);
    expect(run.stderr).not.toMatch(/\n\s+at |Oväntat fel|Error:/);
    expect(run.stderr.trim().split('\n').length).toBeLessThanOrEqual(1);
    expect(sha(input)).toBe(hash);

    if (attack.expect === 'written') {
      expect(run.stderr).toBe('');
      expect([0, 1]).toContain(run.code);
      expect(existsSync(output)).toBe(true);
      expectSameSheets(input, output);
    } else {
      expect(run.code).toBe(2);
      const line = run.stderr.trim().replace(/^styrkoll: /, '');
      expect(line).toMatch(attack.expect);
      expect(existsSync(output)).toBe(false);
      // Nothing half-written left beside it either.
      expect(readdirSync(dir).filter((f) => f.includes(path.basename(output)))).toEqual([]);
    }
  });
});
