import { cutUtf16, reportFileNames, sheetNames } from '../../../src/core/report/file-name';

const WEIRD = ['a/b', 'a-b', 'a:b', '..', '.', 'CON', 'lpt1', 'History', 'Nämnd\u0001med\u0007styrtecken', 'Na\u0308mnden', 'Nämnden', 'x'.repeat(300), '😀'.repeat(20)];

describe('file and sheet names for awkward nämnd names', () => {
  it('gives every nämnd its own safe file name, deterministically', () => {
    const names = reportFileNames(WEIRD);
    expect(names).toEqual(reportFileNames(WEIRD));
    expect(new Set(names.map((n) => n.toLowerCase())).size).toBe(WEIRD.length);
    for (const n of names) {
      expect(n).toMatch(/\.xlsx$/);
      expect(n).not.toMatch(/[\\/:*?"<>|\u0000-\u001f]/);
      expect(n.length).toBeLessThanOrEqual(100);
      expect(n.normalize('NFC')).toBe(n);
      expect(n.replace(/\.xlsx$/, '')).not.toMatch(/^(con|prn|aux|nul|com\d|lpt\d)$/i);
      expect(n).not.toMatch(/^\./);
    }
    expect(names.slice(0, 3)).toEqual(['a-b.xlsx', 'a-b (2).xlsx', 'a-b (3).xlsx']);
    // Decomposed and composed "Nämnden" would look identical: the second gets a suffix.
    expect(names[9]).toBe('Nämnden.xlsx');
    expect(names[10]).toBe('Nämnden (2).xlsx');
  });

  it('cuts sheet names on character boundaries and avoids History and control characters', () => {
    const names = sheetNames(WEIRD);
    expect(new Set(names.map((n) => n.toLowerCase())).size).toBe(WEIRD.length);
    for (const n of names) {
      expect(n.length).toBeLessThanOrEqual(31);
      expect(n).not.toMatch(/[[\]:*?/\\\u0000-\u001f]/);
      expect(n).not.toMatch(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/);
      expect(n.toLowerCase()).not.toBe('history');
    }
    expect(cutUtf16('ab😀', 3)).toBe('ab');
  });
});
