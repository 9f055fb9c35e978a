/**
 * ASCII character classes read by character code, for loops that read a text without slicing
 * it or running a pattern (white space: whitespace.ts).
 */

/** A-Z or a-z. */
export function isAsciiLetter(code: number): boolean {
  return (code >= 0x41 && code <= 0x5a) || (code >= 0x61 && code <= 0x7a);
}

/** a-z: what `[a-z]` matches without the `i` flag. */
export function isAsciiLowerLetter(code: number): boolean {
  return code >= 0x61 && code <= 0x7a;
}

/** 0-9: what `\d` matches, with or without the `u` flag. */
export function isAsciiDigit(code: number): boolean {
  return code >= 0x30 && code <= 0x39;
}
