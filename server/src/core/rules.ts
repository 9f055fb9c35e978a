import type { Corpus } from './corpus';
import type { SourceDocument } from './document';
import type { Finding, Reference, RuleLevel, Severity } from './types';

/**
 * The diagnostic rules. Each has a stable code, a default severity and a one-line summary;
 * the README's diagnostics table and the `lexicite.rules.*` settings are generated from
 * this list (`npm run generate`), and a test fails when they drift.
 */
export interface RuleDefinition {
  code: string;
  defaultSeverity: Severity;
  summary: string;
  check(context: RuleContext): RawFinding[];
}

export interface RuleContext {
  document: SourceDocument;
  references: readonly Reference[];
  corpus: Corpus;
}

/** A finding before its severity and range are settled. */
export type RawFinding = Omit<Finding, 'severity' | 'range' | 'code'>;

const yearMismatch: RuleDefinition = {
  code: 'year-mismatch',
  defaultSeverity: 'error',
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
      const adoptedYear = Number(instrument.date.slice(0, 4));
      if (adoptedYear === reference.writtenYear) continue;
      const correct = String(adoptedYear);
      findings.push({
        start: reference.writtenYearSpan.start,
        end: reference.writtenYearSpan.end,
        message:
          `${instrument.symbol ?? instrument.shortTitle} was adopted on ${formatDate(instrument.date)}, ` +
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

export const RULES: readonly RuleDefinition[] = [yearMismatch];

/**
 * Problems in a user's source pack (invalid JSON, a schema violation, a duplicate or
 * unknown id) are reported on the pack file with this code. It is not a document rule
 * and cannot be turned off: a broken pack must be seen.
 */
export const SOURCE_PACK_CODE = 'source-pack';
export const SOURCE_PACK_SUMMARY = 'A source pack (.lexicite/*.json) is invalid JSON, breaks the pack schema, or has a duplicate or unknown id; the rest of the pack and the built-in data keep working.';

export function ruleLevel(code: string, configured: Readonly<Record<string, RuleLevel>>): RuleLevel {
  const rule = RULES.find((candidate) => candidate.code === code);
  return configured[code] ?? rule?.defaultSeverity ?? 'warning';
}

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** "2006-10-14" → "14 October 2006"; partial dates keep what they have. */
export function formatDate(isoDate: string): string {
  const [year, month, day] = isoDate.split('-');
  const monthName = month ? MONTHS[Number(month) - 1] : undefined;
  if (!monthName) return year ?? isoDate;
  return day ? `${Number(day)} ${monthName} ${year}` : `${monthName} ${year}`;
}
