import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { isStyrkollError, StyrkollError } from '../../src/core/errors';
import { KoladaClient, MemoryCache, parseRetryAfter, type KoladaClientOptions } from '../../src/kolada';
import { FileCache } from '../../src/kolada/node-cache';
import { hedemoraData, verifyAndClose, recordingFetch, row, startFakeKolada, type FakeKolada, type Fault } from './fake-kolada';

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
  return new KoladaClient({ baseUrl: server!.url, fetchImpl: rec.fetchImpl, sleep: async () => undefined, ...extra });
}

async function rejection(p: Promise<unknown>): Promise<StyrkollError> {
  const e = await p.then(
    () => null,
    (err: unknown) => err,
  );
  if (!isStyrkollError(e)) throw new Error(`expected a StyrkollError, got ${String(e)}`);
  return e;
}

describe('Kolada client: paging and values', () => {
  test('follows next_url over three pages and keeps null values and gender splits', async () => {
    const rows = [2019, 2020, 2021, 2022, 2023].map((y) =>
      row('U00401', '2083', y, y === 2021 ? null : y - 1970, [
        { gender: 'K', value: 1000 + y },
        { gender: 'M', value: 2000 + y },
      ]),
    );
    server = await startFakeKolada(hedemoraData(rows));
    const got = await client({ perPage: 2 }).getData(['U00401'], ['2083'], [2019, 2020, 2021, 2022, 2023]);
    expect(got.map((r) => r.period).sort()).toEqual([2019, 2020, 2021, 2022, 2023]);
    expect(server.requests).toHaveLength(3);
    expect(server.requests[1]).toContain('page=2');
    expect(server.requests[2]).toContain('page=3');
    const y2021 = got.find((r) => r.period === 2021)!;
    expect(y2021.values.find((v) => v.gender === 'T')!.value).toBeNull();
    expect(y2021.values.map((v) => v.gender)).toEqual(['T', 'K', 'M']);
  });

  test('a next_url on another host (Kolada names its own) is followed on the configured server', async () => {
    let pages = 0;
    server = await startFakeKolada(hedemoraData(), (req, res) => {
      pages += 1;
      res.writeHead(200, { 'content-type': 'application/json' });
      const next = pages === 1 ? 'https://api.kolada.se/v3/kpi/U00401?page=2' : null;
      res.end(JSON.stringify({ count: 1, values: [{ id: `K${pages}`, title: req.url }], next_url: next, previous_url: null }));
      return true;
    });
    const got = await client().getKpis(['U00401']);
    expect(got.map((k) => k.id)).toEqual(['K1', 'K2']);
    expect(server.requests).toEqual(['/v3/kpi/U00401', '/v3/kpi/U00401?page=2']);
  });

  test('splits more than 25 KPIs into several requests (the server refuses longer lists)', async () => {
    const kpis = Array.from({ length: 30 }, (_, i) => `N${String(i).padStart(5, '0')}`);
    server = await startFakeKolada(hedemoraData(kpis.map((k, i) => row(k, '2083', 2024, i))));
    const got = await client().getData(kpis, ['2083'], [2024]);
    expect(got.map((r) => r.kpi).sort()).toEqual(kpis);
    expect(server.requests).toHaveLength(2);
    const asked = server.requests.map((r) => decodeURIComponent(r.split('/')[4]).split(','));
    expect(asked.map((a) => a.length)).toEqual([25, 5]);
  });

  test('splits more than 25 years too', async () => {
    const years = Array.from({ length: 30 }, (_, i) => 1995 + i);
    server = await startFakeKolada(hedemoraData(years.map((y) => row('U00401', '2083', y, y))));
    const got = await client().getData(['U00401'], ['2083'], years);
    expect(got).toHaveLength(30);
    expect(server.requests).toHaveLength(2);
  });
});

describe('Kolada client: retries', () => {
  test('waits as Retry-After says after a 429, then succeeds', async () => {
    const fault: Fault = (_req, res, n) => {
      if (n > 1) return false;
      res.writeHead(429, { 'retry-after': '2' });
      res.end();
      return true;
    };
    server = await startFakeKolada(hedemoraData([row('U00401', '2083', 2024, 54)]), fault);
    const waits: number[] = [];
    const got = await client({ sleep: async (ms) => void waits.push(ms) }).getData(['U00401'], ['2083'], [2024]);
    expect(got[0].values[0].value).toBe(54);
    expect(waits).toEqual([2000]);
    expect(server.requests).toHaveLength(2);
  });

  test('backs off exponentially with jitter after a 503, then succeeds', async () => {
    const fault: Fault = (_req, res, n) => {
      if (n > 2) return false;
      res.writeHead(503);
      res.end('Service Unavailable');
      return true;
    };
    server = await startFakeKolada(hedemoraData([row('U00401', '2083', 2024, 54)]), fault);
    const waits: number[] = [];
    const got = await client({ backoffMs: 100, random: () => 0.5, sleep: async (ms) => void waits.push(ms) }).getData(
      ['U00401'],
      ['2083'],
      [2024],
    );
    expect(got).toHaveLength(1);
    // 100 ms × 2^n × (0.5 + 0.5/2)
    expect(waits).toEqual([75, 150]);
    expect(server.requests).toHaveLength(3);
  });

  test('gives up after the retries with a Swedish "kunde inte nås"', async () => {
    server = await startFakeKolada(hedemoraData(), (_req, res) => {
      res.writeHead(500);
      res.end();
      return true;
    });
    const e = await rejection(client({ retries: 2 }).getKpis(['U00401']));
    expect(e.message).toMatch(/^Kolada kunde inte nås \(serverfel 500\)/);
    expect(server.requests).toHaveLength(3);
  });

  test('parses Retry-After as seconds or as an HTTP date', () => {
    expect(parseRetryAfter('3')).toBe(3000);
    expect(parseRetryAfter('Wed, 21 Oct 2015 07:28:10 GMT', Date.parse('Wed, 21 Oct 2015 07:28:00 GMT'))).toBe(10_000);
    expect(parseRetryAfter('soon')).toBeNull();
    expect(parseRetryAfter(null)).toBeNull();
  });
});

describe('Kolada client: broken answers become clear Swedish errors', () => {
  test('an HTML page instead of JSON', async () => {
    server = await startFakeKolada(hedemoraData(), (_req, res) => {
      res.writeHead(200, { 'content-type': 'text/html' });
      res.end('<!doctype html><html><body>Underhåll pågår</body></html>');
      return true;
    });
    const e = await rejection(client().getKpis(['U00401']));
    expect(e.code).toBe('FIL');
    expect(e.message).toContain('Kolada svarade med en webbsida (HTML) i stället för JSON');
  });

  test('JSON in the wrong shape names the field', async () => {
    server = await startFakeKolada(hedemoraData(), (_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ values: [{ kpi: 'U00401', municipality: '2083', period: 'förra året', values: [] }], next_url: null }));
      return true;
    });
    const e = await rejection(client().getData(['U00401'], ['2083'], [2024]));
    expect(e.message).toMatch(/^Kolada svarade med ett oväntat format på \/v3\/data\/kpi\/U00401/);
    expect(e.message).toContain('values.0.period');
  });

  test('a missing values array', async () => {
    server = await startFakeKolada(hedemoraData(), (_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ count: 0, results: [] }));
      return true;
    });
    const e = await rejection(client().getMunicipalities(['2083']));
    expect(e.message).toContain('values borde vara en lista');
  });

  test('a 4xx answer is an error without retries', async () => {
    server = await startFakeKolada(hedemoraData(), (_req, res) => {
      res.writeHead(404);
      res.end();
      return true;
    });
    const e = await rejection(client().getKpis(['U00401']));
    expect(e.message).toContain('Kolada svarade 404');
    expect(server.requests).toHaveLength(1);
  });

  test('a server that hangs past the timeout', async () => {
    server = await startFakeKolada(hedemoraData(), () => true /* never answers */);
    const e = await rejection(client({ timeoutMs: 100, retries: 0 }).getKpis(['U00401']));
    expect(e.code).toBe('TIDSGRANS');
    expect(e.message).toMatch(/^Kolada kunde inte nås \(svarade inte inom 0,1 s\)/);
  });
});

describe('Kolada client: cache', () => {
  test('a second run with the same memory cache makes zero requests', async () => {
    server = await startFakeKolada(hedemoraData([row('U00401', '2083', 2024, 54)]));
    const cache = new MemoryCache();
    const first = await client({ cache, perPage: 1 }).getData(['U00401'], ['2083', '0000'], [2023, 2024]);
    const seen = server.requests.length;
    expect(seen).toBeGreaterThan(0);
    const second = await client({ cache, perPage: 1 }).getData(['U00401'], ['2083', '0000'], [2023, 2024]);
    expect(second).toEqual(first);
    expect(server.requests).toHaveLength(seen);
  });

  test('the file cache survives a new client and process-like restart; old entries expire', async () => {
    server = await startFakeKolada(hedemoraData([row('U00401', '2083', 2024, 54)]));
    const dir = await mkdtemp(join(tmpdir(), 'styrkoll-kolada-'));
    try {
      let now = 1_000_000;
      await client({ cache: new FileCache(dir, 60_000, () => now) }).getKpis(['U00401']);
      expect(server.requests).toHaveLength(1);
      const again = await client({ cache: new FileCache(dir, 60_000, () => now) }).getKpis(['U00401']);
      expect(again[0].title).toBe('Livskvalitet');
      expect(server.requests).toHaveLength(1);
      now += 60_001;
      await client({ cache: new FileCache(dir, 60_000, () => now) }).getKpis(['U00401']);
      expect(server.requests).toHaveLength(2);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  test('a broken answer is not cached', async () => {
    server = await startFakeKolada(hedemoraData(), (_req, res, n) => {
      if (n > 1) return false;
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end('{"values": "nej"}');
      return true;
    });
    const cache = new MemoryCache();
    await rejection(client({ cache }).getKpis(['U00401']));
    expect(cache.size).toBe(0);
    expect((await client({ cache }).getKpis(['U00401']))[0].id).toBe('U00401');
  });

  test('offline mode answers from the cache only', async () => {
    server = await startFakeKolada(hedemoraData());
    const cache = new MemoryCache();
    await client({ cache }).getKpis(['U00401']);
    expect((await client({ cache, offline: true }).getKpis(['U00401']))[0].id).toBe('U00401');
    const e = await rejection(client({ cache, offline: true }).getKpis(['U00402']));
    expect(e.message).toContain('offlineläge');
    expect(server.requests).toHaveLength(1);
  });
});
