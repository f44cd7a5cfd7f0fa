import type { Db } from 'mongodb';
import { MongoSwapper } from './mongo-swap';

type Doc = { _id: string } & Record<string, unknown>;

/**
 * Just the Db calls MongoSwapper makes, over in-memory collections, with MongoDB's behaviour
 * for them: a collection exists once created or written to, renaming a missing one fails with
 * NamespaceNotFound. A unit test of the swap's order and roll-forward; the contract suite runs
 * the same swap against a real server when MONGODB_URL is set.
 */
class InMemoryDb {
  readonly collections = new Map<string, Map<string, Doc>>();
  failRenameOf: string | null = null;

  listCollections(filter: { name: string }) {
    return { toArray: async () => (this.collections.has(filter.name) ? [filter] : []) };
  }

  async createCollection(name: string): Promise<void> {
    if (this.collections.has(name))
      throw Object.assign(new Error('exists'), { codeName: 'NamespaceExists' });
    this.collections.set(name, new Map());
  }

  async renameCollection(from: string, to: string): Promise<void> {
    const source = this.collections.get(from);
    if (!source || from === this.failRenameOf) {
      throw Object.assign(new Error(`rename ${from}`), { codeName: 'NamespaceNotFound' });
    }
    this.collections.set(to, source);
    this.collections.delete(from);
  }

  collection(name: string) {
    const docs = (): Map<string, Doc> => {
      const existing = this.collections.get(name);
      if (existing) return existing;
      const created = new Map<string, Doc>();
      this.collections.set(name, created);
      return created;
    };
    return {
      findOne: async ({ _id }: { _id: string }) => this.collections.get(name)?.get(_id) ?? null,
      find: () => ({ toArray: async () => [...(this.collections.get(name)?.values() ?? [])] }),
      replaceOne: async ({ _id }: { _id: string }, doc: Doc) => void docs().set(_id, doc),
      updateOne: async ({ _id }: { _id: string }, update: { $set: Record<string, unknown> }) =>
        void docs().set(_id, { ...(docs().get(_id) ?? { _id }), ...update.$set }),
      deleteOne: async ({ _id }: { _id: string }) => void this.collections.get(name)?.delete(_id),
    };
  }

  names(name: string): string[] {
    return [...(this.collections.get(name)?.values() ?? [])].map((doc) => String(doc.name));
  }
}

const aRebuiltModel = (db: InMemoryDb): void => {
  db.collections.set('profiles', new Map([['1', { _id: '1', name: 'old profile' }]]));
  db.collections.set('notes', new Map([['1', { _id: '1', name: 'old note' }]]));
  db.collections.set('profiles__rb', new Map([['1', { _id: '1', name: 'new profile' }]]));
  // notes__rb: rebuilt empty and declares no index, so MongoDB never created it.
  db.collections.set('checkpoints', new Map([['p#shadow', { _id: 'p#shadow', position: 42 }]]));
};

const swap = {
  collections: [
    { shadow: 'profiles__rb', live: 'profiles' },
    { shadow: 'notes__rb', live: 'notes' },
  ],
  checkpoint: { shadow: 'p#shadow', live: 'p' },
};

describe('MongoSwapper', () => {
  it('swaps every collection, an empty never-created one included, then the checkpoint', async () => {
    const db = new InMemoryDb();
    aRebuiltModel(db);
    await new MongoSwapper(db as unknown as Db).swapIn(swap);
    expect(db.names('profiles')).toEqual(['new profile']);
    expect(db.names('notes')).toEqual([]);
    expect(db.collections.get('checkpoints')?.get('p')?.position).toBe(42);
    expect(db.collections.get('checkpoints')?.has('p#shadow')).toBe(false);
    expect(db.collections.get('checkpoints_swaps')?.size).toBe(0);
  });

  it('finishes a swap interrupted half-way when the store next connects', async () => {
    const db = new InMemoryDb();
    aRebuiltModel(db);
    db.failRenameOf = 'notes__rb';
    const sut = new MongoSwapper(db as unknown as Db);
    await expect(sut.swapIn(swap)).rejects.toThrow(/rename notes__rb/);
    expect(db.names('profiles')).toEqual(['new profile']);
    expect(db.names('notes')).toEqual(['old note']); // two generations, until resumed

    db.failRenameOf = null;
    await new MongoSwapper(db as unknown as Db).resumeUnfinished();
    expect(db.names('notes')).toEqual([]);
    expect(db.names('profiles')).toEqual(['new profile']);
    expect(db.collections.get('checkpoints')?.get('p')?.position).toBe(42);
    expect(db.collections.get('checkpoints_swaps')?.size).toBe(0);
  });

  it('refuses to start a swap without the shadow checkpoint, before anything moves', async () => {
    const db = new InMemoryDb();
    aRebuiltModel(db);
    db.collections.get('checkpoints')?.delete('p#shadow');
    await expect(new MongoSwapper(db as unknown as Db).swapIn(swap)).rejects.toThrow(
      /no checkpoint/,
    );
    expect(db.names('profiles')).toEqual(['old profile']);
  });
});
