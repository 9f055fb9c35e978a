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
import type { Finding } from '../core/types';

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

const slicedLists = new WeakMap<readonly Finding[], Finding[][]>();

/** The findings of one slice (in order), worked out once per list of findings. */
export function findingsOfSlice(findings: readonly Finding[], slice: number): Finding[] {
  let slices = slicedLists.get(findings);
  if (!slices) {
    slices = Array.from({ length: SLICE_COUNT }, () => []);
    for (const finding of findings) (slices[finding.range.start.line % SLICE_COUNT] as Finding[]).push(finding);
    slicedLists.set(findings, slices);
  }
  return slices[slice] as Finding[];
}
