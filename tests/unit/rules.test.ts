/**
 * The diagnostic rules, tested as data: every Markdown file under tests/rules/<code>/ has a
 * sibling `<name>.expected.json` with every diagnostic the analysis reports on it (code,
 * severity, message, range, fix titles), not only the folder's rule, so that the rules are
 * also seen side by side. Each folder holds texts that must be flagged and texts that must
 * not be. Set LEXICITE_UPDATE_EXPECTED=1 to rewrite the expectations after a deliberate
 * change, then review the diff line by line.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyzeDocument } from '../../server/src/core/analyze';
import { RULES } from '../../server/src/core/rules';
import { bundledCorpus, fixtureSettings, markdownFiles, REPO_ROOT } from '../helpers';

export const RULE_FIXTURES_DIR = path.join(REPO_ROOT, 'tests', 'rules');
const update = process.env.LEXICITE_UPDATE_EXPECTED === '1';

function actualFor(text: string, file: string): unknown {
  const analysis = analyzeDocument(text, bundledCorpus(), fixtureSettings(file));
  return analysis.diagnostics.map(({ code, severity, message, range, fixes }) => ({ code, severity, message, range, fixes: fixes.map((fix) => fix.title) }));
}

describe('rule fixtures', () => {
  const fixtures = markdownFiles(RULE_FIXTURES_DIR);

  it('every rule has a folder of fixtures, and every folder is a rule', () => {
    const folders = fs.readdirSync(RULE_FIXTURES_DIR, { withFileTypes: true }).filter((entry) => entry.isDirectory()).map((entry) => entry.name).sort();
    const withFolders = RULES.map((rule) => rule.code).filter((code) => code !== 'year-mismatch');
    expect(folders).toEqual([...withFolders].sort());
    for (const folder of folders) expect(fixtures.some((fixture) => fixture.startsWith(`${folder}${path.sep}`))).toBe(true);
  });

  for (const fixture of fixtures) {
    it(fixture, () => {
      const file = path.join(RULE_FIXTURES_DIR, fixture);
      const expectedFile = file.replace(/\.md$/, '.expected.json');
      const actual = actualFor(fs.readFileSync(file, 'utf8'), file);
      if (update) fs.writeFileSync(expectedFile, `${JSON.stringify(actual, null, 2)}\n`);
      if (!fs.existsSync(expectedFile)) {
        throw new Error(`${expectedFile} is missing: run LEXICITE_UPDATE_EXPECTED=1 npx vitest run tests/unit/rules.test.ts and review it`);
      }
      expect(actual).toEqual(JSON.parse(fs.readFileSync(expectedFile, 'utf8')));
    });
  }

  it('each folder flags its own rule somewhere', () => {
    for (const rule of RULES.filter((candidate) => candidate.code !== 'year-mismatch')) {
      const flagged = fixtures
        .filter((fixture) => fixture.startsWith(`${rule.code}${path.sep}`))
        .some((fixture) => analyzeDocument(fs.readFileSync(path.join(RULE_FIXTURES_DIR, fixture), 'utf8'), bundledCorpus(), fixtureSettings(fixture)).diagnostics.some((diagnostic) => diagnostic.code === rule.code));
      expect(flagged, rule.code).toBe(true);
    }
  });
});
