/**
 * The add-in draws the same charts as the package writer, through the real Office.js client and
 * the host model: the Kontroll sheet's findings chart and the report sheets' budget and indicator
 * charts, named "Styrkoll: …", from the core's chart specs; replaced with their sheet on a re-run;
 * a user's own chart untouched; the ExcelApi 1.8 extras only where the host has them.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildKontrollSheet, buildMarks } from '../../../src/core/kontroll';
import { buildReports } from '../../../src/core/report/build-reports';
import { parseReportTemplate } from '../../../src/core/report/template-schema';
import { CHART_NAME_PREFIX, type ChartSpec } from '../../../src/core/sheet-spec';
import { OP_OVERHEAD_BYTES } from '../../../src/office/payload';
import { anchorCells, chartBytes, officeChartType, renderCharts } from '../../../src/office/render-charts';
import { SyncBatcher } from '../../../src/office/sync-batcher';
import { replaceSheets } from '../../../src/office/replace-sheets';
import { writeResult } from '../../../src/office/write-result';
import { sampleModel, SIGN } from '../../core/report/builders';
import { checkResult, finding } from '../../xlsx/write/helpers';
import { ExcelHost, type HostChart, type HostSheetInit } from './excel-host';

const everything = () => true;
const upTo = (max: string) => (v: string) => Number(v.split('.')[1]) <= Number(max.split('.')[1]);

const quote = (sheet: string) => (/^[A-Za-z_][A-Za-z0-9_.]*$/.test(sheet) ? sheet : `'${sheet.replace(/'/g, "''")}'`);
const qualified = (sheet: string, ref: string) => `${quote(sheet)}!${ref}`;

function userSheets(): HostSheetInit[] {
  return [
    {
      name: 'Budget',
      rows: [['Nämnd', 'Budget', 'Prognos'], ['SN', 100, 120], ['KS', 200, 180], ['BUN', 300, 310]],
      charts: [{ name: 'Mitt diagram', type: 'ColumnClustered', source: 'B2:C4' }],
    },
    { name: 'Mål', rows: [['ID', 'Mål'], ['M1', 'Text']] },
  ];
}

const FINDINGS = [
  finding({ severity: 'fel', category: 'budget', cell: 'B2', row: 2 }),
  finding({ severity: 'varning', category: 'budget', cell: 'C3', row: 3 }),
  finding({ severity: 'info', category: 'mal', sheet: 'Mål', cell: 'B2', row: 2 }),
];

function kontrollRun() {
  const result = checkResult(FINDINGS);
  return { kontroll: buildKontrollSheet(result), marks: buildMarks(result.findings) };
}

function template(id: string) {
  const path = join(__dirname, '../../../rules/templates', `${id}.json`);
  return parseReportTemplate({ path, json: JSON.parse(readFileSync(path, 'utf8')) });
}

/** What a chart must look like in the host after the add-in drew `spec` on `sheet`. */
function expectDrawn(chart: HostChart, spec: ChartSpec, sheet: string, full: boolean): void {
  expect(chart.name).toBe(CHART_NAME_PREFIX + spec.id);
  expect(chart.type).toBe(officeChartType(spec));
  expect(chart.source).toBe(qualified(sheet, spec.series[0].values.ref));
  expect(chart.props['Title.Text']).toBe(spec.title);
  const { start, end } = anchorCells(spec);
  expect(chart.position).toEqual([start, end]);
  expect(chart.series.map((s) => s.name)).toEqual(spec.series.map((s) => s.name));
  expect(chart.series.map((s) => s.values)).toEqual(spec.series.map((s) => qualified(sheet, s.values.ref)));
  expect(chart.series.map((s) => s.xValues)).toEqual(spec.series.map((s) => qualified(sheet, (s.categories ?? s.x)!.ref)));
  if (spec.valueAxisTitle) expect(chart.props['Axes.ValueAxis.Title.Text']).toBe(spec.valueAxisTitle);
  if (spec.categoryAxisTitle) expect(chart.props['Axes.CategoryAxis.Title.Text']).toBe(spec.categoryAxisTitle);
  expect(chart.props['Axes.ValueAxis.NumberFormat']).toBe(full ? spec.valueFormat : undefined);
  spec.series.forEach((s, i) => {
    const drawn = chart.series[i];
    if (spec.kind === 'bar') {
      expect(drawn.props['Format.Fill.SolidColor']).toBe(`#${s.color}`);
      const highlighted = [...drawn.points.entries()].filter(([, p]) => p['Format.Fill.SolidColor']).map(([k, p]) => [k, p['Format.Fill.SolidColor']]);
      expect(highlighted).toEqual((s.highlight?.points ?? []).map((p) => [p, `#${s.highlight!.color}`]));
    } else {
      expect(drawn.props['Format.Line.Color']).toBe(`#${s.color}`);
      expect(drawn.props['Format.Line.LineStyle']).toBe(s.dash === 'dash' ? 'Dash' : 'Continuous');
    }
  });
}

describe('charts on the Kontroll sheet, through the real Office.js client', () => {
  it('draws exactly one findings chart with its series and ranges; a re-run replaces it; the user\u2019s chart stays', async () => {
    const host = new ExcelHost(userSheets());
    const userChart = host.sheet('Budget').charts.map((c) => c.describe());
    const run = kontrollRun();
    const spec = run.kontroll.charts![0];
    expect(spec.series).toHaveLength(3);
    for (let i = 0; i < 2; i++) {
      await host.run((context) => writeResult(context, run, { supports: everything }));
      const charts = host.sheet('Kontroll').charts;
      expect(charts).toHaveLength(1);
      expectDrawn(charts[0], spec, 'Kontroll', true);
      expect(charts[0].series).toHaveLength(3);
      expect(charts[0].source).toBe(`Kontroll!${spec.series[0].values.ref}`);
      // Stacked bars read top-down; the value axis stays at the bottom (1.8).
      expect(charts[0].props['Axes.CategoryAxis.ReversePlotOrder']).toBe(true);
      expect(charts[0].props['Axes.CategoryAxis.Position']).toBe('Maximum');
      expect(host.sheet('Budget').charts.map((c) => c.describe())).toEqual(userChart);
      expect(host.sheets.map((s) => s.charts.length)).toEqual([1, 0, 1]);
    }
    expect(host.syncs.filter((s) => s.error !== null)).toEqual([]);
  });

  it('a host at ExcelApi 1.7 gets the chart without the axis number formats, and nothing fails', async () => {
    const host = new ExcelHost(userSheets());
    host.excelApi = '1.7';
    const run = kontrollRun();
    await host.run((context) => writeResult(context, run, { supports: upTo('1.7') }));
    const charts = host.sheet('Kontroll').charts;
    expect(charts).toHaveLength(1);
    expectDrawn(charts[0], run.kontroll.charts![0], 'Kontroll', false);
    expect(charts[0].props['Axes.CategoryAxis.Position']).toBeUndefined();
    expect(host.syncs.filter((s) => s.error !== null)).toEqual([]);
  });

  it('the host model refuses a 1.8 member on a 1.7 host (what the feature check keeps the add-in from sending)', async () => {
    const host = new ExcelHost(userSheets());
    host.excelApi = '1.7';
    await expect(host.run((context) => writeResult(context, kontrollRun(), { supports: everything }))).rejects.toMatchObject({ code: 'ApiNotFound' });
  });

  it('the host model refuses a chart over nothing that is a range, and series values over a block', async () => {
    const host = new ExcelHost(userSheets());
    await expect(
      host.run(async (context) => {
        const ws = context.workbook.worksheets.getItem('Budget');
        ws.charts.add('BarClustered', ws.getRange('B2:C4'), 'Columns').series.getItemAt(0).setValues(ws.getRange('B2:C4'));
        await context.sync();
      }),
    ).rejects.toMatchObject({ code: 'InvalidArgument' });
  });
});

describe('charts on report sheets, through the real Office.js client', () => {
  const model = sampleModel();
  const { sheets } = buildReports({ sign: SIGN, model, template: template('delarsrapport') });
  const withCharts = sheets.filter((s) => s.charts?.length);

  it('every report sheet gets its charts; a re-run leaves exactly one of each; the user\u2019s chart stays', async () => {
    expect(withCharts.length).toBeGreaterThan(0);
    expect(withCharts.some((s) => s.charts!.some((c) => c.kind === 'scatter'))).toBe(true);
    expect(withCharts.some((s) => s.charts!.some((c) => c.series.some((x) => x.highlight)))).toBe(true);
    const host = new ExcelHost(userSheets());
    const userChart = host.sheet('Budget').charts.map((c) => c.describe());
    for (let run = 0; run < 2; run++) {
      await host.run((context) => replaceSheets(context, sheets, everything));
      for (const spec of sheets) {
        const drawn = host.sheet(spec.name).charts;
        expect([spec.name, drawn.map((c) => c.name)]).toEqual([spec.name, (spec.charts ?? []).map((c) => CHART_NAME_PREFIX + c.id)]);
        (spec.charts ?? []).forEach((c, i) => expectDrawn(drawn[i], c, spec.name, true));
      }
      expect(host.sheet('Budget').charts.map((c) => c.describe())).toEqual(userChart);
    }
    expect(host.syncs.filter((s) => s.error !== null)).toEqual([]);
  });

  it('scatter charts: the dashed line to the target and the outcomes, years as the x axis', async () => {
    const host = new ExcelHost(userSheets());
    await host.run((context) => replaceSheets(context, withCharts, everything));
    const sheet = withCharts.find((s) => s.charts!.some((c) => c.kind === 'scatter'))!;
    const spec = sheet.charts!.find((c) => c.kind === 'scatter')!;
    const chart = host.sheet(sheet.name).charts.find((c) => c.name === CHART_NAME_PREFIX + spec.id)!;
    expect(chart.type).toBe('XYScatterLines');
    expect(chart.series[0].props['Format.Line.LineStyle']).toBe('Dash');
    expect(chart.series[0].props.MarkerStyle).toBe('Triangle');
    expect(chart.series[1].props['Format.Line.LineStyle']).toBe('Continuous');
    const years = spec.series[0].x!.values as number[];
    expect(chart.props['Axes.CategoryAxis.Minimum']).toBe(Math.min(...years));
    expect(chart.props['Axes.CategoryAxis.Maximum']).toBe(Math.max(...years));
    expect(chart.props['Axes.CategoryAxis.NumberFormat']).toBe('0');
  });

  it('protected report sheets get their charts before the protection (a protected sheet takes no new chart)', async () => {
    expect(withCharts.some((s) => s.protect)).toBe(true);
    const host = new ExcelHost(userSheets());
    host.excelApi = '1.7';
    await host.run((context) => replaceSheets(context, withCharts, upTo('1.7')));
    for (const spec of withCharts) {
      expect(host.sheet(spec.name).charts).toHaveLength(spec.charts!.length);
      expect(host.sheet(spec.name).isProtected()).toBe(!!spec.protect);
    }
    expect(host.syncs.filter((s) => s.error !== null)).toEqual([]);
  });
});

describe('request size of a chart', () => {
  it('each chart\u2019s request stays within what the batcher counts for it', async () => {
    const model = sampleModel();
    const { sheets } = buildReports({ sign: SIGN, model, template: template('delarsrapport') });
    const specs = [kontrollRun().kontroll, ...sheets].filter((s) => s.charts?.length);
    const host = new ExcelHost([{ name: 'Blad1' }]);
    const measured: [string, number, number][] = [];
    await host.run(async (context) => {
      for (const spec of specs) {
        const ws = context.workbook.worksheets.add(spec.name.slice(0, 31));
        await context.sync();
        for (const chart of spec.charts!) {
          // One chart per request: the request holds that chart only.
          const batch = new SyncBatcher(context);
          await renderCharts(ws, [chart], batch, everything);
          await batch.flush();
          measured.push([chart.id, host.syncs[host.syncs.length - 1].requestBytes, OP_OVERHEAD_BYTES + chartBytes(chart)]);
        }
      }
    });
    expect(measured.length).toBeGreaterThan(3);
    for (const [id, bytes, counted] of measured) expect([id, bytes <= counted]).toEqual([id, true]);
  });
});
