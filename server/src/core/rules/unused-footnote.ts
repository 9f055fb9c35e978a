import type { RawFinding, RuleDefinition } from './types';

/** `[^x]: …` defined but never referenced with `[^x]` in the text. */
export const unusedFootnote: RuleDefinition = {
  code: 'unused-footnote',
  defaultSeverity: 'hint',
  scope: 'document',
  summary: 'A footnote definition ("[^3]: …") that no footnote reference ("[^3]") in the document uses.',
  check({ scan }) {
    const referenced = new Set(scan.footnoteReferences.map((reference) => reference.label));
    const findings: RawFinding[] = [];
    for (const definition of scan.footnoteDefinitions) {
      if (referenced.has(definition.label)) continue;
      findings.push({
        start: definition.labelStart,
        end: definition.labelEnd,
        message: `Footnote [^${definition.label}] is defined but never referenced: cite it with [^${definition.label}] where it belongs, or delete the definition.`,
        fixes: [],
      });
    }
    return findings;
  },
};
