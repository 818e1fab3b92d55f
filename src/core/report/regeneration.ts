/** Summary lines for a (re)generated sheet: what it holds, and what changed since the earlier one. */
import type { SheetSpec } from '../sheet-spec';
import type { CellValue } from '../snapshot';
import type { ReportReading } from './read-report';
import type { SheetDraft } from './sheet-draft';
import { decodeRowKey, ID_COLUMN } from './row-key';

const KINDS: { prefix: string; added: string; removed: string }[] = [
  { prefix: 'mal:', added: 'nya mål', removed: 'borttagna mål' },
  { prefix: 'indikator:', added: 'nya indikatorer', removed: 'borttagna indikatorer' },
  { prefix: 'uppdrag:', added: 'nya uppdrag', removed: 'borttagna uppdrag' },
  { prefix: 'avvikelse:', added: 'nya verksamheter', removed: 'borttagna verksamheter' },
];

function keysOf(sheet: SheetSpec): string[] {
  return sheet.rows.map((r) => decodeRowKey(r[ID_COLUMN - 1]?.v ?? null)?.key).filter((k): k is string => !!k);
}

function label(key: string, prefix: string): string {
  const rest = key.slice(prefix.length);
  return prefix === 'avvikelse:' ? rest.slice(rest.indexOf('|') + 1) : rest;
}

export function describeChanges(
  namnd: string,
  sheet: SheetSpec,
  draft: SheetDraft,
  prior: ReportReading | undefined,
  answers: Map<string, CellValue>,
): string[] {
  const keys = keysOf(sheet);
  const count = (p: string): number => keys.filter((k) => k.startsWith(p) && !k.endsWith(':inga')).length;
  const out = [
    `${namnd} (blad "${sheet.name}"): ${count('mal:')} mål, ${count('indikator:')} indikatorer, ${count('uppdrag:')} uppdrag, ` +
      `${count('avvikelse:')} verksamheter, ${draft.fieldIds.length} fält att fylla i.`,
  ];
  if (!prior) return out;
  const before = new Set(prior.rows.map((r) => r.key.key));
  const now = new Set(keys);
  const changes: string[] = [];
  for (const k of KINDS) {
    const added = keys.filter((x) => x.startsWith(k.prefix) && !before.has(x) && !x.endsWith(':inga'));
    const removed = [...before].filter((x) => x.startsWith(k.prefix) && !now.has(x) && !x.endsWith(':inga'));
    if (added.length) changes.push(`${k.added}: ${added.map((x) => label(x, k.prefix)).join(', ')}`);
    if (removed.length) changes.push(`${k.removed}: ${removed.map((x) => label(x, k.prefix)).join(', ')}`);
  }
  out.push(`${namnd}: behöll ${draft.kept.size} ifyllda svar${changes.length ? '; ' + changes.join('; ') : '; inga ändringar i mål, indikatorer, uppdrag eller verksamheter'}.`);
  const lost = [...answers.keys()].filter((id) => !draft.kept.has(id));
  if (lost.length) {
    out.push(`${namnd}: ${lost.length} svar har ingen plats längre och kom inte med: ${lost.map((id) => `${id} ("${String(answers.get(id)).slice(0, 40)}")`).join(', ')}.`);
  }
  return out;
}
