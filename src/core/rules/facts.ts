/**
 * Facts per scope, computed once per run from the model (json-rules-engine's advice: rules are
 * data, facts are code). Blanks are always null, never "" or undefined, so both evaluation paths
 * see the same values.
 */
import type { BudgetLine, Model, SheetLocation } from '../model';
import type { Profile } from './profile-schema';
import type { Scope } from './rule-schema';
import type { FactValue } from './fact-registry';
import { looseKey } from './text';

export { SCOPE_FACTS, TARGET_FIELDS, type FactDef, type FactType, type FactValue } from './fact-registry';

/** Where a finding about a fact object points. */
export interface Anchor {
  sheet: string | null;
  row: number | null;
  namnd: string | null;
  location: SheetLocation | null;
}

export interface FactObject {
  facts: Record<string, FactValue>;
  anchor: Anchor;
}

const blank = (v: string | null | undefined): string | null => (v === undefined || v === null || v.trim() === '' ? null : v);
const num = (v: number | null | undefined): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null);
const nonZero = (v: number | null): boolean => v !== null && v !== 0;
const pct = (part: number | null, whole: number | null): number | null =>
  part === null || whole === null || whole === 0 ? null : (part / Math.abs(whole)) * 100;

function sum(values: (number | null)[]): number | null {
  let total: number | null = null;
  for (const v of values) if (v !== null) total = (total ?? 0) + v;
  return total;
}

function moneyFacts(budget: number | null, utfall: number | null, prognos: number | null, avvikelse: number | null) {
  const underskott = avvikelse === null ? null : avvikelse < 0 ? -avvikelse : 0;
  const overskott = avvikelse === null ? null : avvikelse > 0 ? avvikelse : 0;
  return {
    budget,
    utfall,
    prognos,
    avvikelse,
    avvikelseProcent: pct(avvikelse, budget),
    underskott,
    underskottProcent: pct(underskott, budget),
    overskott,
    overskottProcent: pct(overskott, budget),
    harBudget: nonZero(budget),
    harUtfall: nonZero(utfall),
    harPrognos: nonZero(prognos),
  };
}

function budgetLineFacts(line: BudgetLine): Record<string, FactValue> {
  const kommentar = blank(line.kommentar);
  return {
    namnd: blank(line.namnd),
    verksamhet: blank(line.verksamhet),
    konto: blank(line.konto),
    typ: line.typ,
    ...moneyFacts(num(line.budget), num(line.utfall), num(line.prognos), num(line.avvikelse)),
    avvikelseAngiven: num(line.avvikelseAngiven),
    kommentar,
    harKommentar: kommentar !== null,
  };
}

/** Budget lines grouped per nämnd (loosely matched), in order of first appearance. */
export function groupByNamnd(lines: BudgetLine[]): { namnd: string; lines: BudgetLine[] }[] {
  const groups = new Map<string, { namnd: string; lines: BudgetLine[] }>();
  for (const line of lines) {
    const key = looseKey(line.namnd ?? '');
    let g = groups.get(key);
    if (!g) groups.set(key, (g = { namnd: line.namnd, lines: [] }));
    g.lines.push(line);
  }
  return [...groups.values()];
}

function countBy<T>(items: T[], key: (t: T) => string | null): Map<string, T[]> {
  const map = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    if (k === null) continue;
    const list = map.get(k);
    if (list) list.push(item);
    else map.set(k, [item]);
  }
  return map;
}

function namndObjects(model: Model): FactObject[] {
  const budget = model.budget;
  if (!budget) return [];
  const atgarder = countBy(model.atgarder?.items ?? [], (a) => looseKey(a.namnd ?? ''));
  const goals = countBy(model.goals?.items ?? [], (g) => (g.namnd ? looseKey(g.namnd) : null));
  const uppdrag = countBy(model.uppdrag?.items ?? [], (u) => (u.ansvarig ? looseKey(u.ansvarig) : null));
  return groupByNamnd(budget.lines).map(({ namnd, lines }) => {
    const key = looseKey(namnd ?? '');
    const own = atgarder.get(key) ?? [];
    const ownGoals = goals.get(key) ?? [];
    const ownUppdrag = uppdrag.get(key) ?? [];
    // Point at the nämnd's total row when one names it ("Summa Socialnämnden"), else its first row.
    const total = key === '' ? undefined : budget.totals.find((t) => looseKey(t.label).includes(key));
    return {
      facts: {
        namnd: blank(namnd),
        ...moneyFacts(
          sum(lines.map((l) => num(l.budget))),
          sum(lines.map((l) => num(l.utfall))),
          sum(lines.map((l) => num(l.prognos))),
          sum(lines.map((l) => num(l.avvikelse))),
        ),
        antalRader: lines.length,
        antalAtgarder: own.length,
        atgarderBelopp: sum(own.map((a) => num(a.belopp))),
        harAtgardsplan: own.length > 0,
        harAtgardsblad: model.atgarder !== null,
        antalMal: ownGoals.length,
        malKraverMedel: sum(ownGoals.map((g) => num(g.kraverMedel))),
        antalUppdrag: ownUppdrag.length,
        uppdragKostnadOfinansierad: sum(ownUppdrag.filter((u) => u.finansierad === false).map((u) => num(u.kostnad))),
      },
      anchor: { sheet: budget.location.name, row: total?.row ?? lines[0].row, namnd: blank(namnd), location: budget.location },
    };
  });
}

function levelKeyOf(profile: Profile): (niva: string | null) => string | null {
  const map = new Map<string, string>();
  for (const level of profile.goalChain) {
    for (const name of [level.name, ...level.synonyms]) map.set(looseKey(name), level.key);
  }
  return (niva) => (niva === null ? null : (map.get(looseKey(niva)) ?? null));
}

function goalObjects(model: Model, profile: Profile): FactObject[] {
  const sheet = model.goals;
  if (!sheet) return [];
  const levelOf = levelKeyOf(profile);
  const byId = new Map(sheet.items.map((g) => [g.id, g]));
  const indicatorCount = countBy(model.indicators?.items ?? [], (i) => i.goalId);
  const allowed = profile.perspektiv ? new Set(profile.perspektiv.map(looseKey)) : null;
  return sheet.items.map((g) => {
    const parentId = blank(g.parentId);
    const parent = parentId === null ? undefined : byId.get(parentId);
    const nivaNyckel = levelOf(blank(g.niva));
    const perspektiv = blank(g.perspektiv);
    return {
      facts: {
        id: blank(g.id),
        niva: blank(g.niva),
        nivaNyckel,
        text: blank(g.text),
        harForalder: parentId !== null,
        foralderFinns: parent !== undefined,
        foralderNivaNyckel: parent ? levelOf(blank(parent.niva)) : null,
        forvantadForalderNivaNyckel: profile.goalChain.find((l) => l.key === nivaNyckel)?.parent ?? null,
        namnd: blank(g.namnd),
        harNamnd: blank(g.namnd) !== null,
        perspektiv,
        perspektivTillatet: allowed === null || perspektiv === null ? null : allowed.has(looseKey(perspektiv)),
        prognos: g.prognos,
        kraverMedel: num(g.kraverMedel),
        antalIndikatorer: indicatorCount.get(g.id)?.length ?? 0,
      },
      anchor: { sheet: sheet.location.name, row: g.row, namnd: blank(g.namnd), location: sheet.location },
    };
  });
}

function indicatorObjects(model: Model): FactObject[] {
  const sheet = model.indicators;
  if (!sheet) return [];
  const goalIds = new Set((model.goals?.items ?? []).map((g) => g.id));
  const goalOwner = new Map((model.goals?.items ?? []).map((g) => [g.id, blank(g.namnd)]));
  return sheet.items.map((i) => {
    const [b0, y0, b1, y1, out, yOut] = [num(i.baseline), num(i.baselineYear), num(i.target), num(i.targetYear), num(i.outcome), num(i.outcomeYear)];
    const expected = b0 !== null && y0 !== null && b1 !== null && y1 !== null && yOut !== null && y1 !== y0 ? b0 + ((b1 - b0) * (yOut - y0)) / (y1 - y0) : null;
    const onTrack = expected === null || out === null ? null : i.riktning === 'lagre' ? out <= expected : out >= expected;
    return {
      facts: {
        id: blank(i.id),
        malId: blank(i.goalId),
        malFinns: goalIds.has(i.goalId),
        text: blank(i.text),
        koladaId: blank(i.koladaId),
        harKoladaId: blank(i.koladaId) !== null,
        utgangsvarde: b0,
        utgangsar: y0,
        malvarde: b1,
        malar: y1,
        utfall: out,
        utfallsar: yOut,
        riktning: i.riktning,
        forvantatVarde: expected,
        iFas: onTrack,
      },
      anchor: { sheet: sheet.location.name, row: i.row, namnd: goalOwner.get(i.goalId) ?? null, location: sheet.location },
    };
  });
}

function uppdragObjects(model: Model): FactObject[] {
  const sheet = model.uppdrag;
  if (!sheet) return [];
  return sheet.items.map((u) => ({
    facts: {
      id: blank(u.id),
      text: blank(u.text),
      givetAv: blank(u.givetAv),
      ansvarig: blank(u.ansvarig),
      harAnsvarig: blank(u.ansvarig) !== null,
      kostnad: num(u.kostnad),
      finansierad: u.finansierad,
      status: blank(u.status),
      klartSenast: blank(u.klartSenast),
    },
    anchor: { sheet: sheet.location.name, row: u.row, namnd: blank(u.ansvarig), location: sheet.location },
  }));
}

function atgardObjects(model: Model): FactObject[] {
  const sheet = model.atgarder;
  if (!sheet) return [];
  return sheet.items.map((a) => ({
    facts: {
      namnd: blank(a.namnd),
      text: blank(a.text),
      belopp: num(a.belopp),
      ansvarig: blank(a.ansvarig),
      harAnsvarig: blank(a.ansvarig) !== null,
      klartSenast: blank(a.klartSenast),
      status: blank(a.status),
    },
    anchor: { sheet: sheet.location.name, row: a.row, namnd: blank(a.namnd), location: sheet.location },
  }));
}

function workbookObject(model: Model, profile: Profile): FactObject[] {
  const st = model.settings;
  return [
    {
      facts: {
        kommun: blank(st.kommun),
        profil: profile.name,
        budgetar: num(st.budgetar),
        periodAr: st.period?.year ?? null,
        periodManad: st.period?.month ?? null,
        beloppI: st.beloppI,
        antalNamnder: model.budget ? groupByNamnd(model.budget.lines).length : 0,
        antalBudgetrader: model.budget?.lines.length ?? 0,
        antalPlanar: model.budget?.planYears.length ?? 0,
        planarKrav: profile.planYears,
        harPrognoskolumn: model.budget?.hasPrognos ?? false,
        harBudgetblad: model.budget !== null,
        harMalblad: model.goals !== null,
        harIndikatorblad: model.indicators !== null,
        harUppdragsblad: model.uppdrag !== null,
        harAtgardsblad: model.atgarder !== null,
      },
      anchor: { sheet: null, row: null, namnd: null, location: null },
    },
  ];
}

/** The fact objects of one scope, in sheet order. */
export function buildFactObjects(model: Model, scope: Scope, profile: Profile): FactObject[] {
  switch (scope) {
    case 'budgetrad':
      return (model.budget?.lines ?? []).map((line) => ({
        facts: budgetLineFacts(line),
        anchor: { sheet: model.budget!.location.name, row: line.row, namnd: blank(line.namnd), location: model.budget!.location },
      }));
    case 'namnd':
      return namndObjects(model);
    case 'mal':
      return goalObjects(model, profile);
    case 'indikator':
      return indicatorObjects(model);
    case 'uppdrag':
      return uppdragObjects(model);
    case 'atgard':
      return atgardObjects(model);
    case 'arbetsbok':
      return workbookObject(model, profile);
  }
}
