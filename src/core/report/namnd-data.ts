/** Picks one nämnd's data out of the model: budget by verksamhet, goals, indicators, uppdrag, åtgärder. */
import type { Atgard, BudgetLine, Goal, Indicator, Model, Uppdrag } from '../model';
import type { Finding } from '../finding';
import { normalizeName } from './cell-ref';

/** Goals without a nämnd, or owned by these, belong to fullmäktige and get no report of their own. */
const KF_NAMES = new Set(['kf', 'kommunfullmaktige', 'fullmaktige']);

export function sameNamnd(a: string | null | undefined, b: string | null | undefined): boolean {
  return !!a && !!b && normalizeName(a) === normalizeName(b);
}

/** Every nämnd in the model, in order of first appearance (Budget, then Mål, Uppdrag, Åtgärder). */
export function listNamnder(model: Model): string[] {
  const out: string[] = [];
  const add = (n: string | null | undefined): void => {
    if (!n || !n.trim() || KF_NAMES.has(normalizeName(n))) return;
    if (!out.some((o) => sameNamnd(o, n))) out.push(n.trim());
  };
  for (const l of model.budget?.lines ?? []) add(l.namnd);
  for (const g of model.goals?.items ?? []) if (g.parentId) add(g.namnd);
  for (const u of model.uppdrag?.items ?? []) add(u.ansvarig);
  for (const a of model.atgarder?.items ?? []) add(a.namnd);
  if (out.length === 0) add(model.settings.namnd);
  return out;
}

export interface BudgetGroup {
  verksamhet: string;
  budget: number | null;
  utfall: number | null;
  prognos: number | null;
  lines: BudgetLine[];
}

export interface GoalEntry {
  goal: Goal;
  /** Depth below the nämnd's top goal (0 for a goal breaking down someone else's goal). */
  depth: number;
  indicators: Indicator[];
}

export interface GoalGroup {
  /** The goal one level up that the nämnd's goals break down (a KF goal), or null. */
  parent: Goal | null;
  goals: GoalEntry[];
}

export interface NamndData {
  namnd: string;
  budget: BudgetGroup[];
  goalGroups: GoalGroup[];
  uppdrag: Uppdrag[];
  atgarder: Atgard[];
  findings: Finding[];
}

const NO_VERKSAMHET = '(ingen verksamhet angiven)';

function sumOrNull(values: (number | null)[]): number | null {
  const nums = values.filter((v): v is number => v !== null);
  return nums.length ? nums.reduce((a, b) => a + b, 0) : null;
}

function budgetGroups(model: Model, namnd: string): BudgetGroup[] {
  const groups = new Map<string, BudgetLine[]>();
  for (const l of model.budget?.lines ?? []) {
    if (!sameNamnd(l.namnd, namnd)) continue;
    const v = l.verksamhet?.trim() || NO_VERKSAMHET;
    const key = normalizeName(v);
    const list = groups.get(key) ?? [];
    if (!list.length) groups.set(key, list);
    list.push(l);
  }
  return [...groups.values()].map((lines) => ({
    verksamhet: lines[0].verksamhet?.trim() || NO_VERKSAMHET,
    budget: sumOrNull(lines.map((l) => l.budget)),
    utfall: sumOrNull(lines.map((l) => l.utfall)),
    prognos: sumOrNull(lines.map((l) => l.prognos)),
    lines,
  }));
}

function goalGroups(model: Model, namnd: string): GoalGroup[] {
  const all = model.goals?.items ?? [];
  const byId = new Map(all.map((g) => [g.id, g]));
  const own = all.filter((g) => sameNamnd(g.namnd, namnd));
  const ownIds = new Set(own.map((g) => g.id));
  const indicators = model.indicators?.items ?? [];
  const children = (id: string): Goal[] => own.filter((g) => g.parentId === id);

  const groups = new Map<string, GoalGroup>();
  const visit = (g: Goal, depth: number, into: GoalGroup, seen: Set<string>): void => {
    if (seen.has(g.id)) return;
    seen.add(g.id);
    into.goals.push({ goal: g, depth, indicators: indicators.filter((i) => i.goalId === g.id) });
    for (const c of children(g.id)) visit(c, depth + 1, into, seen);
  };
  const seen = new Set<string>();
  // Roots: the nämnd's goals whose parent is not the nämnd's own.
  for (const g of own) {
    if (g.parentId && ownIds.has(g.parentId)) continue;
    const parent = g.parentId ? byId.get(g.parentId) ?? null : null;
    const key = parent?.id ?? '';
    let group = groups.get(key);
    if (!group) {
      group = { parent, goals: [] };
      groups.set(key, group);
    }
    visit(g, 0, group, seen);
  }
  // Goals in a cycle of the nämnd's own goals have no root; still show them.
  for (const g of own) if (!seen.has(g.id)) {
    let group = groups.get('');
    if (!group) groups.set('', (group = { parent: null, goals: [] }));
    visit(g, 0, group, seen);
  }
  return [...groups.values()];
}

export function namndData(model: Model, namnd: string, findings: Finding[] = []): NamndData {
  return {
    namnd,
    budget: budgetGroups(model, namnd),
    goalGroups: goalGroups(model, namnd),
    uppdrag: (model.uppdrag?.items ?? []).filter((u) => sameNamnd(u.ansvarig, namnd)),
    atgarder: (model.atgarder?.items ?? []).filter((a) => sameNamnd(a.namnd, namnd)),
    findings: findings.filter((f) => sameNamnd(f.namnd, namnd)),
  };
}

export { sheetNames } from './file-name';
