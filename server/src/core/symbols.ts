import { normalizeName, type Corpus, type Instrument } from './corpus';
import { provisionLabel } from './provision-labels';
import { instrumentDocument, instrumentPath, officialPath } from './virtual-documents';

/** A workspace symbol: an instrument, a provision or an official, with where its virtual document shows it. */
export interface SymbolInfo {
  name: string;
  kind: 'instrument' | 'provision' | 'official';
  id: string;
  /** The instrument's short title for a provision, the country for an official, null for an instrument. */
  containerName: string | null;
  /** As in definitionTarget: `instrument/<id>.md` or `official/<id>.md`, and the 0-based line. */
  path: string;
  line: number;
}

export const DEFAULT_SYMBOL_LIMIT = 200;

interface Entry {
  symbol: SymbolInfo;
  /** Normalized names the query is matched against. */
  keys: string[];
  /** For a provision: its label qualified by its instrument's names, ranked just below the instrument. */
  qualifiedKeys: string[];
  /** For a provision: its instrument's entry, whose match the provision shares. */
  parent: Entry | null;
  /** Whether an empty query lists it. */
  listed: boolean;
}

const indexCache = new WeakMap<Corpus, Entry[]>();

function topicLabel(topic: string | null | undefined): string | null {
  if (!topic) return null;
  return topic.length <= 80 ? topic : `${topic.slice(0, 77).trimEnd()}…`;
}

function buildIndex(corpus: Corpus): Entry[] {
  const cached = indexCache.get(corpus);
  if (cached) return cached;
  const entries: Entry[] = [];
  for (const instrument of corpus.instruments) {
    const instrumentKeys = unique([instrument.title, instrument.shortTitle, instrument.symbol, ...(instrument.aliases ?? []), instrument.id]);
    const parent: Entry = {
      // A resolution from the index shows the Library's meeting topic beside it.
      symbol: { name: instrument.title, kind: 'instrument', id: instrument.id, containerName: topicLabel(instrument.topic), path: instrumentPath(instrument.id), line: 0 },
      keys: instrumentKeys,
      qualifiedKeys: [],
      parent: null,
      // An empty query lists the instruments with a record of their own, not the thousands of the resolution index.
      listed: !instrument.origin,
    };
    entries.push(parent);
    if (instrument.provisions.length === 0) continue;
    const anchors = instrumentDocument(instrument).anchors;
    for (const provision of instrument.provisions) {
      const label = provisionLabel(provision);
      const name = `${label}${provision.title ? ` — ${provision.title}` : ''}`;
      entries.push({
        symbol: { name, kind: 'provision', id: provision.id, containerName: instrument.shortTitle, path: instrumentPath(instrument.id), line: anchors[provision.id] ?? 0 },
        keys: unique([label, provision.number, provision.title, name, provision.id]),
        qualifiedKeys: unique(qualifiedLabels(instrument, label)),
        parent,
        listed: false,
      });
    }
  }
  for (const official of corpus.officials) {
    entries.push({
      symbol: { name: official.name, kind: 'official', id: official.id, containerName: official.country, path: officialPath(official.id), line: 0 },
      keys: unique([official.name, ...(official.variants ?? []), ...Object.values(official.native ?? {}), official.id]),
      qualifiedKeys: [],
      parent: null,
      listed: true,
    });
  }
  indexCache.set(corpus, entries);
  return entries;
}

/** "resolution 1718 (2006) paragraph 8(d)", "arsiwa article 16", "article 16 of arsiwa". */
function qualifiedLabels(instrument: Instrument, label: string): Array<string | null> {
  const names = [instrument.shortTitle, instrument.symbol, ...(instrument.aliases ?? [])];
  return names.flatMap((name) => (name ? [`${name} ${label}`, `${label} of ${name}`] : []));
}

function unique(names: ReadonlyArray<string | null | undefined>): string[] {
  return [...new Set(names.filter((name): name is string => typeof name === 'string' && name.length > 0).map(normalizeName))];
}

const EXACT = 0;
const PREFIX = 1;
const WORD = 2;
const TOKENS = 3;
const SUBSTRING = 4;
/** A provision shares its instrument's match only when the query names the instrument this well. */
const INHERITED_UP_TO = WORD;

function isWordStart(key: string, at: number): boolean {
  if (at === 0) return true;
  return !/[\p{L}\p{N}]/u.test(key[at - 1] as string);
}

/** How well a normalized query matches a key list: lower is better; null when it does not. */
function rank(query: string, tokens: readonly string[], keys: readonly string[]): number | null {
  let best: number | null = null;
  const better = (value: number): void => {
    if (best === null || value < best) best = value;
  };
  for (const key of keys) {
    if (key === query) return EXACT;
    if (key.startsWith(query)) better(PREFIX);
    for (let at = key.indexOf(query); at >= 0; at = key.indexOf(query, at + 1)) {
      if (isWordStart(key, at)) {
        better(WORD);
        break;
      }
      if (query.length >= 3) better(SUBSTRING);
    }
  }
  if ((best === null || best > TOKENS) && tokens.length > 1) {
    // Every word of the query starts a word of one key: "1718 8(d)", "arsiwa 16".
    if (keys.some((key) => tokens.every((token) => wordStartsWith(key, token)))) better(TOKENS);
  }
  return best;
}

function wordStartsWith(key: string, token: string): boolean {
  for (let at = key.indexOf(token); at >= 0; at = key.indexOf(token, at + 1)) if (isWordStart(key, at)) return true;
  return false;
}

/**
 * Instruments, provisions and officials whose names match the query (case-insensitive, dashes
 * and apostrophes unified): exact matches first, then prefixes, then matches at the start of a
 * word, then all the query's words, then (for queries of three characters or more) anywhere.
 * A provision also matches when the query names its instrument ("1718" lists the resolution and
 * its paragraphs). An empty query lists the instruments and officials, not every provision.
 */
export function searchSymbols(corpus: Corpus, query: string, limit: number = DEFAULT_SYMBOL_LIMIT): SymbolInfo[] {
  const entries = buildIndex(corpus);
  const wanted = normalizeName(query);
  if (limit <= 0) return [];
  if (wanted.length === 0) return entries.filter((entry) => entry.listed).slice(0, limit).map((entry) => ({ ...entry.symbol }));
  const tokens = wanted.split(' ').filter((token) => token.length > 0);
  const ranks = new Map<Entry, number>();
  const scored: Array<{ entry: Entry; rank: number; order: number }> = [];
  entries.forEach((entry, order) => {
    let value = rank(wanted, tokens, entry.keys);
    if (entry.parent) {
      // Matched through the instrument's names: just below the instrument itself.
      const qualified = rank(wanted, tokens, entry.qualifiedKeys);
      const inherited = ranks.get(entry.parent);
      for (const through of [qualified, inherited !== undefined && inherited <= INHERITED_UP_TO ? inherited : null]) {
        if (through !== null && (value === null || through + 0.5 < value)) value = through + 0.5;
      }
    } else if (value !== null) {
      ranks.set(entry, value);
    }
    if (value !== null) scored.push({ entry, rank: value, order });
  });
  scored.sort((a, b) => a.rank - b.rank || a.order - b.order);
  return scored.slice(0, limit).map(({ entry }) => ({ ...entry.symbol }));
}
