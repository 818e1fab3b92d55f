/**
 * Facts per scope, computed once per run from the model (json-rules-engine's advice: rules are
 * data, facts are code). Blanks are always null, never "" or undefined, so both evaluation paths
 * see the same values. Budget lines are not turned into objects: their facts are read straight
 * from the model (line-facts.ts).
 */
import type { BudgetLine, Goal, GoalPrognos, Model } from '../model';
import { swedishList } from '../input/text';
import { indicatorStatus } from '../report/indicator-status';
import type { Profile } from './profile-schema';
import type { Scope } from './rule-schema';
import { objectTable, type FactObject, type FactTable } from './fact-object';
import { blank, budgetLineObject, lineFactExpression, lineFactReader, moneyFacts, num } from './line-facts';
import { namndTotals, type NamndTotals, totalsFromSums } from './namnd-totals';
import { looseKey } from './text';

export { SCOPE_FACTS, TARGET_FIELDS, type FactDef, type FactType, type FactValue } from './fact-registry';
export type { Anchor, FactObject, FactTable } from './fact-object';

/** Work shared by the scopes of one run (the nämnd totals are needed by three of them). */
export class SharedFacts {
  private totals: NamndTotals[] | null = null;
  constructor(readonly model: Model) {}
  namndTotals(): NamndTotals[] {
    const budget = this.model.budget;
    return (this.totals ??= (budget?.namndSums && totalsFromSums(budget.namndSums)) ?? namndTotals(budget?.lines ?? []));
  }
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

function sum(values: (number | null)[]): number | null {
  let total: number | null = null;
  for (const v of values) if (v !== null) total = (total ?? 0) + v;
  return total;
}

function namndObjects(model: Model, shared: SharedFacts): FactObject[] {
  const budget = model.budget;
  if (!budget) return [];
  const atgarder = countBy(model.atgarder?.items ?? [], (a) => looseKey(a.namnd ?? ''));
  const goals = countBy(model.goals?.items ?? [], (g) => (g.namnd ? looseKey(g.namnd) : null));
  const uppdrag = countBy(model.uppdrag?.items ?? [], (u) => (u.ansvarig ? looseKey(u.ansvarig) : null));
  return shared.namndTotals().map((sums) => {
    const { namnd, key } = sums;
    const own = atgarder.get(key) ?? [];
    const ownGoals = goals.get(key) ?? [];
    const ownUppdrag = uppdrag.get(key) ?? [];
    // Point at the nämnd's total row when one names it ("Summa Socialnämnden"), else its first row.
    const total = key === '' ? undefined : budget.totals.find((t) => looseKey(t.label).includes(key));
    return {
      facts: {
        namnd: blank(namnd),
        ...moneyFacts(sums.budget, sums.utfall, sums.prognos, sums.avvikelse),
        antalRader: sums.lines,
        antalAtgarder: own.length,
        atgarderBelopp: sum(own.map((a) => num(a.belopp))),
        harAtgardsplan: own.length > 0,
        harAtgardsblad: model.atgarder !== null,
        antalMal: ownGoals.length,
        antalMalMedPrognos: ownGoals.filter((g) => g.prognos !== null).length,
        allaMalUppnas: ownGoals.some((g) => g.prognos !== null) && ownGoals.every((g) => g.prognos === null || g.prognos === 'uppnas'),
        malKraverMedel: sum(ownGoals.map((g) => num(g.kraverMedel))),
        antalUppdrag: ownUppdrag.length,
        uppdragKostnadOfinansierad: sum(ownUppdrag.filter((u) => u.finansierad === false).map((u) => num(u.kostnad))),
      },
      anchor: { sheet: budget.location.name, row: total?.row ?? sums.firstRow, namnd: blank(namnd), location: budget.location },
    };
  });
}

/** Nämnd money per loose nämnd key, for rules on goals that compare with the owner's budget. */
function namndMoney(shared: SharedFacts): Map<string, { avvikelse: number | null; underskott: number | null }> {
  const out = new Map<string, { avvikelse: number | null; underskott: number | null }>();
  for (const { key, avvikelse } of shared.namndTotals()) {
    out.set(key, { avvikelse, underskott: avvikelse === null ? null : avvikelse < 0 ? -avvikelse : 0 });
  }
  return out;
}

const PROGNOS_TEXT: Record<GoalPrognos, string> = { uppnas: 'Uppnås', delvis: 'Delvis', 'uppnas-ej': 'Uppnås ej' };

/** The words of an Åtgärd text, split once per text (every goal of the nämnd asks). */
function wordsOf(cache: Map<string, Set<string>>, atgard: string): Set<string> {
  let words = cache.get(atgard);
  if (!words) {
    words = new Set(atgard.toLowerCase().split(/[\s,;:()[\]"'”’]+/).map((w) => w.replace(/\.+$/, '')));
    cache.set(atgard, words);
  }
  return words;
}

/**
 * Whether one of the Åtgärd texts names a goal: its ID as a word of its own, or its whole text.
 * The goal's ID and text key are worked out once for all the nämnd's åtgärder.
 */
function mentionedIn(atgarder: readonly { text: string | null }[], goal: Goal, words: Map<string, Set<string>>): boolean {
  if (atgarder.length === 0) return false;
  const id = goal.id.trim().toLowerCase();
  let text: string | undefined;
  for (const a of atgarder) {
    const atgard = a.text ?? '';
    if (id !== '' && wordsOf(words, atgard).has(id)) return true;
    text ??= looseKey(goal.text ?? '');
    if (text.length >= 10 && looseKey(atgard).includes(text)) return true;
  }
  return false;
}

/** Per profile level: its depth from the top (0 = vision, 1 = fullmäktige's goals, 2 = the nämnd's …). */
function levelDepths(profile: Profile): Map<string, number> {
  const depths = new Map<string, number>();
  for (const level of profile.goalChain) {
    let depth = 0;
    let cur = level.parent;
    while (cur !== null && depth <= profile.goalChain.length) {
      depth++;
      cur = profile.goalChain.find((l) => l.key === cur)?.parent ?? null;
    }
    depths.set(level.key, depth);
  }
  return depths;
}

function levelKeyOf(profile: Profile): (niva: string | null) => string | null {
  const map = new Map<string, string>();
  for (const level of profile.goalChain) {
    for (const name of [level.name, ...level.synonyms]) map.set(looseKey(name), level.key);
  }
  return (niva) => (niva === null ? null : (map.get(looseKey(niva)) ?? null));
}

/** Perspektiv match ignoring an explanation in brackets: "Värdegrund (KRAM)" is värdegrund. */
const perspektivKey = (text: string): string => looseKey(text.replace(/\([^()]*\)/g, ' '));

/** Goals whose parent chain returns to themselves (following the first goal with each ID). */
function goalsInCycles(goals: Goal[]): Set<Goal> {
  const byId = new Map<string, Goal>();
  for (const g of goals) if (!byId.has(g.id)) byId.set(g.id, g);
  const inCycle = new Set<Goal>();
  for (const start of goals) {
    let cur: Goal | undefined = start;
    for (let steps = 0; steps <= goals.length && cur; steps++) {
      const parentId = blank(cur.parentId);
      cur = parentId === null ? undefined : byId.get(parentId);
      if (cur === start) {
        inCycle.add(start);
        break;
      }
    }
  }
  return inCycle;
}

function goalObjects(model: Model, profile: Profile, shared: SharedFacts): FactObject[] {
  const sheet = model.goals;
  if (!sheet) return [];
  const levelOf = levelKeyOf(profile);
  const depths = levelDepths(profile);
  const levelName = (key: string | null) => profile.goalChain.find((l) => l.key === key)?.name ?? null;
  const firstRow = new Map<string, number>();
  for (const g of sheet.items) if (blank(g.id) !== null && !firstRow.has(g.id)) firstRow.set(g.id, g.row);
  const byId = new Map(sheet.items.filter((g) => firstRow.get(g.id) === g.row).map((g) => [g.id, g]));
  const children = countBy(sheet.items, (g) => blank(g.parentId));
  const indicatorCount = countBy(model.indicators?.items ?? [], (i) => i.goalId);
  const atgarder = countBy(model.atgarder?.items ?? [], (a) => looseKey(a.namnd ?? ''));
  const money = namndMoney(shared);
  const words = new Map<string, Set<string>>();
  const cycles = goalsInCycles(sheet.items);
  const allowed = profile.perspektiv ? new Set(profile.perspektiv.map(perspektivKey)) : null;
  // The same for every goal: worked out once.
  const kandaNivaer = swedishList(profile.goalChain.map((l) => l.name));
  const tillatnaPerspektiv = profile.perspektiv ? swedishList(profile.perspektiv) : null;
  const perspektivKeys = new Map<string, string>();
  const perspektivKeyOf = (text: string): string => {
    let key = perspektivKeys.get(text);
    if (key === undefined) perspektivKeys.set(text, (key = perspektivKey(text)));
    return key;
  };
  return sheet.items.map((g) => {
    const parentId = blank(g.parentId);
    const parent = parentId === null ? undefined : byId.get(parentId);
    const nivaNyckel = levelOf(blank(g.niva));
    const depth = nivaNyckel === null ? null : (depths.get(nivaNyckel) ?? null);
    const foralderNivaNyckel = parent ? levelOf(blank(parent.niva)) : null;
    const expectedParent = profile.goalChain.find((l) => l.key === nivaNyckel)?.parent ?? null;
    const perspektiv = blank(g.perspektiv);
    const namnd = blank(g.namnd);
    const ownAtgarder = namnd === null ? [] : (atgarder.get(looseKey(namnd)) ?? []);
    const owner = namnd === null ? undefined : money.get(looseKey(namnd));
    return {
      facts: {
        id: blank(g.id),
        niva: blank(g.niva),
        nivaNyckel,
        nivaDjup: depth,
        kandaNivaer,
        toppniva: depth === 0,
        text: blank(g.text),
        foralder: parentId,
        harForalder: parentId !== null,
        foralderFinns: parent !== undefined,
        foralderNiva: parent ? blank(parent.niva) : null,
        foralderNivaNyckel,
        forvantadForalderNivaNyckel: expectedParent,
        forvantadForalderNiva: levelName(expectedParent),
        foralderRattNiva: expectedParent === null || foralderNivaNyckel === null ? null : foralderNivaNyckel === expectedParent,
        iCykel: cycles.has(g),
        idDubblett: blank(g.id) !== null && firstRow.get(g.id) !== g.row,
        forstaRad: blank(g.id) === null ? null : (firstRow.get(g.id) ?? null),
        antalUndermal: blank(g.id) === null ? 0 : (children.get(g.id)?.length ?? 0),
        namnd,
        harNamnd: namnd !== null,
        perspektiv,
        perspektivKravs: allowed !== null && depth !== 0,
        perspektivTillatet: allowed === null || perspektiv === null ? null : allowed.has(perspektivKeyOf(perspektiv)),
        tillatnaPerspektiv,
        prognos: g.prognos,
        prognosText: g.prognos === null ? null : PROGNOS_TEXT[g.prognos],
        kraverMedel: num(g.kraverMedel),
        antalIndikatorer: indicatorCount.get(g.id)?.length ?? 0,
        antalAtgarderNamnd: ownAtgarder.length,
        harAtgard: mentionedIn(ownAtgarder, g, words),
        namndUnderskott: owner?.underskott ?? null,
        namndHarUnderskott: owner?.underskott !== undefined && owner.underskott !== null && owner.underskott > 0,
      },
      anchor: { sheet: sheet.location.name, row: g.row, namnd, location: sheet.location },
    };
  });
}

/** The year the workbook reports on: the Period's year, else the Budgetår. */
const referenceYear = (model: Model): number | null => model.settings.period?.year ?? num(model.settings.budgetar);

/** Last day of the workbook's Period as yyyy-mm-dd; null without a Period (never the machine clock). */
export function periodEnd(model: Model): string | null {
  const p = model.settings.period;
  if (!p) return null;
  const day = new Date(Date.UTC(p.year, p.month, 0)).getUTCDate();
  return `${String(p.year).padStart(4, '0')}-${String(p.month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** Status texts that mean the uppdrag or åtgärd is done (compared loosely). */
const DONE = new Set(['klar', 'klart', 'genomford', 'genomfort', 'avslutad', 'avslutat', 'slutford', 'slutfort']);
const isDone = (status: string | null): boolean => status !== null && DONE.has(looseKey(status));

function deadlineFacts(klartSenast: string | null, status: string | null, end: string | null) {
  const klar = isDone(status);
  return {
    klar,
    periodSlut: end,
    forsenad: klartSenast === null || end === null ? null : !klar && klartSenast < end,
  };
}

function indicatorObjects(model: Model): FactObject[] {
  const sheet = model.indicators;
  if (!sheet) return [];
  const goalIds = new Set((model.goals?.items ?? []).map((g) => g.id));
  const goalOwner = new Map((model.goals?.items ?? []).map((g) => [g.id, blank(g.namnd)]));
  const year = referenceYear(model);
  return sheet.items.map((i) => {
    const values = {
      baseline: num(i.baseline),
      baselineYear: num(i.baselineYear),
      target: num(i.target),
      targetYear: num(i.targetYear),
      outcome: num(i.outcome),
      outcomeYear: num(i.outcomeYear),
      riktning: i.riktning,
    };
    // One computation for the report sheets and the rules.
    const st = indicatorStatus(values);
    return {
      facts: {
        id: blank(i.id),
        malId: blank(i.goalId),
        malFinns: goalIds.has(i.goalId),
        text: blank(i.text),
        koladaId: blank(i.koladaId),
        harKoladaId: blank(i.koladaId) !== null,
        utgangsvarde: values.baseline,
        utgangsar: values.baselineYear,
        malvarde: values.target,
        malar: values.targetYear,
        utfall: values.outcome,
        utfallsar: values.outcomeYear,
        riktning: i.riktning,
        riktningText: i.riktning === 'lagre' ? 'lägre är bättre' : 'högre är bättre',
        forvantatVarde: st.expected,
        iFas: st.onTrack,
        status: st.status,
        malvardeNatt: st.status === 'underlag-saknas' ? null : st.status === 'uppnatt',
        referensar: year,
        malarPasserat: values.targetYear === null || year === null ? null : values.targetYear < year,
      },
      anchor: { sheet: sheet.location.name, row: i.row, namnd: goalOwner.get(i.goalId) ?? null, location: sheet.location },
    };
  });
}

function uppdragObjects(model: Model): FactObject[] {
  const sheet = model.uppdrag;
  if (!sheet) return [];
  const end = periodEnd(model);
  return sheet.items.map((u) => ({
    facts: {
      id: blank(u.id),
      text: blank(u.text),
      givetAv: blank(u.givetAv),
      ansvarig: blank(u.ansvarig),
      harAnsvarig: blank(u.ansvarig) !== null,
      kostnad: num(u.kostnad),
      finansierad: u.finansierad,
      finansieradText: u.finansierad === null ? null : u.finansierad ? 'Ja' : 'Nej',
      status: blank(u.status),
      klartSenast: blank(u.klartSenast),
      ...deadlineFacts(blank(u.klartSenast), blank(u.status), end),
    },
    anchor: { sheet: sheet.location.name, row: u.row, namnd: blank(u.ansvarig), location: sheet.location },
  }));
}

function atgardObjects(model: Model): FactObject[] {
  const sheet = model.atgarder;
  if (!sheet) return [];
  const end = periodEnd(model);
  return sheet.items.map((a) => ({
    facts: {
      namnd: blank(a.namnd),
      text: blank(a.text),
      belopp: num(a.belopp),
      ansvarig: blank(a.ansvarig),
      harAnsvarig: blank(a.ansvarig) !== null,
      klartSenast: blank(a.klartSenast),
      status: blank(a.status),
      ...deadlineFacts(blank(a.klartSenast), blank(a.status), end),
    },
    anchor: { sheet: sheet.location.name, row: a.row, namnd: blank(a.namnd), location: sheet.location },
  }));
}

/** The profile's calendar entries whose period ends in the workbook's Period month. */
function reportsForPeriod(model: Model, profile: Profile) {
  const month = model.settings.period?.month;
  return month === undefined ? [] : profile.calendar.filter((e) => e.periodEnd.month === month);
}

function workbookObject(model: Model, profile: Profile, shared: SharedFacts): FactObject[] {
  const st = model.settings;
  const reports = reportsForPeriod(model, profile);
  const withPrognos = reports.filter((r) => r.prognos);
  return [
    {
      facts: {
        kommun: blank(st.kommun),
        profil: profile.name,
        budgetar: num(st.budgetar),
        periodAr: st.period?.year ?? null,
        periodManad: st.period?.month ?? null,
        beloppI: st.beloppI,
        antalNamnder: model.budget ? shared.namndTotals().length : 0,
        antalBudgetrader: model.budget?.lines.length ?? 0,
        antalPlanar: model.budget?.planYears.length ?? 0,
        planarKrav: profile.planYears,
        harPrognoskolumn: model.budget?.hasPrognos ?? false,
        harPrognosvarden: (model.budget?.lines ?? []).some((l) => num(l.prognos) !== null),
        harUtfallskolumn: model.budget?.location.columns.utfall !== undefined,
        rapport: (withPrognos[0] ?? reports[0])?.name ?? null,
        periodKraverPrognos: st.period === null ? null : withPrognos.length > 0,
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
export function buildFactObjects(model: Model, scope: Scope, profile: Profile, shared = new SharedFacts(model)): FactObject[] {
  const table = buildFactTable(model, scope, profile, shared) as FactTable<unknown>;
  return table.items.map((item) => table.object(item));
}

/** The items of one scope, in sheet order, with how to read their facts. */
export function buildFactTable(model: Model, scope: Scope, profile: Profile, shared = new SharedFacts(model)): FactTable<BudgetLine> | FactTable<FactObject> {
  switch (scope) {
    case 'budgetrad': {
      const budget = model.budget;
      if (!budget) return objectTable([]);
      const lines: FactTable<BudgetLine> = {
        items: budget.lines,
        read: lineFactReader,
        object: (line) => budgetLineObject(budget, line),
        expression: lineFactExpression,
      };
      return lines;
    }
    case 'namnd':
      return objectTable(namndObjects(model, shared));
    case 'mal':
      return objectTable(goalObjects(model, profile, shared));
    case 'indikator':
      return objectTable(indicatorObjects(model));
    case 'uppdrag':
      return objectTable(uppdragObjects(model));
    case 'atgard':
      return objectTable(atgardObjects(model));
    case 'arbetsbok':
      return objectTable(workbookObject(model, profile, shared));
  }
}
