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
  // The server opens no network connection, so it is started without NODE_EXTRA_CA_CERTS: Node
  // reads and parses that certificate bundle before it runs any code (40 to 50 ms of every start
  // on the benchmark machine, where the variable names the system's 220 KB bundle). The library
  // copies the extension host's environment and then this one; Node leaves a variable whose
  // value is undefined out of the child's environment.
  const environment = { NODE_EXTRA_CA_CERTS: undefined };
  const serverOptions: ServerOptions = {
    run: { module: serverModule, transport: TransportKind.ipc, options: { env: environment } },
    debug: { module: serverModule, transport: TransportKind.ipc, options: { env: environment, execArgv: ['--nolazy', '--inspect=6009'] } },
  };

  const crashTimes: number[] = [];
  const clientOptions: LanguageClientOptions = {
    documentSelector: [
      { scheme: 'file', language: 'markdown' },
      { scheme: 'untitled', language: 'markdown' },
    ],
    synchronize: { configurationSection: 'lexicite' },
    // The server answers pulled diagnostics (LSP 3.17) with result ids: after an edit that changed
    // none of a long draft's diagnostics it says "unchanged" instead of sending them all again.
    // Pull on every change and save, and for the drafts visible in tabs.
    diagnosticPullOptions: { onChange: true, onSave: true, onTabs: true },
    // Hovers carry one command link of Lexicite's own (import the text of an instrument outside the
    // corpus); no other command runs from a hover, and data text in hovers is escaped by the server.
    markdown: { isTrusted: { enabledCommands: ['lexicite.importOfficialText'] } },
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
    vscode.commands.registerCommand('lexicite.importOfficialText', (suggestion?: unknown) => importOfficialText(outputChannel, importSuggestion(suggestion))),
    vscode.commands.registerCommand('lexicite.tableOfAuthorities', () => showTableOfAuthorities()),
    // After a fix that leaves something to fill in (an empty footnote), the cursor goes there.
    vscode.commands.registerCommand('lexicite.placeCursor', (uri: string, offset: number) => {
      const editor = vscode.window.visibleTextEditors.find((candidate) => candidate.document.uri.toString() === uri);
      if (!editor || typeof offset !== 'number') return;
      const position = editor.document.positionAt(offset);
      editor.selection = new vscode.Selection(position, position);
      editor.revealRange(new vscode.Range(position, position));
    }),
    // Instruments and officials' records, served by the server, shown read-only (go to definition, workspace symbols).
    vscode.workspace.registerTextDocumentContentProvider('lexicite', {
      provideTextDocumentContent: async (uri) =>
        (await client?.sendRequest<string | null>('lexicite/virtualDocument', { uri: uri.toString() })) ?? `Lexicite has no record at ${uri.toString()}.`,
    }),
    vscode.workspace.onDidGrantWorkspaceTrust(() => {
      void client?.sendNotification('lexicite/workspaceTrusted');
    }),
  );

  outputChannel.info(`Starting the Lexicite server (${serverModule}).`);
  await startWithRetries(client, outputChannel);
}

/**
 * Starts the server; a server that dies during start-up (which the client's crash handler
 * does not cover) is tried again twice, after 1 and 3 seconds. After that the writer is told,
 * with a way to see the log or try again; activation itself never fails.
 */
async function startWithRetries(languageClient: LanguageClient, outputChannel: vscode.LogOutputChannel): Promise<void> {
  const delays = [1_000, 3_000];
  for (let attempt = 0; ; attempt++) {
    try {
      await languageClient.start();
      return;
    } catch (error) {
      outputChannel.error(`The Lexicite server did not start: ${error instanceof Error ? error.message : String(error)}`);
      const delay = delays[attempt];
      if (delay === undefined) break;
      outputChannel.info(`Trying again in ${delay / 1000} s.`);
      await new Promise((resolve) => setTimeout(resolve, delay));
    }
  }
  const choice = await vscode.window.showErrorMessage('Lexicite: the language server could not start. See the "Lexicite" output for why.', 'Show Output', 'Restart Server');
  if (choice === 'Show Output') outputChannel.show(true);
  else if (choice === 'Restart Server') await vscode.commands.executeCommand('lexicite.restartServer');
}

/** Opens the table of authorities of the active Markdown draft beside it, as a new unsaved document. */
async function showTableOfAuthorities(): Promise<void> {
  const editor = vscode.window.activeTextEditor;
  if (!editor || editor.document.languageId !== 'markdown') {
    void vscode.window.showInformationMessage('Lexicite: open a Markdown draft to build its table of authorities.');
    return;
  }
  const table = await client?.sendRequest<string | null>('lexicite/tableOfAuthorities', { uri: editor.document.uri.toString() });
  if (!table) {
    void vscode.window.showErrorMessage('Lexicite: the table of authorities could not be built; see the "Lexicite" output.');
    return;
  }
  const document = await vscode.workspace.openTextDocument({ language: 'markdown', content: table });
  await vscode.window.showTextDocument(document, { viewColumn: vscode.ViewColumn.Beside, preview: false });
}

type ImportResult = { ok: true; pack: unknown; warnings: string[] } | { ok: false; error: string };

interface ImportSuggestion {
  id?: string;
  title?: string;
  url?: string;
}

/**
 * What a hover suggests for the import: for an instrument outside the corpus its slug as the
 * id and its name as written as the title; for a built-in instrument whose provisions lack
 * text, its id, title and official address. Anything else passed to the command is ignored.
 */
function importSuggestion(value: unknown): ImportSuggestion {
  if (typeof value !== 'object' || value === null) return {};
  const { id, title, url } = value as Record<string, unknown>;
  return {
    ...(typeof id === 'string' && /^[a-z0-9]+(-[a-z0-9]+)*$/.test(id) ? { id } : {}),
    ...(typeof title === 'string' && title.length <= 300 ? { title } : {}),
    ...(typeof url === 'string' && url.length <= 2000 && /^https?:\/\/\S+$/.test(url) ? { url } : {}),
  };
}

/**
 * Turns the plain text of an official document into a source pack (.lexicite/<id>.json):
 * asks for the file, the id, the title and the official URL, lets the server's core parse
 * it, and writes the pack, never replacing an existing file without asking. For a built-in
 * instrument's id the server gives the provisions read to that instrument.
 */
async function importOfficialText(outputChannel: vscode.LogOutputChannel, suggestion: ImportSuggestion = {}): Promise<void> {
  const folder = vscode.workspace.workspaceFolders?.[0];
  if (!folder) {
    void vscode.window.showErrorMessage('Lexicite: open a folder first; the imported pack is saved in its .lexicite folder.');
    return;
  }
  const [file] =
    (await vscode.window.showOpenDialog({
      title: 'Import official text: choose the plain text copied from the official document',
      canSelectMany: false,
      filters: { 'Plain text': ['txt', 'text'], 'All files': ['*'] },
    })) ?? [];
  if (!file) return;
  const id = await vscode.window.showInputBox({
    title: 'Instrument id',
    ...(suggestion.id ? { value: suggestion.id } : {}),
    prompt: 'Lowercase words joined by hyphens, e.g. lighthouse-treaty-2030 or unscr-2719',
    validateInput: (value) => (/^[a-z0-9]+(-[a-z0-9]+)*$/.test(value) ? null : 'Use lowercase letters and digits in words joined by single hyphens'),
  });
  if (!id) return;
  const title = await vscode.window.showInputBox({ title: 'Instrument title', ...(suggestion.title ? { value: suggestion.title } : {}), prompt: 'The official title of the instrument', validateInput: (value) => (value.trim() ? null : 'A title is needed') });
  if (!title) return;
  const url = await vscode.window.showInputBox({
    title: 'Official document URL',
    ...(suggestion.url ? { value: suggestion.url } : {}),
    prompt: 'The http(s) address of the official document the text was copied from',
    validateInput: (value) => (/^https?:\/\/\S+$/.test(value) ? null : 'An http(s) address is needed'),
  });
  if (!url) return;
  const text = new TextDecoder('utf-8').decode(await vscode.workspace.fs.readFile(file));
  const result = await client?.sendRequest<ImportResult>('lexicite/importOfficialText', {
    id,
    title,
    url,
    text,
    sourceLabel: file.path.split('/').pop() ?? file.path,
  });
  if (!result) return;
  if (!result.ok) {
    void vscode.window.showErrorMessage(`Lexicite could not import ${file.fsPath}: ${result.error}`);
    return;
  }
  const target = vscode.Uri.joinPath(folder.uri, '.lexicite', `${id}.json`);
  const exists = await vscode.workspace.fs.stat(target).then(
    () => true,
    () => false,
  );
  if (exists) {
    const answer = await vscode.window.showWarningMessage(`${vscode.workspace.asRelativePath(target)} exists. Replace it?`, { modal: true }, 'Replace');
    if (answer !== 'Replace') return;
  }
  await vscode.workspace.fs.writeFile(target, new TextEncoder().encode(`${JSON.stringify(result.pack, null, 2)}\n`));
  for (const warning of result.warnings) outputChannel.warn(`Import of ${file.fsPath}: ${warning}`);
  await vscode.window.showTextDocument(target);
  void vscode.window.showInformationMessage(
    `Lexicite imported ${id} into ${vscode.workspace.asRelativePath(target)}${result.warnings.length > 0 ? ` with ${result.warnings.length} note(s) in the Lexicite output: check them` : ''}.`,
  );
}

export async function deactivate(): Promise<void> {
  if (!client) return;
  const stopping = client;
  client = undefined;
  await stopping.stop();
}
