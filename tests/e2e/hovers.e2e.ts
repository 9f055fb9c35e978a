/**
 * What the hovers show in VS Code (issue 7): the verbatim text of an ILC article with its
 * source line, an official's name and title on the draft's date, the note on a title held at
 * another time, and a provision whose text is not bundled. The draft is dated by its front
 * matter, so the officials' hovers do not depend on today's date.
 *
 * The hover in the DOM is rendered Markdown: the server's escapes (`\(`, `\.`) are gone, block
 * quotes and paragraphs are lines of the hover's innerText.
 */
import { describe, expect } from 'vitest';
import { scenario, useVSCode } from './harness';

const MEMO = [
  '---',
  'date: 2025-03-01',
  '---',
  '',
  '# Memo: who helps whom',
  '',
  'Article 16 of the ILC Articles on State Responsibility covers aid or assistance.[^1]',
  '',
  'Russian President Vladimir Putin signed the 2024 treaty in Pyongyang.[^2]',
  '',
  'An older cable still calls him Prime Minister Vladimir Putin.[^3]',
  '',
  'Travel-ban exemptions sit in paragraph 10 of resolution 1718.[^4]',
  '',
  'The treaty ties its assistance to Article 51 of the UN Charter.[^5]',
  '',
  'Russia revoked its ratification of the CTBT in 2023.[^6]',
  '',
  'The 2024 treaty turns on Article 4 of the 2024 treaty.[^7]',
  '',
  // Every sentence cites a source, so that no diagnostic shares the hovers.
  '[^1]: The ILC text.',
  '[^2]: The signing ceremony record.',
  '[^3]: The cable.',
  '[^4]: The committee page.',
  '[^5]: The Charter.',
  '[^6]: The Duma record.',
  '[^7]: The treaty text.',
  '',
].join('\n');

const { vscode, session } = useVSCode('hovers', { 'memo.md': MEMO });

/** Opens the memo and waits for the server once; every scenario starts with it, so each can run alone (-t). */
let opened: Promise<void> | undefined;
const memoReady = async (): Promise<void> => {
  opened ??= (async () => {
    await vscode().openFile('memo.md');
    await vscode().waitForLog(/Lexicite language server started: \d+ instruments loaded/);
  })();
  await opened;
  await vscode().dismissHover();
};

/** The hover's lines, trimmed, without empty ones. */
const lines = (hover: string): string[] => hover.split('\n').map((line) => line.trim()).filter((line) => line.length > 0);

describe('Lexicite in VS Code: hovers', () => {
  scenario('hovering ARSIWA Article 16 shows its verbatim text and says the copy is secondary', session, async () => {
    await memoReady();
    const hover = await vscode().hoverText('Article 16 of the ILC', ['A State which aids or assists another State', 'a secondary copy, not the official publication']);
    const all = lines(hover);
    // The heading, then the instrument's title (on the heading's line or the next), then the text.
    expect(all[0]).toMatch(/^Article 16 — Aid or assistance/);
    const title = hover.indexOf('Responsibility of States for Internationally Wrongful Acts');
    expect(title).toBeGreaterThan(0);
    expect(title).toBeLessThan(hover.indexOf('A State which aids'));
    // The quoted text is a line of its own, and it starts with the article's first words.
    expect(all.some((line) => line.startsWith('A State which aids or assists another State in the commission of an internationally wrongful act'))).toBe(true);
    // The source line names where the copy came from and says it is not the official publication.
    const source = all.find((line) => line.startsWith('Source: '));
    expect(source, `no "Source:" line in the hover:\n${hover}`).toBeDefined();
    expect(source).toContain('a secondary copy, not the official publication');
    expect(hover).not.toContain('\\');
  });

  scenario('hovering an official shows the name, the native name and the title held on the draft\'s date', session, async () => {
    await memoReady();
    // The pointer goes on "Vladimir" (the 13th character of the phrase), the name the reference covers.
    const hover = await vscode().hoverText('President Vladimir Putin', ['Vladimir Putin', 'Владимир Путин', 'On 1 March 2025: President of Russia'], 12);
    expect(lines(hover)).toContain('On 1 March 2025: President of Russia');
    expect(lines(hover)[0]).toMatch(/^Vladimir Putin \(Владимир Путин\) · Russia$/);
    // "President" is the title he holds on that date: no note.
    expect(hover).not.toContain('Note:');
    expect(hover).not.toContain('\\');
  });

  scenario('an official given a title held at another time gets a note with the date of the draft', session, async () => {
    await memoReady();
    // On "Vladimir" again (the 18th character of the phrase).
    const hover = await vscode().hoverText('Prime Minister Vladimir Putin', ['"Prime Minister" was held', 'not on 1 March 2025'], 17);
    expect(hover).toMatch(/Note: "Prime Minister" was held \d{1,2} \w+ \d{4} – .*\d{4}, not on 1 March 2025\./);
    expect(lines(hover)).toContain('On 1 March 2025: President of Russia');
    expect(hover).not.toContain('\\');
  });

  scenario('the Charter’s Article 51 shows its text and warns that the copies disagree on two words', session, async () => {
    await memoReady();
    const hover = await vscode().hoverText('Article 51 of the UN Charter', ['Nothing in the present Charter shall impair', 'the sources disagree']);
    expect(lines(hover)[0]).toMatch(/^Article 51\b/);
    expect(hover).toContain('Also 1 other rendering: 1 English');
    expect(hover).not.toContain('\\');
  });

  scenario('an article held in several languages shows one English rendering first, says it is a translation, and counts the rest', session, async () => {
    await memoReady();
    const hover = await vscode().hoverText('Article 4 of the 2024', ['In case any one of the two sides', 'Also 8 other renderings']);
    expect(lines(hover)[0]).toBe('Article 4');
    const text = lines(hover).findIndex((line) => line.startsWith('In case any one of the two sides'));
    expect(text).toBeGreaterThan(0);
    // English first: no Korean or Russian text comes before it.
    expect(lines(hover).slice(0, text).join(' ')).not.toMatch(/[\u3131-\uD79D\u0400-\u04FF]/u);
    expect(hover).toContain('This is a translation. The authentic texts are in Russian and Korean');
    expect(hover.length).toBeLessThan(2500);
  });

  scenario('an instrument outside the corpus says its text is not bundled and offers the import command', session, async () => {
    await memoReady();
    const hover = await vscode().hoverText('CTBT in 2023', ['outside Lexicite', 'Import Official Text as Source Pack']);
    expect(lines(hover)[0]).toBe('CTBT');
    expect(hover).toContain('its text is not bundled');
    expect(hover).not.toContain('command:');
  });

  scenario('a provision with no bundled text says so and shows our summary, marked as ours', session, async () => {
    await memoReady();
    const hover = await vscode().hoverText('paragraph 10 of resolution 1718', ['No verbatim text of this provision is bundled', 'Summary (ours, not the text)']);
    const all = lines(hover);
    expect(all[0]).toMatch(/^Paragraph 10\b/);
    const title = hover.indexOf('Security Council resolution 1718 (2006)');
    expect(title).toBeGreaterThan(0);
    expect(title).toBeLessThan(hover.indexOf('No verbatim text'));
    expect(all).toContain('No verbatim text of this provision is bundled.');
    // The summary follows its label on the same line.
    expect(all.find((line) => line.startsWith('Summary (ours, not the text): '))).toMatch(/^Summary \(ours, not the text\): \S/);
    expect(hover).not.toContain('Source: ');
    expect(hover).not.toContain('\\');
  });
});
