/**
 * No recognizer expression may backtrack catastrophically. Each adversarial line is
 * analysed at two sizes; the work must grow about linearly (8× the text may cost at most
 * 24× the time; quadratic work would cost about 64×). Medians of several runs, and sizes
 * large enough that timer noise does not matter.
 */
import { describe, expect, it } from 'vitest';
import { analyzeDocument } from '../../server/src/core/analyze';
import { bundledCorpus } from '../helpers';

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

function medianMs(text: string): number {
  const corpus = bundledCorpus();
  const times: number[] = [];
  for (let run = 0; run < 5; run++) {
    const started = performance.now();
    analyzeDocument(text, corpus);
    times.push(performance.now() - started);
  }
  times.sort((a, b) => a - b);
  return times[2] as number;
}

describe('recognition stays linear on adversarial lines', () => {
  analyzeDocument('warm up Resolution 1718 and Article 4 of ARSIWA, Vladimir Putin.', bundledCorpus());
  for (const [name, piece] of Object.entries(PIECES)) {
    it(name, () => {
      const small = piece.repeat(Math.ceil(8_000 / piece.length));
      const large = piece.repeat(Math.ceil(64_000 / piece.length));
      const smallMs = Math.max(medianMs(small), 1);
      const largeMs = medianMs(large);
      expect(largeMs / smallMs, `${smallMs.toFixed(1)} ms for 8 kB, ${largeMs.toFixed(1)} ms for 64 kB`).toBeLessThan(24);
      // And in absolute terms, far from a hang.
      expect(largeMs).toBeLessThan(2_000);
    });
  }
});
