/**
 * The language server through the real protocol: the built bundle runs as a child
 * process and this test is its LSP client over stdio.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  DiagnosticSeverity,
  DidChangeTextDocumentNotification,
  DidOpenTextDocumentNotification,
  ExitNotification,
  HoverRequest,
  ShutdownRequest,
  type Hover,
  type InitializeResult,
  type MarkupContent,
} from 'vscode-languageserver-protocol/node';
import { startInitializedServer, type ServerUnderTest } from './lsp-client';

const URI = 'file:///workspace/draft.md';
const TEXT = [
  '# Draft',
  '',
  'The committee was set up by Resolution 1718 and later by UNSCR 1874 (2006).[^1]',
  '',
  '[^1]: The official records.',
].join('\n');

describe('language server over stdio', () => {
  let server: ServerUnderTest;
  let initializeResult: InitializeResult;

  beforeAll(async () => {
    ({ server, result: initializeResult } = await startInitializedServer());
    await server.connection.sendNotification(DidOpenTextDocumentNotification.type, {
      textDocument: { uri: URI, languageId: 'markdown', version: 1, text: TEXT },
    });
  });

  afterAll(() => {
    if (server.process.exitCode === null) server.process.kill();
  });

  it('answers initialize with its capabilities', () => {
    expect(initializeResult.capabilities.hoverProvider).toBe(true);
    expect(initializeResult.capabilities.textDocumentSync).toMatchObject({ openClose: true, change: 2 });
    expect(initializeResult.serverInfo?.name).toBe('lexicite-language-server');
  });

  it('publishes diagnostics on open', async () => {
    const published = await server.nextDiagnostics(URI, (params) => params.version === 1);
    expect(published.diagnostics).toHaveLength(1);
    const [diagnostic] = published.diagnostics;
    expect(diagnostic).toMatchObject({
      code: 'year-mismatch',
      severity: DiagnosticSeverity.Error,
      source: 'lexicite',
      range: { start: { line: 2, character: 69 }, end: { line: 2, character: 73 } },
    });
    expect(diagnostic?.message).toContain('12 June 2009');
  });

  it('answers hover over "Resolution 1718" with its symbol and date', async () => {
    const hover = (await server.connection.sendRequest(HoverRequest.type, {
      textDocument: { uri: URI },
      position: { line: 2, character: 35 },
    })) as Hover;
    const contents = hover.contents as MarkupContent;
    expect(contents.kind).toBe('markdown');
    expect(contents.value).toContain('S/RES/1718 \\(2006\\)');
    expect(contents.value).toContain('14 October 2006');
    expect(contents.value).toContain('<https://undocs.org/S/RES/1718(2006)>');
    expect(hover.range).toEqual({ start: { line: 2, character: 28 }, end: { line: 2, character: 43 } });
  });

  it('answers hover with null away from any reference', async () => {
    const hover = await server.connection.sendRequest(HoverRequest.type, {
      textDocument: { uri: URI },
      position: { line: 0, character: 2 },
    });
    expect(hover).toBeNull();
  });

  it('re-analyzes after an incremental change', async () => {
    // Replace the wrong year 2006 with 2009: the diagnostic goes away.
    await server.connection.sendNotification(DidChangeTextDocumentNotification.type, {
      textDocument: { uri: URI, version: 2 },
      contentChanges: [{ range: { start: { line: 2, character: 69 }, end: { line: 2, character: 73 } }, text: '2009' }],
    });
    const published = await server.nextDiagnostics(URI, (params) => params.version === 2);
    expect(published.diagnostics).toEqual([]);

    // Type a new wrong year at the end: a diagnostic appears at the right place.
    await server.connection.sendNotification(DidChangeTextDocumentNotification.type, {
      textDocument: { uri: URI, version: 3 },
      contentChanges: [{ range: { start: { line: 3, character: 0 }, end: { line: 3, character: 0 } }, text: 'See S/RES/2397 (2018).[^1]\n' }],
    });
    const again = await server.nextDiagnostics(URI, (params) => params.version === 3);
    expect(again.diagnostics.map((diagnostic) => [diagnostic.code, diagnostic.range.start])).toEqual([
      ['year-mismatch', { line: 3, character: 16 }],
    ]);
  });

  it('shuts down and exits cleanly', async () => {
    await server.connection.sendRequest(ShutdownRequest.type);
    await server.connection.sendNotification(ExitNotification.type);
    expect(await server.exited).toBe(0);
    expect(server.stderr()).toBe('');
  });
});
