/** `lexicite toa` in the built CLI (dist/cli.js) run as a process: the table, source packs, --out, refusals, exit codes. */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIST, FICTIONAL_RESOLUTION_PACK_FILE } from '../helpers';

interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
}

const CLI = path.join(DIST, 'cli.js');
let workspace: string;

function lexicite(...args: string[]): Run {
  const result = spawnSync(process.execPath, [CLI, ...args], { cwd: workspace, encoding: 'utf8' });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

const read = (relative: string): string => fs.readFileSync(path.join(workspace, relative), 'utf8');

const DRAFT = [
  '# Sanctions',
  '',
  'UNSCR 1874 widened the embargo; paragraph 8(d) of resolution 1718 froze assets.',
  'A fictional UNSCR 9001 comes from the workspace source pack.',
  '',
  '## Assistance',
  '',
  'Article 16 of ARSIWA, and Article 4 of the 2024 treaty. Article 99 of the 2024 treaty is not there.',
  'Vladimir Putin signed it.',
  '',
].join('\n');

const TABLE = String.raw`# Table of authorities

## Security Council resolutions

### Security Council resolution 1718 \(2006\), S/RES/1718 \(2006\), adopted 14 October 2006

- Paragraph 8\(d\): Sanctions (line 3)

### Security Council resolution 1874 \(2009\), S/RES/1874 \(2009\), adopted 12 June 2009

Cited in: Sanctions (line 3)

### Security Council resolution 9001 \(2031\) \(test data\), S/RES/9001 \(2031\), adopted 1 May 2031

Cited in: Sanctions (line 4)

## Treaties

### Treaty on Comprehensive Strategic Partnership between the Russian Federation and the Democratic People's Republic of Korea, signed 19 June 2024

- Article 4: Assistance (line 8)
- Article 99 (no such provision): Assistance (line 8)

## ILC articles

### Responsibility of States for Internationally Wrongful Acts, Annex to UN General Assembly resolution 56/83 \(A/RES/56/83\); ILC text in Yearbook of the International Law Commission, 2001, vol\. II, Part Two, adopted 12 December 2001

- Article 16: Assistance (line 8)

## Officials named

- Vladimir Putin (Russia): Assistance (line 9)
`;

beforeAll(() => {
  workspace = fs.mkdtempSync(path.join(os.tmpdir(), 'lexicite-toa-'));
  fs.writeFileSync(path.join(workspace, 'memo.md'), DRAFT);
  fs.mkdirSync(path.join(workspace, '.lexicite'));
  fs.copyFileSync(FICTIONAL_RESOLUTION_PACK_FILE, path.join(workspace, '.lexicite', 'fictional.json'));
});

afterAll(() => {
  fs.rmSync(workspace, { recursive: true, force: true });
});

describe('lexicite toa', () => {
  it('prints the table of authorities of a draft, with the workspace source packs loaded', () => {
    const run = lexicite('toa', 'memo.md');
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(run.stdout).toBe(TABLE);
  });

  it('loads no packs with --no-packs, and takes a title', () => {
    const run = lexicite('toa', '--no-packs', '--title', 'Authorities of the memo', 'memo.md');
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout.startsWith('# Authorities of the memo\n')).toBe(true);
    // Without the pack, UNSCR 9001 is a Security Council resolution newer than the bundled index: its number is all that is known.
    expect(run.stdout).toContain('### Security Council resolution 9001, adopted date not known');
    expect(run.stdout).not.toContain('(test data)');
  });

  it('writes --out, and refuses to overwrite it without --force', () => {
    const first = lexicite('toa', 'memo.md', '--out', 'out/toa.md');
    expect(first.status, first.stderr).toBe(0);
    expect(first.stdout).toBe('');
    expect(first.stderr).toBe('lexicite toa: wrote out/toa.md\n');
    expect(read('out/toa.md')).toBe(TABLE);

    fs.writeFileSync(path.join(workspace, 'out/toa.md'), 'mine\n');
    const again = lexicite('toa', 'memo.md', '--out', 'out/toa.md');
    expect(again.status).toBe(2);
    expect(again.stderr).toBe('lexicite toa: out/toa.md already exists; nothing was written (use --force to replace it)\n');
    expect(read('out/toa.md')).toBe('mine\n');

    const forced = lexicite('toa', '--force', 'memo.md', '--out', 'out/toa.md');
    expect(forced.status, forced.stderr).toBe(0);
    expect(read('out/toa.md')).toBe(TABLE);
  });

  it('reports usage and I/O errors with exit code 2', () => {
    const missing = lexicite('toa', 'nowhere.md');
    expect(missing.status).toBe(2);
    expect(missing.stderr).toBe('lexicite toa: cannot read nowhere.md: no such file or directory\n');
    expect(missing.stdout).toBe('');

    const none = lexicite('toa');
    expect(none.status).toBe(2);
    expect(none.stderr).toMatch(/^lexicite toa: missing FILE: the Markdown draft\n\nUsage: lexicite toa /);

    const two = lexicite('toa', 'memo.md', 'memo.md');
    expect(two.status).toBe(2);
    expect(two.stderr).toMatch(/^lexicite toa: one FILE at a time/);

    const unknown = lexicite('toa', '--bogus', 'memo.md');
    expect(unknown.status).toBe(2);
    expect(unknown.stderr).toMatch(/^lexicite toa: .*--bogus/);

    const directory = lexicite('toa', '.lexicite');
    expect(directory.status).toBe(2);
    expect(directory.stderr).toBe('lexicite toa: cannot read .lexicite: is a directory\n');
  });

  it('prints its usage with --help', () => {
    const run = lexicite('toa', '--help');
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/^Usage: lexicite toa /);
  });
});
