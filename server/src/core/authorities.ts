import type { DocumentAnalysis } from './analyze';
import { instrumentDateText, knownDate, type Corpus, type Instrument, type InstrumentType, type Official } from './corpus';
import { escapeMarkdown } from './markdown-escape';
import { formatDate } from './dates';
import { compareProvisionIds, labelFromId, provisionLabel } from './provision-labels';
import type { Reference } from './types';

/**
 * A table of authorities for a draft, as legal briefs carry: every instrument cited (directly
 * or through its provisions) grouped by type, its cited provisions in numerical order, and for
 * each the sections of the draft (the nearest heading before the reference) where it is cited,
 * with 1-based line numbers. Officials named come last but one; references that could not be
 * resolved to one instrument come last, with their candidates. Markdown; every text taken from
 * data or from the draft is escaped.
 */
export interface TableOfAuthoritiesOptions {
  /** The table's heading; default "Table of authorities". */
  title?: string;
}

const GROUPS: ReadonlyArray<{ type: InstrumentType; heading: string }> = [
  { type: 'resolution', heading: 'Security Council resolutions' },
  { type: 'treaty', heading: 'Treaties' },
  { type: 'convention', heading: 'Conventions' },
  { type: 'articles', heading: 'ILC articles' },
  { type: 'charter', heading: 'The Charter of the United Nations' },
];

const BEFORE_FIRST_HEADING = '(before the first heading)';

/** Where references were cited: sections in document order, each with its lines. */
class Citations {
  private readonly sections = new Map<number, { name: string; lines: number[] }>();
  add(section: { index: number; name: string }, line: number): void {
    const entry = this.sections.get(section.index) ?? { name: section.name, lines: [] };
    if (!entry.lines.includes(line)) entry.lines.push(line);
    this.sections.set(section.index, entry);
  }
  get empty(): boolean {
    return this.sections.size === 0;
  }
  format(): string {
    return [...this.sections.entries()]
      .sort((a, b) => a[0] - b[0])
      .map(([, { name, lines }]) => {
        const sorted = [...lines].sort((a, b) => a - b);
        return `${name} (${sorted.length === 1 ? 'line' : 'lines'} ${sorted.join(', ')})`;
      })
      .join('; ');
  }
}

interface ProvisionEntry {
  id: string;
  label: string;
  unknown: boolean;
  citations: Citations;
}

interface InstrumentEntry {
  instrument: Instrument;
  direct: Citations;
  provisions: Map<string, ProvisionEntry>;
}

export function tableOfAuthorities(analysis: DocumentAnalysis, corpus: Corpus, options: TableOfAuthoritiesOptions = {}): string {
  const headings = [...analysis.headings].sort((a, b) => a.start - b.start);
  const sectionOf = (offset: number): { index: number; name: string } => {
    let found = -1;
    for (let i = 0; i < headings.length && (headings[i] as { start: number }).start <= offset; i++) found = i;
    if (found < 0) return { index: -1, name: BEFORE_FIRST_HEADING };
    const text = (headings[found] as { text: string }).text.replace(/\s+/g, ' ').trim();
    return { index: found, name: text.length > 0 ? escapeMarkdown(text) : '(untitled heading)' };
  };

  const instruments = new Map<string, InstrumentEntry>();
  const officials = new Map<string, { official: Official; citations: Citations }>();
  const unresolved: Reference[] = [];
  // Instruments outside the corpus, by slug: the name first written, where each is cited, its articles.
  const outside = new Map<string, { name: string; direct: Citations; articles: Map<string, Citations> }>();
  const instrumentEntry = (instrument: Instrument): InstrumentEntry => {
    let entry = instruments.get(instrument.id);
    if (!entry) {
      entry = { instrument, direct: new Citations(), provisions: new Map() };
      instruments.set(instrument.id, entry);
    }
    return entry;
  };

  for (const reference of analysis.references) {
    const section = sectionOf(reference.start);
    const line = reference.range.start.line + 1;
    if (reference.resolvedBy === 'ambiguous') {
      unresolved.push(reference);
      continue;
    }
    if (reference.kind === 'external') {
      const slug = reference.instrumentId ?? reference.id;
      const entry = outside.get(slug) ?? { name: reference.name ?? reference.text, direct: new Citations(), articles: new Map<string, Citations>() };
      outside.set(slug, entry);
      const article = /\/art-(\d+)$/.exec(reference.id)?.[1];
      if (article) {
        const citations = entry.articles.get(article) ?? new Citations();
        citations.add(section, line);
        entry.articles.set(article, citations);
      } else entry.direct.add(section, line);
      continue;
    }
    if (reference.kind === 'official') {
      const official = corpus.official(reference.id);
      if (!official) continue;
      const entry = officials.get(official.id) ?? { official, citations: new Citations() };
      entry.citations.add(section, line);
      officials.set(official.id, entry);
      continue;
    }
    const instrumentId = reference.kind === 'instrument' ? reference.id : reference.instrumentId;
    const instrument = instrumentId ? corpus.instrument(instrumentId) : undefined;
    if (!instrument) {
      unresolved.push(reference);
      continue;
    }
    const entry = instrumentEntry(instrument);
    if (reference.kind === 'instrument') {
      entry.direct.add(section, line);
      continue;
    }
    let provision = entry.provisions.get(reference.id);
    if (!provision) {
      const held = corpus.provision(reference.id)?.provision;
      provision = {
        id: reference.id,
        label: held ? provisionLabel(held) : labelFromId(reference.id),
        unknown: reference.resolvedBy === 'unknown',
        citations: new Citations(),
      };
      entry.provisions.set(reference.id, provision);
    }
    provision.citations.add(section, line);
  }

  const out: string[] = [`# ${escapeMarkdown(options.title ?? 'Table of authorities')}`, ''];
  if (instruments.size === 0 && officials.size === 0 && unresolved.length === 0 && outside.size === 0) {
    out.push('No authorities are cited.');
    return `${out.join('\n')}\n`;
  }
  const known = new Set(GROUPS.map((group) => group.type));
  const groups = [...GROUPS];
  for (const entry of instruments.values()) {
    if (!known.has(entry.instrument.type)) {
      known.add(entry.instrument.type);
      groups.push({ type: entry.instrument.type, heading: `Other instruments (${entry.instrument.type})` });
    }
  }
  for (const group of groups) {
    const members = [...instruments.values()].filter((entry) => entry.instrument.type === group.type).sort((a, b) => compareInstruments(a.instrument, b.instrument));
    if (members.length === 0) continue;
    out.push(`## ${group.heading}`, '');
    for (const entry of members) {
      out.push(`### ${instrumentHeading(entry.instrument)}`, '');
      if (!entry.direct.empty) out.push(`Cited in: ${entry.direct.format()}`, '');
      const provisions = [...entry.provisions.values()].sort((a, b) => compareProvisionIds(a.id, b.id));
      for (const provision of provisions) {
        out.push(`- ${escapeMarkdown(provision.label)}${provision.unknown ? ' (no such provision)' : ''}: ${provision.citations.format()}`);
      }
      if (provisions.length > 0) out.push('');
    }
  }
  if (outside.size > 0) {
    out.push('## Instruments outside the corpus', '', 'Lexicite holds no text or record of these: complete their citations from the official documents.', '');
    for (const entry of [...outside.values()].sort((a, b) => a.name.localeCompare(b.name, 'en'))) {
      out.push(`### ${escapeMarkdown(entry.name.replace(/\s+/g, ' '))}`, '');
      if (!entry.direct.empty) out.push(`Cited in: ${entry.direct.format()}`, '');
      const articles = [...entry.articles.entries()].sort((a, b) => Number(a[0]) - Number(b[0]));
      for (const [article, citations] of articles) out.push(`- Article ${article}: ${citations.format()}`);
      if (articles.length > 0) out.push('');
    }
  }
  if (officials.size > 0) {
    out.push('## Officials named', '');
    const sorted = [...officials.values()].sort((a, b) => a.official.name.localeCompare(b.official.name, 'en') || a.official.id.localeCompare(b.official.id));
    for (const { official, citations } of sorted) {
      out.push(`- ${escapeMarkdown(official.name)} (${escapeMarkdown(official.country)}): ${citations.format()}`);
    }
    out.push('');
  }
  if (unresolved.length > 0) {
    out.push('## Unresolved references', '');
    for (const reference of unresolved) {
      const section = sectionOf(reference.start);
      const candidates = (reference.candidates ?? []).map((id) => candidateName(id, corpus));
      const could = candidates.length > 0 ? `could be ${candidates.join('; ')}` : 'no instrument is named in it or before it';
      out.push(`- "${escapeMarkdown(reference.text.replace(/\s+/g, ' '))}" in ${section.name}, line ${reference.range.start.line + 1}: ${could}`);
    }
    out.push('');
  }
  while (out[out.length - 1] === '') out.pop();
  return `${out.join('\n')}\n`;
}

function instrumentHeading(instrument: Instrument): string {
  const parts = [escapeMarkdown(instrument.title)];
  if (instrument.symbol && !instrument.title.includes(instrument.symbol)) parts.push(escapeMarkdown(instrument.symbol));
  const dateKind = instrument.dateKind.replace(/-/g, ' ');
  parts.push(`${escapeMarkdown(dateKind)} ${escapeMarkdown(instrumentDateText(instrument))}`);
  return parts.join(', ');
}

function resolutionNumber(instrument: Instrument): number | null {
  const match = /^unscr-(\d+)$/.exec(instrument.id);
  return match ? Number(match[1]) : null;
}

function compareInstruments(a: Instrument, b: Instrument): number {
  if (a.type === 'resolution' && b.type === 'resolution') {
    const na = resolutionNumber(a);
    const nb = resolutionNumber(b);
    if (na !== null && nb !== null && na !== nb) return na - nb;
    if (na !== null && nb === null) return -1;
    if (na === null && nb !== null) return 1;
  }
  return (knownDate(a) ?? '9999').localeCompare(knownDate(b) ?? '9999') || a.title.localeCompare(b.title, 'en') || a.id.localeCompare(b.id);
}

function candidateName(id: string, corpus: Corpus): string {
  const slash = id.indexOf('/');
  const instrument = corpus.instrument(slash >= 0 ? id.slice(0, slash) : id);
  if (!instrument) return escapeMarkdown(id);
  if (slash < 0) return escapeMarkdown(instrument.shortTitle);
  const held = corpus.provision(id)?.provision;
  return `${escapeMarkdown(held ? provisionLabel(held) : labelFromId(id))} of ${escapeMarkdown(instrument.shortTitle)}`;
}
