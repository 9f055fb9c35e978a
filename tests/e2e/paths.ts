/** Where the end-to-end tests find VS Code, Chromium, the packaged extension and their output. */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
export const VSCODE_VERSION = '1.96.4';
/** Installed by tests/e2e/setup.mjs (same default and same override). */
export const VSCODE_DIR = process.env.LEXICITE_VSCODE_DIR
  ? path.resolve(process.env.LEXICITE_VSCODE_DIR)
  : path.join(REPO_ROOT, '.cache', `vscode-${VSCODE_VERSION}`);
export const CODE_SERVER_ENTRY = path.join(VSCODE_DIR, 'node_modules', 'code-server', 'out', 'node', 'entry.js');
export const CHROMIUM = '/usr/bin/chromium';
export const VSIX = path.join(REPO_ROOT, 'lexicite.vsix');
/** Screenshots and logs of failed scenarios, one folder per scenario. */
export const RESULTS_DIR = path.join(REPO_ROOT, 'test-results', 'e2e');

const manifest = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8')) as { name: string; publisher: string; version: string };
/** The extension's folder name once installed: publisher.name-version. */
export const EXTENSION_FOLDER = `${manifest.publisher}.${manifest.name}-${manifest.version}`;
/** The extension id, as in the log folder name. */
export const EXTENSION_ID = `${manifest.publisher}.${manifest.name}`;
