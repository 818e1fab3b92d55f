/**
 * Flens kommun, nämndrapport 2 (januari–maj 2025). The nämnder are Flen's (kommunstyrelsen;
 * barn-, utbildnings- och kulturnämnden; socialnämnden; samhällsbyggnadsnämnden; valnämnden) and the
 * chain follows "Riktlinje för styrning och ledning": vision → strategiska områden → nämndmål →
 * verksamhetsmål, budget plus three plan years. Vision, områden, goals and amounts are made up.
 */
import { Rng } from './prng';
import { MIX, findLine, generateLines, groupThousands, layoutBudget, namndAvvikelse, type NamndSpec } from './budget';
import { assertOnlyPlantedDeficits, ensureSurplus, plantOverrun } from './budget-plants';
import { date, layoutAtgarder, layoutGoals, layoutIndicators, layoutSettings, layoutUppdrag, onTrackOutcome, type GoalRow, type IndicatorRow } from './tables';
import type { ExampleWorkbook } from './example-workbook';

export const FLEN_FILE = 'flen-namndrapport-2-2025.xlsx';
const MONTHS = 5;

const KS = 'Kommunstyrelsen';
const BUKN = 'Barn-, utbildnings- och kulturnämnden';
const SN = 'Socialnämnden';
const SBN = 'Samhällsbyggnadsnämnden';
const VN = 'Valnämnden';
const KF = 'Kommunfullmäktige';

const NAMNDER: NamndSpec[] = [
  {
    namnd: KS,
    verksamheter: [
      { name: 'Politisk verksamhet', gross: 8500, mix: MIX.admin },
      { name: 'Kommunledningsförvaltningen', gross: 38000, mix: MIX.admin },
      { name: 'IT och digitalisering', gross: 21000, mix: MIX.drift },
      { name: 'Arbetsmarknadsenheten', gross: 26000, mix: MIX.personal },
      { name: 'Räddningstjänst', gross: 24000, mix: MIX.bidrag },
    ],
  },
  {
    namnd: BUKN,
    verksamheter: [
      { name: 'Förskola', gross: 105000, mix: MIX.personal },
      { name: 'Grundskola', gross: 185000, mix: MIX.personal },
      { name: 'Fritidshem', gross: 26000, mix: MIX.personal },
      { name: 'Gymnasieskola', gross: 80000, mix: MIX.kop },
      { name: 'Vuxenutbildning', gross: 22000, mix: MIX.personal },
      { name: 'Kultur och bibliotek', gross: 14000, mix: MIX.personal },
    ],
  },
  {
    namnd: SN,
    verksamheter: [
      { name: 'Hemtjänst', gross: 110000, mix: MIX.personal },
      { name: 'Särskilt boende', gross: 170000, mix: MIX.personal },
      { name: 'Funktionsstöd', gross: 95000, mix: MIX.personal },
      { name: 'Individ- och familjeomsorg', gross: 40000, mix: MIX.personal },
      { name: 'Försörjningsstöd', gross: 32000, mix: MIX.bidrag },
    ],
  },
  {
    namnd: SBN,
    verksamheter: [
      { name: 'Bygg och miljö', gross: 12000, mix: MIX.taxa },
      { name: 'Gator och vägar', gross: 30000, mix: MIX.drift },
      { name: 'Parker', gross: 11000, mix: MIX.drift },
      { name: 'Fritidsanläggningar', gross: 18000, mix: MIX.drift },
    ],
  },
  { namnd: VN, verksamheter: [{ name: 'Valadministration', gross: 450, mix: MIX.admin }] },
];

function budgetSheet() {
  const lines = generateLines(new Rng(482_2025), NAMNDER, MONTHS, 3);
  plantOverrun(findLine(lines, SN, 'Försörjningsstöd', '4610'), 0.14, MONTHS, 'Fler hushåll med långvarigt bistånd', {
    category: 'budget',
    kind: 'rad-underskott',
    what: 'Försörjningsstödet prognostiseras 14 % över budget.',
    finding: true,
  });
  plantOverrun(findLine(lines, SN, 'Hemtjänst', '5110'), 0.05, MONTHS, 'Fler beviljade timmar', {
    category: 'budget',
    kind: 'rad-underskott',
    what: 'Hemtjänstens lönekostnader prognostiseras 5 % över budget.',
    finding: true,
  });
  plantOverrun(findLine(lines, BUKN, 'Gymnasieskola', '4010'), 0.04, MONTHS, 'Fler elever i andra kommuners gymnasieskolor', {
    category: 'budget',
    kind: 'rad-underskott',
    what: 'Köp av gymnasieplatser prognostiseras 4 % över budget (nämnden som helhet går med överskott).',
    finding: true,
  });
  plantOverrun(findLine(lines, VN, 'Valadministration', '6510'), 0.9, MONTHS, 'Inköp av ny valutrustning inför valet 2026', {
    category: 'budget',
    kind: 'rad-underskott',
    what: 'Valnämndens konsultkostnader prognostiseras 90 % över budget.',
    finding: true,
  });
  const sbn = lines.findIndex((l) => l.namnd === SBN && l.verksamhet === 'Gator och vägar') + 3;
  lines.splice(sbn, 0, {
    namnd: SBN,
    verksamhet: 'Gator och vägar',
    konto: '6510 Konsulttjänster',
    typ: 'Kostnad',
    budget: 0,
    utfall: 185,
    prognos: 0,
    plan: [0, 0, 0],
    kommentar: 'Ska bokas mot investeringsprojekt, omförs i juni',
    written: {},
    planted: [{ category: 'budget', kind: 'utfall-utan-budget', what: 'Utfall 185 tkr på ett konto utan budget (0 tkr).', finding: true }],
  });
  const park = findLine(lines, SBN, 'Parker', '6410');
  park.written.utfall = { formula: 'VLOOKUP(C2,Huvudbok!A:F,6,FALSE)', error: '#N/A' };
  park.planted.push({ category: 'indata', kind: 'felvarde', what: 'Utfallscellen innehåller #N/A (uppslag mot ett blad som saknas).', finding: true });
  const fo = findLine(lines, BUKN, 'Förskola', '5610');
  fo.written.utfall = groupThousands(fo.utfall, '\u202f');
  fo.planted.push({
    category: 'indata',
    kind: 'text-tal-med-nbsp',
    what: `Utfall är inskrivet som text med smalt hårt mellanslag (U+202F); ska läsas som talet ${fo.utfall}, inget fynd.`,
    finding: false,
  });
  for (const n of [KS, BUKN, SBN]) ensureSurplus(lines, n, 150);
  assertOnlyPlantedDeficits(lines);
  const snDeficit = -namndAvvikelse(lines, SN);
  if (snDeficit <= 0 || namndAvvikelse(lines, VN) >= 0) throw new Error('Socialnämnden och valnämnden ska prognostisera underskott');
  const layout = layoutBudget(
    lines,
    2026,
    [{ namnd: KS, field: 'utfall', delta: -830, spec: { category: 'indata', kind: 'summa-fel', what: 'Summaraden för utfall är 830 tkr lägre än summan av raderna.', finding: true } }],
    [
      { namnd: SN, spec: { category: 'budget', kind: 'namnd-underskott', what: 'Socialnämnden prognostiserar underskott; en åtgärdsplan finns i bladet Åtgärder.', finding: true } },
      {
        namnd: VN,
        spec: {
          category: 'budget',
          kind: 'namnd-underskott-utan-atgardsplan',
          what: 'Valnämnden prognostiserar ett litet underskott och har ingen åtgärdsplan (Flen kräver åtgärdsplan vid varje avvikelse).',
          finding: true,
        },
      },
    ],
  );
  return { layout, snDeficit };
}

function goals(): GoalRow[] {
  const g: GoalRow[] = [
    { id: 'V', niva: 'Vision', text: 'Flens kommun – en trygg och attraktiv kommun där människor och företag växer', parent: null, namnd: KF, prognos: null },
    { id: 'SO1', niva: 'Strategiskt område', text: 'Lärande och arbete: fler invånare är självförsörjande genom arbete eller studier', parent: 'V', namnd: KF, prognos: null },
    { id: 'SO2', niva: 'Strategiskt område', text: 'Trygg välfärd: invånare får stöd och omsorg med god kvalitet', parent: 'V', namnd: KF, prognos: null },
    { id: 'SO3', niva: 'Strategiskt område', text: 'Hållbar samhällsutveckling: kommunen växer med attraktiva och hållbara boendemiljöer', parent: 'V', namnd: KF, prognos: null },
    { id: 'SO4', niva: 'Strategiskt område', text: 'Effektiv organisation: resurserna används effektivt och ekonomin är i balans', parent: 'V', namnd: KF, prognos: null },
  ];
  const tree: [string, string, string, string, string[], 'Uppnås' | 'Delvis'][] = [
    [KS, 'KS', 'SO1', 'Fler personer i arbetsmarknadsinsatser går vidare till arbete eller studier', ['Minst 40 % går vidare efter avslutad insats'], 'Uppnås'],
    [KS, 'KS', 'SO4', 'Kommunens processer är digitala där det gynnar invånarna', ['Tio nya e-tjänster införs'], 'Uppnås'],
    [BUKN, 'BUKN', 'SO1', 'Fler elever lämnar grundskolan med fullständiga betyg', ['Alla skolor har en plan för ökad måluppfyllelse', 'Frånvaron i årskurs 7–9 minskar'], 'Uppnås'],
    [BUKN, 'BUKN', 'SO3', 'Biblioteken är mötesplatser i alla orter', ['Meröppet bibliotek i Malmköping och Sparreholm'], 'Uppnås'],
    [SN, 'SN', 'SO2', 'Äldre får omsorg med kontinuitet', ['Färre olika personal per brukare i hemtjänsten', 'Digitala trygghetstjänster erbjuds alla'], 'Delvis'],
    [SN, 'SN', 'SO1', 'Färre hushåll har långvarigt försörjningsstöd', ['Alla med försörjningsstöd har en planering mot arbete'], 'Delvis'],
    [SBN, 'SBN', 'SO3', 'Bygglov handläggs snabbt och rättssäkert', ['Alla kompletta ansökningar beslutas inom tio veckor'], 'Uppnås'],
    [SBN, 'SBN', 'SO3', 'Gång- och cykelvägnätet byggs ut', ['Två kilometer ny gång- och cykelväg byggs'], 'Uppnås'],
  ];
  const count: Record<string, number> = {};
  for (const [namnd, key, parent, text, vms, prognos] of tree) {
    const n = (count[key] = (count[key] ?? 0) + 1);
    const nmId = `NM-${key}-${n}`;
    g.push({ id: nmId, niva: 'Nämndmål', text, parent, namnd, prognos });
    vms.forEach((vm, i) => g.push({ id: `VM-${key}-${n}.${i + 1}`, niva: 'Verksamhetsmål', text: vm, parent: nmId, namnd, prognos }));
  }
  const byId = (id: string) => g.find((x) => x.id === id)!;
  const digital = byId('VM-SN-1.2');
  digital.kraverMedel = 600000;
  digital.planted = [
    {
      category: 'mal-medel',
      kind: 'mål-kräver-medel-vid-underskott',
      what: 'Verksamhetsmålet kräver 600 000 kr i nya medel medan Socialnämnden prognostiserar underskott.',
      finding: true,
    },
  ];
  const gcv = byId('VM-SBN-2.1');
  gcv.prognos = 'Uppnås ej';
  gcv.planted = [
    {
      category: 'mal',
      kind: 'prognos-uppnås-ej-utan-åtgärd',
      what: 'Verksamhetsmålet prognostiseras som Uppnås ej och Samhällsbyggnadsnämnden har ingen åtgärdsplan.',
      finding: true,
    },
  ];
  const orphan = byId('VM-BUKN-1.2');
  orphan.parent = null;
  orphan.planted = [{ category: 'rod-trad', kind: 'saknad-forälder', what: 'Verksamhetsmålet saknar förälder (kolumnen Förälder är tom).', finding: true }];
  byId('VM-KS-2.1').kraverMedel = 350000;
  return g;
}

const INDICATORS: Record<string, [string, number, number, number]> = {
  SO1: ['Andel invånare 20–64 år som förvärvsarbetar (%)', 74.1, 77, 1],
  SO2: ['Andel brukare som är nöjda med äldreomsorgen (%)', 82, 88, 0],
  SO3: ['Antal färdigställda bostäder', 35, 60, 0],
  SO4: ['Årets resultat som andel av skatter och generella statsbidrag (%)', 0.9, 2, 1],
  'NM-KS-1': ['Andel deltagare som går vidare till arbete eller studier (%)', 33, 45, 0],
  'VM-KS-1.1': ['Antal deltagare i arbetsmarknadsinsatser', 140, 170, 0],
  'NM-KS-2': ['Antal ärendetyper med e-tjänst', 42, 60, 0],
  'VM-KS-2.1': ['Antal nya e-tjänster under året', 3, 10, 0],
  'NM-BUKN-1': ['Andel elever i åk 9 med godkänt i alla ämnen (%)', 61, 70, 0],
  'VM-BUKN-1.1': ['Andel skolor med beslutad plan för måluppfyllelse (%)', 50, 100, 0],
  'VM-BUKN-1.2': ['Andel elever i åk 7–9 med över 15 % frånvaro (%)', 14, 9, 0],
  'NM-BUKN-2': ['Antal besök på biblioteken per invånare', 3.1, 4, 1],
  'VM-BUKN-2.1': ['Antal meröppna bibliotek', 1, 3, 0],
  'NM-SN-1': ['Personalkontinuitet i hemtjänsten (antal personal på 14 dagar)', 17, 12, 0],
  'VM-SN-1.1': ['Andel brukare med fast omsorgskontakt (%)', 70, 90, 0],
  'VM-SN-1.2': ['Antal personer med digitala trygghetstjänster', 40, 150, 0],
  'NM-SN-2': ['Andel hushåll med försörjningsstöd i mer än tio månader (%)', 46, 38, 0],
  'VM-SN-2.1': ['Andel med planering mot arbete eller studier (%)', 62, 90, 0],
  'NM-SBN-1': ['Handläggningstid för bygglov, median (dagar)', 52, 35, 0],
  'VM-SBN-1.1': ['Andel bygglov beslutade inom tio veckor (%)', 78, 95, 0],
  'NM-SBN-2': ['Kilometer gång- och cykelväg', 41, 47, 0],
  'VM-SBN-2.1': ['Kilometer ny gång- och cykelväg under året', 0.5, 2, 1],
};

function indicators(goalRows: GoalRow[]): IndicatorRow[] {
  const list: IndicatorRow[] = [];
  for (const goal of goalRows) {
    if (goal.niva === 'Vision') continue;
    const spec = INDICATORS[goal.id];
    if (!spec) throw new Error(`Ingen indikator för ${goal.id}`);
    const [text, baseline, target, decimals] = spec;
    list.push({
      id: `IND-${list.length + 1}`,
      malId: goal.id,
      text,
      baseline,
      baselineYear: 2023,
      target,
      targetYear: 2027,
      outcome: onTrackOutcome(baseline, 2023, target, 2027, 2024, decimals),
      outcomeYear: 2024,
      lowerIsBetter: target < baseline,
    });
  }
  const hushall = list.find((i) => i.malId === 'NM-SN-2')!;
  hushall.outcome = 49;
  hushall.planted = [
    {
      category: 'mal',
      kind: 'indikator-ur-kurs',
      what: 'Lägre är bättre: utfall 49 % år 2024 har gått åt fel håll från 46 % (2023) mot målet 38 % (2027).',
      finding: true,
    },
  ];
  return list;
}

export async function flenExample(): Promise<ExampleWorkbook> {
  const { layout: budget, snDeficit } = budgetSheet();
  const goalRows = goals();
  const mal = layoutGoals(goalRows, false);
  const ind = layoutIndicators(indicators(goalRows));
  const upp = layoutUppdrag([
    { id: 'U1', text: 'Ta fram en plan för lokalförsörjning för förskola och skola 2026–2030', givetAv: 'KF', ansvarig: BUKN, kostnad: 0, finansierad: 'Ja', status: 'Pågår', klartSenast: date(2025, 10, 31) },
    { id: 'U2', text: 'Utreda gemensam kostorganisation för skola och äldreomsorg', givetAv: 'KF', ansvarig: KS, kostnad: 250000, finansierad: 'Ja', status: 'Pågår', klartSenast: date(2025, 12, 31) },
    {
      id: 'U3',
      text: 'Införa välfärdsteknik i alla särskilda boenden',
      givetAv: 'KF',
      ansvarig: SN,
      kostnad: 1800000,
      finansierad: 'Nej',
      status: 'Ej påbörjad',
      klartSenast: date(2026, 12, 31),
      planted: [{ category: 'mal-medel', kind: 'ofinansierat-uppdrag', what: 'Uppdraget kostar 1 800 000 kr och är inte finansierat.', finding: true }],
    },
    {
      id: 'U4',
      text: 'Samordna kommunens arbete mot ungdomsarbetslöshet',
      givetAv: 'KF',
      ansvarig: null,
      kostnad: 0,
      finansierad: 'Ja',
      status: 'Pågår',
      klartSenast: date(2026, 6, 30),
      planted: [{ category: 'rod-trad', kind: 'uppdrag-utan-ägare', what: 'Uppdraget saknar ansvarig nämnd (Flen: samtliga uppdrag ska ha tydligt ägarskap).', finding: true }],
    },
    { id: 'U5', text: 'Ta fram en trafikstrategi för Flens tätort', givetAv: 'KS', ansvarig: SBN, kostnad: 0, finansierad: 'Ja', status: 'Klar', klartSenast: date(2025, 3, 31) },
  ]);
  const k = (share: number) => Math.ceil((snDeficit * share) / 10) * 10000;
  const atg = layoutAtgarder([
    { namnd: SN, text: 'Införa resursfördelning utifrån beviljade hemtjänsttimmar', belopp: k(0.5), ansvarig: 'Socialchef', klartSenast: date(2025, 9, 30), status: 'Pågår' },
    { namnd: SN, text: 'Intensifiera arbetet med planering mot arbete för hushåll med försörjningsstöd', belopp: k(0.4), ansvarig: 'Avdelningschef IFO', klartSenast: date(2025, 12, 31), status: 'Pågår' },
    {
      namnd: SN,
      text: 'Se över bemanningen på särskilt boende nattetid',
      belopp: k(0.3),
      ansvarig: 'Avdelningschef äldreomsorg',
      klartSenast: date(2025, 4, 30),
      status: 'Pågår',
      planted: [{ category: 'arshjul', kind: 'deadline-passerad', what: 'Åtgärden skulle vara klar 2025-04-30 men pågår fortfarande vid nämndrapport 2 (period 2025-05).', finding: true }],
    },
  ]);
  const settings = layoutSettings([
    ['Kommun', 'Flens kommun'],
    ['Kommunkod', '0482'],
    ['Profil', 'flen'],
    ['Budgetår', 2025],
    ['Period', '2025-05'],
    ['Belopp i', 'tkr'],
    ['Tecken', 'kostnad positiv'],
  ]);
  return {
    file: FLEN_FILE,
    description: 'Flens kommun, nämndrapport 2 (januari–maj 2025, period 2025-05), belopp i tkr, plan 2026–2028.',
    parts: [
      { sheet: budget.sheet, planted: budget.planted },
      { sheet: mal.sheet, planted: mal.planted },
      { sheet: ind.sheet, planted: ind.planted },
      { sheet: upp.sheet, planted: upp.planted },
      { sheet: atg.sheet, planted: atg.planted },
      { sheet: settings, planted: [] },
    ],
  };
}
