/**
 * Sheets Styrkoll writes itself: never read as input. Readers pass these as names to skip, and
 * read every other sheet, since any of them may hold the budget. Shared and importing nothing, so
 * the CLI can start the guarded read before it loads the core; the core re-exports it.
 */
export const OWN_SHEET_NAMES: readonly string[] = Object.freeze(['Kontroll', 'Kontroll_ny', 'Sammanställning', 'Sammanstallning']);
