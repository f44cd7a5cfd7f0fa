import { Query, aggregate, find, update as applyUpdate } from 'mingo';
import { Pool } from 'pg';
import type { ClientBase } from 'pg';
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
  Sort,
  Update,
} from '../../document-store.port';
import { CursorCodec, afterCursorFilter, totalSort } from '../../cursor';
import { applyWrites, assertId, moveCheckpoint } from './pg-commit';
import { isUndefinedTable, translatePgError } from './pg-errors';
import {
  createIndex,
  createTableSql,
  catalogOf,
  planIndex,
  quoteIdentifier,
  replaceTable,
  tableName,
} from './pg-indexes';
import type { FindPlan, IndexedFields } from './pg-pushdown';
import { SqlParams, planFind, pushDown, sqlWhere } from './pg-pushdown';
import { inTransaction, prepared, streamRows, withClient } from './pg-session';

export type PostgresDocumentStoreOptions = {
  connectionString: string;
  /** The schema holding the store's tables (created if missing); it may be the event store's. */
  schema: string;
  poolSize?: number;
  /** How long an operation waits for a connection before the store reports unavailable. */
  connectTimeoutMs?: number;
  /** Signs page cursors; processes sharing the database must share it (default: this process only). */
  cursors?: CursorCodec;
};

type Row = { body: Document };

/**
 * Production document store on PostgreSQL: one table of JSONB bodies per collection, MongoDB
 * filters and pipelines evaluated by mingo, declared indexes as B-tree and GIN expression
 * indexes that filters and sorts are pushed down to, and a projector's documents and
 * checkpoint committed in one transaction whose checkpoint move is conditional.
 */
export class PostgresDocumentStore implements DocumentStore {
  /** Per collection known to exist, its indexed fields (as the catalog says). */
  private readonly tables = new Map<string, Promise<IndexedFields>>();
  private closed = false;

  private constructor(
    private readonly pool: Pool,
    readonly schema: string,
    private readonly cursors: CursorCodec,
  ) {}

  /** Connects and creates the schema and the checkpoints table if missing. */
  static async connect(options: PostgresDocumentStoreOptions): Promise<PostgresDocumentStore> {
    const pool = new Pool({
      connectionString: options.connectionString,
      max: options.poolSize ?? 10,
      connectionTimeoutMillis: options.connectTimeoutMs ?? 5000,
      keepAlive: true,
      application_name: 'crm-documents',
    });
    // An idle connection the server dropped is reported here; the pool replaces it on next use.
    pool.on('error', () => undefined);
    const store = new PostgresDocumentStore(
      pool,
      options.schema,
      options.cursors ?? CursorCodec.ephemeral(),
    );
    try {
      await store.ddl(async (client) => {
        await client.query(`CREATE SCHEMA IF NOT EXISTS ${quoteIdentifier(options.schema)}`);
        await client.query(
          `CREATE TABLE IF NOT EXISTS ${store.checkpoints} (
             name text COLLATE "C" PRIMARY KEY,
             position bigint NOT NULL,
             updated_at timestamptz NOT NULL DEFAULT now())`,
        );
      });
      return store;
    } catch (error) {
      await pool.end().catch(() => undefined);
      throw translatePgError(error);
    }
  }

  private get checkpoints(): string {
    return `${quoteIdentifier(this.schema)}.checkpoints`;
  }

  private qualified(collection: string): string {
    return `${quoteIdentifier(this.schema)}.${quoteIdentifier(tableName(collection))}`;
  }

  ensureCollection(spec: CollectionSpec): Promise<void> {
    return this.guard(async () => {
      const table = tableName(spec.name);
      const plans = (spec.indexes ?? []).map((index) => planIndex(this.schema, table, index));
      const fields = (async () => {
        // Declared before (every start of every process declares its collections): a catalog
        // read, no DDL, so writers never wait on a table lock for it.
        const known = await withClient(this.pool, (client) =>
          catalogOf(client, this.schema, table),
        );
        if (known && plans.every((plan) => known.indexes.has(plan.name))) return known.fields;
        return this.ddl(async (client) => {
          await client.query(createTableSql(this.schema, table));
          // Existing tables get new indexes here too (IF NOT EXISTS), built from their rows.
          for (const plan of plans) await createIndex(client, this.schema, plan);
          return this.fieldsFromCatalog(client, table);
        });
      })();
      this.tables.set(spec.name, fields);
      await fields.catch((error: unknown) => {
        this.tables.delete(spec.name);
        throw error;
      });
    });
  }

  dropCollection(name: string): Promise<void> {
    return this.guard(async () => {
      this.tables.delete(name);
      await this.ddl((client) => client.query(`DROP TABLE IF EXISTS ${this.qualified(name)}`));
    });
  }

  get<T extends Document>(collection: string, id: string): Promise<T | null> {
    return this.guard(async () => {
      await this.fields(collection);
      const { rows } = await this.pool.query<Row>(
        prepared(`SELECT body FROM ${this.qualified(collection)} WHERE id = $1`, [id]),
      );
      return (rows[0]?.body as T | undefined) ?? null;
    });
  }

  getMany<T extends Document>(collection: string, ids: readonly string[]): Promise<T[]> {
    return this.guard(async () => {
      await this.fields(collection);
      if (ids.length === 0) return [];
      const { rows } = await this.pool.query<Row>(
        prepared(`SELECT body FROM ${this.qualified(collection)} WHERE id = ANY($1::text[])`, [
          ids,
        ]),
      );
      return rows.map((row) => row.body as T);
    });
  }

  find<T extends Document>(
    collection: string,
    filter: Filter,
    options: FindOptions = {},
  ): Promise<Page<T>> {
    return this.guard(async () => {
      const sort = totalSort(options.sort);
      const limit = options.limit ?? 1000;
      const cursor = options.cursor ? this.cursors.decode(sort, options.cursor) : null;
      const plan = await this.plan(collection, filter, sort, cursor?.values ?? null);
      if (plan.kind === 'ordered') {
        if (!plan.complete)
          return this.page(await this.firstMatches<T>(plan, filter, limit + 1), sort, limit);
        // SQL reads in sort order from the cursor on: only as many rows as the page needs.
        const { rows } = await this.pool.query<Row>(
          `${plan.sql} LIMIT ${String(limit + 1)}`,
          plan.params,
        );
        return this.page(
          rows.map((row) => row.body as T),
          sort,
          limit,
        );
      }
      const { rows } = await this.pool.query<Row>(plan.sql, plan.params);
      const condition = cursor ? { $and: [filter, afterCursorFilter(sort, cursor)] } : filter;
      const items = find(
        rows.map((row) => row.body),
        condition,
      )
        .sort(sort)
        .limit(limit + 1)
        .all() as T[];
      return this.page(items, sort, limit);
    });
  }

  /**
   * The plan PostgreSQL chooses for the query `find` runs (EXPLAIN text), so operators and
   * tests can see that a declared index answers it.
   */
  explainFind(collection: string, filter: Filter, options: FindOptions = {}): Promise<string> {
    return this.guard(async () => {
      const sort = totalSort(options.sort);
      const cursor = options.cursor ? this.cursors.decode(sort, options.cursor) : null;
      const plan = await this.plan(collection, filter, sort, cursor?.values ?? null);
      const limit = plan.kind === 'ordered' ? ` LIMIT ${String((options.limit ?? 1000) + 1)}` : '';
      const { rows } = await this.pool.query<{ 'QUERY PLAN': string }>(
        `EXPLAIN ${plan.sql}${limit}`,
        plan.params,
      );
      return rows.map((row) => row['QUERY PLAN']).join('\n');
    });
  }

  private page<T extends Document>(items: T[], sort: Sort, limit: number): Page<T> {
    const pageItems = items.slice(0, limit);
    const last = pageItems.at(-1);
    return {
      items: pageItems,
      nextCursor: items.length > limit && last ? this.cursors.encode(sort, last) : null,
    };
  }

  private async plan(
    collection: string,
    filter: Filter,
    sort: Sort,
    cursorValues: readonly unknown[] | null,
  ): Promise<FindPlan> {
    const fields = await this.fields(collection);
    return planFind(this.qualified(collection), filter, sort, cursorValues, fields);
  }

  /** Reads rows in sort order, keeping the first `wanted` that mingo says match. */
  private async firstMatches<T extends Document>(
    plan: FindPlan,
    filter: Filter,
    wanted: number,
  ): Promise<T[]> {
    const query = new Query(filter);
    const items: T[] = [];
    await streamRows<Row>(this.pool, plan.sql, plan.params, ({ body }) => {
      if (query.test(body)) items.push(body as T);
      return items.length < wanted;
    });
    return items;
  }

  count(collection: string, filter: Filter): Promise<number> {
    return this.guard(async () => {
      const params = new SqlParams();
      const where = pushDown(filter, await this.fields(collection), params);
      const from = `FROM ${this.qualified(collection)} ${sqlWhere(where.clauses)}`;
      if (where.complete) {
        const { rows } = await this.pool.query<{ n: string }>(
          `SELECT count(*) AS n ${from}`,
          params.values,
        );
        return Number(rows[0]?.n ?? 0);
      }
      const query = new Query(filter);
      let n = 0;
      await streamRows<Row>(this.pool, `SELECT body ${from}`, params.values, ({ body }) => {
        if (query.test(body)) n += 1;
        return true;
      });
      return n;
    });
  }

  aggregate<T>(collection: string, pipeline: Pipeline): Promise<T[]> {
    return this.guard(async () => {
      const first = pipeline[0];
      const match = first && '$match' in first ? (first.$match as Filter) : null;
      const params = new SqlParams();
      const fields = await this.fields(collection);
      const where = match ? pushDown(match, fields, params) : { clauses: [] };
      const { rows } = await this.pool.query<Row>(
        `SELECT body FROM ${this.qualified(collection)} ${sqlWhere(where.clauses)}`,
        params.values,
      );
      return aggregate(
        rows.map((row) => row.body),
        pipeline,
      ) as T[];
    });
  }

  upsert(collection: string, document: Document): Promise<void> {
    return this.guard(async () => {
      assertId(collection, document);
      await this.fields(collection);
      await this.pool.query(
        prepared(
          `INSERT INTO ${this.qualified(collection)} (id, body) VALUES ($1, $2::jsonb)
           ON CONFLICT (id) DO UPDATE SET body = excluded.body`,
          [document._id, JSON.stringify(document)],
        ),
      );
    });
  }

  insert(collection: string, document: Document): Promise<boolean> {
    return this.guard(async () => {
      assertId(collection, document);
      await this.fields(collection);
      const { rowCount } = await this.pool.query(
        prepared(
          `INSERT INTO ${this.qualified(collection)} (id, body) VALUES ($1, $2::jsonb) ON CONFLICT DO NOTHING`,
          [document._id, JSON.stringify(document)],
        ),
      );
      return (rowCount ?? 0) > 0;
    });
  }

  insertMany(collection: string, documents: readonly Document[]): Promise<string[]> {
    return this.guard(async () => {
      documents.forEach((document) => assertId(collection, document));
      if (documents.length === 0) return [];
      await this.fields(collection);
      const seen = new Set<string>();
      const candidates = documents.filter((d) => !seen.has(d._id) && seen.add(d._id));
      // One statement, in input order: a document conflicting on its id or a unique index
      // (with a stored one or an earlier one of this call) is skipped.
      const { rows } = await this.pool.query<{ id: string }>(
        `INSERT INTO ${this.qualified(collection)} (id, body)
         SELECT d->>'_id', d FROM jsonb_array_elements($1::jsonb) WITH ORDINALITY AS a(d, n)
         ORDER BY n ON CONFLICT DO NOTHING RETURNING id`,
        [JSON.stringify(candidates)],
      );
      const inserted = new Set(rows.map((row) => row.id));
      return candidates.filter((d) => inserted.has(d._id)).map((d) => d._id);
    });
  }

  update(collection: string, id: string, update: Update): Promise<boolean> {
    return this.guard(async () => {
      await this.fields(collection);
      const table = this.qualified(collection);
      return inTransaction(this.pool, async (client) => {
        const { rows } = await client.query<Row>(
          `SELECT body FROM ${table} WHERE id = $1 FOR UPDATE`,
          [id],
        );
        const document = rows[0]?.body;
        if (!document) return false;
        applyUpdate(document, update as Parameters<typeof applyUpdate>[1]);
        await client.query(`UPDATE ${table} SET body = $2::jsonb WHERE id = $1`, [
          id,
          JSON.stringify({ ...document, _id: id }),
        ]);
        return true;
      });
    });
  }

  delete(collection: string, id: string): Promise<boolean> {
    return this.guard(async () => {
      await this.fields(collection);
      const { rowCount } = await this.pool.query(
        prepared(`DELETE FROM ${this.qualified(collection)} WHERE id = $1`, [id]),
      );
      return (rowCount ?? 0) > 0;
    });
  }

  /**
   * One transaction: the checkpoint moves first, conditionally on `expected` (a concurrent
   * writer waits on its row lock, then finds it moved and fails with CheckpointMovedError),
   * then the documents are written. Either all of it commits or none.
   */
  commit(batch: CommitBatch): Promise<void> {
    return this.guard(async () => {
      batch.writes.forEach((write) => {
        if (write.kind === 'put') assertId(write.collection, write.document);
      });
      const collections = [...new Set(batch.writes.map((write) => write.collection))];
      for (const collection of collections) await this.fields(collection);
      await inTransaction(this.pool, async (client) => {
        if (batch.checkpoint) await moveCheckpoint(client, this.checkpoints, batch.checkpoint);
        await applyWrites(client, batch.writes, (collection) => this.qualified(collection));
      });
    });
  }

  getCheckpoint(name: string): Promise<number | null> {
    return this.guard(async () => {
      const { rows } = await this.pool.query<{ position: string }>(
        prepared(`SELECT position FROM ${this.checkpoints} WHERE name = $1`, [name]),
      );
      return rows[0] ? Number(rows[0].position) : null;
    });
  }

  deleteCheckpoint(name: string): Promise<void> {
    return this.guard(async () => {
      await this.pool.query(`DELETE FROM ${this.checkpoints} WHERE name = $1`, [name]);
    });
  }

  /**
   * One transaction: every shadow table replaces its live one (readers wait on the rename's
   * lock and then read the new table) and the live checkpoint takes the shadow's position.
   */
  swapIn(swap: CollectionSwap): Promise<void> {
    return this.guard(async () => {
      const moved = swap.collections.map(({ shadow, live }) => ({
        shadow: tableName(shadow),
        live: tableName(live),
      }));
      for (const { shadow } of swap.collections) await this.fields(shadow);
      await this.ddl(async (client) => {
        // The checkpoints first, then the tables: the order a projector's commit locks them in,
        // so a commit in flight on the live projection finishes first instead of deadlocking.
        await client.query(
          `SELECT 1 FROM ${this.checkpoints} WHERE name = ANY($1::text[]) ORDER BY name FOR UPDATE`,
          [[swap.checkpoint.live, swap.checkpoint.shadow]],
        );
        for (const { shadow, live } of moved) await replaceTable(client, this.schema, shadow, live);
        const { rows } = await client.query<{ position: string }>(
          `DELETE FROM ${this.checkpoints} WHERE name = $1 RETURNING position`,
          [swap.checkpoint.shadow],
        );
        const position = rows[0]?.position;
        if (position === undefined)
          throw new Error(`no checkpoint ${swap.checkpoint.shadow} to swap in`);
        await moveCheckpoint(client, this.checkpoints, {
          name: swap.checkpoint.live,
          position: Number(position),
        });
      });
      for (const { shadow, live } of swap.collections) {
        this.tables.delete(shadow);
        this.tables.delete(live);
      }
    });
  }

  ping(): Promise<void> {
    return this.guard(async () => {
      await this.pool.query('SELECT 1');
    });
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await this.pool.end();
  }

  /** DDL runs under one advisory lock per schema, so processes starting together do not collide. */
  private ddl<T>(work: (client: ClientBase) => Promise<T>): Promise<T> {
    return inTransaction(this.pool, async (client) => {
      await client.query('SELECT pg_advisory_xact_lock(hashtext($1))', [
        `crm-documents:${this.schema}`,
      ]);
      return work(client);
    });
  }

  private async fieldsFromCatalog(client: ClientBase, table: string): Promise<IndexedFields> {
    const catalog = await catalogOf(client, this.schema, table);
    if (!catalog) throw new Error(`table ${table} was not created`);
    return catalog.fields;
  }

  /** The collection's indexed fields; its table is created on first use, as on the embedded store. */
  private fields(collection: string): Promise<IndexedFields> {
    let fields = this.tables.get(collection);
    if (!fields) {
      const table = tableName(collection);
      fields = (async () => {
        const known = await withClient(this.pool, (client) =>
          catalogOf(client, this.schema, table),
        );
        if (known) return known.fields;
        return this.ddl(async (ddl) => {
          await ddl.query(createTableSql(this.schema, table));
          return this.fieldsFromCatalog(ddl, table);
        });
      })();
      this.tables.set(collection, fields);
      fields.catch(() => this.tables.delete(collection));
    }
    return fields;
  }

  /**
   * Translates connection failures to DocumentStoreUnavailableError. A table another process
   * dropped or swapped since this one cached it is looked up (or created) again, once.
   */
  private async guard<T>(work: () => Promise<T>): Promise<T> {
    try {
      return await work();
    } catch (error) {
      if (!isUndefinedTable(error)) throw translatePgError(error);
      this.tables.clear();
      try {
        return await work();
      } catch (retried) {
        throw translatePgError(retried);
      }
    }
  }
}
