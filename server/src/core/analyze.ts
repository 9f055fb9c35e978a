import { parseBibliography, type Bibliography, type BibliographyInput } from './bibliography';
import type { CitationStyle } from './citations';
import type { Corpus } from './corpus';
import { SourceDocument } from './document';
import { prepareScan, type FrontMatter, type ScannableText } from './markdown';
import { recognizeReferences } from './recognize/index';
import { RULES, ruleLevel } from './rules';
import { readSuppressions } from './suppressions';
import type { AnalysisResult, Finding, RuleLevel } from './types';

/** Everything the analysis may be configured with. Resolved per document by the caller. */
export interface AnalysisSettings {
  /** Per rule code: a severity, or "off". Codes not listed keep their default. */
  rules: Readonly<Record<string, RuleLevel>>;
  /** The style of citations in hovers, inserted footnotes and completions. */
  citationStyle: CitationStyle;
  /** Where a citation must be for a sentence to count as cited: the sentence itself, or its paragraph. */
  citationScope: CitationScope;
}

export type CitationScope = 'sentence' | 'paragraph';
export const CITATION_SCOPES: readonly CitationScope[] = ['sentence', 'paragraph'];

export const DEFAULT_SETTINGS: AnalysisSettings = { rules: {}, citationStyle: 'un', citationScope: 'sentence' };

/** What the caller read for the document: its Pandoc bibliography (front matter `bibliography:`), if any. */
export interface AnalysisInputs {
  bibliography?: BibliographyInput | null;
}

export interface DocumentAnalysis extends AnalysisResult {
  document: SourceDocument;
  /** The bibliography passed in, parsed (with its problems), or null. */
  bibliography: Bibliography | null;
  frontMatter: FrontMatter;
  /** The document's headings in order (see ScannableText.headings). */
  headings: ScannableText['headings'];
  /** The document's footnote definitions (see ScannableText.footnoteDefinitions). */
  footnoteDefinitions: ScannableText['footnoteDefinitions'];
}

/** Analyzes one Markdown document. Never throws on any input text. */
export function analyzeDocument(text: string, corpus: Corpus, settings: AnalysisSettings = DEFAULT_SETTINGS, inputs: AnalysisInputs = {}): DocumentAnalysis {
  const document = new SourceDocument(text);
  const bibliography = inputs.bibliography ? parseBibliography(inputs.bibliography) : null;
  const scan = prepareScan(document);
  const references = recognizeReferences(document, scan, corpus);
  const diagnostics: Finding[] = [];
  const context = {
    document,
    scan,
    references,
    corpus,
    documentDate: documentDate({ frontMatter: scan.frontMatter }),
    citationStyle: settings.citationStyle,
    citationScope: settings.citationScope,
    bibliography,
  };
  for (const rule of RULES) {
    const level = ruleLevel(rule.code, settings.rules);
    if (level === 'off') continue;
    for (const finding of rule.check(context)) {
      // A rule may lower one finding's severity while it runs at its default level; a level the writer sets applies to all.
      diagnostics.push({ ...finding, code: rule.code, severity: finding.severity && level === rule.defaultSeverity ? finding.severity : level, range: document.rangeOf(finding.start, finding.end) });
    }
  }
  const suppressions = readSuppressions(document, scan.frontMatter);
  const shown = diagnostics.filter((diagnostic) => !suppressions.isSuppressed(diagnostic.code, diagnostic.range.start.line));
  shown.sort((a, b) => a.start - b.start || a.end - b.end || a.code.localeCompare(b.code));
  return { document, bibliography, frontMatter: scan.frontMatter, headings: scan.headings, footnoteDefinitions: scan.footnoteDefinitions, references, diagnostics: shown };
}

/** The date a document speaks of: its front matter `date:` (YYYY-MM-DD or a longer ISO date), else today. */
export function documentDate(analysis: Pick<DocumentAnalysis, 'frontMatter'>, now: Date = new Date()): string {
  const written = /^(\d{4}-\d{2}-\d{2})/.exec(analysis.frontMatter.date ?? '')?.[1];
  if (written && !Number.isNaN(Date.parse(written))) return written;
  return now.toISOString().slice(0, 10);
}
