import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { analyzeDocument } from '../../server/src/core/analyze';
import { chunkStarts } from '../../server/src/core/chunks';
import { SourceDocument } from '../../server/src/core/document';
import { readFrontMatter } from '../../server/src/core/markdown';
import { readSuppressions } from '../../server/src/core/suppressions';
import { bundledCorpus, fixtureSettings } from '../helpers';

// The sourcing rules would flag these uncited test sentences too: only year-mismatch is watched here.
const codesByLine = (text: string): Array<[number, string]> =>
  analyzeDocument(text, bundledCorpus(), fixtureSettings('suppressions'))
    .diagnostics.filter((diagnostic) => diagnostic.code === 'year-mismatch')
    .map((diagnostic) => [diagnostic.range.start.line, diagnostic.code]);

describe('suppression comments', () => {
  const wrong = 'See resolution 1718 (2009).';

  it('disable-next-line silences the next line only, for all codes or the codes named', () => {
    expect(codesByLine(['<!-- lexicite-disable-next-line -->', wrong, wrong].join('\n'))).toEqual([[2, 'year-mismatch']]);
    expect(codesByLine(['<!-- lexicite-disable-next-line year-mismatch -->', wrong].join('\n'))).toEqual([]);
    expect(codesByLine(['<!-- lexicite-disable-next-line unused-footnote, other-code -->', wrong].join('\n'))).toEqual([[1, 'year-mismatch']]);
  });

  it('disable and enable switch codes off and on again', () => {
    const text = [wrong, '<!-- lexicite-disable year-mismatch -->', wrong, wrong, '<!-- lexicite-enable -->', wrong].join('\n');
    expect(codesByLine(text)).toEqual([
      [0, 'year-mismatch'],
      [5, 'year-mismatch'],
    ]);
    expect(codesByLine(['<!-- lexicite-disable -->', wrong, '<!-- lexicite-enable year-mismatch -->', wrong].join('\n'))).toEqual([[3, 'year-mismatch']]);
  });

  it('lexicite: false in the front matter turns every diagnostic off, but references are still recognized', () => {
    const text = ['---', 'lexicite: false', '---', wrong].join('\n');
    expect(codesByLine(text)).toEqual([]);
    expect(analyzeDocument(text, bundledCorpus()).references.map((reference) => reference.id)).toEqual(['unscr-1718']);
  });

  it('works with CRLF line endings', () => {
    expect(codesByLine(['<!-- lexicite-disable-next-line -->', wrong, wrong].join('\r\n'))).toEqual([[2, 'year-mismatch']]);
  });
});

describe('suppression comments read chunk by chunk', () => {
  // The analysis reads the comments in the chunks that hold "lexicite-", so that an editor's
  // version of a long draft is not joined; a comment that runs past its chunk is read in the
  // whole text. Both must give what reading the whole text gives.
  const piece = fc.constantFrom(
    '<!-- lexicite-disable-next-line year-mismatch -->',
    '<!-- lexicite-disable -->',
    '<!-- lexicite-enable year-mismatch, other -->',
    '<!-- lexicite-disable year-mismatch',
    'still inside -->',
    '<!--lexicite-enable-->',
    '> not a close',
    'See resolution 1718 (2009).',
    '```',
    '---',
    'lexicite: false',
  );
  const separator = fc.constantFrom('\n', '\n\n', ' ', '\r\n\r\n');
  const text = fc.array(fc.tuple(piece, separator), { minLength: 1, maxLength: 25 }).map((parts) => parts.map(([one, sep]) => one + sep).join(''));

  it('finds what reading the whole text finds', () => {
    fc.assert(
      fc.property(text, (draft) => {
        const document = new SourceDocument(draft);
        const frontMatter = readFrontMatter(draft);
        const starts = [...chunkStarts(draft), draft.length];
        const stretches = starts.slice(0, -1).map((start, index) => ({ start, text: draft.slice(start, starts[index + 1]) })).filter(({ text: chunk }) => chunk.includes('lexicite-'));
        const whole = readSuppressions(document, frontMatter);
        const chunked = readSuppressions(document, frontMatter, stretches);
        for (let line = 0; line <= document.lineCount; line++) {
          for (const code of ['year-mismatch', 'other', 'uncited-claim']) expect(chunked.isSuppressed(code, line)).toBe(whole.isSuppressed(code, line));
        }
      }),
      { seed: 20261210, numRuns: 500 },
    );
  });
});
