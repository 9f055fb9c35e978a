import { sentenceMemo } from '../sentences';
import { NOT_A_CLAIM, footnotePlaceholder, sourcingView } from './sourcing';
import type { RawFinding, RuleDefinition } from './types';
import { VAGUE_ATTRIBUTION } from './vague-attribution';

const MONTH = String.raw`(?:January|February|March|April|May|June|July|August|September|October|November|December|Jan\.|Feb\.|Mar\.|Apr\.|Jun\.|Jul\.|Aug\.|Sept?\.|Oct\.|Nov\.|Dec\.)`;

/** What makes a sentence a specific claim of fact, in the order they are looked for; each names itself in the message. */
const CLAIMS: Array<{ what: string; pattern: RegExp }> = [
  // Three words or more between quotation marks.
  { what: 'a direct quotation', pattern: /[“"](?:[^”"\s]+\s+){2,60}[^”"\s][^”"\n]{0,400}[”"]/u },
  { what: 'reported speech', pattern: /\b(?:reported(?:ly)?|confirmed|announced|stated|declared|claimed|told|according\s+to|said)\b/i },
  { what: 'a date', pattern: new RegExp(String.raw`\b(?:\d{1,2}\s+${MONTH},?\s+\d{4}|${MONTH}\s+\d{1,2},?\s+\d{4}|${MONTH}\s+\d{4}|\d{4}-\d{2}-\d{2}|(?:in|on|since|by|from|until|during)\s+(?:early\s+|late\s+|mid-)?(?:19|20)\d{2})\b`, 'u') },
  {
    what: 'a number or amount',
    pattern: /(?:[$€£]\s?\d[\d,.]*(?:\s?(?:million|billion|thousand|bn|m))?|\b\d[\d,.]*\s?(?:%|per\s?cent|percent)|\b\d[\d,.]*\s+(?:million|billion|thousand|tonnes|tons|barrels|dollars|euros|troops|soldiers|workers|missiles|shells|rounds|containers|ships|vessels|people|kilometres|kilometers|km)\b)/iu,
  },
  {
    what: 'an event',
    pattern: /\b(?:signed|ratified|launched|fired|tested|deployed|delivered|shipped|transferred|visited|met|attacked|seized|sanctioned|designated|detained|arrested|executed|exported|imported|supplied|sent|arrived|departed|hosted|convened)\b/i,
  },
];

/** The first claim of fact in a sentence's text, unless the sentence is a forecast or a vague attribution (another rule's). */
function claimIn(body: string): { what: string; index: number; text: string } | null {
  if (NOT_A_CLAIM.test(body) || VAGUE_ATTRIBUTION.test(body)) return null;
  for (const { what, pattern } of CLAIMS) {
    const match = pattern.exec(body);
    if (match) return { what, index: match.index, text: match[0] };
  }
  return null;
}

/** A sentence stating a specific fact with no citation in its scope. */
export const uncitedClaim: RuleDefinition = {
  code: 'uncited-claim',
  defaultSeverity: 'warning',
  summary: 'A sentence states a specific fact (a date, a number or amount, an event, an act or words of an official, reported speech or a quotation) with no citation.',
  check(context) {
    const view = sourcingView(context);
    const findings: RawFinding[] = [];
    view.sentences.forEach((sentence, index) => {
      const claim = sentenceMemo(sentence, 'uncited-claim', claimIn);
      // A sentence that cites an instrument uncited is uncited-reference's.
      if (!claim || view.isCited(sentence) || (view.references[index] ?? []).length > 0) return;
      const start = sentence.start + claim.index;
      findings.push({
        start,
        end: start + claim.text.length,
        message: `This sentence states a specific fact (${claim.what}: "${claim.text.replace(/\s+/g, ' ')}") without a citation: add a footnote or a link to its source.`,
        fixes: () => [footnotePlaceholder(context, view, sentence)],
      });
    });
    return findings;
  },
};
