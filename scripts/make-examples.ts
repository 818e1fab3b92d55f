/**
 * Writes the example workbooks, examples/planted.json and examples/README.md.
 * Usage: node dist/scripts/make-examples.js [outDir]   (default: examples)
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { exampleBytes, plantedProblems, type ExampleWorkbook } from './lib/example-workbook';
import { hedemoraExample } from './lib/hedemora-example';
import { flenExample } from './lib/flen-example';
import { exampleReadme } from './lib/readme';
import type { PlantedProblem } from './lib/example-types';
import { EXPORT_EXAMPLE, exportExampleBytes } from './lib/export-workbooks';

export async function buildExamples(): Promise<{ examples: ExampleWorkbook[]; planted: PlantedProblem[] }> {
  const examples = [await hedemoraExample(), await flenExample()];
  return { examples, planted: examples.flatMap(plantedProblems) };
}

export async function makeExamples(outDir: string): Promise<string[]> {
  await mkdir(outDir, { recursive: true });
  const { examples, planted } = await buildExamples();
  const written: string[] = [];
  for (const ex of examples) {
    const path = join(outDir, ex.file);
    await writeFile(path, await exampleBytes(ex));
    written.push(path);
  }
  // A real export's shape (title block, unit only in the title, nämnder as group headers, Summa rows).
  await writeFile(join(outDir, EXPORT_EXAMPLE), await exportExampleBytes());
  written.push(join(outDir, EXPORT_EXAMPLE));
  await writeFile(join(outDir, 'planted.json'), JSON.stringify(planted, null, 2) + '\n');
  await writeFile(join(outDir, 'README.md'), exampleReadme(examples, planted));
  written.push(join(outDir, 'planted.json'), join(outDir, 'README.md'));
  return written;
}

if (require.main === module) {
  makeExamples(process.argv[2] ?? 'examples').then(
    (files) => console.log(`Skrev ${files.length} filer:\n${files.join('\n')}`),
    (e: unknown) => {
      console.error(`Kunde inte skapa exemplen: ${e instanceof Error ? e.message : String(e)}`);
      process.exitCode = 1;
    },
  );
}
