import { SIGN } from '../builders';
import { buildReports } from '../../../../src/core/report/build-reports';
import { collectAnswers } from '../../../../src/core/report/collect-answers';
import { allFieldIds, fill, insertRow, locateField, modelSnapshot, sampleModel, specToSnapshot } from '../builders';
import { template } from '../build-reports.test';

const T = template('delarsrapport');
const SN = 'Socialnämnden';
const BUN = 'Barn- och utbildningsnämnden';

function generate() {
  const model = sampleModel();
  const { sheets } = buildReports({ sign: SIGN, model, template: T });
  return { model, sn: specToSnapshot([sheets[0]]), bun: specToSnapshot([sheets[1]]) };
}

const SN_ANSWERS = {
  'analys:budget': 'Hemtjänsten har fler brukare än planerat.',
  'avvikelse:Socialnämnden|Hemtjänst:analys': '=Fler timmar än budgeterat', // text starting with "=" stays text
  'mal:SN1:prognos': 'Uppnås ej',
  'mal:SN1:kommentar': 'Trygghetsmätningen visar en svag ökning.',
  'mal:SN2:prognos': 'Delvis',
  'indikator:I2:utfall': '72,5',
  'uppdrag:U1:status': 'Klart',
  'analys:mal': 'Målen påverkas av personalbrist.',
  'prognos:helar': 'Underskott på 1,3 mnkr.',
  'atgard:1:atgard': 'Se över bemanningen i hemtjänsten',
  'atgard:1:belopp': 800,
  'atgard:1:ansvarig': 'Förvaltningschef',
  'atgard:1:klart': 45900,
};

describe('generate → fill → collect', () => {
  it('puts every answer in the edits or the Sammanställning and reports exactly the unanswered fields', () => {
    const { model, sn, bun } = generate();
    fill(sn, SN, SN_ANSWERS);
    const out = collectAnswers({ sign: SIGN, master: model, masterSnapshot: modelSnapshot(model), returned: [{ name: 'soc.xlsx', snapshot: sn }, { name: 'bun.xlsx', snapshot: bun }], template: T });

    // structured answers → master sheets
    const at = (sheet: string, cell: string) => out.edits.find((e) => e.sheet === sheet && e.cell === cell)?.value;
    const goalRow = (id: string) => model.goals!.items.find((g) => g.id === id)!.row;
    expect(at('Mål', `F${goalRow('SN1')}`)).toBe('Uppnås ej');
    expect(at('Mål', `F${goalRow('SN2')}`)).toBe('Delvis');
    expect(at('Uppdrag', 'E2')).toBe('Klart');
    const i2 = model.indicators!.items.find((i) => i.id === 'I2')!.row;
    expect(at('Indikatorer', `H${i2}`)).toBe(72.5);
    expect(at('Indikatorer', `I${i2}`)).toBe(2025);
    // the åtgärd becomes a new row below the (empty) Åtgärder data
    expect(at('Åtgärder', 'A2')).toBe(SN);
    expect(at('Åtgärder', 'B2')).toBe('Se över bemanningen i hemtjänsten');
    expect(at('Åtgärder', 'C2')).toBe(800_000); // 800 typed in the "Belopp (tkr)" field; Åtgärder Belopp is kr
    const klart = out.edits.find((e) => e.sheet === 'Åtgärder' && e.cell === 'E2')!;
    expect(klart).toMatchObject({ value: 45900, style: { numFmt: 'yyyy-mm-dd' } }); // a typed date stays a date

    // every typed text reaches the Sammanställning, as a value
    const summary = out.sheets.find((s) => s.name === 'Sammanställning')!;
    const summaryValues = summary.rows.flat().map((c) => c?.v);
    for (const v of Object.values(SN_ANSWERS)) if (typeof v === 'string') expect(summaryValues).toContain(v);
    expect(summary.rows.flat().some((c) => c?.f)).toBe(false);
    expect(out.answers.filter((a) => a.namnd === SN && a.value !== null)).toHaveLength(Object.keys(SN_ANSWERS).length);

    // findings: exactly the unanswered required fields
    const got = out.findings.map((f) => `${f.namnd}|${f.rule}|${f.sheet}!${f.cell}`).sort();
    const snIds = new Set(allFieldIds(sn, SN));
    expect(snIds.has('mal:SN2:kommentar')).toBe(true); // optional, unanswered, no finding
    const bunCell = (id: string) => {
      const { row, col } = locateField(bun, BUN, id);
      return `${BUN}!${String.fromCharCode(64 + col)}${row}`;
    };
    const expected = [
      `${BUN}|RAP-MAL-PROGNOS|${bunCell('mal:BUN1:prognos')}`,
      `${BUN}|RAP-TEXT-SAKNAS|${bunCell('analys:budget')}`,
      `${BUN}|RAP-TEXT-SAKNAS|${bunCell('analys:mal')}`,
      `${BUN}|RAP-TEXT-SAKNAS|${bunCell('prognos:helar')}`,
    ].sort();
    expect(got).toEqual(expected);
    expect(out.findings.every((f) => f.severity === 'varning' && ['budget', 'mal'].includes(f.category))).toBe(true);
  });

  it('reports a deviation without analysis, a deficit without åtgärdsplan, an indicator without outcome and a goal without prognos', () => {
    const { model, sn } = generate();
    const out = collectAnswers({ sign: SIGN, master: model, masterSnapshot: modelSnapshot(model), returned: [{ name: 'soc.xlsx', snapshot: sn }], template: T });
    const rules = out.findings.filter((f) => f.namnd === SN).map((f) => f.rule).sort();
    expect(rules).toEqual(['RAP-ATGARDSPLAN', 'RAP-AVVIKELSE-ANALYS', 'RAP-INDIKATOR-UTFALL', 'RAP-MAL-PROGNOS', 'RAP-TEXT-SAKNAS', 'RAP-TEXT-SAKNAS', 'RAP-TEXT-SAKNAS']);
    // SN1 was pre-filled with the master's "Delvis", so only SN2 lacks a prognos
    expect(out.findings.find((f) => f.rule === 'RAP-MAL-PROGNOS')!.message).toContain('SN2');
    expect(out.findings.find((f) => f.rule === 'RAP-RAPPORT-SAKNAS')?.namnd).toBe(BUN);
    expect(out.edits.filter((e) => e.sheet === 'Mål')).toEqual([]);
  });

  it('finds answers by id even after rows were inserted above them', () => {
    const { model, sn } = generate();
    fill(sn, SN, SN_ANSWERS);
    insertRow(sn, SN, 6);
    insertRow(sn, SN, 20);
    const out = collectAnswers({ sign: SIGN, master: model, masterSnapshot: modelSnapshot(model), returned: [{ name: 'soc.xlsx', snapshot: sn }], template: T });
    expect(out.findings.filter((f) => f.severity === 'fel')).toEqual([]);
    expect(out.answers.find((a) => a.id === 'mal:SN1:kommentar')?.value).toBe(SN_ANSWERS['mal:SN1:kommentar']);
  });
});

describe('regeneration', () => {
  it('keeps every typed answer, keyed by id, after a row was inserted above', () => {
    const { model, sn } = generate();
    fill(sn, SN, SN_ANSWERS);
    insertRow(sn, SN, 3);
    insertRow(sn, SN, 12);
    // the master changed meanwhile: a new goal, one uppdrag gone
    const m2 = sampleModel();
    m2.goals!.items.push({ ...m2.goals!.items[2], id: 'SN3', text: 'Nytt mål', prognos: null, row: 7 });
    m2.uppdrag!.items = m2.uppdrag!.items.filter((u) => u.id !== 'U1');
    const { sheets, summary } = buildReports({ sign: SIGN, model: m2, template: T, namnd: SN, previous: sn });
    const byId = new Map(sheets[0].rows.flat().filter((c) => c?.id).map((c) => [c!.id!, c!.v]));
    for (const [id, v] of Object.entries(SN_ANSWERS)) if (id !== 'uppdrag:U1:status') expect(byId.get(id)).toBe(v);
    expect(byId.get('mal:SN3:prognos')).toBeNull();
    const text = summary.join('\n');
    expect(text).toContain(`behöll ${Object.keys(SN_ANSWERS).length - 1} ifyllda svar`);
    expect(text).toContain('nya mål: SN3');
    expect(text).toContain('borttagna uppdrag: U1');
    expect(text).toContain('uppdrag:U1:status ("Klart")');
    void model;
  });

  it('offers more åtgärd rows when earlier answers used them all', () => {
    const { sn } = generate();
    const five = Object.fromEntries([1, 2, 3, 4, 5].map((n) => [`atgard:${n}:atgard`, `Åtgärd ${n}`]));
    fill(sn, SN, five);
    const again = buildReports({ sign: SIGN, model: sampleModel(), template: T, namnd: SN, previous: sn }).sheets[0];
    const ids = again.rows.flat().map((c) => c?.id).filter(Boolean);
    expect(ids).toContain('atgard:6:atgard');
    expect(again.rows.flat().filter((c) => c?.id?.endsWith(':atgard') && c.v).length).toBe(5);
  });
});

describe('tampering', () => {
  it('reports a changed locked cell by address and leaves out only that row’s answers', () => {
    const { model, sn } = generate();
    fill(sn, SN, SN_ANSWERS);
    const sheet = sn.sheets[0];
    const r = sheet.rows.findIndex((row) => row.includes('Hemtjänst'));
    sheet.rows[r][3] = 60000; // raise the budget in D
    const out = collectAnswers({ sign: SIGN, master: model, masterSnapshot: modelSnapshot(model), returned: [{ name: 'soc.xlsx', snapshot: sn }], template: T });
    const f = out.findings.find((x) => x.rule === 'RAP-LAST-CELL-ANDRAD')!;
    expect(f).toMatchObject({ severity: 'fel', namnd: SN, sheet: SN, row: r + 1, cell: `D${r + 1}` });
    expect(f.message).toContain(`D${r + 1}`);
    // The changed row's analysis is listed as not taken, with its text; every other answer is merged.
    expect(out.rejected.map((x) => x.value)).toEqual(['=Fler timmar än budgeterat']);
    expect(out.answers.some((a) => a.id === 'avvikelse:Socialnämnden|Hemtjänst:analys')).toBe(false);
    expect(out.edits.find((e) => e.sheet === 'Uppdrag' && e.cell === 'E2')?.value).toBe('Klart');
    expect(out.answers.filter((a) => a.namnd === SN && a.answered)).toHaveLength(Object.keys(SN_ANSWERS).length - 1);
  });

  it('reports text typed into a row Styrkoll did not write', () => {
    const { model, sn } = generate();
    insertRow(sn, SN, 10, [null, null, 'Vi behöver mer pengar']);
    const out = collectAnswers({ sign: SIGN, master: model, masterSnapshot: modelSnapshot(model), returned: [{ name: 'soc.xlsx', snapshot: sn }], template: T });
    expect(out.findings.find((x) => x.rule === 'RAP-TILLAGD-RAD')?.message).toContain('C10');
    expect(out.rejected).toMatchObject([{ namnd: SN, cell: 'C10', value: 'Vi behöver mer pengar' }]);
    const review = out.sheets.find((x) => x.name === 'Saknas eller behöver granskas')!;
    expect(review.rows.flat().map((c) => c?.v)).toContain('Vi behöver mer pengar');
  });

  it('names the cell from the stored hash alone when no template is given', () => {
    const { model, sn } = generate();
    const sheet = sn.sheets[0];
    const r = sheet.rows.findIndex((row) => row.includes('Fler äldre känner sig trygga'));
    sheet.rows[r][2] = 'Något annat mål';
    const out = collectAnswers({ sign: SIGN, master: model, masterSnapshot: modelSnapshot(model), returned: [{ name: 'soc.xlsx', snapshot: sn }] });
    expect(out.findings.find((x) => x.rule === 'RAP-LAST-CELL-ANDRAD')?.message).toContain(`C${r + 1}`);
  });
});
