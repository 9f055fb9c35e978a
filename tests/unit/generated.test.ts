/**
 * Facts written once: package.json's settings, the README's tables and the snippets are
 * generated from code and data (scripts/artifacts.ts). This fails when a committed copy
 * drifts; `npm run generate` brings them back in line.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { generatedArtifacts } from '../../scripts/artifacts';
import { REPO_ROOT } from '../helpers';

describe('generated files', () => {
  for (const artifact of generatedArtifacts(REPO_ROOT)) {
    it(`${path.relative(REPO_ROOT, artifact.file)} is up to date (npm run generate)`, () => {
      expect(fs.readFileSync(artifact.file, 'utf8')).toBe(artifact.content);
    });
  }

  it('declares a lexicite.rules.<code> setting for every rule and lexicite.trace.server', () => {
    const manifest = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8')) as {
      contributes: { configuration: { properties: Record<string, { default: unknown }> } };
    };
    const keys = Object.keys(manifest.contributes.configuration.properties);
    expect(keys).toContain('lexicite.trace.server');
    expect(keys).toContain('lexicite.rules.year-mismatch');
    expect(manifest.contributes.configuration.properties['lexicite.rules.year-mismatch']?.default).toBe('error');
  });
});
