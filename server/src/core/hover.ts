import type { Corpus, Instrument } from './corpus';
import type { DocumentAnalysis } from './analyze';
import { escapeMarkdown, markdownLink } from './markdown-escape';
import { formatDate } from './rules';
import type { Reference } from './types';

export interface HoverInfo {
  reference: Reference;
  /** Markdown; everything taken from data is escaped. */
  markdown: string;
}

/** The hover for the reference under a UTF-16 offset, if any. */
export function hoverAt(analysis: DocumentAnalysis, corpus: Corpus, offset: number): HoverInfo | null {
  // Ranges give several references the same or nested spans: the narrowest one wins.
  let reference: Reference | undefined;
  for (const candidate of analysis.references) {
    if (candidate.start <= offset && offset < candidate.end && (!reference || candidate.end - candidate.start < reference.end - reference.start)) reference = candidate;
  }
  if (!reference) return null;
  if (reference.kind === 'instrument') {
    const instrument = corpus.instrument(reference.id);
    if (!instrument) return null;
    return { reference, markdown: instrumentHover(instrument) };
  }
  return null;
}

export function instrumentHover(instrument: Instrument): string {
  const lines: string[] = [`**${escapeMarkdown(instrument.title)}**`, ''];
  const facts: string[] = [];
  if (instrument.symbol) facts.push(escapeMarkdown(instrument.symbol));
  facts.push(`${escapeMarkdown(instrument.dateKind)} ${escapeMarkdown(formatDate(instrument.date))}`);
  if (instrument.vote) facts.push(`vote ${escapeMarkdown(instrument.vote)}`);
  lines.push(facts.join(' · '));
  const link = markdownLink('Official document', instrument.url);
  if (link) lines.push('', link);
  return lines.join('\n');
}
