import { writeFileSync } from 'node:fs';
import { publishedAccounts, tableBelowRow10, titleBlockBudget } from '../../fixtures/make-fixtures';
test('dump', async () => {
  const list: [string, any][] = [['title', await titleBlockBudget()], ['pub', await publishedAccounts()], ['pubtitel', await publishedAccounts({ namndIn: 'titel' })], ['table', await tableBelowRow10()]];
  for (const [n, f] of list) { writeFileSync(`/tmp/skx/${n}.xlsx`, f.bytes); writeFileSync(`/tmp/skx/${n}.expected.json`, JSON.stringify(f.expected)); }
});
