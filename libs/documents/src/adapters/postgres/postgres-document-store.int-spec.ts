import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import {
  describeWithPostgres,
  dropSchema,
  uniqueSchemaName,
} from '../../../../../test/support/postgres';
import type { CommitBatch, Document } from '../../document-store.port';
import { CheckpointMovedError, DocumentStoreUnavailableError } from '../../errors';
import { documentStoreContract } from '../../testing/document-store.contract';
import { quoteIdentifier } from './pg-indexes';
import { PostgresDocumentStore } from './postgres-document-store';
import { TcpProxy, targetOf } from './tcp-proxy.testing';

const aDocument = (overrides: Partial<Document> = {}): Document => ({
  _id: randomUUID(),
  n: 1,
  ...overrides,
});

const aCollection = (): string => `t_${randomUUID().replaceAll('-', '').slice(0, 16)}`;

/** Resolves once `n` statements on `schema`'s tables wait for a lock. */
const waitersOn = async (url: string, schema: string, n: number): Promise<void> => {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    for (;;) {
      const { rows } = await client.query<{ n: string }>(
        `SELECT count(*) AS n FROM pg_stat_activity
          WHERE wait_event_type = 'Lock' AND position($1 in query) > 0`,
        [quoteIdentifier(schema)],
      );
      if (Number(rows[0]?.n) >= n) return;
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  } finally {
    await client.end();
  }
};

/** Resolves once a statement waits for a lock `pid` holds; never, once `watch.done`. */
const blockedBy = async (url: string, pid: number, watch: { done: boolean }): Promise<void> => {
  const client = new Client({ connectionString: url });
  await client.connect();
  let blocked = false;
  try {
    while (!watch.done && !blocked) {
      const { rows } = await client.query<{ n: string }>(
        'SELECT count(*) AS n FROM pg_stat_activity WHERE $1 = ANY(pg_blocking_pids(pid))',
        [pid],
      );
      blocked = Number(rows[0]?.n) > 0;
      if (!blocked) await new Promise((resolve) => setTimeout(resolve, 20));
    }
  } finally {
    await client.end();
  }
  // The other side of the race won: stay pending, holding nothing.
  if (!blocked) await new Promise(() => undefined);
};

describeWithPostgres('PostgresDocumentStore (production adapter)', (url) => {
  // A schema name that must be quoted everywhere it appears.
  const schema = `${uniqueSchemaName('docs')} "Odd"`;
  const open = (connectionString = url) =>
    PostgresDocumentStore.connect({ connectionString, schema, poolSize: 4 });
  afterAll(() => dropSchema(url, schema));

  documentStoreContract(() => open());

  describe('two writers of one projection', () => {
    let stores: PostgresDocumentStore[];
    let blocker: Client;
    let collection: string;
    beforeEach(async () => {
      stores = await Promise.all([open(), open()]);
      collection = aCollection();
      await stores[0]?.ensureCollection({ name: collection });
      blocker = new Client({ connectionString: url });
      await blocker.connect();
    });
    afterEach(async () => {
      await blocker.end();
      await stores[0]?.dropCollection(collection);
      await Promise.all(stores.map((store) => store.close()));
    });

    /** Both commit at once (both wait behind `blocker` first); exactly one may win. */
    const race = async (name: string, expected: number | null) => {
      const documents = [aDocument(), aDocument()];
      const batches: CommitBatch[] = documents.map((document, i) => ({
        writes: [{ kind: 'put', collection, document }],
        checkpoint: { name, position: 100 + i, expected },
      }));
      const results = Promise.allSettled(
        stores.map((store, i) => store.commit(batches[i] as CommitBatch)),
      );
      await waitersOn(url, schema, 2);
      return { documents, results };
    };

    const expectOneWinner = async (
      name: string,
      { documents, results }: Awaited<ReturnType<typeof race>>,
    ) => {
      const settled = await results;
      const winner = settled.findIndex((result) => result.status === 'fulfilled');
      expect(settled.filter((result) => result.status === 'fulfilled')).toHaveLength(1);
      const loser = settled[1 - winner];
      expect(loser?.status === 'rejected' && loser.reason).toBeInstanceOf(CheckpointMovedError);
      const [store] = stores;
      expect(await store?.getCheckpoint(name)).toBe(100 + winner);
      const stored = await store?.getMany(
        collection,
        documents.map((d) => d._id),
      );
      expect(stored?.map((d) => d._id)).toEqual([documents[winner]?._id]);
    };

    it('commits only one of two batches expecting the same checkpoint; the other writes nothing', async () => {
      const name = `race-${randomUUID()}`;
      await stores[0]?.commit({ writes: [], checkpoint: { name, position: 10, expected: null } });
      await blocker.query('BEGIN');
      await blocker.query(
        `SELECT 1 FROM ${quoteIdentifier(schema)}.checkpoints WHERE name = $1 FOR UPDATE`,
        [name],
      );
      const raced = race(name, 10);
      const { documents, results } = await raced;
      await blocker.query('COMMIT');
      await expectOneWinner(name, { documents, results });
    });

    it('creates a new checkpoint for only one of two first batches', async () => {
      const name = `race-${randomUUID()}`;
      // An uncommitted row of that name: both writers' inserts wait for its outcome.
      await blocker.query('BEGIN');
      await blocker.query(
        `INSERT INTO ${quoteIdentifier(schema)}.checkpoints (name, position) VALUES ($1, 1)`,
        [name],
      );
      const raced = await race(name, null);
      await blocker.query('ROLLBACK');
      await expectOneWinner(name, raced);
    });
  });

  it('swaps nothing in when any part of the swap fails', async () => {
    const store = await open();
    const [first, second] = [aCollection(), aCollection()];
    try {
      for (const name of [first, second, `${first}__rb`, `${second}__rb`])
        await store.ensureCollection({ name, indexes: [{ field: 'n' }] });
      await store.upsert(first, aDocument({ _id: 'old' }));
      await store.upsert(second, aDocument({ _id: 'old' }));
      await store.upsert(`${first}__rb`, aDocument({ _id: 'new' }));
      await store.upsert(`${second}__rb`, aDocument({ _id: 'new' }));
      await expect(
        store.swapIn({
          collections: [
            { shadow: `${first}__rb`, live: first },
            { shadow: `${second}__rb`, live: second },
          ],
          checkpoint: { shadow: `missing-${randomUUID()}`, live: `live-${randomUUID()}` },
        }),
      ).rejects.toThrow(/no checkpoint/);
      for (const live of [first, second]) {
        expect((await store.find(live, { n: 1 })).items.map((d) => d._id)).toEqual(['old']);
        expect((await store.find(`${live}__rb`, {})).items.map((d) => d._id)).toEqual(['new']);
      }
    } finally {
      for (const name of [first, second, `${first}__rb`, `${second}__rb`])
        await store.dropCollection(name);
      await store.close();
    }
  });

  it('refuses a document holding U+0000, which JSONB cannot store, writing nothing', async () => {
    const store = await open();
    const collection = aCollection();
    try {
      const ok = aDocument();
      await expect(
        store.commit({
          writes: [
            { kind: 'put', collection, document: ok },
            { kind: 'put', collection, document: aDocument({ name: 'a\u0000b' }) },
          ],
        }),
      ).rejects.toThrow(/U\+0000/);
      expect(await store.get(collection, ok._id)).toBeNull();
    } finally {
      await store.dropCollection(collection);
      await store.close();
    }
  });

  it('swaps in while the live projector is committing, after that commit, without a deadlock', async () => {
    const store = await open();
    const live = aCollection();
    const name = `live-${randomUUID()}`;
    const projector = new Client({ connectionString: url });
    await projector.connect();
    const watch = { done: false };
    try {
      await store.ensureCollection({ name: live });
      await store.ensureCollection({ name: `${live}__rb` });
      await store.upsert(`${live}__rb`, aDocument({ _id: 'rebuilt' }));
      await store.commit({ writes: [], checkpoint: { name, position: 5 } });
      await store.commit({ writes: [], checkpoint: { name: `${name}#shadow`, position: 9 } });
      // A live projector's commit: checkpoint row first, then its documents.
      await projector.query('BEGIN');
      await projector.query(
        `UPDATE ${quoteIdentifier(schema)}.checkpoints SET position = 6 WHERE name = $1`,
        [name],
      );
      const { rows } = await projector.query<{ pid: number }>('SELECT pg_backend_pid() AS pid');
      const swapped = store.swapIn({
        collections: [{ shadow: `${live}__rb`, live }],
        checkpoint: { shadow: `${name}#shadow`, live: name },
      });
      swapped.catch(() => undefined);
      await blockedBy(url, rows[0]?.pid ?? 0, watch);
      await projector.query(
        `INSERT INTO ${quoteIdentifier(schema)}.${quoteIdentifier(`doc_${live}`)} (id, body) VALUES ('applied', '{"_id":"applied"}')`,
      );
      await projector.query('COMMIT');
      await swapped;
      expect((await store.find(live, {})).items.map((d) => d._id)).toEqual(['rebuilt']);
      expect(await store.getCheckpoint(name)).toBe(9);
    } finally {
      watch.done = true;
      await projector.end();
      await store.dropCollection(live);
      await store.close();
    }
  });

  it('compares a pushed-down range only with values of the operand type, as MongoDB does', async () => {
    const store = await open();
    const collection = aCollection();
    try {
      await store.ensureCollection({ name: collection, indexes: [{ field: 'n' }] });
      const docs = ['text', true, null, 10, 40, { k: 1 }].map((n) => aDocument({ n }));
      for (const doc of docs) await store.upsert(collection, doc);
      const found = async (filter: Record<string, unknown>) =>
        (await store.find(collection, filter, { sort: { n: 1 } })).items.map((d) => d.n);
      expect(await found({ n: { $gte: 30 } })).toEqual([40]);
      expect(await found({ n: { $lt: 30 } })).toEqual([10]);
      expect(await found({ n: { $gt: 'a' } })).toEqual(['text']);
      expect(await store.count(collection, { n: { $lte: 40 } })).toBe(2);
    } finally {
      await store.dropCollection(collection);
      await store.close();
    }
  });

  it('serves the old model or the new one, never an error, to readers during a swap', async () => {
    const [store, reader] = await Promise.all([open(), open()]);
    const live = aCollection();
    const name = `live-${randomUUID()}`;
    const spec = (collection: string) => ({ name: collection, indexes: [{ field: 'n' }] });
    try {
      await store.ensureCollection(spec(live));
      await reader.ensureCollection(spec(live));
      await store.insertMany(live, [aDocument({ _id: 'old-1' }), aDocument({ _id: 'old-2' })]);
      const seen = new Set<string>();
      let swapping = true;
      const reads = (async () => {
        while (swapping) {
          const page = await reader.find(live, { n: 1 }, { sort: { n: 1 } });
          seen.add(
            page.items
              .map((d) => d._id)
              .sort()
              .join(','),
          );
          // Named (prepared) statements too, planned before a swap and run after it.
          const firsts = await reader.getMany(live, ['old-1', 'new1-1', 'new2-1', 'new3-1']);
          seen.add(`get ${firsts.map((d) => d._id).join(',')}`);
        }
      })();
      for (let round = 1; round <= 3; round += 1) {
        const shadow = `${live}__rb`;
        await store.ensureCollection(spec(shadow));
        await store.insertMany(shadow, [
          aDocument({ _id: `new${round}-1` }),
          aDocument({ _id: `new${round}-2` }),
        ]);
        await store.commit({ writes: [], checkpoint: { name: `${name}#shadow`, position: round } });
        await store.swapIn({
          collections: [{ shadow, live }],
          checkpoint: { shadow: `${name}#shadow`, live: name },
        });
      }
      swapping = false;
      await reads;
      const models = ['old-1,old-2', 'new1-1,new1-2', 'new2-1,new2-2', 'new3-1,new3-2'].flatMap(
        (ids) => [ids, `get ${ids.split(',')[0] ?? ''}`],
      );
      expect([...seen].filter((ids) => !models.includes(ids))).toEqual([]);
      expect((await reader.find(live, { n: 1 })).items.map((d) => d._id).sort()).toEqual([
        'new3-1',
        'new3-2',
      ]);
    } finally {
      await store.dropCollection(live);
      await Promise.all([store.close(), reader.close()]);
    }
  });

  it('finds a collection again after another process dropped it', async () => {
    const [one, other] = await Promise.all([open(), open()]);
    const collection = aCollection();
    try {
      await one.ensureCollection({ name: collection, indexes: [{ field: 'n' }] });
      await one.upsert(collection, aDocument());
      await other.dropCollection(collection);
      await one.upsert(collection, aDocument());
      expect(await one.count(collection, {})).toBe(1);
    } finally {
      await one.dropCollection(collection);
      await Promise.all([one.close(), other.close()]);
    }
  });

  it('declares an existing collection again without DDL, while another process holds the DDL lock', async () => {
    const [declarer, restarted] = await Promise.all([open(), open()]);
    const collection = aCollection();
    const spec = {
      name: collection,
      indexes: [{ field: 'n' }, { field: 'tags', array: true as const }],
    };
    const blocker = new Client({ connectionString: url });
    await blocker.connect();
    const watch = { done: false };
    try {
      await declarer.ensureCollection(spec);
      await blocker.query('SELECT pg_advisory_lock(hashtext($1))', [`crm-documents:${schema}`]);
      const { rows } = await blocker.query<{ pid: number }>('SELECT pg_backend_pid() AS pid');
      const outcome = await Promise.race([
        restarted.ensureCollection(spec).then(() => 'declared'),
        blockedBy(url, rows[0]?.pid ?? 0, watch).then(() => 'waited for the DDL lock'),
      ]);
      expect(outcome).toBe('declared');
      await restarted.upsert(collection, aDocument({ tags: ['x'] }));
      expect(await restarted.count(collection, { tags: 'x', n: 1 })).toBe(1);
    } finally {
      watch.done = true;
      await blocker.end();
      await declarer.dropCollection(collection);
      await Promise.all([declarer.close(), restarted.close()]);
    }
  });

  it('starts several processes on a fresh schema at once', async () => {
    const fresh = uniqueSchemaName('docs_fresh');
    const spec = {
      name: 'queue',
      indexes: [{ field: 'n' }, { field: 'tags', array: true as const }],
    };
    try {
      const stores = await Promise.all(
        Array.from({ length: 4 }, () =>
          PostgresDocumentStore.connect({ connectionString: url, schema: fresh, poolSize: 2 }),
        ),
      );
      try {
        await Promise.all(stores.map((store) => store.ensureCollection(spec)));
        await stores[0]?.upsert('queue', aDocument({ tags: ['a'] }));
        expect(await stores[3]?.count('queue', { tags: 'a' })).toBe(1);
      } finally {
        await Promise.all(stores.map((store) => store.close()));
      }
    } finally {
      await dropSchema(url, fresh);
    }
  });

  describe('when the server goes away', () => {
    const proxy = new TcpProxy(targetOf(url));
    afterEach(() => proxy.stop());

    it('reports the store unavailable, and works again once the server is back', async () => {
      const port = await proxy.start();
      const store = await PostgresDocumentStore.connect({
        connectionString: proxy.url(url),
        schema,
        connectTimeoutMs: 1000,
      });
      const collection = aCollection();
      try {
        await store.ensureCollection({ name: collection, indexes: [{ field: 'n' }] });
        const kept = aDocument();
        await store.upsert(collection, kept);
        await proxy.stop();
        const name = `down-${randomUUID()}`;
        const batch: CommitBatch = {
          writes: [{ kind: 'put', collection, document: aDocument() }],
          checkpoint: { name, position: 1, expected: null },
        };
        await expect(store.get(collection, kept._id)).rejects.toBeInstanceOf(
          DocumentStoreUnavailableError,
        );
        await expect(store.commit(batch)).rejects.toBeInstanceOf(DocumentStoreUnavailableError);
        await expect(store.ping()).rejects.toBeInstanceOf(DocumentStoreUnavailableError);
        await proxy.start(port);
        await store.ping();
        expect(await store.get(collection, kept._id)).toEqual(kept);
        await store.commit(batch);
        expect(await store.getCheckpoint(name)).toBe(1);
        await store.dropCollection(collection);
      } finally {
        await store.close();
      }
    });

    it('fails to connect as unavailable when no server answers', async () => {
      await proxy.start();
      await proxy.stop();
      await expect(
        PostgresDocumentStore.connect({
          connectionString: proxy.url(url),
          schema,
          connectTimeoutMs: 1000,
        }),
      ).rejects.toBeInstanceOf(DocumentStoreUnavailableError);
    });
  });
});
