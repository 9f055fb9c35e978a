import type { Instrument } from './corpus';
import { formatDate } from './dates';

/**
 * Every Security Council resolution, from the bundled index (data/unsc-resolutions.json: number,
 * symbol, date, the Dag Hammarskjöld Library's meeting topic, vote and meeting, as the Library's
 * tables give them). Each becomes a light instrument `unscr-N` with no provisions; the
 * resolutions with a data file of their own (the DPRK resolutions) keep their richer record.
 * A resolution above the index's last number is a Security Council resolution too, of which
 * nothing is known but its number (`origin: 'beyond-index'`).
 */

export interface IndexedResolution {
  number: number;
  symbol: string;
  date: string | null;
  topic: string | null;
  vote: string | null;
  meeting: string | null;
  dateVariants?: Record<string, string> | null;
  note?: string | null;
}

export interface ResolutionIndexFile {
  source?: unknown;
  notes?: string | null;
  coverage?: { first?: number; last?: number } | null;
  resolutions: IndexedResolution[];
}

/** What the corpus keeps of the index besides its instruments. */
export interface ResolutionIndexInfo {
  /** The highest number the index holds (2640); above it a resolution is newer than the index. */
  last: number;
  /** The date of that last resolution, for "newer than the bundled index (… to …)". */
  lastDate: string | null;
}

/** The year in a symbol "S/RES/1718 (2006)". */
export function symbolYear(symbol: string | null | undefined): number | null {
  const year = /\((\d{4})\)\s*$/.exec(symbol ?? '')?.[1];
  return year ? Number(year) : null;
}

/** The official address of a resolution: https://undocs.org/S/RES/N(YEAR). */
export function resolutionUrl(number: number, year: number | null): string | null {
  return year === null ? null : `https://undocs.org/S/RES/${number}(${year})`;
}

const INDEX_CAVEAT =
  'From the bundled index of Security Council resolutions (the Dag Hammarskjöld Library\'s tables of Security Council meetings, copied in July 2022): number, symbol, date, meeting, vote and the meeting\'s topic only, no text. The topic is the Library\'s agenda item, not a title. Check the resolution itself at the official link before quoting.';

export function indexedResolutionInstrument(entry: IndexedResolution): Instrument {
  const year = symbolYear(entry.symbol) ?? (entry.date ? Number(entry.date.slice(0, 4)) : null);
  const written = year === null ? `${entry.number}` : `${entry.number} (${year})`;
  const dateNote = entry.date === null ? dateCaveat(entry) : null;
  return {
    id: `unscr-${entry.number}`,
    type: 'resolution',
    title: `Security Council resolution ${written}`,
    shortTitle: `resolution ${written}`,
    aliases: [],
    symbol: entry.symbol,
    date: entry.date,
    dateKind: 'adopted',
    subject: null,
    topic: entry.topic,
    meeting: entry.meeting,
    vote: entry.vote,
    url: resolutionUrl(entry.number, year),
    status: 'adopted',
    entryIntoForce: null,
    structure: { unit: 'paragraph', count: null },
    provisions: [],
    origin: 'index',
    // The caveat is one shared string; only the few entries with notes of their own get a new one.
    notes: dateNote || entry.note ? [INDEX_CAVEAT, dateNote, entry.note ?? null].filter((part): part is string => Boolean(part)).join(' ') : INDEX_CAVEAT,
  };
}

function dateCaveat(entry: IndexedResolution): string {
  const variants = Object.values(entry.dateVariants ?? {});
  return variants.length > 0
    ? `The exact date is not settled: the sources give ${variants.map((date) => (/^\d{4}-\d{2}-\d{2}$/.test(date) ? formatDate(date) : date)).join(' and ')}.`
    : 'The exact date is not settled by the sources.';
}

/** A Security Council resolution newer than the bundled index: its number is all that is known. */
export function beyondIndexInstrument(number: number, index: ResolutionIndexInfo): Instrument {
  return {
    id: `unscr-${number}`,
    type: 'resolution',
    title: `Security Council resolution ${number}`,
    shortTitle: `resolution ${number}`,
    aliases: [],
    symbol: null,
    date: null,
    dateKind: 'adopted',
    subject: null,
    topic: null,
    meeting: null,
    vote: null,
    url: null,
    status: 'adopted',
    entryIntoForce: null,
    structure: { unit: 'paragraph', count: null },
    provisions: [],
    origin: 'beyond-index',
    notes: `Resolution ${number} is newer than the bundled index, which ends with resolution ${index.last}${index.lastDate ? ` (${index.lastDate})` : ''}: Lexicite knows nothing of it but its number.`,
  };
}

/** The index's extent (its last number and that resolution's date), or null for an empty index. */
export function resolutionIndexInfo(resolutions: readonly IndexedResolution[]): ResolutionIndexInfo | null {
  let last: IndexedResolution | null = null;
  for (const resolution of resolutions) if (!last || resolution.number > last.number) last = resolution;
  return last ? { last: last.number, lastDate: last.date } : null;
}
