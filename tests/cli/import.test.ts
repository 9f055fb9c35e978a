/** `lexicite import` in the built CLI (dist/cli.js) run as a process: output file, refusals, exit codes. */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIST, REPO_ROOT } from '../helpers';

interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
}

const FIXTURES = path.join(REPO_ROOT, 'tests', 'import-fixtures');
let workspace: string;

function lexicite(...args: string[]): Run {
  const result = spawnSync(process.execPath, [path.join(DIST, 'cli.js'), ...args], { cwd: workspace, encoding: 'utf8' });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

function fixture(name: string): { args: string[]; pack: unknown } {
  const request = JSON.parse(fs.readFileSync(path.join(FIXTURES, `${name}.request.json`), 'utf8')) as Record<string, string>;
  const expected = JSON.parse(fs.readFileSync(path.join(FIXTURES, `${name}.expected.json`), 'utf8')) as { pack?: unknown };
  const args = ['--id', request.id as string, '--title', request.title as string, '--url', request.url as string];
  if (request.date) args.push('--date', request.date);
  return { args, pack: expected.pack };
}

const read = (relative: string): string => fs.readFileSync(path.join(workspace, relative), 'utf8');
const exists = (relative: string): boolean => fs.existsSync(path.join(workspace, relative));

beforeAll(() => {
  workspace = fs.mkdtempSync(path.join(os.tmpdir(), 'lexicite-import-'));
  for (const name of ['treaty-lighthouse', 'resolution-beacons', 'convention-kites-crlf', 'malformed-memo']) {
    fs.copyFileSync(path.join(FIXTURES, `${name}.txt`), path.join(workspace, `${name}.txt`));
  }
});

afterAll(() => {
  fs.rmSync(workspace, { recursive: true, force: true });
});

describe('lexicite import', () => {
  const treaty = fixture('treaty-lighthouse');

  it('writes .lexicite/<id>.json, creating the folder, and reports the warnings on stderr', () => {
    expect(exists('.lexicite')).toBe(false);
    const run = lexicite('import', ...treaty.args, 'treaty-lighthouse.txt');
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toBe('');
    expect(JSON.parse(read('.lexicite/lighthouse-treaty-2030.json'))).toEqual(treaty.pack);
    expect(read('.lexicite/lighthouse-treaty-2030.json').endsWith('}\n')).toBe(true);
    expect(run.stderr).toContain('lexicite import: warning: Removed 2 form feeds (page breaks).\n');
    expect(run.stderr).toContain('lexicite import: warning: Removed 3 page-number lines ("- 1 -", "- 2 -", "- 3 -"; lines 32, 63, 90).\n');
    expect(run.stderr).toContain('lexicite import: warning: Joined 2 lines ending in a hyphen');
    expect(run.stderr).toMatch(/lexicite import: wrote \.lexicite\/lighthouse-treaty-2030\.json: 9 provisions of treaty "lighthouse-treaty-2030" \(7 articles\)\n$/);
  });

  it('refuses to overwrite an existing file without --force (exit 2, nothing lost)', () => {
    fs.writeFileSync(path.join(workspace, '.lexicite/lighthouse-treaty-2030.json'), '{"instruments": []}\n');
    const run = lexicite('import', ...treaty.args, 'treaty-lighthouse.txt');
    expect(run.status).toBe(2);
    expect(run.stderr).toBe(
      'lexicite import: .lexicite/lighthouse-treaty-2030.json already exists; nothing was written (use --force to replace it, or --out to write elsewhere)\n',
    );
    expect(read('.lexicite/lighthouse-treaty-2030.json')).toBe('{"instruments": []}\n');
  });

  it('replaces it with --force', () => {
    const run = lexicite('import', '--force', ...treaty.args, 'treaty-lighthouse.txt');
    expect(run.status, run.stderr).toBe(0);
    expect(JSON.parse(read('.lexicite/lighthouse-treaty-2030.json'))).toEqual(treaty.pack);
  });

  it('prints the pack with --stdout and writes nothing', () => {
    const resolution = fixture('resolution-beacons');
    const run = lexicite('import', '--stdout', ...resolution.args, 'resolution-beacons.txt');
    expect(run.status, run.stderr).toBe(0);
    expect(JSON.parse(run.stdout)).toEqual(resolution.pack);
    expect(run.stderr).toContain('lexicite import: warning: Removed 2 document-symbol running heads ("S/RES/9901 (2031)"; lines 33, 46).\n');
    expect(exists('.lexicite/unscr-9901.json')).toBe(false);
  });

  it('writes where --out says, creating folders', () => {
    const kites = fixture('convention-kites-crlf');
    const run = lexicite('import', '--out', 'packs/nested/kites.json', ...kites.args, 'convention-kites-crlf.txt');
    expect(run.status, run.stderr).toBe(0);
    expect(JSON.parse(read('packs/nested/kites.json'))).toEqual(kites.pack);
    expect(run.stderr).toContain('lexicite import: wrote packs/nested/kites.json: ');
  });

  it('reads a UTF-8 file with a byte-order mark and CRLF line ends', () => {
    const kites = fixture('convention-kites-crlf');
    fs.mkdirSync(path.join(workspace, 'bom'), { recursive: true });
    fs.writeFileSync(path.join(workspace, 'bom', 'convention-kites-crlf.txt'), `\uFEFF${read('convention-kites-crlf.txt')}`);
    expect(read('bom/convention-kites-crlf.txt')).toMatch(/^\uFEFFCONVENTION[^\n]*\r\n/);
    const run = lexicite('import', '--stdout', ...kites.args, 'bom/convention-kites-crlf.txt');
    expect(run.status, run.stderr).toBe(0);
    expect(JSON.parse(run.stdout)).toEqual(kites.pack);
  });

  it('names a missing file (exit 2)', () => {
    const run = lexicite('import', ...treaty.args, 'missing.txt');
    expect(run.status).toBe(2);
    expect(run.stderr).toBe('lexicite import: cannot read missing.txt: no such file or directory\n');
  });

  it('rejects a text without structure (exit 2, nothing written)', () => {
    const memo = fixture('malformed-memo');
    const run = lexicite('import', ...memo.args, 'malformed-memo.txt');
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/^lexicite import: malformed-memo\.txt: the structure was not recognised: /);
    expect(exists('.lexicite/sandbar-memo.json')).toBe(false);
  });

  it('rejects an invalid id (exit 2)', () => {
    const run = lexicite('import', '--id', 'Lighthouse Treaty', '--title', 'T', '--url', 'https://example.org/t.pdf', 'treaty-lighthouse.txt');
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/^lexicite import: treaty-lighthouse\.txt: invalid id "Lighthouse Treaty": use lowercase letters/);
  });

  it('reports usage errors (exit 2)', () => {
    const missingId = lexicite('import', '--title', 'T', 'treaty-lighthouse.txt');
    expect(missingId.status).toBe(2);
    expect(missingId.stderr).toMatch(/^lexicite import: missing --id\n\nUsage: lexicite import/);
    const missingFile = lexicite('import', '--id', 'x', '--title', 'T');
    expect(missingFile.status).toBe(2);
    expect(missingFile.stderr).toMatch(/^lexicite import: missing FILE/);
    const unknownOption = lexicite('import', '--colour', 'red', ...treaty.args, 'treaty-lighthouse.txt');
    expect(unknownOption.status).toBe(2);
    expect(unknownOption.stderr).toMatch(/^lexicite import: Unknown option '--colour'/);
    const both = lexicite('import', '--stdout', '--out', 'x.json', ...treaty.args, 'treaty-lighthouse.txt');
    expect(both.status).toBe(2);
    expect(both.stderr).toMatch(/^lexicite import: --out and --stdout cannot be used together/);
  });

  it('imports the text of a built-in instrument as its provisions, with no --title', () => {
    // A placeholder, not the treaty's words: the test is about where the provisions go.
    fs.writeFileSync(path.join(workspace, 'treaty-2024-placeholder.txt'), 'Article 18\nPlaceholder sentence standing in for the eighteenth article.\n');
    const run = lexicite('import', '--id', 'rus-dprk-2024', '--url', 'https://example.org/treaty.pdf', 'treaty-2024-placeholder.txt');
    expect(run.status, run.stderr).toBe(0);
    expect(run.stderr).toMatch(/is built in, and a pack cannot redefine it: the 1 provision read from the text is given to it/);
    expect(run.stderr).toMatch(/wrote \.lexicite\/rus-dprk-2024\.json: 1 provision of the built-in "rus-dprk-2024"\n$/);
    const pack = JSON.parse(read('.lexicite/rus-dprk-2024.json')) as { instruments: unknown[]; provisions: Array<{ instrument: string; id: string }> };
    expect(pack.instruments).toEqual([]);
    expect(pack.provisions.map((provision) => [provision.instrument, provision.id])).toEqual([['rus-dprk-2024', 'rus-dprk-2024/art-18']]);
    const untitled = lexicite('import', '--id', 'lighthouse-treaty-2030', 'treaty-lighthouse.txt');
    expect(untitled.status).toBe(2);
    expect(untitled.stderr).toMatch(/^lexicite import: missing --title \(only a built-in instrument's id needs none\)/);
  });

  it('prints its help with --help (exit 0)', () => {
    const run = lexicite('import', '--help');
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/^Usage: lexicite import --id ID --title TITLE \[--url URL\] \[options\] FILE\n/);
  });
});
