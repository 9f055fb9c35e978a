import type { RuleLevel } from '../types';
import type { RuleDefinition } from './types';
import { ambiguousReference } from './ambiguous-reference';
import { misquote } from './misquote';
import { titleMismatch } from './title-mismatch';
import { uncitedClaim } from './uncited-claim';
import { uncitedReference } from './uncited-reference';
import { undefinedFootnote } from './undefined-footnote';
import { unknownProvision } from './unknown-provision';
import { unusedFootnote } from './unused-footnote';
import { vagueAttribution } from './vague-attribution';
import { yearMismatch } from './year-mismatch';

export type { RawFinding, RuleContext, RuleDefinition } from './types';

/**
 * The diagnostic rules. Each has a stable code, a default severity and a one-line summary;
 * the README's diagnostics table and the `lexicite.rules.*` settings are generated from
 * this list (`npm run generate`), and a test fails when they drift.
 */
export const RULES: readonly RuleDefinition[] = [
  uncitedReference,
  uncitedClaim,
  vagueAttribution,
  unknownProvision,
  ambiguousReference,
  yearMismatch,
  titleMismatch,
  misquote,
  undefinedFootnote,
  unusedFootnote,
];

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
