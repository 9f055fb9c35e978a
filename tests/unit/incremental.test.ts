/**
 * Incremental analysis equals a full analysis. A DocumentAnalyzer that has analysed earlier
 * versions of a draft re-uses what it worked out for unchanged chunks; whatever edits led to
 * a text, its result must be exactly that of a fresh analysis of the text. fast-check builds
 * drafts from pieces chosen to move chunk boundaries (blank lines, fences, HTML blocks and
 * comments that open and close, indented continuations, footnotes, front matter) and to make
 * the context matter (an anaphor's antecedent in another chunk), then edits them at random.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { analyzeDocument, DEFAULT_SETTINGS, DocumentAnalyzer, mergeChange, type DocumentAnalysis, type TextChange } from '../../server/src/core/analyze';
import { chunkStarts } from '../../server/src/core/chunks';
import { SourceDocument } from '../../server/src/core/document';
import { parseInputOf, prepareScan, readFrontMatter, scanChunk, type ScannableText } from '../../server/src/core/markdown';
import { bundledCorpus } from '../helpers';

const PIECES = [
  'The 2024 treaty binds both parties.',
  'Article 4 of the treaty requires assistance.',
  'Under the treaty, Article 10 and articles 18 to 20 apply.',
  'Resolution 1718 (2006) bans arms transfers. That resolution was extended',
  'paragraph 8(d) of resolution 1718',
  'UNSCR 2397 (2016) capped refined petroleum.',
  'Article 16 of the ILC Articles on State Responsibility',
  'President Vladimir Putin met Kim Jong Un; Putin said so.',
  'Foreign Minister Sergei Lavrov visited in 2023.',
  'Analysts say the deliveries grew.',
  'It was signed on 19 June 2024.[^1]',
  '[^1]: Treaty text, art. 4.',
  '[^2]: Unused note.',
  'See [the text](https://example.org/treaty) and [ref].',
  '[ref]: https://example.org/ref',
  '```',
  '~~~~',
  '<!--',
  '-->',
  '<div>',
  '</div>',
  '<pre>',
  '</pre>',
  '# Heading on Article 4',
  '> Quoted Article 4 of the 2000 treaty.',
  '- item citing resolution 2270',
  '    indented code Article 9',
  '  continuation line with the Convention',
  '| Article | Note |\n|---|---|\n| Article 4 | ok |',
  '<!-- lexicite-disable-next-line uncited-claim -->',
  '---\ndate: 2024-07-01\n---',
  '\u00e9\u0301 \ud83d\ude00 \ud800 text',
];

const piece = fc.constantFrom(...PIECES);
const separator = fc.constantFrom('\n', '\n\n', '\n\n\n', ' ', '\r\n\r\n', '\n  \n', '\n\t\n');
const draft = fc.array(fc.tuple(piece, separator), { minLength: 1, maxLength: 30 }).map((parts) => parts.map(([text, sep]) => text + sep).join(''));
const edit = fc.record({
  at: fc.double({ min: 0, max: 1, noNaN: true }),
  remove: fc.nat({ max: 40 }),
  insert: fc.oneof(piece, separator, fc.constantFrom('', 'x', '\n', '`', '<', '>', '-', '[^1]', 'treaty', '2024'), fc.string({ maxLength: 6 })),
});

function applyEdit(text: string, change: { at: number; remove: number; insert: string }): string {
  const start = Math.floor(change.at * text.length);
  return text.slice(0, start) + change.insert + text.slice(Math.min(text.length, start + change.remove));
}

/** Everything an analysis reports, fixes included, as plain data. */
function snapshot(analysis: DocumentAnalysis): unknown {
  return {
    references: analysis.references,
    diagnostics: analysis.diagnostics.map((finding) => ({ ...finding, fixes: finding.fixes })),
    headings: analysis.headings,
    footnoteDefinitions: analysis.footnoteDefinitions,
    frontMatter: analysis.frontMatter,
  };
}

/** A joined scan as a whole-text scan reads, its footnote labels checked against its footnotes. */
function sameScan(chunked: ScannableText): unknown {
  expect(chunked.footnoteLabels.defined).toEqual(new Set(chunked.footnoteDefinitions.map((definition) => definition.label)));
  expect(chunked.footnoteLabels.referenced).toEqual(new Set(chunked.footnoteReferences.map((reference) => reference.label)));
  return { ...chunked, masked: chunked.masked, frontMatter: undefined, footnoteChunks: undefined, footnoteLabels: undefined };
}

describe('incremental analysis', () => {
  const corpus = bundledCorpus();

  it('equals a full analysis after every edit of random drafts', () => {
    fc.assert(
      fc.property(draft, fc.array(edit, { minLength: 1, maxLength: 12 }), (initial, edits) => {
        const analyzer = new DocumentAnalyzer();
        let text = initial;
        analyzer.analyze(text, corpus);
        for (const change of edits) {
          text = applyEdit(text, change);
          expect(snapshot(analyzer.analyze(text, corpus))).toEqual(snapshot(analyzeDocument(text, corpus)));
        }
      }),
      { seed: 20261123, numRuns: 250 },
    );
  }, 120_000);

  it('equals a full analysis when told where the text changed, after one or several edits', () => {
    fc.assert(
      fc.property(draft, fc.array(fc.array(edit, { minLength: 1, maxLength: 3 }), { minLength: 1, maxLength: 8 }), (initial, batches) => {
        const analyzer = new DocumentAnalyzer();
        let text = initial;
        analyzer.analyze(text, corpus);
        for (const batch of batches) {
          let changed: TextChange | null = null;
          for (const change of batch) {
            const start = Math.floor(change.at * text.length);
            changed = mergeChange(changed, start, Math.min(text.length, start + change.remove), change.insert.length);
            text = applyEdit(text, change);
          }
          const told = analyzer.analyze(text, corpus, DEFAULT_SETTINGS, { changed });
          const fresh = analyzeDocument(text, corpus);
          expect(snapshot(told)).toEqual(snapshot(fresh));
          expect(told.document.lineCount).toBe(fresh.document.lineCount);
          for (let offset = 0; offset <= text.length; offset += 7) expect(told.document.positionAt(offset)).toEqual(fresh.document.positionAt(offset));
        }
      }),
      { seed: 20261205, numRuns: 250 },
    );
  }, 120_000);

  it('knows where a run of edits changed the text: the rest is the text before them, shifted', () => {
    fc.assert(
      fc.property(draft, fc.array(edit, { minLength: 1, maxLength: 6 }), (initial, edits) => {
        let text = initial;
        let changed: TextChange | null = null;
        for (const change of edits) {
          const start = Math.floor(change.at * text.length);
          changed = mergeChange(changed, start, Math.min(text.length, start + change.remove), change.insert.length);
          text = applyEdit(text, change);
        }
        const region = changed as TextChange;
        const delta = text.length - initial.length;
        expect(region.start).toBeGreaterThanOrEqual(0);
        expect(region.end).toBeLessThanOrEqual(text.length);
        expect(text.slice(0, region.start)).toBe(initial.slice(0, region.start));
        expect(text.slice(region.end)).toBe(initial.slice(region.end - delta));
      }),
      { seed: 20261206, numRuns: 500 },
    );
  });

  it('re-uses the chunks an edit did not touch', () => {
    const paragraphs = Array.from({ length: 50 }, (_, index) => `Paragraph ${index} cites Article ${index + 1} of the 2024 treaty.`);
    const text = paragraphs.join('\n\n');
    expect(chunkStarts(text)).toHaveLength(50);
    const analyzer = new DocumentAnalyzer();
    const first = analyzer.analyze(text, corpus);
    const edited = text.replace('Paragraph 25 cites', 'Paragraph 25 also cites');
    const second = analyzer.analyze(edited, corpus);
    expect(snapshot(second)).toEqual(snapshot(analyzeDocument(edited, corpus)));
    expect(second.references).toHaveLength(first.references.length);
    // The cache holds this version's chunks only: 49 kept, 1 new.
    const cache = (analyzer as unknown as { cache: Map<string, unknown> }).cache;
    expect(cache.size).toBe(50);
  });

  it('keeps an unclosed fence open across blank lines, as a full parse does', () => {
    const text = 'Intro cites Article 4 of the 2024 treaty.\n\n```\ncode\n\nArticle 5 of the 2024 treaty\n\n```\n\nArticle 6 of the 2024 treaty.\n';
    const ids = analyzeDocument(text, corpus).references.map((reference) => reference.id);
    expect(ids).toEqual(['rus-dprk-2024/art-4', 'rus-dprk-2024/art-6']);
  });

  it('scans chunk by chunk exactly as markdown-it parses the whole draft', () => {
    fc.assert(
      fc.property(draft, fc.array(edit, { maxLength: 4 }), (initial, edits) => {
        const text = edits.reduce(applyEdit, initial);
        const frontMatter = readFrontMatter(text);
        const whole = scanChunk(parseInputOf(text, frontMatter));
        const chunked = prepareScan(new SourceDocument(text));
        expect(sameScan(chunked)).toEqual({ ...whole, openAtEnd: undefined, frontMatter: undefined });
      }),
      { seed: 20261124, numRuns: 400 },
    );
  }, 120_000);
});

describe('front matter', () => {
  // Front matter is blanked chunk by chunk (no blanked copy of the whole text is made): the
  // chunks and their scans must be those of the blanked text, whatever follows the front matter.
  const frontMatter = fc.constantFrom(
    '---\ntitle: A\n\ndate: 2024-07-01\n---\n',
    '---\ntitle: B\n---\n\n',
    '---\r\ndate: 2024-07-01\r\n\r\n---\r\n',
    '---\nx: 1\n...\n',
    '---\ny: 2\n---   \n',
    '---\n\n\n---\n  indented after\n',
  );

  it('is blanked in the chunks as in the whole text', () => {
    fc.assert(
      fc.property(frontMatter, draft, (head, body) => {
        const text = head + body;
        const matter = readFrontMatter(text);
        expect(matter.span).not.toBeNull();
        const whole = scanChunk(parseInputOf(text, matter));
        const chunked = prepareScan(new SourceDocument(text));
        expect(sameScan(chunked)).toEqual({ ...whole, openAtEnd: undefined, frontMatter: undefined });
      }),
      { seed: 20261204, numRuns: 300 },
    );
  }, 120_000);

  it('keeps an analysis told of an edit after it equal to a fresh one', () => {
    const corpus = bundledCorpus();
    const body = 'The panel cites resolution 1718 (2009).\n\nArticle 4 of the treaty is about assistance.\n\nExperts say the transfers went on.\n\n';
    for (const head of ['---\ntitle: A\n\ndate: 2024-07-01\n---\n', '---\ntitle: B\n---\n\n', '---\r\ndate: 2024-07-01\r\n\r\n---\r\n', '---\nx: 1\n...\n']) {
      for (const inserted of ['x', '\n\n', 'Resolution 2231 (2015) ', '```']) {
        const analyzer = new DocumentAnalyzer();
        const text = head + body + body;
        analyzer.analyze(text, corpus);
        const at = text.indexOf('Experts', text.length / 2) + 3;
        const edited = text.slice(0, at) + inserted + text.slice(at);
        const told = analyzer.analyze(edited, corpus, DEFAULT_SETTINGS, { changed: mergeChange(null, at, at, inserted.length) });
        expect(told.frontMatter.span).not.toBeNull();
        expect(snapshot(told)).toEqual(snapshot(analyzeDocument(edited, corpus)));
      }
    }
  });

  it('keeps an analysis told where the text changed equal to a fresh one', () => {
    const corpus = bundledCorpus();
    // Edits mostly in the second half, past the front matter's chunks, where the chunks around them are cut again.
    const later = edit.map((change) => ({ ...change, at: change.at < 0.2 ? change.at : 0.5 + change.at / 2 }));
    fc.assert(
      fc.property(frontMatter, draft, draft, fc.array(later, { minLength: 1, maxLength: 8 }), (head, body, more, edits) => {
        const analyzer = new DocumentAnalyzer();
        let text = head + body + '\n\n' + more;
        analyzer.analyze(text, corpus);
        for (const change of edits) {
          const start = Math.floor(change.at * text.length);
          const changed = mergeChange(null, start, Math.min(text.length, start + change.remove), change.insert.length);
          text = applyEdit(text, change);
          expect(snapshot(analyzer.analyze(text, corpus, DEFAULT_SETTINGS, { changed }))).toEqual(snapshot(analyzeDocument(text, corpus)));
        }
      }),
      { seed: 20261207, numRuns: 200 },
    );
  }, 120_000);
});

describe('chunk starts', () => {
  /** The definition, line by line: a line that follows a blank line and starts with neither a space nor a tab. */
  function reference(text: string): number[] {
    const starts = [0];
    const lines = [...text.matchAll(/[^\r\n]*(?:\r\n|\n|\r|$)/g)].filter((line) => line[0].length > 0);
    lines.forEach((line, index) => {
      const previous = lines[index - 1];
      const blank = (candidate: RegExpMatchArray): boolean => /^[ \t]*(?:\r\n|\n|\r)?$/.test(candidate[0]);
      if (previous && blank(previous) && !blank(line) && !/^[ \t]/.test(line[0]) && line.index > 0) starts.push(line.index);
    });
    return starts;
  }

  it('are the lines after a blank line that start in the first column', () => {
    const pieces = fc.constantFrom('a', ' b', '\tc', '', ' ', '\t', '\n', '\r\n', '\r', '\n\n', '\r\r', 'x\ny');
    fc.assert(
      fc.property(fc.array(pieces, { maxLength: 30 }).map((parts) => parts.join('')), (text) => {
        expect(chunkStarts(text)).toEqual(reference(text));
      }),
      { seed: 7, numRuns: 2000 },
    );
  });

  it('are the same when every line break is \\n alone (the indexOf path)', () => {
    const pieces = fc.constantFrom('a', ' b', '\tc', '', ' ', '\t', '\n', '\n\n', '\n \n', 'x\ny', '# h');
    fc.assert(
      fc.property(fc.array(pieces, { maxLength: 40 }).map((parts) => parts.join('')), (text) => {
        expect(chunkStarts(text)).toEqual(reference(text));
      }),
      { seed: 11, numRuns: 2000 },
    );
  });
});
