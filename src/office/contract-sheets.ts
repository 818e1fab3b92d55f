/** The contract sheets of docs/workbook-format.md, found by name (case-insensitive, trimmed). */
export const CONTRACT_SHEETS = ['Budget', 'Mål', 'Indikatorer', 'Uppdrag', 'Åtgärder', 'Inställningar'] as const;

const wanted = new Set(CONTRACT_SHEETS.map((n) => normalizeSheetName(n)));

export function normalizeSheetName(name: string): string {
  return name.trim().normalize('NFC').toLocaleLowerCase('sv');
}

export function isContractSheet(name: string): boolean {
  return wanted.has(normalizeSheetName(name));
}
