/**
 * "Cite … with Pandoc" through the real protocol: a draft in a workspace folder names
 * `bibliography: refs.bib`; the uncited-reference code action inserts `[@key]` in the draft
 * and adds the missing entry to refs.bib (a second TextDocumentEdit, version null). `[@`
 * completes the bibliography's keys.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CodeActionRequest, CompletionRequest, DidOpenTextDocumentNotification, type CodeAction, type CompletionItem, type Diagnostic, type TextDocumentEdit, type TextEdit } from 'vscode-languageserver-protocol/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { URI } from 'vscode-uri';
import { startInitializedServer, type ServerUnderTest } from './lsp-client';

let server: ServerUnderTest;
let folder: string;
let draftUri: string;
let bibUri: string;
const BIB = '@book{kim2019,\n  author = {Kim, Jiyoung},\n  title = {Sanctions and Their Limits},\n  year = {2019},\n}\n';
const DRAFT = '---\nbibliography: refs.bib\n---\n\n# Draft\n\nThe embargo rests on resolution 1718.\n\nSee [@\n';

beforeAll(async () => {
  folder = fs.mkdtempSync(path.join(os.tmpdir(), 'lexicite-bib-'));
  fs.writeFileSync(path.join(folder, 'refs.bib'), BIB);
  fs.writeFileSync(path.join(folder, 'draft.md'), DRAFT);
  draftUri = URI.file(path.join(folder, 'draft.md')).toString();
  bibUri = URI.file(path.join(folder, 'refs.bib')).toString();
  ({ server } = await startInitializedServer({ folderUri: URI.file(folder).toString() }));
  await server.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri: draftUri, languageId: 'markdown', version: 1, text: DRAFT } });
});

afterAll(() => {
  if (server.process.exitCode === null) server.process.kill();
  fs.rmSync(folder, { recursive: true, force: true });
});

describe('Pandoc bibliography', () => {
  it('offers "Cite … with Pandoc", editing the draft and refs.bib', async () => {
    const { diagnostics } = await server.nextDiagnostics(draftUri, (params) => params.version === 1);
    const diagnostic = diagnostics.find((candidate) => candidate.code === 'uncited-reference') as Diagnostic;
    const actions = ((await server.connection.sendRequest(CodeActionRequest.type, { textDocument: { uri: draftUri }, range: diagnostic.range, context: { diagnostics: [diagnostic] } })) ?? []) as CodeAction[];
    expect(actions.map((action) => action.title)).toEqual(['Cite resolution 1718 with Pandoc ([@unscr1718])', 'Cite resolution 1718 in a footnote', 'Disable uncited-reference for this line']);
    const changes = actions[0]?.edit?.documentChanges as TextDocumentEdit[];
    expect(changes.map((change) => [change.textDocument.uri, change.textDocument.version])).toEqual([
      [draftUri, 1],
      [bibUri, null],
    ]);
    const draft = TextDocument.applyEdits(TextDocument.create(draftUri, 'markdown', 1, DRAFT), (changes[0]?.edits ?? []) as TextEdit[]);
    expect(draft).toContain('The embargo rests on resolution 1718 [@unscr1718].');
    const bib = TextDocument.applyEdits(TextDocument.create(bibUri, 'bibtex', 1, BIB), (changes[1]?.edits ?? []) as TextEdit[]);
    expect(bib.startsWith(BIB)).toBe(true);
    expect(bib).toMatch(/@legislation\{unscr1718,[\s\S]*number = \{S\/RES\/1718 \(2006\)\}/);
  });

  it('completes citation keys after "[@"', async () => {
    const lines = DRAFT.split('\n');
    const line = lines.findIndex((text) => text === 'See [@');
    const items = (await server.connection.sendRequest(CompletionRequest.type, { textDocument: { uri: draftUri }, position: { line, character: 6 } })) as CompletionItem[];
    expect(items.map((item) => [item.label, item.detail])).toEqual([['kim2019', 'Sanctions and Their Limits']]);
  });
});
