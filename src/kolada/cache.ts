/**
 * Response cache keyed by URL, so repeated runs do not refetch. Only responses that passed
 * validation are stored. The in-memory cache works everywhere; node-cache.ts adds a file cache.
 */
export interface KoladaCache {
  /** The stored JSON for `url`, or undefined when absent or older than the cache's max age. */
  get(url: string): Promise<unknown | undefined>;
  set(url: string, json: unknown): Promise<void>;
}

export const DEFAULT_MAX_AGE_MS = 24 * 60 * 60 * 1000;

export class MemoryCache implements KoladaCache {
  private readonly entries = new Map<string, { storedAt: number; json: unknown }>();

  constructor(
    private readonly maxAgeMs: number = DEFAULT_MAX_AGE_MS,
    private readonly now: () => number = Date.now,
  ) {}

  async get(url: string): Promise<unknown | undefined> {
    const entry = this.entries.get(url);
    if (!entry) return undefined;
    if (this.now() - entry.storedAt > this.maxAgeMs) {
      this.entries.delete(url);
      return undefined;
    }
    return entry.json;
  }

  async set(url: string, json: unknown): Promise<void> {
    this.entries.set(url, { storedAt: this.now(), json });
  }

  get size(): number {
    return this.entries.size;
  }
}
