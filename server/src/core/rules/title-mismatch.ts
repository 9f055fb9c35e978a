import type { Corpus, Official, OfficialTitle } from '../corpus';
import { formatDate } from '../dates';
import { titlesHeldAt } from '../hover';
import { namesOffice, OFFICE_WORDS, RANK_ONLY, recordedWords, titleMatches, titleWords, wantedWords } from '../official-titles';
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
  scope: 'chunk',
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
  const matching = official.titles.filter((title) => namesOffice(written, title, official));
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
