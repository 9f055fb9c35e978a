/**
 * The Lexicite language server. This file only wires LSP requests to the analysis core
 * (server/src/core); conversions live in server/src/lsp.
 *
 * Run it over stdio for any editor: `lexicite-language-server --stdio`.
 * VS Code's client starts it over IPC (`--node-ipc`).
 */
import {
  CodeActionKind,
  createConnection,
  DidChangeWatchedFilesNotification,
  ProposedFeatures,
  RequestType,
  TextDocuments,
  TextDocumentSyncKind,
  type Disposable,
  type FileSystemWatcher,
  type InitializeResult,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { analyzeDocument, DEFAULT_SETTINGS, documentDate, type AnalysisSettings, type DocumentAnalysis } from './core/analyze';
import { namedBibliography, type BibliographyInput } from './core/bibliography';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { URI } from 'vscode-uri';
import { tableOfAuthorities } from './core/authorities';
import { loadCorpus, type Corpus } from './core/corpus';
import { completionsAt } from './core/completions';
import { hoverAt, referenceAt } from './core/hover';
import { documentLinks } from './core/links';
import { searchSymbols } from './core/symbols';
import { definitionTarget, virtualDocumentAt } from './core/virtual-documents';
import { WorkspaceIndex } from './core/workspace-index';
import { importOfficialText, type ImportRequest, type ImportResult } from './core/import/official-text';
import { DEFAULT_PACK_GLOBS, findMarkdownFiles, findPackFiles, loadPackFiles } from './core/pack-files';
import { settingsFromJson, sourcePackGlobsFromJson } from './core/settings';
import { packProblemToDiagnostic, toCodeActions, toCompletionItem, toDiagnostic, toDocumentLink, toHover, toLocation, toSymbolInformation, virtualDocumentUri, virtualDocumentPath } from './lsp/convert';
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
const { corpus: builtinCorpus, problems: dataProblems } = loadCorpus(defaultDataDirectory());
/** The built-in corpus plus the workspace's source packs; replaced whenever packs reload. */
let corpus: Corpus = builtinCorpus;

/** The README shipped beside the server: diagnostics link to their rule's section in it. */
const DOCS_URI = ((): string | null => {
  // The packaged extension has it as readme.md.
  const readme = ['README.md', 'readme.md'].map((name) => path.resolve(__dirname, '..', name)).find((file) => fs.existsSync(file));
  return readme ? URI.file(readme).toString() : null;
})();
/** What every Markdown file of the workspace cites, for "find all references". */
const workspaceIndex = new WorkspaceIndex();
/** Drafts larger than this are not read from disk for the index. */
const MAX_INDEXED_FILE_BYTES = 2 * 1024 * 1024;
/** Analyses cached per URI and version: a document is parsed once per version. */
const analyses = new Map<string, { version: number; analysis: DocumentAnalysis }>();
/** Settings resolved per document URI (scoped settings), never held in a global. */
const settingsByUri = new Map<string, Promise<AnalysisSettings>>();
let canPullConfiguration = false;
let canWatchFiles = false;
let canWatchRelativePatterns = false;
/** Source packs are loaded only in a trusted workspace; editors without a trust model count as trusted. */
let workspaceTrusted = true;
let workspaceFolders: string[] = [];
/** Pack files that currently carry diagnostics, so they can be cleared when fixed or deleted. */
let packFilesWithDiagnostics = new Set<string>();
let packWatcherRegistration: Promise<Disposable> | undefined;

connection.onInitialize((params): InitializeResult => {
  canPullConfiguration = params.capabilities.workspace?.configuration === true;
  const watchCapability = params.capabilities.workspace?.didChangeWatchedFiles;
  canWatchFiles = watchCapability?.dynamicRegistration === true;
  canWatchRelativePatterns = watchCapability?.relativePatternSupport === true;
  const options = params.initializationOptions as { workspaceTrusted?: unknown } | undefined;
  if (typeof options?.workspaceTrusted === 'boolean') workspaceTrusted = options.workspaceTrusted;
  workspaceFolders = (params.workspaceFolders ?? (params.rootUri ? [{ uri: params.rootUri, name: '' }] : []))
    .map((folder) => URI.parse(folder.uri))
    .filter((uri) => uri.scheme === 'file')
    .map((uri) => uri.toString());
  return {
    capabilities: {
      textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental },
      hoverProvider: true,
      documentLinkProvider: { resolveProvider: false },
      definitionProvider: true,
      referencesProvider: true,
      workspaceSymbolProvider: true,
      codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix] },
      completionProvider: { triggerCharacters: ['^', ' ', '/', '@'] },
    },
    serverInfo: { name: 'lexicite-language-server' },
  };
});

connection.onInitialized(() => {
  for (const problem of dataProblems) {
    connection.console.error(`Lexicite data problem: ${problem.file} at ${problem.jsonPath}: ${problem.message}`);
  }
  connection.console.info(`Lexicite language server started: ${builtinCorpus.instruments.length} instruments loaded.`);
  void reloadPacks();
});

/** Each folder's `lexicite.sourcePacks` globs (the default when the editor has no settings). */
async function packGlobsFor(folderUri: string): Promise<string[]> {
  if (!canPullConfiguration) return [...DEFAULT_PACK_GLOBS];
  const value: unknown = await connection.workspace.getConfiguration({ scopeUri: folderUri, section: 'lexicite' }).catch(() => undefined);
  const { globs, problems } = sourcePackGlobsFromJson(value, DEFAULT_PACK_GLOBS);
  for (const problem of problems) connection.console.warn(`Lexicite settings (${folderUri}): ${problem}`);
  return globs;
}

let reloading: Promise<void> = Promise.resolve();

/** Reloads the workspace's source packs, publishes their problems and re-checks open drafts. */
function reloadPacks(): Promise<void> {
  reloading = reloading.then(reloadPacksNow, reloadPacksNow);
  return reloading;
}

async function reloadPacksNow(): Promise<void> {
  try {
    const files: string[] = [];
    const watchers: FileSystemWatcher[] = [];
    if (workspaceTrusted) {
      for (const folderUri of workspaceFolders) {
        const globs = await packGlobsFor(folderUri);
        files.push(...findPackFiles(URI.parse(folderUri).fsPath, globs));
        for (const glob of [...globs, '**/*.md']) watchers.push({ globPattern: canWatchRelativePatterns ? { baseUri: folderUri, pattern: glob } : `**/${glob.replace(/^(\.\/|\*\*\/)+/, '')}` });
      }
    }
    const loaded = loadPackFiles(builtinCorpus, [...new Set(files)].sort());
    corpus = loaded.corpus;
    const withDiagnostics = new Set<string>();
    for (const [file, problems] of loaded.problemsByFile) {
      const uri = URI.file(file).toString();
      if (problems.length > 0) withDiagnostics.add(uri);
      if (problems.length > 0 || packFilesWithDiagnostics.has(uri)) {
        await connection.sendDiagnostics({ uri, diagnostics: problems.map(packProblemToDiagnostic) });
      }
      if (problems.length > 0) connection.console.warn(`Lexicite: ${problems.length} problem(s) in source pack ${file}`);
    }
    for (const uri of packFilesWithDiagnostics) if (!withDiagnostics.has(uri)) await connection.sendDiagnostics({ uri, diagnostics: [] });
    packFilesWithDiagnostics = withDiagnostics;
    if (loaded.problemsByFile.size > 0) connection.console.info(`Lexicite: loaded ${loaded.problemsByFile.size} source pack(s).`);
    else if (!workspaceTrusted) connection.console.info('Lexicite: the workspace is not trusted; source packs are not loaded.');
    await registerPackWatchers(watchers);
    analyses.clear();
    for (const document of documents.all()) void publishDiagnostics(document);
    // The corpus changed: what the drafts on disk cite may have changed too.
    if (workspaceTrusted || workspaceIndex.size === 0) indexWorkspaceFiles();
  } catch (error) {
    connection.console.error(`Lexicite: could not load source packs: ${error instanceof Error ? error.stack ?? error.message : String(error)}`);
  }
}

async function registerPackWatchers(watchers: FileSystemWatcher[]): Promise<void> {
  if (!canWatchFiles) return;
  const previous = packWatcherRegistration;
  packWatcherRegistration = undefined;
  if (previous) (await previous).dispose();
  if (watchers.length > 0) packWatcherRegistration = connection.client.register(DidChangeWatchedFilesNotification.type, { watchers });
}

/** Reads every Markdown draft of the workspace folders into the index (open drafts are indexed as they are analysed). */
function indexWorkspaceFiles(): void {
  for (const folderUri of workspaceFolders) {
    for (const file of findMarkdownFiles(URI.parse(folderUri).fsPath)) indexFileFromDisk(URI.file(file).toString());
  }
}

function indexFileFromDisk(uri: string): void {
  if (documents.get(uri)) return;
  const file = URI.parse(uri).fsPath;
  try {
    if (fs.statSync(file).size > MAX_INDEXED_FILE_BYTES) {
      connection.console.info(`Lexicite: ${file} is larger than ${MAX_INDEXED_FILE_BYTES} bytes; it is left out of the workspace index.`);
      workspaceIndex.delete(uri);
      return;
    }
    workspaceIndex.set(uri, analyzeDocument(fs.readFileSync(file, 'utf8'), corpus).references);
  } catch {
    // Deleted or unreadable: nothing to index.
    workspaceIndex.delete(uri);
  }
}

let packReloadTimer: NodeJS.Timeout | undefined;
connection.onDidChangeWatchedFiles((params) => {
  const packsChanged = params.changes.some((change) => !/\.md$/i.test(change.uri));
  for (const change of params.changes) if (/\.md$/i.test(change.uri)) indexFileFromDisk(change.uri);
  if (!packsChanged) return;
  // Saving several files fires several events: reload once they settle.
  if (packReloadTimer) clearTimeout(packReloadTimer);
  packReloadTimer = setTimeout(() => void reloadPacks(), 100);
});

connection.onNotification('lexicite/workspaceTrusted', () => {
  workspaceTrusted = true;
  void reloadPacks();
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

/** Bibliography files read from disk, by path, with the mtime they were read at. */
const bibliographyFiles = new Map<string, { mtimeMs: number; text: string }>();
/** Bibliography files already reported as missing or unreadable, or with problems (reported once each). */
const reportedBibliographies = new Set<string>();

/**
 * The Pandoc bibliography a draft names in its front matter (the first file of a list),
 * relative to the draft's folder: the editor's text when the file is open, else the file on
 * disk (cached by mtime). A missing or unreadable file is logged once and counts as none.
 */
function bibliographyFor(uri: string, text: string): BibliographyInput | null {
  const draft = URI.parse(uri);
  const file = draft.scheme === 'file' ? namedBibliography(draft.fsPath, text) : null;
  if (!file) return null;
  const open = documents.get(URI.file(file).toString());
  if (open) return { file, text: open.getText() };
  try {
    const { mtimeMs } = fs.statSync(file);
    const cached = bibliographyFiles.get(file);
    if (cached && cached.mtimeMs === mtimeMs) return { file, text: cached.text };
    const read = fs.readFileSync(file, 'utf8');
    bibliographyFiles.set(file, { mtimeMs, text: read });
    reportedBibliographies.delete(file);
    return { file, text: read };
  } catch (error) {
    bibliographyFiles.delete(file);
    if (!reportedBibliographies.has(file)) {
      reportedBibliographies.add(file);
      connection.console.warn(`Lexicite: cannot read the bibliography ${file} named by ${uri}: ${error instanceof Error ? error.message : String(error)}`);
    }
    return null;
  }
}

async function analysisOf(document: TextDocument): Promise<DocumentAnalysis> {
  const cached = analyses.get(document.uri);
  if (cached && cached.version === document.version) return cached.analysis;
  const settings = await settingsFor(document.uri);
  const text = document.getText();
  const analysis = analyzeDocument(text, corpus, settings, { bibliography: bibliographyFor(document.uri, text) });
  if (analysis.bibliography && analysis.bibliography.problems.length > 0 && !reportedBibliographies.has(analysis.bibliography.file)) {
    reportedBibliographies.add(analysis.bibliography.file);
    for (const problem of analysis.bibliography.problems) connection.console.warn(`Lexicite: bibliography problem: ${problem}`);
  }
  analyses.set(document.uri, { version: document.version, analysis });
  workspaceIndex.set(document.uri, analysis.references);
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
      diagnostics: analysis.diagnostics.map((finding) => toDiagnostic(finding, analysis.document, document.uri, document.version, DOCS_URI)),
    });
  } catch (error) {
    connection.console.error(`Lexicite: analysis of ${document.uri} failed: ${error instanceof Error ? error.stack ?? error.message : String(error)}`);
  }
}

documents.onDidChangeContent((change) => void publishDiagnostics(change.document));

documents.onDidClose((event) => {
  analyses.delete(event.document.uri);
  // What the file says on disk counts again (or nothing, if it was never saved).
  workspaceIndex.delete(event.document.uri);
  if (event.document.uri.startsWith('file:')) indexFileFromDisk(event.document.uri);
  settingsByUri.delete(event.document.uri);
  void connection.sendDiagnostics({ uri: event.document.uri, diagnostics: [] });
});

connection.onDidChangeConfiguration(() => {
  settingsByUri.clear();
  // The pack globs may have changed: reload the packs, which re-checks every open draft.
  void reloadPacks();
});

connection.onHover(async (params) => {
  const document = documents.get(params.textDocument.uri);
  if (!document) return null;
  const analysis = await analysisOf(document);
  const settings = await settingsFor(document.uri);
  const info = hoverAt(analysis, corpus, analysis.document.offsetAt(params.position), { asOf: documentDate(analysis), style: settings.citationStyle });
  return info ? toHover(info) : null;
});

/** The "Lexicite: Import Official Text" command: the client sends the text, the core parses it. */
connection.onCompletion(async (params) => {
  const document = documents.get(params.textDocument.uri);
  if (!document) return null;
  const analysis = await analysisOf(document);
  const settings = await settingsFor(document.uri);
  const offset = analysis.document.offsetAt(params.position);
  const completions = completionsAt(analysis, corpus, offset, { asOf: documentDate(analysis), style: settings.citationStyle });
  if (!completions) return null;
  return completions.items.map((item) => toCompletionItem(item, analysis.document, completions.replaceStart, offset));
});

connection.onCodeAction((params) => {
  const document = documents.get(params.textDocument.uri);
  if (!document) return null;
  const text = document.getText();
  return params.context.diagnostics.flatMap((diagnostic) => toCodeActions(diagnostic, document.uri, document.version, text));
});

connection.onDocumentLinks(async (params) => {
  const document = documents.get(params.textDocument.uri);
  if (!document) return null;
  return documentLinks(await analysisOf(document), corpus).map(toDocumentLink);
});

connection.onDefinition(async (params) => {
  const document = documents.get(params.textDocument.uri);
  if (!document) return null;
  const analysis = await analysisOf(document);
  const reference = referenceAt(analysis, analysis.document.offsetAt(params.position));
  const target = reference ? definitionTarget(reference, corpus) : null;
  return target ? toLocation(virtualDocumentUri(target.path), target.line) : null;
});

/** The text of a `lexicite:` document (an instrument or an official's record), for the client to show read-only. */
const VirtualDocumentRequest = new RequestType<{ uri: string }, string | null, void>('lexicite/virtualDocument');
connection.onRequest(VirtualDocumentRequest, ({ uri }) => {
  const path = virtualDocumentPath(uri);
  return path ? (virtualDocumentAt(corpus, path)?.text ?? null) : null;
});

connection.onReferences(async (params) => {
  const document = documents.get(params.textDocument.uri);
  if (!document) return null;
  const analysis = await analysisOf(document);
  const reference = referenceAt(analysis, analysis.document.offsetAt(params.position));
  if (!reference || reference.resolvedBy === 'ambiguous') return null;
  return workspaceIndex.referencesTo(reference.id).map(({ uri, reference: found }) => ({ uri, range: found.range }));
});

connection.onWorkspaceSymbol((params) => searchSymbols(corpus, params.query).map(toSymbolInformation));

/** The table of authorities of a draft, as Markdown. */
const TableOfAuthoritiesRequest = new RequestType<{ uri: string }, string | null, void>('lexicite/tableOfAuthorities');
connection.onRequest(TableOfAuthoritiesRequest, async ({ uri }) => {
  const document = documents.get(uri);
  if (!document) return null;
  const title = `Table of authorities: ${URI.parse(uri).path.split('/').pop() ?? uri}`;
  return tableOfAuthorities(await analysisOf(document), corpus, { title });
});

const ImportOfficialTextRequest = new RequestType<ImportRequest, ImportResult, void>('lexicite/importOfficialText');
connection.onRequest(ImportOfficialTextRequest, (request) => importOfficialText(request));

documents.listen(connection);
connection.listen();
