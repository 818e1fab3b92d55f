/**
 * A hostile Kolada server (the fake on 127.0.0.1): an endless body, a huge title, a redirect to
 * another origin, 10 000 next_url pages. Each ends quickly with a Swedish message that names the
 * limit, and memory stays bounded. Nothing leaves the loopback interface.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { isStyrkollError, StyrkollError } from '../../../src/core/errors';
import { KoladaClient, MemoryCache, type KoladaClientOptions } from '../../../src/kolada';
import { MAX_TEXT_LENGTH } from '../../../src/kolada/schemas';
import { hedemoraData, recordingFetch, startFakeKolada, verifyAndClose, type FakeKolada } from '../fake-kolada';

let server: FakeKolada | null = null;
let rec: ReturnType<typeof recordingFetch>;

beforeEach(() => {
  rec = recordingFetch();
});

afterEach(async () => {
  if (server) {
    await verifyAndClose(server, rec);
    server = null;
  }
});

function client(extra: Partial<KoladaClientOptions> = {}): KoladaClient {
  return new KoladaClient({ baseUrl: server!.url, fetchImpl: rec.fetchImpl, sleep: async () => undefined, retries: 0, ...extra });
}

async function rejection(p: Promise<unknown>): Promise<StyrkollError> {
  const e = await p.then(
    () => null,
    (err: unknown) => err,
  );
  if (!isStyrkollError(e)) throw new Error(`expected a StyrkollError, got ${String(e)}`);
  return e;
}

/** Runs `work`, returning its result with the wall time and the growth of the resident set. */
async function measured<T>(work: () => Promise<T>): Promise<{ value: T; ms: number; rssGrowthMb: number }> {
  const before = process.memoryUsage().rss;
  let peak = before;
  const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 5);
  const start = Date.now();
  try {
    const value = await work();
    return { value, ms: Date.now() - start, rssGrowthMb: (Math.max(peak, process.memoryUsage().rss) - before) / 1024 / 1024 };
  } finally {
    clearInterval(sampler);
  }
}

const log = (name: string, m: { ms: number; rssGrowthMb: number }) => process.stdout.write(`${name}: ${m.ms} ms, RSS +${m.rssGrowthMb.toFixed(0)} MB\n`);

test('an endless body is cut off at the body cap, with the cap in the message', async () => {
  let sent = 0;
  server = await startFakeKolada(hedemoraData(), (_req, res) => {
    res.writeHead(200, { 'content-type': 'application/json' });
    const chunk = Buffer.alloc(64 * 1024, 0x20);
    let open = true;
    res.on('close', () => (open = false));
    const pump = () => {
      while (open && sent < 4 * 1024 * 1024 * 1024) {
        sent += chunk.length;
        if (!res.write(chunk)) return void res.once('drain', pump);
      }
    };
    res.write('{"values":[');
    pump();
    return true;
  });
  const m = await measured(() => rejection(client().getKpis(['U00401'])));
  log('endless body', m);
  expect(m.value.message).toBe('Kolada svarade med mer än 16 MB på /v3/kpi/U00401 – svaret avbröts (högst 16 MB per svar). Kontrollera Kolada-URL.');
  expect(m.ms).toBeLessThan(10_000);
  expect(m.rssGrowthMb).toBeLessThan(300);
  // The server was stopped soon after the cap: not gigabytes later.
  expect(sent).toBeLessThan(256 * 1024 * 1024);
});

test('a declared Content-Length over the cap is refused before the body is read', async () => {
  server = await startFakeKolada(hedemoraData(), (_req, res) => {
    res.writeHead(200, { 'content-type': 'application/json', 'content-length': String(2 * 1024 * 1024) });
    res.end('{"values":[]}'.padEnd(2 * 1024 * 1024, ' '));
    return true;
  });
  const e = await rejection(client({ maxBodyBytes: 1024 * 1024 }).getKpis(['U00401']));
  expect(e.message).toMatch(/^Kolada svarade med mer än 1 MB på \/v3\/kpi\/U00401 – svaret avbröts/);
});

test('a huge title is cut to a sane length; the caches stay within their bounds', async () => {
  const title = `${'Lång titel '.repeat(500_000)}\u001b]0;kapad\u0007`;
  server = await startFakeKolada({ ...hedemoraData(), kpis: [{ id: 'U00401', title }] });
  const cache = new MemoryCache(undefined, undefined, { maxEntries: 10, maxBytes: 1024 * 1024 });
  const m = await measured(() => client({ cache }).getKpis(['U00401']));
  log('huge title', m);
  expect(title.length).toBeGreaterThan(5_000_000);
  expect(m.value[0].title).toHaveLength(MAX_TEXT_LENGTH);
  expect(m.value[0].title.endsWith('…')).toBe(true);
  // Larger than the whole cache: not kept.
  expect([cache.size, cache.totalBytes]).toEqual([0, 0]);
  expect(m.ms).toBeLessThan(10_000);
});

test('the memory cache drops its oldest entries beyond its limits', async () => {
  const cache = new MemoryCache(undefined, undefined, { maxEntries: 3, maxBytes: 100 });
  for (let i = 0; i < 5; i++) await cache.set(`u${i}`, { v: i });
  expect(cache.size).toBe(3);
  expect(await cache.get('u0')).toBeUndefined();
  expect(await cache.get('u4')).toEqual({ v: 4 });
  await cache.set('big', { text: 'x'.repeat(80) });
  expect(cache.totalBytes).toBeLessThanOrEqual(100);
  expect(await cache.get('big')).toBeDefined();
});

describe('redirects', () => {
  let other: Server;
  let otherOrigin: string;
  let otherHits = 0;

  beforeAll(async () => {
    other = createServer((_req, res) => {
      otherHits += 1;
      res.writeHead(200, { 'content-type': 'application/json' }).end('{"values":[{"id":"U00401","title":"Fel server"}]}');
    });
    await new Promise<void>((resolve) => other.listen(0, '127.0.0.1', resolve));
    otherOrigin = `http://127.0.0.1:${(other.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    other.closeAllConnections();
    await new Promise((r) => other.close(r));
  });

  test('a 302 to another origin (another port on the same host) is refused, not followed', async () => {
    server = await startFakeKolada(hedemoraData(), (_req, res) => {
      res.writeHead(302, { location: `${otherOrigin}/v3/kpi/U00401` }).end();
      return true;
    });
    const e = await rejection(client().getKpis(['U00401']));
    expect(e.message).toBe(
      `Kolada hänvisade vidare (302) från /v3/kpi/U00401 till ${otherOrigin}, som inte är den inställda servern – Styrkoll följer bara hänvisningar inom ${server.origin}.`,
    );
    expect(otherHits).toBe(0);
    expect(server.requests).toHaveLength(1);
  });

  test('a redirect within the configured origin is followed', async () => {
    server = await startFakeKolada(hedemoraData(), (req, res) => {
      if (!req.url!.startsWith('/v3/kpi/U00401')) return false;
      res.writeHead(301, { location: '/v3/kpi/U00402' }).end();
      return true;
    });
    const kpis = await client().getKpis(['U00401']);
    expect(kpis.map((k) => k.id)).toEqual(['U00402']);
    expect(otherHits).toBe(0);
  });
});

test('10 000 next_url pages stop at the page cap, with the cap in the message', async () => {
  server = await startFakeKolada(hedemoraData(), (req, res) => {
    const url = new URL(req.url!, 'http://127.0.0.1');
    const page = Number(url.searchParams.get('page') ?? '1');
    url.searchParams.set('page', String(page + 1));
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ values: [{ id: `K${page}`, title: `Sida ${page}` }], next_url: page < 10_000 ? `${server!.origin}${url.pathname}${url.search}` : null }));
    return true;
  });
  const m = await measured(() => rejection(client().getKpis()));
  log('10 000 pages', m);
  expect(m.value.message).toBe(
    'Kolada svarade med fler än 100 sidor på /v3/kpi?per_page=5000 – hämtningen avbröts (högst 100 sidor per fråga). Kontrollera Kolada-URL.',
  );
  expect(server.requests).toHaveLength(100);
  expect(m.ms).toBeLessThan(10_000);
});

test('all bodies of one run together stay within the run budget', async () => {
  server = await startFakeKolada(hedemoraData(), (req, res) => {
    const url = new URL(req.url!, 'http://127.0.0.1');
    const page = Number(url.searchParams.get('page') ?? '1');
    url.searchParams.set('page', String(page + 1));
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ values: [{ id: `K${page}`, title: 'x'.repeat(100_000) }], next_url: `${server!.origin}${url.pathname}${url.search}` }));
    return true;
  });
  const e = await rejection(client({ maxTotalBytes: 1024 * 1024 }).getKpis());
  expect(e.message).toMatch(/^Kolada (har redan skickat .* i den här körningen – hämtningen avbröts|svarade med mer än .* – svaret avbröts)/);
  expect(server.requests.length).toBeLessThanOrEqual(11);
});
