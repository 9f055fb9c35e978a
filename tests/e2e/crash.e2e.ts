/**
 * A crash of the language server loses nothing, and the server never writes files itself.
 *
 * Two drafts are edited without saving. The server is frozen (SIGSTOP), so that what is typed
 * next reaches no server that will analyse it, then killed (SIGKILL), and more is typed before
 * the client restarts it: the extension host, where the client runs, is frozen from just
 * before the kill until those words are typed, so the restart cannot come first however fast
 * the server starts (a race the test once lost under load, once the server started faster).
 * Afterwards the editors hold exactly what was typed, still unsaved, the files on disk are
 * byte-identical to the workspace as written, and the new server's diagnostics are those of
 * the unsaved text (including what was typed while it was down, and none for text that was
 * corrected meanwhile). Then a quick fix applied from the editor
 * changes only the editor's buffer: the disk changes when the test saves, and only then.
 *
 * The scenarios run in order and share one VS Code.
 */
import { describe, expect } from 'vitest';
import { commandLineOf, parentOf, scenario, useVSCode, waitFor, CEILING_MS } from './harness';

// Every sentence has a source (a footnote or a link to the official document), so that the
// only diagnostics are the year mismatches the scenarios look for.
const DRAFT = ['# Crash draft', '', 'Cargo inspections were added by resolution 1874 (2006).[^1]', '', '[^1]: The official record.', ''].join('\n');
const SECOND = ['# Second draft', '', 'The coal ban came with resolution 2270 (2015).[^1]', '', '[^1]: The official record.', ''].join('\n');
const FILES = { 'draft.md': DRAFT, 'second.md': SECOND };

/** Typed into draft.md before the crash; the 2397 year is wrong, and corrected while the server is frozen. */
const DRAFT_BEFORE = 'The oil cap dates from UNSCR 2375 (2016), per https://undocs.org/S/RES/2375(2017). The 2017 package, per https://undocs.org/S/RES/2397(2017), is UNSCR 2397 (2011).';
/** Typed into second.md before the crash. */
const SECOND_BEFORE = 'Then UNSCR 2371 (2016) banned coal and iron, per https://undocs.org/S/RES/2371(2017).';
/** Typed into second.md while the server is frozen. */
const SECOND_FROZEN = ' It followed resolution 2356 (2016), per https://undocs.org/S/RES/2356(2017).';
/** Typed into draft.md while the server is frozen, after deleting "2011)." */
const DRAFT_FROZEN = '2017).\nThe ceiling followed UNSCR 2321 (2015), per https://undocs.org/S/RES/2321(2016).';
/** Typed into draft.md right after the kill, while the client restarts the server. */
const DRAFT_RESTARTING = '\nThen UNSCR 2087 (2012) listed more entities, per https://undocs.org/S/RES/2087(2013).';

/** The drafts' texts once all of the above is typed (a blank line separates the new paragraph from the footnote). */
const DRAFT_TYPED = `${DRAFT}\n${DRAFT_BEFORE.slice(0, -'2011).'.length)}${DRAFT_FROZEN}${DRAFT_RESTARTING}`;
const SECOND_TYPED = `${SECOND}\n${SECOND_BEFORE}${SECOND_FROZEN}`;

const original = (): Record<string, Buffer> => Object.fromEntries(Object.entries(FILES).map(([name, text]) => [name, Buffer.from(text, 'utf8')]));

const { vscode, session } = useVSCode('crash', FILES);

/** When each "language server started" line of the Lexicite log was written (ms since the epoch; the log uses local time). */
function startTimes(log: string): number[] {
  return [...log.matchAll(/^(\d{4}-\d\d-\d\d) (\d\d:\d\d:\d\d\.\d{3}) \[info\] Lexicite language server started/gm)].map((match) => new Date(`${match[1]}T${match[2]}`).getTime());
}

/** Types `text` at the end of the active editor's document, after a new line. */
async function typeNewParagraph(text: string): Promise<void> {
  await vscode().focusEditorAtEnd();
  await vscode().page.keyboard.press('Enter');
  await vscode().page.keyboard.type(text);
}

describe('Lexicite in VS Code: a crash of the server loses nothing', () => {
  scenario('unsaved text typed before, while and after the server dies is kept and analysed by the restarted server', session, async () => {
    const { page } = vscode();
    await vscode().openFile('draft.md');
    await vscode().waitForLog(/Lexicite language server started: \d+ instruments loaded/);
    await vscode().waitForProblem(['year-mismatch', 'S/RES/1874 (2009)', 'not in 2006']);

    // Before the crash: unsaved text in two drafts, analysed by the first server.
    await typeNewParagraph(DRAFT_BEFORE);
    await vscode().waitForProblem(['year-mismatch', 'S/RES/2375 (2017)', 'not in 2016']);
    await vscode().waitForProblem(['year-mismatch', 'S/RES/2397 (2017)', 'not in 2011']);
    await vscode().openFile('second.md');
    await vscode().waitForProblem(['year-mismatch', 'S/RES/2270 (2016)', 'not in 2015']);
    await typeNewParagraph(SECOND_BEFORE);
    await vscode().waitForProblem(['year-mismatch', 'S/RES/2371 (2017)', 'not in 2016']);
    expect(await vscode().isDirty('draft.md')).toBe(true);
    expect(await vscode().isDirty('second.md')).toBe(true);
    expect(vscode().workspaceFiles()).toEqual(original());

    // The server hangs: what is typed now is sent to a process that will never read it.
    const servers = vscode().serverProcesses();
    expect(servers).toHaveLength(1);
    const killed = servers[0]!.pid;
    process.kill(killed, 'SIGSTOP');
    await vscode().focusEditorAtEnd();
    await page.keyboard.type(SECOND_FROZEN);
    await vscode().showEditor('draft.md');
    await vscode().focusEditorAtEnd();
    for (let i = 0; i < '2011).'.length; i++) await page.keyboard.press('Backspace');
    await page.keyboard.type(DRAFT_FROZEN);
    // (Nothing analyses it: the frozen server publishes no diagnostic for it.)
    expect((await vscode().problemRows()).filter((row) => row.includes('S/RES/2321') || row.includes('S/RES/2356'))).toEqual([]);

    // It dies, and the first words after it are typed before the client can restart it: the
    // extension host is frozen meanwhile. The rest is typed while the client restarts it.
    const extensionHost = parentOf(killed);
    expect(commandLineOf(extensionHost)).toContain('extensionHost');
    process.kill(extensionHost, 'SIGSTOP');
    let firstWordsTyped: number;
    try {
      process.kill(killed, 'SIGKILL');
      await page.keyboard.type(DRAFT_RESTARTING.slice(0, '\nThen'.length));
      firstWordsTyped = Date.now();
    } finally {
      process.kill(extensionHost, 'SIGCONT');
    }
    await page.keyboard.type(DRAFT_RESTARTING.slice('\nThen'.length));

    const replacement = await waitFor('a new Lexicite server process', () => {
      const now = vscode().serverProcesses().filter((candidate) => candidate.pid !== killed);
      return now.length > 0 ? now : undefined;
    }, CEILING_MS);
    expect(replacement).toHaveLength(1);
    expect(vscode().serverProcesses().some((candidate) => candidate.pid === killed)).toBe(false);
    await vscode().waitForLog(/stopped unexpectedly; restarting/);
    const log = await vscode().waitForLog(/Lexicite language server started/, CEILING_MS, 2);
    const restartedAt = startTimes(log)[1]!;
    expect(restartedAt, 'the new server had started before the first words after the kill were typed').toBeGreaterThan(firstWordsTyped);

    // The restarted server analyses the unsaved text of both drafts: what was typed before the
    // crash, while the server was frozen and while it restarted.
    for (const parts of [
      ['S/RES/1874 (2009)', 'not in 2006'],
      ['S/RES/2375 (2017)', 'not in 2016'],
      ['S/RES/2321 (2016)', 'not in 2015'],
      ['S/RES/2087 (2013)', 'not in 2012'],
      ['S/RES/2270 (2016)', 'not in 2015'],
      ['S/RES/2371 (2017)', 'not in 2016'],
      ['S/RES/2356 (2017)', 'not in 2016'],
    ]) {
      await vscode().waitForProblem(['year-mismatch', ...parts]);
    }
    // The year corrected while the server was frozen has no diagnostic any more.
    expect((await vscode().problemRows()).filter((row) => row.includes('not in 2011'))).toEqual([]);

    // The editors hold exactly what was typed, unsaved; the disk has not changed.
    expect(await vscode().documentText('draft.md')).toBe(DRAFT_TYPED);
    expect(await vscode().documentText('second.md')).toBe(SECOND_TYPED);
    expect(await vscode().isDirty('draft.md')).toBe(true);
    expect(await vscode().isDirty('second.md')).toBe(true);
    expect(vscode().workspaceFiles()).toEqual(original());
  }, 4 * CEILING_MS);

  scenario('a quick fix changes only the editor: the file on disk changes when it is saved', session, async () => {
    const { page } = vscode();
    await vscode().showEditor('draft.md');
    // The cursor at the end of the last line, which has one diagnostic: 2087 was adopted in 2013.
    await vscode().focusEditorAtEnd();
    await page.keyboard.press('Control+.');
    // The fix is the selected entry of the Quick Fix menu: accept it.
    await page.locator('.action-widget .monaco-list-row.focused', { hasText: 'Change the year to 2013' }).first().waitFor({ state: 'visible' });
    await page.keyboard.press('Enter');
    await page.locator('.markers-panel .monaco-list-row', { hasText: 'not in 2012' }).first().waitFor({ state: 'detached' });
    const fixed = DRAFT_TYPED.replace('UNSCR 2087 (2012)', 'UNSCR 2087 (2013)');
    expect(await vscode().documentText('draft.md')).toBe(fixed);
    expect(await vscode().isDirty('draft.md')).toBe(true);
    // Nothing in the workspace was written: not the fixed draft, not any other file.
    expect(vscode().workspaceFiles()).toEqual(original());

    // Saving writes the editor's text, exactly; the other draft stays unsaved.
    await vscode().showEditor('draft.md');
    await vscode().saveAndExpect('draft.md', 'UNSCR 2087 (2013)');
    await waitFor('draft.md to be saved', async () => ((await vscode().isDirty('draft.md')) ? undefined : true));
    expect(vscode().workspaceFiles()).toEqual({ ...original(), 'draft.md': Buffer.from(fixed, 'utf8') });
    expect(await vscode().isDirty('second.md')).toBe(true);
  });
});
