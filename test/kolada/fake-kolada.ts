/**
 * A small Kolada API v3 stand-in on 127.0.0.1 (random port) for tests. It pages by `per_page`
 * with absolute `next_url`s, answers 422 for more than 25 ids in a segment (as Kolada does), and
 * records every request so tests can assert nothing else was asked.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface FakeValue {
  gender: string;
  value: number | null;
  count?: number;
  status?: string;
  isdeleted?: boolean;
}
export interface FakeRow {
  kpi: string;
  municipality: string;
  period: number;
  values: FakeValue[];
}
export interface FakeData {
  municipalities: { id: string; title: string; type: string }[];
  kpis: { id: string; title: string }[];
  groups: { id: string; title: string; members: { member_id: string; member_title: string }[] }[];
  rows: FakeRow[];
}

/** Return true when the fault handled the response itself. */
export type Fault = (req: IncomingMessage, res: ServerResponse, n: number) => boolean;

export interface FakeKolada {
  /** Base URL, e.g. http://127.0.0.1:4567/v3 */
  url: string;
  origin: string;
  /** Path and query of every request the server received, in order. */
  requests: string[];
  close(): Promise<void>;
}

const MAX_IDS = 25;

function send(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8' });
  res.end(JSON.stringify(body));
}

function ids(segment: string): string[] {
  return decodeURIComponent(segment).split(',').filter((s) => s !== '');
}

export async function startFakeKolada(data: FakeData, fault?: Fault): Promise<FakeKolada> {
  const requests: string[] = [];
  let origin = '';
  const server: Server = createServer((req, res) => {
    requests.push(req.url ?? '');
    if (fault && fault(req, res, requests.length)) return;
    const url = new URL(req.url ?? '/', origin);
    const parts = url.pathname.split('/').filter((p) => p !== '');
    if (parts[0] !== 'v3') return send(res, 404, { error: 'not found' });
    const segments = parts.slice(1);
    if (segments.some((s) => ids(s).length > MAX_IDS)) return send(res, 422, { error: 'too many ids' });
    const page = Number(url.searchParams.get('page') ?? '1');
    const perPage = Number(url.searchParams.get('per_page') ?? '5000');

    const paged = (values: unknown[]) => {
      const start = (page - 1) * perPage;
      const slice = values.slice(start, start + perPage);
      const hasNext = start + perPage < values.length;
      const link = (p: number) => {
        const u = new URL(url.href);
        u.searchParams.set('page', String(p));
        u.searchParams.set('per_page', String(perPage));
        return u.href;
      };
      send(res, 200, {
        count: slice.length,
        values: slice,
        next_url: hasNext ? link(page + 1) : null,
        previous_url: page > 1 ? link(page - 1) : null,
      });
    };

    const [entity, ...rest] = segments;
    if (entity === 'municipality') {
      const want = rest[0] ? ids(rest[0]) : null;
      return paged(data.municipalities.filter((m) => !want || want.includes(m.id)));
    }
    if (entity === 'kpi') {
      const want = rest[0] ? ids(rest[0]) : null;
      return paged(data.kpis.filter((k) => !want || want.includes(k.id)));
    }
    if (entity === 'municipality_groups') {
      const want = rest[0] ? ids(rest[0]) : null;
      return paged(data.groups.filter((g) => !want || want.includes(g.id)));
    }
    if (entity === 'data' && rest[0] === 'kpi' && rest[2] === 'municipality' && rest[4] === 'year') {
      const k = ids(rest[1]);
      const m = ids(rest[3]);
      const y = ids(rest[5]).map(Number);
      return paged(data.rows.filter((r) => k.includes(r.kpi) && m.includes(r.municipality) && y.includes(r.period)));
    }
    send(res, 404, { error: 'not found' });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  origin = `http://127.0.0.1:${port}`;
  return {
    url: `${origin}/v3`,
    origin,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** A port on 127.0.0.1 that refuses connections (a server was there and is closed). */
export async function refusedUrl(): Promise<string> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return `http://127.0.0.1:${port}/v3`;
}

/** Wraps the global fetch and records every URL the client asked for. */
export function recordingFetch(): { fetchImpl: (url: string, init?: RequestInit) => Promise<Response>; urls: string[] } {
  const urls: string[] = [];
  return {
    urls,
    fetchImpl: (url, init) => {
      urls.push(url);
      return fetch(url, init);
    },
  };
}

export function pathAndQuery(url: string): string {
  const u = new URL(url);
  return u.pathname + u.search;
}

export function row(kpi: string, municipality: string, period: number, t: number | null, extra: FakeValue[] = []): FakeRow {
  return { kpi, municipality, period, values: [{ gender: 'T', value: t, count: 1, status: t === null ? 'Missing' : '' }, ...extra] };
}

/** Hedemora (2083) in Dalarna (0020), riket (0000), and a comparison group. */
export function hedemoraData(rows: FakeRow[] = []): FakeData {
  return {
    municipalities: [
      { id: '0000', title: 'Riket', type: 'L' },
      { id: '0020', title: 'Region Dalarna', type: 'L' },
      { id: '2083', title: 'Hedemora', type: 'K' },
      { id: '2084', title: 'Avesta', type: 'K' },
      { id: '2085', title: 'Ludvika', type: 'K' },
    ],
    kpis: [
      { id: 'U00401', title: 'Livskvalitet' },
      { id: 'U00402', title: 'Trygghet och säkerhet' },
    ],
    groups: [
      {
        id: 'G1',
        title: 'Liknande kommuner, Hedemora',
        members: [
          { member_id: '2084', member_title: 'Avesta' },
          { member_id: '2085', member_title: 'Ludvika' },
        ],
      },
    ],
    rows,
  };
}

/** After a test: nothing went anywhere but the local server, the server saw every request made, and it is closed. */
export async function verifyAndClose(server: FakeKolada, rec: { urls: string[] }): Promise<void> {
  expect(rec.urls.every((u) => u.startsWith(server.origin))).toBe(true);
  expect(server.requests).toEqual(rec.urls.map(pathAndQuery));
  await server.close();
}
