/**
 * Where this fake still earns its place: notes (ExcelApi 1.18). The Office.js client in
 * node_modules (@microsoft/office-js 1.1.110) has no Worksheet.notes, so writeResult's notes
 * cannot go through the real client and the host model of real-client/, which every other Office
 * test uses. The fake applies a write when it is queued (Excel applies it at sync) and counts only
 * the data queued, not the bytes the client sends: trust real-client/ for timing and sizes.
 *
 * A small fake of the parts of Excel's object model that src/office uses. office-addin-mock has
 * no Excel semantics (addresses, used ranges, one sync per batch), so this fake models them:
 * properties read before load + sync throw, writes are measured as the JSON size of the queued
 * data per request, reads as the JSON size of the values and value types a sync returns, either
 * over 5 MB fails as in Excel on the web, and a string starting with "=" becomes a formula unless
 * the cell is "@".
 */
import { jsonBytes } from '../../src/office/payload';
import { parseCell, columnLetters } from '../../src/office/a1';

export type Cell = string | number | boolean;

export interface FakeSheetInit {
  name: string;
  /** rows[r][c], 0-based; undefined/"" is an empty cell. */
  rows?: (Cell | null | undefined)[][];
  /** Cells holding an error value: "r,c" 0-based → code. */
  errors?: Record<string, string>;
  tables?: { name: string; ref: string }[];
  fills?: Record<string, string>;
  notes?: Record<string, string>;
}

class FakeSheetModel {
  values = new Map<string, Cell>();
  types = new Map<string, string>();
  formulas = new Set<string>();
  numberFormats = new Map<string, string>();
  fills = new Map<string, string>();
  notes = new Map<string, string>();
  hyperlinks = new Map<string, unknown>();
  tables: { name: string; ref: string }[] = [];
  tabColor: string | null = null;
  activated = false;
  constructor(public name: string) {}
}

const key = (r: number, c: number) => `${r},${c}`;

/** Excel on the web rejects a request or a response over 5 MB; the fake takes the smaller reading of "MB". */
export const PAYLOAD_LIMIT_BYTES = 5_000_000;

function payloadTooLarge(what: string, bytes: number): Error {
  // Office.js rejects with an OfficeExtension.Error (name RichApi.Error) whose code says why.
  return Object.assign(new Error(`The ${what} payload size has exceeded the limit (${bytes} bytes).`), { name: 'RichApi.Error', code: 'RequestPayloadSizeLimitExceeded' });
}

function parseAddress(address: string): { r: number; c: number; rows: number; cols: number } {
  const [a, b] = address.replace(/^.*!/, '').split(':');
  const p = parseCell(a);
  const q = parseCell(b ?? a);
  if (!p || !q) throw new Error(`InvalidArgument: address ${address}`);
  return { r: p.row - 1, c: p.col - 1, rows: q.row - p.row + 1, cols: q.col - p.col + 1 };
}

export class FakeContext {
  syncCount = 0;
  /** Bytes of queued data per request (one entry per sync). */
  requestBytes: number[] = [];
  /** Bytes of values and value types returned per sync that got through. */
  responseBytes: number[] = [];
  calcSuspensions = 0;
  screenSuspensions = 0;
  private pendingBytes = 0;
  private pendingLoads: Loadable[] = [];
  readonly workbook: FakeWorkbook;
  readonly application = {
    suspendApiCalculationUntilNextSync: () => void this.calcSuspensions++,
    suspendScreenUpdatingUntilNextSync: () => void this.screenSuspensions++,
  };
  /** Set to make the next sync fail, like a host error would. */
  failNextSync: Error | null = null;

  /**
   * Excel on the web by default, whose limit holds for requests and responses alike; `desktop`
   * has no response limit (the add-in's own 4 MB cap on writes still shows in requestBytes).
   */
  constructor(
    sheets: FakeSheetInit[],
    readonly host: 'web' | 'desktop' = 'web',
  ) {
    this.workbook = new FakeWorkbook(this, sheets);
  }

  queue(value: unknown): void {
    this.pendingBytes += jsonBytes(value);
  }

  requestLoad(l: Loadable): void {
    this.pendingLoads.push(l);
  }

  async sync(): Promise<void> {
    this.syncCount++;
    const request = this.pendingBytes;
    this.requestBytes.push(request);
    this.pendingBytes = 0;
    // A failed batch is gone: nothing in it is loaded.
    const loads = this.pendingLoads.splice(0);
    if (this.failNextSync) {
      const e = this.failNextSync;
      this.failNextSync = null;
      throw e;
    }
    if (request > PAYLOAD_LIMIT_BYTES) throw payloadTooLarge('request', request);
    const response = loads.reduce((n, l) => n + l.respond(), 0);
    if (this.host === 'web' && response > PAYLOAD_LIMIT_BYTES) throw payloadTooLarge('response', response);
    this.responseBytes.push(response);
    for (const l of loads) l.loaded = true;
  }

  /** Test helpers: the model behind the fake. */
  sheet(name: string): FakeSheetModel {
    const ws = this.workbook.models.find((m) => m.name === name);
    if (!ws) throw new Error(`no sheet ${name}`);
    return ws;
  }
  sheetNames(): string[] {
    return this.workbook.models.map((m) => m.name);
  }
}

abstract class Loadable {
  loaded = false;
  constructor(protected ctx: FakeContext) {}
  load(_props?: unknown): this {
    this.ctx.requestLoad(this);
    return this;
  }
  /** Takes the loaded data as of the sync and returns the bytes of it that count as response. */
  respond(): number {
    return 0;
  }
  protected need(prop: string): void {
    if (!this.loaded) throw new Error(`PropertyNotLoaded: ${prop} (load and sync first)`);
  }
}

/** Accepts any property write and counts its size (formats the tests do not inspect). */
function sink(ctx: FakeContext): any {
  return new Proxy(
    {},
    {
      // Any method call (clear, setPrintTitleRows …) is accepted and counted.
      get: (_t, p) => (p === 'getItem' ? () => sink(ctx) : (...args: unknown[]) => ctx.queue(args)),
      set: (_t, _p, v) => {
        ctx.queue(v);
        return true;
      },
    },
  );
}

class FakeWorkbook {
  models: FakeSheetModel[] = [];
  settingsStore = new Map<string, unknown>();
  readonly worksheets: FakeWorksheets;
  readonly settings: FakeSettings;

  constructor(private ctx: FakeContext, sheets: FakeSheetInit[]) {
    for (const s of sheets) {
      const m = new FakeSheetModel(s.name);
      (s.rows ?? []).forEach((row, r) =>
        row.forEach((v, c) => {
          if (v !== undefined && v !== null && v !== '') m.values.set(key(r, c), v);
        }),
      );
      for (const [k, code] of Object.entries(s.errors ?? {})) {
        m.values.set(k, code);
        m.types.set(k, 'Error');
      }
      m.tables = s.tables ?? [];
      for (const [a, color] of Object.entries(s.fills ?? {})) {
        const p = parseAddress(a);
        m.fills.set(key(p.r, p.c), color);
      }
      for (const [a, text] of Object.entries(s.notes ?? {})) {
        const p = parseAddress(a);
        m.notes.set(key(p.r, p.c), text);
      }
      this.models.push(m);
    }
    this.worksheets = new FakeWorksheets(ctx, this);
    this.settings = new FakeSettings(ctx, this);
  }
}

class FakeWorksheets extends Loadable {
  private snapshot: FakeWorksheet[] = [];
  constructor(ctx: FakeContext, private wb: FakeWorkbook) {
    super(ctx);
  }
  override load(props?: unknown): this {
    super.load(props);
    this.snapshot = this.wb.models.map((m) => new FakeWorksheet(this.ctx, this.wb, m));
    return this;
  }
  get items(): FakeWorksheet[] {
    this.need('items');
    return this.snapshot;
  }
  getItem(name: string): FakeWorksheet {
    const m = this.wb.models.find((x) => x.name.toLowerCase() === name.toLowerCase());
    if (!m) throw new Error(`ItemNotFound: ${name}`);
    return new FakeWorksheet(this.ctx, this.wb, m);
  }
  add(name: string): FakeWorksheet {
    if (this.wb.models.some((m) => m.name.toLowerCase() === name.toLowerCase())) throw new Error(`ItemAlreadyExists: ${name}`);
    this.ctx.queue(name);
    const m = new FakeSheetModel(name);
    this.wb.models.push(m);
    return new FakeWorksheet(this.ctx, this.wb, m);
  }
}

class FakeWorksheet {
  readonly freezePanes: any;
  readonly protection: any;
  readonly pageLayout: any;
  readonly notes: FakeNotes;
  constructor(private ctx: FakeContext, private wb: FakeWorkbook, readonly model: FakeSheetModel) {
    this.freezePanes = { freezeRows: (n: number) => ctx.queue(n), freezeAt: () => ctx.queue(1) };
    this.protection = { protect: () => ctx.queue(1) };
    this.pageLayout = Object.assign(sink(ctx), {});
    this.notes = new FakeNotes(ctx, model);
  }
  get name(): string {
    return this.model.name;
  }
  set name(v: string) {
    this.ctx.queue(v);
    this.model.name = v;
  }
  set tabColor(v: string) {
    this.ctx.queue(v);
    this.model.tabColor = v;
  }
  get tables() {
    const ctx = this.ctx;
    const model = this.model;
    const coll = new (class extends Loadable {
      get items() {
        this.need('items');
        return model.tables.map((t) => ({
          name: t.name,
          getRange: () => {
            const p = parseAddress(t.ref);
            return new FakeRange(ctx, model, p.r, p.c, p.rows, p.cols);
          },
        }));
      }
    })(ctx);
    return coll;
  }
  getUsedRangeOrNullObject(_valuesOnly?: boolean): FakeRange {
    let r0 = Infinity, c0 = Infinity, r1 = -1, c1 = -1;
    for (const k of this.model.values.keys()) {
      const [r, c] = k.split(',').map(Number);
      r0 = Math.min(r0, r); c0 = Math.min(c0, c); r1 = Math.max(r1, r); c1 = Math.max(c1, c);
    }
    if (r1 < 0) return new FakeRange(this.ctx, this.model, 0, 0, 0, 0, true);
    return new FakeRange(this.ctx, this.model, r0, c0, r1 - r0 + 1, c1 - c0 + 1);
  }
  getRangeByIndexes(r: number, c: number, rows: number, cols: number): FakeRange {
    return new FakeRange(this.ctx, this.model, r, c, rows, cols);
  }
  getRange(address: string): FakeRange {
    const p = parseAddress(address);
    return new FakeRange(this.ctx, this.model, p.r, p.c, p.rows, p.cols);
  }
  delete(): void {
    this.ctx.queue(this.model.name);
    this.wb.models = this.wb.models.filter((m) => m !== this.model);
  }
  activate(): void {
    this.ctx.queue(1);
    for (const m of this.wb.models) m.activated = m === this.model;
  }
}

class FakeRange extends Loadable {
  readonly format: any;
  private requested = new Set<string>();
  private syncedValues: Cell[][] | null = null;
  private syncedTypes: string[][] | null = null;
  constructor(ctx: FakeContext, private model: FakeSheetModel, readonly r: number, readonly c: number, readonly rows: number, readonly cols: number, private nullObject = false) {
    super(ctx);
    const range = this;
    const fill = new (class extends Loadable {
      get color(): string {
        this.need('color');
        return model.fills.get(key(range.r, range.c)) ?? '#FFFFFF';
      }
      set color(v: string) {
        ctx.queue(v);
        range.each((k) => model.fills.set(k, v));
      }
      clear() {
        ctx.queue(1);
        range.each((k) => model.fills.delete(k));
      }
    })(ctx);
    const base = sink(ctx);
    this.format = new Proxy(base, {
      get: (_t, p) => (p === 'fill' ? fill : p === 'font' || p === 'protection' ? sink(ctx) : p === 'borders' ? { getItem: () => sink(ctx) } : undefined),
      set: (_t, _p, v) => {
        ctx.queue(v);
        return true;
      },
    });
  }
  each(f: (k: string, i: number, j: number) => void): void {
    for (let i = 0; i < this.rows; i++) for (let j = 0; j < this.cols; j++) f(key(this.r + i, this.c + j), i, j);
  }
  private grid<T>(f: (k: string) => T): T[][] {
    return Array.from({ length: this.rows }, (_, i) => Array.from({ length: this.cols }, (_, j) => f(key(this.r + i, this.c + j))));
  }
  override load(props?: unknown): this {
    const names = typeof props === 'string' ? props.split(',') : Array.isArray(props) ? props : [];
    for (const p of names) this.requested.add(String(p).trim());
    return super.load(props);
  }
  override respond(): number {
    let bytes = 0;
    if (this.requested.has('values')) {
      this.syncedValues = this.grid((k) => this.model.values.get(k) ?? '');
      bytes += jsonBytes(this.syncedValues);
    }
    if (this.requested.has('valueTypes')) {
      this.syncedTypes = this.grid((k) => this.typeAt(k));
      bytes += jsonBytes(this.syncedTypes);
    }
    return bytes;
  }
  get isNullObject(): boolean {
    this.need('isNullObject');
    return this.nullObject;
  }
  get rowIndex() { this.need('rowIndex'); return this.r; }
  get columnIndex() { this.need('columnIndex'); return this.c; }
  get rowCount() { this.need('rowCount'); return this.rows; }
  get columnCount() { this.need('columnCount'); return this.cols; }
  get cellCount() { this.need('cellCount'); return this.rows * this.cols; }
  get address(): string {
    this.need('address');
    const a = `${columnLetters(this.c + 1)}${this.r + 1}`;
    const b = `${columnLetters(this.c + this.cols)}${this.r + this.rows}`;
    return `${this.model.name}!${a === b ? a : `${a}:${b}`}`;
  }
  get values(): Cell[][] {
    return this.synced(this.syncedValues, 'values');
  }
  set values(v: Cell[][]) {
    this.ctx.queue(v);
    this.each((k, i, j) => {
      const x = v[i][j];
      if (x === '' || x === null) this.model.values.delete(k);
      else {
        this.model.values.set(k, x);
        // Excel parses "=…" typed into a cell that is not formatted as text.
        if (typeof x === 'string' && x.startsWith('=') && this.model.numberFormats.get(k) !== '@') this.model.formulas.add(k);
        else this.model.formulas.delete(k);
      }
    });
  }
  get valueTypes(): string[][] {
    return this.synced(this.syncedTypes, 'valueTypes');
  }
  private synced<T>(data: T | null, prop: string): T {
    this.need(prop);
    if (data === null) throw new Error(`PropertyNotLoaded: ${prop} (load and sync first)`);
    return data;
  }
  private typeAt(k: string): string {
    const t = this.model.types.get(k);
    if (t) return t;
    const v = this.model.values.get(k);
    return v === undefined ? 'Empty' : typeof v === 'number' ? 'Double' : typeof v === 'boolean' ? 'Boolean' : 'String';
  }
  set numberFormat(v: string[][]) {
    this.ctx.queue(v);
    this.each((k, i, j) => this.model.numberFormats.set(k, v[i][j]));
  }
  set formulas(v: string[][]) {
    this.ctx.queue(v);
    this.each((k, i, j) => {
      this.model.values.set(k, v[i][j]);
      this.model.formulas.add(k);
    });
  }
  set hyperlink(v: unknown) {
    this.ctx.queue(v);
    this.each((k) => this.model.hyperlinks.set(k, v));
  }
  get dataValidation(): any {
    return sink(this.ctx);
  }
  merge(): void {
    this.ctx.queue(1);
  }
  select(): void {
    this.ctx.queue(1);
  }
  getEntireColumn(): FakeRange {
    return new FakeRange(this.ctx, this.model, 0, this.c, 1048576, this.cols);
  }
}

class FakeNotes {
  constructor(private ctx: FakeContext, private model: FakeSheetModel) {}
  getItemOrNullObject(address: string) {
    const p = parseAddress(address);
    const k = key(p.r, p.c);
    const model = this.model;
    const ctx = this.ctx;
    return new (class extends Loadable {
      get isNullObject() { this.need('isNullObject'); return !model.notes.has(k); }
      get content() { this.need('content'); return model.notes.get(k) ?? ''; }
      delete() { ctx.queue(1); model.notes.delete(k); }
    })(ctx);
  }
  add(cell: FakeRange | string, content: string): void {
    const p = typeof cell === 'string' ? parseAddress(cell) : { r: cell.r, c: cell.c };
    const k = key(p.r, p.c);
    if (this.model.notes.has(k)) throw new Error('InvalidArgument: the cell already has a note');
    this.ctx.queue(content);
    this.model.notes.set(k, content);
  }
}

class FakeSettings {
  constructor(private ctx: FakeContext, private wb: FakeWorkbook) {}
  getItemOrNullObject(name: string) {
    const store = this.wb.settingsStore;
    return new (class extends Loadable {
      get isNullObject() { this.need('isNullObject'); return !store.has(name); }
      get value() { this.need('value'); return store.get(name); }
    })(this.ctx);
  }
  add(name: string, value: unknown): void {
    this.ctx.queue(value);
    this.wb.settingsStore.set(name, value);
  }
}

/** The fake as the type src/office expects. */
export function asExcel(ctx: FakeContext): Excel.RequestContext {
  return ctx as unknown as Excel.RequestContext;
}
