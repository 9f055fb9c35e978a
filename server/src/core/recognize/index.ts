import type { Corpus, Instrument, Official } from '../corpus';
import type { SourceDocument } from '../document';
import type { Reference, ResolvedBy } from '../types';
import {
  ANAPHOR,
  ARTICLE_HEAD,
  ARTICLE_NEXT,
  ARTICLE_PARAGRAPH,
  COMMA_PARAGRAPH,
  LEADING_DETERMINER,
  OF,
  PARAGRAPH_HEAD,
  PARAGRAPH_NEXT,
  POSSESSIVE_ARTICLE,
  RANGE,
  RESOLUTION_HEAD,
  RESOLUTION_NEXT,
  WS,
  YEARS_TREATIES,
  YEAR_TREATY,
  foldCase,
  matchFolded,
  matchFoldedAt,
  nameKey,
  patternsFor,
  type CorpusPatterns,
} from './patterns';

/**
 * The recognizer: finds the references a draft makes (resolutions, operative paragraphs,
 * articles, instruments by name, officials) and gives each its canonical id and exact span.
 * The rules and the exact spans are written down in tests/recognition/CONVENTIONS.md.
 *
 * It works in two passes over the masked prose (see markdown.ts):
 * 1. candidate *mentions* are collected by a few regular expressions; where two overlap,
 *    the one that starts first (then the longer one) wins;
 * 2. the mentions are walked in document order with what the document has mentioned so
 *    far (the last resolution, the last instrument with articles, the last person with a
 *    surname), which resolves anaphors, bare articles and bare surnames.
 */

interface Span {
  start: number;
  end: number;
}

interface NumberedMember extends Span {
  /** The digits (and bis/ter) as written, e.g. "8", "2bis". */
  number: string;
  letter: string | null;
  /** Set on a member that closes a range ("to 16"): members between are implied. */
  closesRange: boolean;
}

interface ResolutionMember extends Span {
  number: number;
  year: number | null;
  yearSpan: Span | null;
}

type Mention =
  | { type: 'resolutions'; extent: Span; members: ResolutionMember[] }
  | { type: 'paragraphs'; extent: Span; keyword: string; members: NumberedMember[]; resolution: ResolutionMember | null; single: Span | null }
  | { type: 'articles'; extent: Span; members: NumberedMember[]; instrument: Instrument | 'treaty' | 'convention' | null; single: Span | null }
  /** `plural`: "the 1961 and 2000 treaties" names both, but is no antecedent for a later "the treaty". */
  | { type: 'instruments'; extent: Span; members: Array<{ span: Span; instrument: Instrument }>; plural: boolean }
  | { type: 'anaphor'; extent: Span; span: Span; target: 'treaty' | 'convention' | 'resolution' }
  | { type: 'official'; extent: Span; span: Span; official: Official; title: Span | null }
  | { type: 'surname'; extent: Span; span: Span; surname: string; title: Span | null };

const MAX_RANGE_EXPANSION = 60;
const ARTICLE_OWNER_ANAPHOR = new RegExp(String.raw`(?<determiner>(?:this|that)${WS})?(?:(?<treaty>[Tt]reaty)|(?<convention>[Cc]onvention))(?![\p{L}\p{N}_])`, 'yu');
const RESOLUTION_AT = new RegExp(RESOLUTION_HEAD.source, 'yiu');
const YEAR_TREATY_AT = new RegExp(YEAR_TREATY.source, 'yu');
/** A name after "Article N of": an instrument, but not one the corpus knows. */
const OTHER_INSTRUMENT = /^(?:U\.?N\.?|United Nations|\p{Lu}[\p{L}'\u2019-]*)(?![\p{L}\p{N}_])/u;
const RANGE_ONLY = new RegExp(`^${RANGE}$`, 'u');

/** The mentions in one chunk's masked prose (see chunks.ts), offsets relative to the chunk: what pass 1 finds. */
export type ChunkMentions = readonly Mention[];

export function collectMentions(masked: string, corpus: Corpus): ChunkMentions {
  const patterns = patternsFor(corpus);
  const folded = foldCase(masked);
  return selectNonOverlapping([
    ...resolutionMentions(masked),
    ...paragraphMentions(masked),
    ...articleMentions(masked, folded, patterns),
    ...instrumentMentions(masked, folded, patterns),
    ...anaphorMentions(masked),
    ...officialMentions(masked, folded, patterns),
  ]);
}

/** One chunk for pass 2: where it starts, its mentions, and its citation spans (relative, sorted). */
export interface RecognitionChunk {
  start: number;
  mentions: ChunkMentions;
  citationSpans: ReadonlyArray<Span>;
  /** Where the chunk's resolutions are kept between versions (see ResolutionMemo); optional. */
  memo?: ResolutionMemo[];
}

/**
 * A chunk's references as resolved in one version: a chunk's references depend only on its
 * mentions and on the context it is entered with (the last resolution, treaty, convention,
 * instrument with articles and person by surname before it). Entered with the same context,
 * they are reused, shifted if the chunk moved.
 */
export interface ResolutionMemo {
  /** The context the chunk was entered with (never changed afterwards: contexts are copied before they change). */
  entry: Context;
  start: number;
  line: number;
  exit: Context;
  references: Reference[];
}

/** Pass 2: the references of a document whose chunks' mentions are known, resolved in document order. */
export function resolveReferences(document: SourceDocument, chunks: readonly RecognitionChunk[], corpus: Corpus): Reference[] {
  return resolveMentions(chunks, document, corpus, patternsFor(corpus));
}

/** Keeps, of overlapping mentions, the one that starts first, then the longest. */
function selectNonOverlapping(mentions: Mention[]): Mention[] {
  mentions.sort((a, b) => a.extent.start - b.extent.start || b.extent.end - a.extent.end);
  const kept: Mention[] = [];
  let end = -1;
  for (const mention of mentions) {
    if (mention.extent.start < end) continue;
    kept.push(mention);
    end = mention.extent.end;
  }
  return kept;
}

function execAt(pattern: RegExp, text: string, at: number): RegExpExecArray | null {
  pattern.lastIndex = at;
  return pattern.exec(text);
}

function yearOf(match: RegExpExecArray, base: number): { year: number | null; yearSpan: Span | null } {
  const year = match.groups?.year;
  if (!year) return { year: null, yearSpan: null };
  const start = base + match[0].lastIndexOf(year);
  return { year: Number(year), yearSpan: { start, end: start + 4 } };
}

// ---------------------------------------------------------------------------------------
// Mentions

function resolutionMentions(text: string): Mention[] {
  const mentions: Mention[] = [];
  for (const head of text.matchAll(RESOLUTION_HEAD)) {
    const start = head.index;
    let end = start + head[0].length;
    const members: ResolutionMember[] = [{ start, end, number: Number(head.groups?.number), ...yearOf(head, start) }];
    for (let next = execAt(RESOLUTION_NEXT, text, end); next; next = execAt(RESOLUTION_NEXT, text, end)) {
      const sepLength = next.groups?.sep?.length ?? 0;
      members.push({ start: end + sepLength, end: end + next[0].length, number: Number(next.groups?.number), ...yearOf(next, end) });
      end += next[0].length;
    }
    // "resolution 2270 (2016), paragraph 32": a paragraph of this resolution.
    const paragraph = members.length === 1 ? execAt(COMMA_PARAGRAPH, text, end) : null;
    if (paragraph) {
      const first = members[0] as ResolutionMember;
      const { members: paragraphs, end: paragraphsEnd } = paragraphMembers(text, paragraph, end, start);
      mentions.push({
        type: 'paragraphs',
        extent: { start, end: paragraphsEnd },
        keyword: paragraph.groups?.keyword ?? 'paragraph',
        members: paragraphs,
        resolution: first,
        single: paragraphs.length === 1 ? { start, end: paragraphsEnd } : null,
      });
      continue;
    }
    mentions.push({ type: 'resolutions', extent: { start, end }, members });
  }
  return mentions;
}

/** The members of a paragraph list starting with an already matched head. */
function paragraphMembers(text: string, head: RegExpExecArray, headAt: number, spanStart: number): { members: NumberedMember[]; end: number } {
  let end = headAt + head[0].length;
  const members: NumberedMember[] = [{ start: spanStart, end, number: head.groups?.number ?? '', letter: head.groups?.letter ?? null, closesRange: false }];
  for (let next = execAt(PARAGRAPH_NEXT, text, end); next; next = execAt(PARAGRAPH_NEXT, text, end)) {
    const sep = next.groups?.sep ?? '';
    const previous = members[members.length - 1] as NumberedMember;
    members.push({
      start: end + sep.length,
      end: end + next[0].length,
      number: next.groups?.number ?? previous.number,
      letter: next.groups?.letter ?? next.groups?.onlyLetter ?? null,
      closesRange: RANGE_ONLY.test(sep),
    });
    end += next[0].length;
  }
  return { members, end };
}

function paragraphMentions(text: string): Mention[] {
  const mentions: Mention[] = [];
  for (const head of text.matchAll(PARAGRAPH_HEAD)) {
    const start = head.index;
    const { members, end } = paragraphMembers(text, head, start, start);
    let extentEnd = end;
    let resolution: ResolutionMember | null = null;
    // "paragraph 8(d) of resolution 1718 (2006)"
    const of = execAt(OF, text, end);
    if (of) {
      const designation = execAt(RESOLUTION_AT, text, end + of[0].length);
      if (designation) {
        const designationStart = end + of[0].length;
        resolution = { start: designationStart, end: designationStart + designation[0].length, number: Number(designation.groups?.number), ...yearOf(designation, designationStart) };
        extentEnd = resolution.end;
      } else if (/^\s*of\s+(?:the\s+)?(?:Article|Art\.)/u.test(text.slice(end, end + 40))) {
        // "paragraph 2 of Article 16": a paragraph of an article, not of a resolution.
        continue;
      }
    }
    mentions.push({
      type: 'paragraphs',
      extent: { start, end: extentEnd },
      keyword: head.groups?.keyword ?? '',
      members,
      resolution,
      single: members.length === 1 && resolution ? { start, end: extentEnd } : null,
    });
  }
  return mentions;
}

function articleMembers(text: string, head: RegExpExecArray, headAt: number, spanStart: number): { members: NumberedMember[]; end: number } {
  let end = headAt + head[0].length;
  const members: NumberedMember[] = [{ start: spanStart, end, number: `${head.groups?.number ?? ''}${head.groups?.suffix ?? ''}`, letter: null, closesRange: false }];
  for (let next = execAt(ARTICLE_NEXT, text, end); next; next = execAt(ARTICLE_NEXT, text, end)) {
    const sep = next.groups?.sep ?? '';
    members.push({
      start: end + sep.length,
      end: end + next[0].length,
      number: `${next.groups?.number ?? ''}${next.groups?.suffix ?? ''}`,
      letter: null,
      closesRange: RANGE_ONLY.test(sep),
    });
    end += next[0].length;
  }
  return { members, end };
}

/** An instrument named right at `at` ("the 2024 treaty", "ARSIWA", "Convention on Cybercrime"). */
function instrumentNameAt(text: string, folded: string | null, at: number, patterns: CorpusPatterns): { instrument: Instrument; end: number } | null {
  const names = patterns.instrumentNames;
  let length = 0;
  if (names && folded !== null) length = matchFoldedAt(names, folded, at);
  else if (names) length = execAt(new RegExp(names.original.source, 'yiu'), text, at)?.[0].length ?? 0;
  const byName = length > 0 ? patterns.instrumentByName.get(nameKey(text.slice(at, at + length))) : undefined;
  if (byName) return { instrument: byName, end: at + length };
  const acronym = patterns.instrumentAcronymAt ? execAt(patterns.instrumentAcronymAt, text, at) : null;
  const byAcronym = acronym ? patterns.instrumentByName.get(nameKey(acronym[0])) : undefined;
  if (acronym && byAcronym) return { instrument: byAcronym, end: at + acronym[0].length };
  const year = execAt(YEAR_TREATY_AT, text, at);
  const treaty = year ? patterns.treatyByYear.get(Number(year.groups?.year)) : undefined;
  if (year && treaty) return { instrument: treaty, end: at + year[0].length };
  return null;
}

function articleMentions(text: string, folded: string | null, patterns: CorpusPatterns): Mention[] {
  const mentions: Mention[] = [];
  for (const head of text.matchAll(ARTICLE_HEAD)) {
    const start = head.index;
    const { members, end } = articleMembers(text, head, start, start);
    let extentEnd = end;
    let instrument: Instrument | 'treaty' | 'convention' | null = null;
    const of = execAt(OF, text, end);
    if (of) {
      const at = end + of[0].length;
      const named = instrumentNameAt(text, folded, at, patterns);
      const anaphor = named ? null : execAt(ARTICLE_OWNER_ANAPHOR, text, at);
      if (named) {
        instrument = named.instrument;
        extentEnd = named.end;
      } else if (anaphor && (/the[ \t\u00a0]*$/u.test(of[0]) || anaphor.groups?.determiner)) {
        // "of the treaty", "of this Convention"
        instrument = anaphor.groups?.treaty ? 'treaty' : 'convention';
        extentEnd = at + anaphor[0].length;
      } else if (OTHER_INSTRUMENT.test(text.slice(at, at + 40))) {
        // "Article 51 of the UN Charter": an article of an instrument the corpus does not know.
        continue;
      }
    }
    const paragraph = execAt(ARTICLE_PARAGRAPH, text, extentEnd);
    if (paragraph && instrument === null) extentEnd += paragraph[0].length;
    mentions.push({ type: 'articles', extent: { start, end: extentEnd }, members, instrument, single: members.length === 1 && instrument ? { start, end: extentEnd } : null });
  }
  return mentions;
}

function instrumentMentions(text: string, folded: string | null, patterns: CorpusPatterns): Mention[] {
  const mentions: Mention[] = [];
  const add = (start: number, end: number, instrument: Instrument): void => {
    const extentStart = start - (LEADING_DETERMINER.exec(text.slice(Math.max(0, start - 8), start))?.[1]?.length ?? 0);
    // "the International Law Commission's Article 16": one article reference.
    const possessive = execAt(POSSESSIVE_ARTICLE, text, end);
    if (possessive) {
      const { members, end: membersEnd } = articleMembers(text, possessive, end, start);
      mentions.push({ type: 'articles', extent: { start: extentStart, end: membersEnd }, members, instrument, single: members.length === 1 ? { start, end: membersEnd } : null });
      return;
    }
    // "the ILC" alone is not the Articles.
    if (/^(?:ILC|International Law Commission)$/iu.test(text.slice(start, end).replace(/\s+/g, ' '))) return;
    mentions.push({ type: 'instruments', extent: { start: extentStart, end }, members: [{ span: { start, end }, instrument }], plural: false });
  };
  const names = patterns.instrumentNames ? matchFolded(patterns.instrumentNames, text, folded) : [];
  const acronyms = patterns.instrumentAcronyms ? [...text.matchAll(patterns.instrumentAcronyms)].map((match) => ({ index: match.index, length: match[0].length })) : [];
  for (const { index, length } of [...names, ...acronyms]) {
    const instrument = patterns.instrumentByName.get(nameKey(text.slice(index, index + length)));
    if (instrument) add(index, index + length, instrument);
  }
  for (const match of text.matchAll(YEAR_TREATY)) {
    const instrument = patterns.treatyByYear.get(Number(match.groups?.year));
    if (instrument) add(match.index, match.index + match[0].length, instrument);
  }
  for (const match of text.matchAll(YEARS_TREATIES)) {
    const first = patterns.treatyByYear.get(Number(match.groups?.first));
    const second = patterns.treatyByYear.get(Number(match.groups?.second));
    if (!first || !second) continue;
    const start = match.index;
    const end = start + match[0].length;
    const secondStart = start + match[0].lastIndexOf(match.groups?.second ?? '');
    const extentStart = start - (LEADING_DETERMINER.exec(text.slice(Math.max(0, start - 8), start))?.[1]?.length ?? 0);
    mentions.push({
      type: 'instruments',
      extent: { start: extentStart, end },
      members: [
        { span: { start, end: start + 4 }, instrument: first },
        { span: { start: secondStart, end }, instrument: second },
      ],
      plural: true,
    });
  }
  return mentions;
}

function anaphorMentions(text: string): Mention[] {
  const mentions: Mention[] = [];
  for (const match of text.matchAll(ANAPHOR)) {
    const span = { start: match.index, end: match.index + match[0].length };
    const target = match.groups?.treaty ? 'treaty' : match.groups?.convention ? 'convention' : 'resolution';
    mentions.push({ type: 'anaphor', extent: span, span, target });
  }
  return mentions;
}

const TITLE_WORDS = new Set(
  [
    'president', 'vice', 'prime', 'minister', 'foreign', 'defence', 'defense', 'chairman', 'chairwoman', 'chair', 'secretary', 'general',
    'premier', 'prosecutor', 'prosecutor-general', 'director', 'marshal', 'governor', 'mayor', 'ambassador', 'envoy', 'commander', 'supreme',
    'leader', 'chief', 'justice', 'deputy', 'first', 'acting', 'education', 'representative', 'permanent', 'head', 'speaker', 'member',
    'security', 'council', 'department', 'comrade', 'commissioner', 'judge', 'emergency', 'situations', 'affairs', 'national', 'state',
    'vice-chairman', 'vice-president', 'secretary-general', 'commander-in-chief', 'armed', 'forces', "people's", 'cabinet', 'economic', 'development',
  ],
);
const TITLE_HEADS = new Set(
  [
    'president', 'minister', 'chairman', 'chairwoman', 'chair', 'secretary', 'general', 'premier', 'prosecutor', 'prosecutor-general', 'director',
    'marshal', 'governor', 'mayor', 'ambassador', 'envoy', 'commander', 'leader', 'chief', 'justice', 'representative', 'head', 'speaker',
    'member', 'commissioner', 'judge', 'vice-chairman', 'vice-president', 'secretary-general', 'commander-in-chief',
  ],
);
const CONNECTORS = new Set(['of', 'the', 'for', 'and', 'on']);
const COMMON_WORD_SURNAMES = new Set(['No']);
const TITLE_THEN_CAPITAL = new RegExp(`^${WS}\\p{Lu}`, 'u');
const INSTITUTION_WORDS = /^[ \t\u00a0]+(?:University|Square|Academy|Institute|Order|Prize|Medal|Stadium|Youth|Military|Street|Bridge|Mausoleum|Foundation|Memorial|Statue|Hall|Palace|School|College)\b/u;

/** The title written right before a name: "Russian President Vladimir Putin" → "President". */
function titleBefore(text: string, nameStart: number): Span | null {
  const windowStart = Math.max(0, nameStart - 120);
  const window = text.slice(windowStart, nameStart);
  if (!/[ \t\u00a0]$/u.test(window)) return null;
  const words = [...window.matchAll(/[^\s]+/gu)];
  const collected: RegExpMatchArray[] = [];
  for (let index = words.length - 1; index >= 0; index--) {
    const word = words[index] as RegExpMatchArray;
    const lower = word[0].toLowerCase().replace(/\u2019/g, "'");
    if (TITLE_WORDS.has(lower) || (CONNECTORS.has(lower) && collected.length > 0)) collected.unshift(word);
    else break;
    // Words must follow each other on the same line.
    const next = words[index + 1];
    if (next && /[\r\n]/.test(window.slice((word.index ?? 0) + word[0].length, next.index))) {
      collected.shift();
      break;
    }
  }
  while (collected.length > 0 && CONNECTORS.has((collected[0] as RegExpMatchArray)[0].toLowerCase())) collected.shift();
  if (collected.length === 0) return null;
  if (!collected.some((word) => TITLE_HEADS.has(word[0].toLowerCase()))) return null;
  const first = collected[0] as RegExpMatchArray;
  const last = collected[collected.length - 1] as RegExpMatchArray;
  return { start: windowStart + (first.index ?? 0), end: windowStart + (last.index ?? 0) + last[0].length };
}

/** The title written after a name: "Kim Kum Chol, President of Kim Il Sung Military University". */
function titleAfter(text: string, nameEnd: number): Span | null {
  const match = /^,[ \t\u00a0]+(?:(?:the[ \t\u00a0]+)?(?:\p{Lu}[\p{L}.]*[ \t\u00a0]+)?\p{Lu}[\p{L}.]*['\u2019]s[ \t\u00a0]+)?/u.exec(text.slice(nameEnd, nameEnd + 60));
  if (!match) return null;
  const start = nameEnd + match[0].length;
  const words = [...text.slice(start, start + 120).matchAll(/[^\s]+/gu)];
  let end = start;
  let count = 0;
  for (const word of words) {
    if (word.index !== undefined && /[\r\n]/.test(text.slice(end, start + word.index))) break;
    // A word ends the title at its first punctuation ("Office;[^1]" → "Office").
    const bare = /^[^,.;:()[\]]*/u.exec(word[0])?.[0] ?? '';
    if (bare.length === 0) break;
    const lower = bare.toLowerCase();
    const isFirst = count === 0;
    if (isFirst ? !TITLE_WORDS.has(lower) : !(TITLE_WORDS.has(lower) || CONNECTORS.has(lower) || /^\p{Lu}/u.test(bare))) break;
    count++;
    end = start + (word.index ?? 0) + bare.length;
    if (bare.length < word[0].length) break;
  }
  if (count === 0) return null;
  // Trailing connectors are not part of the title.
  let title = text.slice(start, end);
  while (/[ \t\u00a0](?:of|the|for|and|on)$/u.test(title)) title = title.replace(/[ \t\u00a0]+\S+$/u, '');
  const words2 = title.split(/\s+/);
  if (!words2.some((word) => TITLE_HEADS.has(word.toLowerCase()))) return null;
  return { start, end: start + title.length };
}

function officialMentions(text: string, folded: string | null, patterns: CorpusPatterns): Mention[] {
  const mentions: Mention[] = [];
  const isInstitution = (start: number, end: number): boolean => {
    if (INSTITUTION_WORDS.test(text.slice(end, end + 20))) return true;
    const ahead = nameKey(text.slice(start, start + 80));
    return patterns.notPersonContexts.some((context) => ahead.startsWith(context));
  };
  if (patterns.officialNames) {
    for (const match of matchFolded(patterns.officialNames, text, folded)) {
      const start = match.index;
      const end = start + match.length;
      const official = patterns.officialByName.get(nameKey(text.slice(start, end)));
      if (!official || isInstitution(start, end)) continue;
      const title = titleBefore(text, start) ?? titleAfter(text, end);
      mentions.push({ type: 'official', extent: { start, end }, span: { start, end }, official, title });
    }
  }
  if (patterns.surnames) {
    for (const match of text.matchAll(patterns.surnames)) {
      const start = match.index;
      const end = start + match[0].length;
      // Part of a longer name ("Kim Yong Chol", "Kim Il Sung Square").
      if (TITLE_THEN_CAPITAL.test(text.slice(end, end + 4)) || isInstitution(start, end)) continue;
      if (/\p{Lu}[\p{L}'\u2019-]*[ \t\u00a0]+$/u.test(text.slice(Math.max(0, start - 30), start)) && !titleBefore(text, start)) continue;
      const title = titleBefore(text, start);
      // A surname that is also an English word counts only with a title.
      if (!title && COMMON_WORD_SURNAMES.has(match[0])) continue;
      mentions.push({ type: 'surname', extent: { start, end }, span: { start, end }, surname: match[0], title });
    }
  }
  return mentions;
}

// ---------------------------------------------------------------------------------------
// Resolution in document order

export interface Context {
  lastResolution: Instrument | null;
  lastWithArticles: Instrument | null;
  lastTreaty: Instrument | null;
  lastConvention: Instrument | null;
  lastBySurname: Map<string, Official>;
}

function hasArticles(instrument: Instrument): boolean {
  return instrument.structure.unit === 'article';
}

function noteInstrument(context: Context, instrument: Instrument): void {
  if (instrument.type === 'resolution') context.lastResolution = instrument;
  if (hasArticles(instrument)) context.lastWithArticles = instrument;
  if (instrument.type === 'treaty') context.lastTreaty = instrument;
  if (instrument.type === 'convention') context.lastConvention = instrument;
}

function resolveMentions(chunks: readonly RecognitionChunk[], document: SourceDocument, corpus: Corpus, patterns: CorpusPatterns): Reference[] {
  const references: Reference[] = [];
  // Mentions' spans are relative to their chunk.
  let chunk: RecognitionChunk = { start: 0, mentions: [], citationSpans: [] };
  const shift = (span: Span | null): Span | null => (span ? { start: span.start + chunk.start, end: span.end + chunk.start } : null);
  let context: Context = { lastResolution: null, lastWithArticles: null, lastTreaty: null, lastConvention: null, lastBySurname: new Map() };
  const emit = (
    span: Span,
    fields: Pick<Reference, 'kind' | 'id' | 'instrumentId' | 'resolvedBy'> & Partial<Pick<Reference, 'candidates' | 'writtenYear' | 'writtenYearSpan' | 'writtenTitle' | 'writtenTitleSpan'>>,
  ): void => {
    const start = span.start + chunk.start;
    const end = span.end + chunk.start;
    // One object shape for every reference (no spreads): a long draft has tens of thousands.
    references.push({
      kind: fields.kind,
      id: fields.id,
      instrumentId: fields.instrumentId,
      text: document.text.slice(start, end),
      start,
      end,
      range: document.rangeOf(start, end),
      resolvedBy: fields.resolvedBy,
      candidates: fields.candidates ?? null,
      writtenYear: fields.writtenYear ?? null,
      writtenYearSpan: fields.writtenYearSpan ?? null,
      writtenTitle: fields.writtenTitle ?? null,
      writtenTitleSpan: fields.writtenTitleSpan ?? null,
      inCitation: within(chunk.citationSpans, span),
    });
  };
  const articleInstruments = corpus.instruments.filter(hasArticles);

  // The context is copied before its first change in each chunk, so a memo may keep it as it is.
  let owned = false;
  const own = (): Context => {
    if (!owned) {
      context = copyContext(context);
      owned = true;
    }
    return context;
  };
  for (chunk of chunks) {
    const entry = context;
    owned = false;
    const line = document.positionAt(chunk.start).line;
    // A chunk's text may occur more than once in a draft: each place keeps its own memo.
    const memos = chunk.memo;
    const exact = memos?.find((memo) => sameContext(memo.entry, entry) && memo.start === chunk.start && memo.line === line);
    const moved = exact ? undefined : memos?.find((memo) => sameContext(memo.entry, entry));
    if (memos && (exact || moved)) {
      let memo = exact as ResolutionMemo;
      if (moved) {
        const delta = chunk.start - moved.start;
        memo = { ...moved, start: chunk.start, line, references: moved.references.map((reference) => movedBy(reference, delta, document)) };
        remember(memos, memo);
      }
      for (const reference of memo.references) references.push(reference);
      context = memo.exit;
      continue;
    }
    const first = references.length;
    for (const mention of chunk.mentions) resolveMention(mention);
    if (memos) remember(memos, { entry, start: chunk.start, line, exit: context, references: references.slice(first) });
  }
  if (!isSorted(references)) references.sort((a, b) => a.start - b.start || a.end - b.end);
  return references;

  function resolveMention(mention: Mention): void {
    switch (mention.type) {
      case 'resolutions': {
        for (const member of mention.members) {
          const instrument = corpus.resolution(member.number);
          if (!instrument) continue;
          emit(member, { kind: 'instrument', id: instrument.id, instrumentId: instrument.id, resolvedBy: 'explicit', writtenYear: member.year, writtenYearSpan: shift(member.yearSpan) });
          noteInstrument(own(), instrument);
        }
        break;
      }
      case 'paragraphs': {
        const explicit = mention.resolution ? corpus.resolution(mention.resolution.number) : undefined;
        if (mention.resolution && !explicit) break;
        const instrument = explicit ?? context.lastResolution;
        const isOp = /^OP/u.test(mention.keyword);
        if (!instrument && !isOp) break;
        for (const { member, span } of expandMembers(mention.members, mention.single, true)) {
          const part = `op-${member.number}${member.letter ?? ''}`;
          if (!instrument) {
            emit(span, { kind: 'provision', id: part, instrumentId: null, resolvedBy: 'ambiguous', candidates: [] });
            continue;
          }
          const resolvedBy: ResolvedBy = !withinParagraphs(instrument, member) ? 'unknown' : explicit ? 'explicit' : 'context';
          emit(span, {
            kind: 'provision',
            id: `${instrument.id}/${part}`,
            instrumentId: instrument.id,
            resolvedBy,
            writtenYear: mention.resolution?.year ?? null,
            writtenYearSpan: shift(mention.resolution?.yearSpan ?? null),
          });
        }
        if (instrument) noteInstrument(own(), instrument);
        break;
      }
      case 'articles': {
        let instrument: Instrument | null = null;
        let explicit = false;
        if (mention.instrument === 'treaty') instrument = context.lastTreaty;
        else if (mention.instrument === 'convention') instrument = context.lastConvention;
        else if (mention.instrument) {
          instrument = mention.instrument;
          explicit = true;
        } else instrument = context.lastWithArticles;
        for (const { member, span } of expandMembers(mention.members, mention.single, false)) {
          const part = `art-${member.number.toLowerCase()}`;
          if (!instrument) {
            const candidates = articleInstruments.filter((candidate) => withinArticles(candidate, member.number)).map((candidate) => `${candidate.id}/${part}`).sort();
            emit(span, { kind: 'provision', id: part, instrumentId: null, resolvedBy: 'ambiguous', candidates });
            continue;
          }
          emit(span, {
            kind: 'provision',
            id: `${instrument.id}/${part}`,
            instrumentId: instrument.id,
            resolvedBy: !withinArticles(instrument, member.number) ? 'unknown' : explicit ? 'explicit' : 'context',
          });
        }
        if (instrument) noteInstrument(own(), instrument);
        break;
      }
      case 'instruments': {
        for (const { span, instrument } of mention.members) {
          emit(span, { kind: 'instrument', id: instrument.id, instrumentId: instrument.id, resolvedBy: 'explicit' });
          if (!mention.plural) noteInstrument(own(), instrument);
        }
        break;
      }
      case 'anaphor': {
        const instrument = mention.target === 'treaty' ? context.lastTreaty : mention.target === 'convention' ? context.lastConvention : context.lastResolution;
        if (!instrument) break;
        emit(mention.span, { kind: 'instrument', id: instrument.id, instrumentId: instrument.id, resolvedBy: 'context' });
        noteInstrument(own(), instrument);
        break;
      }
      case 'official': {
        emit(mention.span, { kind: 'official', id: mention.official.id, instrumentId: mention.official.id, resolvedBy: 'explicit', ...titleFields(document, shift(mention.title)) });
        for (const [surname, officials] of patterns.officialsBySurname) {
          if (officials.includes(mention.official)) own().lastBySurname.set(surname, mention.official);
        }
        break;
      }
      case 'surname': {
        const official = context.lastBySurname.get(mention.surname);
        if (!official) break;
        emit(mention.span, { kind: 'official', id: official.id, instrumentId: official.id, resolvedBy: 'context', ...titleFields(document, shift(mention.title)) });
        break;
      }
    }
  }
}

/** Keeps a few memos per chunk: the places its text occurs, and the one before an edit. */
function remember(memos: ResolutionMemo[], memo: ResolutionMemo): void {
  memos.push(memo);
  if (memos.length > 4) memos.shift();
}

function isSorted(references: readonly Reference[]): boolean {
  for (let index = 1; index < references.length; index++) {
    const previous = references[index - 1] as Reference;
    const current = references[index] as Reference;
    if (previous.start > current.start || (previous.start === current.start && previous.end > current.end)) return false;
  }
  return true;
}

function copyContext(context: Context): Context {
  return { ...context, lastBySurname: new Map(context.lastBySurname) };
}

function sameContext(a: Context, b: Context): boolean {
  if (a === b) return true;
  if (a.lastResolution !== b.lastResolution || a.lastWithArticles !== b.lastWithArticles || a.lastTreaty !== b.lastTreaty || a.lastConvention !== b.lastConvention) return false;
  if (a.lastBySurname.size !== b.lastBySurname.size) return false;
  for (const [surname, official] of a.lastBySurname) if (b.lastBySurname.get(surname) !== official) return false;
  return true;
}

/** A reference of a chunk that moved by `delta` in the document. */
function movedBy(reference: Reference, delta: number, document: SourceDocument): Reference {
  const start = reference.start + delta;
  const end = reference.end + delta;
  const moved = (span: Span | null): Span | null => (span ? { start: span.start + delta, end: span.end + delta } : null);
  return { ...reference, start, end, range: document.rangeOf(start, end), writtenYearSpan: moved(reference.writtenYearSpan), writtenTitleSpan: moved(reference.writtenTitleSpan) };
}

/** Whether a span lies inside one of the sorted, non-overlapping spans. */
function within(spans: ReadonlyArray<Span>, span: Span): boolean {
  let low = 0;
  let high = spans.length - 1;
  while (low <= high) {
    const mid = (low + high) >> 1;
    const candidate = spans[mid] as Span;
    if (candidate.end < span.end) low = mid + 1;
    else if (candidate.start > span.start) high = mid - 1;
    else return true;
  }
  return false;
}

function titleFields(document: SourceDocument, title: Span | null): Pick<Reference, 'writtenTitle' | 'writtenTitleSpan'> {
  return title ? { writtenTitle: document.text.slice(title.start, title.end).replace(/[\s\u00a0]+/g, ' '), writtenTitleSpan: title } : { writtenTitle: null, writtenTitleSpan: null };
}

/**
 * Each written member with its own span (the first one's starts at the keyword; a single
 * member with its instrument named takes the whole phrase), plus the members a range
 * implies, which take the span of the whole range.
 */
function expandMembers(members: NumberedMember[], single: Span | null, lettersRange: boolean): Array<{ member: NumberedMember; span: Span }> {
  if (single && members.length === 1) return [{ member: members[0] as NumberedMember, span: single }];
  const result: Array<{ member: NumberedMember; span: Span }> = [];
  members.forEach((member, index) => {
    const previous = members[index - 1];
    if (member.closesRange && previous) {
      const rangeSpan = { start: previous.start, end: member.end };
      for (const implied of between(previous, member, lettersRange)) result.push({ member: implied, span: rangeSpan });
    }
    result.push({ member, span: { start: member.start, end: member.end } });
  });
  return result;
}

function between(from: NumberedMember, to: NumberedMember, lettersRange: boolean): NumberedMember[] {
  const implied: NumberedMember[] = [];
  const base = { start: from.start, end: to.end, closesRange: false };
  if (lettersRange && from.letter && to.letter && from.number === to.number) {
    for (let code = from.letter.charCodeAt(0) + 1; code < to.letter.charCodeAt(0) && implied.length < MAX_RANGE_EXPANSION; code++) {
      implied.push({ ...base, number: from.number, letter: String.fromCharCode(code) });
    }
    return implied;
  }
  if (from.letter || to.letter || !/^\d+$/.test(from.number) || !/^\d+$/.test(to.number)) return implied;
  const first = Number(from.number);
  const last = Number(to.number);
  if (last - first > MAX_RANGE_EXPANSION) return implied;
  for (let number = first + 1; number < last; number++) implied.push({ ...base, number: String(number), letter: null });
  return implied;
}

function withinArticles(instrument: Instrument, number: string): boolean {
  const count = instrument.structure.count;
  return count === null || Number.parseInt(number, 10) <= count;
}

function withinParagraphs(instrument: Instrument, member: NumberedMember): boolean {
  const count = instrument.structure.count;
  if (count !== null && Number(member.number) > count) return false;
  const letters = instrument.structure.subparagraphs?.[member.number];
  if (member.letter && letters && !letters.includes(member.letter)) return false;
  return true;
}
