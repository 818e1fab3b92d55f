import { isStyrkollError } from '../../src/core/errors';
import { MemoryCache, runKolada } from '../../src/kolada';
import { indicator, indicatorSheet, model } from './builders';
import { hedemoraData, verifyAndClose, recordingFetch, refusedUrl, row, startFakeKolada, type FakeKolada } from './fake-kolada';

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

const rows = [
  row('U00401', '2083', 2023, 52),
  row('U00401', '2083', 2024, 54, [{ gender: 'K', value: 57 }, { gender: 'M', value: 51 }]),
  row('U00401', '0000', 2024, 58),
  row('U00401', '0020', 2024, 56),
  row('U00401', '2084', 2024, 50),
  row('U00401', '2085', 2024, 52),
];

describe('runKolada', () => {
  test('fetches and plans outcomes and comparisons, base URL from a confirmed Kolada-URL in Inställningar', async () => {
    server = await startFakeKolada(hedemoraData(rows));
    const { table, snapshot } = indicatorSheet([indicator()]);
    const m = model(table, { Kommunkod: '2083', 'Jämförelsegrupp': 'G1' }, server.url);
    const result = await runKolada({ model: m, snapshot, fetchImpl: rec.fetchImpl, latestYear: 2025, trustWorkbookUrl: true });
    expect(result.offline).toBe(false);
    expect(result.urlNote).toBeNull();
    expect(result.changes).toEqual([
      'Indikator I1: Utfall 54 (2024) från Kolada.',
      'Ny kolumn Riket (kolumn K) i Indikatorer.',
      'Indikator I1: Riket 58 (2024).',
      'Ny kolumn Län (kolumn L) i Indikatorer.',
      'Indikator I1: Län (Region Dalarna) 56 (2024).',
      'Ny kolumn Jämförelsegrupp (kolumn M) i Indikatorer.',
      'Indikator I1: Jämförelsegrupp (Liknande kommuner, Hedemora) 51 (2024).',
    ]);
    expect(result.edits).toContainEqual({ sheet: 'Indikatorer', cell: 'I2', value: 54 });
    expect(result.edits).toContainEqual({ sheet: 'Indikatorer', cell: 'J2', value: 2024 });
    // Years from the baseline (2022) to the latest year; kommun, riket, län and group members.
    const data = server.requests.find((r) => r.startsWith('/v3/data/'))!;
    expect(decodeURIComponent(data)).toBe('/v3/data/kpi/U00401/municipality/2083,0000,0020,2084,2085/year/2022,2023,2024,2025?per_page=5000');
  });

  test('an unconfirmed Kolada-URL in Inställningar is not used: the public API is asked and the note says how to confirm', async () => {
    server = await startFakeKolada(hedemoraData(rows));
    const { table, snapshot } = indicatorSheet([indicator()]);
    const m = model(table, { Kommunkod: '2083' }, server.url);
    // Never on the network: any host but the loopback fails as unreachable.
    const asked: string[] = [];
    const guarded = async (url: string, init?: RequestInit) => {
      asked.push(url);
      if (new URL(url).hostname !== '127.0.0.1') throw new TypeError('fetch failed', { cause: { code: 'ENETUNREACH' } });
      return fetch(url, init);
    };
    const result = await runKolada({ model: m, snapshot, fetchImpl: guarded, sleep: async () => undefined, retries: 0, latestYear: 2025 });
    expect(server.requests).toEqual([]);
    expect(asked.length).toBeGreaterThan(0);
    expect(asked.every((u) => u.startsWith('https://api.kolada.se/v3/'))).toBe(true);
    expect(result.offline).toBe(true);
    expect(result.baseUrl).toBe('https://api.kolada.se/v3');
    expect(result.urlNote).toBe(
      `Kolada-URL i Inställningar (${server.url}) användes inte – värdena hämtades från https://api.kolada.se/v3. ` +
        'En arbetsbok kan komma från vem som helst; lita på adressen genom att ange den med --kolada-url, eller med --lita-pa-kolada-url.',
    );
    // The same URL given with --kolada-url confirms it: no note.
    const confirmed = await runKolada({ model: m, snapshot, baseUrl: server.url, fetchImpl: rec.fetchImpl, latestYear: 2025 });
    expect([confirmed.offline, confirmed.urlNote, confirmed.baseUrl]).toEqual([false, null, server.url]);
  });

  test('the --kolada-url option wins over Inställningar', async () => {
    server = await startFakeKolada(hedemoraData(rows));
    const { table, snapshot } = indicatorSheet([indicator()]);
    const m = model(table, { Kommunkod: '2083' }, 'http://127.0.0.1:1/inte-denna');
    const result = await runKolada({ model: m, snapshot, baseUrl: server.url, fetchImpl: rec.fetchImpl, latestYear: 2025 });
    expect(result.offline).toBe(false);
    expect(result.edits.length).toBeGreaterThan(0);
  });

  test('a second run with the same cache makes zero requests and plans the same', async () => {
    server = await startFakeKolada(hedemoraData(rows));
    const { table, snapshot } = indicatorSheet([indicator()]);
    const m = model(table);
    const cache = new MemoryCache();
    const first = await runKolada({ model: m, snapshot, baseUrl: server.url, fetchImpl: rec.fetchImpl, cache, latestYear: 2025 });
    const seen = server.requests.length;
    const second = await runKolada({ model: m, snapshot, baseUrl: server.url, fetchImpl: rec.fetchImpl, cache, latestYear: 2025 });
    expect(server.requests).toHaveLength(seen);
    expect(second).toEqual(first);
  });

  test('connection refused → offline result, no edits', async () => {
    const url = await refusedUrl();
    const { table, snapshot } = indicatorSheet([indicator()]);
    const result = await runKolada({ model: model(table), snapshot, baseUrl: url, fetchImpl: rec.fetchImpl, sleep: async () => undefined });
    expect(result).toEqual({
      edits: [],
      changes: [],
      warnings: ['Kolada kunde inte nås (anslutningen nekades) – inga värden ändrades.'],
      offline: true,
      baseUrl: url,
      urlNote: null,
    });
    expect(rec.urls.every((u) => u.startsWith(url.replace('/v3', '')))).toBe(true);
  });

  test('a hanging server → offline result after the timeout', async () => {
    server = await startFakeKolada(hedemoraData(rows), () => true);
    const { table, snapshot } = indicatorSheet([indicator()]);
    const result = await runKolada({ model: model(table), snapshot, baseUrl: server.url, fetchImpl: rec.fetchImpl, timeoutMs: 50, retries: 0 });
    expect(result.offline).toBe(true);
    expect(result.edits).toEqual([]);
    expect(result.warnings[0]).toMatch(/^Kolada kunde inte nås \(svarade inte inom 0,05 s\) – inga värden ändrades\.$/);
  });

  test('--offline with nothing cached asks nobody and changes nothing', async () => {
    server = await startFakeKolada(hedemoraData(rows));
    const { table, snapshot } = indicatorSheet([indicator()]);
    const result = await runKolada({ model: model(table), snapshot, baseUrl: server.url, fetchImpl: rec.fetchImpl, offline: true });
    expect(result.offline).toBe(true);
    expect(result.edits).toEqual([]);
    expect(server.requests).toEqual([]);
  });

  test('a broken answer is a Swedish error, not an offline result', async () => {
    server = await startFakeKolada(hedemoraData(rows), (_req, res) => {
      res.writeHead(200, { 'content-type': 'text/html' });
      res.end('<html></html>');
      return true;
    });
    const { table, snapshot } = indicatorSheet([indicator()]);
    const e = await runKolada({ model: model(table), snapshot, baseUrl: server.url, fetchImpl: rec.fetchImpl }).catch((x: unknown) => x);
    expect(isStyrkollError(e)).toBe(true);
    expect((e as Error).message).toContain('webbsida (HTML)');
  });

  test('missing or malformed Kommunkod is a one-line Swedish error; no indicators is a note', async () => {
    const { table } = indicatorSheet([indicator()]);
    await expect(runKolada({ model: model(table, {}), fetchImpl: rec.fetchImpl })).rejects.toThrow('Kommunkod saknas i Inställningar');
    await expect(runKolada({ model: model(table, { Kommunkod: '20x3' }), fetchImpl: rec.fetchImpl })).rejects.toThrow('ska vara fyra siffror');
    const none = await runKolada({ model: model(null), fetchImpl: rec.fetchImpl });
    expect(none.warnings).toEqual(['Bladet Indikatorer saknas – inget att hämta från Kolada.']);
    expect(rec.urls).toEqual([]);
  });
});
