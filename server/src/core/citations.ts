import { knownDate, type Instrument, type Provision } from './corpus';
import { formatDate as dayMonthYear, formatDateMonthFirst as monthDayYear } from './dates';

/**
 * Citations of instruments and provisions in three styles, for hovers, footnotes inserted by
 * quick fixes and completions, and snippets. The patterns follow the usual shape of each
 * style (UN editorial practice, Chicago notes, OSCOLA) for these kinds of documents; they are
 * Lexicite's renderings, built only from the data's title, symbol and date.
 */
export type CitationStyle = 'un' | 'chicago' | 'oscola';
export const CITATION_STYLES: readonly CitationStyle[] = ['un', 'chicago', 'oscola'];

/** "8(d)" as each style writes a sub-paragraph. */
function paragraphNumber(number: string, style: CitationStyle): string {
  return style === 'un' ? number.replace(/^(\d+)\(([a-z])\)$/, '$1 ($2)') : number;
}

function resolutionNumber(instrument: Instrument): string {
  return /^unscr-(\d+)$/.exec(instrument.id)?.[1] ?? instrument.id;
}

/** A citation of an instrument, or of one of its provisions. Ends with a full stop. */
export function formatCitation(instrument: Instrument, provision: Pick<Provision, 'number' | 'kind'> | null, style: CitationStyle): string {
  // A date the sources do not settle is cited by its year; a resolution newer than the index by its number alone.
  const date = knownDate(instrument) ?? '';
  const year = date.slice(0, 4);
  if (instrument.type === 'resolution') {
    if (!year) {
      const number = resolutionNumber(instrument);
      const paragraph = provision ? paragraphNumber(provision.number, style) : null;
      return style === 'oscola' ? `UNSC Res ${number}${paragraph ? `, para ${paragraph}` : ''}.` : `Security Council resolution ${number}${paragraph ? `, para. ${paragraph}` : ''}.`;
    }
    const number = resolutionNumber(instrument);
    const symbol = instrument.symbol ?? `S/RES/${number} (${year})`;
    const paragraph = provision ? paragraphNumber(provision.number, style) : null;
    switch (style) {
      case 'un':
        return `Security Council resolution ${number} (${year}), ${symbol}${paragraph ? `, para. ${paragraph}` : ''}.`;
      case 'chicago':
        return `UN Security Council, Resolution ${number} (${year}), ${symbol.replace(/\s*\(\d{4}\)$/, '')} (${monthDayYear(date)})${paragraph ? `, para. ${paragraph}` : ''}.`;
      case 'oscola':
        return `UNSC Res ${number} (${dayMonthYear(date)}) UN Doc ${symbol.replace(/\s*\(\d{4}\)$/, '')}${paragraph ? `, para ${paragraph}` : ''}.`;
    }
  }
  const article = provision?.number ?? null;
  const symbol = instrument.symbol && instrument.type !== 'articles' ? instrument.symbol : null;
  switch (style) {
    case 'un':
      return `${instrument.title}${symbol ? `, ${symbol}` : ''} (${instrument.dateKind} ${dayMonthYear(date)})${article ? `, art. ${article}` : ''}.`;
    case 'chicago':
      return `${instrument.title}${symbol ? `, ${symbol}` : ''}, ${instrument.dateKind} ${monthDayYear(date)}${article ? `, art. ${article}` : ''}.`;
    case 'oscola':
      return `${instrument.title} (${instrument.dateKind} ${dayMonthYear(date)})${symbol ? ` ${symbol}` : ''}${article ? ` art ${article}` : ''}.`;
  }
}

/** A footnote label for a citation: the canonical id, with the slash made a hyphen (`unscr-1718-op-8d`). */
export function footnoteLabel(id: string): string {
  return id.replace(/\//g, '-');
}
