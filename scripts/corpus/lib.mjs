// Shared helpers for the corpus maintainer scripts (build-from-shared.mjs, verify-against-shared.mjs).
// Plain Node ESM, no dependencies. Nothing in the extension imports this file.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
export const DATA_DIR = path.join(REPO_ROOT, 'data');
export const OVERLAY_FILE = path.join(REPO_ROOT, 'scripts', 'corpus', 'overlay.json');

/** The shared sources directory: first CLI argument (relative to the cwd), else ../shared/sources next to the repo. */
export function sharedDirFromArgs(argv = process.argv.slice(2)) {
  const arg = argv.find((a) => !a.startsWith('-'));
  return arg ? path.resolve(process.cwd(), arg) : path.resolve(REPO_ROOT, '..', 'shared', 'sources');
}

export function readJson(file) {
  return JSON.parse(fs.readFileSync(file, 'utf8'));
}

/**
 * The only change the build makes to a source text: whitespace. Line breaks are kept
 * (they separate paragraphs and sub-paragraphs); runs of spaces/tabs become one space;
 * lines are trimmed; blank lines are dropped.
 */
export function tidyWhitespace(text) {
  return text
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map((line) => line.replace(/[ \t\u00a0\u2000-\u200a\u202f\u205f\u3000]+/g, ' ').trim())
    .filter((line) => line !== '')
    .join('\n');
}

/** Comparison key used by the verifier: every whitespace run is one space. */
export function whitespaceKey(text) {
  return text.replace(/\s+/gu, ' ').trim();
}

/**
 * Finds exactly one part of a shared source file. A selector is "#<index>" (0-based),
 * "#<index>:<label prefix>" (index, checked against the label) or a unique prefix of the part's label. Throws when nothing or more than one part matches.
 */
export function selectPart(file, parts, selector) {
  if (typeof selector !== 'string') throw new Error(`${file}: part selector must be a string, got ${JSON.stringify(selector)}`);
  const byIndex = /^#(\d+)(?::(.*))?$/s.exec(selector);
  if (byIndex) {
    const index = Number(byIndex[1]);
    const part = parts[index];
    if (!part) throw new Error(`${file}: no part at index ${index}`);
    if (byIndex[2] !== undefined && !String(part.label).startsWith(byIndex[2])) {
      throw new Error(`${file}: part #${index} is labelled ${JSON.stringify(part.label)}, expected it to start with ${JSON.stringify(byIndex[2])}`);
    }
    return { index, part };
  }
  const hits = [];
  parts.forEach((part, index) => {
    if (typeof part.label === 'string' && part.label.startsWith(selector)) hits.push({ index, part });
  });
  if (hits.length !== 1) {
    throw new Error(`${file}: selector ${JSON.stringify(selector)} matches ${hits.length} parts (need exactly 1)`);
  }
  return hits[0];
}

/** First http(s) URL in a free-text source string, plus whatever surrounds it. */
export function splitSource(sourceText) {
  if (typeof sourceText !== 'string' || sourceText.trim() === '') return { url: null, detail: null };
  const match = /https?:\/\/[^\s]+/.exec(sourceText);
  if (!match) return { url: null, detail: sourceText.trim() };
  let url = match[0];
  // Trailing punctuation that belongs to the prose, not the address.
  while (/[),.;]$/.test(url) && !(url.endsWith(')') && url.includes('('))) url = url.slice(0, -1);
  const rest = (sourceText.slice(0, match.index) + sourceText.slice(match.index + url.length)).trim();
  return { url, detail: rest === '' ? null : rest };
}

/**
 * The source description of a rendering: the part's own `source` (or `variant_source` for a
 * rendering of its `variant_text`), else the overlay's `renderingSource` for the instrument.
 */
export function renderingSourceText(part, field, inst) {
  if (field === 'variant_text' && typeof part.variant_source === 'string') return part.variant_source;
  return part.source ?? inst.renderingSource ?? null;
}

/** JSON with 2-space indent and a trailing newline; key order is whatever the caller built. */
export function stableStringify(value) {
  return JSON.stringify(value, null, 2) + '\n';
}

/**
 * Instrument id -> shared source file, in the overlay's order (which is also the order of the
 * README coverage table). Each overlay entry names its file in `sourceFile`, so a new instrument
 * needs only an overlay entry.
 */
export const SHARED_FILES = Object.fromEntries(
  Object.entries(readJson(OVERLAY_FILE).instruments).map(([id, inst]) => {
    if (typeof inst.sourceFile !== 'string') throw new Error(`overlay entry ${id} has no sourceFile`);
    return [id, inst.sourceFile];
  }),
);

/** The shared source of the Security Council resolution index, and the data file built from it. */
export const UNSC_INDEX_SOURCE = 'unsc-resolutions-index.json';
export const UNSC_INDEX_FILE = 'unsc-resolutions.json';

/** Value of a Roman numeral (I ... MMMCMXCIX), or null when the string is not a well-formed one. */
export function romanToInt(roman) {
  if (typeof roman !== 'string' || !/^M{0,3}(CM|CD|D?C{0,3})(XC|XL|L?X{0,3})(IX|IV|V?I{0,3})$/.test(roman) || roman === '') return null;
  const values = { I: 1, V: 5, X: 10, L: 50, C: 100, D: 500, M: 1000 };
  let total = 0;
  for (let i = 0; i < roman.length; i += 1) {
    const v = values[roman[i]];
    const next = values[roman[i + 1]] ?? 0;
    total += v < next ? -v : v;
  }
  return total;
}
