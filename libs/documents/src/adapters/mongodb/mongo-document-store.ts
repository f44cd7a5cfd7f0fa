import { MongoClient } from 'mongodb';
import type { Collection, Db, Filter as MongoFilter, UpdateFilter } from 'mongodb';
import type {
  CollectionSpec,
  CollectionSwap,
  CommitBatch,
  Document,
  DocumentStore,
  Filter,
  FindOptions,
  Page,
  Pipeline,
  Update,
} from '../../document-store.port';
import { CursorCodec } from '../../cursor';
import { mongoClientOptions } from './mongo-client-options';
import { MongoCommitter } from './mongo-commit';
import { MongoSwapper } from './mongo-swap';
import { duplicateKeyRefusals, translateMongoError } from './mongo-errors';
import {
  assertCollectionName,
  assertSafePipeline,
  assertSafeQuery,
  databaseNameFromUrl,
  indexKeys,
  pageQuery,
  supportsTransactions,
  toMongoUpdate,
} from './mongo-mapping';
import { assertWritable, firstPerId } from './mongo-writes';

const rethrow = (error: unknown): never => {
  throw error;
};

type Stored = Document;

export type MongoDocumentStoreOptions = {
  /** Override the detection (replica set member or mongos) of multi-document transactions. */
  transactions?: boolean;
  /** How long an operation waits for a usable server before the store reports unavailable. */
  serverSelectionTimeoutMS?: number;
  /** Signs page cursors; processes sharing the database must share it (default: this process only). */
  cursors?: CursorCodec;
};

/**
 * Production document store over MongoDB: one collection per read model, filters and
 * pipelines passed through, declared fields indexed. A projector's commit runs in a
 * transaction when the deployment has them (replica set, sharded cluster); on a standalone
 * server it checks the checkpoint first, writes position-guarded documents, then moves the
 * checkpoint conditionally, so a crash re-applies a batch without counting anything twice.
 */
export class MongoDocumentStore implements DocumentStore {
  private readonly committer: MongoCommitter;
  private readonly swapper: MongoSwapper;

  private constructor(
    private readonly client: MongoClient,
    private readonly db: Db,
    readonly transactions: boolean,
    private readonly cursors: CursorCodec,
  ) {
    this.committer = new MongoCommitter(client, db, transactions);
    this.swapper = new MongoSwapper(db);
  }

  /** Connects to the database named in the URL path (default `crm`). */
  static async connect(
    url: string,
    options: MongoDocumentStoreOptions = {},
  ): Promise<MongoDocumentStore> {
    const database = databaseNameFromUrl(url);
    const client = new MongoClient(url, mongoClientOptions(options));
    try {
      await client.connect();
      const db = client.db(database);
      const hello = await db.command({ hello: 1 });
      const store = new MongoDocumentStore(
        client,
        db,
        options.transactions ?? supportsTransactions(hello),
        options.cursors ?? CursorCodec.ephemeral(),
      );
      await store.swapper.resumeUnfinished();
      return store;
    } catch (error) {
      await client.close().catch(() => undefined);
      throw translateMongoError(error);
    }
  }

  ensureCollection(spec: CollectionSpec): Promise<void> {
    return this.guard(async () => {
      const collection = this.collection(spec.name);
      // Created even with no index and no document, as the embedded store does: a rebuild swaps it.
      await this.swapper.create(spec.name);
      for (const index of spec.indexes ?? []) {
        const { keys, unique } = indexKeys(index);
        await collection.createIndex(keys, { unique });
      }
    });
  }

  /** All or nothing, rolled forward after a crash: see MongoSwapper. */
  swapIn(swap: CollectionSwap): Promise<void> {
    return this.guard(() => this.swapper.swapIn(swap));
  }

  dropCollection(name: string): Promise<void> {
    return this.guard(async () => {
      try {
        await this.collection(name).drop();
      } catch (error) {
        if ((error as { codeName?: unknown }).codeName !== 'NamespaceNotFound') throw error;
      }
    });
  }

  get<T extends Document>(collection: string, id: string): Promise<T | null> {
    return this.guard(
      async () => (await this.collection(collection).findOne({ _id: id })) as T | null,
    );
  }

  getMany<T extends Document>(collection: string, ids: readonly string[]): Promise<T[]> {
    return this.guard(async () =>
      ids.length === 0
        ? []
        : ((await this.collection(collection)
            .find({ _id: { $in: [...ids] } })
            .toArray()) as T[]),
    );
  }

  find<T extends Document>(
    collection: string,
    filter: Filter,
    options: FindOptions = {},
  ): Promise<Page<T>> {
    return this.guard(async () => {
      const query = pageQuery(filter, options, this.cursors);
      const items = (await this.collection(collection)
        .find(query.filter as MongoFilter<Stored>)
        .sort(query.sort)
        .limit(query.limit + 1)
        .toArray()) as T[];
      const page = items.slice(0, query.limit);
      const last = page.at(-1);
      return {
        items: page,
        nextCursor:
          items.length > query.limit && last ? this.cursors.encode(query.sort, last) : null,
      };
    });
  }

  count(collection: string, filter: Filter): Promise<number> {
    return this.guard(async () => {
      assertSafeQuery(filter);
      return this.collection(collection).countDocuments(filter);
    });
  }

  aggregate<T>(collection: string, pipeline: Pipeline): Promise<T[]> {
    return this.guard(async () => {
      assertSafePipeline(pipeline);
      return (await this.collection(collection).aggregate(pipeline).toArray()) as T[];
    });
  }

  upsert(collection: string, document: Document): Promise<void> {
    return this.guard(async () => {
      assertWritable({ kind: 'put', collection, document });
      await this.collection(collection).replaceOne({ _id: document._id }, document, {
        upsert: true,
      });
    });
  }

  insert(collection: string, document: Document): Promise<boolean> {
    return this.guard(async () => {
      assertWritable({ kind: 'put', collection, document });
      try {
        await this.collection(collection).insertOne(document);
        return true;
      } catch (error) {
        if ((error as { code?: unknown }).code === 11000) return false;
        throw error;
      }
    });
  }

  /**
   * One unordered insertMany: the server inserts every document it can and reports each
   * refused one by its index. Refusals for a duplicate key (the id, or a unique index) are the
   * skipped documents; any other error fails the call.
   */
  insertMany(collection: string, documents: readonly Document[]): Promise<string[]> {
    return this.guard(async () => {
      for (const document of documents) assertWritable({ kind: 'put', collection, document });
      const candidates = firstPerId(documents);
      if (candidates.length === 0) return [];
      let refused: ReadonlySet<number> = new Set();
      try {
        await this.collection(collection).insertMany([...candidates], { ordered: false });
      } catch (error) {
        refused = duplicateKeyRefusals(error) ?? rethrow(error);
      }
      return candidates.filter((_, index) => !refused.has(index)).map((d) => d._id);
    });
  }

  update(collection: string, id: string, update: Update): Promise<boolean> {
    return this.guard(async () => {
      const changes = toMongoUpdate(update);
      const documents = this.collection(collection);
      if (!changes) return (await documents.countDocuments({ _id: id }, { limit: 1 })) > 0;
      return (
        (await documents.updateOne({ _id: id }, changes as UpdateFilter<Stored>)).matchedCount > 0
      );
    });
  }

  delete(collection: string, id: string): Promise<boolean> {
    return this.guard(
      async () => (await this.collection(collection).deleteOne({ _id: id })).deletedCount > 0,
    );
  }

  commit(batch: CommitBatch): Promise<void> {
    return this.guard(() => this.committer.commit(batch));
  }

  getCheckpoint(name: string): Promise<number | null> {
    return this.guard(() => this.committer.checkpoint(name));
  }

  deleteCheckpoint(name: string): Promise<void> {
    return this.guard(async () => {
      await this.committer.checkpoints().deleteOne({ _id: name });
    });
  }

  ping(): Promise<void> {
    return this.guard(async () => {
      await this.db.command({ ping: 1 });
    });
  }

  close(): Promise<void> {
    return this.client.close();
  }

  private collection(name: string): Collection<Stored> {
    assertCollectionName(name);
    return this.db.collection<Stored>(name);
  }

  private async guard<T>(work: () => Promise<T>): Promise<T> {
    try {
      return await work();
    } catch (error) {
      throw translateMongoError(error);
    }
  }
}
