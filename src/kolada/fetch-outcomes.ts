/**
 * Fetches everything the planner needs for one kommun: KPI metadata, the kommun and its län,
 * an optional comparison group with its members, and the data rows for all of them.
 *
 * Ids (Kolada v3): a kommun is its four-digit SCB code (Hedemora 2083); a län is the region with
 * id `00` + the län's two digits (Dalarna 0020); riket is 0000. See docs/kolada.md.
 */
import { StyrkollError } from '../core';
import type { KoladaClient } from './client';
import type { KoladaDataRow, KoladaKpi } from './schemas';

export const RIKET_ID = '0000';

export interface Area {
  id: string;
  title: string | null;
}

export interface ComparisonGroup {
  id: string;
  title: string;
  members: string[];
}

export interface KoladaOutcomeData {
  kommun: Area;
  /** Null when Kolada does not list the län (then no Län column is filled). */
  lan: Area | null;
  riket: Area;
  group: ComparisonGroup | null;
  /** Metadata of the KPIs Kolada knows, by id. */
  kpis: Record<string, KoladaKpi>;
  /** Requested KPI ids Kolada does not know. */
  unknownKpis: string[];
  rows: KoladaDataRow[];
  warnings: string[];
}

export interface FetchOutcomesRequest {
  kpis: readonly string[];
  kommunkod: string;
  years: readonly number[];
  /** Kolada municipality group id (e.g. "G37411"), from `Jämförelsegrupp` in Inställningar. */
  jamforelsegrupp?: string | null;
  onProgress?: (message: string) => void;
}

/** The Kolada id of the län a kommun belongs to: the first two digits of the kommunkod, as `00LL`. */
export function lanIdFor(kommunkod: string): string {
  return `00${kommunkod.slice(0, 2)}`;
}

export function checkKommunkod(value: string | null | undefined): string {
  const code = (value ?? '').trim();
  if (code === '') {
    throw new StyrkollError('ARGUMENT', 'Kommunkod saknas i Inställningar – ange kommunens fyrsiffriga kod, t.ex. 2083 för Hedemora.');
  }
  if (!/^\d{4}$/.test(code) || code === RIKET_ID) {
    throw new StyrkollError('ARGUMENT', `Kommunkod "${code}" i Inställningar ska vara fyra siffror, t.ex. 2083 för Hedemora.`);
  }
  return code;
}

export async function fetchKoladaOutcomes(client: KoladaClient, request: FetchOutcomesRequest): Promise<KoladaOutcomeData> {
  const kommunkod = checkKommunkod(request.kommunkod);
  const progress = request.onProgress ?? (() => undefined);
  const warnings: string[] = [];
  const kpiIds = [...new Set(request.kpis.map((k) => k.trim()).filter((k) => k !== ''))];

  progress('Hämtar kommun och län från Kolada …');
  const lanId = lanIdFor(kommunkod);
  const areas = await client.getMunicipalities([kommunkod, lanId]);
  const kommunMeta = areas.find((a) => a.id === kommunkod);
  if (!kommunMeta) {
    throw new StyrkollError('ARGUMENT', `Kommunkod ${kommunkod} finns inte i Kolada – kontrollera Kommunkod i Inställningar.`);
  }
  const lanMeta = areas.find((a) => a.id === lanId);
  if (!lanMeta) warnings.push(`Länet ${lanId} finns inte i Koladas lista – kolumnen Län fylls inte.`);

  let group: ComparisonGroup | null = null;
  const groupId = request.jamforelsegrupp?.trim();
  if (groupId) {
    progress(`Hämtar jämförelsegrupp ${groupId} …`);
    const g = await client.getMunicipalityGroup(groupId);
    if (!g) warnings.push(`Jämförelsegrupp ${groupId} finns inte i Kolada – kolumnen Jämförelsegrupp fylls inte.`);
    else if (g.members.length === 0) warnings.push(`Jämförelsegrupp ${groupId} (${g.title}) har inga medlemmar i Kolada.`);
    else group = { id: g.id, title: g.title, members: g.members.map((m) => m.member_id) };
  }

  const kpis: Record<string, KoladaKpi> = {};
  if (kpiIds.length > 0) {
    progress(`Hämtar beskrivningar av ${kpiIds.length} nyckeltal …`);
    for (const k of await client.getKpis(kpiIds)) kpis[k.id] = k;
  }
  const unknownKpis = kpiIds.filter((k) => !kpis[k]);
  const known = kpiIds.filter((k) => kpis[k]);

  const municipalities = [kommunkod, RIKET_ID, ...(lanMeta ? [lanId] : []), ...(group?.members ?? [])];
  let rows: KoladaDataRow[] = [];
  if (known.length > 0 && request.years.length > 0) {
    progress(`Hämtar värden för ${known.length} nyckeltal …`);
    rows = await client.getData(known, municipalities, request.years);
  }

  return {
    kommun: { id: kommunkod, title: kommunMeta.title },
    lan: lanMeta ? { id: lanId, title: lanMeta.title } : null,
    riket: { id: RIKET_ID, title: 'Riket' },
    group,
    kpis,
    unknownKpis,
    rows,
    warnings,
  };
}
