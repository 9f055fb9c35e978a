import { citationKeyFor } from '../bibliography';
import { footnoteLabel, formatCitation } from '../citations';
import type { Fix, Reference } from '../types';
import { endsWithLineBreak, lineBreakOf } from '../document';
import { footnotesByCitation } from '../footnotes';
import { assessSentence, type Assessment } from '../claims/detector';
import { isCitation, referencesBySentence, SENTENCE_CLOSING_AT_END, sentenceMemo, type Sentence } from '../sentences';
import type { RuleContext } from './types';

/**
 * What the three sourcing rules share: the checked sentences, whether each has a citation in
 * its scope (the sentence, or its paragraph with `lexicite.citationScope: paragraph`), the
 * references each holds, and the footnote edits their fixes make.
 */
export interface SourcingView {
  sentences: readonly Sentence[];
  isCited(sentence: Sentence): boolean;
  /** Per sentence (same index): its references that need a source (not officials, not in a citation, not ambiguous). */
  references: ReadonlyArray<readonly Reference[]>;
  /** Existing footnote definitions: their text → label, and every label in use. */
  readonly footnoteByText: Map<string, string>;
  readonly labels: Set<string>;
  /** The lowest number not in use as a footnote label. */
  readonly freeNumber: number;
  readonly eol: string;
}

/** Per context: the analysis gives the rules one context per chunk, or one for the whole draft. */
const cache = new WeakMap<RuleContext, SourcingView>();

/** What every chunk of one document version shares (keyed by its scan): its footnotes, worked out once. */
interface DocumentFootnotes {
  defined: ReadonlySet<string>;
  footnoteByText: Map<string, string> | null;
  labels: Set<string> | null;
  freeNumber: number | null;
}
const footnotesByScan = new WeakMap<RuleContext['scan'], DocumentFootnotes>();

function documentFootnotes(scan: RuleContext['scan']): DocumentFootnotes {
  let footnotes = footnotesByScan.get(scan);
  if (!footnotes) {
    footnotes = { defined: scan.footnoteLabels.defined, footnoteByText: null, labels: null, freeNumber: null };
    footnotesByScan.set(scan, footnotes);
  }
  return footnotes;
}

/** The labels of the document's footnote definitions. */
export function definedFootnotesOf(scan: RuleContext['scan']): ReadonlySet<string> {
  return documentFootnotes(scan).defined;
}

export function sourcingView(context: RuleContext): SourcingView {
  const cached = cache.get(context);
  if (cached) return cached;
  const document = context.document;
  const scan = context.scan;
  // What only fixes need is worked out when a fix is first asked for, once per document version.
  const footnotes = documentFootnotes(scan);
  const view: SourcingView = {
    sentences: context.sentences,
    isCited(sentence) {
      const prose = sentence.prose;
      return isCitation(context.citationScope === 'paragraph' ? prose.paragraph.citations : prose.citations, footnotes.defined, context.linkLabels);
    },
    // The references that need a source: not officials, not in a citation, not ambiguous, and wholly inside the sentence.
    references: referencesBySentence(context.sentences, context.references, (reference, sentence) => reference.end <= sentence.end && reference.kind !== 'official' && !reference.inCitation && reference.resolvedBy !== 'ambiguous'),
    get footnoteByText() {
      footnotes.footnoteByText ??= footnotesByCitation(document.text, scan.footnoteDefinitions);
      return footnotes.footnoteByText;
    },
    get labels() {
      footnotes.labels ??= new Set([...footnotes.defined, ...scan.footnoteLabels.referenced]);
      return footnotes.labels;
    },
    get freeNumber() {
      if (footnotes.freeNumber === null) {
        let free = 1;
        while (this.labels.has(String(free))) free++;
        footnotes.freeNumber = free;
      }
      return footnotes.freeNumber;
    },
    get eol() {
      return lineBreakOf(document.source);
    },
  };
  cache.set(context, view);
  return view;
}

/** The edit that appends a footnote definition at the end of the document, after a blank line. */
function appendDefinition(context: RuleContext, view: SourcingView, label: string, body: string): { start: number; end: number; newText: string } {
  const text = context.document.text;
  const separator = text.length === 0 ? '' : endsWithLineBreak(text) ? view.eol : `${view.eol}${view.eol}`;
  return { start: text.length, end: text.length, newText: `${separator}[^${label}]: ${body}${view.eol}` };
}

function freeLabel(view: SourcingView, wanted: string): string {
  if (!view.labels.has(wanted)) return wanted;
  for (let suffix = 2; ; suffix++) if (!view.labels.has(`${wanted}-${suffix}`)) return `${wanted}-${suffix}`;
}

/** "Cite <reference> in a footnote": a mark at the end of the sentence and its definition, reusing an existing footnote for the same source. */
export function citeInFootnote(context: RuleContext, view: SourcingView, sentence: Sentence, reference: Reference): Fix | null {
  if (!reference.instrumentId) return null;
  const instrument = context.corpus.instrument(reference.instrumentId);
  if (!instrument) return null;
  const provision = reference.kind === 'provision' ? (context.corpus.provision(reference.id)?.provision ?? null) : null;
  const citation = formatCitation(instrument, provision, context.citationStyle);
  const existing = view.footnoteByText.get(citation);
  const label = existing ?? freeLabel(view, footnoteLabel(reference.id));
  const edits = [{ start: sentence.end, end: sentence.end, newText: `[^${label}]` }];
  if (!existing) edits.push(appendDefinition(context, view, label, citation));
  return { title: `Cite ${reference.text.replace(/\s+/g, ' ')} in a footnote${existing ? ` (reuse [^${existing}])` : ''}`, edits };
}

/**
 * "Cite <name> in a footnote" for an instrument outside the corpus: Lexicite knows only its name
 * as written (and the article), so the definition starts with them and the cursor waits at its
 * end for the writer to complete the citation (date, treaty series, page).
 */
export function citeExternalInFootnote(context: RuleContext, view: SourcingView, sentence: Sentence, reference: Reference): Fix | null {
  if (reference.kind !== 'external' || !reference.name) return null;
  const article = /\/art-(\d+)$/.exec(reference.id)?.[1];
  const body = `${reference.name.replace(/\s+/g, ' ')}${article ? `, art. ${article}` : ''}, `;
  const label = freeLabel(view, footnoteLabel(reference.id));
  const mark = `[^${label}]`;
  const definition = appendDefinition(context, view, label, body);
  const cursor = context.document.text.length + mark.length + definition.newText.length - view.eol.length;
  return {
    title: `Cite ${reference.text.replace(/\s+/g, ' ')} in a footnote (complete the citation)`,
    edits: [{ start: sentence.end, end: sentence.end, newText: mark }, definition],
    cursor,
  };
}

/** Where a Pandoc citation goes in a sentence: before its final punctuation, closing quotes and footnote marks ("… 1718 [@unscr1718]."). */
function beforeFinalPunctuation(text: string, sentence: Sentence): number {
  const body = text.slice(sentence.start, sentence.end);
  const tail = SENTENCE_CLOSING_AT_END.exec(body);
  return tail ? sentence.start + tail.index : sentence.end;
}

/**
 * "Cite <reference> with Pandoc ([@key])": ` [@key]` before the sentence's final punctuation, and,
 * when the bibliography has no entry for the instrument, the entry appended to the bibliography.
 */
export function citeWithPandoc(context: RuleContext, sentence: Sentence, reference: Reference): Fix | null {
  const bibliography = context.bibliography;
  if (!bibliography || !reference.instrumentId) return null;
  const instrument = context.corpus.instrument(reference.instrumentId);
  if (!instrument) return null;
  const cited = citationKeyFor(bibliography, instrument);
  if (!cited) return null;
  const at = beforeFinalPunctuation(context.document.text, sentence);
  return {
    title: `Cite ${reference.text.replace(/\s+/g, ' ')} with Pandoc ([@${cited.key}])`,
    edits: [{ start: at, end: at, newText: ` [@${cited.key}]` }],
    ...(cited.edit ? { fileEdits: [cited.edit] } : {}),
  };
}

/** "Add a footnote for the source": a numbered mark at the end of the sentence and an empty definition to fill in. */
export function footnotePlaceholder(context: RuleContext, view: SourcingView, sentence: Sentence): Fix {
  const label = String(view.freeNumber);
  const mark = `[^${label}]`;
  const definition = appendDefinition(context, view, label, '');
  // The cursor goes into the empty definition, after "[^n]: ", for the writer to fill in.
  const cursor = context.document.text.length + mark.length + definition.newText.length - view.eol.length;
  return {
    title: 'Add a footnote for the source',
    edits: [{ start: sentence.end, end: sentence.end, newText: mark }, definition],
    cursor,
  };
}

/** The claims/detector.ts assessment of a sentence's text, worked out once per sentence text and shared by the three rules. */
export function assessmentOf(sentence: Sentence): Assessment {
  return sentenceMemo(sentence, 'claim-assessment', (body) => kept(assessSentence(body)));
}

/**
 * A copy of an assessment, for the memo to keep: the detector's own objects then die young.
 * Kept themselves, they taught V8 that what the detector makes survives (allocation-site
 * pretenuring), and every later assessment in the process was made in the old generation and
 * made the young generation's collections slower: assessing the 1 MB benchmark draft's
 * sentences after an analysis of it took 49 ms, and 37 ms with the copy (5 alternating
 * processes; a check's time did not change).
 */
function kept(assessment: Assessment): Assessment {
  const copy = (evidence: Assessment['evidence']): Assessment['evidence'] => evidence.map(({ what, weight, index, text }) => ({ what, weight, index, text }));
  const { vague } = assessment;
  return { evidence: copy(assessment.evidence), against: copy(assessment.against), vague: vague ? { index: vague.index, text: vague.text } : null, score: assessment.score };
}
