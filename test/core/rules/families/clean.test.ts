import { check, cleanModel } from './family-builders';

test.each(['hedemora', 'flen', 'standard'])('the clean model gives no finding with profile %s', async (profile) => {
  const m = cleanModel();
  if (profile === 'flen') {
    // Flen's chain: Vision → Strategiskt mål → Nämndmål → Verksamhetsmål.
    m.goals!.items = m.goals!.items.filter((g) => g.id !== 'AK');
    m.goals!.items[1].niva = 'Strategiskt område';
    m.goals!.items[3].niva = 'Verksamhetsmål';
  }
  expect(await check(m, profile)).toEqual([]);
});
