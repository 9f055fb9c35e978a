import type MarkdownIt from 'markdown-it';
import type StateBlock from 'markdown-it/lib/rules_block/state_block.mjs';
import type Token from 'markdown-it/lib/token.mjs';

/**
 * Footnotes as markdown-it-footnote reads them: where each `[^label]` reference and each
 * `[^label]:` definition stands in the original text (UTF-16 offsets).
 *
 * markdown-it gives inline tokens no offsets and its footnote definition tokens no line, so:
 * - a block rule that never matches (`recordFootnoteDefinitions`) notes the line of every
 *   definition right before markdown-it-footnote parses it, with the same checks;
 * - references are taken from each inline token's children, in order: a `footnote_ref`
 *   child is a reference to a defined footnote, and `[^label]` inside a `text` child is a
 *   reference to an undefined one (markdown-it-footnote leaves those as text). Each is then
 *   found, in order, in the masked text of the inline token's lines, so code spans, link
 *   destinations and escaped brackets (`\[^x]`) never count.
 */

export interface FootnoteReference {
  label: string;
  /** Offsets of `[^label]`, end exclusive. */
  start: number;
  end: number;
}

export interface FootnoteDefinition {
  label: string;
  /** Offsets of the whole definition (from `[^label]:` to the end of its last line, line break excluded). */
  start: number;
  end: number;
  /** Offsets of `[^label]:`, colon included. */
  labelStart: number;
  labelEnd: number;
}

interface RecordingEnv {
  lexiciteFootnoteLines?: Array<{ line: number; label: string }>;
}

/**
 * A markdown-it plugin: a block rule placed before `footnote_def` that records the line
 * and label of each definition that rule is about to parse, and never matches itself.
 */
export function recordFootnoteDefinitions(md: MarkdownIt): void {
  md.block.ruler.before('footnote_def', 'lexicite_footnote_line', (state: StateBlock, startLine: number, _endLine: number, silent: boolean) => {
    if (silent) return false;
    const label = definitionLabelAt(state, startLine);
    if (label !== null) {
      const env = state.env as RecordingEnv;
      (env.lexiciteFootnoteLines ??= []).push({ line: startLine, label });
    }
    return false;
  });
}

/** The label of a footnote definition starting at the line, with markdown-it-footnote's own checks. */
function definitionLabelAt(state: StateBlock, line: number): string | null {
  const start = (state.bMarks[line] as number) + (state.tShift[line] as number);
  const max = state.eMarks[line] as number;
  if (start + 4 > max) return null;
  if (state.src.charCodeAt(start) !== 0x5b || state.src.charCodeAt(start + 1) !== 0x5e) return null;
  let pos = start + 2;
  for (; pos < max; pos++) {
    const code = state.src.charCodeAt(pos);
    if (code === 0x20) return null;
    if (code === 0x5d) break;
  }
  if (pos === start + 2) return null;
  if (pos + 1 >= max || state.src.charCodeAt(pos + 1) !== 0x3a) return null;
  return state.src.slice(start + 2, pos);
}

/**
 * A character of a footnote mark's label `[^label]`: not a space or line break (markdown-it-footnote
 * would not read those as a reference), and no "[", so that a line of "[^[^[^…" is not read to
 * its end from every opener. The sourcing rules read marks with the same class.
 */
export const FOOTNOTE_LABEL_CHAR = String.raw`[^\]\s[]`;
/** A footnote mark `[^label]`, the label in group 1. */
export const FOOTNOTE_MARK = new RegExp(String.raw`\[\^(${FOOTNOTE_LABEL_CHAR}+)\]`, 'gu');

export function collectFootnotes(
  tokens: readonly Token[],
  env: object,
  text: string,
  masked: string,
  lineOffset: (line: number) => number,
): { references: FootnoteReference[]; definitions: FootnoteDefinition[] } {
  // Both a definition and a mark start with "[^": most chunks have neither.
  if (!text.includes('[^')) return { references: [], definitions: [] };
  const lineEndWithoutBreak = (line: number): number => {
    const start = lineOffset(line);
    const end = lineOffset(line + 1);
    return end - (/\r?\n$|\r$/.exec(text.slice(start, end))?.[0].length ?? 0);
  };

  // Definitions: the recorded lines, paired in order with the footnote_reference_open tokens.
  const recorded = [...((env as RecordingEnv).lexiciteFootnoteLines ?? [])];
  const definitions: FootnoteDefinition[] = [];
  const stack: Array<{ definition: FootnoteDefinition | null; lastLine: number }> = [];
  for (const token of tokens) {
    if (token.type === 'footnote_reference_open') {
      const label = String((token.meta as { label?: unknown } | null)?.label ?? '');
      const entry = recorded.length > 0 && recorded[0]?.label === label ? recorded.shift() : undefined;
      let definition: FootnoteDefinition | null = null;
      if (entry) {
        const lineStart = lineOffset(entry.line);
        const labelStart = text.indexOf(`[^${label}]:`, lineStart);
        if (labelStart >= 0 && labelStart < lineEndWithoutBreak(entry.line) + 1) {
          const labelEnd = labelStart + label.length + 4;
          definition = { label, start: labelStart, end: lineEndWithoutBreak(entry.line), labelStart, labelEnd };
          definitions.push(definition);
        }
      }
      stack.push({ definition, lastLine: entry?.line ?? -1 });
    } else if (token.type === 'footnote_reference_close') {
      const open = stack.pop();
      if (open?.definition && open.lastLine >= 0) open.definition.end = Math.max(open.definition.end, lineEndWithoutBreak(open.lastLine));
    } else if (token.map && stack.length > 0) {
      for (const open of stack) open.lastLine = Math.max(open.lastLine, token.map[1] - 1);
    }
  }
  const labelOffsets = new Set(definitions.map((definition) => definition.labelStart));

  // References: each inline token's children, found in order in the masked text of its lines.
  const references: FootnoteReference[] = [];
  let cursor = 0;
  let rowMap: [number, number] | null = null;
  for (const token of tokens) {
    if (token.type === 'tr_open' && token.map) rowMap = token.map as [number, number];
    if (token.type !== 'inline') continue;
    const map = (token.map as [number, number] | null) ?? rowMap;
    if (!map) continue;
    const expected: string[] = [];
    for (const child of token.children ?? []) {
      if (child.type === 'footnote_ref') {
        const label = (child.meta as { label?: unknown } | null)?.label;
        if (typeof label === 'string') expected.push(label);
      } else if (child.type === 'text' && child.content.includes('[^')) {
        for (const match of child.content.matchAll(FOOTNOTE_MARK)) expected.push(match[1] as string);
      }
    }
    if (expected.length === 0) continue;
    const from = Math.max(cursor, lineOffset(map[0]));
    const to = lineOffset(map[1]);
    const found: FootnoteReference[] = [];
    for (const match of masked.slice(from, to).matchAll(FOOTNOTE_MARK)) {
      const start = from + match.index;
      if (labelOffsets.has(start) || escaped(masked, start)) continue;
      found.push({ label: match[1] as string, start, end: start + match[0].length });
    }
    // The written references are, in order, a subsequence of the expected ones (an expected
    // reference with no written counterpart was escaped): pair them in order.
    // A written one that markdown-it did not read as a reference (the text of a link, `[^x](url)`)
    // is skipped.
    let at = 0;
    for (const reference of found) {
      const index = expected.indexOf(reference.label, at);
      if (index < 0) continue;
      references.push(reference);
      cursor = reference.end;
      at = index + 1;
    }
  }
  return { references, definitions };
}

/** Whether the character at `offset` is escaped by an odd number of backslashes. */
function escaped(text: string, offset: number): boolean {
  let count = 0;
  for (let i = offset - 1; i >= 0 && text.charCodeAt(i) === 0x5c; i--) count++;
  return count % 2 === 1;
}

/**
 * Each footnote definition's citation text (the rest of its first line) to its label: quick
 * fixes and completions reuse a footnote that already cites the same source.
 */
export function footnotesByCitation(text: string, definitions: readonly FootnoteDefinition[]): Map<string, string> {
  const byText = new Map<string, string>();
  for (const definition of definitions) {
    const firstLine = text.slice(definition.labelEnd, definition.end).split(/\r\n|\n|\r/)[0] ?? '';
    byText.set(firstLine.trim(), definition.label);
  }
  return byText;
}
