import { describe, expect, it } from 'vitest';
import { analyzeDocument } from '../../server/src/core/analyze';
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
