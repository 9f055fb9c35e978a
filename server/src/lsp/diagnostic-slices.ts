/**
 * Pulled diagnostics in slices. LSP 3.17 answers a pull with the whole list or "unchanged":
 * a keystroke that moves one diagnostic would send all of a long draft's diagnostics again
 * (1.6 MiB for the 4,700 of the benchmark's 1 MB draft, about 40 ms of serializing, piping and
 * parsing). A client that registers diagnostic providers dynamically (VS Code does) is given
 * several, one per slice, and pulls each. The slices are bands of consecutive lines, of a
 * height the draft keeps while its length stays near what it was (see bandHeight): a
 * diagnostic belongs to the band of its start line. An edit within a line changes one band
 * and the others are answered "unchanged"; an edit that adds or removes lines moves the
 * diagnostics below it, so it changes its own band and those below, and the bands above it
 * are "unchanged" too. (Slices by line modulo their number, as before the eighth session of
 * 5 December, changed all sixteen on every added line: pressing Enter in the middle of the
 * benchmark's 1 MB draft re-sent 1.69 MB.)
 */
import type { Diagnostic } from 'vscode-languageserver/node';
import type { DiagnosticGroup } from '../core/rules/run';
import { toDiagnostic } from './convert';

/**
 * Sixteen: measured on the benchmark's 1 MB draft (with slices by line modulo their number),
 * eight slices sent 230 KB per keystroke and sixteen 123 KB, which took a few milliseconds less
 * per keystroke; thirty-two were no faster.
 */
export const SLICE_COUNT = 16;
const PREFIX = 'lexicite/';

/** The identifiers the slices are registered under: lexicite/0 … lexicite/15. */
export function sliceIdentifiers(): string[] {
  return Array.from({ length: SLICE_COUNT }, (_, index) => `${PREFIX}${index}`);
}

/** The slice an identifier names, or null for the whole list (a client that pulls without slices). */
export function sliceOfIdentifier(identifier: string | undefined): number | null {
  if (!identifier?.startsWith(PREFIX)) return null;
  const index = Number(identifier.slice(PREFIX.length));
  return Number.isInteger(index) && index >= 0 && index < SLICE_COUNT ? index : null;
}

/**
 * The height of a draft's bands, in lines: the last height while the draft's sixteen bands of
 * it cover between half and twice its lines, else its lines shared out over the sixteen
 * (rounded up). Lines past the sixteenth band belong to the last. A new height moves every
 * band's diagnostics, so it changes only when the draft has grown to twice or shrunk to half.
 */
export function bandHeight(lineCount: number, previous: number | null): number {
  const lines = Math.max(1, lineCount);
  if (previous !== null && previous >= 1 && previous * SLICE_COUNT * 2 >= lines && previous * SLICE_COUNT <= lines * 2) return previous;
  return Math.ceil(lines / SLICE_COUNT);
}

/** The slice of a start line, for bands of `height` lines. */
export function sliceOfLine(line: number, height: number): number {
  return Math.min(SLICE_COUNT - 1, Math.floor(line / height));
}

/** A group's diagnostics by slice (only the slices it has any in), kept for as long as the group's key stands on the same line and the bands keep their height. */
interface SlicedGroup {
  line: number | null;
  docsUri: string | null;
  height: number;
  slices: Array<{ slice: number; diagnostics: Diagnostic[] }>;
}
const groupSlices = new WeakMap<object, SlicedGroup>();
const slicedVersions = new WeakMap<readonly DiagnosticGroup[], { docsUri: string | null; height: number; slices: Diagnostic[][] }>();

/**
 * A version's diagnostics by slice (bands of `height` lines, see bandHeight), each slice in
 * the groups' order. A group that stands where it stood (same key, same line) gives the same
 * diagnostic objects as before without making its findings: after a keystroke, only the
 * edited chunk's are made.
 */
export function diagnosticsBySlice(groups: readonly DiagnosticGroup[], docsUri: string | null, height: number): Diagnostic[][] {
  const known = slicedVersions.get(groups);
  if (known && known.docsUri === docsUri && known.height === height) return known.slices;
  const slices: Diagnostic[][] = Array.from({ length: SLICE_COUNT }, () => []);
  for (const group of groups) {
    let cached = group.key ? groupSlices.get(group.key) : undefined;
    if (!cached || cached.line !== group.line || cached.docsUri !== docsUri || cached.height !== height) {
      const bySlice = new Map<number, Diagnostic[]>();
      for (const finding of group.findings()) {
        const slice = sliceOfLine(finding.range.start.line, height);
        const list = bySlice.get(slice);
        if (list) list.push(toDiagnostic(finding, docsUri));
        else bySlice.set(slice, [toDiagnostic(finding, docsUri)]);
      }
      cached = { line: group.line, docsUri, height, slices: [...bySlice].map(([slice, diagnostics]) => ({ slice, diagnostics })) };
      if (group.key) groupSlices.set(group.key, cached);
    }
    for (const { slice, diagnostics } of cached.slices) {
      const into = slices[slice] as Diagnostic[];
      for (const diagnostic of diagnostics) into.push(diagnostic);
    }
  }
  slicedVersions.set(groups, { docsUri, height, slices });
  return slices;
}
