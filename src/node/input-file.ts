import { promises as fs } from 'node:fs';
import { StyrkollError } from '../common/errors';
import { describeFsError } from './atomic-write';

/** Files larger than this are refused before they are read into memory. */
export const MAX_INPUT_BYTES = 512 * 1024 * 1024;

/** Reads an input workbook into memory, with Swedish errors for the usual file problems. */
export async function readInputFile(file: string): Promise<Uint8Array> {
  let stat;
  try {
    stat = await fs.stat(file);
  } catch (err) {
    throw new StyrkollError('FIL', `Kan inte läsa ${file}: ${describeFsError(err)}.`);
  }
  if (stat.isDirectory()) throw new StyrkollError('FIL', `${file} är en mapp – ange en .xlsx-fil.`);
  if (stat.size > MAX_INPUT_BYTES) {
    throw new StyrkollError('FOR_STOR', `${file} är ${Math.round(stat.size / 1048576)} MB – större än Styrkolls gräns på ${MAX_INPUT_BYTES / 1048576} MB.`);
  }
  try {
    return new Uint8Array(await fs.readFile(file));
  } catch (err) {
    throw new StyrkollError('FIL', `Kan inte läsa ${file}: ${describeFsError(err)}.`);
  }
}
