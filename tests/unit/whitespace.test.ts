/** isWhiteSpace (core/whitespace.ts) is the set `\s` matches and `trim()` removes, for every UTF-16 code unit. */
import { describe, expect, it } from 'vitest';
import { isWhiteSpace } from '../../server/src/core/whitespace';

describe('isWhiteSpace', () => {
  it('agrees with \\s and with trim() on every code unit', () => {
    const disagreements: number[] = [];
    for (let code = 0; code <= 0xffff; code++) {
      const char = String.fromCharCode(code);
      const expected = /\s/.test(char);
      if (isWhiteSpace(code) !== expected || (char.trim() === '') !== expected) disagreements.push(code);
    }
    expect(disagreements).toEqual([]);
  });
});
