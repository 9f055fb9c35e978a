/**
 * Property tests over random Markdown drafts (arbitraries.ts): the analysis never throws, and
 * what it returns is consistent with the text (invariants.ts), after any sequence of edits
 * too; hovers and completions at any position never throw and stay inside the document; the
 * analysis keeps no state between documents; the line-ending style changes no finding.
 *
 * Fixed seeds, so a failure reproduces; fast-check prints the shrunk counterexample and the
 * seed and path to replay it. "Never hangs" is left to the generous per-test timeouts.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { analyzeDocument, CITATION_SCOPES, documentDate, EXTERNAL_REFERENCES, type AnalysisSettings, type DocumentAnalysis } from '../../server/src/core/analyze';
import type { BibliographyInput } from '../../server/src/core/bibliography';
import { CITATION_STYLES } from '../../server/src/core/citations';
import { completionsAt } from '../../server/src/core/completions';
import { hoverAt, referenceAt } from '../../server/src/core/hover';
import { RULES } from '../../server/src/core/rules';
import { RULE_LEVELS } from '../../server/src/core/types';
import { bundledCorpus, REPO_ROOT } from '../helpers';
import { applyEdit, editSequence, markdownDraft } from './arbitraries';
import { analysisProblems, completionProblems, hoverProblems } from './invariants';

const SEED = 20_250_301;
const RUNS = 200;
/** Generous: a run of 200 drafts takes a few seconds; a hang fails here instead of stalling the suite. */
const TIMEOUT = 120_000;

const corpus = bundledCorpus();

const settingsArbitrary: fc.Arbitrary<AnalysisSettings> = fc.record({
  rules: fc.dictionary(fc.constantFrom(...RULES.map((rule) => rule.code)), fc.constantFrom(...RULE_LEVELS), { maxKeys: 4 }),
  citationStyle: fc.constantFrom(...CITATION_STYLES),
  citationScope: fc.constantFrom(...CITATION_SCOPES),
  externalReferences: fc.constantFrom(...EXTERNAL_REFERENCES),
});

const BIBLIOGRAPHY_DIR = path.join(REPO_ROOT, 'tests', 'bibliography');
const bibliographyArbitrary: fc.Arbitrary<BibliographyInput | null> = fc.oneof(
  { weight: 3, arbitrary: fc.constant(null) },
  {
    weight: 2,
    arbitrary: fc.constantFrom(...fs.readdirSync(BIBLIOGRAPHY_DIR).sort()).map((name) => ({ file: path.join('/ws', name), text: fs.readFileSync(path.join(BIBLIOGRAPHY_DIR, name), 'utf8') })),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      file: fc.constantFrom('/ws/refs.bib', '/ws/refs.json', '/ws/refs.txt', '/ws/ÿ 😀.bib'),
      text: fc.oneof(fc.string({ maxLength: 60 }), fc.constantFrom('[]', '[{}]', '[{"id": "x"}]', '@misc{a,\r\n title = {T}\r\n}', '@book{', '{"not": "a list"}', '\uFEFF[]', '[\n]')),
    }),
  },
);

function analyze(text: string, settings?: AnalysisSettings, bibliography: BibliographyInput | null = null): DocumentAnalysis {
  return analyzeDocument(text, corpus, settings, { bibliography });
}

function assertConsistent(text: string, analysis: DocumentAnalysis, bibliography: BibliographyInput | null = null): void {
  const problems = analysisProblems(text, analysis, bibliography);
  if (problems.length > 0) throw new Error(`${problems.length} problem(s):\n${problems.slice(0, 20).join('\n')}`);
}

describe('analysis of random drafts', () => {
  it(
    'never throws, and every offset, range, reference text, ordering and fix is consistent with the text',
    () => {
      fc.assert(
        fc.property(markdownDraft(), settingsArbitrary, bibliographyArbitrary, (text, settings, bibliography) => {
          assertConsistent(text, analyze(text, settings, bibliography), bibliography);
        }),
        { seed: SEED, numRuns: RUNS },
      );
    },
    TIMEOUT,
  );

  it(
    'stays consistent after every edit of a random edit sequence',
    () => {
      fc.assert(
        fc.property(markdownDraft({ maxBlocks: 5 }), editSequence({ maxEdits: 8 }), (initial, edits) => {
          let text = initial;
          assertConsistent(text, analyze(text));
          for (const edit of edits) {
            text = applyEdit(text, edit);
            assertConsistent(text, analyze(text));
          }
        }),
        { seed: SEED + 1, numRuns: 150 },
      );
    },
    TIMEOUT,
  );
});

describe('hovers and completions at random positions', () => {
  it(
    'never throw, and answer about the reference under the position with edits inside the document',
    () => {
      fc.assert(
        fc.property(markdownDraft(), fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 1, maxLength: 12 }), fc.constantFrom(...CITATION_STYLES), (text, fractions, style) => {
          const analysis = analyze(text);
          const asOf = documentDate(analysis);
          // Every reference's first and last character, and random offsets, the end of the text included.
          const offsets = [
            0,
            text.length,
            ...fractions.map((fraction) => Math.round(fraction * text.length)),
            ...analysis.references.flatMap((reference) => [reference.start, reference.end - 1, reference.end]),
          ];
          const problems: string[] = [];
          for (const offset of offsets) {
            const hover = hoverAt(analysis, corpus, offset, { asOf, style });
            problems.push(...hoverProblems(analysis, offset, hover));
            const reference = referenceAt(analysis, offset);
            if (reference && !(reference.start <= offset && offset < reference.end)) problems.push(`referenceAt(${offset}) returned ${reference.start}..${reference.end}`);
            problems.push(...completionProblems(text, offset, completionsAt(analysis, corpus, offset, { asOf, style })));
          }
          if (problems.length > 0) throw new Error(problems.slice(0, 20).join('\n'));
        }),
        { seed: SEED + 2, numRuns: RUNS },
      );
    },
    TIMEOUT,
  );

  it(
    'never throw right after the trigger characters, typed at random positions',
    () => {
      const triggers = fc.constantFrom('[^', '[@', '[see @', 'Article ', 'Articles ', 'Art. ', 'paragraph ', 'OP ', 'Resolution ', 'UNSCR ', 'S/RES/', 'Kim ', 'Vladimir P', 'Ser');
      fc.assert(
        fc.property(markdownDraft({ maxBlocks: 5 }), fc.double({ min: 0, max: 1, noNaN: true }), triggers, bibliographyArbitrary, (draft, fraction, trigger, bibliography) => {
          const at = Math.round(fraction * draft.length);
          const text = draft.slice(0, at) + trigger + draft.slice(at);
          const offset = at + trigger.length;
          const analysis = analyze(text, undefined, bibliography);
          const problems = completionProblems(text, offset, completionsAt(analysis, corpus, offset, { asOf: documentDate(analysis), style: 'un' }));
          if (problems.length > 0) throw new Error(problems.join('\n'));
        }),
        { seed: SEED + 3, numRuns: RUNS },
      );
    },
    TIMEOUT,
  );
});

describe('analysis is a function of the text', () => {
  it(
    'gives the same result for the same text, whatever was analysed before',
    () => {
      fc.assert(
        fc.property(markdownDraft(), markdownDraft(), (first, other) => {
          const before = analyze(first);
          analyze(other);
          const after = analyze(first);
          expect(after.references).toEqual(before.references);
          expect(after.diagnostics).toEqual(before.diagnostics);
        }),
        { seed: SEED + 4, numRuns: 100 },
      );
    },
    TIMEOUT,
  );

  it(
    'finds the same things at the same lines and columns whether lines end with \\n, \\r\\n or \\r',
    () => {
      // What is compared: each reference's kind, id and range, and each diagnostic's code,
      // severity, range and message (line breaks in messages unified). Fix edits are not
      // compared: they rightly insert the document's own line break.
      const summary = (analysis: DocumentAnalysis) => ({
        references: analysis.references.map((reference) => `${reference.kind} ${reference.id} ${JSON.stringify(reference.range)} ${reference.resolvedBy}`),
        diagnostics: analysis.diagnostics.map((finding) => `${finding.code} ${finding.severity} ${JSON.stringify(finding.range)} ${finding.message.replace(/\r\n?/g, '\n')}`),
      });
      fc.assert(
        fc.property(markdownDraft(), (draft) => {
          const lf = draft.replace(/\r\n?/g, '\n');
          const expected = summary(analyze(lf));
          expect(summary(analyze(lf.replace(/\n/g, '\r\n'))), 'CRLF').toEqual(expected);
          expect(summary(analyze(lf.replace(/\n/g, '\r'))), 'CR').toEqual(expected);
        }),
        { seed: SEED + 5, numRuns: 120 },
      );
    },
    TIMEOUT,
  );

  it(
    'fixes insert the document\'s own line breaks, and the same text whatever the line-ending style',
    () => {
      // Diagnostics are paired by code and range (the property above covers those that differ).
      const fixTexts = (analysis: DocumentAnalysis, eol: string): Map<string, string[]> =>
        new Map(analysis.diagnostics.map((finding) => [`${finding.code} ${JSON.stringify(finding.range)}`, finding.fixes.map((fix) => fix.edits.map((edit) => edit.newText.split(eol).join('\n')).join('|'))]));
      fc.assert(
        fc.property(markdownDraft(), (draft) => {
          const lf = draft.replace(/\r\n?/g, '\n');
          const expected = fixTexts(analyze(lf), '\n');
          for (const eol of ['\r\n', '\r']) {
            const analysis = analyze(lf.replace(/\n/g, eol));
            for (const finding of analysis.diagnostics) {
              for (const fix of finding.fixes) {
                for (const edit of fix.edits) {
                  expect(edit.newText.split(eol).join(''), `${JSON.stringify(eol)} ${finding.code} fix "${fix.title}" inserts ${JSON.stringify(edit.newText)}`).not.toMatch(/[\r\n]/);
                }
              }
            }
            for (const [key, texts] of fixTexts(analysis, eol)) {
              if (expected.has(key)) expect(texts, `${JSON.stringify(eol)} ${key}`).toEqual(expected.get(key));
            }
          }
        }),
        { seed: SEED + 6, numRuns: 120 },
      );
    },
    TIMEOUT,
  );

  it('a lone \\r ends a line for the sentence rules as \\n does (the smallest case of the property above)', () => {
    const codes = (text: string): string[] => analyze(text).diagnostics.map((finding) => `${finding.code} ${finding.range.start.line}:${finding.range.start.character}`);
    const lf = 'Resolution 1718 was adopted.\nIt was signed in 2006 by Putin.\n';
    expect(codes(lf)).toEqual(['uncited-reference 0:0', 'uncited-claim 1:3']);
    expect(codes(lf.replace(/\n/g, '\r'))).toEqual(codes(lf));
  });
});
