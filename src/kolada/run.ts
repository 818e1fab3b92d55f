/**
 * Everything `styrkoll kolada` and the task pane do, except reading and writing the workbook:
 * model → Kolada → planned cell edits. When Kolada cannot be reached nothing is planned.
 */
import type { Model } from '../core';
import type { WorkbookSnapshot } from '../core';
import { MemoryCache, type KoladaCache } from './cache';
import { DEFAULT_KOLADA_URL, KoladaClient, normalizeBaseUrl } from './client';
import { checkKommunkod, fetchKoladaOutcomes } from './fetch-outcomes';
import { isKoladaUnreachable, type HttpOptions } from './http';
import { planKoladaUpdates, type CellEdit } from './plan';
import { normalizeHeaderText } from './sheet-columns';

export interface KoladaProgress {
  phase: 'hämtar' | 'planerar' | 'klart';
  message: string;
}

export interface RunKoladaOptions extends Omit<HttpOptions, 'onRetry'> {
  model: Model;
  snapshot?: WorkbookSnapshot;
  /**
   * From --kolada-url; else `Kolada-URL` in Inställningar when `trustWorkbookUrl`; else the public
   * v3 API. A workbook may come from anyone: its URL alone never chooses the server.
   */
  baseUrl?: string | null;
  /** Use `Kolada-URL` from Inställningar (the --lita-pa-kolada-url flag). */
  trustWorkbookUrl?: boolean;
  overwrite?: boolean;
  /** Only use cached answers (the --offline flag). */
  offline?: boolean;
  cache?: KoladaCache;
  onProgress?: (p: KoladaProgress) => void;
  /** Latest year to use; default the current calendar year. */
  latestYear?: number;
  /** How many years back to fetch for indicators without Utgångsår. Default 10. */
  defaultYearSpan?: number;
}

export interface KoladaRunResult {
  edits: CellEdit[];
  changes: string[];
  warnings: string[];
  offline: boolean;
  /** The server asked. */
  baseUrl?: string;
  /** Said when the workbook's Kolada-URL was not used, with how to confirm it. */
  urlNote?: string | null;
}

/** Longest span fetched, so a mistyped Utgångsår (e.g. 1900) does not ask for a century. */
const MAX_YEAR_SPAN = 30;

export function settingValue(model: Model, key: string): string | null {
  const want = normalizeHeaderText(key);
  for (const entry of Object.values(model.settings.entries)) {
    if (normalizeHeaderText(entry.key) === want && entry.value !== null && String(entry.value).trim() !== '') {
      return String(entry.value).trim();
    }
  }
  return null;
}

/** `Kolada-URL` from Inställningar, or null. */
export function workbookKoladaUrl(model: Model): string | null {
  return model.settings.koladaUrl?.trim() || settingValue(model, 'Kolada-URL') || null;
}

function sameUrl(a: string, b: string): boolean {
  const norm = (u: string) => {
    try {
      return new URL(normalizeBaseUrl(u)).href.replace(/\/+$/, '');
    } catch {
      return u.trim().replace(/\/+$/, '');
    }
  };
  return norm(a) === norm(b);
}

export interface ResolvedBaseUrl {
  url: string;
  /** Set when Inställningar names another server that was not used, saying how to use it. */
  note: string | null;
}

/**
 * Which Kolada server to ask. The command line decides: --kolada-url, or the workbook's
 * Kolada-URL confirmed with --lita-pa-kolada-url. An unconfirmed Kolada-URL in the workbook is
 * ignored (the public API is asked) and the note says so.
 */
export function resolveBaseUrl(option: string | null | undefined, model: Model, trustWorkbookUrl = false): ResolvedBaseUrl {
  const fromOption = option?.trim();
  const fromWorkbook = workbookKoladaUrl(model);
  if (fromOption) return { url: fromOption, note: null };
  if (!fromWorkbook || sameUrl(fromWorkbook, DEFAULT_KOLADA_URL)) return { url: DEFAULT_KOLADA_URL, note: null };
  if (trustWorkbookUrl) return { url: fromWorkbook, note: null };
  const shown = fromWorkbook.length > 200 ? `${fromWorkbook.slice(0, 199)}…` : fromWorkbook;
  return {
    url: DEFAULT_KOLADA_URL,
    note:
      `Kolada-URL i Inställningar (${shown}) användes inte – värdena hämtades från ${DEFAULT_KOLADA_URL}. ` +
      'En arbetsbok kan komma från vem som helst; lita på adressen genom att ange den med --kolada-url, eller med --lita-pa-kolada-url.',
  };
}

export async function runKolada(options: RunKoladaOptions): Promise<KoladaRunResult> {
  const { model } = options;
  const progress = options.onProgress ?? (() => undefined);
  const indicators = model.indicators;
  if (!indicators) {
    return { edits: [], changes: [], warnings: ['Bladet Indikatorer saknas – inget att hämta från Kolada.'], offline: false };
  }
  const withKolada = indicators.items.filter((i) => i.koladaId && i.koladaId.trim() !== '');
  if (withKolada.length === 0) {
    return { edits: [], changes: [], warnings: [`Ingen indikator i ${indicators.location.name} har Kolada-ID – inget att hämta.`], offline: false };
  }
  const kommunkod = checkKommunkod(model.settings.kommunkod ?? settingValue(model, 'Kommunkod'));
  const latestYear = options.latestYear ?? new Date().getFullYear();
  const span = options.defaultYearSpan ?? 10;
  const firstYears = withKolada.map((i) => Math.min(i.baselineYear ?? latestYear - span + 1, i.outcomeYear ?? latestYear));
  const firstYear = Math.max(latestYear - MAX_YEAR_SPAN + 1, Math.min(...firstYears));
  const years: number[] = [];
  for (let y = firstYear; y <= latestYear; y++) years.push(y);

  const resolved = resolveBaseUrl(options.baseUrl, model, options.trustWorkbookUrl ?? false);
  const client = new KoladaClient({
    ...options,
    baseUrl: resolved.url,
    cache: options.cache ?? new MemoryCache(),
    offline: options.offline ?? false,
    onRetry: (r) => progress({ phase: 'hämtar', message: `Kolada: ${r.reason}, försöker igen om ${Math.ceil(r.delayMs / 1000)} s …` }),
  });

  let data;
  try {
    data = await fetchKoladaOutcomes(client, {
      kpis: withKolada.map((i) => i.koladaId as string),
      kommunkod,
      years,
      jamforelsegrupp: settingValue(model, 'Jämförelsegrupp'),
      onProgress: (message) => progress({ phase: 'hämtar', message }),
    });
  } catch (e) {
    if (!isKoladaUnreachable(e)) throw e;
    const reason = String(e.details?.reason ?? 'okänt fel');
    progress({ phase: 'klart', message: 'Kolada kunde inte nås.' });
    return { edits: [], changes: [], warnings: [`Kolada kunde inte nås (${reason}) – inga värden ändrades.`], offline: true, baseUrl: resolved.url, urlNote: resolved.note };
  }

  progress({ phase: 'planerar', message: 'Jämför med arbetsboken …' });
  const plan = planKoladaUpdates({
    indicators,
    snapshot: options.snapshot,
    data,
    overwrite: options.overwrite ?? false,
    latestYear,
  });
  progress({ phase: 'klart', message: `${plan.changes.length} ändringar planerade.` });
  return { ...plan, offline: false, baseUrl: resolved.url, urlNote: resolved.note };
}
