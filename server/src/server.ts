/**
 * The Lexicite language server. This file only wires LSP requests to the analysis core
 * (server/src/core); conversions live in server/src/lsp.
 *
 * Run it over stdio for any editor: `lexicite-language-server --stdio`.
 * VS Code's client starts it over IPC (`--node-ipc`).
 */
import {
  CodeActionKind,
  ConfigurationRequest,
  DocumentDiagnosticReportKind,
  type Diagnostic,
  type DocumentDiagnosticReport,
  MessageType,
  ShowMessageNotification,
  createConnection,
  DidChangeWatchedFilesNotification,
  DocumentDiagnosticRequest,
  ProposedFeatures,
  RequestType,
  TextDocuments,
  TextDocumentSyncKind,
  type Disposable,
  type FileSystemWatcher,
  type InitializeResult,
} from 'vscode-languageserver/node';
import { analyzeDocument, DEFAULT_SETTINGS, DocumentAnalyzer, documentDate, mergeChange, type AnalysisSettings, type DocumentAnalysis, type TextChange } from './core/analyze';
import { namedBibliography, type BibliographyInput } from './core/bibliography';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { URI } from 'vscode-uri';
import { tableOfAuthorities } from './core/authorities';
import { loadCorpus, type Corpus, type LoadedCorpus } from './core/corpus';
import { completionsAt } from './core/completions';
import { hoverAt, referenceAt } from './core/hover';
import { documentLinks } from './core/links';
import { searchSymbols } from './core/symbols';
import { definitionTarget, virtualDocumentAt } from './core/virtual-documents';
import { WorkspaceIndex } from './core/workspace-index';
import { builtInTargetOf, importOfficialText, type ImportRequest, type ImportResult } from './core/import/official-text';
import { DEFAULT_PACK_GLOBS, findMarkdownFiles, findPackFiles, loadPackFiles } from './core/pack-files';
import { DEFAULT_MAX_FILE_SIZE, settingsFromJson, sourcePackGlobsFromJson } from './core/settings';
import { packProblemToDiagnostic, sameDiagnostics, toCodeActions, toCompletionItem, toDiagnostic, toDocumentLink, toHover, toLocation, toSymbolInformation, virtualDocumentUri, virtualDocumentPath } from './lsp/convert';
import { bandHeight, diagnosticsBySlice, sliceIdentifiers, sliceOfIdentifier } from './lsp/diagnostic-slices';
import { DraftDocument } from './lsp/draft-document';
import type { DraftText } from './core/text';
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
/**
 * Per open document, where its text differs from the text its analyzer analysed last (absent:
 * nowhere; 'unknown': a change without a range replaced the whole text): told to the
 * analyzer, which then cuts only the chunks around it.
 */
const changedSinceAnalysis = new Map<string, TextChange | 'unknown'>();
const documents = new TextDocuments<DraftDocument>({
  create: (uri, languageId, version, content) => new DraftDocument(uri, languageId, version, content),
  update(document, changes, version) {
    // Each change is applied on its own, so that its offsets are read from the text it applies to.
    for (const change of changes) {
      const known = changedSinceAnalysis.get(document.uri);
      const replaced = document.apply(change);
      if (replaced && known !== 'unknown') changedSinceAnalysis.set(document.uri, mergeChange(known ?? null, replaced.start, replaced.end, change.text.length));
      else changedSinceAnalysis.set(document.uri, 'unknown');
    }
    document.version = version;
    return document;
  },
});
/**
 * The built-in corpus, loaded on first use: right after the initialize response (see
 * onInitialized), so that the editor's handshake does not wait for the data (the resolution
 * index alone is 2,640 records).
 */
let builtinLoaded: LoadedCorpus | null = null;
function builtin(): LoadedCorpus {
  builtinLoaded ??= loadCorpus(defaultDataDirectory());
  return builtinLoaded;
}
/** The built-in corpus plus the workspace's source packs, once packs have loaded; replaced whenever they reload. */
let withPacks: Corpus | null = null;
function currentCorpus(): Corpus {
  return withPacks ?? builtin().corpus;
}

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
/** One analyzer per open document: it re-analyses only the chunks an edit touched (see DocumentAnalyzer). */
const analyzers = new Map<string, DocumentAnalyzer>();
/** Documents above lexicite.maxFileSize that the writer has been told about (once each, until they shrink). */
const toldTooLarge = new Set<string>();
/** Analyses that failed (a bug): reported once per document, with the document left unanalysed. */
const failedAnalyses = new Set<string>();

interface ServerSettings extends AnalysisSettings {
  maxFileSize: number;
}
const DEFAULT_SERVER_SETTINGS: ServerSettings = { ...DEFAULT_SETTINGS, maxFileSize: DEFAULT_MAX_FILE_SIZE };
/** Settings resolved per document URI (scoped settings), never held in a global. */
const settingsByUri = new Map<string, Promise<ServerSettings>>();
let canPullConfiguration = false;
/**
 * Whether the client pulls diagnostics (LSP 3.17 textDocument/diagnostic, VS Code 1.96 does):
 * then a report that did not change since the client's last is answered "unchanged" and not
 * sent again. Clients without pull get every version's diagnostics pushed.
 */
let pullDiagnostics = false;
/** Whether diagnostics are pulled in slices (the client registers providers dynamically): see lsp/diagnostic-slices.ts. */
let sliceDiagnostics = false;
let canRefreshDiagnostics = false;
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
  pullDiagnostics = params.capabilities.textDocument?.diagnostic !== undefined;
  sliceDiagnostics = params.capabilities.textDocument?.diagnostic?.dynamicRegistration === true;
  canRefreshDiagnostics = params.capabilities.workspace?.diagnostics?.refreshSupport === true;
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
      ...(pullDiagnostics && !sliceDiagnostics ? { diagnosticProvider: { identifier: 'lexicite', interFileDependencies: false, workspaceDiagnostics: false } } : {}),
    },
    serverInfo: { name: 'lexicite-language-server' },
  };
});

connection.onInitialized(() => {
  const { corpus: builtinCorpus, problems: dataProblems } = builtin();
  for (const problem of dataProblems) {
    connection.console.error(`Lexicite data problem: ${problem.file} at ${problem.jsonPath}: ${problem.message}`);
  }
  connection.console.info(`Lexicite language server started: ${builtinCorpus.instrumentCount} instruments loaded.`);
  if (sliceDiagnostics) {
    for (const identifier of sliceIdentifiers()) {
      void connection.client
        .register(DocumentDiagnosticRequest.type, { documentSelector: null, identifier, interFileDependencies: false, workspaceDiagnostics: false })
        .catch((error: unknown) => connection.console.error(`Lexicite: the client refused the diagnostics provider ${identifier}: ${String(error)}`));
    }
  }
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
    const loaded = loadPackFiles(builtin().corpus, [...new Set(files)].sort());
    withPacks = loaded.corpus;
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
    checkOpenDocumentsAgain();
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
    workspaceIndex.set(uri, analyzeDocument(fs.readFileSync(file, 'utf8'), currentCorpus()).references);
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

function settingsFor(uri: string): Promise<ServerSettings> {
  if (!canPullConfiguration) return Promise.resolve(DEFAULT_SERVER_SETTINGS);
  let pending = settingsByUri.get(uri);
  if (!pending) {
    pending = connection
      .sendRequest(ConfigurationRequest.type, { items: [{ scopeUri: uri, section: 'lexicite' }] })
      .then((answer: unknown) => {
        // The protocol answers with a list, one value per item; anything else is the client's mistake.
        if (!Array.isArray(answer)) {
          connection.console.error(`Lexicite settings (${uri}): the editor answered the settings request with ${String(JSON.stringify(answer)).slice(0, 200)}, not a list; using the default settings`);
          return undefined;
        }
        return answer[0] as unknown;
      })
      .then((value: unknown) => {
        const { settings, maxFileSize, problems } = settingsFromJson(value);
        for (const problem of problems) connection.console.warn(`Lexicite settings (${uri}): ${problem}`);
        return { ...settings, maxFileSize };
      })
      .catch((error: unknown) => {
        connection.console.error(`Lexicite: could not read settings for ${uri}: ${String(error)}`);
        return DEFAULT_SERVER_SETTINGS;
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
function bibliographyFor(uri: string, text: DraftText): BibliographyInput | null {
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

/** The analysis of nothing: what a document too large to check, or one whose analysis failed, shows. */
let emptyAnalysis: DocumentAnalysis | null = null;
function nothingAnalysed(): DocumentAnalysis {
  emptyAnalysis ??= analyzeDocument('', currentCorpus());
  return emptyAnalysis;
}

function describeSize(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MiB` : `${Math.ceil(bytes / 1024)} KiB`;
}

/** The analysis of a document's current version and that version (cached per version). */
async function analysedVersionOf(document: DraftDocument): Promise<{ version: number; analysis: DocumentAnalysis }> {
  const cached = analyses.get(document.uri);
  if (cached && cached.version === document.version) return cached;
  const settings = await settingsFor(document.uri);
  const version = document.version;
  const entry = { version, analysis: analyse(document.uri, document.text, settings) };
  analyses.set(document.uri, entry);
  workspaceIndex.set(document.uri, () => entry.analysis.references);
  return entry;
}

async function analysisOf(document: DraftDocument): Promise<DocumentAnalysis> {
  return (await analysedVersionOf(document)).analysis;
}

/** Analyses one version of an open document; never throws. */
function analyse(uri: string, text: DraftText, settings: ServerSettings): DocumentAnalysis {
  // Above the limit, say so once and check nothing: the editor must stay responsive.
  const bytes = text.length > settings.maxFileSize / 3 ? Buffer.byteLength(text.toString(), 'utf8') : text.length;
  if (bytes > settings.maxFileSize) {
    analyzers.delete(uri);
    if (!toldTooLarge.has(uri)) {
      toldTooLarge.add(uri);
      const name = path.basename(URI.parse(uri).path) || uri;
      const message = `Lexicite: ${name} is ${describeSize(bytes)}, more than lexicite.maxFileSize (${describeSize(settings.maxFileSize)}), so it is not checked. Raise lexicite.maxFileSize to check it, or run the lexicite CLI on it.`;
      connection.console.warn(message);
      void connection.sendNotification(ShowMessageNotification.type, { type: MessageType.Warning, message });
    }
    return nothingAnalysed();
  }
  toldTooLarge.delete(uri);
  let analyzer = analyzers.get(uri);
  if (!analyzer) analyzers.set(uri, (analyzer = new DocumentAnalyzer()));
  try {
    const changed = changedSinceAnalysis.get(uri);
    changedSinceAnalysis.delete(uri);
    const analysis = analyzer.analyze(text, currentCorpus(), settings, { bibliography: bibliographyFor(uri, text), changed: changed === 'unknown' ? null : changed });
    failedAnalyses.delete(uri);
    if (analysis.bibliography && analysis.bibliography.problems.length > 0 && !reportedBibliographies.has(analysis.bibliography.file)) {
      reportedBibliographies.add(analysis.bibliography.file);
      for (const problem of analysis.bibliography.problems) connection.console.warn(`Lexicite: bibliography problem: ${problem}`);
    }
    return analysis;
  } catch (error) {
    // A bug in the analysis must not take the server down or leave stale results: report it once, show nothing.
    analyzers.delete(uri);
    if (!failedAnalyses.has(uri)) {
      failedAnalyses.add(uri);
      connection.console.error(`Lexicite: analysis of ${uri} failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
      void connection.sendNotification(ShowMessageNotification.type, { type: MessageType.Error, message: `Lexicite could not check ${path.basename(URI.parse(uri).path) || uri}: ${error instanceof Error ? error.message : String(error)}. Please report this with the draft.` });
    }
    return nothingAnalysed();
  }
}

/** Every open draft's diagnostics, again (the corpus or the settings changed): pushed, or the client asked to pull them. */
function checkOpenDocumentsAgain(): void {
  if (!pullDiagnostics) {
    for (const document of documents.all()) void publishDiagnostics(document);
    return;
  }
  reports.clear();
  if (canRefreshDiagnostics) void connection.languages.diagnostics.refresh().catch(() => undefined);
}

/** The last report pulled for each open document and slice: its result id and its items. */
interface DiagnosticReport {
  resultId: string;
  items: Diagnostic[];
  /** For the whole list: the findings the items came from. */
  findings?: DocumentAnalysis['diagnostics'];
}
/** By document URI, then by slice (-1: the whole list). */
const reports = new Map<string, Map<number, DiagnosticReport>>();
/** By document URI: the height of its slices' bands of lines (see diagnostic-slices.ts). */
const bandHeights = new Map<string, number>();
let lastResultId = 0;

/**
 * The report of a document's diagnostics (or of one slice of them) for a version. When they
 * are reported alike (same codes, severities, messages and ranges: an edit that changed none
 * of them), the last report stands, with its result id, so that the client is told
 * "unchanged".
 */
function reportFor(uri: string, slice: number | null, analysis: DocumentAnalysis): DiagnosticReport {
  let bySlice = reports.get(uri);
  if (!bySlice) reports.set(uri, (bySlice = new Map()));
  const previous = bySlice.get(slice ?? -1);
  let report: DiagnosticReport;
  if (slice === null) {
    const findings = analysis.diagnostics;
    if (previous?.findings && sameDiagnostics(previous.findings, findings)) {
      previous.findings = findings;
      return previous;
    }
    report = { resultId: String(++lastResultId), items: findings.map((finding) => toDiagnostic(finding, DOCS_URI)), findings };
  } else {
    const height = bandHeight(analysis.document.lineCount, bandHeights.get(uri) ?? null);
    bandHeights.set(uri, height);
    const items = diagnosticsBySlice(analysis.diagnosticGroups, DOCS_URI, height)[slice] as Diagnostic[];
    if (previous && sameDiagnostics(previous.items, items)) {
      previous.items = items;
      return previous;
    }
    report = { resultId: String(++lastResultId), items };
  }
  bySlice.set(slice ?? -1, report);
  return report;
}

connection.languages.diagnostics.on(async (params): Promise<DocumentDiagnosticReport> => {
  const document = documents.get(params.textDocument.uri);
  if (!document) return { kind: DocumentDiagnosticReportKind.Full, items: [] };
  const { analysis } = await analysedVersionOf(document);
  const report = reportFor(document.uri, sliceOfIdentifier(params.identifier), analysis);
  if (params.previousResultId === report.resultId) return { kind: DocumentDiagnosticReportKind.Unchanged, resultId: report.resultId };
  return { kind: DocumentDiagnosticReportKind.Full, resultId: report.resultId, items: report.items };
});

async function publishDiagnostics(document: DraftDocument): Promise<void> {
  try {
    const { version, analysis } = await analysedVersionOf(document);
    // Skip stale work: the document changed while settings were being fetched.
    const current = documents.get(document.uri);
    if (!current || current.version !== version) return;
    await connection.sendDiagnostics({
      uri: document.uri,
      version,
      diagnostics: analysis.diagnostics.map((finding) => toDiagnostic(finding, DOCS_URI)),
    });
  } catch (error) {
    connection.console.error(`Lexicite: analysis of ${document.uri} failed: ${error instanceof Error ? error.stack ?? error.message : String(error)}`);
  }
}

/** Documents with a check scheduled: changes that arrive together (fast typing) are checked once, at the latest version. */
const scheduledChecks = new Set<string>();
function scheduleCheck(uri: string): void {
  if (scheduledChecks.has(uri)) return;
  scheduledChecks.add(uri);
  setImmediate(() => {
    scheduledChecks.delete(uri);
    const document = documents.get(uri);
    if (document) void publishDiagnostics(document);
  });
}

// A client that pulls asks for the diagnostics after each change itself.
documents.onDidChangeContent((change) => {
  if (!pullDiagnostics) scheduleCheck(change.document.uri);
});

documents.onDidClose((event) => {
  analyses.delete(event.document.uri);
  analyzers.delete(event.document.uri);
  changedSinceAnalysis.delete(event.document.uri);
  reports.delete(event.document.uri);
  bandHeights.delete(event.document.uri);
  toldTooLarge.delete(event.document.uri);
  failedAnalyses.delete(event.document.uri);
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
  const info = hoverAt(analysis, currentCorpus(), analysis.document.offsetAt(params.position), { asOf: documentDate(analysis), style: settings.citationStyle, languages: settings.hoverLanguages ?? ['en'] });
  return info ? toHover(info) : null;
});

/** The "Lexicite: Import Official Text" command: the client sends the text, the core parses it. */
connection.onCompletion(async (params) => {
  const document = documents.get(params.textDocument.uri);
  if (!document) return null;
  const analysis = await analysisOf(document);
  const settings = await settingsFor(document.uri);
  const offset = analysis.document.offsetAt(params.position);
  const completions = completionsAt(analysis, currentCorpus(), offset, { asOf: documentDate(analysis), style: settings.citationStyle });
  if (!completions) return null;
  const items = completions.items.map((item) => toCompletionItem(item, analysis.document, completions.replaceStart, offset));
  return completions.incomplete ? { isIncomplete: true, items } : items;
});

connection.onCodeAction(async (params) => {
  const document = documents.get(params.textDocument.uri);
  if (!document) return null;
  const { version, analysis } = await analysedVersionOf(document);
  const current = { version, document: analysis.document, diagnosticGroups: analysis.diagnosticGroups };
  return params.context.diagnostics.flatMap((diagnostic) => toCodeActions(diagnostic, document.uri, current));
});

connection.onDocumentLinks(async (params) => {
  const document = documents.get(params.textDocument.uri);
  if (!document) return null;
  return documentLinks(await analysisOf(document), currentCorpus()).map(toDocumentLink);
});

connection.onDefinition(async (params) => {
  const document = documents.get(params.textDocument.uri);
  if (!document) return null;
  const analysis = await analysisOf(document);
  const reference = referenceAt(analysis, analysis.document.offsetAt(params.position));
  const target = reference ? definitionTarget(reference, currentCorpus()) : null;
  return target ? toLocation(virtualDocumentUri(target.path), target.line) : null;
});

/** The text of a `lexicite:` document (an instrument or an official's record), for the client to show read-only. */
const VirtualDocumentRequest = new RequestType<{ uri: string }, string | null, void>('lexicite/virtualDocument');
connection.onRequest(VirtualDocumentRequest, ({ uri }) => {
  const path = virtualDocumentPath(uri);
  return path ? (virtualDocumentAt(currentCorpus(), path)?.text ?? null) : null;
});

connection.onReferences(async (params) => {
  const document = documents.get(params.textDocument.uri);
  if (!document) return null;
  const analysis = await analysisOf(document);
  const reference = referenceAt(analysis, analysis.document.offsetAt(params.position));
  if (!reference || reference.resolvedBy === 'ambiguous') return null;
  return workspaceIndex.referencesTo(reference.id).map(({ uri, reference: found }) => ({ uri, range: found.range }));
});

connection.onWorkspaceSymbol((params) => searchSymbols(currentCorpus(), params.query).map(toSymbolInformation));

/** The table of authorities of a draft, as Markdown. */
const TableOfAuthoritiesRequest = new RequestType<{ uri: string }, string | null, void>('lexicite/tableOfAuthorities');
connection.onRequest(TableOfAuthoritiesRequest, async ({ uri }) => {
  const document = documents.get(uri);
  if (!document) return null;
  const title = `Table of authorities: ${URI.parse(uri).path.split('/').pop() ?? uri}`;
  return tableOfAuthorities(await analysisOf(document), currentCorpus(), { title });
});

const ImportOfficialTextRequest = new RequestType<ImportRequest, ImportResult, void>('lexicite/importOfficialText');
connection.onRequest(ImportOfficialTextRequest, (request) => {
  // The text of a built-in instrument becomes its provisions: a pack cannot redefine the instrument.
  return importOfficialText({ ...request, builtIn: builtInTargetOf(builtin().corpus.instrument(request.id)) });
});

documents.listen(connection);
connection.listen();
