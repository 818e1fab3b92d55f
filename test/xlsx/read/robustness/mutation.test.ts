import fc from 'fast-check';
import { isStyrkollError } from '../../../../src/core/errors';
import { readWorkbook } from '../../../../src/xlsx/read';
import { buildXlsx, sheetData } from '../support/build-xlsx';

/** A small workbook with most features, stored (level 0) and deflated, so mutations hit XML as well as deflate data. */
const base = (level: 0 | 6) =>
  buildXlsx({
    level,
    sharedStrings: ['Nämnd', 'Budget', 'Socialnämnden'],
    styles: { cellXfs: [0, 14] },
    date1904: level === 0,
    sheets: [
      {
        name: 'Budget',
        body:
          sheetData([
            ['<c r="A1" t="s"><v>0</v></c>', '<c r="B1" t="s"><v>1</v></c>'],
            ['<c r="A2" t="s"><v>2</v></c>', '<c r="B2"><v>1200.5</v></c>', '<c r="C2" s="1"><v>45900</v></c>'],
            ['<c r="A3" t="inlineStr"><is><r><t>Summa</t></r></is></c>', '<c r="B3"><f>SUM(B2)</f><v>1200.5</v></c>', '<c r="C3" t="e"><v>#REF!</v></c>'],
          ]) + '<mergeCells><mergeCell ref="D1:E2"/></mergeCells><dataValidations><dataValidation sqref="F1:F9"/></dataValidations>',
        tables: [{ name: 'T', ref: 'A1:B3' }],
      },
      { name: 'Mål', body: sheetData([['<c t="b"><v>1</v></c>', '<c t="d"><v>2025-01-01</v></c>']], true) },
    ],
  });

const mutation = fc.oneof(
  fc.record({ kind: fc.constant('flip' as const), at: fc.nat(), bits: fc.integer({ min: 1, max: 255 }) }),
  fc.record({ kind: fc.constant('truncate' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('splice' as const), at: fc.nat(), remove: fc.nat({ max: 64 }), insert: fc.uint8Array({ maxLength: 64 }) }),
  fc.record({ kind: fc.constant('copy' as const), from: fc.nat(), to: fc.nat(), length: fc.integer({ min: 1, max: 256 }) }),
);

type Mutation = { kind: string } & Record<string, unknown>;

function apply(bytes: Uint8Array, mutations: Mutation[]): Uint8Array {
  let out = bytes.slice();
  for (const m of mutations) {
    const n = Math.max(1, out.length);
    if (m.kind === 'flip') {
      const at = (m.at as number) % n;
      if (out.length) out[at] ^= m.bits as number;
    } else if (m.kind === 'truncate') out = out.slice(0, (m.at as number) % n);
    else if (m.kind === 'splice') {
      const at = (m.at as number) % n;
      const ins = m.insert as Uint8Array;
      const next = new Uint8Array(Math.max(0, out.length - (m.remove as number)) + ins.length + n);
      const head = out.subarray(0, at);
      const tail = out.subarray(Math.min(out.length, at + (m.remove as number)));
      next.set(head);
      next.set(ins, head.length);
      next.set(tail, head.length + ins.length);
      out = next.slice(0, head.length + ins.length + tail.length);
    } else {
      const from = (m.from as number) % n;
      const to = (m.to as number) % n;
      out.copyWithin(to, from, from + (m.length as number));
    }
  }
  return out;
}

describe('mutated workbooks only ever give a snapshot or an anticipated StyrkollError', () => {
  it.each([0, 6] as const)('zip level %d', async (level) => {
    const original = base(level);
    const first = await readWorkbook(original);
    expect(first.sheets.map((s) => s.name)).toEqual(['Budget', 'Mål']);
    const outcomes = new Map<string, number>();
    await fc.assert(
      fc.asyncProperty(fc.array(mutation, { minLength: 1, maxLength: 3 }), async (mutations) => {
        const bytes = apply(original, mutations);
        let outcome: string;
        try {
          const snap = await readWorkbook(bytes);
          expect(Array.isArray(snap.sheets)).toBe(true);
          outcome = 'snapshot';
        } catch (e) {
          // An error that is not a StyrkollError, or one the reader did not anticipate, fails the property.
          if (!isStyrkollError(e)) throw e;
          if (e.details?.internal !== undefined) throw new Error(`unanticipated failure: ${String(e.details.internal)}`);
          outcome = e.code;
        }
        outcomes.set(outcome, (outcomes.get(outcome) ?? 0) + 1);
      }),
      { numRuns: Number(process.env.MUTATION_RUNS ?? 400) },
    );
    // The mutations must exercise both sides: some files still read, some are refused.
    expect(outcomes.get('snapshot')).toBeGreaterThan(0);
    expect([...outcomes.keys()].length).toBeGreaterThan(2);
  });
});
