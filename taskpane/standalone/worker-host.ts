/**
 * The worker's side of the protocol, apart from the Web Worker's global scope so that tests can
 * drive it through a fake worker: each request goes to the CheckSession, one at a time in arrival
 * order, and its answer (or its failure, as plain data) is posted back under the request's id.
 */
import { isStyrkollError } from '../../src/core';
import type { CheckSession } from './check-session';
import type { FileOut, ReplyMap, WorkerFailure, WorkerRequest, WorkerResponse } from './worker-protocol';

export type PostResponse = (message: WorkerResponse, transfer?: Transferable[]) => void;

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

async function answer(session: CheckSession, post: PostResponse, req: WorkerRequest): Promise<void> {
  const progress = (p: WorkerResponse & { kind: 'progress' }) => post(p);
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
        value = session.write(req.checkId);
        break;
      case 'reports':
        value = session.reports(req.checkId, req.template, req.namnder, (p) => progress({ id: req.id, kind: 'progress', progress: p }));
        break;
    }
    post({ id: req.id, kind: 'done', value }, transferables(value));
  } catch (e) {
    post({ id: req.id, kind: 'error', error: failure(e) });
  }
}

/** Returns the function each arriving request is given to; the answers keep the arrival order. */
export function answerRequests(session: CheckSession, post: PostResponse): (req: WorkerRequest) => Promise<void> {
  let queue: Promise<void> = Promise.resolve();
  return (req) => (queue = queue.then(() => answer(session, post, req)));
}
