import * as fs from 'node:fs';
import * as path from 'node:path';
import { globSync } from 'tinyglobby';
import { describeError, type Corpus } from './corpus';
import { SourceDocument } from './document';
import { applyPacks, parsePack, type PackProblem, type ParsedPack } from './packs';
import type { Range } from './types';

/** Where packs are looked for when no setting says otherwise. */
export const DEFAULT_PACK_GLOBS: readonly string[] = ['.lexicite/*.json'];

/** The pack files under a folder matching the globs (relative to it), sorted for a stable order. */
export function findPackFiles(folder: string, globs: readonly string[]): string[] {
  if (globs.length === 0) return [];
  return globSync([...globs], { cwd: folder, absolute: true, dot: true, onlyFiles: true, ignore: ['**/node_modules/**'] })
    .map((file) => path.normalize(file))
    .sort();
}

/** The Markdown drafts under a folder (not in node_modules or hidden folders), sorted. */
export function findMarkdownFiles(folder: string): string[] {
  return globSync(['**/*.md'], { cwd: folder, absolute: true, dot: false, onlyFiles: true, ignore: ['**/node_modules/**'] })
    .map((file) => path.normalize(file))
    .sort();
}

export interface PackProblemWithRange extends PackProblem {
  range: Range;
}

export interface LoadedPacks {
  corpus: Corpus;
  /** Every problem, with its range in the pack file; files without problems are listed too, with none. */
  problemsByFile: Map<string, PackProblemWithRange[]>;
}

/** Reads, validates and applies pack files on top of a corpus. Never throws. */
export function loadPackFiles(base: Corpus, files: readonly string[]): LoadedPacks {
  const problemsByFile = new Map<string, PackProblemWithRange[]>();
  const documents = new Map<string, SourceDocument>();
  const parsedPacks: ParsedPack[] = [];
  const withRange = (problem: PackProblem): PackProblemWithRange => {
    const document = documents.get(problem.file);
    const range = document ? document.rangeOf(problem.start, problem.end) : { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
    return { ...problem, range };
  };
  for (const file of files) {
    problemsByFile.set(file, []);
    let text: string;
    try {
      text = fs.readFileSync(file, 'utf8');
    } catch (error) {
      problemsByFile.get(file)?.push(withRange({ file, jsonPath: '$', message: `cannot read the source pack: ${describeError(error)}`, severity: 'error', start: 0, end: 0 }));
      continue;
    }
    documents.set(file, new SourceDocument(text));
    const { parsed, problems } = parsePack(file, text);
    problemsByFile.get(file)?.push(...problems.map(withRange));
    if (parsed) parsedPacks.push(parsed);
  }
  const { corpus, problems } = applyPacks(base, parsedPacks);
  for (const problem of problems) problemsByFile.get(problem.file)?.push(withRange(problem));
  return { corpus, problemsByFile };
}
