/** Finding the contract's sheets by name: case-insensitive, trimmed, å/ä/ö folded, a few synonyms. */
import type { SheetSnapshot, WorkbookSnapshot } from '../snapshot';
import { foldText } from './text';

export type SheetKind = 'budget' | 'mal' | 'indikatorer' | 'uppdrag' | 'atgarder' | 'installningar';

/** The contract's name of each sheet, as shown to users. */
export const SHEET_TITLES: Record<SheetKind, string> = {
  budget: 'Budget',
  mal: 'Mål',
  indikatorer: 'Indikatorer',
  uppdrag: 'Uppdrag',
  atgarder: 'Åtgärder',
  installningar: 'Inställningar',
};

// Accepted names besides the title, as users write them; compared folded (see foldText).
// Kept conservative: only names that cannot mean another sheet.
const SYNONYMS: Record<SheetKind, string[]> = {
  budget: ['Budgetuppföljning'],
  mal: ['Målkedja', 'Goals'],
  indikatorer: ['Indikator', 'Indicators'],
  uppdrag: ['Särskilda uppdrag', 'Assignments'],
  atgarder: ['Åtgärdsplan', 'Åtgärdsplaner', 'Actions'],
  installningar: ['Inställning', 'Settings'],
};

const FOLDED: Record<SheetKind, string[]> = Object.fromEntries(
  (Object.keys(SHEET_TITLES) as SheetKind[]).map((k) => [k, [SHEET_TITLES[k], ...SYNONYMS[k]].map(foldText)]),
) as Record<SheetKind, string[]>;

/**
 * Every sheet name findSheet accepts, spelled with and without å/ä/ö, for readers that unpack only
 * the sheets the check needs (they compare case-insensitively, ignoring surrounding spaces).
 */
export const CONTRACT_SHEET_NAMES: readonly string[] = Object.freeze(
  Array.from(new Set((Object.keys(SHEET_TITLES) as SheetKind[]).flatMap((k) => [SHEET_TITLES[k], ...SYNONYMS[k], ...FOLDED[k]]))),
);

/**
 * The sheet of a kind: an exact (case-insensitive, trimmed) match on the contract name wins over
 * a folded or synonym match; among equals the first sheet in the workbook.
 */
export function findSheet(snapshot: WorkbookSnapshot, kind: SheetKind): SheetSnapshot | null {
  const sheets = Array.isArray(snapshot.sheets) ? snapshot.sheets : [];
  const title = SHEET_TITLES[kind].toLowerCase();
  let folded: SheetSnapshot | null = null;
  for (const sheet of sheets) {
    if (!sheet || typeof sheet.name !== 'string') continue;
    const name = sheet.name.trim().toLowerCase();
    if (name === title) return sheet;
    if (folded === null && FOLDED[kind].includes(foldText(name))) folded = sheet;
  }
  return folded;
}
