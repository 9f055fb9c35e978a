import type { CitationScope, ExternalReferences } from '../analyze';
import type { Bibliography } from '../bibliography';
import type { CitationStyle } from '../citations';
import type { Corpus } from '../corpus';
import type { SourceDocument } from '../document';
import type { ScannableText } from '../markdown';
import type { QuotationCheck } from '../quotations/check';
import type { Sentence } from '../sentences';
import type { Finding, Fix, Reference, Severity } from '../types';

export interface RuleDefinition {
  code: string;
  defaultSeverity: Severity;
  summary: string;
  /**
   * `chunk`: the rule reads only the sentences and references it is given and what the whole
   * document shares (its footnote definitions, link labels, date, settings), so the analysis
   * may give it one chunk at a time and keep its findings for a chunk an edit did not touch
   * (see DocumentAnalyzer). `document`: it is run over the whole draft for every version.
   */
  scope: 'chunk' | 'document';
  check(context: RuleContext): RawFinding[];
}

export interface RuleContext {
  document: SourceDocument;
  /** The Markdown scan: prose mask, citation spans, front matter, headings. */
  scan: ScannableText;
  references: readonly Reference[];
  /** The checked sentences (paragraphs and list items), in document order. */
  sentences: readonly Sentence[];
  /** Reference-link labels (lower case) that have a definition in the document. */
  linkLabels: ReadonlySet<string>;
  corpus: Corpus;
  /** The date the document speaks of (ISO): front matter `date:`, else today. */
  documentDate: string;
  /** The style of the citations that fixes insert. */
  citationStyle: CitationStyle;
  /** Where a citation must be for a sentence to count as cited. */
  citationScope: CitationScope;
  /** Whether references to instruments outside the corpus need a source (`uncited-reference`). */
  externalReferences: ExternalReferences;
  /** The document's quotations of provisions, checked against their texts (worked out on first call). */
  quotations: () => readonly QuotationCheck[];
  /** The document's Pandoc bibliography, when the caller passed one: "Cite … with Pandoc" fixes use it. */
  bibliography?: Bibliography | null;
}

/**
 * A finding before its severity and range are settled. A rule may ask for a lower severity
 * than its default for one finding (`title-mismatch`: a title held at another time is
 * information, not a warning); the analysis uses it only while the rule is at its default
 * level, so a level the user configured applies to every finding of the rule.
 */
export type RawFinding = Omit<Finding, 'severity' | 'range' | 'code' | 'fixes'> & {
  severity?: Severity;
  /** The fixes, or a function that works them out: most diagnostics are never fixed, and long drafts have thousands. */
  fixes: Fix[] | (() => Fix[]);
};
