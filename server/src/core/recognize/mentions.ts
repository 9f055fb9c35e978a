import type { Instrument, Official } from '../corpus';
import type { DescribedTreaty } from './described';
import { RANGE } from './patterns';

/** Offsets in a chunk's masked prose, end exclusive. */
export interface Span {
  start: number;
  end: number;
}

export interface NumberedMember extends Span {
  /** The digits (and bis/ter) as written, e.g. "8", "2bis". */
  number: string;
  letter: string | null;
  /** Set on a member that closes a range ("to 16"): members between are implied. */
  closesRange: boolean;
}

export interface ResolutionMember extends Span {
  number: number;
  year: number | null;
  yearSpan: Span | null;
}

/**
 * An instrument outside the corpus, as named in the text: its slug (from
 * data/external-instruments.json, or built from the name), the name as written, and its kind
 * ("treaty", "convention", "covenant", …; "resolution" for another body's resolution).
 */
export interface ExternalName {
  slug: string;
  name: string;
  kind: string | null;
}

/**
 * Whose articles a mention names: an instrument of the corpus, one outside it, or one named by an
 * anaphor ("of the treaty", "the Charter's"), resolved in pass 2 by its kind; null: none named.
 */
export type ArticleOwner = { instrument: Instrument } | { external: ExternalName } | { anaphor: string } | { described: DescribedTreaty } | null;

/** A candidate reference found by pass 1 (offsets relative to the chunk). */
export type Mention =
  | { type: 'resolutions'; extent: Span; members: ResolutionMember[] }
  | { type: 'paragraphs'; extent: Span; keyword: string; members: NumberedMember[]; resolution: ResolutionMember | null; single: Span | null }
  | { type: 'articles'; extent: Span; members: NumberedMember[]; owner: ArticleOwner; single: Span | null }
  /** A chapter of the UN Charter ("Chapter VII"); `named`: the Charter is named in the phrase. */
  | { type: 'chapter'; extent: Span; span: Span; number: number; named: boolean }
  /** `plural`: "the 1961 and 2000 treaties" names both, but is no antecedent for a later "the treaty". */
  | { type: 'instruments'; extent: Span; members: Array<{ span: Span; instrument: Instrument }>; plural: boolean }
  /** A treaty described by its parties ("the Russia–North Korea treaty"). */
  | { type: 'described'; extent: Span; span: Span; described: DescribedTreaty }
  /** An instrument outside the corpus named in the text, or another body's resolution. */
  | { type: 'external'; extent: Span; span: Span; external: ExternalName }
  /** "the treaty", "the Convention", "the Charter", "that resolution": `target` is the kind of instrument. */
  | { type: 'anaphor'; extent: Span; span: Span; target: string }
  | { type: 'official'; extent: Span; span: Span; official: Official; title: Span | null }
  /** `alone`: whom the surname names with no full name before it (the one person who bears it, unless it needs the full name), else null. */
  | { type: 'surname'; extent: Span; span: Span; surname: string; title: Span | null; alone: Official | null };

export const RANGE_ONLY = new RegExp(`^${RANGE}$`, 'u');

export function execAt(pattern: RegExp, text: string, at: number): RegExpExecArray | null {
  pattern.lastIndex = at;
  return pattern.exec(text);
}

export function yearOf(match: RegExpExecArray, base: number): { year: number | null; yearSpan: Span | null } {
  const year = match.groups?.year;
  if (!year) return { year: null, yearSpan: null };
  const start = base + match[0].lastIndexOf(year);
  return { year: Number(year), yearSpan: { start, end: start + 4 } };
}
