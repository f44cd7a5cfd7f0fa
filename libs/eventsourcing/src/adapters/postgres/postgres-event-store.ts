import { EventEmitter } from 'node:events';
import { Pool } from 'pg';
import type { RecordedEvent, NewEvent } from '../../store/event';
import type {
  AppendResult,
  EventStore,
  ExpectedRevision,
  ReadAllOptions,
  ReadAllPage,
  ReadByCustomerOptions,
  ReadStreamOptions,
  SubscribeOptions,
} from '../../store/event-store.port';
import { followLog } from '../../store/follow-log';
import { PostgresAppender } from './postgres-appender';
import type { AppendRequest } from './postgres-batch-plan';
import { AsyncCommitQueue } from './postgres-commit-queue';
import { translatePgError } from './postgres-errors';
import type { EventTables } from './postgres-event-store.schema';
import { eventStoreSchema, eventTables } from './postgres-event-store.schema';
import { PostgresListener } from './postgres-listener';
import type { PgEventRow } from './postgres-rows';
import { EVENT_COLUMNS, ISO_RECORDED_AT, toRecorded, toRecordedWithHash } from './postgres-rows';

export type PostgresEventStoreOptions = {
  connectionString: string;
  /** Schema holding the tables (created on connect); shared with the document store. */
  schema: string;
  /** How often followers re-read the log when no notification woke them. */
  pollIntervalMs?: number;
  poolSize?: number;
  /** Most appends committed in one transaction (group commit). */
  maxBatch?: number;
  /** First delay before the LISTEN connection reconnects; doubles up to 5 s (a longer one stays). */
  listenerRetryMs?: number;
};

/** Application name of the store's pooled connections. */
export const POOL_APPLICATION_NAME = 'crm-event-store';

/**
 * Production event store on PostgreSQL: one `events` table in the configured schema. Appends
 * of this process are group-committed, one transaction at a time, under a log-wide row lock
 * that makes commit order equal position order and keeps one hash chain (docs/adr/0013).
 * Followers poll and are woken by LISTEN/NOTIFY from any process.
 */
export class PostgresEventStore implements EventStore {
  private readonly appended = new EventEmitter();
  private readonly writes: AsyncCommitQueue<AppendRequest, AppendResult>;
  private readonly listener: PostgresListener;
  private readonly sql;

  private constructor(
    private readonly pool: Pool,
    private readonly tables: EventTables,
    private readonly options: PostgresEventStoreOptions,
  ) {
    const appender = new PostgresAppender(pool, tables);
    this.writes = new AsyncCommitQueue(async (requests) => {
      const outcomes = await appender.commit(requests);
      if (outcomes.some((o) => o.kind === 'done')) this.appended.emit('append');
      return outcomes;
    }, options.maxBatch ?? 1000);
    this.appended.setMaxListeners(0);
    this.listener = new PostgresListener({
      connectionString: options.connectionString,
      channel: tables.channel,
      onWake: () => this.appended.emit('append'),
      retryMs: options.listenerRetryMs,
    });
    const { events } = tables;
    this.sql = {
      readAll: `SELECT ${EVENT_COLUMNS} FROM ${events} WHERE position > $1 ORDER BY position LIMIT $2`,
      // Bodies only for wanted types; the scan still advances past the others.
      readAllTyped: `SELECT position, stream_id, revision, type,
                       CASE WHEN type = ANY($3::text[]) THEN data::text END,
                       CASE WHEN type = ANY($3::text[]) THEN metadata::text END, ${ISO_RECORDED_AT},
                       type = ANY($3::text[]) AS wanted
                     FROM ${events} WHERE position > $1 ORDER BY position LIMIT $2`,
      commandResult: `SELECT max(revision) AS revision, max(position) AS position FROM ${events}
                      WHERE command_id = $1 AND stream_id = $2`,
      head: `SELECT coalesce(max(position), 0) AS head FROM ${events}`,
    };
  }

  /** Connects, creates or migrates the tables (safe when several processes start at once). */
  static async connect(options: PostgresEventStoreOptions): Promise<PostgresEventStore> {
    const pool = new Pool({
      connectionString: options.connectionString,
      max: options.poolSize ?? 10,
      application_name: POOL_APPLICATION_NAME,
      connectionTimeoutMillis: 5000,
      keepAlive: true,
    });
    // An idle connection that dies (server restart) reports here; the pool replaces it.
    pool.on('error', () => undefined);
    const tables = eventTables(options.schema);
    try {
      // Another adapter creating the same schema at the same moment can win the race once.
      await migrate(pool, options.schema, tables).catch((error: unknown) => {
        if (!isCatalogRace(error)) throw error;
        return migrate(pool, options.schema, tables);
      });
    } catch (error) {
      await pool.end().catch(() => undefined);
      throw translatePgError(error);
    }
    return new PostgresEventStore(pool, tables, options);
  }

  append(
    streamId: string,
    events: readonly NewEvent[],
    expectedRevision: ExpectedRevision,
  ): Promise<AppendResult> {
    return this.writes.submit({ streamId, events, expectedRevision });
  }

  async readStream(streamId: string, options: ReadStreamOptions = {}): Promise<RecordedEvent[]> {
    const clauses = ['stream_id = $1', 'revision >= $2'];
    const params: unknown[] = [streamId, options.fromRevision ?? 0];
    if (options.toPosition !== undefined) {
      params.push(options.toPosition);
      clauses.push(`position <= $${params.length}`);
    }
    if (options.toTime !== undefined) {
      params.push(options.toTime.toISOString());
      clauses.push(`recorded_at <= $${params.length}`);
    }
    const rows = await this.rows(
      `SELECT ${EVENT_COLUMNS} FROM ${this.tables.events} WHERE ${clauses.join(' AND ')} ORDER BY revision`,
      params,
    );
    return rows.map(toRecorded);
  }

  async readAll({ fromPosition, limit, types }: ReadAllOptions): Promise<ReadAllPage> {
    if (!types) {
      const events = (await this.rows(this.sql.readAll, [fromPosition, limit])).map(toRecorded);
      return { events, position: events.at(-1)?.position ?? fromPosition };
    }
    const rows = await this.rows(this.sql.readAllTyped, [fromPosition, limit, types]);
    // The eighth column of this query says whether the type was wanted.
    const events = rows.filter((row) => (row[7] as unknown) === true).map(toRecorded);
    const last = rows.at(-1);
    return { events, position: last ? Number(last[0]) : fromPosition };
  }

  subscribeToAll(options: SubscribeOptions): AsyncIterable<ReadAllPage> {
    this.listener.start();
    return followLog({
      ...options,
      read: (readOptions) => this.readAll(readOptions),
      pollIntervalMs: this.options.pollIntervalMs ?? 500,
      onAppend: (listener) => {
        this.appended.on('append', listener);
        return () => this.appended.off('append', listener);
      },
    });
  }

  async findCommandResult(streamId: string, commandId: string): Promise<AppendResult | null> {
    const rows = await this.query<{ revision: string | null; position: string | null }>(
      this.sql.commandResult,
      [commandId, streamId],
    );
    const row = rows[0];
    if (row?.revision == null || row.position == null) return null;
    return { nextExpectedRevision: Number(row.revision), position: Number(row.position) };
  }

  async readByCustomer(
    customerId: string,
    options: ReadByCustomerOptions = {},
  ): Promise<RecordedEvent[]> {
    const clauses = ['customer_id = $1', 'position > $2'];
    const params: unknown[] = [customerId, options.fromPosition ?? 0];
    if (options.toPosition !== undefined) {
      params.push(options.toPosition);
      clauses.push(`position <= $${params.length}`);
    }
    if (options.toTime !== undefined) {
      params.push(options.toTime.toISOString());
      clauses.push(`recorded_at <= $${params.length}`);
    }
    let sql = `SELECT ${EVENT_COLUMNS}, hash FROM ${this.tables.events} WHERE ${clauses.join(' AND ')} ORDER BY position`;
    if (options.limit !== undefined) {
      params.push(options.limit);
      sql += ` LIMIT $${params.length}`;
    }
    return (await this.rows(sql, params)).map(toRecordedWithHash);
  }

  async headPosition(): Promise<number> {
    const rows = await this.query<{ head: string }>(this.sql.head, []);
    return Number(rows[0]?.head ?? 0);
  }

  async ping(): Promise<void> {
    await this.query('SELECT 1', []);
  }

  /** Commits the appends already submitted, then closes the connections. */
  async close(): Promise<void> {
    await this.writes.drain();
    this.appended.removeAllListeners();
    await this.listener.close();
    if (!this.pool.ended) await this.pool.end();
  }

  /** Backend pid of the LISTEN connection while it is up (operations and tests). */
  get listenerPid(): number | null {
    return this.listener.pid;
  }

  private async rows(sql: string, params: unknown[]): Promise<PgEventRow[]> {
    try {
      const result = await this.pool.query<PgEventRow>({
        text: sql,
        values: params,
        rowMode: 'array',
      });
      return result.rows;
    } catch (error) {
      throw translatePgError(error);
    }
  }

  private async query<T extends object>(sql: string, params: unknown[]): Promise<T[]> {
    try {
      return (await this.pool.query<T>(sql, params)).rows;
    } catch (error) {
      throw translatePgError(error);
    }
  }
}

/** Under a transaction-scoped advisory lock, so processes starting together migrate one at a time. */
const migrate = async (pool: Pool, schema: string, tables: EventTables): Promise<void> => {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    await client.query("SELECT pg_advisory_xact_lock(hashtext('crm-events:' || $1))", [schema]);
    await client.query(eventStoreSchema(tables));
    await client.query('COMMIT');
    client.release();
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    client.release(error as Error);
    throw error;
  }
};

const isCatalogRace = (error: unknown): boolean =>
  ['23505', '42P06', '42P07'].includes(String((error as { code?: unknown }).code));
