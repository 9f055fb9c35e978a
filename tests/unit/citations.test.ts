import { describe, expect, it } from 'vitest';
import { footnoteLabel, formatCitation } from '../../server/src/core/citations';
import type { Instrument } from '../../server/src/core/corpus';
import { bundledCorpus } from '../helpers';

describe('citations in three styles', () => {
  const corpus = bundledCorpus();
  const resolution = corpus.instrument('unscr-1718') as Instrument;
  const treaty = corpus.instrument('rus-dprk-2024') as Instrument;

  it('cite a resolution and its sub-paragraph', () => {
    const paragraph = { number: '8(d)', kind: 'operative-paragraph' };
    expect(formatCitation(resolution, paragraph, 'un')).toBe('Security Council resolution 1718 (2006), S/RES/1718 (2006), para. 8 (d).');
    expect(formatCitation(resolution, paragraph, 'chicago')).toBe('UN Security Council, Resolution 1718 (2006), S/RES/1718 (October 14, 2006), para. 8(d).');
    expect(formatCitation(resolution, paragraph, 'oscola')).toBe('UNSC Res 1718 (14 October 2006) UN Doc S/RES/1718, para 8(d).');
    expect(formatCitation(resolution, null, 'un')).toBe('Security Council resolution 1718 (2006), S/RES/1718 (2006).');
  });

  it('cite a treaty article', () => {
    const article = { number: '4', kind: 'article' };
    const title = "Treaty on Comprehensive Strategic Partnership between the Russian Federation and the Democratic People's Republic of Korea";
    expect(formatCitation(treaty, article, 'un')).toBe(`${title} (signed 19 June 2024), art. 4.`);
    expect(formatCitation(treaty, article, 'chicago')).toBe(`${title}, signed June 19, 2024, art. 4.`);
    expect(formatCitation(treaty, article, 'oscola')).toBe(`${title} (signed 19 June 2024) art 4.`);
  });

  it('make footnote labels from ids', () => {
    expect(footnoteLabel('unscr-1718/op-8d')).toBe('unscr-1718-op-8d');
  });
});
