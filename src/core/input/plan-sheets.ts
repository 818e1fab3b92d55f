/**
 * The Mål, Indikatorer, Uppdrag and Åtgärder sheets, mapped row by row into the model. Each
 * sheet's columns are resolved once; a row is read by index in one plain loop per sheet.
 */
import type { Atgard, Goal, Indicator, TableSheet, Uppdrag } from '../model';
import type { SheetSnapshot } from '../snapshot';
import { parseBoolean, parseGoalPrognos, parseRiktning } from './enums';
import { AVSNITT, type FindingSink } from './findings';
import { ATGARD_COLUMNS, INDIKATOR_COLUMNS, MAL_COLUMNS, UPPDRAG_COLUMNS } from './header-specs';
import { type Column, TableRows } from './sheet-reader';
import { cellText } from './text';

const SKIPPED = 'raden har hoppats över.';

export function readGoals(sheet: SheetSnapshot, sink: FindingSink): TableSheet<Goal> | null {
  const t = TableRows.open(sheet, sink, { spec: MAL_COLUMNS, required: MAL_COLUMNS.required, avsnitt: AVSNITT.mal, namndKey: 'namnd' });
  if (t === null) return null;
  const id = t.column('id');
  const niva = t.column('niva');
  const text = t.column('text');
  const parentId = t.column('parentId');
  const perspektiv = t.column('perspektiv');
  const prognos = t.column('prognos');
  const kraverMedel = t.column('kraverMedel');
  const items: Goal[] = [];
  while (t.next()) {
    const row = t.row;
    const goalId = cellText(row[id.index]);
    if (goalId === null) {
      t.reportEmpty(id, 'målet kan inte kopplas i målkedjan och ' + SKIPPED);
      continue;
    }
    let p = parseGoalPrognos(row[prognos.index]);
    if (p === undefined) {
      t.reportUnknown(prognos, '”Uppnås”, ”Delvis” eller ”Uppnås ej”');
      p = null;
    }
    items.push({
      row: t.ctx.row,
      id: goalId,
      niva: requiredText(t, niva, 'målets nivå är okänd.'),
      text: requiredText(t, text, 'målet har ingen text.'),
      parentId: cellText(row[parentId.index]),
      // The Nämnd cell as the row's findings name it.
      namnd: t.ctx.namnd,
      perspektiv: cellText(row[perspektiv.index]),
      prognos: p,
      kraverMedel: t.number(kraverMedel),
    });
  }
  return { location: t.location, items };
}

export function readIndicators(sheet: SheetSnapshot, sink: FindingSink): TableSheet<Indicator> | null {
  const t = TableRows.open(sheet, sink, { spec: INDIKATOR_COLUMNS, required: INDIKATOR_COLUMNS.required, avsnitt: AVSNITT.indikatorer });
  if (t === null) return null;
  const id = t.column('id');
  const goalId = t.column('goalId');
  const text = t.column('text');
  const koladaId = t.column('koladaId');
  const baseline = t.column('baseline');
  const baselineYear = t.column('baselineYear');
  const target = t.column('target');
  const targetYear = t.column('targetYear');
  const outcome = t.column('outcome');
  const outcomeYear = t.column('outcomeYear');
  const riktning = t.column('riktning');
  const items: Indicator[] = [];
  while (t.next()) {
    const row = t.row;
    const indicatorId = cellText(row[id.index]);
    if (indicatorId === null) {
      t.reportEmpty(id, 'indikatorn kan inte identifieras och ' + SKIPPED);
      continue;
    }
    const r = parseRiktning(row[riktning.index]);
    if (r === undefined) t.reportUnknown(riktning, '”Högre är bättre” eller ”Lägre är bättre” (högre är bättre antas)');
    items.push({
      row: t.ctx.row,
      id: indicatorId,
      goalId: requiredText(t, goalId, 'indikatorn kan inte kopplas till något mål.'),
      text: requiredText(t, text, 'indikatorn har inget namn.'),
      koladaId: cellText(row[koladaId.index]),
      baseline: t.number(baseline),
      baselineYear: year(t, baselineYear),
      target: t.number(target),
      targetYear: year(t, targetYear),
      outcome: t.number(outcome),
      outcomeYear: year(t, outcomeYear),
      riktning: r ?? 'hogre',
    });
  }
  return { location: t.location, items };
}

export function readUppdrag(sheet: SheetSnapshot, sink: FindingSink): TableSheet<Uppdrag> | null {
  const t = TableRows.open(sheet, sink, { spec: UPPDRAG_COLUMNS, required: UPPDRAG_COLUMNS.required, avsnitt: AVSNITT.uppdrag, namndKey: 'ansvarig' });
  if (t === null) return null;
  const id = t.column('id');
  const text = t.column('text');
  const givetAv = t.column('givetAv');
  const kostnad = t.column('kostnad');
  const finansierad = t.column('finansierad');
  const status = t.column('status');
  const klartSenast = t.column('klartSenast');
  const items: Uppdrag[] = [];
  while (t.next()) {
    const row = t.row;
    const uppdragId = cellText(row[id.index]);
    if (uppdragId === null) {
      t.reportEmpty(id, 'uppdraget kan inte identifieras och ' + SKIPPED);
      continue;
    }
    let f = parseBoolean(row[finansierad.index]);
    if (f === undefined) {
      t.reportUnknown(finansierad, '”Ja” eller ”Nej”');
      f = null;
    }
    items.push({
      row: t.ctx.row,
      id: uppdragId,
      text: requiredText(t, text, 'uppdraget har ingen text.'),
      givetAv: cellText(row[givetAv.index]),
      // The Ansvarig cell as the row's findings name it.
      ansvarig: t.ctx.namnd,
      kostnad: t.number(kostnad),
      finansierad: f,
      status: cellText(row[status.index]),
      klartSenast: t.date(klartSenast),
    });
  }
  return { location: t.location, items };
}

export function readAtgarder(sheet: SheetSnapshot, sink: FindingSink, settingsNamnd: string | null): TableSheet<Atgard> | null {
  const t = TableRows.open(sheet, sink, {
    spec: ATGARD_COLUMNS,
    required: settingsNamnd ? ['text'] : ATGARD_COLUMNS.required,
    avsnitt: AVSNITT.atgarder,
    namndKey: 'namnd',
    defaultNamnd: settingsNamnd,
  });
  if (t === null) return null;
  const namnd = t.column('namnd');
  const text = t.column('text');
  const belopp = t.column('belopp');
  const ansvarig = t.column('ansvarig');
  const klartSenast = t.column('klartSenast');
  const status = t.column('status');
  const items: Atgard[] = [];
  while (t.next()) {
    const row = t.row;
    // The Nämnd cell, else the one in Inställningar: as the row's findings name it.
    const owner = t.ctx.namnd;
    if (owner === null) {
      const ctx = t.ctx;
      sink.add({
        rule: 'IN-NAMND-SAKNAS',
        severity: 'varning',
        sheet: ctx.sheet,
        row: ctx.row,
        col: namnd.col,
        message: `Åtgärden på rad ${ctx.row} i bladet ${ctx.sheet} saknar nämnd och kan inte knytas till någon åtgärdsplan; ${SKIPPED}`,
        suggestion: 'Fyll i vilken nämnd åtgärden hör till.',
        avsnitt: AVSNITT.atgarder,
      });
      continue;
    }
    items.push({
      row: t.ctx.row,
      namnd: owner,
      text: requiredText(t, text, 'det framgår inte vad åtgärden är.'),
      belopp: t.number(belopp),
      ansvarig: cellText(row[ansvarig.index]),
      klartSenast: t.date(klartSenast),
      status: cellText(row[status.index]),
    });
  }
  return { location: t.location, items };
}

function requiredText(t: TableRows, c: Column, consequence: string): string {
  const text = cellText(t.row[c.index]);
  if (text !== null) return text;
  t.reportEmpty(c, consequence);
  return '';
}

/** A year column: an integer 1900–9999, else a finding and null. */
function year(t: TableRows, c: Column): number | null {
  const n = t.number(c);
  if (n === null || (Number.isInteger(n) && n >= 1900 && n <= 9999)) return n;
  t.reportUnknown(c, 'ett årtal med fyra siffror, t.ex. 2026');
  return null;
}
