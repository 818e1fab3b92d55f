/** The facts of the uppdrag and atgard scopes: one object per row, with whether it is done and late. */
import type { Model } from '../../model';
import type { FactObject } from '../fact-object';
import { blank, num } from '../line-facts';
import { isDone, late, periodEnd } from './shared';

export function uppdragObjects(model: Model): FactObject[] {
  const sheet = model.uppdrag;
  if (!sheet) return [];
  const end = periodEnd(model);
  return sheet.items.map((u) => {
    const ansvarig = blank(u.ansvarig);
    const status = blank(u.status);
    const klartSenast = blank(u.klartSenast);
    const klar = isDone(status);
    return {
      facts: {
        id: blank(u.id),
        text: blank(u.text),
        givetAv: blank(u.givetAv),
        ansvarig,
        harAnsvarig: ansvarig !== null,
        kostnad: num(u.kostnad),
        finansierad: u.finansierad,
        finansieradText: u.finansierad === null ? null : u.finansierad ? 'Ja' : 'Nej',
        status,
        klartSenast,
        klar,
        periodSlut: end,
        forsenad: late(klartSenast, klar, end),
      },
      anchor: { sheet: sheet.location.name, row: u.row, namnd: ansvarig, location: sheet.location },
    };
  });
}

export function atgardObjects(model: Model): FactObject[] {
  const sheet = model.atgarder;
  if (!sheet) return [];
  const end = periodEnd(model);
  return sheet.items.map((a) => {
    const namnd = blank(a.namnd);
    const ansvarig = blank(a.ansvarig);
    const status = blank(a.status);
    const klartSenast = blank(a.klartSenast);
    const klar = isDone(status);
    return {
      facts: {
        namnd,
        text: blank(a.text),
        belopp: num(a.belopp),
        ansvarig,
        harAnsvarig: ansvarig !== null,
        klartSenast,
        status,
        klar,
        periodSlut: end,
        forsenad: late(klartSenast, klar, end),
      },
      anchor: { sheet: sheet.location.name, row: a.row, namnd, location: sheet.location },
    };
  });
}
