/**
 * The resolution index in the corpus: its resolutions become instruments only when asked for,
 * and the corpus answers as if each had been made at load (the same instruments, in the same
 * order, the same object each time).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { Corpus, loadCorpus, type Instrument } from '../../server/src/core/corpus';
import { applyPacks, parsePack } from '../../server/src/core/packs';
import { indexedResolutionInstrument, resolutionIndexInfo, type ResolutionIndexFile } from '../../server/src/core/resolution-index';
import indexFile from '../../data/unsc-resolutions.json';

const DATA = path.join(__dirname, '..', '..', 'data');
const entries = (indexFile as ResolutionIndexFile).resolutions;

describe('the index resolutions of a loaded corpus', () => {
  it('are every instrument after the recorded ones, in the order of the index, each made once', () => {
    const { corpus, problems } = loadCorpus(DATA);
    expect(problems).toEqual([]);
    const recorded = new Set(corpus.recordedInstruments.map((instrument) => instrument.id));
    const expected = [...corpus.recordedInstruments.map((instrument) => instrument.id), ...entries.filter((entry) => !recorded.has(`unscr-${entry.number}`)).map((entry) => `unscr-${entry.number}`)];
    expect(corpus.instrumentCount).toBe(expected.length);
    // Asked for one by one first, then as the whole list: the same objects.
    const one = corpus.instrument('unscr-82');
    const byNumber = corpus.resolution(2231);
    expect(corpus.instruments.map((instrument) => instrument.id)).toEqual(expected);
    expect(corpus.instruments).toBe(corpus.instruments);
    expect(corpus.instruments).toContain(one);
    expect(corpus.instruments).toContain(byNumber);
    for (const instrument of corpus.instruments) expect(corpus.instrument(instrument.id)).toBe(instrument);
  });

  it('read as the index line says, and a recorded resolution keeps its own record', () => {
    const { corpus } = loadCorpus(DATA);
    const entry = entries.find((candidate) => candidate.number === 82) as (typeof entries)[number];
    expect(corpus.instrument('unscr-82')).toEqual(indexedResolutionInstrument(entry));
    expect(corpus.resolution(82)?.origin).toBe('index');
    expect(corpus.hasRecord(82)).toBe(false);
    expect(corpus.resolution(1718)?.origin).toBeUndefined();
    expect(corpus.hasRecord(1718)).toBe(true);
    expect(corpus.resolution(1718)).toBe(corpus.recordedInstruments.find((instrument) => instrument.id === 'unscr-1718'));
  });

  it('end where the index ends: a number above it is newer than the index, one in it is not', () => {
    const { corpus } = loadCorpus(DATA);
    const info = resolutionIndexInfo(entries);
    expect(corpus.resolutionIndex).toEqual(info);
    const last = info?.last as number;
    expect(corpus.isNewerThanIndex(last)).toBe(false);
    expect(corpus.isNewerThanIndex(1)).toBe(false);
    expect(corpus.isNewerThanIndex(last + 1)).toBe(true);
    expect(corpus.resolution(last + 1)?.origin).toBe('beyond-index');
    expect(corpus.instrument('unscr-999999')?.origin).toBe('beyond-index');
    expect(corpus.instrument(`unscr-${last}`)?.origin).toBe('index');
    // Ids as the index's resolutions have them, and no other spelling.
    expect(corpus.instrument('unscr-082')).toBeUndefined();
  });

  it('without an index, no resolution is made from one', () => {
    const corpus = new Corpus([]);
    expect(corpus.instrumentCount).toBe(0);
    expect(corpus.instruments).toEqual([]);
    expect(corpus.resolution(82)).toBeUndefined();
    expect(corpus.isNewerThanIndex(99999)).toBe(false);
  });

  it('a recorded instrument with an index resolution\'s id stands in its place', () => {
    const entry = entries[0] as (typeof entries)[number];
    const own: Instrument = { ...indexedResolutionInstrument(entry), title: 'A record of its own', origin: undefined };
    const corpus = new Corpus([own], [], { indexedResolutions: entries.slice(0, 3), resolutionIndex: resolutionIndexInfo(entries.slice(0, 3)) });
    expect(corpus.instrument(own.id)).toBe(own);
    expect(corpus.resolution(entry.number)).toBe(own);
    expect(corpus.instruments.map((instrument) => instrument.id)).toEqual(entries.slice(0, 3).map((candidate) => `unscr-${candidate.number}`));
    expect(corpus.instrumentCount).toBe(3);
  });
});

describe('packs over the lazy index', () => {
  it('no packs: the corpus itself, its index still unmade', () => {
    const { corpus } = loadCorpus(DATA);
    const { corpus: packed, problems } = applyPacks(corpus, []);
    expect(problems).toEqual([]);
    expect(packed).toBe(corpus);
  });

  it('an index resolution is built in for a pack; a resolution the index lacks is the pack\'s, after every other', () => {
    const { corpus } = loadCorpus(DATA);
    const fictional = JSON.parse(fs.readFileSync(path.join(__dirname, '..', 'packs', 'fictional-resolution.json'), 'utf8')) as { instruments: Array<Record<string, unknown>> };
    const [resolution] = fictional.instruments;
    const pack = { instruments: [{ ...resolution, id: 'unscr-82', title: 'Security Council resolution 82 (1950)' }, resolution] };
    const { parsed, problems: parseProblems } = parsePack('/packs/two.json', JSON.stringify(pack));
    expect(parseProblems).toEqual([]);
    const { corpus: packed, problems } = applyPacks(corpus, parsed ? [parsed] : []);
    expect(problems.map((problem) => problem.message)).toEqual([expect.stringContaining('"unscr-82" is built in')]);
    expect(packed.resolution(82)?.origin).toBe('index');
    expect(packed.resolution(9001)?.title).toBe(resolution?.title);
    expect(packed.hasRecord(9001)).toBe(true);
    expect(packed.instruments.map((instrument) => instrument.id)).toEqual([...corpus.instruments.map((instrument) => instrument.id), 'unscr-9001']);
  });
});
