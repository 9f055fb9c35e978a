import type { Corpus, Instrument, Provision, Rendering } from '../corpus';
import { renderingsOf } from '../renderings';
import { referencesBySentence, sentenceMemo, type Sentence } from '../sentences';
import type { Reference } from '../types';
import { findQuotations, type QuotationSpan } from './find';
import { closestPassage, contains, lettersOf, mostSharedWords, quotationParts, wordsOf, type QuotationPart, type Word } from './match';

/**
 * Quotations checked against the provisions their sentence refers to (`misquote` reports
 * them, the hover over a quotation shows where it was found). A quotation belongs to the
 * provisions its sentence refers to, or, when that sentence refers to none, to those of the
 * sentence before it in the same paragraph ("Article 4 is short. It reads: "…"").
 * Provisions named inside the quotation itself are part of the quoted words, not what is quoted.
 */

/** Where a quotation was found: a provision and the renderings of it that hold the quotation. */
export interface FoundIn {
  instrument: Instrument;
  provision: Provision;
  renderings: Rendering[];
  /** How many renderings the provision has (for a chapter: its articles'). */
  total: number;
}

export interface ClosestPassage {
  instrument: Instrument;
  provision: Provision;
  rendering: Rendering;
  /** The passage as the rendering has it. */
  text: string;
  /** Offsets (in the document; relative to the quoted text inside an Outcome) of the quoted words it would replace. */
  replaceStart: number;
  replaceEnd: number;
  /** Close enough to offer replacing the quoted words with the passage. */
  close: boolean;
}

export type QuotationStatus =
  /** A rendering of a provision the sentence refers to holds it. */
  | 'found'
  /** Not in the provisions referred to, but in another provision of the same instrument. */
  | 'elsewhere'
  /** Every part is in the provision, but not in this order or not in one rendering. */
  | 'out-of-order'
  /** No rendering holds it, and one comes close enough to show that the writer quoted it. */
  | 'misquote';

export interface QuotationCheck extends QuotationSpan {
  status: QuotationStatus;
  /** The provisions the quotation was compared with (those its sentence refers to). */
  provisions: Array<{ instrument: Instrument; provision: Provision }>;
  /** `found`: where; `elsewhere`: the other provisions that hold it. */
  foundIn: FoundIn[];
  /** `misquote`: the closest passage. */
  closest: ClosestPassage | null;
}

export interface QuotationInputs {
  /** The document's masked text (see markdown.ts): quotation marks in code or link destinations are not read. */
  masked: string;
  /** Where `masked` starts in the document (a chunk's masked text; default 0, the whole document's). */
  maskedStart?: number;
  sentences: readonly Sentence[];
  references: readonly Reference[];
  corpus: Corpus;
}

/** Quotations shorter than this many words are checked only for the hover: "so-called" labels and scare quotes are not quotations of a text. */
export const MIN_CHECKED_WORDS = 3;

/** The quotations of the document that refer to provisions with text, checked. */
export function checkQuotations(inputs: QuotationInputs): QuotationCheck[] {
  const { sentences, corpus } = inputs;
  const base = inputs.maskedStart ?? 0;
  const slice = (start: number, end: number): string => inputs.masked.slice(start - base, end - base);
  // Per sentence, the references to provisions in it.
  const bySentence = referencesBySentence(sentences, inputs.references, (reference) => reference.kind === 'provision' && !reference.inCitation && (reference.resolvedBy === 'explicit' || reference.resolvedBy === 'context'));
  const checks: QuotationCheck[] = [];
  const memo = memoFor(corpus);
  let sentenceIndex = 0;
  while (sentenceIndex < sentences.length) {
    // One paragraph at a time: a quotation may run over a sentence end ("It reads: "… . …"").
    const paragraph = (sentences[sentenceIndex] as Sentence).paragraph;
    let last = sentenceIndex;
    while (last + 1 < sentences.length && (sentences[last + 1] as Sentence).paragraph.start === paragraph.start) last++;
    const first = sentenceIndex;
    sentenceIndex = last + 1;
    const start = (sentences[first] as Sentence).start;
    const end = (sentences[last] as Sentence).end;
    if (!bySentence.slice(first, last + 1).some((references) => references.length > 0) || !/["\u201c\u00ab\u201e]/u.test(slice(start, end))) continue;
    let at = first;
    for (const quotation of findQuotations(slice(start, end), start)) {
      while (at < last && (sentences[at + 1] as Sentence).start <= quotation.start) at++;
      const sentence = sentences[at] as Sentence;
      // A provision counts when it is named somewhere outside the quotation.
      const outside = (reference: Reference): boolean => reference.end <= quotation.start || reference.start >= quotation.end;
      let referred = [...byId(bySentence[at] ?? [])].filter(([, named]) => named.some(outside)).map(([id]) => id);
      if (referred.length === 0 && at > first) referred = [...byId(bySentence[at - 1] ?? []).keys()];
      if (referred.length === 0) continue;
      const speaker = sentenceMemo(sentence, 'quotation-speaker', (body) => SPEAKER.test(body));
      const quoted = slice(quotation.innerStart, quotation.innerEnd);
      const key = `${speaker ? 1 : 0}\u0000${referred.join(' ')}\u0000${quoted}`;
      let outcome = memo.get(key);
      if (outcome === undefined) {
        outcome = checkQuotation(quoted, referred.map((id) => corpus.provision(id)).filter((found) => found !== undefined), corpus, speaker);
        remember(memo, key, outcome);
      }
      if (outcome) checks.push(placed(outcome, quotation));
    }
  }
  return checks;
}

/** Words that say someone else is speaking: a quotation in such a sentence may be their words, not the text's. */
const SPEAKER = /\b(?:said|says|told|tells|added|remarked|wrote|writes|tweeted|posted|insisted|stressed|warned|argued|claimed|noted|explained|recalled|according\s+to)\b/iu;

/** The references grouped by what they refer to, in order of first mention. */
function byId(references: readonly Reference[]): Map<string, Reference[]> {
  const ids = new Map<string, Reference[]>();
  for (const reference of references) {
    const named = ids.get(reference.id);
    if (named) named.push(reference);
    else ids.set(reference.id, [reference]);
  }
  return ids;
}

/**
 * What a quotation's check found, before it is placed in the document: the same words quoted
 * from the same provisions give the same outcome, in this version and the next (memoFor).
 */
interface Outcome {
  status: QuotationStatus;
  provisions: Array<{ instrument: Instrument; provision: Provision }>;
  foundIn: FoundIn[];
  /** Offsets relative to the quoted text. */
  closest: ClosestPassage | null;
}

function placed(outcome: Outcome, quotation: QuotationSpan): QuotationCheck {
  const closest = outcome.closest ? { ...outcome.closest, replaceStart: outcome.closest.replaceStart + quotation.innerStart, replaceEnd: outcome.closest.replaceEnd + quotation.innerStart } : null;
  return { ...quotation, status: outcome.status, provisions: outcome.provisions, foundIn: outcome.foundIn, closest };
}

/** Outcomes by speaker, provisions and quoted text, per corpus; cleared when it grows past MEMO_SIZE. */
const memos = new WeakMap<Corpus, Map<string, Outcome | null>>();
const MEMO_SIZE = 5000;
function memoFor(corpus: Corpus): Map<string, Outcome | null> {
  let memo = memos.get(corpus);
  if (!memo) memos.set(corpus, (memo = new Map()));
  return memo;
}
function remember(memo: Map<string, Outcome | null>, key: string, outcome: Outcome | null): void {
  if (memo.size >= MEMO_SIZE) memo.clear();
  memo.set(key, outcome);
}

/** Words that say little about whether a passage is the one quoted. */
const FUNCTION_WORDS = new Set(
  'a an and are as at be been by for from has have in is it its of on or shall that the their this to which will with'.split(' '),
);

function checkQuotation(quoted: string, provisions: Array<{ instrument: Instrument; provision: Provision }>, corpus: Corpus, speaker: boolean): Outcome | null {
  if (provisions.length === 0) return null;
  const parts = quotationParts(quoted);
  if (parts.length === 0) return null;
  const result = (status: QuotationStatus, foundIn: FoundIn[], closest: ClosestPassage | null = null): Outcome => ({ status, provisions, foundIn, closest });

  const held = provisions
    .map((target) => {
      const texts = textsOf(target.provision, corpus);
      return { ...target, renderings: texts.filter((rendering) => holds(rendering, parts)), total: texts.length };
    })
    .filter((found) => found.renderings.length > 0);
  if (held.length > 0) return result('found', held);

  const words = parts.reduce((count, part) => count + wordsOf(quoted.slice(part.start, part.end)).length, 0);
  if (words < MIN_CHECKED_WORDS) return null;
  // Only what is known whole can show that a quotation is not in it.
  if (!provisions.some((target) => knownWhole(target.provision, corpus))) return null;

  const named = new Set(provisions.map((target) => target.provision.id));
  const elsewhere: FoundIn[] = [];
  for (const instrument of new Set(provisions.map((target) => target.instrument))) {
    for (const provision of instrument.provisions) {
      if (named.has(provision.id) || provision.kind === 'chapter') continue;
      const texts = renderingsOf(provision);
      const renderings = texts.filter((rendering) => holds(rendering, parts));
      if (renderings.length > 0) elsewhere.push({ instrument, provision, renderings, total: texts.length });
    }
  }
  if (elsewhere.length > 0) return result('elsewhere', elsewhere);

  // The first part that no rendering holds on its own; when each is held somewhere, the order is wrong.
  const all = provisions.flatMap((target) => textsOf(target.provision, corpus).map((rendering) => ({ ...target, rendering })));
  const missing = parts.find((part) => !all.some(({ rendering }) => holds(rendering, [part])));
  if (!missing) return result('out-of-order', []);
  const closest = closestOf(quoted, missing, all, speaker);
  return closest ? result('misquote', [], closest) : null;
}

function closestOf(
  quoted: string,
  part: QuotationPart,
  candidates: Array<{ instrument: Instrument; provision: Provision; rendering: Rendering }>,
  speaker: boolean,
): ClosestPassage | null {
  const partWords = wordsOf(quoted.slice(part.start, part.end));
  if (partWords.length === 0) return null;
  const content = partWords.filter((word) => !FUNCTION_WORDS.has(word.word));
  const wanted = new Set(content.map((word) => word.word));
  // Most of the quotation's own words must be in the passage for it to be what was quoted.
  const enough = Math.max(2, Math.ceil(wanted.size * 0.6));
  const sharedIn = (text: string): number => new Set(wordsOf(text).map((word) => word.word).filter((word) => wanted.has(word))).size;

  // The stretch closest word by word: close enough, it is offered as the fix.
  let aligned: { candidate: (typeof candidates)[number]; start: number; end: number; cost: number } | null = null;
  for (const candidate of candidates) {
    const passage = closestPassage(partWords, wordsOfRendering(candidate.rendering));
    if (passage && (!aligned || passage.cost < aligned.cost)) aligned = { candidate, ...passage };
  }
  const first = partWords[0] as Word;
  const lastWord = partWords[partWords.length - 1] as Word;
  const place = { replaceStart: part.start + first.start, replaceEnd: part.start + lastWord.end };
  if (aligned) {
    const text = aligned.candidate.rendering.body.slice(aligned.start, aligned.end);
    const similar = sharedIn(text) >= enough;
    if (similar && aligned.cost <= Math.max(1, Math.floor(partWords.length / 3))) return { ...aligned.candidate, text, ...place, close: true };
    if (similar && aligned.cost <= partWords.length / 2 && !speaker) return { ...aligned.candidate, text, ...place, close: false };
  }
  // A quotation in a sentence where someone speaks may be their words: reported only when it is close to the text.
  if (speaker || wanted.size < 2) return null;
  // The same words in another order (a paraphrase between quotation marks).
  let gathered: { candidate: (typeof candidates)[number]; start: number; end: number; shared: number } | null = null;
  for (const candidate of candidates) {
    const stretch = mostSharedWords(wanted, wordsOfRendering(candidate.rendering), Math.ceil(partWords.length * 1.5) + 2);
    if (stretch && (!gathered || stretch.shared > gathered.shared)) gathered = { candidate, ...stretch };
  }
  if (!gathered || gathered.shared < enough) return null;
  return { ...gathered.candidate, text: gathered.candidate.rendering.body.slice(gathered.start, gathered.end), ...place, close: false };
}

/** The renderings a provision is known by: its own, or for a chapter those of its articles. */
function textsOf(provision: Provision, corpus: Corpus): Rendering[] {
  if (provision.kind === 'chapter') return (provision.members ?? []).flatMap((id) => { const member = corpus.provision(id); return member ? renderingsOf(member.provision) : []; });
  return renderingsOf(provision);
}

/** Whether the provision's whole text is known (in at least one rendering that is neither an extract nor cut off). */
function knownWhole(provision: Provision, corpus: Corpus): boolean {
  const whole = (candidate: Provision): boolean => renderingsOf(candidate).some((rendering) => !rendering.partial && !rendering.truncated);
  if (provision.kind === 'chapter') return (provision.members ?? []).length > 0 && (provision.members ?? []).every((id) => { const member = corpus.provision(id); return member !== undefined && whole(member.provision); });
  return whole(provision);
}

function holds(rendering: Rendering, parts: readonly QuotationPart[]): boolean {
  return contains(lettersOfRendering(rendering), parts, { atStart: rendering.partial === true, atEnd: rendering.partial === true || rendering.truncated === true });
}

const letterCache = new WeakMap<Rendering, string>();
function lettersOfRendering(rendering: Rendering): string {
  let letters = letterCache.get(rendering);
  if (letters === undefined) letterCache.set(rendering, (letters = lettersOf(rendering.body)));
  return letters;
}

const wordCache = new WeakMap<Rendering, Word[]>();
function wordsOfRendering(rendering: Rendering): Word[] {
  let words = wordCache.get(rendering);
  if (words === undefined) wordCache.set(rendering, (words = wordsOf(rendering.body)));
  return words;
}
