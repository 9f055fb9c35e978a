// Checks the committed corpus in data/: schemas, ids, numbering, provenance fields and the
// counts we know. It reads only data/ (never the shared sources the corpus was built from).
import { describe, it, expect } from 'vitest';
import * as fs from 'node:fs';
import { fileURLToPath } from 'node:url';
// Named export: type-safe under "module": "Node16" as well as in vitest.
import { Ajv } from 'ajv';

const DATA = new URL('../../data/', import.meta.url);
const readJson = (relative: string): unknown => JSON.parse(fs.readFileSync(fileURLToPath(new URL(relative, DATA)), 'utf8'));

interface RenderingSource { url: string; retrievedVia: string | null; detail: string | null }
interface Rendering {
  body: string; lang: string; label: string; translation: string | null; publication: string;
  source: RenderingSource; partial: boolean; truncated: boolean; note: string | null;
}
interface Summary { text: string; author: string; basis: string | null }
interface Provision {
  id: string; number: string; kind: 'article' | 'operative-paragraph' | 'preambular-paragraph' | 'other';
  title: string | null; text: Rendering | null; variants: Rendering[]; summary: Summary | null; note: string | null;
}
interface Structure {
  unit: 'article' | 'paragraph'; count: number | null; preambularCount: number | null;
  subparagraphs: Record<string, string[]>; paragraphs: Record<string, number>; countSource: string | null;
}
interface Instrument {
  id: string; type: string; title: string; symbol: string | null; date: string; url: string | null;
  authenticLanguages: string[] | null; structure: Structure; provisions: Provision[];
}
interface OfficialTitle { title: string; from: string | null; to: string | null; source: string }
interface Official { id: string; name: string; titles: OfficialTitle[]; informal: string[] }
interface Officials { retrieved: string; officials: Official[] }

const CANONICAL_IDS = [
  'unscr-1695', 'unscr-1718', 'unscr-1874', 'unscr-2087', 'unscr-2094', 'unscr-2270', 'unscr-2321', 'unscr-2356',
  'unscr-2371', 'unscr-2375', 'unscr-2397', 'arsiwa', 'rus-dprk-2024', 'rus-dprk-2000', 'ussr-dprk-1961', 'budapest-convention',
];
const KNOWN_COUNTS: Record<string, number> = { 'unscr-1718': 17, 'rus-dprk-2024': 23, arsiwa: 59, 'budapest-convention': 48 };

const instrumentFiles = fs.readdirSync(fileURLToPath(new URL('instruments/', DATA))).filter((f) => f.endsWith('.json')).sort();
const instruments: Array<{ file: string; raw: unknown; data: Instrument }> = instrumentFiles.map((file) => {
  const raw = readJson(`instruments/${file}`);
  return { file, raw, data: raw as Instrument };
});
const officialsRaw = readJson('officials.json');
const officials = officialsRaw as Officials;

function renderingsOf(p: Provision): Rendering[] {
  return p.text ? [p.text, ...p.variants] : [...p.variants];
}

/** Parses a provision id/number pair; null when they are inconsistent. */
function parseNumber(instrumentId: string, p: Provision): { paragraph: number | null; letter: string | null; preambular: number | null } | null {
  const local = p.id.startsWith(`${instrumentId}/`) ? p.id.slice(instrumentId.length + 1) : null;
  if (local === null) return null;
  let m: RegExpExecArray | null;
  switch (p.kind) {
    case 'article':
      m = /^(\d+)$/.exec(p.number);
      return m && local === `art-${m[1]}` ? { paragraph: Number(m[1]), letter: null, preambular: null } : null;
    case 'operative-paragraph':
      m = /^(\d+)(?:\(([a-z])\))?$/.exec(p.number);
      return m && local === `op-${m[1]}${m[2] ?? ''}` ? { paragraph: Number(m[1]), letter: m[2] ?? null, preambular: null } : null;
    case 'preambular-paragraph':
      m = /^PP(\d+)$/.exec(p.number);
      return m && local === `pp-${m[1]}` ? { paragraph: null, letter: null, preambular: Number(m[1]) } : null;
    case 'other':
      return /^[a-z][a-z0-9-]*$/.test(p.number) && local === p.number ? { paragraph: null, letter: null, preambular: null } : null;
  }
}

describe('schemas', () => {
  const ajv = new Ajv({ allErrors: true });
  for (const name of ['instrument', 'officials', 'pack']) ajv.addSchema(readJson(`schema/${name}.schema.json`) as object);
  const validateInstrument = ajv.getSchema('https://lexicite.dev/schema/instrument.schema.json');
  const validateOfficials = ajv.getSchema('https://lexicite.dev/schema/officials.schema.json');
  const validatePack = ajv.getSchema('https://lexicite.dev/schema/pack.schema.json');

  it('compile', () => {
    expect(validateInstrument).toBeTypeOf('function');
    expect(validateOfficials).toBeTypeOf('function');
    expect(validatePack).toBeTypeOf('function');
  });

  it.each(instrumentFiles)('%s validates against instrument.schema.json', (file) => {
    const entry = instruments.find((i) => i.file === file);
    const ok = validateInstrument?.(entry?.raw);
    expect(validateInstrument?.errors ?? [], file).toEqual([]);
    expect(ok).toBe(true);
  });

  it('officials.json validates against officials.schema.json', () => {
    const ok = validateOfficials?.(officialsRaw);
    expect(validateOfficials?.errors ?? []).toEqual([]);
    expect(ok).toBe(true);
  });

  it('pack schema accepts an official text for a provision we ship without text, and rejects unknown keys', () => {
    const pack = {
      provisions: [{
        instrument: 'unscr-1718', id: 'unscr-1718/op-9', number: '9', kind: 'operative-paragraph',
        text: { body: 'Example body supplied by a user.', lang: 'en', label: 'UN document', translation: null, publication: 'official', source: { url: 'https://undocs.org/S/RES/1718(2006)' } },
      }],
    };
    expect(validatePack?.(pack)).toBe(true);
    expect(validatePack?.({ provisions: [{ ...pack.provisions[0], extra: true }] })).toBe(false);
    expect(validatePack?.({ unknown: [] })).toBe(false);
  });

  it('the shipped corpus may not claim an official publication', () => {
    const copy = JSON.parse(JSON.stringify(instruments.find((i) => i.data.id === 'arsiwa')?.raw)) as Instrument;
    const withText = copy.provisions.find((p) => p.text !== null);
    if (withText?.text) withText.text.publication = 'official';
    expect(validateInstrument?.(copy)).toBe(false);
  });
});

describe('instruments', () => {
  it('are exactly the canonical ids, one file each, named after the id', () => {
    expect(instruments.map((i) => i.data.id).sort()).toEqual([...CANONICAL_IDS].sort());
    for (const { file, data } of instruments) expect(file).toBe(`${data.id}.json`);
  });

  it('have the structure counts we know', () => {
    for (const [id, count] of Object.entries(KNOWN_COUNTS)) {
      expect(instruments.find((i) => i.data.id === id)?.data.structure.count, id).toBe(count);
    }
  });

  it('resolutions link to undocs.org and their symbol year matches the date', () => {
    for (const { data } of instruments.filter((i) => i.data.type === 'resolution')) {
      const n = /^unscr-(\d+)$/.exec(data.id)?.[1];
      const year = data.date.slice(0, 4);
      expect(data.url).toBe(`https://undocs.org/S/RES/${n}(${year})`);
      expect(data.url ?? '').toMatch(/^https:\/\/undocs\.org\/S\/RES\/\d{3,4}\(\d{4}\)$/);
      expect(data.symbol).toBe(`S/RES/${n} (${year})`);
      expect(data.structure.unit).toBe('paragraph');
    }
  });

  it('non-resolutions count articles', () => {
    for (const { data } of instruments.filter((i) => i.data.type !== 'resolution')) expect(data.structure.unit, data.id).toBe('article');
  });
});

describe('provisions', () => {
  it('have unique ids, prefixed by their instrument and consistent with number and kind', () => {
    const all = new Set<string>();
    for (const { data } of instruments) {
      for (const p of data.provisions) {
        expect(all.has(p.id), `duplicate ${p.id}`).toBe(false);
        all.add(p.id);
        expect(parseNumber(data.id, p), `${p.id} / ${p.kind} / ${p.number}`).not.toBeNull();
      }
    }
  });

  it('are within the known structure (count, preamble, sub-paragraph letters)', () => {
    for (const { data } of instruments) {
      const s = data.structure;
      for (const p of data.provisions) {
        const parsed = parseNumber(data.id, p);
        if (!parsed) continue;
        if (parsed.paragraph !== null && s.count !== null) expect(parsed.paragraph, p.id).toBeLessThanOrEqual(s.count);
        if (parsed.paragraph !== null) expect(parsed.paragraph, p.id).toBeGreaterThanOrEqual(1);
        if (parsed.preambular !== null && s.preambularCount !== null) expect(parsed.preambular, p.id).toBeLessThanOrEqual(s.preambularCount);
        if (parsed.letter !== null && parsed.paragraph !== null) {
          const letters = s.subparagraphs[String(parsed.paragraph)];
          if (letters) expect(letters, p.id).toContain(parsed.letter);
        }
      }
      for (const key of [...Object.keys(s.subparagraphs), ...Object.keys(s.paragraphs)]) {
        if (s.count !== null) expect(Number(key), `${data.id} structure key ${key}`).toBeLessThanOrEqual(s.count);
      }
    }
  });

  it('every rendering has a body, a source URL, a language, a label and a publication', () => {
    for (const { data } of instruments) {
      for (const p of data.provisions) {
        for (const r of renderingsOf(p)) {
          expect(r.body.trim().length, p.id).toBeGreaterThan(0);
          expect(r.source.url, p.id).toMatch(/^https?:\/\/\S+$/);
          expect(r.lang, p.id).toMatch(/^[a-z]{2,3}(-[A-Za-z0-9]+)*$/);
          expect(r.label.trim().length, p.id).toBeGreaterThan(0);
          expect(r.publication, p.id).toBe('secondary');
          expect(r.body, `${p.id}: whitespace not normalised`).toBe(r.body.trim());
        }
      }
    }
  });

  it('a rendering outside the authentic languages names its translation', () => {
    for (const { data } of instruments) {
      for (const p of data.provisions) {
        for (const r of renderingsOf(p)) {
          if (data.authenticLanguages && !data.authenticLanguages.includes(r.lang)) expect(r.translation, `${p.id} (${r.lang})`).not.toBeNull();
        }
      }
      // The 2024 treaty's authentic languages are Russian and Korean: every English rendering is a translation.
      if (data.id === 'rus-dprk-2024') {
        for (const p of data.provisions) for (const r of renderingsOf(p)) if (r.lang === 'en') expect(r.translation, p.id).not.toBeNull();
      }
    }
  });

  it('summaries are ours and never stand in for the text', () => {
    for (const { data } of instruments) {
      for (const p of data.provisions) {
        if (p.text === null) expect(p.variants, p.id).toEqual([]);
        if (!p.summary) continue;
        expect(p.summary.author, p.id).toBe('lexicite');
        expect(p.summary.basis ?? '', p.id).not.toBe('');
        for (const r of renderingsOf(p)) expect(r.body, p.id).not.toBe(p.summary.text);
      }
    }
  });

  it('keep the primary text in an authentic language when one is held', () => {
    for (const { data } of instruments) {
      if (!data.authenticLanguages) continue;
      for (const p of data.provisions) {
        if (!p.text) continue;
        const hasAuthentic = renderingsOf(p).some((r) => r.translation === null);
        if (hasAuthentic) expect(p.text.translation, p.id).toBeNull();
      }
    }
  });
});

describe('officials', () => {
  it('have unique ids, sourced titles and ordered dates', () => {
    const ids = officials.officials.map((o) => o.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const o of officials.officials) {
      expect(o.id).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
      for (const t of o.titles) {
        expect(t.source.trim(), `${o.id}: ${t.title}`).not.toBe('');
        if (t.from !== null && t.to !== null) expect(t.from <= t.to, `${o.id}: ${t.title} ${t.from} > ${t.to}`).toBe(true);
      }
    }
  });

  it('include the historical leaders and surname-only informal forms', () => {
    for (const id of ['kim-il-sung', 'kim-jong-il', 'kim-jong-un', 'vladimir-putin']) expect(ids()).toContain(id);
    const putin = officials.officials.find((o) => o.id === 'vladimir-putin');
    expect(putin?.informal).toContain('President Putin');
    expect(putin?.informal).toContain('Putin');
    function ids(): string[] {
      return officials.officials.map((o) => o.id);
    }
  });
});
