// Maps the parts of one shared source file to provisions, using the curated overlay.
// Used by build-from-shared.mjs (to write data/) and verify-against-shared.mjs (to re-check it),
// so both scripts agree on which source part every rendering came from.
import { romanToInt, selectPart } from './lib.mjs';

const FRONT_OTHER = ['header', 'title', 'heading', 'opening', 'ga-res-56-83', 'preamble'];
const AFTER_PREAMBLE_OTHER = ['chapeau', 'agreed'];
const BACK_OTHER = ['testimonium', 'annex'];
const AUTO_OTHER = new Set([...FRONT_OTHER, ...AFTER_PREAMBLE_OTHER, ...BACK_OTHER]);

/**
 * Provision id and kind that a part's own `number` implies, or null when a curator must decide.
 * With `numbering: "roman"` (structure.numbering in the overlay) an article numbered "IV" becomes
 * `<id>/art-4` and keeps "IV" as its number.
 */
function autoTarget(instrumentId, unit, number, quoteCounter, numbering) {
  if (number === null || number === undefined) {
    const n = quoteCounter.next();
    return { id: `${instrumentId}/quote-${n}`, kind: 'other', number: `quote-${n}` };
  }
  let m;
  if ((m = /^PP(\d+)$/.exec(number))) return { id: `${instrumentId}/pp-${m[1]}`, kind: 'preambular-paragraph', number: `PP${m[1]}` };
  if ((m = /^(\d+)$/.exec(number))) {
    return unit === 'paragraph'
      ? { id: `${instrumentId}/op-${m[1]}`, kind: 'operative-paragraph', number: m[1] }
      : { id: `${instrumentId}/art-${m[1]}`, kind: 'article', number: m[1] };
  }
  if (numbering === 'roman' && unit === 'article' && romanToInt(number) !== null) {
    return { id: `${instrumentId}/art-${romanToInt(number)}`, kind: 'article', number };
  }
  if ((m = /^(\d+)\(([a-z])\)$/.exec(number)) && unit === 'paragraph') {
    return { id: `${instrumentId}/op-${m[1]}${m[2]}`, kind: 'operative-paragraph', number: `${m[1]}(${m[2]})` };
  }
  if (AUTO_OTHER.has(number)) return { id: `${instrumentId}/${number}`, kind: 'other', number };
  return null;
}

/** Sort key so provisions come out in document order: front matter, preamble, body, back matter, loose quotations. */
export function provisionSortKey(instrumentId, provision) {
  if (provision.kind === 'chapter') {
    // A chapter heading comes just before its first article (see the comparator in planInstrument).
    return provision.members.length ? provisionSortKey(instrumentId, { id: provision.members[0], kind: 'article' }) : `6-${provision.id}`;
  }
  const local = provision.id.slice(instrumentId.length + 1);
  const pad = (n) => String(n).padStart(4, '0');
  let m;
  if (FRONT_OTHER.includes(local)) return `0-${pad(FRONT_OTHER.indexOf(local))}`;
  if ((m = /^pp-(\d+)$/.exec(local))) return `1-${pad(m[1])}`;
  if (AFTER_PREAMBLE_OTHER.includes(local)) return `2-${pad(AFTER_PREAMBLE_OTHER.indexOf(local))}`;
  if ((m = /^(?:op|art)-(\d+)([a-z]?)$/.exec(local))) return `3-${pad(m[1])}-${m[2] || ' '}`;
  if (BACK_OTHER.includes(local)) return `4-${pad(BACK_OTHER.indexOf(local))}`;
  if ((m = /^(quote|kcna-para)-(\d+)$/.exec(local))) return `5-${m[1]}-${pad(m[2])}`;
  return `6-${local}`;
}

/**
 * Returns { provisions: [{ id, kind, number, entry, renderings: [{ index, part, field, spec }] }], excluded: [...] }.
 * Every part of the source must be used by a rendering, named in a note placeholder, or excluded with a reason.
 */
export function planInstrument(instrumentId, fileName, source, overlay) {
  const parts = source.parts;
  const unit = overlay.structure.unit;
  const used = new Map(); // part index -> how it is used
  const provisions = new Map();
  const ensure = (id, kind, number, entry) => {
    if (!provisions.has(id)) provisions.set(id, { id, kind, number, entry: entry ?? null, renderings: [] });
    const p = provisions.get(id);
    if (p.kind !== kind || p.number !== number) throw new Error(`${instrumentId}: conflicting kind/number for ${id}`);
    if (entry) p.entry = entry;
    return p;
  };
  const markUsed = (index, how) => {
    if (used.has(index) && !how.startsWith('shared:')) {
      const prev = used.get(index);
      if (!prev.startsWith('shared:')) throw new Error(`${fileName}: part #${index} used twice (${prev}; ${how})`);
    }
    used.set(index, how);
  };

  const excluded = [];
  for (const ex of overlay.exclude ?? []) {
    const { index, part } = selectPart(fileName, parts, ex.part);
    if (!ex.reason) throw new Error(`${instrumentId}: exclusion of #${index} needs a reason`);
    markUsed(index, `excluded: ${ex.reason}`);
    excluded.push({ index, label: part.label, reason: ex.reason });
  }

  // Curated provisions first.
  const explicit = new Set();
  for (const entry of overlay.provisions ?? []) {
    const p = ensure(entry.id, entry.kind, entry.number, entry);
    if (entry.renderings) {
      explicit.add(entry.id);
      for (const spec of entry.renderings) {
        const { index, part } = selectPart(fileName, parts, spec.part);
        markUsed(index, spec.shared ? `shared:${entry.id}` : `rendering of ${entry.id}`);
        p.renderings.push({ index, part, field: spec.field ?? 'text', spec });
      }
    }
  }
  // Parts quoted mechanically inside notes ({{text:<selector>}}) count as used.
  const placeholder = /\{\{text:([^}]+)\}\}/g;
  const noteTexts = [];
  for (const entry of overlay.provisions ?? []) {
    if (entry.note) noteTexts.push(entry.note);
    for (const spec of entry.renderings ?? []) if (spec.note) noteTexts.push(spec.note);
  }
  if (overlay.termination?.note) noteTexts.push(overlay.termination.note);
  for (const text of noteTexts) {
    for (const m of text.matchAll(placeholder)) {
      const { index } = selectPart(fileName, parts, m[1]);
      if (!used.has(index)) used.set(index, 'quoted in a note');
    }
  }

  // Everything else by its own number.
  let quoteN = 0;
  const quoteCounter = { next: () => ++quoteN };
  parts.forEach((part, index) => {
    if (used.has(index)) return;
    const target = autoTarget(instrumentId, unit, part.number, quoteCounter, overlay.structure.numbering);
    if (!target) throw new Error(`${fileName}: part #${index} (${part.label}) has number ${JSON.stringify(part.number)}; map it in overlay.json`);
    if (explicit.has(target.id)) throw new Error(`${fileName}: part #${index} would join curated provision ${target.id}; list it there or exclude it`);
    if (typeof part.variant_text === 'string' || part.conflict) {
      throw new Error(`${fileName}: part #${index} (${part.label}) has a variant_text or a conflict flag; list ${target.id} in overlay.json with both renderings and notes that say how the sources disagree`);
    }
    const p = ensure(target.id, target.kind, target.number);
    used.set(index, `rendering of ${target.id}`);
    p.renderings.push({ index, part, field: 'text', spec: {} });
  });

  for (const p of provisions.values()) {
    if (p.renderings.length > 1 && !explicit.has(p.id)) {
      throw new Error(`${instrumentId}: ${p.id} has ${p.renderings.length} renderings; list them in overlay.json in order (primary first)`);
    }
    for (const r of p.renderings) {
      if (r.part.conflict && !(typeof r.spec.note === 'string' && r.spec.note.trim() !== '')) {
        throw new Error(`${fileName}: part #${r.index} is flagged conflict; the overlay must say in each rendering's note how the sources disagree`);
      }
      if (r.part.paraphrase) throw new Error(`${fileName}: part #${r.index} is flagged paraphrase and cannot be a rendering`);
      if (r.part.report_not_treaty_text) throw new Error(`${fileName}: part #${r.index} is a report, not treaty text`);
      if (typeof r.part[r.field] !== 'string') throw new Error(`${fileName}: part #${r.index} has no string field ${r.field}`);
    }
  }
  for (const chapter of planChapters(instrumentId, fileName, source, provisions)) provisions.set(chapter.id, chapter);
  const ordered = [...provisions.values()].sort((a, b) => {
    const ka = provisionSortKey(instrumentId, a);
    const kb = provisionSortKey(instrumentId, b);
    if (ka !== kb) return ka < kb ? -1 : 1;
    return (a.kind === 'chapter' ? 0 : 1) - (b.kind === 'chapter' ? 0 : 1);
  });
  return { provisions: ordered, excluded, used };
}

/**
 * Chapter provisions, for a source with `chapter_headings` ({"VII": "CHAPTER VII: NAME", ...}) whose
 * parts name their chapter in a `chapter` field holding one of those headings. One provision per
 * heading: id `<id>/ch-<arabic>`, number the heading key ("VII"), kind `chapter`, title the name
 * after "CHAPTER <n>:" (words as in the source), no text, and `members`: the ids of the provisions
 * whose parts sit in that chapter, in document order. Sources without chapter_headings get none.
 */
export function planChapters(instrumentId, fileName, source, provisions) {
  const headings = source.chapter_headings;
  if (!headings || typeof headings !== 'object') return [];
  const keyOfHeading = new Map();
  const chapters = [];
  for (const [key, heading] of Object.entries(headings)) {
    const n = /^\d+$/.test(key) ? Number(key) : romanToInt(key);
    if (n === null) throw new Error(`${fileName}: chapter heading key ${JSON.stringify(key)} is neither Arabic nor Roman`);
    const m = /^CHAPTER\s+([IVXLCDM]+|\d+)\s*[:.–-]\s*(\S.*)$/i.exec(heading);
    if (!m || m[1].toUpperCase() !== key.toUpperCase()) throw new Error(`${fileName}: chapter heading ${JSON.stringify(heading)} does not read 'CHAPTER ${key}: <name>'`);
    keyOfHeading.set(heading, key);
    chapters.push({ id: `${instrumentId}/ch-${n}`, kind: 'chapter', number: key, entry: null, renderings: [], title: m[2], members: [] });
  }
  const byKey = new Map(chapters.map((c) => [c.number, c]));
  const inOrder = [...provisions.values()].sort((a, b) => {
    const ka = provisionSortKey(instrumentId, a);
    const kb = provisionSortKey(instrumentId, b);
    return ka < kb ? -1 : ka > kb ? 1 : 0;
  });
  for (const p of inOrder) {
    const named = new Set(p.renderings.map((r) => r.part.chapter).filter((c) => typeof c === 'string'));
    if (named.size > 1) throw new Error(`${instrumentId}: ${p.id} has renderings from parts in different chapters`);
    for (const heading of named) {
      const key = keyOfHeading.get(heading);
      if (key === undefined) throw new Error(`${fileName}: chapter ${JSON.stringify(heading)} of ${p.id} is not in chapter_headings`);
      byKey.get(key).members.push(p.id);
    }
  }
  for (const c of chapters) if (!c.members.length) throw new Error(`${fileName}: no part is in chapter ${c.number}`);
  return chapters;
}

/** Replaces {{text:<selector>}} in a curated note with the whitespace-tidied text of that part (mechanical quotation). */
export function expandPlaceholders(fileName, parts, text, tidy) {
  if (typeof text !== 'string') return text ?? null;
  return text.replace(/\{\{text:([^}]+)\}\}/g, (_, selector) => tidy(selectPart(fileName, parts, selector).part.text).replace(/\n/g, ' / '));
}
