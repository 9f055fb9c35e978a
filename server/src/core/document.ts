import { lastAtMost } from './sorted';
import { flat, type DraftText } from './text';
import type { Position, Range } from './types';

/**
 * An immutable text with its line index. Offsets and columns are UTF-16 code units
 * (JavaScript string indices), which is what LSP counts by default.
 * Line breaks are `\n`, `\r\n` and a lone `\r`, as in LSP.
 */
export class SourceDocument {
  /** The text as given: a string, or an editor's version read in stretches (see text.ts). */
  readonly source: DraftText;
  readonly length: number;
  private joined: string | null;
  private readonly lineStarts: ArrayLike<number>;

  constructor(text: DraftText, lineStarts?: ArrayLike<number>) {
    this.source = typeof text === 'string' ? flat(text) : text;
    this.joined = typeof text === 'string' ? (this.source as string) : null;
    this.length = text.length;
    this.lineStarts = lineStarts ?? computeLineStarts(this.text);
  }

  /**
   * The whole text as one string. For an editor's version that means joining it (a copy of
   * the draft): what runs on every keystroke reads `slice` instead.
   */
  get text(): string {
    this.joined ??= this.source.toString();
    return this.joined;
  }

  /** [start, end) of the text. */
  slice(start: number, end: number): string {
    return this.source.slice(start, end);
  }

  /**
   * The document `text`, which is this one's text with [start, start + removed) replaced by
   * [start, end) of `text`: the line index is this one's, shifted after the change, with the
   * change's own lines read. Texts with a carriage return get a new index.
   */
  edited(text: DraftText, start: number, end: number): SourceDocument {
    const delta = text.length - this.length;
    const oldEnd = end - delta;
    if (start < 0 || oldEnd < start || end > text.length || !(this.lineStarts instanceof Uint32Array) || text.slice(start, end).includes('\r')) return new SourceDocument(text);
    const old = this.lineStarts;
    // Line starts up to `start` stay (the line break before each is before the change); those
    // after the old end move by delta; those the change's own line breaks make are read.
    const kept = countAtMost(old, start);
    const after = countAtMost(old, oldEnd);
    const made: number[] = [];
    for (let at = text.indexOf('\n', start); at >= 0 && at < end; at = text.indexOf('\n', at + 1)) made.push(at + 1);
    const starts = new Uint32Array(kept + made.length + (old.length - after));
    starts.set(old.subarray(0, kept), 0);
    starts.set(made, kept);
    for (let index = after, into = kept + made.length; index < old.length; index++, into++) starts[into] = (old[index] as number) + delta;
    return new SourceDocument(text, starts);
  }

  get lineCount(): number {
    return this.lineStarts.length;
  }

  positionAt(offset: number): Position {
    const clamped = Math.max(0, Math.min(offset, this.length));
    let low = 0;
    let high = this.lineStarts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if ((this.lineStarts[mid] as number) <= clamped) low = mid;
      else high = mid - 1;
    }
    return { line: low, character: clamped - (this.lineStarts[low] as number) };
  }

  offsetAt(position: Position): number {
    if (position.line < 0) return 0;
    if (position.line >= this.lineStarts.length) return this.length;
    const lineStart = this.lineStarts[position.line] as number;
    const nextLineStart =
      position.line + 1 < this.lineStarts.length ? (this.lineStarts[position.line + 1] as number) : this.length;
    return Math.max(lineStart, Math.min(lineStart + position.character, nextLineStart));
  }

  rangeOf(start: number, end: number): Range {
    return { start: this.positionAt(start), end: this.positionAt(end) };
  }
}

/** How many of the sorted starts are at most `offset`. */
function countAtMost(starts: ArrayLike<number>, offset: number): number {
  return lastAtMost(starts.length, (index) => starts[index] as number, offset) + 1;
}

function computeLineStarts(text: string): ArrayLike<number> {
  // Nearly every draft breaks lines with \n alone: indexOf finds them several times faster than a
  // loop over the characters. The starts go in a typed array (outside the JavaScript heap, sized
  // for a line every 32 characters and doubled when full): a long draft is indexed again for
  // every version.
  if (text.indexOf('\r') < 0) {
    let starts = new Uint32Array(Math.max(16, text.length >> 5));
    let count = 1;
    for (let at = text.indexOf('\n'); at >= 0; at = text.indexOf('\n', at + 1)) {
      if (count === starts.length) {
        const grown = new Uint32Array(starts.length * 2);
        grown.set(starts);
        starts = grown;
      }
      starts[count++] = at + 1;
    }
    return starts.subarray(0, count);
  }
  const starts = [0];
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code === 13 /* \r */) {
      if (text.charCodeAt(i + 1) === 10) i++;
      starts.push(i + 1);
    } else if (code === 10 /* \n */) {
      starts.push(i + 1);
    }
  }
  return starts;
}

/** Whether a text ends with a line break (`\n`, or `\r` alone or in `\r\n`); read at its last character only. */
export function endsWithLineBreak(text: DraftText): boolean {
  const last = text.charCodeAt(text.length - 1);
  return last === 10 || last === 13;
}

/**
 * The first line break (`\r\n`, `\n` or a lone `\r`) at or after `offset`: where it is and how
 * long, or null. Read with native searches, so an editor's version is not joined (see text.ts).
 */
export function lineBreakAt(text: DraftText, offset: number): { at: number; length: number } | null {
  const newline = text.indexOf('\n', offset);
  const lineEnd = newline < 0 ? text.length : newline;
  const carriage = text.slice(offset, lineEnd).indexOf('\r');
  if (carriage >= 0) return { at: offset + carriage, length: text.charCodeAt(offset + carriage + 1) === 10 ? 2 : 1 };
  return newline < 0 ? null : { at: newline, length: 1 };
}

/** The line break a text uses: its first one (`\r\n`, `\n` or a lone `\r`), or `\n` for a single line. Edits use it. */
export function lineBreakOf(text: DraftText): string {
  // A text without line breaks is read to its end, and fixes ask once each: remember the last answer.
  if (text !== lastText) {
    lastText = text;
    const found = lineBreakAt(text, 0);
    lastBreak = found ? text.slice(found.at, found.at + found.length) : '\n';
  }
  return lastBreak;
}
let lastText: DraftText | null = null;
let lastBreak = '\n';
