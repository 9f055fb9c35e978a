/**
 * The recognizer's scanning expressions run with their leading lookbehind (BEFORE: no letter,
 * digit, "_", "/", "." or "-" right before) tested in code on each match (patterns.ts
 * `BoundedScan`): they find exactly what `matchAll` of the full expression finds.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ANAPHOR_SCAN, ARTICLE_SCAN, CHAPTER_SCAN, PARAGRAPH_SCAN, RESOLUTION_SCAN, YEAR_TREATY_SCAN, YEARS_TREATIES_SCAN, type BoundedScan } from '../../server/src/core/recognize/patterns';

const SCANS: Record<string, BoundedScan> = {
  RESOLUTION_SCAN,
  PARAGRAPH_SCAN,
  ARTICLE_SCAN,
  CHAPTER_SCAN,
  ANAPHOR_SCAN,
  YEAR_TREATY_SCAN,
  YEARS_TREATIES_SCAN,
};

/** Pieces of references, and what may stand right before one. */
const piece = fc.constantFrom(
  'resolution 1718', 'Resolution 2397 (2017)', 'RESOLUTION 82', 'Security Council resolution 2231', 'UN Security Council Resolution 1695', 'UNSCR 2270', 'S/RES/1874', 'Res. 2094',
  'resolutions 1718, 1874 and 2087', 'paragraph 8(d)', 'OP 8', 'operative paragraph 12', 'paras. 3', 'Article 4', 'Art. 51', 'articles 10 to 12', 'ARTICLE VI', 'Chapter VII', 'chapter 7',
  'the treaty', 'This Convention', 'THE CHARTER', 'that resolution', 'the 2024 treaty', '1961 Treaty', '1961 and 2000 treaties', 'No. 5', '(2006)', ' ', '\u00a0', '\n',
);
const before = fc.constantFrom('', ' ', 'x', 'X', '9', '_', '/', '.', '-', '\u2013', '(', '"', '\u00e9', '\u0345', '\u017f', '\u212a', '\ud835\udc00', '\ud835', '\udc00', '\u0660', '\u00b2', 'K', 'ß');
const text = fc.array(fc.tuple(before, piece), { maxLength: 25 }).map((pairs) => pairs.map(([first, second]) => first + second).join(''));

function viaMatchAll(scan: BoundedScan, written: string): unknown[] {
  return [...written.matchAll(scan.pattern)].map((match) => [match.index, match[0], { ...match.groups }]);
}

function viaScan(scan: BoundedScan, written: string): unknown[] {
  return scan.matches(written).map((match) => [match.index, match[0], { ...match.groups }]);
}

describe('bounded scans', () => {
  it('find what the full expressions find', () => {
    fc.assert(
      fc.property(text, (written) => {
        for (const [name, scan] of Object.entries(SCANS)) expect(viaScan(scan, written), name).toEqual(viaMatchAll(scan, written));
      }),
      { seed: 2718, numRuns: 2000 },
    );
  });

  it('follow the lookbehind beyond ASCII: letters, digits, a combining mark that folds to a letter, surrogate pairs', () => {
    // U+0345 folds to a Greek letter, so the case-insensitive expression (RESOLUTION_SCAN) treats it as one.
    for (const prefix of ['\u0345', '\u00e9', '\u0660', '\ud835\udc00', '\ud835', '\udc00', '\u2013', '\u00b2']) {
      const written = `${prefix}resolution 1718 and ${prefix}Article 4 of ${prefix}the treaty`;
      for (const [name, scan] of Object.entries(SCANS)) expect(viaScan(scan, written), `${name} after U+${prefix.codePointAt(0)?.toString(16)}`).toEqual(viaMatchAll(scan, written));
    }
    expect(RESOLUTION_SCAN.matches('\u0345resolution 1718')).toHaveLength([...'\u0345resolution 1718'.matchAll(RESOLUTION_SCAN.pattern)].length);
  });

  it('can be used again and again on different texts', () => {
    expect(RESOLUTION_SCAN.matches('resolution 1718 and xresolution 1874').map((match) => match.index)).toEqual([0]);
    expect(RESOLUTION_SCAN.matches('see resolution 2397').map((match) => match.index)).toEqual([4]);
    expect(RESOLUTION_SCAN.matches('')).toEqual([]);
  });
});
