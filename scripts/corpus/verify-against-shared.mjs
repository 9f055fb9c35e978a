#!/usr/bin/env node
// Maintainer tool: re-checks the committed corpus against the shared sources.
//
//   node scripts/corpus/verify-against-shared.mjs [../shared/sources]
//
// For every rendering (text and variants) in data/instruments/*.json it checks that the body is
// equal, after collapsing whitespace, to the source part the overlay maps it to, and that the
// source URL matches. Independently of the overlay, it checks that every body occurs as a part's
// text in that instrument's source file. It also checks officials.json against officials.json in
// the sources. Exit code 1 on any mismatch.
import fs from 'node:fs';
import path from 'node:path';
import { DATA_DIR, OVERLAY_FILE, SHARED_FILES, readJson, sharedDirFromArgs, splitSource, whitespaceKey } from './lib.mjs';
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
    for (const field of ['text', 'text_glosses_removed']) if (typeof part[field] === 'string') partKeys.add(whitespaceKey(part[field]));
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
      const expectedUrl = splitSource(from.part.source ?? overlay.instruments[id].renderingSource).url;
      if (rendering.source.url !== expectedUrl) problems.push(`${provision.id} rendering ${i}: source URL ${rendering.source.url} != ${expectedUrl}`);
      if (rendering.publication !== 'secondary') problems.push(`${provision.id} rendering ${i}: publication must be 'secondary'`);
      if ((from.part.lang ?? overlay.instruments[id].defaultLang ?? 'en') !== rendering.lang) problems.push(`${provision.id} rendering ${i}: lang differs from the source part`);
      if ((from.part.truncated === true) !== rendering.truncated) problems.push(`${provision.id} rendering ${i}: truncated flag differs from the source part`);
      if ((from.part.partial === true || from.part.fragment === true) && !rendering.partial) problems.push(`${provision.id} rendering ${i}: source part is partial/fragment`);
    });
  }
  for (const p of plan.provisions) if (p.renderings.length && !seen.has(p.id)) problems.push(`${p.id}: planned with text but missing from data`);
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

if (problems.length) {
  console.error(`verify-against-shared: ${problems.length} problem(s)`);
  for (const p of problems) console.error(`  - ${p}`);
  process.exit(1);
}
console.log(`verify-against-shared: OK (${checked} renderings and officials checked against ${sharedDir})`);
