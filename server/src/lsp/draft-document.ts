/**
 * An open draft as the server keeps it: the `TextDocument` of vscode-languageserver-textdocument
 * (what `TextDocuments` and the handlers expect), with its text kept as the core's
 * `SourceDocument` over an `EditedText` (core/text.ts). A keystroke then costs a new line index
 * around the change and a short string, where the library's document joins the whole draft
 * again on the next change (a copy of a 1 MB draft per keystroke). `getText()` still gives
 * the whole text; it is joined on that first call per version.
 *
 * Offsets follow the library's document: a position past a line's end is that line's end,
 * before its line break, and a range given end first is read start first.
 */
import type { Position, Range, TextDocumentContentChangeEvent } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { SourceDocument } from '../core/document';
import { EditedText, type DraftText } from '../core/text';

export class DraftDocument implements TextDocument {
  private lines: SourceDocument;

  constructor(
    readonly uri: string,
    readonly languageId: string,
    public version: number,
    content: string,
  ) {
    this.lines = new SourceDocument(content);
  }

  /** The text, to be read in stretches (see core/text.ts). */
  get text(): DraftText {
    return this.lines.source;
  }

  get lineCount(): number {
    return this.lines.lineCount;
  }

  getText(range?: Range): string {
    if (!range) return this.lines.text;
    const [start, end] = this.offsetsOf(range);
    return this.lines.slice(start, end);
  }

  positionAt(offset: number): Position {
    const position = this.lines.positionAt(offset);
    const lineStart = this.lineStart(position.line);
    return { line: position.line, character: this.beforeLineBreak(lineStart + position.character, lineStart) - lineStart };
  }

  offsetAt(position: Position): number {
    const offset = this.lines.offsetAt(position);
    if (position.line < 0 || position.line >= this.lines.lineCount) return offset;
    return this.beforeLineBreak(offset, this.lineStart(position.line));
  }

  getLineRange(line: number): Range {
    const last = this.lines.lineCount - 1;
    if (line < 0) return { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
    if (line > last) return { start: { line: last, character: 0 }, end: { line: last, character: this.lines.length - this.lineStart(last) } };
    const start = this.lineStart(line);
    return { start: { line, character: 0 }, end: { line, character: this.beforeLineBreak(this.lineEnd(line), start) - start } };
  }

  getEOLCharacters(line: number): string {
    if (line < 0 || line >= this.lines.lineCount) return '';
    const end = this.lineEnd(line);
    return this.lines.slice(this.beforeLineBreak(end, this.lineStart(line)), end);
  }

  private lineStart(line: number): number {
    return this.lines.offsetAt({ line, character: 0 });
  }

  /** Where the next line starts (the text's end for the last line). */
  private lineEnd(line: number): number {
    return line + 1 < this.lines.lineCount ? this.lineStart(line + 1) : this.lines.length;
  }

  /**
   * Applies one change of a `didChange` notification: with a range, what it replaced, as
   * [start, end) of the text before it; without one (the whole text), null.
   */
  apply(change: TextDocumentContentChangeEvent): { start: number; end: number } | null {
    if (!('range' in change)) {
      this.lines = new SourceDocument(change.text);
      return null;
    }
    const [start, end] = this.offsetsOf(change.range);
    this.lines = this.lines.edited(EditedText.edit(this.lines.source, start, end, change.text), start, start + change.text.length);
    return { start, end };
  }

  private offsetsOf(range: Range): [number, number] {
    const start = this.offsetAt(range.start);
    const end = this.offsetAt(range.end);
    return start <= end ? [start, end] : [end, start];
  }

  /** `offset`, moved back before any line break characters that end the line starting at `lineStart`. */
  private beforeLineBreak(offset: number, lineStart: number): number {
    const text = this.lines.source;
    let at = offset;
    while (at > lineStart && (text.charCodeAt(at - 1) === 10 || text.charCodeAt(at - 1) === 13)) at--;
    return at;
  }
}
