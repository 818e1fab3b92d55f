import { OP_OVERHEAD_BYTES, TARGET_REQUEST_BYTES } from './payload';

export interface Syncable {
  sync(): Promise<unknown>;
}

/**
 * Queues Office.js operations and syncs when the next one would push the request past the
 * payload budget, so a large Kontroll sheet becomes a few requests instead of one rejected one.
 * `beforeBatch` runs at the start of every request (suspending calculation lasts one sync only).
 */
export class SyncBatcher {
  private queuedBytes = 0;
  private open = false;
  syncs = 0;

  constructor(
    private readonly context: Syncable,
    private readonly options: { maxBytes?: number; beforeBatch?: () => void } = {},
  ) {}

  /** Queues one operation whose data is about `bytes` long. */
  async add(bytes: number, queue: () => void): Promise<void> {
    const cost = bytes + OP_OVERHEAD_BYTES;
    if (this.open && this.queuedBytes + cost > (this.options.maxBytes ?? TARGET_REQUEST_BYTES)) await this.flush();
    if (!this.open) {
      this.open = true;
      this.options.beforeBatch?.();
    }
    queue();
    this.queuedBytes += cost;
  }

  async flush(): Promise<void> {
    if (!this.open) return;
    this.open = false;
    this.queuedBytes = 0;
    this.syncs++;
    await this.context.sync();
  }
}
