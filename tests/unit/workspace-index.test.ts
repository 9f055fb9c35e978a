import { describe, expect, it } from 'vitest';
import { analyzeDocument } from '../../server/src/core/analyze';
import { WorkspaceIndex } from '../../server/src/core/workspace-index';
import { bundledCorpus } from '../helpers';

describe('workspace index', () => {
  const corpus = bundledCorpus();
  const index = new WorkspaceIndex();
  index.set('file:///b.md', analyzeDocument('See paragraph 12 of resolution 1718 and Vladimir Putin.', corpus).references);
  index.set('file:///a.md', analyzeDocument('Resolution 1718 matters. Article 16 alone is ambiguous.', corpus).references);

  it('finds an instrument with its provisions, in URI then document order', () => {
    expect(index.referencesTo('unscr-1718').map(({ uri, reference }) => [uri, reference.id])).toEqual([
      ['file:///a.md', 'unscr-1718'],
      ['file:///b.md', 'unscr-1718/op-12'],
    ]);
  });

  it('finds a provision and an official by id, and leaves ambiguous references out', () => {
    expect(index.referencesTo('unscr-1718/op-12')).toHaveLength(1);
    expect(index.referencesTo('vladimir-putin').map(({ uri }) => uri)).toEqual(['file:///b.md']);
    expect(index.referencesTo('art-16')).toEqual([]);
  });

  it('forgets a deleted file', () => {
    index.delete('file:///b.md');
    expect(index.referencesTo('vladimir-putin')).toEqual([]);
    expect(index.size).toBe(1);
  });
});
