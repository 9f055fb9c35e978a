import type { Reference } from './types';

/**
 * Which files of the workspace cite what: for each file (by URI) its references, kept up to
 * date by the server as drafts change in the editor or on disk. Queries answer "find all
 * references" for a provision, an instrument (with its provisions) or an official.
 */
export interface IndexedReference {
  uri: string;
  reference: Reference;
}

export class WorkspaceIndex {
  private readonly byUri = new Map<string, readonly Reference[] | (() => readonly Reference[])>();

  /** A file's references, or a function that gives them when first asked for (an open draft's version: most are never searched). */
  set(uri: string, references: readonly Reference[] | (() => readonly Reference[])): void {
    this.byUri.set(uri, references);
  }

  delete(uri: string): void {
    this.byUri.delete(uri);
  }

  has(uri: string): boolean {
    return this.byUri.has(uri);
  }

  get size(): number {
    return this.byUri.size;
  }

  /**
   * Every reference to `id`, in URI then document order. For an instrument this includes
   * the references to its provisions. Ambiguous references cite nothing for sure and are left out.
   */
  referencesTo(id: string): IndexedReference[] {
    const found: IndexedReference[] = [];
    for (const uri of [...this.byUri.keys()].sort()) {
      const references = this.byUri.get(uri) ?? [];
      for (const reference of typeof references === 'function' ? references() : references) {
        if (reference.resolvedBy === 'ambiguous') continue;
        if (reference.id === id || (reference.kind === 'provision' && reference.instrumentId === id)) found.push({ uri, reference });
      }
    }
    return found;
  }
}
