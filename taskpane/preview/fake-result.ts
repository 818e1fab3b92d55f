/** Realistic findings for previews and screenshots of the pane (no workbook involved). */
import type { CheckResult } from '../../src/core';
import type { Finding } from '../../src/core';
import type { MappingData } from '../services';

const f = (p: Partial<Finding> & Pick<Finding, 'rule' | 'category' | 'severity' | 'message'>): Finding => ({
  sheet: null, row: null, cell: null, namnd: null, source: 'Hedemora styrmodell, Budgetavvikelser', suggestion: '', ...p,
});

export function fakeFindings(): Finding[] {
  return [
    f({ rule: 'BUD-UNDERSKOTT', category: 'budget', severity: 'fel', sheet: 'Budget', row: 17, cell: 'F17', namnd: 'Socialnämnden', message: 'Prognosen för Äldreomsorg visar ett underskott på 4,5 mnkr (3,7 % av budgeten).', suggestion: 'Ta fram en åtgärdsplan och redovisa den i Åtgärder.' }),
    f({ rule: 'BUD-ATGARDSPLAN', category: 'budget', severity: 'fel', sheet: 'Budget', row: 22, cell: 'F22', namnd: 'Barn- och utbildningsnämnden', message: 'Underskott på 2,1 mnkr utan åtgärdsplan.', suggestion: 'Lägg till åtgärder med belopp för nämnden.' }),
    f({ rule: 'BUD-KOMMENTAR', category: 'budget', severity: 'varning', sheet: 'Budget', row: 9, cell: 'H9', namnd: 'Kultur- och fritidsnämnden', message: 'Avvikelse över 2 % saknar kommentar.', suggestion: 'Skriv en kort förklaring i Kommentar.' }),
    f({ rule: 'MAL-UPPNAS-EJ', category: 'mal', severity: 'varning', sheet: 'Mål', row: 12, cell: 'G12', namnd: 'Socialnämnden', message: 'Nämndmålet ”Fler äldre bor kvar hemma” bedöms inte uppnås.', suggestion: 'Beskriv vad nämnden gör för att nå målet.', source: 'Hedemora styrmodell, Uppföljning' }),
    f({ rule: 'MAL-INDIKATOR', category: 'mal', severity: 'info', sheet: 'Indikatorer', row: 5, cell: 'I5', namnd: 'Barn- och utbildningsnämnden', message: 'Indikatorn N15436 har inget utfall för 2025 ännu.', source: 'Hedemora styrmodell, Indikatorer' }),
    f({ rule: 'MM-UPPDRAG-OFINANSIERAT', category: 'mal-medel', severity: 'varning', sheet: 'Uppdrag', row: 4, cell: 'F4', namnd: 'Tekniska nämnden', message: 'Uppdraget ”Utred ny simhall” kostar 1,2 mnkr men är inte finansierat.', suggestion: 'Ange finansiering eller ändra uppdraget.', source: 'Flen styrmodell, Mål och medel' }),
    f({ rule: 'ROD-FORALDER', category: 'rod-trad', severity: 'fel', sheet: 'Mål', row: 15, cell: 'D15', namnd: 'Tekniska nämnden', message: 'Målet M-31 pekar på föräldern M-9, som inte finns.', suggestion: 'Rätta Förälder till ett befintligt mål-ID.', source: 'Hedemora styrmodell, Röd tråd' }),
    f({ rule: 'ARS-DELAR', category: 'arshjul', severity: 'info', message: 'Delårsrapporten per augusti ska lämnas senast 30 september.', source: 'Hedemora styrmodell, Årshjul' }),
    f({ rule: 'IND-SUMMA', category: 'indata', severity: 'varning', sheet: 'Budget', row: 30, cell: 'D30', message: 'Summaraden stämmer inte med raderna ovanför (skillnad 1 200 kr).', suggestion: 'Kontrollera formeln i summaraden.' }),
  ];
}

export function fakeResult(): CheckResult {
  const findings = fakeFindings();
  const byCategory = { budget: 0, mal: 0, 'mal-medel': 0, 'rod-trad': 0, arshjul: 0, indata: 0 };
  const bySeverity = { fel: 0, varning: 0, info: 0 };
  for (const x of findings) {
    byCategory[x.category]++;
    bySeverity[x.severity]++;
  }
  return {
    findings,
    summary: { profile: 'hedemora', kommun: 'Hedemora kommun', period: '2025-08', counts: { total: findings.length, byCategory, bySeverity }, ruleCount: 42, notes: [], inlast: ['Budget: bladet Budget (hittat efter namnet), rubrikrad 1, rad 2–40: 39 budgetrader.', 'Enhet: tkr (Belopp i i bladet Inställningar).'], budgetRead: true },
  };
}

/** A check that found no budget: one IN-BLAD-SAKNAS error and the Inläst lines that say why. */
export function noBudgetResult(): CheckResult {
  const findings: Finding[] = [
    f({
      rule: 'IN-BLAD-SAKNAS',
      category: 'indata',
      severity: 'fel',
      source: 'Styrkoll, indata',
      message: 'Ingen budgetdata hittades, så budgeten har inte kontrollerats: inget blad heter Budget, och inget av bladen ”Blad1” har en rubrikrad med en budgetkolumn bland de 40 första raderna.',
      suggestion: 'Döp bladet med budgetraderna till Budget, eller ange var budgeten står: Budgetblad och t.ex. Kolumn Budget i bladet Inställningar (--sheet och --map på kommandoraden, Koppla kolumner i Styrkoll-fönstret).',
    }),
  ];
  return {
    findings,
    summary: {
      profile: 'standard',
      kommun: null,
      period: null,
      counts: { total: 1, byCategory: { budget: 0, mal: 0, 'mal-medel': 0, 'rod-trad': 0, arshjul: 0, indata: 1 }, bySeverity: { fel: 1, varning: 0, info: 0 } },
      ruleCount: 42,
      notes: ['Ingen budgetdata hittades i arbetsboken.'],
      inlast: ['Inte läst: bladet Blad1 – ingen rubrikrad som Styrkoll känner igen bland de 40 första raderna.'],
      budgetRead: false,
    },
  };
}

const FIELDS = [
  { key: 'budget', title: 'Budget' }, { key: 'utfall', title: 'Utfall' }, { key: 'prognos', title: 'Prognos' }, { key: 'avvikelse', title: 'Avvikelse' },
  { key: 'namnd', title: 'Nämnd' }, { key: 'verksamhet', title: 'Verksamhet' }, { key: 'konto', title: 'Konto' }, { key: 'typ', title: 'Typ' }, { key: 'kommentar', title: 'Kommentar' },
];

/** The Koppla kolumner data for the previews: a recognised Budget sheet, or (none) an unread Blad1. */
export function fakeMappingData(budget: boolean): MappingData {
  const header = ['Nämnd', 'Verksamhet', 'Konto', 'Budget', 'Utfall', 'Prognos', 'Kommentar'];
  const blad1 = ['Ansvar', 'Ansvar (T)', 'Årsbudget', 'Ack. utfall', 'Helårsbedömning', 'Notering'];
  return {
    fields: FIELDS,
    sheets: budget
      ? [{ name: 'Budget', rows: [{ row: 1, cells: header.map((text, i) => ({ col: i + 1, text })) }], likelyHeaderRow: 1 }]
      : [{ name: 'Blad1', rows: [{ row: 1, cells: [{ col: 1, text: 'Uppföljning per ansvar' }] }, { row: 3, cells: blad1.map((text, i) => ({ col: i + 1, text })) }], likelyHeaderRow: 3 }],
    recognised: budget
      ? { sheet: 'Budget', headerRow: 1, columns: Object.fromEntries(['namnd', 'verksamhet', 'konto', 'budget', 'utfall', 'prognos', 'kommentar'].map((k, i) => [k, { col: i + 1, header: header[i] }])) }
      : null,
    current: {},
  };
}
