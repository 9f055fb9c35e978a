import type { DataProblem } from './corpus';

/**
 * Instruments outside the corpus that writers often cite (data/external-instruments.json): a
 * stable slug, the kind of instrument (treaty, convention, covenant, …) and the names and
 * abbreviations writers use. Lexicite holds no text of them; a reference to one is an
 * external reference whose id is the slug. A name that is not listed still makes an external
 * reference, with a slug built from the name (see `slugOf`).
 */
export interface ExternalInstrument {
  slug: string;
  /** "treaty", "convention", "covenant", "charter", "statute", "protocol", "agreement", "declaration", … */
  kind: string;
  names: string[];
  abbreviations: string[];
}

/** A slug built from a name as written: lower case, a leading "the" dropped, runs of other characters made one "-". */
export function slugOf(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/^the\s+/u, '')
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '');
}

/** The kind of instrument a name is built on: its head word ("International Covenant on …" → "covenant"). */
export function kindOfName(name: string): string | null {
  const words = name.toLowerCase().match(/\p{L}+/gu) ?? [];
  const heads = ['convention', 'conventions', 'covenant', 'treaty', 'charter', 'protocol', 'statute', 'agreement', 'agreements', 'declaration', 'pact', 'accord', 'accords', 'act', 'memorandum', 'arrangement'];
  for (const word of words) {
    if (heads.includes(word)) return word.replace(/s$/, '').replace(/^accord$/, 'agreement');
  }
  return null;
}

export function readExternalInstruments(value: unknown, file: string, problems: DataProblem[]): ExternalInstrument[] {
  const list = (value as { instruments?: unknown } | null)?.instruments;
  if (!Array.isArray(list)) {
    problems.push({ file, jsonPath: '$.instruments', message: 'must be a list of instruments', severity: 'error' });
    return [];
  }
  const result: ExternalInstrument[] = [];
  list.forEach((entry: unknown, index) => {
    const record = entry as Partial<ExternalInstrument> | null;
    const strings = (items: unknown): items is string[] => Array.isArray(items) && items.every((item) => typeof item === 'string' && item.length > 0);
    if (!record || typeof record.slug !== 'string' || !/^[a-z0-9][a-z0-9-]*$/.test(record.slug) || typeof record.kind !== 'string' || !strings(record.names) || !strings(record.abbreviations)) {
      problems.push({ file, jsonPath: `$.instruments[${index}]`, message: 'must have a slug (lower-case letters, digits and "-"), a kind, and lists of names and abbreviations', severity: 'error' });
      return;
    }
    result.push({ slug: record.slug, kind: record.kind, names: record.names, abbreviations: record.abbreviations });
  });
  return result;
}
