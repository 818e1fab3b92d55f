import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { readWorkbook } from '../../../../src/xlsx/read';
import { buildModel } from '../../../../src/core/input';
test('dump', async () => {
  for (const f of ['hedemora-delarsrapport-2025-08.xlsx', 'flen-namndrapport-2-2025.xlsx']) {
    const snap = await readWorkbook(await readFile(join('/work/main/examples', f)));
    const { model, findings } = buildModel(snap);
    const out: string[] = [f];
    for (const s of snap.sheets) if (s.name !== 'Budget') { out.push('== ' + s.name); s.rows.forEach((r, i) => out.push(`${i + 1}: ${JSON.stringify(r)}`)); }
    out.push('budget totals: ' + JSON.stringify(model.budget?.totals));
    out.push('planYears ' + JSON.stringify(model.budget?.planYears) + ' hasPrognos ' + model.budget?.hasPrognos);
    out.push('indata: ' + JSON.stringify(findings.map(x => [x.rule, x.sheet, x.row])));
    out.push('settings ' + JSON.stringify({ ...model.settings, entries: undefined }));
    require('fs').writeFileSync('/tmp/rr/' + f + '.txt', out.join('\n'));
  }
});
