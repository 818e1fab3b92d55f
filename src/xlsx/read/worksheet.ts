/**
 * One worksheet part, streamed: cell values (every cell type), error cells, merged ranges, and the
 * ids of its table parts. Data validations are only counted, never expanded. The fast scanner reads
 * the part first; when it meets XML it does not handle, saxes reads the part again from the start.
 */
import { isStyrkollError } from '../../common/errors';
import { readErrors } from './errors';
import type { OpcPackage } from './opc-package';
import { SheetScanner } from './sheet-scanner';
import type { SheetGrid } from './sheet-grid';
import { WorksheetState, type WorksheetContext } from './worksheet-state';
import { FastPathBail, type AsyncInflater } from './xml-part';

export type { WorksheetContext } from './worksheet-state';

export interface WorksheetData {
  grid: SheetGrid;
  tablePartIds: string[];
}

/** Which reader read each sheet (for tests and the bench). */
export interface ScannerStats {
  fast: number;
  saxes: number;
  /** Why the fast scanner handed a part over, per part. */
  bails: { part: string; reason: string }[];
}

export interface WorksheetOptions {
  /** false: saxes only. */
  fast?: boolean;
  stats?: ScannerStats;
  /** A platform inflater for the fast pass (the saxes pass always uses fflate). */
  inflate?: AsyncInflater;
}

export function readWorksheet(pkg: OpcPackage, part: string, ctx: WorksheetContext, options: WorksheetOptions = {}): WorksheetData {
  if (options.fast !== false) {
    const fast = fastPass(pkg, part, ctx, options);
    const data = fast.run(() => {
      pkg.streamPart(part, (chunk) => fast.scanner.push(chunk));
    });
    if (data) return data;
  }
  return saxesPass(pkg, part, ctx, options);
}

export async function readWorksheetAsync(pkg: OpcPackage, part: string, ctx: WorksheetContext, options: WorksheetOptions): Promise<WorksheetData> {
  if (options.fast === false || !options.inflate) return readWorksheet(pkg, part, ctx, options);
  const inflate = options.inflate;
  const fast = fastPass(pkg, part, ctx, options);
  let failure: unknown = null;
  try {
    await pkg.streamPartAsync(part, inflate, (chunk) => fast.scanner.push(chunk));
  } catch (e) {
    failure = e;
  }
  const data = fast.run(() => {
    if (failure !== null) throw failure;
  });
  return data ?? saxesPass(pkg, part, ctx, options);
}

function fastPass(pkg: OpcPackage, part: string, ctx: WorksheetContext, options: WorksheetOptions) {
  const used = ctx.budget.used;
  const strings = ctx.strings.length;
  const state = new WorksheetState(part, ctx, pkg.limits);
  const scanner = new SheetScanner(state);
  return {
    scanner,
    /** Runs the streaming step and finishes; null when the fast scanner handed the part over. */
    run(stream: () => void): WorksheetData | null {
      try {
        stream();
        scanner.end();
        if (options.stats) options.stats.fast++;
        return { grid: state.finish(), tablePartIds: state.tablePartIds };
      } catch (e) {
        if (isStyrkollError(e)) throw e;
        if (!(e instanceof FastPathBail)) throw readErrors.brokenPart(part, e instanceof Error ? e.message : String(e));
        options.stats?.bails.push({ part, reason: e.reason });
        // Start again from nothing: the cells counted and texts kept so far belong to the abandoned pass.
        ctx.budget.used = used;
        ctx.strings.length = strings;
        return null;
      }
    },
  };
}

function saxesPass(pkg: OpcPackage, part: string, ctx: WorksheetContext, options: WorksheetOptions): WorksheetData {
  const state = new WorksheetState(part, ctx, pkg.limits);
  pkg.parseXml(part, { open: (name, attrs) => state.open(name, attrs), text: (t) => state.text(t), close: (name) => state.close(name) });
  if (options.stats) options.stats.saxes++;
  return { grid: state.finish(), tablePartIds: state.tablePartIds };
}
