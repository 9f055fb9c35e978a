import { describe, expect, it } from 'vitest';
import { analyzeDocument } from '../../server/src/core/analyze';
import { completionsAt } from '../../server/src/core/completions';
import { bundledCorpus } from '../helpers';

const OPTIONS = { asOf: '2025-03-01', style: 'un' as const };

function complete(textWithCursor: string) {
  const offset = textWithCursor.indexOf('$0');
  const text = textWithCursor.replace('$0', '');
  const corpus = bundledCorpus();
  return { text, offset, result: completionsAt(analyzeDocument(text, corpus), corpus, offset, OPTIONS) };
}

describe('completions', () => {
  it('after "Article " offers the articles of the instrument in context, with titles and a text preview', () => {
    const { result } = complete('Under ARSIWA, Article $0');
    expect(result?.items).toHaveLength(59);
    const sixteen = result?.items.find((item) => item.label === '16');
    expect(sixteen?.detail).toBe('Article 16 — Aid or assistance in the commission of an internationally wrongful act · ILC Articles on State Responsibility (2001)');
    expect(sixteen?.documentation).toMatch(/^A State which aids or assists another State/);
  });

  it('offers nothing after "Article " with no instrument before it', () => {
    expect(complete('Article $0').result).toBeNull();
  });

  it('after "Resolution " offers the resolutions with their dates, inserting the year', () => {
    const { result } = complete('See Resolution 17$0');
    expect(result?.replaceStart).toBe('See Resolution '.length);
    const item = result?.items.find((candidate) => candidate.label === '1718');
    expect(item).toMatchObject({ detail: 'S/RES/1718 (2006), adopted 14 October 2006', insertText: '1718 (2006)' });
  });

  it('after "paragraph " with a resolution before it offers its paragraphs', () => {
    const { result } = complete('Resolution 1718 matters, in particular paragraph $0');
    expect(result?.items.map((item) => item.label).slice(0, 3)).toEqual(['1', '2', '3']);
    expect(result?.items.some((item) => item.label === '8(d)')).toBe(true);
  });

  it('after "[^" offers a footnote for each reference of the sentence, adding its definition at the end', () => {
    const { text, result } = complete('# Draft\n\nThe ban comes from paragraph 8(d) of resolution 1718.[^$0\n');
    const [item] = result?.items ?? [];
    expect(item).toMatchObject({ label: 'unscr-1718-op-8d', insertText: 'unscr-1718-op-8d]' });
    expect(item?.additionalEdits).toEqual([{ start: text.length, end: text.length, newText: '\n[^unscr-1718-op-8d]: Security Council resolution 1718 (2006), S/RES/1718 (2006), para. 8 (d).\n' }]);
  });

  it('reuses an existing footnote for the same source', () => {
    const { result } = complete('Resolution 1718 matters.[^$0]\n\n[^ban]: Security Council resolution 1718 (2006), S/RES/1718 (2006).\n');
    expect(result?.items[0]).toMatchObject({ label: 'ban', insertText: 'ban', additionalEdits: [] });
  });

  it('completes officials by name with the title held at the document date', () => {
    const { result } = complete('Talks between Sergei La$0');
    expect(result?.items.map((item) => item.label)).toEqual(['Sergei Lavrov']);
    expect(result?.replaceStart).toBe('Talks between '.length);
    const putin = complete('A statement by Vlad$0').result?.items[0];
    expect(putin).toMatchObject({ label: 'Vladimir Putin', detail: 'President of Russia (on 1 March 2025)' });
  });
});
