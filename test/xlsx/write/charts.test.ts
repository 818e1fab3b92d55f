import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { SaxesParser } from 'saxes';
import { buildKontrollSheet, buildMarks } from '../../../src/core/kontroll';
import type { Finding } from '../../../src/core/finding';
import type { ChartSpec, SheetSpec } from '../../../src/core/sheet-spec';
import { addSheets, createWorkbook, writeCheckedWorkbook } from '../../../src/xlsx/write';
import { readWorkbook } from '../../../src/xlsx/read';
import { budgetWorkbook, checkResult, finding, parts, rels, resolve, sheetParts } from './helpers';

const CHART_TYPE = 'application/vnd.openxmlformats-officedocument.drawingml.chart+xml';
const DRAWING_TYPE = 'application/vnd.openxmlformats-officedocument.drawing+xml';

const findings: Finding[] = [
  finding({ severity: 'fel', sheet: 'Budget', cell: 'D3', category: 'budget' }),
  finding({ severity: 'varning', sheet: 'Budget', cell: 'C2', category: 'mal' }),
];
const check = (bytes: Uint8Array, f: Finding[] = findings) => writeCheckedWorkbook(bytes, { kontroll: buildKontrollSheet(checkResult(f)), marks: buildMarks(f) });

/** Parses XML strictly (namespaces checked) and returns the element names in document order. */
function elements(xml: string): string[] {
  const names: string[] = [];
  const p = new SaxesParser({ xmlns: true });
  p.on('error', (e) => {
    throw e;
  });
  p.on('opentag', (t) => names.push(`${t.prefix ? t.prefix + ':' : ''}${t.local}`));
  p.write(xml).close();
  return names;
}

const text = (all: Record<string, Uint8Array>, name: string) => strFromU8(all[name]);
const chartParts = (all: Record<string, Uint8Array>) => Object.keys(all).filter((n) => /^xl\/charts\/chart\d+\.xml$/.test(n)).sort();
const drawingParts = (all: Record<string, Uint8Array>) => Object.keys(all).filter((n) => /^xl\/drawings\/drawing\d+\.xml$/.test(n)).sort();

/** Every part has a content type, every override names a part, every internal relationship resolves. */
function expectConsistentPackage(bytes: Uint8Array): void {
  const all = parts(bytes);
  const ct = text(all, '[Content_Types].xml');
  elements(ct);
  const defaults = new Map([...ct.matchAll(/<Default Extension="([^"]+)" ContentType="([^"]+)"/g)].map((m) => [m[1].toLowerCase(), m[2]]));
  const overrides = new Map([...ct.matchAll(/<Override PartName="\/([^"]+)" ContentType="([^"]+)"/g)].map((m) => [m[1], m[2]]));
  for (const name of overrides.keys()) expect(all[name] ? name : `missing ${name}`).toBe(name);
  for (const name of Object.keys(all)) {
    if (name === '[Content_Types].xml') continue;
    const ext = name.slice(name.lastIndexOf('.') + 1).toLowerCase();
    expect(overrides.has(name) || defaults.has(ext) ? name : `no content type for ${name}`).toBe(name);
    if (/^xl\/charts\/chart\d+\.xml$/.test(name)) expect(overrides.get(name)).toBe(CHART_TYPE);
    if (/^xl\/drawings\/drawing\d+\.xml$/.test(name)) expect(overrides.get(name)).toBe(DRAWING_TYPE);
  }
  for (const name of Object.keys(all).filter((n) => n.endsWith('.rels'))) {
    elements(text(all, name));
    const source = name.replace(/_rels\/([^/]+)\.rels$/, '$1').replace(/^_rels\/\.rels$/, '');
    for (const r of rels(all, source === '.rels' ? '' : source)) {
      if (/TargetMode="External"/.test(text(all, name)) && r.type.endsWith('/hyperlink')) continue;
      const target = resolve(source === '.rels' ? '' : source, r.target);
      expect(all[target] ? target : `${name}: missing ${target}`).toBe(target);
    }
  }
  // Each chart is on exactly one drawing.
  const referenced = drawingParts(all).flatMap((d) => rels(all, d).filter((r) => r.type.endsWith('/chart')).map((r) => resolve(d, r.target)));
  expect([...referenced].sort()).toEqual(chartParts(all));
}

const reportSpec = (name: string, verksamhet = 'Hemtjänst'): SheetSpec => {
  const chart: ChartSpec = {
    id: 'budget',
    kind: 'bar',
    grouping: 'clustered',
    title: `Budget – ${name}`,
    description: `Underskott i ${verksamhet}`,
    valueFormat: '#,##0 "tkr"',
    valueAxisTitle: 'Nettokostnad (tkr)',
    series: [
      { name: 'Budget', nameRef: 'B1', categories: { ref: 'A2:A3', values: [verksamhet, 'Skola'] }, values: { ref: 'B2:B3', values: [100, 200] }, color: '1F3864' },
      { name: 'Prognos', nameRef: 'C1', categories: { ref: 'A2:A3', values: [verksamhet, 'Skola'] }, values: { ref: 'C2:C3', values: [150, null] }, color: '5B9BD5', highlight: { points: [0], color: 'C00000', pattern: 'dkUpDiag' } },
    ],
    anchor: { from: { col: 5, row: 2 }, to: { col: 12, row: 20 } },
  };
  const line: ChartSpec = {
    id: 'indikator:I1',
    kind: 'scatter',
    title: 'I1',
    description: 'Linjen',
    xFormat: '0',
    series: [{ name: 'Linjen', x: { ref: 'B5:D5', values: [2022, 2024, 2026] }, values: { ref: 'B6:D6', values: [1, 2, 3] }, color: '595959', dash: 'dash', marker: 'triangle' }],
    anchor: { from: { col: 5, row: 21 }, to: { col: 12, row: 35 } },
  };
  return {
    name,
    rows: [
      [{ v: 'Verksamhet' }, { v: 'Budget' }, { v: 'Prognos' }],
      [{ v: verksamhet }, { v: 100 }, { v: 150 }],
      [{ v: 'Skola' }, { v: 200 }, { v: null }],
      [],
      [{ v: 'År' }, { v: 2022 }, { v: 2024 }, { v: 2026 }],
      [{ v: 'Linjen' }, { v: 1 }, { v: 2 }, { v: 3 }],
    ],
    charts: [chart, line],
    pageBreaks: [4],
  };
};

describe('charts in the package', () => {
  test('chart, drawing and sheet XML are well-formed, with the parts Excel expects', () => {
    const bytes = createWorkbook([reportSpec('Omsorg')]);
    const all = parts(bytes);
    expectConsistentPackage(bytes);
    expect(chartParts(all)).toEqual(['xl/charts/chart1.xml', 'xl/charts/chart2.xml']);
    const bar = text(all, 'xl/charts/chart1.xml');
    const names = elements(bar);
    expect(names.slice(0, 4)).toEqual(['c:chartSpace', 'c:date1904', 'c:lang', 'c:roundedCorners']);
    expect(names).toContain('c:barChart');
    expect(names.filter((n) => n === 'c:ser')).toHaveLength(2);
    expect(names.filter((n) => n === 'c:catAx')).toHaveLength(1);
    expect(names.filter((n) => n === 'c:valAx')).toHaveLength(1);
    // Live references to the sheet's cells, with cached values for programs that do not recalculate.
    expect(bar).toContain("<c:f>'Omsorg'!$B$2:$B$3</c:f>");
    expect(bar).toContain("<c:f>'Omsorg'!$A$2:$A$3</c:f>");
    expect(bar).toContain('<c:numCache><c:formatCode>General</c:formatCode><c:ptCount val="2"/><c:pt idx="0"><c:v>100</c:v></c:pt><c:pt idx="1"><c:v>200</c:v></c:pt></c:numCache>');
    // An empty cell is a missing point, not zero.
    expect(bar).toContain('<c:ptCount val="2"/><c:pt idx="0"><c:v>150</c:v></c:pt></c:numCache>');
    expect(bar).toMatch(/<c:dPt><c:idx val="0"\/>.*<a:pattFill prst="dkUpDiag">.*<\/c:dPt>/);
    expect(bar).toContain('formatCode="#,##0 &quot;tkr&quot;"');
    expect(bar).toContain('<a:t>Budget – Omsorg</a:t>');
    const scatter = text(all, 'xl/charts/chart2.xml');
    expect(elements(scatter)).toEqual(expect.arrayContaining(['c:scatterChart', 'c:xVal', 'c:yVal']));
    expect(scatter).toContain('<a:prstDash val="dash"/>');
    expect(scatter).toContain('<c:symbol val="triangle"/>');

    const sheet = text(all, sheetParts(all).get('Omsorg')!);
    elements(sheet);
    // drawing after the page setup and breaks, as the schema orders them
    expect(sheet).toMatch(/<pageSetup[^>]*\/><rowBreaks count="1" manualBreakCount="1"><brk id="3" max="16383" man="1"\/><\/rowBreaks><drawing r:id="rId1"\/><\/worksheet>$/);
    const drawing = text(all, 'xl/drawings/drawing1.xml');
    elements(drawing);
    expect(drawing.match(/<xdr:twoCellAnchor/g)).toHaveLength(2);
    expect(drawing).toContain('<xdr:from><xdr:col>4</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>1</xdr:row>');
    expect(drawing).toContain('descr="Underskott i Hemtjänst"');
  });

  test('text from the workbook is escaped in chart XML and references', () => {
    const name = "Bo & <Vård>'s";
    const bytes = createWorkbook([reportSpec(name, 'Hem"tjänst]]> & <b>')]);
    const all = parts(bytes);
    const bar = text(all, 'xl/charts/chart1.xml');
    elements(bar);
    elements(text(all, 'xl/drawings/drawing1.xml'));
    expect(bar).toContain("<c:f>'Bo &amp; &lt;Vård&gt;''s'!$B$2:$B$3</c:f>");
    expect(bar).toContain('<c:v>Hem"tjänst]]&gt; &amp; &lt;b&gt;</c:v>');
    expect(bar).not.toContain('<b>');
    expectConsistentPackage(bytes);
  });

  test('bars have a thin dark outline, left out when the spec says the bars are too thin for it', () => {
    const spec = reportSpec('Rapport');
    const outlined = text(parts(createWorkbook([spec])), 'xl/charts/chart1.xml');
    expect(outlined.match(/<a:ln w="9525"><a:solidFill><a:srgbClr val="262626"\/>/g)).toHaveLength(3);
    const thin = { ...spec, charts: spec.charts!.map((c) => (c.kind === 'bar' ? { ...c, barOutline: false as const } : c)) };
    const bar = text(parts(createWorkbook([thin])), 'xl/charts/chart1.xml');
    elements(bar);
    expect(bar).not.toContain('262626');
    // Two series and one highlighted point, and the plot area (never outlined).
    expect(bar.match(/<a:ln><a:noFill\/><\/a:ln><\/c:spPr>/g)).toHaveLength(4);
  });

  test('the year axis: one year alone gets a year either side, a long span fewer labels', () => {
    const years = (xs: number[]) => {
      const spec = reportSpec('Rapport');
      const line = { ...spec.charts![1], series: [{ ...spec.charts![1].series[0], x: { ref: 'B5:D5', values: xs } }] };
      const xml = text(parts(createWorkbook([{ ...spec, charts: [line] }])), 'xl/charts/chart1.xml');
      const ax = /<c:valAx><c:axId val="5003"\/>.*?<\/c:valAx>/.exec(xml)![0];
      return { max: /<c:max val="([^"]+)"/.exec(ax)?.[1], min: /<c:min val="([^"]+)"/.exec(ax)?.[1], unit: /<c:majorUnit val="([^"]+)"/.exec(ax)?.[1] };
    };
    expect(years([2022, 2024, 2026])).toEqual({ min: '2022', max: '2026', unit: '1' });
    // Baseline, target and outcome all in 2024: min = max made LibreOffice draw an axis to 3984.
    expect(years([2024, 2024, 2024])).toEqual({ min: '2023', max: '2025', unit: '1' });
    // A climate goal from 1990 to 2045: not 55 labels.
    expect(years([1990, 2024, 2045])).toEqual({ min: '1990', max: '2045', unit: '10' });
    expect(years([2015, 2024, 2030])).toEqual({ min: '2015', max: '2030', unit: '2' });
  });

  test('the package reads back: the sheet and its cells are what was written', async () => {
    const snap = await readWorkbook(createWorkbook([reportSpec('Omsorg')]));
    expect(snap.sheets.map((s) => s.name)).toEqual(['Omsorg']);
    expect(snap.sheets[0].rows[1]).toEqual(['Hemtjänst', 100, 150]);
  });
});

describe('charts across re-runs', () => {
  test('check -o on its own output: exactly one Kontroll chart, and the same bytes again', async () => {
    const once = check(await budgetWorkbook());
    const all = parts(once);
    expect(chartParts(all)).toHaveLength(1);
    expect(drawingParts(all)).toHaveLength(1);
    expectConsistentPackage(once);
    const kontroll = sheetParts(all).get('Kontroll')!;
    expect(rels(all, kontroll).filter((r) => r.type.endsWith('/drawing'))).toHaveLength(1);
    const twice = check(once);
    expect(Buffer.compare(Buffer.from(twice), Buffer.from(once))).toBe(0);
    // Other findings: still one chart, with the new counts.
    const other = check(once, [finding({ severity: 'info', sheet: 'Budget', cell: 'C3', category: 'indata' })]);
    const o = parts(other);
    expect(chartParts(o)).toHaveLength(1);
    expect(drawingParts(o)).toHaveLength(1);
    expect(text(o, chartParts(o)[0])).toContain('Info');
    expectConsistentPackage(other);
  });

  test('regenerating report sheets replaces their charts, never adds to them', async () => {
    const base = await budgetWorkbook();
    const first = addSheets(base, [reportSpec('Omsorg'), reportSpec('Skola')], { replaceExisting: true });
    expect(chartParts(parts(first))).toHaveLength(4);
    const again = addSheets(first, [reportSpec('Omsorg'), reportSpec('Skola')], { replaceExisting: true });
    const all = parts(again);
    expect(chartParts(all)).toHaveLength(4);
    expect(drawingParts(all)).toHaveLength(2);
    expectConsistentPackage(again);
    // A sheet regenerated without charts leaves none behind.
    const plain = addSheets(again, [{ ...reportSpec('Omsorg'), charts: undefined }], { replaceExisting: true });
    expect(chartParts(parts(plain))).toHaveLength(2);
    expectConsistentPackage(plain);
  });
});

/** A workbook with a user's own chart on a user's sheet: a chart of ours renamed to look like Excel's. */
function withUserChart(base: Uint8Array): Uint8Array {
  const own = parts(addSheets(base, [reportSpec('Diagram')]));
  const drawing = 'xl/drawings/drawing1.xml';
  own[drawing] = strToU8(text(own, drawing).replace(/name="Styrkoll: [^"]*"/g, 'name="Diagram 1"'));
  return zipSync(own);
}

describe("the user's own charts", () => {
  test('a user chart on a user sheet keeps its parts byte for byte, through check and reports', async () => {
    const original = withUserChart(await budgetWorkbook());
    const before = unzipSync(original);
    const userParts = ['xl/drawings/drawing1.xml', 'xl/drawings/_rels/drawing1.xml.rels', 'xl/charts/chart1.xml', 'xl/charts/chart2.xml'];
    const userSheet = sheetParts(before).get('Diagram')!;
    for (const out of [check(original), check(check(original)), addSheets(original, [reportSpec('Omsorg')], { replaceExisting: true })]) {
      const after = unzipSync(out);
      for (const p of [...userParts, userSheet, `xl/worksheets/_rels/${userSheet.split('/').pop()}.rels`]) {
        expect(Buffer.compare(Buffer.from(after[p]), Buffer.from(before[p]))).toBe(0);
      }
      expectConsistentPackage(out);
    }
    // Ours went elsewhere: one more drawing and its chart(s).
    const checked = parts(check(original));
    expect(drawingParts(checked)).toHaveLength(2);
    expect(chartParts(checked)).toHaveLength(3);
  });

  test("an anchor someone added to the Kontroll sheet's drawing stays on re-runs; ours is replaced", async () => {
    const once = parts(check(await budgetWorkbook()));
    const drawing = drawingParts(once)[0];
    // Someone adds a text box of their own to the Kontroll sheet's drawing.
    const box =
      '<xdr:oneCellAnchor><xdr:from><xdr:col>0</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>30</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:from><xdr:ext cx="900000" cy="300000"/>' +
      '<xdr:sp macro="" textlink=""><xdr:nvSpPr><xdr:cNvPr id="9" name="Min anteckning"/><xdr:cNvSpPr txBox="1"/></xdr:nvSpPr><xdr:spPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="900000" cy="300000"/></a:xfrm><a:prstGeom prst="rect"><a:avLst/></a:prstGeom></xdr:spPr>' +
      '<xdr:txBody><a:bodyPr/><a:lstStyle/><a:p><a:r><a:t>Kolla med ekonomichefen</a:t></a:r></a:p></xdr:txBody></xdr:sp><xdr:clientData/></xdr:oneCellAnchor>';
    once[drawing] = strToU8(text(once, drawing).replace('</xdr:wsDr>', `${box}</xdr:wsDr>`));
    const edited = zipSync(once);
    const rerun = parts(check(edited, [finding({ severity: 'info', sheet: 'Budget', cell: 'C3', category: 'indata' })]));
    expect(drawingParts(rerun)).toEqual([drawing]);
    expect(chartParts(rerun)).toHaveLength(1);
    const d = text(rerun, drawing);
    elements(d);
    expect(d).toContain(box);
    expect(d.match(/name="Styrkoll: kontroll"/g)).toHaveLength(1);
    const ids = [...d.matchAll(/<xdr:cNvPr id="(\d+)"/g)].map((m) => m[1]);
    expect(new Set(ids).size).toBe(ids.length);
    expectConsistentPackage(zipSync(rerun));
    // Re-runs with the same findings give the same bytes: our chart's shape id does not climb each time.
    const again = parts(check(zipSync(rerun), [finding({ severity: 'info', sheet: 'Budget', cell: 'C3', category: 'indata' })]));
    const third = parts(check(zipSync(again), [finding({ severity: 'info', sheet: 'Budget', cell: 'C3', category: 'indata' })]));
    expect(text(third, drawing)).toBe(text(again, drawing));
    expect(text(again, drawing)).toBe(d);
  });

  test("a broken drawing on the Kontroll sheet is replaced, not a reason to fail", async () => {
    const once = parts(check(await budgetWorkbook()));
    const drawing = drawingParts(once)[0];
    once[drawing] = strToU8('<xdr:wsDr xmlns:xdr="http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing"><xdr:twoCellAnchor>');
    const rerun = check(zipSync(once));
    const all = parts(rerun);
    expect(drawingParts(all)).toHaveLength(1);
    elements(text(all, drawingParts(all)[0]));
    expectConsistentPackage(rerun);
  });
});
