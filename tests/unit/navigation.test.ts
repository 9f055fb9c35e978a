import MarkdownIt from 'markdown-it';
import { describe, expect, it } from 'vitest';
import { analyzeDocument } from '../../server/src/core/analyze';
import { Corpus, type Instrument, type Official, type Rendering } from '../../server/src/core/corpus';
import { documentLinks } from '../../server/src/core/links';
import { searchSymbols } from '../../server/src/core/symbols';
import type { Reference } from '../../server/src/core/types';
import {
  definitionTarget,
  escapeDocumentText,
  instrumentDocument,
  officialDocument,
  virtualDocumentAt,
} from '../../server/src/core/virtual-documents';
import { provisionLabel } from '../../server/src/core/provision-labels';
import { bundledCorpus } from '../helpers';

const corpus = bundledCorpus();

/** The one reference with this exact text (and id, when given). */
function referenceOf(references: readonly Reference[], text: string, id?: string): Reference {
  const found = references.filter((reference) => reference.text === text && (id === undefined || reference.id === id));
  expect(found, `${text} ${id ?? ''}`).toHaveLength(1);
  return found[0] as Reference;
}

describe('headings in the analysis', () => {
  it('lists ATX and setext headings with their level, text and line offsets, not headings in code', () => {
    const text = '# Title *one*\r\nText.\r\n\r\nSecond\r\n---\r\n\r\n```\r\n# not a heading\r\n```\r\n\r\n### Third ###\r\n';
    const analysis = analyzeDocument(text, corpus);
    expect(analysis.headings).toEqual([
      { level: 1, text: 'Title *one*', start: 0, end: 13 },
      { level: 2, text: 'Second', start: text.indexOf('Second'), end: text.indexOf('---') + 3 },
      { level: 3, text: 'Third', start: text.indexOf('### Third'), end: text.indexOf('### Third') + '### Third ###'.length },
    ]);
  });

  it('reads headings after front matter at their real offsets', () => {
    const text = '---\ndate: 2025-01-01\n---\n\n## After\n';
    expect(analyzeDocument(text, corpus).headings).toEqual([{ level: 2, text: 'After', start: text.indexOf('## After'), end: text.length - 1 }]);
  });
});

describe('document links', () => {
  it('links instruments and provisions to the official document, one link per span, none without a URL or an instrument', () => {
    const text = [
      'Resolution 1718 (2006) came first; paragraphs 8(a) to 8(d) of resolution 1718 followed, and so did the Budapest Convention.',
      'Article 16 applies. Article 16 of ARSIWA applies.',
    ].join('\n');
    const analysis = analyzeDocument(text, corpus);
    const links = documentLinks(analysis, corpus);
    const undocs = 'https://undocs.org/S/RES/1718(2006)';
    const ilc = 'https://legal.un.org/ilc/texts/instruments/english/draft_articles/9_6_2001.pdf';
    const at = (fragment: string, from = 0): { start: number; end: number } => {
      const start = text.indexOf(fragment, from);
      return { start, end: start + fragment.length };
    };
    const second = text.indexOf('Article 16 of ARSIWA');
    expect(links.map(({ start, end, target }) => ({ start, end, target }))).toEqual([
      { ...at('Resolution 1718 (2006)'), target: undocs },
      // 8(a), then the members between the ends (8(b), 8(c)) share the range's span: one link.
      { ...at('paragraphs 8(a)'), target: undocs },
      { ...at('paragraphs 8(a) to 8(d)'), target: undocs },
      { ...at('8(d)'), target: undocs },
      // The Budapest Convention has no official URL; the bare "Article 16" is ambiguous.
      { ...at('Article 16 of ARSIWA', second), target: ilc },
    ]);
    expect(links.length).toBe(new Set(links.map((link) => `${link.start}:${link.end}`)).size);
    expect(links[0]?.tooltip).toBe('Official document: S/RES/1718 (2006)');
    expect(links[0]?.range).toEqual({ start: { line: 0, character: 0 }, end: { line: 0, character: 22 } });
    expect(analysis.references.some((reference) => reference.text === 'Budapest Convention')).toBe(true);
  });

  it('links an official to the source of the title held at the document date, preferring the title written', () => {
    const source = (title: string): string => corpus.official('vladimir-putin')?.titles.find((candidate) => candidate.title === title)?.source as string;
    const linkAt = (text: string): { target: string; tooltip: string } | undefined => {
      const link = documentLinks(analyzeDocument(text, corpus), corpus)[0];
      return link ? { target: link.target, tooltip: link.tooltip } : undefined;
    };
    expect(linkAt('---\ndate: 2010-06-01\n---\nPrime Minister Vladimir Putin spoke.')).toEqual({
      target: source('Prime Minister of Russia'),
      tooltip: 'Source: Vladimir Putin, Prime Minister of Russia (held on 1 June 2010)',
    });
    expect(linkAt('---\ndate: 2025-01-01\n---\nVladimir Putin spoke.')).toEqual({
      target: source('President of Russia'),
      tooltip: 'Source: Vladimir Putin, President of Russia (held on 1 January 2025)',
    });
    // Before any recorded title: no link.
    expect(linkAt('---\ndate: 1990-01-01\n---\nVladimir Putin spoke.')).toBeUndefined();
  });

  it('never links to anything but http(s)', () => {
    const hostile: Instrument = {
      id: 'unscr-4242',
      type: 'resolution',
      title: 'Hostile',
      shortTitle: 'resolution 4242 (2000)',
      aliases: [],
      symbol: 'S/RES/4242 (2000)',
      date: '2000-01-01',
      dateKind: 'adopted',
      url: 'command:workbench.action.quit',
      status: 'adopted',
      structure: { unit: 'paragraph', count: null },
      provisions: [],
    };
    const small = new Corpus([hostile]);
    const analysis = analyzeDocument('See Security Council resolution 4242 (2000).', small);
    expect(analysis.references).toHaveLength(1);
    expect(documentLinks(analysis, small)).toEqual([]);
  });
});

const HOSTILE = '[x](command:workbench.action.quit) <img src=x onerror=alert(1)> `code` **b** _i_ &amp; \\[y](javascript:alert(1))';

/** A pack-like instrument whose every text field is an injection attempt. */
function hostileInstrument(): Instrument {
  const rendering: Rendering = {
    body: `${HOSTILE}\n<script>alert(1)</script>`,
    lang: 'en',
    label: HOSTILE,
    translation: null,
    publication: 'official',
    source: { url: 'javascript:alert(1)', detail: HOSTILE },
    note: HOSTILE,
    pack: '/work/.lexicite/[evil](command:x).json',
  };
  return {
    id: 'evil-treaty',
    type: 'treaty',
    title: HOSTILE,
    shortTitle: HOSTILE,
    symbol: HOSTILE,
    date: '2030-01-01',
    dateKind: 'signed',
    url: 'command:workbench.action.quit',
    status: 'in-force',
    vote: HOSTILE,
    structure: { unit: 'article', count: null },
    provisions: [
      { id: 'evil-treaty/art-1', number: '1', kind: 'article', title: HOSTILE, text: rendering, variants: [{ ...rendering, label: `variant ${HOSTILE}` }], note: HOSTILE },
      { id: 'evil-treaty/art-2', number: '2', kind: 'article', title: null, text: null, summary: { text: HOSTILE, author: 'someone', basis: HOSTILE } },
    ],
    pack: '/work/.lexicite/[evil](command:x).json',
  };
}

/** What a Markdown preview would render (HTML allowed, bare URLs linked), as VS Code's does. */
const preview = new MarkdownIt({ html: true, linkify: true });

describe('virtual documents', () => {
  it('escapes data text lightly: readable, but no link, image, HTML or code span survives', () => {
    expect(escapeDocumentText('[x](command:workbench.action.quit)')).toBe('\\[x\\](command:workbench.action.quit)');
    expect(escapeDocumentText('<img src=x onerror=alert(1)>')).toBe('&lt;img src=x onerror=alert(1)&gt;');
    expect(escapeDocumentText('a_b *c* `d` & \\[e]')).toBe('a\\_b \\*c\\* \\`d\\` &amp; \\\\\\[e\\]');
    expect(escapeDocumentText('Article 16 — aid (2001), para. 8(d).')).toBe('Article 16 — aid (2001), para. 8(d).');
  });

  it('keeps an injection attempt from a source pack inert in the instrument document and its preview', () => {
    const document = instrumentDocument(hostileInstrument());
    expect(document.text).not.toContain('<img');
    expect(document.text).not.toContain('<script');
    expect(document.text).not.toMatch(/[^\\]\]\(/);
    expect(document.text).toContain('> \\[x\\](command:workbench.action.quit) &lt;img src=x onerror=alert(1)&gt; \\`code\\` \\*\\*b\\*\\* \\_i\\_ &amp;amp; \\\\\\[y\\](javascript:alert(1))');
    expect(document.text).toContain('from your source pack /work/.lexicite/\\[evil\\](command:x).json');
    expect(document.text).toContain('No link to the official document is recorded');
    const html = preview.render(document.text);
    expect(html).not.toMatch(/<a /);
    expect(html).not.toMatch(/<img|<script|<code/);
    // The summary is labelled as ours and never quoted as text.
    expect(document.text).toContain('No verbatim text of this provision is bundled.\n\nSummary (ours, not the text): \\[x\\]');
  });

  it('keeps an official from a pack inert too', () => {
    const official: Official = {
      id: 'evil-person',
      name: HOSTILE,
      variants: [HOSTILE],
      native: { ko: HOSTILE },
      country: HOSTILE,
      titles: [{ title: HOSTILE, from: '2020', to: null, source: 'javascript:alert(1)', note: HOSTILE }],
      notes: HOSTILE,
    };
    const html = preview.render(officialDocument(official).text);
    expect(html).not.toMatch(/<a |<img|<script|<code/);
  });

  it('shows the instrument as far as we have it: metadata, our notes, every provision, the sources and the official link', () => {
    const document = instrumentDocument(corpus.instrument('unscr-1718') as Instrument);
    expect(document.path).toBe('instrument/unscr-1718.md');
    expect(document.title).toBe('Security Council resolution 1718 (2006)');
    const lines = document.text.split('\n');
    expect(lines[0]).toBe('# Security Council resolution 1718 (2006)');
    for (const line of [
      '- Kind: Security Council resolution',
      '- Symbol: S/RES/1718 (2006)',
      '- Adopted: 14 October 2006 (5551st meeting)',
      '- Status: adopted',
      '- Vote: 15-0-0 (unanimous)',
      '- Official document: <https://undocs.org/S/RES/1718(2006)>',
      '- Structure: 17 operative paragraphs',
      '## Paragraph 8(d)',
      '## Sources',
    ]) {
      expect(lines).toContain(line);
    }
    expect(document.text).toMatch(/\nOur notes: PARTIAL\. /);
    expect(document.text).toContain('\n- Copied from: http://ginjohannes.g2.xrea.com/m1718.html');
    expect(document.text).toContain('\n- Cross-checked against: https://global.chinadaily.com.cn/');
    expect(document.text.endsWith('\nThe official document: <https://undocs.org/S/RES/1718(2006)>\n')).toBe(true);
    // Paragraph 10: no text, our summary labelled as ours.
    const at10 = document.anchors['unscr-1718/op-10'] as number;
    expect(lines.slice(at10, at10 + 5)).toEqual([
      '## Paragraph 10',
      '',
      'No verbatim text of this provision is bundled.',
      '',
      'Summary (ours, not the text): Exemptions from the travel ban. Text not retrieved.',
    ]);
    const at8d = document.anchors['unscr-1718/op-8d'] as number;
    expect(lines[at8d + 2]).toMatch(/^> All Member States shall, in accordance with their respective legal processes, freeze immediately/);
    expect(document.text).toMatch(/\n— Source: English text as quoted by UN Sanctions App \(third-party site\) · <https:\/\/unsanctionsapp\.com\/[^>]+> · language: en · secondary copy, not the official publication\n/);
  });

  it('says what is unknown and how an instrument ended', () => {
    const unknown = instrumentDocument(corpus.instrument('unscr-1874') as Instrument).text;
    expect(unknown).toContain('\n- Structure: unknown (no source states the number of operative paragraphs)\n');
    const ended = instrumentDocument(corpus.instrument('rus-dprk-2000') as Instrument).text;
    expect(ended).toContain('\n- Termination: 4 December 2024\n');
    expect(ended).toContain('\n- Official document: no address recorded\n');
    expect(ended).toContain('\nNo provision of this instrument is bundled.\n');
    const treaty = instrumentDocument(corpus.instrument('rus-dprk-2024') as Instrument).text;
    expect(treaty).toContain('\n- Signed: 19 June 2024 (Pyongyang)\n- Status: in force\n- Entry into force: 4 December 2024\n');
    expect(treaty).toMatch(/· translation: Interfax's English translation from the Russian \(en\) · secondary copy, not the official publication\n/);
  });

  it('quotes every rendering of every provision verbatim, under its heading, and never a summary as text', () => {
    for (const instrument of corpus.instruments) {
      const document = instrumentDocument(instrument);
      const lines = document.text.split('\n');
      let previous = 0;
      for (const provision of instrument.provisions) {
        const line = document.anchors[provision.id];
        expect(line, provision.id).toBeTypeOf('number');
        expect(line as number).toBeGreaterThan(previous);
        previous = line as number;
        expect(lines[line as number]).toBe(`## ${escapeDocumentText(provisionLabel(provision))}${provision.title ? ` — ${escapeDocumentText(provision.title.replace(/\s+/g, ' ').trim())}` : ''}`);
        const next = instrument.provisions[instrument.provisions.indexOf(provision) + 1];
        const section = lines.slice(line as number, next ? document.anchors[next.id] : undefined).join('\n');
        for (const rendering of [provision.text, ...(provision.variants ?? [])]) {
          if (!rendering) continue;
          const quoted = rendering.body
            .split(/\r\n|\r|\n/)
            .map((bodyLine) => (bodyLine ? `> ${escapeDocumentText(bodyLine)}` : '>'))
            .join('\n>\n');
          expect(section, provision.id).toContain(`${quoted}\n\n— Source: ${escapeDocumentText(rendering.label.replace(/\s+/g, ' ').trim())}`);
        }
        if (!provision.text) {
          expect(section).toContain('No verbatim text of this provision is bundled.');
          expect(section).not.toMatch(/\n>/);
          if (provision.summary) expect(section).toContain('Summary (ours, not the text): ');
        }
      }
    }
  });

  it('shows an official: names, country, dates of birth, titles with dates and sources, notes', () => {
    const document = officialDocument(corpus.official('vladimir-putin') as Official);
    expect(document.path).toBe('official/vladimir-putin.md');
    expect(document.anchors).toEqual({ 'vladimir-putin': 0 });
    const lines = document.text.split('\n');
    expect(lines.slice(0, 6)).toEqual(['# Vladimir Putin', '', '- Native names: Владимир Путин (ru)', '- Other spellings: Vladimir Vladimirovich Putin', '- Country: Russia', '- Born: 7 October 1952']);
    expect(lines).toContain('- Prime Minister of Russia, Government of Russia (9 August 1999 – 7 May 2000)');
    expect(lines).toContain('  - Source: <https://worddisk.com/wiki/Vladimir_Putin/>');
    const kim = officialDocument(corpus.official('kim-jong-un') as Official).text;
    expect(kim).toContain('\n- Born: disputed; the sources give 8 January 1982, 8 January 1983, 8 January 1984\n');
    expect(kim).toContain('- Native names: 김정은 (ko); 金正恩 (ko-Hani); Ким Чен Ын (ru)');
  });

  it('serves documents by path and nothing else', () => {
    expect(virtualDocumentAt(corpus, 'instrument/arsiwa.md')?.title).toBe('Responsibility of States for Internationally Wrongful Acts');
    expect(virtualDocumentAt(corpus, 'official/kim-jong-un.md')?.title).toBe('Kim Jong Un');
    expect(virtualDocumentAt(corpus, 'instrument/no-such-treaty.md')).toBeNull();
    expect(virtualDocumentAt(corpus, 'official/unscr-1718.md')).toBeNull();
    expect(virtualDocumentAt(corpus, 'instrument/../officials.md')).toBeNull();
    expect(virtualDocumentAt(corpus, 'elsewhere/arsiwa.md')).toBeNull();
    expect(virtualDocumentAt(corpus, 'instrument/arsiwa')).toBeNull();
  });
});

describe('definition targets', () => {
  const text = [
    'Resolution 1718 came first. Paragraph 8(d) of resolution 1718 matters, as does paragraph 10 of resolution 1718.',
    'Article 16 alone. Kim Jong Un signed the 2024 treaty; Article 4 of the treaty, Article 9 of the treaty and Article 31 of the 2024 treaty.',
    'Paragraph 99 of resolution 1718.',
  ].join('\n');
  const analysis = analyzeDocument(text, corpus);
  const target = (fragment: string, id?: string): { path: string; line: number } | null => definitionTarget(referenceOf(analysis.references, fragment, id), corpus);
  const anchor = (instrumentId: string, provisionId: string): number => instrumentDocument(corpus.instrument(instrumentId) as Instrument).anchors[provisionId] as number;

  it('leads an instrument to the top of its document and an official to theirs', () => {
    expect(target('Resolution 1718')).toEqual({ path: 'instrument/unscr-1718.md', line: 0 });
    expect(target('2024 treaty')).toEqual({ path: 'instrument/rus-dprk-2024.md', line: 0 });
    expect(target('Kim Jong Un')).toEqual({ path: 'official/kim-jong-un.md', line: 0 });
  });

  it('leads a provision to its heading, with or without verbatim text', () => {
    expect(target('Paragraph 8(d) of resolution 1718')).toEqual({ path: 'instrument/unscr-1718.md', line: anchor('unscr-1718', 'unscr-1718/op-8d') });
    expect(target('paragraph 10 of resolution 1718')).toEqual({ path: 'instrument/unscr-1718.md', line: anchor('unscr-1718', 'unscr-1718/op-10') });
    expect(target('Article 4 of the treaty')).toEqual({ path: 'instrument/rus-dprk-2024.md', line: anchor('rus-dprk-2024', 'rus-dprk-2024/art-4') });
    expect(anchor('unscr-1718', 'unscr-1718/op-8d')).toBeGreaterThan(0);
  });

  it('leads a provision not held, or beyond the instrument, to the top of the instrument document', () => {
    expect(target('Article 9 of the treaty')).toEqual({ path: 'instrument/rus-dprk-2024.md', line: 0 });
    expect(referenceOf(analysis.references, 'Article 31 of the 2024 treaty').resolvedBy).toBe('unknown');
    expect(target('Article 31 of the 2024 treaty')).toEqual({ path: 'instrument/rus-dprk-2024.md', line: 0 });
    expect(target('Paragraph 99 of resolution 1718')).toEqual({ path: 'instrument/unscr-1718.md', line: 0 });
  });

  it('gives an ambiguous reference no definition', () => {
    expect(referenceOf(analysis.references, 'Article 16').resolvedBy).toBe('ambiguous');
    expect(target('Article 16')).toBeNull();
  });
});

describe('workspace symbols', () => {
  const names = (query: string): string[] => searchSymbols(corpus, query).map((symbol) => symbol.id);

  it('finds a resolution and its paragraphs by number, the resolution first', () => {
    const found = searchSymbols(corpus, '1718');
    expect(found[0]).toEqual({ name: 'Security Council resolution 1718 (2006)', kind: 'instrument', id: 'unscr-1718', containerName: null, path: 'instrument/unscr-1718.md', line: 0 });
    const paragraphs = (corpus.instrument('unscr-1718') as Instrument).provisions.map((provision) => provision.id);
    expect(found.map((symbol) => symbol.id)).toEqual(['unscr-1718', ...paragraphs]);
    const eightD = found.find((symbol) => symbol.id === 'unscr-1718/op-8d');
    expect(eightD).toEqual({
      name: 'Paragraph 8(d)',
      kind: 'provision',
      id: 'unscr-1718/op-8d',
      containerName: 'resolution 1718 (2006)',
      path: 'instrument/unscr-1718.md',
      line: instrumentDocument(corpus.instrument('unscr-1718') as Instrument).anchors['unscr-1718/op-8d'],
    });
  });

  it("finds every instrument's Article 16, case-insensitively", () => {
    // Every Article 16 first; weaker matches (the NPT's Articles I to III) may follow.
    expect(names('article 16').slice(0, 5)).toEqual(['arsiwa/art-16', 'budapest-convention/art-16', 'rus-dprk-2024/art-16', 'un-charter/art-16', 'vclt/art-16']);
    expect(names('article 16').filter((id) => id.endsWith('/art-16'))).toHaveLength(5);
    expect(names('ARTICLE 16')).toEqual(names('article 16'));
    expect(searchSymbols(corpus, 'article 16')[0]?.name).toBe('Article 16 — Aid or assistance in the commission of an internationally wrongful act');
  });

  it('finds officials by name, spelling variant and native name', () => {
    expect(searchSymbols(corpus, 'putin')).toEqual([{ name: 'Vladimir Putin', kind: 'official', id: 'vladimir-putin', containerName: 'Russia', path: 'official/vladimir-putin.md', line: 0 }]);
    expect(names('Kim Jong-un')).toEqual(['kim-jong-un']);
    expect(names('김정은')).toEqual(['kim-jong-un']);
  });

  it('ranks exact and prefix matches first, and narrows with several words', () => {
    expect(names('S/RES/2397')[0]).toBe('unscr-2397');
    expect(names('arsiwa 16')).toEqual(['arsiwa/art-16']);
    expect(names('8(d)')).toEqual(['unscr-1718/op-8d']);
    expect(names('aid or assistance')).toEqual(['arsiwa/art-16']);
    expect(names('16').slice(0, 3)).toEqual(['arsiwa/art-16', 'budapest-convention/art-16', 'rus-dprk-2024/art-16']);
    expect(names('no such thing anywhere')).toEqual([]);
  });

  it('lists instruments and officials, not provisions, for an empty query, and honours the limit', () => {
    const all = searchSymbols(corpus, '  ');
    // The resolutions of the index are found by number or topic, not listed.
    expect(all.map((symbol) => symbol.id)).toEqual([...corpus.instruments.filter((instrument) => !instrument.origin).map((instrument) => instrument.id), ...corpus.officials.map((official) => official.id)]);
    expect(searchSymbols(corpus, '', 3)).toHaveLength(3);
    expect(searchSymbols(corpus, 's', 10)).toHaveLength(10);
    expect(searchSymbols(corpus, 's').length).toBeLessThanOrEqual(200);
    expect(searchSymbols(corpus, 'resolution', 5).map((symbol) => symbol.kind)).toEqual(['instrument', 'instrument', 'instrument', 'instrument', 'instrument']);
  });
});
