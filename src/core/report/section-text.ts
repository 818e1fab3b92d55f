/** Free-text fields (Analys, Prognos, Åtgärder …) and the nämnd's findings from the check. */
import type { FindingsSection, TextSection } from './template-schema';
import { COL, LAST_COL, STYLE } from './styles';
import { mergedFill, mergeRef, sectionHeading, text, type SectionContext } from './section-context';

export function splitTextId(id: string): { key: string; field: string } {
  const i = id.lastIndexOf(':');
  return { key: id.slice(0, i), field: id.slice(i + 1) };
}

export function renderText(ctx: SectionContext, s: TextSection): void {
  const d = ctx.draft;
  sectionHeading(ctx, s.id, s.heading, s.help);
  const { key, field } = splitTextId(s.id);
  const top = d.next;
  const rest: Record<number, ReturnType<typeof mergedFill>> = {};
  for (let c = COL.C; c <= LAST_COL; c++) rest[c] = mergedFill();
  d.add(rest, key, {}, [{ field, col: COL.B, value: null }]);
  for (let i = 1; i < s.lines; i++) {
    const row: Record<number, ReturnType<typeof mergedFill>> = {};
    for (let c = COL.B; c <= LAST_COL; c++) row[c] = mergedFill();
    d.add(row);
  }
  d.merge(mergeRef(top, COL.B, top + s.lines - 1, LAST_COL));
}

const SEVERITY: Record<string, string> = { fel: 'Fel', varning: 'Varning', info: 'Info' };

export function renderFindings(ctx: SectionContext, s: FindingsSection): void {
  const d = ctx.draft;
  sectionHeading(ctx, 'iakttagelser', s.heading, s.help);
  const list = ctx.data.findings;
  if (!list.length) {
    d.add({ [COL.C]: text(s.emptyText, STYLE.neutral) }, 'iakttagelse:inga');
    return;
  }
  // The message gets C–F; where it points and what to do follow in G and H.
  const hr = d.add(
    {
      [COL.B]: text('Allvar', STYLE.header),
      [COL.C]: text('Iakttagelse', STYLE.header),
      [COL.D]: text(null, STYLE.header),
      [COL.E]: text(null, STYLE.header),
      [COL.F]: text(null, STYLE.header),
      [COL.G]: text('Plats', STYLE.header),
      [COL.H]: text('Förslag', STYLE.header),
    },
    'kolumner:iakttagelser',
  );
  d.merge(mergeRef(hr, COL.C, hr, COL.F));
  list.forEach((f, i) => {
    const place = f.sheet ? `${f.sheet}${f.cell ? '!' + f.cell : f.row ? ' rad ' + f.row : ''}` : null;
    const r = d.add(
      {
        [COL.B]: text(SEVERITY[f.severity] ?? f.severity, f.severity === 'fel' ? STYLE.bad : { ...STYLE.text, bold: true }),
        [COL.C]: text(f.message),
        [COL.G]: text(place, STYLE.text),
        [COL.H]: text(f.suggestion || null),
      },
      `iakttagelse:${i + 1}`,
    );
    d.merge(mergeRef(r, COL.C, r, COL.F));
  });
}
