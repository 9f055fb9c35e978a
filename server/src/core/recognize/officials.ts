import { WS, matchFolded, nameKey, type CorpusPatterns } from './patterns';
import type { Mention, Span } from './mentions';

/** Officials by name, with the title written beside them, and bare surnames: pass 1. */

const TITLE_WORDS = new Set(
  [
    'president', 'vice', 'prime', 'minister', 'foreign', 'defence', 'defense', 'chairman', 'chairwoman', 'chair', 'secretary', 'general',
    'premier', 'prosecutor', 'prosecutor-general', 'director', 'marshal', 'governor', 'mayor', 'ambassador', 'envoy', 'commander', 'supreme',
    'leader', 'chief', 'justice', 'deputy', 'first', 'acting', 'education', 'representative', 'permanent', 'head', 'speaker', 'member',
    'security', 'council', 'department', 'comrade', 'commissioner', 'judge', 'emergency', 'situations', 'affairs', 'national', 'state',
    'vice-chairman', 'vice-president', 'secretary-general', 'commander-in-chief', 'armed', 'forces', "people's", 'cabinet', 'economic', 'development',
  ],
);
const TITLE_HEADS = new Set(
  [
    'president', 'minister', 'chairman', 'chairwoman', 'chair', 'secretary', 'general', 'premier', 'prosecutor', 'prosecutor-general', 'director',
    'marshal', 'governor', 'mayor', 'ambassador', 'envoy', 'commander', 'leader', 'chief', 'justice', 'representative', 'head', 'speaker',
    'member', 'commissioner', 'judge', 'vice-chairman', 'vice-president', 'secretary-general', 'commander-in-chief',
  ],
);
const CONNECTORS = new Set(['of', 'the', 'for', 'and', 'on']);
const COMMON_WORD_SURNAMES = new Set(['No']);
const TITLE_THEN_CAPITAL = new RegExp(`^${WS}\\p{Lu}`, 'u');
const INSTITUTION_WORDS = /^[ \t\u00a0]+(?:University|Square|Academy|Institute|Order|Prize|Medal|Stadium|Youth|Military|Street|Bridge|Mausoleum|Foundation|Memorial|Statue|Hall|Palace|School|College)\b/u;

/** The title written right before a name: "Russian President Vladimir Putin" → "President". */
function titleBefore(text: string, nameStart: number): Span | null {
  const windowStart = Math.max(0, nameStart - 120);
  const window = text.slice(windowStart, nameStart);
  if (!/[ \t\u00a0]$/u.test(window)) return null;
  const words = [...window.matchAll(/[^\s]+/gu)];
  const collected: RegExpMatchArray[] = [];
  for (let index = words.length - 1; index >= 0; index--) {
    const word = words[index] as RegExpMatchArray;
    const lower = word[0].toLowerCase().replace(/\u2019/g, "'");
    if (TITLE_WORDS.has(lower) || (CONNECTORS.has(lower) && collected.length > 0)) collected.unshift(word);
    else break;
    // Words must follow each other on the same line.
    const next = words[index + 1];
    if (next && /[\r\n]/.test(window.slice((word.index ?? 0) + word[0].length, next.index))) {
      collected.shift();
      break;
    }
  }
  while (collected.length > 0 && CONNECTORS.has((collected[0] as RegExpMatchArray)[0].toLowerCase())) collected.shift();
  if (collected.length === 0) return null;
  if (!collected.some((word) => TITLE_HEADS.has(word[0].toLowerCase()))) return null;
  const first = collected[0] as RegExpMatchArray;
  const last = collected[collected.length - 1] as RegExpMatchArray;
  return { start: windowStart + (first.index ?? 0), end: windowStart + (last.index ?? 0) + last[0].length };
}

/** The title written after a name: "Kim Kum Chol, President of Kim Il Sung Military University". */
function titleAfter(text: string, nameEnd: number): Span | null {
  const match = /^,[ \t\u00a0]+(?:(?:the[ \t\u00a0]+)?(?:\p{Lu}[\p{L}.]*[ \t\u00a0]+)?\p{Lu}[\p{L}.]*['\u2019]s[ \t\u00a0]+)?/u.exec(text.slice(nameEnd, nameEnd + 60));
  if (!match) return null;
  const start = nameEnd + match[0].length;
  const words = [...text.slice(start, start + 120).matchAll(/[^\s]+/gu)];
  let end = start;
  let count = 0;
  for (const word of words) {
    if (word.index !== undefined && /[\r\n]/.test(text.slice(end, start + word.index))) break;
    // A word ends the title at its first punctuation ("Office;[^1]" → "Office").
    const bare = /^[^,.;:()[\]]*/u.exec(word[0])?.[0] ?? '';
    if (bare.length === 0) break;
    const lower = bare.toLowerCase();
    const isFirst = count === 0;
    if (isFirst ? !TITLE_WORDS.has(lower) : !(TITLE_WORDS.has(lower) || CONNECTORS.has(lower) || /^\p{Lu}/u.test(bare))) break;
    count++;
    end = start + (word.index ?? 0) + bare.length;
    if (bare.length < word[0].length) break;
  }
  if (count === 0) return null;
  // Trailing connectors are not part of the title.
  let title = text.slice(start, end);
  while (/[ \t\u00a0](?:of|the|for|and|on)$/u.test(title)) title = title.replace(/[ \t\u00a0]+\S+$/u, '');
  const words2 = title.split(/\s+/);
  if (!words2.some((word) => TITLE_HEADS.has(word.toLowerCase()))) return null;
  return { start, end: start + title.length };
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
      // Part of a longer name ("Kim Yong Chol", "Kim Il Sung Square").
      if (TITLE_THEN_CAPITAL.test(text.slice(end, end + 4)) || isInstitution(start, end)) continue;
      if (/\p{Lu}[\p{L}'\u2019-]*[ \t\u00a0]+$/u.test(text.slice(Math.max(0, start - 30), start)) && !titleBefore(text, start)) continue;
      const title = titleBefore(text, start);
      // A surname that is also an English word counts only with a title.
      if (!title && COMMON_WORD_SURNAMES.has(match[0])) continue;
      mentions.push({ type: 'surname', extent: { start, end }, span: { start, end }, surname: match[0], title });
    }
  }
  return mentions;
}
