/**
 * The start of dist/server.js and dist/cli.js: each runs its bundle (dist/server-bundle.js,
 * dist/cli-bundle.js) with V8's code cache, so that a start does not compile the bundle again.
 *
 * Measured on the 2-core machine of the benchmark: compiling the server's bundle took 40 to
 * 50 ms of a cold start; with the cache, V8 reads the compiled functions instead. Node 20 has
 * no built-in compile cache for CommonJS (`module.enableCompileCache` came with Node 22), so
 * this module does what that does, with `vm.Script`'s `cachedData`.
 *
 * The cache is only an optimization: any failure to read or write it is ignored and the
 * bundle is compiled as usual. A cache that does not fit (another V8, another bundle) is
 * rejected by V8 and written afresh. The file's name carries the bundle's size and
 * modification time, because V8 checks a cache against the source's length only.
 *
 * Where: beside the bundle (dist/.code-cache/) when that is writable, else in the user's cache
 * directory ($XDG_CACHE_HOME or ~/.cache, under lexicite/). LEXICITE_CODE_CACHE_DIR names the
 * directory instead; LEXICITE_CODE_CACHE=0 turns the cache off.
 */
import { isAscii } from 'node:buffer';
import * as fs from 'node:fs';
import Module, { createRequire } from 'node:module';
import * as os from 'node:os';
import * as path from 'node:path';
import * as vm from 'node:vm';

/**
 * Runs a CommonJS bundle as the main program, with the code cache when there is one. A new
 * cache is written at exit, or `writeAfterMs` after the start if the process lives that long
 * (a language server does): by then it holds the functions the start and a first analysis
 * compiled, not only the bundle's top level.
 */
export function runBundle(bundle: string, writeAfterMs?: number): void {
  const source = readSource(bundle);
  const cache = cacheOf(bundle);
  const cachedData = cache ? readCache(cache.candidates) : undefined;
  const script = new vm.Script(Module.wrap(source.startsWith('#!') ? `//${source}` : source), {
    filename: bundle,
    cachedData,
  });
  if (cache && (cachedData === undefined || script.cachedDataRejected === true)) {
    let saved = false;
    const save = (): void => {
      if (saved) return;
      saved = true;
      writeCache(cache.candidates, script);
    };
    process.once('exit', save);
    if (writeAfterMs !== undefined) setTimeout(save, writeAfterMs).unref();
  }
  const main = new Module(bundle);
  main.filename = bundle;
  main.paths = (Module as unknown as { _nodeModulePaths(directory: string): string[] })._nodeModulePaths(path.dirname(bundle));
  const require = createRequire(bundle);
  const wrapper = script.runInThisContext() as (exports: unknown, require: NodeJS.Require, module: Module, filename: string, dirname: string) => void;
  wrapper.call(main.exports, main.exports, require, main, bundle, path.dirname(bundle));
  main.loaded = true;
}

/**
 * The bundle's text. The build makes the bundles ASCII-only (scripts/ascii.mjs), and an ASCII
 * file read as Latin-1 is the same text as read as UTF-8, made in about half the time
 * (1.85 MB: 22 ms as UTF-8, 12 ms as bytes checked and read as Latin-1). A bundle with other
 * bytes is read as UTF-8.
 */
function readSource(bundle: string): string {
  const bytes = fs.readFileSync(bundle);
  return bytes.toString(isAscii(bytes) ? 'latin1' : 'utf8');
}

interface CacheFiles {
  /** The cache files to try, in order; the first writable one gets a new cache. */
  candidates: string[];
}

function cacheOf(bundle: string): CacheFiles | null {
  if (process.env.LEXICITE_CODE_CACHE === '0') return null;
  let stat: fs.Stats;
  try {
    stat = fs.statSync(bundle);
  } catch {
    return null;
  }
  const name = `${path.basename(bundle, '.js')}-${stat.size}-${Math.floor(stat.mtimeMs)}-v8-${process.versions.v8}-${process.arch}.cache`;
  const override = process.env.LEXICITE_CODE_CACHE_DIR;
  const directories = override
    ? [path.resolve(override)]
    : [path.join(path.dirname(bundle), '.code-cache'), path.join(process.env.XDG_CACHE_HOME || path.join(os.homedir(), '.cache'), 'lexicite')];
  return { candidates: directories.map((directory) => path.join(directory, name)) };
}

function readCache(candidates: string[]): Buffer | undefined {
  for (const file of candidates) {
    try {
      return fs.readFileSync(file);
    } catch {
      // not there: try the next place
    }
  }
  return undefined;
}

/** Writes the cache (whole, by a rename) to the first place that takes it, and drops older caches of the same bundle there. */
function writeCache(candidates: string[], script: vm.Script): void {
  let data: Buffer;
  try {
    data = script.createCachedData();
  } catch {
    return;
  }
  for (const file of candidates) {
    const directory = path.dirname(file);
    const temporary = `${file}.${process.pid}.tmp`;
    try {
      fs.mkdirSync(directory, { recursive: true });
      fs.writeFileSync(temporary, data);
      fs.renameSync(temporary, file);
    } catch {
      try {
        fs.rmSync(temporary, { force: true });
      } catch {
        // nothing to clean up
      }
      continue;
    }
    dropStale(directory, path.basename(file));
    return;
  }
}

/** Removes the caches of earlier builds of the same bundle for the same V8 (another V8's, such as VS Code's, stay). */
function dropStale(directory: string, kept: string): void {
  const bundleName = kept.slice(0, kept.indexOf('-bundle-') + '-bundle-'.length);
  const v8 = kept.slice(kept.indexOf('-v8-'));
  try {
    for (const name of fs.readdirSync(directory)) {
      if (name !== kept && name.startsWith(bundleName) && name.endsWith(v8)) fs.rmSync(path.join(directory, name), { force: true });
    }
  } catch {
    // a stale cache only takes room
  }
}
