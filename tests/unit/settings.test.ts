import { describe, expect, it } from 'vitest';
import { analyzeDocument, DEFAULT_SETTINGS, type AnalysisSettings } from '../../server/src/core/analyze';
import { settingsFromJson } from '../../server/src/core/settings';
import { bundledCorpus } from '../helpers';

describe('settings', () => {
  it('accepts a level per rule code', () => {
    expect(settingsFromJson({ rules: { 'year-mismatch': 'warning' } })).toEqual({ settings: { rules: { 'year-mismatch': 'warning' }, citationStyle: 'un', citationScope: 'sentence', externalReferences: 'cite', hoverLanguages: ['en'] }, maxFileSize: 10 * 1024 * 1024, problems: [] });
    expect(settingsFromJson({ citationStyle: 'oscola' }).settings.citationStyle).toBe('oscola');
    expect(settingsFromJson({ citationStyle: 'mla' }).problems).toEqual(['lexicite.citationStyle: "mla" is not one of un, chicago, oscola; using un']);
  });

  it('uses the defaults for missing settings', () => {
    expect(settingsFromJson(undefined)).toEqual({ settings: { rules: {}, citationStyle: 'un', citationScope: 'sentence', externalReferences: 'cite', hoverLanguages: ['en'] }, maxFileSize: 10 * 1024 * 1024, problems: [] });
    expect(settingsFromJson({ trace: { server: 'off' } })).toEqual({ settings: { rules: {}, citationStyle: 'un', citationScope: 'sentence', externalReferences: 'cite', hoverLanguages: ['en'] }, maxFileSize: 10 * 1024 * 1024, problems: [] });
  });

  it('reports bad values without throwing and keeps the defaults', () => {
    const { settings, problems } = settingsFromJson({ rules: { 'year-mismatch': 'fatal', 'no-such-rule': 'error' } });
    expect(settings.rules).toEqual({});
    expect(problems).toEqual([
      'lexicite.rules.year-mismatch: "fatal" is not one of off, hint, information, warning, error; using the default',
      'lexicite.rules.no-such-rule: unknown rule code (known: uncited-reference, uncited-claim, vague-attribution, unknown-provision, ambiguous-reference, year-mismatch, title-mismatch, misquote, undefined-footnote, unused-footnote)',
    ]);
    expect(settingsFromJson('nonsense').problems).toEqual(['lexicite settings must be an object; using defaults']);
    expect(settingsFromJson({ rules: ['error'] }).problems).toHaveLength(1);
  });

  it('reads lexicite.maxFileSize as a number of bytes, and reports anything else', () => {
    expect(settingsFromJson({ maxFileSize: 2048.7 }).maxFileSize).toBe(2048);
    for (const bad of ['big', -1, Number.NaN, [1], { bytes: 1 }]) {
      const { maxFileSize, problems } = settingsFromJson({ maxFileSize: bad });
      expect(maxFileSize).toBe(10 * 1024 * 1024);
      expect(problems).toEqual([`lexicite.maxFileSize: ${JSON.stringify(bad)} is not a number of bytes (0 or more); using 10485760`]);
    }
  });

  it('changes the severity of a rule, or turns it off', () => {
    // Cited, so that only year-mismatch speaks.
    const text = 'See resolution 1718 (2009).[^1]\n\n[^1]: A source.\n';
    const corpus = bundledCorpus();
    expect(analyzeDocument(text, corpus).diagnostics.map((d) => d.severity)).toEqual(['error']);
    expect(analyzeDocument(text, corpus, { rules: { 'year-mismatch': 'hint' }, citationStyle: 'un', citationScope: 'sentence', externalReferences: 'cite' }).diagnostics.map((d) => d.severity)).toEqual(['hint']);
    expect(analyzeDocument(text, corpus, { rules: { 'year-mismatch': 'off' }, citationStyle: 'un', citationScope: 'sentence', externalReferences: 'cite' }).diagnostics).toEqual([]);
  });
});

describe('lexicite.externalReferences', () => {
  const text = 'Russia revoked its ratification of the CTBT in 2023.\n';

  it('asks for a source for an instrument outside the corpus by default, and not with "ignore"', () => {
    const corpus = bundledCorpus();
    const uncited = (settings: AnalysisSettings): string[] =>
      analyzeDocument(text, corpus, settings).diagnostics.filter((diagnostic) => diagnostic.code === 'uncited-reference').map((diagnostic) => text.slice(diagnostic.start, diagnostic.end));
    expect(uncited(DEFAULT_SETTINGS)).toEqual(['CTBT']);
    expect(uncited({ ...DEFAULT_SETTINGS, externalReferences: 'ignore' })).toEqual([]);
    // Recognized either way.
    expect(analyzeDocument(text, corpus, { ...DEFAULT_SETTINGS, externalReferences: 'ignore' }).references.map((reference) => reference.id)).toEqual(['ctbt']);
  });

  it('reports a bad value and keeps the default', () => {
    const { settings, problems } = settingsFromJson({ externalReferences: 'sometimes' });
    expect(settings.externalReferences).toBe('cite');
    expect(problems).toEqual(['lexicite.externalReferences: "sometimes" is not one of cite, ignore; using cite']);
  });
});
