/**
 * A model of the Excel host behind the real Office.js client (see load-client.ts). It answers the
 * client's Rich API request messages as Excel does, as far as src/office uses them:
 * - object paths (global workbook, properties, methods, indexers) resolved at sync time, so a
 *   missing sheet is ItemNotFound when the batch runs, not when the call is queued;
 * - actions applied in order at sync time; on an error the batch stops there and the actions
 *   before it stay applied (Excel does not roll a batch back), and the response is the error;
 * - a query returns exactly the properties selected, so the client's own PropertyNotLoaded
 *   checks apply;
 * - ItemAlreadyExists for a sheet name in use, InvalidArgument for a 2D array whose shape is not
 *   the range's, ItemNotFound for a missing sheet or table;
 * - Excel on the web: a request or response over 5 MB (measured as the JSON the client sends and
 *   would get back) is refused with RequestPayloadSizeLimitExceeded / ResponsePayloadSizeLimitExceeded;
 * - a range of more than 5 000 000 cells loads its values as null;
 * - charts (ChartCollection.add, names, titles, legend, axes, series and their ranges, fills, lines,
 *   markers, points, setPosition): each member only from its ExcelApi requirement set on, as
 *   @types/office-js gives it – a host set to an older `excelApi` answers ApiNotFound, as Excel
 *   does for an API it does not have; InvalidArgument for an unknown chart type, a source that is
 *   not a range, series values or x values that are not one row or one column, a point past the
 *   series' end; AccessDenied for a chart added to a protected sheet. A chart's source range gives one series per column (or row); the model takes every
 *   cell as data (no header guessing: Styrkoll passes value ranges only).
 * Everything the model does not know is an error naming what is missing, so a test never passes
 * against a part of the API the model only pretends to have.
 */
import { columnLetters, parseCell } from '../../../src/office/a1';
import { loadOfficeClient, type RequestExecutor, type RequestMessage, type ResponseMessage } from './load-client';

export type HostValue = string | number | boolean;

export interface HostSheetInit {
  name: string;
  /** rows[r][c], 0-based; null/undefined/"" is an empty cell. */
  rows?: (HostValue | null | undefined)[][];
  /** Error cells, 1-based as in a snapshot. */
  errors?: { row: number; col: number; code: string }[];
  tables?: { name: string; ref: string }[];
  /** Worksheet.visibility as Excel reports it; Visible when absent. */
  visibility?: 'Visible' | 'Hidden' | 'VeryHidden';
  /** Charts already on the sheet (the user's own): one series per column of `source` ("B2:C5"). */
  charts?: { name: string; type: string; source: string }[];
}

/** Excel on the web refuses a request or response over 5 MB; the smaller reading of "MB". */
export const PAYLOAD_LIMIT_BYTES = 5_000_000;
/** A range of more than this many cells loads values (and the like) as null. */
export const MAX_READ_CELLS = 5_000_000;

interface HostCell {
  value: HostValue;
  type: 'String' | 'Double' | 'Boolean' | 'Error';
  formula?: string;
}

class HostError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly status = 400,
  ) {
    super(message);
  }
}

let nextId = 1;

class Sheet {
  readonly id = `{00000000-0001-0000-0000-${String(nextId++).padStart(12, '0')}}`;
  /** row → col → cell, 0-based. */
  cells = new Map<number, Map<number, HostCell>>();
  tables: Table[] = [];
  /** Cell fills "r,c" → "#RRGGBB" (no entry: no fill, which Excel reports as white). */
  fills = new Map<string, string>();
  numberFormats = new Map<string, string>();
  hyperlinks = new Map<string, unknown>();
  /** Formatting the model accepts without modelling it: [target, property, value]. */
  formatting: [string, string, unknown][] = [];
  tabColor = '';
  visibility: 'Visible' | 'Hidden' | 'VeryHidden' = 'Visible';
  charts: HostChart[] = [];
  constructor(public name: string) {}

  /** Protected by the last Protect or Unprotect it got. */
  isProtected(): boolean {
    const last = this.formatting.filter(([, what]) => what === 'Worksheet.Protection.Protect' || what === 'Worksheet.Protection.Unprotect').pop();
    return last?.[1] === 'Worksheet.Protection.Protect';
  }

  get(r: number, c: number): HostCell | undefined {
    return this.cells.get(r)?.get(c);
  }
  set(r: number, c: number, cell: HostCell | undefined): void {
    let row = this.cells.get(r);
    if (!cell) {
      row?.delete(c);
      if (row && row.size === 0) this.cells.delete(r);
      return;
    }
    if (!row) this.cells.set(r, (row = new Map()));
    row.set(c, cell);
  }
  /** The used range (values only), or null for an empty sheet. */
  used(): { r: number; c: number; rows: number; cols: number } | null {
    let top = Infinity;
    let bottom = -1;
    let left = Infinity;
    let right = -1;
    for (const [r, row] of this.cells) {
      top = Math.min(top, r);
      bottom = Math.max(bottom, r);
      for (const c of row.keys()) {
        left = Math.min(left, c);
        right = Math.max(right, c);
      }
    }
    return bottom < 0 ? null : { r: top, c: left, rows: bottom - top + 1, cols: right - left + 1 };
  }
}

class Table {
  readonly id = String(nextId++);
  constructor(
    public name: string,
    readonly sheet: Sheet,
    readonly ref: string,
  ) {}
}

type RangeObject = { kind: 'range'; sheet: Sheet; r: number; c: number; rows: number; cols: number };

/** A chart series. Its ranges follow their sheet, as Excel's references do when a sheet is renamed. */
export class HostChartSeries {
  valuesRange: RangeObject | null = null;
  xRange: RangeObject | null = null;
  /** Formatting set on the series, by path: "Format.Fill.SolidColor", "Format.Line.LineStyle", "MarkerStyle" … */
  props: Record<string, unknown> = {};
  /** Formatting set on single points, by index. */
  points = new Map<number, Record<string, unknown>>();
  constructor(public name: string) {}
  /** Qualified A1 addresses ("Kontroll!B4:B8"), null when none was given. */
  get values(): string | null {
    return this.valuesRange && rangeAddress(this.valuesRange);
  }
  get xValues(): string | null {
    return this.xRange && rangeAddress(this.xRange);
  }
  /** Cells in `values` (the series' points). */
  get pointCount(): number {
    return this.valuesRange ? this.valuesRange.rows * this.valuesRange.cols : 0;
  }
}

export class HostChart {
  readonly id = `{00000000-0002-0000-0000-${String(nextId++).padStart(12, '0')}}`;
  series: HostChartSeries[] = [];
  /** Properties set on the chart and its parts, by path: "Title.Text", "Axes.ValueAxis.NumberFormat" … */
  props: Record<string, unknown> = {};
  /** setPosition's cells, as given. */
  position: [string, string | null] | null = null;
  constructor(
    public name: string,
    public type: string,
    readonly sourceRange: RangeObject,
  ) {}
  get source(): string {
    return rangeAddress(this.sourceRange);
  }
  /** Everything about the chart as plain data (to compare before and after). */
  describe(): unknown {
    const series = this.series.map((x) => ({ name: x.name, values: x.values, xValues: x.xValues, props: x.props, points: [...x.points] }));
    return { name: this.name, type: this.type, source: this.source, position: this.position, props: this.props, series };
  }
}

/** The chart types Styrkoll may ask for, and a few more; anything else is InvalidArgument. */
const CHART_TYPES = new Set(['BarClustered', 'BarStacked', 'BarStacked100', 'ColumnClustered', 'ColumnStacked', 'ColumnStacked100', 'Line', 'LineMarkers', 'XYScatter', 'XYScatterLines', 'XYScatterLinesNoMarkers', 'Pie']);

interface ChartPartApi {
  /** Writable properties and their ExcelApi version. */
  props?: Record<string, string>;
  /** Methods returning nothing. */
  methods?: Record<string, string>;
  /** Navigation properties: child type and version. */
  children?: Record<string, [string, string]>;
  /** Methods returning an object. */
  objectMethods?: Record<string, string>;
}

/** The chart API the model answers, with requirement sets as @types/office-js gives them. */
const CHART_API: Record<string, ChartPartApi> = {
  ChartCollection: { objectMethods: { Add: '1.1', GetItem: '1.1', GetItemAt: '1.1', GetItemOrNullObject: '1.4' } },
  Chart: {
    props: { Name: '1.1', Top: '1.1', Left: '1.1', Height: '1.1', Width: '1.1' },
    methods: { SetPosition: '1.1', Delete: '1.1' },
    children: { Title: ['ChartTitle', '1.1'], Legend: ['ChartLegend', '1.1'], Axes: ['ChartAxes', '1.1'], Series: ['ChartSeriesCollection', '1.1'] },
  },
  ChartTitle: { props: { Text: '1.1', Visible: '1.1', Overlay: '1.1' } },
  ChartLegend: { props: { Position: '1.1', Visible: '1.1' } },
  ChartAxes: { children: { ValueAxis: ['ChartAxis', '1.1'], CategoryAxis: ['ChartAxis', '1.1'] } },
  ChartAxis: {
    props: { Minimum: '1.1', Maximum: '1.1', MajorUnit: '1.1', ReversePlotOrder: '1.7', NumberFormat: '1.8', Position: '1.8', LinkNumberFormat: '1.9' },
    children: { Title: ['ChartAxisTitle', '1.1'] },
  },
  ChartAxisTitle: { props: { Text: '1.1', Visible: '1.1' } },
  ChartSeriesCollection: { objectMethods: { GetItemAt: '1.1', Add: '1.7' } },
  ChartSeries: {
    props: { Name: '1.1', MarkerStyle: '1.7', MarkerSize: '1.7', MarkerBackgroundColor: '1.7', MarkerForegroundColor: '1.7', GapWidth: '1.7', Overlap: '1.8' },
    methods: { SetValues: '1.7', SetXAxisValues: '1.7', Delete: '1.7' },
    children: { Format: ['ChartSeriesFormat', '1.1'], Points: ['ChartPointsCollection', '1.1'] },
  },
  ChartSeriesFormat: { children: { Fill: ['ChartFill', '1.1'], Line: ['ChartLineFormat', '1.1'] } },
  ChartFill: { methods: { SetSolidColor: '1.1', Clear: '1.1' } },
  ChartLineFormat: { props: { Color: '1.1', LineStyle: '1.7', Weight: '1.7' } },
  ChartPointsCollection: { objectMethods: { GetItemAt: '1.1' } },
  ChartPoint: { children: { Format: ['ChartPointFormat', '1.1'] } },
  ChartPointFormat: { children: { Fill: ['ChartFill', '1.1'], Border: ['ChartBorder', '1.7'] } },
  ChartBorder: { props: { Color: '1.7', LineStyle: '1.7', Weight: '1.7' } },
};
const LINE_STYLES = new Set(['None', 'Continuous', 'Dash', 'DashDot', 'DashDotDot', 'Dot', 'Grey25', 'Grey50', 'Grey75', 'Automatic', 'RoundDot']);
const MARKER_STYLES = new Set(['Invalid', 'Automatic', 'None', 'Square', 'Diamond', 'Triangle', 'X', 'Star', 'Dot', 'Dash', 'Circle', 'Plus', 'Picture']);

/** "1.8" → 8 (ExcelApi versions are 1.x). */
const minor = (version: string) => Number(version.split('.')[1]);

/** The objects the host hands out for object paths. */
type HostObject =
  | { kind: 'workbook' }
  | { kind: 'application' }
  | { kind: 'worksheets' }
  | { kind: 'worksheet'; sheet: Sheet }
  /** A sheet's tables, or (sheet null) the workbook's: the client reaches a table item through workbook.tables by its id. */
  | { kind: 'tables'; sheet: Sheet | null }
  | { kind: 'table'; table: Table }
  | RangeObject
  | { kind: 'settings' }
  | { kind: 'setting'; key: string }
  /** Formatting parts (format, font, borders, page layout …): `path` names it, `owner` is its range or sheet. */
  | { kind: 'part'; path: string; owner: RangeObject | { kind: 'worksheet'; sheet: Sheet } }
  | { kind: 'charts'; sheet: Sheet }
  /** A chart or one of its parts: `type` is its Office.js class, `store` and `prefix` where its properties go. */
  | { kind: 'chartPart'; type: string; chart: HostChart; series: HostChartSeries | null; store: Record<string, unknown>; prefix: string }
  | { kind: 'null' };

/** Writable properties of the formatting parts, modelled only as accepted. */
const PART_PROPERTIES: Record<string, string[]> = {
  'Range.Format': ['WrapText', 'HorizontalAlignment', 'VerticalAlignment', 'ColumnWidth', 'RowHeight'],
  'Range.Format.Font': ['Bold', 'Italic', 'Size', 'Color', 'Underline', 'Name'],
  'Range.Format.Protection': ['Locked'],
  'Range.Format.Borders[]': ['Style', 'Weight', 'Color'],
  'Range.DataValidation': ['Rule'],
  'Worksheet.PageLayout': ['PaperSize', 'Orientation', 'Zoom'],
};
/** Methods of the formatting parts, modelled only as accepted. */
const PART_METHODS: Record<string, string[]> = {
  'Worksheet.FreezePanes': ['FreezeRows', 'FreezeColumns', 'FreezeAt', 'Unfreeze'],
  'Worksheet.PageLayout': ['SetPrintTitleRows'],
  'Worksheet.Protection': ['Protect', 'Unprotect'],
};
const PART_CHILDREN: Record<string, string[]> = {
  Range: ['Format', 'DataValidation'],
  'Range.Format': ['Font', 'Fill', 'Protection', 'Borders'],
  Worksheet: ['FreezePanes', 'PageLayout', 'Protection'],
};
const INVALID_SHEET_NAME = /[\\/?*[\]:]/;

const quoteSheet = (name: string) => (/^[A-Za-z_][A-Za-z0-9_.]*$/.test(name) ? name : `'${name.replace(/'/g, "''")}'`);
const a1 = (r: number, c: number) => `${columnLetters(c + 1)}${r + 1}`;

function parseArea(address: string): { r: number; c: number; rows: number; cols: number } {
  const [a, b] = address.replace(/^.*!/, '').replace(/\$/g, '').split(':');
  const p = parseCell(a);
  const q = parseCell(b ?? a);
  if (!p || !q) throw new HostError('InvalidArgument', `The argument is invalid or missing or has an incorrect format (address ${address}).`);
  return { r: Math.min(p.row, q.row) - 1, c: Math.min(p.col, q.col) - 1, rows: Math.abs(q.row - p.row) + 1, cols: Math.abs(q.col - p.col) + 1 };
}

const pascal = (name: string) => name.charAt(0).toUpperCase() + name.slice(1);

export interface SyncRecord {
  requestBytes: number;
  responseBytes: number;
  actions: number;
  /** _RemoveReference actions: tracked objects released (Excel.run's clean-up, or untrack/remove). */
  releases: number;
  error: string | null;
}

export class ExcelHost implements RequestExecutor {
  sheets: Sheet[] = [];
  /** Every sync the client sent, in order: bytes as the client serialised them. */
  syncs: SyncRecord[] = [];
  /** Set to make the next request fail with this error code before any action runs. */
  failNextSync: string | null = null;
  /** Set to fail the request whose number (1-based, counting every request) this is, before any action runs. */
  failAtSync: { sync: number; code: string } | null = null;
  settings = new Map<string, unknown>();
  activeSheet: string | null = null;
  calculationSuspensions = 0;
  screenSuspensions = 0;
  /** The newest ExcelApi requirement set the host has ("1.7"); null: every set the model knows. */
  excelApi: string | null = null;

  constructor(
    init: HostSheetInit[],
    readonly platform: 'web' | 'desktop' = 'web',
    /** Ranges above this many cells load values as null (Excel: MAX_READ_CELLS); lower it to test that answer. */
    readonly maxReadCells = MAX_READ_CELLS,
  ) {
    for (const s of init) {
      const sheet = new Sheet(s.name);
      (s.rows ?? []).forEach((row, r) => row.forEach((v, c) => sheet.set(r, c, toCell(v))));
      for (const e of s.errors ?? []) sheet.set(e.row - 1, e.col - 1, { value: e.code, type: 'Error' });
      sheet.tables = (s.tables ?? []).map((t) => new Table(t.name, sheet, t.ref));
      if (s.visibility) sheet.visibility = s.visibility;
      for (const c of s.charts ?? []) sheet.charts.push(this.newChart(sheet, c.type, { kind: 'range', sheet, ...parseArea(c.source) }, 'Columns', c.name));
      this.sheets.push(sheet);
    }
  }

  /** A bare request context of the real client talking to this host. */
  context(): Excel.RequestContext {
    return loadOfficeClient().newContext(this);
  }

  /** Excel.run of the real client against this host, as the add-in runs its batches. */
  run<T>(batch: (context: Excel.RequestContext) => Promise<T>): Promise<T> {
    return loadOfficeClient().run(this, batch);
  }

  /** Objects handed out with a _ReferenceId (ranges and their parts), which later requests name. */
  private references = new Map<string, HostObject>();
  private nextReference = 1;

  private tablesOf(sheet: Sheet | null): Table[] {
    return sheet ? sheet.tables : this.sheets.flatMap((s) => s.tables);
  }

  /** Objects Excel still keeps for the add-in (handed out with a reference id, not yet released). */
  heldReferences(): number {
    return this.references.size;
  }

  sheetNames(): string[] {
    return this.sheets.map((s) => s.name);
  }

  sheet(name: string): Sheet {
    const s = this.findSheet(name);
    if (!s) throw new Error(`no sheet ${name}`);
    return s;
  }

  /** Cell values as rows (0-based), empty cells as "". */
  values(name: string): HostValue[][] {
    const s = this.sheet(name);
    const u = s.used();
    if (!u) return [];
    return Array.from({ length: u.r + u.rows }, (_, r) => Array.from({ length: u.c + u.cols }, (_, c) => s.get(r, c)?.value ?? ''));
  }

  execute(message: RequestMessage): ResponseMessage {
    const requestText = JSON.stringify(message.Body);
    const releases = message.Body.Actions.filter((a) => a.Name === '_RemoveReference').length;
    const record: SyncRecord = { requestBytes: Buffer.byteLength(requestText), responseBytes: 0, actions: message.Body.Actions.length, releases, error: null };
    this.syncs.push(record);
    const fail = (code: string, text: string): ResponseMessage => {
      record.error = code;
      return { HttpStatusCode: 500, ErrorCode: code, ErrorMessage: text, Headers: {}, Body: null };
    };
    if (this.failAtSync?.sync === this.syncs.length) this.failNextSync = this.failAtSync.code;
    if (this.failNextSync) {
      const code = this.failNextSync;
      this.failNextSync = null;
      return fail(code, `Injected host error ${code}.`);
    }
    if (this.platform === 'web' && record.requestBytes > PAYLOAD_LIMIT_BYTES) {
      return fail('RequestPayloadSizeLimitExceeded', `The request payload size has exceeded the limit (${record.requestBytes} bytes).`);
    }
    const body = this.runActions(message.Body);
    const responseText = JSON.stringify(body);
    record.responseBytes = Buffer.byteLength(responseText);
    if (this.platform === 'web' && record.responseBytes > PAYLOAD_LIMIT_BYTES) {
      // The actions ran; only the answer is refused.
      return fail('ResponsePayloadSizeLimitExceeded', `The response payload size has exceeded the limit (${record.responseBytes} bytes).`);
    }
    if (body.Error) record.error = body.Error.Code;
    // The client gets a parsed copy, as if it came over the wire.
    return { HttpStatusCode: 200, ErrorCode: '', ErrorMessage: '', Headers: {}, Body: JSON.parse(responseText) };
  }

  private runActions(body: RequestMessage['Body']): { Results: { ActionId: number; Value: unknown }[]; Error?: any } {
    const resolved = new Map<number, HostObject>();
    const resolve = (id: number): HostObject => {
      const done = resolved.get(id);
      if (done) return done;
      const info = body.ObjectPaths[String(id)];
      if (!info) throw new HostError('InvalidObjectPath', `Object path ${id} is not in the request.`);
      const parent = info.ParentObjectPathId !== undefined ? resolve(info.ParentObjectPathId) : null;
      // An argument that is an object (getBoundingRect(range)) is sent as its object path id.
      const refs: (number | null)[] = info.ArgumentInfo?.ReferencedObjectPathIds ?? [];
      const args: unknown[] = (info.ArgumentInfo?.Arguments ?? []).map((a: unknown, i: number) => (refs[i] !== null && refs[i] !== undefined && refs[i] === a ? resolve(a as number) : a));
      let obj: HostObject;
      switch (info.ObjectPathType) {
        case 1: // global object: the workbook
          obj = { kind: 'workbook' };
          break;
        case 4: // property
          obj = this.property(parent!, info.Name);
          break;
        case 3: // method returning an object
          obj = this.callForObject(parent!, info.Name, args);
          break;
        case 5: // indexer
          obj = this.index(parent!, args);
          break;
        case 7: // a null object the client already knows
          obj = { kind: 'null' };
          break;
        case 6: {
          // a reference id handed out in an earlier response
          const known = this.references.get(info.Name);
          if (!known) throw new HostError('InvalidObjectPath', `The object path '${info.Name}' isn't working for what you're trying to do.`);
          obj = known;
          break;
        }
        default:
          throw new HostError('NotImplemented', `host model: object path type ${info.ObjectPathType} (${info.Name})`);
      }
      resolved.set(id, obj);
      return obj;
    };
    const results: { ActionId: number; Value: unknown }[] = [];
    for (let i = 0; i < body.Actions.length; i++) {
      const action = body.Actions[i];
      try {
        switch (action.ActionType) {
          case 1: {
            // instantiate: the client learns ids (so a new sheet is found by id later) and null objects
            const obj = resolve(action.ObjectPathId);
            if (obj.kind === 'null') results.push({ ActionId: action.Id, Value: null });
            else if (obj.kind === 'worksheet') results.push({ ActionId: action.Id, Value: { _Id: obj.sheet.id } });
            else if (obj.kind === 'table') results.push({ ActionId: action.Id, Value: { _Id: obj.table.id } });
            break;
          }
          case 2: {
            // query
            const obj = resolve(action.ObjectPathId);
            results.push({ ActionId: action.Id, Value: obj.kind === 'null' ? null : this.query(obj, action.QueryInfo ?? {}) });
            break;
          }
          case 3: {
            // method
            const obj = resolve(action.ObjectPathId);
            const refs: (number | null)[] = action.ArgumentInfo?.ReferencedObjectPathIds ?? [];
            const args: unknown[] = (action.ArgumentInfo?.Arguments ?? []).map((a: unknown, j: number) => (refs[j] !== null && refs[j] !== undefined && refs[j] === a ? resolve(a as number) : a));
            const value = this.callMethod(obj, action.Name, args, body, resolve);
            if (value !== undefined) results.push({ ActionId: action.Id, Value: value });
            break;
          }
          case 4: // set property
            this.setProperty(resolve(action.ObjectPathId), action.Name, (action.ArgumentInfo?.Arguments ?? [])[0]);
            break;
          default:
            throw new HostError('NotImplemented', `host model: action type ${action.ActionType} (${action.Name})`);
        }
      } catch (error) {
        if (!(error instanceof HostError)) throw error;
        return { Results: [], Error: { Code: error.code, Message: error.message, HttpStatusCode: error.status, ActionIndex: i, Location: action.Name ?? '' } };
      }
    }
    return { Results: results };
  }

  private findSheet(key: string): Sheet | undefined {
    const k = key.toLowerCase();
    return this.sheets.find((s) => s.id === key || s.name.toLowerCase() === k);
  }

  private property(parent: HostObject, name: string): HostObject {
    if (parent.kind === 'workbook' && name === 'Worksheets') return { kind: 'worksheets' };
    if (parent.kind === 'workbook' && name === 'Settings') return { kind: 'settings' };
    if (parent.kind === 'workbook' && name === 'Tables') return { kind: 'tables', sheet: null };
    if (parent.kind === 'workbook' && name === 'Application') return { kind: 'application' };
    if (parent.kind === 'worksheet' && name === 'Tables') return { kind: 'tables', sheet: parent.sheet };
    if (parent.kind === 'worksheet' && name === 'Charts') {
      this.requires('1.1', 'Worksheet.charts');
      return { kind: 'charts', sheet: parent.sheet };
    }
    if (parent.kind === 'chartPart') {
      const child = CHART_API[parent.type]?.children?.[name];
      if (child) {
        this.requires(child[1], `${parent.type}.${name}`);
        return { ...parent, type: child[0], prefix: `${parent.prefix}${name}.` };
      }
    }
    if ((parent.kind === 'range' || parent.kind === 'worksheet') && PART_CHILDREN[parent.kind === 'range' ? 'Range' : 'Worksheet'].includes(name)) {
      return { kind: 'part', path: `${parent.kind === 'range' ? 'Range' : 'Worksheet'}.${name}`, owner: parent };
    }
    if (parent.kind === 'part' && PART_CHILDREN[parent.path]?.includes(name)) return { kind: 'part', path: `${parent.path}.${name}`, owner: parent.owner };
    throw new HostError('NotImplemented', `host model: property ${parent.kind}.${name}`);
  }

  private index(parent: HostObject, args: unknown[]): HostObject {
    const key = String(args[0]);
    if (parent.kind === 'worksheets') {
      const sheet = this.findSheet(key);
      if (!sheet) throw new HostError('ItemNotFound', `The requested resource doesn't exist (worksheet ${key}).`, 404);
      return { kind: 'worksheet', sheet };
    }
    if (parent.kind === 'tables') {
      const table = this.tablesOf(parent.sheet).find((t) => t.id === key || t.name.toLowerCase() === key.toLowerCase());
      if (!table) throw new HostError('ItemNotFound', `The requested resource doesn't exist (table ${key}).`, 404);
      return { kind: 'table', table };
    }
    if (parent.kind === 'part' && parent.path === 'Range.Format.Borders') return { kind: 'part', path: 'Range.Format.Borders[]', owner: parent.owner };
    if (parent.kind === 'charts') return this.chartObject(parent, 'GetItem', args);
    throw new HostError('NotImplemented', `host model: indexer on ${parent.kind}`);
  }

  private callForObject(parent: HostObject, name: string, args: unknown[]): HostObject {
    if (parent.kind === 'charts' || parent.kind === 'chartPart') return this.chartObject(parent, name, args);
    if (parent.kind === 'worksheet') {
      const sheet = parent.sheet;
      switch (name) {
        case 'GetRangeByIndexes': {
          const [r, c, rows, cols] = args as number[];
          if (r < 0 || c < 0 || rows < 1 || cols < 1 || r + rows > 1_048_576 || c + cols > 16_384) throw new HostError('InvalidArgument', `The argument is invalid or missing or has an incorrect format (getRangeByIndexes ${args}).`);
          return { kind: 'range', sheet, r, c, rows, cols };
        }
        case 'GetRange':
          return { kind: 'range', sheet, ...parseArea(String(args[0] ?? 'A1:XFD1048576')) };
        case 'GetUsedRange':
        case 'GetUsedRangeOrNullObject': {
          const u = sheet.used();
          if (u) return { kind: 'range', sheet, ...u };
          if (name === 'GetUsedRange') return { kind: 'range', sheet, r: 0, c: 0, rows: 1, cols: 1 };
          return { kind: 'null' };
        }
      }
    }
    if (parent.kind === 'range' && name === 'GetRow') {
      const i = Number(args[0]);
      if (!(i >= 0 && i < parent.rows)) throw new HostError('InvalidArgument', `The argument is invalid or missing or has an incorrect format (getRow ${i}).`);
      return { ...parent, r: parent.r + i, rows: 1 };
    }
    if (parent.kind === 'range' && name === 'GetBoundingRect') {
      const other = args[0] as HostObject;
      if (other?.kind !== 'range' || other.sheet !== parent.sheet) throw new HostError('InvalidArgument', 'The argument is invalid or missing or has an incorrect format (getBoundingRect).');
      const r = Math.min(parent.r, other.r);
      const c = Math.min(parent.c, other.c);
      return { kind: 'range', sheet: parent.sheet, r, c, rows: Math.max(parent.r + parent.rows, other.r + other.rows) - r, cols: Math.max(parent.c + parent.cols, other.c + other.cols) - c };
    }
    if (parent.kind === 'range' && name === 'GetEntireColumn') return { ...parent, r: 0, rows: 1_048_576 };
    if (parent.kind === 'range' && name === 'GetEntireRow') return { ...parent, c: 0, cols: 16_384 };
    if (parent.kind === 'part' && parent.path === 'Range.Format.Borders' && name === 'GetItem') return { kind: 'part', path: 'Range.Format.Borders[]', owner: parent.owner };
    if (parent.kind === 'worksheets' && name === 'Add') return { kind: 'worksheet', sheet: this.addSheet(args[0] === undefined || args[0] === null ? null : String(args[0])) };
    if (parent.kind === 'settings' && (name === 'GetItem' || name === 'GetItemOrNullObject')) {
      const key = String(args[0]);
      if (this.settings.has(key)) return { kind: 'setting', key };
      if (name === 'GetItem') throw new HostError('ItemNotFound', `The requested resource doesn't exist (setting ${key}).`, 404);
      return { kind: 'null' };
    }
    if (parent.kind === 'settings' && name === 'Add') {
      this.settings.set(String(args[0]), args[1]);
      return { kind: 'setting', key: String(args[0]) };
    }
    if (parent.kind === 'table' && name === 'GetRange') return { kind: 'range', sheet: parent.table.sheet, ...parseArea(parent.table.ref) };
    if ((parent.kind === 'worksheets' || parent.kind === 'tables') && (name === 'GetItem' || name === 'GetItemOrNullObject')) {
      try {
        return this.index(parent, args);
      } catch (error) {
        if (name === 'GetItemOrNullObject' && error instanceof HostError && error.code === 'ItemNotFound') return { kind: 'null' };
        throw error;
      }
    }
    if ((parent.kind === 'worksheets' || parent.kind === 'tables') && name === 'GetItemAt') {
      const items = parent.kind === 'worksheets' ? this.sheets : this.tablesOf(parent.sheet);
      const item = items[Number(args[0])];
      if (!item) throw new HostError('ItemNotFound', `The requested resource doesn't exist (item ${args[0]}).`, 404);
      return item instanceof Sheet ? { kind: 'worksheet', sheet: item } : { kind: 'table', table: item };
    }
    throw new HostError('NotImplemented', `host model: method ${parent.kind}.${name} returning an object`);
  }

  private addSheet(name: string | null): Sheet {
    let text = name;
    if (text === null) for (let i = 1; !text || this.findSheet(text); i++) text = `Blad${i}`;
    if (text.length === 0 || text.length > 31 || INVALID_SHEET_NAME.test(text) || text.startsWith("'") || text.endsWith("'")) {
      throw new HostError('InvalidArgument', `The argument is invalid or missing or has an incorrect format (sheet name ${text}).`);
    }
    if (this.findSheet(text)) throw new HostError('ItemAlreadyExists', `A resource with the same name or identifier already exists (worksheet ${text}).`, 409);
    const sheet = new Sheet(text);
    this.sheets.push(sheet);
    return sheet;
  }

  private callMethod(obj: HostObject, name: string, args: unknown[], _body: RequestMessage['Body'], _resolve: (id: number) => HostObject): unknown {
    if (name === '_KeepReference') return undefined;
    if (obj.kind === 'chartPart') return this.chartMethod(obj, name, args);
    if (obj.kind === 'workbook' && name === '_RemoveReference') {
      this.references.delete(String(args[0]));
      return undefined;
    }
    if (obj.kind === 'application' && name === 'SuspendApiCalculationUntilNextSync') {
      this.calculationSuspensions++;
      return undefined;
    }
    if (obj.kind === 'application' && name === 'SuspendScreenUpdatingUntilNextSync') {
      this.screenSuspensions++;
      return undefined;
    }
    if (obj.kind === 'worksheet' && name === 'Delete') {
      if (this.sheets.length === 1) throw new HostError('InvalidOperation', 'A workbook must contain at least one visible worksheet.');
      this.sheets = this.sheets.filter((s) => s !== obj.sheet);
      if (this.activeSheet === obj.sheet.id) this.activeSheet = this.sheets[0].id;
      return undefined;
    }
    if (obj.kind === 'worksheet' && name === 'Activate') {
      this.activeSheet = obj.sheet.id;
      return undefined;
    }
    if (obj.kind === 'setting' && name === 'Delete') {
      this.settings.delete(obj.key);
      return undefined;
    }
    if (obj.kind === 'range' && name === '_ValidateArraySize') {
      // The client sends this before writing a large array in chunks of about 1 500 cells.
      if (Number(args[0]) !== obj.rows || Number(args[1]) !== obj.cols) {
        throw new HostError('InvalidArgument', `The number of rows or columns in the input array doesn't match the size or dimensions of the range (${obj.rows}×${obj.cols}).`);
      }
      return undefined;
    }
    if (obj.kind === 'range' && name === 'Merge') {
      obj.sheet.formatting.push([rangeAddress(obj), 'Merge', args[0] ?? false]);
      return undefined;
    }
    if (obj.kind === 'part' && obj.path === 'Range.Format.Fill' && name === 'Clear') {
      eachCell(obj.owner as RangeObject, (k) => (obj.owner as RangeObject).sheet.fills.delete(k));
      return undefined;
    }
    if (obj.kind === 'part' && PART_METHODS[obj.path]?.includes(name)) {
      const owner = obj.owner;
      owner.sheet.formatting.push([owner.kind === 'range' ? rangeAddress(owner) : owner.sheet.name, `${obj.path}.${name}`, args]);
      return undefined;
    }
    throw new HostError('NotImplemented', `host model: method ${obj.kind}.${name}(${args.length} arguments)`);
  }

  private setProperty(obj: HostObject, name: string, value: unknown): void {
    if (obj.kind === 'range' && (name === 'Values' || name === 'Formulas')) {
      this.writeCells(obj, value, (v) => (name === 'Formulas' && typeof v === 'string' && v.startsWith('=') ? { value: 0, type: 'Double', formula: v } : toCell(v as HostValue)));
      return;
    }
    if (obj.kind === 'worksheet' && name === 'Name') {
      const text = String(value);
      const other = this.findSheet(text);
      if (other && other !== obj.sheet) throw new HostError('ItemAlreadyExists', `A resource with the same name or identifier already exists (worksheet ${text}).`, 409);
      obj.sheet.name = text;
      return;
    }
    if (obj.kind === 'range' && name === 'NumberFormat') {
      const grid = Array.isArray(value) ? (value as unknown[][]) : null;
      this.checkShape(obj, grid);
      forCells(obj, (k, i, j) => obj.sheet.numberFormats.set(k, String(grid ? grid[i][j] : value)));
      return;
    }
    if (obj.kind === 'range' && name === 'Hyperlink') {
      forCells(obj, (k) => obj.sheet.hyperlinks.set(k, value));
      return;
    }
    if (obj.kind === 'chartPart') {
      this.setChartProperty(obj, name, value);
      return;
    }
    if (obj.kind === 'worksheet' && name === 'TabColor') {
      obj.sheet.tabColor = String(value ?? '');
      return;
    }
    if (obj.kind === 'part' && obj.path === 'Range.Format.Fill' && name === 'Color') {
      const color = normalizeColor(value);
      eachCell(obj.owner as RangeObject, (k) => (obj.owner as RangeObject).sheet.fills.set(k, color));
      return;
    }
    if (obj.kind === 'part' && PART_PROPERTIES[obj.path]?.includes(name)) {
      const owner = obj.owner;
      owner.sheet.formatting.push([owner.kind === 'range' ? rangeAddress(owner) : owner.sheet.name, `${obj.path}.${name}`, value]);
      return;
    }
    throw new HostError('NotImplemented', `host model: property ${obj.kind}${obj.kind === 'part' ? ` ${obj.path}` : ''}.${name} set`);
  }

  /** ApiNotFound when the host's requirement sets stop below `version`. */
  private requires(version: string, what: string): void {
    if (this.excelApi !== null && minor(version) > minor(this.excelApi)) {
      throw new HostError('ApiNotFound', `The API you are trying to use could not be found. It may be available in a newer version of Excel. (${what}: ExcelApi ${version}; this host: ${this.excelApi})`, 404);
    }
  }

  private newChart(sheet: Sheet, type: string, source: HostObject, seriesBy: unknown, name?: string): HostChart {
    if (!CHART_TYPES.has(type)) throw new HostError('InvalidArgument', `The argument is invalid or missing or has an incorrect format (chart type ${type}).`);
    if (source?.kind !== 'range') throw new HostError('InvalidArgument', 'The argument is invalid or missing or has an incorrect format (chart source data).');
    const by = seriesBy ?? 'Auto';
    if (by !== 'Auto' && by !== 'Columns' && by !== 'Rows') throw new HostError('InvalidArgument', `The argument is invalid or missing or has an incorrect format (seriesBy ${String(by)}).`);
    const byColumns = by === 'Columns' || (by === 'Auto' && source.rows >= source.cols);
    const taken = new Set(this.sheets.flatMap((s) => s.charts.map((c) => c.name)));
    let text = name;
    for (let i = 1; !text; i++) if (!taken.has(`Diagram ${i}`)) text = `Diagram ${i}`;
    // Excel refuses new objects on a protected sheet (unless objects were allowed, which Styrkoll never asks for).
    if (sheet.isProtected()) throw new HostError('AccessDenied', `The sheet is protected (${sheet.name}): a chart cannot be added.`, 403);
    const chart = new HostChart(text, type, source);
    const count = byColumns ? source.cols : source.rows;
    for (let k = 0; k < count; k++) {
      const part: RangeObject = byColumns ? { ...source, c: source.c + k, cols: 1 } : { ...source, r: source.r + k, rows: 1 };
      const series = new HostChartSeries(`Serie${k + 1}`);
      series.valuesRange = part;
      chart.series.push(series);
    }
    return chart;
  }

  private chartObject(parent: Extract<HostObject, { kind: 'charts' | 'chartPart' }>, name: string, args: unknown[]): HostObject {
    const type = parent.kind === 'charts' ? 'ChartCollection' : parent.type;
    const version = CHART_API[type]?.objectMethods?.[name];
    if (!version) throw new HostError('NotImplemented', `host model: method ${type}.${name} returning an object`);
    this.requires(version, `${type}.${name}`);
    const whole = (chart: HostChart): HostObject => ({ kind: 'chartPart', type: 'Chart', chart, series: null, store: chart.props, prefix: '' });
    if (parent.kind === 'charts') {
      const charts = parent.sheet.charts;
      if (name === 'Add') {
        const chart = this.newChart(parent.sheet, String(args[0]), args[1] as HostObject, args[2]);
        charts.push(chart);
        return whole(chart);
      }
      const found = name === 'GetItemAt' ? charts[Number(args[0])] : charts.find((c) => c.name.toLowerCase() === String(args[0]).toLowerCase());
      if (found) return whole(found);
      if (name === 'GetItemOrNullObject') return { kind: 'null' };
      throw new HostError('ItemNotFound', `The requested resource doesn't exist (chart ${String(args[0])}).`, 404);
    }
    const { chart } = parent;
    if (type === 'ChartSeriesCollection' && name === 'Add') {
      const series = new HostChartSeries(args[0] === undefined || args[0] === null ? `Serie${chart.series.length + 1}` : String(args[0]));
      const at = args[1] === undefined || args[1] === null ? chart.series.length : Number(args[1]);
      chart.series.splice(at, 0, series);
      return { kind: 'chartPart', type: 'ChartSeries', chart, series, store: series.props, prefix: '' };
    }
    if (type === 'ChartSeriesCollection' && name === 'GetItemAt') {
      const series = chart.series[Number(args[0])];
      if (!series) throw new HostError('ItemNotFound', `The requested resource doesn't exist (series ${String(args[0])}).`, 404);
      return { kind: 'chartPart', type: 'ChartSeries', chart, series, store: series.props, prefix: '' };
    }
    if (type === 'ChartPointsCollection' && name === 'GetItemAt') {
      const series = parent.series!;
      const i = Number(args[0]);
      if (!(i >= 0 && i < series.pointCount)) throw new HostError('InvalidArgument', `The argument is invalid or missing or has an incorrect format (point ${String(args[0])} of ${series.pointCount}).`);
      if (!series.points.has(i)) series.points.set(i, {});
      return { kind: 'chartPart', type: 'ChartPoint', chart, series, store: series.points.get(i)!, prefix: '' };
    }
    throw new HostError('NotImplemented', `host model: method ${type}.${name} returning an object`);
  }

  private chartMethod(obj: Extract<HostObject, { kind: 'chartPart' }>, name: string, args: unknown[]): unknown {
    const version = CHART_API[obj.type]?.methods?.[name];
    if (!version) throw new HostError('NotImplemented', `host model: method ${obj.type}.${name}(${args.length} arguments)`);
    this.requires(version, `${obj.type}.${name}`);
    const cell = (a: unknown): string => {
      if (typeof a === 'string') {
        const area = parseArea(a);
        return a1(area.r, area.c);
      }
      if ((a as HostObject)?.kind === 'range') return a1((a as RangeObject).r, (a as RangeObject).c);
      throw new HostError('InvalidArgument', 'The argument is invalid or missing or has an incorrect format (setPosition).');
    };
    const line = (a: unknown): RangeObject => {
      const range = a as HostObject;
      if (range?.kind !== 'range' || (range.rows !== 1 && range.cols !== 1)) throw new HostError('InvalidArgument', 'The argument is invalid or missing or has an incorrect format (series data must be one row or one column).');
      return range;
    };
    switch (`${obj.type}.${name}`) {
      case 'Chart.SetPosition':
        obj.chart.position = [cell(args[0]), args[1] === undefined || args[1] === null ? null : cell(args[1])];
        return undefined;
      case 'Chart.Delete':
        for (const s of this.sheets) s.charts = s.charts.filter((c) => c !== obj.chart);
        return undefined;
      case 'ChartSeries.SetValues':
        obj.series!.valuesRange = line(args[0]);
        return undefined;
      case 'ChartSeries.SetXAxisValues':
        obj.series!.xRange = line(args[0]);
        return undefined;
      case 'ChartSeries.Delete':
        obj.chart.series = obj.chart.series.filter((s) => s !== obj.series);
        return undefined;
      case 'ChartFill.SetSolidColor':
        obj.store[`${obj.prefix}SolidColor`] = normalizeColor(args[0]);
        return undefined;
      case 'ChartFill.Clear':
        delete obj.store[`${obj.prefix}SolidColor`];
        return undefined;
    }
    throw new HostError('NotImplemented', `host model: method ${obj.type}.${name}`);
  }

  private setChartProperty(obj: Extract<HostObject, { kind: 'chartPart' }>, name: string, value: unknown): void {
    const version = CHART_API[obj.type]?.props?.[name];
    if (!version) throw new HostError('NotImplemented', `host model: property ${obj.type}.${name} set`);
    this.requires(version, `${obj.type}.${name}`);
    const bad = () => new HostError('InvalidArgument', `The argument is invalid or missing or has an incorrect format (${obj.type}.${name} = ${JSON.stringify(value)}).`);
    let stored = value;
    if (/Color$/.test(name)) stored = normalizeColor(value);
    else if (name === 'LineStyle' && !LINE_STYLES.has(String(value))) throw bad();
    else if (name === 'MarkerStyle' && !MARKER_STYLES.has(String(value))) throw bad();
    else if (name === 'Position' && obj.type === 'ChartLegend' && !['Top', 'Bottom', 'Left', 'Right', 'Corner', 'Custom', 'Invalid'].includes(String(value))) throw bad();
    else if (name === 'Position' && obj.type === 'ChartAxis' && !['Automatic', 'Maximum', 'Minimum', 'Custom'].includes(String(value))) throw bad();
    else if (['Minimum', 'Maximum', 'MajorUnit', 'Weight', 'MarkerSize', 'GapWidth', 'Overlap', 'Top', 'Left', 'Height', 'Width'].includes(name) && typeof value !== 'number') throw bad();
    if (obj.type === 'Chart' && name === 'Name') obj.chart.name = String(value);
    else if (obj.type === 'ChartSeries' && name === 'Name') obj.series!.name = String(value);
    else obj.store[`${obj.prefix}${name}`] = stored;
  }

  private checkShape(range: RangeObject, grid: unknown[][] | null): void {
    if (grid && (grid.length !== range.rows || grid.some((row) => !Array.isArray(row) || row.length !== range.cols))) {
      throw new HostError('InvalidArgument', `The number of rows or columns in the input array doesn't match the size or dimensions of the range (${range.rows}×${range.cols}).`);
    }
  }

  /** A 2D array must have the range's shape; a single value goes to every cell. */
  private writeCells(range: Extract<HostObject, { kind: 'range' }>, value: unknown, cell: (v: unknown) => HostCell | undefined): void {
    const grid = Array.isArray(value) ? (value as unknown[][]) : null;
    this.checkShape(range, grid);
    for (let i = 0; i < range.rows; i++) for (let j = 0; j < range.cols; j++) range.sheet.set(range.r + i, range.c + j, cell(grid ? grid[i][j] : value));
  }

  private query(obj: HostObject, info: { Select?: string[]; Expand?: string[] }): unknown {
    const select = info.Select ?? null;
    // Ranges have no id: Excel names them by a reference id the client tracks (and must release).
    // Formatting parts (RangeFill …) get none: the client has no _KeepReference for them and
    // would never release one, so a host keeping them would only model a leak the client cannot cause.
    let reference: Record<string, unknown> = {};
    if (obj.kind === 'range') {
      const ref = `{host-ref-${this.nextReference++}}`;
      this.references.set(ref, obj);
      reference = { _ReferenceId: ref };
    }
    const pick = (props: Record<string, () => unknown>, extra: Record<string, unknown> = {}) => {
      const out: Record<string, unknown> = { ...reference, ...extra };
      const names = select ?? Object.keys(props);
      for (const n of names) {
        const key = n.charAt(0).toLowerCase() + n.slice(1);
        const get = props[key];
        if (!get) throw new HostError('NotImplemented', `host model: property ${obj.kind}.${key} in a query`);
        out[pascal(key)] = get();
      }
      return out;
    };
    switch (obj.kind) {
      case 'worksheets':
        return { _Items: this.sheets.map((sheet) => pick(sheetProps(sheet, this.sheets), { _Id: sheet.id })) };
      case 'worksheet':
        return pick(sheetProps(obj.sheet, this.sheets), { _Id: obj.sheet.id });
      case 'tables':
        return { _Items: this.tablesOf(obj.sheet).map((t) => pick(tableProps(t), { _Id: t.id })) };
      case 'table':
        return pick(tableProps(obj.table), { _Id: obj.table.id });
      case 'range':
        return pick(rangeProps(obj, this.maxReadCells));
      case 'setting':
        return pick({ key: () => obj.key, value: () => this.settings.get(obj.key) });
      case 'part':
        if (obj.path === 'Range.Format.Fill') {
          const range = obj.owner as RangeObject;
          return pick({
            color: () => {
              // One color when every cell has it, null when the cells differ; no fill is white.
              const seen = new Set<string>();
              eachCell(range, (k) => void seen.add(range.sheet.fills.get(k) ?? '#FFFFFF'));
              return seen.size === 1 ? [...seen][0] : null;
            },
          });
        }
        throw new HostError('NotImplemented', `host model: query on ${obj.path}`);
      default:
        throw new HostError('NotImplemented', `host model: query on ${obj.kind}`);
    }
  }
}

function toCell(v: HostValue | null | undefined): HostCell | undefined {
  if (v === null || v === undefined || v === '') return undefined;
  if (typeof v === 'number') return { value: v, type: 'Double' };
  if (typeof v === 'boolean') return { value: v, type: 'Boolean' };
  return { value: v, type: 'String' };
}

function sheetProps(sheet: Sheet, all: Sheet[]): Record<string, () => unknown> {
  return { name: () => sheet.name, id: () => sheet.id, position: () => all.indexOf(sheet), visibility: () => sheet.visibility };
}

function tableProps(t: Table): Record<string, () => unknown> {
  return { name: () => t.name, id: () => t.id };
}

function rangeProps(range: { sheet: Sheet; r: number; c: number; rows: number; cols: number }, maxReadCells: number): Record<string, () => unknown> {
  const { sheet, r, c, rows, cols } = range;
  const grid = <T>(f: (cell: HostCell | undefined) => T): T[][] | null =>
    rows * cols > maxReadCells ? null : Array.from({ length: rows }, (_, i) => Array.from({ length: cols }, (_, j) => f(sheet.get(r + i, c + j))));
  const address = `${quoteSheet(sheet.name)}!${rows === 1 && cols === 1 ? a1(r, c) : `${a1(r, c)}:${a1(r + rows - 1, c + cols - 1)}`}`;
  return {
    address: () => address,
    rowIndex: () => r,
    columnIndex: () => c,
    rowCount: () => rows,
    columnCount: () => cols,
    cellCount: () => rows * cols,
    values: () => grid((cell) => cell?.value ?? ''),
    valueTypes: () => grid((cell) => cell?.type ?? 'Empty'),
    formulas: () => grid((cell) => cell?.formula ?? cell?.value ?? ''),
  };
}

function rangeAddress(range: RangeObject): string {
  const { sheet, r, c, rows, cols } = range;
  return `${quoteSheet(sheet.name)}!${rows === 1 && cols === 1 ? a1(r, c) : `${a1(r, c)}:${a1(r + rows - 1, c + cols - 1)}`}`;
}

/** Calls `f` with the key and offsets of every cell of a range (not for whole columns of values). */
function forCells(range: RangeObject, f: (key: string, i: number, j: number) => void): void {
  if (range.rows * range.cols > MAX_READ_CELLS) throw new HostError('NotImplemented', `host model: cell-by-cell write to ${range.rows * range.cols} cells`);
  for (let i = 0; i < range.rows; i++) for (let j = 0; j < range.cols; j++) f(`${range.r + i},${range.c + j}`, i, j);
}

function eachCell(range: RangeObject, f: (key: string) => void): void {
  forCells(range, (k) => f(k));
}

/** Excel keeps fills as "#RRGGBB"; a named or short color is not modelled. */
function normalizeColor(value: unknown): string {
  const text = String(value);
  if (!/^#[0-9A-Fa-f]{6}$/.test(text)) throw new HostError('NotImplemented', `host model: fill color ${text}`);
  return text.toUpperCase();
}
