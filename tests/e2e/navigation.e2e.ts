/**
 * Navigation in VS Code (issues 5 and 7): go to definition opens the instrument's read-only
 * lexicite: document at the provision; find all references lists the other draft that cites
 * the same resolution; the Table of Authorities command opens the table beside the draft.
 */
import { describe, expect } from 'vitest';
import { scenario, useVSCode, waitFor } from './harness';

const MAIN = [
  '# Main note',
  '',
  'Article 16 of the ILC Articles on State Responsibility covers aid or assistance.',
  '',
  'The regime rests on Resolution 1718 (2006).',
  '',
].join('\n');
const OTHER = ['# Annex', '', 'Inspections follow resolution 1718 as well.', ''].join('\n');

const { vscode, session } = useVSCode('navigation', { 'main.md': MAIN, 'other.md': OTHER });

/** Puts the cursor inside the first occurrence of `text` in the active editor, with the Find widget. */
async function placeCursorOn(text: string): Promise<void> {
  const page = vscode().page;
  await vscode().editor().locator('.view-lines').click();
  await page.keyboard.press('Control+Home');
  await page.keyboard.press('Control+F');
  const find = page.locator('.find-widget .input').first();
  await find.waitFor({ state: 'visible' });
  await find.fill(text);
  await page.keyboard.press('Enter');
  await page.keyboard.press('Escape');
  // The match is selected; collapse the selection inside it.
  await page.keyboard.press('ArrowLeft');
  await page.keyboard.press('ArrowRight');
}

describe('Lexicite in VS Code: navigation', () => {
  scenario('go to definition opens the instrument in a read-only lexicite: document at the article', session, async () => {
    await vscode().openFile('main.md');
    await vscode().waitForLog(/Lexicite language server started: \d+ instruments loaded/);
    await placeCursorOn('Article 16 of the ILC');
    await vscode().page.keyboard.press('F12');
    await vscode().page.locator('.tabs-container .tab.active', { hasText: 'arsiwa.md' }).waitFor({ state: 'visible' });
    const text = await waitFor('the instrument document to show Article 16', async () => {
      const visible = await vscode().visibleEditorText();
      return visible.includes('A State which aids or assists another State') ? visible : undefined;
    });
    expect(text).toMatch(/Article 16/);
  });

  scenario('find all references lists the other draft that cites the same resolution', session, async () => {
    await vscode().openFile('main.md');
    await placeCursorOn('Resolution 1718');
    await vscode().page.keyboard.press('Shift+F12');
    const peek = vscode().page.locator('.peekview-widget');
    await waitFor('the references peek to list other.md', async () => ((await peek.count()) > 0 && (await peek.first().innerText()).includes('other.md') ? true : undefined));
    expect(await peek.first().innerText()).toContain('main.md');
    await vscode().page.keyboard.press('Escape');
  });

  scenario('the Table of Authorities command opens the table of the draft beside it', session, async () => {
    await vscode().openFile('main.md');
    const table = await vscode().runCommand('Lexicite: Table of Authorities', 'the table of authorities to open', async () => {
      const editors = await vscode().page.locator('.part.editor .view-lines').allInnerTexts();
      // VS Code renders spaces as non-breaking spaces.
      const joined = editors.join('\n').replace(/\u00a0/g, ' ');
      return joined.includes('Table of authorities') && joined.includes('Article 16') ? joined : undefined;
    });
    expect(table).toContain('1718');
  });
});
