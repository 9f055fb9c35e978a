/**
 * Writing with Lexicite in VS Code: completion after "[^" (a footnote citation whose
 * definition is appended) and after "Article " (the articles of the instrument in context),
 * a quick fix applied from the editor that makes its diagnostic disappear, and a line added
 * in a longer draft, whose diagnostics VS Code pulls in bands of lines.
 */
import { describe, expect } from 'vitest';
import { scenario, useVSCode } from './harness';

const DRAFT = ['# Working draft', '', 'The asset freeze is in paragraph 8(d) of resolution 1718.', ''].join('\n');
// The sentence cites a source, so that the year is its only problem.
const FIXES = ['# Years', '', 'The ban dates from resolution 1718 (2009).[^1]', '', '[^1]: The official record.', ''].join('\n');

const UNCITED = ['# Uncited', '', 'The embargo rests on resolution 1718 (2006).', ''].join('\n');

// Cited, so that the quotation is its only problem.
const QUOTES = ['# Quotes', '', 'Article 4 of the 2024 treaty promises "other assistance by all of one\'s means".[^1]', '', '[^1]: KCNA, 20 June 2024.', ''].join('\n');

// 41 lines: two wrong years, on the 5th line and the 35th, far apart in the sixteen bands the
// diagnostics are pulled in (server/src/lsp/diagnostic-slices.ts); each cites a source.
const BANDS = Array.from({ length: 40 }, (_, line) =>
  line === 0 ? '# Bands' : line === 4 ? 'Resolution 1874 (2006) is cited.[^1]' : line === 34 ? 'Resolution 2397 (2016) is cited.[^1]' : line === 39 ? '[^1]: The official record.' : line % 2 === 0 ? 'A line of prose with nothing to check.' : '',
).join('\n').concat('\n');

const { vscode, session } = useVSCode('editing', { 'draft.md': DRAFT, 'fixes.md': FIXES, 'uncited.md': UNCITED, 'quotes.md': QUOTES, 'bands.md': BANDS });

async function acceptSuggestion(label: string): Promise<void> {
  const { page } = vscode();
  const row = page.locator('.editor-widget.suggest-widget .monaco-list-row', { hasText: label }).first();
  await row.waitFor({ state: 'visible' });
  await row.click();
  await page.locator('.editor-widget.suggest-widget').waitFor({ state: 'hidden' });
}

describe('Lexicite in VS Code: writing', () => {
  scenario('completion after [^ inserts a footnote citation and appends its definition', session, async () => {
    const { page } = vscode();
    await vscode().openFile('draft.md');
    await vscode().waitForLog(/Lexicite language server started: \d+ instruments loaded/);
    // Put the cursor right after the sentence's full stop.
    await vscode().focusEditorAtEnd();
    await page.keyboard.press('ArrowUp');
    await page.keyboard.press('End');
    await page.keyboard.type('[^');
    await page.keyboard.press('Control+Space');
    await acceptSuggestion('unscr-1718-op-8d');
    const text = await vscode().saveAndExpect('draft.md', '[^unscr-1718-op-8d]: Security Council resolution 1718 (2006), S/RES/1718 (2006), para. 8 (d).');
    expect(text).toContain('of resolution 1718.[^unscr-1718-op-8d]');
  });

  scenario('completion after "Article " offers the articles of the instrument in context', session, async () => {
    const { page } = vscode();
    await vscode().focusEditorAtEnd();
    await page.keyboard.press('Enter');
    await page.keyboard.type('Under ARSIWA, Article ');
    await page.keyboard.press('Control+Space');
    // The articles of ARSIWA are offered, with their titles; typing filters them.
    await page.locator('.editor-widget.suggest-widget .monaco-list-row', { hasText: 'Responsibility of a State for its internationally wrongful acts' }).first().waitFor({ state: 'visible' });
    await page.keyboard.type('16');
    await acceptSuggestion('16');
    await vscode().saveAndExpect('draft.md', 'Under ARSIWA, Article 16');
  });

  scenario('the quick fix for an uncited reference inserts the footnote, and the diagnostic disappears', session, async () => {
    const { page } = vscode();
    await vscode().openFile('uncited.md');
    await vscode().waitForProblem(['uncited-reference', 'resolution 1718 (2006)']);
    await vscode().focusEditorAtEnd();
    await page.keyboard.press('ArrowUp');
    await page.keyboard.press('End');
    await page.keyboard.press('Control+.');
    await page.getByText('Cite resolution 1718 (2006) in a footnote').first().waitFor({ state: 'visible' });
    await page.keyboard.press('Enter');
    const text = await vscode().saveAndExpect('uncited.md', '[^unscr-1718]: Security Council resolution 1718 (2006), S/RES/1718 (2006).');
    expect(text).toContain('resolution 1718 (2006).[^unscr-1718]');
    await page.locator('.markers-panel .monaco-list-row', { hasText: '"resolution 1718 (2006)" is cited without a source' }).first().waitFor({ state: 'detached' });
  });

  scenario('typing a new uncited claim makes a diagnostic appear', session, async () => {
    const { page } = vscode();
    await vscode().focusEditorAtEnd();
    await page.keyboard.press('Enter');
    await page.keyboard.type('The ministry confirmed the transfer on 12 March 2025.');
    await vscode().waitForProblem(['uncited-claim', 'confirmed']);
  });

  scenario('applying the quick fix corrects the year and the diagnostic disappears', session, async () => {
    const { page } = vscode();
    await vscode().openFile('fixes.md');
    await vscode().waitForProblem(['year-mismatch', 'not in 2009']);
    // Open the quick fixes at the diagnostic: click the year, then Ctrl+.
    await vscode().focusEditorAtEnd();
    for (let line = 0; line < 3; line++) await page.keyboard.press('ArrowUp');
    await page.keyboard.press('End');
    await page.keyboard.press('Control+.');
    // The preferred fix is the first entry of the Quick Fix menu, selected: accept it.
    await page.getByText('Change the year to 2006').first().waitFor({ state: 'visible' });
    await page.keyboard.press('Enter');
    await vscode().saveAndExpect('fixes.md', 'The ban dates from resolution 1718 (2006).[^1]');
    await page.locator('.markers-panel .monaco-list-row', { hasText: 'not in 2009' }).first().waitFor({ state: 'detached' });
  });

  scenario('a misquotation of the 2024 treaty shows in Problems, and its quick fix puts in the text', session, async () => {
    const { page } = vscode();
    await vscode().openFile('quotes.md');
    await vscode().waitForProblem(['misquote', 'No text of Article 4', 'other assistance by all means']);
    // Put the cursor inside the quotation (ten characters before the line's end: in "means"), then Ctrl+.
    await vscode().focusEditorAtEnd();
    for (let line = 0; line < 3; line++) await page.keyboard.press('ArrowUp');
    await page.keyboard.press('End');
    for (let step = 0; step < 10; step++) await page.keyboard.press('ArrowLeft');
    await page.keyboard.press('Control+.');
    await page.getByText('Quote Article 4 as written').first().waitFor({ state: 'visible' });
    await page.keyboard.press('Enter');
    await vscode().saveAndExpect('quotes.md', 'promises "other assistance by all means".[^1]');
    await page.locator('.markers-panel .monaco-list-row', { hasText: 'No text of Article 4' }).first().waitFor({ state: 'detached' });
  });

  scenario('a line added in a longer draft moves the diagnostic below it and leaves the one above it', session, async () => {
    const { page } = vscode();
    await vscode().openFile('bands.md');
    expect(await vscode().waitForProblem(['year-mismatch', 'S/RES/1874 (2009)'])).toMatch(/Ln 5\b/);
    expect(await vscode().waitForProblem(['year-mismatch', 'S/RES/2397 (2017)'])).toMatch(/Ln 35\b/);
    // A new line at the start of the 21st line, between the two.
    await vscode().focusEditorAtEnd();
    await page.keyboard.press('Control+Home');
    for (let line = 0; line < 20; line++) await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Home');
    await page.keyboard.press('Enter');
    await vscode().waitForProblem(['year-mismatch', 'S/RES/2397 (2017)', 'Ln 36']);
    expect(await vscode().waitForProblem(['year-mismatch', 'S/RES/1874 (2009)'])).toMatch(/Ln 5\b/);
    const rows = (await vscode().problemRows()).filter((row) => row.includes('year-mismatch'));
    expect(rows).toHaveLength(2);
  });
});
