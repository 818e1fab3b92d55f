/** The facts of the mal scope: one object per goal, with its place in the goal chain and its nämnd's åtgärder and deficit. */
import type { Goal, Model } from '../../model';
import { swedishList } from '../../input/text';
import type { Profile } from '../profile-schema';
import type { FactObject } from '../fact-object';
import { inCycles, nivaLevels, type NivaLevel } from '../goal-chain';
import { blank, num } from '../line-facts';
import { looseKey, uncachedLooseKey } from '../text';
import { PROGNOS_TEXT } from '../words';
import { countBy, type SharedFacts } from './shared';

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

/** Perspektiv match ignoring an explanation in brackets: "Värdegrund (KRAM)" is värdegrund. */
const perspektivKey = (text: string): string => looseKey(text.replace(/\([^()]*\)/g, ' '));

export function goalObjects(model: Model, profile: Profile, shared: SharedFacts): FactObject[] {
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
