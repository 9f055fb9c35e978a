import { kindOfName, slugOf, type ExternalInstrument } from '../external-instruments';
import type { ExternalName, Mention, Span } from './mentions';
import { detachedCopy } from '../text';
import { matchFolded, nameKey, type CorpusPatterns } from './patterns';

/**
 * Instruments outside the corpus, named in the text: pass 1.
 *
 * - The well-known ones of data/external-instruments.json by any of their names or
 *   abbreviations ("ICCPR", "Rome Statute", "New START"), with the slug given there.
 * - Any other name built on a head word (Convention, Covenant, Treaty, Charter, Protocol,
 *   Statute, Agreement, Declaration, Pact, Accord, Act, Memorandum, Arrangement) and written
 *   with capitals: words before the head ("Comprehensive Nuclear-Test-Ban Treaty"), or a
 *   complement after it ("Treaty of Amity and Cooperation in Southeast Asia"), with a slug
 *   built from the name.
 *
 * Names of the corpus take precedence (collectMentions drops an external name that overlaps one).
 */

const HEAD = /(?<![\p{L}\p{N}_\-\u2010-\u2015])(?:Conventions?|Covenant|Treaty|Charter|Protocols?|Statute|Agreements?|Declaration|Pact|Accords?|Act|Memorandum|Arrangement)(?![\p{L}\p{N}_\-\u2010-\u2015])/gu;

/** A capitalised word of a name: "Nuclear-Test-Ban", "Peoples'", "U.S.", "1951". */
const NAME_WORD = /^(?:\p{Lu}[\p{L}\p{M}.'\u2019\-\u2010-\u2015]*|\d{4})$/u;
/** Words that start a sentence or describe, never start a name. */
const NOT_NAME_WORDS = new Set([
  'The', 'This', 'That', 'These', 'Those', 'A', 'An', 'Any', 'Each', 'Every', 'Such', 'Our', 'Its', 'Their', 'His', 'Her', 'Both', 'Either', 'Neither',
  'Under', 'Per', 'New', 'Former', 'Old', 'Draft', 'Proposed', 'Bilateral', 'Military', 'Defence', 'Defense', 'Security', 'Mutual', 'Strategic', 'Comprehensive', 'Partnership',
  'In', 'On', 'Of', 'For', 'By', 'With', 'From', 'As', 'At', 'To', 'And', 'Or', 'But', 'If', 'When', 'While', 'After', 'Before', 'Since', 'Unlike', 'Like',
  'Article', 'Articles', 'Chapter', 'Section', 'Part', 'Annex', 'Paragraph',
]);
/** Words naming countries or their peoples: "Russia–DPRK Treaty" describes the corpus's treaty rather than naming another. */
const COUNTRY_WORDS = new Set([
  'russia', 'russian', 'russia\u2019s', "russia's", 'dprk', 'north', 'south', 'korea', 'korean', 'koreas', 'soviet', 'ussr', 'china', 'chinese', 'sino', 'us', 'u.s.', 'usa', 'american',
  'rok', 'pyongyang', 'moscow', 'beijing', 'seoul', 'japan', 'japanese', 'iran', 'iranian', 'ukraine', 'ukrainian', 'belarus', 'syria', 'syrian', 'vietnam', 'mongolia', 'india',
]);
/** Heads that, with only country words before them, describe a bilateral instrument instead of naming one. */
const BILATERAL_HEADS = new Set(['Treaty', 'Pact', 'Agreement', 'Agreements', 'Accord', 'Accords']);
/** Connectors that open a complement after the head: "Convention on …", "Treaty of …", "Agreement between …". */
const COMPLEMENT = /^(?:[ \t\u00a0]+)(?:of|on|for|against|between|concerning|relating[ \t\u00a0]+to|with[ \t\u00a0]+respect[ \t\u00a0]+to)(?:[ \t\u00a0]+the)?[ \t\u00a0]+/u;
/** Lower-case words allowed between the capitalised words of a complement. */
const INNER_CONNECTORS = new Set(['of', 'the', 'and', 'for', 'in', 'on', 'to', 'against', 'between', 'its', 'their', 'or', 'under', 'from', 'concerning', 'among', 'regarding']);
const MAX_PREFIX_WORDS = 6;
const MAX_COMPLEMENT_WORDS = 16;
const MAX_WORD_LENGTH = 40;
const MONTHS = new Set(['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December']);
/** A capitalised word right after the head: the head is part of another name ("UN Treaty Series", "North Atlantic Treaty Organization"). */
const CAPITAL_AFTER = /^[ \t\u00a0]\p{Lu}/u;

const HEADING_LINE = /^[ \t]{0,3}#{1,6}[ \t][^\r\n]*/gmu;

/** The Markdown heading lines of a text, in order (title-case headlines are not names). */
function headingLines(text: string): Span[] {
  if (!text.includes('#')) return [];
  return [...text.matchAll(HEADING_LINE)].map((match) => ({ start: match.index, end: match.index + match[0].length }));
}

/** Whether `at` lies on one of the sorted heading lines. */
function inHeading(headings: readonly Span[], at: number): boolean {
  let low = 0;
  let high = headings.length - 1;
  while (low <= high) {
    const mid = (low + high) >> 1;
    const line = headings[mid] as Span;
    if (line.end < at) low = mid + 1;
    else if (line.start > at) high = mid - 1;
    else return true;
  }
  return false;
}

/** The words before the head that belong to the name, walking back: start offset and words. */
function prefixBefore(text: string, headStart: number): { start: number; words: string[] } {
  let start = headStart;
  const words: string[] = [];
  let at = headStart;
  while (words.length < MAX_PREFIX_WORDS) {
    // One space (or tab, no-break space) between words; a line break ends the name.
    let gap = at;
    while (gap > 0 && (text[gap - 1] === ' ' || text[gap - 1] === '\t' || text[gap - 1] === '\u00a0')) gap--;
    if (gap === at || gap === 0) break;
    let wordStart = gap;
    while (wordStart > 0 && gap - wordStart <= MAX_WORD_LENGTH && /[\p{L}\p{M}\p{N}.'\u2019\-\u2010-\u2015]/u.test(text[wordStart - 1] as string)) wordStart--;
    if (gap - wordStart > MAX_WORD_LENGTH) break;
    const word = text.slice(wordStart, gap).replace(/^[.'\u2019\-\u2010-\u2015]+/u, '');
    const realStart = gap - word.length;
    if (word.length === 0) break;
    // "of" between two capitalised words ("Council of Europe Convention").
    if (word === 'of' && words.length > 0) {
      const before = prefixBefore(text, realStart);
      if (before.words.length === 0) break;
      words.unshift(...before.words, word);
      start = before.start;
      break;
    }
    if (!NAME_WORD.test(word) || NOT_NAME_WORDS.has(word) || /['\u2019]s$/u.test(word)) break;
    words.unshift(word);
    start = realStart;
    at = realStart;
  }
  return { start, words };
}

/** The complement after the head ("on Economic, Social and Cultural Rights"), as the end offset, or the head's end. */
function complementAfter(text: string, headEnd: number): number {
  const open = COMPLEMENT.exec(text.slice(headEnd, headEnd + 40));
  if (!open) return headEnd;
  let at = headEnd + open[0].length;
  let end = headEnd;
  let count = 0;
  const wordAt = /[^\s,;:()[\]"\u201c\u201d]+/uy;
  while (count < MAX_COMPLEMENT_WORDS) {
    wordAt.lastIndex = at;
    const match = wordAt.exec(text);
    if (!match) break;
    const word = match[0].replace(/[.]$/u, '');
    // Dates are not part of a name's complement ("Armistice Agreement of July 1953").
    if (MONTHS.has(word) || /^\d/u.test(word)) break;
    if (NAME_WORD.test(word) && !/['\u2019]s$/u.test(word)) {
      end = at + word.length;
    } else if (!INNER_CONNECTORS.has(word)) break;
    count++;
    at += match[0].length;
    // A full stop after a word (not an abbreviation such as "U.S.") ends the sentence, and the name.
    if (word.length < match[0].length && !/\./u.test(word)) break;
    // Between words: one space, or ", " inside an enumeration that "and" closes ("Economic, Social and Cultural Rights").
    const gap = /^(?:[ \t\u00a0]+|,[ \t\u00a0]+)/u.exec(text.slice(at, at + 4));
    if (!gap) break;
    if (gap[0].startsWith(',')) {
      const rest = text.slice(at + gap[0].length, at + 120);
      if (!/^(?:\p{Lu}[\p{L}'\u2019-]*[ \t\u00a0]+){0,3}\p{Lu}[\p{L}'\u2019-]*(?:,[ \t\u00a0]+(?:\p{Lu}[\p{L}'\u2019-]*[ \t\u00a0]+){0,3}\p{Lu}[\p{L}'\u2019-]*)*,?[ \t\u00a0]+and[ \t\u00a0]+\p{Lu}/u.test(rest)) break;
    }
    at += gap[0].length;
  }
  return end;
}

export interface ExternalScan {
  mentions: Mention[];
  /** The external instrument named right at an offset: for "Article 5 of the Rome Statute". */
  at: Map<number, { external: ExternalName; end: number }>;
}

function externalOf(name: string, patterns: CorpusPatterns): ExternalName {
  let memo = externalsByPatterns.get(patterns);
  if (!memo) externalsByPatterns.set(patterns, (memo = new Map()));
  let external = memo.get(name);
  if (!external) {
    const known: ExternalInstrument | undefined = patterns.externalByName.get(nameKey(name));
    const written = name.replace(/[\s\u00a0]+/g, ' ');
    external = known ? { slug: known.slug, name: written, kind: known.kind } : { slug: slugOf(written), name: written, kind: kindOfName(written) };
    if (memo.size >= EXTERNALS_KEPT) memo.clear();
    memo.set(detachedCopy(name), external);
  }
  return external;
}

/**
 * The external names met lately, as written, per corpus (what a name is depends on the corpus's
 * list of external instruments): a draft names the same ones again and again, and working one
 * out (its key, slug and kind) cost ~15 ms of a check of the 1 MB benchmark draft. The objects
 * are shared by the mentions that name them, and never changed. Cleared when full.
 */
const externalsByPatterns = new WeakMap<CorpusPatterns, Map<string, ExternalName>>();
const EXTERNALS_KEPT = 5_000;

export function externalMentions(text: string, folded: string | null, patterns: CorpusPatterns): ExternalScan {
  const found: Array<{ span: Span; external: ExternalName }> = [];
  const add = (start: number, end: number): void => {
    found.push({ span: { start, end }, external: externalOf(text.slice(start, end), patterns) });
  };
  if (patterns.externalNames) for (const { index, length } of matchFolded(patterns.externalNames, text, folded)) add(index, index + length);
  if (patterns.externalAcronyms) for (const match of text.matchAll(patterns.externalAcronyms)) add(match.index, match.index + match[0].length);
  const headings = headingLines(text);
  for (const head of text.matchAll(HEAD)) {
    const headStart = head.index;
    const headEnd = headStart + head[0].length;
    if (CAPITAL_AFTER.test(text.slice(headEnd, headEnd + 2))) continue;
    const prefix = prefixBefore(text, headStart);
    const end = complementAfter(text, headEnd);
    if (prefix.words.length === 0 && end === headEnd) continue;
    if (end === headEnd && BILATERAL_HEADS.has(head[0]) && prefix.words.every((word) => word.split(/[-\u2010-\u2015]/u).every((part) => COUNTRY_WORDS.has(part.toLowerCase()) || /^\d{4}$/.test(part)))) continue;
    if (inHeading(headings, headStart)) continue;
    add(prefix.start, end);
  }
  // Of overlapping names keep the one that starts first, then the longest.
  found.sort((a, b) => a.span.start - b.span.start || b.span.end - a.span.end);
  const mentions: Mention[] = [];
  const at = new Map<number, { external: ExternalName; end: number }>();
  let reached = -1;
  for (const { span, external } of found) {
    if (span.start < reached) continue;
    reached = span.end;
    mentions.push({ type: 'external', extent: span, span, external });
    at.set(span.start, { external, end: span.end });
  }
  return { mentions, at };
}

/** An external name right at `at` of the scan, if any. */
export function externalAt(scan: ExternalScan, at: number): { external: ExternalName; end: number } | null {
  return scan.at.get(at) ?? null;
}

