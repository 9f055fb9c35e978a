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

/** The closing marks each opening mark accepts, by character code. */
const CLOSERS: Readonly<Record<number, readonly number[]>> = {
  0x22: [0x22], // "
  0x201c: [0x201d], // “ ”
  0xab: [0xbb], // « »
  0x201e: [0x201c, 0x201d], // „ “ or „ ”
};

/** The opening marks (CLOSERS' keys) as one class: the reading jumps from one to the next. */
const OPENING = new RegExp(`[${Object.keys(CLOSERS).map((code) => String.fromCharCode(Number(code))).join('')}]`, 'g');

/** A quotation longer than this is not read as one (an unclosed mark would otherwise swallow a paragraph). */
export const MAX_QUOTATION_LENGTH = 3000;

/**
 * The quotations in `text` (offsets relative to it), in order. An opening mark waits for its
 * own closing mark; a quotation that does not close within MAX_QUOTATION_LENGTH characters,
 * or before the text ends, is dropped and reading resumes after its opening mark. Nested
 * double quotes are not paired (writers nest single quotes). Linear: reading only moves
 * forward, so where each closing mark next occurs is searched for once per occurrence
 * (`NextMark`), not once per opening mark.
 */
export function findQuotations(text: string, offset = 0): QuotationSpan[] {
  const found: QuotationSpan[] = [];
  const next = new NextMark(text);
  let position = 0;
  while (position < text.length) {
    OPENING.lastIndex = position;
    if (OPENING.exec(text) === null) break;
    position = OPENING.lastIndex - 1;
    const closers = CLOSERS[text.charCodeAt(position)] as readonly number[];
    let close = -1;
    for (let index = 0; index < closers.length; index++) {
      const at = next.from(closers[index] as number, position + 1);
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

/** Where each closing mark next occurs at or after an offset; the offsets asked for never decrease. */
class NextMark {
  /** By the mark's character code: its last found place (-1: no more), or undefined before the first search. */
  private readonly found = new Map<number, number>();

  constructor(private readonly text: string) {}

  from(mark: number, offset: number): number {
    const known = this.found.get(mark);
    if (known !== undefined && (known < 0 || known >= offset)) return known;
    const at = this.text.indexOf(String.fromCharCode(mark), offset);
    this.found.set(mark, at);
    return at;
  }
}
