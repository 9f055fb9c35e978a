import { describe, expect, it } from 'vitest';
import { SourceDocument } from '../../server/src/core/document';

describe('SourceDocument positions (LSP: 0-based lines, UTF-16 columns)', () => {
  it('maps offsets across LF, CRLF and lone CR line breaks', () => {
    const document = new SourceDocument('ab\ncd\r\nef\rgh');
    expect(document.lineCount).toBe(4);
    expect(document.positionAt(0)).toEqual({ line: 0, character: 0 });
    expect(document.positionAt(4)).toEqual({ line: 1, character: 1 });
    expect(document.positionAt(7)).toEqual({ line: 2, character: 0 });
    expect(document.positionAt(10)).toEqual({ line: 3, character: 0 });
    expect(document.offsetAt({ line: 2, character: 1 })).toBe(8);
  });

  it('counts an astral character as two UTF-16 code units', () => {
    const document = new SourceDocument('\u{1F4DC}x');
    expect(document.positionAt(2)).toEqual({ line: 0, character: 2 });
    expect(document.offsetAt({ line: 0, character: 2 })).toBe(2);
  });

  it('clamps positions outside the text instead of throwing', () => {
    const document = new SourceDocument('one\ntwo');
    expect(document.positionAt(-5)).toEqual({ line: 0, character: 0 });
    expect(document.positionAt(999)).toEqual({ line: 1, character: 3 });
    expect(document.offsetAt({ line: 0, character: 99 })).toBe(4);
    expect(document.offsetAt({ line: 42, character: 0 })).toBe(7);
    expect(document.offsetAt({ line: -1, character: 0 })).toBe(0);
  });

  it('handles the empty document', () => {
    const document = new SourceDocument('');
    expect(document.lineCount).toBe(1);
    expect(document.rangeOf(0, 0)).toEqual({ start: { line: 0, character: 0 }, end: { line: 0, character: 0 } });
  });
});
