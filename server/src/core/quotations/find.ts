/**
 * Quotations in a paragraph of prose: text between double quotation marks, straight ("…")
 * or typographic (“…”, « », „…“ or „…”). Single quotes are not read: an apostrophe
 * ("one's", "States'") cannot be told from a closing single quote.
 */

export interface QuotationSpan {
  /** Offsets of the whole quotation, marks included. */
  start: number;
  end: number;
  /** Offsets of the quoted text, marks excluded. */
  innerStart: number;
  innerEnd: number;
}

/** The closing marks each opening mark accepts. */
const CLOSERS: Readonly<Record<string, string>> = {
  '"': '"',
  '\u201c': '\u201d',
  '\u00ab': '\u00bb',
  '\u201e': '\u201c\u201d',
};

/** A quotation longer than this is not read as one (an unclosed mark would otherwise swallow a paragraph). */
export const MAX_QUOTATION_LENGTH = 3000;

/**
 * The quotations in `text` (offsets relative to it), in order. An opening mark waits for its
 * own closing mark; a quotation that does not close within MAX_QUOTATION_LENGTH characters,
 * or before the text ends, is dropped and reading resumes after its opening mark. Nested
 * double quotes are not paired (writers nest single quotes). Linear: where each closing mark
 * next occurs is worked out once, from the end.
 */
export function findQuotations(text: string, offset = 0): QuotationSpan[] {
  const found: QuotationSpan[] = [];
  let next: Map<string, Int32Array> | null = null;
  let position = 0;
  while (position < text.length) {
    const closers = CLOSERS[text[position] as string];
    if (!closers) {
      position++;
      continue;
    }
    next ??= nextOccurrences(text);
    let close = -1;
    for (const closer of closers) {
      const at = (next.get(closer) as Int32Array)[position + 1] as number;
      if (at >= 0 && (close < 0 || at < close)) close = at;
    }
    if (close < 0 || close === position + 1 || close - position - 1 > MAX_QUOTATION_LENGTH) {
      position++;
      continue;
    }
    found.push({ start: offset + position, end: offset + close + 1, innerStart: offset + position + 1, innerEnd: offset + close });
    position = close + 1;
  }
  return found;
}

/** For each closing mark and each index, where the mark next occurs at or after the index (-1: never). */
function nextOccurrences(text: string): Map<string, Int32Array> {
  const marks = ['"', '\u201c', '\u201d', '\u00bb'];
  const next = new Map(marks.map((mark) => [mark, new Int32Array(text.length + 1).fill(-1)]));
  for (const mark of marks) {
    const table = next.get(mark) as Int32Array;
    for (let index = text.length - 1; index >= 0; index--) table[index] = text[index] === mark ? index : (table[index + 1] as number);
  }
  return next;
}
