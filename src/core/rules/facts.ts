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
import { blank, budgetLineTable, moneyFacts, num } from './line-facts';
import { namndTotals, type NamndTotals, totalsFromSums } from './namnd-totals';
import { looseKey, uncachedLooseKey } from './text';

export { SCOPE_FACTS, TARGET_FIELDS, type FactDef, type FactType, type FactValue } from './fact-registry';
export type { Anchor, FactObject, FactTable } from './fact-object';

/** Work shared by the scopes of one run (the nämnd totals are needed by three of them). */
export class SharedFacts {
  private totals: NamndTotals[] | null = null;
  private prognosValues: boolean | null = null;
  constructor(readonly model: Model) {}
  namndTotals(): NamndTotals[] {
    const budget = this.model.budget;
    return (this.totals ??= (budget?.namndSums && totalsFromSums(budget.namndSums)) ?? namndTotals(budget?.lines ?? []));
  }
  /** Whether at least one budget line has a prognos (workbook and nämnd facts alike). */
  harPrognosvarden(): boolean {
    return (this.prognosValues ??= (this.model.budget?.lines ?? []).some((l) => num(l.prognos) !== null));
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

function namndObjects(model: Model, profile: Profile, shared: SharedFacts): FactObject[] {
  const budget = model.budget;
  if (!budget) return [];
  const { periodKraverPrognos, rapport } = periodReport(model, profile);
  const harPrognosvarden = shared.harPrognosvarden();
  // Lines with a budget but no prognos, per nämnd (only counted when the period asks for a prognos).
  const utanPrognos = new Map<string, number>();
  if (periodKraverPrognos && budget.hasPrognos) {
    for (const l of budget.lines) {
      // A prognos that could not be read is an input error already, not a missing one.
      if (num(l.budget) !== null && num(l.prognos) === null && !budget.unreadablePrognos?.has(l)) {
        const k = looseKey(l.namnd ?? '');
        utanPrognos.set(k, (utanPrognos.get(k) ?? 0) + 1);
      }
    }
  }
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
    // A budget over several sheets (one per nämnd): the sheet of that row, or of the nämnd's first line.
    const where = total?.location ?? (budget.parts ? budget.lines.find((l) => looseKey(l.namnd) === key)?.location : null) ?? budget.location;
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
        antalRaderUtanPrognos: utanPrognos.get(key) ?? 0,
        periodKraverPrognos,
        rapport,
        harPrognosvarden,
      },
      anchor: { sheet: where.name, row: total?.row ?? sums.firstRow, namnd: blank(namnd), location: where },
    };
  });
}

const PROGNOS_TEXT: Record<GoalPrognos, string> = { uppnas: 'Uppnås', delvis: 'Delvis', 'uppnas-ej': 'Uppnås ej' };

/** What the goals of one nämnd share: its åtgärder (and the words and keys goals are found by), its deficit. */
interface GoalOwner {
  antalAtgarder: number;
  /** Every word of the nämnd's Åtgärd texts. */
  words: Set<string>;
  /** The loose key of each Åtgärd text. */
  keys: string[];
  underskott: number | null;
}

const NO_OWNER: GoalOwner = { antalAtgarder: 0, words: new Set(), keys: [], underskott: null };

const ATGARD_WORD_SEPARATORS = /[\s,;:()[\]"'”’]+/;

/** The goal owners by nämnd text as written, each worked out once per loose key. */
function goalOwners(model: Model, shared: SharedFacts): (namnd: string | null) => GoalOwner {
  const atgarder = countBy(model.atgarder?.items ?? [], (a) => looseKey(a.namnd ?? ''));
  const underskott = new Map<string, number | null>();
  for (const { key, avvikelse } of shared.namndTotals()) underskott.set(key, avvikelse === null ? null : avvikelse < 0 ? -avvikelse : 0);
  const byKey = new Map<string, GoalOwner>();
  const byText = new Map<string, GoalOwner>();
  const ownerOfKey = (key: string): GoalOwner => {
    let owner = byKey.get(key);
    if (owner === undefined) {
      const own = atgarder.get(key) ?? [];
      const words = new Set<string>();
      for (const a of own) for (const w of (a.text ?? '').toLowerCase().split(ATGARD_WORD_SEPARATORS)) words.add(w.replace(/\.+$/, ''));
      owner = { antalAtgarder: own.length, words, keys: own.map((a) => looseKey(a.text ?? '')), underskott: underskott.get(key) ?? null };
      byKey.set(key, owner);
    }
    return owner;
  };
  return (namnd) => {
    if (namnd === null) return NO_OWNER;
    let owner = byText.get(namnd);
    if (owner === undefined) byText.set(namnd, (owner = ownerOfKey(looseKey(namnd))));
    return owner;
  };
}

const NOT_ASCII_ALNUM = /[^a-z0-9]/;

/** Whether one of the Åtgärd keys holds `part`. */
function inAnyKey(keys: string[], part: string): boolean {
  for (const key of keys) if (key.includes(part)) return true;
  return false;
}

/** Whether one of the nämnd's Åtgärd texts names a goal: its ID as a word of its own, or its whole text. */
function mentionedIn(owner: GoalOwner, goal: Goal): boolean {
  if (owner.antalAtgarder === 0) return false;
  const id = goal.id.trim().toLowerCase();
  if (id !== '' && owner.words.has(id)) return true;
  // The text's loose key starts with the letters and digits that begin its lower-cased text:
  // an Åtgärd key without those cannot hold it, and the (costly) folding is skipped.
  const goalText = goal.text ?? '';
  const lower = goalText.toLowerCase();
  const end = lower.search(NOT_ASCII_ALNUM);
  if (!inAnyKey(owner.keys, end < 0 ? lower : lower.slice(0, end))) return false;
  const text = uncachedLooseKey(goalText);
  return text.length >= 10 && inAnyKey(owner.keys, text);
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

/** A Nivå text's place in the profile's goal chain. */
interface NivaLevel {
  key: string | null;
  depth: number | null;
  /** The level key and name the goal's parent should have. */
  parentKey: string | null;
  parentName: string | null;
}

/** The level of a Nivå text as written, worked out once per distinct text. */
function nivaLevels(profile: Profile): (niva: string | null) => NivaLevel {
  const keyOf = new Map<string, string>();
  for (const level of profile.goalChain) {
    for (const name of [level.name, ...level.synonyms]) keyOf.set(looseKey(name), level.key);
  }
  const depths = levelDepths(profile);
  const levelOf = (key: string | null) => profile.goalChain.find((l) => l.key === key);
  const levelFor = (key: string | null): NivaLevel => {
    const parentKey = levelOf(key)?.parent ?? null;
    return { key, depth: key === null ? null : (depths.get(key) ?? null), parentKey, parentName: levelOf(parentKey)?.name ?? null };
  };
  const none = levelFor(null);
  const byText = new Map<string, NivaLevel>();
  return (niva) => {
    if (niva === null) return none;
    let level = byText.get(niva);
    if (level === undefined) byText.set(niva, (level = levelFor(keyOf.get(looseKey(niva)) ?? null)));
    return level;
  };
}

/** Perspektiv match ignoring an explanation in brackets: "Värdegrund (KRAM)" is värdegrund. */
const perspektivKey = (text: string): string => looseKey(text.replace(/\([^()]*\)/g, ' '));

/** Which goals' parent chains return to themselves; parent[i] is the index of goal i's parent, -1 for none. */
function inCycles(parent: Int32Array): Uint8Array {
  const n = parent.length;
  const cyclic = new Uint8Array(n);
  for (let start = 0; start < n; start++) {
    let cur = start;
    for (let steps = 0; steps <= n && cur >= 0; steps++) {
      cur = parent[cur];
      if (cur === start) {
        cyclic[start] = 1;
        break;
      }
    }
  }
  return cyclic;
}

function goalObjects(model: Model, profile: Profile, shared: SharedFacts): FactObject[] {
  const sheet = model.goals;
  if (!sheet) return [];
  const goals = sheet.items;
  const n = goals.length;
  const levelOf = nivaLevels(profile);
  const ownerOf = goalOwners(model, shared);
  const indicatorCount = new Map<string, number>();
  for (const i of model.indicators?.items ?? []) indicatorCount.set(i.goalId, (indicatorCount.get(i.goalId) ?? 0) + 1);
  // A goal's parent is the first goal with its Förälder ID.
  const first = new Map<string, number>();
  const childCount = new Map<string, number>();
  const levels: NivaLevel[] = new Array(n);
  for (let i = 0; i < n; i++) {
    const g = goals[i];
    if (blank(g.id) !== null && !first.has(g.id)) first.set(g.id, i);
    const parentId = blank(g.parentId);
    if (parentId !== null) childCount.set(parentId, (childCount.get(parentId) ?? 0) + 1);
    levels[i] = levelOf(blank(g.niva));
  }
  const parent = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    const parentId = blank(goals[i].parentId);
    parent[i] = parentId === null ? -1 : (first.get(parentId) ?? -1);
  }
  const cyclic = inCycles(parent);
  const allowed = profile.perspektiv ? new Set(profile.perspektiv.map(perspektivKey)) : null;
  const perspektivKeys = new Map<string, string>();
  // The same for every goal: worked out once.
  const kandaNivaer = swedishList(profile.goalChain.map((l) => l.name));
  const tillatnaPerspektiv = profile.perspektiv ? swedishList(profile.perspektiv) : null;
  const location = sheet.location;
  const objects: FactObject[] = new Array(n);
  for (let i = 0; i < n; i++) {
    const g = goals[i];
    const id = blank(g.id);
    const firstRow = id === null ? null : goals[first.get(id)!].row;
    const parentId = blank(g.parentId);
    const p = parent[i];
    const level = levels[i];
    const parentLevel = p < 0 ? null : levels[p].key;
    const perspektiv = blank(g.perspektiv);
    let perspektivTillatet: boolean | null = null;
    if (allowed !== null && perspektiv !== null) {
      let key = perspektivKeys.get(perspektiv);
      if (key === undefined) perspektivKeys.set(perspektiv, (key = perspektivKey(perspektiv)));
      perspektivTillatet = allowed.has(key);
    }
    const namnd = blank(g.namnd);
    const owner = ownerOf(namnd);
    objects[i] = {
      facts: {
        id,
        niva: blank(g.niva),
        nivaNyckel: level.key,
        nivaDjup: level.depth,
        kandaNivaer,
        toppniva: level.depth === 0,
        text: blank(g.text),
        foralder: parentId,
        harForalder: parentId !== null,
        foralderFinns: p >= 0,
        foralderNiva: p < 0 ? null : blank(goals[p].niva),
        foralderNivaNyckel: parentLevel,
        forvantadForalderNivaNyckel: level.parentKey,
        forvantadForalderNiva: level.parentName,
        foralderRattNiva: level.parentKey === null || parentLevel === null ? null : parentLevel === level.parentKey,
        iCykel: cyclic[i] === 1,
        idDubblett: firstRow !== null && firstRow !== g.row,
        forstaRad: firstRow,
        antalUndermal: id === null ? 0 : (childCount.get(id) ?? 0),
        namnd,
        harNamnd: namnd !== null,
        perspektiv,
        perspektivKravs: allowed !== null && level.depth !== 0,
        perspektivTillatet,
        tillatnaPerspektiv,
        prognos: g.prognos,
        prognosText: g.prognos === null ? null : PROGNOS_TEXT[g.prognos],
        kraverMedel: num(g.kraverMedel),
        antalIndikatorer: indicatorCount.get(g.id) ?? 0,
        antalAtgarderNamnd: owner.antalAtgarder,
        harAtgard: mentionedIn(owner, g),
        namndUnderskott: owner.underskott,
        namndHarUnderskott: owner.underskott !== null && owner.underskott > 0,
      },
      anchor: { sheet: location.name, row: g.row, namnd, location },
    };
  }
  return objects;
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

/** Whether work with this deadline and status is late at the Period's end (null when either is unknown). */
function late(klartSenast: string | null, klar: boolean, end: string | null): boolean | null {
  return klartSenast === null || end === null ? null : !klar && klartSenast < end;
}

function indicatorObjects(model: Model): FactObject[] {
  const sheet = model.indicators;
  if (!sheet) return [];
  // Per goal ID the owner of the last goal with it (a goal ID listed at all makes malFinns true).
  const goalOwner = new Map<string, string | null>();
  for (const g of model.goals?.items ?? []) goalOwner.set(g.id, blank(g.namnd));
  const year = referenceYear(model);
  const location = sheet.location;
  const items = sheet.items;
  const objects: FactObject[] = new Array(items.length);
  for (let k = 0; k < items.length; k++) {
    const i = items[k];
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
    const koladaId = blank(i.koladaId);
    objects[k] = {
      facts: {
        id: blank(i.id),
        malId: blank(i.goalId),
        malFinns: goalOwner.has(i.goalId),
        text: blank(i.text),
        koladaId,
        harKoladaId: koladaId !== null,
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
      anchor: { sheet: location.name, row: i.row, namnd: goalOwner.get(i.goalId) ?? null, location },
    };
  }
  return objects;
}

function uppdragObjects(model: Model): FactObject[] {
  const sheet = model.uppdrag;
  if (!sheet) return [];
  const end = periodEnd(model);
  return sheet.items.map((u) => {
    const ansvarig = blank(u.ansvarig);
    const status = blank(u.status);
    const klartSenast = blank(u.klartSenast);
    const klar = isDone(status);
    return {
      facts: {
        id: blank(u.id),
        text: blank(u.text),
        givetAv: blank(u.givetAv),
        ansvarig,
        harAnsvarig: ansvarig !== null,
        kostnad: num(u.kostnad),
        finansierad: u.finansierad,
        finansieradText: u.finansierad === null ? null : u.finansierad ? 'Ja' : 'Nej',
        status,
        klartSenast,
        klar,
        periodSlut: end,
        forsenad: late(klartSenast, klar, end),
      },
      anchor: { sheet: sheet.location.name, row: u.row, namnd: ansvarig, location: sheet.location },
    };
  });
}

function atgardObjects(model: Model): FactObject[] {
  const sheet = model.atgarder;
  if (!sheet) return [];
  const end = periodEnd(model);
  return sheet.items.map((a) => {
    const namnd = blank(a.namnd);
    const ansvarig = blank(a.ansvarig);
    const status = blank(a.status);
    const klartSenast = blank(a.klartSenast);
    const klar = isDone(status);
    return {
      facts: {
        namnd,
        text: blank(a.text),
        belopp: num(a.belopp),
        ansvarig,
        harAnsvarig: ansvarig !== null,
        klartSenast,
        status,
        klar,
        periodSlut: end,
        forsenad: late(klartSenast, klar, end),
      },
      anchor: { sheet: sheet.location.name, row: a.row, namnd, location: sheet.location },
    };
  });
}

/** The profile's calendar entries whose period ends in the workbook's Period month. */
function reportsForPeriod(model: Model, profile: Profile) {
  const month = model.settings.period?.month;
  return month === undefined ? [] : profile.calendar.filter((e) => e.periodEnd.month === month);
}

/** The report the Period's month asks for (the one with a prognos first), and whether it asks for a prognos; null without Period. */
function periodReport(model: Model, profile: Profile): { rapport: string | null; periodKraverPrognos: boolean | null } {
  const reports = reportsForPeriod(model, profile);
  const withPrognos = reports.filter((r) => r.prognos);
  return {
    rapport: (withPrognos[0] ?? reports[0])?.name ?? null,
    periodKraverPrognos: model.settings.period === null ? null : withPrognos.length > 0,
  };
}

function workbookObject(model: Model, profile: Profile, shared: SharedFacts): FactObject[] {
  const st = model.settings;
  const { periodKraverPrognos, rapport } = periodReport(model, profile);
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
        harPrognosvarden: shared.harPrognosvarden(),
        harUtfallskolumn: model.budget?.location.columns.utfall !== undefined,
        rapport,
        periodKraverPrognos,
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
      return budgetLineTable(budget);
    }
    case 'namnd':
      return objectTable(namndObjects(model, profile, shared));
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
