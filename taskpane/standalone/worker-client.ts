/**
 * The page's side of the worker: one promise per request, progress passed on, and failures turned
 * back into StyrkollErrors so the pane shows their Swedish line. Takes any Worker-like object, so
 * it does not depend on how the worker is started.
 */
import type { CheckProgress } from '../../src/core';
import { StyrkollError, type ErrorCode } from '../../src/core';
import type { ReplyMap, WorkerRequest, WorkerResponse } from './worker-protocol';

export interface WorkerLike {
  postMessage(message: unknown, transfer?: Transferable[]): void;
  onmessage: ((event: MessageEvent) => void) | null;
  onerror: ((event: ErrorEvent) => void) | null;
}

type Payload<K extends keyof ReplyMap> = Omit<Extract<WorkerRequest, { kind: K }>, 'id' | 'kind'>;

interface Pending {
  resolve(value: unknown): void;
  reject(error: unknown): void;
  onProgress?: (p: CheckProgress) => void;
}

const START_FAILED = 'Webbläsaren kunde inte starta kontrollen i bakgrunden. Ladda om sidan; hjälper det inte, använd en aktuell version av Edge, Chrome, Firefox eller Safari.';

export class WorkerClient {
  private nextId = 1;
  private readonly pending = new Map<number, Pending>();

  constructor(private readonly worker: WorkerLike) {
    worker.onmessage = (event: MessageEvent<WorkerResponse>) => this.receive(event.data);
    // A worker that cannot load or dies (out of memory) fails everything still waiting.
    worker.onerror = (event) => {
      event.preventDefault?.();
      const error = new StyrkollError('FIL', START_FAILED);
      for (const p of this.pending.values()) p.reject(error);
      this.pending.clear();
    };
  }

  request<K extends keyof ReplyMap>(kind: K, payload: Payload<K>, onProgress?: (p: CheckProgress) => void, transfer: Transferable[] = []): Promise<ReplyMap[K]> {
    const id = this.nextId++;
    return new Promise<ReplyMap[K]>((resolve, reject) => {
      this.pending.set(id, { resolve: resolve as (v: unknown) => void, reject, onProgress });
      this.worker.postMessage({ id, kind, ...payload }, transfer);
    });
  }

  private receive(msg: WorkerResponse): void {
    const p = this.pending.get(msg.id);
    if (!p) return;
    if (msg.kind === 'progress') {
      p.onProgress?.(msg.progress);
      return;
    }
    this.pending.delete(msg.id);
    if (msg.kind === 'done') p.resolve(msg.value);
    else p.reject(msg.error.code ? new StyrkollError(msg.error.code as ErrorCode, msg.error.message) : new Error(msg.error.message));
  }
}
