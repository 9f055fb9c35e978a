/**
 * Comparing a quotation with a source text. Two comparisons:
 *
 * - `contains`: does the text hold the quotation, after normalising case, whitespace,
 *   punctuation, typographic quotes, dashes, hyphenation and accents? Both are reduced to
 *   their letters and digits, so "co-operation" matches "cooperation" and "one’s" matches
 *   "one's". An ellipsis or a bracketed insertion splits the quotation into parts that must
 *   appear in order.
 * - `closestPassage`: where the text comes closest to a quotation it does not hold, word by
 *   word (an alignment that may start and end anywhere in the text: Sellers' algorithm), and
 *   at what cost in words added, dropped or changed.
 *
 * Neither is in a library: fuzzy-matching packages compare whole strings or short patterns
 * (bitap is limited to 32 characters), not a quotation against the best stretch of a longer text.
 */

/** Letters and digits only, lower case, without accents. */
export function lettersOf(text: string): string {
  return text
    .normalize('NFKD')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '');
}

export interface Word {
  /** Normalised (lower case, no accents, no apostrophes). */
  word: string;
  /** Offsets in the text it was read from. */
  start: number;
  end: number;
}

/** The words of a text: runs of letters and digits (an apostrophe inside a word is dropped: "one's" → "ones"). */
export function wordsOf(text: string): Word[] {
  const words: Word[] = [];
  for (const match of text.matchAll(/[\p{L}\p{N}\p{M}]+(?:['\u2019][\p{L}\p{N}\p{M}]+)*/gu)) {
    words.push({ word: lettersOf(match[0]), start: match.index, end: match.index + match[0].length });
  }
  return words;
}

/** An ellipsis ("...", "…", ". . .", "[...]", "[…]") or a bracketed insertion ("[t]he", "[the DPRK]"). */
const GAP = /\[[^\]\n]{0,80}\]|\.\s?\.\s?\.|\u2026/gu;

export interface QuotationPart {
  /** Offsets in the quoted text. */
  start: number;
  end: number;
  letters: string;
}

/** The parts of a quoted text between ellipses and bracketed insertions (parts without a letter are dropped). */
export function quotationParts(quoted: string): QuotationPart[] {
  const parts: QuotationPart[] = [];
  let from = 0;
  const push = (start: number, end: number): void => {
    const letters = lettersOf(quoted.slice(start, end));
    if (letters.length > 0) parts.push({ start, end, letters });
  };
  for (const gap of quoted.matchAll(GAP)) {
    push(from, gap.index);
    from = gap.index + gap[0].length;
  }
  push(from, quoted.length);
  return parts;
}

/** How a text may have been cut: an extract may start mid-sentence, a cut-off copy ends early. */
export interface Cut {
  atStart: boolean;
  atEnd: boolean;
}

/** How much of a part must overlap a cut text's edge for the quotation to count as held there. */
const MIN_OVERLAP = 12;

/**
 * Whether `text` (already reduced by lettersOf) holds the parts in order. Where the text was
 * cut, a quotation that runs over the cut is held when what the text has of it matches: the
 * rest cannot be checked against this copy.
 */
export function contains(text: string, parts: readonly QuotationPart[], cut: Cut = { atStart: false, atEnd: false }): boolean {
  let position = 0;
  for (let index = 0; index < parts.length; index++) {
    const part = (parts[index] as QuotationPart).letters;
    const at = text.indexOf(part, position);
    if (at >= 0) {
      position = at + part.length;
      continue;
    }
    // The first part may begin before an extract does; a part may run past the end of a cut-off copy.
    if (index === 0 && cut.atStart && startsInside(text, part)) {
      position = overlapAtStart(text, part);
      continue;
    }
    return cut.atEnd && endsPast(text, part, position);
  }
  return true;
}

/** A suffix of `part` (long enough) that the text starts with. */
function startsInside(text: string, part: string): boolean {
  return overlapAtStart(text, part) > 0;
}

/** The length of the longest suffix of `part` (at least MIN_OVERLAP letters, or all of it) that `text` starts with; 0 if none. */
function overlapAtStart(text: string, part: string): number {
  const longest = Math.min(part.length - 1, text.length);
  for (let length = longest; length >= Math.min(MIN_OVERLAP, part.length); length--) {
    if (text.startsWith(part.slice(part.length - length))) return length;
  }
  return 0;
}

/** Whether a prefix of `part` (at least MIN_OVERLAP letters) is how `text` ends, at or after `from`. */
function endsPast(text: string, part: string, from: number): boolean {
  const first = part[0] as string;
  for (let at = Math.max(from, text.length - part.length + 1); at <= text.length - Math.min(MIN_OVERLAP, part.length); at++) {
    if (text[at] === first && part.startsWith(text.slice(at))) return true;
  }
  return false;
}

export interface Passage {
  /** Offsets of the passage in the text it was found in. */
  start: number;
  end: number;
  /** Words added, dropped or changed to turn the quotation into the passage. */
  cost: number;
}

/** Longer quotations are compared by their first words only: it keeps the search bounded. */
export const MAX_ALIGNED_WORDS = 120;

/**
 * The stretch of `text` closest to the quotation, word by word: the alignment of all of the
 * quotation's words with any stretch of the text that changes, adds or drops the fewest
 * words. Time and memory are the product of the two lengths, both bounded (MAX_ALIGNED_WORDS
 * and a provision's length).
 */
export function closestPassage(quoted: readonly Word[], text: readonly Word[]): Passage | null {
  const q = quoted.slice(0, MAX_ALIGNED_WORDS);
  const m = q.length;
  const n = text.length;
  if (m === 0 || n === 0) return null;
  const width = n + 1;
  // cost[i][j]: aligning the first i quoted words with a stretch of the text ending at word j; from[i][j]: the move taken.
  const cost = new Int32Array((m + 1) * width);
  const from = new Uint8Array((m + 1) * width);
  for (let i = 1; i <= m; i++) {
    cost[i * width] = i;
    from[i * width] = UP;
    const word = (q[i - 1] as Word).word;
    for (let j = 1; j <= n; j++) {
      const diagonal = (cost[(i - 1) * width + j - 1] as number) + (word === (text[j - 1] as Word).word ? 0 : 1);
      const up = (cost[(i - 1) * width + j] as number) + 1;
      const left = (cost[i * width + j - 1] as number) + 1;
      let best = diagonal;
      let move = DIAGONAL;
      if (up < best) {
        best = up;
        move = UP;
      }
      if (left < best) {
        best = left;
        move = LEFT;
      }
      cost[i * width + j] = best;
      from[i * width + j] = move;
    }
  }
  let end = 1;
  for (let j = 2; j <= n; j++) if ((cost[m * width + j] as number) < (cost[m * width + end] as number)) end = j;
  // Walk back to where the alignment enters the text.
  let i = m;
  let j = end;
  let first = end;
  while (i > 0) {
    const move = from[i * width + j];
    if (move === DIAGONAL) {
      first = j;
      i--;
      j--;
    } else if (move === UP) i--;
    else j--;
  }
  // Words of the text skipped at the passage's edges are not part of it.
  const startWord = Math.min(first, end);
  return { start: (text[startWord - 1] as Word).start, end: (text[end - 1] as Word).end, cost: cost[m * width + end] as number };
}

const DIAGONAL = 0;
const UP = 1;
const LEFT = 2;

export interface SharedWords {
  /** Offsets of the stretch of the text from the first to the last shared word. */
  start: number;
  end: number;
  /** How many distinct words of `wanted` the stretch holds. */
  shared: number;
}

/**
 * The stretch of `text`, at most `width` words long, that holds the most distinct words of
 * `wanted`, in any order: a paraphrase put between quotation marks keeps the words of the
 * passage but not their order, which a word-by-word alignment does not see. One pass with a
 * sliding window and a count per word.
 */
export function mostSharedWords(wanted: ReadonlySet<string>, text: readonly Word[], width: number): SharedWords | null {
  const counts = new Map<string, number>();
  let shared = 0;
  let best: SharedWords | null = null;
  for (let end = 0; end < text.length; end++) {
    const entering = (text[end] as Word).word;
    if (wanted.has(entering)) {
      const count = counts.get(entering) ?? 0;
      if (count === 0) shared++;
      counts.set(entering, count + 1);
    }
    const start = end - width + 1;
    if (start > 0) {
      const leaving = (text[start - 1] as Word).word;
      if (wanted.has(leaving)) {
        const count = (counts.get(leaving) ?? 1) - 1;
        if (count === 0) shared--;
        counts.set(leaving, count);
      }
    }
    if (shared > 0 && (!best || shared > best.shared)) {
      // The stretch from the first to the last wanted word in the window.
      let first = Math.max(0, start);
      while (!wanted.has((text[first] as Word).word)) first++;
      let last = end;
      while (!wanted.has((text[last] as Word).word)) last--;
      best = { start: (text[first] as Word).start, end: (text[last] as Word).end, shared };
    }
  }
  return best;
}
