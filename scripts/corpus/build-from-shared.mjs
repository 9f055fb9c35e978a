#!/usr/bin/env node
// Maintainer tool: rebuilds data/instruments/*.json, data/officials.json and data/unsc-resolutions.json from the shared
// source files plus the curated overlay (scripts/corpus/overlay.json).
//
//   node scripts/corpus/build-from-shared.mjs [../shared/sources]
//
// Provision texts are copied mechanically from the sources; the only change is whitespace
// (see tidyWhitespace). Everything else that is not in the sources (aliases, labels, summaries,
// structure counts, notes) comes from the overlay, where a curator wrote it. The output is
// committed; the extension and the tests never read the shared sources.
import fs from 'node:fs';
import path from 'node:path';
import {
  DATA_DIR, OVERLAY_FILE, SHARED_FILES, UNSC_INDEX_FILE, UNSC_INDEX_SOURCE, readJson, renderingSourceText, sharedDirFromArgs, splitSource,
  stableStringify, tidyWhitespace,
} from './lib.mjs';
import { expandPlaceholders, planInstrument } from './plan.mjs';
import { buildUnscIndex, stringifyUnscIndex } from './unsc-index.mjs';
import { updateReadme } from './readme-table.mjs';

const sharedDir = sharedDirFromArgs();
if (!fs.existsSync(sharedDir)) {
  console.error(`shared sources not found at ${sharedDir}; pass the directory as the first argument`);
  process.exit(2);
}
const overlay = readJson(OVERLAY_FILE);

function fail(message) {
  throw new Error(message);
}

function hostOf(url) {
  try {
    return new URL(url).host.replace(/^www\./, '');
  } catch {
    return null;
  }
}

/**
 * Our standard sentences for a source part's flags, added to every rendering taken from it:
 * `verified` (the retriever's cross-check result), `amended` (wording as amended) and
 * `single_source` (no second copy).
 */
function flagNotes(part) {
  const out = [];
  if (typeof part.verified === 'string' && part.verified.trim() !== '') out.push(`Cross-check: ${part.verified.trim()}.`);
  if (part.amended === true) out.push('Amended article: the wording now in force is given here, not the original 1945 wording.');
  if (part.single_source === true) {
    out.push('Single source: this text comes from one copy only and was not cross-checked against a second full copy; single words may be wrong, so check the official text before quoting.');
  }
  return out;
}

function buildRendering(instrumentId, fileName, source, inst, r) {
  const { part, spec, field } = r;
  const lang = part.lang ?? inst.defaultLang ?? 'en';
  let translation;
  if (spec.translation !== undefined) translation = spec.translation;
  else if (inst.defaultTranslation && inst.defaultTranslation[lang] !== undefined) translation = inst.defaultTranslation[lang];
  else if ((inst.authenticLanguages ?? []).includes(lang)) translation = null;
  else fail(`${instrumentId}: part #${r.index} is in '${lang}', not an authentic language; say whose translation in overlay.json`);
  if (translation === null && part.translation_variant) {
    fail(`${instrumentId}: part #${r.index} is flagged translation_variant but the overlay calls it untranslated`);
  }
  const rawSource = renderingSourceText(part, field, inst);
  const { url, detail } = splitSource(rawSource);
  if (!url) fail(`${instrumentId}: part #${r.index} has no source URL`);
  const host = hostOf(url);
  const label = spec.label ?? (inst.hostLabels && host && inst.hostLabels[host]) ?? part.label;
  const notes = [part.note, ...flagNotes(part), expandPlaceholders(fileName, source.parts, spec.note, tidyWhitespace)]
    .filter((n) => typeof n === 'string' && n.trim() !== '');
  return {
    body: tidyWhitespace(part[field]),
    lang,
    label,
    translation,
    publication: 'secondary',
    source: {
      url,
      retrievedVia: source.source?.retrieved_via ?? null,
      detail,
    },
    partial: Boolean(part.partial || part.fragment || spec.partial),
    truncated: Boolean(part.truncated || spec.truncated),
    note: notes.length ? notes.join(' ') : null,
  };
}

function buildProvision(instrumentId, fileName, source, inst, plan) {
  const entry = plan.entry ?? {};
  const renderings = plan.renderings.map((r) => buildRendering(instrumentId, fileName, source, inst, r));
  let title = entry.title ?? null;
  let titleSource = entry.titleSource ?? null;
  if (title === null) {
    const withTitle = plan.renderings.find((r) => typeof r.part.title === 'string' && r.part.title !== '');
    if (withTitle) {
      title = withTitle.part.title;
      titleSource = withTitle.part.title_source ?? null;
    }
  }
  if (title === null && plan.kind === 'article' && source.titles_all_known && source.titles_all_known[plan.number]) {
    title = source.titles_all_known[plan.number];
    titleSource = inst.titlesAllKnownSource ?? source.titles_all_known_source ?? null;
  }
  const withContext = plan.renderings.find((r) => r.part.context && typeof r.part.context === 'object');
  let context = null;
  if (withContext) {
    context = {};
    for (const key of ['part', 'chapter', 'section', 'title']) {
      if (typeof withContext.part.context[key] === 'string') context[key] = withContext.part.context[key];
    }
  } else {
    // Parts that name their chapter directly (`chapter`, as in the Charter source).
    const withChapter = plan.renderings.find((r) => typeof r.part.chapter === 'string' && r.part.chapter !== '');
    if (withChapter) context = { chapter: withChapter.part.chapter };
  }
  if (plan.kind === 'chapter') {
    return {
      id: plan.id,
      number: plan.number,
      kind: plan.kind,
      title: plan.title,
      titleSource: source.chapter_headings_source ?? null,
      context: null,
      members: plan.members,
      text: null,
      variants: [],
      summary: null,
      note: null,
    };
  }
  const summary = entry.summary
    ? { text: entry.summary.text, author: 'lexicite', basis: entry.summary.basis ?? null }
    : null;
  if (summary && (!summary.text || !summary.basis)) fail(`${plan.id}: a summary needs text and basis`);
  return {
    id: plan.id,
    number: plan.number,
    kind: plan.kind,
    title,
    titleSource,
    context,
    text: renderings[0] ?? null,
    variants: renderings.slice(1),
    summary,
    note: expandPlaceholders(fileName, source.parts, entry.note ?? null, tidyWhitespace),
  };
}

function splitTitle(sourceTitle, inst) {
  let title = sourceTitle;
  let subject = null;
  const m = /^(.*?)\s*\[([^\]]+)\]\s*$/.exec(sourceTitle);
  if (m) {
    title = m[1];
    subject = m[2];
  }
  if (inst.title !== undefined) {
    if (!sourceTitle.includes(inst.title)) fail(`overlay title ${JSON.stringify(inst.title)} is not part of the source title`);
    title = inst.title;
  }
  if (inst.subject !== undefined) subject = inst.subject;
  return { title, subject };
}

function aliasesFor(source, inst) {
  const out = [];
  const seen = new Set();
  const add = (a) => {
    const key = a.toLowerCase();
    if (!seen.has(key)) {
      seen.add(key);
      out.push(a);
    }
  };
  for (const a of inst.aliases ?? []) add(a);
  if (inst.aliasesFromTitleVariants) {
    for (const v of source.title_variants ?? []) {
      // Mechanical: drop the trailing attribution "(KCNA ...)" and a ", signed in ..." tail.
      add(v.replace(/\s*\([^()]*\)\s*$/, '').replace(/,\s*signed\b.*$/, '').trim());
    }
  }
  return out;
}

function buildInstrument(id) {
  const fileName = SHARED_FILES[id];
  const inst = overlay.instruments[id] ?? fail(`overlay has no entry for ${id}`);
  const source = readJson(path.join(sharedDir, fileName));
  const plan = planInstrument(id, fileName, source, inst);
  const { title, subject } = splitTitle(source.title, inst);
  const provisions = plan.provisions.map((p) => buildProvision(id, fileName, source, inst, p));
  const crossChecks = (source.source?.cross_checks ?? []).map((c) => ({ where: c.where, what: c.what }));
  let termination = null;
  if (inst.termination) {
    termination = {
      date: inst.termination.date ?? null,
      note: expandPlaceholders(fileName, source.parts, inst.termination.note, tidyWhitespace),
      source: inst.termination.source,
    };
  }
  let vote = source.vote ?? null;
  if (inst.vote !== undefined) vote = inst.vote;
  const structure = {
    unit: inst.structure.unit,
    ...(inst.structure.numbering !== undefined ? { numbering: inst.structure.numbering } : {}),
    count: inst.structure.count ?? null,
    preambularCount: inst.structure.preambularCount ?? null,
    subparagraphs: inst.structure.subparagraphs ?? {},
    paragraphs: inst.structure.paragraphs ?? {},
    countSource: inst.structure.countSource ?? null,
  };
  return {
    id,
    type: inst.type,
    title,
    subject,
    shortTitle: inst.shortTitle,
    aliases: aliasesFor(source, inst),
    symbol: inst.symbol !== undefined ? inst.symbol : source.symbol ?? null,
    date: source.date,
    dateKind: inst.dateKind,
    place: inst.place !== undefined ? inst.place : source.place ?? null,
    meeting: source.meeting ?? null,
    vote,
    entryIntoForce: source.entry_into_force ?? null,
    termination,
    status: inst.status,
    parties: inst.parties ?? null,
    authenticLanguages: inst.authenticLanguages ?? null,
    url: inst.url ?? null,
    structure,
    source: {
      where: source.source?.where ?? null,
      retrievedVia: source.source?.retrieved_via ?? null,
      crossChecks,
    },
    complete: Boolean(source.complete),
    notes: inst.notes,
    provisions,
  };
}

const KIND_MAP = {
  english_rendering_of_same_office: 'english-rendering-of-same-office',
  'posthumous appellation': 'posthumous-appellation',
  'military rank': 'military-rank',
};
const NATIVE_KEY_MAP = { ko: 'ko', ru: 'ru', zh: 'zh', ko_hanja: 'ko-Hani' };

function buildOfficials() {
  const src = readJson(path.join(sharedDir, 'officials.json'));
  const informalOverlay = overlay.officials?.informal ?? {};
  const officials = src.people.map((p) => {
    const native = {};
    let nativeBirthName = null;
    for (const [k, v] of Object.entries(p.native ?? {})) {
      if (k === 'ko_birth_name') nativeBirthName = { ko: v };
      else if (NATIVE_KEY_MAP[k]) native[NATIVE_KEY_MAP[k]] = v;
      else fail(`${p.id}: unknown native key ${k}`);
    }
    const titles = p.titles.map((t) => {
      const known = new Set(['title', 'organization', 'from', 'to', 'source', 'end_source', 'also_sources', 'title_variants', 'kind', 'note', 'attested']);
      for (const k of Object.keys(t)) if (!known.has(k)) fail(`${p.id}: unknown title field ${k}`);
      if (t.kind && !KIND_MAP[t.kind]) fail(`${p.id}: unknown title kind ${t.kind}`);
      return {
        title: t.title,
        organization: t.organization,
        from: t.from ?? null,
        to: t.to ?? null,
        source: t.source,
        endSource: t.end_source ?? null,
        alsoSources: t.also_sources ?? [],
        variants: t.title_variants ?? [],
        kind: t.kind ? KIND_MAP[t.kind] : null,
        note: t.note ?? null,
        attested: (t.attested ?? []).map((a) => ({ date: a.date, source: a.source })),
      };
    });
    const informalSpec = informalOverlay[p.id] ?? fail(`overlay has no informal forms for ${p.id}`);
    const heldTitles = new Set(titles.flatMap((t) => [t.title, ...t.variants]));
    const informal = informalSpec.map((f) => {
      if (f.basis === 'surname') {
        if (!p.name.split(/[\s-]/).includes(f.form)) fail(`${p.id}: surname form ${f.form} is not part of ${p.name}`);
      } else if (!heldTitles.has(f.basis)) {
        fail(`${p.id}: informal form ${f.form} rests on ${JSON.stringify(f.basis)}, which is not one of the person's titles`);
      }
      return f.form;
    });
    return {
      id: p.id,
      name: p.name,
      variants: p.variants ?? [],
      native,
      nativeBirthName,
      country: p.country,
      born: p.born ?? null,
      bornCandidates: p.born_candidates ?? [],
      died: p.died ?? null,
      titles,
      informal,
      notPersonContexts: (p.not_person_contexts ?? []).map((c) => ({ text: c.text, source: c.source })),
      notes: p.notes ?? null,
    };
  });
  return { retrieved: src.retrieved, officials };
}

function main() {
  const outDir = path.join(DATA_DIR, 'instruments');
  fs.mkdirSync(outDir, { recursive: true });
  const ids = Object.keys(SHARED_FILES);
  const extra = Object.keys(overlay.instruments).filter((id) => !ids.includes(id));
  if (extra.length) fail(`overlay has unknown instruments: ${extra.join(', ')}`);
  // Remove stale instrument files so the directory holds exactly the canonical set.
  for (const name of fs.readdirSync(outDir)) {
    if (name.endsWith('.json') && !ids.includes(name.slice(0, -5))) fs.rmSync(path.join(outDir, name));
  }
  for (const id of ids) {
    const instrument = buildInstrument(id);
    fs.writeFileSync(path.join(outDir, `${id}.json`), stableStringify(instrument));
    const withText = instrument.provisions.filter((p) => p.text).length;
    console.log(`${id}: ${instrument.provisions.length} provisions (${withText} with text)`);
  }
  fs.writeFileSync(path.join(DATA_DIR, 'officials.json'), stableStringify(buildOfficials()));
  console.log('officials.json written');
  const index = buildUnscIndex(readJson(path.join(sharedDir, UNSC_INDEX_SOURCE)), overlay.unscResolutions ?? fail('overlay has no unscResolutions entry'));
  fs.writeFileSync(path.join(DATA_DIR, UNSC_INDEX_FILE), stringifyUnscIndex(index));
  console.log(`${UNSC_INDEX_FILE}: ${index.resolutions.length} resolutions`);
  updateReadme();
  console.log('data/README.md coverage table updated');
}

main();
