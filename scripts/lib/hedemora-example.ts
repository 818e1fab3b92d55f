/**
 * Hedemora kommun, delårsrapport per 31 augusti 2025. Vision, inriktningsmål, perspektiv and the
 * four kommunindex with baseline and wanted value are taken from "Styrmodell för Hedemora kommun"
 * (KS 2024-09-17 § 123); the nämnder are Hedemora's (kommunstyrelsen, bildningsnämnden,
 * omsorgsnämnden, miljö- och samhällsbyggnadsnämnden, valnämnden, jävsnämnden). Amounts, outcomes,
 * nämndmål and uppdrag are made up for the example.
 */
import { Rng } from './prng';
import { MIX, findLine, generateLines, groupThousands, layoutBudget, namndAvvikelse, type NamndSpec } from './budget';
import { assertOnlyPlantedDeficits, ensureSurplus, plantOverrun } from './budget-plants';
import {
  date,
  layoutAtgarder,
  layoutGoals,
  layoutIndicators,
  layoutSettings,
  layoutUppdrag,
  onTrackOutcome,
  type GoalRow,
  type IndicatorRow,
} from './tables';
import type { ExampleWorkbook } from './example-workbook';

export const HEDEMORA_FILE = 'hedemora-delarsrapport-2025-08.xlsx';
const MONTHS = 8;

const KS = 'Kommunstyrelsen';
const BN = 'Bildningsnämnden';
const ON = 'Omsorgsnämnden';
const MSN = 'Miljö- och samhällsbyggnadsnämnden';
const VN = 'Valnämnden';
const JN = 'Jävsnämnden';
const KF = 'Kommunfullmäktige';

const NAMNDER: NamndSpec[] = [
  {
    namnd: KS,
    verksamheter: [
      { name: 'Politisk verksamhet', gross: 9000, mix: MIX.admin },
      { name: 'Kommunledning och stab', gross: 22000, mix: MIX.admin },
      { name: 'Ekonomi', gross: 14000, mix: MIX.admin },
      { name: 'HR', gross: 16000, mix: MIX.admin },
      { name: 'IT och digitalisering', gross: 24000, mix: MIX.drift },
      { name: 'Kommunikation', gross: 6000, mix: MIX.admin },
      { name: 'Näringsliv och turism', gross: 8000, mix: MIX.admin },
      { name: 'Arbetsmarknad och integration', gross: 28000, mix: MIX.personal },
      { name: 'Räddningstjänst', gross: 26000, mix: MIX.bidrag },
      { name: 'Kollektivtrafik', gross: 18000, mix: MIX.bidrag },
    ],
  },
  {
    namnd: BN,
    verksamheter: [
      { name: 'Förskola', gross: 115000, mix: MIX.personal },
      { name: 'Fritidshem', gross: 28000, mix: MIX.personal },
      { name: 'Förskoleklass', gross: 9000, mix: MIX.personal },
      { name: 'Grundskola', gross: 190000, mix: MIX.personal },
      { name: 'Anpassad grundskola', gross: 14000, mix: MIX.personal },
      { name: 'Gymnasieskola', gross: 85000, mix: MIX.kop },
      { name: 'Vuxenutbildning', gross: 24000, mix: MIX.personal },
      { name: 'Elevhälsa', gross: 16000, mix: MIX.personal },
      { name: 'Skolskjuts', gross: 22000, mix: MIX.kop },
      { name: 'Kulturskola', gross: 7000, mix: MIX.personal },
      { name: 'Bibliotek', gross: 9000, mix: MIX.personal },
      { name: 'Fritid och föreningsbidrag', gross: 12000, mix: MIX.bidrag },
    ],
  },
  {
    namnd: ON,
    verksamheter: [
      { name: 'Hemtjänst', gross: 120000, mix: MIX.personal },
      { name: 'Särskilt boende', gross: 190000, mix: MIX.personal },
      { name: 'Hemsjukvård', gross: 45000, mix: MIX.personal },
      { name: 'LSS-boende', gross: 60000, mix: MIX.personal },
      { name: 'Daglig verksamhet', gross: 22000, mix: MIX.personal },
      { name: 'Personlig assistans', gross: 35000, mix: MIX.personal },
      { name: 'Individ- och familjeomsorg', gross: 38000, mix: MIX.personal },
      { name: 'Placeringar barn och unga', gross: 30000, mix: MIX.kop },
      { name: 'Missbruks- och beroendevård', gross: 14000, mix: MIX.kop },
      { name: 'Ekonomiskt bistånd', gross: 28000, mix: MIX.bidrag },
      { name: 'Nämnd och administration', gross: 12000, mix: MIX.admin },
    ],
  },
  {
    namnd: MSN,
    verksamheter: [
      { name: 'Bygglov', gross: 6000, mix: MIX.taxa },
      { name: 'Miljö- och hälsoskydd', gross: 7000, mix: MIX.taxa },
      { name: 'Livsmedelskontroll', gross: 3000, mix: MIX.taxa },
      { name: 'Fysisk planering', gross: 5000, mix: MIX.admin },
      { name: 'Gator och vägar', gross: 38000, mix: MIX.drift },
      { name: 'Parker och grönområden', gross: 14000, mix: MIX.drift },
      { name: 'Mark och exploatering', gross: 6000, mix: MIX.drift },
      { name: 'Bostadsanpassning', gross: 8000, mix: MIX.bidrag },
    ],
  },
  { namnd: VN, verksamheter: [{ name: 'Valadministration', gross: 300, mix: MIX.admin }] },
  { namnd: JN, verksamheter: [{ name: 'Nämndverksamhet', gross: 150, mix: MIX.admin }] },
];

function budgetSheet() {
  const rng = new Rng(2083_2025);
  const lines = generateLines(rng, NAMNDER, MONTHS, 2);
  plantOverrun(findLine(lines, ON, 'Hemtjänst', '5110'), 0.07, MONTHS, 'Ökade volymer och hög sjukfrånvaro', {
    category: 'budget',
    kind: 'rad-underskott',
    what: 'Hemtjänstens lönekostnader prognostiseras 7 % över budget.',
    finding: true,
  });
  plantOverrun(findLine(lines, ON, 'Placeringar barn och unga', '4010'), 0.18, MONTHS, 'Fler externa placeringar än planerat', {
    category: 'budget',
    kind: 'rad-underskott',
    what: 'Köp av placeringar för barn och unga prognostiseras 18 % över budget.',
    finding: true,
  });
  plantOverrun(findLine(lines, ON, 'Hemtjänst', '3410'), 0.15, MONTHS, 'Lägre avgiftsintäkter efter nytt maxtaxebeslut', {
    category: 'budget',
    kind: 'rad-underskott',
    what: 'Intäktsrad: hemtjänstavgifterna prognostiseras 15 % under budget (intäktsbortfall är ett underskott).',
    finding: true,
  });
  plantOverrun(findLine(lines, BN, 'Skolskjuts', '4010'), 0.09, MONTHS, 'Ny upphandling av skolskjuts dyrare än väntat', {
    category: 'budget',
    kind: 'rad-underskott',
    what: 'Skolskjutsen prognostiseras 9 % över budget (nämnden som helhet går med överskott).',
    finding: true,
  });
  plantOverrun(findLine(lines, MSN, 'Bygglov', '3410'), 0.12, MONTHS, 'Färre bygglovsansökningar', {
    category: 'budget',
    kind: 'rad-underskott',
    what: 'Intäktsrad: bygglovsavgifterna prognostiseras 12 % under budget.',
    finding: true,
  });
  // Utfall booked on a konto without budget; the forecast says it will be moved.
  const ks = lines.findIndex((l) => l.namnd === KS && l.verksamhet === 'Näringsliv och turism') + 4;
  lines.splice(ks, 0, {
    namnd: KS,
    verksamhet: 'Näringsliv och turism',
    konto: '4610 Bidrag och transfereringar',
    typ: 'Kostnad',
    budget: 0,
    utfall: 312,
    prognos: 0,
    plan: [0, 0],
    kommentar: 'Felkonterat evenemangsbidrag, omförs i september',
    written: {},
    planted: [
      {
        category: 'budget',
        kind: 'utfall-utan-budget',
        what: 'Utfall 312 tkr på ett konto utan budget (0 tkr).',
        finding: true,
      },
    ],
  });
  const it = findLine(lines, KS, 'IT och digitalisering', '6410');
  it.written.prognos = { formula: '#REF!*1.02', error: '#REF!' };
  it.prognos = it.budget;
  it.planted.push({ category: 'indata', kind: 'felvarde', what: 'Prognoscellen innehåller #REF! (en borttagen referens).', finding: true });
  const am = findLine(lines, KS, 'Arbetsmarknad och integration', '5110');
  am.written.budget = groupThousands(am.budget, '\u00a0');
  am.planted.push({
    category: 'indata',
    kind: 'text-tal-med-nbsp',
    what: `Budget är inskriven som text "${groupThousands(am.budget, ' ')}" med hårt mellanslag (U+00A0); ska läsas som talet ${am.budget}, inget fynd.`,
    finding: false,
  });
  for (const n of [KS, BN, MSN, VN, JN]) ensureSurplus(lines, n, n === VN || n === JN ? 0 : 150);
  assertOnlyPlantedDeficits(lines);
  if (namndAvvikelse(lines, ON) >= 0) throw new Error('Omsorgsnämnden ska prognostisera underskott');

  return layoutBudget(
    lines,
    2026,
    [
      {
        namnd: BN,
        field: 'budget',
        delta: 1250,
        spec: { category: 'indata', kind: 'summa-fel', what: 'Summaraden för budget är 1 250 tkr högre än summan av raderna.', finding: true },
      },
    ],
    [
      {
        namnd: ON,
        spec: {
          category: 'budget',
          kind: 'namnd-underskott-utan-atgardsplan',
          what: 'Omsorgsnämnden prognostiserar underskott men har ingen åtgärdsplan i bladet Åtgärder.',
          finding: true,
        },
      },
    ],
  );
}

const PERSPEKTIV = {
  invanare: 'Invånare',
  ekonomi: 'Ekonomi',
  medarbetare: 'Medarbetare',
  samhalle: 'Samhälle och miljö',
  kram: 'Värdegrund (KRAM)',
};

function goals(): GoalRow[] {
  const g: GoalRow[] = [
    {
      id: 'V1',
      niva: 'Vision',
      text:
        'Vision Hedemora 2038: Hedemora är en växande, attraktiv och trygg kommun att bo och verka i. I vår kommun behövs alla och vi hjälps åt för att göra varandra bättre och utveckla ett hållbart samhälle. Alla invånare, medarbetare, näringsliv och föreningsliv har en viktig roll och vi tar oss an framtiden med stor tillförsikt. Vi gör det tillsammans.',
      parent: null,
      namnd: KF,
      prognos: null,
    },
    { id: 'IM1', niva: 'Inriktningsmål', text: 'År 2038 är vi 17 500 invånare i kommunen', parent: 'V1', namnd: KF, perspektiv: PERSPEKTIV.invanare, prognos: 'Delvis' },
    { id: 'IM2', niva: 'Inriktningsmål', text: 'Vi är en attraktiv arbetsgivare med hög ambition', parent: 'V1', namnd: KF, perspektiv: PERSPEKTIV.medarbetare, prognos: 'Uppnås' },
    {
      id: 'IM3',
      niva: 'Inriktningsmål',
      text: 'Vi har en god ekonomisk hushållning och tar ansvar för kommande generationers möjligheter att finansiera välfärden',
      parent: 'V1',
      namnd: KF,
      perspektiv: PERSPEKTIV.ekonomi,
      prognos: 'Delvis',
    },
    { id: 'IM4', niva: 'Inriktningsmål', text: 'Hedemora kommun är en trygg plats att bo, verka i och besöka', parent: 'V1', namnd: KF, perspektiv: PERSPEKTIV.samhalle, prognos: 'Delvis' },
    { id: 'IM5', niva: 'Inriktningsmål', text: 'Vi har en god förvaltningskultur', parent: 'V1', namnd: KF, perspektiv: PERSPEKTIV.kram, prognos: 'Uppnås' },
  ];
  // [nämnd, key, inriktningsmål, perspektiv, nämndmål, förvaltningsmål[], prognos]
  const tree: [string, string, string, string, string, [string, string[]][], 'Uppnås' | 'Delvis'][] = [
    [KS, 'KS', 'IM1', PERSPEKTIV.samhalle, 'Fler företag etablerar sig och växer i Hedemora', [['Minst 60 nya företag registreras under året', ['Genomföra fyra företagsfrukostar', 'Införa en väg in för företagsärenden']]], 'Uppnås'],
    [KS, 'KS', 'IM2', PERSPEKTIV.medarbetare, 'Kommunens chefer har goda förutsättningar att leda', [['Chefer har högst 30 medarbetare', ['Se över organisationen i hemtjänsten tillsammans med omsorgsförvaltningen']], ['Sjukfrånvaron minskar', ['Erbjuda friskvårdsbidrag till alla anställda']]], 'Uppnås'],
    [KS, 'KS', 'IM4', PERSPEKTIV.samhalle, 'Tryggheten i centrala Hedemora ökar', [['Trygghetsvandringar genomförs i alla tätorter', ['Genomföra trygghetsvandringar i Hedemora, Långshyttan och Vikmanshyttan']]], 'Delvis'],
    [BN, 'BN', 'IM1', PERSPEKTIV.invanare, 'Fler elever når gymnasiebehörighet', [['Andelen behöriga till yrkesprogram ökar', ['Införa läxhjälp i alla grundskolor', 'Utöka specialpedagogiskt stöd i årskurs 7–9']], ['Fler elever känner sig trygga i skolan', ['Genomföra värdegrundsdagar']]], 'Delvis'],
    [BN, 'BN', 'IM2', PERSPEKTIV.medarbetare, 'Andelen behöriga lärare ökar', [['Fler obehöriga lärare påbörjar lärarutbildning', ['Erbjuda studietid för lärarstudier']]], 'Uppnås'],
    [BN, 'BN', 'IM3', PERSPEKTIV.ekonomi, 'Bildningsnämnden bedriver verksamheten inom ram', [['Lokalutnyttjandet i förskolan ökar', ['Samlokalisera två förskoleavdelningar']]], 'Uppnås'],
    [ON, 'ON', 'IM1', PERSPEKTIV.invanare, 'Äldre kan bo kvar hemma med god kvalitet', [['Fler får hemtjänst med tryggt mottagande', ['Införa digital nattillsyn i hemtjänsten']]], 'Delvis'],
    [ON, 'ON', 'IM2', PERSPEKTIV.medarbetare, 'Heltid är norm inom omsorgen', [['Andelen heltidsanställda ökar', ['Införa önskeschema']]], 'Delvis'],
    [ON, 'ON', 'IM3', PERSPEKTIV.ekonomi, 'Kostnaden för externa placeringar minskar', [['Fler barn får stöd på hemmaplan', ['Starta öppenvårdsteam för familjer']]], 'Delvis'],
    [MSN, 'MSN', 'IM1', PERSPEKTIV.samhalle, 'Bygglov handläggs snabbt och rättssäkert', [['Bygglov beslutas inom tio veckor', ['Införa e-tjänst för bygglov']]], 'Uppnås'],
    [MSN, 'MSN', 'IM4', PERSPEKTIV.samhalle, 'Gator och parker upplevs trygga', [['Belysningen i gång- och cykelstråk förbättras', ['Byta till LED-belysning längs Brovägen']]], 'Uppnås'],
    [MSN, 'MSN', 'IM5', PERSPEKTIV.kram, 'Tillsynen är likvärdig och förutsebar', [['Planerad livsmedelstillsyn genomförs', ['Ta fram tillsynsplan för 2026']]], 'Uppnås'],
    [VN, 'VN', 'IM5', PERSPEKTIV.kram, 'Valen 2026 förbereds så att de kan genomföras rättssäkert', [], 'Uppnås'],
    [JN, 'JN', 'IM5', PERSPEKTIV.kram, 'Jävsnämndens ärenden handläggs rättssäkert och i tid', [], 'Uppnås'],
  ];
  const count: Record<string, number> = {};
  for (const [namnd, key, parent, perspektiv, text, fms, prognos] of tree) {
    const n = (count[key] = (count[key] ?? 0) + 1);
    const nmId = `NM-${key}-${n}`;
    g.push({ id: nmId, niva: 'Nämndmål', text, parent, namnd, perspektiv, prognos });
    fms.forEach(([fmText, aks], i) => {
      const fmId = `FM-${key}-${n}.${i + 1}`;
      g.push({ id: fmId, niva: 'Förvaltningsmål', text: fmText, parent: nmId, namnd, perspektiv, prognos });
      aks.forEach((akText, j) => g.push({ id: `AK-${key}-${n}.${i + 1}.${j + 1}`, niva: 'Aktivitet', text: akText, parent: fmId, namnd, perspektiv, prognos }));
    });
  }
  const byId = (id: string) => g.find((x) => x.id === id)!;
  byId('AK-KS-1.1.2').kraverMedel = 250000;
  byId('AK-BN-1.1.2').kraverMedel = 400000;
  const nattillsyn = byId('AK-ON-1.1.1');
  nattillsyn.kraverMedel = 850000;
  nattillsyn.planted = [
    {
      category: 'mal-medel',
      kind: 'mål-kräver-medel-vid-underskott',
      what: 'Aktiviteten kräver 850 000 kr i nya medel medan Omsorgsnämnden prognostiserar underskott (medel går före mål).',
      finding: true,
    },
  ];
  const gc = byId('FM-BN-1.2');
  gc.parent = 'NM-BN-4';
  gc.planted = [{ category: 'rod-trad', kind: 'saknad-forälder', what: 'Förvaltningsmålet pekar på förälder NM-BN-4, som inte finns.', finding: true }];
  const led = byId('FM-MSN-2.1');
  led.prognos = 'Uppnås ej';
  led.planted = [
    {
      category: 'mal',
      kind: 'prognos-uppnås-ej-utan-åtgärd',
      what: 'Förvaltningsmålet prognostiseras som Uppnås ej och nämnden har ingen åtgärd i bladet Åtgärder.',
      finding: true,
    },
  ];
  byId('AK-MSN-2.1.1').prognos = 'Delvis';
  return g;
}

function indicators(goalRows: GoalRow[]): IndicatorRow[] {
  const list: IndicatorRow[] = [
    { id: 'I1', malId: 'IM1', text: 'Kommunindex Livskvalitet', baseline: 51, baselineYear: 2022, target: 55, targetYear: 2026, outcome: 54, outcomeYear: 2024 },
    { id: 'I2', malId: 'IM2', text: 'Kommunindex Medarbetarengagemang (HME)', baseline: 80, baselineYear: 2022, target: 85, targetYear: 2026, outcome: 83, outcomeYear: 2024 },
    { id: 'I3', malId: 'IM3', text: 'Soliditet inklusive pensionsåtaganden, kommunen (%)', baseline: 12.4, baselineYear: 2023, target: 14, targetYear: 2025, outcome: 13.4, outcomeYear: 2024 },
    { id: 'I4', malId: 'IM3', text: 'Soliditet inklusive pensionsåtaganden, kommunkoncernen (%)', baseline: 10.1, baselineYear: 2023, target: 11, targetYear: 2025, outcome: 10.7, outcomeYear: 2024 },
    { id: 'I5', malId: 'IM3', text: 'Årets resultat som andel av skatter och generella statsbidrag (%)', baseline: 1.2, baselineYear: 2023, target: 2, targetYear: 2025, outcome: 1.7, outcomeYear: 2024 },
    {
      id: 'I6',
      malId: 'IM4',
      text: 'Kommunindex Trygghet och säkerhet',
      baseline: 54,
      baselineYear: 2022,
      target: 60,
      targetYear: 2026,
      outcome: 55,
      outcomeYear: 2024,
      planted: [{ category: 'mal', kind: 'indikator-ur-kurs', what: 'Utfall 55 år 2024 ligger under den raka linjen från 54 (2022) mot 60 (2026), som år 2024 är 57.', finding: true }],
    },
    { id: 'I7', malId: 'IM5', text: 'Kommunindex Nöjd inflytande', baseline: 34, baselineYear: 2020, target: 40, targetYear: 2026, outcome: 39, outcomeYear: 2024 },
  ];
  let n = 8;
  for (const goal of goalRows) {
    if (goal.niva !== 'Nämndmål' && goal.niva !== 'Förvaltningsmål') continue;
    if (goal.id === 'NM-MSN-3') continue; // planted: nämndmål utan indikator
    const spec = GOAL_INDICATORS[goal.id];
    if (!spec) throw new Error(`Ingen indikator för ${goal.id}`);
    const [text, baseline, target, decimals] = spec;
    list.push({
      id: `I${n++}`,
      malId: goal.id,
      text,
      baseline,
      baselineYear: 2023,
      target,
      targetYear: 2026,
      outcome: onTrackOutcome(baseline, 2023, target, 2026, 2024, decimals),
      outcomeYear: 2024,
      lowerIsBetter: target < baseline,
    });
  }
  const noTarget = list.find((i) => i.malId === 'FM-KS-2.2')!;
  noTarget.target = null;
  noTarget.targetYear = null;
  noTarget.planted = [{ category: 'rod-trad', kind: 'indikator-utan-målvärde', what: 'Indikatorn saknar målvärde och målår.', finding: true }];
  return list;
}

/** goal ID → [indicator, baseline 2023, target 2026, decimals]; a target below the baseline means lower is better. */
const GOAL_INDICATORS: Record<string, [string, number, number, number]> = {
  'NM-KS-1': ['Antal nyregistrerade företag per 1 000 invånare', 4.1, 5, 1],
  'FM-KS-1.1': ['Antal nyregistrerade företag', 52, 64, 0],
  'NM-KS-2': ['Andel chefer som upplever goda förutsättningar att leda (%)', 61, 75, 0],
  'FM-KS-2.1': ['Genomsnittligt antal medarbetare per chef', 34, 30, 0],
  'FM-KS-2.2': ['Sjukfrånvaro bland kommunens anställda (%)', 8.9, 7.5, 1],
  'NM-KS-3': ['Andel invånare som känner sig trygga i centrala Hedemora (%)', 62, 70, 0],
  'FM-KS-3.1': ['Antal genomförda trygghetsvandringar', 2, 6, 0],
  'NM-BN-1': ['Andel elever i åk 9 som är behöriga till yrkesprogram (%)', 78, 85, 0],
  'FM-BN-1.1': ['Andel elever i åk 9 med godkänt i alla ämnen (%)', 68, 75, 0],
  'FM-BN-1.2': ['Andel elever i åk 8 som känner sig trygga i skolan (%)', 81, 88, 0],
  'NM-BN-2': ['Andel lärare med pedagogisk högskoleexamen (%)', 71, 78, 0],
  'FM-BN-2.1': ['Antal lärare som studerar till lärarexamen', 9, 15, 0],
  'NM-BN-3': ['Budgetavvikelse som andel av nettokostnaden (%)', -0.8, 0, 1],
  'FM-BN-3.1': ['Antal inskrivna barn per förskoleavdelning', 15.2, 16.5, 1],
  'NM-ON-1': ['Andel brukare som är nöjda med hemtjänsten (%)', 84, 90, 0],
  'FM-ON-1.1': ['Antal personer med digital nattillsyn', 18, 60, 0],
  'NM-ON-2': ['Andel heltidsanställda inom omsorgen (%)', 64, 80, 0],
  'FM-ON-2.1': ['Andel enheter med önskeschema (%)', 20, 100, 0],
  'NM-ON-3': ['Antal vårddygn i externa placeringar, barn och unga', 5400, 4200, 0],
  'FM-ON-3.1': ['Antal familjer med öppenvårdsinsats', 35, 55, 0],
  'NM-MSN-1': ['Handläggningstid för bygglov, median (dagar)', 48, 35, 0],
  'FM-MSN-1.1': ['Andel bygglov beslutade inom tio veckor (%)', 82, 95, 0],
  'NM-MSN-2': ['Andel invånare som upplever gator och parker trygga (%)', 58, 66, 0],
  'FM-MSN-2.1': ['Andel gatubelysning med LED (%)', 55, 90, 0],
  'NM-VN-1': ['Andel valförrättare som genomgått utbildning (%)', 70, 100, 0],
  'NM-JN-1': ['Andel ärenden beslutade inom lagstadgad tid (%)', 92, 100, 0],
  'FM-MSN-3.1': ['Andel genomförda planerade livsmedelskontroller (%)', 85, 100, 0],
};

export async function hedemoraExample(): Promise<ExampleWorkbook> {
  const budget = budgetSheet();
  const goalRows = goals();
  const mal = layoutGoals(goalRows, true);
  const nm3 = mal.sheet.rows.findIndex((r) => r[0] === 'NM-MSN-3') + 1;
  mal.planted.push({
    row: nm3,
    spec: { category: 'rod-trad', kind: 'nämndmål-utan-indikator', what: 'Nämndmålet har ingen indikator i bladet Indikatorer.', finding: true },
  });
  const ind = layoutIndicators(indicators(goalRows));
  const upp = layoutUppdrag([
    { id: 'U1', text: 'Utreda behovet av särskilt boende fram till 2035', givetAv: 'KF', ansvarig: ON, kostnad: 0, finansierad: 'Ja', status: 'Pågår', klartSenast: date(2025, 11, 30) },
    { id: 'U2', text: 'Ta fram en plan för laddinfrastruktur på kommunens parkeringar', givetAv: 'KF', ansvarig: MSN, kostnad: 300000, finansierad: 'Ja', status: 'Pågår', klartSenast: date(2025, 12, 31) },
    { id: 'U3', text: 'Genomföra en översyn av skolskjutsorganisationen', givetAv: 'KS', ansvarig: BN, kostnad: 0, finansierad: 'Ja', status: 'Klar', klartSenast: date(2025, 5, 31) },
    {
      id: 'U4',
      text: 'Införa gemensam e-tjänstplattform för alla förvaltningar',
      givetAv: 'KS',
      ansvarig: KS,
      kostnad: 1200000,
      finansierad: 'Nej',
      status: 'Ej påbörjad',
      klartSenast: date(2026, 6, 30),
      planted: [{ category: 'mal-medel', kind: 'ofinansierat-uppdrag', what: 'Uppdraget kostar 1 200 000 kr och är inte finansierat.', finding: true }],
    },
    {
      id: 'U5',
      text: 'Ta fram en kommungemensam plan för trygghetsskapande åtgärder',
      givetAv: 'KS',
      ansvarig: null,
      kostnad: 0,
      finansierad: 'Ja',
      status: 'Ej påbörjad',
      klartSenast: date(2025, 12, 31),
      planted: [{ category: 'rod-trad', kind: 'uppdrag-utan-ägare', what: 'Uppdraget saknar ansvarig nämnd.', finding: true }],
    },
    {
      id: 'U6',
      text: 'Redovisa en handlingsplan för minskad sjukfrånvaro',
      givetAv: 'KF',
      ansvarig: KS,
      kostnad: 0,
      finansierad: 'Ja',
      status: 'Pågår',
      klartSenast: date(2025, 6, 30),
      planted: [{ category: 'arshjul', kind: 'deadline-passerad', what: 'Klart senast 2025-06-30 har passerat (period 2025-08) och uppdraget pågår fortfarande.', finding: true }],
    },
    { id: 'U7', text: 'Utreda samlokalisering av kulturskola och bibliotek', givetAv: 'KS', ansvarig: BN, kostnad: 0, finansierad: 'Ja', status: 'Pågår', klartSenast: date(2026, 3, 31) },
  ]);
  const atg = layoutAtgarder([
    { namnd: BN, text: 'Omförhandla skolskjutsavtalet och samordna turer', belopp: 900000, ansvarig: 'Förvaltningschef bildning', klartSenast: date(2025, 12, 31), status: 'Pågår' },
    { namnd: BN, text: 'Vakanshålla två administrativa tjänster', belopp: 700000, ansvarig: 'Förvaltningschef bildning', klartSenast: date(2025, 12, 31), status: 'Pågår' },
  ]);
  const settings = layoutSettings([
    ['Kommun', 'Hedemora kommun'],
    ['Kommunkod', '2083'],
    ['Profil', 'hedemora'],
    ['Budgetår', 2025],
    ['Period', '2025-08'],
    ['Belopp i', 'tkr'],
    ['Tecken', 'kostnad positiv'],
  ]);
  return {
    file: HEDEMORA_FILE,
    description: 'Hedemora kommun, delårsrapport per 31 augusti 2025 (period 2025-08), belopp i tkr.',
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
