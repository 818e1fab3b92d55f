/**
 * The whole Excel path with the real core and the real rule files, through the real Office.js
 * client and the host model: read the workbook, check it, write the Kontroll sheet and the marks –
 * what the ribbon button and the pane do, each step in its own Excel.run.
 */
import { checkWorkbook, loadRuleSet } from '../../../src/core';
import { buildKontrollSheet, buildMarks } from '../../../src/core/kontroll';
import { readSnapshot } from '../../../src/office/read-snapshot';
import { writeResult } from '../../../src/office/write-result';
import { ruleFilesFromDisk as ruleFiles } from '../../builders/rule-files';
import { ExcelHost } from './excel-host';


function workbook() {
  return new ExcelHost([
    {
      name: 'Budget',
      rows: [
        ['Nämnd', 'Verksamhet', 'Budget', 'Utfall', 'Prognos', 'Kommentar'],
        ['Socialnämnden', 'Äldreomsorg', 120_000_000, 85_000_000, 131_000_000, ''],
        ['Socialnämnden', 'Individ- och familjeomsorg', 40_000_000, 26_000_000, 40_100_000, ''],
        ['Kultur- och fritidsnämnden', 'Bibliotek', 9_800_000, 6_100_000, 9_700_000, '=inte en formel'],
      ],
    },
    { name: 'Inställningar', rows: [['Kommun', 'Hedemora'], ['Profil', 'hedemora'], ['Period', '2025-08']] },
  ], 'web');
}

describe('check in Excel, end to end through the real Office.js client', () => {
  it('writes one Kontroll sheet with links, marks the cells and leaves the values alone', async () => {
    const host = workbook();
    const before = host.values('Budget');
    const ruleSet = loadRuleSet(ruleFiles());
    for (let run = 0; run < 2; run++) {
      const snapshot = await host.run((ctx) => readSnapshot(ctx));
      const result = await checkWorkbook(snapshot, { ruleSet });
      // A host that reports every requirement set; the client decides what exists (no notes in 1.1.110).
      await host.run((ctx) => writeResult(ctx, { kontroll: buildKontrollSheet(result), marks: buildMarks(result.findings) }, { supports: () => true }));
      expect(result.findings.some((f) => f.sheet === 'Budget' && f.row === 2)).toBe(true);
    }
    expect(host.sheetNames()).toEqual(['Budget', 'Inställningar', 'Kontroll']);
    expect(host.values('Budget')).toEqual(before);
    expect([...host.sheet('Budget').cells.values()].flatMap((row) => [...row.values()]).filter((c) => c.formula)).toEqual([]);
    const budget = host.sheet('Budget');
    expect([...budget.fills.keys()].some((k) => k.startsWith('1,'))).toBe(true);
    expect(host.syncs.filter((s) => s.error !== null)).toEqual([]);
    const links = [...host.sheet('Kontroll').hyperlinks.values()] as { documentReference?: string }[];
    expect(links.some((l) => l.documentReference?.startsWith("'Budget'!"))).toBe(true);
  });
});
