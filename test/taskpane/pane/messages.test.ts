import { StyrkollError } from '../../../src/core/errors';
import { toPaneMessage } from '../../../taskpane/pane/messages';

describe('pane messages', () => {
  it('passes a StyrkollError message through', () => {
    expect(toPaneMessage(new StyrkollError('REGELFIL', 'Fel i regelfil rules/budget/a.json: x'), 'Kontrollen')).toEqual({ title: 'Kontrollen misslyckades', detail: 'Fel i regelfil rules/budget/a.json: x' });
  });

  it('explains Office error codes in Swedish and never shows a stack', () => {
    expect(toPaneMessage(Object.assign(new Error('The request payload size has exceeded the limit.'), { code: 'RequestPayloadSizeLimitExceeded' }), 'Kontrollen').detail).toMatch(/för stort/);
    const odd = new Error('boom\n    at foo (x.js:1:1)');
    const m = toPaneMessage(odd, 'Kontrollen');
    expect(m.detail).toContain('(boom)');
    expect(m.detail).not.toContain('x.js');
  });
});
