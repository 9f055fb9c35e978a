import { citeInFootnote, sourcingView } from './sourcing';
import type { RawFinding, RuleDefinition } from './types';

/** A sentence that refers to an instrument or provision, outside a citation, with no citation in its scope. */
export const uncitedReference: RuleDefinition = {
  code: 'uncited-reference',
  defaultSeverity: 'warning',
  summary: 'A sentence refers to an instrument or provision but cites no source (no footnote, Pandoc citation or link in its scope).',
  check(context) {
    const view = sourcingView(context);
    const findings: RawFinding[] = [];
    for (const sentence of view.sentences) {
      const references = context.references.filter(
        (reference) => reference.kind !== 'official' && !reference.inCitation && reference.resolvedBy !== 'ambiguous' && sentence.start <= reference.start && reference.end <= sentence.end,
      );
      const [first] = references;
      if (!first || view.isCited(sentence)) continue;
      const named = [...new Map(references.map((reference) => [reference.id, reference])).values()];
      findings.push({
        start: first.start,
        end: first.end,
        message: `"${first.text.replace(/\s+/g, ' ')}" is cited without a source: add a footnote citing it (quick fix) or a link to the official document.`,
        fixes: named.flatMap((reference) => {
          const fix = citeInFootnote(context, view, sentence, reference);
          return fix ? [fix] : [];
        }),
      });
    }
    return findings;
  },
};
