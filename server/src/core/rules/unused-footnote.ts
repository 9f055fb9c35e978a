import type { RawFinding, RuleDefinition } from './types';

/** `[^x]: …` defined but never referenced with `[^x]` in the text. */
export const unusedFootnote: RuleDefinition = {
  code: 'unused-footnote',
  defaultSeverity: 'hint',
  scope: 'document',
  summary: 'A footnote definition ("[^3]: …") that no footnote reference ("[^3]") in the document uses.',
  check({ scan }) {
    const { referenced } = scan.footnoteLabels;
    const findings: RawFinding[] = [];
    for (const { start: base, data } of scan.footnoteChunks) {
      for (const definition of data.footnoteDefinitions) {
        if (referenced.has(definition.label)) continue;
        findings.push({
          start: definition.labelStart + base,
          end: definition.labelEnd + base,
          message: `Footnote [^${definition.label}] is defined but never referenced: cite it with [^${definition.label}] where it belongs, or delete the definition.`,
          fixes: [],
        });
      }
    }
    return findings;
  },
};
