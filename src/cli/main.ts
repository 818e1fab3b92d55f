import { Command, CommanderError, Help, InvalidArgumentError, type Option } from 'commander';
// Each command's module is loaded when that command runs: `check` need not load the report
// builder, collect or the Kolada client at start-up.
import type { CliIo } from './commands/check';
import { errorLine, EXIT_OK, EXIT_UNUSABLE } from './errors';
import { escapeControls, oneLine } from './terminal-text';

/** Set when the reader of standard out (or error) has gone, e.g. `styrkoll check … | head -1`. */
const closed = { stdout: false, stderr: false };

function write(stream: NodeJS.WriteStream, which: keyof typeof closed, text: string): void {
  if (closed[which]) return;
  try {
    stream.write(`${text}\n`);
  } catch (err) {
    if (!isPipeClosed(err)) throw err;
    closed[which] = true;
  }
}

const defaultIo: CliIo = {
  out: (t) => write(process.stdout, 'stdout', t),
  err: (t) => write(process.stderr, 'stderr', t),
};

function isPipeClosed(err: unknown): boolean {
  const code = (err as NodeJS.ErrnoException | undefined)?.code;
  return code === 'EPIPE' || code === 'ERR_STREAM_DESTROYED' || code === 'ERR_STREAM_WRITE_AFTER_END';
}

let guarded = false;

/**
 * A closed pipe is no crash: the reader stopped reading (`| head -1`), which is its right. Further
 * output is dropped, the work (e.g. writing -o) goes on and the run ends with the code it earned.
 * Any other error on the streams is left to Node as before.
 */
export function guardStdio(): void {
  if (guarded) return;
  guarded = true;
  for (const which of ['stdout', 'stderr'] as const) {
    const stream = process[which];
    stream.on('error', (err) => {
      if (!isPipeClosed(err)) throw err;
      closed[which] = true;
    });
  }
}

/** Everything a command prints passes the terminal sanitizer (terminal-text.ts). */
function sanitized(io: CliIo): CliIo {
  return { out: (t) => io.out(escapeControls(t)), err: (t) => io.err(escapeControls(t)) };
}

/** Repeated options (--map a --map b) gathered in order. */
function collect(value: string, previous: string[]): string[] {
  return [...previous, value];
}

function positiveInt(v: string): number {
  const n = Number(v);
  if (!Number.isInteger(n) || n <= 0) throw new InvalidArgumentError('ange ett positivt heltal');
  return n;
}

/** Commander's own words in the help text, in Swedish (the descriptions are ours already). */
const HELP_TITLES: Record<string, string> = {
  'Usage:': 'Användning:',
  'Options:': 'Flaggor:',
  'Global Options:': 'Globala flaggor:',
  'Commands:': 'Kommandon:',
  'Arguments:': 'Argument:',
};
const HELP_WORDS: Record<string, string> = { '[options]': '[flaggor]', '[command]': '[kommando]' };
const swedishHelp: Partial<Help> = {
  styleTitle: (s: string) => HELP_TITLES[s] ?? s,
  styleOptionText: (s: string) => HELP_WORDS[s] ?? s,
  styleSubcommandText: (s: string) => HELP_WORDS[s] ?? s,
  optionDescription(this: Help, option: Option): string {
    return Help.prototype.optionDescription.call(this, option).replace('(default: ', '(standard: ');
  },
};

export function buildProgram(io: CliIo, setExit: (code: number) => void): Command {
  const program = new Command('styrkoll')
    .description('Styrkoll – kontrollerar kommunens budget, mål och medel i en Excel-arbetsbok')
    .helpOption('-h, --help', 'visa hjälp')
    .version(require('../../../package.json').version, '-V, --version', 'visa versionen')
    .showHelpAfterError(false)
    .exitOverride()
    .configureOutput({ writeOut: (s) => io.out(s.trimEnd()), writeErr: () => undefined })
    // Set before the subcommands are added: they inherit it.
    .configureHelp(swedishHelp)
    .helpCommand('help [kommando]', 'visa hjälp för ett kommando');

  program
    .command('check')
    .description('kontrollera en arbetsbok (.xlsx) och skriv fynden, eventuellt till en kopia med bladet Kontroll')
    .argument('<fil>', 'arbetsboken som ska kontrolleras (ändras aldrig)')
    .option('-o, --output <fil>', 'skriv en kopia med bladet Kontroll och markerade celler')
    .option('--json', 'skriv fynden som JSON på standard ut')
    .option('--profile <namn>', 'styrmodell: hedemora, flen eller standard (annars Profil i Inställningar)')
    .option('--fail-on <allvar>', 'avsluta med kod 1 om något fynd har detta allvar (fel)')
    .option('-f, --force', 'skriv över en befintlig utfil')
    .option('--all', 'visa alla fynd i terminalen, inte bara de första')
    .option('-q, --quiet', 'ingen förloppsindikator')
    .option('--timeout <sekunder>', 'längsta tid för att läsa filen', positiveInt, 60)
    .option('--sheet <blad>', 'bladet med budgeten, när Styrkoll inte hittar det själv (som Budgetblad i Inställningar)')
    .option('--map <fält=rubrik>', 'koppla en kolumn, t.ex. "Budget=Nettokostnad budget 2025" eller "Utfall=E" (kan upprepas)', collect, [])
    .option('--rubrikrad <rad>', 'raden med rubrikerna i budgetbladet (som Rubrikrad i Inställningar)', positiveInt)
    .action(async (file, opts) => setExit(await (await import('./commands/check')).runCheck(file, { ...opts, headerRow: opts.rubrikrad }, io)));

  program
    .command('rules')
    .description('lista de aktiva reglerna med källan i styrmodellen')
    .option('--profile <namn>', 'profil: hedemora, flen eller standard', 'standard')
    .option('--json', 'som JSON')
    .action(async (opts) => setExit(await (await import('./commands/rules')).runRules(opts, io)));

  program
    .command('report')
    .description('skapa förifyllda rapportblad per nämnd (i en kopia av arbetsboken eller en arbetsbok per nämnd)')
    .argument('<fil>', 'huvudarbetsboken (ändras aldrig)')
    .requiredOption('-t, --type <typ>', 'manadsrapport, namndrapport-1 … namndrapport-4, delarsrapport, arsredovisning eller atgardsplan')
    .option('-o, --output <fil>', 'rapportbladen läggs till i en kopia av arbetsboken')
    .option('--per-namnd <mapp>', 'en arbetsbok per nämnd i mappen, döpt efter nämnden')
    .option('--namnd <namn>', 'bara denna nämnd')
    .option('--profile <namn>', 'styrmodell för kontrollen som fyller i iakttagelserna')
    .option('-f, --force', 'skriv över befintliga filer (det som redan skrivits i de gula fälten behålls)')
    .action(async (file, opts) => setExit(await (await import('./commands/report')).runReport(file, opts, io)));

  program
    .command('collect')
    .description('samla in nämndernas ifyllda rapporter till huvudarbetsboken')
    .argument('<filer...>', 'returnerade arbetsböcker eller mappar med dem')
    .requiredOption('--into <fil>', 'huvudarbetsboken (ändras aldrig)')
    .requiredOption('-o, --output <fil>', 'den sammanställda kopian')
    .option('-f, --force', 'skriv över en befintlig utfil')
    .option('--json', 'skriv det som saknas som JSON-fynd')
    .option('--overwrite', 'ta nämndens svar även där huvudarbetsboken ändrats sedan utskicket (annars blir det en iakttagelse med båda värdena)')
    .action(async (files, opts) => setExit(await (await import('./commands/collect')).runCollect(files, opts, io)));

  program
    .command('kolada')
    .description('hämta indikatorernas utfall från Kolada och fyll i Indikatorer')
    .argument('<fil>', 'arbetsboken (ändras aldrig)')
    .requiredOption('-o, --output <fil>', 'kopian med ifyllda utfall')
    .option('--kolada-url <url>', 'Koladas adress (annars https://api.kolada.se/v3)')
    .option('--lita-pa-kolada-url', 'använd Kolada-URL från arbetsbokens Inställningar (annars används den inte)')
    .option('--overwrite', 'ersätt utfall som redan är ifyllda')
    .option('--offline', 'använd bara det som redan hämtats (cachen)')
    .option('--cache-dir <mapp>', 'var hämtade svar sparas')
    .option('--timeout <sekunder>', 'längsta väntan per anrop', positiveInt)
    .option('-f, --force', 'skriv över en befintlig utfil')
    .action(async (file, opts) => setExit(await (await import('./commands/kolada')).runKoladaCommand(file, opts, io)));

  return program;
}

/** Runs the CLI; returns the exit code. Never throws, never prints a stack trace. */
export async function main(argv: string[], rawIo: CliIo = defaultIo): Promise<number> {
  if (rawIo === defaultIo) guardStdio();
  const io = sanitized(rawIo);
  let code = EXIT_OK;
  const program = buildProgram(io, (c) => {
    code = c;
  });
  try {
    if (argv.length <= 2) {
      program.outputHelp();
      return EXIT_OK;
    }
    await program.parseAsync(argv);
    return code;
  } catch (err) {
    if (err instanceof CommanderError && (err.code === 'commander.helpDisplayed' || err.code === 'commander.version' || err.code === 'commander.help')) {
      return EXIT_OK;
    }
    io.err(`styrkoll: ${oneLine(errorLine(err))}`);
    return EXIT_UNUSABLE;
  }
}
