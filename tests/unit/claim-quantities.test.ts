/**
 * The claim detector's quantities ("11,000 troops", "35 per cent", "$2 million", "more than
 * 40") are found by hand-read numbers and checks that run an expression only where it can
 * match (a first character, a first word, the end of the word before). Both must find what
 * the plain expressions find, on random text.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FOR, numberAt, readSentence } from '../../server/src/core/claims/evidence';

/** The quantity kind as plain expressions, as it was written before the hand-read parts. */
function quantityByPatterns(body: string): { index: number; text: string } | null {
  const lower = body.toLowerCase();
  for (const number of lower.matchAll(/([$\u20ac\u00a3\u00a5\u20a9]\s?)?\d[\d,.]*/gu)) {
    const start = number.index;
    const end = start + number[0].length;
    if (start > 0 && /[a-z0-9/_]/.test(lower[start - 1] as string) && !number[1]) continue;
    if (number[1]) return { index: start, text: body.slice(start, end) };
    if (/^\s?%/.test(lower.slice(end, end + 2))) return { index: start, text: body.slice(start, end + lower.slice(end, end + 2).indexOf('%') + 1) };
    const after = /^(?:\s+|-)(?:(?:north|south|[a-z]+(?:an|ian|ese|ish|i|ic|al))\s+(?:[a-z]+\s+)?)?([a-z]+)(?:\s+(cent|favou?r|\d+))?/.exec(lower.slice(end, end + 50));
    const unit = after?.[1];
    // The units among the random pieces' words (the detector knows more).
    const units = ['troops', 'per', 'in', 'to', 'million', 'tonnes', 'votes', 'against', 'ships', 'mm'];
    if (after && unit && units.includes(unit)) {
      const fits = unit === 'per' ? after[2] === 'cent' : unit === 'in' ? /^favou?r$/.test(after[2] ?? '') : unit === 'to' ? /^\d+$/.test(after[2] ?? '') : true;
      if (fits) return { index: start, text: body.slice(start, end + after[0].length) };
    }
    if (/(?:(?:more|fewer|less)\s+than|about|around|roughly|nearly|almost|some|at\s+least|up\s+to|as\s+many\s+as)\s+$/.test(lower.slice(Math.max(0, start - 16), start))) return { index: start, text: body.slice(start, end) };
  }
  return null;
}

const quantityKind = FOR.find((kind) => kind.what === 'a number' && typeof kind.pattern === 'function');

const piece = fc.constantFrom(
  '11,000', '2231', '1.5', '35', '$', '$ ', '\u20ac', '\u00a3', '\u00a5', '\u20a9', '%', ' %', ' ', '  ', '\u00a0', '\u2003', '\n', '-', '/', '_', 'x',
  'S/RES/', 'KN-', ' troops', ' per cent', ' per', ' in favour', ' to 1', ' tonnes', ' million', ' votes', ' against', ' north korean ships', ' russian troops',
  '-mm', '-tonnes', 'tonnes', 'more than ', 'about ', 'at least ', 'up to ', 'as many as ', 'nearly ', 'The ', 'Council', '(', ')', ',', '.', 'é', '\ud83d\ude00',
  // Adjectives and near-misses of the checks that skip the expressions: words ending like an adjective, or like the end of an approximation.
  ' naval ships', ' chinese', ' hi', ' of', ' about', 'onto ', 'hereabout ', 'least ', 'as ', 'than ', ' Russian',
);
const sentence = fc.array(piece, { minLength: 1, maxLength: 14 }).map((pieces) => pieces.join(''));

describe('quantities in the claim detector', () => {
  it('finds numbers where the expression does, with their currency signs', () => {
    fc.assert(
      fc.property(sentence, (text) => {
        const lower = text.toLowerCase();
        const expected = [...lower.matchAll(/([$\u20ac\u00a3\u00a5\u20a9]\s?)?\d[\d,.]*/gu)].map((match) => [match.index, match.index + match[0].length, match[1] !== undefined]);
        const found: Array<[number, number, boolean]> = [];
        for (let number = numberAt(lower, 0); number; number = numberAt(lower, number.end)) found.push([number.start, number.end, number.currency]);
        expect(found).toEqual(expected);
      }),
      { numRuns: 2000 },
    );
  });

  it('finds the quantity the plain expressions find', () => {
    expect(quantityKind).toBeDefined();
    const find = quantityKind?.pattern as (text: ReturnType<typeof readSentence>) => { index: number; text: string } | null;
    fc.assert(
      fc.property(sentence, (text) => {
        expect(find(readSentence(text))).toEqual(quantityByPatterns(text));
      }),
      { numRuns: 2000 },
    );
  });
});
