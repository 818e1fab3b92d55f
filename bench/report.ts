/** The bench's markdown: one table per concern, the targets with PASS/FAIL, and the machine. */
import { readFileSync } from 'node:fs';
import * as os from 'node:os';
import type { Measured } from './child';

export type Phase = Measured & { runs: number };

export interface SizeResult {
  lines: number;
  fileMb: number;
  read: Phase;
  check: Phase;
  reference: Phase;
  /** The reference's line rules through the core's rule path (evaluateRules), same lines. */
  lineRules: Phase;
  write: Phase;
  cli: Phase;
  exceljs: Phase | null;
}

export interface MaxResult {
  lines: number;
  fileMb: number;
  cli: Phase;
}

export interface OfficeResult {
  lines: number;
  run: Phase | null;
  skipped?: string;
}

export interface BenchReport {
  sizes: SizeResult[];
  max: MaxResult | null;
  office: OfficeResult[];
  notes: string[];
}

const sec = (ms: number) => (Number.isFinite(ms) ? (ms / 1000).toFixed(ms < 10_000 ? 3 : 1) : '–');
const msFmt = (ms: number) => (Number.isFinite(ms) ? ms.toFixed(ms < 10 ? 2 : 0) : '–');
const mb = (v: number) => (Number.isFinite(v) ? v.toFixed(0) : '–');
const ratio = (a: number, b: number) => (Number.isFinite(a) && Number.isFinite(b) && b > 0 ? a / b : NaN);
const x = (r: number) => (Number.isFinite(r) ? `${r.toFixed(2)}×` : '–');
const num = (v: unknown) => (typeof v === 'number' ? v : NaN);
const n = (v: number) => v.toLocaleString('sv-SE');
const cell = (p: Phase | null, f: (p: Phase) => string) => (p === null ? 'ej körd' : p.ok ? f(p) : 'FEL');

export function machine(): string[] {
  let cpu = os.cpus()[0]?.model ?? 'okänd';
  try {
    cpu = /model name\s*:\s*(.+)/.exec(readFileSync('/proc/cpuinfo', 'utf8'))?.[1] ?? cpu;
  } catch {
    // Not Linux: keep os.cpus().
  }
  return [
    `- CPU: ${cpu}, ${os.cpus().length} kärnor (delade med andra processer)`,
    `- Minne: ${(os.totalmem() / 1024 ** 3).toFixed(1)} GiB`,
    `- Node ${process.version}, ${os.platform()} ${os.release()}`,
    `- Datum: ${new Date().toISOString().replace('T', ' ').slice(0, 16)} UTC`,
  ];
}

function verdict(ok: boolean | null): string {
  return ok === null ? 'EJ MÄTT' : ok ? 'PASS' : 'FAIL';
}

export function renderReport(r: BenchReport): string {
  const out: string[] = ['# Styrkoll – benchmark', '', '`npm run bench` (bench/run.ts). Tider i sekunder, minne = högsta RSS i MB för processen som mätte fasen.', ''];

  out.push('## Per storlek', '');
  out.push('| budgetrader | fil MB | läs (Styrkoll) | kontroll (kärnan) | varav modell / regler | referensloop | skriv (paket) | CLI totalt | CLI topp-RSS | exceljs läs+skriv | exceljs topp-RSS | kontroll / referens | CLI / exceljs tid | CLI / exceljs RSS | körningar |');
  out.push('|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|');
  for (const s of r.sizes) {
    const split = s.check.ok ? `${sec(num(s.check.extra.modelMs))} / ${sec(num(s.check.extra.rulesMs))}` : '–';
    out.push(
      `| ${n(s.lines)} | ${s.fileMb.toFixed(1)} | ${cell(s.read, (p) => sec(p.ms))} | ${cell(s.check, (p) => sec(p.ms))} | ${split} | ${cell(s.reference, (p) => `${msFmt(p.ms)} ms`)} | ${cell(s.write, (p) => sec(p.ms))} | ${cell(s.cli, (p) => sec(p.ms))} | ${cell(s.cli, (p) => mb(p.maxRssMb))} | ${cell(s.exceljs, (p) => sec(p.ms))} | ${cell(s.exceljs, (p) => mb(p.maxRssMb))} | ${x(ratio(s.check.ms, s.reference.ms))} | ${x(ratio(s.cli.ms, s.exceljs?.ms ?? NaN))} | ${x(ratio(s.cli.maxRssMb, s.exceljs?.maxRssMb ?? NaN))} | ${s.cli.runs} (kontroll/referens ${s.check.runs}/${s.reference.runs}${s.exceljs ? `, exceljs ${s.exceljs.runs}` : ''}) |`,
    );
  }
  out.push('');
  out.push('Topp-RSS per fas (MB; varje fas i en egen process som får sin indata förberedd och oräknad):', '');
  out.push('| budgetrader | läs | kontroll | referensloop | skriv | fynd | markeringar | regler |');
  out.push('|---:|---:|---:|---:|---:|---:|---:|---:|');
  for (const s of r.sizes) {
    out.push(
      `| ${n(s.lines)} | ${cell(s.read, (p) => mb(p.maxRssMb))} | ${cell(s.check, (p) => mb(p.maxRssMb))} | ${cell(s.reference, (p) => mb(p.maxRssMb))} | ${cell(s.write, (p) => mb(p.maxRssMb))} | ${cell(s.check, (p) => String(p.extra.findings))} | ${cell(s.write, (p) => String(p.extra.marks))} | ${cell(s.check, (p) => String(p.extra.ruleCount))} |`,
    );
  }
  out.push('');

  out.push('## Mål', '');
  const big = [...r.sizes].filter((s) => s.lines === 100_000)[0] ?? null;
  out.push('| mål (vid 100 000 rader) | uppmätt | krav | resultat |', '|---|---:|---:|---|');
  if (big) {
    const checkS = big.check.ok ? big.check.ms : NaN;
    const rc = ratio(big.check.ms, big.reference.ms);
    const rulesRatio = ratio(num(big.check.extra.rulesMs), big.reference.ms);
    const rt = ratio(big.cli.ms, big.exceljs?.ms ?? NaN);
    const rm = ratio(big.cli.maxRssMb, big.exceljs?.maxRssMb ?? NaN);
    const ok = (v: number, limit: number) => (Number.isFinite(v) ? v <= limit : null);
    out.push(`| kärnans kontroll (checkWorkbook) | ${sec(checkS)} s | < 0,5 s | ${verdict(Number.isFinite(checkS) ? checkS < 500 : null)} |`);
    out.push(`| kontroll / handskriven referensloop | ${x(rc)} | ≤ 4× | ${verdict(ok(rc, 4))} |`);
    out.push(`| (endast regelsteget / referensloop, för diagnos) | ${x(rulesRatio)} | – | – |`);
    const lineRatio = big.lineRules.ok ? ratio(big.lineRules.ms, big.reference.ms) : NaN;
    out.push(`| (budgetradsreglerna genom kärnans regelväg / referensloop – samma regler, samma rader, båda ger träffar, för diagnos: ${cell(big.lineRules, (p) => `${msFmt(p.ms)} ms`)} / ${msFmt(big.reference.ms)} ms) | ${x(lineRatio)} | – | – |`);
    const cpuRatio = ratio(num(big.check.extra.cpuMs), num(big.reference.extra.cpuMs));
    out.push(`| (kontroll / referensloop i huvudtrådens CPU-tid, för diagnos: ${msFmt(num(big.check.extra.cpuMs))} / ${msFmt(num(big.reference.extra.cpuMs))} ms) | ${x(cpuRatio)} | – | – |`);
    out.push(`| CLI totalt / exceljs läs+skriv (tid) | ${x(rt)} | ≤ 0,5× | ${verdict(ok(rt, 0.5))} |`);
    out.push(`| CLI topp-RSS / exceljs topp-RSS | ${x(rm)} | ≤ 0,5× | ${verdict(ok(rm, 0.5))} |`);
  } else out.push('| – | 100 000 rader kördes inte | – | EJ MÄTT |');
  if (r.max) {
    const c = r.max.cli;
    const detail = c.ok ? `${sec(c.ms)} s, ${mb(c.maxRssMb)} MB topp-RSS` : `misslyckades: ${c.error ?? 'okänt'} (${sec(c.ms)} s, ${mb(c.maxRssMb)} MB)`;
    out.push(`| ${n(EXCEL_ROWS)} rader i Budget (1 048 575 budgetrader, ${r.max.fileMb.toFixed(0)} MB) i CLI | ${detail} | utan minnesbrist | ${verdict(c.ok)} |`);
  } else out.push('| 1 048 576 rader i Budget | kördes inte | utan minnesbrist | EJ MÄTT |');
  out.push('');
  out.push('exceljs kördes inte för 1 048 576 rader (läsning av hela filen i exceljs är den referens som målen jämförs med vid 100 000 rader, och skulle vid maxstorleken ta minuter och flera GB).', '');

  out.push('## Office-vägen (den riktiga Office.js-klienten mot värdmodellen i test/office/real-client)', '');
  if (r.office.length === 0 || r.office.every((o) => o.skipped)) {
    out.push(`Inte mätt: ${r.office[0]?.skipped ?? 'hoppades över'}.`, '');
  } else {
    out.push('| budgetrader | körning | begäranden (Excel på webben) | varav läsning / skrivning | största begäran | största svar | avvisade | fynd | begäranden på skrivbordet (läsning / skrivning) |');
    out.push('|---:|---|---:|---:|---:|---:|---:|---:|---:|');
    const kb = (v: unknown) => `${(num(v) / 1024).toFixed(0)} KB`;
    for (const o of r.office) {
      const p = o.run;
      if (!p || !p.ok) {
        out.push(`| ${n(o.lines)} | – | ${o.skipped ?? p?.error ?? 'FEL'} | | | | | | |`);
        continue;
      }
      for (const [label, web, desktop] of [
        ['första', p.extra.first, p.extra.desktopFirst],
        ['omkörning', p.extra.rerun, p.extra.desktopRerun],
      ] as [string, Record<string, unknown>, Record<string, unknown>][]) {
        const refused = Array.isArray(web.errors) ? web.errors.length : NaN;
        out.push(
          `| ${n(o.lines)} | ${label} | ${web.syncs} | ${web.readSyncs} / ${web.writeSyncs} | ${kb(web.maxRequestBytes)} | ${kb(web.maxResponseBytes)} | ${refused} | ${n(num(web.findings))} | ${desktop.syncs} (${desktop.readSyncs} / ${desktop.writeSyncs}) |`,
        );
      }
    }
    out.push(
      '',
      'Byte är JSON-texten som Office.js-klienten (@microsoft/office-js, excel-web-16.00.debug.js) skickar och får tillbaka per sync, uppmätt i värdmodellen som svarar i Excels ställe. Excel på webben avvisar en begäran eller ett svar över 5 MB (5 000 000 byte); värdmodellen gör detsamma, och en avvisad begäran räknas i kolumnen avvisade. En begäran är en context.sync eller Excel.runs egen städning efter körningen (den släpper spårade områden); KB är 1 024 byte. Omkörningen läser, tar bort den förra körningens markeringar och skriver dem igen i samma arbetsbok. Varje körning är som i tillägget: läsning och skrivning i var sin Excel.run.',
      '',
    );
  }

  if (r.notes.length) out.push('## Anmärkningar', '', ...r.notes.map((t) => `- ${t}`), '');
  out.push('## Maskin', '', ...machine(), '');
  return out.join('\n');
}

const EXCEL_ROWS = 1_048_576;
