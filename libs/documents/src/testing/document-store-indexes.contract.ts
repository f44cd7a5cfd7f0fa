import { randomUUID } from 'node:crypto';
import type { Document, DocumentStore, Filter, Sort } from '../document-store.port';
import type { DocumentStoreFactory } from './document-store-factory';

type Ticket = {
  _id: string;
  team: string;
  level: string;
  due: string;
  subject: string;
  tags?: unknown;
  age?: number;
};

const aTicket = (overrides: Partial<Ticket> = {}): Ticket => ({
  _id: randomUUID(),
  team: 'desk',
  level: 'high',
  due: '2024-01-01',
  subject: 'printer',
  ...overrides,
});

const readAll = async <T extends Document>(
  store: DocumentStore,
  collection: string,
  filter: Filter,
  sort: Sort,
  limit: number,
): Promise<T[]> => {
  const seen: T[] = [];
  let cursor: string | undefined;
  do {
    const page = await store.find<T>(collection, filter, { sort, limit, cursor });
    expect(page.items.length).toBeLessThanOrEqual(limit);
    seen.push(...page.items);
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  return seen;
};

/** The order a keyset page walk must produce: the sort field, then `_id`, both one way. */
const inOrder = (tickets: Ticket[], direction: 1 | -1): string[] =>
  [...tickets]
    .sort((a, b) => (a.due.localeCompare(b.due) || a._id.localeCompare(b._id)) * direction)
    .map((t) => t._id);

const ids = (documents: readonly Document[]): string[] => documents.map((d) => d._id).sort();

/** Compound and array (multikey) indexes: same answers as without them, on every adapter. */
export const documentStoreIndexContract = (factory: DocumentStoreFactory): void => {
  let store: DocumentStore;
  let collection: string;
  beforeEach(async () => {
    store = await factory();
    collection = `i_${randomUUID().replaceAll('-', '').slice(0, 20)}`;
    await store.ensureCollection({
      name: collection,
      indexes: [{ fields: ['team', 'level', 'due'] }, { field: 'tags', array: true }],
    });
  });
  afterEach(async () => {
    await store.dropCollection(collection);
    await store.close();
  });

  it('pages a compound index query (equality on leading fields, sort on the next) in order', async () => {
    const tickets: Ticket[] = [];
    for (let i = 0; i < 40; i += 1) {
      tickets.push(
        aTicket({
          team: i % 2 ? 'desk' : 'field',
          level: i % 3 ? 'high' : 'low',
          due: `2024-01-${String(10 + (i % 5)).padStart(2, '0')}`,
          subject: i % 4 ? 'printer' : 'network',
        }),
      );
    }
    for (const ticket of tickets) await store.upsert(collection, ticket);
    const wanted = tickets.filter((t) => t.team === 'desk' && t.level === 'high');
    for (const direction of [1, -1] as const) {
      const seen = await readAll<Ticket>(
        store,
        collection,
        { team: 'desk', level: 'high' },
        { due: direction },
        3,
      );
      expect(seen.map((t) => t._id)).toEqual(inOrder(wanted, direction));
    }
    // A condition outside the index is still applied, page by page.
    const networked = await readAll<Ticket>(
      store,
      collection,
      { team: 'desk', level: 'high', subject: { $regex: '^net' } },
      { due: 1 },
      2,
    );
    expect(networked.map((t) => t._id)).toEqual(
      inOrder(
        wanted.filter((t) => t.subject === 'network'),
        1,
      ),
    );
    expect(await store.count(collection, { team: 'desk', level: 'high' })).toBe(wanted.length);
  });

  it('matches any element of an array field for equality and $in, as MongoDB does', async () => {
    const docs = {
      both: aTicket({ tags: ['vip', 'new'] }),
      twice: aTicket({ tags: ['vip', 'vip'] }),
      scalar: aTicket({ tags: 'vip' }),
      nested: aTicket({ tags: [['vip']] }),
      empty: aTicket({ tags: [] }),
      none: aTicket(),
      numbers: aTicket({ tags: [1, 2] }),
    };
    for (const doc of Object.values(docs)) await store.upsert(collection, doc);
    const found = async (filter: Filter) => ids((await store.find(collection, filter)).items);
    expect(await found({ tags: 'vip' })).toEqual(ids([docs.both, docs.twice, docs.scalar]));
    expect(await found({ tags: { $eq: 'new' } })).toEqual(ids([docs.both]));
    expect(await found({ tags: { $in: ['new', 2] } })).toEqual(ids([docs.both, docs.numbers]));
    expect(await found({ tags: { $in: [] } })).toEqual([]);
    expect(await found({ tags: '2' })).toEqual([]);
    expect(await found({ tags: 'vip', team: 'desk', subject: { $ne: 'x' } })).toEqual(
      ids([docs.both, docs.twice, docs.scalar]),
    );
    expect(await store.count(collection, { tags: 'vip' })).toBe(3);
  });

  it('pages an array field query sorted by another field without repeats', async () => {
    const tagged: Ticket[] = [];
    for (let i = 0; i < 15; i += 1) {
      const ticket = aTicket({ age: i % 4, tags: i % 3 ? ['vip', `t${i}`] : ['other'] });
      if (i % 3) tagged.push(ticket);
      await store.upsert(collection, ticket);
    }
    const seen = await readAll<Ticket>(store, collection, { tags: 'vip' }, { age: -1 }, 4);
    expect(ids(seen)).toEqual(ids(tagged));
    expect(seen.map((t) => t.age)).toEqual(
      tagged
        .map((t) => t.age)
        .sort()
        .reverse(),
    );
  });

  it('pages an array field query matching many documents in the order of an indexed field', async () => {
    const many = Array.from({ length: 1_200 }, (_, i) =>
      aTicket({ due: `2024-${String(1 + (i % 12)).padStart(2, '0')}-01`, tags: ['many', `n${i}`] }),
    );
    const others = Array.from({ length: 30 }, () => aTicket({ due: '2024-06-01', tags: ['few'] }));
    await store.commit({
      writes: [...many, ...others].map((document) => ({ kind: 'put', collection, document })),
    });
    const wanted = inOrder(many, -1);
    const first = await store.find<Ticket>(
      collection,
      { tags: 'many' },
      { sort: { due: -1 }, limit: 50 },
    );
    expect(first.items.map((t) => t._id)).toEqual(wanted.slice(0, 50));
    const second = await store.find<Ticket>(
      collection,
      { tags: 'many' },
      { sort: { due: -1 }, limit: 50, cursor: first.nextCursor ?? undefined },
    );
    expect(second.items.map((t) => t._id)).toEqual(wanted.slice(50, 100));
    const few = await readAll<Ticket>(store, collection, { tags: 'few' }, { due: -1 }, 7);
    expect(few.map((t) => t._id)).toEqual(inOrder(others, -1));
  });

  it('keeps an array index in step with replaces, updates, commits and deletes', async () => {
    const ticket = aTicket({ tags: ['a'] });
    const matches = async (tag: string) => ids((await store.find(collection, { tags: tag })).items);
    await store.upsert(collection, ticket);
    await store.upsert(collection, { ...ticket, tags: ['b'] });
    expect(await matches('a')).toEqual([]);
    expect(await matches('b')).toEqual([ticket._id]);
    await store.upsert(collection, { ...ticket, tags: ['b'], subject: 'other' });
    expect(await matches('b')).toEqual([ticket._id]);
    expect(await store.insert(collection, { ...ticket, tags: ['c'] })).toBe(false);
    expect(await matches('c')).toEqual([]);
    await store.update(collection, ticket._id, { $set: { tags: ['d'] } });
    expect(await matches('b')).toEqual([]);
    expect(await matches('d')).toEqual([ticket._id]);
    await store.commit({
      writes: [{ kind: 'put', collection, document: { ...ticket, tags: ['e'] } }],
    });
    expect(await matches('d')).toEqual([]);
    expect(await matches('e')).toEqual([ticket._id]);
    await store.commit({ writes: [{ kind: 'delete', collection, id: ticket._id }] });
    expect(await matches('e')).toEqual([]);
  });

  it('indexes documents stored before the index was declared', async () => {
    const later = `${collection}_up`;
    await store.ensureCollection({ name: later, indexes: [{ field: 'team' }] });
    const old = aTicket({ team: 'desk', level: 'low', tags: ['legacy'] });
    await store.upsert(later, old);
    await store.upsert(later, aTicket({ team: 'desk', level: 'high', tags: ['other'] }));
    await store.ensureCollection({
      name: later,
      indexes: [
        { field: 'team' },
        { fields: ['team', 'level', 'due'] },
        { field: 'tags', array: true },
      ],
    });
    expect(ids((await store.find(later, { tags: 'legacy' })).items)).toEqual([old._id]);
    expect(
      ids((await store.find(later, { team: 'desk', level: 'low' }, { sort: { due: 1 } })).items),
    ).toEqual([old._id]);
    await store.dropCollection(later);
  });

  it('swaps in a shadow collection with its array index, which keeps working', async () => {
    const shadow = `${collection}__rb`;
    const live = `${collection}_live`;
    await store.ensureCollection({ name: live, indexes: [{ field: 'tags', array: true }] });
    await store.ensureCollection({ name: shadow, indexes: [{ field: 'tags', array: true }] });
    await store.upsert(live, aTicket({ tags: ['old'] }));
    const rebuilt = aTicket({ tags: ['new'] });
    await store.upsert(shadow, rebuilt);
    await store.commit({ writes: [], checkpoint: { name: `${live}#shadow`, position: 3 } });
    await store.swapIn({
      collections: [{ shadow, live }],
      checkpoint: { shadow: `${live}#shadow`, live },
    });
    expect(ids((await store.find(live, { tags: 'old' })).items)).toEqual([]);
    expect(ids((await store.find(live, { tags: 'new' })).items)).toEqual([rebuilt._id]);
    const added = aTicket({ tags: ['new'] });
    await store.upsert(live, added);
    expect(ids((await store.find(live, { tags: 'new' })).items)).toEqual(ids([rebuilt, added]));
    // A fresh shadow of the same name starts empty and indexes its own writes.
    await store.ensureCollection({ name: shadow, indexes: [{ field: 'tags', array: true }] });
    await store.upsert(shadow, aTicket({ tags: ['next'] }));
    expect(await store.count(shadow, { tags: 'next' })).toBe(1);
    expect(await store.count(live, { tags: 'next' })).toBe(0);
    await store.dropCollection(shadow);
    await store.dropCollection(live);
    await store.deleteCheckpoint(live);
  });

  it('answers $in with a list longer than a statement can bind', async () => {
    const kept = [aTicket(), aTicket()];
    for (const ticket of kept) await store.upsert(collection, ticket);
    await store.upsert(collection, aTicket());
    const many = Array.from({ length: 40_000 }, (_, i) => `missing-${i}`);
    const filter = { _id: { $in: [...many, ...kept.map((t) => t._id)] } };
    expect(ids((await store.find(collection, filter)).items)).toEqual(ids(kept));
    expect(await store.count(collection, filter)).toBe(2);
  });
};
