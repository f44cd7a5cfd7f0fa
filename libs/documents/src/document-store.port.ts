/** A stored document: any JSON object with a string `_id`. */
export type Document = { _id: string } & Record<string, unknown>;

/** MongoDB query filter and aggregation pipeline syntax, passed through to the adapter. */
export type Filter = Record<string, unknown>;
export type Pipeline = Record<string, unknown>[];
export type Sort = Record<string, 1 | -1>;

/**
 * An index a read model declares; filters (and sorts) on its fields are answered from it.
 * - `{ field }`: a scalar field (the embedded adapter: an SQL expression index).
 * - `{ field, array: true }`: a top-level field holding an array of scalars (or one scalar);
 *   equality and `$in` match any element, as MongoDB's multikey index does.
 * - `{ fields }`: a compound index, for equality on the leading fields and a sort or range on
 *   the next one (a queue filtered by status and priority, ordered by due time). Non-unique
 *   ones end with `_id`, so a sort with its `_id` tie-breaker reads the index in order.
 */
export type IndexSpec =
  | { field: string; unique?: boolean; array?: false }
  | { field: string; array: true; unique?: never }
  | { fields: readonly [string, ...string[]]; unique?: boolean };

export type CollectionSpec = { name: string; indexes?: readonly IndexSpec[] };

export type FindOptions = {
  sort?: Sort;
  limit?: number;
  /** Opaque cursor from a previous page's `nextCursor`. */
  cursor?: string;
};

export type Page<T> = { items: T[]; nextCursor: string | null };

/** MongoDB update operators the port supports on every adapter. */
export type Update = {
  $set?: Record<string, unknown>;
  $unset?: Record<string, unknown>;
  $inc?: Record<string, number>;
};

export type DocumentWrite =
  | { kind: 'put'; collection: string; document: Document }
  | { kind: 'delete'; collection: string; id: string };

/** Documents and a projector checkpoint, committed together or not at all. */
export type CommitBatch = {
  writes: readonly DocumentWrite[];
  /** `expected`: the checkpoint this writer last saw; the commit fails if another writer moved it. */
  checkpoint?: { name: string; position: number; expected?: number | null };
};

export type CollectionSwap = {
  collections: readonly { shadow: string; live: string }[];
  checkpoint: { shadow: string; live: string };
};

export interface DocumentStore {
  ensureCollection(spec: CollectionSpec): Promise<void>;
  dropCollection(name: string): Promise<void>;
  get<T extends Document>(collection: string, id: string): Promise<T | null>;
  getMany<T extends Document>(collection: string, ids: readonly string[]): Promise<T[]>;
  find<T extends Document>(
    collection: string,
    filter: Filter,
    options?: FindOptions,
  ): Promise<Page<T>>;
  count(collection: string, filter: Filter): Promise<number>;
  aggregate<T>(collection: string, pipeline: Pipeline): Promise<T[]>;
  upsert(collection: string, document: Document): Promise<void>;
  /** Inserts only if no document has this id; false (and nothing written) when one exists. */
  insert(collection: string, document: Document): Promise<boolean>;
  /**
   * Inserts each document whose id is free (as `insert`, never overwriting), in one write: one
   * transaction on the embedded store. Returns the ids actually inserted, in input order. A
   * document that conflicts with a stored one (on its id, or on a unique index) is skipped; of
   * two documents with the same id in one call, the first is the one inserted.
   */
  insertMany(collection: string, documents: readonly Document[]): Promise<string[]>;
  /** Applies the update to the document with this id; false when there is none. */
  update(collection: string, id: string, update: Update): Promise<boolean>;
  delete(collection: string, id: string): Promise<boolean>;
  /** The unit of work of a projector: its document writes and its checkpoint, atomically. */
  commit(batch: CommitBatch): Promise<void>;
  getCheckpoint(name: string): Promise<number | null>;
  /**
   * Zero-downtime rebuild: each shadow collection replaces its live one, and the live
   * checkpoint takes the shadow's position, at once; readers see the old model or the new one.
   */
  swapIn(swap: CollectionSwap): Promise<void>;
  deleteCheckpoint(name: string): Promise<void>;
  ping(): Promise<void>;
  /**
   * Removes what deletes and overwrites leave behind on disk (the embedded store's write-ahead
   * log keeps old page images), so erased data does not linger. Stores that leave no such
   * traces of their own omit it.
   */
  purgeDeleted?(): Promise<void>;
  close(): Promise<void>;
}

export const DOCUMENT_STORE = Symbol('DOCUMENT_STORE');
