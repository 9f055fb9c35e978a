/**
 * A full stop after an abbreviation, an initial or letters with dots does not end a sentence.
 * isAbbreviation reads ASCII words by hand and leaves the rest to the expressions of
 * isAbbreviationByPattern; both must decide alike everywhere.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isAbbreviation, isAbbreviationByPattern } from '../../server/src/core/sentences';

const piece = fc.constantFrom(
  'U.N', 'u.s', 'e.g', 'i.e', 'etc', 'No', 'Art', 'arts', 'approx', 'APPROX', 'ibid', 'Sept', 'Dr', 'J', 'x', 'A.B.C', 'a.b.c.d.e.f',
  'sanctions', 'Council', 'paragraph', 'vessel', '.', '..', ' ', '  ', '(', '"', '\u201d', '2231', '-', '\n',
  '\u00e9', 'caf\u00e9', '\u00c9.U', '\u0130', 'Stra\u00dfe', '\u03a3', '\u0391.\u0392', '\ud835\udc00', '\ud835', '\udc00', '\u00a0', '\u2019',
);
const text = fc.array(piece, { minLength: 1, maxLength: 10 }).map((pieces) => pieces.join(''));

describe('isAbbreviation', () => {
  it('decides as the Unicode expressions do, before any full stop of random text', () => {
    fc.assert(
      fc.property(text, (body) => {
        const withDot = `${body}. Next`;
        for (let dot = 0; dot < withDot.length; dot++) {
          if (withDot[dot] !== '.') continue;
          expect([dot, isAbbreviation(withDot, dot)]).toEqual([dot, isAbbreviationByPattern(withDot, dot)]);
        }
      }),
      { numRuns: 2000 },
    );
  });

  it('knows the usual cases', () => {
    const at = (sentence: string): boolean => isAbbreviation(sentence, sentence.lastIndexOf('.'));
    expect(at('the U.N.')).toBe(true);
    expect(at('see e.g.')).toBe(true);
    expect(at('Mr.')).toBe(true);
    expect(at('approx.')).toBe(true);
    expect(at('J.')).toBe(true);
    expect(at('of the Council.')).toBe(false);
    expect(at('in 2017.')).toBe(false);
    expect(at('the \u00c9.U.')).toBe(true);
    expect(at('a caf\u00e9.')).toBe(false);
  });
});
