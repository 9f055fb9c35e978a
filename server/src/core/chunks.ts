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

/** Offsets of the lines that may start a chunk: after a blank line, not indented, not blank. The first is 0. */
export function chunkStarts(text: string): number[] {
  const starts = [0];
  let previousBlank = false;
  let lineStart = 0;
  const length = text.length;
  while (lineStart < length) {
    let at = lineStart;
    let blank = true;
    for (; at < length; at++) {
      const code = text.charCodeAt(at);
      if (code === 10 || code === 13) break;
      if (blank && code !== 32 && code !== 9) blank = false;
    }
    if (!blank && previousBlank && lineStart > 0) {
      const first = text.charCodeAt(lineStart);
      if (first !== 32 && first !== 9) starts.push(lineStart);
    }
    previousBlank = blank;
    if (at >= length) break;
    at += text.charCodeAt(at) === 13 && text.charCodeAt(at + 1) === 10 ? 2 : 1;
    lineStart = at;
  }
  return starts;
}

/**
 * Splits a text into chunks and scans each with `scan` (which a caller may answer from a cache
 * keyed by the chunk's text). `scan(...).openAtEnd` says a block runs on past the chunk's end.
 */
export function splitIntoChunks<T extends { openAtEnd: boolean }>(text: string, scan: (chunkText: string) => T): Array<Chunk<T>> {
  const starts = chunkStarts(text);
  starts.push(text.length);
  const last = starts.length - 1;
  const chunks: Array<Chunk<T>> = [];
  for (let from = 0; from < last; ) {
    let span = 1;
    let to = Math.min(from + span, last);
    let data = scan(text.slice(starts[from], starts[to]));
    while (data.openAtEnd && to < last) {
      span *= 2;
      to = Math.min(from + span, last);
      data = scan(text.slice(starts[from], starts[to]));
    }
    chunks.push({ start: starts[from] as number, end: starts[to] as number, data });
    from = to;
  }
  if (chunks.length === 0) chunks.push({ start: 0, end: 0, data: scan('') });
  return chunks;
}
