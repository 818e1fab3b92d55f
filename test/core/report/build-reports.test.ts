import { SIGN } from './builders';
import { readFileSync } from 'fs';
import { join } from 'path';
import { buildReports } from '../../../src/core/report/build-reports';
import { parseReportTemplate, type ReportTemplate } from '../../../src/core/report/template-schema';
import type { SheetSpec, SpecCell } from '../../../src/core/sheet-spec';
import type { CheckResult } from '../../../src/core/check-types';
import type { Finding } from '../../../src/core/finding';
import { budgetLine, buildModel, goal, sampleModel, uppdrag } from './builders';

export function template(id: string): ReportTemplate {
  const path = join(__dirname, '../../../rules/templates', `${id}.json`);
  return parseReportTemplate({ path, json: JSON.parse(readFileSync(path, 'utf8')) });
}

const cells = (s: SheetSpec): SpecCell[] => s.rows.flat().filter((c): c is SpecCell => c !== null);
const texts = (s: SheetSpec): string => cells(s).map((c) => String(c.v ?? '')).join('\n');
const finding = (namnd: string, message: string): Finding => ({
  rule: 'BUD-X', category: 'budget', severity: 'varning', sheet: 'Budget', row: 2, cell: 'E2', namnd, message, source: 's', suggestion: 'Gör något',
});

describe('buildReports', () => {
  const model = sampleModel();
  const result = { findings: [finding('Socialnämnden', 'Hemtjänst går med underskott'), finding('Barn- och utbildningsnämnden', 'Skolskjuts dyr')] } as CheckResult;
  const { sheets, summary } = buildReports({ sign: SIGN, model, result, template: template('delarsrapport') });
  const sn = sheets.find((s) => s.name === 'Socialnämnden')!;
  const bun = sheets.find((s) => s.name === 'Barn- och utbildningsnämnden')!;

  it('makes one sheet per nämnd with only that nämnd’s goals, indicators, uppdrag, budget and findings', () => {
    expect(sheets.map((s) => s.name)).toEqual(['Socialnämnden', 'Barn- och utbildningsnämnden']);
    const t = texts(sn);
    for (const own of ['Fler äldre känner sig trygga', 'Kortare väntetid', 'Trygghet i äldreboende', 'Väntetid dagar', 'Utred hemtjänstens ruttplanering', 'Hemtjänst', 'Särskilt boende', 'Hemtjänst går med underskott']) {
      expect(t).toContain(own);
    }
    // the KF goal it breaks down is shown as context, the other nämnd's KF goal is not
    expect(t).toContain('Trygg och god omsorg');
    for (const other of ['Bästa skolan', 'Alla elever når målen', 'Behörighet gymnasiet', 'Ta fram skolplan', 'Grundskola', 'Förskola', 'Skolskjuts', 'Barn- och utbildningsnämnden']) {
      expect(t).not.toContain(other);
    }
    expect(texts(bun)).toContain('Alla elever når målen');
    expect(texts(bun)).not.toContain('Hemtjänst');
    expect(summary.join('\n')).toMatch(/Socialnämnden .*2 mål, 2 indikatorer, 1 uppdrag, 2 verksamheter/);
  });

  it('shows amounts in mnkr with a decimal, so 0,35 mnkr is not 0; tkr stays whole', () => {
    const amountFormats = (beloppI: 'tkr' | 'mnkr') => {
      const out = buildReports({ sign: SIGN, model: sampleModel({ beloppI }), result, template: template('delarsrapport') });
      const sheet = out.sheets.find((x) => x.name === 'Socialnämnden')!;
      const hem = sheet.rows.find((r) => r.some((c) => c?.v === 'Hemtjänst'))!;
      const total = sheet.rows.find((r) => r.some((c) => c?.v === 'Summa Socialnämnden'))!;
      return [...hem.slice(3, 7), ...total.slice(3, 7)].map((c) => c?.style?.numFmt);
    };
    expect(new Set(amountFormats('tkr'))).toEqual(new Set(['#,##0']));
    expect(new Set(amountFormats('mnkr'))).toEqual(new Set(['#,##0.0']));
  });

  it('sums verksamhet lines and writes totals as live SUM formulas with correct cached values', () => {
    const rowOf = (label: string) => sn.rows.find((r) => r.some((c) => c?.v === label))!;
    const hem = rowOf('Hemtjänst');
    const amounts = hem.slice(3, 7).map((c) => c?.v);
    expect(amounts).toEqual([52000, 35200, 54300, -2300]);
    expect(hem[6]?.f).toMatch(/^D\d+-F\d+$/);
    const total = rowOf('Summa Socialnämnden');
    const formulas = total.slice(3, 7);
    expect(formulas.map((c) => c?.f)).toEqual(formulas.map((c) => expect.stringMatching(/^SUM\([DEFG]\d+:[DEFG]\d+\)$/)));
    expect(formulas.map((c) => c?.v)).toEqual([132000, 88200, 133300, -1300]);
    // the SUM range covers exactly the verksamhet rows
    const [, from, to] = /SUM\(D(\d+):D(\d+)\)/.exec(formulas[0]!.f!)!;
    const covered = sn.rows.slice(Number(from) - 1, Number(to)).map((r) => r[3]?.v as number);
    expect(covered.reduce((a, b) => a + b, 0)).toBe(132000);
    expect(cells(sn).filter((c) => typeof c.v === 'number' && c.style?.numFmt).every((c) => /^#,##0|yyyy/.test(c.style!.numFmt!))).toBe(true);
    expect(texts(sn)).toContain('Belopp i tkr');
  });

  it('unlocks and marks exactly the fill-in cells, locks the rest and protects the sheet', () => {
    expect(sn.protect).toBe(true);
    expect(sn.freeze?.rows).toBeGreaterThan(0);
    expect(sn.print).toMatchObject({ orientation: 'portrait', fitToWidth: true });
    const all = cells(sn);
    const fills = all.filter((c) => c.id);
    expect(fills.length).toBeGreaterThan(8);
    for (const c of all) {
      if (c.id) expect(c.style).toMatchObject({ locked: false, fill: 'FFFFF2CC' });
      else expect(c.style?.locked).not.toBe(false);
    }
    const ids = fills.map((c) => c.id);
    expect(ids).toEqual(expect.arrayContaining(['analys:budget', 'mal:SN1:prognos', 'mal:SN2:kommentar', 'avvikelse:Socialnämnden|Hemtjänst:analys', 'atgard:1:belopp', 'indikator:I2:utfall', 'uppdrag:U1:status']));
    // analysis only where there is a deficit
    expect(ids).not.toContain('avvikelse:Socialnämnden|Särskilt boende:analys');
    expect(new Set(ids).size).toBe(ids.length);
    // legend at the top
    expect(sn.rows.slice(0, 4).flat().some((c) => c?.style?.fill === 'FFFFF2CC' && !c.id)).toBe(true);
    // goal prognos dropdowns sit on the prognos cells
    expect(sn.validations?.length).toBe(2);
    expect(sn.validations?.[0].list).toEqual(['Uppnås', 'Delvis', 'Uppnås ej']);
  });

  it('pre-fills the goal prognos and uppdrag status from the master', () => {
    const byId = new Map(cells(sn).filter((c) => c.id).map((c) => [c.id, c.v]));
    expect(byId.get('mal:SN1:prognos')).toBe('Delvis');
    expect(byId.get('mal:SN2:prognos')).toBeNull();
    expect(byId.get('uppdrag:U1:status')).toBe('Pågår');
  });

  it('keeps workbook text starting with "=" a value, never a formula', () => {
    const m = buildModel({ budget: [budgetLine({ namnd: 'KS', verksamhet: '=HYPERLINK("x")' })], goals: [goal({ id: 'G', text: '=1+1', namnd: 'KS', parentId: 'X' })], uppdrag: [uppdrag({ id: 'U', text: '+SUM(A1)', ansvarig: 'KS' })] });
    const s = buildReports({ sign: SIGN, model: m, template: template('delarsrapport') }).sheets[0];
    const formulas = cells(s).filter((c) => c.f).map((c) => c.f!);
    expect(formulas.every((f) => /^(SUM\([A-H]\d+:[A-H]\d+\)|[A-H]\d+-[A-H]\d+|[A-H]\d+)$/.test(f))).toBe(true);
    expect(cells(s).some((c) => c.v === '=1+1' && !c.f)).toBe(true);
    expect(cells(s).some((c) => c.v === '=HYPERLINK("x")' && !c.f)).toBe(true);
  });

  it('makes valid, unique sheet names', () => {
    const m = buildModel({
      budget: [
        budgetLine({ namnd: 'Bygg- och miljönämnden: tillsyn/plan [gemensam] med en väldigt lång nämndbeteckning' }),
        budgetLine({ namnd: 'Bygg- och miljönämnden: tillsyn/plan [gemensam] med en väldigt lång nämndbeteckning 2' }),
      ],
    });
    const names = buildReports({ sign: SIGN, model: m, template: template('manadsrapport') }).sheets.map((s) => s.name);
    expect(names).toHaveLength(2);
    for (const n of names) {
      expect(n.length).toBeLessThanOrEqual(31);
      expect(n).not.toMatch(/[[\]:*?/\\]/);
    }
    expect(new Set(names.map((n) => n.toLowerCase())).size).toBe(2);
  });

  it('builds one nämnd on request and refuses an unknown one in Swedish', () => {
    const one = buildReports({ sign: SIGN, model, template: template('namndrapport-1'), namnd: 'socialnämnden' });
    expect(one.sheets.map((s) => s.name)).toEqual(['Socialnämnden']);
    expect(() => buildReports({ sign: SIGN, model, template: template('namndrapport-1'), namnd: 'Tekniska nämnden' })).toThrow(/Tekniska nämnden.*finns inte/);
  });

  it('every template renders for every nämnd with a title naming report, year and nämnd', () => {
    for (const id of ['manadsrapport', 'namndrapport-1', 'namndrapport-2', 'namndrapport-3', 'namndrapport-4', 'delarsrapport', 'arsredovisning', 'atgardsplan']) {
      const t = template(id);
      for (const s of buildReports({ sign: SIGN, model, template: t }).sheets) {
        expect(s.rows[0][1]?.v).toBe(`${t.title} 2025 – ${s.name}`);
      }
    }
  });

  it('årsredovisning compares budget with utfall and asks for analysis of every deviation', () => {
    const s = buildReports({ sign: SIGN, model, template: template('arsredovisning'), namnd: 'Socialnämnden' }).sheets[0];
    const ids = cells(s).filter((c) => c.id).map((c) => c.id);
    expect(ids).toEqual(expect.arrayContaining(['avvikelse:Socialnämnden|Hemtjänst:analys', 'avvikelse:Socialnämnden|Särskilt boende:analys']));
    const hem = s.rows.find((r) => r.some((c) => c?.v === 'Hemtjänst'))!;
    expect(hem[5]?.v).toBe(52000 - 35200); // Budget, Utfall, Avvikelse in D–F
    expect(hem[5]?.f).toMatch(/^D\d+-E\d+$/);
    expect(texts(s)).toContain('Bedömning');
  });

  it('nämndrapport 4 lists only goals with deviations', () => {
    const s = buildReports({ sign: SIGN, model: sampleModel({}), template: template('namndrapport-4'), namnd: 'Barn- och utbildningsnämnden' }).sheets[0];
    // BUN1 has no prognos yet: listed; a goal forecast Uppnås with its indicator on track is not
    const m = sampleModel();
    m.goals!.items.find((g) => g.id === 'BUN1')!.prognos = 'uppnas';
    const s2 = buildReports({ sign: SIGN, model: m, template: template('namndrapport-4'), namnd: 'Barn- och utbildningsnämnden' }).sheets[0];
    expect(texts(s)).toContain('Alla elever når målen');
    expect(texts(s2)).not.toContain('Alla elever når målen');
  });
});
