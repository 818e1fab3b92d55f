/**
 * Response cache keyed by URL, so repeated runs do not refetch. Only responses that passed
 * validation are stored. The in-memory cache works everywhere; node-cache.ts adds a file cache.
 * Both are bounded: by the number of entries and by their size together; the oldest go first.
 */
export interface KoladaCache {
  /** The stored JSON for `url`, or undefined when absent or older than the cache's max age. */
  get(url: string): Promise<unknown | undefined>;
  set(url: string, json: unknown): Promise<void>;
}

export const DEFAULT_MAX_AGE_MS = 24 * 60 * 60 * 1000;

export interface CacheLimits {
  /** Entries kept; the oldest are dropped beyond this. */
  maxEntries?: number;
  /** Size of all entries together (their JSON text), in bytes. */
  maxBytes?: number;
}

export const MEMORY_CACHE_LIMITS: Required<CacheLimits> = { maxEntries: 500, maxBytes: 64 * 1024 * 1024 };

export class MemoryCache implements KoladaCache {
  private readonly entries = new Map<string, { storedAt: number; json: unknown; bytes: number }>();
  private bytes = 0;
  private readonly limits: Required<CacheLimits>;

  constructor(
    private readonly maxAgeMs: number = DEFAULT_MAX_AGE_MS,
    private readonly now: () => number = Date.now,
    limits: CacheLimits = {},
  ) {
    this.limits = { ...MEMORY_CACHE_LIMITS, ...limits };
  }

  async get(url: string): Promise<unknown | undefined> {
    const entry = this.entries.get(url);
    if (!entry) return undefined;
    if (this.now() - entry.storedAt > this.maxAgeMs) {
      this.remove(url);
      return undefined;
    }
    return entry.json;
  }

  async set(url: string, json: unknown): Promise<void> {
    const bytes = JSON.stringify(json)?.length ?? 0;
    this.remove(url);
    // An entry larger than the whole cache is not kept at all.
    if (bytes > this.limits.maxBytes) return;
    this.entries.set(url, { storedAt: this.now(), json, bytes });
    this.bytes += bytes;
    for (const oldest of this.entries.keys()) {
      if (this.entries.size <= this.limits.maxEntries && this.bytes <= this.limits.maxBytes) break;
      this.remove(oldest);
    }
  }

  private remove(url: string): void {
    const entry = this.entries.get(url);
    if (!entry) return;
    this.bytes -= entry.bytes;
    this.entries.delete(url);
  }

  get size(): number {
    return this.entries.size;
  }

  /** The size of all entries together (their JSON text). */
  get totalBytes(): number {
    return this.bytes;
  }
}
