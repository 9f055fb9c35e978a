import type { Assessment } from '../claims/detector';
import { assessmentOf, citeExternalInFootnote, citeInFootnote, citeWithPandoc, sourcingView } from './sourcing';
import type { Reference } from '../types';
import type { RawFinding, RuleDefinition } from './types';

/**
 * A question, a remark about the document ("An overview of resolution 2397 is provided below"),
 * a recommendation, a forecast or a hedged reading ("Such a reading would render paragraph 8
 * meaningless") with no evidence of a fact names an instrument without stating anything that
 * needs a source.
 */
function needsNoSource(assessment: Assessment): boolean {
  return assessment.evidence.length === 0 && assessment.score <= -NO_SOURCE_BELOW;
}

/** How far what weighs against a sentence must outweigh the rest for its references to need no source: a hedge, a forecast or a recommendation on its own. */
const NO_SOURCE_BELOW = 2;

/** The first reference to each instrument. */
function uniqueInstruments(references: readonly Reference[]): Reference[] {
  const seen = new Set<string>();
  return references.filter((reference) => reference.instrumentId !== null && !seen.has(reference.instrumentId) && Boolean(seen.add(reference.instrumentId)));
}

/** A sentence that refers to an instrument or provision, outside a citation, with no citation in its scope. */
export const uncitedReference: RuleDefinition = {
  code: 'uncited-reference',
  defaultSeverity: 'warning',
  scope: 'chunk',
  summary: 'A sentence refers to an instrument or provision but cites no source (no footnote, Pandoc citation or link in its scope).',
  check(context) {
    const view = sourcingView(context);
    const findings: RawFinding[] = [];
    const needsSource = (reference: Reference): boolean => context.externalReferences !== 'ignore' || reference.kind !== 'external';
    view.sentences.forEach((sentence, index) => {
      const references = (view.references[index] ?? []).filter(needsSource);
      const [first] = references;
      if (!first || view.isCited(sentence) || needsNoSource(assessmentOf(sentence))) return;
      const named = [...new Map(references.map((reference) => [reference.id, reference])).values()];
      findings.push({
        start: first.start,
        end: first.end,
        message: `"${first.text.replace(/\s+/g, ' ')}" is cited without a source: add a footnote citing it (quick fix) or a link to the official document.`,
        // With a bibliography the writer cites with Pandoc: those fixes (one per instrument) come first.
        fixes: () => [
          ...uniqueInstruments(named).flatMap((reference) => {
            const fix = citeWithPandoc(context, sentence, reference);
            return fix ? [fix] : [];
          }),
          ...named.flatMap((reference) => {
            const fix = reference.kind === 'external' ? citeExternalInFootnote(context, view, sentence, reference) : citeInFootnote(context, view, sentence, reference);
            return fix ? [fix] : [];
          }),
        ],
      });
    });
    return findings;
  },
};
