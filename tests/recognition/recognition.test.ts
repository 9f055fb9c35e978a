/**
 * The recognizer against hand-written gold annotations (tests/recognition/fixtures/*.gold.json,
 * written from CONVENTIONS.md, never generated from the recognizer). Every fixture must match
 * exactly; the run also prints precision and recall over all fixtures.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { analyzeDocument } from '../../server/src/core/analyze';
import type { Reference } from '../../server/src/core/types';
import { bundledCorpus, REPO_ROOT } from '../helpers';

interface GoldReference {
  text: string;
  occurrence: number;
  kind: string;
  id: string;
  instrument: string | null;
  resolvedBy: string;
  writtenYear: number | null;
  writtenTitle: string | null;
  inCitation: boolean;
  candidates?: string[];
  /** Only for kind "external": the instrument's name as written. */
  name?: string;
}

/** A reference as compared: the gold fields, with the span as offsets. */
type Comparable = Omit<GoldReference, 'occurrence'> & { start: number; end: number };

const FIXTURES = path.join(REPO_ROOT, 'tests', 'recognition', 'fixtures');
const totals = { gold: 0, found: 0, correct: 0 };
const perFile: string[] = [];

function nthIndexOf(text: string, needle: string, occurrence: number): number {
  let index = -1;
  for (let count = 0; count < occurrence; count++) {
    index = text.indexOf(needle, index + 1);
    if (index < 0) return -1;
  }
  return index;
}

function fromGold(text: string, gold: GoldReference): Comparable {
  const start = nthIndexOf(text, gold.text, gold.occurrence);
  if (start < 0) throw new Error(`gold text ${JSON.stringify(gold.text)} (occurrence ${gold.occurrence}) is not in the fixture`);
  return {
    start,
    end: start + gold.text.length,
    text: gold.text,
    kind: gold.kind,
    id: gold.id,
    instrument: gold.instrument,
    resolvedBy: gold.resolvedBy,
    writtenYear: gold.writtenYear,
    writtenTitle: gold.writtenTitle,
    inCitation: gold.inCitation,
    ...(gold.resolvedBy === 'ambiguous' ? { candidates: gold.candidates ?? [] } : {}),
    ...(gold.kind === 'external' ? { name: gold.name ?? '' } : {}),
  };
}

function fromActual(reference: Reference): Comparable {
  return {
    start: reference.start,
    end: reference.end,
    text: reference.text,
    kind: reference.kind,
    id: reference.id,
    instrument: reference.instrumentId,
    resolvedBy: reference.resolvedBy,
    writtenYear: reference.writtenYear,
    writtenTitle: reference.writtenTitle,
    inCitation: reference.inCitation,
    ...(reference.resolvedBy === 'ambiguous' ? { candidates: reference.candidates ?? [] } : {}),
    ...(reference.kind === 'external' ? { name: reference.name ?? '' } : {}),
  };
}

const key = (reference: Comparable): string => JSON.stringify(reference);
const order = (a: Comparable, b: Comparable): number => a.start - b.start || a.end - b.end || a.id.localeCompare(b.id);

const fixtures = fs.existsSync(FIXTURES) ? fs.readdirSync(FIXTURES).filter((name) => name.endsWith('.md')).sort() : [];

describe('recognition against gold annotations', () => {
  it('has fixtures', () => {
    expect(fixtures.length).toBeGreaterThan(5);
  });

  for (const fixture of fixtures) {
    it(fixture, () => {
      const text = fs.readFileSync(path.join(FIXTURES, fixture), 'utf8');
      const goldFile = path.join(FIXTURES, fixture.replace(/\.md$/, '.gold.json'));
      const gold = (JSON.parse(fs.readFileSync(goldFile, 'utf8')) as { references: GoldReference[] }).references.map((entry) => fromGold(text, entry)).sort(order);
      const actual = analyzeDocument(text, bundledCorpus()).references.map(fromActual).sort(order);
      const goldKeys = new Set(gold.map(key));
      const correct = actual.filter((reference) => goldKeys.has(key(reference))).length;
      totals.gold += gold.length;
      totals.found += actual.length;
      totals.correct += correct;
      perFile.push(`${fixture.padEnd(32)} gold ${String(gold.length).padStart(4)}  found ${String(actual.length).padStart(4)}  correct ${String(correct).padStart(4)}`);
      expect(actual).toEqual(gold);
    });
  }

  afterAll(() => {
    const precision = totals.found === 0 ? 1 : totals.correct / totals.found;
    const recall = totals.gold === 0 ? 1 : totals.correct / totals.gold;
    console.log(
      [
        'Recognition over all gold fixtures:',
        ...perFile,
        `precision ${(precision * 100).toFixed(1)}% (${totals.correct}/${totals.found})  recall ${(recall * 100).toFixed(1)}% (${totals.correct}/${totals.gold})`,
      ].join('\n'),
    );
  });
});
