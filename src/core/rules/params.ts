/**
 * Param values for one run: the rule's default, then the profile's threshold, then the
 * workbook's Inställningar (a value that cannot be read is an `indata` finding and the earlier
 * value is kept), then a threshold the surface passes (the pane's own settings), which wins over
 * the workbook's row with the same key. Belopp defaults and profile values are in kr and are
 * scaled to the workbook's unit; a value from Inställningar or the surface is taken in the
 * workbook's unit, and read as a cell with that value would be (readThreshold).
 */
import type { Finding } from '../finding';
import type { Settings } from '../model';
import { normalizeHeader, parseSwedishNumber } from '../input';
import { formatValue } from './template';
import type { Profile } from './profile-schema';
import type { Param } from './rule-schema';

export type ParamOrigin = 'regel' | 'profil' | 'installningar' | 'val';

export interface ResolvedParams {
  values: Record<string, number>;
  origin: Record<string, ParamOrigin>;
  findings: Finding[];
}

export const SETTING_RULE_ID = 'IN-INSTALLNING-TROSKEL';

/**
 * A threshold as written: a number, or text such as "5 %", "5,5" or "100 000"; null when it
 * cannot be read or is negative. A percent between 0 and 1 without a % sign is a fraction (a
 * cell formatted as percent holds 0,05 for 5 %).
 */
export function readThreshold(value: string | number | boolean | null, kind: Param['kind']): number | null {
  if (typeof value !== 'number' && typeof value !== 'string') return null;
  const v = parseSwedishNumber(value);
  if (v === null || v === undefined || v < 0) return null;
  const hasPercentSign = typeof value === 'string' && value.includes('%');
  return kind === 'procent' && !hasPercentSign && v > 0 && v < 1 ? v * 100 : v;
}

/**
 * `chosen`: thresholds set outside the workbook by their Inställningar key (e.g. "Tröskel varning %"),
 * compared as Inställningar keys are. A chosen threshold replaces the workbook's row: that row is
 * not read at all (so an unreadable value there is no finding). A chosen value that cannot be read
 * (negative) is left out.
 */
export function resolveParams(params: Record<string, Param>, profile: Profile, settings: Settings, chosen: Readonly<Record<string, number>> = {}): ResolvedParams {
  const chosenByKey = new Map<string, number>();
  for (const [key, value] of Object.entries(chosen)) chosenByKey.set(normalizeHeader(key), value);
  const values: Record<string, number> = {};
  const origin: Record<string, ParamOrigin> = {};
  const findings: Finding[] = [];
  const scale = settings.beloppI === 'tkr' ? 1 / 1000 : settings.beloppI === 'mnkr' ? 1 / 1_000_000 : 1;
  const reported = new Set<string>();

  for (const [name, param] of Object.entries(params)) {
    const fromProfile = Object.prototype.hasOwnProperty.call(profile.thresholds, name);
    let value = fromProfile ? profile.thresholds[name] : param.default;
    if (param.kind === 'belopp') value *= scale;
    origin[name] = fromProfile ? 'profil' : 'regel';

    const key = param.setting ? normalizeHeader(param.setting) : undefined;
    const pick = key === undefined || !chosenByKey.has(key) ? null : readThreshold(chosenByKey.get(key)!, param.kind);
    if (key !== undefined && chosenByKey.has(key)) {
      if (pick !== null) {
        value = pick;
        origin[name] = 'val';
      }
      values[name] = value;
      continue;
    }
    const entry = key !== undefined ? settings.entries[key] : undefined;
    if (entry && entry.value !== null && entry.value !== '') {
      const read = readThreshold(entry.value, param.kind);
      if (read !== null) {
        value = read;
        origin[name] = 'installningar';
      } else if (!reported.has(entry.key)) {
        reported.add(entry.key);
        const unit = param.kind === 'procent' ? '\u00a0%' : param.kind === 'belopp' && settings.beloppI ? `\u00a0${settings.beloppI}` : '';
        const used = formatValue(value, 'tal', null) + unit;
        findings.push({
          rule: SETTING_RULE_ID,
          category: 'indata',
          severity: 'varning',
          sheet: settings.sheet,
          // The model keeps the entry's row only; the value is written right of the key, as in column B.
          row: entry.row,
          cell: `B${entry.row}`,
          namnd: null,
          message: `Inställningen ${entry.key} har värdet "${String(entry.value)}", som inte kan läsas som ett tal (0 eller större); ${used} används.`,
          source: 'Styrkolls indataformat, Inställningar',
          suggestion: `Skriv ett tal, t.ex. ${used}, eller töm cellen för att använda standardvärdet.`,
        });
      }
    }
    values[name] = value;
  }
  return { values, origin, findings };
}
