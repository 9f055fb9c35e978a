/**
 * The smoke test of `npm run test:electron`, run inside a real (desktop) VS Code by
 * @vscode/test-electron: the extension activates on a Markdown draft, its hover shows the
 * resolution's symbol and date, and the draft's wrong year is a `year-mismatch` diagnostic.
 * tests/e2e/electron/run.mjs bundles this file and writes the workspace it opens.
 * Not a vitest file: VS Code calls run(), which throws when a check fails.
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';

async function waitFor<T>(what: string, probe: () => Promise<T | undefined> | T | undefined, timeoutMs = 30_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

const codeOf = (diagnostic: vscode.Diagnostic): string | number | undefined =>
  typeof diagnostic.code === 'object' ? diagnostic.code.value : diagnostic.code;

/** The hovers' Markdown source, with backslash escapes removed ("S/RES/1718 \(2006\)" reads "S/RES/1718 (2006)"). */
const hoverText = (hovers: vscode.Hover[]): string =>
  hovers
    .flatMap((hover) => hover.contents.map((content) => (typeof content === 'string' ? content : content.value)))
    .join('\n')
    .replace(/\\([\\`*_{}[\]()#+\-.!|<>~])/g, '$1');

async function check(name: string, body: () => Promise<void>): Promise<void> {
  const started = Date.now();
  try {
    await body();
    console.log(`  ✓ ${name} (${Date.now() - started} ms)`);
  } catch (error) {
    console.log(`  × ${name}: ${error instanceof Error ? error.message : String(error)}`);
    throw error;
  }
}

export async function run(): Promise<void> {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'VS Code was started without the test workspace');
  const uri = vscode.Uri.joinPath(folder.uri, 'briefing.md');
  const document = await vscode.workspace.openTextDocument(uri);
  await vscode.window.showTextDocument(document);
  console.log(`Lexicite smoke test in VS Code ${vscode.version}`);

  await check('the extension activates on a Markdown draft', async () => {
    const extension = vscode.extensions.getExtension('lexicite.lexicite');
    assert.ok(extension, 'the extension lexicite.lexicite is not loaded');
    await waitFor('the extension to be active', () => (extension.isActive ? true : undefined));
  });

  await check('hovering "Resolution 1718" shows its symbol and adoption date', async () => {
    const line = document.getText().split('\n').findIndex((text) => text.includes('Resolution 1718'));
    assert.ok(line >= 0);
    const character = document.lineAt(line).text.indexOf('Resolution 1718') + 2;
    const text = await waitFor('the Lexicite hover', async () => {
      const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', uri, new vscode.Position(line, character));
      const shown = hoverText(hovers ?? []);
      return shown.includes('S/RES/1718 (2006)') && shown.includes('14 October 2006') ? shown : undefined;
    });
    assert.match(text, /S\/RES\/1718 \(2006\)/);
  });

  await check('the wrong year is a year-mismatch diagnostic', async () => {
    const diagnostic = await waitFor('the year-mismatch diagnostic', () =>
      vscode.languages.getDiagnostics(uri).find((candidate) => codeOf(candidate) === 'year-mismatch' && candidate.message.includes('S/RES/1874 (2009)')),
    );
    assert.equal(diagnostic.severity, vscode.DiagnosticSeverity.Error);
    assert.equal(document.getText(diagnostic.range), '2006');
  });
}
