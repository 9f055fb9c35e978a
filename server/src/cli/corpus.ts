import { loadCorpus, type Corpus, type DataProblem } from '../core/corpus';
import { DEFAULT_PACK_GLOBS, findPackFiles, loadPackFiles, type PackProblemWithRange } from '../core/pack-files';
import { defaultDataDirectory } from '../runtime';

/** The options every subcommand that reads drafts shares: which source packs to load. */
export const PACK_OPTIONS = {
  packs: { type: 'string', multiple: true },
  'no-packs': { type: 'boolean', default: false },
} as const;

/**
 * The built-in corpus plus the source packs under `cwd` (the `--packs` globs, the default
 * `.lexicite/*.json`, or none with `--no-packs`), with every problem found on the way.
 */
export function loadCommandCorpus(
  cwd: string,
  options: { packs?: string[] | undefined; 'no-packs'?: boolean | undefined },
): { corpus: Corpus; dataProblems: DataProblem[]; packProblems: Map<string, PackProblemWithRange[]> } {
  const { corpus: builtin, problems: dataProblems } = loadCorpus(defaultDataDirectory());
  const globs = options['no-packs'] ? [] : (options.packs ?? [...DEFAULT_PACK_GLOBS]);
  const { corpus, problemsByFile } = loadPackFiles(builtin, findPackFiles(cwd, globs));
  return { corpus, dataProblems, packProblems: problemsByFile };
}
