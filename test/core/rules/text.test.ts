import fc from 'fast-check';
import { foldText } from '../../../src/core/input';
import { looseKey, uncachedLooseKey } from '../../../src/core/rules/text';

/** The definition: the input layer's folding, then everything but a–z and 0–9 dropped. */
const byDefinition = (text: string) => foldText(text).replace(/[^a-z0-9]/g, '');

const swedish = fc.string({
  unit: fc.constantFrom(...'aåäöÅÄÖeéÉüÜxX09 -–.,()\t\u00a0\u2009\u202fÆæØøñÑﬁß\u0301\u030a'.split('')),
  maxLength: 30,
});

describe('looseKey', () => {
  test('equals folding as the input layer does, with punctuation removed', () => {
    fc.assert(
      fc.property(fc.oneof(swedish, fc.string({ unit: 'grapheme', maxLength: 30 }), fc.string({ unit: 'binary', maxLength: 30 })), (text) => {
        expect(looseKey(text)).toBe(byDefinition(text));
        // Asked again, the cached key is the same.
        expect(looseKey(text)).toBe(byDefinition(text));
        expect(uncachedLooseKey(text)).toBe(byDefinition(text));
      }),
      { numRuns: 3000 },
    );
  });
});
