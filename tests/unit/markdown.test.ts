import { describe, expect, it } from 'vitest';
import { SourceDocument } from '../../server/src/core/document';
import { prepareScan } from '../../server/src/core/markdown';

function scan(text: string) {
  return prepareScan(new SourceDocument(text));
}

describe('Markdown scan', () => {
  it('keeps the masked text the same length, with line breaks where they were', () => {
    const text = '---\r\ndate: 2025-01-02\r\n---\r\nText `code` [a](https://x.org/1718) end\r\n';
    const result = scan(text);
    expect(result.masked).toHaveLength(text.length);
    expect([...result.masked].map((char, index) => (char === '\r' || char === '\n' ? index : -1)).filter((i) => i >= 0)).toEqual(
      [...text].map((char, index) => (char === '\r' || char === '\n' ? index : -1)).filter((i) => i >= 0),
    );
    expect(result.masked).not.toContain('code');
    expect(result.masked).not.toContain('1718');
    expect(result.masked).toContain('[a]');
  });

  it('reads the front matter date', () => {
    expect(scan('---\ntitle: x\ndate: "2024-06-19"\n---\nBody\n').frontMatter).toEqual({ span: { start: 0, end: 36 }, date: '2024-06-19', bibliography: [] });
    expect(scan('No front matter\n---\n').frontMatter).toEqual({ span: null, date: null, bibliography: [] });
    expect(scan('---\nunclosed: true\n').frontMatter).toEqual({ span: null, date: null, bibliography: [] });
  });

  it('blanks code, HTML, autolinks and bare URLs, and marks footnote definitions as citations', () => {
    const text = ['Prose one.', '', '```', 'fenced', '```', '', '<div>', 'html', '</div>', '', 'See <https://a.org/x> and www.b.org/y.', '', '[^1]: In a note.', ''].join('\n');
    const result = scan(text);
    expect(result.masked).not.toMatch(/fenced|html|a\.org|b\.org/);
    expect(result.masked).toContain('Prose one.');
    const [citation] = result.citationSpans;
    expect(citation && text.slice(citation.start, citation.end)).toBe('[^1]: In a note.\n');
  });

  it('leaves unmatched backticks as text', () => {
    expect(scan('A ``lonely` tick').masked).toBe('A ``lonely` tick');
  });
});
