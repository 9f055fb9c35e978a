import type { SourceDocument } from '../document';
import type { Corpus, Instrument } from '../corpus';
import type { Fix, Reference } from '../types';
import type { RawFinding, RuleDefinition } from './types';

/**
 * "Article 16" with no instrument in the phrase or before it (`resolvedBy: 'ambiguous'`):
 * it could be an article of any instrument whose structure allows the number. The fixes
 * name each candidate after the reference ("Article 16 of ARSIWA"), which the recognizer
 * then resolves explicitly. "OP 8" before any resolution has no candidates and no fix.
 */
export const ambiguousReference: RuleDefinition = {
  code: 'ambiguous-reference',
  defaultSeverity: 'warning',
  scope: 'chunk',
  summary: 'A provision whose instrument is named neither in the phrase nor before it ("Article 16": of which treaty?).',
  check({ references, corpus, document }) {
    const findings: RawFinding[] = [];
    const ambiguous = references.filter((reference) => reference.kind === 'provision' && reference.resolvedBy === 'ambiguous');
    for (const group of listGroups(ambiguous, document)) {
      const isArticle = group.every((reference) => /^art-/.test(reference.id));
      if (!isArticle) {
        for (const reference of group) findings.push(paragraphFinding(reference));
        continue;
      }
      const { fixes, names } = articleFixes(group, document, corpus);
      for (const reference of group) findings.push(articleFinding(reference, fixes, names, corpus));
    }
    return findings;
  },
};

/** The name writers use for an instrument: its first alias ("ARSIWA", "the 2024 treaty"). */
export function shortName(instrument: Instrument): string {
  return instrument.aliases?.[0] ?? instrument.shortTitle;
}

const SEPARATOR = /^(?:[ \t\u00a0]*,[ \t\u00a0]*(?:(?:and|or)[ \t\u00a0]+)?|[ \t\u00a0]+(?:and|or|to|through|thru)[ \t\u00a0]+|[ \t\u00a0]*[-\u2010-\u2015][ \t\u00a0]*)$/u;

/**
 * The members of one written list or range ("Articles 9 and 10", "Articles 14 to 16"), in
 * document order: an instrument named after the list applies to all of them, so they share
 * their fixes. Members a range implies share the range's span and join its group.
 */
function listGroups(references: readonly Reference[], text: Pick<SourceDocument, 'slice'>): Reference[][] {
  const groups: Reference[][] = [];
  let end = -1;
  for (const reference of references) {
    const group = groups[groups.length - 1];
    const joins =
      group !== undefined &&
      /^art-/.test(reference.id) === /^art-/.test((group[0] as Reference).id) &&
      (reference.start < end || (/^[\d(]/u.test(reference.text) && SEPARATOR.test(text.slice(end, reference.start))));
    if (joins && group) group.push(reference);
    else groups.push([reference]);
    end = Math.max(joins ? end : -1, reference.end);
  }
  return groups;
}

function candidateInstruments(reference: Reference, corpus: Corpus): Instrument[] {
  const instruments: Instrument[] = [];
  for (const id of reference.candidates ?? []) {
    const instrument = corpus.instrument(id.split('/')[0] ?? '');
    if (instrument && !instruments.includes(instrument)) instruments.push(instrument);
  }
  return instruments;
}

/** "of the treaty" / "of the Convention" written after the reference, with no treaty before it. */
const OWNER_ANAPHOR = /[ \t\u00a0]+of[ \t\u00a0]+(?:the|this|that)[ \t\u00a0]+(?:(treaty|agreement|pact|accord)|(convention|covenant|charter|statute|protocol))$/iu;

/** The fixes a list shares, and the names of the instruments they offer. */
function articleFixes(group: readonly Reference[], text: Pick<SourceDocument, 'slice'>, corpus: Corpus): { fixes: Fix[]; names: string[] } {
  const first = group[0] as Reference;
  const end = group.reduce((last, reference) => Math.max(last, reference.end), first.end);
  // Instruments that have every member of the list.
  let instruments = candidateInstruments(first, corpus).filter((instrument) =>
    group.every((reference) => (reference.candidates ?? []).some((id) => id.startsWith(`${instrument.id}/`))),
  );
  const anaphor = group.length === 1 ? OWNER_ANAPHOR.exec(first.text) : null;
  let edit = { start: end, end };
  if (anaphor) {
    // "Article 16 of the treaty" with no treaty named before: name one of that type instead (a
    // pact or an agreement is a treaty; past the treaty named before, "Article 51 of the treaty", any).
    const type = anaphor[1] ? 'treaty' : anaphor[2]?.toLowerCase() === 'convention' ? 'convention' : null;
    if (!first.contextInstrumentId && type) instruments = instruments.filter((instrument) => instrument.type === type);
    edit = { start: first.start + anaphor.index, end: first.end };
  }
  const written = abbreviated(text.slice(first.start, edit.start).replace(/\s+/g, ' '));
  const fixes = instruments.map((instrument) => {
    const newText = ` of ${shortName(instrument)}`;
    return { title: `Write "${written}${newText}"`, edits: [{ ...edit, newText }] };
  });
  return { fixes, names: instruments.map(shortName) };
}

/**
 * A long list shown by its ends ("Articles 1, 2, 3, … 998, 999"): every member's message and
 * fix title quote it, so a list of thousands would otherwise cost its length squared.
 */
function abbreviated(written: string): string {
  return written.length <= 80 ? written : `${written.slice(0, 40).trimEnd()} … ${written.slice(-30).trimStart()}`;
}

function articleFinding(reference: Reference, fixes: readonly Fix[], names: readonly string[], corpus: Corpus): RawFinding {
  const article = `Article ${reference.id.replace(/^art-/, '')}`;
  const anaphor = OWNER_ANAPHOR.exec(reference.text);
  const context = reference.contextInstrumentId ? corpus.instrument(reference.contextInstrumentId) : undefined;
  const what = context
    ? `${article} is not an article of ${shortName(context)}, the instrument named before it (it has ${context.structure.count ?? 'fewer'} articles)`
    : anaphor
      ? `"${reference.text}" names no instrument: no ${(anaphor[1] ?? anaphor[2] ?? 'treaty').toLowerCase()} is named before it`
      : `${article} has no instrument named in the phrase or before it`;
  const example = /^Write (".*")$/.exec(fixes[0]?.title ?? '')?.[1];
  const could = names.length > 0 ? `it could be ${article} of ${orList(names)}` : 'no instrument of that kind in the corpus has this article';
  return {
    start: reference.start,
    end: reference.end,
    message: `${what}; ${could}. Name the instrument${example ? `, e.g. ${example}` : ''}.`,
    fixes: [...fixes],
  };
}

function paragraphFinding(reference: Reference): RawFinding {
  return {
    start: reference.start,
    end: reference.end,
    message: `No resolution is named for "${reference.text}", in the phrase or before it: name the resolution, e.g. "${reference.text} of resolution 1718", or cite the resolution earlier in the text.`,
    fixes: [],
  };
}

function orList(names: readonly string[]): string {
  if (names.length <= 1) return names.join('');
  return `${names.slice(0, -1).join(', ')} or ${names[names.length - 1]}`;
}
