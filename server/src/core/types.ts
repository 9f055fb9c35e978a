/**
 * Domain values of the analysis core. Nothing here knows about LSP or VS Code:
 * the language server and the CLI convert these at their edges.
 */

/** A zero-based line and a UTF-16 code-unit column, as LSP counts them. */
export interface Position {
  line: number;
  character: number;
}

export interface Range {
  start: Position;
  end: Position;
}

export type Severity = 'error' | 'warning' | 'information' | 'hint';
export const SEVERITIES: readonly Severity[] = ['error', 'warning', 'information', 'hint'];

/** A rule's configured level: a severity, or off. */
export type RuleLevel = Severity | 'off';
export const RULE_LEVELS: readonly RuleLevel[] = ['off', 'hint', 'information', 'warning', 'error'];

/**
 * `external`: an instrument the corpus does not hold (the CTBT, a General Assembly resolution),
 * or an article of one; its id is a slug (see tests/recognition/CONVENTIONS.md).
 */
export type ReferenceKind = 'instrument' | 'provision' | 'official' | 'external';

/** How a reference's target was established. */
export type ResolvedBy = 'explicit' | 'context' | 'ambiguous' | 'unknown';

export interface Reference {
  kind: ReferenceKind;
  /** Canonical id: `unscr-1718`, `unscr-1718/op-8d`, `kim-jong-un`; for an external reference a slug (`ctbt`, `icescr/art-1`). */
  id: string;
  /** The instrument a provision belongs to (the id itself for instruments; the slug for external references). */
  instrumentId: string | null;
  /** For an external reference: the instrument's name as written (where it was last named, for an article or "the treaty"); otherwise null. */
  name: string | null;
  /** The matched text, exactly as written in the document. */
  text: string;
  /** UTF-16 offsets into the document text, end exclusive. */
  start: number;
  end: number;
  range: Range;
  resolvedBy: ResolvedBy;
  /** For an ambiguous reference: the full ids it could mean, sorted; otherwise null. */
  candidates: string[] | null;
  /**
   * For an ambiguous bare article: the instrument named before it, which has no such article
   * ("Article 51" after the 2024 treaty, which has 23); otherwise null.
   */
  contextInstrumentId: string | null;
  /** A year written beside the reference, e.g. the 2009 of "resolution 1718 (2009)". */
  writtenYear: number | null;
  /** Offsets of that year in the text, for fixes. */
  writtenYearSpan: { start: number; end: number } | null;
  /** For officials: the title written beside the name ("President"), and where. */
  writtenTitle: string | null;
  writtenTitleSpan: { start: number; end: number } | null;
  /** Whether the reference sits inside a citation (a footnote definition). */
  inCitation: boolean;
}

/** A text edit the writer may apply; fixes travel as data. */
export interface TextEdit {
  start: number;
  end: number;
  newText: string;
}

/** An edit of another file than the document (a Pandoc bibliography), with positions in that file's text. */
export interface FileEdit {
  file: string;
  start: Position;
  end: Position;
  newText: string;
}

export interface Fix {
  title: string;
  edits: TextEdit[];
  /** Edits of other files, applied with the document's edits (e.g. an entry added to the bibliography). */
  fileEdits?: FileEdit[];
  /** Where the cursor goes once the edits are applied: an offset in the edited text. */
  cursor?: number;
}

export interface Finding {
  code: string;
  severity: Severity;
  message: string;
  start: number;
  end: number;
  range: Range;
  /** Worked out when first read (see RawFinding). */
  readonly fixes: Fix[];
}

export interface AnalysisResult {
  references: Reference[];
  diagnostics: Finding[];
}
