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

/** JSON with 2-space indent and a trailing newline; key order is whatever the caller built. */
export function stableStringify(value) {
  return JSON.stringify(value, null, 2) + '\n';
}

export const SHARED_FILES = {
  'unscr-1695': 'unsc-1695.json',
  'unscr-1718': 'unsc-1718.json',
  'unscr-1874': 'unsc-1874.json',
  'unscr-2087': 'unsc-2087.json',
  'unscr-2094': 'unsc-2094.json',
  'unscr-2270': 'unsc-2270.json',
  'unscr-2321': 'unsc-2321.json',
  'unscr-2356': 'unsc-2356.json',
  'unscr-2371': 'unsc-2371.json',
  'unscr-2375': 'unsc-2375.json',
  'unscr-2397': 'unsc-2397.json',
  arsiwa: 'ilc-arsiwa-2001.json',
  'rus-dprk-2024': 'rus-dprk-treaty-comprehensive-strategic-partnership-2024.json',
  'rus-dprk-2000': 'rus-dprk-treaty-friendship-good-neighbourliness-cooperation-2000.json',
  'ussr-dprk-1961': 'ussr-dprk-treaty-friendship-cooperation-mutual-assistance-1961.json',
  'budapest-convention': 'coe-ets-185-budapest-convention.json',
};
