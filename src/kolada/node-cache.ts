/**
 * File cache for Node (the CLI): one JSON file per URL under a cache directory, named by the
 * URL's SHA-256. Entries older than the max age are ignored; unreadable files count as misses.
 * The folder is bounded: after each write the oldest entries go until at most `maxEntries` files
 * of at most `maxBytes` together remain, and a file larger than that is never read.
 */
import { createHash } from 'node:crypto';
import { mkdir, readdir, readFile, rename, stat, unlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { DEFAULT_MAX_AGE_MS, type CacheLimits, type KoladaCache } from './cache';

interface StoredEntry {
  url: string;
  storedAt: number;
  json: unknown;
}

export const FILE_CACHE_LIMITS: Required<CacheLimits> = { maxEntries: 2000, maxBytes: 256 * 1024 * 1024 };
const ENTRY = /^[0-9a-f]{64}\.json$/;

export class FileCache implements KoladaCache {
  private readonly limits: Required<CacheLimits>;

  constructor(
    readonly dir: string,
    private readonly maxAgeMs: number = DEFAULT_MAX_AGE_MS,
    private readonly now: () => number = Date.now,
    limits: CacheLimits = {},
  ) {
    this.limits = { ...FILE_CACHE_LIMITS, ...limits };
  }

  private fileFor(url: string): string {
    return join(this.dir, `${createHash('sha256').update(url).digest('hex')}.json`);
  }

  async get(url: string): Promise<unknown | undefined> {
    let entry: StoredEntry;
    try {
      const file = this.fileFor(url);
      if ((await stat(file)).size > this.limits.maxBytes) return undefined;
      entry = JSON.parse(await readFile(file, 'utf8')) as StoredEntry;
    } catch {
      return undefined;
    }
    // The URL is stored too, so a (theoretical) hash collision is a miss, not wrong data.
    if (entry?.url !== url || typeof entry.storedAt !== 'number') return undefined;
    if (this.now() - entry.storedAt > this.maxAgeMs) return undefined;
    return entry.json;
  }

  async set(url: string, json: unknown): Promise<void> {
    const entry: StoredEntry = { url, storedAt: this.now(), json };
    const text = JSON.stringify(entry);
    if (Buffer.byteLength(text) > this.limits.maxBytes) return;
    await mkdir(this.dir, { recursive: true });
    const file = this.fileFor(url);
    const tmp = `${file}.${process.pid}.${Date.now()}.tmp`;
    await writeFile(tmp, text, 'utf8');
    await rename(tmp, file);
    await this.prune();
  }

  /** Removes the oldest entries (by modification time) beyond the limits. Best effort. */
  async prune(): Promise<void> {
    let names: string[];
    try {
      names = (await readdir(this.dir)).filter((n) => ENTRY.test(n));
    } catch {
      return;
    }
    const files: { path: string; size: number; mtime: number }[] = [];
    for (const n of names) {
      try {
        const s = await stat(join(this.dir, n));
        files.push({ path: join(this.dir, n), size: s.size, mtime: s.mtimeMs });
      } catch {
        // gone meanwhile
      }
    }
    files.sort((a, b) => a.mtime - b.mtime);
    let total = files.reduce((sum, f) => sum + f.size, 0);
    let count = files.length;
    for (const f of files) {
      if (count <= this.limits.maxEntries && total <= this.limits.maxBytes) break;
      await unlink(f.path).catch(() => undefined);
      total -= f.size;
      count -= 1;
    }
  }
}
