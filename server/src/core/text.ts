/**
 * A draft's text as the analysis reads it: a string, or a version an editor made by editing an
 * earlier one (`EditedText`), read in stretches without ever being joined.
 *
 * Why: an editor's text after a keystroke is the last version with one character added. In
 * V8 the new string is a tree of the pieces, and the first read of any part of it joins it
 * into one new string, the size of the draft. On the 2-core benchmark machine that took about
 * 5 ms of each keystroke in a 1 MB draft (the new 2 MB string's memory is mapped afresh
 * every time), a quarter of the keystroke. The analysis of an edit reads only the stretch
 * around it, and the line index only the edit's own lines, so neither needs the joined text.
 */

/** What the analysis reads of a text. A string is one; so is an `EditedText`. */
export interface DraftText {
  readonly length: number;
  slice(start?: number, end?: number): string;
  charCodeAt(index: number): number;
  indexOf(search: string, position?: number): number;
  /** The whole text as one string (an `EditedText` joins it once and keeps it). */
  toString(): string;
}

/** A stretch replaced by an edit is kept apart while it stays at most this long; a longer one (edits far apart) is joined into the text. */
const MIDDLE_LIMIT = 16 * 1024;

/**
 * A text made from an earlier one (`base`, a flat string) by replacing [start, end) of it with
 * `middle`. Further edits near the middle make a new `EditedText` on the same base; an edit far
 * from it joins this text once and starts again from that.
 */
export class EditedText implements DraftText {
  readonly length: number;
  private joined: string | null = null;

  private constructor(
    private readonly base: string,
    private readonly start: number,
    private readonly end: number,
    private readonly middle: string,
  ) {
    this.length = base.length - (end - start) + middle.length;
  }

  /** Where the middle ends in this text. */
  private get middleEnd(): number {
    return this.start + this.middle.length;
  }

  slice(from = 0, to: number = this.length): string {
    const [start, end] = bounds(this.length, from, to);
    if (end <= start) return '';
    if (this.joined !== null) return this.joined.slice(start, end);
    const middleEnd = this.middleEnd;
    if (end <= this.start) return this.base.slice(start, end);
    const shift = this.end - middleEnd;
    if (start >= middleEnd) return this.base.slice(start + shift, end + shift);
    let result = start < this.start ? this.base.slice(start, this.start) : '';
    result += this.middle.slice(Math.max(start, this.start) - this.start, Math.min(end, middleEnd) - this.start);
    if (end > middleEnd) result += this.base.slice(this.end, end + shift);
    return result;
  }

  charCodeAt(index: number): number {
    if (this.joined !== null) return this.joined.charCodeAt(index);
    if (index < 0 || index >= this.length) return NaN;
    if (index < this.start) return this.base.charCodeAt(index);
    const middleEnd = this.middleEnd;
    if (index < middleEnd) return this.middle.charCodeAt(index - this.start);
    return this.base.charCodeAt(index - middleEnd + this.end);
  }

  indexOf(search: string, position = 0): number {
    if (this.joined !== null) return this.joined.indexOf(search, position);
    const from = Math.min(Math.max(0, Math.trunc(position) || 0), this.length);
    if (search.length === 0) return from;
    const reach = search.length - 1;
    // A match that ends before the middle starts,
    if (from < this.start) {
      const found = this.base.indexOf(search, from);
      if (found >= 0 && found + search.length <= this.start) return found;
    }
    // one that touches the middle,
    const middleEnd = this.middleEnd;
    const windowStart = Math.max(from, this.start - reach);
    const windowEnd = Math.min(this.length, middleEnd + reach);
    if (windowStart < windowEnd) {
      const found = this.slice(windowStart, windowEnd).indexOf(search);
      if (found >= 0) return windowStart + found;
    }
    // or one after it.
    const shift = this.end - middleEnd;
    const found = this.base.indexOf(search, Math.max(from, middleEnd) + shift);
    return found >= 0 ? found - shift : -1;
  }

  toString(): string {
    this.joined ??= flat(this.base.slice(0, this.start) + this.middle + this.base.slice(this.end));
    return this.joined;
  }

  /** This text with [start, end) replaced by `inserted`. */
  edited(start: number, end: number, inserted: string): EditedText {
    if (this.joined === null) {
      // The new middle covers the old one and the edit, in this text's offsets.
      const from = Math.min(this.start, start);
      const to = Math.max(this.middleEnd, end);
      if (to - from + inserted.length <= MIDDLE_LIMIT) {
        const middle = this.slice(from, start) + inserted + this.slice(end, to);
        return new EditedText(this.base, from, to - this.middleEnd + this.end, flat(middle));
      }
    }
    return new EditedText(this.toString(), start, end, inserted);
  }

  /** `text` with [start, end) replaced by `inserted`. */
  static edit(text: DraftText, start: number, end: number, inserted: string): EditedText {
    if (text instanceof EditedText) return text.edited(start, end, inserted);
    const [from, to] = bounds(text.length, start, end);
    return new EditedText(flat(text.toString()), from, Math.max(from, to), inserted);
  }
}

/** The offsets String.prototype.slice reads `from` and `to` as, for a text of `length`. */
function bounds(length: number, from: number, to: number): [number, number] {
  const clamp = (value: number): number => {
    const whole = Math.trunc(value) || 0;
    return whole < 0 ? Math.max(0, length + whole) : Math.min(whole, length);
  };
  return [clamp(from), clamp(to)];
}

/**
 * The same string, stored flat. A text built by concatenation is a tree of pieces in V8, and
 * reading it character by character walks the tree. Converting a string to a number flattens
 * it first (what the `flatstr` package does).
 */
export function flat(text: string): string {
  // eslint-disable-next-line @typescript-eslint/no-unused-expressions
  Number(text);
  return text;
}

/**
 * A copy of a string that shares no storage with the string it was sliced from: V8 may keep a
 * slice as a view of its parent, and a cache of slices would keep every parent (a chunk, a
 * whole version of the draft) alive.
 */
export function detachedCopy(text: string): string {
  return ` ${text}`.slice(1);
}
