/** The table of authorities of a draft: grouping, order, sections and lines, unresolved references, escaping. */
import { describe, expect, it } from 'vitest';
import { analyzeDocument } from '../../server/src/core/analyze';
import { tableOfAuthorities } from '../../server/src/core/authorities';
import { Corpus, type Instrument } from '../../server/src/core/corpus';
import { bundledCorpus } from '../helpers';

const corpus = bundledCorpus();

/** A memo written for this test: headings (one repeated), every kind of reference, ambiguous and unknown ones. */
const DRAFT = `---
title: Memo on assistance to the DPRK
date: 2025-02-10
---

Before any heading, this memo notes that OP 8 and Article 4 name no instrument yet,
while UNSCR 2397 is the latest of the resolutions discussed.

# Background

The regime began with Resolution 1718 (2006), whose paragraph 8(d) freezes assets.
Paragraph 12 of resolution 1718 set up the committee; see also paragraph 8 of resolution 1718.
Resolutions 2371 and 2397 (2017) added caps. S/RES/2270 (2016) came earlier.

## The 2024 treaty

Kim Jong Un and Vladimir Putin signed the 2024 treaty. Article 4 of that treaty
and Articles 9 and 10 matter; Article 31 of the 2024 treaty does not exist.
The earlier 1961 Treaty, Article 1, had a similar clause.

## Responsibility

Article 16 of the ILC Articles on State Responsibility applies. ARSIWA's Article 4 too.
The Budapest Convention, Article 2, is unrelated, and so is its Article 5.

## Background

Putin again; resolution 1718, paragraph 8(a) and paragraph 99 of resolution 1718.
Paragraph 8(d) of resolution 1718 is cited here a second time.
`;

const EXPECTED = String.raw`# Table of authorities

## Security Council resolutions

### Security Council resolution 1718 \(2006\), S/RES/1718 \(2006\), adopted 14 October 2006

Cited in: Background (line 11)

- Paragraph 8: Background (line 12)
- Paragraph 8\(a\): Background (line 28)
- Paragraph 8\(d\): Background (line 11); Background (line 29)
- Paragraph 12: Background (line 12)
- Paragraph 99 (no such provision): Background (line 28)

### Security Council resolution 2270 \(2016\), S/RES/2270 \(2016\), adopted 2 March 2016

Cited in: Background (line 13)

### Security Council resolution 2371 \(2017\), S/RES/2371 \(2017\), adopted 5 August 2017

Cited in: Background (line 13)

### Security Council resolution 2397 \(2017\), S/RES/2397 \(2017\), adopted 22 December 2017

Cited in: (before the first heading) (line 7); Background (line 13)

## Treaties

### Treaty of Friendship, Co\-operation and Mutual Assistance between the Union of Soviet Socialist Republics and the Democratic People's Republic of Korea, United Nations Treaty Series No\. 6045, signed 6 July 1961

Cited in: The 2024 treaty (line 19)

- Article 1: The 2024 treaty (line 19)

### Treaty on Comprehensive Strategic Partnership between the Russian Federation and the Democratic People's Republic of Korea, signed 19 June 2024

Cited in: The 2024 treaty (lines 15, 17)

- Article 4: The 2024 treaty (line 17)
- Article 9: The 2024 treaty (line 18)
- Article 10: The 2024 treaty (line 18)
- Article 31 (no such provision): The 2024 treaty (line 18)

## Conventions

### Convention on Cybercrime, ETS No\. 185, opened for signature 23 November 2001

Cited in: Responsibility (line 24)

- Article 2: Responsibility (line 24)
- Article 5: Responsibility (line 24)

## ILC articles

### Responsibility of States for Internationally Wrongful Acts, Annex to UN General Assembly resolution 56/83 \(A/RES/56/83\); ILC text in Yearbook of the International Law Commission, 2001, vol\. II, Part Two, adopted 12 December 2001

- Article 4: Responsibility (line 23)
- Article 16: Responsibility (line 23)

## Officials named

- Kim Jong Un (DPRK): The 2024 treaty (line 17)
- Vladimir Putin (Russia): The 2024 treaty (line 17); Background (line 28)

## Unresolved references

- "OP 8" in (before the first heading), line 6: no instrument is named in it or before it
- "Article 4" in (before the first heading), line 6: could be Article 4 of ILC Articles on State Responsibility \(2001\); Article 4 of Budapest Convention on Cybercrime \(ETS No\. 185\); Article 4 of Treaty on the Non\-Proliferation of Nuclear Weapons \(NPT\); Article 4 of Treaty of Friendship, Good\-Neighbourliness and Cooperation \(Russia–DPRK, 2000\); Article 4 of Treaty on Comprehensive Strategic Partnership \(Russia–DPRK, 2024\); Article 4 of Charter of the United Nations; Article 4 of Treaty of Friendship, Co\-operation and Mutual Assistance \(USSR–DPRK, 1961\); Article 4 of Vienna Convention on the Law of Treaties \(1969\)
`;

describe('table of authorities', () => {
  it('lists every authority of a draft by type, with its provisions in order and the sections and lines citing them', () => {
    expect(tableOfAuthorities(analyzeDocument(DRAFT, corpus), corpus)).toBe(EXPECTED);
  });

  it('orders paragraphs numerically (8, 8(a), 8(d), 9, 10, 12) and counts lines from 1', () => {
    const text = 'Resolution 1718 lists paragraph 10, paragraph 9, paragraph 8(d), paragraph 12, OP 8 and paragraph 8(a).\nArticle 16 of ARSIWA and Article 2 of ARSIWA.\n';
    const table = tableOfAuthorities(analyzeDocument(text, corpus), corpus);
    const lines = table.split('\n').filter((line) => line.startsWith('- '));
    expect(lines).toEqual([
      '- Paragraph 8: (before the first heading) (line 1)',
      '- Paragraph 8\\(a\\): (before the first heading) (line 1)',
      '- Paragraph 8\\(d\\): (before the first heading) (line 1)',
      '- Paragraph 9: (before the first heading) (line 1)',
      '- Paragraph 10: (before the first heading) (line 1)',
      '- Paragraph 12: (before the first heading) (line 1)',
      '- Article 2: (before the first heading) (line 2)',
      '- Article 16: (before the first heading) (line 2)',
    ]);
  });

  it('says when nothing is cited, and escapes the title and the headings', () => {
    expect(tableOfAuthorities(analyzeDocument('# Only prose\n\nNothing here.\n', corpus), corpus)).toBe('# Table of authorities\n\nNo authorities are cited.\n');
    const table = tableOfAuthorities(analyzeDocument('## See [x](command:evil) <b>\n\nUNSCR 1718 applies.\n', corpus), corpus, { title: 'Authorities [draft] <v2>' });
    expect(table.startsWith('# Authorities \\[draft\\] &lt;v2&gt;\n')).toBe(true);
    expect(table).toContain('Cited in: See \\[x\\]\\(command:evil\\) &lt;b&gt; (line 3)');
    expect(table).not.toMatch(/[^\\]\]\(/);
  });

  it('escapes data from a source pack and places pack instruments in their group', () => {
    const hostile: Instrument = {
      id: 'unscr-4242',
      type: 'resolution',
      title: 'Resolution [click](command:workbench.action.quit) <img src=x onerror=alert(1)>',
      shortTitle: 'resolution 4242 (2031)',
      aliases: [],
      symbol: 'S/RES/4242 (2031)',
      date: '2031-01-01',
      dateKind: 'adopted',
      url: null,
      status: 'adopted',
      structure: { unit: 'paragraph', count: null },
      provisions: [],
      pack: '/tmp/evil.json',
    };
    const small = new Corpus([...corpus.instruments, hostile], corpus.officials);
    const table = tableOfAuthorities(analyzeDocument('UNSCR 4242 and UNSCR 1695 apply.', small), small);
    expect(table).toContain('### Security Council resolution 1695 \\(2006\\), S/RES/1695 \\(2006\\), adopted 15 July 2006\n\nCited in: (before the first heading) (line 1)\n\n### Resolution \\[click\\]\\(command:workbench\\.action\\.quit\\) &lt;img src=x onerror=alert\\(1\\)&gt;, S/RES/4242 \\(2031\\), adopted 1 January 2031\n');
    expect(table).not.toContain('<img');
  });
});
