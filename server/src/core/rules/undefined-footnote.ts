import { endsWithLineBreak, lineBreakOf } from '../document';
import type { RawFinding, RuleDefinition } from './types';

/** `[^x]` in the text with no `[^x]: …` anywhere in the document. */
export const undefinedFootnote: RuleDefinition = {
  code: 'undefined-footnote',
  defaultSeverity: 'error',
  scope: 'document',
  summary: 'A footnote reference ("[^3]") with no definition ("[^3]: …") in the document.',
  check({ scan, document }) {
    const { defined } = scan.footnoteLabels;
    const findings: RawFinding[] = [];
    for (const { start: base, data } of scan.footnoteChunks) {
      for (const reference of data.footnoteReferences) {
        if (defined.has(reference.label)) continue;
        const stub = `[^${reference.label}]: `;
        findings.push({
          start: reference.start + base,
          end: reference.end + base,
          message: `Footnote [^${reference.label}] has no definition: add "${stub}…" with its citation, or correct the label.`,
          fixes: () => [{ title: `Add a definition of [^${reference.label}] at the end of the document`, edits: [appendAtEnd(document.text, stub)] }],
        });
      }
    }
    return findings;
  },
};

/**
 * An edit appending a paragraph of its own at the end of the text: after a blank line, with
 * the text's line break style, keeping whether the text ends with a line break.
 */
export function appendAtEnd(text: string, paragraph: string): { start: number; end: number; newText: string } {
  const eol = lineBreakOf(text);
  // Only the end of the text is read: an anchored-at-end expression would scan all of it.
  const tail = text.slice(Math.max(0, lastNonBlank(text)));
  const endsWithBreak = endsWithLineBreak(text);
  let prefix = '';
  if (text.length > 0 && !/(?:\r\n|\n|\r(?!\n))[ \t]*(?:\r\n|\n|\r)$/.test(tail)) prefix = endsWithBreak ? eol : eol + eol;
  return { start: text.length, end: text.length, newText: `${prefix}${paragraph}${endsWithBreak ? eol : ''}` };
}

/** The offset of the last character that is not a space, tab or line break (-1 when none). */
function lastNonBlank(text: string): number {
  let at = text.length - 1;
  while (at >= 0) {
    const code = text.charCodeAt(at);
    if (code !== 32 && code !== 9 && code !== 10 && code !== 13) break;
    at--;
  }
  return at;
}
