/**
 * One worksheet part, streamed: cell values (every cell type), error cells, merged ranges, and the
 * ids of its table parts. Data validations are only counted, never expanded.
 */
import type { CellValue } from '../../core/snapshot';
import { MAX_ROWS, parseCellRef } from './cell-ref';
import { readErrors } from './errors';
import type { OpcPackage } from './opc-package';
import { CellBudget, SheetGrid } from './sheet-grid';
import { DAYS_1904_TO_1900, isoToSerial, parseNumber, unescapeOoxml } from './text-values';
import { attrByLocalName } from './xml-part';

export interface WorksheetContext {
  sharedStrings: string[];
  date1904: boolean;
  /** Style indexes with a date format (filled only for 1904 workbooks). */
  dateStyles: Set<number>;
  budget: CellBudget;
}

export interface WorksheetData {
  grid: SheetGrid;
  tablePartIds: string[];
}

export function readWorksheet(pkg: OpcPackage, part: string, ctx: WorksheetContext): WorksheetData {
  const { maxMergedRanges, maxDataValidationRanges } = pkg.limits;
  const grid = new SheetGrid(ctx.budget);
  const merges: string[] = [];
  const tablePartIds: string[] = [];
  let validationRanges = 0;

  let rowNum = 0; // current row (1-based)
  let lastRow = 0;
  let col = 0; // last column used in the current row
  let cellRow = 0;
  let cellCol = 0;
  let cellType = 'n';
  let cellStyle = -1;
  let inV = false;
  let vText = '';
  let inIs = false;
  let inT = false;
  let isText: string | null = null;
  let phonetic = 0;
  let inSqref = false;

  const broken = (reason: string) => readErrors.brokenPart(part, reason);
  const countValidation = (sqref: string) => {
    validationRanges += sqref.split(/\s+/).filter(Boolean).length;
    if (validationRanges > maxDataValidationRanges) throw readErrors.tooLarge('dataverifieringsområden', maxDataValidationRanges);
  };

  const finishCell = () => {
    let value: CellValue = null;
    switch (cellType) {
      case 's': {
        const idx = Number(vText);
        value = Number.isInteger(idx) && vText.trim() !== '' ? (ctx.sharedStrings[idx] ?? null) : null;
        break;
      }
      case 'inlineStr':
        value = isText !== null ? unescapeOoxml(isText) : vText !== '' ? unescapeOoxml(vText) : null;
        break;
      case 'str':
        value = unescapeOoxml(vText);
        break;
      case 'b': {
        const t = vText.trim().toLowerCase();
        value = t === '' ? null : t === '1' || t === 'true';
        break;
      }
      case 'e':
        if (vText.trim() !== '') grid.errors.push({ row: cellRow, col: cellCol, code: vText.trim() });
        break;
      case 'd':
        value = vText.trim() === '' ? null : (isoToSerial(vText) ?? vText);
        break;
      default:
        if (vText === '' && isText !== null) value = unescapeOoxml(isText);
        else {
          value = parseNumber(vText);
          if (ctx.date1904 && typeof value === 'number' && ctx.dateStyles.has(cellStyle)) value += DAYS_1904_TO_1900;
        }
    }
    if (value !== null && value !== '') grid.set(cellRow, cellCol, value);
  };

  pkg.parseXml(part, {
    open(name, attrs) {
      switch (name) {
        case 'c': {
          if (rowNum === 0) rowNum = lastRow + 1;
          const ref = attrs.r;
          if (ref !== undefined && ref !== '') {
            const pos = parseCellRef(ref);
            if (!pos) throw broken(`ogiltig cellreferens ${ref.slice(0, 20)}`);
            cellRow = pos.row || rowNum;
            cellCol = pos.col || col + 1;
          } else {
            cellRow = rowNum;
            cellCol = col + 1;
          }
          if (cellCol > 16_384) throw broken('för många kolumner');
          col = cellCol;
          cellType = attrs.t ?? 'n';
          cellStyle = attrs.s !== undefined ? Number(attrs.s) : -1;
          vText = '';
          isText = null;
          return;
        }
        case 'v':
          inV = true;
          return;
        case 'row': {
          const r = attrs.r;
          rowNum = r !== undefined && r !== '' ? Number(r) : lastRow + 1;
          if (!Number.isInteger(rowNum) || rowNum < 1 || rowNum > MAX_ROWS) throw broken(`ogiltigt radnummer ${String(r).slice(0, 20)}`);
          col = 0;
          return;
        }
        case 'is':
          inIs = true;
          isText = '';
          return;
        case 't':
          if (inIs && phonetic === 0) inT = true;
          return;
        case 'rPh':
          phonetic++;
          return;
        case 'mergeCell':
          if (merges.length >= maxMergedRanges) throw readErrors.tooLarge('sammanfogade områden', maxMergedRanges);
          if (attrs.ref) merges.push(attrs.ref);
          return;
        case 'dataValidation':
          if (attrs.sqref) countValidation(attrs.sqref);
          return;
        case 'sqref':
          inSqref = true;
          vText = '';
          return;
        case 'tablePart': {
          const id = attrByLocalName(attrs, 'id');
          if (id) tablePartIds.push(id);
          return;
        }
      }
    },
    text(t) {
      if (inV || inSqref) vText += t;
      else if (inT) isText += t;
    },
    close(name) {
      switch (name) {
        case 'v':
          inV = false;
          return;
        case 'c':
          finishCell();
          return;
        case 'row':
          lastRow = rowNum;
          rowNum = 0;
          return;
        case 't':
          inT = false;
          return;
        case 'is':
          inIs = false;
          return;
        case 'rPh':
          phonetic--;
          return;
        case 'sqref':
          inSqref = false;
          countValidation(vText);
          return;
      }
    },
  });
  grid.applyMerges(merges);
  grid.trim();
  return { grid, tablePartIds };
}
