import { buildReports } from '../../../src/core/report/build-reports';
import { budgetDescription, formatAmount, indicatorDescription, indicatorPicture, namndPictures, overBudget } from '../../../src/core/report/chart-data';
import { amountFormat } from '../../../src/core/report/section-charts';
import { indicatorStatus } from '../../../src/core/report/indicator-status';
import { buildKontrollSheet } from '../../../src/core/kontroll';
import type { ChartSpec, SheetSpec } from '../../../src/core/sheet-spec';
import { checkResult, finding } from '../../xlsx/write/helpers';
import { readFileSync } from 'fs';
import { join } from 'path';
import { parseReportTemplate, type ReportTemplate } from '../../../src/core/report/template-schema';
import { budgetLine, buildModel, goal, indicator, sampleModel, SIGN } from './builders';

function template(id: string): ReportTemplate {
  const path = join(__dirname, '../../../rules/templates', `${id}.json`);
  return parseReportTemplate({ path, json: JSON.parse(readFileSync(path, 'utf8')) });
}

/** The values of the cells of an A1 range of a spec ("D12:D19", one row or one column). */
function rangeValues(sheet: SheetSpec, range: string): unknown[] {
  const [a, b] = range.split(':').map((p) => {
    const m = /^([A-Z]+)(\d+)$/.exec(p)!;
    const col = [...m[1]].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
    return { row: Number(m[2]), col };
  });
  const end = b ?? a;
  const out: unknown[] = [];
  for (let r = a.row; r <= end.row; r++) for (let c = a.col; c <= end.col; c++) out.push(sheet.rows[r - 1]?.[c - 1]?.v ?? null);
  return out;
}

/** Every range a chart refers to holds exactly the values the chart caches. */
function expectCachesMatchCells(sheet: SheetSpec, chart: ChartSpec): void {
  for (const s of chart.series) {
    expect(rangeValues(sheet, s.values.ref)).toEqual(s.values.values);
    if (s.categories) expect(rangeValues(sheet, s.categories.ref)).toEqual(s.categories.values);
    if (s.x) expect(rangeValues(sheet, s.x.ref)).toEqual(s.x.values);
    if (s.nameRef) expect(rangeValues(sheet, s.nameRef)).toEqual([s.name]);
  }
}

describe('report charts', () => {
  const model = sampleModel();
  const { sheets } = buildReports({ sign: SIGN, model, template: template('delarsrapport') });
  const sn = sheets.find((s) => s.name === 'Socialnämnden')!;

  it('draws budget, utfall and helårsprognos per verksamhet from the budget table, deficits as highlighted points', () => {
    const budget = sn.charts!.find((c) => c.id === 'budget')!;
    expect(budget.kind).toBe('bar');
    expect(budget.title).toBe('Budget och helårsprognos per verksamhet – Socialnämnden');
    expect(budget.series.map((s) => s.name)).toEqual(['Budget', 'Utfall', 'Helårsprognos']);
    expect(budget.series[0].categories!.values).toEqual(['Hemtjänst', 'Särskilt boende']);
    expectCachesMatchCells(sn, budget);
    // Hemtjänst: budget 52 000, prognos 54 300 → over budget; Särskilt boende is under.
    const prognos = budget.series[2];
    expect(prognos.values.values).toEqual([54300, 79000]);
    expect(prognos.highlight?.points).toEqual([0]);
    expect(budget.series[0].highlight).toBeUndefined();
    expect(budget.valueFormat).toBe('#,##0 "tkr"');
    expect(budget.valueAxisTitle).toBe('Nettokostnad (tkr)');
    expect(budget.description).toBe('En av två verksamheter har prognos över budget; störst underskott: Hemtjänst, −2\u00a0300 tkr. Rödrandiga staplar: helårsprognos över budget.');
  });

  it('draws each indicator against the straight line the "i fas" rule uses, from an Underlag table in the sheet', () => {
    const charts = sn.charts!.filter((c) => c.kind === 'scatter');
    expect(charts.map((c) => c.id)).toEqual(['indikator:I1', 'indikator:I2']);
    const i1 = charts[0];
    expectCachesMatchCells(sn, i1);
    const [line, outcome] = i1.series;
    expect(line.x!.values).toEqual([2022, 2024, 2026]);
    // The line's value in the outcome year is what indicatorStatus judges by.
    const ind = model.indicators!.items.find((i) => i.id === 'I1')!;
    expect(line.values.values[1]).toBeCloseTo(indicatorStatus(ind).expected!, 9);
    expect(line.values.values).toEqual([70, 75, 80]);
    expect(outcome.values.values).toEqual([70, 71, null]);
    expect(line.dash).not.toBe(outcome.dash);
    expect(line.marker).not.toBe(outcome.marker);
    expect(i1.title).toBe('I1: Trygghet i äldreboende – ej i fas');
    expect(i1.description).toBe('Utgångsvärde 70 år 2022, målvärde 80 år 2026 (högre är bättre). Utfallet 2024 är 71 och linjen mot målvärdet ger 75: ej i fas.');
    // I2 has no outcome yet; lower is better.
    expect(charts[1].valueAxisTitle).toBe('Värde (lägre är bättre)');
    expect(charts[1].description).toMatch(/Inget utfall ännu\.$/);
  });

  it('puts the charts on a page of their own, in columns B–H, each over rows of its own', () => {
    const breaks = sn.pageBreaks!;
    const charts = sn.charts!;
    expect(breaks.length).toBeGreaterThan(0);
    expect(Math.min(...charts.map((c) => c.anchor.from.row))).toBeGreaterThan(breaks[0]);
    for (const c of charts) {
      expect(c.anchor.from.col).toBeGreaterThanOrEqual(2);
      expect(c.anchor.to.col).toBeLessThanOrEqual(9);
      // Nothing written under a chart.
      for (let r = c.anchor.from.row; r < c.anchor.to.row; r++) {
        for (let col = c.anchor.from.col; col < c.anchor.to.col; col++) expect(sn.rows[r - 1]?.[col - 1]?.v ?? null).toBeNull();
      }
    }
    // No two charts overlap.
    for (const a of charts) for (const b of charts) {
      if (a === b) continue;
      const apart = a.anchor.to.row <= b.anchor.from.row || b.anchor.to.row <= a.anchor.from.row || a.anchor.to.col <= b.anchor.from.col || b.anchor.to.col <= a.anchor.from.col;
      expect(apart).toBe(true);
    }
  });

  it('65 verksamheter: the budget chart stays on one printed page and its thin bars lose the dark outline that would blacken them', () => {
    const budget = Array.from({ length: 65 }, (_, i) => budgetLine({ namnd: 'Stora nämnden', verksamhet: `Verksamhet ${i + 1}`, budget: 1000 + i, utfall: 600, prognos: 1000 + i + (i % 7 ? -20 : 50) }));
    const big = buildModel({ budget, goals: [goal({ id: 'G', namnd: 'Stora nämnden', parentId: null })] });
    const sheet = buildReports({ sign: SIGN, model: big, template: template('delarsrapport') }).sheets[0];
    const chart = sheet.charts!.find((c) => c.id === 'budget')!;
    const rows = chart.anchor.to.row - chart.anchor.from.row;
    // The page holds 64 rows of 15 pt at the report's scale; the Diagram heading and a blank row come first.
    expect(chart.anchor.to.row - sheet.pageBreaks![0]).toBeLessThanOrEqual(64);
    // About 1,8 pt per bar at the old 44 rows: every bar drew as two 0,75 pt outlines. Now more room, and no outline.
    expect(rows).toBeGreaterThan(44);
    expect(chart.barOutline).toBe(false);
    // A usual nämnd keeps the outline.
    const sn = buildReports({ sign: SIGN, model, template: template('delarsrapport') }).sheets.find((s) => s.name === 'Socialnämnden')!;
    expect(sn.charts!.find((c) => c.id === 'budget')!.barOutline).toBeUndefined();
  });

  it('a template without budget or indicators draws nothing; one with a budget only draws the budget', () => {
    const textOnly = parseReportTemplate({ path: 'x.json', json: { id: 'x', title: 'X', source: 's', period: { from: 1 }, sections: [{ kind: 'text', id: 'analys:x', heading: 'Analys' }] } });
    const sheet = buildReports({ sign: SIGN, model, template: textOnly }).sheets[0];
    expect(sheet.charts).toBeUndefined();
    expect(sheet.pageBreaks).toBeUndefined();
    const plan = buildReports({ sign: SIGN, model, template: template('manadsrapport') }).sheets[0];
    expect(plan.charts!.map((c) => c.id)).toEqual(['budget']);
  });

  it('the same pictures as data for the pane, with the same words', () => {
    const p = namndPictures(model, 'Socialnämnden', 2025);
    expect(p.budget.map((b) => b.verksamhet)).toEqual(['Hemtjänst', 'Särskilt boende']);
    expect(p.indicators.map((i) => i.id)).toEqual(['I1', 'I2']);
    expect(budgetDescription(p.budget, p.basis, p.unit)).toBe('En av två verksamheter har prognos över budget; störst underskott: Hemtjänst, −2\u00a0300 tkr.');
  });

  it('descriptions count in words and name the worst deficit', () => {
    const bars = [
      { verksamhet: 'A', budget: 100, utfall: 60, prognos: 90 },
      { verksamhet: 'B', budget: 100, utfall: 60, prognos: 140 },
      { verksamhet: 'C', budget: 100, utfall: 60, prognos: 1334 },
      { verksamhet: 'D', budget: 100, utfall: 60, prognos: 100 },
    ];
    expect(budgetDescription(bars, 'prognos', 'tkr')).toBe('Två av fyra verksamheter har prognos över budget; störst underskott: C, −1\u00a0234 tkr.');
    expect(budgetDescription(bars.slice(0, 1), 'prognos', 'kr')).toBe('Verksamheten har inte prognos över budget.');
    expect(budgetDescription([], 'prognos', 'kr')).toMatch(/ingen budget/);
  });

  it('in mnkr a deficit of a few tenths counts and is told with a decimal; the axis shows decimals', () => {
    const bars = [
      { verksamhet: 'A', budget: 0.35, utfall: 0.2, prognos: 0.42 },
      { verksamhet: 'B', budget: 0.6, utfall: 0.3, prognos: 0.55 },
      { verksamhet: 'C', budget: 12, utfall: 6, prognos: 12.3 },
    ];
    expect(overBudget(bars, 'prognos', 'mnkr')).toEqual([0, 2]);
    expect(budgetDescription(bars, 'prognos', 'mnkr')).toBe('Två av tre verksamheter har prognos över budget; störst underskott: C, −0,3 mnkr.');
    // 0,5, 1 and 1,5 mnkr on the axis, not "1 mnkr" twice.
    expect(amountFormat('mnkr')).toBe('#,##0.0 "mnkr"');
    // tkr and kr as before: whole units, half a unit is rounding.
    expect(overBudget([{ verksamhet: 'A', budget: 100, utfall: 0, prognos: 100.4 }], 'prognos', 'tkr')).toEqual([]);
    expect(amountFormat('tkr')).toBe('#,##0 "tkr"');
    expect(formatAmount(-1234.4, 'tkr')).toBe('−1\u00a0234 tkr');
  });

  it('the text alternative names the baseline and the target as given, even when the outcome year lies outside them', () => {
    const describe = (p: Partial<Parameters<typeof indicator>[0]>) =>
      indicatorDescription(indicatorPicture(buildModel({ indicators: [indicator({ id: 'X', goalId: 'G', ...p })] }).indicators!.items[0], 2025)!);
    // Outcome after the target year: the target is still 60 in 2026.
    expect(describe({ outcome: 58, outcomeYear: 2030 })).toMatch(/^Utgångsvärde 50 år 2022, målvärde 60 år 2026 \(högre är bättre\)\./);
    // Outcome before the baseline year.
    expect(describe({ outcome: 40, outcomeYear: 2019 })).toMatch(/^Utgångsvärde 50 år 2022, målvärde 60 år 2026 /);
    // Target year before the baseline year, and both in the same year.
    expect(describe({ baseline: 40, baselineYear: 2025, target: 60, targetYear: 2022, outcome: 45, outcomeYear: 2024 })).toMatch(/^Utgångsvärde 40 år 2025, målvärde 60 år 2022 /);
    expect(describe({ baseline: 10, baselineYear: 2024, target: 20, targetYear: 2024, outcome: 15, outcomeYear: 2024 })).toMatch(/^Utgångsvärde 10 år 2024, målvärde 20 år 2024 /);
  });

  it('a long indicator title is cut to 90 characters without splitting an emoji in half', () => {
    // "I1: " is 4 characters; 84 more put the emoji on characters 89–90 of the title.
    const text = `${'x'.repeat(84)}😀 och mer text`;
    const m = buildModel({ budget: [budgetLine({ namnd: 'N' })], goals: [goal({ id: 'G', namnd: 'N', parentId: null })], indicators: [indicator({ id: 'I1', goalId: 'G', text })] });
    const sheet = buildReports({ sign: SIGN, model: m, template: template('delarsrapport') }).sheets[0];
    const title = sheet.charts!.find((c) => c.id === 'indikator:I1')!.title;
    expect(title.length).toBeLessThanOrEqual(90);
    expect(title).toMatch(/…$/);
    expect(title).not.toMatch(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])/);
  });

  it('an indicator without years, baseline or target has no picture; a reached target says so', () => {
    const m = buildModel({ goals: [goal({ id: 'G', namnd: 'N', parentId: 'KF' })], indicators: [indicator({ id: 'X', goalId: 'G', baselineYear: null })] });
    expect(indicatorPicture(m.indicators!.items[0], 2025)).toBeNull();
    const reached = indicatorPicture(buildModel({ indicators: [indicator({ id: 'Y', goalId: 'G', outcome: 61 })] }).indicators!.items[0], 2025)!;
    expect(indicatorDescription(reached)).toMatch(/målvärdet är nått\.$/);
  });
});

describe('Kontroll chart', () => {
  it('findings per område and allvar, stacked, beside the summary and from its cells', () => {
    const findings = [
      finding({ severity: 'fel', category: 'budget' }),
      finding({ severity: 'fel', category: 'budget' }),
      finding({ severity: 'varning', category: 'mal' }),
      finding({ severity: 'info', category: 'indata' }),
    ];
    const sheet = buildKontrollSheet(checkResult(findings));
    expect(sheet.charts).toHaveLength(1);
    const chart = sheet.charts![0];
    expect(chart.grouping).toBe('stacked');
    expect(chart.series.map((s) => s.name)).toEqual(['Fel', 'Varning', 'Info']);
    expectCachesMatchCells(sheet, chart);
    expect(chart.series[0].values.values).toEqual([2, 0, 0, 0, 0, 0]);
    expect(chart.description).toBe('Fynd per område och allvar: 2 fel, 1 varning, 1 info; flest inom Budget (2).');
    // Beside the summary: right of its five columns, not over the findings below.
    expect(chart.anchor.from.col).toBeGreaterThan(5);
    const header = sheet.rows.findIndex((r) => r[0]?.v === 'Allvar') + 1;
    expect(chart.anchor.to.row).toBeLessThan(header);
    // Grey print: the three severities differ by more than their colour.
    const looks = chart.series.map((s) => `${s.pattern ?? 'solid'}`);
    expect(new Set(looks).size).toBe(3);
  });
});
