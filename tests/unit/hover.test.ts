import { describe, expect, it } from 'vitest';
import { analyzeDocument } from '../../server/src/core/analyze';
import { Corpus, type Instrument } from '../../server/src/core/corpus';
import { hoverAt, instrumentHover } from '../../server/src/core/hover';
import { escapeMarkdown, safeLinkTarget } from '../../server/src/core/markdown-escape';
import { bundledCorpus } from '../helpers';

describe('hover', () => {
  it('shows the symbol, the date adopted and the official link of a resolution', () => {
    const corpus = bundledCorpus();
    const text = 'Under UNSCR 1718 the committee met.';
    const analysis = analyzeDocument(text, corpus);
    const hover = hoverAt(analysis, corpus, text.indexOf('1718'));
    expect(hover?.reference.id).toBe('unscr-1718');
    expect(hover?.markdown).toContain('S/RES/1718 \\(2006\\)');
    expect(hover?.markdown).toContain('adopted 14 October 2006');
    expect(hover?.markdown).toContain('[Official document](<https://undocs.org/S/RES/1718(2006)>)');
    expect(hoverAt(analysis, corpus, 0)).toBeNull();
    // The end of a reference is exclusive.
    expect(hoverAt(analysis, corpus, text.indexOf(' the committee'))).toBeNull();
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
