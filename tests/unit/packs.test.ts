/**
 * Users' source packs: validation with file, JSON path and location; conflicts; and the
 * guarantee that a broken pack never stops the built-in corpus or the other packs.
 * The texts below are test data, not the text of any instrument.
 */
import { describe, expect, it } from 'vitest';
import { applyPacks, parsePack, type ParsedPack } from '../../server/src/core/packs';
import { bundledCorpus } from '../helpers';

const rendering = (body: string) => ({
  body,
  lang: 'en',
  label: 'Official text (test pack)',
  translation: null,
  publication: 'official',
  source: { url: 'https://example.org/official.pdf' },
});

const testInstrument = {
  id: 'test-treaty',
  type: 'treaty',
  title: 'Treaty on Lighthouse Maintenance (test data)',
  shortTitle: 'Lighthouse Treaty',
  aliases: ['the lighthouse treaty'],
  date: '2020-01-01',
  dateKind: 'signed',
  status: 'unknown',
  structure: { unit: 'article', count: 2 },
  provisions: [{ id: 'test-treaty/art-1', number: '1', kind: 'article', text: rendering('TEST ARTICLE ONE.') }],
};

function parsed(file: string, value: unknown): ParsedPack {
  const result = parsePack(file, JSON.stringify(value, null, 2));
  expect(result.problems).toEqual([]);
  if (!result.parsed) throw new Error('expected a parsed pack');
  return result.parsed;
}

describe('parsePack', () => {
  it('reports invalid JSON with its location', () => {
    const text = '{\n  "instruments": [\n    { "id": "x", }\n  ]\n}\n';
    const { parsed: pack, problems } = parsePack('/ws/.lexicite/bad.json', text);
    expect(pack).toBeNull();
    expect(problems.length).toBeGreaterThan(0);
    expect(problems[0]).toMatchObject({ file: '/ws/.lexicite/bad.json', jsonPath: '$', severity: 'error' });
    expect(problems[0]?.message).toMatch(/^invalid JSON: /);
    expect(text.slice(problems[0]?.start, (problems[0]?.start ?? 0) + 1)).toBe('}');
  });

  it('reports an empty file', () => {
    expect(parsePack('/ws/empty.json', '').problems.map((problem) => problem.message)).toEqual(['invalid JSON: a value was expected at offset 0']);
  });

  it('reports schema violations with a JSON path and points at the offending value', () => {
    const text = JSON.stringify({ instruments: [{ ...testInstrument, date: 2020, colour: 'blue' }] }, null, 2);
    const { parsed: pack, problems } = parsePack('/ws/p.json', text);
    expect(pack).toBeNull();
    const byPath = Object.fromEntries(problems.map((problem) => [problem.jsonPath, problem]));
    expect(byPath['$.instruments[0].date']?.message).toBe('must be string');
    expect(text.slice(byPath['$.instruments[0].date']?.start, byPath['$.instruments[0].date']?.end)).toBe('2020');
    expect(byPath['$.instruments[0].colour']?.message).toBe('unknown property "colour"');
    expect(text.slice(byPath['$.instruments[0].colour']?.start, byPath['$.instruments[0].colour']?.end)).toBe('"colour": "blue"');
  });

  it('accepts a byte order mark', () => {
    const { parsed: pack, problems } = parsePack('/ws/bom.json', `\ufeff${JSON.stringify({ officials: [] })}`);
    expect(problems).toEqual([]);
    expect(pack?.pack.officials).toEqual([]);
  });
});

describe('applyPacks', () => {
  const builtin = bundledCorpus();

  it('adds a new instrument, findable by id and alias, marked with its pack', () => {
    const { corpus, problems } = applyPacks(builtin, [parsed('/ws/a.json', { instruments: [testInstrument] })]);
    expect(problems).toEqual([]);
    expect(corpus.instrument('test-treaty')?.pack).toBe('/ws/a.json');
    expect(corpus.instrumentsNamed('The Lighthouse Treaty').map((instrument) => instrument.id)).toEqual(['test-treaty']);
    expect(corpus.provision('test-treaty/art-1')?.provision.text?.pack).toBe('/ws/a.json');
    // The built-in corpus is untouched.
    expect(builtin.instrument('test-treaty')).toBeUndefined();
    expect(corpus.instruments.length).toBe(builtin.instruments.length + 1);
  });

  it('supplies the official text of a provision shipped without text', () => {
    expect(builtin.provision('unscr-1718/op-10')?.provision.text).toBeNull();
    const pack = { provisions: [{ instrument: 'unscr-1718', id: 'unscr-1718/op-10', number: '10', kind: 'operative-paragraph', text: rendering('TEST PARAGRAPH TEN.') }] };
    const { corpus, problems } = applyPacks(builtin, [parsed('/ws/official.json', pack)]);
    expect(problems).toEqual([]);
    const provision = corpus.provision('unscr-1718/op-10')?.provision;
    expect(provision?.text).toMatchObject({ body: 'TEST PARAGRAPH TEN.', publication: 'official', pack: '/ws/official.json' });
    // Our summary stays, labelled as ours.
    expect(provision?.summary?.author).toBe('lexicite');
    expect(builtin.provision('unscr-1718/op-10')?.provision.text).toBeNull();
  });

  it('keeps the built-in rendering as a variant when a pack replaces a text', () => {
    const before = builtin.provision('unscr-1718/op-8d')?.provision.text;
    expect(before).not.toBeNull();
    const pack = { provisions: [{ instrument: 'unscr-1718', id: 'unscr-1718/op-8d', number: '8(d)', kind: 'operative-paragraph', text: rendering('TEST 8(d).') }] };
    const { corpus } = applyPacks(builtin, [parsed('/ws/o.json', pack)]);
    const provision = corpus.provision('unscr-1718/op-8d')?.provision;
    expect(provision?.text?.body).toBe('TEST 8(d).');
    expect(provision?.variants).toContainEqual(before);
  });

  it('reports conflicts and unknown instruments, and applies everything else', () => {
    const first = parsed('/ws/1.json', { instruments: [testInstrument] });
    const second = parsed('/ws/2.json', {
      instruments: [
        { ...testInstrument, title: 'A second definition' },
        { ...testInstrument, id: 'unscr-1718', provisions: [] },
        { ...testInstrument, id: 'other-treaty', provisions: [{ ...testInstrument.provisions[0], id: 'test-treaty/art-9' }] },
      ],
      provisions: [
        { instrument: 'no-such-treaty', id: 'no-such-treaty/art-1', number: '1', kind: 'article', text: rendering('x') },
        { instrument: 'test-treaty', id: 'unscr-1718/op-1', number: '1', kind: 'article', text: rendering('x') },
        { instrument: 'test-treaty', id: 'test-treaty/art-2', number: '2', kind: 'article', text: rendering('TEST ARTICLE TWO.') },
        { instrument: 'test-treaty', id: 'test-treaty/art-7', number: '7', kind: 'article', text: rendering('TEST ARTICLE SEVEN.') },
      ],
      officials: [{ id: 'kim-jong-un', name: 'Someone', country: 'X', titles: [] }],
    });
    const { corpus, problems } = applyPacks(builtin, [first, second]);
    expect(problems.map(({ file, jsonPath, message, severity }) => ({ file, jsonPath, message, severity }))).toEqual([
      { file: '/ws/2.json', jsonPath: '$.instruments[0].id', message: 'duplicate instrument id "test-treaty": already defined in /ws/1.json', severity: 'error' },
      {
        file: '/ws/2.json',
        jsonPath: '$.instruments[1].id',
        message: 'instrument "unscr-1718" is built in; a pack cannot redefine it, but can add or complete its provisions under "provisions"',
        severity: 'error',
      },
      { file: '/ws/2.json', jsonPath: '$.instruments[2].provisions[0].id', message: 'provision id "test-treaty/art-9" must start with "other-treaty/"', severity: 'error' },
      {
        file: '/ws/2.json',
        jsonPath: '$.provisions[0].instrument',
        message: 'unknown instrument "no-such-treaty": use a built-in id (e.g. unscr-1718, rus-dprk-2024, arsiwa) or define the instrument under "instruments"',
        severity: 'error',
      },
      { file: '/ws/2.json', jsonPath: '$.provisions[1].id', message: 'provision id "unscr-1718/op-1" must start with "test-treaty/"', severity: 'error' },
      { file: '/ws/2.json', jsonPath: '$.provisions[3].number', message: 'Lighthouse Treaty has 2 articles; 7 is beyond them', severity: 'warning' },
      { file: '/ws/2.json', jsonPath: '$.officials[0].id', message: 'official "kim-jong-un" is built in; a pack cannot redefine it', severity: 'error' },
    ]);
    // What was valid still applies: the first definition, the other treaty, articles 2 and 7.
    expect(corpus.instrument('test-treaty')?.title).toBe('Treaty on Lighthouse Maintenance (test data)');
    expect(corpus.instrument('other-treaty')?.provisions).toEqual([]);
    expect(corpus.provision('test-treaty/art-2')?.provision.text?.body).toBe('TEST ARTICLE TWO.');
    expect(corpus.provision('test-treaty/art-7')).toBeDefined();
    expect(corpus.official('kim-jong-un')?.name).toBe('Kim Jong Un');
    expect(corpus.instrument('unscr-1718')?.title).toBe(builtin.instrument('unscr-1718')?.title);
  });

  it('reports the same provision supplied by two packs', () => {
    const entry = { instrument: 'unscr-1718', id: 'unscr-1718/op-9', number: '9', kind: 'operative-paragraph', text: rendering('x') };
    const { problems } = applyPacks(builtin, [parsed('/ws/a.json', { provisions: [entry] }), parsed('/ws/b.json', { provisions: [entry] })]);
    expect(problems.map((problem) => problem.message)).toEqual(['duplicate provision "unscr-1718/op-9": already supplied by /ws/a.json']);
  });
});

describe('built-in corpus indexes', () => {
  const corpus = bundledCorpus();

  it('finds instruments by alias, symbol and title, case-insensitively', () => {
    expect(corpus.instrumentsNamed('arsiwa').map((instrument) => instrument.id)).toEqual(['arsiwa']);
    expect(corpus.instrumentsNamed('THE BUDAPEST CONVENTION').map((instrument) => instrument.id)).toEqual(['budapest-convention']);
    expect(corpus.instrumentsNamed('S/RES/1718 (2006)').map((instrument) => instrument.id)).toEqual(['unscr-1718']);
    expect(corpus.instrumentsNamed('the 2024 treaty').map((instrument) => instrument.id)).toEqual(['rus-dprk-2024']);
  });

  it('finds officials by name, spelling variant and native script', () => {
    expect(corpus.officialsNamed('Kim Jong-un').map((official) => official.id)).toEqual(['kim-jong-un']);
    expect(corpus.officialsNamed('김정은').map((official) => official.id)).toEqual(['kim-jong-un']);
    expect(corpus.official('vladimir-putin')?.country).toBeTruthy();
  });
});
