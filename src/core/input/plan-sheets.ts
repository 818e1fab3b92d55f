/** The Mål, Indikatorer, Uppdrag and Åtgärder sheets, mapped row by row into the model. */
import type { Atgard, Goal, Indicator, TableSheet, Uppdrag } from '../model';
import type { SheetSnapshot } from '../snapshot';
import { reportUnknownValue } from './cells';
import { parseBoolean, parseGoalPrognos, parseRiktning } from './enums';
import { AVSNITT, type FindingSink } from './findings';
import { ATGARD_COLUMNS, INDIKATOR_COLUMNS, MAL_COLUMNS, UPPDRAG_COLUMNS } from './header-specs';
import { readTableSheet, type RowReader } from './sheet-reader';

const SKIPPED = 'raden har hoppats över.';

export function readGoals(sheet: SheetSnapshot, sink: FindingSink): TableSheet<Goal> | null {
  return readTableSheet<Goal>(sheet, sink, {
    spec: MAL_COLUMNS,
    required: MAL_COLUMNS.required,
    avsnitt: AVSNITT.mal,
    namndKey: 'namnd',
    map: (r) => {
      const id = r.text('id');
      if (id === null) {
        r.reportEmpty('id', 'målet kan inte kopplas i målkedjan och ' + SKIPPED);
        return null;
      }
      let prognos = parseGoalPrognos(r.raw('prognos'));
      if (prognos === undefined) {
        reportUnknownValue(r.ctx, r.raw('prognos'), r.col('prognos'), r.title('prognos'), '”Uppnås”, ”Delvis” eller ”Uppnås ej”');
        prognos = null;
      }
      return {
        row: r.ctx.row,
        id,
        niva: requiredText(r, 'niva', 'målets nivå är okänd.'),
        text: requiredText(r, 'text', 'målet har ingen text.'),
        parentId: r.text('parentId'),
        namnd: r.text('namnd'),
        perspektiv: r.text('perspektiv'),
        prognos,
        kraverMedel: r.number('kraverMedel'),
      };
    },
  });
}

export function readIndicators(sheet: SheetSnapshot, sink: FindingSink): TableSheet<Indicator> | null {
  return readTableSheet<Indicator>(sheet, sink, {
    spec: INDIKATOR_COLUMNS,
    required: INDIKATOR_COLUMNS.required,
    avsnitt: AVSNITT.indikatorer,
    map: (r) => {
      const id = r.text('id');
      if (id === null) {
        r.reportEmpty('id', 'indikatorn kan inte identifieras och ' + SKIPPED);
        return null;
      }
      let riktning = parseRiktning(r.raw('riktning'));
      if (riktning === undefined) {
        reportUnknownValue(r.ctx, r.raw('riktning'), r.col('riktning'), r.title('riktning'), '”Högre är bättre” eller ”Lägre är bättre” (högre är bättre antas)');
      }
      return {
        row: r.ctx.row,
        id,
        goalId: requiredText(r, 'goalId', 'indikatorn kan inte kopplas till något mål.'),
        text: requiredText(r, 'text', 'indikatorn har inget namn.'),
        koladaId: r.text('koladaId'),
        baseline: r.number('baseline'),
        baselineYear: year(r, 'baselineYear'),
        target: r.number('target'),
        targetYear: year(r, 'targetYear'),
        outcome: r.number('outcome'),
        outcomeYear: year(r, 'outcomeYear'),
        riktning: riktning ?? 'hogre',
      };
    },
  });
}

export function readUppdrag(sheet: SheetSnapshot, sink: FindingSink): TableSheet<Uppdrag> | null {
  return readTableSheet<Uppdrag>(sheet, sink, {
    spec: UPPDRAG_COLUMNS,
    required: UPPDRAG_COLUMNS.required,
    avsnitt: AVSNITT.uppdrag,
    namndKey: 'ansvarig',
    map: (r) => {
      const id = r.text('id');
      if (id === null) {
        r.reportEmpty('id', 'uppdraget kan inte identifieras och ' + SKIPPED);
        return null;
      }
      let finansierad = parseBoolean(r.raw('finansierad'));
      if (finansierad === undefined) {
        reportUnknownValue(r.ctx, r.raw('finansierad'), r.col('finansierad'), r.title('finansierad'), '”Ja” eller ”Nej”');
        finansierad = null;
      }
      return {
        row: r.ctx.row,
        id,
        text: requiredText(r, 'text', 'uppdraget har ingen text.'),
        givetAv: r.text('givetAv'),
        ansvarig: r.text('ansvarig'),
        kostnad: r.number('kostnad'),
        finansierad,
        status: r.text('status'),
        klartSenast: r.date('klartSenast'),
      };
    },
  });
}

export function readAtgarder(sheet: SheetSnapshot, sink: FindingSink, settingsNamnd: string | null): TableSheet<Atgard> | null {
  return readTableSheet<Atgard>(sheet, sink, {
    spec: ATGARD_COLUMNS,
    required: settingsNamnd ? ['text'] : ATGARD_COLUMNS.required,
    avsnitt: AVSNITT.atgarder,
    namndKey: 'namnd',
    defaultNamnd: settingsNamnd,
    map: (r) => {
      const namnd = r.text('namnd') ?? settingsNamnd;
      if (namnd === null) {
        r.ctx.sink.add({
          rule: 'IN-NAMND-SAKNAS',
          severity: 'varning',
          sheet: r.ctx.sheet,
          row: r.ctx.row,
          col: r.col('namnd') || null,
          message: `Åtgärden på rad ${r.ctx.row} i bladet ${r.ctx.sheet} saknar nämnd och kan inte knytas till någon åtgärdsplan; ${SKIPPED}`,
          suggestion: 'Fyll i vilken nämnd åtgärden hör till.',
          avsnitt: AVSNITT.atgarder,
        });
        return null;
      }
      return {
        row: r.ctx.row,
        namnd,
        text: requiredText(r, 'text', 'det framgår inte vad åtgärden är.'),
        belopp: r.number('belopp'),
        ansvarig: r.text('ansvarig'),
        klartSenast: r.date('klartSenast'),
        status: r.text('status'),
      };
    },
  });
}

function requiredText(r: RowReader, key: string, consequence: string): string {
  const t = r.text(key);
  if (t !== null) return t;
  r.reportEmpty(key, consequence);
  return '';
}

/** A year column: an integer 1900–9999, else a finding and null. */
function year(r: RowReader, key: string): number | null {
  const n = r.number(key);
  if (n === null || (Number.isInteger(n) && n >= 1900 && n <= 9999)) return n;
  reportUnknownValue(r.ctx, r.raw(key), r.col(key), r.title(key), 'ett årtal med fyra siffror, t.ex. 2026');
  return null;
}
