import type { Corpus, Official, OfficialTitle } from '../corpus';
import { formatDate } from '../dates';
import { titleMatches, titlesHeldAt } from '../hover';
import type { Fix, Reference } from '../types';
import type { RawFinding, RuleDefinition } from './types';

/**
 * "Prime Minister Vladimir Putin" in a draft dated 2024: the title written beside an
 * official's name is not one the person held at the document's date. A title never held
 * is a warning; a title held at another time is information (writers often mean it).
 */
export const titleMismatch: RuleDefinition = {
  code: 'title-mismatch',
  defaultSeverity: 'warning',
  summary: 'The title written beside an official\'s name ("Prime Minister Vladimir Putin") is not one the person held at the document\'s date (front matter `date:`, else today); a title held at another time is reported as information.',
  check({ references, corpus, documentDate }) {
    const findings: RawFinding[] = [];
    for (const reference of references) {
      if (reference.kind !== 'official' || !reference.writtenTitle || !reference.writtenTitleSpan) continue;
      const official = corpus.official(reference.id);
      if (!official) continue;
      const finding = mismatch(reference, official, documentDate, corpus);
      if (finding) findings.push(finding);
    }
    return findings;
  },
};

/**
 * Phrasings of one word or organisation, as the comparison reads them: spelling (Defense),
 * countries and their adjectives ("Russia's", "Russian", "the Russian Federation"), parties
 * by name or acronym, and words English uses for the same rank ("deputy" and "vice",
 * "premier" and "prime minister", "chair" and "chairman").
 */
const PHRASES: ReadonlyArray<readonly [RegExp, string]> = [
  [/\bdefense\b/gu, 'defence'],
  [/\bnational defence\b/gu, 'defence'],
  [/\bforeign affairs\b/gu, 'foreign'],
  [/\b(?:the )?(?:workers' party of korea|korean workers' party|(?:north korean |ruling )?workers' party)\b/gu, 'wpk'],
  [/\b(?:the )?(?:chinese communist party|communist party of china|cpc)\b/gu, 'ccp'],
  [/\b(?:the )?korean people's army\b/gu, 'kpa'],
  [/\b(?:the )?russian federation\b|\brussian\b/gu, 'russia'],
  [/\b(?:the )?democratic people's republic of korea\b|\bnorth korean?\b/gu, 'dprk'],
  [/\b(?:the )?republic of korea\b|\bsouth korean?\b/gu, 'rok'],
  [/\b(?:the )?people's republic of china\b|\bchinese\b|\bprc\b/gu, 'china'],
  [/\bpremier\b/gu, 'prime minister'],
  [/\bdeputy\b/gu, 'vice'],
  [/\bvice-/gu, 'vice '],
  [/\bprosecutor-general\b/gu, 'prosecutor general'],
  [/\bsecretary-general\b/gu, 'secretary general'],
  [/\b(?:chairwoman|chairperson|chair)\b/gu, 'chairman'],
  [/\bhead\b/gu, 'director'],
];
const STOP_WORDS = new Set(['of', 'the', 'and', 'for', 'on', 'to', 'in', 'a']);
/** Words a writer may leave out of a title ("Vice Minister" for "First Vice Minister", "President" for "Acting President"). */
const OPTIONAL = new Set(['first', 'acting', 'alternate']);
/** Words a title has or lacks alike: "President" is not "Vice President". */
const STRICT = ['vice'];
/** Military ranks: rarely recorded, so a rank alone is never judged ("Army General No Kwang Chol"). */
const RANK_ONLY = /^(?:(?:army|colonel|lieutenant|major|vice|four-star)\s+)?(?:general|admiral|marshal)$/iu;
/** Office words the comparison knows besides those of the corpus's titles: a written title with any other word it cannot judge when it names no recorded office. */
const OFFICE_WORDS = [
  'president', 'vice', 'prime', 'minister', 'foreign', 'defence', 'chairman', 'secretary', 'general', 'director', 'prosecutor', 'marshal',
  'governor', 'mayor', 'ambassador', 'commander', 'supreme', 'chief', 'justice', 'first', 'acting', 'education', 'representative', 'permanent',
  'speaker', 'member', 'security', 'council', 'department', 'commissioner', 'judge', 'emergency', 'situations', 'national', 'state', 'cabinet',
  'economic', 'development', 'armed', 'forces',
];

/** A title as a set of words, each in one phrasing ("Secretary of Russia's Security Council" → secretary, russia, security, council). */
function titleWords(text: string): string[] {
  let normalized = ` ${text.toLowerCase().normalize('NFC').replace(/[\u2018\u2019\u02bc]/gu, "'").replace(/\([^)]*\)/gu, ' ').replace(/\s+/gu, ' ')} `;
  for (const [pattern, replacement] of PHRASES) normalized = normalized.replace(pattern, replacement);
  return normalized
    .split(/[^\p{L}\p{N}'\-]+/u)
    .map((word) => word.replace(/'s$/u, '').replace(/^['\-]+|['\-]+$/gu, ''))
    .filter((word) => word.length > 0 && !STOP_WORDS.has(word));
}

const wordsOfTitles = new WeakMap<OfficialTitle, ReadonlyArray<ReadonlySet<string>>>();
function recordedWords(title: OfficialTitle): ReadonlyArray<ReadonlySet<string>> {
  let words = wordsOfTitles.get(title);
  if (!words) wordsOfTitles.set(title, (words = [title.title, ...(title.variants ?? [])].map((name) => new Set(titleWords(name)))));
  return words;
}

/** The written title's words that a recorded title must have: its own country ("Russian" beside a Russian) and words a writer may omit left out. */
function wantedWords(written: string, official: Official): string[] {
  const country = new Set(titleWords(official.country));
  return titleWords(written).filter((word) => !country.has(word) && !OPTIONAL.has(word));
}

/**
 * Whether a written title names this office: `titleMatches`, or its words, each in one
 * phrasing and in any order, are words of the title or of one of its variants ("Secretary of
 * Russia's Security Council" and "Russia's Security Council Secretary" name "Secretary of the
 * Security Council of Russia"; "Defense Minister" names "Minister of National Defence of the
 * DPRK"; "Foreign Minister" names "Minister of Foreign Affairs of Russia"), with "vice" on
 * both sides or on neither.
 */
function names(written: string, title: OfficialTitle, official: Official): boolean {
  if (titleMatches(written, title)) return true;
  const wanted = wantedWords(written, official);
  if (wanted.length === 0) return false;
  return recordedWords(title).some((have) => wanted.every((word) => have.has(word)) && STRICT.every((word) => have.has(word) === wanted.includes(word)));
}

/** The words of every recorded title of the corpus, and the office words: what `names` can judge. */
const knownWords = new WeakMap<Corpus, ReadonlySet<string>>();
function vocabulary(corpus: Corpus): ReadonlySet<string> {
  let words = knownWords.get(corpus);
  if (!words) {
    const all = new Set(OFFICE_WORDS);
    for (const official of corpus.officials) {
      for (const word of titleWords(official.country)) all.add(word);
      for (const title of official.titles) for (const set of recordedWords(title)) for (const word of set) all.add(word);
    }
    knownWords.set(corpus, (words = all));
  }
  return words;
}

/** Two English renderings of one office ("Chairman of the State Affairs Commission" → "President of the State Affairs"). */
function sameOffice(a: OfficialTitle, b: OfficialTitle): boolean {
  if (a === b || a.title === b.title) return true;
  return a.kind === 'english-rendering-of-same-office' && b.kind === 'english-rendering-of-same-office' && !!a.organization && a.organization === b.organization;
}

function period(title: OfficialTitle): string {
  const from = title.from ? `from ${formatDate(title.from)}` : 'from a date not recorded';
  const to = title.to ? `to ${formatDate(title.to)}` : 'to the present';
  return `${from} ${to}`;
}

function quotedList(titles: readonly OfficialTitle[]): string {
  const names = [...new Set(titles.map((title) => `"${title.title}"`))];
  if (names.length <= 1) return names.join('');
  return `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
}

/** What the rule says of one written title beside one official at one date (the same wherever it is written). */
interface Verdict {
  message: string;
  severity?: 'information';
  /** The title to write instead, when one office is held. */
  newText: string | null;
}

/** By corpus (what `names` can judge depends on its titles), then by official. */
const verdicts = new WeakMap<Corpus, WeakMap<Official, Map<string, Verdict | null>>>();

function mismatch(reference: Reference, official: Official, asOf: string, corpus: Corpus): RawFinding | null {
  const span = reference.writtenTitleSpan as { start: number; end: number };
  const written = reference.writtenTitle as string;
  const before = span.end <= reference.start;
  let byOfficial = verdicts.get(corpus);
  if (!byOfficial) verdicts.set(corpus, (byOfficial = new WeakMap()));
  let byKey = byOfficial.get(official);
  if (!byKey) byOfficial.set(official, (byKey = new Map()));
  const key = `${written}\u0000${asOf}\u0000${before}`;
  let verdict = byKey.get(key);
  if (verdict === undefined) {
    verdict = judge(written, before, official, asOf, corpus);
    byKey.set(key, verdict);
  }
  if (!verdict) return null;
  const newText = verdict.newText;
  const fixes: Fix[] = newText !== null ? [{ title: `Change the title to "${newText}"`, edits: [{ ...span, newText }] }] : [];
  return { ...span, message: verdict.message, ...(verdict.severity ? { severity: verdict.severity } : {}), fixes };
}

function judge(written: string, before: boolean, official: Official, asOf: string, corpus: Corpus): Verdict | null {
  const held = titlesHeldAt(official, asOf);
  const matching = official.titles.filter((title) => names(written, title, official));
  if (matching.some((title) => held.some((current) => sameOffice(title, current)))) return null;
  // A title that names no recorded office is judged only when the comparison knows all its
  // words: "Secretary of the Kremlin Security Council" may be a phrasing it does not know, and a
  // false warning costs more than a missed one. Military ranks are rarely recorded.
  if (matching.length === 0) {
    const known = vocabulary(corpus);
    if (RANK_ONLY.test(written.trim()) || wantedWords(written, official).some((word) => !known.has(word))) return null;
  }

  const date = formatDate(asOf);
  const holds = held.length > 0 ? `on ${date} they hold ${quotedList(held)}` : `no title of theirs is recorded for ${date}`;
  const newText = replacement(written, before, official, held, asOf);
  const how = newText !== null ? ` Write "${newText}", or check the document's date.` : ' Check the title and the document\'s date (front matter `date:`).';
  if (matching.length === 0) return { message: `${official.name} never held the title "${written}"; ${holds}.${how}`, newText };
  return { severity: 'information', message: `${official.name} held "${written}" ${matching.map(period).join(' and ')}, not on ${date}; ${holds}.${how}`, newText };
}

/** Titles that are not offices one is addressed by. */
const NOT_ADDRESSED = new Set(['posthumous-appellation', 'military-rank']);

/**
 * The title held at the document's date, when exactly one office is held: before the name
 * its shortest form that names only offices held at that date ("President" for "President
 * of Russia", "Minister of Defence" for "Minister of Defence of Russia", since "Minister"
 * alone also names a past office), after the name (", President of …") the data's title.
 */
function replacement(written: string, before: boolean, official: Official, held: readonly OfficialTitle[], asOf: string): string | null {
  const offices = held.filter((title) => !NOT_ADDRESSED.has(title.kind ?? ''));
  const title = offices[0];
  if (!title || offices.some((other) => !sameOffice(other, title))) return null;
  let newText = title.title;
  if (before) {
    const heldNow = (candidate: OfficialTitle): boolean => titlesHeldAt(official, asOf).some((current) => sameOffice(candidate, current));
    const forms = [title.title, ...(title.variants ?? [])].flatMap(prefixesBeforeOf).sort((a, b) => a.length - b.length);
    newText = forms.find((form) => official.titles.every((other) => !titleMatches(form, other) || heldNow(other))) ?? title.title;
  }
  return newText === written ? null : newText;
}

/** "Minister of Defence of Russia" → "Minister", "Minister of Defence", "Minister of Defence of Russia". */
function prefixesBeforeOf(title: string): string[] {
  const words = title.split(/\s+/);
  const prefixes: string[] = [];
  words.forEach((word, index) => {
    if (index > 0 && word === 'of') prefixes.push(words.slice(0, index).join(' '));
  });
  prefixes.push(title);
  return prefixes;
}
