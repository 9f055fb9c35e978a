/**
 * The open world in the core: the resolution index, resolutions newer than it, other bodies'
 * resolutions, instruments outside the corpus (hover, links, fixes, table of authorities), and a
 * pack that imports one of them under its slug.
 */
import { describe, expect, it } from 'vitest';
import { analyzeDocument } from '../../server/src/core/analyze';
import { tableOfAuthorities } from '../../server/src/core/authorities';
import { applyPacks, parsePack } from '../../server/src/core/packs';
import { documentLinks } from '../../server/src/core/links';
import { hoverAt } from '../../server/src/core/hover';
import { completionsAt } from '../../server/src/core/completions';
import { searchSymbols } from '../../server/src/core/symbols';
import type { Reference } from '../../server/src/core/types';
import { bundledCorpus } from '../helpers';

const corpus = bundledCorpus();

function referenceAtText(text: string, needle: string, references: readonly Reference[]): Reference {
  const start = text.indexOf(needle);
  const found = references.find((reference) => reference.start <= start && start < reference.end);
  if (!found) throw new Error(`no reference at ${needle}`);
  return found;
}

function hoverOf(text: string, needle: string): string {
  const analysis = analyzeDocument(text, corpus);
  return hoverAt(analysis, corpus, text.indexOf(needle) + 1, { asOf: '2025-06-01' })?.markdown ?? '';
}

describe('the resolution index', () => {
  it('holds every resolution from 1 to 2640, with the DPRK resolutions keeping their records', () => {
    expect(corpus.resolution(1)?.symbol).toBe('S/RES/1 (1946)');
    expect(corpus.resolution(2640)?.origin).toBe('index');
    expect(corpus.resolution(1718)?.origin).toBeUndefined();
    expect(corpus.resolution(1718)?.provisions.length).toBeGreaterThan(0);
    expect(corpus.resolutionIndex?.last).toBe(2640);
  });

  it('checks the year of any indexed resolution, and of one whose exact date is not settled by its symbol’s year', () => {
    const text = 'Resolution 242 (1968) and resolution 29 (1948) and resolution 29 (1947) and resolution 1540 (2004).';
    const years = analyzeDocument(text, corpus).diagnostics.filter((diagnostic) => diagnostic.code === 'year-mismatch');
    expect(years.map((diagnostic) => text.slice(diagnostic.start, diagnostic.end))).toEqual(['1968', '1948']);
    expect(years[0]?.message).toContain('22 November 1967');
    expect(years[1]?.message).toContain('adopted in 1947');
  });

  it('says in the hover when the sources disagree on the date', () => {
    const markdown = hoverOf('See resolution 29 (1947).', 'resolution 29');
    expect(markdown).toContain('adopted in 1947');
    expect(markdown).toContain('21 August 1947 and 12 August 1947');
  });

  it('finds an indexed resolution by number in workspace symbols and completions, cut short with a flag', () => {
    expect(searchSymbols(corpus, '2231')[0]?.id).toBe('unscr-2231');
    const text = 'See resolution 22';
    const completions = completionsAt(analyzeDocument(text, corpus), corpus, text.length, { asOf: '2025-06-01', style: 'un' });
    expect(completions?.items.every((item) => item.label.startsWith('22'))).toBe(true);
    expect(completions?.incomplete).toBe(true);
    const exact = completionsAt(analyzeDocument('See resolution 2231', corpus), corpus, 19, { asOf: '2025-06-01', style: 'un' });
    expect(exact?.items.map((item) => item.insertText)).toEqual(['2231 (2015)']);
  });
});

describe('resolutions newer than the index', () => {
  it('are Security Council resolutions, with no year check, and a link built from the year written', () => {
    const text = 'Security Council resolution 2719 (2023) and UNSCR 2800.';
    const analysis = analyzeDocument(text, corpus);
    expect(analysis.references.map((reference) => reference.id)).toEqual(['unscr-2719', 'unscr-2800']);
    expect(analysis.diagnostics.filter((diagnostic) => diagnostic.code === 'year-mismatch')).toEqual([]);
    expect(hoverOf(text, 'resolution 2719')).toContain('newer than the bundled index');
    expect(hoverOf(text, 'resolution 2719')).toContain('https://undocs.org/S/RES/2719(2023)');
    expect(hoverOf(text, 'UNSCR 2800')).toContain('No year is written');
    expect(documentLinks(analysis, corpus).map((link) => link.target)).toEqual(['https://undocs.org/S/RES/2719(2023)']);
  });
});

describe('other bodies’ resolutions', () => {
  it('are external references, never unscr-N, linked to their symbols', () => {
    const text = 'General Assembly resolution 3314 (XXIX), A/RES/68/262, resolution ES-11/1 and Human Rights Council resolution 55/1.';
    const analysis = analyzeDocument(text, corpus);
    expect(analysis.references.map((reference) => [reference.kind, reference.id])).toEqual([
      ['external', 'ga-res-3314'],
      ['external', 'ga-res-68-262'],
      ['external', 'ga-res-es-11-1'],
      ['external', 'hrc-res-55-1'],
    ]);
    expect(documentLinks(analysis, corpus).map((link) => link.target)).toEqual([
      'https://undocs.org/A/RES/3314(XXIX)',
      'https://undocs.org/A/RES/68/262',
      'https://undocs.org/A/RES/ES-11/1',
      'https://undocs.org/A/HRC/RES/55/1',
    ]);
  });

  it('are found when written "Res." in a paragraph that never says "resolution"', () => {
    const analysis = analyzeDocument('Crimea: see GA Res. 68/262 and UNGA Res. ES-11/1.', corpus);
    expect(analysis.references.map((reference) => [reference.kind, reference.id, reference.text])).toEqual([
      ['external', 'ga-res-68-262', 'GA Res. 68/262'],
      ['external', 'ga-res-es-11-1', 'UNGA Res. ES-11/1'],
    ]);
  });
});

describe('instruments outside the corpus', () => {
  const text = ['# Test ban', '', 'Russia withdrew its ratification of the CTBT in 2023, though it says it will not test before others do. Article 1 of the treaty bans every test.', ''].join('\n');

  it('take the bare articles and "the treaty" that follow, and never produce unknown-provision or ambiguous-reference', () => {
    const analysis = analyzeDocument(text, corpus);
    expect(analysis.references.map((reference) => [reference.kind, reference.id, reference.name])).toEqual([
      ['external', 'ctbt', 'CTBT'],
      ['external', 'ctbt/art-1', 'CTBT'],
    ]);
    expect(analysis.diagnostics.filter((diagnostic) => diagnostic.code === 'unknown-provision' || diagnostic.code === 'ambiguous-reference')).toEqual([]);
  });

  it('need a source, with a footnote fix that starts the citation and leaves the cursor to complete it', () => {
    const analysis = analyzeDocument(text, corpus);
    const uncited = analysis.diagnostics.find((diagnostic) => diagnostic.code === 'uncited-reference');
    const fix = uncited?.fixes.find((candidate) => candidate.title.startsWith('Cite CTBT in a footnote'));
    expect(fix?.edits.map((edit) => edit.newText)).toEqual(['[^ctbt]', '\n[^ctbt]: CTBT, \n']);
    expect(fix?.cursor).toBe(text.length + '[^ctbt]'.length + '\n[^ctbt]: CTBT, '.length);
  });

  it('are listed in the table of authorities, with their articles', () => {
    const table = tableOfAuthorities(analyzeDocument(text, corpus), corpus);
    expect(table).toContain('## Instruments outside the corpus');
    expect(table).toContain('### CTBT');
    expect(table).toContain('- Article 1: Test ban (line 3)');
  });

  it('resolve to a source pack that imports one under its slug, by every name the data lists', () => {
    const pack = {
      instruments: [
        {
          id: 'ctbt',
          type: 'treaty',
          title: 'Comprehensive Nuclear-Test-Ban Treaty',
          shortTitle: 'CTBT',
          date: '1996-09-10',
          dateKind: 'opened-for-signature',
          status: 'unknown',
          structure: { unit: 'article', count: null },
          provisions: [],
        },
      ],
    };
    const { parsed, problems: parseProblems } = parsePack('/ws/.lexicite/ctbt.json', JSON.stringify(pack));
    expect(parseProblems).toEqual([]);
    const { corpus: withPack, problems } = applyPacks(corpus, parsed ? [parsed] : []);
    expect(problems).toEqual([]);
    const analysis = analyzeDocument(text, withPack);
    expect(analysis.references.map((reference) => [reference.kind, reference.id])).toEqual([
      ['instrument', 'ctbt'],
      ['provision', 'ctbt/art-1'],
    ]);
  });
});

describe('the Charter', () => {
  it('names Chapter VII and makes the Charter the context for the articles after it', () => {
    const text = 'Acting under Chapter VII, the Council may decide measures under Article 41.';
    const analysis = analyzeDocument(text, corpus);
    expect(analysis.references.map((reference) => reference.id)).toEqual(['un-charter/ch-7', 'un-charter/art-41']);
    const markdown = hoverOf(text, 'Chapter VII');
    expect(markdown).toContain('Articles 39 to 51');
  });

  it('keeps a passing mention from taking over the articles of the treaty being discussed', () => {
    const text = 'Article 4 of the 2024 treaty refers to Article 51 of the UN Charter. Article 3 adds consultations.';
    const analysis = analyzeDocument(text, corpus);
    expect(referenceAtText(text, 'Article 3', analysis.references).id).toBe('rus-dprk-2024/art-3');
  });
});

describe('officials in real prose', () => {
  it('hover and rule agree that a title in other words is the same title', () => {
    const text = "---\ndate: 2025-06-01\n---\nSergei Shoigu, Secretary of Russia's Security Council, arrived.";
    const analysis = analyzeDocument(text, corpus);
    expect(analysis.diagnostics.filter((diagnostic) => diagnostic.code === 'title-mismatch')).toEqual([]);
    const markdown = hoverAt(analysis, corpus, text.indexOf('Shoigu'), { asOf: '2025-06-01' })?.markdown ?? '';
    expect(markdown).toContain('Sergei Shoigu');
    expect(markdown).not.toContain('a title not recorded');
  });
});

describe('resolutions cited in passing', () => {
  it('leave later paragraphs with the resolution the sentence is about, unless coordinated with it', () => {
    const passing = 'Resolution 2397 builds on UNSCR 2375 (2017) and tightens the oil caps. Its OP5 caps refined products.';
    expect(analyzeDocument(passing, corpus).references.map((reference) => reference.id)).toEqual(['unscr-2397', 'unscr-2375', 'unscr-2397/op-5']);
    const coordinated = 'Resolution 1718 (2006) and UNSCR 2397 still bind Russia; paragraph 8 of the latter deals with workers.';
    expect(analyzeDocument(coordinated, corpus).references.map((reference) => reference.id)).toEqual(['unscr-1718', 'unscr-2397', 'unscr-2397/op-8']);
  });
});
