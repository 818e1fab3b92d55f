/**
 * Everything `styrkoll kolada` and the task pane do, except reading and writing the workbook:
 * model → Kolada → planned cell edits. When Kolada cannot be reached nothing is planned.
 */
import type { Model } from '../core/model';
import type { WorkbookSnapshot } from '../core/snapshot';
import { MemoryCache, type KoladaCache } from './cache';
import { DEFAULT_KOLADA_URL, KoladaClient } from './client';
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
  /** From --kolada-url; else `Kolada-URL` in Inställningar; else the public v3 API. */
  baseUrl?: string | null;
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

export function resolveBaseUrl(option: string | null | undefined, model: Model): string {
  return option?.trim() || model.settings.koladaUrl?.trim() || settingValue(model, 'Kolada-URL') || DEFAULT_KOLADA_URL;
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

  const client = new KoladaClient({
    ...options,
    baseUrl: resolveBaseUrl(options.baseUrl, model),
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
    return { edits: [], changes: [], warnings: [`Kolada kunde inte nås (${reason}) – inga värden ändrades.`], offline: true };
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
  return { ...plan, offline: false };
}
