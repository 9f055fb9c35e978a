import { parseBibliography, type Bibliography, type BibliographyInput } from './bibliography';
import type { CitationStyle } from './citations';
import type { Corpus } from './corpus';
import { SourceDocument } from './document';
import { splitIntoChunks } from './chunks';
import { joinScans, parseInputOf, readFrontMatter, scanChunk, type ChunkScan, type FrontMatter, type ScannableText } from './markdown';
import { collectMentions, resolveReferences, type ChunkMentions, type ResolutionMemo } from './recognize/index';
import { RULES, ruleLevel, type RawFinding, type RuleContext } from './rules';
import { chunkSentences, linkDefinitions, type ProseSentence, type Sentence } from './sentences';
import { checkQuotations, type QuotationCheck } from './quotations/check';
import { readSuppressions } from './suppressions';
import type { AnalysisResult, Finding, Fix, Range, RuleLevel, Severity } from './types';

/** Everything the analysis may be configured with. Resolved per document by the caller. */
export interface AnalysisSettings {
  /** Per rule code: a severity, or "off". Codes not listed keep their default. */
  rules: Readonly<Record<string, RuleLevel>>;
  /** The style of citations in hovers, inserted footnotes and completions. */
  citationStyle: CitationStyle;
  /** Where a citation must be for a sentence to count as cited: the sentence itself, or its paragraph. */
  citationScope: CitationScope;
  /** Whether references to instruments outside the corpus need a source like the others (`cite`) or not (`ignore`). */
  externalReferences: ExternalReferences;
  /** The languages a hover shows a provision's text in first, in order (BCP-47 tags). */
  hoverLanguages?: readonly string[];
}

export type CitationScope = 'sentence' | 'paragraph';
export const CITATION_SCOPES: readonly CitationScope[] = ['sentence', 'paragraph'];

export type ExternalReferences = 'cite' | 'ignore';
export const EXTERNAL_REFERENCES: readonly ExternalReferences[] = ['cite', 'ignore'];

export const DEFAULT_SETTINGS: AnalysisSettings = { rules: {}, citationStyle: 'un', citationScope: 'sentence', externalReferences: 'cite' };

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
  /** The checked sentences (paragraphs and list items) in document order, as the rules read them. */
  sentences: readonly Sentence[];
  /** The quotations of provisions, checked against their texts (see quotations/check.ts); worked out on first call. */
  quotations: () => readonly QuotationCheck[];
}

/** What a chunk's analysis keeps (offsets relative to the chunk); cached by the chunk's text. */
interface ChunkAnalysis {
  raw: string;
  scan: ChunkScan;
  openAtEnd: boolean;
  mentions: ChunkMentions | null;
  sentences: ProseSentence[] | null;
  linkLabels: string[] | null;
  /** Its sentences with absolute offsets, at the last few places the chunk's text stood. */
  placed: Array<{ start: number; sentences: Sentence[] }>;
  /** Its references as last resolved (see ResolutionMemo). */
  resolution: ResolutionMemo[];
}

/**
 * Analyses versions of one document, re-using what it worked out for the chunks (see
 * chunks.ts) that an edit did not touch: the Markdown scan, pass 1 of the recognizer, the
 * sentences and what the rules read from each sentence's text. Everything that depends on
 * more than one chunk (resolving anaphors and bare articles in document order, footnote
 * labels, link definitions, the rules) is worked out again for each version, from those
 * cached parts. A fresh analyzer and one that analysed any earlier versions give the same
 * result (tests/robustness checks this with random edits).
 */
export class DocumentAnalyzer {
  private cache = new Map<string, ChunkAnalysis>();
  private corpus: Corpus | null = null;

  analyze(text: string, corpus: Corpus, settings: AnalysisSettings = DEFAULT_SETTINGS, inputs: AnalysisInputs = {}): DocumentAnalysis {
    if (corpus !== this.corpus) {
      this.cache.clear();
      this.corpus = corpus;
    }
    const document = new SourceDocument(text);
    const bibliography = inputs.bibliography ? parseBibliography(inputs.bibliography) : null;
    const frontMatter = readFrontMatter(text);
    const previous = this.cache;
    const used = new Map<string, ChunkAnalysis>();
    const chunks = splitIntoChunks(parseInputOf(text, frontMatter), (chunkText) => {
      let entry = used.get(chunkText) ?? previous.get(chunkText);
      if (!entry) {
        const raw = detached(chunkText);
        const scan = scanChunk(raw);
        entry = { raw, scan, openAtEnd: scan.openAtEnd, mentions: null, sentences: null, linkLabels: null, placed: [], resolution: [] };
      }
      used.set(entry.raw, entry);
      return entry;
    });
    // Only the current version's chunks are kept.
    this.cache = used;

    const sentences: Sentence[] = [];
    const linkLabels = new Set<string>();
    for (const { start: base, data: chunk } of chunks) {
      chunk.mentions ??= collectMentions(chunk.scan.masked, corpus);
      chunk.sentences ??= chunkSentences({ masked: chunk.scan.masked, raw: chunk.raw, citationSpans: chunk.scan.citationSpans, headings: chunk.scan.headings });
      chunk.linkLabels ??= linkDefinitions(chunk.raw);
      for (const label of chunk.linkLabels) linkLabels.add(label);
      let placed = chunk.placed.find((candidate) => candidate.start === base);
      if (!placed) {
        placed = {
          start: base,
          sentences: chunk.sentences.map((prose) => ({ start: prose.start + base, end: prose.end + base, paragraph: { start: prose.paragraph.start + base, end: prose.paragraph.end + base }, body: prose.body, prose })),
        };
        chunk.placed.push(placed);
        if (chunk.placed.length > 4) chunk.placed.shift();
      }
      for (const sentence of placed.sentences) sentences.push(sentence);
    }
    const scan = joinScans(frontMatter, chunks.map(({ start, end, data }) => ({ start, end, data: data.scan })));
    const references = resolveReferences(
      document,
      chunks.map(({ start, data }) => ({ start, mentions: data.mentions ?? [], citationSpans: data.scan.citationSpans, memo: data.resolution })),
      corpus,
    );
    let quotations: QuotationCheck[] | null = null;
    const quotationsOf = (): QuotationCheck[] => (quotations ??= checkQuotations({ masked: scan.masked, sentences, references, corpus }));
    const diagnostics: Finding[] = [];
    const context: RuleContext = {
      document,
      scan,
      references,
      sentences,
      linkLabels,
      corpus,
      documentDate: documentDate({ frontMatter }),
      citationStyle: settings.citationStyle,
      citationScope: settings.citationScope,
      externalReferences: settings.externalReferences ?? 'cite',
      bibliography,
      quotations: quotationsOf,
    };
    for (const rule of RULES) {
      const level = ruleLevel(rule.code, settings.rules);
      if (level === 'off') continue;
      for (const finding of rule.check(context)) {
        // A rule may lower one finding's severity while it runs at its default level; a level the writer sets applies to all.
        diagnostics.push(new AnalysisFinding(finding, rule.code, finding.severity && level === rule.defaultSeverity ? finding.severity : level, document.rangeOf(finding.start, finding.end)));
      }
    }
    const suppressions = readSuppressions(document, frontMatter);
    const shown = diagnostics.filter((diagnostic) => !suppressions.isSuppressed(diagnostic.code, diagnostic.range.start.line));
    shown.sort((a, b) => a.start - b.start || a.end - b.end || (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
    return { document, bibliography, frontMatter, headings: scan.headings, footnoteDefinitions: scan.footnoteDefinitions, references, diagnostics: shown, sentences, quotations: quotationsOf };
  }
}

/**
 * A rule's finding with its code, severity and range; its fixes are worked out when first
 * read. A class with a getter: defining a getter on each object literal made building a long
 * draft's thousands of findings the slowest step of an edit.
 */
class AnalysisFinding implements Finding {
  readonly code: string;
  readonly severity: Severity;
  readonly message: string;
  readonly start: number;
  readonly end: number;
  readonly range: Range;
  #worked: Fix[] | (() => Fix[]);

  constructor(raw: RawFinding, code: string, severity: Severity, range: Range) {
    this.code = code;
    this.severity = severity;
    this.message = raw.message;
    this.start = raw.start;
    this.end = raw.end;
    this.range = range;
    this.#worked = raw.fixes;
  }

  get fixes(): Fix[] {
    if (typeof this.#worked === 'function') this.#worked = this.#worked();
    return this.#worked;
  }

  /** As plain data, fixes included (JSON output, snapshots). */
  toJSON(): Omit<Finding, 'fixes'> & { fixes: Fix[] } {
    return { code: this.code, severity: this.severity, message: this.message, start: this.start, end: this.end, range: this.range, fixes: this.fixes };
  }
}

/**
 * A copy of a chunk's text that does not keep the whole document's text alive: V8 may keep a
 * slice as a view of its parent string, and a cache of slices would hold every old version.
 */
function detached(text: string): string {
  return (text + ' ').slice(0, -1);
}

/** Analyzes one Markdown document. Never throws on any input text. */
export function analyzeDocument(text: string, corpus: Corpus, settings: AnalysisSettings = DEFAULT_SETTINGS, inputs: AnalysisInputs = {}): DocumentAnalysis {
  return new DocumentAnalyzer().analyze(text, corpus, settings, inputs);
}

/** The date a document speaks of: its front matter `date:` (YYYY-MM-DD or a longer ISO date), else today. */
export function documentDate(analysis: Pick<DocumentAnalysis, 'frontMatter'>, now: Date = new Date()): string {
  const written = /^(\d{4}-\d{2}-\d{2})/.exec(analysis.frontMatter.date ?? '')?.[1];
  if (written && !Number.isNaN(Date.parse(written))) return written;
  return now.toISOString().slice(0, 10);
}
