/** The shared-string table: rich-text runs concatenated, phonetic (ruby) runs left out. */
import { readErrors } from './errors';
import type { OpcPackage } from './opc-package';
import { unescapeOoxml } from './text-values';

export function readSharedStrings(pkg: OpcPackage, part: string): string[] {
  const max = pkg.limits.maxSharedStrings;
  const out: string[] = [];
  let inSi = false;
  let inT = false;
  let phonetic = 0;
  let parts: string[] = [];
  pkg.parseXml(part, {
    open(name, attrs) {
      if (name === 'si') {
        inSi = true;
        parts = [];
      } else if (name === 't' && inSi && phonetic === 0) inT = true;
      else if (name === 'rPh' || name === 'phoneticPr') phonetic++;
      else if (name === 'sst') {
        const declared = Number(attrs.uniqueCount ?? attrs.count ?? 0);
        if (declared > max) throw readErrors.tooLarge('antal delade textsträngar', max);
      }
    },
    text(t) {
      if (inT) parts.push(t);
    },
    close(name) {
      if (name === 't') inT = false;
      else if (name === 'rPh' || name === 'phoneticPr') phonetic--;
      else if (name === 'si') {
        inSi = false;
        if (out.length >= max) throw readErrors.tooLarge('antal delade textsträngar', max);
        out.push(unescapeOoxml(parts.length === 1 ? parts[0] : parts.join('')));
      }
    },
  });
  return out;
}
