/**
 * `lexicite check` reports what the language server publishes: the same codes, severities,
 * messages and ranges, on every rule fixture.
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DidOpenTextDocumentNotification } from 'vscode-languageserver-protocol/node';
import { DIST, markdownFiles, REPO_ROOT } from '../helpers';
import { startInitializedServer, type ServerUnderTest } from './lsp-client';

const RULES_DIR = path.join(REPO_ROOT, 'tests', 'rules');
const SEVERITY = ['', 'error', 'warning', 'information', 'hint'];
let server: ServerUnderTest;

beforeAll(async () => {
  ({ server } = await startInitializedServer());
});

afterAll(() => {
  if (server.process.exitCode === null) server.process.kill();
});

describe('CLI and server parity', () => {
  const fixtures = markdownFiles(RULES_DIR);

  it('has fixtures to compare', () => {
    expect(fixtures.length).toBeGreaterThan(10);
  });

  it('reports the same diagnostics for every rule fixture', async () => {
    const run = spawnSync(process.execPath, [path.join(DIST, 'cli.js'), 'check', '--no-packs', '--format', 'json', ...fixtures], { cwd: RULES_DIR, encoding: 'utf8' });
    const report = JSON.parse(run.stdout) as { files: Array<{ path: string; diagnostics: Array<{ code: string; severity: string; message: string; range: unknown }> }> };
    for (const fixture of fixtures) {
      const file = path.join(RULES_DIR, fixture);
      const uri = pathToFileURL(file).toString();
      await server.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId: 'markdown', version: 1, text: fs.readFileSync(file, 'utf8') } });
      const published = (await server.nextDiagnostics(uri)).diagnostics.map((diagnostic) => ({
        code: diagnostic.code,
        severity: SEVERITY[diagnostic.severity ?? 0],
        message: diagnostic.message,
        range: diagnostic.range,
      }));
      const fromCli = report.files.find((entry) => entry.path === fixture.split(path.sep).join('/'))?.diagnostics;
      expect(fromCli, fixture).toBeDefined();
      expect(published, fixture).toEqual(fromCli);
    }
  });
});
