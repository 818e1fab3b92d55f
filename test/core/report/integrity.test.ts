/**
 * Returned reports as a careless or hostile sender makes them: every answer is taken only from a
 * row whose integrity tag verifies for the nämnd the report was made for; nothing else reaches the
 * master, everything else is reported with its text; duplicates, amounts and long texts.
 */
import { createHmac } from 'node:crypto';
import { buildReports } from '../../../src/core/report/build-reports';
import { collectAnswers, type ReturnedReport } from '../../../src/core/report/collect-answers';
import { hmacSha256Hex } from '../../../src/core/report/hmac';
import { fileTagValue } from '../../../src/core/report/integrity';
import { decodeRowKey, encodeRowKey } from '../../../src/core/report/row-key';
import type { WorkbookSnapshot } from '../../../src/core/snapshot';
import { SIGN, fill, insertRow, locateField, modelSnapshot, sampleModel, specToSnapshot } from './builders';
import { template } from './build-reports.test';

const T = template('delarsrapport');
const SN = 'Socialnämnden';
const BUN = 'Barn- och utbildningsnämnden';

function perNamnd(model = sampleModel()) {
  const { sheets } = buildReports({ sign: SIGN, model, template: T, perNamnd: true });
  const tag = (n: string) => fileTagValue(SIGN, { mall: T.id, namnd: n, ar: '2025' });
  return {
    model,
    sn: specToSnapshot([sheets[0]]),
    bun: specToSnapshot([sheets[1]]),
    snSheet: sheets[0],
    bunSheet: sheets[1],
    tag,
  };
}

function collect(model: ReturnType<typeof sampleModel>, returned: ReturnedReport[]) {
  return collectAnswers({ sign: SIGN, master: model, masterSnapshot: modelSnapshot(model), returned, template: T });
}

/** Row (0-based) whose id cell starts with `prefix`. */
function idRow(snap: WorkbookSnapshot, prefix: string): number {
  return snap.sheets[0].rows.findIndex((r) => typeof r[0] === 'string' && r[0].startsWith(prefix));
}

describe('the keyed hash', () => {
  it('is HMAC-SHA-256: the plain implementation agrees with Node’s crypto, also for non-ASCII and long keys', () => {
    for (const [k, m] of [['nyckel', 'rad|Socialnämnden|mal:SN1'], ['k'.repeat(100), '😀 åäö\u0301'], ['', '']]) {
      expect(hmacSha256Hex(k, m)).toBe(createHmac('sha256', k).update(m, 'utf8').digest('hex'));
    }
  });
});

describe('a returned report answers only for what it was issued for', () => {
  it('an id changed in column A (hash kept) changes nothing and is reported', () => {
    const { model, sn, tag } = perNamnd();
    fill(sn, SN, { 'uppdrag:U1:status': 'Klart', 'mal:SN2:prognos': 'Uppnås' });
    const r = idRow(sn, 'uppdrag:U1#');
    sn.sheets[0].rows[r][0] = (sn.sheets[0].rows[r][0] as string).replace('uppdrag:U1#', 'uppdrag:U2#');
    const out = collect(model, [{ name: 'soc.xlsx', snapshot: sn, fileTag: tag(SN) }]);
    expect(out.edits.filter((e) => e.sheet === 'Uppdrag')).toEqual([]);
    expect(out.findings.find((f) => f.rule === 'RAP-OGILTIG-RAD')).toMatchObject({ namnd: SN, cell: `A${r + 1}` });
    expect(out.rejected).toMatchObject([{ namnd: SN, value: 'Klart' }]);
    // The rest of the report still came in.
    expect(out.edits.some((e) => e.sheet === 'Mål' && e.value === 'Uppnås')).toBe(true);
  });

  it('rows added without a tag never reach the master, nor overwrite an Utfall already there', () => {
    const { model, sn, tag } = perNamnd();
    insertRow(sn, SN, 12, ['indikator:I1#f.utfall=F', null, null, null, null, 999]);
    insertRow(sn, SN, 12, ['indikator:I3#f.utfall=F', null, null, null, null, 5]);
    insertRow(sn, SN, 12, ['uppdrag:U2#f.status=G', null, null, null, null, null, 'Avbrutet']);
    insertRow(sn, SN, 12, ['mal:KF1#f.prognos=G', null, null, null, null, null, 'Uppnås ej']);
    const out = collect(model, [{ name: 'soc.xlsx', snapshot: sn, fileTag: tag(SN) }]);
    expect(out.edits).toEqual([]);
    expect(out.findings.filter((f) => f.rule === 'RAP-OGILTIG-RAD')).toHaveLength(1);
    expect(out.rejected.map((x) => x.value).sort()).toEqual([5, 999, 'Avbrutet', 'Uppnås ej'].sort());
  });

  it('a tagged Utfall for an indicator the master already has is a conflict, not an overwrite', () => {
    // The report was made while I2 had no outcome; the master got one since.
    const { sn, tag } = perNamnd();
    fill(sn, SN, { 'indikator:I2:utfall': '60' });
    const later = sampleModel();
    later.indicators!.items.find((i) => i.id === 'I2')!.outcome = 15;
    const out = collect(later, [{ name: 'soc.xlsx', snapshot: sn, fileTag: tag(SN) }]);
    expect(out.edits.filter((e) => e.sheet === 'Indikatorer')).toEqual([]);
    expect(out.findings.find((f) => f.rule === 'RAP-KONFLIKT')?.message).toContain('15');
  });

  it('a master value changed since the report was issued is never replaced silently: a conflict with both values, or --overwrite', () => {
    const { sn, tag } = perNamnd();
    fill(sn, SN, { 'mal:SN1:prognos': 'Uppnås ej' }); // issued as "Delvis"
    const later = sampleModel();
    later.goals!.items.find((g) => g.id === 'SN1')!.prognos = 'uppnas';
    const returned = [{ name: 'soc.xlsx', snapshot: sn, fileTag: tag(SN) }];
    const out = collect(later, returned);
    expect(out.edits.filter((e) => e.sheet === 'Mål')).toEqual([]);
    const f = out.findings.find((x) => x.rule === 'RAP-KONFLIKT')!;
    expect(f.message).toContain('"Uppnås"');
    expect(f.message).toContain('"Uppnås ej"');
    const forced = collectAnswers({ sign: SIGN, master: later, masterSnapshot: modelSnapshot(later), returned, template: T, overwrite: true });
    expect(forced.edits.filter((e) => e.sheet === 'Mål').map((e) => e.value)).toEqual(['Uppnås ej']);
    // A pre-fill left as it was is no answer: the master's newer value stays, without a finding.
    const untouched = perNamnd();
    const kept = collect(later, [{ name: 'soc.xlsx', snapshot: untouched.sn, fileTag: tag(SN) }]);
    expect(kept.edits.filter((e) => e.sheet === 'Mål')).toEqual([]);
    expect(kept.findings.some((x) => x.rule === 'RAP-KONFLIKT')).toBe(false);
  });

  it('a nämnd changed in the first row files nothing under another nämnd: the tag says whose report it is', () => {
    const { model, sn, bun, tag } = perNamnd();
    fill(sn, SN, { 'uppdrag:U1:status': 'Klart', 'atgard:1:atgard': 'Färre timmar' });
    const meta = decodeRowKey(sn.sheets[0].rows[0][0])!;
    sn.sheets[0].rows[0][0] = encodeRowKey({ ...meta, props: { ...meta.props, namnd: BUN } });
    const out = collect(model, [{ name: 'soc.xlsx', snapshot: sn, fileTag: tag(SN) }, { name: 'bun.xlsx', snapshot: bun, fileTag: tag(BUN) }]);
    expect(out.findings.find((f) => f.rule === 'RAP-NAMND-ANDRAD')).toMatchObject({ namnd: SN });
    expect(out.findings.some((f) => f.rule === 'RAP-DUBBLETT')).toBe(false);
    expect(out.edits.find((e) => e.sheet === 'Åtgärder' && e.cell === 'A2')?.value).toBe(SN);
    expect(out.edits.find((e) => e.sheet === 'Uppdrag')).toMatchObject({ cell: 'E2', value: 'Klart' });
  });

  it('a sheet copied from another nämnd’s report is reported and not merged; the file’s own answers are', () => {
    const { model, sn, bun, tag } = perNamnd();
    fill(sn, SN, { 'uppdrag:U1:status': 'Klart' });
    fill(bun, BUN, { 'uppdrag:U2:status': 'Avbrutet' });
    const both: WorkbookSnapshot = { sheets: [bun.sheets[0], sn.sheets[0]] };
    const out = collect(model, [{ name: 'soc.xlsx', snapshot: both, fileTag: tag(SN) }]);
    expect(out.findings.find((f) => f.rule === 'RAP-FRAMMANDE-BLAD')).toMatchObject({ namnd: BUN, sheet: BUN });
    expect(out.edits.filter((e) => e.sheet === 'Uppdrag')).toEqual([{ sheet: 'Uppdrag', cell: 'E2', value: 'Klart' }]);
    expect(out.rejected).toMatchObject([{ namnd: BUN, value: 'Avbrutet' }]);
    // Without the workbook's own tag the file cannot say whose it is: neither sheet is taken.
    const untagged = collect(model, [{ name: 'soc.xlsx', snapshot: both }]);
    expect(untagged.edits).toEqual([]);
    expect(untagged.findings.filter((f) => f.rule === 'RAP-FRAMMANDE-BLAD')).toHaveLength(2);
  });

  it('a report signed with another key (another master, another Rapportnyckel) is rejected whole', () => {
    const { model, sn } = perNamnd();
    fill(sn, SN, { 'uppdrag:U1:status': 'Klart' });
    const out = collectAnswers({ sign: (m) => hmacSha256Hex('annan', m), master: model, masterSnapshot: modelSnapshot(model), returned: [{ name: 'soc.xlsx', snapshot: sn }], template: T });
    expect(out.edits).toEqual([]);
    expect(out.findings.find((f) => f.rule === 'RAP-OGILTIG-RAPPORT')?.severity).toBe('fel');
    expect(out.rejected.map((r) => r.value)).toContain('Klart');
  });
});

describe('no answer is lost', () => {
  it('a sixth åtgärd row and a changed Helårsprognos cost only themselves', () => {
    const { model, sn, tag } = perNamnd();
    fill(sn, SN, { 'atgard:1:atgard': 'Se över bemanningen', 'analys:budget': 'Fler brukare', 'uppdrag:U1:status': 'Klart' });
    const last = idRow(sn, 'atgard:5#');
    insertRow(sn, SN, last + 2, [null, 6, 'En sjätte åtgärd', 200]);
    const hemtjanst = idRow(sn, `avvikelse:${SN}|Hemtjänst#`);
    sn.sheets[0].rows[hemtjanst][5] = 50000; // Helårsprognos in F
    const out = collect(model, [{ name: 'soc.xlsx', snapshot: sn, fileTag: tag(SN) }]);
    expect(out.findings.map((f) => f.rule)).toEqual(expect.arrayContaining(['RAP-TILLAGD-RAD', 'RAP-LAST-CELL-ANDRAD']));
    expect(out.edits.find((e) => e.sheet === 'Uppdrag')?.value).toBe('Klart');
    expect(out.edits.find((e) => e.sheet === 'Åtgärder' && e.cell === 'B2')?.value).toBe('Se över bemanningen');
    const summary = out.sheets.find((s) => s.name === 'Sammanställning')!.rows.flat().map((c) => c?.v);
    expect(summary).toContain('Fler brukare');
    expect(out.rejected.map((r) => r.value)).toEqual(expect.arrayContaining(['En sjätte åtgärd', 200]));
  });

  it('of two copies of one report the filled one wins whatever the order, then the newest; the duplicate is reported', () => {
    const { model, sn, tag } = perNamnd();
    const blank = structuredClone(sn);
    fill(sn, SN, { 'uppdrag:U1:status': 'Klart' });
    for (const order of [[blank, sn], [sn, blank]]) {
      const out = collect(model, order.map((s, i) => ({ name: `${s === sn ? 'b-ifylld' : 'a-tom'}${i}.xlsx`, snapshot: s, fileTag: tag(SN) })));
      expect(out.edits.find((e) => e.sheet === 'Uppdrag')?.value).toBe('Klart');
      expect(out.findings.find((f) => f.rule === 'RAP-DUBBLETT')?.message).toMatch(/^a-tom.*b-ifylld/);
    }
    const older = structuredClone(sn);
    fill(older, SN, { 'uppdrag:U1:status': 'Pågår, försenat' });
    const out = collect(model, [{ name: 'ny.xlsx', snapshot: sn, mtime: 2000, fileTag: tag(SN) }, { name: 'gammal.xlsx', snapshot: older, mtime: 1000, fileTag: tag(SN) }]);
    expect(out.edits.find((e) => e.sheet === 'Uppdrag')?.value).toBe('Klart');
    expect(out.rejected).toMatchObject([{ file: 'gammal.xlsx', value: 'Pågår, försenat' }]);
  });
});

describe('round trip', () => {
  it('every nämnd’s answers survive regeneration and collect', () => {
    const { model, sn, bun, tag } = perNamnd();
    const answers = {
      [SN]: { 'uppdrag:U1:status': 'Klart', 'analys:budget': 'Fler brukare', 'atgard:1:atgard': 'Färre timmar', 'atgard:1:belopp': 100 },
      [BUN]: { 'uppdrag:U2:status': 'Avbrutet', 'mal:BUN1:kommentar': 'Bra år', 'analys:mal': 'Målen nås' },
    };
    fill(sn, SN, answers[SN]);
    fill(bun, BUN, answers[BUN]);
    // The controller regenerates every report from the earlier, filled ones.
    const again = (n: string, prev: WorkbookSnapshot) =>
      specToSnapshot(buildReports({ sign: SIGN, model, template: T, namnd: n, previous: prev, perNamnd: true }).sheets);
    const out = collect(model, [{ name: 'soc.xlsx', snapshot: again(SN, sn), fileTag: tag(SN) }, { name: 'bun.xlsx', snapshot: again(BUN, bun), fileTag: tag(BUN) }]);
    for (const [n, list] of Object.entries(answers)) {
      for (const [id, v] of Object.entries(list)) {
        expect({ id, v: out.answers.find((a) => a.namnd === n && a.id === id && a.answered)?.value }).toEqual({ id, v });
      }
    }
    expect(out.rejected).toEqual([]);
    expect(out.findings.filter((f) => f.category === 'indata')).toEqual([]);
  });
});

describe('what the controller sees', () => {
  it('an untouched report counts no answers: its pre-filled prognoser and statuses are not answers', () => {
    const { model, sn, tag } = perNamnd();
    const out = collect(model, [{ name: 'soc.xlsx', snapshot: sn, fileTag: tag(SN) }]);
    expect(out.summary.find((l) => l.startsWith(SN))).toMatch(/^Socialnämnden: 0 av \d+ fält ifyllda/);
    const summary = out.sheets.find((s) => s.name === 'Sammanställning')!;
    expect(summary.rows.flat().some((c) => c?.v === '(ej ifyllt)')).toBe(false);
    expect(summary.rows.slice(4).map((r) => r[1]?.v)).toEqual([expect.stringMatching(/^\d+ av \d+ fält obesvarade/)]);
    const review = out.sheets.find((s) => s.name === 'Saknas eller behöver granskas')!;
    expect(review.rows.flat().map((c) => c?.v)).toEqual(expect.arrayContaining([SN, expect.stringContaining('RAP') ]));
  });

  it('Sammanställning has Swedish labels and dates as dates', () => {
    const { model, sn, tag } = perNamnd();
    fill(sn, SN, { 'atgard:1:atgard': 'Färre timmar', 'atgard:1:klart': 46022 });
    const out = collect(model, [{ name: 'soc.xlsx', snapshot: sn, fileTag: tag(SN) }]);
    const rows = out.sheets.find((s) => s.name === 'Sammanställning')!.rows;
    const labels = rows.map((r) => r[1]?.v);
    expect(labels).toEqual(expect.arrayContaining(['Åtgärd 1: åtgärd', 'Åtgärd 1: klart senast']));
    const date = rows.find((r) => r[1]?.v === 'Åtgärd 1: klart senast')![2]!;
    expect(date).toMatchObject({ v: 46022, date: true, style: { numFmt: 'yyyy-mm-dd' } });
  });

  it('an answer longer than a cell holds is cut with a finding', () => {
    const { model, sn, tag } = perNamnd();
    fill(sn, SN, { 'analys:budget': 'x'.repeat(40000) });
    const out = collect(model, [{ name: 'soc.xlsx', snapshot: sn, fileTag: tag(SN) }]);
    expect(out.findings.find((f) => f.rule === 'RAP-FOR-LANG')).toBeDefined();
    const cells = out.sheets.flatMap((s) => s.rows.flat());
    expect(Math.max(...cells.map((c) => (typeof c?.v === 'string' ? c.v.length : 0)))).toBeLessThanOrEqual(32767);
  });
});

describe('kr and tkr', () => {
  it('amounts are shown and typed in the report’s unit and land in kronor', () => {
    const { model, sn, snSheet, bunSheet, tag } = perNamnd();
    // Uppdrag Kostnad is kr in the master (300 kr) and shown in tkr, labelled so.
    const bunCells = bunSheet.rows.flat();
    expect(bunCells.map((c) => c?.v)).toEqual(expect.arrayContaining(['Kostnad (tkr)', 0.3]));
    expect(snSheet.rows.flat().map((c) => c?.v)).toContain('Belopp (tkr)');
    fill(sn, SN, {
      'atgard:1:atgard': 'A', 'atgard:1:belopp': 1500,
      'atgard:2:atgard': 'B', 'atgard:2:belopp': '1,2 mnkr',
      'atgard:3:atgard': 'C', 'atgard:3:belopp': '800 kr',
      'atgard:4:atgard': 'D', 'atgard:4:belopp': 'mycket',
    });
    const out = collect(model, [{ name: 'soc.xlsx', snapshot: sn, fileTag: tag(SN) }]);
    const belopp = (row: number) => out.edits.find((e) => e.sheet === 'Åtgärder' && e.cell === `C${row}`)?.value;
    expect([belopp(2), belopp(3), belopp(4), belopp(5)]).toEqual([1_500_000, 1_200_000, 800, undefined]);
    expect(out.findings.find((f) => f.rule === 'RAP-BELOPP')?.message).toContain('mycket');
    expect(out.rejected.map((r) => r.value)).toContain('mycket');
  });

  it('in a kr workbook 1500 is 1 500 kr', () => {
    const { model, sn, snSheet, tag } = perNamnd(sampleModel({ beloppI: 'kr' }));
    expect(snSheet.rows.flat().map((c) => c?.v)).toContain('Belopp (kr)');
    fill(sn, SN, { 'atgard:1:atgard': 'A', 'atgard:1:belopp': 1500 });
    const out = collect(model, [{ name: 'soc.xlsx', snapshot: sn, fileTag: tag(SN) }]);
    expect(out.edits.find((e) => e.sheet === 'Åtgärder' && e.cell === 'C2')?.value).toBe(1500);
  });
});

void locateField;
