import {
  CodeActionKind,
  CompletionItemKind,
  type CompletionItem,
  DiagnosticSeverity,
  MarkupKind,
  type CodeAction,
  type TextEdit as LspTextEdit,
  SymbolKind,
  type Diagnostic,
  type DocumentLink,
  type Hover,
  type Location,
  type SymbolInformation,
} from 'vscode-languageserver';
import { URI } from 'vscode-uri';
import type { CompletionInfo } from '../core/completions';
import type { DocumentLinkInfo } from '../core/links';
import type { SymbolInfo } from '../core/symbols';
import type { HoverInfo } from '../core/hover';
import type { PackProblemWithRange } from '../core/pack-files';
import { SOURCE_PACK_CODE } from '../core/rules';
import type { DiagnosticGroup } from '../core/rules/run';
import { lastAtMost } from '../core/sorted';
import { lineBreakOf, type SourceDocument } from '../core/document';
import type { Finding, Range, Severity } from '../core/types';

/** Conversions from core values to LSP types; the only place that knows both. */

const SEVERITY: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  information: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

export const DIAGNOSTIC_SOURCE = 'lexicite';

/** The client command that puts the cursor at an offset of a document once a fix is applied. */
export const PLACE_CURSOR_COMMAND = 'lexicite.placeCursor';

/**
 * A finding as an LSP diagnostic; `codeDescription` links to the rule's section of the README
 * shipped with the server. It carries no `data`: its quick fixes are found from its code,
 * message and range when the editor asks for them (a long draft has thousands of diagnostics,
 * few are ever fixed, and every byte of them is sent again after most edits).
 */
export function toDiagnostic(finding: Finding, docsUri: string | null): Diagnostic {
  // A finding kept from an earlier version on an unchanged line has the same range object:
  // its diagnostic is the same too, and is not built again (a long draft has thousands).
  const made = diagnosticByRange.get(finding.range);
  if (made && made.docsUri === docsUri && made.diagnostic.message === finding.message && made.diagnostic.code === finding.code && made.diagnostic.severity === SEVERITY[finding.severity]) return made.diagnostic;
  const diagnostic = buildDiagnostic(finding, docsUri);
  diagnosticByRange.set(finding.range, { docsUri, diagnostic });
  return diagnostic;
}
const diagnosticByRange = new WeakMap<Range, { docsUri: string | null; diagnostic: Diagnostic }>();

function buildDiagnostic(finding: Finding, docsUri: string | null): Diagnostic {
  return {
    range: finding.range,
    severity: SEVERITY[finding.severity],
    code: finding.code,
    ...(docsUri ? { codeDescription: { href: `${docsUri}#${finding.code}` } } : {}),
    source: DIAGNOSTIC_SOURCE,
    message: finding.message,
  };
}

/** The analysis of the version a diagnostic of this server was computed for. */
export interface AnalysedVersion {
  version: number;
  document: SourceDocument;
  diagnosticGroups: readonly DiagnosticGroup[];
}

/**
 * The quick fixes of a diagnostic reported by this server, for the document at `current`'s
 * version: the finding of that version with the diagnostic's code, message and range (a
 * diagnostic from an earlier version that still stands, as in a pulled report the client kept
 * because nothing in it changed, is found too). A diagnostic that does not stand in the
 * current version gets none; each edit names the version it applies to, so the editor refuses
 * it too if the document changed meanwhile. Every rule also offers "Disable <code> for this
 * line".
 */
export function toCodeActions(diagnostic: Diagnostic, uri: string, current: AnalysedVersion): CodeAction[] {
  if (diagnostic.source !== DIAGNOSTIC_SOURCE) return [];
  const finding = findingFor(diagnostic, current);
  if (!finding) return [];
  const version = current.version;
  const textDocument = { uri, version };
  const actions: CodeAction[] = finding.fixes.map((fix, index) => ({
    title: fix.title,
    kind: CodeActionKind.QuickFix,
    diagnostics: [diagnostic],
    isPreferred: index === 0,
    // Edits of another file (the bibliography) name no version: that file need not be open.
    edit: {
      documentChanges: [
        { textDocument, edits: fix.edits.map((edit) => ({ range: current.document.rangeOf(edit.start, edit.end), newText: edit.newText })) },
        ...(fix.fileEdits ?? []).map((edit) => ({ textDocument: { uri: URI.file(edit.file).toString(), version: null }, edits: [{ range: { start: edit.start, end: edit.end }, newText: edit.newText }] })),
      ],
    },
    ...(fix.cursor !== undefined ? { command: { title: 'Place the cursor', command: PLACE_CURSOR_COMMAND, arguments: [uri, fix.cursor] } } : {}),
  }));
  const code = String(diagnostic.code ?? '');
  if (code && code !== SOURCE_PACK_CODE) {
    const line = diagnostic.range.start.line;
    // The line is read as a stretch: the lightbulb asks on every move of the cursor.
    const eol = lineBreakOf(current.document.source);
    const lineText = current.document.slice(current.document.offsetAt({ line, character: 0 }), current.document.offsetAt({ line: line + 1, character: 0 }));
    const indent = /^[ \t]*/.exec(lineText)?.[0] ?? '';
    actions.push({
      title: `Disable ${code} for this line`,
      kind: CodeActionKind.QuickFix,
      diagnostics: [diagnostic],
      edit: {
        documentChanges: [{ textDocument, edits: [{ range: { start: { line, character: 0 }, end: { line, character: 0 } }, newText: `${indent}<!-- lexicite-disable-next-line ${code} -->${eol}` }] }],
      },
    });
  }
  return actions;
}

/**
 * The finding a diagnostic stands for in `current`: one with its code, message and range,
 * among the findings of the chunk its line is in (the last chunk group starting on or before
 * it) and of the whole draft's rules. Only that chunk's findings are made.
 */
function findingFor(diagnostic: Diagnostic, current: AnalysedVersion): Finding | undefined {
  const groups = current.diagnosticGroups;
  const chunkGroups = groups.filter((group) => group.line !== null);
  const found = chunkGroups[lastAtMost(chunkGroups.length, (index) => (chunkGroups[index] as DiagnosticGroup).line as number, diagnostic.range.start.line)];
  const candidates = [...(found ? [found] : []), ...groups.filter((group) => group.line === null)];
  for (const group of candidates) {
    for (const candidate of group.findings()) {
      if (candidate.code === diagnostic.code && candidate.message === diagnostic.message && sameRange(candidate.range, diagnostic.range)) return candidate;
    }
  }
  return undefined;
}

function sameRange(a: Range, b: Range): boolean {
  return a.start.line === b.start.line && a.start.character === b.start.character && a.end.line === b.end.line && a.end.character === b.end.character;
}

/**
 * Whether two versions' findings, or the diagnostics made of them, would be reported alike
 * (code, severity, message, range): then a pulled report is answered "unchanged" and nothing
 * is sent again. Groups that stood still give the same objects and messages are usually the
 * same strings, so the comparison is cheap.
 */
export function sameDiagnostics<T extends { code?: unknown; severity?: unknown; message: unknown; range: Range }>(a: readonly T[], b: readonly T[]): boolean {
  if (a === b) return true;
  if (a.length !== b.length) return false;
  for (let index = 0; index < a.length; index++) {
    const x = a[index] as T;
    const y = b[index] as T;
    if (x === y) continue;
    if (x.code !== y.code || x.severity !== y.severity || x.message !== y.message || !sameRange(x.range, y.range)) return false;
  }
  return true;
}

export function toHover(info: HoverInfo): Hover {
  return {
    contents: { kind: MarkupKind.Markdown, value: info.markdown },
    range: info.range,
  };
}

export function packProblemToDiagnostic(problem: PackProblemWithRange): Diagnostic {
  return {
    range: problem.range,
    severity: SEVERITY[problem.severity],
    code: SOURCE_PACK_CODE,
    source: DIAGNOSTIC_SOURCE,
    message: `${problem.jsonPath}: ${problem.message}`,
  };
}

export function toDocumentLink(link: DocumentLinkInfo): DocumentLink {
  return { range: link.range, target: link.target, tooltip: link.tooltip };
}

/** Instruments and officials are served as read-only documents in the `lexicite:` scheme. */
export const VIRTUAL_SCHEME = 'lexicite';

export function virtualDocumentUri(path: string): string {
  return URI.from({ scheme: VIRTUAL_SCHEME, path: `/${path}` }).toString();
}

/** The corpus path of a `lexicite:` URI ("instrument/unscr-1718.md"), or null for another scheme. */
export function virtualDocumentPath(uri: string): string | null {
  const parsed = URI.parse(uri);
  return parsed.scheme === VIRTUAL_SCHEME ? parsed.path.replace(/^\/+/, '') : null;
}

export function toLocation(uri: string, line: number): Location {
  return { uri, range: { start: { line, character: 0 }, end: { line, character: 0 } } };
}

const SYMBOL_KIND: Record<SymbolInfo['kind'], SymbolKind> = {
  instrument: SymbolKind.File,
  provision: SymbolKind.Field,
  official: SymbolKind.Object,
};

export function toSymbolInformation(symbol: SymbolInfo): SymbolInformation {
  return {
    name: symbol.name,
    kind: SYMBOL_KIND[symbol.kind],
    containerName: symbol.containerName ?? undefined,
    location: toLocation(virtualDocumentUri(symbol.path), symbol.line),
  };
}

const COMPLETION_KIND: Record<CompletionInfo['kind'], CompletionItemKind> = {
  footnote: CompletionItemKind.Reference,
  'citation-key': CompletionItemKind.Reference,
  provision: CompletionItemKind.Field,
  instrument: CompletionItemKind.File,
  official: CompletionItemKind.Constant,
};

export function toCompletionItem(item: CompletionInfo, document: SourceDocument, replaceStart: number, offset: number): CompletionItem {
  return {
    label: item.label,
    kind: COMPLETION_KIND[item.kind],
    detail: item.detail,
    ...(item.documentation ? { documentation: item.documentation } : {}),
    sortText: item.sortText,
    filterText: item.label,
    textEdit: { range: document.rangeOf(replaceStart, offset), newText: item.insertText },
    additionalTextEdits: item.additionalEdits.map((edit) => ({ range: document.rangeOf(edit.start, edit.end), newText: edit.newText })),
  };
}
