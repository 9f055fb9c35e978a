import type { Corpus, Instrument } from '../corpus';
import { instrumentYear } from '../corpus';
import { isAsciiLetter } from '../characters';
import { determinerLength } from './patterns';
import type { Mention } from './mentions';

/**
 * Treaties described by their parties instead of named: "the Russia–North Korea treaty", "the
 * North Korea-Russia pact", "the 2024 Russia-DPRK treaty", "the Soviet-Korean treaty" (pass 1).
 * In pass 2 (see `describedTreaty`) such a description is the treaty last mentioned if its
 * parties match, else the corpus's newest treaty between those parties (or the one of the year
 * written).
 */

/** Countries as writers name them in such descriptions, by the party name the data records. */
const COUNTRIES: ReadonlyArray<readonly [RegExp, string]> = [
  [/^(?:Russia|Russian|Moscow|Kremlin)$/u, 'Russian Federation'],
  [/^(?:North\s+Korea|North\s+Korean|DPRK|Pyongyang|Korea|Korean)$/u, "Democratic People's Republic of Korea"],
  [/^(?:Soviet|USSR|Soviet\s+Union)$/u, 'Union of Soviet Socialist Republics'],
];
/** The countries' names in such descriptions, each longer form before the shorter it starts with ("North Korean" before "North Korea"). */
const COUNTRY_NAMES = ['Russia', 'Russian', 'Moscow', 'Kremlin', 'North Korean', 'North Korea', 'DPRK', 'Pyongyang', 'Korean', 'Korea', 'Soviet Union', 'Soviet', 'USSR'];
const COUNTRY = `(?:${COUNTRY_NAMES.map((name) => name.replace(' ', String.raw`[ \u00a0]`)).join('|')})`;
const JOIN = String.raw`(?:[ \u00a0]*[-\u2010-\u2015/][ \u00a0]*|[ \u00a0]+and[ \u00a0]+)`;
/** Words between the countries and the noun that keep the description a treaty's ("mutual defence", "partnership"). */
const QUALIFIER_WORDS = ['mutual', 'defence', 'defense', 'military', 'security', 'strategic', 'partnership', 'comprehensive', 'friendship', 'alliance', 'assistance'];
const MAX_QUALIFIERS = 4;
const QUALIFIER = `(?:(?:${QUALIFIER_WORDS.join('|')})[ \u00a0]+){0,${MAX_QUALIFIERS}}`;
export const DESCRIBED = new RegExp(
  String.raw`(?<![\p{L}\p{N}_\-])(?:(?<year>\d{4})[ \u00a0]+)?(?<countries>${COUNTRY}(?:${JOIN}${COUNTRY}){1,3})[ \u00a0]+${QUALIFIER}(?<noun>[Tt]reaty|[Pp]act|[Aa]greement|[Aa]ccord)(?![\p{L}\p{N}_])`,
  'gu',
);
const DESCRIBED_AT = new RegExp(DESCRIBED.source, 'yu');
/** "the treaty with Russia", "the pact between Moscow and Pyongyang": a definite treaty named by (some of) its parties. */
const DESCRIBED_WITH = new RegExp(
  String.raw`(?<![\p{L}\p{N}_\-])(?<noun>[Tt]reaty|[Pp]act)[ \u00a0]+(?:with|between)[ \u00a0]+(?<countries>${COUNTRY}(?:${JOIN}${COUNTRY}){0,3})(?![\p{L}\p{N}_])`,
  'gu',
);
const DESCRIBED_WITH_AT = new RegExp(DESCRIBED_WITH.source, 'yu');
/** "the", "its", "their", perhaps with a few lower-case words between ("its newly inked strategic partnership treaty with Russia"). */
const DEFINITE_BEFORE = /(?:^|[^\p{L}])(?:the|The|THE|its|Its|their|Their)(?:[ \u00a0]+[\p{Ll}\-]+){0,4}[ \u00a0]+$/u;
const INDEFINITE_BEFORE = /(?:^|[^\p{L}])(?:a|an|another|any|one|some)[ \u00a0]+$/iu;

export interface DescribedTreaty {
  /** The parties named, as the data records them, sorted. */
  parties: string[];
  year: number | null;
  /** Only some of the parties are named ("the treaty with Russia"). */
  partial: boolean;
}

function partiesOf(countries: string): string[] {
  const parties = new Set<string>();
  for (const word of countries.split(new RegExp(JOIN, 'u'))) {
    const found = COUNTRIES.find(([pattern]) => pattern.test(word.trim()));
    if (found) parties.add(found[1]);
  }
  return [...parties].sort();
}

function describedOf(match: RegExpExecArray): DescribedTreaty | null {
  const parties = partiesOf(match.groups?.countries ?? '');
  // "Korean-Korean" or one country named twice describes no treaty between two parties.
  if (parties.length < 2) return null;
  return { parties, year: match.groups?.year ? Number(match.groups.year) : null, partial: false };
}

function describedWithOf(match: RegExpExecArray): DescribedTreaty | null {
  const parties = partiesOf(match.groups?.countries ?? '');
  return parties.length === 0 ? null : { parties, year: null, partial: parties.length < 2 };
}

/** A description right at `at` ("North Korea-Russia treaty" after "Article 4 of the "). */
export function describedTreatyAt(text: string, at: number): { described: DescribedTreaty; end: number } | null {
  DESCRIBED_AT.lastIndex = at;
  const match = DESCRIBED_AT.exec(text);
  const described = match ? describedOf(match) : null;
  if (match && described) return { described, end: at + match[0].length };
  DESCRIBED_WITH_AT.lastIndex = at;
  const withMatch = DEFINITE_BEFORE.test(text.slice(Math.max(0, at - 60), at)) ? DESCRIBED_WITH_AT.exec(text) : null;
  const withDescribed = withMatch ? describedWithOf(withMatch) : null;
  return withMatch && withDescribed ? { described: withDescribed, end: at + withMatch[0].length } : null;
}

/** The nouns a description ends with: the scan starts from them (the full expression run over a long draft cost ~10% of its analysis). */
const NOUN = /(?<![\p{L}\p{N}_])(?:[Tt]reaty|[Pp]act|[Aa]greement|[Aa]ccord)(?![\p{L}\p{N}_])/gu;
/** A description ending at the end of the text it is run on. */
const DESCRIBED_TAIL = new RegExp(`${DESCRIBED.source}$`, 'u');
/** Longer than any description: a year, four countries and their joins, four qualifiers and the noun. */
const WINDOW = 200;
/** The last word of each country's name, and the qualifiers: what may stand right before a description's noun. */
const COUNTRY_ENDS = new Set(COUNTRY_NAMES.map((name) => name.slice(name.lastIndexOf(' ') + 1)));
const QUALIFIERS = new Set(QUALIFIER_WORDS);

/**
 * Whether a country's name ends right before `at` (spaces between), perhaps with qualifiers
 * between them: what DESCRIBED needs before its noun. In a description the word before the noun
 * is a qualifier or the last country's name, each with a space or a join (never a letter)
 * before it, so the run of letters read back is the whole word. Testing this first spares the
 * tail expression nearly every noun (in the 1 MB benchmark draft, all 2,483 of them).
 */
export function countryBefore(text: string, at: number): boolean {
  let end = at;
  for (let words = 0; words <= MAX_QUALIFIERS; words++) {
    let gap = end;
    while (gap > 0 && (text.charCodeAt(gap - 1) === 0x20 || text.charCodeAt(gap - 1) === 0xa0)) gap--;
    if (gap === end) return false;
    let start = gap;
    while (start > 0 && isAsciiLetter(text.charCodeAt(start - 1))) start--;
    const word = text.slice(start, gap);
    if (COUNTRY_ENDS.has(word)) return true;
    if (!QUALIFIERS.has(word)) return false;
    end = start;
  }
  return false;
}

export function describedMentions(text: string): Mention[] {
  const mentions: Mention[] = [];
  const add = (start: number, end: number, described: DescribedTreaty): void => {
    mentions.push({ type: 'described', extent: { start: start - determinerLength(text, start), end }, span: { start, end }, described });
  };
  for (const noun of text.matchAll(NOUN)) {
    if (!countryBefore(text, noun.index)) continue;
    const end = noun.index + noun[0].length;
    const from = Math.max(0, end - WINDOW);
    const match = DESCRIBED_TAIL.exec(text.slice(from, end));
    if (!match) continue;
    const start = from + match.index;
    // The window may cut a word: a match at its very start must not continue one.
    if (match.index === 0 && from > 0 && /[\p{L}\p{N}_\-]/u.test(text[from - 1] as string)) continue;
    const described = describedOf(match);
    // "a Soviet-Korean treaty", "another Russia–DPRK pact": some treaty, not a particular one.
    if (!described || INDEFINITE_BEFORE.test(text.slice(Math.max(0, start - 12), start))) continue;
    add(start, end, described);
  }
  for (const match of text.matchAll(DESCRIBED_WITH)) {
    const described = describedWithOf(match);
    if (!described || !DEFINITE_BEFORE.test(text.slice(Math.max(0, match.index - 60), match.index))) continue;
    add(match.index, match.index + match[0].length, described);
  }
  return mentions;
}

const treatiesByCorpus = new WeakMap<Corpus, Instrument[]>();
/** The corpus's treaties, picked once per corpus (the index's resolutions are no treaties). */
function treatiesOf(corpus: Corpus): Instrument[] {
  let treaties = treatiesByCorpus.get(corpus);
  if (!treaties) treatiesByCorpus.set(corpus, (treaties = corpus.recordedInstruments.filter((instrument) => instrument.type === 'treaty')));
  return treaties;
}

/**
 * The corpus treaty a description means: the last treaty mentioned when its parties are those
 * named (`context`), else the treaty between them of the year written, else their newest
 * (`explicit`: the parties name it). Null when the corpus has no treaty between them.
 */
export function describedTreaty(described: DescribedTreaty, lastTreaty: Instrument | null, corpus: Corpus): { instrument: Instrument; fromContext: boolean } | null {
  const matches = (instrument: Instrument): boolean => {
    const parties = instrument.type === 'treaty' ? instrument.parties : null;
    if (!parties) return false;
    return described.partial ? described.parties.every((party) => parties.includes(party)) : parties.slice().sort().join('|') === described.parties.join('|');
  };
  if (described.year === null && lastTreaty && matches(lastTreaty)) return { instrument: lastTreaty, fromContext: true };
  const candidates = treatiesOf(corpus).filter((instrument) => matches(instrument) && (described.year === null || instrumentYear(instrument) === described.year));
  const newest = candidates.sort((a, b) => (instrumentYear(b) ?? 0) - (instrumentYear(a) ?? 0))[0];
  return newest ? { instrument: newest, fromContext: false } : null;
}
