import type { Instrument } from '../corpus';
import { ARTICLE_HEAD, ARTICLE_NEXT, ARTICLE_PARAGRAPH, OF, WS, YEAR_TREATY, matchFoldedAt, nameKey, type CorpusPatterns } from './patterns';
import { execAt, RANGE_ONLY, type Mention, type NumberedMember } from './mentions';

/** Articles of treaties, conventions and the ILC Articles: pass 1. */

const ARTICLE_OWNER_ANAPHOR = new RegExp(String.raw`(?<determiner>(?:this|that)${WS})?(?:(?<treaty>[Tt]reaty)|(?<convention>[Cc]onvention))(?![\p{L}\p{N}_])`, 'yu');
const YEAR_TREATY_AT = new RegExp(YEAR_TREATY.source, 'yu');
/** A name after "Article N of": an instrument, but not one the corpus knows. */
const OTHER_INSTRUMENT = /^(?:U\.?N\.?|United Nations|\p{Lu}[\p{L}'\u2019-]*)(?![\p{L}\p{N}_])/u;

export function articleMembers(text: string, head: RegExpExecArray, headAt: number, spanStart: number): { members: NumberedMember[]; end: number } {
  let end = headAt + head[0].length;
  const members: NumberedMember[] = [{ start: spanStart, end, number: `${head.groups?.number ?? ''}${head.groups?.suffix ?? ''}`, letter: null, closesRange: false }];
  for (let next = execAt(ARTICLE_NEXT, text, end); next; next = execAt(ARTICLE_NEXT, text, end)) {
    const sep = next.groups?.sep ?? '';
    members.push({
      start: end + sep.length,
      end: end + next[0].length,
      number: `${next.groups?.number ?? ''}${next.groups?.suffix ?? ''}`,
      letter: null,
      closesRange: RANGE_ONLY.test(sep),
    });
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
  const acronym = patterns.instrumentAcronymAt ? execAt(patterns.instrumentAcronymAt, text, at) : null;
  const byAcronym = acronym ? patterns.instrumentByName.get(nameKey(acronym[0])) : undefined;
  if (acronym && byAcronym) return { instrument: byAcronym, end: at + acronym[0].length };
  const year = execAt(YEAR_TREATY_AT, text, at);
  const treaty = year ? patterns.treatyByYear.get(Number(year.groups?.year)) : undefined;
  if (year && treaty) return { instrument: treaty, end: at + year[0].length };
  return null;
}

export function articleMentions(text: string, folded: string | null, patterns: CorpusPatterns): Mention[] {
  const mentions: Mention[] = [];
  for (const head of text.matchAll(ARTICLE_HEAD)) {
    const start = head.index;
    const { members, end } = articleMembers(text, head, start, start);
    let extentEnd = end;
    let instrument: Instrument | 'treaty' | 'convention' | null = null;
    const of = execAt(OF, text, end);
    if (of) {
      const at = end + of[0].length;
      const named = instrumentNameAt(text, folded, at, patterns);
      const anaphor = named ? null : execAt(ARTICLE_OWNER_ANAPHOR, text, at);
      if (named) {
        instrument = named.instrument;
        extentEnd = named.end;
      } else if (anaphor && (/the[ \t\u00a0]*$/u.test(of[0]) || anaphor.groups?.determiner)) {
        // "of the treaty", "of this Convention"
        instrument = anaphor.groups?.treaty ? 'treaty' : 'convention';
        extentEnd = at + anaphor[0].length;
      } else if (OTHER_INSTRUMENT.test(text.slice(at, at + 40))) {
        // "Article 51 of the UN Charter": an article of an instrument the corpus does not know.
        continue;
      }
    }
    const paragraph = execAt(ARTICLE_PARAGRAPH, text, extentEnd);
    if (paragraph && instrument === null) extentEnd += paragraph[0].length;
    mentions.push({ type: 'articles', extent: { start, end: extentEnd }, members, instrument, single: members.length === 1 && instrument ? { start, end: extentEnd } : null });
  }
  return mentions;
}
