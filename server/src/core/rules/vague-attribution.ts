import { assessmentOf, footnotePlaceholder, sourcingView } from './sourcing';
import type { RawFinding, RuleDefinition } from './types';

export const vagueAttribution: RuleDefinition = {
  code: 'vague-attribution',
  defaultSeverity: 'warning',
  scope: 'chunk',
  summary: 'A claim is attributed to no one in particular ("analysts say", "experts warn", "some have argued", "it is widely believed", "sources say", "officials familiar with the matter") with no citation.',
  check(context) {
    const view = sourcingView(context);
    const findings: RawFinding[] = [];
    for (const sentence of view.sentences) {
      if (view.isCited(sentence)) continue;
      const match = assessmentOf(sentence).vague;
      if (!match) continue;
      const start = sentence.start + match.index;
      findings.push({
        start,
        end: start + match.text.length,
        message: `"${match.text}" attributes the claim to no one in particular: name the source and cite it, or drop the attribution.`,
        fixes: () => [footnotePlaceholder(context, view, sentence)],
      });
    }
    return findings;
  },
};
