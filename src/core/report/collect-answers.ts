/**
 * collectAnswers: reads the returned per-nämnd report workbooks by fill-in id and turns the
 * answers into edits of the master (Mål Prognos, Uppdrag Status, Indikatorer Utfall, new
 * Åtgärder rows), a consolidated Sammanställning sheet for the texts, and findings for what is
 * missing. A report changed outside its fill-in fields is reported and not merged.
 */
import type { Finding } from '../finding';
import type { Model } from '../model';
import type { SheetSpec } from '../sheet-spec';
import type { CellValue, WorkbookSnapshot } from '../snapshot';
import type { ReportTemplate } from './template-schema';
import { isBlank, normalizeName, parseSwedishNumber, serialToIso } from './cell-ref';
import { buildNamndSheet } from './build-reports';
import { listNamnder, sameNamnd, sheetNames } from './namnd-data';
import { MasterSheet, type Edit } from './master-sheet';
import { readReports, type ReadField, type ReportReading } from './read-report';
import { changedCells } from './tamper';
import { PROGNOS_LABELS } from './section-goals';
import { splitTextId } from './section-text';
import { buildSummarySheet } from './summary-sheet';
import { missingAnswerFindings, finding } from './collect-findings';

export interface ReportAnswer {
  namnd: string;
  /** The returned file's name as given. */
  file: string;
  sheet: string;
  cell: string;
  id: string;
  /** Swedish description of the field, e.g. "Mål M3: prognos". */
  label: string;
  value: string | number | null;
}

export interface CollectInput {
  master: Model;
  masterSnapshot: WorkbookSnapshot;
  returned: { name: string; snapshot: WorkbookSnapshot }[];
  template?: ReportTemplate;
}

export interface CollectOutput {
  edits: Edit[];
  answers: ReportAnswer[];
  findings: Finding[];
  summary: string[];
  /** `Sammanställning` (always) and `Åtgärder` when the master has no such sheet. */
  sheets: SheetSpec[];
}

export const SUMMARY_SHEET = 'Sammanställning';

function prognosLabel(v: CellValue): string | null {
  if (typeof v !== 'string') return null;
  const n = normalizeName(v);
  if (n === 'uppnas') return PROGNOS_LABELS.uppnas;
  if (n === 'delvis' || n === 'delvis uppnas') return PROGNOS_LABELS.delvis;
  if (n === 'uppnas ej' || n === 'ej uppnas' || n === 'uppnas inte') return PROGNOS_LABELS['uppnas-ej'];
  return null;
}

function asText(v: CellValue): string | number | null {
  if (v === null || typeof v === 'boolean') return v === null ? null : v ? 'Ja' : 'Nej';
  return v;
}

/** A typed date comes back as a serial number; the master gets ISO text, as the model stores dates. */
function asDate(v: CellValue): string | number | null {
  if (typeof v === 'number' && v > 20000 && v < 80000) return serialToIso(v);
  return asText(v);
}

export function labelFor(id: string, master: Model, template?: ReportTemplate): string {
  const [kind] = id.split(':');
  const field = id.slice(id.lastIndexOf(':') + 1);
  const key = id.slice(kind.length + 1, id.lastIndexOf(':'));
  switch (kind) {
    case 'mal': {
      const g = master.goals?.items.find((x) => x.id === key);
      return `Mål ${key}${g ? ' – ' + g.text : ''}: ${field}`;
    }
    case 'indikator': {
      const i = master.indicators?.items.find((x) => x.id === key);
      return `Indikator ${key}${i ? ' – ' + i.text : ''}: utfall`;
    }
    case 'uppdrag': {
      const u = master.uppdrag?.items.find((x) => x.id === key);
      return `Uppdrag ${key}${u ? ' – ' + u.text : ''}: ${field}`;
    }
    case 'avvikelse':
      return `Avvikelse ${key.slice(key.indexOf('|') + 1)}: analys`;
    case 'atgard':
      return `Åtgärd ${key}: ${field}`;
    default: {
      const t = template?.sections.find((s) => s.kind === 'text' && s.id === id);
      return t && t.kind === 'text' ? t.heading : id;
    }
  }
}

export function collectAnswers(input: CollectInput): CollectOutput {
  const { master, masterSnapshot, template } = input;
  const edits: Edit[] = [];
  const answers: ReportAnswer[] = [];
  const findings: Finding[] = [];
  const summary: string[] = [];
  const extraSheets: SheetSpec[] = [];
  const namnder = listNamnder(master);
  const names = sheetNames(namnder);

  const goals = master.goals ? new MasterSheet(master.goals.location, masterSnapshot, edits) : null;
  const uppdrag = master.uppdrag ? new MasterSheet(master.uppdrag.location, masterSnapshot, edits) : null;
  const indicators = master.indicators ? new MasterSheet(master.indicators.location, masterSnapshot, edits) : null;
  const atgarder = master.atgarder ? new MasterSheet(master.atgarder.location, masterSnapshot, edits) : null;
  const newAtgarder: (string | number | null)[][] = [];

  const done = new Map<string, string>();
  for (const file of input.returned) {
    const readings = readReports(file.snapshot);
    if (!readings.length) {
      findings.push(finding('RAP-INGEN-RAPPORT', 'indata', 'varning', null, null, null,
        `${file.name}: filen innehåller ingen Styrkoll-rapport (kolumn A saknar Styrkolls id).`,
        'Skicka tillbaka den rapport som Styrkoll skapade, eller skapa en ny med styrkoll report.'));
      continue;
    }
    for (const reading of readings) {
      const namnd = namnder.find((n) => sameNamnd(n, reading.namnd));
      if (!namnd) {
        findings.push(finding('RAP-OKAND-NAMND', 'indata', 'varning', reading.sheet, null, null,
          `${file.name}: bladet "${reading.sheet}" gäller nämnden "${reading.namnd ?? '?'}", som inte finns i huvudarbetsboken.`,
          'Kontrollera nämndens namn i huvudarbetsboken eller att rätt fil skickats tillbaka.'));
        continue;
      }
      if (done.has(namnd)) {
        findings.push(finding('RAP-DUBBLETT', 'indata', 'varning', reading.sheet, null, namnd,
          `${file.name}: ${namnd} har redan lämnat svar i ${done.get(namnd)}; bladet "${reading.sheet}" togs inte in.`,
          'Ta bort den rapport som inte gäller och samla in igen.'));
        continue;
      }
      if (template && reading.template && reading.template !== template.id) {
        summary.push(`${file.name}: bladet "${reading.sheet}" är gjort med mallen ${reading.template}, inte ${template.id}.`);
      }
      const sheetSnap = file.snapshot.sheets.find((s) => s.name === reading.sheet)!;
      const expected =
        template && (!reading.template || reading.template === template.id)
          ? buildNamndSheet({ model: master, template }, namnd, names[namnder.indexOf(namnd)]).sheet
          : null;
      const changed = changedCells(reading, sheetSnap, expected);
      if (changed.length) {
        const first = changed[0].split(':')[0];
        findings.push(finding('RAP-LAST-CELL-ANDRAD', 'indata', 'fel', reading.sheet, Number(first.replace(/\D/g, '')), namnd,
          `${file.name}: låsta celler har ändrats (${changed.slice(0, 12).join(', ')}${changed.length > 12 ? ' …' : ''}); nämndens svar togs inte in.`,
          'Be nämnden bara fylla i de gula fälten, eller skapa rapporten på nytt med styrkoll report och flytta över svaren.',
          first));
        summary.push(`${namnd}: svaren togs inte in eftersom ${changed.length} låsta celler har ändrats i ${file.name}.`);
        done.set(namnd, file.name);
        continue;
      }
      done.set(namnd, file.name);
      const before = edits.length;
      const answered = takeAnswers(reading, namnd, file.name);
      findings.push(...missingAnswerFindings({ reading, namnd, file: file.name, master, template }));
      summary.push(`${namnd}: ${answered} av ${reading.fields.size} fält ifyllda i ${file.name}; ${edits.length - before} ändringar i huvudarbetsboken.`);
    }
  }

  function takeAnswers(reading: ReportReading, namnd: string, fileName: string): number {
    let answered = 0;
    const rows = new Map<string, Map<string, ReadField>>();
    for (const f of reading.fields.values()) {
      answers.push({ namnd, file: fileName, sheet: reading.sheet, cell: f.cell, id: f.id, label: labelFor(f.id, master, template), value: asText(f.value) });
      if (!isBlank(f.value)) answered++;
      const { key, field } = splitTextId(f.id);
      if (!rows.has(key)) rows.set(key, new Map());
      rows.get(key)!.set(field, f);
    }
    for (const [key, fields] of rows) {
      const [kind, ...rest] = key.split(':');
      const id = rest.join(':');
      if (kind === 'mal' && goals) {
        const f = fields.get('prognos');
        const g = master.goals!.items.find((x) => x.id === id);
        const label = f ? prognosLabel(f.value) : null;
        if (g && label) goals.set(g.row, goals.column(['prognos'], ['Prognos'], 'Prognos'), label);
      } else if (kind === 'uppdrag' && uppdrag) {
        const f = fields.get('status');
        const u = master.uppdrag!.items.find((x) => x.id === id);
        if (u && f && !isBlank(f.value)) uppdrag.set(u.row, uppdrag.column(['status'], ['Status'], 'Status'), asText(f.value));
      } else if (kind === 'indikator' && indicators) {
        const f = fields.get('utfall');
        const i = master.indicators!.items.find((x) => x.id === id);
        const n = f ? parseSwedishNumber(f.value) : null;
        if (i && n !== null) {
          indicators.set(i.row, indicators.column(['utfall', 'outcome'], ['Utfall'], 'Utfall'), n);
          const year = Number(reading.year);
          if (Number.isInteger(year) && year > 0) indicators.set(i.row, indicators.column(['utfallsar', 'outcomeYear'], ['Utfallsår'], 'Utfallsår'), year);
        }
      } else if (kind === 'atgard') {
        const text = fields.get('atgard')?.value;
        if (isBlank(text)) continue;
        const belopp = fields.get('belopp')?.value ?? null;
        const dup = master.atgarder?.items.some((a) => sameNamnd(a.namnd, namnd) && normalizeName(a.text) === normalizeName(String(text)));
        if (dup) {
          summary.push(`${namnd}: åtgärden "${String(text).slice(0, 60)}" finns redan i Åtgärder och lades inte till igen.`);
          continue;
        }
        newAtgarder.push([
          namnd,
          asText(text ?? null),
          parseSwedishNumber(belopp) ?? asText(belopp),
          asText(fields.get('ansvarig')?.value ?? null),
          asDate(fields.get('klart')?.value ?? null),
          asText(fields.get('status')?.value ?? null),
        ]);
      }
    }
    return answered;
  }

  if (newAtgarder.length) {
    if (atgarder) {
      const cols = [
        atgarder.column(['namnd'], ['Nämnd'], 'Nämnd'),
        atgarder.column(['text', 'atgard'], ['Åtgärd'], 'Åtgärd'),
        atgarder.column(['belopp'], ['Belopp'], 'Belopp'),
        atgarder.column(['ansvarig'], ['Ansvarig'], 'Ansvarig'),
        atgarder.column(['klartSenast', 'klart'], ['Klart senast'], 'Klart senast'),
        atgarder.column(['status'], ['Status'], 'Status'),
      ];
      for (const values of newAtgarder) {
        const r = atgarder.appendRow();
        values.forEach((v, i) => v !== null && atgarder.set(r, cols[i], v));
      }
    } else {
      extraSheets.push(atgarderSheet(newAtgarder));
    }
    summary.push(`${newAtgarder.length} nya åtgärder ${atgarder ? 'läggs till i ' + master.atgarder!.location.name : 'står i det nya bladet Åtgärder'}.`);
  }

  for (const n of namnder) {
    if (done.has(n)) continue;
    findings.push(finding('RAP-RAPPORT-SAKNAS', 'arshjul', 'info', null, null, n, `${n} har inte lämnat någon rapport.`, 'Påminn nämnden om att skicka tillbaka sin rapport.'));
  }
  return { edits, answers, findings, summary, sheets: [buildSummarySheet(answers, template), ...extraSheets] };
}

function atgarderSheet(rows: (string | number | null)[][]): SheetSpec {
  const header = ['Nämnd', 'Åtgärd', 'Belopp', 'Ansvarig', 'Klart senast', 'Status'];
  return {
    name: 'Åtgärder',
    rows: [header.map((h) => ({ v: h, style: { bold: true, border: 'bottom' } })), ...rows.map((r) => r.map((v) => ({ v })))],
    columnWidths: [24, 50, 12, 20, 14, 14],
    freeze: { rows: 1 },
  };
}
