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
import { sameRange, toDiagnostic } from './convert';

export const SLICE_COUNT = 8;
const PREFIX = 'lexicite/';

/** The identifiers the slices are registered under: lexicite/0 … lexicite/7. */
export function sliceIdentifiers(): string[] {
  return Array.from({ length: SLICE_COUNT }, (_, index) => `${PREFIX}${index}`);
}

/** The slice an identifier names, or null for the whole list (a client that pulls without slices). */
export function sliceOfIdentifier(identifier: string | undefined): number | null {
  if (!identifier?.startsWith(PREFIX)) return null;
  const index = Number(identifier.slice(PREFIX.length));
  return Number.isInteger(index) && index >= 0 && index < SLICE_COUNT ? index : null;
}

/** A group's diagnostics by slice, kept for as long as the group's key stands on the same line. */
const groupSlices = new WeakMap<object, { line: number | null; docsUri: string | null; slices: Diagnostic[][] }>();
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
      cached = { line: group.line, docsUri, slices: Array.from({ length: SLICE_COUNT }, () => []) };
      for (const finding of group.findings()) (cached.slices[finding.range.start.line % SLICE_COUNT] as Diagnostic[]).push(toDiagnostic(finding, docsUri));
      if (group.key) groupSlices.set(group.key, cached);
    }
    for (let slice = 0; slice < SLICE_COUNT; slice++) {
      const into = slices[slice] as Diagnostic[];
      for (const diagnostic of cached.slices[slice] as Diagnostic[]) into.push(diagnostic);
    }
  }
  slicedVersions.set(groups, { docsUri, slices });
  return slices;
}

/**
 * Whether a slice's diagnostics are reported alike in two versions (code, severity, message,
 * range): then a pull is answered "unchanged". Groups that stood still give the same objects,
 * so most comparisons are of identity.
 */
export function sameItems(a: readonly Diagnostic[], b: readonly Diagnostic[]): boolean {
  if (a === b) return true;
  if (a.length !== b.length) return false;
  for (let index = 0; index < a.length; index++) {
    const x = a[index] as Diagnostic;
    const y = b[index] as Diagnostic;
    if (x === y) continue;
    if (x.code !== y.code || x.severity !== y.severity || x.message !== y.message || !sameRange(x.range, y.range)) return false;
  }
  return true;
}
