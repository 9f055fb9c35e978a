/**
 * Chunks: the stretches of a document that are parsed and analysed on their own, so that an
 * edit re-analyses only the chunk it touches (see DocumentAnalyzer in analyze.ts).
 *
 * A chunk starts at a line that follows a blank line and starts in the first column. No
 * CommonMark block goes on across such a line except a fenced code block or an HTML block
 * that has not been closed yet (paragraphs, tables and HTML blocks of kinds 6 and 7 end at
 * the blank line; list items, block quotes, indented code and footnote definitions need
 * the next line indented or marked). A chunk whose parse leaves a fence or an HTML block
 * open at its end is therefore merged with the chunks after it (one, then two, four, … so
 * that a long unclosed block costs a bounded number of parses) until its parse closes.
 *
 * The chunks depend on the text alone, never on the edits that led to it: analysing a text
 * from scratch and after any sequence of edits gives the same chunks.
 */

export interface Chunk<T> {
  start: number;
  end: number;
  data: T;
}

/**
 * A line that starts with neither a space, a tab nor a line break, after a blank line (spaces
 * and tabs only): where a chunk may start. One native expression (the same scan as a loop
 * over the characters took ~6 ms per MB); the blank line is looked for behind each candidate,
 * so each line is read at most twice.
 */
const CHUNK_START = /(?<=(?:^|\r\n|\n|\r(?!\n))[ \t]*(?:\r\n|(?<!\r)\n|\r))(?=[^ \t\r\n])/g;

/** Offsets of the lines that may start a chunk: after a blank line, not indented, not blank. The first is 0. */
export function chunkStarts(text: string): number[] {
  return text.indexOf('\r') < 0 ? chunkStartsLf(text) : chunkStartsAnyBreak(text);
}

/**
 * chunkStarts for a text whose only line break is `\n` (nearly every draft): the lines are
 * found with indexOf, and only the first characters of each are read. About 1 ms per MB where
 * the expression takes about 10.
 */
function chunkStartsLf(text: string): number[] {
  const starts = [0];
  let lineStart = 0;
  let previousBlank = false;
  while (lineStart <= text.length) {
    const newline = text.indexOf('\n', lineStart);
    const lineEnd = newline < 0 ? text.length : newline;
    let at = lineStart;
    while (at < lineEnd && (text.charCodeAt(at) === 32 || text.charCodeAt(at) === 9)) at++;
    const blank = at === lineEnd;
    if (previousBlank && lineStart > 0 && !blank && at === lineStart) starts.push(lineStart);
    if (newline < 0) break;
    previousBlank = blank;
    lineStart = newline + 1;
  }
  return starts;
}

/** chunkStarts for a text with `\r\n` or `\r` line breaks. */
function chunkStartsAnyBreak(text: string): number[] {
  const starts = [0];
  CHUNK_START.lastIndex = 0;
  for (let match = CHUNK_START.exec(text); match; match = CHUNK_START.exec(text)) {
    if (match.index > 0) starts.push(match.index);
    CHUNK_START.lastIndex = match.index + 1;
  }
  return starts;
}

/** A stretch of the text that is not Markdown (the front matter): blanked in the chunks' texts, line breaks kept. */
export interface BlankedSpan {
  start: number;
  end: number;
}

/**
 * Splits a text into chunks and scans each with `scan` (which a caller may answer from a cache
 * keyed by the chunk's text). `scan(...).openAtEnd` says a block runs on past the chunk's end.
 * With `blank`, the chunks are those of the text with that span blanked (spaces, line breaks
 * kept), and the chunks that overlap it get their text so blanked; only the lines around the
 * span are read twice, so no blanked copy of a long text is ever made.
 */
export function splitIntoChunks<T extends { openAtEnd: boolean }>(text: string, scan: (chunkText: string, start: number) => T, blank: BlankedSpan | null = null): Array<Chunk<T>> {
  const span = blank && blank.end > blank.start ? blank : null;
  const starts = span ? startsAroundBlank(text, span) : chunkStarts(text);
  const sliceOf = (from: number, to: number): string => {
    const piece = text.slice(from, to);
    return span && from < span.end && to > span.start ? blanked(piece, Math.max(0, span.start - from), Math.min(to, span.end) - from) : piece;
  };
  starts.push(text.length);
  const last = starts.length - 1;
  const chunks: Array<Chunk<T>> = [];
  for (let from = 0; from < last; ) {
    let width = 1;
    let to = Math.min(from + width, last);
    const start = starts[from] as number;
    let data = scan(sliceOf(start, starts[to] as number), start);
    while (data.openAtEnd && to < last) {
      width *= 2;
      to = Math.min(from + width, last);
      data = scan(sliceOf(start, starts[to] as number), start);
    }
    chunks.push({ start: starts[from] as number, end: starts[to] as number, data });
    from = to;
  }
  if (chunks.length === 0) chunks.push({ start: 0, end: 0, data: scan('', 0) });
  return chunks;
}

/** `text` with [start, end) replaced by spaces, its line breaks kept. */
export function blanked(text: string, start: number, end: number): string {
  return text.slice(0, start) + text.slice(start, end).replace(/[^\r\n]/g, ' ') + text.slice(end);
}

/**
 * The chunk starts of `text` with `span` blanked. A line's being a start depends on it and
 * the line before it: up to the first line after the one where the span ends, the starts
 * are read from a blanked copy of that beginning; after it, from the text itself.
 */
function startsAroundBlank(text: string, span: BlankedSpan): number[] {
  const lineBreak = /\r\n|\n|\r/g;
  lineBreak.lastIndex = span.end;
  const found = lineBreak.exec(text);
  const next = found ? found.index + found[0].length : text.length;
  const head = blanked(text.slice(0, Math.min(text.length, next + 1)), span.start, Math.min(span.end, next + 1));
  const starts = chunkStarts(head).filter((start) => start <= next);
  for (const start of chunkStarts(text)) if (start > next) starts.push(start);
  return starts;
}
