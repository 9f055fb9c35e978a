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
  id: string; number: string; kind: 'article' | 'operative-paragraph' | 'preambular-paragraph' | 'chapter' | 'other';
  title: string | null; context: Record<string, string> | null; members?: string[];
  text: Rendering | null; variants: Rendering[]; summary: Summary | null; note: string | null;
}
interface Structure {
  unit: 'article' | 'paragraph'; numbering?: 'arabic' | 'roman'; count: number | null; preambularCount: number | null;
  subparagraphs: Record<string, string[]>; paragraphs: Record<string, number>; countSource: string | null;
}
interface Instrument {
  id: string; type: string; title: string; shortTitle: string; aliases: string[]; symbol: string | null; date: string;
  dateKind: string; entryIntoForce: string | null; url: string | null; notes: string; complete: boolean;
  authenticLanguages: string[] | null; structure: Structure; provisions: Provision[];
}
interface ResolutionEntry {
  number: number; symbol: string; date: string | null; topic: string; vote: string | null; meeting: string | null;
  dateVariants?: { dhlTableMeetingDate: string; unResolutionTextDate: string }; note?: string;
}
interface ResolutionIndex {
  description: string; source: { where: string; publisher: string | null; corrections: string[] }; notes: string;
  coverage: { first: number; last: number; count: number; missing: string; nullDates: number[]; nullVotes: number[] };
  resolutions: ResolutionEntry[];
}
interface OfficialTitle { title: string; from: string | null; to: string | null; source: string }
interface Official { id: string; name: string; titles: OfficialTitle[]; informal: string[] }
interface Officials { retrieved: string; officials: Official[] }

const CANONICAL_IDS = [
  'unscr-1695', 'unscr-1718', 'unscr-1874', 'unscr-2087', 'unscr-2094', 'unscr-2270', 'unscr-2321', 'unscr-2356',
  'unscr-2371', 'unscr-2375', 'unscr-2397', 'arsiwa', 'rus-dprk-2024', 'rus-dprk-2000', 'ussr-dprk-1961', 'budapest-convention',
  'un-charter', 'vclt', 'npt',
];
const KNOWN_COUNTS: Record<string, number> = {
  'unscr-1718': 17, 'rus-dprk-2024': 23, arsiwa: 59, 'budapest-convention': 48, 'un-charter': 111, vclt: 85, npt: 11,
};

const instrumentFiles = fs.readdirSync(fileURLToPath(new URL('instruments/', DATA))).filter((f) => f.endsWith('.json')).sort();
const instruments: Array<{ file: string; raw: unknown; data: Instrument }> = instrumentFiles.map((file) => {
  const raw = readJson(`instruments/${file}`);
  return { file, raw, data: raw as Instrument };
});
const officialsRaw = readJson('officials.json');
const officials = officialsRaw as Officials;
const resolutionIndexRaw = readJson('unsc-resolutions.json');
const resolutionIndex = resolutionIndexRaw as ResolutionIndex;
const byId = (id: string): Instrument => {
  const found = instruments.find((i) => i.data.id === id);
  if (!found) throw new Error(`no instrument ${id}`);
  return found.data;
};

/** Value of a Roman numeral (I, IV, XIX ...), or null when it is not one. */
function romanValue(roman: string): number | null {
  if (roman === '' || !/^M{0,3}(CM|CD|D?C{0,3})(XC|XL|L?X{0,3})(IX|IV|V?I{0,3})$/.test(roman)) return null;
  const values: Record<string, number> = { I: 1, V: 5, X: 10, L: 50, C: 100, D: 500, M: 1000 };
  let total = 0;
  const digits = [...roman].map((c) => values[c] ?? 0);
  digits.forEach((v, i) => {
    const next = digits[i + 1] ?? 0;
    total += v < next ? -v : v;
  });
  return total;
}

function renderingsOf(p: Provision): Rendering[] {
  return p.text ? [p.text, ...p.variants] : [...p.variants];
}

/** Parses a provision id/number pair; null when they are inconsistent. */
function parseNumber(instrument: Instrument, p: Provision): { paragraph: number | null; letter: string | null; preambular: number | null } | null {
  const instrumentId = instrument.id;
  const local = p.id.startsWith(`${instrumentId}/`) ? p.id.slice(instrumentId.length + 1) : null;
  if (local === null) return null;
  let m: RegExpExecArray | null;
  switch (p.kind) {
    case 'article': {
      if (instrument.structure.numbering === 'roman') {
        const n = romanValue(p.number);
        return n !== null && local === `art-${n}` ? { paragraph: n, letter: null, preambular: null } : null;
      }
      m = /^(\d+)$/.exec(p.number);
      return m && local === `art-${m[1]}` ? { paragraph: Number(m[1]), letter: null, preambular: null } : null;
    }
    case 'chapter': {
      const n = /^\d+$/.test(p.number) ? Number(p.number) : romanValue(p.number);
      return n !== null && local === `ch-${n}` ? { paragraph: null, letter: null, preambular: null } : null;
    }
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
  for (const name of ['instrument', 'officials', 'pack', 'unsc-resolutions']) ajv.addSchema(readJson(`schema/${name}.schema.json`) as object);
  const validateInstrument = ajv.getSchema('https://lexicite.dev/schema/instrument.schema.json');
  const validateOfficials = ajv.getSchema('https://lexicite.dev/schema/officials.schema.json');
  const validatePack = ajv.getSchema('https://lexicite.dev/schema/pack.schema.json');
  const validateResolutions = ajv.getSchema('https://lexicite.dev/schema/unsc-resolutions.schema.json');

  it('compile', () => {
    expect(validateInstrument).toBeTypeOf('function');
    expect(validateOfficials).toBeTypeOf('function');
    expect(validatePack).toBeTypeOf('function');
    expect(validateResolutions).toBeTypeOf('function');
  });

  it('unsc-resolutions.json validates against unsc-resolutions.schema.json', () => {
    const ok = validateResolutions?.(resolutionIndexRaw);
    expect(validateResolutions?.errors ?? []).toEqual([]);
    expect(ok).toBe(true);
  });

  it('a chapter has members and no text; other provisions have no members', () => {
    const charter = JSON.parse(JSON.stringify(instruments.find((i) => i.data.id === 'un-charter')?.raw)) as Instrument;
    const chapter = charter.provisions.find((p) => p.kind === 'chapter');
    const article = charter.provisions.find((p) => p.kind === 'article');
    if (!chapter || !article) throw new Error('charter without chapters or articles');
    expect(validateInstrument?.({ ...charter, provisions: [{ ...chapter, members: undefined }] })).toBe(false);
    expect(validateInstrument?.({ ...charter, provisions: [{ ...chapter, text: article.text }] })).toBe(false);
    expect(validateInstrument?.({ ...charter, provisions: [{ ...article, members: [chapter.id] }] })).toBe(false);
    expect(validateInstrument?.({ ...charter, structure: { ...charter.structure, numbering: 'greek' } })).toBe(false);
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
        expect(parseNumber(data, p), `${p.id} / ${p.kind} / ${p.number}`).not.toBeNull();
      }
    }
  });

  it('are within the known structure (count, preamble, sub-paragraph letters)', () => {
    for (const { data } of instruments) {
      const s = data.structure;
      for (const p of data.provisions) {
        const parsed = parseNumber(data, p);
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

describe('UN Charter', () => {
  const charter = byId('un-charter');
  const articles = charter.provisions.filter((p) => p.kind === 'article');
  const chapters = charter.provisions.filter((p) => p.kind === 'chapter');

  it('is a charter with 111 articles (1-111) and 19 chapters', () => {
    expect(charter.type).toBe('charter');
    expect(articles.map((p) => p.id)).toEqual(Array.from({ length: 111 }, (_, i) => `un-charter/art-${i + 1}`));
    expect(chapters).toHaveLength(19);
    expect(chapters.map((c) => c.id)).toEqual(Array.from({ length: 19 }, (_, i) => `un-charter/ch-${i + 1}`));
    expect(charter.aliases[0]).toBe('the UN Charter');
  });

  it('chapter VII holds Articles 39-51, by id, and its title is the heading name', () => {
    const ch7 = chapters.find((c) => c.id === 'un-charter/ch-7');
    expect(ch7?.number).toBe('VII');
    expect(ch7?.title).toBe('ACTION WITH RESPECT TO THREATS TO THE PEACE, BREACHES OF THE PEACE AND ACTS OF AGGRESSION');
    expect(ch7?.text).toBeNull();
    expect(ch7?.members).toEqual(Array.from({ length: 13 }, (_, i) => `un-charter/art-${39 + i}`));
  });

  it('every article is in exactly one chapter, and its context names that chapter', () => {
    const ids = new Set(charter.provisions.map((p) => p.id));
    const seen = new Map<string, string>();
    for (const c of chapters) {
      for (const m of c.members ?? []) {
        expect(ids.has(m), m).toBe(true);
        expect(seen.has(m), `${m} in two chapters`).toBe(false);
        seen.set(m, c.id);
        const article = charter.provisions.find((p) => p.id === m);
        expect(article?.context?.chapter ?? '', m).toContain(`CHAPTER ${c.number}: ${c.title}`);
      }
    }
    for (const a of articles) expect(seen.has(a.id), a.id).toBe(true);
  });

  it('chapters come just before their first article, in document order', () => {
    for (const c of chapters) {
      const index = charter.provisions.indexOf(c);
      expect(charter.provisions[index + 1]?.id, c.id).toBe(c.members?.[0]);
    }
  });

  it('Article 51 keeps both wordings, each noted as a disagreement between the sources', () => {
    const art51 = charter.provisions.find((p) => p.id === 'un-charter/art-51');
    expect(art51?.text?.body).toContain('self-defence');
    expect(art51?.variants).toHaveLength(1);
    expect(art51?.variants[0]?.body).toContain('self-defense');
    for (const r of art51 ? renderingsOf(art51) : []) expect(r.note ?? '').toMatch(/disagree/i);
  });

  it('amended Articles 23, 27, 61 and 109 say that the amended wording is given', () => {
    for (const n of [23, 27, 61, 109]) {
      const p = charter.provisions.find((q) => q.id === `un-charter/art-${n}`);
      expect(p?.text?.note ?? '', String(n)).toMatch(/amended/i);
    }
    expect(charter.provisions.find((p) => p.id === 'un-charter/art-27')?.text?.body).toContain('nine members');
  });
});

describe('VCLT', () => {
  const vclt = byId('vclt');

  it('has the preamble, Articles 1-85 and the annex', () => {
    expect(vclt.type).toBe('convention');
    expect(vclt.aliases[0]).toBe('the VCLT');
    expect(vclt.aliases.map((a) => a.toLowerCase())).not.toContain('vienna convention');
    const articles = vclt.provisions.filter((p) => p.kind === 'article').map((p) => p.id);
    expect(articles).toEqual(Array.from({ length: 85 }, (_, i) => `vclt/art-${i + 1}`));
    expect(vclt.provisions[0]?.id).toBe('vclt/preamble');
    expect(vclt.provisions.at(-1)?.id).toBe('vclt/annex');
  });

  it('says in every rendering and in the notes that it is a single source', () => {
    expect(vclt.notes).toMatch(/single source/i);
    for (const p of vclt.provisions) for (const r of renderingsOf(p)) expect(r.note ?? '', p.id).toMatch(/single source/i);
  });

  it('keeps Part and Section headings in context', () => {
    const art31 = vclt.provisions.find((p) => p.id === 'vclt/art-31');
    expect(art31?.title).toBe('General rule of interpretation');
    expect(art31?.context?.part).toMatch(/^PART III/);
    expect(art31?.context?.section).toMatch(/^SECTION 3/);
  });
});

describe('NPT', () => {
  const npt = byId('npt');

  it('numbers its articles in Roman numerals, with Arabic ids', () => {
    expect(npt.structure.numbering).toBe('roman');
    expect(npt.structure.count).toBe(11);
    const articles = npt.provisions.filter((p) => p.kind === 'article');
    expect(articles.map((p) => [p.id, p.number])).toEqual([['npt/art-1', 'I'], ['npt/art-2', 'II'], ['npt/art-3', 'III']]);
    expect(npt.aliases[0]).toBe('the NPT');
  });

  it('flags its preamble as partial and says the earlier recitals are missing', () => {
    const preamble = npt.provisions.find((p) => p.id === 'npt/preamble');
    expect(preamble?.text?.partial).toBe(true);
    expect(preamble?.note ?? '').toMatch(/earlier recitals/);
  });

  it('only the other instruments leave structure.numbering out', () => {
    for (const { data } of instruments) if (data.id !== 'npt') expect(data.structure.numbering ?? 'arabic', data.id).toBe('arabic');
  });
});

describe('Security Council resolution index', () => {
  const NULL_DATES = [29, 46, 143, 145, 146, 161, 278, 289, 313, 338, 521, 1402, 1559];
  const entries = resolutionIndex.resolutions;

  it('holds resolutions 1 to 2640, in order, one each', () => {
    expect(entries).toHaveLength(2640);
    expect(entries.map((r) => r.number)).toEqual(Array.from({ length: 2640 }, (_, i) => i + 1));
    expect(resolutionIndex.coverage).toMatchObject({ first: 1, last: 2640, count: 2640 });
  });

  it('has ISO dates, null exactly for the 13 listed numbers', () => {
    expect(entries.filter((r) => r.date === null).map((r) => r.number)).toEqual(NULL_DATES);
    expect(resolutionIndex.coverage.nullDates).toEqual(NULL_DATES);
    for (const r of entries) {
      if (r.date === null) continue;
      expect(r.date, String(r.number)).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      expect(Number.isNaN(Date.parse(`${r.date}T00:00:00Z`)), String(r.number)).toBe(false);
    }
  });

  it('explains every null date', () => {
    for (const r of entries.filter((e) => e.date === null)) expect(r.note ?? '', String(r.number)).not.toBe('');
  });

  it('symbols read S/RES/N (YEAR), with the year of the date', () => {
    for (const r of entries) {
      const m = /^S\/RES\/(\d+) \((\d{4})\)$/.exec(r.symbol);
      expect(m, r.symbol).not.toBeNull();
      expect(Number(m?.[1])).toBe(r.number);
      if (r.date !== null) expect(r.date.slice(0, 4), r.symbol).toBe(m?.[2]);
    }
  });

  it('dates never go backwards', () => {
    let last = '';
    for (const r of entries) {
      if (r.date === null) continue;
      expect(r.date >= last, `${r.number}: ${r.date} < ${last}`).toBe(true);
      last = r.date;
    }
  });

  it('agrees with the resolutions of the corpus on symbol and date', () => {
    for (const { data } of instruments.filter((i) => i.data.type === 'resolution')) {
      const n = Number(/^unscr-(\d+)$/.exec(data.id)?.[1]);
      const entry = entries[n - 1];
      expect(entry?.symbol, data.id).toBe(data.symbol);
      expect(entry?.date, data.id).toBe(data.date);
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
