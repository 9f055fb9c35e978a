/**
 * Adversarial inputs for the analysis core: each must yield a result (no throw) that is
 * consistent with the text (invariants.ts) and sensible for what was written.
 *
 * - Huge and hostile documents (20 MB of realistic paragraphs, a 1 MB line, binary garbage,
 *   unpaired surrogates, 10,000 footnotes, 5,000-level lists, 10,000-level block quotes) run in
 *   a worker thread with a hard deadline (isolated.ts): a hang fails that test instead of
 *   stalling the run. The deadlines are generous: ten times or more what a linear analysis
 *   needs on a slow machine. They are hang guards, not performance budgets (the benchmark
 *   checks those), and the elapsed time is only printed in the failure message.
 * - Pathological lines for every RegExp exported by server/src/core/recognize/patterns.ts (and
 *   the corpus patterns it builds), and for the Markdown-level scans, must do about linear
 *   work: a 4× longer text may say at most 10× as much (quadratic output grows 16×), and
 *   half a megabyte of the line must finish under a hang guard in a worker, as in
 *   tests/unit/recognize-linear.test.ts. No duration is asserted. Pieces that file already
 *   covers are not repeated here.
 */
import { describe, expect, it } from 'vitest';
import { analyzeDocument, type DocumentAnalysis } from '../../server/src/core/analyze';
import { completionsAt } from '../../server/src/core/completions';
import { hoverAt } from '../../server/src/core/hover';
import { patternsFor } from '../../server/src/core/recognize/patterns';
import { bundledCorpus } from '../helpers';
import { pseudoRandomBytes } from './arbitraries';
import { analysisProblems, completionProblems, hoverProblems } from './invariants';
import { analyzeIsolatedOrFail } from './isolated';

const corpus = bundledCorpus();

function counts(values: Iterable<string>): Record<string, number> {
  const result: Record<string, number> = {};
  for (const value of values) result[value] = (result[value] ?? 0) + 1;
  return result;
}

/**
 * What a document of `copies` copies of a self-contained unit must contain, from the
 * analyses of one and two copies: the first copy may differ (nothing mentioned before it),
 * every further copy adds what the second one added.
 */
function expectedForCopies(unit: (index: number) => string, copies: number): { references: Record<string, number>; codes: Record<string, number> } {
  const one = analyzeDocument(unit(0), corpus);
  const two = analyzeDocument(unit(0) + unit(1), corpus);
  const scale = (first: Record<string, number>, both: Record<string, number>): Record<string, number> => {
    const result: Record<string, number> = {};
    for (const key of new Set([...Object.keys(first), ...Object.keys(both)])) {
      const value = (first[key] ?? 0) + (copies - 1) * ((both[key] ?? 0) - (first[key] ?? 0));
      if (value !== 0) result[key] = value;
    }
    return result;
  };
  return {
    references: scale(counts(one.references.map((reference) => reference.id)), counts(two.references.map((reference) => reference.id))),
    codes: scale(counts(one.diagnostics.map((finding) => finding.code)), counts(two.diagnostics.map((finding) => finding.code))),
  };
}

/** A section of a realistic draft; footnote labels are unique per index. */
function realisticSection(index: number): string {
  return [
    `## Section ${index}: the DPRK regime`,
    '',
    'The arms embargo on the Democratic People\'s Republic of Korea rests on a chain of Security Council decisions. ' +
      'Resolution 1718 (2006) created the sanctions committee and the core prohibitions; UNSCR 1874 widened the embargo ' +
      `to nearly all arms after the 2009 nuclear test.[^s${index}-a]`,
    '',
    'Later measures tightened the regime step by step: S/RES/2270 (2016) introduced mandatory inspection of cargo, and ' +
      `UNSC Res. 2397 capped refined petroleum imports.[^s${index}-b] A transfer of artillery shells would breach Security ` +
      `Council resolution 1718 (2009) as well as paragraphs 8(a) to 8(c) of resolution 1718.[^s${index}-b]`,
    '',
    'Russian President Vladimir Putin and Kim Jong Un signed the 2024 treaty in Pyongyang. Article 4 of that treaty ' +
      'promises military assistance if either party is attacked, and Articles 9 and 10 extend cooperation to other fields. ' +
      'Article 31 of the 2024 treaty is often cited, but the treaty has no such article. Analysts say the assistance has ' +
      'already begun.',
    '',
    '```text',
    'Code samples are ignored: Resolution 2087 here is not a citation.',
    '```',
    '',
    `[^s${index}-a]: Security Council resolution 1874 (2009), S/RES/1874 (2009).`,
    `[^s${index}-b]: Resolution 2397 (2017), S/RES/2397 (2017).`,
    '',
    '',
  ].join('\n');
}

const SECOND = 1_000;
const MINUTE = 60 * SECOND;

describe('huge and hostile documents complete with consistent, sensible results', () => {
  it(
    'a 20 MB draft of realistic sections finds in every section what it finds in one',
    async () => {
      const copies = Math.ceil(20_000_000 / realisticSection(0).length);
      const text = Array.from({ length: copies }, (_, index) => realisticSection(index)).join('');
      expect(text.length).toBeGreaterThanOrEqual(20_000_000);
      const expected = expectedForCopies(realisticSection, copies);
      // Each section has one wrong year and one article the treaty does not have.
      expect(expected.codes['year-mismatch']).toBe(copies);
      expect(expected.codes['unknown-provision']).toBe(copies);

      // A linear analysis takes well under a minute here; 5 minutes is a hang guard.
      const summary = await analyzeIsolatedOrFail('20 MB draft', { text }, 5 * MINUTE);
      expect(summary.problems).toEqual([]);
      expect(summary.referencesById).toEqual(expected.references);
      expect(summary.countsByCode).toEqual(expected.codes);
    },
    6 * MINUTE,
  );

  it(
    'a 1 MB single line finds every reference on it',
    async () => {
      const piece = 'Article 4 of the 2024 treaty and resolution 1718 (2009) were invoked by President Putin on 19 June 2024. ';
      const copies = Math.ceil(1_000_000 / piece.length);
      const text = piece.repeat(copies).trimEnd();
      const expected = expectedForCopies(() => piece, copies);
      expect(expected.codes['year-mismatch']).toBe(copies);
      const summary = await analyzeIsolatedOrFail('1 MB line', { text }, 2 * MINUTE);
      expect(summary.problems).toEqual([]);
      expect(summary.referencesById).toEqual(expected.references);
      expect(summary.countsByCode).toEqual(expected.codes);
    },
    3 * MINUTE,
  );

  for (const encoding of ['utf-8', 'latin1'] as const) {
    it(
      `1 MB of random bytes decoded as ${encoding} (replacement characters, controls, NUL)`,
      async () => {
        const text = new TextDecoder(encoding).decode(pseudoRandomBytes(1_000_000, encoding === 'utf-8' ? 0x1718 : 0x2397));
        const summary = await analyzeIsolatedOrFail(`random bytes as ${encoding}`, { text }, 2 * MINUTE);
        expect(summary.problems).toEqual([]);
      },
      3 * MINUTE,
    );
  }

  it(
    'random bytes with real paragraphs between them: the paragraphs after the garbage are still read',
    async () => {
      // Each chunk of garbage is made harmless for Markdown's block structure (no fences,
      // HTML or indentation can swallow what follows), so the paragraphs must be found.
      const garbage = (seed: number): string =>
        new TextDecoder('latin1')
          .decode(pseudoRandomBytes(2_000, seed))
          .replace(/[`~<>\[\]\r\n\t|\\*_#=-]/g, '.')
          .replace(/^[ .]+/, 'x');
      const paragraph = 'The ban dates from resolution 1718 (2009).';
      const text = Array.from({ length: 200 }, (_, index) => `${garbage(index + 1)}\n\n${paragraph}\n\n`).join('');
      const summary = await analyzeIsolatedOrFail('garbage and paragraphs', { text }, 2 * MINUTE);
      expect(summary.problems).toEqual([]);
      expect(summary.countsByCode['year-mismatch']).toBe(200);
    },
    3 * MINUTE,
  );

  it('unpaired surrogates around words change nothing of what is recognized, and hovers and completions work beside them', () => {
    // Surrogates right against the phrases, never inside them.
    const phrases = ['Resolution 1718 (2009) was adopted.', 'Kim Jong Un met President Putin;', 'Article 4 of the 2024 treaty applies.', 'See UNSCR 2397', 'and S/RES/2270 (2016).'];
    const clean = phrases.join(' ');
    const hostile = phrases.map((phrase, index) => `${['\uD800', '\uDC00', '\uDBFF\uDBFF', '\uDFFF\uD800', ' \uDC00'][index] as string}${phrase}`).join(' ') + '\uD800';
    const cleanIds = analyzeDocument(clean, corpus).references.map((reference) => reference.id);
    const analysis = analyzeDocument(hostile, corpus);
    expect(analysisProblems(hostile, analysis)).toEqual([]);
    expect(analysis.references.map((reference) => reference.id)).toEqual(cleanIds);
    expect(analysis.diagnostics.map((finding) => finding.code)).toContain('year-mismatch');
    const problems: string[] = [];
    for (let offset = 0; offset <= hostile.length; offset++) {
      const hover = hoverAt(analysis, corpus, offset, { asOf: '2025-03-01' });
      problems.push(...hoverProblems(analysis, offset, hover));
      // The hover must survive JSON (the LSP wire format) whatever it quotes.
      if (hover) expect(typeof JSON.stringify(hover.markdown)).toBe('string');
      problems.push(...completionProblems(hostile, offset, completionsAt(analysis, corpus, offset, { asOf: '2025-03-01', style: 'un' })));
    }
    expect(problems).toEqual([]);
  });

  it(
    'a megabyte of unpaired and reversed surrogates, with line breaks',
    async () => {
      const units = ['\uD800', '\uDC00', '\uDBFF', '\uDFFF', '\uDC00\uD800', ' ', '\n', '\r\n', 'Article 4 ', '[^1]', '`'];
      const bytes = pseudoRandomBytes(400_000, 0xd800);
      const text = Array.from(bytes, (byte) => units[byte % units.length] as string).join('');
      const summary = await analyzeIsolatedOrFail('surrogates', { text }, 2 * MINUTE);
      expect(summary.problems).toEqual([]);
    },
    3 * MINUTE,
  );

  it(
    '10,000 footnotes: exactly the references without a definition are undefined, exactly the definitions without a reference are unused',
    async () => {
      const lines: string[] = [];
      for (let label = 1; label <= 10_000; label++) lines.push(`Resolution 1718 (2006) is cited in note ${label}.[^${label}]`, '');
      // Every 7th note has no definition; 500 definitions are never referenced.
      for (let label = 1; label <= 10_000; label++) if (label % 7 !== 0) lines.push(`[^${label}]: S/RES/1718 (2006), note ${label}.`);
      for (let label = 1; label <= 500; label++) lines.push(`[^unused-${label}]: S/RES/1874 (2009).`);
      const text = `${lines.join('\n')}\n`;
      const summary = await analyzeIsolatedOrFail('10,000 footnotes', { text }, 3 * MINUTE);
      expect(summary.problems).toEqual([]);
      const labelsOf = (code: string): string[] => summary.diagnostics.filter((finding) => finding.code === code).map((finding) => text.slice(finding.start, finding.end));
      expect(labelsOf('undefined-footnote')).toEqual(Array.from({ length: Math.floor(10_000 / 7) }, (_, index) => `[^${(index + 1) * 7}]`));
      expect(labelsOf('unused-footnote')).toEqual(Array.from({ length: 500 }, (_, index) => `[^unused-${index + 1}]:`));
    },
    4 * MINUTE,
  );

  const AFTER = '\n\nThe ban dates from resolution 1718 (2009).[^1]\n\n[^1]: S/RES/1718 (2006).\n';
  const NESTED: Record<string, string> = {
    'a list nested 5,000 levels on one line': `${'- '.repeat(5_000)}Resolution 1718 (2009) deep down.${AFTER}`,
    'an ordered list nested 5,000 levels on one line': `${'1. '.repeat(5_000)}Resolution 1718 (2009) deep down.${AFTER}`,
    'a list nested 2,000 levels by indentation': `${Array.from({ length: 2_000 }, (_, level) => `${'  '.repeat(level)}- level ${level}`).join('\n')}${AFTER}`,
    'lists nested 60 levels (just past the parser\'s nesting limit)': `${'- '.repeat(60)}Resolution 1718 (2009) deep down.${AFTER}`,
    'block quotes nested 10,000 levels (`>` × 10,000)': `${'>'.repeat(10_000)} Resolution 1718 (2009) deep down.${AFTER}`,
    'block quotes and lists alternating 5,000 levels': `${'> - '.repeat(2_500)}Resolution 1718 (2009) deep down.${AFTER}`,
  };
  for (const [name, text] of Object.entries(NESTED)) {
    it(
      `${name}: completes, and the paragraph after it is still checked`,
      async () => {
        const summary = await analyzeIsolatedOrFail(name, { text }, 2 * MINUTE);
        expect(summary.problems).toEqual([]);
        // The top-level paragraph after the nesting: its wrong year must be reported.
        const afterLine = text.slice(0, text.length - AFTER.length).split('\n').length + 1;
        expect(summary.diagnostics.filter((finding) => finding.code === 'year-mismatch').map((finding) => finding.line)).toContain(afterLine);
      },
      3 * MINUTE,
    );
  }
});

// ---------------------------------------------------------------------------------------
// Linear time on pathological lines

/** How much an analysis says: the text of its references, messages, fix titles and inserted text. */
function outputSize(analysis: DocumentAnalysis): number {
  let size = 0;
  for (const reference of analysis.references) size += reference.text.length;
  for (const finding of analysis.diagnostics) {
    size += finding.message.length;
    for (const fix of finding.fixes) size += fix.title.length + fix.edits.reduce((sum, edit) => sum + edit.newText.length, 0);
  }
  return size;
}

const GROWTH = 4;
const MAX_RATIO = 10;
/** The size a pathological line is checked at for a hang: linear work takes about a second, quadratic work minutes. */
const HANG_SIZE = 512_000;
const HANG_GUARD_MS = 2 * MINUTE;

/**
 * Checks that a GROWTH× longer text produces at most MAX_RATIO× the output (linear work
 * about 4×, quadratic about 16×) and that the larger analysis is consistent; then that the
 * line at half a megabyte finishes in a worker a deadline can stop (see isolated.ts). The
 * deadline is a hang guard far above the work's need, not a timing: no duration is asserted,
 * so a busy machine cannot fail it (speed is the bench's, `npm run bench`).
 */
async function expectLinear(make: (size: number) => string): Promise<void> {
  const size = 16_000;
  const small = analyzeDocument(make(size), corpus);
  const largeText = make(size * GROWTH);
  const large = analyzeDocument(largeText, corpus);
  const smallOutput = Math.max(outputSize(small), 1);
  const largeOutput = outputSize(large);
  expect.soft(largeOutput / smallOutput, `output: ${smallOutput} code units for a ${size}-unit text, ${largeOutput} for ${size * GROWTH}`).toBeLessThanOrEqual(MAX_RATIO);
  expect(analysisProblems(largeText, large)).toEqual([]);
  const summary = await analyzeIsolatedOrFail('half a megabyte of the line', { text: make(HANG_SIZE) }, HANG_GUARD_MS);
  expect(summary.problems).toEqual([]);
}

/** `prefix`, then `piece` repeated to about `size` code units, then `suffix`. */
const repeated =
  (piece: string, prefix = '', suffix = '') =>
  (size: number): string =>
    prefix + piece.repeat(Math.ceil(size / piece.length)) + suffix;

/** "Articles 1, 2, 3, …, 999, 1, 2, …": a list whose members are all different numbers. */
function countingList(keyword: string, size: number): string {
  const parts: string[] = [];
  let length = keyword.length;
  for (let number = 1; length < size; number = (number % 999) + 1) {
    const part = `${number}, `;
    parts.push(part);
    length += part.length;
  }
  return keyword + parts.join('');
}

/** Pathological lines per exported expression or scan of patterns.ts (what recognize-linear.test.ts covers is not repeated). */
const PATTERN_CASES: Record<string, (size: number) => string> = {
  // RESOLUTION_HEAD: the optional keyword prefixes, chained without a number.
  'RESOLUTION_HEAD: "U.N. Security Council UNSC Res. No. " repeated': repeated('U.N. Security Council UNSC Res. No. '),
  'RESOLUTION_HEAD: "UNSCRs UNSCR " repeated': repeated('UNSCRs UNSCR '),
  'RESOLUTION_HEAD: "resolution resolution …"': repeated('resolution '),
  'RESOLUTION_HEAD: "1718(2006)" repeated without spaces': repeated('1718(2006)'),
  // RESOLUTION_NEXT and RANGE: a long chain of ranges after one designation.
  'RESOLUTION_NEXT: ranges "to 1874 through 2087 – 2094 -" after resolutions 1718': repeated(' to 1874 through 2087 – 2094 - 2270', 'resolutions 1718'),
  // PARAGRAPH_SCAN: letters without end, keyword runs.
  'PARAGRAPH_SCAN: "paragraph 8(a)(b)(c)…"': repeated('(a)(b)(c)(d)(e)(f)(g)', 'paragraph 8'),
  'PARAGRAPH_SCAN: "OP OPs para. paras operative " keywords': repeated('OP OPs para. paras operative '),
  // PARAGRAPH_NEXT: a long list of subdivided paragraphs.
  'PARAGRAPH_NEXT: ", 9(a)(iv) and 10 to 12(c)" repeated': repeated(', 9(a)(iv) and 10 to 12(c)', 'paragraphs 8'),
  // COMMA_PARAGRAPH after a resolution, OF after paragraphs.
  'COMMA_PARAGRAPH: ", paragraph 32" repeated after resolution 1718': repeated(', paragraph 32', 'resolution 1718'),
  'OF: " of the" repeated after paragraph 8': repeated(' of the', 'paragraph 8'),
  // ARTICLE_SCAN, ARTICLE_NEXT, ARTICLE_PARAGRAPH, POSSESSIVE_ARTICLE.
  'ARTICLE_SCAN: "Art. Article ARTICLES " keywords': repeated('Art. Article ARTICLES '),
  'ARTICLE_NEXT: "Articles 1, 2, 3, …" counting to 999 and again': (size) => countingList('Articles ', size),
  'ARTICLE_SCAN: "Article 2(((((…"': repeated('(', 'Article 2'),
  'ARTICLE_PARAGRAPH: ", paragraph 2" repeated after Article 4': repeated(', paragraph 2', 'Article 4'),
  "POSSESSIVE_ARTICLE: \"'s Article 16\" repeated after ARSIWA": repeated("'s Article 16", 'ARSIWA'),
  // ANAPHOR_SCAN: anaphors followed by what the lookahead must look past.
  'ANAPHOR_SCAN: "that resolution No. (" repeated': repeated('that resolution No. ('),
  'ANAPHOR_SCAN: "THE TREATY \\t\\u00a0" repeated': repeated('THE TREATY \t\u00a0'),
  // YEAR_TREATY: years and digits without a treaty.
  'YEAR_TREATY: "2024 " repeated': repeated('2024 '),
  'digits: one long number': repeated('9'),
  'digits: "1718 (2006) " years repeated': repeated('1718 (2006) '),
  // WS and OWS: whitespace of every kind, and line breaks inside references.
  'WS: spaces, tabs and NBSP': repeated(' \t\u00a0'),
  'WS: "Article \\r\\n " with a line break each': repeated('Article \r\n '),
  'WS: blank lines': repeated('\n \n'),
  'parentheses: "((((("': repeated('('),
  'parentheses: "paragraph 8(((((…"': repeated('(', 'paragraph 8'),
  // The corpus patterns (patternsFor): name prefixes that never complete.
  'officialNames: "Kim Jong " repeated': repeated('Kim Jong '),
  'officialNames: "Vladimir Vladimirovich " repeated': repeated('Vladimir Vladimirovich '),
  'surnames: "President Putin " repeated': repeated('President Putin '),
  'notPersonContexts: "Kim Il Sung " repeated': repeated('Kim Il Sung '),
  'instrumentNames: "Treaty of Friendship, Co-operation and " repeated': repeated('Treaty of Friendship, Co-operation and '),
  'instrumentNames: "International Law Commission ILC " repeated': repeated('International Law Commission ILC '),
};

/** Pathological lines for the Markdown-level scans: masking, footnotes, sentences and citations. */
const MARKDOWN_CASES: Record<string, (size: number) => string> = {
  'footnote openers "[^[^[^…" with no closing bracket': repeated('[^'),
  'brackets "[[[[…" with no closing bracket': repeated('['),
  'link texts "[x[x[x…" never closed': repeated('[x'),
  'Pandoc openers "[@[@[@…"': repeated('[@'),
  'bare Pandoc keys "@a @a …"': repeated('@a '),
  'footnote references "[^1]" repeated, defined once': repeated('[^1]', '', '\n\n[^1]: S/RES/1718 (2006).\n'),
  'emphasis delimiters "*_*_…"': repeated('*_'),
  'angle brackets "<<<…"': repeated('<'),
  'backslashes': repeated('\\'),
  'table cells "| x " repeated': repeated('| x ', '| a | b |\n|---|---|\n'),
  'abbreviations "e.g. " repeated': repeated('e.g. '),
  'initials "A. " repeated': repeated('A. '),
  'an unclosed quotation "\\"a b " repeated': repeated('"a b '),
  'vague attributions "analysts say " repeated': repeated('analysts say '),
  'sentences "Resolution 1718 was adopted. " repeated': repeated('Resolution 1718 was adopted. '),
};

describe('pathological lines for the recognizer patterns cost linear time', () => {
  // Warm up, so that the first test does not measure compilation.
  patternsFor(corpus);
  analyzeDocument('warm up Resolution 1718 and Article 4 of ARSIWA, Vladimir Putin. "a b c" [^1] [x](y)', corpus);
  for (const [name, make] of Object.entries(PATTERN_CASES)) {
    it(name, () => expectLinear(make), HANG_GUARD_MS + MINUTE);
  }
});

describe('pathological lines for the Markdown scans cost linear time', () => {
  for (const [name, make] of Object.entries(MARKDOWN_CASES)) {
    it(name, () => expectLinear(make), HANG_GUARD_MS + MINUTE);
  }
});
