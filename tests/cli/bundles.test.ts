/**
 * What the build does to the bundles in dist/ for the starters' sake, checked on the real
 * bundles: they are ASCII-only (so that dist/server.js and dist/cli.js read them as Latin-1),
 * the rewriting that makes them so keeps every expression's meaning, and a language server's
 * start does not load the Node modules that its libraries need only for named pipes and
 * global module folders.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ExitNotification, HoverRequest, ShutdownRequest } from 'vscode-languageserver-protocol/node';
import { toAscii } from '../../scripts/ascii.mjs';
import { DIST } from '../helpers';
import { startInitializedServer } from '../protocol/lsp-client';

let scratch: string;
beforeAll(() => {
  scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'lexicite-bundles-'));
});
afterAll(() => {
  fs.rmSync(scratch, { recursive: true, force: true });
});

describe('the bundles in dist/', () => {
  it('are ASCII-only, each of them', () => {
    const bundles = fs.readdirSync(DIST).filter((name) => name.endsWith('.js'));
    expect(bundles).toEqual(expect.arrayContaining(['cli.js', 'cli-bundle.js', 'client.js', 'server.js', 'server-bundle.js']));
    for (const name of bundles) {
      const bytes = fs.readFileSync(path.join(DIST, name));
      const first = bytes.findIndex((byte) => byte > 0x7f);
      expect(first === -1 ? null : `${name}: byte ${first}`).toBeNull();
    }
  });
});

describe('toAscii', () => {
  // Pieces of regular expressions with non-ASCII characters in every place esbuild leaves
  // them: literal, escaped with a backslash, in a class, in a range, astral, after escaped
  // backslashes.
  const piece = fc.constantFrom('\u2019', '\u2013', '\\\u2026', '\\\\\u2026', '[\u201c\u201d"]', '[\u2013-\u2014]', '[^\u201d\\s]', 'a', '\\d', '.', '\ud83d\ude00', '\u00e9+', '(?:\u00df|ss)', '\\\\', 'x?');
  const source = fc.array(piece, { minLength: 1, maxLength: 8 }).map((pieces) => pieces.join(''));
  const subject = fc.array(fc.constantFrom('\u2019', '\u2013', '\u2014', '\u2026', '\u201c', '\u201d', '"', 'a', '1', ' ', '\\', '\ud83d\ude00', '\ud83d', '\u00e9', 'ss', '\u00df', 'x'), { maxLength: 12 }).map((parts) => parts.join(''));

  it('gives expressions that match what the originals match, with and without the u flag', () => {
    fc.assert(
      fc.property(source, fc.array(subject, { minLength: 1, maxLength: 5 }), fc.constantFrom('g', 'gu', 'gi', 'giu'), (original, subjects, flags) => {
        let expected: RegExp;
        try {
          expected = new RegExp(original, flags);
        } catch {
          return; // not a valid expression under these flags: nothing to compare
        }
        const escaped = toAscii(original);
        expect(/^[\0-\x7f]*$/.test(escaped)).toBe(true);
        const actual = new RegExp(escaped, flags);
        for (const text of subjects) expect([...text.matchAll(actual)].map((match) => [match.index, match[0]])).toEqual([...text.matchAll(expected)].map((match) => [match.index, match[0]]));
      }),
      { numRuns: 400 },
    );
  });

  it('leaves ASCII text as it is and escapes the rest of a comment or a raw template', () => {
    expect(toAscii('const a = /x/; // plain')).toBe('const a = /x/; // plain');
    expect(toAscii('// “quoted”')).toBe('// \\u201Cquoted\\u201D');
    expect(toAscii('String.raw`[\\w\'’]`')).toBe("String.raw`[\\w'\\u2019]`");
    expect(toAscii('/\\…/')).toBe('/\\u2026/');
    expect(toAscii('/\\\\…/')).toBe('/\\\\\\u2026/');
  });
});

describe('a language server start', () => {
  it('answers a hover without loading child_process or crypto (its libraries load them on first use)', async () => {
    const preload = path.join(scratch, 'record-modules.cjs');
    const record = path.join(scratch, 'modules.json');
    fs.writeFileSync(preload, `process.on('exit', () => require('node:fs').writeFileSync(${JSON.stringify(record)}, JSON.stringify(process.moduleLoadList)));\n`);
    const { server } = await startInitializedServer({ env: { NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ''} --require ${JSON.stringify(preload)}`.trim() } });
    const uri = pathToFileURL(path.join(scratch, 'draft.md')).href;
    const diagnostics = server.nextDiagnostics(uri);
    await server.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'markdown', version: 1, text: 'Resolution 2231 (2015) endorsed the plan.\n' } });
    await diagnostics;
    const hover = await server.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position: { line: 0, character: 12 } });
    expect(JSON.stringify(hover)).toContain('2231');
    await server.connection.sendRequest(ShutdownRequest.type);
    await server.connection.sendNotification(ExitNotification.type);
    expect(await server.exited).toBe(0);
    const loaded = JSON.parse(fs.readFileSync(record, 'utf8')) as string[];
    expect(loaded).toEqual(expect.arrayContaining(['NativeModule fs', 'NativeModule net']));
    expect(loaded.filter((name) => /^NativeModule (?:child_process|crypto)$/.test(name))).toEqual([]);
  });
});
