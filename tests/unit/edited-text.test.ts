/**
 * A draft's text after an editor's changes, read without joining it (core/text.ts), and the
 * server's document built on it (server/src/lsp/draft-document.ts): after any sequence of
 * random edits each must read exactly as the plain string, and as the library's TextDocument.
 */
import fc from 'fast-check';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, DocumentAnalyzer, analyzeDocument } from '../../server/src/core/analyze';
import { readFrontMatter } from '../../server/src/core/markdown';
import { EditedText, type DraftText } from '../../server/src/core/text';
import { DraftDocument } from '../../server/src/lsp/draft-document';
import { bundledCorpus } from '../helpers';

const text = fc.stringMatching(/^[ab\n\r\u00e9 -]{0,60}$/);
const inserted = fc.oneof(fc.stringMatching(/^[ab\n\r -]{0,8}$/), fc.constant(''), fc.constant('x'.repeat(20_000)));
const edit = fc.record({ at: fc.double({ min: 0, max: 1, noNaN: true }), length: fc.double({ min: 0, max: 1, noNaN: true }), inserted });

function place(length: number, change: { at: number; length: number }): [number, number] {
  const start = Math.floor(change.at * length);
  return [start, start + Math.floor(change.length * (length - start) * 0.3)];
}

/** Everything the analysis reads of a text, at many places. */
function readings(value: DraftText): unknown {
  const length = value.length;
  const points = [-3, 0, 1, 2, Math.floor(length / 3), Math.floor(length / 2), length - 2, length - 1, length, length + 4];
  return {
    length,
    slices: points.flatMap((from) => points.map((to) => value.slice(from, to))),
    open: points.map((from) => value.slice(from)),
    codes: points.map((at) => value.charCodeAt(at)),
    found: points.flatMap((from) => ['\n', '\r\n', 'ab', 'a', 'x'.repeat(3), 'zz', ''].map((search) => value.indexOf(search, from))),
    // From every place (every few in a long text): a match may straddle where an edit began or ended.
    everywhere: Array.from({ length: Math.ceil((length + 1) / Math.max(1, Math.floor(length / 300))) }, (_, index) => index * Math.max(1, Math.floor(length / 300))).flatMap((from) =>
      ['ab', 'ba', '\r\n', ' a', 'b\n'].map((search) => value.indexOf(search, from)),
    ),
    // Last: an edited text joined once reads the joined string from then on.
    whole: value.toString(),
  };
}

describe('an edited text read in stretches', () => {
  it('reads as the string after every edit of random edits', () => {
    fc.assert(
      fc.property(text, fc.array(edit, { minLength: 1, maxLength: 25 }), fc.array(fc.boolean(), { minLength: 25, maxLength: 25 }), (initial, edits, joins) => {
        let plain = initial;
        let edited: DraftText = initial;
        edits.forEach((change, index) => {
          const [start, end] = place(plain.length, change);
          plain = plain.slice(0, start) + change.inserted + plain.slice(end);
          edited = EditedText.edit(edited, start, end, change.inserted);
          // Sometimes a feature reads the whole text: the next edit starts from that.
          if (joins[index]) edited.toString();
          expect(readings(edited)).toEqual(readings(plain));
        });
      }),
      { seed: 20261208, numRuns: 300 },
    );
  });

  it('reads the front matter as the string does, from the start only while it closes early', () => {
    const body = 'Resolution 2231 (2015).\n'.repeat(5000);
    for (const draft of ['---\ndate: 2024-06-19\nbibliography: refs.bib\n---\n' + body, '---\ntitle: never closed\n' + body, body, '---\n' + 'x: y\n'.repeat(20_000) + '---\n' + body]) {
      const edited = EditedText.edit(draft, draft.length - 5, draft.length - 5, 'z');
      const plain = edited.toString();
      expect(readFrontMatter(EditedText.edit(draft, draft.length - 5, draft.length - 5, 'z'))).toEqual(readFrontMatter(plain));
    }
  });

  it('gives the analysis of the joined text when an analyzer is given it and where it changed', () => {
    const corpus = bundledCorpus();
    let plain = ['The 2024 treaty binds both parties.', 'Article 4 of the treaty requires assistance.[^1]', '[^1]: Treaty, art. 4.', 'Resolution 1718 (2006) bans arms transfers.'].join('\n\n');
    let edited: DraftText = plain;
    const analyzer = new DocumentAnalyzer();
    analyzer.analyze(edited, corpus);
    for (const [at, inserted] of [[40, ' reportedly'], [0, '# Title\n\n'], [plain.length, '\n\nArticle 9 of the treaty.'], [12, '']] as const) {
      const start = Math.min(at, plain.length);
      const end = Math.min(plain.length, start + (inserted === '' ? 4 : 0));
      plain = plain.slice(0, start) + inserted + plain.slice(end);
      edited = EditedText.edit(edited, start, end, inserted);
      const told = analyzer.analyze(edited, corpus, DEFAULT_SETTINGS, { changed: { start, end: start + inserted.length } });
      const fresh = analyzeDocument(plain, corpus);
      expect(told.references).toEqual(fresh.references);
      expect(told.diagnostics.map(({ code, message, range }) => ({ code, message, range }))).toEqual(fresh.diagnostics.map(({ code, message, range }) => ({ code, message, range })));
      expect(told.document.text).toBe(plain);
    }
  });
});

describe("the server's document", () => {
  // A line as a share of the document's lines (the library's document miscounts its lines after
  // a range on lines it does not have, which no editor sends), a column as a number: past the
  // line's end too.
  const position = fc.record({ line: fc.double({ min: 0, max: 0.999, noNaN: true }), character: fc.integer({ min: 0, max: 30 }) });
  const change = fc.oneof(
    { weight: 8, arbitrary: fc.record({ start: position, end: position, text: fc.stringMatching(/^[ab\n\r -]{0,8}$/) }) },
    { weight: 1, arbitrary: fc.record({ text }) },
  );
  type Drawn = { start: { line: number; character: number }; end: { line: number; character: number }; text: string } | { text: string };
  const onLines = (drawn: Drawn, lineCount: number) => {
    if (!('start' in drawn)) return { text: drawn.text };
    const at = ({ line, character }: { line: number; character: number }) => ({ line: Math.floor(line * lineCount), character });
    return { range: { start: at(drawn.start), end: at(drawn.end) }, text: drawn.text };
  };

  it("reads as the library's TextDocument after random changes (line breaks of every kind, ranges past a line's end or given end first)", () => {
    fc.assert(
      fc.property(text, fc.array(fc.array(change, { minLength: 1, maxLength: 3 }), { minLength: 1, maxLength: 10 }), (initial, batches) => {
        let library = TextDocument.create('file:///d.md', 'markdown', 1, initial);
        const draft = new DraftDocument('file:///d.md', 'markdown', 1, initial);
        batches.forEach((changes, index) => {
          for (const drawn of changes) {
            const one = onLines(drawn, library.lineCount);
            library = TextDocument.update(library, [one], index + 2);
            draft.apply(one);
          }
          draft.version = index + 2;
          expect(draft.getText()).toBe(library.getText());
          expect(draft.lineCount).toBe(library.lineCount);
          for (let line = -1; line <= library.lineCount + 1; line++) {
            expect(draft.getLineRange(line)).toEqual(library.getLineRange(line));
            expect(draft.getEOLCharacters(line)).toBe(library.getEOLCharacters(line));
            for (const character of [0, 1, 3, 50]) expect(draft.offsetAt({ line, character })).toBe(library.offsetAt({ line, character }));
          }
          for (let offset = -1; offset <= library.getText().length + 1; offset++) expect(draft.positionAt(offset)).toEqual(library.positionAt(offset));
          const range = { start: { line: 0, character: 1 }, end: { line: 2, character: 2 } };
          expect(draft.getText(range)).toBe(library.getText(range));
        });
      }),
      { seed: 20261209, numRuns: 300 },
    );
  });
});
