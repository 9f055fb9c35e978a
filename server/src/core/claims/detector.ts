import { vagueAttributionIn, type VagueAttribution } from './attribution';
import { findQuotations } from '../quotations/find';
import { AGAINST, ATTRIBUTIONS, evidenceIn, OTHER_EVIDENCE, readSentence, type Evidence } from './evidence';

/**
 * Does a sentence state a specific, checkable fact? The evidence for it (a time anchor, a
 * number, a quotation, an attribution to a named source, an event, an official's act) and the
 * evidence against it (a question, a remark about the document, a hedge, a forecast, a
 * recommendation, a condition, an evaluation) are weighed: it is a claim when what speaks for
 * it outweighs what speaks against it by CLAIM_THRESHOLD. What a named source is reported to
 * have said is theirs: hedges and forecasts after the reporting verb ("the panel said the
 * missiles could fly 700 km") do not count against the sentence. A vague attribution is the
 * other rule's (`vague-attribution`).
 */
export interface Assessment {
  /** The evidence that makes it a claim, strongest first; empty when it is not one. */
  evidence: Evidence[];
  /** What weighs against. */
  against: Evidence[];
  /** A claim attributed to no one in particular, or null. */
  vague: VagueAttribution | null;
  score: number;
}

export const CLAIM_THRESHOLD = 1.5;

/** `gated: false` tries every pattern (the tests compare it with the gated default). */
export function assessSentence(body: string, gated = true): Assessment {
  const text = readSentence(body, gated);
  const vague = vagueAttributionIn(text);
  const attributions = evidenceIn(text, ATTRIBUTIONS);
  const attribution = attributions[0];
  // The words of a named source are theirs: only what stands before the reporting verb weighs against.
  // Nor what is inside quotation marks: someone's words ("I hope the next one will take place in Moscow").
  // The quotations are looked for only when something weighs against.
  let quoted: ReturnType<typeof findQuotations> | null = null;
  const found = evidenceIn(text, AGAINST).filter(
    (evidence) => (!attribution || evidence.what === 'a question' || evidence.index < attribution.index) && !(quoted ??= findQuotations(body)).some((span) => span.start < evidence.index && evidence.index < span.end),
  );
  const attributed = weightOf(attributions);
  let against = found;
  let others: Evidence[];
  if (against.length === 0) {
    // The other evidence is looked for until the sentence is a claim: more would not change that.
    others = evidenceIn(text, OTHER_EVIDENCE, CLAIM_THRESHOLD, attributed);
  } else {
    const all = evidenceIn(text, OTHER_EVIDENCE);
    others = untilClaim(all, attributed - weightOf(against));
    if (attributed - weightOf(against) + weightOf(others) < CLAIM_THRESHOLD) {
      // A hedge or a forecast in a later clause does not take back a fact stated before it:
      // "… has sent around 10,000 soldiers, and they will probably …".
      const factsEnd = [...attributions, ...all].reduce((end, evidence) => Math.max(end, evidence.index + evidence.text.length), -1);
      const boundary = factsEnd < 0 ? -1 : laterClause(body, factsEnd);
      if (boundary >= 0) against = against.filter((evidence) => evidence.what === 'a question' || evidence.index < boundary);
    }
  }
  const score = attributed - weightOf(against) + weightOf(others);
  const evidence = score >= CLAIM_THRESHOLD ? [...attributions, ...others].sort((a, b) => b.weight - a.weight || a.index - b.index) : [];
  return { evidence, against, vague, score };
}

/** Where the next clause starts after `from` (", and", ", but", "; ", a dash), or -1. */
function laterClause(body: string, from: number): number {
  const match = /[;\u2014\u2013]|,\s+(?:and|but|while|whereas|although|though)\b|\s+and\s+that\b/u.exec(body.slice(from));
  return match ? from + match.index : -1;
}

function weightOf(evidence: readonly Evidence[]): number {
  return evidence.reduce((sum, item) => sum + item.weight, 0);
}

/** The evidence in order, up to the item that makes the sentence a claim (as evidenceIn's `stopAt` stops). */
function untilClaim(evidence: readonly Evidence[], start: number): Evidence[] {
  const kept: Evidence[] = [];
  let total = start;
  for (const item of evidence) {
    if (total >= CLAIM_THRESHOLD) break;
    kept.push(item);
    total += item.weight;
  }
  return kept;
}

/** "a date and an event: "On Monday" … "arrived"" for a message. */
export function describeEvidence(evidence: readonly Evidence[]): string {
  // Each stretch of the sentence once: "Trade grew" holds "grew".
  const spans = [...evidence].sort((a, b) => a.index - b.index || b.text.length - a.text.length).filter((item, index, all) => !all.slice(0, index).some((other) => other.index + other.text.length >= item.index + item.text.length));
  const kinds = [...new Set([...evidence].sort((a, b) => a.index - b.index).map((item) => item.what))];
  const named = kinds.length === 1 ? (kinds[0] as string) : `${kinds.slice(0, -1).join(', ')} and ${kinds[kinds.length - 1] as string}`;
  const quoted = spans
    .slice(0, 3)
    .map((item) => `"${shorten(item.text.replace(/\s+/g, ' '))}"`)
    .join(' … ');
  return `${named}: ${quoted}`;
}

function shorten(text: string): string {
  return text.length <= 60 ? text : `${text.slice(0, 57)}…`;
}
