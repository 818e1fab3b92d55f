/** Builders with valid defaults for models and rule sets (tests only). */
import { readdirSync, readFileSync, statSync } from 'fs';
import { join, relative } from 'path';
import type { Atgard, BudgetLine, BudgetSheet, Goal, Model, Settings, SettingEntry, SheetLocation, TableSheet, Uppdrag } from '../../../src/core/model';
import { loadRuleSet, type FileInput, type RuleSet } from '../../../src/core/rules/load';
import { looseKey } from '../../../src/core/rules/text';

export const ROOT = join(__dirname, '..', '..', '..');

export const BUDGET_COLUMNS = { namnd: 1, verksamhet: 2, konto: 3, budget: 4, utfall: 5, prognos: 6, avvikelse: 7, kommentar: 8 };

export function location(name: string, columns: Record<string, number> = BUDGET_COLUMNS, headerRow = 1): SheetLocation {
  return { name, headerRow, columns, headers: Object.fromEntries(Object.keys(columns).map((k) => [k, k])) };
}

let nextRow = 2;
/** A cost line; avvikelse is budget − prognos (or − utfall without prognos) unless given. */
export function budgetLine(over: Partial<BudgetLine> = {}): BudgetLine {
  const budget = over.budget !== undefined ? over.budget : 1_000_000;
  const utfall = over.utfall !== undefined ? over.utfall : 600_000;
  const prognos = over.prognos !== undefined ? over.prognos : 1_000_000;
  const basis = prognos ?? utfall;
  return {
    row: nextRow++,
    namnd: 'Socialnämnden',
    verksamhet: 'Hemtjänst',
    konto: null,
    typ: 'kostnad',
    budget,
    utfall,
    prognos,
    avvikelse: budget === null || basis === null ? null : budget - basis,
    avvikelseAngiven: null,
    kommentar: null,
    plan: [],
    ...over,
  };
}

export function budgetSheet(lines: BudgetLine[], over: Partial<BudgetSheet> = {}): BudgetSheet {
  return { location: location('Budget'), lines, totals: [], hasPrognos: true, planYears: [], ...over };
}

export function settings(over: Partial<Settings> = {}, values: Record<string, string | number | boolean | null> = {}): Settings {
  const entries: Record<string, SettingEntry> = {};
  let row = 2;
  for (const [key, value] of Object.entries(values)) entries[looseKey(key)] = { row: row++, key, value };
  return {
    kommun: 'Testkommun',
    kommunkod: null,
    profil: null,
    budgetar: 2025,
    period: { year: 2025, month: 8 },
    beloppI: 'kr',
    tecken: 'kostnad positiv',
    namnd: null,
    koladaUrl: null,
    entries,
    sheet: Object.keys(values).length > 0 ? 'Inställningar' : null,
    ...over,
  };
}

export function atgard(over: Partial<Atgard> = {}): Atgard {
  return { row: 2, namnd: 'Socialnämnden', text: 'Minska inhyrd personal', belopp: 500_000, ansvarig: 'Förvaltningschef', klartSenast: '2025-12-31', status: null, ...over };
}

export function goal(over: Partial<Goal> = {}): Goal {
  return { row: 2, id: 'M1', niva: 'Nämndmål', text: 'Mål', parentId: null, namnd: 'Socialnämnden', perspektiv: null, prognos: null, kraverMedel: null, ...over };
}

export function uppdrag(over: Partial<Uppdrag> = {}): Uppdrag {
  return { row: 2, id: 'U1', text: 'Utred', givetAv: 'KF', ansvarig: 'Socialnämnden', kostnad: null, finansierad: null, status: null, klartSenast: null, ...over };
}

export function table<T>(name: string, items: T[], columns: Record<string, number> = { namnd: 1, text: 2, belopp: 3 }): TableSheet<T> {
  return { location: location(name, columns), items };
}

export function model(over: Partial<Model> = {}): Model {
  return {
    budget: budgetSheet([budgetLine()]),
    goals: null,
    indicators: null,
    uppdrag: null,
    atgarder: null,
    settings: settings(),
    tecken: { value: 'kostnad positiv', assumed: false },
    notes: [],
    inlast: { sheets: [], enhet: null, skipped: [] },
    ...over,
  };
}

function jsonFiles(dir: string): string[] {
  return readdirSync(dir)
    .sort()
    .flatMap((name) => {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) return name === 'schema' || name === 'templates' ? [] : jsonFiles(path);
      return name.endsWith('.json') ? [path] : [];
    });
}

const read = (path: string): FileInput => ({ path: relative(ROOT, path).split('\\').join('/'), json: JSON.parse(readFileSync(path, 'utf8')) });

/** The committed rule and profile files. */
export function ruleFiles(): { rules: FileInput[]; profiles: FileInput[] } {
  const all = jsonFiles(join(ROOT, 'rules'));
  const isProfile = (p: string) => p.includes(`${join('rules', 'profiles')}`);
  return { rules: all.filter((p) => !isProfile(p)).map(read), profiles: all.filter(isProfile).map(read) };
}

export function realRuleSet(): RuleSet {
  return loadRuleSet(ruleFiles());
}
