/** Enumerated cell values (Typ, goal prognos, Riktning, Finansierad, Tecken, Belopp i). */
import type { BudgetTyp, GoalPrognos, Riktning } from '../model';
import type { CellValue } from '../snapshot';
import { foldText } from './text';

const NOT_ALNUM = /[^a-z0-9]+/g;

// A column such as Riktning or Prognos repeats a few texts on thousands of rows: each distinct
// text is folded once (the cache is emptied when full, so it stays small).
const folded = new Map<string, string | null>();
const FOLDED_MAX = 1000;

/** Folded text without spaces or punctuation; null for an empty cell. */
function key(v: CellValue | undefined): string | null {
  if (v === null || v === undefined) return null;
  if (typeof v !== 'string' && typeof v !== 'number' && typeof v !== 'boolean') return '?';
  const text = String(v);
  let k = folded.get(text);
  if (k === undefined) {
    const t = foldText(text).replace(NOT_ALNUM, '');
    k = t === '' ? null : t;
    if (folded.size >= FOLDED_MAX) folded.clear();
    folded.set(text, k);
  }
  return k;
}

/** Null = empty, undefined = not a known value. */
export function parseTyp(v: CellValue | undefined): BudgetTyp | null | undefined {
  const k = key(v);
  if (k === null) return null;
  if (k.startsWith('kostn') || k === 'k' || k === 'cost' || k === 'costs' || k === 'expense' || k === 'expenses') return 'kostnad';
  if (k.startsWith('intak') || k === 'i' || k === 'revenue' || k === 'revenues' || k === 'income') return 'intakt';
  return undefined;
}

const PROGNOS: Record<string, GoalPrognos> = {
  uppnas: 'uppnas',
  uppnatt: 'uppnas',
  uppnatts: 'uppnas',
  uppfyllt: 'uppnas',
  helt: 'uppnas',
  heltuppnatt: 'uppnas',
  ja: 'uppnas',
  delvis: 'delvis',
  delvisuppnatt: 'delvis',
  delvisuppnas: 'delvis',
  delvisuppfyllt: 'delvis',
  uppnasej: 'uppnas-ej',
  uppnasinte: 'uppnas-ej',
  ejuppnatt: 'uppnas-ej',
  ejuppnas: 'uppnas-ej',
  inteuppnatt: 'uppnas-ej',
  uppnattsej: 'uppnas-ej',
  ejuppfyllt: 'uppnas-ej',
  nej: 'uppnas-ej',
};

export function parseGoalPrognos(v: CellValue | undefined): GoalPrognos | null | undefined {
  const k = key(v);
  if (k === null) return null;
  return PROGNOS[k];
}

export function parseRiktning(v: CellValue | undefined): Riktning | null | undefined {
  const k = key(v);
  if (k === null) return null;
  if (k.startsWith('lagre') || k.startsWith('minska') || k === 'lag' || k.startsWith('lower') || k === 'ned' || k === 'nedat') return 'lagre';
  if (k.startsWith('hogre') || k.startsWith('oka') || k === 'hog' || k.startsWith('higher') || k === 'upp' || k === 'uppat') return 'hogre';
  return undefined;
}

export function parseBoolean(v: CellValue | undefined): boolean | null | undefined {
  if (typeof v === 'boolean') return v;
  if (typeof v === 'number') return v === 1 ? true : v === 0 ? false : undefined;
  const k = key(v);
  if (k === null) return null;
  if (k === 'ja' || k === 'j' || k === 'x' || k === 'sant' || k === 'true' || k === 'yes' || k === 'y') return true;
  if (k === 'nej' || k === 'n' || k === 'falskt' || k === 'false' || k === 'no') return false;
  return undefined;
}

export type Tecken = 'kostnad positiv' | 'kostnad negativ';

export function parseTecken(v: CellValue | undefined): Tecken | null | undefined {
  const k = key(v);
  if (k === null) return null;
  if (k.includes('negativ')) return 'kostnad negativ';
  if (k.includes('positiv')) return 'kostnad positiv';
  return undefined;
}

export function parseBeloppI(v: CellValue | undefined): 'kr' | 'tkr' | 'mnkr' | null | undefined {
  const k = key(v);
  if (k === null) return null;
  if (k === 'tkr' || k === 'tusenkronor' || k === 'tusentalskronor' || k === 'ksek' || k === 'tsek') return 'tkr';
  if (k === 'mnkr' || k === 'mkr' || k === 'msek' || k === 'miljonerkronor' || k === 'miljonkronor' || k === 'mnkronor') return 'mnkr';
  if (k === 'kr' || k === 'kronor' || k === 'sek') return 'kr';
  return undefined;
}
