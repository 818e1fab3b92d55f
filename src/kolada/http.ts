/**
 * One resilient GET for JSON: a timeout per attempt (AbortController), retries with exponential
 * backoff and jitter on 429, 5xx, network errors and timeouts, honouring Retry-After.
 * Uses the global fetch (Node 20 and browsers); tests inject their own.
 */
import { StyrkollError } from '../core';
import { pathOf } from './schemas';

export type FetchLike = (
  url: string,
  init?: { signal?: AbortSignal; headers?: Record<string, string>; redirect?: 'manual' | 'follow' | 'error' },
) => Promise<Response>;

/** Largest response body read from Kolada; a longer one is cut off and refused. */
export const DEFAULT_MAX_BODY_BYTES = 16 * 1024 * 1024;
/** Redirects followed within the configured origin, per request. */
const MAX_REDIRECTS = 5;

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
  /** Largest body read per response, in bytes. Default 16 MB. */
  maxBodyBytes?: number;
  /**
   * The only origin (scheme, host, port) a redirect may lead to: the configured Kolada server's.
   * Default: the origin of the URL asked for.
   */
  allowedOrigin?: string;
  /** Called with the size of every body read (for a budget over a whole run). */
  onBody?: (bytes: number, url: string) => void;
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

export function megabytes(bytes: number): string {
  return `${(bytes / (1024 * 1024)).toLocaleString('sv-SE', { maximumFractionDigits: 1 })} MB`;
}

function tooLarge(url: string, max: number): StyrkollError {
  return new StyrkollError(
    'FIL',
    `Kolada svarade med mer än ${megabytes(max)} på ${pathOf(url)} – svaret avbröts (högst ${megabytes(max)} per svar). Kontrollera Kolada-URL.`,
    { kolada: 'storlek', url, maxBodyBytes: max },
  );
}

class BodyTooLarge extends Error {}

/** Reads the body as text, at most `max` bytes; past that the stream is cancelled and BodyTooLarge thrown. */
async function readBounded(res: Response, max: number): Promise<string> {
  const declared = Number(res.headers.get('content-length'));
  if (Number.isFinite(declared) && declared > max) {
    await res.body?.cancel().catch(() => undefined);
    throw new BodyTooLarge();
  }
  if (!res.body) return '';
  const reader = res.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > max) {
      await reader.cancel().catch(() => undefined);
      throw new BodyTooLarge();
    }
    chunks.push(value);
  }
  const all = new Uint8Array(total);
  let at = 0;
  for (const c of chunks) {
    all.set(c, at);
    at += c.byteLength;
  }
  return new TextDecoder('utf-8').decode(all);
}

function refusedRedirect(url: string, to: string | null, status: number): StyrkollError {
  let where = 'en okänd adress';
  try {
    if (to) where = new URL(to, url).origin;
  } catch {
    // an unreadable Location stays "en okänd adress"
  }
  return new StyrkollError(
    'FIL',
    `Kolada hänvisade vidare (${status}) från ${pathOf(url)} till ${where}, som inte är den inställda servern – Styrkoll följer bara hänvisningar inom ${new URL(url).origin}.`,
    { kolada: 'omdirigering', url, status },
  );
}

function seconds(ms: number): string {
  return `${(ms / 1000).toLocaleString('sv-SE', { maximumFractionDigits: 2 })} s`;
}

type Attempt =
  | { kind: 'ok'; text: string; contentType: string }
  | { kind: 'retry'; reason: string; retryAfterMs: number | null; final: StyrkollError }
  | { kind: 'fail'; error: StyrkollError };

interface AttemptOptions {
  timeoutMs: number;
  fetchImpl: FetchLike;
  maxBodyBytes: number;
  allowedOrigin: string;
  onBody?: (bytes: number, url: string) => void;
}

async function attempt(url: string, o: AttemptOptions): Promise<Attempt> {
  const controller = new AbortController();
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort();
  }, o.timeoutMs);
  try {
    let current = url;
    let res = await o.fetchImpl(current, { signal: controller.signal, headers: { Accept: 'application/json' }, redirect: 'manual' });
    // Redirects are followed by hand, and only within the configured server's origin.
    for (let hops = 0; (res.status >= 300 && res.status < 400) || res.type === 'opaqueredirect'; hops++) {
      const location = res.headers.get('location');
      await res.body?.cancel().catch(() => undefined);
      let next: URL | null = null;
      try {
        next = location ? new URL(location, current) : null;
      } catch {
        next = null;
      }
      if (!next || next.origin !== o.allowedOrigin || hops >= MAX_REDIRECTS) {
        return { kind: 'fail', error: refusedRedirect(current, location, res.status) };
      }
      current = next.href;
      res = await o.fetchImpl(current, { signal: controller.signal, headers: { Accept: 'application/json' }, redirect: 'manual' });
    }
    if (!res.ok) await res.body?.cancel().catch(() => undefined);
    if (res.ok) {
      let text: string;
      try {
        text = await readBounded(res, o.maxBodyBytes);
      } catch (e) {
        if (e instanceof BodyTooLarge) return { kind: 'fail', error: tooLarge(url, o.maxBodyBytes) };
        throw e;
      }
      o.onBody?.(text.length, url);
      return { kind: 'ok', text, contentType: res.headers.get('content-type') ?? '' };
    }
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
  const maxBodyBytes = options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES;
  const allowedOrigin = options.allowedOrigin ?? new URL(url).origin;

  for (let n = 0; ; n++) {
    const result = await attempt(url, { fetchImpl, timeoutMs, maxBodyBytes, allowedOrigin, onBody: options.onBody });
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
