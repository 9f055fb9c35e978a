import { parseBibliography, type Bibliography, type BibliographyInput } from './bibliography';
import type { CitationStyle } from './citations';
import type { Corpus } from './corpus';
import { SourceDocument } from './document';
import { chunkAt, chunksAround, splitIntoChunks, type Chunk, type TextChange } from './chunks';
import { joinScans, readFrontMatter, scanChunk, type ChunkScan, type FootnoteLabels, type FrontMatter, type ScannableText } from './markdown';
import { chunkReferences, collectMentions, documentReferences, resolveReferences, type ChunkMentions, type RecognitionChunk, type ResolutionMemo } from './recognize/index';
import type { RuleContext } from './rules';
import { byPosition, runRules, type ChunkRuleState, type DiagnosticGroup } from './rules/run';
import { definedFootnotesOf } from './rules/sourcing';
import { chunkSentences, linkDefinitions, type Sentence } from './sentences';
import { checkQuotations, type QuotationCheck } from './quotations/check';
import { keptAt, lastAtMost } from './sorted';
import { detachedCopy, type DraftText } from './text';
import { NO_SUPPRESSIONS, readSuppressions } from './suppressions';
import type { AnalysisResult, Finding, Reference, RuleLevel } from './types';

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
export { mergeChange, type TextChange } from './chunks';

export interface AnalysisInputs {
  bibliography?: BibliographyInput | null;
  /**
   * Where this text differs from the text this analyzer analysed last, if the caller knows
   * (an editor's changes; see `mergeChange`): [start, end) of this text replaced what stood
   * there, and the rest is the last text, shifted after `end`. Only the chunks around it are
   * cut again and only its lines indexed again; the result is the same as without it.
   */
  changed?: TextChange | null;
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
  /**
   * The diagnostics as the rules keep them, per chunk and for the whole draft (see
   * rules/run.ts): a client that is sent only what changed compares groups' keys and lines
   * instead of every diagnostic. `diagnostics` is all of them, in order.
   */
  diagnosticGroups: readonly DiagnosticGroup[];
  /** The quotations of provisions, checked against their texts (see quotations/check.ts); worked out on first call. */
  quotations: () => readonly QuotationCheck[];
  /** The checked quotations of the chunk that holds an offset: what a hover needs, without checking the whole draft. */
  quotationsNear: (offset: number) => readonly QuotationCheck[];
}

/** What a chunk's analysis keeps (offsets relative to the chunk); cached by the chunk's text. */
interface ChunkAnalysis extends ChunkRuleState {
  raw: string;
  scan: ChunkScan;
  openAtEnd: boolean;
  /** Whether "lexicite-" (a suppression comment's start) occurs in it. */
  suppressionText: boolean;
  mentions: ChunkMentions | null;
  linkLabels: string[] | null;
  /** Its sentences with absolute offsets, at the last few places the chunk's text stood. */
  placed: Array<{ start: number; sentences: Sentence[] }>;
  /** Its references as last resolved (see ResolutionMemo). */
  resolution: ResolutionMemo[];
}

/**
 * Analyses versions of one document, re-using what it worked out for the chunks (see
 * chunks.ts) that an edit did not touch: the Markdown scan, pass 1 of the recognizer, the
 * sentences and what the rules read from each sentence's text; a chunk's references while it
 * is entered with the same context (ResolutionMemo); and the findings of the rules that read
 * one chunk at a time while their inputs are the same (rules/run.ts). What depends on the
 * whole draft (the order of anaphors and bare articles, footnote labels and numbers, link
 * definitions, the footnote rules) is worked out for each version, from those parts. A fresh
 * analyzer and one that analysed any earlier versions give the same result (tests/unit/
 * incremental.test.ts and tests/robustness check this with random edits).
 */
export class DocumentAnalyzer {
  private cache = new Map<string, ChunkAnalysis>();
  /** The last version's chunks (in order, with where they started), and that version's length. */
  private placed: ReadonlyArray<Chunk<ChunkAnalysis>> = [];
  private length = 0;
  /** The last version's document (its line index) and where its front matter was. */
  private document: SourceDocument | null = null;
  private frontMatterSpan: FrontMatter['span'] = null;
  /** The last version's chunks that define link labels, and those labels. */
  private labelled: ChunkAnalysis[] = [];
  private linkLabels = new Set<string>();
  /** The last version's labels of footnote definitions: kept as the same set while they are the same, so chunks can tell nothing changed. */
  private definedFootnotes: ReadonlySet<string> = new Set();
  /** The last version's footnote labels: kept while the chunks that hold footnotes are the same. */
  private footnoteLabels: FootnoteLabels | null = null;
  private corpus: Corpus | null = null;

  analyze(text: DraftText, corpus: Corpus, settings: AnalysisSettings = DEFAULT_SETTINGS, inputs: AnalysisInputs = {}): DocumentAnalysis {
    if (corpus !== this.corpus) {
      this.cache.clear();
      this.placed = [];
      this.document = null;
      this.corpus = corpus;
    }
    const changed = inputs.changed && this.document && this.document.length === this.length ? inputs.changed : null;
    const document = changed && this.document ? this.document.edited(text, changed.start, changed.end) : new SourceDocument(text);
    const bibliography = inputs.bibliography ? parseBibliography(inputs.bibliography) : null;
    const frontMatter = readFrontMatter(text);
    const previous = this.cache;
    const used = new Map<string, ChunkAnalysis>();
    // A chunk before an edit starts where it started, one after it where it started shifted by
    // the change in length: compared there first (one native comparison), its text need not be
    // hashed for a look-up by text.
    const placedBefore = this.placed;
    const shift = text.length - this.length;
    const scanned = (chunkText: string, start: number): ChunkAnalysis => {
      let entry = sameText(chunkAt(placedBefore, start), chunkText) ?? sameText(chunkAt(placedBefore, start - shift), chunkText) ?? used.get(chunkText) ?? previous.get(chunkText);
      if (!entry) {
        const raw = detachedCopy(chunkText);
        const scan = scanChunk(raw);
        entry = { raw, scan, openAtEnd: scan.openAtEnd, suppressionText: raw.includes('lexicite-'), mentions: null, sentences: null, linkLabels: null, placed: [], resolution: [], citedLabels: null, findings: null };
      }
      used.set(entry.raw, entry);
      return entry;
    };
    const chunks =
      (changed && sameSpan(frontMatter.span, this.frontMatterSpan) ? chunksAround(text, changed, placedBefore, shift, scanned, used, frontMatter.span) : null) ??
      splitIntoChunks(document.text, scanned, frontMatter.span);
    // Only the current version's chunks are kept.
    this.cache = used;
    this.placed = chunks;
    this.length = text.length;
    this.document = document;
    this.frontMatterSpan = frontMatter.span;

    const labelled: ChunkAnalysis[] = [];
    for (const { data: chunk } of chunks) {
      chunk.mentions ??= collectMentions(chunk.scan.masked, corpus);
      chunk.sentences ??= chunkSentences({ masked: chunk.scan.masked, raw: chunk.raw, citationSpans: chunk.scan.citationSpans, headings: chunk.scan.headings });
      chunk.linkLabels ??= linkDefinitions(chunk.raw);
      if (chunk.linkLabels.length > 0) labelled.push(chunk);
    }
    // The link labels are the last version's set while the chunks that define labels are the same.
    const sameLabelled = labelled.length === this.labelled.length && labelled.every((chunk, index) => this.labelled[index] === chunk);
    const linkLabels = sameLabelled ? this.linkLabels : new Set(labelled.flatMap((chunk) => chunk.linkLabels ?? []));
    this.labelled = labelled;
    this.linkLabels = linkLabels;
    /** A chunk's sentences with absolute offsets: made when first asked for, and kept for the last few places the chunk stood at. */
    const sentencesOfChunk = (index: number): Sentence[] => {
      const { start: base, data: chunk } = chunks[index] as (typeof chunks)[number];
      return keptAt(
        chunk.placed,
        (candidate) => candidate.start === base,
        () => ({
          start: base,
          sentences: (chunk.sentences ?? []).map((prose) => ({ start: prose.start + base, end: prose.end + base, paragraph: { start: prose.paragraph.start + base, end: prose.paragraph.end + base }, body: prose.body, prose })),
        }),
      ).sentences;
    };
    const scan = joinScans(
      frontMatter,
      chunks.map(({ start, end, data }) => ({ start, end, data: data.scan })),
      this.footnoteLabels,
    );
    this.footnoteLabels = scan.footnoteLabels;
    const recognition: RecognitionChunk[] = chunks.map(({ start, data }) => ({ start, mentions: data.mentions ?? [], citationSpans: data.scan.citationSpans, memo: data.resolution }));
    resolveReferences(document, recognition, corpus);
    // The whole draft's references and sentences are put together when first asked for: an
    // edit moves every chunk after it, and most versions are only checked, chunk by chunk.
    let references: Reference[] | null = null;
    let sentences: Sentence[] | null = null;
    const allReferences = (): Reference[] => (references ??= documentReferences(recognition));
    const allSentences = (): Sentence[] => (sentences ??= chunks.flatMap((_, index) => sentencesOfChunk(index)));
    const documentDateOf = documentDate({ frontMatter });
    const contextWith = (chunkReferences: () => readonly Reference[], chunkSentences: () => readonly Sentence[]): RuleContext => ({
      document,
      scan,
      get references() {
        return chunkReferences();
      },
      get sentences() {
        return chunkSentences();
      },
      linkLabels,
      corpus,
      documentDate: documentDateOf,
      citationStyle: settings.citationStyle,
      citationScope: settings.citationScope,
      externalReferences: settings.externalReferences ?? 'cite',
      bibliography,
      quotations: () => [],
    });
    const context = contextWith(allReferences, allSentences);

    // One context per chunk, with its sentences and references, made when first needed.
    const chunkContexts: Array<RuleContext | undefined> = [];
    const chunkContext = (index: number): RuleContext => {
      let made = chunkContexts[index];
      if (!made) {
        const { start: base, data: chunk } = chunks[index] as (typeof chunks)[number];
        const local = contextWith(
          () => chunkReferences(recognition[index] as RecognitionChunk),
          () => sentencesOfChunk(index),
        );
        let checked: QuotationCheck[] | null = null;
        local.quotations = () => (checked ??= checkQuotations({ masked: chunk.scan.masked, maskedStart: base, sentences: local.sentences, references: local.references, corpus }));
        chunkContexts[index] = made = local;
      }
      return made;
    };
    let quotations: QuotationCheck[] | null = null;
    const quotationsOf = (): QuotationCheck[] => (quotations ??= chunks.flatMap((_, index) => [...chunkContext(index).quotations()]));
    context.quotations = quotationsOf;
    const quotationsNear = (offset: number): readonly QuotationCheck[] =>
      chunks.length > 0 ? chunkContext(Math.max(0, lastAtMost(chunks.length, (index) => (chunks[index] as (typeof chunks)[number]).start, offset))).quotations() : [];

    const defined = definedFootnotesOf(scan);
    const definedBefore = this.definedFootnotes;
    const definedFootnotes = sameSet(defined, definedBefore) ? definedBefore : defined;
    this.definedFootnotes = definedFootnotes;
    const ruled = runRules({ document, context, chunks, recognition, chunkContext, rules: settings.rules, linkLabels, definedFootnotes });
    // The chunks' contexts are made again if a fix or a hover asks: kept, they would double what a long draft's analysis holds.
    chunkContexts.length = 0;
    // The chunks' texts have the front matter blanked: with "lexicite-" there, the whole text is read.
    const inFrontMatter = frontMatter.span !== null && text.slice(frontMatter.span.start, frontMatter.span.end).includes('lexicite-');
    const stretches = inFrontMatter ? undefined : chunks.filter(({ data }) => data.suppressionText).map(({ start, data }) => ({ start, text: data.raw }));
    const suppressions = readSuppressions(document, frontMatter, stretches);
    // With suppressions, a group's findings are filtered for this version, and its key is this version's.
    const groups: DiagnosticGroup[] =
      suppressions === NO_SUPPRESSIONS
        ? ruled
        : ruled.map((group) => {
            let shown: Finding[] | null = null;
            return { key: null, line: group.line, findings: () => (shown ??= group.findings().filter((finding) => !suppressions.isSuppressed(finding.code, finding.range.start.line))) };
          });
    let diagnostics: Finding[] | null = null;
    const allDiagnostics = (): Finding[] => {
      if (!diagnostics) {
        diagnostics = [];
        for (const group of groups) for (const finding of group.findings()) diagnostics.push(finding);
        diagnostics.sort(byPosition);
      }
      return diagnostics;
    };
    return {
      document,
      bibliography,
      frontMatter,
      get headings() {
        return scan.headings;
      },
      get footnoteDefinitions() {
        return scan.footnoteDefinitions;
      },
      get references() {
        return allReferences();
      },
      get diagnostics() {
        return allDiagnostics();
      },
      diagnosticGroups: groups,
      get sentences() {
        return allSentences();
      },
      quotations: quotationsOf,
      quotationsNear,
    };
  }
}

function sameSpan(a: FrontMatter['span'], b: FrontMatter['span']): boolean {
  return a === b || (a !== null && b !== null && a.start === b.start && a.end === b.end);
}

function sameSet(a: ReadonlySet<string>, b: ReadonlySet<string>): boolean {
  if (a.size !== b.size) return false;
  for (const value of a) if (!b.has(value)) return false;
  return true;
}

/** The chunk if its text is `text`. */
function sameText(chunk: ChunkAnalysis | undefined, text: string): ChunkAnalysis | undefined {
  return chunk && chunk.raw.length === text.length && chunk.raw === text ? chunk : undefined;
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
