import { documentDate, type DocumentAnalysis } from './analyze';
import type { Corpus, OfficialTitle } from './corpus';
import { titlesHeldAt } from './hover';
import { namesOffice } from './official-titles';
import { documentUrlOf } from './document-urls';
import { safeLinkTarget } from './markdown-escape';
import { formatDate } from './dates';
import type { Range, Reference } from './types';

/** A link from a reference to its official document (plain values; the server makes them LSP links). */
export interface DocumentLinkInfo {
  start: number;
  end: number;
  range: Range;
  /** An http(s) URL, checked with safeLinkTarget. */
  target: string;
  /** Plain text (not Markdown). */
  tooltip: string;
}

/**
 * One link per reference to its official document: for instruments and provisions the
 * instrument's `url`; for officials the source of the title they held at the document's date
 * (front matter `date:`, else today), preferring the title written beside the name. References
 * with no http(s) URL, ambiguous references and references sharing a span already linked get none.
 */
export function documentLinks(analysis: DocumentAnalysis, corpus: Corpus): DocumentLinkInfo[] {
  const links: DocumentLinkInfo[] = [];
  const seen = new Set<string>();
  let asOf: string | null = null;
  for (const reference of analysis.references) {
    const key = `${reference.start}:${reference.end}`;
    if (seen.has(key)) continue;
    let link: { target: string; tooltip: string } | null;
    if (reference.kind === 'official') {
      asOf ??= documentDate(analysis);
      link = officialLink(reference, corpus, asOf);
    } else {
      link = instrumentLink(reference, corpus);
    }
    if (!link) continue;
    seen.add(key);
    links.push({ start: reference.start, end: reference.end, range: reference.range, ...link });
  }
  return links.sort((a, b) => a.start - b.start || a.end - b.end);
}

function instrumentLink(reference: Reference, corpus: Corpus): { target: string; tooltip: string } | null {
  const target = safeLinkTarget(documentUrlOf(reference, corpus));
  if (!target) return null;
  if (reference.kind === 'external') return { target, tooltip: `Official document: ${reference.name ?? reference.text}` };
  const instrumentId = reference.kind === 'instrument' ? reference.id : reference.instrumentId;
  const instrument = instrumentId ? corpus.instrument(instrumentId) : undefined;
  return instrument ? { target, tooltip: `Official document: ${instrument.symbol ?? instrument.title}` } : null;
}

function officialLink(reference: Reference, corpus: Corpus, asOf: string): { target: string; tooltip: string } | null {
  const official = corpus.official(reference.id);
  if (!official) return null;
  const held = titlesHeldAt(official, asOf);
  const written = reference.writtenTitle;
  const ordered: OfficialTitle[] = written ? [...held.filter((title) => namesOffice(written, title, official)), ...held.filter((title) => !namesOffice(written, title, official))] : held;
  for (const title of ordered) {
    const target = safeLinkTarget(title.source);
    if (target) return { target, tooltip: `Source: ${official.name}, ${title.title} (held on ${formatDate(asOf)})` };
  }
  return null;
}
