/**
 * The standalone page's Web Worker: reading, checking and writing are synchronous and CPU heavy,
 * so they run here and the page keeps answering. One request at a time, in arrival order
 * (worker-host.ts).
 */
import { CheckSession } from './check-session';
import { answerRequests } from './worker-host';
import type { WorkerRequest, WorkerResponse } from './worker-protocol';

interface WorkerScope {
  postMessage(message: WorkerResponse, transfer?: Transferable[]): void;
  onmessage: ((event: MessageEvent<WorkerRequest>) => void) | null;
}

const scope = self as unknown as WorkerScope;
const receive = answerRequests(new CheckSession(), (message, transfer) => scope.postMessage(message, transfer ?? []));

scope.onmessage = (event) => void receive(event.data);
