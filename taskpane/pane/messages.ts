import { isStyrkollError } from '../../src/core';

export interface PaneMessage {
  title: string;
  /** What happened and what to do, in Swedish. */
  detail: string;
}

/** Office.js error codes users can act on (OfficeExtension.Error.code). */
const OFFICE_CODES: Record<string, string> = {
  InvalidOperationInCellEditMode: 'Excel håller på att redigera en cell. Tryck Enter eller Esc i cellen och försök igen.',
  RequestPayloadSizeLimitExceeded: 'Resultatet blev för stort för en begäran till Excel. Försök igen; hjälper det inte, kör kontrollen med kommandoraden (styrkoll check).',
  ResponsePayloadSizeLimitExceeded: 'Arbetsboken är för stor för att läsas på en gång i Excel på webben. Öppna den i Excel för Windows eller Mac, eller kör kontrollen med kommandoraden.',
  AccessDenied: 'Excel tillåter inte ändringen. Är arbetsboken eller ett blad skyddat? Ta bort skyddet under Granska och försök igen.',
  InvalidOperation: 'Excel tillåter inte ändringen just nu. Är ett blad skyddat, eller delas arbetsboken? Ta bort skyddet under Granska och försök igen.',
  ApiNotFound: 'Din version av Excel saknar en funktion som Styrkoll behöver. Uppdatera Office eller använd Excel på webben.',
  ItemAlreadyExists: 'Ett blad med samma namn finns redan. Byt namn på ditt blad och försök igen.',
  Conflict: 'Någon annan ändrade arbetsboken samtidigt. Vänta en stund och försök igen.',
  ActivityLimitReached: 'Excel är upptaget. Vänta en stund och försök igen.',
};

function officeCode(e: unknown): string | null {
  const code = (e as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : null;
}

/** Turns anything thrown into a message for the pane: never a stack trace. */
export function toPaneMessage(e: unknown, action: string): PaneMessage {
  const title = `${action} misslyckades`;
  if (isStyrkollError(e)) return { title, detail: e.message };
  const code = officeCode(e);
  if (code && OFFICE_CODES[code]) return { title, detail: OFFICE_CODES[code] };
  const text = e instanceof Error ? e.message : typeof e === 'string' ? e : '';
  const firstLine = text.split('\n')[0].slice(0, 200);
  return {
    title,
    detail: `Ett oväntat fel inträffade${firstLine ? ` (${firstLine})` : ''}. Spara arbetsboken, stäng och öppna Styrkoll igen och försök på nytt. Kvarstår felet, kontakta den som förvaltar Styrkoll.`,
  };
}
