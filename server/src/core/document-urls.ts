import type { Corpus, Instrument } from './corpus';
import { resolutionUrl } from './resolution-index';
import type { Reference } from './types';

/**
 * The official document a reference points to, for hovers and document links:
 * - an instrument of the corpus: its `url`;
 * - a Security Council resolution newer than the bundled index: https://undocs.org/S/RES/N(YEAR),
 *   built from the year written beside it (none without a year);
 * - another body's resolution with a document symbol: the General Assembly's and the Human Rights
 *   Council's on undocs.org (A/RES/68/262, A/RES/ES-11/1, A/RES/3314(XXIX), A/HRC/RES/55/1);
 * - anything else outside the corpus: none (Lexicite does not know where it is published).
 */
export function documentUrlOf(reference: Reference, corpus: Corpus): string | null {
  if (reference.resolvedBy === 'ambiguous') return null;
  if (reference.kind === 'external') return externalResolutionUrl(reference);
  const instrumentId = reference.kind === 'instrument' ? reference.id : reference.instrumentId;
  const instrument = instrumentId ? corpus.instrument(instrumentId) : undefined;
  return instrument ? instrumentUrlFor(instrument, reference) : null;
}

export function instrumentUrlFor(instrument: Instrument, reference: Pick<Reference, 'writtenYear'> | null): string | null {
  if (instrument.url) return instrument.url;
  if (instrument.origin === 'beyond-index' && reference?.writtenYear) {
    const number = Number(/^unscr-(\d+)$/.exec(instrument.id)?.[1]);
    return Number.isFinite(number) ? resolutionUrl(number, reference.writtenYear) : null;
  }
  return null;
}

/** "ga-res-68-262" → A/RES/68/262; "ga-res-3314" with "(XXIX)" written → A/RES/3314(XXIX); "hrc-res-55-1" → A/HRC/RES/55/1. */
function externalResolutionUrl(reference: Reference): string | null {
  const slug = reference.instrumentId ?? '';
  const session = /\(([IVXL]{1,7})\)/u.exec(reference.name ?? '')?.[1];
  let match = /^ga-res-(es-)?(\d{1,4})-(\d{1,4})$/.exec(slug);
  if (match) return `https://undocs.org/A/RES/${match[1] ? 'ES-' : ''}${match[2]}/${match[3]}`;
  match = /^ga-res-(\d{1,4})$/.exec(slug);
  if (match && session) return `https://undocs.org/A/RES/${match[1]}(${session})`;
  match = /^hrc-res-(\d{1,3})-(\d{1,4})$/.exec(slug);
  if (match) return `https://undocs.org/A/HRC/RES/${match[1]}/${match[2]}`;
  return null;
}
