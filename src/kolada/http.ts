/**
 * One resilient GET for JSON: a timeout per attempt (AbortController), retries with exponential
 * backoff and jitter on 429, 5xx, network errors and timeouts, honouring Retry-After.
 * Uses the global fetch (Node 20 and browsers); tests inject their own.
 */
import { StyrkollError } from '../core/errors';
import { pathOf } from './schemas';

export type FetchLike = (url: string, init?: { signal?: AbortSignal; headers?: Record<string, string> }) => Promise<Response>;

export interface HttpOptions {
  fetchImpl?: FetchLike;
  /** Per attempt, including reading the body. Default 15 000 ms. */
  timeoutMs?: number;
  /** Retries after the first attempt. Default 3. */
  retries?: number;
  /** First backoff delay; doubles per retry. Default 500 ms. */
  backoffMs?: number;
  /** Upper bound for one wait, also for a Retry-After. Default 30 000 ms. */
  maxDelayMs?: number;
  /** Injectable for tests: waits `ms` milliseconds. */
  sleep?: (ms: number) => Promise<void>;
  /** Injectable for tests: a number in [0, 1) for the jitter. */
  random?: () => number;
  /** Called before each retry, e.g. for a progress line. */
  onRetry?: (info: { url: string; attempt: number; delayMs: number; reason: string }) => void;
}

/** Marks errors that mean "Kolada could not be reached" (the caller then reports offline). */
export const UNREACHABLE = 'ej-nåbar';

export function isKoladaUnreachable(e: unknown): e is StyrkollError {
  return e instanceof StyrkollError && e.details?.kolada === UNREACHABLE;
}

const defaultSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Seconds or an HTTP date → milliseconds to wait, or null when absent or unreadable. */
export function parseRetryAfter(header: string | null, now: number = Date.now()): number | null {
  if (header == null || header.trim() === '') return null;
  const text = header.trim();
  if (/^\d+(\.\d+)?$/.test(text)) return Math.round(Number(text) * 1000);
  const date = Date.parse(text);
  return Number.isNaN(date) ? null : Math.max(0, date - now);
}

function networkReason(e: unknown): string {
  const cause = (e as { cause?: { code?: string } })?.cause;
  switch (cause?.code) {
    case 'ECONNREFUSED':
      return 'anslutningen nekades';
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return 'servern hittades inte';
    case 'ECONNRESET':
    case 'UND_ERR_SOCKET':
      return 'anslutningen bröts';
    default:
      return 'nätverksfel';
  }
}

function seconds(ms: number): string {
  return `${(ms / 1000).toLocaleString('sv-SE', { maximumFractionDigits: 2 })} s`;
}

type Attempt =
  | { kind: 'ok'; text: string; contentType: string }
  | { kind: 'retry'; reason: string; retryAfterMs: number | null; final: StyrkollError }
  | { kind: 'fail'; error: StyrkollError };

async function attempt(url: string, o: Required<Pick<HttpOptions, 'timeoutMs'>> & { fetchImpl: FetchLike }): Promise<Attempt> {
  const controller = new AbortController();
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort();
  }, o.timeoutMs);
  try {
    const res = await o.fetchImpl(url, { signal: controller.signal, headers: { Accept: 'application/json' } });
    const text = await res.text();
    if (res.ok) return { kind: 'ok', text, contentType: res.headers.get('content-type') ?? '' };
    if (res.status === 429 || res.status >= 500) {
      const reason = res.status === 429 ? 'för många anrop (429)' : `serverfel ${res.status}`;
      return {
        kind: 'retry',
        reason,
        retryAfterMs: parseRetryAfter(res.headers.get('retry-after')),
        final: new StyrkollError('FIL', `Kolada kunde inte nås (${reason}) på ${pathOf(url)}.`, { kolada: UNREACHABLE, url, reason }),
      };
    }
    return {
      kind: 'fail',
      error: new StyrkollError(
        'FIL',
        `Kolada svarade ${res.status} på ${pathOf(url)} – kontrollera Kolada-ID:n och Kolada-URL i Inställningar.`,
        { kolada: 'http', url, status: res.status },
      ),
    };
  } catch (e) {
    if (timedOut) {
      const reason = `svarade inte inom ${seconds(o.timeoutMs)}`;
      return {
        kind: 'retry',
        reason,
        retryAfterMs: null,
        final: new StyrkollError('TIDSGRANS', `Kolada kunde inte nås (${reason}) på ${pathOf(url)}.`, { kolada: UNREACHABLE, url, reason }),
      };
    }
    const reason = networkReason(e);
    return {
      kind: 'retry',
      reason,
      retryAfterMs: null,
      final: new StyrkollError('FIL', `Kolada kunde inte nås (${reason}) på ${pathOf(url)}.`, { kolada: UNREACHABLE, url, reason }),
    };
  } finally {
    clearTimeout(timer);
  }
}

/** GETs `url` and returns the parsed JSON body. Throws StyrkollError (see isKoladaUnreachable). */
export async function getJson(url: string, options: HttpOptions = {}): Promise<unknown> {
  const fetchImpl = options.fetchImpl ?? ((u, init) => fetch(u, init));
  const timeoutMs = options.timeoutMs ?? 15_000;
  const retries = options.retries ?? 3;
  const backoffMs = options.backoffMs ?? 500;
  const maxDelayMs = options.maxDelayMs ?? 30_000;
  const sleep = options.sleep ?? defaultSleep;
  const random = options.random ?? Math.random;

  for (let n = 0; ; n++) {
    const result = await attempt(url, { fetchImpl, timeoutMs });
    if (result.kind === 'fail') throw result.error;
    if (result.kind === 'retry') {
      if (n >= retries) throw result.final;
      // Full backoff with jitter in [50 %, 100 %]; a Retry-After from the server wins.
      const backoff = backoffMs * 2 ** n * (0.5 + random() / 2);
      const delayMs = Math.min(maxDelayMs, result.retryAfterMs ?? backoff);
      options.onRetry?.({ url, attempt: n + 1, delayMs, reason: result.reason });
      await sleep(delayMs);
      continue;
    }
    try {
      return JSON.parse(result.text) as unknown;
    } catch {
      const what = /html/i.test(result.contentType) || /^\s*</.test(result.text) ? 'en webbsida (HTML)' : 'text som inte är JSON';
      throw new StyrkollError(
        'FIL',
        `Kolada svarade med ${what} i stället för JSON på ${pathOf(url)} – kontrollera Kolada-URL i Inställningar.`,
        { kolada: 'format', url },
      );
    }
  }
}
