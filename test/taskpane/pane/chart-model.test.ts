import { namndChartData } from '../../../src/core/report/chart-data';
import { budgetRows, budgetSvg, indicatorRows, indicatorSvg, niceTicks, type SvgNode } from '../../../taskpane/pane/chart-model';
import { sampleModel } from '../../core/report/builders';

function all(n: SvgNode): SvgNode[] {
  return [n, ...(n.children ?? []).flatMap(all)];
}

describe('pane pictures (SVG)', () => {
  const data = namndChartData(sampleModel(), 'Socialnämnden', 2025);

  it('the budget picture is an image named by its title and described by the same sentence as the report chart', () => {
    const svg = budgetSvg(data, 'x');
    expect(svg.tag).toBe('svg');
    expect(svg.attrs.role).toBe('img');
    expect(svg.attrs['aria-labelledby']).toBe('x-t x-d');
    const nodes = all(svg);
    expect(nodes.find((n) => n.attrs.id === 'x-t')).toMatchObject({ tag: 'title', text: 'Budget och helårsprognos per verksamhet – Socialnämnden' });
    expect(nodes.find((n) => n.attrs.id === 'x-d')).toMatchObject({ tag: 'desc', text: 'En av två verksamheter har prognos över budget; störst underskott: Hemtjänst, −2\u00a0300 tkr.' });
  });

  it('draws one bar per value, the deficit hatched red with a red edge (not only a colour)', () => {
    const nodes = all(budgetSvg(data, 'x'));
    const bars = nodes.filter((n) => n.tag === 'rect' && n.attrs['data-series']);
    expect(bars.map((b) => b.attrs['data-series'])).toEqual(['budget', 'utfall', 'prognos', 'budget', 'utfall', 'prognos']);
    const over = bars.filter((b) => b.attrs['data-over']);
    expect(over).toHaveLength(1);
    expect(over[0].attrs.fill).toBe('url(#x-hatch)');
    expect(nodes.some((n) => n.tag === 'pattern' && n.attrs.id === 'x-hatch')).toBe(true);
    // Longer bar for the larger amount: Särskilt boende's budget (80 000) over Hemtjänst's (52 000).
    expect(Number(bars[3].attrs.width)).toBeGreaterThan(Number(bars[0].attrs.width));
    expect(nodes.filter((n) => n.tag === 'text').map((n) => n.text)).toEqual(expect.arrayContaining(['Hemtjänst', 'Särskilt boende', 'Prognos över budget', 'Nettokostnad (tkr)']));
  });

  it('an indicator picture: the line to the target dashed, the outcomes solid, with its own title and description', () => {
    const ind = data.indicators[0];
    const svg = indicatorSvg(ind, 'i');
    const nodes = all(svg);
    expect(nodes.find((n) => n.tag === 'title')!.text).toBe('I1: Trygghet i äldreboende');
    expect(nodes.find((n) => n.tag === 'desc')!.text).toBe(ind.description);
    const line = nodes.find((n) => n.attrs['data-series'] === 'linje')!;
    const outcome = nodes.find((n) => n.attrs['data-series'] === 'utfall')!;
    expect(line.attrs['stroke-dasharray']).toBe('6 4');
    expect(outcome.attrs['stroke-dasharray']).toBeUndefined();
    expect(String(line.attrs.d).match(/[ML]/g)).toHaveLength(3);
    expect(String(outcome.attrs.d).match(/[ML]/g)).toHaveLength(2);
  });

  it('the values behind the pictures as tables', () => {
    expect(budgetRows(data).rows[0]).toEqual(['Hemtjänst', '52\u00a0000', '35\u00a0200', '54\u00a0300', '−2\u00a0300']);
    expect(indicatorRows(data.indicators[0]).rows).toEqual([['2022', '70', '70'], ['2024', '71', '75'], ['2026', '–', '80']]);
  });

  it('a long verksamhet name is cut without splitting an emoji in half', () => {
    const long = { ...data, budget: [{ verksamhet: `${'x'.repeat(46)}😀 och mer`, budget: 1, utfall: 1, prognos: 1 }] };
    const label = all(budgetSvg(long, 'p')).find((n) => n.tag === 'text' && n.text?.startsWith('xxx'))!.text!;
    expect(label).toBe(`${'x'.repeat(46)}…`);
  });

  it('the table in mnkr keeps a decimal (0,4 mnkr is not 0)', () => {
    const mnkr = { ...data, unit: 'mnkr' as const, budget: [{ verksamhet: 'A', budget: 0.35, utfall: 0.2, prognos: 0.42 }] };
    expect(budgetRows(mnkr).rows[0]).toEqual(['A', '0,4', '0,2', '0,4', '−0,1']);
  });

  it('nice ticks cover the range in round steps', () => {
    expect(niceTicks(0, 54300)).toEqual([0, 20000, 40000, 60000]);
    expect(niceTicks(70, 80)).toEqual([70, 75, 80]);
    expect(niceTicks(-1300, 800)).toEqual([-2000, -1000, 0, 1000]);
    expect(niceTicks(5, 5)).toEqual([5]);
  });
});
