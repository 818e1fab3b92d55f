/** The `Sammanställning` sheet: every nämnd's answers in one table, with the cell they came from. */
import type { SheetSpec, SpecCell } from '../sheet-spec';
import type { ReportTemplate } from './template-schema';
import type { ReportAnswer } from './collect-answers';

const HEADER = { bold: true, fill: 'FFD9E1F2', border: 'bottom' as const, wrap: true };

export function buildSummarySheet(answers: ReportAnswer[], template?: ReportTemplate): SheetSpec {
  const rows: (SpecCell | null)[][] = [
    [{ v: `Sammanställning av nämndernas svar${template ? ' – ' + template.title : ''}`, style: { bold: true, fontSize: 14, color: 'FF1F3864' } }],
    [{ v: 'Skapad av styrkoll collect: en rad per svar nämnden skrivit, och per nämnd hur många fält som inte besvarats.', style: { italic: true, color: 'FF595959' } }],
    [],
    ['Nämnd', 'Fält', 'Svar', 'Källa'].map((h) => ({ v: h, style: HEADER })),
  ];
  const namnder = [...new Set(answers.map((a) => a.namnd))];
  for (const n of namnder) {
    const mine = answers.filter((a) => a.namnd === n);
    for (const a of mine) {
      if (!a.answered) continue;
      rows.push([
        { v: a.namnd, style: { wrap: true, valign: 'top' } },
        { v: a.label, style: { wrap: true, valign: 'top' } },
        a.date
          ? { v: a.value, date: true, style: { numFmt: 'yyyy-mm-dd', valign: 'top', align: 'left' } }
          : { v: a.value, style: { wrap: true, valign: 'top', ...(typeof a.value === 'number' ? { numFmt: '#,##0.##' } : {}) } },
        { v: `${a.file}: ${a.sheet}!${a.cell}`, style: { color: 'FF595959', valign: 'top', wrap: true } },
      ]);
    }
    const open = mine.filter((a) => !a.answered).length;
    if (open) {
      rows.push([
        { v: n, style: { wrap: true, valign: 'top' } },
        { v: `${open} av ${mine.length} fält obesvarade eller oförändrade`, style: { italic: true, color: 'FF808080', valign: 'top' } },
        { v: 'se bladet Saknas eller behöver granskas', style: { italic: true, color: 'FF808080', valign: 'top' } },
        null,
      ]);
    }
  }
  return {
    name: 'Sammanställning',
    rows,
    columnWidths: [24, 40, 70, 30],
    freeze: { rows: 4 },
    print: { orientation: 'landscape', fitToWidth: true, repeatRows: [4, 4] },
  };
}
