/**
 * Pandoc bibliographies: parsing CSL-JSON and BibTeX with citation-js, finding an
 * instrument's entry, new keys, new entries in the file's own format (which must parse
 * again), the "Cite … with Pandoc" fix of uncited-reference, `[@` completions and the
 * front matter's `bibliography:`.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { Cite } from '@citation-js/core';
import '@citation-js/plugin-bibtex';
import { describe, expect, it } from 'vitest';
import { analyzeDocument } from '../../server/src/core/analyze';
import { citationKeyFor, findEntry, newKey, parseBibliography, type Bibliography } from '../../server/src/core/bibliography';
import { completionsAt } from '../../server/src/core/completions';
import type { Instrument } from '../../server/src/core/corpus';
import { SourceDocument } from '../../server/src/core/document';
import { readFrontMatter } from '../../server/src/core/markdown';
import type { FileEdit } from '../../server/src/core/types';
import { bundledCorpus, REPO_ROOT } from '../helpers';

const DIR = path.join(REPO_ROOT, 'tests', 'bibliography');
const read = (name: string): { file: string; text: string } => ({ file: path.join(DIR, name), text: fs.readFileSync(path.join(DIR, name), 'utf8') });
const bibliography = (name: string): Bibliography => parseBibliography(read(name));
const instrument = (id: string): Instrument => bundledCorpus().instrument(id) as Instrument;

function applyFileEdit(text: string, edit: FileEdit): string {
  const document = new SourceDocument(text);
  return text.slice(0, document.offsetAt(edit.start)) + edit.newText + text.slice(document.offsetAt(edit.end));
}

describe('parsing', () => {
  it('reads BibTeX entries with citation-js', () => {
    const bib = bibliography('refs.bib');
    expect(bib.problems).toEqual([]);
    expect(bib.format).toBe('bibtex');
    expect(bib.entries.map((entry) => entry.key)).toEqual(['res1874', 'kim2019', 'unscr1718']);
    expect(bib.entries[0]).toMatchObject({ title: 'Security Council resolution 1874 (2009)', number: 'S/RES/1874 (2009)', type: 'legislation' });
  });

  it('reads CSL-JSON items', () => {
    const bib = bibliography('refs.json');
    expect(bib.problems).toEqual([]);
    expect(bib.entries.map((entry) => [entry.key, entry.title])).toEqual([
      ['arsiwa-ilc', 'Responsibility of States for Internationally Wrongful Acts'],
      ['lee2021', 'Maritime Interdiction After 2017'],
    ]);
  });

  it('reports broken files as problems instead of throwing', () => {
    expect(bibliography('broken.json').problems[0]).toMatch(/not valid JSON/);
    expect(bibliography('broken.bib').problems.length).toBeGreaterThan(0);
    expect(parseBibliography({ file: 'refs.json', text: '{"id": "x"}' }).problems[0]).toMatch(/must be an array/);
    expect(parseBibliography({ file: 'refs.yaml', text: 'references: []' }).problems[0]).toMatch(/not a CSL-JSON/);
    expect(parseBibliography({ file: 'refs.bib', text: '' })).toMatchObject({ entries: [], problems: [] });
  });
});

describe('entries for instruments', () => {
  it('finds an existing entry by title, symbol or URL, case-insensitively', () => {
    expect(findEntry(bibliography('refs.bib'), instrument('unscr-1874'))?.key).toBe('res1874');
    expect(findEntry(parseBibliography({ file: 'a.bib', text: '@misc{x, title = {SECURITY COUNCIL RESOLUTION 1874 (2009)}}' }), instrument('unscr-1874'))?.key).toBe('x');
    expect(findEntry(bibliography('refs.json'), instrument('arsiwa'))?.key).toBe('arsiwa-ilc');
    expect(findEntry(bibliography('refs.json'), instrument('unscr-2397'))?.key).toBe('lee2021');
    expect(findEntry(bibliography('refs.bib'), instrument('unscr-1718'))).toBeNull();
    expect(citationKeyFor(bibliography('refs.bib'), instrument('unscr-1874'))).toEqual({ key: 'res1874', edit: null });
  });

  it('generates keys from the id, unique against the existing keys', () => {
    const empty = parseBibliography({ file: 'a.bib', text: '' });
    expect(newKey(empty, instrument('unscr-1718'))).toBe('unscr1718');
    expect(newKey(empty, instrument('arsiwa'))).toBe('arsiwa');
    expect(newKey(empty, instrument('rus-dprk-2024'))).toBe('rusdprk2024');
    expect(newKey(bibliography('refs.bib'), instrument('unscr-1718'))).toBe('unscr1718a');
  });

  it('appends a BibLaTeX entry that citation-js reads back with the new key', () => {
    const bib = bibliography('refs.bib');
    const cited = citationKeyFor(bib, instrument('unscr-1718'));
    expect(cited?.key).toBe('unscr1718a');
    const edit = cited?.edit as FileEdit;
    expect(edit.file).toBe(path.join(DIR, 'refs.bib'));
    const edited = applyFileEdit(bib.text, edit);
    expect(edited.startsWith(bib.text)).toBe(true);
    const again = parseBibliography({ file: 'refs.bib', text: edited });
    expect(again.problems).toEqual([]);
    expect(again.entries.map((entry) => entry.key)).toEqual(['res1874', 'kim2019', 'unscr1718', 'unscr1718a']);
    expect(again.entries[3]).toMatchObject({ title: 'Security Council resolution 1718 (2006)', number: 'S/RES/1718 (2006)', url: 'https://undocs.org/S/RES/1718(2006)', type: 'legislation' });
    expect(new Cite(edited).data.find((item) => item.id === 'unscr1718a')?.issued).toEqual({ 'date-parts': [[2006, 10, 14]] });
    expect(findEntry(again, instrument('unscr-1718'))?.key).toBe('unscr1718a');
  });

  it('inserts a CSL-JSON item into the array, which stays valid JSON', () => {
    const bib = bibliography('refs.json');
    const cited = citationKeyFor(bib, instrument('rus-dprk-2024'));
    expect(cited?.key).toBe('rusdprk2024');
    const parsed = JSON.parse(applyFileEdit(bib.text, cited?.edit as FileEdit)) as Array<Record<string, unknown>>;
    expect(parsed).toHaveLength(3);
    expect(parsed[2]).toEqual({
      id: 'rusdprk2024',
      'citation-key': 'rusdprk2024',
      type: 'treaty',
      title: instrument('rus-dprk-2024').title,
      issued: { 'date-parts': [[2024, 6, 19]] },
    });
    const resolution = JSON.parse(applyFileEdit(bib.text, citationKeyFor(bib, instrument('unscr-1718'))?.edit as FileEdit)) as Array<Record<string, unknown>>;
    expect(resolution[2]).toMatchObject({ type: 'legislation', authority: 'UN Security Council', number: 'S/RES/1718 (2006)', URL: 'https://undocs.org/S/RES/1718(2006)' });
  });

  it('fills an empty CSL-JSON array', () => {
    const bib = bibliography('empty.json');
    const edited = applyFileEdit(bib.text, citationKeyFor(bib, instrument('arsiwa'))?.edit as FileEdit);
    expect(JSON.parse(edited)).toEqual([{ id: 'arsiwa', 'citation-key': 'arsiwa', type: 'document', title: instrument('arsiwa').title, issued: { 'date-parts': [[2001, 12, 12]] }, URL: instrument('arsiwa').url }]);
  });

  it('adds nothing to a broken file', () => {
    expect(citationKeyFor(bibliography('broken.json'), instrument('unscr-1718'))).toBeNull();
  });
});

describe('front matter', () => {
  it('reads bibliography as a string, a flow list or a block list', () => {
    expect(readFrontMatter('---\nbibliography: refs.bib\n---\n').bibliography).toEqual(['refs.bib']);
    expect(readFrontMatter('---\ntitle: x\nbibliography: "sources/refs.json"\n---\n').bibliography).toEqual(['sources/refs.json']);
    expect(readFrontMatter('---\nbibliography: [a.bib, "b.json"]\n---\n').bibliography).toEqual(['a.bib', 'b.json']);
    expect(readFrontMatter('---\nbibliography:\n  - a.bib\n  - b.json\ndate: 2025-01-01\n---\n')).toMatchObject({ bibliography: ['a.bib', 'b.json'], date: '2025-01-01' });
    expect(readFrontMatter('# No front matter\n').bibliography).toEqual([]);
  });
});

describe('"Cite … with Pandoc" (uncited-reference)', () => {
  const draft = '---\nbibliography: refs.bib\n---\n\nThe embargo rests on resolution 1718 and resolution 1874.\n';

  it('offers a Pandoc citation before the final punctuation, adding the missing entry to the bibliography', () => {
    const analysis = analyzeDocument(draft, bundledCorpus(), undefined, { bibliography: read('refs.bib') });
    const finding = analysis.diagnostics.find((diagnostic) => diagnostic.code === 'uncited-reference');
    expect(finding?.fixes.map((fix) => fix.title)).toEqual([
      'Cite resolution 1718 with Pandoc ([@unscr1718a])',
      'Cite resolution 1874 with Pandoc ([@res1874])',
      'Cite resolution 1718 in a footnote',
      'Cite resolution 1874 in a footnote',
    ]);
    const [add, reuse] = finding?.fixes ?? [];
    const apply = (text: string, edits: Array<{ start: number; end: number; newText: string }>): string => edits.reduce((result, edit) => result.slice(0, edit.start) + edit.newText + result.slice(edit.end), text);
    expect(apply(draft, reuse?.edits ?? [])).toBe('---\nbibliography: refs.bib\n---\n\nThe embargo rests on resolution 1718 and resolution 1874 [@res1874].\n');
    expect(reuse?.fileEdits).toBeUndefined();
    expect(add?.fileEdits).toHaveLength(1);
    expect(add?.fileEdits?.[0]?.file).toBe(path.join(DIR, 'refs.bib'));
    // Cited now: the diagnostic is gone.
    const after = analyzeDocument(apply(draft, add?.edits ?? []), bundledCorpus(), undefined, { bibliography: { file: read('refs.bib').file, text: applyFileEdit(read('refs.bib').text, add?.fileEdits?.[0] as FileEdit) } });
    expect(after.diagnostics.filter((diagnostic) => diagnostic.code === 'uncited-reference')).toEqual([]);
  });

  it('goes before closing quotes and footnote marks too, and is not offered without a bibliography', () => {
    const text = 'It said "resolution 1874 applies."\n';
    const analysis = analyzeDocument(text, bundledCorpus(), undefined, { bibliography: read('refs.bib') });
    const fix = analysis.diagnostics[0]?.fixes[0];
    expect(fix?.edits).toEqual([{ start: text.indexOf('."'), end: text.indexOf('."'), newText: ' [@res1874]' }]);
    expect(analyzeDocument(text, bundledCorpus()).diagnostics[0]?.fixes.map((candidate) => candidate.title)).toEqual(['Cite resolution 1874 in a footnote']);
  });
});

describe('completion of citation keys', () => {
  function complete(textWithCursor: string, withBibliography = true) {
    const offset = textWithCursor.indexOf('$0');
    const text = textWithCursor.replace('$0', '');
    const analysis = analyzeDocument(text, bundledCorpus(), undefined, { bibliography: withBibliography ? read('refs.json') : null });
    return completionsAt(analysis, bundledCorpus(), offset, { asOf: '2025-03-01', style: 'un' });
  }

  it('after "[@", "[see @" and "; @" offers the keys with their titles', () => {
    const result = complete('Resolution 2397 caps fuel [@$0');
    expect(result?.items.map((item) => [item.label, item.detail, item.kind])).toEqual([
      ['arsiwa-ilc', 'Responsibility of States for Internationally Wrongful Acts', 'citation-key'],
      ['lee2021', 'Maritime Interdiction After 2017', 'citation-key'],
    ]);
    expect(complete('Caps [see @le$0')?.replaceStart).toBe('Caps [see @'.length);
    expect(complete('Caps [@arsiwa-ilc; @$0]')?.items).toHaveLength(2);
  });

  it('offers nothing without a bibliography, and leaves e-mail addresses alone', () => {
    expect(complete('Caps [@$0', false)).toBeNull();
    expect(complete('Write to press@$0')).toBeNull();
  });
});
