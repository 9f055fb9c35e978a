/**
 * The VS Code side of Lexicite: starts the language server over IPC, restarts it when it
 * crashes, logs to the "Lexicite" output channel and stops it on deactivate.
 */
import * as path from 'node:path';
import * as vscode from 'vscode';
import {
  CloseAction,
  ErrorAction,
  LanguageClient,
  TransportKind,
  type CloseHandlerResult,
  type ErrorHandlerResult,
  type LanguageClientOptions,
  type ServerOptions,
} from 'vscode-languageclient/node';

let client: LanguageClient | undefined;

/** At most this many crashes within the window before we stop restarting and say so. */
const MAX_RESTARTS = 5;
const RESTART_WINDOW_MS = 3 * 60 * 1000;

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  const outputChannel = vscode.window.createOutputChannel('Lexicite', { log: true });
  context.subscriptions.push(outputChannel);

  const serverModule = context.asAbsolutePath(path.join('dist', 'server.js'));
  const serverOptions: ServerOptions = {
    run: { module: serverModule, transport: TransportKind.ipc },
    debug: { module: serverModule, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6009'] } },
  };

  const crashTimes: number[] = [];
  const clientOptions: LanguageClientOptions = {
    documentSelector: [
      { scheme: 'file', language: 'markdown' },
      { scheme: 'untitled', language: 'markdown' },
    ],
    synchronize: { configurationSection: 'lexicite' },
    // Source packs load only in a trusted workspace; see lexicite/workspaceTrusted below.
    initializationOptions: { workspaceTrusted: vscode.workspace.isTrusted },
    outputChannel,
    errorHandler: {
      error: (): ErrorHandlerResult => ({ action: ErrorAction.Continue }),
      closed: (): CloseHandlerResult => {
        const now = Date.now();
        crashTimes.push(now);
        while (crashTimes.length > 0 && now - (crashTimes[0] as number) > RESTART_WINDOW_MS) crashTimes.shift();
        if (crashTimes.length > MAX_RESTARTS) {
          return {
            action: CloseAction.DoNotRestart,
            message: `The Lexicite server crashed ${crashTimes.length} times in 3 minutes and will not be restarted. See the "Lexicite" output; run "Lexicite: Restart Server" to try again.`,
          };
        }
        outputChannel.info(`The Lexicite server stopped unexpectedly; restarting it.`);
        return { action: CloseAction.Restart, handled: true };
      },
    },
  };

  client = new LanguageClient('lexicite', 'Lexicite', serverOptions, clientOptions);

  context.subscriptions.push(
    vscode.commands.registerCommand('lexicite.restartServer', async () => {
      crashTimes.length = 0;
      outputChannel.info('Restarting the Lexicite server.');
      await client?.restart();
    }),
    vscode.commands.registerCommand('lexicite.showOutput', () => outputChannel.show(true)),
    vscode.workspace.onDidGrantWorkspaceTrust(() => {
      void client?.sendNotification('lexicite/workspaceTrusted');
    }),
  );

  outputChannel.info(`Starting the Lexicite server (${serverModule}).`);
  await client.start();
}

export async function deactivate(): Promise<void> {
  if (!client) return;
  const stopping = client;
  client = undefined;
  await stopping.stop();
}
