/** The Office.js adapter: the only place where Excel and Office appear. */
export { readSnapshot, toSheetSnapshot, isErrorValue, hostResponseBudget, TARGET_RESPONSE_BYTES, type ReadOptions } from './read-snapshot';
export { refuseOwnKontroll, writeResult, type WriteOptions } from './write-result';
export { renderSheetSpec, planBlocks, styleAreas, needsTextFormat } from './render-sheet-spec';
export { loadSettings, saveSettings, parseSettings, DEFAULT_SETTINGS, type StyrkollSettings } from './settings';
export { hostApiSupport, clientHas, canUse, API, type ApiSupport } from './api-support';
export { SyncBatcher } from './sync-batcher';
export { MAX_REQUEST_BYTES, jsonBytes } from './payload';
export { MARK_RECORD_KEY, MARK_FILLS } from './mark-record';
export { selectCell } from './navigate';
export { openNewWorkbook, toBase64 } from './open-workbook';
export { replaceSheets } from './replace-sheets';
export { renderCharts, officeChartType, anchorCells } from './render-charts';
export { saveMappingSettings, mappingEntries } from './mapping-settings';
export { withWriteLock, newLockOwner, LOCK_KEY, LOCK_STALE_MS, type LockOwner, type HeldLock } from './write-lock';
export { TEMP_SHEETS_KEY } from './write-journal';
