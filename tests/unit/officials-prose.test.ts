/**
 * Officials in real prose (tests/recognition/CONVENTIONS.md, Officials): descriptors are no
 * titles, a past title is not claimed, honorifics and sentence words leave a surname standing,
 * and a surname one person bears resolves with no full name before it.
 */
import { describe, expect, it } from 'vitest';
import { analyzeDocument } from '../../server/src/core/analyze';
import { bundledCorpus } from '../helpers';

interface Seen {
  text: string;
  id: string;
  resolvedBy: string;
  writtenTitle: string | null;
}

function officials(text: string): Seen[] {
  return analyzeDocument(text, bundledCorpus())
    .references.filter((reference) => reference.kind === 'official')
    .map(({ text: written, id, resolvedBy, writtenTitle }) => ({ text: written, id, resolvedBy, writtenTitle }));
}

function mismatches(text: string): string[] {
  return analyzeDocument(text, bundledCorpus())
    .diagnostics.filter((diagnostic) => diagnostic.code === 'title-mismatch')
    .map((diagnostic) => diagnostic.message);
}

const dated = (body: string): string => `---\ndate: 2025-06-01\n---\n\n${body}\n`;

describe('officials in real prose', () => {
  it('a descriptor is no title', () => {
    for (const text of ['North Korean leader Kim Jong Un spoke.', 'Russia\'s top diplomat Sergei Lavrov spoke.', 'His counterpart Choe Son Hui spoke.', "Putin's envoy Sergei Shoigu spoke.", 'Russian security chief Sergei Shoigu spoke.']) {
      const found = officials(text).filter((reference) => reference.resolvedBy === 'explicit');
      expect(found.map((reference) => reference.writtenTitle), text).toEqual([null]);
    }
    expect(mismatches(dated('North Korean leader Kim Jong Un spoke.'))).toEqual([]);
  });

  it('a descriptor after the name is no title', () => {
    expect(officials('Kim Jong Un, the North Korean leader, spoke. Kim Yo Jong, Kim\'s sister, spoke.').map((reference) => reference.writtenTitle)).toEqual([null, null, null]);
  });

  it('a title after former, ex-, then or the late is not claimed', () => {
    for (const text of ['former Defence Minister Sergei Shoigu', 'ex-Defence Minister Sergei Shoigu', 'the then Defence Minister Sergei Shoigu', 'then-Defence Minister Sergei Shoigu', 'former Russian Defence Minister Sergei Shoigu', 'the late President Kim Il Sung', 'former Russian\nDefence Minister Sergei Shoigu']) {
      expect(officials(text).map((reference) => reference.writtenTitle), text).toEqual([null]);
    }
    expect(officials('Sergei Shoigu, Defence Minister until May 2024, spoke.')[0]?.writtenTitle).toBeNull();
  });

  it('an honorific and surname after the full name is the person, with no title', () => {
    expect(officials('Russian President Vladimir Putin arrived late; Mr Putin then toured the city.')).toEqual([
      { text: 'Vladimir Putin', id: 'vladimir-putin', resolvedBy: 'explicit', writtenTitle: 'President' },
      { text: 'Putin', id: 'vladimir-putin', resolvedBy: 'context', writtenTitle: null },
    ]);
    expect(officials('Choe Son Hui arrived. Ms Choe spoke, and Mr. Lavrov replied.').map((reference) => [reference.text, reference.id])).toEqual([
      ['Choe Son Hui', 'choe-son-hui'],
      ['Choe', 'choe-son-hui'],
      ['Lavrov', 'sergei-lavrov'],
    ]);
  });

  it('a surname one person bears needs no full name before it; common ones and shared ones do', () => {
    expect(officials("Putin's visit was short. Lavrov said little. But Shoigu stayed.").map((reference) => [reference.text, reference.id, reference.resolvedBy])).toEqual([
      ['Putin', 'vladimir-putin', 'context'],
      ['Lavrov', 'sergei-lavrov', 'context'],
      ['Shoigu', 'sergei-shoigu', 'context'],
    ]);
    expect(officials('President Putin landed.')).toEqual([{ text: 'Putin', id: 'vladimir-putin', resolvedBy: 'context', writtenTitle: 'President' }]);
    expect(officials('Lee said so. Pak said so. Choe said so. Kim said so. Defence Minister No said so.')).toEqual([]);
    expect(officials('Kim Yo Jong spoke, then Kim Jong Un. Kim said so.').map((reference) => reference.id)).toEqual(['kim-yo-jong', 'kim-jong-un', 'kim-jong-un']);
  });

  it('a surname inside a word or after a given name is not the person', () => {
    expect(officials("Xi'an is a city. Sung Kim met them.")).toEqual([]);
  });

  it('a title written in other words is the same title', () => {
    const text = dated(
      [
        "Sergei Shoigu, Secretary of Russia's Security Council, spoke.",
        "Secretary of Russia's Security Council Sergei Shoigu spoke.",
        "Russia's Security Council Secretary Sergei Shoigu spoke.",
        'Russian Defense Minister Andrei Belousov spoke.',
        'Andrei Belousov, Russian Defence Minister, spoke.',
        'North Korean Defence Minister No Kwang Chol spoke.',
        'Foreign Minister Sergei Lavrov spoke.',
        'Choe Son Hui, North Korean Foreign Minister, spoke.',
        'Prime Minister Pak Thae Song spoke.',
      ].join('\n\n'),
    );
    expect(officials(text).every((reference) => reference.writtenTitle !== null)).toBe(true);
    expect(mismatches(text)).toEqual([]);
  });

  it('a wrong title in other words is still wrong', () => {
    expect(mismatches(dated("Secretary of Russia's Security Council Andrei Belousov spoke."))).toHaveLength(1);
    expect(mismatches(dated('Foreign Minister Andrei Belousov spoke.'))).toHaveLength(1);
    expect(mismatches(dated('President Pak Thae Song spoke.'))).toHaveLength(1);
  });

  it("the next person's title after a list comma is not the first person's", () => {
    expect(officials('Sergei Shoigu, Defence Minister Andrei Belousov and others.').map((reference) => reference.writtenTitle)).toEqual([null, 'Defence Minister']);
  });
});
