/**
 * Tests as data: every Markdown file under tests/fixtures has a sibling
 * `<name>.expected.json` with the references and diagnostics the core must produce.
 * Set LEXICITE_UPDATE_EXPECTED=1 to rewrite the expectations after a deliberate change,
 * then review the diff.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyzeDocument } from '../../server/src/core/analyze';
import { bundledCorpus, FIXTURES_DIR, fixtureSettings, markdownFiles } from '../helpers';

const update = process.env.LEXICITE_UPDATE_EXPECTED === '1';

function actualFor(text: string, file: string): unknown {
  const analysis = analyzeDocument(text, bundledCorpus(), fixtureSettings(file));
  return {
    references: analysis.references.map(({ kind, id, text: matched, range, writtenYear, inCitation }) => ({
      kind,
      id,
      text: matched,
      range,
      writtenYear,
      inCitation,
    })),
    diagnostics: analysis.diagnostics.map(({ code, severity, message, range }) => ({ code, severity, message, range })),
  };
}

describe('fixtures', () => {
  const fixtures = markdownFiles(FIXTURES_DIR);

  it('exist', () => {
    expect(fixtures.length).toBeGreaterThan(0);
  });

  for (const fixture of fixtures) {
    it(fixture, () => {
      const file = path.join(FIXTURES_DIR, fixture);
      const expectedFile = file.replace(/\.md$/, '.expected.json');
      const actual = actualFor(fs.readFileSync(file, 'utf8'), file);
      if (update) fs.writeFileSync(expectedFile, `${JSON.stringify(actual, null, 2)}\n`);
      if (!fs.existsSync(expectedFile)) {
        throw new Error(`${expectedFile} is missing: run LEXICITE_UPDATE_EXPECTED=1 npx vitest run tests/unit/fixtures.test.ts and review it`);
      }
      expect(actual).toEqual(JSON.parse(fs.readFileSync(expectedFile, 'utf8')));
    });
  }
});
