import {
  DiagnosticSeverity,
  MarkupKind,
  SymbolKind,
  type Diagnostic,
  type DocumentLink,
  type Hover,
  type Location,
  type SymbolInformation,
} from 'vscode-languageserver';
import { URI } from 'vscode-uri';
import type { DocumentLinkInfo } from '../core/links';
import type { SymbolInfo } from '../core/symbols';
import type { HoverInfo } from '../core/hover';
import type { PackProblemWithRange } from '../core/pack-files';
import { SOURCE_PACK_CODE } from '../core/rules';
import type { Finding, Severity } from '../core/types';

/** Conversions from core values to LSP types; the only place that knows both. */

const SEVERITY: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  information: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

export const DIAGNOSTIC_SOURCE = 'lexicite';

export function toDiagnostic(finding: Finding): Diagnostic {
  return {
    range: finding.range,
    severity: SEVERITY[finding.severity],
    code: finding.code,
    source: DIAGNOSTIC_SOURCE,
    message: finding.message,
  };
}

export function toHover(info: HoverInfo): Hover {
  return {
    contents: { kind: MarkupKind.Markdown, value: info.markdown },
    range: info.reference.range,
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
