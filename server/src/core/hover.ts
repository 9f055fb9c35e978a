import type { DocumentAnalysis } from './analyze';
import { documentUrlOf, instrumentUrlFor } from './document-urls';
import { instrumentDateText, type Corpus, type Instrument, type Official, type OfficialTitle, type Provision, type Rendering } from './corpus';
import { escapeMarkdown, markdownLink, safeLinkTarget } from './markdown-escape';
import { formatCitation, type CitationStyle } from './citations';
import { formatDate } from './dates';
import { compareProvisionIds, labelFromId, provisionLabel } from './provision-labels';
import { authenticNote, countByLanguage, orderedRenderings } from './renderings';
import { instrumentDocument, instrumentPath } from './virtual-documents';
import { namesOffice } from './official-titles';
import { foundQuotationAt, quotationHover } from './quotations/hover';
import type { Range, Reference } from './types';

export { titleMatches } from './official-titles';

export interface HoverInfo {
  /** The reference hovered, or null over a quotation (see quotations/hover.ts). */
  reference: Reference | null;
  /** What the hover is about, in the document. */
  range: Range;
  /** Markdown; everything taken from data or from a user's pack is escaped. */
  markdown: string;
}

export interface HoverOptions {
  /** The date the document speaks of (ISO), for officials' titles: front matter `date:`, else today. */
  asOf: string;
  /** The style of the citation offered for copying (default: un). */
  style?: CitationStyle;
  /** The languages a provision's text is shown in first, in order (`lexicite.hoverLanguages`; default English). */
  languages?: readonly string[];
}

/** The reference under a UTF-16 offset. Ranges give several references nested spans: the narrowest wins. */
export function referenceAt(analysis: Pick<DocumentAnalysis, 'references'>, offset: number): Reference | null {
  const references = analysis.references;
  const longest = longestSpan(references);
  // References are sorted by start: find the last that starts at or before the offset, then
  // look back only as far as the longest reference reaches.
  let low = 0;
  let high = references.length - 1;
  let last = -1;
  while (low <= high) {
    const mid = (low + high) >> 1;
    if ((references[mid] as Reference).start <= offset) {
      last = mid;
      low = mid + 1;
    } else high = mid - 1;
  }
  let reference: Reference | null = null;
  for (let index = last; index >= 0; index--) {
    const candidate = references[index] as Reference;
    if (candidate.start < offset - longest) break;
    if (candidate.start <= offset && offset < candidate.end && (!reference || candidate.end - candidate.start < reference.end - reference.start)) reference = candidate;
  }
  return reference;
}

const longestSpans = new WeakMap<readonly Reference[], number>();
function longestSpan(references: readonly Reference[]): number {
  let longest = longestSpans.get(references);
  if (longest === undefined) {
    longest = references.reduce((max, reference) => Math.max(max, reference.end - reference.start), 0);
    longestSpans.set(references, longest);
  }
  return longest;
}

/** The hover for the reference under a UTF-16 offset, if any. */
export function hoverAt(analysis: DocumentAnalysis, corpus: Corpus, offset: number, options: HoverOptions): HoverInfo | null {
  const reference = referenceAt(analysis, offset);
  if (!reference) {
    // A quotation found in the provision its sentence refers to says where.
    const quotation = foundQuotationAt(analysis.quotationsNear(offset), offset);
    return quotation ? { reference: null, range: analysis.document.rangeOf(quotation.start, quotation.end), markdown: quotationHover(quotation) } : null;
  }
  const markdown = hoverMarkdown(reference, analysis.references, corpus, options);
  return markdown ? { reference, range: reference.range, markdown } : null;
}

/** The provisions of an instrument that a draft cites, in their order in the instrument (worked out once per analysis). */
function citedProvisions(references: readonly Reference[], instrument: Instrument): string[] {
  let byInstrument = citedByInstrument.get(references);
  if (!byInstrument) {
    const ids = new Map<string, Set<string>>();
    for (const reference of references) {
      if (reference.kind !== 'provision' || !reference.instrumentId) continue;
      let set = ids.get(reference.instrumentId);
      if (!set) ids.set(reference.instrumentId, (set = new Set()));
      set.add(reference.id);
    }
    byInstrument = new Map([...ids].map(([id, set]) => [id, [...set].sort(compareProvisionIds).map(labelFromId)]));
    citedByInstrument.set(references, byInstrument);
  }
  return byInstrument.get(instrument.id) ?? [];
}
const citedByInstrument = new WeakMap<readonly Reference[], Map<string, string[]>>();

function hoverMarkdown(reference: Reference, references: readonly Reference[], corpus: Corpus, options: HoverOptions): string | null {
  if (reference.kind === 'official') {
    const official = corpus.official(reference.id);
    return official ? officialHover(official, reference, options.asOf) : null;
  }
  if (reference.kind === 'external') return externalHover(reference, corpus);
  if (reference.kind === 'instrument') {
    const instrument = corpus.instrument(reference.id);
    return instrument ? instrumentHover(instrument, citedProvisions(references, instrument), reference) : null;
  }
  if (reference.resolvedBy === 'ambiguous') return ambiguousHover(reference, corpus);
  const instrument = reference.instrumentId ? corpus.instrument(reference.instrumentId) : undefined;
  if (!instrument) return null;
  const provision = corpus.provision(reference.id)?.provision;
  if (provision?.kind === 'chapter') return chapterHover(instrument, provision, corpus);
  if (reference.resolvedBy === 'unknown' || !provision) return missingProvisionHover(instrument, reference);
  return provisionHover(instrument, provision, options.style ?? 'un', options.languages ?? ['en']);
}

export function instrumentHover(instrument: Instrument, cited: readonly string[] = [], reference: Reference | null = null): string {
  if (instrument.origin === 'beyond-index') return newerResolutionHover(instrument, reference);
  const lines: string[] = [`**${escapeMarkdown(instrument.title)}**`, ''];
  const facts: string[] = [];
  if (instrument.symbol) facts.push(escapeMarkdown(instrument.symbol));
  facts.push(`${escapeMarkdown(instrument.dateKind)} ${instrument.date ? '' : 'in '}${escapeMarkdown(instrumentDateText(instrument))}`);
  if (instrument.meeting) facts.push(`meeting ${escapeMarkdown(instrument.meeting)}`);
  if (instrument.vote) facts.push(`vote ${escapeMarkdown(instrument.vote)}`);
  if (instrument.status && instrument.status !== 'adopted' && instrument.status !== 'unknown') facts.push(escapeMarkdown(instrument.status.replace('-', ' ')));
  lines.push(facts.join(' · '));
  if (instrument.origin === 'index') {
    // The index's record: no text, and the topic is the Library's agenda item, not a title.
    if (instrument.topic) lines.push('', topicLine(instrument.topic));
    if (instrument.notes) lines.push('', `*${escapeMarkdown(instrument.notes)}*`);
  } else {
    const unit = instrument.structure.unit === 'article' ? 'articles' : 'operative paragraphs';
    lines.push('', instrument.structure.count === null ? `Number of ${unit}: not known from our sources.` : `${instrument.structure.count} ${unit}.`);
  }
  if (cited.length > 0) lines.push('', `Cited in this draft: ${cited.map(escapeMarkdown).join(', ')}.`);
  const link = markdownLink('Official document', instrument.url);
  if (link) lines.push('', link);
  return lines.join('\n');
}

/** A Security Council resolution above the bundled index: its number is all Lexicite knows. */
function newerResolutionHover(instrument: Instrument, reference: Reference | null): string {
  const lines = [`**${escapeMarkdown(instrument.title)}**`, '', `*${escapeMarkdown(instrument.notes ?? '')}*`];
  const link = markdownLink('Official document', instrumentUrlFor(instrument, reference));
  if (link) lines.push('', `${link} (address built from the year written in the draft, ${reference?.writtenYear ?? ''})`);
  else lines.push('', 'No year is written beside it, so no link to the official document can be built: write the year, e.g. "resolution N (YEAR)".');
  return lines.join('\n');
}

/** An instrument outside the corpus, or an article of one: what was recognized, that no text is held, and how to add it. */
function externalHover(reference: Reference, corpus: Corpus): string {
  const article = /\/art-(\d+)$/.exec(reference.id)?.[1];
  const name = reference.name ?? reference.text;
  const isResolution = /-res-/.test(reference.instrumentId ?? '');
  const heading = article ? `**Article ${article}** of ${escapeMarkdown(name)}` : `**${escapeMarkdown(name)}**`;
  const lines = [
    heading,
    '',
    isResolution
      ? 'A resolution of a body other than the Security Council. Lexicite holds no record or text of it.'
      : 'An instrument outside Lexicite\'s corpus: its text is not bundled, so Lexicite can neither show nor check its wording.',
  ];
  const link = markdownLink('Official document', documentUrlOf(reference, corpus));
  if (link) lines.push('', link);
  if (!isResolution) {
    lines.push(
      '',
      `To check quotations against it, import its official text as a source pack: [Import Official Text as Source Pack…](${importCommandLink({ id: (reference.instrumentId ?? '').replace(/[^a-z0-9-]/g, ''), title: (reference.name ?? reference.text).slice(0, 300) })}) (or \`lexicite import --id ${reference.instrumentId ?? 'ID'}\` on the command line); imported with the id \`${reference.instrumentId ?? ''}\`, its names here resolve to your pack.`,
    );
  }
  return lines.join('\n');
}

/**
 * The one command link a hover may carry: ours, never one taken from data (the client trusts only
 * this command). Its argument suggests the slug as the id and the name as written as the title.
 */
function importCommandLink(suggestion: { id: string; title: string; url?: string }): string {
  // Brackets and quotes are encoded too: a title's "(…)" would end the Markdown link.
  const argument = encodeURIComponent(JSON.stringify([suggestion])).replace(/[()'!*]/g, (character) => `%${character.charCodeAt(0).toString(16).toUpperCase()}`);
  return `command:lexicite.importOfficialText?${argument}`;
}

/** A chapter of the Charter: its title and the articles it contains. */
function chapterHover(instrument: Instrument, provision: Provision, corpus: Corpus): string {
  const members = (provision.members ?? []).map((id) => corpus.provision(id)?.provision).filter((member): member is Provision => member !== undefined);
  const first = members[0];
  const last = members[members.length - 1];
  const lines = [`**Chapter ${escapeMarkdown(provision.number)}${provision.title ? ` — ${escapeMarkdown(provision.title)}` : ''}**`, '', escapeMarkdown(instrument.title), ''];
  if (first && last) lines.push(first === last ? `Article ${escapeMarkdown(first.number)}.` : `Articles ${escapeMarkdown(first.number)} to ${escapeMarkdown(last.number)}: hover or go to one of them for its text.`);
  const official = markdownLink('Official document', instrument.url);
  lines.push('', official ?? '*No link to the official document is recorded.*');
  return lines.join('\n');
}

/** Parts that are neither articles nor paragraphs: "Part heading" in a treaty, the part's name in a resolution. */
function otherPartOf(instrument: Instrument): (number: string) => string {
  return (number) => (instrument.structure.unit === 'article' ? `Part ${number}` : number);
}

/** A Markdown block quote of a verbatim text: every line escaped and quoted. */
function quote(body: string): string {
  return body
    .split(/\r?\n/)
    .map((line) => `> ${escapeMarkdown(line)}`)
    .join('\n>\n');
}

function renderingSource(rendering: Rendering, instrument: Instrument): string {
  const parts: string[] = [];
  const where = markdownLink(rendering.label, rendering.source.url) ?? escapeMarkdown(rendering.label);
  parts.push(`Source: ${where}`);
  if (rendering.translation) parts.push(`translation: ${escapeMarkdown(rendering.translation)} (${escapeMarkdown(rendering.lang)})`);
  else if (rendering.lang !== 'en') parts.push(`language: ${escapeMarkdown(rendering.lang)}`);
  if (rendering.pack) parts.push(`from your source pack ${escapeMarkdown(rendering.pack)}`);
  if (rendering.publication === 'secondary') {
    const official = markdownLink('the official document', instrument.url);
    parts.push(`a secondary copy, not the official publication${official ? `: check ${official}` : ''}`);
  } else {
    parts.push('official text');
  }
  if (rendering.partial) parts.push('extract: words of the provision are missing');
  if (rendering.truncated) parts.push('cut off: the copy stops mid-text');
  const caveats = renderingCaveats(rendering.note);
  return `*${parts.join(' · ')}*${caveats.length > 0 ? `\n\n${caveats.map((caveat) => `*${escapeMarkdown(caveat)}*`).join('\n\n')}` : ''}`;
}

/**
 * The caveats a reader must see beside a text, from the standard sentences the corpus build
 * writes into a rendering's note: the copies disagree, one copy only, an amended article.
 */
export function renderingCaveats(note: string | null | undefined): string[] {
  if (!note) return [];
  const caveats: string[] = [];
  const disagree = /THE SOURCES DISAGREE ([^.]*)\./u.exec(note);
  if (disagree) caveats.push(`Caution: the sources disagree ${disagree[1]}; compare the other rendering, and check the official text before quoting.`);
  for (const sentence of note.match(/(?:Single source|Amended article):[^.]*\./gu) ?? []) caveats.push(sentence);
  return caveats;
}

/** An index resolution's topic, labelled as the Library's agenda item (a resolution has no title). */
function topicLine(topic: string): string {
  return `Topic, as the Dag Hammarskjöld Library lists the meeting (not a title): ${escapeMarkdown(topic)}`;
}

const NO_OFFICIAL_LINK = '*No link to the official document is recorded: the instrument\'s notes say where it was published.*';

/** How a writer adds a text Lexicite lacks. */
/** How to add a provision's missing text: the import command (the built-in instrument gets the provisions read from the text), or a pack by hand. */
function missingTextAdvice(instrument: Instrument): string {
  const url = safeLinkTarget(instrument.url);
  const link = importCommandLink({ id: instrument.id, title: instrument.title.slice(0, 300), ...(url ? { url } : {}) });
  return `To show and check its text here: [Import the official text of ${escapeMarkdown(instrument.shortTitle)}…](${link}) from a plain-text copy (or \`lexicite import --id ${instrument.id} FILE\`); the provisions it reads are added to the built-in instrument in a source pack. A pack may also give any provision its text by hand (the README section "Source packs").`;
}

/** A quoted text longer than this is cut at a word, with a link to the whole provision. */
const MAX_QUOTE = 900;

/**
 * A provision as an analyst reads it at a glance: its label and title, the one rendering that
 * leads (see renderings.ts: the first preferred language, the most authoritative copy), its
 * source and caveats, whether it is a translation and of what, a line counting the other
 * renderings by language with a link to the full provision, the official link and a citation.
 */
export function provisionHover(instrument: Instrument, provision: Provision, style: CitationStyle = 'un', languages: readonly string[] = ['en']): string {
  const heading = `**${escapeMarkdown(provisionLabel(provision, otherPartOf(instrument)))}${provision.title ? ` — ${escapeMarkdown(provision.title)}` : ''}**`;
  const lines: string[] = [heading, '', escapeMarkdown(instrument.title), ''];
  const full = fullProvisionLink(instrument, provision);
  const [lead, ...others] = orderedRenderings(provision, languages);
  if (lead) {
    const cut = cutAtWord(lead.body, MAX_QUOTE);
    lines.push(quote(cut), '');
    if (cut.length < lead.body.length) lines.push(`*The text goes on: [read the whole provision](${full}).*`, '');
    lines.push(renderingSource(lead, instrument));
    const translated = authenticNote(lead, instrument, provision);
    if (translated) lines.push('', `*${escapeMarkdown(translated)}*`);
    if (others.length > 0) lines.push('', `Also ${others.length} other rendering${others.length === 1 ? '' : 's'}: ${escapeMarkdown(countByLanguage(others))}. [Every rendering](${full})`);
  } else {
    lines.push('*No verbatim text of this provision is bundled.*');
    if (provision.summary) lines.push('', `Summary (ours, not the text): ${escapeMarkdown(provision.summary.text)}`);
    lines.push('', missingTextAdvice(instrument));
  }
  const official = markdownLink('Official document', instrument.url);
  lines.push('', official ?? NO_OFFICIAL_LINK);
  lines.push('', `Cite (${style.toUpperCase()}): \`${formatCitation(instrument, provision, style).replace(/`/g, "'")}\``);
  return lines.join('\n');
}

/** The read-only instrument document at the provision: every rendering, each labelled (served by the server, see virtual-documents.ts). */
function fullProvisionLink(instrument: Instrument, provision: Provision): string {
  const line = instrumentDocument(instrument).anchors[provision.id];
  return `lexicite:/${instrumentPath(instrument.id)}${line === undefined ? '' : `#L${line + 1}`}`;
}

/** The text up to about `max` characters, cut after a word, with an ellipsis. */
function cutAtWord(body: string, max: number): string {
  if (body.length <= max) return body;
  const space = body.lastIndexOf(' ', max);
  return `${body.slice(0, space > max / 2 ? space : max).trimEnd()} …`;
}

function missingProvisionHover(instrument: Instrument, reference: Reference): string {
  const count = instrument.structure.count;
  const unit = instrument.structure.unit === 'article' ? 'articles' : 'operative paragraphs';
  // Titled as writers say it ("Article 20"), whatever span was hovered ("20" in a list).
  const lines = [`**${escapeMarkdown(labelFromId(reference.id))}**`, '', escapeMarkdown(instrument.title), ''];
  if (reference.resolvedBy === 'unknown' && count !== null) lines.push(`${escapeMarkdown(instrument.shortTitle)} has ${count} ${unit}; this one does not exist.`);
  else {
    lines.push('*No verbatim text of this provision is bundled.*');
    // What is known of the instrument, where its official text is, and how to add it.
    if (instrument.subject) lines.push('', `Subject: ${escapeMarkdown(instrument.subject)}`);
    if (instrument.topic) lines.push('', topicLine(instrument.topic));
    lines.push('', missingTextAdvice(instrument));
  }
  const official = markdownLink('Official document', instrumentUrlFor(instrument, reference));
  lines.push('', official ?? NO_OFFICIAL_LINK);
  return lines.join('\n');
}

function ambiguousHover(reference: Reference, corpus: Corpus): string {
  const names = (reference.candidates ?? []).map((id) => {
    const instrument = corpus.provision(id)?.instrument ?? corpus.instrument(id.split('/')[0] ?? '');
    return `- ${escapeMarkdown(instrument?.shortTitle ?? id)}`;
  });
  return [`**${escapeMarkdown(reference.text)}**: which instrument?`, '', 'No instrument is named in the phrase or before it. It could be:', '', ...names].join('\n');
}

// ---------------------------------------------------------------------------------------
// Officials

/** Partial ISO dates ("2012", "2012-04") as the first or last day they cover. */
function dateBound(date: string, end: boolean): string {
  if (/^\d{4}$/.test(date)) return end ? `${date}-12-31` : `${date}-01-01`;
  if (/^\d{4}-\d{2}$/.test(date)) return end ? `${date}-31` : `${date}-01`;
  return date;
}

export function titlesHeldAt(official: Official, asOf: string): OfficialTitle[] {
  return official.titles.filter((title) => (title.from === null || dateBound(title.from, false) <= asOf) && (title.to === null || asOf <= dateBound(title.to, true)));
}

function period(title: OfficialTitle): string {
  const from = title.from ? formatDate(title.from) : 'date unknown';
  const to = title.to ? formatDate(title.to) : 'present';
  return `${from} – ${to}`;
}

export function officialHover(official: Official, reference: Reference, asOf: string): string {
  const native = Object.values(official.native ?? {});
  const lines: string[] = [`**${escapeMarkdown(official.name)}**${native.length > 0 ? ` (${native.map(escapeMarkdown).join(', ')})` : ''} · ${escapeMarkdown(official.country)}`, ''];
  const held = titlesHeldAt(official, asOf);
  lines.push(held.length > 0 ? `On ${escapeMarkdown(formatDate(asOf))}: ${held.map((title) => escapeMarkdown(title.title)).join('; ')}` : `On ${escapeMarkdown(formatDate(asOf))}: no recorded title.`);
  if (reference.writtenTitle) {
    const matching = official.titles.filter((title) => namesOffice(reference.writtenTitle as string, title, official));
    if (matching.length === 0) lines.push('', `Note: the draft calls ${escapeMarkdown(official.name)} "${escapeMarkdown(reference.writtenTitle)}", a title not recorded for this person.`);
    else if (!matching.some((title) => held.includes(title))) {
      lines.push('', `Note: "${escapeMarkdown(reference.writtenTitle)}" was held ${matching.map((title) => escapeMarkdown(period(title))).join(', ')}, not on ${escapeMarkdown(formatDate(asOf))}.`);
    }
  }
  lines.push('', 'Titles:', '');
  for (const title of official.titles) {
    const source = markdownLink('source', title.source);
    lines.push(`- ${escapeMarkdown(title.title)} (${escapeMarkdown(period(title))})${source ? ` · ${source}` : ''}`);
  }
  return lines.join('\n');
}
