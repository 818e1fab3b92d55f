import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { readWorkbook } from '../../../../src/xlsx/read';
import { checkWorkbook } from '../../../../src/core/check';
import { loadRuleSet } from '../../../../src/core/rules/load';
import { readRuleFiles } from '../../../../src/node/rule-files';
test('dump', async () => {
  const ruleSet = loadRuleSet(await readRuleFiles());
  for (const [f, profile] of [['hedemora-delarsrapport-2025-08.xlsx', 'hedemora'], ['flen-namndrapport-2-2025.xlsx', 'flen']]) {
    const snap = await readWorkbook(await readFile(join('/work/main/examples', f)));
    const r = await checkWorkbook(snap, { ruleSet, profile });
    const out = r.findings.map((x) => `${x.sheet}\t${x.row}\t${x.cell}\t${x.category}\t${x.severity}\t${x.rule}\t${x.message}`);
    require('fs').writeFileSync('/tmp/rr/' + f + '.findings.txt', [f, ...out, ...r.summary.notes].join('\n'));
  }
});
import { buildModel } from '../../../../src/core/input';
test('deficits', async () => {
  const out: string[] = [];
  for (const f of ['hedemora-delarsrapport-2025-08.xlsx', 'flen-namndrapport-2-2025.xlsx']) {
    const { model } = buildModel(await readWorkbook(await readFile(join('/work/main/examples', f))));
    for (const l of model.budget!.lines) if ((l.avvikelse ?? 0) < 0) out.push(`${f} ${l.row} ${l.namnd} ${l.verksamhet} b=${l.budget} p=${l.prognos} avv=${l.avvikelse} ${(((l.avvikelse ?? 0) / Math.abs(l.budget ?? 1)) * 100).toFixed(2)}%`);
  }
  require('fs').writeFileSync('/tmp/rr/deficits.txt', out.join('\n'));
});
