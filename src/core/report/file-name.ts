/**
 * Report workbook file names and sheet names from nämnd names: readable, valid on Windows, macOS
 * and Linux and in Excel, and distinct. All names are computed together, before anything is
 * written: names that map to the same file (`a/b`, `a-b`, `a:b`; `.` and `..`; decomposed and
 * composed å/ä/ö; CON and con) get a suffix " (2)", " (3)" … in nämnd order.
 */

/** Longest file name stem in characters (Windows paths stay well under 260 characters). */
const MAX_STEM = 80;
const RESERVED_FILE = /^(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³])(\..*)?$/i;
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\ufeff]/g;

/** The first `max` UTF-16 units of `s`, never splitting a surrogate pair (an emoji). */
export function cutUtf16(s: string, max: number): string {
  if (s.length <= max) return s;
  let out = '';
  for (const ch of s) {
    if (out.length + ch.length > max) break;
    out += ch;
  }
  return out;
}

function stem(namnd: string): string {
  let s = namnd.normalize('NFC').replace(CONTROL, '').replace(/[\\/:*?"<>|]/g, '-').replace(/\s+/g, ' ');
  s = s.replace(/^[.\s]+|[.\s]+$/g, '');
  s = cutUtf16(s, MAX_STEM).replace(/[.\s]+$/g, '');
  if (!s) s = 'namnd';
  if (RESERVED_FILE.test(s)) s = `${s}-namnd`;
  return s;
}

/** Distinct file names (`<name>.xlsx`) for the nämnder, in their order. */
export function reportFileNames(namnder: string[]): string[] {
  const used = new Set<string>();
  return namnder.map((n) => {
    const base = stem(n);
    let name = base;
    for (let i = 2; used.has(name.toLowerCase()); i++) name = `${base} (${i})`;
    used.add(name.toLowerCase());
    return `${name}.xlsx`;
  });
}

/** One nämnd's file name, as `reportFileNames` gives it when the nämnd is the only one. */
export function reportFileName(namnd: string): string {
  return reportFileNames([namnd])[0];
}

/** Sheet names: at most 31 characters, none of []:*?/\ or control characters, not "History", unique case-insensitively. */
export function sheetNames(namnder: string[]): string[] {
  const used = new Set<string>();
  return namnder.map((n) => {
    let base = n.normalize('NFC').replace(CONTROL, '').replace(/[[\]:*?/\\]/g, '-').replace(/\s+/g, ' ').trim().replace(/^'+|'+$/g, '').trim();
    base = cutUtf16(base, 31).replace(/'+$/, '').trim() || 'Nämnd';
    // Excel reserves "History" (the change history of a shared workbook).
    if (base.toLowerCase() === 'history') base = 'History-nämnd';
    let name = base;
    for (let i = 2; used.has(name.toLowerCase()); i++) {
      const suffix = ` (${i})`;
      name = cutUtf16(base, 31 - suffix.length) + suffix;
    }
    used.add(name.toLowerCase());
    return name;
  });
}
