/**
 * The fast worksheet scanner and the saxes path give the same snapshot or the same refusal on every
 * workbook of the corpus (test/fixtures/corpus), and the fast scanner reads most sheets itself.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import * as path from 'node:path';
import { CORPUS_DIR, requireRepoFile } from '../../../fixtures/files';
import { compare, newStats } from '../support/scanner-compare';

function listWorkbooks(dir: string): string[] {
  return readdirSync(dir)
    .sort()
    .flatMap((name) => {
      const full = path.join(dir, name);
      if (statSync(full).isDirectory()) return listWorkbooks(full);
      return /\.xls[xm]$/i.test(name) ? [full] : [];
    });
}

describe('fast scanner and saxes agree on the corpus', () => {
  const CORPUS = requireRepoFile(CORPUS_DIR);
  const files = listWorkbooks(CORPUS);
  const total = newStats();

  it.each(files.map((f) => path.relative(CORPUS, f)))('%s', (file) => {
    const stats = compare(new Uint8Array(readFileSync(path.join(CORPUS, file))));
    total.fast += stats.fast;
    total.saxes += stats.saxes;
    total.bails.push(...stats.bails);
  });

  it('the fast scanner read most corpus sheets itself', () => {
    expect(files.length).toBeGreaterThanOrEqual(110);
    expect(total.fast).toBeGreaterThan(100);
    expect(total.fast).toBeGreaterThan(total.bails.length * 3);
  });
});
