/**
 * Done-when of #16 on the host model behind the real Office.js client: budgets checked and
 * written twice (first run and re-run) on Excel on the web, with no request and no response over
 * 5 MB and no refused sync. The 260 000-line run is in the integration project (jest.config.js).
 */
import { loadRuleSet, type RuleSet } from '../../../src/core';
import { MARK_FILLS, MARK_RECORD_KEY, parseRecord } from '../../../src/office/mark-record';
import { readRuleFiles } from '../../../src/node/rule-files';
import { budgetRuns } from './budget-run';
import { PAYLOAD_LIMIT_BYTES } from './excel-host';

const LINES = Number(process.env.STYRKOLL_OFFICE_LINES ?? 260_000);

let ruleSet: RuleSet;
beforeAll(async () => {
  ruleSet = loadRuleSet(await readRuleFiles());
});

it(`${LINES.toLocaleString('sv-SE')} budget lines checked and written twice on the web, no request or response over 5 MB`, async () => {
  const { first, rerun, host } = await budgetRuns(LINES, ruleSet, { platform: 'web' });
  if (process.env.STYRKOLL_PRINT) console.log(JSON.stringify({ first, rerun }));
  for (const run of [first, rerun]) {
    expect(run.errors).toEqual([]);
    expect(run.maxRequestBytes).toBeLessThanOrEqual(PAYLOAD_LIMIT_BYTES);
    expect(run.maxResponseBytes).toBeLessThanOrEqual(PAYLOAD_LIMIT_BYTES);
    // Nothing leaves thousands of tracked objects for Excel.run's clean-up request.
    expect(run.maxReleases).toBeLessThan(1000);
    // Large enough that a single request could not have carried it.
    expect(run.marks).toBeGreaterThan(LINES / 100);
  }
  // The re-run found the same and left the same: one Kontroll sheet, every mark recorded and filled.
  expect(rerun.findings).toBe(first.findings);
  expect(host.sheetNames()).toEqual(['Budget', 'Inställningar', 'Kontroll']);
  const record = parseRecord(host.settings.get(MARK_RECORD_KEY));
  const entries = record.sheets.Budget ?? [];
  expect(entries.length).toBe(rerun.marks);
  const fills = host.sheet('Budget').fills;
  const styrkoll = new Set(Object.values(MARK_FILLS).map((c) => c.toUpperCase()));
  expect([...fills.values()].filter((c) => styrkoll.has(c)).length).toBe(entries.length);
  expect(host.values('Kontroll').length).toBeGreaterThan(first.findings);
}, 600_000);
