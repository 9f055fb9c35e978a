/**
 * nameKey keeps the keys of the names it met lately (patterns.ts): what it returns is what
 * working the key out gives, for new names, names met again, slices of longer texts, and after
 * the kept keys were cleared.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { nameKey } from '../../server/src/core/recognize/patterns';
import { detachedCopy } from '../../server/src/core/text';

/** The key worked out, as the recognizer defines it. */
function workedOut(text: string): string {
  return text
    .normalize('NFC')
    .toLowerCase()
    .replace(/[\u2018\u2019\u02bc]/g, "'")
    .replace(/[\s\u00a0\-\u2010-\u2015]+/g, ' ')
    .trim();
}

const written = fc.array(fc.constantFrom('Kim', 'Jong', 'Un', 'Rome', 'Statute', 'E\u0301', '\u00c9', ' ', '\u00a0', '-', '\u2013', '\u2019', "'", 'NPT', '\n', 'ß', 'İ'), { maxLength: 8 }).map((parts) => parts.join(''));

describe('nameKey', () => {
  it('gives the worked-out key for names new and met again, whole or sliced', () => {
    fc.assert(
      fc.property(written, fc.string({ maxLength: 6 }), (name, around) => {
        expect(nameKey(name)).toBe(workedOut(name));
        expect(nameKey(name)).toBe(workedOut(name));
        const text = `${around}${name}${around}`;
        expect(nameKey(text.slice(around.length, around.length + name.length))).toBe(workedOut(name));
      }),
      { seed: 31, numRuns: 2000 },
    );
  });

  it('stays right past the number of keys it keeps', () => {
    for (let index = 0; index < 45_000; index++) {
      const name = `Name ${index}\u2013X`;
      expect(nameKey(name)).toBe(`name ${index} x`);
    }
    expect(nameKey('Kim\u00a0Jong-Un')).toBe('kim jong un');
  });

  it('a detached copy reads as the text it copies', () => {
    const long = 'The Treaty on Comprehensive Strategic Partnership, signed in Pyongyang';
    const slice = long.slice(4, 50);
    expect(detachedCopy(slice)).toBe(slice);
    expect(detachedCopy('')).toBe('');
  });
});
