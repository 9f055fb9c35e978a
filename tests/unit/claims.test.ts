/**
 * `uncited-claim` and `vague-attribution` on the labelled set (tests/claims, see its README):
 * each scored sentence is analysed as a draft of its own. A sentence counts as flagged as a
 * claim when `uncited-claim` or `uncited-reference` reports it (both ask for a source), and as
 * a vague attribution when `vague-attribution` does. The run prints precision and recall of
 * both, per genre and overall, and fails below 0.90 on either.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyzeDocument } from '../../server/src/core/analyze';
import { assessSentence } from '../../server/src/core/claims/detector';
import { bundledCorpus, REPO_ROOT } from '../helpers';

const FOLDER = path.join(REPO_ROOT, 'tests', 'claims');
type Label = 'claim' | 'none' | 'vague';

interface Labelled {
  file: string;
  line: number;
  label: Label;
  sure: boolean;
  sentence: string;
}

export function labelledSentences(): Labelled[] {
  const result: Labelled[] = [];
  for (const file of fs.readdirSync(FOLDER).filter((name) => name.endsWith('.md') && name !== 'README.md').sort()) {
    fs.readFileSync(path.join(FOLDER, file), 'utf8')
      .split('\n')
      .forEach((text, index) => {
        const match = /^- \[(claim|none|vague)(\?)?\] (.+)$/u.exec(text);
        if (match) result.push({ file, line: index + 1, label: match[1] as Label, sure: match[2] !== '?', sentence: match[3] as string });
      });
  }
  return result;
}

function predicted(sentence: string): { label: Label; message: string | null } {
  const analysis = analyzeDocument(`${sentence}\n`, bundledCorpus());
  const vague = analysis.diagnostics.find((diagnostic) => diagnostic.code === 'vague-attribution');
  if (vague) return { label: 'vague', message: vague.message };
  const claim = analysis.diagnostics.find((diagnostic) => diagnostic.code === 'uncited-claim' || diagnostic.code === 'uncited-reference');
  return claim ? { label: 'claim', message: claim.message } : { label: 'none', message: null };
}

interface Score {
  precision: number;
  recall: number;
}

function score(pairs: ReadonlyArray<{ gold: Label; got: Label }>, label: Label): Score {
  const truePositive = pairs.filter((pair) => pair.gold === label && pair.got === label).length;
  const flagged = pairs.filter((pair) => pair.got === label).length;
  const relevant = pairs.filter((pair) => pair.gold === label).length;
  return { precision: flagged === 0 ? 1 : truePositive / flagged, recall: relevant === 0 ? 1 : truePositive / relevant };
}

const format = ({ precision, recall }: Score): string => `precision ${precision.toFixed(3)}, recall ${recall.toFixed(3)}`;

describe('the claim detector on the labelled set', () => {
  const sentences = labelledSentences().filter((sentence) => sentence.sure);

  it('has at least 400 scored sentences', () => {
    expect(sentences.length).toBeGreaterThanOrEqual(400);
  });

  it('skips, by its word gates, only patterns that could not have matched', () => {
    const differ = labelledSentences().filter(({ sentence }) => JSON.stringify(assessSentence(sentence)) !== JSON.stringify(assessSentence(sentence, false)));
    expect(differ.map(({ sentence }) => sentence)).toEqual([]);
  });

  it('skips no pattern whose gate names a later word of its phrase ("set" for "is set to")', () => {
    const phrases = [
      'The vote is expected to pass on Friday.', 'Deliveries are poised to resume in 2025.', 'The court is bound to rule against the claim.', 'The ceasefire is set to lapse.',
      'It is essential that the panel keeps its mandate.', 'It is time the Council acted.', 'It is vital, crucial and imperative to act.', 'It is important that inspectors return.', 'We stand ready to help the mission.',
      'It is not clear who paid for the fuel.', 'It is hard to trace the cargo.', 'It is difficult to verify the figures.', 'It is easy to overstate the trade.', 'It is tempting to read more into the visit.', 'It is unclear who chartered the vessel.',
      'As noted above, the tanker sailed in May.', 'As discussed in section 2, the ship docked.', 'As explained earlier, the cargo was coal.', 'As shown below, exports rose.', 'As argued before, the ban held.', 'As mentioned in chapter 3, the firm was listed.', 'As set out above, the panel found 12 ships.',
    ];
    const differ = phrases.filter((sentence) => JSON.stringify(assessSentence(sentence)) !== JSON.stringify(assessSentence(sentence, false)));
    expect(differ).toEqual([]);
    // Each phrase meets the pattern it is there for.
    expect(phrases.filter((sentence) => assessSentence(sentence, false).against.length === 0)).toEqual([]);
  });

  it('prints precision and recall, and both are at least 0.90 for uncited-claim and vague-attribution', () => {
    const pairs = sentences.map((sentence) => ({ gold: sentence.label, got: predicted(sentence.sentence).label, sentence }));
    const lines: string[] = [];
    for (const file of [...new Set(sentences.map((sentence) => sentence.file))]) {
      const mine = pairs.filter((pair) => pair.sentence.file === file);
      lines.push(`  ${file.padEnd(16)} claim: ${format(score(mine, 'claim'))} · vague: ${format(score(mine, 'vague'))} (${mine.length} sentences)`);
    }
    const claim = score(pairs, 'claim');
    const vague = score(pairs, 'vague');
    const wrong = pairs.filter((pair) => pair.gold !== pair.got).map((pair) => `  ${pair.sentence.file}:${pair.sentence.line} gold ${pair.gold}, got ${pair.got}: ${pair.sentence.sentence}`);
    console.log(
      [`labelled set: ${pairs.length} sentences`, `uncited-claim: ${format(claim)}`, `vague-attribution: ${format(vague)}`, ...lines, `${wrong.length} wrong:`, ...(process.env.LEXICITE_SHOW_WRONG ? wrong : [])].join('\n'),
    );
    expect(claim.precision).toBeGreaterThanOrEqual(0.9);
    expect(claim.recall).toBeGreaterThanOrEqual(0.9);
    expect(vague.precision).toBeGreaterThanOrEqual(0.9);
    expect(vague.recall).toBeGreaterThanOrEqual(0.9);
  });
});
