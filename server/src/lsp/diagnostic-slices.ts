/**
 * Pulled diagnostics in slices. LSP 3.17 answers a pull with the whole list or "unchanged":
 * a keystroke that moves one diagnostic would send all of a long draft's diagnostics again
 * (1.6 MiB for the 4,700 of the benchmark's 1 MB draft, about 40 ms of serializing, piping and
 * parsing). A client that registers diagnostic providers dynamically (VS Code does) is given
 * several, one per slice, and pulls each: a diagnostic belongs to the slice of its start line
 * (line modulo the number of slices), so an edit within a line changes one slice and the
 * others are answered "unchanged". An edit that adds or removes lines moves every diagnostic
 * below it, and all slices change, as one list would.
 */
import type { Diagnostic } from 'vscode-languageserver/node';
import type { DiagnosticGroup } from '../core/rules/run';
import { toDiagnostic } from './convert';

/**
 * Sixteen: measured on the benchmark's 1 MB draft, eight slices sent 230 KB per keystroke and
 * sixteen 123 KB, which took a few milliseconds less per keystroke; thirty-two were no faster.
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

/** A group's diagnostics by slice (only the slices it has any in), kept for as long as the group's key stands on the same line. */
interface SlicedGroup {
  line: number | null;
  docsUri: string | null;
  slices: Array<{ slice: number; diagnostics: Diagnostic[] }>;
}
const groupSlices = new WeakMap<object, SlicedGroup>();
const slicedVersions = new WeakMap<readonly DiagnosticGroup[], { docsUri: string | null; slices: Diagnostic[][] }>();

/**
 * A version's diagnostics by slice, each slice in the groups' order. A group that stands where
 * it stood (same key, same line) gives the same diagnostic objects as before without making
 * its findings: after a keystroke, only the edited chunk's are made.
 */
export function diagnosticsBySlice(groups: readonly DiagnosticGroup[], docsUri: string | null): Diagnostic[][] {
  const known = slicedVersions.get(groups);
  if (known && known.docsUri === docsUri) return known.slices;
  const slices: Diagnostic[][] = Array.from({ length: SLICE_COUNT }, () => []);
  for (const group of groups) {
    let cached = group.key ? groupSlices.get(group.key) : undefined;
    if (!cached || cached.line !== group.line || cached.docsUri !== docsUri) {
      const bySlice = new Map<number, Diagnostic[]>();
      for (const finding of group.findings()) {
        const slice = finding.range.start.line % SLICE_COUNT;
        const list = bySlice.get(slice);
        if (list) list.push(toDiagnostic(finding, docsUri));
        else bySlice.set(slice, [toDiagnostic(finding, docsUri)]);
      }
      cached = { line: group.line, docsUri, slices: [...bySlice].map(([slice, diagnostics]) => ({ slice, diagnostics })) };
      if (group.key) groupSlices.set(group.key, cached);
    }
    for (const { slice, diagnostics } of cached.slices) {
      const into = slices[slice] as Diagnostic[];
      for (const diagnostic of diagnostics) into.push(diagnostic);
    }
  }
  slicedVersions.set(groups, { docsUri, slices });
  return slices;
}
