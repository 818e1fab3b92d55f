/**
 * collectAnswers: reads the returned per-nämnd report workbooks by fill-in id and turns the
 * answers into edits of the master (Mål Prognos, Uppdrag Status, Indikatorer Utfall, new
 * Åtgärder rows), a consolidated Sammanställning sheet for the texts, and findings for what is
 * missing. Only rows whose integrity tag verifies for the nämnd the report was made for are
 * taken; everything else is reported with its text in `Saknas eller behöver granskas`.
 */
import type { Finding } from '../finding';
import type { Model } from '../model';
import type { SheetSpec } from '../sheet-spec';
import type { CellValue, WorkbookSnapshot } from '../snapshot';
import type { ReportTemplate } from './template-schema';
import { isBlank, normalizeName, parseSwedishNumber } from './cell-ref';
import { buildNamndSheet } from './build-reports';
import { listNamnder, sameNamnd, sheetNames } from './namnd-data';
import { MasterSheet, type Edit } from './master-sheet';
import { readReports, type ReadField, type ReportReading } from './read-report';
import { changedCells } from './tamper';
import { PROGNOS_LABELS } from './section-goals';
import { splitTextId } from './section-text';
import { buildSummarySheet } from './summary-sheet';
import { missingAnswerFindings, finding } from './collect-findings';
import { fileTagNamnd, rowTagValid, type ReportIdentity, type Signer } from './integrity';
import { META_KEY, type RowKey } from './row-key';
import { asEnhet, parseAmountKr } from './amounts';
import { buildReviewSheet, REVIEW_SHEET, type Rejected } from './review-sheet';

export interface ReportAnswer {
  namnd: string;
  /** The returned file's name as given. */
  file: string;
  sheet: string;
  cell: string;
  id: string;
  /** Swedish description of the field, e.g. "Mål M3: prognos". */
  label: string;
  value: string | number | null;
  /** The value was typed by the nämnd (not blank, not the pre-filled value). */
  answered: boolean;
  /** A date (Excel serial number). */
  date?: boolean;
}

export interface ReturnedReport {
  name: string;
  snapshot: WorkbookSnapshot;
  /** Last-modified time (ms), to choose the newest of two equally filled copies. */
  mtime?: number;
  /** The workbook-level tag (hidden defined name `Styrkoll_Rapport`), when the file has one. */
  fileTag?: string | null;
}

export interface CollectInput {
  master: Model;
  masterSnapshot: WorkbookSnapshot;
  returned: ReturnedReport[];
  template?: ReportTemplate;
  /** The same keyed hash `report` signed with (see integrity.ts). */
  sign: Signer;
  /** Take an answer even where the master changed since the report was issued. */
  overwrite?: boolean;
}

export interface CollectOutput {
  edits: Edit[];
  answers: ReportAnswer[];
  findings: Finding[];
  rejected: Rejected[];
  summary: string[];
  /** `Sammanställning` and `Saknas eller behöver granskas` (always), `Åtgärder` when the master has no such sheet. */
  sheets: SheetSpec[];
}

export const SUMMARY_SHEET = 'Sammanställning';
export { REVIEW_SHEET };

/** Excel's limit for the text of one cell. */
export const MAX_CELL_TEXT = 32767;

function prognosLabel(v: CellValue): string | null {
  if (typeof v !== 'string') return null;
  const n = normalizeName(v);
  if (n === 'uppnas') return PROGNOS_LABELS.uppnas;
  if (n === 'delvis' || n === 'delvis uppnas') return PROGNOS_LABELS.delvis;
  if (n === 'uppnas ej' || n === 'ej uppnas' || n === 'uppnas inte') return PROGNOS_LABELS['uppnas-ej'];
  return null;
}

function asText(v: CellValue): string | number | null {
  if (v === null || typeof v === 'boolean') return v === null ? null : v ? 'Ja' : 'Nej';
  return v;
}

function isDateSerial(v: CellValue): v is number {
  return typeof v === 'number' && v > 20000 && v < 80000;
}

const DATE_STYLE = { numFmt: 'yyyy-mm-dd' };

const FIELD_LABELS: Record<string, string> = {
  prognos: 'prognos', kommentar: 'kommentar', status: 'status', utfall: 'utfall', analys: 'analys',
  atgard: 'åtgärd', belopp: 'belopp', ansvarig: 'ansvarig', klart: 'klart senast',
};

export function labelFor(id: string, master: Model, template?: ReportTemplate): string {
  const [kind] = id.split(':');
  const rawField = id.slice(id.lastIndexOf(':') + 1);
  const field = FIELD_LABELS[rawField] ?? rawField;
  const key = id.slice(kind.length + 1, id.lastIndexOf(':'));
  switch (kind) {
    case 'mal': {
      const g = master.goals?.items.find((x) => x.id === key);
      return `Mål ${key}${g ? ' – ' + g.text : ''}: ${field}`;
    }
    case 'indikator': {
      const i = master.indicators?.items.find((x) => x.id === key);
      return `Indikator ${key}${i ? ' – ' + i.text : ''}: utfall`;
    }
    case 'uppdrag': {
      const u = master.uppdrag?.items.find((x) => x.id === key);
      return `Uppdrag ${key}${u ? ' – ' + u.text : ''}: ${field}`;
    }
    case 'avvikelse':
      return `Avvikelse ${key.slice(key.indexOf('|') + 1)}: analys`;
    case 'atgard':
      return `Åtgärd ${key}: ${field}`;
    default: {
      const t = template?.sections.find((s) => s.kind === 'text' && s.id === id);
      return t && t.kind === 'text' ? t.heading : id;
    }
  }
}

/** A report sheet read back and checked: whose it really is and which of its rows verify. */
interface Candidate {
  file: ReturnedReport;
  reading: ReportReading;
  /** The nämnd the sheet was made for (verified), or null. */
  namnd: string | null;
  identity: ReportIdentity | null;
  /** Rows (1-based) whose tag verifies and whose locked cells are unchanged. */
  good: Set<number>;
  perNamnd: boolean;
}

function metaRow(reading: ReportReading): { row: number; key: RowKey } | null {
  return reading.rows.find((r) => r.key.key === META_KEY) ?? null;
}

export function collectAnswers(input: CollectInput): CollectOutput {
  const { master, masterSnapshot, template, sign } = input;
  const edits: Edit[] = [];
  const answers: ReportAnswer[] = [];
  const findings: Finding[] = [];
  const rejected: Rejected[] = [];
  const summary: string[] = [];
  const extraSheets: SheetSpec[] = [];
  const namnder = listNamnder(master);
  const names = sheetNames(namnder);
  const namndLines = new Map<string, string>();

  const goals = master.goals ? new MasterSheet(master.goals.location, masterSnapshot, edits) : null;
  const uppdrag = master.uppdrag ? new MasterSheet(master.uppdrag.location, masterSnapshot, edits) : null;
  const indicators = master.indicators ? new MasterSheet(master.indicators.location, masterSnapshot, edits) : null;
  const atgarder = master.atgarder ? new MasterSheet(master.atgarder.location, masterSnapshot, edits) : null;
  const newAtgarder: { values: (string | number | null)[]; date: boolean }[] = [];

  const reject = (c: { file: string; sheet: string; namnd: string | null }, cell: string, id: string | null, value: CellValue, reason: string): void => {
    if (isBlank(value)) return;
    rejected.push({ namnd: c.namnd, file: c.file, sheet: c.sheet, cell, label: id ? labelFor(id, master, template) : 'Tillagd cell', value: cut(asText(value)), reason });
  };
  const cut = (v: string | number | null): string | number | null => (typeof v === 'string' && v.length > MAX_CELL_TEXT ? v.slice(0, MAX_CELL_TEXT - 1) + '…' : v);

  /** Pre-filled values by field id, from the sheet rebuilt for the nämnd. */
  const prefillCache = new Map<string, Map<string, CellValue>>();
  const expectedSheet = (namnd: string, reading: ReportReading): SheetSpec | null =>
    template && (!reading.template || reading.template === template.id)
      ? buildNamndSheet({ model: master, template }, namnd, names[namnder.indexOf(namnd)]).sheet
      : null;
  const prefill = (namnd: string, reading: ReportReading): Map<string, CellValue> => {
    if (!prefillCache.has(namnd)) {
      const m = new Map<string, CellValue>();
      for (const row of expectedSheet(namnd, reading)?.rows ?? []) for (const c of row) if (c?.id && !isBlank(c.v)) m.set(c.id, c.v);
      prefillCache.set(namnd, m);
    }
    return prefillCache.get(namnd)!;
  };
  const issuedValue = (reading: ReportReading, f: ReadField): string | undefined => {
    const row = reading.rows.find((r) => r.row === f.row);
    return row?.key.props[`p.${splitTextId(f.id).field}`];
  };
  const answeredValue = (namnd: string, reading: ReportReading, f: ReadField): boolean => {
    if (isBlank(f.value)) return false;
    // The pre-fill the report was issued with (in the row's id), else the sheet rebuilt from the master.
    const p = issuedValue(reading, f) ?? prefill(namnd, reading).get(f.id);
    if (typeof p === 'string' && typeof f.value !== 'string') return String(f.value) !== p;
    return p === undefined || !(p === f.value || (typeof p === 'string' && typeof f.value === 'string' && p.trim() === f.value.trim()));
  };

  // 1. Read and verify every sheet of every file.
  const candidates: Candidate[] = [];
  for (const file of input.returned) {
    const readings = readReports(file.snapshot);
    if (!readings.length) {
      findings.push(finding('RAP-INGEN-RAPPORT', 'indata', 'varning', null, null, null,
        `${file.name}: filen innehåller ingen Styrkoll-rapport (kolumn A saknar Styrkolls id).`,
        'Skicka tillbaka den rapport som Styrkoll skapade, eller skapa en ny med styrkoll report.'));
      continue;
    }
    const fileCands: Candidate[] = [];
    for (const reading of readings) {
      const meta = metaRow(reading);
      const claimed = reading.namnd;
      let identity: ReportIdentity | null = null;
      if (meta) {
        const base = { mall: reading.template ?? '', ar: reading.year };
        if (claimed && rowTagValid(sign, { ...base, namnd: claimed }, meta.key)) identity = { ...base, namnd: claimed };
        else {
          // The header's nämnd may have been changed: the tag still says whose report it is.
          for (const n of namnder) {
            const key = { ...meta.key, props: { ...meta.key.props, namnd: n } };
            if (rowTagValid(sign, { ...base, namnd: n }, key)) identity = { ...base, namnd: n };
          }
        }
      }
      const namnd = identity ? namnder.find((n) => sameNamnd(n, identity!.namnd)) ?? null : null;
      const where = { file: file.name, sheet: reading.sheet, namnd };
      if (!identity) {
        findings.push(finding('RAP-OGILTIG-RAPPORT', 'indata', 'fel', reading.sheet, meta?.row ?? 1, null,
          `${file.name}: bladet "${reading.sheet}" (id-raden säger ${claimed ?? '?'}) har ingen giltig Styrkoll-märkning: id-raden är ändrad, eller rapporten gjordes med en annan huvudarbetsbok eller Rapportnyckel. Inget togs in.`,
          'Skapa rapporten på nytt med styrkoll report ur den här huvudarbetsboken och be nämnden flytta över svaren.', 'A' + (meta?.row ?? 1)));
        for (const f of reading.fields.values()) reject(where, f.cell, f.id, f.value, 'ogiltig märkning');
        continue;
      }
      if (!namnd) {
        findings.push(finding('RAP-OKAND-NAMND', 'indata', 'varning', reading.sheet, null, null,
          `${file.name}: bladet "${reading.sheet}" gäller nämnden "${identity.namnd}", som inte finns i huvudarbetsboken.`,
          'Kontrollera nämndens namn i huvudarbetsboken eller att rätt fil skickats tillbaka.'));
        for (const f of reading.fields.values()) reject(where, f.cell, f.id, f.value, 'okänd nämnd');
        continue;
      }
      if (claimed !== identity.namnd) {
        findings.push(finding('RAP-NAMND-ANDRAD', 'indata', 'fel', reading.sheet, meta!.row, namnd,
          `${file.name}: id-raden i bladet "${reading.sheet}" har ändrats till nämnden "${claimed ?? ''}", men rapporten gjordes för ${namnd}; svaren räknas som ${namnd}s.`,
          'Be nämnden inte ändra i kolumn A.', 'A' + meta!.row));
      }
      const good = new Set<number>();
      for (const r of reading.rows) if (!r.changed && rowTagValid(sign, identity, r.key)) good.add(r.row);
      fileCands.push({ file, reading, namnd, identity, good, perNamnd: meta!.key.props.utskick === 'namnd' });
    }
    // A per-nämnd workbook answers for the nämnd its workbook tag names, whatever sheets it holds.
    const perNamnd = fileCands.filter((c) => c.perNamnd);
    const owners = new Set(perNamnd.map((c) => c.namnd));
    const owner = perNamnd.length ? fileTagNamnd(sign, file.fileTag, perNamnd[0].identity!.mall, perNamnd[0].identity!.ar, namnder) : null;
    for (const c of fileCands) {
      const foreign = c.perNamnd && (owner ? !sameNamnd(owner, c.namnd) : owners.size > 1);
      if (!foreign) {
        candidates.push(c);
        continue;
      }
      findings.push(finding('RAP-FRAMMANDE-BLAD', 'indata', 'fel', c.reading.sheet, 1, c.namnd,
        owner
          ? `${c.file.name}: filen gjordes för ${owner}, men bladet "${c.reading.sheet}" är ${c.namnd}s rapport (kopierat från en annan fil); det togs inte in.`
          : `${c.file.name}: filen innehåller rapporter för flera nämnder (${[...owners].join(', ')}) och saknar giltig märkning av vilken nämnd den gjordes för; bladet "${c.reading.sheet}" togs inte in.`,
        'Varje nämnd skickar tillbaka sin egen fil; ta bort kopierade blad.', 'A1'));
      for (const f of c.reading.fields.values()) reject({ file: c.file.name, sheet: c.reading.sheet, namnd: c.namnd }, f.cell, f.id, f.value, 'blad från en annan nämnds rapport');
    }
  }

  // 2. One report per nämnd: the one with more answers, then the newest file, then by name.
  const score = (c: Candidate): number =>
    [...c.reading.fields.values()].filter((f) => c.good.has(f.row) && answeredValue(c.namnd!, c.reading, f)).length;
  const done = new Map<string, Candidate>();
  for (const n of namnder) {
    const mine = candidates.filter((c) => c.namnd === n);
    if (!mine.length) continue;
    const ranked = mine
      .map((c) => ({ c, s: score(c) }))
      .sort((a, b) => b.s - a.s || (b.c.file.mtime ?? 0) - (a.c.file.mtime ?? 0) || (a.c.file.name < b.c.file.name ? -1 : a.c.file.name > b.c.file.name ? 1 : 0));
    const chosen = ranked[0];
    done.set(n, chosen.c);
    for (const { c, s } of ranked.slice(1)) {
      const why = s < chosen.s ? `den har ${chosen.s} svar, den här ${s}` : (c.file.mtime ?? 0) < (chosen.c.file.mtime ?? 0) ? 'den är nyare' : 'samma antal svar och ålder; första filnamnet valdes';
      findings.push(finding('RAP-DUBBLETT', 'indata', 'varning', c.reading.sheet, null, n,
        `${c.file.name}: ${n} har lämnat fler än en rapport; svaren togs från ${chosen.c.file.name} (${why}), inte från bladet "${c.reading.sheet}".`,
        'Kontrollera att rätt rapport togs in; ta bort den andra och samla in igen om inte.'));
      for (const f of c.reading.fields.values()) {
        if (answeredValue(n, c.reading, f)) reject({ file: c.file.name, sheet: c.reading.sheet, namnd: n }, f.cell, f.id, f.value, `dubblett, ${chosen.c.file.name} valdes`);
      }
    }
  }

  // 3. Take the answers of the verified rows; report the rest.
  for (const [namnd, c] of done) {
    const { reading, file } = c;
    const where = { file: file.name, sheet: reading.sheet, namnd };
    if (template && reading.template && reading.template !== template.id) {
      summary.push(`${file.name}: bladet "${reading.sheet}" är gjort med mallen ${reading.template}, inte ${template.id}.`);
    }
    const sheetSnap = file.snapshot.sheets.find((s) => s.name === reading.sheet)!;
    const changed = changedCells(reading, sheetSnap, reading.rows.some((r) => r.changed) ? expectedSheet(namnd, reading) : null);
    if (changed.length) {
      const first = changed[0].split(':')[0];
      findings.push(finding('RAP-LAST-CELL-ANDRAD', 'indata', 'fel', reading.sheet, Number(first.replace(/\D/g, '')), namnd,
        `${file.name}: låsta celler har ändrats (${changed.slice(0, 12).join(', ')}${changed.length > 12 ? ' …' : ''}); svaren på de raderna togs inte in, övriga svar togs in.`,
        'Be nämnden bara fylla i de gula fälten; svaren som inte togs in står i bladet Saknas eller behöver granskas.',
        first));
    }
    const untagged = reading.rows.filter((r) => !r.changed && !c.good.has(r.row));
    if (untagged.length) {
      findings.push(finding('RAP-OGILTIG-RAD', 'indata', 'fel', reading.sheet, untagged[0].row, namnd,
        `${file.name}: ${untagged.length} rader har ett id i kolumn A utan giltig märkning (${untagged.slice(0, 8).map((r) => `rad ${r.row}: ${r.key.key}`).join(', ')}${untagged.length > 8 ? ' …' : ''}); de togs inte in.`,
        'Id-kolumnen ska inte ändras och rader ska inte kopieras; be nämnden skriva svaren i de gula fälten.', 'A' + untagged[0].row));
    }
    if (reading.strayCells.length) {
      findings.push(finding('RAP-TILLAGD-RAD', 'indata', 'varning', reading.sheet, Number(reading.strayCells[0].replace(/\D/g, '')), namnd,
        `${file.name}: text utanför rapportens rader (${reading.strayCells.slice(0, 12).join(', ')}${reading.strayCells.length > 12 ? ' …' : ''}) togs inte in; den står i bladet Saknas eller behöver granskas.`,
        'Lägg till rader i huvudarbetsboken själv om nämnden behöver fler, eller be nämnden använda de gula fälten.', reading.strayCells[0]));
      for (const a of reading.strayCells) reject(where, a, null, reading.strayValues.get(a) ?? null, 'utanför rapportens rader');
    }
    for (const f of reading.duplicateFields) reject(where, f.cell, f.id, f.value, 'kopierad rad');
    if (reading.duplicateFields.some((f) => !isBlank(f.value))) {
      const f = reading.duplicateFields[0];
      findings.push(finding('RAP-OGILTIG-RAD', 'indata', 'fel', reading.sheet, f.row, namnd,
        `${file.name}: raden ${f.row} är en kopia av en annan rad i rapporten; den togs inte in.`, 'Be nämnden inte kopiera rader.', f.cell));
    }
    const verified = new Map([...reading.fields].filter(([, f]) => c.good.has(f.row)));
    for (const f of reading.fields.values()) if (!c.good.has(f.row)) reject(where, f.cell, f.id, f.value, 'raden är ändrad eller saknar giltig märkning');
    const before = edits.length;
    const { answered, total } = takeAnswers({ ...reading, fields: verified }, namnd, file.name, asEnhet(c.reading.rows.find((r) => r.key.key === META_KEY)?.key.props.enhet) ?? 'kr');
    findings.push(...missingAnswerFindings({ reading: { ...reading, fields: verified }, namnd, file: file.name, master, template }));
    const line = `${namnd}: ${answered} av ${total} fält ifyllda i ${file.name}; ${edits.length - before} ändringar i huvudarbetsboken.`;
    summary.push(line);
    namndLines.set(namnd, line);
  }

  function takeAnswers(reading: ReportReading, namnd: string, fileName: string, unit: 'kr' | 'tkr' | 'mnkr'): { answered: number; total: number } {
    let answered = 0;
    const rows = new Map<string, Map<string, ReadField>>();
    const at = (f: ReadField, rule: string, message: string, suggestion: string): void => {
      findings.push(finding(rule, 'indata', 'varning', reading.sheet, f.row, namnd, `${fileName}: ${message}`, suggestion, f.cell));
      reject({ file: fileName, sheet: reading.sheet, namnd }, f.cell, f.id, f.value, message);
    };
    /** The master changed since the report was issued and the nämnd answered something else: a conflict. */
    const conflict = (f: ReadField, r: ReportReading, current: string | null, answer: string, what: string): boolean => {
      const issued = r.rows.find((x) => x.row === f.row)?.key.props[`p.${splitTextId(f.id).field}`] ?? null;
      const same = (a: string | null, b: string | null) => (a ?? '').trim() === (b ?? '').trim();
      if (!answeredValue(namnd, r, f) || same(current, issued) || same(current, answer)) return false;
      if (input.overwrite) {
        summary.push(`${namnd}: ${what} var "${current ?? ''}" i huvudarbetsboken (ändrat efter utskicket) och ersattes med nämndens "${answer}" (--overwrite).`);
        return false;
      }
      at(f, 'RAP-KONFLIKT', `${what} är "${current ?? ''}" i huvudarbetsboken, ändrat efter utskicket (då "${issued ?? ''}"); nämndens svar "${answer}" togs inte in.`, 'Välj värde i huvudarbetsboken, eller samla in med --overwrite för att ta nämndens svar.');
      return true;
    };
    for (const f of reading.fields.values()) {
      const typed = answeredValue(namnd, reading, f);
      let value = asText(f.value);
      if (typeof value === 'string' && value.length > MAX_CELL_TEXT) {
        at(f, 'RAP-FOR-LANG', `svaret i ${f.cell} har ${value.length} tecken; Excel rymmer ${MAX_CELL_TEXT} i en cell, så det kortades.`, 'Be nämnden korta texten eller skicka den separat.');
        value = cut(value);
      }
      answers.push({ namnd, file: fileName, sheet: reading.sheet, cell: f.cell, id: f.id, label: labelFor(f.id, master, template), value, answered: typed, ...(isDateSerial(f.value) && f.id.endsWith(':klart') ? { date: true } : {}) });
      if (typed) answered++;
      const { key, field } = splitTextId(f.id);
      if (!rows.has(key)) rows.set(key, new Map());
      rows.get(key)!.set(field, f);
    }
    for (const [key, fields] of rows) {
      const [kind, ...rest] = key.split(':');
      const id = rest.join(':');
      if (kind === 'mal' && goals) {
        const f = fields.get('prognos');
        const g = master.goals!.items.find((x) => x.id === id);
        const label = f ? prognosLabel(f.value) : null;
        if (g && f && label && sameNamnd(g.namnd, namnd) && answeredValue(namnd, reading, f) && !conflict(f, reading, g.prognos ? PROGNOS_LABELS[g.prognos] : null, label, `mål ${id}`)) {
          goals.set(g.row, goals.column(['prognos'], ['Prognos'], 'Prognos'), label);
        }
      } else if (kind === 'uppdrag' && uppdrag) {
        const f = fields.get('status');
        const u = master.uppdrag!.items.find((x) => x.id === id);
        if (u && f && answeredValue(namnd, reading, f)) {
          if (!sameNamnd(u.ansvarig, namnd)) at(f, 'RAP-EJ-UTFARDAD', `uppdrag ${id} är inte längre ${namnd}s i huvudarbetsboken; statusen togs inte in.`, 'Kontrollera Ansvarig i Uppdrag.');
          else if (!conflict(f, reading, u.status, String(asText(f.value)), `uppdrag ${id}`)) uppdrag.set(u.row, uppdrag.column(['status'], ['Status'], 'Status'), asText(f.value));
        }
      } else if (kind === 'indikator' && indicators) {
        const f = fields.get('utfall');
        const i = master.indicators!.items.find((x) => x.id === id);
        const n = f ? parseSwedishNumber(f.value) : null;
        if (i && f && n !== null) {
          if (i.outcome !== null) {
            at(f, 'RAP-KONFLIKT', `indikator ${id} har redan utfallet ${i.outcome} i huvudarbetsboken; rapportens ${n} togs inte in.`, 'Utfall fylls bara i när det saknas; ändra i huvudarbetsboken om rapportens värde är rätt.');
            continue;
          }
          indicators.set(i.row, indicators.column(['utfall', 'outcome'], ['Utfall'], 'Utfall'), n);
          const year = Number(reading.year);
          if (Number.isInteger(year) && year > 0) indicators.set(i.row, indicators.column(['utfallsar', 'outcomeYear'], ['Utfallsår'], 'Utfallsår'), year);
        }
      } else if (kind === 'atgard') {
        const text = fields.get('atgard')?.value;
        if (isBlank(text)) continue;
        const dup = master.atgarder?.items.some((a) => sameNamnd(a.namnd, namnd) && normalizeName(a.text) === normalizeName(String(text)));
        if (dup) {
          summary.push(`${namnd}: åtgärden "${String(text).slice(0, 60)}" finns redan i Åtgärder och lades inte till igen.`);
          continue;
        }
        const bf = fields.get('belopp');
        let belopp: number | null = null;
        if (bf && !isBlank(bf.value)) {
          const kr = parseAmountKr(bf.value, unit);
          if (kr === undefined) at(bf, 'RAP-BELOPP', `beloppet "${String(bf.value)}" för åtgärd ${id} kunde inte läsas som ett belopp; åtgärden togs in utan belopp.`, `Skriv beloppet som ett tal i ${unit}, t.ex. 1 500 eller 1,2 mnkr.`);
          else belopp = kr;
        }
        const klart = fields.get('klart')?.value ?? null;
        newAtgarder.push({
          values: [namnd, cut(asText(text ?? null)), belopp, asText(fields.get('ansvarig')?.value ?? null), isDateSerial(klart) ? klart : asText(klart), asText(fields.get('status')?.value ?? null)],
          date: isDateSerial(klart),
        });
      }
    }
    return { answered, total: reading.fields.size };
  }

  if (newAtgarder.length) {
    if (atgarder) {
      const cols = [
        atgarder.column(['namnd'], ['Nämnd'], 'Nämnd'),
        atgarder.column(['text', 'atgard'], ['Åtgärd'], 'Åtgärd'),
        atgarder.column(['belopp'], ['Belopp'], 'Belopp'),
        atgarder.column(['ansvarig'], ['Ansvarig'], 'Ansvarig'),
        atgarder.column(['klartSenast', 'klart'], ['Klart senast'], 'Klart senast'),
        atgarder.column(['status'], ['Status'], 'Status'),
      ];
      for (const a of newAtgarder) {
        const r = atgarder.appendRow();
        a.values.forEach((v, i) => v !== null && atgarder.set(r, cols[i], v, i === 4 && a.date ? DATE_STYLE : undefined));
      }
    } else {
      extraSheets.push(atgarderSheet(newAtgarder));
    }
    summary.push(`${newAtgarder.length} nya åtgärder ${atgarder ? 'läggs till i ' + master.atgarder!.location.name : 'står i det nya bladet Åtgärder'}.`);
  }

  for (const n of namnder) {
    if (done.has(n)) continue;
    findings.push(finding('RAP-RAPPORT-SAKNAS', 'arshjul', 'info', null, null, n, `${n} har inte lämnat någon rapport.`, 'Påminn nämnden om att skicka tillbaka sin rapport.'));
  }
  return {
    edits, answers, findings, rejected, summary,
    sheets: [buildSummarySheet(answers, template), buildReviewSheet({ findings, rejected, namndLines, namnder }), ...extraSheets],
  };
}

function atgarderSheet(rows: { values: (string | number | null)[]; date: boolean }[]): SheetSpec {
  const header = ['Nämnd', 'Åtgärd', 'Belopp (kr)', 'Ansvarig', 'Klart senast', 'Status'];
  return {
    name: 'Åtgärder',
    rows: [
      header.map((h) => ({ v: h, style: { bold: true, border: 'bottom' } })),
      ...rows.map((r) => r.values.map((v, i) => (i === 4 && r.date ? { v, date: true, style: DATE_STYLE } : { v }))),
    ],
    columnWidths: [24, 50, 12, 20, 14, 14],
    freeze: { rows: 1 },
  };
}
