/** examples/README.md, written from the same data as the workbooks so it never drifts. */
import type { PlantedProblem } from './example-types';
import type { ExampleWorkbook } from './example-workbook';

export function exampleReadme(examples: ExampleWorkbook[], planted: PlantedProblem[]): string {
  const out: string[] = [
    '# Exempelarbetsböcker',
    '',
    'Arbetsböckerna skapas av `scripts/make-examples.ts` med en fast slumpfrö och är identiska vid varje körning',
    '(`npm run build:cli && node dist/scripts/make-examples.js examples`). Testet `test/examples.test.ts` kontrollerar',
    'att de incheckade filerna stämmer med skriptet. Ändra aldrig filerna för hand.',
    '',
    'Bladen följer kontraktet i `workbook-format.md`: `Budget`, `Mål`, `Indikatorer`, `Uppdrag`, `Åtgärder` och',
    '`Inställningar`. Varje nämnd har en rad `Summa <nämnd>` och sist finns `Totalt`, summan av alla datarader.',
    'Summaraderna är enkla summor av kolumnen, så kostnader och intäkter läggs ihop som de står.',
    '',
    'Hedemoras vision, de fem inriktningsmålen, de fem perspektiven och de fyra kommunindexen med utgångsvärde',
    'och önskat värde kommer från Hedemoras styrmodell. Nämndernas namn är kommunernas egna. Belopp, utfall,',
    'nämndmål, indikatorutfall, uppdrag, Flens vision och strategiska områden är påhittade exempeldata. Kolada-ID',
    'är tomma eftersom inga ID har verifierats.',
    '',
    'Allt som inte står i listan nedan är rent: inga andra rader har underskott, alla summor stämmer, alla mål',
    'har en förälder som finns, alla mål utom vision och aktiviteter har minst en indikator, alla indikatorer har',
    'målvärde och ligger i fas, alla uppdrag har ägare och finansiering och ingen tidpunkt har passerat.',
    '',
    'Planterade problem finns också maskinläsbart i `planted.json`. `finding: false` betyder svår men giltig',
    'indata som ska läsas rätt och inte ge något fynd. Fynd om hela nämnden pekar på nämndens summarad.',
  ];
  for (const ex of examples) {
    out.push('', `## ${ex.file}`, '', ex.description, '', '| Blad | Rad | Kategori | Typ | Vad |', '|---|---|---|---|---|');
    for (const p of planted.filter((x) => x.file === ex.file)) {
      out.push(`| ${p.sheet} | ${p.row ?? '–'} | ${p.category} | \`${p.kind}\`${p.finding ? '' : ' (inget fynd)'} | ${p.what} |`);
    }
  }
  return out.join('\n') + '\n';
}
