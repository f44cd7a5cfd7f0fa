import type { Pool, PoolClient, QueryResult } from 'pg';
import { escapeLiteral } from 'pg';
import type { AppendResult } from '../../store/event-store.port';
import type { AppendRequest, EventInsert, LogState, StoredEvent } from './postgres-batch-plan';
import { planBatch } from './postgres-batch-plan';
import type { BatchOutcome } from './postgres-commit-queue';
import type { EventTables } from './postgres-event-store.schema';
import { isUnavailable, translatePgError } from './postgres-errors';

/** A writer that holds the lock longer than this (hung, paused) makes appends answer 503. */
const LOCK_TIMEOUT = '10s';

/**
 * The write side. A batch of appends is one transaction: take the log's lock (the chain head
 * row), read the revisions and event ids the batch touches, decide every append in memory
 * (postgres-batch-plan.ts), insert the accepted events in one statement, commit. Under the lock
 * the reads cannot go stale, so each append gets its own outcome without savepoints, and
 * positions are drawn and committed in log order (docs/adr/0013).
 */
export class PostgresAppender {
  private readonly sql;

  constructor(
    private readonly pool: Pool,
    private readonly tables: EventTables,
  ) {
    const { events, chain, channel } = tables;
    this.sql = {
      lock: `BEGIN; SET LOCAL lock_timeout = '${LOCK_TIMEOUT}'; SELECT hash FROM ${chain} FOR UPDATE`,
      state: `SELECT 'revision' AS kind, stream_id AS key, NULL AS stream_id, max(revision) AS revision, NULL::bigint AS position
                FROM ${events} WHERE stream_id = ANY($1::text[]) GROUP BY stream_id
              UNION ALL
              SELECT 'event', event_id, stream_id, revision, position
                FROM ${events} WHERE event_id = ANY($2::text[])`,
      insert: `WITH inserted AS (
                 INSERT INTO ${events} (event_id, stream_id, revision, type, schema_version, data, metadata,
                                        command_id, customer_id, recorded_at, previous_hash, hash)
                 SELECT * FROM unnest($1::text[], $2::text[], $3::bigint[], $4::text[], $5::int[], $6::json[],
                                      $7::json[], $8::text[], $9::text[], $10::timestamptz[], $11::text[], $12::text[])
                 RETURNING event_id, position
               ), chained AS (UPDATE ${chain} SET hash = $13)
               SELECT event_id, position FROM inserted`,
      head: `SELECT coalesce(max(position), 0) AS head FROM ${events}`,
      // Delivered at commit, to every process listening on this schema's channel.
      commitAndNotify: `SELECT pg_notify(${escapeLiteral(channel)}, ''); COMMIT`,
    };
  }

  /** One outcome per request, in order. Throws only when the transaction as a whole failed. */
  async commit(requests: AppendRequest[]): Promise<BatchOutcome<AppendResult>[]> {
    let client: PoolClient;
    try {
      client = await this.pool.connect();
    } catch (error) {
      throw translatePgError(error);
    }
    // A connection that dies while checked out also emits 'error' (its query rejects as well);
    // unheard, that event would crash the process.
    const ignore = (): void => undefined;
    client.on('error', ignore);
    let broken: Error | undefined;
    try {
      return await this.inTransaction(client, requests);
    } catch (error) {
      // A broken connection is dropped from the pool; a healthy one rolls back and is reused.
      if (isUnavailable(error)) broken = error as Error;
      else await client.query('ROLLBACK').catch(ignore);
      throw translatePgError(error);
    } finally {
      client.off('error', ignore);
      client.release(broken);
    }
  }

  private async inTransaction(
    client: PoolClient,
    requests: AppendRequest[],
  ): Promise<BatchOutcome<AppendResult>[]> {
    const locked = (await client.query(this.sql.lock)) as unknown as QueryResult<{
      hash: string;
    }>[];
    const chainHead = locked.at(-1)?.rows[0]?.hash;
    if (chainHead === undefined) throw new Error(`${this.tables.chain} has no head row`);
    const log = await this.readState(client, requests, chainHead);
    const plan = planBatch(requests, log, new Date().toISOString());
    const positions = await this.insert(client, plan.rows, plan.chainHead);
    let head: number | null = null;
    if (plan.outcomes.some((o) => o.kind === 'empty')) {
      const { rows } = await client.query<{ head: string }>(this.sql.head);
      head = Number(rows[0]?.head ?? 0);
    }
    await client.query(plan.rows.length > 0 ? this.sql.commitAndNotify : 'COMMIT');
    return plan.outcomes.map((outcome): BatchOutcome<AppendResult> => {
      switch (outcome.kind) {
        case 'written':
          return {
            kind: 'done',
            value: {
              nextExpectedRevision: outcome.nextExpectedRevision,
              position: positions.get(outcome.lastEventId) ?? 0,
            },
          };
        case 'empty':
          return {
            kind: 'done',
            value: { nextExpectedRevision: outcome.nextExpectedRevision, position: head ?? 0 },
          };
        case 'again':
        case 'done':
        case 'failed':
          return outcome;
      }
    });
  }

  private async readState(
    client: PoolClient,
    requests: AppendRequest[],
    chainHead: string,
  ): Promise<LogState> {
    // Text with NUL cannot even be a query parameter; planBatch refuses those appends alone.
    const storable = (text: string): boolean => !text.includes('\u0000');
    const streams = [...new Set(requests.map((r) => r.streamId))].filter(storable);
    const ids = requests.flatMap((r) => r.events.map((e) => e.metadata.eventId)).filter(storable);
    const { rows } = await client.query<{
      kind: 'revision' | 'event';
      key: string;
      stream_id: string | null;
      revision: string;
      position: string | null;
    }>(this.sql.state, [streams, ids]);
    const revisions = new Map<string, number>();
    const storedIds = new Map<string, StoredEvent>();
    for (const row of rows) {
      if (row.kind === 'revision') revisions.set(row.key, Number(row.revision));
      else
        storedIds.set(row.key, {
          streamId: row.stream_id ?? '',
          revision: Number(row.revision),
          position: Number(row.position),
        });
    }
    return { chainHead, revisions, storedIds };
  }

  /** Inserts in chain order; the identity draws positions in that same order. */
  private async insert(
    client: PoolClient,
    rows: EventInsert[],
    chainHead: string,
  ): Promise<Map<string, number>> {
    const positions = new Map<string, number>();
    if (rows.length === 0) return positions;
    const column = <K extends keyof EventInsert>(key: K): EventInsert[K][] =>
      rows.map((row) => row[key]);
    const result = await client.query<{ event_id: string; position: string }>(this.sql.insert, [
      column('eventId'),
      column('streamId'),
      column('revision'),
      column('type'),
      column('schemaVersion'),
      column('data'),
      column('metadata'),
      column('commandId'),
      column('customerId'),
      column('recordedAt'),
      column('previousHash'),
      column('hash'),
      chainHead,
    ]);
    for (const row of result.rows) positions.set(row.event_id, Number(row.position));
    return positions;
  }
}
