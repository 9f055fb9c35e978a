/**
 * Small helpers over what the analysis keeps in order (line starts, chunks by start, findings
 * groups by line) and over what it keeps for the last few places a moved chunk stood at.
 */

/** The index of the last of `count` ascending keys (`keyAt`) that is at most `value`; -1 if none is. */
export function lastAtMost(count: number, keyAt: (index: number) => number, value: number): number {
  let low = 0;
  let high = count - 1;
  let found = -1;
  while (low <= high) {
    const mid = (low + high) >> 1;
    if (keyAt(mid) <= value) {
      found = mid;
      low = mid + 1;
    } else high = mid - 1;
  }
  return found;
}

/** How many of the last places are kept: typing moves a chunk back and forth over a few. */
const PLACES_KEPT = 4;

/**
 * The entry of `kept` that `matches`; else one `make` makes, kept with the last few (the
 * oldest is dropped).
 */
export function keptAt<T>(kept: T[], matches: (entry: T) => boolean, make: () => T): T {
  let entry = kept.find(matches);
  if (!entry) {
    entry = make();
    remember(kept, entry);
  }
  return entry;
}

/** Keeps `entry` with the last few of `kept`, dropping the oldest. */
export function remember<T>(kept: T[], entry: T): void {
  kept.push(entry);
  if (kept.length > PLACES_KEPT) kept.shift();
}
