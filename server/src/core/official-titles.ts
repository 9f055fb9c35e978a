import type { Official, OfficialTitle } from './corpus';

/**
 * Whether a title written beside an official's name names one of their offices, as writers
 * phrase titles: short forms, recorded variants, other spellings and word orders. Shared by the
 * title-mismatch rule, hovers and document links, so that they never disagree.
 */

/** Whether a written title names this office (its name or a recorded variant, case-insensitive, or a short form of it). */
export function titleMatches(written: string, title: OfficialTitle): boolean {
  const normalize = (text: string): string => text.toLowerCase().replace(/[\u2019]/g, "'").replace(/\s+/g, ' ').trim();
  const wanted = normalize(written);
  return [title.title, ...(title.variants ?? [])].some((name) => {
    const candidate = normalize(name);
    return candidate === wanted || candidate.startsWith(`${wanted} `) || candidate.startsWith(`${wanted},`);
  });
}

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
  // The DPRK's central organs are rendered "Central" or "Supreme" ("Central Court" / "Supreme Court",
  // "Central Public Prosecutors Office" / "Supreme Public Prosecutor's Office").
  [/\bsupreme\b/gu, 'central'],
  // "Prosecutor's Office", "Prosecutors Office", "Prosecutors' Office".
  [/\bprosecutors'?(?= office)/gu, 'prosecutor'],
];
const STOP_WORDS = new Set(['of', 'the', 'and', 'for', 'on', 'to', 'in', 'a']);
/** Words a writer may leave out of a title ("Vice Minister" for "First Vice Minister", "President" for "Acting President"). */
const OPTIONAL = new Set(['first', 'acting', 'alternate']);
/** Words a title has or lacks alike: "President" is not "Vice President". */
const STRICT = ['vice'];
/** Military ranks: rarely recorded, so a rank alone is never judged ("Army General No Kwang Chol"). */
export const RANK_ONLY = /^(?:(?:army|colonel|lieutenant|major|vice|four-star)\s+)?(?:general|admiral|marshal)$/iu;
/** Office words the comparison knows besides those of the corpus's titles: a written title with any other word it cannot judge when it names no recorded office. */
export const OFFICE_WORDS = [
  'president', 'vice', 'prime', 'minister', 'foreign', 'defence', 'chairman', 'secretary', 'general', 'director', 'prosecutor', 'marshal',
  'governor', 'mayor', 'ambassador', 'commander', 'supreme', 'chief', 'justice', 'first', 'acting', 'education', 'representative', 'permanent',
  'speaker', 'member', 'security', 'council', 'department', 'commissioner', 'judge', 'emergency', 'situations', 'national', 'state', 'cabinet',
  'economic', 'development', 'armed', 'forces',
];

/** A title as a set of words, each in one phrasing ("Secretary of Russia's Security Council" → secretary, russia, security, council). */
export function titleWords(text: string): string[] {
  let normalized = ` ${text.toLowerCase().normalize('NFC').replace(/[\u2018\u2019\u02bc]/gu, "'").replace(/\([^)]*\)/gu, ' ').replace(/\s+/gu, ' ')} `;
  for (const [pattern, replacement] of PHRASES) normalized = normalized.replace(pattern, replacement);
  return normalized
    .split(/[^\p{L}\p{N}'\-]+/u)
    .map((word) => word.replace(/'s$/u, '').replace(/^['\-]+|['\-]+$/gu, ''))
    .filter((word) => word.length > 0 && !STOP_WORDS.has(word));
}

const wordsOfTitles = new WeakMap<OfficialTitle, ReadonlyArray<ReadonlySet<string>>>();
export function recordedWords(title: OfficialTitle): ReadonlyArray<ReadonlySet<string>> {
  let words = wordsOfTitles.get(title);
  if (!words) wordsOfTitles.set(title, (words = [title.title, ...(title.variants ?? [])].map((name) => new Set(titleWords(name)))));
  return words;
}

/** The written title's words that a recorded title must have: its own country ("Russian" beside a Russian) and words a writer may omit left out. */
export function wantedWords(written: string, official: Official): string[] {
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
export function namesOffice(written: string, title: OfficialTitle, official: Official): boolean {
  if (titleMatches(written, title)) return true;
  const wanted = wantedWords(written, official);
  if (wanted.length === 0) return false;
  return recordedWords(title).some((have) => wanted.every((word) => have.has(word)) && STRICT.every((word) => have.has(word) === wanted.includes(word)));
}

