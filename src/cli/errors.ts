import { CommanderError } from 'commander';
import { isStyrkollError } from '../common/errors';

/** Exit codes of the public contract (docs/workbook-format.md). */
export const EXIT_OK = 0;
export const EXIT_FAIL_ON = 1;
export const EXIT_UNUSABLE = 2;

/** Turns any error into one Swedish line for standard error; never a stack trace. */
export function errorLine(err: unknown): string {
  if (isStyrkollError(err)) return err.message;
  if (err instanceof CommanderError) return translateCommander(err);
  const msg = err instanceof Error ? err.message : String(err);
  return `Oväntat fel: ${msg}. Kontrollera filen och försök igen; kvarstår felet, rapportera det med filen bifogad.`;
}

function translateCommander(err: CommanderError): string {
  const m = err.message.replace(/^error:\s*/, '');
  const quoted = /'([^']+)'/.exec(m)?.[1] ?? '';
  switch (err.code) {
    case 'commander.unknownOption':
      return `Okänd flagga ${quoted}. Se npx styrkoll --help.`;
    case 'commander.unknownCommand':
      return `Okänt kommando ${quoted}. Kommandon: check, rules, report, collect, kolada. Se npx styrkoll --help.`;
    case 'commander.missingArgument':
      return `Argument saknas: ${quoted}. Se npx styrkoll --help.`;
    case 'commander.optionMissingArgument':
      return `Flaggan ${quoted} behöver ett värde.`;
    case 'commander.missingMandatoryOptionValue':
      return `Flaggan ${quoted} måste anges.`;
    case 'commander.invalidArgument':
      return `Ogiltigt värde: ${m}`;
    case 'commander.excessArguments':
      return `För många argument. Se npx styrkoll --help.`;
    default:
      return `Felaktigt kommando: ${m}. Se npx styrkoll --help.`;
  }
}
