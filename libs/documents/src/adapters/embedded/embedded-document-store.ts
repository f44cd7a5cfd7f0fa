import Database from 'better-sqlite3';
import { Query, aggregate, find, update as applyUpdate } from 'mingo';
import type {
  CollectionSpec,
  CollectionSwap,
  CommitBatch,
  Document,
  DocumentStore,
  DocumentWrite,
  Filter,
  FindOptions,
  Page,
  Pipeline,
  Update,
} from '../../document-store.port';
import { CursorCodec, afterCursorFilter, totalSort } from '../../cursor';
import { CheckpointMovedError, DocumentStoreUnavailableError } from '../../errors';
import { dropTable, ensureArrayIndexes, planIndex, replaceTable, valuesTable } from './sql-indexes';
import type { IndexedFields, SqlQuery } from './sql-pushdown';
import { BODY, ELEMENTS_TO_WALK, planFind, pushDown, sqlWhere } from './sql-pushdown';

type Fields = { scalar: Set<string>; array: Set<string> };
type Row = { body: string };

export type EmbeddedDocumentStoreOptions = {
  filename: string;
  busyTimeoutMs?: number;
  /** Signs page cursors; processes sharing the data must share it (default: this process only). */
  cursors?: CursorCodec;
};

const COLLECTION_NAME = /^[a-z][a-z0-9_]{0,62}$/;

/**
 * Embedded document store: one SQLite table of JSON bodies per collection, MongoDB filters and
 * pipelines evaluated by mingo, declared indexes as SQL expression indexes that filters and
 * sorts are pushed down to.
 */
export class EmbeddedDocumentStore implements DocumentStore {
  private readonly db: Database.Database;
  /** Per collection (also: its table exists), the fields SQL may evaluate. */
  private readonly indexed = new Map<string, Fields>();
  private readonly statements = new Map<string, Database.Statement>();
  private readonly cursors: CursorCodec;

  /**
   * Prepared statements are reused: preparing dominated small reads and writes. SQLite
   * re-prepares a statement by itself when the schema under it changes (a rebuild's swap).
   */
  private readonly sql = {
    prepare: <Parameters extends unknown[] | object = unknown[], Result = unknown>(
      source: string,
    ): Database.Statement<Parameters, Result> => {
      let statement = this.statements.get(source);
      if (!statement) {
        if (this.statements.size >= 1000) this.statements.clear(); // IN-lists vary in length
        statement = this.db.prepare(source);
        this.statements.set(source, statement);
      }
      return statement as unknown as Database.Statement<Parameters, Result>;
    },
  };

  constructor(options: EmbeddedDocumentStoreOptions) {
    this.db = new Database(options.filename, { timeout: options.busyTimeoutMs ?? 5000 });
    this.cursors = options.cursors ?? CursorCodec.ephemeral();
    this.db.pragma('journal_mode = WAL');
    this.db.pragma('synchronous = NORMAL');
    // Overwrite deleted content, so a destroyed data key does not linger in free pages.
    this.db.pragma('secure_delete = ON');
    this.db.exec(
      'CREATE TABLE IF NOT EXISTS checkpoints (name TEXT PRIMARY KEY, position INTEGER NOT NULL, updated_at TEXT NOT NULL)',
    );
  }

  ensureCollection(spec: CollectionSpec): Promise<void> {
    return this.guard(() => {
      const table = this.table(spec.name);
      const fields = this.fields(spec.name);
      // Existing data folders get new indexes here too (IF NOT EXISTS), without a rebuild.
      const arrays: string[] = [];
      for (const index of spec.indexes ?? []) {
        const plan = planIndex(table, index);
        if (plan.kind === 'array') arrays.push(plan.field);
        else {
          this.db.exec(plan.sql);
          plan.fields.forEach((field) => fields.scalar.add(field));
        }
      }
      // All array fields at once: they share one update trigger (and old definitions are replaced).
      if (arrays.length > 0) ensureArrayIndexes(this.db, table, arrays);
      arrays.forEach((field) => fields.array.add(field));
    });
  }

  dropCollection(name: string): Promise<void> {
    return this.guard(() => {
      dropTable(this.db, tableName(name));
      this.indexed.delete(name);
    });
  }

  get<T extends Document>(collection: string, id: string): Promise<T | null> {
    return this.guard(() => {
      const row = this.sql
        .prepare<[string], { body: string }>(
          `SELECT ${BODY} FROM "${this.table(collection)}" WHERE id = ?`,
        )
        .get(id);
      return row ? (JSON.parse(row.body) as T) : null;
    });
  }

  getMany<T extends Document>(collection: string, ids: readonly string[]): Promise<T[]> {
    return this.guard(() => {
      if (ids.length === 0) return [];
      const rows = this.sql
        .prepare<string[], { body: string }>(
          `SELECT ${BODY} FROM "${this.table(collection)}" WHERE id IN (SELECT value FROM json_each(?))`,
        )
        .all(JSON.stringify(ids));
      return rows.map((row) => JSON.parse(row.body) as T);
    });
  }

  find<T extends Document>(
    collection: string,
    filter: Filter,
    options: FindOptions = {},
  ): Promise<Page<T>> {
    return this.guard(() => {
      const table = this.table(collection);
      const sort = totalSort(options.sort);
      const limit = options.limit ?? 1000;
      const cursor = options.cursor ? this.cursors.decode(sort, options.cursor) : null;
      const plan = planFind(
        table,
        filter,
        sort,
        cursor?.values ?? null,
        this.indexedFields(collection),
      );
      if (plan.kind === 'ordered') {
        const { sql, params } =
          plan.bySortOrder && this.atLeast(plan.bySortOrder.probe, ELEMENTS_TO_WALK)
            ? plan.bySortOrder
            : plan;
        if (!plan.complete)
          return this.page(this.firstMatches<T>(sql, params, filter, limit + 1), sort, limit);
        // SQL reads in sort order from the cursor on: only as many rows as the page needs.
        const rows = this.sql.prepare<unknown[], Row>(`${sql} LIMIT ?`).all(...params, limit + 1);
        return this.page(
          rows.map((row) => JSON.parse(row.body) as T),
          sort,
          limit,
        );
      }
      const candidates = this.sql
        .prepare<unknown[], Row>(plan.sql)
        .all(...plan.params)
        .map((row) => JSON.parse(row.body) as T);
      const condition = cursor ? { $and: [filter, afterCursorFilter(sort, cursor)] } : filter;
      const items = find(candidates, condition)
        .sort(sort)
        .limit(limit + 1)
        .all() as T[];
      return this.page(items, sort, limit);
    });
  }

  /** Whether `query` selects at least `n` rows (reading no more than that). */
  private atLeast(query: SqlQuery, n: number): boolean {
    const row = this.sql
      .prepare<unknown[], { n: number }>(`SELECT count(*) AS n FROM (${query.sql} LIMIT ${n})`)
      .get(...query.params);
    return (row?.n ?? 0) >= n;
  }

  /** Streams the rows of `select`, keeping the first `wanted` that mingo says match. */
  private firstMatches<T extends Document>(
    select: string,
    params: unknown[],
    filter: Filter,
    wanted: number,
  ): T[] {
    const query = new Query(filter);
    const items: T[] = [];
    for (const row of this.sql.prepare<unknown[], Row>(select).iterate(...params)) {
      const document = JSON.parse(row.body) as T;
      if (!query.test(document)) continue;
      items.push(document);
      if (items.length >= wanted) break;
    }
    return items;
  }

  private page<T extends Document>(
    items: T[],
    sort: Record<string, 1 | -1>,
    limit: number,
  ): Page<T> {
    const pageItems = items.slice(0, limit);
    const last = pageItems.at(-1);
    return {
      items: pageItems,
      nextCursor: items.length > limit && last ? this.cursors.encode(sort, last) : null,
    };
  }

  count(collection: string, filter: Filter): Promise<number> {
    return this.guard(() => {
      const table = this.table(collection);
      const where = pushDown(filter, this.indexedFields(collection));
      const select = `FROM "${table}" ${sqlWhere(where.clauses)}`;
      if (where.complete) {
        return (
          this.sql
            .prepare<unknown[], { n: number }>(`SELECT count(*) AS n ${select}`)
            .get(...where.params)?.n ?? 0
        );
      }
      // One row at a time: counting never holds the collection in memory.
      const query = new Query(filter);
      let n = 0;
      for (const row of this.sql
        .prepare<unknown[], Row>(`SELECT ${BODY} ${select}`)
        .iterate(...where.params)) {
        if (query.test(JSON.parse(row.body) as Document)) n += 1;
      }
      return n;
    });
  }

  aggregate<T>(collection: string, pipeline: Pipeline): Promise<T[]> {
    return this.guard(() => {
      const first = pipeline[0];
      const match = first && '$match' in first ? (first.$match as Filter) : null;
      const table = this.table(collection);
      const where = match
        ? pushDown(match, this.indexedFields(collection))
        : { clauses: [], params: [] };
      // mingo pulls the documents one at a time; only what its stages keep stays in memory.
      const rows = this.sql
        .prepare<unknown[], Row>(`SELECT ${BODY} FROM "${table}" ${sqlWhere(where.clauses)}`)
        .iterate(...where.params);
      try {
        return aggregate(parsed(rows), pipeline) as T[];
      } finally {
        rows.return?.();
      }
    });
  }

  upsert(collection: string, document: Document): Promise<void> {
    return this.guard(() => this.put(collection, document));
  }

  insert(collection: string, document: Document): Promise<boolean> {
    return this.guard(
      () =>
        this.sql
          .prepare(
            `INSERT OR IGNORE INTO "${this.table(collection)}" (id, body) VALUES (?, jsonb(?))`,
          )
          .run(document._id, JSON.stringify(document)).changes > 0,
    );
  }

  insertMany(collection: string, documents: readonly Document[]): Promise<string[]> {
    return this.guard(() => {
      if (documents.length === 0) return [];
      for (const document of documents) assertId(collection, document);
      const insert = this.sql.prepare<[string, string]>(
        `INSERT INTO "${this.table(collection)}" (id, body) VALUES (?, jsonb(?)) ON CONFLICT DO NOTHING`,
      );
      return this.db.transaction(() => {
        const inserted: string[] = [];
        for (const document of documents) {
          if (insert.run(document._id, JSON.stringify(document)).changes > 0)
            inserted.push(document._id);
        }
        return inserted;
      })();
    });
  }

  update(collection: string, id: string, update: Update): Promise<boolean> {
    return this.guard(() =>
      this.db.transaction(() => {
        const table = this.table(collection);
        const row = this.sql
          .prepare<[string], { body: string }>(`SELECT ${BODY} FROM "${table}" WHERE id = ?`)
          .get(id);
        if (!row) return false;
        const document = JSON.parse(row.body) as Document;
        applyUpdate(document, update as Parameters<typeof applyUpdate>[1]);
        this.put(collection, { ...document, _id: id });
        return true;
      })(),
    );
  }

  delete(collection: string, id: string): Promise<boolean> {
    return this.guard(
      () =>
        this.sql.prepare(`DELETE FROM "${this.table(collection)}" WHERE id = ?`).run(id).changes >
        0,
    );
  }

  commit(batch: CommitBatch): Promise<void> {
    return this.guard(() =>
      this.db.transaction(() => {
        if (batch.checkpoint) this.moveCheckpoint(batch.checkpoint);
        for (const write of batch.writes) this.apply(write);
      })(),
    );
  }

  private moveCheckpoint({
    name,
    position,
    expected,
  }: NonNullable<CommitBatch['checkpoint']>): void {
    const current =
      this.sql
        .prepare<[string], { position: number }>('SELECT position FROM checkpoints WHERE name = ?')
        .get(name)?.position ?? null;
    if (expected !== undefined && current !== expected) {
      throw new CheckpointMovedError(name, expected, current);
    }
    this.sql
      .prepare(
        `INSERT INTO checkpoints (name, position, updated_at) VALUES (?, ?, ?)
         ON CONFLICT (name) DO UPDATE SET position = excluded.position, updated_at = excluded.updated_at`,
      )
      .run(name, position, new Date().toISOString());
  }

  private apply(write: DocumentWrite): void {
    if (write.kind === 'put') this.put(write.collection, write.document);
    else
      this.sql.prepare(`DELETE FROM "${this.table(write.collection)}" WHERE id = ?`).run(write.id);
  }

  private put(collection: string, document: Document): void {
    assertId(collection, document);
    // An upsert updates the row in place: array index triggers skip unchanged fields.
    this.sql
      .prepare(
        `INSERT INTO "${this.table(collection)}" (id, body) VALUES (?, jsonb(?)) ON CONFLICT (id) DO UPDATE SET body = excluded.body`,
      )
      .run(document._id, JSON.stringify(document));
  }

  swapIn(swap: CollectionSwap): Promise<void> {
    return this.guard(() =>
      this.db.transaction(() => {
        for (const { shadow, live } of swap.collections) {
          const fields = this.fields(shadow);
          replaceTable(this.db, this.table(shadow), tableName(live));
          this.indexed.set(live, fields);
          this.indexed.delete(shadow);
        }
        const position = this.sql
          .prepare<[string], { position: number }>(
            'SELECT position FROM checkpoints WHERE name = ?',
          )
          .get(swap.checkpoint.shadow)?.position;
        if (position === undefined)
          throw new Error(`no checkpoint ${swap.checkpoint.shadow} to swap in`);
        this.moveCheckpoint({ name: swap.checkpoint.live, position });
        this.sql.prepare('DELETE FROM checkpoints WHERE name = ?').run(swap.checkpoint.shadow);
      })(),
    );
  }

  getCheckpoint(name: string): Promise<number | null> {
    return this.guard(
      () =>
        this.sql
          .prepare<[string], { position: number }>(
            'SELECT position FROM checkpoints WHERE name = ?',
          )
          .get(name)?.position ?? null,
    );
  }

  deleteCheckpoint(name: string): Promise<void> {
    return this.guard(() => {
      this.sql.prepare('DELETE FROM checkpoints WHERE name = ?').run(name);
    });
  }

  /** Copies the WAL into the database and truncates it: no old page image stays in it. */
  purgeDeleted(): Promise<void> {
    return this.guard(() => {
      this.db.pragma('wal_checkpoint(TRUNCATE)');
    });
  }

  /** Readers never block in WAL mode, so readiness probes the write lock, which projectors need. */
  ping(): Promise<void> {
    return this.guard(() => {
      const timeout = this.db.pragma('busy_timeout', { simple: true }) as number;
      this.db.pragma('busy_timeout = 50');
      try {
        this.db.exec('BEGIN IMMEDIATE');
        this.db.exec('ROLLBACK');
      } finally {
        this.db.pragma(`busy_timeout = ${timeout}`);
      }
    });
  }

  close(): Promise<void> {
    if (this.db.open) this.db.close();
    return Promise.resolve();
  }

  /** The collection's table, created on first use. */
  private table(collection: string): string {
    const table = tableName(collection);
    if (!this.indexed.has(collection)) {
      this.db.exec(
        `CREATE TABLE IF NOT EXISTS "${table}" (id TEXT PRIMARY KEY, body TEXT NOT NULL)`,
      );
      this.indexed.set(collection, { scalar: new Set(), array: new Set() });
    }
    return table;
  }

  private fields(collection: string): Fields {
    this.table(collection);
    return this.indexed.get(collection) as Fields;
  }

  private indexedFields(collection: string): IndexedFields {
    const { scalar, array } = this.fields(collection);
    return { scalar, array, values: valuesTable(tableName(collection)) };
  }

  private guard<T>(work: () => T): Promise<T> {
    try {
      return Promise.resolve(work());
    } catch (error) {
      return Promise.reject(translate(error));
    }
  }
}

function* parsed(rows: Iterable<Row>): Generator<Document> {
  for (const row of rows) yield JSON.parse(row.body) as Document;
}

const assertId = (collection: string, document: Document): void => {
  if (typeof document._id !== 'string' || document._id === '') {
    throw new Error(`document in ${collection} needs a string _id`);
  }
};

const tableName = (collection: string): string => {
  if (!COLLECTION_NAME.test(collection)) throw new Error(`invalid collection name ${collection}`);
  return `doc_${collection}`;
};

const translate = (error: unknown): Error => {
  const code = (error as { code?: unknown }).code;
  if (
    typeof code === 'string' &&
    /^SQLITE_(BUSY|LOCKED|FULL|IOERR|CANTOPEN|READONLY|NOMEM)/.test(code)
  ) {
    return new DocumentStoreUnavailableError(error);
  }
  if (error instanceof TypeError && /database connection is not open/.test(error.message)) {
    return new DocumentStoreUnavailableError(error);
  }
  return error instanceof Error ? error : new Error(String(error));
};
