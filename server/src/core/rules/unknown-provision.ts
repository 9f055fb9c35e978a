import { isWordCodePoint, wordBefore } from '../recognize/patterns';
import type { Instrument } from '../corpus';
import { toRoman } from '../roman';
import type { Fix, Reference } from '../types';
import type { RawFinding, RuleDefinition } from './types';

/**
 * "Article 31 of the 2024 treaty" (the treaty has 23 articles), "paragraph 8(g) of resolution
 * 1718" (paragraph 8 has sub-paragraphs (a) to (f)): the recognizer resolved the instrument,
 * but the instrument has no such provision (`resolvedBy: 'unknown'`).
 */
export const unknownProvision: RuleDefinition = {
  code: 'unknown-provision',
  defaultSeverity: 'error',
  scope: 'chunk',
  summary: 'An article or paragraph the instrument does not have ("Article 31 of the 2024 treaty": the treaty has 23 articles).',
  check({ references, corpus }) {
    const findings: RawFinding[] = [];
    for (const reference of references) {
      if (reference.kind !== 'provision' || reference.resolvedBy !== 'unknown' || !reference.instrumentId) continue;
      const instrument = corpus.instrument(reference.instrumentId);
      if (!instrument) continue;
      const finding = instrument.structure.unit === 'article' ? unknownArticle(reference, instrument) : unknownParagraph(reference, instrument);
      if (finding) findings.push(finding);
    }
    return findings;
  },
};

/** Where `number` is written in the reference: its first occurrence as a number of its own. */
function numberSpan(reference: Reference, number: string): { start: number; end: number } | null {
  // A plain search: a regular expression per number (with Unicode classes) cost more than the rest of the rule.
  const lowered = reference.text.toLowerCase();
  const text = lowered.length === reference.text.length ? lowered : reference.text;
  const wanted = number.toLowerCase();
  let index = text.indexOf(wanted);
  while (index >= 0 && (wordBefore(text, index) || wordAt(text, index + wanted.length))) index = text.indexOf(wanted, index + 1);
  // Members a range implies ("Articles 22 to 26" → 24, 25) are not written: the written end
  // of the range is reported instead.
  if (index < 0) return null;
  return { start: reference.start + index, end: reference.start + index + wanted.length };
}

/** Whether a letter, digit or "_" starts at `at` (read as a code point, as the name patterns do). */
function wordAt(text: string, at: number): boolean {
  return at < text.length && isWordCodePoint(text.codePointAt(at) as number);
}

/** The provisions to offer instead of `number`: the last one, and the digits swapped (32 → 23). */
function nearestNumbers(number: number, count: number): number[] {
  const result = [count];
  const digits = String(number);
  if (digits.length === 2 && digits[1] !== '0') {
    const swapped = Number(`${digits[1]}${digits[0]}`);
    if (swapped >= 1 && swapped <= count && !result.includes(swapped)) result.push(swapped);
  }
  return result;
}

function unknownArticle(reference: Reference, instrument: Instrument): RawFinding | null {
  const count = instrument.structure.count;
  const written = /\/art-(\d+)((?:bis|ter|quater)?)$/.exec(reference.id);
  if (count === null || !written) return null;
  const number = Number(written[1]);
  // An instrument numbered in Roman numerals (the NPT) is written and corrected in them: "Article XII" → "Article XI".
  const roman = instrument.structure.numbering === 'roman';
  const show = (value: number): string => (roman ? toRoman(value) : String(value));
  const span = numberSpan(reference, `${written[1]}${written[2] ?? ''}`) ?? (written[2] ? null : numberSpan(reference, toRoman(number)));
  if (!span) return null;
  return {
    ...span,
    message:
      `${instrument.shortTitle} has ${count} articles, so there is no Article ${show(number)}${written[2] ?? ''}: ` +
      `check the number (the last article is Article ${show(count)}).`,
    fixes: nearestNumbers(number, count).map((candidate): Fix => ({
      title: `Change to Article ${show(candidate)}`,
      edits: [{ ...span, newText: show(candidate) }],
    })),
  };
}

function unknownParagraph(reference: Reference, instrument: Instrument): RawFinding | null {
  const written = /\/op-(\d+)([a-z])?$/.exec(reference.id);
  if (!written) return null;
  const number = Number(written[1]);
  const letter = written[2] ?? null;
  const name = instrument.symbol ?? instrument.shortTitle;
  const count = instrument.structure.count;
  if (count !== null && number > count) {
    const span = numberSpan(reference, written[1] as string);
    if (!span) return null;
    return {
      ...span,
      message: `${name} has ${count} operative paragraphs, so there is no paragraph ${number}: check the number (the last is paragraph ${count}).`,
      fixes: nearestNumbers(number, count).map((candidate): Fix => ({
        title: `Change to paragraph ${candidate}`,
        edits: [{ ...span, newText: String(candidate) }],
      })),
    };
  }
  const letters = instrument.structure.subparagraphs?.[String(number)];
  if (!letter || !letters || letters.length === 0) return null;
  // The letter as written: "(g)" after the number, or alone at the end of a range ("8(a)–(g)").
  const numberAt = numberSpan(reference, written[1] as string);
  const from = numberAt ? numberAt.end - reference.start : 0;
  const match = new RegExp(String.raw`\(${letter}\)`, 'u').exec(reference.text.slice(from));
  if (!match) return null;
  const start = reference.start + from + match.index + 1;
  const span = { start, end: start + 1 };
  const byDistance = [...letters].sort((a, b) => Math.abs(a.charCodeAt(0) - letter.charCodeAt(0)) - Math.abs(b.charCodeAt(0) - letter.charCodeAt(0)) || a.localeCompare(b));
  return {
    ...span,
    message:
      `Paragraph ${number} of ${name} has the sub-paragraphs ${letterList(letters)}, so there is no ${number}(${letter}): ` +
      `use one of them.`,
    fixes: byDistance.map((candidate): Fix => ({
      title: `Change to paragraph ${number}(${candidate})`,
      edits: [{ ...span, newText: candidate }],
    })),
  };
}

/** "(a) to (f)" for a run of letters, else "(a), (c) and (d)". */
function letterList(letters: readonly string[]): string {
  const sorted = [...letters].sort();
  const contiguous = sorted.every((letter, index) => index === 0 || letter.charCodeAt(0) === (sorted[index - 1] as string).charCodeAt(0) + 1);
  if (contiguous && sorted.length > 2) return `(${sorted[0]}) to (${sorted[sorted.length - 1]})`;
  const quoted = sorted.map((letter) => `(${letter})`);
  return quoted.length === 1 ? (quoted[0] as string) : `${quoted.slice(0, -1).join(', ')} and ${quoted[quoted.length - 1]}`;
}
