import type { Corpus } from './corpus';
import type { SourceDocument } from './document';
import type { ScannableText } from './markdown';
import type { Reference } from './types';

/**
 * Security Council resolutions, written as "Resolution 1718", "resolution 1718 (2006)",
 * "Security Council Resolution 1718", "UNSC Resolution 1718", "UNSC Res. 2375",
 * "UNSCR 2397" or "S/RES/1718 (2006)".
 *
 * The lookbehind keeps numbers inside identifiers and paths ("x/S/RES/1718") out; the
 * lookahead keeps "Resolution 1718.5" or "1718,000" out. Every quantifier is bounded by
 * a literal that follows it, so the expression runs in linear time.
 */
const RESOLUTION_PATTERN = new RegExp(
  [
    String.raw`(?<![\p{L}\p{N}_/.-])`,
    '(?:',
    // "Resolution 1718", with an optional "Security Council" / "UN Security Council" / "UNSC" before it
    String.raw`(?:(?:(?:U\.?N\.?[ \t\u00a0]+)?Security[ \t\u00a0]+Council|UNSC)[ \t\u00a0]+)?(?:Resolution|Res\.)[ \t\u00a0]+(?:No\.[ \t\u00a0]*)?(?<n1>\d{3,4})`,
    '|',
    String.raw`UNSCR[ \t\u00a0]*(?<n2>\d{3,4})`,
    '|',
    String.raw`S\/RES\/(?<n3>\d{3,4})`,
    ')',
    String.raw`(?![\p{L}\p{N}_]|[.,]\d)`,
    String.raw`(?:[ \t\u00a0]*\((?<year>\d{4})\))?`,
  ].join(''),
  'giu',
);

export function recognizeReferences(document: SourceDocument, scan: ScannableText, corpus: Corpus): Reference[] {
  const references: Reference[] = [];
  for (const match of scan.masked.matchAll(RESOLUTION_PATTERN)) {
    const groups = match.groups ?? {};
    const numberText = groups.n1 ?? groups.n2 ?? groups.n3;
    if (!numberText) continue;
    const instrument = corpus.resolution(Number(numberText));
    if (!instrument) continue;
    const start = match.index;
    const end = start + match[0].length;
    const yearText = groups.year;
    const yearStart = yearText ? start + match[0].lastIndexOf(yearText) : -1;
    references.push({
      kind: 'instrument',
      id: instrument.id,
      instrumentId: instrument.id,
      text: document.text.slice(start, end),
      start,
      end,
      range: document.rangeOf(start, end),
      resolvedBy: 'explicit',
      writtenYear: yearText ? Number(yearText) : null,
      writtenYearSpan: yearText ? { start: yearStart, end: yearStart + yearText.length } : null,
      inCitation: scan.citationSpans.some((span) => span.start <= start && end <= span.end),
    });
  }
  return references;
}
