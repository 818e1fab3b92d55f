/** What a caller may ask of the reader, and the limits that protect it from hostile files. */

export interface ReadLimits {
  /** Sum of the uncompressed sizes of all parts, as the zip directory states them (bytes). */
  maxTotalBytes: number;
  /** Uncompressed size of any one part that is read (bytes). */
  maxPartBytes: number;
  /**
   * Uncompressed size of a part that is held whole to be parsed into a tree or edited as text
   * (styles, workbook, relationships, content types, comments …); worksheets are streamed or
   * edited as bytes and have maxPartBytes.
   */
  maxWholePartBytes: number;
  /** Element nesting depth of any part that is parsed (real parts stay under 30). */
  maxXmlDepth: number;
  /**
   * Characters of one text run, comment or attribute value in a parsed part (a cell holds at
   * most 32 767; this bounds what whitespace padding or an endless comment can make one string).
   */
  maxXmlTextChars: number;
  /**
   * A worksheet bigger than this (uncompressed) must hold at least one cell or row per
   * maxBytesPerCell bytes: the writer holds a sheet it edits whole, so padding is refused.
   */
  maxPaddedSheetBytes: number;
  maxBytesPerCell: number;
  /** Largest uncompressed/compressed ratio accepted for a part bigger than 1 MiB. */
  maxCompressionRatio: number;
  /** Cells kept over all sheets, counting the empty slots that anchor data at A1. */
  maxCells: number;
  /** Merged ranges per sheet. */
  maxMergedRanges: number;
  /** Data-validation ranges per sheet (never expanded, only counted). */
  maxDataValidationRanges: number;
  /** Entries in the shared-string table. */
  maxSharedStrings: number;
}

export const DEFAULT_LIMITS: Readonly<ReadLimits> = Object.freeze({
  maxTotalBytes: 2 * 1024 ** 3,
  maxPartBytes: 1024 ** 3,
  maxWholePartBytes: 64 * 1024 ** 2,
  maxXmlDepth: 256,
  maxXmlTextChars: 16 * 1024 ** 2,
  maxPaddedSheetBytes: 128 * 1024 ** 2,
  maxBytesPerCell: 4096,
  // Deflate tops out near 1032:1; real worksheets stay well under 200:1.
  maxCompressionRatio: 500,
  maxCells: 15_000_000,
  maxMergedRanges: 100_000,
  maxDataValidationRanges: 10_000,
  maxSharedStrings: 5_000_000,
});

export interface ReadOptions {
  /** Read only the sheets for which this returns true; the others are never unpacked or parsed. */
  sheets?: (name: string) => boolean;
  /**
   * The same as `sheets`, but serialisable (it crosses a worker boundary): sheet names matched
   * case-insensitively with surrounding spaces ignored. With both given, a sheet must pass both.
   */
  sheetNames?: string[];
  /** Sheets never read (serialisable, matched as sheetNames): Styrkoll's own output sheets. */
  skipSheetNames?: string[];
  limits?: Partial<ReadLimits>;
}

export function resolveLimits(limits: Partial<ReadLimits> | undefined): ReadLimits {
  const out: ReadLimits = { ...DEFAULT_LIMITS };
  for (const key of Object.keys(out) as (keyof ReadLimits)[]) {
    const v = limits?.[key];
    if (typeof v === 'number' && v >= 0) out[key] = v;
  }
  return out;
}

export function normalizeSheetName(name: string): string {
  return name.trim().toLocaleLowerCase('sv');
}

export function sheetSelector(options: ReadOptions | undefined): (name: string) => boolean {
  const fn = options?.sheets;
  const names = options?.sheetNames ? new Set(options.sheetNames.map(normalizeSheetName)) : null;
  const skip = options?.skipSheetNames ? new Set(options.skipSheetNames.map(normalizeSheetName)) : null;
  return (name) => (!fn || fn(name)) && (!names || names.has(normalizeSheetName(name))) && (!skip || !skip.has(normalizeSheetName(name)));
}
