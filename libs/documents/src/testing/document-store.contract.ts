import { randomUUID } from 'node:crypto';
import type { DocumentStore, Sort } from '../document-store.port';
import { InvalidCursorError } from '../cursor';
import { CheckpointMovedError } from '../errors';
import type { DocumentStoreFactory } from './document-store-factory';
import { documentStoreIndexContract } from './document-store-indexes.contract';

export type { DocumentStoreFactory } from './document-store-factory';

type Person = { _id: string; name: string; age: number; tags: string[]; city?: string };

const aPerson = (overrides: Partial<Person> = {}): Person => ({
  _id: randomUUID(),
  name: 'Ada',
  age: 36,
  tags: [],
  ...overrides,
});

/**
 * The behaviour every DocumentStore adapter must have. Collection names are unique per test,
 * so a shared server needs no cleaning.
 */
export const documentStoreContract = (factory: DocumentStoreFactory): void => {
  let store: DocumentStore;
  let collection: string;
  beforeEach(async () => {
    store = await factory();
    collection = `c_${randomUUID().replaceAll('-', '').slice(0, 20)}`;
    await store.ensureCollection({
      name: collection,
      indexes: [{ field: 'age' }, { field: 'city' }],
    });
  });
  afterEach(async () => {
    await store.dropCollection(collection);
    await store.close();
  });

  it('upserts, gets, replaces and deletes by id', async () => {
    const person = aPerson();
    await store.upsert(collection, person);
    expect(await store.get(collection, person._id)).toEqual(person);
    await store.upsert(collection, { ...person, name: 'Grace' });
    expect(await store.get(collection, person._id)).toMatchObject({ name: 'Grace' });
    expect(await store.delete(collection, person._id)).toBe(true);
    expect(await store.get(collection, person._id)).toBeNull();
    expect(await store.delete(collection, person._id)).toBe(false);
  });

  it('inserts only when the id is free, never overwriting', async () => {
    const first = aPerson({ name: 'First' });
    expect(await store.insert(collection, first)).toBe(true);
    expect(await store.insert(collection, { ...first, name: 'Second' })).toBe(false);
    expect(await store.get(collection, first._id)).toMatchObject({ name: 'First' });
  });

  it('inserts many new documents at once, returning their ids in order', async () => {
    const people = [aPerson({ name: 'A' }), aPerson({ name: 'B' }), aPerson({ name: 'C' })];
    expect(await store.insertMany(collection, people)).toEqual(people.map((p) => p._id));
    const stored = await store.getMany<Person>(
      collection,
      people.map((p) => p._id),
    );
    expect(stored.sort((x, y) => x.name.localeCompare(y.name))).toEqual(people);
  });

  it('inserts many without overwriting or returning the ids already stored', async () => {
    const existing = aPerson({ name: 'Kept' });
    await store.insert(collection, existing);
    const fresh = aPerson({ name: 'Fresh' });
    const inserted = await store.insertMany(collection, [{ ...existing, name: 'Lost' }, fresh]);
    expect(inserted).toEqual([fresh._id]);
    expect(await store.get(collection, existing._id)).toEqual(existing);
    expect(await store.get(collection, fresh._id)).toEqual(fresh);
    expect(await store.insertMany(collection, [existing, fresh])).toEqual([]);
    expect(await store.count(collection, {})).toBe(2);
  });

  it('inserts the first of two documents with one id in the same call, once', async () => {
    const first = aPerson({ name: 'First' });
    const other = aPerson({ name: 'Other' });
    const inserted = await store.insertMany(collection, [
      first,
      other,
      { ...first, name: 'Second' },
    ]);
    expect(inserted).toEqual([first._id, other._id]);
    expect(await store.get(collection, first._id)).toMatchObject({ name: 'First' });
    expect(await store.count(collection, {})).toBe(2);
  });

  it('inserts nothing for an empty list', async () => {
    expect(await store.insertMany(collection, [])).toEqual([]);
    expect(await store.count(collection, {})).toBe(0);
  });

  it('keeps indexes answering and unique indexes holding through an insert of many', async () => {
    const unique = `${collection}_u`;
    await store.ensureCollection({ name: unique, indexes: [{ field: 'name', unique: true }] });
    try {
      const ada = aPerson({ name: 'Ada', age: 36, city: 'Paris' });
      await store.insert(unique, ada);
      const bob = aPerson({ name: 'Bob', age: 20, city: 'Lyon' });
      const twin = aPerson({ name: 'Ada', age: 50 });
      const cy = aPerson({ name: 'Cy', age: 50, city: 'Paris' });
      expect(await store.insertMany(unique, [bob, twin, cy])).toEqual([bob._id, cy._id]);
      expect(await store.get(unique, twin._id)).toBeNull();
      expect(await store.count(unique, { name: 'Ada' })).toBe(1);
      await expect(store.insert(unique, aPerson({ name: 'Cy' }))).resolves.toBe(false);

      const many = Array.from({ length: 30 }, (_, i) => aPerson({ name: `P${i}`, age: i % 3 }));
      expect(await store.insertMany(collection, many)).toHaveLength(30);
      expect(await store.count(collection, { age: 1 })).toBe(10);
      const page = await store.find<Person>(collection, { age: 2 }, { sort: { name: 1 } });
      expect(page.items.map((p) => p.name)).toEqual(
        many
          .filter((p) => p.age === 2)
          .map((p) => p.name)
          .sort(),
      );
    } finally {
      await store.dropCollection(unique);
    }
  });

  it('refuses an insert of many holding a document without a string id, writing nothing', async () => {
    const valid = aPerson();
    await expect(store.insertMany(collection, [valid, { ...aPerson(), _id: '' }])).rejects.toThrow(
      /_id/,
    );
    expect(await store.get(collection, valid._id)).toBeNull();
  });

  it('gets many by id, ignoring missing ones', async () => {
    const a = aPerson();
    const b = aPerson();
    await store.upsert(collection, a);
    await store.upsert(collection, b);
    const found = await store.getMany<Person>(collection, [a._id, 'missing', b._id]);
    expect(found.map((p) => p._id).sort()).toEqual([a._id, b._id].sort());
  });

  it('finds with MongoDB filters on indexed and unindexed fields, arrays and operators', async () => {
    await store.upsert(collection, aPerson({ name: 'Ada', age: 36, tags: ['vip'], city: 'Paris' }));
    await store.upsert(collection, aPerson({ name: 'Bob', age: 20, tags: ['new'], city: 'Lyon' }));
    await store.upsert(collection, aPerson({ name: 'Cy', age: 50, tags: ['vip', 'new'] }));
    const names = async (filter: Record<string, unknown>): Promise<string[]> =>
      (await store.find<Person>(collection, filter, { sort: { name: 1 } })).items.map(
        (p) => p.name,
      );
    expect(await names({ age: { $gte: 30 } })).toEqual(['Ada', 'Cy']);
    expect(await names({ city: 'Paris' })).toEqual(['Ada']);
    expect(await names({ tags: 'vip' })).toEqual(['Ada', 'Cy']);
    expect(await names({ city: { $in: ['Lyon', 'Paris'] }, age: { $lt: 30 } })).toEqual(['Bob']);
    expect(await names({ name: { $regex: '^c', $options: 'i' } })).toEqual(['Cy']);
    expect(await names({ city: { $exists: false } })).toEqual(['Cy']);
    expect(await store.count(collection, { tags: 'new' })).toBe(2);
    expect(await store.count(collection, { age: { $gt: 10 } })).toBe(3);
  });

  it('refuses forged, edited and re-sorted cursors before they reach a query', async () => {
    for (let age = 1; age <= 5; age += 1) await store.upsert(collection, aPerson({ age }));
    const sort: Sort = { age: 1 };
    const first = await store.find<Person>(collection, {}, { sort, limit: 2 });
    const issued = first.nextCursor ?? '';
    const forge = (values: unknown[]): string =>
      Buffer.from(JSON.stringify({ values, id: 'x' })).toString('base64url');
    const [payload = '', tag = ''] = issued.split('.');
    const edited = Buffer.from(payload, 'base64url').toString('utf8').replace(/\d+/, '0');
    const refused = [
      forge([{ $regex: '^(.*)*Q' }, 'x']),
      forge([{ $ne: null }, { $ne: null }]),
      forge([{ $where: 'sleep(100)' }, 'x']),
      `${forge([2, 'x'])}.${tag}`,
      `${Buffer.from(edited).toString('base64url')}.${tag}`,
      `${payload}.${tag}x`,
      `${issued}.${tag}`,
      'x'.repeat(10_000),
    ];
    for (const cursor of refused) {
      await expect(store.find(collection, {}, { sort, limit: 2, cursor })).rejects.toBeInstanceOf(
        InvalidCursorError,
      );
    }
    // A cursor is bound to the sort it was issued for.
    await expect(
      store.find(collection, {}, { sort: { age: -1 }, limit: 2, cursor: issued }),
    ).rejects.toBeInstanceOf(InvalidCursorError);
    const next = await store.find<Person>(collection, {}, { sort, limit: 2, cursor: issued });
    expect(next.items.map((p) => p.age)).toEqual([3, 4]);
  });

  it('pages with a limit and an opaque cursor, in sort order, without repeats', async () => {
    for (let age = 1; age <= 25; age += 1)
      await store.upsert(collection, aPerson({ age: age % 7 }));
    const sorts: Sort[] = [{ age: 1 }, { age: -1 }, { name: 1, age: -1 }];
    for (const sort of sorts) {
      const seen: Person[] = [];
      let cursor: string | undefined;
      do {
        const page = await store.find<Person>(collection, {}, { sort, limit: 4, cursor });
        expect(page.items.length).toBeLessThanOrEqual(4);
        seen.push(...page.items);
        cursor = page.nextCursor ?? undefined;
      } while (cursor);
      expect(seen).toHaveLength(25);
      expect(new Set(seen.map((p) => p._id)).size).toBe(25);
      const ages = seen.map((p) => p.age);
      const direction = sort.age ?? 1;
      expect(ages).toEqual([...ages].sort((x, y) => (x - y) * direction));
    }
  });

  it('aggregates with a MongoDB pipeline', async () => {
    await store.upsert(collection, aPerson({ city: 'Paris', age: 10 }));
    await store.upsert(collection, aPerson({ city: 'Paris', age: 30 }));
    await store.upsert(collection, aPerson({ city: 'Lyon', age: 5 }));
    const result = await store.aggregate<{ _id: string; total: number; n: number }>(collection, [
      { $match: { age: { $gte: 5 } } },
      { $group: { _id: '$city', total: { $sum: '$age' }, n: { $sum: 1 } } },
      { $sort: { _id: 1 } },
    ]);
    expect(result).toEqual([
      { _id: 'Lyon', total: 5, n: 1 },
      { _id: 'Paris', total: 40, n: 2 },
    ]);
  });

  it('updates with $set, $unset and $inc, and reports a missing document', async () => {
    const person = aPerson({ city: 'Paris' });
    await store.upsert(collection, person);
    expect(
      await store.update(collection, person._id, {
        $set: { name: 'Eve' },
        $inc: { age: 2 },
        $unset: { city: '' },
      }),
    ).toBe(true);
    const updated = await store.get<Person>(collection, person._id);
    expect(updated).toMatchObject({ name: 'Eve', age: 38 });
    expect(updated?.city).toBeUndefined();
    expect(await store.update(collection, 'missing', { $set: { name: 'x' } })).toBe(false);
  });

  it('commits documents and a checkpoint together', async () => {
    const name = `projection-${randomUUID()}`;
    const kept = aPerson();
    const removed = aPerson();
    await store.upsert(collection, removed);
    await store.commit({
      writes: [
        { kind: 'put', collection, document: kept },
        { kind: 'delete', collection, id: removed._id },
      ],
      checkpoint: { name, position: 42, expected: null },
    });
    expect(await store.getCheckpoint(name)).toBe(42);
    expect(await store.get(collection, kept._id)).toEqual(kept);
    expect(await store.get(collection, removed._id)).toBeNull();
    await store.deleteCheckpoint(name);
    expect(await store.getCheckpoint(name)).toBeNull();
  });

  it('refuses a commit whose expected checkpoint was moved by another writer, writing nothing', async () => {
    const name = `projection-${randomUUID()}`;
    await store.commit({ writes: [], checkpoint: { name, position: 10, expected: null } });
    const late = aPerson();
    await expect(
      store.commit({
        writes: [{ kind: 'put', collection, document: late }],
        checkpoint: { name, position: 20, expected: 5 },
      }),
    ).rejects.toBeInstanceOf(CheckpointMovedError);
    expect(await store.getCheckpoint(name)).toBe(10);
    expect(await store.get(collection, late._id)).toBeNull();
  });

  it('swaps a shadow collection and its checkpoint in for the live ones at once', async () => {
    const shadow = `${collection}__rb`;
    const live = `projection-${randomUUID()}`;
    await store.ensureCollection({ name: shadow, indexes: [{ field: 'age' }] });
    await store.upsert(collection, aPerson({ name: 'Old', age: 1 }));
    await store.commit({ writes: [], checkpoint: { name: live, position: 5 } });
    await store.commit({
      writes: [{ kind: 'put', collection: shadow, document: aPerson({ name: 'New', age: 2 }) }],
      checkpoint: { name: `${live}#shadow`, position: 9 },
    });
    await store.swapIn({
      collections: [{ shadow, live: collection }],
      checkpoint: { shadow: `${live}#shadow`, live },
    });
    const names = (await store.find<Person>(collection, { age: { $gte: 0 } })).items.map(
      (p) => p.name,
    );
    expect(names).toEqual(['New']);
    expect(await store.getCheckpoint(live)).toBe(9);
    expect(await store.getCheckpoint(`${live}#shadow`)).toBeNull();
    expect(await store.count(shadow, {})).toBe(0);
  });

  it('swaps several collections at once, one of them empty and without indexes', async () => {
    const bare = `${collection}_bare`;
    const live = `projection-${randomUUID()}`;
    await store.ensureCollection({ name: bare });
    await store.upsert(bare, aPerson({ name: 'Stale' }));
    await store.upsert(collection, aPerson({ name: 'Old', age: 1 }));
    await store.ensureCollection({ name: `${collection}__rb`, indexes: [{ field: 'age' }] });
    await store.ensureCollection({ name: `${bare}__rb` });
    await store.commit({
      writes: [
        {
          kind: 'put',
          collection: `${collection}__rb`,
          document: aPerson({ name: 'New', age: 2 }),
        },
      ],
      checkpoint: { name: `${live}#shadow`, position: 7 },
    });
    await store.swapIn({
      collections: [
        { shadow: `${collection}__rb`, live: collection },
        { shadow: `${bare}__rb`, live: bare },
      ],
      checkpoint: { shadow: `${live}#shadow`, live },
    });
    const names = (await store.find<Person>(collection, {})).items.map((p) => p.name);
    expect(names).toEqual(['New']);
    expect(await store.count(bare, {})).toBe(0);
    expect(await store.getCheckpoint(live)).toBe(7);
    await store.dropCollection(bare);
  });

  it('drops a collection', async () => {
    await store.upsert(collection, aPerson());
    await store.dropCollection(collection);
    expect(await store.count(collection, {})).toBe(0);
  });

  it('counts with a filter SQL cannot decide alone', async () => {
    await store.upsert(collection, aPerson({ name: 'Ada', age: 40 }));
    await store.upsert(collection, aPerson({ name: 'Bob', age: 41 }));
    await store.upsert(collection, aPerson({ name: 'Alan', age: 20 }));
    expect(await store.count(collection, { age: { $gte: 30 }, name: { $regex: '^A' } })).toBe(1);
  });

  describe('compound and array indexes', () => documentStoreIndexContract(factory));
};
