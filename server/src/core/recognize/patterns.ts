import { instrumentYear, type Corpus, type Instrument, type Official } from '../corpus';
import type { ExternalInstrument } from '../external-instruments';
import { detachedCopy } from '../text';

/**
 * Regular expressions the recognizer runs over the masked prose. Every quantifier is
 * bounded by a literal or a character class that cannot overlap what follows it, so each
 * expression runs in time linear in the text (tests/unit/recognize-linear.test.ts checks
 * this on adversarial lines).
 *
 * Whitespace inside a reference may be spaces, tabs, non-breaking spaces or one line break
 * (Markdown paragraphs wrap).
 */
export const WS = String.raw`(?:[ \t\u00a0]*(?:\r\n|\n|\r)[ \t\u00a0]*|[ \t\u00a0]+)`;
export const OWS = String.raw`(?:[ \t\u00a0]*(?:\r\n|\n|\r)?[ \t\u00a0]*)`;
/** What a reference may not follow: a letter, digit or "_" (a longer word or number), "/", "." or "-" (a path or identifier). */
const BEFORE_CLASS = String.raw`[\p{L}\p{N}_/.\-]`;
/** Not inside a longer word, number, path or identifier. */
export const BEFORE = String.raw`(?<!${BEFORE_CLASS})`;

/**
 * A scanning expression that starts with BEFORE (`pattern`), run over a text with BEFORE tested
 * in code on each match instead of at each position: V8 tests a lookbehind at the start of an
 * expression at every position of the text, before anything else. Measured on the 1 MB
 * benchmark draft's chunks, RESOLUTION_HEAD (case-insensitive, so the lookbehind's Unicode
 * classes are case-folded) took 8.5 ms with the lookbehind and 3.7 ms without (16 and 4.5 ms
 * on its first run); the others a little less each. `matches` gives what `matchAll` of
 * `pattern` gives (tests/unit/bounded-scan.test.ts).
 */
export class BoundedScan {
  /** The expression itself, BEFORE included: for sticky copies and for the tests. */
  readonly pattern: RegExp;
  private readonly bare: RegExp;
  /** BEFORE's class under the expression's flags ("i" folds case), for code points beyond ASCII. */
  private readonly beforeBeyondAscii: (codePoint: number) => boolean;

  constructor(body: string, flags: string) {
    this.pattern = new RegExp(`${BEFORE}${body}`, flags);
    this.bare = new RegExp(body, flags);
    this.beforeBeyondAscii = classTest(new RegExp(`^${BEFORE_CLASS}$`, flags.replace(/[gy]/g, '')));
  }

  /** The matches of `pattern` in `text`, in order, as `text.matchAll(pattern)` gives them. */
  matches(text: string): RegExpExecArray[] {
    const found: RegExpExecArray[] = [];
    const bare = this.bare;
    bare.lastIndex = 0;
    for (let match = bare.exec(text); match; match = bare.exec(text)) {
      if (!this.follows(text, match.index)) found.push(match);
      // The expression would have gone on from the next position.
      else bare.lastIndex = match.index + 1;
    }
    return found;
  }

  /** Whether the code point right before `at` is in BEFORE's class (the lookbehind's view: a surrogate pair read whole). */
  private follows(text: string, at: number): boolean {
    if (at === 0) return false;
    const code = codePointBefore(text, at);
    // BEFORE_CLASS's ASCII members, with or without "i": letters, digits, "_", "-", "." and "/".
    if (code < 128) return (code >= 97 && code <= 122) || (code >= 65 && code <= 90) || (code >= 45 && code <= 57) || code === 95;
    return this.beforeBeyondAscii(code);
  }
}

/** A number ends here: no more digits, letters, or a decimal or thousands part. */
export const NUMBER_END = String.raw`(?![\p{L}\p{N}_]|[.,]\d)`;
const DASH = String.raw`[\-\u2010-\u2015]`;
/** "to", "through", "–", "-" between the ends of a range. */
export const RANGE = String.raw`(?:${WS}(?:to|through|thru)${WS}|${OWS}${DASH}${OWS})`;
/** ", ", " and ", ", and ", " or " between members of a list. */
export const LIST = String.raw`(?:${OWS},${OWS}(?:(?:and|or)${WS})?|${WS}(?:and|or)${WS})`;

/** "Security Council", "UN Security Council", "the Security Council's", "UNSC" before "resolution": the designation names the Council. */
const COUNCIL = String.raw`(?<council>(?:(?:U\.?N\.?|United${WS}Nations(?:${OWS}\(UN\))?)${WS})?Security${WS}Council(?:${OWS}\(UNSC\))?(?:['\u2019]s)?${WS}|UNSC${WS})`;
/** "resolution", "resolutions", "Res.", and "resolution (UNSCR)" as formal texts introduce the abbreviation. */
const RESOLUTION_KEYWORD = String.raw`${COUNCIL}?(?:[Rr]esolutions?|RESOLUTIONS?|Res\.)(?:${OWS}\(UNSCRs?\))?`;
const YEAR = String.raw`(?:${OWS}\((?<year>\d{4})\))?`;

/**
 * The first resolution of a designation: "Security Council resolution 1718 (2006)", "UNSCR 2397",
 * "S/RES/1718(2006)", "resolution 82 (1950)". Groups `council`, `unscr` and `symbol` tell a
 * designation that names the Security Council from a plain "resolution N".
 */
export const RESOLUTION_SCAN = new BoundedScan(
  String.raw`(?:${RESOLUTION_KEYWORD}(?:${WS}|${OWS}:${OWS})(?:No\.${OWS})?|(?<unscr>UNSCRs?)${OWS}|(?<symbol>S\/RES\/))(?<number>\d{1,4})${NUMBER_END}${YEAR}`,
  'giu',
);
export const RESOLUTION_HEAD = RESOLUTION_SCAN.pattern;
/** A further resolution of a list or range: ", 1874", " and 2397 (2017)", " to 2375"; one or two digits only with a year ("and 83 (1950)"). */
export const RESOLUTION_NEXT = new RegExp(String.raw`(?<sep>${LIST}|${RANGE})(?:S\/RES\/)?(?<number>\d{3,4}|\d{1,2}(?=${OWS}\(\d{4}\)))${NUMBER_END}${YEAR}`, 'yiu');
/** What follows a number that makes it another body's: "/262" (68/262), a Roman session "(XXIX)". */
export const OTHER_BODY_NUMBER_END = new RegExp(String.raw`(?:\/\d|${OWS}\([IVXL]{1,7}\))`, 'yu');

/** The bodies besides the Security Council whose resolutions writers cite, and the prefix of each one's ids. */
const OTHER_BODY = String.raw`(?<body>(?:(?:U\.?N\.?|United${WS}Nations)${WS})?General${WS}Assembly|UNGA|GA|(?:U\.?N\.?${WS})?Human${WS}Rights${WS}Council|HRC|ECOSOC|Economic${WS}and${WS}Social${WS}Council|(?:IAEA${WS})?Board${WS}of${WS}Governors|IAEA(?:${WS}General${WS}Conference)?)`;
const OTHER_NUMBER = String.raw`(?<number>(?:ES-)?\d{1,4}[A-Z]?(?:\/\d{1,4})?)(?![\p{L}\p{N}_\/])(?:${OWS}\((?<paren>[IVXL]{1,7}|\d{4})\))?`;
/**
 * Resolutions of other bodies: "General Assembly resolution 68/262", "GA resolution 3314 (XXIX)",
 * "Human Rights Council resolution 55/1", the symbols "A/RES/68/262" and "A/HRC/RES/55/1", and a
 * plain "resolution 68/262" or "resolution 2625 (XXV)" (slashed numbers and Roman sessions are the
 * General Assembly's numbering, never the Security Council's).
 */
export const OTHER_BODY_RESOLUTION = new RegExp(
  String.raw`${BEFORE}(?:${OTHER_BODY}(?:['\u2019]s)?${WS}(?:[Rr]esolutions?|Res\.)${WS}(?:No\.${OWS})?${OTHER_NUMBER}` +
    String.raw`|(?<symbol>A\/(?<hrc>HRC\/)?RES\/(?<symbolNumber>(?:ES-)?\d{1,4}\/\d{1,4}))(?![\p{L}\p{N}_\/])` +
    String.raw`|[Rr]esolutions?${WS}(?<plain>(?:ES-)?\d{1,4}\/\d{1,4}(?![\p{L}\p{N}_\/])|\d{1,4}[A-Z]?${OWS}\((?<session>[IVXL]{1,7})\)))`,
  'gu',
);

const PARAGRAPH_KEYWORD = String.raw`(?:(?:[Oo]perative${WS})?[Pp]aragraphs?|[Pp]aras?\.?|OPs?\.?)`;
const PARAGRAPH_MEMBER = String.raw`(?<number>\d{1,3})(?:${OWS}\((?<letter>[a-z])\))?(?:${OWS}\((?<roman>[ivx]{1,5})\))?${NUMBER_END}`;
/** "paragraph 8(d)", "OP 8", "operative paragraph 12", "paras. 3". */
export const PARAGRAPH_SCAN = new BoundedScan(String.raw`(?<keyword>${PARAGRAPH_KEYWORD})${OWS}${PARAGRAPH_MEMBER}`, 'gu');
/** A further paragraph: " to 8(c)", ", 9", "–(c)". */
export const PARAGRAPH_NEXT = new RegExp(
  String.raw`(?<sep>${LIST}|${RANGE})(?:(?<number>\d{1,3})(?:${OWS}\((?<letter>[a-z])\))?|\((?<onlyLetter>[a-z])\))(?:${OWS}\([ivx]{1,5}\))?${NUMBER_END}`,
  'yu',
);
/** ", paragraph 32" right after a resolution designation ("OP 8" there stays a reference of its own). */
export const COMMA_PARAGRAPH = new RegExp(String.raw`,${OWS}(?<keyword>(?:[Oo]perative${WS})?[Pp]aragraphs?|[Pp]aras?\.)${OWS}${PARAGRAPH_MEMBER}`, 'yu');
/** " of resolution 1718", " of Security Council resolution 1718 (2006)" after paragraphs. */
export const OF = new RegExp(String.raw`${WS}of${WS}(?:the${WS})?`, 'yu');

const SUBDIVISION = String.raw`(?<subdivision>(?:\.(?:\d{1,2}|[IVX]{1,4})(?=[^\p{L}\p{N}.]|$))?(?:${OWS}\([0-9a-z]{1,4}\))*)${NUMBER_END}`;
const ARTICLE_MEMBER = String.raw`(?:(?<number>\d{1,3})(?<suffix>bis|ter|quater)?|(?<roman>[IVXL]{1,7}))${SUBDIVISION}`;
/** "Article 4", "Art. 4", "articles 10", "Article 2(1)", "Article VI" (Roman numerals, upper case). */
export const ARTICLE_SCAN = new BoundedScan(String.raw`(?:[Aa]rticles?|ARTICLES?|Arts?\.|Arts?(?=[ \u00a0]\d))${OWS}${ARTICLE_MEMBER}`, 'gu');
/** A further article of a list or range: Arabic after an Arabic head, Roman after a Roman one ("Articles I and II"). */
export const ARTICLE_NEXT = new RegExp(String.raw`(?<sep>${LIST}|${RANGE})(?<number>\d{1,3})(?<suffix>bis|ter|quater)?${SUBDIVISION}`, 'yu');
export const ARTICLE_NEXT_ROMAN = new RegExp(String.raw`(?<sep>${LIST}|${RANGE})(?<roman>[IVXL]{1,7})${SUBDIVISION}`, 'yu');
/** ", paragraph 2", " para. 2" after an article: part of the article reference. */
export const ARTICLE_PARAGRAPH = new RegExp(String.raw`(?:,${OWS}|${WS})(?:[Pp]aragraphs?|[Pp]aras?\.?)${OWS}\d{1,3}${NUMBER_END}`, 'yu');
/** "Chapter VII", "Chapter 7": a chapter (of the UN Charter, see chapters.ts). */
export const CHAPTER_SCAN = new BoundedScan(String.raw`(?:[Cc]hapter|CHAPTER)${WS}(?:(?<roman>[IVXL]{1,6})|(?<arabic>\d{1,2}))${NUMBER_END}`, 'gu');
export const CHAPTER_HEAD = CHAPTER_SCAN.pattern;
/** "'s Article 16" after an instrument's name. */
export const POSSESSIVE_ARTICLE = new RegExp(String.raw`['\u2019]s${WS}(?:[Aa]rticles?|Arts?\.)${OWS}${ARTICLE_MEMBER}`, 'yu');
/** The kinds of instrument an anaphor names ("the treaty", "the Covenant"), lower case. */
export const ANAPHOR_KINDS = ['treaty', 'convention', 'covenant', 'charter', 'statute', 'protocol', 'agreement', 'resolution'] as const;
const ANAPHOR_HEAD = String.raw`(?<head>[Tt]reaty|TREATY|[Cc]onvention|CONVENTION|[Cc]ovenant|COVENANT|Charter|CHARTER|Statute|STATUTE|Protocol|PROTOCOL|Agreement|AGREEMENT|[Rr]esolution|RESOLUTION)`;
/** "the treaty", "this Convention", "the Charter", "that resolution": anaphors (`head`: the kind). */
export const ANAPHOR_SCAN = new BoundedScan(String.raw`(?:[Tt]he|[Tt]his|[Tt]hat|THE|THIS|THAT)${WS}${ANAPHOR_HEAD}(?![\p{L}\p{N}_\-])(?!${OWS}(?:No\.|\d|\(\d))`, 'gu');
/** "the 2024 treaty", "1961 Treaty". */
export const YEAR_TREATY_SCAN = new BoundedScan(String.raw`(?<year>\d{4})${WS}(?:[Tt]reaty|TREATY|[Aa]greement|[Pp]act)(?![\p{L}\p{N}_])`, 'gu');
export const YEAR_TREATY = YEAR_TREATY_SCAN.pattern;
/** "the earlier 1961 and 2000 treaties". */
export const YEARS_TREATIES_SCAN = new BoundedScan(String.raw`(?<first>\d{4})${WS}and${WS}(?<second>\d{4})${WS}[Tt]reaties(?![\p{L}\p{N}_])`, 'gu');
/** A determiner right before a name: its length is group 1. */
export const LEADING_DETERMINER = /(?:^|[^\p{L}\p{N}_])((?:the|The|THE|a|A|an|An)(?:[ \t\u00a0]+|[ \t\u00a0]*(?:\r\n|\n|\r)[ \t\u00a0]*))$/u;

/** The length of a determiner ("the ", "an ") right before `at`, which a name's extent takes (its span does not); 0 if none. */
export function determinerLength(text: string, at: number): number {
  return LEADING_DETERMINER.exec(text.slice(Math.max(0, at - 16), at))?.[1]?.length ?? 0;
}

export interface CorpusPatterns {
  /** Instrument names (aliases, titles): case-insensitive, and a case-sensitive one for acronyms and short names. */
  instrumentNames: FoldedPattern | null;
  instrumentAcronyms: RegExp | null;
  /** The acronyms, sticky: one right at a given offset (names: `matchFoldedAt`). */
  instrumentAcronymAt: RegExp | null;
  instrumentByName: Map<string, Instrument>;
  /** Full names of officials in any spelling the corpus has. */
  officialNames: FoldedPattern | null;
  officialByName: Map<string, Official>;
  /** Surnames (single-word informal forms) to the officials who have them. */
  surnames: RegExp | null;
  officialsBySurname: Map<string, Official[]>;
  /** Institution and place names containing a person's name ("Kim Il Sung Square"). */
  notPersonContexts: string[];
  /** Treaties by the year they were signed. */
  treatyByYear: Map<number, Instrument>;
  /** Instruments outside the corpus by name (data/external-instruments.json): case-insensitive names, case-sensitive abbreviations. */
  externalNames: FoldedPattern | null;
  externalAcronyms: RegExp | null;
  externalByName: Map<string, ExternalInstrument>;
}

/**
 * A case-insensitive alternation of names, run fast. V8 runs a long alternation at every
 * position of the text, and slowly: over 1 MB of a realistic draft the case-insensitive
 * instrument names took about 200 ms, lower-cased and case-sensitive still about 100 ms, and
 * even an alternation of just the names' 76 first words 20-50 ms. So the text is lower-cased
 * once (see `foldCase`) and scanned character by character for word starts whose first three
 * characters begin some name (`prefixes`); only there is the name pattern tried (`sticky`).
 * That finds exactly the matches of `folded` (every name starts a word, by its lookbehind).
 * `original` is for a text whose lower case changes length.
 */
export interface FoldedPattern {
  readonly original: RegExp;
  readonly folded: RegExp;
  /**
   * By the key of their first three characters (see `prefixKey`): the names, lower-cased, as
   * sticky patterns of one name each, compiled when the key is first met (a short draft meets
   * few of the hundreds of keys). See `NameGroup`.
   */
  byPrefix: Map<number, NameGroup | string[]>;
  /**
   * The prefix keys of every folded pattern of the corpus (instruments, officials, external
   * instruments), shared by them: a place whose key is not among them starts no name, and is
   * left out of the places the three scans of a chunk share (see `nameStartsOf`).
   */
  namePrefixes?: ReadonlySet<number>;
}

/** The text lower-cased, or null when lower-casing would move offsets (a few letters such as "İ" grow). */
export function foldCase(text: string): string | null {
  const folded = text.toLowerCase();
  return folded.length === text.length ? folded : null;
}

/**
 * A test of one code point against a character class (`pattern`: `^[…]$`), each answer kept:
 * beyond ASCII a class such as `\p{L}` is costly to test, and a draft uses few such characters.
 */
function classTest(pattern: RegExp): (codePoint: number) => boolean {
  const known = new Map<number, boolean>();
  return (codePoint) => {
    let answer = known.get(codePoint);
    if (answer === undefined) known.set(codePoint, (answer = pattern.test(String.fromCodePoint(codePoint))));
    return answer;
  };
}

const isWordBeyondAscii = classTest(/^[\p{L}\p{N}_]$/u);
/** Whether a code point is a letter, a digit or "_" (what the names' lookbehind rules out before a name). */
export function isWordCodePoint(codePoint: number): boolean {
  if (codePoint < 128) return (codePoint >= 97 && codePoint <= 122) || (codePoint >= 65 && codePoint <= 90) || (codePoint >= 48 && codePoint <= 57) || codePoint === 95;
  return isWordBeyondAscii(codePoint);
}

/** Whether the code point that ends right before `at` is a word character (the lookbehind's view, surrogate pairs read whole). */
export function wordBefore(text: string, at: number): boolean {
  return at > 0 && isWordCodePoint(codePointBefore(text, at));
}

/** The code point that ends right before `at` (> 0), as a lookbehind reads it: a surrogate pair whole, a lone surrogate as itself. */
function codePointBefore(text: string, at: number): number {
  const last = text.charCodeAt(at - 1);
  if (last >= 0xdc00 && last <= 0xdfff && at >= 2) {
    const high = text.charCodeAt(at - 2);
    if (high >= 0xd800 && high <= 0xdbff) return ((high - 0xd800) << 10) + (last - 0xdc00) + 0x10000;
  }
  return last;
}

/** A character as the name prefixes compare it: separators (spaces, line breaks, hyphens) as a space, either apostrophe as one. */
function prefixCode(code: number): number {
  if (code === 0x2019) return 0x27;
  if (code === 32 || code === 9 || code === 10 || code === 13 || code === 0xa0 || code === 0x2d || (code >= 0x2010 && code <= 0x2015)) return 32;
  return code;
}

/**
 * The first three characters at `at` hashed to a small integer (a run of separators read as
 * one space). Names whose keys collide share a group, which only makes that group's pattern
 * a little longer; a small integer key keeps the scan free of allocations.
 */
function prefixKey(text: string, at: number): number {
  let key = 0;
  let count = 0;
  let previous = -1;
  for (let index = at; index < text.length && count < 3; index++) {
    const code = prefixCode(text.charCodeAt(index));
    if (code === 32 && previous === 32) continue;
    key = (key * 65599 + code) & 0x3fffffff;
    previous = code;
    count++;
  }
  return key;
}

/** The length of the name of a folded pattern that starts right at `at` of the folded text, or 0. */
export function matchFoldedAt(pattern: FoldedPattern, folded: string, at: number): number {
  // No name starts with a separator; skipping them also keeps the key's reading of a separator
  // run to once per word (a text of spaces would otherwise be read to its end at every position).
  if (at >= folded.length || prefixCode(folded.charCodeAt(at)) === 32 || wordBefore(folded, at)) return 0;
  return matchKeyedAt(pattern, folded, at, prefixKey(folded, at));
}

/**
 * The names of one prefix key, each as a sticky pattern of its own, in the order of the whole
 * alternation (longest first). The patterns have neither the Unicode flag nor the word-boundary
 * classes (`\p{L}`, `\p{N}`): the caller checks the character before the name (`wordBefore`),
 * and `matchKeyedAt` the character after it, name by name, which is what the alternation's
 * lookahead does when it falls back to a shorter name. A name's own pattern ends where its last
 * word ends, so there is one place to check. Measured: V8 took about 0.6 ms to compile (twice,
 * with tier-up) and run a group's Unicode pattern and 0.08 ms for one without those classes;
 * the first check of a 10 KB draft compiled about a hundred groups.
 */
type NameGroup = readonly RegExp[];

/** The length of the name of the group with prefix key `key` that starts right at `at` (after no word character), or 0; a group's patterns are built on first use. */
function matchKeyedAt(pattern: FoldedPattern, folded: string, at: number, key: number): number {
  let group = pattern.byPrefix.get(key);
  if (!group) return 0;
  if (typeof group[0] === 'string') {
    group = longestFirst(group as string[]).map((name) => new RegExp(namePattern(name), 'y'));
    pattern.byPrefix.set(key, group);
  }
  for (let index = 0; index < group.length; index++) {
    const name = group[index] as RegExp;
    name.lastIndex = at;
    if (name.test(folded) && !wordAt(folded, name.lastIndex)) return name.lastIndex - at;
  }
  return 0;
}

/** Whether the code point that starts at `at` is a word character (the lookahead's view). */
function wordAt(text: string, at: number): boolean {
  return at < text.length && isWordCodePoint(text.codePointAt(at) as number);
}

/** The matches of a folded pattern in a text (`folded`: the text's `foldCase`), as offsets and lengths. */
export function matchFolded(pattern: FoldedPattern, text: string, folded: string | null): Array<{ index: number; length: number }> {
  const matches: Array<{ index: number; length: number }> = [];
  if (folded === null) {
    for (const match of text.matchAll(pattern.original)) matches.push({ index: match.index, length: match[0].length });
    return matches;
  }
  // The places a name may start, with their prefix keys, are the same for every pattern: the
  // three name scans of a chunk (instruments, external instruments, officials) share them.
  const { starts, keys, count } = nameStartsOf(folded, pattern.namePrefixes ?? null);
  let end = 0;
  for (let index = 0; index < count; index++) {
    const at = starts[index] as number;
    if (at < end) continue;
    const length = matchKeyedAt(pattern, folded, at, keys[index] as number);
    if (length === 0) continue;
    matches.push({ index: at, length });
    end = at + length;
  }
  return matches;
}

/**
 * Where a name may start in a folded text (after no word character, at no separator: the
 * names' lookbehind), stepping by code points as a Unicode expression does, with the prefix
 * key of each. The last text's answer is kept: the scans of one chunk ask for the same text.
 */
function nameStartsOf(folded: string, prefixes: ReadonlySet<number> | null): NameStarts {
  if (lastNameStarts?.folded === folded && lastNameStarts.prefixes === prefixes) return lastNameStarts;
  const starts: number[] = [];
  const keys: number[] = [];
  let previousIsWord = false;
  for (let at = 0; at < folded.length; ) {
    const code = folded.charCodeAt(at);
    if (!previousIsWord && prefixCode(code) !== 32) {
      // Only places whose key begins some name of the corpus: the three scans of a chunk then skip the others together.
      const key = prefixKey(folded, at);
      if (prefixes === null || prefixes.has(key)) {
        starts.push(at);
        keys.push(key);
      }
    }
    const codePoint = code >= 0xd800 && code <= 0xdbff ? (folded.codePointAt(at) as number) : code;
    previousIsWord = isWordCodePoint(codePoint);
    at += codePoint > 0xffff ? 2 : 1;
  }
  lastNameStarts = { folded, prefixes, starts, keys, count: starts.length };
  return lastNameStarts;
}

interface NameStarts {
  folded: string;
  prefixes: ReadonlySet<number> | null;
  starts: readonly number[];
  keys: readonly number[];
  count: number;
}
let lastNameStarts: NameStarts | null = null;

function foldedAlternation(names: string[]): FoldedPattern | null {
  const lower = names.map((name) => name.toLowerCase());
  if (!names.some((name) => name.length > 0)) return null;
  // The whole alternations are built on first use only: the scan needs just the groups, and
  // building a pattern of hundreds of names cost several milliseconds of the first analysis.
  let original: RegExp | null = null;
  let folded: RegExp | null = null;
  const groups = new Map<number, string[]>();
  for (const name of lower) {
    const written = name.split(/[\s\u00a0\-\u2010-\u2015]+/).filter(Boolean).join(' ');
    if (written.length === 0) continue;
    const key = prefixKey(written, 0);
    groups.set(key, [...(groups.get(key) ?? []), name]);
  }
  const byPrefix = new Map<number, NameGroup | string[]>(groups);
  return {
    get original(): RegExp {
      original ??= alternation(names, 'giu') as RegExp;
      return original;
    },
    get folded(): RegExp {
      folded ??= alternation(lower, 'gu') as RegExp;
      return folded;
    },
    byPrefix,
  };
}

const cache = new WeakMap<Corpus, CorpusPatterns>();

/** The patterns for a corpus, built once per corpus. */
export function patternsFor(corpus: Corpus): CorpusPatterns {
  let patterns = cache.get(corpus);
  if (!patterns) {
    patterns = buildPatterns(corpus);
    cache.set(corpus, patterns);
  }
  return patterns;
}

/** The key under which a matched name is looked up: case, spacing, hyphens and apostrophes unified. */
export function nameKey(text: string): string {
  let key = nameKeys.get(text);
  if (key === undefined) {
    key = text
      .normalize('NFC')
      .toLowerCase()
      .replace(/[\u2018\u2019\u02bc]/g, "'")
      .replace(/[\s\u00a0\-\u2010-\u2015]+/g, ' ')
      .trim();
    if (nameKeys.size >= NAME_KEYS_KEPT) nameKeys.clear();
    // Kept under a copy: the text is often a slice of a chunk.
    nameKeys.set(detachedCopy(text), key);
  }
  return key;
}

/**
 * The keys of the names met lately. A draft names the same instruments and people again and
 * again: the 1 MB benchmark draft looks up 10,113 names, 2,266 of them different, and working a
 * key out (Unicode normalization, three replacements) cost ~10 ms of its check. Cleared when full.
 */
const nameKeys = new Map<string, string>();
const NAME_KEYS_KEPT = 20_000;

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}

/** A literal name as a pattern: any whitespace or hyphen between words, either apostrophe. */
function namePattern(name: string): string {
  return name
    .split(/[\s\u00a0\-\u2010-\u2015]+/)
    .filter(Boolean)
    .map((word) => escapeRegExp(word).replace(/['\u2019]/g, "['\u2019]"))
    .join(String.raw`(?:[ \t\u00a0\-\u2010-\u2015]+|[ \t\u00a0]*(?:\r\n|\n|\r)[ \t\u00a0]*)`);
}

function alternation(names: Iterable<string>, flags: string): RegExp | null {
  const unique = longestFirst(names);
  if (unique.length === 0) return null;
  return new RegExp(String.raw`(?<![\p{L}\p{N}_])(?:${unique.map(namePattern).join('|')})(?![\p{L}\p{N}_])`, flags);
}

/** The names without repeats or empty ones, longest first; among names of one length any fixed order will do (a locale-aware compare cost milliseconds). */
function longestFirst(names: Iterable<string>): string[] {
  return [...new Set(names)].filter((name) => name.length > 0).sort((a, b) => b.length - a.length || (a < b ? -1 : a > b ? 1 : 0));
}

/**
 * Names matched with their case as written: acronyms (ARSIWA, ASR), and short generic
 * names of one or two words ("Cybercrime Convention", "ILC Articles"), which in lower case
 * are ordinary words ("a UN cybercrime convention" is another instrument).
 */
function isCaseSensitive(name: string): boolean {
  if (/^[A-Z0-9/.\s-]+$/.test(name) && !/\d{3}/.test(name)) return true;
  return name.split(/\s+/).length <= 2 && /^\p{Lu}/u.test(name);
}

function buildPatterns(corpus: Corpus): CorpusPatterns {
  const instrumentByName = new Map<string, Instrument>();
  const mixedCase: string[] = [];
  const acronyms: string[] = [];
  for (const instrument of corpus.recordedInstruments) {
    // Resolutions are recognized by their designations, not by these names.
    if (instrument.type === 'resolution') continue;
    for (const raw of [instrument.title, instrument.shortTitle, ...(instrument.aliases ?? [])]) {
      // "Treaty on the Non-Proliferation of Nuclear Weapons (NPT)": the abbreviation after a name is a name of its own.
      const name = raw.replace(/^(?:the|The)\s+/, '').replace(/\s*\([A-Z]{2,}\)$/, '').trim();
      if (name.length < 3 || /^\d+$/.test(name)) continue;
      instrumentByName.set(nameKey(name), instrument);
      (isCaseSensitive(name) ? acronyms : mixedCase).push(name);
    }
  }
  // The International Law Commission, named as the owner of an article ("the ILC's Article 16").
  const arsiwa = corpus.instrument('arsiwa');
  if (arsiwa) {
    for (const name of ['International Law Commission', 'ILC']) {
      instrumentByName.set(nameKey(name), arsiwa);
      (isCaseSensitive(name) ? acronyms : mixedCase).push(name);
    }
  }

  const officialByName = new Map<string, Official>();
  const officialNames: string[] = [];
  const officialsBySurname = new Map<string, Official[]>();
  const notPersonContexts: string[] = [];
  for (const official of corpus.officials) {
    for (const name of [official.name, ...(official.variants ?? []), ...Object.values(official.native ?? {})]) {
      // A one-word "variant" is a surname, handled below.
      if (/^\S+$/.test(name) && /^[\p{Script=Latin}]+$/u.test(name)) continue;
      officialByName.set(nameKey(name), official);
      officialNames.push(name);
    }
    for (const informal of official.informal ?? []) {
      if (/^\p{Lu}[\p{L}'\u2019-]*$/u.test(informal)) {
        const list = officialsBySurname.get(informal) ?? [];
        if (!list.includes(official)) list.push(official);
        officialsBySurname.set(informal, list);
      }
    }
    for (const context of official.notPersonContexts ?? []) notPersonContexts.push(nameKey(context.text));
  }

  const treatyByYear = new Map<number, Instrument>();
  for (const instrument of corpus.recordedInstruments) {
    const year = instrumentYear(instrument);
    if (instrument.type === 'treaty' && year !== null) treatyByYear.set(year, instrument);
  }

  const externalByName = new Map<string, ExternalInstrument>();
  const externalMixed: string[] = [];
  const externalAcronyms: string[] = [];
  for (const external of corpus.externals) {
    // Imported into a source pack with the slug as its id, the instrument is the corpus's, under all its names.
    const imported = corpus.instrument(external.slug);
    for (const name of [...external.names, ...external.abbreviations]) {
      const key = nameKey(name);
      if (imported && !instrumentByName.has(key)) {
        instrumentByName.set(key, imported);
        (external.abbreviations.includes(name) || isCaseSensitive(name) ? acronyms : mixedCase).push(name);
        continue;
      }
      // A name the corpus knows is the corpus's.
      if (instrumentByName.has(key)) continue;
      externalByName.set(key, external);
      (external.abbreviations.includes(name) || isCaseSensitive(name) ? externalAcronyms : externalMixed).push(name);
    }
  }

  const surnames = [...officialsBySurname.keys()].sort((a, b) => b.length - a.length);
  const instrumentNames = foldedAlternation(mixedCase);
  const instrumentAcronyms = alternation(acronyms, 'gu');
  const folded = { instrumentNames, officialNames: foldedAlternation(officialNames), externalNames: foldedAlternation(externalMixed) };
  const namePrefixes = new Set<number>();
  for (const pattern of Object.values(folded)) for (const key of pattern?.byPrefix.keys() ?? []) namePrefixes.add(key);
  for (const pattern of Object.values(folded)) if (pattern) pattern.namePrefixes = namePrefixes;
  return {
    ...folded,
    instrumentAcronyms,
    instrumentAcronymAt: instrumentAcronyms ? new RegExp(instrumentAcronyms.source, 'yu') : null,
    instrumentByName,
    officialByName,
    surnames: surnames.length > 0 ? new RegExp(String.raw`(?<![\p{L}\p{N}_])(?:${surnames.map(escapeRegExp).join('|')})(?![\p{L}\p{N}_])`, 'gu') : null,
    officialsBySurname,
    notPersonContexts,
    treatyByYear,
    externalAcronyms: alternation(externalAcronyms, 'gu'),
    externalByName,
  };
}
