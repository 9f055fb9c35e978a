/**
 * Pulled diagnostics (LSP 3.17 textDocument/diagnostic) through the real protocol, for a
 * client that declares it can pull, as VS Code does: the server pushes nothing for the draft,
 * answers with a result id, says "unchanged" when an edit changed none of the diagnostics,
 * sends the full report when one changed, and a diagnostic the client kept from an earlier
 * version still gets its quick fixes. Clients that cannot pull keep getting pushed
 * diagnostics (every other protocol test is such a client).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  CodeActionRequest,
  DocumentDiagnosticRequest,
  DidChangeTextDocumentNotification,
  DidOpenTextDocumentNotification,
  DocumentDiagnosticReportKind,
  type CodeAction,
  type Diagnostic,
  type DocumentDiagnosticReport,
  type InitializeResult,
  type TextDocumentEdit,
  type TextEdit,
} from 'vscode-languageserver-protocol/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { startInitializedServer, type ServerUnderTest } from './lsp-client';

const URI = 'file:///workspace/pulled.md';
let server: ServerUnderTest;
let initialized: InitializeResult;
let version = 1;
let text = [
  '# Pulled',
  '',
  'The embargo dates from resolution 1718 (2009).[^1] Nothing else in this paragraph needs a source.',
  '',
  'A second paragraph, with no reference in it.',
  '',
  '[^1]: The official record.',
  '',
].join('\n');

async function pull(previousResultId?: string): Promise<DocumentDiagnosticReport> {
  return server.connection.sendRequest(DocumentDiagnosticRequest.type, { textDocument: { uri: URI }, ...(previousResultId ? { previousResultId } : {}) });
}

/** Inserts `inserted` at the start of `line` + `character`, as an editor sends a keystroke (an incremental change). */
async function type(line: number, character: number, inserted: string): Promise<void> {
  version += 1;
  const document = TextDocument.create(URI, 'markdown', version, text);
  const at = { line, character };
  text = TextDocument.applyEdits(document, [{ range: { start: at, end: at }, newText: inserted }]);
  await server.connection.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri: URI, version }, contentChanges: [{ range: { start: at, end: at }, text: inserted }] });
}

function full(report: DocumentDiagnosticReport): { resultId: string; items: Diagnostic[] } {
  expect(report.kind).toBe(DocumentDiagnosticReportKind.Full);
  if (report.kind !== DocumentDiagnosticReportKind.Full) throw new Error('not a full report');
  expect(typeof report.resultId).toBe('string');
  return { resultId: report.resultId as string, items: report.items };
}

beforeAll(async () => {
  ({ server, result: initialized } = await startInitializedServer({ capabilities: { textDocument: { diagnostic: { dynamicRegistration: false } } } }));
  await server.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri: URI, languageId: 'markdown', version, text } });
});

afterAll(() => {
  if (server.process.exitCode === null) server.process.kill();
});

describe('pulled diagnostics', () => {
  it('are offered to a client that can pull, and answered with a result id', async () => {
    expect(initialized.capabilities.diagnosticProvider).toMatchObject({ interFileDependencies: false, workspaceDiagnostics: false });
    const { items } = full(await pull());
    expect(items.map((item) => item.code)).toEqual(['year-mismatch']);
  });

  it('say "unchanged" after an edit that changed no diagnostic, and send them again after one that did', async () => {
    const first = full(await pull());
    // A word typed in the second paragraph: no diagnostic moves or changes.
    await type(4, 2, 'short ');
    const after = await pull(first.resultId);
    expect(after).toEqual({ kind: DocumentDiagnosticReportKind.Unchanged, resultId: first.resultId });

    // A word typed before the year on its line moves the diagnostic: the report is sent again.
    await type(2, 4, 'arms ');
    const moved = full(await pull(first.resultId));
    expect(moved.resultId).not.toBe(first.resultId);
    expect(moved.items).toHaveLength(1);
    expect(moved.items[0]?.range.start).toEqual({ line: 2, character: first.items[0]!.range.start.character + 'arms '.length });

    // A client that has no result id, or another one, gets the full report.
    expect(full(await pull()).items).toEqual(moved.items);
    expect(full(await pull('no such id')).resultId).toBe(moved.resultId);
  });

  it('fixes a diagnostic the client kept from an earlier version (an unchanged report)', async () => {
    const kept = full(await pull());
    await type(4, 0, 'Then: ');
    expect((await pull(kept.resultId)).kind).toBe(DocumentDiagnosticReportKind.Unchanged);
    const diagnostic = kept.items[0] as Diagnostic;
    const actions = ((await server.connection.sendRequest(CodeActionRequest.type, { textDocument: { uri: URI }, range: diagnostic.range, context: { diagnostics: [diagnostic] } })) ?? []) as CodeAction[];
    expect(actions.map((action) => action.title)).toEqual(['Change the year to 2006', 'Disable year-mismatch for this line']);
    const change = actions[0]?.edit?.documentChanges?.[0] as TextDocumentEdit;
    // The edit is for the current version, not the one the diagnostic was first reported for.
    expect(change.textDocument.version).toBe(version);
    text = TextDocument.applyEdits(TextDocument.create(URI, 'markdown', version, text), change.edits as TextEdit[]);
    expect(text).toContain('resolution 1718 (2006).[^1]');
    version += 1;
    await server.connection.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri: URI, version }, contentChanges: [{ text }] });
    expect(full(await pull(kept.resultId)).items).toEqual([]);
  });

  it('are not pushed to a client that pulls', async () => {
    // Every earlier step would have pushed diagnostics for the draft; a push would be waiting here.
    const pushed = await Promise.race([server.nextDiagnostics(URI), pull().then(() => 'pulled')]);
    expect(pushed).toBe('pulled');
  });
});
