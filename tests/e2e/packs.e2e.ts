/**
 * Source packs in VS Code: a broken pack shows its source-pack problems, and the good pack
 * and the built-in corpus keep working. The good pack defines a fictional resolution (test data).
 */
import { describe, expect } from 'vitest';
import { scenario, useVSCode } from './harness';

const GOOD_PACK = {
  instruments: [
    {
      id: 'unscr-9001',
      type: 'resolution',
      title: 'Security Council resolution 9001 (2031) (test data)',
      shortTitle: 'resolution 9001 (2031)',
      symbol: 'S/RES/9001 (2031)',
      date: '2031-05-01',
      dateKind: 'adopted',
      status: 'adopted',
      url: 'https://example.org/S/RES/9001',
      structure: { unit: 'paragraph', count: null },
      provisions: [],
    },
  ],
};

const DRAFT = [
  '# Planning memo',
  '',
  'Our scenario assumes a future Resolution 9001 (2030) on maritime monitoring.',
  '',
  'The baseline remains Resolution 1718 (2006).',
  '',
].join('\n');

const { vscode, session } = useVSCode('packs', {
      'memo.md': DRAFT,
      '.lexicite/broken.json': '{ "instruments": [ { "id": 42 } ] }\n',
      '.lexicite/good.json': `${JSON.stringify(GOOD_PACK, null, 2)}\n`,
    });

describe('Lexicite in VS Code: source packs', () => {
  scenario('a broken source pack shows its source-pack error in Problems', session, async () => {
    await vscode().openFile('memo.md');
    await vscode().waitForLog(/Lexicite language server started/);
    const row = await vscode().waitForProblem(['source-pack', '$.instruments[0].id', 'must be string']);
    expect(row).toContain('source-pack');
  });

  scenario('the good pack and the built-in corpus keep working beside the broken one', session, async () => {
    await vscode().waitForProblem(['year-mismatch', 'S/RES/9001 (2031)', 'not in 2030']);
    await vscode().page.keyboard.press('Escape');
    await vscode().hoverText('Resolution 1718', ['S/RES/1718 (2006)', '14 October 2006']);
  });
});
