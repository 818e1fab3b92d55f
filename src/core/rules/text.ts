/**
 * Loose matching of names written by people: nämnd names across sheets and Nivå names. Folds
 * case, spaces and å/ä/ö like the input layer, and ignores punctuation.
 */
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
    key = uncachedLooseKey(text);
    if (cache.size >= CACHE_MAX) cache.clear();
    cache.set(text, key);
  }
  return key;
}

/** looseKey without the cache, for texts that seldom repeat (such as goal texts). */
export function uncachedLooseKey(text: string): string {
  // foldText(text) with every non-alphanumeric removed: its later steps (dropping combining
  // marks, collapsing and trimming spaces) only touch characters removed here anyway.
  return text.toLowerCase().normalize('NFD').replace(NOT_ALNUM, '');
}
