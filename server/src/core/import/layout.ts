/**
 * Layout clean-up for text copied from an official PDF: removes what is not part of the
 * text (page numbers, job numbers, document-symbol running heads, repeated page headers and
 * footers, form feeds) and reports every removal; joins the lines of a paragraph.
 *
 * Nothing here changes a character of the text itself: lines are only removed whole (and
 * only when they are layout), and joining only replaces line breaks and runs of whitespace.
 */

/** Where a content line sits relative to the previous content line. */
export type Gap = 'none' | 'blank' | 'page';

export interface ContentLine {
  /** The line, trimmed (inner whitespace as in the input). */
  text: string;
  /** 1-based line number in the input. */
  line: number;
  /**
   * 'none': directly under the previous content line; 'blank': one or more blank lines
   * between; 'page': a page break (form feed or removed header/footer/page number) between.
   */
  gap: Gap;
}

export interface CleanedText {
  lines: ContentLine[];
  warnings: string[];
  /** Document symbols removed as running heads, most frequent first (e.g. "S/RES/1718 (2006)"). */
  removedSymbols: string[];
}

type Token =
  | { kind: 'text'; text: string; key: string; line: number; artefact: ArtefactKind | null }
  | { kind: 'blank' }
  | { kind: 'formfeed'; line: number };

type ArtefactKind = 'page-number' | 'job-number' | 'symbol' | 'numbered' | 'running';

const PAGE_NUMBER = /^(?:[-–—]\s*\d{1,4}\s*[-–—]|\d{1,4}|page\s+\d{1,4}(?:\s+of\s+\d{1,4})?|\d{1,4}\s*\/\s*\d{1,4})$/i;
/** UN job numbers, alone or with the page number, and their barcode line: "06-57290 (E)", "06-57290 (E) 161006", "2 06-57290", "06-57290 2/3", "*0657290*". */
const JOB_NUMBER = /^(?:(?:\d{1,4}(?:\/\d{1,4})?\s+)?\d{2}-\d{5}(?:\s*\([A-Z]\))?(?:\s+(?:\d{1,6}|\d{1,4}\/\d{1,4}))?|\*\d{7}\*)$/;
/** A line that is only a UN document symbol: "S/RES/1718 (2006)", "A/RES/56/83". */
const DOCUMENT_SYMBOL = /^(?=[^\n]*\d)[SAE]\/(?:RES\/)?[0-9A-Z][0-9A-Z./-]*(?:\s?\(\d{4}\))?$/;
/** Lines that are structure, never running heads even when repeated. */
const STRUCTURAL = /^(?:article|part|chapter|section|annex)\b|^(?:\d{1,3}\.|\(?[a-z]{1,4}\))(?:\s|$)/i;

const LIST_LIMIT = 8;

export function normaliseNewlines(text: string): string {
  return (text.charCodeAt(0) === 0xfeff ? text.slice(1) : text).replace(/\r\n?/g, '\n');
}

export function collapse(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/**
 * Splits the text into content lines with their gaps, removing layout artefacts.
 * `knownSymbol` is the document symbol the user gave, if any.
 */
export function cleanLayout(input: string, knownSymbol: string | null): CleanedText {
  const text = normaliseNewlines(input);
  const tokens: Token[] = [];
  let formFeeds = 0;
  text.split('\n').forEach((physical, index) => {
    const line = index + 1;
    const segments = physical.split('\f');
    segments.forEach((segment, segmentIndex) => {
      if (segmentIndex > 0) {
        tokens.push({ kind: 'formfeed', line });
        formFeeds++;
      }
      const trimmed = segment.trim();
      // A form feed that starts or ends a line does not make an extra blank line.
      if (trimmed === '') {
        if (segments.length === 1) tokens.push({ kind: 'blank' });
        return;
      }
      tokens.push({ kind: 'text', text: trimmed, key: collapse(trimmed), line, artefact: null });
    });
  });

  const texts = tokens.filter((token): token is Extract<Token, { kind: 'text' }> => token.kind === 'text');

  // 1. Page numbers and job numbers alone on a line.
  for (const token of texts) {
    if (PAGE_NUMBER.test(token.key)) token.artefact = 'page-number';
    else if (JOB_NUMBER.test(token.key)) token.artefact = 'job-number';
  }

  // 2. Document-symbol lines: the document's own symbol (repeated, given by the user, or on the first page).
  const symbolGroups = groupBy(texts.filter((token) => token.artefact === null && DOCUMENT_SYMBOL.test(token.key)), (token) => token.key.replace(/\s+/g, ''));
  const firstPageEnd = firstPageLimit(tokens);
  const removedSymbols: Array<{ symbol: string; count: number }> = [];
  for (const group of symbolGroups.values()) {
    const first = group[0];
    if (!first) continue;
    const isKnown = knownSymbol !== null && knownSymbol.replace(/\s+/g, '') === first.key.replace(/\s+/g, '');
    if (group.length >= 2 || isKnown || first.line <= firstPageEnd) {
      for (const token of group) token.artefact = 'symbol';
      removedSymbols.push({ symbol: first.key, count: group.length });
    }
  }

  // 3. Headers and footers that carry the page number ("Kite Convention Page 2 of 3"): the same
  //    words on at least two lines, with explicit page numbers that increase.
  const numbered = groupBy(
    texts.filter((token) => token.artefact === null && token.key.length <= 160 && pageNumbered(token.key) !== null),
    (token) => pageNumbered(token.key)?.words ?? '',
  );
  for (const [words, group] of numbered) {
    const pages = group.map((token) => pageNumbered(token.key)?.page ?? 0);
    if (words !== '' && group.length >= 2 && pages.every((page, index) => index === 0 || page > (pages[index - 1] ?? 0))) {
      for (const token of group) token.artefact = 'numbered';
    }
  }

  // 4. Running heads and footers: the same short line at the edge of at least two pages.
  //    An edge is next to the start or end of the file, a form feed or another removed line.
  const candidates = groupBy(
    texts.filter((token) => token.artefact === null && token.key.length <= 120 && !STRUCTURAL.test(token.key)),
    (token) => token.key,
  );
  for (let changed = true; changed; ) {
    changed = false;
    for (const group of candidates.values()) {
      if (group.length < 2) continue;
      const atEdge = group.filter((token) => token.artefact === null && isAtEdge(tokens, tokens.indexOf(token)));
      const alreadyRemoved = group.filter((token) => token.artefact === 'running').length;
      if (atEdge.length > 0 && atEdge.length + alreadyRemoved >= 2) {
        for (const token of atEdge) token.artefact = 'running';
        changed = true;
      }
    }
  }

  // Content lines with their gaps.
  const lines: ContentLine[] = [];
  let gap: Gap = 'blank';
  for (const token of tokens) {
    if (token.kind === 'formfeed' || (token.kind === 'text' && token.artefact !== null)) gap = 'page';
    else if (token.kind === 'blank') {
      if (gap === 'none') gap = 'blank';
    } else {
      lines.push({ text: token.text, line: token.line, gap });
      gap = 'none';
    }
  }

  const warnings: string[] = [];
  const report = (kind: ArtefactKind, what: string): void => {
    const removed = texts.filter((token) => token.artefact === kind);
    if (removed.length === 0) return;
    const values = [...new Set(removed.map((token) => `"${token.key}"`))];
    warnings.push(
      `Removed ${removed.length} ${what}${removed.length === 1 ? '' : 's'} (${listed(values)}; ${removed.length === 1 ? 'line' : 'lines'} ${listed(removed.map((token) => String(token.line)))}).`,
    );
  };
  if (formFeeds > 0) warnings.push(`Removed ${formFeeds} form feed${formFeeds === 1 ? '' : 's'} (page break${formFeeds === 1 ? '' : 's'}).`);
  report('page-number', 'page-number line');
  report('job-number', 'job-number line');
  report('symbol', 'document-symbol running head');
  for (const [words, group] of numbered) {
    const removed = group.filter((token) => token.artefact === 'numbered');
    if (removed.length === 0) continue;
    warnings.push(
      `Removed ${removed.length} page header/footer lines "${words} <page number>" (${listed(removed.map((token) => `"${token.key}"`))}; lines ${listed(removed.map((token) => String(token.line)))}).`,
    );
  }
  for (const group of candidates.values()) {
    const removed = group.filter((token) => token.artefact === 'running');
    if (removed.length === 0) continue;
    warnings.push(
      `Removed ${removed.length} repeated page header/footer line${removed.length === 1 ? '' : 's'} "${removed[0]?.key}" (lines ${listed(removed.map((token) => String(token.line)))}).`,
    );
  }

  removedSymbols.sort((a, b) => b.count - a.count);
  return { lines, warnings, removedSymbols: removedSymbols.map((entry) => entry.symbol) };
}

/** A line with words and an explicit page number at its start or end: "Kite Convention Page 2 of 3", "2/3 Treaty". */
function pageNumbered(key: string): { words: string; page: number } | null {
  const PAGE = String.raw`(?:page\s+(\d{1,4})(?:\s+of\s+\d{1,4})?|(\d{1,4})\s*\/\s*\d{1,4}|[-–—]\s*(\d{1,4})\s*[-–—])`;
  const match = new RegExp(`^(\\S.*?)\\s+${PAGE}$`, 'i').exec(key) ?? new RegExp(`^${PAGE}\\s+(\\S.*)$`, 'i').exec(key);
  if (!match) return null;
  const groups = match.slice(1).filter((value): value is string => value !== undefined);
  const page = groups.find((value) => /^\d+$/.test(value));
  const words = groups.find((value) => !/^\d+$/.test(value));
  if (page === undefined || words === undefined || !/\p{L}/u.test(words)) return null;
  return { words, page: Number(page) };
}

/** Index of the last input line of the first page: the first form feed, or the first page-number/job-number line. */
function firstPageLimit(tokens: readonly Token[]): number {
  for (const token of tokens) {
    if (token.kind === 'formfeed') return token.line;
    if (token.kind === 'text' && (token.artefact === 'page-number' || token.artefact === 'job-number')) return token.line;
  }
  return 15;
}

function isAtEdge(tokens: readonly Token[], index: number): boolean {
  const edgeFrom = (step: -1 | 1): boolean => {
    for (let i = index + step; ; i += step) {
      const token = tokens[i];
      if (token === undefined || token.kind === 'formfeed') return true;
      if (token.kind === 'blank') continue;
      return token.artefact !== null;
    }
  };
  return edgeFrom(-1) || edgeFrom(1);
}

function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const group = groups.get(k);
    if (group) group.push(item);
    else groups.set(k, [item]);
  }
  return groups;
}

export function listed(values: readonly string[]): string {
  if (values.length <= LIST_LIMIT) return values.join(', ');
  return `${values.slice(0, LIST_LIMIT).join(', ')} and ${values.length - LIST_LIMIT} more`;
}

// ---------------------------------------------------------------------------------------
// Joining lines into paragraphs.

/** A marker that opens a numbered or lettered item: "1.", "(a)", "a)", "(iv)", "(1)". */
export const ITEM_MARKER = /^(?:\d{1,3}\.|\(\d{1,3}\)|\(?[a-z]\)|\([ivxlc]{1,6}\))(?:\s|$)/;
/** Words that open a preambular paragraph ("Recalling", "Deeply concerned", "Mindful"). */
export const PREAMBULAR_START =
  /^(?!United\b|Beijing\b|Adopted\b)(?:(?:[A-Z][a-z]+ly|Further|Also|Having|Taking|Bearing)\s+[a-z]+(?:ing|ed)?\b|[A-Z][a-z]+(?:ing|ed)\b|Mindful\b|Aware\b|Conscious\b|Convinced\b|Determined\b)/;

/** The line ends a clause: a full stop, semicolon, colon, comma (optionally closed by a quote or bracket), or "and"/"or". */
export function endsClause(text: string): boolean {
  return /[.;:,!?]["”’)\]]*$/.test(text) || /\b(?:and|or)$/.test(text);
}

/** The line ends a sentence or a heading-like clause (no comma). */
export function endsSentence(text: string): boolean {
  return /[.;:!?]["”’)\]]*$/.test(text);
}

/** Does `current` start a new paragraph after `previous` (both in the same provision)? */
export function startsParagraph(previous: ContentLine, current: ContentLine): boolean {
  if (current.gap === 'blank') return true;
  if (!endsClause(previous.text)) return false;
  if (ITEM_MARKER.test(current.text)) return true;
  if (/,["”’)\]]*$/.test(previous.text) && PREAMBULAR_START.test(current.text)) return true;
  if (current.gap === 'page') return /^[\p{Lu}\d"“‘(]/u.test(current.text) && !/,["”’)\]]*$/.test(previous.text);
  return false;
}

export interface HyphenJoin {
  word: string;
  line: number;
}

/**
 * Joins content lines into a body: lines of a paragraph with one space, paragraphs with
 * "\n", whitespace runs collapsed. A line ending in a hyphen right after a letter is joined
 * to the next without a space, the hyphen kept ("interna-\ntional" → "interna-tional");
 * each such join is returned so it can be reported.
 */
export function joinLines(lines: readonly ContentLine[], hyphenJoins: HyphenJoin[]): string {
  const paragraphs: string[] = [];
  let current = '';
  let previous: ContentLine | undefined;
  for (const line of lines) {
    const text = collapse(line.text);
    if (text === '') continue;
    if (previous === undefined || current === '') {
      current = text;
    } else if (startsParagraph(previous, line)) {
      paragraphs.push(current);
      current = text;
    } else if (/\p{L}[-\u2010]$/u.test(current)) {
      const before = /\S+$/.exec(current)?.[0] ?? '';
      const after = /^\S+/.exec(text)?.[0] ?? '';
      hyphenJoins.push({ word: `${before}${after}`.replace(/^["“‘(]+|[.,;:!?"”’)]+$/g, ''), line: previous.line });
      current = `${current}${text}`;
    } else {
      current = `${current} ${text}`;
    }
    previous = line;
  }
  if (current !== '') paragraphs.push(current);
  return paragraphs.join('\n');
}
