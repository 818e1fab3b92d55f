/** snapshot → model + `indata` findings. Never throws: whatever goes wrong becomes a finding. */
import type { Finding } from '../finding';
import type { Model, TableSheet } from '../model';
import type { SheetSnapshot, WorkbookSnapshot } from '../snapshot';
import type { ColumnMapping } from './budget-header';
import { readBudgets } from './budget-sheets';
import { AVSNITT, FindingSink, indataFinding } from './findings';
import { describeTable } from './inlast';
import { locateSheets, type PlanKind } from './locate';
import { mappingFromSettings } from './mapping';
import { readAtgarder, readGoals, readIndicators, readUppdrag } from './plan-sheets';
import { emptySettings, readSettings } from './settings';
import { findSheet, SHEET_TITLES } from './sheet-lookup';

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
    inlast: { sheets: [], enhet: null, skipped: [] },
  };
}

export interface BuildOptions {
  /** Where the budget is and which column is which, as the user said (CLI --sheet/--map, the pane); wins over Inställningar. */
  mapping?: ColumnMapping;
}

export function buildModel(snapshot: WorkbookSnapshot, options: BuildOptions = {}): BuildResult {
  try {
    return build(snapshot, options);
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

function build(snapshot: WorkbookSnapshot, options: BuildOptions): BuildResult {
  const sink = new FindingSink();
  const model = emptyModel();
  const ws: WorkbookSnapshot = snapshot && Array.isArray(snapshot.sheets) ? snapshot : { sheets: [] };

  const settingsSheet = findSheet(ws, 'installningar');
  const settingsUsable = settingsSheet && Array.isArray(settingsSheet.rows) ? settingsSheet : null;
  if (settingsUsable) {
    model.settings = readSettings(settingsUsable, sink);
    model.inlast.sheets.push(describeSettings(settingsUsable.name, model.settings));
  } else model.notes.push(`Bladet ${SHEET_TITLES.installningar} saknas i arbetsboken; standardinställningarna används.`);

  const mapping = mappingFromSettings(model.settings, options.mapping, sink);
  const located = locateSheets(ws, mapping, settingsUsable);
  model.inlast.skipped = located.skipped;

  readBudgets(model, located, mapping, sink);

  /** A plan sheet read if located (and said in Inläst), or noted as missing. */
  const readPlan = <T extends { row: number }>(kind: PlanKind, read: (sheet: SheetSnapshot) => TableSheet<T> | null): TableSheet<T> | null => {
    const found = located.plan[kind];
    if (!found) {
      model.notes.push(`Bladet ${SHEET_TITLES[kind]} saknas i arbetsboken.`);
      return null;
    }
    const table = read(found.sheet);
    model.inlast.sheets.push(describeTable(kind, found.sheet, found.foundBy, table));
    return table;
  };
  model.goals = readPlan('mal', (s) => readGoals(s, sink));
  model.indicators = readPlan('indikatorer', (s) => readIndicators(s, sink));
  model.uppdrag = readPlan('uppdrag', (s) => readUppdrag(s, sink));
  model.atgarder = readPlan('atgarder', (s) => readAtgarder(s, sink, model.settings.namnd));

  return { model, findings: sink.finish() };
}

function describeSettings(name: string, settings: Model['settings']): Model['inlast']['sheets'][number] {
  const keys = Object.values(settings.entries).map((e) => e.key);
  return {
    kind: 'installningar',
    sheet: name,
    foundBy: 'namn',
    headerRow: null,
    firstRow: 0,
    lastRow: 0,
    rows: keys.length,
    columns: [],
    unused: [],
    details: keys.length ? [`${keys.length} inställningar: ${keys.slice(0, 12).join(', ')}${keys.length > 12 ? ' …' : ''}.`] : ['Inga inställningar.'],
  };
}
