import type { Official } from '../corpus';
import { WS, matchFolded, nameKey, type CorpusPatterns } from './patterns';
import type { Mention, Span } from './mentions';
import { isWhiteSpace } from '../whitespace';

/** Officials by name, with the title written beside them, and bare surnames: pass 1. */

/**
 * Words a title is made of. Descriptors ("leader", "strongman", "dictator", "counterpart",
 * "envoy", "top diplomat", "spokesperson") are not among them, so a title never runs into
 * one ("North Korean leader Kim Jong Un" has no title); "chief" is, for "Chief Justice", but
 * is no head ("security chief Sergei Shoigu" has none either).
 */
const TITLE_WORDS = new Set(
  [
    'president', 'vice', 'prime', 'minister', 'foreign', 'defence', 'defense', 'chairman', 'chairwoman', 'chair', 'secretary', 'general',
    'premier', 'prosecutor', 'prosecutor-general', 'director', 'marshal', 'governor', 'mayor', 'ambassador', 'commander', 'supreme',
    'chief', 'justice', 'deputy', 'first', 'acting', 'education', 'representative', 'permanent', 'head', 'speaker', 'member',
    'security', 'council', 'department', 'comrade', 'commissioner', 'judge', 'emergency', 'situations', 'affairs', 'national', 'state',
    'vice-chairman', 'vice-president', 'secretary-general', 'commander-in-chief', 'armed', 'forces', "people's", 'cabinet', 'economic', 'development',
  ],
);
const TITLE_HEADS = new Set(
  [
    'president', 'minister', 'chairman', 'chairwoman', 'chair', 'secretary', 'general', 'premier', 'prosecutor', 'prosecutor-general', 'director',
    'marshal', 'governor', 'mayor', 'ambassador', 'commander', 'justice', 'representative', 'head', 'speaker',
    'member', 'commissioner', 'judge', 'vice-chairman', 'vice-president', 'secretary-general', 'commander-in-chief',
  ],
);
const CONNECTORS = new Set(['of', 'the', 'for', 'and', 'on']);
/** Surnames that are also English words: a reference only with a title right before them ("Defence Minister No"). */
const COMMON_WORD_SURNAMES = new Set(['No']);
/**
 * Surnames that name someone only after that person's full name, even when one person in
 * the corpus bears them: common words and very common family names (many Lees, Paks and
 * Choes are not the Lee, Pak or Choe of the corpus).
 */
const NEEDS_FULL_NAME = new Set(['No', 'Lee', 'Pak', 'Choe']);
/** Honorifics before a surname ("Mr Putin"; "Mr. Putin" ends in a full stop): not titles, and not a given name of someone else. */
const HONORIFICS = new Set(['Mr', 'Ms', 'Mrs', 'Dr']);
/**
 * Capitalised words that are no given name: a surname after them ("But Lavrov said", "When
 * Putin arrived") stands alone. Any other capitalised word right before a surname may be a
 * given name of someone else ("Sung Kim", "Andy Kim"), so the surname is then left alone.
 */
const NOT_GIVEN_NAMES = new Set(
  [
    'And', 'But', 'Or', 'Nor', 'So', 'Yet', 'As', 'When', 'While', 'Whilst', 'Then', 'After', 'Before', 'Since', 'Until', 'If', 'Although',
    'Though', 'Because', 'Once', 'Whereas', 'Where', 'Even', 'Only', 'Both', 'Also', 'Meanwhile', 'Later', 'Earlier', 'Today', 'Yesterday',
    'Now', 'Still', 'Thus', 'Hence', 'In', 'On', 'At', 'By', 'For', 'With', 'Without', 'Under', 'From', 'To', 'Of', 'Like', 'Unlike', 'That',
    'This', 'Did', 'Does', 'Has', 'Had', 'Was', 'Is', 'Will', 'Would', 'Could', 'Should', 'Can', 'May', 'Might', 'Must', 'Why', 'How', 'What',
    'Whether', 'Neither', 'Either', 'Not',
  ],
);
/** Words that say a title is not held at the time written of: "former", "then", "incoming" (with "ex-", "then-" and "the late" below). */
const NOT_HELD = new Set(['former', 'formerly', 'then', 'onetime', 'one-time', 'erstwhile', 'incoming', 'future', 'would-be', 'previous', 'past']);
const NOT_HELD_PREFIX = /^(?:ex|then|former)[-\u2010\u2011]/u;
/** A capitalised word, or a possessive, that may stand between such a word and the title ("former Russian Defence Minister", "North Korea's then"). */
const ADJECTIVE_OR_POSSESSIVE = /^\p{Lu}[\p{L}.\-\u2010\u2011]*(?:['\u2019]s)?$/u;
const POSSESSIVE = /^\p{Lu}[\p{L}.]*['\u2019]s$/u;
/** After a title written after a name: it was held at another time ("Sergei Shoigu, Defence Minister until 2024"). */
const AFTER_TITLE_OTHER_TIME = /^[ \t\u00a0]+(?:until|till|from|between|before|in[ \t\u00a0]+(?:1[89]|20)\d\d|at[ \t\u00a0]+the[ \t\u00a0]+time)\b/u;
const TITLE_THEN_CAPITAL = new RegExp(`^${WS}\\p{Lu}`, 'u');
const INSTITUTION_WORDS = /^[ \t\u00a0]+(?:University|Square|Academy|Institute|Order|Prize|Medal|Stadium|Youth|Military|Street|Bridge|Mausoleum|Foundation|Memorial|Statue|Hall|Palace|School|College)\b/u;

function lowerWord(word: string): string {
  return word.toLowerCase().replace(/\u2019/g, "'");
}

/**
 * Whether the words that ended a title before a name (from `stop` back) say it is not held:
 * "former", "then", "ex-Defence", "the late", possibly with nationality adjectives between
 * ("former Russian Defence Minister Sergei Shoigu").
 */
function notHeldBefore(words: readonly RegExpMatchArray[], stop: number): boolean {
  for (let index = stop; index >= 0 && index > stop - 4; index--) {
    const written = (words[index] as RegExpMatchArray)[0];
    const bare = lowerWord(written.replace(/^[("'\u201c\u2018[]+/u, ''));
    if (NOT_HELD.has(bare) || NOT_HELD_PREFIX.test(bare)) return true;
    if (bare === 'late' && lowerWord(words[index - 1]?.[0] ?? '') === 'the') return true;
    if (!ADJECTIVE_OR_POSSESSIVE.test(written)) return false;
  }
  return false;
}

/** The last run of non-space characters in a text (what the last match of `[^\s]+` is), or "". */
function lastWord(text: string): string {
  let end = text.length;
  while (end > 0 && isWhiteSpace(text.charCodeAt(end - 1))) end--;
  let start = end;
  while (start > 0 && !isWhiteSpace(text.charCodeAt(start - 1))) start--;
  return text.slice(start, end);
}

/** The title written right before a name: "Russian President Vladimir Putin" → "President". */
function titleBefore(text: string, nameStart: number): Span | null {
  const windowStart = Math.max(0, nameStart - 120);
  const window = text.slice(windowStart, nameStart);
  if (!/[ \t\u00a0]$/u.test(window)) return null;
  // Most names have no title before them: when the last word is not part of one, there is none.
  if (!TITLE_WORDS.has(lowerWord(lastWord(window)))) return null;
  const words = [...window.matchAll(/[^\s]+/gu)];
  const collected: RegExpMatchArray[] = [];
  let stop = -1;
  for (let index = words.length - 1; index >= 0; index--) {
    const word = words[index] as RegExpMatchArray;
    // Words must follow each other on the same line (a "former" on the line before still counts).
    const next = words[index + 1];
    if (next && /[\r\n]/.test(window.slice((word.index ?? 0) + word[0].length, next.index))) {
      stop = index;
      break;
    }
    const lower = lowerWord(word[0]);
    // "Secretary of Russia's Security Council Sergei Shoigu": a possessive right after "of".
    const possessiveAfterOf = collected.length > 0 && POSSESSIVE.test(word[0]) && lowerWord(words[index - 1]?.[0] ?? '') === 'of';
    if (TITLE_WORDS.has(lower) || (CONNECTORS.has(lower) && collected.length > 0) || possessiveAfterOf) collected.unshift(word);
    else {
      stop = index;
      break;
    }
  }
  // Not "of …" or "Russia's …" at its start ("statement of Russia's Security Council Secretary Sergei Shoigu").
  while (collected.length > 0 && (CONNECTORS.has(lowerWord((collected[0] as RegExpMatchArray)[0])) || POSSESSIVE.test((collected[0] as RegExpMatchArray)[0]))) collected.shift();
  if (collected.length === 0) return null;
  if (!collected.some((word) => TITLE_HEADS.has(lowerWord(word[0])))) return null;
  if (stop >= 0 && notHeldBefore(words, stop)) return null;
  const first = collected[0] as RegExpMatchArray;
  const last = collected[collected.length - 1] as RegExpMatchArray;
  return { start: windowStart + (first.index ?? 0), end: windowStart + (last.index ?? 0) + last[0].length };
}

/** The title written after a name: "Kim Kum Chol, President of Kim Il Sung Military University". */
function titleAfter(text: string, nameEnd: number): Span | null {
  const match = /^,[ \t\u00a0]+(?:(?:the[ \t\u00a0]+)?(?:\p{Lu}[\p{L}.]*[ \t\u00a0]+)?\p{Lu}[\p{L}.]*['\u2019]s[ \t\u00a0]+)?/u.exec(text.slice(nameEnd, nameEnd + 60));
  if (!match) return null;
  let start = nameEnd + match[0].length;
  let words = [...text.slice(start, start + 160).matchAll(/[^\s]+/gu)];
  // Nationality adjectives before the title are not part of it (", Russian Defence Minister,", ", North Korean Foreign Minister,").
  const possessive = /\S[ \t\u00a0]+$/u.test(match[0].slice(1));
  for (let skip = 0; skip < 2 && !possessive; skip++) {
    const [adjective, following] = words;
    if (!adjective || !following || !/^\p{Lu}[\p{L}\-]*$/u.test(adjective[0]) || TITLE_WORDS.has(lowerWord(adjective[0]))) break;
    if (/[\r\n]/.test(text.slice(start, start + (following.index ?? 0)))) break;
    const next = lowerWord(following[0]);
    if (!TITLE_WORDS.has(next) && !/^\p{Lu}[\p{L}\-]*$/u.test(following[0])) break;
    start += following.index ?? 0;
    words = [...text.slice(start, start + 160).matchAll(/[^\s]+/gu)];
  }
  let end = start;
  let count = 0;
  // Capitalised words that are not title words belong to the title only after "of", "for", … ("President of Kim Il Sung Military University").
  let complement = false;
  for (const word of words) {
    if (word.index !== undefined && /[\r\n]/.test(text.slice(end, start + word.index))) break;
    // A word ends the title at its first punctuation ("Office;[^1]" → "Office").
    const bare = /^[^,.;:()[\]]*/u.exec(word[0])?.[0] ?? '';
    if (bare.length === 0) break;
    const lower = lowerWord(bare);
    const isFirst = count === 0;
    if (isFirst ? !TITLE_WORDS.has(lower) : !(TITLE_WORDS.has(lower) || CONNECTORS.has(lower) || (complement && /^\p{Lu}/u.test(bare)))) break;
    if (CONNECTORS.has(lower)) complement = true;
    count++;
    end = start + (word.index ?? 0) + bare.length;
    if (bare.length < word[0].length) break;
  }
  if (count === 0) return null;
  // Trailing connectors are not part of the title.
  let title = text.slice(start, end);
  while (/[ \t\u00a0](?:of|the|for|and|on)$/u.test(title)) title = title.replace(/[ \t\u00a0]+\S+$/u, '');
  const titleWords = title.split(/\s+/);
  if (!titleWords.some((word) => TITLE_HEADS.has(lowerWord(word)))) return null;
  const rest = text.slice(start + title.length, start + title.length + 40);
  // The title of the next person named (", Defence Minister Andrei Belousov"), or one held at another time.
  if (/^[ \t\u00a0]+\p{Lu}/u.test(rest) || AFTER_TITLE_OTHER_TIME.test(rest)) return null;
  return { start, end: start + title.length };
}

/**
 * The word written right before a surname, when it is capitalised and ends in a letter (a
 * given name, an honorific, or a sentence's first word; "Mr." or "Office." end in a full stop).
 */
function capitalisedWordBefore(text: string, start: number): string | null {
  return /(\p{Lu}[\p{L}'\u2019\-]*)[ \t\u00a0]+$/u.exec(text.slice(Math.max(0, start - 30), start))?.[1] ?? null;
}

export function officialMentions(text: string, folded: string | null, patterns: CorpusPatterns): Mention[] {
  const mentions: Mention[] = [];
  const isInstitution = (start: number, end: number): boolean => {
    if (INSTITUTION_WORDS.test(text.slice(end, end + 20))) return true;
    const ahead = nameKey(text.slice(start, start + 80));
    return patterns.notPersonContexts.some((context) => ahead.startsWith(context));
  };
  if (patterns.officialNames) {
    for (const match of matchFolded(patterns.officialNames, text, folded)) {
      const start = match.index;
      const end = start + match.length;
      const official = patterns.officialByName.get(nameKey(text.slice(start, end)));
      if (!official || isInstitution(start, end)) continue;
      const title = titleBefore(text, start) ?? titleAfter(text, end);
      mentions.push({ type: 'official', extent: { start, end }, span: { start, end }, official, title });
    }
  }
  if (patterns.surnames) {
    for (const match of text.matchAll(patterns.surnames)) {
      const start = match.index;
      const end = start + match[0].length;
      const after = text.slice(end, end + 4);
      // Part of a longer name ("Kim Yong Chol", "Kim Il Sung Square") or of a word ("Xi'an"; "Putin's" is the surname).
      if (TITLE_THEN_CAPITAL.test(after) || isInstitution(start, end)) continue;
      if (/^['\u2019]\p{L}/u.test(after) && !/^['\u2019]s(?![\p{L}\p{N}_])/u.test(after)) continue;
      const title = titleBefore(text, start);
      const before = capitalisedWordBefore(text, start);
      const givenName = before !== null && !HONORIFICS.has(before) && !NOT_GIVEN_NAMES.has(before) && !POSSESSIVE.test(before);
      if (givenName && !title) continue;
      // A surname that is also an English word counts only with a title.
      if (!title && COMMON_WORD_SURNAMES.has(match[0])) continue;
      const bearers = patterns.officialsBySurname.get(match[0]) ?? [];
      const alone: Official | null = bearers.length === 1 && !NEEDS_FULL_NAME.has(match[0]) ? (bearers[0] as Official) : null;
      mentions.push({ type: 'surname', extent: { start, end }, span: { start, end }, surname: match[0], title, alone });
    }
  }
  return mentions;
}
