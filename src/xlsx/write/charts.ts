/**
 * Native charts for Styrkoll's own sheets: one drawing part per sheet with one chart part per
 * chart (DrawingML), their relationships and content types. Every series refers to ranges of the
 * sheet, so the chart stays live in Excel, and carries the cells' values (numCache/strCache), so
 * LibreOffice and Excel show it without recalculating. Text from the workbook is escaped.
 *
 * Styrkoll's anchors are named "Styrkoll: …". Charts are only ever put on Styrkoll's own sheets;
 * when one of those sheets is rewritten or removed, its drawing goes with it – except anchors
 * someone else added to it, which are kept with their parts.
 */
import { isStyrkollError } from '../../common/errors';
import { CHART_NAME_PREFIX, scatterXAxis, type ChartSeries, type ChartSpec } from '../../core';
import { colLetters, parseA1, quoteSheet } from './cell-ref';
import { addRel, isRelType, readRels, relType, removeOverride, setOverride } from './rels';
import { children, escapeAttr, escapeText, parseXml } from './xml-tree';
import { dirOf, relativeTarget, relsPartOf, type ZipPackage } from './zip-package';

export const CHART_CONTENT_TYPES = {
  chart: 'application/vnd.openxmlformats-officedocument.drawingml.chart+xml',
  drawing: 'application/vnd.openxmlformats-officedocument.drawing+xml',
} as const;

const C_NS = 'http://schemas.openxmlformats.org/drawingml/2006/chart';
const A_NS = 'http://schemas.openxmlformats.org/drawingml/2006/main';
const XDR_NS = 'http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing';
const R_NS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const XML_DECL = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';

/** "D12:D19" → "'Sheet'!$D$12:$D$19". */
export function absoluteRef(sheet: string, range: string): string {
  const parts = range.split(':').map((p) => {
    const { row, col } = parseA1(p);
    return `$${colLetters(col)}$${row}`;
  });
  return `${quoteSheet(sheet)}!${parts.join(':')}`;
}

function num(v: number): string {
  return Number.isFinite(v) ? String(v) : '0';
}

function strCache(values: string[]): string {
  return `<c:strCache><c:ptCount val="${values.length}"/>${values.map((v, i) => `<c:pt idx="${i}"><c:v>${escapeText(v)}</c:v></c:pt>`).join('')}</c:strCache>`;
}

function numCache(values: (number | null)[], format = 'General'): string {
  const pts = values.flatMap((v, i) => (v === null || !Number.isFinite(v) ? [] : [`<c:pt idx="${i}"><c:v>${num(v)}</c:v></c:pt>`]));
  return `<c:numCache><c:formatCode>${escapeText(format)}</c:formatCode><c:ptCount val="${values.length}"/>${pts.join('')}</c:numCache>`;
}

function richText(text: string, size: number, bold: boolean): string {
  return (
    `<c:tx><c:rich><a:bodyPr/><a:lstStyle/><a:p><a:pPr><a:defRPr sz="${size}" b="${bold ? 1 : 0}"/></a:pPr>` +
    `<a:r><a:rPr lang="sv-SE" sz="${size}" b="${bold ? 1 : 0}"/><a:t>${escapeText(text)}</a:t></a:r></a:p></c:rich></c:tx>`
  );
}

function titleXml(text: string | undefined, size: number, bold = true): string {
  return text ? `<c:title>${richText(text, size, bold)}<c:overlay val="0"/></c:title>` : '';
}

function fillXml(color: string, pattern?: string): string {
  return pattern
    ? `<a:pattFill prst="${pattern}"><a:fgClr><a:srgbClr val="${color}"/></a:fgClr><a:bgClr><a:srgbClr val="FFFFFF"/></a:bgClr></a:pattFill>`
    : `<a:solidFill><a:srgbClr val="${color}"/></a:solidFill>`;
}

/** Bars: the fill, with a thin dark outline so hatched and light bars keep their edges in grey print. */
function barSpPr(color: string, pattern?: string, outline = true): string {
  const ln = outline ? '<a:ln w="9525"><a:solidFill><a:srgbClr val="262626"/></a:solidFill></a:ln>' : '<a:ln><a:noFill/></a:ln>';
  return `<c:spPr>${fillXml(color, pattern)}${ln}</c:spPr>`;
}

function lineSpPr(s: ChartSeries): string {
  const w = Math.round((s.lineWidth ?? 2) * 12700);
  return `<c:spPr><a:ln w="${w}" cap="rnd"><a:solidFill><a:srgbClr val="${s.color}"/></a:solidFill><a:prstDash val="${s.dash ?? 'solid'}"/><a:round/></a:ln></c:spPr>`;
}

function markerXml(s: ChartSeries): string {
  const symbol = s.marker ?? 'none';
  if (symbol === 'none') return '<c:marker><c:symbol val="none"/></c:marker>';
  return `<c:marker><c:symbol val="${symbol}"/><c:size val="8"/><c:spPr>${fillXml(s.color)}<a:ln w="9525"><a:solidFill><a:srgbClr val="${s.color}"/></a:solidFill></a:ln></c:spPr></c:marker>`;
}

function seriesName(sheet: string, s: ChartSeries): string {
  return s.nameRef
    ? `<c:tx><c:strRef><c:f>${escapeText(absoluteRef(sheet, s.nameRef))}</c:f>${strCache([s.name])}</c:strRef></c:tx>`
    : `<c:tx><c:v>${escapeText(s.name)}</c:v></c:tx>`;
}

function barSeries(sheet: string, s: ChartSeries, i: number, outline: boolean): string {
  const dPts = (s.highlight?.points ?? [])
    .map((p) => `<c:dPt><c:idx val="${p}"/><c:invertIfNegative val="0"/><c:bubble3D val="0"/>${barSpPr(s.highlight!.color, s.highlight!.pattern, outline)}</c:dPt>`)
    .join('');
  const cat = s.categories ? `<c:cat><c:strRef><c:f>${escapeText(absoluteRef(sheet, s.categories.ref))}</c:f>${strCache(s.categories.values)}</c:strRef></c:cat>` : '';
  return (
    `<c:ser><c:idx val="${i}"/><c:order val="${i}"/>${seriesName(sheet, s)}${barSpPr(s.color, s.pattern, outline)}<c:invertIfNegative val="0"/>${dPts}` +
    cat +
    `<c:val><c:numRef><c:f>${escapeText(absoluteRef(sheet, s.values.ref))}</c:f>${numCache(s.values.values)}</c:numRef></c:val></c:ser>`
  );
}

function scatterSeries(sheet: string, s: ChartSeries, i: number): string {
  const x = s.x ? `<c:xVal><c:numRef><c:f>${escapeText(absoluteRef(sheet, s.x.ref))}</c:f>${numCache(s.x.values)}</c:numRef></c:xVal>` : '';
  return (
    `<c:ser><c:idx val="${i}"/><c:order val="${i}"/>${seriesName(sheet, s)}${lineSpPr(s)}${markerXml(s)}` +
    x +
    `<c:yVal><c:numRef><c:f>${escapeText(absoluteRef(sheet, s.values.ref))}</c:f>${numCache(s.values.values)}</c:numRef></c:yVal><c:smooth val="0"/></c:ser>`
  );
}

const AXIS_LINE = '<c:spPr><a:ln w="9525"><a:solidFill><a:srgbClr val="595959"/></a:solidFill></a:ln></c:spPr>';
const GRID = '<c:majorGridlines><c:spPr><a:ln w="6350"><a:solidFill><a:srgbClr val="D9D9D9"/></a:solidFill></a:ln></c:spPr></c:majorGridlines>';
const TICK_TEXT = '<c:txPr><a:bodyPr/><a:lstStyle/><a:p><a:pPr><a:defRPr sz="900"/></a:pPr><a:endParaRPr lang="sv-SE"/></a:p></c:txPr>';

function valAx(o: { id: number; cross: number; pos: 'l' | 'b'; title?: string; format?: string; grid: boolean; crosses?: 'autoZero' | 'max' | 'min'; min?: number; max?: number; majorUnit?: number }): string {
  const scaling = `<c:scaling><c:orientation val="minMax"/>${o.max !== undefined ? `<c:max val="${o.max}"/>` : ''}${o.min !== undefined ? `<c:min val="${o.min}"/>` : ''}</c:scaling>`;
  return (
    `<c:valAx><c:axId val="${o.id}"/>${scaling}<c:delete val="0"/><c:axPos val="${o.pos}"/>${o.grid ? GRID : ''}${titleXml(o.title, 900, false)}` +
    `<c:numFmt formatCode="${escapeAttr(o.format ?? 'General')}" sourceLinked="0"/><c:majorTickMark val="out"/><c:minorTickMark val="none"/><c:tickLblPos val="nextTo"/>${AXIS_LINE}${TICK_TEXT}` +
    `<c:crossAx val="${o.cross}"/><c:crosses val="${o.crosses ?? 'autoZero'}"/><c:crossBetween val="${o.pos === 'b' && o.majorUnit ? 'midCat' : 'between'}"/>${o.majorUnit ? `<c:majorUnit val="${o.majorUnit}"/>` : ''}</c:valAx>`
  );
}

/** The chart part for a spec on `sheet` (the sheet's name as it is in the workbook). */
export function chartXml(spec: ChartSpec, sheet: string): string {
  let plot: string;
  if (spec.kind === 'bar') {
    const horizontal = (spec.barDirection ?? 'bar') === 'bar';
    const stacked = spec.grouping === 'stacked';
    plot =
      `<c:barChart><c:barDir val="${horizontal ? 'bar' : 'col'}"/><c:grouping val="${stacked ? 'stacked' : 'clustered'}"/><c:varyColors val="0"/>` +
      spec.series.map((s, i) => barSeries(sheet, s, i, spec.barOutline !== false)).join('') +
      `<c:gapWidth val="${stacked ? 50 : 60}"/>${stacked ? '<c:overlap val="100"/>' : ''}<c:axId val="5001"/><c:axId val="5002"/></c:barChart>` +
      // Horizontal bars read top-down in the table's order; the value axis stays at the bottom.
      `<c:catAx><c:axId val="5001"/><c:scaling><c:orientation val="${horizontal ? 'maxMin' : 'minMax'}"/></c:scaling><c:delete val="0"/><c:axPos val="${horizontal ? 'l' : 'b'}"/>` +
      `${titleXml(spec.categoryAxisTitle, 900, false)}<c:numFmt formatCode="General" sourceLinked="0"/><c:majorTickMark val="none"/><c:minorTickMark val="none"/><c:tickLblPos val="nextTo"/>${AXIS_LINE}${TICK_TEXT}` +
      `<c:crossAx val="5002"/><c:crosses val="autoZero"/><c:auto val="1"/><c:lblAlgn val="ctr"/><c:lblOffset val="100"/><c:noMultiLvlLbl val="0"/></c:catAx>` +
      valAx({ id: 5002, cross: 5001, pos: horizontal ? 'b' : 'l', title: spec.valueAxisTitle, format: spec.valueFormat, grid: true, crosses: horizontal ? 'max' : 'autoZero' });
  } else {
    const x = scatterXAxis(spec);
    plot =
      '<c:scatterChart><c:scatterStyle val="lineMarker"/><c:varyColors val="0"/>' +
      spec.series.map((s, i) => scatterSeries(sheet, s, i)).join('') +
      '<c:axId val="5003"/><c:axId val="5004"/></c:scatterChart>' +
      valAx({ id: 5003, cross: 5004, pos: 'b', title: spec.categoryAxisTitle, format: spec.xFormat, grid: false, min: x?.min, max: x?.max, majorUnit: x?.majorUnit ?? 1 }) +
      valAx({ id: 5004, cross: 5003, pos: 'l', title: spec.valueAxisTitle, format: spec.valueFormat, grid: true });
  }
  return (
    `${XML_DECL}<c:chartSpace xmlns:c="${C_NS}" xmlns:a="${A_NS}" xmlns:r="${R_NS}">` +
    '<c:date1904 val="0"/><c:lang val="sv-SE"/><c:roundedCorners val="0"/>' +
    `<c:chart>${titleXml(spec.title, 1200)}<c:autoTitleDeleted val="0"/><c:plotArea><c:layout/>${plot}` +
    '<c:spPr><a:noFill/><a:ln><a:noFill/></a:ln></c:spPr></c:plotArea>' +
    '<c:legend><c:legendPos val="b"/><c:overlay val="0"/><c:txPr><a:bodyPr/><a:lstStyle/><a:p><a:pPr><a:defRPr sz="900"/></a:pPr><a:endParaRPr lang="sv-SE"/></a:p></c:txPr></c:legend>' +
    `<c:plotVisOnly val="1"/><c:dispBlanksAs val="${spec.kind === 'scatter' ? 'span' : 'gap'}"/></c:chart>` +
    '<c:spPr><a:solidFill><a:srgbClr val="FFFFFF"/></a:solidFill><a:ln w="9525"><a:solidFill><a:srgbClr val="BFBFBF"/></a:solidFill></a:ln></c:spPr>' +
    '<c:txPr><a:bodyPr/><a:lstStyle/><a:p><a:pPr><a:defRPr sz="900"><a:latin typeface="Calibri"/></a:defRPr></a:pPr><a:endParaRPr lang="sv-SE"/></a:p></c:txPr>' +
    '<c:printSettings><c:headerFooter/><c:pageMargins b="0.75" l="0.7" r="0.7" t="0.75" header="0.3" footer="0.3"/><c:pageSetup/></c:printSettings>' +
    '</c:chartSpace>'
  );
}

function anchorXml(spec: ChartSpec, shapeId: number, rId: string): string {
  const { from, to } = spec.anchor;
  const pos = (p: { col: number; row: number }) =>
    `<xdr:col>${p.col - 1}</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>${p.row - 1}</xdr:row><xdr:rowOff>0</xdr:rowOff>`;
  return (
    `<xdr:twoCellAnchor editAs="oneCell"><xdr:from>${pos(from)}</xdr:from><xdr:to>${pos(to)}</xdr:to>` +
    `<xdr:graphicFrame macro=""><xdr:nvGraphicFramePr><xdr:cNvPr id="${shapeId}" name="${escapeAttr(CHART_NAME_PREFIX + spec.id)}" title="${escapeAttr(spec.title)}" descr="${escapeAttr(spec.description)}"/>` +
    '<xdr:cNvGraphicFramePr><a:graphicFrameLocks noGrp="1"/></xdr:cNvGraphicFramePr></xdr:nvGraphicFramePr>' +
    '<xdr:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/></xdr:xfrm>' +
    `<a:graphic><a:graphicData uri="${C_NS}"><c:chart xmlns:c="${C_NS}" xmlns:r="${R_NS}" r:id="${rId}"/></a:graphicData></a:graphic>` +
    '</xdr:graphicFrame><xdr:clientData/></xdr:twoCellAnchor>'
  );
}

/**
 * Writes the drawing and chart parts for `charts` on the sheet part `sheetPart` (sheet named
 * `sheet`) and adds the sheet's relationship to the drawing. Returns the relationship id for the
 * sheet's `<drawing r:id>`. `kept` is an earlier drawing of the sheet whose other anchors stay.
 */
export function writeCharts(pkg: ZipPackage, workbookPart: string, sheetPart: string, sheet: string, charts: ChartSpec[], kept?: KeptDrawing): string {
  const dir = dirOf(workbookPart);
  const drawing = kept?.part ?? pkg.uniqueName(`${dir}drawings/drawing`, '.xml');
  let nextShape = (kept?.maxShapeId ?? 1) + 1;
  const anchors: string[] = [];
  for (const spec of charts) {
    const chartPart = pkg.uniqueName(`${dir}charts/chart`, '.xml');
    pkg.setText(chartPart, chartXml(spec, sheet));
    setOverride(pkg, chartPart, CHART_CONTENT_TYPES.chart);
    const rId = addRel(pkg, drawing, relType('chart', false), relativeTarget(drawing, chartPart));
    anchors.push(anchorXml(spec, nextShape++, rId));
  }
  const body = (kept?.otherAnchors ?? []).join('') + anchors.join('');
  pkg.setText(drawing, `${XML_DECL}<xdr:wsDr xmlns:xdr="${XDR_NS}" xmlns:a="${A_NS}"${kept?.rootNamespaces ?? ''}>${body}</xdr:wsDr>`);
  setOverride(pkg, drawing, CHART_CONTENT_TYPES.drawing);
  return addRel(pkg, sheetPart, relType('drawing', false), relativeTarget(sheetPart, drawing));
}

export interface KeptDrawing {
  part: string;
  /** Anchors of someone else's, as written. */
  otherAnchors: string[];
  /** Namespace declarations of the old root other than xdr and a, as written (their anchors may use them). */
  rootNamespaces: string;
  maxShapeId: number;
}

/**
 * Takes Styrkoll's charts off one of Styrkoll's own sheets before it is rewritten or removed: the
 * chart parts of Styrkoll's anchors go; a drawing holding nothing else goes too. With `keep`, a
 * drawing that also holds someone else's anchors is returned (rewritten later with them); without
 * it, the whole drawing and its charts go with the sheet.
 */
export function takeCharts(pkg: ZipPackage, sheetPart: string, keep: boolean): KeptDrawing | undefined {
  let kept: KeptDrawing | undefined;
  for (const rel of readRels(pkg, sheetPart).filter((r) => isRelType(r.type, 'drawing') && r.part && pkg.has(r.part))) {
    const part = rel.part!;
    const text = pkg.text(part)!;
    const rels = parsed(() => readRels(pkg, part)) ?? [];
    const root = parsed(() => parseXml(text, part));
    if (!root) {
      // A drawing on Styrkoll's own sheet that no longer parses goes, with its charts.
      for (const r of rels) if (r.part && isRelType(r.type, 'chart')) removeChartPart(pkg, r.part);
      dropPart(pkg, part);
      continue;
    }
    const anchors = root.children.filter((c) => /Anchor$/.test(c.local));
    const ours = (a: (typeof anchors)[number]) => text.slice(a.start, a.end).includes(`name="${escapeAttr(CHART_NAME_PREFIX)}`);
    const others = anchors.filter((a) => !ours(a));
    const usedByOthers = new Set<string>();
    for (const a of others) for (const m of text.slice(a.start, a.end).matchAll(/:(?:id|embed|link)="([^"]+)"/g)) usedByOthers.add(m[1]);
    const removable = rels.filter((r) => !usedByOthers.has(r.id) && isRelType(r.type, 'chart') && r.part);
    if (keep && others.length && !kept) {
      for (const r of removable) removeChartPart(pkg, r.part!);
      const remaining = rels.filter((r) => !removable.includes(r));
      rewriteRels(pkg, part, remaining.map((r) => r.id));
      const ns = Object.entries(root.attrs)
        .filter(([k, v]) => (k === 'xmlns' || k.startsWith('xmlns:')) && !((k === 'xmlns:xdr' && v === XDR_NS) || (k === 'xmlns:a' && v === A_NS)))
        .map(([k, v]) => ` ${k}="${escapeAttr(v)}"`)
        .join('');
      // Only the kept anchors' ids: counting ours (about to go) would give our chart a new id on every re-run.
      const otherAnchors = others.map((a) => text.slice(a.start, a.end));
      const ids = otherAnchors.flatMap((a) => [...a.matchAll(/<(?:\w+:)?cNvPr\b[^>]*\bid="(\d+)"/g)].map((m) => Number(m[1])));
      kept = { part, otherAnchors, rootNamespaces: ns, maxShapeId: Math.max(1, ...ids) };
      continue;
    }
    // The drawing goes with the sheet: its charts too (images may be shared, so they stay).
    for (const r of rels) if (r.part && isRelType(r.type, 'chart')) removeChartPart(pkg, r.part);
    dropPart(pkg, part);
  }
  return kept;
}

/** The value, or undefined when the XML behind it does not parse (a StyrkollError). */
function parsed<T>(read: () => T): T | undefined {
  try {
    return read();
  } catch (e) {
    if (isStyrkollError(e)) return undefined;
    throw e;
  }
}

/** Parts taken out during this write, per package: their content-type overrides go at the end unless written again. */
const taken = new WeakMap<ZipPackage, Set<string>>();

function dropPart(pkg: ZipPackage, part: string): void {
  pkg.remove(part);
  pkg.remove(relsPartOf(part));
  if (!taken.has(pkg)) taken.set(pkg, new Set());
  taken.get(pkg)!.add(part);
}

function removeChartPart(pkg: ZipPackage, part: string): void {
  // A chart's own style and colour parts belong to it alone.
  for (const r of parsed(() => readRels(pkg, part)) ?? []) {
    if (r.part && (isRelType(r.type, 'chartStyle') || isRelType(r.type, 'chartColorStyle'))) dropPart(pkg, r.part);
  }
  dropPart(pkg, part);
}

/**
 * Drops the content-type overrides of chart and drawing parts no longer in the package. Run once
 * at the end of a write: the overrides of parts written again under the same name stay where they
 * were, so a re-run gives the same bytes.
 */
export function pruneChartOverrides(pkg: ZipPackage): void {
  const names = taken.get(pkg);
  if (!names) return;
  taken.delete(pkg);
  for (const name of names) if (!pkg.has(name)) removeOverride(pkg, name);
}

/** Keeps only the relationships with these ids in a part's rels (the part deleted when none is left). */
function rewriteRels(pkg: ZipPackage, source: string, ids: string[]): void {
  const name = relsPartOf(source);
  const text = pkg.text(name);
  if (!text) return;
  const root = parseXml(text, name);
  const keep = children(root, 'Relationship').filter((n) => ids.includes(n.attrs.Id ?? ''));
  if (!keep.length) {
    pkg.remove(name);
    return;
  }
  const head = text.slice(0, root.openEnd);
  pkg.setText(name, `${head}${keep.map((n) => text.slice(n.start, n.end)).join('')}</${root.name}>`);
}
