/** The built CLI (dist/cli.js) run as a process: exit codes and all three formats. */
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

let workspace: string;

function lexicite(...args: string[]): Run {
  const result = spawnSync(process.execPath, [path.join(DIST, 'cli.js'), ...args], { cwd: workspace, encoding: 'utf8' });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

function write(relative: string, text: string): void {
  const file = path.join(workspace, relative);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, text);
}

beforeAll(() => {
  workspace = fs.mkdtempSync(path.join(os.tmpdir(), 'lexicite-cli-'));
  // Each sentence cites a source, so that only what a test is about is reported.
  write('drafts/clean.md', '# Clean\n\nThe embargo dates from Resolution 1718 (2006).[^1]\n\n[^1]: The official record.\n');
  write('drafts/wrong-year.md', '# Wrong\n\nThe embargo dates from resolution 1718 (2009).[^1]\n\n[^1]: The official record.\n');
  write('drafts/nested/plain.md', 'No references at all.\n');
  write('drafts/notes.txt', 'Resolution 1718 (2001) in a text file is not checked in folders.\n');
  write('drafts/.hidden/skip.md', 'Resolution 1718 (2001)\n');
  write('empty/README.txt', 'nothing here\n');
});

afterAll(() => {
  fs.rmSync(workspace, { recursive: true, force: true });
});

describe('lexicite check', () => {
  it('exits 0 and prints linter-style text when no error is found', () => {
    const run = lexicite('check', 'drafts/clean.md');
    expect(run.status).toBe(0);
    expect(run.stderr).toBe('');
    expect(run.stdout).toBe(
      'drafts/clean.md:3:24 reference instrument unscr-1718 "Resolution 1718 (2006)"\n' +
        '1 file checked: 1 reference, 0 errors, 0 warnings, 0 other diagnostics\n',
    );
  });

  it('exits 1 when an error-severity diagnostic is found', () => {
    const run = lexicite('check', 'drafts/wrong-year.md');
    expect(run.status).toBe(1);
    expect(run.stdout).toContain('drafts/wrong-year.md:3:41 error year-mismatch S/RES/1718 (2006) was adopted on 14 October 2006, not in 2009');
  });

  it('searches folders recursively for *.md, skipping hidden folders', () => {
    const run = lexicite('check', '--format', 'json', 'drafts');
    expect(run.status).toBe(1);
    const report = JSON.parse(run.stdout) as { files: Array<{ path: string }> };
    expect(report.files.map((file) => file.path)).toEqual(['drafts/clean.md', 'drafts/nested/plain.md', 'drafts/wrong-year.md']);
  });

  it('prints exactly the documented JSON shape', () => {
    const run = lexicite('check', '--format', 'json', 'drafts/wrong-year.md');
    expect(JSON.parse(run.stdout)).toEqual({
      version: 1,
      files: [
        {
          path: 'drafts/wrong-year.md',
          references: [
            {
              kind: 'instrument',
              id: 'unscr-1718',
              text: 'resolution 1718 (2009)',
              range: { start: { line: 2, character: 23 }, end: { line: 2, character: 45 } },
            },
          ],
          diagnostics: [
            {
              code: 'year-mismatch',
              severity: 'error',
              message: 'S/RES/1718 (2006) was adopted on 14 October 2006, not in 2009: write (2006).',
              range: { start: { line: 2, character: 40 }, end: { line: 2, character: 44 } },
            },
          ],
        },
      ],
    });
  });

  it('prints SARIF 2.1.0 with the diagnostic codes as rule ids', () => {
    const run = lexicite('check', '-f', 'sarif', 'drafts/wrong-year.md', 'drafts/clean.md');
    expect(run.status).toBe(1);
    const sarif = JSON.parse(run.stdout) as {
      version: string;
      runs: Array<{
        tool: { driver: { name: string; rules: Array<{ id: string }> } };
        columnKind: string;
        results: Array<{ ruleId: string; level: string; locations: Array<{ physicalLocation: { artifactLocation: { uri: string }; region: Record<string, number> } }> }>;
      }>;
    };
    expect(sarif.version).toBe('2.1.0');
    const [runEntry] = sarif.runs;
    expect(runEntry?.tool.driver.name).toBe('Lexicite');
    expect(runEntry?.tool.driver.rules.map((rule) => rule.id)).toContain('year-mismatch');
    expect(runEntry?.columnKind).toBe('utf16CodeUnits');
    expect(runEntry?.results).toHaveLength(1);
    expect(runEntry?.results[0]).toMatchObject({
      ruleId: 'year-mismatch',
      level: 'error',
      locations: [{ physicalLocation: { artifactLocation: { uri: 'drafts/wrong-year.md' }, region: { startLine: 3, startColumn: 41, endLine: 3, endColumn: 45 } } }],
    });
  });

  it('names a missing file, still checks the others and exits 2', () => {
    const run = lexicite('check', '--format', 'json', 'drafts/missing.md', 'drafts/clean.md');
    expect(run.status).toBe(2);
    expect(run.stderr).toBe('lexicite: cannot read drafts/missing.md: no such file or directory\n');
    const report = JSON.parse(run.stdout) as { files: Array<{ path: string }> };
    expect(report.files.map((file) => file.path)).toEqual(['drafts/clean.md']);
  });

  it('exits 2 for a folder without Markdown files', () => {
    const run = lexicite('check', 'empty');
    expect(run.status).toBe(2);
    expect(run.stderr).toBe('lexicite: no Markdown (*.md) files found in empty\n');
  });

  it('exits 2 with usage for a missing command, unknown command, unknown format or no path', () => {
    for (const args of [[], ['lint', 'x.md'], ['check', '--format', 'xml', 'drafts/clean.md'], ['check'], ['check', '--bogus', 'x.md']]) {
      const run = lexicite(...args);
      expect(run.status, args.join(' ')).toBe(2);
      expect(run.stderr, args.join(' ')).toMatch(/^lexicite: /);
      expect(run.stdout, args.join(' ')).toBe('');
    }
  });

  it('prints help and version', () => {
    const help = lexicite('--help');
    expect(help.status).toBe(0);
    expect(help.stdout).toContain('Usage: lexicite check [--format text|json|sarif] [--packs GLOB]... [--no-packs] PATH...');
    const version = lexicite('--version');
    expect(version.status).toBe(0);
    const { version: packageVersion } = JSON.parse(fs.readFileSync(path.join(DIST, '..', 'package.json'), 'utf8')) as { version: string };
    expect(version.stdout).toBe(`lexicite ${packageVersion}\n`);
  });
});

describe('the README', () => {
  it("shows the CLI's real output for the example draft", () => {
    const root = path.join(DIST, '..');
    const readme = fs.readFileSync(path.join(root, 'README.md'), 'utf8');
    const block = /\$ node dist\/cli\.js check examples\/sanctions-brief\.md\n([\s\S]*?)```/.exec(readme)?.[1];
    expect(block).toBeDefined();
    const shown = (block ?? '').split('\n').filter((line) => line && line !== '…');
    expect(shown.length).toBeGreaterThan(3);
    const run = spawnSync(process.execPath, [path.join(DIST, 'cli.js'), 'check', 'examples/sanctions-brief.md'], { cwd: root, encoding: 'utf8' });
    expect(run.status).toBe(1);
    const actual = run.stdout.split('\n');
    for (const line of shown) expect(actual).toContain(line);
  });
});

describe('lexicite check with source packs', () => {
  let packWorkspace: string;
  const run = (...args: string[]): Run => {
    const result = spawnSync(process.execPath, [path.join(DIST, 'cli.js'), ...args], { cwd: packWorkspace, encoding: 'utf8' });
    return { status: result.status, stdout: result.stdout, stderr: result.stderr };
  };

  beforeAll(() => {
    packWorkspace = fs.mkdtempSync(path.join(os.tmpdir(), 'lexicite-packs-'));
    fs.mkdirSync(path.join(packWorkspace, '.lexicite'));
    fs.copyFileSync(FICTIONAL_RESOLUTION_PACK_FILE, path.join(packWorkspace, '.lexicite', 'good.json'));
    fs.writeFileSync(path.join(packWorkspace, '.lexicite', 'broken.json'), '{\n  "instruments": [ { "id": 42 } ]\n}\n');
    fs.writeFileSync(path.join(packWorkspace, 'draft.md'), 'Resolution 9001 (2030) and resolution 1718 (2006).[^1]\n\n[^1]: The official records.\n');
  });

  afterAll(() => {
    fs.rmSync(packWorkspace, { recursive: true, force: true });
  });

  it('loads .lexicite/*.json, reports a broken pack as a file with source-pack diagnostics, and uses the valid one', () => {
    const result = run('check', '--format', 'json', 'draft.md');
    expect(result.status).toBe(1);
    const report = JSON.parse(result.stdout) as { files: Array<{ path: string; references: Array<{ id: string }>; diagnostics: Array<{ code: string; severity: string; message: string; range: unknown }> }> };
    expect(report.files.map((file) => file.path)).toEqual(['.lexicite/broken.json', 'draft.md']);
    const [broken, draft] = report.files;
    expect(broken?.diagnostics.map((diagnostic) => [diagnostic.code, diagnostic.severity, diagnostic.message])).toContainEqual([
      'source-pack',
      'error',
      '$.instruments[0].id: must be string',
    ]);
    expect(broken?.diagnostics.find((diagnostic) => diagnostic.message.startsWith('$.instruments[0].id'))?.range).toEqual({
      start: { line: 1, character: 27 },
      end: { line: 1, character: 29 },
    });
    expect(draft?.references.map((reference) => reference.id)).toEqual(['unscr-9001', 'unscr-1718']);
    expect(draft?.diagnostics.map((diagnostic) => diagnostic.message)).toEqual([
      'S/RES/9001 (2031) was adopted on 1 May 2031, not in 2030: write (2031).',
    ]);
  });

  it('loads only the packs named with --packs, or none with --no-packs', () => {
    const onlyGood = JSON.parse(run('check', '--format', 'json', '--packs', '.lexicite/good.json', 'draft.md').stdout) as { files: Array<{ path: string }> };
    expect(onlyGood.files.map((file) => file.path)).toEqual(['draft.md']);
    const none = run('check', '--no-packs', 'draft.md');
    expect(none.status).toBe(0);
    expect(none.stdout).not.toContain('unscr-9001');
    expect(none.stdout).toContain('unscr-1718');
  });

  it('prints pack problems in text output like any other diagnostic', () => {
    const result = run('check', 'draft.md');
    expect(result.stdout).toContain('.lexicite/broken.json:2:28 error source-pack $.instruments[0].id: must be string');
  });
});
