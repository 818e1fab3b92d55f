/** Shapes shared by the example and fixture generators. */

export type PlantedCategory = 'budget' | 'mal' | 'mal-medel' | 'rod-trad' | 'arshjul' | 'indata';

/** One problem planted in an example workbook (examples/planted.json). */
export interface PlantedProblem {
  file: string;
  sheet: string;
  /** 1-based worksheet row; null for a problem about the whole sheet. */
  row: number | null;
  category: PlantedCategory;
  /** Short stable key, e.g. "rad-underskott". */
  kind: string;
  /** Swedish description for people. */
  what: string;
  /**
   * True when a correct check must report a finding on this row. False for tricky input that must
   * be read correctly and must NOT give a finding (a text number with a no-break space).
   */
  finding: boolean;
}

/** A planted problem before it has a row: rows are known only after layout. */
export type PlantSpec = Omit<PlantedProblem, 'file' | 'sheet' | 'row'>;
