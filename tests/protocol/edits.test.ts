/**
 * Edits through the real protocol: the server tells its analyzer where the text changed (from
 * the editor's incremental changes, several per notification and several notifications
 * between two pulls), and the analyzer cuts only the chunks around the change. Whatever the
 * edits, the diagnostics pulled for the edited draft must be those of the same text opened
 * afresh.
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  DidChangeTextDocumentNotification,
  DidCloseTextDocumentNotification,
  DidOpenTextDocumentNotification,
  DocumentDiagnosticReportKind,
  DocumentDiagnosticRequest,
  type Diagnostic,
  type TextDocumentContentChangeEvent,
} from 'vscode-languageserver-protocol/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { startInitializedServer, type ServerUnderTest } from './lsp-client';

const PARAGRAPHS = [
  '# Sanctions and the treaty',
  'Resolution 1718 (2009) set up the regime.[^1] Paragraph 8 of it lists the goods.',
  'The treaty of 19 June 2024 was signed in Pyongyang. Article 4 of the treaty is about mutual assistance.',
  'Experts say the transfers went on. Reportedly, they grew in 2024.',
  '```\ncode with resolution 2397 (2017)\n\nstill code\n```',
  '- a list item citing Article 51 of the UN Charter[^2]\n- another item',
  '> A quotation of resolution 2270 (2016) in a block.',
  '[^1]: S/RES/1718 (2006).',
  '[^2]: Charter of the United Nations, Article 51.',
];
const INSERTS = ['', 'x', ' ', '\n', '\n\n', '```', '[^1]', '2024', 'Resolution 2231 (2015) ', 'the treaty ', '# ', '- '];

function sorted(items: readonly Diagnostic[]): string[] {
  return items.map((item) => JSON.stringify([item.range, item.code, item.severity, item.message])).sort();
}

let server: ServerUnderTest;

beforeAll(async () => {
  ({ server } = await startInitializedServer({ capabilities: { textDocument: { diagnostic: { dynamicRegistration: false } } } }));
});

afterAll(() => {
  if (server.process.exitCode === null) server.process.kill();
});

async function pulled(uri: string): Promise<Diagnostic[]> {
  const report = await server.connection.sendRequest(DocumentDiagnosticRequest.type, { textDocument: { uri } });
  if (report.kind !== DocumentDiagnosticReportKind.Full) throw new Error('expected a full report');
  return report.items;
}

describe('incremental edits over the protocol', () => {
  it('give the diagnostics of the same text opened afresh', async () => {
    const change = fc.record({ at: fc.double({ min: 0, max: 1, noNaN: true }), remove: fc.nat({ max: 30 }), insert: fc.constantFrom(...INSERTS) });
    let run = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.constantFrom(...PARAGRAPHS), { minLength: 2, maxLength: 10 }),
        // Notifications between two pulls, each with one to three changes.
        fc.array(fc.array(fc.array(change, { minLength: 1, maxLength: 3 }), { minLength: 1, maxLength: 3 }), { minLength: 1, maxLength: 4 }),
        async (paragraphs, pulls) => {
          run += 1;
          const uri = `file:///workspace/edited-${run}.md`;
          let document = TextDocument.create(uri, 'markdown', 1, paragraphs.join('\n\n') + '\n');
          await server.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId: 'markdown', version: 1, text: document.getText() } });
          await pulled(uri);
          for (const notifications of pulls) {
            for (const changes of notifications) {
              const events: TextDocumentContentChangeEvent[] = [];
              for (const { at, remove, insert } of changes) {
                // Each change's range is read from the text it applies to, as an editor sends them.
                const text = document.getText();
                const start = Math.floor(at * text.length);
                const range = { start: document.positionAt(start), end: document.positionAt(Math.min(text.length, start + remove)) };
                events.push({ range, text: insert });
                document = TextDocument.update(document, [{ range, text: insert }], document.version + 1);
              }
              await server.connection.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri, version: document.version }, contentChanges: events });
            }
            const fresh = `file:///workspace/fresh-${run}.md`;
            await server.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri: fresh, languageId: 'markdown', version: 1, text: document.getText() } });
            expect(sorted(await pulled(uri))).toEqual(sorted(await pulled(fresh)));
            await server.connection.sendNotification(DidCloseTextDocumentNotification.type, { textDocument: { uri: fresh } });
          }
          await server.connection.sendNotification(DidCloseTextDocumentNotification.type, { textDocument: { uri } });
        },
      ),
      { seed: 20261205, numRuns: 40 },
    );
  }, 120_000);
});
