/**
 * The manifest and the .vsix contents: the package carries only what the extension needs
 * at run time (the bundles, the corpus, the snippets, README, LICENSE and package.json).
 */
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../helpers';

interface Manifest {
  name: string;
  displayName: string;
  publisher: string;
  main: string;
  engines: { vscode: string };
  activationEvents: string[];
  bin: Record<string, string>;
  contributes: { snippets: Array<{ language: string; path: string }> };
  devDependencies: Record<string, string>;
}

const manifest = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8')) as Manifest;

describe('extension manifest', () => {
  it('names the extension and accepts VS Code 1.96', () => {
    expect(manifest.name).toBe('lexicite');
    expect(manifest.displayName).toBe('Lexicite');
    expect(manifest.publisher).toBeTruthy();
    const minimum = /^\^1\.(\d+)\.\d+$/.exec(manifest.engines.vscode);
    expect(minimum).not.toBeNull();
    expect(Number(minimum?.[1])).toBeLessThanOrEqual(96);
    // @types/vscode must not be newer than the oldest VS Code the extension accepts.
    expect(manifest.devDependencies['@types/vscode']).toBe(manifest.engines.vscode.replace('^', ''));
  });

  it('activates on Markdown and points main at the bundled client', () => {
    expect(manifest.activationEvents).toContain('onLanguage:markdown');
    expect(manifest.main).toBe('./dist/client.js');
    expect(manifest.contributes.snippets).toEqual([{ language: 'markdown', path: './snippets/markdown.json' }]);
  });

  it('has bin entries for the CLI and the stdio server', () => {
    expect(manifest.bin).toEqual({ lexicite: 'dist/cli.js', 'lexicite-language-server': 'dist/server.js' });
  });
});

describe('.vsix contents', () => {
  it('lists only run-time files', () => {
    const listing = execFileSync(process.execPath, [path.join(REPO_ROOT, 'node_modules', '@vscode', 'vsce', 'vsce'), 'ls', '--no-dependencies'], {
      cwd: REPO_ROOT,
      encoding: 'utf8',
    });
    const files = listing.split('\n').map((line) => line.trim()).filter(Boolean).sort();
    const unexpected = files.filter((file) => !/^(package\.json|README\.md|LICENSE|dist\/(client|server|cli|server-bundle|cli-bundle)\.js|data\/.+|snippets\/.+)$/.test(file));
    expect(unexpected).toEqual([]);
    for (const required of ['package.json', 'README.md', 'LICENSE', 'dist/client.js', 'dist/server.js', 'dist/cli.js', 'dist/server-bundle.js', 'dist/cli-bundle.js', 'snippets/markdown.json']) {
      expect(files).toContain(required);
    }
    expect(files.some((file) => file.startsWith('data/instruments/'))).toBe(true);
  });
});
