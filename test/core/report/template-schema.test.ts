import { readdirSync, readFileSync } from 'fs';
import { join } from 'path';
import { z } from 'zod';
import { loadReportTemplates, parseReportTemplate, ReportTemplate } from '../../../src/core/report/template-schema';
import { isStyrkollError } from '../../../src/core/errors';

const DIR = join(__dirname, '../../../rules/templates');
const files = readdirSync(DIR).filter((f) => f.endsWith('.json') && !f.includes('schema'));
const load = (f: string) => ({ path: `rules/templates/${f}`, json: JSON.parse(readFileSync(join(DIR, f), 'utf8')) });

describe('report templates', () => {
  it('ships every report of the styrmodeller', () => {
    expect(files.map((f) => f.replace('.json', '')).sort()).toEqual(
      ['arsredovisning', 'atgardsplan', 'delarsrapport', 'manadsrapport', 'namndrapport-1', 'namndrapport-2', 'namndrapport-3', 'namndrapport-4'],
    );
  });

  it.each(files)('%s loads, and its id is its file name', (f) => {
    const t = parseReportTemplate(load(f));
    expect(t.id).toBe(f.replace('.json', ''));
    expect(t.sections.length).toBeGreaterThan(0);
  });

  it('Flen nämndrapporter cover Jan–Mar, Jan–May, Jan–Aug and Jan–Oct; 4 is prognosis only', () => {
    const all = loadReportTemplates(files.map(load));
    expect([1, 2, 3, 4].map((n) => all.get(`namndrapport-${n}`)!.period.to)).toEqual([3, 5, 8, 10]);
    const four = all.get('namndrapport-4')!;
    const budget = four.sections.find((s) => s.kind === 'budget');
    expect(budget && budget.kind === 'budget' && budget.columns).not.toContain('utfall');
    expect(four.sections.some((s) => s.kind === 'uppdrag')).toBe(false);
  });

  it('names file and JSON path of a broken template', () => {
    const json = load('delarsrapport.json').json;
    json.sections[2].kind = 'diagram';
    let err: unknown;
    try {
      parseReportTemplate({ path: 'rules/templates/trasig.json', json });
    } catch (e) {
      err = e;
    }
    expect(isStyrkollError(err) && err.code).toBe('MALL');
    expect((err as Error).message).toContain('rules/templates/trasig.json');
    expect((err as Error).message).toContain('$.sections[2].kind');
  });

  it('rejects a repeated fill-in id and two templates with the same id', () => {
    const json = load('delarsrapport.json').json;
    json.sections.push({ kind: 'text', id: 'analys:budget', heading: 'Igen' });
    expect(() => parseReportTemplate({ path: 'x.json', json })).toThrow(/analys:budget/);
    const a = load('manadsrapport.json');
    expect(() => loadReportTemplates([a, { ...a, path: 'kopia.json' }])).toThrow(/kopia\.json.*manadsrapport/);
  });

  it('the JSON Schema for editors matches the zod schema', () => {
    const onDisk = JSON.parse(readFileSync(join(DIR, 'report-template.schema.json'), 'utf8'));
    const generated = { ...z.toJSONSchema(ReportTemplate, { io: 'input' }), title: 'Styrkoll rapportmall' };
    expect(onDisk).toEqual(JSON.parse(JSON.stringify(generated)));
  });
});
