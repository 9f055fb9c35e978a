/**
 * `lexicite import`: turns the plain text of an official document (copied from its PDF, with
 * the PDF's line breaks and page headers) into a source-pack entry with verbatim provisions.
 *
 *   - treaties, conventions and sets of articles: "Article N" headings (optionally titled),
 *     an optional preamble before the first article and a final clause ("IN WITNESS WHEREOF",
 *     "Done at") after the last;
 *   - resolutions: preambular paragraphs after the opening ("The Security Council,"),
 *     numbered operative paragraphs ("1. Decides …") and lettered sub-paragraphs ("(a)").
 *
 * Provision text is verbatim: only whitespace changes (see layout.ts). Layout artefacts are
 * removed and reported; anything the importer cannot place is reported, never dropped silently.
 * Pure: no file system access, so the language server can call it with text it received.
 */
import {
  cleanLayout,
  collapse,
  endsClause,
  endsSentence,
  joinLines,
  listed,
  normaliseNewlines,
  PREAMBULAR_START,
  type ContentLine,
  type HyphenJoin,
} from './layout';
import type { Instrument } from '../corpus';
import type { ImportedInstrumentType, PackContext, PackInstrument, PackProvisionEntry, PackRendering, SourcePack } from './pack-types';
import { romanValue, toRoman } from '../roman';

export type { SourcePack } from './pack-types';

export interface ImportRequest {
  id: string;
  title: string;
  text: string;
  type?: ImportedInstrumentType;
  /** http(s) address of the official copy the text was taken from (required by the pack schema). */
  url?: string | null;
  lang?: string;
  /** Where the text came from, e.g. the file name: used in labels and notes. */
  sourceLabel?: string;
  date?: string | null;
  symbol?: string | null;
  /**
   * The built-in instrument the text is of (the caller looks the id up in its corpus): the pack
   * then gives texts to that instrument's provisions instead of defining an instrument, and the
   * title and date are the built-in's.
   */
  builtIn?: BuiltInTarget | null;
}

/**
 * The built-in instrument an id names, as the importer needs it, or null: an instrument from a
 * source pack, or a resolution newer than the index (a placeholder), is not built in.
 */
export function builtInTargetOf(instrument: Pick<Instrument, 'title' | 'type' | 'pack' | 'origin'> | undefined): BuiltInTarget | null {
  return instrument && !instrument.pack && instrument.origin !== 'beyond-index' ? { title: instrument.title, type: instrument.type } : null;
}

/** What the importer needs to know of a built-in instrument. */
export interface BuiltInTarget {
  title: string;
  /** `resolution` reads operative paragraphs; anything else reads "Article N" headings. */
  type: string;
}

export type ImportResult = { ok: true; pack: SourcePack; warnings: string[] } | { ok: false; error: string };

const ID_PATTERN = /^[a-z0-9]+(-[a-z0-9]+)*$/;
const LANG_PATTERN = /^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/;
const RETRIEVED_VIA = 'lexicite import';
const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];
const MONTH = `(${MONTHS.join('|')})`;

export function importOfficialText(request: ImportRequest): ImportResult {
  const id = request.id;
  if (!ID_PATTERN.test(id)) {
    return {
      ok: false,
      error: `invalid id "${id}": use lowercase letters and digits in words joined by single hyphens, e.g. "lighthouse-treaty-2030" (pattern ^[a-z0-9]+(-[a-z0-9]+)*$)`,
    };
  }
  const builtIn = request.builtIn ?? null;
  const title = collapse(request.title || builtIn?.title || '');
  if (title === '') return { ok: false, error: 'the title is empty: give the instrument\'s title (--title)' };
  const lang = request.lang ?? 'en';
  if (!LANG_PATTERN.test(lang)) return { ok: false, error: `invalid language tag "${lang}": use a BCP-47 tag such as en, fr or es` };
  const url = request.url === undefined || request.url === '' ? null : request.url;
  if (url !== null && !/^https?:\/\/\S+$/.test(url)) return { ok: false, error: `invalid URL "${url}": it must start with http:// or https:// and contain no spaces` };
  if (request.date != null && !isIsoDate(request.date)) return { ok: false, error: `invalid date "${request.date}": use YYYY-MM-DD` };
  if (builtIn && request.type === undefined) request = { ...request, type: builtIn.type === 'resolution' ? 'resolution' : builtIn.type === 'convention' ? 'convention' : builtIn.type === 'articles' ? 'articles' : 'treaty' };
  if (request.type !== undefined && !['treaty', 'convention', 'resolution', 'articles'].includes(request.type)) {
    return { ok: false, error: `invalid type "${String(request.type)}": choose treaty, convention, resolution or articles` };
  }
  if (normaliseNewlines(request.text).trim() === '') return { ok: false, error: 'the text is empty: nothing to import' };

  const symbolGiven = request.symbol ? collapse(request.symbol) : null;
  const cleaned = cleanLayout(request.text, symbolGiven);
  const lines = cleaned.lines;
  const warnings = [...cleaned.warnings];
  const label = request.sourceLabel ? `Official text imported from ${request.sourceLabel}` : 'Official text imported by lexicite import';
  const from = request.sourceLabel ? `the user's file ${request.sourceLabel}` : "the user's text";

  const headingWarnings: string[] = [];
  const articles = findArticleHeadings(lines, headingWarnings);
  const operative = articles.length === 0 || request.type === 'resolution' ? findOperativeParagraphs(lines) : { starts: [], notes: [] };

  let type: ImportedInstrumentType;
  if (request.type) {
    type = request.type;
    if (type === 'resolution' && operative.starts.length === 0) {
      return { ok: false, error: 'no numbered operative paragraphs ("1. Decides …") were found, so the text cannot be imported as a resolution' };
    }
    if (type !== 'resolution' && articles.length === 0) {
      return { ok: false, error: `no "Article N" headings were found, so the text cannot be imported as a ${type}` };
    }
  } else if (articles.length > 0) {
    type = /\bconvention\b/i.test(title) ? 'convention' : /^(?:draft\s+)?articles\b/i.test(title) ? 'articles' : 'treaty';
    warnings.push(`Type "${type}" chosen because the text has "Article N" headings${type === 'treaty' ? '' : ' and the title says so'}; pass a type to override.`);
  } else if (operative.starts.length > 0) {
    type = 'resolution';
    warnings.push('Type "resolution" chosen because the text has numbered operative paragraphs and no "Article N" headings; pass a type to override.');
  } else {
    return {
      ok: false,
      error:
        'the structure was not recognised: the text has no "Article N" headings (treaties, conventions, articles) and no numbered operative paragraphs such as "1. Decides …" (resolutions). Nothing was imported.',
    };
  }

  const hyphenJoins: HyphenJoin[] = [];
  const rendering = (body: string): PackRendering => ({
    body,
    lang,
    label,
    translation: null,
    publication: 'official',
    source: { url, retrievedVia: RETRIEVED_VIA, detail: `Imported from ${from}` },
    partial: false,
    truncated: false,
    note: null,
  });
  const provision = (partial: Omit<PackProvisionEntry, 'titleSource' | 'variants' | 'summary' | 'note' | 'text' | 'title' | 'context'> & Partial<PackProvisionEntry>, body: string): PackProvisionEntry => ({
    id: partial.id,
    number: partial.number,
    kind: partial.kind,
    title: partial.title ?? null,
    titleSource: null,
    context: partial.context ?? null,
    text: rendering(body),
    variants: [],
    summary: null,
    note: partial.note ?? null,
  });

  const built =
    type === 'resolution'
      ? buildResolution(id, lines, operative, hyphenJoins, provision)
      : buildArticles(id, title, lines, articles, hyphenJoins, provision);
  if (type !== 'resolution') warnings.push(...headingWarnings);
  warnings.push(...built.warnings);

  if (hyphenJoins.length > 0) {
    warnings.push(
      `Joined ${hyphenJoins.length} line${hyphenJoins.length === 1 ? '' : 's'} ending in a hyphen to the next line without a space, keeping the hyphen (check each against the PDF: if the hyphen only split the word at the line end, remove it by hand): ${listed(
        hyphenJoins.map((join) => `"${join.word}" (line ${join.line})`),
      )}.`,
    );
  }

  if (builtIn) return { ok: true, pack: { instruments: [], provisions: built.provisions.map((entry) => ({ instrument: id, ...entry })) }, warnings: [...warnings, builtInNote(builtIn, built.provisions.length)] };

  // Date, symbol and meeting: from the user, else from the text (reported), else an error for the date.
  const frontText = collapse(lines.map((line) => line.text).join(' '));
  let date = request.date ?? null;
  let meeting: string | null = null;
  const found = type === 'resolution' ? findAdoption(frontText) : findDoneDate(frontText);
  if (type === 'resolution' && found?.meeting) meeting = found.meeting;
  if (date === null) {
    if (!found) {
      return {
        ok: false,
        error: `no date: the text does not say when it was ${type === 'resolution' ? 'adopted ("Adopted by … on 14 October 2006")' : 'done ("Done at … on 23 November 2001")'} in a form Lexicite reads; give it as YYYY-MM-DD (--date)`,
      };
    }
    date = found.date;
    warnings.push(`Date ${date} taken from the text: "${found.source}".`);
  } else if (found && found.date !== date) {
    warnings.push(`The date given (${date}) differs from the date in the text (${found.date}: "${found.source}"); the date given was used.`);
  }
  let symbol = symbolGiven;
  if (symbol === null && type === 'resolution') {
    symbol = cleaned.removedSymbols[0] ?? null;
    if (symbol !== null) warnings.push(`Symbol "${symbol}" taken from the text (its running head).`);
  }

  const resolutionNumber = symbol ? /^S\/RES\/(\d+)\s?\((\d{4})\)$/.exec(symbol) : null;
  const shortTitle = resolutionNumber ? `resolution ${resolutionNumber[1]} (${resolutionNumber[2]})` : title;
  const countWord = type === 'resolution' ? 'operative paragraph' : 'article';
  const count = built.count;
  const instrument: PackInstrument = {
    id,
    type,
    title,
    subject: null,
    shortTitle,
    aliases: [...new Set([title, ...(symbol ? [symbol] : [])])],
    symbol,
    date,
    dateKind: type === 'resolution' || type === 'articles' ? 'adopted' : 'signed',
    place: null,
    meeting,
    vote: null,
    entryIntoForce: null,
    termination: null,
    status: type === 'resolution' ? 'adopted' : 'unknown',
    parties: null,
    authenticLanguages: null,
    url: url?.startsWith('https://') ? url : null,
    structure: {
      unit: type === 'resolution' ? 'paragraph' : 'article',
      count,
      preambularCount: built.preambularCount > 0 ? built.preambularCount : null,
      subparagraphs: built.subparagraphs,
      paragraphs: built.paragraphs,
      countSource: `Counted by lexicite import in ${from}: ${count} ${countWord}${count === 1 ? '' : 's'}${
        type === 'resolution' && built.preambularCount > 0 ? `, ${built.preambularCount} preambular paragraph${built.preambularCount === 1 ? '' : 's'}` : ''
      }. Lexicite cannot tell whether the file holds the whole instrument.`,
    },
    source: { where: url ? `${from} (official text from ${url})` : from, retrievedVia: RETRIEVED_VIA, crossChecks: [] },
    complete: false,
    notes:
      `Imported by lexicite import from ${from}${url ? `, the official text from ${url}` : ''}. Provision texts are copied verbatim from that file: only whitespace was normalised and page layout (headers, footers, page numbers) removed, as listed in the import warnings. ` +
      `Not in the file, so unknown here: ${type === 'resolution' ? 'the vote' : 'the parties, entry into force, status and place'}, the authentic languages${
        type === 'resolution' ? '' : `; dateKind "signed" is assumed for the date`
      }. "complete" is false because Lexicite cannot tell whether the file holds the whole instrument.`,
    provisions: built.provisions,
  };
  if (url === null) {
    warnings.push(`No official URL given (--url): the texts name only ${from}. Add the address of the official document so that readers can check the text.`);
  } else if (!url.startsWith('https://')) {
    warnings.push(`The instrument's "url" is left null because the schema accepts only https addresses there; the texts still name ${url}.`);
  }
  return { ok: true, pack: { instruments: [instrument] }, warnings };
}

function builtInNote(builtIn: BuiltInTarget, count: number): string {
  return `"${builtIn.title}" is built in, and a pack cannot redefine it: ${count === 1 ? 'the 1 provision read from the text is' : `the ${count} provisions read from the text are`} given to it. Where Lexicite already holds a text of a provision, yours leads in hovers and checks and the bundled one stays as a variant; a provision number beyond the instrument's known structure is reported on the pack.`;
}

// ---------------------------------------------------------------------------------------
// Treaties, conventions and articles.

interface ArticleHeading {
  index: number;
  number: string;
  /** Title on the heading line ("Article 1 – Definitions"). */
  inlineTitle: string | null;
}

interface ContextHeading {
  level: keyof PackContext;
  label: string;
}

const ARTICLE_HEADING = /^(?:Article|ARTICLE)\s+(\d{1,4}|[IVXLC]{1,8})(?:\s?(bis|ter|quater|quinquies|sexies|[A-Z]|[a-z]))?\b(?:\s*[-–—:.]\s*(\S.*))?$/;
const CONTEXT_HEADING = /^(Part|PART|Chapter|CHAPTER|Section|SECTION|Title|TITLE)\s+(\d{1,3}|[IVXLC]{1,8})\b(?:\s*[-–—:.]\s*(\S.*))?$/;
const FINAL_CLAUSE = /^(?:IN WITNESS WHEREOF|In witness whereof|DONE\s+(?:at|in)\b|Done\s+(?:at|in)\b)/;
const ANNEX = /^(?:ANNEX|Annex|APPENDIX|Appendix)(?:\s+(?:\d{1,3}|[IVXLC]{1,8}|[A-Z]))?\.?$/;
const CONTINUATION_WORD = /\b(?:the|of|and|or|to|in|a|an|for|by|with|on|at|shall|which|that|from|as|its|their|under|between|may|is|are|be)$/i;

function parseArticleHeading(text: string): { number: string; inlineTitle: string | null } | null {
  const match = ARTICLE_HEADING.exec(collapse(text));
  if (!match) return null;
  const inlineTitle = match[3] ?? null;
  if (inlineTitle !== null && (inlineTitle.length > 120 || /[,;]$/.test(inlineTitle) || /^[a-z]/.test(inlineTitle))) return null;
  return { number: `${match[1]}${match[2] ?? ''}`, inlineTitle };
}

function parseContextHeading(text: string): { level: keyof PackContext; heading: string; inlineTitle: string | null } | null {
  const match = CONTEXT_HEADING.exec(collapse(text));
  if (!match?.[1]) return null;
  const inlineTitle = match[3] ?? null;
  if (inlineTitle !== null && (inlineTitle.length > 120 || /[,;.]$/.test(inlineTitle) || /^[a-z]/.test(inlineTitle))) return null;
  const level = match[1].toLowerCase() as keyof PackContext;
  return { level, heading: collapse(`${match[1]} ${match[2]}`), inlineTitle };
}

/** A heading may start here: after a blank line or page break, a sentence end or a line without lower case. */
function headingBoundary(lines: readonly ContentLine[], index: number, previousIsHeading: boolean): boolean {
  const line = lines[index];
  const previous = lines[index - 1];
  if (!line || !previous) return true;
  return line.gap !== 'none' || previousIsHeading || endsSentence(previous.text) || !/\p{Ll}/u.test(previous.text);
}

/** A short title line right under a heading: no final punctuation, not a sentence fragment. */
function isTitleLine(lines: readonly ContentLine[], index: number): boolean {
  const line = lines[index];
  const next = lines[index + 1];
  if (!line || line.gap === 'page') return false;
  const text = collapse(line.text);
  if (text.length > 100 || text.split(' ').length > 10) return false;
  // Titles name things; a line with a modal or finite verb is the first line of the text.
  if (/\b(?:shall|may|must|will|should|is|are|has|have)\b/i.test(text)) return false;
  if (/[.;:,]["”’)\]]*$/.test(text) || CONTINUATION_WORD.test(text)) return false;
  if (!/^\p{Lu}/u.test(text) || /^(?:\d{1,3}\.|\(?[a-z]\))\s/.test(text)) return false;
  if (parseArticleHeading(text) || parseContextHeading(text) || FINAL_CLAUSE.test(text)) return false;
  if (!next) return false;
  return next.gap !== 'none' || /^[\p{Lu}\d"“‘(]/u.test(next.text);
}

function findArticleHeadings(lines: readonly ContentLine[], warnings: string[] = []): ArticleHeading[] {
  const headings: ArticleHeading[] = [];
  let previousIsHeading = false;
  lines.forEach((line, index) => {
    const article = parseArticleHeading(line.text);
    const context = article ? null : parseContextHeading(line.text);
    let boundary = (article || context) !== null && headingBoundary(lines, index, previousIsHeading);
    if (article && !boundary && article.inlineTitle === null) {
      // "Article N" alone, with the next number, followed by a capitalised line: a heading whose
      // previous line did not end a sentence (often a page header left in the text). Say so.
      const last = headings[headings.length - 1];
      const expected = last ? (articleValue(last.number)?.base ?? 0) + 1 : 1;
      const next = lines[index + 1];
      if (articleValue(article.number)?.base === expected && next && /^[\p{Lu}\d"“‘(]/u.test(next.text)) {
        boundary = true;
        warnings.push(
          `"${collapse(line.text)}" (line ${line.line}) was taken as a heading although the line before it ("${collapse(lines[index - 1]?.text ?? '')}") does not end a sentence: check whether that line is a page header left in the text.`,
        );
      }
    }
    if ((article || context) && boundary) {
      if (article) headings.push({ index, number: article.number, inlineTitle: article.inlineTitle });
      previousIsHeading = true;
      return;
    }
    // A title line under a heading counts as part of the heading for the next boundary check.
    previousIsHeading = previousIsHeading && isTitleLine(lines, index) && !endsClause(line.text);
  });
  return headings;
}

interface Built {
  provisions: PackProvisionEntry[];
  warnings: string[];
  count: number;
  preambularCount: number;
  subparagraphs: Record<string, string[]>;
  paragraphs: Record<string, number>;
}

type MakeProvision = (
  fields: { id: string; number: string; kind: PackProvisionEntry['kind']; title?: string | null; context?: PackContext | null; note?: string | null },
  body: string,
) => PackProvisionEntry;

function buildArticles(id: string, title: string, lines: readonly ContentLine[], headings: readonly ArticleHeading[], hyphenJoins: HyphenJoin[], make: MakeProvision): Built {
  const warnings: string[] = [];
  const provisions: PackProvisionEntry[] = [];
  const paragraphs: Record<string, number> = {};
  const first = headings[0];
  if (!first) throw new Error('buildArticles needs at least one heading');

  // Context headings (Part/Chapter/Section/Title) anywhere before or between articles.
  const contextAt = new Map<number, { context: ContextHeading; end: number }>();
  {
    let previousIsHeading = false;
    for (let index = 0; index < lines.length; index++) {
      const line = lines[index] as ContentLine;
      const heading = parseContextHeading(line.text);
      if (heading && !parseArticleHeading(line.text) && headingBoundary(lines, index, previousIsHeading)) {
        let label = heading.inlineTitle ? `${heading.heading} – ${heading.inlineTitle}` : heading.heading;
        let end = index + 1;
        if (!heading.inlineTitle && isTitleLine(lines, index + 1) && !parseArticleHeading(lines[index + 1]?.text ?? '')) {
          label = `${heading.heading} – ${collapse(lines[index + 1]?.text ?? '')}`;
          end = index + 2;
        }
        contextAt.set(index, { context: { level: heading.level, label }, end });
        previousIsHeading = true;
        index = end - 1;
        continue;
      }
      previousIsHeading = parseArticleHeading(line.text) !== null && headingBoundary(lines, index, previousIsHeading);
    }
  }
  const firstContext = Math.min(first.index, ...[...contextAt.keys()]);

  // Front matter (the document's heading) and preamble, before the first heading.
  const before = lines.slice(0, firstContext);
  let frontEnd = 0;
  {
    // Lines without lower case (a title in capitals) or that spell out the title given.
    const wanted = title.toLowerCase();
    let joined = '';
    for (const line of before) {
      const candidate = collapse(`${joined} ${line.text}`).toLowerCase();
      if (!/\p{Ll}/u.test(line.text) || wanted.startsWith(candidate)) {
        joined = candidate;
        frontEnd++;
      } else break;
    }
  }
  const front = before.slice(0, frontEnd);
  const preamble = before.slice(frontEnd);
  if (front.length > 0) {
    warnings.push(`Not imported as a provision: the heading before the preamble (${lineRange(front)}): "${excerpt(front)}".`);
  }
  if (preamble.length > 0) provisions.push(make({ id: `${id}/preamble`, number: 'preamble', kind: 'other' }, joinLines(preamble, hyphenJoins)));

  // Articles.
  const context: PackContext = {};
  const levels: Array<keyof PackContext> = ['part', 'chapter', 'section', 'title'];
  const seen = new Map<string, number>();
  let previousValue: { base: number; suffix: string } | null = null;
  headings.forEach((heading, order) => {
    // Apply the context headings between the previous article and this one.
    for (const [index, entry] of [...contextAt.entries()].sort((a, b) => a[0] - b[0])) {
      const previousHeading = headings[order - 1];
      if (index < heading.index && index > (previousHeading ? previousHeading.index : -1)) {
        const level = entry.context.level;
        for (const deeper of levels.slice(levels.indexOf(level))) delete context[deeper];
        context[level] = entry.context.label;
      }
    }
    const nextHeading = headings[order + 1];
    let end = nextHeading ? nextHeading.index : lines.length;
    for (const index of contextAt.keys()) if (index > heading.index && index < end) end = index;

    let bodyStart = heading.index + 1;
    let title = heading.inlineTitle;
    if (title === null && bodyStart < end - 1 && isTitleLine(lines, bodyStart)) {
      title = collapse(lines[bodyStart]?.text ?? '');
      bodyStart++;
    }
    let bodyLines = lines.slice(bodyStart, end);
    let tail: ContentLine[] = [];
    if (!nextHeading) {
      const split = splitFinalParts(bodyLines);
      bodyLines = split.body;
      tail = split.tail;
      if (split.testimonium.length > 0) {
        provisions.push(make({ id: `${id}/testimonium`, number: 'testimonium', kind: 'other' }, joinLines(split.testimonium, hyphenJoins)));
      }
    }

    const occurrences = (seen.get(heading.number) ?? 0) + 1;
    seen.set(heading.number, occurrences);
    const headingLine = lines[heading.index]?.line ?? 0;
    let provisionId = `${id}/art-${heading.number.toLowerCase()}`;
    let note: string | null = null;
    if (occurrences > 1) {
      provisionId = `${provisionId}-${occurrences}`;
      note = `A second "Article ${heading.number}" heading in the imported text (line ${headingLine}); kept under this id so that no text is lost. Check the numbering against the official document.`;
      warnings.push(`Article ${heading.number} appears ${occurrences} times (again at line ${headingLine}); kept as ${provisionId}. Check the numbering.`);
    }
    const value = articleValue(heading.number);
    if (value && previousValue && occurrences === 1) {
      const expected = previousValue.base + 1;
      if (value.base > expected) {
        const roman = /^[IVXLC]+$/.test(heading.number.replace(/[a-z]+$/, ''));
        const show = (n: number): string => (roman ? toRoman(n) : String(n));
        const missing = value.base - 1 === expected ? show(expected) : `${show(expected)}–${show(value.base - 1)}`;
        warnings.push(`Article numbering jumps from ${previousLabel(headings, order)} to ${heading.number} (line ${headingLine}): article${value.base - 1 === expected ? '' : 's'} ${missing} not found.`);
      } else if (value.base < previousValue.base || (value.base === previousValue.base && value.suffix === '')) {
        warnings.push(`Article ${heading.number} (line ${headingLine}) comes after Article ${previousLabel(headings, order)}: check the numbering.`);
      }
    }
    if (value) previousValue = value;

    const body = joinLines(bodyLines, hyphenJoins);
    const hasContext = Object.keys(context).length > 0;
    if (body === '') {
      warnings.push(`Article ${heading.number} (line ${headingLine}) has no text in the file; it is not imported.`);
    } else {
      provisions.push(make({ id: provisionId, number: heading.number, kind: 'article', title, context: hasContext ? { ...context } : null, note }, body));
      const numbered = countNumberedParagraphs(body);
      if (numbered > 0 && /^\d+$/.test(heading.number) && occurrences === 1) paragraphs[heading.number] = numbered;
    }
    if (tail.length > 0) {
      warnings.push(`Not imported: the text after the last article from line ${tail[0]?.line} ("${excerpt(tail)}", ${lineRange(tail)}), which starts with an annex heading.`);
    }
  });
  // The testimonium was pushed before the last article: put it last.
  const testimonium = provisions.findIndex((entry) => entry.id === `${id}/testimonium`);
  if (testimonium >= 0) provisions.push(...provisions.splice(testimonium, 1));

  return {
    provisions,
    warnings,
    count: new Set(headings.map((heading) => heading.number)).size,
    preambularCount: 0,
    subparagraphs: {},
    paragraphs,
  };
}

function previousLabel(headings: readonly ArticleHeading[], order: number): string {
  return headings[order - 1]?.number ?? '?';
}

function articleValue(number: string): { base: number; suffix: string } | null {
  const match = /^(\d+|[IVXLC]+)(.*)$/.exec(number);
  if (!match?.[1]) return null;
  const base = /^\d+$/.test(match[1]) ? Number(match[1]) : romanValue(match[1]);
  return base === null ? null : { base, suffix: match[2] ?? '' };
}

/** Splits the last article's lines into its body, the final clause and an annex (not imported). */
function splitFinalParts(lines: readonly ContentLine[]): { body: ContentLine[]; testimonium: ContentLine[]; tail: ContentLine[] } {
  let finalStart = -1;
  let annexStart = -1;
  for (let index = 1; index < lines.length; index++) {
    const line = lines[index] as ContentLine;
    const boundary = line.gap !== 'none' || endsSentence(lines[index - 1]?.text ?? '');
    if (!boundary) continue;
    if (finalStart < 0 && FINAL_CLAUSE.test(line.text)) finalStart = index;
    if (ANNEX.test(collapse(line.text))) {
      annexStart = index;
      break;
    }
  }
  const bodyEnd = finalStart >= 0 ? finalStart : annexStart >= 0 ? annexStart : lines.length;
  return {
    body: lines.slice(0, bodyEnd),
    testimonium: finalStart >= 0 ? lines.slice(finalStart, annexStart >= 0 ? annexStart : lines.length) : [],
    tail: annexStart >= 0 ? lines.slice(annexStart) : [],
  };
}

/** Paragraphs numbered 1., 2., … in order at the start of the body's paragraphs. */
function countNumberedParagraphs(body: string): number {
  let count = 0;
  for (const paragraph of body.split('\n')) {
    const match = /^(\d{1,3})\.\s/.exec(paragraph);
    if (match && Number(match[1]) === count + 1) count++;
  }
  return count;
}

// ---------------------------------------------------------------------------------------
// Resolutions.

interface OperativeScan {
  starts: Array<{ index: number; number: number }>;
  notes: string[];
}

const OPERATIVE_START = /^(\d{1,3})\.(?:\s+(\S.*))?$/;
const OPENING = /^The\s+(?:Security Council|General Assembly|[A-Z][A-Za-z]+(?:\s+[A-Z][A-Za-z]+){0,5}),$/;

function findOperativeParagraphs(lines: readonly ContentLine[]): OperativeScan {
  const starts: OperativeScan['starts'] = [];
  const notes: string[] = [];
  const openingIndex = lines.findIndex((line) => OPENING.test(collapse(line.text)));
  lines.forEach((line, index) => {
    if (index <= openingIndex) return;
    const match = OPERATIVE_START.exec(collapse(line.text));
    if (!match) return;
    const previous = lines[index - 1];
    const boundary = !previous || line.gap !== 'none' || endsClause(previous.text);
    if (!boundary) return;
    const number = Number(match[1]);
    const last = starts[starts.length - 1];
    if (match[2] !== undefined && !/^[\p{Lu}"“(]/u.test(match[2])) return;
    if (last && number <= last.number) {
      notes.push(`Line ${line.line} starts with "${number}." but paragraph ${number} ${number === last.number ? 'is the current one' : 'was already found'}: kept as text of paragraph ${last.number}. Check the numbering.`);
      return;
    }
    starts.push({ index, number });
  });
  return { starts, notes };
}

function buildResolution(id: string, lines: readonly ContentLine[], scan: OperativeScan, hyphenJoins: HyphenJoin[], make: MakeProvision): Built {
  const warnings: string[] = [...scan.notes];
  const provisions: PackProvisionEntry[] = [];
  const subparagraphs: Record<string, string[]> = {};
  const first = scan.starts[0];
  if (!first) throw new Error('buildResolution needs at least one operative paragraph');

  // Front matter, opening and preambular paragraphs.
  const before = lines.slice(0, first.index);
  let preambleStart = before.findIndex((line) => OPENING.test(collapse(line.text)));
  if (preambleStart >= 0) preambleStart++;
  else if (before.length > 0) {
    // No opening line: the preamble starts at the first "Recalling …"-style line that starts a paragraph.
    preambleStart = before.findIndex((line) => PREAMBULAR_START.test(line.text));
    if (preambleStart < 0) {
      preambleStart = before.length;
      warnings.push('No opening line such as "The Security Council," and no preambular paragraph ("Recalling …") was found: the text before paragraph 1 is not imported.');
    } else {
      warnings.push(`No opening line such as "The Security Council," was found: the preamble is taken to start at line ${before[preambleStart]?.line} ("${excerpt([before[preambleStart] as ContentLine])}"). Check it.`);
    }
  }
  const front = before.slice(0, preambleStart);
  if (front.length > 0) warnings.push(`Not imported as a provision: the heading and opening before the preamble (${lineRange(front)}): "${excerpt(front)}".`);
  const preambular = splitPreambular(before.slice(preambleStart));
  preambular.forEach((paragraph, index) => {
    provisions.push(make({ id: `${id}/pp-${index + 1}`, number: `PP${index + 1}`, kind: 'preambular-paragraph' }, joinLines(paragraph, hyphenJoins)));
  });

  if (first.number !== 1) warnings.push(`The first operative paragraph found is numbered ${first.number} (line ${lines[first.index]?.line}): paragraphs 1–${first.number - 1} are not in the text.`);

  scan.starts.forEach((start, order) => {
    const next = scan.starts[order + 1];
    const startLine = lines[start.index] as ContentLine;
    const previous = scan.starts[order - 1];
    if (previous && start.number !== previous.number + 1) {
      const missing = start.number - 1 === previous.number + 1 ? `${previous.number + 1}` : `${previous.number + 1}–${start.number - 1}`;
      warnings.push(`Operative paragraph numbering jumps from ${previous.number} to ${start.number} (line ${startLine.line}): paragraph${start.number - 1 === previous.number + 1 ? '' : 's'} ${missing} not found.`);
    }
    let opLines = lines.slice(start.index, next ? next.index : lines.length);
    if (!next) {
      const annex = opLines.findIndex((line, index) => index > 0 && ANNEX.test(collapse(line.text)) && (line.gap !== 'none' || endsSentence(opLines[index - 1]?.text ?? '')));
      if (annex > 0) {
        const tail = opLines.slice(annex);
        warnings.push(`Not imported: the text after the last operative paragraph from line ${tail[0]?.line} ("${excerpt(tail)}", ${lineRange(tail)}), which starts with an annex heading.`);
        opLines = opLines.slice(0, annex);
      }
    }
    // Strip the paragraph number from its first line.
    const rest = collapse(startLine.text).replace(/^\d{1,3}\.\s*/, '');
    const withoutNumber = [{ ...startLine, text: rest }, ...opLines.slice(1)].filter((line) => line.text !== '');
    provisions.push(make({ id: `${id}/op-${start.number}`, number: String(start.number), kind: 'operative-paragraph' }, joinLines(withoutNumber, hyphenJoins)));

    const letters = findLetteredSubparagraphs(opLines, warnings, start.number);
    if (letters.length > 0) subparagraphs[String(start.number)] = letters.map((letter) => letter.letter);
    letters.forEach((letter, letterOrder) => {
      const end = letters[letterOrder + 1]?.index ?? opLines.length;
      const letterLine = opLines[letter.index] as ContentLine;
      const firstText = collapse(letterLine.text).replace(/^\([a-z]\)\s*/, '');
      const subLines = [{ ...letterLine, text: firstText }, ...opLines.slice(letter.index + 1, end)].filter((line) => line.text !== '');
      const joins: HyphenJoin[] = [];
      provisions.push(
        make({ id: `${id}/op-${start.number}${letter.letter}`, number: `${start.number}(${letter.letter})`, kind: 'operative-paragraph' }, joinLines(subLines, joins)),
      );
    });
  });

  return {
    provisions,
    warnings,
    count: scan.starts.length,
    preambularCount: preambular.length,
    subparagraphs,
    paragraphs: {},
  };
}

/** Preambular paragraphs: split where a new paragraph starts (blank line, page-break heuristics, "Recalling" after a comma). */
function splitPreambular(lines: readonly ContentLine[]): ContentLine[][] {
  const paragraphs: ContentLine[][] = [];
  let current: ContentLine[] = [];
  for (const line of lines) {
    const previous = current[current.length - 1];
    if (previous && startsPreambular(previous, line)) {
      paragraphs.push(current);
      current = [];
    }
    current.push(line);
  }
  if (current.length > 0) paragraphs.push(current);
  return paragraphs;
}

function startsPreambular(previous: ContentLine, line: ContentLine): boolean {
  if (line.gap === 'blank') return true;
  // A preambular paragraph ends with a comma (the last one sometimes with a colon or semicolon).
  if (!/[,;:]["”’)\]]*$/.test(previous.text)) return false;
  return PREAMBULAR_START.test(line.text) || (line.gap === 'page' && /^\p{Lu}/u.test(line.text));
}

const ROMAN_ITEM = /^(?:i|ii|iii|iv|v|vi|vii|viii|ix|x|xi|xii|xiii|xiv|xv)$/;

/** Lettered sub-paragraphs "(a)", "(b)" … of one operative paragraph; roman items "(i)" stay inside their letter. */
function findLetteredSubparagraphs(opLines: readonly ContentLine[], warnings: string[], paragraph: number): Array<{ index: number; letter: string }> {
  const found: Array<{ index: number; letter: string }> = [];
  const markers = opLines.map((line, index) => {
    const match = /^\(([a-z]{1,5})\)(?:\s|$)/.exec(line.text);
    const previous = opLines[index - 1];
    if (!match?.[1] || index === 0 || !previous) return null;
    const boundary = line.gap !== 'none' || endsClause(previous.text);
    return boundary ? match[1] : null;
  });
  markers.forEach((marker, index) => {
    if (marker === null) return;
    const last = found[found.length - 1]?.letter;
    const expected = last ? String.fromCharCode(last.charCodeAt(0) + 1) : 'a';
    if (ROMAN_ITEM.test(marker)) {
      if (marker !== expected) return; // a roman item inside the current letter
      // Ambiguous ("(i)" after "(h)"): a roman item if the next marker is the next roman numeral
      // ("(ii)"); a letter otherwise (its own roman items would start again at "(i)").
      const nextRoman = marker === 'i' ? 'ii' : marker === 'v' ? 'vi' : 'xi';
      const nextMarker = markers.slice(index + 1).find((later) => later !== null);
      if (nextMarker === nextRoman) return;
    }
    if (marker.length !== 1) return;
    if (last && marker <= last) {
      warnings.push(`Line ${opLines[index]?.line} in paragraph ${paragraph} starts with "(${marker})" after "(${last})": kept as text of ${paragraph}(${last}). Check the lettering.`);
      return;
    }
    if (marker !== expected) {
      warnings.push(`Sub-paragraph lettering in paragraph ${paragraph} jumps from ${last ? `(${last})` : 'the start'} to (${marker}) (line ${opLines[index]?.line}).`);
    }
    found.push({ index, letter: marker });
  });
  return found;
}

// ---------------------------------------------------------------------------------------
// Dates and helpers.

function findAdoption(text: string): { date: string; meeting: string | null; source: string } | null {
  const match = new RegExp(`Adopted\\s+(?:unanimously\\s+)?by\\s+the\\s+[A-Z][A-Za-z ]+?\\s+at\\s+its\\s+(\\d+(?:st|nd|rd|th)\\s+(?:plenary\\s+)?meeting),?\\s+on\\s+(\\d{1,2})\\s+${MONTH}\\s+(\\d{4})`, 'i').exec(text);
  if (!match?.[1] || !match[2] || !match[3] || !match[4]) return null;
  const date = isoDate(match[4], match[3], match[2]);
  return date ? { date, meeting: match[1], source: match[0] } : null;
}

function findDoneDate(text: string): { date: string; meeting: null; source: string } | null {
  const match = new RegExp(`\\bDone\\b[^.;]{0,160}?\\b(?:on|this)\\s+(?:the\\s+)?(\\d{1,2})(?:st|nd|rd|th)?\\s+(?:day\\s+of\\s+)?${MONTH}\\s*,?\\s+(\\d{4})`, 'i').exec(text);
  if (!match?.[1] || !match[2] || !match[3]) return null;
  const date = isoDate(match[3], match[2], match[1]);
  return date ? { date, meeting: null, source: match[0] } : null;
}

function isoDate(year: string, monthName: string, day: string): string | null {
  const month = MONTHS.indexOf(monthName.toLowerCase()) + 1;
  const value = `${year}-${String(month).padStart(2, '0')}-${day.padStart(2, '0')}`;
  return isIsoDate(value) ? value : null;
}

function isIsoDate(value: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match) return false;
  const date = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
  return date.getUTCFullYear() === Number(match[1]) && date.getUTCMonth() === Number(match[2]) - 1 && date.getUTCDate() === Number(match[3]);
}

function lineRange(lines: readonly ContentLine[]): string {
  const first = lines[0]?.line;
  const last = lines[lines.length - 1]?.line;
  return first === last ? `line ${first}` : `lines ${first}–${last}`;
}

function excerpt(lines: readonly ContentLine[]): string {
  const text = collapse(lines.map((line) => line.text).join(' '));
  return text.length <= 100 ? text : `${text.slice(0, 99)}…`;
}
