/**
 * Hovers, document links, go to definition (lexicite: documents), find all references from
 * the workspace index, workspace symbols and the table of authorities, through the real
 * protocol against the built server, on a workspace folder of drafts written for the test.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  DefinitionRequest,
  DidChangeWatchedFilesNotification,
  DidOpenTextDocumentNotification,
  DocumentLinkRequest,
  FileChangeType,
  HoverRequest,
  ReferencesRequest,
  WorkspaceSymbolRequest,
  type Hover,
  type Location,
  type MarkupContent,
  type SymbolInformation,
} from 'vscode-languageserver-protocol/node';
import { startInitializedServer, type ServerUnderTest } from './lsp-client';

// Test data: a pack whose texts try to inject a command link, HTML and an image.
const HOSTILE_PACK = {
  instruments: [
    {
      id: 'injection-treaty',
      type: 'treaty',
      title: 'Injection Treaty [click](command:workbench.action.quit)',
      shortTitle: 'Injection Treaty',
      aliases: ['Injection Treaty'],
      date: '2030-01-01',
      dateKind: 'signed',
      status: 'unknown',
      url: 'https://example.org/injection-treaty',
      structure: { unit: 'article', count: 2 },
      provisions: [
        {
          id: 'injection-treaty/art-1',
          number: '1',
          kind: 'article',
          text: {
            body: 'Run [this](command:workbench.action.quit) now <img src=x onerror=alert(1)> <script>alert(2)</script>',
            lang: 'en',
            label: 'Official text [label](command:evil)',
            translation: null,
            publication: 'official',
            source: { url: 'https://example.org/injection-treaty' },
          },
        },
      ],
    },
  ],
};

const DRAFTS: Record<string, string> = {
  'a.md': ['---', 'date: 2025-03-01', '---', '# Sanctions', '', 'Resolution 1718 set the regime; Article 16 of ARSIWA governs aid.', 'Paragraph 10 of resolution 1718 lists exemptions.', 'Russian President Vladimir Putin spoke; Prime Minister Vladimir Putin is wrong here.', 'Article 1 of the Injection Treaty.', ''].join('\n'),
  'b.md': ['# Elsewhere', '', 'The committee of resolution 1718 meets monthly; see paragraph 12 of resolution 1718.', ''].join('\n'),
  'c.md': ['---', 'date: 2010-06-01', '---', 'Prime Minister Vladimir Putin visited.', ''].join('\n'),
};

let folder: string;
let server: ServerUnderTest;
const uriOf = (name: string): string => pathToFileURL(path.join(folder, name)).toString();
const position = (name: string, needle: string, shift = 1): { line: number; character: number } => {
  const lines = (DRAFTS[name] as string).split('\n');
  const line = lines.findIndex((text) => text.includes(needle));
  return { line, character: (lines[line] as string).indexOf(needle) + shift };
};
const hover = async (name: string, needle: string): Promise<string | null> => {
  const result = (await server.connection.sendRequest(HoverRequest.type, { textDocument: { uri: uriOf(name) }, position: position(name, needle) })) as Hover | null;
  return result ? (result.contents as MarkupContent).value : null;
};
const open = async (name: string): Promise<void> => {
  await server.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri: uriOf(name), languageId: 'markdown', version: 1, text: DRAFTS[name] as string } });
  await server.nextDiagnostics(uriOf(name));
};

beforeAll(async () => {
  folder = fs.mkdtempSync(path.join(os.tmpdir(), 'lexicite-nav-'));
  for (const [name, text] of Object.entries(DRAFTS)) fs.writeFileSync(path.join(folder, name), text);
  fs.mkdirSync(path.join(folder, '.lexicite'));
  fs.writeFileSync(path.join(folder, '.lexicite', 'hostile.json'), JSON.stringify(HOSTILE_PACK, null, 2));
  ({ server } = await startInitializedServer({ folderUri: pathToFileURL(folder).toString(), workspaceTrusted: true }));
  await open('a.md');
  await open('c.md');
});

afterAll(() => {
  if (server.process.exitCode === null) server.process.kill();
  fs.rmSync(folder, { recursive: true, force: true });
});

describe('hovers through the protocol', () => {
  it('on a provision with text: the verbatim text, its source, and that it is a secondary copy', async () => {
    const markdown = await hover('a.md', 'Article 16 of ARSIWA');
    expect(markdown).toContain('> A State which aids or assists another State');
    expect(markdown).toContain('a secondary copy, not the official publication');
  });

  it('on a provision without text: says so and labels our summary', async () => {
    const markdown = await hover('a.md', 'Paragraph 10');
    expect(markdown).toContain('No verbatim text of this provision is bundled.');
    expect(markdown).toContain('Summary (ours, not the text)');
  });

  it('on officials, at the date each document speaks of', async () => {
    expect(await hover('a.md', 'Vladimir Putin spoke')).toContain('On 1 March 2025: President of Russia');
    expect(await hover('a.md', 'Vladimir Putin is wrong')).toMatch(/Note: "Prime Minister" was held .*, not on 1 March 2025\./);
    const earlier = await hover('c.md', 'Vladimir Putin');
    expect(earlier).toContain('On 1 June 2010: ');
    expect(earlier).toContain('Prime Minister of Russia');
    expect(earlier).not.toContain('Note:');
  });

  it('on a pack entry whose texts try to inject a command link, HTML and a script: everything is escaped', async () => {
    const markdown = (await hover('a.md', 'Article 1 of the Injection Treaty')) ?? '';
    expect(markdown).toContain('Run \\[this\\]\\(command:workbench\\.action\\.quit\\) now &lt;img');
    // Outside code spans (where Markdown renders nothing active) no link may come from data;
    // the citation's code span cannot be broken out of, as data backticks are replaced.
    const citation = /\nCite \(UN\): `([^`\n]*)`$/.exec(markdown);
    expect(citation?.[1]).toContain('Injection Treaty');
    expect(markdown.replace(/`[^`\n]*`/g, '')).not.toMatch(/(?<!\\)\]\(command:/);
    expect(markdown).not.toMatch(/<img|<script/);
    expect(markdown).toContain('official text');
  });
});

describe('navigation through the protocol', () => {
  it('links each reference to its official document', async () => {
    const links = await server.connection.sendRequest(DocumentLinkRequest.type, { textDocument: { uri: uriOf('a.md') } });
    const targets = (links ?? []).map((link) => link.target);
    expect(targets).toContain('https://undocs.org/S/RES/1718(2006)');
    expect(targets).toContain('https://legal.un.org/ilc/texts/instruments/english/draft_articles/9_6_2001.pdf');
  });

  it('goes to the definition in a lexicite: document served by the server, at the provision', async () => {
    const result = (await server.connection.sendRequest(DefinitionRequest.type, { textDocument: { uri: uriOf('a.md') }, position: position('a.md', 'Article 16 of ARSIWA') })) as Location;
    expect(result.uri).toBe('lexicite:/instrument/arsiwa.md');
    const text = await server.connection.sendRequest<string | null>('lexicite/virtualDocument', { uri: result.uri });
    expect(text).toContain('A State which aids or assists another State');
    expect(text?.split('\n')[result.range.start.line]).toMatch(/^#+ Article 16\b/);
  });

  it('goes to an official record too', async () => {
    const result = (await server.connection.sendRequest(DefinitionRequest.type, { textDocument: { uri: uriOf('a.md') }, position: position('a.md', 'Vladimir Putin spoke') })) as Location;
    expect(result.uri).toBe('lexicite:/official/vladimir-putin.md');
    expect(await server.connection.sendRequest<string | null>('lexicite/virtualDocument', { uri: result.uri })).toContain('Vladimir Putin');
  });

  it('finds every reference to an instrument in the workspace, open or not, and follows changes on disk', async () => {
    const before = (await server.connection.sendRequest(ReferencesRequest.type, {
      textDocument: { uri: uriOf('a.md') },
      position: position('a.md', 'Resolution 1718'),
      context: { includeDeclaration: true },
    })) as Location[];
    const files = new Set(before.map((location) => path.basename(new URL(location.uri).pathname)));
    expect([...files].sort()).toEqual(['a.md', 'b.md']);
    // b.md cites resolution 1718 twice, once through its paragraph 12.
    expect(before.filter((location) => location.uri === uriOf('b.md'))).toHaveLength(2);

    fs.writeFileSync(path.join(folder, 'b.md'), '# Elsewhere\n\nNothing cited here any more.\n');
    await server.connection.sendNotification(DidChangeWatchedFilesNotification.type, { changes: [{ uri: uriOf('b.md'), type: FileChangeType.Changed }] });
    const after = (await server.connection.sendRequest(ReferencesRequest.type, {
      textDocument: { uri: uriOf('a.md') },
      position: position('a.md', 'Resolution 1718'),
      context: { includeDeclaration: true },
    })) as Location[];
    expect(after.every((location) => location.uri === uriOf('a.md'))).toBe(true);
  });

  it('searches instruments, provisions and officials as workspace symbols', async () => {
    const putin = (await server.connection.sendRequest(WorkspaceSymbolRequest.type, { query: 'putin' })) as SymbolInformation[];
    expect(putin.map((symbol) => symbol.name)).toContain('Vladimir Putin');
    expect(putin[0]?.location.uri).toMatch(/^lexicite:\/official\//);
    const resolution = (await server.connection.sendRequest(WorkspaceSymbolRequest.type, { query: '1718' })) as SymbolInformation[];
    expect(resolution.some((symbol) => symbol.location.uri === 'lexicite:/instrument/unscr-1718.md')).toBe(true);
  });

  it('builds the table of authorities of an open draft', async () => {
    const table = await server.connection.sendRequest<string | null>('lexicite/tableOfAuthorities', { uri: uriOf('a.md') });
    expect(table).toContain('1718');
    expect(table).toContain('Article 16');
    expect(table).toContain('Sanctions');
  });
});
