import * as fs from 'node:fs';
import * as path from 'node:path';
import { validateInstrument, validateOfficials, type ValidationError } from './generated/validators';

/**
 * The corpus: instruments (with their provisions) and officials, loaded from data/ and
 * from users' source packs. The data model is documented in data/README.md and
 * data/schema/. A Corpus is immutable; adding packs yields a new one.
 */

export type InstrumentType = 'resolution' | 'treaty' | 'convention' | 'articles';

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
}

export interface Instrument {
  id: string;
  type: InstrumentType;
  title: string;
  shortTitle: string;
  aliases?: string[];
  symbol?: string | null;
  /** ISO date adopted or signed. */
  date: string;
  dateKind: string;
  url?: string | null;
  status: string;
  vote?: string | null;
  entryIntoForce?: string | null;
  structure: {
    unit: 'article' | 'paragraph';
    count: number | null;
    subparagraphs?: Record<string, string[]>;
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

export class Corpus {
  readonly instruments: readonly Instrument[];
  readonly officials: readonly Official[];
  private readonly instrumentsById = new Map<string, Instrument>();
  private readonly resolutionsByNumber = new Map<number, Instrument>();
  private readonly instrumentsByAlias = new Map<string, Instrument[]>();
  private readonly provisionsById = new Map<string, { instrument: Instrument; provision: Provision }>();
  private readonly officialsById = new Map<string, Official>();
  private readonly officialsByName = new Map<string, Official[]>();

  constructor(instruments: readonly Instrument[], officials: readonly Official[] = []) {
    this.instruments = instruments;
    this.officials = officials;
    for (const instrument of instruments) {
      this.instrumentsById.set(instrument.id, instrument);
      const resolutionNumber = /^unscr-(\d+)$/.exec(instrument.id)?.[1];
      if (instrument.type === 'resolution' && resolutionNumber) this.resolutionsByNumber.set(Number(resolutionNumber), instrument);
      for (const name of [instrument.title, instrument.shortTitle, instrument.symbol, ...(instrument.aliases ?? [])]) {
        if (name) addToIndex(this.instrumentsByAlias, normalizeName(name), instrument);
      }
      for (const provision of instrument.provisions) this.provisionsById.set(provision.id, { instrument, provision });
    }
    for (const official of officials) {
      this.officialsById.set(official.id, official);
      for (const name of [official.name, ...(official.variants ?? []), ...Object.values(official.native ?? {})]) {
        addToIndex(this.officialsByName, normalizeName(name), official);
      }
    }
  }

  instrument(id: string): Instrument | undefined {
    return this.instrumentsById.get(id);
  }

  resolution(number: number): Instrument | undefined {
    return this.resolutionsByNumber.get(number);
  }

  /** Instruments known by a title, short title, symbol or alias (case-insensitive). */
  instrumentsNamed(name: string): readonly Instrument[] {
    return this.instrumentsByAlias.get(normalizeName(name)) ?? [];
  }

  provision(id: string): { instrument: Instrument; provision: Provision } | undefined {
    return this.provisionsById.get(id);
  }

  official(id: string): Official | undefined {
    return this.officialsById.get(id);
  }

  /** Officials known by a name, spelling variant or native-script name (case-insensitive). */
  officialsNamed(name: string): readonly Official[] {
    return this.officialsByName.get(normalizeName(name)) ?? [];
  }
}

function addToIndex<T>(index: Map<string, T[]>, key: string, value: T): void {
  const existing = index.get(key);
  if (!existing) index.set(key, [value]);
  else if (!existing.includes(value)) existing.push(value);
}

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
  return { corpus: new Corpus(instruments, officials), problems };
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
