import { describeEvidence } from '../claims/detector';
import { assessmentOf, footnotePlaceholder, sourcingView } from './sourcing';
import type { RawFinding, RuleDefinition } from './types';

/** A sentence stating a specific fact with no citation in its scope. */
export const uncitedClaim: RuleDefinition = {
  code: 'uncited-claim',
  defaultSeverity: 'warning',
  scope: 'chunk',
  summary:
    'A sentence states a specific, checkable fact (evidence such as a date, a number, a quotation, an attribution to a named source, an event, an official\'s act) with no citation.',
  check(context) {
    const view = sourcingView(context);
    const findings: RawFinding[] = [];
    view.sentences.forEach((sentence, index) => {
      // A sentence that cites an instrument uncited is uncited-reference's; a vague attribution is vague-attribution's.
      if (view.isCited(sentence) || (view.references[index] ?? []).length > 0) return;
      const assessment = assessmentOf(sentence);
      if (assessment.evidence.length === 0 || assessment.vague) return;
      const sorted = [...assessment.evidence].sort((a, b) => a.index - b.index);
      const first = sorted[0] as (typeof sorted)[number];
      const last = sorted.reduce((end, item) => Math.max(end, item.index + item.text.length), 0);
      findings.push({
        start: sentence.start + first.index,
        end: sentence.start + last,
        message: `This sentence states a specific fact (${describeEvidence(assessment.evidence)}) without a citation: add a footnote or a link to its source.`,
        fixes: () => [footnotePlaceholder(context, view, sentence)],
      });
    });
    return findings;
  },
};
