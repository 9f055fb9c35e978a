/**
 * findQuotations (quotations/find.ts) against a plain reading of its rule: from each opening
 * mark, the nearest of its closing marks after it closes the quotation, unless there is none,
 * it is right after the opening mark, or the quotation would be longer than the limit; then
 * reading resumes after the opening mark, else after the closing mark.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findQuotations, MAX_QUOTATION_LENGTH, type QuotationSpan } from '../../server/src/core/quotations/find';

const CLOSING: Record<string, string[]> = { '"': ['"'], '\u201c': ['\u201d'], '\u00ab': ['\u00bb'], '\u201e': ['\u201c', '\u201d'] };

function plainReading(text: string, offset: number): QuotationSpan[] {
  const found: QuotationSpan[] = [];
  for (let position = 0; position < text.length; ) {
    const closers = CLOSING[text[position] as string];
    const candidates = (closers ?? []).map((closer) => text.indexOf(closer, position + 1)).filter((at) => at >= 0);
    const close = candidates.length > 0 ? Math.min(...candidates) : -1;
    if (close < 0 || close === position + 1 || close - position - 1 > MAX_QUOTATION_LENGTH) {
      position++;
      continue;
    }
    found.push({ start: offset + position, end: offset + close + 1, innerStart: offset + position + 1, innerEnd: offset + close });
    position = close + 1;
  }
  return found;
}

const piece = fc.oneof(
  fc.constantFrom('"', '\u201c', '\u201d', '\u00ab', '\u00bb', '\u201e', "'", ' ', '\n', 'a', 'word ', '\ud83d\ude00'),
  fc.constant('x'.repeat(MAX_QUOTATION_LENGTH - 1)),
  fc.constant('y'.repeat(MAX_QUOTATION_LENGTH)),
);

describe('findQuotations', () => {
  it('reads quotations as the plain rule does, for any mix of marks and lengths', () => {
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 60 }), fc.nat(1000), (pieces, offset) => {
        const text = pieces.join('');
        expect(findQuotations(text, offset)).toEqual(plainReading(text, offset));
      }),
      { seed: 2207, numRuns: 2000 },
    );
  });

  it('pairs each kind of mark with its own closing marks', () => {
    const text = 'He said "yes", \u201cno\u201d, \u00abmaybe\u00bb and \u201elater\u201c; \u201copen stays open\u00bb';
    expect(findQuotations(text).map(({ innerStart, innerEnd }) => text.slice(innerStart, innerEnd))).toEqual(['yes', 'no', 'maybe', 'later']);
  });
});
