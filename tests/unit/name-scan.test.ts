/**
 * The fast name scan (patterns.ts `matchFolded`: word starts whose first characters begin a
 * name, then the name pattern there) finds exactly what the plain alternation finds.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { foldCase, matchFolded, matchFoldedAt, patternsFor, type FoldedPattern } from '../../server/src/core/recognize/patterns';
import { bundledCorpus } from '../helpers';

const corpus = bundledCorpus();
const patterns = patternsFor(corpus);
const names = [
  ...corpus.instruments.flatMap((instrument) => [instrument.title, instrument.shortTitle, ...(instrument.aliases ?? [])]),
  ...corpus.officials.flatMap((official) => [official.name, ...(official.variants ?? []), ...Object.values(official.native ?? {})]),
  ...corpus.externals.flatMap((external) => external.names),
];
const separator = fc.constantFrom(' ', '  ', '\n', '\r\n', '\u00a0', '-', '\u2013', '\t', '', "'s ", '’s ', '_', 'x', '9', '\ud83d\ude00', 'é');
/** A name as a writer might type it: its words in any case, with any separators. */
const typedName = fc.tuple(fc.constantFrom(...names), fc.constantFrom('lower', 'upper', 'same'), separator).map(([name, casing, sep]) => {
  const cased = casing === 'lower' ? name.toLowerCase() : casing === 'upper' ? name.toUpperCase() : name;
  return cased.split(/\s+/).join(sep.trim() === '' && sep !== '' ? sep : ' ');
});
const text = fc.array(fc.oneof(typedName, separator, fc.string({ maxLength: 5 })), { maxLength: 40 }).map((parts) => parts.join(''));

function plain(pattern: FoldedPattern, written: string): Array<{ index: number; length: number }> {
  const folded = foldCase(written);
  const source = folded ?? written;
  return [...source.matchAll(folded === null ? pattern.original : pattern.folded)].map((match) => ({ index: match.index, length: match[0].length }));
}

describe('name scan', () => {
  it('finds the same instrument and official names as the full alternation', () => {
    fc.assert(
      fc.property(text, (written) => {
        for (const pattern of [patterns.instrumentNames, patterns.officialNames, patterns.externalNames]) {
          if (!pattern) continue;
          expect(matchFolded(pattern, written, foldCase(written))).toEqual(plain(pattern, written));
        }
      }),
      { seed: 1123, numRuns: 1000 },
    );
  });

  it('finds at any offset what the full alternation finds there, after a word character too', () => {
    fc.assert(
      fc.property(text, (written) => {
        const folded = foldCase(written);
        if (folded === null) return;
        for (const pattern of [patterns.instrumentNames, patterns.officialNames, patterns.externalNames]) {
          if (!pattern) continue;
          const sticky = new RegExp(pattern.folded.source, 'yu');
          for (let at = 0; at < folded.length; at++) {
            sticky.lastIndex = at;
            expect(matchFoldedAt(pattern, folded, at)).toBe(sticky.exec(folded)?.[0].length ?? 0);
          }
        }
      }),
      { seed: 1124, numRuns: 300 },
    );
  });

  it('finds names at the start and end of the text and across a line break', () => {
    const written = 'Kim Jong Un met Sergei\nLavrov; treaty on comprehensive strategic partnership';
    expect(matchFolded(patterns.officialNames as FoldedPattern, written, foldCase(written)).map(({ index, length }) => written.slice(index, index + length))).toEqual([
      'Kim Jong Un',
      'Sergei\nLavrov',
    ]);
    expect(matchFolded(patterns.instrumentNames as FoldedPattern, written, foldCase(written))).toEqual(plain(patterns.instrumentNames as FoldedPattern, written));
  });
});
