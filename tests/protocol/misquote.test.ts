/**
 * `misquote` through the real protocol: the diagnostic on the quotation, its quick fix applied
 * and the document checked again (the fixed quotation is found, so the warning goes), and the
 * hover over a quotation found in its provision.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  CodeActionRequest,
  DidChangeTextDocumentNotification,
  DidOpenTextDocumentNotification,
  HoverRequest,
  type CodeAction,
  type Diagnostic,
  type Hover,
  type MarkupContent,
  type TextDocumentEdit,
  type TextEdit,
} from 'vscode-languageserver-protocol/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { startInitializedServer, type ServerUnderTest } from './lsp-client';

const URI = 'file:///workspace/quotes.md';
let server: ServerUnderTest;
let version = 1;
// Cited, so that only the quotation is in question.
const text = ['# Quotations', '', 'Article 4 of the 2024 treaty promises "other assistance by all of one\'s means".[^1]', '', '[^1]: KCNA, 20 June 2024.', ''].join('\n');

beforeAll(async () => {
  ({ server } = await startInitializedServer());
  await server.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri: URI, languageId: 'markdown', version, text } });
});

afterAll(() => {
  if (server.process.exitCode === null) server.process.kill();
});

describe('misquote over the protocol', () => {
  it('warns on the quotation, offers the closest passage, and once the fix is applied the quotation is found and the warning gone', async () => {
    const diagnostics = (await server.nextDiagnostics(URI, (params) => params.version === 1)).diagnostics;
    expect(diagnostics.map((diagnostic) => diagnostic.code)).toEqual(['misquote']);
    const misquote = diagnostics[0] as Diagnostic;
    const document = TextDocument.create(URI, 'markdown', version, text);
    expect(document.getText(misquote.range)).toBe('"other assistance by all of one\'s means"');
    expect(misquote.severity).toBe(2);
    expect(misquote.message).toMatch(/^No text of Article 4 of the Treaty on Comprehensive Strategic Partnership \(Russia–DPRK, 2024\) that Lexicite holds contains this quotation\. The closest passage is "other assistance by all means" \(Article 4, /);

    const actions = ((await server.connection.sendRequest(CodeActionRequest.type, { textDocument: { uri: URI }, range: misquote.range, context: { diagnostics: [misquote] } })) ?? []) as CodeAction[];
    const fix = actions.find((action) => action.title.startsWith('Quote Article 4 as written')) as CodeAction;
    expect(fix, JSON.stringify(actions.map((action) => action.title))).toBeDefined();
    const change = fix.edit?.documentChanges?.[0] as TextDocumentEdit;
    expect(change.textDocument.version).toBe(1);
    const fixed = TextDocument.applyEdits(document, change.edits as TextEdit[]);
    expect(fixed).toContain('promises "other assistance by all means".[^1]');

    version += 1;
    await server.connection.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri: URI, version }, contentChanges: [{ text: fixed }] });
    expect((await server.nextDiagnostics(URI, (params) => params.version === version)).diagnostics).toEqual([]);

    const hover = (await server.connection.sendRequest(HoverRequest.type, { textDocument: { uri: URI }, position: TextDocument.create(URI, 'markdown', version, fixed).positionAt(fixed.indexOf('all means')) })) as Hover | null;
    const markdown = (hover?.contents as MarkupContent | undefined)?.value ?? '';
    expect(markdown.startsWith('**Quotation checked**')).toBe(true);
    expect(markdown.replace(/\\/g, '')).toMatch(/Found in Article 4 of the Treaty on Comprehensive Strategic Partnership \(Russia–DPRK, 2024\), in \d of its 9 renderings:/);
    expect(markdown).toContain('Interfax');
    const range = hover?.range;
    expect(range && TextDocument.create(URI, 'markdown', version, fixed).getText(range)).toBe('"other assistance by all means"');
  });
});
