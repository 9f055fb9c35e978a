import type { ScannableText } from './markdown';

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

export interface Sentence extends Span {
  /** The paragraph the sentence belongs to. */
  paragraph: Span;
}

/** Words after which a full stop does not end a sentence (compared in lower case, without the dot). */
const ABBREVIATIONS = new Set(
  [
    'u.n', 'u.s', 'u.k', 'e.u', 'e.g', 'i.e', 'etc', 'cf', 'vs', 'no', 'nos', 'art', 'arts', 'para', 'paras', 'res', 'op', 'ops', 'vol', 'p', 'pp',
    'ch', 'sec', 'secs', 'dr', 'mr', 'mrs', 'ms', 'prof', 'gen', 'lt', 'col', 'maj', 'capt', 'st', 'jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug',
    'sep', 'sept', 'oct', 'nov', 'dec', 'approx', 'est', 'ed', 'eds', 'ibid', 'al', 'inc', 'ltd', 'co', 'corp', 'dept', 'govt', 'min', 'amb',
  ],
);

/** How a sentence closes: punctuation, closing quotes or brackets, and any footnote marks ("….[^1]"). */
const CLOSING = String.raw`[.!?]+["'\u201d\u2019)\]]*(?:\[\^[^\]\s]{1,100}\])*`;
/** The end of a sentence: its closing, then a line end or the next sentence's start. */
const SENTENCE_END = new RegExp(String.raw`${CLOSING}(?=[ \t\u00a0]*(?:\r?\n|$)|[ \t\u00a0]+["'\u201c\u2018(\[]?[\p{Lu}\p{N}])`, 'gu');
/** The closing at the very end of a sentence's text. */
export const SENTENCE_CLOSING_AT_END = new RegExp(`${CLOSING}$`, 'u');

/** The checked paragraphs: runs of non-blank prose lines that are not headings, quotes or footnote definitions. */
export function checkedParagraphs(scan: ScannableText): Span[] {
  const text = scan.masked;
  const paragraphs: Span[] = [];
  const excluded = (start: number, end: number): boolean =>
    scan.citationSpans.some((span) => span.start < end && start < span.end) || scan.headings.some((heading) => heading.start < end && start < heading.end);
  let start = -1;
  let end = -1;
  const flush = (): void => {
    if (start >= 0 && !excluded(start, end)) paragraphs.push({ start, end });
    start = -1;
  };
  const lines = text.matchAll(/[^\r\n]*(?:\r\n|\n|\r|$)/g);
  for (const line of lines) {
    if (line[0].length === 0) break;
    const lineStart = line.index;
    const content = line[0].replace(/[\r\n]+$/, '');
    const blank = content.trim().length === 0;
    const quoted = /^[ \t]{0,3}>/.test(content);
    // A new list item starts a new paragraph.
    const listItem = /^[ \t]*(?:[-*+]|\d{1,9}[.)])[ \t]+/.test(content);
    if (blank || quoted || listItem) flush();
    if (blank || quoted) continue;
    if (start < 0) start = lineStart;
    end = lineStart + content.length;
  }
  flush();
  return paragraphs;
}

/** The sentences of the checked paragraphs. */
export function sentences(scan: ScannableText): Sentence[] {
  const text = scan.masked;
  const result: Sentence[] = [];
  for (const paragraph of checkedParagraphs(scan)) {
    const body = text.slice(paragraph.start, paragraph.end);
    let sentenceStart = 0;
    for (const match of body.matchAll(SENTENCE_END)) {
      const dot = match.index;
      const word = /([\p{L}.]+)$/u.exec(body.slice(Math.max(0, dot - 12), dot))?.[1]?.toLowerCase().replace(/\.$/, '') ?? '';
      // "U.N." and "e.g." and initials ("J. Smith") do not end a sentence.
      if (match[0].startsWith('.') && (ABBREVIATIONS.has(word) || /^\p{L}$/u.test(word) || /^(?:\p{L}\.)+\p{L}$/u.test(word))) continue;
      const end = dot + match[0].length;
      pushSentence(result, body, paragraph, sentenceStart, end);
      sentenceStart = end;
    }
    pushSentence(result, body, paragraph, sentenceStart, body.length);
  }
  return result;
}

function pushSentence(result: Sentence[], body: string, paragraph: Span, from: number, to: number): void {
  const slice = body.slice(from, to);
  const leading = slice.length - slice.trimStart().length;
  const trailing = slice.length - slice.trimEnd().length;
  if (slice.trim().length === 0) return;
  result.push({ start: paragraph.start + from + leading, end: paragraph.start + to - trailing, paragraph });
}

/**
 * Citations in a stretch of the masked prose: a footnote reference with a definition
 * (`[^x]`), a Pandoc citation (`[@key]`, `[see @key, p. 3]`, `@key`), an inline link
 * (`[text](…)`, whose destination is masked), a reference-style link (`[text][ref]`, or
 * `[text]` with a definition), or an autolink or bare URL.
 */
export function hasCitation(masked: string, raw: string, span: Span, definedFootnotes: ReadonlySet<string>, linkDefinitions: ReadonlySet<string>): boolean {
  const text = masked.slice(span.start, span.end);
  // Autolinks and bare URLs are links too (they are masked out of the prose, so read the raw text).
  if (/<https?:\/\/[^\s>]+>|\bhttps?:\/\/\S+|\bwww\.\S+/.test(raw.slice(span.start, span.end))) return true;
  for (const match of text.matchAll(/\[\^([^\]\s]+)\]/g)) if (definedFootnotes.has(match[1] as string)) return true;
  if (/\[[^\]\n]*@[\w:.#$%&\-+?<>~/]+[^\]\n]*\]|(?<![\w.@])@[A-Za-z][\w:.#$%&\-+?<>~/]*[\w]/.test(text)) return true;
  if (/\][ \t]*\(/.test(text)) return true;
  for (const match of text.matchAll(/\[([^\]\n^]+)\](?:\[([^\]\n]*)\])?/g)) {
    const label = (match[2] || match[1] || '').trim().toLowerCase();
    if (linkDefinitions.has(label)) return true;
  }
  return false;
}

/** Reference-link labels that have a definition (lower case), from the raw text. Footnote definitions come from the scan. */
export function linkDefinitions(text: string): Set<string> {
  const links = new Set<string>();
  for (const match of text.matchAll(/^[ \t]{0,3}\[([^\]^\n][^\]\n]*)\]:[ \t]*\S/gm)) links.add((match[1] as string).trim().toLowerCase());
  return links;
}
