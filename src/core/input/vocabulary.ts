/**
 * The header vocabulary of budget tables as real exports write them, kept as data: the docs
 * (docs/workbook-format.md) and the tests list it from here. Words are compared folded (lower
 * case, å/ä → a, ö → o; see foldText), one word of the header at a time.
 *
 * The contract's own names and synonyms (header-specs.ts) are matched first; this vocabulary
 * classifies what they do not know: `Utfall jan–aug 2025`, `Ack. utfall aug`, `Utfall 2508`,
 * `Nettokostnad budget 2025`, `Avvikelse budget–prognos`, `Ansvar (T)`, `Intäkter`, `Avvikelse %` …
 */

/** Amount fields, in the order they are tried: the first whose word stands in the header wins. */
export const AMOUNT_WORDS: readonly { field: 'avvikelse' | 'prognos' | 'utfall' | 'budget'; words: readonly string[]; stems: readonly string[] }[] = [
  {
    field: 'avvikelse',
    words: ['avvikelse', 'avvikelser', 'avv', 'aterstar', 'aterstaende', 'kvar', 'differens', 'diff', 'variance', 'deviation', 'difference'],
    // Compounds that end in the stem: "Budgetavvikelse", "Prognosavvikelse", "Helårsavvikelse".
    stems: ['avvikelse'],
  },
  { field: 'prognos', words: ['prognos', 'prognoser', 'prog', 'forecast', 'projection'], stems: ['prognos'] },
  { field: 'utfall', words: ['utfall', 'utfallet', 'utf', 'bokslut', 'redovisat', 'bokfort', 'bokforda', 'actual', 'actuals', 'outcome'], stems: ['utfall'] },
  {
    field: 'budget',
    words: ['budget', 'budgeterat', 'budg', 'ram', 'nettoram', 'budgetram', 'kommunbidrag', 'anslag'],
    // "Årsbudget", "Helårsbudget", "Driftbudget", "Nettobudget".
    stems: ['budget'],
  },
];

/** Words that contain a stem above but mean something else ("Budgetår" is a year, not an amount). */
export const NOT_AMOUNT_WORDS: readonly string[] = ['budgetar', 'budgetaret', 'budgetperiod', 'prognosdatum', 'prognosmanad'];

/** A net amount with no budget/utfall/prognos word: the outcome when the table also has a budget column. */
export const NET_WORDS: readonly string[] = ['nettokostnad', 'nettokostnader', 'netto', 'nettokostn', 'net', 'nettoutfall', 'nettoresultat'];

/** Gross amounts: read tables use the net, so these columns are named as not used. */
export const GROSS_WORDS: readonly string[] = [
  'intakter', 'intakt', 'kostnader', 'kostnad', 'bruttokostnad', 'bruttokostnader', 'bruttointakter', 'brutto',
  'revenue', 'revenues', 'income', 'costs', 'cost', 'expenses', 'expenditure',
];

/** A share rather than an amount ("Avvikelse %", "Förbrukat", "Andel av budget"): not used. */
export const PERCENT_WORDS: readonly string[] = ['procent', 'andel', 'forbrukat', 'forbrukning', 'forbrukad', 'percent', 'pct', 'share'];

/** A budget to date rather than the year's budget ("Periodbudget aug", "Budget ack. aug"): not used. */
export const PERIOD_BUDGET_WORDS: readonly string[] = [
  'periodbudget', 'ack', 'ackumulerad', 'ackumulerat', 'period', 'perioden', 'jan', 'feb', 'mar', 'apr', 'maj', 'jun', 'jul', 'aug', 'sep', 'okt', 'nov', 'dec',
  'januari', 'februari', 'mars', 'april', 'juni', 'juli', 'augusti', 'september', 'oktober', 'november', 'december', 'ytd',
];

/** Last year's figures ("Utfall fg år", "Bokslut föregående år"): not used. */
export const PREVIOUS_YEAR_WORDS: readonly string[] = ['fg', 'foregaende', 'forra', 'fjol', 'ifjol', 'fjolaret', 'previous', 'prior', 'fgar'];

/** Text fields of a budget table and the words that name them. */
export const TEXT_WORDS: readonly { field: 'namnd' | 'verksamhet' | 'ansvar' | 'forvaltning' | 'konto' | 'kommentar'; words: readonly string[] }[] = [
  { field: 'namnd', words: ['namnd', 'namnder', 'styrelse', 'styrelser', 'department', 'committee', 'board'] },
  {
    field: 'verksamhet',
    // "Radetiketter": the row labels of an Excel pivot table (compact form).
    words: ['verksamhet', 'verksamheter', 'verksamhetsomrade', 'verksamhetsomraden', 'vht', 'vo', 'activity', 'operation', 'operations', 'program', 'radetiketter', 'radetikett'],
  },
  {
    field: 'ansvar',
    words: ['ansvar', 'ansvarsomrade', 'ansvarsenhet', 'ansvarskod', 'enhet', 'enheter', 'kostnadsstalle', 'resultatenhet', 'resultatomrade', 'costcenter', 'unit'],
  },
  // A förvaltning is read as the nämnd when the table has no Nämnd column (one förvaltning per nämnd).
  { field: 'forvaltning', words: ['forvaltning', 'forvaltningar', 'sektor', 'directorate'] },
  { field: 'konto', words: ['konto', 'kontonamn', 'kontonummer', 'kontoklass', 'kontogrupp', 'kostnadsslag', 'account'] },
  { field: 'kommentar', words: ['kommentar', 'kommentarer', 'analys', 'forklaring', 'notering', 'comment', 'comments', 'note', 'notes'] },
];

/** Phrases of several words that name a text field ("Cost centre"), matched before the words. */
export const TEXT_PHRASES: readonly { field: 'ansvar' | 'verksamhet' | 'namnd'; phrase: string }[] = [
  { field: 'ansvar', phrase: 'cost centre' },
  { field: 'ansvar', phrase: 'cost center' },
  { field: 'ansvar', phrase: 'responsibility centre' },
  { field: 'verksamhet', phrase: 'row labels' },
];

/** Marks the text half of a code + text pair: `Ansvar (T)`, `Konto text`, `Verksamhet benämning`. */
export const TEXT_VARIANT_WORDS: readonly string[] = ['t', 'text', 'txt', 'benamning', 'namn', 'beskrivning', 'name', 'description'];

/** Marks the code half of a code + text pair: `Ansvar kod`, `Kontonr`. */
export const CODE_VARIANT_WORDS: readonly string[] = ['kod', 'koder', 'nr', 'nummer', 'id', 'code', 'no'];

/** Labels of total rows, wherever they stand in the row: `Summa X`, `X Summa`, `Totalsumma`, `Delsumma`, `Totalt`. */
export const TOTAL_WORDS: readonly string[] = ['summa', 'totalt', 'total', 'totalsumma', 'delsumma', 'slutsumma', 'subtotal', 'grand total', 'summor'];

/** Words that make a label a nämnd's name (a group header or parent row): "Socialnämnden", "Kommunstyrelsen". */
export const NAMND_NAME = /(?:n[äa]mnd(?:en|er)?|styrelse(?:n)?|kommunfullm[äa]ktige|revision(?:en)?|[öo]verf[öo]rmyndar\p{L}*|fullm[äa]ktige|valn[äa]mnd\p{L}*)(?![\p{L}])/iu;

/** Units of amounts as written in a title, header or parameter cell. */
export const UNIT_WORDS: readonly { unit: 'kr' | 'tkr' | 'mnkr'; words: readonly string[] }[] = [
  { unit: 'tkr', words: ['tkr', 'tsek', 'ksek', 'tusental kronor', 'tusentals kronor', 'tusen kronor', 'tkr.'] },
  { unit: 'mnkr', words: ['mnkr', 'mkr', 'msek', 'mkr.', 'miljoner kronor', 'miljoner kr', 'miljontals kronor', 'mn kr', 'milj kr', 'milj. kr'] },
  { unit: 'kr', words: ['kr', 'kronor', 'sek', 'hela kronor'] },
];
