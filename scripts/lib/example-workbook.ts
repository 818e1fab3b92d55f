/** An example workbook as sheets plus the problems planted in them, and how it becomes files. */
import type { OutSheet } from './sheet-writer';
import { writeWorkbook } from './sheet-writer';
import type { PlantSpec, PlantedProblem } from './example-types';

export interface ExampleWorkbook {
  file: string;
  /** One Swedish line for the README. */
  description: string;
  parts: { sheet: OutSheet; planted: { row: number; spec: PlantSpec }[] }[];
}

export function plantedProblems(example: ExampleWorkbook): PlantedProblem[] {
  return example.parts.flatMap((p) =>
    p.planted.map(({ row, spec }) => ({ file: example.file, sheet: p.sheet.name, row, category: spec.category, kind: spec.kind, what: spec.what, finding: spec.finding })),
  );
}

export function exampleBytes(example: ExampleWorkbook): Promise<Uint8Array> {
  return writeWorkbook(example.parts.map((p) => p.sheet));
}
