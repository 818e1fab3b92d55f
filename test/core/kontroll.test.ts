import { buildKontrollSheet, buildMarks, CATEGORY_LABELS, FINDING_HEADERS, SEVERITY_FILLS, SEVERITY_LABELS } from '../../src/core/kontroll';
import type { SpecCell } from '../../src/core/sheet-spec';
import { checkResult, finding } from '../xlsx/write/helpers';

const values = (row: (SpecCell | null)[] | undefined) => (row ?? []).map((c) => c?.v ?? null);

describe('buildKontrollSheet', () => {
  const findings = [
    finding({ severity: 'fel', category: 'budget', sheet: 'Budget', cell: 'D2', rule: 'BUD-A' }),
    finding({ severity: 'varning', category: 'mal', sheet: "Mål 'KF'", cell: 'C5', rule: 'MAL-B', message: '=HYPERLINK("http://x","y")' }),
    finding({ severity: 'varning', category: 'mal-medel', sheet: null, cell: null, row: null, namnd: null, rule: 'MM-C' }),
    finding({ severity: 'info', category: 'indata', sheet: 'Budget', cell: null, row: null, rule: 'IND-D' }),
  ];
  const spec = buildKontrollSheet(checkResult(findings));
  const headerRow = spec.rows.findIndex((r) => r[0]?.v === 'Allvar');

  test('title, profile, period and number of rules', () => {
    expect(spec.name).toBe('Kontroll');
    expect(spec.rows[0][0]?.v).toBe('Styrkoll – kontroll av Hedemora kommun');
    const flat = spec.rows.map(values);
    expect(flat).toContainEqual(['Profil', 'hedemora']);
    expect(flat).toContainEqual(['Period', '2025-08']);
    expect(flat).toContainEqual(['Antal regler', 42]);
  });

  test('counts per category and severity with totals', () => {
    const flat = spec.rows.map(values);
    expect(flat).toContainEqual(['Område', 'Fel', 'Varning', 'Info', 'Totalt']);
    expect(flat).toContainEqual(['Budget', 1, 0, 0, 1]);
    expect(flat).toContainEqual(['Mål', 0, 1, 0, 1]);
    expect(flat).toContainEqual(['Mål och medel', 0, 1, 0, 1]);
    expect(flat).toContainEqual(['Röd tråd', 0, 0, 0, 0]);
    expect(flat).toContainEqual(['Indata', 0, 0, 1, 1]);
    expect(flat).toContainEqual(['Totalt', 1, 2, 1, 4]);
  });

  test('summary notes are listed', () => {
    expect(spec.rows.map((r) => r[0]?.v)).toContain('Bladet Åtgärder saknas; reglerna för åtgärdsplaner kördes inte.');
  });

  test('findings table in the given order, with links, colours and text kept as text', () => {
    expect(values(spec.rows[headerRow])).toEqual([...FINDING_HEADERS]);
    const body = spec.rows.slice(headerRow + 1);
    expect(body.map((r) => r[1]?.v)).toEqual(['BUD-A', 'MAL-B', 'MM-C', 'IND-D']);
    expect(body[0][0]).toMatchObject({ v: 'Fel', style: { fill: SEVERITY_FILLS.fel } });
    expect(body[0][5]).toMatchObject({ v: 'D2', link: { sheet: 'Budget', cell: 'D2' } });
    expect(body[1][5]?.link).toEqual({ sheet: "Mål 'KF'", cell: 'C5' });
    expect(body[1][6]).toMatchObject({ v: '=HYPERLINK("http://x","y")' });
    expect(body[1][6]?.f).toBeUndefined();
    expect(body[2][5]?.link).toBeUndefined();
    expect(body[3][4]?.v).toBe('Budget');
    expect(body[0][6]?.style?.wrap).toBe(true);
  });

  test('frozen at the findings header, printed A4 landscape one page wide', () => {
    expect(spec.freeze).toEqual({ rows: headerRow + 1 });
    expect(spec.print).toEqual({ orientation: 'landscape', fitToWidth: true, repeatRows: [headerRow + 1, headerRow + 1] });
    expect(spec.columnWidths).toHaveLength(FINDING_HEADERS.length);
  });

  test('no findings: says so; no kommun: still a title', () => {
    const empty = buildKontrollSheet(checkResult([], { kommun: null, notes: [] }));
    expect(empty.rows[0][0]?.v).toBe('Styrkoll – kontroll av arbetsboken');
    expect(empty.rows[empty.rows.length - 1][0]?.v).toBe('Inga avvikelser hittades.');
  });

  test('labels are Swedish', () => {
    expect(Object.values(CATEGORY_LABELS)).toEqual(['Budget', 'Mål', 'Mål och medel', 'Röd tråd', 'Årshjul', 'Indata']);
    expect(Object.values(SEVERITY_LABELS)).toEqual(['Fel', 'Varning', 'Info']);
  });
});

describe('buildMarks', () => {
  test('one mark per cell, notes joined, the most severe wins', () => {
    const marks = buildMarks([
      finding({ severity: 'info', sheet: 'Budget', cell: 'd2', rule: 'A', message: 'ett' }),
      finding({ severity: 'fel', sheet: 'budget', cell: 'D2', rule: 'B', message: 'två' }),
      finding({ severity: 'varning', sheet: 'Budget', cell: 'E2', rule: 'C', message: 'tre' }),
    ]);
    expect(marks).toEqual([
      { sheet: 'Budget', cell: 'D2', severity: 'fel', note: 'Info (A): ett\nFel (B): två' },
      { sheet: 'Budget', cell: 'E2', severity: 'varning', note: 'Varning (C): tre' },
    ]);
  });

  test('findings without sheet and cell give no mark', () => {
    expect(buildMarks([finding({ sheet: null, cell: null, row: null }), finding({ sheet: 'Budget', cell: null, row: null })])).toEqual([]);
  });
});
