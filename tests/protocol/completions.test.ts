/** Completions through the real protocol: articles in context, and a footnote citation with its definition. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  CompletionRequest,
  DidOpenTextDocumentNotification,
  type CompletionItem,
  type TextEdit,
} from 'vscode-languageserver-protocol/node';
import { startInitializedServer, type ServerUnderTest } from './lsp-client';

const URI = 'file:///workspace/completions.md';
const TEXT = ['# Draft', '', 'Under ARSIWA, Article ', '', 'Aid is covered by Article 16 of ARSIWA.[^', ''].join('\n');
let server: ServerUnderTest;

async function complete(line: number, character: number): Promise<CompletionItem[]> {
  const result = await server.connection.sendRequest(CompletionRequest.type, { textDocument: { uri: URI }, position: { line, character } });
  return (Array.isArray(result) ? result : (result?.items ?? [])) as CompletionItem[];
}

beforeAll(async () => {
  ({ server } = await startInitializedServer());
  await server.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri: URI, languageId: 'markdown', version: 1, text: TEXT } });
  await server.nextDiagnostics(URI);
});

afterAll(() => {
  if (server.process.exitCode === null) server.process.kill();
});

describe('completions', () => {
  it('after "Article " offers the articles of the instrument in context', async () => {
    const items = await complete(2, 'Under ARSIWA, Article '.length);
    expect(items).toHaveLength(59);
    expect(items.find((item) => item.label === '16')?.detail).toMatch(/^Article 16 — Aid or assistance/);
  });

  it('after "[^" offers the citation of the sentence and appends its footnote definition', async () => {
    const items = await complete(4, 'Aid is covered by Article 16 of ARSIWA.[^'.length);
    const [item] = items;
    expect((item?.textEdit as TextEdit).newText).toBe('arsiwa-art-16]');
    expect(item?.additionalTextEdits?.[0]?.newText).toBe(
      '\n[^arsiwa-art-16]: Responsibility of States for Internationally Wrongful Acts (adopted 12 December 2001), art. 16.\n',
    );
  });
});
