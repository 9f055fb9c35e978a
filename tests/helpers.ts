import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { DEFAULT_SETTINGS, type AnalysisSettings } from '../server/src/core/analyze';
import { loadCorpus, type Corpus } from '../server/src/core/corpus';
import type { TextEdit } from '../server/src/core/types';

export const REPO_ROOT = fileURLToPath(new URL('..', import.meta.url));
/** The corpus under test: data/, unless LEXICITE_DATA_DIR points elsewhere (as it does for the bundles). */
export const DATA_DIR = process.env.LEXICITE_DATA_DIR ? path.resolve(process.env.LEXICITE_DATA_DIR) : path.join(REPO_ROOT, 'data');
export const FIXTURES_DIR = path.join(REPO_ROOT, 'tests', 'fixtures');
export const DIST = path.join(REPO_ROOT, 'dist');

let corpus: Corpus | undefined;

/** The bundled corpus, loaded once; a data problem fails the test loudly. */
export function bundledCorpus(): Corpus {
  if (!corpus) {
    const loaded = loadCorpus(DATA_DIR);
    if (loaded.problems.length > 0) {
      throw new Error(`data problems: ${loaded.problems.map((problem) => `${problem.file} ${problem.jsonPath}: ${problem.message}`).join('\n')}`);
    }
    corpus = loaded.corpus;
  }
  return corpus;
}

/** Every `*.md` fixture under a folder, recursively, as paths relative to it. */
export function markdownFiles(directory: string): string[] {
  const found: string[] = [];
  const walk = (current: string): void => {
    for (const entry of fs.readdirSync(current, { withFileTypes: true })) {
      const child = path.join(current, entry.name);
      if (entry.isDirectory()) walk(child);
      else if (entry.name.endsWith('.md')) found.push(path.relative(directory, child));
    }
  };
  walk(directory);
  return found.sort();
}

/**
 * A valid source pack defining a fictional resolution (unscr-9001, adopted 1 May 2031), so
 * that a pack's effect on recognition is visible in tests. Test data, not a real instrument.
 */
export const FICTIONAL_RESOLUTION_PACK_FILE = path.join(REPO_ROOT, 'tests', 'packs', 'fictional-resolution.json');

/** The rules that judge sourcing: they flag most test sentences, which cite nothing. */
export const SOURCING_RULES = ['uncited-reference', 'uncited-claim', 'vague-attribution'] as const;

/**
 * Settings for a fixture: the sourcing rules run only on the fixtures written for them
 * (tests/rules/<sourcing rule>/), so that every other fixture shows its own rule's results.
 */
export function fixtureSettings(file: string): AnalysisSettings {
  const forSourcing = SOURCING_RULES.some((code) => file.split(/[\\/]/).includes(code));
  if (forSourcing) return DEFAULT_SETTINGS;
  return { ...DEFAULT_SETTINGS, rules: Object.fromEntries(SOURCING_RULES.map((code) => [code, 'off'])) };
}

/** A fix's edits applied to the text (offsets of the original text; the edits do not overlap). */
export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  return [...edits].sort((a, b) => b.start - a.start).reduce((result, edit) => result.slice(0, edit.start) + edit.newText + result.slice(edit.end), text);
}
