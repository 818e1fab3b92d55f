/** snapshot → model + `indata` findings. Never throws: whatever goes wrong becomes a finding. */
import type { Finding } from '../finding';
import type { Model } from '../model';
import type { WorkbookSnapshot } from '../snapshot';
import { readBudgetRaw } from './budget';
import { checkAvvikelse, decideTecken, normalizeBudget, TECKEN_ASSUMED_NOTE } from './budget-sign';
import { AVSNITT, FindingSink, indataFinding } from './findings';
import { readAtgarder, readGoals, readIndicators, readUppdrag } from './plan-sheets';
import { emptySettings, readSettings } from './settings';
import { findSheet, SHEET_TITLES, type SheetKind } from './sheet-lookup';
import { quoteRaw } from './text';

export interface BuildResult {
  model: Model;
  findings: Finding[];
}

function emptyModel(): Model {
  return {
    budget: null,
    goals: null,
    indicators: null,
    uppdrag: null,
    atgarder: null,
    settings: emptySettings(null),
    tecken: { value: 'kostnad positiv', assumed: false },
    notes: [],
  };
}

export function buildModel(snapshot: WorkbookSnapshot): BuildResult {
  try {
    return build(snapshot);
  } catch {
    // A bug must not take the check down: say that the input could not be read as a whole.
    return {
      model: emptyModel(),
      findings: [
        indataFinding({
          rule: 'IN-OLASBAR',
          severity: 'fel',
          sheet: null,
          message: 'Arbetsboken kunde inte läsas in: dess innehåll har en form som Styrkoll inte känner igen.',
          suggestion: 'Kontrollera att bladen följer Styrkolls indataformat, eller spara om arbetsboken i Excel och försök igen.',
          avsnitt: AVSNITT.hittaData,
        }),
      ],
    };
  }
}

function build(snapshot: WorkbookSnapshot): BuildResult {
  const sink = new FindingSink();
  const model = emptyModel();
  const ws: WorkbookSnapshot = snapshot && Array.isArray(snapshot.sheets) ? snapshot : { sheets: [] };
  const sheet = (kind: SheetKind) => {
    const s = findSheet(ws, kind);
    return s && Array.isArray(s.rows) ? s : null;
  };
  const missing = (kind: SheetKind, effect = '') => model.notes.push(`Bladet ${SHEET_TITLES[kind]} saknas i arbetsboken${effect}.`);

  const settingsSheet = sheet('installningar');
  if (settingsSheet) model.settings = readSettings(settingsSheet, sink);
  else missing('installningar', '; standardinställningarna används');
  const settingsNamnd = model.settings.namnd;

  const budgetSheet = sheet('budget');
  if (budgetSheet) {
    const raw = readBudgetRaw(budgetSheet, settingsNamnd, sink);
    if (raw) {
      model.tecken = decideTecken(raw.budgetSigns, model.settings.tecken);
      if (model.tecken.assumed) model.notes.push(TECKEN_ASSUMED_NOTE);
      if (model.tecken.value === 'kostnad positiv') {
        for (const u of raw.unknownTyp) {
          sink.add({
            rule: 'IN-VARDE',
            severity: 'varning',
            sheet: budgetSheet.name,
            row: u.row,
            col: u.col,
            namnd: u.namnd || null,
            message: `Typen på rad ${u.row} i bladet ${budgetSheet.name} är ${quoteRaw(u.raw)}, som varken är Kostnad eller Intäkt; raden räknas som kostnad.`,
            suggestion: 'Skriv Kostnad eller Intäkt i kolumnen Typ.',
            avsnitt: AVSNITT.budget,
          });
        }
      }
      if (model.settings.beloppI === null) {
        const unit = unitFromSheet(budgetSheet, raw.sheet.location.headerRow, Object.values(raw.sheet.location.headers));
        if (unit) {
          model.settings.beloppI = unit.unit;
          model.notes.push(`Belopp i saknas i Inställningar; beloppen antas vara i ${unit.unit} (${unit.where}).`);
        }
      }
      normalizeBudget(raw.sheet, model.tecken.value);
      checkAvvikelse(raw.sheet, sink);
      model.budget = raw.sheet;
    }
  } else {
    sink.add({
      rule: 'IN-BLAD-SAKNAS',
      severity: 'fel',
      sheet: null,
      message: 'Arbetsboken har inget blad som heter Budget, så budgeten kan inte kontrolleras.',
      suggestion: 'Döp bladet med budgetraderna till Budget (versaler spelar ingen roll), eller lägg till ett sådant blad.',
      avsnitt: AVSNITT.hittaData,
    });
  }

  const goals = sheet('mal');
  if (goals) model.goals = readGoals(goals, sink);
  else missing('mal');
  const indicators = sheet('indikatorer');
  if (indicators) model.indicators = readIndicators(indicators, sink);
  else missing('indikatorer');
  const uppdrag = sheet('uppdrag');
  if (uppdrag) model.uppdrag = readUppdrag(uppdrag, sink);
  else missing('uppdrag');
  const atgarder = sheet('atgarder');
  if (atgarder) model.atgarder = readAtgarder(atgarder, sink, settingsNamnd);
  else missing('atgarder');

  return { model, findings: sink.finish() };
}

const UNIT = /(?:^|[\s(,])(tkr|mnkr|kr)\b/i;

/**
 * The unit of the amounts when Inställningar does not say: from the amount headers
 * ("Budget 2025 (tkr)", "Verksamheter (tkr)") or a title row above them ("belopp i tkr").
 * Only kr and tkr are units the contract knows; anything else leaves the unit unset.
 */
export function unitFromSheet(sheet: WorkbookSnapshot['sheets'][number], headerRow: number, headers: string[]): { unit: 'kr' | 'tkr'; where: string } | null {
  for (const h of headers) {
    const m = UNIT.exec(h);
    if (m) return unitOf(m[1], `rubriken ”${h}”`);
  }
  for (let r = 0; r < headerRow - 1; r++) {
    for (const v of sheet.rows[r] ?? []) {
      if (typeof v !== 'string' || v.length > 120) continue;
      const m = UNIT.exec(v);
      if (m) return unitOf(m[1], `raden ”${v.trim()}”`);
    }
  }
  return null;
}

function unitOf(word: string, where: string): { unit: 'kr' | 'tkr'; where: string } | null {
  const w = word.toLowerCase();
  return w === 'tkr' || w === 'kr' ? { unit: w, where } : null;
}
