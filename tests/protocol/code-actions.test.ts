/**
 * Quick fixes through the real protocol: a diagnostic carries no data, its fixes are found
 * from its code, message and range; applying one removes the diagnostic; a diagnostic that no
 * longer stands gets no fix;
 * every diagnostic can be disabled for its line; codeDescription links to the rule's docs.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  CodeActionRequest,
  DidChangeTextDocumentNotification,
  DidOpenTextDocumentNotification,
  type CodeAction,
  type Diagnostic,
  type TextDocumentEdit,
  type TextEdit,
} from 'vscode-languageserver-protocol/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { startInitializedServer, type ServerUnderTest } from './lsp-client';

const URI = 'file:///workspace/fixes.md';
let server: ServerUnderTest;
let version = 1;
// Each sentence cites a source, so that only year-mismatch is reported.
const NOTE = ['', '[^1]: The official record.', ''];
let text = ['# Fixes', '', 'The ban dates from resolution 1718 (2009).[^1]', ...NOTE].join('\n');

async function actionsFor(diagnostic: Diagnostic): Promise<CodeAction[]> {
  return ((await server.connection.sendRequest(CodeActionRequest.type, {
    textDocument: { uri: URI },
    range: diagnostic.range,
    context: { diagnostics: [diagnostic] },
  })) ?? []) as CodeAction[];
}

function apply(action: CodeAction): { edits: TextEdit[]; version: number | null } {
  const change = action.edit?.documentChanges?.[0] as TextDocumentEdit;
  return { edits: change.edits as TextEdit[], version: change.textDocument.version };
}

async function change(newText: string): Promise<Diagnostic[]> {
  version += 1;
  text = newText;
  await server.connection.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri: URI, version }, contentChanges: [{ text }] });
  return (await server.nextDiagnostics(URI, (params) => params.version === version)).diagnostics;
}

beforeAll(async () => {
  ({ server } = await startInitializedServer());
  await server.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri: URI, languageId: 'markdown', version, text } });
});

afterAll(() => {
  if (server.process.exitCode === null) server.process.kill();
});

describe('quick fixes', () => {
  it('finds its fixes from the diagnostic alone, links its docs, and applying the fix removes the diagnostic', async () => {
    const [diagnostic] = (await server.nextDiagnostics(URI, (params) => params.version === 1)).diagnostics;
    expect(diagnostic?.code).toBe('year-mismatch');
    expect(diagnostic?.data).toBeUndefined();
    expect(diagnostic?.codeDescription?.href).toMatch(/^file:\/\/.*README\.md#year-mismatch$/);

    const actions = await actionsFor(diagnostic as Diagnostic);
    expect(actions.map((action) => action.title)).toEqual(['Change the year to 2006', 'Disable year-mismatch for this line']);
    const fix = apply(actions[0] as CodeAction);
    expect(fix.version).toBe(1);
    const fixed = TextDocument.applyEdits(TextDocument.create(URI, 'markdown', 1, text), fix.edits);
    expect(fixed).toBe(['# Fixes', '', 'The ban dates from resolution 1718 (2006).[^1]', ...NOTE].join('\n'));
    expect(await change(fixed)).toEqual([]);
  });

  it('refuses a fix computed for an older version of the document', async () => {
    const diagnostics = await change(['# Fixes', '', 'The ban dates from resolution 1718 (2011).[^1]', ...NOTE].join('\n'));
    const stale = diagnostics[0] as Diagnostic;
    await change(`More text.\n\n${text}`);
    expect(await actionsFor(stale)).toEqual([]);
  });

  it('disables a rule for one line with a comment above it', async () => {
    const [diagnostic] = await change(['# Fixes', '', '  The ban dates from resolution 1718 (2012).[^1]', ...NOTE].join('\n'));
    const disable = (await actionsFor(diagnostic as Diagnostic)).find((action) => action.title === 'Disable year-mismatch for this line') as CodeAction;
    const edited = TextDocument.applyEdits(TextDocument.create(URI, 'markdown', version, text), apply(disable).edits);
    expect(edited).toBe(['# Fixes', '', '  <!-- lexicite-disable-next-line year-mismatch -->', '  The ban dates from resolution 1718 (2012).[^1]', ...NOTE].join('\n'));
    expect(await change(edited)).toEqual([]);
  });

  it('reads the line and the line breaks of a draft edited change by change (CRLF), which the server never joins', async () => {
    await change(['# Fixes', '', 'The ban dates from resolution 1718 (2013).[^1]', ...NOTE].join('\r\n'));
    // Two incremental changes: indent the sentence's line, then widen the gap before the note.
    version += 1;
    await server.connection.sendNotification(DidChangeTextDocumentNotification.type, {
      textDocument: { uri: URI, version },
      contentChanges: [
        { range: { start: { line: 2, character: 0 }, end: { line: 2, character: 0 } }, text: '  ' },
        { range: { start: { line: 3, character: 0 }, end: { line: 3, character: 0 } }, text: '\r\n' },
      ],
    });
    text = ['# Fixes', '', '  The ban dates from resolution 1718 (2013).[^1]', '', ...NOTE].join('\r\n');
    const [diagnostic] = (await server.nextDiagnostics(URI, (params) => params.version === version)).diagnostics;
    expect(diagnostic?.range.start.line).toBe(2);
    const disable = (await actionsFor(diagnostic as Diagnostic)).find((action) => action.title === 'Disable year-mismatch for this line') as CodeAction;
    const edited = TextDocument.applyEdits(TextDocument.create(URI, 'markdown', version, text), apply(disable).edits);
    expect(edited).toBe(['# Fixes', '', '  <!-- lexicite-disable-next-line year-mismatch -->', '  The ban dates from resolution 1718 (2013).[^1]', '', ...NOTE].join('\r\n'));
  });
});

describe('a fix that leaves something to fill in', () => {
  it('adds an empty footnote and asks the client to put the cursor in it', async () => {
    const diagnostics = await change(['# Claims', '', 'The ministry confirmed the transfer on 12 March 2025.', ''].join('\n'));
    const claim = diagnostics.find((diagnostic) => diagnostic.code === 'uncited-claim') as Diagnostic;
    const action = (await actionsFor(claim)).find((candidate) => candidate.title === 'Add a footnote for the source') as CodeAction;
    expect(action.command?.command).toBe('lexicite.placeCursor');
    const [uri, cursor] = action.command?.arguments as [string, number];
    expect(uri).toBe(URI);
    const edited = TextDocument.applyEdits(TextDocument.create(URI, 'markdown', version, text), apply(action).edits);
    expect(edited).toBe(['# Claims', '', 'The ministry confirmed the transfer on 12 March 2025.[^1]', '', '[^1]: ', ''].join('\n'));
    expect(edited.slice(0, cursor).endsWith('[^1]: ')).toBe(true);
  });
});
