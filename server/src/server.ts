/**
 * The Lexicite language server. This file only wires LSP requests to the analysis core
 * (server/src/core); conversions live in server/src/lsp.
 *
 * Run it over stdio for any editor: `lexicite-language-server --stdio`.
 * VS Code's client starts it over IPC (`--node-ipc`).
 */
import {
  createConnection,
  ProposedFeatures,
  TextDocuments,
  TextDocumentSyncKind,
  type InitializeResult,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { analyzeDocument, DEFAULT_SETTINGS, type AnalysisSettings, type DocumentAnalysis } from './core/analyze';
import { loadCorpus } from './core/corpus';
import { hoverAt } from './core/hover';
import { settingsFromJson } from './core/settings';
import { toDiagnostic, toHover } from './lsp/convert';
import { defaultDataDirectory } from './runtime';

if (process.argv.includes('--version')) {
  process.stdout.write(`lexicite-language-server ${process.env.LEXICITE_VERSION ?? ''}\n`);
  process.exit(0);
}
if (!process.argv.some((arg) => arg === '--stdio' || arg === '--node-ipc' || arg.startsWith('--socket') || arg.startsWith('--pipe'))) {
  process.stderr.write('lexicite-language-server: choose a transport, e.g. `lexicite-language-server --stdio`\n');
  process.exit(2);
}

const connection = createConnection(ProposedFeatures.all);
const documents = new TextDocuments(TextDocument);
const { corpus, problems: dataProblems } = loadCorpus(defaultDataDirectory());

/** Analyses cached per URI and version: a document is parsed once per version. */
const analyses = new Map<string, { version: number; analysis: DocumentAnalysis }>();
/** Settings resolved per document URI (scoped settings), never held in a global. */
const settingsByUri = new Map<string, Promise<AnalysisSettings>>();
let canPullConfiguration = false;

connection.onInitialize((params): InitializeResult => {
  canPullConfiguration = params.capabilities.workspace?.configuration === true;
  return {
    capabilities: {
      textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental },
      hoverProvider: true,
    },
    serverInfo: { name: 'lexicite-language-server' },
  };
});

connection.onInitialized(() => {
  for (const problem of dataProblems) {
    connection.console.error(`Lexicite data problem: ${problem.file} at ${problem.jsonPath}: ${problem.message}`);
  }
  connection.console.info(`Lexicite language server started: ${corpus.instruments.length} instruments loaded.`);
});

function settingsFor(uri: string): Promise<AnalysisSettings> {
  if (!canPullConfiguration) return Promise.resolve(DEFAULT_SETTINGS);
  let pending = settingsByUri.get(uri);
  if (!pending) {
    pending = connection.workspace
      .getConfiguration({ scopeUri: uri, section: 'lexicite' })
      .then((value: unknown) => {
        const { settings, problems } = settingsFromJson(value);
        for (const problem of problems) connection.console.warn(`Lexicite settings (${uri}): ${problem}`);
        return settings;
      })
      .catch((error: unknown) => {
        connection.console.error(`Lexicite: could not read settings for ${uri}: ${String(error)}`);
        return DEFAULT_SETTINGS;
      });
    settingsByUri.set(uri, pending);
  }
  return pending;
}

async function analysisOf(document: TextDocument): Promise<DocumentAnalysis> {
  const cached = analyses.get(document.uri);
  if (cached && cached.version === document.version) return cached.analysis;
  const settings = await settingsFor(document.uri);
  const analysis = analyzeDocument(document.getText(), corpus, settings);
  analyses.set(document.uri, { version: document.version, analysis });
  return analysis;
}

async function publishDiagnostics(document: TextDocument): Promise<void> {
  try {
    const analysis = await analysisOf(document);
    // Skip stale work: the document changed while settings were being fetched.
    const current = documents.get(document.uri);
    if (!current || current.version !== document.version) return;
    await connection.sendDiagnostics({
      uri: document.uri,
      version: document.version,
      diagnostics: analysis.diagnostics.map(toDiagnostic),
    });
  } catch (error) {
    connection.console.error(`Lexicite: analysis of ${document.uri} failed: ${error instanceof Error ? error.stack ?? error.message : String(error)}`);
  }
}

documents.onDidChangeContent((change) => void publishDiagnostics(change.document));

documents.onDidClose((event) => {
  analyses.delete(event.document.uri);
  settingsByUri.delete(event.document.uri);
  void connection.sendDiagnostics({ uri: event.document.uri, diagnostics: [] });
});

connection.onDidChangeConfiguration(() => {
  settingsByUri.clear();
  analyses.clear();
  for (const document of documents.all()) void publishDiagnostics(document);
});

connection.onHover(async (params) => {
  const document = documents.get(params.textDocument.uri);
  if (!document) return null;
  const analysis = await analysisOf(document);
  const info = hoverAt(analysis, corpus, analysis.document.offsetAt(params.position));
  return info ? toHover(info) : null;
});

documents.listen(connection);
connection.listen();
