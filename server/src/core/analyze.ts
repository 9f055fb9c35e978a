import { parseBibliography, type Bibliography, type BibliographyInput } from './bibliography';
import type { CitationStyle } from './citations';
import type { Corpus } from './corpus';
import { SourceDocument } from './document';
import { splitIntoChunks } from './chunks';
import { joinScans, readFrontMatter, scanChunk, type ChunkScan, type FrontMatter, type ScannableText } from './markdown';
import { collectMentions, resolveReferences, shiftedLines, type ChunkMentions, type RecognitionChunk, type ResolutionMemo } from './recognize/index';
import { RULES, ruleLevel, type RawFinding, type RuleContext, type RuleDefinition } from './rules';
import { definedFootnotesOf } from './rules/sourcing';
import { chunkSentences, linkDefinitions, type ProseSentence, type Sentence } from './sentences';
import { checkQuotations, type QuotationCheck } from './quotations/check';
import { readSuppressions } from './suppressions';
import type { AnalysisResult, Finding, Fix, Range, Reference, RuleLevel, Severity } from './types';

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
  /** The checked quotations of the chunk that holds an offset: what a hover needs, without checking the whole draft. */
  quotationsNear: (offset: number) => readonly QuotationCheck[];
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
  /** The labels its sentences' citations use (footnotes, reference links): whether they are defined decides what is cited. */
  citedLabels: { footnotes: string[]; links: string[] } | null;
  /** The chunk-scoped rules' findings (offsets relative to the chunk), and what they were worked out from. */
  findings: ChunkFindings | null;
}

/** A chunk's findings, valid while its references resolve as before and the document around it gives the same answers. */
interface ChunkFindings {
  /** The ResolutionMemo token of the references they were worked out from. */
  resolution: object;
  /** The document-wide inputs they depend on (see environmentOf). */
  environment: string;
  findings: StoredFinding[];
}

interface StoredFinding {
  rule: RuleDefinition;
  severity: Severity | undefined;
  message: string;
  /** Relative to the chunk's start. */
  start: number;
  end: number;
  /** Its range when the chunk started on `line`: a chunk starts at the start of a line, so a move keeps the columns. */
  range: Range;
  line: number;
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
    const chunks = splitIntoChunks(document.text, (chunkText) => {
      let entry = used.get(chunkText) ?? previous.get(chunkText);
      if (!entry) {
        const raw = detached(chunkText);
        const scan = scanChunk(raw);
        entry = { raw, scan, openAtEnd: scan.openAtEnd, mentions: null, sentences: null, linkLabels: null, placed: [], resolution: [], citedLabels: null, findings: null };
      }
      used.set(entry.raw, entry);
      return entry;
    }, frontMatter.span);
    // Only the current version's chunks are kept.
    this.cache = used;

    const sentences: Sentence[] = [];
    /** Per chunk (same index), its sentences. */
    const chunkSentencesAt: Sentence[][] = [];
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
      chunkSentencesAt.push(placed.sentences);
      for (const sentence of placed.sentences) sentences.push(sentence);
    }
    const scan = joinScans(frontMatter, chunks.map(({ start, end, data }) => ({ start, end, data: data.scan })));
    const recognition: RecognitionChunk[] = chunks.map(({ start, data }) => ({ start, mentions: data.mentions ?? [], citationSpans: data.scan.citationSpans, memo: data.resolution }));
    const references = resolveReferences(document, recognition, corpus);
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
      quotations: () => [],
    };

    // One context per chunk, with its sentences and references, made when first needed.
    const chunkReferences = referencesByChunk(chunks, references);
    const chunkContexts: Array<RuleContext | undefined> = [];
    const chunkContext = (index: number): RuleContext => {
      let made = chunkContexts[index];
      if (!made) {
        const { start: base, data: chunk } = chunks[index] as (typeof chunks)[number];
        const local: RuleContext = { ...context, references: chunkReferences[index] ?? [], sentences: chunkSentencesAt[index] ?? [] };
        let checked: QuotationCheck[] | null = null;
        local.quotations = () => (checked ??= checkQuotations({ masked: chunk.scan.masked, maskedStart: base, sentences: local.sentences, references: local.references, corpus }));
        chunkContexts[index] = made = local;
      }
      return made;
    };
    let quotations: QuotationCheck[] | null = null;
    const quotationsOf = (): QuotationCheck[] => (quotations ??= chunks.flatMap((_, index) => [...chunkContext(index).quotations()]));
    context.quotations = quotationsOf;
    const quotationsNear = (offset: number): readonly QuotationCheck[] => {
      let low = 0;
      let high = chunks.length - 1;
      while (low < high) {
        const mid = (low + high + 1) >> 1;
        if ((chunks[mid] as (typeof chunks)[number]).start <= offset) low = mid;
        else high = mid - 1;
      }
      return chunks.length > 0 ? chunkContext(low).quotations() : [];
    };

    const levels = new Map(RULES.map((rule) => [rule, ruleLevel(rule.code, settings.rules)]));
    const severityOf = (rule: RuleDefinition, severity: Severity | undefined): Severity => {
      const level = levels.get(rule) as RuleLevel;
      // A rule may lower one finding's severity while it runs at its default level; a level the writer sets applies to all.
      return (severity && level === rule.defaultSeverity ? severity : level) as Severity;
    };
    const chunkRules = RULES.filter((rule) => rule.scope === 'chunk' && levels.get(rule) !== 'off');
    const shared = `${JSON.stringify(settings.rules)}\u0000${context.documentDate}\u0000${context.citationScope}\u0000${context.externalReferences}`;
    const definedFootnotes = definedFootnotesOf(scan);
    const diagnostics: Finding[] = [];
    chunks.forEach(({ start: base, data: chunk }, index) => {
      const resolved = (recognition[index] as RecognitionChunk).resolved;
      const resolution = resolved?.token ?? chunk;
      const line = resolved?.line ?? document.positionAt(base).line;
      chunk.citedLabels ??= citedLabelsOf(chunk.sentences ?? []);
      const environment = environmentOf(shared, chunk.citedLabels, definedFootnotes, linkLabels);
      const kept = chunk.findings;
      if (kept && kept.resolution === resolution && kept.environment === environment) {
        for (const stored of kept.findings) {
          const start = stored.start + base;
          const end = stored.end + base;
          // The fixes are worked out again against this version (offsets, footnote numbers) when asked for.
          const fixes = (): Fix[] => {
            const again = stored.rule.check(chunkContext(index)).find((raw) => raw.start === start && raw.end === end && raw.message === stored.message);
            return again ? (typeof again.fixes === 'function' ? again.fixes() : again.fixes) : [];
          };
          const range = line === stored.line ? stored.range : shiftedLines(stored.range, line - stored.line);
          diagnostics.push(new AnalysisFinding(stored.message, start, end, fixes, stored.rule.code, severityOf(stored.rule, stored.severity), range));
        }
        return;
      }
      const found: Array<{ rule: RuleDefinition; raw: RawFinding }> = [];
      const local = chunkContext(index);
      for (const rule of chunkRules) for (const raw of rule.check(local)) found.push({ rule, raw });
      // Kept in the order the diagnostics are sorted in, so that the draft's list is nearly sorted already.
      found.sort((a, b) => byPosition(a.raw.start, a.raw.end, a.rule.code, b.raw.start, b.raw.end, b.rule.code));
      const stored: StoredFinding[] = [];
      for (const { rule, raw } of found) {
        const range = document.rangeOf(raw.start, raw.end);
        stored.push({ rule, severity: raw.severity, message: raw.message, start: raw.start - base, end: raw.end - base, range, line });
        diagnostics.push(new AnalysisFinding(raw.message, raw.start, raw.end, raw.fixes, rule.code, severityOf(rule, raw.severity), range));
      }
      chunk.findings = { resolution, environment, findings: stored };
    });
    for (const rule of RULES) {
      if (rule.scope !== 'document' || levels.get(rule) === 'off') continue;
      for (const raw of rule.check(context)) diagnostics.push(new AnalysisFinding(raw.message, raw.start, raw.end, raw.fixes, rule.code, severityOf(rule, raw.severity), document.rangeOf(raw.start, raw.end)));
    }
    const suppressions = readSuppressions(document, frontMatter);
    const shown = diagnostics.filter((diagnostic) => !suppressions.isSuppressed(diagnostic.code, diagnostic.range.start.line));
    shown.sort((a, b) => byPosition(a.start, a.end, a.code, b.start, b.end, b.code));
    return { document, bibliography, frontMatter, headings: scan.headings, footnoteDefinitions: scan.footnoteDefinitions, references, diagnostics: shown, sentences, quotations: quotationsOf, quotationsNear };
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

  constructor(message: string, start: number, end: number, fixes: RawFinding['fixes'], code: string, severity: Severity, range: Range) {
    this.code = code;
    this.severity = severity;
    this.message = message;
    this.start = start;
    this.end = end;
    this.range = range;
    this.#worked = fixes;
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

/** The order of diagnostics: by start, then end, then code. */
function byPosition(aStart: number, aEnd: number, aCode: string, bStart: number, bEnd: number, bCode: string): number {
  return aStart - bStart || aEnd - bEnd || (aCode < bCode ? -1 : aCode > bCode ? 1 : 0);
}

/** Per chunk (same index), the references that start in it (both lists are in document order). */
function referencesByChunk(chunks: ReadonlyArray<{ start: number; end: number }>, references: readonly Reference[]): Reference[][] {
  const byChunk: Reference[][] = [];
  let at = 0;
  for (const chunk of chunks) {
    const first = at;
    while (at < references.length && (references[at] as Reference).start < chunk.end) at++;
    byChunk.push(first === at ? [] : references.slice(first, at));
  }
  return byChunk;
}

/** The footnote and reference-link labels the sentences' citations (their own and their paragraph's) use. */
function citedLabelsOf(sentences: readonly ProseSentence[]): { footnotes: string[]; links: string[] } {
  const footnotes = new Set<string>();
  const links = new Set<string>();
  for (const sentence of sentences) {
    for (const facts of [sentence.citations, sentence.paragraph.citations]) {
      for (const label of facts.footnotes) footnotes.add(label);
      for (const label of facts.links) links.add(label);
    }
  }
  return { footnotes: [...footnotes], links: [...links] };
}

/**
 * What a chunk's findings depend on beyond its text and its references: the settings and the
 * document's date (`shared`), and which of the labels its citations use are defined. Adding a
 * footnote definition elsewhere re-checks only the chunks that cite that label.
 */
function environmentOf(shared: string, cited: { footnotes: string[]; links: string[] }, footnotes: ReadonlySet<string>, links: ReadonlySet<string>): string {
  if (cited.footnotes.length === 0 && cited.links.length === 0) return shared;
  let defined = '';
  for (const label of cited.footnotes) defined += footnotes.has(label) ? '1' : '0';
  for (const label of cited.links) defined += links.has(label) ? '1' : '0';
  return `${shared}\u0000${defined}`;
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
