/**
 * The chunk scan runs markdown-it's inline parse only on blocks that hold "[^" (markdown.ts,
 * inlineWhereFootnoteMarks). The footnotes it reads must be those a stock parse gives: the same
 * markdown-it with the footnote plugin and every block parsed inline.
 */
import fc from 'fast-check';
import MarkdownIt from 'markdown-it';
import markdownItFootnote from 'markdown-it-footnote';
import { describe, expect, it } from 'vitest';
import { SourceDocument } from '../../server/src/core/document';
import { collectFootnotes, recordFootnoteDefinitions } from '../../server/src/core/footnotes';
import { scanChunk } from '../../server/src/core/markdown';

const stock = new MarkdownIt({ html: true, linkify: false }).use(markdownItFootnote).use(recordFootnoteDefinitions).disable('footnote_tail');

function stockFootnotes(text: string, masked: string) {
  const env = {};
  const tokens = stock.parse(text, env);
  const lines = new SourceDocument(text);
  return collectFootnotes(tokens, env, text, masked, (line) => lines.offsetAt({ line, character: 0 }));
}

const piece = fc.constantFrom(
  'Text ', 'word', ' ', '\n', '\n\n', '\r\n', '[^1]', '[^a]', '[^1]: Source one.\n', '[^a]: Note\n    more\n', '\\[^1]', '`[^1]`', '``code``',
  '[link](http://x)', '[^1](http://x)', '[ref][r]', '[r]: http://r\n', '<span>[^1]</span>', '<!-- c -->', '*em*', '**[^1]**', '_x_', '~~s~~',
  '^[inline note]', '# Head [^1]\n', '> quote [^1]\n', '- item [^a]\n', '1. item\n', '| a | b [^1] |\n|---|---|\n| c | d |\n', '```\n[^1]\n```\n',
  '    code [^1]\n', '&amp;', '\\*', '[^', ']', '^', '[', '[^x y]',
);

describe('footnotes in the chunk scan', () => {
  it('are those a stock parse of every block gives', () => {
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 50 }), (parts) => {
        const text = parts.join('');
        const scan = scanChunk(text);
        const expected = stockFootnotes(text, scan.masked);
        expect({ references: scan.footnoteReferences, definitions: scan.footnoteDefinitions }).toEqual(expected);
      }),
      { seed: 4411, numRuns: 3000 },
    );
  });

  it('reads marks in blocks that hold them beside blocks that do not', () => {
    const text = 'A claim.[^1] Another.\n\nNo mark here, *emphasis* and `code`.\n\n| a | b[^2] |\n|---|---|\n\n[^1]: One.\n[^2]: Two.\n';
    const scan = scanChunk(text);
    expect(scan.footnoteReferences.map((reference) => reference.label)).toEqual(['1', '2']);
    expect(scan.footnoteDefinitions.map((definition) => definition.label)).toEqual(['1', '2']);
  });
});
