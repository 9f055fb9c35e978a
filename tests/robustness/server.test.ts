/**
 * The language server (dist/server.js over stdio, built from this worktree) under abuse:
 * - it survives hostile documents (a 1 MB line, binary garbage, unpaired surrogates) and
 *   malformed requests, and keeps answering a small normal document;
 * - after a rapid burst of 200 random incremental changes and a final full-text change, the
 *   diagnostics it publishes are those of a fresh didOpen of the same text, and nothing stale
 *   follows them;
 * - broken settings (workspace/configuration answered with garbage) still give diagnostics,
 *   with a warning that names the bad setting;
 * - it never edits files itself: after a session that exercises every feature, the files of
 *   the workspace are byte-identical and no file was written, and every change it proposes
 *   travels as a WorkspaceEdit (or text edits) in a response to the client.
 */
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import fc from 'fast-check';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  CodeActionRequest,
  CompletionRequest,
  DefinitionRequest,
  DidChangeConfigurationNotification,
  DidChangeTextDocumentNotification,
  DidChangeWatchedFilesNotification,
  DidCloseTextDocumentNotification,
  DidOpenTextDocumentNotification,
  DocumentLinkRequest,
  ExecuteCommandRequest,
  ExitNotification,
  FileChangeType,
  HoverRequest,
  InitializedNotification,
  InitializeRequest,
  LogMessageNotification,
  ReferencesRequest,
  ShowMessageNotification,
  ShutdownRequest,
  WorkspaceSymbolRequest,
  type ClientCapabilities,
  type CodeAction,
  type CompletionItem,
  type Diagnostic,
  type Hover,
  type InitializeResult,
  type LogMessageParams,
  type MarkupContent,
  type MessageConnection,
  type ShowMessageParams,
  type PublishDiagnosticsParams,
  type TextDocumentContentChangeEvent,
  type TextDocumentEdit,
  type TextEdit,
} from 'vscode-languageserver-protocol/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { FICTIONAL_RESOLUTION_PACK_FILE, REPO_ROOT } from '../helpers';
import { startServer, type ServerUnderTest } from '../protocol/lsp-client';
import { clampEdit, markdownDraft, pseudoRandomBytes, textChange, type TextChange } from './arbitraries';
import { LineIndex } from './invariants';

const SECOND = 1_000;

/** A small normal draft: its hover proves the server still answers. */
const NORMAL_URI = 'file:///robustness/normal.md';
const NORMAL_TEXT = 'The committee was set up by Resolution 1718 (2009).[^1]\n\n[^1]: The official record.\n';
const NORMAL_HOVER_POSITION = { line: 0, character: 32 };

interface Session {
  server: ServerUnderTest;
  result: InitializeResult;
  /** window/logMessage and window/showMessage, in order. */
  messages: Array<{ kind: 'log' | 'show'; type: number; message: string }>;
  /** Every request the server sent the client, in order. */
  requests: Array<{ method: string; params: unknown }>;
}

interface SessionOptions {
  folderUri?: string;
  /** Declares workspace.configuration and answers each workspace/configuration request with this (called per request). */
  configuration?: (params: { items: Array<{ scopeUri?: string; section?: string }> }) => unknown;
  capabilities?: ClientCapabilities;
}

const sessions: Session[] = [];

/** Starts the built server and completes the handshake, recording what the server sends. */
async function startSession(options: SessionOptions = {}): Promise<Session> {
  const server = startServer();
  const session: Session = { server, result: undefined as unknown as InitializeResult, messages: [], requests: [] };
  sessions.push(session);
  server.connection.onNotification(LogMessageNotification.method, ({ type, message }: LogMessageParams) => {
    session.messages.push({ kind: 'log', type, message });
  });
  server.connection.onNotification(ShowMessageNotification.method, ({ type, message }: ShowMessageParams) => {
    session.messages.push({ kind: 'show', type, message });
  });
  // Every request from the server, whatever its method, is recorded and answered (the connection is a
  // vscode-jsonrpc MessageConnection, which takes a handler for all methods).
  (server.connection as unknown as MessageConnection).onRequest((method: string, params: unknown) => {
    session.requests.push({ method, params });
    if (method === 'workspace/configuration') {
      if (!options.configuration) throw new Error('no configuration');
      return options.configuration(params as { items: Array<{ scopeUri?: string; section?: string }> });
    }
    if (method === 'workspace/applyEdit') return { applied: false, failureReason: 'the test client applies nothing' };
    if (method === 'window/showMessageRequest') return null;
    return null;
  });
  const capabilities: ClientCapabilities = {
    ...(options.capabilities ?? {}),
    workspace: { ...(options.capabilities?.workspace ?? {}), ...(options.configuration ? { configuration: true } : {}) },
  };
  session.result = await server.connection.sendRequest(InitializeRequest.type, {
    processId: process.pid,
    rootUri: null,
    capabilities,
    workspaceFolders: options.folderUri ? [{ uri: options.folderUri, name: 'ws' }] : null,
  });
  await server.connection.sendNotification(InitializedNotification.type, {});
  return session;
}

afterAll(() => {
  for (const { server } of sessions) if (server.process.exitCode === null) server.process.kill();
});

async function open(session: Session, uri: string, text: string, version = 1): Promise<void> {
  await session.server.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId: 'markdown', version, text } });
}

/** The diagnostics published for `uri` at `version`, failing after `ms` instead of waiting forever. */
function diagnosticsFor(session: Session, uri: string, version: number, ms = 60 * SECOND): Promise<PublishDiagnosticsParams> {
  return Promise.race([
    session.server.nextDiagnostics(uri, (params) => params.version === version),
    new Promise<never>((_, reject) => setTimeout(() => reject(new Error(`no diagnostics for ${uri} version ${version} within ${ms} ms; stderr: ${session.server.stderr()}`)), ms)),
  ]);
}

/** Diagnostics for `uri` arriving within `ms`, or null. */
function diagnosticsWithin(session: Session, uri: string, ms: number): Promise<PublishDiagnosticsParams | null> {
  return Promise.race([session.server.nextDiagnostics(uri), new Promise<null>((resolve) => setTimeout(() => resolve(null), ms))]);
}

/** The server is alive and still answers a hover on a small normal document correctly. */
async function expectStillAnswering(session: Session): Promise<void> {
  expect(session.server.process.exitCode, `the server exited; stderr: ${session.server.stderr()}`).toBeNull();
  const hover = (await session.server.connection.sendRequest(HoverRequest.type, { textDocument: { uri: NORMAL_URI }, position: NORMAL_HOVER_POSITION })) as Hover | null;
  expect((hover?.contents as MarkupContent | undefined)?.value).toContain('S/RES/1718 \\(2006\\)');
}

// ---------------------------------------------------------------------------------------

describe('the server survives hostile documents and requests', () => {
  let session: Session;

  beforeAll(async () => {
    session = await startSession();
    await open(session, NORMAL_URI, NORMAL_TEXT);
    await diagnosticsFor(session, NORMAL_URI, 1);
  });

  it('answers the normal document to begin with', async () => {
    await expectStillAnswering(session);
  });

  it(
    'a 1 MB single-line document: diagnostics are published, then it still answers',
    async () => {
      const uri = 'file:///robustness/one-line.md';
      const text = 'Article 4 of the 2024 treaty and resolution 1718 (2009) were invoked by President Putin on 19 June 2024. '.repeat(9_600);
      expect(text.length).toBeGreaterThan(1_000_000);
      await open(session, uri, text);
      const published = await diagnosticsFor(session, uri, 1, 120 * SECOND);
      expect(published.diagnostics.filter((diagnostic) => diagnostic.code === 'year-mismatch')).toHaveLength(9_600);
      await expectStillAnswering(session);
    },
    150 * SECOND,
  );

  it(
    'a document of binary garbage (random bytes as UTF-8 and as Latin-1): diagnostics are published, then it still answers',
    async () => {
      for (const [index, encoding] of (['utf-8', 'latin1'] as const).entries()) {
        const uri = `file:///robustness/garbage-${encoding}.md`;
        await open(session, uri, new TextDecoder(encoding).decode(pseudoRandomBytes(300_000, 0xbad + index)));
        const published = await diagnosticsFor(session, uri, 1);
        expect(Array.isArray(published.diagnostics)).toBe(true);
        await expectStillAnswering(session);
      }
    },
    120 * SECOND,
  );

  it('a document full of unpaired surrogates: diagnostics, hovers and completions beside them, then it still answers', async () => {
    const uri = 'file:///robustness/surrogates.md';
    const text = '\uD800Resolution 1718 (2009) was adopted.\uDC00 \uDFFF\uD800Kim Jong Un met President Putin.\uDBFF\n\n\uDC00[^\uD800]\n';
    await open(session, uri, text);
    const published = await diagnosticsFor(session, uri, 1);
    const yearMismatch = published.diagnostics.find((diagnostic) => diagnostic.code === 'year-mismatch');
    const year = text.indexOf('2009');
    expect(yearMismatch?.range).toEqual({ start: { line: 0, character: year }, end: { line: 0, character: year + 4 } });
    const hover = (await session.server.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position: { line: 0, character: 3 } })) as Hover | null;
    expect((hover?.contents as MarkupContent | undefined)?.value).toContain('S/RES/1718');
    for (let character = 0; character <= 80; character += 7) {
      await session.server.connection.sendRequest(CompletionRequest.type, { textDocument: { uri }, position: { line: 0, character } });
    }
    await expectStillAnswering(session);
  });

  it('malformed requests get an answer (a result or an error), and it still answers', async () => {
    const connection = session.server.connection;
    const attempts: Array<Promise<unknown>> = [
      connection.sendRequest(HoverRequest.type, { textDocument: { uri: NORMAL_URI }, position: { line: -1, character: 1e9 } }),
      connection.sendRequest(HoverRequest.type, { textDocument: { uri: NORMAL_URI }, position: { line: 1e9, character: -5 } }),
      connection.sendRequest(CompletionRequest.type, { textDocument: { uri: NORMAL_URI }, position: { line: 0, character: -1 } }),
      connection.sendRequest(HoverRequest.type, { textDocument: { uri: 'file:///robustness/never-opened.md' }, position: { line: 0, character: 0 } }),
      connection.sendRequest(CodeActionRequest.type, {
        textDocument: { uri: NORMAL_URI },
        range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
        context: { diagnostics: [{ range: { start: { line: 0, character: 0 }, end: { line: 99, character: 0 } }, message: 'x', source: 'lexicite', code: 'year-mismatch', data: { uri: NORMAL_URI, version: 1, fixes: 'not a list' } }] },
      }),
      connection.sendRequest(CodeActionRequest.type, {
        textDocument: { uri: NORMAL_URI },
        range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
        context: { diagnostics: [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, message: 'x', source: 'lexicite', code: 'year-mismatch', data: { uri: NORMAL_URI, version: 1, fixes: [null, { title: 5 }] } }] },
      }),
      connection.sendRequest('lexicite/importOfficialText', {}),
      connection.sendRequest('lexicite/importOfficialText', { id: 'x', title: 5, text: null }),
      connection.sendRequest('lexicite/tableOfAuthorities', { uri: 5 }),
      connection.sendRequest('lexicite/virtualDocument', { uri: null }),
      connection.sendRequest('lexicite/virtualDocument', { uri: 'lexicite:/../../../etc/passwd' }),
      connection.sendRequest(WorkspaceSymbolRequest.type, { query: '\uD800'.repeat(1_000) }),
    ];
    const settled = await Promise.allSettled(attempts);
    // Each request was answered: with a result, or with a JSON-RPC error (never silence).
    expect(settled).toHaveLength(attempts.length);
    const virtualDocument = settled[10];
    expect(virtualDocument?.status === 'fulfilled' ? virtualDocument.value : null).toBeNull();
    await expectStillAnswering(session);
  });
});

// ---------------------------------------------------------------------------------------

describe('a rapid burst of changes', () => {
  it(
    'after 200 random incremental changes, and after a final full-text change, publishes exactly what a fresh didOpen of the same text gets',
    async () => {
      const session = await startSession();
      const uri = 'file:///robustness/burst.md';
      const [initial, finalText] = fc.sample(markdownDraft(), { seed: 1718, numRuns: 2 }) as [string, string];
      const [changes] = fc.sample(fc.array(textChange(), { minLength: 200, maxLength: 200 }), { seed: 2397, numRuns: 1 }) as [TextChange[]];
      await open(session, uri, initial);

      // The client's copy of the document, updated exactly as the server's is.
      let mirror = TextDocument.create(uri, 'markdown', 1, initial);
      let version = 1;
      for (const [index, change] of changes.entries()) {
        const text = mirror.getText();
        const lines = new LineIndex(text);
        const { offset, deleteCount, insert } = clampEdit(text, change);
        const contentChanges: TextDocumentContentChangeEvent[] = [{ range: { start: lines.positionAt(offset), end: lines.positionAt(offset + deleteCount) }, text: insert }];
        // Some notifications carry a second change; one replaces the whole text midway.
        if (index % 50 === 25) contentChanges.push({ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: '\uD83D\uDE00 ' });
        if (index === 120) contentChanges.push({ text: `${text.slice(text.length >> 1)}\r\n${text.slice(0, text.length >> 1)}` });
        version += 1;
        mirror = TextDocument.update(mirror, contentChanges, version);
        // Sent back to back, without waiting for any answer: a burst.
        void session.server.connection.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri, version }, contentChanges });
      }

      // Fix data names the document and version it was computed for: compare without them.
      const comparable = (diagnostics: Diagnostic[]): unknown[] => diagnostics.map((diagnostic) => ({ ...diagnostic, data: { ...(diagnostic.data as object), uri: '<uri>', version: '<version>' } }));
      const fresh = async (freshUri: string, text: string): Promise<Diagnostic[]> => {
        await open(session, freshUri, text);
        return (await diagnosticsFor(session, freshUri, 1)).diagnostics;
      };

      // After the burst: the server's text is the client's (incremental sync), and so are the diagnostics.
      const afterBurst = await diagnosticsFor(session, uri, version);
      expect(afterBurst.diagnostics.length).toBeGreaterThan(0);
      expect(comparable(afterBurst.diagnostics)).toEqual(comparable(await fresh('file:///robustness/fresh-burst.md', mirror.getText())));

      version += 1;
      await session.server.connection.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri, version }, contentChanges: [{ text: finalText }] });
      const afterFinal = await diagnosticsFor(session, uri, version);

      // Nothing older may be published after the final version's diagnostics.
      session.server.forget(uri);
      await session.server.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position: { line: 0, character: 0 } });
      const late = await diagnosticsWithin(session, uri, 1_000);
      expect(late, 'diagnostics published after those of the final version').toBeNull();

      const expected = await fresh('file:///robustness/fresh-final.md', finalText);
      expect(comparable(afterFinal.diagnostics)).toEqual(comparable(expected));
      expect(expected.length).toBeGreaterThan(0);
    },
    120 * SECOND,
  );
});

// ---------------------------------------------------------------------------------------

describe('broken settings', () => {
  const DRAFT_URI = 'file:///robustness/settings.md';
  // A wrong year (year-mismatch, on by default) in a sentence that cites its source.
  const DRAFT = 'The ban dates from resolution 1718 (2009).[^1]\n\n[^1]: The official record.\n';

  afterEach(() => {
    for (const { server } of sessions) if (server.process.exitCode === null) server.process.kill();
  });

  /** Starts a server whose workspace/configuration answers are `answer`, opens the draft, and returns its diagnostics and the messages so far. */
  async function withSettings(answer: (section: string | undefined) => unknown, folderUri?: string): Promise<{ diagnostics: Diagnostic[]; messages: Session['messages']; session: Session }> {
    const session = await startSession({ configuration: ({ items }) => items.map((item) => answer(item.section)), ...(folderUri ? { folderUri } : {}) });
    await open(session, DRAFT_URI, DRAFT);
    const { diagnostics } = await diagnosticsFor(session, DRAFT_URI, 1, 30 * SECOND);
    // Settings problems are reported when the settings are read, before the diagnostics.
    await expectStillAnswering(await openNormal(session));
    return { diagnostics, messages: session.messages, session };
  }

  async function openNormal(session: Session): Promise<Session> {
    await open(session, NORMAL_URI, NORMAL_TEXT);
    await diagnosticsFor(session, NORMAL_URI, 1);
    return session;
  }

  /** Warnings and errors (window/logMessage or window/showMessage) that name every one of `words` (as whole words). */
  function warningsNaming(messages: Session['messages'], ...words: string[]): string[] {
    const patterns = words.map((word) => new RegExp(`(?:^|[^\\w-])${word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?:$|[^\\w-])`));
    return messages.filter((message) => message.type <= 2 && patterns.every((pattern) => pattern.test(message.message))).map((message) => message.message);
  }

  const codes = (diagnostics: Diagnostic[]): string[] => diagnostics.map((diagnostic) => String(diagnostic.code));

  it('valid settings shaped as VS Code sends them: the configured level applies and nothing is reported', async () => {
    const { diagnostics, messages } = await withSettings(() => ({
      sourcePacks: ['.lexicite/*.json'],
      citationStyle: 'chicago',
      citationScope: 'paragraph',
      trace: { server: 'off' },
      rules: { 'year-mismatch': 'warning', 'unused-footnote': 'off' },
    }));
    expect(diagnostics.map((diagnostic) => [diagnostic.code, diagnostic.severity])).toEqual([['year-mismatch', 2]]);
    expect(messages.filter((message) => message.type <= 2)).toEqual([]);
  });

  const CASES: Array<{ name: string; answer: unknown; naming: string[] }> = [
    { name: 'a number where a rule level is expected', answer: { rules: { 'year-mismatch': 42 } }, naming: ['lexicite.rules.year-mismatch', '42'] },
    { name: 'an unknown rule level', answer: { rules: { 'year-mismatch': 'fatal' } }, naming: ['lexicite.rules.year-mismatch', 'fatal'] },
    { name: 'a level in the wrong case', answer: { rules: { 'year-mismatch': 'Error' } }, naming: ['lexicite.rules.year-mismatch', 'Error'] },
    { name: 'an unknown rule code', answer: { rules: { 'year-mismatch-typo': 'off' } }, naming: ['year-mismatch-typo'] },
    { name: 'rules as a string instead of an object', answer: { rules: 'error' }, naming: ['lexicite.rules'] },
    { name: 'rules as a list', answer: { rules: ['year-mismatch'] }, naming: ['lexicite.rules'] },
    { name: 'a number as the citation style and a list as the scope', answer: { citationStyle: 7, citationScope: ['sentence'] }, naming: ['lexicite.citationStyle'] },
    { name: 'a list as the citation scope', answer: { citationScope: ['sentence'] }, naming: ['lexicite.citationScope'] },
    { name: 'a string instead of the settings object', answer: 'garbage', naming: ['lexicite'] },
    { name: 'a number instead of the settings object', answer: 42, naming: ['lexicite'] },
    { name: 'a misspelt setting name', answer: { citationStyel: 'chicago' }, naming: ['citationStyel'] },
    { name: 'a misspelt rules section', answer: { rule: { 'year-mismatch': 'off' } }, naming: ['rule'] },
  ];
  for (const { name, answer, naming } of CASES) {
    it(`${name}: diagnostics with the defaults, and a warning naming ${naming.join(' and ')}`, async () => {
      const { diagnostics, messages } = await withSettings(() => answer);
      expect(codes(diagnostics)).toEqual(['year-mismatch']);
      expect(diagnostics[0]?.severity).toBe(1);
      expect(warningsNaming(messages, ...naming), `messages: ${JSON.stringify(messages)}`).not.toEqual([]);
    }, 30 * SECOND);
  }

  it('keys that collide with Object.prototype ("__proto__", "constructor"): ignored with a warning, other rules still configured', async () => {
    const { diagnostics, messages } = await withSettings(() => JSON.parse('{"rules": {"__proto__": "off", "constructor": "off", "year-mismatch": "warning"}}'));
    expect(diagnostics.map((diagnostic) => [diagnostic.code, diagnostic.severity])).toEqual([['year-mismatch', 2]]);
    expect(warningsNaming(messages, '__proto__')).not.toEqual([]);
    expect(warningsNaming(messages, 'constructor')).not.toEqual([]);
  }, 30 * SECOND);

  it('null (no settings): diagnostics with the defaults, and no warning', async () => {
    const { diagnostics, messages } = await withSettings(() => null);
    expect(codes(diagnostics)).toEqual(['year-mismatch']);
    expect(messages.filter((message) => message.type <= 2)).toEqual([]);
  }, 30 * SECOND);

  it('lexicite.sourcePacks as a number, with a workspace folder: diagnostics, and a warning naming lexicite.sourcePacks', async () => {
    const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'lexicite-settings-'));
    try {
      const { diagnostics, messages } = await withSettings(() => ({ sourcePacks: 5 }), pathToFileURL(folder).toString());
      expect(codes(diagnostics)).toEqual(['year-mismatch']);
      expect(warningsNaming(messages, 'lexicite.sourcePacks')).not.toEqual([]);
    } finally {
      fs.rmSync(folder, { recursive: true, force: true });
    }
  }, 30 * SECOND);

  it('a configuration response that is not a list at all: diagnostics with the defaults, and an error message', async () => {
    const session = await startSession({ configuration: () => ({ not: 'a list' }) });
    await open(session, DRAFT_URI, DRAFT);
    const { diagnostics } = await diagnosticsFor(session, DRAFT_URI, 1, 30 * SECOND);
    expect(codes(diagnostics)).toEqual(['year-mismatch']);
    expect(session.messages.filter((message) => message.type <= 2 && /settings/i.test(message.message))).not.toEqual([]);
    await expectStillAnswering(await openNormal(session));
  }, 30 * SECOND);

  it('a configuration request answered with a JSON-RPC error: diagnostics with the defaults, and an error message', async () => {
    const session = await startSession({
      configuration: () => {
        throw new Error('the client has no settings today');
      },
    });
    await open(session, DRAFT_URI, DRAFT);
    const { diagnostics } = await diagnosticsFor(session, DRAFT_URI, 1, 30 * SECOND);
    expect(codes(diagnostics)).toEqual(['year-mismatch']);
    expect(session.messages.filter((message) => message.type <= 2 && /settings/i.test(message.message))).not.toEqual([]);
    await expectStillAnswering(await openNormal(session));
  }, 30 * SECOND);

  it('settings changed to garbage mid-session (didChangeConfiguration): diagnostics are published again, with a warning', async () => {
    let answer: unknown = { rules: { 'year-mismatch': 'warning' } };
    const session = await startSession({ configuration: ({ items }) => items.map(() => answer) });
    await open(session, DRAFT_URI, DRAFT);
    expect((await diagnosticsFor(session, DRAFT_URI, 1)).diagnostics.map((diagnostic) => diagnostic.severity)).toEqual([2]);
    session.server.forget(DRAFT_URI);
    answer = { rules: { 'year-mismatch': { level: 'off' } } };
    await session.server.connection.sendNotification(DidChangeConfigurationNotification.type, { settings: null });
    const republished = await Promise.race([
      session.server.nextDiagnostics(DRAFT_URI),
      new Promise<never>((_, reject) => setTimeout(() => reject(new Error('no diagnostics after the configuration change')), 30 * SECOND)),
    ]);
    expect(republished.diagnostics.map((diagnostic) => [diagnostic.code, diagnostic.severity])).toEqual([['year-mismatch', 1]]);
    expect(warningsNaming(session.messages, 'lexicite.rules.year-mismatch')).not.toEqual([]);
  }, 60 * SECOND);
});

// ---------------------------------------------------------------------------------------

describe('line endings in the quick fixes the server builds', () => {
  for (const [name, eol] of [['\\n', '\n'], ['\\r\\n', '\r\n'], ['\\r', '\r']] as const) {
    it(`"Disable … for this line" in a document with ${name} line endings: inserted at the line, with its indentation and the document's line break`, async () => {
      const session = await startSession();
      const uri = `file:///robustness/eol-${encodeURIComponent(name)}.md`;
      const text = ['Intro.', '', '  - The ban dates from resolution 1718 (2009).[^1]', '', '[^1]: The official record.', ''].join(eol);
      await open(session, uri, text);
      const { diagnostics } = await diagnosticsFor(session, uri, 1);
      const yearMismatch = diagnostics.find((diagnostic) => diagnostic.code === 'year-mismatch') as Diagnostic;
      expect(yearMismatch.range.start.line).toBe(2);
      const actions = (await session.server.connection.sendRequest(CodeActionRequest.type, { textDocument: { uri }, range: yearMismatch.range, context: { diagnostics: [yearMismatch] } })) as CodeAction[];
      const disable = actions.find((action) => action.title === 'Disable year-mismatch for this line');
      const [edit] = ((disable?.edit?.documentChanges?.[0] as TextDocumentEdit | undefined)?.edits ?? []) as TextEdit[];
      expect(edit).toEqual({ range: { start: { line: 2, character: 0 }, end: { line: 2, character: 0 } }, newText: `  <!-- lexicite-disable-next-line year-mismatch -->${eol}` });
    });
  }
});

// ---------------------------------------------------------------------------------------

describe('the server never edits files itself', () => {
  let folder: string;

  /** Every file under the folder: its bytes' hash, size and modification time. */
  function snapshot(): Record<string, string> {
    const result: Record<string, string> = {};
    const walk = (directory: string): void => {
      for (const entry of fs.readdirSync(directory, { withFileTypes: true })) {
        const file = path.join(directory, entry.name);
        if (entry.isDirectory()) walk(file);
        else {
          const stat = fs.statSync(file);
          result[path.relative(folder, file)] = `${createHash('sha256').update(fs.readFileSync(file)).digest('hex')} ${stat.size} ${stat.mtimeMs}`;
        }
      }
    };
    walk(folder);
    return result;
  }

  beforeAll(() => {
    folder = fs.mkdtempSync(path.join(os.tmpdir(), 'lexicite-no-writes-'));
    fs.mkdirSync(path.join(folder, '.lexicite'));
    fs.mkdirSync(path.join(folder, 'notes'));
    fs.copyFileSync(FICTIONAL_RESOLUTION_PACK_FILE, path.join(folder, '.lexicite', 'pack.json'));
    fs.writeFileSync(path.join(folder, '.lexicite', 'broken.json'), '{ "officials": [ { "id": "x" } ] ');
    fs.copyFileSync(path.join(REPO_ROOT, 'tests', 'bibliography', 'refs.bib'), path.join(folder, 'refs.bib'));
    fs.writeFileSync(path.join(folder, 'notes', 'other.md'), 'Resolution 1718 (2006) is also cited here.\r\n');
  });

  afterAll(() => {
    fs.rmSync(folder, { recursive: true, force: true });
  });

  it(
    'after diagnostics, code actions, completions, commands and every custom request, the workspace is byte-identical, and every proposed change is a WorkspaceEdit or text edits in a response',
    async () => {
      const uriOf = (relative: string): string => pathToFileURL(path.join(folder, relative)).toString();
      const draftUri = uriOf('draft.md');
      const bibliographyUri = uriOf('refs.bib');
      const draft = [
        '---',
        'date: 2025-03-01',
        'bibliography: refs.bib',
        '---',
        '',
        '# Brief',
        '',
        'The ban dates from resolution 1718 (2009).[^1] Article 16 restricts assistance.',
        '',
        'Prime Minister Vladimir Putin signed the 2024 treaty; Article 31 of the 2024 treaty is cited.',
        '',
        'Experts believe that S/RES/9001 (2030) changed the regime.[^9]',
        '',
        '[^1]: The official record.',
        '[^2]: Never cited.',
        '',
      ].join('\n');
      fs.writeFileSync(path.join(folder, 'draft.md'), draft);
      const before = snapshot();
      const writes: string[] = [];
      const watcher = fs.watch(folder, { recursive: true }, (event, file) => writes.push(`${event} ${String(file)}`));
      try {
        const session = await startSession({
          folderUri: pathToFileURL(folder).toString(),
          configuration: ({ items }) => items.map(() => ({})),
          capabilities: {
            workspace: { applyEdit: true, workspaceEdit: { documentChanges: true, resourceOperations: ['create', 'rename', 'delete'] }, didChangeWatchedFiles: { dynamicRegistration: true, relativePatternSupport: true } },
            textDocument: { completion: { completionItem: { snippetSupport: true } } },
          },
        });
        const connection = session.server.connection;
        await open(session, draftUri, draft);
        const diagnostics = (await session.server.nextDiagnostics(draftUri, (params) => params.diagnostics.some((diagnostic) => diagnostic.code === 'ambiguous-reference'))).diagnostics;
        expect(new Set(diagnostics.map((diagnostic) => diagnostic.code))).toEqual(
          new Set(['year-mismatch', 'ambiguous-reference', 'title-mismatch', 'unknown-provision', 'uncited-reference', 'vague-attribution', 'undefined-footnote', 'unused-footnote']),
        );

        // Code actions: one request per diagnostic, and one for all of them.
        const texts: Record<string, string> = { [draftUri]: draft, [bibliographyUri]: fs.readFileSync(path.join(folder, 'refs.bib'), 'utf8') };
        const actions: CodeAction[] = [];
        const requestActions = async (forDiagnostics: Diagnostic[]): Promise<void> => {
          const answer = (await connection.sendRequest(CodeActionRequest.type, {
            textDocument: { uri: draftUri },
            range: { start: { line: 0, character: 0 }, end: { line: draft.split('\n').length, character: 0 } },
            context: { diagnostics: forDiagnostics },
          })) as CodeAction[] | null;
          actions.push(...(answer ?? []));
        };
        for (const diagnostic of diagnostics) await requestActions([diagnostic]);
        await requestActions(diagnostics);
        expect(actions.some((action) => action.edit?.documentChanges?.some((change) => 'textDocument' in change && change.textDocument.uri === bibliographyUri))).toBe(true);
        for (const action of actions) {
          // A WorkspaceEdit of text edits only: no file is created, renamed or deleted.
          expect(action.edit, action.title).toBeDefined();
          for (const change of action.edit?.documentChanges ?? []) {
            expect('kind' in change, `${action.title}: a resource operation ${JSON.stringify(change)}`).toBe(false);
            const textEdit = change as TextDocumentEdit;
            const target = texts[textEdit.textDocument.uri];
            expect(target, `${action.title} edits ${textEdit.textDocument.uri}`).toBeDefined();
            const lines = new LineIndex(target as string);
            for (const edit of textEdit.edits as TextEdit[]) {
              expect([...lines.positionProblems(edit.range.start, 'start'), ...lines.positionProblems(edit.range.end, 'end')], action.title).toEqual([]);
            }
          }
          // Commands a code action carries run in the client (placing the cursor), never on the server.
          if (action.command) expect(action.command.command).toBe('lexicite.placeCursor');
        }

        // Completions, including one that appends a footnote definition.
        // A paragraph of its own (right after "[^2]: …" it would continue that footnote).
        const typed = `${draft}\nThe ban dates from resolution 1718.[^`;
        await connection.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri: draftUri, version: 2 }, contentChanges: [{ text: typed }] });
        const lastLine = typed.split('\n').length - 1;
        const completion = (await connection.sendRequest(CompletionRequest.type, {
          textDocument: { uri: draftUri },
          position: { line: lastLine, character: (typed.split('\n')[lastLine] as string).length },
        })) as CompletionItem[] | null;
        expect(completion?.some((item) => (item.additionalTextEdits ?? []).length > 0)).toBe(true);
        for (const position of [{ line: 7, character: 30 }, { line: 9, character: 0 }, { line: 11, character: 25 }]) {
          await connection.sendRequest(CompletionRequest.type, { textDocument: { uri: draftUri }, position });
          await connection.sendRequest(HoverRequest.type, { textDocument: { uri: draftUri }, position });
          await connection.sendRequest(DefinitionRequest.type, { textDocument: { uri: draftUri }, position });
          await connection.sendRequest(ReferencesRequest.type, { textDocument: { uri: draftUri }, position, context: { includeDeclaration: true } });
        }
        await connection.sendRequest(DocumentLinkRequest.type, { textDocument: { uri: draftUri } });
        await connection.sendRequest(WorkspaceSymbolRequest.type, { query: '1718' });
        await connection.sendRequest('lexicite/tableOfAuthorities', { uri: draftUri });
        await connection.sendRequest('lexicite/virtualDocument', { uri: 'lexicite:/instrument/unscr-1718.md' });
        const imported = (await connection.sendRequest('lexicite/importOfficialText', {
          id: 'lighthouse-treaty-2030',
          title: 'Treaty on Lighthouse Maintenance',
          url: 'https://treaties.example.org/lighthouse-2030.pdf',
          text: fs.readFileSync(path.join(REPO_ROOT, 'tests', 'import-fixtures', 'treaty-lighthouse.txt'), 'utf8'),
        })) as { ok: boolean };
        // The pack comes back to the client, which decides where to save it.
        expect(imported.ok).toBe(true);

        // Every command the server advertises, executed (today it advertises none).
        const commands = session.result.capabilities.executeCommandProvider?.commands ?? [];
        for (const command of commands) await connection.sendRequest(ExecuteCommandRequest.type, { command, arguments: [draftUri] }).catch(() => undefined);

        // File events, configuration changes, closing the draft (it is then read from disk).
        await connection.sendNotification(DidChangeWatchedFilesNotification.type, {
          changes: [
            { uri: uriOf('.lexicite/pack.json'), type: FileChangeType.Changed },
            { uri: uriOf('notes/other.md'), type: FileChangeType.Changed },
            { uri: uriOf('draft.md'), type: FileChangeType.Changed },
          ],
        });
        await connection.sendNotification(DidChangeConfigurationNotification.type, { settings: null });
        await connection.sendNotification(DidCloseTextDocumentNotification.type, { textDocument: { uri: draftUri } });
        await new Promise((resolve) => setTimeout(resolve, 500));
        await connection.sendRequest(WorkspaceSymbolRequest.type, { query: 'Lighthouse' });
        await connection.sendRequest(ShutdownRequest.type);
        await connection.sendNotification(ExitNotification.type);
        expect(await session.server.exited).toBe(0);

        // What the server asked of the client: settings and file watchers, and never to write.
        const methods = new Set(session.requests.map((request) => request.method));
        for (const method of methods) expect(['workspace/configuration', 'client/registerCapability', 'client/unregisterCapability', 'workspace/applyEdit']).toContain(method);
        for (const request of session.requests.filter((entry) => entry.method === 'workspace/applyEdit')) {
          const edit = (request.params as { edit?: { documentChanges?: unknown[] } }).edit;
          expect(edit?.documentChanges?.every((change) => !(change as object).hasOwnProperty('kind'))).toBe(true);
        }
      } finally {
        await new Promise((resolve) => setTimeout(resolve, 200));
        watcher.close();
      }
      expect(writes, 'file system events in the workspace during the session').toEqual([]);
      expect(snapshot()).toEqual(before);
    },
    120 * SECOND,
  );
});

describe('lexicite.maxFileSize', () => {
  it('a draft above the limit gets no diagnostics or hovers and one warning, however often it changes; below it, it is checked again', async () => {
    const session = await startSession({ configuration: ({ items }) => items.map(() => ({ maxFileSize: 2_000 })) });
    const uri = 'file:///robustness/too-large.md';
    const sentence = 'The oil cap dates from UNSCR 2375 (2016).';
    const large = `${sentence}\n\n`.repeat(100);
    expect(Buffer.byteLength(large)).toBeGreaterThan(2_000);
    await open(session, uri, large);
    expect((await diagnosticsFor(session, uri, 1)).diagnostics).toEqual([]);
    await session.server.connection.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri, version: 2 }, contentChanges: [{ text: `${large}More.` }] });
    expect((await diagnosticsFor(session, uri, 2)).diagnostics).toEqual([]);
    expect(await session.server.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position: { line: 0, character: 25 } })).toBeNull();
    const warnings = session.messages.filter((message) => message.kind === 'show' && message.type === 2 && message.message.includes('lexicite.maxFileSize'));
    expect(warnings).toHaveLength(1);
    expect(warnings[0]?.message).toMatch(/too-large\.md is 5 KiB, more than lexicite\.maxFileSize \(2 KiB\)/);

    await session.server.connection.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri, version: 3 }, contentChanges: [{ text: sentence }] });
    expect((await diagnosticsFor(session, uri, 3)).diagnostics.map((diagnostic) => diagnostic.code)).toContain('year-mismatch');
    expect(await session.server.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position: { line: 0, character: 25 } })).not.toBeNull();
  }, 30 * SECOND);
});
