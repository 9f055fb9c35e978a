/**
 * Every fix of every fixture diagnostic does what its title says: apply its edits, analyze
 * the text again, and the diagnostic is gone while nothing else changed (the other
 * diagnostics are the same, shifted by the edit). Two effects of a fix on other diagnostics
 * are expected and checked precisely rather than ignored:
 * - a diagnostic that offers a fix with the very same edits is fixed with it (the members
 *   of "Articles 9 and 10" share "… of ARSIWA"; two `[^2]` share one appended definition);
 * - naming the instrument of an ambiguous article makes it the context of the bare articles
 *   after it, so a later `ambiguous-reference` goes away exactly when its reference now
 *   resolves to the instrument the fix named: by context, or as a provision that instrument
 *   does not have, which `unknown-provision` then reports (one for each such reference).
 * - naming it also gives the quotations of that sentence a provision to be compared with, so
 *   a `misquote` may appear on a quotation in the same paragraph (and only there).
 * Each rule's fix is also checked for its effect on the recognizer: an inserted instrument
 * resolves the reference explicitly, a new title is read as the written title.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyzeDocument, type AnalysisSettings, type DocumentAnalysis } from '../../server/src/core/analyze';
import type { Finding, Fix, TextEdit } from '../../server/src/core/types';
import { applyEdits, bundledCorpus, FIXTURES_DIR, fixtureSettings, markdownFiles, REPO_ROOT } from '../helpers';

const RULE_FIXTURES_DIR = path.join(REPO_ROOT, 'tests', 'rules');

/** An offset of the old text in the new one. Text inserted exactly at a start offset goes before it. */
function shift(offset: number, edits: readonly TextEdit[], isStart: boolean): number {
  let shifted = offset;
  for (const edit of edits) {
    const insertion = edit.start === edit.end;
    if (edit.end < offset || (edit.end === offset && (!insertion || isStart))) shifted += edit.newText.length - (edit.end - edit.start);
  }
  return shifted;
}

const sameEdits = (a: Fix, b: Fix): boolean => JSON.stringify(a.edits) === JSON.stringify(b.edits);
const summary = ({ code, severity, message, start, end }: Pick<Finding, 'code' | 'severity' | 'message' | 'start' | 'end'>): string => `${start}-${end} ${code} ${severity}: ${message}`;

function checkFix(text: string, before: DocumentAnalysis, diagnostic: Finding, fix: Fix, settings: AnalysisSettings): void {
  const edited = applyEdits(text, fix.edits);
  const after = analyzeDocument(edited, bundledCorpus(), settings);
  // A fix that leaves something to fill in puts the cursor there: in the empty footnote definition.
  if (fix.cursor !== undefined) expect(edited.slice(0, fix.cursor), `${fix.title}: cursor`).toMatch(/\[\^[^\]\s]+\]: $/);
  const corpus = bundledCorpus();

  // The instrument an ambiguous-reference fix names, and what its effect must be.
  let named: string | null = null;
  if (diagnostic.code === 'ambiguous-reference') {
    const name = /^ of (.+)$/.exec(fix.edits[0]?.newText ?? '')?.[1];
    named = corpus.instruments.find((instrument) => instrument.aliases?.[0] === name)?.id ?? null;
    expect(named, `${fix.title}: names a known instrument`).not.toBeNull();
    const resolved = after.references.find((reference) => reference.start === shift(diagnostic.start, fix.edits, true) && reference.kind === 'provision');
    expect(resolved?.resolvedBy, `${fix.title}: resolves explicitly`).toBe('explicit');
    expect(resolved?.instrumentId).toBe(named);
  }
  if (diagnostic.code === 'title-mismatch') {
    const edit = fix.edits[0] as TextEdit;
    const official = after.references.find((reference) => reference.kind === 'official' && reference.writtenTitleSpan?.start === edit.start);
    expect(official?.writtenTitle, `${fix.title}: the new title is read as the written title`).toBe(edit.newText);
  }

  // Later ambiguous articles that now resolve to the named instrument: by context, or as an
  // unknown provision of it (then `unknown-provision` reports them instead).
  const nowResolved: Array<{ start: number; end: number; unknown: boolean }> = [];
  // Later bare articles beyond the named instrument stay ambiguous, now saying which instrument was named before them.
  const nowElsewhere: Array<{ start: number; end: number }> = [];
  const expected = before.diagnostics
    .filter((other) => other !== diagnostic && !other.fixes.some((otherFix) => sameEdits(otherFix, fix)))
    .filter((other) => {
      // A later unknown article of the instrument named before, now read as one of the newly named instrument's.
      if (named && other.code === 'unknown-provision' && other.start >= diagnostic.end) {
        const start = shift(other.start, fix.edits, true);
        const now = after.references.find((reference) => reference.start <= start && start < reference.end && reference.kind === 'provision');
        if (now && now.instrumentId === named && now.resolvedBy === 'context') return false;
      }
      if (!named || other.code !== 'ambiguous-reference' || other.start < diagnostic.end) return true;
      const now = after.references.find((reference) => reference.start === shift(other.start, fix.edits, true) && reference.end === shift(other.end, fix.edits, false));
      if (now && now.resolvedBy === 'ambiguous' && now.contextInstrumentId === named) {
        nowElsewhere.push({ start: now.start, end: now.end });
        return false;
      }
      if (!now || now.instrumentId !== named || (now.resolvedBy !== 'context' && now.resolvedBy !== 'unknown')) return true;
      nowResolved.push({ start: now.start, end: now.end, unknown: now.resolvedBy === 'unknown' });
      return false;
    })
    .map((other) => summary({ ...other, start: shift(other.start, fix.edits, true), end: shift(other.end, fix.edits, false) }));
  const unknownNow = (finding: Finding): boolean =>
    finding.code === 'unknown-provision' && nowResolved.some((span) => span.unknown && span.start <= finding.start && finding.end <= span.end);
  expect(after.diagnostics.filter(unknownNow).length, `after "${fix.title}": later articles now unknown`).toBe(nowResolved.filter((span) => span.unknown).length);
  const elsewhereNow = (finding: Finding): boolean =>
    finding.code === 'ambiguous-reference' && nowElsewhere.some((span) => span.start === finding.start && span.end === finding.end) && finding.message.includes('the instrument named before it');
  expect(after.diagnostics.filter(elsewhereNow).length, `after "${fix.title}": later articles beyond the named instrument`).toBe(nowElsewhere.length);
  const fixedAt = shift(diagnostic.start, fix.edits, true);
  const checkedNow = (finding: Finding): boolean =>
    named !== null &&
    finding.code === 'misquote' &&
    !before.diagnostics.some((other) => other.code === 'misquote' && shift(other.start, fix.edits, true) === finding.start) &&
    !/\n[ \t]*\r?\n/.test(edited.slice(Math.min(fixedAt, finding.start), Math.max(fixedAt, finding.end)));
  expect(after.diagnostics.filter((finding) => !unknownNow(finding) && !elsewhereNow(finding) && !checkedNow(finding)).map(summary), `after "${fix.title}"`).toEqual(expected);
}

describe('fixes', () => {
  const fixtures = [
    ...markdownFiles(RULE_FIXTURES_DIR).map((fixture) => path.join(RULE_FIXTURES_DIR, fixture)),
    ...markdownFiles(FIXTURES_DIR).map((fixture) => path.join(FIXTURES_DIR, fixture)),
  ];
  let checked = 0;

  for (const file of fixtures) {
    it(path.relative(REPO_ROOT, file), () => {
      const text = fs.readFileSync(file, 'utf8');
      const settings = fixtureSettings(file);
      const before = analyzeDocument(text, bundledCorpus(), settings);
      for (const diagnostic of before.diagnostics) {
        for (const fix of diagnostic.fixes) {
          checkFix(text, before, diagnostic, fix, settings);
          checked++;
        }
      }
    });
  }

  it('checked fixes of every rule that offers them', () => {
    expect(checked).toBeGreaterThan(0);
    const codes = new Set(
      fixtures.flatMap((file) => analyzeDocument(fs.readFileSync(file, 'utf8'), bundledCorpus(), fixtureSettings(file)).diagnostics.filter((diagnostic) => diagnostic.fixes.length > 0).map((diagnostic) => diagnostic.code)),
    );
    expect([...codes].sort()).toEqual(['ambiguous-reference', 'misquote', 'title-mismatch', 'uncited-claim', 'uncited-reference', 'undefined-footnote', 'unknown-provision', 'vague-attribution', 'year-mismatch']);
  });
});
