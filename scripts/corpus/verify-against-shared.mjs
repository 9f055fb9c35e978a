#!/usr/bin/env node
// Maintainer tool: re-checks the committed corpus against the shared sources.
//
//   node scripts/corpus/verify-against-shared.mjs [../shared/sources]
//
// For every rendering (text and variants) in data/instruments/*.json it checks that the body is
// equal, after collapsing whitespace, to the source part the overlay maps it to, and that the
// source URL matches. Independently of the overlay, it checks that every body occurs as a part's
// text (or variant_text) in that instrument's source file, that chapter provisions list exactly the
// articles whose source parts name that chapter, and that flagged parts (single_source, amended,
// conflict) carry their notes and variants. It also checks officials.json against officials.json
// and data/unsc-resolutions.json against unsc-resolutions-index.json in the sources, entry by
// entry. Exit code 1 on any mismatch.
import fs from 'node:fs';
import path from 'node:path';
import {
  DATA_DIR, OVERLAY_FILE, SHARED_FILES, UNSC_INDEX_FILE, UNSC_INDEX_SOURCE, readJson, renderingSourceText, sharedDirFromArgs, splitSource,
  whitespaceKey,
} from './lib.mjs';
import { planInstrument } from './plan.mjs';

const sharedDir = sharedDirFromArgs();
if (!fs.existsSync(sharedDir)) {
  console.error(`shared sources not found at ${sharedDir}; pass the directory as the first argument`);
  process.exit(2);
}
const overlay = readJson(OVERLAY_FILE);
const problems = [];
let checked = 0;

const instrumentsDir = path.join(DATA_DIR, 'instruments');
const files = fs.readdirSync(instrumentsDir).filter((f) => f.endsWith('.json')).sort();
const expected = Object.keys(SHARED_FILES).map((id) => `${id}.json`).sort();
if (JSON.stringify(files) !== JSON.stringify(expected)) problems.push(`data/instruments holds ${files.join(', ')}; expected ${expected.join(', ')}`);

for (const [id, fileName] of Object.entries(SHARED_FILES)) {
  const dataFile = path.join(instrumentsDir, `${id}.json`);
  if (!fs.existsSync(dataFile)) continue;
  const data = readJson(dataFile);
  const source = readJson(path.join(sharedDir, fileName));
  const plan = planInstrument(id, fileName, source, overlay.instruments[id]);
  const planById = new Map(plan.provisions.map((p) => [p.id, p]));
  const partKeys = new Set();
  for (const part of source.parts) {
    for (const field of ['text', 'text_glosses_removed', 'variant_text']) if (typeof part[field] === 'string') partKeys.add(whitespaceKey(part[field]));
  }
  const seen = new Set();
  for (const provision of data.provisions) {
    seen.add(provision.id);
    const planned = planById.get(provision.id);
    const renderings = [provision.text, ...provision.variants].filter((r) => r !== null);
    if (provision.text === null && provision.variants.length > 0) problems.push(`${provision.id}: variants without a primary text`);
    if (!planned) {
      if (renderings.length) problems.push(`${provision.id}: has text but the overlay/source plan has no such provision`);
      continue;
    }
    if (planned.renderings.length !== renderings.length) {
      problems.push(`${provision.id}: ${renderings.length} renderings in data, ${planned.renderings.length} in the plan`);
      continue;
    }
    renderings.forEach((rendering, i) => {
      checked += 1;
      const from = planned.renderings[i];
      const expectedBody = from.part[from.field];
      if (whitespaceKey(rendering.body) !== whitespaceKey(expectedBody)) {
        problems.push(`${provision.id} rendering ${i}: body differs from ${fileName} part #${from.index} (${from.field})`);
      }
      if (!partKeys.has(whitespaceKey(rendering.body))) {
        problems.push(`${provision.id} rendering ${i}: body is not the text of any part of ${fileName}`);
      }
      const expectedUrl = splitSource(renderingSourceText(from.part, from.field, overlay.instruments[id])).url;
      if (rendering.source.url !== expectedUrl) problems.push(`${provision.id} rendering ${i}: source URL ${rendering.source.url} != ${expectedUrl}`);
      if (rendering.publication !== 'secondary') problems.push(`${provision.id} rendering ${i}: publication must be 'secondary'`);
      if ((from.part.lang ?? overlay.instruments[id].defaultLang ?? 'en') !== rendering.lang) problems.push(`${provision.id} rendering ${i}: lang differs from the source part`);
      if ((from.part.truncated === true) !== rendering.truncated) problems.push(`${provision.id} rendering ${i}: truncated flag differs from the source part`);
      if ((from.part.partial === true || from.part.fragment === true) && !rendering.partial) problems.push(`${provision.id} rendering ${i}: source part is partial/fragment`);
      if (from.part.single_source === true && !/\bSingle source\b/.test(rendering.note ?? '')) problems.push(`${provision.id} rendering ${i}: source part is single-source but the note does not say so`);
      if (from.part.amended === true && !/\bAmended\b/.test(rendering.note ?? '')) problems.push(`${provision.id} rendering ${i}: source part is amended but the note does not say so`);
    });
    const conflicted = planned.renderings.some((r) => r.part.conflict === true);
    if (conflicted && (provision.variants.length === 0 || !renderings.every((r) => /disagree/i.test(r.note ?? '')))) {
      problems.push(`${provision.id}: source part is flagged conflict; need a variant and notes saying the sources disagree`);
    }
  }
  for (const p of plan.provisions) if (p.renderings.length && !seen.has(p.id)) problems.push(`${p.id}: planned with text but missing from data`);
  checkChapters(id, source, data);
}

/** Chapters, from the data alone against the source's headings and parts: title, number, members. */
function checkChapters(id, source, data) {
  const headings = source.chapter_headings ?? {};
  const chapters = data.provisions.filter((p) => p.kind === 'chapter');
  if (chapters.length !== Object.keys(headings).length) problems.push(`${id}: ${chapters.length} chapter provisions, ${Object.keys(headings).length} chapter headings in the source`);
  const byNumber = new Map(chapters.map((c) => [c.number, c]));
  for (const [key, heading] of Object.entries(headings)) {
    const c = byNumber.get(key);
    if (!c) {
      problems.push(`${id}: no chapter provision numbered ${key}`);
      continue;
    }
    checked += 1;
    if (!c.title || !heading.endsWith(c.title)) problems.push(`${c.id}: title is not the end of the source heading ${JSON.stringify(heading)}`);
    if (c.text !== null) problems.push(`${c.id}: a chapter has no text`);
    const expectedMembers = [];
    for (const part of source.parts) {
      if (part.chapter !== heading) continue;
      const match = data.provisions.find((p) => p.kind !== 'chapter' && p.text && whitespaceKey(p.text.body) === whitespaceKey(part.text));
      if (match) expectedMembers.push(match.id);
      else problems.push(`${c.id}: the source part ${JSON.stringify(part.label)} of this chapter has no provision in data`);
    }
    if (JSON.stringify(c.members) !== JSON.stringify(expectedMembers)) problems.push(`${c.id}: members differ from the source parts of ${JSON.stringify(heading)}`);
    for (const m of c.members) {
      const p = data.provisions.find((q) => q.id === m);
      if (p?.context?.chapter !== heading) problems.push(`${m}: context.chapter is not ${JSON.stringify(heading)}`);
    }
  }
}

// Officials: every person, name and title as in the source.
const srcOfficials = readJson(path.join(sharedDir, 'officials.json'));
const dataOfficials = readJson(path.join(DATA_DIR, 'officials.json'));
const byId = new Map(dataOfficials.officials.map((o) => [o.id, o]));
if (dataOfficials.officials.length !== srcOfficials.people.length) problems.push(`officials: ${dataOfficials.officials.length} in data, ${srcOfficials.people.length} in the source`);
for (const person of srcOfficials.people) {
  const o = byId.get(person.id);
  if (!o) {
    problems.push(`officials: ${person.id} missing`);
    continue;
  }
  checked += 1;
  if (o.name !== person.name) problems.push(`officials: ${person.id} name differs`);
  if (JSON.stringify(o.variants) !== JSON.stringify(person.variants ?? [])) problems.push(`officials: ${person.id} variants differ`);
  const srcTitles = person.titles.map((t) => [t.title, t.organization, t.from ?? null, t.to ?? null, t.source]);
  const dataTitles = o.titles.map((t) => [t.title, t.organization, t.from, t.to, t.source]);
  if (JSON.stringify(srcTitles) !== JSON.stringify(dataTitles)) problems.push(`officials: ${person.id} titles differ`);
}

// Security Council resolution index: every entry, field by field.
const indexSource = readJson(path.join(sharedDir, UNSC_INDEX_SOURCE));
const indexFile = path.join(DATA_DIR, UNSC_INDEX_FILE);
if (!fs.existsSync(indexFile)) problems.push(`${UNSC_INDEX_FILE} missing`);
else {
  const index = readJson(indexFile);
  const srcEntries = indexSource.resolutions;
  if (index.resolutions.length !== srcEntries.length) problems.push(`${UNSC_INDEX_FILE}: ${index.resolutions.length} entries, ${srcEntries.length} in the source`);
  const renamedVariants = { dhl_table_meeting_date: 'dhlTableMeetingDate', un_resolution_text_date: 'unResolutionTextDate' };
  srcEntries.forEach((r, i) => {
    const e = index.resolutions[i];
    if (!e) return;
    checked += 1;
    const expected = { number: r.number, symbol: r.symbol, date: r.date ?? null, topic: r.title, vote: r.vote ?? null, meeting: r.meeting ?? null };
    if (r.date_variants) expected.dateVariants = Object.fromEntries(Object.entries(r.date_variants).map(([k, v]) => [renamedVariants[k] ?? k, v]));
    if (r.note) expected.note = r.note;
    if (JSON.stringify(e) !== JSON.stringify(expected)) problems.push(`${UNSC_INDEX_FILE}: entry ${i} (resolution ${r.number}) differs from the source`);
    // The dropped source_file follows from the symbol's year (2020 also has the COVID-19 table).
    const year = /\((\d{4})\)$/.exec(r.symbol)?.[1];
    const files = [`UNDataScraping/scratch/scact${year}_table_en.html`, ...(year === '2020' ? ['UNDataScraping/scratch/scact2020_covid_table_en.html'] : [])];
    if (!files.includes(r.source_file)) problems.push(`${UNSC_INDEX_FILE}: resolution ${r.number} comes from ${r.source_file}, not its year's table`);
  });
  const cov = indexSource.coverage;
  const c = index.coverage;
  if (c.first !== cov.first || c.last !== cov.last || c.count !== cov.count) problems.push(`${UNSC_INDEX_FILE}: coverage range differs from the source`);
  if (JSON.stringify(c.nullDates) !== JSON.stringify(cov.null_dates)) problems.push(`${UNSC_INDEX_FILE}: coverage.nullDates differs from the source's null_dates`);
  if (JSON.stringify(c.nullVotes) !== JSON.stringify(cov.null_votes)) problems.push(`${UNSC_INDEX_FILE}: coverage.nullVotes differs from the source's null_votes`);
  if (c.missing !== (cov.missing_ranges ?? []).join(' ')) problems.push(`${UNSC_INDEX_FILE}: coverage.missing differs from the source's missing_ranges`);
  const s = indexSource.source;
  const provenance = [
    [index.source.where, s.where], [index.source.retrievedVia, s.retrieved_via], [index.source.publisher, s.dataset_publisher],
    [index.source.notes, indexSource.notes], [JSON.stringify(index.source.corrections), JSON.stringify(indexSource.corrections_applied)],
  ];
  if (provenance.some(([a, b]) => a !== b)) problems.push(`${UNSC_INDEX_FILE}: source provenance differs from the shared file`);
}

if (problems.length) {
  console.error(`verify-against-shared: ${problems.length} problem(s)`);
  for (const p of problems) console.error(`  - ${p}`);
  process.exit(1);
}
console.log(`verify-against-shared: OK (${checked} renderings and officials checked against ${sharedDir})`);
