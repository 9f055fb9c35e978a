import { markdownLink, escapeMarkdown } from '../markdown-escape';
import { provisionsNamed } from '../provision-labels';
import type { QuotationCheck } from './check';

/** At most this many renderings are named; the rest are counted. */
const NAMED_RENDERINGS = 5;

/** The quotation under a UTF-16 offset that was found in its provision, if any. */
export function foundQuotationAt(checks: readonly QuotationCheck[], offset: number): QuotationCheck | null {
  return checks.find((check) => check.status === 'found' && check.start <= offset && offset < check.end) ?? null;
}

/** The hover over a quotation found in the provision its sentence refers to: which renderings hold it. */
export function quotationHover(check: QuotationCheck): string {
  const lines = ['**Quotation checked**', ''];
  for (const { instrument, provision, renderings, total } of check.foundIn) {
    lines.push(`Found in ${escapeMarkdown(provisionsNamed([{ instrument, provision }]))}, in ${renderings.length} of its ${total} rendering${total === 1 ? '' : 's'}:`, '');
    for (const rendering of renderings.slice(0, NAMED_RENDERINGS)) lines.push(`- ${markdownLink(rendering.label, rendering.source.url) ?? escapeMarkdown(rendering.label)}`);
    if (renderings.length > NAMED_RENDERINGS) lines.push(`- and ${renderings.length - NAMED_RENDERINGS} more`);
    lines.push('');
  }
  lines.push('*Compared word for word, whatever the case, spacing, punctuation, quotation marks, dashes and hyphenation; an ellipsis or words in [brackets] stand for words left out or changed.*');
  return lines.join('\n');
}
