/**
 * `misquote` against gold written from the rule's conventions by someone who had not seen the
 * code: in tests/rules/misquote/*.md, each paragraph with quotations is followed by a comment
 * `<!-- gold: ok; misquote fix; misquote elsewhere Article 3; misquote order; unchecked -->`
 * with one entry per quotation of the paragraph, in order:
 *
 * - `ok`: found in a text of the provision (no diagnostic; the hover over it says where);
 * - `unchecked`: not reported (too short, resembles nothing, no whole text, …);
 * - `misquote`: reported; `misquote fix`: reported with a quick fix, which, applied, leaves a
 *   quotation that is found (the document is checked again);
 * - `misquote elsewhere X`: reported as found in X; `misquote order`: parts out of order.
 *
 * The exact messages are in the sibling .expected.json files (tests/unit/rules.test.ts).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyzeDocument } from '../../server/src/core/analyze';
import { hoverAt } from '../../server/src/core/hover';
import { findQuotations } from '../../server/src/core/quotations/find';
import type { Finding } from '../../server/src/core/types';
import { applyEdits, bundledCorpus, REPO_ROOT } from '../helpers';

const FOLDER = path.join(REPO_ROOT, 'tests', 'rules', 'misquote');

interface Expectation {
  quotation: { start: number; end: number };
  gold: string;
}

/** Each quotation of a paragraph followed by a gold comment, with its gold entry. */
function expectations(text: string): Expectation[] {
  const result: Expectation[] = [];
  for (const comment of text.matchAll(/^<!-- gold: (.*?) -->$/gmu)) {
    const before = text.slice(0, comment.index).replace(/\s+$/u, '');
    const paragraphStart = Math.max(before.lastIndexOf('\n\n'), before.lastIndexOf('\r\n\r\n')) + 1;
    const quotations = findQuotations(before.slice(paragraphStart), paragraphStart);
    const golds = (comment[1] as string).split(';').map((entry) => entry.trim());
    if (golds.length !== quotations.length) throw new Error(`gold at offset ${comment.index} lists ${golds.length} quotations, the paragraph has ${quotations.length}`);
    quotations.forEach((quotation, index) => result.push({ quotation, gold: golds[index] as string }));
  }
  return result;
}

function misquoteOn(diagnostics: readonly Finding[], quotation: { start: number; end: number }): Finding | undefined {
  return diagnostics.find((diagnostic) => diagnostic.code === 'misquote' && diagnostic.start === quotation.start && diagnostic.end === quotation.end);
}

describe('misquote against the gold', () => {
  const files = fs.readdirSync(FOLDER).filter((name) => name.endsWith('.md'));
  const tally = new Map<string, { right: number; all: number }>();

  for (const file of files) {
    it(file, () => {
      const text = fs.readFileSync(path.join(FOLDER, file), 'utf8');
      const corpus = bundledCorpus();
      const analysis = analyzeDocument(text, corpus);
      const wrong: string[] = [];
      const all = expectations(text);
      expect(all.length).toBeGreaterThan(0);
      for (const { quotation, gold } of all) {
        const quoted = text.slice(quotation.start, quotation.end);
        const diagnostic = misquoteOn(analysis.diagnostics, quotation);
        const kind = gold.startsWith('misquote elsewhere ') ? 'misquote elsewhere' : gold;
        let right: boolean;
        if (gold === 'ok') {
          const found = analysis.quotations().find((check) => check.start === quotation.start && check.status === 'found');
          right = !diagnostic && found !== undefined && (hoverAt(analysis, corpus, quotation.start + 1, { asOf: '2025-01-01' })?.markdown ?? '').startsWith('**Quotation checked**');
        } else if (gold === 'unchecked') right = !diagnostic;
        else if (gold === 'misquote') right = diagnostic !== undefined;
        else if (gold === 'misquote fix') right = diagnostic !== undefined && fixFixes(text, diagnostic, quotation);
        else if (gold.startsWith('misquote elsewhere ')) right = diagnostic?.message.toLowerCase().includes(`found in ${gold.slice('misquote elsewhere '.length)}`.toLowerCase()) ?? false;
        else if (gold === 'misquote order') right = diagnostic?.message.includes('not in this order') ?? false;
        else throw new Error(`unknown gold "${gold}" in ${file}`);
        const entry = tally.get(kind) ?? { right: 0, all: 0 };
        tally.set(kind, { right: entry.right + (right ? 1 : 0), all: entry.all + 1 });
        if (!right) wrong.push(`${gold}: ${quoted}\n    got: ${diagnostic ? `${diagnostic.message} [fixes: ${diagnostic.fixes.map((fix) => fix.title).join(' | ') || 'none'}]` : 'no diagnostic'}`);
      }
      expect(wrong, wrong.join('\n')).toEqual([]);
    });
  }

  it('prints the tally', () => {
    const rows = [...tally].map(([kind, { right, all }]) => `${kind}: ${right}/${all}`);
    console.log(`misquote gold: ${rows.join(', ')}`);
    expect(rows.length).toBeGreaterThan(0);
  });
});

/** Applies the diagnostic's first fix and checks the document again: the quotation must now be found. */
function fixFixes(text: string, diagnostic: Finding, quotation: { start: number; end: number }): boolean {
  const fix = diagnostic.fixes[0];
  if (!fix) return false;
  const fixed = applyEdits(text, fix.edits);
  const shift = fix.edits.reduce((sum, edit) => sum + edit.newText.length - (edit.end - edit.start), 0);
  const again = analyzeDocument(fixed, bundledCorpus());
  const moved = { start: quotation.start, end: quotation.end + shift };
  return !misquoteOn(again.diagnostics, moved) && again.quotations().some((check) => check.start === moved.start && check.status === 'found');
}

describe('misquote on the sentences the issue names', () => {
  const draft = [
    '# The 2024 treaty',
    '',
    'Article 4 of the 2024 treaty promises "other assistance by all of one\'s means".',
    '',
    'Under the 2024 treaty, the other side shall provide "military and other assistance with all means in its possession" (Article 4).',
    '',
    'Article 16 of the ARSIWA covers a State that "aids or assists another State in the commission of an internationally wrongful act".',
    '',
  ].join('\n');
  const analysis = analyzeDocument(draft, bundledCorpus());
  const misquotes = analysis.diagnostics.filter((diagnostic) => diagnostic.code === 'misquote');

  it('reports the misquotation of Article 4, with the closest passage and a fix', () => {
    expect(misquotes.map((diagnostic) => draft.slice(diagnostic.start, diagnostic.end))).toEqual(['"other assistance by all of one\'s means"']);
    expect(misquotes[0]?.severity).toBe('warning');
    expect(misquotes[0]?.message).toContain('The closest passage is "other assistance by all means"');
    expect(misquotes[0]?.fixes.map((fix) => fix.title)).toEqual(['Quote Article 4 as written: "other assistance by all means"']);
  });

  it('finds the two exact quotations, and the hover over each says where', () => {
    for (const quoted of ['"military and other assistance with all means in its possession"', '"aids or assists another State in the commission of an internationally wrongful act"']) {
      const start = draft.indexOf(quoted);
      const check = analysis.quotations().find((candidate) => candidate.start === start);
      expect(check?.status, quoted).toBe('found');
      expect(hoverAt(analysis, bundledCorpus(), start + 3, { asOf: '2025-01-01' })?.markdown).toMatch(/^\*\*Quotation checked\*\*\n\nFound in Article (?:4|16) of /);
    }
  });
});
