/**
 * The analysis core (server/src/core) must not depend on LSP or VS Code: the CLI and
 * the tests use it directly, and only server/src/lsp converts its values to LSP types.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../helpers';

const FORBIDDEN = /^(vscode|vscode-languageserver(-[a-z]+)?|vscode-languageclient|vscode-jsonrpc)(\/.*)?$/;
const IMPORT = /(?:^|[^\w.])(?:import|export)\s+(?:type\s+)?(?:[\w*{}\s,]+\s+from\s+)?['"]([^'"]+)['"]|(?:require|import)\s*\(\s*['"]([^'"]+)['"]\s*\)/g;

function sourceFiles(directory: string): string[] {
  return fs.readdirSync(directory, { withFileTypes: true }).flatMap((entry) => {
    const child = path.join(directory, entry.name);
    if (entry.isDirectory()) return sourceFiles(child);
    return /\.(ts|js|mjs|cjs)$/.test(entry.name) ? [child] : [];
  });
}

function importsOf(source: string): string[] {
  return [...source.matchAll(IMPORT)].map((match) => (match[1] ?? match[2]) as string);
}

describe('core/LSP boundary', () => {
  const coreDirectory = path.join(REPO_ROOT, 'server', 'src', 'core');
  const files = sourceFiles(coreDirectory);

  it('finds the core sources', () => {
    expect(files.length).toBeGreaterThan(3);
  });

  it('recognizes the import forms it polices', () => {
    expect(importsOf(`import * as vscode from 'vscode';\nimport type { Hover } from "vscode-languageserver/node";\nconst x = require('vscode-jsonrpc');\nexport { a } from './a';`)).toEqual([
      'vscode',
      'vscode-languageserver/node',
      'vscode-jsonrpc',
      './a',
    ]);
  });

  for (const file of files) {
    it(`${path.relative(REPO_ROOT, file)} imports neither vscode nor the language server`, () => {
      const offending = importsOf(fs.readFileSync(file, 'utf8')).filter((specifier) => FORBIDDEN.test(specifier));
      expect(offending).toEqual([]);
    });
  }

  it('keeps server.ts free of analysis: it imports the core only through its public functions', () => {
    const server = fs.readFileSync(path.join(REPO_ROOT, 'server', 'src', 'server.ts'), 'utf8');
    expect(server).not.toMatch(/new RegExp|\.matchAll\(|\.exec\(/);
  });
});
