/**
 * Integrity tags for report rows. Every Styrkoll row of a report carries `#t=<tag>` in its id cell:
 * a keyed hash (HMAC, computed by an adapter: the core stays pure and gets it as `Signer`) over
 * the report it belongs to (template, nämnd, year) and the row's whole id (key, field columns,
 * hash of the locked cells). Collect takes an answer only from a row whose tag verifies for the
 * nämnd the report was made for; a per-nämnd workbook also carries a workbook-level tag (a hidden
 * defined name) saying which nämnd the file was made for, which a sheet copied from another
 * nämnd's workbook does not bring along.
 *
 * The key is the master's: the Inställningar entry "Rapportnyckel" when the controller has set one
 * (a secret the nämnder do not see), else derived from the master's kommun, kommunkod and budgetår
 * (which anyone can know: this stops careless and casual edits, not a determined forger).
 */
import type { Model } from '../model';
import { encodeRowKey, type RowKey } from './row-key';
import { hmacSha256Hex } from './hmac';

/** Keyed hash of a message, as lowercase hex (an adapter supplies it, e.g. HMAC-SHA-256). */
export type Signer = (message: string) => string;

/** Length of a stored tag in hex characters (64 bits). */
export const TAG_LENGTH = 16;

/** Name of the hidden workbook-level defined name in a per-nämnd report workbook. */
export const FILE_TAG_NAME = 'Styrkoll_Rapport';

export interface ReportIdentity {
  mall: string;
  namnd: string;
  ar: string | null;
}

export function rapportnyckel(model: Model): string | null {
  const e = model.settings.entries['rapportnyckel'];
  const v = e?.value;
  return v === null || v === undefined || String(v).trim() === '' ? null : String(v).trim();
}

/** The key material for the signer, and whether it is a real secret (Rapportnyckel). */
export function reportKeyMaterial(model: Model): { material: string; secret: boolean } {
  const own = rapportnyckel(model);
  if (own) return { material: `styrkoll-rapport-v1|nyckel|${own}`, secret: true };
  const s = model.settings;
  return { material: `styrkoll-rapport-v1|harledd|${s.kommun ?? ''}|${s.kommunkod ?? ''}|${s.budgetar ?? ''}`, secret: false };
}

function identityText(id: ReportIdentity): string {
  return `${id.mall}\u001f${id.namnd.normalize('NFC').trim()}\u001f${id.ar ?? ''}`;
}

export function rowTag(sign: Signer, id: ReportIdentity, key: RowKey): string {
  const body = encodeRowKey({ ...key, tag: null });
  return sign(`rad\u001e${identityText(id)}\u001e${body}`).slice(0, TAG_LENGTH);
}

export function rowTagValid(sign: Signer, id: ReportIdentity, key: RowKey): boolean {
  return !!key.tag && key.tag === rowTag(sign, id, key);
}

/** Value of the workbook-level defined name: the tag alone (a nämnd's name may be longer than a name holds). */
export function fileTagValue(sign: Signer, id: ReportIdentity): string {
  return sign(`fil\u001e${identityText(id)}`).slice(0, TAG_LENGTH);
}

/** The one of `namnder` a workbook-level tag verifies for, or null. */
export function fileTagNamnd(sign: Signer, value: string | null | undefined, mall: string, ar: string | null, namnder: string[]): string | null {
  if (!value) return null;
  return namnder.find((namnd) => fileTagValue(sign, { mall, namnd, ar }) === value.trim()) ?? null;
}

/** The master's signer in plain TypeScript (for the add-in; the CLI uses Node's crypto, same result). */
export function pureReportSigner(model: Model): Signer {
  const { material } = reportKeyMaterial(model);
  return (message) => hmacSha256Hex(material, message);
}
