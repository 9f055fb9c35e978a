import type { CslItem } from '@citation-js/core';
import { knownDate, type Instrument } from './corpus';
import * as path from 'node:path';
import { SourceDocument } from './document';
import { readFrontMatter } from './markdown';
import type { FileEdit } from './types';
import type { DraftText } from './text';

/**
 * A Pandoc bibliography (front matter `bibliography:`), read from its text: CSL-JSON (`.json`)
 * or BibTeX/BibLaTeX (`.bib`, `.bibtex`), parsed and written with citation-js. Nothing here
 * reads files: the server and the CLI read the file and pass its text in. Problems are
 * reported as values; nothing throws.
 */
export type BibliographyFormat = 'csl-json' | 'bibtex';

export interface BibliographyEntry {
  key: string;
  title: string | null;
  /** CSL `number`: for resolutions and treaties, their symbol. */
  number: string | null;
  url: string | null;
  type: string | null;
}

export interface Bibliography {
  /** The file as the caller named it (an absolute path for the server and the CLI). */
  file: string;
  /** Null for an extension Lexicite does not read (then `problems` says so). */
  format: BibliographyFormat | null;
  text: string;
  entries: BibliographyEntry[];
  problems: string[];
}

export interface BibliographyInput {
  file: string;
  text: string;
}

export function bibliographyFormat(file: string): BibliographyFormat | null {
  if (/\.json$/i.test(file)) return 'csl-json';
  if (/\.bib(?:tex)?$/i.test(file)) return 'bibtex';
  return null;
}

type CitationJs = typeof import('@citation-js/core');

let citationJs: CitationJs | null = null;
/**
 * citation-js with its BibTeX plugin, loaded when a draft first has a bibliography: loading it
 * took about 40 ms of every server and CLI start, and most drafts have none. (The bundles keep
 * it: esbuild runs a required module's code only when it is first required.)
 */
function citation(): CitationJs {
  if (!citationJs) {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    citationJs = require('@citation-js/core') as CitationJs;
    require('@citation-js/plugin-bibtex');
  }
  return citationJs;
}

/** citation-js keeps every log message in memory even when silent; the server runs for hours. */
function clearLog(): void {
  citation().logger._log.length = 0;
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

function toEntry(item: CslItem): BibliographyEntry | null {
  const key = String(item['citation-key'] ?? item.id ?? '');
  if (!key) return null;
  const text = (value: unknown): string | null => (typeof value === 'string' && value.length > 0 ? value : typeof value === 'number' ? String(value) : null);
  return { key, title: text(item.title), number: text(item.number), url: text(item.URL), type: text(item.type) };
}

export function parseBibliography({ file, text }: BibliographyInput): Bibliography {
  const format = bibliographyFormat(file);
  const result: Bibliography = { file, format, text, entries: [], problems: [] };
  if (!format) {
    result.problems.push(`${file}: not a CSL-JSON (.json) or BibTeX (.bib) bibliography`);
    return result;
  }
  if (text.trim().length === 0) return result;
  let items: CslItem[];
  try {
    if (format === 'csl-json') {
      let parsed: unknown;
      try {
        parsed = JSON.parse(text);
      } catch (error) {
        result.problems.push(`${file}: not valid JSON: ${describe(error)}`);
        return result;
      }
      if (!Array.isArray(parsed)) {
        result.problems.push(`${file}: a CSL-JSON bibliography must be an array of items`);
        return result;
      }
      items = parsed.length === 0 ? [] : new (citation().Cite)(parsed, { forceType: '@csl/list+object' }).data;
    } else {
      items = new (citation().Cite)(text, { forceType: '@biblatex/text' }).data;
      if (items.length === 0 && /@\s*\w+\s*[{(]/.test(text)) result.problems.push(`${file}: no BibTeX entry could be read`);
    }
  } catch (error) {
    result.problems.push(`${file}: cannot be read as ${format === 'csl-json' ? 'CSL-JSON' : 'BibTeX'}: ${describe(error)}`);
    return result;
  } finally {
    clearLog();
  }
  for (const item of items) {
    const entry = toEntry(item);
    if (entry) result.entries.push(entry);
  }
  return result;
}

const normalize = (value: string): string => value.replace(/[{}]/g, '').replace(/\s+/g, ' ').trim().toLowerCase();
const normalizeUrl = (value: string): string => normalize(value).replace(/^https?:\/\//, '').replace(/\/+$/, '');

/** The entry for an instrument: same title (or short title), symbol or URL, case-insensitive. */
export function findEntry(bibliography: Bibliography, instrument: Instrument): BibliographyEntry | null {
  const titles = new Set([instrument.title, instrument.shortTitle].map(normalize));
  const symbol = instrument.symbol ? normalize(instrument.symbol) : null;
  const url = instrument.url ? normalizeUrl(instrument.url) : null;
  return (
    bibliography.entries.find(
      (entry) =>
        (entry.title !== null && titles.has(normalize(entry.title))) ||
        (symbol !== null && entry.number !== null && normalize(entry.number) === symbol) ||
        (url !== null && entry.url !== null && normalizeUrl(entry.url) === url),
    ) ?? null
  );
}

/** A key for an instrument: its id without punctuation (`unscr1718`, `arsiwa`, `rusdprk2024`), unique in the bibliography. */
export function newKey(bibliography: Bibliography, instrument: Instrument): string {
  const taken = new Set(bibliography.entries.map((entry) => entry.key.toLowerCase()));
  const base = instrument.id.toLowerCase().replace(/[^a-z0-9]/g, '') || 'ref';
  if (!taken.has(base)) return base;
  for (let index = 0; ; index++) {
    let suffix = '';
    for (let n = index; ; n = Math.floor(n / 26) - 1) {
      suffix = String.fromCharCode(97 + (n % 26)) + suffix;
      if (n < 26) break;
    }
    if (!taken.has(base + suffix)) return base + suffix;
  }
}

/** The CSL item for an instrument, from the data's title, symbol, date, URL and type only. */
export function cslItem(instrument: Instrument, key: string): CslItem {
  const item: CslItem = { id: key, 'citation-key': key };
  switch (instrument.type) {
    case 'resolution':
      item.type = 'legislation';
      item.authority = 'UN Security Council';
      break;
    case 'treaty':
    case 'convention':
      item.type = 'treaty';
      break;
    case 'articles':
      item.type = 'document';
      break;
  }
  item.title = instrument.title;
  // ARSIWA's "symbol" describes where the text is published; it is not a number.
  if (instrument.symbol && instrument.type !== 'articles') item.number = instrument.symbol;
  const date = /^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?/.exec(knownDate(instrument) ?? '');
  if (date) item.issued = { 'date-parts': [date.slice(1).filter((part): part is string => part !== undefined).map(Number)] };
  if (instrument.url) item.URL = instrument.url;
  return item;
}

/** The edit that adds an entry for `instrument` under `key`, in the file's own format; null when the file cannot take one. */
export function addEntryEdit(bibliography: Bibliography, instrument: Instrument, key: string): FileEdit | null {
  if (!bibliography.format || bibliography.problems.length > 0) return null;
  const text = bibliography.text;
  const document = new SourceDocument(text);
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  const edit = (offset: number, newText: string): FileEdit => {
    const position = document.positionAt(offset);
    return { file: bibliography.file, start: position, end: position, newText };
  };
  try {
    const cite = new (citation().Cite)(cslItem(instrument, key));
    if (bibliography.format === 'bibtex') {
      // BibLaTeX, which Pandoc reads from .bib files: it keeps the type (@legislation) and the number.
      const entry = cite.format('biblatex').trim().replace(/\r?\n/g, eol);
      const separator = text.length === 0 ? '' : text.endsWith('\n') ? (/\n[ \t]*\r?\n$/.test(text) || text.trim().length === 0 ? '' : eol) : `${eol}${eol}`;
      return edit(text.length, `${separator}${entry}${eol}`);
    }
    const [item] = cite.get({ format: 'real', type: 'json', style: 'csl' });
    if (!item) return null;
    const close = text.lastIndexOf(']');
    const open = text.indexOf('[');
    if (close < 0 || open < 0 || open > close) return null;
    const indent = /\n([ \t]+)[{"]/.exec(text)?.[1] ?? '  ';
    const body = JSON.stringify(item, null, indent).split('\n').map((line) => indent + line).join(eol);
    const inside = text.slice(open + 1, close);
    if (inside.trim().length === 0) return { ...edit(open + 1, `${eol}${body}${eol}`), end: document.positionAt(close) };
    let last = close - 1;
    while (last > open && /\s/.test(text[last] as string)) last--;
    return edit(last + 1, `,${eol}${body}`);
  } catch {
    return null;
  } finally {
    clearLog();
  }
}

/** What citing an instrument takes: its key, and the edit adding its entry when the bibliography lacks one. */
export function citationKeyFor(bibliography: Bibliography, instrument: Instrument): { key: string; edit: FileEdit | null } | null {
  const existing = findEntry(bibliography, instrument);
  if (existing) return { key: existing.key, edit: null };
  const key = newKey(bibliography, instrument);
  const edit = addEntryEdit(bibliography, instrument, key);
  return edit ? { key, edit } : null;
}

/** The bibliography file a draft's front matter names (the first of a list), resolved against the draft's folder, or null. */
export function namedBibliography(draftFile: string, text: DraftText): string | null {
  const [named] = readFrontMatter(text).bibliography;
  return named ? path.resolve(path.dirname(draftFile), named) : null;
}
