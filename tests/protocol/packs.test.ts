/**
 * Source packs through the real protocol: the server loads a workspace folder's
 * .lexicite/*.json, publishes a broken pack's problems on the pack file, reloads when
 * files change, and loads nothing in an untrusted workspace until trust is granted.
 * The pack content is test data (a fictional resolution number).
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  DidChangeWatchedFilesNotification,
  DidOpenTextDocumentNotification,
  FileChangeType,
  HoverRequest,
  type Hover,
  type MarkupContent,
} from 'vscode-languageserver-protocol/node';
import { FICTIONAL_RESOLUTION_PACK_FILE } from '../helpers';
import { startInitializedServer, type ServerUnderTest } from './lsp-client';

const DRAFT = 'Resolution 9001 (2030) is cited here.[^1]\n\n[^1]: The official record.\n';

let folder: string;
let server: ServerUnderTest;
const uriOf = (relative: string): string => pathToFileURL(path.join(folder, relative)).toString();

async function start(workspaceTrusted: boolean): Promise<void> {
  ({ server } = await startInitializedServer({ folderUri: pathToFileURL(folder).toString(), workspaceTrusted }));
  await server.connection.sendNotification(DidOpenTextDocumentNotification.type, {
    textDocument: { uri: uriOf('draft.md'), languageId: 'markdown', version: 1, text: DRAFT },
  });
}

async function hoverText(): Promise<string | null> {
  const hover = (await server.connection.sendRequest(HoverRequest.type, {
    textDocument: { uri: uriOf('draft.md') },
    position: { line: 0, character: 3 },
  })) as Hover | null;
  return hover ? (hover.contents as MarkupContent).value : null;
}

beforeEach(() => {
  folder = fs.mkdtempSync(path.join(os.tmpdir(), 'lexicite-ws-'));
  fs.mkdirSync(path.join(folder, '.lexicite'));
  fs.copyFileSync(FICTIONAL_RESOLUTION_PACK_FILE, path.join(folder, '.lexicite', 'good.json'));
  fs.writeFileSync(path.join(folder, '.lexicite', 'broken.json'), '{ "officials": [ { "id": "x" } ] ');
  fs.writeFileSync(path.join(folder, 'draft.md'), DRAFT);
});

afterEach(() => {
  if (server.process.exitCode === null) server.process.kill();
  fs.rmSync(folder, { recursive: true, force: true });
});

describe('source packs in the language server', () => {
  it('publishes pack problems, uses the valid pack, and reloads when a pack changes on disk', async () => {
    await start(true);
    const broken = await server.nextDiagnostics(uriOf('.lexicite/broken.json'));
    expect(broken.diagnostics).toHaveLength(1);
    expect(broken.diagnostics[0]).toMatchObject({ code: 'source-pack', severity: 1, source: 'lexicite' });
    expect(broken.diagnostics[0]?.message).toMatch(/^\$: invalid JSON: /);

    const draft = await server.nextDiagnostics(uriOf('draft.md'), (params) => params.diagnostics.length > 0);
    expect(draft.diagnostics.map((diagnostic) => diagnostic.message)).toEqual(['S/RES/9001 (2031) was adopted on 1 May 2031, not in 2030: write (2031).']);
    expect(await hoverText()).toContain('S/RES/9001 \\(2031\\)');

    // Fix the broken pack on disk and tell the server: its diagnostics are cleared.
    server.forget(uriOf('.lexicite/broken.json'));
    fs.writeFileSync(path.join(folder, '.lexicite', 'broken.json'), '{ "officials": [] }');
    await server.connection.sendNotification(DidChangeWatchedFilesNotification.type, { changes: [{ uri: uriOf('.lexicite/broken.json'), type: FileChangeType.Changed }] });
    const fixed = await server.nextDiagnostics(uriOf('.lexicite/broken.json'));
    expect(fixed.diagnostics).toEqual([]);

    // Delete the good pack: the resolution it defined is no longer known.
    server.forget(uriOf('draft.md'));
    fs.rmSync(path.join(folder, '.lexicite', 'good.json'));
    await server.connection.sendNotification(DidChangeWatchedFilesNotification.type, { changes: [{ uri: uriOf('.lexicite/good.json'), type: FileChangeType.Deleted }] });
    const after = await server.nextDiagnostics(uriOf('draft.md'), (params) => params.diagnostics.length === 0);
    expect(after.diagnostics).toEqual([]);
    expect(await hoverText()).toBeNull();
  });

  it('loads no pack in an untrusted workspace until trust is granted', async () => {
    await start(false);
    const draft = await server.nextDiagnostics(uriOf('draft.md'));
    expect(draft.diagnostics).toEqual([]);
    expect(await hoverText()).toBeNull();

    await server.connection.sendNotification('lexicite/workspaceTrusted');
    const broken = await server.nextDiagnostics(uriOf('.lexicite/broken.json'));
    expect(broken.diagnostics.map((diagnostic) => diagnostic.code)).toEqual(['source-pack']);
    expect(await hoverText()).toContain('S/RES/9001');
  });
});
