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

import { lineBreakAt } from './document';
import { lastAtMost } from './sorted';
import type { DraftText } from './text';

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

/** The start of the line after the one that holds `offset` (the text's length if none). */
function lineAfter(text: DraftText, offset: number): number {
  const found = lineBreakAt(text, offset);
  return found ? found.at + found.length : text.length;
}

/**
 * The chunk starts of `text` with `span` blanked. A line's being a start depends on it and
 * the line before it: up to the first line after the one where the span ends, the starts
 * are read from a blanked copy of that beginning; after it, from the text itself.
 */
function startsAroundBlank(text: string, span: BlankedSpan): number[] {
  const next = lineAfter(text, span.end);
  const head = blanked(text.slice(0, Math.min(text.length, next + 1)), span.start, Math.min(span.end, next + 1));
  const starts = chunkStarts(head).filter((start) => start <= next);
  for (const start of chunkStarts(text)) if (start > next) starts.push(start);
  return starts;
}

/** A stretch of a new text, [start, end), that replaced a stretch of the text before it. */
export interface TextChange {
  start: number;
  end: number;
}

/**
 * The stretch of the newest text that differs from an older one, after one more change
 * (`start`, `end`: what it replaced in the text before this change; `inserted`: the length of
 * what replaced it), given the stretch that differed before it (null: none yet).
 */
export function mergeChange(changed: TextChange | null, start: number, end: number, inserted: number): TextChange {
  const insertedEnd = start + inserted;
  if (!changed) return { start, end: insertedEnd };
  const delta = inserted - (end - start);
  const moved = (offset: number): number => (offset <= start ? offset : offset >= end ? offset + delta : insertedEnd);
  return { start: Math.min(moved(changed.start), start), end: Math.max(moved(changed.end), insertedEnd) };
}

/**
 * The chunks of `text` when only `changed` differs from the last version (whose chunks are
 * `before`, `shift`: the change in length): the last version's chunks before and after the
 * change stay (after it, shifted), and the stretch from the chunk before the one the change
 * starts in to the chunk after the one it ends in is cut again. A chunk start depends on its
 * line and the line before it, and a chunk's end on its own text and the starts after it, so
 * the chunks outside that stretch are the ones a cut of the whole text makes, as long as no
 * chunk in the stretch is merged with the next (an open fence or HTML block): then null, and
 * the whole text is cut. With `blank` (the front matter, the same as the last version's), the
 * stretch must start after the blanked lines, else null too.
 */
export function chunksAround<T extends { openAtEnd: boolean; raw: string }>(
  text: DraftText,
  changed: TextChange,
  before: ReadonlyArray<Chunk<T>>,
  shift: number,
  scanned: (chunkText: string, start: number) => T,
  used: Map<string, T>,
  blank: BlankedSpan | null = null,
): Array<Chunk<T>> | null {
  const oldEnd = changed.end - shift;
  if (before.length === 0 || changed.start < 0 || changed.end > text.length || oldEnd < changed.start) return null;
  const last = before[before.length - 1] as Chunk<T>;
  if (last.end !== text.length - shift || oldEnd > last.end) return null;
  /** The index of the chunk that holds the character at `offset` (the last chunk for the text's end). */
  const holding = (offset: number): number => Math.max(0, lastAtMost(before.length, (index) => (before[index] as Chunk<T>).start, offset));
  const first = Math.max(0, holding(changed.start - 1) - 1);
  const end = Math.min(before.length - 1, holding(oldEnd) + 1);
  const from = (before[first] as Chunk<T>).start;
  const to = (before[end] as Chunk<T>).end + shift;
  // Blanking (the front matter) decides the chunk starts up to the line after the span's last
  // line (see startsAroundBlank): a stretch to cut again must start after that line.
  if (blank && blank.end > blank.start && from <= lineAfter(text, blank.end)) return null;
  let merged = false;
  const cut = splitIntoChunks(text.slice(from, to), (chunkText, start) => {
    const entry = scanned(chunkText, start + from);
    if (entry.openAtEnd) merged = true;
    return entry;
  });
  if (merged) return null;
  const chunks: Array<Chunk<T>> = before.slice(0, first);
  for (const chunk of cut) chunks.push({ start: chunk.start + from, end: chunk.end + from, data: chunk.data });
  for (let index = end + 1; index < before.length; index++) {
    const chunk = before[index] as Chunk<T>;
    chunks.push(shift === 0 ? chunk : { start: chunk.start + shift, end: chunk.end + shift, data: chunk.data });
    used.set(chunk.data.raw, chunk.data);
  }
  for (let index = 0; index < first; index++) used.set((before[index] as Chunk<T>).data.raw, (before[index] as Chunk<T>).data);
  return chunks;
}

/** The chunk of a version's chunks (in order) that starts at `start`, if any. */
export function chunkAt<T>(chunks: ReadonlyArray<{ start: number; data: T }>, start: number): T | undefined {
  const chunk = chunks[lastAtMost(chunks.length, (index) => (chunks[index] as { start: number }).start, start)];
  return chunk?.start === start ? chunk.data : undefined;
}
