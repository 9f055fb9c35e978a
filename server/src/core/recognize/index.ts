import type { Corpus, Instrument, Official } from '../corpus';
import type { SourceDocument } from '../document';
import type { Range, Reference, ResolvedBy } from '../types';
import { keptAt, remember } from '../sorted';
import { foldCase, nameKey, patternsFor, type CorpusPatterns } from './patterns';
import { articleMentions, chapterMentions, CHARTER_ID } from './articles';
import { describedMentions, describedTreaty, type DescribedTreaty } from './described';
import { externalMentions } from './external';
import { anaphorMentions, instrumentMentions, withLeadingDeterminer } from './instruments';
import type { ExternalName, Mention, NumberedMember, Span } from './mentions';
import { officialMentions } from './officials';
import { otherBodyMentions, paragraphMentions, resolutionMentions } from './resolutions';

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

const MAX_RANGE_EXPANSION = 60;

/** A mention and the sentence of its chunk it starts in (0, 1, …). */
export type PlacedMention = Mention & { sentence: number };

/** The mentions in one chunk's masked prose (see chunks.ts), offsets relative to the chunk: what pass 1 finds. */
export type ChunkMentions = readonly PlacedMention[];

/**
 * Where a sentence ends: ".", "!" or "?" (closing quotes and brackets, footnote marks after it), spaces, then a
 * capital; or a blank line, a list item, a block quote or a heading starting on the next line.
 */
const SENTENCE_END = /[.!?]["'\u201d\u2019)\]*_]*(?:\[\^[^\]\s]{1,40}\])*[ \t\u00a0\r\n]+(?=["'\u201c\u2018(\[*_]?\p{Lu})|(?:\r\n|\r(?!\n)|\n)(?=[ \t]*(?:[\r\n]|[-*+>#][ \t]|\d{1,3}[.)][ \t]))/gu;

export function collectMentions(masked: string, corpus: Corpus): ChunkMentions {
  const patterns = patternsFor(corpus);
  const folded = foldCase(masked);
  const externals = externalMentions(masked, folded, patterns);
  const corpusNames = instrumentMentions(masked, folded, patterns);
  // A name the corpus knows wins over an external name it overlaps ("Russia-DPRK Treaty on Comprehensive Strategic Partnership").
  const claimed = selectNonOverlapping(corpusNames);
  // So does a corpus name over another body's resolution ("A/RES/56/83" is the ILC Articles').
  const outside = [...withLeadingDeterminer(masked, externals.mentions), ...otherBodyMentions(masked)].filter((mention) => !overlapsAny(mention.extent, claimed));
  const selected = selectNonOverlapping([
    ...resolutionMentions(masked, corpus),
    ...paragraphMentions(masked),
    ...articleMentions(masked, folded, patterns, externals),
    ...chapterMentions(masked, folded, patterns, externals),
    ...corpusNames,
    ...outside,
    ...describedMentions(masked),
    ...anaphorMentions(masked),
    ...officialMentions(masked, folded, patterns),
  ]);
  const ends: number[] = [];
  SENTENCE_END.lastIndex = 0;
  for (let match = SENTENCE_END.exec(masked); match; match = SENTENCE_END.exec(masked)) ends.push(match.index);
  let sentence = 0;
  // The mentions were made for this call and are selected once each: each gets its sentence in place (a copy of each took ~6 ms of a 1 MB check).
  return selected.map((mention) => {
    while (sentence < ends.length && (ends[sentence] as number) < mention.extent.start) sentence++;
    const placed = mention as PlacedMention;
    placed.sentence = sentence;
    return placed;
  });
}

/** Whether a span overlaps one of the sorted, non-overlapping mentions. */
function overlapsAny(span: Span, mentions: readonly Mention[]): boolean {
  let low = 0;
  let high = mentions.length - 1;
  while (low <= high) {
    const mid = (low + high) >> 1;
    const extent = (mentions[mid] as Mention).extent;
    if (extent.end <= span.start) low = mid + 1;
    else if (extent.start >= span.end) high = mid - 1;
    else return true;
  }
  return false;
}

/** One chunk for pass 2: where it starts, its mentions, and its citation spans (relative, sorted). */
export interface RecognitionChunk {
  start: number;
  mentions: ChunkMentions;
  citationSpans: ReadonlyArray<Span>;
  /** Where the chunk's resolutions are kept between versions (see ResolutionMemo); optional. */
  memo?: ResolutionMemo[];
  /**
   * Set by the resolution: the memo the chunk's references come from in this version. It is
   * the same object for as long as the chunk resolves as before (moved or not), so what is
   * worked out from the references can be reused while it stays.
   */
  resolved?: ResolutionMemo;
  /** Set by the resolution: the line the chunk starts on in this version. */
  line?: number;
}

/**
 * A chunk's references as resolved in one version: a chunk's references depend only on its
 * mentions and on the context it is entered with (the last resolution, treaty, convention,
 * instrument with articles and person by surname before it). Entered with the same context,
 * they are reused; moved, they are shifted when first asked for (see `chunkReferences`).
 */
export interface ResolutionMemo {
  /** The context the chunk was entered with (never changed afterwards: contexts are copied before they change). */
  entry: Context;
  /** Where the chunk stood when its references were worked out. */
  start: number;
  line: number;
  exit: Context;
  references: Reference[];
  /** The references moved to the last few other places the chunk stood at, made when first asked for. */
  moved?: Array<{ start: number; line: number; references: Reference[] }>;
}

/**
 * The references of one chunk where it stands in this version (after `resolveReferences`):
 * the memo's own, or a moved copy. An edit moves every chunk after it; nothing is copied for
 * them until someone asks for their references.
 */
export function chunkReferences(chunk: RecognitionChunk): Reference[] {
  const memo = chunk.resolved;
  if (!memo) return [];
  const line = chunk.line ?? memo.line;
  if (memo.start === chunk.start && memo.line === line) return memo.references;
  memo.moved ??= [];
  const delta = chunk.start - memo.start;
  const lines = line - memo.line;
  return keptAt(
    memo.moved,
    (candidate) => candidate.start === chunk.start && candidate.line === line,
    () => ({ start: chunk.start, line, references: memo.references.map((reference) => movedBy(reference, delta, lines)) }),
  ).references;
}

/** Every reference of the resolved chunks, in document order. */
export function documentReferences(chunks: readonly RecognitionChunk[]): Reference[] {
  const references: Reference[] = [];
  for (const chunk of chunks) for (const reference of chunkReferences(chunk)) references.push(reference);
  if (!isSorted(references)) references.sort((a, b) => a.start - b.start || a.end - b.end);
  return references;
}

/**
 * Pass 2: the references of a document whose chunks' mentions are known, resolved in document
 * order. Each chunk gets its memo (`resolved`) and line; `chunkReferences` and
 * `documentReferences` read the references from there.
 */
export function resolveReferences(document: SourceDocument, chunks: readonly RecognitionChunk[], corpus: Corpus): void {
  resolveMentions(chunks, document, corpus, patternsFor(corpus));
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


// ---------------------------------------------------------------------------------------
// Resolution in document order

/** What stands between two resolutions cited alike: "and", "or", a comma, "as well as". */
const COORDINATED = /^[\s,]*(?:(?:and|or|as[ \t]+well[ \t]+as|and[ \t]+also)[\s,]*)?$/u;

/** What a bare article, an anaphor or a surname may refer to: an instrument of the corpus or one outside it. */
type Target = Instrument | ExternalName;

function isExternal(target: Target): target is ExternalName {
  return 'slug' in target;
}

export interface Context {
  /** The last resolution: a Security Council one, or another body's (an external one, never the context for paragraphs). */
  lastResolution: Instrument | ExternalName | null;
  lastWithArticles: Target | null;
  /** The last instrument of each kind ("treaty", "convention", "covenant", "charter", …), for anaphors. */
  lastByKind: ReadonlyMap<string, Target>;
  /** Article numbers cited with their instrument named ("Article 51 of the UN Charter"), by number: a later bare "Article 51" beyond the context's articles repeats it. */
  citedArticles: ReadonlyMap<string, Instrument>;
  lastBySurname: Map<string, Official>;
}

function hasArticles(instrument: Instrument): boolean {
  return instrument.structure.unit === 'article';
}

/** The kind an anaphor names an instrument by: its type for treaties, conventions and the Charter. */
function kindOf(target: Target): string | null {
  if (isExternal(target)) return target.kind;
  return target.type === 'treaty' || target.type === 'convention' || target.type === 'charter' ? target.type : null;
}

function resolveMentions(chunks: readonly RecognitionChunk[], document: SourceDocument, corpus: Corpus, patterns: CorpusPatterns): void {
  /** The references of the chunk being resolved. */
  let references: Reference[] = [];
  // Mentions' spans are relative to their chunk.
  let chunk: RecognitionChunk = { start: 0, mentions: [], citationSpans: [] };
  const shift = (span: Span | null): Span | null => (span ? { start: span.start + chunk.start, end: span.end + chunk.start } : null);
  let context: Context = { lastResolution: null, lastWithArticles: null, lastByKind: new Map(), citedArticles: new Map(), lastBySurname: new Map() };
  const emit = (
    span: Span,
    fields: Pick<Reference, 'kind' | 'id' | 'instrumentId' | 'resolvedBy'> &
      Partial<Pick<Reference, 'name' | 'candidates' | 'contextInstrumentId' | 'writtenYear' | 'writtenYearSpan' | 'writtenTitle' | 'writtenTitleSpan'>>,
  ): void => {
    const start = span.start + chunk.start;
    const end = span.end + chunk.start;
    // One object shape for every reference (no spreads): a long draft has tens of thousands.
    references.push({
      kind: fields.kind,
      id: fields.id,
      instrumentId: fields.instrumentId,
      name: fields.name ?? null,
      text: document.slice(start, end),
      start,
      end,
      range: document.rangeOf(start, end),
      resolvedBy: fields.resolvedBy,
      candidates: fields.candidates ?? null,
      contextInstrumentId: fields.contextInstrumentId ?? null,
      writtenYear: fields.writtenYear ?? null,
      writtenYearSpan: fields.writtenYearSpan ?? null,
      writtenTitle: fields.writtenTitle ?? null,
      writtenTitleSpan: fields.writtenTitleSpan ?? null,
      inCitation: within(chunk.citationSpans, span),
    });
  };
  const articleInstruments = corpus.recordedInstruments.filter(hasArticles);
  const charter = corpus.instrument(CHARTER_ID) ?? null;

  // The context is copied before its first change in each chunk, so a memo may keep it as it is.
  let owned = false;
  const own = (): Context => {
    if (!owned) {
      context = copyContext(context);
      owned = true;
    }
    return context;
  };
  /** The sentence of this chunk with the last article reference, and that article's instrument (sentences never span chunks). */
  let articleSentence: { sentence: number; target: Target } | null = null;
  /** The sentence of this chunk whose first resolution is the one the sentence is about. */
  let resolutionSentence: { sentence: number; target: Instrument; mention: Mention | null } | null = null;
  let currentMention: Mention | null = null;
  let sentence = 0;

  /**
   * The document mentions an instrument: it becomes the antecedent of anaphors of its kind and,
   * unless it is cited in passing in a sentence about another instrument's article, the
   * instrument of later bare articles.
   */
  const note = (target: Target, asArticle: boolean): void => {
    const kind = kindOf(target);
    if (!isExternal(target) && target.type === 'resolution') {
      // A resolution cited in passing in a sentence about another ("Resolution 2397 builds on resolution 2375") does not take over.
      const first = resolutionSentence;
      const between = first && currentMention && first.mention ? document.slice(chunk.start + first.mention.extent.end, chunk.start + currentMention.extent.start) : '';
      // Coordinated resolutions ("Resolution 1718 and UNSCR 2397") are cited alike: the last one is the context.
      const passing = first !== null && first.sentence === sentence && first.mention !== currentMention && first.target !== target && !COORDINATED.test(between);
      if (!passing) {
        own().lastResolution = target;
        resolutionSentence = { sentence, target, mention: currentMention };
      }
      return;
    }
    if (isExternal(target) && target.kind === 'resolution') {
      own().lastResolution = target;
      return;
    }
    if (kind !== null && context.lastByKind.get(kind) !== target) own().lastByKind = new Map(context.lastByKind).set(kind, target);
    const withArticles = isExternal(target) || hasArticles(target);
    const passing = articleSentence !== null && articleSentence.sentence === sentence && !sameTarget(articleSentence.target, target);
    if (withArticles && !passing && context.lastWithArticles !== target) own().lastWithArticles = target;
    if (asArticle && withArticles && !passing) articleSentence = { sentence, target };
  };

  for (chunk of chunks) {
    const entry = context;
    owned = false;
    articleSentence = null;
    resolutionSentence = null;
    const line = document.positionAt(chunk.start).line;
    chunk.line = line;
    // Entered with the same context, the chunk resolves as before, wherever it now stands.
    const memos = chunk.memo;
    const memo = memos?.find((candidate) => sameContext(candidate.entry, entry));
    if (memo) {
      chunk.resolved = memo;
      context = memo.exit;
      continue;
    }
    references = [];
    for (const mention of chunk.mentions) {
      sentence = mention.sentence;
      currentMention = mention;
      resolveMention(mention);
    }
    const resolved: ResolutionMemo = { entry, start: chunk.start, line, exit: context, references };
    chunk.resolved = resolved;
    if (memos) remember(memos, resolved);
  }

  /** The instrument an anaphor of a kind names: the last of that kind; the UN Charter for "the Charter" with none before. */
  function antecedent(kind: string): { target: Target; resolvedBy: ResolvedBy } | null {
    // "the agreement", "the pact": the last agreement, else the last treaty (news calls treaties pacts and agreements).
    const last = context.lastByKind.get(kind) ?? (kind === 'agreement' ? context.lastByKind.get('treaty') : undefined);
    if (last) return { target: last, resolvedBy: 'context' };
    if (kind === 'charter' && charter) return { target: charter, resolvedBy: 'explicit' };
    return null;
  }

  /**
   * A short name for the corpus instrument of its kind mentioned last: "the Vienna Convention"
   * after the Vienna Convention on the Law of Treaties is the VCLT, not another Vienna Convention.
   */
  function shortNameOf(external: ExternalName): Instrument | null {
    const last = external.kind ? context.lastByKind.get(external.kind) : undefined;
    if (!last || isExternal(last)) return null;
    const short = `${nameKey(external.name)} `;
    return [last.title, last.shortTitle, ...(last.aliases ?? [])].some((name) => nameKey(name).replace(/^the /u, '').startsWith(short)) ? last : null;
  }

  /** The corpus treaty a description by parties means, in this context (the last treaty mentioned first). */
  function treatyDescribed(described: DescribedTreaty): { instrument: Instrument; fromContext: boolean } | null {
    const last = context.lastByKind.get('treaty');
    return describedTreaty(described, last && !isExternal(last) ? last : null, corpus);
  }

  function emitExternal(span: Span, external: ExternalName, part: string | null, resolvedBy: ResolvedBy): void {
    emit(span, { kind: 'external', id: part ? `${external.slug}/${part}` : external.slug, instrumentId: external.slug, name: external.name, resolvedBy });
  }

  function resolveMention(mention: Mention): void {
    switch (mention.type) {
      case 'resolutions': {
        for (const member of mention.members) {
          const instrument = corpus.resolution(member.number);
          if (!instrument) continue;
          emit(member, { kind: 'instrument', id: instrument.id, instrumentId: instrument.id, resolvedBy: 'explicit', writtenYear: member.year, writtenYearSpan: shift(member.yearSpan) });
          note(instrument, false);
        }
        break;
      }
      case 'paragraphs': {
        const explicit = mention.resolution ? corpus.resolution(mention.resolution.number) : undefined;
        if (mention.resolution && !explicit) break;
        const last = context.lastResolution;
        // After another body's resolution, "paragraph 3" is not a Security Council paragraph.
        if (!explicit && last && isExternal(last)) break;
        const instrument = explicit ?? (last as Instrument | null);
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
        if (instrument) note(instrument, false);
        break;
      }
      case 'articles': {
        let target: Target | null = null;
        let resolvedBy: ResolvedBy = 'context';
        const owner = mention.owner;
        if (owner === null) target = context.lastWithArticles;
        else if ('instrument' in owner) {
          target = owner.instrument;
          resolvedBy = 'explicit';
        } else if ('external' in owner) {
          const corpusInstrument = shortNameOf(owner.external);
          target = corpusInstrument ?? owner.external;
          resolvedBy = corpusInstrument ? 'context' : 'explicit';
        } else if ('described' in owner) {
          const found = treatyDescribed(owner.described);
          target = found?.instrument ?? null;
          resolvedBy = found?.fromContext ? 'context' : 'explicit';
        } else {
          const found = antecedent(owner.anaphor);
          target = found?.target ?? null;
          resolvedBy = found?.resolvedBy ?? 'context';
        }
        // A bare article (or a list of them, none within) beyond its context's articles: the writer probably means another instrument.
        const named = target;
        const elsewhere = resolvedBy === 'context' && named !== null && !isExternal(named) && mention.members.every((member) => !withinArticles(named, member.number));
        for (const { member, span } of expandMembers(mention.members, mention.single, false)) {
          const part = `art-${member.number.toLowerCase()}`;
          if (target && isExternal(target)) {
            emitExternal(span, target, part, resolvedBy);
            continue;
          }
          const beyond = target !== null && !withinArticles(target, member.number);
          // A number cited before with its instrument named ("Article 51 of the UN Charter"), repeated bare.
          const repeated = elsewhere ? context.citedArticles.get(member.number.toLowerCase()) : undefined;
          if (repeated) {
            emit(span, { kind: 'provision', id: `${repeated.id}/${part}`, instrumentId: repeated.id, resolvedBy: 'context' });
            continue;
          }
          if (!target || elsewhere) {
            const candidates = articleInstruments.filter((candidate) => withinArticles(candidate, member.number)).map((candidate) => `${candidate.id}/${part}`).sort();
            emit(span, { kind: 'provision', id: part, instrumentId: null, resolvedBy: 'ambiguous', candidates, contextInstrumentId: elsewhere && named ? (named as Instrument).id : null });
            continue;
          }
          emit(span, { kind: 'provision', id: `${target.id}/${part}`, instrumentId: target.id, resolvedBy: beyond ? 'unknown' : resolvedBy });
        }
        if (target) note(target, true);
        if (target && !isExternal(target) && resolvedBy === 'explicit') {
          const explicit = target;
          const changed = mention.members.filter((member) => withinArticles(explicit, member.number) && context.citedArticles.get(member.number.toLowerCase()) !== explicit);
          if (changed.length > 0) {
            const cited = new Map(context.citedArticles);
            for (const member of changed) cited.set(member.number.toLowerCase(), explicit);
            own().citedArticles = cited;
          }
        }
        break;
      }
      case 'described': {
        const found = treatyDescribed(mention.described);
        if (!found) break;
        emit(mention.span, { kind: 'instrument', id: found.instrument.id, instrumentId: found.instrument.id, resolvedBy: found.fromContext ? 'context' : 'explicit' });
        note(found.instrument, false);
        break;
      }
      case 'chapter': {
        if (!charter) break;
        emit(mention.span, { kind: 'provision', id: `${charter.id}/ch-${mention.number}`, instrumentId: charter.id, resolvedBy: mention.named ? 'explicit' : 'context' });
        note(charter, true);
        break;
      }
      case 'instruments': {
        for (const { span, instrument } of mention.members) {
          emit(span, { kind: 'instrument', id: instrument.id, instrumentId: instrument.id, resolvedBy: 'explicit' });
          if (!mention.plural) note(instrument, false);
        }
        break;
      }
      case 'external': {
        const corpusInstrument = shortNameOf(mention.external);
        if (corpusInstrument) {
          emit(mention.span, { kind: 'instrument', id: corpusInstrument.id, instrumentId: corpusInstrument.id, resolvedBy: 'context' });
          note(corpusInstrument, false);
          break;
        }
        emitExternal(mention.span, mention.external, null, 'explicit');
        note(mention.external, false);
        break;
      }
      case 'anaphor': {
        if (mention.target === 'resolution') {
          const last = context.lastResolution;
          if (!last || isExternal(last)) break;
          emit(mention.span, { kind: 'instrument', id: last.id, instrumentId: last.id, resolvedBy: 'context' });
          note(last, false);
          break;
        }
        const found = antecedent(mention.target);
        if (!found) break;
        if (isExternal(found.target)) emitExternal(mention.span, found.target, null, 'context');
        else emit(mention.span, { kind: 'instrument', id: found.target.id, instrumentId: found.target.id, resolvedBy: found.resolvedBy });
        note(found.target, false);
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
        const official = context.lastBySurname.get(mention.surname) ?? mention.alone;
        if (!official) break;
        emit(mention.span, { kind: 'official', id: official.id, instrumentId: official.id, resolvedBy: 'context', ...titleFields(document, shift(mention.title)) });
        break;
      }
    }
  }
}

/** Whether two targets are the same instrument (external names compare by slug). */
function sameTarget(a: Target, b: Target): boolean {
  if (a === b) return true;
  return isExternal(a) && isExternal(b) && a.slug === b.slug;
}

/** Keeps a few memos per chunk: the places its text occurs, and the one before an edit. */
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

function sameOptionalTarget(a: Target | null, b: Target | null): boolean {
  return a === b || (a !== null && b !== null && sameTarget(a, b) && (!isExternal(a) || (a as ExternalName).name === (b as ExternalName).name));
}

function sameContext(a: Context, b: Context): boolean {
  if (a === b) return true;
  if (!sameOptionalTarget(a.lastResolution, b.lastResolution) || !sameOptionalTarget(a.lastWithArticles, b.lastWithArticles)) return false;
  if (a.lastByKind.size !== b.lastByKind.size || a.citedArticles.size !== b.citedArticles.size) return false;
  for (const [number, instrument] of a.citedArticles) if (b.citedArticles.get(number) !== instrument) return false;
  for (const [kind, target] of a.lastByKind) if (!sameOptionalTarget(b.lastByKind.get(kind) ?? null, target)) return false;
  if (a.lastBySurname.size !== b.lastBySurname.size) return false;
  for (const [surname, official] of a.lastBySurname) if (b.lastBySurname.get(surname) !== official) return false;
  return true;
}

/**
 * A reference of a chunk that moved by `delta` code units and `lines` lines. A chunk starts at
 * the start of a line, so its references keep their columns: their range is the same object
 * when no line was added or removed before the chunk, else the same columns on shifted lines.
 */
function movedBy(reference: Reference, delta: number, lines: number): Reference {
  const start = reference.start + delta;
  const end = reference.end + delta;
  const range = lines === 0 ? reference.range : shiftedLines(reference.range, lines);
  const moved = (span: Span | null): Span | null => (span ? { start: span.start + delta, end: span.end + delta } : null);
  // The same shape as emit() makes, field by field: a spread of a long draft's thousands of references was the slowest step of an edit.
  return {
    kind: reference.kind,
    id: reference.id,
    instrumentId: reference.instrumentId,
    name: reference.name,
    text: reference.text,
    start,
    end,
    range,
    resolvedBy: reference.resolvedBy,
    candidates: reference.candidates,
    contextInstrumentId: reference.contextInstrumentId,
    writtenYear: reference.writtenYear,
    writtenYearSpan: moved(reference.writtenYearSpan),
    writtenTitle: reference.writtenTitle,
    writtenTitleSpan: moved(reference.writtenTitleSpan),
    inCitation: reference.inCitation,
  };
}

/** A range `lines` lines further down, its columns kept. */
export function shiftedLines(range: Range, lines: number): Range {
  return { start: { line: range.start.line + lines, character: range.start.character }, end: { line: range.end.line + lines, character: range.end.character } };
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
  return title ? { writtenTitle: document.slice(title.start, title.end).replace(/[\s\u00a0]+/g, ' '), writtenTitleSpan: title } : { writtenTitle: null, writtenTitleSpan: null };
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
  // Written out, not spread from a shared base: a range can imply hundreds of members, and a spread is slow in code not yet optimized.
  const member = (number: string, letter: string | null): NumberedMember => ({ start: from.start, end: to.end, closesRange: false, number, letter });
  if (lettersRange && from.letter && to.letter && from.number === to.number) {
    for (let code = from.letter.charCodeAt(0) + 1; code < to.letter.charCodeAt(0) && implied.length < MAX_RANGE_EXPANSION; code++) {
      implied.push(member(from.number, String.fromCharCode(code)));
    }
    return implied;
  }
  if (from.letter || to.letter || !/^\d+$/.test(from.number) || !/^\d+$/.test(to.number)) return implied;
  const first = Number(from.number);
  const last = Number(to.number);
  if (last - first > MAX_RANGE_EXPANSION) return implied;
  for (let number = first + 1; number < last; number++) implied.push(member(String(number), null));
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
