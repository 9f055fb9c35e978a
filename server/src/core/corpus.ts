import * as fs from 'node:fs';
import * as path from 'node:path';
import { formatDate } from './dates';
import { readExternalInstruments, type ExternalInstrument } from './external-instruments';
import { validateInstrument, validateOfficials, validateResolutionIndex, type ValidationError } from './generated/validators';
import { beyondIndexInstrument, indexedResolutionInstrument, resolutionIndexInfo, symbolYear, type IndexedResolution, type ResolutionIndexFile, type ResolutionIndexInfo } from './resolution-index';

/**
 * The corpus: instruments (with their provisions) and officials, loaded from data/ and
 * from users' source packs. The data model is documented in data/README.md and
 * data/schema/. A Corpus is immutable; adding packs yields a new one.
 */

export type InstrumentType = 'resolution' | 'treaty' | 'convention' | 'articles' | 'charter';

export interface SourceRef {
  url: string | null;
  retrievedVia?: string | null;
  detail?: string | null;
}

export interface Rendering {
  body: string;
  lang: string;
  label: string;
  translation: string | null;
  publication: 'official' | 'secondary';
  source: SourceRef;
  partial?: boolean;
  truncated?: boolean;
  note?: string | null;
  /** Set by the loader on renderings that come from a user's source pack: the pack file. */
  pack?: string;
}

export interface Provision {
  id: string;
  number: string;
  kind: string;
  title?: string | null;
  text: Rendering | null;
  variants?: Rendering[];
  summary?: { text: string; author: string; basis?: string | null } | null;
  note?: string | null;
  /** For a chapter (`un-charter/ch-7`): the ids of the provisions it contains, in order. */
  members?: string[];
}

export interface Instrument {
  id: string;
  type: InstrumentType;
  title: string;
  shortTitle: string;
  aliases?: string[];
  symbol?: string | null;
  /**
   * ISO date adopted or signed; null when the sources do not settle it (a few resolutions of
   * the index, whose table and text disagree) or do not give it (a resolution newer than the index).
   */
  date: string | null;
  dateKind: string;
  /** The editorial subject line, e.g. "Non-proliferation/Democratic People's Republic of Korea". */
  subject?: string | null;
  /** The parties the sources name (treaties), or null. */
  parties?: string[] | null;
  /** Resolutions from the index: the Dag Hammarskjöld Library's meeting topic (not a title). */
  topic?: string | null;
  meeting?: string | null;
  /** Where the instrument's record comes from: its own data file (absent), the resolution index, or nothing (a resolution newer than the index). */
  origin?: 'index' | 'beyond-index';
  /** Caveats of the record (the index's note on a date, what is held and what is not). */
  notes?: string | null;
  url?: string | null;
  status: string;
  vote?: string | null;
  entryIntoForce?: string | null;
  structure: {
    unit: 'article' | 'paragraph';
    count: number | null;
    subparagraphs?: Record<string, string[]>;
    /** How the instrument numbers its articles: "roman" (the NPT's Article VI) or arabic (absent). */
    numbering?: 'arabic' | 'roman';
  };
  provisions: Provision[];
  /** Set by the loader on instruments that come from a user's source pack: the pack file. */
  pack?: string;
}

export interface OfficialTitle {
  title: string;
  organization?: string | null;
  from: string | null;
  to: string | null;
  source: string;
  variants?: string[];
  kind?: string | null;
  note?: string | null;
}

export interface Official {
  id: string;
  name: string;
  variants?: string[];
  native?: Record<string, string>;
  country: string;
  titles: OfficialTitle[];
  informal?: string[];
  /** Names of institutions and places that contain the person's name and are not the person. */
  notPersonContexts?: Array<{ text: string; source?: string | null }>;
  notes?: string | null;
  pack?: string;
}

/** A problem with a data file: which file, where in it (a JSON path) and what is wrong. */
export interface DataProblem {
  file: string;
  /** `$`, `$.instruments[0].id`, … */
  jsonPath: string;
  message: string;
  severity: 'error' | 'warning';
}

/** Names are matched case-insensitively, with dashes, apostrophes and spaces unified. */
export function normalizeName(name: string): string {
  return name
    .normalize('NFC')
    .toLowerCase()
    .replace(/[\u2018\u2019\u02bc]/g, "'")
    .replace(/[\u2010-\u2015\u2212]/g, '-')
    .replace(/[\s\u00a0]+/g, ' ')
    .trim();
}

/** What a corpus holds besides its instruments and officials. */
export interface CorpusExtras {
  /** The resolution index's extent: above its last number a resolution is newer than the index. */
  resolutionIndex?: ResolutionIndexInfo | null;
  /** Instruments outside the corpus, known by name only. */
  externals?: readonly ExternalInstrument[];
  /**
   * The index's resolutions (see resolution-index.ts): each becomes an instrument when first
   * asked for, unless one of the corpus's instruments has its id.
   */
  indexedResolutions?: readonly IndexedResolution[];
}

/** The date of an instrument as far as it is known: its ISO date, else the year of its symbol ("1947"), else null. */
export function knownDate(instrument: Instrument): string | null {
  if (instrument.date) return instrument.date;
  const year = symbolYear(instrument.symbol);
  return year === null ? null : String(year);
}

/** The date as hovers and messages show it: "14 October 2006", "1947" (date not settled), or "date not known". */
export function instrumentDateText(instrument: Instrument): string {
  const date = knownDate(instrument);
  return date ? formatDate(date) : 'date not known';
}

/** The year an instrument was adopted or signed, when known. */
export function instrumentYear(instrument: Instrument): number | null {
  const date = knownDate(instrument);
  return date ? Number(date.slice(0, 4)) : null;
}

export class Corpus {
  readonly officials: readonly Official[];
  readonly resolutionIndex: ResolutionIndexInfo | null;
  readonly externals: readonly ExternalInstrument[];
  /** The instruments given (data files, source packs): what the corpus records beyond the index's lines. */
  readonly recordedInstruments: readonly Instrument[];
  private readonly indexedResolutions: readonly IndexedResolution[];
  /**
   * The index's resolutions that no recorded instrument stands for, by number. An index
   * resolution is made an instrument only when asked for: the index holds some 2,600, and
   * making them all took about 20 ms of every start, for a draft that names a handful.
   */
  private readonly indexEntries = new Map<number, IndexedResolution>();
  private readonly fromIndex = new Map<number, Instrument>();
  private everyInstrument: readonly Instrument[] | null = null;
  private readonly beyondIndex = new Map<number, Instrument>();
  private readonly instrumentsById = new Map<string, Instrument>();
  private readonly resolutionsByNumber = new Map<number, Instrument>();
  /** Built on first use (by name look-ups, which only the tests and packs make): thousands of names cost start-up time. */
  private instrumentsByAliasCache: Map<string, Instrument[]> | null = null;
  private readonly provisionsById = new Map<string, { instrument: Instrument; provision: Provision }>();
  private readonly officialsById = new Map<string, Official>();
  private officialsByNameCache: Map<string, Official[]> | null = null;

  constructor(instruments: readonly Instrument[], officials: readonly Official[] = [], extras: CorpusExtras = {}) {
    this.recordedInstruments = instruments;
    this.officials = officials;
    this.resolutionIndex = extras.resolutionIndex ?? null;
    this.externals = extras.externals ?? [];
    this.indexedResolutions = extras.indexedResolutions ?? [];
    for (const instrument of instruments) {
      this.instrumentsById.set(instrument.id, instrument);
      const resolutionNumber = /^unscr-(\d+)$/.exec(instrument.id)?.[1];
      if (instrument.type === 'resolution' && resolutionNumber) this.resolutionsByNumber.set(Number(resolutionNumber), instrument);
      for (const provision of instrument.provisions) this.provisionsById.set(provision.id, { instrument, provision });
    }
    for (const entry of this.indexedResolutions) if (!this.instrumentsById.has(`unscr-${entry.number}`)) this.indexEntries.set(entry.number, entry);
    for (const official of officials) this.officialsById.set(official.id, official);
  }

  /** How many instruments `instruments` holds, without making the index's. */
  get instrumentCount(): number {
    return this.recordedInstruments.length + this.indexEntries.size;
  }

  /** Every instrument: the recorded ones, then the index's other resolutions in the index's order. */
  get instruments(): readonly Instrument[] {
    if (!this.everyInstrument) {
      const every = [...this.recordedInstruments];
      for (const number of this.indexEntries.keys()) every.push(this.indexed(number) as Instrument);
      this.everyInstrument = every;
    }
    return this.everyInstrument;
  }

  /** What a corpus holds besides instruments and officials, for a corpus built on this one. */
  get extras(): CorpusExtras {
    return { resolutionIndex: this.resolutionIndex, externals: this.externals, indexedResolutions: this.indexedResolutions };
  }

  instrument(id: string): Instrument | undefined {
    const found = this.instrumentsById.get(id);
    if (found) return found;
    const number = /^unscr-(\d+)$/.exec(id)?.[1];
    if (!number) return undefined;
    // The index's resolutions answer to their own ids only ("unscr-82", not "unscr-082"), as when they were made at load.
    return (id === `unscr-${Number(number)}` ? this.indexed(Number(number)) : undefined) ?? this.newerResolution(Number(number));
  }

  /** A Security Council resolution by number: its record, the index's line, or, above the index's last number, one newer than the index. */
  resolution(number: number): Instrument | undefined {
    return this.resolutionsByNumber.get(number) ?? this.indexed(number) ?? this.newerResolution(number);
  }

  /** The index's resolution of that number as an instrument (made once), unless a recorded instrument stands for it. */
  private indexed(number: number): Instrument | undefined {
    let instrument = this.fromIndex.get(number);
    if (!instrument) {
      const entry = this.indexEntries.get(number);
      if (!entry) return undefined;
      this.fromIndex.set(number, (instrument = indexedResolutionInstrument(entry)));
    }
    return instrument;
  }

  /** Whether a resolution has a record of its own (a data file or a source pack), beyond the index's line. */
  hasRecord(number: number): boolean {
    const instrument = this.resolutionsByNumber.get(number);
    return instrument !== undefined && instrument.origin === undefined;
  }

  /** Whether a resolution number lies above the bundled index (a resolution adopted after it). */
  isNewerThanIndex(number: number): boolean {
    return this.resolutionIndex !== null && number > this.resolutionIndex.last && !this.resolutionsByNumber.has(number) && !this.indexEntries.has(number);
  }

  private newerResolution(number: number): Instrument | undefined {
    if (!this.isNewerThanIndex(number) || !this.resolutionIndex) return undefined;
    let instrument = this.beyondIndex.get(number);
    if (!instrument) this.beyondIndex.set(number, (instrument = beyondIndexInstrument(number, this.resolutionIndex)));
    return instrument;
  }

  /** Instruments known by a title, short title, symbol or alias (case-insensitive). */
  instrumentsNamed(name: string): readonly Instrument[] {
    if (!this.instrumentsByAliasCache) {
      this.instrumentsByAliasCache = new Map();
      for (const instrument of this.instruments) {
        for (const alias of [instrument.title, instrument.shortTitle, instrument.symbol, ...(instrument.aliases ?? [])]) {
          if (alias) addToIndex(this.instrumentsByAliasCache, normalizeName(alias), instrument);
        }
      }
    }
    return this.instrumentsByAliasCache.get(normalizeName(name)) ?? [];
  }

  provision(id: string): { instrument: Instrument; provision: Provision } | undefined {
    return this.provisionsById.get(id);
  }

  official(id: string): Official | undefined {
    return this.officialsById.get(id);
  }

  /** Officials known by a name, spelling variant or native-script name (case-insensitive). */
  officialsNamed(name: string): readonly Official[] {
    if (!this.officialsByNameCache) {
      this.officialsByNameCache = new Map();
      for (const official of this.officials) {
        for (const alias of [official.name, ...(official.variants ?? []), ...Object.values(official.native ?? {})]) {
          addToIndex(this.officialsByNameCache, normalizeName(alias), official);
        }
      }
    }
    return this.officialsByNameCache.get(normalizeName(name)) ?? [];
  }
}

function addToIndex<T>(index: Map<string, T[]>, key: string, value: T): void {
  const existing = index.get(key);
  if (!existing) index.set(key, [value]);
  else if (!existing.includes(value)) existing.push(value);
}

export const RESOLUTION_INDEX_FILE = 'unsc-resolutions.json';
export const EXTERNAL_INSTRUMENTS_FILE = 'external-instruments.json';

export interface LoadedCorpus {
  corpus: Corpus;
  problems: DataProblem[];
}

/**
 * Loads the built-in corpus: every `instruments/*.json` and `officials.json` under a data
 * directory, each validated against its JSON Schema. A broken file is reported with its
 * JSON path and skipped; it never stops the other files from loading.
 */
export function loadCorpus(dataDirectory: string): LoadedCorpus {
  const problems: DataProblem[] = [];
  const instruments: Instrument[] = [];
  const instrumentsDirectory = path.join(dataDirectory, 'instruments');
  let files: string[] = [];
  try {
    files = fs.readdirSync(instrumentsDirectory).filter((name) => name.endsWith('.json')).sort();
  } catch (error) {
    problems.push({ file: instrumentsDirectory, jsonPath: '$', message: `cannot read the data directory: ${describeError(error)}`, severity: 'error' });
  }
  const seen = new Set<string>();
  for (const name of files) {
    const file = path.join(instrumentsDirectory, name);
    const value = readJsonFile(file, problems);
    if (value === undefined) continue;
    if (!validateInstrument(value)) {
      problems.push(...schemaProblems(file, validateInstrument.errors));
      continue;
    }
    const instrument = value as Instrument;
    if (seen.has(instrument.id)) {
      problems.push({ file, jsonPath: '$.id', message: `duplicate instrument id "${instrument.id}"`, severity: 'error' });
      continue;
    }
    seen.add(instrument.id);
    instruments.push(instrument);
  }

  let officials: Official[] = [];
  const officialsFile = path.join(dataDirectory, 'officials.json');
  const officialsValue = readJsonFile(officialsFile, problems);
  if (officialsValue !== undefined) {
    if (validateOfficials(officialsValue)) officials = (officialsValue as { officials: Official[] }).officials;
    else problems.push(...schemaProblems(officialsFile, validateOfficials.errors));
  }

  // Every other Security Council resolution, from the index; a resolution with a file of its own keeps it.
  let resolutionIndex: ResolutionIndexInfo | null = null;
  let indexedResolutions: IndexedResolution[] = [];
  const indexFile = path.join(dataDirectory, RESOLUTION_INDEX_FILE);
  const indexValue = readJsonFile(indexFile, problems);
  if (indexValue !== undefined && !validateResolutionIndex(indexValue)) problems.push(...schemaProblems(indexFile, validateResolutionIndex.errors));
  else if (indexValue !== undefined) {
    indexedResolutions = (indexValue as ResolutionIndexFile).resolutions;
    resolutionIndex = resolutionIndexInfo(indexedResolutions);
  }
  const externalsFile = path.join(dataDirectory, EXTERNAL_INSTRUMENTS_FILE);
  const externalsValue = readJsonFile(externalsFile, problems);
  const externals = externalsValue === undefined ? [] : readExternalInstruments(externalsValue, externalsFile, problems);
  return { corpus: new Corpus(instruments, officials, { resolutionIndex, externals, indexedResolutions }), problems };
}

function readJsonFile(file: string, problems: DataProblem[]): unknown {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (error) {
    problems.push({ file, jsonPath: '$', message: `cannot read the file: ${describeError(error)}`, severity: 'error' });
    return undefined;
  }
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    problems.push({ file, jsonPath: '$', message: `invalid JSON: ${describeError(error)}`, severity: 'error' });
    return undefined;
  }
}

/** ajv's errors as problems with JSON paths (`$.provisions[3].text.source`). */
export function schemaProblems(file: string, errors: readonly ValidationError[] | null | undefined): DataProblem[] {
  return (errors ?? []).map((error) => {
    const segments = instancePathSegments(error.instancePath);
    let message = error.message ?? `fails the "${error.keyword}" rule`;
    if (error.keyword === 'additionalProperties' && typeof error.params.additionalProperty === 'string') {
      segments.push(error.params.additionalProperty);
      message = `unknown property "${error.params.additionalProperty}"`;
    } else if (error.keyword === 'enum' && Array.isArray(error.params.allowedValues)) {
      message = `must be one of ${error.params.allowedValues.map((value) => JSON.stringify(value)).join(', ')}`;
    }
    return { file, jsonPath: jsonPathOf(segments), message, severity: 'error' as const };
  });
}

export function instancePathSegments(instancePath: string): Array<string | number> {
  if (!instancePath) return [];
  return instancePath
    .split('/')
    .slice(1)
    .map((segment) => segment.replace(/~1/g, '/').replace(/~0/g, '~'))
    .map((segment) => (/^\d+$/.test(segment) ? Number(segment) : segment));
}

export function jsonPathOf(segments: ReadonlyArray<string | number>): string {
  return segments.reduce<string>((jsonPath, segment) => {
    if (typeof segment === 'number') return `${jsonPath}[${segment}]`;
    return /^[A-Za-z_$][\w$]*$/.test(segment) ? `${jsonPath}.${segment}` : `${jsonPath}[${JSON.stringify(segment)}]`;
  }, '$');
}

export function describeError(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
