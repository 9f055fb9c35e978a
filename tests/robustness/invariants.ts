/**
 * What must hold of any analysis of any text, checked against an independent line index
 * (not SourceDocument's): offsets inside the text, ranges that are the positions of those
 * offsets, references that are the text they claim, sorted diagnostics, and fixes whose
 * edits an editor can apply. Each check returns a list of problems (empty when all holds),
 * so a failing property shows every problem of its counterexample at once.
 */
import type { DocumentAnalysis } from '../../server/src/core/analyze';
import type { Completions } from '../../server/src/core/completions';
import type { HoverInfo } from '../../server/src/core/hover';
import { RULES } from '../../server/src/core/rules';
import { SEVERITIES, type Finding, type Position, type Range, type Reference } from '../../server/src/core/types';

const RULE_CODES = new Set(RULES.map((rule) => rule.code));

/** The line index of a text, as LSP counts lines: `\r\n`, `\n` and a lone `\r` end a line. */
export class LineIndex {
  readonly starts: number[] = [0];
  /** Where each line's content ends (its line break excluded). */
  readonly contentEnds: number[] = [];

  constructor(readonly text: string) {
    for (let index = 0; index < text.length; index++) {
      const char = text[index];
      if (char === '\r' || char === '\n') {
        this.contentEnds.push(index);
        if (char === '\r' && text[index + 1] === '\n') index++;
        this.starts.push(index + 1);
      }
    }
    this.contentEnds.push(text.length);
  }

  get lineCount(): number {
    return this.starts.length;
  }

  positionAt(offset: number): Position {
    let line = 0;
    // Binary search for the last line starting at or before the offset.
    let low = 0;
    let high = this.starts.length - 1;
    while (low <= high) {
      const mid = (low + high) >> 1;
      if ((this.starts[mid] as number) <= offset) {
        line = mid;
        low = mid + 1;
      } else {
        high = mid - 1;
      }
    }
    return { line, character: offset - (this.starts[line] as number) };
  }

  /** Problems with a position: outside the document's lines, or inside a line break. */
  positionProblems(position: Position, what: string): string[] {
    const { line, character } = position;
    if (!Number.isInteger(line) || !Number.isInteger(character)) return [`${what}: non-integer position ${JSON.stringify(position)}`];
    if (line < 0 || line >= this.lineCount) return [`${what}: line ${line} outside 0..${this.lineCount - 1}`];
    const length = (this.contentEnds[line] as number) - (this.starts[line] as number);
    if (character < 0 || character > length) return [`${what}: character ${character} outside line ${line} (length ${length})`];
    return [];
  }
}

function show(value: unknown): string {
  return JSON.stringify(value);
}

function spanProblems(text: string, start: unknown, end: unknown, what: string): string[] {
  if (!Number.isInteger(start) || !Number.isInteger(end)) return [`${what}: non-integer offsets ${show(start)}..${show(end)}`];
  if (!(0 <= (start as number) && (start as number) <= (end as number) && (end as number) <= text.length)) {
    return [`${what}: offsets ${show(start)}..${show(end)} not within 0 ≤ start ≤ end ≤ ${text.length}`];
  }
  return [];
}

/** The range must be exactly the positions of the offsets, and valid positions of the document. */
function rangeProblems(index: LineIndex, start: number, end: number, range: Range, what: string): string[] {
  const problems: string[] = [];
  const expected = { start: index.positionAt(start), end: index.positionAt(end) };
  if (show(range) !== show(expected)) problems.push(`${what}: range ${show(range)} is not the positions of ${start}..${end}, ${show(expected)}`);
  problems.push(...index.positionProblems(range.start, `${what} start`), ...index.positionProblems(range.end, `${what} end`));
  return problems;
}

function referenceProblems(text: string, index: LineIndex, reference: Reference, at: number): string[] {
  const what = `reference #${at} ${show(reference.text)} (${reference.id})`;
  const problems = spanProblems(text, reference.start, reference.end, what);
  if (problems.length > 0) return problems;
  problems.push(...rangeProblems(index, reference.start, reference.end, reference.range, what));
  if (text.slice(reference.start, reference.end) !== reference.text) problems.push(`${what}: text is not the document's ${show(text.slice(reference.start, reference.end))}`);
  if (reference.start === reference.end) problems.push(`${what}: empty span`);
  for (const [name, span] of [['writtenYearSpan', reference.writtenYearSpan], ['writtenTitleSpan', reference.writtenTitleSpan]] as const) {
    if (span) problems.push(...spanProblems(text, span.start, span.end, `${what} ${name}`));
  }
  if (reference.writtenYearSpan && reference.writtenYear !== null && text.slice(reference.writtenYearSpan.start, reference.writtenYearSpan.end) !== String(reference.writtenYear)) {
    problems.push(`${what}: writtenYearSpan is ${show(text.slice(reference.writtenYearSpan.start, reference.writtenYearSpan.end))}, not ${reference.writtenYear}`);
  }
  return problems;
}

/** The edits of one fix: inside the text, and not overlapping (LSP allows several inserts at one position). */
export function editsProblems(text: string, edits: ReadonlyArray<{ start: number; end: number; newText: string }>, what: string): string[] {
  const problems: string[] = [];
  for (const [at, edit] of edits.entries()) {
    problems.push(...spanProblems(text, edit.start, edit.end, `${what} edit #${at}`));
    if (typeof edit.newText !== 'string') problems.push(`${what} edit #${at}: newText ${show(edit.newText)}`);
  }
  if (problems.length > 0) return problems;
  const sorted = [...edits].sort((a, b) => a.start - b.start || a.end - b.end);
  for (let at = 1; at < sorted.length; at++) {
    const previous = sorted[at - 1] as { start: number; end: number };
    const next = sorted[at] as { start: number; end: number };
    const insertsAtSamePlace = previous.start === previous.end && previous.start === next.start;
    if (previous.end > next.start && !insertsAtSamePlace) problems.push(`${what}: edits ${previous.start}..${previous.end} and ${next.start}..${next.end} overlap`);
  }
  return problems;
}

/** The text after a fix's edits (applied from the end, as an editor does). */
export function applyOffsetEdits(text: string, edits: ReadonlyArray<{ start: number; end: number; newText: string }>): string {
  const sorted = edits.map((edit, order) => ({ ...edit, order })).sort((a, b) => b.start - a.start || b.end - a.end || b.order - a.order);
  let result = text;
  for (const edit of sorted) result = result.slice(0, edit.start) + edit.newText + result.slice(edit.end);
  return result;
}

function findingProblems(text: string, index: LineIndex, finding: Finding, at: number, bibliography: { file: string; text: string } | null): string[] {
  const what = `diagnostic #${at} ${finding.code} at ${finding.start}..${finding.end}`;
  const problems = spanProblems(text, finding.start, finding.end, what);
  if (problems.length > 0) return problems;
  problems.push(...rangeProblems(index, finding.start, finding.end, finding.range, what));
  if (!RULE_CODES.has(finding.code)) problems.push(`${what}: unknown code`);
  if (!(SEVERITIES as readonly string[]).includes(finding.severity)) problems.push(`${what}: severity ${show(finding.severity)}`);
  // Lengths only: reading a message's characters could flatten a huge rope.
  if (typeof finding.message !== 'string' || finding.message.length === 0) problems.push(`${what}: empty message`);
  for (const [fixAt, fix] of finding.fixes.entries()) {
    const fixWhat = `${what} fix #${fixAt} ${show(fix.title)}`;
    if (typeof fix.title !== 'string' || fix.title.length === 0) problems.push(`${fixWhat}: empty title`);
    if (fix.edits.length === 0 && (fix.fileEdits ?? []).length === 0) problems.push(`${fixWhat}: no edits`);
    const editProblems = editsProblems(text, fix.edits, fixWhat);
    problems.push(...editProblems);
    if (fix.cursor !== undefined && editProblems.length === 0) {
      // The edited text's length, without building it (a 20 MB draft has thousands of such fixes).
      const editedLength = fix.edits.reduce((length, edit) => length + edit.newText.length - (edit.end - edit.start), text.length);
      if (!Number.isInteger(fix.cursor) || fix.cursor < 0 || fix.cursor > editedLength) problems.push(`${fixWhat}: cursor ${fix.cursor} outside the edited text (length ${editedLength})`);
    }
    for (const [editAt, edit] of (fix.fileEdits ?? []).entries()) {
      const editWhat = `${fixWhat} fileEdit #${editAt}`;
      if (!bibliography) {
        problems.push(`${editWhat}: an edit of ${edit.file} with no bibliography given`);
        continue;
      }
      if (edit.file !== bibliography.file) problems.push(`${editWhat}: edits ${edit.file}, not the bibliography ${bibliography.file}`);
      const fileIndex = new LineIndex(bibliography.text);
      problems.push(...fileIndex.positionProblems(edit.start, `${editWhat} start`), ...fileIndex.positionProblems(edit.end, `${editWhat} end`));
      if (edit.start.line > edit.end.line || (edit.start.line === edit.end.line && edit.start.character > edit.end.character)) problems.push(`${editWhat}: start after end`);
    }
  }
  return problems;
}

/** Every problem with an analysis of `text` (empty when it is consistent). */
export function analysisProblems(text: string, analysis: DocumentAnalysis, bibliography: { file: string; text: string } | null = null): string[] {
  const index = new LineIndex(text);
  const problems: string[] = [];
  if (analysis.document.text !== text) problems.push('analysis.document.text is not the analysed text');
  analysis.references.forEach((reference, at) => problems.push(...referenceProblems(text, index, reference, at)));
  analysis.diagnostics.forEach((finding, at) => problems.push(...findingProblems(text, index, finding, at, bibliography)));
  for (let at = 1; at < analysis.diagnostics.length; at++) {
    const a = analysis.diagnostics[at - 1] as Finding;
    const b = analysis.diagnostics[at] as Finding;
    if (a.start > b.start || (a.start === b.start && (a.end > b.end || (a.end === b.end && a.code.localeCompare(b.code) > 0)))) {
      problems.push(`diagnostics #${at - 1} (${a.code} ${a.start}..${a.end}) and #${at} (${b.code} ${b.start}..${b.end}) are not sorted`);
    }
  }
  analysis.footnoteDefinitions.forEach((definition, at) => {
    problems.push(...spanProblems(text, definition.start, definition.end, `footnote definition #${at}`), ...spanProblems(text, definition.labelStart, definition.labelEnd, `footnote definition #${at} label`));
  });
  analysis.headings.forEach((heading, at) => problems.push(...spanProblems(text, heading.start, heading.end, `heading #${at}`)));
  return problems;
}

/** Problems with a hover at an offset: it must be about a reference, or a checked quotation, under the offset. */
export function hoverProblems(analysis: DocumentAnalysis, offset: number, hover: HoverInfo | null): string[] {
  if (hover === null) return [];
  const problems: string[] = [];
  const about = hover.reference ?? analysis.quotations().find((quotation) => quotation.start <= offset && offset < quotation.end);
  if (hover.reference && !analysis.references.includes(hover.reference)) problems.push(`hover at ${offset}: its reference is not one of the analysis`);
  if (!about) problems.push(`hover at ${offset}: neither a reference nor a quotation is under the offset`);
  else if (!(about.start <= offset && offset < about.end)) problems.push(`hover at ${offset}: ${about.start}..${about.end} is not under the offset`);
  if (typeof hover.markdown !== 'string' || hover.markdown.length === 0) problems.push(`hover at ${offset}: empty markdown`);
  return problems;
}

/** Problems with completions at an offset: the replaced span ends at the offset and every edit is inside the text. */
export function completionProblems(text: string, offset: number, completions: Completions | null): string[] {
  if (completions === null) return [];
  const problems: string[] = [];
  if (!Number.isInteger(completions.replaceStart) || completions.replaceStart < 0 || completions.replaceStart > offset) {
    problems.push(`completions at ${offset}: replaceStart ${completions.replaceStart} not within 0..${offset}`);
  }
  for (const [at, item] of completions.items.entries()) {
    if (typeof item.label !== 'string' || typeof item.insertText !== 'string') problems.push(`completion #${at} at ${offset}: label or insertText is not a string`);
    problems.push(...editsProblems(text, item.additionalEdits, `completion #${at} ${show(item.label)} at ${offset}`));
    for (const edit of item.additionalEdits) {
      // Additional edits must not touch the text the completion itself replaces.
      if (edit.start < offset && completions.replaceStart < edit.end) problems.push(`completion #${at} at ${offset}: additional edit ${edit.start}..${edit.end} overlaps the replaced ${completions.replaceStart}..${offset}`);
    }
  }
  return problems;
}
