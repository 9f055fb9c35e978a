import type { Instrument } from '../corpus';
import {
  ARTICLE_NEXT,
  ARTICLE_NEXT_ROMAN,
  ARTICLE_PARAGRAPH,
  ARTICLE_SCAN,
  CHAPTER_HEAD,
  CHAPTER_SCAN,
  OF,
  WS,
  YEAR_TREATY,
  matchFoldedAt,
  nameKey,
  type CorpusPatterns,
} from './patterns';
import { describedTreatyAt } from './described';
import { externalAt, type ExternalScan } from './external';
import { execAt, RANGE_ONLY, type ArticleOwner, type Mention, type NumberedMember } from './mentions';
import { romanValue } from '../roman';

/** Articles of treaties, conventions, the Charter and the ILC Articles, and chapters of the Charter: pass 1. */

/** "of the treaty", "of this Convention", "of the pact": whose article, by the kind of instrument (an agreement, pact or accord: the last agreement, else the last treaty). */
const ARTICLE_OWNER_ANAPHOR = new RegExp(
  String.raw`(?<determiner>(?:this|that)${WS})?(?<head>[Tt]reaty|[Cc]onvention|[Cc]ovenant|Charter|Statute|Protocol|[Aa]greement|[Pp]act|[Aa]ccord)(?![\p{L}\p{N}_])`,
  'yu',
);
const YEAR_TREATY_AT = new RegExp(YEAR_TREATY.source, 'yu');
/** A name after "Article N of": an instrument, but not one we can name. */
const OTHER_INSTRUMENT = /^(?:U\.?N\.?|United Nations|\p{Lu}[\p{L}'\u2019-]*)(?![\p{L}\p{N}_])/u;
/** An abbreviation right after the article, without "of": "Art. 51 UNC", "Article 31(1) VCLT". */
const ABBREVIATION_GAP = new RegExp(WS, 'yu');

/** A member's number as the ids write it: "2bis", "6" for "VI"; null for a malformed numeral. */
function memberNumber(groups: Record<string, string | undefined> | undefined): string | null {
  if (groups?.roman) {
    const value = romanValue(groups.roman, true);
    return value === null ? null : String(value);
  }
  return `${groups?.number ?? ''}${groups?.suffix ?? ''}`;
}

export function articleMembers(text: string, head: RegExpExecArray, headAt: number, spanStart: number): { members: NumberedMember[]; end: number } | null {
  let end = headAt + head[0].length;
  const first = memberNumber(head.groups);
  if (first === null) return null;
  const members: NumberedMember[] = [{ start: spanStart, end, number: first, letter: null, closesRange: false }];
  const nextPattern = head.groups?.roman ? ARTICLE_NEXT_ROMAN : ARTICLE_NEXT;
  for (let next = execAt(nextPattern, text, end); next; next = execAt(nextPattern, text, end)) {
    const number = memberNumber(next.groups);
    if (number === null) break;
    const sep = next.groups?.sep ?? '';
    members.push({ start: end + sep.length, end: end + next[0].length, number, letter: null, closesRange: RANGE_ONLY.test(sep) });
    end += next[0].length;
  }
  return { members, end };
}

/** An instrument named right at `at` ("the 2024 treaty", "ARSIWA", "Convention on Cybercrime"). */
export function instrumentNameAt(text: string, folded: string | null, at: number, patterns: CorpusPatterns): { instrument: Instrument; end: number } | null {
  const names = patterns.instrumentNames;
  let length = 0;
  if (names && folded !== null) length = matchFoldedAt(names, folded, at);
  else if (names) length = execAt(new RegExp(names.original.source, 'yiu'), text, at)?.[0].length ?? 0;
  const byName = length > 0 ? patterns.instrumentByName.get(nameKey(text.slice(at, at + length))) : undefined;
  if (byName) return { instrument: byName, end: at + length };
  const acronym = acronymAt(text, at, patterns);
  if (acronym) return acronym;
  const year = execAt(YEAR_TREATY_AT, text, at);
  const treaty = year ? patterns.treatyByYear.get(Number(year.groups?.year)) : undefined;
  if (year && treaty) return { instrument: treaty, end: at + year[0].length };
  return null;
}

/** A corpus abbreviation or short name matched with its case ("VCLT", "UNC", "UN Charter") right at `at`. */
function acronymAt(text: string, at: number, patterns: CorpusPatterns): { instrument: Instrument; end: number } | null {
  const acronym = patterns.instrumentAcronymAt ? execAt(patterns.instrumentAcronymAt, text, at) : null;
  const byAcronym = acronym ? patterns.instrumentByName.get(nameKey(acronym[0])) : undefined;
  return acronym && byAcronym ? { instrument: byAcronym, end: at + acronym[0].length } : null;
}

/** Whose article: the instrument named right at `at`, in the corpus or outside it. */
function ownerAt(text: string, folded: string | null, at: number, patterns: CorpusPatterns, externals: ExternalScan): { owner: ArticleOwner; end: number } | null {
  const named = instrumentNameAt(text, folded, at, patterns);
  if (named) return { owner: { instrument: named.instrument }, end: named.end };
  const external = externalAt(externals, at);
  if (external) return { owner: { external: external.external }, end: external.end };
  const described = describedTreatyAt(text, at);
  if (described) return { owner: { described: described.described }, end: described.end };
  return null;
}

export function articleMentions(text: string, folded: string | null, patterns: CorpusPatterns, externals: ExternalScan): Mention[] {
  const mentions: Mention[] = [];
  for (const head of ARTICLE_SCAN.matches(text)) {
    const start = head.index;
    const read = articleMembers(text, head, start, start);
    if (!read) continue;
    const { members, end } = read;
    // ", paragraph 2" / " para. 2" belongs to the article, before or without its instrument.
    const paragraph = execAt(ARTICLE_PARAGRAPH, text, end);
    const afterMembers = paragraph ? end + paragraph[0].length : end;
    let extentEnd = afterMembers;
    let owner: ArticleOwner = null;
    const of = execAt(OF, text, afterMembers);
    if (of) {
      const at = afterMembers + of[0].length;
      const named = ownerAt(text, folded, at, patterns, externals);
      const anaphor = named ? null : execAt(ARTICLE_OWNER_ANAPHOR, text, at);
      const chapter = named || anaphor ? null : charterChapterAt(text, folded, at, patterns, externals);
      if (named) {
        owner = named.owner;
        extentEnd = named.end;
      } else if (chapter) {
        // "Article 41 of Chapter VII of the United Nations Charter": the Charter's article.
        owner = chapter.owner;
        extentEnd = chapter.end;
      } else if (anaphor && (/the[ \t\u00a0]*$/u.test(of[0]) || anaphor.groups?.determiner)) {
        // "of the treaty", "of this Convention", "of the Charter"
        const head = (anaphor.groups?.head ?? 'treaty').toLowerCase();
        owner = { anaphor: head === 'pact' || head === 'accord' ? 'agreement' : head };
        extentEnd = at + anaphor[0].length;
      } else if (OTHER_INSTRUMENT.test(text.slice(at, at + 40))) {
        // "Article 5 of NATO's founding treaty": an article of an instrument we cannot name.
        continue;
      }
    } else {
      // "Art. 51 UNC", "Article 31(1) VCLT", "Article 6 ECHR": the abbreviation names the instrument.
      const gap = execAt(ABBREVIATION_GAP, text, afterMembers);
      const at = afterMembers + (gap?.[0].length ?? 0);
      const acronym = gap ? acronymAt(text, at, patterns) : null;
      const external = !gap || acronym ? null : externalAt(externals, at);
      if (acronym) {
        owner = { instrument: acronym.instrument };
        extentEnd = acronym.end;
      } else if (external && /^\p{Lu}{2,}$/u.test(external.external.name.replace(/[\s.]/g, ''))) {
        owner = { external: external.external };
        extentEnd = external.end;
      }
    }
    // Without an instrument, " para. 2" (no comma) is not taken: "Article 4 paragraph" reads on in prose.
    if (owner === null && paragraph && !paragraph[0].startsWith(',')) extentEnd = end;
    mentions.push({ type: 'articles', extent: { start, end: extentEnd }, members, owner, single: members.length === 1 && owner ? { start, end: extentEnd } : null });
  }
  return mentions;
}

const CHAPTER_AT = new RegExp(CHAPTER_HEAD.source, 'yu');

/** "Chapter VII of the (UN) Charter" or a bare "Chapter VII" right at `at`: the Charter as an article's owner. */
function charterChapterAt(text: string, folded: string | null, at: number, patterns: CorpusPatterns, externals: ExternalScan): { owner: ArticleOwner; end: number } | null {
  const head = execAt(CHAPTER_AT, text, at);
  if (!head?.groups?.roman) return null;
  const end = at + head[0].length;
  const of = execAt(OF, text, end);
  if (!of) return { owner: { anaphor: 'charter' }, end };
  const owner = ownerAt(text, folded, end + of[0].length, patterns, externals);
  if (owner?.owner && 'instrument' in owner.owner && owner.owner.instrument.id === CHARTER_ID) return owner;
  const anaphor = execAt(ARTICLE_OWNER_ANAPHOR, text, end + of[0].length);
  if (anaphor?.groups?.head === 'Charter') return { owner: { anaphor: 'charter' }, end: end + of[0].length + anaphor[0].length };
  return null;
}

/** The highest chapter of the UN Charter. */
const CHARTER_CHAPTERS = 19;
const CHARTER_ID = 'un-charter';

/**
 * Chapters of the UN Charter: "Chapter VII", "Chapter VII of the Charter", "Chapter 7 of the UN
 * Charter". A bare chapter must be written in Roman numerals; a chapter of another named
 * instrument ("Chapter II of the Budapest Convention") or of anything else ("Chapter 3 of this
 * report") is not one.
 */
export function chapterMentions(text: string, folded: string | null, patterns: CorpusPatterns, externals: ExternalScan): Mention[] {
  const mentions: Mention[] = [];
  for (const head of CHAPTER_SCAN.matches(text)) {
    const number = head.groups?.roman ? romanValue(head.groups.roman, true) : Number(head.groups?.arabic);
    if (number === null || number < 1 || number > CHARTER_CHAPTERS) continue;
    const start = head.index;
    const end = start + head[0].length;
    const of = execAt(OF, text, end);
    let named = false;
    let extentEnd = end;
    if (of) {
      const at = end + of[0].length;
      const owner = ownerAt(text, folded, at, patterns, externals);
      const anaphor = owner ? null : execAt(ARTICLE_OWNER_ANAPHOR, text, at);
      if (owner?.owner && 'instrument' in owner.owner && owner.owner.instrument.id === CHARTER_ID) {
        named = true;
        extentEnd = owner.end;
      } else if (anaphor?.groups?.head === 'Charter') {
        named = true;
        extentEnd = at + anaphor[0].length;
      } else if (owner || OTHER_INSTRUMENT.test(text.slice(at, at + 40)) || /^(?:this|that|these|its|their|our|his|her)\b/u.test(text.slice(at, at + 10))) {
        continue;
      }
    }
    if (!named && !head.groups?.roman) continue;
    mentions.push({ type: 'chapter', extent: { start, end: extentEnd }, span: { start, end: extentEnd }, number, named });
  }
  return mentions;
}

export { CHARTER_ID };
