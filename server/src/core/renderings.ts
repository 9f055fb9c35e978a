import type { Instrument, Provision, Rendering } from './corpus';

/**
 * Which rendering of a provision a reader sees first, and how the others are counted: the
 * hover leads with the most authoritative rendering in the first preferred language that has
 * one (the official text, then an authentic-language copy, then an official translation, then
 * press translations; a whole text before an extract), and counts the rest by language.
 */

const LANGUAGE_NAMES: Record<string, string> = {
  en: 'English', ko: 'Korean', ru: 'Russian', fr: 'French', ja: 'Japanese', zh: 'Chinese', ar: 'Arabic', es: 'Spanish', de: 'German', uk: 'Ukrainian',
};

/** "ko-Hani" → "ko": the language of a BCP-47 tag, in lower case. */
export function primaryLanguage(tag: string): string {
  return tag.toLowerCase().split('-')[0] ?? '';
}

/** "ko-Hani" → "Korean"; an unknown tag as it is. */
export function languageName(tag: string): string {
  return LANGUAGE_NAMES[primaryLanguage(tag)] ?? tag;
}

/** Translations made by a party or its state agency (the translator is named first): official in all but name. */
const OFFICIAL_TRANSLATOR = /^(?:(?:the )?official\b|KCNA\b|(?:the )?Kremlin\b|(?:the )?(?:Russian|DPRK|North Korean) (?:Ministry|government)\b)/iu;

/** How authoritative a rendering is, lower first: official text, authentic-language copy, official translation, press translation. */
function authority(rendering: Rendering): number {
  if (rendering.publication === 'official') return rendering.translation === null ? 0 : 1;
  if (rendering.translation === null) return 2;
  return OFFICIAL_TRANSLATOR.test(rendering.translation) ? 3 : 4;
}

function languageRank(rendering: Rendering, languages: readonly string[]): number {
  const primary = primaryLanguage(rendering.lang);
  const index = languages.findIndex((language) => primaryLanguage(language) === primary);
  return index < 0 ? languages.length : index;
}

export function renderingsOf(provision: Provision): Rendering[] {
  return provision.text ? [provision.text, ...(provision.variants ?? [])] : [];
}

/** The renderings in the order a reader should see them (stable: the data's order breaks ties). */
export function orderedRenderings(provision: Provision, languages: readonly string[]): Rendering[] {
  const all = renderingsOf(provision);
  const rank = (rendering: Rendering): number[] => [
    languageRank(rendering, languages),
    authority(rendering),
    rendering.partial || rendering.truncated ? 1 : 0,
  ];
  return all
    .map((rendering, index) => ({ rendering, index, key: rank(rendering) }))
    .sort((a, b) => {
      for (let position = 0; position < a.key.length; position++) {
        const difference = (a.key[position] as number) - (b.key[position] as number);
        if (difference !== 0) return difference;
      }
      return a.index - b.index;
    })
    .map(({ rendering }) => rendering);
}

/** "5 English, 2 Korean" for the renderings after the first. */
export function countByLanguage(renderings: readonly Rendering[]): string {
  const counts = new Map<string, number>();
  for (const rendering of renderings) counts.set(languageName(rendering.lang), (counts.get(languageName(rendering.lang)) ?? 0) + 1);
  return [...counts].map(([language, count]) => `${count} ${language}`).join(', ');
}

/** For a translation: the authentic languages, and whether a text in one of them is among the provision's renderings. */
export function authenticNote(rendering: Rendering, instrument: Instrument & { authenticLanguages?: string[] | null }, provision: Provision): string | null {
  if (rendering.translation === null) return null;
  const languages = (instrument.authenticLanguages ?? []).map(languageName);
  const held = renderingsOf(provision).filter((other) => other.translation === null);
  const which = languages.length > 0 ? `The authentic text${languages.length > 1 ? 's are' : ' is'} in ${listOf(languages)}` : 'The authentic languages are not recorded';
  const there = held.length > 0 ? `; a copy in ${listOf([...new Set(held.map((other) => languageName(other.lang)))])} is among the other renderings.` : ', and no text in them is bundled.';
  return `This is a translation. ${which}${there}`;
}

function listOf(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}
