/**
 * The budget of a workbook from every budget sheet located (one, or one per nämnd): each sheet read
 * with its own header and nämnd, then merged into one BudgetSheet whose lines remember their sheet;
 * the sign convention and unit decided over all of them; every step said in the Inläst section.
 */
import type { BudgetLine, BudgetSheet, Enhet, Model, TotalRow } from '../model';
import { type BudgetReadStats, namndFromTitle, readBudgetRaw, type RawBudget } from './budget';
import type { ColumnMapping } from './budget-header';
import { checkAvvikelse, decideTecken, normalizeBudget, TECKEN_ASSUMED_NOTE } from './budget-sign';
import { AVSNITT, type FindingSink } from './findings';
import { BUDGET_COLUMNS } from './header-specs';
import { describeBudget } from './inlast';
import { type BudgetSource, HIDDEN_WHY, isNamndLikeSheetName, type SheetPlan } from './locate';
import { reportMissingHeaders } from './sheet-reader';
import { quoteRaw, swedishList } from './text';
import { inferUnit, unitFromSheet, unitInCells } from './unit';
import { columnLetter } from './address';

const AMOUNT_KEYS = ['budget', 'utfall', 'prognos', 'avvikelse'];

interface Part {
  source: BudgetSource;
  raw: RawBudget;
  namndFrom: string | null;
}

export function readBudgets(model: Model, located: SheetPlan, mapping: ColumnMapping, sink: FindingSink): void {
  if (located.budget.length === 0) {
    reportNoBudget(model, located, mapping, sink);
    return;
  }
  const settingsNamnd = model.settings.namnd;
  const several = located.budget.length > 1;
  const parts: Part[] = [];
  for (const source of located.budget) {
    const { sheet, header } = source;
    const hasNamndColumn = 'namnd' in header.columns || 'namndKod' in header.columns;
    let defaultNamnd: string | null = settingsNamnd;
    let namndFrom: string | null = hasNamndColumn ? 'kolumnen ' + (header.headers.namnd ?? header.headers.namndKod) : settingsNamnd ? 'Nämnd i Inställningar' : null;
    let title: { text: string; row: number } | null = null;
    if (!hasNamndColumn && !settingsNamnd) {
      title = namndFromTitle(sheet, header.headerRow);
      if (title) {
        defaultNamnd = title.text;
        namndFrom = `rubriken på rad ${title.row}`;
      } else if (several || isNamndLikeSheetName(sheet.name)) {
        defaultNamnd = sheet.name.trim();
        namndFrom = 'bladets namn';
      }
    }
    const raw = readBudgetRaw(sheet, { header, defaultNamnd }, sink);
    if (!hasNamndColumn && !settingsNamnd) {
      if (raw.stats.groupNamnder.length > 0 && defaultNamnd === null) namndFrom = 'grupprubrikerna';
      if (title && !several && raw.stats.withoutNamnd === 0) {
        sink.push({
          rule: 'IN-NAMND-SAKNAS',
          severity: 'info',
          sheet: sheet.name,
          row: null,
          col: null,
          message: `Bladet ${sheet.name} har ingen kolumn Nämnd och Inställningar anger ingen Nämnd; raderna antas gälla ${title.text} (rubriken på rad ${title.row}).`,
          suggestion: 'Ange nämnden som Nämnd i bladet Inställningar (för en arbetsbok per nämnd) eller lägg till en kolumn Nämnd.',
          avsnitt: AVSNITT.budget,
        });
      } else if (raw.stats.withoutNamnd > 0) {
        sink.push({
          rule: 'IN-NAMND-SAKNAS',
          severity: 'varning',
          sheet: sheet.name,
          row: null,
          col: null,
          message:
            `Bladet ${sheet.name} har ingen kolumn Nämnd och Inställningar anger ingen Nämnd, så ${raw.stats.withoutNamnd === raw.stats.lines ? 'raderna' : `${raw.stats.withoutNamnd} av raderna`} ` +
            'kontrolleras men kan inte knytas till någon nämnd.',
          suggestion: 'Ange nämnden som Nämnd i bladet Inställningar (för en arbetsbok per nämnd), lägg till en kolumn Nämnd, eller skriv nämnden som en rubrikrad ovanför dess verksamheter.',
          avsnitt: AVSNITT.budget,
        });
      }
    }
    parts.push({ source, raw, namndFrom });
  }
  if (several) dropSummaries(parts, located, model);

  const signs = parts.reduce((acc, p) => ({ negative: acc.negative + p.raw.budgetSigns.negative, positive: acc.positive + p.raw.budgetSigns.positive }), { negative: 0, positive: 0 });
  model.tecken = decideTecken(signs, model.settings.tecken);
  if (model.tecken.assumed) model.notes.push(TECKEN_ASSUMED_NOTE);
  if (model.tecken.value === 'kostnad positiv') {
    for (const p of parts) {
      for (const u of p.raw.unknownTyp) {
        sink.add({
          rule: 'IN-VARDE',
          severity: 'varning',
          sheet: p.source.sheet.name,
          row: u.row,
          col: u.col,
          namnd: u.namnd || null,
          message: `Typen på rad ${u.row} i bladet ${p.source.sheet.name} är ${quoteRaw(u.raw)}, som varken är Kostnad eller Intäkt; raden räknas som kostnad.`,
          suggestion: 'Skriv Kostnad eller Intäkt i kolumnen Typ.',
          avsnitt: AVSNITT.budget,
        });
      }
    }
  }

  const merged = merge(parts.map((p) => p.raw.sheet));
  resolveUnit(model, parts, merged.lines, sink);
  normalizeBudget(merged, model.tecken.value);
  for (const p of parts) checkAvvikelse(p.raw.sheet, sink);
  model.budget = merged;
  for (const p of parts) model.inlast.sheets.push(describeBudget(p.source, p.raw.sheet, p.raw.stats, p.namndFrom));
}

/**
 * Several sheets found by content are one per nämnd. A sheet whose nämnder all stand in another
 * sheet with at least as many lines is the same budget again (a per-nämnd summary beside the
 * detail, or the same table twice): read both, every amount would count twice. The sheet with
 * the most lines is read (the first among equals); the others are named as not read, and why.
 */
function dropSummaries(parts: Part[], located: SheetPlan, model: Model): void {
  const namnder = parts.map((p) => new Set(p.raw.sheet.lines.map((l) => l.namnd).filter((n) => n !== '')));
  const order = parts.map((_, i) => i).sort((a, b) => parts[b].raw.sheet.lines.length - parts[a].raw.sheet.lines.length || a - b);
  const kept: number[] = [];
  const dropped = new Map<number, number>();
  for (const i of order) {
    const within = kept.find((k) => namnder[i].size > 0 && [...namnder[i]].every((n) => namnder[k].has(n)));
    if (within === undefined) kept.push(i);
    else dropped.set(i, within);
  }
  if (dropped.size === 0) return;
  for (const [i, k] of dropped) {
    const name = parts[i].source.sheet.name;
    const by = parts[k].source.sheet.name;
    const lines = (n: number) => `${n} ${n === 1 ? 'rad' : 'rader'}`;
    const why = `samma nämnder som bladet ${by} (${lines(parts[i].raw.sheet.lines.length)} här, ${lines(parts[k].raw.sheet.lines.length)} där); bara ${by} läses så att inget belopp räknas två gånger`;
    located.skipped.push({ sheet: name, why });
    model.notes.push(
      `Bladen ${name} och ${by} ser båda ut som budgettabeller för samma nämnder; bara ${by} kontrolleras, så att beloppen inte räknas två gånger. ` +
        'Ange Budgetblad i Inställningar (eller --sheet) om det andra bladet ska läsas.',
    );
  }
  const keep = parts.filter((_, i) => !dropped.has(i));
  parts.length = 0;
  parts.push(...keep);
}

/** One BudgetSheet from several: lines and totals in order, each remembering its sheet. */
function merge(sheets: BudgetSheet[]): BudgetSheet {
  if (sheets.length === 1) return sheets[0];
  const years = [...new Set(sheets.flatMap((s) => s.planYears))].sort((a, b) => a - b);
  const lines: BudgetLine[] = [];
  const totals: TotalRow[] = [];
  for (const s of sheets) {
    const same = s.planYears.length === years.length && s.planYears.every((y, i) => y === years[i]);
    for (const l of s.lines) {
      l.location = s.location;
      if (!same) l.plan = years.map((y) => (s.planYears.includes(y) ? l.plan[s.planYears.indexOf(y)] ?? null : null));
      lines.push(l);
    }
    for (const t of s.totals) totals.push({ ...t, location: s.location });
  }
  return {
    location: sheets[0].location,
    lines,
    totals,
    hasPrognos: sheets.some((s) => s.hasPrognos),
    planYears: years,
    parts: sheets.map((s) => s.location),
    ...(sheets.some((s) => s.unreadablePrognos) ? { unreadablePrognos: new Set(sheets.flatMap((s) => [...(s.unreadablePrognos ?? [])])) } : {}),
  };
}

/** Belopp i from Inställningar, else a unit written on a budget sheet, else the magnitudes: always said. */
function resolveUnit(model: Model, parts: Part[], lines: readonly BudgetLine[], sink: FindingSink): void {
  const settings = model.settings;
  if (settings.beloppI !== null) {
    model.inlast.enhet = { unit: settings.beloppI, source: 'installningar', why: `Belopp i i bladet ${settings.sheet ?? 'Inställningar'}` };
    return;
  }
  // A unit written on the sheet (a header, title, parameter cell or the amount cells) is used and said.
  const stated = (found: { unit: Enhet; where: string }, sheet: string): void => {
    settings.beloppI = found.unit;
    model.inlast.enhet = { unit: found.unit, source: 'blad', why: `${found.where} i bladet ${sheet}` };
    sink.push({
      rule: 'IN-ENHET',
      severity: 'info',
      sheet,
      row: null,
      col: null,
      message: `Beloppen läses i ${found.unit} enligt ${found.where} i bladet ${sheet}; gränser i kronor, som Lägsta belopp, räknas om till ${found.unit}.`,
      suggestion: `Inget behöver göras. Vill du ange enheten uttryckligen: skriv Belopp i = ${found.unit} i bladet Inställningar.`,
      avsnitt: AVSNITT.budget,
    });
  };
  for (const p of parts) {
    const loc = p.raw.sheet.location;
    // Amount headers first ("Budget (tkr)"), then the others ("Verksamheter (tkr)").
    const keys = Object.keys(loc.headers);
    const isAmount = (k: string) => AMOUNT_KEYS.includes(k) || k.startsWith('plan');
    const amountHeaders = [...keys.filter(isAmount), ...keys.filter((k) => !isAmount(k))].map((k) => loc.headers[k]);
    const found = unitFromSheet(p.source.sheet, loc.headerRow, amountHeaders);
    if (found) return stated(found, loc.name);
  }
  for (const p of parts) {
    const loc = p.raw.sheet.location;
    const cols = Object.keys(loc.columns).filter((k) => AMOUNT_KEYS.includes(k) || k.startsWith('plan')).map((k) => loc.columns[k] - 1);
    const h = p.source.header;
    const found = unitInCells(p.source.sheet, h.dataStart, h.dataEnd, cols, (c) => columnLetter(c + 1));
    if (found) return stated(found, loc.name);
  }
  const inferred = inferUnit(lines);
  if (!inferred) return;
  settings.beloppI = inferred.unit;
  const where = swedishList(parts.map((p) => p.source.sheet.name));
  model.inlast.enhet = { unit: inferred.unit, source: 'storlek', why: `antagen efter beloppens storlek: ${inferred.why}` };
  sink.push({
    rule: 'IN-ENHET',
    severity: 'varning',
    sheet: parts[0].source.sheet.name,
    row: null,
    col: null,
    message:
      `Ingen enhet anges för beloppen i ${parts.length === 1 ? 'bladet' : 'bladen'} ${where} (Belopp i saknas i Inställningar och ingen rubrik eller rad ovanför säger kr, tkr eller mnkr). ` +
      `Beloppen antas vara i ${inferred.unit}, eftersom ${inferred.why}. Gränser i kronor, som Lägsta belopp, räknas om därefter.`,
    suggestion: 'Kontrollera enheten och ange den som Belopp i (kr, tkr eller mnkr) i bladet Inställningar, eller skriv t.ex. ”Belopp i tkr” ovanför rubrikerna.',
    avsnitt: AVSNITT.budget,
  });
}

function reportNoBudget(model: Model, located: SheetPlan, mapping: ColumnMapping, sink: FindingSink): void {
  if (located.budgetUnread) {
    reportMissingHeaders(sink, located.budgetUnread.name, BUDGET_COLUMNS, ['budget'], AVSNITT.budget);
    return;
  }
  if (mapping.sheet) {
    sink.add({
      rule: 'IN-BLAD-SAKNAS',
      severity: 'fel',
      sheet: null,
      message: `Budgetbladet ”${mapping.sheet}” som anges (Budgetblad i Inställningar eller --sheet) finns inte i arbetsboken, så ingen budget har lästs.`,
      suggestion: 'Skriv bladets namn exakt som på fliken, eller ta bort Budgetblad så letar Styrkoll upp budgeten själv.',
      avsnitt: AVSNITT.hittaData,
    });
    return;
  }
  const looked = located.skipped.filter((s) => s.why !== HIDDEN_WHY).map((s) => s.sheet);
  const hidden = located.skipped.filter((s) => s.why === HIDDEN_WHY).map((s) => '”' + s.sheet + '”');
  sink.add({
    rule: 'IN-BLAD-SAKNAS',
    severity: 'fel',
    sheet: null,
    message:
      'Ingen budgetdata hittades, så budgeten har inte kontrollerats: inget blad heter Budget' +
      (looked.length
        ? `, och inget av bladen ${swedishList(looked.map((n) => '”' + n + '”'))} har en rubrikrad med en budgetkolumn bland de 40 första raderna.`
        : hidden.length
          ? '.'
          : ', och arbetsboken har inga andra blad med innehåll.') +
      (hidden.length ? ` ${hidden.length === 1 ? 'Det dolda bladet' : 'De dolda bladen'} ${swedishList(hidden)} lästes inte (dolda blad läses bara när de anges som Budgetblad eller --sheet).` : ''),
    suggestion:
      'Döp bladet med budgetraderna till Budget, eller ange var budgeten står: Budgetblad och t.ex. Kolumn Budget i bladet Inställningar ' +
      '(--sheet och --map på kommandoraden, Koppla kolumner i Styrkoll-fönstret).',
    avsnitt: AVSNITT.hittaData,
  });
  model.notes.push('Ingen budgetdata hittades i arbetsboken.');
}

export type { BudgetReadStats };
