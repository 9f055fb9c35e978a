import { instrumentDateText, type Corpus, type Instrument, type Official, type OfficialTitle, type Provision, type Rendering } from './corpus';
import { safeLinkTarget } from './markdown-escape';
import { formatDate } from './dates';
import { provisionLabel } from './provision-labels';
import type { Reference } from './types';

/**
 * Read-only Markdown documents the server serves for go-to-definition: "the whole instrument
 * as far as we have it" and an official's record. Everything in them comes from the corpus
 * (or a user's source pack) and is escaped so that it stays text even in a Markdown preview:
 * no link, image, HTML or code span can come from data. Our own links are added only for
 * http(s) URLs (safeLinkTarget), as autolinks.
 */
export interface VirtualDocument {
  /** `instrument/<id>.md` or `official/<id>.md`. */
  path: string;
  title: string;
  text: string;
  /** Provision id (or official id) → 0-based line of its heading. */
  anchors: Record<string, number>;
}

/**
 * A light escape for data text in these documents: keeps the text readable but inert.
 * `\ [ ] ` * _` are backslash-escaped and `& < >` become entities, so no link, image,
 * reference definition, autolink, code span, emphasis or HTML can come from data.
 */
export function escapeDocumentText(text: string): string {
  return text
    .replace(/[\\[\]`*_]/g, (char) => `\\${char}`)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;');
}

/** Data text for one line (a heading, a list item): line breaks and runs of spaces collapsed. */
function inline(text: string): string {
  return escapeDocumentText(text.replace(/\s+/g, ' ').trim());
}

/** A URL from data: an autolink when it is a safe http(s) URL, otherwise escaped text. */
function urlOrText(url: string): string {
  const target = safeLinkTarget(url);
  return target ? `<${target}>` : inline(url);
}

/** Fields of the data files that the loader keeps but the core's types do not name. */
interface InstrumentData extends Instrument {
  subject?: string | null;
  place?: string | null;
  meeting?: string | null;
  termination?: { date: string | null; note?: string | null; source?: string | null } | null;
  parties?: string[] | null;
  authenticLanguages?: string[] | null;
  complete?: boolean;
  notes?: string | null;
  source?: { where?: string | null; retrievedVia?: string | null; crossChecks?: Array<{ where: string; what?: string | null }> | null } | null;
  structure: Instrument['structure'] & { preambularCount?: number | null; countSource?: string | null };
}

interface ProvisionData extends Provision {
  titleSource?: string | null;
  context?: Record<string, string> | null;
}

interface OfficialData extends Official {
  nativeBirthName?: Record<string, string> | null;
  born?: string | null;
  bornCandidates?: string[] | null;
  died?: string | null;
}

interface OfficialTitleData extends OfficialTitle {
  endSource?: string | null;
  alsoSources?: string[] | null;
  attested?: Array<string | { date?: string | null; source?: string | null }> | null;
}

/** Lines of a document being written; anchors are the index of a line when it is added. */
class Lines {
  readonly lines: string[] = [];
  /** Adds text; embedded line breaks become separate lines. */
  push(...chunks: string[]): void {
    for (const chunk of chunks) this.lines.push(...chunk.split(/\r\n|\r|\n/));
  }
  /** Adds a blank line unless the last one is blank already. */
  blank(): void {
    if (this.lines.length > 0 && this.lines[this.lines.length - 1] !== '') this.lines.push('');
  }
  get next(): number {
    return this.lines.length;
  }
  text(): string {
    while (this.lines.length > 0 && this.lines[this.lines.length - 1] === '') this.lines.pop();
    return `${this.lines.join('\n')}\n`;
  }
}

/** Paragraphs of data text (notes), each escaped, separated by blank lines. */
function paragraphs(out: Lines, text: string, prefix = ''): void {
  const parts = text.split(/\r\n|\r|\n/).map((part) => part.trim()).filter((part) => part.length > 0);
  parts.forEach((part, index) => {
    if (index > 0) out.blank();
    out.push(`${index === 0 ? prefix : ''}${escapeDocumentText(part)}`);
  });
}

/** A verbatim text as a block quote: every line escaped and quoted, paragraphs kept apart. */
export function quoteLines(body: string): string[] {
  const lines: string[] = [];
  body.split(/\r\n|\r|\n/).forEach((line, index) => {
    if (index > 0) lines.push('>');
    lines.push(line.length > 0 ? `> ${escapeDocumentText(line)}` : '>');
  });
  return lines;
}

const DATE_KINDS: Record<string, string> = { adopted: 'Adopted', signed: 'Signed', 'opened-for-signature': 'Opened for signature' };
const TYPE_NAMES: Record<string, string> = { resolution: 'Security Council resolution', treaty: 'treaty', convention: 'convention', articles: 'articles (International Law Commission)' };

function renderingSourceLine(rendering: Rendering): string {
  const parts: string[] = [`Source: ${inline(rendering.label)}`];
  if (rendering.source.url) parts.push(urlOrText(rendering.source.url));
  else if (rendering.source.detail) parts.push(inline(rendering.source.detail));
  if (rendering.translation) parts.push(`translation: ${inline(rendering.translation)} (${inline(rendering.lang)})`);
  else parts.push(`language: ${inline(rendering.lang)}`);
  parts.push(rendering.publication === 'secondary' ? 'secondary copy, not the official publication' : 'official publication');
  if (rendering.partial) parts.push('extract: words of the provision are missing');
  if (rendering.truncated) parts.push('cut off: the copy stops mid-text');
  if (rendering.pack) parts.push(`from your source pack ${inline(rendering.pack)}`);
  return `— ${parts.join(' · ')}`;
}

function writeRendering(out: Lines, rendering: Rendering, caption: string | null): void {
  if (caption) {
    out.push(caption);
    out.blank();
  }
  out.push(...quoteLines(rendering.body));
  out.blank();
  out.push(renderingSourceLine(rendering));
  if (rendering.source.url && rendering.source.detail) {
    out.blank();
    out.push(`Source detail: ${inline(rendering.source.detail)}`);
  }
  if (rendering.note) {
    out.blank();
    paragraphs(out, rendering.note, 'Note on this copy: ');
  }
  out.blank();
}

function writeProvision(out: Lines, provision: ProvisionData): number {
  const line = out.next;
  out.push(`## ${inline(provisionLabel(provision))}${provision.title ? ` — ${inline(provision.title)}` : ''}`);
  out.blank();
  const context = provision.context ? Object.values(provision.context).filter((value) => typeof value === 'string' && value.length > 0) : [];
  if (context.length > 0) {
    out.push(`Under: ${context.map(inline).join(' · ')}`);
    out.blank();
  }
  if (provision.title && provision.titleSource) {
    out.push(`Title from: ${inline(provision.titleSource)}`);
    out.blank();
  }
  const variants = provision.variants ?? [];
  if (provision.text) {
    writeRendering(out, provision.text, variants.length > 0 ? 'Primary text:' : null);
    variants.forEach((variant, index) => writeRendering(out, variant, `Other rendering ${index + 1} of ${variants.length}:`));
  } else {
    out.push('No verbatim text of this provision is bundled.');
    out.blank();
    if (provision.summary) {
      paragraphs(out, provision.summary.text, 'Summary (ours, not the text): ');
      if (provision.summary.basis) {
        out.blank();
        out.push(`Basis of the summary: ${inline(provision.summary.basis)}`);
      }
      out.blank();
    }
  }
  if (provision.note) {
    paragraphs(out, provision.note, 'Note: ');
    out.blank();
  }
  return line;
}

function structureLine(instrument: InstrumentData): string {
  const unit = instrument.structure.unit === 'article' ? 'articles' : 'operative paragraphs';
  const count = instrument.structure.count === null ? `unknown (no source states the number of ${unit})` : `${instrument.structure.count} ${unit}`;
  return `- Structure: ${count}${instrument.structure.preambularCount ? `, ${instrument.structure.preambularCount} preambular paragraphs` : ''}`;
}

const documentCache = new WeakMap<Instrument, VirtualDocument>();

export function instrumentDocument(instrument: Instrument): VirtualDocument {
  const cached = documentCache.get(instrument);
  if (cached) return cached;
  const data = instrument as InstrumentData;
  const out = new Lines();
  const anchors: Record<string, number> = { [instrument.id]: 0 };
  out.push(`# ${inline(instrument.title)}`);
  out.blank();
  if (data.subject) {
    out.push(`Subject: ${inline(data.subject)}`);
    out.blank();
  }
  out.push(`- Kind: ${inline(TYPE_NAMES[instrument.type] ?? instrument.type)}`);
  if (instrument.symbol) out.push(`- Symbol: ${inline(instrument.symbol)}`);
  const dateKind = DATE_KINDS[instrument.dateKind] ?? instrument.dateKind;
  const where = [data.place, data.meeting].filter((value): value is string => typeof value === 'string' && value.length > 0);
  out.push(`- ${inline(dateKind)}: ${inline(instrumentDateText(instrument))}${where.length > 0 ? ` (${where.map(inline).join(', ')})` : ''}`);
  out.push(`- Status: ${inline(instrument.status.replace(/-/g, ' '))}`);
  if (instrument.type !== 'resolution' && instrument.type !== 'articles') {
    out.push(`- Entry into force: ${instrument.entryIntoForce ? inline(formatDate(instrument.entryIntoForce)) : 'not given by the sources'}`);
  }
  if (data.termination) {
    out.push(`- Termination: ${data.termination.date ? inline(formatDate(data.termination.date)) : 'date not established (see the note)'}`);
  }
  if (instrument.vote) out.push(`- Vote: ${inline(instrument.vote)}`);
  if (data.parties && data.parties.length > 0) out.push(`- Parties: ${data.parties.map(inline).join('; ')}`);
  if (data.authenticLanguages && data.authenticLanguages.length > 0) out.push(`- Authentic languages: ${data.authenticLanguages.map(inline).join(', ')}`);
  const official = safeLinkTarget(instrument.url);
  out.push(`- Official document: ${official ? `<${official}>` : 'no address recorded'}`);
  out.push(structureLine(data));
  if (data.structure.countSource) out.push(`- How we know the structure: ${inline(data.structure.countSource)}`);
  if (typeof data.complete === 'boolean') out.push(`- Whole text held: ${data.complete ? 'yes' : 'no'}`);
  if (instrument.pack) out.push(`- From your source pack ${inline(instrument.pack)}`);
  out.blank();
  if (data.termination?.note) {
    paragraphs(out, data.termination.note, 'Termination: ');
    if (data.termination.source) {
      out.blank();
      out.push(`Termination source: ${inline(data.termination.source)}`);
    }
    out.blank();
  }
  if (data.notes) {
    paragraphs(out, data.notes, 'Our notes: ');
    out.blank();
  }
  if (instrument.provisions.length === 0) {
    out.push('No provision of this instrument is bundled.');
    out.blank();
  }
  for (const provision of instrument.provisions) {
    anchors[provision.id] = writeProvision(out, provision as ProvisionData);
  }
  const source = data.source;
  if (source && (source.where || source.retrievedVia || (source.crossChecks ?? []).length > 0)) {
    out.push('## Sources');
    out.blank();
    if (source.where) out.push(`- Copied from: ${inline(source.where)}`);
    if (source.retrievedVia) out.push(`- Retrieved via: ${inline(source.retrievedVia)}`);
    for (const check of source.crossChecks ?? []) {
      out.push(`- Cross-checked against: ${inline(check.where)}${check.what ? ` — ${inline(check.what)}` : ''}`);
    }
    out.blank();
  }
  out.push(official ? `The official document: <${official}>` : 'No link to the official document is recorded; the notes above say where to find it.');
  const document: VirtualDocument = { path: instrumentPath(instrument.id), title: instrument.title, text: out.text(), anchors };
  documentCache.set(instrument, document);
  return document;
}

function period(title: OfficialTitle): string {
  const from = title.from ? formatDate(title.from) : 'start not found';
  const to = title.to ? formatDate(title.to) : 'present (as of the newest source read)';
  return `${from} – ${to}`;
}

function writeTitle(out: Lines, title: OfficialTitleData): void {
  out.push(`- ${inline(title.title)}${title.organization ? `, ${inline(title.organization)}` : ''} (${inline(period(title))})`);
  out.push(`  - Source: ${urlOrText(title.source)}`);
  if (title.endSource) out.push(`  - Source for the end: ${urlOrText(title.endSource)}`);
  for (const also of title.alsoSources ?? []) out.push(`  - Also: ${urlOrText(also)}`);
  if (title.variants && title.variants.length > 0) out.push(`  - Also rendered: ${title.variants.map(inline).join('; ')}`);
  if (title.kind) out.push(`  - Kind: ${inline(title.kind.replace(/-/g, ' '))}`);
  for (const sighting of title.attested ?? []) {
    if (typeof sighting === 'string') out.push(`  - Attested: ${inline(sighting)}`);
    else if (sighting && typeof sighting === 'object') {
      const parts = [sighting.date ? inline(formatDate(sighting.date)) : null, sighting.source ? urlOrText(sighting.source) : null].filter((part): part is string => part !== null);
      if (parts.length > 0) out.push(`  - Attested: ${parts.join(' · ')}`);
    }
  }
  if (title.note) out.push(`  - Note: ${inline(title.note)}`);
}

export function officialDocument(official: Official): VirtualDocument {
  const data = official as OfficialData;
  const out = new Lines();
  out.push(`# ${inline(official.name)}`);
  out.blank();
  const native = Object.entries(official.native ?? {});
  if (native.length > 0) out.push(`- Native names: ${native.map(([lang, name]) => `${inline(name)} (${inline(lang)})`).join('; ')}`);
  const birthName = Object.entries(data.nativeBirthName ?? {});
  if (birthName.length > 0) out.push(`- Birth name: ${birthName.map(([lang, name]) => `${inline(name)} (${inline(lang)})`).join('; ')}`);
  if (official.variants && official.variants.length > 0) out.push(`- Other spellings: ${official.variants.map(inline).join('; ')}`);
  out.push(`- Country: ${inline(official.country)}`);
  if (data.born) out.push(`- Born: ${inline(formatDate(data.born))}`);
  else if (data.bornCandidates && data.bornCandidates.length > 0) out.push(`- Born: disputed; the sources give ${data.bornCandidates.map((date) => inline(formatDate(date))).join(', ')}`);
  if (data.died) out.push(`- Died: ${inline(formatDate(data.died))}`);
  if (official.pack) out.push(`- From your source pack ${inline(official.pack)}`);
  out.blank();
  out.push('## Titles');
  out.blank();
  if (official.titles.length === 0) out.push('No title is recorded.');
  for (const title of official.titles) writeTitle(out, title as OfficialTitleData);
  out.blank();
  if (official.notes) {
    out.push('## Notes');
    out.blank();
    paragraphs(out, official.notes);
  }
  return { path: officialPath(official.id), title: official.name, text: out.text(), anchors: { [official.id]: 0 } };
}

export function instrumentPath(id: string): string {
  return `instrument/${id}.md`;
}

export function officialPath(id: string): string {
  return `official/${id}.md`;
}

/** The document at a path served by the server, or null when there is none. */
export function virtualDocumentAt(corpus: Corpus, path: string): VirtualDocument | null {
  const match = /^(instrument|official)\/([^/\\]+)\.md$/.exec(path.replace(/^\/+/, ''));
  if (!match) return null;
  const [, kind, id] = match as unknown as [string, string, string];
  if (kind === 'instrument') {
    const instrument = corpus.instrument(id);
    return instrument ? instrumentDocument(instrument) : null;
  }
  const official = corpus.official(id);
  return official ? officialDocument(official) : null;
}

/**
 * Where go-to-definition leads: an instrument to the top of its document; a provision to its
 * heading (a provision not held, or beyond the instrument, to the top of the instrument's
 * document); an official to the top of theirs. An ambiguous reference has no definition.
 */
export function definitionTarget(reference: Reference, corpus: Corpus): { path: string; line: number } | null {
  if (reference.resolvedBy === 'ambiguous') return null;
  if (reference.kind === 'official') {
    return corpus.official(reference.id) ? { path: officialPath(reference.id), line: 0 } : null;
  }
  const instrumentId = reference.kind === 'instrument' ? reference.id : reference.instrumentId;
  const instrument = instrumentId ? corpus.instrument(instrumentId) : undefined;
  if (!instrument) return null;
  if (reference.kind === 'instrument') return { path: instrumentPath(instrument.id), line: 0 };
  const document = instrumentDocument(instrument);
  return { path: document.path, line: document.anchors[reference.id] ?? 0 };
}
