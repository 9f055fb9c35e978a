/**
 * The open world through the real protocol: a draft dated 2025-06-01 that names the 2024 treaty
 * first, then cites what real writing cites beside it (the Charter, the VCLT, other Security
 * Council resolutions, a covenant outside the corpus, officials with descriptors and honorifics).
 * The built server runs as a child process; this test is its LSP client over stdio.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DidOpenTextDocumentNotification, HoverRequest, type Diagnostic, type Hover, type MarkupContent } from 'vscode-languageserver-protocol/node';
import { startInitializedServer, type ServerUnderTest } from './lsp-client';

const URI = 'file:///workspace/open-world.md';
const LINES = [
  '---',
  'date: 2025-06-01',
  '---',
  '# Open world',
  '',
  'The 2024 treaty binds both parties to mutual assistance.',
  '',
  'Article 26 of the Vienna Convention on the Law of Treaties requires good faith.',
  '',
  'The Vienna Convention on the Law of Treaties, Article 31, sets the general rule of interpretation.',
  '',
  'Article 51 of the UN Charter preserves self-defence.',
  '',
  'Resolution 2231 (2015) endorsed the nuclear deal, and resolution 2231 (2016) is a wrong year.',
  '',
  'Art. 1 para. 2 of the International Covenant on Economic, Social and Cultural Rights protects resources.',
  '',
  'North Korean leader Kim Jong Un hosted the talks.',
  '',
  'Russian President Vladimir Putin arrived late; Mr Putin then toured the city.',
  '',
  "Sergei Shoigu, Secretary of Russia's Security Council, came next.",
];
const TEXT = LINES.join('\n');

/** The position of the first occurrence of `needle` (plus `offset` characters) in the draft. */
function at(needle: string, offset = 0): { line: number; character: number } {
  const line = LINES.findIndex((text) => text.includes(needle));
  if (line < 0) throw new Error(`${needle} is not in the draft`);
  return { line, character: (LINES[line] as string).indexOf(needle) + offset };
}

describe('the open world over stdio', () => {
  let server: ServerUnderTest;
  let diagnostics: Diagnostic[];

  beforeAll(async () => {
    ({ server } = await startInitializedServer());
    await server.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri: URI, languageId: 'markdown', version: 1, text: TEXT } });
    diagnostics = (await server.nextDiagnostics(URI, (params) => params.version === 1)).diagnostics;
  });

  afterAll(() => {
    if (server.process.exitCode === null) server.process.kill();
  });

  const hover = async (needle: string, offset = 1): Promise<string> => {
    const result = (await server.connection.sendRequest(HoverRequest.type, { textDocument: { uri: URI }, position: at(needle, offset) })) as Hover | null;
    return (result?.contents as MarkupContent | undefined)?.value ?? '';
  };
  /** The hover at `needle` contains every one of `phrases`. */
  const expectHover = async (needle: string, phrases: string[]): Promise<void> => {
    const markdown = await hover(needle);
    for (const phrase of phrases) expect(markdown, `hover at ${needle}`).toContain(phrase);
  };
  const onLine = (needle: string): Diagnostic[] => diagnostics.filter((diagnostic) => diagnostic.range.start.line === at(needle).line);

  it('reports only the wrong year as an error, and no warning but uncited references', () => {
    const errors = diagnostics.filter((diagnostic) => diagnostic.severity === 1);
    expect(errors.map((diagnostic) => diagnostic.code)).toEqual(['year-mismatch']);
    expect(errors[0]?.range.start).toEqual(at('2016'));
    expect(errors[0]?.message).toContain('20 July 2015');
    const warnings = diagnostics.filter((diagnostic) => diagnostic.severity === 2);
    expect(new Set(warnings.map((diagnostic) => diagnostic.code))).toEqual(new Set(['uncited-reference', 'uncited-claim']));
    for (const line of ['North Korean leader', 'Mr Putin', 'Sergei Shoigu', 'Art. 1 para. 2']) {
      expect(onLine(line).filter((diagnostic) => diagnostic.code !== 'uncited-reference' && diagnostic.code !== 'uncited-claim')).toEqual([]);
    }
  });

  it('reads the VCLT article named after the treaty as the VCLT’s, and asks for its source', async () => {
    expect(onLine('Article 26 of the Vienna').map((diagnostic) => diagnostic.code)).toContain('uncited-reference');
    expect(await hover('Article 26 of the Vienna')).toContain('Every treaty in force is binding upon the parties');
    expect(await hover('Article 31,', 2)).toContain('Single source');
  });

  it('shows the Charter’s Article 51 with both wordings and the caution', async () => {
    await expectHover('Article 51 of the UN Charter', ['Nothing in the present Charter shall impair the inherent right', 'the sources disagree', 'Also 1 other rendering: 1 English']);
  });

  it('shows resolution 2231 from the index, with its date and the Library’s topic labelled as such', async () => {
    await expectHover('Resolution 2231 (2015)', ['S/RES/2231 \\(2015\\)', 'adopted 20 July 2015', 'not a title', 'https://undocs.org/S/RES/2231(2015)']);
  });

  it('shows the covenant as an instrument outside the corpus, with the import command', async () => {
    await expectHover('Art. 1 para. 2', ['International Covenant on Economic, Social and Cultural Rights', 'outside Lexicite', 'command:lexicite.importOfficialText?']);
  });

  it('resolves Mr Putin to Vladimir Putin', async () => {
    expect(await hover('Mr Putin', 4)).toContain('Vladimir Putin');
  });
});
