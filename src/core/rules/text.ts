/**
 * Loose matching of names written by people: nämnd names across sheets and Nivå names. Folds
 * case, spaces and å/ä/ö like the input layer, and ignores punctuation.
 */
import { foldText } from '../input';

const NOT_ALNUM = /[^a-z0-9]/g;

/*
 * A workbook repeats a handful of names on every row (a nämnd on 100 000 budget lines), and
 * folding (NFD and regexes) costs about a microsecond: each distinct text is folded once. The
 * cache is emptied when full, so it stays small whatever the workbook holds.
 */
const cache = new Map<string, string>();
const CACHE_MAX = 10_000;

export function looseKey(text: string): string {
  let key = cache.get(text);
  if (key === undefined) {
    key = foldText(text).replace(NOT_ALNUM, '');
    if (cache.size >= CACHE_MAX) cache.clear();
    cache.set(text, key);
  }
  return key;
}
