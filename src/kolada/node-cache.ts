/**
 * File cache for Node (the CLI): one JSON file per URL under a cache directory, named by the
 * URL's SHA-256. Entries older than the max age are ignored; unreadable files count as misses.
 */
import { createHash } from 'node:crypto';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { DEFAULT_MAX_AGE_MS, type KoladaCache } from './cache';

interface StoredEntry {
  url: string;
  storedAt: number;
  json: unknown;
}

export class FileCache implements KoladaCache {
  constructor(
    readonly dir: string,
    private readonly maxAgeMs: number = DEFAULT_MAX_AGE_MS,
    private readonly now: () => number = Date.now,
  ) {}

  private fileFor(url: string): string {
    return join(this.dir, `${createHash('sha256').update(url).digest('hex')}.json`);
  }

  async get(url: string): Promise<unknown | undefined> {
    let entry: StoredEntry;
    try {
      entry = JSON.parse(await readFile(this.fileFor(url), 'utf8')) as StoredEntry;
    } catch {
      return undefined;
    }
    // The URL is stored too, so a (theoretical) hash collision is a miss, not wrong data.
    if (entry?.url !== url || typeof entry.storedAt !== 'number') return undefined;
    if (this.now() - entry.storedAt > this.maxAgeMs) return undefined;
    return entry.json;
  }

  async set(url: string, json: unknown): Promise<void> {
    await mkdir(this.dir, { recursive: true });
    const file = this.fileFor(url);
    const tmp = `${file}.${process.pid}.${Date.now()}.tmp`;
    const entry: StoredEntry = { url, storedAt: this.now(), json };
    await writeFile(tmp, JSON.stringify(entry), 'utf8');
    await rename(tmp, file);
  }
}
