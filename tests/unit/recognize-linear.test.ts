/**
 * No recognizer expression may backtrack catastrophically. Each adversarial line is repeated
 * to half a megabyte and analysed in a worker thread that a deadline can stop (see
 * robustness/isolated.ts). Linear work takes about a second there; quadratic work on that
 * size takes minutes (about 10^11 steps), exponential work for ever. The deadline is a hang
 * guard, a hundred times what the work needs, not a timing: no duration is asserted, so a
 * busy machine cannot fail the test (the bench measures speed, `npm run bench`).
 */
import { describe, expect, it } from 'vitest';
import { analyzeIsolatedOrFail } from '../robustness/isolated';

const PIECES: Record<string, string> = {
  'resolution keywords without numbers': 'Security Council Resolution ',
  'unfinished years': 'resolution 1718 (20',
  'endless resolution list': '1718, ',
  'article lists': 'Articles 1, 2 and 3 to ',
  'article subdivisions': 'Article 2(1)(a)(',
  'paragraph letters': 'paragraphs 8(a)–(b) to (',
  'slashes and symbols': 'S/RES/S/RES/',
  'backtick runs of growing length': '` `` ``` ',
  'unclosed comments': '<!-- ',
  'unclosed link destinations': '](x "',
  'unclosed autolinks': '<a:b',
  'tags without ends': '<span title="',
  'repeated surnames': 'Kim ',
  'titles without names': 'President Foreign Minister ',
  'determiners': 'the the treaty ',
  'treaty years': '1961 and 2000 and ',
  'apostrophes': "ARSIWA's ARSIWA's ",
  'names without ends': 'Treaty on Comprehensive Strategic ',
  'dashes and spaces': '–\u00a0– ',
  'external names without ends': 'International Covenant on Economic, Social, ',
  'external names with prefixes': 'Comprehensive Nuclear-Test-Ban Treaty ',
  'chapters without instruments': 'Chapter VII of the ',
  'other bodies without numbers': 'General Assembly resolution 68/',
  'roman articles': 'Articles I, II and ',
  'charter possessives': "the Charter's Article ",
  'country chains without a treaty': 'Russia-North Korea–',
  'treaty descriptions without a noun': 'Russia–DPRK mutual defence ',
  'treaty nouns after countries': 'Russia-Korea pact pact ',
  'treaties with countries': 'the treaty with Russia-Korea-',
  'unclosed quotations after an article': 'Article 4 of the 2024 treaty says “ « „ ',
  'misquotations of an article': 'Article 4 of the 2024 treaty reads "other assistance by all of one\'s means" ',
  'ellipses and brackets in quotations': 'Article 2(4) of the Charter: "[t]hreat … force [...] of any ... State" ',
  'claims: names between commas': 'Kim Yo Jong, the leader, ',
  'claims: unnamed groups without a verb': 'some Western intelligence analysts and ',
  'claims: capitalised runs': 'International Court of Justice of the ',
  'claims: numbers and years': '1,000 in 2019 and 35 between ',
  'claims: reporting verbs without subjects': 'said, reported, according to ',
  'claims: dates without days': 'on Sept. last week earlier this ',
};

/** Half a megabyte of each line. */
const SIZE = 512 * 1024;
/** The hang guard. */
const DEADLINE_MS = 120_000;

describe('recognition stays linear on adversarial lines', () => {
  for (const [name, piece] of Object.entries(PIECES)) {
    it(
      name,
      async () => {
        const text = piece.repeat(Math.ceil(SIZE / piece.length));
        const summary = await analyzeIsolatedOrFail(name, { text }, DEADLINE_MS);
        expect(summary.problems).toEqual([]);
      },
      DEADLINE_MS + 30_000,
    );
  }
});
