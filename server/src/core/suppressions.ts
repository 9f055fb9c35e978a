import type { SourceDocument } from './document';
import type { FrontMatter } from './markdown';

/**
 * Suppression comments, as writers put them in a draft:
 *
 *   <!-- lexicite-disable-next-line [codes] -->   the line after the comment
 *   <!-- lexicite-disable [codes] -->             from here on (all codes when none are named)
 *   <!-- lexicite-enable [codes] -->              back on (all, or the codes named)
 *
 * and `lexicite: false` in the front matter, which turns every diagnostic off for the file.
 * Codes are separated by spaces or commas.
 */
export interface Suppressions {
  /** Whether a diagnostic with this code starting on this (0-based) line is suppressed. */
  isSuppressed(code: string, line: number): boolean;
}

const COMMENT = /<!--[ \t]*lexicite-(disable-next-line|disable|enable)\b([^>]*?)-->/g;

interface Switch {
  line: number;
  kind: 'disable' | 'enable';
  /** null: every code. */
  codes: Set<string> | null;
}

function codesOf(list: string): Set<string> | null {
  const codes = list.split(/[\s,]+/).filter(Boolean);
  return codes.length > 0 ? new Set(codes) : null;
}

/** A draft without suppressions: what it reports is what the rules find. */
export const NO_SUPPRESSIONS: Suppressions = { isSuppressed: () => false };

/** A comment that starts in a stretch of text and does not end in it. */
const UNCLOSED = /<!--[ \t]*lexicite-(?:disable-next-line|disable|enable)\b[^>]*$/;

/**
 * The comments' matches: in `stretches` (where the text holds "lexicite-", with where each
 * starts) when the caller knows them, else in the whole text. A comment that runs past its
 * stretch's end is read in the whole text, so both give the same matches; reading stretches
 * spares an editor's version being joined (see text.ts).
 */
function commentMatches(document: SourceDocument, stretches: ReadonlyArray<{ start: number; text: string }> | undefined): Array<{ index: number; kind: string; codes: string; length: number }> {
  const matches: Array<{ index: number; kind: string; codes: string; length: number }> = [];
  const read = (text: string, base: number): void => {
    for (const match of text.matchAll(COMMENT)) matches.push({ index: match.index + base, kind: match[1] as string, codes: match[2] ?? '', length: match[0].length });
  };
  if (stretches && !stretches.some(({ text }) => UNCLOSED.test(text))) for (const { start, text } of stretches) read(text, start);
  else read(document.text, 0);
  return matches;
}

/**
 * The draft's suppressions. `stretches`: the stretches of the text that hold "lexicite-" (the
 * analysis asks each chunk once), when the caller knows them; else the whole text is searched.
 */
export function readSuppressions(document: SourceDocument, frontMatter: FrontMatter, stretches?: ReadonlyArray<{ start: number; text: string }>): Suppressions {
  if (frontMatter.span && /^lexicite:[ \t]*(?:false|off|no)[ \t]*$/m.test(document.slice(frontMatter.span.start, frontMatter.span.end))) {
    return { isSuppressed: () => true };
  }
  // Most drafts have no suppression comment: one native search says so.
  if (!(stretches ? stretches.length > 0 : document.text.includes('lexicite-'))) return NO_SUPPRESSIONS;
  const nextLine = new Map<number, Set<string> | null>();
  const switches: Switch[] = [];
  for (const match of commentMatches(document, stretches)) {
    const kind = match.kind;
    const codes = codesOf(match.codes);
    const endLine = document.positionAt(match.index + match.length).line;
    if (kind === 'disable-next-line') {
      const previous = nextLine.get(endLine + 1);
      nextLine.set(endLine + 1, previous === null || codes === null ? null : new Set([...(previous ?? []), ...codes]));
    } else {
      switches.push({ line: document.positionAt(match.index).line, kind: kind === 'disable' ? 'disable' : 'enable', codes });
    }
  }
  if (nextLine.size === 0 && switches.length === 0) return NO_SUPPRESSIONS;
  return {
    isSuppressed(code: string, line: number): boolean {
      if (nextLine.has(line)) {
        const codes = nextLine.get(line);
        if (codes === null || codes?.has(code)) return true;
      }
      // The last switch at or before the line that concerns this code decides.
      let disabled = false;
      for (const entry of switches) {
        if (entry.line > line) break;
        if (entry.codes === null || entry.codes.has(code)) disabled = entry.kind === 'disable';
      }
      return disabled;
    },
  };
}
