import { sentenceMemo } from '../sentences';
import { footnotePlaceholder, sourcingView } from './sourcing';
import type { RawFinding, RuleDefinition } from './types';

/** Unnamed authorities: "analysts say", "experts believe", "security experts warn", "some commentators", "observers note". */
export const VAGUE_ATTRIBUTION =
  /\b(?:(?:some|many|several|most|other|western|security|independent|regional|foreign|military|legal|south\s+korean|japanese|u\.s\.|american|russian)\s+){0,2}(?:analysts|experts|observers|commentators|diplomats|sources|critics|scholars|researchers|insiders|officials|watchers|specialists)\s+(?:say|said|believe|believed|warn|warned|note|noted|argue|argued|suggest|suggested|claim|claimed|think|fear|feared|estimate|estimated|expect|expected|agree|assess|assessed|contend|point\s+out|pointed\s+out)\b|\bsome\s+commentators\b|\bit\s+is\s+(?:widely\s+|generally\s+)?(?:believed|reported|said|thought|assumed|understood)\b|\baccording\s+to\s+(?:some\s+|many\s+)?(?:analysts|experts|observers|sources|reports)\b/i;

/** The first vague attribution in a sentence's text. */
function vagueAttributionIn(body: string): { index: number; text: string } | null {
  const match = VAGUE_ATTRIBUTION.exec(body);
  return match ? { index: match.index, text: match[0] } : null;
}

export const vagueAttribution: RuleDefinition = {
  code: 'vague-attribution',
  defaultSeverity: 'warning',
  summary: 'A claim is attributed to unnamed authorities ("analysts say", "experts believe", "some commentators") with no citation.',
  check(context) {
    const view = sourcingView(context);
    const findings: RawFinding[] = [];
    for (const sentence of view.sentences) {
      const match = sentenceMemo(sentence, 'vague-attribution', vagueAttributionIn);
      if (!match || view.isCited(sentence)) continue;
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
