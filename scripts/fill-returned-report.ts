/**
 * Plays the nämnd: fills answers into the yellow fields of a Styrkoll report workbook, as a person
 * typing in Excel would (only the field cells change; every other part of the package is kept).
 * Fields are found by their ids in column A, so it also works after rows were inserted.
 *
 *   npm run build:cli && node dist/scripts/fill-returned-report.js <in.xlsx> <out.xlsx> [--match <regex>] [--skip <regex>] [--seed <n>]
 *
 * `--match` picks the field ids to fill (default: all), `--skip` leaves matching ids empty. Prints
 * the filled fields as JSON ({ sheet, cell, id, value }[]) on standard out, so a test can compare.
 */
import { readFileSync, writeFileSync } from 'fs';
import type { CellValue } from '../src/core';
import { readReports } from '../src/core';
import { readWorkbook } from '../src/xlsx/read';
import { setCellValues, type CellEdit } from '../src/xlsx/write';

export interface FilledField {
  sheet: string;
  cell: string;
  id: string;
  value: string | number;
}

export interface FillOptions {
  /** Fill only the ids this matches (default: every field). */
  match?: RegExp;
  /** Leave the ids this matches empty. */
  skip?: RegExp;
  /** Varies the answers between workbooks. */
  seed?: number;
}

const PROGNOSER = ['Uppnås', 'Delvis', 'Uppnås ej'];
const STATUSES = ['Klart', 'Pågår', 'Ej påbörjat'];

/** 2025-11-30 and on, as an Excel serial number (what Excel stores when a date is typed). */
const FIRST_DATE_SERIAL = 45991;

/** A plausible answer for a field, by its kind; deterministic for (id, seed). */
export function answerFor(id: string, seed = 0): string | number {
  const n = [...id].reduce((h, ch) => (h * 31 + ch.charCodeAt(0)) >>> 0, seed * 7919 + 17);
  const field = id.slice(id.lastIndexOf(':') + 1);
  const key = id.slice(0, id.lastIndexOf(':'));
  if (id.startsWith('mal:') && field === 'prognos') return PROGNOSER[n % PROGNOSER.length];
  if (id.startsWith('uppdrag:') && field === 'status') return STATUSES[n % STATUSES.length];
  if (id.startsWith('indikator:') && field === 'utfall') return 10 + (n % 90);
  if (id.startsWith('atgard:')) {
    switch (field) {
      case 'atgard':
        return `Åtgärd ${key.slice(7)} (${seed}): ses över inköp och bemanning`;
      case 'belopp':
        return 100 + (n % 40) * 25;
      case 'ansvarig':
        return `Förvaltningschef ${1 + (n % 5)}`;
      case 'klart':
        return FIRST_DATE_SERIAL + (n % 60);
      case 'status':
        return STATUSES[n % STATUSES.length];
    }
  }
  return `Svar ${seed} på ${id}: vi följer utvecklingen och återkommer i nästa rapport.`;
}

/** Fills the chosen fields of every report sheet in the workbook; returns the new bytes and what was filled. */
export async function fillReturnedReport(bytes: Uint8Array, options: FillOptions = {}): Promise<{ bytes: Uint8Array; filled: FilledField[] }> {
  const snapshot = await readWorkbook(bytes);
  const filled: FilledField[] = [];
  for (const reading of readReports(snapshot)) {
    for (const f of reading.fields.values()) {
      if (options.match && !options.match.test(f.id)) continue;
      if (options.skip && options.skip.test(f.id)) continue;
      filled.push({ sheet: reading.sheet, cell: f.cell, id: f.id, value: answerFor(f.id, options.seed) });
    }
  }
  const edits: CellEdit[] = filled.map((f) => ({ sheet: f.sheet, cell: f.cell, value: f.value as CellValue }));
  return { bytes: setCellValues(bytes, edits), filled };
}

function argValue(args: string[], name: string): string | undefined {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const [input, output] = args.filter((a, i) => !a.startsWith('--') && !(i > 0 && args[i - 1].startsWith('--')));
  if (!input || !output) throw new Error('Ange <in.xlsx> <ut.xlsx> [--match <regex>] [--skip <regex>] [--seed <n>]');
  const match = argValue(args, '--match');
  const skip = argValue(args, '--skip');
  const seed = argValue(args, '--seed');
  const result = await fillReturnedReport(new Uint8Array(readFileSync(input)), {
    match: match ? new RegExp(match) : undefined,
    skip: skip ? new RegExp(skip) : undefined,
    seed: seed ? Number(seed) : undefined,
  });
  writeFileSync(output, result.bytes);
  process.stdout.write(JSON.stringify(result.filled) + '\n');
}

if (require.main === module) {
  main().catch((e) => {
    process.stderr.write(`${e instanceof Error ? e.message : String(e)}\n`);
    process.exit(2);
  });
}
