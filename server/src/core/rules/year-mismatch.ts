import { instrumentDateText, instrumentYear } from '../corpus';
import type { RawFinding, RuleDefinition } from './types';

/** "Resolution 1718 (2009)": the year written does not match the year the resolution was adopted. */
export const yearMismatch: RuleDefinition = {
  code: 'year-mismatch',
  defaultSeverity: 'error',
  scope: 'chunk',
  summary: 'The year written beside a resolution ("Resolution 1718 (2009)") is not the year it was adopted.',
  check({ references, corpus }) {
    const findings: RawFinding[] = [];
    const seen = new Set<number>();
    for (const reference of references) {
      // The members of a paragraph list share their resolution's year: report it once.
      if (reference.writtenYearSpan && seen.has(reference.writtenYearSpan.start)) continue;
      if (reference.writtenYearSpan) seen.add(reference.writtenYearSpan.start);
      if (reference.writtenYear === null || !reference.writtenYearSpan || !reference.instrumentId) continue;
      const instrument = corpus.instrument(reference.instrumentId);
      if (!instrument || instrument.type !== 'resolution') continue;
      // A resolution newer than the index has no known date: nothing to compare.
      const adoptedYear = instrumentYear(instrument);
      if (adoptedYear === null || adoptedYear === reference.writtenYear) continue;
      const correct = String(adoptedYear);
      findings.push({
        start: reference.writtenYearSpan.start,
        end: reference.writtenYearSpan.end,
        message:
          `${instrument.symbol ?? instrument.shortTitle} was adopted ${instrument.date ? 'on' : 'in'} ${instrumentDateText(instrument)}, ` +
          `not in ${reference.writtenYear}: write (${correct}).`,
        fixes: [
          {
            title: `Change the year to ${correct}`,
            edits: [{ start: reference.writtenYearSpan.start, end: reference.writtenYearSpan.end, newText: correct }],
          },
        ],
      });
    }
    return findings;
  },
};
