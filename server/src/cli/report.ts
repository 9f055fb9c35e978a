import type * as Sarif from 'sarif';
import type { Range, Severity } from '../core/types';
import { RULES, SOURCE_PACK_CODE, SOURCE_PACK_SUMMARY } from '../core/rules';

/** One checked file as the CLI reports it: the JSON output's `files[]` entries. */
export interface FileReport {
  path: string;
  /** `name`: only on `kind: "external"` references, the instrument's name as written. */
  references: Array<{ kind: string; id: string; text: string; range: Range; name?: string }>;
  diagnostics: Array<{ code: string; severity: Severity; message: string; range: Range }>;
}

export interface JsonReport {
  version: 1;
  files: FileReport[];
}

/**
 * One line of JSON: a long report is read by programs (pipe it through `jq .` to read it),
 * and indented it was 2.7 times as long (6.8 MB for a 1 MB draft) and slower to write.
 */
export function formatJson(files: FileReport[]): string {
  const report: JsonReport = { version: 1, files };
  return `${JSON.stringify(report)}\n`;
}

/** Linter-style lines, 1-based line and column: `path:line:col severity code message`. */
export function formatText(files: FileReport[]): string {
  const lines: string[] = [];
  let errors = 0;
  let warnings = 0;
  let others = 0;
  let references = 0;
  for (const file of files) {
    // One line per reference and diagnostic, in document order.
    const entries: Array<{ range: Range; line: string }> = [];
    for (const reference of file.references) {
      references++;
      entries.push({ range: reference.range, line: `${file.path}:${position(reference.range)} reference ${reference.kind} ${reference.id} ${JSON.stringify(reference.text)}` });
    }
    for (const diagnostic of file.diagnostics) {
      if (diagnostic.severity === 'error') errors++;
      else if (diagnostic.severity === 'warning') warnings++;
      else others++;
      entries.push({ range: diagnostic.range, line: `${file.path}:${position(diagnostic.range)} ${diagnostic.severity} ${diagnostic.code} ${diagnostic.message}` });
    }
    entries.sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
    lines.push(...entries.map((entry) => entry.line));
  }
  const plural = (count: number, word: string): string => `${count} ${word}${count === 1 ? '' : 's'}`;
  lines.push(
    `${plural(files.length, 'file')} checked: ${plural(references, 'reference')}, ${plural(errors, 'error')}, ` +
      `${plural(warnings, 'warning')}, ${others} other diagnostic${others === 1 ? '' : 's'}`,
  );
  return `${lines.join('\n')}\n`;
}

function position(range: Range): string {
  return `${range.start.line + 1}:${range.start.character + 1}`;
}

const SARIF_LEVEL: Record<Severity, Sarif.Result.level> = {
  error: 'error',
  warning: 'warning',
  information: 'note',
  hint: 'note',
};

/** SARIF 2.1.0 with the diagnostic codes as rule ids. Columns count UTF-16 code units. */
export function formatSarif(files: FileReport[], toolVersion: string): string {
  const rules: Sarif.ReportingDescriptor[] = [
    ...RULES.map((rule) => ({
      id: rule.code,
      shortDescription: { text: rule.summary },
      defaultConfiguration: { level: SARIF_LEVEL[rule.defaultSeverity] },
    })),
    { id: SOURCE_PACK_CODE, shortDescription: { text: SOURCE_PACK_SUMMARY }, defaultConfiguration: { level: 'error' } },
  ];
  const results: Sarif.Result[] = [];
  for (const file of files) {
    for (const diagnostic of file.diagnostics) {
      results.push({
        ruleId: diagnostic.code,
        ruleIndex: rules.findIndex((rule) => rule.id === diagnostic.code),
        level: SARIF_LEVEL[diagnostic.severity],
        message: { text: diagnostic.message },
        locations: [
          {
            physicalLocation: {
              artifactLocation: { uri: encodeURI(file.path) },
              region: {
                startLine: diagnostic.range.start.line + 1,
                startColumn: diagnostic.range.start.character + 1,
                endLine: diagnostic.range.end.line + 1,
                endColumn: diagnostic.range.end.character + 1,
              },
            },
          },
        ],
      });
    }
  }
  const log: Sarif.Log = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'Lexicite',
            version: toolVersion,
            rules,
          },
        },
        columnKind: 'utf16CodeUnits',
        results,
      },
    ],
  };
  return `${JSON.stringify(log, null, 2)}\n`;
}
