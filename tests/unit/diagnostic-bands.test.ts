/**
 * The bands of lines the pulled diagnostics are sliced into (server/src/lsp/diagnostic-slices.ts):
 * a draft's lines shared out over sixteen bands, a height kept while the draft stays between
 * half and twice the lines its bands cover, and lines past the sixteenth band in the last.
 */
import { describe, expect, it } from 'vitest';
import { bandHeight, sliceOfLine } from '../../server/src/lsp/diagnostic-slices';

describe('bands of lines for pulled diagnostics', () => {
  it('shares a new draft out over sixteen bands, rounded up, at least one line high', () => {
    expect(bandHeight(161, null)).toBe(11);
    expect(bandHeight(160, null)).toBe(10);
    expect(bandHeight(12, null)).toBe(1);
    expect(bandHeight(0, null)).toBe(1);
    expect(bandHeight(20_000, null)).toBe(1250);
  });

  it('keeps the height while the sixteen bands cover between half and twice the lines', () => {
    // Bands of 10 lines cover 160: kept from 80 to 320 lines.
    expect(bandHeight(161, 10)).toBe(10);
    expect(bandHeight(320, 10)).toBe(10);
    expect(bandHeight(80, 10)).toBe(10);
    // Past those, the lines are shared out again.
    expect(bandHeight(321, 10)).toBe(21);
    expect(bandHeight(79, 10)).toBe(5);
  });

  it('puts a line in its band, and the lines past the sixteenth band in the last', () => {
    expect(sliceOfLine(0, 11)).toBe(0);
    expect(sliceOfLine(10, 11)).toBe(0);
    expect(sliceOfLine(11, 11)).toBe(1);
    expect(sliceOfLine(175, 11)).toBe(15);
    expect(sliceOfLine(176, 11)).toBe(15);
    expect(sliceOfLine(10_000, 11)).toBe(15);
  });
});
