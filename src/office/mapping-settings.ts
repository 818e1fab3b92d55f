/**
 * Koppla kolumner in Excel: the mapping is kept where the core and every user read it, as rows in
 * the Inställningar sheet (`Budgetblad`, `Rubrikrad`, `Kolumn Budget` …, see MAPPING_KEYS), so the
 * next check, the ribbon button and `styrkoll check` all use it. A key already there is updated in
 * place (a later duplicate is emptied), a new key goes below the last row, a field without a
 * column has its row emptied, and texts are written as text, never as a formula.
 */
import type { ColumnMapping } from '../core';
import { MAPPABLE_FIELDS, MAPPING_KEYS } from '../core';
import { findSheet, SHEET_TITLES } from '../core';
import { normalizeHeader } from '../core';

/** As the core reads Inställningar: the key is the first non-empty cell among these columns … */
const KEY_COLUMNS = 5;
/** … and its value the first non-empty cell of the next ones. */
const VALUE_REACH = 3;

type Value = string | number | null;

/** The rows the mapping gives, every mapping key included (null: empty the row). */
export function mappingEntries(mapping: ColumnMapping): [key: string, value: Value][] {
  const text = (v: string | null | undefined) => (typeof v === 'string' && v.trim() !== '' ? v.trim() : null);
  return [
    [MAPPING_KEYS.sheet, text(mapping.sheet)],
    [MAPPING_KEYS.headerRow, typeof mapping.headerRow === 'number' && mapping.headerRow >= 1 ? mapping.headerRow : null],
    ...MAPPABLE_FIELDS.map((f): [string, Value] => [MAPPING_KEYS.column(f.title), text(mapping.columns?.[f.key])]),
  ];
}

const isEmpty = (v: unknown) => v === null || v === undefined || (typeof v === 'string' && v.trim() === '');

/** Writes the mapping into Inställningar (made when the workbook has none); returns the sheet's name. */
export async function saveMappingSettings(context: Excel.RequestContext, mapping: ColumnMapping): Promise<string> {
  const sheets = context.workbook.worksheets;
  sheets.load('items/name');
  await context.sync();
  const found = findSheet({ sheets: sheets.items.map((ws) => ({ name: ws.name, rows: [], errors: [] })) }, 'installningar');
  const name = found?.name ?? SHEET_TITLES.installningar;
  const ws = found ? sheets.getItem(found.name) : sheets.add(name);

  // Existing cells, 0-based and absolute.
  const grid: unknown[][] = [];
  let nextRow = 0;
  if (found) {
    const used = ws.getUsedRangeOrNullObject(true);
    used.load('values,rowIndex,columnIndex,rowCount,columnCount');
    await context.sync();
    if (!used.isNullObject) {
      used.values.forEach((row, i) => {
        grid[used.rowIndex + i] = [...new Array(used.columnIndex).fill(null), ...row];
      });
      nextRow = used.rowIndex + used.rowCount;
    }
  }

  // Where each key stands now: its row, key column and value column.
  const places = new Map<string, { row: number; keyCol: number; valueCol: number }[]>();
  grid.forEach((row, r) => {
    if (!row) return;
    let k = -1;
    for (let c = 0; c < Math.min(row.length, KEY_COLUMNS); c++) {
      if (!isEmpty(row[c])) {
        k = c;
        break;
      }
    }
    if (k < 0 || typeof row[k] !== 'string') return;
    let v = k + 1;
    for (let c = k + 1; c < Math.min(row.length, k + 1 + VALUE_REACH); c++) {
      if (!isEmpty(row[c])) {
        v = c;
        break;
      }
    }
    const norm = normalizeHeader(row[k] as string);
    (places.get(norm) ?? places.set(norm, []).get(norm)!).push({ row: r, keyCol: k, valueCol: v });
  });

  const write = (row: number, col: number, value: Value) => {
    const cell = ws.getRangeByIndexes(row, col, 1, 1);
    // Text as text: a header such as "=Budget" or "-1" must not become a formula or a number.
    cell.numberFormat = [[typeof value === 'number' ? 'General' : '@']];
    cell.values = [[value ?? '']];
  };
  for (const [key, value] of mappingEntries(mapping)) {
    const at = places.get(normalizeHeader(key)) ?? [];
    at.forEach((p, i) => {
      if (i === 0 && value !== null) write(p.row, p.valueCol, value);
      else {
        write(p.row, p.keyCol, null);
        write(p.row, p.valueCol, null);
      }
    });
    if (at.length === 0 && value !== null) {
      write(nextRow, 0, key);
      write(nextRow, 1, value);
      nextRow++;
    }
  }
  await context.sync();
  return name;
}
