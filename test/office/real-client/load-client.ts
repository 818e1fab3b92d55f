/**
 * Loads the real Office.js Excel client that ships in @microsoft/office-js into a Node vm context
 * and gives request contexts whose requests go to a host model instead of Excel. The seam is the
 * client's own: a SessionBase whose _createRequestExecutorOrNull returns the executor that gets
 * every sync's request message ({ Actions, ObjectPaths }) and returns the response message.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import vm from 'node:vm';

/** The client script; the web build is the one Excel on the web loads (office.js picks it by host). */
export const CLIENT_FILE = path.resolve(__dirname, '..', '..', '..', 'node_modules', '@microsoft', 'office-js', 'dist', 'excel-web-16.00.debug.js');

export interface RequestMessage {
  Url: string;
  Headers: Record<string, string>;
  Body: { Actions: any[]; ObjectPaths: Record<string, any>; AutoKeepReference?: boolean };
}

export interface ResponseMessage {
  HttpStatusCode: number;
  ErrorCode: string | null;
  ErrorMessage: string | null;
  Headers: Record<string, string>;
  Body: unknown;
}

export interface RequestExecutor {
  execute(request: RequestMessage, flags: number): ResponseMessage;
}

export interface OfficeClient {
  Excel: any;
  OfficeExtension: any;
  /** A bare request context whose syncs go to `executor` (no Excel.run: nothing is tracked automatically). */
  newContext(executor: RequestExecutor): Excel.RequestContext;
  /** Excel.run against `executor`, as the add-in runs every batch (objects loaded are tracked, then released). */
  run<T>(executor: RequestExecutor, batch: (context: Excel.RequestContext) => Promise<T>): Promise<T>;
}

let cached: OfficeClient | null = null;

/** The client, loaded once per test file (parsing the 3 MB script takes a moment). */
export function loadOfficeClient(): OfficeClient {
  if (cached) return cached;
  const source = readFileSync(CLIENT_FILE, 'utf8');
  // The minimal globals the script needs: it installs Office, OfficeExtension and Excel on `window`.
  const globals: Record<string, unknown> = { console, setTimeout, clearTimeout, Promise, JSON, navigator: { userAgent: 'node' } };
  globals.window = globals;
  globals.self = globals;
  vm.runInContext(source, vm.createContext(globals), { filename: path.basename(CLIENT_FILE) });
  const OfficeExtension = globals.OfficeExtension as any;
  const Excel = globals.Excel as any;
  if (!OfficeExtension?.SessionBase || !Excel?.RequestContext) throw new Error(`${CLIENT_FILE} did not define OfficeExtension and Excel`);

  class HostSession extends OfficeExtension.SessionBase {
    constructor(private readonly executor: RequestExecutor) {
      super();
    }
    _resolveRequestUrlAndHeaderInfo() {
      return Promise.resolve({ url: 'https://excel.host.model/', headers: {} });
    }
    _createRequestExecutorOrNull() {
      const executor = this.executor;
      return {
        executeAsync: (_customData: unknown, flags: number, message: RequestMessage) =>
          new Promise<ResponseMessage>((resolve, reject) => {
            // Asynchronous like a real round trip, so nothing relies on a sync finishing at once.
            setImmediate(() => {
              try {
                resolve(executor.execute(message, flags));
              } catch (error) {
                reject(error);
              }
            });
          }),
      };
    }
  }
  cached = {
    Excel,
    OfficeExtension,
    newContext: (executor) => new Excel.RequestContext(new HostSession(executor)),
    run: (executor, batch) => Excel.run(new HostSession(executor), batch),
  };
  return cached;
}
