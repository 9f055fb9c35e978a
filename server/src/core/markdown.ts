import MarkdownIt from 'markdown-it';
import markdownItFootnote from 'markdown-it-footnote';
import type { SourceDocument } from './document';

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
}

export interface FrontMatter {
  /** Offsets of the whole front matter block, or null when there is none. */
  span: { start: number; end: number } | null;
  /** The raw `date:` value, when present. */
  date: string | null;
}

// footnote_tail moves referenced definitions to the end and drops unreferenced ones; we
// want every definition where it stands, so it is disabled.
const parser = new MarkdownIt({ html: true, linkify: false }).use(markdownItFootnote).disable('footnote_tail');

export function prepareScan(document: SourceDocument): ScannableText {
  const text = document.text;
  const frontMatter = readFrontMatter(text);
  const chars = text.split('');
  const blank = (start: number, end: number): void => {
    for (let i = start; i < end; i++) {
      const c = chars[i];
      if (c !== '\n' && c !== '\r') chars[i] = ' ';
    }
  };
  const lineOffset = (line: number): number => document.offsetAt({ line, character: 0 });

  // Front matter is not Markdown: blank it out before parsing, keeping the line count.
  let parseInput = text;
  if (frontMatter.span) {
    blank(frontMatter.span.start, frontMatter.span.end);
    parseInput = chars.join('');
  }

  const citationSpans: Array<{ start: number; end: number }> = [];
  const tokens = parser.parse(parseInput, {});
  let footnoteDepth = 0;
  for (const token of tokens) {
    if (token.type === 'footnote_reference_open') footnoteDepth++;
    else if (token.type === 'footnote_reference_close') footnoteDepth--;
    if (!token.map) continue;
    const start = lineOffset(token.map[0]);
    const end = lineOffset(token.map[1]);
    if (token.type === 'fence' || token.type === 'code_block' || token.type === 'html_block') {
      blank(start, end);
    } else if (token.type === 'inline') {
      maskInline(text, start, end, blank);
      if (footnoteDepth > 0) citationSpans.push({ start, end });
    }
  }
  return { masked: chars.join(''), citationSpans, frontMatter };
}

/** Blanks inline code spans, link destinations, autolinks and bare URLs in one block. */
function maskInline(text: string, start: number, end: number, blank: (start: number, end: number) => void): void {
  const block = text.slice(start, end);
  // Inline code: a run of n backticks closed by the next run of exactly n backticks.
  const runs: Array<{ at: number; length: number }> = [];
  for (const match of block.matchAll(/`+/g)) runs.push({ at: match.index, length: match[0].length });
  for (let i = 0; i < runs.length; i++) {
    const open = runs[i] as { at: number; length: number };
    const closeIndex = runs.findIndex((run, j) => j > i && run.length === open.length);
    if (closeIndex < 0) continue;
    const close = runs[closeIndex] as { at: number; length: number };
    blank(start + open.at, start + close.at + close.length);
    i = closeIndex;
  }
  // Link destinations `](dest "title")`, autolinks `<scheme:...>`, bare URLs.
  for (const match of block.matchAll(/\]\([^)\s]*(?:\s+"[^"]*")?\)|<[A-Za-z][A-Za-z0-9+.-]{1,31}:[^\s<>]*>|\b(?:https?:\/\/|www\.)[^\s<>()]+/g)) {
    const from = match[0].startsWith('](') ? match.index + 2 : match.index;
    blank(start + from, start + match.index + match[0].length);
  }
}

function readFrontMatter(text: string): FrontMatter {
  const opening = /^---[ \t]*\r?\n/.exec(text);
  if (!opening) return { span: null, date: null };
  const closing = /^(?:---|\.\.\.)[ \t]*(?:\r?\n|$)/m;
  const rest = text.slice(opening[0].length);
  const close = closing.exec(rest);
  if (!close) return { span: null, date: null };
  const body = rest.slice(0, close.index);
  const end = opening[0].length + close.index + close[0].length;
  const date = /^date:[ \t]*["']?([^"'\r\n]*?)["']?[ \t]*$/m.exec(body)?.[1] ?? null;
  return { span: { start: 0, end }, date: date && date.length > 0 ? date : null };
}
