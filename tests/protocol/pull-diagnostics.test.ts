/**
 * Pulled diagnostics (LSP 3.17 textDocument/diagnostic) through the real protocol, for a
 * client that declares it can pull: the server pushes nothing for the draft,
 * answers with a result id, says "unchanged" when an edit changed none of the diagnostics,
 * sends the full report when one changed, and a diagnostic the client kept from an earlier
 * version still gets its quick fixes. Clients that cannot pull keep getting pushed
 * diagnostics (every other protocol test is such a client). A client that registers
 * providers dynamically, as VS Code does, pulls the diagnostics in sixteen slices, bands of
 * consecutive lines: an edit within a line re-sends only its band, and an added line only its
 * band and those below it.
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

/**
 * A server whose client registers diagnostic providers dynamically, as VS Code does, with one
 * draft open: started before the tests of the describe block it is called in, stopped after
 * them. `pullSlice` pulls one provider's report.
 */
function slicedSession(uri: string, text: string): {
  session: { server: ServerUnderTest; initialized: InitializeResult; identifiers: string[] };
  pullSlice: (identifier: string, previousResultId?: string) => Promise<DocumentDiagnosticReport>;
} {
  const session = {} as { server: ServerUnderTest; initialized: InitializeResult; identifiers: string[] };
  beforeAll(async () => {
    ({ server: session.server, result: session.initialized } = await startInitializedServer({ capabilities: { textDocument: { diagnostic: { dynamicRegistration: true } } } }));
    const registrations = await session.server.registrations(DocumentDiagnosticRequest.method, 16);
    session.identifiers = registrations.map((registration) => (registration.registerOptions as { identifier: string }).identifier);
    await session.server.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId: 'markdown', version: 1, text } });
  });
  afterAll(() => {
    if (session.server.process.exitCode === null) session.server.process.kill();
  });
  const pullSlice = (identifier: string, previousResultId?: string): Promise<DocumentDiagnosticReport> =>
    session.server.connection.sendRequest(DocumentDiagnosticRequest.type, { textDocument: { uri }, identifier, ...(previousResultId ? { previousResultId } : {}) });
  return { session, pullSlice };
}

describe('pulled diagnostics in slices (a client that registers providers dynamically)', () => {
  const SLICED_URI = 'file:///workspace/sliced.md';
  // Four wrong years, on lines 2, 4, 6 and 8: slices 2, 4, 6 and 8 of 16.
  const sliced = [
    '# Sliced',
    '',
    'Resolution 1718 (2009) is cited.[^1]',
    '',
    'Resolution 1874 (2006) is cited.[^1]',
    '',
    'Resolution 2270 (2017) is cited.[^1]',
    '',
    'Resolution 2397 (2016) is cited.[^1]',
    '',
    '[^1]: The official record.',
    '',
  ].join('\n');
  const { session, pullSlice } = slicedSession(SLICED_URI, sliced);

  it('registers sixteen providers instead of declaring one, and each slice holds the diagnostics of its lines', async () => {
    expect(session.initialized.capabilities.diagnosticProvider).toBeUndefined();
    expect([...session.identifiers].sort((a, b) => Number(a.split('/')[1]) - Number(b.split('/')[1]))).toEqual(Array.from({ length: 16 }, (_, index) => `lexicite/${index}`));
    const lines: number[] = [];
    for (const identifier of session.identifiers) {
      const { items } = full(await pullSlice(identifier));
      const slice = Number(identifier.split('/')[1]);
      for (const item of items) {
        expect(item.code).toBe('year-mismatch');
        // Twelve lines in sixteen bands: one line each.
        expect(item.range.start.line).toBe(slice);
        lines.push(item.range.start.line);
      }
    }
    expect(lines.sort((a, b) => a - b)).toEqual([2, 4, 6, 8]);
  });

  it('re-sends only the slice of the line an edit changed; an added line changes the slices below it', async () => {
    const first = new Map<string, { resultId: string; items: Diagnostic[] }>();
    for (const identifier of session.identifiers) first.set(identifier, full(await pullSlice(identifier)));

    // "arms " typed before the year on line 4 moves that diagnostic only.
    await session.server.connection.sendNotification(DidChangeTextDocumentNotification.type, {
      textDocument: { uri: SLICED_URI, version: 2 },
      contentChanges: [{ range: { start: { line: 4, character: 0 }, end: { line: 4, character: 0 } }, text: 'The arms ' }],
    });
    for (const identifier of session.identifiers) {
      const before = first.get(identifier)!;
      const report = await pullSlice(identifier, before.resultId);
      if (identifier === 'lexicite/4') {
        const moved = full(report);
        expect(moved.items.map((item) => item.range.start)).toEqual([{ line: 4, character: before.items[0]!.range.start.character + 'The arms '.length }]);
      } else {
        expect(report).toEqual({ kind: DocumentDiagnosticReportKind.Unchanged, resultId: before.resultId });
      }
    }

    // A line added at the top moves the four diagnostics to lines 3, 5, 7 and 9.
    await session.server.connection.sendNotification(DidChangeTextDocumentNotification.type, {
      textDocument: { uri: SLICED_URI, version: 3 },
      contentChanges: [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: 'Draft.\n' }],
    });
    const lines: number[] = [];
    for (const identifier of session.identifiers) {
      const report = await pullSlice(identifier, first.get(identifier)!.resultId);
      if (report.kind === DocumentDiagnosticReportKind.Full) lines.push(...report.items.map((item) => item.range.start.line));
      else expect(['lexicite/3', 'lexicite/5', 'lexicite/7', 'lexicite/9']).not.toContain(identifier);
    }
    expect(lines.sort((a, b) => a - b)).toEqual([3, 5, 7, 9]);
  });
});

describe('pulled diagnostics in bands of lines (a long draft)', () => {
  const BANDED_URI = 'file:///workspace/banded.md';
  // 160 lines and the empty one after the last line break: 161 lines in sixteen bands of 11
  // (161 / 16, rounded up). Wrong years on lines 10, 50, 90 and 130: bands 0, 4, 8 and 11.
  const WRONG: Record<number, string> = {
    10: 'Resolution 1718 (2009) is cited.[^1]',
    50: 'Resolution 1874 (2006) is cited.[^1]',
    90: 'Resolution 2270 (2017) is cited.[^1]',
    130: 'Resolution 2397 (2016) is cited.[^1]',
  };
  const lines = Array.from({ length: 160 }, (_, line) => WRONG[line] ?? (line === 159 ? '[^1]: The official record.' : line % 2 === 0 ? 'A line of prose with nothing to check.' : ''));
  const banded = `${lines.join('\n')}\n`;
  const { session, pullSlice } = slicedSession(BANDED_URI, banded);

  /** Each slice's year-mismatch start lines, by identifier, with the result ids. */
  async function pullAll(previous?: Map<string, { resultId: string }>): Promise<Map<string, { resultId: string; lines: number[] | 'unchanged' }>> {
    const answers = new Map<string, { resultId: string; lines: number[] | 'unchanged' }>();
    for (const identifier of session.identifiers) {
      const report = await pullSlice(identifier, previous?.get(identifier)?.resultId);
      if (report.kind === DocumentDiagnosticReportKind.Unchanged) answers.set(identifier, { resultId: report.resultId, lines: 'unchanged' });
      else answers.set(identifier, { resultId: full(report).resultId, lines: report.items.filter((item) => item.code === 'year-mismatch').map((item) => item.range.start.line) });
    }
    return answers;
  }

  it('puts each diagnostic in the band of its line; a line added in the middle re-sends only the bands below it that hold diagnostics', async () => {
    const first = await pullAll();
    const holding = (answers: Awaited<ReturnType<typeof pullAll>>): Record<string, number[]> =>
      Object.fromEntries([...answers].filter(([, answer]) => Array.isArray(answer.lines) && answer.lines.length > 0).map(([identifier, answer]) => [identifier, answer.lines as number[]]));
    expect(holding(first)).toEqual({ 'lexicite/0': [10], 'lexicite/4': [50], 'lexicite/8': [90], 'lexicite/11': [130] });

    // A line added at line 70: the wrong years of lines 90 and 130 move to 91 and 131 (still
    // bands 8 and 11); those of lines 10 and 50, above the edit, do not move.
    await session.server.connection.sendNotification(DidChangeTextDocumentNotification.type, {
      textDocument: { uri: BANDED_URI, version: 2 },
      contentChanges: [{ range: { start: { line: 70, character: 0 }, end: { line: 70, character: 0 } }, text: 'An added line.\n' }],
    });
    const second = await pullAll(first);
    const resent = [...second].filter(([, answer]) => answer.lines !== 'unchanged').map(([identifier]) => identifier);
    // Only the bands whose diagnostics moved are sent again; bands without any stay "unchanged".
    expect(resent.sort()).toEqual(['lexicite/11', 'lexicite/8']);
    expect(second.get('lexicite/8')?.lines).toEqual([91]);
    expect(second.get('lexicite/11')?.lines).toEqual([131]);
    expect(second.get('lexicite/0')?.lines).toBe('unchanged');
    expect(second.get('lexicite/4')?.lines).toBe('unchanged');
  });
});
