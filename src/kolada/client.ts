/**
 * Kolada API v3 client: builds the URLs, splits long id lists (at most 25 per path segment),
 * follows `next_url`, validates every page with zod and caches validated pages by URL.
 */
import type { z } from 'zod';
import { StyrkollError } from '../core';
import type { KoladaCache } from './cache';
import { DEFAULT_MAX_BODY_BYTES, getJson, megabytes, UNREACHABLE, type HttpOptions } from './http';
import {
  envelope,
  KoladaDataRow,
  KoladaKpi,
  KoladaMunicipality,
  KoladaMunicipalityGroup,
  parseResponse,
  pathOf,
} from './schemas';

export const DEFAULT_KOLADA_URL = 'https://api.kolada.se/v3';
/** Kolada refuses longer id lists in one path segment (HTTP 422). */
export const MAX_IDS_PER_SEGMENT = 25;
export const MAX_PER_PAGE = 5000;
/** Pages followed by `next_url` for one question; Kolada's largest answers need a handful. */
export const DEFAULT_MAX_PAGES = 100;
/** All bodies read by one client together (one run); each body is capped as well (http.ts). */
export const DEFAULT_MAX_TOTAL_BYTES = 128 * 1024 * 1024;

export interface KoladaClientOptions extends HttpOptions {
  baseUrl?: string;
  cache?: KoladaCache;
  /** Only answer from the cache; a miss is reported as "Kolada kunde inte nås". */
  offline?: boolean;
  /** `per_page` for data requests, 1–5000. Default 5000. */
  perPage?: number;
  /** Ids per path segment, 1–25. Default 25. */
  maxIdsPerSegment?: number;
  /** Called for every URL actually requested from the network (not for cache hits). */
  onRequest?: (url: string) => void;
  /** Pages followed per question (`next_url`). Default 100. */
  maxPages?: number;
  /** Bytes read from the network by this client in all. Default 128 MB. */
  maxTotalBytes?: number;
}

export function chunk<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

function segment(ids: readonly (string | number)[]): string {
  return ids.map((id) => encodeURIComponent(String(id))).join(',');
}

export function normalizeBaseUrl(url: string): string {
  const trimmed = url.trim().replace(/\/+$/, '');
  let parsed: URL;
  try {
    parsed = new URL(trimmed);
  } catch {
    throw new StyrkollError('ARGUMENT', `Kolada-URL "${url}" är ingen giltig webbadress (t.ex. ${DEFAULT_KOLADA_URL}).`);
  }
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') {
    throw new StyrkollError('ARGUMENT', `Kolada-URL "${url}" måste börja med https:// eller http://.`);
  }
  return trimmed;
}

export class KoladaClient {
  readonly baseUrl: string;
  private readonly perPage: number;
  private readonly maxIds: number;
  private readonly maxPages: number;
  private readonly maxTotalBytes: number;
  private bytesRead = 0;

  constructor(private readonly options: KoladaClientOptions = {}) {
    this.baseUrl = normalizeBaseUrl(options.baseUrl ?? DEFAULT_KOLADA_URL);
    this.perPage = Math.min(MAX_PER_PAGE, Math.max(1, Math.floor(options.perPage ?? MAX_PER_PAGE)));
    this.maxIds = Math.min(MAX_IDS_PER_SEGMENT, Math.max(1, Math.floor(options.maxIdsPerSegment ?? MAX_IDS_PER_SEGMENT)));
    this.maxPages = Math.max(1, Math.floor(options.maxPages ?? DEFAULT_MAX_PAGES));
    this.maxTotalBytes = Math.max(1, Math.floor(options.maxTotalBytes ?? DEFAULT_MAX_TOTAL_BYTES));
  }

  /** Data rows for every combination of the given KPIs, municipalities and years. */
  async getData(kpis: readonly string[], municipalities: readonly string[], years: readonly number[]): Promise<KoladaDataRow[]> {
    const rows: KoladaDataRow[] = [];
    if (kpis.length === 0 || municipalities.length === 0 || years.length === 0) return rows;
    for (const k of chunk(unique(kpis), this.maxIds)) {
      for (const m of chunk(unique(municipalities), this.maxIds)) {
        for (const y of chunk(unique(years), this.maxIds)) {
          const url = `${this.baseUrl}/data/kpi/${segment(k)}/municipality/${segment(m)}/year/${segment(y)}?per_page=${this.perPage}`;
          rows.push(...(await this.getPages(url, KoladaDataRow)));
        }
      }
    }
    return rows;
  }

  /** KPI metadata; all KPIs when `ids` is omitted. */
  async getKpis(ids?: readonly string[]): Promise<KoladaKpi[]> {
    return this.getMeta('kpi', ids, KoladaKpi);
  }

  /** Municipality metadata (kommuner, regioner/län, riket 0000); all when `ids` is omitted. */
  async getMunicipalities(ids?: readonly string[]): Promise<KoladaMunicipality[]> {
    return this.getMeta('municipality', ids, KoladaMunicipality);
  }

  /** A municipality group with its members, or null when Kolada does not know the id. */
  async getMunicipalityGroup(id: string): Promise<KoladaMunicipalityGroup | null> {
    const groups = await this.getPages(`${this.baseUrl}/municipality_groups/${segment([id])}`, KoladaMunicipalityGroup);
    return groups.find((g) => g.id === id) ?? groups[0] ?? null;
  }

  private async getMeta<T extends z.ZodType>(entity: string, ids: readonly string[] | undefined, item: T): Promise<z.infer<T>[]> {
    if (ids === undefined) return this.getPages(`${this.baseUrl}/${entity}?per_page=${this.perPage}`, item);
    const out: z.infer<T>[] = [];
    for (const part of chunk(unique(ids), this.maxIds)) {
      out.push(...(await this.getPages(`${this.baseUrl}/${entity}/${segment(part)}`, item)));
    }
    return out;
  }

  /** Follows `next_url` until it is null, validating (and caching) each page. */
  private async getPages<T extends z.ZodType>(firstUrl: string, item: T): Promise<z.infer<T>[]> {
    const schema = envelope(item);
    const out: z.infer<T>[] = [];
    const seen = new Set<string>();
    let url: string | null = firstUrl;
    while (url !== null) {
      if (seen.has(url)) {
        throw new StyrkollError('FIL', `Kolada svarade med en sidhänvisning som går i cirkel på ${pathOf(url)}.`, { kolada: 'format', url });
      }
      if (seen.size >= this.maxPages) {
        throw new StyrkollError(
          'FIL',
          `Kolada svarade med fler än ${this.maxPages} sidor på ${pathOf(firstUrl)} – hämtningen avbröts (högst ${this.maxPages} sidor per fråga). Kontrollera Kolada-URL.`,
          { kolada: 'sidor', url: firstUrl, maxPages: this.maxPages },
        );
      }
      seen.add(url);
      const { json, fromCache } = await this.getJsonCached(url);
      const page = parseResponse(schema, json, url) as z.infer<typeof schema>;
      // Cache only what validated: a broken answer must not be replayed on the next run.
      if (!fromCache && this.options.cache) await this.options.cache.set(url, json);
      out.push(...(page.values as z.infer<T>[]));
      // An empty page ends the list even if it still points onwards.
      url = page.next_url && page.values.length > 0 ? this.resolveNext(page.next_url, url) : null;
    }
    return out;
  }

  private async getJsonCached(url: string): Promise<{ json: unknown; fromCache: boolean }> {
    const cache = this.options.cache;
    const hit = cache ? await cache.get(url) : undefined;
    if (hit !== undefined) return { json: hit, fromCache: true };
    if (this.options.offline) {
      throw new StyrkollError('FIL', `Kolada kunde inte nås (offlineläge och inget sparat svar för ${pathOf(url)}).`, {
        kolada: UNREACHABLE,
        url,
        reason: 'offlineläge',
      });
    }
    if (this.bytesRead >= this.maxTotalBytes) throw this.budgetSpent(url);
    this.options.onRequest?.(url);
    const json = await getJson(url, {
      ...this.options,
      // Redirects only within the configured server (http.ts refuses any other origin).
      allowedOrigin: new URL(this.baseUrl).origin,
      maxBodyBytes: Math.min(this.options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES, this.maxTotalBytes - this.bytesRead),
      onBody: (bytes, u) => {
        this.bytesRead += bytes;
        this.options.onBody?.(bytes, u);
      },
    });
    return { json, fromCache: false };
  }

  private budgetSpent(url: string): StyrkollError {
    return new StyrkollError(
      'FIL',
      `Kolada har redan skickat ${megabytes(this.bytesRead)} i den här körningen – hämtningen avbröts vid ${pathOf(url)} (högst ${megabytes(this.maxTotalBytes)}).`,
      { kolada: 'storlek', url, maxTotalBytes: this.maxTotalBytes },
    );
  }

  /**
   * `next_url` is absolute and points at Kolada's own host. Requests stay on the configured
   * server (a proxy or a test server): a different origin is replaced by the base URL's origin.
   */
  private resolveNext(next: string, current: string): string {
    const resolved = new URL(next, current);
    const base = new URL(this.baseUrl);
    if (resolved.origin !== base.origin) return base.origin + resolved.pathname + resolved.search;
    return resolved.href;
  }
}

function unique<T>(items: readonly T[]): T[] {
  return [...new Set(items)];
}
