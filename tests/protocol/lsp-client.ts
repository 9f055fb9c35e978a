/**
 * A real LSP client for tests: starts the built server (dist/server.js --stdio) as a
 * child process and speaks JSON-RPC to it through vscode-languageserver-protocol.
 */
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import * as path from 'node:path';
import {
  type ClientCapabilities,
  createProtocolConnection,
  InitializedNotification,
  InitializeRequest,
  type InitializeResult,
  type Registration,
  RegistrationRequest,
  StreamMessageReader,
  StreamMessageWriter,
  type ProtocolConnection,
  type PublishDiagnosticsParams,
} from 'vscode-languageserver-protocol/node';
import { DIST } from '../helpers';

export interface ServerUnderTest {
  connection: ProtocolConnection;
  process: ChildProcessWithoutNullStreams;
  stderr: () => string;
  /** Resolves with the next publishDiagnostics for `uri` that satisfies `accept`. */
  nextDiagnostics: (uri: string, accept?: (params: PublishDiagnosticsParams) => boolean) => Promise<PublishDiagnosticsParams>;
  /** Drops diagnostics already received for `uri`, so the next wait sees only new ones. */
  forget: (uri: string) => void;
  exited: Promise<number | null>;
  /** Resolves once the server has registered `count` capabilities for `method` (client/registerCapability), with them all. */
  registrations: (method: string, count: number) => Promise<Registration[]>;
}

export function startServer(env: NodeJS.ProcessEnv = {}): ServerUnderTest {
  const child = spawn(process.execPath, [path.join(DIST, 'server.js'), '--stdio'], {
    env: { ...process.env, ...env },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  const connection = createProtocolConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));

  const received: PublishDiagnosticsParams[] = [];
  const waiters: Array<{ uri: string; accept: (params: PublishDiagnosticsParams) => boolean; resolve: (params: PublishDiagnosticsParams) => void }> = [];
  connection.onNotification('textDocument/publishDiagnostics', (params: PublishDiagnosticsParams) => {
    const index = waiters.findIndex((waiter) => waiter.uri === params.uri && waiter.accept(params));
    if (index >= 0) {
      const [waiter] = waiters.splice(index, 1);
      waiter?.resolve(params);
    } else {
      received.push(params);
    }
  });
  // Dynamic registrations (a client that declares dynamicRegistration gets them): accepted and kept.
  const registered: Registration[] = [];
  const registrationWaiters: Array<() => void> = [];
  connection.onRequest(RegistrationRequest.type, (params) => {
    registered.push(...params.registrations);
    for (const wake of registrationWaiters.splice(0)) wake();
  });
  connection.listen();

  return {
    registrations(method, count) {
      return new Promise((resolve) => {
        const check = (): void => {
          const matching = registered.filter((registration) => registration.method === method);
          if (matching.length >= count) resolve(matching);
          else registrationWaiters.push(check);
        };
        check();
      });
    },
    connection,
    process: child,
    stderr: () => stderr,
    exited,
    forget(uri) {
      for (let index = received.length - 1; index >= 0; index--) if (received[index]?.uri === uri) received.splice(index, 1);
    },
    nextDiagnostics(uri, accept = () => true) {
      const index = received.findIndex((params) => params.uri === uri && accept(params));
      if (index >= 0) return Promise.resolve(received.splice(index, 1)[0] as PublishDiagnosticsParams);
      return new Promise((resolve) => waiters.push({ uri, accept, resolve }));
    },
  };
}

/**
 * Starts the server and completes the LSP handshake, as an editor without settings support
 * would: optionally with one workspace folder, a workspace trust flag, client capabilities
 * (none by default: diagnostics are then pushed) and more environment for the server process.
 */
export async function startInitializedServer(options: { folderUri?: string; workspaceTrusted?: boolean; capabilities?: ClientCapabilities; env?: NodeJS.ProcessEnv } = {}): Promise<{ server: ServerUnderTest; result: InitializeResult }> {
  const server = startServer(options.env);
  const result = await server.connection.sendRequest(InitializeRequest.type, {
    processId: process.pid,
    rootUri: null,
    capabilities: options.capabilities ?? {},
    workspaceFolders: options.folderUri ? [{ uri: options.folderUri, name: 'ws' }] : null,
    ...(options.workspaceTrusted !== undefined ? { initializationOptions: { workspaceTrusted: options.workspaceTrusted } } : {}),
  });
  await server.connection.sendNotification(InitializedNotification.type, {});
  return { server, result };
}
