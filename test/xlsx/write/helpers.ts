/** Test helpers for the package writer: builders with valid defaults and package inspection. */
import ExcelJS from 'exceljs';
import { strFromU8, unzipSync } from 'fflate';
import type { CheckResult } from '../../../src/core/check-types';
import type { Finding } from '../../../src/core/finding';

export function finding(overrides: Partial<Finding> = {}): Finding {
  return {
    rule: 'BUD-DEFICIT',
    category: 'budget',
    severity: 'varning',
    sheet: 'Budget',
    row: 3,
    cell: 'D3',
    namnd: 'Socialnämnden',
    message: 'Prognosen visar underskott.',
    source: 'Hedemora styrmodell, Budgetavvikelser',
    suggestion: 'Ta fram en åtgärdsplan.',
    ...overrides,
  };
}

export function checkResult(findings: Finding[], overrides: Partial<CheckResult['summary']> = {}): CheckResult {
  const byCategory = { budget: 0, mal: 0, 'mal-medel': 0, 'rod-trad': 0, arshjul: 0, indata: 0 };
  const bySeverity = { fel: 0, varning: 0, info: 0 };
  for (const f of findings) {
    byCategory[f.category]++;
    bySeverity[f.severity]++;
  }
  return {
    findings,
    summary: {
      profile: 'hedemora',
      kommun: 'Hedemora kommun',
      period: '2025-08',
      counts: { total: findings.length, byCategory, bySeverity },
      ruleCount: 42,
      notes: ['Bladet Åtgärder saknas; reglerna för åtgärdsplaner kördes inte.'],
      inlast: [],
      budgetRead: true,
      ...overrides,
    },
    // The Kontroll sheet does not read the model.
  };
}

export async function loadExcel(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(bytes) as unknown as ExcelJS.Buffer);
  return wb;
}

export function parts(bytes: Uint8Array): Record<string, Uint8Array> {
  const all = unzipSync(bytes);
  return Object.fromEntries(Object.entries(all).filter(([n]) => !n.endsWith('/')));
}

export function partText(bytes: Uint8Array, name: string): string {
  const p = parts(bytes)[name];
  if (!p) throw new Error(`no part ${name}`);
  return strFromU8(p);
}

/** Resolves a relationship target like the OPC rules say (independent of the writer's code). */
export function resolve(source: string, target: string): string {
  if (target.startsWith('/')) return target.slice(1);
  const out = source.split('/').slice(0, -1);
  for (const seg of target.split('/')) {
    if (seg === '..') out.pop();
    else if (seg !== '.' && seg !== '') out.push(seg);
  }
  return out.join('/');
}

export function rels(all: Record<string, Uint8Array>, source: string): { id: string; type: string; target: string }[] {
  const slash = source.lastIndexOf('/');
  const name = `${source.slice(0, slash + 1)}_rels/${source.slice(slash + 1)}.rels`;
  const text = all[name] ? strFromU8(all[name]) : '';
  return [...text.matchAll(/<Relationship\b[^>]*>/g)].map((m) => ({
    id: /\sId="([^"]*)"/.exec(m[0])?.[1] ?? '',
    type: /\sType="([^"]*)"/.exec(m[0])?.[1] ?? '',
    target: /\sTarget="([^"]*)"/.exec(m[0])?.[1] ?? '',
  }));
}

export function workbookPart(all: Record<string, Uint8Array>): string {
  const office = rels(all, '').find((r) => r.type.endsWith('/officeDocument'));
  return office ? resolve('', office.target) : 'xl/workbook.xml';
}

/** Sheet name → part, read straight from workbook.xml and its rels. */
export function sheetParts(all: Record<string, Uint8Array>): Map<string, string> {
  const wb = workbookPart(all);
  const r = rels(all, wb);
  const out = new Map<string, string>();
  for (const m of strFromU8(all[wb]).matchAll(/<(?:\w+:)?sheet\b[^>]*>/g)) {
    const name = decode(/\sname="([^"]*)"/.exec(m[0])?.[1] ?? '');
    const id = /\s[\w]+:id="([^"]*)"/.exec(m[0])?.[1];
    const rel = r.find((x) => x.id === id);
    if (rel) out.set(name, resolve(wb, rel.target));
  }
  return out;
}

export function decode(s: string): string {
  return s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');
}

/** Every cell value of every worksheet, as JSON, keyed "sheet!A1". */
export function cellValues(wb: ExcelJS.Workbook): Map<string, string> {
  const out = new Map<string, string>();
  for (const ws of wb.worksheets) {
    ws.eachRow({ includeEmpty: false }, (row) => {
      row.eachCell({ includeEmpty: false }, (cell) => {
        out.set(`${ws.name}!${cell.address}`, JSON.stringify(cell.value));
      });
    });
  }
  return out;
}

/** Equal texts, or a short report of where they first differ (whole parts make unreadable failures). */
export function firstDifference(a: string, b: string): string | null {
  if (a === b) return null;
  let i = 0;
  while (i < a.length && a[i] === b[i]) i++;
  return `at ${i}: …${a.slice(Math.max(0, i - 80), i + 120)}… versus …${b.slice(Math.max(0, i - 80), i + 120)}…`;
}

/** Cell → note text of a sheet, read from its comments part (works for strict packages too). */
export function commentTexts(all: Record<string, Uint8Array>, sheetPart: string): Map<string, string> {
  const rel = rels(all, sheetPart).find((r) => r.type.endsWith('/comments'));
  const out = new Map<string, string>();
  if (!rel) return out;
  const xml = strFromU8(all[resolve(sheetPart, rel.target)]);
  for (const m of xml.matchAll(/<comment\b[^>]*\bref="([^"]+)"[^>]*>([\s\S]*?)<\/comment>/g)) {
    const text = [...m[2].matchAll(/<t\b[^>]*>([\s\S]*?)<\/t>/g)].map((t) => decode(t[1])).join('');
    out.set(m[1], text);
  }
  return out;
}

/** A small user workbook made with exceljs (independent of the writer under test). */
export async function budgetWorkbook(options: { kontrollSheet?: boolean } = {}): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const budget = wb.addWorksheet('Budget');
  budget.addRow(['Nämnd', 'Verksamhet', 'Budget', 'Prognos', 'Avvikelse']);
  budget.addRow(['Socialnämnden', 'Äldreomsorg', 1000, 1200, -200]);
  budget.addRow(['Kultur- och fritidsnämnden', 'Bibliotek', 500, 450, 50]);
  budget.getCell('C2').numFmt = '#,##0';
  budget.getCell('C2').font = { bold: true, color: { argb: 'FF0000FF' } };
  budget.getCell('D3').note = 'Prognosen är osäker.';
  budget.getCell('E2').value = { formula: 'C2-D2', result: -200 };
  const mal = wb.addWorksheet('Mål');
  mal.addRow(['ID', 'Nivå', 'Mål']);
  mal.addRow(['M1', 'Inriktningsmål', 'Trygg kommun']);
  if (options.kontrollSheet) wb.addWorksheet('Kontroll').addRow(['Användarens egen kontroll']);
  return new Uint8Array(await wb.xlsx.writeBuffer());
}
