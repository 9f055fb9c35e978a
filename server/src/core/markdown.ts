import MarkdownIt from 'markdown-it';
import markdownItFootnote from 'markdown-it-footnote';
import type StateCore from 'markdown-it/lib/rules_core/state_core.mjs';
import { blanked, splitIntoChunks, type Chunk } from './chunks';
import { endsWithLineBreak, SourceDocument } from './document';
import type { DraftText } from './text';
import { collectFootnotes, recordFootnoteDefinitions, type FootnoteDefinition, type FootnoteReference } from './footnotes';

/**
 * What the recognizer may read of a Markdown document.
 *
 * The document is parsed once with markdown-it (CommonMark + footnotes). The result is
 * a *masked* copy of the text, the same length as the original so that offsets carry
 * over unchanged, in which everything that is not prose is replaced by spaces: front
 * matter, fenced and indented code, HTML blocks, inline code spans, link destinations,
 * autolinks and bare URLs. Footnote definitions stay readable and are reported as
 * citation spans.
 */
export interface ScannableText {
  masked: string;
  /** Offsets [start, end) of footnote definitions: references there sit inside a citation. */
  citationSpans: Array<{ start: number; end: number }>;
  frontMatter: FrontMatter;
  /**
   * The document's headings (ATX and setext) in document order: level 1-6, the heading's
   * inline content as markdown-it reads it, and the offsets of its line(s), line break excluded.
   */
  headings: Array<{ level: number; text: string; start: number; end: number }>;
  /**
   * Footnote references `[^label]` in prose, in document order, as markdown-it-footnote reads
   * them (never in code, front matter or link destinations), whether or not a definition exists.
   */
  footnoteReferences: FootnoteReference[];
  /** Footnote definitions `[^label]: …` in document order, with the offsets of `[^label]:`. */
  footnoteDefinitions: FootnoteDefinition[];
  /**
   * The chunks that hold footnote references or definitions, in order, their footnotes relative
   * to the chunk's start: what the footnote rules walk every version, placing only what they
   * report (the two lists above are made when first read).
   */
  footnoteChunks: ReadonlyArray<Chunk<ChunkScan>>;
  /** The labels of the footnote definitions and references (see FootnoteLabels). */
  footnoteLabels: FootnoteLabels;
}

/**
 * The labels of a document's footnote definitions and of its footnote references: the same
 * objects as the last version's while the chunks that hold footnotes are the same, so that a
 * keystroke elsewhere makes no new sets.
 */
export interface FootnoteLabels {
  /** The scans of the chunks that hold footnotes, in order (what the sets were made from). */
  readonly holders: readonly ChunkScan[];
  readonly defined: ReadonlySet<string>;
  readonly referenced: ReadonlySet<string>;
}

export interface FrontMatter {
  /** Offsets of the whole front matter block, or null when there is none. */
  span: { start: number; end: number } | null;
  /** The raw `date:` value, when present. */
  date: string | null;
  /** The `bibliography:` file(s) as written (a string or a list of strings), relative to the document's folder. */
  bibliography: string[];
}

// footnote_tail moves referenced definitions to the end and drops unreferenced ones; we
// want every definition where it stands, so it is disabled.
const parser = new MarkdownIt({ html: true, linkify: false }).use(markdownItFootnote).use(recordFootnoteDefinitions).disable('footnote_tail');
parser.core.ruler.at('inline', inlineWhereFootnoteMarks);

/**
 * markdown-it's inline parse, run only on the inline tokens whose parse the scan reads. The
 * scan reads the blocks (their kinds, lines and inline text); of the inline parse it reads only
 * footnote marks (collectFootnotes), and a mark (`[^label]`) is written with "[^". The inline
 * parse of a block depends on nothing but its text and the link and footnote definitions, so
 * the tokens it is run on come out as before; the others keep no children. Measured on the
 * 1 MB benchmark draft: the parse was about half of a chunk's scan.
 */
function inlineWhereFootnoteMarks(state: StateCore): void {
  for (const token of state.tokens) {
    if (token.type === 'inline' && token.content.includes('[^')) state.md.inline.parse(token.content, state.md, state.env, (token.children ??= []));
  }
}

/**
 * What the scan of one chunk of a document (see chunks.ts) finds, with offsets relative to
 * the chunk. A chunk is parsed on its own: chunk boundaries are placed where no Markdown
 * block continues across them, so this equals what a parse of the whole document finds there.
 */
export interface ChunkScan {
  masked: string;
  citationSpans: Array<{ start: number; end: number }>;
  headings: ScannableText['headings'];
  footnoteReferences: FootnoteReference[];
  footnoteDefinitions: FootnoteDefinition[];
  /** A fenced code block or an HTML block runs to the chunk's end: it may go on in the next chunk. */
  openAtEnd: boolean;
  /** Its spans with absolute offsets where the chunk last stood (joinScans), reused while it stands there. */
  placed?: PlacedScan;
  /** Its footnote labels as one string (see footnoteLabelsOf), once worked out. */
  footnoteLabelKey?: string;
}

interface PlacedScan {
  start: number;
  citationSpans?: ScannableText['citationSpans'];
  headings?: ScannableText['headings'];
  footnoteReferences?: FootnoteReference[];
  footnoteDefinitions?: FootnoteDefinition[];
}

/**
 * A chunk scan's spans with absolute offsets, at `base`, each kind made when first asked for;
 * kept on the scan, so that a chunk an edit did not move costs no new objects.
 */
function placedScan(data: ChunkScan, base: number): PlacedScan {
  if (data.placed?.start !== base) data.placed = { start: base };
  return data.placed;
}

function placedFootnotes(data: ChunkScan, base: number): Required<Pick<PlacedScan, 'footnoteReferences' | 'footnoteDefinitions'>> {
  const placed = placedScan(data, base);
  placed.footnoteReferences ??= data.footnoteReferences.map((reference) => ({ ...reference, start: reference.start + base, end: reference.end + base }));
  placed.footnoteDefinitions ??= data.footnoteDefinitions.map((definition) => ({ ...definition, start: definition.start + base, end: definition.end + base, labelStart: definition.labelStart + base, labelEnd: definition.labelEnd + base }));
  return placed as Required<Pick<PlacedScan, 'footnoteReferences' | 'footnoteDefinitions'>>;
}

function placedCitationSpans(data: ChunkScan, base: number): ScannableText['citationSpans'] {
  const placed = placedScan(data, base);
  placed.citationSpans ??= data.citationSpans.map((span) => ({ start: span.start + base, end: span.end + base }));
  return placed.citationSpans;
}

function placedHeadings(data: ChunkScan, base: number): ScannableText['headings'] {
  const placed = placedScan(data, base);
  placed.headings ??= data.headings.map((heading) => ({ ...heading, start: heading.start + base, end: heading.end + base }));
  return placed.headings;
}

/** The text a document's Markdown is parsed from: the front matter (not Markdown) blanked, line breaks kept. */
export function parseInputOf(text: string, frontMatter: FrontMatter): string {
  return frontMatter.span ? blanked(text, frontMatter.span.start, frontMatter.span.end) : text;
}

/** Scans a whole document: its chunks scanned one by one and joined (see chunks.ts). */
export function prepareScan(document: SourceDocument): ScannableText {
  const frontMatter = readFrontMatter(document.text);
  return joinScans(frontMatter, splitIntoChunks(document.text, (chunkText) => scanChunk(chunkText), frontMatter.span));
}

/**
 * One document's scan from its chunks' scans, offsets made absolute. The footnotes are joined
 * for every version (the footnote rules read them); the masked text, the citation spans and
 * the headings only when read.
 */
export function joinScans(frontMatter: FrontMatter, chunks: ReadonlyArray<Chunk<ChunkScan>>, last: FootnoteLabels | null = null): ScannableText {
  const footnoteChunks = chunks.filter(({ data }) => data.footnoteReferences.length > 0 || data.footnoteDefinitions.length > 0);
  const footnoteLabels = footnoteLabelsOf(footnoteChunks, last);
  let footnoteReferences: FootnoteReference[] | null = null;
  let footnoteDefinitions: FootnoteDefinition[] | null = null;
  let masked: string | null = null;
  let citationSpans: ScannableText['citationSpans'] | null = null;
  let headings: ScannableText['headings'] | null = null;
  return {
    get masked(): string {
      masked ??= chunks.map((chunk) => chunk.data.masked).join('');
      return masked;
    },
    get citationSpans(): ScannableText['citationSpans'] {
      citationSpans ??= chunks.flatMap(({ start, data }) => placedCitationSpans(data, start));
      return citationSpans;
    },
    frontMatter,
    get headings(): ScannableText['headings'] {
      headings ??= chunks.flatMap(({ start, data }) => placedHeadings(data, start));
      return headings;
    },
    get footnoteReferences(): FootnoteReference[] {
      footnoteReferences ??= footnoteChunks.flatMap(({ start, data }) => placedFootnotes(data, start).footnoteReferences);
      return footnoteReferences;
    },
    get footnoteDefinitions(): FootnoteDefinition[] {
      footnoteDefinitions ??= footnoteChunks.flatMap(({ start, data }) => placedFootnotes(data, start).footnoteDefinitions);
      return footnoteDefinitions;
    },
    footnoteChunks,
    footnoteLabels,
  };
}

/** The footnote labels of the chunks that hold footnotes: the last version's while those chunks are the same. */
function footnoteLabelsOf(footnoteChunks: ReadonlyArray<Chunk<ChunkScan>>, last: FootnoteLabels | null): FootnoteLabels {
  if (last && last.holders.length === footnoteChunks.length) {
    let same = true;
    let identical = true;
    for (let index = 0; index < footnoteChunks.length && same; index++) {
      const before = last.holders[index] as ChunkScan;
      const now = (footnoteChunks[index] as Chunk<ChunkScan>).data;
      if (before === now) continue;
      identical = false;
      // An edited chunk whose footnote labels are the ones it had (a keystroke in a sentence with a footnote mark).
      same = footnoteLabelKey(before) === footnoteLabelKey(now);
    }
    if (identical) return last;
    if (same) return { holders: footnoteChunks.map(({ data }) => data), defined: last.defined, referenced: last.referenced };
  }
  const defined = new Set<string>();
  const referenced = new Set<string>();
  for (const { data } of footnoteChunks) {
    for (const definition of data.footnoteDefinitions) defined.add(definition.label);
    for (const reference of data.footnoteReferences) referenced.add(reference.label);
  }
  return { holders: footnoteChunks.map(({ data }) => data), defined, referenced };
}

/** A chunk's footnote labels (definitions, then references) as one string, worked out once per chunk. */
function footnoteLabelKey(scan: ChunkScan): string {
  scan.footnoteLabelKey ??= `${scan.footnoteDefinitions.map((definition) => definition.label).join('\u0000')}\u0001${scan.footnoteReferences.map((reference) => reference.label).join('\u0000')}`;
  return scan.footnoteLabelKey;
}

/** Scans one chunk of a document's parse input (see ChunkScan). */
export function scanChunk(text: string): ChunkScan {
  const lines = new SourceDocument(text);
  const lineOffset = (line: number): number => lines.offsetAt({ line, character: 0 });

  // Only the lines of inline content (paragraphs, headings, list items, table rows,
  // footnote definitions) are prose; code, HTML blocks, front matter and link reference
  // definitions stay blank.
  const prose: Array<{ start: number; end: number }> = [];
  const citationSpans: Array<{ start: number; end: number }> = [];
  const headings: ScannableText['headings'] = [];
  let footnoteDepth = 0;
  let openAtEnd = false;
  const env = {};
  const tokens = parser.parse(text, env);
  // markdown-it counts a final line break as ending the last line.
  const lineCount = lines.lineCount - (endsWithLineBreak(text) ? 1 : 0);
  tokens.forEach((token, index) => {
    if ((token.type === 'fence' || token.type === 'html_block') && token.map && token.map[1] >= lineCount) openAtEnd = true;
    if (token.type === 'footnote_reference_open') footnoteDepth++;
    else if (token.type === 'footnote_reference_close') footnoteDepth--;
    if (token.type === 'heading_open' && token.map) {
      const inline = tokens[index + 1];
      const start = lineOffset(token.map[0]);
      const lineEnd = lineOffset(token.map[1]);
      const end = lineEnd - (/\r?\n$|\r$/.exec(text.slice(start, lineEnd))?.[0].length ?? 0);
      headings.push({ level: Number(token.tag.slice(1)) || 1, text: inline?.type === 'inline' ? inline.content : '', start, end });
    }
    if (!token.map || (token.type !== 'inline' && token.type !== 'tr_open')) return;
    const span = { start: lineOffset(token.map[0]), end: lineOffset(token.map[1]) };
    prose.push(span);
    if (footnoteDepth > 0) citationSpans.push(span);
  });
  const masked = maskedText(text, prose);
  const footnotes = collectFootnotes(tokens, env, text, masked, lineOffset);
  return { masked, citationSpans, headings, footnoteReferences: footnotes.references, footnoteDefinitions: footnotes.definitions, openAtEnd };
}

/** The text with everything but the prose blanked, and in the prose the inline parts that are not prose. */
function maskedText(text: string, prose: ReadonlyArray<{ start: number; end: number }>): string {
  const blanks: Array<{ start: number; end: number }> = [];
  const blank = (start: number, end: number): void => {
    blanks.push({ start, end });
  };
  // Prose spans come in document order; a table row's span may repeat its inline token's.
  const kept: Array<{ start: number; end: number }> = [];
  for (const span of [...prose].sort((a, b) => a.start - b.start)) {
    const last = kept[kept.length - 1];
    if (last && span.start < last.end) {
      if (span.end > last.end) kept.push({ start: last.end, end: span.end });
    } else kept.push(span);
  }
  for (const span of kept) maskInline(text, span.start, span.end, blank);
  blanks.sort((a, b) => a.start - b.start);
  const pieces: string[] = [];
  let at = 0;
  const blankTo = (to: number): void => {
    if (to > at) pieces.push(text.slice(at, to).replace(/[^\r\n]/g, ' '));
    at = Math.max(at, to);
  };
  let next = 0;
  for (const span of kept) {
    if (span.end <= at) continue;
    blankTo(span.start);
    while (next < blanks.length && (blanks[next] as { start: number }).start < span.end) {
      const region = blanks[next++] as { start: number; end: number };
      if (region.start > at) pieces.push(text.slice(at, region.start));
      at = Math.max(at, region.start);
      blankTo(Math.min(region.end, span.end));
    }
    if (span.end > at) pieces.push(text.slice(at, span.end));
    at = Math.max(at, span.end);
  }
  blankTo(text.length);
  return pieces.join('');
}

/**
 * Blanks inline code spans, link destinations, autolinks, bare URLs and inline HTML in one
 * block. Linear in the block's length: every quantifier that could scan far is bounded,
 * and code spans and comments are matched with one forward scan each.
 */
function maskInline(text: string, start: number, end: number, blank: (start: number, end: number) => void): void {
  const block = text.slice(start, end);
  // Inline code: a run of n backticks closed by the next run of exactly n backticks.
  const runs: Array<{ at: number; length: number }> = [];
  for (const match of block.matchAll(/`+/g)) runs.push({ at: match.index, length: match[0].length });
  const nextOfLength = new Map<number, number[]>();
  runs.forEach((run, index) => {
    const list = nextOfLength.get(run.length) ?? [];
    list.push(index);
    nextOfLength.set(run.length, list);
  });
  const cursor = new Map<number, number>();
  for (let i = 0; i < runs.length; i++) {
    const open = runs[i] as { at: number; length: number };
    const list = nextOfLength.get(open.length) as number[];
    let position = cursor.get(open.length) ?? 0;
    while (position < list.length && (list[position] as number) <= i) position++;
    cursor.set(open.length, position);
    if (position >= list.length) continue;
    const closeIndex = list[position] as number;
    const close = runs[closeIndex] as { at: number; length: number };
    blank(start + open.at, start + close.at + close.length);
    i = closeIndex;
  }
  // HTML comments: each opener to the next closer; with none left, the rest are not comments.
  for (let from = block.indexOf('<!--'); from >= 0; ) {
    const to = block.indexOf('-->', from + 4);
    if (to < 0) break;
    blank(start + from, start + to + 3);
    from = block.indexOf('<!--', to + 3);
  }
  // Link destinations `](dest "title")`, autolinks `<scheme:...>`, bare URLs and HTML tags
  // (their attributes are not prose; the text between tags is).
  for (const match of block.matchAll(/\]\([^)\s]{0,2048}(?:[ \t]+"[^"\n]{0,512}")?\)|<[A-Za-z][A-Za-z0-9+.-]{1,31}:[^\s<>]{0,2048}>|\b(?:https?:\/\/|www\.)[^\s<>()]+|<\/?[A-Za-z][A-Za-z0-9-]{0,63}(?:\s[^<>\n]{0,512})?\/?>/g)) {
    const from = match[0].startsWith('](') ? match.index + 2 : match.index;
    blank(start + from, start + match.index + match[0].length);
  }
}

/**
 * The front matter of a document's text (also for callers that read the bibliography before
 * the analysis). Of an editor's version (see text.ts) only the start is read while the front
 * matter closes there.
 */
export function readFrontMatter(text: DraftText): FrontMatter {
  if (typeof text !== 'string') {
    if (text.slice(0, 3) !== '---') return noFrontMatter();
    // A head that ends with a line break: a closing line found in it is the text's.
    const head = text.slice(0, FRONT_MATTER_HEAD);
    const lastBreak = Math.max(head.lastIndexOf('\n'), head.lastIndexOf('\r'));
    const found = head.length < text.length && lastBreak >= 0 ? readFrontMatter(head.slice(0, lastBreak + 1)) : null;
    return found?.span ? found : readFrontMatter(text.toString());
  }
  const opening = /^---[ \t]*(?:\r\n|\n|\r)/.exec(text);
  if (!opening) return noFrontMatter();
  const closing = /^(?:---|\.\.\.)[ \t]*(?:\r\n|\n|\r|$)/m;
  const rest = text.slice(opening[0].length);
  const close = closing.exec(rest);
  if (!close) return noFrontMatter();
  const body = rest.slice(0, close.index);
  const end = opening[0].length + close.index + close[0].length;
  const date = /^date:[ \t]*["']?([^"'\r\n]*?)["']?[ \t]*$/m.exec(body)?.[1] ?? null;
  return { span: { start: 0, end }, date: date && date.length > 0 ? date : null, bibliography: readBibliography(body) };
}

const noFrontMatter = (): FrontMatter => ({ span: null, date: null, bibliography: [] });
/** How much of an editor's version is read for its front matter before the whole text is. */
const FRONT_MATTER_HEAD = 64 * 1024;

const unquote = (value: string): string => value.trim().replace(/^(["'])(.*)\1$/, '$2').trim();

/** `bibliography: refs.bib`, `bibliography: [a.bib, b.json]` or a block list of `- file` lines. */
function readBibliography(body: string): string[] {
  const match = /^bibliography:[ \t]*(.*?)[ \t]*\r?$/m.exec(body);
  if (!match) return [];
  const value = (match[1] ?? '').replace(/[ \t]+#.*$/, '');
  if (value.startsWith('[')) {
    return value.replace(/^\[|\]$/g, '').split(',').map(unquote).filter((file) => file.length > 0);
  }
  if (value.length > 0) return [unquote(value)].filter((file) => file.length > 0);
  const files: string[] = [];
  for (const line of body.slice(match.index + match[0].length).split(/\r\n|\n|\r/).slice(1)) {
    const item = /^[ \t]*-[ \t]+(.+?)[ \t]*$/.exec(line);
    if (item) files.push(unquote(item[1] as string));
    else if (line.trim().length > 0) break;
  }
  return files.filter((file) => file.length > 0);
}
