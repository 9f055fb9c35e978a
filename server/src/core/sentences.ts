import { isAsciiLetter } from './characters';
import { lineBreakAt } from './document';
import { FOOTNOTE_LABEL_CHAR, FOOTNOTE_MARK } from './footnotes';
import type { Reference } from './types';
import { isWhiteSpace } from './whitespace';

/**
 * Sentences and paragraphs of a draft's prose, and the citations in them: what the sourcing
 * rules (uncited-reference, uncited-claim, vague-attribution) check.
 *
 * Only the prose that is checked is segmented: paragraphs and list items. Headings, front
 * matter, code, HTML, block quotes (they quote instruments and other texts) and footnote
 * definitions (they are the citations) are left out. Sentences end at ".", "!" or "?" (with
 * any closing quotes or brackets) followed by a space and a capital, a digit, a quote or the
 * end of the paragraph; abbreviations ("U.N.", "Sept.", "Art.", "e.g.", "No."), initials and
 * decimals do not end a sentence.
 */
export interface Span {
  start: number;
  end: number;
}

/** What a stretch of prose cites, read from its text alone (whether a label is defined is decided per document). */
export interface CitationFacts {
  /** Labels of the footnote marks `[^x]` in it. */
  footnotes: string[];
  /** A Pandoc citation, an inline link, an autolink or a bare URL. */
  direct: boolean;
  /** Labels (lower case) of reference-style links `[text][ref]` or `[ref]` in it. */
  links: string[];
}

/** A checked paragraph of one chunk, offsets relative to the chunk. */
export interface ProseParagraph extends Span {
  citations: CitationFacts;
}

/**
 * A sentence of one chunk, offsets relative to the chunk. Chunks are cached by their text
 * (see DocumentAnalyzer), and so are their sentences: `memo` keeps what a rule works out
 * from the sentence's text alone, so that an edit elsewhere does not repeat it.
 */
export interface ProseSentence extends Span {
  paragraph: ProseParagraph;
  /** The sentence's masked text. */
  body: string;
  citations: CitationFacts;
  /** By rule: what it worked out from the text (`undefined`: not yet). */
  memo: Record<string, unknown>;
}

/** A sentence of the document: absolute offsets, and the chunk's sentence it comes from. */
export interface Sentence extends Span {
  /** The paragraph the sentence belongs to. */
  paragraph: Span;
  body: string;
  prose: ProseSentence;
}

/** What `compute` gives for the sentence's text (never `undefined`), worked out once per sentence text and key. */
export function sentenceMemo<T>(sentence: Sentence, key: string, compute: (body: string) => T): T {
  const memo = sentence.prose.memo;
  if (memo[key] !== undefined) return memo[key] as T;
  const value = compute(sentence.body);
  memo[key] = value;
  return value;
}

/** Words after which a full stop does not end a sentence (compared in lower case, without the dot). */
const ABBREVIATIONS = new Set(
  [
    'u.n', 'u.s', 'u.k', 'e.u', 'e.g', 'i.e', 'etc', 'cf', 'vs', 'no', 'nos', 'art', 'arts', 'para', 'paras', 'res', 'op', 'ops', 'vol', 'p', 'pp',
    'ch', 'sec', 'secs', 'dr', 'mr', 'mrs', 'ms', 'prof', 'gen', 'lt', 'col', 'maj', 'capt', 'st', 'jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug',
    'sep', 'sept', 'oct', 'nov', 'dec', 'approx', 'est', 'ed', 'eds', 'ibid', 'al', 'inc', 'ltd', 'co', 'corp', 'dept', 'govt', 'min', 'amb',
  ],
);
const LONGEST_ABBREVIATION = Math.max(...[...ABBREVIATIONS].map((word) => word.length));

/** How a sentence closes: punctuation, closing quotes or brackets, and any footnote marks ("….[^1]"). */
const CLOSING = String.raw`[.!?]+["'\u201d\u2019)\]]*(?:\[\^${FOOTNOTE_LABEL_CHAR}{1,100}\])*`;
/** The end of a sentence: its closing, then a line end or the next sentence's start. */
const SENTENCE_END = new RegExp(String.raw`${CLOSING}(?=[ \t\u00a0]*(?:\r\n|\n|\r|$)|[ \t\u00a0]+["'\u201c\u2018(\[]?[\p{Lu}\p{N}])`, 'gu');
/** The closing at the very end of a sentence's text. */
export const SENTENCE_CLOSING_AT_END = new RegExp(`${CLOSING}$`, 'u');

interface ChunkText {
  masked: string;
  /** The chunk's text as written (autolinks and bare URLs are masked out of the prose). */
  raw: string;
  citationSpans: ReadonlyArray<Span>;
  headings: ReadonlyArray<Span>;
}

/** The checked paragraphs: runs of non-blank prose lines that are not headings, quotes or footnote definitions. */
function checkedParagraphs(chunk: ChunkText): Span[] {
  const text = chunk.masked;
  const paragraphs: Span[] = [];
  const excluded = (start: number, end: number): boolean =>
    chunk.citationSpans.some((span) => span.start < end && start < span.end) || chunk.headings.some((heading) => heading.start < end && start < heading.end);
  let start = -1;
  let end = -1;
  const flush = (): void => {
    if (start >= 0 && !excluded(start, end)) paragraphs.push({ start, end });
    start = -1;
  };
  // Line by line (a line ends at "\r\n", "\n" or "\r"), reading each line where it lies.
  for (let lineStart = 0; lineStart < text.length; ) {
    const lineBreak = lineBreakAt(text, lineStart);
    const contentEnd = lineBreak ? lineBreak.at : text.length;
    const next = lineBreak ? lineBreak.at + lineBreak.length : text.length;
    const blank = isBlank(text, lineStart, contentEnd);
    const quoted = !blank && QUOTED.test(text.slice(lineStart, Math.min(contentEnd, lineStart + 4)));
    // A new list item starts a new paragraph.
    const listItem = !blank && !quoted && LIST_ITEM.test(text.slice(lineStart, contentEnd));
    if (blank || quoted || listItem) flush();
    if (!blank && !quoted) {
      if (start < 0) start = lineStart;
      end = contentEnd;
    }
    lineStart = next;
  }
  flush();
  return paragraphs;
}

const QUOTED = /^[ \t]{0,3}>/;
const LIST_ITEM = /^[ \t]*(?:[-*+]|\d{1,9}[.)])[ \t]+/;

/** Whether text[from, to) is empty once trimmed. */
function isBlank(text: string, from: number, to: number): boolean {
  for (let index = from; index < to; index++) if (!isWhiteSpace(text.charCodeAt(index))) return false;
  return true;
}

/** The sentences of a chunk's checked paragraphs, offsets relative to the chunk. */
export function chunkSentences(chunk: ChunkText): ProseSentence[] {
  const text = chunk.masked;
  const result: ProseSentence[] = [];
  for (const span of checkedParagraphs(chunk)) {
    const paragraph: ProseParagraph = { start: span.start, end: span.end, citations: citationFacts(chunk, span) };
    const body = text.slice(paragraph.start, paragraph.end);
    let sentenceStart = 0;
    for (const match of body.matchAll(SENTENCE_END)) {
      const dot = match.index;
      // "U.N." and "e.g." and initials ("J. Smith") do not end a sentence.
      if (match[0].startsWith('.') && isAbbreviation(body, dot)) continue;
      const end = dot + match[0].length;
      pushSentence(result, chunk, body, paragraph, sentenceStart, end);
      sentenceStart = end;
    }
    pushSentence(result, chunk, body, paragraph, sentenceStart, body.length);
  }
  return result;
}

/**
 * Whether the word before a full stop at `dot` is an abbreviation, an initial or letters with
 * dots ("U.N"): the letters and dots right before it, at most 12 characters back, without a
 * last dot of its own.
 *
 * Most words before a full stop are ASCII, and those are read by hand: the expressions of
 * isAbbreviationByPattern took 25 ms over the 12,630 full stops of the 1 MB benchmark draft in
 * a fresh process, the hand reading 11 ms. Where the word, or the character before it within
 * the 12, is not ASCII, the expressions decide. tests/unit/abbreviations.test.ts compares
 * both on random text.
 */
export function isAbbreviation(body: string, dot: number): boolean {
  const from = Math.max(0, dot - 12);
  let start = dot;
  for (; start > from; start--) {
    const code = body.charCodeAt(start - 1);
    if (code >= 0x80) return isAbbreviationByPattern(body, dot);
    if (code !== 46 && !isAsciiLetter(code)) break;
  }
  const end = start < dot && body.charCodeAt(dot - 1) === 46 ? dot - 1 : dot;
  const length = end - start;
  if (length === 0) return false;
  if (length === 1) return isAsciiLetter(body.charCodeAt(start));
  if (length <= LONGEST_ABBREVIATION && ABBREVIATIONS.has(body.slice(start, end).toLowerCase())) return true;
  return dottedLetters(body, start, end);
}

/** Whether body[start, end), two characters or more, is ASCII letters with a dot between each two ("U.N", "e.g"). */
function dottedLetters(body: string, start: number, end: number): boolean {
  if ((end - start) % 2 === 0) return false;
  for (let index = start; index < end; index++) {
    const code = body.charCodeAt(index);
    if ((index - start) % 2 === 0 ? !isAsciiLetter(code) : code !== 46) return false;
  }
  return true;
}

/** isAbbreviation, read with Unicode letters (`\p{L}`). */
export function isAbbreviationByPattern(body: string, dot: number): boolean {
  const word = /([\p{L}.]+)$/u.exec(body.slice(Math.max(0, dot - 12), dot))?.[1]?.toLowerCase().replace(/\.$/, '') ?? '';
  return ABBREVIATIONS.has(word) || /^\p{L}$/u.test(word) || /^(?:\p{L}\.)+\p{L}$/u.test(word);
}

/** Adds the sentence body[from, to) of a paragraph, trimmed, unless it is blank. */
function pushSentence(result: ProseSentence[], chunk: ChunkText, body: string, paragraph: ProseParagraph, from: number, to: number): void {
  let start = from;
  let end = to;
  while (start < end && isWhiteSpace(body.charCodeAt(start))) start++;
  while (end > start && isWhiteSpace(body.charCodeAt(end - 1))) end--;
  if (start === end) return;
  const span = { start: paragraph.start + start, end: paragraph.start + end };
  // Properties written out, not spread: a spread is slow in code not optimized yet (a check runs once).
  result.push({ start: span.start, end: span.end, paragraph, body: chunk.masked.slice(span.start, span.end), citations: citationFacts(chunk, span), memo: {} });
}

/**
 * The citations in a stretch of prose: footnote marks (`[^x]`, a citation when defined), a
 * Pandoc citation (`[@key]`, `[see @key, p. 3]`, `@key`), an inline link (`[text](…)`, whose
 * destination is masked), an autolink or bare URL, and reference-style links (`[text][ref]`,
 * or `[text]`, a citation when the label has a definition).
 */
function citationFacts(chunk: ChunkText, span: Span): CitationFacts {
  const text = chunk.masked.slice(span.start, span.end);
  const raw = chunk.raw.slice(span.start, span.end);
  // Most sentences hold no "[", "@" or URL: the patterns below run only where they can match.
  const brackets = text.includes('[');
  const url = raw.includes('http') || raw.includes('www.');
  // No pattern here reads past a "[" it did not open: lines of "[[[[…" or "[@[@…" stay linear.
  const footnotes = brackets ? [...text.matchAll(FOOTNOTE_MARK)].map((match) => match[1] as string) : [];
  // Autolinks and bare URLs are links too (they are masked out of the prose, so read the raw text).
  const direct = (url && /<https?:\/\/[^\s>]+>|\bhttps?:\/\/\S+|\bwww\.\S+/.test(raw)) || (text.includes(']') && /\][ \t]*\(/.test(text)) || (text.includes('@') && hasPandocCitation(text));
  const links = brackets ? [...text.matchAll(/\[([^\]\n^[]+)\](?:\[([^\]\n[]*)\])?/g)].map((match) => (match[2] || match[1] || '').trim().toLowerCase()) : [];
  return { footnotes, direct, links };
}

/** `@key` in running text, or a bracketed citation with an `@key` in it (`[see @key, p. 3]`). */
function hasPandocCitation(text: string): boolean {
  if (/(?<![\w.@])@[A-Za-z][\w:.#$%&\-+?<>~/]*\w/.test(text)) return true;
  for (const bracket of text.matchAll(/\[([^\]\n[]*)\]/g)) if (/@[\w:.#$%&\-+?<>~/]/.test(bracket[1] as string)) return true;
  return false;
}

/** Whether the citations count, given the document's defined footnotes and reference-link labels. */
export function isCitation(facts: CitationFacts, definedFootnotes: ReadonlySet<string>, linkLabels: ReadonlySet<string>): boolean {
  return facts.direct || facts.footnotes.some((label) => definedFootnotes.has(label)) || facts.links.some((label) => linkLabels.has(label));
}

/** Reference-link labels that have a definition (lower case), from the raw text. Footnote definitions come from the scan. */
export function linkDefinitions(text: string): string[] {
  return [...text.matchAll(/^[ \t]{0,3}\[([^\]^\n][^\]\n]*)\]:[ \t]*\S/gm)].map((match) => (match[1] as string).trim().toLowerCase());
}

/**
 * Per sentence (same index), the references that start inside it and that `keep` accepts: one
 * walk over both lists, in document order (both are sorted by start).
 */
export function referencesBySentence(sentences: readonly Sentence[], references: readonly Reference[], keep: (reference: Reference, sentence: Sentence) => boolean): Reference[][] {
  const result: Reference[][] = [];
  let next = 0;
  for (const sentence of sentences) {
    while (next < references.length && (references[next] as Reference).start < sentence.start) next++;
    const inside: Reference[] = [];
    for (let index = next; index < references.length; index++) {
      const reference = references[index] as Reference;
      if (reference.start >= sentence.end) break;
      if (keep(reference, sentence)) inside.push(reference);
    }
    result.push(inside);
  }
  return result;
}
