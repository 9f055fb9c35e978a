import {
  DiagnosticSeverity,
  MarkupKind,
  type Diagnostic,
  type Hover,
} from 'vscode-languageserver';
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
