/** Every way the reader refuses a file, each as one Swedish line that says what to do. */
import { StyrkollError } from '../../common/errors';

export const readErrors = {
  empty: () => new StyrkollError('TOM_FIL', 'Filen är tom (0 byte) – kontrollera att du valt rätt fil och att den sparats färdigt.'),
  encrypted: () =>
    new StyrkollError('LOSENORDSSKYDDAD', 'Filen är lösenordsskyddad – spara en kopia utan lösenord och kör igen.'),
  xls: () =>
    new StyrkollError('XLS', 'Filen är en gammal Excel-fil (.xls) – öppna den i Excel, spara som .xlsx och kör igen.'),
  ods: () =>
    new StyrkollError('ODS', 'Filen är ett OpenDocument-kalkylark (.ods) – spara som Excel-arbetsbok (.xlsx) och kör igen.'),
  docx: () =>
    new StyrkollError('DOCX', 'Filen är ett Word-dokument, inte en Excel-arbetsbok – välj arbetsboken (.xlsx) och kör igen.'),
  xlsb: () =>
    new StyrkollError('INTE_ARBETSBOK', 'Filen är en binär Excel-arbetsbok (.xlsb) – spara som .xlsx i Excel och kör igen.'),
  notWorkbook: () =>
    new StyrkollError('INTE_ARBETSBOK', 'Filen är inte en Excel-arbetsbok (.xlsx) – välj en .xlsx-fil och kör igen.'),
  truncated: () =>
    new StyrkollError(
      'TRUNKERAD',
      'Filen är ofullständig (avbruten kopiering?) – hämta eller kopiera den på nytt och kör igen.',
    ),
  noSheets: () =>
    new StyrkollError('INGA_BLAD', 'Arbetsboken innehåller inga kalkylblad – lägg till ett blad med data och kör igen.'),
  brokenPart: (part: string, reason?: string) =>
    new StyrkollError(
      'TRASIG_XML',
      `Arbetsboken är skadad (delen ${part} går inte att läsa) – öppna den i Excel, spara en ny kopia och kör igen.`,
      { part, ...(reason ? { reason } : {}) },
    ),
  doctype: (part: string) =>
    new StyrkollError(
      'TRASIG_XML',
      `Arbetsboken innehåller otillåten XML (DOCTYPE/ENTITY i ${part}) och läses inte av säkerhetsskäl – spara en ny kopia i Excel och kör igen.`,
      { part },
    ),
  missingPart: (part: string) =>
    new StyrkollError(
      'TRASIG_XML',
      `Arbetsboken är skadad (delen ${part} saknas) – öppna den i Excel, spara en ny kopia och kör igen.`,
      { part },
    ),
  unsupportedCompression: (part: string, method: number) =>
    new StyrkollError(
      'TRASIG_XML',
      `Arbetsboken är packad på ett sätt som inte stöds (${part}) – spara en ny kopia i Excel och kör igen.`,
      { part, method },
    ),
  tooLarge: (what: string, limit: number) =>
    new StyrkollError(
      'FOR_STOR',
      `Filen är för stor att kontrollera (${what}, gränsen är ${limit.toLocaleString('sv-SE')}) – dela upp arbetsboken eller ta bort onödiga blad och kör igen.`,
      { what, limit },
    ),
  zipBomb: (part: string) =>
    new StyrkollError(
      'FOR_STOR',
      `Filen packas upp till orimligt mycket data (${part}) och läses inte – spara en ny kopia i Excel och kör igen.`,
      { part },
    ),
  duplicatePart: (part: string) =>
    new StyrkollError(
      'TRASIG_XML',
      `Filen innehåller två delar med samma namn (${part}) – den kan vara manipulerad. Spara om den i Excel och kör igen.`,
      { part },
    ),
  tooDeep: (part: string, limit: number) =>
    new StyrkollError(
      'TRASIG_XML',
      `Arbetsboken har XML som är nästlad djupare än ${limit.toLocaleString('sv-SE')} nivåer (${part}) och läses inte av säkerhetsskäl – spara en ny kopia i Excel och kör igen.`,
      { part, limit },
    ),
  textTooLong: (part: string, limit: number) =>
    new StyrkollError(
      'FOR_STOR',
      `Arbetsboken har en text eller kommentar längre än ${limit.toLocaleString('sv-SE')} tecken (${part}) och läses inte – spara en ny kopia i Excel och kör igen.`,
      { part, limit },
    ),
  padded: (part: string, size: number, cells: number) =>
    new StyrkollError(
      'FOR_STOR',
      `Bladet ${part} är orimligt stort för sitt innehåll (${Math.round(size / 1024 ** 2).toLocaleString('sv-SE')} MB för ${cells.toLocaleString('sv-SE')} celler) och läses inte – spara en ny kopia i Excel och kör igen.`,
      { part, size, cells },
    ),
  wholePartTooLarge: (part: string, limit: number) =>
    new StyrkollError(
      'FOR_STOR',
      `Delen ${part} är orimligt stor (gränsen är ${limit.toLocaleString('sv-SE')} byte uppackad) och läses inte – spara en ny kopia i Excel och kör igen.`,
      { part, limit },
    ),
  /** A failure nobody anticipated; `details.internal` lets tests tell it from the expected ones. */
  internal: (cause: unknown) =>
    new StyrkollError('TRASIG_XML', 'Arbetsboken kunde inte läsas – öppna den i Excel, spara en ny kopia och kör igen.', {
      internal: cause instanceof Error ? `${cause.name}: ${cause.message}` : String(cause),
    }),
};
