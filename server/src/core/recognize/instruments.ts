import type { Instrument } from '../corpus';
import { ANAPHOR, LEADING_DETERMINER, POSSESSIVE_ARTICLE, YEARS_TREATIES, YEAR_TREATY, matchFolded, nameKey, type CorpusPatterns } from './patterns';
import { articleMembers } from './articles';
import { execAt, type Mention } from './mentions';

/** Instruments named in the text ("the 2024 treaty", "ARSIWA") and anaphors ("the treaty"): pass 1. */

export function instrumentMentions(text: string, folded: string | null, patterns: CorpusPatterns): Mention[] {
  const mentions: Mention[] = [];
  const add = (start: number, end: number, instrument: Instrument): void => {
    const extentStart = start - (LEADING_DETERMINER.exec(text.slice(Math.max(0, start - 8), start))?.[1]?.length ?? 0);
    // "the International Law Commission's Article 16": one article reference.
    const possessive = execAt(POSSESSIVE_ARTICLE, text, end);
    if (possessive) {
      const { members, end: membersEnd } = articleMembers(text, possessive, end, start);
      mentions.push({ type: 'articles', extent: { start: extentStart, end: membersEnd }, members, instrument, single: members.length === 1 ? { start, end: membersEnd } : null });
      return;
    }
    // "the ILC" alone is not the Articles.
    if (/^(?:ILC|International Law Commission)$/iu.test(text.slice(start, end).replace(/\s+/g, ' '))) return;
    mentions.push({ type: 'instruments', extent: { start: extentStart, end }, members: [{ span: { start, end }, instrument }], plural: false });
  };
  const names = patterns.instrumentNames ? matchFolded(patterns.instrumentNames, text, folded) : [];
  const acronyms = patterns.instrumentAcronyms ? [...text.matchAll(patterns.instrumentAcronyms)].map((match) => ({ index: match.index, length: match[0].length })) : [];
  for (const { index, length } of [...names, ...acronyms]) {
    const instrument = patterns.instrumentByName.get(nameKey(text.slice(index, index + length)));
    if (instrument) add(index, index + length, instrument);
  }
  for (const match of text.matchAll(YEAR_TREATY)) {
    const instrument = patterns.treatyByYear.get(Number(match.groups?.year));
    if (instrument) add(match.index, match.index + match[0].length, instrument);
  }
  for (const match of text.matchAll(YEARS_TREATIES)) {
    const first = patterns.treatyByYear.get(Number(match.groups?.first));
    const second = patterns.treatyByYear.get(Number(match.groups?.second));
    if (!first || !second) continue;
    const start = match.index;
    const end = start + match[0].length;
    const secondStart = start + match[0].lastIndexOf(match.groups?.second ?? '');
    const extentStart = start - (LEADING_DETERMINER.exec(text.slice(Math.max(0, start - 8), start))?.[1]?.length ?? 0);
    mentions.push({
      type: 'instruments',
      extent: { start: extentStart, end },
      members: [
        { span: { start, end: start + 4 }, instrument: first },
        { span: { start: secondStart, end }, instrument: second },
      ],
      plural: true,
    });
  }
  return mentions;
}

export function anaphorMentions(text: string): Mention[] {
  const mentions: Mention[] = [];
  for (const match of text.matchAll(ANAPHOR)) {
    const span = { start: match.index, end: match.index + match[0].length };
    const target = match.groups?.treaty ? 'treaty' : match.groups?.convention ? 'convention' : 'resolution';
    mentions.push({ type: 'anaphor', extent: span, span, target });
  }
  return mentions;
}
