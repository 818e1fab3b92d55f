/**
 * The whole Excel path with the real core and the real rule files: read the fake workbook, check
 * it, write the Kontroll sheet and the marks – what the ribbon button and the pane do.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { checkWorkbook, loadRuleSet } from '../../src/core';
import { buildKontrollSheet, buildMarks } from '../../src/core/kontroll';
import { readSnapshot } from '../../src/office/read-snapshot';
import { writeResult } from '../../src/office/write-result';
import { partitionRuleFiles } from '../../taskpane/rule-files';
import { FakeContext, asExcel } from './fake-excel';

function ruleFiles() {
  const root = path.resolve(__dirname, '..', '..');
  const walk = (dir: string): string[] => readdirSync(dir).flatMap((n) => (statSync(path.join(dir, n)).isDirectory() ? walk(path.join(dir, n)) : [path.join(dir, n)]));
  return partitionRuleFiles(
    walk(path.join(root, 'rules'))
      .filter((f) => f.endsWith('.json'))
      .map((f) => ({ path: path.relative(root, f).split(path.sep).join('/'), json: JSON.parse(readFileSync(f, 'utf8')) })),
  );
}

function workbook() {
  return new FakeContext([
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
  ]);
}

describe('check in Excel, end to end on the fake workbook', () => {
  it('writes one Kontroll sheet with links, marks the cells and leaves the values alone', async () => {
    const ctx = workbook();
    const before = new Map(ctx.sheet('Budget').values);
    const ruleSet = loadRuleSet(ruleFiles());
    for (let run = 0; run < 2; run++) {
      const snapshot = await readSnapshot(asExcel(ctx));
      const result = await checkWorkbook(snapshot, { ruleSet });
      await writeResult(asExcel(ctx), { kontroll: buildKontrollSheet(result), marks: buildMarks(result.findings) }, { supports: () => true });
      expect(result.findings.some((f) => f.sheet === 'Budget' && f.row === 2)).toBe(true);
    }
    expect(ctx.sheetNames()).toEqual(['Budget', 'Inställningar', 'Kontroll']);
    expect(ctx.sheet('Budget').values).toEqual(before);
    expect(ctx.sheet('Budget').formulas.size).toBe(0);
    const budget = ctx.sheet('Budget');
    expect([...budget.fills.keys()].some((k) => k.startsWith('1,'))).toBe(true);
    const links = [...ctx.sheet('Kontroll').hyperlinks.values()] as { documentReference?: string }[];
    expect(links.some((l) => l.documentReference?.startsWith("'Budget'!"))).toBe(true);
  });
});
