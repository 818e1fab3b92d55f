/**
 * Which cell styles show a date. Needed only for 1904 workbooks: there a date cell's serial must be
 * moved to the 1900 system, and only the number format tells a date from an amount.
 */
import type { OpcPackage } from './opc-package';

/** Built-in number formats that are dates or times (ECMA-376 18.8.30, plus the East Asian ones). */
const BUILTIN_DATE_IDS = new Set([14, 15, 16, 17, 18, 19, 20, 21, 22, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 45, 46, 47, 50, 51, 52, 53, 54, 55, 56, 57, 58, 81]);

/** A format code is a date when, outside quotes, escapes and [colour]/[$-locale] brackets, it has d, m, y, h or s. */
export function isDateFormatCode(code: string): boolean {
  const section = code.split(';')[0];
  const stripped = section
    .replace(/"[^"]*"/g, '')
    .replace(/\\./g, '')
    .replace(/_./g, '')
    .replace(/\*./g, '')
    .replace(/\[(?:h+|m+|s+)\]/gi, 'h')
    .replace(/\[[^\]]*\]/g, '');
  if (/^general$/i.test(stripped.trim())) return false;
  return /[dmyhs]/i.test(stripped.replace(/E[+-]/gi, ''));
}

/** Style indexes (the `s` attribute of a cell) whose number format is a date. */
export function readDateStyles(pkg: OpcPackage, part: string): Set<number> {
  const customDate = new Map<number, boolean>();
  const xfFormats: number[] = [];
  let inCellXfs = false;
  pkg.parseXml(part, {
    open(name, attrs) {
      if (name === 'numFmt') customDate.set(Number(attrs.numFmtId), isDateFormatCode(attrs.formatCode ?? ''));
      else if (name === 'cellXfs') inCellXfs = true;
      else if (name === 'xf' && inCellXfs) xfFormats.push(Number(attrs.numFmtId ?? 0));
    },
    close(name) {
      if (name === 'cellXfs') inCellXfs = false;
    },
  });
  const out = new Set<number>();
  xfFormats.forEach((id, index) => {
    if (customDate.get(id) ?? BUILTIN_DATE_IDS.has(id)) out.add(index);
  });
  return out;
}
