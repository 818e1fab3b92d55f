import fc from 'fast-check';
import { buildModel, classifyBudgetHeader, detectBudgetHeader, inferUnit, unitInText } from '../../../src/core/input';
import { resolveHeaderRow } from '../../../src/core/input/budget-header';
import type { BudgetLine } from '../../../src/core/model';
import type { CellValue } from '../../../src/core/snapshot';
import { HEADER_CASES } from '../../fixtures/exports/header-cases';
import { settings, sheet, workbook, withRule } from './builders';

/**
 * The case file names the budget fields the deviation rules use; a comment or a Typ column is
 * read by Styrkoll but counts as "not a budget amount or dimension" there, and Ansvar names the
 * line as Verksamhet does.
 */
function asCaseField(field: string | null | undefined): string | null {
  if (field === 'ansvar') return 'verksamhet';
  if (field === 'kommentar' || field === 'typ') return null;
  return field ?? null;
}

/** The field a header gets in a row beside `Verksamhet | Budget 2025` (for headers that need that context). */
function inRow(header: string): string | null {
  const h = resolveHeaderRow(['Verksamhet', 'Budget 2025', header]);
  const key = Object.keys(h.columns).find((k) => h.columns[k] === 3);
  return asCaseField(key);
}

describe('the header vocabulary on real export headers', () => {
  const contextual = (note: string | undefined, header: string) => note?.startsWith('context') || /\b20\d\d\b/.test(header) && /bokslut/i.test(header);
  it.each(HEADER_CASES.filter((c) => !contextual(c.note, c.header)).map((c) => [c.header, c.field] as const))('%s → %s', (header, field) => {
    expect(asCaseField(classifyBudgetHeader(header)?.field)).toBe(field);
  });

  it.each(HEADER_CASES.filter((c) => contextual(c.note, c.header) && c.header !== 'Förvaltning' && c.header !== 'Nämnd/verksamhet').map((c) => [c.header, c.field] as const))(
    '%s beside Verksamhet | Budget 2025 → %s',
    (header, field) => {
      expect(inRow(header)).toBe(field);
    },
  );

  it('reads Förvaltning as the nämnd when there is no Nämnd column, and leaves it when there is', () => {
    expect(resolveHeaderRow(['Förvaltning', 'Verksamhet', 'Budget']).columns.namnd).toBe(1);
    const both = resolveHeaderRow(['Nämnd', 'Förvaltning', 'Budget']);
    expect(both.columns.namnd).toBe(1);
    expect(both.unused.map((u) => u.header)).toEqual(['Förvaltning']);
  });

  it('reads the label column of a parent/child table (Nämnd/verksamhet) as Verksamhet', () => {
    expect(resolveHeaderRow(['Nämnd/verksamhet', 'Budget', 'Nettokostnad']).columns).toMatchObject({ verksamhet: 1, budget: 2, utfall: 3 });
  });

  it('takes the text half of a code + text pair and keeps the code beside it', () => {
    const h = resolveHeaderRow(['Nämnd', 'Nämnd (T)', 'Ansvar', 'Benämning', 'Budget år', 'Utfall ack', 'Prognos helår']);
    expect(h.columns).toMatchObject({ namnd: 2, namndKod: 1, verksamhet: 4, verksamhetKod: 3, budget: 5, utfall: 6, prognos: 7 });
    expect(h.unused).toEqual([]);
  });

  it('uses the net of an Intäkter/Kostnader/Netto set and names the gross columns as not used', () => {
    const h = resolveHeaderRow(['Nämnd', 'Intäkter', 'Kostnader', 'Nettokostnad', 'Budget', 'Avvikelse']);
    expect(h.columns).toMatchObject({ namnd: 1, utfall: 4, budget: 5, avvikelse: 6 });
    expect(h.unused.map((u) => [u.header, u.why])).toEqual([
      ['Intäkter', 'bruttobelopp – nettot används'],
      ['Kostnader', 'bruttobelopp – nettot används'],
    ]);
  });

  it('leaves last year beside this year unused, and says why', () => {
    const h = resolveHeaderRow(['Nämnd', 'Bokslut 2024', 'Budget 2025', 'Utfall jan–aug 2025', 'Prognos helår 2025', 'Avvikelse %']);
    expect(h.columns).toMatchObject({ namnd: 1, budget: 3, utfall: 4, prognos: 5 });
    expect(h.unused.map((u) => u.why)).toEqual(['föregående års belopp', 'en andel i procent, inget belopp']);
  });
});

const FIELD_HEADERS: Record<string, string[]> = {
  namnd: ['Nämnd', 'Nämnd/styrelse', 'Styrelse', 'Department'],
  verksamhet: ['Verksamhet', 'Verksamhetsområde', 'Ansvar (T)', 'Vht'],
  budget: ['Budget 2025', 'Årsbudget', 'Nettokostnad budget 2025', 'Budget helår (tkr)'],
  utfall: ['Utfall jan–aug 2025', 'Ack. utfall aug', 'Utfall 2508', 'Utfall ack'],
  prognos: ['Prognos helår 2025', 'Helårsprognos', 'Forecast'],
  avvikelse: ['Avvikelse mot budget', 'Avvikelse budget–prognos', 'Återstår'],
};

/** Title and parameter rows as exports write them above their tables. */
const PREAMBLE: CellValue[][] = [
  ['Driftuppföljning'],
  ['Period:', '202508'],
  ['Belopp i tkr'],
  ['Körd av:', 'ekonomi'],
  ['Urval:', 'Ansvar 1000–9999'],
  ['Budgetår', 2025],
  [],
  ['Utskrivet 2025-09-05'],
];

describe('the header scorer (property)', () => {
  it('finds the header row below any title block within 40 rows, whatever the column order and spelling', () => {
    const fields = Object.keys(FIELD_HEADERS);
    fc.assert(
      fc.property(
        fc.shuffledSubarray(fields, { minLength: 2 }).filter((f) => f.includes('budget')),
        fc.array(fc.nat(), { minLength: fields.length, maxLength: fields.length }),
        fc.integer({ min: 0, max: 38 }),
        (order, picks, above) => {
          const header = order.map((f, i) => FIELD_HEADERS[f][picks[i] % FIELD_HEADERS[f].length]);
          const rows: CellValue[][] = [];
          for (let r = 0; r < above; r++) rows.push(PREAMBLE[r % PREAMBLE.length]);
          rows.push(header);
          rows.push(order.map((f) => (f === 'namnd' ? 'Socialnämnden' : f === 'verksamhet' ? 'Hemtjänst' : 1000)));
          const found = detectBudgetHeader(sheet('Blad1', rows));
          expect(found?.headerRow).toBe(above + 1);
          order.forEach((f, i) => expect(found!.columns[f]).toBe(i + 1));
        },
      ),
      { numRuns: 300 },
    );
  });

  it('never takes a row of numbers, or a title row alone, for a header', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.integer(), fc.double({ noNaN: true }), fc.constant(null)), { maxLength: 20 }), (row) => {
        expect(detectBudgetHeader(sheet('Blad1', [row]))).toBeNull();
      }),
    );
    expect(detectBudgetHeader(sheet('Blad1', [['Budget 2025'], ['Budgetuppföljning augusti'], [1, 2, 3]]))).toBeNull();
  });
});

describe('units', () => {
  it.each([
    ['Belopp i tkr', 'tkr'],
    ['Budget 2025 (tkr)', 'tkr'],
    ['Driftredovisning 2025, mnkr', 'mnkr'],
    ['Belopp i miljoner kronor', 'mnkr'],
    ['Belopp i tusentals kronor', 'tkr'],
    ['Belopp i kronor', 'kr'],
    ['Utfall (Mkr)', 'mnkr'],
    ['Valuta: SEK', 'kr'],
    ['Verksamhet', null],
    ['Kronobergs län', null],
  ])('%s → %s', (text, unit) => {
    expect(unitInText(text)).toBe(unit);
  });

  const line = (namnd: string, budget: number): BudgetLine => ({
    row: 2, namnd, verksamhet: null, konto: null, typ: 'kostnad', budget, utfall: null, prognos: null, avvikelse: null, avvikelseAngiven: null, kommentar: null, plan: [],
  });

  /** Nämnder of a kommun in kr: 3–10 of them, net budgets from 20 million to 2 billion kronor, 1–8 lines each. */
  const kommun = fc.array(
    fc.record({ total: fc.double({ min: Math.log(2e7), max: Math.log(2e9), noNaN: true }).map(Math.exp), parts: fc.integer({ min: 1, max: 8 }) }),
    { minLength: 3, maxLength: 10 },
  );
  const withDecimal = (v: number) => (Number.isInteger(v) ? v + 0.1 : v);
  const linesOf = (ns: { total: number; parts: number }[], scale: (kr: number) => number) =>
    ns.flatMap((n, i) => Array.from({ length: n.parts }, () => line(`Nämnd ${i}`, scale(n.total / n.parts))));

  it('infers kr, tkr and mnkr from the magnitudes of a whole kommun (property)', () => {
    fc.assert(
      fc.property(kommun, (ns) => {
        expect(inferUnit(linesOf(ns, Math.round))?.unit).toBe('kr');
        expect(inferUnit(linesOf(ns, (v) => Math.round(v / 1000)))?.unit).toBe('tkr');
        // Tables in mnkr show a decimal; one whose every amount rounds to a whole number (20,0; 1 000,0)
        // looks like tkr, and the finding says it was assumed (see the test below).
        expect(inferUnit(linesOf(ns, (v) => withDecimal(Math.round(v / 1e5) / 10)))?.unit).toBe('mnkr');
      }),
      { numRuns: 300 },
    );
  });

  it('takes an mnkr table of whole numbers whose middle nämnd is over a billion for tkr (a known limit, said as assumed)', () => {
    expect(inferUnit([line('KS', 1200), line('SN', 2400), line('BUN', 1800)])).toMatchObject({ unit: 'tkr' });
    // Below a billion the same whole numbers read as mnkr: no nämnd is run on a million kronor.
    expect(inferUnit([line('KS', 20), line('SN', 900), line('BUN', 863)])).toMatchObject({ unit: 'mnkr' });
  });

  it('says which unit it assumed and why, and scales Lägsta belopp to it', () => {
    // A 14 % overrun of 2 590 tkr, with no unit anywhere: reported as a fel, not lost under 100 000 "kr".
    const rows: CellValue[][] = [
      ['Nämnd', 'Verksamhet', 'Budget', 'Prognos'],
      ['Socialnämnden', 'Försörjningsstöd', 18_500, 21_090],
      ['Socialnämnden', 'Äldreomsorg', 240_000, 240_500],
      ['Kommunstyrelsen', 'Kansli', 62_000, 61_800],
      ['Barn- och utbildningsnämnden', 'Grundskola', 310_000, 309_000],
    ];
    const { model, findings } = buildModel(workbook(sheet('Export', rows)));
    expect(model.settings.beloppI).toBe('tkr');
    const unit = withRule(findings, 'IN-ENHET');
    expect(unit).toHaveLength(1);
    expect(unit[0]).toMatchObject({ severity: 'varning', sheet: 'Export' });
    expect(unit[0].message).toMatch(/antas vara i tkr, eftersom/);
    expect(model.inlast.enhet).toMatchObject({ unit: 'tkr', source: 'storlek' });
  });
});

describe('the unit written in the amount cells, and tkr with a decimal', () => {
  const rows: CellValue[][] = [
    ['Nämnd', 'Verksamhet', 'Budget', 'Utfall', 'Prognos'],
    ['Socialnämnden', 'Hemtjänst', '96 400 tkr', '66 000', '97 700'],
    ['Socialnämnden', 'Avgifter', '(1 234)', '−800', '−1 000,5'],
    ['Kommunstyrelsen', 'Kommunledning', '48\u00a0300', '33 000', '48 900'],
    ['Kommunstyrelsen', 'Politik', '1 234,5', '800', '1 300'],
  ];

  it('"96 400 tkr" in a Budget cell states the unit, said as written on the sheet', () => {
    const { model, findings } = buildModel(workbook(sheet('Budget', rows)));
    expect(model.settings.beloppI).toBe('tkr');
    expect(findings.find((f) => f.rule === 'IN-ENHET')).toMatchObject({ severity: 'info', message: expect.stringContaining('cellen C2 ”96 400 tkr”') });
    // Socialnämnden: budget 96 400 − 1 234, prognos 97 700 − 1 000,5: a deficit of 1 533,5 tkr.
    expect(model.budget!.namndSums!.find((s) => s.namnd === 'Socialnämnden')).toMatchObject({ budget: 95166, prognos: 96699.5 });
  });

  it('cells that disagree on the unit state none', () => {
    const mixed = rows.map((r) => r.slice());
    mixed[3][2] = '48 300 kr';
    const { model } = buildModel(workbook(sheet('Budget', mixed)));
    expect(model.inlast.enhet?.source).toBe('storlek');
  });

  it('amounts with a decimal whose middle nämnd would be over ten billion kronor in mnkr are tkr', () => {
    const line = (namnd: string, budget: number): BudgetLine => ({
      row: 2, namnd, verksamhet: null, konto: null, typ: 'kostnad', budget, utfall: null, prognos: null, avvikelse: null, avvikelseAngiven: null, kommentar: null, plan: [],
    });
    expect(inferUnit([line('KS', 48300.5), line('SN', 96400.5), line('BUN', 154200.4)])?.unit).toBe('tkr');
    expect(inferUnit([line('KS', 48.3), line('SN', 964.5), line('BUN', 1542.4)])?.unit).toBe('mnkr');
  });
});

describe("next year's budget beside this year's follow-up", () => {
  const header = (cells: string[]) => detectBudgetHeader(sheet('Uppföljning', [cells, ['SN', 'Hemtjänst', 1, 2, 3, 4]]))!;

  it('"Budget 2025 | Utfall 2025 | Prognos 2025 | Budget 2026": the 2025 budget and the follow-up are read, Budget 2026 is named as not used', () => {
    const h = header(['Nämnd', 'Verksamhet', 'Budget 2025', 'Utfall jan–aug 2025', 'Prognos 2025', 'Budget 2026']);
    expect(h.columns).toMatchObject({ budget: 3, utfall: 4, prognos: 5 });
    expect(h.unused).toEqual([expect.objectContaining({ col: 6, why: expect.stringContaining('senare år') })]);
  });

  it('the same with Budget 2026 first', () => {
    const h = header(['Nämnd', 'Verksamhet', 'Budget 2026', 'Budget 2025', 'Utfall ack 2025', 'Prognos helår 2025']);
    expect(h.columns).toMatchObject({ budget: 4, utfall: 5, prognos: 6 });
  });

  it('a budget with last year\'s bokslut beside it is still this year\'s ("Bokslut 2024 | Budget 2025")', () => {
    const h = header(['Nämnd', 'Verksamhet', 'Bokslut 2024', 'Budget 2025']);
    expect(h.columns).toMatchObject({ budget: 4 });
    expect(h.columns.utfall).toBeUndefined();
  });
});

describe('original and revised budget side by side', () => {
  const header = (cells: string[]) => detectBudgetHeader(sheet('Uppföljning', [cells, ['SN', 'Hemtjänst', 1, 2, 3, 4, 5]]))!;

  it.each([
    [['Nämnd', 'Verksamhet', 'Ursprunglig budget', 'Tilläggsanslag', 'Reviderad budget', 'Utfall ack', 'Prognos helår'], 5],
    [['Nämnd', 'Verksamhet', 'Budget 2025', 'Budget 2025 inkl. tilläggsanslag', 'Utfall ack', 'Prognos helår'], 4],
    [['Nämnd', 'Verksamhet', 'Budget KF 2025', 'Justerad budget 2025', 'Utfall ack', 'Prognos helår'], 4],
  ])('%j: the revised budget (column %i) is the budget', (cells, col) => {
    const h = header(cells as string[]);
    expect(h.columns.budget).toBe(col);
    expect(h.unused.some((u) => u.why.includes('används'))).toBe(true);
  });

  it('a lone "Beslutad budget" is the budget', () => {
    expect(header(['Nämnd', 'Verksamhet', 'Beslutad budget', 'Prognos']).columns.budget).toBe(3);
  });
});

describe('Ansvar beside Verksamhet, without a Nämnd column', () => {
  const rows = (ansvar: string[]): CellValue[][] => [
    ['Ansvar', 'Ansvar (T)', 'Verksamhet', 'Verksamhet (T)', 'Budget', 'Prognos'],
    ...ansvar.map((a, i): CellValue[] => [i + 1, a, 100 + i, `Verksamhet ${i}`, 1000, 1100]),
  ];

  it('is the nämnd when its texts name nämnder (the top of the ansvar tree)', () => {
    const { model, findings } = buildModel(workbook(sheet('Export', rows(['Kommunstyrelsen', 'Kommunstyrelsen', 'Socialnämnden']))));
    expect(model.budget!.lines.map((l) => l.namnd)).toEqual(['Kommunstyrelsen', 'Kommunstyrelsen', 'Socialnämnden']);
    expect(model.budget!.lines.map((l) => l.verksamhet)).toEqual(['Verksamhet 0', 'Verksamhet 1', 'Verksamhet 2']);
    expect(findings.filter((f) => f.rule === 'IN-NAMND-SAKNAS')).toEqual([]);
  });

  it('is left unused when its texts are units below a nämnd', () => {
    const { model } = buildModel(workbook(sheet('Export', rows(['Hemtjänst norr', 'Hemtjänst söder', 'Kansliet']))));
    expect(model.budget!.lines.map((l) => l.namnd)).toEqual(['', '', '']);
    expect(model.budget!.location.columns.namnd).toBeUndefined();
  });
});

describe('Excel pivot tables and generic sheet names', () => {
  it('"Radetiketter" with nämnder and their verksamheter (compact form): nämnder from the parent rows, not the sheet name "Blad2"', () => {
    const rows: CellValue[][] = [
      ['Radetiketter', 'Summa av Budget 2025', 'Summa av Prognos 2025'],
      ['Kommunstyrelsen', 58150, 58690],
      ['Kommunledning', 48300, 48900],
      ['Politisk verksamhet', 9850, 9790],
      ['Socialnämnden', 250600, 260800],
      ['Hemtjänst', 96400, 107700],
      ['Särskilt boende', 154200, 153100],
      ['Totalsumma', 308750, 319490],
    ];
    const { model } = buildModel(workbook(sheet('Blad2', rows)));
    expect(model.budget!.lines.map((l) => [l.namnd, l.verksamhet])).toEqual([
      ['Kommunstyrelsen', 'Kommunledning'],
      ['Kommunstyrelsen', 'Politisk verksamhet'],
      ['Socialnämnden', 'Hemtjänst'],
      ['Socialnämnden', 'Särskilt boende'],
    ]);
  });

  it('"Radetiketter" that name only nämnder are the nämnd; "(tom)" and Totalsumma are not', () => {
    const rows: CellValue[][] = [
      ['Radetiketter', 'Summa av Budget', 'Summa av Utfall', 'Summa av Prognos'],
      ['Kommunstyrelsen', 58150, 40000, 58690],
      ['Socialnämnden', 250600, 170000, 270800],
      ['(tom)', null, null, null],
      ['Totalsumma', 308750, 210000, 329490],
    ];
    const { model, findings } = buildModel(workbook(sheet('Pivot', rows)));
    expect(model.budget!.lines.map((l) => l.namnd)).toEqual(['Kommunstyrelsen', 'Socialnämnden']);
    expect(findings.filter((f) => f.rule === 'IN-NAMND-SAKNAS' || f.namnd === 'Pivot')).toEqual([]);
  });

  it('a Verksamhet column of verksamheter stays Verksamhet', () => {
    const { model } = buildModel(workbook(sheet('Export', [['Verksamhet', 'Budget', 'Prognos'], ['Hemtjänst', 100, 110], ['Skola', 200, 190]]), settings({ Nämnd: 'SN' })));
    expect(model.budget!.lines.map((l) => [l.namnd, l.verksamhet])).toEqual([['SN', 'Hemtjänst'], ['SN', 'Skola']]);
  });
});
