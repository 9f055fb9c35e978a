/**
 * dist/cli.js and dist/server.js start their bundles with V8's code cache
 * (server/src/boot/code-cache.ts). The cache must never change what a command does: with a
 * cache, without one, with a broken one or with nowhere to write one, the output is the
 * bundle's own.
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIST, REPO_ROOT } from '../helpers';

const DRAFT = path.join(REPO_ROOT, 'examples', 'sanctions-brief.md');
let scratch: string;

function run(script: string, env: Record<string, string>): { status: number | null; stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, [path.join(DIST, script), 'check', '--no-packs', '--format', 'json', DRAFT], {
    cwd: scratch,
    encoding: 'utf8',
    env: { ...process.env, ...env },
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

function cacheFiles(directory: string): string[] {
  return fs.existsSync(directory) ? fs.readdirSync(directory).filter((name) => name.endsWith('.cache')) : [];
}

let expected: { status: number | null; stdout: string };

beforeAll(() => {
  scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'lexicite-code-cache-'));
  const direct = run('cli-bundle.js', {});
  expected = { status: direct.status, stdout: direct.stdout };
  expect(direct.stdout).toContain('"references"');
});

afterAll(() => {
  fs.rmSync(scratch, { recursive: true, force: true });
});

describe('the code cache of dist/cli.js', () => {
  it('is written on the first run and read, unchanged, on the next; the output is the bundle’s', () => {
    const directory = path.join(scratch, 'cache-a');
    const first = run('cli.js', { LEXICITE_CODE_CACHE_DIR: directory });
    expect({ status: first.status, stdout: first.stdout }).toEqual(expected);
    const files = cacheFiles(directory);
    expect(files).toHaveLength(1);
    expect(files[0]).toMatch(/^cli-bundle-\d+-\d+-v8-.+\.cache$/);
    const written = fs.readFileSync(path.join(directory, files[0] as string));
    expect(written.length).toBeGreaterThan(10_000);

    const second = run('cli.js', { LEXICITE_CODE_CACHE_DIR: directory });
    expect({ status: second.status, stdout: second.stdout }).toEqual(expected);
    // Accepted by V8, so not written again.
    expect(cacheFiles(directory)).toEqual(files);
    expect(fs.readFileSync(path.join(directory, files[0] as string)).equals(written)).toBe(true);
  });

  it('replaces a broken cache, and the output is still the bundle’s', () => {
    const directory = path.join(scratch, 'cache-b');
    run('cli.js', { LEXICITE_CODE_CACHE_DIR: directory });
    const [name] = cacheFiles(directory);
    const file = path.join(directory, name as string);
    const garbage = Buffer.alloc(4096, 0x5a);
    fs.writeFileSync(file, garbage);
    const broken = run('cli.js', { LEXICITE_CODE_CACHE_DIR: directory });
    expect({ status: broken.status, stdout: broken.stdout }).toEqual(expected);
    expect(fs.readFileSync(file).equals(garbage)).toBe(false);
    expect(fs.readFileSync(file).length).toBeGreaterThan(10_000);
  });

  it('writes nothing when turned off, and runs where it cannot write', () => {
    const off = path.join(scratch, 'cache-off');
    const quiet = run('cli.js', { LEXICITE_CODE_CACHE_DIR: off, LEXICITE_CODE_CACHE: '0' });
    expect({ status: quiet.status, stdout: quiet.stdout }).toEqual(expected);
    expect(fs.existsSync(off)).toBe(false);

    // A file where the directory should be: nothing can be written there.
    const blocked = path.join(scratch, 'not-a-directory');
    fs.writeFileSync(blocked, 'in the way');
    const unwritable = run('cli.js', { LEXICITE_CODE_CACHE_DIR: blocked });
    expect({ status: unwritable.status, stdout: unwritable.stdout }).toEqual(expected);
    expect(unwritable.stderr).toBe('');
    expect(fs.readFileSync(blocked, 'utf8')).toBe('in the way');
  });
});

describe('the starter dist/cli.js', () => {
  // The build makes the bundles ASCII, and the starter reads an ASCII bundle as Latin-1; a
  // bundle with other bytes (one built some other way) must still be read as UTF-8.
  it('reads a bundle with non-ASCII bytes as UTF-8, and an ASCII one as the same text', () => {
    const directory = path.join(scratch, 'starter');
    fs.mkdirSync(directory);
    fs.copyFileSync(path.join(DIST, 'cli.js'), path.join(directory, 'cli.js'));
    const say = (bundle: string): string => {
      fs.writeFileSync(path.join(directory, 'cli-bundle.js'), bundle);
      const result = spawnSync(process.execPath, [path.join(directory, 'cli.js')], { encoding: 'utf8', env: { ...process.env, LEXICITE_CODE_CACHE: '0' } });
      expect(result.stderr).toBe('');
      return result.stdout;
    };
    expect(say('process.stdout.write(/[’é]+…/.exec("x’é…")[0] + " — 2231");\n')).toBe('’é… — 2231');
    expect(say('process.stdout.write(/[\\u2019\\u00e9]+\\u2026/.exec("x\\u2019\\u00e9\\u2026")[0] + " \\u2014 2231");\n')).toBe('’é… — 2231');
  });
});
