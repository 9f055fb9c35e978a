import type { DocumentAnalysis } from './analyze';
import { endsWithLineBreak, lineBreakOf } from './document';
import { footnoteLabel, formatCitation, type CitationStyle } from './citations';
import { instrumentDateText, instrumentYear, knownDate, type Corpus, type Instrument, type Official, type Provision } from './corpus';
import { formatDate } from './dates';
import { footnotesByCitation } from './footnotes';
import { titlesHeldAt } from './hover';
import type { Reference, TextEdit } from './types';

/**
 * Completions while writing a draft:
 * - after `[@`, `[see @` or `; @` (a Pandoc citation): the keys of the bibliography, with titles;
 * - after `[^`: a footnote citing each reference of the current sentence (a new definition
 *   is appended, or an existing one for the same source is reused);
 * - after "Article " / "Articles " / "Art. " with an instrument with articles before it: its
 *   articles, with titles and a preview of their text;
 * - after "Resolution " / "UNSCR " / "S/RES/": the resolutions, with their dates;
 * - after "paragraph " / "OP " with a resolution before it: its operative paragraphs;
 * - on a capitalised word: the officials whose names start with it, with the title held at
 *   the document's date.
 */
export interface CompletionInfo {
  label: string;
  kind: 'footnote' | 'citation-key' | 'provision' | 'instrument' | 'official';
  detail: string;
  /** Plain text shown beside the item: a preview of a provision's text, a citation. */
  documentation: string | null;
  /** What replaces [replaceStart, offset). */
  insertText: string;
  /** Edits elsewhere, e.g. the footnote definition appended at the end of the document. */
  additionalEdits: TextEdit[];
  sortText: string;
}

export interface CompletionOptions {
  asOf: string;
  style: CitationStyle;
}

export interface Completions {
  replaceStart: number;
  items: CompletionInfo[];
  /** The list is cut short: the editor should ask again as the writer types more. */
  incomplete?: boolean;
}

/** At most this many resolutions are offered at once (the index holds thousands). */
const MAX_RESOLUTION_ITEMS = 60;

const PREVIEW_LENGTH = 160;

export function completionsAt(analysis: DocumentAnalysis, corpus: Corpus, offset: number, options: CompletionOptions): Completions | null {
  const lineStart = analysis.document.offsetAt({ line: analysis.document.positionAt(offset).line, character: 0 });
  // Read as a stretch: an editor's version is not joined for a completion (see text.ts).
  const before = analysis.document.slice(Math.max(lineStart, offset - 200), offset);

  // A Pandoc citation key: "[@", "[see @", "; @" inside brackets, "-@" suppresses the author.
  const citation = /\[[^\]\[\r\n]{0,100}?-?@([\p{L}\p{N}_:.#$%&+?<>~\/-]*)$/u.exec(before);
  if (citation && analysis.bibliography) return { replaceStart: offset - (citation[1]?.length ?? 0), items: citationKeyItems(analysis) };

  const footnote = /\[\^([\w-]*)$/u.exec(before);
  if (footnote) return { replaceStart: offset - (footnote[1]?.length ?? 0), items: footnoteItems(analysis, corpus, offset, options.style) };

  const article = /(?:^|[^\p{L}])(?:[Aa]rticles?|Arts?\.)[ \u00a0](\d*)$/u.exec(before);
  if (article) {
    const instrument = lastInstrumentBefore(analysis.references, corpus, offset, (candidate) => candidate.structure.unit === 'article');
    return instrument ? { replaceStart: offset - (article[1]?.length ?? 0), items: provisionItems(instrument, 'article') } : null;
  }

  const paragraph = /(?:^|[^\p{L}])(?:[Pp]aragraphs?|OP)[ \u00a0](\d*)$/u.exec(before);
  if (paragraph) {
    const instrument = lastInstrumentBefore(analysis.references, corpus, offset, (candidate) => candidate.type === 'resolution');
    return instrument ? { replaceStart: offset - (paragraph[1]?.length ?? 0), items: provisionItems(instrument, 'operative-paragraph') } : null;
  }

  const resolution = /(?:^|[^\p{L}])(?:[Rr]esolutions?[ \u00a0]|UNSCR[ \u00a0]|S\/RES\/)(\d*)$/u.exec(before);
  if (resolution) {
    const typed = resolution[1] ?? '';
    const { items, incomplete } = resolutionItems(corpus, typed);
    return { replaceStart: offset - typed.length, items, incomplete };
  }

  // A name being typed: the longest run of up to four words ending here that starts an official's name.
  const words = /(?:^|[^\p{L}\p{N}])((?:\p{Lu}[\p{L}'\u2019-]*[ \u00a0]){0,3}\p{Lu}[\p{L}'\u2019-]{1,30})$/u.exec(before)?.[1];
  if (words) {
    const parts = words.split(/[ \u00a0]/);
    for (let count = parts.length; count >= 1; count--) {
      const prefix = parts.slice(parts.length - count).join(' ');
      const items = officialItems(corpus, prefix, options.asOf);
      if (items.length > 0) return { replaceStart: offset - prefix.length, items };
    }
  }
  return null;
}

/** The instrument of the last reference before `offset` that satisfies `accept`. */
function lastInstrumentBefore(references: readonly Reference[], corpus: Corpus, offset: number, accept: (instrument: Instrument) => boolean): Instrument | null {
  for (let index = references.length - 1; index >= 0; index--) {
    const reference = references[index] as Reference;
    if (reference.end > offset || !reference.instrumentId || reference.kind === 'official') continue;
    const instrument = corpus.instrument(reference.instrumentId);
    if (instrument && accept(instrument)) return instrument;
  }
  return null;
}

function preview(provision: Provision): string {
  if (!provision.text) return provision.summary ? `No verbatim text bundled. Summary (ours): ${provision.summary.text}` : 'No verbatim text bundled.';
  const body = provision.text.body.replace(/\s+/g, ' ');
  return body.length > PREVIEW_LENGTH ? `${body.slice(0, PREVIEW_LENGTH)}…` : body;
}

function provisionItems(instrument: Instrument, kind: 'article' | 'operative-paragraph'): CompletionInfo[] {
  const known = instrument.provisions.filter((provision) => provision.kind === kind);
  const byNumber = new Map(known.map((provision) => [provision.number, provision]));
  const numbers = new Set<string>(known.map((provision) => provision.number));
  // Every number the structure allows, so that articles without text can be cited too.
  for (let number = 1; number <= (instrument.structure.count ?? 0); number++) numbers.add(String(number));
  const ordered = [...numbers].sort((a, b) => Number.parseInt(a, 10) - Number.parseInt(b, 10) || a.localeCompare(b));
  return ordered.map((number, index) => {
    const provision = byNumber.get(number);
    const label = kind === 'article' ? `Article ${number}` : `Paragraph ${number}`;
    return {
      label: number,
      kind: 'provision',
      detail: `${label}${provision?.title ? ` — ${provision.title}` : ''} · ${instrument.shortTitle}`,
      documentation: provision ? preview(provision) : 'No verbatim text bundled.',
      insertText: number,
      additionalEdits: [],
      sortText: String(index).padStart(4, '0'),
    };
  });
}

function citationKeyItems(analysis: DocumentAnalysis): CompletionInfo[] {
  const entries = analysis.bibliography?.entries ?? [];
  return entries.map((entry, index) => ({
    label: entry.key,
    kind: 'citation-key',
    detail: entry.title ?? entry.key,
    documentation: [entry.number, entry.url].filter((part): part is string => part !== null).join(' · ') || null,
    insertText: entry.key,
    additionalEdits: [],
    sortText: String(index).padStart(4, '0'),
  }));
}

/**
 * The resolutions whose number starts with the digits typed: those with a record of their own
 * (the DPRK resolutions) first, then the index's in order of number, at most
 * MAX_RESOLUTION_ITEMS of them (the list is then marked incomplete, so that the editor asks
 * again as more digits are typed).
 */
function resolutionItems(corpus: Corpus, typed: string): { items: CompletionInfo[]; incomplete: boolean } {
  const numberOf = (instrument: Instrument): string => /^unscr-(\d+)$/.exec(instrument.id)?.[1] ?? instrument.id;
  const matching = corpus.instruments
    .filter((instrument) => instrument.type === 'resolution' && numberOf(instrument).startsWith(typed))
    .sort((a, b) => Number(a.origin === 'index') - Number(b.origin === 'index') || (knownDate(a) ?? '').localeCompare(knownDate(b) ?? '') || Number(numberOf(a)) - Number(numberOf(b)));
  const items = matching.slice(0, MAX_RESOLUTION_ITEMS).map((instrument, index): CompletionInfo => {
    const number = numberOf(instrument);
    const year = instrumentYear(instrument);
    return {
      label: number,
      kind: 'instrument',
      detail: `${instrument.symbol ?? instrument.shortTitle}, adopted ${instrumentDateText(instrument)}`,
      documentation: instrument.topic ? `${instrument.title}. Topic (Dag Hammarskjöld Library): ${instrument.topic}` : instrument.title,
      insertText: year === null ? number : `${number} (${year})`,
      additionalEdits: [],
      sortText: String(index).padStart(4, '0'),
    };
  });
  return { items, incomplete: matching.length > MAX_RESOLUTION_ITEMS };
}

function officialItems(corpus: Corpus, prefix: string, asOf: string): CompletionInfo[] {
  const lower = prefix.toLowerCase();
  const matches = corpus.officials.filter((official: Official) => [official.name, ...(official.variants ?? [])].some((name) => name.toLowerCase().startsWith(lower)));
  return matches.map((official, index) => {
    const held = titlesHeldAt(official, asOf).map((title) => title.title);
    return {
      label: official.name,
      kind: 'official',
      detail: held.length > 0 ? `${held.join('; ')} (on ${formatDate(asOf)})` : `no recorded title on ${formatDate(asOf)}`,
      documentation: `${official.country}${official.native ? ` · ${Object.values(official.native).join(', ')}` : ''}`,
      insertText: official.name,
      additionalEdits: [],
      sortText: String(index).padStart(4, '0'),
    };
  });
}

/** The sentence around an offset: from after the previous sentence end to the next one. */
function sentenceAround(text: string, offset: number): { start: number; end: number } {
  let start = offset;
  while (start > 0 && !/[.!?\n]/.test(text[start - 1] as string)) start--;
  let end = offset;
  while (end < text.length && !/[.!?\n]/.test(text[end] as string)) end++;
  return { start, end };
}

function footnoteItems(analysis: DocumentAnalysis, corpus: Corpus, offset: number, style: CitationStyle): CompletionInfo[] {
  const text = analysis.document.text;
  // The footnote mark follows the sentence it cites: "… resolution 1718.[^" cites that sentence.
  let anchor = text.lastIndexOf('[^', offset);
  while (anchor > 0 && /[.!?"'\u201d\u2019)\s]/u.test(text[anchor - 1] as string)) anchor--;
  const sentence = sentenceAround(text, anchor);
  const eol = lineBreakOf(text);
  const existing = footnotesByCitation(text, analysis.footnoteDefinitions);
  const seen = new Set<string>();
  const items: CompletionInfo[] = [];
  for (const reference of analysis.references) {
    if (reference.start < sentence.start || reference.end > sentence.end || reference.inCitation || reference.kind === 'official') continue;
    if (!reference.instrumentId || seen.has(reference.id)) continue;
    const instrument = corpus.instrument(reference.instrumentId);
    if (!instrument) continue;
    seen.add(reference.id);
    const provision = reference.kind === 'provision' ? (corpus.provision(reference.id)?.provision ?? { number: reference.id.split('/').pop()?.replace(/^(?:art|op)-/, '') ?? '', kind: 'article' }) : null;
    const citation = formatCitation(instrument, provision, style);
    const reuse = existing.get(citation);
    const label = reuse ?? footnoteLabel(reference.id);
    const needsEol = text.length > 0 && !endsWithLineBreak(text);
    items.push({
      label,
      kind: 'footnote',
      detail: reuse ? `existing footnote: ${citation}` : citation,
      documentation: reuse ? 'Reuses the footnote that already cites this source.' : `Adds a footnote definition at the end of the document (${style.toUpperCase()} style).`,
      // An editor that closed the bracket already leaves "]" after the cursor.
      insertText: text[offset] === ']' ? label : `${label}]`,
      additionalEdits: reuse ? [] : [{ start: text.length, end: text.length, newText: `${needsEol ? eol : ''}${eol}[^${label}]: ${citation}${eol}` }],
      sortText: String(items.length).padStart(4, '0'),
    });
  }
  return items;
}
