/**
 * The ribbon's "Kontrollera budget" (ExecuteFunction): runs the check without the pane and shows
 * the result in the Kontroll sheet. Excel queues further clicks until event.completed() is
 * called, so it is called whatever happens. A check that read no budget data is no success: the
 * Kontroll sheet it writes (and activates) opens with a red line saying so, the IN-BLAD-SAKNAS
 * error with its suggestion, and a red tab.
 */
import { isStyrkollError, type SheetSpec } from '../src/core';
import { toPaneMessage, type PaneMessage } from './pane/messages';

export const KONTROLLERA_BUDGET = 'kontrolleraBudget';

export interface RibbonDeps {
  /** Reads, checks and writes the Kontroll sheet. */
  check(): Promise<unknown>;
  /** Shows a failure where the user will see it (the Kontroll sheet). */
  report(message: PaneMessage): Promise<void>;
}

export function createKontrolleraBudgetHandler(deps: RibbonDeps): (event: { completed(): void }) => Promise<void> {
  return async (event) => {
    try {
      await deps.check();
    } catch (e) {
      // The pane holds the write lock and is writing its own result: an error sheet could not be
      // written either, and would replace the pane's Kontroll sheet if it could.
      if (isStyrkollError(e) && e.code === 'UPPTAGEN') return;
      try {
        await deps.report(toPaneMessage(e, 'Kontrollen'));
      } catch {
        // Nothing more can be shown without the pane; the click must still complete.
      }
    } finally {
      event.completed();
    }
  };
}

/** A Kontroll sheet that says why the check could not run and what to do. */
export function errorSheet(message: PaneMessage, name = 'Kontroll'): SheetSpec {
  return {
    name,
    rows: [
      [{ v: 'Styrkoll – kontroll', style: { bold: true, fontSize: 14 } }],
      [{ v: message.title, style: { bold: true, color: 'FFA4262C' } }],
      [{ v: message.detail, style: { wrap: true } }],
      [{ v: 'Öppna Styrkoll (fliken Start) för fler detaljer, eller försök igen.', style: { italic: true } }],
    ],
    columnWidths: [100],
    tabColor: 'FFA4262C',
  };
}

interface OfficeActions {
  actions?: { associate(name: string, handler: (event: never) => unknown): void };
}

/** Registers the handler with Office.actions, and as a global for hosts that look it up by name. */
export function registerRibbonCommands(office: OfficeActions | undefined, handler: (event: { completed(): void }) => Promise<void>): void {
  office?.actions?.associate(KONTROLLERA_BUDGET, handler as (event: never) => unknown);
  (globalThis as Record<string, unknown>)[KONTROLLERA_BUDGET] = handler;
}
