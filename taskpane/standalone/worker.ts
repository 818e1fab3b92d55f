/**
 * The standalone page's Web Worker: reading, checking and writing are synchronous and CPU heavy,
 * so they run here and the page keeps answering. One request at a time, in arrival order.
 */
import { isStyrkollError } from '../../src/core';
import { CheckSession } from './check-session';
import type { FileOut, ReplyMap, WorkerFailure, WorkerRequest, WorkerResponse } from './worker-protocol';

interface WorkerScope {
  postMessage(message: WorkerResponse, transfer?: Transferable[]): void;
  onmessage: ((event: MessageEvent<WorkerRequest>) => void) | null;
}

const scope = self as unknown as WorkerScope;
const session = new CheckSession();
let queue: Promise<void> = Promise.resolve();

function failure(e: unknown): WorkerFailure {
  if (isStyrkollError(e)) return { code: e.code, message: e.message };
  const text = e instanceof Error ? e.message : String(e);
  return { code: null, message: text.split('\n')[0].slice(0, 200) };
}

/** The bytes of made files move to the page instead of being copied. */
function transferables(value: ReplyMap[keyof ReplyMap]): Transferable[] {
  const files: FileOut[] = 'bytes' in value ? [value] : 'files' in value ? [...value.files, value.zip] : [];
  return [...new Set(files.map((f) => f.bytes.buffer as ArrayBuffer))];
}

async function handle(req: WorkerRequest): Promise<void> {
  const progress = (p: WorkerResponse & { kind: 'progress' }) => scope.postMessage(p);
  try {
    let value: ReplyMap[keyof ReplyMap];
    switch (req.kind) {
      case 'init':
        value = session.init();
        break;
      case 'check':
        value = await session.check(req.name, req.bytes, req.settings, (p) => progress({ id: req.id, kind: 'progress', progress: p }), req.mapping ?? null);
        break;
      case 'write':
        value = session.write();
        break;
      case 'reports':
        value = session.reports(req.template, req.namnder, (p) => progress({ id: req.id, kind: 'progress', progress: p }));
        break;
    }
    scope.postMessage({ id: req.id, kind: 'done', value }, transferables(value));
  } catch (e) {
    scope.postMessage({ id: req.id, kind: 'error', error: failure(e) });
  }
}

scope.onmessage = (event) => {
  queue = queue.then(() => handle(event.data));
};
