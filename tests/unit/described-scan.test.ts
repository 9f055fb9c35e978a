/**
 * Treaties described by their parties ("the Russia–DPRK treaty"): the scan tests the word before
 * each noun (`countryBefore`) before it runs the full expression. These tests check that the
 * test only ever spares nouns the expression would not match, and that the expression, now
 * built from lists of names and qualifiers, matches what its written-out form matched.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { countryBefore, DESCRIBED, describedMentions } from '../../server/src/core/recognize/described';

/** The expression as it was written out before the lists: the reference. */
const WRITTEN_OUT = new RegExp(
  String.raw`(?<![\p{L}\p{N}_\-])(?:(?<year>\d{4})[ \u00a0]+)?(?<countries>(?:Russia|Russian|Moscow|Kremlin|North[ \u00a0]Korean?|DPRK|Pyongyang|Korean?|Soviet(?:[ \u00a0]Union)?|USSR)(?:(?:[ \u00a0]*[-\u2010-\u2015/][ \u00a0]*|[ \u00a0]+and[ \u00a0]+)(?:Russia|Russian|Moscow|Kremlin|North[ \u00a0]Korean?|DPRK|Pyongyang|Korean?|Soviet(?:[ \u00a0]Union)?|USSR)){1,3})[ \u00a0]+(?:(?:mutual|defen[cs]e|military|security|strategic|partnership|comprehensive|friendship|alliance|assistance)[ \u00a0]+){0,4}(?<noun>[Tt]reaty|[Pp]act|[Aa]greement|[Aa]ccord)(?![\p{L}\p{N}_])`,
  'gu',
);
const NOUN = /(?<![\p{L}\p{N}_])(?:[Tt]reaty|[Pp]act|[Aa]greement|[Aa]ccord)(?![\p{L}\p{N}_])/gu;

const words = fc.constantFrom(
  'Russia', 'Russian', 'Moscow', 'Kremlin', 'North Korea', 'North Korean', 'North\u00a0Korea', 'DPRK', 'Pyongyang', 'Korea', 'Korean', 'Soviet', 'Soviet Union', 'USSR',
  'mutual', 'defence', 'defense', 'military', 'security', 'strategic', 'partnership', 'comprehensive', 'friendship', 'alliance', 'assistance', 'Security',
  'treaty', 'Treaty', 'pact', 'Pact', 'agreement', 'Agreement', 'accord', 'Accord', 'treaties', 'and', 'the', 'a', '2024', '1961', 'x', 'é', 'Russias', 'koreа',
);
const separator = fc.constantFrom(' ', '  ', '\u00a0', '-', '\u2013', '/', ' - ', ' and ', '', '\n', ',', '_', '\ud835\udc00');
const country = fc.constantFrom('Russia', 'Russian', 'Moscow', 'North Korea', 'North\u00a0Korean', 'DPRK', 'Pyongyang', 'Korean', 'Soviet Union', 'Soviet', 'USSR', 'Kremlin');
const qualifier = fc.constantFrom('mutual', 'defence', 'defense', 'strategic', 'partnership', 'Security', 'security');
/** Something close to a description: countries joined, qualifiers, a noun, with a chance of a wrong piece anywhere. */
const nearDescription = fc
  .tuple(country, separator, country, fc.constantFrom(' ', '\u00a0', '  ', ''), fc.array(fc.tuple(qualifier, fc.constantFrom(' ', '\u00a0', '')), { maxLength: 5 }), fc.constantFrom('treaty', 'Treaty', 'pact', 'accord', 'Agreement'))
  .map(([first, join, second, space, qualifiers, noun]) => `${first}${join}${second}${space}${qualifiers.map(([word, gap]) => word + gap).join('')}${noun}`);
const text = fc.array(fc.oneof(words, separator, nearDescription, nearDescription), { maxLength: 30 }).map((parts) => parts.join(''));
const spaced = fc.array(fc.tuple(words, separator), { maxLength: 20 }).map((pairs) => pairs.map(([word, sep]) => word + sep).join(''));

const tailOf = new RegExp(`${DESCRIBED.source}$`, 'u');

describe('described treaties', () => {
  it('the expression built from the lists matches what the written-out one matched', () => {
    fc.assert(
      fc.property(fc.oneof(text, spaced), (written) => {
        const found = (pattern: RegExp) => [...written.matchAll(pattern)].map((match) => [match.index, match[0], match.groups?.year, match.groups?.countries, match.groups?.noun]);
        expect(found(DESCRIBED)).toEqual(found(WRITTEN_OUT));
      }),
      { seed: 5150, numRuns: 3000 },
    );
  });

  it('a noun the word test passes over ends no description', () => {
    let spared = 0;
    let kept = 0;
    let descriptions = 0;
    fc.assert(
      fc.property(fc.oneof(text, spaced), (written) => {
        for (const noun of written.matchAll(NOUN)) {
          const end = noun.index + noun[0].length;
          const described = tailOf.test(written.slice(0, end));
          if (described) descriptions++;
          if (countryBefore(written, noun.index)) kept++;
          else {
            spared++;
            expect(described, `${JSON.stringify(written)} at ${noun.index}`).toBe(false);
          }
        }
      }),
      { seed: 77, numRuns: 3000 },
    );
    // Both sides were exercised: nouns spared and nouns passed on to the expression.
    expect(spared).toBeGreaterThan(100);
    expect(kept).toBeGreaterThan(100);
    expect(descriptions).toBeGreaterThan(50);
  });

  it('finds descriptions with qualifiers and joins, and none without a country before the noun', () => {
    const spans = (written: string) => describedMentions(written).map((mention) => written.slice(mention.extent.start, mention.extent.end));
    expect(spans('They signed the Russia\u2013North Korea mutual defence treaty in June.')).toEqual(['the Russia\u2013North Korea mutual defence treaty']);
    expect(spans('The 1961 Soviet Union-DPRK friendship and cooperation treaty lapsed.')).toEqual([]);
    expect(spans('The 1961 Soviet Union-DPRK friendship treaty lapsed.')).toEqual(['The 1961 Soviet Union-DPRK friendship treaty']);
    expect(spans('Moscow and Pyongyang signed a treaty; the defence treaty of 2024 followed.')).toEqual([]);
  });
});
