import { describe, expect, it } from 'vitest';
import { analyzeDocument } from '../../server/src/core/analyze';
import { Corpus, type Instrument } from '../../server/src/core/corpus';
import { hoverAt, instrumentHover, provisionHover } from '../../server/src/core/hover';
import { escapeMarkdown, safeLinkTarget } from '../../server/src/core/markdown-escape';
import { bundledCorpus } from '../helpers';

describe('hover', () => {
  it('shows the symbol, the date adopted and the official link of a resolution', () => {
    const corpus = bundledCorpus();
    const text = 'Under UNSCR 1718 the committee met.';
    const analysis = analyzeDocument(text, corpus);
    const hover = hoverAt(analysis, corpus, text.indexOf('1718'), { asOf: '2025-01-01' });
    expect(hover?.reference?.id).toBe('unscr-1718');
    expect(hover?.markdown).toContain('S/RES/1718 \\(2006\\)');
    expect(hover?.markdown).toContain('adopted 14 October 2006');
    expect(hover?.markdown).toContain('[Official document](<https://undocs.org/S/RES/1718(2006)>)');
    expect(hoverAt(analysis, corpus, 0, { asOf: '2025-01-01' })).toBeNull();
    // The end of a reference is exclusive.
    expect(hoverAt(analysis, corpus, text.indexOf(' the committee'), { asOf: '2025-01-01' })).toBeNull();
  });

  it('escapes everything that comes from data: no links, command links or HTML', () => {
    const hostile: Instrument = {
      id: 'unscr-1',
      type: 'resolution',
      title: 'Click [here](command:workbench.action.quit) <img src=x onerror=alert(1)> **bold**',
      shortTitle: 'x',
      aliases: [],
      symbol: '<script>alert(1)</script>',
      date: '2000-01-01',
      dateKind: 'adopted',
      url: 'command:workbench.action.quit',
      status: 'adopted',
      vote: '[v](javascript:alert(1))',
      structure: { unit: 'paragraph', count: null },
      provisions: [],
    };
    const markdown = instrumentHover(hostile);
    expect(markdown).not.toMatch(/\]\(/);
    expect(markdown).not.toContain('<script');
    expect(markdown).not.toContain('<img');
    expect(markdown).toContain('Click \\[here\\]\\(command:workbench\\.action\\.quit\\) &lt;img');
    expect(new Corpus([hostile]).resolution(1)?.id).toBe('unscr-1');
  });

  it('accepts only http(s) link targets', () => {
    expect(safeLinkTarget('https://undocs.org/S/RES/1718(2006)')).toBe('https://undocs.org/S/RES/1718(2006)');
    expect(safeLinkTarget('command:lexicite.restartServer')).toBeNull();
    expect(safeLinkTarget('javascript:alert(1)')).toBeNull();
    expect(safeLinkTarget('https://x.org/a b')).toBeNull();
    expect(safeLinkTarget('not a url')).toBeNull();
    expect(safeLinkTarget(null)).toBeNull();
    expect(escapeMarkdown('a_b*c')).toBe('a\\_b\\*c');
  });
});

describe('hovers on provisions and officials', () => {
  const corpus = bundledCorpus();
  const hover = (text: string, at: string, asOf = '2025-01-01'): string | null => {
    const analysis = analyzeDocument(text, corpus);
    return hoverAt(analysis, corpus, text.indexOf(at), { asOf })?.markdown ?? null;
  };

  it('quotes the verbatim text of an article with its source, says it is a secondary copy, and links the official document', () => {
    const markdown = hover('Article 16 of ARSIWA governs aid.', 'Article 16');
    expect(markdown).toContain('**Article 16 — Aid or assistance in the commission of an internationally wrongful act**');
    expect(markdown).toContain('> A State which aids or assists another State');
    expect(markdown).toContain('a secondary copy, not the official publication');
    expect(markdown).toContain('[Official document](<https://legal.un.org/ilc/texts/instruments/english/draft_articles/9_6_2001.pdf>)');
    expect(markdown).toContain('Cite (UN): `Responsibility of States for Internationally Wrongful Acts');
  });

  it('says plainly when no verbatim text is bundled, and labels our summary as ours', () => {
    const markdown = hover('Paragraph 10 of resolution 1718 covers exemptions.', 'Paragraph 10');
    expect(markdown).toContain('*No verbatim text of this provision is bundled.*');
    expect(markdown).toContain('Summary (ours, not the text): ');
    expect(markdown).not.toContain('\n> ');
    expect(markdown).toContain('[Official document](<https://undocs.org/S/RES/1718(2006)>)');
  });

  it('offers, as a command link, the import of the official text of the instrument where a provision has none', () => {
    for (const [text, hovered] of [
      ['Article 18 of the 2024 treaty covers information security.', 'Article 18'],
      ['Paragraph 10 of resolution 1718 covers exemptions.', 'Paragraph 10'],
    ] as const) {
      const markdown = hover(text, hovered) ?? '';
      const link = /\[Import the official text of ([^\]]+)…\]\(command:lexicite\.importOfficialText\?([^)\s]+)\)/.exec(markdown);
      expect(link, markdown).not.toBeNull();
      const [suggestion] = JSON.parse(decodeURIComponent(link?.[2] ?? '')) as Array<{ id: string; title: string; url?: string }>;
      const instrument = bundledCorpus().instrument(suggestion?.id ?? '');
      expect(instrument?.shortTitle).toBe(link?.[1]?.replace(/\\/g, ''));
      expect(suggestion?.title).toBe(instrument?.title);
      expect(suggestion?.url ?? null).toBe(instrument?.url ?? null);
      expect(markdown).toContain(`\`lexicite import --id ${suggestion?.id ?? ''} FILE\``);
    }
  });

  it('leads an article that has several renderings with one in English, says it is a translation, and counts the others by language', () => {
    const markdown = hover('Article 4 of the 2024 treaty is the core.', 'Article 4') ?? '';
    expect(markdown.startsWith('**Article 4**')).toBe(true);
    const quoted = markdown.split('\n').filter((line) => line.startsWith('> '));
    expect(quoted.join(' ')).toMatch(/^> In case any one of the two sides is put in a state of war/);
    expect(markdown).toContain('translation: ');
    expect(markdown).toContain('This is a translation\\. The authentic texts are in Russian and Korean');
    expect(markdown).toContain('Also 8 other renderings: 6 English, 2 Korean. [Every rendering](lexicite:/instrument/rus-dprk-2024.md#L');
    expect(markdown.length).toBeLessThan(2500);
  });

  it('titles a provision as writers say it, whatever span is hovered', () => {
    expect(hover('Of the 2024 treaty, articles 10, 18, 20, and 15 matter.', '20, and')?.startsWith('**Article 20**')).toBe(true);
  });

  it('keeps every provision hover of the corpus under 2,500 characters', () => {
    const corpus = bundledCorpus();
    for (const instrument of corpus.instruments) {
      for (const provision of instrument.provisions) {
        const markdown = provisionHover(instrument, provision);
        expect(markdown.length, provision.id).toBeLessThan(2500);
      }
    }
  });

  it('leads with the first preferred language that has a rendering', () => {
    const corpus = bundledCorpus();
    const found = corpus.provision('rus-dprk-2024/art-4');
    expect(found).toBeDefined();
    const { instrument, provision } = found as NonNullable<typeof found>;
    const russianFirst = provisionHover(instrument, provision, 'un', ['ru', 'en']);
    expect(russianFirst.split('\n').find((line) => line.startsWith('> '))).toMatch(/^> In case any one/);
    const koreanFirst = provisionHover(instrument, provision, 'un', ['ko', 'en']);
    expect(koreanFirst).toContain('language: ko');
    expect(koreanFirst).not.toContain('This is a translation');
  });

  it('says that an article beyond the instrument does not exist', () => {
    expect(hover('Article 31 of the 2024 treaty says so.', 'Article 31')).toContain('has 23 articles; this one does not exist.');
  });

  it('lists the candidates of an ambiguous article', () => {
    const markdown = hover('Article 16 applies here.', 'Article 16');
    expect(markdown).toContain('which instrument?');
    expect(markdown).toContain('- ILC Articles on State Responsibility \\(2001\\)');
  });

  it('shows an official with native names, the title at the document date, and all titles with sources', () => {
    const markdown = hover('Russian President Vladimir Putin spoke.', 'Vladimir Putin', '2025-01-01') ?? '';
    expect(markdown).toContain('**Vladimir Putin** (Владимир Путин)');
    expect(markdown).toContain('On 1 January 2025: President of Russia');
    expect(markdown).toMatch(/- Prime Minister of Russia \(.*\) · \[source\]\(<https?:/);
    expect(markdown).not.toContain('Note:');
  });

  it('notes a title held at another time, and a title never held', () => {
    const earlier = hover('Prime Minister Vladimir Putin spoke.', 'Vladimir Putin', '2025-01-01') ?? '';
    expect(earlier).toMatch(/Note: "Prime Minister" was held .*, not on 1 January 2025\./);
    const never = hover('Foreign Minister Vladimir Putin spoke.', 'Vladimir Putin', '2025-01-01') ?? '';
    expect(never).toContain('Note: the draft calls Vladimir Putin "Foreign Minister", a title not recorded for this person.');
    // At a date when he was Prime Minister, the same text needs no note.
    expect(hover('Prime Minister Vladimir Putin spoke.', 'Vladimir Putin', '2010-06-01')).not.toContain('Note:');
  });
});

describe('hover on an instrument', () => {
  it('shows its status, its structure and which of its provisions the draft cites', () => {
    const corpus = bundledCorpus();
    const text = 'Under the 2024 treaty, Articles 16 and 4, and Article 4 again.';
    const markdown = hoverAt(analyzeDocument(text, corpus), corpus, text.indexOf('2024 treaty'), { asOf: '2025-01-01' })?.markdown ?? '';
    expect(markdown).toContain('signed 19 June 2024 · in force');
    expect(markdown).toContain('23 articles.');
    expect(markdown).toContain('Cited in this draft: Article 4, Article 16.');
    const unknownCount = hoverAt(analyzeDocument('The 1961 treaty.', corpus), corpus, 4, { asOf: '2025-01-01' })?.markdown;
    expect(unknownCount).toContain('Number of articles: not known from our sources.');
  });
});
