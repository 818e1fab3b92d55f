import { readWorkbook } from '../../../src/xlsx/read';
import { buildXlsx, sheetData } from './support/build-xlsx';

// The unwanted sheet is not even well-formed XML: reading it at all would fail.
const workbook = () =>
  buildXlsx({
    sheets: [
      { name: 'Budget', body: sheetData([['<c r="A1"><v>1</v></c>']]) },
      { name: 'Diagramdata', body: '', rawXml: '<worksheet><sheetData><row>' },
      { name: 'Mål ', body: sheetData([['<c r="A1"><v>2</v></c>']]) },
    ],
  });

describe('readWorkbook: reading only some sheets', () => {
  it('without a filter, the broken sheet is read and refused', async () => {
    await expect(readWorkbook(workbook())).rejects.toMatchObject({ code: 'TRASIG_XML', details: { part: 'xl/worksheets/sheet2.xml' } });
  });

  it('with a predicate, other sheets are never parsed', async () => {
    const snap = await readWorkbook(workbook(), { sheets: (name) => name.trim() !== 'Diagramdata' });
    expect(snap.sheets.map((s) => [s.name, s.rows])).toEqual([
      ['Budget', [[1]]],
      ['Mål ', [[2]]],
    ]);
  });

  it('with sheetNames, names match case-insensitively with surrounding spaces ignored', async () => {
    const snap = await readWorkbook(workbook(), { sheetNames: ['MÅL', ' budget'] });
    expect(snap.sheets.map((s) => s.name)).toEqual(['Budget', 'Mål ']);
  });

  it('with both, a sheet must pass both', async () => {
    const snap = await readWorkbook(workbook(), { sheetNames: ['Budget', 'Mål'], sheets: (n) => n === 'Budget' });
    expect(snap.sheets.map((s) => s.name)).toEqual(['Budget']);
  });

  it('a filter that matches nothing gives no sheets (the core then reports the missing ones)', async () => {
    expect(await readWorkbook(workbook(), { sheetNames: ['Indikatorer'] })).toEqual({ sheets: [] });
  });
});
