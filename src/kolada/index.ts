/**
 * Kolada (the open database of municipal KPIs): fetch indicator outcomes and plan the cell edits
 * that fill Utfall/Utfallsår and the comparison columns. Runs in Node and in the browser; the
 * Node file cache lives in ./node-cache (import it directly, it needs the file system).
 */
export { KoladaClient, DEFAULT_KOLADA_URL, MAX_IDS_PER_SEGMENT, MAX_PER_PAGE, chunk, normalizeBaseUrl } from './client';
export type { KoladaClientOptions } from './client';
export { MemoryCache, DEFAULT_MAX_AGE_MS } from './cache';
export type { KoladaCache } from './cache';
export { getJson, isKoladaUnreachable, parseRetryAfter } from './http';
export type { FetchLike, HttpOptions } from './http';
export { fetchKoladaOutcomes, lanIdFor, checkKommunkod, RIKET_ID } from './fetch-outcomes';
export type { Area, ComparisonGroup, FetchOutcomesRequest, KoladaOutcomeData } from './fetch-outcomes';
export { planKoladaUpdates, HEADERS as KOLADA_HEADERS } from './plan';
export type { CellEdit, KoladaPlan, PlanInput } from './plan';
export { runKolada, resolveBaseUrl, settingValue, workbookKoladaUrl } from './run';
export type { KoladaProgress, KoladaRunResult, ResolvedBaseUrl, RunKoladaOptions } from './run';
export type { KoladaDataRow, KoladaKpi, KoladaMunicipality, KoladaMunicipalityGroup, KoladaValue } from './schemas';
