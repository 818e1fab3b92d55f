/**
 * What a write leaves behind if Excel stops it half-way. Writes take many syncs and Excel does not
 * roll back the syncs already done, so every write says first, in the workbook settings, which
 * temporary sheets it is about to add; the next write deletes exactly those (and no sheet of the
 * user's that merely has a similar name) before it starts. The marks' own safety net is the mark
 * record (mark-record.ts), written before the first fill.
 */
export const TEMP_SHEETS_KEY = 'styrkoll.temporaryBlad';

/** Excel's longest sheet name. */
const MAX_SHEET_NAME = 31;

/** The temporary sheet names a stored journal lists; anything unreadable lists none. */
export function parseJournal(value: unknown): string[] {
  let data = value;
  if (typeof data === 'string') {
    try {
      data = JSON.parse(data);
    } catch {
      return [];
    }
  }
  return Array.isArray(data) ? data.filter((n): n is string => typeof n === 'string' && n.length > 0 && n.length <= MAX_SHEET_NAME) : [];
}

/**
 * A name for the new sheet while the old `name` still exists: `<name>_ny`, or `_ny2`, `_ny3` …
 * when a sheet (the user's, say) already has that name. `taken` holds lower-case names.
 */
export function freeTemporaryName(name: string, taken: Set<string>): string {
  for (let i = 1; ; i++) {
    const suffix = i === 1 ? '_ny' : `_ny${i}`;
    const candidate = `${name.slice(0, MAX_SHEET_NAME - suffix.length)}${suffix}`;
    if (!taken.has(candidate.toLowerCase())) return candidate;
  }
}

/** Queues the journal listing `names` (an empty list once the write is done). */
export function queueJournal(workbook: Excel.Workbook, names: string[]): void {
  workbook.settings.add(TEMP_SHEETS_KEY, JSON.stringify(names));
}

/** Sheets of `items` that a stored journal names: temporary sheets an interrupted write left. */
export function leftoverSheets(items: Excel.Worksheet[], journal: Excel.Setting): Excel.Worksheet[] {
  if (journal.isNullObject) return [];
  const names = new Set(parseJournal(journal.value).map((n) => n.toLowerCase()));
  return items.filter((ws) => names.has(ws.name.toLowerCase()));
}
