/**
 * Loose matching of names written by people: nämnd names across sheets and Nivå names. Folds
 * case, spaces and å/ä/ö like the input layer, and ignores punctuation.
 */
import { foldText } from '../input';

export function looseKey(text: string): string {
  return foldText(text).replace(/[^a-z0-9]/g, '');
}
