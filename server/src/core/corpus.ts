import * as fs from 'node:fs';
import * as path from 'node:path';

/**
 * The corpus: instruments (with their provisions) and officials, as loaded from data/.
 * The data model is documented in data/README.md and data/schema/.
 */

export type InstrumentType = 'resolution' | 'treaty' | 'convention' | 'articles';

export interface SourceRef {
  url: string;
  retrievedVia?: string | null;
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
}

export interface Provision {
  id: string;
  number: string;
  kind: string;
  title: string | null;
  text: Rendering | null;
  variants: Rendering[];
  summary: { text: string; author: string } | null;
}

export interface Instrument {
  id: string;
  type: InstrumentType;
  title: string;
  shortTitle: string;
  aliases: string[];
  symbol: string | null;
  /** ISO date adopted or signed. */
  date: string;
  dateKind: string;
  url: string | null;
  status: string;
  vote?: string | null;
  structure: { unit: 'article' | 'paragraph'; count: number | null; subparagraphs?: Record<string, string[]> };
  provisions: Provision[];
}

/** A problem with a data file: which file, where in it (a JSON path) and what is wrong. */
export interface DataProblem {
  file: string;
  jsonPath: string;
  message: string;
}

export class Corpus {
  private readonly instrumentsById = new Map<string, Instrument>();
  private readonly resolutionsByNumber = new Map<number, Instrument>();

  constructor(instruments: readonly Instrument[]) {
    for (const instrument of instruments) {
      this.instrumentsById.set(instrument.id, instrument);
      const resolutionNumber = /^unscr-(\d+)$/.exec(instrument.id)?.[1];
      if (instrument.type === 'resolution' && resolutionNumber) {
        this.resolutionsByNumber.set(Number(resolutionNumber), instrument);
      }
    }
  }

  get instruments(): Instrument[] {
    return [...this.instrumentsById.values()];
  }

  instrument(id: string): Instrument | undefined {
    return this.instrumentsById.get(id);
  }

  resolution(number: number): Instrument | undefined {
    return this.resolutionsByNumber.get(number);
  }
}

export interface LoadedCorpus {
  corpus: Corpus;
  problems: DataProblem[];
}

/**
 * Loads every `instruments/*.json` under a data directory. A broken file is reported
 * as a problem and skipped; it never stops the other files from loading.
 */
export function loadCorpus(dataDirectory: string): LoadedCorpus {
  const problems: DataProblem[] = [];
  const instruments: Instrument[] = [];
  const instrumentsDirectory = path.join(dataDirectory, 'instruments');
  let files: string[] = [];
  try {
    files = fs.readdirSync(instrumentsDirectory).filter((name) => name.endsWith('.json')).sort();
  } catch (error) {
    problems.push({ file: instrumentsDirectory, jsonPath: '$', message: `cannot read the data directory: ${describeError(error)}` });
  }
  for (const name of files) {
    const file = path.join(instrumentsDirectory, name);
    try {
      const value: unknown = JSON.parse(fs.readFileSync(file, 'utf8'));
      const problem = checkInstrumentShape(value);
      if (problem) {
        problems.push({ file, jsonPath: problem.jsonPath, message: problem.message });
        continue;
      }
      instruments.push(value as Instrument);
    } catch (error) {
      problems.push({ file, jsonPath: '$', message: describeError(error) });
    }
  }
  return { corpus: new Corpus(instruments), problems };
}

/** The minimal shape the core relies on; the full schema check lives in data/schema. */
function checkInstrumentShape(value: unknown): { jsonPath: string; message: string } | null {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return { jsonPath: '$', message: 'an instrument must be a JSON object' };
  }
  const record = value as Record<string, unknown>;
  for (const key of ['id', 'type', 'title', 'date'] as const) {
    if (typeof record[key] !== 'string') return { jsonPath: `$.${key}`, message: `"${key}" must be a string` };
  }
  if (!Array.isArray(record.provisions)) return { jsonPath: '$.provisions', message: '"provisions" must be an array' };
  return null;
}

function describeError(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
