import type { Corpus } from '../corpus';
import type { SourceDocument } from '../document';
import type { ScannableText } from '../markdown';
import type { Finding, Reference, Severity } from '../types';

export interface RuleDefinition {
  code: string;
  defaultSeverity: Severity;
  summary: string;
  check(context: RuleContext): RawFinding[];
}

export interface RuleContext {
  document: SourceDocument;
  /** The Markdown scan: prose mask, citation spans, front matter, headings. */
  scan: ScannableText;
  references: readonly Reference[];
  corpus: Corpus;
  /** The date the document speaks of (ISO): front matter `date:`, else today. */
  documentDate: string;
}

/** A finding before its severity and range are settled. */
export type RawFinding = Omit<Finding, 'severity' | 'range' | 'code'>;
