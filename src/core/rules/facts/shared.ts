/** What the fact builders of several scopes share: the nämnd totals, the Period and its report, deadlines. */
import type { Model } from '../../model';
import type { Profile } from '../profile-schema';
import { num } from '../line-facts';
import { namndTotals, type NamndTotals, totalsFromSums } from '../namnd-totals';
import { looseKey } from '../text';
import { DONE_STATUS_WORDS } from '../words';

/** Work shared by the scopes of one run (the nämnd totals are needed by three of them). */
export class SharedFacts {
  private totals: NamndTotals[] | null = null;
  private prognosValues: boolean | null = null;
  constructor(readonly model: Model) {}
  namndTotals(): NamndTotals[] {
    const budget = this.model.budget;
    return (this.totals ??= (budget?.namndSums && totalsFromSums(budget.namndSums)) ?? namndTotals(budget?.lines ?? []));
  }
  /** Whether at least one budget line has a prognos (workbook and nämnd facts alike). */
  harPrognosvarden(): boolean {
    return (this.prognosValues ??= (this.model.budget?.lines ?? []).some((l) => num(l.prognos) !== null));
  }
}

export function countBy<T>(items: T[], key: (t: T) => string | null): Map<string, T[]> {
  const map = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    if (k === null) continue;
    const list = map.get(k);
    if (list) list.push(item);
    else map.set(k, [item]);
  }
  return map;
}

export function sum(values: (number | null)[]): number | null {
  let total: number | null = null;
  for (const v of values) if (v !== null) total = (total ?? 0) + v;
  return total;
}

/** The year the workbook reports on: the Period's year, else the Budgetår. */
export const referenceYear = (model: Model): number | null => model.settings.period?.year ?? num(model.settings.budgetar);

/** Last day of the workbook's Period as yyyy-mm-dd; null without a Period (never the machine clock). */
export function periodEnd(model: Model): string | null {
  const p = model.settings.period;
  if (!p) return null;
  const day = new Date(Date.UTC(p.year, p.month, 0)).getUTCDate();
  return `${String(p.year).padStart(4, '0')}-${String(p.month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

const DONE = new Set(DONE_STATUS_WORDS);
/** Whether a Status text means the work is done. */
export const isDone = (status: string | null): boolean => status !== null && DONE.has(looseKey(status));

/** Whether work with this deadline and status is late at the Period's end (null when either is unknown). */
export function late(klartSenast: string | null, klar: boolean, end: string | null): boolean | null {
  return klartSenast === null || end === null ? null : !klar && klartSenast < end;
}

/** The profile's calendar entries whose period ends in the workbook's Period month. */
function reportsForPeriod(model: Model, profile: Profile) {
  const month = model.settings.period?.month;
  return month === undefined ? [] : profile.calendar.filter((e) => e.periodEnd.month === month);
}

/** The report the Period's month asks for (the one with a prognos first), and whether it asks for a prognos; null without Period. */
export function periodReport(model: Model, profile: Profile): { rapport: string | null; periodKraverPrognos: boolean | null } {
  const reports = reportsForPeriod(model, profile);
  const withPrognos = reports.filter((r) => r.prognos);
  return {
    rapport: (withPrognos[0] ?? reports[0])?.name ?? null,
    periodKraverPrognos: model.settings.period === null ? null : withPrognos.length > 0,
  };
}
