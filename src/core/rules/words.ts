/**
 * Words of the domain the facts use, as data: which Status texts mean the work is done, and the
 * Swedish text of the goal prognos and indicator direction codes.
 */
import type { GoalPrognos, Riktning } from '../model';

/** Status texts that mean an uppdrag or åtgärd is done, compared after looseKey. */
export const DONE_STATUS_WORDS: readonly string[] = ['klar', 'klart', 'genomford', 'genomfort', 'avslutad', 'avslutat', 'slutford', 'slutfort'];

/** A goal's prognos code as written in messages. */
export const PROGNOS_TEXT: Readonly<Record<GoalPrognos, string>> = { uppnas: 'Uppnås', delvis: 'Delvis', 'uppnas-ej': 'Uppnås ej' };

/** An indicator's direction code as written in messages. */
export const RIKTNING_TEXT: Readonly<Record<Riktning, string>> = { hogre: 'högre är bättre', lagre: 'lägre är bättre' };
