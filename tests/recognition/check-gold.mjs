#!/usr/bin/env node
/**
 * Validates the hand-written gold files in tests/recognition/fixtures against
 * tests/recognition/CONVENTIONS.md and the corpus in data/. It does not run the recognizer:
 * it only checks that each gold file is well formed and consistent with its fixture.
 * The instruments CONVENTIONS.md declares known (every Security Council resolution 1-2640, above
 * it under the designation rules; un-charter, vclt, npt) are accepted even while data/instruments
 * has no file for them; external references (kind "external", with "name") are checked against
 * data/external-instruments.json and the slug rule.
 *
 *   node tests/recognition/check-gold.mjs            check every fixture
 *   node tests/recognition/check-gold.mjs NAME ...   check only these fixtures (name without .md)
 *   node tests/recognition/check-gold.mjs --list     also print every reference with its offsets
 *
 * Exit code 1 when a problem is found.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const ROOT = path.resolve(HERE, '..', '..');
const FIXTURES = path.join(HERE, 'fixtures');
const args = process.argv.slice(2);
const list = args.includes('--list');
const only = args.filter((a) => !a.startsWith('--'));

// ---------------------------------------------------------------- corpus
const instruments = new Map();
for (const file of fs.readdirSync(path.join(ROOT, 'data', 'instruments'))) {
  if (!file.endsWith('.json')) continue;
  const data = JSON.parse(fs.readFileSync(path.join(ROOT, 'data', 'instruments', file), 'utf8'));
  instruments.set(data.id, data);
}
// Instruments CONVENTIONS.md declares known although data/instruments/ may not hold them yet
// (another engineer adds their files): used only when no file of that id exists.
const DECLARED = [
  { id: 'un-charter', type: 'charter', structure: { unit: 'article', count: 111, chapters: 19 } },
  { id: 'vclt', type: 'convention', structure: { unit: 'article', count: 85 } },
  { id: 'npt', type: 'treaty', structure: { unit: 'article', count: 11 } },
];
for (const inst of DECLARED) if (!instruments.has(inst.id)) instruments.set(inst.id, inst);
if (instruments.has('un-charter') && instruments.get('un-charter').structure.chapters == null) {
  instruments.get('un-charter').structure.chapters = 19;
}
// Every Security Council resolution 1-2640 is known (the bundled index); above 2640 a resolution
// is still unscr-N when written with a Security Council designation or, plainly, up to 2999.
const INDEX_LAST = 2640;
const PLAIN_LAST = 2999;
function getInstrument(id) {
  if (instruments.has(id)) return instruments.get(id);
  const m = /^unscr-([1-9]\d*)$/.exec(id);
  if (m) return { id, type: 'resolution', structure: { unit: 'paragraph', count: null }, synthesized: true, number: Number(m[1]) };
  return undefined;
}
// External instruments: names and abbreviations of data/external-instruments.json -> slug
const external = JSON.parse(fs.readFileSync(path.join(ROOT, 'data', 'external-instruments.json'), 'utf8')).instruments;
const externalByName = new Map();
const externalSlugs = new Map();
for (const e of external) {
  externalSlugs.set(e.slug, e);
  for (const n of [...e.names, ...e.abbreviations]) externalByName.set(n.toLowerCase(), e.slug);
}
const slugify = (name) => name.toLowerCase().replace(/^the\s+/, '').replace(/[^\p{L}\p{N}]+/gu, '-').replace(/^-+|-+$/g, '');
const officials = new Map();
for (const person of JSON.parse(fs.readFileSync(path.join(ROOT, 'data', 'officials.json'), 'utf8')).officials) {
  officials.set(person.id, person);
}
const hasArticles = (inst) => inst.structure.unit === 'article';
const normName = (s) => s.normalize('NFC').toLowerCase().replace(/[-\u2010\u2011\s]+/g, ' ').trim();
const fullNames = new Map(); // id -> Set of normalised full names
const surnames = new Map(); // id -> Set of surnames usable alone
for (const [id, p] of officials) {
  const names = new Set([p.name, ...p.variants, ...Object.values(p.native ?? {})].map(normName));
  fullNames.set(id, names);
  surnames.set(id, new Set(p.informal.filter((f) => !/\s/.test(f))));
}
// A surname borne by one person only resolves with no full name before it, unless it is a
// common word or a very common family name (CONVENTIONS.md, Officials).
const SURNAME_EXCEPTIONS = new Set(['No', 'Lee', 'Pak', 'Choe']);
const surnameOwners = new Map();
for (const [id, set] of surnames) for (const s of set) surnameOwners.set(s, (surnameOwners.get(s) ?? 0) + 1);
const uniqueSurname = (s) => surnameOwners.get(s) === 1 && !SURNAME_EXCEPTIONS.has(s);

// ---------------------------------------------------------------- helpers
const FIELDS = ['text', 'occurrence', 'kind', 'id', 'instrument', 'resolvedBy', 'writtenYear', 'writtenTitle', 'inCitation'];
const KINDS = new Set(['instrument', 'provision', 'official', 'external']);
const ANAPHOR = /^(the|this|that) (treaty|convention|covenant|statute|protocol|agreement|charter|resolution)$/i;
const SC_DESIGNATION = /(Security Council|UNSC|UNSCR|S\/RES\/)/;
const OTHER_BODY_RES = /^(ga|hrc|ecosoc|iaea)-res-[a-z0-9]+(-[a-z0-9]+)*$/;
const RESOLVED = new Set(['explicit', 'context', 'ambiguous', 'unknown']);

/** Start offsets of every occurrence, counted like the test does (indexOf from previous + 1). */
function occurrences(text, needle) {
  const out = [];
  let i = -1;
  while ((i = text.indexOf(needle, i + 1)) >= 0) out.push(i);
  return out;
}

/** Ranges of text where no reference may start: front matter, code, HTML, link destinations, URLs. */
function excludedRanges(text) {
  const ranges = [];
  const add = (start, end, why) => ranges.push({ start, end, why });
  // YAML front matter
  const fm = /^---\r?\n[\s\S]*?\r?\n---\r?\n/.exec(text);
  if (fm) add(0, fm[0].length, 'YAML front matter');
  // line-based blocks: fenced code, indented code, HTML blocks
  const lines = [];
  let offset = 0;
  for (const line of text.split('\n')) {
    lines.push({ start: offset, line: line.replace(/\r$/, '') });
    offset += line.length + 1;
  }
  let fence = null;
  let html = false;
  let prevBlank = true;
  let inList = false;
  for (const { start, line } of lines) {
    const end = start + line.length;
    const blank = line.trim() === '';
    if (fence) {
      add(start, end, 'fenced code');
      if (new RegExp(`^\\s{0,3}${fence}{3,}\\s*$`).test(line)) fence = null;
      continue;
    }
    const open = /^\s{0,3}(`{3,}|~{3,})/.exec(line);
    if (open) {
      fence = open[1][0];
      add(start, end, 'fenced code');
      continue;
    }
    if (html) {
      if (blank) html = false;
      else add(start, end, 'HTML block');
      prevBlank = blank;
      continue;
    }
    if (/^\s{0,3}<(?:[A-Za-z][A-Za-z0-9-]*|\/[A-Za-z])[\s>/]/.test(line) || /^\s{0,3}<[A-Za-z][A-Za-z0-9-]*$/.test(line)) {
      html = true;
      add(start, end, 'HTML block');
      prevBlank = false;
      continue;
    }
    if (/^\s{0,3}([-*+]|\d+[.)])\s/.test(line)) inList = true;
    else if (!blank && !/^\s/.test(line)) inList = false;
    if (!blank && /^( {4}|\t)/.test(line) && prevBlank && !inList) add(start, end, 'indented code');
    prevBlank = blank;
  }
  // HTML comments (may span lines)
  for (const m of text.matchAll(/<!--[\s\S]*?-->/g)) add(m.index, m.index + m[0].length, 'HTML comment');
  // inline code spans (same backtick count)
  for (const m of text.matchAll(/(`+)([^`][\s\S]*?)\1(?!`)/g)) add(m.index, m.index + m[0].length, 'code span');
  // link destinations ](...) with one level of nested parentheses
  for (const m of text.matchAll(/\]\((?:[^()\s]|\([^()\s]*\))*\)/g)) add(m.index + 1, m.index + m[0].length, 'link destination');
  // link reference definitions [label]: destination
  for (const m of text.matchAll(/^\s{0,3}\[[^\]^][^\]]*\]:\s*\S+/gm)) add(m.index, m.index + m[0].length, 'link reference definition');
  // autolinks and bare URLs
  for (const m of text.matchAll(/<[A-Za-z][A-Za-z0-9+.-]*:[^\s<>]*>/g)) add(m.index, m.index + m[0].length, 'autolink');
  for (const m of text.matchAll(/\bhttps?:\/\/(?:[^\s()<>]|\([^\s()<>]*\))+/g)) add(m.index, m.index + m[0].length, 'URL');
  return ranges;
}

function lineAt(text, pos) {
  const start = text.lastIndexOf('\n', pos - 1) + 1;
  let end = text.indexOf('\n', pos);
  if (end < 0) end = text.length;
  return text.slice(start, end).replace(/\r$/, '');
}

function structureCheck(inst, part) {
  // returns 'ok' | 'beyond' | 'bad-letter' | 'bad-form'
  const s = inst.structure;
  if (s.unit === 'article') {
    const ch = /^ch-(\d+)$/.exec(part);
    if (ch && s.chapters != null) return Number(ch[1]) >= 1 && Number(ch[1]) <= s.chapters ? 'ok' : 'beyond';
    const m = /^art-(\d+)$/.exec(part);
    if (!m) return 'bad-form';
    return s.count != null && Number(m[1]) > s.count ? 'beyond' : 'ok';
  }
  const m = /^op-(\d+)([a-z]?)$/.exec(part);
  if (!m) return 'bad-form';
  if (s.count != null && Number(m[1]) > s.count) return 'beyond';
  if (m[2] && s.subparagraphs?.[m[1]] && !s.subparagraphs[m[1]].includes(m[2])) return 'bad-letter';
  return 'ok';
}

function articleCandidates(n) {
  return [...instruments.values()]
    .filter((inst) => hasArticles(inst) && (inst.structure.count == null || n <= inst.structure.count))
    .map((inst) => `${inst.id}/art-${n}`)
    .sort();
}

/**
 * A Security Council resolution outside data/instruments: 1-2640 are in the index; above it the
 * number needs a Security Council designation or must be at most 2999 (plain); one or two digits
 * need a designation or a year. A list member's span is its number alone: the designation is
 * then looked for earlier on the same line.
 */
function checkResolutionNumber(n, span, text, start, q) {
  const lineStart = text.lastIndexOf('\n', start - 1) + 1;
  const context = /^\d/.test(span) ? text.slice(lineStart, start + span.length) : span;
  const designated = SC_DESIGNATION.test(context);
  if (n > INDEX_LAST && !designated && n > PLAIN_LAST) q(`resolution ${n} is above ${PLAIN_LAST} with no Security Council designation: not a reference`);
  if (n < 100 && !designated && !new RegExp(`(?<!\\d)${n}\\s?\\(\\d{4}\\)`).test(span)) q(`resolution ${n} has one or two digits, no Security Council designation and no year: not a reference`);
}

// ---------------------------------------------------------------- main
const problems = [];
const summary = [];
const totals = { refs: 0, kind: {}, resolvedBy: {} };

const mdFiles = fs.readdirSync(FIXTURES).filter((f) => f.endsWith('.md')).sort();
const goldFiles = fs.readdirSync(FIXTURES).filter((f) => f.endsWith('.gold.json')).sort();
for (const f of fs.readdirSync(FIXTURES)) {
  if (!f.endsWith('.md') && !f.endsWith('.gold.json')) problems.push(`${f}: unexpected file in fixtures/`);
}
for (const g of goldFiles) {
  if (!mdFiles.includes(g.replace(/\.gold\.json$/, '.md'))) problems.push(`${g}: no matching .md fixture`);
}

for (const mdFile of mdFiles) {
  const name = mdFile.replace(/\.md$/, '');
  if (only.length && !only.includes(name)) continue;
  const p = (msg) => problems.push(`${name}: ${msg}`);
  const goldPath = path.join(FIXTURES, `${name}.gold.json`);
  if (!fs.existsSync(goldPath)) { p('missing .gold.json'); continue; }
  const text = fs.readFileSync(path.join(FIXTURES, mdFile), 'utf8');
  let gold;
  try { gold = JSON.parse(fs.readFileSync(goldPath, 'utf8')); } catch (e) { p(`invalid JSON: ${e.message}`); continue; }
  if (!gold || typeof gold !== 'object' || Array.isArray(gold) || Object.keys(gold).join() !== 'references' || !Array.isArray(gold.references)) {
    p('gold file must be an object with exactly one key, "references", holding an array');
    continue;
  }
  const excluded = excludedRanges(text);
  const spans = [];
  gold.references.forEach((r, index) => {
    const where = `#${index + 1} ${JSON.stringify(r?.text)}`;
    const q = (msg) => p(`${where}: ${msg}`);
    if (!r || typeof r !== 'object') { q('entry is not an object'); return; }
    const ambiguous = r.resolvedBy === 'ambiguous';
    const expected = [...FIELDS, ...(r.kind === 'external' ? ['name'] : []), ...(ambiguous ? ['candidates'] : [])];
    const keys = Object.keys(r);
    for (const k of expected) if (!keys.includes(k)) q(`missing field "${k}"`);
    for (const k of keys) if (!expected.includes(k)) q(`unexpected field "${k}"${k === 'candidates' ? ' (only ambiguous references have candidates)' : k === 'name' ? ' (only external references have a name)' : ''}`);
    if (keys.join() !== expected.join() && expected.every((k) => keys.includes(k)) && keys.length === expected.length) q(`fields out of the usual order: ${keys.join(', ')}`);

    // types
    if (typeof r.text !== 'string' || r.text === '') { q('text must be a non-empty string'); return; }
    if (!Number.isInteger(r.occurrence) || r.occurrence < 1) { q('occurrence must be an integer >= 1'); return; }
    if (!KINDS.has(r.kind)) q(`unknown kind "${r.kind}"`);
    if (!RESOLVED.has(r.resolvedBy)) q(`unknown resolvedBy "${r.resolvedBy}"`);
    if (typeof r.id !== 'string') q('id must be a string');
    if (r.instrument !== null && typeof r.instrument !== 'string') q('instrument must be a string or null');
    if (r.writtenYear !== null && !Number.isInteger(r.writtenYear)) q('writtenYear must be an integer or null');
    if (r.writtenTitle !== null && (typeof r.writtenTitle !== 'string' || r.writtenTitle === '')) q('writtenTitle must be a non-empty string or null');
    if (typeof r.inCitation !== 'boolean') q('inCitation must be a boolean');

    // position
    const occ = occurrences(text, r.text);
    if (occ.length < r.occurrence) { q(`only ${occ.length} occurrence(s) of the text in the fixture, gold says ${r.occurrence}`); return; }
    const start = occ[r.occurrence - 1];
    const end = start + r.text.length;
    for (let k = 1; k < r.occurrence; k++) {
      if (occ[k] < occ[k - 1] + r.text.length) { q('overlapping occurrences of the text before this one: occurrence counting is ambiguous'); break; }
    }
    spans.push({ start, end, id: r.id, text: r.text, index });
    const before = text.slice(0, start).slice(-1);
    const after = text.slice(end, end + 1);
    if (/[\p{L}\p{N}]/u.test(before) || /[\p{L}\p{N}\p{M}]/u.test(after)) q(`span is not on a word boundary (…${JSON.stringify(text.slice(Math.max(0, start - 10), end + 10))}…)`);
    if (r.text !== r.text.trim()) q('span has leading or trailing whitespace');
    if (/^(the|a|an) /i.test(r.text) && (r.kind === 'instrument' || r.kind === 'external') && !ANAPHOR.test(r.text)) q('named instrument spans exclude a leading the/a/an');
    for (const x of excluded) {
      if (start < x.end && end > x.start) { q(`span lies inside ${x.why} (offset ${start})`); break; }
    }
    const line = lineAt(text, start);
    const footnote = /^\s{0,3}\[\^[^\]]+\]:/.test(line);
    if (r.inCitation !== footnote) q(`inCitation is ${r.inCitation} but the span is ${footnote ? '' : 'not '}on a footnote definition line`);

    // ids and resolution
    if (r.kind === 'instrument') {
      const inst = getInstrument(r.id);
      if (!inst) q(`unknown instrument id "${r.id}"`);
      if (r.instrument !== r.id) q('an instrument reference has instrument === id');
      if (!['explicit', 'context'].includes(r.resolvedBy)) q('instrument references are explicit or context');
      if (r.writtenTitle !== null) q('writtenTitle is only for officials');
      const generic = ANAPHOR.test(r.text);
      const charterAnaphor = /^(the|this) charter$/i.test(r.text);
      // `the Charter` with no charter named before is the UN Charter, explicit
      // A treaty described by its parties ("Russia–North Korea Treaty") is context or explicit (CONVENTIONS, Instruments by name).
      const described = /^(?:\d{4} )?(?:Russia|Russian|Moscow|Kremlin|North Korean?|DPRK|Pyongyang|Korean?|Soviet(?: Union)?|USSR)(?:\s*[-\u2010-\u2015/]\s*|\s+and\s+)(?:Russia|Russian|Moscow|Kremlin|North Korean?|DPRK|Pyongyang|Korean?|Soviet(?: Union)?|USSR)\b.*\b(?:treaty|pact|agreement|accord)$/iu.test(r.text);
      // A shorter name of the instrument of its kind mentioned last ("the Vienna Convention" after the VCLT) is context.
      const shortName = r.resolvedBy === 'context' && !generic && (inst?.title ?? '').toLowerCase().startsWith(`${r.text.toLowerCase()} `);
      if (!described && !shortName && generic !== (r.resolvedBy === 'context') && !(charterAnaphor && r.resolvedBy === 'explicit')) q(`resolvedBy ${r.resolvedBy} does not fit ${generic ? 'a generic anaphor' : 'a named mention'}`);
      if (charterAnaphor && r.resolvedBy === 'explicit' && r.id !== 'un-charter') q('`the Charter` with no charter before is the UN Charter');
      if (generic) {
        const word = r.text.split(' ')[1].toLowerCase();
        const type = inst?.type;
        if (type !== word) q(`"${r.text}" must point to a ${word}, not a ${type}`);
      }
      if (inst?.synthesized) checkResolutionNumber(inst.number, r.text, text, start, q);
    } else if (r.kind === 'external') {
      if (typeof r.name !== 'string' || r.name === '') { q('an external reference needs a non-empty name'); return; }
      if (r.writtenTitle !== null) q('writtenTitle is only for officials');
      if (!['explicit', 'context'].includes(r.resolvedBy)) q('external references are explicit or context');
      const slug = r.id.split('/')[0];
      if (r.instrument !== slug) q(`an external reference's instrument is its id's first part ("${slug}")`);
      if (getInstrument(slug)) q(`"${slug}" is a corpus instrument, not an external one`);
      if (OTHER_BODY_RES.test(r.id)) {
        // a resolution of another body: explicit, name = span, id from the number as written
        if (r.resolvedBy !== 'explicit') q('resolutions of other bodies are explicit');
        if (r.name !== r.text) q('the name of another body\'s resolution is the span\'s text');
        const num = /(ES-\d+\/\d+|\d+\/\d+|\d+)(?:\s*\(([IVXL]+|\d{4})\))?\s*$/.exec(r.text);
        if (!num) q('no resolution number at the end of the span');
        else {
          const want = num[1].toLowerCase().replace(/\//g, '-');
          if (!r.id.endsWith(`-res-${want}`)) q(`id should end with "-res-${want}"`);
          const year = num[2] && /^\d{4}$/.test(num[2]) ? Number(num[2]) : null;
          if (r.writtenYear !== year) q(`writtenYear should be ${year}`);
        }
      } else {
        if (!/^[a-z0-9]+(-[a-z0-9]+)*(\/art-\d+)?$/.test(r.id)) q(`"${r.id}" is not a slug (or slug/art-N)`);
        if (r.writtenYear !== null) q('writtenYear is only for resolutions');
        const listed = externalByName.get(r.name.toLowerCase());
        const want = listed ?? slugify(r.name);
        if (slug !== want) q(`the slug for "${r.name}" is "${want}"${listed ? ' (data/external-instruments.json)' : ''}`);
        const isArticle = r.id.includes('/');
        const generic = ANAPHOR.test(r.text);
        if (generic) {
          if (r.resolvedBy !== 'context') q('an anaphor is context');
          if (isArticle) q('an anaphor has no article id');
          if (!text.slice(0, start).includes(r.name)) q(`the name "${r.name}" is not written before the anaphor`);
          const word = r.text.split(' ')[1].toLowerCase();
          const kind = externalSlugs.get(slug)?.kind;
          if (kind && kind !== word) q(`"${r.text}" must point to a ${word}, not a ${kind}`);
        } else if (!isArticle) {
          if (r.text !== r.name) q('a named external mention has name === text');
          if (r.resolvedBy !== 'explicit') q('a named external mention is explicit');
        } else {
          const named = r.text.includes(r.name);
          if (named !== (r.resolvedBy === 'explicit')) q(`resolvedBy ${r.resolvedBy} does not fit an article ${named ? 'with' : 'without'} its instrument in the phrase`);
          if (!named && !text.slice(0, start).includes(r.name)) q(`the name "${r.name}" is not written before this article`);
        }
      }
    } else if (r.kind === 'provision') {
      if (ambiguous) {
        if (r.instrument !== null) q('an ambiguous reference has instrument null');
        if (!Array.isArray(r.candidates)) q('candidates must be an array');
        else {
          const sorted = [...r.candidates].sort();
          if (sorted.join() !== r.candidates.join()) q('candidates must be sorted by id');
          const art = /^art-(\d+)$/.exec(r.id);
          const op = /^op-(\d+)[a-z]?$/.exec(r.id);
          if (art) {
            const want = articleCandidates(Number(art[1]));
            if (want.join() !== r.candidates.join()) q(`candidates should be ${JSON.stringify(want)}`);
          } else if (op) {
            if (r.candidates.length) q('an ambiguous operative paragraph has no candidates');
          } else q(`ambiguous id "${r.id}" should be art-N or op-N`);
        }
      } else {
        const inst = getInstrument(r.instrument);
        if (!inst) q(`unknown instrument "${r.instrument}"`);
        else if (inst.synthesized) checkResolutionNumber(inst.number, r.text, text, start, q);
        else {
          const prefix = `${r.instrument}/`;
          if (!r.id.startsWith(prefix)) q(`id must start with "${prefix}"`);
          const part = r.id.slice(prefix.length);
          const verdict = structureCheck(inst, part);
          if (verdict === 'bad-form') q(`"${part}" is not a ${inst.structure.unit} id for ${inst.id}`);
          if (verdict === 'bad-letter') q(`"${part}": letter not attested for ${inst.id} (CONVENTIONS.md does not say what this is)`);
          if (verdict === 'beyond' && r.resolvedBy !== 'unknown') q(`"${part}" is beyond ${inst.id}'s ${inst.structure.count} ${inst.structure.unit}s: resolvedBy should be unknown`);
          if (verdict === 'ok' && r.resolvedBy === 'unknown') q(`"${part}" is within ${inst.id}'s structure: resolvedBy should not be unknown`);
        }
      }
      if (r.writtenTitle !== null) q('writtenTitle is only for officials');
    } else if (r.kind === 'official') {
      const person = officials.get(r.id);
      if (!person) q(`unknown official id "${r.id}"`);
      if (r.instrument !== r.id) q("an official's instrument is the official's id");
      if (r.writtenYear !== null) q('writtenYear is only for resolutions');
      if (person) {
        if (r.resolvedBy === 'explicit' && !fullNames.get(r.id).has(normName(r.text))) q(`"${r.text}" is not a name or variant of ${r.id}`);
        else if (r.resolvedBy === 'context' && !surnames.get(r.id).has(r.text)) q(`"${r.text}" is not a surname form of ${r.id}`);
        else if (!['explicit', 'context'].includes(r.resolvedBy)) q('officials are explicit or context');
        if (r.resolvedBy === 'context') {
          // the full name of this person must appear earlier, unless only this person bears the surname
          const names = [...fullNames.get(r.id)];
          const earlier = normName(text.slice(0, start));
          const titled = r.text === 'No' && r.writtenTitle !== null;
          if (!names.some((n) => earlier.includes(n)) && !uniqueSurname(r.text) && !titled) q(`no full name of ${r.id} before this surname (and "${r.text}" is not a surname only one person bears)`);
        }
      }
      if (r.writtenTitle !== null) {
        const near = text.slice(Math.max(0, start - 160), Math.min(text.length, end + 160));
        if (!near.includes(r.writtenTitle)) q(`writtenTitle "${r.writtenTitle}" is not written beside the name`);
      }
    }

    // writtenYear
    const resolutionLike = (r.kind === 'instrument' && getInstrument(r.id)?.type === 'resolution') ||
      (r.kind === 'provision' && r.instrument && getInstrument(r.instrument)?.type === 'resolution');
    if (r.writtenYear !== null && !resolutionLike && r.kind !== 'external') q('writtenYear is only for resolutions and their paragraphs');
    if (resolutionLike) {
      const n = /^unscr-(\d+)$/.exec(r.instrument)?.[1];
      const m = n && new RegExp(`(?<!\\d)${n}\\s?\\((\\d{4})\\)`).exec(r.text);
      const year = m ? Number(m[1]) : null;
      if (year !== r.writtenYear) q(`writtenYear should be ${year} from the text`);
    }
  });

  // document order and duplicates
  for (let k = 1; k < spans.length; k++) {
    const a = spans[k - 1];
    const b = spans[k];
    if (b.start < a.start || (b.start === a.start && b.end < a.end)) p(`#${b.index + 1} ${JSON.stringify(b.text)} is out of document order (offset ${b.start} after ${a.start})`);
    if (b.start === a.start && b.end === a.end && b.id === a.id) p(`#${b.index + 1} ${JSON.stringify(b.text)} duplicates the entry before it`);
  }
  // CR check: only fixtures named *crlf* may contain CR
  if (text.includes('\r') && !name.includes('crlf')) p('contains \\r but is not a CRLF fixture');
  if (name.includes('crlf') && /[^\r]\n/.test(text)) p('CRLF fixture has a bare \\n line ending');

  totals.refs += gold.references.length;
  for (const r of gold.references) {
    totals.kind[r.kind] = (totals.kind[r.kind] ?? 0) + 1;
    totals.resolvedBy[r.resolvedBy] = (totals.resolvedBy[r.resolvedBy] ?? 0) + 1;
  }
  summary.push(`${name.padEnd(28)} ${String(gold.references.length).padStart(4)} references`);
  if (list) {
    for (const s of spans) {
      const r = gold.references[s.index];
      console.log(`  ${name} ${String(s.start).padStart(6)}-${String(s.end).padEnd(6)} ${r.kind.padEnd(10)} ${r.resolvedBy.padEnd(9)} ${r.id.padEnd(28)} ${JSON.stringify(r.text)}${r.writtenTitle ? ` [${r.writtenTitle}]` : ''}${r.writtenYear ? ` (${r.writtenYear})` : ''}${r.inCitation ? ' citation' : ''}`);
    }
  }
}

console.log(summary.join('\n'));
console.log(`total ${totals.refs} references; by kind ${JSON.stringify(totals.kind)}; by resolvedBy ${JSON.stringify(totals.resolvedBy)}`);
if (problems.length) {
  console.log(`\n${problems.length} problem(s):`);
  for (const msg of problems) console.log(`  - ${msg}`);
  process.exit(1);
}
console.log('no problems');
