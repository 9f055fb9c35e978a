/**
 * `lexicite import` (importOfficialText): each text under tests/import-fixtures (invented
 * documents with the layout of PDF copies) has a `<name>.request.json` (the request; its
 * `layoutLines` list, used only here, names the lines that are page layout, not text) and a
 * `<name>.expected.json` with the exact result. Set LEXICITE_UPDATE_EXPECTED=1 to rewrite the
 * expectations after a deliberate change, then review every text in the diff by eye.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { Ajv, type ValidateFunction } from 'ajv';
import { describe, expect, it } from 'vitest';
import { importOfficialText, type ImportRequest, type ImportResult } from '../../server/src/core/import/official-text';
import type { PackInstrument } from '../../server/src/core/import/pack-types';
import { applyPacks, parsePack } from '../../server/src/core/packs';
import { bundledCorpus, REPO_ROOT } from '../helpers';

const FIXTURES = path.join(REPO_ROOT, 'tests', 'import-fixtures');
const update = process.env.LEXICITE_UPDATE_EXPECTED === '1';

type FixtureRequest = Omit<ImportRequest, 'text'> & { layoutLines?: string[] };

function loadFixture(name: string): { request: ImportRequest; layoutLines: string[]; text: string } {
  const text = fs.readFileSync(path.join(FIXTURES, `${name}.txt`), 'utf8');
  const { layoutLines = [], ...rest } = JSON.parse(fs.readFileSync(path.join(FIXTURES, `${name}.request.json`), 'utf8')) as FixtureRequest;
  return { request: { ...rest, text, sourceLabel: `${name}.txt` }, layoutLines, text };
}

let validatePack: ValidateFunction | undefined;
function packValidator(): ValidateFunction {
  if (!validatePack) {
    const ajv = new Ajv({ allErrors: true });
    const schema = (name: string): object => JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'data', 'schema', `${name}.schema.json`), 'utf8')) as object;
    ajv.addSchema(schema('instrument'));
    ajv.addSchema(schema('officials'));
    validatePack = ajv.compile(schema('pack'));
  }
  return validatePack;
}

function expectValidPack(result: ImportResult): PackInstrument {
  if (!result.ok) throw new Error(`import failed: ${result.error}`);
  const validate = packValidator();
  const valid = validate(result.pack);
  expect(validate.errors ?? [], JSON.stringify(validate.errors, null, 2)).toEqual([]);
  expect(valid).toBe(true);
  expect(result.pack.instruments).toHaveLength(1);
  return result.pack.instruments[0] as PackInstrument;
}

/** The input as the importer may read it: layout lines and form feeds gone, CRLF read as LF. */
function withoutLayout(text: string, layoutLines: readonly string[]): string {
  const layout = new Set(layoutLines.map((line) => line.trim()));
  return text
    .replace(/^\uFEFF/, '')
    .replace(/\r\n?/g, '\n')
    .replace(/\f/g, '\n')
    .split('\n')
    .filter((line) => !layout.has(line.trim()))
    .join('\n');
}

/** Whitespace-normalised form: a line-end hyphen after a letter joins its lines without a space, other whitespace runs become one space. */
function normalised(text: string): string {
  return text
    .replace(/(\p{L})([-\u2010])[ \t]*\n\s*/gu, '$1$2')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Every body (and title) is a piece of the input: only whitespace may differ. */
function expectVerbatim(instrument: PackInstrument, input: string, layoutLines: readonly string[]): void {
  const source = normalised(withoutLayout(input, layoutLines));
  const bare = source.replace(/\s+/g, '');
  for (const provision of instrument.provisions) {
    const body = provision.text?.body ?? '';
    expect(body.length, provision.id).toBeGreaterThan(0);
    expect(body, `${provision.id}: body is trimmed, one space at most, paragraphs on lines`).toMatch(/^\S(?:.*\S)?$/s);
    expect(body).not.toMatch(/ {2}| \n|\n | \t|\n\n/);
    expect(source.includes(normalised(body)), `${provision.id} is not verbatim: ${body}`).toBe(true);
    expect(bare.includes(body.replace(/\s+/g, '')), provision.id).toBe(true);
    if (provision.title) expect(source.includes(provision.title), `${provision.id} title`).toBe(true);
  }
}

function request(text: string, overrides: Partial<ImportRequest> = {}): ImportRequest {
  return { id: 'sample', title: 'Sample Treaty', text, url: 'https://example.org/sample.pdf', date: '2030-01-01', ...overrides };
}

function bodies(result: ImportResult): Record<string, string | undefined> {
  if (!result.ok) throw new Error(`import failed: ${result.error}`);
  return Object.fromEntries((result.pack.instruments[0]?.provisions ?? []).map((provision) => [provision.id, provision.text?.body]));
}

function errorOf(result: ImportResult): string {
  if (result.ok) throw new Error('expected an error');
  return result.error;
}

function warningsOf(result: ImportResult): string[] {
  if (!result.ok) throw new Error(`import failed: ${result.error}`);
  return result.warnings;
}

describe('import fixtures', () => {
  const names = fs
    .readdirSync(FIXTURES)
    .filter((file) => file.endsWith('.txt'))
    .map((file) => file.replace(/\.txt$/, ''))
    .sort();

  it('exist', () => {
    expect(names).toEqual(['convention-kites-crlf', 'malformed-memo', 'resolution-beacons', 'treaty-lighthouse']);
  });

  for (const name of names) {
    it(`${name} gives the expected result`, () => {
      const { request: fixtureRequest } = loadFixture(name);
      const actual = importOfficialText(fixtureRequest);
      const expectedFile = path.join(FIXTURES, `${name}.expected.json`);
      if (update) fs.writeFileSync(expectedFile, `${JSON.stringify(actual, null, 2)}\n`);
      if (!fs.existsSync(expectedFile)) {
        throw new Error(`${expectedFile} is missing: run LEXICITE_UPDATE_EXPECTED=1 npx vitest run tests/unit/import.test.ts and review it`);
      }
      expect(actual).toEqual(JSON.parse(fs.readFileSync(expectedFile, 'utf8')));
    });
  }

  for (const name of names.filter((fixture) => fixture !== 'malformed-memo')) {
    it(`${name}: the pack is valid against pack.schema.json and every text is verbatim`, () => {
      const { request: fixtureRequest, layoutLines, text } = loadFixture(name);
      const instrument = expectValidPack(importOfficialText(fixtureRequest));
      expectVerbatim(instrument, text, layoutLines);
      for (const provision of instrument.provisions) {
        expect(provision.id.startsWith(`${instrument.id}/`)).toBe(true);
        expect(provision.text?.publication).toBe('official');
        expect(provision.text?.translation).toBeNull();
        expect(provision.text?.label).toBe(`Official text imported from ${name}.txt`);
        expect(provision.text?.source).toEqual({ url: fixtureRequest.url, retrievedVia: 'lexicite import', detail: `Imported from the user's file ${name}.txt` });
      }
      expect(new Set(instrument.provisions.map((provision) => provision.id)).size).toBe(instrument.provisions.length);
      expect(instrument.notes).toContain(`Imported by lexicite import from the user's file ${name}.txt`);
    });
  }

  it('the treaty: structure, titles, context, preamble and final clause', () => {
    const result = importOfficialText(loadFixture('treaty-lighthouse').request);
    const instrument = expectValidPack(result);
    expect(instrument.type).toBe('treaty');
    expect(instrument.date).toBe('2030-05-12');
    expect(instrument.structure).toMatchObject({ unit: 'article', count: 7, paragraphs: { '3': 3 } });
    expect(instrument.provisions.map((provision) => [provision.id, provision.number, provision.title])).toEqual([
      ['lighthouse-treaty-2030/preamble', 'preamble', null],
      ['lighthouse-treaty-2030/art-1', '1', 'Definitions'],
      ['lighthouse-treaty-2030/art-2', '2', 'Purpose'],
      ['lighthouse-treaty-2030/art-2bis', '2bis', null],
      ['lighthouse-treaty-2030/art-3', '3', null],
      ['lighthouse-treaty-2030/art-4', '4', 'Appointment of keepers'],
      ['lighthouse-treaty-2030/art-5', '5', null],
      ['lighthouse-treaty-2030/art-6', '6', 'Final provisions'],
      ['lighthouse-treaty-2030/testimonium', 'testimonium', null],
    ]);
    const text = bodies(result);
    // "Article 5" wrapped onto its own line inside a sentence is not a heading.
    expect(text['lighthouse-treaty-2030/art-2']).toBe(
      'The Parties shall co-operate in the maintenance, supply and inter-national inspection of the lighthouses, in accordance with Article 5 of this Treaty.',
    );
    // A sentence split by a page break (footer, form feed, header) is joined; the hyphen is kept.
    expect(text['lighthouse-treaty-2030/art-5']).toMatch(/referred to the light-house commissioners of the Parties\.$/);
    expect(instrument.provisions.find((provision) => provision.id.endsWith('/art-4'))?.context).toEqual({ part: 'PART II – THE JOINT COMMISSION' });
  });

  it('the resolution: preambular, operative and lettered sub-paragraphs with roman items', () => {
    const result = importOfficialText(loadFixture('resolution-beacons').request);
    const instrument = expectValidPack(result);
    expect(instrument).toMatchObject({ type: 'resolution', symbol: 'S/RES/9901 (2031)', shortTitle: 'resolution 9901 (2031)', date: '2031-03-14', meeting: '9999th meeting', status: 'adopted' });
    expect(instrument.structure).toMatchObject({ unit: 'paragraph', count: 5, preambularCount: 4, subparagraphs: { '2': ['a', 'b', 'c'] } });
    const text = bodies(result);
    expect(Object.keys(text)).toEqual([
      'unscr-9901/pp-1', 'unscr-9901/pp-2', 'unscr-9901/pp-3', 'unscr-9901/pp-4',
      'unscr-9901/op-1', 'unscr-9901/op-2', 'unscr-9901/op-2a', 'unscr-9901/op-2b', 'unscr-9901/op-2c',
      'unscr-9901/op-3', 'unscr-9901/op-4', 'unscr-9901/op-5',
    ]);
    expect(text['unscr-9901/op-2b']).toBe('Ensure that vessels flying their flag carry:\n(i) charts of the Strait dated no earlier than 2030; and\n(ii) a working signal lamp;');
    // The whole paragraph keeps its sub-paragraphs, across the page break.
    expect(text['unscr-9901/op-2']).toContain('\n(c) Refrain from interfering with the work of beacon keepers, including by jamming their radio signals;');
    expect(text['unscr-9901/pp-4']).toBe('Acting under Chapter VII of the Charter of the United Nations, and taking measures under its Article 41,');
  });

  it('lists every removed layout artefact in the warnings', () => {
    expect(warningsOf(importOfficialText(loadFixture('treaty-lighthouse').request))).toEqual(
      expect.arrayContaining([
        'Removed 2 form feeds (page breaks).',
        'Removed 3 page-number lines ("- 1 -", "- 2 -", "- 3 -"; lines 32, 63, 90).',
        'Removed 2 repeated page header/footer lines "Treaty on Lighthouse Maintenance" (lines 33, 64).',
      ]),
    );
    expect(warningsOf(importOfficialText(loadFixture('resolution-beacons').request))).toEqual(
      expect.arrayContaining([
        'Removed 4 job-number lines ("31-04567 (E)", "*3104567*", "31-04567 2/3", "3/3 31-04567"; lines 5, 6, 31, 44).',
        'Removed 2 document-symbol running heads ("S/RES/9901 (2031)"; lines 33, 46).',
      ]),
    );
    expect(warningsOf(importOfficialText(loadFixture('convention-kites-crlf').request))).toEqual(
      expect.arrayContaining([
        'Removed 2 page header/footer lines "Kite Convention – Official Text <page number>" ("Kite Convention – Official Text Page 1 of 2", "Kite Convention – Official Text Page 2 of 2"; lines 18, 30).',
      ]),
    );
  });

  it('lists every line joined at a hyphen, and never removes the hyphen', () => {
    const warnings = warningsOf(importOfficialText(loadFixture('treaty-lighthouse').request));
    expect(warnings.filter((warning) => warning.startsWith('Joined'))).toEqual([
      'Joined 2 lines ending in a hyphen to the next line without a space, keeping the hyphen (check each against the PDF: if the hyphen only split the word at the line end, remove it by hand): "inter-national" (line 27), "light-house" (line 61).',
    ]);
  });

  it('reports numbering gaps and duplicates, keeping all the text', () => {
    const result = importOfficialText(loadFixture('convention-kites-crlf').request);
    expect(warningsOf(result)).toEqual(
      expect.arrayContaining([
        'Article numbering jumps from 2 to 4 (line 20): article 3 not found.',
        'Article 4 appears 2 times (again at line 23); kept as kites-convention/art-4-2. Check the numbering.',
      ]),
    );
    const text = bodies(result);
    expect(text['kites-convention/art-4']).toBe('Each State Party shall designate one national authority for kites.');
    expect(text['kites-convention/art-4-2']).toMatch(/^Each State Party shall report every two years/);
  });

  it('reads CRLF exactly as LF', () => {
    const { request: crlf } = loadFixture('convention-kites-crlf');
    expect(crlf.text).toContain('\r\n');
    expect(importOfficialText({ ...crlf, text: crlf.text.replace(/\r\n/g, '\n') })).toEqual(importOfficialText(crlf));
    expect(importOfficialText({ ...crlf, text: `\uFEFF${crlf.text}` })).toEqual(importOfficialText(crlf));
  });
});

describe('importOfficialText errors', () => {
  const treaty = 'Article 1\nThe Parties shall keep the lamps lit.\n\nDone at Port Example on 1 May 2030.\n';

  it('rejects an invalid id with a clear message', () => {
    for (const id of ['Lighthouse', 'light house', 'light--house', '-light', 'light/house', '']) {
      expect(errorOf(importOfficialText(request(treaty, { id })))).toMatch(/^invalid id ".*": use lowercase letters and digits/);
    }
  });

  it('rejects an empty or blank text', () => {
    expect(errorOf(importOfficialText(request('')))).toBe('the text is empty: nothing to import');
    expect(errorOf(importOfficialText(request(' \n\f\r\n\t\n')))).toBe('the text is empty: nothing to import');
  });

  it('rejects a text without recognisable structure instead of guessing', () => {
    const { request: memo } = loadFixture('malformed-memo');
    expect(errorOf(importOfficialText(memo))).toMatch(/^the structure was not recognised: the text has no "Article N" headings .* Nothing was imported\.$/);
    expect(errorOf(importOfficialText(request('The Parties met in 2030.\nArticle 5 of the Treaty was discussed.\n')))).toMatch(/^the structure was not recognised/);
  });

  it('rejects a type the text does not have', () => {
    expect(errorOf(importOfficialText(request(treaty, { type: 'resolution' })))).toMatch(/cannot be imported as a resolution/);
    expect(errorOf(importOfficialText(request('The Council,\n1. Decides to meet.\n', { type: 'treaty' })))).toMatch(/no "Article N" headings .* as a treaty/);
  });

  it('imports without a URL, saying so, and names the file instead', () => {
    const result = importOfficialText(request(treaty, { url: null }));
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const [instrument] = result.pack.instruments;
    expect(instrument?.url).toBeNull();
    expect(instrument?.provisions[0]?.text?.source.url).toBeNull();
    expect(instrument?.provisions[0]?.text?.source.detail).toMatch(/^Imported from /);
    expect(result.warnings.some((warning) => warning.startsWith('No official URL given (--url)'))).toBe(true);
  });

  it('needs a valid URL when one is given, a valid date, language and title', () => {
    expect(errorOf(importOfficialText(request(treaty, { url: 'file:///tmp/x.pdf' })))).toMatch(/^invalid URL/);
    expect(errorOf(importOfficialText(request(treaty, { date: '2030-02-30' })))).toBe('invalid date "2030-02-30": use YYYY-MM-DD');
    expect(errorOf(importOfficialText(request(treaty, { lang: 'English' })))).toMatch(/^invalid language tag/);
    expect(errorOf(importOfficialText(request(treaty, { title: '  ' })))).toMatch(/^the title is empty/);
  });

  it('asks for the date when the text does not give one', () => {
    expect(errorOf(importOfficialText(request('Article 1\nThe Parties shall keep the lamps lit.\n', { date: null })))).toMatch(/^no date: .*\(--date\)$/);
    const found = importOfficialText(request(treaty, { date: null }));
    expect(found.ok && found.pack.instruments[0]?.date).toBe('2030-05-01');
    expect(warningsOf(importOfficialText(request(treaty, { date: '2031-01-01' })))).toContain(
      'The date given (2031-01-01) differs from the date in the text (2030-05-01: "Done at Port Example on 1 May 2030"); the date given was used.',
    );
  });
});

describe('importOfficialText structure', () => {
  it('reads the article heading forms', () => {
    const text = [
      'ARTICLE 1',
      'The first article.',
      'Article 2 – Scope',
      'The second article.',
      'Article 3: Definitions',
      'The third article.',
      'Article 4',
      'Exchange of information',
      'The fourth article.',
      'Article 4bis',
      'An inserted article.',
      'Article 5',
      'The Parties shall consult each other on the lamps of the',
      'Northern Light at least once a year.',
      '',
    ].join('\n');
    const result = importOfficialText(request(text));
    const instrument = expectValidPack(result);
    expect(instrument.provisions.map((provision) => [provision.id, provision.number, provision.title, provision.text?.body])).toEqual([
      ['sample/art-1', '1', null, 'The first article.'],
      ['sample/art-2', '2', 'Scope', 'The second article.'],
      ['sample/art-3', '3', 'Definitions', 'The third article.'],
      ['sample/art-4', '4', 'Exchange of information', 'The fourth article.'],
      ['sample/art-4bis', '4bis', null, 'An inserted article.'],
      ['sample/art-5', '5', null, 'The Parties shall consult each other on the lamps of the Northern Light at least once a year.'],
    ]);
    expect(warningsOf(result).some((warning) => /numbering/.test(warning))).toBe(false);
  });

  it('does not take a wrapped "Article N of …" line for a heading', () => {
    const text = 'Article 1\nThe Parties shall apply\nArticle 2 of the Lamp Convention\nin good faith.\n\nArticle 2\nThe Parties shall meet.\n';
    expect(bodies(importOfficialText(request(text)))).toEqual({
      'sample/art-1': 'The Parties shall apply Article 2 of the Lamp Convention in good faith.',
      'sample/art-2': 'The Parties shall meet.',
    });
  });

  it('tells lettered sub-paragraph (i) from a roman item (i)', () => {
    const letters = 'abcdefgh'.split('').map((letter) => `(${letter}) Item ${letter};`);
    const roman = ['The Council,', '1. Decides that:', ...letters, '(i) Item i, namely:', '(i) first; and', '(ii) second;', '(j) Item j.', ''].join('\n');
    const instrument = expectValidPack(importOfficialText(request(roman, { type: 'resolution', title: 'Resolution' })));
    expect(instrument.structure.subparagraphs).toEqual({ '1': ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i', 'j'] });
    expect(instrument.provisions.find((provision) => provision.id === 'sample/op-1i')?.text?.body).toBe('Item i, namely:\n(i) first; and\n(ii) second;');

    const romanInH = ['The Council,', '1. Decides that:', ...letters.slice(0, 7), '(h) Item h, namely:', '(i) first; and', '(ii) second.', ''].join('\n');
    const second = expectValidPack(importOfficialText(request(romanInH, { type: 'resolution', title: 'Resolution' })));
    expect(second.structure.subparagraphs).toEqual({ '1': ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h'] });
    expect(second.provisions.find((provision) => provision.id === 'sample/op-1h')?.text?.body).toBe('Item h, namely:\n(i) first; and\n(ii) second.');
  });

  it('takes the next "Article N" after an unrecognised page header as a heading, and says so', () => {
    const text = 'Article 1\nText one\ncontinues.\nLamp Treaty\nArticle 2\nText two.\n';
    const result = importOfficialText(request(text));
    expect(bodies(result)).toEqual({ 'sample/art-1': 'Text one continues. Lamp Treaty', 'sample/art-2': 'Text two.' });
    expect(warningsOf(result)).toContain(
      '"Article 2" (line 5) was taken as a heading although the line before it ("Lamp Treaty") does not end a sentence: check whether that line is a page header left in the text.',
    );
  });

  it('finds the preamble of a resolution without an opening line, and says so', () => {
    const text = 'Security Council\nRecalling its earlier decisions,\nNoting the reports,\n1. Decides to act.\n';
    const result = importOfficialText(request(text, { title: 'Resolution' }));
    expect(bodies(result)).toEqual({ 'sample/pp-1': 'Recalling its earlier decisions,', 'sample/pp-2': 'Noting the reports,', 'sample/op-1': 'Decides to act.' });
    expect(warningsOf(result)).toContain('No opening line such as "The Security Council," was found: the preamble is taken to start at line 2 ("Recalling its earlier decisions,"). Check it.');
  });

  it('keeps a repeated operative number as text and says so', () => {
    const text = 'The Security Council,\nRecalling its work,\n1. Decides one;\n2. Decides two;\n2. Decides two again;\n3. Decides three.\n';
    const result = importOfficialText(request(text, { title: 'Resolution' }));
    expect(bodies(result)['sample/op-2']).toBe('Decides two;\n2. Decides two again;');
    expect(warningsOf(result)).toContain('Line 5 starts with "2." but paragraph 2 is the current one: kept as text of paragraph 2. Check the numbering.');
    expect(expectValidPack(result).structure.count).toBe(3);
  });

  it('does not remove a repeated line that is text, not a page edge', () => {
    const text = 'Article 1\nFor the Parties:\n(signed)\nFor the Council:\n(signed)\nThe end.\n';
    // Kept (lines of one paragraph are joined with a space).
    expect(bodies(importOfficialText(request(text)))['sample/art-1']).toBe('For the Parties: (signed) For the Council: (signed) The end.');
  });

  it('reports an http (not https) URL: the instrument url stays null, the texts keep it', () => {
    const result = importOfficialText(request('Article 1\nText.\n', { url: 'http://example.org/t.pdf' }));
    const instrument = expectValidPack(result);
    expect(instrument.url).toBeNull();
    expect(instrument.provisions[0]?.text?.source.url).toBe('http://example.org/t.pdf');
  });

  it('keeps the core free of the file system', () => {
    for (const file of ['official-text.ts', 'layout.ts', 'pack-types.ts']) {
      const source = fs.readFileSync(path.join(REPO_ROOT, 'server', 'src', 'core', 'import', file), 'utf8');
      expect(source, file).not.toMatch(/from ['"](?:node:)?(?:fs|path|child_process)['"]/);
    }
  });
});

describe('the text of a built-in instrument', () => {
  // A placeholder, not the treaty's words: the test is about where the provisions go.
  const placeholder = ['Article 18', 'Placeholder sentence standing in for the text of the eighteenth article in this test.', '', 'Article 20', 'Placeholder sentence standing in for the twentieth article.', ''].join('\n');
  const builtIn = { title: 'Treaty on Comprehensive Strategic Partnership between the Russian Federation and the Democratic People\'s Republic of Korea', type: 'treaty' };

  it('gives the provisions read to the built-in instrument (a pack cannot redefine it), needing neither a title nor a date', () => {
    const result = importOfficialText({ id: 'rus-dprk-2024', title: '', text: placeholder, url: 'https://example.org/treaty.pdf', builtIn });
    if (!result.ok) throw new Error(result.error);
    expect(result.pack.instruments).toEqual([]);
    expect(result.pack.provisions?.map((provision) => [provision.instrument, provision.id, provision.text?.body])).toEqual([
      ['rus-dprk-2024', 'rus-dprk-2024/art-18', 'Placeholder sentence standing in for the text of the eighteenth article in this test.'],
      ['rus-dprk-2024', 'rus-dprk-2024/art-20', 'Placeholder sentence standing in for the twentieth article.'],
    ]);
    expect(result.warnings.at(-1)).toMatch(/is built in, and a pack cannot redefine it: the 2 provisions read from the text are given to it/);
    const validate = packValidator();
    expect(validate(result.pack), JSON.stringify(validate.errors)).toBe(true);
  });

  it('loads onto the bundled corpus: the provisions that had no text now have the imported one', () => {
    const result = importOfficialText({ id: 'rus-dprk-2024', title: '', text: placeholder, url: 'https://example.org/treaty.pdf', builtIn });
    if (!result.ok) throw new Error(result.error);
    const { parsed, problems } = parsePack('.lexicite/rus-dprk-2024.json', JSON.stringify(result.pack));
    expect(problems).toEqual([]);
    const { corpus, problems: applied } = applyPacks(bundledCorpus(), parsed ? [parsed] : []);
    expect(applied).toEqual([]);
    expect(bundledCorpus().provision('rus-dprk-2024/art-18')?.provision.text ?? null).toBeNull();
    expect(corpus.provision('rus-dprk-2024/art-18')?.provision.text?.body).toBe('Placeholder sentence standing in for the text of the eighteenth article in this test.');
  });
});
