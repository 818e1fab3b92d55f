/**
 * The columns of each contract sheet: field key, the name shown to users, and accepted headers.
 * Synonyms are written as users write them; they are compared through normalizeHeader.
 */
import { normalizeHeader } from './text';

export interface FieldSpec {
  key: string;
  /** The contract's column name, for messages. */
  title: string;
  synonyms: string[];
}

export interface ColumnSpec {
  fields: FieldSpec[];
  /** Field keys that must be present (the budget sheet's Nämnd is added when settings lack it). */
  required: string[];
  /** Whether `Plan 2026`-style columns are read. */
  planYears: boolean;
}

const NAMND = ['Nämnd', 'Nämnd/styrelse', 'Styrelse/nämnd', 'Styrelse', 'Nämnd/bolag', 'Department', 'Committee', 'Board'];
const KLART_SENAST = ['Klart senast', 'Klart', 'Klart datum', 'Slutdatum', 'Senast', 'Deadline', 'Due date'];
const ANSVARIG = ['Ansvarig', 'Ansvarig person', 'Responsible', 'Owner'];

export const BUDGET_COLUMNS: ColumnSpec = {
  required: ['budget'],
  planYears: true,
  fields: [
    { key: 'namnd', title: 'Nämnd', synonyms: NAMND },
    { key: 'verksamhet', title: 'Verksamhet', synonyms: ['Verksamhet', 'Verksamheter', 'Verksamhetsområde', 'Verksamhetsområden', 'Activity', 'Operation', 'Operations'] },
    { key: 'konto', title: 'Konto', synonyms: ['Konto', 'Kontonamn', 'Kontonummer', 'Kontoklass', 'Account'] },
    { key: 'typ', title: 'Typ', synonyms: ['Typ', 'Kostnad/intäkt', 'Intäkt/kostnad', 'Type'] },
    { key: 'budget', title: 'Budget', synonyms: ['Budget', 'Årsbudget', 'Budget helår', 'Helårsbudget', 'Budget år', 'Årets budget'] },
    { key: 'utfall', title: 'Utfall', synonyms: ['Utfall', 'Utfall ack', 'Utfall ackumulerat', 'Ackumulerat utfall', 'Ack utfall', 'Utfall hittills', 'Actual', 'Actuals', 'Outcome'] },
    { key: 'prognos', title: 'Prognos', synonyms: ['Prognos', 'Helårsprognos', 'Prognos helår', 'Årsprognos', 'Prognos år', 'Forecast', 'Full-year forecast'] },
    { key: 'avvikelse', title: 'Avvikelse', synonyms: ['Avvikelse', 'Återstår', 'Budgetavvikelse', 'Avvikelse mot budget', 'Avvikelse budget', 'Avvikelse helår', 'Budgetavvikelse helår', 'Prognosavvikelse', 'Variance', 'Deviation'] },
    { key: 'kommentar', title: 'Kommentar', synonyms: ['Kommentar', 'Kommentarer', 'Analys', 'Notering', 'Comment', 'Comments'] },
  ],
};

export const MAL_COLUMNS: ColumnSpec = {
  required: ['id', 'niva', 'text'],
  planYears: false,
  fields: [
    { key: 'id', title: 'ID', synonyms: ['ID', 'Mål-ID', 'Målnummer', 'Nr'] },
    { key: 'niva', title: 'Nivå', synonyms: ['Nivå', 'Målnivå', 'Level'] },
    { key: 'text', title: 'Mål', synonyms: ['Mål', 'Måltext', 'Målformulering', 'Goal'] },
    { key: 'parentId', title: 'Förälder', synonyms: ['Förälder', 'Förälder-ID', 'Överordnat mål', 'Överordnat mål-ID', 'Kopplat till', 'Parent', 'Parent ID'] },
    { key: 'namnd', title: 'Nämnd', synonyms: [...NAMND, 'Ägare', 'Ansvarig nämnd'] },
    { key: 'perspektiv', title: 'Perspektiv', synonyms: ['Perspektiv', 'Perspective'] },
    { key: 'prognos', title: 'Prognos', synonyms: ['Prognos', 'Måluppfyllelse', 'Prognos måluppfyllelse', 'Bedömning', 'Forecast'] },
    { key: 'kraverMedel', title: 'Kräver medel', synonyms: ['Kräver medel', 'Behov av medel', 'Medel', 'Kostnad'] },
  ],
};

export const INDIKATOR_COLUMNS: ColumnSpec = {
  required: ['id', 'goalId', 'text'],
  planYears: false,
  fields: [
    { key: 'id', title: 'ID', synonyms: ['ID', 'Indikator-ID', 'Nr'] },
    { key: 'goalId', title: 'Mål-ID', synonyms: ['Mål-ID', 'Målid', 'Kopplat mål', 'Goal ID'] },
    { key: 'text', title: 'Indikator', synonyms: ['Indikator', 'Indikatornamn', 'Nyckeltal', 'Indicator', 'KPI'] },
    { key: 'koladaId', title: 'Kolada-ID', synonyms: ['Kolada-ID', 'Kolada', 'KPI-ID', 'Kolada KPI'] },
    { key: 'baseline', title: 'Utgångsvärde', synonyms: ['Utgångsvärde', 'Startvärde', 'Basvärde', 'Baseline'] },
    { key: 'baselineYear', title: 'Utgångsår', synonyms: ['Utgångsår', 'Startår', 'Basår', 'Baseline year'] },
    { key: 'target', title: 'Målvärde', synonyms: ['Målvärde', 'Önskat värde', 'Önskat läge', 'Target'] },
    { key: 'targetYear', title: 'Målår', synonyms: ['Målår', 'Target year'] },
    { key: 'outcome', title: 'Utfall', synonyms: ['Utfall', 'Senaste utfall', 'Outcome', 'Actual'] },
    { key: 'outcomeYear', title: 'Utfallsår', synonyms: ['Utfallsår', 'År för utfall', 'Outcome year'] },
    { key: 'riktning', title: 'Riktning', synonyms: ['Riktning', 'Direction'] },
  ],
};

export const UPPDRAG_COLUMNS: ColumnSpec = {
  required: ['id', 'text'],
  planYears: false,
  fields: [
    { key: 'id', title: 'ID', synonyms: ['ID', 'Uppdrags-ID', 'Nr'] },
    { key: 'text', title: 'Uppdrag', synonyms: ['Uppdrag', 'Uppdragstext', 'Beskrivning', 'Assignment'] },
    { key: 'givetAv', title: 'Givet av', synonyms: ['Givet av', 'Beslutat av', 'Uppdragsgivare', 'Given by'] },
    { key: 'ansvarig', title: 'Ansvarig', synonyms: [...ANSVARIG, 'Ansvarig nämnd', 'Nämnd'] },
    { key: 'kostnad', title: 'Kostnad', synonyms: ['Kostnad', 'Beräknad kostnad', 'Cost'] },
    { key: 'finansierad', title: 'Finansierad', synonyms: ['Finansierad', 'Finansierat', 'Finansiering', 'Funded'] },
    { key: 'status', title: 'Status', synonyms: ['Status'] },
    { key: 'klartSenast', title: 'Klart senast', synonyms: KLART_SENAST },
  ],
};

export const ATGARD_COLUMNS: ColumnSpec = {
  required: ['namnd', 'text'],
  planYears: false,
  fields: [
    { key: 'namnd', title: 'Nämnd', synonyms: NAMND },
    { key: 'text', title: 'Åtgärd', synonyms: ['Åtgärd', 'Åtgärder', 'Beskrivning', 'Action'] },
    { key: 'belopp', title: 'Belopp', synonyms: ['Belopp', 'Effekt', 'Besparing', 'Amount'] },
    { key: 'ansvarig', title: 'Ansvarig', synonyms: ANSVARIG },
    { key: 'klartSenast', title: 'Klart senast', synonyms: KLART_SENAST },
    { key: 'status', title: 'Status', synonyms: ['Status'] },
  ],
};

const compiled = new WeakMap<ColumnSpec, Map<string, string>>();

/** normalized header → field key for a spec (built once per spec). */
export function headerIndex(spec: ColumnSpec): Map<string, string> {
  let index = compiled.get(spec);
  if (!index) {
    index = new Map();
    for (const field of spec.fields) {
      for (const s of [field.title, ...field.synonyms]) {
        const key = normalizeHeader(s);
        if (!index.has(key)) index.set(key, field.key);
      }
    }
    compiled.set(spec, index);
  }
  return index;
}

export function fieldTitle(spec: ColumnSpec, key: string): string {
  return spec.fields.find((f) => f.key === key)?.title ?? key;
}
