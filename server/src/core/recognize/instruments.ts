import type { Instrument } from '../corpus';
import { ANAPHOR_SCAN, POSSESSIVE_ARTICLE, determinerLength, YEARS_TREATIES_SCAN, YEAR_TREATY_SCAN, matchFolded, nameKey, type CorpusPatterns } from './patterns';
import { articleMembers } from './articles';
import { execAt, type Mention } from './mentions';

/** Instruments named in the text ("the 2024 treaty", "ARSIWA") and anaphors ("the treaty"): pass 1. */

/** Abbreviations that name an instrument only right after an article ("Art. 51 UNC"). */
const ARTICLE_ONLY_NAMES = new Set(['UNC']);

export function instrumentMentions(text: string, folded: string | null, patterns: CorpusPatterns): Mention[] {
  const mentions: Mention[] = [];
  const add = (start: number, end: number, instrument: Instrument): void => {
    const extentStart = start - determinerLength(text, start);
    // "the International Law Commission's Article 16": one article reference.
    const possessive = execAt(POSSESSIVE_ARTICLE, text, end);
    const read = possessive ? articleMembers(text, possessive, end, start) : null;
    if (read) {
      const { members, end: membersEnd } = read;
      mentions.push({ type: 'articles', extent: { start: extentStart, end: membersEnd }, members, owner: { instrument }, single: members.length === 1 ? { start, end: membersEnd } : null });
      return;
    }
    // "the ILC" alone is not the Articles; "UNC" alone is the United Nations Command (it names the Charter only after an article).
    if (/^(?:ILC|International Law Commission)$/iu.test(text.slice(start, end).replace(/\s+/g, ' ')) || ARTICLE_ONLY_NAMES.has(text.slice(start, end))) return;
    mentions.push({ type: 'instruments', extent: { start: extentStart, end }, members: [{ span: { start, end }, instrument }], plural: false });
  };
  const names = patterns.instrumentNames ? matchFolded(patterns.instrumentNames, text, folded) : [];
  const acronyms = patterns.instrumentAcronyms ? [...text.matchAll(patterns.instrumentAcronyms)].map((match) => ({ index: match.index, length: match[0].length })) : [];
  for (const { index, length } of [...names, ...acronyms]) {
    const instrument = patterns.instrumentByName.get(nameKey(text.slice(index, index + length)));
    if (instrument) add(index, index + length, instrument);
  }
  for (const match of YEAR_TREATY_SCAN.matches(text)) {
    const instrument = patterns.treatyByYear.get(Number(match.groups?.year));
    if (instrument) add(match.index, match.index + match[0].length, instrument);
  }
  for (const match of YEARS_TREATIES_SCAN.matches(text)) {
    const first = patterns.treatyByYear.get(Number(match.groups?.first));
    const second = patterns.treatyByYear.get(Number(match.groups?.second));
    if (!first || !second) continue;
    const start = match.index;
    const end = start + match[0].length;
    const secondStart = start + match[0].lastIndexOf(match.groups?.second ?? '');
    const extentStart = start - determinerLength(text, start);
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
  for (const match of ANAPHOR_SCAN.matches(text)) {
    const span = { start: match.index, end: match.index + match[0].length };
    const target = (match.groups?.head ?? 'treaty').toLowerCase();
    // "the Charter's Article 2(4)", "the Treaty's Article 4": one article reference, from the noun to the number.
    const possessive = target !== 'resolution' ? execAt(POSSESSIVE_ARTICLE, text, span.end) : null;
    if (possessive) {
      const nameStart = span.end - (match.groups?.head?.length ?? 0);
      const read = articleMembers(text, possessive, span.end, nameStart);
      if (read) {
        const { members, end } = read;
        mentions.push({ type: 'articles', extent: { start: span.start, end }, members, owner: { anaphor: target }, single: members.length === 1 ? { start: nameStart, end } : null });
        continue;
      }
    }
    mentions.push({ type: 'anaphor', extent: span, span, target });
  }
  return mentions;
}

/** An external name's extent takes a determiner right before it, as a corpus name's does ("the Rome Statute" over "the Statute"). */
export function withLeadingDeterminer(text: string, mentions: Mention[]): Mention[] {
  return mentions.map((mention) => {
    const before = determinerLength(text, mention.extent.start);
    return before === 0 ? mention : { ...mention, extent: { start: mention.extent.start - before, end: mention.extent.end } };
  });
}
